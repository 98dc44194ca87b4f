"""Several bridge workers (processes) on one database never store an event twice."""

from __future__ import annotations

import os
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from sync.bridge.service import Bridge
from sync.protocol import payload_sha256
from tests.sync.conftest import BridgeProcess

pytestmark = pytest.mark.timeout(120)


def _event(seq: int) -> dict[str, Any]:
    p = {"device": "scanner", "seq": seq}
    return {
        "event_id": str(uuid.uuid4()),
        "station_seq": seq,
        "type": "device.status_changed",
        "occurred_at": "2026-11-24T08:00:00Z",
        "schema_version": 1,
        "payload": p,
        "payload_sha256": payload_sha256(p),
    }


def test_two_workers_racing_on_the_same_batches_store_each_event_once(
    bridge_db_url: str, tmp_path: Path
) -> None:
    bridge = Bridge.open(bridge_db_url, tmp_path / "data")
    tokens = {s: bridge.add_station(s) for s in ("ST-01", "ST-02", "ST-03")}
    server = BridgeProcess(bridge_db_url, tmp_path / "data", workers=2)
    try:
        batches = {
            s: [[_event(b * 20 + i + 1) for i in range(20)] for b in range(10)] for s in tokens
        }

        def push(station: str, batch: list[dict[str, Any]]) -> list[str]:
            with httpx.Client(timeout=30) as client:  # a new connection: any worker
                r = client.post(
                    f"{server.url}/api/v1/stations/{station}/events",
                    json={"batch_id": str(uuid.uuid4()), "events": batch},
                    headers={"Authorization": f"Bearer {tokens[station]}"},
                )
            if r.status_code == 409:  # its predecessor is still in flight: push again later
                return ["gap"]
            assert r.status_code == 200, r.text
            return [x["status"] for x in r.json()["results"]]

        with ThreadPoolExecutor(12) as pool:
            for b in range(10):
                # Each batch four times at once, from all stations, over fresh connections.
                jobs = [pool.submit(push, s, batches[s][b]) for s in tokens for _ in range(4)]
                results = [j.result() for j in jobs]
                assert all(r != ["gap"] for r in results)
                for s_index in range(len(tokens)):
                    mine = results[s_index * 4 : s_index * 4 + 4]
                    accepted = sum(r.count("accepted") for r in mine)
                    assert accepted == 20, mine
    finally:
        server.stop()
    for s in tokens:
        assert bridge.station_seqs(s) == list(range(1, 201))
    assert bridge.events_count() == 600
    bridge.close()


@pytest.mark.postgres
def test_the_failed_auth_limit_holds_across_workers_and_hosts(tmp_path: Path) -> None:
    """Two bridge hosts with two workers each on one PostgreSQL: the budget of 10 wrong
    tries per secret and 30 per address is shared, not multiplied by four."""
    from sync.bridge.limits import FAILS_PER_ADDRESS, FAILS_PER_SECRET
    from tests.sync.conftest import fresh_pg_database

    with fresh_pg_database() as url:
        bridge = Bridge.open(url, tmp_path / "data")
        token = bridge.add_station("ST-01")
        hosts = [BridgeProcess(url, tmp_path / "data", workers=2) for _ in range(2)]
        try:

            def hello(i: int, secret: str) -> httpx.Response:
                with httpx.Client(timeout=30) as client:  # a new connection: any worker
                    return client.get(
                        f"{hosts[i % 2].url}/api/v1/stations/ST-01/hello",
                        headers={"Authorization": f"Bearer {secret}"},
                    )

            assert hello(0, token).status_code == 200
            codes = [hello(i, "wrong-A").status_code for i in range(FAILS_PER_SECRET)]
            assert codes == [401] * FAILS_PER_SECRET  # 5 on each host, spread over workers
            for i in range(4):  # every worker of both hosts now refuses that secret
                r = hello(i, "wrong-A")
                assert r.status_code == 429, r.text
                assert r.json()["code"] == "too_many_failures"
                assert 1 <= int(r.headers["Retry-After"]) <= 60
            # The address's budget: new secrets each time, until 30 failures in all.
            rest = FAILS_PER_ADDRESS - FAILS_PER_SECRET
            codes = [hello(i, f"guess-{i}").status_code for i in range(rest)]
            assert codes == [401] * rest
            for i in range(2):
                blocked = hello(i, f"another-{i}")
                assert blocked.status_code == 429 and "Retry-After" in blocked.headers
            # From this address even the right token waits: a guess that hits is not told.
            assert hello(0, token).status_code == 429
        finally:
            for h in hosts:
                h.stop()
            bridge.close()


