"""Step submissions: a component scan, a measurement, pass/fail, a tightening (in the
step's unit, judged by its window), a sign-off badge."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk import steps as rules
from kiosk.domain import (
    Operator,
    Role,
    StepKind,
    StepStatus,
    localized,
)
from kiosk.engine.core import EngineCore
from kiosk.engine.views import (
    DONE,
    Change,
    ScanOutcome,
)
from kiosk.readings import TorqueReading
from kiosk.refusals import refusal, render
from kiosk.store import masterdata as md
from kiosk.store import queries as q


class SubmissionsMixin(EngineCore):
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
                used = q.component_used_elsewhere(conn, match.part or "", match.serial, unit.id)
            if used is not None:
                item = rev.component(match.part or "")
                name = localized(item.name, self.language) if item is not None else match.part
                params = {"part": match.part, "name": name, "serial": match.serial, "unit": used}
                message, next_action = render("component_used", **params)
                return ScanOutcome(
                    "component", False, message, next_action, "component_used", params
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
            StepStatus.OK,
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
            "component", True, match.message, match.next_action, "accepted", match.params
        )

    def submit_measurement(self, value: str | float) -> rules.MeasurementVerdict:
        view = self._current(StepKind.MEASURE)
        if view.status == StepStatus.NOK and view.retries_left <= 0:
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
            StepStatus.OK if verdict.ok else StepStatus.NOK,
            {"value": verdict.value, "outcome": verdict.outcome, "marginal": verdict.marginal},
            extra=[("measurement.recorded", measured)],
        )
        self._notify(Change.STEP)
        return verdict

    def submit_pass_fail(self, passed: bool, note: str = "") -> None:
        view = self._current(StepKind.PASS_FAIL)
        if view.status == StepStatus.NOK and view.retries_left <= 0:
            raise self._unsatisfied(view)
        self._complete_step(
            view.step,
            StepStatus.OK if passed else StepStatus.NOK,
            {"passed": passed, "note": note},
        )
        self._notify(Change.STEP)

    def submit_tightening(
        self, result: TorqueReading | Mapping[str, Any]
    ) -> rules.TighteningVerdict:
        """One tightening from the tool (a :class:`~kiosk.readings.TorqueReading`; the
        older dict form is still taken). Its torque is converted to the step's unit and
        judged; a reading without a tool verdict is judged by the step's limits alone;
        an unknown unit is refused and nothing is recorded. Fills the next fastening on
        OK; a NOK stays on the same fastening and counts against its retries; past them
        the step is NOK."""
        reading = (
            result if isinstance(result, TorqueReading) else TorqueReading.from_mapping(result)
        )
        view = self._current(StepKind.TORQUE)
        if view.status in DONE or view.status == StepStatus.NOK:
            raise refusal("torque_not_expected")
        unit = self._require_unit()
        step = view.step
        verdict = rules.evaluate_tightening(step, reading)
        tightenings: list[dict[str, Any]] = list(view.data.get("tightenings", []))
        count = int(step.spec.get("count", 1))
        fastening = sum(1 for t in tightenings if t["ok"]) + 1
        tries_here = sum(1 for t in tightenings if t["fastening"] == fastening and not t["ok"])
        entry = {
            "fastening": fastening,
            "ok": verdict.ok,
            "torque": verdict.torque,
            "angle": verdict.angle,
            "pset": reading.pset,
            "tightening_id": reading.tightening_id,
            # The step's unit, the tool's own verdict (ok/nok/none) and what it printed.
            "unit": verdict.unit,
            "tool_verdict": str(reading.verdict),
            "tool_torque": reading.value,
            "tool_unit": reading.unit,
        }
        tightenings.append(entry)
        recorded: dict[str, Any] = {
            "unit_id": unit.id,
            "serial": unit.serial,
            "step_id": step.id,
            **entry,
        }
        oks = sum(1 for t in tightenings if t["ok"])
        if verdict.ok and oks >= count:
            status = StepStatus.OK
        elif not verdict.ok and tries_here + 1 > step.max_retries:
            status = StepStatus.NOK
        else:
            status = StepStatus.PARTIAL
        if status == StepStatus.PARTIAL:
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
            raise refusal("unknown_badge", badge=badge)
        if not signer.has_role(role):
            raise refusal("signoff_role", signer=signer.name, role=role.value.replace("_", " "))
        if spec.get("independent", False) and self._operator and signer.id == self._operator.id:
            raise refusal("signoff_independent", role=role.value.replace("_", " "))
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
            StepStatus.OK,
            {"signer_id": signer.id, "signer_name": signer.name, "role": role.value},
            extra=[("signature.applied", signed)],
        )
        self._notify(Change.STEP)
        return signer
