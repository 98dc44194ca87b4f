"""Touch-first building blocks: glove-sized buttons, state banners that always pair a
colour with an icon and a word, a numeric keypad, the step strip and torque chips.

Not split (about 510 lines): small widgets that share the theme's metrics and states."""

from __future__ import annotations

from collections.abc import Sequence

from ui import icons, theme
from ui.qt import (
    QColor,
    QFont,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLocale,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPushButton,
    QRectF,
    QScrollArea,
    QScroller,
    QSize,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.theme import Metrics

STATE_COLOURS = {
    "ok": theme.OK,
    "nok": theme.NOK,
    "attention": theme.ATTENTION,
    "info": theme.INFO,
}
STATE_ICONS = {"ok": "ok", "nok": "nok", "attention": "warning", "info": "info"}


def set_state(widget: QWidget, state: str) -> None:
    """Set the ``state`` style property (ok/nok/attention/info/"") and restyle."""
    widget.setProperty("state", state)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class Button(QPushButton):
    """A push button at least 20 mm square with an optional drawn icon."""

    def __init__(  # noqa: PLR0917
        self,
        text: str,
        m: Metrics,
        icon: str | None = None,
        state: str = "",
        parent: QWidget | None = None,
        height_mm: float = 20,
    ) -> None:
        super().__init__(text, parent)
        self._m = m
        self._icon_name = icon
        self.setMinimumHeight(m.mm(height_mm))
        self.setMinimumWidth(m.target)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # scans and the wedge never land here
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.set_state(state)

    def set_state(self, state: str) -> None:
        if getattr(self, "_state", None) == state:
            return  # a restyle costs ~1 ms: only on a change
        self._state = state
        set_state(self, state)
        if self._icon_name:
            colour = theme.ON_STATE.get(STATE_COLOURS.get(state, ""), theme.TEXT)
            size = round(self._m.target * 0.42)
            self.setIcon(icons.icon(self._icon_name, size, colour))
            self.setIconSize(QSize(size, size))


class IconLabel(QLabel):
    def __init__(self, name: str, size: int, color: str = theme.TEXT) -> None:
        super().__init__()
        self.setFixedSize(size, size)
        self.set_icon(name, color)

    def set_icon(self, name: str, color: str = theme.TEXT) -> None:
        self.setPixmap(icons.pixmap(name, self.width(), color))


def label(text: str, role: str = "", wrap: bool = True) -> QLabel:
    w = QLabel(text)
    if role:
        w.setProperty("role", role)
    w.setWordWrap(wrap)
    w.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return w


class Card(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)


class Banner(QFrame):
    """A verdict: state colour + icon + a bold word/sentence + what to do next. A banner
    the shell's :class:`~ui.feedback.Feedback` shows gets a ✕ (``dismissed``)."""

    dismissed = Signal()

    def __init__(self, m: Metrics, parent: QWidget | None = None, small: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self._m = m
        lay = QHBoxLayout(self)
        pad = m.mm(1.5) if small else m.pad
        lay.setContentsMargins(pad, pad, pad, pad)
        lay.setSpacing(pad)
        self.icon = IconLabel("info", m.mm(8 if small else 11))
        lay.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        col = QVBoxLayout()
        col.setSpacing(m.mm(1))
        self.title = label("", "" if small else "title")
        if small:  # a narrow column: body-sized, bold
            self.title.setStyleSheet("font-weight: bold;")
        self.detail = label("")
        col.addWidget(self.title)
        col.addWidget(self.detail)
        lay.addLayout(col, 1)
        self.close_button: Button | None = None
        self._lay = lay
        self.state = ""
        self.show_state("", "")

    def set_closable(self, on: bool) -> None:
        """A ✕ at the right, a full touch target, that emits ``dismissed``."""
        if on and self.close_button is None:
            b = Button("", self._m, icon="cross")
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            b.setFixedSize(self._m.target, self._m.target)
            b.setAccessibleName("✕")
            b.clicked.connect(self.dismissed.emit)
            self._lay.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
            self.close_button = b
        if self.close_button is not None:
            self.close_button.setVisible(on)

    def show_state(self, state: str, title: str, detail: str = "") -> None:
        self.state = state
        bg = STATE_COLOURS.get(state, theme.SURFACE)
        fg = theme.ON_STATE.get(bg, theme.TEXT)
        border = bg if state else theme.BORDER
        self.setStyleSheet(
            f"#Banner {{ background: {bg}; border: 2px solid {border};"
            f" border-radius: {self._m.mm(2)}px; }}"
            f" #Banner QLabel {{ color: {fg}; }}"
        )
        if state:
            self.icon.set_icon(STATE_ICONS[state], fg if state != "attention" else "#000000")
        else:
            self.icon.set_icon("info", theme.TEXT_MUTED)
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))


