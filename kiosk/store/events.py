"""The record: append-only events with a gap-free per-station sequence, and projections.

:func:`record` appends an event and applies it to the projection tables in the caller's
transaction, so a crash at any instant leaves both or neither. :func:`project` is the one
place that turns an event into state; :func:`replay` rebuilds projections from events.
"""

from __future__ import annotations

import functools
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, select, update

from kiosk.store.schema import (
    andons,
    consumptions,
    downtimes,
    events,
    step_results,
    units,
    work_orders,
)

SCHEMA_VERSION = 1


def utc_now() -> datetime:
    return datetime.now(UTC)


def rfc3339(moment: datetime) -> str:
    """UTC, millisecond precision, ``Z`` suffix: the wire format of ``occurred_at``."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_rfc3339(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def canonical_json(payload: Mapping[str, Any]) -> str:
    """The exact bytes that are hashed and sent: sorted keys, no spaces, UTF-8."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class Event:
    seq: int
    event_id: str
    type: str
    occurred_at: str
    operator_id: str | None
    payload: dict[str, Any]
    schema_version: int = SCHEMA_VERSION


# Built once: the step commit is the hot path, and building a statement costs more than
# running it (see the durable-commit benchmark).
_NEXT_SEQ_SQL = "SELECT COALESCE(MAX(seq), 0) + 1 FROM events"
_INSERT_EVENT_SQL = (
    "INSERT INTO events (seq, event_id, type, occurred_at, operator_id, schema_version,"
    " payload, payload_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


@functools.cache
def _state_sql(cols: tuple[str, ...]) -> str:
    names = ", ".join(cols)
    marks = ", ".join("?" for _ in cols)
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols)
    return (
        f"INSERT INTO station_state (id, {names}) VALUES (?, {marks}) "
        f"ON CONFLICT (id) DO UPDATE SET {updates}"
    )


_STEP_RESULT_SQL = (
    "INSERT INTO step_results (unit_id, step_id, status, attempt, data, started_at, finished_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (unit_id, step_id) DO UPDATE SET"
    " status = excluded.status, attempt = excluded.attempt, data = excluded.data,"
    " started_at = excluded.started_at, finished_at = excluded.finished_at"
)


def _put_step_result(  # noqa: PLR0917 (one row's columns, called from two projectors)
    conn: Connection, p: dict[str, Any], status: str, attempt: int, data: Any, started: str, at: str
) -> None:
    raw = conn.connection.driver_connection
    assert raw is not None
    # json.dumps as SQLAlchemy's JSON type writes it, so reads through the table agree.
    row = (p["unit_id"], p["step_id"], status, attempt, json.dumps(data), started, at)
    raw.execute(_STEP_RESULT_SQL, row)


def record(
    conn: Connection,
    type_: str,
    payload: Mapping[str, Any],
    *,
    operator_id: str | None,
    occurred_at: datetime,
) -> Event:
    """Append one event and apply it to the projections, inside ``conn``'s transaction."""
    # The append goes straight to the driver inside SQLAlchemy's transaction: it runs on
    # every tap, and SQLAlchemy's per-statement overhead was half of the commit's budget.
    raw = conn.connection.driver_connection
    assert raw is not None
    seq = raw.execute(_NEXT_SEQ_SQL).fetchone()[0]
    body = canonical_json(payload)
    ev = Event(
        seq=seq,
        event_id=str(uuid.uuid4()),
        type=type_,
        occurred_at=rfc3339(occurred_at),
        operator_id=operator_id,
        payload=json.loads(body),
    )
    raw.execute(
        _INSERT_EVENT_SQL,
        (
            ev.seq,
            ev.event_id,
            ev.type,
            ev.occurred_at,
            ev.operator_id,
            ev.schema_version,
            body,
            hashlib.sha256(body.encode()).hexdigest(),
        ),
    )
    project(conn, ev)
    return ev


def load_events(conn: Connection, since_seq: int = 0) -> list[Event]:
    rows = conn.execute(select(events).where(events.c.seq > since_seq).order_by(events.c.seq))
    return [
        Event(
            seq=r.seq,
            event_id=r.event_id,
            type=r.type,
            occurred_at=r.occurred_at,
            operator_id=r.operator_id,
            payload=json.loads(r.payload),
            schema_version=r.schema_version,
        )
        for r in rows
    ]


