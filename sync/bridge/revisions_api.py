"""HTTP routes of the revision workflow (``/api/v1/authoring/…``), behind an API key like
the ERP side; the person acting (author, approver) is identified in the body by badge or
id and PIN. Thin: each hands over to :class:`sync.bridge.revisions.Revisions`."""

from __future__ import annotations

import tempfile
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi import Path as PathParam

from sync.bridge.base import BridgeProblem
from sync.bridge.revisions import Revisions
from sync.protocol import API_PREFIX, SHA256_RE, MediaStored
from sync.protocol.revisions import (
    AnswerIn,
    ApprovalIn,
    DraftIn,
    FeedbackItem,
    PublishIn,
    RevisionDetail,
    RevisionSummary,
    revision_key,
)

DocumentId = Annotated[str, PathParam(min_length=1, max_length=128, pattern=r"^[^\x00-\x1f/]+$")]
RevisionNo = Annotated[int, PathParam(ge=1, le=2**31)]
Sha256 = Annotated[str, PathParam(pattern=SHA256_RE)]
Filter = Annotated[str | None, Query(max_length=128)]

BASE = f"{API_PREFIX}/authoring"


def mount(app: FastAPI, bridge: Revisions, erp: Any, problems: dict[int | str, Any]) -> None:
    """Add the authoring routes to ``app``; ``erp`` is the API-key dependency."""
    # every route: the API key, the authoring tag, the problem answers
    router = APIRouter(prefix=BASE, tags=["authoring"], dependencies=[erp], responses=problems)
    one = "/revisions/{document_id}/{revision}"

    @router.get(
        "/revisions",
        response_model=list[RevisionSummary],
    )
    def list_revisions(
        product: Filter = None,
        operation: Filter = None,
        document_id: Filter = None,
        status: Annotated[str | None, Query(pattern="^(draft|approved|obsolete)$")] = None,
    ) -> list[RevisionSummary]:
        """Revisions kept on the bridge (drafts, approved, obsolete), newest first."""
        return bridge.list_revisions(
            product=product, operation=operation, document_id=document_id, status=status
        )

    @router.get(one, response_model=RevisionDetail)
    def get_revision(document_id: DocumentId, revision: RevisionNo) -> RevisionDetail:
        """One revision with its document and signature."""
        found = bridge.get_revision(revision_key(document_id, revision))
        if found is None:
            raise BridgeProblem(
                404, "unknown_revision", f"the bridge holds no revision {document_id}@{revision}"
            )
        return found

    @router.put(one, response_model=RevisionSummary)
    def save_draft(document_id: DocumentId, revision: RevisionNo, body: DraftIn) -> RevisionSummary:
        """Save a draft (its media uploaded first); an approved revision is never changed."""
        doc = body.document
        if doc.get("id") != document_id or doc.get("revision") != revision:
            raise BridgeProblem(
                422, "id_mismatch", "the URL names <document_id>/<revision> of the document"
            )
        return bridge.save_draft(body)

    @router.post(
        f"{one}/approve",
        response_model=RevisionSummary,
    )
    def approve(document_id: DocumentId, revision: RevisionNo, body: ApprovalIn) -> RevisionSummary:
        """Sign a draft approved: an approver who is not its author, with their PIN, for the
        content hash they read."""
        return bridge.approve(revision_key(document_id, revision), body)

    @router.post(
        f"{one}/publish",
        response_model=RevisionSummary,
    )
    def publish(document_id: DocumentId, revision: RevisionNo, body: PublishIn) -> RevisionSummary:
        """Release an approved revision to the stations (a draft is refused)."""
        return bridge.publish_revision(revision_key(document_id, revision), body.user)

    @router.put(
        "/media/{sha256}",
        response_model=MediaStored,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/octet-stream": {"schema": {"type": "string"}}},
            }
        },
    )
    async def put_media(sha256: Sha256, request: Request) -> MediaStored:
        """A draft's media file (up to 256 MiB, streamed to disk); stations get it only with
        a published revision."""
        kind = request.headers.get("content-type", "application/octet-stream")
        size = 0
        with tempfile.TemporaryFile(dir=bridge.media_dir) as spool:
            async for chunk in request.stream():
                spool.write(chunk)
                size += len(chunk)
            spool.seek(0)
            bridge.add_draft_media(spool, sha256=sha256, media_type=kind)
        return MediaStored(sha256=sha256, size=size)

    @router.get(
        "/feedback",
        response_model=list[FeedbackItem],
    )
    def feedback(
        revision: Annotated[str | None, Query(max_length=256)] = None,
        document_id: Filter = None,
        step_id: Filter = None,
    ) -> list[FeedbackItem]:
        """Operators' feedback ("problem with this step") per revision and step."""
        return bridge.feedback(revision=revision, document_id=document_id, step_id=step_id)

    @router.post(
        "/feedback/{feedback_id}/answer",
        response_model=FeedbackItem,
    )
    def answer(
        feedback_id: Annotated[int, PathParam(ge=1, le=2**62)], body: AnswerIn
    ) -> FeedbackItem:
        """Mark one feedback answered by a later revision."""
        return bridge.answer_feedback(feedback_id, body)

    app.include_router(router)
