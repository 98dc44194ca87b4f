"""Where the product's own files are: the assets folder (demo package, icons, translations)."""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

#: The name ``assets/`` is installed under by a wheel (pyproject maps the folder to it).
ASSETS_PACKAGE = "kiosk_assets"


def assets_dir() -> Path:
    """The one answer to "where are the assets": ``$KIOSK_ASSETS``, else inside a
    PyInstaller bundle, else ``assets/`` at the top of a source checkout, else the
    ``kiosk_assets`` package a wheel installed (through :mod:`importlib.resources`)."""
    env = os.environ.get("KIOSK_ASSETS")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "assets"
    checkout = Path(__file__).resolve().parents[1]
    if (checkout / "pyproject.toml").is_file() and (checkout / "assets").is_dir():
        return checkout / "assets"
    try:
        installed = resources.files(ASSETS_PACKAGE)
    except ModuleNotFoundError:
        return checkout / "assets"  # self-test names this path as missing
    # A wheel is installed unpacked, so this is a real folder on disk (Qt needs paths).
    return Path(str(installed))
