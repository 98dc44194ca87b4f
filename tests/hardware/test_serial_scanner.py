"""The serial scanner over real ptys: framing, noise, unplug, re-enumeration, busy ports."""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import serial
from serial.tools.list_ports_common import ListPortInfo

import hardware
from hardware.connection import match_port
from hardware.errors import DeviceBusy, DeviceNotFound, FrameDiscarded
from hardware.scanner import SerialScanner
from hardware.simulators.pty_scanner import PtyScanner

from .util import Collector


@pytest.fixture
def sim() -> Iterator[PtyScanner]:
    with PtyScanner("cr") as s:
        yield s


def open_scanner(url: str, **options: object) -> tuple[SerialScanner, Collector]:
    scanner = hardware.open_device("scanner", url, backoff_max_s=0.2, **options)
    assert isinstance(scanner, SerialScanner)
    seen = Collector(scanner)
    scanner.start(require_open=True)
    seen.wait_state("connected")
    return scanner, seen


def test_scans_split_and_batched_arrive_one_by_one(sim: PtyScanner) -> None:
    scanner, seen = open_scanner(sim.port)
    try:
        sim.write(b"]C10109506000015095\x1d21S")
        time.sleep(0.05)
        sim.write(b"N1\rPART-2\rPART")
        time.sleep(0.05)
        sim.write(b"-3\r")
        got = seen.wait_items(3)
        assert [f.data for f in got] == ["0109506000015095\x1d21SN1", "PART-2", "PART-3"]
        assert got[0].gs1 == {"01": "09506000015095", "21": "SN1"}
        assert got[0].symbology == "gs1-128"
    finally:
        scanner.stop()


def test_line_settings_are_applied(sim: PtyScanner) -> None:
    scanner, _ = open_scanner(sim.port, baudrate=19200, bytesize=7, parity="E", stopbits=2)
    try:
        port = scanner.connection._port
        assert isinstance(port, serial.Serial)
        assert (port.baudrate, port.bytesize, port.parity, port.stopbits) == (19200, 7, "E", 2)
    finally:
        scanner.stop()


def test_no_terminator_frames_by_idle_gap() -> None:
    with PtyScanner("none") as sim:
        scanner, seen = open_scanner(sim.port, terminator="none", idle_ms=40)
        try:
            sim.send("ABC")
            time.sleep(0.2)
            sim.send("DEF")
            assert [f.data for f in seen.wait_items(2)] == ["ABC", "DEF"]
        finally:
            scanner.stop()


def test_noise_and_endless_lines_are_reported_not_scanned(sim: PtyScanner) -> None:
    scanner, seen = open_scanner(sim.port, stale_ms=100, max_length=32)
    try:
        sim.write(b"\x00\xff\x81")  # noise, no terminator
        time.sleep(0.3)
        sim.write(b"X" * 100)  # endless line
        sim.write(b"\rGOOD\xe9\r")
        [frame] = seen.wait_items(1)
        seen.settle(0.2)
        assert frame.data == "GOOD\xe9" and frame.raw == b"GOOD\xe9"
        assert len(seen.items) == 1
        assert sum(isinstance(e, FrameDiscarded) for e in seen.errors) == 2
    finally:
        scanner.stop()


def test_unplug_mid_frame_drops_the_half_and_logs_once(
    sim: PtyScanner, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="hardware")
    scanner, seen = open_scanner(sim.port)
    try:
        sim.write(b"SN-12")
        time.sleep(0.1)
        sim.unplug()
        seen.wait_state("disconnected", after=1)
        time.sleep(0.6)  # several failed reopen attempts
        assert seen.items == []
        assert any(isinstance(e, FrameDiscarded) and e.raw == b"SN-12" for e in seen.errors)
        warnings = [
            r
            for r in caplog.records
            if r.levelno >= logging.WARNING and "disconnected" in r.getMessage()
        ]
        assert len(warnings) == 1
    finally:
        scanner.stop()


