"""Bridge integrity and security (#9, bridge side), through a real uvicorn bridge on SQLite
and PostgreSQL: station-bound units, plant-wide serials, ingest validation, ERP endpoints
over adversarial stored rows, the hello, recovery after a restore, limits before
authentication, secrets at rest, PINs and reason codes."""

from __future__ import annotations

import json
import shutil
import stat
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher

from kiosk.store import masterdata as md
from kiosk.store.db import open_store
from sync.bridge import db
from sync.bridge.service import Bridge
from sync.protocol import MAX_PAYLOAD_BYTES, payload_sha256
from tests.sync.conftest import LiveBridge, ServerThread, Station

T = "2026-11-24T08:00:00.000Z"


def ev(seq: int, type_: str, **payload: Any) -> dict[str, Any]:
    return {
        "event_id": str(uuid.uuid4()),
        "station_seq": seq,
        "type": type_,
        "occurred_at": T,
        "operator_id": "op-1",
        "schema_version": 1,
        "payload": payload,
        "payload_sha256": payload_sha256(payload),
    }


def unit_events(start: int, uid: str, serial: str, op: str = "OP10") -> list[dict[str, Any]]:
    wo = "WO-1"
    return [
        ev(start, "unit.started", unit_id=uid, serial=serial, work_order=wo, operation=op),
        ev(start + 1, "component.consumed", unit_id=uid, serial=serial, part="PCB", lot="L1"),
        ev(
            start + 2,
            "unit.completed",
            unit_id=uid,
            serial=serial,
            work_order=wo,
            operation=op,
            cycle_time_s=30.0,
        ),
    ]


def push(url: str, station: str, token: str, events: list[dict[str, Any]]) -> httpx.Response:
    return httpx.post(
        f"{url}/api/v1/stations/{station}/events",
        json={"batch_id": str(uuid.uuid4()), "events": events},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )


def erp_get(live: LiveBridge, path: str, **params: Any) -> httpx.Response:
    return httpx.get(
        f"{live.url}/api/v1/erp/{path}",
        params=params,
        headers={"X-API-Key": live.api_key},
        timeout=30,
    )


def statuses(r: httpx.Response) -> list[tuple[str, str | None]]:
    assert r.status_code == 200, r.text
    return [(x["status"], x["code"]) for x in r.json()["results"]]


def test_a_station_cannot_touch_another_stations_unit_nor_reuse_its_serial(
    live_bridge: LiveBridge,
) -> None:
    bridge = live_bridge.bridge
    t1, t2 = bridge.add_station("ST-01"), bridge.add_station("ST-02")
    uid = str(uuid.uuid4())
    assert (
        statuses(push(live_bridge.url, "ST-01", t1, unit_events(1, uid, "SN-1")))
        == [("accepted", None)] * 3
    )
    [before] = erp_get(live_bridge, "confirmations").json()["confirmations"]

    tamper = [
        ev(1, "component.consumed", unit_id=uid, serial="SN-1", part="PCB", lot="FAKE-LOT"),
        ev(2, "unit.scrapped", unit_id=uid, serial="SN-1", reason="sabotage"),
        # the same serial, a new unit id, the same operation: another station's serial
        *unit_events(3, str(uuid.uuid4()), "SN-1")[:1],
    ]
    got = statuses(push(live_bridge.url, "ST-02", t2, tamper))
    assert got == [
        ("rejected", "not_your_unit"),
        ("rejected", "not_your_unit"),
        ("rejected", "serial_taken"),
    ]
    built = erp_get(live_bridge, "units/SN-1").json()
    assert built["outcome"] == "good" and built["station"] == "ST-01"
    assert [c["lot"] for c in built["components"]] == ["L1"]
    assert erp_get(live_bridge, "confirmations").json()["confirmations"] == [before]
    assert erp_get(live_bridge, "recall", lot="FAKE-LOT").json() == []
    refused = erp_get(live_bridge, "refusals", station="ST-02").json()
    assert sorted(r["code"] for r in refused) == ["not_your_unit"] * 2 + ["serial_taken"]
    assert all(r["station"] == "ST-02" for r in refused)
    # The station's watermark passes the refused events (it holds them as dead letters).
    assert bridge.hello("ST-02").last_seq == 3

    # Another operation on the same serial is the next station of the routing: allowed.
    nxt = unit_events(4, str(uuid.uuid4()), "SN-1", op="OP20")
    assert statuses(push(live_bridge.url, "ST-02", t2, nxt)) == [("accepted", None)] * 3
    assert erp_get(live_bridge, "units/SN-1", operation="OP20").json()["station"] == "ST-02"


