"""Line-lead mode: a full-screen layer over the station with six pages (sync health,
devices, people, station, bridge connection, diagnostics).

Entered with a line lead's badge and PIN (:class:`LineLeadEntry`); leaving closes the layer
and the station is exactly where it was (the screens underneath are never touched). The
rules (who may enter, what a change records, what is valid) are :mod:`kiosk.linelead`'s;
devices, the bridge and the diagnostics bundle are reached through its ``LineLeadPorts``.

Not split (about 1,500 lines): six pages and the entry panel, each a class over the same
layer and the shared field helpers; one module per page would import all the others.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from kiosk import linelead as ll
from kiosk.config import Config, DeviceSettings, load_config
from kiosk.domain import Operator
from kiosk.errors import ConfigError, KioskError, RuleViolation, StoreError
from kiosk.store import outbox
from ui import theme
from ui.dialogs import Overlay
from ui.qt import (
    QCoreApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMouseEvent,
    QObject,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from ui.widgets import Banner, Button, Card, IconLabel, Keypad, apply_key, kinetic, label

if TYPE_CHECKING:
    from ui.shell import Shell

CONTEXT = "LineLead"


def tr(text: str) -> str:
    return translate(CONTEXT, text)


def tr_n(text: str, n: int) -> str:
    """``text`` with ``%n`` in the plural form for ``n`` (English has its own forms in
    ``kiosk_en.ts``)."""
    return QCoreApplication.translate(CONTEXT, text, None, n)


PAGES = ("sync", "devices", "people", "station", "bridge", "diagnostics")


def page_title(key: str) -> str:
    return {
        "sync": tr("Sync health"),
        "devices": tr("Devices"),
        "people": tr("People"),
        "station": tr("Station"),
        "bridge": tr("Bridge connection"),
        "diagnostics": tr("Diagnostics"),
    }[key]


# --- entering ----------------------------------------------------------------------------


class LineLeadEntry(Overlay):
    """Badge first (a scan), then the PIN on the keypad."""

    wants_scan = True

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell, "wrench", tr("Line-lead mode"), "info")
        self.owner = shell  # the shell itself: line-lead mode opens a layer of its own
        m = shell.metrics
        self.badge = ""
        self.pin = ""
        row = QVBoxLayout() if m.portrait else QHBoxLayout()
        row.setSpacing(m.gap)
        left = QVBoxLayout()
        self.step1 = label(tr("1. Line lead: scan your badge."), "title")
        self.step2 = label(tr("2. Enter your PIN. (Scanner broken? The PIN alone works.)"))
        self.dots = QLabel("")
        self.dots.setProperty("role", "hero")
        for w in (self.step1, self.step2, self.dots):
            left.addWidget(w)
        # A panel as tall as the screen would spread the keys over it: hug them.
        self.panel.setMaximumHeight(min(m.height - 2 * m.pad, m.mm(215 if m.portrait else 175)))
        if not m.portrait:
            left.addStretch(1)
        row.addLayout(left, 1)
        self.keypad = Keypad(m, decimal=False, enter_text=tr("Open"))
        self.keypad.key.connect(self.key)
        self.keypad.setMaximumWidth(m.mm(100))
        # Keys keep their glove size; the panel does not stretch them over a tall screen.
        self.keypad.setMaximumHeight(m.mm(115))
        row.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        self.body.addLayout(row)
        self.add_buttons(self.cancel_button())

    def on_scan(self, data: str, gs1: object = None) -> bool:
        self.badge = data
        self.step1.setText(tr("Badge scanned. ✓"))
        return True

    def key(self, key: str) -> None:
        if key != "enter":
            self.pin = apply_key(self.pin, key, limit=12)
            self.dots.setText("●" * len(self.pin))
            return
        try:
            lead = ll.enter(self.shell.engine.store, self.badge, self.pin)
        except RuleViolation as err:
            self.pin = ""
            self.dots.setText("")
            self.show_problem(*self.owner.explain(err))
            return
        shell = self.owner
        shell.close_overlay(self)
        mode = LineLeadMode(shell, lead, getattr(shell, "linelead_ports", None))
        # A full-screen layer, not a centred panel: it keeps the overlay's contract
        # (panel, wants_scan, on_scan) so the shell routes scans and closes it alike.
        shell.show_overlay(cast("Overlay", mode))


def open_line_lead(shell: Shell) -> None:
    """The shell's hook: ask for the badge and PIN (nothing opens without them)."""
    shell.show_overlay(LineLeadEntry(shell))


# --- small parts -------------------------------------------------------------------------


class TextBox(QLineEdit):
    """A text field that asks for the on-screen keyboard when tapped."""

    tapped = Signal(object)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self.tapped.emit(self)


#: The on-screen keyboard: letters, digits and what addresses and paths need.
KEY_ROWS = (
    "1234567890",
    "qwertyuiop",
    "asdfghjkl:",
    "zxcvbnm/._",
    "-@",
)


