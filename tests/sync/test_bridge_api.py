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


# --- bad input: a 4xx with a machine-readable reason, nothing stored half -------------------


def _post(live: LiveBridge, path: str, token: str, **kw: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} | kw.pop("headers", {})
    return httpx.post(f"{live.url}{path}", headers=headers, timeout=10, **kw)


def test_bad_pushes_are_refused_with_a_reason_and_nothing_is_stored(
    live_bridge: LiveBridge,
) -> None:
    token = live_bridge.bridge.add_station("ST-01")
    other = live_bridge.bridge.add_station("ST-02")
    path = "/api/v1/stations/ST-01/events"
    ok = {"batch_id": str(uuid.uuid4()), "events": [event(1)]}

    r = _post(
        live_bridge,
        path,
        token,
        content=b'{"batch_id": ',
        headers={"Content-Type": "application/json"},
    )
    assert (r.status_code, r.json()["code"]) == (400, "malformed_json")

    bad = dict(event(1), station_seq="one")
    r = _post(live_bridge, path, token, json={"batch_id": str(uuid.uuid4()), "events": [bad]})
    assert (r.status_code, r.json()["code"]) == (422, "invalid_request")
    assert r.json()["detail"][0]["loc"][:4] == ["body", "events", "0", "station_seq"]

    naive = dict(event(1), occurred_at="2024-05-01T08:00:00")
    r = _post(live_bridge, path, token, json={"batch_id": str(uuid.uuid4()), "events": [naive]})
    assert r.status_code == 422

    many = [event(i) for i in range(1, 1002)]
    r = _post(live_bridge, path, token, json={"batch_id": str(uuid.uuid4()), "events": many})
    assert (r.status_code, r.json()["code"]) == (413, "batch_too_large")

    # An unknown station, another station's token and a wrong token answer alike: the
    # answer never tells an attacker which station ids exist.
    answers = []
    for url, secret in (
        ("/api/v1/stations/ST-99/events", token),
        (path, other),
        (path, "nonsense"),
    ):
        r = _post(live_bridge, url, secret, json=ok)
        answers.append((r.status_code, r.json()))
    assert answers[0] == answers[1] == answers[2]
    assert answers[0][0] == 401 and answers[0][1]["code"] == "invalid_token"
    r = httpx.post(f"{live_bridge.url}{path}", json=ok)
    assert (r.status_code, r.json()["code"]) == (401, "missing_token")

    gap = {"batch_id": str(uuid.uuid4()), "events": [event(1), event(3)]}
    r = _post(live_bridge, path, token, json=gap)
    assert (r.status_code, r.json()["code"]) == (409, "seq_gap")
    assert r.json()["detail"]["expected"] == 2

    twice = event(1)
    r = _post(
        live_bridge, path, token, json={"batch_id": str(uuid.uuid4()), "events": [twice, twice]}
    )
    assert (r.status_code, r.json()["code"]) == (422, "duplicate_in_batch")
    assert live_bridge.bridge.events_count() == 0, "a refused request stored something"

    first = event(1)
    assert _post(live_bridge, path, token, json={"batch_id": str(uuid.uuid4()), "events": [first]})
    changed = dict(first, payload={"operator_id": "op-2"})
    changed["payload_sha256"] = payload_sha256(changed["payload"])
    r = _post(live_bridge, path, token, json={"batch_id": str(uuid.uuid4()), "events": [changed]})
    assert r.status_code == 200
    assert r.json()["results"][0] | {"reason": None} == {
        "event_id": first["event_id"],
        "station_seq": 1,
        "status": "rejected",
        "code": "event_id_conflict",
        "reason": None,
        "flags": [],
    }
    assert live_bridge.bridge.events_count() == 1


def test_media_upload_with_a_wrong_hash_is_refused(live_bridge: LiveBridge) -> None:
    erp = {"X-API-Key": live_bridge.api_key}
    content = b"\x89PNG fake picture" * 100
    import hashlib

    wrong = hashlib.sha256(b"something else").hexdigest()
    r = httpx.put(
        f"{live_bridge.url}/api/v1/erp/media/{wrong}",
        content=content,
        headers=erp | {"Content-Type": "image/png"},
    )
    assert (r.status_code, r.json()["code"]) == (422, "hash_mismatch")
    assert live_bridge.bridge.media_info(wrong) is None
    assert not any(live_bridge.bridge.media_dir.rglob("*.part"))


def test_erp_records_all_or_nothing(live_bridge: LiveBridge) -> None:
    erp = {"X-API-Key": live_bridge.api_key}
    r = httpx.post(
        f"{live_bridge.url}/api/v1/erp/work-orders",
        json=[
            {"number": "WO-1", "product": "P", "operation": "OP10", "quantity": 5},
            {"number": "WO-2", "product": "P", "operation": "OP10", "quantity": "many"},
        ],
        headers=erp,
    )
    assert (r.status_code, r.json()["code"]) == (422, "invalid_records")
    assert r.json()["detail"][0]["index"] == 1
    assert live_bridge.bridge.get_record("work-orders", "WO-1") is None
    r = httpx.post(f"{live_bridge.url}/api/v1/erp/work-orders", json=[], headers={})
    assert (r.status_code, r.json()["code"]) == (401, "missing_api_key")
