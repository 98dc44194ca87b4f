"""Unattended provisioning as an IT script sees it: exit codes, the token from a file or
stdin, idempotent, a provision.toml drop-in that `kiosk run` applies at boot, nothing
half-written, 0600 files in 0700 folders, and the token in no log or output."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.test_restore import RestorableBridge

pytestmark = pytest.mark.timeout(120)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def bridge(tmp_path: Path) -> Iterator[RestorableBridge]:
    (tmp_path / "bridge").mkdir()
    b = RestorableBridge(tmp_path / "bridge")
    try:
        yield b
    finally:
        b.stop()


def kiosk(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)} | (env or {}),
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_token_file_others_can_read_is_refused(bridge: RestorableBridge, tmp_path: Path) -> None:
    token = bridge.bridge.add_station("ST-01", "Final assembly")
    token_file = tmp_path / "st01.token"
    token_file.write_text(token + "\n")
    token_file.chmod(0o644)
    cfg = tmp_path / "etc" / "station.toml"
    args = ("--bridge", bridge.url, "--station", "ST-01", "--config", str(cfg))
    proc = kiosk("provision", *args, "--token-file", str(token_file))
    assert proc.returncode == 5
    assert f"chmod 600 {token_file}" in proc.stderr and "Traceback" not in proc.stderr
    assert not cfg.exists()
    assert token not in proc.stdout + proc.stderr

    token_file.chmod(0o600)
    first = kiosk("provision", *args, "--token-file", str(token_file))
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["changed"] is True
    assert (mode(cfg), mode(cfg.parent)) == (0o600, 0o700)
    text = cfg.read_text()
    again = kiosk("provision", *args, "--token-file", str(token_file))
    assert again.returncode == 0 and json.loads(again.stdout)["changed"] is False
    assert cfg.read_text() == text  # idempotent
    assert token not in first.stdout + first.stderr + again.stdout + text


def test_token_on_stdin_wrong_token_and_unreachable_bridge(
    bridge: RestorableBridge, tmp_path: Path
) -> None:
    token = bridge.bridge.add_station("ST-01", "Final assembly")
    cfg = tmp_path / "etc" / "station.toml"
    base = ("provision", "--station", "ST-01", "--config", str(cfg), "--token-file", "-")
    wrong = kiosk(*base, "--bridge", bridge.url, stdin="not-the-token\n")
    assert wrong.returncode == 3 and "refuses this token" in wrong.stderr
    down = kiosk(*base, "--bridge", "http://127.0.0.1:9", stdin=token)
    assert down.returncode == 4 and "did not answer" in down.stderr
    assert not cfg.parent.exists() or not any(cfg.parent.iterdir())  # nothing half-written
    bad_url = kiosk(*base, "--bridge", "bridge.example", stdin=token)
    assert bad_url.returncode == 2

    ok = kiosk(*base, "--bridge", bridge.url, stdin=token + "\n")
    assert ok.returncode == 0, ok.stderr
    stored = Path(json.loads(ok.stdout)["token_file"])
    assert stored.parent == cfg.parent and stored.read_text().strip() == token
    assert (mode(stored), mode(cfg), mode(cfg.parent)) == (0o600, 0o600, 0o700)
    again = kiosk(*base, "--bridge", bridge.url, stdin=token)
    assert again.returncode == 0 and json.loads(again.stdout)["changed"] is False


def test_provision_toml_configures_kiosk_run_at_boot(
    bridge: RestorableBridge, tmp_path: Path
) -> None:
    """The drop-in: `kiosk run` provisions itself, removes the file, and everything it
    creates (config, token, database, log) is 0600 in 0700 folders, the token in no log."""
    token = bridge.bridge.add_station("ST-01", "Final assembly")
    etc, data, logs = tmp_path / "etc", tmp_path / "var" / "data", tmp_path / "var" / "log"
    etc.mkdir(mode=0o700)
    drop = etc / "provision.toml"
    drop.write_text(
        f'[station]\nid = "ST-01"\nname = "Final assembly"\n\n'
        f'[bridge]\nurl = "{bridge.url}"\ntoken = "{token}"\n'
    )
    drop.chmod(0o600)
    env = {
        "KIOSK_CONFIG": str(etc / "station.toml"),
        "KIOSK_DATA_DIR": str(data),
        "KIOSK_LOG_DIR": str(logs),
        "QT_QPA_PLATFORM": "offscreen",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--windowed"],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)} | env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not (data / "station.db").exists() or drop.exists():
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline, "kiosk run did not provision itself"
            time.sleep(0.2)
        time.sleep(1.0)  # let it write its first log lines and sync once
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    cfg, token_file, db, log = (
        etc / "station.toml",
        etc / "token",
        data / "station.db",
        logs / "kiosk.log",
    )
    assert not drop.exists()
    assert 'id = "ST-01"' in cfg.read_text() and bridge.url in cfg.read_text()
    for f in (cfg, token_file, db, log):
        assert mode(f) == 0o600, f
    for d in (etc, data, logs):
        assert mode(d) == 0o700, d
    for f in (cfg, log):
        assert token not in f.read_text(), f
    assert token not in out + err
    assert "provisioned station ST-01" in log.read_text()

    status = kiosk("sync", "status", env=env)
    assert status.returncode == 0 and token not in status.stdout + status.stderr
    assert json.loads(status.stdout)["state"] != "not_configured"


def test_a_provision_file_with_a_wrong_token_stays_and_says_why(
    bridge: RestorableBridge, tmp_path: Path
) -> None:
    from kiosk.cli.sync import provision_at_boot

    bridge.bridge.add_station("ST-01", "Final assembly")
    drop = tmp_path / "provision.toml"
    drop.write_text(f'[station]\nid = "ST-01"\n[bridge]\nurl = "{bridge.url}"\ntoken = "nope"\n')
    drop.chmod(0o600)
    result = provision_at_boot(tmp_path / "station.toml")
    assert result is not None and result["ok"] is False and result["exit_code"] == 3
    assert drop.exists() and not (tmp_path / "station.toml").exists()
    drop.chmod(0o644)
    result = provision_at_boot(tmp_path / "station.toml")
    assert result is not None and result["exit_code"] == 5 and "chmod 600" in result["error"]


def test_a_provision_file_that_is_not_valid_writes_nothing(tmp_path: Path) -> None:
    from kiosk.cli.sync import provision_at_boot

    drop = tmp_path / "provision.toml"
    for text, words in (
        (
            '[station]\nid = "ST-01"\nidle_lock_s = "soon"\n[bridge]\nurl = "http://h"\n'
            'token = "t"\n',
            "must be a number",
        ),
        ('[station]\nid = "ST-01"\n[bridge]\nurl = "http://h"\n', "token or token_file"),
        (
            '[station]\nid = "ST-01"\ncolour = "red"\n[bridge]\nurl = "http://h"\ntoken = "t"\n',
            "unknown setting station.colour (allowed: bridge.url, bridge.token, ",
        ),
        (
            '[station]\nid = "ST-01"\ncolour = "red"\n[bridge]\nurl = "http://h"\nproxy = 1\n'
            'token = "t"\n',
            "unknown settings bridge.proxy, station.colour (allowed: ",
        ),
        ("[station\n", "provisioning file"),
    ):
        drop.write_text(text)
        drop.chmod(0o600)
        result = provision_at_boot(tmp_path / "station.toml")
        assert result is not None and result["exit_code"] == 2, result
        assert words in result["error"]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["provision.toml"]
