"""A real station for tests: a SQLite file in tmp_path, a revision using every step kind,
operators and work orders, and an engine with a clock the test moves."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.engine import StationEngine
from kiosk.package import load_package, write_package
from kiosk.security import hash_pin
from kiosk.store import Store, open_store
from kiosk.store.masterdata import apply_change, import_package
from tests.kiosk.test_package import small_document

PIN = "123456"
PIN_HASH = hash_pin(PIN, time_cost=1, memory_cost=64)  # cheap argon2id for tests

OPERATORS: list[dict[str, Any]] = [
    {
        "id": "op-maria",
        "badge": "B1001",
        "name": "Maria Garcia",
        "language": "es",
        "roles": ["operator"],
        "certifications": [{"operation": "OP10", "expires": "2030-12-31"}],
        "pin_hash": PIN_HASH,
    },
    {
        "id": "op-jonas",
        "badge": "B1002",
        "name": "Jonas Becker",
        "language": "de",
        "roles": ["operator"],
        "certifications": [{"operation": "OP10", "expires": "2020-06-30"}],
    },
    {"id": "op-priya", "badge": "B1003", "name": "Priya Nair", "roles": ["operator"]},
    {"id": "lead-tom", "badge": "B2001", "name": "Tom Walker", "roles": ["line_lead"]},
    {"id": "qa-aiko", "badge": "B3001", "name": "Aiko Tanaka", "roles": ["quality"]},
]

WORK_ORDERS: list[dict[str, Any]] = [
    {"number": "WO-1", "product": "T-100", "operation": "OP10", "quantity": 3, "priority": 2},
    {"number": "WO-2", "product": "T-100", "operation": "OP10", "quantity": 1, "priority": 1},
]


@dataclass
class Clock:
    now: datetime = field(default_factory=lambda: datetime(2026, 11, 24, 8, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def seed(store: Store, root: Path) -> None:
    document, media = small_document()
    folder = write_package(root / "pkg", document, media)
    import_package(store, load_package(folder), root / "media")
    with store.write() as conn:
        apply_change(
            conn,
            "station",
            "upsert",
            "ST-T",
            {"id": "ST-T", "name": "Test bench", "line": "L1", "operations": ["OP10"]},
        )
        apply_change(conn, "product", "upsert", "T-100", {"code": "T-100", "name": "Test pump"})
        for o in OPERATORS:
            apply_change(conn, "operator", "upsert", o["id"], o)
        for w in WORK_ORDERS:
            apply_change(conn, "work_order", "upsert", w["number"], w)


def make_station(root: Path, clock: Clock | None = None) -> tuple[StationEngine, Clock]:
    store = open_store(root / "station.db")
    seed(store, root)
    clock = clock or Clock()
    return StationEngine(store, clock=clock, idle_lock_s=300), clock


def reopen(engine: StationEngine, clock: Clock) -> StationEngine:
    """A restart: a new engine (and store) over the same file."""
    path = engine.store.path
    engine.store.close()
    return StationEngine(open_store(path), clock=clock, idle_lock_s=engine.idle_lock_s)


TIGHT_OK = {"ok": True, "torque": 24.0, "angle": 55.0, "pset": 3, "tightening_id": "1"}
TIGHT_NOK = {"ok": False, "torque": 18.2, "angle": 20.0, "pset": 3, "tightening_id": "2"}


def run_unit(engine: StationEngine, serial_n: int = 1) -> Any:
    """Drive one unit through every step kind with good results; returns the summary."""
    engine.start_unit()
    engine.next()  # instruction
    engine.next(checked={"a", "b"})
    assert engine.handle_scan(f"MOT-1-{serial_n:06d}").ok
    engine.next()
    assert engine.handle_scan(f"\x1d010401234500001610LOT{serial_n}").ok
    engine.next()
    assert engine.submit_measurement("0.10").ok
    engine.next()
    engine.submit_pass_fail(True)
    engine.next()
    for _ in range(4):
        engine.submit_tightening(TIGHT_OK)
    engine.next()
    engine.handle_scan("B3001")
    return engine.next()
