"""Step run and navigation: Next (confirming what needs no more), Back, reviewing a
done step, redoing one; the last Next completes the unit."""

from __future__ import annotations

from kiosk.domain import (
    StepKind,
    StepStatus,
    localized,
)
from kiosk.engine.units import UnitsMixin
from kiosk.engine.views import (
    DONE,
    Change,
    StepView,
    UnitSummary,
)
from kiosk.refusals import refusal


class NavigationMixin(UnitsMixin):
    def go_to(self, index: int) -> StepView:
        """Review a step (done steps and the current one); results are never discarded."""
        unit = self._require_unit()
        rev = self.revision_for_key(unit.revision)
        if not 0 <= index < len(rev.steps):
            raise refusal("no_such_step", step=index + 1)
        if index > self._first_open_index():
            raise refusal("step_ahead", step=index + 1)
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
                self._complete_step(step, StepStatus.OK, {})
            elif step.kind == StepKind.CHECKLIST:
                missing = [i for i in step.checklist if i.id not in (checked or set())]
                if missing and step.required:
                    raise refusal(
                        "checklist_incomplete",
                        missing=len(missing),
                        first=localized(missing[0].text, self.language),
                    )
                self._complete_step(step, StepStatus.OK, {"checked": sorted(checked or ())})
            elif not step.required and view.status == StepStatus.PENDING:
                self._complete_step(step, StepStatus.SKIPPED, {})
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
            raise refusal("torque_undo")
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
