"""What the bridge does, without HTTP: ingest pushes, serve changes, take in ERP data,
derive production confirmations, answer as-built and recall questions.

The FastAPI app (:mod:`sync.bridge.app`) and the CLI (:mod:`sync.bridge.cli`) are thin
layers over :class:`Bridge`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
import secrets
import statistics
import uuid
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from pydantic import Field, ValidationError
from sqlalchemy import Connection, Engine, and_, delete, func, select, update

from sync.bridge import db
from sync.bridge.package import MediaFile, PackageInvalid, read_package
from sync.protocol import (
    MAX_PAGE,
    PROTOCOL_VERSION,
    SUPPORTED_SCHEMA_VERSIONS,
    Change,
    ChangesPage,
    ConfirmationsPage,
    EventResult,
    Hello,
    ImportResult,
    InstructionRevisionRecord,
    MasterRecord,
    OperatorRecord,
    ProductRecord,
    PushRequest,
    PushResponse,
    StationRecord,
    WorkOrderRecord,
    canonical_json,
    payload_sha256,
    rfc3339,
    utc_now,
)

log = logging.getLogger("sync.bridge")

#: A station whose clock differs from the bridge's by more than this is flagged.
CLOCK_SKEW_LIMIT_S = 120.0


class BridgeProblem(Exception):
    """A request the bridge refuses: HTTP ``status``, a stable ``code``, a ``reason``."""

    def __init__(self, status: int, code: str, reason: str, detail: Any = None) -> None:
        super().__init__(reason)
        self.status = status
        self.code = code
        self.reason = reason
        self.detail = detail


def sha256_text(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


# --- ERP records -------------------------------------------------------------------------


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


#: ERP kinds (URL / file names) → (model, station entity).
KINDS: dict[str, tuple[type[MasterRecord], str]] = {
    "products": (ProductRecord, "product"),
    "operators": (OperatorRecord, "operator"),
    "work-orders": (WorkOrderRecord, "work_order"),
    "boms": (BomIn, "product"),
    "routings": (RoutingIn, "product"),
    "instruction-revisions": (InstructionRevisionRecord, "instruction_revision"),
    # A station's own record (name, line, operations); only that station receives it.
    "stations": (StationRecord, "station"),
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
    raise AssertionError(kind)


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


# --- derived records -----------------------------------------------------------------------


@dataclass
class _Segment:
    """One work order × operation's share of one push: a production performance delta."""

    station: str
    work_order: str
    operation: str
    units: list[dict[str, Any]] = field(default_factory=list)
    downtime: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    start: str = ""
    end: str = ""
    flags: set[str] = field(default_factory=set)

    def at(self, moment: str) -> None:
        self.start = min(self.start or moment, moment)
        self.end = max(self.end, moment)


