# ruff: noqa: PLR0917  (drawing primitives take geometry positionally, like QPainter)
"""Drawing kit for the demo illustrations: colours, primitives and the P-200 pump's parts.

Everything is drawn in a 1920×1080 "scene" coordinate space with QPainter, so the same code
paints the JPEG pictures, the video frames (scaled) and the PDF assembly drawing (scaled).
Side views put the pump's axis horizontally at ``cy``; the motor is on the left.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QRadialGradient,
)

W, H = 1920, 1080
INK = QColor("#1f2933")
SOFT_INK = QColor("#52606d")
PAPER = QColor("#f6f7f9")
GRID = QColor("#e5e8ed")
ACCENT = QColor("#e8772e")  # the action: arrows, the part being placed
OK = QColor("#2e8b57")
NOK = QColor("#c0392b")
MOTOR = QColor("#7b8794")
HOUSING = QColor("#2d5f93")
STEEL = QColor("#aeb7c0")
BRONZE = QColor("#b08d57")
RUBBER = QColor("#2b2b2b")
CERAMIC = QColor("#eef0f2")
FONT = "DejaVu Sans"


def pen(
    color: QColor = INK, width: float = 3.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine
) -> QPen:
    p = QPen(color, width, style)
    p.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setCapStyle(Qt.PenCapStyle.RoundCap)
    return p


def font(size: float, bold: bool = False, mono: bool = False) -> QFont:
    f = QFont("DejaVu Sans Mono" if mono else FONT)
    f.setPixelSize(max(1, round(size)))
    f.setBold(bold)
    return f


#: The least text size, in picture pixels, while a picture is painted (set by
#: ``render.paint_picture``; 0 for the video and the drawing, which keep their sizes).
TEXT_FLOOR = 0.0


def set_font(p: QPainter, size: float, bold: bool = False, mono: bool = False) -> None:
    """The painter's font at ``size`` in the current coordinates, never smaller on the
    picture than :data:`TEXT_FLOOR` (a detail drawn scaled down gets a larger font)."""
    if TEXT_FLOOR:
        scale = math.sqrt(abs(p.worldTransform().determinant())) or 1.0
        size = max(size, TEXT_FLOOR / scale)
    p.setFont(font(size, bold, mono))


def text_size(p: QPainter, size: float) -> float:
    """``size`` raised to the floor, in the current coordinates (see :func:`set_font`)."""
    if not TEXT_FLOOR:
        return size
    scale = math.sqrt(abs(p.worldTransform().determinant())) or 1.0
    return max(size, TEXT_FLOOR / scale)


def grown(p: QPainter, rect: QRectF, text: str, pad: float = 16) -> QRectF:
    """``rect`` grown about its centre so ``text`` in the painter's font fits with ``pad``."""
    need = QFontMetricsF(p.font()).boundingRect(
        QRectF(0, 0, 10_000, 10_000), int(Qt.AlignmentFlag.AlignLeft), text
    )
    w = max(rect.width(), need.width() + 2 * pad)
    h = max(rect.height(), need.height() + pad)
    c = rect.center()
    return QRectF(c.x() - w / 2, c.y() - h / 2, w, h)


def small_print(
    p: QPainter, rect: QRectF, text: str, size: float, mono: bool = True, bold: bool = False
) -> None:
    """Print on a part (a label's human-readable line): the text where it fits at a
    readable size, else grey lines standing for it (the detail view shows it large)."""
    set_font(p, size, bold=bold, mono=mono)
    need = QFontMetricsF(p.font()).boundingRect(
        QRectF(0, 0, 10_000, 10_000), int(Qt.AlignmentFlag.AlignLeft), text
    )
    if need.width() <= rect.width() * 1.02 and need.height() <= rect.height() * 1.6:
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        return
    lines = max(1, text.count("\n") + 1)
    pitch = rect.height() / lines
    p.save()
    p.setPen(pen(SOFT_INK, max(2.0, pitch * 0.25)))
    for i in range(lines):
        y = rect.top() + pitch * (i + 0.5)
        p.drawLine(QPointF(rect.left() + 6, y), QPointF(rect.right() - 6 - (i % 2) * 30, y))
    p.restore()


def shade(color: QColor, factor: int) -> QColor:
    """Lighter for factor > 100, darker below."""
    return color.lighter(factor) if factor >= 100 else color.darker(int(10000 / factor))


def cylinder_brush(top: float, bottom: float, base: QColor) -> QBrush:
    """A horizontal cylinder's shading: dark rims, a highlight a third of the way down."""
    g = QLinearGradient(0, top, 0, bottom)
    g.setColorAt(0.0, shade(base, 70))
    g.setColorAt(0.28, shade(base, 150))
    g.setColorAt(0.45, shade(base, 115))
    g.setColorAt(1.0, shade(base, 60))
    return QBrush(g)