def test_ingest_refuses_wrong_shape_size_and_depth_with_a_code(live_bridge: LiveBridge) -> None:
    token = live_bridge.bridge.add_station("ST-01")
    deep: Any = {"x": 1}
    for _ in range(40):
        deep = {"x": deep}
    bad = [
        ev(1, "unit.started", unit_id="u1", serial={"not": "text"}, work_order="W", operation="O"),
        ev(2, "component.consumed", unit_id="u2", gtin=deep),
        ev(3, "device.status_changed", device="x", blob="y" * (MAX_PAYLOAD_BYTES + 10)),
        ev(4, "unit.completed", serial="SN-9"),  # no unit_id
        ev(5, "future.kind", anything=[1, 2, 3]),  # a newer station's event: bounds only
        # A NUL cannot be stored in a column (PostgreSQL): refused, not a failed batch.
        ev(6, "unit.started", unit_id="u\x006", serial="S\x00", work_order="W", operation="O"),
        ev(7, "device.status_changed", device="x") | {"operator_id": "op\x001"},
    ]
    got = statuses(push(live_bridge.url, "ST-01", token, bad))
    assert got == [
        ("rejected", "invalid_payload"),
        ("rejected", "payload_too_deep"),
        ("rejected", "payload_too_large"),
        ("rejected", "invalid_payload"),
        ("accepted", None),
        ("rejected", "invalid_payload"),
        ("rejected", "invalid_operator_id"),
    ]
    assert live_bridge.bridge.station_seqs("ST-01") == [5]
    refused = {r["station_seq"]: r for r in live_bridge.bridge.refusals("ST-01")}
    assert refused[6]["unit_id"] == "u\ufffd6"  # as the line lead reads it
    # JSON nested past what a parser can read is a 400, not a 500.
    r = httpx.post(
        f"{live_bridge.url}/api/v1/stations/ST-01/events",
        content=b"[" * 100_000 + b"]" * 100_000,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        timeout=30,
    )
    assert r.status_code in (400, 422), r.text


