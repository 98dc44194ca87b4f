"""The web view's own tables (users, sessions, failed logins, andon clears), beside the
bridge's. The web view only *reads* the bridge's tables (:mod:`sync.bridge.db`)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Engine,
    Float,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
)

from sync.bridge import db

metadata = MetaData()

Id = BigInteger().with_variant(Integer(), "sqlite")

#: Supervisors and quality people; separate from station tokens and ERP API keys.
web_users = Table(
    "web_users",
    metadata,
    Column("name", Text, primary_key=True),
    Column("password_hash", Text, nullable=False),  # argon2id, self-describing
    Column("role", Text, nullable=False),  # supervisor | quality
    Column("created_at", Text, nullable=False),
)

#: Sessions by the SHA-256 of the cookie's token (the token itself is never stored).
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("token_sha256", Text, primary_key=True),
    Column("user_name", Text, nullable=False),
    Column("csrf", Text, nullable=False),
    Column("expires_at", Float, nullable=False),  # unix time
)

#: Failed logins, for rate limiting across several bridge workers.
web_login_failures = Table(
    "web_login_failures",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False),  # "user:<name>" or "ip:<address>"
    Column("at", Float, nullable=False),
    Index("ix_web_login_failures_key", "key", "at"),
)

#: An andon a supervisor cleared from the web view (the station's own clear is an event).
web_andon_clears = Table(
    "web_andon_clears",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("andon_id", Text, nullable=False, unique=True),
    Column("station", Text, nullable=False),
    Column("cleared_by", Text, nullable=False),
    Column("cleared_at", Text, nullable=False),
)


def create_schema(engine: Engine) -> None:
    with engine.begin() as conn:
        db.xact_lock(conn, db.LOCK_SCHEMA)
        metadata.create_all(conn)
