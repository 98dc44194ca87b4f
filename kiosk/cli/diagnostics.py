"""``kiosk diagnostics OUT``: one zip IT can attach to a ticket, with no secret in it.

In the zip: ``manifest.json`` (versions, paths, free disk, what is inside), ``config.toml``
(the station's settings; credentials in URLs blanked, the token never read into it),
``database-check.json``, ``station.db`` (an online backup, PIN hashes removed),
``sync-status.json``, ``devices.json`` (configured devices and whether their ports exist),
``logs/`` (kiosk.log and its rotations) and, where systemd runs the station,
``journal.txt``. The station's token, read from its token file, is blanked in every text
before it is written, so a token that reached a log line does not leave the station.

:func:`write_bundle` imports the core only, so the line lead's diagnostics screen can
write the same bundle with the status it shows.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from kiosk import __version__
from kiosk.config import Config, default_log_dir, load_config

REDACTED = "<redacted>"
#: Words of setting or column names whose values never leave the station.
SECRET_WORDS = frozenset({"token", "password", "passwd", "secret", "apikey", "pin", "hash"})


def register(sub: Any) -> None:
    p = sub.add_parser(
        "diagnostics", help="write a diagnostics zip for IT (logs, database, status; no secrets)"
    )
    p.add_argument("out", type=Path, help="the zip to write (.zip is added if missing)")
    p.add_argument("--config", type=Path, default=None)
    p.set_defaults(func=cmd_diagnostics)


def _blank_url(url: str) -> str:
    """``https://user:pass@host/x`` → ``https://<redacted>@host/x``; query strings too."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return REDACTED
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{REDACTED}@{netloc.rsplit('@', 1)[1]}"
    query = REDACTED if parts.query else ""
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def _is_secret(name: str) -> bool:
    """``token``, ``pin_hash``, ``api-key``… but not ``token_file`` (a path) or ``spindle``."""
    words = re.split(r"[_\-. ]+", name.lower())
    return bool(SECRET_WORDS.intersection(words)) and words[-1] != "file"


def _scrub(value: Any, name: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _scrub(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, name) for v in value]
    if isinstance(value, str) and _is_secret(name):
        return REDACTED
    if isinstance(value, str) and "://" in value:
        return _blank_url(value)
    return value


def _secrets(cfg: Config) -> list[str]:
    """The secret values to blank wherever they appear: the station's token."""
    out = []
    if cfg.bridge.token_file:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            token = Path(cfg.bridge.token_file).read_text(encoding="utf-8").strip()
            if len(token) >= 8:  # a short string would blank ordinary words
                out.append(token)
    return out


def _config_text(cfg: Config) -> str:
    import tomli_w

    doc = _scrub(cfg.to_toml())
    return f"# {cfg.source or 'defaults (no configuration file)'}\n" + tomli_w.dumps(doc)


def _database(cfg: Config, into: Path) -> tuple[Path | None, dict[str, Any]]:
    """An online backup without PIN hashes (VACUUM drops the freed pages that held them)."""
    from kiosk.errors import KioskError
    from kiosk.store import open_store

    if not cfg.database_path.exists():
        return None, {"ok": False, "path": str(cfg.database_path), "error": "no database yet"}
    try:
        store = open_store(cfg.database_path, migrate=False)
        try:
            check = store.check().as_dict()
            copy = store.backup(into / "station.db")
        finally:
            store.close()
    except KioskError as err:
        return None, {"ok": False, "path": str(cfg.database_path), "error": str(err)}
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in tables:
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            for col in (c for c in cols if _is_secret(c)):
                try:
                    conn.execute(f'UPDATE "{table}" SET "{col}" = NULL')
                except sqlite3.IntegrityError:  # NOT NULL: an empty text instead
                    conn.execute(f'UPDATE "{table}" SET "{col}" = \'\'')
        conn.commit()
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("VACUUM")
    return copy, check


def _devices(cfg: Config) -> list[dict[str, Any]]:
    out = []
    for d in cfg.devices:
        entry: dict[str, Any] = {
            "kind": d.kind,
            "url": _blank_url(d.url) if "://" in d.url else d.url,
        }
        entry["options"] = _scrub(dict(d.options))
        if d.url.startswith("/dev/") or d.url.upper().startswith("COM"):
            entry["port_exists"] = Path(d.url).exists() if d.url.startswith("/dev/") else None
        out.append(entry)
    return out


