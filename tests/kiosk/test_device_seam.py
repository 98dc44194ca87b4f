"""The typed device seam, end to end: a driver's result object → the composition root's
conversion (ui/devices.py) → the engine → the stored event payload.

The step under test is the test station's "bolts" step: pset 3, four fastenings,
22–26 N·m, 30–90°.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hardware.ascii_torque import MARK10_TT, parse_reading
from hardware.model import ScanFrame, TighteningResult
from kiosk.engine import StationEngine
from kiosk.errors import RuleViolation
from kiosk.readings import TORQUE_UNITS, TorqueReading, Verdict, convert_torque
from kiosk.store.events import load_events
from tests.helpers.station import make_station
from tests.kiosk.test_engine import to_step
from ui.devices import scan_read, torque_reading


@pytest.fixture
def engine(tmp_path: Path) -> StationEngine:
    engine, _ = make_station(tmp_path)
    engine.login_badge("B1001")
    engine.select_work_order("WO-1")
    engine.start_unit()
    to_step(engine, "bolts")
    return engine


def recorded(engine: StationEngine) -> list[dict[str, Any]]:
    with engine.store.read() as conn:
        return [e.payload for e in load_events(conn) if e.type == "torque.recorded"]


def test_a_mark10_reading_without_a_verdict_is_judged_by_the_step_and_kept_whole(
    engine: StationEngine,
) -> None:
    # What the Mark-10 driver makes of "24.0 Nm": no verdict (no limits were configured).
    result = parse_reading(MARK10_TT, "24.0 Nm\r\n", pset=3)
    assert result is not None and result.ok is None
    reading = torque_reading(result)
    assert reading.verdict == Verdict.NONE and reading.value == 24.0 and reading.unit == "Nm"
    verdict = engine.submit_tightening(reading)
    assert verdict.ok, verdict.message
    view = engine.step_view()
    assert view is not None and view.status == "partial"
    (stored,) = recorded(engine)
    assert stored["ok"] is True and stored["torque"] == 24.0 and stored["unit"] == "Nm"
    assert stored["tool_verdict"] == "none" and stored["tool_unit"] == "Nm"


def test_a_reading_without_a_verdict_outside_the_window_is_nok(engine: StationEngine) -> None:
    reading = torque_reading(TighteningResult(ok=None, torque=27.5, pset=3, unit="Nm"))
    verdict = engine.submit_tightening(reading)
    assert not verdict.ok and "above 26" in verdict.message
    assert "tool reported NOK" not in verdict.message


def test_a_torq_tronics_reading_in_ozf_in_is_converted_and_judged(engine: StationEngine) -> None:
    # 24 N·m is 3398.67 ozf·in; 3540 ozf·in is 25.0 N·m (in), 3700 is 26.13 N·m (out).
    inside = TighteningResult(
        ok=None, torque=3540.0, unit="ozf.in", tightening_id="00001234", tool_serial="TT2-77"
    )
    verdict = engine.submit_tightening(torque_reading(inside))
    assert verdict.ok and verdict.unit == "Nm" and verdict.torque == pytest.approx(24.998, abs=1e-3)
    outside = TighteningResult(ok=None, torque=3700.0, unit="ozf.in")
    verdict = engine.submit_tightening(torque_reading(outside))
    assert not verdict.ok and "26.13 N·m above 26" in verdict.message
    first, second = recorded(engine)
    assert first["tool_torque"] == 3540.0 and first["tool_unit"] == "ozf.in"
    assert first["torque"] == pytest.approx(24.998, abs=1e-3) and first["unit"] == "Nm"
    assert second["ok"] is False


def test_a_reading_in_lbf_in_is_converted(engine: StationEngine) -> None:
    # 212 lbf·in = 23.95 N·m: OK; judged as 212 N·m it would be far above the window.
    v = engine.submit_tightening(
        torque_reading(TighteningResult(ok=True, torque=212.0, unit="lbf.in"))
    )
    assert v.ok and v.torque == pytest.approx(23.953, abs=1e-3)


def test_an_unknown_unit_is_refused_and_nothing_is_recorded(engine: StationEngine) -> None:
    before = recorded(engine)
    with pytest.raises(RuleViolation) as err:
        engine.submit_tightening(
            torque_reading(TighteningResult(ok=True, torque=24.0, unit="lbFin"))
        )
    assert err.value.code == "unknown_torque_unit"
    assert "“lbFin”" in err.value.message and "N·m" in err.value.message
    assert recorded(engine) == before
    view = engine.step_view()
    assert view is not None and view.status == "pending"


def test_the_tools_own_nok_still_counts_inside_the_window(engine: StationEngine) -> None:
    v = engine.submit_tightening(torque_reading(TighteningResult(ok=False, torque=24.0)))
    assert not v.ok and "tool reported NOK" in v.message
    assert recorded(engine)[0]["tool_verdict"] == "nok"


def test_conversion_table_matches_the_definitions() -> None:
    # NIST SP 811 B.9: 1 lbf·ft = 1.355818 N·m, 1 lbf·in = 0.1129848, 1 ozf·in = 7.061552e-3,
    # 1 kgf·m = 9.80665 N·m (exact), 1 kgf·cm = 0.0980665 N·m.
    expected = {
        "lbf.ft": 1.355818,
        "lbf.in": 0.1129848,
        "ozf.in": 7.061552e-3,
        "kgf.m": 9.80665,
        "kgf.cm": 0.0980665,
    }
    for unit, nm in expected.items():
        assert float(TORQUE_UNITS[unit]) == pytest.approx(nm, rel=1e-6)
    assert convert_torque(convert_torque(24.0, "Nm", "kgf.cm"), "kgf.cm", "Nm") == 24.0
    assert convert_torque(1.0, "lbf.ft", "lbf.in") == pytest.approx(12.0)


def test_the_dict_form_still_works_and_none_is_not_false() -> None:
    assert TorqueReading.from_mapping({"torque": 1.0}).verdict == Verdict.NONE
    assert TorqueReading.from_mapping({"torque": 1.0, "ok": None}).verdict == Verdict.NONE
    assert TorqueReading.from_mapping({"torque": 1.0, "ok": False}).verdict == Verdict.NOK


def test_optional_driver_fields_come_through_when_present() -> None:
    class Newer:  # what the devices branch adds to TighteningResult (contract 1)
        ok = True
        torque = 24.0
        unit = "Nm"
        angle = 40
        pset = 3
        tightening_id = 17
        controller_id = "PF6000-A"
        spindle = 2
        late = True
        record_no = 5
        vin = "P200-1"
        timestamp = "2026-11-24T08:00:00Z"

    r = torque_reading(Newer())
    assert (r.tool, r.spindle, r.late, r.tightening_id, r.identifier) == (
        "PF6000-A",
        2,
        True,
        "17",
        "P200-1",
    )
    frame = ScanFrame(data="B1001", raw=b"]C0B1001\r", symbology="code128", aim="]C0")
    s = scan_read(frame)
    assert (s.data, s.symbology, s.aim, s.gs1) == ("B1001", "code128", "]C0", None)


def test_a_scan_read_routes_like_its_text(tmp_path: Path) -> None:
    engine, _ = make_station(tmp_path)
    frame = ScanFrame(data="B1001", raw=b"B1001\r")
    out = engine.handle_scan(scan_read(frame))
    assert out.ok and out.route == "login" and engine.operator is not None


def test_the_tool_runs_only_on_its_own_step_with_its_pset(tmp_path: Path) -> None:
    """The core's tool policy through a real (virtual) tool: a tightening only happens
    while the torque step is open, on the step's pset, and never after it."""
    from hardware.virtual import VirtualTorqueTool
    from kiosk.tool_policy import TorqueToolPolicy

    engine, _ = make_station(tmp_path)
    tool = VirtualTorqueTool(pset=1)
    tool.start()
    policy = TorqueToolPolicy(engine, [tool])
    policy.start()
    assert tool.trigger() is None  # locked station: the tool is disabled
    engine.login_badge("B1001")
    engine.select_work_order("WO-1")
    engine.start_unit()
    assert tool.trigger() is None  # first step is not the torque step
    to_step(engine, "bolts")
    for _ in range(4):
        result = tool.trigger(ok=True)
        assert result is not None and result.pset == 3
        engine.submit_tightening(torque_reading(result))
    assert engine.step_view().status == "ok"  # type: ignore[union-attr]
    assert tool.trigger() is None  # the step is done: disabled again
    policy.stop()
    tool.stop()
