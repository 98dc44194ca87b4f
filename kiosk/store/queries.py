"""The engine's reads of the station's own record (units, results, floor events).

The engine holds no SQL: everything it asks the store is a function here (master data
reads live in :mod:`kiosk.store.masterdata`). Each takes the caller's connection, so a
read and the write that depends on it can share a transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, select

from kiosk.domain import StepResult, StepStatus, Unit, UnitState
from kiosk.store.schema import (
    andons,
    consumptions,
    downtimes,
    station_state,
    step_results,
    units,
    work_orders,
)


def session_row(conn: Connection) -> Any:
    """The station's session (operator, work order, unit, activity), or None."""
    return conn.execute(select(station_state)).first()


def step_started_at(conn: Connection) -> str | None:
    row = conn.execute(select(station_state.c.step_started_at)).first()
    return row[0] if row else None


def unit(conn: Connection, unit_id: str) -> Unit | None:
    u = conn.execute(select(units).where(units.c.id == unit_id)).first()
    if u is None:
        return None
    results = {
        r.step_id: StepResult(
            r.step_id, StepStatus(r.status), r.attempt, r.data, r.started_at, r.finished_at
        )
        for r in conn.execute(select(step_results).where(step_results.c.unit_id == unit_id))
    }
    return Unit(
        id=u.id,
        serial=u.serial,
        work_order=u.work_order,
        operation=u.operation,
        revision=u.revision,
        state=UnitState(u.state),
        started_at=u.started_at,
        finished_at=u.finished_at,
        operator_id=u.operator_id,
        results=results,
    )


def unit_by_serial(conn: Connection, serial: str) -> Any:
    """The unit row with this serial (id, state, finished_at…), or None."""
    return conn.execute(select(units).where(units.c.serial == serial)).first()


def serial_exists(conn: Connection, serial: str) -> bool:
    return conn.execute(select(units.c.id).where(units.c.serial == serial)).first() is not None


def next_serial_number(conn: Connection, work_order: str) -> int:
    return int(
        conn.execute(
            select(work_orders.c.next_serial).where(work_orders.c.number == work_order)
        ).scalar_one()
    )


def component_used_elsewhere(conn: Connection, part: str, serial: str, unit_id: str) -> str | None:
    """The serial of another unit this component serial is already built into, or None."""
    row = conn.execute(
        select(units.c.serial)
        .select_from(consumptions.join(units, units.c.id == consumptions.c.unit_id))
        .where(
            and_(
                consumptions.c.part == part,
                consumptions.c.serial == serial,
                consumptions.c.unit_id != unit_id,
            )
        )
    ).first()
    return str(row[0]) if row else None


def active_andons(conn: Connection) -> list[Any]:
    return list(
        conn.execute(
            select(andons).where(andons.c.cleared_at.is_(None)).order_by(andons.c.raised_at)
        ).all()
    )


def andon(conn: Connection, andon_id: str) -> Any:
    return conn.execute(select(andons).where(andons.c.id == andon_id)).first()


def active_downtime(conn: Connection) -> Any:
    return conn.execute(select(downtimes).where(downtimes.c.ended_at.is_(None))).first()
