"""Master data on the station: what comes down from the ERP bridge or an import.

One way in for every source (pull from the bridge, ``kiosk import``, the demo seed):
:func:`apply_change` with the entity shapes documented in docs/instruction-package.md.
Reads return :mod:`kiosk.domain` objects.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from kiosk.domain import (
    Certification,
    InstructionRevision,
    Operator,
    Product,
    Role,
    Station,
    WorkOrder,
    WorkOrderStatus,
)
from kiosk.errors import KioskError
from kiosk.store.events import parse_rfc3339, record, rfc3339, utc_now
from kiosk.store.schema import (
    andons,
    media,
    meta,
    operators,
    products,
    revisions,
    work_orders,
)

ENTITIES = (
    "product",
    "operator",
    "work_order",
    "instruction_revision",
    "station",
    "media",
    "reason_code",
    "andon_clear",
)

#: The kinds of reason code (contract 6): what a scrap, rework, downtime, andon call or
#: line-lead override is recorded with.
REASON_KINDS = ("scrap", "rework", "downtime", "andon", "override")
_REASON_PREFIX = "reason_code/"


class MasterDataError(KioskError):
    """A master-data record is missing a field or has a wrong one."""


def _require(data: Mapping[str, Any], entity: str, *keys: str) -> None:
    missing = [k for k in keys if data.get(k) in (None, "")]
    if missing:
        raise MasterDataError(f"A {entity} record lacks {', '.join(missing)}: {dict(data)!r}.")


def _upsert(conn: Connection, table: Any, key: str, values: dict[str, Any]) -> None:
    stmt = sqlite_insert(table).values(**values)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[key], set_={k: v for k, v in values.items() if k != key}
        )
    )


def set_meta(conn: Connection, key: str, value: str) -> None:
    _upsert(conn, meta, "key", {"key": key, "value": value})


def get_meta(conn: Connection, key: str) -> str | None:
    return conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar_one_or_none()


def apply_change(
    conn: Connection, entity: str, op: str, id_: str, data: Mapping[str, Any] | None
) -> None:
    """Upsert or delete one master-data record, inside the caller's transaction."""
    if op == "delete":
        _delete(conn, entity, id_)
        return
    if op != "upsert" or data is None:
        raise MasterDataError(f"Unknown change {op!r} for {entity} {id_}.")
    if entity == "product":
        _require(data, entity, "code", "name")
        _upsert(
            conn,
            products,
            "code",
            {
                "code": data["code"],
                "name": data["name"],
                "description": data.get("description", ""),
                "picture": data.get("picture"),
                "data": dict(data),
            },
        )
    elif entity == "operator":
        _require(data, entity, "id", "badge", "name")
        _upsert(
            conn,
            operators,
            "id",
            {
                "id": data["id"],
                "badge": data["badge"],
                "name": data["name"],
                "language": data.get("language", "en"),
                "roles": list(data.get("roles", ["operator"])),
                "certifications": list(data.get("certifications", [])),
                "pin_hash": data.get("pin_hash"),
                "active": bool(data.get("active", True)),
            },
        )
    elif entity == "work_order":
        _require(data, entity, "number", "product", "operation", "quantity")
        values = {
            "number": data["number"],
            "product": data["product"],
            "operation": data["operation"],
            "quantity": int(data["quantity"]),
            "due": data.get("due"),
            "priority": int(data.get("priority", 3)),
            "station": data.get("station"),
        }
        status = data.get("status")
        if status:
            WorkOrderStatus(status)  # refuse unknown statuses
            values["status"] = status
        # Progress already made elsewhere (earlier shifts, other stations) comes with a new
        # work order; after that done/scrapped/next_serial are the station's own record.
        done = int(data.get("done", 0))
        scrapped = int(data.get("scrapped", 0))
        stmt = sqlite_insert(work_orders).values(
            **values, done=done, scrapped=scrapped, next_serial=done + scrapped + 1
        )
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["number"],
                set_={k: v for k, v in values.items() if k != "number"},
            )
        )
    elif entity == "instruction_revision":
        document = data.get("document", data)
        # The one package validator (sync.protocol.package, via kiosk.package): a revision
        # that fails it is never stored; the refusal is kept for the line lead to list.
        from kiosk.package import document_problems

        problems = document_problems(document)
        if problems:
            refuse_revision(conn, id_, [str(p) for p in problems])
            return
        store_revision(conn, document)
    elif entity == "station":
        _require(data, entity, "id", "name")
        set_meta(conn, "station", json.dumps(dict(data), sort_keys=True))
    elif entity == "reason_code":
        _require(data, entity, "kind", "code", "label")
        if data["kind"] not in REASON_KINDS:
            raise MasterDataError(
                f"A reason_code has kind {data['kind']!r}; known: {', '.join(REASON_KINDS)}."
            )
        label = data["label"]
        if not isinstance(label, Mapping) or not isinstance(label.get("en"), str):
            raise MasterDataError(f"A reason_code needs an English label: {dict(data)!r}.")
        doc = {
            "kind": data["kind"],
            "code": str(data["code"]),
            "label": dict(label),
            "sort": int(data.get("sort", 100)),
        }
        set_meta(conn, f"{_REASON_PREFIX}{data['kind']}:{data['code']}", json.dumps(doc))
    elif entity == "media":
        _require(data, entity, "sha256", "type", "size")
        _upsert(
            conn,
            media,
            "sha256",
            {
                "sha256": data["sha256"],
                "type": data["type"],
                "size": int(data["size"]),
                "file_name": data.get("file_name") or data["sha256"],
                "present": bool(data.get("present", False)),
            },
        )
    elif entity == "andon_clear":
        _require(data, entity, "andon_id", "cleared_by")
        clear_andon_from_bridge(conn, str(data["andon_id"]), str(data["cleared_by"]))
    else:
        raise MasterDataError(f"Unknown entity {entity!r}; known: {', '.join(ENTITIES)}.")


