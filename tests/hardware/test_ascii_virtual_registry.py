"""ASCII torque profiles over a pty, virtual devices, and the backend registry."""

from __future__ import annotations

import time

import pytest

import hardware
from hardware.ascii_torque import MARK10_TT, SR_TORQ_TRONICS_2, parse_reading
from hardware.errors import DeviceConfigError, DeviceDisconnected, ProtocolError
from hardware.simulators.pty_scanner import PtyScanner
from hardware.virtual import VirtualScanner, VirtualTorqueTool

from .util import Collector


def test_mark10_lines() -> None:
    r = parse_reading(MARK10_TT, "4.285 Nm", torque_min=4.0, torque_max=4.5)
    assert r is not None and r.torque == 4.285 and r.unit == "Nm" and r.ok is True
    r = parse_reading(MARK10_TT, "-18.78 lbFin", torque_min=1, torque_max=10)
    assert r is not None and r.torque == -18.78 and r.ok is False and r.unit == "lbf.in"
    r = parse_reading(MARK10_TT, "12.5")
    assert r is not None and r.ok is None  # no verdict, no limits: the step judges
    with pytest.raises(ProtocolError):
        parse_reading(MARK10_TT, "*10")


def test_torq_tronics_report_lines() -> None:
    line = "+41.2597,In.oz,PEAK,NA,001,00001234,Test Station 1,.000001,.000001,05/31/2011,11:45:34"
    r = parse_reading(SR_TORQ_TRONICS_2, line)
    assert r is not None and r.torque == 41.2597 and r.unit == "ozf.in"  # canonical code
    assert r.tightening_id == "001" and r.timestamp == "05/31/2011 11:45:34"
    assert r.record_no == 1
    assert parse_reading(SR_TORQ_TRONICS_2, "Start Report Tester Serial number: 00001234,") is None
    with pytest.raises(ProtocolError):
        parse_reading(SR_TORQ_TRONICS_2, "+4x.1,In.oz")


def test_ascii_tool_over_a_pty() -> None:
    with PtyScanner("crlf") as sim:
        tool = hardware.open_device(
            "torque", sim.port, protocol="ascii", model="mark10-tt", torque_min=4, torque_max=5,
            pset=7,
        )  # fmt: skip
        seen = Collector(tool)
        tool.start(require_open=True)
        try:
            seen.wait_state("connected")
            sim.write(b"4.50 Nm\r\nnoise!\r\n5.9")
            time.sleep(0.05)
            sim.write(b"0 Nm\r\n")
            got = seen.wait_items(2)
            assert [(r.torque, r.ok, r.pset) for r in got] == [(4.5, True, 7), (5.9, False, 7)]
            assert len({r.tightening_id for r in got}) == 2
            assert any(isinstance(e, ProtocolError) for e in seen.errors)
        finally:
            tool.stop()


def test_custom_pattern_and_bad_model() -> None:
    tool = hardware.open_device(
        "torque", "/dev/null", protocol="ascii",
        pattern=r"T=(?P<torque>[\d.]+) A=(?P<angle>\d+) (?P<status>OK|NG)",
    )  # fmt: skip
    from hardware.ascii_torque import AsciiTorqueTool

    assert isinstance(tool, AsciiTorqueTool)
    r = parse_reading(tool.profile, "T=12.1 A=95 NG")
    assert r is not None and (r.torque, r.angle, r.ok) == (12.1, 95.0, False)
    with pytest.raises(DeviceConfigError, match="model"):
        hardware.open_device("torque", "/dev/null", protocol="ascii", model="nope")


def test_virtual_scanner() -> None:
    scanner = hardware.open_device("scanner", "virtual:")
    assert isinstance(scanner, VirtualScanner)
    seen = Collector(scanner)
    with pytest.raises(DeviceDisconnected):
        scanner.scan("X")  # not started: nothing is invented
    scanner.start()
    frame = scanner.scan("]d2010950600001509510LOT9")
    assert seen.items == [frame] and frame.batch == "LOT9"
    scanner.unplug()
    assert scanner.status.state == "disconnected"
    with pytest.raises(DeviceDisconnected):
        scanner.scan("Y")
    scanner.plug()
    assert scanner.status.state == "connected" and len(seen.items) == 1


def test_virtual_torque_tool_honours_enable_pset_and_nok_pattern() -> None:
    tool = hardware.open_device("torque", "virtual:", nok_pattern="OON", enabled=False)
    assert isinstance(tool, VirtualTorqueTool)
    seen = Collector(tool)
    tool.start()
    assert tool.trigger() is None
    tool.enable()
    tool.select_pset(2)
    results = [tool.trigger() for _ in range(6)]
    assert [r.ok for r in results if r] == [True, True, False, True, True, False]
    assert all(r and r.pset == 2 and r.torque_target == 12.0 for r in results)
    assert all(r and (r.torque_ok is r.ok) for r in results)
    assert seen.items == results
    assert tool.trigger(ok=False).ok is False  # type: ignore[union-attr]


def test_registry_refuses_unknown_names() -> None:
    with pytest.raises(DeviceConfigError, match="backend"):
        hardware.open_device("scanner", "/dev/ttyS0", backend="hid")
    with pytest.raises(DeviceConfigError, match="kind"):
        hardware.open_device("printer", "/dev/ttyS0")
    with pytest.raises(DeviceConfigError, match="Allowed"):
        hardware.open_device("scanner", "/dev/ttyS0", baud=9600)
    with pytest.raises(DeviceConfigError, match="terminator"):
        hardware.open_device("scanner", "/dev/ttyS0", terminator="enter")
    scanner = hardware.open_device("scanner", "/dev/ttyS0", vid="05e0", pid="1200")
    from hardware.scanner import SerialScanner

    assert isinstance(scanner, SerialScanner)
    assert scanner.connection.settings.vid == 0x05E0


def test_hardware_imports_nothing_of_ours_nor_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, hardware, hardware.scanner, hardware.openprotocol, hardware.ascii_torque, "
        "hardware.virtual, hardware.simulators.op_controller, hardware.simulators.pty_scanner\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('kiosk', 'ui', 'sync', 'PySide6')]\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False, timeout=30).returncode == 0
