"""``kiosk editor``: the instruction authoring window (a normal desktop window).

Left, the document and its steps (drag to reorder); middle, the form of what is selected;
right, the live preview as the station shows it; below, every problem the package validator
finds, each pinned to its field. Save writes a valid package or nothing.

Not split (about 590 lines): the window's menus, list, form, preview and problems work on
one draft and one selection.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.authoring import Draft, duplicate_step, missing_translations, new_step, next_draft
from kiosk.domain import StepKind
from kiosk.errors import KioskError, PackageError, PackageProblem
from kiosk.revision_diff import diff_documents
from ui import messages
from ui.editor import i18n as editor_i18n
from ui.editor.diffview import DiffView
from ui.editor.forms import (
    KIND_LABELS,
    DocumentForm,
    FormBase,
    StepForm,
    media_kind,
    problems_by_scope,
    status_label,
)
from ui.editor.media_check import check_media
from ui.editor.preview import PANEL_SIZES, PreviewStation
from ui.qt import (
    QAbstractItemView,
    QAction,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPixmap,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from kiosk.authoring import RevisionBridge
    from ui.editor.bridge_actions import BridgeActions

log = logging.getLogger("ui.editor")

_DOC_ROW = -1


def tr(text: str) -> str:
    return editor_i18n.translate("Editor", text)


def trn(text: str, n: int) -> str:
    """``text`` with ``%n`` in the plural form for ``n`` (Qt's numerus forms)."""
    return editor_i18n.translate("Editor", text, n)


class EditorWindow(QMainWindow):
    def __init__(self, draft: Draft, language: str | None = None) -> None:
        super().__init__()
        self.draft = draft
        #: the editor's own language (its menus and forms); the preview has its own
        self.language = language
        self.errors: list[PackageProblem] = []
        self.warnings: list[PackageProblem] = []
        self.dirty = False
        self.preview_station: PreviewStation | None = None
        self.preview_error = ""
        self.form: FormBase | None = None
        self.selected = _DOC_ROW
        # Hooks for the bridge actions (ui.editor.bridge_actions): told the selected row,
        # asked for a mark per step (open feedback).
        self.selection_listeners: list[Callable[[int], None]] = []
        self.step_marks: Callable[[dict[str, Any]], str] = lambda _step: ""
        self.bridge_actions: BridgeActions | None = None
        self.resize(1600, 950)

        self.check_timer = QTimer(self, singleShot=True, interval=250)
        self.check_timer.timeout.connect(self.check)
        self.preview_timer = QTimer(self, singleShot=True, interval=350)
        self.preview_timer.timeout.connect(self.refresh_preview)

        self._build_actions()
        split = QSplitter(Qt.Orientation.Horizontal)
        self.setCentralWidget(split)

        left = QWidget()
        lcol = QVBoxLayout(left)
        self.steps = QListWidget()
        self.steps.setObjectName("steps")
        self.steps.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.steps.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.steps.model().rowsMoved.connect(self._rows_moved)
        self.steps.currentRowChanged.connect(self._row_changed)
        lcol.addWidget(self.steps, 1)
        buttons = QHBoxLayout()
        self.add_button = QToolButton()
        self.add_button.setObjectName("add-step")
        self.add_button.setText(tr("Add step"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_button)
        for kind in StepKind:
            act = menu.addAction(tr(KIND_LABELS[kind]))
            act.setObjectName(f"add-{kind.value}")
            act.triggered.connect(lambda _c=False, kind=kind: self.add_step(kind))
        self.add_button.setMenu(menu)
        buttons.addWidget(self.add_button)
        dup = QPushButton(tr("Duplicate"))
        dup.clicked.connect(self.duplicate_current)
        buttons.addWidget(dup)
        rm = QPushButton(tr("Delete"))
        rm.setObjectName("delete-step")
        rm.clicked.connect(self.delete_current)
        buttons.addWidget(rm)
        lcol.addLayout(buttons)
        split.addWidget(left)

        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        split.addWidget(self.form_area)

        right = QWidget()
        rcol = QVBoxLayout(right)
        bar = QHBoxLayout()
        self.size_combo = QComboBox()
        self.size_combo.setObjectName("preview-size")
        for w, h in PANEL_SIZES:
            self.size_combo.addItem(f"{w}×{h}", (w, h))
        self.size_combo.currentIndexChanged.connect(lambda _i: self.preview_timer.start())
        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("preview-language")
        self.lang_combo.currentIndexChanged.connect(lambda _i: self.preview_timer.start())
        bar.addWidget(QLabel(tr("Preview")))
        bar.addWidget(self.size_combo)
        bar.addWidget(self.lang_combo)
        bar.addStretch(1)
        rcol.addLayout(bar)
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setMinimumSize(480, 300)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #263238; color: #eceff1;")
        rcol.addWidget(self.preview, 1)
        self.preview_note = QLabel("")
        self.preview_note.setObjectName("preview-note")
        self.preview_note.setWordWrap(True)
        rcol.addWidget(self.preview_note)
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        self.problems.setMaximumHeight(220)
        self.problems.setWordWrap(True)
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems.itemClicked.connect(self._go_to_problem)
        rcol.addWidget(QLabel(tr("Problems")))
        rcol.addWidget(self.problems)
        split.addWidget(right)
        split.setSizes([300, 640, 660])
        self.preview_pixmap: QPixmap | None = None
        self.load_draft(draft)

    # --- actions ------------------------------------------------------------------------

    def _build_actions(self) -> None:
        bar = self.addToolBar(tr("File"))
        bar.setObjectName("toolbar")

        def action(name: str, text: str, slot: Any, key: Any = None) -> QAction:
            act = QAction(tr(text), self)
            act.setObjectName(name)
            if key is not None:
                act.setShortcut(key)
            act.triggered.connect(slot)
            bar.addAction(act)
            return act

        action("open", "Open…", self.open_dialog, QKeySequence.StandardKey.Open)
        self.save_action = action("save", "Save", self.save, QKeySequence.StandardKey.Save)
        action("save-as", "Save as…", self.save_as, QKeySequence.StandardKey.SaveAs)
        action("new-draft", "New draft from this revision", self.make_next_draft)
        action("diff", "Compare with…", self.diff_dialog)

    # --- loading ------------------------------------------------------------------------

    def load_draft(self, draft: Draft) -> None:
        self.draft = draft
        if self.preview_station is not None:
            self.preview_station.close()
        self.preview_station = PreviewStation(draft.workdir / "media", self.language)
        self.dirty = False
        self._fill_languages(opened=True)
        self._fill_steps(select=_DOC_ROW)
        self.check()
        self._update_title()

    def _fill_languages(self, opened: bool = False) -> None:
        """The preview's languages: the document's. A document just opened is previewed in
        the editor's own language when it has it; else the choice on screen stays."""
        current = self.lang_combo.currentData()
        if opened and self.language in self.draft.document.get("languages", ()):
            current = self.language
        self.lang_combo.blockSignals(True)
        self.lang_combo.clear()
        for lang in self.draft.document.get("languages", ["en"]):
            self.lang_combo.addItem(str(lang).upper(), str(lang))
        index = self.lang_combo.findData(current)
        self.lang_combo.setCurrentIndex(max(0, index))
        self.lang_combo.blockSignals(False)

    def _fill_steps(self, select: int) -> None:
        doc = self.draft.document
        scoped = problems_by_scope(self.errors)
        missing = missing_translations(doc)
        self.steps.blockSignals(True)
        self.steps.clear()
        head = QListWidgetItem(
            tr("Document: {id} revision {rev}").format(
                id=doc.get("id", "?"), rev=doc.get("revision", "?")
            )
        )
        head.setData(Qt.ItemDataRole.UserRole, _DOC_ROW)
        head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
        if "document" in scoped:
            head.setText("⚠ " + head.text())
        self.steps.addItem(head)
        lang = str(doc.get("default_language", "en"))
        for i, step in enumerate(doc.get("steps", ())):
            kind = str(step.get("kind"))
            title = str((step.get("title") or {}).get(lang, "")) or str(step.get("id"))
            known = kind in {k.value for k in StepKind}
            text = f"{i + 1}. {title}  · {tr(KIND_LABELS[StepKind(kind)]) if known else kind}"
            marks = ""
            if str(i) in scoped:
                marks += "⚠ "
            if any(p.startswith(f"document.steps[{i}].") for p in missing):
                marks += "🌐 "
            marks += self.step_marks(step)
            item = QListWidgetItem(marks + text)
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setToolTip(tr("Missing translations") if "🌐" in marks else "")
            self.steps.addItem(item)
        self.steps.blockSignals(False)
        self.steps.setCurrentRow(select + 1)
        self._show_form(select)

    def _show_form(self, index: int) -> None:
        self.selected = index
        doc = self.draft.document
        form: FormBase
        if index == _DOC_ROW or index >= len(doc.get("steps", ())):
            self.selected = _DOC_ROW
            form = DocumentForm(doc)
        else:
            step_form = StepForm(
                doc["steps"][index], doc, self.draft.workdir / "media", self._add_media
            )
            step_form.kind_changed.connect(lambda: QTimer.singleShot(0, self._rebuild_form))
            form = step_form
        form.edited.connect(self._edited)
        form.rebuild.connect(lambda: QTimer.singleShot(0, self._rebuild_form))
        old = self.form_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.form_area.setWidget(form)
        self.form = form
        self._pin_problems()
        self.preview_timer.start()
        for listener in self.selection_listeners:
            listener(self.selected)

    def refresh_steps(self) -> None:
        self._fill_steps(select=self.selected)

    def attach_bridge(self, bridge: RevisionBridge) -> BridgeActions:
        """Keep revisions on ``bridge``: open, save drafts, approve, publish, feedback."""
        from ui.editor.bridge_actions import BridgeActions

        self.bridge_actions = BridgeActions(self, bridge)
        self.bridge_actions.refresh_feedback()
        return self.bridge_actions

    def _rebuild_form(self) -> None:
        self._fill_languages()
        self._fill_steps(select=self.selected)

    # --- editing ------------------------------------------------------------------------

    def _edited(self) -> None:
        self.dirty = True
        self._update_title()
        self.check_timer.start()
        self.preview_timer.start()

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        item = self.steps.item(row)
        index = item.data(Qt.ItemDataRole.UserRole)
        if index != self.selected or self.form is None:
            self._show_form(int(index))

    def _rows_moved(self, *_args: Any) -> None:
        """A drag reordered the list: reorder the steps to match (the document row stays
        on top)."""
        order = [
            self.steps.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.steps.count())
        ]
        steps = self.draft.document.get("steps", [])
        new_order = [steps[i] for i in order if i != _DOC_ROW]
        current = steps[self.selected] if self.selected != _DOC_ROW else None
        self.draft.document["steps"] = new_order
        self.selected = new_order.index(current) if current is not None else _DOC_ROW
        self._edited()
        QTimer.singleShot(0, self._rebuild_form)

    def move_step(self, old: int, new: int) -> None:
        """Move step ``old`` to position ``new`` (what a drag in the list does)."""
        steps = self.draft.document["steps"]
        steps.insert(new, steps.pop(old))
        self.selected = new
        self._edited()
        self._fill_steps(select=new)

    def add_step(self, kind: StepKind) -> None:
        doc = self.draft.document
        at = self.selected + 1 if self.selected != _DOC_ROW else len(doc.get("steps", ()))
        doc.setdefault("steps", []).insert(at, new_step(kind, doc))
        self._edited()
        self._fill_steps(select=at)

    def duplicate_current(self) -> None:
        if self.selected == _DOC_ROW:
            return
        doc = self.draft.document
        doc["steps"].insert(self.selected + 1, duplicate_step(doc, self.selected))
        self._edited()
        self._fill_steps(select=self.selected + 1)

    def delete_current(self) -> None:
        if self.selected == _DOC_ROW:
            return
        del self.draft.document["steps"][self.selected]
        self._edited()
        self._fill_steps(select=max(_DOC_ROW, self.selected - 1))

    def _add_media(self, file: Path) -> dict[str, Any] | str:
        kind = media_kind(file)
        if kind is None:
            return tr(
                "{name}: a station shows pictures (.jpg, .png, .webp), videos (.mp4, .webm) "
                "and drawings (.pdf). Convert the file to one of these."
            ).format(name=file.name)
        reason = check_media(file, kind)
        if reason is not None:
            return reason
        try:
            return self.draft.add_media(file)
        except (OSError, ValueError) as err:
            return str(err)

    # --- checking -----------------------------------------------------------------------

    def check(self) -> None:
        self.errors, self.warnings = self.draft.check()
        self.problems.clear()
        for p in self.errors:
            item = QListWidgetItem(f"✖ {p.path}: {p.reason}")
            item.setData(Qt.ItemDataRole.UserRole, p.path)
            self.problems.addItem(item)
        for p in self.warnings:
            item = QListWidgetItem(f"△ {p.path}: {p.reason}")
            item.setData(Qt.ItemDataRole.UserRole, p.path)
            self.problems.addItem(item)
        if not self.errors and not self.warnings:
            self.problems.addItem(QListWidgetItem(tr("✔ No problems: this package is valid.")))
        self.save_action.setEnabled(not self.errors)
        self._mark_step_rows()
        self._pin_problems()

    def _mark_step_rows(self) -> None:
        scoped = problems_by_scope(self.errors)
        for r in range(self.steps.count()):
            item = self.steps.item(r)
            index = item.data(Qt.ItemDataRole.UserRole)
            key = "document" if index == _DOC_ROW else str(index)
            text = item.text().removeprefix("⚠ ")
            item.setText(("⚠ " if key in scoped else "") + text)

    def _pin_problems(self) -> None:
        if self.form is None:
            return
        scoped = problems_by_scope(self.errors)
        key = "document" if self.selected == _DOC_ROW else str(self.selected)
        self.form.show_problems(scoped.get(key, {}))

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        path = str(item.data(Qt.ItemDataRole.UserRole) or "")
        if path.startswith("document.steps["):
            index = int(path[len("document.steps[") :].split("]", 1)[0])
        else:
            index = _DOC_ROW
        if index != self.selected:
            self._fill_steps(select=index)

    # --- preview ------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        station = self.preview_station
        if station is None:
            return
        if self.errors:
            if self.preview_pixmap is None:
                self.preview.setText(tr("The preview appears once the package is valid."))
            self.preview_note.setText(
                trn(
                    "The preview shows the last valid state: fix %n problems to update it.",
                    len(self.errors),
                )
            )
            return
        size = self.size_combo.currentData() or PANEL_SIZES[0]
        lang = self.lang_combo.currentData() or self.draft.document.get("default_language", "en")
        index = 0 if self.selected == _DOC_ROW else self.selected
        try:
            pixmap = station.render(self.draft.document, index, str(lang), tuple(size))
        except KioskError as err:
            sentence, next_action = messages.explain(
                str(getattr(err, "code", "")),
                dict(getattr(err, "params", {}) or {}),
                err.message,
                err.next_action,
            )
            self.preview_note.setText(f"{sentence} {next_action}".strip())
            return
        except Exception as err:  # a preview never takes the editor down
            log.exception("preview failed")
            self.preview_note.setText(tr("The preview failed: {err}").format(err=err))
            return
        self.preview_pixmap = pixmap
        self.preview_note.setText(
            tr("Step {n} as the station shows it at {w}×{h}, {lang}.").format(
                n=index + 1, w=size[0], h=size[1], lang=str(lang).upper()
            )
        )
        self._show_pixmap()

    def _show_pixmap(self) -> None:
        if self.preview_pixmap is None:
            return
        self.preview.setPixmap(
            self.preview_pixmap.scaled(
                self.preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._show_pixmap()

    # --- files --------------------------------------------------------------------------

    def update_title(self) -> None:
        self._update_title()
        if self.bridge_actions is not None:
            self.bridge_actions.show_state()

    def _update_title(self) -> None:
        doc = self.draft.document
        where = str(self.draft.source) if self.draft.source else tr("new package")
        self.setWindowTitle(
            ("● " if self.dirty else "")
            + tr("{id} revision {rev} ({status}) — {where} — Instruction editor").format(
                id=doc.get("id", "?"),
                rev=doc.get("revision", "?"),
                status=status_label(doc.get("status", "?")),
                where=where,
            )
        )

    def save_to(self, target: Path) -> list[PackageProblem]:
        """Save to ``target``; returns the errors that stopped it (nothing written then)."""
        if self.draft.document.get("status") == "approved" and self._changed_since_open():
            return [
                PackageProblem(
                    "package.json",
                    "document.status",
                    tr(
                        "An approved revision is never edited in place. Use 'New draft from "
                        "this revision' and save the draft."
                    ),
                )
            ]
        try:
            errors = self.draft.save(target)
        except OSError as err:
            errors = [PackageProblem(str(target), "", tr("Cannot write: {err}").format(err=err))]
        if not errors:
            self.dirty = False
            self._opened = json.dumps(self.draft.document, sort_keys=True)
            self._update_title()
        self.check()
        return errors

    _opened: str | None = None

    def mark_opened(self) -> None:
        """What is on screen now is what was opened (an approved one stays read-only)."""
        self._opened = json.dumps(self.draft.document, sort_keys=True)

    def _changed_since_open(self) -> bool:
        if self._opened is None:
            return self.dirty
        return json.dumps(self.draft.document, sort_keys=True) != self._opened

    def save(self) -> None:
        if self.draft.source is None or self.draft.source.name == "package.json":
            self.save_as()
            return
        self._report_save(self.save_to(self.draft.source))

    def save_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Save the package as"), "", tr("Package folder or .zip (*)")
        )
        if name:
            self._report_save(self.save_to(Path(name)))

    def _report_save(self, errors: list[PackageProblem]) -> None:
        if errors:
            QMessageBox.warning(
                self,
                tr("Not saved"),
                trn("Nothing was written: the package has %n problems.", len(errors))
                + "\n\n"
                + "\n".join(f"{p.path}: {p.reason}" for p in errors[:10]),
            )
        else:
            self.statusBar().showMessage(tr("Saved {path}").format(path=self.draft.source), 5000)

    def open_dialog(self) -> None:
        name = QFileDialog.getExistingDirectory(self, tr("Open a package folder"))
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> str | None:
        """Open a package; returns the reason when it cannot be opened."""
        workdir = Path(tempfile.mkdtemp(prefix="kiosk-editor-"))
        try:
            draft = Draft.open(path, workdir)
        except PackageError as err:
            reason = "\n".join(f"{p.file}: {p.path}: {p.reason}" for p in err.problems)
            self.statusBar().showMessage(reason, 10000)
            return reason
        self.load_draft(draft)
        self._opened = json.dumps(draft.document, sort_keys=True)
        return None

    def make_next_draft(self) -> None:
        """A new draft (revision + 1) from the revision on screen; saved elsewhere."""
        self.draft.document = next_draft(self.draft.document)
        self.draft.source = None
        self._opened = None
        self.dirty = True
        self._fill_steps(select=self.selected)
        self.check()
        self.update_title()

    def diff_dialog(self) -> None:
        name = QFileDialog.getExistingDirectory(self, tr("Compare with which package?"))
        if name:
            self.show_diff(Path(name))

    def show_diff(self, other: Path) -> DiffView | str:
        workdir = Path(tempfile.mkdtemp(prefix="kiosk-editor-diff-"))
        try:
            old = Draft.open(other, workdir)
        except PackageError as err:
            return "\n".join(p.reason for p in err.problems)
        view = DiffView(
            diff_documents(old.document, self.draft.document),
            old.workdir / "media",
            self.draft.workdir / "media",
            str(self.lang_combo.currentData() or "en"),
        )
        view.setParent(self, Qt.WindowType.Window)
        view.show()
        self._diff_view = view
        return view

    def closeEvent(self, event: Any) -> None:
        if self.preview_station is not None:
            self.preview_station.close()
            self.preview_station = None
        super().closeEvent(event)
