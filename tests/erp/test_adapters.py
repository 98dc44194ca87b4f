"""The inbox/outbox folders and the REST endpoints as adapters of the same interface, and
the ``[erp]`` configuration's errors (no Tryton needed)."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.bridge.erp.config import ErpConfigError, load_erp_config, make_adapter
from sync.bridge.erp.runner import ErpRunner
from sync.bridge.service import Bridge
from tests.erp.conftest import FakeLine
from tests.sync.conftest import fresh_pg_database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def bridge(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Bridge]:
    """The adapter's checkpoint tables live in the bridge's database: SQLite or PostgreSQL."""
    with contextlib.ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path / 'bridge.db'}"
        else:
            url = stack.enter_context(fresh_pg_database())
        b = Bridge.open(url, tmp_path / "bridge-data")
        stack.callback(b.close)
        yield b


def test_folders_adapter_imports_the_inbox_and_writes_the_outbox(
    bridge: Bridge, tmp_path: Path
) -> None:
    config = tmp_path / "bridge.toml"
    config.write_text('[erp]\nadapter = "folders"\n')
    runner = ErpRunner(bridge, make_adapter(load_erp_config(config), bridge))
    inbox = bridge.data_dir / "inbox"
    inbox.mkdir(parents=True)
    (inbox / "m.json").write_text((ROOT / "assets" / "demo" / "masterdata.json").read_text())
    FakeLine(bridge).units("WO-10452", ["SN-1", "SN-2"])
    out = runner.round()
    assert out["pulled"] == {"done": 1} and "error" not in out
    assert bridge.get_record("work-orders", "WO-10452") is not None
    files = sorted((bridge.data_dir / "outbox").glob("confirmation-*.json"))
    # One production-performance record per finished unit, each its own file.
    assert len(files) == 2
    bodies = [json.loads(f.read_text()) for f in files]
    assert sum(b["material_produced"]["good"] for b in bodies) == 2
    assert sorted(u["serial"] for b in bodies for u in b["units"]) == ["SN-1", "SN-2"]
    assert runner.status()["backlog"] == 0


def test_rest_adapter_leaves_the_feed_to_the_erp(bridge: Bridge, tmp_path: Path) -> None:
    config = tmp_path / "bridge.toml"
    config.write_text("[erp]\n")  # the default: the ERP calls the REST endpoints
    runner = ErpRunner(bridge, make_adapter(load_erp_config(config), bridge))
    FakeLine(bridge).units("WO-1", ["SN-1"])
    assert runner.round() == {"pulled": {}, "booked": [], "already": [], "waiting": {}}
    assert runner.status()["backlog"] is None
    assert bridge.confirmations(0).confirmations[0].work_order == "WO-1"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[erp]\nadapter = "odoo"\n', "adapter 'odoo'"),
        ('[erp]\nadapter = "tryton"\nurl = "http://x"\n', r"needs database, user, password_file"),
        ("[erp\n", "bridge.toml"),
    ],
)
def test_config_errors_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "bridge.toml"
    config.write_text(text)
    with pytest.raises(ErpConfigError, match=message):
        load_erp_config(config)


def test_an_unreadable_password_file_is_named(tmp_path: Path) -> None:
    config = tmp_path / "bridge.toml"
    config.write_text(
        '[erp]\nadapter = "tryton"\nurl = "http://127.0.0.1:1"\ndatabase = "t"\n'
        'user = "admin"\npassword_file = "missing.pass"\n'
    )
    with pytest.raises(ErpConfigError, match=r"missing\.pass cannot be read"):
        load_erp_config(config).password()


def test_one_erp_loop_books_at_a_time(bridge: Bridge, tmp_path: Path) -> None:
    """Two loops booking at once could both find a unit not yet booked: a lease in the
    database lets one work; a holder on this machine that was killed is taken over."""
    config = tmp_path / "bridge.toml"
    config.write_text('[erp]\nadapter = "folders"\n')
    first = ErpRunner(bridge, make_adapter(load_erp_config(config), bridge))
    second = ErpRunner(bridge, make_adapter(load_erp_config(config), bridge))
    FakeLine(bridge).units("WO-1", ["SN-1"])
    assert "error" not in first.round(hold=True)  # as ``serve --config`` does, round after round
    out = second.round()
    assert out == {"skipped": f"another ERP loop ({first.owner}) is running for folders"}
    first.state.release(first.owner)
    assert "skipped" not in second.round()
    # A loop killed with its lease held: its process is gone, the lease is taken over.
    host = socket.gethostname()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    assert first.state.acquire(f"{host}:{dead.pid}:gone", 3600) is None
    assert "skipped" not in second.round()


def test_pins_from_a_file_must_be_argon2id_hashes(tmp_path: Path) -> None:
    (tmp_path / "pins.toml").write_text('E100 = "100001"\n')
    config = tmp_path / "bridge.toml"
    config.write_text('[erp]\nadapter = "folders"\npin_hashes_file = "pins.toml"\n')
    with pytest.raises(ErpConfigError, match="not an argon2id hash for E100"):
        load_erp_config(config).pin_hashes()
