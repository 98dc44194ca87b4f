"""A real Tryton server (trytond on SQLite, 127.0.0.1) for the ERP adapter tests.

The database is initialised once with ``trytond-admin`` (``--all -u production_work
production_routing stock_lot --activate-dependencies``, about a minute on this machine) and
seeded with a small plant over JSON-RPC (tests/erp/seed.py); the file is cached under
``$XDG_CACHE_HOME/kiosk-tests/`` (default ``~/.cache``) keyed by the installed Tryton
versions, so later sessions start from a copy in a second or two. One server per session.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from sync.bridge.erp.base import ErpError
from sync.bridge.erp.tryton_rpc import TrytonRpc
from sync.bridge.service import Bridge
from sync.protocol import PushRequest, payload_sha256
from tests.erp.seed import Plant, new_production, seed

DATABASE = "tryton"
ADMIN_PASSWORD = "admin-pass-1"
MODULES = (
    "trytond",
    "trytond-production",
    "trytond-production-routing",
    "trytond-production-work",
    "trytond-stock-lot",
)
BIN = Path(sys.executable).parent


def _versions() -> str:
    return ",".join(f"{m}={importlib.metadata.version(m)}" for m in MODULES)


def cache_dir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    key = hashlib.sha256((_versions() + "|seed-v1").encode()).hexdigest()[:16]
    return base / "kiosk-tests" / f"tryton-{key}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the main file, so one file is the whole database."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


class TrytonServer:
    """``trytond -c CONF -d tryton`` in a subprocess; stoppable and restartable."""

    def __init__(self, root: Path, port: int | None = None) -> None:
        self.root = root
        self.port = port or free_port()
        self.password_file = root / "admin.pass"
        self.password_file.write_text(ADMIN_PASSWORD + "\n")
        self.conf = root / "trytond.conf"
        self.conf.write_text(
            f"[database]\nuri = sqlite://\npath = {root}\n"
            f"[web]\nlisten = 127.0.0.1:{self.port}\n"
            "[session]\nmax_attempt = 1000\n"
        )
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def db_file(self) -> Path:
        return self.root / f"{DATABASE}.sqlite"

    def rpc(self) -> TrytonRpc:
        return TrytonRpc(self.url, DATABASE, "admin", ADMIN_PASSWORD)

    def admin(self) -> None:
        self.db_file.touch()
        done = subprocess.run(
            [
                str(BIN / "trytond-admin"),
                *("-c", str(self.conf), "-d", DATABASE, "--all"),
                *("-u", "production_work", "production_routing", "stock_lot"),
                "--activate-dependencies",
                *("--email", "admin@example.com"),
            ],
            env=os.environ | {"TRYTONPASSFILE": str(self.password_file)},
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]

    def start(self) -> None:
        log = open(self.root / "trytond.log", "ab")  # noqa: SIM115 - the server keeps it
        self.proc = subprocess.Popen(
            [str(BIN / "trytond"), "-c", str(self.conf), "-d", DATABASE],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        rpc = self.rpc()
        while True:
            try:
                rpc.login()
                rpc.close()
                return
            except ErpError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError(
                        "trytond did not start: "
                        + (self.root / "trytond.log").read_text(errors="replace")[-2000:]
                    ) from None
                time.sleep(0.2)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()


def _build_cache(target: Path) -> None:
    work = target.parent / f".build-{uuid.uuid4().hex[:8]}"
    work.mkdir(parents=True)
    try:
        server = TrytonServer(work)
        server.admin()
        server.start()
        try:
            rpc = server.rpc()
            plant = seed(rpc)
            rpc.close()
        finally:
            server.stop()
        _checkpoint(server.db_file)
        shutil.copy(server.db_file, work / "seeded.sqlite")
        (work / "plant.json").write_text(json.dumps(asdict(plant)))
        (work / "versions.txt").write_text(_versions())
        with contextlib.suppress(OSError):
            os.replace(work, target)  # another session may have won: fine
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def tryton(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TrytonServer, Plant]]:
    cached = cache_dir()
    if not (cached / "seeded.sqlite").exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        _build_cache(cached)
    root = tmp_path_factory.mktemp("tryton")
    server = TrytonServer(root)
    shutil.copy(cached / "seeded.sqlite", server.db_file)
    plant = Plant(**json.loads((cached / "plant.json").read_text()))
    server.start()
    try:
        yield server, plant
    finally:
        server.stop()


@pytest.fixture
def tryton_server(tryton: tuple[TrytonServer, Plant]) -> TrytonServer:
    server = tryton[0]
    if server.proc is None or server.proc.poll() is not None:
        server.start()  # a test stopped it
    return server


@pytest.fixture
def plant(tryton: tuple[TrytonServer, Plant]) -> Plant:
    return tryton[1]


@pytest.fixture
def rpc(tryton_server: TrytonServer) -> Iterator[TrytonRpc]:
    client = tryton_server.rpc()
    try:
        yield client
    finally:
        client.close()


def production(rpc: TrytonRpc, plant: Plant, quantity: int, planned: Any = None) -> tuple[int, str]:
    pid = new_production(rpc, plant, quantity, planned=planned)
    return pid, str(rpc.read("production", [pid], ["number"])[0]["number"])


def erp_config(path: Path, server: TrytonServer, **extra: Any) -> Path:
    lines = [
        "[erp]",
        'adapter = "tryton"',
        f'url = "{server.url}"',
        f'database = "{DATABASE}"',
        'user = "admin"',
        f'password_file = "{server.password_file}"',
        'serial_products = ["MTR-9"]',
        "interval_s = 0.3",
        "pull_interval_s = 1",
        "retry_interval_s = 0",
        "timeout_s = 10",
    ]
    lines += [f"{k} = {json.dumps(v)}" for k, v in extra.items()]
    lines += ["[erp.roles]", 'E900 = ["operator", "line_lead"]']
    path.write_text("\n".join(lines) + "\n")
    return path


# --- a station's pushes, without a station (for the bad-input cases) --------------------


class FakeLine:
    """Pushes the events of finished units into a real bridge, as a station would (the
    payload shapes of kiosk/store/events.py)."""

    def __init__(self, bridge: Bridge, station: str = "ST-T9") -> None:
        self.bridge = bridge
        self.station = station
        bridge.add_station(station, "Test line")
        self.seq = 0
        self.at = datetime.now(UTC) - timedelta(hours=1)

    def units(
        self,
        work_order: str,
        serials: list[str],
        *,
        scrap: tuple[str, ...] = (),
        parts: dict[str, tuple[str | None, str | None]] | None = None,
    ) -> None:
        """One push: each serial started, its parts consumed, completed (or scrapped).
        ``parts``: part → (component_serial template with {serial}, lot)."""
        parts = (
            {"MTR-9": ("M-{serial}", None), "SEAL-4": (None, "L55501")} if parts is None else parts
        )
        events = []

        def ev(type_: str, payload: dict[str, Any]) -> None:
            self.seq += 1
            self.at += timedelta(seconds=20)
            events.append(
                {
                    "event_id": str(uuid.uuid4()),
                    "station_seq": self.seq,
                    "type": type_,
                    "occurred_at": self.at.isoformat(),
                    "operator_id": "E100",
                    "schema_version": 1,
                    "payload": payload,
                    "payload_sha256": payload_sha256(payload),
                }
            )

        for serial in serials:
            uid = str(uuid.uuid4())
            base = {"unit_id": uid, "serial": serial, "work_order": work_order, "operation": "OP10"}
            ev("unit.started", base | {"revision": "P300-OP10@1"})
            for part, (cserial, lot) in parts.items():
                ev(
                    "component.consumed",
                    {
                        "unit_id": uid,
                        "serial": serial,
                        "step_id": "scan",
                        "part": part,
                        "component_serial": cserial.format(serial=serial) if cserial else None,
                        "lot": lot,
                    },
                )
            if serial in scrap:
                ev("unit.scrapped", base | {"reason": "leak"})
            else:
                ev("unit.completed", base | {"cycle_time_s": 20.0})
        req = PushRequest.model_validate(
            {"batch_id": str(uuid.uuid4()), "events": events, "held": []}
        )
        res = self.bridge.push(self.station, req)
        assert all(r.status in ("accepted", "duplicate") for r in res.results), res
