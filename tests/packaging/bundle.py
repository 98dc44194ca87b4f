"""What the package tests share: whether this machine can build and run the bundle, the
bundle itself (built once per source state by ``packaging/build_deb.py`` and cached under
``build/bundle/``), and the station's session under a real cage compositor.

The test command builds the bundle when the build tools are here (PyInstaller, dpkg-dev,
cage, root): about a minute on the 2-core machine, nothing when the sources have not
changed since. ``KIOSK_BUILD_BUNDLE=0`` skips the package tests instead of building.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("dpkg", "dpkg-deb", "dpkg-shlibdeps", "systemd-analyze", "cage", "Xwayland", "runuser")
SESSION = ROOT / "packaging" / "debian" / "session"


def build_deb_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "kiosk_build_deb", ROOT / "packaging/build_deb.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def why_skip() -> str | None:
    if not sys.platform.startswith("linux"):
        return "Debian packages are built on Linux"
    if os.environ.get("KIOSK_BUILD_BUNDLE") == "0":
        return "KIOSK_BUILD_BUNDLE=0"
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if not Path(sys.executable).with_name("pyinstaller").is_file():
        missing.append("pyinstaller (the dev extra)")
    if missing:
        return f"missing {', '.join(missing)} (./dev package installs them)"
    if os.geteuid() != 0:
        return "dpkg --root needs root to give the files their owners"
    return None


def bundle() -> Path:
    """The one-folder bundle for the current sources (built now unless cached)."""
    return Path(build_deb_module().bundle(ROOT / "build" / "bundle"))


def wait_for(predicate: Callable[[], object], timeout: float, every: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every)
    return False


def under_cage(
    session: Path, bundle_dir: Path, work: Path
) -> tuple[subprocess.Popen[str], Path, dict[str, str]]:
    """The unit's main process (``session``: the station under cage) as systemd would
    start it, on wlroots' headless backend, as `nobody` (cage refuses to run as root)."""
    for d in ("run", "xdg", "data", "log", "etc"):
        (work / d).mkdir(parents=True, exist_ok=True)
        shutil.chown(work / d, "nobody")
        (work / d).chmod(0o700)
    env = {
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "WLR_BACKENDS": "headless",
        "WLR_RENDERER": "pixman",
        "WLR_LIBINPUT_NO_DEVICES": "1",
        "XDG_RUNTIME_DIR": str(work / "xdg"),
        "RUNTIME_DIRECTORY": str(work / "run"),
        "STATION_KIOSK_BUNDLE": str(bundle_dir),
        "KIOSK_CONFIG": str(work / "etc/station.toml"),
        "KIOSK_DATA_DIR": str(work / "data"),
        "KIOSK_LOG_DIR": str(work / "log"),
        "QT_QPA_PLATFORM": "wayland",
        "XDG_SESSION_TYPE": "wayland",
    }
    proc = subprocess.Popen(
        [
            "runuser",
            "-u",
            "nobody",
            "--",
            "env",
            "-i",
            *(f"{k}={v}" for k, v in env.items()),
            str(session),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=work,
        start_new_session=True,
    )
    return proc, work / "log" / "kiosk.log", env


def session_pid(runuser: subprocess.Popen[str]) -> int:
    """runuser forks: the session script is its child."""
    found: list[int] = []

    def child() -> bool:
        out = subprocess.run(
            ["pgrep", "-P", str(runuser.pid)], capture_output=True, text=True, check=False
        )
        found[:] = [int(p) for p in out.stdout.split()]
        return bool(found)

    assert wait_for(child, 10, every=0.005)
    return found[0]