def disc_brush(c: QPointF, r: float, base: QColor) -> QBrush:
    g = QRadialGradient(c.x() - r * 0.35, c.y() - r * 0.35, r * 1.6)
    g.setColorAt(0.0, shade(base, 150))
    g.setColorAt(0.6, base)
    g.setColorAt(1.0, shade(base, 65))
    return QBrush(g)


# ------------------------------------------------------------------------------- primitives


def paper(p: QPainter, rect: QRectF) -> None:
    """Paper with a faint engineering grid (lines every 40 px from the scene's origin)."""
    p.fillRect(rect, PAPER)
    p.setPen(pen(GRID, 1))
    for x in range(int(rect.left()) // 40 * 40, int(rect.right()) + 1, 40):
        p.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
    for y in range(int(rect.top()) // 40 * 40, int(rect.bottom()) + 1, 40):
        p.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))


def background(p: QPainter, step: str = "") -> None:
    """Paper with a faint engineering grid and a small language-neutral reference tag."""
    paper(p, QRectF(0, 0, W, H))
    if step:
        text = f"P-200 · OP20 · {step}"
        set_font(p, 22, bold=True)
        box = grown(p, QRectF(32, H - 76, 300, 48), text)
        box.moveTo(32, H - 28 - box.height())
        p.setPen(pen(SOFT_INK, 2))
        p.setBrush(QColor("#ffffff"))
        p.drawRoundedRect(box, 8, 8)
        p.setPen(INK)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def legend(p: QPainter, rows: Sequence[tuple[str, str]], x: float = W - 560, y: float = 40) -> None:
    """A parts legend: callout number → part number, top right."""
    if not rows:
        return
    r = bubble_radius(p, 19)
    size = text_size(p, 24)
    pitch = max(50.0, 2 * r + 10, size * 1.35)
    set_font(p, 24, mono=True)
    fm = QFontMetricsF(p.font())
    width = max(520.0, 2 * r + 50 + max(fm.horizontalAdvance(t) for _, t in rows) + 24)
    x = min(x, W - 40 - width)  # a wider legend still ends inside the picture
    h = 22 + pitch * len(rows)
    p.setPen(pen(SOFT_INK, 2))
    p.setBrush(QColor(255, 255, 255, 235))
    p.drawRoundedRect(QRectF(x, y, width, h), 10, 10)
    for i, (n, text) in enumerate(rows):
        cy = y + 11 + pitch * (i + 0.5)
        bubble(p, QPointF(x + 21 + r, cy), n, r=19)
        set_font(p, 24, mono=True)
        p.setPen(INK)
        p.drawText(
            QRectF(x + 2 * r + 40, cy - pitch / 2, width - 2 * r - 50, pitch),
            Qt.AlignmentFlag.AlignVCenter,
            text,
        )


def bubble_radius(p: QPainter, r: float) -> float:
    """A callout balloon's radius: ``r``, or more so its number is readable."""
    return max(r, text_size(p, r * 1.05) / 1.05)


def bubble(p: QPainter, c: QPointF, text: str, r: float = 26, fill: QColor | None = None) -> None:
    r = bubble_radius(p, r)
    p.setPen(pen(INK, 3))
    p.setBrush(fill or QColor("#ffffff"))
    p.drawEllipse(c, r, r)
    set_font(p, r * 1.05, bold=True)
    p.setPen(QColor("#ffffff") if fill is not None else INK)
    p.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, text)


def callout(p: QPainter, n: str, anchor: QPointF, at: QPointF, fill: QColor | None = None) -> None:
    """A numbered balloon with a leader line ending in a dot on the part."""
    p.setPen(pen(INK, 2.5))
    p.drawLine(anchor, at)
    p.setBrush(INK)
    p.drawEllipse(anchor, 6, 6)
    bubble(p, at, n, fill=fill)


def arrow(
    p: QPainter, a: QPointF, b: QPointF, color: QColor = ACCENT, width: float = 16, head: float = 46
) -> None:
    """A thick straight arrow from a to b (head at b)."""
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy) or 1
    ux, uy = dx / length, dy / length
    base = QPointF(b.x() - ux * head, b.y() - uy * head)
    p.setPen(pen(color, width))
    p.drawLine(a, base)
    nx, ny = -uy, ux
    tri = QPolygonF(
        [
            b,
            QPointF(base.x() + nx * head * 0.6, base.y() + ny * head * 0.6),
            QPointF(base.x() - nx * head * 0.6, base.y() - ny * head * 0.6),
        ]
    )
    p.setPen(pen(color, 2))
    p.setBrush(color)
    p.drawPolygon(tri)


