"""Sync benchmarks: draining an offline backlog on loopback, and bridge ingest with many
stations pushing at once, on SQLite and PostgreSQL, each beside the raw insert rate of the
same database measured in the same run. Small in the test suite, full with ./dev bench."""

from __future__ import annotations

import contextlib
import os
import statistics
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import BigInteger, Column, MetaData, Table, Text, create_engine

from kiosk.store import open_store
from sync.bridge.db import normalise_url
from sync.bridge.service import Bridge
from sync.client import BridgeSession, SyncCoordinator
from sync.protocol import payload_sha256, rfc3339
from tests.helpers.bench import Row, percentile, report, scale
from tests.sync.conftest import BridgeProcess, ServerThread, fresh_pg_database, queue_events

pytestmark = [pytest.mark.bench, pytest.mark.timeout(600)]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bridge.db'}"
    else:
        with fresh_pg_database() as url:
            yield url


def raw_insert_rate(url: str, rows: int, batch: int) -> float:
    """Rows/s of plain executemany INSERTs, one commit per ``batch`` rows: the floor the
    bridge's ingest stands on (same database, same run)."""
    engine = create_engine(normalise_url(url))
    md = MetaData()
    t = Table(
        f"bench_raw_{uuid.uuid4().hex[:8]}",
        md,
        Column("id", BigInteger, primary_key=True),
        Column("event_id", Text, unique=True),
        Column("payload", Text),
    )
    md.create_all(engine)
    payload = '{"device":"scanner","state":"connected"}'
    started = time.perf_counter()
    n = 0
    while n < rows:
        with engine.begin() as conn:
            conn.execute(
                t.insert(),
                [
                    {"id": n + i, "event_id": str(uuid.uuid4()), "payload": payload}
                    for i in range(batch)
                ],
            )
        n += batch
    elapsed = time.perf_counter() - started
    md.drop_all(engine)
    engine.dispose()
    return n / elapsed


def test_bench_drain_offline_backlog(db_url: str, tmp_path: Path) -> None:
    n = scale(10_000, 2_000)
    bridge = Bridge.open(db_url, tmp_path / "data")
    token = bridge.add_station("ST-01")
    server = ServerThread(bridge)
    server.start()
    store = open_store(tmp_path / "station.db")
    try:
        queue_events(store, n)
        coordinator = SyncCoordinator(
            store,
            lambda: BridgeSession(server.url, "ST-01", token),
            media_dir=tmp_path / "media",
            batch_size=500,
        )
        started = time.perf_counter()
        coordinator.run_once()
        elapsed = time.perf_counter() - started
        assert bridge.events_count("ST-01") == n  # correctness, not timing
    finally:
        server.stop()
        store.close()
        bridge.close()
    raw = raw_insert_rate(db_url, n, 500)
    kind = db_url.split(":", 1)[0].split("+", maxsplit=1)[0]
    report(
        f"Offline backlog → bridge on loopback ({kind}, {n} events, batches of 500)",
        [
            Row(
                "drain rate",
                [n / elapsed],
                "ev/s",
                "≥ 10,000 ev/s SQLite, ≥ 5,000 PostgreSQL (full form)",
                f"raw insert {raw:,.0f} rows/s",
            ),
            Row("drain time", [elapsed], "s"),
        ],
    )


def _events(start: int, count: int) -> list[dict[str, Any]]:
    out = []
    for seq in range(start, start + count):
        p = {"device": "scanner", "state": "connected", "seq": seq}
        out.append(
            {
                "event_id": str(uuid.uuid4()),
                "station_seq": seq,
                "type": "device.status_changed",
                "occurred_at": "2026-11-24T08:00:00.000Z",
                "schema_version": 1,
                "payload": p,
                "payload_sha256": payload_sha256(p),
            }
        )
    return out