def test_reenumerated_device_is_found_again_through_its_link(tmp_path: Path) -> None:
    """Like /dev/serial/by-id: the link is re-pointed when the device comes back."""
    link = tmp_path / "usb-Scanner-if00"
    first = PtyScanner("cr")
    link.symlink_to(first.port)
    scanner, seen = open_scanner(str(link))
    try:
        first.unplug()
        n = len(seen.statuses)
        seen.wait_state("disconnected", after=n - 1)
        with PtyScanner("cr") as second:
            link.unlink()
            link.symlink_to(second.port)
            seen.wait_state("connected", after=n)
            time.sleep(0.05)
            second.send("AFTER")
            assert [f.data for f in seen.wait_items(1)] == ["AFTER"]
    finally:
        scanner.stop()


def test_port_finder_follows_a_new_path() -> None:
    current: dict[str, str | None] = {"path": None}
    first = PtyScanner("cr")
    current["path"] = first.port
    scanner = SerialScanner("usb:0c2e:0b61", port_finder=lambda: current["path"], backoff_max_s=0.2)
    seen = Collector(scanner)
    scanner.start(require_open=True)
    try:
        seen.wait_state("connected")
        first.unplug()
        current["path"] = None
        seen.wait_state("disconnected", after=1)
        assert "not plugged in" in scanner.status.reason or "unplugged" in scanner.status.reason
        with PtyScanner("cr") as second:
            current["path"] = second.port
            seen.wait_state("connected", after=2)
            time.sleep(0.05)
            second.send("BACK")
            assert seen.wait_items(1)[0].data == "BACK"
    finally:
        scanner.stop()


def test_match_port_by_usb_identity() -> None:
    a, b = ListPortInfo("/dev/ttyACM0"), ListPortInfo("/dev/ttyACM1")
    a.vid, a.pid, a.serial_number = 0x05E0, 0x1200, "S1"
    b.vid, b.pid, b.serial_number = 0x05E0, 0x1200, "S2"
    assert match_port([a, b], 0x05E0, 0x1200, "S2") == "/dev/ttyACM1"
    assert match_port([a, b], 0x05E0, None, None) == "/dev/ttyACM0"
    assert match_port([a, b], 0x1234, None, None) is None


def test_port_held_by_another_process_is_busy(sim: PtyScanner) -> None:
    holder = serial.Serial(sim.port, exclusive=True)
    try:
        scanner = hardware.open_device("scanner", sim.port)
        seen = Collector(scanner)
        with pytest.raises(DeviceBusy, match="in use"):
            scanner.start(require_open=True)
        assert seen.statuses[-1].state == "error"
    finally:
        holder.close()


def test_missing_port_is_not_found() -> None:
    scanner = hardware.open_device("scanner", "/dev/ttyNOPE-kiosk")
    with pytest.raises(DeviceNotFound, match="not there"):
        scanner.start(require_open=True)


def test_missing_port_at_startup_is_retried_in_background(tmp_path: Path) -> None:
    link = tmp_path / "scanner"
    scanner = hardware.open_device("scanner", str(link), backoff_max_s=0.1)
    seen = Collector(scanner)
    scanner.start()  # the station boots before the scanner is plugged in
    try:
        seen.wait_state("disconnected")
        with PtyScanner("cr") as sim:
            link.symlink_to(sim.port)
            seen.wait_state("connected")
            time.sleep(0.05)
            sim.send("LATE")
            assert seen.wait_items(1)[0].data == "LATE"
    finally:
        scanner.stop()


def test_scanner_over_loopback_tcp() -> None:
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    scanner = hardware.open_device("scanner", f"socket://127.0.0.1:{port}", terminator="crlf")
    seen = Collector(scanner)
    scanner.start(require_open=True)
    conn, _ = server.accept()
    try:
        conn.sendall(b"]Q3011234567890123110LOT\x1d21SER\r\n")
        [frame] = seen.wait_items(1)
        assert frame.gs1 == {"01": "12345678901231", "10": "LOT", "21": "SER"}
    finally:
        scanner.stop()
        conn.close()
        server.close()


def test_broken_listener_does_not_stop_the_scanner(sim: PtyScanner) -> None:
    scanner = hardware.open_device("scanner", sim.port)
    scanner.add_scan_listener(lambda f: 1 / 0)  # type: ignore[attr-defined]
    seen = Collector(scanner)
    scanner.start(require_open=True)
    try:
        sim.send("ONE")
        sim.send("TWO")
        assert [f.data for f in seen.wait_items(2)] == ["ONE", "TWO"]
    finally:
        scanner.stop()
        assert not os.path.exists("/dev/ttyNOPE-kiosk")
