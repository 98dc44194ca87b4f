"""Icons drawn with QPainter on a 100x100 grid: crisp at any size, tinted per state,
no image files to lose. Every state colour on screen comes with one of these.

Not split (about 520 lines): one short drawing function per icon and a table of them."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache

from ui.qt import (
    QColor,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPointF,
    QPolygonF,
    QRectF,
    Qt,
)

Draw = Callable[[QPainter, QColor], None]
_ICONS: dict[str, Draw] = {}


def _icon(name: str) -> Callable[[Draw], Draw]:
    def register(fn: Draw) -> Draw:
        _ICONS[name] = fn
        return fn

    return register


def _pen(p: QPainter, c: QColor, w: float = 9) -> None:
    pen = QPen(c, w)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)


def _fill(p: QPainter, c: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(c)


def _poly(*pts: tuple[float, float]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in pts])


def _inner(c: QColor) -> QColor:
    return QColor("#000000") if c.lightness() > 140 else QColor("#FFFFFF")


@_icon("check")
def _check(p: QPainter, c: QColor) -> None:
    _pen(p, c, 13)
    p.drawPolyline(_poly((18, 52), (40, 74), (84, 26)))


@_icon("box")
def _box(p: QPainter, c: QColor) -> None:
    """An empty tick box: a checklist item not done yet."""
    _pen(p, c, 8)
    p.drawRoundedRect(16, 16, 68, 68, 10, 10)


@_icon("cross")
def _cross(p: QPainter, c: QColor) -> None:
    _pen(p, c, 13)
    p.drawLine(24, 24, 76, 76)
    p.drawLine(76, 24, 24, 76)


@_icon("ok")
def _ok(p: QPainter, c: QColor) -> None:
    _fill(p, c)
    p.drawEllipse(QRectF(6, 6, 88, 88))
    _pen(p, _inner(c), 11)
    p.drawPolyline(_poly((28, 52), (44, 68), (73, 36)))


@_icon("nok")
def _nok(p: QPainter, c: QColor) -> None:
    _fill(p, c)
    p.drawEllipse(QRectF(6, 6, 88, 88))
    _pen(p, _inner(c), 11)
    p.drawLine(34, 34, 66, 66)
    p.drawLine(66, 34, 34, 66)


@_icon("warning")
def _warning(p: QPainter, c: QColor) -> None:
    _fill(p, c)
    path = QPainterPath()
    path.addPolygon(_poly((50, 6), (96, 90), (4, 90), (50, 6)))
    p.drawPath(path)
    inner = QColor("#000000") if c.lightness() > 140 else QColor("#FFFFFF")
    _fill(p, inner)
    p.drawRoundedRect(QRectF(44, 32, 12, 34), 5, 5)
    p.drawEllipse(QRectF(43, 72, 14, 14))


@_icon("info")
def _info(p: QPainter, c: QColor) -> None:
    _fill(p, c)
    p.drawEllipse(QRectF(6, 6, 88, 88))
    _fill(p, _inner(c))
    p.drawEllipse(QRectF(43, 20, 14, 14))
    p.drawRoundedRect(QRectF(43, 40, 14, 40), 5, 5)


@_icon("badge")
def _badge(p: QPainter, c: QColor) -> None:
    _pen(p, c, 7)
    p.drawRoundedRect(QRectF(14, 20, 72, 66), 8, 8)
    p.drawLine(38, 14, 62, 14)
    p.drawEllipse(QRectF(36, 32, 28, 26))
    p.drawArc(QRectF(26, 60, 48, 34), 0, 180 * 16)


@_icon("scanner")
def _scanner(p: QPainter, c: QColor) -> None:
    _fill(p, c)
    path = QPainterPath()
    path.addPolygon(
        _poly(
            (10, 20), (70, 20), (78, 42), (46, 46), (40, 88), (24, 88), (28, 46), (10, 42), (10, 20)
        )
    )
    p.drawPath(path)
    red = QColor("#C0121E")
    _pen(p, red, 4)
    for i, y in enumerate((18, 30, 42)):
        p.drawLine(80, 31, 96, y + i)


@_icon("torque")
def _torque(p: QPainter, c: QColor) -> None:
    _fill(p, c)
    p.drawRoundedRect(QRectF(8, 26, 60, 26), 8, 8)  # body
    p.drawRect(QRectF(68, 32, 18, 14))  # nose
    p.drawRect(QRectF(86, 36, 10, 6))  # bit
    p.drawRoundedRect(QRectF(20, 52, 20, 40), 6, 6)  # grip
    _pen(p, c, 6)
    p.drawArc(QRectF(60, 8, 30, 20), 30 * 16, 150 * 16)


@_icon("sync")
def _sync(p: QPainter, c: QColor) -> None:
    _pen(p, c, 9)
    p.drawArc(QRectF(16, 16, 68, 68), 30 * 16, 150 * 16)
    p.drawArc(QRectF(16, 16, 68, 68), 210 * 16, 150 * 16)
    _fill(p, c)
    p.drawPolygon(_poly((80, 30), (92, 52), (66, 50)))
    p.drawPolygon(_poly((20, 70), (8, 48), (34, 50)))


@_icon("offline")
def _offline(p: QPainter, c: QColor) -> None:
    _pen(p, c, 8)
    p.drawArc(QRectF(10, 30, 80, 60), 30 * 16, 120 * 16)
    p.drawArc(QRectF(26, 46, 48, 36), 30 * 16, 120 * 16)
    _fill(p, c)
    p.drawEllipse(QRectF(43, 70, 14, 14))
    _pen(p, c, 8)
    p.drawLine(18, 14, 86, 90)


@_icon("clock")
def _clock(p: QPainter, c: QColor) -> None:
    _pen(p, c, 8)
    p.drawEllipse(QRectF(10, 10, 80, 80))
    p.drawLine(50, 50, 50, 24)
    p.drawLine(50, 50, 68, 60)


@_icon("andon")
def _andon(p: QPainter, c: QColor) -> None:
    _pen(p, c, 8)
    p.drawLine(22, 10, 22, 92)
    _fill(p, c)
    p.drawPolygon(_poly((26, 12), (86, 26), (26, 50)))


@_icon("back")
def _back(p: QPainter, c: QColor) -> None:
    _pen(p, c, 13)
    p.drawPolyline(_poly((62, 16), (28, 50), (62, 84)))


@_icon("next")
def _next(p: QPainter, c: QColor) -> None:
    _pen(p, c, 13)
    p.drawPolyline(_poly((38, 16), (72, 50), (38, 84)))


@_icon("lock")
def _lock(p: QPainter, c: QColor) -> None:
    _pen(p, c, 9)
    p.drawArc(QRectF(28, 10, 44, 50), 0, 180 * 16)
    p.drawLine(28, 35, 28, 46)
    p.drawLine(72, 35, 72, 46)
    _fill(p, c)
    p.drawRoundedRect(QRectF(16, 44, 68, 48), 8, 8)


@_icon("keypad")
def _keypad(p: QPainter, c: QColor) -> None:
    _fill(p, c)
    for r in range(4):
        for col in range(3):
            p.drawRoundedRect(QRectF(14 + col * 26, 6 + r * 23, 20, 18), 4, 4)


@_icon("part")
def _part(p: QPainter, c: QColor) -> None:
    _pen(p, c, 7)
    p.drawPolygon(_poly((50, 8), (90, 28), (90, 72), (50, 92), (10, 72), (10, 28)))
    p.drawPolyline(_poly((10, 28), (50, 48), (90, 28)))
    p.drawLine(50, 48, 50, 92)


@_icon("barcode")
def _barcode(p: QPainter, c: QColor) -> None:
    _fill(p, c)
    x = 10.0
    for w in (4, 8, 3, 6, 3, 10, 4, 3, 7, 4, 8, 3):
        p.drawRect(QRectF(x, 18, w, 64))
        x += w + 3.2


@_icon("measure")
def _measure(p: QPainter, c: QColor) -> None:
    _pen(p, c, 7)
    p.drawRect(QRectF(6, 34, 88, 32))
    for i, x in enumerate(range(16, 92, 10)):
        p.drawLine(x, 34, x, 46 if i % 2 else 54)


@_icon("question")
def _question(p: QPainter, c: QColor) -> None:
    _pen(p, c, 11)
    p.drawArc(QRectF(28, 10, 44, 40), -60 * 16, 240 * 16)
    p.drawLine(50, 50, 50, 64)
    _fill(p, c)
    p.drawEllipse(QRectF(43, 76, 14, 14))


@_icon("sign")
def _sign(p: QPainter, c: QColor) -> None:
    _pen(p, c, 6)
    path = QPainterPath(QPointF(8, 70))
    path.cubicTo(20, 40, 30, 90, 42, 60)
    path.cubicTo(50, 44, 56, 80, 66, 64)
    p.drawPath(path)
    p.drawLine(8, 86, 92, 86)
    _fill(p, c)
    p.drawPolygon(_poly((70, 50), (88, 14), (96, 20), (76, 54)))


@_icon("checklist")
def _checklist(p: QPainter, c: QColor) -> None:
    _pen(p, c, 7)
    for y in (20, 50, 80):
        p.drawPolyline(_poly((8, y), (16, y + 8), (28, y - 8)))
        p.drawLine(40, y, 92, y)


@_icon("instruction")
def _instruction(p: QPainter, c: QColor) -> None:
    _pen(p, c, 7)
    p.drawRoundedRect(QRectF(18, 8, 64, 84), 6, 6)
    for y in (28, 44, 60, 76):
        p.drawLine(30, y, 70, y)


@_icon("wrench")
def _wrench(p: QPainter, c: QColor) -> None:
    _pen(p, c, 14)
    p.drawLine(28, 72, 62, 38)
    _pen(p, c, 9)
    p.drawArc(QRectF(54, 10, 36, 36), -200 * 16, 270 * 16)
    _fill(p, c)
    p.drawEllipse(QRectF(12, 70, 22, 22))


@_icon("material")
def _material(p: QPainter, c: QColor) -> None:
    _fill(p, c)
    p.drawRect(QRectF(10, 44, 36, 36))
    p.drawRect(QRectF(54, 44, 36, 36))
    p.drawRect(QRectF(32, 6, 36, 34))


@_icon("quality")
def _quality(p: QPainter, c: QColor) -> None:
    _pen(p, c, 9)
    p.drawEllipse(QRectF(10, 10, 56, 56))
    p.drawLine(60, 60, 90, 90)
    p.drawPolyline(_poly((24, 38), (34, 48), (54, 26)))


@_icon("help")
def _help(p: QPainter, c: QColor) -> None:
    _fill(p, c)
    p.drawRoundedRect(QRectF(34, 30, 32, 62), 10, 10)  # palm
    for i, h in enumerate((28, 34, 32, 24)):
        p.drawRoundedRect(QRectF(26 + i * 13, 36 - h, 10, h + 10), 5, 5)
    p.drawRoundedRect(QRectF(14, 48, 26, 12), 6, 6)


@_icon("pause")
def _pause(p: QPainter, c: QColor) -> None:
    _fill(p, c)
    p.drawRoundedRect(QRectF(22, 14, 20, 72), 5, 5)
    p.drawRoundedRect(QRectF(58, 14, 20, 72), 5, 5)


@_icon("scrap")
def _scrap(p: QPainter, c: QColor) -> None:
    _pen(p, c, 7)
    p.drawLine(14, 24, 86, 24)
    p.drawLine(38, 24, 42, 12)
    p.drawLine(62, 24, 58, 12)
    p.drawLine(38, 12, 62, 12)
    p.drawPolygon(_poly((22, 24), (30, 92), (70, 92), (78, 24)))
    p.drawLine(42, 38, 42, 80)
    p.drawLine(58, 38, 58, 80)


@_icon("exit")
def _exit(p: QPainter, c: QColor) -> None:
    _pen(p, c, 8)
    p.drawPolyline(_poly((56, 20), (56, 10), (14, 10), (14, 90), (56, 90), (56, 80)))
    p.drawLine(36, 50, 90, 50)
    p.drawPolyline(_poly((74, 34), (90, 50), (74, 66)))


@_icon("play")
def _play(p: QPainter, c: QColor) -> None:
    _fill(p, c)
    p.drawPolygon(_poly((26, 12), (86, 50), (26, 88)))


@_icon("loop")
def _loop(p: QPainter, c: QColor) -> None:
    _pen(p, c, 9)
    p.drawArc(QRectF(12, 12, 76, 76), 60 * 16, 300 * 16)
    _fill(p, c)
    p.drawPolygon(_poly((62, 4), (80, 16), (60, 28)))


@_icon("image")
def _image(p: QPainter, c: QColor) -> None:
    _pen(p, c, 7)
    p.drawRoundedRect(QRectF(8, 16, 84, 68), 6, 6)
    _fill(p, c)
    p.drawPolygon(_poly((14, 78), (40, 44), (58, 66), (68, 54), (86, 78)))
    p.drawEllipse(QRectF(62, 26, 14, 14))


@_icon("document")
def _document(p: QPainter, c: QColor) -> None:
    _pen(p, c, 7)
    p.drawPolygon(_poly((20, 8), (62, 8), (82, 28), (82, 92), (20, 92)))
    p.drawPolyline(_poly((62, 8), (62, 28), (82, 28)))
    for y in (46, 60, 74):
        p.drawLine(32, y, 70, y)


@_icon("user")
def _user(p: QPainter, c: QColor) -> None:
    _fill(p, c)
    p.drawEllipse(QRectF(30, 8, 40, 40))
    p.drawChord(QRectF(12, 54, 76, 76), 0, 180 * 16)


@_icon("unit")
def _unit(p: QPainter, c: QColor) -> None:
    _pen(p, c, 7)
    p.drawEllipse(QRectF(10, 10, 80, 80))
    p.drawEllipse(QRectF(34, 34, 32, 32))
    for a in range(0, 360, 60):
        r = math.radians(a)
        p.drawLine(
            QPointF(50 + 18 * math.cos(r), 50 + 18 * math.sin(r)),
            QPointF(50 + 38 * math.cos(r), 50 + 38 * math.sin(r)),
        )


@_icon("station")
def _station(p: QPainter, c: QColor) -> None:
    _pen(p, c, 7)
    p.drawRect(QRectF(8, 40, 84, 14))
    p.drawLine(16, 54, 16, 92)
    p.drawLine(84, 54, 84, 92)
    p.drawRoundedRect(QRectF(30, 6, 40, 30), 4, 4)


# Safety signs (ISO 7010 look): blue mandatory circles, yellow warning triangles.
def _mandatory(p: QPainter, c: QColor, inner: Callable[[QPainter, QColor], None]) -> None:
    _fill(p, c)
    p.drawEllipse(QRectF(4, 4, 92, 92))
    inner(p, QColor("#FFFFFF"))


def _triangle(p: QPainter, c: QColor, inner: Callable[[QPainter, QColor], None]) -> None:
    _fill(p, c)
    p.drawPolygon(_poly((50, 4), (97, 90), (3, 90)))
    _pen(p, QColor("#000000"), 5)
    p.drawPolygon(_poly((50, 14), (88, 85), (12, 85)))
    inner(p, QColor("#000000"))


@_icon("gloves")
def _gloves(p: QPainter, c: QColor) -> None:
    def glove(q: QPainter, w: QColor) -> None:
        _fill(q, w)
        q.drawRoundedRect(QRectF(34, 40, 32, 40), 8, 8)
        for i in range(4):
            q.drawRoundedRect(QRectF(34 + i * 8.5, 20 + abs(1.5 - i) * 4, 7, 28), 3, 3)
        q.drawRoundedRect(QRectF(22, 46, 16, 9), 4, 4)

    _mandatory(p, c, glove)


@_icon("goggles")
def _goggles(p: QPainter, c: QColor) -> None:
    def goggles(q: QPainter, w: QColor) -> None:
        _fill(q, w)
        q.drawRoundedRect(QRectF(16, 36, 30, 24), 10, 10)
        q.drawRoundedRect(QRectF(54, 36, 30, 24), 10, 10)
        q.drawRect(QRectF(44, 42, 12, 6))

    _mandatory(p, c, goggles)


@_icon("hot")
def _hot(p: QPainter, c: QColor) -> None:
    def waves(q: QPainter, k: QColor) -> None:
        _pen(q, k, 5)
        for x in (38, 50, 62):
            path = QPainterPath(QPointF(x, 74))
            path.cubicTo(x - 8, 62, x + 8, 52, x, 40)
            q.drawPath(path)

    _triangle(p, c, waves)


@_icon("sharp")
def _sharp(p: QPainter, c: QColor) -> None:
    def blade(q: QPainter, k: QColor) -> None:
        _fill(q, k)
        q.drawPolygon(_poly((30, 74), (70, 38), (62, 60), (40, 76)))

    _triangle(p, c, blade)


@_icon("electric")
def _electric(p: QPainter, c: QColor) -> None:
    def bolt(q: QPainter, k: QColor) -> None:
        _fill(q, k)
        q.drawPolygon(_poly((54, 30), (38, 58), (50, 58), (44, 80), (62, 50), (50, 50), (58, 30)))

    _triangle(p, c, bolt)


@_icon("esd")
def _esd(p: QPainter, c: QColor) -> None:
    def hand(q: QPainter, k: QColor) -> None:
        _pen(q, k, 5)
        q.drawArc(QRectF(30, 38, 40, 40), 0, 180 * 16)
        q.drawLine(34, 80, 66, 40)

    _triangle(p, c, hand)


@_icon("heavy")
def _heavy(p: QPainter, c: QColor) -> None:
    def weight(q: QPainter, k: QColor) -> None:
        _fill(q, k)
        q.drawPolygon(_poly((36, 52), (64, 52), (72, 78), (28, 78)))
        _pen(q, k, 4)
        q.drawEllipse(QRectF(43, 40, 14, 12))

    _triangle(p, c, weight)


ICON_NAMES = tuple(_ICONS)
SAFETY_COLOURS = {
    "gloves": "#1F5BA8",
    "goggles": "#1F5BA8",
    "hot": "#F0B400",
    "sharp": "#F0B400",
    "electric": "#F0B400",
    "esd": "#F0B400",
    "heavy": "#F0B400",
}


@lru_cache(maxsize=512)
def pixmap(name: str, size: int, color: str = "#161616") -> QPixmap:
    """The icon ``name`` drawn at ``size`` px (device-independent) in ``color``."""
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100, size / 100)
    _ICONS.get(name, _ICONS["info"])(p, QColor(SAFETY_COLOURS.get(name, color)))
    p.end()
    return pm


def icon(name: str, size: int, color: str = "#161616") -> QIcon:
    return QIcon(pixmap(name, size, color))