def _seconds_between(a: str | None, b: str | None) -> float | None:
    if not a or not b:
        return None
    try:
        return (datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds()
    except ValueError:
        return None


def cycle_stats(values: Sequence[float]) -> dict[str, Any]:
    if not values:
        return {"count": 0}
    ordered = sorted(values)
    return {
        "count": len(ordered),
        "mean": round(statistics.fmean(ordered), 3),
        "min": ordered[0],
        "max": ordered[-1],
        "median": statistics.median(ordered),
        "stdev": round(statistics.pstdev(ordered), 3),
    }


class Bridge:
    """The bridge's state: a database (SQLite or PostgreSQL) and a data folder for media
    and the ERP inbox/outbox."""

    def __init__(self, engine: Engine, data_dir: Path) -> None:
        self.engine = engine
        self.data_dir = data_dir
        self.media_dir = data_dir / "media"
        self.media_dir.mkdir(parents=True, exist_ok=True)

    @classmethod
    def open(cls, url: str, data_dir: Path, *, pool_size: int = 10) -> Bridge:
        engine = db.make_engine(url, pool_size=pool_size)
        db.create_schema(engine)
        return cls(engine, data_dir)

    def close(self) -> None:
        self.engine.dispose()

    # --- registry ----------------------------------------------------------------------

    def add_station(self, station: str, name: str = "") -> str:
        """Register a station (or give it a new token); returns the token, shown once."""
        token = secrets.token_urlsafe(32)
        now = rfc3339(utc_now())
        with self.engine.begin() as conn:
            db.xact_lock(conn, db.LOCK_CHANGES)
            exists = conn.execute(
                select(db.stations.c.id).where(db.stations.c.id == station)
            ).first()
            if exists:
                conn.execute(
                    update(db.stations)
                    .where(db.stations.c.id == station)
                    .values(token_sha256=sha256_text(token))
                )
            else:
                conn.execute(
                    db.stations.insert().values(
                        id=station,
                        name=name or station,
                        token_sha256=sha256_text(token),
                        created_at=now,
                    )
                )
                # Master data imported for it before it was registered (line, operations)
                # is kept; the name given here wins.
                known = self._current(conn, "station", station) or {}
                self._record_change(
                    conn,
                    "station",
                    station,
                    known | {"id": station, "name": name or known.get("name") or station},
                    station,
                )
        return token

    def add_api_key(self, name: str) -> str:
        key = "kb_" + secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            db.upsert(
                conn,
                db.api_keys,
                {"name": name, "key_sha256": sha256_text(key), "created_at": rfc3339(utc_now())},
                ["name"],
            )
        return key

    def station_for_token(self, token: str) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(db.stations.c.id).where(db.stations.c.token_sha256 == sha256_text(token))
            ).first()
        return None if row is None else str(row[0])

    def station_exists(self, station: str) -> bool:
        with self.engine.connect() as conn:
            return (
                conn.execute(select(db.stations.c.id).where(db.stations.c.id == station)).first()
                is not None
            )

    def api_key_valid(self, key: str) -> bool:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(db.api_keys.c.name).where(db.api_keys.c.key_sha256 == sha256_text(key))
            ).first()
        return row is not None

    def hello(self, station: str) -> Hello:
        with self.engine.connect() as conn:
            row = conn.execute(select(db.stations).where(db.stations.c.id == station)).one()
        return Hello(
            station=row.id,
            name=row.name,
            protocol_version=PROTOCOL_VERSION,
            server_time=utc_now(),
            last_seq=row.last_seq,
            clock_skew_s=row.clock_skew_s,
            clock_flagged=bool(row.clock_flagged),
        )

    def station_created_at(self, station: str) -> str:
        """When the station was added (station branch: the hello's minimal epoch)."""
        with self.engine.connect() as conn:
            return str(
                conn.execute(
                    select(db.stations.c.created_at).where(db.stations.c.id == station)
                ).scalar_one()
            )

    def stations_overview(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(db.stations).order_by(db.stations.c.id)).all()
        return [
            {
                "station": r.id,
                "name": r.name,
                "last_seq": r.last_seq,
                "last_seen_at": r.last_seen_at,
                "clock_skew_s": r.clock_skew_s,
                "clock_flagged": bool(r.clock_flagged),
            }
            for r in rows
        ]

    # --- push --------------------------------------------------------------------------

    def push(self, station: str, req: PushRequest) -> PushResponse:
        """Store a batch exactly once; per-event results; a gap refuses the whole batch."""
        now = utc_now()
        received = rfc3339(now)
        skew = None if req.sent_at is None else (req.sent_at - now).total_seconds()
        evs = sorted(req.events, key=lambda e: e.station_seq)
        seqs = [e.station_seq for e in evs]
        ids = [str(e.event_id) for e in evs]
        if len(set(seqs)) != len(seqs) or len(set(ids)) != len(ids):
            raise BridgeProblem(
                422, "duplicate_in_batch", "a station_seq or event_id appears twice in the batch"
            )
        results: dict[str, EventResult] = {}
        with self.engine.begin() as conn:
            stmt = select(db.stations).where(db.stations.c.id == station)
            if db.is_postgres(conn):
                stmt = stmt.with_for_update()
            srow = conn.execute(stmt).one()
            last_seq = int(srow.last_seq)
            existing: dict[str, tuple[int, str]] = {}
            taken: dict[int, str] = {}
            for chunk in _chunks(list(zip(ids, seqs, strict=True)), 500):
                cids = [c[0] for c in chunk]
                cseqs = [c[1] for c in chunk]
                for r in conn.execute(
                    select(
                        db.events.c.event_id, db.events.c.station_seq, db.events.c.payload_sha256
                    ).where(
                        db.events.c.station == station,
                        db.events.c.event_id.in_(cids) | db.events.c.station_seq.in_(cseqs),
                    )
                ):
                    existing[r.event_id] = (int(r.station_seq), r.payload_sha256)
                    taken[int(r.station_seq)] = r.event_id
            new = []
            rejected_seqs: set[int] = set()

            def reject(e: Any, code: str, reason: str) -> None:
                results[str(e.event_id)] = EventResult(
                    event_id=e.event_id,
                    station_seq=e.station_seq,
                    status="rejected",
                    code=code,
                    reason=reason,
                )
                if e.station_seq not in taken:
                    rejected_seqs.add(e.station_seq)

            for e in evs:
                eid = str(e.event_id)
                if eid in existing:
                    seq, sha = existing[eid]
                    if seq == e.station_seq and sha == e.payload_sha256:
                        results[eid] = EventResult(
                            event_id=e.event_id, station_seq=e.station_seq, status="duplicate"
                        )
                    else:
                        reject(
                            e,
                            "event_id_conflict",
                            f"event {eid} is already stored with another body or station_seq "
                            f"({seq})",
                        )
                elif e.station_seq in taken:
                    reject(
                        e,
                        "seq_conflict",
                        f"station_seq {e.station_seq} is already stored for another event "
                        f"({taken[e.station_seq]})",
                    )
                elif payload_sha256(e.payload) != e.payload_sha256:
                    reject(e, "payload_hash_mismatch", "payload_sha256 does not match the payload")
                elif e.schema_version not in SUPPORTED_SCHEMA_VERSIONS:
                    reject(
                        e,
                        "unsupported_schema_version",
                        f"schema_version {e.schema_version} is not understood by this bridge",
                    )
                else:
                    new.append(e)
            # Contiguity: every seq up to the highest new one is stored, in this batch, or
            # declared held (a dead letter on the station).
            covered = {e.station_seq for e in new} | rejected_seqs | set(req.held)
            covered |= {s for s in seqs if s in taken}
            if new and max(e.station_seq for e in new) > last_seq:
                top = max(e.station_seq for e in new)
                covered |= {
                    int(r[0])
                    for r in conn.execute(
                        select(db.held_seqs.c.station_seq).where(
                            db.held_seqs.c.station == station,
                            db.held_seqs.c.station_seq > last_seq,
                            db.held_seqs.c.station_seq <= top,
                        )
                    )
                }
            wm = last_seq
            while wm + 1 in covered:
                wm += 1
            gap = [e.station_seq for e in new if e.station_seq > wm]
            if gap:
                raise BridgeProblem(
                    409,
                    "seq_gap",
                    f"station_seq {wm + 1} is missing before {gap[0]}; push from {wm + 1}",
                    {"expected": wm + 1, "last_seq": last_seq},
                )
            flagged = skew is not None and abs(skew) > CLOCK_SKEW_LIMIT_S
            inserted = self._store_events(
                conn, station, new, received=received, now=now, clock_flagged=flagged
            )
            for e in new:
                eid = str(e.event_id)
                if eid in inserted:
                    results[eid] = EventResult(
                        event_id=e.event_id,
                        station_seq=e.station_seq,
                        status="accepted",
                        flags=inserted[eid],
                    )
                else:  # lost a race with a concurrent push of the same event
                    results[eid] = EventResult(
                        event_id=e.event_id, station_seq=e.station_seq, status="duplicate"
                    )
            hold = (set(req.held) | rejected_seqs) - set(taken)
            if hold:
                db.insert_ignore(
                    conn,
                    db.held_seqs,
                    [{"station": station, "station_seq": s, "declared_at": received} for s in hold],
                )
            filled = [e.station_seq for e in new if e.station_seq <= last_seq]
            if filled:
                conn.execute(
                    delete(db.held_seqs).where(
                        db.held_seqs.c.station == station, db.held_seqs.c.station_seq.in_(filled)
                    )
                )
            values: dict[str, Any] = {"last_seq": wm, "last_seen_at": received}
            if skew is not None:
                values |= {"clock_skew_s": round(skew, 3), "clock_flagged": flagged}
                if flagged and not srow.clock_flagged:
                    log.warning("station %s: clock is off by %.0f s", station, skew)
            conn.execute(update(db.stations).where(db.stations.c.id == station).values(**values))
        return PushResponse(
            batch_id=req.batch_id,
            received_at=now,
            last_seq=wm,
            clock_skew_s=skew,
            results=[results[i] for i in ids],
        )

    def _store_events(
        self,
        conn: Connection,
        station: str,
        new: Sequence[Any],
        *,
        received: str,
        now: datetime,
        clock_flagged: bool,
    ) -> dict[str, list[str]]:
        """Insert new events and what derives from them; returns {event_id: flags}."""
        if not new:
            return {}
        flags: dict[str, list[str]] = {}
        unit_ids = {str(e.payload.get("unit_id")) for e in new if e.payload.get("unit_id")}
        known_units: dict[str, tuple[str, str, str]] = {}
        for chunk in _chunks(sorted(unit_ids), 500):
            for r in conn.execute(
                select(
                    db.units.c.unit_id,
                    db.units.c.work_order,
                    db.units.c.operation,
                    db.units.c.serial,
                ).where(db.units.c.unit_id.in_(chunk))
            ):
                known_units[r.unit_id] = (r.work_order, r.operation, r.serial)
        for e in new:
            if e.type == "unit.started" and e.payload.get("unit_id"):
                p = e.payload
                known_units[str(p["unit_id"])] = (
                    str(p.get("work_order", "")),
                    str(p.get("operation", "")),
                    str(p.get("serial", "")),
                )
        orders = {wo for wo, _, _ in known_units.values()} | {
            str(e.payload["work_order"]) for e in new if e.payload.get("work_order")
        }
        cancelled = set()
        for chunk in _chunks(sorted(orders), 500):
            for wo_row in conn.execute(
                select(db.entities.c.id, db.entities.c.data).where(
                    db.entities.c.entity == "work_order", db.entities.c.id.in_(chunk)
                )
            ):
                if json.loads(wo_row.data).get("status") == "cancelled":
                    cancelled.add(wo_row.id)
        rows = []
        for e in new:
            p = e.payload
            uid = str(p["unit_id"]) if p.get("unit_id") else None
            wo = str(p.get("work_order") or (known_units.get(uid or "", ("",))[0]))
            f: list[str] = []
            if wo and wo in cancelled:
                f.append("work_order_cancelled")
            if clock_flagged:
                f.append("station_clock_skew")
            if (e.occurred_at - now).total_seconds() > CLOCK_SKEW_LIMIT_S:
                f.append("occurred_in_future")
            flags[str(e.event_id)] = f
            rows.append(
                {
                    "station": station,
                    "event_id": str(e.event_id),
                    "station_seq": e.station_seq,
                    "type": e.type,
                    "occurred_at": rfc3339(e.occurred_at),
                    "received_at": received,
                    "operator_id": e.operator_id,
                    "schema_version": e.schema_version,
                    "payload": canonical_json(p),
                    "payload_sha256": e.payload_sha256,
                    "unit_id": uid,
                    "flags": ",".join(f),
                }
            )
        stmt: Any
        if db.is_postgres(conn):
            from sqlalchemy.dialects import postgresql

            stmt = postgresql.insert(db.events).on_conflict_do_nothing()
        else:
            from sqlalchemy.dialects import sqlite

            stmt = sqlite.insert(db.events).on_conflict_do_nothing()
        stmt = stmt.returning(db.events.c.event_id, db.events.c.id)
        keys = {r.event_id: int(r.id) for r in conn.execute(stmt, rows)}
        stored = [e for e in new if str(e.event_id) in keys]
        if stored:
            self._derive(conn, station, stored, keys, flags)
        return {eid: flags[eid] for eid in keys}

    def _derive(
        self,
        conn: Connection,
        station: str,
        new: Sequence[Any],
        keys: dict[str, int],
        flags: dict[str, list[str]],
    ) -> None:
        """Units, genealogy, downtime and production performance records from new events."""
        segments: dict[tuple[str, str], _Segment] = {}
        consumed = []
        finished_units: list[tuple[str, Any, str]] = []
        current: tuple[str, str] | None = None

        def segment(wo: str, op: str) -> _Segment:
            return segments.setdefault((wo, op), _Segment(station, wo, op))

        for e in new:
            p = e.payload
            at = rfc3339(e.occurred_at)
            if e.type == "unit.started" and p.get("unit_id"):
                db.upsert(
                    conn,
                    db.units,
                    {
                        "unit_id": str(p["unit_id"]),
                        "station": station,
                        "serial": str(p.get("serial", "")),
                        "work_order": str(p.get("work_order", "")),
                        "operation": str(p.get("operation", "")),
                        "revision": None if p.get("revision") is None else str(p["revision"]),
                        "started_at": at,
                        "operator_id": e.operator_id,
                    },
                    ["unit_id"],
                )
                current = (str(p.get("work_order", "")), str(p.get("operation", "")))
            elif e.type in ("unit.completed", "unit.scrapped") and p.get("unit_id"):
                uid = str(p["unit_id"])
                row = conn.execute(select(db.units).where(db.units.c.unit_id == uid)).first()
                wo = str(p.get("work_order") or (row.work_order if row else ""))
                op = str(p.get("operation") or (row.operation if row else ""))
                serial = str(p.get("serial") or (row.serial if row else ""))
                good = e.type == "unit.completed"
                cycle = p.get("cycle_time_s")
                if not isinstance(cycle, (int, float)) or isinstance(cycle, bool):
                    cycle = _seconds_between(row.started_at if row else None, at)
                values = {
                    "finished_at": at,
                    "outcome": "good" if good else "scrap",
                    "cycle_time_s": cycle,
                    "scrap_reason": None if good else str(p.get("reason", "")),
                }
                if row is None:
                    conn.execute(
                        db.units.insert().values(
                            unit_id=uid,
                            station=station,
                            serial=serial,
                            work_order=wo,
                            operation=op,
                            operator_id=e.operator_id,
                            **values,
                        )
                    )
                else:
                    conn.execute(update(db.units).where(db.units.c.unit_id == uid).values(values))
                seg = segment(wo, op)
                seg.at(at)
                seg.flags.update(flags[str(e.event_id)])
                finished_units.append((uid, e, serial))
                seg.units.append(
                    {
                        "unit_id": uid,
                        "serial": serial,
                        "outcome": values["outcome"],
                        "cycle_time_s": cycle,
                        "scrap_reason": values["scrap_reason"],
                        "operator_id": e.operator_id or (row.operator_id if row else None),
                        "finished_at": at,
                        "flags": flags[str(e.event_id)],
                    }
                )
            elif e.type == "component.consumed" and p.get("unit_id"):
                consumed.append(
                    {
                        "event_key": keys[str(e.event_id)],
                        "unit_id": str(p["unit_id"]),
                        "serial": _opt(p.get("serial")),
                        "part": _opt(p.get("part")),
                        "component_serial": _opt(p.get("component_serial")),
                        "lot": _opt(p.get("lot")),
                        "gtin": _opt(p.get("gtin")),
                    }
                )
            elif e.type == "downtime.ended":
                minutes = p.get("minutes")
                if isinstance(minutes, (int, float)) and not isinstance(minutes, bool):
                    wo, op = (
                        (str(p["work_order"]), str(p.get("operation", "")))
                        if p.get("work_order")
                        else current or self._station_current_work(conn, station)
                    )
                    reason = str(p.get("reason") or "unspecified")
                    conn.execute(
                        db.downtimes.insert().values(
                            event_key=keys[str(e.event_id)],
                            station=station,
                            work_order=wo or None,
                            operation=op or None,
                            reason=reason,
                            minutes=float(minutes),
                        )
                    )
                    if wo:
                        seg = segment(wo, op)
                        seg.downtime[reason] += float(minutes)
                        seg.at(at)
        if consumed:
            conn.execute(db.consumptions.insert(), consumed)
        if segments:
            self._write_confirmations(conn, list(segments.values()), finished_units)

    def _station_current_work(self, conn: Connection, station: str) -> tuple[str, str]:
        row = conn.execute(
            select(db.units.c.work_order, db.units.c.operation)
            .where(db.units.c.station == station)
            .order_by(db.units.c.started_at.desc())
            .limit(1)
        ).first()
        return ("", "") if row is None else (row.work_order, row.operation)

    def _write_confirmations(
        self, conn: Connection, segments: list[_Segment], finished: list[tuple[str, Any, str]]
    ) -> None:
        serial_of = {uid: serial for uid, _, serial in finished}
        details: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(
            lambda: {"genealogy": [], "quality": [], "torque": []}
        )
        for chunk in _chunks(sorted(serial_of), 300):
            for r in conn.execute(
                select(db.events.c.unit_id, db.events.c.type, db.events.c.payload)
                .where(
                    db.events.c.unit_id.in_(chunk),
                    db.events.c.type.in_(
                        ["component.consumed", "measurement.recorded", "torque.recorded"]
                    ),
                )
                .order_by(db.events.c.id)
            ):
                p = json.loads(r.payload)
                serial = serial_of[r.unit_id]
                if r.type == "component.consumed":
                    details[r.unit_id]["genealogy"].append(
                        {
                            "serial": serial,
                            "part": p.get("part"),
                            "component_serial": p.get("component_serial"),
                            "lot": p.get("lot"),
                            "gtin": p.get("gtin"),
                        }
                    )
                elif r.type == "measurement.recorded":
                    details[r.unit_id]["quality"].append(
                        {"serial": serial}
                        | {
                            k: p.get(k)
                            for k in (
                                "step_id",
                                "name",
                                "value",
                                "unit",
                                "lower",
                                "upper",
                                "nominal",
                                "outcome",
                                "marginal",
                            )
                        }
                    )
                else:
                    # Exactly one tightening per event, from its top-level fields. A partial
                    # step's event also carries ``tightenings``, the running list so far
                    # (for the station's own projection): never counted here.
                    details[r.unit_id]["torque"].append({"serial": serial} | tightening(p))
        now = rfc3339(utc_now())
        rows = []
        for seg in segments:
            good = [u for u in seg.units if u["outcome"] == "good"]
            scrap = [u for u in seg.units if u["outcome"] == "scrap"]
            cycles = [float(u["cycle_time_s"]) for u in seg.units if u["cycle_time_s"] is not None]
            labour: dict[str, float] = defaultdict(float)
            for u in seg.units:
                if u["cycle_time_s"] is not None:
                    labour[u["operator_id"] or "unknown"] += float(u["cycle_time_s"])
            scrap_reasons: dict[str, int] = defaultdict(int)
            for u in scrap:
                scrap_reasons[u["scrap_reason"] or "unspecified"] += 1
            first = seg.units[0]["unit_id"] if seg.units else seg.start
            body = {
                # Stable id: the same push can never produce two confirmations.
                "id": str(
                    uuid.uuid5(
                        uuid.NAMESPACE_URL,
                        f"kiosk:{seg.station}:{seg.work_order}:{seg.operation}:{first}:{seg.end}",
                    )
                ),
                "type": "production_performance",
                "work_order": seg.work_order,
                "operation": seg.operation,
                "station": seg.station,
                "start_time": seg.start,
                "end_time": seg.end,
                "material_produced": {
                    "good": len(good),
                    "scrap": len(scrap),
                    "uom": "pcs",
                    "scrap_reasons": dict(scrap_reasons),
                },
                "labour_time_s": round(sum(labour.values()), 3),
                "personnel_actual": [
                    {"operator_id": k, "labour_time_s": round(v, 3)} for k, v in labour.items()
                ],
                "downtime_min": {k: round(v, 3) for k, v in seg.downtime.items()},
                "cycle_time_s": cycle_stats(cycles),
                "units": seg.units,
                "material_consumed": [
                    g for u in seg.units for g in details[u["unit_id"]]["genealogy"]
                ],
                "quality_results": [q for u in seg.units for q in details[u["unit_id"]]["quality"]],
                "torque_results": [t for u in seg.units for t in details[u["unit_id"]]["torque"]],
                "flags": sorted(seg.flags),
            }
            rows.append(
                {
                    "station": seg.station,
                    "work_order": seg.work_order,
                    "operation": seg.operation,
                    "created_at": now,
                    "body": json.dumps(body),
                }
            )
        conn.execute(db.confirmations.insert(), rows)

    # --- pull --------------------------------------------------------------------------

    def changes(self, station: str, since: int, limit: int) -> ChangesPage:
        limit = max(1, min(limit, MAX_PAGE))
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

    # --- ERP in --------------------------------------------------------------------------

    def import_records(self, kind: str, items: Iterable[Any]) -> ImportResult:
        """Validate all, then store all in one transaction (nothing half)."""
        kind = kind_name(kind)
        model, entity = KINDS[kind]
        records = []
        problems = []
        for i, item in enumerate(items):
            try:
                records.append(model.model_validate(item))
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
                # A station's own record goes to that station only.
                for_station = eid if entity == "station" else None
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

    # --- media -------------------------------------------------------------------------

    def media_path(self, sha256: str) -> Path:
        return self.media_dir / sha256[:2] / sha256

    def add_media(
        self, content: bytes, *, file_name: str, media_type: str, sha256: str = ""
    ) -> str:
        digest, size, tmp = self._stage_media(io.BytesIO(content))
        if sha256 and sha256 != digest:
            tmp.unlink(missing_ok=True)
            raise BridgeProblem(
                422,
                "hash_mismatch",
                f"the content's sha256 is {digest}, not {sha256}; nothing was stored",
            )
        self._place_media(tmp, digest)
        with self.engine.begin() as conn:
            db.xact_lock(conn, db.LOCK_CHANGES)
            self._record_media(conn, digest, size, media_type, file_name)
        return digest

    def _stage_media(self, stream: IO[bytes]) -> tuple[str, int, Path]:
        """Copy a stream into a temporary file in the media store, hashing as it goes."""
        h = hashlib.sha256()
        size = 0
        tmp = self.media_dir / f".{os.getpid()}.{secrets.token_hex(8)}.part"
        try:
            with open(tmp, "wb") as f:
                while chunk := stream.read(1 << 20):
                    h.update(chunk)
                    f.write(chunk)
                    size += len(chunk)
                f.flush()
                os.fsync(f.fileno())
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return h.hexdigest(), size, tmp

    def _place_media(self, tmp: Path, digest: str) -> None:
        path = self.media_path(digest)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            tmp.unlink(missing_ok=True)
        else:
            os.replace(tmp, path)

    def _record_media(
        self, conn: Connection, digest: str, size: int, media_type: str, file_name: str
    ) -> None:
        data = {"sha256": digest, "size": size, "type": media_type, "file_name": file_name}
        db.insert_ignore(conn, db.media, [data | {"created_at": rfc3339(utc_now())}])
        self._record_change(conn, "media", digest, data)

    def media_info(self, sha256: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(db.media).where(db.media.c.sha256 == sha256)).first()
        return None if row is None else dict(row._mapping)

    def publish_package(self, path: Path) -> dict[str, Any]:
        """Publish an instruction package (a folder or .zip in the station's format,
        docs/instruction-package.md section 1): every media file, hashed as it is
        streamed in, then the revision; all or nothing. The stations pull the revision as
        an ``instruction_revision`` change whose ``data["document"]`` is the document."""
        try:
            package = read_package(path)
        except PackageInvalid as err:
            raise BridgeProblem(
                422,
                "invalid_package",
                f"{path}: {len(err.problems)} problem(s); nothing was published",
                err.problems,
            ) from err
        staged: list[tuple[MediaFile, str, int, Path]] = []
        problems = []
        try:
            for item in package.media:
                try:
                    with package.open_media(item) as stream:
                        digest, size, tmp = self._stage_media(stream)
                except (OSError, zipfile.BadZipFile) as err:
                    problems.append(f"{item.name}: unreadable ({err})")
                    continue
                staged.append((item, digest, size, tmp))
                if digest != item.sha256:
                    problems.append(f"{item.name}: its content hashes to {digest}")
            if problems:
                raise BridgeProblem(
                    422,
                    "invalid_package",
                    f"{path}: {len(problems)} problem(s); nothing was published",
                    problems,
                )
            doc = package.document
            record = InstructionRevisionRecord(
                document_id=str(doc["id"]),
                revision=int(doc["revision"]),
                status=str(doc.get("status") or "approved"),
                product=str(doc["product"]),
                operation=str(doc["operation"]),
                document=doc,
            )
            for _item, digest, _size, tmp in staged:
                self._place_media(tmp, digest)
            staged_done, staged = staged, []
            with self.engine.begin() as conn:
                db.xact_lock(conn, db.LOCK_CHANGES)
                for item, digest, size, _tmp in staged_done:
                    self._record_media(conn, digest, size, item.media_type, item.name[6:])
                key = entity_id("instruction-revisions", record)
                self._record_change(
                    conn, "instruction_revision", key, record.model_dump(mode="json")
                )
        finally:
            for *_, tmp in staged:
                tmp.unlink(missing_ok=True)
            package.close()
        return {
            "revisions": [key],
            "media": [digest for _, digest, _, _ in staged_done],
            "warnings": package.warnings,
        }

    # --- ERP out -------------------------------------------------------------------------

    def confirmations(self, since: int, limit: int = 100) -> ConfirmationsPage:
        limit = max(1, min(limit, MAX_PAGE))
        with self.engine.begin() as conn:
            self._assign_feed_cursors(conn)
            rows = conn.execute(
                select(db.confirmations.c.cursor, db.confirmations.c.body)
                .where(db.confirmations.c.cursor > since)
                .order_by(db.confirmations.c.cursor)
                .limit(limit + 1)
            ).all()
        page = rows[:limit]
        return ConfirmationsPage(
            confirmations=[{"cursor": int(r.cursor)} | json.loads(r.body) for r in page],
            next_cursor=int(page[-1].cursor) if page else since,
            has_more=len(rows) > limit,
        )

    def _assign_feed_cursors(self, conn: Connection) -> None:
        pending = conn.execute(
            select(db.confirmations.c.id)
            .where(db.confirmations.c.cursor.is_(None))
            .order_by(db.confirmations.c.id)
            .limit(1)
        ).first()
        if pending is None:
            return
        db.xact_lock(conn, db.LOCK_FEED)
        top = conn.execute(select(func.coalesce(func.max(db.confirmations.c.cursor), 0))).scalar()
        nxt = int(top or 0)
        for (cid,) in conn.execute(
            select(db.confirmations.c.id)
            .where(db.confirmations.c.cursor.is_(None))
            .order_by(db.confirmations.c.id)
        ).all():
            nxt += 1
            conn.execute(
                update(db.confirmations).where(db.confirmations.c.id == cid).values(cursor=nxt)
            )

    def write_outbox(self, folder: Path) -> int:
        """Write new confirmations as files (``confirmation-<cursor>.json``); returns how
        many. Each file appears whole (temp file + rename); rewriting one is harmless."""
        folder.mkdir(parents=True, exist_ok=True)
        with self.engine.connect() as conn:
            row = conn.execute(
                select(db.feed_marks.c.cursor).where(db.feed_marks.c.name == "outbox")
            ).first()
        since = 0 if row is None else int(row[0])
        written = 0
        while True:
            page = self.confirmations(since, 500)
            for c in page.confirmations:
                path = folder / f"confirmation-{c['cursor']:012d}.json"
                tmp = folder / f".{path.name}.{os.getpid()}.tmp"
                tmp.write_text(json.dumps(c, indent=2), encoding="utf-8")
                os.replace(tmp, path)
                written += 1
            if page.next_cursor != since:
                since = page.next_cursor
                with self.engine.begin() as conn:
                    db.upsert(conn, db.feed_marks, {"name": "outbox", "cursor": since}, ["name"])
            if not page.has_more:
                return written

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

    # --- questions -----------------------------------------------------------------------

    def as_built(self, serial: str, *, depth: int = 0) -> dict[str, Any] | None:
        """Everything recorded about one serial, with the as-built of sub-assemblies."""
        with self.engine.connect() as conn:
            unit = conn.execute(
                select(db.units).where(db.units.c.serial == serial).order_by(db.units.c.started_at)
            ).first()
            if unit is None:
                return None
            evs = conn.execute(
                select(db.events)
                .where(db.events.c.unit_id == unit.unit_id)
                .order_by(db.events.c.station, db.events.c.station_seq)
            ).all()
            parts = conn.execute(
                select(db.consumptions).where(db.consumptions.c.unit_id == unit.unit_id)
            ).all()
        record: dict[str, Any] = {
            k: getattr(unit, k)
            for k in (
                "serial",
                "unit_id",
                "station",
                "work_order",
                "operation",
                "revision",
                "started_at",
                "finished_at",
                "outcome",
                "cycle_time_s",
                "scrap_reason",
                "operator_id",
            )
        }
        record["events"] = [
            {
                "station_seq": e.station_seq,
                "event_id": e.event_id,
                "type": e.type,
                "occurred_at": e.occurred_at,
                "received_at": e.received_at,
                "operator_id": e.operator_id,
                "payload": json.loads(e.payload),
                "flags": [f for f in e.flags.split(",") if f],
            }
            for e in evs
        ]
        record["tightenings"] = [
            tightening(ev["payload"]) for ev in record["events"] if ev["type"] == "torque.recorded"
        ]
        record["components"] = []
        for c in parts:
            item: dict[str, Any] = {
                "part": c.part,
                "component_serial": c.component_serial,
                "lot": c.lot,
                "gtin": c.gtin,
            }
            if c.component_serial and depth < 8:
                sub = self.as_built(c.component_serial, depth=depth + 1)
                if sub is not None:
                    item["as_built"] = sub
            record["components"].append(item)
        return record

    def recall(
        self, *, lot: str | None = None, component_serial: str | None = None
    ) -> list[dict[str, Any]]:
        """Units that contain the lot or serial, directly or through sub-assemblies."""
        found: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            cond = (
                db.consumptions.c.lot == lot
                if lot is not None
                else db.consumptions.c.component_serial == component_serial
            )
            frontier = [(cond, "direct")]
            while frontier:
                cond, via = frontier.pop()
                rows = conn.execute(
                    select(db.units, db.consumptions.c.part)
                    .join(db.consumptions, db.consumptions.c.unit_id == db.units.c.unit_id)
                    .where(cond)
                ).all()
                for r in rows:
                    if r.serial in found:
                        continue
                    found[r.serial] = {
                        "serial": r.serial,
                        "work_order": r.work_order,
                        "operation": r.operation,
                        "station": r.station,
                        "outcome": r.outcome,
                        "part": r.part,
                        "via": via,
                    }
                    frontier.append((db.consumptions.c.component_serial == r.serial, r.serial))
        return list(found.values())

    def performance(self, work_order: str) -> list[dict[str, Any]]:
        """Totals per operation of a work order (all stations, all pushes so far)."""
        with self.engine.connect() as conn:
            units = conn.execute(
                select(
                    db.units.c.operation,
                    db.units.c.outcome,
                    db.units.c.cycle_time_s,
                ).where(db.units.c.work_order == work_order)
            ).all()
            downs = conn.execute(
                select(db.downtimes.c.operation, db.downtimes.c.reason, db.downtimes.c.minutes)
                .where(db.downtimes.c.work_order == work_order)
                .order_by(db.downtimes.c.event_key)
            ).all()
        ops: dict[str, dict[str, Any]] = {}

        def op(name: str) -> dict[str, Any]:
            return ops.setdefault(
                name,
                {
                    "work_order": work_order,
                    "operation": name,
                    "good": 0,
                    "scrap": 0,
                    "in_progress": 0,
                    "labour_time_s": 0.0,
                    "downtime_min": defaultdict(float),
                    "_cycles": [],
                },
            )

        for u in units:
            o = op(u.operation)
            o[u.outcome if u.outcome in ("good", "scrap") else "in_progress"] += 1
            if u.cycle_time_s is not None and u.outcome in ("good", "scrap"):
                o["labour_time_s"] += u.cycle_time_s
                if u.outcome == "good":
                    o["_cycles"].append(u.cycle_time_s)
        for d in downs:
            op(d.operation or "")["downtime_min"][d.reason] += d.minutes
        out = []
        for o in ops.values():
            o["cycle_time_s"] = cycle_stats(o.pop("_cycles"))
            o["downtime_min"] = dict(o["downtime_min"])
            o["labour_time_s"] = round(o["labour_time_s"], 3)
            out.append(o)
        return out

    def events_count(self, station: str | None = None) -> int:
        with self.engine.connect() as conn:
            stmt = select(func.count()).select_from(db.events)
            if station is not None:
                stmt = stmt.where(db.events.c.station == station)
            return int(conn.execute(stmt).scalar_one())

    def station_seqs(self, station: str) -> list[int]:
        with self.engine.connect() as conn:
            return [
                int(r[0])
                for r in conn.execute(
                    select(db.events.c.station_seq)
                    .where(and_(db.events.c.station == station))
                    .order_by(db.events.c.station_seq)
                )
            ]


TORQUE_FIELDS = ("step_id", "fastening", "torque", "angle", "ok", "pset", "tightening_id")


def tightening(payload: dict[str, Any]) -> dict[str, Any]:
    """The one tightening a ``torque.recorded`` event records: its top-level fields. The
    ``tightenings`` list a partial step's event also carries is the running list so far,
    kept for the station's own projection; it is never counted."""
    return {k: payload.get(k) for k in TORQUE_FIELDS}


def _opt(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
