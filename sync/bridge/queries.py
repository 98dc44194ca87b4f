"""Queries the ERP asks: the as-built record of a serial (never another unit's), recall by
lot or component serial, performance per work order.

:func:`as_built_record` is the as-built as a plain function of a connection."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, select

from sync.bridge import db
from sync.bridge.base import (
    BridgeBase,
    BridgeProblem,
    lenient,
    safe_json,
)
from sync.bridge.confirmations import cycle_stats, tightening
from sync.protocol import (
    AsBuilt,
    AsBuiltTightening,
)

_UNIT_FIELDS = (
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


def as_built_record(
    conn: Connection,
    serial: str,
    *,
    station: str | None = None,
    operation: str | None = None,
    depth: int = 0,
) -> dict[str, Any] | None:
    """The as-built record of ``serial`` (see :meth:`Bridge.as_built`), on a connection."""
    stmt = select(db.units).where(db.units.c.serial == serial)
    if station is not None:
        stmt = stmt.where(db.units.c.station == station)
    if operation is not None:
        stmt = stmt.where(db.units.c.operation == operation)
    units = conn.execute(stmt.order_by(db.units.c.started_at, db.units.c.unit_id)).all()
    if not units:
        return None
    unit = units[0]
    same_op = [u for u in units if u.operation == unit.operation]
    if len({u.station for u in same_op}) > 1:
        raise BridgeProblem(
            409,
            "ambiguous_serial",
            f"serial {serial!r} was built for {unit.operation} at several stations; "
            "name the station",
            [
                {"station": u.station, "unit_id": u.unit_id, "started_at": u.started_at}
                for u in same_op
            ],
        )
    evs = conn.execute(
        select(db.events)
        .where(db.events.c.unit_id == unit.unit_id, db.events.c.station == unit.station)
        .order_by(db.events.c.station_seq)
    ).all()
    parts = conn.execute(
        select(db.consumptions).where(db.consumptions.c.unit_id == unit.unit_id)
    ).all()
    record: dict[str, Any] = {k: getattr(unit, k) for k in _UNIT_FIELDS}
    record["events"] = [
        {
            "station_seq": e.station_seq,
            "event_id": e.event_id,
            "type": e.type,
            "occurred_at": e.occurred_at,
            "received_at": e.received_at,
            "operator_id": e.operator_id,
            "payload": safe_json(e.payload),
            "flags": [f for f in (e.flags or "").split(",") if f],
        }
        for e in evs
    ]
    record["tightenings"] = [
        lenient(AsBuiltTightening, tightening(ev["payload"]), {}).model_dump()
        for ev in record["events"]
        if ev["type"] == "torque.recorded"
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
            try:
                sub = as_built_record(conn, c.component_serial, depth=depth + 1)
            except BridgeProblem:
                sub = None  # an ambiguous sub-assembly serial: listed, not guessed
            if sub is not None:
                item["as_built"] = sub
        record["components"].append(item)
    fallback = {k: record[k] if record[k] is not None else "" for k in _UNIT_FIELDS}
    fallback |= {"events": [], "tightenings": [], "components": []}
    return lenient(AsBuilt, record, fallback).model_dump()


class Queries(BridgeBase):
    """As-built, recall and performance."""

    def as_built(
        self,
        serial: str,
        *,
        station: str | None = None,
        operation: str | None = None,
        depth: int = 0,
    ) -> dict[str, Any] | None:
        """Everything recorded about one serial, with the as-built of sub-assemblies.

        Never another unit's record: a serial built for one operation at several stations
        (data from before serials were unique plant-wide) is refused ``ambiguous_serial``
        with the candidates unless ``station`` names one."""
        with self.engine.connect() as conn:
            record = as_built_record(
                conn, serial, station=station, operation=operation, depth=depth
            )
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
