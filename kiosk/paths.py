"""Where the product's own files are: the assets folder (demo package, icons, translations)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def assets_dir() -> Path:
    """``assets/`` beside the packages in a checkout, or inside a PyInstaller bundle."""
    env = os.environ.get("KIOSK_ASSETS")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "assets"
    return Path(__file__).resolve().parents[1] / "assets"
