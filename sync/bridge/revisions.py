"""The revision workflow kept on the bridge: draft → approved → obsolete.

- A **draft** is uploaded by an author (a person of the master data, identified by badge or
  id and PIN) and may be saved again while it is a draft. Its media are stored by hash but
  not offered to the stations.
- **Approval** is an electronic signature: a person with the approver role
  (:data:`APPROVER_ROLES`) who did not write the revision signs with their PIN (argon2id,
  verified here) the content hash they read (:func:`sync.protocol.revisions.content_sha256`);
  it records who, the meaning, the time and the hash. A hash that no longer matches is
  refused. An approved revision is never changed: a changed upload is refused, a new draft
  (revision + 1) is the way.
- **Publishing** releases an approved revision to the stations (an ``instruction_revision``
  change with its media). At that moment every other approved revision of the same product
  and operation becomes **obsolete** (kept; stations keep it for the units pinned to it).
  Obsoleting at release rather than at signing means the stations never go without an
  approved revision between the signature and the release. A draft never reaches the
  stations' pull.
- Operators' ``instruction.feedback`` events (stored with every event) are served per
  revision and step; an author marks one answered by a revision.

Not split (about 730 lines): drafts, signatures, release and feedback answers work on the
same revision rows under the same lock, and each rule reads the states the others write.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import secrets
from collections.abc import Iterable
from typing import IO, Any

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Row, select, update

from sync.bridge import db
from sync.bridge.base import BridgeProblem, log, safe_json
from sync.bridge.masterdata import PIN_HASHER
from sync.bridge.media import Media
from sync.protocol import InstructionRevisionRecord, canonical_json, rfc3339, utc_now
from sync.protocol.package import check_revision_document
from sync.protocol.revisions import (
    APPROVAL_MEANING,
    AnswerIn,
    ApprovalIn,
    Credential,
    DraftIn,
    FeedbackItem,
    RevisionDetail,
    RevisionSummary,
    Signature,
    content_sha256,
    referenced_media,
    revision_key,
)

#: Roles whose holders may sign a revision approved for production.
APPROVER_ROLES = frozenset({"quality"})
#: Wrong PINs in a row after which a person's PIN is locked for signing.
MAX_PIN_FAILURES = 5

FEEDBACK = "instruction.feedback"


@functools.cache
def _dummy_hash() -> str:
    return PIN_HASHER.hash(secrets.token_hex(8))


def _problems_of(found: Iterable[Any]) -> list[str]:
    return [str(p) for p in found]


class Revisions(Media):
    """Drafts, approvals, publishing and operators' feedback."""

    # --- people ---------------------------------------------------------------------------

    def _operator(self, conn: Connection, user: str) -> dict[str, Any] | None:
        """The active operator whose id (or else badge) is ``user``."""
        found = self._current(conn, "operator", user)
        if found is None:
            for (data,) in conn.execute(
                select(db.entities.c.data).where(
                    db.entities.c.entity == "operator", db.entities.c.deleted.is_(False)
                )
            ):
                value = safe_json(data)
                if value.get("badge") == user:
                    found = value
                    break
        return found if found is not None and found.get("active", True) else None

    def identify(self, cred: Credential) -> dict[str, Any]:
        """The person ``cred`` names, once their PIN is verified (argon2id). An unknown user
        and a wrong PIN are answered alike; 5 wrong PINs in a row lock signing for that PIN
        until a new PIN is imported for the person."""
        with self.engine.connect() as conn:
            person = self._operator(conn, cred.user)
            failures = None
            if person is not None:
                failures = conn.execute(
                    select(db.signing_failures).where(
                        db.signing_failures.c.operator_id == str(person["id"])
                    )
                ).first()
        pin_hash = str((person or {}).get("pin_hash") or "")
        pin_key = hashlib.sha256(pin_hash.encode()).hexdigest()
        count = (
            int(failures.failures)
            if failures is not None and failures.pin_hash_sha256 == pin_key
            else 0
        )
        if person is not None and count >= MAX_PIN_FAILURES:
            raise BridgeProblem(
                423,
                "pin_locked",
                f"{MAX_PIN_FAILURES} wrong PINs in a row: {person.get('name')}'s PIN is locked "
                "for signing; an administrator imports a new PIN for them",
            )
        try:
            # An unknown person costs the same verification: the time tells nothing.
            ok = PIN_HASHER.verify(pin_hash or _dummy_hash(), cred.pin) and bool(pin_hash)
        except (VerificationError, InvalidHashError):
            ok = False
        if person is None or not ok:
            if person is not None:
                with self.engine.begin() as conn:
                    db.upsert(
                        conn,
                        db.signing_failures,
                        {
                            "operator_id": str(person["id"]),
                            "pin_hash_sha256": pin_key,
                            "failures": count + 1,
                            "last_failed_at": rfc3339(utc_now()),
                        },
                        ["operator_id"],
                    )
            raise BridgeProblem(
                403,
                "wrong_pin",
                "that user and PIN do not match anyone in the master data; check the badge "
                "or user and type the PIN again",
            )
        if count:
            with self.engine.begin() as conn:
                conn.execute(
                    db.signing_failures.delete().where(
                        db.signing_failures.c.operator_id == str(person["id"])
                    )
                )
        return person

    # --- drafts ---------------------------------------------------------------------------

    def add_draft_media(self, content: bytes | IO[bytes], *, sha256: str, media_type: str) -> str:
        """Store a draft's media file by hash without offering it to the stations (that
        happens when a revision using it is published); refused if it hashes otherwise."""
        stream = io.BytesIO(content) if isinstance(content, bytes) else content
        digest, size, tmp = self._stage_media(stream)
        if digest != sha256:
            tmp.unlink(missing_ok=True)
            raise BridgeProblem(
                422,
                "hash_mismatch",
                f"the content's sha256 is {digest}, not {sha256}; nothing was stored",
            )
        self._place_media(tmp, digest)
        with self.engine.begin() as conn:
            db.insert_ignore(
                conn,
                db.media,
                [
                    {
                        "sha256": digest,
                        "size": size,
                        "type": media_type,
                        "file_name": sha256,
                        "created_at": rfc3339(utc_now()),
                    }
                ],
            )
        return digest

    def save_draft(self, body: DraftIn) -> RevisionSummary:
        """Store (or replace) a draft; all of it checked first, nothing stored half."""
        doc = {k: v for k, v in body.document.items() if k not in ("approved_by", "approved_at")}
        doc["status"] = "draft"
        problems = _problems_of(check_revision_document(doc))
        if problems:
            raise BridgeProblem(
                422,
                "invalid_package",
                f"the revision has {len(problems)} problem(s); nothing was saved",
                problems[:50],
            )
        missing = [
            sha
            for sha in referenced_media(doc)
            if self.media_info(sha) is None or not self.media_path(sha).exists()
        ]
        if missing:
            raise BridgeProblem(
                422,
                "missing_media",
                f"{len(missing)} media file(s) are not on the bridge; upload them first",
                missing,
            )
        author = self.identify(body.author)
        key = revision_key(str(doc["id"]), int(doc["revision"]))
        digest = content_sha256(doc)
        now = rfc3339(utc_now())
        with self.engine.begin() as conn:
            db.xact_lock(conn, db.LOCK_REVISIONS)
            row = self._row(conn, key)
            if row is not None and row.status != "draft":
                if row.content_sha256 == digest:
                    return self._summary(conn, row)
                raise BridgeProblem(
                    409,
                    "approved_is_final",
                    f"{key} is {row.status}; an approved revision is never changed: make a "
                    f"new draft with revision {int(doc['revision']) + 1}",
                )
            if row is None:
                newer = conn.execute(
                    select(db.instruction_revisions.c.revision)
                    .where(
                        db.instruction_revisions.c.document_id == str(doc["id"]),
                        db.instruction_revisions.c.status != "draft",
                        db.instruction_revisions.c.revision >= int(doc["revision"]),
                    )
                    .order_by(db.instruction_revisions.c.revision.desc())
                ).first()
                if newer is not None:
                    raise BridgeProblem(
                        409,
                        "revision_too_low",
                        f"{doc['id']} already has an approved revision {newer.revision}; a new "
                        f"draft takes revision {int(newer.revision) + 1}",
                    )
            authors = json.loads(row.authors) if row is not None else []
            changed = row is None or row.content_sha256 != digest
            if changed and str(author["id"]) not in authors:
                authors.append(str(author["id"]))
            values = {
                "document_id": str(doc["id"]),
                "revision": int(doc["revision"]),
                "product": str(doc["product"]),
                "operation": str(doc["operation"]),
                "status": "draft",
                "document": canonical_json(doc),
                "content_sha256": digest,
                "authors": json.dumps(authors),
                "updated_at": now,
            }
            if changed:
                values |= {"author": str(author["id"]), "author_name": str(author.get("name", ""))}
            if row is None:
                conn.execute(
                    db.instruction_revisions.insert().values(key=key, created_at=now, **values)
                )
            else:
                conn.execute(
                    update(db.instruction_revisions)
                    .where(db.instruction_revisions.c.key == key)
                    .values(**values)
                )
            saved = self._row(conn, key)
            assert saved is not None
            return self._summary(conn, saved)

    # --- reading --------------------------------------------------------------------------

    def _row(self, conn: Connection, key: str) -> Row[Any] | None:
        return conn.execute(
            select(db.instruction_revisions).where(db.instruction_revisions.c.key == key)
        ).first()

    def _summary(
        self, conn: Connection, row: Row[Any], open_counts: dict[str, int] | None = None
    ) -> RevisionSummary:
        if open_counts is None:
            open_counts = self._open_feedback_counts(conn)
        signature = None
        if row.signature:
            signature = Signature.model_validate(safe_json(row.signature))
        return RevisionSummary(
            key=row.key,
            document_id=row.document_id,
            revision=int(row.revision),
            product=row.product,
            operation=row.operation,
            status=row.status,
            content_sha256=row.content_sha256,
            author=row.author,
            author_name=row.author_name,
            created_at=row.created_at,
            updated_at=row.updated_at,
            signature=signature,
            published_at=row.published_at,
            published_by=row.published_by,
            obsoleted_at=row.obsoleted_at,
            obsoleted_by=row.obsoleted_by,
            open_feedback=open_counts.get(row.key, 0),
        )

    def list_revisions(
        self,
        *,
        product: str | None = None,
        operation: str | None = None,
        document_id: str | None = None,
        status: str | None = None,
    ) -> list[RevisionSummary]:
        """Revisions, newest first per document (filters optional)."""
        t = db.instruction_revisions
        stmt = select(t).order_by(t.c.product, t.c.operation, t.c.document_id, t.c.revision.desc())
        for column, value in (
            (t.c.product, product),
            (t.c.operation, operation),
            (t.c.document_id, document_id),
            (t.c.status, status),
        ):
            if value is not None:
                stmt = stmt.where(column == value)
        with self.engine.connect() as conn:
            counts = self._open_feedback_counts(conn)
            return [self._summary(conn, r, counts) for r in conn.execute(stmt)]

    def get_revision(self, key: str) -> RevisionDetail | None:
        with self.engine.connect() as conn:
            row = self._row(conn, key)
            if row is None:
                return None
            summary = self._summary(conn, row)
        return RevisionDetail(**summary.model_dump(), document=safe_json(row.document))

    def _require(self, conn: Connection, key: str) -> Row[Any]:
        row = self._row(conn, key)
        if row is None:
            raise BridgeProblem(404, "unknown_revision", f"the bridge holds no revision {key}")
        return row

    # --- approval -------------------------------------------------------------------------

    def approve(self, key: str, body: ApprovalIn) -> RevisionSummary:
        """Sign a draft approved; see the module's docstring for what is refused."""
        with self.engine.connect() as conn:
            row = self._require(conn, key)
        self._check_signable(row, body.content_sha256)
        person = self.identify(Credential(user=body.user, pin=body.pin))
        pid = str(person["id"])
        if pid in json.loads(row.authors) or pid == row.author:
            raise BridgeProblem(
                403,
                "author_cannot_approve",
                f"{person.get('name', pid)} wrote {key}; a second person with the approver "
                "role signs it",
            )
        if not APPROVER_ROLES & set(person.get("roles") or ()):
            raise BridgeProblem(
                403,
                "not_approver",
                f"{person.get('name', pid)} does not hold the approver role "
                f"({', '.join(sorted(APPROVER_ROLES))}); ask an approver to sign",
            )
        now = rfc3339(utc_now())
        signature = Signature(
            kind="bridge",
            by=pid,
            by_name=str(person.get("name", "")),
            meaning=body.meaning or APPROVAL_MEANING,
            at=now,
            content_sha256=row.content_sha256,
        )
        with self.engine.begin() as conn:
            db.xact_lock(conn, db.LOCK_REVISIONS)
            row = self._require(conn, key)  # again, under the lock: it may have moved on
            self._check_signable(row, body.content_sha256)
            doc = safe_json(row.document)
            doc |= {
                "status": "approved",
                "approved_by": signature.by_name or pid,
                "approved_at": now,
            }
            conn.execute(
                update(db.instruction_revisions)
                .where(db.instruction_revisions.c.key == key)
                .values(
                    status="approved",
                    document=canonical_json(doc),
                    signature=canonical_json(signature.model_dump(mode="json")),
                    updated_at=now,
                )
            )
            log.info("%s approved by %s (%s)", key, pid, row.content_sha256)
            return self._summary(conn, self._require(conn, key))

    @staticmethod
    def _check_signable(row: Row[Any], signed_sha: str) -> None:
        if row.status != "draft":
            sig = safe_json(row.signature) if row.signature else {}
            raise BridgeProblem(
                409,
                "not_draft",
                f"{row.key} is already {row.status}"
                + (
                    f" (signed by {sig.get('by_name') or sig.get('by')} at {sig.get('at')})"
                    if sig.get("by")
                    else ""
                )
                + "; only a draft is signed",
            )
        if row.content_sha256 != signed_sha:
            raise BridgeProblem(
                409,
                "stale_content",
                f"{row.key} changed since it was read (its content hash is "
                f"{row.content_sha256[:12]}…, the signature was for {signed_sha[:12]}…); "
                "reload it, read the changes and sign again",
                {"content_sha256": row.content_sha256},
            )

    # --- publishing -----------------------------------------------------------------------

    def publish_revision(self, key: str, cred: Credential) -> RevisionSummary:
        """Release an approved revision to the stations; the others of its operation become
        obsolete. A draft is refused; publishing twice is a no-op."""
        with self.engine.connect() as conn:
            self._require(conn, key)  # an unknown revision is told before any PIN is checked
        person = self.identify(cred)
        with self.engine.begin() as conn:
            db.xact_lock(conn, db.LOCK_CHANGES)  # always before LOCK_REVISIONS
            db.xact_lock(conn, db.LOCK_REVISIONS)
            row = self._require(conn, key)
            if row.status == "draft":
                raise BridgeProblem(
                    409,
                    "not_approved",
                    f"{key} is a draft: a draft never goes to the stations; have it approved first",
                )
            if row.status == "obsolete":
                raise BridgeProblem(
                    409, "obsolete", f"{key} is obsolete ({row.obsoleted_by} replaced it)"
                )
            if row.published_at:
                return self._summary(conn, row)
            doc = safe_json(row.document)
            sig = Signature.model_validate(safe_json(row.signature))
            if content_sha256(doc) != sig.content_sha256:
                raise BridgeProblem(
                    409,
                    "stale_content",
                    f"{key}'s content no longer matches its signature; nothing was published",
                )
            self._release(conn, row, doc, str(person["id"]))
            return self._summary(conn, self._require(conn, key))

    def _release(self, conn: Connection, row: Row[Any], doc: dict[str, Any], by: str) -> None:
        """Offer ``row`` (approved) to the stations with its media; obsolete the others.
        The caller holds ``LOCK_CHANGES``."""
        t = db.instruction_revisions
        newer = conn.execute(
            select(t.c.key).where(
                t.c.product == row.product,
                t.c.operation == row.operation,
                t.c.status == "approved",
                t.c.published_at.is_not(None),
                t.c.revision > row.revision,
                t.c.document_id == row.document_id,
            )
        ).first()
        if newer is not None:
            raise BridgeProblem(
                409,
                "superseded",
                f"{newer.key} is already at the stations; {row.key} is older and is not published",
            )
        now = rfc3339(utc_now())
        for sha in referenced_media(doc):
            info = conn.execute(select(db.media).where(db.media.c.sha256 == sha)).first()
            if info is not None:
                self._record_change(
                    conn,
                    "media",
                    sha,
                    {
                        "sha256": sha,
                        "size": int(info.size),
                        "type": info.type,
                        "file_name": info.file_name,
                    },
                )
        self._offer(conn, doc)
        conn.execute(update(t).where(t.c.key == row.key).values(published_at=now, published_by=by))
        for other in conn.execute(
            select(t).where(
                t.c.product == row.product,
                t.c.operation == row.operation,
                t.c.status == "approved",
                t.c.key != row.key,
            )
        ).all():
            old = safe_json(other.document) | {"status": "obsolete"}
            conn.execute(
                update(t)
                .where(t.c.key == other.key)
                .values(
                    status="obsolete",
                    document=canonical_json(old),
                    obsoleted_at=now,
                    obsoleted_by=row.key,
                    updated_at=now,
                )
            )
            if other.published_at:
                self._offer(conn, old)  # the stations mark it obsolete; pinned units keep it

    def _offer(self, conn: Connection, doc: dict[str, Any]) -> None:
        record = InstructionRevisionRecord(
            document_id=str(doc["id"]),
            revision=int(doc["revision"]),
            status=str(doc.get("status") or "approved"),
            product=str(doc["product"]),
            operation=str(doc["operation"]),
            document=doc,
        )
        self._record_change(
            conn,
            "instruction_revision",
            revision_key(record.document_id, record.revision),
            record.model_dump(mode="json"),
        )

    def register_package_revision(self, conn: Connection, doc: dict[str, Any]) -> None:
        """A revision published from a package file (``kiosk-bridge instructions publish``)
        or sent by the ERP: recorded approved, signed by the package (its ``approved_by``),
        released at once; a draft is refused. The caller holds ``LOCK_CHANGES`` and offers
        the revision itself."""
        db.xact_lock(conn, db.LOCK_REVISIONS)  # the caller holds LOCK_CHANGES (taken first)
        status = str(doc.get("status") or "approved")
        key = revision_key(str(doc["id"]), int(doc["revision"]))
        if status == "draft":
            raise BridgeProblem(
                409,
                "draft_not_published",
                f"{key} is a draft: a draft never goes to the stations; save it to the bridge "
                "as a draft (kiosk editor) and have it approved",
            )
        digest = content_sha256(doc)
        row = self._row(conn, key)
        if row is not None and row.content_sha256 != digest:
            raise BridgeProblem(
                409,
                "approved_is_final",
                f"{key} is already on the bridge ({row.status}) with other content; an "
                f"approved revision is never changed: publish revision {int(doc['revision']) + 1}",
            )
        now = rfc3339(utc_now())
        signature = Signature(
            kind="package",
            by=str(doc.get("approved_by") or ""),
            by_name=str(doc.get("approved_by") or ""),
            meaning=APPROVAL_MEANING,
            at=str(doc.get("approved_at") or now),
            content_sha256=digest,
        )
        values = {
            "document_id": str(doc["id"]),
            "revision": int(doc["revision"]),
            "product": str(doc["product"]),
            "operation": str(doc["operation"]),
            "status": status,
            "document": canonical_json(doc),
            "content_sha256": digest,
            "updated_at": now,
        }
        t = db.instruction_revisions
        if row is None:
            conn.execute(
                t.insert().values(
                    key=key,
                    created_at=now,
                    signature=canonical_json(signature.model_dump(mode="json")),
                    **values,
                )
            )
        elif row.status == "draft":
            conn.execute(
                update(t)
                .where(t.c.key == key)
                .values(signature=canonical_json(signature.model_dump(mode="json")), **values)
            )
        if status != "approved":
            return
        row = self._require(conn, key)
        if row.published_at is None:
            now_row = self._require(conn, key)
            # Media are recorded by the caller; release without offering twice.
            conn.execute(update(t).where(t.c.key == key).values(published_at=now, published_by=""))
            for other in conn.execute(
                select(t).where(
                    t.c.product == now_row.product,
                    t.c.operation == now_row.operation,
                    t.c.status == "approved",
                    t.c.key != key,
                    t.c.revision < now_row.revision,
                )
            ).all():
                old = safe_json(other.document) | {"status": "obsolete"}
                conn.execute(
                    update(t)
                    .where(t.c.key == other.key)
                    .values(
                        status="obsolete",
                        document=canonical_json(old),
                        obsoleted_at=now,
                        obsoleted_by=key,
                        updated_at=now,
                    )
                )
                if other.published_at:
                    self._offer(conn, old)

    # --- feedback -------------------------------------------------------------------------

    def _feedback_rows(self, conn: Connection) -> list[FeedbackItem]:
        e, a = db.events, db.feedback_answers
        rows = conn.execute(
            select(e, a.c.answered_in, a.c.answered_by, a.c.answered_at, a.c.note)
            .select_from(e.outerjoin(a, a.c.event_key == e.c.id))
            .where(e.c.type == FEEDBACK)
            .order_by(e.c.id)
        ).all()
        names: dict[str, str] = {}
        serials: dict[str, str] = {}
        out = []
        for r in rows:
            p = safe_json(r.payload)
            uid = p.get("unit_id") if isinstance(p.get("unit_id"), str) else r.unit_id
            serial = p.get("serial") if isinstance(p.get("serial"), str) else None
            if uid and serial is None:
                if uid not in serials:
                    serials[uid] = str(
                        conn.execute(
                            select(db.units.c.serial).where(db.units.c.unit_id == uid)
                        ).scalar()
                        or ""
                    )
                serial = serials[uid] or None
            op_id = r.operator_id
            if op_id and op_id not in names:
                names[op_id] = str((self._current(conn, "operator", op_id) or {}).get("name", ""))
            out.append(
                FeedbackItem(
                    id=int(r.id),
                    station=r.station,
                    event_id=r.event_id,
                    occurred_at=r.occurred_at,
                    operator_id=op_id,
                    operator_name=names.get(op_id or "", ""),
                    unit_id=uid,
                    serial=serial,
                    revision=str(p["revision"]) if p.get("revision") else None,
                    step_id=str(p["step_id"]) if p.get("step_id") else None,
                    category=str(p.get("category") or ""),
                    text=str(p.get("text") or ""),
                    answered_in=r.answered_in,
                    answered_by=r.answered_by,
                    answered_at=r.answered_at,
                    answer_note=r.note or "",
                )
            )
        return out

    def _open_feedback_counts(self, conn: Connection) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self._feedback_rows(conn):
            if item.revision and not item.answered_in:
                counts[item.revision] = counts.get(item.revision, 0) + 1
        return counts

    def feedback(
        self,
        *,
        revision: str | None = None,
        document_id: str | None = None,
        step_id: str | None = None,
    ) -> list[FeedbackItem]:
        """Operators' feedback, oldest first, on one revision (or every revision of a
        document), on one step if given."""
        with self.engine.connect() as conn:
            items = self._feedback_rows(conn)
        if revision is not None:
            items = [i for i in items if i.revision == revision]
        if document_id is not None:
            items = [i for i in items if (i.revision or "").rpartition("@")[0] == document_id]
        if step_id is not None:
            items = [i for i in items if i.step_id == step_id]
        return items

    def answer_feedback(self, feedback_id: int, body: AnswerIn) -> FeedbackItem:
        """Mark one feedback answered by ``body.answered_in`` (a later revision of the same
        document on the bridge), recorded with the author who says so."""
        with self.engine.connect() as conn:
            known = any(i.id == feedback_id for i in self._feedback_rows(conn))
        if not known:
            raise BridgeProblem(404, "unknown_feedback", f"no feedback {feedback_id}")
        author = self.identify(body.author)
        with self.engine.begin() as conn:
            db.xact_lock(conn, db.LOCK_REVISIONS)
            item = next((i for i in self._feedback_rows(conn) if i.id == feedback_id), None)
            if item is None:
                raise BridgeProblem(404, "unknown_feedback", f"no feedback {feedback_id}")
            answer = self._row(conn, body.answered_in)
            doc_id, _, rev = (item.revision or "").rpartition("@")
            if answer is None:
                raise BridgeProblem(
                    404,
                    "unknown_revision",
                    f"the bridge holds no revision {body.answered_in}; save it first",
                )
            if answer.document_id != doc_id or (rev.isdigit() and answer.revision <= int(rev)):
                raise BridgeProblem(
                    409,
                    "not_an_answer",
                    f"feedback on {item.revision} is answered by a later revision of "
                    f"{doc_id or 'its document'}, not by {body.answered_in}",
                )
            db.upsert(
                conn,
                db.feedback_answers,
                {
                    "event_key": feedback_id,
                    "answered_in": body.answered_in,
                    "answered_by": str(author["id"]),
                    "answered_at": rfc3339(utc_now()),
                    "note": body.note,
                },
                ["event_key"],
            )
            return next(i for i in self._feedback_rows(conn) if i.id == feedback_id)
