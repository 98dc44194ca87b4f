"""The ``kiosk`` command: the composition root.

Each command group lives in its own module with a ``register(subparsers)`` function;
heavy imports (Qt, pyserial, requests) happen inside the command functions so that
``kiosk --help`` and the headless commands start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from kiosk import __version__
from kiosk.errors import KioskError

# Modules contributing subcommands, in the order they appear in --help.
COMMAND_MODULES = (
    "kiosk.cli.station",  # run, demo, screenshots, self-test
    "kiosk.cli.core",  # validate, import, autopilot, db
    "kiosk.cli.devices",  # devices list/test/simulate
    "kiosk.cli.sync",  # sync now/status, provision
    "kiosk.cli.diagnostics",  # diagnostics OUT
    "kiosk.cli.editor",  # editor, diff
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Station kiosk: guided assembly work on the shop floor."
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    # Everything the station creates (config, token, database and its -wal/-shm, logs,
    # backups) is its owner's alone: 0600 files in 0700 folders.
    old_umask = os.umask(0o077)
    try:
        return int(func(args) or 0)
    except KioskError as err:
        print(f"kiosk: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        os.umask(old_umask)