def test_bench_bridge_ingest_many_stations(db_url: str, tmp_path: Path) -> None:
    stations = scale(200, 20)
    batches = scale(10, 3)
    size = 50
    postgres = db_url.startswith("postgresql")
    workers = 2 if postgres else 1
    bridge = Bridge.open(db_url, tmp_path / "data", pool_size=2)
    tokens = {f"ST-{i:03d}": bridge.add_station(f"ST-{i:03d}") for i in range(stations)}
    server = BridgeProcess(db_url, tmp_path / "data", workers=workers)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    go = threading.Event()

    def station(sid: str, token: str) -> None:
        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {token}"
        go.wait()
        for b in range(batches):
            body = {"batch_id": str(uuid.uuid4()), "events": _events(b * size + 1, size)}
            t0 = time.perf_counter()
            while True:
                try:
                    r = http.post(
                        f"{server.url}/api/v1/stations/{sid}/events", json=body, timeout=120
                    )
                except requests.RequestException as err:
                    with lock:
                        errors.append(repr(err))
                    return
                if r.status_code in (429, 503):
                    time.sleep(0.1)
                    continue
                break
            with lock:
                latencies.append(1000 * (time.perf_counter() - t0))
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {r.text[:200]}")
        http.close()

    threads = [threading.Thread(target=station, args=item) for item in tokens.items()]
    for t in threads:
        t.start()
    started = time.perf_counter()
    go.set()
    for t in threads:
        t.join(300)
    elapsed = time.perf_counter() - started
    server.stop()
    total = stations * batches * size
    assert not errors, errors[:3]
    assert bridge.events_count() == total  # exactly once, all of them
    bridge.close()
    raw = raw_insert_rate(db_url, total, size)
    kind = "PostgreSQL" if postgres else "SQLite"
    report(
        f"Bridge ingest: {stations} stations × {batches} pushes of {size} events at once "
        f"({kind}, {workers} worker{'s' if workers > 1 else ''})",
        [
            Row(
                "ingest rate",
                [total / elapsed],
                "ev/s",
                "",
                f"raw insert {raw:,.0f} rows/s (batches of {size})",
            ),
            Row(
                "push latency",
                latencies,
                "ms",
                "",
                f"p99 {percentile(latencies, 99):.1f} ms, "
                f"mean {statistics.fmean(latencies):.1f} ms",
            ),
        ],
    )


def _unit_run(sid: str, n: int, seq: int, start: float) -> list[tuple[float, dict[str, Any]]]:
    """One 16-step unit over 60 s as the engine records it: (when, event) pairs."""
    uid = str(uuid.uuid4())
    serial = f"{sid}-{n:06d}"
    out: list[tuple[float, dict[str, Any]]] = []

    def add(at: float, type_: str, p: dict[str, Any]) -> None:
        nonlocal seq
        out.append(
            (
                at,
                {
                    "event_id": str(uuid.uuid4()),
                    "station_seq": seq,
                    "type": type_,
                    "occurred_at": rfc3339(datetime.now(UTC)),
                    "operator_id": "op-1",
                    "schema_version": 1,
                    "payload": p,
                    "payload_sha256": payload_sha256(p),
                },
            )
        )
        seq += 1

    base = {"unit_id": uid, "serial": serial}
    add(start, "unit.started", base | {"work_order": "WO-1", "operation": "OP10"})
    for i in range(16):
        add(
            start + (i + 1) * 3.6,
            "step.completed",
            base
            | {"step_id": f"s{i}", "kind": "instruction", "status": "ok", "attempt": 1, "data": {}},
        )
    add(
        start + 59.0,
        "unit.completed",
        base | {"work_order": "WO-1", "operation": "OP10", "cycle_time_s": 59.0},
    )
    return out


def _station_plan(sid: str, duration: float) -> tuple[list[tuple[float, bytes]], int]:
    """Every push one station makes in ``duration`` s, built before the clock starts: (when,
    request body) pairs (a push every 10 s of what was recorded since), and the next seq."""
    import json
    import random

    rng = random.Random(sid)
    plan = _unit_run(sid, 0, 1, rng.uniform(-30, 0))  # a unit already under way
    units, seq, pending = 1, len(plan) + 1, 0
    pushes: list[tuple[float, bytes]] = []
    push_at = rng.uniform(0, 10)
    while push_at < duration:
        while plan[-1][0] < push_at:  # the next unit starts when one ends
            more = _unit_run(sid, units, seq, plan[-1][0] + 1.0)
            plan += more
            seq += len(more)
            units += 1
        due = [e for at, e in plan[pending:] if at <= push_at]
        if due:
            body = {"batch_id": str(uuid.uuid4()), "events": due}
            pushes.append((push_at, json.dumps(body).encode()))
            pending += len(due)
        push_at += 10.0
    return pushes, plan[pending][1]["station_seq"] if pending < len(plan) else seq


