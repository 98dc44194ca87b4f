"""Projections: units, genealogy and downtime derived from new events, and the segments
(one per finishing event) that become production confirmations."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from sync.bridge import db
from sync.bridge.base import (
    BridgeBase,
    Incoming,
    _opt,
    _seconds_between,
)

#: The columns a finishing event writes on its unit's row.
_FINISH = ("finished_at", "outcome", "cycle_time_s", "scrap_reason")


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
    source_event: str = ""

    def at(self, moment: str) -> None:
        self.start = min(self.start or moment, moment)
        self.end = max(self.end, moment)


class Projections(BridgeBase):
    """What new events change in the bridge's own tables."""

    def _derive(
        self,
        conn: Connection,
        station: str,
        new: Sequence[Incoming],
        keys: dict[str, int],
        flags: dict[str, list[str]],
        *,
        known: dict[str, dict[str, Any]],
    ) -> None:
        """Units, genealogy, downtime and production performance records from new events.
        ``known``: the stored rows of the batch's units as ingest read them (kept up to date
        here), so a finished unit is not read again."""
        segments: dict[tuple[str, str], _Segment] = {}
        consumed = []
        finished_units: list[tuple[str, Any, str]] = []
        current: tuple[str, str] | None = None

        # Unit rows are written in a few statements per push (starts, starts finished in
        # the same push, first sight of a finished unit, finishes of units stored before),
        # not one per event; before anything reads units back. A unit started and finished
        # in one push is written once, whole.
        starts: dict[str, dict[str, Any]] = {}
        inserts: list[dict[str, Any]] = []
        finishes: list[dict[str, Any]] = []

        def flush() -> None:
            for whole in (False, True):
                group = [r for r in starts.values() if ("finished_at" in r) == whole]
                if group:
                    db.upsert_many(conn, db.units, group, ["unit_id"])
            if inserts:
                conn.execute(db.units.insert(), inserts)
            if finishes:
                conn.execute(
                    update(db.units).where(db.units.c.unit_id == bindparam("uid")),
                    finishes,
                )
            starts.clear()
            inserts.clear()
            finishes.clear()

        def segment(wo: str, op: str, source: Incoming) -> _Segment:
            # One confirmation per finishing event: its id derives from that event alone,
            # so the same events give the same ids however they are batched (a resend
            # after a bridge restore included).
            eid = source.event_id
            return segments.setdefault((eid, ""), _Segment(station, wo, op, source_event=eid))

        for e in new:
            p = e.payload
            at = e.at
            if e.type == "unit.started" and p.get("unit_id"):
                uid = str(p["unit_id"])
                started: dict[str, Any] = {
                    "unit_id": uid,
                    "station": station,
                    "serial": str(p.get("serial", "")),
                    "work_order": str(p.get("work_order", "")),
                    "operation": str(p.get("operation", "")),
                    "revision": None if p.get("revision") is None else str(p["revision"]),
                    "started_at": at,
                    "operator_id": e.operator_id,
                }
                # The last start of a unit wins; a finish seen before it in this push stays.
                earlier = starts.pop(uid, None) or {}
                started |= {k: earlier[k] for k in _FINISH if k in earlier}
                starts[uid] = started
                known[uid] = started
                current = (str(p.get("work_order", "")), str(p.get("operation", "")))
            elif e.type in ("unit.completed", "unit.scrapped") and p.get("unit_id"):
                uid = str(p["unit_id"])
                cached = known.get(uid)
                row = None if cached is None else SimpleNamespace(**cached)
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
                    created = {
                        "unit_id": uid,
                        "station": station,
                        "serial": serial,
                        "work_order": wo,
                        "operation": op,
                        "operator_id": e.operator_id,
                        "revision": None,
                        "started_at": None,
                    } | values
                    inserts.append(created)
                elif uid in starts:  # started earlier in this push: one row, written whole
                    starts[uid] |= values
                else:  # a row stored before, or created earlier in this push
                    finishes.append(values | {"uid": uid})
                known[uid] = {
                    "unit_id": uid,
                    "station": row.station if row else station,
                    "serial": row.serial if row else serial,
                    "work_order": row.work_order if row else wo,
                    "operation": row.operation if row else op,
                    "started_at": row.started_at if row else None,
                    "operator_id": row.operator_id if row else e.operator_id,
                }
                seg = segment(wo, op, e)
                seg.at(at)
                seg.flags.update(flags[e.event_id])
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
                        "flags": flags[e.event_id],
                    }
                )
            elif e.type == "component.consumed" and p.get("unit_id"):
                consumed.append(
                    {
                        "event_key": keys[e.event_id],
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
                    if p.get("work_order"):
                        wo, op = str(p["work_order"]), str(p.get("operation", ""))
                    elif current:
                        wo, op = current
                    else:
                        flush()  # the units of this push are read back
                        wo, op = self._station_current_work(conn, station)
                    reason = str(p.get("reason") or "unspecified")
                    conn.execute(
                        db.downtimes.insert().values(
                            event_key=keys[e.event_id],
                            station=station,
                            work_order=wo or None,
                            operation=op or None,
                            reason=reason,
                            minutes=float(minutes),
                        )
                    )
                    if wo:
                        seg = segment(wo, op, e)
                        seg.downtime[reason] += float(minutes)
                        seg.at(at)
        flush()
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
