"""ERP confirmations: production performance records and their feed (cursors that never go
backwards, ids derived from events) and the outbox folder."""

from __future__ import annotations

import json
import os
import statistics
import uuid
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, update

from sync.bridge import db
from sync.bridge.base import (
    BridgeBase,
    _chunks,
    lenient,
    safe_json,
)
from sync.bridge.projections import _Segment
from sync.protocol import (
    MAX_PAGE,
    Confirmation,
    ConfirmationsPage,
    rfc3339,
    utc_now,
)


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


def confirmation_id(station: str, event_id: str) -> str:
    """A confirmation's id: derived from the station and the event it comes from, so
    re-ingesting the same event (after a restore) yields the same id. An ERP books each
    id once."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"kiosk:{station}:event:{event_id}"))


# The tightening as judged (torque in ``unit``, the step's) and what the tool said of it.
TORQUE_FIELDS = (
    "step_id",
    "fastening",
    "torque",
    "unit",
    "angle",
    "ok",
    "pset",
    "tightening_id",
    "tool_verdict",
    "tool_torque",
    "tool_unit",
    "controller_id",
    "spindle",
    "late",
)


def tightening(payload: dict[str, Any]) -> dict[str, Any]:
    """The one tightening a ``torque.recorded`` event records: its top-level fields. The
    ``tightenings`` list a partial step's event also carries is the running list so far,
    kept for the station's own projection; it is never counted."""
    return {k: payload.get(k) for k in TORQUE_FIELDS}


def _confirmation(row: Any) -> Confirmation:
    fallback = {
        "cursor": int(row.cursor),
        "id": f"unreadable-{row.station}-{row.id}",
        "work_order": str(row.work_order),
        "operation": str(row.operation),
        "station": str(row.station),
    }
    return lenient(Confirmation, safe_json(row.body) | {"cursor": int(row.cursor)}, fallback)


class Confirmations(BridgeBase):
    """The confirmations feed."""

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
            body = {
                "id": confirmation_id(seg.station, seg.source_event),
                "source_event": seg.source_event,
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

    def confirmations(self, since: int, limit: int = 100) -> ConfirmationsPage:
        limit = max(1, min(limit, MAX_PAGE))
        with self.engine.begin() as conn:
            self._assign_feed_cursors(conn)
            rows = conn.execute(
                select(
                    db.confirmations.c.id,
                    db.confirmations.c.cursor,
                    db.confirmations.c.body,
                    db.confirmations.c.station,
                    db.confirmations.c.work_order,
                    db.confirmations.c.operation,
                )
                .where(db.confirmations.c.cursor > since)
                .order_by(db.confirmations.c.cursor)
                .limit(limit + 1)
            ).all()
        page = rows[:limit]
        return ConfirmationsPage(
            epoch=self.epoch,
            confirmations=[_confirmation(r) for r in page],
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
        base = conn.execute(
            select(db.bridge_meta.c.value).where(db.bridge_meta.c.key == "cursor_base")
        ).scalar()
        nxt = max(int(top or 0), int(base or 0))
        for (cid,) in conn.execute(
            select(db.confirmations.c.id)
            .where(db.confirmations.c.cursor.is_(None))
            .order_by(db.confirmations.c.id)
        ).all():
            nxt += 1
            conn.execute(
                update(db.confirmations).where(db.confirmations.c.id == cid).values(cursor=nxt)
            )
        if self._epoch:
            self._write_mark(self._epoch, nxt)

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
                path = folder / f"confirmation-{c.cursor:012d}.json"
                tmp = folder / f".{path.name}.{os.getpid()}.tmp"
                tmp.write_text(json.dumps(c.model_dump(mode="json"), indent=2), encoding="utf-8")
                os.replace(tmp, path)
                written += 1
            if page.next_cursor != since:
                since = page.next_cursor
                with self.engine.begin() as conn:
                    db.upsert(conn, db.feed_marks, {"name": "outbox", "cursor": since}, ["name"])
            if not page.has_more:
                return written