def test_no_stored_row_makes_an_erp_endpoint_answer_500(live_bridge: LiveBridge) -> None:
    """Rows an older bridge (or a hand edit) could have left: every ERP GET answers."""
    bridge = live_bridge.bridge
    token = bridge.add_station("ST-01")
    uid = str(uuid.uuid4())
    assert push(live_bridge.url, "ST-01", token, unit_events(1, uid, "SN-A")).status_code == 200
    deep_text = "[" * 3000 + "]" * 3000  # deeper than a JSON parser's recursion
    with bridge.engine.begin() as conn:
        conn.execute(
            db.events.insert().values(
                station="ST-01",
                event_id=str(uuid.uuid4()),
                station_seq=99,
                type="torque.recorded",
                occurred_at=T,
                received_at=T,
                schema_version=1,
                payload=deep_text,
                payload_sha256="0" * 64,
                unit_id=uid,
                flags="",
            )
        )
        conn.execute(
            db.events.insert().values(
                station="ST-01",
                event_id=str(uuid.uuid4()),
                station_seq=100,
                type="torque.recorded",
                occurred_at=T,
                received_at=T,
                schema_version=1,
                payload=json.dumps({"torque": {"a": 1}, "ok": "maybe", "fastening": [1]}),
                payload_sha256="0" * 64,
                unit_id=uid,
                flags="",
            )
        )
        for body in (
            "not json",
            deep_text,
            json.dumps({"id": 5, "units": "x", "material_produced": {"good": "many"}}),
            json.dumps(
                {
                    "id": "c",
                    "work_order": "W",
                    "operation": "O",
                    "station": "S",
                    "torque_results": [{"torque": [1, 2]}],
                    "flags": {"a": 1},
                }
            ),
        ):
            conn.execute(
                db.confirmations.insert().values(
                    station="ST-01", work_order="WO-1", operation="OP10", created_at=T, body=body
                )
            )
        conn.execute(
            db.units.insert().values(
                unit_id="u-odd",
                station="ST-01",
                serial="SN-ODD",
                work_order="WO-1",
                operation="OP10",
                outcome="exploded",
                cycle_time_s=float("inf"),
            )
        )
        conn.execute(
            db.consumptions.insert().values(
                event_key=10_000, unit_id="u-odd", component_serial="SN-A", lot="L1"
            )
        )
        conn.execute(
            db.downtimes.insert().values(
                event_key=10_001, station="ST-01", work_order="WO-1", reason="x", minutes=1e308
            )
        )
    for path, params in (
        ("confirmations", {"since": 0, "limit": 1000}),
        ("units/SN-A", {}),
        ("units/SN-ODD", {}),
        ("recall", {"lot": "L1"}),
        ("recall", {"component_serial": "SN-A"}),
        ("work-orders/WO-1/performance", {}),
        ("stations", {}),
        ("refusals", {}),
        ("products/nothing", {}),
    ):
        r = erp_get(live_bridge, path, **params)
        assert r.status_code < 500, (path, r.status_code, r.text[:300])
    feed = erp_get(live_bridge, "confirmations").json()["confirmations"]
    assert len(feed) == 5
    assert sum("unreadable_record" in c["flags"] for c in feed) >= 2


def _restore(bridge_db_url: str, backup: Path) -> None:
    """Put the database back as it was when ``backup`` was taken (file copy / pg dump)."""
    path = Path(bridge_db_url.removeprefix("sqlite:///"))
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.copy(backup, path)


def test_after_a_restore_the_erp_misses_nothing_and_books_nothing_twice(
    tmp_path: Path,
) -> None:
    """The restore scenario: an ERP reader keeps its cursor across a bridge restored from
    an older backup; the station, told by the hello what the bridge holds, resends."""
    url = f"sqlite:///{tmp_path / 'bridge.db'}"
    data = tmp_path / "data"
    bridge = Bridge.open(url, data)
    token = bridge.add_station("ST-01")
    events: list[dict[str, Any]] = []
    booked: list[str] = []
    cursor = 0

    def station_pushes(server: ServerThread, units: int) -> None:
        for _ in range(units):
            events.extend(unit_events(len(events) + 1, str(uuid.uuid4()), f"SN-{len(events)}"))
        hello = httpx.get(
            f"{server.url}/api/v1/stations/ST-01/hello",
            headers={"Authorization": f"Bearer {token}"},
        ).json()
        r = push(server.url, "ST-01", token, events[hello["last_seq"] :])
        assert r.status_code == 200, r.text

    def erp_reads(server: ServerThread) -> str:
        nonlocal cursor
        r = httpx.get(
            f"{server.url}/api/v1/erp/confirmations",
            params={"since": cursor},
            headers={"X-API-Key": key},
        ).json()
        for c in r["confirmations"]:
            if c["id"] not in booked:  # the contract: book each id once
                booked.append(c["id"])
            assert c["cursor"] > cursor
        cursor = r["next_cursor"]
        return str(r["epoch"])

    key = bridge.add_api_key("erp")
    server = ServerThread(bridge)
    server.start()
    station_pushes(server, 2)
    epoch_before = erp_reads(server)
    server.stop()
    bridge.close()
    backup = tmp_path / "backup.db"
    shutil.copy(tmp_path / "bridge.db", backup)  # a clean copy: the bridge is stopped

    bridge = Bridge.open(url, data)
    server = ServerThread(bridge)
    server.start()
    station_pushes(server, 3)
    erp_reads(server)
    high = cursor
    server.stop()
    bridge.close()

    _restore(url, backup)
    bridge = Bridge.open(url, data)
    assert bridge.epoch != epoch_before
    server = ServerThread(bridge)
    server.start()
    try:
        hello = httpx.get(
            f"{server.url}/api/v1/stations/ST-01/hello",
            headers={"Authorization": f"Bearer {token}"},
        ).json()
        assert hello["last_seq"] == 6 and hello["epoch"] == bridge.epoch
        assert hello["server_time"].endswith(("Z", "+00:00"))
        station_pushes(server, 1)  # resends 7..15 from the hello's last_seq, then one more
        assert erp_reads(server) == bridge.epoch
        assert cursor > high  # the cursor never went backwards
    finally:
        server.stop()
        bridge.close()
    finished = [e for e in events if e["type"] == "unit.completed"]
    assert len(booked) == len(finished) == 6  # 0 missed, 0 booked twice


