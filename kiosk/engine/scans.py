"""Scan routing: one barcode from anywhere, taken as a sign-off, login, operator switch,
the current scan step's part, a work order or a unit serial, in that order."""

from __future__ import annotations

from typing import Any

from kiosk.domain import (
    StepKind,
)
from kiosk.engine.submissions import SubmissionsMixin
from kiosk.engine.units import UnitsMixin
from kiosk.engine.views import (
    DONE,
    ScanOutcome,
    _scan_refused,
)
from kiosk.errors import RuleViolation
from kiosk.readings import ScanRead
from kiosk.refusals import render
from kiosk.store import masterdata as md


def _taken(route: str, code: str, **params: Any) -> ScanOutcome:
    message, next_action = render(code, **params)
    return ScanOutcome(route, True, message, next_action, code, params)


class ScanRoutingMixin(UnitsMixin, SubmissionsMixin):
    def handle_scan(
        self,
        data: str | ScanRead,
        *,
        gs1: dict[str, str] | None = None,
        override_by: str | None = None,
    ) -> ScanOutcome:
        """Route a scan by what it is: badge, part for the current step, work order, serial.
        ``data`` is the barcode's text or a :class:`~kiosk.readings.ScanRead`."""
        if isinstance(data, ScanRead):
            gs1 = gs1 if gs1 is not None else data.gs1
            data = data.data
        data = data.strip()
        if not data:
            return _scan_refused("unknown", "empty")
        with self.store.read() as conn:
            badge_owner = md.operator_by_badge(conn, data)
            wo = md.work_order(conn, data)
        try:
            if badge_owner is not None:
                view = self.step_view() if self._unit and not self.locked else None
                if view and view.step.kind == StepKind.SIGNOFF and view.status not in DONE:
                    signer = self.submit_signoff(data)
                    return _taken("signoff", "signed", signer=signer.name)
                if self._operator and badge_owner.id == self._operator.id:
                    return _taken("login", "logged_in", operator=badge_owner.name)
                switching = self._operator is not None
                op = self.login_badge(data, override_by=override_by)
                return _taken(
                    "operator_switch" if switching else "login", "welcome", operator=op.name
                )
            if self.locked and wo is None:  # a badge was meant: say what was read
                return _scan_refused("unknown", "unknown_badge", badge=data, variant="locked")
            if self.locked:
                return _scan_refused("unknown", "locked")
            view = self.step_view() if self._unit else None
            if view and view.step.kind == StepKind.SCAN and view.status not in DONE:
                return self.submit_scan(data, gs1=gs1)
            if view and view.step.kind == StepKind.SCAN and wo is None:
                return _scan_refused("refused", "already_scanned", data=data)
            if wo is not None:
                self.select_work_order(wo.number, override_by=override_by)
                return _taken("work_order", "work_order_opened", work_order=wo.number)
            if self._work_order and not self._unit:
                unit = self.start_unit(data, override_by=override_by)
                return _taken("unit", "unit_started", serial=unit.serial)
            return _scan_refused("unknown", "unknown_barcode", data=data)
        except RuleViolation as err:
            return ScanOutcome(
                "refused", False, err.message, err.next_action, err.code, err.params, err.override
            )
