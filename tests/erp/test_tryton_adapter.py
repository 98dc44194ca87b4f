"""The Tryton adapter against a real trytond: master data down, bookings up, exactly once,
and what IT sees when Tryton is down, refuses the login or refuses a booking."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sync.bridge.erp.config import load_erp_config, make_adapter
from sync.bridge.erp.runner import ErpRunner
from sync.bridge.erp.tryton_rpc import TrytonRpc
from sync.bridge.service import Bridge
from tests.erp.conftest import FakeLine, TrytonServer, erp_config, production
from tests.erp.seed import MOTOR, PRODUCT, SEAL, Plant

pytestmark = pytest.mark.timeout(180)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def bridge(tmp_path: Path) -> Iterator[Bridge]:
    b = Bridge.open(f"sqlite:///{tmp_path / 'bridge.db'}", tmp_path / "bridge-data")
    try:
        yield b
    finally:
        b.close()


def runner_for(bridge: Bridge, config: Path) -> ErpRunner:
    erp = load_erp_config(config)
    return ErpRunner(bridge, make_adapter(erp, bridge), retry_s=erp.retry_interval_s)


#: An argon2id hash as IT would put in ``pin_hashes_file`` (the PIN is not needed here).
PIN_HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g"


@pytest.fixture
def runner(bridge: Bridge, tryton_server: TrytonServer, tmp_path: Path) -> Iterator[ErpRunner]:
    (tmp_path / "pins.toml").write_text(f'E100 = "{PIN_HASH}"\n')
    r = runner_for(
        bridge, erp_config(tmp_path / "bridge.toml", tryton_server, pin_hashes_file="pins.toml")
    )
    try:
        yield r
    finally:
        r.adapter.close()


def booked(rpc: TrytonRpc, pid: int) -> dict[str, Any]:
    """What Tryton holds for a production: outputs by lot number, inputs, cycles, state."""
    p = rpc.read("production", [pid], ["state", "inputs", "outputs", "works"])[0]
    moves = rpc.read(
        "stock.move",
        p["inputs"] + p["outputs"],
        ["product", "lot", "state", "to_location", "quantity"],
    )
    lots = {
        x["id"]: x["number"]
        for x in rpc.read("stock.lot", sorted({m["lot"] for m in moves if m["lot"]}), ["number"])
    }
    works = rpc.read("production.work", p["works"], ["cycles"])
    cycles = rpc.read(
        "production.work.cycle", [c for w in works for c in w["cycles"]], ["duration", "state"]
    )
    return {
        "state": p["state"],
        "outputs": sorted(lots[m["lot"]] for m in moves if m["id"] in p["outputs"] and m["lot"]),
        "planned_outputs": [m for m in moves if m["id"] in p["outputs"] and not m["lot"]],
        "inputs": sorted(
            (m["product"], lots.get(m["lot"]), m["state"])
            for m in moves
            if m["id"] in p["inputs"] and m["quantity"]
        ),
        "cycles": [(c["duration"], c["state"]) for c in cycles],
        "moves": moves,
    }


def test_pull_brings_products_boms_routings_orders_and_operators(
    runner: ErpRunner, bridge: Bridge, rpc: TrytonRpc, plant: Plant
) -> None:
    planned = dt.date(2026, 12, 24)
    pid, number = production(rpc, plant, 3, planned)
    out = runner.round()
    assert "error" not in out, out
    product = bridge.get_record("products", PRODUCT)
    assert product is not None
    assert {c["part"]: (c["quantity"], c["tracking"]) for c in product["bom"]} == {
        MOTOR: (1.0, "serial"),
        SEAL: (1.0, "lot"),
        "SCR-M5": (4.0, "none"),
    }
    assert [op["operation"] for op in product["routing"]] == ["OP10"]
    order = bridge.get_record("work-orders", number)
    assert order is not None
    assert (order["product"], order["operation"], order["quantity"], order["status"]) == (
        PRODUCT,
        "OP10",
        3,
        "released",
    )
    assert order["due"].startswith("2026-12-24")
    lead = bridge.get_record("operators", "E900")
    assert lead is not None and lead["name"] == "Tom Lead" and "line_lead" in lead["roles"]
    assert lead["pin_hash"] is None  # no PIN comes from Tryton
    worker = bridge.get_record("operators", "E100")
    assert worker is not None and worker["pin_hash"] == PIN_HASH  # unless configured
    # Cancelled in Tryton: the station learns it at the next pull.
    rpc.button("production", "cancel", [pid])
    runner.round()
    order = bridge.get_record("work-orders", number)
    assert order is not None and order["status"] == "cancelled"


def test_units_are_booked_once_with_lots_cycles_scrap_and_a_done_production(
    runner: ErpRunner, bridge: Bridge, rpc: TrytonRpc, plant: Plant
) -> None:
    pid, number = production(rpc, plant, 2)
    line = FakeLine(bridge)
    line.units(number, ["SN-A1"])
    out = runner.round()
    assert "error" not in out and len(out["booked"]) == 1, out
    first = booked(rpc, pid)
    assert first["state"] == "running"  # the first unit runs the production
    assert first["outputs"] == ["SN-A1"]
    line.units(number, ["SN-A2", "SN-A3"], scrap=("SN-A3",))
    out = runner.round()
    # One confirmation per finished unit; both booked before the production closes.
    assert len(out["booked"]) == 2 and out["waiting"] == {}, out
    t = booked(rpc, pid)
    assert t["state"] == "done"  # two good units: its quantity
    assert t["outputs"] == ["SN-A1", "SN-A2", "SN-A3"]
    assert [m["quantity"] for m in t["planned_outputs"]] == [0]  # the plan, replaced by units
    waste = [m for m in t["moves"] if m["to_location"] == plant.waste]
    assert len(waste) == 1  # the scrapped unit went to the waste location, with its serial
    motor, seal = plant.products[MOTOR], plant.products[SEAL]
    lotted = [(p, lot) for p, lot, _ in t["inputs"] if p in (motor, seal)]
    assert (plant.products["SCR-M5"], None, "done") in t["inputs"]  # untracked: as planned
    assert sorted(lotted) == sorted(
        [(motor, f"M-SN-A{i}") for i in (1, 2, 3)] + [(seal, "L55501")] * 3
    )
    assert all(state == "done" for _, _, state in t["inputs"])
    # The good units' cycle times; the scrapped one's from its start to its scrap (60 s).
    assert sorted(t["cycles"]) == [(dt.timedelta(seconds=s), "done") for s in (20, 20, 60)]
    # Run again from cursor 0 (a lost checkpoint): nothing is booked twice.
    runner.state.advance(0)
    again = runner.round()
    assert again["booked"] == [] and len(again["already"]) == 3, again
    assert booked(rpc, pid)["outputs"] == ["SN-A1", "SN-A2", "SN-A3"]


class Killed(BaseException):
    """The adapter's process dies right after Tryton committed a call."""