def test_limits_before_authentication(live_bridge: LiveBridge) -> None:
    live_bridge.bridge.add_station("ST-01")
    url = f"{live_bridge.url}/api/v1/stations/ST-01/hello"
    codes = [
        httpx.get(url, headers={"Authorization": f"Bearer wrong-{i % 3}"}).status_code
        for i in range(40)
    ]
    assert codes[0] == 401 and 429 in codes
    r = httpx.get(url, headers={"Authorization": "Bearer wrong-0"})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
    assert r.json()["code"] == "too_many_failures"


def test_a_chunked_300_mib_body_is_refused_with_memory_bounded(
    bridge_db_url: str, tmp_path: Path
) -> None:
    import psutil

    from tests.sync.conftest import BridgeProcess

    Bridge.open(bridge_db_url, tmp_path / "data").close()
    server = BridgeProcess(bridge_db_url, tmp_path / "data")
    try:
        proc = psutil.Process(server.proc.pid)
        rss = [max(p.memory_info().rss for p in [proc, *proc.children(recursive=True)])]
        chunk = b"x" * (1024 * 1024)
        for _ in range(3):

            def body() -> Any:
                for _ in range(300):
                    yield chunk

            try:
                r = httpx.post(
                    f"{server.url}/api/v1/stations/ST-01/events",
                    content=body(),
                    headers={"Content-Type": "application/json"},
                    timeout=60,
                )
                assert r.status_code == 413 and r.json()["code"] == "body_too_large"
            except httpx.TransportError:
                pass  # the bridge answered 413 and closed before the client finished sending
            rss.append(max(p.memory_info().rss for p in [proc, *proc.children(recursive=True)]))
        grown = (max(rss) - rss[0]) / 2**20
        print(f"bridge RSS {rss[0] / 2**20:.0f} MiB → max {max(rss) / 2**20:.0f} MiB")
        assert grown < 64, f"the bridge grew by {grown:.0f} MiB over 3 × 300 MiB bodies"
    finally:
        server.stop()


def test_secrets_at_rest_and_pins(tmp_path: Path) -> None:
    data = tmp_path / "data"
    bridge = Bridge.open(str(data / "bridge.db"), data)
    try:
        token = bridge.add_station("ST-01")
        key = bridge.add_api_key("erp")
        assert stat.S_IMODE(data.stat().st_mode) == 0o700
        assert stat.S_IMODE((data / "bridge.db").stat().st_mode) == 0o600
        raw = (data / "bridge.db").read_bytes()
        assert token.encode() not in raw and key.encode() not in raw

        from sync.bridge.service import BridgeProblem

        with pytest.raises(BridgeProblem) as err:
            bridge.import_records(
                "operators", [{"id": "o", "badge": "B1", "name": "O", "pin": "1234"}]
            )
        assert err.value.code == "invalid_records" and "6 to 12 digits" in str(err.value.detail)
        start = time.perf_counter()
        bridge.import_records(
            "operators", [{"id": "op-maria", "badge": "B1001", "name": "Maria", "pin": "100101"}]
        )
        stored = bridge.get_record("operators", "op-maria")
        assert stored is not None and "pin" not in stored
        assert stored["pin_hash"].startswith("$argon2id$")
        t0 = time.perf_counter()
        assert PasswordHasher().verify(stored["pin_hash"], "100101")
        cost = time.perf_counter() - t0
        print(f"argon2id PIN verify: {cost:.3f} s (import {t0 - start:.3f} s)")
        assert cost >= 0.1
    finally:
        bridge.close()


