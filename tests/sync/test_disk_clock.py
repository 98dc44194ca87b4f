"""A full disk and a wrong clock, as the line lead and IT see them in `kiosk sync status`
and `kiosk sync now`: a real tmpfs that fills up, a real process whose clock is 3 h ahead
(libfaketime), a real bridge."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main
from kiosk.config import Config
from kiosk.store import open_store
from tests.sync.conftest import queue_events
from tests.sync.test_restore import RestorableBridge

pytestmark = pytest.mark.timeout(120)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MiB tmpfs of its own (root only: mount)."""
    where = tmp_path / "disk"
    where.mkdir()
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", f"kiosk-{uuid.uuid4().hex[:8]}", str(where)],
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {proc.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path) -> Path:
    """Write zeros until the file system says ENOSPC, down to the last byte."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (1 << 20, 65536, 4096, 512, 1):
            block = b"\0" * size
            try:
                while True:
                    os.write(fd, block)
            except OSError as err:
                assert err.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def _config(tmp_path: Path, data: Path, url: str, token: str) -> Path:
    token_file = tmp_path / "token"
    token_file.write_text(token + "\n")
    token_file.chmod(0o600)
    cfg = Config()
    cfg.station.id = "ST-01"
    cfg.data_dir = data
    cfg.bridge.url = url
    cfg.bridge.token_file = str(token_file)
    path = tmp_path / "station.toml"
    cfg.save(path)
    return path


def test_a_full_disk_after_the_push_reports_what_the_bridge_acknowledged(
    small_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = small_disk / "station.db"
    armed: list[bool] = []

    def fill_on_push(app: Any) -> Any:
        """The disk fills while the bridge answers the push (after it stored the events)."""

        async def wrapped(scope: Any, receive: Any, send: Any) -> None:
            async def sending(message: Any) -> None:
                if message["type"] == "http.response.start" and armed:
                    armed.clear()
                    with contextlib.closing(sqlite3.connect(db)) as conn:
                        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    fill(small_disk)
                await send(message)

            is_push = scope["type"] == "http" and scope["path"].endswith("/events")
            await app(scope, receive, sending if is_push else send)

        return wrapped

    (tmp_path / "bridge").mkdir()
    bridge = RestorableBridge(tmp_path / "bridge", wrap=fill_on_push)
    try:
        token = bridge.bridge.add_station("ST-01", "Final assembly")
        cfg = _config(tmp_path, small_disk, bridge.url, token)
        store = open_store(db)
        queue_events(store, 500)
        store.close()

        armed.append(True)
        code = main(["sync", "now", "--config", str(cfg), "--attempts", "1"])
        out = capsys.readouterr()
        assert code == 6, out.err
        result = json.loads(out.out)
        assert result["acknowledged"] == {"accepted": 500, "duplicate": 0, "rejected": 0}
        assert "acknowledged 500 accepted" in out.err and "full" in out.err
        assert "nothing was recorded" not in out.err
        assert result["status"]["state"] == "disk_full"
        assert bridge.bridge.events_count("ST-01") == 500

        assert main(["sync", "status", "--config", str(cfg)]) == 0
        status = json.loads(capsys.readouterr().out)
        assert status["state"] == "disk_full"
        assert status["last_error"] and "full" in status["last_error"]
        assert "free disk space" in status["next_action"]

        (small_disk / "filler").unlink()
        assert main(["sync", "now", "--config", str(cfg)]) == 0
        again = json.loads(capsys.readouterr().out)
        assert again["acknowledged"] == {"accepted": 0, "duplicate": 500, "rejected": 0}
        assert bridge.bridge.station_seqs("ST-01") == list(range(1, 501))
        assert again["status"]["state"] != "disk_full" and again["status"]["queued"] == 0
    finally:
        bridge.stop()


@pytest.mark.skipif(shutil.which("faketime") is None, reason="needs faketime (./dev installs it)")
def test_a_station_clock_3h_ahead_shows_in_sync_status(tmp_path: Path) -> None:
    (tmp_path / "bridge").mkdir()
    bridge = RestorableBridge(tmp_path / "bridge")
    try:
        token = bridge.bridge.add_station("ST-01", "Final assembly")
        cfg = _config(tmp_path, tmp_path / "data", bridge.url, token)
        env = os.environ | {"PYTHONPATH": str(ROOT), "FAKETIME_DONT_FAKE_MONOTONIC": "1"}
        kiosk = (sys.executable, "-m", "kiosk")
        ahead = subprocess.run(
            ["faketime", "-f", "+3h", *kiosk, "sync", "now", "--config", str(cfg)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            cwd=ROOT,
            env=env,
        )
        assert ahead.returncode == 0, ahead.stderr
        skew = json.loads(ahead.stdout)["status"]["clock_skew_s"]
        assert 3 * 3600 - 60 < skew < 3 * 3600 + 60
        status = subprocess.run(
            [sys.executable, "-m", "kiosk", "sync", "status", "--config", str(cfg)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
            cwd=ROOT,
            env=env,
        )
        shown = json.loads(status.stdout)
        assert shown["clock_skew_warning"] == "The station clock is 3.0 h ahead of the bridge's."
        assert "clock" in shown["next_action"] and "NTP" in shown["next_action"]

        from ui.devices import SyncState  # what the top bar reads

        state = SyncState.from_snapshot(shown)
        assert state.clock_skew_warning == shown["clock_skew_warning"]
        assert state.clock_skew_s == pytest.approx(skew)
    finally:
        bridge.stop()


def test_sync_now_reports_what_was_acknowledged_before_the_network_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two batches go through, the third meets a 503: `sync now` says 20 were accepted."""
    from starlette.responses import JSONResponse

    pushes: list[int] = []

    def third_push_fails(app: Any) -> Any:
        async def wrapped(scope: Any, receive: Any, send: Any) -> None:
            if scope["type"] == "http" and scope["path"].endswith("/events"):
                pushes.append(1)
                if len(pushes) == 3:
                    await JSONResponse({"code": "busy", "reason": "test"}, 503)(
                        scope, receive, send
                    )
                    return
            await app(scope, receive, send)

        return wrapped

    (tmp_path / "bridge").mkdir()
    bridge = RestorableBridge(tmp_path / "bridge", wrap=third_push_fails)
    try:
        token = bridge.bridge.add_station("ST-01", "Final assembly")
        cfg = _config(tmp_path, tmp_path / "data", bridge.url, token)
        store = open_store(tmp_path / "data" / "station.db")
        queue_events(store, 35)
        store.close()
        from sync import client

        monkeypatch.setattr(client, "MAX_BATCH", 10)  # small batches (sync clamps to it)
        code = main(["sync", "now", "--config", str(cfg), "--attempts", "1"])
        out = capsys.readouterr()
        assert code == 4, out.err
        result = json.loads(out.out)
        assert result["acknowledged"] == {"accepted": 20, "duplicate": 0, "rejected": 0}
        assert bridge.bridge.events_count("ST-01") == 20
        assert result["status"]["queued"] == 15
    finally:
        bridge.stop()
