"""NOK handling: the retry state (the engine's, shown on the step view), rework with a
nonconformance, a line lead's override of a NOK result."""

from __future__ import annotations

from kiosk.domain import (
    NokAction,
    StepStatus,
)
from kiosk.engine.core import EngineCore
from kiosk.engine.views import (
    Change,
    StepView,
)
from kiosk.refusals import refusal


class NokMixin(EngineCore):
    def retry_step(self) -> StepView:
        """Try a NOK step again (within its retries): the step view shows it open again
        (``retrying``, no NOK actions) until the next submission, which is the retry's
        attempt; the NOK stays in the record."""
        view = self._current()
        if view.retrying:
            return view
        if view.status != StepStatus.NOK or NokAction.RETRY not in view.nok_actions:
            raise refusal("retry_not_allowed", step=view.index + 1)
        self._retry_step = view.step.id
        self.touch()
        self._notify(Change.STEP)
        v = self.step_view()
        assert v is not None
        return v

    def rework_step(self, note: str) -> StepView:
        """Record a nonconformance, send the step back to be done again after rework."""
        view = self._current()
        unit = self._require_unit()
        if view.status != StepStatus.NOK:
            raise refusal("not_nok")
        if not note.strip():
            raise refusal("reason_needed", variant="rework")
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
        if view.status != StepStatus.NOK:
            raise refusal("not_nok")
        if not reason.strip():
            raise refusal("reason_needed", variant="override")
        with self.store.write() as conn:
            lead = self._line_lead(conn, lead_badge, "nok")
            self._override(conn, "nok", lead, reason, step_id=view.step.id, result=view.data)
            self._complete_step(
                view.step, StepStatus.OVERRIDDEN, {**view.data, "override_by": lead.id}, conn=conn
            )
        self._refresh_unit()
        self._notify(Change.STEP)
        v = self.step_view()
        assert v is not None
        return v
