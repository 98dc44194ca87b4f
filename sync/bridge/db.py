"""The bridge's tables and engine (SQLAlchemy Core; SQLite or PostgreSQL).

Exactly-once rests on the database, not on process-local locks: ``UNIQUE(station,
event_id)`` and ``UNIQUE(station, station_seq)`` with ``INSERT … ON CONFLICT DO NOTHING``,
and one row lock per station (``SELECT … FOR UPDATE``; SQLite serialises writers with
``BEGIN IMMEDIATE``), so several bridge workers can share one PostgreSQL.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Engine,
    Float,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url

metadata = MetaData()

# BIGINT on PostgreSQL, INTEGER (the rowid alias, so it autoincrements) on SQLite.
Id = BigInteger().with_variant(Integer(), "sqlite")

stations = Table(
    "stations",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("token_sha256", Text, nullable=False, unique=True),
    Column("created_at", Text, nullable=False),
    Column("last_seq", BigInteger, nullable=False, server_default="0"),
    Column("last_seen_at", Text),
    Column("clock_skew_s", Float),
    Column("clock_flagged", Boolean, nullable=False, server_default=text("false")),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("name", Text, primary_key=True),
    Column("key_sha256", Text, nullable=False, unique=True),
    Column("created_at", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("station", Text, nullable=False),
    Column("event_id", Text, nullable=False),
    Column("station_seq", BigInteger, nullable=False),
    Column("type", Text, nullable=False),
    Column("occurred_at", Text, nullable=False),
    Column("received_at", Text, nullable=False),
    Column("operator_id", Text),
    Column("schema_version", Integer, nullable=False),
    Column("payload", Text, nullable=False),  # canonical JSON, as hashed
    Column("payload_sha256", Text, nullable=False),
    Column("unit_id", Text),
    Column("flags", Text, nullable=False, server_default=""),  # comma-separated
    UniqueConstraint("station", "event_id", name="uq_events_station_event"),
    UniqueConstraint("station", "station_seq", name="uq_events_station_seq"),
    Index("ix_events_unit", "unit_id"),
    # Operators' feedback, read per revision by the editor: a partial index (only those
    # rows), so the insert path of every other event pays nothing for it.
    Index(
        "ix_events_feedback",
        "id",
        postgresql_where=text("type = 'instruction.feedback'"),
        sqlite_where=text("type = 'instruction.feedback'"),
    ),
)

# station_seqs a station declared held back (dead letters on the station): the gap they
# leave is known, not lost; a later retry of that event fills it.
held_seqs = Table(
    "held_seqs",
    metadata,
    Column("station", Text, nullable=False),
    Column("station_seq", BigInteger, nullable=False),
    Column("declared_at", Text, nullable=False),
    PrimaryKeyConstraint("station", "station_seq"),
)

# What the ERP sent, current state per entity; ``changes`` is its log for the stations.
entities = Table(
    "entities",
    metadata,
    Column("entity", Text, nullable=False),
    Column("id", Text, nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("data", Text, nullable=False),
    Column("deleted", Boolean, nullable=False, server_default=text("false")),
    Column("updated_at", Text, nullable=False),
    PrimaryKeyConstraint("entity", "id"),
)

changes = Table(
    "changes",
    metadata,
    Column("cursor", Id, primary_key=True, autoincrement=True),
    Column("entity", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("op", Text, nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("data", Text),
    Column("station", Text),  # for one station only (its own record); NULL: for all
)

media = Table(
    "media",
    metadata,
    Column("sha256", Text, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("type", Text, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("created_at", Text, nullable=False),
)

units = Table(
    "units",
    metadata,
    Column("unit_id", Text, primary_key=True),
    Column("station", Text, nullable=False),
    Column("serial", Text, nullable=False),
    Column("work_order", Text, nullable=False),
    Column("operation", Text, nullable=False),
    Column("revision", Text),
    Column("started_at", Text),
    Column("finished_at", Text),
    Column("outcome", Text, nullable=False, server_default="in_progress"),
    Column("cycle_time_s", Float),
    Column("scrap_reason", Text),
    Column("operator_id", Text),
    Index("ix_units_serial", "serial"),
    Index("ix_units_work_order", "work_order", "operation"),
)

consumptions = Table(
    "consumptions",
    metadata,
    Column("event_key", Id, primary_key=True),  # events.id
    Column("unit_id", Text, nullable=False),
    Column("serial", Text),
    Column("part", Text),
    Column("component_serial", Text),
    Column("lot", Text),
    Column("gtin", Text),
    Index("ix_consumptions_lot", "lot"),
    Index("ix_consumptions_component_serial", "component_serial"),
    Index("ix_consumptions_unit", "unit_id"),
)

downtimes = Table(
    "downtimes",
    metadata,
    Column("event_key", Id, primary_key=True),
    Column("station", Text, nullable=False),
    Column("work_order", Text),
    Column("operation", Text),
    Column("reason", Text, nullable=False),
    Column("minutes", Float, nullable=False),
    Index("ix_downtimes_work_order", "work_order", "operation"),
)

# Production performance records for the ERP. ``cursor`` is assigned when the feed is read
# (under a lock), not when the row is written: concurrent writers may commit out of id
# order, and a reader must never skip a row that commits late.
confirmations = Table(
    "confirmations",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("cursor", BigInteger, unique=True),
    Column("station", Text, nullable=False),
    Column("work_order", Text, nullable=False),
    Column("operation", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("body", Text, nullable=False),
)

# Where a feed or folder writer has got to (the outbox folder).
feed_marks = Table(
    "feed_marks",
    metadata,
    Column("name", Text, primary_key=True),
    Column("cursor", BigInteger, nullable=False),
)

# Events the bridge refused, for the line lead and the ERP to list (``not_your_unit``,
# ``serial_taken``, an invalid payload…): the station holds them as dead letters.
refusals = Table(
    "refusals",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("station", Text, nullable=False),
    Column("event_id", Text, nullable=False),
    Column("station_seq", BigInteger, nullable=False),
    Column("type", Text, nullable=False),
    Column("code", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("unit_id", Text),
    Column("refused_at", Text, nullable=False),
    UniqueConstraint("station", "event_id", "code", name="uq_refusals_station_event_code"),
)

# Key/value facts about this database: ``epoch`` (new when the database is created or found
# restored) and ``cursor_base`` (the feed's cursors continue above it after a restore).
bridge_meta = Table(
    "bridge_meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

# The revision workflow (sync.bridge.revisions): every revision of an instruction document
# the bridge holds, draft, approved or obsolete; ``document`` is canonical JSON as stored,
# ``signature`` the approval (JSON of sync.protocol.revisions.Signature).
instruction_revisions = Table(
    "instruction_revisions",
    metadata,
    Column("key", Text, primary_key=True),  # <document_id>@<revision>
    Column("document_id", Text, nullable=False),
    Column("revision", BigInteger, nullable=False),
    Column("product", Text, nullable=False),
    Column("operation", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("document", Text, nullable=False),
    Column("content_sha256", Text, nullable=False),
    Column("author", Text, nullable=False, server_default=""),
    Column("author_name", Text, nullable=False, server_default=""),
    Column("authors", Text, nullable=False, server_default="[]"),  # everyone who wrote it
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("signature", Text),
    Column("published_at", Text),
    Column("published_by", Text),
    Column("obsoleted_at", Text),
    Column("obsoleted_by", Text),
    UniqueConstraint("document_id", "revision", name="uq_instruction_revisions_doc_rev"),
    Index("ix_instruction_revisions_operation", "product", "operation"),
)

# An operator's instruction.feedback (kept in ``events``) marked answered by a revision.
feedback_answers = Table(
    "feedback_answers",
    metadata,
    Column("event_key", Id, primary_key=True),  # events.id
    Column("answered_in", Text, nullable=False),
    Column("answered_by", Text, nullable=False),
    Column("answered_at", Text, nullable=False),
    Column("note", Text, nullable=False, server_default=""),
)

# Wrong PINs given to sign on the bridge, per person and PIN hash (a new PIN starts at 0).
signing_failures = Table(
    "signing_failures",
    metadata,
    Column("operator_id", Text, primary_key=True),
    Column("pin_hash_sha256", Text, nullable=False),
    Column("failures", Integer, nullable=False),
    Column("last_failed_at", Text, nullable=False),
)

# Failed authentications, one row each, shared by every worker and host (the failed-auth
# limiter counts here, so N workers do not give an attacker N times the budget). Only
# failures write; rows older than the window are deleted as new ones arrive.
auth_failures = Table(
    "auth_failures",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False),
    Column("at", Float, nullable=False),  # Unix time, seconds
    Index("ix_auth_failures_key_at", "key", "at"),
    Index("ix_auth_failures_at", "at"),
)

#: Advisory lock keys (PostgreSQL) for the few places that must serialise writers.
LOCK_SCHEMA = 7_310_001
LOCK_CHANGES = 7_310_002
LOCK_FEED = 7_310_003
LOCK_REVISIONS = 7_310_004


def normalise_url(url: str) -> str:
    """``postgresql://`` → the psycopg 3 driver; a bare path → a SQLite file."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and parents) for the bridge's secrets: mode 0700."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)


