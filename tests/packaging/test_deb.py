"""The station's Debian package, end to end on this machine: build the .deb from the
PyInstaller bundle, install it into a throwaway root with dpkg (its real maintainer
scripts, run chrootless with DPKG_ROOT), check files, modes, the user and the unit
(``systemd-analyze verify``), run the bundled ``kiosk self-test`` (which plays the demo's
looping video with the bundled FFmpeg and draws its PDF), run the installed service's main
process under a real cage compositor (wlroots' headless backend) and stop it as systemd
would, crash it, upgrade the package, remove it, purge it.

Slow tier, run by the test command whenever the build tools are here: the bundle
(PyInstaller, about a minute) is built once per source state and cached under
``build/bundle/`` (tests/packaging/bundle.py); ``KIOSK_BUILD_BUNDLE=0`` skips instead.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from tests.helpers.bench import Row, report
from tests.packaging.bundle import session_pid, under_cage, wait_for, why_skip

ROOT = Path(__file__).resolve().parents[2]

_SKIP = why_skip()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(900),
    pytest.mark.skipif(_SKIP is not None, reason=_SKIP or ""),
]


def build(version: str, out: Path) -> Path:
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build_deb.py"),
            "--version",
            version,
            "--out",
            str(out),
            "--compression",
            "none",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    deb = Path(run.stdout.strip().splitlines()[-1])
    assert deb.name == f"station-kiosk_{version}_amd64.deb" or deb.is_file()
    return deb


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    """World-traversable (the station runs as `nobody` under cage), removed at the end."""
    path = Path(tempfile.mkdtemp(prefix="kiosk-deb-test-", dir="/tmp"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def throwaway_root(root: Path) -> Path:
    """An empty target for dpkg --root: its database, the base accounts, and systemd's own
    units (so systemd-analyze can resolve the targets the unit hangs off)."""
    for d in ("etc", "var/lib/dpkg/info", "var/lib/dpkg/updates", "lib/systemd/system"):
        (root / d).mkdir(parents=True, exist_ok=True)
    for f in ("var/lib/dpkg/status", "var/lib/dpkg/available"):
        (root / f).touch()
    (root / "etc/passwd").write_text("root:x:0:0:root:/root:/bin/sh\n")
    (root / "etc/group").write_text("root:x:0:\ndialout:x:20:\n")
    (root / "etc/shadow").write_text("root:*:19000:0:99999:7:::\n")
    (root / "etc/gshadow").write_text("root:*::\ndialout:*::\n")
    shutil.copytree(
        "/lib/systemd/system", root / "lib/systemd/system", dirs_exist_ok=True, symlinks=True
    )
    return root


def dpkg(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            "dpkg",
            f"--root={root}",
            "--force-script-chrootless",
            "--force-depends",
            "--log=/dev/null",
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def station_user(root: Path) -> tuple[int, int, list[str]]:
    fields = next(
        line.split(":")
        for line in (root / "etc/passwd").read_text().splitlines()
        if line.startswith("station-kiosk:")
    )
    groups = [
        g.split(":")[0]
        for g in (root / "etc/group").read_text().splitlines()
        if "station-kiosk" in g.split(":")[3]
    ]
    assert fields[6] == "/usr/sbin/nologin"
    return int(fields[2]), int(fields[3]), groups


def test_the_package_installs_runs_under_cage_upgrades_and_purges(scratch: Path) -> None:
    started = time.monotonic()
    deb = build("0.1.0", scratch / "dist")
    build_s = time.monotonic() - started
    root = throwaway_root(scratch / "root")

    # --- install ----------------------------------------------------------------------
    done = dpkg(root, "-i", str(deb))
    assert done.returncode == 0, done.stdout + done.stderr
    uid, gid, groups = station_user(root)
    assert uid < 1000 and "dialout" in groups  # a system user that may open serial ports
    bundle_dir = root / "opt/station-kiosk"
    session = root / "usr/lib/station-kiosk/session"
    exe = bundle_dir / "kiosk"
    assert exe.is_file() and mode(exe) == 0o755
    for d in ("etc/station-kiosk", "var/lib/station-kiosk", "var/log/station-kiosk"):
        path = root / d
        assert mode(path) == 0o700 and path.stat().st_uid == uid and path.stat().st_gid == gid, d
    unit = root / "lib/systemd/system/station-kiosk.service"
    text = unit.read_text()
    for line in (
        "User=station-kiosk",
        "ExecStart=/usr/lib/station-kiosk/session",
        "Restart=on-failure",
        "StartLimitBurst=5",
        "StartLimitIntervalSec=600",
        "KillMode=mixed",
        "Environment=KIOSK_CONFIG=/etc/station-kiosk/station.toml",
        "Environment=KIOSK_DATA_DIR=/var/lib/station-kiosk",
        "Environment=KIOSK_LOG_DIR=/var/log/station-kiosk",
        "UMask=0077",
        "ExecStopPost=/usr/lib/station-kiosk/stopped",
    ):
        assert line in text.splitlines(), line
    assert "cage -d --" in (root / "usr/lib/station-kiosk/session").read_text()
    assert (root / "etc/systemd/system/graphical.target.wants/station-kiosk.service").is_symlink()
    assert "NAutoVTs=0" in (root / "usr/lib/systemd/logind.conf.d/station-kiosk.conf").read_text()
    assert "kernel.sysrq = 0" in (root / "usr/lib/sysctl.d/station-kiosk.conf").read_text()
    assert mode(root / "etc/pam.d/station-kiosk") == 0o644
    assert not [
        p
        for p in (root / "opt/station-kiosk").rglob("*.so*")
        if p.is_file() and not p.is_symlink() and mode(p) & 0o111
    ]
    verify = subprocess.run(
        ["systemd-analyze", "verify", f"--root={root}", "station-kiosk.service"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert verify.returncode == 0 and not verify.stdout.strip() and not verify.stderr.strip(), (
        verify.stdout + verify.stderr
    )

    # --- the bundled kiosk, offscreen -------------------------------------------------
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_CONFIG": str(scratch / "selftest/station.toml"),
        "KIOSK_DATA_DIR": str(scratch / "selftest/data"),
        "KIOSK_LOG_DIR": str(scratch / "selftest/log"),
    }
    t0 = time.monotonic()
    version = subprocess.run(
        [str(exe), "--version"], env=env, capture_output=True, text=True, check=False
    )
    version_s = time.monotonic() - t0
    assert version.returncode == 0 and version.stdout.startswith("kiosk "), version.stderr
    t0 = time.monotonic()
    test = subprocess.run(
        [str(exe), "self-test"], env=env, capture_output=True, text=True, check=False
    )
    self_test_s = time.monotonic() - t0
    assert test.returncode == 0, test.stdout + test.stderr
    assert "pipewire" not in test.stdout + test.stderr
    # The bundled FFmpeg backend plays the demo's looping video; QtPdf draws its PDF.
    assert "ok   video: " in test.stdout and "plays and loops" in test.stdout, test.stdout
    assert "ok   PDF: " in test.stdout and "page 1 of" in test.stdout, test.stdout

    # --- the service's main process under cage: start, stop as systemd does ----------
    proc, log, _ = under_cage(session, bundle_dir, scratch / "cage")
    t0 = time.monotonic()
    try:
        assert wait_for(
            lambda: log.is_file() and "on screen (Qt platform wayland)" in log.read_text(), 90
        ), log.read_text() if log.is_file() else "no kiosk.log"
        on_screen_s = time.monotonic() - t0
        # The stop in the first moments on screen: tests/packaging/test_stop.py.
        assert wait_for(lambda: "first frame painted" in log.read_text(), 30), log.read_text()
        time.sleep(0.5)
        os.kill(session_pid(proc), signal.SIGTERM)  # KillMode=mixed: the main process only
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0, out + log.read_text()  # a requested stop: no restart
    text = log.read_text()
    assert (
        "stopping: SIGTERM received" in text
        and "station stopped: devices, sync and database closed" in text
    )
    assert "stop requested; asking the station to close" in out

    # --- a crash: the session hands the station's status to systemd (Restart=on-failure)
    proc, log, _ = under_cage(session, bundle_dir, scratch / "cage")
    try:
        assert wait_for(lambda: log.read_text().count("on screen") >= 2, 90)
        pid = int((scratch / "cage/run/station.pid").read_text())
        os.kill(pid, signal.SIGKILL)
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 128 + signal.SIGKILL, out
    stopped = subprocess.run(
        [str(root / "usr/lib/station-kiosk/stopped")],
        env={
            "PATH": "/usr/bin:/bin",
            "SERVICE_RESULT": "exit-code",
            "EXIT_CODE": "exited",
            "EXIT_STATUS": "137",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert "stopped unexpectedly (exit-code: exited 137); restarting it in 5 s" in stopped.stdout

    # --- a database from a newer version: one line in the log, the reason on screen ---
    station_db = scratch / "cage/data/station.db"
    with closing(sqlite3.connect(station_db)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    for f in station_db.parent.iterdir():  # what root's sqlite3 left is the station's again
        shutil.chown(f, "nobody")
    digest = hashlib.sha256(station_db.read_bytes()).hexdigest()
    proc, log, _ = under_cage(session, bundle_dir, scratch / "cage")
    try:
        assert wait_for(lambda: "reason is on screen" in log.read_text(), 90), log.read_text()
        assert proc.poll() is None  # it stays up with the sentence: no restart loop
        os.kill(session_pid(proc), signal.SIGTERM)
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 1, out
    why = [line for line in log.read_text().splitlines() if "cannot start: The station" in line]
    assert len(why) == 1 and "newer kiosk version (schema 9999)" in why[0], why
    assert hashlib.sha256(station_db.read_bytes()).hexdigest() == digest

    # --- upgrade keeps the station's data; remove keeps it; purge deletes it ----------
    db = root / "var/lib/station-kiosk/station.db"
    db.write_bytes(b"the station's record")
    os.chown(db, uid, gid)
    db.chmod(0o600)
    (root / "etc/station-kiosk/station.toml").write_text("[station]\nid = 'ST-03'\n")
    newer = build("0.1.1", scratch / "dist")
    done = dpkg(root, "-i", str(newer))
    assert done.returncode == 0, done.stdout + done.stderr
    status = dpkg(root, "-s", "station-kiosk").stdout
    assert "Version: 0.1.1" in status and "Status: install ok installed" in status
    assert db.read_bytes() == b"the station's record" and mode(db) == 0o600
    assert station_user(root)[:2] == (uid, gid)  # the same user, not a second one

    done = dpkg(root, "-r", "station-kiosk")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not exe.exists()
    assert db.read_bytes() == b"the station's record"
    assert (root / "etc/station-kiosk/station.toml").is_file()
    done = dpkg(root, "-P", "station-kiosk")
    assert done.returncode == 0, done.stdout + done.stderr
    for d in ("etc/station-kiosk", "var/lib/station-kiosk", "var/log/station-kiosk"):
        assert not (root / d).exists(), d

    size_mb = deb.stat().st_size / 1e6
    installed_mb = (
        int(
            subprocess.run(
                ["dpkg-deb", "-f", str(deb), "Installed-Size"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        / 1024
    )
    report(
        "Debian package (dpkg-deb from the PyInstaller bundle; this run)",
        [
            Row("build the .deb (bundle cached by source hash)", [build_s], "s"),
            Row(".deb, uncompressed (--compression none)", [size_mb], "MB"),
            Row("installed size", [installed_mb], "MB"),
            Row("bundled kiosk --version, first run after install", [version_s * 1000], "ms"),
            Row("bundled kiosk self-test (Qt, database, assets)", [self_test_s * 1000], "ms"),
            Row(
                "session start under cage → station on screen (Wayland)", [on_screen_s * 1000], "ms"
            ),
        ],
    )
