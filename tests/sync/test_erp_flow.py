"""Master data down, production confirmations up: the ERP's view of a real station."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from kiosk.store import masterdata as md
from kiosk.store import open_store, outbox
from kiosk.store.events import record
from kiosk.store.schema import events
from kiosk.store.schema import media as media_table
from sync.bridge.service import confirmation_id
from sync.protocol import payload_sha256
from tests.sync.conftest import LiveBridge, Station, queue_events

pytestmark = pytest.mark.timeout(120)

T0 = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)


def erp(live: LiveBridge, method: str, path: str, **kw: Any) -> Any:
    headers = {"X-API-Key": live.api_key} | kw.pop("headers", {})
    r = httpx.request(method, f"{live.url}/api/v1/erp/{path}", headers=headers, **kw)
    assert r.status_code < 300, r.text
    return r.json()


def build_unit(
    station: Station, serial: str, *, wo: str = "WO-1", scrap: bool = False, start: datetime = T0
) -> None:
    """The events one unit's run leaves (payloads as the engine writes them)."""
    uid = str(uuid.uuid4())
    at = start
    with station.store.write() as conn:

        def rec(type_: str, **p: Any) -> None:
            nonlocal at
            at += timedelta(seconds=10)
            record(conn, type_, p, operator_id="op-maria", occurred_at=at)

        rec(
            "unit.started",
            unit_id=uid,
            serial=serial,
            work_order=wo,
            operation="OP10",
            revision="WI-1@3",
        )
        rec(
            "component.consumed",
            unit_id=uid,
            serial=serial,
            step_id="s1",
            part="PCB",
            component_serial=f"PCB-{serial}",
            lot="LOT-7",
            gtin="09506000134352",
        )
        rec(
            "measurement.recorded",
            unit_id=uid,
            step_id="s2",
            name="voltage",
            value=12.1,
            unit="V",
            lower=11.5,
            upper=12.5,
            nominal=12.0,
            outcome="pass",
            marginal=False,
        )
        rec(
            "torque.recorded",
            unit_id=uid,
            step_id="s3",
            fastening=1,
            torque=4.02,
            angle=181.0,
            ok=True,
            pset=2,
            tightening_id="T-1",
        )
        if scrap:
            rec(
                "unit.scrapped",
                unit_id=uid,
                serial=serial,
                work_order=wo,
                operation="OP10",
                reason="cracked housing",
            )
        else:
            rec(
                "unit.completed",
                unit_id=uid,
                serial=serial,
                work_order=wo,
                operation="OP10",
                cycle_time_s=40.0,
            )


