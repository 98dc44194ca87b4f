"""A bridge restored from an older backup: the station asks what the bridge holds (the
hello) and sends again what it lost, without waiting for a new event. Real uvicorn bridge,
real SQLite files, real ``kiosk sync now`` processes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import Config
from kiosk.store import open_store, outbox
from sync.bridge.service import Bridge
from tests.sync.conftest import ServerThread, assert_exactly_once, queue_events, wait_until

pytestmark = pytest.mark.timeout(120)
ROOT = Path(__file__).resolve().parents[2]


class RestorableBridge:
    """A bridge on a SQLite file that can be stopped, backed up, restored and restarted on
    the same port."""

    def __init__(self, tmp: Path, wrap: Any = None) -> None:
        self.file = tmp / "bridge.db"
        self.data = tmp / "bridge-data"
        self.wrap = wrap
        self.bridge = Bridge.open(f"sqlite:///{self.file}", self.data)
        self.server = ServerThread(self.bridge, wrap=wrap)
        self.server.start()

    @property
    def url(self) -> str:
        return self.server.url

    def stop(self) -> None:
        self.server.stop()
        self.bridge.close()

    def start(self) -> None:
        self.bridge = Bridge.open(f"sqlite:///{self.file}", self.data)
        self.server = ServerThread(self.bridge, port=self.server.port, wrap=self.wrap)
        self.server.start()

    def backup(self, target: Path) -> None:
        self.stop()
        for suffix in ("", "-wal", "-shm"):
            src = Path(f"{self.file}{suffix}")
            if src.exists():
                shutil.copy2(src, f"{target}{suffix}")
        self.start()

    def restore(self, source: Path) -> None:
        self.stop()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.file}{suffix}").unlink(missing_ok=True)
            if Path(f"{source}{suffix}").exists():
                shutil.copy2(f"{source}{suffix}", f"{self.file}{suffix}")
        self.start()


@pytest.fixture
def restorable(tmp_path: Path) -> Iterator[RestorableBridge]:
    b = RestorableBridge(tmp_path)
    try:
        yield b
    finally:
        b.stop()


def _provisioned(tmp_path: Path, url: str, token: str) -> Path:
    token_file = tmp_path / "token"
    token_file.write_text(token + "\n")
    token_file.chmod(0o600)
    cfg = Config()
    cfg.station.id = "ST-01"
    cfg.data_dir = tmp_path / "data"
    cfg.bridge.url = url
    cfg.bridge.token_file = str(token_file)
    path = tmp_path / "station.toml"
    cfg.save(path)
    return path


def _sync_now(cfg: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "kiosk", "sync", "now", "--config", str(cfg)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 0, proc.stderr
    return dict(json.loads(proc.stdout))


def _sync_in_process(cfg: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    from kiosk.cli import main

    code = main(["sync", "now", "--config", str(cfg)])
    out = capsys.readouterr()
    assert code == 0, out.err
    return dict(json.loads(out.out))


def test_sync_now_resends_what_a_restored_bridge_lost(
    restorable: RestorableBridge, tmp_path: Path
) -> None:
    token = restorable.bridge.add_station("ST-01", "Final assembly")
    cfg = _provisioned(tmp_path, restorable.url, token)
    store = open_store(tmp_path / "data" / "station.db")
    try:
        queue_events(store, 50)
        assert _sync_now(cfg)["report"]["pushed"] == 50
        restorable.backup(tmp_path / "backup.db")
        queue_events(store, 30)
        assert _sync_now(cfg)["report"]["pushed"] == 30
        assert_exactly_once(restorable_live(restorable), "ST-01", 80)

        restorable.restore(tmp_path / "backup.db")
        assert restorable.bridge.station_seqs("ST-01") == list(range(1, 51))
        with store.read() as conn:
            assert outbox.counts(conn).pending == 0  # the station believes all is sent

        out = _sync_now(cfg)  # no new event recorded
        assert out["report"]["resent"] == 30
        assert out["report"]["pushed"] == 30
        assert out["report"]["duplicates"] == 0
        assert_exactly_once(restorable_live(restorable), "ST-01", 80)  # 0 missing, 0 twice
        with store.read() as conn:
            counts = outbox.counts(conn)
        assert (counts.pending, counts.sent, counts.dead) == (0, 80, 0)

        again = _sync_now(cfg)  # nothing more to do: the bridge has it all
        assert (again["report"]["resent"], again["report"]["pushed"]) == (0, 0)
    finally:
        store.close()


def test_a_running_station_notices_the_restore_by_itself(
    restorable: RestorableBridge, tmp_path: Path
) -> None:
    """The periodic hello: a coordinator that keeps running resends without a new event."""
    from sync.client import BridgeSession, SyncCoordinator

    token = restorable.bridge.add_station("ST-01", "Final assembly")
    store = open_store(tmp_path / "station.db")
    coordinator = SyncCoordinator(
        store,
        lambda: BridgeSession(restorable.url, "ST-01", token, timeout=(2.0, 10.0)),
        media_dir=tmp_path / "media",
        interval_s=0.1,
        hello_interval_s=0.3,
        backoff_base_s=0.02,
        backoff_cap_s=0.3,
    )
    try:
        queue_events(store, 20)
        coordinator.run_once()
        restorable.backup(tmp_path / "backup.db")
        queue_events(store, 20)
        coordinator.run_once()
        restorable.restore(tmp_path / "backup.db")
        coordinator.start()
        wait_until(
            lambda: restorable.bridge.station_seqs("ST-01") == list(range(1, 41)),
            what="the station to resend 21..40",
        )
        assert restorable.bridge.events_count("ST-01") == 40
    finally:
        coordinator.stop()
        store.close()


def test_an_older_bridge_without_hello_still_syncs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 404 for the hello (a bridge from before it) is not an error: push goes on, and a
    409 seq_gap still says where to resume."""
    from starlette.responses import JSONResponse

    def no_hello(app: Any) -> Any:
        async def wrapped(scope: Any, receive: Any, send: Any) -> None:
            if scope["type"] == "http" and scope["path"].endswith("/hello"):
                resp = JSONResponse({"code": "not_found", "reason": "Not Found"}, 404)
                await resp(scope, receive, send)
                return
            await app(scope, receive, send)

        return wrapped

    b = RestorableBridge(tmp_path, wrap=no_hello)
    try:
        token = b.bridge.add_station("ST-01", "Final assembly")
        cfg = _provisioned(tmp_path, b.url, token)
        store = open_store(tmp_path / "data" / "station.db")
        try:
            queue_events(store, 10)
            out = _sync_in_process(cfg, capsys)
            assert (out["report"]["pushed"], out["report"]["resent"]) == (10, 0)
            b.backup(tmp_path / "backup.db")
            queue_events(store, 5)
            _sync_in_process(cfg, capsys)
            b.restore(tmp_path / "backup.db")
            queue_events(store, 1)  # without a hello, only a new event shows the gap
            out = _sync_in_process(cfg, capsys)
            assert out["report"]["resent"] == 5
            assert b.bridge.station_seqs("ST-01") == list(range(1, 17))
        finally:
            store.close()
    finally:
        b.stop()


