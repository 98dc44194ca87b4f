"""The demo's pictures: one function per scene, each paints a 1920×1080 illustration.

Pictures carry no sentences (the step text is translated, the picture is not): only part
numbers, callout numbers, values with units and OK/NOK symbols.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

from draw import (
    ACCENT,
    BRONZE,
    GRID,
    HOUSING,
    INK,
    MOTOR,
    OK,
    PAPER,
    RUBBER,
    SOFT_INK,
    STEEL,
    W,
    arc_arrow,
    arrow,
    background,
    barcode,
    bolt_side,
    bubble,
    bubble_radius,
    callout,
    check_mark,
    cross_mark,
    cylinder_brush,
    datamatrix,
    dial_gauge,
    dimension,
    housing_front,
    housing_side,
    impeller_front,
    impeller_side,
    legend,
    magnifier,
    motor,
    nut,
    oring_front,
    oring_side,
    pen,
    scanner,
    seal,
    set_font,
    shade,
    small_print,
    tag,
)
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath

Scene = Callable[[QPainter], None]


def _scaled(p: QPainter, s: float, dx: float, dy: float) -> None:
    p.translate(dx, dy)
    p.scale(s, s)


def assembled(p: QPainter, x: float, cy: float, housing: bool = True, caps: bool = False) -> float:
    """Motor + seal + impeller + nut (+ housing); returns the housing's left x, or the
    shaft end's x without the housing."""
    end = motor(p, x, cy, shaft_len=230)
    hx = x + 600
    if housing:
        seal(p, x + 600, cy)
        impeller_side(p, x + 760, cy)
        housing_side(p, hx, cy)
        if caps:
            p.setPen(pen(INK, 3))
            p.setBrush(QColor("#f2c94c"))
            p.drawRect(QRectF(hx + 440, cy - 90, 26, 180))
            p.drawRect(QRectF(hx + 74, cy - 430, 162, 26))
        return hx
    seal(p, x + 640, cy)
    impeller_side(p, end - 150, cy)
    nut(p, end - 34, cy)
    return end


# ------------------------------------------------------------------------------------ scenes


def prepare(p: QPainter) -> None:
    """Exploded view of the whole operation along the pump axis."""
    background(p, "01")
    p.save()
    _scaled(p, 0.6, 30, 240)  # leaves the right-hand third to the (readable) legend
    cy = 560
    end = motor(p, 0, cy, shaft_len=250)
    seal(p, end + 90, cy)
    impeller_side(p, end + 330, cy)
    nut(p, end + 540, cy)
    oring_side(p, end + 680, cy)
    housing_side(p, end + 800, cy)
    for yy in (cy + 330, cy + 410):
        bolt_side(p, end + 620, yy, 130)
    p.setPen(pen(SOFT_INK, 2, Qt.PenStyle.DashDotLine))
    p.drawLine(QPointF(-20, cy), QPointF(end + 1300, cy))
    anchors = [
        (QPointF(300, cy - 165), QPointF(300, cy - 330)),
        (QPointF(end + 110, cy - 92), QPointF(end + 110, cy - 300)),
        (QPointF(end + 340, cy - 175), QPointF(end + 340, cy - 300)),
        (QPointF(end + 557, cy - 40), QPointF(end + 557, cy - 300)),
        (QPointF(end + 680, cy - 230), QPointF(end + 700, cy - 300)),
        (QPointF(end + 1000, cy - 250), QPointF(end + 900, cy - 480)),
        (QPointF(end + 700, cy + 330), QPointF(end + 480, cy + 420)),
    ]
    for n, (a, b) in enumerate(anchors, 1):
        callout(p, str(n), a, b)
    p.restore()
    legend(
        p,
        [
            ("1", "MTR-200-075"),
            ("2", "MS-200-16"),
            ("3", "IMP-200-5B"),
            ("4", "NUT-M12-A2"),
            ("5", "ORG-200-180"),
            ("6", "VC-200"),
            ("7", "4× SCR-M10x35-8.8"),
        ],
        x=W - 560,
        y=60,
    )


