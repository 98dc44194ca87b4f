"""The revision workflow's contract (draft → approved → obsolete), shared by the bridge
and the editor's client: the content hash an approval signs, and the wire models.

The content hash is over the canonical JSON of the document without the fields the
workflow itself writes (``status``, ``approved_by``, ``approved_at``): what the author wrote
and the approver read. Media are named by their sha256 inside the document, so the hash
covers their bytes too (the bridge checks each file against its name when it arrives).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, Field

from sync.protocol.wire import canonical_json

#: The meaning an approval records (21 CFR 11.50 style: who, when, what it means).
APPROVAL_MEANING = "approved for production"

#: Fields of a document the workflow writes; the content hash leaves them out.
WORKFLOW_FIELDS = frozenset({"status", "approved_by", "approved_at"})

#: The largest media file a draft may bring (videos): streamed to disk by the bridge.
MAX_MEDIA_BYTES = 256 * 1024 * 1024

RevisionState = Literal["draft", "approved", "obsolete"]


def content_sha256(document: Mapping[str, Any]) -> str:
    """The hash an approval signs: the document's canonical JSON without workflow fields."""
    content = {k: v for k, v in document.items() if k not in WORKFLOW_FIELDS}
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def revision_key(document_id: str, revision: int) -> str:
    return f"{document_id}@{revision}"


def referenced_media(document: Mapping[str, Any]) -> list[str]:
    """The sha256 of every media file a document refers to (document and steps), once each."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, Mapping):
            sha = value.get("sha256")
            if isinstance(sha, str) and isinstance(value.get("file"), str) and sha not in found:
                found.append(sha)
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(document)
    return found


Pin = Field(min_length=1, max_length=64, description="the person's PIN (6–12 digits)")


class Credential(BaseModel):
    """A person of the master data: ``user`` is their operator id or badge."""

    user: str = Field(min_length=1, max_length=128)
    pin: str = Pin


class DraftIn(BaseModel):
    """Save a draft: the document (its ``status`` is set to draft by the bridge) and its
    author, identified by badge or id and PIN."""

    document: dict[str, Any]
    author: Credential


class ApprovalIn(BaseModel):
    """An electronic signature: who signs, what it means, and the content hash they read."""

    user: str = Field(min_length=1, max_length=128)
    pin: str = Pin
    meaning: str = Field(default=APPROVAL_MEANING, min_length=1, max_length=200)
    content_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class PublishIn(BaseModel):
    """Release an approved revision to the stations (who does it is recorded)."""

    user: Credential


class AnswerIn(BaseModel):
    """Mark an operator's feedback answered by a revision (the author, identified)."""

    author: Credential
    answered_in: str = Field(min_length=3, max_length=256, description="<document_id>@<revision>")
    note: str = Field(default="", max_length=2000)


class Signature(BaseModel):
    """An approval as recorded: ``kind`` is ``bridge`` (signed here with a PIN) or
    ``package`` (published from a package file that says who approved it)."""

    kind: Literal["bridge", "package"] = "bridge"
    by: str
    by_name: str = ""
    meaning: str
    at: str
    content_sha256: str


class RevisionSummary(BaseModel):
    key: str
    document_id: str
    revision: int
    product: str
    operation: str
    status: RevisionState
    content_sha256: str
    author: str = ""
    author_name: str = ""
    created_at: str
    updated_at: str
    signature: Signature | None = None
    published_at: str | None = None
    published_by: str | None = None
    obsoleted_at: str | None = None
    obsoleted_by: str | None = Field(default=None, description="the key that replaced it")
    open_feedback: int = 0


class RevisionDetail(RevisionSummary):
    document: dict[str, Any]


class FeedbackItem(BaseModel):
    """An operator's ``instruction.feedback`` as the bridge stored it."""

    id: int
    station: str
    event_id: str
    occurred_at: str
    operator_id: str | None = None
    operator_name: str = ""
    unit_id: str | None = None
    serial: str | None = None
    revision: str | None = None
    step_id: str | None = None
    category: str = ""
    text: str = ""
    answered_in: str | None = None
    answered_by: str | None = None
    answered_at: str | None = None
    answer_note: str = ""