def _journal() -> str | None:
    """The service's recent journal, where systemd runs the station (else None)."""
    journalctl = shutil.which("journalctl")
    if journalctl is None or not Path("/run/systemd/system").is_dir():
        return None
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        run = subprocess.run(
            [
                journalctl,
                "-u",
                "station-kiosk.service",
                "-n",
                "2000",
                "--no-pager",
                "-o",
                "short-iso",
            ],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
        return run.stdout or run.stderr
    return None


def _blank(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


def write_bundle(
    cfg: Config,
    out: Path,
    *,
    sync_status: dict[str, Any] | None = None,
    log_dir: Path | None = None,
    extra: dict[str, Callable[[], Any]] | None = None,
) -> Path:
    """Write the diagnostics zip to ``out`` (``.zip`` added if missing); returns its path."""
    out = out if out.suffix == ".zip" else out.with_name(out.name + ".zip")
    secrets = _secrets(cfg)
    log_dir = log_dir or default_log_dir()
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="kiosk-diagnostics-") as tmp:
        work = Path(tmp)
        texts: dict[str, str] = {"config.toml": _config_text(cfg)}
        db_copy, check = _database(cfg, work)
        texts["database-check.json"] = json.dumps(check, indent=2)
        texts["sync-status.json"] = json.dumps(_scrub(sync_status or {}), indent=2)
        texts["devices.json"] = json.dumps(_devices(cfg), indent=2)
        journal = _journal()
        if journal is not None:
            texts["journal.txt"] = journal
        for name, make in (extra or {}).items():
            try:
                texts[name] = json.dumps(_scrub(make()), indent=2, default=str)
            except Exception as err:  # one failing section must not lose the others
                texts[name] = json.dumps({"error": str(err)})
        logs = sorted(log_dir.glob("kiosk.log*")) if log_dir.is_dir() else []
        for log in logs:
            with contextlib.suppress(OSError):
                texts[f"logs/{log.name}"] = log.read_text(encoding="utf-8", errors="replace")
        usage = None
        with contextlib.suppress(OSError):
            free = shutil.disk_usage(
                cfg.database_path.parent if cfg.database_path.parent.exists() else "/"
            )
            usage = {"total_mb": free.total // 10**6, "free_mb": free.free // 10**6}
        manifest = {
            "kiosk": __version__,
            "written_at": now.isoformat(timespec="seconds"),
            "station": cfg.station.id,
            "host": platform.node(),
            "platform": platform.platform(),
            "python": sys.version.split()[0],
            "frozen": bool(getattr(sys, "frozen", False)),
            "config": str(cfg.source) if cfg.source else None,
            "database": str(cfg.database_path),
            "log_dir": str(log_dir),
            "data_disk": usage,
            "environment": {
                k: v
                for k, v in os.environ.items()
                if k.startswith(("KIOSK_", "QT_", "XDG_SESSION"))
            },
            "files": sorted([*texts, *(["station.db"] if db_copy else [])]),
        }
        texts["manifest.json"] = json.dumps(_scrub(manifest), indent=2)
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(out.name + ".partial")
        old_umask = os.umask(0o077)  # the zip holds the station's record: 0600 like it
        try:
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                for name, text in texts.items():
                    zf.writestr(name, _blank(text, secrets))
                if db_copy is not None:
                    zf.write(db_copy, "station.db")
        finally:
            os.umask(old_umask)
        partial.replace(out)
    return out


def cmd_diagnostics(args: argparse.Namespace) -> int:
    from kiosk.errors import KioskError

    cfg = load_config(args.config)
    status: dict[str, Any] = {"station": cfg.station.id, "bridge": _blank_url(cfg.bridge.url)}
    if cfg.database_path.exists():
        try:
            from kiosk.store import open_store
            from sync.client import read_status

            store = open_store(cfg.database_path, migrate=False)
            try:
                configured = bool(cfg.bridge.url and cfg.bridge.token_file)
                status |= read_status(store, configured=configured).as_dict()
            finally:
                store.close()
        except KioskError as err:
            status["error"] = str(err)
    try:
        out = write_bundle(cfg, args.out, sync_status=status)
    except OSError as err:
        print(f"kiosk: could not write {args.out}: {err.strerror or err}.", file=sys.stderr)
        return 1
    print(out)
    return 0