def arc_arrow(
    p: QPainter,
    c: QPointF,
    r: float,
    start_deg: float,
    span_deg: float,
    color: QColor = ACCENT,
    width: float = 12,
) -> None:
    """A curved arrow around c (degrees clockwise from 12 o'clock)."""
    path = QPainterPath()
    steps = 40
    pts = []
    for i in range(steps + 1):
        a = math.radians(start_deg + span_deg * i / steps)
        pts.append(QPointF(c.x() + r * math.sin(a), c.y() - r * math.cos(a)))
    path.moveTo(pts[0])
    for pt in pts[1:-3]:
        path.lineTo(pt)
    p.setPen(pen(color, width))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    arrow(p, pts[-6], pts[-1], color, width=width, head=width * 3)


def dimension(p: QPainter, a: QPointF, b: QPointF, text: str, offset: float = 0) -> None:
    """A dimension line with arrowheads both ends and its value above."""
    p.setPen(pen(INK, 2))
    for s, e in ((a, b), (b, a)):
        dx, dy = e.x() - s.x(), e.y() - s.y()
        n = math.hypot(dx, dy) or 1
        ux, uy = dx / n, dy / n
        tip = s
        p.setBrush(INK)
        p.drawPolygon(
            QPolygonF(
                [
                    tip,
                    QPointF(tip.x() + ux * 18 - uy * 7, tip.y() + uy * 18 + ux * 7),
                    QPointF(tip.x() + ux * 18 + uy * 7, tip.y() + uy * 18 - ux * 7),
                ]
            )
        )
    p.drawLine(a, b)
    set_font(p, 26, bold=True)
    mid = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2 - 22 + offset)
    p.drawText(QRectF(mid.x() - 200, mid.y() - 18, 400, 36), Qt.AlignmentFlag.AlignCenter, text)


def tag(p: QPainter, rect: QRectF, text: str, color: QColor = INK, size: float = 26) -> None:
    """A small white label with a coloured border (values, not sentences)."""
    set_font(p, size, bold=True, mono=True)
    rect = grown(p, rect, text)
    p.setPen(pen(color, 3))
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(rect, 8, 8)
    p.setPen(color)
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def check_mark(p: QPainter, c: QPointF, r: float = 24, color: QColor = OK) -> None:
    p.setPen(pen(color, 2))
    p.setBrush(color)
    p.drawEllipse(c, r, r)
    p.setPen(pen(QColor("#ffffff"), r * 0.22))
    path = QPainterPath(QPointF(c.x() - r * 0.45, c.y()))
    path.lineTo(QPointF(c.x() - r * 0.1, c.y() + r * 0.38))
    path.lineTo(QPointF(c.x() + r * 0.5, c.y() - r * 0.35))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)


def cross_mark(p: QPainter, c: QPointF, r: float = 24) -> None:
    p.setPen(pen(NOK, 2))
    p.setBrush(NOK)
    p.drawEllipse(c, r, r)
    p.setPen(pen(QColor("#ffffff"), r * 0.22))
    d = r * 0.4
    p.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d))
    p.drawLine(QPointF(c.x() - d, c.y() + d), QPointF(c.x() + d, c.y() - d))


def _bits(data: str, n: int) -> list[int]:
    out: list[int] = []
    counter = 0
    while len(out) < n:
        digest = hashlib.sha256(f"{data}/{counter}".encode()).digest()
        out.extend((byte >> i) & 1 for byte in digest for i in range(8))
        counter += 1
    return out[:n]


def barcode(p: QPainter, rect: QRectF, data: str, human: bool = True) -> None:
    """A linear barcode label (bar widths derived from the data; illustrative, not decodable)."""
    p.setPen(pen(INK, 2))
    p.setBrush(QColor("#ffffff"))
    p.drawRect(rect)
    text_h = rect.height() * 0.22 if human else 0
    inner = rect.adjusted(
        rect.width() * 0.06,
        rect.height() * 0.1,
        -rect.width() * 0.06,
        -text_h - rect.height() * 0.06,
    )
    bits = [1, 1, 0, 1, 0, 0, *_bits(data, 90), 1, 1, 0, 0, 1, 1, 1, 0, 1, 1]
    unit = inner.width() / len(bits)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#000000"))
    for i, bit in enumerate(bits):
        if bit:
            p.drawRect(QRectF(inner.x() + i * unit, inner.y(), unit * 1.02, inner.height()))
    if human:
        p.setPen(QColor("#000000"))
        small_print(
            p,
            QRectF(rect.x(), rect.bottom() - text_h - rect.height() * 0.04, rect.width(), text_h),
            data,
            text_h * 0.8,
        )