def test_master_data_comes_down_with_tombstones_and_verified_media(
    live_bridge: LiveBridge, station: Station, tmp_path: Path
) -> None:
    erp(live_bridge, "POST", "products", json=[{"code": "T-100", "name": "Thermostat"}])
    erp(
        live_bridge,
        "POST",
        "operators",
        json=[{"id": "op-maria", "badge": "B1001", "name": "Maria Garcia"}],
    )
    erp(
        live_bridge,
        "PUT",
        "work-orders/WO-1",
        json={"product": "T-100", "operation": "OP10", "quantity": 3},
    )
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "boms-T-100.csv").write_text(
        "product,part,quantity,tracking\nT-100,PCB,1,serial\nT-100,SCREW,4,none\n"
    )
    (inbox / "erp-export.json").write_text(
        json.dumps(
            {
                "work_orders": [
                    {"number": "WO-2", "product": "T-100", "operation": "OP10", "quantity": 1}
                ]
            }
        )
    )
    (inbox / "operators-broken.csv").write_text("id,name\nop-x,No badge\n")
    assert sorted(live_bridge.bridge.process_inbox(inbox)) == [
        ("boms-T-100.csv", "done"),
        ("erp-export.json", "done"),
        ("operators-broken.csv", "failed"),
    ]
    error = json.loads((inbox / "failed" / "operators-broken.csv.error.json").read_text())
    assert error["code"] == "invalid_records"

    picture = bytes(range(256)) * 4096  # 1 MiB
    sha = hashlib.sha256(picture).hexdigest()
    erp(
        live_bridge,
        "PUT",
        f"media/{sha}",
        content=picture,
        headers={
            "Content-Type": "image/jpeg",
            "X-File-Name": "step1.jpg",
            "X-API-Key": live_bridge.api_key,
        },
    )
    # An interrupted earlier download: the first half is already here.
    station.media_dir.mkdir(parents=True)
    (station.media_dir / f"{sha}.jpg.part").write_bytes(picture[: len(picture) // 2])

    coordinator = station.coordinator(live_bridge.url)
    report = coordinator.run_once()
    assert report.media == 1
    assert (station.media_dir / f"{sha}.jpg").read_bytes() == picture
    with station.store.read() as conn:
        product = md.product(conn, "T-100")
        assert product is not None and product.name == "Thermostat"
        assert md.work_order(conn, "WO-1") is not None
        assert md.work_order(conn, "WO-2") is not None
        assert md.operator_by_badge(conn, "B1001") is not None
        me = md.station(conn)
        assert me is not None and me.name == "Final assembly"
        assert conn.execute(select(media_table.c.present)).scalar_one()
        cursor = outbox.get_cursor(conn)
    bom = live_bridge.bridge.get_record("products", "T-100")
    assert bom is not None and [c["part"] for c in bom["bom"]] == ["PCB", "SCREW"]

    erp(live_bridge, "DELETE", "work-orders/WO-2")
    coordinator.run_once()
    with station.store.read() as conn:
        # The core keeps a deleted work order for the record, cancelled.
        wo2 = md.work_order(conn, "WO-2")
        assert wo2 is not None and wo2.status == "cancelled"
        assert outbox.get_cursor(conn) > cursor


def test_corrupt_media_on_the_bridge_is_not_accepted(
    live_bridge: LiveBridge, station: Station
) -> None:
    content = b"video frame" * 1000
    sha = live_bridge.bridge.add_media(content, file_name="clip.mp4", media_type="video/mp4")
    live_bridge.bridge.media_path(sha).write_bytes(b"bit rot" * 1000)
    coordinator = station.coordinator(live_bridge.url)
    report = coordinator.run_once()
    assert report.media == 0
    assert not list(station.media_dir.glob(f"{sha}*"))
    with station.store.read() as conn:
        assert conn.execute(select(media_table.c.present)).scalar_one() is False
    live_bridge.bridge.media_path(sha).write_bytes(content)  # repaired
    assert coordinator.run_once().media == 1


def test_confirmations_genealogy_as_built_and_recall(
    live_bridge: LiveBridge, station: Station, tmp_path: Path
) -> None:
    build_unit(station, "SN-1")
    build_unit(station, "SN-2", start=T0 + timedelta(minutes=5))
    build_unit(station, "SN-3", scrap=True, start=T0 + timedelta(minutes=10))
    with station.store.write() as conn:
        record(
            conn,
            "downtime.started",
            {"downtime_id": "d1", "reason": "material"},
            operator_id="op-maria",
            occurred_at=T0 + timedelta(minutes=20),
        )
        record(
            conn,
            "downtime.ended",
            {"downtime_id": "d1", "reason": "material", "minutes": 12.5},
            operator_id="op-maria",
            occurred_at=T0 + timedelta(minutes=32),
        )
    station.coordinator(live_bridge.url).run_once()

    feed = erp(live_bridge, "GET", "confirmations", params={"since": 0})
    assert feed["has_more"] is False
    # One confirmation per finishing event (3 units, 1 downtime): each id derives from its
    # event, so re-ingesting the same events yields the same ids however they are batched.
    confs = feed["confirmations"]
    assert len(confs) == 4
    assert {(c["work_order"], c["operation"], c["station"]) for c in confs} == {
        ("WO-1", "OP10", "ST-01")
    }
    assert [c["id"] for c in confs] == [confirmation_id("ST-01", c["source_event"]) for c in confs]
    assert len({c["id"] for c in confs}) == 4
    produced = {k: sum(c["material_produced"][k] for c in confs) for k in ("good", "scrap")}
    assert produced == {"good": 2, "scrap": 1}
    assert {c["material_produced"]["uom"] for c in confs} == {"pcs"}
    reasons: dict[str, int] = {}
    downtime: dict[str, float] = {}
    for c in confs:
        for k, v in c["material_produced"]["scrap_reasons"].items():
            reasons[k] = reasons.get(k, 0) + v
        for k, v in c["downtime_min"].items():
            downtime[k] = downtime.get(k, 0) + v
    assert reasons == {"cracked housing": 1}
    assert downtime == {"material": 12.5}
    cycles = [u["cycle_time_s"] for c in confs for u in c["units"]]
    assert len(cycles) == 3 and sum(cycles) / 3 == 40.0
    assert sum(c["labour_time_s"] for c in confs) == 120.0
    assert {g["lot"] for c in confs for g in c["material_consumed"]} == {"LOT-7"}
    assert sum(len(c["quality_results"]) for c in confs) == 3
    torque = [t for c in confs for t in c["torque_results"]]
    assert len(torque) == 3 and torque[0]["torque"] == 4.02
    again = erp(live_bridge, "GET", "confirmations", params={"since": feed["next_cursor"]})
    assert again["confirmations"] == []

    outdir = tmp_path / "outbox"
    assert live_bridge.bridge.write_outbox(outdir) == 4
    assert live_bridge.bridge.write_outbox(outdir) == 0
    files = sorted(outdir.glob("confirmation-*.json"))
    assert [json.loads(f.read_text())["id"] for f in files] == [c["id"] for c in confs]

    built = erp(live_bridge, "GET", "units/SN-1")
    assert built["outcome"] == "good" and built["work_order"] == "WO-1"
    assert built["events"][0]["type"] == "unit.started"
    assert built["components"][0]["component_serial"] == "PCB-SN-1"
    recall = erp(live_bridge, "GET", "recall", params={"lot": "LOT-7"})
    assert sorted(u["serial"] for u in recall) == ["SN-1", "SN-2", "SN-3"]
    perf = erp(live_bridge, "GET", "work-orders/WO-1/performance")
    assert perf[0]["good"] == 2 and perf[0]["scrap"] == 1

    # A sub-assembly: SN-1 goes into TOP-1; recalling LOT-7 now also finds TOP-1.
    uid = str(uuid.uuid4())
    with station.store.write() as conn:
        record(
            conn,
            "unit.started",
            {
                "unit_id": uid,
                "serial": "TOP-1",
                "work_order": "WO-5",
                "operation": "OP20",
                "revision": "WI-2@1",
            },
            operator_id=None,
            occurred_at=T0 + timedelta(hours=1),
        )
        record(
            conn,
            "component.consumed",
            {
                "unit_id": uid,
                "serial": "TOP-1",
                "step_id": "s1",
                "part": "MODULE",
                "component_serial": "SN-1",
            },
            operator_id=None,
            occurred_at=T0 + timedelta(hours=1),
        )
    station.coordinator(live_bridge.url).run_once()
    recall = erp(live_bridge, "GET", "recall", params={"lot": "LOT-7"})
    assert {u["serial"]: u["via"] for u in recall}["TOP-1"] == "SN-1"
    top = erp(live_bridge, "GET", "units/TOP-1")
    assert top["components"][0]["as_built"]["serial"] == "SN-1"


def test_work_order_cancelled_while_offline_keeps_late_events_flagged(
    live_bridge: LiveBridge, station: Station
) -> None:
    erp(
        live_bridge,
        "PUT",
        "work-orders/WO-1",
        json={"product": "T-100", "operation": "OP10", "quantity": 3},
    )
    station.coordinator(live_bridge.url).run_once()
    # The station goes on building WO-1 offline; meanwhile the ERP cancels it.
    build_unit(station, "SN-1")
    erp(
        live_bridge,
        "PUT",
        "work-orders/WO-1",
        json={"product": "T-100", "operation": "OP10", "quantity": 3, "status": "cancelled"},
    )
    report = station.coordinator(live_bridge.url).run_once()
    assert report.pushed == 5 and report.dead == 0
    assert report.flagged == {"work_order_cancelled": 5}
    assert live_bridge.bridge.events_count("ST-01") == 5
    [c] = erp(live_bridge, "GET", "confirmations")["confirmations"]  # one unit finished
    assert c["flags"] == ["work_order_cancelled"]
    built = erp(live_bridge, "GET", "units/SN-1")
    assert all(e["flags"] == ["work_order_cancelled"] for e in built["events"])


def test_bridge_flags_a_station_whose_clock_is_off(
    live_bridge: LiveBridge, station: Station
) -> None:
    p = {"device": "scanner"}
    body = {
        "batch_id": str(uuid.uuid4()),
        "sent_at": (datetime.now(UTC) + timedelta(hours=1)).isoformat(),
        "events": [
            {
                "event_id": str(uuid.uuid4()),
                "station_seq": 1,
                "type": "device.status_changed",
                "occurred_at": (datetime.now(UTC) + timedelta(hours=1)).isoformat(),
                "schema_version": 1,
                "payload": p,
                "payload_sha256": payload_sha256(p),
            }
        ],
    }
    r = httpx.post(
        f"{live_bridge.url}/api/v1/stations/ST-01/events",
        json=body,
        headers={"Authorization": f"Bearer {station.token}"},
    )
    assert r.status_code == 200
    result = r.json()
    assert 3500 < result["clock_skew_s"] < 3700
    assert set(result["results"][0]["flags"]) == {"station_clock_skew", "occurred_in_future"}
    hello = httpx.get(
        f"{live_bridge.url}/api/v1/stations/ST-01",
        headers={"Authorization": f"Bearer {station.token}"},
    ).json()
    assert hello["clock_flagged"] is True
    [overview] = erp(live_bridge, "GET", "stations")
    assert overview["clock_flagged"] is True
    # A well-set clock clears the flag.
    queue_events(station.store, 2)
    with station.store.write() as conn:  # seq 1 went out above, by hand
        conn.execute(update(events).where(events.c.seq == 1).values(sync_state="sent"))
    assert station.coordinator(live_bridge.url).run_once().pushed == 1
    assert erp(live_bridge, "GET", "stations")[0]["clock_flagged"] is False


def test_retention_prunes_only_old_synced_events(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    try:
        queue_events(store, 10)
        old = datetime.now(UTC) - timedelta(days=200)
        with store.write() as conn:
            outbox.mark_sent(conn, [1, 2, 3, 4, 10], "accepted", old)
            outbox.mark_dead(conn, 5, "x", "refused", old)
            outbox.mark_sent(conn, [6], "accepted", datetime.now(UTC))
            n = outbox.prune_synced(conn, datetime.now(UTC) - timedelta(days=90))
            left = [r[0] for r in conn.execute(select(events.c.seq).order_by(events.c.seq))]
        assert n == 4
        # 5 dead, 7-9 pending, 6 recent, 10 the newest (the next seq depends on it).
        assert left == [5, 6, 7, 8, 9, 10]
        queue_events(store, 1)
        with store.read() as conn:
            assert max(r[0] for r in conn.execute(select(events.c.seq))) == 11
    finally:
        store.close()
