"""The bridge's database under Alembic: from an empty database and from the schema the
bridge made before migrations, on SQLite and PostgreSQL; the migrations match the tables."""

from __future__ import annotations

import json
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, inspect, select, text

from sync.bridge import db
from sync.bridge.service import Bridge

REVISION_TABLES = ("instruction_revisions", "feedback_answers", "signing_failures")


def _head() -> str:
    """The newest revision in the tree (one head: the migrations form one chain)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(db.MIGRATIONS))
    heads = ScriptDirectory.from_config(cfg).get_heads()
    assert len(heads) == 1, heads
    return heads[0]


def _heads(url: str) -> tuple[set[str], list[object], str]:
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    finally:
        engine.dispose()
    return names, diff, version


def test_from_an_empty_database(bridge_db_url: str, tmp_path: Path) -> None:
    Bridge.open(bridge_db_url, tmp_path / "data").close()
    names, diff, version = _heads(bridge_db_url)
    assert set(db.metadata.tables) <= names
    assert diff == [], diff  # the migrations build exactly the tables the code uses
    assert version == _head()


def test_from_the_schema_made_before_migrations(bridge_db_url: str, tmp_path: Path) -> None:
    before = MetaData()
    for name, table in db.metadata.tables.items():
        if name not in ("refusals", "bridge_meta", "auth_failures", *REVISION_TABLES):
            table.to_metadata(before)
    events = before.tables["events"]  # the feedback index came with 0003
    events.indexes = {i for i in events.indexes if i.name != "ix_events_feedback"}
    engine = db.make_engine(bridge_db_url)
    with engine.begin() as conn:
        before.create_all(conn)
        conn.execute(
            db.stations.insert().values(
                id="ST-01", name="Old", token_sha256="t" * 64, created_at="2026-01-01T00:00:00Z"
            )
        )
    engine.dispose()
    bridge = Bridge.open(bridge_db_url, tmp_path / "data")
    try:
        with bridge.engine.connect() as conn:
            assert conn.execute(select(db.stations.c.name)).scalar_one() == "Old"
        assert bridge.refusals() == [] and bridge.epoch
    finally:
        bridge.close()
    names, diff, version = _heads(bridge_db_url)
    assert {"refusals", "bridge_meta"} <= names and diff == [] and version == _head()
    # Opening again is a no-op (several workers start at once).
    Bridge.open(bridge_db_url, tmp_path / "data").close()


def test_revisions_published_before_the_workflow_stay_approved(
    bridge_db_url: str, tmp_path: Path
) -> None:
    """From 0002: a revision the stations already have is kept as approved (signed by its
    package file), so ``kiosk-bridge instructions list`` and the editor see it."""
    from alembic import command

    engine = db.make_engine(bridge_db_url)
    with engine.begin() as conn:
        command.upgrade(db._alembic(conn), "0002")
    doc = {
        "id": "P-OP10",
        "revision": 2,
        "status": "approved",
        "product": "P",
        "operation": "OP10",
        "approved_by": "Q. Smith",
        "steps": [],
    }
    with engine.begin() as conn:
        conn.execute(
            db.entities.insert().values(
                entity="instruction_revision",
                id="P-OP10@2",
                version=1,
                deleted=False,
                data=json.dumps({"document": doc}),
                updated_at="2026-11-30T10:00:00Z",
            )
        )
    engine.dispose()
    bridge = Bridge.open(bridge_db_url, tmp_path / "data")
    try:
        (rev,) = bridge.list_revisions()
        assert (rev.key, rev.status, rev.signature.by, rev.signature.kind) == (  # type: ignore[union-attr]
            "P-OP10@2",
            "approved",
            "Q. Smith",
            "package",
        )
        assert rev.published_at == "2026-11-30T10:00:00Z"
    finally:
        bridge.close()