def datamatrix(p: QPainter, rect: QRectF, data: str, modules: int = 18) -> None:
    """A GS1 DataMatrix look-alike: L-shaped finder, clock track, data modules."""
    unit = rect.width() / (modules + 2)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#ffffff"))
    p.drawRect(rect)
    bits = _bits(data, modules * modules)
    p.setBrush(QColor("#000000"))
    ox, oy = rect.x() + unit, rect.y() + unit
    for row in range(modules):
        for col in range(modules):
            if col == 0 or row == modules - 1:
                on = True
            elif row == 0:
                on = col % 2 == 0
            elif col == modules - 1:
                on = row % 2 == 1
            else:
                on = bool(bits[row * modules + col])
            if on:
                p.drawRect(QRectF(ox + col * unit, oy + row * unit, unit * 1.03, unit * 1.03))


def scanner(p: QPainter, tip: QPointF, target: QPointF, scale: float = 1.0) -> None:
    """A handheld scanner whose window sits at ``tip``, beam aimed at ``target``."""
    angle = math.degrees(math.atan2(target.y() - tip.y(), target.x() - tip.x()))
    p.save()
    # Beam first so the scanner body overlaps it.
    p.setPen(Qt.PenStyle.NoPen)
    beam = QPainterPath(tip)
    spread = 50 * scale
    dx, dy = target.x() - tip.x(), target.y() - tip.y()
    n = math.hypot(dx, dy) or 1
    nx, ny = -dy / n, dx / n
    beam.lineTo(QPointF(target.x() + nx * spread, target.y() + ny * spread))
    beam.lineTo(QPointF(target.x() - nx * spread, target.y() - ny * spread))
    beam.closeSubpath()
    p.setBrush(QColor(220, 40, 40, 70))
    p.drawPath(beam)
    p.setPen(pen(QColor(220, 40, 40), 4))
    p.drawLine(
        QPointF(target.x() + nx * spread, target.y() + ny * spread),
        QPointF(target.x() - nx * spread, target.y() - ny * spread),
    )
    p.translate(tip)
    p.rotate(angle)
    p.scale(scale, scale)
    head = QPainterPath()
    head.moveTo(0, -46)
    head.lineTo(-150, -60)
    head.quadTo(-190, -58, -200, -20)
    head.lineTo(-200, 30)
    head.quadTo(-196, 52, -170, 56)
    head.lineTo(0, 46)
    head.closeSubpath()
    grip = QPainterPath()
    grip.moveTo(-170, 40)
    grip.lineTo(-120, 44)
    grip.lineTo(-150, 210)
    grip.quadTo(-160, 232, -190, 228)
    grip.lineTo(-215, 222)
    grip.quadTo(-232, 214, -228, 196)
    grip.closeSubpath()
    p.setPen(pen(INK, 4 / scale))
    g = QLinearGradient(0, -60, 0, 60)
    g.setColorAt(0, QColor("#4a5561"))
    g.setColorAt(0.4, QColor("#6b7886"))
    g.setColorAt(1, QColor("#2f3944"))
    p.setBrush(QBrush(g))
    p.drawPath(grip)
    p.drawPath(head)
    p.setBrush(QColor("#f2c94c"))
    p.drawRoundedRect(QRectF(-146, 30, 44, 34), 6, 6)  # trigger
    p.setBrush(QColor("#b3261e"))
    p.drawRect(QRectF(-6, -40, 10, 80))  # exit window
    p.restore()


def magnifier(
    p: QPainter, c: QPointF, r: float, anchor: QPointF, paint: Callable[[QPainter], None]
) -> None:
    """A round detail view at c showing ``paint`` (drawn around (0,0)), linked to anchor."""
    p.setPen(pen(SOFT_INK, 3, Qt.PenStyle.DashLine))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(anchor, 34, 34)
    dx, dy = c.x() - anchor.x(), c.y() - anchor.y()
    n = math.hypot(dx, dy) or 1
    p.drawLine(
        QPointF(anchor.x() + dx / n * 34, anchor.y() + dy / n * 34),
        QPointF(c.x() - dx / n * r, c.y() - dy / n * r),
    )
    p.save()
    clip = QPainterPath()
    clip.addEllipse(c, r, r)
    p.setClipPath(clip)
    p.fillRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), QColor("#ffffff"))
    p.translate(c)
    paint(p)
    p.restore()
    p.setPen(pen(INK, 6))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(c, r, r)


# --------------------------------------------------------------------------- parts, side view


