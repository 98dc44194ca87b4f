"""Engine rules owned by the core: retry state on the step view, StepStatus, reason codes
as master data, durations on a monotonic clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.domain import NokAction, StepStatus
from kiosk.engine import StationEngine
from kiosk.errors import RuleViolation
from kiosk.store.events import load_events
from kiosk.store.masterdata import apply_change
from tests.helpers.station import Clock, make_station, reopen, run_unit
from tests.kiosk.test_engine import to_step


def _started(tmp_path: Path) -> tuple[StationEngine, Clock]:
    engine, clock = make_station(tmp_path)
    engine.login_badge("B1001")
    engine.select_work_order("WO-1")
    engine.start_unit()
    return engine, clock


def test_retry_is_engine_state_shown_on_the_step_view(tmp_path: Path) -> None:
    engine, _ = _started(tmp_path)
    to_step(engine, "leak")  # pass/fail, on_nok retry+scrap, max_retries 1
    engine.submit_pass_fail(False)
    view = engine.step_view()
    assert view and view.status is StepStatus.NOK and view.status == "nok"
    assert NokAction.RETRY in view.nok_actions and not view.retrying
    view = engine.retry_step()
    assert view.retrying and view.nok_actions == () and view.status == StepStatus.NOK
    assert engine.step_view().retrying  # type: ignore[union-attr]
    engine.submit_pass_fail(True)  # the retry's attempt
    view = engine.step_view()
    assert view and view.status == StepStatus.OK and not view.retrying and view.attempt == 2


def test_a_retry_is_refused_when_none_are_left(tmp_path: Path) -> None:
    engine, _ = _started(tmp_path)
    to_step(engine, "leak")
    engine.submit_pass_fail(False)
    engine.retry_step()
    engine.submit_pass_fail(False)
    view = engine.step_view()
    assert view and view.retries_left == 0 and not view.retrying
    with pytest.raises(RuleViolation) as err:
        engine.retry_step()
    assert err.value.code == "retry_not_allowed" and "step 6" in str(err.value)


def test_reason_codes_are_master_data_with_the_demo_set_as_default(tmp_path: Path) -> None:
    engine, _ = make_station(tmp_path)
    assert [r.code for r in engine.reason_codes("scrap")] == [
        "damaged",
        "assembly_error",
        "failed_test",
        "other",
    ]
    assert engine.reason_codes("andon")[0].text("de") == "Material"
    with engine.store.write() as conn:
        apply_change(
            conn,
            "reason_code",
            "upsert",
            "scrap:porosity",
            {
                "kind": "scrap",
                "code": "porosity",
                "label": {"en": "Porous casting", "de": "Poröser Guss", "es": "Fundición porosa"},
            },
        )
    scrap = engine.reason_codes("scrap")
    assert [r.code for r in scrap] == ["porosity"] and scrap[0].text("es") == "Fundición porosa"
    assert engine.reason_codes("downtime")[0].code == "no_material"  # the default is kept
    with engine.store.write() as conn:
        apply_change(conn, "reason_code", "delete", "scrap:porosity", None)
    assert engine.reason_codes("scrap")[0].code == "damaged"


def test_a_clock_set_back_mid_unit_gives_no_finish_before_start(tmp_path: Path) -> None:
    clock = Clock()
    ticks = [1000.0]
    engine, _ = make_station(tmp_path, clock)
    engine.monotonic = lambda: ticks[0]
    engine.login_badge("B1001")
    engine.select_work_order("WO-1")
    ticks[0] += 5
    clock.advance(5)

    original_start = engine.start_unit

    def start_then_set_back() -> object:
        unit = original_start()
        ticks[0] += 42  # 42 s of real work…
        clock.now -= timedelta(hours=1)  # …while the wall clock is set back an hour
        return unit

    engine.start_unit = start_then_set_back  # type: ignore[method-assign]
    summary = run_unit(engine)
    assert summary.cycle_time_s == 42.0
    with engine.store.read() as conn:
        evs = load_events(conn)
    started = next(e for e in evs if e.type == "unit.started")
    done = next(e for e in evs if e.type == "unit.completed")
    assert done.payload["cycle_time_s"] == 42.0
    assert done.occurred_at > started.occurred_at


def test_downtime_minutes_survive_a_wall_clock_jump_and_a_restart(tmp_path: Path) -> None:
    engine, clock = make_station(tmp_path)
    ticks = [0.0]
    engine.monotonic = lambda: ticks[0]
    engine.login_badge("B1001")
    engine.start_downtime("no_material")
    ticks[0] += 120
    clock.now -= timedelta(minutes=30)  # set back
    assert engine.end_downtime() == 2.0
    # A restart cannot know the monotonic start: the wall clock anchors it, never negative.
    engine.start_downtime("break")
    engine = reopen(engine, clock)
    clock.now -= timedelta(minutes=5)
    assert engine.end_downtime() == 0.0
