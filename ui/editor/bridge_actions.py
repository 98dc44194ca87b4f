"""The editor window's bridge actions: Open from bridge, Save draft to bridge, Approve…,
Publish, and the feedback panel. Nothing is saved or published half: each action is one
call the bridge takes whole or refuses, and a refusal is shown with the next action in the
bridge bar (or in the approval dialog while someone signs)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.authoring import BridgeRefused, Draft, OperatorFeedback, RevisionBridge, RevisionInfo
from ui.editor import i18n as editor_i18n
from ui.editor.bridge_view import (
    ApprovalDialog,
    CredentialDialog,
    FeedbackPanel,
    OpenFromBridgeDialog,
    approval_text,
    bridge_message,
    status_text,
    tr,
)
from ui.qt import (
    QAction,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ui.editor.window import EditorWindow


class BridgeActions:
    """Wires one :class:`RevisionBridge` into an editor window."""

    def __init__(self, window: EditorWindow, bridge: RevisionBridge) -> None:
        self.window = window
        self.bridge = bridge
        self.info: RevisionInfo | None = None
        self.author: tuple[str, str] | None = None  # kept in memory for the session only
        self.feedback_items: list[OperatorFeedback] = []
        bar = window.addToolBar(tr("Bridge"))
        bar.setObjectName("bridge-toolbar")
        for name, text, slot in (
            ("open-bridge", tr("Open from bridge…"), self.open_dialog),
            ("save-bridge", tr("Save draft to bridge"), self.save_draft),
            ("approve", tr("Approve…"), self.approve),
            ("publish", tr("Publish"), self.publish),
            ("sign-out", tr("Sign out"), self.sign_out),
        ):
            act = QAction(text, window)
            act.setObjectName(name)
            act.triggered.connect(slot)
            bar.addAction(act)
        dock = QDockWidget(tr("Bridge"), window)
        dock.setObjectName("bridge-dock")
        body = QWidget()
        row = QHBoxLayout(body)
        # Left, what the bridge says about the revision on screen and the last message;
        # right, operators' feedback. The left side scrolls rather than squeeze its text.
        words = QWidget()
        col = QVBoxLayout(words)
        self.state = QLabel("")
        self.state.setObjectName("bridge-state")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(self.state)
        self.message = QLabel("")
        self.message.setObjectName("bridge-message")
        self.message.setWordWrap(True)
        col.addWidget(self.message)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(words)
        row.addWidget(scroll, 2)
        self.panel = FeedbackPanel(self.answer)
        row.addWidget(self.panel, 3)
        dock.setWidget(body)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        window.resizeDocks([dock], [280], Qt.Orientation.Vertical)
        window.selection_listeners.append(self._selection_changed)
        window.step_marks = self._step_mark
        self.show_state()

    # --- what is on screen ----------------------------------------------------------------

    @property
    def document(self) -> dict[str, Any]:
        return self.window.draft.document

    def key(self) -> str:
        return f"{self.document.get('id')}@{self.document.get('revision')}"

    def say(self, text: str, *, problem: bool = False) -> None:
        self.message.setStyleSheet("color: #b71c1c; font-weight: bold;" if problem else "")
        self.message.setText(text)

    def refused(self, err: BridgeRefused) -> None:
        self.say(bridge_message(err), problem=True)

    def show_state(self) -> None:
        info = self.info if self.info is not None and self.info.key == self.key() else None
        if info is None:
            text = tr("Bridge {url}: {key} is not on the bridge yet.").format(
                url=self.bridge.url, key=self.key()
            )
        else:
            text = tr("Bridge {url}: {key} is {status}, written by {author}; {approval}.").format(
                url=self.bridge.url,
                key=info.key,
                status=status_text(info.status),
                author=info.author_name or info.author or "?",
                approval=approval_text(info),
            )
            if info.published_at:
                text += " " + tr("At the stations since {at}.").format(at=info.published_at)
            if info.obsoleted_by:
                text += " " + tr("Replaced by {key}.").format(key=info.obsoleted_by)
            text += "\n" + tr("Content hash: {sha}").format(sha=info.content_sha256)
        if self.author is not None:
            text += "\n" + tr("Saving and publishing as {user} (Sign out to change).").format(
                user=self.author[0]
            )
        self.state.setText(text)

    def _selection_changed(self, index: int) -> None:
        steps = self.document.get("steps", ())
        step_id = str(steps[index]["id"]) if 0 <= index < len(steps) else None
        self.panel.show_items(self.feedback_items, self.key(), step_id)

    def _step_mark(self, step: dict[str, Any]) -> str:
        n = sum(1 for i in self.feedback_items if i.step_id == step.get("id") and not i.answered_in)
        return f"💬{n} " if n else ""

    def refresh_feedback(self) -> None:
        try:
            self.feedback_items = self.bridge.feedback(str(self.document.get("id")))
        except BridgeRefused as err:
            self.feedback_items = []
            self.refused(err)
        self.window.refresh_steps()

    def _credentials(self, title: str, why: str) -> tuple[str, str] | None:
        if self.author is not None:
            return self.author
        dialog = CredentialDialog(self.window, title, why)
        if dialog.exec() != CredentialDialog.DialogCode.Accepted:
            return None
        user, pin = dialog.fields.values()
        if not user or not pin:
            return None
        return user, pin

    # --- actions --------------------------------------------------------------------------

    def sign_out(self) -> None:
        """Forget the author's badge and PIN (the next save or publish asks again)."""
        self.author = None
        self.say(tr("Signed out: the next save or publish asks who you are."))
        self.show_state()

    def open_dialog(self) -> None:
        dialog = OpenFromBridgeDialog(self.window, self.bridge)
        if dialog.exec() == OpenFromBridgeDialog.DialogCode.Accepted and dialog.chosen:
            self.open_key(dialog.chosen)

    def open_key(self, key: str) -> bool:
        """Open a revision kept on the bridge (media fetched and checked by hash)."""
        workdir = Path(tempfile.mkdtemp(prefix="kiosk-editor-"))
        try:
            document, info = self.bridge.open_revision(key, workdir / "media")
        except BridgeRefused as err:
            self.refused(err)
            return False
        self.info = info
        self.window.load_draft(Draft(document, workdir, None))
        self.window.mark_opened()
        self.say(tr("Opened {key} from the bridge.").format(key=key))
        self.show_state()
        self.refresh_feedback()
        return True

    def save_draft(self) -> RevisionInfo | None:
        """Send the revision on screen to the bridge as a draft (its media first)."""
        window = self.window
        window.check()
        if window.errors:
            self.say(
                editor_i18n.translate(
                    "EditorBridge",
                    "Nothing was sent: the revision has %n problems. Fix them (listed below "
                    "the preview), then save the draft again.",
                    len(window.errors),
                ),
                problem=True,
            )
            return None
        if self.document.get("status") in ("approved", "obsolete"):
            self.say(
                tr(
                    "This revision is approved and is never changed. Use 'New draft from this "
                    "revision', then save the draft to the bridge."
                ),
                problem=True,
            )
            return None
        creds = self._credentials(
            tr("Save the draft to the bridge"),
            tr("You are recorded as the author of this draft: your badge or user and PIN."),
        )
        if creds is None:
            return None
        try:
            info = self.bridge.save_draft(self.document, window.draft.workdir / "media", *creds)
        except BridgeRefused as err:
            if err.code in ("wrong_pin", "pin_locked"):
                self.author = None
            self.refused(err)
            return None
        self.author = creds
        self.info = info
        self.document["status"] = "draft"
        window.mark_opened()
        window.dirty = False
        window.update_title()
        self.say(
            tr(
                "Saved {key} to the bridge as a draft. Next: an approver who did not write it "
                "signs it (Approve…)."
            ).format(key=info.key)
        )
        self.show_state()
        self.refresh_feedback()
        return info

    def _bridge_info(self) -> RevisionInfo | None:
        try:
            found = self.bridge.revisions(
                str(self.document.get("product")), str(self.document.get("operation"))
            )
        except BridgeRefused as err:
            self.refused(err)
            return None
        info = next((r for r in found if r.key == self.key()), None)
        if info is None:
            self.say(
                tr("{key} is not on the bridge. Save the draft to the bridge first.").format(
                    key=self.key()
                ),
                problem=True,
            )
        return info

    def approval_dialog(self) -> ApprovalDialog | None:
        """The signing dialog for the revision on screen, once it is the draft on the
        bridge exactly (same content hash); else the reason in the bridge bar."""
        info = self._bridge_info()
        if info is None:
            return None
        self.info = info
        self.show_state()
        if info.status != "draft":
            self.say(bridge_message(BridgeRefused("not_draft", info.key)), problem=True)
            return None
        if self.bridge.content_hash(self.document) != info.content_sha256:
            self.say(
                tr(
                    "The revision on screen differs from the draft on the bridge. Save the "
                    "draft to the bridge first, then approve it."
                ),
                problem=True,
            )
            return None
        language = str(self.window.lang_combo.currentData() or "en")
        return ApprovalDialog(
            self.window,
            bridge=self.bridge,
            info=info,
            document=json.loads(json.dumps(self.document)),
            media_dir=self.window.draft.workdir / "media",
            language=language,
        )

    def approve(self) -> None:
        dialog = self.approval_dialog()
        if dialog is not None and dialog.exec() == ApprovalDialog.DialogCode.Accepted:
            self.signed(dialog)

    def signed(self, dialog: ApprovalDialog) -> None:
        info = dialog.signed
        if info is None or info.approval is None:
            return
        self.info = info
        self.document.update(
            status="approved",
            approved_by=info.approval.by_name or info.approval.by,
            approved_at=info.approval.at,
        )
        self.window.mark_opened()
        self.window.update_title()
        self.say(
            tr("{key} is approved by {who}. Next: Publish sends it to the stations.").format(
                key=info.key, who=info.approval.by_name or info.approval.by
            )
        )
        self.show_state()

    def publish(self) -> RevisionInfo | None:
        if self.window.dirty:
            self.say(
                tr(
                    "The revision on screen has changes that are not on the bridge; they are "
                    "not published. Save them as a new draft, or reopen the revision."
                ),
                problem=True,
            )
            return None
        creds = self._credentials(
            tr("Publish to the stations"), tr("You are recorded as the person who published it.")
        )
        if creds is None:
            return None
        try:
            info = self.bridge.publish(self.key(), *creds)
        except BridgeRefused as err:
            if err.code in ("wrong_pin", "pin_locked"):
                self.author = None
            self.refused(err)
            return None
        self.author = creds
        self.info = info
        self.say(
            tr("Published {key}: the stations take it on their next pull.").format(key=info.key)
        )
        self.show_state()
        return info

    def answer(self, item: OperatorFeedback) -> None:
        """Mark ``item`` answered by the revision on screen (saved on the bridge)."""
        self.answer_feedback(item)

    def answer_feedback(self, item: OperatorFeedback) -> OperatorFeedback | None:
        creds = self._credentials(
            tr("Mark the feedback answered"), tr("You are recorded as the author who answered.")
        )
        if creds is None:
            return None
        try:
            done = self.bridge.answer(item.id, self.key(), *creds)
        except BridgeRefused as err:
            self.refused(err)
            return None
        self.author = creds
        self.say(tr("Marked answered in {key}.").format(key=self.key()))
        self.refresh_feedback()
        return done
