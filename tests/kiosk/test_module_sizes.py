"""A module over about 500 lines says at its top why it is not split (kiosk/, sync/,
hardware/; ui/ keeps its own)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 500
SAYS_WHY = re.compile(r"not split|why one module|over 500 lines", re.IGNORECASE)


def test_every_long_module_says_why_it_is_not_split() -> None:
    silent = []
    for package in ("kiosk", "sync", "hardware"):
        for path in sorted((ROOT / package).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            if text.count("\n") <= LIMIT or "/migrations/" in path.as_posix():
                continue
            doc = ast.get_docstring(ast.parse(text)) or ""
            if not SAYS_WHY.search(doc):
                silent.append(f"{path.relative_to(ROOT)} ({text.count(chr(10))} lines)")
    assert not silent, "long modules without a reason at the top: " + ", ".join(silent)
