"""The composition root: ``kiosk run`` without a display, ``kiosk self-test``, and the
torque tool following the engine while the demo station runs on its virtual devices."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain import StepKind

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.timeout(120)


def kiosk(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
        text=True,
        timeout=timeout,
    )


def station_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return env | {
        "PYTHONPATH": str(ROOT),
        "KIOSK_CONFIG": str(tmp_path / "station.toml"),
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        **extra,
    }


def test_run_without_a_display_says_how_to_see_it(tmp_path: Path) -> None:
    done = kiosk("run", env=station_env(tmp_path))
    assert done.returncode == 1
    assert "No display found" in done.stderr
    assert "xvfb-run -a kiosk run" in done.stderr  # advice that can be pasted as is
    assert "QT_QPA_PLATFORM=offscreen" in done.stderr
    assert not (tmp_path / "data").exists()  # it gave up before touching the station


def test_the_demo_names_the_command_it_was_started_with(tmp_path: Path) -> None:
    done = kiosk("demo", env=station_env(tmp_path, KIOSK_LAUNCHER="./dev demo"))
    assert done.returncode == 1
    assert "xvfb-run -a ./dev demo" in done.stderr


def test_self_test_passes_on_a_good_setup(tmp_path: Path) -> None:
    env = station_env(tmp_path)  # no display: self-test goes offscreen by itself
    done = kiosk("self-test", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines and all(line.startswith("ok   ") for line in lines), done.stdout
    text = done.stdout
    for what in ("config:", "database:", "demo package P200-OP20@3", "Qt platform plugin"):
        assert what in text
    assert "QtMultimedia: imports" in text and "QtPdf: imports" in text
    # It proved a database can be created, and left nothing behind.
    assert list((tmp_path / "data").iterdir()) == []

    # Once the station has run, the real database is opened and checked.
    from kiosk.store import open_store

    open_store(tmp_path / "data" / "station.db").close()
    done = kiosk("self-test", env=env)
    assert done.returncode == 0, done.stdout
    assert "integrity ok" in done.stdout


def test_self_test_fails_with_a_reason_when_the_database_cannot_be_written(
    tmp_path: Path,
) -> None:
    # Tests run as root here, so file modes do not stop writes; a path through a regular
    # file cannot be written by anyone.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    (tmp_path / "station.toml").write_text(f'[database]\npath = "{blocker}/station.db"\n')
    done = kiosk("self-test", env=station_env(tmp_path))
    assert done.returncode == 1
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAIL ")]
    assert len(failed) == 1, done.stdout
    assert failed[0].startswith(f"FAIL database: cannot create {blocker}/station.db")


def test_self_test_names_a_broken_config(tmp_path: Path) -> None:
    (tmp_path / "station.toml").write_text("[station\nid = 3")
    done = kiosk("self-test", env=station_env(tmp_path))
    assert done.returncode == 1
    assert any(
        line.startswith("FAIL config:") and "not valid TOML" in line
        for line in done.stdout.splitlines()
    )


# --- the wired station (in process, offscreen) ----------------------------------------------


@pytest.fixture
def demo(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    from kiosk.cli.station import demo_station

    with demo_station(tmp_path, (1366, 768)) as station:
        qtbot.addWidget(station.shell)
        station.shell.show()
        yield station


def _run_to_torque_step(station: Any, qtbot: Any) -> None:
    """Badge, work order, unit, then the steps before the torque step — scans through the
    virtual scanner (the adapter's queued signal), the rest as the runner's actions."""
    from kiosk.cli.station import demo_inputs

    scan, _ = demo_inputs(station)
    e = station.engine
    scan("B1001")
    qtbot.waitUntil(lambda: e.operator is not None)
    scan("WO-10452")
    qtbot.waitUntil(lambda: e.work_order is not None)
    e.start_unit()
    parts = {
        "scan-motor": "MTR75-00001234",
        "scan-seal": "\x1d010401234512345610L123456",
        "scan-impeller": "IMP5B-L123456",
        "scan-casing": "P200-VC-000417",
    }
    while e.step_view().step.kind != StepKind.TORQUE:
        view = e.step_view()
        assert station.devices.tools[0].enabled is False, view.step.id
        if view.step.kind == StepKind.SCAN:
            scan(parts[view.step.id])
            qtbot.waitUntil(lambda: e.step_view().status == "ok")
        elif view.step.kind == StepKind.MEASURE:
            e.submit_measurement("0.12")
        elif view.step.kind == StepKind.PASS_FAIL:
            e.submit_pass_fail(True)
        checked = {i["id"] for i in view.step.spec.get("items", [])}
        e.next(checked=checked)


def test_torque_tool_is_enabled_with_the_steps_pset_exactly_on_a_torque_step(
    demo: Any, qtbot: Any
) -> None:
    from kiosk.cli.station import demo_inputs

    e = demo.engine
    [tool] = demo.devices.tools
    assert tool.enabled is False  # locked station: the tool is off from the start
    _run_to_torque_step(demo, qtbot)
    assert (tool.enabled, tool.pset) == (True, 3)  # torque-casing uses pset 3

    # The operator walks away: locking the station locks the tool.
    e.logout("test")
    assert tool.enabled is False
    demo.signals.scanned.emit("B1001", None)
    qtbot.waitUntil(lambda: e.operator is not None)
    assert (tool.enabled, tool.pset) == (True, 3)

    _, tighten = demo_inputs(demo)
    for n in range(1, 5):
        assert tighten(True) is not None
        qtbot.waitUntil(lambda n=n: len(e.step_view().data.get("tightenings", [])) == n)
    # All four fastenings recorded: the step is done and the tool is off again.
    assert e.step_view().status == "ok"
    assert tool.enabled is False
    assert tighten(True) is None  # a disabled tool does not run
    e.next()
    assert e.step_view().step.kind != StepKind.TORQUE and tool.enabled is False


def test_device_status_reaches_the_top_bar_and_the_record(demo: Any, qtbot: Any) -> None:
    [scanner] = demo.devices.scanners
    qtbot.waitUntil(lambda: demo.shell.device_states.get("scanner", ("",))[0] == "connected")
    scanner.unplug("USB cable pulled")
    qtbot.waitUntil(
        lambda: demo.shell.device_states["scanner"] == ("disconnected", "USB cable pulled")
    )
    assert demo.engine.device_states()["scanner"][0] == "disconnected"
    assert demo.shell.topbar.scanner.isVisible()


def test_a_device_that_cannot_open_does_not_stop_the_station(qtbot: Any, tmp_path: Path) -> None:
    from kiosk.cli.station import build_station
    from kiosk.config import DeviceSettings
    from kiosk.engine import StationEngine
    from kiosk.store import open_store

    missing = str(tmp_path / "ttyACM9")
    engine = StationEngine(open_store(tmp_path / "station.db"))
    station = build_station(
        engine,
        media_dir=tmp_path / "media",
        devices=[
            DeviceSettings("scanner", missing, {"terminator": "cr"}),
            DeviceSettings("torque", "virtual:", {"colour": "red"}),  # bad option
        ],
        size=(1366, 768),
    )
    try:
        station.shell.show()  # station.close() closes it
        states = station.shell.device_states
        qtbot.waitUntil(lambda: "scanner" in states and "torque" in states)
        assert states["scanner"][0] == "disconnected" and states["scanner"][1]
        assert states["torque"][0] == "error" and "colour" in states["torque"][1]
        assert station.devices.scanners[0].status.state == "disconnected"
    finally:
        station.close()
    # Everything was released: the driver thread is gone, the store closed.
    assert station.devices.scanners[0].status.reason == "stopped"


def test_the_demo_panel_can_scan_the_part_each_scan_step_needs(tmp_path: Path) -> None:
    """A person can run a whole unit in the demo: "Right part" makes an accepted barcode."""
    from kiosk.cli.station import _right_part
    from tests.helpers.station import make_station

    engine, _ = make_station(tmp_path)
    right = _right_part(engine)
    engine.login_badge("B1001")
    engine.select_work_order("WO-1")
    engine.start_unit()
    assert right() is None  # an instruction step needs no part
    engine.next()
    engine.next(checked={"a", "b"})
    for part in ("MOT-1", "SEAL-7"):
        view = engine.step_view()
        assert view is not None and view.step.spec["part"] == part
        code = right()
        assert code is not None
        assert engine.handle_scan(code).ok, code
        engine.next()


def test_a_running_station_keeps_a_log_file_for_it(tmp_path: Path) -> None:
    """`kiosk run` logs to the rotating file IT looks at, and stops cleanly on SIGTERM."""
    import signal
    import time

    logs = tmp_path / "logs"
    env = station_env(tmp_path, QT_QPA_PLATFORM="offscreen", KIOSK_LOG_DIR=str(logs))
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--windowed"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    log_file = logs / "kiosk.log"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (
            log_file.exists() and "starting" in log_file.read_text()
        ):
            time.sleep(0.1)
        time.sleep(0.5)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    text = log_file.read_text()
    assert "kiosk.station" in text and "station ST-01 starting" in text, text
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
