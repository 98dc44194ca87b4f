"""A real station client against a real bridge: exactly once through lost responses,
errors, restarts, a killed station and a whole shift offline."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from kiosk.store import outbox
from kiosk.store.schema import events
from sync.client import RetryLater, SyncStatus
from tests.sync.conftest import (
    LiveBridge,
    ServerThread,
    Station,
    assert_exactly_once,
    queue_events,
    wait_until,
)
from tests.sync.proxy import LossyProxy

pytestmark = pytest.mark.timeout(120)


def test_drain_marks_everything_sent_and_status_says_so(
    live_bridge: LiveBridge, station: Station
) -> None:
    queue_events(station.store, 120)
    coordinator = station.coordinator(live_bridge.url, batch_size=50)
    seen: list[SyncStatus] = []
    coordinator.add_listener(seen.append)
    report = coordinator.run_once()
    assert report.pushed == 120
    assert_exactly_once(live_bridge, "ST-01", 120)
    status = coordinator.status()
    assert (status.queued, status.dead_letters, status.auth_failed) == (0, 0, False)
    assert status.last_success is not None and status.offline_since is None
    assert any(s.state == "syncing" for s in seen)


def test_response_lost_after_commit_is_retried_and_stored_once(
    live_bridge: LiveBridge, station: Station
) -> None:
    proxy = LossyProxy(live_bridge.server.port)
    try:
        coordinator = station.coordinator(proxy.url, batch_size=30)
        coordinator.run_once()  # the start-of-day hello; the push below loses its response
        queue_events(station.store, 30)
        proxy.cut_next = 1
        report = coordinator.run_once(attempts=5)
    finally:
        proxy.close()
    assert proxy.cut_done == 1, "the proxy did not cut a response"
    # The bridge had committed the first push; the retry finds every event a duplicate.
    assert report.duplicates == 30 and report.pushed == 0
    assert_exactly_once(live_bridge, "ST-01", 30)
    assert station.counts().pending == 0


class Faults:
    """ASGI wrapper answering the next pushes with injected statuses (before the bridge)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.queue: list[tuple[int, dict[str, str]]] = []
        self.hits: list[tuple[float, int]] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].endswith("/events") and self.queue:
            status, headers = self.queue.pop(0)
            self.hits.append((time.monotonic(), status))
            await send(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [(b"content-type", b"application/json")]
                    + [(k.lower().encode(), v.encode()) for k, v in headers.items()],
                }
            )
            await send(
                {"type": "http.response.body", "body": b'{"code":"injected","reason":"test"}'}
            )
            return
        await self.app(scope, receive, send)


def test_500_429_503_are_retried_honouring_retry_after(
    live_bridge: LiveBridge, station: Station
) -> None:
    live_bridge.server.stop()
    holder: dict[str, Faults] = {}

    def wrap(app: Any) -> Faults:
        holder["f"] = Faults(app)
        return holder["f"]

    server = ServerThread(live_bridge.bridge, live_bridge.server.port, wrap=wrap)
    server.start()
    try:
        faults = holder["f"]
        faults.queue = [(500, {}), (503, {"Retry-After": "1"}), (429, {"Retry-After": "0"})]
        queue_events(station.store, 40)
        coordinator = station.coordinator(server.url, batch_size=40)
        coordinator.start()
        wait_until(lambda: station.counts().pending == 0, 30, "the queue to drain")
        coordinator.stop()
    finally:
        server.stop()
    statuses = [s for _, s in faults.hits]
    assert statuses == [500, 503, 429]
    t503 = faults.hits[1][0]
    t429 = faults.hits[2][0]
    assert t429 - t503 >= 0.95, "Retry-After: 1 was not honoured"
    assert_exactly_once(live_bridge, "ST-01", 40)
    assert coordinator.status().offline_since is None


