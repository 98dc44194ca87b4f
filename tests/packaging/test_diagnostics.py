"""`kiosk diagnostics OUT`: the zip IT attaches to a ticket has the logs, a usable database
backup, the configuration, device and sync status, and not one secret."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from contextlib import closing
from pathlib import Path

from kiosk.demo import seed_demo
from kiosk.store import open_store

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "st03-9fK2mQx7Lr4vTz8Wn1Yc5Hb0"
PASSWORD = "proxy-pass-5531"


def test_the_bundle_has_what_it_takes_to_diagnose_and_no_secret(tmp_path: Path) -> None:
    data, logs = tmp_path / "data", tmp_path / "log"
    logs.mkdir()
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    config = tmp_path / "station.toml"
    config.write_text(
        "[station]\nid = 'ST-03'\n\n"
        f"[paths]\ndata_dir = '{data}'\n\n"
        f"[bridge]\nurl = 'https://kiosk:{PASSWORD}@bridge.plant.example:8765'\n"
        f"token_file = '{token_file}'\n\n"
        "[[devices]]\nkind = 'scanner'\nurl = '/dev/ttyKIOSKTEST0'\n\n"
        "[[devices]]\nkind = 'torque'\nurl = 'socket://127.0.0.1:4545'\n"
        "protocol = 'open-protocol'\n"
    )
    store = open_store(data / "station.db")
    try:
        seed_demo(store, data / "media")
        with store.read() as conn:
            hashes = conn.exec_driver_sql(
                "SELECT count(*) FROM operators WHERE pin_hash IS NOT NULL"
            ).scalar_one()
            events = conn.exec_driver_sql("SELECT count(*) FROM events").scalar_one()
    finally:
        store.close()
    assert hashes > 0
    # A token that leaked into a log line must not leave the station with the bundle.
    (logs / "kiosk.log").write_text(
        "2026-12-01 08:00:00,000 INFO    kiosk.station: station ST-03 starting\n"
        f"2026-12-01 08:00:01,000 WARNING sync.client: debug header Bearer {TOKEN}\n"
    )
    (logs / "kiosk.log.1").write_text("2026-11-30 17:00:00,000 INFO    older rotation\n")

    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env |= {
        "PYTHONPATH": str(ROOT),
        "KIOSK_CONFIG": str(config),
        "KIOSK_LOG_DIR": str(logs),
        "QT_QPA_PLATFORM": "offscreen",
    }
    out = tmp_path / "tickets" / "st03-diag"
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "diagnostics", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    zip_path = Path(done.stdout.strip())
    assert zip_path == out.with_name("st03-diag.zip")
    assert zip_path.stat().st_mode & 0o077 == 0  # 0600: it holds the station's record

    with zipfile.ZipFile(zip_path) as zf:
        names = set(zf.namelist())
        blobs = {n: zf.read(n) for n in names}
        zf.extract("station.db", tmp_path / "unpacked")
    assert {
        "manifest.json",
        "config.toml",
        "database-check.json",
        "station.db",
        "sync-status.json",
        "devices.json",
        "logs/kiosk.log",
        "logs/kiosk.log.1",
    } <= names
    for name, blob in blobs.items():
        assert TOKEN.encode() not in blob, name
        assert PASSWORD.encode() not in blob, name
        assert b"$argon2" not in blob, name

    config_text = blobs["config.toml"].decode()
    assert "ST-03" in config_text and str(token_file) in config_text  # where, not what
    assert "bridge.plant.example:8765" in config_text
    assert "station ST-03 starting" in blobs["logs/kiosk.log"].decode()
    assert "Bearer <redacted>" in blobs["logs/kiosk.log"].decode()
    check = json.loads(blobs["database-check.json"])
    assert check["integrity"] == "ok" and check["events"] == events
    sync = json.loads(blobs["sync-status.json"])
    assert sync["station"] == "ST-03" and sync["queued"] == events
    devices = {d["kind"]: d for d in json.loads(blobs["devices.json"])}
    assert devices["scanner"]["port_exists"] is False
    assert devices["torque"]["url"] == "socket://127.0.0.1:4545"
    manifest = json.loads(blobs["manifest.json"])
    assert manifest["station"] == "ST-03" and "station.db" in manifest["files"]

    # The database copy is a working station database, minus the PIN hashes.
    with closing(sqlite3.connect(tmp_path / "unpacked" / "station.db")) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT count(*) FROM events").fetchone()[0] == events
        assert copy.execute("SELECT count(*) FROM operators").fetchone()[0] > 0
        assert (
            copy.execute("SELECT count(*) FROM operators WHERE pin_hash IS NOT NULL").fetchone()[0]
            == 0
        )