def test_reason_codes_and_assigned_work_orders_come_down_to_the_right_station(
    live_bridge: LiveBridge, station: Station, tmp_path: Path
) -> None:
    bridge = live_bridge.bridge
    codes = [
        {"kind": "scrap", "code": "cracked", "label": {"en": "Cracked", "de": "Gerissen"}},
        {"kind": "downtime", "code": "material", "label": {"en": "No material"}},
    ]
    assert bridge.import_records("reason-codes", codes).upserted == 2
    bridge.import_records(
        "work-orders",
        [
            {
                "number": "WO-MINE",
                "product": "P",
                "operation": "OP10",
                "quantity": 1,
                "station": "ST-01",
            },
            {
                "number": "WO-THEIRS",
                "product": "P",
                "operation": "OP10",
                "quantity": 1,
                "station": "ST-03",
            },
            {"number": "WO-ALL", "product": "P", "operation": "OP10", "quantity": 1},
        ],
    )
    page = station.session(live_bridge.url).changes(0, 100)
    got = {(c.entity, c.id) for c in page.changes}
    assert ("reason_code", "scrap:cracked") in got and ("reason_code", "downtime:material") in got
    assert ("work_order", "WO-MINE") in got and ("work_order", "WO-ALL") in got
    assert ("work_order", "WO-THEIRS") not in got
    # Reassigned away: a tombstone reaches the station it was offered to.
    bridge.import_records(
        "work-orders",
        [
            {
                "number": "WO-ALL",
                "product": "P",
                "operation": "OP10",
                "quantity": 1,
                "station": "ST-03",
            }
        ],
    )
    later = station.session(live_bridge.url).changes(page.next_cursor, 100)
    assert [(c.entity, c.id, c.op) for c in later.changes] == [("work_order", "WO-ALL", "delete")]


def test_a_station_refuses_a_pulled_revision_that_fails_the_validator(
    live_bridge: LiveBridge, station: Station
) -> None:
    """A revision an older bridge let through (limits swapped): never stored as approved;
    the refusal with the validator's message is kept for the line lead."""
    demo = Path(__file__).resolve().parents[2] / "assets" / "demo" / "package"
    doc = json.loads((demo / "package.json").read_text(encoding="utf-8"))["document"]
    for step in doc["steps"]:
        spec = step.get("spec", {})
        if "torque_min" in spec:
            spec["torque_min"], spec["torque_max"] = spec["torque_max"], spec["torque_min"]
    key = f"{doc['id']}@{doc['revision']}"
    record = {
        "document_id": doc["id"],
        "revision": doc["revision"],
        "product": doc["product"],
        "operation": doc["operation"],
        "document": doc,
    }
    from sync.bridge.service import BridgeProblem

    with pytest.raises(BridgeProblem):  # this bridge refuses it at the door
        live_bridge.bridge.import_records("instruction-revisions", [record])
    with live_bridge.bridge.engine.begin() as conn:  # an older bridge did not
        live_bridge.bridge._record_change(conn, "instruction_revision", key, record)
    station.coordinator(live_bridge.url).run_once()
    with station.store.read() as conn:
        assert md.revision(conn, key) is None
        [refused] = md.refused_revisions(conn)
    assert refused["revision"] == key
    assert any("torque" in p for p in refused["problems"]), refused


def test_station_store_helper_is_real(tmp_path: Path) -> None:
    """The refusal list survives a reopen of the station's database."""
    store = open_store(tmp_path / "s.db")
    try:
        with store.write() as conn:
            md.refuse_revision(conn, "WI-1@2", ["package.json: document: bad"])
    finally:
        store.close()
    store = open_store(tmp_path / "s.db")
    try:
        with store.read() as conn:
            assert [r["revision"] for r in md.refused_revisions(conn)] == ["WI-1@2"]
    finally:
        store.close()