def clear_andon_from_bridge(conn: Connection, andon_id: str, by: str) -> None:
    """A supervisor cleared this station's andon call on the bridge's web view: record
    the clearing here (an ``andon.cleared`` event naming who, as any clearing is), so the
    station stops showing the call and the bridge hears it back. An andon already cleared
    at the station, or unknown here, is left as it is."""
    row = conn.execute(select(andons).where(andons.c.id == andon_id)).first()
    if row is None or row.cleared_at is not None:
        return
    now = utc_now()
    minutes = max(0.0, (now - parse_rfc3339(row.raised_at)).total_seconds() / 60)
    record(
        conn,
        "andon.cleared",
        {
            "andon_id": andon_id,
            "category": row.category,
            "cleared_by": None,
            "cleared_on_bridge_by": by,
            "minutes": round(minutes, 2),
        },
        operator_id=None,
        occurred_at=now,
    )


def _delete(conn: Connection, entity: str, id_: str) -> None:
    table, key = {
        "product": (products, products.c.code),
        "operator": (operators, operators.c.id),
        "work_order": (work_orders, work_orders.c.number),
        "instruction_revision": (revisions, revisions.c.key),
        "media": (media, media.c.sha256),
    }.get(entity, (None, None))
    if entity == "operator":
        # Keep the name for the record; a deleted operator can no longer log in.
        conn.execute(update(operators).where(operators.c.id == id_).values(active=False))
    elif entity == "work_order":
        conn.execute(
            update(work_orders).where(work_orders.c.number == id_).values(status="cancelled")
        )
    elif entity == "instruction_revision":
        # Units pinned to it still need it: mark obsolete instead of deleting.
        conn.execute(update(revisions).where(revisions.c.key == id_).values(status="obsolete"))
    elif table is not None and key is not None:
        conn.execute(delete(table).where(key == id_))
    elif entity == "station":
        conn.execute(delete(meta).where(meta.c.key == "station"))
    elif entity == "reason_code":
        conn.execute(delete(meta).where(meta.c.key == f"{_REASON_PREFIX}{id_}"))
    elif entity == "andon_clear":
        pass  # a clearing is recorded once; taking the request back undoes nothing
    else:
        raise MasterDataError(f"Unknown entity {entity!r}; known: {', '.join(ENTITIES)}.")


REFUSED_PREFIX = "refused_revision:"


def refuse_revision(conn: Connection, key: str, problems: list[str]) -> None:
    """Keep why a pulled revision was refused (it is not stored)."""
    record = {"revision": key, "refused_at": rfc3339(utc_now()), "problems": problems[:50]}
    set_meta(conn, REFUSED_PREFIX + key, json.dumps(record, sort_keys=True))


def refused_revisions(conn: Connection) -> list[dict[str, Any]]:
    """Pulled revisions the validator refused, newest first: ``{revision, refused_at,
    problems}`` with the validator's messages (what the line lead is shown)."""
    rows = conn.execute(select(meta.c.value).where(meta.c.key.startswith(REFUSED_PREFIX))).all()
    found = [json.loads(r[0]) for r in rows]
    return sorted(found, key=lambda r: str(r.get("refused_at", "")), reverse=True)


def reason_codes(conn: Connection) -> list[dict[str, Any]]:
    """Reason codes that came down as master data (``reason_code`` entity), in code order
    per kind; empty when none did (the engine then uses the demo's default set)."""
    rows = conn.execute(
        select(meta.c.value).where(meta.c.key.like(f"{_REASON_PREFIX}%")).order_by(meta.c.key)
    ).scalars()
    docs = [json.loads(v) for v in rows]
    return sorted(docs, key=lambda d: (d["kind"], d.get("sort", 100), d["code"]))


def store_revision(conn: Connection, document: Mapping[str, Any]) -> InstructionRevision:
    """Store an instruction revision's document (already validated) as-is."""
    from kiosk.package import revision_from_document

    rev = revision_from_document(dict(document))
    values = {
        "key": rev.key,
        "document_id": rev.document_id,
        "revision": rev.revision,
        "status": str(rev.status),
        "product": rev.product,
        "operation": rev.operation,
        "document": dict(document),
        "imported_at": rfc3339(utc_now()),
    }
    _upsert(conn, revisions, "key", values)
    return rev


