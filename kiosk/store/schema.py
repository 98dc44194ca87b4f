"""The station database's tables (SQLAlchemy Core).

Two kinds of tables:

- **master data** that comes down from the ERP bridge or an import: products, operators,
  work orders, instruction revisions, media;
- **the record**: ``events`` (append-only, gap-free ``seq`` = station_seq) and the
  *projections* derived from it (units, step results, consumptions, station state, andon,
  downtime). Projections are only written by ``kiosk.store.events.project`` so that
  replaying the events rebuilds them exactly.

Schema changes go through Alembic migrations in ``kiosk/store/migrations``.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    text,
)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

# --- master data -----------------------------------------------------------------------

products = Table(
    "products",
    metadata,
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("picture", Text),
    Column("data", JSON, nullable=False),
)

operators = Table(
    "operators",
    metadata,
    Column("id", Text, primary_key=True),
    Column("badge", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("language", Text, nullable=False, server_default="en"),
    Column("roles", JSON, nullable=False),
    Column("certifications", JSON, nullable=False),
    Column("pin_hash", Text),
    Column("active", Boolean, nullable=False, server_default=text("1")),
)

work_orders = Table(
    "work_orders",
    metadata,
    Column("number", Text, primary_key=True),
    Column("product", Text, nullable=False),
    Column("operation", Text, nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("due", Text),
    Column("priority", Integer, nullable=False, server_default="3"),
    Column("status", Text, nullable=False, server_default="released"),
    Column("station", Text),
    # Progress is the station's own record: written by projections only.
    Column("done", Integer, nullable=False, server_default="0"),
    Column("scrapped", Integer, nullable=False, server_default="0"),
    Column("next_serial", Integer, nullable=False, server_default="1"),
)

revisions = Table(
    "revisions",
    metadata,
    Column("key", Text, primary_key=True),  # document_id@revision
    Column("document_id", Text, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("status", Text, nullable=False),
    Column("product", Text, nullable=False),
    Column("operation", Text, nullable=False),
    Column("document", JSON, nullable=False),
    Column("imported_at", Text, nullable=False),
    Index("ix_revisions_product_operation", "product", "operation"),
)

media = Table(
    "media",
    metadata,
    Column("sha256", Text, primary_key=True),
    Column("type", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("present", Boolean, nullable=False, server_default=text("0")),
)

# --- the record --------------------------------------------------------------------------

events = Table(
    "events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),  # station_seq, gap-free
    Column("event_id", Text, nullable=False, unique=True),
    Column("type", Text, nullable=False),
    Column("occurred_at", Text, nullable=False),
    Column("operator_id", Text),
    Column("schema_version", Integer, nullable=False),
    Column("payload", Text, nullable=False),  # canonical JSON, hashed as is
    Column("payload_sha256", Text, nullable=False),
    Column("sync_state", Text, nullable=False, server_default="pending"),
    Column("sync_code", Text),
    Column("sync_reason", Text),
    Column("synced_at", Text),
    Index("ix_events_sync", "sync_state", "seq"),
)

station_state = Table(
    "station_state",
    metadata,
    Column("id", Integer, primary_key=True),  # always 1
    Column("operator_id", Text),
    Column("work_order", Text),
    Column("unit_id", Text),
    Column("last_activity", Text),
    Column("step_started_at", Text),
)

units = Table(
    "units",
    metadata,
    Column("id", Text, primary_key=True),
    Column("serial", Text, nullable=False, unique=True),
    Column("work_order", Text, nullable=False),
    Column("operation", Text, nullable=False),
    Column("revision", Text, nullable=False),
    Column("state", Text, nullable=False),
    Column("started_at", Text, nullable=False),
    Column("finished_at", Text),
    Column("operator_id", Text),
    Column("scrap_reason", Text),
    Index("ix_units_work_order", "work_order"),
)

step_results = Table(
    "step_results",
    metadata,
    Column("unit_id", Text, nullable=False),
    Column("step_id", Text, nullable=False),
    Column("status", Text, nullable=False),  # ok | nok | skipped | overridden | partial
    Column("attempt", Integer, nullable=False),
    Column("data", JSON, nullable=False),
    Column("started_at", Text, nullable=False),
    Column("finished_at", Text, nullable=False),
    PrimaryKeyConstraint("unit_id", "step_id"),
)

consumptions = Table(
    "consumptions",
    metadata,
    Column("unit_id", Text, nullable=False),
    Column("step_id", Text, nullable=False),
    Column("part", Text, nullable=False),
    Column("serial", Text),
    Column("lot", Text),
    Column("gtin", Text),
    Column("raw", Text, nullable=False),
    PrimaryKeyConstraint("unit_id", "step_id"),
    # A serial-tracked component goes into one unit only.
    Index(
        "ux_consumptions_part_serial",
        "part",
        "serial",
        unique=True,
        # The station's store is SQLite only; a ``postgresql_where`` here would make
        # SQLAlchemy import its PostgreSQL dialect (~25 ms) at every kiosk start.
        sqlite_where=text("serial IS NOT NULL"),
    ),
)

andons = Table(
    "andons",
    metadata,
    Column("id", Text, primary_key=True),
    Column("category", Text, nullable=False),
    Column("note", Text, nullable=False, server_default=""),
    Column("raised_at", Text, nullable=False),
    Column("raised_by", Text),
    Column("cleared_at", Text),
    Column("cleared_by", Text),
)

downtimes = Table(
    "downtimes",
    metadata,
    Column("id", Text, primary_key=True),
    Column("reason", Text, nullable=False),
    Column("started_at", Text, nullable=False),
    Column("ended_at", Text),
    Column("operator_id", Text),
    Column("minutes", Float),
)

#: Tables rebuilt from events alone; compared by the replay property test.
PROJECTIONS = (station_state, units, step_results, consumptions, andons, downtimes)