def motor(p: QPainter, x: float, cy: float, shaft_len: float = 250, label: bool = True) -> float:
    """Flange motor lying on its side, shaft to the right. Returns the shaft end's x."""
    body_r = 165
    # Fan cover with vent slots.
    fan = QRectF(x, cy - body_r + 12, 120, 2 * body_r - 24)
    p.setPen(pen(INK, 3))
    p.setBrush(cylinder_brush(fan.top(), fan.bottom(), shade(MOTOR, 90)))
    p.drawRoundedRect(fan, 30, 30)
    p.setPen(pen(shade(MOTOR, 55), 5))
    for i in range(7):
        yy = fan.top() + 40 + i * (fan.height() - 80) / 6
        p.drawLine(QPointF(x + 14, yy), QPointF(x + 60, yy))
    # Finned body.
    body = QRectF(x + 110, cy - body_r, 420, 2 * body_r)
    p.setPen(pen(INK, 3))
    p.setBrush(cylinder_brush(body.top(), body.bottom(), MOTOR))
    p.drawRect(body)
    p.setPen(pen(shade(MOTOR, 70), 2))
    for i in range(1, 14):
        yy = body.top() + i * body.height() / 14
        p.drawLine(QPointF(body.left() + 8, yy), QPointF(body.right() - 8, yy))
    # Terminal box with cable gland on top.
    box = QRectF(x + 250, cy - body_r - 96, 170, 96)
    p.setPen(pen(INK, 3))
    p.setBrush(cylinder_brush(box.top(), box.bottom(), shade(MOTOR, 110)))
    p.drawRect(box)
    p.drawRect(QRectF(box.left() + 10, box.top() - 12, box.width() - 20, 12))
    p.setBrush(RUBBER)
    p.drawRect(QRectF(box.left() - 34, box.top() + 30, 34, 36))
    if label:
        plate = QRectF(x + 160, cy - 60, 200, 120)
        p.setBrush(QColor("#dfe3e8"))
        p.setPen(pen(INK, 2))
        p.drawRect(plate)
        p.setPen(pen(SOFT_INK, 3))
        for i in range(4):
            p.drawLine(
                QPointF(plate.left() + 14, plate.top() + 20 + i * 14),
                QPointF(plate.right() - 70 - (i % 2) * 30, plate.top() + 20 + i * 14),
            )
        barcode(
            p,
            QRectF(plate.left() + 12, plate.top() + 74, plate.width() - 24, 38),
            "MTR75",
            human=False,
        )
    # Flange (B14 face) and spigot.
    flange = QRectF(x + 530, cy - body_r - 30, 40, 2 * body_r + 60)
    p.setPen(pen(INK, 3))
    p.setBrush(cylinder_brush(flange.top(), flange.bottom(), shade(MOTOR, 115)))
    p.drawRect(flange)
    spigot = QRectF(x + 570, cy - 95, 22, 190)
    p.setBrush(cylinder_brush(spigot.top(), spigot.bottom(), STEEL))
    p.drawRect(spigot)
    # Shaft with keyway.
    end = x + 592 + shaft_len
    shaft = QRectF(x + 592, cy - 22, shaft_len, 44)
    p.setBrush(cylinder_brush(shaft.top(), shaft.bottom(), STEEL))
    p.drawRect(shaft)
    p.setBrush(shade(STEEL, 60))
    p.drawRect(QRectF(end - 120, cy - 22, 90, 10))
    return end


def seal(p: QPainter, x: float, cy: float, highlight: bool = False) -> None:
    """Mechanical seal in half-section: seat (ceramic), carbon face, spring, bellows."""
    for sgn in (-1, 1):

        def r(y0: float, y1: float, sgn: int = sgn) -> tuple[float, float]:
            return (cy + sgn * y0, cy + sgn * y1)

        def box(x0: float, w: float, y0: float, y1: float, brush: QColor | QBrush) -> None:
            a, b = r(y0, y1)
            p.setPen(pen(ACCENT if highlight else INK, 3))
            p.setBrush(brush)
            p.drawRect(QRectF(x0, min(a, b), w, abs(b - a)))

        box(x, 26, 30, 92, CERAMIC)  # stationary seat
        box(x + 26, 20, 26, 70, QColor("#3a3a3a"))  # carbon face
        box(x + 46, 18, 23, 62, RUBBER)  # bellows
        a, b = r(28, 60)
        p.setPen(pen(STEEL.darker(130), 5))
        pts = [QPointF(x + 66 + i * 9, a if i % 2 == 0 else b) for i in range(9)]
        for s, e in itertools.pairwise(pts):
            p.drawLine(s, e)
        box(x + 138, 16, 23, 66, STEEL)  # spring retainer


