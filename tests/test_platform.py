"""Regression guard for DESIGN.md's PySide6 pin.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every void-returning call
and aborts the process (``Fatal Python error: none_dealloc``) after a few thousand calls.
The pin in pyproject.toml keeps 3.11 on 6.11.3; this test proves the installed binding does
not leak, in a child process so an abort cannot take the test run down with it.
"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys

CHILD = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for i in range(5000):
    label.setText("x")  # void-returning call
after = sys.getrefcount(None)
print(after - before)
"""


def test_installed_pyside6_respects_the_pin() -> None:
    version = importlib.metadata.version("PySide6")
    if sys.version_info < (3, 12):
        assert version != "6.12.0", "PySide6 6.12.0 aborts on Python 3.11: see DESIGN.md"


def test_void_calls_do_not_drain_the_refcount_of_none() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CHILD],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.returncode == 0, f"the process died: {out.returncode} {out.stderr[-500:]}"
    delta = int(out.stdout.strip().splitlines()[-1])
    if sys.version_info >= (3, 12):
        return  # None is immortal there; its refcount is a constant
    assert abs(delta) < 100, f"refcount of None moved by {delta} over 5,000 calls"
