"""Every tightening accounted for, at the seams, with real parts: the Open Protocol
controller simulator on a loopback TCP port, the real driver opened by the composition
root (``open_devices``), its results converted by ``ui.devices`` and carried by queued
Qt signals to the engine, the core's tool policy giving the controller the unit's
serial, and the events in a real SQLite store, checked against the bridge's models.

The step under test is the test station's "bolts" step: pset 3, four fastenings,
22–26 N·m, 30–90°. The controller's pset 3 tightens 24.2–25.8 N·m at 41–49°.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hardware.simulators.op_controller import OpenProtocolController
from kiosk.config import DeviceSettings
from kiosk.engine import StationEngine
from kiosk.errors import RuleViolation
from kiosk.readings import TorqueReading, Verdict
from kiosk.store.events import load_events
from kiosk.tool_policy import TorqueToolPolicy
from sync.protocol.events import check_payload
from tests.helpers.station import Clock, make_station, reopen
from tests.kiosk.test_engine import to_step

pytestmark = pytest.mark.timeout(60)

CONTROLLER_ID = "Simulated controller#SIM0000001"


@dataclass
class WallClock(Clock):
    """The real time (the controller's clock), plus an offset the test sets."""

    offset: timedelta = field(default_factory=timedelta)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


@dataclass
class Line:
    """One station wired like ``kiosk run``: engine, signals, the real driver, policy."""

    engine: StationEngine
    clock: WallClock
    controller: OpenProtocolController
    qtbot: Any
    refusals: list[RuleViolation] = field(default_factory=list)
    verdicts: list[Any] = field(default_factory=list)
    extras: list[Any] = field(default_factory=list)

    def runner(self, result: object) -> None:
        """What the step runner does with a tightening: submit it, show a refusal."""
        try:
            self.verdicts.append(self.engine.submit_tightening(result))  # type: ignore[arg-type]
        except RuleViolation as err:
            self.refusals.append(err)

    def events(self, type_: str) -> list[dict[str, Any]]:
        with self.engine.store.read() as conn:
            return [e.payload for e in load_events(conn) if e.type == type_]

    def wait(self, predicate: Any, timeout_ms: int = 8000) -> None:
        self.qtbot.waitUntil(predicate, timeout=timeout_ms)

    def to_bolts(self) -> None:
        self.engine.login_badge("B1001")
        self.engine.select_work_order("WO-1")
        self.engine.start_unit()
        to_step(self.engine, "bolts")
        # The policy enabled the tool on pset 3 and gave it the unit's serial.
        serial = self.engine.unit.serial  # type: ignore[union-attr]
        self.wait(lambda: self.controller.enabled and self.controller.pset == 3)
        self.wait(lambda: self.controller.identifier == serial)


def _line(
    tmp_path: Path, qtbot: Any, controller: OpenProtocolController, **options: Any
) -> Iterator[Line]:
    from kiosk.cli.station import open_devices
    from ui.devices import StationSignals

    clock = WallClock()
    engine, _ = make_station(tmp_path, clock)
    signals = StationSignals()
    opts = {"backend": "open-protocol", "revision": 4, "backoff_max_s": 0.2, **options}
    devices = open_devices([DeviceSettings("torque", controller.url, opts)], signals)
    line = Line(engine, clock, controller, qtbot)
    signals.tightened.connect(line.runner)  # the shell's slot, in its place
    signals.connect_engine(engine)
    policy = TorqueToolPolicy(engine, devices.tools)
    policy.start()
    devices.start()
    line.extras = [signals, devices, policy]
    try:
        yield line
    finally:
        policy.stop()
        devices.stop()
        line.engine.store.close()


@pytest.fixture
def controller() -> Iterator[OpenProtocolController]:
    with OpenProtocolController(pset=1, enabled=False, max_revision=4) as c:
        yield c


@pytest.fixture
def line(tmp_path: Path, qtbot: Any, controller: OpenProtocolController) -> Iterator[Line]:
    yield from _line(tmp_path, qtbot, controller)


def test_a_controller_result_is_stored_with_value_unit_verdict_identity_and_id(
    line: Line,
) -> None:
    line.to_bolts()
    made = line.controller.trigger(ok=True)
    assert made is not None
    line.wait(lambda: len(line.events("torque.recorded")) == 1)
    (stored,) = line.events("torque.recorded")
    assert stored["torque"] == made.torque and 22 <= stored["torque"] <= 26
    assert stored["unit"] == "Nm" and stored["tool_unit"] == "Nm"
    assert stored["ok"] is True and stored["tool_verdict"] == "ok"
    assert stored["controller_id"] == CONTROLLER_ID
    assert stored["tightening_id"] == made.tightening_id == "1"
    assert stored["pset"] == 3 and stored["late"] is False and stored["spindle"] is None
    assert stored["tool_time"] == made.timestamp
    # The bridge's model takes every one of these fields, typed.
    model = check_payload("torque.recorded", stored)
    assert model is not None
    assert (model.controller_id, model.late, model.tool_verdict) == (  # type: ignore[attr-defined]
        CONTROLLER_ID,
        False,
        "ok",
    )
    assert not line.refusals and not line.events("device.stray_result")


def test_a_result_carrying_another_units_identifier_is_refused_and_kept_as_stray(
    line: Line,
) -> None:
    line.to_bolts()
    line.controller.identifier = "P200-OTHER-7"  # someone gave the controller another unit
    line.controller.trigger(ok=True)
    line.wait(lambda: bool(line.refusals))
    (err,) = line.refusals
    serial = line.engine.unit.serial  # type: ignore[union-attr]
    assert err.code == "tightening_other_unit"
    assert "P200-OTHER-7" in err.message and serial in err.message
    assert line.events("torque.recorded") == []
    (stray,) = line.events("device.stray_result")
    assert stray["reason"] == "other_unit" and stray["identifier"] == "P200-OTHER-7"
    assert stray["serial"] == serial and stray["controller_id"] == CONTROLLER_ID
    assert check_payload("device.stray_result", stray) is not None
    view = line.engine.step_view()
    assert view is not None and view.status == "pending"


def test_the_tool_is_given_the_units_serial_again_when_the_station_restarts(
    line: Line,
) -> None:
    line.to_bolts()
    serial = line.engine.unit.serial  # type: ignore[union-attr]
    downloads = [m for m in line.controller.received if m.mid == 50]
    assert [m.data.strip() for m in downloads] == [serial]
    line.controller.identifier = ""
    # A restart: a new engine over the same file resumes the unit; a new policy for it.
    engine = reopen(line.engine, line.clock)
    line.engine = engine
    policy = TorqueToolPolicy(engine, line.extras[1].tools)
    policy.start()
    try:
        line.wait(lambda: line.controller.identifier == serial)
    finally:
        policy.stop()


def test_late_results_of_this_step_count_and_others_are_kept_as_stray(line: Line) -> None:
    c = line.controller
    line.to_bolts()
    c.trigger(ok=True)  # a live one first: the driver knows where it stood
    line.wait(lambda: len(line.events("torque.recorded")) == 1)
    c.go_offline()  # the station's cable is out …
    assert not c.subscribed
    c.trigger(ok=True)  # … while the operator tightens the second bolt,
    c.pset = 1  # then someone runs program 1 at the controller
    c.trigger(ok=True)
    c.reachable = True
    line.wait(lambda: len(line.events("torque.recorded")) == 2 and bool(line.refusals))
    first, second = line.events("torque.recorded")
    assert first["late"] is False and second["late"] is True
    assert second["fastening"] == 2 and second["tightening_id"] == "2" and second["ok"] is True
    (stray,) = line.events("device.stray_result")
    assert stray["reason"] == "late_other_program" and stray["pset"] == 1
    assert stray["late"] is True and stray["tightening_id"] == "3"
    assert [e.code for e in line.refusals] == ["tightening_stray"]
    assert "program 1" in line.refusals[0].message
    view = line.engine.step_view()
    assert view is not None and view.status == "partial"


def test_a_late_result_made_before_the_step_started_is_stray(line: Line) -> None:
    c = line.controller
    line.clock.offset = timedelta(minutes=2)  # the station's step began after the tightening
    line.to_bolts()
    line.clock.offset = timedelta(0)
    c.trigger(ok=True)
    line.wait(lambda: len(line.events("torque.recorded")) == 1)
    c.go_offline()
    assert not c.subscribed
    line.clock.offset = timedelta(minutes=2)
    c.trigger(ok=True)  # made (controller clock) two minutes before the step started
    c.reachable = True
    line.wait(lambda: bool(line.events("device.stray_result")))
    (stray,) = line.events("device.stray_result")
    assert stray["reason"] == "late_before_step" and stray["late"] is True
    assert [e.code for e in line.refusals] == ["tightening_stray"]
    assert len(line.events("torque.recorded")) == 1


def test_an_unreadable_result_is_recorded_raw_and_the_operator_is_told(line: Line) -> None:
    from hardware.model import TighteningResult
    from hardware.openprotocol import encode_mid0061

    line.to_bolts()
    bad = encode_mid0061(TighteningResult(ok=True, torque=5.0, tightening_id="9"), 2)
    wire = bad.encode().replace(b"24000500", b"2400X500")
    line.controller.send_raw(wire)
    line.wait(lambda: bool(line.events("device.unreadable_result")) and bool(line.refusals))
    (event,) = line.events("device.unreadable_result")
    assert event["raw"] == wire[:-1].decode("latin-1") and event["mid"] == 61
    assert event["device"] == "torque" and event["controller_id"] == CONTROLLER_ID
    assert event["received_at"] and event["step_id"] == "bolts" and event["reason"]
    assert check_payload("device.unreadable_result", event) is not None
    (err,) = line.refusals
    assert err.code == "tool_result_unreadable"
    assert err.message == "The tool sent a result the station could not read."
    assert line.events("torque.recorded") == []


def test_a_tightening_with_no_torque_step_open_is_kept_as_stray(line: Line) -> None:
    line.engine.login_badge("B1001")
    line.engine.select_work_order("WO-1")
    line.engine.start_unit()
    line.wait(lambda: line.controller.identifier != "")
    line.controller.enabled = True  # the tool ran although the station locked it
    line.controller.trigger(ok=True)
    line.wait(lambda: bool(line.events("device.stray_result")))
    (stray,) = line.events("device.stray_result")
    assert stray["reason"] == "no_torque_step" and stray["step_id"] != "bolts"
    assert line.events("torque.recorded") == []


@pytest.fixture
def multi(tmp_path: Path, qtbot: Any) -> Iterator[Line]:
    with OpenProtocolController(pset=1, enabled=False, max_revision=4, spindles=2) as c:
        yield from _line(tmp_path, qtbot, c, multi_spindle=True)


def test_each_spindle_of_a_multi_spindle_tightening_fills_a_fastening(multi: Line) -> None:
    multi.to_bolts()
    multi.wait(lambda: any(m.mid == 100 for m in multi.controller.received))
    multi.controller.trigger(ok=True)
    multi.controller.trigger(ok=True)
    multi.wait(lambda: len(multi.events("torque.recorded")) == 4)
    stored = multi.events("torque.recorded")
    assert [(t["fastening"], t["spindle"], t["tightening_id"]) for t in stored] == [
        (1, 1, "1"),
        (2, 2, "1"),
        (3, 1, "2"),
        (4, 2, "2"),
    ]
    view = multi.engine.step_view()
    assert view is not None and view.status == "ok"


def test_a_nok_spindle_keeps_its_fastening_open_and_the_others_fill_theirs(
    tmp_path: Path,
) -> None:
    engine, _ = make_station(tmp_path)
    engine.login_badge("B1001")
    engine.select_work_order("WO-1")
    engine.start_unit()
    to_step(engine, "bolts")

    def spindle(n: int, tid: str, ok: bool) -> TorqueReading:
        torque = 24.0 if ok else 30.0
        verdict = Verdict.OK if ok else Verdict.NOK
        return TorqueReading(torque, "Nm", 45.0, verdict, "MS#1", tid, pset=3, spindle=n)

    for n, ok in ((1, True), (2, False), (3, True)):
        engine.submit_tightening(spindle(n, "7", ok))
    # The next tightening's spindle 1 takes the first fastening still open: 2.
    engine.submit_tightening(spindle(1, "8", True))
    engine.submit_tightening(spindle(2, "8", True))
    view = engine.step_view()
    assert view is not None and view.status == "ok"
    got = [(t["fastening"], t["spindle"], t["ok"]) for t in view.data["tightenings"]]
    assert got == [(1, 1, True), (2, 2, False), (3, 3, True), (2, 1, True), (4, 2, True)]
    engine.store.close()


def test_a_package_step_in_lbf_ft_is_accepted_and_judged_in_its_own_unit(
    tmp_path: Path,
) -> None:
    from kiosk.package import load_package, write_package
    from kiosk.steps import evaluate_tightening
    from tests.kiosk.test_package import find, problems_of, small_document

    document, media = small_document()
    bolts = next(s for s in document["steps"] if s["id"] == "bolts")
    # 16–19 lbf·ft is 21.7–25.8 N·m; the angle stays in degrees.
    bolts["spec"].update(torque_unit="lbf.ft", torque_min=16.0, torque_max=19.0)
    loaded = load_package(write_package(tmp_path / "ok", document, media))
    step = loaded.revision.step("bolts")
    assert step is not None and step.spec["torque_unit"] == "lbf.ft"
    verdict = evaluate_tightening(step, TorqueReading(24.0, "Nm", 45.0, pset=3))
    assert verdict.ok and verdict.unit == "lbf.ft" and verdict.torque == pytest.approx(17.70, 1e-3)
    too_high = evaluate_tightening(step, TorqueReading(26.0, "Nm", 45.0, pset=3))
    assert not too_high.ok and "19.18 lbf·ft above 19" in too_high.message
    # Swapped limits are named in the step's unit; an unknown unit is refused.
    bolts["spec"].update(torque_min=19.0, torque_max=16.0)
    problems = problems_of(write_package(tmp_path / "swapped", document, media))
    find(problems, "package.json", "document.steps[6].spec.torque_min", "lbf.ft")
    bolts["spec"].update(torque_unit="N.m", torque_min=16.0, torque_max=19.0)
    problems = problems_of(write_package(tmp_path / "unknown", document, media))
    assert any("torque_unit" in f"{p.path} {p.reason}" for p in problems), problems


def test_the_wired_station_records_an_unreadable_result_and_shows_the_sentence(
    qtbot: Any, tmp_path: Path
) -> None:
    """Through ``build_station`` (as ``kiosk run``): the driver's unreadable listener →
    the engine's record, and the step runner shows the catalogue's sentence."""
    from hardware.model import UnreadableResult
    from kiosk.cli.station import demo_station
    from kiosk.refusals import render
    from tests.kiosk.test_cli_station import _run_to_torque_step
    from ui import messages
    from ui.qt import QLabel

    with demo_station(tmp_path, (1366, 768)) as station:
        qtbot.addWidget(station.shell)
        station.shell.show()
        _run_to_torque_step(station, qtbot)
        tool = station.devices.tools[0]
        tool._deliver_unreadable(UnreadableResult(tool.name, "field 24 is not a number", b"\x00"))
        english, next_action = render("tool_result_unreadable")
        shown = messages.explain("tool_result_unreadable", {}, english, next_action)[0]

        def on_screen() -> bool:
            return any(shown in label.text() for label in station.shell.findChildren(QLabel))

        qtbot.waitUntil(on_screen)
        with station.engine.store.read() as conn:
            events = [e for e in load_events(conn) if e.type == "device.unreadable_result"]
        assert [e.payload["raw"] for e in events] == ["\x00"]
        assert events[0].payload["reason"] == "field 24 is not a number"


def test_a_blank_identifier_is_none_and_a_cut_one_still_names_the_unit(tmp_path: Path) -> None:
    from kiosk.readings import identifier_matches

    engine, _ = make_station(tmp_path)
    engine.login_badge("B1001")
    engine.select_work_order("WO-1")
    engine.start_unit()
    to_step(engine, "bolts")
    blank = TorqueReading(24.0, "Nm", 45.0, Verdict.OK, pset=3, identifier=" " * 25)
    assert engine.submit_tightening(blank).ok  # the tool was given no identifier
    serial = "P200-" + "9" * 30  # longer than Open Protocol's 25-character field
    assert identifier_matches(serial[:25], serial)
    assert not identifier_matches(serial[:24], serial)  # cut short of the field: another
    assert not identifier_matches("P200-1", "P200-12")
    engine.store.close()