def test_bridge_restarted_mid_drain(live_bridge: LiveBridge, station: Station) -> None:
    n = 3000
    queue_events(station.store, n)
    coordinator = station.coordinator(live_bridge.url, batch_size=50)
    coordinator.start()
    try:
        wait_until(lambda: live_bridge.bridge.events_count("ST-01") >= 200, 30, "a first batch")
        live_bridge.server.stop()
        wait_until(lambda: coordinator.status().state == "offline", 30, "offline status")
        live_bridge.server.start()
        wait_until(lambda: station.counts().pending == 0, 60, "the queue to drain")
    finally:
        coordinator.stop()
    assert_exactly_once(live_bridge, "ST-01", n)


DRAIN_SCRIPT = """
import sys
from pathlib import Path
from kiosk.store import open_store
from sync.client import BridgeSession, SyncCoordinator
store = open_store(Path(sys.argv[1]))
c = SyncCoordinator(store, lambda: BridgeSession(sys.argv[2], "ST-01", sys.argv[3]),
                    media_dir=Path(sys.argv[4]), batch_size=20)
c.run_once(attempts=3)
"""


def test_station_killed_mid_drain_and_restarted(
    live_bridge: LiveBridge, station: Station, tmp_path: Path
) -> None:
    n = 4000
    queue_events(station.store, n)
    args = [str(station.store.path), live_bridge.url, station.token, str(station.media_dir)]
    root = Path(__file__).resolve().parents[2]
    env = os.environ | {"PYTHONPATH": str(root)}
    proc = subprocess.Popen([sys.executable, "-c", DRAIN_SCRIPT, *args], env=env, cwd=root)
    try:
        wait_until(lambda: live_bridge.bridge.events_count("ST-01") >= 300, 60, "pushes")
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert live_bridge.bridge.events_count("ST-01") < n, "killed too late to prove anything"
    rerun = subprocess.run(
        [sys.executable, "-c", DRAIN_SCRIPT, *args], env=env, cwd=root, timeout=90, check=False
    )
    assert rerun.returncode == 0
    assert_exactly_once(live_bridge, "ST-01", n)
    assert station.counts().pending == 0


def test_a_shift_offline_then_the_network_returns(
    live_bridge: LiveBridge, station: Station
) -> None:
    n = 10_000
    live_bridge.server.stop()
    coordinator = station.coordinator(live_bridge.url, batch_size=500, interval_s=0.3)
    coordinator.start()
    try:
        wait_until(lambda: coordinator.status().state == "offline", 20, "offline status")
        queue_events(station.store, n)
        coordinator.sync_now()
        wait_until(lambda: coordinator.status().queued == n, 20, "the queue in the status")
        offline = coordinator.status()
        assert offline.offline_since is not None and offline.last_success is None
        live_bridge.server.start()
        coordinator.sync_now()
        wait_until(lambda: station.counts().pending == 0, 90, "the backlog to drain")
        wait_until(lambda: coordinator.status().offline_since is None, 10, "recovery")
    finally:
        coordinator.stop()
    assert_exactly_once(live_bridge, "ST-01", n)


def test_poison_events_do_not_hold_back_the_rest(live_bridge: LiveBridge, station: Station) -> None:
    queue_events(station.store, 60)
    with station.store.write() as conn:
        # 17: its hash no longer matches (per-event rejection);
        # 33: a type the wire schema refuses (the whole batch is refused → bisected).
        conn.execute(update(events).where(events.c.seq == 17).values(payload_sha256="0" * 64))
        conn.execute(update(events).where(events.c.seq == 33).values(type="Not A Type"))
    coordinator = station.coordinator(live_bridge.url, batch_size=25)
    report = coordinator.run_once()
    assert report.dead == 2
    seqs = live_bridge.bridge.station_seqs("ST-01")
    assert seqs == [s for s in range(1, 61) if s not in (17, 33)]
    dead = {d.seq: d for d in coordinator.dead_letters()}
    assert set(dead) == {17, 33}
    assert dead[17].code == "payload_hash_mismatch"
    assert dead[33].code == "invalid_request"
    status = coordinator.status()
    assert status.dead_letters == 2 and status.queued == 0
    assert "dead letters" in status.next_action

    # Later events still flow past the held-back ones.
    queue_events(station.store, 5)
    coordinator.run_once()
    assert live_bridge.bridge.station_seqs("ST-01")[-5:] == [61, 62, 63, 64, 65]

    # A line lead fixes the cause and retries: the gap is filled.
    with station.store.write() as conn:
        conn.execute(update(events).where(events.c.seq == 33).values(type="device.status_changed"))
    assert coordinator.retry_dead_letters([33]) == 1
    coordinator.run_once()
    assert 33 in live_bridge.bridge.station_seqs("ST-01")
    assert [d.seq for d in coordinator.dead_letters()] == [17]


