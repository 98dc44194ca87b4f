"""A normal Python install: ``pip install .`` builds a wheel (not editable) whose ``kiosk``
finds its assets through importlib.resources, passes its self-test and runs a unit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_every_source_package_is_listed_for_the_wheel() -> None:
    """pyproject lists its packages (assets/ is renamed to kiosk_assets, which find cannot
    do): a subpackage missing from the list would be missing from every wheel."""
    from setuptools import find_packages

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = set(find_packages(str(ROOT), include=["kiosk*", "ui*", "hardware*", "sync*"]))
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert "kiosk_assets" in listed


@pytest.mark.timeout(240)
def test_the_built_wheel_installs_and_runs_in_a_fresh_venv(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    (wheel,) = wheels.glob("station_kiosk-*.whl")

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # The dependencies (PySide6 is 600 MB) come from the development venv as a plain path
    # entry: its .pth files, the editable install's finder among them, are not processed,
    # so `kiosk` can only come from the wheel.
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(py),
            "install",
            "-q",
            "--no-deps",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    kiosk = env_dir / "bin" / "kiosk"
    assert kiosk.is_file()

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "KIOSK_CONFIG": str(tmp_path / "station.toml"),
        "KIOSK_LOG_DIR": str(tmp_path / "log"),
    }
    env.pop("KIOSK_ASSETS", None)
    work = tmp_path / "elsewhere"  # not the checkout: its assets/ must not be what is found
    work.mkdir()
    where = subprocess.run(
        [
            str(py),
            "-c",
            "import kiosk, kiosk.paths; print(kiosk.__file__); print(kiosk.paths.assets_dir())",
        ],
        env=env,
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert where[0].startswith(str(site)), where
    assert where[1] == str(site / "kiosk_assets"), where

    test = subprocess.run(
        [str(kiosk), "self-test"], env=env, cwd=work, capture_output=True, text=True, check=False
    )
    assert test.returncode == 0, test.stdout + test.stderr
    assert f"ok   assets: {site / 'kiosk_assets'}" in test.stdout
    assert "pipewire" not in test.stdout + test.stderr  # Qt's probe noise stays off the terminal

    run = subprocess.run(
        [str(kiosk), "autopilot", "--units", "1"],
        env=env,
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    summary = json.loads(run.stdout)
    assert summary["units"] == 1, summary
