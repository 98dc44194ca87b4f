"""Property tests of the engine's invariants over random operator behaviour.

Whatever the sequence of taps, scans, device results, idle time and restarts:
- a unit never completes with a required step unfinished;
- the station's events are gap-free from 1;
- replaying the events over the same master data rebuilds exactly the same state.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.engine import StationEngine
from kiosk.errors import RuleViolation
from kiosk.store.events import load_events
from tests.helpers.replay import projection_dump, replayed
from tests.helpers.station import TIGHT_NOK, TIGHT_OK, Clock, make_station, reopen, seed

BADGES = ["B1001", "B1002", "B1003", "B2001", "B3001"]
SCANS = [
    "MOT-1-000001",
    "MOT-1-000002",
    "\x1d010401234500001610LOT7",
    "\x1d0104012345000016",
    "WO-1",
    "WO-2",
    "SN-1",
    "garbage",
    *BADGES,
]

work = st.tuples(st.just("work"), st.integers(0, 10**6))
burst = st.tuples(st.just("burst"), st.integers(1, 25), st.integers(0, 10**6))
action = st.one_of(
    work,
    burst,
    burst,
    st.tuples(st.just("login"), st.sampled_from(BADGES), st.booleans()),
    st.tuples(st.just("logout")),
    st.tuples(st.just("select"), st.sampled_from(["WO-1", "WO-2", "WO-9"]), st.booleans()),
    st.tuples(st.just("start"), st.sampled_from([None, "SN-1", "SN-2"]), st.booleans()),
    st.tuples(st.just("next"), st.booleans()),
    st.tuples(st.just("scan"), st.sampled_from(SCANS)),
    st.tuples(st.just("measure"), st.sampled_from(["0.10", "0.30", "x", "0.149"])),
    st.tuples(st.just("passfail"), st.booleans()),
    st.tuples(st.just("tighten"), st.booleans()),
    st.tuples(st.just("back")),
    st.tuples(st.just("redo")),
    st.tuples(st.just("rework")),
    st.tuples(st.just("override")),
    st.tuples(st.just("scrap")),
    st.tuples(st.just("andon")),
    st.tuples(st.just("downtime")),
    st.tuples(st.just("idle"), st.integers(0, 400)),
    st.tuples(st.just("restart")),
)


def apply(engine: StationEngine, clock: Clock, act: tuple[Any, ...]) -> StationEngine:
    name = act[0]
    lead = "B2001"
    if name == "work":
        do_the_step(engine, act[1])
    elif name == "burst":
        for i in range(act[1]):
            with contextlib.suppress(RuleViolation):
                do_the_step(engine, act[2] + i)
    elif name == "login":
        engine.login_badge(act[1], override_by=lead if act[2] else None)
    elif name == "logout":
        engine.logout()
    elif name == "select":
        engine.select_work_order(act[1], override_by=lead if act[2] else None)
    elif name == "start":
        engine.start_unit(act[1], override_by=lead if act[2] else None)
    elif name == "next":
        view = engine.step_view()
        checked = {i.id for i in view.step.checklist} if view and act[1] else set()
        engine.next(checked=checked)
    elif name == "scan":
        engine.handle_scan(act[1])
    elif name == "measure":
        engine.submit_measurement(act[1])
    elif name == "passfail":
        engine.submit_pass_fail(act[1])
    elif name == "tighten":
        engine.submit_tightening(TIGHT_OK if act[1] else TIGHT_NOK)
    elif name == "back":
        engine.back()
    elif name == "redo":
        engine.redo_step()
    elif name == "rework":
        engine.rework_step("reworked")
    elif name == "override":
        engine.override_nok(lead, "accepted")
    elif name == "scrap":
        engine.scrap_unit("damaged")
    elif name == "andon":
        andons = engine.active_andons()
        if andons:
            engine.clear_andon(andons[0].id)
        else:
            engine.raise_andon("help")
    elif name == "downtime":
        if engine.active_downtime():
            engine.end_downtime()
        else:
            engine.start_downtime("waiting for parts")
    elif name == "idle":
        clock.advance(act[1])
        engine.tick()
    elif name == "restart":
        return reopen(engine, clock)
    return engine


def do_the_step(engine: StationEngine, n: int) -> None:
    """What a good operator does on the current step (a fresh serial each time)."""
    if engine.locked:
        engine.login_badge("B1001")
        return
    if engine.work_order is None:
        engine.select_work_order("WO-1")
        return
    view = engine.step_view()
    if view is None:
        engine.start_unit(override_by="B2001")
        return
    kind = view.step.kind
    if view.status in ("ok", "skipped", "overridden") or kind in ("instruction", "checklist"):
        engine.next(checked={i.id for i in view.step.checklist})
    elif kind == "scan":
        part = view.step.spec["part"]
        engine.handle_scan(
            f"MOT-1-{n:06d}" if part == "MOT-1" else f"\x1d0104012345000016 10L{n}".replace(" ", "")
        )
    elif kind == "measure":
        engine.submit_measurement("0.10")
    elif kind == "pass_fail":
        engine.submit_pass_fail(True)
    elif kind == "torque":
        engine.submit_tightening(TIGHT_OK)
    elif kind == "signoff":
        engine.handle_scan("B3001")


COMPLETED: list[int] = []


# A prefix that reaches the interesting states quickly, then anything.
PREFIX = [("login", "B1001", False), ("select", "WO-1", False), ("start", None, False)]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(st.lists(action, min_size=20, max_size=60))
def test_engine_invariants_hold_for_any_operator_behaviour(actions: list[tuple[Any, ...]]) -> None:
    root = Path(tempfile.mkdtemp(prefix="kiosk-prop-"))
    try:
        engine, clock = make_station(root)
        for act in [*PREFIX, *actions]:
            with contextlib.suppress(RuleViolation):  # refused: nothing recorded (see replay)
                engine = apply(engine, clock, act)
            clock.advance(3)
        rev = engine.revision_for_key("T-100-OP10@2")
        required = {s.id for s in rev.steps if s.required}
        with engine.store.read() as conn:
            evs = load_events(conn)
        assert [e.seq for e in evs] == list(range(1, len(evs) + 1))
        latest: dict[tuple[str, str], str] = {}
        for e in evs:
            p = e.payload
            if e.type == "step.completed":
                latest[(p["unit_id"], p["step_id"])] = p["status"]
            elif e.type == "step.reopened":
                latest.pop((p["unit_id"], p["step_id"]), None)
            elif e.type == "unit.completed":
                for step_id in required:
                    assert latest.get((p["unit_id"], step_id)) in {"ok", "skipped", "overridden"}
        COMPLETED.append(sum(1 for e in evs if e.type == "unit.completed"))
        assert replayed(engine.store, root, seed) == projection_dump(engine.store)
        engine.store.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_the_property_run_reaches_completed_units() -> None:
    """Guards the test above against going vacuous (it must complete units to check them)."""
    if not COMPLETED:
        test_engine_invariants_hold_for_any_operator_behaviour()
    assert sum(COMPLETED) > 0, COMPLETED