# --- reads -------------------------------------------------------------------------------


def _operator(row: Any) -> Operator:
    certs = tuple(
        Certification(
            operation=c["operation"],
            expires=date.fromisoformat(c["expires"]) if c.get("expires") else None,
        )
        for c in row.certifications
    )
    return Operator(
        id=row.id,
        badge=row.badge,
        name=row.name,
        language=row.language,
        roles=frozenset(Role(r) for r in row.roles),
        certifications=certs,
        pin_hash=row.pin_hash,
        active=bool(row.active),
    )


def operator_by_badge(conn: Connection, badge: str) -> Operator | None:
    row = conn.execute(select(operators).where(operators.c.badge == badge)).first()
    return _operator(row) if row else None


def operator_by_id(conn: Connection, id_: str) -> Operator | None:
    row = conn.execute(select(operators).where(operators.c.id == id_)).first()
    return _operator(row) if row else None


def all_operators(conn: Connection) -> list[Operator]:
    return [_operator(r) for r in conn.execute(select(operators).order_by(operators.c.name))]


def _work_order(row: Any) -> WorkOrder:
    return WorkOrder(
        number=row.number,
        product=row.product,
        operation=row.operation,
        quantity=row.quantity,
        due=datetime.fromisoformat(row.due.replace("Z", "+00:00")) if row.due else None,
        priority=row.priority,
        status=WorkOrderStatus(row.status),
        done=row.done,
        scrapped=row.scrapped,
        station=row.station,
    )


def work_order(conn: Connection, number: str) -> WorkOrder | None:
    row = conn.execute(select(work_orders).where(work_orders.c.number == number)).first()
    return _work_order(row) if row else None


def work_queue(conn: Connection, operations: tuple[str, ...] = ()) -> list[WorkOrder]:
    """Open work orders, most urgent first (priority, then due date)."""
    q = select(work_orders).where(work_orders.c.status.in_(("released", "in_progress", "on_hold")))
    if operations:
        q = q.where(work_orders.c.operation.in_(operations))
    rows = conn.execute(q).all()
    orders = [_work_order(r) for r in rows]
    far = datetime.max.replace(tzinfo=None)
    return sorted(
        orders, key=lambda w: (w.priority, (w.due.replace(tzinfo=None) if w.due else far), w.number)
    )


def product(conn: Connection, code: str) -> Product | None:
    row = conn.execute(select(products).where(products.c.code == code)).first()
    if row is None:
        return None
    return Product(code=row.code, name=row.name, description=row.description, picture=row.picture)


def revision(conn: Connection, key: str) -> InstructionRevision | None:
    from kiosk.package import revision_from_document

    doc = conn.execute(select(revisions.c.document).where(revisions.c.key == key)).scalar()
    return revision_from_document(doc) if doc is not None else None


def current_revision(
    conn: Connection, product_code: str, operation: str
) -> InstructionRevision | None:
    """The newest approved revision for a product's operation (what a new unit pins)."""
    from kiosk.package import revision_from_document

    doc = conn.execute(
        select(revisions.c.document)
        .where(
            revisions.c.product == product_code,
            revisions.c.operation == operation,
            revisions.c.status == "approved",
        )
        .order_by(revisions.c.revision.desc())
        .limit(1)
    ).scalar()
    return revision_from_document(doc) if doc is not None else None


def station(conn: Connection) -> Station | None:
    raw = get_meta(conn, "station")
    if raw is None:
        return None
    d = json.loads(raw)
    return Station(
        id=d["id"],
        name=d["name"],
        line=d.get("line", ""),
        operations=tuple(d.get("operations", ())),
    )


def import_package(store: Any, loaded: Any, media_dir: Any) -> InstructionRevision:
    """Import a validated package: media first (content-addressed, so a failure leaves
    only harmless unreferenced files), then the revision and its media rows in one
    transaction, so a revision is never half-imported."""
    written = loaded.copy_media_to(media_dir)
    by_sha = {p.name.split(".", 1)[0]: p for p in written}
    with store.write() as conn:
        for sha, m in loaded.media.items():
            apply_change(
                conn,
                "media",
                "upsert",
                sha,
                {
                    "sha256": sha,
                    "type": m.type,
                    "size": m.size,
                    "file_name": by_sha[sha].name,
                    "present": True,
                },
            )
        rev = store_revision(conn, loaded.document)
    return rev


def media_path(conn: Connection, media_dir: Any, sha256: str) -> Any:
    """The local file of a media item, or None if it has not arrived yet."""
    from pathlib import Path

    row = conn.execute(
        select(media.c.file_name, media.c.present).where(media.c.sha256 == sha256)
    ).first()
    if row is None or not row.present:
        return None
    path = Path(media_dir) / row.file_name
    return path if path.exists() else None
