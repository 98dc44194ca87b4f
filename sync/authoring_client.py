"""The editor's client of the bridge's revision workflow (``/api/v1/authoring``): the HTTP
side of :class:`kiosk.authoring.RevisionBridge`, given to the editor by ``kiosk editor``.

Every failure is a :class:`kiosk.authoring.BridgeRefused`: the bridge's own ``code`` and
sentence when it answers ``{code, reason, detail}``, ``bridge_down`` when it cannot be
reached, ``bridge_error`` when it answers something else. Nothing is retried behind the
person's back: each call is one action they asked for.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import requests

from kiosk.authoring import Approval, BridgeRefused, OperatorFeedback, RevisionInfo
from sync.protocol import API_PREFIX
from sync.protocol.revisions import (
    AnswerIn,
    ApprovalIn,
    Credential,
    DraftIn,
    FeedbackItem,
    PublishIn,
    RevisionDetail,
    RevisionSummary,
    content_sha256,
    referenced_media,
)

log = logging.getLogger("sync.authoring")

MEDIA_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "mp4": "video/mp4",
    "webm": "video/webm",
    "pdf": "application/pdf",
}


def _info(rev: RevisionSummary) -> RevisionInfo:
    sig = rev.signature
    return RevisionInfo(
        key=rev.key,
        document_id=rev.document_id,
        revision=rev.revision,
        product=rev.product,
        operation=rev.operation,
        status=rev.status,
        content_sha256=rev.content_sha256,
        author=rev.author,
        author_name=rev.author_name,
        updated_at=rev.updated_at,
        approval=None
        if sig is None
        else Approval(
            by=sig.by,
            by_name=sig.by_name,
            meaning=sig.meaning,
            at=sig.at,
            content_sha256=sig.content_sha256,
            kind=sig.kind,
        ),
        published_at=rev.published_at,
        obsoleted_by=rev.obsoleted_by,
        open_feedback=rev.open_feedback,
    )


def _feedback(item: FeedbackItem) -> OperatorFeedback:
    who = item.operator_name or item.operator_id or ""
    if item.operator_name and item.operator_id:
        who = f"{item.operator_name} ({item.operator_id})"
    return OperatorFeedback(
        id=item.id,
        station=item.station,
        occurred_at=item.occurred_at,
        operator=who,
        unit=item.serial or item.unit_id or "",
        revision=item.revision or "",
        step_id=item.step_id or "",
        category=item.category,
        text=item.text,
        answered_in=item.answered_in,
        answered_by=item.answered_by,
        answered_at=item.answered_at,
    )


class AuthoringClient:
    """One bridge, one API key (``kiosk-bridge apikey add editor``); ``ca_file`` is the only
    trust store for https (environment variables do not override it)."""

    def __init__(
        self,
        url: str,
        api_key: str,
        *,
        ca_file: Path | None = None,
        timeout: tuple[float, float] = (3.0, 30.0),
    ) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.http = requests.Session()
        self.http.trust_env = False
        self.http.verify = str(ca_file) if ca_file else True
        self.http.headers["X-API-Key"] = api_key

    def close(self) -> None:
        self.http.close()

    # --- transport -----------------------------------------------------------------------

    def _call(self, method: str, path: str, **kw: Any) -> Any:
        kw.setdefault("timeout", self.timeout)
        try:
            response = self.http.request(method, f"{self.url}{API_PREFIX}{path}", **kw)
        except requests.RequestException as err:
            log.warning("bridge %s unreachable: %s", self.url, err)
            raise BridgeRefused(
                "bridge_down",
                f"the bridge at {self.url} cannot be reached ({type(err).__name__})",
            ) from err
        if response.status_code >= 400:
            try:
                body = response.json()
            except ValueError:
                body = {}
            if not isinstance(body, dict) or "code" not in body:
                raise BridgeRefused(
                    "bridge_error",
                    f"the bridge answered HTTP {response.status_code}",
                    response.status_code,
                )
            raise BridgeRefused(
                str(body["code"]),
                str(body.get("reason") or body["code"]),
                response.status_code,
                body.get("detail"),
            )
        return response

    # --- kiosk.authoring.RevisionBridge ---------------------------------------------------

    def content_hash(self, document: Mapping[str, Any]) -> str:
        return content_sha256(document)

    def revisions(
        self, product: str | None = None, operation: str | None = None
    ) -> list[RevisionInfo]:
        params = {k: v for k, v in (("product", product), ("operation", operation)) if v}
        response = self._call("GET", "/authoring/revisions", params=params)
        return [_info(RevisionSummary.model_validate(r)) for r in response.json()]

    def open_revision(self, key: str, media_dir: Path) -> tuple[dict[str, Any], RevisionInfo]:
        """The revision's document, its media fetched into ``media_dir`` (each checked
        against its hash)."""
        doc_id, _, number = key.rpartition("@")
        response = self._call("GET", f"/authoring/revisions/{doc_id}/{number}")
        detail = RevisionDetail.model_validate(response.json())
        media_dir.mkdir(parents=True, exist_ok=True)
        for entry in _media_entries(detail.document):
            target = media_dir / Path(str(entry["file"])).name
            if target.exists():
                continue
            got = self._call("GET", f"/media/{entry['sha256']}")
            if hashlib.sha256(got.content).hexdigest() != entry["sha256"]:
                raise BridgeRefused(
                    "hash_mismatch", f"media {entry['sha256']} arrived with other content"
                )
            tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
            tmp.write_bytes(got.content)
            os.replace(tmp, target)
        summary = RevisionSummary.model_validate(detail.model_dump(exclude={"document"}))
        return detail.document, _info(summary)

    def save_draft(
        self, document: Mapping[str, Any], media_dir: Path, user: str, pin: str
    ) -> RevisionInfo:
        """Upload the draft's media (by hash), then the draft; a refused draft leaves only
        content-addressed media behind, never a half revision."""
        for entry in _media_entries(document):
            path = media_dir / Path(str(entry["file"])).name
            suffix = path.suffix.lstrip(".").lower()
            try:
                f = open(path, "rb")  # noqa: SIM115 (closed below, after the upload)
            except OSError as err:
                raise BridgeRefused(
                    "media_unreadable", f"{path.name} cannot be read here ({err})"
                ) from err
            with f:
                self._call(
                    "PUT",
                    f"/authoring/media/{entry['sha256']}",
                    data=f,
                    headers={"Content-Type": MEDIA_TYPES.get(suffix, "application/octet-stream")},
                )
        body = DraftIn(document=dict(document), author=Credential(user=user, pin=pin))
        response = self._call(
            "PUT",
            f"/authoring/revisions/{document['id']}/{document['revision']}",
            json=body.model_dump(mode="json"),
        )
        return _info(RevisionSummary.model_validate(response.json()))

    def approve(self, key: str, content_sha256: str, user: str, pin: str) -> RevisionInfo:
        doc_id, _, number = key.rpartition("@")
        body = ApprovalIn(user=user, pin=pin, content_sha256=content_sha256)
        response = self._call(
            "POST", f"/authoring/revisions/{doc_id}/{number}/approve", json=body.model_dump()
        )
        return _info(RevisionSummary.model_validate(response.json()))

    def publish(self, key: str, user: str, pin: str) -> RevisionInfo:
        doc_id, _, number = key.rpartition("@")
        body = PublishIn(user=Credential(user=user, pin=pin))
        response = self._call(
            "POST", f"/authoring/revisions/{doc_id}/{number}/publish", json=body.model_dump()
        )
        return _info(RevisionSummary.model_validate(response.json()))

    def feedback(self, document_id: str) -> list[OperatorFeedback]:
        response = self._call("GET", "/authoring/feedback", params={"document_id": document_id})
        return [_feedback(FeedbackItem.model_validate(i)) for i in response.json()]

    def answer(
        self, feedback_id: int, answered_in: str, user: str, pin: str, note: str = ""
    ) -> OperatorFeedback:
        body = AnswerIn(author=Credential(user=user, pin=pin), answered_in=answered_in, note=note)
        response = self._call(
            "POST", f"/authoring/feedback/{feedback_id}/answer", json=body.model_dump()
        )
        return _feedback(FeedbackItem.model_validate(response.json()))


def _media_entries(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The media entries ({sha256, file, …}) a document refers to, once per hash."""
    wanted = set(referenced_media(document))
    out: list[dict[str, Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, Mapping):
            sha = value.get("sha256")
            if sha in wanted and isinstance(value.get("file"), str):
                wanted.discard(sha)
                out.append(dict(value))
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(document)
    return out
