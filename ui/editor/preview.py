"""The live preview: the station's own shell and runner, on a station database of the
preview's own, showing the draft's step exactly as an operator would reach it.

Each refresh stores the draft as a new approved revision in the preview database (never
anywhere else), starts a unit on it and walks it to the chosen step with the autopilot's
simulated operator, so the step strip, done chips and "Step 6 of 14" are the real ones.
The shell is rendered off screen and shown as a picture scaled into the editor.
"""

from __future__ import annotations

import copy
import logging
import random
import tempfile
from pathlib import Path
from typing import Any

from kiosk.autopilot import Operator, SimulatedInputs
from kiosk.domain import Role
from kiosk.engine import StationEngine
from kiosk.errors import KioskError
from kiosk.paths import assets_dir
from kiosk.store import open_store
from kiosk.store.masterdata import apply_change, store_revision
from ui import theme
from ui.editor import i18n as editor_i18n
from ui.i18n import Translations
from ui.qt import QApplication, QPixmap, Qt
from ui.shell import Shell

log = logging.getLogger("ui.editor.preview")

PANEL_SIZES = ((1920, 1080), (1366, 768), (1280, 800), (1080, 1920))

_BADGES = {
    Role.OPERATOR: "PV-OPERATOR",
    Role.LINE_LEAD: "PV-LEAD",
    Role.QUALITY: "PV-QUALITY",
    Role.ADMIN: "PV-ADMIN",
}
_PREVIEW_WORK_ORDER = "PREVIEW"


def tr(text: str) -> str:
    return editor_i18n.translate("Editor", text)


