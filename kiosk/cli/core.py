"""Core commands: validate, import, autopilot, db check, db backup."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from kiosk.config import Config, load_config

EXIT_INVALID = 2


def _config(args: argparse.Namespace) -> Config:
    return load_config(Path(args.config) if getattr(args, "config", None) else None)


def _print_problems(title: str, problems: list[Any], stream: Any = sys.stderr) -> None:
    print(title, file=stream)
    for p in problems:
        print(f"  {p}", file=stream)


def cmd_validate(args: argparse.Namespace) -> int:
    from kiosk.errors import PackageError
    from kiosk.package import load_package

    try:
        loaded = load_package(Path(args.package))
    except PackageError as err:
        if args.json:
            print(json.dumps({"valid": False, "problems": [p.as_dict() for p in err.problems]}))
        else:
            _print_problems(f"{args.package}: INVALID", err.problems)
        return EXIT_INVALID
    rev = loaded.revision
    if args.json:
        print(
            json.dumps(
                {
                    "valid": True,
                    "revision": rev.key,
                    "steps": len(rev.steps),
                    "media": len(loaded.media),
                    "warnings": [w.as_dict() for w in loaded.warnings],
                }
            )
        )
    else:
        print(
            f"{args.package}: valid — {rev.key} ({rev.status.value}), {rev.product} "
            f"{rev.operation}, {len(rev.steps)} steps, {len(loaded.media)} media files"
        )
        if loaded.warnings:
            _print_problems("warnings:", loaded.warnings, sys.stdout)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from kiosk.errors import PackageError
    from kiosk.package import load_package
    from kiosk.store import open_store
    from kiosk.store.masterdata import import_package

    cfg = _config(args)
    try:
        loaded = load_package(Path(args.package))
    except PackageError as err:
        _print_problems(f"{args.package}: INVALID, nothing imported", err.problems)
        return EXIT_INVALID
    store = open_store(cfg.database_path)
    try:
        rev = import_package(store, loaded, cfg.media_dir)
    finally:
        store.close()
    print(f"imported {rev.key} ({len(rev.steps)} steps) into {cfg.database_path}")
    return 0


def cmd_autopilot(args: argparse.Namespace) -> int:
    from kiosk import autopilot
    from kiosk.demo import seed_demo
    from kiosk.engine import StationEngine
    from kiosk.store import open_store

    if args.units < 1:
        print("kiosk: --units must be at least 1.", file=sys.stderr)
        return EXIT_INVALID
    if args.sync and not args.config:
        print("kiosk: --sync needs --config (a provisioned station).", file=sys.stderr)
        return EXIT_INVALID
    cfg = None
    if args.config:
        cfg = _config(args)
        store = open_store(cfg.database_path)
    else:
        # A throwaway demo station, so a burn-in never writes into a real station's record.
        data = Path(tempfile.mkdtemp(prefix="kiosk-autopilot-"))
        store = open_store(data / "station.db")
        seed_demo(store, data / "media")
    rig = None
    try:
        engine = StationEngine(store)
        if args.devices == "simulated":
            from kiosk.cli.simulated_devices import SimulatedDevices

            rig = SimulatedDevices(engine, replug_s=args.replug_s).start()
            summary = autopilot.run(
                engine, args.units, seed=args.seed, nok_rate=args.nok_rate,
                scan=rig.scan, tighten=rig.tighten,
            )  # fmt: skip
            rig.stop()  # a fault still in progress ends first: its figures are in
            summary["devices"] = rig.figures()
        else:
            summary = autopilot.run(engine, args.units, seed=args.seed, nok_rate=args.nok_rate)
        if args.sync:
            from kiosk.cli.sync import push_once

            summary["sync"] = push_once(cfg, store)
    finally:
        if rig is not None:
            rig.stop()
        store.close()
    print(json.dumps(summary, indent=2 if args.pretty else None))
    return 0


def cmd_db_check(args: argparse.Namespace) -> int:
    from kiosk.store import open_store

    cfg = _config(args)
    if not cfg.database_path.exists():
        print(json.dumps({"ok": False, "path": str(cfg.database_path), "error": "no database yet"}))
        return 1
    store = open_store(cfg.database_path, migrate=False)
    try:
        report = store.check()
    finally:
        store.close()
    print(json.dumps(report.as_dict()))
    return 0 if report.ok else 1


def cmd_db_backup(args: argparse.Namespace) -> int:
    from kiosk.store import open_store

    cfg = _config(args)
    if not cfg.database_path.exists():
        print(f"kiosk: there is no station database at {cfg.database_path} yet.", file=sys.stderr)
        return 1
    store = open_store(cfg.database_path, migrate=False)
    try:
        target = store.backup(Path(args.path))
    finally:
        store.close()
    print(f"backed up {cfg.database_path} to {target}")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("validate", help="check an instruction package (exit 2 if invalid)")
    p.add_argument("package", help="package folder, .zip or package.json")
    p.add_argument("--json", action="store_true", help="machine-readable result")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("import", help="load an instruction package into this station")
    p.add_argument("package")
    p.add_argument("--config", help="station configuration file")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("autopilot", help="headless burn-in: run N units, print a JSON summary")
    p.add_argument("--units", type=int, required=True)
    p.add_argument("--config", help="run on this station's database instead of a demo one")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--nok-rate", type=float, default=0.08, help="share of NOK device results")
    p.add_argument("--pretty", action="store_true")
    p.add_argument(
        "--devices",
        choices=("none", "simulated"),
        default="none",
        help="simulated: scans and tightenings through a pty scanner and an Open Protocol "
        "controller read by the real drivers (SIGUSR1 unplugs and replugs the scanner, "
        "SIGUSR2 restarts the controller); none: straight into the engine",
    )
    p.add_argument("--replug-s", type=float, default=0.5, help="how long a fault lasts")
    p.add_argument(
        "--sync",
        action="store_true",
        help="push to the bridge once after the units (as kiosk sync now; needs --config)",
    )
    p.set_defaults(func=cmd_autopilot)

    db = sub.add_parser("db", help="station database: check, backup")
    dbs = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    p = dbs.add_parser("check", help="integrity and schema version (JSON); exit 1 if not ok")
    p.add_argument("--config")
    p.set_defaults(func=cmd_db_check)
    p = dbs.add_parser("backup", help="online backup to PATH")
    p.add_argument("path")
    p.add_argument("--config")
    p.set_defaults(func=cmd_db_backup)
