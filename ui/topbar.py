"""The top bar: station, operator, work order, unit, devices, sync, andon and the time.
It redraws on the engine's change notifications and the devices' queued signals; only
the clock and elapsed times tick on a timer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ui import icons, theme
from ui.context import ask
from ui.devices import SyncState
from ui.qt import (
    QCoreApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLocale,
    QVBoxLayout,
    QWidget,
)
from ui.widgets import Button, IconLabel, Pill

if TYPE_CHECKING:
    from ui.context import Context


def _elapsed(since: datetime, now: datetime) -> str:
    s = max(0, int((now - since).total_seconds()))
    return (
        f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"
    )


class Field(QWidget):
    """An icon with a caption above a value, elided to fit."""

    def __init__(self, shell: Context, icon: str) -> None:
        super().__init__()
        m = shell.metrics
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(m.mm(1.5))
        self.icon = IconLabel(icon, m.mm(7), theme.BAR_TEXT)
        lay.addWidget(self.icon)
        col = QVBoxLayout()
        col.setSpacing(0)
        self.caption = QLabel("")
        self.caption.setStyleSheet("color: #D0D0CC; font-size: 22px;")
        self.value = QLabel("")
        self.value.setStyleSheet("font-weight: bold;")
        col.addWidget(self.caption)
        col.addWidget(self.value)
        lay.addLayout(col)

    def set(self, caption: str, value: str) -> None:
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self.value.setText(value)
        fm = self.value.fontMetrics()
        self.value.setMinimumWidth(fm.horizontalAdvance(value) + 4)
        self.caption.setMinimumWidth(fm.horizontalAdvance(caption))


class TopBar(QFrame):
    def __init__(self, shell: Context) -> None:
        super().__init__()
        self.setObjectName("TopBar")
        self.shell = shell
        m = shell.metrics
        self.station = Field(shell, "station")
        self.operator = Field(shell, "user")
        self.work_order = Field(shell, "instruction")
        self.unit = Field(shell, "unit")
        self.scanner = Pill(m)
        self.torque = Pill(m)
        self.sync = Pill(m)
        self.andon = Pill(m)
        self.andon.tapped.connect(ask(shell.intents.andon))  # the running call, with its Clear
        self.andon.setMinimumSize(m.target, m.target)  # tappable: a full 20 mm target
        self.clock = QLabel("")
        self.clock.setStyleSheet(f"font-size: {m.font_px('title')}px; font-weight: bold;")
        self.help = Button(self.tr("Help"), m, icon="andon", state="attention")
        self.help.setMinimumWidth(m.mm(30))
        self.help.clicked.connect(ask(shell.intents.andon))
        spacing = m.mm(4) if not m.compact else m.mm(2.5)
        first = QHBoxLayout()
        first.setSpacing(spacing)
        if m.portrait:
            # Too narrow for one row: who and what on top; devices, sync, help below.
            self.setFixedHeight(m.target + m.mm(20))  # row one, then Help a full 20 mm
            outer = QVBoxLayout(self)
            outer.setContentsMargins(m.pad, m.mm(1), m.pad, m.mm(1))
            outer.setSpacing(m.mm(1))
            for f in (self.operator, self.work_order, self.unit):
                first.addWidget(f)
            first.addStretch(1)
            first.addWidget(self.clock)
            second = QHBoxLayout()
            second.setSpacing(spacing)
            second.addWidget(self.station)
            for p in (self.andon, self.scanner, self.torque, self.sync):
                second.addWidget(p)
            second.addStretch(1)
            second.addWidget(self.help)
            outer.addLayout(first)
            outer.addLayout(second)
        else:
            self.setFixedHeight(m.target + m.mm(2))  # Help is a full 20 mm target
            first.setContentsMargins(m.pad, m.mm(1), m.pad, m.mm(1))
            self.setLayout(first)
            for f in (self.station, self.operator, self.work_order, self.unit):
                first.addWidget(f)
            first.addStretch(1)
            for p in (self.andon, self.scanner, self.torque, self.sync):
                first.addWidget(p)
            first.addWidget(self.clock)
            first.addWidget(self.help)
        self.sync_state: SyncState = shell.sync_state
        self._andon_shown = False
        self._help_shows_andon = False
        self.refresh()

    def refresh(self) -> None:
        e = self.shell.engine
        st = e.station
        self.station.set(st.line or self.tr("Station"), f"{st.id} {st.name}")
        op = e.operator
        self.operator.set(self.tr("Operator"), _short_name(op.name) if op else self.tr("Locked"))
        self.operator.icon.set_icon("user" if op else "lock", theme.BAR_TEXT)
        wo = e.work_order
        self.work_order.setVisible(wo is not None)
        if wo is not None:
            self.work_order.set(
                self.tr("Work order"), f"{wo.number}  {wo.product}  {wo.done}/{wo.quantity}"
            )
        unit = e.unit
        self.unit.setVisible(unit is not None)
        if unit is not None:
            self.unit.set(self.tr("Unit"), unit.serial)
        self.station.setVisible(True)
        self.refresh_devices()
        self.refresh_sync(self.sync_state)
        self.tick()
        self._fit()

    def _fit(self) -> None:
        """Drop detail, least needed first, until the bar fits the panel: long words (German),
        device pills, a narrow panel. State words (a device off, offline) always stay."""
        m = self.shell.metrics
        fields = (self.station, self.operator, self.work_order, self.unit)
        for f in fields:
            f.caption.setVisible(f.caption.text() != "")
            f.icon.setVisible(True)
        self.clock.setVisible(True)
        self._help_shows_andon = False
        self._show_andon()
        if m.portrait:
            return  # two rows: everything fits
        wo_shown = self.shell.engine.work_order is not None

        def no_captions() -> None:
            for f in fields:
                f.caption.setVisible(False)

        def no_station() -> None:
            # The station name is on the lock screen and the work queue; while a work
            # order runs, its number matters more here.
            self.station.setVisible(not wo_shown)

        def quiet_devices() -> None:  # a healthy device keeps its icon; a problem its word
            for p in (self.scanner, self.torque):
                if p.state == "":
                    p.text.setVisible(False)

        def short_sync() -> None:
            st = self.sync_state
            queue = self.shell.outbox_depth() if st.configured else 0
            self.sync.show_state(*sync_pill(st, queue, True))

        def no_clock() -> None:
            self.clock.setVisible(False)

        def no_icons() -> None:
            for f in fields:
                f.icon.setVisible(False)

        steps = (
            no_captions,
            no_station,
            quiet_devices,
            self._short_work_order,
            self._andon_on_help_button,
            short_sync,
            no_clock,
            no_icons,
        )
        width = self.width() if self.isVisible() and self.width() > 0 else m.width
        for step in steps:
            if self._needed_width() <= width:
                return
            step()

    def _needed_width(self) -> int:
        layout = self.layout()
        assert layout is not None
        return _layout_width(layout)

    def _short_work_order(self) -> None:
        wo = self.shell.engine.work_order
        if wo is not None:
            self.work_order.set(
                self.work_order.caption.text(), f"{wo.number}  {wo.done}/{wo.quantity}"
            )

    def _andon_on_help_button(self) -> None:
        """The Help button is amber already: let it carry the running andon's time."""
        self._help_shows_andon = True
        self._show_andon()

    def _show_andon(self) -> None:
        andons = self.shell.andons
        elapsed = _elapsed(andons[0].raised_at, datetime.now(UTC)) if andons else ""
        text = self.tr("Help called {0}").format(elapsed)
        on_button = self._help_shows_andon and bool(andons)
        self.help.setText(text if on_button else self.tr("Help"))
        if andons and not on_button:
            self.andon.show_state("attention", "andon", text)
        self.andon.setVisible(bool(andons) and not on_button)

    def refresh_devices(self) -> None:
        states = self.shell.device_states
        for pill, kind, name in (
            (self.scanner, "scanner", self.tr("Scanner")),
            (self.torque, "torque", self.tr("Torque")),
        ):
            state, reason = states.get(kind, ("", ""))
            if state == "connected":
                pill.show_state("", "scanner" if kind == "scanner" else "torque", name)
                pill.setToolTip(reason)
            elif state == "":
                pill.show_state("", "scanner" if kind == "scanner" else "torque", self.tr("—"))
                pill.setVisible(False)
                continue
            else:
                pill.show_state("nok", "cross", name + " " + self.tr("off"))
            pill.setVisible(True)
        self._fit()

    def refresh_sync(self, state: SyncState) -> None:
        """One pill for sync: whether it is set up at all, what is waiting, since when it
        is offline, and a refused station (its token) that a line lead must re-provision."""
        self.sync_state = state
        # the local queue is read only where the pill shows it (a station without a bridge
        # does not query it before its first paint)
        queue = self.shell.outbox_depth() if state.configured else 0
        self.sync.show_state(*sync_pill(state, queue))
        tip = " · ".join(t for t in (state.last_error or "", state.next_action) if t)
        self.sync.setToolTip(tip)
        self._fit()

    def tick(self) -> None:
        now = datetime.now()
        self.clock.setText(now.strftime("%H:%M"))
        andons = self.shell.andons
        self._show_andon()
        if self.shell.metrics.portrait:  # the andon takes the station's place in row two
            self.station.setVisible(not andons)
        elif bool(andons) != self._andon_shown:
            self._andon_shown = bool(andons)
            self._fit()


