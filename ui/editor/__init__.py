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
) -> Any:
    """The editor window on ``package`` (or on a new draft); raises ``PackageError`` when the
    package cannot be opened at all. With ``bridge``, revisions are kept there (drafts,
    approval, publishing, feedback); ``revision`` (``<id>@<n>``) opens one from it."""
    from ui.app import application
    from ui.editor.window import EditorWindow

    application()
    workdir = Path(tempfile.mkdtemp(prefix="kiosk-editor-"))
    if package is None:
        draft = Draft.new(workdir, f"{product}-{operation}", product, operation)
    else:
        draft = Draft.open(package, workdir)
    window = EditorWindow(draft)
    if package is not None:
        window.mark_opened()
    if bridge is not None:
        actions = window.attach_bridge(bridge)
        if revision:
            actions.open_key(revision)
    return window


__all__ = ["PackageError", "open_editor"]
