"""The instruction editor, driven the way an engineer uses it: open, type into fields, drop
media, reorder, preview, save, compare. Every package it writes goes through the one
package validator (``kiosk.package.load_package``) the station and ``kiosk validate`` use."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.domain import StepKind
from kiosk.package import load_package

# The offscreen platform cannot size a main window from its toolbar's hints; a real
# display can. Not a defect of the editor.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo" / "package"


@pytest.fixture
def editor(qtbot) -> Iterator:  # type: ignore[no-untyped-def]
    from ui.editor import open_editor

    windows = []

    def make(package: Path | None = DEMO, **kw: str):  # type: ignore[no-untyped-def]
        w = open_editor(package, **kw)
        qtbot.addWidget(w)
        w.resize(1600, 950)
        w.show()
        windows.append(w)
        return w

    yield make
    from ui.i18n import Translations

    for w in windows:
        w.close()
    Translations(Path()).use("en")  # the preview switches app-wide translators


def field(window, name: str):  # type: ignore[no-untyped-def]
    from ui.qt import QWidget

    found = window.form.findChild(QWidget, f"field-{name}")
    assert found is not None, f"no field {name}"
    return found


def type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    from ui.qt import Qt

    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def select_step(window, index: int) -> None:  # type: ignore[no-untyped-def]
    window.steps.setCurrentRow(index + 1)  # row 0 is the document


def test_demo_round_trips_byte_for_byte(editor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = editor()
    w.make_next_draft()  # an approved revision is saved only as a new draft
    w.draft.document = json.loads((DEMO / "package.json").read_text())["document"]
    w.mark_opened()
    assert w.save_to(tmp_path / "copy") == []
    assert (tmp_path / "copy" / "package.json").read_bytes() == (DEMO / "package.json").read_bytes()
    assert sorted(p.name for p in (tmp_path / "copy" / "media").iterdir()) == sorted(
        p.name for p in (DEMO / "media").iterdir()
    )


def test_an_approved_revision_is_never_edited_in_place(editor, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = editor()
    select_step(w, 0)
    title_en = field(w, "title").fields["en"]
    type_into(qtbot, title_en, "Prepare the bench")
    errors = w.save_to(tmp_path / "out")
    assert errors and "never edited in place" in errors[0].reason
    assert not (tmp_path / "out").exists()
    w.make_next_draft()
    assert w.draft.document["revision"] == 4 and w.draft.document["status"] == "draft"
    assert "approved_by" not in w.draft.document
    assert w.save_to(tmp_path / "out") == []
    saved = load_package(tmp_path / "out")
    assert saved.document["steps"][0]["title"]["en"] == "Prepare the bench"
    assert saved.document["revision"] == 4


def test_build_a_revision_from_nothing_with_every_step_kind(editor, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = editor(None, product="PX-1", operation="OP10")
    # A component first, so the scan step has a part to ask for.
    w.draft.document["components"] = [
        {"part": "BRK-1", "name": {"en": "Bracket"}, "quantity": 1, "tracking": "lot"}
    ]
    for kind in StepKind:
        if kind != StepKind.INSTRUCTION:
            w.add_step(kind)
    select_step(w, 0)
    type_into(qtbot, field(w, "title").fields["en"], "Clean the fixture")
    w.check()
    assert w.errors == [], [str(p) for p in w.errors]
    assert w.save_to(tmp_path / "px1") == []
    loaded = load_package(tmp_path / "px1")
    assert [s.kind for s in loaded.revision.steps] == list(StepKind)
    assert loaded.revision.steps[0].title["en"] == "Clean the fixture"
    assert loaded.document["status"] == "draft"


def test_swapped_limits_are_shown_at_the_field_and_nothing_saved(editor, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = editor()
    w.make_next_draft()
    index = next(i for i, s in enumerate(w.draft.document["steps"]) if s["kind"] == "measure")
    select_step(w, index)
    type_into(qtbot, field(w, "spec.lower"), "0.5")
    qtbot.waitUntil(lambda: bool(w.errors), timeout=3000)
    message = w.form.findChild(type(w.preview_note), "problem-spec.lower")
    assert message is not None and message.isVisible()
    assert "above the upper limit" in message.text()
    assert w.steps.item(index + 1).text().startswith("⚠")
    assert not w.save_action.isEnabled()
    assert w.save_to(tmp_path / "bad") and not (tmp_path / "bad").exists()
    # Mended: the message goes, Save is back.
    type_into(qtbot, field(w, "spec.lower"), "0.05")
    qtbot.waitUntil(lambda: not w.errors, timeout=3000)
    assert not message.isVisible()
    assert w.save_action.isEnabled()


def test_duplicate_step_id_is_pinned_to_the_id_field(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = editor()
    select_step(w, 1)
    type_into(qtbot, field(w, "id"), w.draft.document["steps"][0]["id"])
    qtbot.waitUntil(lambda: bool(w.errors), timeout=3000)
    message = w.form.findChild(type(w.preview_note), "problem-id")
    assert "used by an earlier step" in message.text()
    assert field(w, "id").property("problem") is True


def test_missing_translations_are_marked(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = editor()
    w.make_next_draft()
    w.add_step(StepKind.INSTRUCTION)
    index = w.selected
    assert "🌐" in w.steps.item(index + 1).text()
    de = field(w, "title").fields["de"]
    assert de.placeholderText() == "missing translation"
    # A warning, not an error: the station shows the default language meanwhile.
    qtbot.waitUntil(lambda: bool(w.warnings), timeout=3000)
    assert any(f"steps[{index}].title" in p.path for p in w.warnings), [str(p) for p in w.warnings]
    assert w.errors == []


def test_media_the_station_cannot_show_is_refused_with_the_reason(editor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = editor()
    w.make_next_draft()
    select_step(w, 0)
    fake = tmp_path / "photo.jpg"
    fake.write_text("not a picture")
    broken_pdf = tmp_path / "drawing.pdf"
    broken_pdf.write_bytes(b"%PDF-1.4 broken")
    word = tmp_path / "notes.docx"
    word.write_bytes(b"PK\x03\x04")
    before = json.dumps(w.draft.document)
    refused = w.form.drop_files([fake, broken_pdf, word])
    assert len(refused) == 3
    assert "photo.jpg is not a picture" in refused[0]
    assert "drawing.pdf does not open as a PDF" in refused[1]
    assert "notes.docx" in refused[2] and ".pdf" in refused[2]
    assert json.dumps(w.draft.document) == before  # nothing half-added
    # A real picture goes in by its hash.
    picture = next((DEMO / "media").glob("*.jpg"))
    good = tmp_path / "new.jpg"
    good.write_bytes(picture.read_bytes() + b"")
    assert w.form.drop_files([good]) == []
    entry = w.draft.document["steps"][0]["media"][-1]
    assert entry["file"].startswith("media/") and entry["type"] == "image"


def test_reorder_steps_by_dragging_in_the_list(editor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.qt import QApplication

    w = editor()
    w.make_next_draft()
    ids = [s["id"] for s in w.draft.document["steps"]]
    model = w.steps.model()
    root = model.index(-1, -1)
    # What a drag does to the list: row 3 (step index 2) dropped at the top of the steps.
    assert model.moveRow(root, 3, root, 1)
    QApplication.processEvents()
    moved = [s["id"] for s in w.draft.document["steps"]]
    assert moved[0] == ids[2] and sorted(moved) == sorted(ids)
    assert w.save_to(tmp_path / "moved") == []
    assert [s.id for s in load_package(tmp_path / "moved").revision.steps] == moved


def test_preview_is_the_station_runner_and_follows_typing(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.qt import QLabel

    w = editor()
    w.make_next_draft()
    index = next(i for i, s in enumerate(w.draft.document["steps"]) if s["kind"] == "checklist")
    select_step(w, index)
    type_into(qtbot, field(w, "title").fields["en"], "Check the kit twice")
    w.refresh_preview()
    station = w.preview_station
    assert station.engine.position == index
    texts = [lab.text() for lab in station._shell.findChildren(QLabel)]
    assert "Check the kit twice" in texts
    assert any(f"{index + 1} of {len(w.draft.document['steps'])}" in t for t in texts)
    assert w.preview.pixmap() is not None and not w.preview.pixmap().isNull()
    # Another language and panel: the step in Spanish, portrait.
    w.lang_combo.setCurrentIndex(w.lang_combo.findData("es"))
    w.size_combo.setCurrentIndex(3)
    w.refresh_preview()
    texts = [lab.text() for lab in station._shell.findChildren(QLabel)]
    es_title = w.draft.document["steps"][index]["title"]["es"]
    assert es_title in texts
    assert station._shell.width() == 1080


def test_diff_shows_what_changed_for_the_signer(editor, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = editor()
    w.make_next_draft()
    select_step(w, 3)
    type_into(qtbot, field(w, "title").fields["de"], "Motor einsetzen")
    w.delete_current()
    assert w.save_to(tmp_path / "rev4") == []
    view = w.show_diff(DEMO)
    assert not isinstance(view, str)
    summary = view.findChild(QLabelType(), "diff-summary").text()
    assert "Revision 3 → 4" in summary and "1 removed" in summary
    out = subprocess.run(
        [sys.executable, "-m", "kiosk", "diff", str(DEMO), str(tmp_path / "rev4")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "removed" in out and "status: 'approved' → 'draft'" in out


def QLabelType():  # type: ignore[no-untyped-def]
    from ui.qt import QLabel

    return QLabel


def test_an_unreadable_package_says_why(editor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = editor()
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "package.json").write_text("{not json")
    reason = w.open_path(tmp_path / "broken")
    assert reason is not None and "Cannot read" in reason
    assert w.draft.document["id"] == "P200-OP20"  # the open package stays


@pytest.mark.qt_log_ignore("Could not open media", "does not support propagateSizeHints")
def test_an_unplayable_video_is_refused_and_the_demo_video_goes_in(editor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = editor()
    w.make_next_draft()
    select_step(w, 0)
    bad = tmp_path / "clip.mp4"
    bad.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"junk" * 100)
    refused = w.form.drop_files([bad])
    assert len(refused) == 1 and "clip.mp4 cannot be played" in refused[0]
    video = next((DEMO / "media").glob("*.mp4"))
    assert w.form.drop_files([video]) == []
    assert w.draft.document["steps"][0]["media"][-1]["type"] == "video"
