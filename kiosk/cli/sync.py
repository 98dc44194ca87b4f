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

    p = sub.add_parser(
        "provision",
        help="unattended setup: bridge URL, station id, token (exit codes: see README)",
    )
    p.add_argument("--bridge", metavar="URL")
    p.add_argument("--station", metavar="ID")
    p.add_argument(
        "--token-file", metavar="F", help="file holding the token (mode 0600), or - for stdin"
    )
    p.add_argument("--ca", default=None, metavar="F", help="CA file for TLS (the only trust)")
    p.add_argument(
        "--from",
        dest="from_file",
        type=Path,
        default=None,
        metavar="FILE",
        help="read bridge, station and token from a provisioning TOML file",
    )
    p.add_argument("--config", type=Path, default=None, help="config file to write")
    p.add_argument("--no-check", action="store_true", help="do not contact the bridge")
    p.set_defaults(func=cmd_provision)


def _open(config: Path | None) -> tuple[Any, Any]:
    from kiosk.config import load_config
    from kiosk.store import open_store

    cfg = load_config(config)
    return cfg, open_store(cfg.database_path)


def push_once(cfg: Any, store: Any) -> dict[str, Any]:
    """One push + pull cycle, one attempt, for a command that just recorded work (``kiosk
    autopilot --sync``): ``{"ok": True, "acknowledged": N}`` or ``{"ok": False, "error":
    sentence}``; a failure leaves the events queued, as ``kiosk sync now`` does."""
    from sync.client import SyncError, coordinator_from_config

    try:
        report = coordinator_from_config(cfg, store).run_once(attempts=1)
    except SyncError as err:
        return {"ok": False, "error": str(err)}
    return {"ok": True, "acknowledged": report.acknowledged()}


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
    from sync.client import (
        AuthFailed,
        LocalWriteFailed,
        RetryLater,
        SyncError,
        TlsFailed,
        TokenUnreadable,
        coordinator_from_config,
    )

    cfg, store = _open(args.config)
    try:
        coordinator = coordinator_from_config(cfg, store)
        try:
            report = coordinator.run_once(attempts=max(1, args.attempts))
        except SyncError as err:
            code, advice = EXIT_FAILED, "Events stay queued; try again later."
            if isinstance(err, TokenUnreadable):
                code, advice = EXIT_TOKEN_FILE, "Fix the token file or re-provision the station."
            elif isinstance(err, AuthFailed):
                code, advice = EXIT_AUTH, "Re-provision the station (kiosk provision)."
            elif isinstance(err, TlsFailed):
                code, advice = EXIT_TLS[err.kind], "Events stay queued."
            elif isinstance(err, LocalWriteFailed):
                code, advice = EXIT_CONFIG_WRITE, err.advice
            elif isinstance(err, RetryLater):
                code = EXIT_UNREACHABLE
            _say(f"sync failed: {err}. {advice}")
            out: dict[str, Any] = {
                "ok": False,
                "exit_code": code,
                "error": str(err),
                "status": coordinator.status().as_dict(),
            }
            partial = getattr(err, "report", None)
            if partial is not None:
                out["report"] = partial.as_dict()
                out["acknowledged"] = partial.acknowledged()
            print(json.dumps(out))
            return code
        print(
            json.dumps(
                {
                    "ok": True,
                    "report": report.as_dict(),
                    "acknowledged": report.acknowledged(),
                    "status": coordinator.status().as_dict(),
                }
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


# --- provisioning ----------------------------------------------------------------------
# Exit codes IT scripts rely on (README "Provisioning a station"): the same for
# ``kiosk provision`` and ``kiosk sync now``.

EXIT_USAGE = 2  # a missing or wrong option, or a provisioning file that is not valid
EXIT_UNREACHABLE = 4  # the bridge did not answer (network, DNS, timeout, 5xx)
EXIT_TOKEN_FILE = 5  # the token file is missing, empty, or readable by other users
EXIT_CONFIG_WRITE = 6  # the configuration (or the station database) cannot be written
EXIT_TLS = {
    "ca_file_missing": 7,
    "ca_file_unreadable": 7,
    "ca_file_invalid": 7,
    "untrusted": 8,
    "expired": 9,
    "not_yet_valid": 10,
    "name_mismatch": 11,
    "tls_other": 12,
}
PROVISION_FILE = "provision.toml"
TOKEN_FILE = "token"


class ProvisionFailed(Exception):
    """A provisioning step failed; ``str()`` is the sentence, ``code`` the exit code."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def _token_from(source: str, *, stdin: Any = None) -> tuple[str, Path | None]:
    """The token and the file it came from (None for stdin). Refuses a file that other
    users can read: the token is the station's password."""
    from kiosk.security import shared_mode

    if source == "-":
        token = (stdin or sys.stdin).read().strip()
        if not token:
            raise ProvisionFailed(EXIT_TOKEN_FILE, "no token arrived on standard input")
        return token, None
    path = Path(source).expanduser().resolve()
    try:
        mode = shared_mode(path)
        if mode is not None:
            raise ProvisionFailed(
                EXIT_TOKEN_FILE,
                f"the token file {path} can be read by other users (mode {mode:04o}): "
                f"run chmod 600 {path} and provision again",
            )
        token = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError as err:
        raise ProvisionFailed(EXIT_TOKEN_FILE, f"the token file {path} does not exist") from err
    except (OSError, UnicodeDecodeError) as err:
        reason = getattr(err, "strerror", None) or "not text"
        raise ProvisionFailed(
            EXIT_TOKEN_FILE, f"the token file {path} cannot be read ({reason})"
        ) from err
    if not token or any(c.isspace() for c in token):
        raise ProvisionFailed(
            EXIT_TOKEN_FILE, f"the token file {path} must hold the token alone, on one line"
        )
    return token, path


def _check_bridge(url: str, station: str, token: str, ca_file: str | None) -> dict[str, Any]:
    """Ask the bridge whether the token is this station's; ProvisionFailed if not."""
    from sync.client import (
        AuthFailed,
        BatchRefused,
        BridgeSession,
        RetryLater,
        SyncError,
        TlsFailed,
    )

    try:
        session = BridgeSession(url, station, token, ca_file=ca_file)
    except TlsFailed as err:
        raise ProvisionFailed(EXIT_TLS[err.kind], str(err)) from err
    try:
        hello = session.station_hello()
        if hello is not None:
            return {"bridge_last_seq": hello.last_seq, "clock_skew_s": hello.clock_skew_s}
        old = session.hello()  # a bridge from before the hello endpoint
        return {"bridge_last_seq": old.last_seq, "bridge_time": old.server_time.isoformat()}
    except AuthFailed as err:
        raise ProvisionFailed(
            EXIT_AUTH,
            f"the bridge at {url} refuses this token for station {station}: {err}. Check the "
            "station id and the token (kiosk-bridge station add)",
        ) from err
    except TlsFailed as err:
        raise ProvisionFailed(EXIT_TLS[err.kind], str(err)) from err
    except (RetryLater, BatchRefused) as err:
        raise ProvisionFailed(
            EXIT_UNREACHABLE,
            f"the bridge at {url} did not answer: {err}. Check the URL and the network",
        ) from err
    except SyncError as err:
        raise ProvisionFailed(EXIT_UNREACHABLE, f"the bridge at {url}: {err}") from err
    finally:
        session.close()


def provision(
    config_path: Path,
    *,
    bridge: str,
    station: str,
    token_source: str,
    ca: str | None = None,
    check: bool = True,
    station_settings: dict[str, Any] | None = None,
    stdin: Any = None,
) -> dict[str, Any]:
    """Configure this station for ``bridge``: check the token with the bridge, then write
    the token (when it came inline or on stdin) and the config, each atomically and 0600.
    Nothing is written when a step fails. Running it again with the same input changes
    nothing (``changed: false``)."""
    import re
    from urllib.parse import urlsplit

    from kiosk.config import load_config, parse_config
    from kiosk.errors import ConfigError
    from kiosk.security import private_dir, private_file, write_private

    config_path = config_path.expanduser().absolute()
    url = bridge.strip().rstrip("/")
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise ProvisionFailed(
            EXIT_USAGE, f"the bridge URL {bridge!r} must look like https://host:port"
        )
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", station):
        raise ProvisionFailed(
            EXIT_USAGE, f"the station id {station!r} may hold letters, digits, . _ - only"
        )
    token, token_path = _token_from(token_source, stdin=stdin)
    ca_file = str(Path(ca).expanduser().resolve()) if ca else ""
    if ca_file:
        from sync.client import TlsFailed, check_ca_file

        try:
            check_ca_file(ca_file)
        except TlsFailed as err:
            raise ProvisionFailed(EXIT_TLS[err.kind], str(err)) from err
    try:
        cfg = load_config(config_path)
    except (ConfigError, OSError) as err:
        raise ProvisionFailed(
            EXIT_CONFIG_WRITE, f"the configuration {config_path} cannot be read: {err}"
        ) from err
    result: dict[str, Any] = {"config": str(config_path), "station": station, "bridge": url}
    before = cfg.to_toml() if config_path.exists() else None
    stored_token = token_path or (config_path.parent / TOKEN_FILE)
    cfg.station.id = station
    for key, value in (station_settings or {}).items():
        setattr(cfg.station, key, value)
    cfg.bridge.url = url
    cfg.bridge.token_file = str(stored_token)
    cfg.bridge.ca_file = ca_file
    try:
        parse_config(cfg.to_toml(), config_path)  # what kiosk run will read back
    except ConfigError as err:
        raise ProvisionFailed(EXIT_USAGE, str(err)) from err
    if check:
        result |= _check_bridge(url, station, token, ca_file or None)
    changed = before != cfg.to_toml()
    wrote_token = False
    try:
        if token_path is None:
            old = (
                stored_token.read_text(encoding="utf-8").strip() if stored_token.exists() else None
            )
            if old != token:
                write_private(stored_token, (token + "\n").encode("utf-8"))
                wrote_token = changed = True
        if changed:
            cfg.save(config_path)
        private_dir(cfg.data_dir)
        db = cfg.database_path  # a database from before 0600 files: tighten it
        for f in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            private_file(f)
    except OSError as err:
        if wrote_token and before is None:
            stored_token.unlink(missing_ok=True)
        raise ProvisionFailed(
            EXIT_CONFIG_WRITE,
            f"the configuration {config_path} cannot be written ({err.strerror or err}): "
            "check the folder's owner and free space",
        ) from err
    return result | {"changed": changed, "token_file": str(stored_token)}


def cmd_provision(args: argparse.Namespace) -> int:
    from kiosk.config import default_config_path

    path = args.config or default_config_path()
    try:
        if args.from_file is not None:
            result = provision_from_file(args.from_file, path, check=not args.no_check)
        else:
            missing = [
                flag
                for flag, value in (
                    ("--bridge", args.bridge),
                    ("--station", args.station),
                    ("--token-file", args.token_file),
                )
                if not value
            ]
            if missing:
                raise ProvisionFailed(
                    EXIT_USAGE, f"{', '.join(missing)} missing (or give --from FILE)"
                )
            result = provision(
                path,
                bridge=args.bridge,
                station=args.station,
                token_source=args.token_file,
                ca=args.ca,
                check=not args.no_check,
            )
    except ProvisionFailed as err:
        _say(f"{err}; nothing written.")
        print(json.dumps({"ok": False, "exit_code": err.code, "error": str(err)}))
        return err.code
    print(json.dumps(result | {"ok": True}))
    return EXIT_OK


def _read_provision_file(file: Path) -> dict[str, Any]:
    import tomllib

    from kiosk.security import shared_mode

    try:
        mode = shared_mode(file)
        doc = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise ProvisionFailed(EXIT_USAGE, f"the provisioning file {file} does not exist") from err
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ProvisionFailed(EXIT_USAGE, f"the provisioning file {file}: {err}") from err
    bridge = doc.get("bridge", {})
    station = doc.get("station", {})
    if not isinstance(bridge, dict) or not isinstance(station, dict):
        raise ProvisionFailed(EXIT_USAGE, f"{file}: [bridge] and [station] must be tables")
    if "token" in bridge and mode is not None:
        raise ProvisionFailed(
            EXIT_TOKEN_FILE,
            f"the provisioning file {file} holds a token and can be read by other users "
            f"(mode {mode:04o}): run chmod 600 {file}",
        )
    allowed_station = {"id", "name", "line", "language", "idle_lock_s"}
    unknown = sorted(
        {f"bridge.{k}" for k in bridge if k not in ("url", "token", "token_file", "ca_file")}
        | {f"station.{k}" for k in station if k not in allowed_station}
        | {k for k in doc if k not in ("bridge", "station")}
    )
    if unknown:
        allowed = ["bridge.url", "bridge.token", "bridge.token_file", "bridge.ca_file"]
        allowed += [f"station.{k}" for k in sorted(allowed_station)]
        raise ProvisionFailed(
            EXIT_USAGE,
            f"{file}: unknown {'settings' if len(unknown) > 1 else 'setting'} "
            f"{', '.join(unknown)} (allowed: {', '.join(allowed)}); fix the file and run "
            "kiosk provision again",
        )
    for need in ("url",):
        if not isinstance(bridge.get(need), str):
            raise ProvisionFailed(EXIT_USAGE, f"{file}: [bridge] {need} is missing")
    if not isinstance(station.get("id"), str):
        raise ProvisionFailed(EXIT_USAGE, f"{file}: [station] id is missing")
    if ("token" in bridge) == ("token_file" in bridge):
        raise ProvisionFailed(EXIT_USAGE, f"{file}: give [bridge] token or token_file (one)")
    return {"bridge": bridge, "station": station}


def provision_from_file(file: Path, config_path: Path, *, check: bool = True) -> dict[str, Any]:
    """``kiosk provision --from provision.toml`` and the boot-time drop-in."""
    import io

    doc = _read_provision_file(file)
    bridge, station = doc["bridge"], doc["station"]
    inline = bridge.get("token")
    extra = {k: v for k, v in station.items() if k != "id"}
    return provision(
        config_path,
        bridge=bridge["url"],
        station=station["id"],
        token_source="-" if inline is not None else str(bridge["token_file"]),
        stdin=io.StringIO(str(inline)) if inline is not None else None,
        ca=bridge.get("ca_file") or None,
        check=check,
        station_settings=extra,
    )


def provision_at_boot(config_path: Path | None) -> dict[str, Any] | None:
    """``kiosk run``: a ``provision.toml`` dropped into the config folder configures the
    station before it starts; on success the file is removed (it may hold the token). On
    failure it stays for the next start and the reason is logged; None when there is none."""
    import logging

    from kiosk.config import default_config_path

    path = config_path or default_config_path()
    file = path.parent / PROVISION_FILE
    if not file.exists():
        return None
    log = logging.getLogger("kiosk.provision")
    try:
        result = provision_from_file(file, path)
    except ProvisionFailed as err:
        log.error("provisioning from %s failed (exit %d): %s", file, err.code, err)
        return {"ok": False, "exit_code": err.code, "error": str(err)}
    file.unlink()
    log.info("provisioned station %s for %s from %s", result["station"], result["bridge"], file)
    return result | {"ok": True}


def _say(message: str) -> None:
    print(f"kiosk: {message}", file=sys.stderr)
