"""`kiosk devices …` as a user runs it: real processes, a pty and a loopback controller."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from hardware.simulators.op_controller import OpenProtocolController
from hardware.simulators.pty_scanner import PtyScanner

KIOSK = [sys.executable, "-m", "kiosk"]
ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*KIOSK, *args], check=False, capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )


def test_list_prints_json_lines() -> None:
    out = run("devices", "list")
    assert out.returncode == 0
    for line in out.stdout.splitlines():
        assert set(json.loads(line)) == {"device", "vid", "pid", "serial_number", "description"}


def test_missing_port_exits_non_zero_with_next_action() -> None:
    out = run("devices", "test", "scanner", "--port", "/dev/ttyNOPE-kiosk", "--duration", "1")
    assert out.returncode == 1
    assert "next:" in out.stderr
    kinds = [json.loads(line)["kind"] for line in out.stdout.splitlines()]
    assert "error" in kinds


def test_scanner_test_prints_scans() -> None:
    with PtyScanner("crlf", aim="]C1") as sim:
        proc = subprocess.Popen(
            [*KIOSK, "devices", "test", "scanner", "--port", sim.port, "--terminator", "crlf",
             "--count", "2", "--duration", "20"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        )  # fmt: skip
        try:
            assert proc.stdout is not None
            first = json.loads(proc.stdout.readline())
            assert first == {**first, "kind": "status", "state": "connected"}
            sim.send("0109506000015095" + "10L1\x1d21S9")
            sim.send("PLAIN")
            out, _ = proc.communicate(timeout=20)
        finally:
            proc.kill()
        scans = [json.loads(x) for x in out.splitlines() if json.loads(x)["kind"] == "scan"]
        assert scans[0]["gs1"] == {"01": "09506000015095", "10": "L1", "21": "S9"}
        assert scans[0]["symbology"] == "gs1-128" and scans[1]["data"] == "PLAIN"
        assert proc.returncode == 0


def test_torque_test_prints_tightenings() -> None:
    with OpenProtocolController(nok_pattern="N") as controller:
        proc = subprocess.Popen(
            [*KIOSK, "devices", "test", "torque", "--port", controller.url, "--protocol",
             "open-protocol", "--pset", "3", "--count", "1", "--duration", "20"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        )  # fmt: skip
        try:
            assert controller.wait_until(lambda: controller.pset == 3 and controller.enabled, 15)
            time.sleep(0.1)
            controller.trigger()
            out, _ = proc.communicate(timeout=20)
        finally:
            proc.kill()
    [result] = [json.loads(x) for x in out.splitlines() if json.loads(x)["kind"] == "tightening"]
    assert result["ok"] is False and result["pset"] == 3 and result["tightening_id"] == "1"
    assert isinstance(result["torque"], float) and isinstance(result["angle"], float)


def test_simulate_torque_and_scanner_start() -> None:
    out = run("devices", "simulate", "torque", "--tcp-port", "0", "--duration", "0.5")
    doc = json.loads(out.stdout.splitlines()[0])
    assert out.returncode == 0 and doc["url"].startswith("socket://127.0.0.1:")
    proc = subprocess.run(
        [*KIOSK, "devices", "simulate", "scanner", "--hold", "0"], input="A1\nB<GS>2\n",
        capture_output=True, text=True, timeout=30, cwd=ROOT, check=False,
    )  # fmt: skip
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert lines[0]["port"].startswith("/dev/")
    assert [x["data"] for x in lines[1:]] == ["A1\r", "B\x1d2\r"]


def test_torque_test_with_profile_result_revision_and_unreadable_line() -> None:
    with OpenProtocolController(max_result_revision=3, torque_unit="lbf.ft") as controller:
        proc = subprocess.Popen(
            [*KIOSK, "devices", "test", "torque", "--port", controller.url, "--profile",
             "atlas-copco", "--result-revision", "3", "--count", "1", "--duration", "20"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        )  # fmt: skip
        try:
            assert controller.wait_until(lambda: controller.subscribed, 15)
            controller.send_raw(b"00500061003         0123456789012345678901234567890\0")
            time.sleep(0.2)
            controller.trigger()
            out, _ = proc.communicate(timeout=20)
        finally:
            proc.kill()
    docs = [json.loads(x) for x in out.splitlines()]
    [status] = [d for d in docs if d["kind"] == "status" and d["state"] == "connected"][:1]
    assert "session rev 6, results rev 3" in status["reason"]
    [unreadable] = [d for d in docs if d["kind"] == "unreadable"]
    assert unreadable["sentence"] == "The tool sent a result the station could not read."
    assert unreadable["raw"].startswith("00500061003")  # as received, wrong length and all
    [result] = [d for d in docs if d["kind"] == "tightening"]
    assert (
        result["unit"] == "lbf.ft" and result["controller_id"] == "Simulated controller#SIM0000001"
    )
    assert result["late"] is False and result["spindle"] is None


def test_scanner_test_with_utf8_encoding() -> None:
    with PtyScanner("cr") as sim:
        proc = subprocess.Popen(
            [*KIOSK, "devices", "test", "scanner", "--port", sim.port, "--encoding", "utf-8",
             "--count", "1", "--duration", "20"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        )  # fmt: skip
        try:
            assert proc.stdout is not None
            assert json.loads(proc.stdout.readline())["state"] == "connected"
            sim.write("Größe–東京\r".encode())
            out, _ = proc.communicate(timeout=20)
        finally:
            proc.kill()
    [scan] = [json.loads(x) for x in out.splitlines() if json.loads(x)["kind"] == "scan"]
    assert scan["data"] == "Größe–東京"
