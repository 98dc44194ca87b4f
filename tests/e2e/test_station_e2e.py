"""One unit of the demo operation, end to end, with real parts only.

* a real ``kiosk-bridge serve`` process (uvicorn on 127.0.0.1, SQLite), set up with its own
  CLI: ``station add``, ``apikey add``, ``erp import`` (demo master data),
  ``instructions publish`` (demo instruction package);
* the station set up the way IT does it: ``kiosk provision`` then ``kiosk sync now``;
* a pty scanner and the Open Protocol controller simulator on a loopback TCP port as the
  station's configured devices;
* the station wired by the composition root (``build_station``, as ``kiosk run`` does),
  offscreen: badge, work order, parts and the quality sign-off are scanned through the pty;
  the four screws are tightened by the controller simulator; the operator's taps are real
  clicks on the runner.

The demo files go through the bridge exactly as they are in assets/demo: ``erp import``
takes ``masterdata.json`` (certifications, ``in_progress`` status, ``due_in_hours``) and
``instructions publish`` takes the package folder. Maria (B1001) is certified for OP20, so
she starts the work order without a line lead.

Then the bridge must hold every station event exactly once, the ERP confirmation feed must
show one good unit and no scrap for the work order, and the as-built record must list the
four consumed components and exactly the tightenings that happened (one NOK, then OK, on
the second fastening: five tightenings, five results).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from kiosk.domain import StepKind

ROOT = Path(__file__).resolve().parents[2]
STATION = "ST-03"
WORK_ORDER = "WO-10452"
PARTS = {
    "scan-motor": "MTR75-20261124",
    "scan-seal": "\x1d010401234512345610L240611",  # GS1: GTIN + lot, GS kept intact
    "scan-impeller": "IMP5B-L240512",
    "scan-casing": "P200-VC-000417",
}

pytestmark = [pytest.mark.timeout(120), pytest.mark.skipif(os.name != "posix", reason="ptys")]


def run(*cmd: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, *cmd],
        cwd=ROOT,
        env=(env or os.environ) | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, f"{cmd}: {done.stdout}\n{done.stderr}"
    return done.stdout


def bridge_cli(data: Path, *args: str) -> str:
    return run("-m", "sync.bridge.cli", *args, "--data", str(data))


class Bridge:
    """``kiosk-bridge serve`` in a subprocess, and an ERP client for it."""

    def __init__(self, root: Path) -> None:
        from tests.sync.conftest import BridgeProcess

        self.data = root / "bridge-data"
        self.db = f"sqlite:///{self.data / 'bridge.db'}"
        self.data.mkdir()
        self.process = BridgeProcess(self.db, self.data)
        self.url = self.process.url
        self.api_key = bridge_cli(self.data, "apikey", "add", "erp").strip()

    def erp(self, path: str, **params: Any) -> Any:
        r = httpx.get(
            f"{self.url}/api/v1/erp/{path}", params=params, headers={"X-API-Key": self.api_key}
        )
        assert r.status_code == 200, r.text
        return r.json()

    def stop(self) -> None:
        self.process.stop()


@pytest.fixture
def bridge(tmp_path: Path) -> Iterator[Bridge]:
    b = Bridge(tmp_path)
    try:
        yield b
    finally:
        b.stop()


@pytest.fixture
def devices() -> Iterator[tuple[Any, Any]]:
    from hardware.simulators.op_controller import OpenProtocolController
    from hardware.simulators.pty_scanner import PtyScanner

    controller = OpenProtocolController(enabled=False, pset=1).start()
    scanner = PtyScanner("cr")
    try:
        yield scanner, controller
    finally:
        controller.stop()
        scanner.close()


def provision(tmp_path: Path, bridge: Bridge, scanner: Any, controller: Any) -> Path:
    token = tmp_path / "token"
    bridge_cli(
        bridge.data,
        "station",
        "add",
        STATION,
        "--name",
        "Final assembly",
        "--token-file",
        str(token),
    )
    demo = ROOT / "assets" / "demo"
    imported = {
        r["entity"]: r["upserted"]
        for r in map(
            json.loads,
            bridge_cli(bridge.data, "erp", "import", str(demo / "masterdata.json")).splitlines(),
        )
    }
    assert imported == {"station": 1, "product": 1, "operator": 5, "work_order": 5}
    published = json.loads(
        bridge_cli(bridge.data, "instructions", "publish", str(demo / "package"))
    )
    assert published["revisions"] == ["P200-OP20@3"]
    assert len(published["media"]) == 18 and published["warnings"] == []

    config = tmp_path / "station.toml"
    config.write_text(
        f"""