def test_openapi_describes_the_erp_records_exactly(live_bridge: LiveBridge) -> None:
    spec = httpx.get(f"{live_bridge.url}/openapi.json").json()

    def ok_schema(path: str) -> dict[str, Any]:
        schema: dict[str, Any] = spec["paths"][path]["get"]["responses"]["200"]["content"][
            "application/json"
        ]["schema"]
        return schema

    assert ok_schema("/api/v1/erp/confirmations")["$ref"].endswith("/ConfirmationsPage")
    assert ok_schema("/api/v1/erp/units/{serial}")["$ref"].endswith("/AsBuilt")
    perf = ok_schema("/api/v1/erp/work-orders/{number}/performance")
    assert perf["items"]["$ref"].endswith("/Performance")
    hello = ok_schema("/api/v1/stations/{station}/hello")
    assert hello["$ref"].endswith("/Hello")
    parts = spec["components"]["schemas"]
    assert {"id", "source_event", "cursor", "units", "torque_results"} <= set(
        parts["Confirmation"]["properties"]
    )
    assert "epoch" in parts["ConfirmationsPage"]["properties"]
    assert {"events", "components", "tightenings"} <= set(parts["AsBuilt"]["properties"])


def test_every_event_the_engine_records_fits_its_model(tmp_path: Path) -> None:
    """The autopilot drives the real engine over the demo (NOKs, rework, scrap, andon,
    downtime…): every payload it records passes the bridge's models unchanged."""
    from sqlalchemy import select as sa_select

    from kiosk import autopilot
    from kiosk.demo import seed_demo
    from kiosk.engine import StationEngine
    from kiosk.store.schema import events as station_events
    from sync.protocol import PAYLOAD_MODELS, check_payload

    store = open_store(tmp_path / "station.db")
    try:
        seed_demo(store, tmp_path / "media")
        autopilot.run(StationEngine(store), 12, seed=3, nok_rate=0.3)
        with store.read() as conn:
            rows = conn.execute(sa_select(station_events.c.type, station_events.c.payload)).all()
    finally:
        store.close()
    seen = set()
    for type_, payload in rows:
        value = json.loads(payload) if isinstance(payload, str) else payload
        check_payload(type_, value)  # raises PayloadRejected with the reason
        seen.add(type_)
    assert {"unit.started", "step.completed", "torque.recorded", "unit.completed"} <= seen
    assert seen <= set(PAYLOAD_MODELS), seen - set(PAYLOAD_MODELS)


def test_a_stored_event_id_resent_under_a_new_seq_is_refused_not_stored(
    live_bridge: LiveBridge,
) -> None:
    """A push above the watermark takes the short way (no lookup of stored events); an
    event id already stored, sent again under a new seq, must still be refused as a
    conflict and nothing stored twice."""
    from tests.sync.test_bridge_api import event

    token = live_bridge.bridge.add_station("ST-01")
    url = f"{live_bridge.url}/api/v1/stations/ST-01/events"
    auth = {"Authorization": f"Bearer {token}"}
    first = event(1)
    r = httpx.post(url, json={"batch_id": str(uuid.uuid4()), "events": [first]}, headers=auth)
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "accepted"
    again = dict(first, station_seq=2)  # same id and body, a new seq
    r = httpx.post(
        url, json={"batch_id": str(uuid.uuid4()), "events": [again, event(3)]}, headers=auth
    )
    assert r.status_code == 200, r.text
    results = {x["station_seq"]: x for x in r.json()["results"]}
    assert results[2]["status"] == "rejected" and results[2]["code"] == "event_id_conflict"
    assert results[3]["status"] == "accepted"
    assert r.json()["last_seq"] == 3  # seq 2 is held as a dead letter at the station
    assert live_bridge.bridge.station_seqs("ST-01") == [1, 3]
    assert [x["code"] for x in live_bridge.bridge.refusals("ST-01")] == ["event_id_conflict"]