def _layout_width(layout: QLayout) -> int:
    """The least width a row or column needs, from its visible leaf widgets. Computed, not
    read from the layout: Qt's cached hints lag behind widgets shown a moment ago."""
    widths = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        if (w := item.widget()) is not None:
            if not w.isHidden():
                widths.append(_widget_width(w))
        elif (sub := item.layout()) is not None:
            widths.append(_layout_width(sub))
    m = layout.contentsMargins()
    if isinstance(layout, QHBoxLayout):
        core = sum(widths) + layout.spacing() * max(0, len(widths) - 1)
    else:
        core = max(widths, default=0)
    return core + m.left() + m.right()


def _widget_width(w: QWidget) -> int:
    layout = w.layout()
    own = max(w.minimumWidth(), 0)
    if layout is None:
        return max(w.minimumSizeHint().width(), own)
    frame = 2 * w.frameWidth() if isinstance(w, QFrame) else 0
    return max(_layout_width(layout) + frame, own)


def _local_time(iso: str | None) -> str:
    """HH:MM on this station's clock for an RFC 3339 time ("" when unknown)."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone().strftime("%H:%M")
    except ValueError:
        return ""


def sync_pill(state: SyncState, local_queue: int, short: bool = False) -> tuple[str, str, str]:
    """(state colour, icon, words) of the sync pill. ``local_queue`` is the outbox depth
    read from the station's own database (used when no coordinator reports). ``short``
    keeps the state word and the count, for a crowded bar."""
    if not state.configured:
        if short:
            return "", "offline", QCoreApplication.translate("TopBar", "No sync")
        return "", "offline", QCoreApplication.translate("TopBar", "Sync not set up")
    queued = QLocale().toString(state.queued)
    if short and (state.auth_failed or state.offline_since):
        if state.auth_failed:
            return (
                "nok",
                "nok",
                QCoreApplication.translate("TopBar", "Re-provision") + f" · {queued}",
            )
        return (
            "attention",
            "offline",
            QCoreApplication.translate("TopBar", "Offline") + f" · {queued}",
        )
    if state.auth_failed:
        return (
            "nok",
            "nok",
            QCoreApplication.translate("TopBar", "Re-provision needed · {0} queued").format(queued),
        )
    if state.offline_since:
        return (
            "attention",
            "offline",
            QCoreApplication.translate("TopBar", "Offline since {0} · {1} queued").format(
                _local_time(state.offline_since), queued
            ),
        )
    last = _local_time(state.last_success)
    if state.queued:
        text = QCoreApplication.translate("TopBar", "{0} queued").format(queued)
        if last:
            text += " · " + QCoreApplication.translate("TopBar", "last sync {0}").format(last)
        return "", "sync", text
    if last:
        return "", "sync", QCoreApplication.translate("TopBar", "Synced {0}").format(last)
    return (
        "",
        "sync",
        QCoreApplication.translate("TopBar", "Sync starting…") if local_queue >= 0 else "",
    )


def _short_name(name: str) -> str:
    parts = name.split()
    return f"{parts[0]} {parts[-1][0]}." if len(parts) > 1 else name


__all__ = ["TopBar", "icons"]