class Pill(QFrame):
    """A small status: icon + word, coloured only when it is a state. ``tapped`` fires on
    a tap (the andon pill opens the call to clear it)."""

    tapped = Signal()

    def __init__(self, m: Metrics, on_bar: bool = True) -> None:
        super().__init__()
        self.setObjectName("Pill")
        self._m = m
        self._on_bar = on_bar
        lay = QHBoxLayout(self)
        lay.setContentsMargins(m.mm(1.5), m.mm(0.8), m.mm(2), m.mm(0.8))
        lay.setSpacing(m.mm(1.2))
        self.icon = IconLabel("info", m.mm(6))
        self.text = QLabel("")
        self.state = ""
        lay.addWidget(self.icon)
        lay.addWidget(self.text)

    def show_state(self, state: str, icon: str, text: str) -> None:
        self.state = state
        self.text.setVisible(True)
        bg = STATE_COLOURS.get(state)
        if bg:
            fg = theme.ON_STATE[bg]
            css = f"#Pill {{ background: {bg}; border-radius: {self._m.mm(1.5)}px; }}"
        else:
            fg = theme.BAR_TEXT if self._on_bar else theme.TEXT
            css = "#Pill { background: transparent; }"
        self.setStyleSheet(css + f" #Pill QLabel {{ color: {fg}; }}")
        self.icon.set_icon(icon, fg)
        self.text.setText(text)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.rect().contains(event.position().toPoint()):
            self.tapped.emit()


class Keypad(QWidget):
    """A glove-sized numeric keypad. Emits ``key`` with a digit, ".", "-", "back",
    "clear" or "enter"."""

    key = Signal(str)

    def __init__(
        self, m: Metrics, decimal: bool = True, enter_text: str = "", tight: bool = False
    ) -> None:
        super().__init__()
        grid = QGridLayout(self)
        #: between keys: 2.5 mm, 1.5 mm on small panels (still apart for a glove)
        self.spacing_px = m.mm(1.5 if tight else 2.5)
        grid.setSpacing(self.spacing_px)
        grid.setContentsMargins(0, 0, 0, 0)
        h = 20  # glove-sized on every panel
        # decimal:  7 8 9 ⌫ / 4 5 6 C / 1 2 3 − / 0 . [Enter]: four equal columns, so the
        # pad is as narrow as four targets and fits beside the value on small panels.
        if decimal:
            layout = [["7", "8", "9", "back"], ["4", "5", "6", "clear"], ["1", "2", "3", "-"]]
            layout.append(["0", "."])
        else:
            layout = [["7", "8", "9"], ["4", "5", "6"], ["1", "2", "3"], ["clear", "0", "back"]]
        self.buttons: dict[str, Button] = {}
        # min-width is the content's: 20 mm less the 2 px border each side
        key_css = f"QPushButton {{ padding: 0px; min-width: {m.target - 4}px; }}"
        for r, row in enumerate(layout):
            for c, k in enumerate(row):
                text = {"clear": "C", "back": "⌫", "-": "−", ".": QLocale().decimalPoint()}.get(
                    k, k
                )
                b = Button(text, m, height_mm=h)
                b.setFont(m.font("title", bold=True))
                # 20 mm wide and no more demanded: a digit needs no text padding (the
                # theme's padding would make every key 29 mm and the pad wider than a panel)
                b.setStyleSheet(key_css)
                b.clicked.connect(lambda _=False, k=k: self.key.emit(k))
                grid.addWidget(b, r, c)
                self.buttons[k] = b
        # the word alone when it is long (Übernehmen): the blue key is the Enter key
        text = enter_text or "OK"
        icon = "check" if len(text) <= 6 else None
        enter = Button(text, m, icon=icon, state="info", height_mm=h)
        enter.setStyleSheet(key_css)
        enter.clicked.connect(lambda: self.key.emit("enter"))
        if decimal:
            grid.addWidget(enter, 3, 2, 1, 2)
        else:
            grid.addWidget(enter, 4, 0, 1, 3)
        self.buttons["enter"] = enter
        # the keys' full height, never squeezed by a crowded column (a glove needs 20 mm)
        rows = len(layout) + (0 if decimal else 1)
        for b in self.buttons.values():
            b.ensurePolished()
        key = max(b.minimumSizeHint().height() for b in self.buttons.values())
        self.setMinimumHeight(rows * key + (rows - 1) * self.spacing_px)


