"""The demo content is real: pictures with content, a playable video, a readable drawing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.domain import StepKind
from kiosk.package import load_package
from kiosk.security import verify_pin

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo"


@pytest.fixture(scope="module")
def demo():  # type: ignore[no-untyped-def]
    return load_package(DEMO / "package")


def test_demo_package_validates_without_warnings(demo) -> None:  # type: ignore[no-untyped-def]
    assert demo.warnings == []
    rev = demo.revision
    assert (rev.product, rev.operation) == ("P-200", "OP20")
    assert 14 <= len(rev.steps) <= 18
    assert {s.kind for s in rev.steps} == set(StepKind)
    assert set(rev.languages) == {"en", "de", "es"}
    assert all(set(s.title) == {"en", "de", "es"} for s in rev.steps)


def test_every_step_picture_is_a_real_1920x1355_jpeg(demo, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    pictures = [m for s in demo.revision.steps for m in s.media if m.type == "image"]
    assert all(any(m.type == "image" for m in s.media) for s in demo.revision.steps)
    for media in pictures:
        path = DEMO / "package" / media.file
        data = path.read_bytes()
        assert data[:3] == b"\xff\xd8\xff", media.file
        image = QImage(str(path))
        # 1920 wide, the runner's media area's aspect at 1080p (it fills it, no bands)
        assert (image.width(), image.height()) == (1920, 1355), media.file
        # Not near-uniform: sample a grid of pixels and require real spread in grey levels.
        small = image.scaled(96, 54)
        greys = [small.pixelColor(x, y).lightness() for x in range(96) for y in range(54)]
        mean = sum(greys) / len(greys)
        variance = sum((g - mean) ** 2 for g in greys) / len(greys)
        assert variance > 300, f"{media.file} looks blank (variance {variance:.0f})"
        assert len(set(greys)) > 40, media.file


def test_pictures_differ_from_each_other(demo) -> None:  # type: ignore[no-untyped-def]
    shas = [m.sha256 for s in demo.revision.steps for m in s.media if m.type == "image"]
    assert len(set(shas)) == len(shas) >= 14


def test_video_is_a_short_h264_mp4(demo) -> None:  # type: ignore[no-untyped-def]
    videos = [m for s in demo.revision.steps for m in s.media if m.type == "video"]
    assert videos, "the demo needs a looping video"
    data = (DEMO / "package" / videos[0].file).read_bytes()
    assert data[4:8] == b"ftyp"
    assert b"avc1" in data  # H.264 sample entry
    assert 20_000 < len(data) < 3_000_000


def test_pdf_drawing_opens_with_qtpdf(demo, qapp) -> None:  # type: ignore[no-untyped-def]
    pdfs = [m for s in demo.revision.steps for m in s.media if m.type == "pdf"]
    assert pdfs, "the demo needs a PDF drawing"
    path = DEMO / "package" / pdfs[0].file
    assert path.read_bytes().startswith(b"%PDF")
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError as err:  # pragma: no cover - depends on the machine's Qt build
        pytest.skip(f"QtPdf cannot load here ({err}); the %PDF signature was checked")
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    assert doc.pageCount() >= 1


def test_demo_assets_stay_small() -> None:
    total = sum(p.stat().st_size for p in (DEMO / "package").rglob("*") if p.is_file())
    assert total < 15 * 1024 * 1024


def test_masterdata_references_the_package_and_pins_verify(demo) -> None:  # type: ignore[no-untyped-def]
    data = json.loads((DEMO / "masterdata.json").read_text(encoding="utf-8"))
    assert data["station"]["id"] == "ST-03"
    assert data["products"][0]["picture"] in demo.media
    badges = {o["badge"]: o for o in data["operators"]}
    assert set(badges) >= {"B1001", "B1002", "B1003", "B2001", "B3001"}
    for badge, operator in badges.items():
        # demo PIN = the badge's digits followed by 01 (COMMON.md contract 5), argon2id
        assert operator["pin_hash"].startswith("$argon2id$"), badge
        assert verify_pin(badge[1:] + "01", operator["pin_hash"]), badge
        assert not verify_pin(badge[1:], operator["pin_hash"])  # 4 digits: too short
    assert not verify_pin("000000", badges["B2001"]["pin_hash"])  # (each verify costs ~0.1 s+)
    orders = data["work_orders"]
    assert 4 <= len(orders) <= 6
    assert all(5 <= o["quantity"] <= 120 and 1 <= o["priority"] <= 4 for o in orders)
    assert any(0 < o["done"] < o["quantity"] for o in orders)
