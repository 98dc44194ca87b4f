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
