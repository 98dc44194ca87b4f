#!/usr/bin/env python3
# ruff: noqa: E402  (Qt must see QT_QPA_PLATFORM, and sys.path the repo, before imports)
"""Build the demo content: pictures, the tightening video, the assembly drawing (PDF),
the instruction package ``assets/demo/package/`` and ``assets/demo/masterdata.json``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python assets/demo/render.py

Deterministic: re-running it on the same machine yields the same package.json (media are
stored by sha256; PDF dates are fixed; the video is encoded single-threaded and bit-exact).
The video needs ``imageio-ffmpeg`` (a dev-time tool in the ``dev`` extra; the product never
imports it).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt seeds its hash tables randomly, which reorders font subsets inside the PDF.
os.environ["QT_HASH_SEED"] = "0"
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import itertools

import draw
import scenes
from content import MASTERDATA, build_document
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from kiosk.package import load_package, media_entry, write_package

JPEG_QUALITY = 85
VIDEO_SIZE = (1280, 720)
VIDEO_FPS = 24


def _painter(device: Any) -> QPainter:
    p = QPainter(device)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    return p


#: The pictures' size: the runner's media area at 1080p is 1112 × 785 (1.417:1), so the
#: scene (1920 × 1080) sits on a taller sheet of the same paper and fills that area, no
#: bands. Its text is sized for that display scale (``draw.MIN_TEXT``).
PICTURE_W, PICTURE_H = draw.W, 1355
#: 22 px on the panel (readable at 1 m) is 38 px on a picture shown at 1112 / 1920.
MIN_TEXT = 39


def paint_picture(p: QPainter, scene: scenes.Scene) -> None:
    """``scene`` on the picture's sheet: paper and grid all over, the scene centred, no
    text under :data:`MIN_TEXT` picture pixels."""
    top = (PICTURE_H - draw.H) // 2 // 40 * 40  # on the grid's pitch: the lines run on
    p.translate(0, top)
    draw.paper(p, QRectF(0, -top, PICTURE_W, PICTURE_H))
    draw.TEXT_FLOOR = MIN_TEXT
    try:
        scene(p)
    finally:
        draw.TEXT_FLOOR = 0.0


def render_jpeg(scene: scenes.Scene) -> bytes:
    image = QImage(PICTURE_W, PICTURE_H, QImage.Format.Format_RGB32)
    p = _painter(image)
    paint_picture(p, scene)
    p.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", JPEG_QUALITY)
    return bytes(data.data())


# ------------------------------------------------------------------------------------ video


def tightening_frame(t: float) -> QImage:
    """The crosswise tightening sequence at time t (s); one bolt per second, then a hold."""
    w, h = VIDEO_SIZE
    image = QImage(w, h, QImage.Format.Format_RGB32)
    p = _painter(image)
    p.scale(w / draw.W, h / draw.H)
    draw.background(p)
    c = QPointF(760, 600)
    current = int(t)  # bolt being tightened (0..3), 4 = all done
    progress = t - current
    states = ["done" if i < current else "active" if i == current else "plain" for i in range(4)]
    centres = draw.housing_front(p, c, 300, bolts=states)
    p.setPen(draw.pen(draw.ACCENT, 4, Qt.PenStyle.DashLine))
    for a, b in itertools.pairwise(centres):
        p.drawLine(a, b)
    if current < 4:
        s = centres[current]
        p.setPen(draw.pen(draw.INK, 4))
        p.setBrush(QColor(60, 70, 80, 200))
        p.drawEllipse(s, 52, 52)
        draw.arc_arrow(p, s, 80, progress * 360 * 2, 200)
    # Torque bar: rises to the window (24–28 Nm of a 35 Nm scale) while the bolt turns.
    bar = QRectF(1420, 200, 120, 700)
    p.setPen(draw.pen(draw.INK, 4))
    p.setBrush(QColor("#ffffff"))
    p.drawRect(bar)
    lo, hi, full = 24 / 35, 28 / 35, 35
    p.setPen(QColor(0, 0, 0, 0))
    p.setBrush(QColor(46, 139, 87, 90))
    p.drawRect(
        QRectF(bar.x(), bar.bottom() - bar.height() * hi, bar.width(), bar.height() * (hi - lo))
    )
    value = 26.1 * min(1.0, progress / 0.8) if current < 4 else 26.1
    p.setBrush(draw.OK if value >= 24 else draw.ACCENT)
    p.drawRect(
        QRectF(
            bar.x() + 12,
            bar.bottom() - bar.height() * value / full,
            bar.width() - 24,
            bar.height() * value / full,
        )
    )
    draw.tag(
        p, QRectF(1600, 500, 260, 90), f"{value:4.1f} Nm", draw.OK if value >= 24 else draw.INK, 40
    )
    draw.tag(p, QRectF(1380, 80, 480, 80), "pset 3 · 24 – 28 Nm", draw.INK, 34)
    if current >= 4:
        draw.check_mark(p, QPointF(c.x(), c.y()), 90)
    p.end()
    return image


def render_video() -> bytes:
    import imageio_ffmpeg  # dev-time only

    seconds = 5.0
    frames = int(seconds * VIDEO_FPS)
    out = HERE / ".build" / "tightening.mp4"
    out.parent.mkdir(exist_ok=True)
    cmd = [
        imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-loglevel", "error",
        "-f", "rawvideo", "-pix_fmt", "bgra", "-s", f"{VIDEO_SIZE[0]}x{VIDEO_SIZE[1]}",
        "-r", str(VIDEO_FPS), "-i", "-",
        "-c:v", "libx264", "-preset", "medium", "-crf", "26", "-pix_fmt", "yuv420p",
        "-threads", "1", "-x264-params", "threads=1:sliced-threads=0",
        "-movflags", "+faststart", "-map_metadata", "-1",
        "-fflags", "+bitexact", "-flags:v", "+bitexact", str(out),
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    for i in range(frames):
        image = tightening_frame(min(4.99, i / VIDEO_FPS))
        proc.stdin.write(bytes(image.constBits()))
    proc.stdin.close()
    if proc.wait() != 0:
        raise SystemExit("ffmpeg failed to encode the video")
    return out.read_bytes()


# -------------------------------------------------------------------------------------- pdf


def render_pdf() -> bytes:
    """An A3 assembly drawing: side and front views, parts list, title block."""
    out = HERE / ".build" / "assembly.pdf"
    out.parent.mkdir(exist_ok=True)
    writer = QPdfWriter(str(out))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A3),
            QPageLayout.Orientation.Landscape,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setResolution(150)
    writer.setTitle("DWG-P200-OP20 Pump P-200 final assembly")
    writer.setCreator("assets/demo/render.py")
    p = _painter(writer)
    page = QSizeF(writer.width(), writer.height())
    s = page.width() / 2480  # drawing units: 2480 across the sheet
    p.scale(s, s)
    ph = page.height() / s
    p.fillRect(QRectF(0, 0, 2480, ph), QColor("#ffffff"))
    p.setPen(draw.pen(draw.INK, 6))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(40, 40, 2400, ph - 80))
    # Views.
    p.save()
    p.translate(80, 160)
    p.scale(0.85, 0.85)
    scenes.assembled(p, 60, 560)
    p.setPen(draw.pen(draw.SOFT_INK, 2, Qt.PenStyle.DashDotLine))
    p.drawLine(QPointF(20, 560), QPointF(1600, 560))
    p.restore()
    p.save()
    p.translate(1900, 620)
    draw.housing_front(p, QPointF(0, 0), 230)
    p.restore()
    p.setFont(draw.font(30, bold=True))
    p.setPen(draw.INK)
    p.drawText(QPointF(120, 140), "A  SIDE VIEW 1:2")
    p.drawText(QPointF(1700, 140), "B  VIEW ON FLANGE 1:2")
    draw.dimension(p, QPointF(131, 1020), QPointF(131 + 0.85 * 1040, 1020), "512")
    # Parts list.
    rows = [
        ("POS", "PART", "DESCRIPTION", "QTY"),
        ("1", "MTR-200-075", "Motor 0.75 kW IE3 B14", "1"),
        ("2", "MS-200-16", "Mechanical seal 16 mm", "1"),
        ("3", "IMP-200-5B", "Impeller 5 blades Ø142", "1"),
        ("4", "NUT-M12-A2", "Impeller nut M12", "1"),
        ("5", "ORG-200-180", "O-ring 180×4 EPDM", "1"),
        ("6", "VC-200", "Volute casing EN-GJL-250", "1"),
        ("7", "SCR-M10x35-8.8", "Hex screw M10×35 8.8", "4"),
    ]
    x0, y0, cols = 80, 1140, (90, 340, 560, 90)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setFont(draw.font(26, mono=True))
    for r, row in enumerate(rows):
        x = x0
        for text, wdt in zip(row, cols, strict=True):
            p.setPen(draw.pen(draw.INK, 2))
            p.drawRect(QRectF(x, y0 + r * 48, wdt, 48))
            p.drawText(
                QRectF(x + 10, y0 + r * 48, wdt - 20, 48), Qt.AlignmentFlag.AlignVCenter, text
            )
            x += wdt
    # Title block.
    tb = QRectF(1500, ph - 420, 900, 340)
    p.setPen(draw.pen(draw.INK, 4))
    p.drawRect(tb)
    cells = [
        (0, 0, 900, 110, "DEMO PUMPS · P-200 CENTRIFUGAL PUMP\nFINAL ASSEMBLY OP20", 34),
        (0, 110, 450, 80, "DWG  DWG-P200-OP20", 26),
        (450, 110, 225, 80, "REV  C", 26),
        (675, 110, 225, 80, "SHEET 1/1", 26),
        (0, 190, 300, 75, "SCALE 1:2", 24),
        (300, 190, 300, 75, "A3", 24),
        (600, 190, 300, 75, "2026-01-15", 24),
        (0, 265, 450, 75, "DRAWN  J. Becker", 24),
        (450, 265, 450, 75, "CHECKED  A. Tanaka", 24),
    ]
    for cx, cy, cw, ch, text, size in cells:
        rect = QRectF(tb.x() + cx, tb.y() + cy, cw, ch)
        p.setPen(draw.pen(draw.INK, 2))
        p.drawRect(rect)
        p.setFont(draw.font(size, bold=size > 30, mono=size <= 30))
        p.drawText(rect.adjusted(14, 0, -14, 0), Qt.AlignmentFlag.AlignVCenter, text)
    p.setFont(draw.font(24, mono=True))
    p.drawText(
        QPointF(80, ph - 120),
        "TIGHTEN 7 CROSSWISE 1-2-3-4 · 24-28 Nm · PSET 3        END PLAY 0.05-0.20 mm",
    )
    p.end()
    data = out.read_bytes()
    # Qt stamps the current time (and a random document id) into the file; pin them so that
    # rebuilding gives the same bytes. Same-length replacements keep the xref offsets valid.
    data = re.sub(rb"D:\d{14}", b"D:20260115000000", data)
    data = re.sub(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", b"2026-01-15T00:00:00", data)
    data = re.sub(rb"uuid:[0-9a-fA-F-]{36}", b"uuid:00000000-0000-0000-0000-000000000000", data)
    data = re.sub(
        rb"/ID \[[^\]]*\]",
        lambda m: re.sub(rb"[0-9a-fA-F]", b"0", m.group(0)).replace(b"/I0", b"/ID"),
        data,
    )
    return data


# ------------------------------------------------------------------------------------ build


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert app is not None
    media: dict[str, bytes] = {}
    pictures: dict[str, dict[str, Any]] = {}
    for name, scene in scenes.SCENES.items():
        data = render_jpeg(scene)
        entry = media_entry(data, "image", "jpg")
        media[entry["sha256"]] = data
        pictures[name] = entry
        print(f"picture {name}: {len(data) // 1024} KiB")
    video = render_video()
    video_entry = media_entry(video, "video", "mp4")
    media[video_entry["sha256"]] = video
    pdf = render_pdf()
    pdf_entry = media_entry(pdf, "pdf", "pdf")
    media[pdf_entry["sha256"]] = pdf
    print(f"video {len(video) // 1024} KiB, drawing {len(pdf) // 1024} KiB")

    document = build_document(pictures, video_entry, pdf_entry)
    folder = write_package(HERE / "package", document, media)
    loaded = load_package(folder)
    for warning in loaded.warnings:
        print(f"warning: {warning}")

    masterdata = MASTERDATA(product_picture=pictures["prepare"]["sha256"])
    text = json.dumps(masterdata, indent=2, ensure_ascii=False) + "\n"
    (HERE / "masterdata.json").write_text(text, encoding="utf-8")
    digest = hashlib.sha256((folder / "package.json").read_bytes()).hexdigest()
    print(f"package.json sha256 {digest}; {len(loaded.revision.steps)} steps")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
