"""Look and size: an ISA-101 muted palette (colour only for state) and sizes from
millimetres through the screen's physical DPI.

Touch targets are at least 20 mm on the panel (about 80 px on a 22" 1920x1080 panel),
with a dead band between neighbours; body text is at least 22 px.
"""

from __future__ import annotations

from dataclasses import dataclass

from ui.qt import QApplication, QColor, QFont, QGuiApplication

FALLBACK_DPI = 96.0
FONT_FAMILY = "DejaVu Sans"

# Neutral greys for everything that is not state (ISA-101 "high performance").
BG = "#E4E4E1"  # calm background
SURFACE = "#F4F4F2"  # cards and panels
SURFACE_DOWN = "#D2D2CE"  # pressed
BORDER = "#A9A9A4"
TEXT = "#161616"
TEXT_MUTED = "#3B3B3B"  # still >= 7:1 on BG
BAR = "#2B2F33"  # top and bottom bars
BAR_TEXT = "#F4F4F2"

# State colours, always paired with an icon and a word.
OK = "#0A5A26"  # green: done / OK
NOK = "#A1101A"  # red: NOK / stop
ATTENTION = "#F0B400"  # amber: needs attention (black text)
INFO = "#0A4A85"  # blue: active / information
ON_STATE = {OK: "#FFFFFF", NOK: "#FFFFFF", ATTENTION: "#000000", INFO: "#FFFFFF"}
PENDING = "#7A7A75"  # a step not yet done (grey, paired with its number)


def _channel(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: str) -> float:
    q = QColor(color)
    return 0.2126 * _channel(q.red()) + 0.7152 * _channel(q.green()) + 0.0722 * _channel(q.blue())


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio between two colours (1 … 21)."""
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


#: Every text/background pair the UI draws; a test checks each is at least 7:1.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    (TEXT, BG),
    (TEXT, SURFACE),
    (TEXT_MUTED, BG),
    (TEXT_MUTED, SURFACE),
    (TEXT, SURFACE_DOWN),
    (BAR_TEXT, BAR),
    *((fg, bg) for bg, fg in ON_STATE.items()),
)


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one screen, derived from millimetres."""

    dpi: float
    width: int = 1920
    height: int = 1080

    def mm(self, mm: float) -> int:
        return round(mm * self.dpi / 25.4)

    @property
    def target(self) -> int:
        """Smallest touch target: 20 mm."""
        return self.mm(20)

    @property
    def gap(self) -> int:
        """Dead band between neighbouring targets: 4 mm."""
        return self.mm(4)

    @property
    def pad(self) -> int:
        return self.mm(3)

    @property
    def compact(self) -> bool:
        """Small panels (1280x800, 1366x768) tighten the type a little, never below 22 px."""
        return min(self.width, self.height) < 900

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    def font_px(self, role: str) -> int:
        base = {"body": 24, "small": 22, "title": 36, "hero": 52, "button": 26, "bar": 22}
        px = base.get(role, 24)
        if self.compact and role in ("title", "hero"):
            px = round(px * 0.8)
        return max(22, px)

    def font(self, role: str = "body", bold: bool = False) -> QFont:
        f = QFont(FONT_FAMILY)
        f.setPixelSize(self.font_px(role))
        f.setBold(bold)
        return f


def screen_dpi() -> float:
    """The primary screen's physical DPI, or 96 when the screen reports nonsense."""
    app = QGuiApplication.instance()
    screen = QGuiApplication.primaryScreen() if app else None
    if screen is None:
        return FALLBACK_DPI
    dpi = screen.physicalDotsPerInch()
    size = screen.physicalSize()
    if not 60 <= dpi <= 400 or size.width() < 50:  # EDID missing or a projector's guess
        return FALLBACK_DPI
    return float(dpi)


def metrics_for(width: int, height: int, dpi: float | None = None) -> Metrics:
    return Metrics(dpi=dpi or screen_dpi(), width=width, height=height)


def stylesheet(m: Metrics) -> str:
    body, small, title, btn = (m.font_px(r) for r in ("body", "small", "title", "button"))
    return f"""
    QWidget {{ font-family: "{FONT_FAMILY}"; font-size: {body}px; color: {TEXT}; }}
    #Root, #Screen {{ background: {BG}; }}
    QLabel {{ background: transparent; }}
    QLabel[role="title"] {{ font-size: {title}px; font-weight: bold; }}
    QLabel[role="hero"] {{ font-size: {m.font_px("hero")}px; font-weight: bold; }}
    QLabel[role="muted"] {{ color: {TEXT_MUTED}; font-size: {small}px; }}
    QFrame[card="true"] {{ background: {SURFACE}; border: 2px solid {BORDER};
        border-radius: {m.mm(2)}px; }}
    QPushButton {{ background: {SURFACE}; border: 2px solid {BORDER};
        border-radius: {m.mm(2)}px; min-height: {m.target}px; min-width: {m.target}px;
        font-size: {btn}px; font-weight: bold; padding: 0 {m.mm(4)}px; }}
    QPushButton:pressed, QPushButton:checked {{ background: {SURFACE_DOWN}; }}
    QPushButton:disabled {{ color: {TEXT_MUTED}; background: {BG}; border-style: dashed; }}
    QPushButton[state="ok"] {{ background: {OK}; color: #FFFFFF; border-color: {OK}; }}
    QPushButton[state="nok"] {{ background: {NOK}; color: #FFFFFF; border-color: {NOK}; }}
    QPushButton[state="attention"] {{ background: {ATTENTION}; color: #000000;
        border-color: #8A6800; }}
    QPushButton[state="info"] {{ background: {INFO}; color: #FFFFFF; border-color: {INFO}; }}
    QPushButton[state="info"]:disabled {{ background: {BG}; color: {TEXT_MUTED};
        border-color: {BORDER}; }}
    QPushButton[state="ok"]:pressed, QPushButton[state="nok"]:pressed,
    QPushButton[state="info"]:pressed {{ border: 4px solid {TEXT}; }}
    #TopBar, #BottomBar {{ background: {BAR}; }}
    #TopBar QLabel, #BottomBar QLabel {{ color: {BAR_TEXT}; font-size: {m.font_px("bar")}px; }}
    QScrollArea {{ background: transparent; border: none; }}
    QScrollArea > QWidget > QWidget {{ background: transparent; }}
    QScrollBar:vertical {{ width: {m.mm(4)}px; background: {BG}; }}
    QScrollBar::handle:vertical {{ background: {BORDER}; min-height: {m.mm(10)}px; }}
    #Scrim {{ background: rgba(20, 20, 20, 150); }}
    #Panel {{ background: {SURFACE}; border: 3px solid {BAR}; border-radius: {m.mm(3)}px; }}
    """


def apply(app: QApplication, m: Metrics) -> None:
    app.setFont(m.font("body"))
    app.setStyleSheet(stylesheet(m))
