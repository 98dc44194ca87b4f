"""Debian's Chromium, headless, driven by Playwright (never ``playwright install``)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    path = shutil.which("chromium") or (CHROMIUM if Path(CHROMIUM).exists() else None)
    if path is None:
        pytest.skip("Debian's chromium is not installed (./dev test installs it as root)")
    return path


def launch(playwright: Any, profile: Path, **context: Any) -> Any:
    """A persistent context on a fresh user-data-dir (so no state leaks between tests)."""
    profile.mkdir(parents=True, exist_ok=True)
    return playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=chromium_path(),
        headless=True,
        args=FLAGS,
        **context,
    )


def sign_in(page: Any, url: str, name: str, password: str, next_path: str = "/") -> None:
    page.goto(f"{url}/login?next={next_path}")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}{next_path}")