# --- projections --------------------------------------------------------------------------


def _state(conn: Connection, **values: Any) -> None:
    cols = tuple(sorted(values))
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute(_state_sql(cols), (1, *(values[c] for c in cols)))


def _logged_in(conn: Connection, ev: Event) -> None:
    _state(conn, operator_id=ev.payload["operator_id"], last_activity=ev.occurred_at)


def _logged_out(conn: Connection, ev: Event) -> None:
    _state(conn, operator_id=None, last_activity=ev.occurred_at)


def _wo_selected(conn: Connection, ev: Event) -> None:
    _state(conn, work_order=ev.payload["work_order"], last_activity=ev.occurred_at)


def _wo_released(conn: Connection, ev: Event) -> None:
    _state(conn, work_order=None, unit_id=None, last_activity=ev.occurred_at)


def _unit_started(conn: Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        insert(units).values(
            id=p["unit_id"],
            serial=p["serial"],
            work_order=p["work_order"],
            operation=p["operation"],
            revision=p["revision"],
            state="in_progress",
            started_at=ev.occurred_at,
            operator_id=ev.operator_id,
        )
    )
    if p.get("generated"):
        conn.execute(
            update(work_orders)
            .where(work_orders.c.number == p["work_order"])
            .values(next_serial=work_orders.c.next_serial + 1)
        )
    conn.execute(
        update(work_orders)
        .where(and_(work_orders.c.number == p["work_order"], work_orders.c.status == "released"))
        .values(status="in_progress")
    )
    _state(
        conn,
        work_order=p["work_order"],
        unit_id=p["unit_id"],
        step_started_at=ev.occurred_at,
        last_activity=ev.occurred_at,
    )


def _step_completed(conn: Connection, ev: Event) -> None:
    p = ev.payload
    _put_step_result(
        conn, p, p["status"], p["attempt"], p.get("data", {}), p["started_at"], ev.occurred_at
    )
    _state(conn, step_started_at=ev.occurred_at, last_activity=ev.occurred_at)


def _step_reopened(conn: Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        delete(step_results).where(
            and_(step_results.c.unit_id == p["unit_id"], step_results.c.step_id == p["step_id"])
        )
    )
    conn.execute(
        delete(consumptions).where(
            and_(consumptions.c.unit_id == p["unit_id"], consumptions.c.step_id == p["step_id"])
        )
    )
    _state(conn, step_started_at=ev.occurred_at, last_activity=ev.occurred_at)


def _unit_resumed(conn: Connection, ev: Event) -> None:
    row = conn.execute(
        select(units.c.work_order).where(units.c.id == ev.payload["unit_id"])
    ).first()
    _state(
        conn,
        unit_id=ev.payload["unit_id"],
        work_order=row[0] if row else None,
        step_started_at=ev.occurred_at,
        last_activity=ev.occurred_at,
    )


def _torque_recorded(conn: Connection, ev: Event) -> None:
    """A tightening while the step is still open: keep the fastenings done so far."""
    p = ev.payload
    if "tightenings" not in p:
        _state(conn, last_activity=ev.occurred_at)
        return  # the step.completed in the same transaction carries the result
    _put_step_result(
        conn,
        p,
        "partial",
        p.get("attempt", 1),
        {"tightenings": p["tightenings"]},
        p.get("started_at", ev.occurred_at),
        ev.occurred_at,
    )
    _state(conn, last_activity=ev.occurred_at)


def _consumed(conn: Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        delete(consumptions).where(
            and_(consumptions.c.unit_id == p["unit_id"], consumptions.c.step_id == p["step_id"])
        )
    )
    conn.execute(
        insert(consumptions).values(
            unit_id=p["unit_id"],
            step_id=p["step_id"],
            part=p["part"],
            serial=p.get("component_serial"),
            lot=p.get("lot"),
            gtin=p.get("gtin"),
            raw=p.get("raw", ""),
        )
    )


