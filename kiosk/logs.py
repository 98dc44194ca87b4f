"""Logging: loggers named by subsystem, a rotating file in the platform's log directory."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from kiosk.config import default_log_dir
from kiosk.security import private_dir, private_file


def setup_logging(level: int = logging.INFO, log_dir: Path | None = None) -> Path | None:
    """Send all subsystem loggers to a rotating file (and warnings to stderr).

    Returns the log file path, or None when the directory cannot be written (the
    station keeps running; stderr still gets the warnings).
    """
    root = logging.getLogger()
    root.setLevel(level)
    fmt = logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(fmt)
    root.addHandler(console)
    log_dir = log_dir or default_log_dir()
    try:
        private_dir(log_dir)
        path = log_dir / "kiosk.log"
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
        )
        private_file(path)  # a log from an older version may have been 0644
    except OSError:
        return None
    handler.setFormatter(fmt)
    root.addHandler(handler)
    return path