class _Http:
    """A keep-alive HTTP/1.1 connection for the load generator: pre-built request bytes
    out, status and body in. A general client (httpx) cost the generator more CPU than
    the bridge it measures, on the same two cores."""

    def __init__(self, port: int, path: str, token: str) -> None:
        self.port = port
        self.head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: application/json\r\nContent-Length: "
        ).encode()
        self.reader: Any = None
        self.writer: Any = None

    async def post(self, body: bytes) -> tuple[int, bytes]:
        import asyncio

        request = self.head + str(len(body)).encode() + b"\r\n\r\n" + body
        for attempt in (1, 2):
            # The bridge closes an idle keep-alive connection after 5 s, as a station's
            # client finds too: then connect again (inside the measured time).
            if self.writer is None or self.reader.at_eof():
                self.close()
                self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
            self.writer.write(request)
            try:
                head = await self.reader.readuntil(b"\r\n\r\n")
                break
            except (asyncio.IncompleteReadError, ConnectionError):
                self.close()
                if attempt == 2:
                    raise
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        fields = {k.strip().lower(): v.strip() for k, _, v in (x.partition(b":") for x in lines)}
        length = int(fields[b"content-length"])
        data = await self.reader.readexactly(length)
        if fields.get(b"connection", b"").lower() == b"close":
            self.close()
        return status, data

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.writer = None


def _load() -> str:
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


