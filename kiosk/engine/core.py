"""The engine's state and the helpers every concern shares: the session read from the
store, the step view (the read model screens draw), recording events, the line-lead
check, durations on a monotonic clock, and completing a step in one transaction.

Not split further: these are the pieces the concern modules (session, units,
navigation, submissions, NOK, scans, floor) all stand on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from kiosk.domain import (
    InstructionRevision,
    NokAction,
    Operator,
    Role,
    Station,
    Step,
    StepKind,
    StepResult,
    StepStatus,
    Unit,
    WorkOrder,
    localized,
)
from kiosk.engine.views import (
    DONE,
    Change,
    Listener,
    StepView,
    TorqueRequest,
)
from kiosk.errors import RuleViolation
from kiosk.refusals import refusal
from kiosk.store import Store
from kiosk.store import masterdata as md
from kiosk.store import queries as q
from kiosk.store.events import Event, parse_rfc3339, record, rfc3339, utc_now

log = logging.getLogger("kiosk.engine")

_UNSATISFIED_VARIANTS = frozenset(
    {StepKind.SCAN, StepKind.MEASURE, StepKind.PASS_FAIL, StepKind.TORQUE, StepKind.SIGNOFF}
)


class EngineCore:
    """One station's execution state machine's state and shared helpers. Not thread-safe:
    call from one thread (the UI thread, or the autopilot)."""

    def __init__(
        self,
        store: Store,
        *,
        station: Station | None = None,
        clock: Callable[[], datetime] = utc_now,
        idle_lock_s: float = 300,
        monotonic: Callable[[], float] | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.idle_lock_s = idle_lock_s
        #: Durations (cycle time, downtime, andon) are measured on a monotonic clock
        #: from the moment each began *here*, so a wall clock set back or forward mid-unit
        #: never gives a finish before the start; a start read back from the store after a
        #: restart is anchored to the wall clock once.
        #: A test's own wall clock drives durations too, unless it gives a monotonic one.
        self.monotonic: Callable[[], float] = monotonic or (
            time.monotonic if clock is utc_now else (lambda: clock().timestamp())
        )
        self._anchors: dict[str, tuple[datetime, float]] = {}
        self._retry_step: str | None = None
        self._listeners: list[Listener] = []
        self._revisions: dict[str, InstructionRevision] = {}
        self._device_status: dict[str, tuple[str, str]] = {}
        with store.read() as conn:
            self.station = station or md.station(conn) or Station(id="ST-01", name="Station")
        self._position = 0
        self._reviewing = False
        self._load()

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
            row = q.session_row(conn)
            self._operator = (
                md.operator_by_id(conn, row.operator_id) if row and row.operator_id else None
            )
            self._work_order = (
                md.work_order(conn, row.work_order) if row and row.work_order else None
            )
            self._unit = q.unit(conn, row.unit_id) if row and row.unit_id else None
            self._last_activity = (
                parse_rfc3339(row.last_activity) if row and row.last_activity else self.clock()
            )
            self._step_started_at = row.step_started_at if row else None
        self._position = self._first_open_index()

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
                raise refusal("revision_missing", revision=key)
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
        status = r.status if r else StepStatus.PENDING
        attempt = r.attempt if r else 0
        satisfied = status in DONE or (not step.required and status == StepStatus.PENDING)
        if step.kind in (StepKind.INSTRUCTION, StepKind.CHECKLIST):
            satisfied = True  # Next *is* the confirmation (checklist: checked on Next)
        nok_actions: tuple[NokAction, ...] = ()
        retries_left = 0
        if status == StepStatus.NOK and step.kind == StepKind.TORQUE:
            # A torque step retries per fastening; once NOK it has escalated.
            nok_actions = tuple(a for a in step.on_nok if a != NokAction.RETRY)
        elif status == StepStatus.NOK:
            retries_left = max(0, step.max_retries + 1 - attempt)
            nok_actions = tuple(a for a in step.on_nok if a != NokAction.RETRY or retries_left > 0)
        retrying = status == StepStatus.NOK and self._retry_step == step.id
        if retrying:
            nok_actions = ()
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
            can_redo=r is not None
            and step.kind != StepKind.TORQUE
            and status != StepStatus.PARTIAL,
            retrying=retrying,
        )

    def step_statuses(self) -> list[StepStatus]:
        """Status of every step of the unit, for the progress strip."""
        if not self._unit:
            return []
        rev = self.revision_for_key(self._unit.revision)
        return [(r.status if (r := self._result(s.id)) else StepStatus.PENDING) for s in rev.steps]

    def cycle_time(self) -> tuple[float, float | None]:
        """Seconds on the current unit, and the operation's target cycle time."""
        if not self._unit:
            return 0.0, None
        elapsed = self._elapsed(f"unit:{self._unit.id}", self._unit.started_at)
        return elapsed, self.revision_for_key(self._unit.revision).target_cycle_s

    def _elapsed(self, key: str, started_at: str) -> float:
        """Seconds since ``started_at`` on the monotonic clock (see ``self.monotonic``)."""
        anchor = self._anchors.get(key)
        if anchor is None:
            # First sight of this start here: anchor it to the wall clock once.
            wall = max(timedelta(0), self.clock() - parse_rfc3339(started_at))
            anchor = self._anchors[key] = (
                parse_rfc3339(started_at),
                self.monotonic() - wall.total_seconds(),
            )
        return max(0.0, self.monotonic() - anchor[1])

    def _began(self, key: str, at: datetime) -> None:
        """Something that will be timed began now (on both clocks)."""
        self._anchors[key] = (at, self.monotonic())

    def _finish(self, key: str, started_at: str) -> tuple[float, datetime]:
        """(duration in s, when it finished): the duration on the monotonic clock, the
        finish never earlier than start + duration, whatever the wall clock did."""
        elapsed = self._elapsed(key, started_at)
        self._anchors.pop(key, None)
        at = max(self.clock(), parse_rfc3339(started_at) + timedelta(seconds=elapsed))
        return elapsed, at

    @property
    def torque_request(self) -> TorqueRequest:
        view = self.step_view()
        if (
            view is None
            or self.locked
            or view.step.kind != StepKind.TORQUE
            or view.status in DONE
            or view.status == StepStatus.NOK
        ):
            return TorqueRequest(False, None)
        pset = view.step.spec.get("pset")
        return TorqueRequest(True, int(pset) if pset is not None else None)

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
            raise refusal("locked")
        return self._operator

    def _require_unit(self) -> Unit:
        self._require_operator()
        if self._unit is None:
            raise refusal("no_unit")
        return self._unit

    def _line_lead(self, conn: Connection, badge: str | None, code: str) -> Operator:
        lead = md.operator_by_badge(conn, badge) if badge else None
        if lead is None or not lead.active or not lead.has_role(Role.LINE_LEAD):
            err = refusal("override_refused")
            err.override = code
            raise err
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
        # a supervisor may have cleared an andon call on the bridge (an ``andon_clear``)
        self._notify(Change.WORK_QUEUE, Change.SESSION, Change.UNIT, Change.ANDON)

    def touch(self) -> None:
        """The operator did something (a tap): push the idle lock out. Not recorded."""
        self._last_activity = self.clock()

    def _unsatisfied(self, view: StepView) -> RuleViolation:
        step = view.step
        variant: str | None = step.kind.value
        if view.status == StepStatus.NOK:
            variant = "nok"
        elif step.kind not in _UNSATISFIED_VARIANTS:
            variant = None
        return refusal(
            "step_incomplete",
            step=view.index + 1,
            title=localized(step.title, self.language),
            variant=variant,
        )

    def _current(self, *kinds: StepKind) -> StepView:
        self._require_unit()
        view = self.step_view()
        assert view is not None
        if kinds and view.step.kind not in kinds:
            raise refusal("wrong_step_kind", step=view.index + 1, kind=view.step.kind.value)
        return view

    def _started_at(self) -> str:
        return self._step_started_at or rfc3339(self.clock())

    def _complete_step(
        self,
        step: Step,
        status: StepStatus,
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
            1
            if prev is None
            else prev.attempt
            if prev.status == StepStatus.PARTIAL
            else prev.attempt + 1
        )
        if self._retry_step == step.id:
            self._retry_step = None  # the retry is this submission
        payload = {
            "unit_id": unit.id,
            "serial": unit.serial,
            "step_id": step.id,
            "kind": step.kind.value,
            "status": str(status),
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
                self._unit = q.unit(conn, self._unit.id)
                self._step_started_at = q.step_started_at(conn)
        self.touch()