def _finish_unit(conn: Connection, ev: Event, state: str) -> None:
    p = ev.payload
    conn.execute(
        update(units)
        .where(units.c.id == p["unit_id"])
        .values(state=state, finished_at=ev.occurred_at, scrap_reason=p.get("reason"))
    )
    counter = work_orders.c.done if state == "completed" else work_orders.c.scrapped
    conn.execute(
        update(work_orders)
        .where(work_orders.c.number == p["work_order"])
        .values({counter: counter + 1})
    )
    if state == "completed":
        conn.execute(
            update(work_orders)
            .where(
                and_(
                    work_orders.c.number == p["work_order"],
                    work_orders.c.done >= work_orders.c.quantity,
                    work_orders.c.status.in_(("released", "in_progress")),
                )
            )
            .values(status="completed")
        )
    _state(conn, unit_id=None, step_started_at=None, last_activity=ev.occurred_at)


def _unit_completed(conn: Connection, ev: Event) -> None:
    _finish_unit(conn, ev, "completed")


def _unit_scrapped(conn: Connection, ev: Event) -> None:
    _finish_unit(conn, ev, "scrapped")


def _andon_raised(conn: Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        insert(andons).values(
            id=p["andon_id"],
            category=p["category"],
            note=p.get("note", ""),
            raised_at=ev.occurred_at,
            raised_by=ev.operator_id,
        )
    )


def _andon_cleared(conn: Connection, ev: Event) -> None:
    conn.execute(
        update(andons)
        .where(andons.c.id == ev.payload["andon_id"])
        .values(cleared_at=ev.occurred_at, cleared_by=ev.payload.get("cleared_by"))
    )


def _downtime_started(conn: Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        insert(downtimes).values(
            id=p["downtime_id"],
            reason=p["reason"],
            started_at=ev.occurred_at,
            operator_id=ev.operator_id,
        )
    )


def _downtime_ended(conn: Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        update(downtimes)
        .where(downtimes.c.id == p["downtime_id"])
        .values(ended_at=ev.occurred_at, minutes=p.get("minutes"))
    )


def _activity(conn: Connection, ev: Event) -> None:
    _state(conn, last_activity=ev.occurred_at)


def _nothing(conn: Connection, ev: Event) -> None:
    """Events that are part of the record but change no projection (e.g. torque.recorded:
    its values live in the step result once the step completes)."""


PROJECTORS: dict[str, Callable[[Connection, Event], None]] = {
    "operator.logged_in": _logged_in,
    "operator.logged_out": _logged_out,
    "work_order.selected": _wo_selected,
    "work_order.released": _wo_released,
    "unit.started": _unit_started,
    "step.completed": _step_completed,
    "step.reopened": _step_reopened,
    "component.consumed": _consumed,
    "measurement.recorded": _activity,
    "torque.recorded": _torque_recorded,
    "unit.resumed": _unit_resumed,
    "signature.applied": _activity,
    "unit.completed": _unit_completed,
    "unit.scrapped": _unit_scrapped,
    "nonconformance.raised": _activity,
    "override.applied": _activity,
    "andon.raised": _andon_raised,
    "andon.cleared": _andon_cleared,
    "downtime.started": _downtime_started,
    "downtime.ended": _downtime_ended,
    "instruction.feedback": _activity,
    "device.status_changed": _nothing,
    # every tool result accounted for: kept for the line lead, counted for no unit
    "device.unreadable_result": _nothing,
    "device.stray_result": _nothing,
    # station branch: 5 wrong PINs lock an operator's PIN; a line lead unlocks it
    "operator.pin_locked": _nothing,
    "operator.pin_unlocked": _nothing,
    # linelead branch: line-lead mode (kiosk.linelead): who changed what, old → new
    "linelead.entered": _nothing,
    "linelead.left": _nothing,
    "linelead.setting_changed": _nothing,
    "linelead.dead_letter_retried": _nothing,
    "linelead.dead_letter_discarded": _nothing,
}


def project(conn: Connection, ev: Event) -> None:
    PROJECTORS[ev.type](conn, ev)


def replay(conn: Connection, evs: Iterable[Event]) -> None:
    """Apply events to (empty) projections, as if they were being recorded now."""
    for ev in evs:
        project(conn, ev)