def apply_key(text: str, key: str, limit: int = 12) -> str:
    """The entry after a keypad key (pure: used by the measurement and PIN entries)."""
    if key == "back":
        return text[:-1]
    if key == "clear":
        return ""
    if key == "-":
        return text[1:] if text.startswith("-") else "-" + text
    if key == "." and "." in text:
        return text
    if len(text) >= limit:
        return text
    return text + key


class StepStrip(QWidget):
    """One cell per step, coloured by status (with a mark, never colour alone). It only
    shows: sixteen cells cannot be 20 mm targets, so review goes by Back (and Next)."""

    def __init__(self, m: Metrics) -> None:
        super().__init__()
        self._m = m
        self.statuses: list[str] = []
        self.current = 0
        self.setMinimumHeight(m.mm(12))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_steps(self, statuses: Sequence[str], current: int) -> None:
        self.statuses = list(statuses)
        self.current = current
        self.update()

    def _cell(self, i: int) -> QRectF:
        n = max(1, len(self.statuses))
        gap = self._m.mm(1)
        w = (self.width() - gap * (n - 1)) / n
        return QRectF(i * (w + gap), self._m.mm(1), w, self.height() - self._m.mm(2))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        f = QFont(theme.FONT_FAMILY)
        f.setPixelSize(22)
        f.setBold(True)
        p.setFont(f)
        for i, status in enumerate(self.statuses):
            r = self._cell(i)
            colour = {
                "ok": theme.OK,
                "overridden": theme.ATTENTION,
                "skipped": theme.PENDING,
                "nok": theme.NOK,
                "partial": theme.INFO,
            }.get(status)
            if i == self.current:
                p.setPen(QPen(QColor(theme.BAR_TEXT), 4))
            else:
                p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(colour) if colour else QColor("#4A4F55"))
            p.drawRoundedRect(r.adjusted(2, 2, -2, -2), 6, 6)
            fg = QColor(theme.ON_STATE.get(colour or "", theme.BAR_TEXT))
            mark = {"ok": "✓", "nok": "✗", "overridden": "!", "skipped": "–"}.get(status)
            p.setPen(fg)
            if r.width() > 26:
                p.drawText(r, Qt.AlignmentFlag.AlignCenter, mark or str(i + 1))
        p.end()


class TorqueChips(QWidget):
    """One chip per fastening: grey waiting, blue the next one, green OK, red NOK with
    its value. ``results`` are the step's tightenings in order."""

    def __init__(self, m: Metrics) -> None:
        super().__init__()
        self._m = m
        self.count = 0
        self.results: list[dict[str, object]] = []
        self.setMinimumHeight(m.mm(24))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_results(self, count: int, results: list[dict[str, object]]) -> None:
        self.count = count
        self.results = results
        self.update()

    def chips(self) -> list[tuple[str, str]]:
        """(state, caption) per fastening: the last result for each, else waiting/next."""
        by_fastening: dict[int, dict[str, object]] = {}
        for t in self.results:
            by_fastening[int(str(t.get("fastening", 0)))] = t
        out = []
        next_index = sum(1 for t in self.results if t.get("ok")) + 1
        for i in range(1, self.count + 1):
            done = by_fastening.get(i)
            if done is not None:
                torque = done.get("torque")
                value = (
                    QLocale().toString(float(str(torque)), "f", 1) if torque is not None else "—"
                )
                out.append(("ok" if done.get("ok") else "nok", value))
            else:
                out.append(("info" if i == next_index else "", str(i)))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        n = max(1, self.count)
        gap = self._m.mm(2)
        size = min((self.width() - gap * (n - 1)) / n, self.height() - 4)
        f = QFont(theme.FONT_FAMILY)
        f.setPixelSize(max(22, round(size * 0.22)))
        f.setBold(True)
        p.setFont(f)
        for i, (state, caption) in enumerate(self.chips()):
            r = QRectF(i * (size + gap), 2, size, size)
            colour = STATE_COLOURS.get(state)
            if colour:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(colour))
            else:
                p.setPen(QPen(QColor(theme.BORDER), 3, Qt.PenStyle.DashLine))
                p.setBrush(QColor(theme.SURFACE))
            p.drawEllipse(r.adjusted(2, 2, -2, -2))
            fg = theme.ON_STATE.get(colour or "", theme.TEXT)
            if state in ("ok", "nok"):
                ic = icons.pixmap("check" if state == "ok" else "cross", round(size * 0.34), fg)
                p.drawPixmap(
                    round(r.center().x() - ic.width() / 2), round(r.top() + size * 0.12), ic
                )
                p.setPen(QColor(fg))
                p.drawText(
                    QRectF(r.left(), r.top() + size * 0.5, size, size * 0.38),
                    Qt.AlignmentFlag.AlignCenter,
                    caption,
                )
            else:
                p.setPen(QColor(fg))
                p.drawText(r, Qt.AlignmentFlag.AlignCenter, caption)
        p.end()


