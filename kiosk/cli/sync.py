"""``kiosk sync now``, ``kiosk sync status``, ``kiosk sync dead-letters`` and
``kiosk provision``. Machine-readable output is JSON on stdout; messages go to stderr."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_AUTH = 3


def register(sub: Any) -> None:
    sync = sub.add_parser("sync", help="exchange events and master data with the ERP bridge")
    ssub = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    p = ssub.add_parser("now", help="one push + pull cycle now; JSON summary")
    p.add_argument("--config", type=Path, default=None)
    p.add_argument("--attempts", type=int, default=3, help="retries on network failure")
    p.set_defaults(func=cmd_now)
    p = ssub.add_parser("status", help="queue depth, dead letters, last success — JSON")
    p.add_argument("--config", type=Path, default=None)
    p.set_defaults(func=cmd_status)
    p = ssub.add_parser("dead-letters", help="events the bridge refused (JSON lines)")
    p.add_argument("--config", type=Path, default=None)
    p.add_argument("--retry", type=int, nargs="*", metavar="SEQ", help="queue again (all if none)")
    p.set_defaults(func=cmd_dead_letters)

    p = sub.add_parser("provision", help="unattended setup: bridge URL, station id, token")
    p.add_argument("--bridge", required=True, metavar="URL")
    p.add_argument("--station", required=True, metavar="ID")
    p.add_argument("--token-file", required=True, type=Path, metavar="F")
    p.add_argument("--ca", type=Path, default=None, metavar="F", help="CA file for TLS")
    p.add_argument("--config", type=Path, default=None, help="config file to write")
    p.add_argument("--no-check", action="store_true", help="do not contact the bridge")
    p.set_defaults(func=cmd_provision)


def _open(config: Path | None) -> tuple[Any, Any]:
    from kiosk.config import load_config
    from kiosk.store import open_store

    cfg = load_config(config)
    return cfg, open_store(cfg.database_path)


def cmd_status(args: argparse.Namespace) -> int:
    from sync.client import read_status

    cfg, store = _open(args.config)
    try:
        status = read_status(store, configured=bool(cfg.bridge.url and cfg.bridge.token_file))
    finally:
        store.close()
    print(json.dumps(status.as_dict() | {"station": cfg.station.id, "bridge": cfg.bridge.url}))
    return EXIT_OK


def cmd_now(args: argparse.Namespace) -> int:
    from sync.client import AuthFailed, SyncError, coordinator_from_config

    cfg, store = _open(args.config)
    try:
        coordinator = coordinator_from_config(cfg, store)
        try:
            report = coordinator.run_once(attempts=max(1, args.attempts))
        except AuthFailed as err:
            _say(f"sync refused: {err}. Re-provision the station (kiosk provision).")
            print(json.dumps({"ok": False, "status": coordinator.status().as_dict()}))
            return EXIT_AUTH
        except SyncError as err:
            _say(f"sync failed: {err}. Events stay queued; try again later.")
            print(json.dumps({"ok": False, "status": coordinator.status().as_dict()}))
            return EXIT_FAILED
        print(
            json.dumps(
                {"ok": True, "report": report.as_dict(), "status": coordinator.status().as_dict()}
            )
        )
        return EXIT_OK
    finally:
        store.close()


def cmd_dead_letters(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from kiosk.store import outbox

    _cfg, store = _open(args.config)
    try:
        if args.retry is not None:
            with store.write() as conn:
                n = outbox.retry_dead(conn, args.retry or None)
            _say(f"{n} event(s) queued again; they go with the next sync.")
            return EXIT_OK
        with store.read() as conn:
            for d in outbox.dead_letters(conn):
                print(json.dumps(asdict(d)))
    finally:
        store.close()
    return EXIT_OK


def cmd_provision(args: argparse.Namespace) -> int:
    from kiosk.config import default_config_path, load_config

    path = args.config or default_config_path()
    cfg = load_config(path)
    token_file = args.token_file.expanduser().resolve()
    if not token_file.is_file():
        _say(f"the token file {token_file} does not exist; nothing written.")
        return EXIT_FAILED
    cfg.station.id = args.station
    cfg.bridge.url = args.bridge.rstrip("/")
    cfg.bridge.token_file = str(token_file)
    cfg.bridge.ca_file = str(args.ca.expanduser().resolve()) if args.ca else ""
    result: dict[str, Any] = {"config": str(path), "station": args.station, "bridge": args.bridge}
    if not args.no_check:
        from sync.client import AuthFailed, BridgeSession, SyncError, read_token

        session = BridgeSession(
            cfg.bridge.url, cfg.station.id, read_token(str(token_file)), ca_file=cfg.bridge.ca_file
        )
        try:
            hello = session.hello()
        except AuthFailed as err:
            _say(
                f"the bridge at {args.bridge} refuses this token for station {args.station}: "
                f"{err}. Check the station id and token (kiosk-bridge station add); "
                "nothing written."
            )
            print(json.dumps(result | {"ok": False, "error": str(err)}))
            return EXIT_AUTH
        except SyncError as err:
            _say(
                f"the bridge at {args.bridge} did not answer: {err}. Check the URL, the "
                "network and the CA file; nothing written."
            )
            print(json.dumps(result | {"ok": False, "error": str(err)}))
            return EXIT_FAILED
        finally:
            session.close()
        result["bridge_time"] = hello.server_time.isoformat()
        result["bridge_last_seq"] = hello.last_seq
    cfg.save(path)
    print(json.dumps(result | {"ok": True}))
    return EXIT_OK


def _say(message: str) -> None:
    print(f"kiosk: {message}", file=sys.stderr)
