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
from kiosk.engine.tool_results import ToolResultsMixin
from kiosk.engine.views import (
    DONE,
    Change,
    ScanOutcome,
)
from kiosk.readings import TorqueReading, UnreadableReading, identifier_matches
from kiosk.refusals import refusal, render
from kiosk.store import masterdata as md
from kiosk.store import queries as q
from kiosk.store.events import parse_rfc3339


def _fastening_for(
    reading: TorqueReading, tightenings: list[dict[str, Any]], count: int
) -> int | None:
    """The fastening a tightening is for: the first without an OK; a spindle of a
    multi-spindle tightening (spindle *n*) takes the *n*-th fastening that was open when
    that tightening began, so each spindle fills one fastening of its own. None: no
    fastening is left for it."""

    def same(t: dict[str, Any]) -> bool:
        return (
            reading.spindle is not None
            and t.get("spindle") is not None
            and reading.tightening_id is not None
            and (t.get("controller_id"), t.get("tightening_id"))
            == (reading.tool, reading.tightening_id)
        )

    done = {t["fastening"] for t in tightenings if t["ok"] and not same(t)}
    open_ = [f for f in range(1, count + 1) if f not in done]
    index = (reading.spindle - 1) if reading.spindle is not None else 0
    return open_[index] if 0 <= index < len(open_) else None


class SubmissionsMixin(ToolResultsMixin):
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
        self, result: TorqueReading | UnreadableReading | Mapping[str, Any]
    ) -> rules.TighteningVerdict:
        """One tightening from the tool (a :class:`~kiosk.readings.TorqueReading`; the
        older dict form is still taken). Its torque is converted to the step's unit and
        judged; a reading without a tool verdict is judged by the step's limits alone;
        an unknown unit is refused and nothing is recorded. Fills the next open fastening
        on OK (each spindle of a multi-spindle tightening its own); a NOK stays on the
        same fastening and counts against its retries; past them the step is NOK.

        Refused, and kept as a stray result (``device.stray_result``) rather than counted:
        a result carrying another unit's identifier (``tightening_other_unit``); a late
        one (made while the tool was disconnected) of another program or made before
        this step started (``tightening_stray``); one for a step whose fastenings are
        done or NOK (``torque_not_expected``). An unreadable result is refused with
        ``tool_result_unreadable`` (it was recorded by :meth:`tool_result_arrived`)."""
        if isinstance(result, UnreadableReading):
            raise refusal("tool_result_unreadable", device=result.device)
        reading = (
            result if isinstance(result, TorqueReading) else TorqueReading.from_mapping(result)
        )
        view = self._current(StepKind.TORQUE)
        unit = self._require_unit()
        step = view.step
        marked = (reading.identifier or "").strip()  # blank: the tool was given none
        if marked and not identifier_matches(marked, unit.serial):
            self._record_stray(reading, "other_unit")
            raise refusal("tightening_other_unit", identifier=marked, serial=unit.serial)
        if view.status in DONE or view.status == StepStatus.NOK:
            self._record_stray(reading, "step_closed")
            raise refusal("torque_not_expected")
        if reading.late:
            self._check_late(reading, step.spec.get("pset"))
        verdict = rules.evaluate_tightening(step, reading)
        tightenings: list[dict[str, Any]] = list(view.data.get("tightenings", []))
        count = int(step.spec.get("count", 1))
        fastening = _fastening_for(reading, tightenings, count)
        if fastening is None:
            self._record_stray(reading, "no_open_fastening")
            raise refusal("tightening_stray", spindle=reading.spindle, variant="no_fastening")
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
            # Which tool, which of its spindles, when it says it tightened, and whether
            # it was uploaded after a reconnect.
            "controller_id": reading.tool,
            "spindle": reading.spindle,
            "tool_time": reading.at,
            "late": reading.late,
        }
        tightenings.append(entry)
        recorded: dict[str, Any] = {
            "unit_id": unit.id,
            "serial": unit.serial,
            "step_id": step.id,
            **entry,
        }
        done = {t["fastening"] for t in tightenings if t["ok"]}
        if verdict.ok and all(f in done for f in range(1, count + 1)):
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

    def _check_late(self, reading: TorqueReading, pset: Any) -> None:
        """A result made while the tool was disconnected counts for this step only if it
        ran the step's program and was made after the step started (the tool's clock,
        to the second it prints); else it is kept as a stray result and refused."""
        if pset is not None and reading.pset != pset:
            self._record_stray(reading, "late_other_program", step_pset=pset)
            raise refusal("tightening_stray", used=reading.pset, pset=pset, variant="late_pset")
        made = reading.made_at()
        started = parse_rfc3339(self._started_at()).replace(microsecond=0)
        if made is None or made < started:
            self._record_stray(reading, "late_before_step", step_started_at=self._started_at())
            raise refusal("tightening_stray", variant="late_before")

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
