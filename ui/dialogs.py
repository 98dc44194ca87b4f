"""Dialogs as in-window overlays (a kiosk has no second window): andon, report a problem,
downtime, scrap, rework reason, line-lead override by badge, and leaving kiosk mode.

Each asks; the engine decides. A scan while an overlay that wants a badge is open goes
to that overlay first (see :meth:`Overlay.on_scan`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from kiosk.engine import UnitSummary
from ui import theme
from ui.qt import QFrame, QGridLayout, QHBoxLayout, QLabel, Qt, QVBoxLayout, QWidget, translate
from ui.widgets import Banner, Button, IconLabel, Keypad, apply_key, label

if TYPE_CHECKING:
    from ui.context import Context


class Overlay(QWidget):
    """A scrim over the whole window with a centred panel."""

    wants_scan = False

    def __init__(self, shell: Context, icon: str, title: str, state: str = "") -> None:
        super().__init__(shell if isinstance(shell, QWidget) else None)  # the window
        self.shell = shell
        m = shell.metrics
        self.setObjectName("Scrim")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.panel = QFrame()
        self.panel.setObjectName("Panel")
        self.panel.setMaximumWidth(min(m.width - 2 * m.pad, m.mm(300)))
        self.panel.setMinimumWidth(min(m.width - 2 * m.pad, m.mm(190)))
        outer.addWidget(self.panel)
        self.body = QVBoxLayout(self.panel)
        self.body.setContentsMargins(m.mm(5), m.mm(4), m.mm(5), m.mm(4))
        self.body.setSpacing(m.mm(3))
        head = QHBoxLayout()
        head.setSpacing(m.pad)
        colour = {"attention": "#8A6800", "nok": theme.NOK, "info": theme.INFO}.get(
            state, theme.TEXT
        )
        head.addWidget(IconLabel(icon, m.mm(12), colour))
        self.title = label(title, "title")
        head.addWidget(self.title, 1)
        self.body.addLayout(head)
        self.message = Banner(m)
        self.message.hide()
        self.setGeometry(shell.rect())

    def add_buttons(self, *buttons: QWidget) -> None:
        row = QHBoxLayout()
        row.setSpacing(self.shell.metrics.gap)
        for b in buttons:
            row.addWidget(b)
        self.body.addWidget(self.message)
        self.body.addLayout(row)

    def cancel_button(self, text: str = "") -> Button:
        b = Button(text or self.tr("Cancel"), self.shell.metrics, icon="back")
        b.clicked.connect(self.close_overlay)
        return b

    def show_problem(self, message: str, next_action: str = "") -> None:
        self.message.show_state("nok", message, next_action)
        self.message.show()

    def close_overlay(self) -> None:
        self.shell.close_overlay(self)

    def on_scan(self, data: str, gs1: object = None) -> bool:
        """Take a scan meant for this dialog; return False to let the shell route it."""
        return False


class ChoiceDialog(Overlay):
    """Big tiles, one per choice; a tap calls ``on_choice(key)``."""

    def __init__(  # noqa: PLR0917
        self,
        shell: Context,
        icon: str,
        title: str,
        prompt: str,
        choices: Sequence[tuple[str, str, str]],
        on_choice: Callable[[str], None],
        state: str = "attention",
        tile_state: str = "",
        columns: int = 2,
    ) -> None:
        super().__init__(shell, icon, title, state)
        m = shell.metrics
        self.body.addWidget(label(prompt))
        grid = QGridLayout()
        grid.setSpacing(m.gap)
        self.tiles: dict[str, Button] = {}
        for i, (key, text, tile_icon) in enumerate(choices):
            b = Button(text, m, icon=tile_icon, state=tile_state, height_mm=26)
            b.clicked.connect(lambda _=False, k=key: on_choice(k))
            grid.addWidget(b, i // columns, i % columns)
            self.tiles[key] = b
        self.body.addLayout(grid)
        self.extra = QVBoxLayout()
        self.body.addLayout(self.extra)
        self.add_buttons(self.cancel_button())


#: Tile icons of the demo's reason codes; a plant's own codes get a neutral one.
REASON_ICONS = {
    "material": "material",
    "quality": "quality",
    "maintenance": "wrench",
    "help": "help",
    "no_material": "material",
    "machine_fault": "wrench",
    "break": "clock",
    "meeting": "user",
    "damaged": "part",
    "assembly_error": "wrench",
    "failed_test": "nok",
    "reassembled": "wrench",
    "part_replaced": "part",
    "cleaned": "check",
}


def reason_choices(shell: Context, kind: str) -> list[tuple[str, str, str]]:
    """The station's reason codes of ``kind`` (master data) as dialog tiles."""
    return [
        (r.code, r.text(shell.language), REASON_ICONS.get(r.code, "question"))
        for r in shell.engine.reason_codes(kind)
    ]