def impeller_side(p: QPainter, x: float, cy: float, highlight: bool = False) -> None:
    """Closed impeller in meridional section, eye facing right (towards the suction)."""
    edge = pen(ACCENT if highlight else INK, 3)
    for sgn in (-1, 1):
        path = QPainterPath(QPointF(x, cy + sgn * 22))
        path.lineTo(QPointF(x, cy + sgn * 175))
        path.lineTo(QPointF(x + 18, cy + sgn * 175))
        path.lineTo(QPointF(x + 18, cy + sgn * 60))
        path.cubicTo(
            QPointF(x + 40, cy + sgn * 55),
            QPointF(x + 60, cy + sgn * 45),
            QPointF(x + 70, cy + sgn * 22),
        )
        path.closeSubpath()
        p.setPen(edge)
        p.setBrush(cylinder_brush(cy - 175, cy + 175, BRONZE))
        p.drawPath(path)
        vane = QPainterPath(QPointF(x + 18, cy + sgn * 172))
        vane.lineTo(QPointF(x + 52, cy + sgn * 172))
        vane.cubicTo(
            QPointF(x + 60, cy + sgn * 130),
            QPointF(x + 75, cy + sgn * 100),
            QPointF(x + 92, cy + sgn * 72),
        )
        vane.lineTo(QPointF(x + 18, cy + sgn * 72))
        vane.closeSubpath()
        p.setBrush(shade(BRONZE, 125))
        p.drawPath(vane)
        shroud = QPainterPath(QPointF(x + 52, cy + sgn * 175))
        shroud.lineTo(QPointF(x + 66, cy + sgn * 175))
        shroud.cubicTo(
            QPointF(x + 74, cy + sgn * 130),
            QPointF(x + 92, cy + sgn * 100),
            QPointF(x + 120, cy + sgn * 72),
        )
        shroud.lineTo(QPointF(x + 120, cy + sgn * 58))
        shroud.cubicTo(
            QPointF(x + 84, cy + sgn * 90),
            QPointF(x + 62, cy + sgn * 128),
            QPointF(x + 52, cy + sgn * 175),
        )
        p.setBrush(shade(BRONZE, 90))
        p.drawPath(shroud)


def nut(p: QPainter, x: float, cy: float, highlight: bool = False) -> None:
    p.setPen(pen(ACCENT if highlight else INK, 3))
    p.setBrush(cylinder_brush(cy - 40, cy + 40, STEEL))
    p.drawRect(QRectF(x, cy - 40, 34, 80))
    p.drawLine(QPointF(x, cy - 14), QPointF(x + 34, cy - 14))
    p.drawLine(QPointF(x, cy + 14), QPointF(x + 34, cy + 14))


def oring_side(p: QPainter, x: float, cy: float, r: float = 230, highlight: bool = False) -> None:
    """O-ring seen edge-on: a tall thin ellipse."""
    p.setPen(pen(ACCENT if highlight else INK, 3))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(pen(RUBBER, 16))
    p.drawEllipse(QPointF(x, cy), 10, r)
    if highlight:
        p.setPen(pen(ACCENT, 3))
        p.drawEllipse(QPointF(x, cy), 22, r + 12)


def housing_side(
    p: QPainter, x: float, cy: float, cutaway: bool = False, highlight: bool = False
) -> None:
    """Volute casing seen from the side: back flange left, suction right, discharge up."""
    edge = pen(ACCENT if highlight else INK, 4 if highlight else 3)
    body = QPainterPath(QPointF(x, cy - 250))
    body.lineTo(QPointF(x + 40, cy - 250))
    body.cubicTo(QPointF(x + 180, cy - 270), QPointF(x + 270, cy - 200), QPointF(x + 280, cy - 110))
    body.lineTo(QPointF(x + 290, cy - 95))
    body.lineTo(QPointF(x + 290, cy + 95))
    body.lineTo(QPointF(x + 280, cy + 110))
    body.cubicTo(QPointF(x + 270, cy + 230), QPointF(x + 180, cy + 260), QPointF(x + 40, cy + 250))
    body.lineTo(QPointF(x, cy + 250))
    body.closeSubpath()
    p.setPen(edge)
    p.setBrush(cylinder_brush(cy - 260, cy + 260, HOUSING))
    p.drawPath(body)
    # Discharge nozzle up, with flange.
    noz = QRectF(x + 90, cy - 380, 130, 150)
    p.setBrush(cylinder_brush(0, 1, HOUSING))
    g = QLinearGradient(noz.left(), 0, noz.right(), 0)
    g.setColorAt(0, shade(HOUSING, 70))
    g.setColorAt(0.35, shade(HOUSING, 150))
    g.setColorAt(1, shade(HOUSING, 65))
    p.setBrush(QBrush(g))
    p.drawRect(noz)
    p.drawRect(QRectF(x + 66, cy - 404, 178, 30))
    # Suction nozzle right, with flange.
    suc = QRectF(x + 290, cy - 80, 130, 160)
    p.setBrush(cylinder_brush(suc.top(), suc.bottom(), HOUSING))
    p.drawRect(suc)
    p.drawRect(QRectF(x + 410, cy - 108, 30, 216))
    # Back flange bolts (two visible).
    for sgn in (-1, 1):
        p.setBrush(cylinder_brush(cy + sgn * 205 - 22, cy + sgn * 205 + 22, STEEL))
        p.drawRect(QRectF(x - 26, cy + sgn * 205 - 22, 26, 44))
    if cutaway:
        window = QPainterPath()
        window.addRoundedRect(QRectF(x + 20, cy - 190, 230, 380), 30, 30)
        p.setPen(pen(INK, 2, Qt.PenStyle.DashLine))
        p.setBrush(QColor(255, 255, 255, 150))
        p.drawPath(window)


