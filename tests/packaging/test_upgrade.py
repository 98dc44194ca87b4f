"""Upgrades of an installed station, from a database made by the oldest schema revision
(0001, built with Alembic as the first release made it) with events still queued for the
bridge: a newer kiosk migrates after a backup and keeps the queue; a failed migration puts
the backup back and says so; an older kiosk refuses a newer database and changes nothing,
and `kiosk run` says why in one line of kiosk.log (and of stderr, which is the journal)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from alembic import command

from kiosk.errors import StoreMigrationFailed, StoreTooNew
from kiosk.store import db, open_store, outbox

ROOT = Path(__file__).resolve().parents[2]
OLDEST = "0001"

QUEUED = [
    ("andon.raised", {"andon_id": "A-1", "category": "material", "note": "Bin empty"}),
    ("andon.raised", {"andon_id": "A-2", "category": "quality", "note": "Scratch, ñ ü"}),
    ("andon.cleared", {"andon_id": "A-1"}),
]


@contextmanager
def sql(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection, committed and closed at the end (no WAL file left behind)."""
    with closing(sqlite3.connect(path)) as conn, conn:
        yield conn


def oldest_station(path: Path, *, sent: int = 1) -> None:
    """A station database at revision 0001 with QUEUED as events: the first ``sent`` of
    them already delivered, the rest still queued for the bridge."""
    cfg = db._alembic_config(f"sqlite:///{path}")
    command.upgrade(cfg, OLDEST)
    with sql(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        for seq, (type_, payload) in enumerate(QUEUED, start=1):
            body = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            conn.execute(
                "INSERT INTO events (seq, event_id, type, occurred_at, operator_id,"
                " schema_version, payload, payload_sha256, sync_state) VALUES"
                " (?, ?, ?, ?, ?, 1, ?, ?, ?)",
                (
                    seq,
                    f"ev-{seq}",
                    type_,
                    f"2026-01-0{seq}T08:00:00.000Z",
                    "op-maria",
                    body,
                    hashlib.sha256(body.encode()).hexdigest(),
                    "sent" if seq <= sent else "pending",
                ),
            )
    with sql(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == OLDEST


def event_rows(path: Path) -> list[tuple[object, ...]]:
    with sql(path) as conn:
        return conn.execute(
            "SELECT seq, event_id, type, payload, payload_sha256, sync_state FROM events"
            " ORDER BY seq"
        ).fetchall()


def newer_kiosk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, upgrade_body: str) -> str:
    """This kiosk's migrations plus one more on top of its head, as the next release
    would ship them; returns the new head."""
    head = db.head_revision()
    newer = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS, newer, ignore=shutil.ignore_patterns("__pycache__"))
    (newer / "versions" / "9001_next_release.py").write_text(
        '"""the next release"""\n'
        "import sqlalchemy as sa\n"
        "from alembic import op\n\n"
        'revision = "9001"\n'
        f"down_revision = {head!r}\n"
        "branch_labels = None\n"
        "depends_on = None\n\n\n"
        "def upgrade() -> None:\n" + upgrade_body + "\n\n"
        "def downgrade() -> None:\n"
        "    pass\n"
    )
    monkeypatch.setattr(db, "MIGRATIONS", newer)
    monkeypatch.setattr(db, "SCHEMA_HEAD", "9001")
    return "9001"


ADD_COLUMN = (
    '    with op.batch_alter_table("andons") as batch:\n'
    '        batch.add_column(sa.Column("priority", sa.Integer(), nullable=True))\n'
)


def test_a_newer_kiosk_migrates_the_oldest_database_after_a_backup_and_keeps_the_queue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "station.db"
    oldest_station(path)
    before = event_rows(path)
    head = newer_kiosk(tmp_path, monkeypatch, ADD_COLUMN)

    store = open_store(path)
    try:
        assert store.schema_version() == head
        with store.read() as conn:
            queued = outbox.next_batch(conn, 100)
            assert outbox.queue_depth(conn) == 2
        assert [(e.seq, e.event_id, e.payload_sha256) for e in queued] == [
            (r[0], r[1], r[4]) for r in before[1:]
        ]
        assert store.check().integrity == "ok"
    finally:
        store.close()
    assert event_rows(path) == before  # every event, byte for byte, and its sync state
    (backup,) = tmp_path.glob(f"station.db.before-{head}-*.bak")
    with sql(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == OLDEST
    assert event_rows(backup) == before


def test_a_failed_migration_puts_the_backup_back_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "station.db"
    oldest_station(path)
    before = event_rows(path)
    newer_kiosk(
        tmp_path,
        monkeypatch,
        ADD_COLUMN
        + '    op.execute("DELETE FROM events")\n'
        + '    raise RuntimeError("disk went away half-way")\n',
    )
    with pytest.raises(StoreMigrationFailed) as err:
        open_store(path)
    text = str(err.value)
    assert "restored from the backup" in text and "unchanged" in text
    assert "disk went away half-way" in text and str(path) in text
    assert "previous kiosk version" in text  # the next action
    assert event_rows(path) == before
    with sql(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == OLDEST
        cols = [r[1] for r in conn.execute("PRAGMA table_info(andons)")]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert "priority" not in cols
    # The kiosk that made it opens it as before: nothing lost, the queue intact.
    monkeypatch.undo()
    store = open_store(path)
    try:
        with store.read() as conn:
            assert outbox.queue_depth(conn) == 2
    finally:
        store.close()


def run_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return env | {
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_CONFIG": str(tmp_path / "station.toml"),
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "KIOSK_LOG_DIR": str(tmp_path / "log"),
    }


def test_an_older_kiosk_refuses_a_newer_database_and_says_why_in_one_line(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / "station.db"
    oldest_station(path)
    with sql(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    files = {p.name: p.read_bytes() for p in data.iterdir()}
    with pytest.raises(StoreTooNew):
        open_store(path)

    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "run"],
        env=run_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    lines = [
        line
        for line in (tmp_path / "log" / "kiosk.log").read_text().splitlines()
        if "cannot start" in line
    ]
    assert len(lines) == 1, lines
    assert "newer kiosk version" in lines[0] and "9999" in lines[0] and str(path) in lines[0]
    assert lines[0].split(": ", 1)[1] in done.stderr  # the same line reaches the journal
    assert {p.name: p.read_bytes() for p in data.iterdir()} == files  # not a byte changed


def test_the_migrations_still_start_at_the_oldest_revision() -> None:
    """The upgrade tests start from 0001: it must stay the root of the migration chain."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db._alembic_config("sqlite://"))
    assert script.get_base() == OLDEST
