"""The station database under bad conditions: locked, full, too new, damaged."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from kiosk.errors import StoreCorrupt, StoreError, StoreFull, StoreLocked, StoreTooNew
from kiosk.store import open_store
from kiosk.store.events import load_events, record, utc_now
from kiosk.store.schema import andons, events
from tests.helpers.station import make_station, run_unit


def raise_andon(store: Any, n: int) -> None:
    with store.write() as conn:
        raise_andon_in(conn, n)


def raise_andon_in(conn: Any, n: int) -> None:
    record(
        conn,
        "andon.raised",
        {"andon_id": f"a{n}", "category": "help"},
        operator_id=None,
        occurred_at=utc_now(),
    )


def counts(store: Any) -> tuple[int, int]:
    with store.read() as conn:
        e = conn.execute(select(func.count()).select_from(events)).scalar_one()
        a = conn.execute(select(func.count()).select_from(andons)).scalar_one()
    return e, a


def test_pragmas_are_durable(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_a_locked_database_is_a_plain_sentence_and_nothing_is_half_written(
    tmp_path: Path,
) -> None:
    store = open_store(tmp_path / "s.db", busy_timeout_ms=100)
    raise_andon(store, 1)
    other = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StoreLocked) as err:
        raise_andon(store, 2)
    assert "locked by another program" in str(err.value) and "Close the other" in str(err.value)
    other.execute("ROLLBACK")
    other.close()
    assert counts(store) == (1, 1)
    raise_andon(store, 2)
    assert counts(store) == (2, 2)


def test_a_full_disk_keeps_the_last_good_state(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    raise_andon(store, 0)
    before = counts(store)
    pages = 0
    with store.read() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_conn: Any, _rec: Any) -> None:
        # SQLite answers SQLITE_FULL for a capped file exactly as for a full disk.
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    store.engine.dispose()
    with pytest.raises(StoreFull) as err:
        for n in range(1, 10_000):
            with store.write() as conn:
                for k in range(20):
                    record(
                        conn,
                        "andon.raised",
                        {"andon_id": f"b{n}-{k}", "category": "help", "note": "x" * 500},
                        operator_id=None,
                        occurred_at=utc_now(),
                    )
    assert "full" in str(err.value) and "nothing was recorded" in str(err.value)
    e, a = counts(store)
    assert e == a and e >= before[0]  # every event still has its state change, and back
    with store.read() as conn:
        assert [x.seq for x in load_events(conn)] == list(range(1, e + 1))


def test_a_database_from_a_newer_kiosk_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = open_store(path)
    raise_andon(store, 1)
    store.close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StoreTooNew) as err:
        open_store(path)
    assert "newer kiosk version" in str(err.value) and "9999" in str(err.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_a_damaged_file_is_named_with_a_next_action(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreCorrupt) as err:
        open_store(path)
    assert str(path) in str(err.value) and "backup" in str(err.value)


def test_online_backup_is_a_consistent_copy(tmp_path: Path) -> None:
    engine, _ = make_station(tmp_path)
    engine.login_badge("B1001")
    engine.select_work_order("WO-1")
    run_unit(engine)
    copy = engine.store.backup(tmp_path / "backups" / "copy.db")
    other = open_store(copy)
    with other.read() as a, engine.store.read() as b:
        assert load_events(a) == load_events(b)
    assert other.check().ok


def test_migrating_backs_the_database_up_first_and_keeps_the_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newer kiosk with one more migration: the old file is copied aside before the
    schema changes, and every event survives the migration."""
    import shutil

    from kiosk.store import db

    path = tmp_path / "s.db"
    store = open_store(path)
    raise_andon(store, 1)
    raise_andon(store, 2)
    store.close()

    newer = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS, newer, ignore=shutil.ignore_patterns("__pycache__"))
    (newer / "versions" / "0002_andon_priority.py").write_text(
        '"""andon priority"""\n'
        "import sqlalchemy as sa\n"
        "from alembic import op\n\n"
        'revision = "0002"\n'
        'down_revision = "0001"\n'
        "branch_labels = None\n"
        "depends_on = None\n\n\n"
        "def upgrade() -> None:\n"
        '    with op.batch_alter_table("andons") as batch:\n'
        '        batch.add_column(sa.Column("priority", sa.Integer(), nullable=True))\n\n\n'
        "def downgrade() -> None:\n"
        '    with op.batch_alter_table("andons") as batch:\n'
        '        batch.drop_column("priority")\n'
    )
    monkeypatch.setattr(db, "MIGRATIONS", newer)
    monkeypatch.setattr(db, "SCHEMA_HEAD", "0002")

    store = open_store(path)
    assert store.schema_version() == "0002"
    backups = list(tmp_path.glob("s.db.before-0002-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert old.execute("SELECT count(*) FROM events").fetchone()[0] == 2
    assert counts(store) == (2, 2)
    with store.read() as conn:
        cols = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(andons)")]
    assert "priority" in cols
    store.close()


def test_the_schema_head_constant_names_the_newest_migration() -> None:
    """Start-up skips Alembic when a database is at SCHEMA_HEAD: it must be the real head."""
    from kiosk.store import db

    assert db.head_revision() == db.SCHEMA_HEAD


def test_errors_are_classified_by_sqlite_code_not_by_message_text(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import sqlite3 as sq

    from kiosk.errors import StoreInternalError
    from kiosk.store.db import translate

    path = tmp_path / "s.db"

    def err(code: int, text: str) -> sq.Error:
        e = sq.OperationalError(text)
        e.sqlite_errorcode = code  # type: ignore[attr-defined]
        e.sqlite_errorname = "X"  # type: ignore[attr-defined]
        return e

    # The text says "locked"; the code (SQLITE_IOERR_WRITE = 10 | 3 << 8) says disk error.
    io = translate(err(10 | (3 << 8), "database is locked"), path)
    assert io.code == "store_io" and "disk error" in io.message and "Call IT" in io.next_action
    assert isinstance(translate(err(13, "whatever"), path), StoreFull)
    assert translate(err(5, "disk is full"), path).code == "store_locked"
    assert translate(err(6, ""), path).code == "store_busy"
    assert translate(err(26, ""), path).code == "store_corrupt"
    assert translate(err(8, ""), path).code == "store_readonly"
    with caplog.at_level("ERROR", logger="kiosk.store"):
        bug = translate(err(1, "no such table: nope"), path)  # SQLITE_ERROR: ours
    assert isinstance(bug, StoreInternalError) and bug.code == "internal_error"
    assert "internal error" in bug.message and bug.next_action == "Call a line lead."
    assert caplog.records and caplog.records[-1].exc_info is not None
    assert isinstance(io, StoreError)


def test_a_read_only_database_is_a_sentence_and_a_bug_is_an_internal_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from sqlalchemy import text

    from kiosk.errors import StoreInternalError

    store = open_store(tmp_path / "s.db")
    raise_andon(store, 1)
    with pytest.raises(StoreError) as ro, store.write() as conn:
        conn.execute(text("PRAGMA query_only = ON"))  # SQLite then answers SQLITE_READONLY
        raise_andon_in(conn, 2)
    assert ro.value.code == "store_readonly" and "read-only" in ro.value.message
    store.engine.dispose()  # fresh connections, without query_only
    with (
        caplog.at_level("ERROR", logger="kiosk.store"),
        pytest.raises(StoreInternalError),
        store.write() as conn,  # the same andon id twice: a bug, not an operator's fault
    ):
        conn.execute(
            text(
                "INSERT INTO andons (id, category, note, raised_at) VALUES"
                " ('x', 'help', '', 'now'), ('x', 'help', '', 'now')"
            )
        )
    assert any(r.exc_info for r in caplog.records)
    assert counts(store) == (1, 1)
