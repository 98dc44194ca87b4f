"""A USB scanner in keyboard mode, as the X server sees it: real X11 key events typed by
``xdotool`` into the real station window (``QT_QPA_PLATFORM=xcb``) on an Xvfb display.

Synthetic Qt key events cannot show what lost characters on a real floor: a capital is a
Shift press (a key with no text) then the letter, '@' on a German layout is AltGr+Q, an
accent is a dead key then the letter (composed by Qt's input context), keypad digits
carry the keypad modifier."""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
    reason="Xvfb and xdotool are needed (apt-get install -y xvfb xdotool; ./dev test does it)",
)


class Window:
    def __init__(self, proc: subprocess.Popen[str], env: dict[str, str]) -> None:
        self.proc = proc
        self.env = env
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def read_until(self, predicate, timeout: float = 10.0) -> list[str]:  # type: ignore[no-untyped-def]
        """Lines until ``predicate(line)`` holds (the matching one included)."""
        deadline = time.monotonic() + timeout
        got: list[str] = []
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            got.append(line)
            if predicate(line):
                return got
        raise AssertionError(f"timed out; the window said {got!r}")

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True, timeout=20)

    def scan(self, code: str) -> str:
        """Type ``code`` and Return as a scanner does: one burst, 8 ms between keys."""
        self.xdotool("type", "--delay", "8", code + "\r")
        line = self.read_until(lambda s: s.startswith("SCAN "))[-1]
        return line.removeprefix("SCAN ")


@pytest.fixture
def window(tmp_path: Path) -> Iterator[Window]:
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert xvfb.stdout is not None
        display = ":" + xvfb.stdout.readline().strip()
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "PYTHONPATH": str(ROOT),
            "LANG": "C.UTF-8",
        }
        env.pop("WAYLAND_DISPLAY", None)
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.x11_station", str(tmp_path)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        w = Window(proc, env)
        try:
            w.read_until(lambda s: s == "READY", timeout=30)
            found = subprocess.run(
                ["xdotool", "search", "--sync", "--name", "Station kiosk X11 test"],
                env=env,
                check=True,
                capture_output=True,
                text=True,
                timeout=20,
            )
            w.xdotool("windowfocus", "--sync", found.stdout.split()[0])
            yield w
        finally:
            proc.kill()
            proc.wait(10)
    finally:
        xvfb.kill()
        xvfb.wait(10)


def test_scanner_codes_arrive_whole_through_real_x11_key_events(window: Window) -> None:
    # Shift-held capitals (US layout): the codes the floor saw cut to "C-004417", "L240611"
    assert window.scan("P200-VC-004417") == "P200-VC-004417"
    assert window.scan("IMP5B-L240611") == "IMP5B-L240611"
    assert window.scan("MTR75-59732364") == "MTR75-59732364"
    # keypad digits
    window.xdotool("key", "--delay", "8", "KP_1", "KP_2", "KP_0", "KP_7", "Return")
    assert window.read_until(lambda s: s.startswith("SCAN "))[-1] == "SCAN 1207"
    # slow typing is typing: it reaches the focused field, not the engine
    window.xdotool("type", "--delay", "150", "42")
    assert window.read_until(lambda s: s == "FIELD 42")[-1] == "FIELD 42"
    # a German host layout: '@' and braces need AltGr; a dead circumflex composes 'ê'
    subprocess.run(["setxkbmap", "de"], env=window.env, check=True, timeout=20)
    assert window.scan("Ab@cD{7}") == "Ab@cD{7}"
    window.xdotool("key", "--delay", "8", "a", "b", "dead_circumflex", "e", "c", "Return")
    assert window.read_until(lambda s: s.startswith("SCAN "))[-1] == "SCAN abêc"
    # no widget focused at all: the code still arrives whole
    assert window.scan("NOFOCUS") == "NOFOCUS"
    assert window.scan("B1001-Xy") == "B1001-Xy"
