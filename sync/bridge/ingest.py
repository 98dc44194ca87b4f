"""Ingest: a station's push stored exactly once, each event checked against its payload
model and against the station it belongs to; refusals kept for the line lead.

Over 500 lines and not split: a push is one transaction with two ways through it (the short
way for a batch above the station's watermark, the full way it falls back to on any
conflict), and exactly-once is only checkable with both ways side by side."""

from __future__ import annotations

import hashlib
import json
import operator
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, func, select, update

from sync.bridge import db
from sync.bridge.base import (
    CLOCK_SKEW_LIMIT_S,
    BridgeBase,
    BridgeProblem,
    Incoming,
    _chunks,
    log,
)
from sync.protocol import (
    SUPPORTED_SCHEMA_VERSIONS,
    UNIT_EVENTS,
    PayloadRejected,
    PushRequest,
    PushResponse,
    canonical_json,
    check_payload,
    rfc3339,
    utc_now,
)


class Ingest(BridgeBase):
    """Pushes in; what was refused and stored."""

    def push(self, station: str, req: PushRequest) -> PushResponse:
        """Store a batch exactly once; per-event results; a gap refuses the whole batch.

        A batch wholly above the station's watermark (the common push) cannot collide on
        ``station_seq`` (every stored event is at or below it), so the lookup of stored
        events is skipped and the insert's ``ON CONFLICT`` tells: if any event was already
        stored under its id, the transaction is rolled back and the batch checked the full
        way. The outcome is the same either way; one round trip fewer per push."""
        try:
            return self._push(station, req, fast=True)
        except _StoredAlready:
            return self._push(station, req, fast=False)

    def _push(self, station: str, req: PushRequest, *, fast: bool) -> PushResponse:
        now = utc_now()
        received = rfc3339(now)
        skew = None if req.sent_at is None else (req.sent_at - now).total_seconds()
        evs = sorted(map(Incoming, req.events), key=operator.attrgetter("station_seq"))
        seqs = [e.station_seq for e in evs]
        ids = [e.event_id for e in evs]
        if len(set(seqs)) != len(seqs) or len(set(ids)) != len(ids):
            raise BridgeProblem(
                422, "duplicate_in_batch", "a station_seq or event_id appears twice in the batch"
            )
        results: dict[str, dict[str, Any]] = {}  # event_id → its EventResult's fields

        def answer(e: Incoming, status: str, **more: Any) -> None:
            results[e.event_id] = {
                "event_id": e.event_id,
                "station_seq": e.station_seq,
                "status": status,
            } | more

        with self.engine.begin() as conn:
            stmt = select(db.stations).where(db.stations.c.id == station)
            if db.is_postgres(conn):
                stmt = stmt.with_for_update()
            srow = conn.execute(stmt).one()
            last_seq = int(srow.last_seq)
            existing: dict[str, tuple[int, str]] = {}
            taken: dict[int, str] = {}
            skipped = fast and bool(seqs) and seqs[0] > last_seq
            for chunk in _chunks([] if skipped else list(zip(ids, seqs, strict=True)), 500):
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

            refused: list[dict[str, Any]] = []
            bodies: dict[str, bytes] = {}  # event_id → canonical JSON, computed once

            def reject(e: Incoming, code: str, reason: str) -> None:
                payload = e.payload if isinstance(e.payload, dict) else {}
                uid = payload.get("unit_id")
                refused.append(
                    {
                        "station": station,
                        "event_id": e.event_id,
                        "station_seq": e.station_seq,
                        "type": e.type,
                        "code": code,
                        "reason": reason[:1000],
                        # As the line lead reads it: a NUL (not storable) shown as "�".
                        "unit_id": uid[:128].replace("\x00", "\ufffd")
                        if isinstance(uid, str)
                        else None,
                        "refused_at": received,
                    }
                )
                answer(e, "rejected", code=code, reason=reason)
                if e.station_seq not in taken:
                    rejected_seqs.add(e.station_seq)

            for e in evs:
                eid = e.event_id
                if eid in existing:
                    seq, sha = existing[eid]
                    if seq == e.station_seq and sha == e.payload_sha256:
                        answer(e, "duplicate")
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
                elif (
                    hashlib.sha256(
                        body := bodies.setdefault(eid, canonical_json(e.payload).encode())
                    ).hexdigest()
                    != e.payload_sha256
                ):
                    reject(e, "payload_hash_mismatch", "payload_sha256 does not match the payload")
                elif e.operator_id is not None and "\x00" in e.operator_id:
                    reject(e, "invalid_operator_id", "operator_id holds a NUL character")
                elif e.schema_version not in SUPPORTED_SCHEMA_VERSIONS:
                    reject(
                        e,
                        "unsupported_schema_version",
                        f"schema_version {e.schema_version} is not understood by this bridge",
                    )
                else:
                    try:
                        check_payload(e.type, e.payload, body=body)
                    except PayloadRejected as err:
                        reject(e, err.code, err.reason)
                    else:
                        new.append(e)
            known: dict[str, dict[str, Any]] = {}  # unit_id → its stored row, read once
            new = self._station_bound(conn, station, new, reject, known)
            # Contiguity: every seq up to the highest new one is stored, in this batch, or
            # declared held (a dead letter on the station).
            covered = {e.station_seq for e in new} | rejected_seqs | set(req.held)
            covered |= {s for s in seqs if s in taken}
            top = max((e.station_seq for e in new), default=0)
            # Declared dead letters are looked up only when the batch leaves a gap.
            if top > last_seq and len({s for s in covered if last_seq < s <= top}) < (
                top - last_seq
            ):
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
            try:
                inserted = self._store_events(
                    conn,
                    station,
                    new,
                    received=received,
                    now=now,
                    clock_flagged=flagged,
                    bodies=bodies,
                    known=known,
                    fresh=skipped,
                )
            except _UniqueViolation:
                if not skipped:
                    raise
                raise _StoredAlready from None  # rolls this transaction back
            if skipped and len(inserted) < len(new):
                raise _StoredAlready  # rolls this transaction back; checked the full way
            for e in new:
                if e.event_id in inserted:
                    answer(e, "accepted", flags=inserted[e.event_id])
                else:  # lost a race with a concurrent push of the same event
                    answer(e, "duplicate")
            if refused:
                db.insert_ignore(conn, db.refusals, refused)
                log.warning(
                    "station %s: %d event(s) refused (%s)",
                    station,
                    len(refused),
                    ", ".join(sorted({r["code"] for r in refused})),
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
        # One validation of the whole answer (in pydantic's core), not one per event.
        return PushResponse.model_validate(
            {
                "batch_id": req.batch_id,
                "received_at": now,
                "last_seq": wm,
                "clock_skew_s": skew,
                "results": [results[i] for i in ids],
            }
        )

    def _station_bound(
        self,
        conn: Connection,
        station: str,
        new: list[Incoming],
        reject: Any,
        known: dict[str, dict[str, Any]],
    ) -> list[Incoming]:
        """A unit belongs to the station that started it: an event about another station's
        unit is refused ``not_your_unit``; a unit started (or finished unseen) with a serial
        another station already built for the same operation is refused ``serial_taken``."""
        uids = {
            str(e.payload["unit_id"])
            for e in new
            if e.type in UNIT_EVENTS and isinstance(e.payload.get("unit_id"), str)
        }
        # Every unit the batch names (not only the bound ones): _store_events reads them too.
        known.update(
            _units(
                conn,
                uids | {str(e.payload["unit_id"]) for e in new if e.payload.get("unit_id")},
            )
        )
        owners: dict[str, str] = {uid: row["station"] for uid, row in known.items()}
        serials = {
            str(e.payload["serial"])
            for e in new
            if e.type in ("unit.started", "unit.completed", "unit.scrapped")
            and isinstance(e.payload.get("serial"), str)
        }
        elsewhere: dict[tuple[str, str], str] = {}
        for chunk in _chunks(sorted(serials), 500):
            for found in conn.execute(
                select(db.units.c.serial, db.units.c.operation, db.units.c.station).where(
                    db.units.c.serial.in_(chunk), db.units.c.station != station
                )
            ):
                elsewhere.setdefault((found.serial, found.operation), found.station)
        refused_units: set[str] = set()
        kept = []
        for e in new:
            p = e.payload
            uid = p.get("unit_id") if e.type in UNIT_EVENTS else None
            if uid is not None:
                owner = owners.get(uid)
                if owner is not None and owner != station:
                    reject(
                        e,
                        "not_your_unit",
                        f"unit {uid} belongs to station {owner}; a station records only its "
                        "own units",
                    )
                    continue
                if uid in refused_units:
                    reject(e, "unit_refused", f"the start of unit {uid} was refused")
                    continue
                serial, op = p.get("serial"), p.get("operation")
                if (
                    owner is None
                    and e.type in ("unit.started", "unit.completed", "unit.scrapped")
                    and isinstance(serial, str)
                    and (serial, str(op or "")) in elsewhere
                ):
                    other = elsewhere[(serial, str(op or ""))]
                    refused_units.add(uid)
                    reject(
                        e,
                        "serial_taken",
                        f"serial {serial} is already built at station {other} for operation "
                        f"{op}; scan or generate another serial",
                    )
                    continue
                owners.setdefault(uid, station)
            kept.append(e)
        return kept

    def refusals(self, station: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
        """Events the bridge refused, newest first (what the line lead is shown)."""
        with self.engine.connect() as conn:
            stmt = select(db.refusals).order_by(db.refusals.c.id.desc()).limit(limit)
            if station is not None:
                stmt = stmt.where(db.refusals.c.station == station)
            return [
                {
                    k: getattr(r, k)
                    for k in (
                        "station",
                        "event_id",
                        "station_seq",
                        "type",
                        "code",
                        "reason",
                        "unit_id",
                        "refused_at",
                    )
                }
                for r in conn.execute(stmt)
            ]

    def _store_events(
        self,
        conn: Connection,
        station: str,
        new: Sequence[Incoming],
        *,
        received: str,
        now: datetime,
        clock_flagged: bool,
        bodies: dict[str, bytes],
        known: dict[str, dict[str, Any]],
        fresh: bool = False,
    ) -> dict[str, list[str]]:
        """Insert new events and what derives from them; returns {event_id: flags}.
        ``bodies``: each event's canonical payload; ``known``: the stored rows of the units
        the events name (both as the caller read them); ``fresh``: none of the events can
        be stored already unless under its id (see :func:`_bulk_insert_events`)."""
        if not new:
            return {}
        flags: dict[str, list[str]] = {}
        known_units: dict[str, tuple[str, str, str]] = {
            uid: (r["work_order"], r["operation"], r["serial"]) for uid, r in known.items()
        }
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
            flags[e.event_id] = f
            rows.append(
                {
                    "station": station,
                    "event_id": e.event_id,
                    "station_seq": e.station_seq,
                    "type": e.type,
                    "occurred_at": e.at,
                    "received_at": received,
                    "operator_id": e.operator_id,
                    "schema_version": e.schema_version,
                    "payload": bodies[e.event_id].decode(),
                    "payload_sha256": e.payload_sha256,
                    "unit_id": uid,
                    "flags": ",".join(f),
                }
            )
        keys = _bulk_insert_events(conn, station, rows, fresh=fresh)
        stored = [e for e in new if e.event_id in keys]
        if stored:
            self._derive(conn, station, stored, keys, flags, known=known)
        return {eid: flags[eid] for eid in keys}

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


class _StoredAlready(Exception):
    """The fast path met an event already stored: redo the batch the full way."""


_UNIT_COLS = ("unit_id", "station", "serial", "work_order", "operation", "started_at")


def _units(conn: Connection, unit_ids: set[str]) -> dict[str, dict[str, Any]]:
    """The stored rows of these units (the columns ingest and projections read)."""
    out: dict[str, dict[str, Any]] = {}
    cols = [db.units.c[c] for c in (*_UNIT_COLS, "operator_id")]
    for chunk in _chunks(sorted(unit_ids), 500):
        for r in conn.execute(select(*cols).where(db.units.c.unit_id.in_(chunk))):
            out[r.unit_id] = dict(r._mapping)
    return out


_EVENT_COLS = (
    "station",
    "event_id",
    "station_seq",
    "type",
    "occurred_at",
    "received_at",
    "operator_id",
    "schema_version",
    "payload",
    "payload_sha256",
    "unit_id",
    "flags",
)


_EVENT_ROW = operator.itemgetter(*_EVENT_COLS)


_PG_TYPES = {"station_seq": "bigint", "schema_version": "int"}
#: One statement whatever the batch size: the columns as arrays, unnested into rows.
_PG_INSERT = (
    f"INSERT INTO events ({', '.join(_EVENT_COLS)}) SELECT * FROM unnest("
    + ", ".join(f"%b::{_PG_TYPES.get(c, 'text')}[]" for c in _EVENT_COLS)  # binary: no escaping
    + ") ON CONFLICT DO NOTHING RETURNING event_id, id"
)


_PG_NEXT_IDS = "SELECT nextval(pg_get_serial_sequence('events', 'id')) FROM generate_series(1, %s)"
_PG_COPY = f"COPY events (id, {', '.join(_EVENT_COLS)}) FROM STDIN"
_UniqueViolation = db.unique_violation()


def _bulk_insert_events(
    conn: Connection, station: str, rows: list[dict[str, Any]], *, fresh: bool = False
) -> dict[str, int]:
    """Insert event rows, skipping any already stored; returns {event_id: events.id} of
    those this call stored. PostgreSQL: one ``INSERT … SELECT unnest(arrays) … RETURNING``
    (one round trip for any batch size); SQLite: one driver-level ``executemany`` and a
    read of the ids. SQLAlchemy's per-row statement building cost a third of the ingest.

    ``fresh`` (PostgreSQL): the batch lies above the station's watermark, so only an event
    stored before under its id can collide. Then the rows are copied in (``COPY``, ids
    drawn from the table's sequence first), which costs the database and the driver about
    half the insert's; a collision raises :class:`_UniqueViolation`, the transaction is
    lost, and the caller checks the batch the full way."""
    raw = conn.connection.driver_connection
    assert raw is not None
    if db.is_postgres(conn) and fresh:
        with raw.cursor() as cur:
            cur.execute(_PG_NEXT_IDS, (len(rows),))
            ids = [int(r[0]) for r in cur.fetchall()]
            with cur.copy(_PG_COPY) as copy:
                for key, row in zip(ids, map(_EVENT_ROW, rows), strict=True):
                    copy.write_row((key, *row))
        return {r["event_id"]: key for key, r in zip(ids, rows, strict=True)}
    if db.is_postgres(conn):
        columns = [[r[c] for r in rows] for c in _EVENT_COLS]
        with raw.cursor() as cur:
            cur.execute(_PG_INSERT, columns)
            return {eid: int(key) for eid, key in cur.fetchall()}
    names = ", ".join(_EVENT_COLS)
    marks = ", ".join(["?"] * len(_EVENT_COLS))
    raw.executemany(
        f"INSERT INTO events ({names}) VALUES ({marks}) ON CONFLICT DO NOTHING",
        list(map(_EVENT_ROW, rows)),
    )
    wanted = {r["event_id"]: r["station_seq"] for r in rows}
    seqs = sorted(wanted.values())
    found = conn.execute(
        select(db.events.c.event_id, db.events.c.id, db.events.c.station_seq).where(
            db.events.c.station == station,
            db.events.c.station_seq >= seqs[0],
            db.events.c.station_seq <= seqs[-1],
        )
    )
    return {
        r.event_id: int(r.id)
        for r in found
        if r.event_id in wanted and wanted[r.event_id] == int(r.station_seq)
    }