def _private_sqlite_file(url: str) -> None:
    """The SQLite database and its WAL/SHM files: 0600 inside a 0700 folder."""
    database = make_url(url).database
    if not database or database == ":memory:":
        return
    path = Path(database)
    private_folder(path.parent)
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if not p.exists() and p == path:
            os.close(os.open(p, os.O_WRONLY | os.O_CREAT, 0o600))
        if p.exists():
            os.chmod(p, 0o600)


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    url = normalise_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        _private_sqlite_file(url)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
            os.umask(os.umask(0o077) | 0o077)  # -wal and -shm files are created 0600 too
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(
        url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True, pool_timeout=60
    )


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def xact_lock(conn: Connection, key: int) -> None:
    """Serialise writers until commit (PostgreSQL); SQLite already has one writer."""
    if is_postgres(conn):
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: The revision whose schema a database made before migrations (``create_all``) has.
BASELINE = "0001"


def _alembic(conn: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def create_schema(engine: Engine) -> None:
    """Bring the database to the newest schema with Alembic: from empty, from a database
    made before migrations (recognised by its tables, stamped as the baseline first), or
    from any earlier revision. Several workers may start at once: one migrates."""
    from alembic import command
    from sqlalchemy import inspect

    with engine.begin() as conn:
        xact_lock(conn, LOCK_SCHEMA)
        names = set(inspect(conn).get_table_names())
        cfg = _alembic(conn)
        if "alembic_version" not in names and "stations" in names:
            command.stamp(cfg, BASELINE)
        command.upgrade(cfg, "head")


def insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> Any:
    """``INSERT … ON CONFLICT DO NOTHING`` in the connection's dialect."""
    stmt: Any
    if is_postgres(conn):
        stmt = postgresql.insert(table).on_conflict_do_nothing()
    else:
        stmt = sqlite.insert(table).on_conflict_do_nothing()
    return conn.execute(stmt, list(rows))


def upsert(conn: Connection, table: Table, row: dict[str, Any], keys: Sequence[str]) -> None:
    stmt: Any
    if is_postgres(conn):
        ins = postgresql.insert(table).values(**row)
        stmt = ins.on_conflict_do_update(
            index_elements=list(keys),
            set_={k: ins.excluded[k] for k in row if k not in keys},
        )
    else:
        ins2 = sqlite.insert(table).values(**row)
        stmt = ins2.on_conflict_do_update(
            index_elements=list(keys),
            set_={k: ins2.excluded[k] for k in row if k not in keys},
        )
    conn.execute(stmt)


def upsert_many(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str]
) -> None:
    """:func:`upsert` for many rows in one statement; each key appears once in ``rows``."""
    stmt: Any
    ins: Any = postgresql.insert(table) if is_postgres(conn) else sqlite.insert(table)
    stmt = ins.on_conflict_do_update(
        index_elements=list(keys),
        set_={k: ins.excluded[k] for k in rows[0] if k not in keys},
    )
    conn.execute(stmt, list(rows))


def unique_violation() -> type[Exception]:
    """The driver's error for a broken unique constraint on PostgreSQL (psycopg's, which a
    raw driver cursor raises); a class nothing raises where psycopg is not installed."""
    try:
        from psycopg.errors import UniqueViolation
    except ImportError:  # a bridge on SQLite only

        class NoUniqueViolation(Exception):
            pass

        return NoUniqueViolation
    return UniqueViolation