class Keyboard(QFrame):
    """A glove-sized keyboard docked at the bottom of line-lead mode (a touch panel has
    no other): keys type into the field last tapped; Done hides it."""

    def __init__(self, m: Any) -> None:
        super().__init__()
        self.setObjectName("Panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.target: QLineEdit | None = None
        self.shift = False
        grid = QGridLayout(self)
        grid.setContentsMargins(m.mm(2), m.mm(2), m.mm(2), m.mm(2))
        grid.setSpacing(m.mm(2))
        # Ten 20 mm keys a row fit a portrait panel once the buttons' text padding goes.
        self.setStyleSheet("QPushButton { padding: 0; }")
        self.keys: dict[str, Button] = {}
        size = max(m.mm(12), min(m.target, (m.width - m.mm(30)) // 11))
        for r, row in enumerate(KEY_ROWS):
            for c, ch in enumerate(row):
                b = Button(ch, m, height_mm=size * 25.4 / m.dpi)
                b.setMinimumWidth(size)
                b.clicked.connect(lambda _=False, ch=ch: self.type(ch))
                grid.addWidget(b, r, c)
                self.keys[ch] = b
        specials = (
            ("shift", "⇧", 2, 2),
            ("space", tr("space"), 4, 3),
            ("back", "⌫", 7, 1),
            ("done", tr("Done"), 8, 2),
        )
        for key, text, col, span in specials:
            b = Button(
                text, m, state="info" if key == "done" else "", height_mm=size * 25.4 / m.dpi
            )
            b.clicked.connect(lambda _=False, k=key: self.special(k))
            grid.addWidget(b, 4, col, 1, span)
            self.keys[key] = b
        self.hide()

    def attach(self, edit: QLineEdit) -> None:
        self.target = edit
        self.show()

    def type(self, ch: str) -> None:
        if self.target is not None:
            self.target.insert(ch.upper() if self.shift else ch)
        if self.shift:
            self.special("shift")

    def special(self, key: str) -> None:
        if key == "shift":
            self.shift = not self.shift
            for ch, b in self.keys.items():
                if len(ch) == 1:
                    b.setText(ch.upper() if self.shift else ch)
        elif key == "space" and self.target is not None:
            self.target.insert(" ")
        elif key == "back" and self.target is not None:
            self.target.backspace()
        elif key == "done":
            if self.target is not None:
                self.target.clearFocus()
            self.target = None
            self.hide()


class Field(QWidget):
    """A caption, a text box and the sentence that says what is wrong with it."""

    def __init__(self, m: Any, caption: str, text: str = "", hint: str = "") -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(m.mm(1))
        lay.addWidget(label(caption))
        self.edit = TextBox(text)
        self.edit.setMinimumHeight(m.target)
        self.edit.setPlaceholderText(hint)
        self.edit.setStyleSheet(
            f"QLineEdit {{ background: white; border: 2px solid {theme.BORDER};"
            f" border-radius: {m.mm(1.5)}px; padding: 0 {m.mm(2)}px; }}"
        )
        lay.addWidget(self.edit)
        self.problem = Banner(m, small=True)
        self.problem.hide()
        lay.addWidget(self.problem)

    @property
    def text(self) -> str:
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def show_problem(self, message: str) -> None:
        self.problem.show_state("nok", message)
        self.problem.show()

    def clear_problem(self) -> None:
        self.problem.hide()


class Choice(QWidget):
    """A caption and one glove-sized button per value; one is checked."""

    def __init__(
        self,
        m: Any,
        caption: str,
        options: Sequence[tuple[Any, str]],
        value: Any = None,
        columns: int = 0,
    ) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(m.mm(1))
        lay.addWidget(label(caption))
        grid = QGridLayout()
        grid.setSpacing(m.mm(2))
        self.buttons: dict[Any, Button] = {}
        columns = columns or (3 if m.portrait else 6)
        for i, (v, text) in enumerate(options):
            b = Button(text, m)
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, v=v: self.set_value(v))
            grid.addWidget(b, i // columns, i % columns)
            self.buttons[v] = b
        lay.addLayout(grid)
        self.problem = Banner(m, small=True)
        self.problem.hide()
        lay.addWidget(self.problem)
        self.value: Any = None
        self.set_value(value if value in self.buttons else options[0][0])

    def set_value(self, value: Any) -> None:
        self.value = value
        for v, b in self.buttons.items():
            b.setChecked(v == value)

    def show_problem(self, message: str) -> None:
        self.problem.show_state("nok", message)
        self.problem.show()

    def clear_problem(self) -> None:
        self.problem.hide()


def _clear(layout: Any) -> None:
    while layout.count():
        item = layout.takeAt(0)
        w = item.widget()
        if w is not None:
            w.hide()
            w.deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())


def _local(iso: str | None) -> str:
    if not iso:
        return tr("never")
    from datetime import datetime

    try:
        return (
            datetime.fromisoformat(iso.replace("Z", "+00:00"))
            .astimezone()
            .strftime("%d.%m. %H:%M:%S")
        )
    except ValueError:
        return iso


class Page(QWidget):
    """One line-lead page: a message banner and a flickable body."""

    def __init__(self, mode: LineLeadMode) -> None:
        super().__init__()
        self.mode = mode
        self.shell = mode.shell
        self.m = mode.shell.metrics
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(self.m.mm(2))
        self.message = Banner(self.m)
        self.message.hide()
        outer.addWidget(self.message)
        self.changed = 0  # settings the last save changed
        area = kinetic(QScrollArea())
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(0, 0, self.m.mm(2), 0)
        self.body.setSpacing(self.m.mm(3))
        area.setWidget(inner)
        outer.addWidget(area, 1)

    def refresh(self) -> None:
        pass

    def say(self, state: str, title: str, detail: str = "") -> None:
        self.message.show_state(state, title, detail)
        self.message.show()

    def refused(self, err: KioskError | RuleViolation) -> None:
        self.say("nok", *self.shell.explain(err))

    def save(self, change: Callable[[Config], Sequence[ll.FieldProblem]]) -> bool:
        """Validate, save atomically, record one event per change; say how it went."""
        try:
            changes = ll.save_config_change(
                self.shell.engine.store, self.mode.lead, self.mode.config_path, change
            )
        except ll.SettingsInvalid as err:
            self.say("nok", tr("Not saved: some fields need a correction."), err.next_action)
            return False
        except (RuleViolation, StoreError) as err:
            self.refused(err)
            return False
        self.changed = len(changes)
        if not changes:
            self.say("info", tr("Nothing changed."))
        else:
            self.say(
                "ok",
                tr_n("Saved: %n settings changed.", len(changes)),
                tr("Recorded with your name. The station uses them from its next start."),
            )
        return True


def _card(m: Any) -> tuple[Card, QVBoxLayout]:
    card = Card()
    lay = QVBoxLayout(card)
    lay.setContentsMargins(m.mm(3), m.mm(2), m.mm(3), m.mm(2))
    lay.setSpacing(m.mm(2))
    return card, lay


def _status_line(m: Any, state: str, text: str) -> QWidget:
    w = QWidget()
    row = QHBoxLayout(w)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(m.mm(2))
    colour = {"ok": theme.OK, "nok": theme.NOK, "attention": "#8A6800", "info": theme.INFO}
    icon = {"ok": "ok", "nok": "nok", "attention": "warning", "info": "info"}
    row.addWidget(IconLabel(icon.get(state, "info"), m.mm(7), colour.get(state, theme.TEXT)))
    row.addWidget(label(text), 1)
    return w


# --- sync health -------------------------------------------------------------------------

DISCARD_REASONS = (
    ("erp_has_it", "The ERP already has this record"),
    ("test_data", "Test or training data"),
    ("booked_by_hand", "Booked by hand in the ERP"),
    ("recorded_again", "Wrong data, recorded again correctly"),
)


def state_word(state: str) -> str:
    return {
        "idle": tr("in sync, waiting for the next cycle"),
        "syncing": tr("syncing"),
        "offline": tr("offline"),
        "auth_failed": tr("the bridge refuses this station's token"),
        "not_configured": tr("not set up (no bridge)"),
        "stopped": tr("sync not running"),
        "disk_full": tr("disk full"),
    }.get(state, state.replace("_", " ") or "—")


class SyncPage(Page):
    def __init__(self, mode: LineLeadMode) -> None:
        super().__init__(mode)
        m = self.m
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(m.mm(4))
        self.facts.setVerticalSpacing(m.mm(1))
        card, lay = _card(m)
        lay.addLayout(self.facts)
        self.advice = label("")
        lay.addWidget(self.advice)
        self.body.addWidget(card)
        row = QHBoxLayout()
        row.setSpacing(m.gap)
        self.sync_now = Button(tr("Sync now"), m, icon="sync", state="info")
        self.sync_now.clicked.connect(self._sync_now)
        self.retry_all = Button(tr("Retry all dead letters"), m, icon="loop")
        self.retry_all.clicked.connect(lambda: self.retry(None))
        row.addWidget(self.sync_now)
        row.addWidget(self.retry_all)
        self.body.addLayout(row)
        self.body.addWidget(label(tr("Dead letters (events the bridge refused)"), "title"))
        self.letters = QVBoxLayout()
        self.letters.setSpacing(m.mm(2))
        self.body.addLayout(self.letters)
        self.body.addStretch(1)
        self.discarding: int | None = None
        self.reason: Choice | None = None

    def status(self) -> dict[str, Any]:
        ports = self.mode.ports
        if ports is not None and ports.sync_status is not None:
            try:
                return ports.sync_status()
            except KioskError as err:
                return {"last_error": str(err)}
        with self.shell.engine.store.read() as conn:
            c = outbox.counts(conn)
        return {"state": "not_configured", "queued": c.pending, "dead_letters": c.dead}

    def refresh(self) -> None:
        self.refresh_facts()
        self._letters()

    def refresh_facts(self) -> None:
        m = self.m
        s = self.status()
        _clear(self.facts)
        skew = s.get("clock_skew_s")
        free = s.get("disk_free_bytes")
        rows = [
            (tr("State"), state_word(str(s.get("state", "")))),
            (tr("Queue depth"), tr_n("%n events waiting", int(s.get("queued", 0) or 0))),
            (tr("Last success"), _local(s.get("last_success"))),
            (
                tr("Offline since"),
                _local(s.get("offline_since")) if s.get("offline_since") else tr("online"),
            ),
            (
                tr("Clock skew"),
                tr("{0:+.1f} s against the bridge").format(skew)
                if isinstance(skew, (int, float))
                else tr("not measured yet"),
            ),
            (tr("Dead letters"), str(s.get("dead_letters", 0))),
        ]
        if isinstance(free, int):
            rows.append((tr("Free disk"), f"{free // (1024 * 1024)} MB"))
        for i, (k, v) in enumerate(rows):
            col = (i % 2) * 2 if not m.portrait else 0
            r = i // 2 if not m.portrait else i
            cap = label(k, "muted")
            self.facts.addWidget(cap, r, col)
            val = label(v)
            val.setStyleSheet("font-weight: bold;")
            self.facts.addWidget(val, r, col + 1)
        advice = [s.get("clock_skew_warning"), s.get("last_error"), s.get("next_action")]
        self.advice.setText("\n".join(str(a) for a in advice if a))
        self.advice.setVisible(any(advice))
        self.sync_now.setVisible(
            self.mode.ports is not None and self.mode.ports.sync_now is not None
        )

    def _letters(self) -> None:
        m = self.m
        _clear(self.letters)
        with self.shell.engine.store.read() as conn:
            letters = outbox.dead_letters(conn, 200)
        self.retry_all.setEnabled(bool(letters))
        if not letters:
            self.letters.addWidget(_status_line(m, "ok", tr("No dead letters: nothing is stuck.")))
        for d in letters:
            card, lay = _card(m)
            lay.addWidget(label(f"#{d.seq} · {d.type} · {_local(d.occurred_at)}", "title"))
            why = f"{d.code or ''}: {d.reason or ''}".strip(": ")
            lay.addWidget(_status_line(m, "nok", tr("Refused: {0}").format(why)))
            row = QHBoxLayout()
            row.setSpacing(m.gap)
            retry = Button(tr("Retry"), m, icon="loop")
            retry.clicked.connect(lambda _=False, s=d.seq: self.retry([s]))
            discard = Button(tr("Discard…"), m, icon="scrap")
            discard.clicked.connect(lambda _=False, s=d.seq: self.ask_discard(s))
            row.addWidget(retry)
            row.addWidget(discard)
            row.addStretch(1)
            lay.addLayout(row)
            if self.discarding == d.seq:
                self.reason = Choice(
                    m,
                    tr("Why is it discarded? (recorded with your name)"),
                    [(k, tr(t)) for k, t in DISCARD_REASONS],
                    None,
                    columns=1 if m.portrait else 2,
                )
                self.reason.set_value(None)
                lay.addWidget(self.reason)
                go = Button(tr("Discard for good"), m, icon="scrap", state="nok")
                go.clicked.connect(lambda _=False, s=d.seq: self.discard(s))
                lay.addWidget(go)
            self.letters.addWidget(card)

    def _sync_now(self) -> None:
        ports = self.mode.ports
        if ports is not None and ports.sync_now is not None:
            ports.sync_now()
            self.say("info", tr("Sync started."), tr("The figures update when it is done."))
            QTimer.singleShot(1500, self.refresh)

    def retry(self, seqs: list[int] | None) -> None:
        try:
            n = ll.retry_dead_letters(self.shell.engine.store, self.mode.lead, seqs)
        except (RuleViolation, StoreError) as err:
            self.refused(err)
            return
        self.say("ok", tr_n("%n events queued again.", n), tr("They go with the next sync."))
        if self.mode.ports is not None and self.mode.ports.sync_now is not None:
            self.mode.ports.sync_now()
        self.refresh()

    def ask_discard(self, seq: int) -> None:
        self.discarding = seq
        self._letters()

    def discard(self, seq: int) -> None:
        key = self.reason.value if self.reason is not None else None
        text = dict(DISCARD_REASONS).get(key, "") if key else ""
        try:
            ll.discard_dead_letter(self.shell.engine.store, self.mode.lead, seq, text)
        except (RuleViolation, StoreError) as err:
            if self.reason is not None:
                self.reason.show_problem(tr("Pick why it is discarded; nothing was discarded."))
            self.refused(err)
            return
        self.discarding = None
        self.say("ok", tr("Event {0} discarded.").format(seq), tr("The reason is recorded."))
        self.refresh()


# --- devices -----------------------------------------------------------------------------


class _Relay(QObject):
    """Carries device events from the device thread to the GUI thread (queued)."""

    arrived = Signal(object)


KINDS = (("scanner", "Scanner"), ("torque", "Torque tool"))


class DevicesPage(Page):
    def __init__(self, mode: LineLeadMode) -> None:
        super().__init__(mode)
        m = self.m
        self.relay = _Relay(self)
        self.relay.arrived.connect(self._arrived)
        self.test: ll.DeviceTest | None = None
        self.events: list[ll.DeviceEvent] = []
        self.index: int | None = None  # which configured device the form edits (None: new)
        self.removing: int | None = None  # the device whose Remove was tapped once
        # the live test
        card, lay = _card(m)
        lay.addWidget(label(tr("Live test"), "title"))
        self.tool_row = QHBoxLayout()
        self.tool_row.setSpacing(m.gap)
        self.pset = Field(m, tr("Program (pset)"), "1")
        self.pset.edit.setMaximumWidth(m.mm(40))
        self.tool_row.addWidget(self.pset)
        sel = Button(tr("Select program"), m)
        sel.clicked.connect(self._select_pset)
        on = Button(tr("Enable tool"), m, icon="play")
        on.clicked.connect(lambda: self._tool("enable"))
        off = Button(tr("Disable tool"), m, icon="lock")
        off.clicked.connect(lambda: self._tool("disable"))
        self.tool_buttons = [sel, on, off]
        for b in self.tool_buttons:
            self.tool_row.addWidget(b, 0, Qt.AlignmentFlag.AlignBottom)
        lay.addLayout(self.tool_row)
        self.log_box = QWidget()
        self.log = QVBoxLayout(self.log_box)
        self.log.setContentsMargins(0, 0, 0, 0)
        self.log.setSpacing(m.mm(1))
        lay.addWidget(self.log_box)
        self.body.addWidget(card)
        self.body.addWidget(label(tr("Configured devices"), "title"))
        self.configured = QVBoxLayout()
        self.configured.setSpacing(m.mm(2))
        self.body.addLayout(self.configured)
        self.body.addWidget(label(tr("Serial ports on this PC"), "title"))
        self.ports_box = QVBoxLayout()
        self.ports_box.setSpacing(m.mm(2))
        self.body.addLayout(self.ports_box)
        # the form
        card, lay = _card(m)
        self.form_title = label(tr("New device"), "title")
        lay.addWidget(self.form_title)
        self.kind = Choice(m, tr("Kind"), [(k, tr(t)) for k, t in KINDS], "scanner")
        for b in self.kind.buttons.values():
            b.clicked.connect(self._kind_changed)
        lay.addWidget(self.kind)
        self.url = Field(m, tr("Port or address"), "", "/dev/ttyACM0, COM3, socket://10.0.0.7:4545")
        lay.addWidget(self.url)
        self.baud = Choice(
            m, tr("Baud rate"), [(b, str(b)) for b in (9600, 19200, 38400, 57600, 115200)], 9600
        )
        lay.addWidget(self.baud)
        self.terminator = Choice(
            m,
            tr("Terminator (scanner)"),
            [("cr", "CR"), ("lf", "LF"), ("crlf", "CR LF"), ("tab", "Tab"), ("none", tr("none"))],
            "cr",
        )
        lay.addWidget(self.terminator)
        self.parity = Choice(
            m, tr("Parity (scanner)"), [("N", tr("none")), ("E", tr("even")), ("O", tr("odd"))]
        )
        lay.addWidget(self.parity)
        self.bytesize = Choice(m, tr("Data bits (scanner)"), [(8, "8"), (7, "7")], 8)
        lay.addWidget(self.bytesize)
        self.encoding = Choice(m, tr("Encoding (scanner)"), [(e, e) for e in ll.ENCODINGS])
        lay.addWidget(self.encoding)
        self.protocol = Choice(
            m,
            tr("Protocol (torque tool)"),
            [("open-protocol", "Open Protocol"), ("ascii", "ASCII")],
        )
        lay.addWidget(self.protocol)
        self.profile = Choice(m, tr("Open Protocol profile"), [(p, p) for p in ll.PROFILES])
        lay.addWidget(self.profile)
        self.revision = Choice(m, tr("Open Protocol revision"), [(r, str(r)) for r in (1, 2, 3)], 3)
        lay.addWidget(self.revision)
        row = QHBoxLayout()
        row.setSpacing(m.gap)
        self.save_button = Button(tr("Save device"), m, icon="check", state="ok")
        self.save_button.clicked.connect(self.save_device)
        self.test_button = Button(tr("Start live test"), m, icon="play", state="info")
        self.test_button.clicked.connect(self.toggle_test)
        new = Button(tr("New device"), m, icon="part")
        new.clicked.connect(lambda: self.edit(None))
        row.addWidget(self.save_button)
        row.addWidget(self.test_button)
        row.addWidget(new)
        lay.addLayout(row)
        self.body.addWidget(card)
        self.body.addStretch(1)
        self._kind_changed()
        self._show_log()

    # the lists
    def refresh(self) -> None:
        m = self.m
        _clear(self.configured)
        cfg = self.mode.config()
        devices = cfg.devices if cfg is not None else []
        if not devices:
            self.configured.addWidget(label(tr("No device is configured yet."), "muted"))
        for i, d in enumerate(devices):
            card, lay = _card(m)
            row = QHBoxLayout()
            row.setSpacing(m.gap)
            row.addWidget(IconLabel("scanner" if d.kind == "scanner" else "torque", m.mm(10)))
            opts = ", ".join(f"{k}={v}" for k, v in d.options.items())
            row.addWidget(label(f"{tr(dict(KINDS).get(d.kind, d.kind))}: {d.url}\n{opts}"), 1)
            state = self.shell.device_states.get(d.kind)
            if state:
                words = {
                    "connected": ("ok", tr("connected")),
                    "disconnected": ("nok", tr("disconnected")),
                    "error": ("nok", tr("error")),
                }
                look, word = words.get(state[0], ("attention", state[0]))
                row.addWidget(_status_line(m, look, word))
            edit = Button(tr("Edit"), m, icon="wrench")
            edit.clicked.connect(lambda _=False, i=i: self.edit(i))
            row.addWidget(edit)
            if self.removing == i:  # the second tap of a destructive action
                remove = Button(tr("Remove for good"), m, icon="scrap", state="nok")
                remove.clicked.connect(lambda _=False, i=i: self.remove_device(i))
            else:
                remove = Button(tr("Remove…"), m, icon="scrap")
                remove.clicked.connect(lambda _=False, i=i: self.ask_remove(i))
            row.addWidget(remove)
            lay.addLayout(row)
            self.configured.addWidget(card)
        _clear(self.ports_box)
        ports = self.mode.ports
        found: list[dict[str, Any]] = []
        if ports is not None and ports.list_ports is not None:
            with contextlib.suppress(Exception):
                found = ports.list_ports()
        if not found:
            self.ports_box.addWidget(
                label(tr("No serial port found. Plug the device in, or type its address."), "muted")
            )
        for p in found:
            vidpid = (
                f"{p.get('vid'):04X}:{p.get('pid'):04X}"
                if isinstance(p.get("vid"), int) and isinstance(p.get("pid"), int)
                else "—"
            )
            text = f"{p.get('device')} · {p.get('description') or ''} · {vidpid}"
            if p.get("serial_number"):
                text += f" · SN {p.get('serial_number')}"
            card, lay = _card(m)
            row = QHBoxLayout()
            row.setSpacing(m.gap)
            row.addWidget(IconLabel("scanner", m.mm(10)))
            row.addWidget(label(text), 1)
            b = Button(tr("Use this port"), m)
            device = str(p.get("device"))
            b.clicked.connect(lambda _=False, dev=device: self.url.set_text(dev))
            row.addWidget(b)
            lay.addLayout(row)
            self.ports_box.addWidget(card)

    def ask_remove(self, index: int) -> None:
        self.removing = index
        self.refresh()

    def remove_device(self, index: int) -> None:
        self.removing = None

        def change(cfg: Config) -> list[ll.FieldProblem]:
            if index < len(cfg.devices):
                del cfg.devices[index]
            return []

        if self.save(change):
            self.edit(None)
            self.apply(self.mode.config())
        self.refresh()

    def edit(self, index: int | None) -> None:
        cfg = self.mode.config()
        self.index = index
        d = cfg.devices[index] if cfg is not None and index is not None else None
        self.form_title.setText(
            tr("Device {0}").format((index or 0) + 1) if d else tr("New device")
        )
        self.kind.set_value(d.kind if d else "scanner")
        self.url.set_text(d.url if d else "")
        o = d.options if d else {}
        self.baud.set_value(o.get("baudrate", 9600))
        self.terminator.set_value(o.get("terminator", "cr"))
        self.encoding.set_value(o.get("encoding", "latin-1"))
        self.parity.set_value(o.get("parity", "N"))
        self.bytesize.set_value(o.get("bytesize", 8))
        self.protocol.set_value(o.get("protocol", "open-protocol"))
        self.profile.set_value(o.get("profile", "standard"))
        self.revision.set_value(o.get("revision", 3))
        self._kind_changed()

    def _kind_changed(self) -> None:
        scanner = self.kind.value == "scanner"
        for w in (self.terminator, self.encoding, self.parity, self.bytesize):
            w.setVisible(scanner)
        for w in (self.protocol, self.profile, self.revision):
            w.setVisible(not scanner)
        self.pset.setVisible(not scanner)
        for b in self.tool_buttons:
            b.setVisible(not scanner)

    def options(self) -> dict[str, Any]:
        if self.url.text.startswith("virtual:"):
            return {}  # a virtual device has no line settings (demo and tests)
        opts: dict[str, Any] = {"baudrate": self.baud.value}
        if self.kind.value == "scanner":
            opts |= {
                "terminator": self.terminator.value,
                "encoding": self.encoding.value,
                "parity": self.parity.value,
                "bytesize": self.bytesize.value,
            }
        else:
            opts["protocol"] = self.protocol.value
            if self.protocol.value == "open-protocol":
                opts |= {"profile": self.profile.value, "revision": self.revision.value}
        return opts

    def _check(self) -> list[ll.FieldProblem]:
        problems = ll.device_problems(self.kind.value, self.url.text, self.options())
        fields: dict[str, Field | Choice] = {
            "url": self.url,
            "baudrate": self.baud,
            "terminator": self.terminator,
        }
        for f in (self.url, self.baud, self.terminator):
            f.clear_problem()
        for p in problems:
            target = fields.get(p.field)
            if target is not None:
                target.show_problem(tr(p.message))
        return problems

    def save_device(self) -> None:
        if self._check():
            self.say("nok", tr("Not saved: some fields need a correction."))
            return
        entry = DeviceSettings(self.kind.value, self.url.text, self.options())

        def change(cfg: Config) -> list[ll.FieldProblem]:
            if self.index is not None and self.index < len(cfg.devices):
                old = cfg.devices[self.index]
                keep = {k: v for k, v in old.options.items() if k not in entry.options}
                if old.kind == entry.kind:
                    entry.options = keep | entry.options
                cfg.devices[self.index] = entry
            else:
                cfg.devices.append(entry)
            return []

        if self.save(change):
            cfg = self.mode.config()
            if self.index is None and cfg is not None:
                self.index = len(cfg.devices) - 1
            self.apply(cfg)
            self.refresh()

    def apply(self, cfg: Config | None) -> None:
        """Run the station on the saved devices now, when the station offers it."""
        ports = self.mode.ports
        if cfg is None or ports is None or ports.apply_devices is None or not self.changed:
            return
        self.stop_test()
        problems = ports.apply_devices(cfg.devices)
        if problems:
            self.say(
                "attention",
                tr("Saved, but a device could not be started."),
                "; ".join(f"{kind}: {why}" for kind, why in problems),
            )
        else:
            self.say(
                "ok",
                tr("Saved and applied: the station uses these devices now."),
                tr("Recorded with your name."),
            )

    # the live test
    def toggle_test(self) -> None:
        if self.test is not None:
            self.stop_test()
            return
        if self._check():
            self.say("nok", tr("Correct the marked fields first."))
            return
        ports = self.mode.ports
        if ports is None or ports.start_device_test is None:
            self.say("attention", tr("Live tests need the station's devices (kiosk run)."))
            return
        self.events = []
        try:
            self.test = ports.start_device_test(
                self.kind.value, self.url.text, self.options(), self.relay.arrived.emit
            )
        except RuleViolation as err:
            self.url.show_problem(f"{err.message} {err.next_action}".strip())
            self.refused(err)
            return
        self.test_button.setText(tr("Stop live test"))
        self.say(
            "info",
            tr("Live test running on {0}.").format(self.url.text),
            tr("Scan a code or run the tool: each read appears below."),
        )
        self._show_log()

    def stop_test(self) -> None:
        if self.test is not None:
            self.test.stop()
            self.test = None
        self.test_button.setText(tr("Start live test"))

    def _arrived(self, event: object) -> None:
        if isinstance(event, ll.DeviceEvent):
            self.events.insert(0, event)
            del self.events[12:]
            self._show_log()

    def _show_log(self) -> None:
        m = self.m
        _clear(self.log)
        if not self.events:
            self.log.addWidget(label(tr("Nothing has arrived yet."), "muted"))
        state_of = {"scan": "ok", "tightening": "info", "status": "info"}
        for e in self.events:
            state = state_of.get(e.kind, "nok")
            if e.kind == "tightening" and e.text.startswith("NOK"):
                state = "nok"
            text = {
                "garbage": tr(
                    "Unreadable bytes arrived: the serial settings (baud rate, parity, data bits) "
                    "do not match the device's."
                ),
            }.get(e.kind, e.text)
            box = QWidget()
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(0)
            col.addWidget(_status_line(m, state, text))
            if e.fields:
                col.addWidget(label("   " + " · ".join(f"{k}: {v}" for k, v in e.fields), "muted"))
            self.log.addWidget(box)

    def _select_pset(self) -> None:
        try:
            pset = int(self.pset.text)
        except ValueError:
            self.pset.show_problem(tr("A program is a number 0…999."))
            return
        if not 0 <= pset <= 999:
            self.pset.show_problem(tr("A program is a number 0…999."))
            return
        self.pset.clear_problem()
        self._tool("pset", pset)

    def _tool(self, what: str, pset: int = 0) -> None:
        if self.test is None:
            self.say("attention", tr("Start the live test first."))
            return
        try:
            if what == "pset":
                self.test.select_pset(pset)
                self.say("info", tr("Program {0} requested.").format(pset))
            elif what == "enable":
                self.test.enable_tool()
                self.say("info", tr("Tool enable requested."))
            else:
                self.test.disable_tool()
                self.say("info", tr("Tool disable requested."))
        except (RuleViolation, KioskError) as err:
            self.refused(err)


# --- people ------------------------------------------------------------------------------


class PeoplePage(Page):
    def __init__(self, mode: LineLeadMode) -> None:
        super().__init__(mode)
        self.list = QVBoxLayout()
        self.list.setSpacing(self.m.mm(2))
        self.body.addWidget(label(tr("Operators on this shift"), "title"))
        self.body.addLayout(self.list)
        self.body.addStretch(1)

    def refresh(self) -> None:
        m = self.m
        _clear(self.list)
        people = ll.people_on_shift(self.shell.engine.store, now=self.shell.engine.clock())
        if not people:
            self.list.addWidget(label(tr("Nobody has logged in on this shift yet."), "muted"))
        words = {"valid": tr("valid"), "expiring": tr("expires soon"), "expired": tr("expired")}
        states = {"valid": "ok", "expiring": "attention", "expired": "nok"}
        for p in people:
            card, lay = _card(m)
            row = QHBoxLayout()
            row.setSpacing(m.gap)
            row.addWidget(IconLabel("user", m.mm(10)))
            seen = tr("last log-in {0}").format(_local(p.last_login)) if p.last_login else ""
            row.addWidget(label(f"{p.operator.name} · {p.operator.badge}  {seen}", "title"), 1)
            if p.pin_locked:
                unlock = Button(tr("Unlock PIN"), m, icon="lock", state="attention")
                unlock.clicked.connect(lambda _=False, op=p.operator: self.unlock(op))
                row.addWidget(unlock)
            lay.addLayout(row)
            if p.pin_locked:
                lay.addWidget(_status_line(m, "attention", tr("PIN locked after wrong tries.")))
            if not p.certifications:
                lay.addWidget(label(tr("No certification on record."), "muted"))
            for c in p.certifications:
                until = c.expires.isoformat() if c.expires else tr("no end date")
                lay.addWidget(
                    _status_line(m, states[c.state], f"{c.operation}: {words[c.state]} ({until})")
                )
            self.list.addWidget(card)

    def unlock(self, op: Operator) -> None:
        try:
            ll.unlock(self.shell.engine.store, self.mode.lead, op.id)
        except (RuleViolation, StoreError) as err:
            self.refused(err)
            return
        self.say(
            "ok", tr("The PIN of {0} is unlocked.").format(op.name), tr("Recorded with your name.")
        )
        self.refresh()


# --- station -----------------------------------------------------------------------------


class StationPage(Page):
    def __init__(self, mode: LineLeadMode) -> None:
        super().__init__(mode)
        m = self.m
        card, lay = _card(m)
        self.identity = label("", "title")
        lay.addWidget(self.identity)
        lay.addWidget(
            label(
                tr("The station id is bound to its token: IT changes it by re-provisioning."),
                "muted",
            )
        )
        self.name = Field(m, tr("Name"))
        self.line = Field(m, tr("Line"))
        self.language = Choice(
            m, tr("Language default"), [("en", "English"), ("de", "Deutsch"), ("es", "Español")]
        )
        self.idle = Choice(
            m,
            tr("Idle lock after"),
            [(s, tr("{0} min").format(s // 60)) for s in ll.IDLE_LOCK_CHOICES],
            300,
        )
        for w in (self.name, self.line, self.language, self.idle):
            lay.addWidget(w)
        save = Button(tr("Save station settings"), m, icon="check", state="ok")
        save.clicked.connect(self.save_station)
        lay.addWidget(save)
        self.body.addWidget(card)
        card, lay = _card(m)
        lay.addWidget(label(tr("Operations and work orders (from the ERP)"), "title"))
        self.operations = label("")
        lay.addWidget(self.operations)
        self.orders = QVBoxLayout()
        lay.addLayout(self.orders)
        self.body.addWidget(card)
        self.body.addStretch(1)

    def refresh(self) -> None:
        cfg = self.mode.config()
        st = cfg.station if cfg is not None else None
        eng = self.shell.engine
        sid = st.id if st else eng.station.id
        self.identity.setText(tr("Station {0}").format(sid))
        self.name.set_text(st.name if st else eng.station.name)
        self.line.set_text(st.line if st else eng.station.line)
        self.language.set_value(st.language if st else "en")
        self.idle.set_value(st.idle_lock_s if st else 300)
        ops = ", ".join(eng.station.operations) or tr("none assigned")
        self.operations.setText(tr("Operations: {0}").format(ops))
        _clear(self.orders)
        queue = eng.work_queue()
        if not queue:
            self.orders.addWidget(label(tr("No work order is assigned to this station."), "muted"))
        for wo in queue[:12]:
            self.orders.addWidget(
                label(
                    f"{wo.number} · {wo.product} · {wo.operation} · {tr('quantity')} {wo.quantity}"
                )
            )

    def save_station(self) -> None:
        values = {
            "name": self.name.text,
            "line": self.line.text,
            "language": self.language.value,
            "idle_lock_s": self.idle.value,
        }
        problems = ll.station_problems(values)
        fields: dict[str, Field | Choice] = {
            "name": self.name,
            "line": self.line,
            "language": self.language,
            "idle_lock_s": self.idle,
        }
        for f in fields.values():
            f.clear_problem()
        for p in problems:
            fields[p.field].show_problem(tr(p.message))

        def change(cfg: Config) -> list[ll.FieldProblem]:
            for k, v in values.items():
                setattr(cfg.station, k, v)
            return problems

        if self.save(change) and isinstance(values["idle_lock_s"], int):
            self.shell.engine.idle_lock_s = values["idle_lock_s"]  # the idle lock applies now


# --- bridge ------------------------------------------------------------------------------


class BridgePage(Page):
    def __init__(self, mode: LineLeadMode) -> None:
        super().__init__(mode)
        m = self.m
        card, lay = _card(m)
        self.url = Field(m, tr("Bridge URL"), "", "https://erp-bridge.plant.example:8765")
        self.token = Field(m, tr("Token file"), "", "/etc/kiosk/token")
        self.ca = Field(m, tr("CA file (empty: the system's trust)"), "", "/etc/kiosk/ca.pem")
        for f in (self.url, self.token, self.ca):
            lay.addWidget(f)
        self.result = Banner(m)
        self.result.hide()
        lay.addWidget(self.result)
        self.skew = label("", "muted")
        lay.addWidget(self.skew)
        row = QHBoxLayout()
        row.setSpacing(m.gap)
        test = Button(tr("Test connection"), m, icon="sync", state="info")
        test.clicked.connect(self.test_connection)
        save = Button(tr("Save bridge settings"), m, icon="check", state="ok")
        save.clicked.connect(self.save_bridge)
        row.addWidget(test)
        row.addWidget(save)
        lay.addLayout(row)
        self.body.addWidget(card)
        self.body.addStretch(1)

    def refresh(self) -> None:
        cfg = self.mode.config()
        if cfg is not None:
            self.url.set_text(cfg.bridge.url)
            self.token.set_text(cfg.bridge.token_file)
            self.ca.set_text(cfg.bridge.ca_file)
        s = self.mode.pages["sync"].status()  # type: ignore[attr-defined]
        skew = s.get("clock_skew_s")
        self.skew.setText(
            tr("Clock skew at the last sync: {0:+.1f} s").format(skew)
            if isinstance(skew, (int, float))
            else tr("Clock skew: not measured yet.")
        )

    def _check(self) -> list[ll.FieldProblem]:
        problems = ll.bridge_problems(self.url.text, self.token.text, self.ca.text)
        fields = {"url": self.url, "token_file": self.token, "ca_file": self.ca}
        for f in fields.values():
            f.clear_problem()
        for p in problems:
            fields[p.field].show_problem(p.message)
        return problems

    def test_connection(self) -> None:
        self.result.hide()
        if self._check():
            return
        ports = self.mode.ports
        if ports is None or ports.test_bridge is None:
            self.result.show_state("attention", tr("This station cannot reach a bridge from here."))
            self.result.show()
            return
        ok, sentence = ports.test_bridge(self.url.text, self.token.text, self.ca.text)
        self.result.show_state("ok" if ok else "nok", sentence)
        self.result.show()

    def save_bridge(self) -> None:
        problems = self._check()
        url, token, ca = self.url.text.rstrip("/"), self.token.text, self.ca.text

        def change(cfg: Config) -> list[ll.FieldProblem]:
            cfg.bridge.url, cfg.bridge.token_file, cfg.bridge.ca_file = url, token, ca
            return problems

        self.save(change)


# --- diagnostics -------------------------------------------------------------------------


class DiagnosticsPage(Page):
    def __init__(self, mode: LineLeadMode) -> None:
        super().__init__(mode)
        m = self.m
        card, lay = _card(m)
        lay.addWidget(
            label(
                tr(
                    "A zip for IT: logs, a database backup, the settings without secrets, "
                    "device and sync status."
                )
            )
        )
        self.sticks = QVBoxLayout()
        self.sticks.setSpacing(m.mm(2))
        lay.addLayout(self.sticks)
        self.folder = Field(m, tr("Folder"), str(Path.home()))
        lay.addWidget(self.folder)
        self.write = Button(tr("Write diagnostics bundle"), m, icon="document", state="info")
        self.write.clicked.connect(self.write_bundle)
        lay.addWidget(self.write)
        self.body.addWidget(card)
        self.body.addStretch(1)

    def refresh(self) -> None:
        _clear(self.sticks)
        ports = self.mode.ports
        sticks: list[Path] = []
        if ports is not None and ports.removable_folders is not None:
            with contextlib.suppress(OSError):
                sticks = ports.removable_folders()
        if not sticks:
            self.sticks.addWidget(
                label(tr("No USB stick found: plug one in, or type a folder."), "muted")
            )
        else:
            self.sticks.addWidget(label(tr("USB sticks found (tap one):"), "muted"))
            if self.folder.text in ("", str(Path.home())):
                self.folder.set_text(str(sticks[0]))  # the stick is the usual target
        for s in sticks:
            b = Button(str(s), self.m, icon="document")
            b.clicked.connect(lambda _=False, s=s: self.folder.set_text(str(s)))
            self.sticks.addWidget(b)

    def write_bundle(self) -> None:
        ports = self.mode.ports
        self.folder.clear_problem()
        if ports is None or ports.write_diagnostics is None:
            self.say("attention", tr("Diagnostics need the running station (kiosk run)."))
            return
        folder = Path(self.folder.text).expanduser()
        try:
            out = ports.write_diagnostics(folder)
        except OSError as err:
            sentence = err.strerror or str(err)
            self.folder.show_problem(sentence)
            self.say("nok", tr("The bundle was not written."), sentence)
            return
        self.say("ok", tr("Diagnostics written."), str(out))


# --- the mode ----------------------------------------------------------------------------

PAGE_CLASSES: dict[str, type[Page]] = {
    "sync": SyncPage,
    "devices": DevicesPage,
    "people": PeoplePage,
    "station": StationPage,
    "bridge": BridgePage,
    "diagnostics": DiagnosticsPage,
}
ICONS = {
    "sync": "checklist",
    "devices": "scanner",
    "people": "user",
    "station": "station",
    "bridge": "sync",
    "diagnostics": "document",
}


class LineLeadMode(QWidget):
    """The full-screen layer. The station underneath keeps its screen, unit and step;
    while the layer is open the station is kept from idling into the lock screen."""

    wants_scan = True

    def __init__(self, shell: Shell, lead: Operator, ports: ll.LineLeadPorts | None) -> None:
        super().__init__(shell)
        self.shell = shell
        self.lead = lead
        self.ports = ports
        self.config_path = ports.config_path if ports is not None else None
        m = shell.metrics
        self.setObjectName("Root")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.panel = self  # what Shell.show_overlay shows
        self.where = shell.current_name(), shell.engine.unit, shell.engine.position
        outer = QVBoxLayout(self)
        outer.setContentsMargins(m.pad, m.pad, m.pad, m.pad)
        outer.setSpacing(m.mm(2))
        head = QFrame()
        head.setObjectName("TopBar")
        head.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        hl = QHBoxLayout(head)
        hl.setContentsMargins(m.pad, m.mm(1), m.pad, m.mm(1))
        hl.addWidget(IconLabel("wrench", m.mm(9), theme.BAR_TEXT))
        self.title = label(tr("Line-lead mode · {0}").format(lead.name), wrap=False)
        hl.addWidget(self.title, 1)
        st = shell.engine.station
        hl.addWidget(label(f"{st.id} · {st.name}", wrap=False))
        outer.addWidget(head)
        self.notice = Banner(m)
        self.notice.hide()
        outer.addWidget(self.notice)
        body = QVBoxLayout() if m.portrait else QHBoxLayout()
        body.setSpacing(m.gap)
        nav = QGridLayout()
        nav.setSpacing(m.mm(2))
        self.nav: dict[str, Button] = {}
        for i, key in enumerate(PAGES):
            b = Button(page_title(key), m, icon=ICONS[key])
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, k=key: self.show_page(k))
            if m.portrait:
                nav.addWidget(b, i // 3, i % 3)
            else:
                nav.addWidget(b, i, 0)
            self.nav[key] = b
        self.leave_button = Button(tr("Leave line-lead mode"), m, icon="back", state="")
        self.leave_button.clicked.connect(self.leave)
        navw = QWidget()
        navl = QVBoxLayout(navw)
        navl.setContentsMargins(0, 0, 0, 0)
        navl.addLayout(nav)
        navl.addStretch(1)
        if not m.portrait:
            navl.addWidget(self.leave_button)
            navw.setFixedWidth(min(m.mm(110), m.width // 4))
        body.addWidget(navw)
        self.stack = QStackedWidget()
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        right = QVBoxLayout()
        right.setSpacing(m.mm(2))
        right.addWidget(self.stack, 1)
        # Docked under the page, beside the navigation: the field being typed stays seen.
        self.keyboard = Keyboard(m)
        right.addWidget(self.keyboard)
        body.addLayout(right, 1)
        outer.addLayout(body, 1)
        if m.portrait:
            outer.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.pages: dict[str, Page] = {}
        for key in PAGES:
            page = PAGE_CLASSES[key](self)
            self.pages[key] = page
            self.stack.addWidget(page)
        for box in self.findChildren(TextBox):
            box.tapped.connect(self.keyboard.attach)
        self.keepalive = QTimer(self)
        self.keepalive.timeout.connect(self._tick)
        self.keepalive.start(2000)
        self.setGeometry(shell.rect())
        self.show_page("sync")

    def _tick(self) -> None:
        self.shell.engine.touch()  # the line lead is at the panel: no idle lock meanwhile
        page = self.stack.currentWidget()
        if isinstance(page, SyncPage):
            with contextlib.suppress(StoreError):
                page.refresh_facts()

    def config(self) -> Config | None:
        """The configuration as it is on disk now; a damaged file is said on the page."""
        if self.config_path is None:
            return None
        try:
            return load_config(self.config_path)
        except ConfigError as err:
            self.notice.show_state(
                "nok",
                tr("The configuration file is damaged; nothing can be saved until it is fixed."),
                str(err),
            )
            self.notice.show()
            return None

    def show_page(self, key: str) -> None:
        self.keyboard.special("done")
        for k, b in self.nav.items():
            b.setChecked(k == key)
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        try:
            page.refresh()
        except StoreError as err:
            page.refused(err)

    @property
    def current_page(self) -> str:
        w = self.stack.currentWidget()
        return next(k for k, p in self.pages.items() if p is w)

    def on_scan(self, data: str, gs1: object = None) -> bool:
        """Scans are answered, never used for work here."""
        self.notice.show_state(
            "info",
            tr("Read: {0}").format(data),
            tr("Scans are not used for work in line-lead mode. Leave it to go on."),
        )
        self.notice.show()
        return True

    def leave(self) -> None:
        devices = self.pages["devices"]
        if isinstance(devices, DevicesPage):
            devices.stop_test()
        self.keepalive.stop()
        with contextlib.suppress(StoreError):
            ll.leave(self.shell.engine.store, self.lead)
        shell = self.shell
        shell.close_overlay(cast("Overlay", self))
        shell.refresh_all()


# --- screenshots -------------------------------------------------------------------------


def render_screens(
    shell: Shell,
    lead: Operator,
    ports: ll.LineLeadPorts | None,
    outdir: Path,
    first: int,
    *,
    sample_events: Sequence[ll.DeviceEvent] = (),
) -> list[Path]:
    """Every line-lead screen to ``NN-linelead-<page>.png`` (``kiosk screenshots``)."""
    from ui.qt import QApplication

    app = QApplication.instance()
    files: list[Path] = []
    outdir.mkdir(parents=True, exist_ok=True)

    def snap(name: str) -> None:
        for _ in range(3):
            app.processEvents()  # type: ignore[union-attr]
        path = outdir / f"{first + len(files):02d}-linelead-{name}.png"
        shell.grab().save(str(path))
        files.append(path)

    entry = LineLeadEntry(shell)
    shell.show_overlay(entry)
    entry.on_scan(lead.badge)
    snap("setup-entry")
    shell.close_overlay(entry)
    shell.linelead_ports = ports
    mode = LineLeadMode(shell, lead, ports)
    shell.show_overlay(cast("Overlay", mode))
    names = {"station": "setup-station", "bridge": "setup-bridge"}
    for key in PAGES:
        mode.show_page(key)
        page = mode.pages[key]
        if isinstance(page, DevicesPage):
            page.edit(0)
            for e in reversed(sample_events):
                page._arrived(e)
            page.say("info", tr("Live test running on {0}.").format("/dev/ttyACM0"))
        if isinstance(page, SyncPage) and page.discarding is None:
            with shell.engine.store.read() as conn:
                dead = outbox.dead_letters(conn, 1)
            if dead:
                page.ask_discard(dead[0].seq)
        snap(names.get(key, key))
        if isinstance(page, BridgePage):
            mode.keyboard.attach(page.url.edit)
            snap("setup-bridge-keyboard")
            mode.keyboard.special("done")
    mode.leave()
    return files
