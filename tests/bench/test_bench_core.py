"""Core benchmarks: the durable step commit against a raw sqlite3 commit with the same
pragmas in the same run, the whole engine action around it, and autopilot throughput."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from kiosk import autopilot
from kiosk.demo import seed_demo
from kiosk.engine import StationEngine
from kiosk.store import open_store
from kiosk.store.events import record, utc_now
from tests.helpers.bench import Row, report, scale


def _timed(fn: object, n: int) -> list[float]:
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append((time.perf_counter() - t) * 1000)
    return samples


def test_durable_step_commit_against_raw_sqlite(tmp_path: Path) -> None:
    n = scale(2000, 200)
    store = open_store(tmp_path / "station.db")
    payload = {
        "unit_id": "u1",
        "serial": "P200-10452-0001",
        "step_id": "leak-test",
        "kind": "pass_fail",
        "status": "ok",
        "attempt": 1,
        "started_at": "2026-11-24T10:00:00.000Z",
        "data": {"passed": True, "note": ""},
    }

    def ours() -> None:
        with store.write() as conn:
            record(conn, "step.completed", payload, operator_id="op-maria", occurred_at=utc_now())

    raw = sqlite3.connect(tmp_path / "raw.db", isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000"):
        raw.execute(f"PRAGMA {pragma}")
    raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
    body = str(payload)

    def raw_commit() -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO t (payload) VALUES (?)", (body,))
        raw.execute("COMMIT")

    # Interleave rounds so disk and CPU noise hit both alike.
    a: list[float] = []
    b: list[float] = []
    for _ in range(4):
        a += _timed(ours, n // 4)
        b += _timed(raw_commit, n // 4)

    # The whole engine action an operator's tap triggers (rules, commit, re-read).
    engine, note = _engine_with_unit(tmp_path / "engine")

    def tap() -> None:
        engine.submit_pass_fail(True)

    c = _timed(tap, n // 2)
    ratio = Row("", a).median / Row("", b).median
    report(
        "Durable step commit (state + event, synchronous=FULL, WAL)",
        [
            Row("raw sqlite3 single-row commit (reference)", b),
            Row(
                "step.completed: event + step result + station state",
                a,
                target="≤ 1.5× raw",
                reference=f"{ratio:.2f}× raw median",
            ),
            Row("engine.submit_pass_fail (rules + commit + re-read)", c, reference=note),
        ],
    )
    engine.store.close()
    store.close()


def _engine_with_unit(root: Path) -> tuple[StationEngine, str]:
    """A demo station whose unit stands on the pass/fail (leak test) step."""
    import random

    store = open_store(root / "station.db")
    seed_demo(store, root / "media")
    engine = StationEngine(store)
    pilot = autopilot.default_operator(
        engine, autopilot.SimulatedInputs(random.Random(1), nok_rate=0.0)
    )
    for _ in pilot.actions():
        view = engine.step_view()
        if view and view.step.kind.value == "pass_fail":
            break
    return engine, "the same step resubmitted each time"


def test_autopilot_throughput(tmp_path: Path) -> None:
    units = scale(1000, 40)
    store = open_store(tmp_path / "station.db")
    seed_demo(store, tmp_path / "media")
    engine = StationEngine(store)
    summary = autopilot.run(engine, units, seed=1)
    per_unit = summary["seconds"] / summary["units"] * 1000
    report(
        "Headless autopilot (demo P-200 OP20, 16 steps, 8 % NOK)",
        [
            Row(
                "unit through the engine",
                [per_unit],
                reference=f"{summary['units_per_second']} units/s, {summary['events']} events",
            )
        ],
    )
    assert summary["completed"] + summary["scrapped"] == units
    store.close()
