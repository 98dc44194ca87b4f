"""``kiosk editor``: authoring instruction packages (a desktop window, not the kiosk)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from kiosk.authoring import Draft, RevisionBridge
from kiosk.errors import PackageError


def open_editor(
    package: Path | None,
    *,
    product: str = "PRODUCT",
    operation: str = "OP10",
    bridge: RevisionBridge | None = None,
    revision: str | None = None,
    language: str | None = None,
) -> Any:
    """The editor window on ``package`` (or on a new draft); raises ``PackageError`` when the
    package cannot be opened at all. With ``bridge``, revisions are kept there (drafts,
    approval, publishing, feedback); ``revision`` (``<id>@<n>``) opens one from it.
    ``language`` (en, de, es) is the window's own; by default the desktop's (QLocale)."""
    from kiosk.paths import assets_dir
    from ui.app import application
    from ui.editor import i18n
    from ui.editor.window import EditorWindow
    from ui.i18n import Translations

    application()
    language = language or system_language()
    i18n.use(language)  # the editor's words
    Translations(assets_dir() / "i18n").use(language)  # Qt's (Cancel, OK) and refusals'
    workdir = Path(tempfile.mkdtemp(prefix="kiosk-editor-"))
    if package is None:
        draft = Draft.new(workdir, f"{product}-{operation}", product, operation)
    else:
        draft = Draft.open(package, workdir)
    window = EditorWindow(draft, language)
    if package is not None:
        window.mark_opened()
    if bridge is not None:
        actions = window.attach_bridge(bridge)
        if revision:
            actions.open_key(revision)
    return window


def system_language() -> str:
    """The first of the desktop's UI languages the editor is translated to, else English."""
    from ui.i18n import LANGUAGES
    from ui.qt import QLocale

    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-", 1)[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


__all__ = ["PackageError", "open_editor", "system_language"]
