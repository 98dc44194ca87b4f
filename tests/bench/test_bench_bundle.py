"""The installer bundle (one folder, PyInstaller ``kiosk.spec``): build it, smoke-test it
with its own ``kiosk self-test`` and ``kiosk --version``, report its size against the
≤ 150 MB budget. Builds only under ``KIOSK_BENCH=1`` (about 25 s and 500 MB of scratch)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.bench import FULL, Row, report

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.timeout(600),
    pytest.mark.skipif(not FULL, reason="builds the PyInstaller bundle: set KIOSK_BENCH=1"),
]


def folder_mb(folder: Path) -> float:
    # PyInstaller links shared libraries into place: count each file once, not its links.
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def test_bundle_size_and_smoke(tmp_path: Path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "build"
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    subprocess.run(
        [
            str(pyinstaller),
            "kiosk.spec",
            "--noconfirm",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    bundle = dist / "kiosk"
    exe = bundle / ("kiosk.exe" if os.name == "nt" else "kiosk")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "KIOSK_CONFIG": str(tmp_path / "station.toml"),
    }
    version = subprocess.run(
        [str(exe), "--version"], env=env, capture_output=True, text=True, check=False
    )
    assert version.returncode == 0 and version.stdout.startswith("kiosk ")
    smoke = subprocess.run(
        [str(exe), "self-test"], env=env, capture_output=True, text=True, check=False
    )
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr

    qt_lib = bundle / "_internal" / "PySide6" / "Qt" / "lib"
    icu = sum(p.stat().st_size for p in qt_lib.glob("libicu*") if not p.is_symlink()) / 1e6
    ffmpeg = (
        sum(p.stat().st_size for p in qt_lib.glob("lib*") if p.name.startswith(("libav", "libsw")))
        / 1e6
    )
    report(
        "Installer bundle (PyInstaller one folder, strip=True)",
        [
            Row("bundle folder", [folder_mb(bundle)], "MB", "≤ 150 MB", "slim PySide6: 127 MB"),
            Row("of which Qt (PySide6/)", [folder_mb(bundle / "_internal" / "PySide6")], "MB"),
            Row("of which ICU data + libs", [icu], "MB"),
            Row("of which FFmpeg (QtMultimedia)", [ffmpeg], "MB"),
        ],
    )