def andon_dialog(shell: Context) -> Overlay:
    """The andon categories; active calls are listed with a Clear button until cleared."""
    choices = reason_choices(shell, "andon")
    names = {k: t for k, t, _ in choices}

    def raise_(category: str) -> None:
        shell.act(lambda: shell.engine.raise_andon(category))
        shell.close_overlay(dlg)
        shell.flash(
            "attention",
            translate("Andon", "Help is called: {0}").format(names[category]),
            translate("Andon", "It stays on the top bar until someone clears it."),
            seconds=8,
            scope="andon",
        )

    dlg = ChoiceDialog(
        shell,
        "andon",
        translate("Andon", "Call for help"),
        translate("Andon", "What do you need?"),
        choices,
        raise_,
    )
    m = shell.metrics
    for a in shell.andons:
        row = QHBoxLayout()
        row.setSpacing(m.gap)
        text = translate("Andon", "{0} called at {1}").format(
            names.get(a.category, a.category), a.raised_at.astimezone().strftime("%H:%M")
        )
        row.addWidget(IconLabel("warning", m.mm(9), theme.ATTENTION))
        row.addWidget(label(text), 1)
        clear = Button(translate("Andon", "Clear"), m, icon="check", state="ok")

        def do_clear(_: bool = False, andon_id: str = a.id) -> None:
            shell.act(lambda: shell.engine.clear_andon(andon_id))
            shell.close_overlay(dlg)

        clear.clicked.connect(do_clear)
        row.addWidget(clear)
        dlg.extra.addLayout(row)
    return dlg


def problem_dialog(shell: Context) -> Overlay:
    choices = [
        ("picture", translate("Problem", "Picture is wrong"), "image"),
        ("text", translate("Problem", "Text is unclear"), "instruction"),
        ("part", translate("Problem", "Part does not fit"), "part"),
        ("tool", translate("Problem", "Tool problem"), "wrench"),
    ]

    def report(category: str) -> None:
        if shell.act(lambda: shell.engine.report_problem(category, "")):
            shell.close_overlay(dlg)
            shell.flash(
                "info",
                translate("Problem", "Thank you: the problem is reported."),
                translate("Problem", "The engineer sees it with this step."),
            )

    dlg = ChoiceDialog(
        shell,
        "question",
        translate("Problem", "Report a problem with this step"),
        translate("Problem", "What is wrong with the instruction?"),
        choices,
        report,
        state="info",
    )
    return dlg


def downtime_dialog(shell: Context) -> Overlay:
    choices = reason_choices(shell, "downtime")

    def start(reason: str) -> None:
        if shell.act(lambda: shell.engine.start_downtime(reason)):
            shell.close_overlay(dlg)

    dlg = ChoiceDialog(
        shell,
        "pause",
        translate("Downtime", "Downtime"),
        translate("Downtime", "Why is the station stopping?"),
        choices,
        start,
    )
    return dlg


class DowntimeRunning(Overlay):
    """Shown while downtime runs; only ending it returns to work."""

    def __init__(self, shell: Context) -> None:
        super().__init__(shell, "pause", translate("Downtime", "Downtime"), "attention")
        m = shell.metrics
        dt = shell.engine.active_downtime()
        labels = {code: text for code, text, _ in reason_choices(shell, "downtime")}
        reason = labels.get(dt.reason, dt.reason) if dt else ""
        self.info = Banner(m)
        self.info.show_state(
            "attention",
            translate("Downtime", "Station stopped: {0}").format(reason),
            translate("Downtime", "Tap End downtime when work can go on."),
        )
        self.body.addWidget(self.info)
        end = Button(
            translate("Downtime", "End downtime"), m, icon="play", state="ok", height_mm=24
        )
        end.clicked.connect(lambda: shell.act(shell.engine.end_downtime))
        self.add_buttons(end)


def scrap_dialog(shell: Context) -> Overlay:
    unit = shell.engine.unit
    choices = reason_choices(shell, "scrap")

    def scrap(reason: str) -> None:
        result = shell.act(lambda: shell.engine.scrap_unit(reason))
        if result:
            shell.close_overlay(dlg)
        if isinstance(result, UnitSummary):
            shell.intents.summary.emit(result)

    dlg = ChoiceDialog(
        shell,
        "scrap",
        translate("Scrap", "Scrap unit {0}").format(unit.serial if unit else ""),
        translate("Scrap", "The unit leaves the line. Pick the reason:"),
        choices,
        scrap,
        state="nok",
        tile_state="nok",
    )
    return dlg


def rework_dialog(shell: Context) -> Overlay:
    choices = reason_choices(shell, "rework")

    def rework(note: str) -> None:
        if shell.act(lambda: shell.engine.rework_step(note)):
            shell.close_overlay(dlg)

    dlg = ChoiceDialog(
        shell,
        "wrench",
        translate("Rework", "Rework"),
        translate("Rework", "What did you rework? The step is then done again."),
        choices,
        rework,
        state="info",
    )
    return dlg