@pytest.mark.postgres
def test_bench_plant_scale(tmp_path: Path) -> None:
    """1,000 stations (full), each completing a 16-step unit every 60 s and pushing what it
    recorded every 10 s, against a real ``kiosk-bridge serve`` on PostgreSQL with 4 workers:
    p50/p99 push latency and bridge CPU per 1,000 events. Then a bulk phase on the same
    server (stations back from offline pushing their backlog in batches of 500 at once):
    its ingest rate beside the raw insert rate of the same database in the same run."""
    import asyncio
    import json

    import psutil

    stations = scale(1000, 20)
    duration = scale(70, 12)
    workers = scale(4, 2)
    bulk_stations, bulk_batches, bulk_size = scale(40, 4), scale(5, 2), 500
    bulk_rounds = scale(3, 1)  # each by other stations, for a median and a p95
    with fresh_pg_database() as url:
        bridge = Bridge.open(url, tmp_path / "data", pool_size=2)
        tokens = {f"ST-{i:04d}": bridge.add_station(f"ST-{i:04d}") for i in range(stations)}
        plans = {sid: _station_plan(sid, duration) for sid in tokens}
        server = BridgeProcess(url, tmp_path / "data", workers=workers)
        latencies: list[float] = []
        errors: list[str] = []
        sent = sum(len(json.loads(b)["events"]) for p, _ in plans.values() for _, b in p)

        def cpu_s() -> float:
            proc = psutil.Process(server.proc.pid)
            total = 0.0
            for p in [proc, *proc.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    t = p.cpu_times()
                    total += t.user + t.system
            return total

        async def station(sid: str, pushes: list[tuple[float, bytes]], t0: float) -> None:
            http = _Http(server.port, f"/api/v1/stations/{sid}/events", tokens[sid])
            try:
                for at, body in pushes:
                    await asyncio.sleep(max(0.0, t0 + at - time.monotonic()))
                    s = time.perf_counter()
                    status, data = await http.post(body)
                    latencies.append(1000 * (time.perf_counter() - s))
                    if status != 200:
                        errors.append(f"{status} {data[:200]!r}")
            finally:
                http.close()

        async def plant() -> None:
            t0 = time.monotonic() + 1.0
            await asyncio.gather(*(station(sid, p, t0) for sid, (p, _) in plans.items()))

        # The bulk phase's backlogs, built before its clock starts too.
        backlog: dict[str, list[bytes]] = {}
        for sid in list(tokens)[: bulk_stations * bulk_rounds]:
            seq, bodies, n = plans[sid][1], [], 0
            for _ in range(bulk_batches):
                events: list[dict[str, Any]] = []
                while len(events) < bulk_size:
                    run = _unit_run(sid, 1000 + n, seq, 0.0)
                    n += 1
                    seq += len(run)
                    events += [e for _, e in run]
                seq -= len(events) - bulk_size
                events = events[:bulk_size]
                bodies.append(
                    json.dumps({"batch_id": str(uuid.uuid4()), "events": events}).encode()
                )
            backlog[sid] = bodies

        async def drain(sid: str) -> None:
            http = _Http(server.port, f"/api/v1/stations/{sid}/events", tokens[sid])
            try:
                for body in backlog[sid]:
                    status, data = await http.post(body)
                    if status != 200:
                        errors.append(f"bulk {status} {data[:200]!r}")
            finally:
                http.close()

        async def bulk(round_: int) -> None:
            sids = list(backlog)[round_ * bulk_stations : (round_ + 1) * bulk_stations]
            await asyncio.gather(*(drain(sid) for sid in sids))

        try:
            load_before = _load()
            me0, cpu0 = time.process_time(), cpu_s()
            asyncio.run(plant())
            cpu, me = cpu_s() - cpu0, time.process_time() - me0
            load_after = _load()
            bulk_rates = []
            bulk_total = bulk_stations * bulk_batches * bulk_size
            for round_ in range(bulk_rounds):
                started = time.perf_counter()
                asyncio.run(bulk(round_))
                bulk_rates.append(bulk_total / (time.perf_counter() - started))
        finally:
            server.stop()
        assert not errors, errors[:3]
        # exactly once, all of them
        assert bridge.events_count() == sent + bulk_total * bulk_rounds
        bridge.close()
        raws = [raw_insert_rate(url, bulk_total, bulk_size) for _ in range(bulk_rounds)]
        raw = statistics.median(raws)
    report(
        f"Plant scale: {stations} stations, a 16-step unit each per 60 s, a push every 10 s, "
        f"{duration} s (PostgreSQL, {workers} workers)",
        [
            Row(
                "push latency",
                latencies,
                "ms",
                "p99 < 1,000 ms",
                f"p50 {percentile(latencies, 50):.1f} ms, p99 {percentile(latencies, 99):.1f} ms; "
                f"{load_before} before, {load_after} after",
            ),
            Row(
                "bridge CPU per 1,000 events",
                [1000 * cpu / max(sent, 1)],
                "s",
                "",
                f"{sent} events in {len(latencies)} pushes; load generator "
                f"{1000 * me / max(sent, 1):.3f} s per 1,000",
            ),
            Row(
                "bulk ingest",
                bulk_rates,
                "ev/s",
                "≥ 30 % of raw insert",
                f"median {100 * statistics.median(bulk_rates) / raw:.0f} % of raw insert "
                f"{raw:,.0f} rows/s (median of {len(raws)}: "
                f"{', '.join(f'{r:,.0f}' for r in raws)}); batches of {bulk_size}, "
                f"{bulk_stations} stations × {bulk_batches} at once, {bulk_rounds} rounds",
            ),
        ],
    )


def test_bench_pin_brute_force_cost(tmp_path: Path) -> None:
    """What a stolen PIN hash costs an attacker here: one argon2id verification of a hash
    as the bridge sends it to stations, and so all 10⁶ six-digit PINs of one operator on
    this machine; beside it, what a PIN-only log-in cost before the lock screen asked
    for the name (one verification per operator with a PIN, tried in turn)."""
    from kiosk.security import verify_pin
    from sync.bridge.masterdata import PIN_HASHER

    stored = PIN_HASHER.hash("482913")
    samples = []
    for i in range(scale(12, 3)):
        started = time.perf_counter()
        assert not verify_pin(f"{100000 + i:06d}", stored)
        samples.append(time.perf_counter() - started)
    one = statistics.median(samples)
    all_pins = one * 10**6  # the hash's lanes already use both cores
    operators = 40
    report(
        f"PIN brute force: argon2id as sent to stations ({stored.split('$')[3]}), {_load()}",
        [
            Row("one PIN verification", samples, "s", "≥ 0.1 s", ""),
            Row(
                "all 10⁶ six-digit PINs of one operator",
                [all_pins / 86400],
                "days",
                "",
                f"{all_pins / 3600:,.0f} h on this 2-core machine (median × 10⁶); "
                "5 wrong tries lock the PIN at the station",
            ),
            Row(
                f"PIN log-in, {operators} operators with a PIN",
                [one],
                "s",
                "",
                f"name first: 1 verification ({one:.2f} s); PIN alone: up to {operators} "
                f"in turn ({operators * one:.0f} s)",
            ),
        ],
    )
