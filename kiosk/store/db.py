"""Opening the station database: pragmas, migrations, known errors, backup, check.

SQLite in WAL mode with ``synchronous=FULL`` (NORMAL can lose committed rows on power
loss), foreign keys on and a busy timeout. Every write transaction starts with
``BEGIN IMMEDIATE`` so the gap-free event sequence is read and written under one lock.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, exc, func, select

from kiosk.errors import (
    StoreCorrupt,
    StoreError,
    StoreFull,
    StoreLocked,
    StoreMigrationFailed,
    StoreTooNew,
)

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

log = logging.getLogger("kiosk.store")

#: The newest migration in kiosk/store/migrations (a test keeps the two equal). Opening a
#: database already at this version needs no Alembic import: ~0.1 s off every start.
SCHEMA_HEAD = "0001"

MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000


def translate(err: BaseException, path: Path) -> StoreError:
    """Turn a driver error into one of the store's known errors (operators see a sentence)."""
    orig = getattr(err, "orig", err)
    text = str(orig).lower()
    if "locked" in text or "busy" in text:
        return StoreLocked(
            f"The station database {path} is locked by another program.",
            next_action="Close the other kiosk window or backup tool, then try again.",
        )
    if "disk is full" in text or "database or disk is full" in text:
        return StoreFull(
            f"The disk holding {path} is full; nothing was recorded.",
            next_action="Call IT to free disk space; the last action can then be repeated.",
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreCorrupt(
            f"The station database {path} is damaged or not a kiosk database.",
            next_action="Call IT: restore the latest backup (`kiosk db backup` makes one).",
        )
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return StoreError(
            f"The station database {path} cannot be opened for writing ({orig}).",
            next_action="Check the folder exists and the kiosk user may write to it.",
        )
    return StoreError(f"The station database {path} failed: {orig}.")


def _alembic_config(url: str) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def _known_revision(rev: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(_alembic_config("")).get_revision(rev) is not None
    except CommandError:
        return False


def head_revision() -> str:
    """The newest migration script's revision (imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    integrity: str
    schema_version: str | None
    expected_version: str
    events: int
    pending_events: int
    path: str

    def as_dict(self) -> dict[str, Any]:
        return dict(vars(self))


class Store:
    """The station's SQLite database. Use :meth:`write` for every state change."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """One durable write transaction (``BEGIN IMMEDIATE`` … ``COMMIT``).

        Known SQLite failures come out as :class:`StoreError` subclasses; the
        transaction is rolled back, so nothing is half-written.
        """
        try:
            with self.engine.begin() as conn:
                yield conn
        except exc.OperationalError as err:
            raise translate(err, self.path) from err
        except exc.DatabaseError as err:
            raise translate(err, self.path) from err
        except sqlite3.Error as err:  # the event append talks to the driver directly
            raise translate(err, self.path) from err

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect().execution_options(kiosk_read=True) as conn:
                yield conn
                conn.rollback()
        except exc.OperationalError as err:
            raise translate(err, self.path) from err

    def close(self) -> None:
        self.engine.dispose()

    def schema_version(self) -> str | None:
        with self.read() as conn:
            return current_version(conn)

    def backup(self, target: Path) -> Path:
        """An online, consistent copy (SQLite's backup API) written next to ``target``."""
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".partial")
        tmp.unlink(missing_ok=True)
        try:
            src = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
            dst = sqlite3.connect(tmp)
            with contextlib.closing(src), contextlib.closing(dst):
                src.backup(dst)
        except sqlite3.Error as err:
            tmp.unlink(missing_ok=True)
            raise translate(err, self.path) from err
        except OSError as err:
            tmp.unlink(missing_ok=True)
            raise StoreError(
                f"Could not write the backup {target}: {err.strerror}.",
                next_action="Choose a folder with free space that the kiosk may write to.",
            ) from err
        tmp.replace(target)
        return target

    def check(self) -> CheckReport:
        from kiosk.store.schema import events

        try:
            with self.read() as conn:
                integrity = "; ".join(
                    r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
                )
                version = current_version(conn)
                total = conn.execute(select(func.count()).select_from(events)).scalar_one()
                pending = conn.execute(
                    select(func.count()).where(events.c.sync_state == "pending")
                ).scalar_one()
        except exc.DatabaseError as err:
            raise translate(err, self.path) from err
        head = SCHEMA_HEAD
        return CheckReport(
            ok=integrity == "ok" and version == head,
            integrity=integrity,
            schema_version=version,
            expected_version=head,
            events=total,
            pending_events=pending,
            path=str(self.path),
        )


def _restore(backup: Path, path: Path) -> None:
    """Put ``backup`` back in place of ``path`` with SQLite's backup API (WAL and all)."""
    src = sqlite3.connect(backup)
    dst = sqlite3.connect(path)
    with contextlib.closing(src), contextlib.closing(dst):
        src.backup(dst)


def current_version(conn: Connection) -> str | None:
    """The schema version recorded in the database (Alembic's table), or None if new."""
    has_table = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).first()
    if has_table is None:
        return None
    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return str(row[0]) if row else None


def _make_engine(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    # A small pool: the UI thread and the sync worker each check out their own connection;
    # pragmas run once per connection, not per transaction.
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
        pool_size=4,
        max_overflow=4,
        # Every transaction ends in COMMIT or ROLLBACK through write()/read(); the pool's
        # own ROLLBACK on return would be one more statement per tap.
        pool_reset_on_return=None,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let us issue BEGIN ourselves (pysqlite's implicit BEGIN is deferred).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Reads take no write lock (WAL readers never block); writes lock up front.
        read = conn.get_execution_options().get("kiosk_read", False)
        # Straight to the driver: this runs on every tap (see the durable-commit benchmark).
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("BEGIN" if read else "BEGIN IMMEDIATE")

    return engine


def open_store(
    path: Path, *, migrate: bool = True, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Store:
    """Open (creating if needed) the station database and bring its schema up to date.

    An existing database is backed up before it is migrated. A database written by a
    newer kiosk is refused with :class:`StoreTooNew` and left untouched.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(
            f"Cannot create the folder for the station database {path}: {err.strerror}.",
            next_action="Check the data folder in the station configuration.",
        ) from err
    existed = path.exists() and path.stat().st_size > 0
    engine = _make_engine(path, busy_timeout_ms)
    store = Store(path, engine)
    try:
        with engine.connect() as conn:
            current = current_version(conn)
            conn.rollback()
    except exc.DatabaseError as err:
        engine.dispose()
        raise translate(err, path) from err
    if current == SCHEMA_HEAD or not migrate:
        return store
    from alembic import command

    head = head_revision()
    if current is not None and not _known_revision(current):
        engine.dispose()
        raise StoreTooNew(
            f"The station database {path} was written by a newer kiosk version "
            f"(schema {current}); this kiosk knows schema {head} and will not change it.",
            next_action="Install the newer kiosk version again, or ask IT to restore.",
        )
    backup: Path | None = None
    if existed and current is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = store.backup(path.with_name(f"{path.name}.before-{head}-{stamp}.bak"))
        log.info("backed up %s to %s before migrating %s → %s", path, backup, current, head)
    started = time.monotonic()
    try:
        with engine.begin() as conn:
            cfg = _alembic_config(str(engine.url))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as err:  # a migration script may fail in any way: restore, then say so
        engine.dispose()
        if backup is None:
            if isinstance(err, exc.DatabaseError):
                raise translate(err, path) from err
            raise StoreError(f"Creating the station database {path} failed: {err}.") from err
        _restore(backup, path)
        log.error("migrating %s %s → %s failed (%s); restored %s", path, current, head, err, backup)
        raise StoreMigrationFailed(
            f"Updating the station database {path} from schema {current} to {head} failed "
            f"({err}); it was restored from the backup {backup.name} and is unchanged.",
            next_action="Install the previous kiosk version again and call IT with "
            "`kiosk diagnostics`.",
        ) from err
    log.info("database %s at schema %s (%.0f ms)", path, head, 1000 * (time.monotonic() - started))
    return store