def kit(p: QPainter) -> None:
    """Kit tray seen from above, one compartment per part, each ticked."""
    background(p, "02")
    tray = QRectF(150, 110, 1620, 820)
    p.setPen(pen(INK, 5))
    p.setBrush(QColor("#3b4650"))
    p.drawRoundedRect(tray, 24, 24)
    cells = [
        QRectF(tray.x() + 30 + (i % 3) * 530, tray.y() + 30 + (i // 3) * 390, 500, 370)
        for i in range(6)
    ]
    for cell in cells:
        p.setPen(pen(QColor("#1c232a"), 3))
        p.setBrush(QColor("#56636f"))
        p.drawRoundedRect(cell, 16, 16)
    # 1 motor (top view)
    c = cells[0]
    p.setPen(pen(INK, 3))
    p.setBrush(cylinder_brush(c.center().y() - 110, c.center().y() + 110, MOTOR))
    p.drawRect(QRectF(c.x() + 70, c.center().y() - 110, 300, 220))
    p.setPen(pen(shade(MOTOR, 70), 2))
    for i in range(1, 10):
        y = c.center().y() - 110 + i * 22
        p.drawLine(QPointF(c.x() + 80, y), QPointF(c.x() + 360, y))
    p.setPen(pen(INK, 3))
    p.setBrush(cylinder_brush(c.center().y() - 130, c.center().y() + 130, shade(MOTOR, 115)))
    p.drawRect(QRectF(c.x() + 370, c.center().y() - 130, 26, 260))
    p.setBrush(cylinder_brush(c.center().y() - 16, c.center().y() + 16, STEEL))
    p.drawRect(QRectF(c.x() + 396, c.center().y() - 16, 70, 32))
    # 2 seal
    c = cells[1]
    for rr, col in (
        (120, QColor("#eef0f2")),
        (90, QColor("#3a3a3a")),
        (70, RUBBER),
        (36, QColor("#56636f")),
    ):
        p.setPen(pen(INK, 3))
        p.setBrush(col)
        p.drawEllipse(c.center(), rr, rr)
    # 3 impeller
    impeller_front(p, cells[2].center(), 150)
    # 4 nut + 4 bolts
    c = cells[3]
    for i in range(4):
        y = c.y() + 70 + i * 70
        p.setPen(pen(INK, 3))
        p.setBrush(cylinder_brush(y - 22, y + 22, STEEL))
        p.drawRect(QRectF(c.x() + 60, y - 24, 40, 48))
        p.setBrush(cylinder_brush(y - 13, y + 13, STEEL))
        p.drawRect(QRectF(c.x() + 100, y - 13, 200, 26))
    p.setBrush(cylinder_brush(c.center().y() - 50, c.center().y() + 50, STEEL))
    hexagon = [
        QPointF(
            c.x() + 400 + 55 * math.cos(math.radians(60 * k)),
            c.center().y() + 55 * math.sin(math.radians(60 * k)),
        )
        for k in range(6)
    ]
    from PySide6.QtGui import QPolygonF

    p.drawPolygon(QPolygonF(hexagon))
    p.setBrush(QColor("#56636f"))
    p.drawEllipse(QPointF(c.x() + 400, c.center().y()), 24, 24)
    # 5 O-ring
    oring_front(p, cells[4].center(), 140)
    # 6 volute casing (front)
    c = cells[5]
    p.save()
    p.translate(c.center().x() - 30, c.center().y() + 40)
    p.scale(0.5, 0.5)
    housing_front(p, QPointF(0, 0), 220, numbers=False)
    p.restore()
    for i, cell in enumerate(cells):
        bubble(p, QPointF(cell.x() + 40, cell.y() + 40), str(i + 1))
        check_mark(p, QPointF(cell.right() - 44, cell.y() + 44), 28)


def _scan_scene(
    p: QPainter, step: str, part: Callable[[QPainter], QPointF], detail: Scene, code: str
) -> None:
    background(p, step)
    label = part(p)
    magnifier(p, QPointF(1450, 330), 250, label, detail)
    scanner(p, QPointF(1120, 860), label, scale=1.3)
    tag(p, QRectF(1250, 600, 400, 56), code, INK, 24)


def scan_motor(p: QPainter) -> None:
    def part(p: QPainter) -> QPointF:
        motor(p, 100, 560, shaft_len=180)
        return QPointF(100 + 260, 560)

    def detail(p: QPainter) -> None:
        p.fillRect(QRectF(-250, -250, 500, 500), QColor("#dfe3e8"))
        p.setPen(pen(SOFT_INK, 6))
        for i in range(4):
            p.drawLine(QPointF(-190, -170 + i * 34), QPointF(120 - (i % 2) * 80, -170 + i * 34))
        set_font(p, 30, bold=True, mono=True)
        p.setPen(INK)
        p.drawText(QRectF(-200, -40, 400, 40), Qt.AlignmentFlag.AlignCenter, "0.75 kW  IE3  B14")
        barcode(p, QRectF(-200, 20, 400, 150), "MTR75-24061187")

    _scan_scene(p, "03", part, detail, "MTR-200-075 · SN")


def mount_motor(p: QPainter) -> None:
    background(p, "04")
    cy = 620
    # Fixture: base plate, V-cradle blocks and a toggle clamp.
    p.setPen(pen(INK, 3))
    p.setBrush(cylinder_brush(820, 880, QColor("#8a939c")))
    p.drawRect(QRectF(120, 820, 1300, 60))
    for x in (300, 640):
        cradle = QPainterPath(QPointF(x, 820))
        cradle.lineTo(QPointF(x, 760))
        cradle.lineTo(QPointF(x + 40, 760))
        cradle.lineTo(QPointF(x + 100, 800))
        cradle.lineTo(QPointF(x + 160, 760))
        cradle.lineTo(QPointF(x + 200, 760))
        cradle.lineTo(QPointF(x + 200, 820))
        cradle.closeSubpath()
        p.setBrush(QColor("#f2c94c"))
        p.drawPath(cradle)
    # Ghost of the final position, then the motor lifted above it.
    p.save()
    p.setOpacity(0.25)
    motor(p, 200, cy, shaft_len=200, label=False)
    p.restore()
    p.save()
    p.translate(0, -240)
    motor(p, 200, cy, shaft_len=200, label=False)
    p.restore()
    for x in (420, 780):
        arrow(p, QPointF(x, 220), QPointF(x, 420))
    # Flange stop: the motor flange rests against the fixture's stop face.
    p.setPen(pen(INK, 3))
    p.setBrush(QColor("#f2c94c"))
    p.drawRect(QRectF(775, 560, 24, 260))
    callout(p, "1", QPointF(787, 700), QPointF(1000, 700))
    tag(p, QRectF(1300, 200, 300, 80), "18 kg", ACCENT, 44)


def scan_seal(p: QPainter) -> None:
    def part(p: QPainter) -> QPointF:
        # Carton in cabinet projection: front, top and side faces.
        front = QRectF(180, 380, 560, 420)
        p.setPen(pen(INK, 3))
        p.setBrush(QColor("#d8b98a"))
        p.drawRect(front)
        top = QPainterPath(front.topLeft())
        top.lineTo(QPointF(front.left() + 160, front.top() - 120))
        top.lineTo(QPointF(front.right() + 160, front.top() - 120))
        top.lineTo(front.topRight())
        top.closeSubpath()
        p.setBrush(QColor("#e6cba0"))
        p.drawPath(top)
        side = QPainterPath(front.topRight())
        side.lineTo(QPointF(front.right() + 160, front.top() - 120))
        side.lineTo(QPointF(front.right() + 160, front.bottom() - 120))
        side.lineTo(front.bottomRight())
        side.closeSubpath()
        p.setBrush(QColor("#bf9f6f"))
        p.drawPath(side)
        p.setPen(pen(QColor("#a88455"), 3))
        p.drawLine(
            QPointF(front.left() + 80, front.top() - 60),
            QPointF(front.right() + 80, front.top() - 60),
        )
        lab = QRectF(230, 470, 330, 240)
        p.setPen(pen(INK, 2))
        p.setBrush(QColor("#ffffff"))
        p.drawRect(lab)
        datamatrix(p, QRectF(250, 490, 130, 130), "010401234512345610L2406-118")
        p.setPen(pen(SOFT_INK, 5))
        for i in range(4):
            p.drawLine(QPointF(400, 505 + i * 30), QPointF(540 - (i % 2) * 40, 505 + i * 30))
        p.setPen(INK)
        small_print(p, QRectF(240, 640, 320, 60), "(01)04012345123456\n(10)L2406-118", 16)
        return QPointF(315, 555)

    def detail(p: QPainter) -> None:
        datamatrix(p, QRectF(-115, -205, 230, 230), "010401234512345610L2406-118")
        set_font(p, 26, mono=True, bold=True)
        p.setPen(INK)
        p.drawText(  # inside the round view: where it is widest
            QRectF(-240, 40, 480, 110),
            Qt.AlignmentFlag.AlignCenter,
            "(01)04012345123456\n(10)L2406-118",
        )

    _scan_scene(p, "05", part, detail, "MS-200-16 · GS1 · LOT")


def fit_seal(p: QPainter) -> None:
    background(p, "06")
    cy = 560
    p.save()
    _scaled(p, 1.25, -520, -140)
    end = motor(p, 0, cy, shaft_len=420, label=False)
    # Lubrication: water with a drop of soap, never grease on the bellows.
    p.save()
    p.setOpacity(0.3)
    seal(p, 630, cy)
    p.restore()
    seal(p, end + 60, cy, highlight=True)
    p.restore()
    arrow(p, QPointF(1250, 420), QPointF(960, 420))
    arrow(p, QPointF(1250, 700), QPointF(960, 700))
    dimension(p, QPointF(265, 880), QPointF(800, 880), "")
    # Do not touch the sliding faces: detail with a NOK mark.
    magnifier(p, QPointF(1500, 240), 170, QPointF(860, 470), _seal_faces)
    callout(p, "1", QPointF(860, 600), QPointF(1000, 900), ACCENT)
    legend(p, [("1", "MS-200-16")], x=1340, y=900)


def _seal_faces(p: QPainter) -> None:
    p.setPen(pen(INK, 3))
    p.setBrush(QColor("#eef0f2"))
    p.drawRect(QRectF(-70, -90, 60, 180))
    p.setBrush(QColor("#3a3a3a"))
    p.drawRect(QRectF(-10, -70, 50, 140))
    cross_mark(p, QPointF(60, -50), 30)
    # Fingertip silhouette approaching the face.
    p.setBrush(QColor("#e0b8a0"))
    p.drawRoundedRect(QRectF(30, 0, 140, 60), 30, 30)


def scan_impeller(p: QPainter) -> None:
    def part(p: QPainter) -> QPointF:
        impeller_front(p, QPointF(420, 560), 280)
        bag = QRectF(120, 860 - 20, 560, 150)
        p.setPen(pen(INK, 2))
        p.setBrush(QColor("#ffffff"))
        p.drawRect(bag)
        barcode(p, QRectF(140, 856, 330, 110), "IMP5B-L240611")
        p.setPen(INK)
        small_print(p, QRectF(480, 860, 190, 100), "IMP-200-5B\nØ142", 22, bold=True)
        return QPointF(305, 905)

    def detail(p: QPainter) -> None:
        barcode(p, QRectF(-220, -100, 440, 200), "IMP5B-L240611")

    _scan_scene(p, "07", part, detail, "IMP-200-5B · LOT")


def fit_impeller(p: QPainter) -> None:
    background(p, "08")
    cy = 560
    p.save()
    _scaled(p, 1.15, -420, -80)
    end = motor(p, 0, cy, shaft_len=420, label=False)
    seal(p, 630, cy)
    impeller_side(p, end + 120, cy, highlight=True)
    nut(p, end + 330, cy, highlight=True)
    # The key in the keyway.
    p.setPen(pen(ACCENT, 3))
    p.setBrush(QColor("#f2c94c"))
    p.drawRect(QRectF(end - 118, cy - 30, 86, 12))
    p.restore()
    arrow(p, QPointF(1250, 300), QPointF(980, 300))
    arc_arrow(p, QPointF(1142, 564), 110, 200, 260)
    callout(
        p, "1", QPointF(1.15 * (end - 75) - 420, 1.15 * (cy - 30) - 80), QPointF(560, 200), ACCENT
    )
    magnifier(
        p,
        QPointF(1600, 800),
        190,
        QPointF(900, 740),
        lambda q: impeller_front(q, QPointF(0, 0), 170, True),
    )
    legend(p, [("1", "KEY 5×5×20")], x=40, y=40)


def end_play(p: QPainter) -> None:
    background(p, "09")
    cy = 560
    end = assembled(p, 40, cy, housing=False)
    # Magnetic stand right of the shaft: base, post, arm; the gauge's plunger on the shaft end.
    sx = end + 170
    p.setPen(pen(INK, 3))
    p.setBrush(cylinder_brush(860, 960, QColor("#4a5561")))
    p.drawRect(QRectF(sx - 60, 860, 240, 100))
    g = QRectF(sx + 40, 300, 30, 560)
    p.setBrush(cylinder_brush(g.top(), g.bottom(), STEEL))
    p.drawRect(g)
    p.setBrush(cylinder_brush(cy - 14, cy + 14, STEEL))
    p.drawRect(QRectF(sx - 20, cy - 14, 90, 28))  # clamp arm
    p.drawRect(QRectF(end, cy - 8, sx - 20 - end, 16))  # plunger on the shaft end
    p.setBrush(QColor("#ffffff"))
    p.drawEllipse(QPointF(sx + 55, cy), 34, 34)
    dial_gauge(p, QPointF(1480, 330), 230, 0.12, 0.05, 0.20)
    p.setPen(pen(SOFT_INK, 3, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(sx + 80, cy - 20), QPointF(1300, 430))
    # Push and pull the shaft axially, read the total travel.
    arrow(p, QPointF(end - 300, 800), QPointF(end - 120, 800))
    arrow(p, QPointF(end - 300, 800), QPointF(end - 480, 800))
    tag(p, QRectF(1300, 860, 380, 70), "0.05 – 0.20 mm", OK, 34)


def oring(p: QPainter) -> None:
    background(p, "10")
    c = QPointF(620, 560)
    p.save()
    p.translate(c)
    p.scale(1.0, 1.0)
    # Back face of the housing: the groove where the O-ring goes.
    p.setPen(pen(INK, 3))
    p.setBrush(cylinder_brush(-360, 360, HOUSING))
    p.drawEllipse(QPointF(0, 0), 360, 360)
    p.setBrush(shade(HOUSING, 60))
    p.drawEllipse(QPointF(0, 0), 262, 262)
    p.setBrush(cylinder_brush(-250, 250, shade(HOUSING, 120)))
    p.drawEllipse(QPointF(0, 0), 246, 246)
    p.setBrush(PAPER)
    p.drawEllipse(QPointF(0, 0), 150, 150)
    oring_front(p, QPointF(0, 0), 254, highlight=True)
    p.restore()
    callout(p, "1", QPointF(c.x() + 180, c.y() - 180), QPointF(c.x() + 360, c.y() - 380))

    def seated(q: QPainter) -> None:
        _groove(q)
        q.setPen(pen(INK, 2))
        q.setBrush(RUBBER)
        q.drawEllipse(QPointF(0, 10), 46, 46)
        check_mark(q, QPointF(110, -110), 34)

    def twisted(q: QPainter) -> None:
        _groove(q)
        q.setPen(pen(INK, 2))
        q.setBrush(RUBBER)
        q.drawEllipse(QPointF(-10, -40), 52, 34)
        q.drawEllipse(QPointF(40, -70), 30, 22)
        cross_mark(q, QPointF(110, -110), 34)

    magnifier(p, QPointF(1400, 330), 190, QPointF(c.x() + 254, c.y()), seated)
    magnifier(p, QPointF(1400, 790), 190, QPointF(c.x() + 180, c.y() + 180), twisted)


def _groove(p: QPainter) -> None:
    p.setPen(pen(INK, 3))
    p.setBrush(cylinder_brush(-200, 200, HOUSING))
    path = QPainterPath(QPointF(-200, -60))
    path.lineTo(QPointF(-60, -60))
    path.lineTo(QPointF(-60, 60))
    path.lineTo(QPointF(60, 60))
    path.lineTo(QPointF(60, -60))
    path.lineTo(QPointF(200, -60))
    path.lineTo(QPointF(200, 200))
    path.lineTo(QPointF(-200, 200))
    path.closeSubpath()
    p.drawPath(path)
    p.setBrush(cylinder_brush(-200, -60, MOTOR))
    p.drawRect(QRectF(-200, -200, 400, 130))


def scan_housing(p: QPainter) -> None:
    def part(p: QPainter) -> QPointF:
        housing_side(p, 300, 600)
        plate = QRectF(380, 520, 180, 110)
        p.setPen(pen(INK, 2))
        p.setBrush(QColor("#e8ebee"))
        p.drawRect(plate)
        barcode(p, QRectF(392, 530, 156, 88), "P200-VC-004417", human=False)
        return plate.center()

    def detail(p: QPainter) -> None:
        p.fillRect(QRectF(-250, -250, 500, 500), QColor("#e8ebee"))
        barcode(p, QRectF(-220, -110, 440, 210), "P200-VC-004417")

    _scan_scene(p, "11", part, detail, "VC-200 · SN")


def fit_housing(p: QPainter) -> None:
    background(p, "12")
    cy = 600
    p.save()
    _scaled(p, 0.95, 0, 20)
    end = motor(p, 60, cy, shaft_len=230)
    seal(p, 660, cy)
    impeller_side(p, end - 150, cy)
    nut(p, end - 34, cy)
    oring_side(p, end + 60, cy, r=230)
    housing_side(p, end + 240, cy, highlight=True)
    p.restore()
    arrow(p, QPointF(1700, 600 * 0.95 + 20), QPointF(1480, 600 * 0.95 + 20))
    # Terminal box and discharge nozzle on one line: 12 o'clock.
    p.setPen(pen(OK, 4, Qt.PenStyle.DashLine))
    box_x = (60 + 335) * 0.95
    noz_x = (end + 240 + 155) * 0.95
    p.drawLine(QPointF(box_x, 120), QPointF(noz_x, 120))
    p.drawLine(QPointF(box_x, 120), QPointF(box_x, 330))
    p.drawLine(QPointF(noz_x, 120), QPointF(noz_x, 200))
    check_mark(p, QPointF((box_x + noz_x) / 2, 120), 34)
    tag(p, QRectF(1400, 880, 260, 70), "12:00", OK, 36)


def torque(p: QPainter) -> None:
    background(p, "13")
    c = QPointF(720, 600)
    centres = housing_front(p, c, 300, bolts=("active", "plain", "plain", "plain"))
    # Crosswise path 1 → 2 → 3 → 4.
    p.setPen(pen(ACCENT, 4, Qt.PenStyle.DashLine))
    for a, b in itertools.pairwise(centres):
        p.drawLine(a, b)
    # Nutrunner socket on bolt 1.
    s = centres[0]
    p.setPen(pen(INK, 4))
    p.setBrush(QColor(60, 70, 80, 200))
    p.drawEllipse(s, 52, 52)
    arc_arrow(p, s, 80, -60, 250)
    tag(p, QRectF(1260, 300, 560, 90), "pset 3", INK, 44)
    tag(p, QRectF(1260, 420, 560, 90), "24 – 28 Nm", OK, 44)
    tag(p, QRectF(1260, 540, 560, 90), "20 – 80°", OK, 44)
    tag(p, QRectF(1260, 660, 560, 90), "1 → 2 → 3 → 4", ACCENT, 44)


def leak_test(p: QPainter) -> None:
    background(p, "14")
    cy = 600
    p.save()
    _scaled(p, 0.8, 20, 120)
    hx = assembled(p, 60, cy)
    # Blanking plugs with an air connection on the suction side.
    p.setPen(pen(INK, 3))
    p.setBrush(QColor("#d64541"))
    p.drawRect(QRectF(hx + 440, cy - 110, 40, 220))
    p.drawRect(QRectF(hx + 66, cy - 444, 178, 40))
    p.restore()
    sx, sy = (60 + 600 + 480) * 0.8 + 20, cy * 0.8 + 120
    hose = QPainterPath(QPointF(sx, sy))
    hose.cubicTo(QPointF(sx + 200, sy), QPointF(sx + 60, sy + 260), QPointF(1360, 680))
    p.setPen(pen(QColor("#2f80ed"), 14))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(hose)
    # The tester: display with pressure and decay, and a green lamp.
    box = QRectF(1360, 180, 480, 560)
    p.setPen(pen(INK, 4))
    p.setBrush(cylinder_brush(box.top(), box.bottom(), QColor("#cfd6dd")))
    p.drawRoundedRect(box, 18, 18)
    disp = QRectF(box.x() + 40, box.y() + 50, 400, 220)
    p.setBrush(QColor("#0f1a12"))
    p.drawRect(disp)
    p.setPen(QColor("#7dff9b"))
    set_font(p, 46, bold=True, mono=True)
    p.drawText(disp.adjusted(20, 16, -20, -110), Qt.AlignmentFlag.AlignLeft, "6.00 bar")
    set_font(p, 36, mono=True)
    p.drawText(disp.adjusted(20, 96, -20, -60), Qt.AlignmentFlag.AlignLeft, "Δp  4 mbar")
    p.drawText(disp.adjusted(20, 146, -20, -10), Qt.AlignmentFlag.AlignLeft, "t   30 s")
    check_mark(p, QPointF(box.x() + 140, box.y() + 390), 70)
    p.setPen(pen(INK, 4))
    p.setBrush(QColor("#555e66"))
    p.drawEllipse(QPointF(box.x() + 340, box.y() + 390), 70, 70)
    tag(p, QRectF(box.x() + 60, box.y() + 470, 360, 64), "Δp ≤ 20 mbar", INK, 30)


def final_inspection(p: QPainter) -> None:
    background(p, "15")
    cy = 600
    p.save()
    _scaled(p, 0.85, 60, 60)
    hx = assembled(p, 60, cy, caps=True)
    p.restore()

    def s(x: float, y: float) -> QPointF:
        return QPointF(x * 0.85 + 60, y * 0.85 + 60)

    callout(p, "1", s(60 + 260, cy), s(60 + 260, 170))
    callout(p, "2", s(hx - 13, cy - 205), s(hx - 140, 170))
    callout(p, "3", s(hx + 455, cy + 60), s(hx + 620, cy + 340))
    callout(p, "4", s(hx + 200, cy + 150), s(hx + 320, cy + 420))
    for i, pt in enumerate(
        (s(60 + 260, 170), s(hx - 140, 170), s(hx + 620, cy + 340), s(hx + 320, cy + 420))
    ):
        beside = bubble_radius(p, 26) + 30  # clear of the (readable-sized) balloon
        check_mark(p, QPointF(pt.x() + beside, pt.y() - 20 if i < 2 else pt.y()), 22)


def signoff(p: QPainter) -> None:
    background(p, "16")
    cy = 620
    p.save()
    _scaled(p, 0.7, 40, 190)
    hx = assembled(p, 60, cy)
    p.restore()
    sticker = QPointF((hx + 150) * 0.7 + 40, cy * 0.7 + 190)
    p.setPen(pen(INK, 3))
    p.setBrush(OK)
    p.drawEllipse(sticker, 60, 60)
    p.setPen(QColor("#ffffff"))
    set_font(p, 40, bold=True)
    p.drawText(
        QRectF(sticker.x() - 60, sticker.y() - 60, 120, 120), Qt.AlignmentFlag.AlignCenter, "QC"
    )
    # The inspector's badge, scanned.
    card = QRectF(1320, 420, 420, 270)
    p.setPen(pen(INK, 3))
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(card, 20, 20)
    p.setBrush(QColor("#2f80ed"))
    p.drawRoundedRect(QRectF(card.x(), card.y(), card.width(), 56), 20, 20)
    p.setBrush(QColor("#cfd6dd"))
    p.drawRoundedRect(QRectF(card.x() + 24, card.y() + 80, 120, 150), 10, 10)
    p.setBrush(QColor("#8a939c"))
    p.drawEllipse(QPointF(card.x() + 84, card.y() + 130), 30, 30)
    p.drawRoundedRect(QRectF(card.x() + 40, card.y() + 170, 88, 60), 30, 30)
    barcode(p, QRectF(card.x() + 170, card.y() + 110, 230, 110), "B3001")
    scanner(p, QPointF(1640, 880), QPointF(card.x() + 285, card.y() + 165), scale=1.0)
    bubble(p, QPointF(card.right() - 10, card.top() - 10), "QA", r=40, fill=ACCENT)


SCENES: dict[str, Scene] = {
    "prepare": prepare,
    "kit": kit,
    "scan-motor": scan_motor,
    "mount-motor": mount_motor,
    "scan-seal": scan_seal,
    "fit-seal": fit_seal,
    "scan-impeller": scan_impeller,
    "fit-impeller": fit_impeller,
    "end-play": end_play,
    "oring": oring,
    "scan-housing": scan_housing,
    "fit-housing": fit_housing,
    "torque": torque,
    "leak-test": leak_test,
    "final-inspection": final_inspection,
    "signoff": signoff,
}

__all__ = ["BRONZE", "GRID", "SCENES", "Scene"]
