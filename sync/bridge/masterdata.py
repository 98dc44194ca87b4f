"""Master data: ERP records in (JSON, CSV, the kiosk-masterdata file), PINs hashed, the
change log the stations pull (a station's own records and assigned work orders only).

Over 500 lines and not split: every way in (each file format, the ERP adapters, the web
view's andon clearing) ends in the one upsert that decides what each station is sent, and
the formats' parsers are small beside it."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from pydantic import Field, ValidationError
from sqlalchemy import Connection, select

from sync.bridge import db
from sync.bridge.base import (
    BridgeBase,
    BridgeProblem,
    log,
)
from sync.protocol import (
    LATER_ENTITIES,
    MAX_PAGE,
    Change,
    ChangesPage,
    ImportResult,
    InstructionRevisionRecord,
    MasterRecord,
    OperatorRecord,
    ProductRecord,
    ReasonCodeRecord,
    StationRecord,
    WorkOrderRecord,
    canonical_json,
    rfc3339,
    utc_now,
)
from sync.protocol.package import check_revision_document


class _Record(MasterRecord):
    """An ERP record that only the bridge reads (merged into an entity the stations get)."""


class BomLine(_Record):
    part: str = Field(min_length=1, max_length=128)
    quantity: float = Field(default=1, gt=0)
    tracking: str = Field(default="none", pattern=r"^(serial|lot|none)$")


class BomIn(_Record):
    product: str = Field(min_length=1, max_length=128)
    components: list[BomLine]


class RoutingStep(_Record):
    operation: str = Field(min_length=1, max_length=128)
    name: str = ""
    sequence: int = 0


class RoutingIn(_Record):
    product: str = Field(min_length=1, max_length=128)
    operations: list[RoutingStep]


KINDS: dict[str, tuple[type[MasterRecord], str]] = {
    "products": (ProductRecord, "product"),
    "operators": (OperatorRecord, "operator"),
    "work-orders": (WorkOrderRecord, "work_order"),
    "boms": (BomIn, "product"),
    "routings": (RoutingIn, "product"),
    "instruction-revisions": (InstructionRevisionRecord, "instruction_revision"),
    # A station's own record (name, line, operations); only that station receives it.
    "stations": (StationRecord, "station"),
    "reason-codes": (ReasonCodeRecord, "reason_code"),
}


KIND_ALIASES = {k.replace("-", "_"): k for k in KINDS} | {
    "work_order": "work-orders",
    "product": "products",
    "operator": "operators",
    "bom": "boms",
    "routing": "routings",
    "instruction_revision": "instruction-revisions",
    "instructions": "instruction-revisions",
    "station": "stations",
    "reason_code": "reason-codes",
}


def kind_name(value: str) -> str:
    kind = KIND_ALIASES.get(value, value)
    if kind not in KINDS:
        raise BridgeProblem(
            404, "unknown_kind", f"unknown ERP record kind {value!r}", {"known": sorted(KINDS)}
        )
    return kind


def entity_id(kind: str, rec: MasterRecord) -> str:
    if isinstance(rec, ProductRecord):
        return rec.code
    if isinstance(rec, (OperatorRecord, StationRecord)):
        return rec.id
    if isinstance(rec, WorkOrderRecord):
        return rec.number
    if isinstance(rec, (BomIn, RoutingIn)):
        return rec.product
    if isinstance(rec, InstructionRevisionRecord):
        return f"{rec.document_id}@{rec.revision}"
    if isinstance(rec, ReasonCodeRecord):
        return f"{rec.kind}:{rec.code}"
    raise AssertionError(kind)


# t=8: a verify costs 0.16–0.19 s on this 2-core machine when it is quiet (t=4 measured
# 0.080 s then: under the 0.1 s an attacker must pay per guess), ~0.6 s under heavy load.
PIN_HASHER = PasswordHasher(time_cost=8, memory_cost=65536, parallelism=2)


PIN_RE = re.compile(r"^[0-9]{6,12}$")


ACCEPT_LEGACY_PIN_HASHES = False


def _operator_pins(item: Any) -> tuple[Any, str | None]:
    """An operator record with its plain ``pin`` (if any) replaced by an argon2id
    ``pin_hash``; the problem with it, if any. A plain PIN is never stored."""
    if not isinstance(item, dict):
        return item, None
    item = dict(item)
    pin = item.pop("pin", None)
    if pin is not None:
        if not isinstance(pin, str) or not PIN_RE.fullmatch(pin):
            return item, "pin: a PIN has 6 to 12 digits"
        item["pin_hash"] = PIN_HASHER.hash(pin)
        return item, None
    stored = item.get("pin_hash")
    if stored is None or (isinstance(stored, str) and stored.startswith("$argon2id$")):
        return item, None
    if isinstance(stored, str) and ACCEPT_LEGACY_PIN_HASHES:
        log.warning("operator %s: a legacy PIN hash; send the PIN as `pin`", item.get("id"))
        return item, None
    return item, "pin_hash: must be an argon2id hash ($argon2id$…); or send the PIN as `pin`"


def _csv_list(value: Any) -> Any:
    if isinstance(value, str):
        return [v.strip() for v in value.replace("|", ";").split(";") if v.strip()]
    return value


def _csv_certifications(value: Any) -> Any:
    """``OP20:2027-12-31;OP30`` → ``[{operation, expires}]`` (no date: never expires)."""
    if not isinstance(value, str):
        return value
    out = []
    for item in _csv_list(value):
        operation, _, expires = item.partition(":")
        out.append({"operation": operation.strip(), "expires": expires.strip() or None})
    return out


def parse_csv(kind: str, text: str) -> list[dict[str, Any]]:
    """CSV rows → records. BOM and routing files have one row per line, grouped by product.
    List cells (roles, certifications, a station's operations) separate items with ``;``
    or ``|``; a certification is ``OPERATION`` or ``OPERATION:YYYY-MM-DD`` (expiry)."""
    rows = [
        {k.strip(): (v if v != "" else None) for k, v in row.items() if k}
        for row in csv.DictReader(io.StringIO(text))
    ]
    rows = [{k: v for k, v in r.items() if v is not None} for r in rows]
    if kind in ("boms", "routings"):
        key = "components" if kind == "boms" else "operations"
        grouped: dict[str, dict[str, Any]] = {}
        for r in rows:
            product = str(r.pop("product", ""))
            grouped.setdefault(product, {"product": product, key: []})[key].append(r)
        return list(grouped.values())
    if kind == "operators":
        for r in rows:
            if "roles" in r:
                r["roles"] = _csv_list(r["roles"])
            if "certifications" in r:
                r["certifications"] = _csv_certifications(r["certifications"])
    if kind == "stations":
        for r in rows:
            if "operations" in r:
                r["operations"] = _csv_list(r["operations"])
    if kind == "instruction-revisions":
        for r in rows:
            doc = r.get("document")
            if isinstance(doc, str):
                r["document"] = json.loads(doc)
    return rows


MASTERDATA_FORMAT = "kiosk-masterdata"


MASTERDATA_VERSIONS = (1,)


def parse_import_file(path: Path) -> list[tuple[str, list[dict[str, Any]]]]:
    """An ERP file → [(kind, records)]. JSON: ``{"kind": K, "items": [...]}``, or
    ``{"work_orders": [...], "products": [...]}`` — which includes the station's
    ``kiosk-masterdata`` file (docs/instruction-package.md section 2) with its ``station``
    object; CSV: the kind is the name's prefix (``work-orders-2024-05-01.csv``)."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".csv":
        stem = path.stem.lower().replace("_", "-")
        kind = next((k for k in sorted(KINDS, key=len, reverse=True) if stem.startswith(k)), None)
        if kind is None:
            raise BridgeProblem(
                422,
                "unknown_kind",
                f"{path.name}: a CSV file's name must start with its kind",
                {"known": sorted(KINDS)},
            )
        return [(kind, parse_csv(kind, text))]
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise BridgeProblem(422, "malformed_json", f"{path.name}: {err}") from err
    if isinstance(doc, dict) and "kind" in doc:
        return [(kind_name(str(doc["kind"])), list(doc.get("items", [])))]
    if isinstance(doc, dict):
        fmt = doc.get("format")
        if fmt is not None and (
            fmt != MASTERDATA_FORMAT or doc.get("format_version") not in MASTERDATA_VERSIONS
        ):
            raise BridgeProblem(
                422,
                "unknown_format",
                f"{path.name}: format {fmt!r} version {doc.get('format_version')!r} is not "
                f"read here; expected {MASTERDATA_FORMAT!r} version "
                f"{', '.join(map(str, MASTERDATA_VERSIONS))}",
            )
        out = []
        if isinstance(doc.get("station"), dict):
            out.append(("stations", [doc["station"]]))
        out += [(kind_name(k), list(v)) for k, v in doc.items() if isinstance(v, list)]
        return out
    raise BridgeProblem(422, "invalid_file", f"{path.name}: expected a JSON object")


class MasterData(BridgeBase):
    """ERP records in, changes out."""

    def changes(
        self, station: str, since: int, limit: int, *, understands: Collection[str] | None = None
    ) -> ChangesPage:
        """A page of changes for ``station``. ``understands``: which of
        :data:`LATER_ENTITIES` it reads (None: all); the others are skipped, the cursor
        passes them."""
        limit = max(1, min(limit, MAX_PAGE))
        hidden = set() if understands is None else LATER_ENTITIES - set(understands)
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(db.changes)
                .where(
                    db.changes.c.cursor > since,
                    db.changes.c.station.is_(None) | (db.changes.c.station == station),
                )
                .order_by(db.changes.c.cursor)
                .limit(limit + 1)
            ).all()
        page = rows[:limit]
        return ChangesPage(
            changes=[
                Change(
                    entity=r.entity,
                    id=r.entity_id,
                    op=r.op,
                    version=r.version,
                    data=None if r.data is None else json.loads(r.data),
                )
                for r in page
                if r.entity not in hidden
            ],
            next_cursor=int(page[-1].cursor) if page else since,
            has_more=len(rows) > limit,
        )

    def _record_change(
        self,
        conn: Connection,
        entity: str,
        eid: str,
        data: dict[str, Any] | None,
        for_station: str | None = None,
    ) -> bool:
        """Upsert (data) or tombstone (None) one entity; log a change if it changed."""
        row = conn.execute(
            select(db.entities).where(db.entities.c.entity == entity, db.entities.c.id == eid)
        ).first()
        text = canonical_json(data) if data is not None else None
        if row is not None and (
            (data is None and row.deleted) or (not row.deleted and row.data == text)
        ):
            return False
        if row is None and data is None:
            return False
        version = 1 if row is None else int(row.version) + 1
        db.upsert(
            conn,
            db.entities,
            {
                "entity": entity,
                "id": eid,
                "version": version,
                "data": text if text is not None else (row.data if row else "{}"),
                "deleted": data is None,
                "updated_at": rfc3339(utc_now()),
            },
            ["entity", "id"],
        )
        conn.execute(
            db.changes.insert().values(
                entity=entity,
                entity_id=eid,
                op="delete" if data is None else "upsert",
                version=version,
                data=text,
                station=for_station,
            )
        )
        return True

    def send_andon_clear(
        self, conn: Connection, andon_id: str, station: str, cleared_by: str, cleared_at: str
    ) -> None:
        """Tell ``station`` (on its next pull) that ``cleared_by`` cleared its andon call:
        the station records the clearing and stops showing the call."""
        self._record_change(
            conn,
            "andon_clear",
            andon_id,
            {"andon_id": andon_id, "cleared_by": cleared_by, "cleared_at": cleared_at},
            for_station=station,
        )

    def _tombstone_for(
        self, conn: Connection, entity: str, eid: str, for_station: str | None
    ) -> None:
        """A delete change for one station (or all) without deleting the entity."""
        row = conn.execute(
            select(db.entities.c.version).where(
                db.entities.c.entity == entity, db.entities.c.id == eid
            )
        ).first()
        conn.execute(
            db.changes.insert().values(
                entity=entity,
                entity_id=eid,
                op="delete",
                version=0 if row is None else int(row.version),
                data=None,
                station=for_station,
            )
        )

    def _current(self, conn: Connection, entity: str, eid: str) -> dict[str, Any] | None:
        row = conn.execute(
            select(db.entities.c.data, db.entities.c.deleted).where(
                db.entities.c.entity == entity, db.entities.c.id == eid
            )
        ).first()
        if row is None or row.deleted:
            return None
        value = json.loads(row.data)
        return value if isinstance(value, dict) else None

    def import_records(self, kind: str, items: Iterable[Any]) -> ImportResult:
        """Validate all, then store all in one transaction (nothing half)."""
        kind = kind_name(kind)
        model, entity = KINDS[kind]
        records = []
        problems = []
        for i, given in enumerate(items):
            item = given
            if kind == "operators":
                item, pin_problem = _operator_pins(given)
                if pin_problem is not None:
                    problems.append({"index": i, "errors": [{"loc": ["pin"], "msg": pin_problem}]})
                    continue
            try:
                rec = model.model_validate(item)
                if isinstance(rec, InstructionRevisionRecord):
                    # The one package validator: no invalid revision reaches a station.
                    found = check_revision_document(rec.document)
                    if str(rec.document.get("status") or "approved") == "draft":
                        problems.append(
                            {
                                "index": i,
                                "errors": [
                                    {
                                        "loc": ["document", "status"],
                                        "msg": "a draft never goes to the stations; save it "
                                        "to the bridge as a draft and have it approved",
                                    }
                                ],
                            }
                        )
                        continue
                    if found:
                        problems.append(
                            {
                                "index": i,
                                "errors": [
                                    {"loc": ["document", *p.path.split(".")[1:]], "msg": str(p)}
                                    for p in found[:10]
                                ],
                            }
                        )
                        continue
                records.append(rec)
            except ValidationError as err:
                problems.append(
                    {
                        "index": i,
                        "errors": [
                            {"loc": list(x["loc"]), "msg": x["msg"]} for x in err.errors()[:10]
                        ],
                    }
                )
        if problems:
            raise BridgeProblem(
                422,
                "invalid_records",
                f"{len(problems)} of the {kind} records are invalid; nothing was imported",
                problems[:50],
            )
        changed = []
        with self.engine.begin() as conn:
            db.xact_lock(conn, db.LOCK_CHANGES)
            for rec in records:
                eid = entity_id(kind, rec)
                data = rec.model_dump(mode="json")
                if kind in ("boms", "routings"):
                    product = self._current(conn, "product", eid) or {"code": eid, "name": eid}
                    key = "bom" if kind == "boms" else "routing"
                    product[key] = data["components" if kind == "boms" else "operations"]
                    data = product
                # A station's own record goes to that station only; a work order assigned
                # to a station is offered only there.
                for_station = eid if entity == "station" else None
                if isinstance(rec, InstructionRevisionRecord):
                    self.register_package_revision(conn, dict(rec.document))
                if isinstance(rec, WorkOrderRecord):
                    for_station = rec.station or None
                    before = self._current(conn, "work_order", eid)
                    was = (before or {}).get("station") or None
                    if before is not None and was != for_station:
                        # Taken from where it was offered: a tombstone there (the station
                        # cancels it), then the upsert where it goes now.
                        self._tombstone_for(conn, "work_order", eid, was)
                if self._record_change(conn, entity, eid, data, for_station):
                    changed.append(eid)
        return ImportResult(entity=entity, upserted=len(changed), ids=changed)

    def delete_record(self, kind: str, eid: str) -> ImportResult:
        kind = kind_name(kind)
        _, entity = KINDS[kind]
        if kind in ("boms", "routings"):
            raise BridgeProblem(405, "not_deletable", "delete the product, or send an empty list")
        with self.engine.begin() as conn:
            db.xact_lock(conn, db.LOCK_CHANGES)
            done = self._record_change(conn, entity, eid, None)
        return ImportResult(entity=entity, upserted=0, deleted=int(done), ids=[eid] if done else [])

    def get_record(self, kind: str, eid: str) -> dict[str, Any] | None:
        _, entity = KINDS[kind_name(kind)]
        with self.engine.connect() as conn:
            return self._current(conn, entity, eid)

    def import_file(self, path: Path) -> list[ImportResult]:
        return [self.import_records(kind, items) for kind, items in parse_import_file(path)]

    def process_inbox(self, folder: Path) -> list[tuple[str, str]]:
        """Import every ``*.json``/``*.csv`` in ``folder``; move each to ``done/`` or to
        ``failed/`` with a ``.error.json`` beside it. Several workers may poll the same
        folder: a file is claimed by renaming it."""
        out = []
        for sub in ("processing", "done", "failed"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        for path in sorted(folder.iterdir()):
            if not path.is_file() or path.suffix.lower() not in (".json", ".csv"):
                continue
            claimed = folder / "processing" / path.name
            try:
                os.rename(path, claimed)
            except OSError:
                continue  # another worker took it
            try:
                results = self.import_file(claimed)
            except BridgeProblem as err:
                os.replace(claimed, folder / "failed" / path.name)
                (folder / "failed" / f"{path.name}.error.json").write_text(
                    json.dumps({"code": err.code, "reason": err.reason, "detail": err.detail}),
                    encoding="utf-8",
                )
                log.warning("inbox %s failed: %s", path.name, err.reason)
                out.append((path.name, "failed"))
            except (OSError, UnicodeDecodeError, ValueError) as err:
                os.replace(claimed, folder / "failed" / path.name)
                (folder / "failed" / f"{path.name}.error.json").write_text(
                    json.dumps({"code": "unreadable", "reason": str(err)}), encoding="utf-8"
                )
                out.append((path.name, "failed"))
            else:
                os.replace(claimed, folder / "done" / path.name)
                log.info("inbox %s: %s", path.name, [r.model_dump() for r in results])
                out.append((path.name, "done"))
        return out