def test_wrong_token_stops_with_auth_failed(live_bridge: LiveBridge, station: Station) -> None:
    queue_events(station.store, 3)
    station.token = "not-the-token"
    coordinator = station.coordinator(live_bridge.url)
    changes: list[SyncStatus] = []
    coordinator.add_listener(changes.append)
    coordinator.start()
    try:
        wait_until(lambda: coordinator.status().auth_failed, 10, "auth failed")
        time.sleep(0.5)
        before = len(changes)
        time.sleep(0.5)
        assert len(changes) == before, "it kept retrying after a 401"
    finally:
        coordinator.stop()
    status = coordinator.status()
    assert "re-provision" in status.next_action
    assert status.queued == 3
    assert live_bridge.bridge.events_count("ST-01") == 0


def test_unreachable_bridge_keeps_events(station: Station, tmp_path: Path) -> None:
    queue_events(station.store, 5)
    coordinator = station.coordinator("http://127.0.0.1:9")  # discard port: refused
    with pytest.raises(RetryLater):
        coordinator.run_once(attempts=2)
    status = coordinator.status()
    assert status.queued == 5 and status.offline_since is not None
    assert status.last_error and "cannot be reached" in status.last_error
    with station.store.read() as conn:
        assert outbox.queue_depth(conn) == 5


def test_sync_status_cli_reads_the_database(
    live_bridge: LiveBridge, station: Station, tmp_path: Path
) -> None:
    from kiosk.cli import main
    from kiosk.config import Config

    token_file = tmp_path / "token"
    token_file.write_text(station.token + "\n")
    token_file.chmod(0o600)
    cfg_path = tmp_path / "station.toml"
    cfg = Config()
    cfg.database = station.store.path
    cfg.data_dir = tmp_path / "data"
    cfg.save(cfg_path)
    code = main(
        [
            "provision",
            "--bridge",
            live_bridge.url,
            "--station",
            "ST-01",
            "--token-file",
            str(token_file),
            "--config",
            str(cfg_path),
        ]
    )
    assert code == 0
    queue_events(station.store, 7)
    assert main(["sync", "now", "--config", str(cfg_path)]) == 0
    assert live_bridge.bridge.events_count("ST-01") == 7


def test_provision_refuses_a_wrong_token(
    live_bridge: LiveBridge, station: Station, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.cli import main

    token_file = tmp_path / "token"
    token_file.write_text("wrong\n")
    token_file.chmod(0o600)
    cfg_path = tmp_path / "p.toml"
    code = main(
        [
            "provision",
            *("--bridge", live_bridge.url, "--station", "ST-01"),
            *("--token-file", str(token_file), "--config", str(cfg_path)),
        ]
    )
    assert code == 3
    assert not cfg_path.exists()
    assert "refuses this token" in capsys.readouterr().err
    status = json.loads(
        subprocess.run(
            [sys.executable, "-m", "kiosk", "sync", "status", "--config", str(cfg_path)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
            cwd=Path(__file__).resolve().parents[2],
        ).stdout
    )
    assert status["state"] == "not_configured"