def bolt_side(
    p: QPainter, x: float, y: float, length: float = 150, highlight: bool = False
) -> None:
    """Hex bolt pointing right (head on the left)."""
    p.setPen(pen(ACCENT if highlight else INK, 3))
    p.setBrush(cylinder_brush(y - 30, y + 30, STEEL))
    p.drawRect(QRectF(x, y - 30, 30, 60))
    p.drawLine(QPointF(x, y - 10), QPointF(x + 30, y - 10))
    p.drawLine(QPointF(x, y + 10), QPointF(x + 30, y + 10))
    p.setBrush(cylinder_brush(y - 17, y + 17, STEEL))
    p.drawRect(QRectF(x + 30, y - 17, length, 34))
    p.setPen(pen(shade(STEEL, 60), 2))
    for i in range(int(length * 0.6 / 9)):
        xx = x + 30 + length * 0.4 + i * 9
        p.drawLine(QPointF(xx, y - 17), QPointF(xx + 5, y + 17))


# -------------------------------------------------------------------------- parts, front view


def impeller_front(p: QPainter, c: QPointF, r: float, highlight: bool = False) -> None:
    """Five backward-curved vanes seen through the eye."""
    p.setPen(pen(ACCENT if highlight else INK, 3))
    p.setBrush(disc_brush(c, r, BRONZE))
    p.drawEllipse(c, r, r)
    p.setPen(pen(shade(BRONZE, 55), max(3, r * 0.05)))
    for k in range(5):
        a0 = math.radians(72 * k)
        path = QPainterPath()
        for i in range(21):
            t = i / 20
            rr = r * (0.3 + 0.66 * t)
            a = a0 + 1.25 * t  # backward sweep
            pt = QPointF(c.x() + rr * math.cos(a), c.y() + rr * math.sin(a))
            if i == 0:
                path.moveTo(pt)
            else:
                path.lineTo(pt)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
    p.setPen(pen(INK, 3))
    p.setBrush(shade(BRONZE, 80))
    p.drawEllipse(c, r * 0.3, r * 0.3)
    p.setBrush(PAPER)
    p.drawEllipse(c, r * 0.12, r * 0.12)
    p.setBrush(INK)
    p.drawRect(QRectF(c.x() - r * 0.035, c.y() - r * 0.15, r * 0.07, r * 0.05))


BOLT_ANGLES = (45.0, 225.0, 135.0, 315.0)  # tightening sequence 1-2-3-4: crosswise


def bolt_positions(c: QPointF, r: float) -> list[QPointF]:
    """Where bolts 1..4 sit, in tightening order (degrees clockwise from 12 o'clock)."""
    return [
        QPointF(c.x() + r * math.sin(math.radians(a)), c.y() - r * math.cos(math.radians(a)))
        for a in BOLT_ANGLES
    ]


