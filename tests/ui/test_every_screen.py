"""Every screen and dialog of the demo station (the walk ``kiosk screenshots`` renders),
at five panel sizes in three languages: no English source text on a German or Spanish
screen, no clipped text, no overlapping widgets, everything tappable 20 mm."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.paths import assets_dir
from ui.qt import QAbstractButton, QApplication, QLabel, QRect, QWidget

pytestmark = pytest.mark.qt_log_ignore(r"JFIF|JPEG datastream|Could not open media|moov atom")

SIZES = [(1024, 768), (1280, 800), (1366, 768), (1920, 1080), (1080, 1920)]


def english_patterns(language: str) -> list[re.Pattern[str]]:
    """Each source text of the .ts whose translation differs from it, as a pattern
    ({0}, %n, {name} match anything)."""
    root = ET.parse(assets_dir() / "i18n" / f"kiosk_{language}.ts").getroot()
    out = []
    for m in root.iter("message"):
        src = m.findtext("source") or ""
        tr = m.find("translation")
        forms = [f.text or "" for f in tr.findall("numerusform")] if tr is not None else []
        texts = forms or [tr.text or "" if tr is not None else ""]
        if len(src) < 6 or src in texts:
            continue
        parts = re.split(r"\{[^}]*\}|%n", src)
        out.append(re.compile(".*".join(re.escape(p) for p in parts), re.S))
    return out


#: English that comes from the core rather than the .ts, seen on Spanish screens before
CORE_ENGLISH = re.compile(r"item\(s\)|the tool reported|Call a |is not known|not ticked yet")


def texts_on_screen(shell: QWidget) -> list[tuple[QWidget, str]]:
    out = []
    for w in shell.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton) and w.text():
            out.append((w, w.text()))
    return out


def visible_rect(w: QWidget, root: QWidget) -> QRect:
    return QRect(w.mapTo(root, w.rect().topLeft()), w.size())


def problems(shell: QWidget, name: str, language: str, english: list[re.Pattern[str]]) -> list[str]:
    found = []
    m = shell.metrics  # type: ignore[attr-defined]
    root = shell.overlays[-1] if shell.overlays else shell  # type: ignore[attr-defined]
    for w, text in texts_on_screen(root):
        plain = re.sub(r"<[^>]+>", "", text)
        if language != "en" and (
            any(p.fullmatch(plain) for p in english) or CORE_ENGLISH.search(plain)
        ):
            found.append(f"{name}: English on a {language} screen: {plain!r}")
        if isinstance(w, QLabel) and not w.wordWrap() and "<" not in text:
            need = w.fontMetrics().horizontalAdvance(plain)
            room = w.contentsRect().width()
            if need > room + 1 and w.pixmap().isNull():
                found.append(f"{name}: clipped label {plain!r}: {need} px in {room} px")
        if isinstance(w, QLabel) and w.wordWrap() and w.width() > 0:
            need = w.heightForWidth(w.width())
            if need > w.height() + 2:
                found.append(f"{name}: clipped text {plain[:40]!r}: {need} px high in {w.height()}")
        if isinstance(w, QAbstractButton):
            need = w.fontMetrics().horizontalAdvance(plain) + w.iconSize().width()
            if need > w.width() and w.layout() is None:
                found.append(f"{name}: clipped button {plain!r}: {need} px in {w.width()} px")
    for w in root.findChildren(QAbstractButton):
        if w.isVisible() and w.isEnabled() and min(w.width(), w.height()) < m.target - 1:
            found.append(f"{name}: button {w.text()!r} {w.width()}x{w.height()} < 20 mm")
    runner = getattr(shell, "screens", {}).get("runner")
    if runner is not None and runner.isVisible() and not shell.overlays:  # type: ignore[attr-defined]
        action = visible_rect(runner.action_card, shell)
        for box, _icon, text in runner._warning_pool:
            if box.isVisible():  # whole, on screen, above the action
                where = visible_rect(box, shell)
                if not shell.rect().contains(where) or where.bottom() > action.top():
                    found.append(f"{name}: safety warning not whole above the action")
                if text.heightForWidth(text.width()) > text.height() + 2:
                    found.append(f"{name}: safety warning text clipped")
        card = runner.action_card
        if card.height() < card.minimumSizeHint().height():
            need = card.minimumSizeHint().height()
            found.append(f"{name}: the action is squeezed: {card.height()} px of {need}")
    r = root.rect()
    for w in root.findChildren(QAbstractButton):
        if w.isVisible() and not r.contains(visible_rect(w, root)):
            found.append(f"{name}: button {w.text()!r} off the panel")
        parent = w.parentWidget()
        if w.isVisible() and parent is not None and not parent.rect().contains(w.geometry()):
            found.append(f"{name}: button {w.text()!r} cut by {type(parent).__name__}")
    return found


@pytest.mark.parametrize("language", ["en", "de", "es"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_is_whole_and_in_the_operators_language(
    qtbot, tmp_path: Path, size, language
) -> None:  # type: ignore[no-untyped-def]
    from kiosk.cli.station import _demo_station
    from ui.app import build_shell
    from ui.screenshots import render_all

    engine = _demo_station(tmp_path)
    shell = build_shell(engine, media_dir=tmp_path / "media", size=size, wedge=False)
    qtbot.addWidget(shell)
    shell.show()
    english = english_patterns(language) if language != "en" else []
    found: list[str] = []
    names: list[str] = []

    def inspect(name: str) -> None:
        names.append(name)
        # the clock and cycle timer tick on their own: let a text they just changed be
        # laid out before measuring it (else a label is one pass behind its text)
        for _ in range(2):
            QApplication.processEvents()
            lay = shell.layout()
            if lay is not None:
                lay.activate()
        found.extend(problems(shell, name, language, english))
        over = shell.overflow()
        if any(over):
            found.append(f"{name}: content {over} px larger than the panel")

    try:
        render_all(shell, tmp_path / "shots", language=language, on_snap=inspect, save=False)
    finally:
        shell.translations.use("en")
        engine.store.close()
    assert len(names) > 30
    assert not found, "\n".join(found)
