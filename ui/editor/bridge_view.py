"""The editor's side of the revision workflow kept on the bridge: open a revision from the
bridge, save a draft there, sign an approval, publish, and operators' feedback on the step
and revision it was raised on.

The window talks to the bridge only through :class:`kiosk.authoring.RevisionBridge` (the
composition root passes the HTTP client); every refusal becomes a sentence with the next
action (:func:`bridge_message`), shown where the person is looking: in the dialog they are
typing into, or in the bridge bar of the window.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.authoring import (
    BridgeRefused,
    OperatorFeedback,
    RevisionBridge,
    RevisionInfo,
    previous_approved,
)
from kiosk.revision_diff import diff_documents
from ui.editor import i18n as editor_i18n
from ui.editor.diffview import DiffView
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def tr(text: str) -> str:
    return editor_i18n.translate("EditorBridge", text)


def bridge_message(err: BridgeRefused) -> str:
    """The sentence and the next action for a refusal of the bridge (the bridge's own
    sentence follows for the details)."""
    messages = {
        "bridge_down": tr(
            "The bridge cannot be reached. Nothing was sent. Check the network or ask IT "
            "whether the bridge runs, then try again."
        ),
        "bridge_error": tr(
            "The bridge answered with an error. Nothing was changed. Try again; if it "
            "persists, ask IT to look at the bridge's log."
        ),
        "invalid_api_key": tr(
            "The bridge does not accept this editor's API key. Ask IT for a key "
            "(kiosk-bridge apikey add editor) and start the editor with it."
        ),
        "missing_api_key": tr(
            "The editor has no API key for the bridge. Start it with --api-key-file."
        ),
        "too_many_failures": tr(
            "Too many failed attempts from this computer. Wait a minute, then try again."
        ),
        "wrong_pin": tr(
            "That badge or user and PIN do not match anyone. Check the badge or user and "
            "type the PIN again."
        ),
        "pin_locked": tr(
            "This PIN is locked after 5 wrong attempts. Ask an administrator to set a new "
            "PIN for this person."
        ),
        "author_cannot_approve": tr(
            "You wrote this revision, so you cannot approve it. A second person with the "
            "approver role signs it."
        ),
        "not_approver": tr(
            "This person does not hold the approver role. Ask a quality approver to sign."
        ),
        "not_approved": tr(
            "A draft is never published. Have it approved first (Approve…), then publish."
        ),
        "not_draft": tr("This revision is already signed. Only a draft is approved."),
        "stale_content": tr(
            "The revision changed on the bridge after you read it. Nothing was signed. "
            "Reopen it from the bridge, read the changes and sign again."
        ),
        "approved_is_final": tr(
            "This revision is approved and is never changed. Use 'New draft from this "
            "revision' and save that draft."
        ),
        "revision_too_low": tr(
            "A newer revision is already approved. Use 'New draft from this revision' on "
            "the newest one."
        ),
        "invalid_package": tr(
            "The bridge found problems in this revision. Nothing was saved. Fix the "
            "problems listed below the preview."
        ),
        "missing_media": tr(
            "Some pictures or files did not reach the bridge. Nothing was saved. Save the "
            "draft again."
        ),
        "media_unreadable": tr(
            "A picture or file of this draft cannot be read on this computer. Nothing was "
            "saved. Drop the file onto its step again, then save."
        ),
        "body_too_large": tr(
            "A file is larger than the bridge takes (256 MiB for a picture or video). Nothing "
            "was saved. Make the file smaller, drop it again, then save."
        ),
        "superseded": tr(
            "A newer revision is already at the stations. This older one is not published."
        ),
        "obsolete": tr("This revision is obsolete: a newer one replaced it."),
        "unknown_revision": tr(
            "The bridge does not hold that revision. Save the draft to the bridge first."
        ),
        "not_an_answer": tr(
            "Feedback is answered by a later revision of the same instruction. Make a new "
            "draft, save it to the bridge, then mark the feedback answered."
        ),
    }
    sentence = messages.get(
        err.code, tr("The bridge refused: nothing was changed. Read its reason below.")
    )
    return f"{sentence}\n({err.reason})"


class CredentialFields(QWidget):
    """Badge or user and PIN, typed by the person who acts."""

    def __init__(self, user: str = "") -> None:
        super().__init__()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.user = QLineEdit(user)
        self.user.setObjectName("credential-user")
        self.pin = QLineEdit()
        self.pin.setObjectName("credential-pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("Badge or user"), self.user)
        form.addRow(tr("PIN"), self.pin)

    def values(self) -> tuple[str, str]:
        return self.user.text().strip(), self.pin.text()


class CredentialDialog(QDialog):
    """Who saves or publishes: asked once, then kept for the session (never written)."""

    def __init__(self, parent: QWidget | None, title: str, why: str, user: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("credential-dialog")
        self.setWindowTitle(title)
        col = QVBoxLayout(self)
        note = QLabel(why)
        note.setWordWrap(True)
        col.addWidget(note)
        self.fields = CredentialFields(user)
        col.addWidget(self.fields)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)


class OpenFromBridgeDialog(QDialog):
    """Revisions kept on the bridge per product and operation: drafts, approved, obsolete,
    with who wrote and who signed them."""

    def __init__(self, parent: QWidget | None, bridge: RevisionBridge) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setObjectName("open-from-bridge")
        self.setWindowTitle(tr("Open a revision from the bridge"))
        self.resize(980, 520)
        self.chosen: str | None = None
        col = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.product = QLineEdit()
        self.product.setObjectName("filter-product")
        self.product.setPlaceholderText(tr("Product (all)"))
        self.operation = QLineEdit()
        self.operation.setObjectName("filter-operation")
        self.operation.setPlaceholderText(tr("Operation (all)"))
        self.status = QComboBox()
        self.status.setObjectName("filter-status")
        for text, value in (
            (tr("Every status"), ""),
            (tr("Drafts"), "draft"),
            (tr("Approved"), "approved"),
            (tr("Obsolete"), "obsolete"),
        ):
            self.status.addItem(text, value)
        refresh = QPushButton(tr("Show"))
        refresh.clicked.connect(self.refresh)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        for w in (self.product, self.operation, self.status, refresh):
            bar.addWidget(w)
        col.addLayout(bar)
        self.table = QTreeWidget()
        self.table.setObjectName("bridge-revisions")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [
                tr("Revision"),
                tr("Product / operation"),
                tr("Status"),
                tr("Written by"),
                tr("Approval"),
                tr("Feedback"),
            ]
        )
        self.table.itemDoubleClicked.connect(lambda *_a: self.open_selected())
        col.addWidget(self.table, 1)
        self.message = QLabel("")
        self.message.setObjectName("bridge-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        col.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = buttons.addButton(tr("Open"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("open-revision")
        self.open_button.clicked.connect(self.open_selected)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)
        self.revisions: list[RevisionInfo] = []
        self.refresh()

    def refresh(self) -> None:
        self.table.clear()
        try:
            found = self.bridge.revisions(
                self.product.text().strip() or None, self.operation.text().strip() or None
            )
        except BridgeRefused as err:
            self.message.setText(bridge_message(err))
            return
        self.message.setText("")
        status = self.status.currentData()
        self.revisions = [r for r in found if not status or r.status == status]
        for rev in self.revisions:
            item = QTreeWidgetItem(
                [
                    rev.key,
                    f"{rev.product} {rev.operation}",
                    status_text(rev.status),
                    rev.author_name or rev.author,
                    approval_text(rev),
                    str(rev.open_feedback) if rev.open_feedback else "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, rev.key)
            self.table.addTopLevelItem(item)
        for i in range(6):
            self.table.resizeColumnToContents(i)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)

    def select(self, key: str) -> None:
        for i in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(i)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == key:
                self.table.setCurrentItem(item)

    def open_selected(self) -> None:
        item = self.table.currentItem()
        if item is None:
            self.message.setText(tr("Choose a revision in the list, then Open."))
            return
        self.chosen = str(item.data(0, Qt.ItemDataRole.UserRole))
        self.accept()


def status_text(status: str) -> str:
    return {"draft": tr("Draft"), "approved": tr("Approved"), "obsolete": tr("Obsolete")}.get(
        status, status
    )


def approval_text(rev: RevisionInfo) -> str:
    sig = rev.approval
    if sig is None:
        return tr("not signed")
    if sig.kind == "package":
        return tr("approved in the package file by {who}").format(who=sig.by or "?")
    return tr("{who}: “{meaning}”, {at}").format(
        who=sig.by_name or sig.by, meaning=sig.meaning, at=moment(sig.at)
    )


def moment(at: str) -> str:
    """An RFC 3339 UTC time as a person reads it: ``2026-12-02 00:20 UTC``."""
    return f"{at[:16].replace('T', ' ')} UTC" if len(at) >= 16 else at


class ApprovalDialog(QDialog):
    """The electronic signature: what is signed (revision, content hash, the changes to
    the revision approved before it), what it means, and who signs with their PIN."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        bridge: RevisionBridge,
        info: RevisionInfo,
        document: dict[str, Any],
        media_dir: Path,
        language: str,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.info = info
        self.signed: RevisionInfo | None = None
        self.setObjectName("approval")
        self.setWindowTitle(tr("Approve {key}").format(key=info.key))
        self.resize(1200, 860)
        col = QVBoxLayout(self)
        head = QLabel(
            tr(
                "<b>{key}</b> — {product} {operation}, written by {author}.<br>"
                "Content hash: <code>{sha}</code>"
            ).format(
                key=info.key,
                product=info.product,
                operation=info.operation,
                author=info.author_name or info.author,
                sha=info.content_sha256,
            )
        )
        head.setObjectName("approval-head")
        head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(head)
        self.previous: RevisionInfo | None = None
        tmp = Path(tempfile.mkdtemp(prefix="kiosk-editor-approved-"))
        old_doc: dict[str, Any] = {"revision": 0, "steps": []}  # none approved before: all new
        try:
            self.previous = previous_approved(bridge.revisions(info.product, info.operation), info)
            if self.previous is not None:
                old_doc, _ = bridge.open_revision(self.previous.key, tmp / "media")
        except BridgeRefused as err:
            col.addWidget(QLabel(bridge_message(err)))
        # What the signer judges is the content: the workflow's own fields are left out.
        self.diff_view = DiffView(
            diff_documents(_content(old_doc), _content(document)),
            tmp / "media",
            media_dir,
            language,
        )
        against = QLabel(
            tr("Changes against {key}, the revision approved before it:").format(
                key=self.previous.key
            )
            if self.previous is not None
            else tr("No revision of this operation was approved before: everything below is new.")
        )
        against.setObjectName("approval-against")
        col.addWidget(against)
        col.addWidget(self.diff_view, 1)
        meaning = QLabel(
            tr(
                "By signing you state that this revision, with exactly this content hash, "
                "is <b>approved for production</b>. Your name, the meaning and the time are "
                "recorded with it."
            )
        )
        meaning.setWordWrap(True)
        col.addWidget(meaning)
        self.fields = CredentialFields()
        col.addWidget(self.fields)
        self.message = QLabel("")
        self.message.setObjectName("approval-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c; font-weight: bold;")
        col.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = buttons.addButton(
            tr("Sign: approved for production"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_button.setObjectName("sign")
        self.sign_button.clicked.connect(self.sign)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)

    def sign(self) -> RevisionInfo | None:
        user, pin = self.fields.values()
        if not user or not pin:
            self.message.setText(tr("Type your badge or user and your PIN to sign."))
            return None
        try:
            self.signed = self.bridge.approve(self.info.key, self.info.content_sha256, user, pin)
        except BridgeRefused as err:
            self.fields.pin.clear()
            self.message.setText(bridge_message(err))
            return None
        self.accept()
        return self.signed


def _content(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k not in ("status", "approved_by", "approved_at")}


class FeedbackPanel(QWidget):
    """Operators' feedback on the revision on screen, the selected step's first."""

    def __init__(self, answer: Callable[[OperatorFeedback], None]) -> None:
        super().__init__()
        self.setObjectName("feedback")
        self.answer = answer
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(tr("Operators' feedback"))
        self.title.setObjectName("feedback-title")
        col.addWidget(self.title)
        self.list = QListWidget()
        self.list.setObjectName("feedback-list")
        self.list.setWordWrap(True)
        col.addWidget(self.list, 1)
        self.answer_button = QPushButton(tr("Mark answered in this revision"))
        self.answer_button.setObjectName("answer-feedback")
        self.answer_button.clicked.connect(self._answer)
        col.addWidget(self.answer_button)
        self.items: list[OperatorFeedback] = []

    def show_items(
        self, items: list[OperatorFeedback], revision_key: str, step_id: str | None
    ) -> None:
        """Feedback on this instruction (on ``step_id`` when a step is selected), each with
        the revision it was raised on; the revision on screen is ``revision_key``."""
        chosen = [i for i in items if not step_id or i.step_id == step_id]
        self.items = chosen
        self.list.clear()
        where = tr("this step") if step_id else tr("this revision")
        self.title.setText(
            tr("Operators' feedback on {where} ({key}): {n}").format(
                where=where, key=revision_key, n=len(chosen)
            )
        )
        for item in chosen:
            state = (
                tr("answered in {rev} by {who}").format(rev=item.answered_in, who=item.answered_by)
                if item.answered_in
                else tr("open")
            )
            row = QListWidgetItem(
                tr(
                    "{when} · {who} · unit {unit} · {station} · on {rev}, step {step}\n"
                    "{category}: {text}\n{state}"
                ).format(
                    rev=item.revision,
                    step=item.step_id or "—",
                    when=moment(item.occurred_at),
                    who=item.operator or "?",
                    unit=item.unit or "—",
                    station=item.station,
                    category=item.category,
                    text=item.text,
                    state=state,
                )
            )
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(row)
        self.answer_button.setEnabled(bool(chosen))

    def _answer(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.items):
            self.answer(self.items[row])
