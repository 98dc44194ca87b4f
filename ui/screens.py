"""The operator's screens: locked, work queue, unit start (with the last unit's summary)
and the step runner. Each reads the engine and asks it to act; none decides a rule."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from kiosk.domain import StepKind, WorkOrder, localized
from kiosk.engine import UnitSummary
from ui import icons, theme
from ui.context import ask
from ui.qt import (
    QDateTime,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLocale,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QRectF,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from ui.widgets import Banner, Button, Card, IconLabel, Keypad, apply_key, hbox, kinetic, label

if TYPE_CHECKING:
    from kiosk.engine.session import PinChoice
    from ui.context import Context


class Screen(QWidget):
    def __init__(self, shell: Context) -> None:
        super().__init__()
        self.shell = shell
        self.m = shell.metrics
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def refresh(self) -> None:
        pass


class LockScreen(Screen):
    """Scan your badge (primary), or tap your name and enter your PIN (secondary): the
    name first, so the station verifies one PIN hash per try (≈ 0.5 s each), not one
    per operator, and a wrong PIN counts against that operator alone."""

    def __init__(self, shell: Context) -> None:
        super().__init__(shell)
        m = self.m
        self.pin = ""
        self.who: PinChoice | None = None
        self._names: list[PinChoice] | None = None
        outer = QBoxLayoutFor(m.portrait)
        self.setLayout(outer)
        outer.setContentsMargins(m.mm(8), m.mm(6), m.mm(8), m.mm(6))
        outer.setSpacing(m.mm(8))
        left = QVBoxLayout()
        left.setSpacing(m.mm(4))
        left.addStretch(1)
        st = shell.engine.station
        self.where = label(f"{st.id} · {st.name}" + (f" · {st.line}" if st.line else ""), "title")
        left.addWidget(self.where)
        row = QHBoxLayout()
        row.setSpacing(m.mm(6))
        narrow = m.width < 1280 and not m.portrait  # line-lead mode shares this row
        icon = m.mm(22) if narrow else m.mm(30) if m.compact else m.mm(40)
        row.addWidget(IconLabel("scanner", icon, theme.INFO))
        row.addWidget(IconLabel("badge", icon, theme.TEXT))
        row.addStretch(1)
        left.addLayout(row)
        self.hero = label(self.tr("Scan your badge"), "hero")
        left.addWidget(self.hero)
        left.addWidget(
            label(
                self.tr(
                    "Hold your badge under the scanner. No badge? Tap your name, then your PIN."
                )
            )
        )
        self.problem = Banner(m)
        self.problem.hide()
        left.addWidget(self.problem)
        left.addStretch(2)
        self.exit = Button(self.tr("Leave kiosk mode"), m, icon="exit", height_mm=16)
        self.exit.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.exit.clicked.connect(ask(shell.intents.leave_kiosk))
        self.line_lead = Button(  # the way into line-lead mode
            translate("LineLead", "Line-lead mode"), m, icon="wrench", height_mm=16
        )
        self.line_lead.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.line_lead.clicked.connect(ask(shell.intents.line_lead))
        # Side by side where they fit; on a narrow panel line-lead mode goes up beside the
        # pictures, where the row has room.
        # "Not you?" (back to the names) shows beside the pictures while a name's PIN is
        # asked; on a narrow panel it takes line-lead mode's place there meanwhile.
        self.other = Button(self.tr("Not you?"), m, icon="back", height_mm=16)
        self.other.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.other.clicked.connect(self.back_to_names)
        self.other.hide()
        self._narrow = narrow
        if not narrow:
            row.addWidget(self.other, 0, Qt.AlignmentFlag.AlignBottom)
            left.addLayout(hbox(self.exit, self.line_lead, spacing=m.gap, stretch_at=2))
        else:
            row.addWidget(self.line_lead, 0, Qt.AlignmentFlag.AlignBottom)
            row.addWidget(self.other, 0, Qt.AlignmentFlag.AlignBottom)
            left.addWidget(self.exit)
        outer.addLayout(left, 3)
        pad = Card()
        pl = QVBoxLayout(pad)
        pl.setContentsMargins(m.mm(5), m.mm(4), m.mm(5), m.mm(4))
        pl.setSpacing(m.mm(3))
        # Two pages in the card: the names (a list that scrolls), then that name's PIN.
        self.pages = QStackedWidget()
        pl.addWidget(self.pages)
        names = QWidget()
        nl = QVBoxLayout(names)
        nl.setContentsMargins(0, 0, 0, 0)
        nl.setSpacing(m.mm(3))
        nl.addWidget(label(self.tr("PIN: tap your name"), "title"))
        self.names_box = QWidget()
        self.names_layout = QVBoxLayout(self.names_box)
        self.names_layout.setContentsMargins(0, 0, 0, 0)
        self.names_layout.setSpacing(m.mm(2.5))  # apart for a glove
        self.names_area = kinetic(QScrollArea())
        self.names_area.setWidget(self.names_box)
        nl.addWidget(self.names_area, 1)
        self.pages.addWidget(names)
        entry = QWidget()
        el = QVBoxLayout(entry)
        el.setContentsMargins(0, 0, 0, 0)
        el.setSpacing(m.mm(3))
        self.name = label("", "title")
        self.dots = QLabel("")
        self.dots.setProperty("role", "hero")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setMinimumHeight(m.mm(16))
        self.dots.setStyleSheet(
            f"background: white; border: 3px solid {theme.BORDER}; border-radius: {m.mm(2)}px;"
        )
        # The name above the dots (the whole width: 8 fit); "Not you?" waits beside the
        # hint, where the column has room (the card stays as tall as the PIN pad was).
        el.addWidget(self.name)
        el.addWidget(self.dots)
        self.keypad = Keypad(m, decimal=False, enter_text=self.tr("Log in"))
        self.keypad.key.connect(self.key)
        el.addWidget(self.keypad)
        self.pages.addWidget(entry)
        self.pages.setMinimumHeight(entry.sizeHint().height())
        pad.setMaximumWidth(m.mm(110))
        # The pad hugs its keys and sits low, where a hand reaches it.
        outer.addWidget(pad, 2, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter)
        self.name_buttons: dict[str, Button] = {}
        self.back_to_names()

    def refresh(self) -> None:
        """The names as master data has them now; a PIN being typed stays."""
        self._load_names()
        if self.who is not None and self.who.id not in {c.id for c in self._names or []}:
            self.back_to_names()

    def hideEvent(self, event: Any) -> None:  # a QHideEvent
        super().hideEvent(event)
        self.back_to_names()  # whoever comes next starts from the names

    def _load_names(self) -> None:
        names = self.shell.engine.pin_operators()
        if names == self._names:
            return
        self._names = names
        while (item := self.names_layout.takeAt(0)) is not None:
            if (w := item.widget()) is not None:
                w.deleteLater()
        self.name_buttons = {}
        for choice in names:
            b = Button(choice.name, self.m, icon="lock" if choice.locked else None)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.clicked.connect(lambda _=False, c=choice: self.pick(c))
            self.names_layout.addWidget(b)
            self.name_buttons[choice.id] = b
        if not names:
            self.names_layout.addWidget(label(self.tr("No operator here has a PIN.")))
        self.names_layout.addStretch(1)

    def pick(self, choice: PinChoice) -> None:
        """A name tapped: their PIN next (a locked PIN says so at once and stays here)."""
        self.shell.engine.touch()
        if choice.locked:
            self.shell.intents.pin.emit(choice.id, "", self.problem)
            return
        self.who = choice
        self.pin = ""
        self.dots.setText("")
        self.name.setText(self.tr("PIN for %1").replace("%1", choice.name))
        self.pages.setCurrentIndex(1)
        self.line_lead.setVisible(not self._narrow)
        self.other.show()

    def back_to_names(self) -> None:
        self.who = None
        self.pin = ""
        self.dots.setText("")
        self._load_names()  # a PIN locked meanwhile shows its lock
        self.pages.setCurrentIndex(0)
        self.other.hide()
        self.line_lead.show()

    def key(self, key: str) -> None:
        if key != "enter":
            self.pin = apply_key(self.pin, key, limit=8)
            self.dots.setText("●" * len(self.pin))
            return
        pin, self.pin = self.pin, ""
        self.dots.setText("")
        if self.who is not None:
            self.shell.intents.pin.emit(self.who.id, pin, self.problem)

    def show_problem(self, message: str, next_action: str) -> None:
        self.shell.feedback.show(self.problem, "nok", message, next_action, scope="screen")


def QBoxLayoutFor(portrait: bool) -> QHBoxLayout | QVBoxLayout:
    return QVBoxLayout() if portrait else QHBoxLayout()


class OrderCard(Card):
    """One work order: product, number, progress bar, due, priority. Tap to open.
    Cards are reused when the queue is redrawn (``set_order``)."""

    picked = Signal(str)

    def __init__(self, shell: Context) -> None:
        super().__init__()
        m = shell.metrics
        self._m = m
        self.number = ""
        self.wo: WorkOrder | None = None
        self.first = False
        self.setMinimumHeight(m.mm(30))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(m.mm(4), m.mm(3), m.mm(4), m.mm(3))
        lay.setSpacing(m.mm(4))
        lay.addWidget(IconLabel("unit", m.mm(18), theme.TEXT_MUTED))
        col = QVBoxLayout()
        col.setSpacing(m.mm(1))
        top = QHBoxLayout()
        self.title = label("", "title", wrap=False)
        top.addWidget(self.title)
        self.next_badge = QLabel(" ▶ " + self.tr("Next to run") + " ")
        self.next_badge.setStyleSheet(
            f"background: {theme.INFO}; color: white; font-weight: bold;"
            f" border-radius: {m.mm(1)}px;"
        )
        top.addWidget(self.next_badge)
        top.addStretch(1)
        self.prio = label("", wrap=False)
        top.addWidget(self.prio)
        col.addLayout(top)
        self.what = label("", "muted")
        col.addWidget(self.what)
        self.bar = Progress(m, 0, 1)
        col.addWidget(self.bar)
        lay.addLayout(col, 1)
        right = QVBoxLayout()
        self.done = label("", wrap=False)
        self.due = label("", "muted", wrap=False)
        right.addWidget(self.done)
        right.addWidget(self.due)
        lay.addLayout(right)

    def set_order(self, wo: WorkOrder, product: str, first: bool) -> None:
        self.number, self.wo, self.first = wo.number, wo, first
        self.setStyleSheet(
            f"QFrame[card='true'] {{ border: 5px solid {theme.INFO}; background: {theme.SURFACE}; }}"  # noqa: E501
            if first
            else ""
        )
        self.title.setText(wo.number)
        self.next_badge.setVisible(first)
        self.prio.setText(self.tr("Priority {0}").format(wo.priority))
        self.what.setText(f"{wo.product} · {product} · {wo.operation}")
        self.bar.done, self.bar.total = wo.done, wo.quantity
        self.bar.update()
        self.done.setText(self.tr("{0} of {1} done").format(wo.done, wo.quantity))
        due = (
            QLocale().toString(QDateTime.fromSecsSinceEpoch(int(wo.due.timestamp())), "ddd HH:mm")
            if wo.due
            else "—"
        )  # weekday in the operator's language
        self.due.setText(self.tr("Due {0}").format(due))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.picked.emit(self.number)


class Progress(QWidget):
    def __init__(self, m: object, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total
        self.setFixedHeight(22)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(Qt.GlobalColor.white)
        from ui.qt import QColor

        p.setBrush(QColor("#C9C9C4"))
        p.drawRoundedRect(QRectF(0, 0, self.width(), self.height()), 6, 6)
        frac = self.done / self.total if self.total else 0
        p.setBrush(QColor(theme.INFO))
        p.drawRoundedRect(QRectF(0, 0, self.width() * min(1.0, frac), self.height()), 6, 6)
        p.end()


class QueueScreen(Screen):
    def __init__(self, shell: Context) -> None:
        super().__init__(shell)
        m = self.m
        lay = QVBoxLayout(self)
        lay.setContentsMargins(m.mm(6), m.mm(4), m.mm(6), m.mm(4))
        lay.setSpacing(m.mm(3))
        head = QHBoxLayout()
        head.addWidget(IconLabel("barcode", m.mm(12)))
        head.addWidget(
            label(self.tr("Work queue: tap a work order or scan its barcode"), "title"), 1
        )
        lay.addLayout(head)
        self.problem = Banner(m)
        self.problem.hide()
        lay.addWidget(self.problem)
        self.area = kinetic(QScrollArea())
        self.list = QWidget()
        self.rows = QVBoxLayout(self.list)
        self.rows.setSpacing(m.gap)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.empty = label(self.tr("No work orders for this station."), "title")
        self.rows.addWidget(self.empty)
        self.rows.addStretch(1)
        self.area.setWidget(self.list)
        lay.addWidget(self.area, 1)
        bottom = QHBoxLayout()
        bottom.setSpacing(m.gap)
        logout = Button(self.tr("Log out"), m, icon="lock")
        logout.clicked.connect(lambda: shell.act(shell.engine.logout))
        downtime = Button(self.tr("Downtime"), m, icon="pause")
        downtime.clicked.connect(ask(shell.intents.downtime))
        bottom.addWidget(logout)
        bottom.addStretch(1)
        bottom.addWidget(downtime)
        lay.addLayout(bottom)
        self.cards: list[OrderCard] = []
        self._pool: list[OrderCard] = []

    def refresh(self) -> None:
        queue = self.shell.engine.work_queue()
        while len(self._pool) < len(queue):  # cards are reused, never piled up
            card = OrderCard(self.shell)
            card.picked.connect(self.pick)
            self.rows.insertWidget(len(self._pool), card)
            self._pool.append(card)
        self.cards = self._pool[: len(queue)]
        for i, (card, wo) in enumerate(zip(self.cards, queue, strict=False)):
            card.set_order(wo, self.shell.product_name(wo.product), i == 0)
            card.show()
        for card in self._pool[len(queue) :]:
            card.hide()
        self.empty.setVisible(not queue)

    def pick(self, number: str) -> None:
        self.shell.intents.work_order.emit(number)

    def show_problem(self, message: str, next_action: str) -> None:
        self.shell.feedback.show(self.problem, "nok", message, next_action, scope="screen")


class StartScreen(Screen):
    """Start a unit: scan its serial or take the next generated one. After a unit
    completes, its summary stays on top in green; no tap needed to go on."""

    def __init__(self, shell: Context) -> None:
        super().__init__(shell)
        m = self.m
        lay = QVBoxLayout(self)
        lay.setContentsMargins(m.mm(8), m.mm(5), m.mm(8), m.mm(5))
        lay.setSpacing(m.mm(4))
        self.summary = Banner(m)
        self.summary.hide()
        lay.addWidget(self.summary)
        self.order = label("", "title")
        lay.addWidget(self.order)
        self.bar = Progress(m, 0, 1)
        lay.addWidget(self.bar)
        lay.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(m.mm(6))
        row.addWidget(IconLabel("scanner", m.mm(30), theme.INFO))
        col = QVBoxLayout()
        col.addWidget(label(self.tr("Scan the unit's serial"), "hero"))
        col.addWidget(label(self.tr("or take the next serial number from the station:")))
        self.start = Button("", m, icon="play", state="info", height_mm=24)
        self.start.clicked.connect(lambda: shell.intents.start_unit.emit(None))
        col.addWidget(self.start)
        row.addLayout(col, 1)
        lay.addLayout(row)
        self.problem = Banner(m)
        self.problem.hide()
        lay.addWidget(self.problem)
        lay.addStretch(2)
        bottom = QHBoxLayout()
        bottom.setSpacing(m.gap)
        leave = Button(self.tr("Work queue"), m, icon="back")
        leave.clicked.connect(lambda: shell.act(shell.engine.leave_work_order))
        downtime = Button(self.tr("Downtime"), m, icon="pause")
        downtime.clicked.connect(ask(shell.intents.downtime))
        bottom.addWidget(leave)
        bottom.addStretch(1)
        bottom.addWidget(downtime)
        lay.addLayout(bottom)

    def refresh(self) -> None:
        e = self.shell.engine
        wo = e.work_order
        if wo is None:
            return
        self.order.setText(
            self.tr("{0} · {1} · {2} of {3} done").format(
                wo.number, self.shell.product_name(wo.product), wo.done, wo.quantity
            )
        )
        self.bar.done, self.bar.total = wo.done, wo.quantity
        self.bar.update()
        try:
            serial = e.next_serial()
        except Exception:
            serial = ""
        self.start.setText(self.tr("Start next: {0}").format(serial))

    def show_summary(self, s: UnitSummary | None) -> None:
        if s is None:
            self.summary.hide()
            return
        minutes = f"{int(s.cycle_time_s) // 60}:{int(s.cycle_time_s) % 60:02d}"
        if s.state.value == "completed":
            self.summary.show_state(
                "ok",
                self.tr("Unit {0} done").format(s.serial),
                self.tr("Cycle time {0} · {1} of {2} done on {3}. Scan the next serial.").format(
                    minutes, s.done, s.quantity, s.work_order
                ),
            )
        else:
            self.summary.show_state(
                "nok",
                self.tr("Unit {0} scrapped").format(s.serial),
                self.tr("Put it in the scrap bin. Scan the next serial."),
            )
        self.summary.show()

    def show_problem(self, message: str, next_action: str) -> None:
        self.shell.feedback.show(self.problem, "nok", message, next_action, scope="screen")


__all__ = [
    "LockScreen",
    "QFrame",
    "QGridLayout",
    "QueueScreen",
    "Screen",
    "StartScreen",
    "StepKind",
    "datetime",
    "hbox",
    "icons",
    "localized",
]
