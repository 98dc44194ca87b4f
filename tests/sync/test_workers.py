"""Several bridge workers (processes) on one database never store an event twice."""

from __future__ import annotations

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
