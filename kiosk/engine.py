"""The station's execution engine: a headless state machine over the durable store.

Everything the operator does goes through one :class:`StationEngine` method. A method
either refuses with :class:`~kiosk.errors.RuleViolation` (nothing recorded) or records
its events in one transaction and then tells listeners *what changed*
(``engine.subscribe(listener)``; listeners get a frozenset of :class:`Change`).

State lives in the store, so a restart resumes on the same unit and step with every
result kept. Screens read the engine's properties; they never decide rules.
"""

from __future__ import annotations

import enum
import logging
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, select

from kiosk import steps as rules
from kiosk.domain import (
    InstructionRevision,
    NokAction,
    Operator,
    Role,
    Station,
    Step,
    StepKind,
    StepResult,
    Unit,
    UnitState,
    WorkOrder,
    WorkOrderStatus,
    localized,
)
from kiosk.errors import RuleViolation
from kiosk.security import verify_pin
from kiosk.store import Store
from kiosk.store import masterdata as md
from kiosk.store.events import Event, parse_rfc3339, record, rfc3339, utc_now
from kiosk.store.schema import (
    andons,
    consumptions,
    downtimes,
    station_state,
    step_results,
    units,
)

log = logging.getLogger("kiosk.engine")

DONE = frozenset({"ok", "skipped", "overridden"})


class Change(enum.StrEnum):
    """What a listener may need to redraw."""

    SESSION = "session"  # operator logged in/out, locked
    WORK_QUEUE = "work_queue"  # work orders, progress
    UNIT = "unit"  # unit started/completed/scrapped
    STEP = "step"  # current step, its result, navigation
    ANDON = "andon"
    DOWNTIME = "downtime"
    DEVICES = "devices"
    OUTBOX = "outbox"  # events waiting to sync


Listener = Callable[[frozenset[Change]], None]


@dataclass(frozen=True)
class Andon:
    id: str
    category: str
    note: str
    raised_at: datetime
    raised_by: str | None


@dataclass(frozen=True)
class Downtime:
    id: str
    reason: str
    started_at: datetime


@dataclass(frozen=True)
class StepView:
    """Everything a screen needs to show one step of the current unit."""

    index: int
    count: int
    step: Step
    status: str  # pending | ok | nok | skipped | overridden | partial
    attempt: int
    data: dict[str, Any]
    can_next: bool
    can_back: bool
    nok_actions: tuple[NokAction, ...]
    retries_left: int
    can_redo: bool = False  # a done result that may be undone and done again

    @property
    def is_last(self) -> bool:
        return self.index == self.count - 1


@dataclass(frozen=True)
class ScanOutcome:
    """What a scan did, for the verdict banner: ``route`` says what it was taken as."""

    route: str  # login | operator_switch | signoff | component | work_order | unit | unknown
    ok: bool
    message: str
    next_action: str = ""
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    #: The line-lead override that would allow a refused scan (certification,
    #: overproduction); scan again with ``handle_scan(data, override_by=badge)``.
    override: str | None = None


@dataclass(frozen=True)
class TorqueRequest:
    """What the torque tool must be set to: enabled with this pset while a torque step is
    current and unfinished, else disabled."""

    enabled: bool
    pset: int | None


@dataclass(frozen=True)
class UnitSummary:
    serial: str
    work_order: str
    state: UnitState
    cycle_time_s: float
    done: int
    quantity: int


def _violation(code: str, message: str, next_action: str = "", **params: Any) -> RuleViolation:
    override = params.pop("override", None)
    return RuleViolation(code, message, next_action=next_action, override=override, params=params)


