"""Headless burn-in: run units through the engine as an operator would, with simulated
scanner and torque tool inputs — some NOK, some scrapped — and summarise.

Used by ``kiosk autopilot``, the memory and throughput benchmarks, and the UI's visual
autopilot (which drives the same :class:`Operator` one action at a time).
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import rstr
from sqlalchemy import func, select

from kiosk.domain import BomItem, NokAction, Role, StepKind, Tracking
from kiosk.engine import StationEngine, StepView, UnitSummary
from kiosk.errors import RuleViolation
from kiosk.store import masterdata as md
from kiosk.store.schema import events

GS = "\x1d"


@dataclass
class Tally:
    units: int = 0
    completed: int = 0
    scrapped: int = 0
    nok_results: int = 0
    overrides: int = 0
    reworks: int = 0
    refused_scans: int = 0
    steps: Counter[str] = field(default_factory=Counter)


class SimulatedInputs:
    """What the virtual scanner and torque tool produce, from a seeded random source."""

    def __init__(self, rng: random.Random, nok_rate: float = 0.08) -> None:
        self.rng = rng
        self.nok_rate = nok_rate
        self._n = 0

    def barcode(self, item: BomItem) -> str:
        self._n += 1
        if item.gtin:
            code = f"{GS}01{item.gtin}"
            if item.tracking == Tracking.LOT:
                code += f"10L{self.rng.randrange(10_000, 99_999)}{GS}"
            if item.tracking == Tracking.SERIAL:
                code += f"21S{self._n:07d}{self.rng.randrange(1000, 9999)}"
            return code.rstrip(GS)
        if item.scan_pattern:
            return str(rstr.xeger(item.scan_pattern))
        return item.part

    def measurement(self, spec: dict[str, Any]) -> str:
        lower, upper = spec.get("lower"), spec.get("upper")
        nominal = spec.get("nominal")
        decimals = int(spec.get("decimals", 2))
        if lower is None or upper is None:
            return f"{(nominal or 1.0):.{decimals}f}"
        centre = nominal if nominal is not None else (lower + upper) / 2
        if self.rng.random() < self.nok_rate:
            value = upper + (upper - lower) * self.rng.uniform(0.05, 0.3)
        else:
            value = self.rng.gauss(centre, (upper - lower) / 10)
            value = min(max(value, lower), upper)
        return f"{value:.{decimals}f}"

    def passed(self) -> bool:
        return self.rng.random() >= self.nok_rate

    def tightening(self, spec: dict[str, Any]) -> dict[str, Any]:
        tmin, tmax = float(spec.get("torque_min", 10)), float(spec.get("torque_max", 12))
        amin, amax = spec.get("angle_min"), spec.get("angle_max")
        ok = self.rng.random() >= self.nok_rate
        torque = self.rng.uniform(tmin, tmax) if ok else tmin * self.rng.uniform(0.6, 0.95)
        angle = None
        if amin is not None and amax is not None:
            angle = self.rng.uniform(float(amin), float(amax)) if ok else float(amin) * 0.5
        self._n += 1
        return {
            "ok": ok,
            "torque": round(torque, 2),
            "angle": round(angle, 1) if angle is not None else None,
            "pset": spec.get("pset"),
            "tightening_id": str(self._n),
        }


class Operator:
    """Plays the operator: one small action per :meth:`actions` item, so a UI can show
    each one; :meth:`run_unit` does a whole unit at once."""

    def __init__(
        self,
        engine: StationEngine,
        inputs: SimulatedInputs,
        *,
        operator_badge: str,
        lead_badge: str,
        signer_badges: dict[Role, str],
        scan: Callable[[str], Any] | None = None,
        tighten: Callable[[dict[str, Any]], Any] | None = None,
    ) -> None:
        self.engine = engine
        self.inputs = inputs
        self.operator_badge = operator_badge
        self.lead_badge = lead_badge
        self.signer_badges = signer_badges
        # Where scans and tightenings go: straight to the engine, or through virtual
        # devices (the demo) that end up calling the engine.
        self.scan: Callable[[str], Any] = scan or engine.handle_scan
        self.tighten: Callable[[dict[str, Any]], Any] = tighten or engine.submit_tightening
        self.tally = Tally()

    def _do_step(self, view: StepView) -> Iterator[str]:
        e, step, spec = self.engine, view.step, view.step.spec
        rev = e.revision
        assert rev is not None
        if view.status == "nok":
            self.tally.nok_results += 1
            if NokAction.RETRY in view.nok_actions:
                yield "retry"  # the retry is simply doing the step again, below
            elif NokAction.REWORK in view.nok_actions and self.inputs.rng.random() < 0.5:
                e.rework_step("autopilot: part reworked")
                self.tally.reworks += 1
                yield "rework"
                return
            elif NokAction.OVERRIDE in view.nok_actions and self.inputs.rng.random() < 0.5:
                e.override_nok(self.lead_badge, "autopilot: accepted by line lead")
                self.tally.overrides += 1
                yield "override"
                return
            else:
                e.scrap_unit("autopilot: failed " + step.id)
                self.tally.scrapped += 1
                yield "scrap"
                return
        if step.kind == StepKind.SCAN:
            item = rev.component(spec.get("part", "")) if spec.get("part") else None
            for _ in range(5):
                out = self.scan(self.inputs.barcode(item) if item else spec.get("pattern", ""))
                yield "scan"
                if getattr(out, "ok", True) or (e.step_view() or view).status == "ok":
                    break
                self.tally.refused_scans += 1
        elif step.kind == StepKind.MEASURE:
            e.submit_measurement(self.inputs.measurement(spec))
            yield "measure"
        elif step.kind == StepKind.PASS_FAIL:
            e.submit_pass_fail(self.inputs.passed())
            yield "pass_fail"
        elif step.kind == StepKind.TORQUE:
            while (
                (v := e.step_view()) and v.step.id == step.id and v.status in ("pending", "partial")
            ):
                self.tighten(self.inputs.tightening(spec))
                yield "tighten"
        elif step.kind == StepKind.SIGNOFF:
            role = Role(spec.get("role", "quality"))
            self.scan(self.signer_badges[role])
            yield "signoff"

    def actions(self) -> Iterator[str]:
        """Run one unit, yielding after each action (for a visual autopilot)."""
        e = self.engine
        if e.locked:
            e.login_badge(self.operator_badge, override_by=self.lead_badge)
            yield "login"
        if e.work_order is None:
            queue = e.work_queue()
            if not queue:
                raise RuleViolation("no_work", "No open work orders for the autopilot.")
            e.select_work_order(queue[0].number, override_by=self.lead_badge)
            yield "work_order"
        if e.unit is None:
            try:
                e.start_unit()
            except RuleViolation as err:
                if err.override != "overproduction":
                    raise
                e.start_unit(override_by=self.lead_badge)
            self.tally.units += 1
            yield "start"
        while e.unit is not None:
            view = e.step_view()
            assert view is not None
            self.tally.steps[view.step.kind.value] += 1
            yield from self._do_step(view)
            if e.unit is None:
                break
            view = e.step_view()
            assert view is not None
            if not view.can_next:
                continue  # NOK, reworked or refused: do the step (again)
            checked = {i.id for i in view.step.checklist}
            result = e.next(checked=checked)
            yield "next"
            if isinstance(result, UnitSummary):
                self.tally.completed += 1

    def run_unit(self) -> None:
        for _ in self.actions():
            pass


def default_operator(
    engine: StationEngine,
    inputs: SimulatedInputs,
    *,
    scan: Callable[[str], Any] | None = None,
    tighten: Callable[[dict[str, Any]], Any] | None = None,
) -> Operator:
    """Pick badges from the station's master data: an operator, a line lead, signers.
    ``scan``/``tighten``: where the operator's scans and tightenings go (default: straight
    into the engine; ``kiosk autopilot --devices simulated``: through device drivers)."""
    with engine.store.read() as conn:
        people = [o for o in md.all_operators(conn) if o.active]
    if not people:
        raise RuleViolation("no_operators", "The station has no operators to run the autopilot.")
    lead = next((o for o in people if o.has_role(Role.LINE_LEAD)), None)
    if lead is None:
        raise RuleViolation("no_line_lead", "The autopilot needs a line lead in the master data.")
    operations = engine.station.operations
    today = engine.clock().date()  # an expired certification does not count
    worker = next(
        (
            o
            for o in people
            if Role.OPERATOR in o.roles
            and all(
                (c := o.certification_for(op)) is not None and c.valid_on(today)
                for op in operations
            )
        ),
        lead,
    )
    signers = {
        role: next((o.badge for o in people if o.has_role(role) and o.id != worker.id), lead.badge)
        for role in Role
    }
    return Operator(
        engine,
        inputs,
        operator_badge=worker.badge,
        lead_badge=lead.badge,
        signer_badges=signers,
        scan=scan,
        tighten=tighten,
    )


def run(
    engine: StationEngine,
    units: int,
    seed: int = 1,
    nok_rate: float = 0.08,
    *,
    scan: Callable[[str], Any] | None = None,
    tighten: Callable[[dict[str, Any]], Any] | None = None,
) -> dict[str, Any]:
    """Run ``units`` units and return the JSON summary printed by ``kiosk autopilot``;
    ``scan``/``tighten`` as for :func:`default_operator`."""
    pilot = default_operator(
        engine, SimulatedInputs(random.Random(seed), nok_rate), scan=scan, tighten=tighten
    )
    started = time.perf_counter()
    for _ in range(units):
        pilot.run_unit()
    elapsed = time.perf_counter() - started
    t = pilot.tally
    with engine.store.read() as conn:
        total_events = conn.execute(select(func.count()).select_from(events)).scalar_one()
    return {
        "units": t.units,
        "completed": t.completed,
        "scrapped": t.scrapped,
        "nok_results": t.nok_results,
        "overrides": t.overrides,
        "reworks": t.reworks,
        "refused_scans": t.refused_scans,
        "steps": dict(t.steps),
        "events": total_events,
        "seconds": round(elapsed, 3),
        "units_per_second": round(t.units / elapsed, 2) if elapsed else None,
        "seed": seed,
        "database": str(engine.store.path),
    }
