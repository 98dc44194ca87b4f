"""The editor in German and in Spanish (``kiosk editor --language``): the window on the
demo package with a step of every kind selected, the diff window and the signing dialog
(revisions on a real bridge on 127.0.0.1) show no English source text anywhere a person
reads: labels, buttons, group titles, list rows, headers, tabs, placeholders, tooltips,
menu entries, window titles."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.paths import assets_dir
from tests.ui.test_editor_bridge import DEMO, Live, fill_credentials, live, shot
from tests.ui.test_every_screen import english_patterns

__all__ = ["live"]  # the real bridge on loopback, shared with the editor's bridge tests

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

#: The editor's own translation contexts: here a short word counts too ("Save", "Kind").
EDITOR_CONTEXTS = ("Editor", "EditorBridge")


def editor_patterns(language: str) -> list[re.Pattern[str]]:
    """English that must not be on a German/Spanish editor: every source of the .ts whose
    translation differs (the station's helper, six characters and up), and every source
    of the editor's contexts whatever its length."""
    out = english_patterns(language)
    root = ET.parse(assets_dir() / "i18n" / f"kiosk_{language}.ts").getroot()
    for context in root.iter("context"):
        if context.findtext("name") not in EDITOR_CONTEXTS:
            continue
        for m in context.iter("message"):
            src = m.findtext("source") or ""
            tr = m.find("translation")
            forms = [f.text or "" for f in tr.findall("numerusform")] if tr is not None else []
            if src and src not in (forms or [tr.text if tr is not None else ""]):
                parts = re.split(r"\{[^}]*\}|%n", src)
                out.append(re.compile(".*".join(re.escape(p) for p in parts), re.S))
    return out


def visible_texts(root: Any) -> list[tuple[str, str]]:
    """(where, text) for everything on ``root`` and its children a person reads."""
    from PySide6.QtWidgets import QTabWidget  # none in the editor today; ui.qt has none

    from ui.qt import (
        QAbstractButton,
        QAction,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTreeWidget,
        QWidget,
    )

    out = [("window title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        where = f"{type(w).__name__} {w.objectName()!r}"
        if w.toolTip():
            out.append((where + " tooltip", w.toolTip()))
        if isinstance(w, QLabel | QAbstractButton) and w.text():
            out.append((where, w.text()))
        if isinstance(w, QGroupBox):
            out.append((where + " title", w.title()))
        if isinstance(w, QLineEdit | QPlainTextEdit) and w.placeholderText():
            out.append((where + " placeholder", w.placeholderText()))
        if isinstance(w, QComboBox) and not w.isEditable():
            out += [(where + " item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                item = w.item(i)
                out += [(where + " row", item.text()), (where + " row tooltip", item.toolTip())]
        if isinstance(w, QTreeWidget):
            head = w.headerItem()
            out += [(where + " header", head.text(c)) for c in range(head.columnCount())]
        if isinstance(w, QTabWidget):
            out += [(where + " tab", w.tabText(i)) for i in range(w.count())]
    for act in root.findChildren(QAction):  # toolbar and menu entries, shown or not
        if act.text() and not act.isSeparator():
            out.append(("action " + act.objectName(), act.text()))
    return [(where, text) for where, text in out if text]


def english_in(root: Any, name: str, patterns: list[re.Pattern[str]]) -> list[str]:
    found = []
    for where, text in visible_texts(root):
        plain = re.sub(r"<[^>]+>", "", text)
        # a card head is "<what> — <kinds>", a caption "<label> *": each piece on its own
        pieces = {plain, *re.split(r" — |\n|, ", plain)}
        for raw in pieces:
            piece = re.sub(r"^[⚠🌐✔✖△ ]+|[ *★]+$", "", raw.strip())
            if piece and any(p.fullmatch(piece) for p in patterns):
                found.append(f"{name}: {where}: English {piece!r} in {plain[:80]!r}")
                break
    return found


@pytest.fixture
def editor_in(qtbot: Any, live: Live) -> Iterator[Any]:
    from ui.editor import open_editor

    windows = []

    def make(language: str, **kw: Any) -> Any:
        w = open_editor(None, bridge=live.client, language=language, **kw)
        qtbot.addWidget(w)
        w.resize(1600, 1000)
        w.show()
        windows.append(w)
        return w

    yield make
    from ui.editor import i18n
    from ui.i18n import Translations

    for w in windows:
        w.close()
    Translations(Path()).use("en")  # translators are app-wide: leave none behind
    i18n.use("en")


@pytest.mark.parametrize("language", ["de", "es"])
def test_the_editor_diff_and_signing_speak_the_engineers_language(
    editor_in: Any, live: Live, qtbot: Any, tmp_path: Path, language: str
) -> None:
    from kiosk.domain import StepKind
    from ui.qt import QApplication

    patterns = editor_patterns(language)
    live.bridge.publish_package(DEMO)  # revision 3 is at the stations
    doc = json.loads((DEMO / "package.json").read_text())["document"]
    w = editor_in(language, revision=f"{doc['id']}@{doc['revision']}")
    assert w.lang_combo.currentData() == language  # the preview starts in it too
    found: list[str] = []

    def look(root: Any, name: str) -> None:
        for _ in range(2):
            QApplication.processEvents()
        found.extend(english_in(root, name, patterns))

    look(w, "document")
    # The preview in English (the document's default): the editor stays in its language.
    w.lang_combo.setCurrentIndex(w.lang_combo.findData("en"))
    w.refresh_preview()
    assert w.preview_station.engine.position == 0
    steps = w.draft.document["steps"]
    seen: set[str] = set()
    for i, step in enumerate(steps):
        if step["kind"] in seen:
            continue
        seen.add(step["kind"])
        w.steps.setCurrentRow(i + 1)
        assert w.selected == i
        look(w, f"step {i + 1} ({step['kind']})")
    assert seen == {k.value for k in StepKind}
    assert {a.text() for a in w.add_button.menu().actions()} <= {  # the add-step menu
        t for _w, t in visible_texts(w)
    }

    # A new revision with every kind of change: the diff window, then the signing dialog.
    w.make_next_draft()
    w.steps.setCurrentRow(1)
    w.form.drop_files([next((DEMO / "media").glob("*.jpg"))])  # a picture more on step 1
    steps = w.draft.document["steps"]
    steps[1]["title"]["en"] = "Check the kit twice"
    w.draft.document["components"][0]["quantity"] = 2
    w.move_step(3, 5)
    w.add_step(StepKind.MEASURE)
    w.check()
    assert not w.errors, w.errors
    # the new measurement's limits are whole numbers (0 and 1): the station's gauge draws them
    w.refresh_preview()
    assert w.preview_station.engine.position == w.selected
    look(w, "new draft")
    assert w.save_to(tmp_path / "rev4") == []
    view = w.show_diff(DEMO)
    assert not isinstance(view, str)
    kinds = {k for s in view.diff.steps for k in s.kinds}
    assert {"added", "moved", "changed"} <= kinds and view.diff.components
    summary = view.findChild(type(w.preview), "diff-summary").text()
    plurals = {  # each count in its plural form
        "de": ("1 Schritt hinzugefügt", "1 verschoben", "2 geändert", "; 1 Bauteiländerung."),
        "es": ("1 paso añadido", "1 movido", "2 cambiados", "; 1 cambio de componente."),
    }
    assert all(p in summary for p in plurals[language]), summary
    look(view, "diff")
    diff_png = shot(view, f"editor-diff-{language}", tmp_path)

    fill_credentials("E-01", "111111")
    assert w.bridge_actions.save_draft() is not None
    dialog = w.bridge_actions.approval_dialog()
    assert dialog is not None
    dialog.show()
    look(dialog, "signing dialog")
    look(w, "editor with the draft on the bridge")
    editor_png = shot(w, f"editor-{language}", tmp_path)
    shot(dialog, f"editor-signing-{language}", tmp_path)
    dialog.close()
    assert diff_png.stat().st_size > 0 and editor_png.stat().st_size > 0
    assert not found, "\n".join(found)


def test_kiosk_editor_takes_a_language(capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["editor", "--language", "de"]).language == "de"
    assert parser.parse_args(["editor"]).language is None  # the desktop's
    with pytest.raises(SystemExit):
        parser.parse_args(["editor", "--language", "fr"])
    assert "invalid choice: 'fr'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr:es"}, "es"),
        ({"LANG": "C.UTF-8"}, "en"),
    ],
)
def test_the_desktop_language_is_the_default(env: dict[str, str], expected: str) -> None:
    """Without --language the editor follows the desktop's locale (QLocale.system())."""
    import os

    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    out = subprocess.run(
        [sys.executable, "-c", "from ui.editor import system_language; print(system_language())"],
        capture_output=True,
        text=True,
        check=True,
        env=clean | env,
    ).stdout.strip()
    assert out == expected


def editor_sources() -> set[str]:
    """Every English text of the editor's ``Editor`` context: the literals given to ``tr``
    and ``trn`` (and to the toolbar's ``action``), and the word tables they translate."""
    import ast

    from ui.editor import diffview, forms

    root = Path(__file__).resolve().parents[2] / "ui" / "editor"
    found: set[str] = set()
    for name in ("window.py", "forms.py", "diffview.py", "media_check.py", "preview.py"):
        for node in ast.walk(ast.parse((root / name).read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            args = node.args
            if node.func.id in ("tr", "trn") and isinstance(args[0], ast.Constant):
                found.add(args[0].value)
            elif node.func.id == "action" and isinstance(args[1], ast.Constant):
                found.add(args[1].value)
    found |= set(forms.KIND_LABELS.values()) | set(forms.LABELS.values())
    found |= {word for words in forms.ENUM_LABELS.values() for word in words.values()}
    found |= set(diffview._WORDS.values())
    return found


@pytest.mark.parametrize("language", ["de", "es"])
def test_every_editor_string_is_in_the_translations(language: str) -> None:
    root = ET.parse(assets_dir() / "i18n" / f"kiosk_{language}.ts").getroot()
    context = next(c for c in root.iter("context") if c.findtext("name") == "Editor")
    done = set()
    for m in context.iter("message"):
        tr = m.find("translation")
        forms = [f.text for f in tr.findall("numerusform")] if tr is not None else []
        if tr is not None and tr.get("type") != "unfinished" and all(forms or [tr.text]):
            done.add(m.findtext("source"))
    sources = editor_sources()
    assert len(sources) > 140
    assert sources - done == set(), "not translated"