class StationEngine:
    """One station's execution state machine. Not thread-safe: call from one thread
    (the UI thread, or the autopilot); devices and sync reach it through queued calls."""

    def __init__(
        self,
        store: Store,
        *,
        station: Station | None = None,
        clock: Callable[[], datetime] = utc_now,
        idle_lock_s: float = 300,
    ) -> None:
        self.store = store
        self.clock = clock
        self.idle_lock_s = idle_lock_s
        self._listeners: list[Listener] = []
        self._revisions: dict[str, InstructionRevision] = {}
        self._device_status: dict[str, tuple[str, str]] = {}
        with store.read() as conn:
            self.station = station or md.station(conn) or Station(id="ST-01", name="Station")
        self._position = 0
        self._reviewing = False
        self._load()

    # --- observation ---------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _notify(self, *changes: Change) -> None:
        what = frozenset(changes) | {Change.OUTBOX}
        for listener in list(self._listeners):
            try:
                listener(what)
            except Exception:  # a broken screen must not break the record
                log.exception("listener failed for %s", sorted(what))

    def _load(self) -> None:
        """(Re)read the session from the store: operator, work order, unit, position."""
        with self.store.read() as conn:
            row = conn.execute(select(station_state)).first()
            self._operator = (
                md.operator_by_id(conn, row.operator_id) if row and row.operator_id else None
            )
            self._work_order = (
                md.work_order(conn, row.work_order) if row and row.work_order else None
            )
            self._unit = self._read_unit(conn, row.unit_id) if row and row.unit_id else None
            self._last_activity = (
                parse_rfc3339(row.last_activity) if row and row.last_activity else self.clock()
            )
            self._step_started_at = row.step_started_at if row else None
        self._position = self._first_open_index()

    def _read_unit(self, conn: Connection, unit_id: str) -> Unit | None:
        u = conn.execute(select(units).where(units.c.id == unit_id)).first()
        if u is None:
            return None
        results = {
            r.step_id: StepResult(
                r.step_id, r.status, r.attempt, r.data, r.started_at, r.finished_at
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

    @property
    def operator(self) -> Operator | None:
        return self._operator

    @property
    def locked(self) -> bool:
        return self._operator is None

    @property
    def work_order(self) -> WorkOrder | None:
        return self._work_order

    @property
    def unit(self) -> Unit | None:
        return self._unit

    @property
    def language(self) -> str:
        return self._operator.language if self._operator else "en"

    def revision_for_key(self, key: str) -> InstructionRevision:
        rev = self._revisions.get(key)
        if rev is None:
            with self.store.read() as conn:
                rev = md.revision(conn, key)
            if rev is None:
                raise _violation(
                    "revision_missing",
                    f"The instruction revision {key} is not on this station.",
                    "Ask the line lead to sync the station or import the package.",
                    revision=key,
                )
            self._revisions[key] = rev
        return rev

    @property
    def revision(self) -> InstructionRevision | None:
        """The unit's pinned revision, else the one a new unit would pin."""
        if self._unit:
            return self.revision_for_key(self._unit.revision)
        if self._work_order:
            with self.store.read() as conn:
                return md.current_revision(
                    conn, self._work_order.product, self._work_order.operation
                )
        return None

    @property
    def position(self) -> int:
        return self._position

    def _result(self, step_id: str) -> StepResult | None:
        return self._unit.results.get(step_id) if self._unit else None

    def _first_open_index(self) -> int:
        if not self._unit:
            return 0
        rev = self.revision_for_key(self._unit.revision)
        for i, s in enumerate(rev.steps):
            r = self._result(s.id)
            if r is None or r.status not in DONE:
                return i
        return len(rev.steps) - 1

    def step_view(self, index: int | None = None) -> StepView | None:
        if not self._unit:
            return None
        rev = self.revision_for_key(self._unit.revision)
        i = self._position if index is None else index
        step = rev.steps[i]
        r = self._result(step.id)
        status = r.status if r else "pending"
        attempt = r.attempt if r else 0
        satisfied = status in DONE or (not step.required and status == "pending")
        if step.kind in (StepKind.INSTRUCTION, StepKind.CHECKLIST):
            satisfied = True  # Next *is* the confirmation (checklist: checked on Next)
        nok_actions: tuple[NokAction, ...] = ()
        retries_left = 0
        if status == "nok" and step.kind == StepKind.TORQUE:
            # A torque step retries per fastening; once NOK it has escalated.
            nok_actions = tuple(a for a in step.on_nok if a != NokAction.RETRY)
        elif status == "nok":
            retries_left = max(0, step.max_retries + 1 - attempt)
            nok_actions = tuple(a for a in step.on_nok if a != NokAction.RETRY or retries_left > 0)
        return StepView(
            index=i,
            count=len(rev.steps),
            step=step,
            status=status,
            attempt=attempt,
            data=dict(r.data) if r else {},
            can_next=satisfied,
            can_back=i > 0,
            nok_actions=nok_actions,
            retries_left=retries_left,
            # Tightenings cannot be undone (the bolts are tight); anything else done can.
            can_redo=r is not None and step.kind != StepKind.TORQUE and status != "partial",
        )

    def step_statuses(self) -> list[str]:
        """Status of every step of the unit, for the progress strip."""
        if not self._unit:
            return []
        rev = self.revision_for_key(self._unit.revision)
        return [(r.status if (r := self._result(s.id)) else "pending") for s in rev.steps]

    def work_queue(self) -> list[WorkOrder]:
        with self.store.read() as conn:
            return md.work_queue(conn, self.station.operations)

    def active_andons(self) -> list[Andon]:
        with self.store.read() as conn:
            rows = conn.execute(
                select(andons).where(andons.c.cleared_at.is_(None)).order_by(andons.c.raised_at)
            ).all()
        return [
            Andon(r.id, r.category, r.note, parse_rfc3339(r.raised_at), r.raised_by) for r in rows
        ]

    def active_downtime(self) -> Downtime | None:
        with self.store.read() as conn:
            r = conn.execute(select(downtimes).where(downtimes.c.ended_at.is_(None))).first()
        return Downtime(r.id, r.reason, parse_rfc3339(r.started_at)) if r else None

    def cycle_time(self) -> tuple[float, float | None]:
        """Seconds on the current unit, and the operation's target cycle time."""
        if not self._unit:
            return 0.0, None
        elapsed = (self.clock() - parse_rfc3339(self._unit.started_at)).total_seconds()
        return max(0.0, elapsed), self.revision_for_key(self._unit.revision).target_cycle_s

    @property
    def torque_request(self) -> TorqueRequest:
        view = self.step_view()
        if (
            view is None
            or self.locked
            or view.step.kind != StepKind.TORQUE
            or view.status in DONE
            or view.status == "nok"
        ):
            return TorqueRequest(False, None)
        pset = view.step.spec.get("pset")
        return TorqueRequest(True, int(pset) if pset is not None else None)

    def device_states(self) -> dict[str, tuple[str, str]]:
        return dict(self._device_status)

    # --- recording -----------------------------------------------------------------------

    def _record(
        self,
        conn: Connection,
        type_: str,
        payload: Mapping[str, Any],
        *,
        at: datetime | None = None,
    ) -> Event:
        return record(
            conn,
            type_,
            payload,
            operator_id=self._operator.id if self._operator else None,
            occurred_at=at or self.clock(),
        )

    def _require_operator(self) -> Operator:
        if self._operator is None:
            raise _violation("locked", "The station is locked.", "Scan your badge to log in.")
        return self._operator

    def _require_unit(self) -> Unit:
        self._require_operator()
        if self._unit is None:
            raise _violation(
                "no_unit", "No unit is in progress.", "Scan the unit's serial or tap Start."
            )
        return self._unit

    def _line_lead(self, conn: Connection, badge: str | None, code: str) -> Operator:
        lead = md.operator_by_badge(conn, badge) if badge else None
        if lead is None or not lead.active or not lead.has_role(Role.LINE_LEAD):
            raise _violation(
                "override_refused",
                "Only a line lead's badge can approve this.",
                "Ask the line lead to scan their badge.",
                override=code,
            )
        return lead

    def _override(
        self, conn: Connection, kind: str, lead: Operator, reason: str, **extra: Any
    ) -> None:
        self._record(
            conn,
            "override.applied",
            {"kind": kind, "by": lead.id, "by_name": lead.name, "reason": reason, **extra},
        )

    def master_data_changed(self) -> None:
        """New work orders, operators or revisions arrived (a sync pull): re-read them and
        tell the screens. Units keep their pinned revision."""
        with self.store.read() as conn:
            self.station = md.station(conn) or self.station
        self._load()
        self._notify(Change.WORK_QUEUE, Change.SESSION, Change.UNIT)

    def touch(self) -> None:
        """The operator did something (a tap): push the idle lock out. Not recorded."""
        self._last_activity = self.clock()

    # --- session -------------------------------------------------------------------------

    def _certification_problem(self, op: Operator, operation: str) -> RuleViolation | None:
        cert = op.certification_for(operation)
        today = self.clock().date()
        if cert is None:
            return _violation(
                "not_certified",
                f"{op.name} is not certified for operation {operation}.",
                "Ask a line lead to approve, or call the next certified operator.",
                override="certification",
                operator=op.name,
                operation=operation,
            )
        if not cert.valid_on(today):
            return _violation(
                "certification_expired",
                f"{op.name}'s certification for operation {operation} expired on {cert.expires}.",
                "Ask a line lead to approve, and have the certification renewed.",
                override="certification",
                operator=op.name,
                operation=operation,
                expires=str(cert.expires),
            )
        return None

    def _gate(self, op: Operator) -> RuleViolation | None:
        """An operator may work here if certified for the current (or any of the
        station's) operations. Line leads, quality and admins are not gated."""
        if op.has_role(Role.LINE_LEAD, Role.QUALITY):
            return None
        operations: tuple[str, ...]
        operations = (self._work_order.operation,) if self._work_order else self.station.operations
        problems = [p for o in operations if (p := self._certification_problem(op, o))]
        if operations and len(problems) == len(operations):
            return problems[0]
        return None

    def login_badge(self, badge: str, *, override_by: str | None = None) -> Operator:
        with self.store.read() as conn:
            op = md.operator_by_badge(conn, badge.strip())
        if op is None or not op.active:
            raise _violation(
                "unknown_badge",
                f"Badge {badge} is not known at this station.",
                "Scan your own badge, or ask the line lead to register it.",
                badge=badge,
            )
        return self._login(op, override_by, method="badge")

    def login_pin(self, pin: str, *, override_by: str | None = None) -> Operator:
        with self.store.read() as conn:
            candidates = [o for o in md.all_operators(conn) if o.active and o.pin_hash]
        for op in candidates:
            if op.pin_hash and verify_pin(pin, op.pin_hash):
                return self._login(op, override_by, method="pin")
        raise _violation(
            "wrong_pin", "That PIN is not right.", "Enter your PIN again or scan your badge."
        )

    def _login(self, op: Operator, override_by: str | None, method: str) -> Operator:
        problem = self._gate(op)
        with self.store.write() as conn:
            if problem is not None:
                if override_by is None:
                    raise problem
                lead = self._line_lead(conn, override_by, "certification")
                self._override(conn, "certification", lead, problem.message, operator_id=op.id)
            if self._operator is not None and self._operator.id != op.id:
                self._record(
                    conn,
                    "operator.logged_out",
                    {"operator_id": self._operator.id, "reason": "switch"},
                )
            self._operator = op
            self._record(conn, "operator.logged_in", {"operator_id": op.id, "method": method})
        self._last_activity = self.clock()
        self._load()
        self._notify(Change.SESSION, Change.STEP, Change.WORK_QUEUE)
        return op

    def logout(self, reason: str = "manual") -> None:
        if self._operator is None:
            return
        with self.store.write() as conn:
            self._record(
                conn, "operator.logged_out", {"operator_id": self._operator.id, "reason": reason}
            )
        self._operator = None
        self._notify(Change.SESSION)

    def tick(self, now: datetime | None = None) -> bool:
        """Lock the station after the idle time; returns True if it locked now."""
        now = now or self.clock()
        if self._operator and (now - self._last_activity).total_seconds() >= self.idle_lock_s:
            self.logout("idle")
            return True
        return False

    # --- work orders and units -------------------------------------------------------------

    def select_work_order(self, number: str, *, override_by: str | None = None) -> WorkOrder:
        op = self._require_operator()
        with self.store.read() as conn:
            wo = md.work_order(conn, number.strip())
        if wo is None:
            raise _violation(
                "unknown_work_order",
                f"Work order {number} is not on this station.",
                "Check the number, or ask the line lead to sync the station.",
                work_order=number,
            )
        if wo.status in (WorkOrderStatus.CANCELLED, WorkOrderStatus.ON_HOLD):
            raise _violation(
                "work_order_closed",
                f"Work order {wo.number} is {wo.status.value.replace('_', ' ')} in the ERP.",
                "Pick another work order from the queue.",
                work_order=wo.number,
                status=wo.status.value,
            )
        if self._unit and self._unit.work_order != wo.number:
            raise _violation(
                "unit_in_progress",
                f"Unit {self._unit.serial} of {self._unit.work_order} is still in progress.",
                "Finish or scrap it before switching work orders.",
                serial=self._unit.serial,
            )
        problem = None
        if not op.has_role(Role.LINE_LEAD, Role.QUALITY):
            problem = self._certification_problem(op, wo.operation)
        with self.store.write() as conn:
            if problem is not None:
                if override_by is None:
                    raise problem
                lead = self._line_lead(conn, override_by, "certification")
                self._override(conn, "certification", lead, problem.message, work_order=wo.number)
            self._record(
                conn, "work_order.selected", {"work_order": wo.number, "operation": wo.operation}
            )
        self._work_order = wo
        self._notify(Change.WORK_QUEUE, Change.UNIT)
        return wo

    def leave_work_order(self) -> None:
        self._require_operator()
        if self._unit:
            raise _violation(
                "unit_in_progress",
                f"Unit {self._unit.serial} is still in progress.",
                "Finish or scrap it first.",
                serial=self._unit.serial,
            )
        if self._work_order is None:
            return
        with self.store.write() as conn:
            self._record(conn, "work_order.released", {"work_order": self._work_order.number})
        self._work_order = None
        self._notify(Change.WORK_QUEUE, Change.UNIT)

    def next_serial(self) -> str:
        """The serial a generated unit would get: product, work order, running number."""
        wo = self._work_order
        if wo is None:
            raise _violation(
                "no_work_order", "No work order is selected.", "Pick one from the queue."
            )
        from kiosk.store.schema import work_orders

        with self.store.read() as conn:
            n = conn.execute(
                select(work_orders.c.next_serial).where(work_orders.c.number == wo.number)
            ).scalar_one()
            prefix = re.sub(r"[^A-Za-z0-9]", "", wo.product)
            digits = re.sub(r"\D", "", wo.number)[-5:] or "0"
            while True:
                serial = f"{prefix}-{digits}-{n:04d}"
                if conn.execute(select(units.c.id).where(units.c.serial == serial)).first() is None:
                    return serial
                n += 1

    def start_unit(self, serial: str | None = None, *, override_by: str | None = None) -> Unit:
        """Start a unit of the selected work order; ``serial=None`` generates the next one.

        Scanning the serial of a unit that is in progress resumes it."""
        self._require_operator()
        if self._unit is not None:
            raise _violation(
                "unit_in_progress",
                f"Unit {self._unit.serial} is in progress.",
                "Finish or scrap it first.",
                serial=self._unit.serial,
            )
        wo = self._work_order
        if wo is None:
            raise _violation(
                "no_work_order", "No work order is selected.", "Pick one from the queue."
            )
        if serial is not None:
            serial = serial.strip()
            with self.store.read() as conn:
                existing = conn.execute(select(units).where(units.c.serial == serial)).first()
            if existing is not None:
                if existing.state == "in_progress":
                    return self._resume(existing.id)
                raise _violation(
                    "serial_used",
                    f"Serial {serial} was already {existing.state} on "
                    f"{existing.finished_at[:16].replace('T', ' ')}.",
                    "Check the label; scan the serial of a new unit.",
                    serial=serial,
                )
        with self.store.read() as conn:
            rev = md.current_revision(conn, wo.product, wo.operation)
            wo_now = md.work_order(conn, wo.number)
        if rev is None:
            raise _violation(
                "no_instructions",
                f"There is no approved work instruction for {wo.product} {wo.operation}.",
                "Ask the line lead to publish or import the instruction package.",
            )
        assert wo_now is not None
        generated = serial is None
        serial = serial or self.next_serial()
        with self.store.write() as conn:
            if wo_now.is_complete:
                if override_by is None:
                    raise _violation(
                        "work_order_complete",
                        f"Work order {wo.number} is complete: "
                        f"{wo_now.done} of {wo_now.quantity} done.",
                        "Pick the next work order, or ask a line lead to approve extra units.",
                        override="overproduction",
                        work_order=wo.number,
                        done=wo_now.done,
                        quantity=wo_now.quantity,
                    )
                lead = self._line_lead(conn, override_by, "overproduction")
                self._override(
                    conn, "overproduction", lead, f"extra unit on {wo.number}", work_order=wo.number
                )
            unit_id = str(uuid.uuid4())
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

    # --- navigation ----------------------------------------------------------------------

    def go_to(self, index: int) -> StepView:
        """Review a step (done steps and the current one); results are never discarded."""
        unit = self._require_unit()
        rev = self.revision_for_key(unit.revision)
        if not 0 <= index < len(rev.steps):
            raise _violation("no_such_step", f"There is no step {index + 1}.", "")
        if index > self._first_open_index():
            raise _violation(
                "step_ahead",
                f"Step {index + 1} comes after steps that are not done yet.",
                "Finish the current step first.",
            )
        self._position = index
        # Next from a step that was already done only steps forward (review); from one done
        # here it jumps to the first step still open.
        self._reviewing = (
            self._result(rev.steps[index].id) is not None and index < self._first_open_index()
        )
        self.touch()
        self._notify(Change.STEP)
        view = self.step_view()
        assert view is not None
        return view

    def back(self) -> StepView:
        return self.go_to(max(0, self._position - 1))

    def next(self, *, checked: set[str] | frozenset[str] | None = None) -> UnitSummary | StepView:
        """Confirm the current step if it needs no more, then move on; after the last step
        the unit completes and its summary is returned."""
        self._require_unit()
        view = self.step_view()
        assert view is not None
        step = view.step
        was_done = view.status in DONE
        reviewing = was_done and self._reviewing
        self._reviewing = False
        if not was_done:
            if step.kind == StepKind.INSTRUCTION:
                self._complete_step(step, "ok", {})
            elif step.kind == StepKind.CHECKLIST:
                missing = [i for i in step.checklist if i.id not in (checked or set())]
                if missing and step.required:
                    raise _violation(
                        "checklist_incomplete",
                        f"{len(missing)} item(s) are not ticked yet: "
                        f"{localized(missing[0].text, self.language)}.",
                        "Tick every item, then tap Next.",
                        missing=len(missing),
                    )
                self._complete_step(step, "ok", {"checked": sorted(checked or ())})
            elif not step.required and view.status == "pending":
                self._complete_step(step, "skipped", {})
            else:
                raise self._unsatisfied(view)
        if all(s in DONE for s in self.step_statuses()):
            return self._complete_unit()
        open_index = self._first_open_index()
        # Reviewing: step forward one; after doing a step: go to the first one still open.
        self._position = min(self._position + 1, open_index) if reviewing else open_index
        self._reviewing = reviewing and self._position < open_index
        self.touch()
        self._notify(Change.STEP)
        v = self.step_view()
        assert v is not None
        return v

    def _unsatisfied(self, view: StepView) -> RuleViolation:
        step = view.step
        what = {
            StepKind.SCAN: "Scan the part this step needs.",
            StepKind.MEASURE: "Enter the measured value.",
            StepKind.PASS_FAIL: "Tap Pass or Fail.",
            StepKind.TORQUE: "Tighten every fastening with the tool.",
            StepKind.SIGNOFF: "Have the sign-off badge scanned.",
        }.get(step.kind, "Complete the step.")
        if view.status == "nok":
            what = "Retry, rework, scrap, or ask a line lead to override."
        return _violation(
            "step_incomplete",
            f"Step {view.index + 1} “{localized(step.title, self.language)}” is not done yet.",
            what,
            step=view.index + 1,
        )

    # --- step actions --------------------------------------------------------------------

    def _current(self, *kinds: StepKind) -> StepView:
        self._require_unit()
        view = self.step_view()
        assert view is not None
        if kinds and view.step.kind not in kinds:
            raise _violation(
                "wrong_step_kind",
                f"Step {view.index + 1} is a {view.step.kind.value.replace('_', '/')} step.",
                "Do what the step on screen asks.",
            )
        return view

    def _started_at(self) -> str:
        return self._step_started_at or rfc3339(self.clock())

    def _complete_step(
        self,
        step: Step,
        status: str,
        data: dict[str, Any],
        *,
        conn: Connection | None = None,
        extra: list[tuple[str, dict[str, Any]]] | None = None,
    ) -> None:
        """Record a step result (and its companion events) in one transaction."""
        unit = self._require_unit()
        prev = self._result(step.id)
        # A partial (torque in progress) result is the same attempt; anything else is a new one.
        attempt = (
            1 if prev is None else prev.attempt if prev.status == "partial" else prev.attempt + 1
        )
        payload = {
            "unit_id": unit.id,
            "serial": unit.serial,
            "step_id": step.id,
            "kind": step.kind.value,
            "status": status,
            "attempt": attempt,
            "started_at": self._started_at(),
            "data": data,
        }

        def write(c: Connection) -> None:
            for type_, p in extra or ():
                self._record(c, type_, p)
            self._record(c, "step.completed", payload)

        if conn is not None:
            write(conn)  # the caller commits, then refreshes
            return
        with self.store.write() as c:
            write(c)
        self._refresh_unit()

    def _refresh_unit(self) -> None:
        if self._unit:
            with self.store.read() as conn:
                self._unit = self._read_unit(conn, self._unit.id)
                row = conn.execute(select(station_state.c.step_started_at)).first()
                self._step_started_at = row[0] if row else None
        self.touch()

    def submit_scan(self, data: str, *, gs1: dict[str, str] | None = None) -> ScanOutcome:
        view = self._current(StepKind.SCAN)
        unit = self._require_unit()
        rev = self.revision_for_key(unit.revision)
        match = rules.match_scan(rev, view.step, data, gs1, self.language)
        if not match.ok:
            self._notify(Change.STEP)
            return ScanOutcome(
                "component", False, match.message, match.next_action, match.code, match.params
            )
        if match.serial:
            with self.store.read() as conn:
                used = conn.execute(
                    select(units.c.serial)
                    .select_from(consumptions.join(units, units.c.id == consumptions.c.unit_id))
                    .where(
                        and_(
                            consumptions.c.part == match.part,
                            consumptions.c.serial == match.serial,
                            consumptions.c.unit_id != unit.id,
                        )
                    )
                ).first()
            if used is not None:
                item = rev.component(match.part or "")
                name = localized(item.name, self.language) if item is not None else match.part
                return ScanOutcome(
                    "component",
                    False,
                    f"This {name} ({match.serial}) was already fitted to unit {used[0]}.",
                    "Take another one; put this one aside for the line lead.",
                    "component_used",
                    {"part": match.part, "name": name, "serial": match.serial, "unit": used[0]},
                )
        consumed = {
            "unit_id": unit.id,
            "serial": unit.serial,
            "step_id": view.step.id,
            "part": match.part,
            "component_serial": match.serial,
            "lot": match.lot,
            "gtin": match.gtin,
            "raw": data,
        }
        self._complete_step(
            view.step,
            "ok",
            {
                "part": match.part,
                "serial": match.serial,
                "lot": match.lot,
                "gtin": match.gtin,
                "raw": data,
            },
            extra=[("component.consumed", consumed)],
        )
        self._notify(Change.STEP)
        return ScanOutcome(
            "component", True, match.message, "Tap Next.", "ok", {"part": match.part}
        )

    def submit_measurement(self, value: str | float) -> rules.MeasurementVerdict:
        view = self._current(StepKind.MEASURE)
        if view.status == "nok" and view.retries_left <= 0:
            raise self._unsatisfied(view)
        unit = self._require_unit()
        verdict = rules.evaluate_measurement(view.step, value, self.language)
        if verdict.outcome == "invalid":
            return verdict  # not a reading: nothing recorded
        spec = view.step.spec
        measured = {
            "unit_id": unit.id,
            "serial": unit.serial,
            "step_id": view.step.id,
            "name": spec.get("name", view.step.id),
            "value": verdict.value,
            "unit": spec.get("unit", ""),
            "lower": spec.get("lower"),
            "upper": spec.get("upper"),
            "nominal": spec.get("nominal"),
            "outcome": verdict.outcome,
            "marginal": verdict.marginal,
        }
        self._complete_step(
            view.step,
            "ok" if verdict.ok else "nok",
            {"value": verdict.value, "outcome": verdict.outcome, "marginal": verdict.marginal},
            extra=[("measurement.recorded", measured)],
        )
        self._notify(Change.STEP)
        return verdict

    def submit_pass_fail(self, passed: bool, note: str = "") -> None:
        view = self._current(StepKind.PASS_FAIL)
        if view.status == "nok" and view.retries_left <= 0:
            raise self._unsatisfied(view)
        self._complete_step(view.step, "ok" if passed else "nok", {"passed": passed, "note": note})
        self._notify(Change.STEP)

    def submit_tightening(self, result: Mapping[str, Any]) -> rules.TighteningVerdict:
        """One tightening from the tool. Fills the next fastening on OK; a NOK stays on the
        same fastening and counts against its retries; past them the step is NOK."""
        view = self._current(StepKind.TORQUE)
        if view.status in DONE or view.status == "nok":
            raise _violation(
                "torque_not_expected",
                "This step's fastenings are already recorded.",
                "Tap Next, or handle the NOK first.",
            )
        unit = self._require_unit()
        step = view.step
        verdict = rules.evaluate_tightening(step, dict(result))
        tightenings: list[dict[str, Any]] = list(view.data.get("tightenings", []))
        count = int(step.spec.get("count", 1))
        fastening = sum(1 for t in tightenings if t["ok"]) + 1
        tries_here = sum(1 for t in tightenings if t["fastening"] == fastening and not t["ok"])
        entry = {
            "fastening": fastening,
            "ok": verdict.ok,
            "torque": verdict.torque,
            "angle": verdict.angle,
            "pset": result.get("pset"),
            "tightening_id": result.get("tightening_id"),
        }
        tightenings.append(entry)
        recorded = {"unit_id": unit.id, "serial": unit.serial, "step_id": step.id, **entry}
        oks = sum(1 for t in tightenings if t["ok"])
        if verdict.ok and oks >= count:
            status = "ok"
        elif not verdict.ok and tries_here + 1 > step.max_retries:
            status = "nok"
        else:
            status = "partial"
        if status == "partial":
            # Fastenings done so far are kept (the bolts are tight) even across a restart.
            recorded["tightenings"] = tightenings
            recorded["attempt"] = max(1, view.attempt)
            recorded["started_at"] = self._started_at()
            with self.store.write() as conn:
                self._record(conn, "torque.recorded", recorded)
            self._refresh_unit()
        else:
            self._complete_step(
                step, status, {"tightenings": tightenings}, extra=[("torque.recorded", recorded)]
            )
        self._notify(Change.STEP, Change.DEVICES)
        return verdict

    def submit_signoff(self, badge: str, meaning: str | None = None) -> Operator:
        view = self._current(StepKind.SIGNOFF)
        unit = self._require_unit()
        spec = view.step.spec
        with self.store.read() as conn:
            signer = md.operator_by_badge(conn, badge.strip())
        role = Role(spec.get("role", "quality"))
        if signer is None or not signer.active:
            raise _violation(
                "unknown_badge", f"Badge {badge} is not known here.", "Scan a valid badge."
            )
        if not signer.has_role(role):
            raise _violation(
                "signoff_role",
                f"{signer.name} cannot sign this step: it needs a {role.value.replace('_', ' ')}.",
                f"Call a {role.value.replace('_', ' ')} to scan their badge.",
                signer=signer.name,
                role=role.value,
            )
        if spec.get("independent", False) and self._operator and signer.id == self._operator.id:
            raise _violation(
                "signoff_independent",
                "This sign-off must be by someone other than the operator who built the unit.",
                f"Call a {role.value.replace('_', ' ')} to scan their badge.",
            )
        signed = {
            "unit_id": unit.id,
            "serial": unit.serial,
            "step_id": view.step.id,
            "signer_id": signer.id,
            "signer_name": signer.name,
            "role": role.value,
            "meaning": meaning or spec.get("meaning", "approved"),
        }
        self._complete_step(
            view.step,
            "ok",
            {"signer_id": signer.id, "signer_name": signer.name, "role": role.value},
            extra=[("signature.applied", signed)],
        )
        self._notify(Change.STEP)
        return signer

    def redo_step(self, index: int | None = None) -> StepView:
        """Undo a done step's result so it can be done again (until the unit completes).
        A torque step's tightenings cannot be undone: the bolts are already tight."""
        unit = self._require_unit()
        i = self._position if index is None else index
        rev = self.revision_for_key(unit.revision)
        step = rev.steps[i]
        r = self._result(step.id)
        if r is None:
            return self.go_to(i)
        if step.kind == StepKind.TORQUE:
            raise _violation(
                "torque_undo",
                "Tightening results cannot be undone.",
                "If a fastening must be redone, record a rework (NOK) instead.",
            )
        with self.store.write() as conn:
            self._record(
                conn,
                "step.reopened",
                {"unit_id": unit.id, "step_id": step.id, "previous": r.status},
            )
        self._refresh_unit()
        self._position = i
        self._reviewing = False
        self._notify(Change.STEP)
        v = self.step_view()
        assert v is not None
        return v

    # --- NOK handling --------------------------------------------------------------------

    def retry_step(self) -> StepView:
        """Try a NOK step again (within its retries)."""
        view = self._current()
        if view.status != "nok" or NokAction.RETRY not in view.nok_actions:
            raise _violation(
                "retry_not_allowed",
                f"No retries are left for step {view.index + 1}.",
                "Rework, scrap, or ask a line lead to override.",
            )
        # The retry is the next submission; the attempt count is in the step result.
        return view

    def rework_step(self, note: str) -> StepView:
        """Record a nonconformance, send the step back to be done again after rework."""
        view = self._current()
        unit = self._require_unit()
        if view.status != "nok":
            raise _violation("not_nok", "Only a NOK step can be reworked.", "")
        if not note.strip():
            raise _violation("reason_needed", "Say what was reworked.", "Pick or type a reason.")
        with self.store.write() as conn:
            self._record(
                conn,
                "nonconformance.raised",
                {
                    "unit_id": unit.id,
                    "serial": unit.serial,
                    "step_id": view.step.id,
                    "kind": "rework",
                    "description": note,
                    "result": view.data,
                },
            )
            self._record(
                conn,
                "step.reopened",
                {"unit_id": unit.id, "step_id": view.step.id, "previous": "nok"},
            )
        self._refresh_unit()
        self._notify(Change.STEP)
        v = self.step_view()
        assert v is not None
        return v

    def override_nok(self, lead_badge: str, reason: str) -> StepView:
        """A line lead accepts a NOK step; the original result is kept in the record."""
        view = self._current()
        if view.status != "nok":
            raise _violation("not_nok", "Only a NOK step can be overridden.", "")
        if not reason.strip():
            raise _violation(
                "reason_needed", "An override needs a reason.", "Pick or type a reason."
            )
        with self.store.write() as conn:
            lead = self._line_lead(conn, lead_badge, "nok")
            self._override(conn, "nok", lead, reason, step_id=view.step.id, result=view.data)
            self._complete_step(
                view.step, "overridden", {**view.data, "override_by": lead.id}, conn=conn
            )
        self._refresh_unit()
        self._notify(Change.STEP)
        v = self.step_view()
        assert v is not None
        return v

    def scrap_unit(self, reason: str) -> UnitSummary:
        unit = self._require_unit()
        if not reason.strip():
            raise _violation("reason_needed", "Scrapping needs a reason.", "Pick a scrap reason.")
        elapsed, _ = self.cycle_time()
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
            )
        return self._after_unit(unit, UnitState.SCRAPPED, elapsed)

    def _complete_unit(self) -> UnitSummary:
        unit = self._require_unit()
        rev = self.revision_for_key(unit.revision)
        unfinished = [
            s
            for s in rev.steps
            if s.required and ((r := self._result(s.id)) is None or r.status not in DONE)
        ]
        if unfinished:  # the engine's invariant, whatever the caller did
            raise _violation(
                "step_incomplete",
                f"{len(unfinished)} required step(s) are not done.",
                "Finish them before completing the unit.",
            )
        elapsed, _ = self.cycle_time()
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

    # --- scans from anywhere -------------------------------------------------------------

    def handle_scan(
        self, data: str, *, gs1: dict[str, str] | None = None, override_by: str | None = None
    ) -> ScanOutcome:
        """Route a scan by what it is: badge, part for the current step, work order, serial."""
        data = data.strip()
        if not data:
            return ScanOutcome("unknown", False, "The scan was empty.", "Scan again.", "empty")
        with self.store.read() as conn:
            badge_owner = md.operator_by_badge(conn, data)
            wo = md.work_order(conn, data)
        try:
            if badge_owner is not None:
                view = self.step_view() if self._unit and not self.locked else None
                if view and view.step.kind == StepKind.SIGNOFF and view.status not in DONE:
                    signer = self.submit_signoff(data)
                    return ScanOutcome("signoff", True, f"Signed by {signer.name}.", "Tap Next.")
                if self._operator and badge_owner.id == self._operator.id:
                    return ScanOutcome("login", True, f"{badge_owner.name} is logged in.", "")
                switching = self._operator is not None
                op = self.login_badge(data, override_by=override_by)
                return ScanOutcome(
                    "operator_switch" if switching else "login", True, f"Welcome, {op.name}.", ""
                )
            if self.locked and wo is None:  # a badge was meant: say what was read
                return ScanOutcome(
                    "unknown",
                    False,
                    f"Badge {data} is not known at this station.",
                    "Check the badge or ask a line lead.",
                    "unknown_badge",
                    {"badge": data},
                )
            if self.locked:
                return ScanOutcome(
                    "unknown", False, "The station is locked.", "Scan your badge first.", "locked"
                )
            view = self.step_view() if self._unit else None
            if view and view.step.kind == StepKind.SCAN and view.status not in DONE:
                return self.submit_scan(data, gs1=gs1)
            if view and view.step.kind == StepKind.SCAN and wo is None:
                return ScanOutcome(
                    "refused",
                    False,
                    "This step's part is already scanned.",
                    "To scan it again: More → Redo this step.",
                    "already_scanned",
                    {"data": data},
                )
            if wo is not None:
                self.select_work_order(wo.number, override_by=override_by)
                return ScanOutcome("work_order", True, f"Work order {wo.number} opened.", "")
            if self._work_order and not self._unit:
                unit = self.start_unit(data, override_by=override_by)
                return ScanOutcome("unit", True, f"Unit {unit.serial} started.", "")
            return ScanOutcome(
                "unknown",
                False,
                f"{data} is not a badge, work order, unit or the part this step needs.",
                "Check the label and scan again.",
                "unknown_barcode",
                {"data": data},
            )
        except RuleViolation as err:
            return ScanOutcome(
                "refused", False, err.message, err.next_action, err.code, err.params, err.override
            )

    # --- andon, downtime, feedback, devices ------------------------------------------------

    def raise_andon(self, category: str, note: str = "") -> str:
        self._require_operator()
        andon_id = str(uuid.uuid4())
        payload = {
            "andon_id": andon_id,
            "category": category,
            "note": note,
            "station": self.station.id,
            "serial": self._unit.serial if self._unit else None,
            "work_order": self._work_order.number if self._work_order else None,
        }
        with self.store.write() as conn:
            self._record(conn, "andon.raised", payload)
        self._notify(Change.ANDON)
        return andon_id

    def clear_andon(self, andon_id: str, *, by_badge: str | None = None) -> None:
        with self.store.read() as conn:
            by = md.operator_by_badge(conn, by_badge) if by_badge else self._operator
            row = conn.execute(select(andons).where(andons.c.id == andon_id)).first()
        if row is None or row.cleared_at is not None:
            return
        raised = parse_rfc3339(row.raised_at)
        with self.store.write() as conn:
            self._record(
                conn,
                "andon.cleared",
                {
                    "andon_id": andon_id,
                    "category": row.category,
                    "cleared_by": by.id if by else None,
                    "minutes": round((self.clock() - raised).total_seconds() / 60, 2),
                },
            )
        self._notify(Change.ANDON)

    def start_downtime(self, reason: str) -> str:
        if not reason.strip():
            raise _violation("reason_needed", "Downtime needs a reason.", "Pick a reason.")
        current = self.active_downtime()
        if current is not None:
            raise _violation(
                "downtime_running",
                f"Downtime “{current.reason}” is already running.",
                "End it first.",
            )
        downtime_id = str(uuid.uuid4())
        with self.store.write() as conn:
            self._record(
                conn,
                "downtime.started",
                {"downtime_id": downtime_id, "reason": reason, "station": self.station.id},
            )
        self._notify(Change.DOWNTIME)
        return downtime_id

    def end_downtime(self) -> float:
        current = self.active_downtime()
        if current is None:
            return 0.0
        minutes = round((self.clock() - current.started_at).total_seconds() / 60, 2)
        with self.store.write() as conn:
            self._record(
                conn,
                "downtime.ended",
                {"downtime_id": current.id, "reason": current.reason, "minutes": minutes},
            )
        self._notify(Change.DOWNTIME)
        return minutes

    def report_problem(self, category: str, text: str, step_id: str | None = None) -> None:
        """Operator feedback on a step's instruction (wrong picture, unclear text…)."""
        if not (category.strip() or text.strip()):
            raise _violation(
                "reason_needed", "Say what is wrong with the step.", "Pick a category."
            )
        rev = self.revision
        view = self.step_view()
        with self.store.write() as conn:
            self._record(
                conn,
                "instruction.feedback",
                {
                    "revision": rev.key if rev else None,
                    "step_id": step_id or (view.step.id if view else None),
                    "category": category,
                    "text": text,
                },
            )
        self._notify(Change.STEP)

    def device_status(self, device: str, state: str, reason: str = "") -> None:
        """Record a device's connection state when it changes (not on every retry)."""
        if self._device_status.get(device, ("", ""))[0] == state:
            return
        self._device_status[device] = (state, reason)
        with self.store.write() as conn:
            self._record(
                conn, "device.status_changed", {"device": device, "state": state, "reason": reason}
            )
        self._notify(Change.DEVICES)


__all__ = [
    "Andon",
    "Change",
    "Downtime",
    "ScanOutcome",
    "StationEngine",
    "StepView",
    "TorqueRequest",
    "UnitSummary",
]