[paths]
data_dir = "{tmp_path / "station"}"

[bridge]
interval_s = 0.3

[[devices]]
kind = "scanner"
url = "{scanner.port}"
terminator = "cr"

[[devices]]
kind = "torque"
url = "{controller.url}"
protocol = "open-protocol"
keepalive_s = 2
"""
    )
    kiosk = ("-m", "kiosk")
    out = json.loads(
        run(
            *kiosk,
            "provision",
            "--bridge",
            bridge.url,
            "--station",
            STATION,
            "--token-file",
            str(token),
            "--config",
            str(config),
        )
    )
    assert out["ok"] is True
    synced = json.loads(run(*kiosk, "sync", "now", "--config", str(config)))
    assert synced["ok"] is True and synced["report"]["pulled"] > 0
    return config


def test_one_unit_through_real_devices_reaches_the_erp_exactly_once(
    qtbot: Any, tmp_path: Path, bridge: Bridge, devices: tuple[Any, Any]
) -> None:
    from kiosk.cli.station import build_station
    from kiosk.config import load_config
    from kiosk.engine import StationEngine
    from kiosk.store import open_store, outbox
    from kiosk.store.schema import events
    from sync.bridge.service import Bridge as BridgeDb
    from ui.qt import Qt
    from ui.runner import RunnerScreen
    from ui.screens import StartScreen

    scanner, controller = devices
    config = provision(tmp_path, bridge, scanner, controller)
    cfg = load_config(config)
    engine = StationEngine(open_store(cfg.database_path), idle_lock_s=cfg.station.idle_lock_s)
    assert engine.station.id == STATION
    station = build_station(
        engine, media_dir=cfg.media_dir, devices=cfg.devices, cfg=cfg, size=(1366, 768)
    )
    shell = station.shell
    click = lambda w: qtbot.mouseClick(w, Qt.MouseButton.LeftButton)  # noqa: E731
    try:
        shell.show()
        qtbot.waitUntil(
            lambda: (
                shell.device_states.get("scanner", ("",))[0] == "connected"
                and shell.device_states.get("torque", ("",))[0] == "connected"
            ),
            timeout=10_000,
        )
        assert controller.wait_until(lambda: controller.subscribed)
        assert station.sync is not None

        scanner.send("B1001")  # Maria's badge, through the pty
        qtbot.waitUntil(lambda: engine.operator is not None and engine.operator.id == "op-maria")
        # Her certification came down from the bridge intact: no line-lead override.
        assert [c.operation for c in engine.operator.certifications] == ["OP20"]
        scanner.send(WORK_ORDER)
        qtbot.waitUntil(lambda: engine.work_order is not None)
        assert engine.work_order.number == WORK_ORDER and not shell.overlays
        done_before = engine.work_order.done
        start = shell.current
        assert isinstance(start, StartScreen)
        click(start.start)
        qtbot.waitUntil(lambda: engine.unit is not None)
        serial = engine.unit.serial

        tightened: list[Any] = []  # every tightening the controller ran, in order
        while engine.unit is not None:
            runner = shell.current
            assert isinstance(runner, RunnerScreen)
            view = engine.step_view()
            kind = view.step.kind
            if kind == StepKind.CHECKLIST:
                for button in runner.panels[kind].items.values():
                    click(button)
            elif kind == StepKind.SCAN:
                scanner.send(PARTS[view.step.id])
                qtbot.waitUntil(lambda: engine.step_view().status == "ok")
            elif kind == StepKind.MEASURE:
                for key in ("0", ".", "1", "2", "enter"):
                    click(runner.panels[kind].keypad.buttons[key])
                assert engine.step_view().status == "ok"
            elif kind == StepKind.PASS_FAIL:
                click(runner.panels[kind].passed)
            elif kind == StepKind.TORQUE:
                # The station selected the step's pset and enabled the tool on the controller.
                assert controller.wait_until(lambda: controller.enabled and controller.pset == 3)
                # Fastening 2 is NOK first, then OK: five tightenings for four bolts.
                for ok in (True, False, True, True, True):
                    result = controller.trigger(ok=ok)
                    assert result is not None and result.ok is ok
                    tightened.append(result)
                    count = len(tightened)
                    qtbot.waitUntil(
                        lambda n=count: len(engine.step_view().data.get("tightenings", [])) == n
                    )
                    if not ok:
                        assert controller.wait_until(lambda: controller.enabled)
                assert engine.step_view().status == "ok"
                assert controller.wait_until(lambda: not controller.enabled)  # locked again
            elif kind == StepKind.SIGNOFF:
                scanner.send("B3001")  # Aiko (quality) releases the pump
                qtbot.waitUntil(lambda: engine.step_view().status == "ok")
            click(runner.next)
            qtbot.waitUntil(lambda v=view: engine.unit is None or engine.step_view() != v)
        assert len(tightened) == 5
        assert isinstance(shell.current, StartScreen) and shell.current.summary.state == "ok"
        assert engine.work_order.done == done_before + 1

        # Everything the station recorded goes up by itself (the coordinator's loop).
        def queue_empty() -> bool:
            with engine.store.read() as conn:
                return outbox.counts(conn).pending == 0

        qtbot.waitUntil(queue_empty, timeout=20_000)
        with engine.store.read() as conn:
            n = conn.execute(select(func.count()).select_from(events)).scalar_one()
            types = [r[0] for r in conn.execute(select(events.c.type).order_by(events.c.seq))]
    finally:
        station.close()

    db = BridgeDb.open(bridge.db, bridge.data)
    try:
        assert db.station_seqs(STATION) == list(range(1, n + 1))  # every event, each once
        assert db.events_count(STATION) == n
    finally:
        db.close()
    assert "override.applied" not in types
    for expected in (
        "operator.logged_in",
        "unit.started",
        "torque.recorded",
        "signature.applied",
        "unit.completed",
        "device.status_changed",
    ):
        assert expected in types, expected
    assert types.count("torque.recorded") == 5
    assert types.count("component.consumed") == 4

    feed = bridge.erp("confirmations", since=0)
    mine = [c for c in feed["confirmations"] if c["work_order"] == WORK_ORDER]
    assert mine and all(c["station"] == STATION and c["operation"] == "OP20" for c in mine)
    assert sum(c["material_produced"]["good"] for c in mine) == 1
    assert sum(c["material_produced"].get("scrap", 0) for c in mine) == 0
    happened = [(t.tightening_id, t.ok) for t in tightened]
    assert len(set(happened)) == 5
    torque = [t for c in mine for t in c["torque_results"]]
    assert [(t["tightening_id"], t["ok"]) for t in torque] == happened
    assert [t["fastening"] for t in torque] == [1, 2, 2, 3, 4]
    assert {t["serial"] for t in torque} == {serial}

    built = bridge.erp(f"units/{serial}")
    assert built["outcome"] == "good" and built["work_order"] == WORK_ORDER
    assert built["revision"] == "P200-OP20@3"
    parts = {c["part"]: (c["component_serial"], c["lot"]) for c in built["components"]}
    assert parts == {
        "MTR-200-075": ("20261124", None),
        "MS-200-16": (None, "L240611"),  # GS1 AI 10
        "IMP-200-5B": (None, "240512"),
        "VC-200": ("000417", None),
    }
    assert [(t["tightening_id"], t["ok"]) for t in built["tightenings"]] == happened