def housing_front(
    p: QPainter,
    c: QPointF,
    r: float,
    bolts: Sequence[str] = ("plain",) * 4,
    numbers: bool = True,
) -> list[QPointF]:
    """Back flange of the volute seen along the axis, 4 bolts; returns bolt centres.

    ``bolts``: per bolt (in sequence order) "plain", "active", "done" or "missing".
    """
    # Volute spiral and discharge nozzle behind the flange.
    spiral = QPainterPath()
    for i in range(61):
        a = math.radians(-90 + 330 * i / 60)
        rr = r * (1.02 + 0.22 * i / 60)
        pt = QPointF(c.x() + rr * math.cos(a), c.y() + rr * math.sin(a))
        if i == 0:
            spiral.moveTo(pt)
        else:
            spiral.lineTo(pt)
    spiral.lineTo(QPointF(c.x() + r * 1.24, c.y() - r * 1.65))
    spiral.lineTo(QPointF(c.x() + r * 0.7, c.y() - r * 1.65))
    spiral.lineTo(QPointF(c.x() + r * 0.7, c.y() - r * 1.02))
    spiral.closeSubpath()
    p.setPen(pen(INK, 3))
    p.setBrush(disc_brush(c, r * 1.3, HOUSING))
    p.drawPath(spiral)
    p.drawRect(QRectF(c.x() + r * 0.6, c.y() - r * 1.78, r * 0.74, r * 0.14))
    # Flange disc and motor spigot.
    p.setBrush(disc_brush(c, r, shade(HOUSING, 115)))
    p.drawEllipse(c, r, r)
    p.setBrush(disc_brush(c, r * 0.42, MOTOR))
    p.drawEllipse(c, r * 0.42, r * 0.42)
    p.setBrush(disc_brush(c, r * 0.12, STEEL))
    p.drawEllipse(c, r * 0.12, r * 0.12)
    centres = bolt_positions(c, r * 0.75)
    for i, (pt, state) in enumerate(zip(centres, bolts, strict=True)):
        br = r * 0.1
        if state == "missing":
            p.setPen(pen(INK, 3))
            p.setBrush(shade(HOUSING, 50))
            p.drawEllipse(pt, br * 0.6, br * 0.6)
        else:
            hexagon = QPolygonF(
                [
                    QPointF(
                        pt.x() + br * math.cos(math.radians(60 * k)),
                        pt.y() + br * math.sin(math.radians(60 * k)),
                    )
                    for k in range(6)
                ]
            )
            p.setPen(pen(ACCENT if state == "active" else INK, 5 if state == "active" else 3))
            p.setBrush(disc_brush(pt, br, OK if state == "done" else STEEL))
            p.drawPolygon(hexagon)
        if numbers:
            out = QPointF(c.x() + (pt.x() - c.x()) * 1.42, c.y() + (pt.y() - c.y()) * 1.42)
            fill = OK if state == "done" else ACCENT if state == "active" else INK
            bubble(p, out, str(i + 1), r=max(18, r * 0.09), fill=fill)
    return centres


def oring_front(p: QPainter, c: QPointF, r: float, highlight: bool = False) -> None:
    p.setPen(pen(RUBBER, max(8, r * 0.08)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(c, r, r)
    if highlight:
        p.setPen(pen(ACCENT, 3))
        p.drawEllipse(c, r * 1.08, r * 1.08)
        p.drawEllipse(c, r * 0.92, r * 0.92)


def dial_gauge(p: QPainter, c: QPointF, r: float, reading: float, lo: float, hi: float) -> None:
    """A 0.01 mm dial indicator: 100 divisions, tolerance band, needle at ``reading`` mm."""
    p.setPen(pen(INK, 5))
    p.setBrush(disc_brush(c, r * 1.08, STEEL))
    p.drawEllipse(c, r * 1.08, r * 1.08)
    p.setBrush(QColor("#ffffff"))
    p.drawEllipse(c, r, r)

    def at(mm: float, rr: float) -> QPointF:
        a = math.radians(mm * 100 * 3.6)
        return QPointF(c.x() + rr * math.sin(a), c.y() - rr * math.cos(a))

    # Tolerance band (green) between the limits.
    band = QPainterPath()
    band.arcMoveTo(QRectF(c.x() - r * 0.9, c.y() - r * 0.9, r * 1.8, r * 1.8), 90 - lo * 360)
    band.arcTo(
        QRectF(c.x() - r * 0.9, c.y() - r * 0.9, r * 1.8, r * 1.8), 90 - lo * 360, -(hi - lo) * 360
    )
    p.setPen(pen(QColor(46, 139, 87, 170), r * 0.1, Qt.PenStyle.SolidLine))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(band)
    for i in range(100):
        long = i % 10 == 0
        mid = i % 5 == 0
        p.setPen(pen(INK, 3 if long else 2))
        p.drawLine(at(i / 100, r * 0.96), at(i / 100, r * (0.8 if long else 0.86 if mid else 0.9)))
    set_font(p, r * 0.13, bold=True)
    p.setPen(INK)
    for i in range(0, 100, 10):
        pt = at(i / 100, r * 0.66)
        label = str(i if i <= 50 else 100 - i)
        p.drawText(QRectF(pt.x() - 40, pt.y() - 20, 80, 40), Qt.AlignmentFlag.AlignCenter, label)
    set_font(p, r * 0.09)
    p.drawText(
        QRectF(c.x() - r, c.y() + r * 0.22, 2 * r, r * 0.2), Qt.AlignmentFlag.AlignCenter, "0.01 mm"
    )
    p.setPen(pen(NOK, r * 0.035))
    p.drawLine(at(reading + 0.5, r * 0.18), at(reading, r * 0.85))
    p.setPen(pen(INK, 2))
    p.setBrush(INK)
    p.drawEllipse(c, r * 0.06, r * 0.06)