class OverrideDialog(Overlay):
    """A line lead approves by scanning their badge; ``approve(badge)`` retries the
    refused action with ``override_by`` and raises RuleViolation if still refused."""

    wants_scan = True

    def __init__(
        self,
        shell: Context,
        why: str,
        next_action: str,
        approve: Callable[[str, str], object],
        reasons: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(shell, "badge", translate("Override", "Line lead approval"), "attention")
        m = shell.metrics
        self.approve = approve
        info = Banner(m)
        info.show_state("attention", why, next_action)
        self.body.addWidget(info)
        self.reason = reasons[0][0] if reasons else "approved"
        self.reason_buttons: dict[str, Button] = {}
        if reasons:
            self.body.addWidget(label(translate("Override", "Reason:")))
            grid = QGridLayout()
            grid.setSpacing(m.gap)
            made = [Button(text, m) for _key, text in reasons]
            # one row when every reason fits a third of the panel, else one per row
            room = (self.panel.maximumWidth() - m.mm(10) - 2 * m.gap) // max(1, len(made))
            wide = max(b.sizeHint().width() for b in made)
            columns = len(made) if wide <= room else 1
            for i, ((key, _text), b) in enumerate(zip(reasons, made, strict=True)):
                b.setCheckable(True)
                b.setChecked(key == self.reason)
                b.clicked.connect(lambda _=False, k=key: self._pick(k))
                grid.addWidget(b, i // columns, i % columns)
                self.reason_buttons[key] = b
            self.body.addLayout(grid)
        prompt = QHBoxLayout()
        prompt.addWidget(IconLabel("scanner", m.mm(14), theme.INFO))
        prompt.addWidget(
            label(translate("Override", "Line lead: scan your badge to approve."), "title"), 1
        )
        self.body.addLayout(prompt)
        self.add_buttons(self.cancel_button())

    def _pick(self, key: str) -> None:
        self.reason = key
        for k, b in self.reason_buttons.items():
            b.setChecked(k == key)

    def on_scan(self, data: str, gs1: object = None) -> bool:
        from kiosk.errors import RuleViolation

        try:
            self.approve(data, self.reason)
        except RuleViolation as err:
            msg, nxt = self.shell.explain(err)
            self.show_problem(msg, nxt)
            return True
        self.shell.close_overlay(self)
        self.shell.intents.refresh_all.emit()
        return True


class ExitDialog(Overlay):
    """Leave kiosk mode: line lead or admin badge, then PIN on the keypad."""

    wants_scan = True

    def __init__(self, shell: Context, on_exit: Callable[[], None]) -> None:
        super().__init__(shell, "exit", translate("Exit", "Leave kiosk mode"), "info")
        m = shell.metrics
        self.on_exit = on_exit
        self.badge = ""
        self.pin = ""
        row = QHBoxLayout()
        row.setSpacing(m.gap)
        left = QVBoxLayout()
        self.step1 = label(translate("Exit", "1. Line lead or admin: scan your badge."), "title")
        self.step2 = label(translate("Exit", "2. Enter your PIN."))
        # the PIN field, as on the lock screen: a white box the dots appear in
        self.dots = QLabel("")
        self.dots.setProperty("role", "hero")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setMinimumHeight(m.mm(16))
        self.dots.setStyleSheet(
            f"background: white; border: 3px solid {theme.BORDER}; border-radius: {m.mm(2)}px;"
        )
        left.addWidget(self.step1)
        left.addWidget(self.step2)
        left.addWidget(self.dots)
        left.addStretch(1)
        row.addLayout(left, 1)
        self.keypad = Keypad(m, decimal=False, enter_text=translate("Exit", "Leave"))
        self.keypad.key.connect(self._key)
        # three 20 mm keys and their gaps, never squeezed
        self.keypad.setFixedWidth(3 * m.target + 2 * self.keypad.spacing_px)
        row.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(row)
        self.add_buttons(self.cancel_button())

    def on_scan(self, data: str, gs1: object = None) -> bool:
        self.badge = data
        self.step1.setText(self.tr("Badge scanned. ✓"))
        return True

    def _key(self, key: str) -> None:
        from kiosk.access import authorize_exit
        from kiosk.errors import RuleViolation

        if key != "enter":
            self.pin = apply_key(self.pin, key, limit=8)
            self.dots.setText("●" * len(self.pin))
            return
        try:
            authorize_exit(self.shell.engine.store, self.badge, self.pin)
        except RuleViolation as err:
            self.pin = ""
            self.dots.setText("")
            msg, nxt = self.shell.explain(err)
            self.show_problem(msg, nxt)
            return
        self.shell.close_overlay(self)
        self.on_exit()