def kill_after(adapter: Any, n: int) -> list[str]:
    """Let ``n`` writing calls reach Tryton, then die (before anything else runs: no
    checkpoint, no cleanup). Returns the list of writing methods seen."""
    seen: list[str] = []
    post = adapter.rpc._post
    readers = (".read", ".search", ".search_read", "get_preferences", "db.login")

    def wrapped(method: str, params: list[Any], auth: bool) -> Any:
        result = post(method, params, auth)
        if not method.endswith(readers):
            seen.append(method)
            if len(seen) == n:
                raise Killed(method)
        return result

    adapter.rpc._post = wrapped
    return seen


#: Set to 1 to kill the adapter after every one of Tryton's commits (12 kills, about a
#: minute); by default it dies after the first commit of each step that leaves Tryton
#: half-way: a lot, the unit's moves and cycle, the forced assignment, the cycle's run, its
#: duration, the production done.
FULL_SWEEP = os.environ.get("KIOSK_TRYTON_FULL_SWEEP", "") == "1"
KILL_AFTER = (
    "model.stock.lot.create",
    "model.production.write",
    "model.production.assign_force",
    "model.production.work.cycle.run",
    "model.production.work.cycle.write",
    "model.production.do",
)


def test_killed_after_each_tryton_commit_the_unit_is_booked_exactly_once(
    bridge: Bridge, tryton_server: TrytonServer, rpc: TrytonRpc, plant: Plant, tmp_path: Path
) -> None:
    config = erp_config(tmp_path / "bridge.toml", tryton_server)
    line = FakeLine(bridge)

    def attempt(n: int | None) -> list[str]:
        """Book a one-unit production, dying after the ``n``-th commit (None: never); a
        new adapter finishes. Tryton must then hold the unit exactly once."""
        pid, number = production(rpc, plant, 1)
        serial, seal = f"SN-K{n or 0:02d}", f"L6{n or 0:04d}"  # new lots: the same commits
        line.units(number, [serial], parts={MOTOR: ("M-{serial}", None), SEAL: (None, seal)})
        victim = runner_for(bridge, config)
        seen = kill_after(victim.adapter, n or 10**6)
        with contextlib.suppress(Killed):
            victim.push()
        victim.adapter.close()
        heir = runner_for(bridge, config)  # a new process: state from the database only
        out = heir.round(pull=False)
        heir.adapter.close()
        assert "error" not in out and out.get("waiting") == {}, (n, seen, out)
        t = booked(rpc, pid)
        assert t["outputs"] == [serial], (n, seen)
        lotted = sorted(lot for _, lot, _ in t["inputs"] if lot)
        assert lotted == sorted([f"M-{serial}", seal]), (n, seen)
        assert t["cycles"] == [(dt.timedelta(seconds=20), "done")], (n, seen)
        assert t["state"] == "done", (n, seen)
        return seen

    writes = attempt(None)  # the commits of one uninterrupted booking, in order
    # Lots, the planned moves, the unit's moves+cycle, assign, run, the cycle's run, duration
    # and done, the production done.
    assert len(writes) >= 10, writes
    points = [
        i + 1
        for i, method in enumerate(writes)
        if FULL_SWEEP or (method in KILL_AFTER and method not in writes[:i])
    ]
    assert FULL_SWEEP or len(points) == len(KILL_AFTER), writes
    for n in points:
        assert attempt(n)[:n] == writes[:n]  # it died after exactly that commit