def _listening_workers(server: BridgeProcess) -> dict[int, Any]:
    """The worker processes of ``server`` that listen on its port: {pid: process}."""
    import psutil

    out = {}
    for child in psutil.Process(server.proc.pid).children(recursive=True):
        try:
            conns = child.net_connections(kind="tcp")
        except psutil.Error:
            continue
        if any(c.status == psutil.CONN_LISTEN and c.laddr.port == server.port for c in conns):
            out[child.pid] = child
    return out


def _connect_at_once(port: int, count: int) -> list[Any]:
    """``count`` keep-alive connections opened together, each answered once (health)."""
    import socket

    socks = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(count)]
    for s in socks:
        s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    for s in socks:
        assert s.recv(65536).startswith(b"HTTP/1.1 200"), "a connection was not answered"
    return socks


def _wait_for_workers(server: BridgeProcess, count: int) -> dict[int, Any]:
    import time

    deadline = time.monotonic() + 60
    while len(workers := _listening_workers(server)) < count:
        assert time.monotonic() < deadline, f"{len(workers)} of {count} workers listen"
        time.sleep(0.2)
    return workers


def test_stations_reconnecting_together_are_spread_over_every_worker(tmp_path: Path) -> None:
    """Forty stations back from an outage connect at the same moment: every worker takes
    a share of the connections (with one socket shared by all, one worker took nearly
    all of them and did nearly all the work)."""
    import psutil

    server = BridgeProcess(str(tmp_path / "bridge.db"), tmp_path / "data", workers=4)
    try:
        workers = _wait_for_workers(server, 4)
        socks = _connect_at_once(server.port, 40)
        held = {
            pid: sum(
                1
                for c in proc.net_connections(kind="tcp")
                if c.status == psutil.CONN_ESTABLISHED and c.laddr.port == server.port
            )
            for pid, proc in workers.items()
        }
        for s in socks:
            s.close()
    finally:
        server.stop()
    assert sum(held.values()) == 40, held
    assert sum(1 for n in held.values() if n) >= 3, held  # kernel hashing: all 4 nearly always
    assert max(held.values()) <= 24, held


def test_a_worker_killed_is_replaced_and_no_connection_waits_for_it(tmp_path: Path) -> None:
    """kill -9 of one of two workers: the bridge starts another, and connections the
    kernel hands to the dead worker's socket are answered by the replacement."""
    import signal
    import time

    server = BridgeProcess(str(tmp_path / "bridge.db"), tmp_path / "data", workers=2)
    try:
        victim = min(_wait_for_workers(server, 2))
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while victim in (workers := _listening_workers(server)) or len(workers) < 2:
            assert time.monotonic() < deadline, "the killed worker was not replaced"
            time.sleep(0.2)
        for s in _connect_at_once(server.port, 30):  # a share of them lands on its socket
            s.close()
    finally:
        server.stop()


def test_a_port_already_taken_is_said_plainly_with_several_workers(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys

    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]
    try:
        done = subprocess.run(
            [
                *(sys.executable, "-m", "sync.bridge.cli", "serve", "--data", str(tmp_path)),
                *("--port", str(port), "--workers", "2", "--poll", "0"),
            ],
            check=False,
            capture_output=True,
            text=True,
            timeout=60,
            cwd=Path(__file__).resolve().parents[2],
        )
    finally:
        holder.close()
    assert done.returncode == 3, done.stderr
    assert f"cannot listen on 127.0.0.1 port {port}" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
