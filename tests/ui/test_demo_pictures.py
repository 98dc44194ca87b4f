"""The demo pictures as an operator sees them in the step runner at 1920×1080: every text
at least 22 px high (readable at 1 m) and the picture filling its area (no bands).

Each picture is painted again, as ``assets/demo/render.py`` paints it, by a painter that
notes each text's font size through the transform in force; the scale at which the runner
shows it is read from a real runner at 1080p."""

from __future__ import annotations

import importlib
import math
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "assets" / "demo"
READABLE_PX = 22  # at 1 m on a 1080p panel


def _render_module() -> Any:
    sys.path.insert(0, str(DEMO))
    try:
        return importlib.import_module("render")
    finally:
        sys.path.remove(str(DEMO))


@pytest.fixture(scope="module")
def media_area(qapp, tmp_path_factory) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The runner's picture area at 1920×1080, laid out by the event loop."""
    from kiosk.demo import seed_demo
    from kiosk.engine import StationEngine
    from kiosk.store import open_store
    from ui.app import build_shell
    from ui.qt import QApplication

    root = tmp_path_factory.mktemp("station")
    store = open_store(root / "station.db")
    seed_demo(store, root / "media")
    shell = build_shell(StationEngine(store), media_dir=root / "media", size=(1920, 1080))
    shell.show()
    shell.handle_scan("B2001")
    shell.open_work_order(shell.engine.work_queue()[0].number)
    shell.start_unit(None)
    QApplication.processEvents()
    size = shell.screens["runner"].media.view_size()
    shell.close()
    store.close()
    return size.width(), size.height()


def _texts(render: Any, scene: Any) -> list[tuple[str, float]]:
    """(text, font pixel size in picture pixels) of every text ``scene`` draws."""
    from ui.qt import QImage, QPainter

    seen: list[tuple[str, float]] = []

    class Noting(QPainter):
        def drawText(self, *args: Any) -> None:
            text = next(a for a in args if isinstance(a, str))
            t = self.worldTransform()
            scale = math.sqrt(abs(t.m11() * t.m22() - t.m12() * t.m21()))
            if text.strip():
                seen.append((text, self.font().pixelSize() * scale))
            super().drawText(*args)

    image = QImage(render.PICTURE_W, render.PICTURE_H, QImage.Format.Format_RGB32)
    p = Noting(image)
    render.paint_picture(p, scene)
    p.end()
    return seen


def test_demo_picture_text_is_readable_at_a_metre_and_fills_the_area(media_area) -> None:  # type: ignore[no-untyped-def]
    render = _render_module()
    aw, ah = media_area
    shown = min(aw / render.PICTURE_W, ah / render.PICTURE_H)  # fitted, as ImageView does
    # the picture fills the area: the bands its aspect leaves are under 1 % of the area
    assert render.PICTURE_W * shown >= aw * 0.99 and render.PICTURE_H * shown >= ah * 0.99
    small = []
    count = 0
    for name, scene in render.scenes.SCENES.items():
        texts = _texts(render, scene)
        count += len(texts)
        small += [
            f"{name}: {t!r} {px * shown:.1f} px" for t, px in texts if px * shown < READABLE_PX
        ]
    assert count > 30, "the painter saw the pictures' texts"
    assert not small, "text under 22 px at 1080p:\n" + "\n".join(small)


def test_the_demo_package_carries_pictures_of_that_size(qapp) -> None:  # type: ignore[no-untyped-def]
    """The assets are regenerated: each JPEG of the package is a picture of that size."""
    from ui.qt import QImage

    render = _render_module()
    jpegs = sorted((DEMO / "package" / "media").glob("*.jpg"))
    assert len(jpegs) == len(render.scenes.SCENES)
    for f in jpegs:
        img = QImage(str(f))
        assert (img.width(), img.height()) == (render.PICTURE_W, render.PICTURE_H), f.name
