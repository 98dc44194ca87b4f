"""Work orders and units: selecting and leaving a work order, generated and scanned
serials, starting, resuming, completing and scrapping a unit (overproduction needs a
line lead)."""

from __future__ import annotations

import re
import uuid

from kiosk.domain import (
    Role,
    Unit,
    UnitState,
    WorkOrder,
    WorkOrderStatus,
)
from kiosk.engine.session import SessionMixin
from kiosk.engine.views import (
    Change,
    UnitSummary,
)
from kiosk.refusals import refusal
from kiosk.store import masterdata as md
from kiosk.store import queries as q
from kiosk.store.events import parse_rfc3339, rfc3339


class UnitsMixin(SessionMixin):
    def work_queue(self) -> list[WorkOrder]:
        with self.store.read() as conn:
            return md.work_queue(conn, self.station.operations)

    def select_work_order(self, number: str, *, override_by: str | None = None) -> WorkOrder:
        op = self._require_operator()
        with self.store.read() as conn:
            wo = md.work_order(conn, number.strip())
        if wo is None:
            raise refusal("unknown_work_order", work_order=number)
        if wo.status in (WorkOrderStatus.CANCELLED, WorkOrderStatus.ON_HOLD):
            raise refusal(
                "work_order_closed",
                work_order=wo.number,
                status=wo.status.value,
                variant=wo.status.value,
            )
        if self._unit and self._unit.work_order != wo.number:
            raise refusal("unit_in_progress", serial=self._unit.serial)
        problem = None
        if not op.has_role(Role.LINE_LEAD, Role.QUALITY):
            problem = self._certification_problem(op, wo.operation)
        with self.store.write() as conn:
            self._certified_or_overridden(conn, problem, override_by, work_order=wo.number)
            self._record(
                conn, "work_order.selected", {"work_order": wo.number, "operation": wo.operation}
            )
        self._work_order = wo
        self._notify(Change.WORK_QUEUE, Change.UNIT)
        return wo

    def leave_work_order(self) -> None:
        self._require_operator()
        if self._unit:
            raise refusal("unit_in_progress", serial=self._unit.serial)
        if self._work_order is None:
            return
        with self.store.write() as conn:
            self._record(conn, "work_order.released", {"work_order": self._work_order.number})
        self._work_order = None
        self._notify(Change.WORK_QUEUE, Change.UNIT)

    def next_serial(self) -> str:
        """The serial a generated unit would get: product, work order, station, running
        number. The station is part of it because serials are unique plant-wide and several
        stations may build the same work order, each counting on its own."""
        wo = self._work_order
        if wo is None:
            raise refusal("no_work_order")
        with self.store.read() as conn:
            n = q.next_serial_number(conn, wo.number)
            prefix = re.sub(r"[^A-Za-z0-9]", "", wo.product)
            digits = re.sub(r"\D", "", wo.number)[-5:] or "0"
            station = re.sub(r"[^A-Za-z0-9]", "", self.station.id)
            while True:
                serial = f"{prefix}-{digits}-{station}-{n:04d}"
                if not q.serial_exists(conn, serial):
                    return serial
                n += 1

    def start_unit(self, serial: str | None = None, *, override_by: str | None = None) -> Unit:
        """Start a unit of the selected work order; ``serial=None`` generates the next one.

        Scanning the serial of a unit that is in progress resumes it."""
        self._require_operator()
        if self._unit is not None:
            raise refusal("unit_in_progress", serial=self._unit.serial)
        wo = self._work_order
        if wo is None:
            raise refusal("no_work_order")
        if serial is not None:
            serial = serial.strip()
            with self.store.read() as conn:
                existing = q.unit_by_serial(conn, serial)
            if existing is not None:
                if existing.state == "in_progress":
                    return self._resume(existing.id)
                raise refusal(
                    "serial_used",
                    serial=serial,
                    state=existing.state,
                    finished=(existing.finished_at or "")[:16].replace("T", " "),
                )
        with self.store.read() as conn:
            rev = md.current_revision(conn, wo.product, wo.operation)
            wo_now = md.work_order(conn, wo.number)
        if rev is None:
            raise refusal("no_instructions", product=wo.product, operation=wo.operation)
        assert wo_now is not None
        generated = serial is None
        serial = serial or self.next_serial()
        with self.store.write() as conn:
            if wo_now.is_complete:
                if override_by is None:
                    raise refusal(
                        "work_order_complete",
                        work_order=wo.number,
                        done=wo_now.done,
                        quantity=wo_now.quantity,
                    )
                lead = self._line_lead(conn, override_by, "overproduction")
                self._override(
                    conn, "overproduction", lead, f"extra unit on {wo.number}", work_order=wo.number
                )
            unit_id = str(uuid.uuid4())
            started = self.clock()
            self._began(f"unit:{unit_id}", parse_rfc3339(rfc3339(started)))
            self._record(
                conn,
                "unit.started",
                {
                    "unit_id": unit_id,
                    "serial": serial,
                    "work_order": wo.number,
                    "product": wo.product,
                    "operation": wo.operation,
                    "revision": rev.key,
                    "generated": generated,
                },
                at=started,
            )
        self._revisions[rev.key] = rev
        self._load()
        self._notify(Change.UNIT, Change.STEP, Change.WORK_QUEUE)
        assert self._unit is not None
        return self._unit

    def _resume(self, unit_id: str) -> Unit:
        with self.store.write() as conn:
            self._record(conn, "unit.resumed", {"unit_id": unit_id})
        self._load()
        self._notify(Change.UNIT, Change.STEP)
        assert self._unit is not None
        return self._unit

    def scrap_unit(self, reason: str) -> UnitSummary:
        unit = self._require_unit()
        if not reason.strip():
            raise refusal("reason_needed", variant="scrap")
        elapsed, at = self._finish(f"unit:{unit.id}", unit.started_at)
        step = self.step_view()
        with self.store.write() as conn:
            self._record(
                conn,
                "unit.scrapped",
                {
                    "unit_id": unit.id,
                    "serial": unit.serial,
                    "work_order": unit.work_order,
                    "operation": unit.operation,
                    "reason": reason,
                    "step_id": step.step.id if step else None,
                    "cycle_time_s": round(elapsed, 1),
                },
                at=at,
            )
        return self._after_unit(unit, UnitState.SCRAPPED, elapsed)

    def _complete_unit(self) -> UnitSummary:
        unit = self._require_unit()
        rev = self.revision_for_key(unit.revision)
        unfinished = [
            s
            for s in rev.steps
            if s.required and ((r := self._result(s.id)) is None or not r.status.done)
        ]
        if unfinished:  # the engine's invariant, whatever the caller did
            raise refusal("steps_unfinished", count=len(unfinished))
        elapsed, at = self._finish(f"unit:{unit.id}", unit.started_at)
        with self.store.write() as conn:
            self._record(
                conn,
                "unit.completed",
                {
                    "unit_id": unit.id,
                    "serial": unit.serial,
                    "work_order": unit.work_order,
                    "operation": unit.operation,
                    "revision": unit.revision,
                    "cycle_time_s": round(elapsed, 1),
                },
                at=at,
            )
        return self._after_unit(unit, UnitState.COMPLETED, elapsed)

    def _after_unit(self, unit: Unit, state: UnitState, elapsed: float) -> UnitSummary:
        self._load()
        wo = self._work_order
        self._notify(Change.UNIT, Change.STEP, Change.WORK_QUEUE)
        return UnitSummary(
            serial=unit.serial,
            work_order=unit.work_order,
            state=state,
            cycle_time_s=elapsed,
            done=wo.done if wo else 0,
            quantity=wo.quantity if wo else 0,
        )