def restorable_live(b: RestorableBridge) -> Any:
    """assert_exactly_once takes anything with a ``bridge``."""
    return b


def test_a_409_makes_the_station_ask_again_between_hellos(
    restorable: RestorableBridge, tmp_path: Path
) -> None:
    """The hello is not due (an hour away), but the 409 seq_gap of a new event's push makes
    the station ask, and it resends from the bridge's last_seq + 1 in the same cycle."""
    from sync.client import BridgeSession, SyncCoordinator

    token = restorable.bridge.add_station("ST-01", "Final assembly")
    store = open_store(tmp_path / "station.db")
    calls: list[str] = []

    class Counting(BridgeSession):
        def station_hello(self) -> Any:
            calls.append("hello")
            return super().station_hello()

    coordinator = SyncCoordinator(
        store,
        lambda: Counting(restorable.url, "ST-01", token, timeout=(2.0, 10.0)),
        media_dir=tmp_path / "media",
        hello_interval_s=3600,
    )
    try:
        queue_events(store, 10)
        coordinator.run_once()
        restorable.backup(tmp_path / "backup.db")
        queue_events(store, 10)
        coordinator.run_once()
        restorable.restore(tmp_path / "backup.db")
        assert calls == ["hello"]
        queue_events(store, 1)
        report = coordinator.run_once()
        assert calls == ["hello", "hello"]  # asked because of the 409
        assert (report.resent, report.pushed) == (10, 11)
        assert_exactly_once(restorable_live(restorable), "ST-01", 21)
    finally:
        store.close()


def test_a_new_bridge_epoch_pulls_master_data_again(tmp_path: Path) -> None:
    """When the hello's epoch changes (the bridge's database was restored or re-created),
    the station's pull cursor may point past the new change feed: it pulls from 0 again."""
    from starlette.types import Message

    from sync.client import BridgeSession, SyncCoordinator

    epoch = ["first"]

    def epoch_from_test(app: Any) -> Any:
        async def wrapped(scope: Any, receive: Any, send: Any) -> None:
            if not (scope["type"] == "http" and scope["path"].endswith("/hello")):
                await app(scope, receive, send)
                return

            async def rewrite(message: Message) -> None:
                if message["type"] == "http.response.body" and message.get("body"):
                    body = json.loads(message["body"])
                    body["epoch"] = epoch[0]
                    message = {**message, "body": json.dumps(body).encode()}
                if message["type"] == "http.response.start":
                    message = {
                        **message,
                        "headers": [h for h in message["headers"] if h[0] != b"content-length"],
                    }
                await send(message)

            await app(scope, receive, rewrite)

        return wrapped

    b = RestorableBridge(tmp_path, wrap=epoch_from_test)
    store = open_store(tmp_path / "station.db")
    try:
        token = b.bridge.add_station("ST-01", "Final assembly")
        b.bridge.import_file(ROOT / "assets" / "demo" / "masterdata.json")

        def start() -> SyncCoordinator:  # the station starting: a hello first
            return SyncCoordinator(
                store,
                lambda: BridgeSession(b.url, "ST-01", token, timeout=(2.0, 10.0)),
                media_dir=tmp_path / "media",
            )

        coordinator = start()
        first = coordinator.run_once()
        assert first.pulled > 0
        with store.read() as conn:
            cursor = outbox.get_cursor(conn)
        assert cursor > 0
        assert start().run_once().pulled == 0  # same epoch: nothing new
        epoch[0] = "second"
        again = start().run_once()
        assert again.pulled == first.pulled  # everything once more, from cursor 0
    finally:
        store.close()
        b.stop()
