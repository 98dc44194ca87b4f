"""What IT sees when Tryton is down, refuses the login or refuses a booking: the
confirmation stays queued with Tryton's message, never lost, never blocking the others."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sync.bridge.erp.tryton_rpc import TrytonRpc
from sync.bridge.service import Bridge
from tests.erp.conftest import FakeLine, TrytonServer, erp_config, free_port, production
from tests.erp.seed import SEAL, Plant
from tests.erp.test_tryton_adapter import booked, kill_after, runner_for

pytestmark = pytest.mark.timeout(180)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def bridge(tmp_path: Path) -> Iterator[Bridge]:
    b = Bridge.open(f"sqlite:///{tmp_path / 'bridge.db'}", tmp_path / "bridge-data")
    try:
        yield b
    finally:
        b.close()


def status_cli(tmp_path: Path, config: Path) -> tuple[str, dict[str, Any]]:
    def run(*extra: str) -> str:
        done = subprocess.run(
            [
                *(sys.executable, "-m", "sync.bridge.cli", "erp", "status"),
                *("--config", str(config), "--db", f"sqlite:///{tmp_path / 'bridge.db'}"),
                *("--data", str(tmp_path / "bd"), *extra),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    return run(), json.loads(run("--json"))


def test_tryton_down_or_refusing_the_login_keeps_everything_queued(
    bridge: Bridge, tryton_server: TrytonServer, rpc: TrytonRpc, plant: Plant, tmp_path: Path
) -> None:
    pid, number = production(rpc, plant, 2)
    FakeLine(bridge).units(number, ["SN-D1", "SN-D2"])
    # Wrong URL: nothing answers on that port.
    wrong_url = erp_config(tmp_path / "wrong-url.toml", tryton_server)
    text = wrong_url.read_text().replace(tryton_server.url, f"http://127.0.0.1:{free_port()}")
    wrong_url.write_text(text)
    out = runner_for(bridge, wrong_url).round()
    assert "not reachable" in out["error"] and out["auth_failed"] is False
    human, status = status_cli(tmp_path, wrong_url)
    assert status["backlog"] == 2 and status["reachable"] is False  # one per unit
    assert "not reachable" in status["last_error"]
    assert "NOT reachable" in human and "backlog:      2 confirmation(s)" in human
    # Wrong password.
    bad = tmp_path / "bad.pass"
    bad.write_text("not-the-password\n")
    wrong_pw = erp_config(tmp_path / "wrong-pw.toml", tryton_server)
    wrong_pw.write_text(wrong_pw.read_text().replace(str(tryton_server.password_file), str(bad)))
    out = runner_for(bridge, wrong_pw).round()
    assert "refused our login" in out["error"]
    assert out["auth_failed"] is True  # the loop waits a minute: no lock-out by retries
    assert booked(rpc, pid)["outputs"] == []
    # Fixed configuration: the queued confirmation goes through, once.
    good = erp_config(tmp_path / "bridge.toml", tryton_server)
    runner = runner_for(bridge, good)
    out = runner.round()
    runner.adapter.close()
    assert len(out["booked"]) == 2, out  # one confirmation per unit
    assert booked(rpc, pid)["outputs"] == ["SN-D1", "SN-D2"]
    fixed = runner_for(bridge, good)
    status = fixed.status()
    fixed.adapter.close()
    assert status["backlog"] == 0 and status["last_error"] is None and status["reachable"]


def test_refused_bookings_wait_with_trytons_message_and_do_not_block_others(
    bridge: Bridge, tryton_server: TrytonServer, rpc: TrytonRpc, plant: Plant, tmp_path: Path
) -> None:
    config = erp_config(tmp_path / "bridge.toml", tryton_server)
    runner = runner_for(bridge, config)
    line = FakeLine(bridge)
    cancelled, cancelled_no = production(rpc, plant, 3)
    _no_lot, no_lot_no = production(rpc, plant, 1)
    fine, fine_no = production(rpc, plant, 1)
    # A BOM changed mid-order: the production keeps what it planned (Tryton's own rule).
    changed, changed_no = production(rpc, plant, 2)
    line.units(cancelled_no, ["SN-C1"])
    line.units(changed_no, ["SN-B1"])
    assert "error" not in runner.round()
    rpc.button("production", "cancel", [cancelled])  # cancelled while the station works on it
    seal_line = [
        i
        for i in rpc.read("production.bom", [plant.bom], ["inputs"])[0]["inputs"]
        if rpc.read("production.bom.input", [i], ["product"])[0]["product"] == plant.products[SEAL]
    ]
    rpc.write("production.bom.input", seal_line, {"quantity": 2})
    try:
        line.units(cancelled_no, ["SN-C2"])  # a late unit
        line.units(no_lot_no, ["SN-N1"], parts={"SEAL-4": (None, "L1")})  # motor not scanned
        line.units(fine_no, ["SN-F1"])
        line.units(changed_no, ["SN-B2"])
        out = runner.round()
        by_message = " | ".join(out["waiting"].values())
        assert len(out["waiting"]) == 2, out
        assert f"production {cancelled_no} is cancelled in Tryton" in by_message
        assert "SN-C2" in by_message
        assert "requires a lot for MTR-9" in by_message and "SN-N1" in by_message
        assert booked(rpc, fine)["outputs"] == ["SN-F1"]  # not blocked by the others
        assert booked(rpc, fine)["state"] == "done"
        assert booked(rpc, changed)["outputs"] == ["SN-B1", "SN-B2"]
        assert booked(rpc, changed)["state"] == "done"
        assert booked(rpc, cancelled)["outputs"] == ["SN-C1"]  # the late one: refused, kept
        status = runner.status()
        assert status["backlog"] == 2 and {w["id"] for w in status["waiting"]} == set(
            out["waiting"]
        )
        # Retried every round, still refused, still kept (attempts counted).
        runner.round()
        assert [w["attempts"] for w in runner.status()["waiting"]] == [2, 2]
        runner.retry_s = 3600  # not before its retry interval
        runner.round()
        assert [w["attempts"] for w in runner.status()["waiting"]] == [2, 2]
        # The BOM the bridge serves is the new one after the next pull.
        product = bridge.get_record("products", "P300")
        assert product is not None
        assert {c["part"]: c["quantity"] for c in product["bom"]}[SEAL] == 2.0
    finally:
        rpc.write("production.bom.input", seal_line, {"quantity": 1})
        runner.adapter.close()


def test_tryton_restarted_mid_push_books_each_unit_once(
    bridge: Bridge, tryton_server: TrytonServer, rpc: TrytonRpc, plant: Plant, tmp_path: Path
) -> None:
    config = erp_config(tmp_path / "bridge.toml", tryton_server)
    pid, number = production(rpc, plant, 3)
    FakeLine(bridge).units(number, ["SN-R1", "SN-R2", "SN-R3"])
    runner = runner_for(bridge, config)
    seen = kill_after(runner.adapter, 0)
    post = runner.adapter.rpc._post

    def restart_on_second_unit(method: str, params: list[Any], auth: bool) -> Any:
        result = post(method, params, auth)
        if method == "model.production.write" and seen.count(method) == 2:
            tryton_server.stop()  # the second unit is committed; its answer is lost
        return result

    runner.adapter.rpc._post = restart_on_second_unit
    out = runner.round(pull=False)
    assert "not reachable" in out.get("error", ""), out
    tryton_server.start()
    out = runner.round(pull=False)
    assert "error" not in out and out["waiting"] == {}, out
    t = booked(rpc, pid)
    assert t["outputs"] == ["SN-R1", "SN-R2", "SN-R3"]
    assert len([lot for _, lot, _ in t["inputs"] if lot and lot.startswith("M-")]) == 3
    assert len(t["cycles"]) == 3 and t["state"] == "done"
    runner.adapter.close()