class PreviewStation:
    """A throwaway station that shows one draft. ``media_dir`` is the draft's media folder
    (the preview reads pictures from it directly). Translators are application-wide: the
    preview installs its language while it renders and puts ``ui_language`` (the editor's)
    back afterwards, for Qt's own words; the editor's are its own (``ui.editor.i18n``)."""

    def __init__(self, media_dir: Path, ui_language: str | None = None) -> None:
        self.ui_language = ui_language
        self.translations = Translations(assets_dir() / "i18n")
        self._tmp = tempfile.TemporaryDirectory(prefix="kiosk-preview-")
        self.media_dir = media_dir
        self.store = open_store(Path(self._tmp.name) / "preview.db")
        self.engine = StationEngine(self.store)
        self._counter = 0
        self._seeded: tuple[str, str] | None = None
        self._shell: Shell | None = None
        self._size: tuple[int, int] | None = None

    def close(self) -> None:
        if self._shell is not None:
            self._shell.close()
            self._shell.deleteLater()
            self._shell = None
        self.store.close()
        self._tmp.cleanup()

    # --- the preview station's data ----------------------------------------------------

    def _seed(self, product: str, operation: str, language: str) -> None:
        if self._seeded == (product, operation):
            return
        with self.store.write() as conn:
            apply_change(
                conn,
                "station",
                "upsert",
                "PREVIEW",
                {"id": "PREVIEW", "name": "Preview", "line": "", "operations": [operation]},
            )
            apply_change(
                conn,
                "product",
                "upsert",
                product,
                {"code": product, "name": product, "description": ""},
            )
            for role, badge in _BADGES.items():
                apply_change(
                    conn,
                    "operator",
                    "upsert",
                    badge,
                    {
                        "id": badge,
                        "badge": badge,
                        "name": "Preview " + role.value.replace("_", " "),
                        "language": language,
                        "roles": sorted({Role.OPERATOR.value, role.value}),
                        "certifications": [{"operation": operation, "expires": None}],
                        "active": True,
                    },
                )
            apply_change(
                conn,
                "work_order",
                "upsert",
                _PREVIEW_WORK_ORDER,
                {
                    "number": _PREVIEW_WORK_ORDER,
                    "product": product,
                    "operation": operation,
                    "quantity": 1_000_000,
                    "due": "2099-01-01T00:00:00Z",
                    "priority": 1,
                    "status": "in_progress",
                    "done": 0,
                    "scrapped": 0,
                },
            )
        self._seeded = (product, operation)
        self.engine.master_data_changed()

    def _store(self, document: dict[str, Any]) -> None:
        self._counter += 1
        doc = copy.deepcopy(document)
        # Its own revision number and status, in the preview database only.
        doc["revision"] = self._counter
        doc["status"] = "approved"
        with self.store.write() as conn:
            for step in doc.get("steps", ()):
                for entry in step.get("media", ()):
                    file = Path(str(entry.get("file", "")))
                    apply_change(
                        conn,
                        "media",
                        "upsert",
                        str(entry["sha256"]),
                        {
                            "sha256": entry["sha256"],
                            "type": entry.get("type"),
                            "size": (self.media_dir / file.name).stat().st_size
                            if (self.media_dir / file.name).exists()
                            else 0,
                            "file_name": file.name,
                            "present": (self.media_dir / file.name).exists(),
                        },
                    )
            store_revision(conn, doc)

    # --- the shell -----------------------------------------------------------------------

    def _shell_for(self, size: tuple[int, int]) -> Shell:
        if self._shell is not None and self._size == size:
            return self._shell
        if self._shell is not None:
            self._shell.close()
            self._shell.deleteLater()
        m = theme.metrics_for(*size)
        shell = Shell(
            self.engine,
            m,
            media_dir=self.media_dir,
            translations=self.translations,
        )
        # The station's look on this widget only: the editor around it keeps its own.
        shell.setStyleSheet(theme.stylesheet(m))
        shell.setFont(m.font("body"))
        shell.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        shell.resize(*size)
        shell.show()
        self._shell, self._size = shell, size
        return shell

    def _give_back(self) -> None:
        """Put the editor's own language back (translators are application-wide)."""
        if self.ui_language is not None and self.translations.language != self.ui_language:
            self.translations.use(self.ui_language)

    def render(
        self, document: dict[str, Any], index: int, language: str, size: tuple[int, int]
    ) -> QPixmap:
        """The station's screen at step ``index`` of ``document``. Raises ``KioskError``
        (with the engine's own sentence) when the draft cannot be run that far."""
        steps = document.get("steps", ())
        if not steps:
            raise KioskError(tr("The draft has no steps yet."), next_action=tr("Add a step."))
        index = max(0, min(index, len(steps) - 1))
        try:
            pixmap = self._render(document, index, language, size)
        finally:
            self._give_back()
        if pixmap is None:
            raise KioskError(
                tr("The preview could not reach step {n}.").format(n=index + 1),
                next_action=tr("Check the steps before it."),
            )
        return pixmap

    def _render(
        self, document: dict[str, Any], index: int, language: str, size: tuple[int, int]
    ) -> QPixmap | None:
        default = str(document.get("default_language", "en"))
        self._seed(str(document["product"]), str(document["operation"]), default)
        e = self.engine
        if e.unit is not None:
            e.scrap_unit("preview")
        self._store(document)
        shell = self._shell_for(size)
        shell.pinned_language = language
        if shell.language != language:
            shell.set_language(language)
        else:
            self.translations.use(language)  # the editor's was put back after the last
        walker = Operator(
            e,
            SimulatedInputs(random.Random(1), nok_rate=0),
            operator_badge=_BADGES[Role.OPERATOR],
            lead_badge=_BADGES[Role.LINE_LEAD],
            signer_badges=dict(_BADGES),
        )
        if e.work_order is not None and e.work_order.number != _PREVIEW_WORK_ORDER:
            e.leave_work_order()
        started = False
        for action in walker.actions():
            started = started or action == "start"
            if e.unit is not None and e.position == index:
                view = e.step_view()
                if view is not None and view.status not in ("ok", "overridden", "skipped"):
                    break
            if started and e.unit is None:
                break
        if e.unit is None:
            return None
        for overlay in list(shell.overlays):
            shell.close_overlay(overlay)
        shell.refresh_all()
        shell.images.wait()
        app = QApplication.instance()
        for _ in range(3):
            app.processEvents()  # type: ignore[union-attr]
        return shell.grab()
