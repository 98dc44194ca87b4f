"""A real bridge (uvicorn on a loopback port, a real database) for the sync tests.

``bridge_url`` is parametrized over SQLite (a file in tmp_path) and PostgreSQL (a fresh
database per test on the server ``./dev test`` starts; ``KIOSK_TEST_PG_URL``). Without
that variable PostgreSQL cases skip, except under CI where they fail.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import create_engine, text
from sqlalchemy import exc as sa_exc

from kiosk.store import Store, open_store, outbox
from kiosk.store.events import record
from sync.bridge.app import create_app
from sync.bridge.service import Bridge
from sync.client import BridgeSession, SyncCoordinator

PG_ENV = "KIOSK_TEST_PG_URL"


def pg_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if url:
        return url
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{PG_ENV} is not set under CI: the PostgreSQL sync tests must run there")
    pytest.skip(f"PostgreSQL tests need {PG_ENV} (./dev test sets it up as root)")
    return None


@contextlib.contextmanager
def fresh_pg_database() -> Iterator[str]:
    """CREATE DATABASE for one test; DROP it afterwards."""
    admin = pg_admin_url()
    assert admin is not None
    name = f"kiosk_sync_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base, _, _ = admin.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        # WITH (FORCE) may not end an autovacuum worker that just started on the database
        # (a superuser's process): it is done in a moment, so try again.
        for attempt in range(40):
            try:
                with engine.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                break
            except sa_exc.DBAPIError:
                if attempt == 39:
                    raise
                time.sleep(0.25)
        engine.dispose()


def free_socket(port: int = 0) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    return sock


class ServerThread:
    """uvicorn serving one app in a thread on a fixed loopback port; restartable."""

    def __init__(self, bridge: Bridge, port: int = 0, wrap: Callable[[Any], Any] | None = None):
        self.bridge = bridge
        self.port = port
        self.wrap = wrap
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        sock = free_socket(self.port)
        self.port = sock.getsockname()[1]
        app: Any = create_app(self.bridge)
        if self.wrap is not None:
            app = self.wrap(app)
        config = uvicorn.Config(app, log_level="warning", lifespan="auto", timeout_keep_alive=5)
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 15
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the bridge did not start")
            time.sleep(0.01)
        sock.close()  # uvicorn holds its own duplicate
        self._server, self._thread = server, thread

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=15)
            assert not self._thread.is_alive(), "the bridge did not stop"
        self._server = self._thread = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass
class LiveBridge:
    bridge: Bridge
    server: ServerThread
    db_url: str
    api_key: str

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def bridge_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bridge.db'}"
    else:
        with fresh_pg_database() as url:
            yield url


@pytest.fixture
def live_bridge(bridge_db_url: str, tmp_path: Path) -> Iterator[LiveBridge]:
    bridge = Bridge.open(bridge_db_url, tmp_path / "bridge-data")
    server = ServerThread(bridge)
    server.start()
    try:
        yield LiveBridge(bridge, server, bridge_db_url, bridge.add_api_key("erp"))
    finally:
        server.stop()
        bridge.close()


# --- the station side -------------------------------------------------------------------


def queue_events(store: Store, n: int, type_: str = "device.status_changed") -> None:
    """Record ``n`` events through the store's own recording function (one transaction)."""
    at = datetime.now(UTC)
    with store.write() as conn:
        for i in range(n):
            record(
                conn,
                type_,
                {"device": "scanner", "state": "connected", "i": i},
                operator_id=None,
                occurred_at=at,
            )


@dataclass
class Station:
    id: str
    store: Store
    token: str
    media_dir: Path

    def session(self, url: str, **kw: Any) -> BridgeSession:
        return BridgeSession(url, self.id, self.token, timeout=(2.0, 10.0), **kw)

    def coordinator(self, url: str, **kw: Any) -> SyncCoordinator:
        kw.setdefault("backoff_base_s", 0.02)
        kw.setdefault("backoff_cap_s", 0.5)
        kw.setdefault("interval_s", 0.2)
        return SyncCoordinator(
            self.store, lambda: self.session(url), media_dir=self.media_dir, **kw
        )

    def counts(self) -> outbox.OutboxCounts:
        with self.store.read() as conn:
            return outbox.counts(conn)


@pytest.fixture
def station(live_bridge: LiveBridge, tmp_path: Path) -> Iterator[Station]:
    store = open_store(tmp_path / "station.db")
    token = live_bridge.bridge.add_station("ST-01", "Final assembly")
    try:
        yield Station("ST-01", store, token, tmp_path / "media")
    finally:
        store.close()


def wait_until(predicate: Callable[[], bool], timeout: float = 30.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        time.sleep(0.02)


def assert_exactly_once(live: LiveBridge, station: str, n: int) -> None:
    """The bridge holds seqs 1..n for the station, each once: no gaps, no duplicates."""
    assert live.bridge.station_seqs(station) == list(range(1, n + 1))
    assert live.bridge.events_count(station) == n


class BridgeProcess:
    """``kiosk-bridge serve`` as a real subprocess (several uvicorn workers possible)."""

    def __init__(self, db_url: str, data: Path, workers: int = 1) -> None:
        sock = free_socket()
        self.port = sock.getsockname()[1]
        sock.close()
        root = Path(__file__).resolve().parents[2]
        cmd = [
            sys.executable,
            "-m",
            "sync.bridge.cli",
            "serve",
            *("--db", db_url, "--data", str(data), "--port", str(self.port)),
            *("--workers", str(workers), "--poll", "0", "--log-level", "warning"),
        ]
        self.proc = subprocess.Popen(cmd, cwd=root, env=os.environ | {"PYTHONPATH": str(root)})
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.stop()
                raise RuntimeError("kiosk-bridge serve did not start")
            time.sleep(0.1)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
