"""The execution engine's rules, on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.domain import NokAction, UnitState
from kiosk.engine import Change, StationEngine, UnitSummary
from kiosk.errors import RuleViolation
from kiosk.store.events import load_events
from kiosk.store.schema import consumptions, events
from tests.helpers.station import TIGHT_NOK, TIGHT_OK, Clock, make_station, reopen, run_unit


@pytest.fixture
def station(tmp_path: Path) -> tuple[StationEngine, Clock]:
    return make_station(tmp_path)


@pytest.fixture
def engine(station: tuple[StationEngine, Clock]) -> StationEngine:
    return station[0]


def logged_in(engine: StationEngine, wo: str = "WO-1") -> StationEngine:
    engine.login_badge("B1001")
    engine.select_work_order(wo)
    return engine


def kinds(engine: StationEngine) -> list[str]:
    with engine.store.read() as conn:
        return [e.type for e in load_events(conn)]


# --- log in ------------------------------------------------------------------------------


def test_badge_login_records_the_operator(engine: StationEngine) -> None:
    seen: list[frozenset[Change]] = []
    engine.subscribe(seen.append)
    op = engine.login_badge("B1001")
    assert op.name == "Maria Garcia" and not engine.locked
    assert Change.SESSION in seen[-1]
    assert kinds(engine) == ["operator.logged_in"]


def test_unknown_badge_is_refused_with_a_next_action(engine: StationEngine) -> None:
    with pytest.raises(RuleViolation) as err:
        engine.login_badge("B9999")
    assert err.value.code == "unknown_badge" and "B9999" in str(err.value)
    assert engine.locked and kinds(engine) == []


def test_uncertified_operator_is_refused_and_a_line_lead_may_override(
    engine: StationEngine,
) -> None:
    with pytest.raises(RuleViolation) as err:
        engine.login_badge("B1003")
    assert err.value.code == "not_certified" and err.value.override == "certification"
    assert "Priya Nair" in err.value.message and "OP10" in err.value.message
    with pytest.raises(RuleViolation) as refused:
        engine.login_badge("B1003", override_by="B1001")  # not a line lead
    assert refused.value.code == "override_refused"
    engine.login_badge("B1003", override_by="B2001")
    assert engine.operator and engine.operator.id == "op-priya"
    assert kinds(engine) == ["override.applied", "operator.logged_in"]


def test_expired_certification_names_the_date(engine: StationEngine) -> None:
    with pytest.raises(RuleViolation) as err:
        engine.login_badge("B1002")
    assert err.value.code == "certification_expired" and "2020-06-30" in err.value.message


def test_pin_login(engine: StationEngine) -> None:
    with pytest.raises(RuleViolation):
        engine.login_pin("999999")
    assert engine.login_pin("123456").id == "op-maria"


def test_idle_lock_keeps_the_unit_for_the_next_login(station: tuple[StationEngine, Clock]) -> None:
    engine, clock = station
    logged_in(engine).start_unit()
    engine.next()
    clock.advance(299)
    assert not engine.tick()
    clock.advance(2)
    assert engine.tick() and engine.locked
    engine.login_badge("B1001")
    assert engine.unit is not None and engine.position == 1


# --- work orders and units ---------------------------------------------------------------


def test_work_queue_is_ordered_by_priority(engine: StationEngine) -> None:
    assert [w.number for w in engine.work_queue()] == ["WO-2", "WO-1"]


def test_generated_serials_are_unique_and_pin_the_revision(engine: StationEngine) -> None:
    logged_in(engine)
    unit = engine.start_unit()
    assert unit.serial == "T100-1-STT-0001" and unit.revision == "T-100-OP10@2"
    assert engine.next_serial() == "T100-1-STT-0002"


def test_full_unit_through_every_step_kind(engine: StationEngine) -> None:
    logged_in(engine)
    summary = run_unit(engine)
    assert isinstance(summary, UnitSummary) and summary.state == UnitState.COMPLETED
    assert summary.done == 1 and summary.quantity == 3
    assert engine.unit is None
    types = kinds(engine)
    for t in (
        "unit.started",
        "component.consumed",
        "measurement.recorded",
        "torque.recorded",
        "signature.applied",
        "unit.completed",
    ):
        assert t in types
    with engine.store.read() as conn:
        parts = conn.execute(select(consumptions.c.part, consumptions.c.serial, consumptions.c.lot))
        assert sorted(map(tuple, parts)) == [("MOT-1", "000001", None), ("SEAL-7", None, "LOT1")]


def test_next_is_refused_while_a_required_step_is_open(engine: StationEngine) -> None:
    logged_in(engine).start_unit()
    engine.next()
    with pytest.raises(RuleViolation) as err:
        engine.next(checked={"a"})
    assert err.value.code == "checklist_incomplete"
    engine.next(checked={"a", "b"})
    with pytest.raises(RuleViolation) as err:
        engine.next()
    assert err.value.code == "step_incomplete" and "Scan" in err.value.next_action


def test_work_order_complete_needs_an_override(engine: StationEngine) -> None:
    logged_in(engine, "WO-2")
    run_unit(engine, 1)
    with pytest.raises(RuleViolation) as err:
        engine.start_unit()
    assert err.value.code == "work_order_complete" and err.value.override == "overproduction"
    engine.start_unit(override_by="B2001")
    assert engine.unit is not None


def test_scanning_a_used_unit_serial_is_refused(engine: StationEngine) -> None:
    logged_in(engine)
    engine.start_unit("SN-1")
    engine.scrap_unit("dropped")
    with pytest.raises(RuleViolation) as err:
        engine.start_unit("SN-1")
    assert err.value.code == "serial_used"


# --- scans ---------------------------------------------------------------------------------


def to_step(engine: StationEngine, step_id: str) -> None:
    while (v := engine.step_view()) and v.step.id != step_id:
        if v.step.kind == "checklist":
            engine.next(checked={"a", "b"})
        elif v.step.id == "motor":
            engine.handle_scan("MOT-1-000777")
            engine.next()
        elif v.step.id == "seal":
            engine.handle_scan("\x1d010401234500001610L9")
            engine.next()
        elif v.step.kind == "measure":
            engine.submit_measurement("0.1")
            engine.next()
        elif v.step.kind == "pass_fail":
            engine.submit_pass_fail(True)
            engine.next()
        elif v.step.kind == "torque":
            for _ in range(4):
                engine.submit_tightening(TIGHT_OK)
            engine.next()
        else:
            engine.next()


def test_wrong_part_names_both_parts_and_the_bin(engine: StationEngine) -> None:
    logged_in(engine).start_unit()
    to_step(engine, "motor")
    out = engine.handle_scan("\x1d010401234500001610L9")
    assert not out.ok and out.code == "wrong_part"
    assert "SEAL-7" in out.message and "MOT-1" in out.message and "bin A1" in out.next_action
    out = engine.handle_scan("GARBAGE")
    assert not out.ok and out.code == "no_match"
    assert engine.step_view().status == "pending"  # type: ignore[union-attr]


def test_a_serial_already_built_in_is_refused(engine: StationEngine) -> None:
    logged_in(engine)
    run_unit(engine, 5)
    engine.start_unit()
    to_step(engine, "motor")
    out = engine.handle_scan("MOT-1-000005")
    assert not out.ok and out.code == "component_used" and "T100-1-STT-0001" in out.message
    assert "already fitted to unit T100-1-STT-0001" in out.message  # not "a new unit"
    with engine.store.read() as conn:
        assert len(conn.execute(select(consumptions)).all()) == 2


def test_lot_tracked_part_without_a_lot_is_refused(engine: StationEngine) -> None:
    logged_in(engine).start_unit()
    to_step(engine, "seal")
    out = engine.handle_scan("\x1d0104012345000016")
    assert not out.ok and out.code == "missing_lot"


def test_scan_routing_from_anywhere(engine: StationEngine) -> None:
    assert engine.handle_scan("WO-1").code == "locked"
    assert engine.handle_scan("B1001").route == "login"
    assert engine.handle_scan("WO-1").route == "work_order"
    out = engine.handle_scan("SN-77")
    assert out.route == "unit" and engine.unit and engine.unit.serial == "SN-77"
    assert engine.handle_scan("B2001").route == "operator_switch"
    assert engine.operator and engine.operator.id == "lead-tom"


# --- NOK handling --------------------------------------------------------------------------


def test_measurement_out_of_limits_retry_then_override(engine: StationEngine) -> None:
    logged_in(engine).start_unit()
    to_step(engine, "play")
    bad = engine.submit_measurement("abc")
    assert bad.outcome == "invalid" and "not a number" in bad.message
    assert engine.step_view().status == "pending"  # type: ignore[union-attr]
    v = engine.submit_measurement("0.20")
    assert not v.ok and "above" in v.message
    view = engine.step_view()
    assert view and view.status == "nok" and NokAction.RETRY in view.nok_actions
    assert not view.can_next
    engine.submit_measurement("0.21")
    engine.submit_measurement("0.22")
    view = engine.step_view()
    assert view and view.retries_left == 0 and NokAction.RETRY not in view.nok_actions
    with pytest.raises(RuleViolation):
        engine.submit_measurement("0.10")
    engine.override_nok("B2001", "within drawing tolerance per ECN-12")
    view = engine.step_view()
    assert view and view.status == "overridden" and view.can_next
    assert engine.submit_measurement  # the record keeps every attempt:
    with engine.store.read() as conn:
        values = [e.payload["value"] for e in load_events(conn) if e.type == "measurement.recorded"]
    assert values == [0.2, 0.21, 0.22]


def test_marginal_measurement_passes_flagged(engine: StationEngine) -> None:
    logged_in(engine).start_unit()
    to_step(engine, "play")
    v = engine.submit_measurement("0.146")  # too many decimals
    assert v.outcome == "invalid"
    v = engine.submit_measurement("0.14")
    assert v.ok and v.marginal


def test_leak_test_fail_then_scrap(engine: StationEngine) -> None:
    logged_in(engine).start_unit()
    to_step(engine, "leak")
    engine.submit_pass_fail(False)
    engine.submit_pass_fail(False)
    view = engine.step_view()
    assert view and view.nok_actions == (NokAction.SCRAP,)
    with pytest.raises(RuleViolation):
        engine.scrap_unit("  ")
    summary = engine.scrap_unit("porous casting")
    assert summary.state == UnitState.SCRAPPED and engine.unit is None
    assert engine.work_order and engine.work_order.scrapped == 1


def test_torque_nok_retries_then_escalates_and_rework_reopens(engine: StationEngine) -> None:
    logged_in(engine).start_unit()
    to_step(engine, "bolts")
    assert engine.torque_request.enabled and engine.torque_request.pset == 3
    engine.submit_tightening(TIGHT_OK)
    assert not engine.submit_tightening(TIGHT_NOK).ok
    view = engine.step_view()
    assert view and view.status == "partial"
    engine.submit_tightening(TIGHT_NOK)
    engine.submit_tightening(TIGHT_NOK)  # third NOK on fastening 2: past max_retries (2)
    view = engine.step_view()
    assert view and view.status == "nok" and not engine.torque_request.enabled
    oks = [t for t in view.data["tightenings"] if t["ok"]]
    assert len(oks) == 1 and len(view.data["tightenings"]) == 4
    engine.rework_step("bolt thread damaged, helicoil fitted")
    assert engine.step_view().status == "pending"  # type: ignore[union-attr]
    assert "nonconformance.raised" in kinds(engine)


def test_tightening_outside_the_step_window_is_nok_even_if_the_tool_says_ok(
    engine: StationEngine,
) -> None:
    logged_in(engine).start_unit()
    to_step(engine, "bolts")
    v = engine.submit_tightening({**TIGHT_OK, "torque": 27.5})
    assert not v.ok and "above 26" in v.message


def test_signoff_needs_the_role_and_another_person(engine: StationEngine) -> None:
    engine.login_badge("B3001")  # quality builds the unit herself
    engine.select_work_order("WO-1")
    engine.start_unit()
    to_step(engine, "release")
    with pytest.raises(RuleViolation) as err:
        engine.submit_signoff("B3001")
    assert err.value.code == "signoff_independent"
    with pytest.raises(RuleViolation) as err:
        engine.submit_signoff("B1001")
    assert err.value.code == "signoff_role"
    # On a sign-off step any badge is taken as a signature: a line lead is not quality.
    out = engine.handle_scan("B2001")
    assert not out.ok and out.code == "signoff_role" and out.params["role"] == "quality"


# --- review, undo, restart -------------------------------------------------------------------


def test_back_keeps_results_and_redo_reopens_a_step(engine: StationEngine) -> None:
    logged_in(engine).start_unit()
    to_step(engine, "play")
    engine.back()
    engine.back()
    view = engine.step_view()
    assert view and view.step.id == "motor" and view.status == "ok"
    assert view.data["serial"] == "000777"
    engine.redo_step()
    assert engine.handle_scan("MOT-1-000778").ok
    engine.next()
    assert engine.step_view().step.id == "play"  # type: ignore[union-attr]
    with engine.store.read() as conn:
        assert (
            conn.execute(
                select(consumptions.c.serial).where(consumptions.c.part == "MOT-1")
            ).scalar()
            == "000778"
        )


def test_restart_resumes_on_the_same_step_with_results(
    station: tuple[StationEngine, Clock],
) -> None:
    engine, clock = station
    logged_in(engine).start_unit()
    to_step(engine, "bolts")
    engine.submit_tightening(TIGHT_OK)
    engine.submit_tightening(TIGHT_OK)
    again = reopen(engine, clock)
    assert again.operator and again.operator.id == "op-maria"
    view = again.step_view()
    assert view and view.step.id == "bolts" and view.status == "partial"
    assert len(view.data["tightenings"]) == 2
    again.submit_tightening(TIGHT_OK)
    again.submit_tightening(TIGHT_OK)
    assert again.step_view().status == "ok"  # type: ignore[union-attr]


def test_pinned_revision_survives_a_new_revision(
    station: tuple[StationEngine, Clock], tmp_path: Path
) -> None:
    from kiosk.package import load_package, write_package
    from kiosk.store.masterdata import import_package
    from tests.kiosk.test_package import small_document

    engine, _ = station
    logged_in(engine).start_unit()
    doc, media = small_document()
    doc["revision"] = 3
    doc["steps"] = doc["steps"][:1]
    import_package(
        engine.store, load_package(write_package(tmp_path / "r3", doc, media)), tmp_path / "m"
    )
    assert engine.unit and engine.unit.revision.endswith("@2")
    assert engine.step_view().count == 8  # type: ignore[union-attr]
    run_unit_rest = engine.revision
    assert run_unit_rest and run_unit_rest.revision == 2


# --- andon, downtime, feedback ------------------------------------------------------------


def test_andon_and_downtime(station: tuple[StationEngine, Clock]) -> None:
    engine, clock = station
    logged_in(engine)
    aid = engine.raise_andon("material", "bolts M8 empty")
    assert [a.category for a in engine.active_andons()] == ["material"]
    clock.advance(90)
    engine.clear_andon(aid, by_badge="B2001")
    assert engine.active_andons() == []
    engine.start_downtime("tool changeover")
    with pytest.raises(RuleViolation):
        engine.start_downtime("again")
    clock.advance(600)
    assert engine.end_downtime() == 10.0
    engine.report_problem("picture", "wrong bolt shown")
    with engine.store.read() as conn:
        cleared = next(e for e in load_events(conn) if e.type == "andon.cleared")
    assert cleared.payload["minutes"] == 1.5 and cleared.payload["cleared_by"] == "lead-tom"


def test_events_are_gap_free(engine: StationEngine) -> None:
    logged_in(engine)
    run_unit(engine)
    with engine.store.read() as conn:
        seqs = [r[0] for r in conn.execute(select(events.c.seq).order_by(events.c.seq))]
    assert seqs == list(range(1, len(seqs) + 1))


def test_an_optional_step_can_be_skipped_and_is_recorded_as_skipped(tmp_path: Path) -> None:
    from kiosk.package import load_package, write_package
    from kiosk.store.masterdata import import_package
    from tests.kiosk.test_package import small_document

    engine, _ = make_station(tmp_path)
    doc, media = small_document()
    doc["revision"] = 3
    doc["steps"][5]["required"] = False  # the leak test
    pkg = write_package(tmp_path / "r3", doc, media)
    import_package(engine.store, load_package(pkg), tmp_path / "m")
    logged_in(engine).start_unit()
    to_step(engine, "leak")
    view = engine.step_view()
    assert view and view.can_next and not view.step.required
    engine.next()
    assert engine.step_statuses()[5] == "skipped"
    assert engine.step_view().step.id == "bolts"  # type: ignore[union-attr]


def test_master_data_from_a_sync_pull_reaches_the_screens(engine: StationEngine) -> None:
    from kiosk.store.masterdata import apply_change

    logged_in(engine)
    seen: list[frozenset[Change]] = []
    engine.subscribe(seen.append)
    with engine.store.write() as conn:
        apply_change(
            conn,
            "work_order",
            "upsert",
            "WO-3",
            {
                "number": "WO-3",
                "product": "T-100",
                "operation": "OP10",
                "quantity": 9,
                "priority": 1,
            },
        )
    engine.master_data_changed()
    assert Change.WORK_QUEUE in seen[-1]
    assert "WO-3" in [w.number for w in engine.work_queue()]
    assert engine.operator and engine.work_order and engine.work_order.number == "WO-1"


def test_a_refused_scan_says_which_override_would_allow_it(engine: StationEngine) -> None:
    out = engine.handle_scan("B1003")
    assert not out.ok and out.override == "certification"
    again = engine.handle_scan("B1003", override_by="B2001")
    assert again.ok and engine.operator and engine.operator.id == "op-priya"
    assert "override.applied" in kinds(engine)