class LimitGauge(QWidget):
    """The tolerance band drawn: lower and upper limits, nominal, and the entered value."""

    def __init__(self, m: Metrics) -> None:
        super().__init__()
        self._m = m
        self.low: float | None = None  # not ``lower``: QWidget.lower() is a method
        self.high: float | None = None
        self.nominal: float | None = None
        self.value: float | None = None
        self.decimals = 2
        self.setMinimumHeight(m.mm(20))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_limits(
        self, lower: float | None, upper: float | None, nominal: float | None, decimals: int
    ) -> None:
        self.low, self.high, self.nominal, self.decimals = lower, upper, nominal, decimals
        self.update()

    def set_value(self, value: float | None) -> None:
        self.value = value
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.low is None or self.high is None or self.high <= self.low:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        f = QFont(theme.FONT_FAMILY)
        f.setPixelSize(22)
        p.setFont(f)
        lo, hi = self.low, self.high
        span = hi - lo
        vmin, vmax = lo - span * 0.4, hi + span * 0.4
        w = self.width() - 2
        # the value's marker (26 px) above the band, the limits' numbers (26 px) below it:
        # the band takes what is left, so the numbers are never cut at the bottom
        band_y = 28.0
        band_h = max(8.0, min(self.height() * 0.22, self.height() - band_y - 26 - 12))

        def x(v: float) -> float:
            return 1 + (min(max(v, vmin), vmax) - vmin) / (vmax - vmin) * w

        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#C9C9C4"))
        p.drawRect(QRectF(1, band_y, w, band_h))
        p.setBrush(QColor("#8FA89A"))
        p.drawRect(QRectF(x(lo), band_y, x(hi) - x(lo), band_h))
        p.setPen(QPen(QColor(theme.TEXT), 3))
        for v in (lo, hi):
            p.drawLine(round(x(v)), round(band_y - 8), round(x(v)), round(band_y + band_h + 8))
        locale = QLocale()
        p.setPen(QColor(theme.TEXT))
        text_y = band_y + band_h + 10
        for v in (lo, hi):
            r = QRectF(x(v) - 80, text_y, 160, 28)
            p.drawText(
                r,
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                locale.toString(float(v), "f", self.decimals),
            )
        if self.nominal is not None:
            p.setPen(QPen(QColor(theme.TEXT_MUTED), 2, Qt.PenStyle.DashLine))
            p.drawLine(
                round(x(self.nominal)),
                round(band_y),
                round(x(self.nominal)),
                round(band_y + band_h),
            )
        if self.value is not None:
            inside = lo <= self.value <= hi
            colour = QColor(theme.OK if inside else theme.NOK)
            vx = x(self.value)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            tri = [(vx, band_y - 2), (vx - 14, band_y - 26), (vx + 14, band_y - 26)]
            from ui.qt import QPointF, QPolygonF

            p.drawPolygon(QPolygonF([QPointF(a, b) for a, b in tri]))
            p.drawRect(QRectF(vx - 3, band_y, 6, band_h))
        p.end()


def kinetic(area: QScrollArea) -> QScrollArea:
    """Flick-to-scroll with a finger (or a gloved mouse press) instead of scroll bars."""
    # TouchGesture: a finger flicks; a mouse (or a panel that emulates one) clicks at once.
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def hbox(*widgets: QWidget, spacing: int = 0, stretch_at: int | None = None) -> QHBoxLayout:
    lay = QHBoxLayout()
    lay.setSpacing(spacing)
    lay.setContentsMargins(0, 0, 0, 0)
    for i, w in enumerate(widgets):
        if stretch_at == i:
            lay.addStretch(1)
        lay.addWidget(w)
    if stretch_at == len(widgets):
        lay.addStretch(1)
    return lay
