"""Operator session and certification gating: badge and PIN login, operator switch,
logout, the idle lock; an uncertified or expired operator needs a line lead's badge."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from kiosk.domain import (
    Operator,
    Role,
)
from kiosk.engine.core import EngineCore
from kiosk.engine.views import (
    Change,
)
from kiosk.errors import RuleViolation
from kiosk.refusals import refusal
from kiosk.security import verify_pin
from kiosk.store import masterdata as md


@dataclass(frozen=True)
class PinChoice:
    """One name on the lock screen's picker."""

    id: str
    name: str
    locked: bool  # the PIN is locked after too many wrong tries: a line lead unlocks it


class SessionMixin(EngineCore):
    def _certification_problem(self, op: Operator, operation: str) -> RuleViolation | None:
        cert = op.certification_for(operation)
        today = self.clock().date()
        if cert is None:
            return refusal("not_certified", operator=op.name, operation=operation)
        if not cert.valid_on(today):
            return refusal(
                "certification_expired",
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

    def _certified_or_overridden(
        self, conn: Connection, problem: RuleViolation | None, override_by: str | None, **extra: Any
    ) -> None:
        """The one certification gate: pass, or a line lead's badge overrides (recorded)."""
        if problem is None:
            return
        if override_by is None:
            raise problem
        lead = self._line_lead(conn, override_by, "certification")
        self._override(conn, "certification", lead, problem.message, **extra)

    def login_badge(self, badge: str, *, override_by: str | None = None) -> Operator:
        with self.store.read() as conn:
            op = md.operator_by_badge(conn, badge.strip())
        if op is None or not op.active:
            raise refusal("unknown_badge", badge=badge)
        return self._login(op, override_by, method="badge")

    def pin_operators(self) -> list[PinChoice]:
        """Who can log in here with a PIN, by name: the lock screen's picker. Picking
        first means one PIN hash is verified per try, however many operators there are."""
        from kiosk.access import pin_locked

        with self.store.read() as conn:
            return [
                PinChoice(o.id, o.name, pin_locked(conn, o.id))
                for o in md.all_operators(conn)
                if o.active and o.pin_hash
            ]

    def login_operator_pin(
        self, operator_id: str, pin: str, *, override_by: str | None = None
    ) -> Operator:
        """Log in the operator picked by name with their PIN: exactly one hash verified;
        a wrong PIN counts against that operator (5 lock their PIN until a line lead
        unlocks it)."""
        from kiosk.access import check_pin

        with self.store.read() as conn:
            op = md.operator_by_id(conn, operator_id)
        if op is None or not op.active or not op.pin_hash:
            raise refusal("wrong_pin")
        check_pin(self.store, op, pin)
        return self._login(op, override_by, method="pin")

    def login_pin(self, pin: str, *, override_by: str | None = None) -> Operator:
        """PIN alone (no name picked): tries each operator's hash in turn, ≈ 0.5 s each,
        so the lock screen asks for the name first (:meth:`login_operator_pin`)."""
        from kiosk.access import pin_locked  # a locked PIN never logs in

        with self.store.read() as conn:
            candidates = [
                o
                for o in md.all_operators(conn)
                if o.active and o.pin_hash and not pin_locked(conn, o.id)
            ]
        for op in candidates:
            if op.pin_hash and verify_pin(pin, op.pin_hash):
                return self._login(op, override_by, method="pin")
        raise refusal("wrong_pin")

    def unlock_pin(self, operator_id: str, by_badge: str) -> Operator:
        """A line lead unlocks an operator's PIN after too many wrong tries (the rule lives
        in kiosk.access)."""
        from kiosk.access import unlock_pin

        return unlock_pin(self.store, operator_id, by_badge)

    def _login(self, op: Operator, override_by: str | None, method: str) -> Operator:
        problem = self._gate(op)
        with self.store.write() as conn:
            self._certified_or_overridden(conn, problem, override_by, operator_id=op.id)
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
