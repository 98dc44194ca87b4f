"""The bridge's HTTP API against a real uvicorn server and a real database."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from sync.protocol import payload_sha256
from tests.sync.conftest import LiveBridge


def event(seq: int, type_: str = "operator.logged_in", **payload: Any) -> dict[str, Any]:
    payload = payload or {"operator_id": "op-1"}
    return {
        "event_id": str(uuid.uuid4()),
        "station_seq": seq,
        "type": type_,
        "occurred_at": "2024-05-01T08:00:00.000Z",
        "operator_id": "op-1",
        "schema_version": 1,
        "payload": payload,
        "payload_sha256": payload_sha256(payload),
    }


def push(
    live: LiveBridge, token: str, events: list[dict[str, Any]], station: str = "ST-01"
) -> httpx.Response:
    return httpx.post(
        f"{live.url}/api/v1/stations/{station}/events",
        json={"batch_id": str(uuid.uuid4()), "events": events},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )


def test_push_is_exactly_once_and_pull_pages(live_bridge: LiveBridge) -> None:
    token = live_bridge.bridge.add_station("ST-01")
    evs = [event(i) for i in range(1, 4)]
    first = push(live_bridge, token, evs)
    assert first.status_code == 200, first.text
    assert [r["status"] for r in first.json()["results"]] == ["accepted"] * 3
    again = push(live_bridge, token, evs)
    assert [r["status"] for r in again.json()["results"]] == ["duplicate"] * 3
    assert live_bridge.bridge.station_seqs("ST-01") == [1, 2, 3]

    erp = {"X-API-Key": live_bridge.api_key}
    r = httpx.post(
        f"{live_bridge.url}/api/v1/erp/products",
        json=[{"code": f"P{i}", "name": f"Part {i}"} for i in range(5)],
        headers=erp,
    )
    assert r.status_code == 200, r.text
    auth = {"Authorization": f"Bearer {token}"}
    page = httpx.get(
        f"{live_bridge.url}/api/v1/stations/ST-01/changes?since=0&limit=3", headers=auth
    ).json()
    assert page["has_more"] is True
    assert len(page["changes"]) == 3
    rest = httpx.get(
        f"{live_bridge.url}/api/v1/stations/ST-01/changes",
        params={"since": page["next_cursor"]},
        headers=auth,
    ).json()
    ids = [c["id"] for c in page["changes"] + rest["changes"] if c["entity"] == "product"]
    assert ids == [f"P{i}" for i in range(5)]
    assert rest["has_more"] is False
