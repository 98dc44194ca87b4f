"""The station's own formats through the bridge, as they are: the engine's torque events,
the documented master-data shapes (docs/instruction-package.md section 2, the demo file)
and instruction packages (section 1, the demo package, folder or zip)."""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from kiosk.domain import Certification, WorkOrderStatus
from kiosk.store import masterdata as md
from kiosk.store.db import open_store
from kiosk.store.events import record
from sync.bridge.cli import main
from sync.bridge.service import Bridge
from tests.sync.conftest import LiveBridge, Station

pytestmark = pytest.mark.timeout(120)

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "assets" / "demo"
T0 = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)


def erp(live: LiveBridge, method: str, path: str, **kw: Any) -> httpx.Response:
    return httpx.request(
        method, f"{live.url}/api/v1/erp/{path}", headers={"X-API-Key": live.api_key}, **kw
    )


# --- torque ------------------------------------------------------------------------------


def torque_step_events(
    station: Station, serial: str, verdicts: list[bool], *, count: int = 4
) -> list[tuple[str, bool]]:
    """One unit whose torque step records ``verdicts`` as ``StationEngine.submit_tightening``
    does: every event is one tightening; while the step is partial the event also carries
    the running ``tightenings`` list, ``attempt`` and ``started_at``. Returns
    [(tightening_id, ok)] in order."""
    uid = str(uuid.uuid4())
    at = T0
    done: list[tuple[str, bool]] = []
    with station.store.write() as conn:

        def rec(type_: str, **p: Any) -> None:
            nonlocal at
            at += timedelta(seconds=5)
            record(conn, type_, p, operator_id="op-maria", occurred_at=at)

        rec(
            "unit.started",
            unit_id=uid,
            serial=serial,
            work_order="WO-7",
            operation="OP20",
            revision="P200-OP20@3",
        )
        tightenings: list[dict[str, Any]] = []
        for n, ok in enumerate(verdicts, 1):
            fastening = sum(1 for t in tightenings if t["ok"]) + 1
            entry = {
                "fastening": fastening,
                "ok": ok,
                "torque": 12.0 if ok else 15.5,
                "angle": 40.0,
                "pset": 3,
                "tightening_id": f"{serial}-T{n}",
            }
            tightenings.append(entry)
            recorded = {"unit_id": uid, "serial": serial, "step_id": "torque-casing", **entry}
            if sum(1 for t in tightenings if t["ok"]) < count:  # partial
                recorded |= {
                    "tightenings": list(tightenings),
                    "attempt": 1,
                    "started_at": T0.isoformat(),
                }
            rec("torque.recorded", **recorded)
            done.append((entry["tightening_id"], ok))
        rec(
            "unit.completed",
            unit_id=uid,
            serial=serial,
            work_order="WO-7",
            operation="OP20",
            cycle_time_s=60.0,
        )
    return done


def test_each_torque_event_is_one_result_whatever_its_running_list(
    live_bridge: LiveBridge, station: Station
) -> None:
    happened = torque_step_events(station, "SN-T1", [True, False, True, True, True])
    station.coordinator(live_bridge.url).run_once()

    feed = erp(live_bridge, "GET", "confirmations", params={"since": 0}).json()
    [c] = feed["confirmations"]
    results = c["torque_results"]
    assert len(results) == 5  # not 1+2+2+3+1
    assert [(t["tightening_id"], t["ok"]) for t in results] == happened
    assert [t["fastening"] for t in results] == [1, 2, 2, 3, 4]
    assert {(t["serial"], t["step_id"], t["pset"]) for t in results} == {
        ("SN-T1", "torque-casing", 3)
    }
    assert all("tightenings" not in t for t in results)

    built = erp(live_bridge, "GET", "units/SN-T1").json()
    assert [(t["tightening_id"], t["ok"]) for t in built["tightenings"]] == happened
    assert [e["type"] for e in built["events"]].count("torque.recorded") == 5


# --- master data -------------------------------------------------------------------------


def test_the_demo_master_data_file_is_imported_as_it_is_and_reaches_the_station(
    live_bridge: LiveBridge, station: Station, tmp_path: Path
) -> None:
    bridge = live_bridge.bridge
    before = datetime.now(UTC)
    results = {r.entity: r.upserted for r in bridge.import_file(DEMO / "masterdata.json")}
    assert results == {"station": 1, "product": 1, "operator": 5, "work_order": 5}
    wo = bridge.get_record("work-orders", "WO-10452")
    assert wo is not None and "due_in_hours" not in wo
    due = datetime.fromisoformat(wo["due"].replace("Z", "+00:00"))
    assert before + timedelta(hours=6) <= due <= datetime.now(UTC) + timedelta(hours=6)

    station.coordinator(live_bridge.url).run_once()
    with station.store.read() as conn:
        maria = md.operator_by_badge(conn, "B1001")
        assert maria is not None
        assert maria.certifications == (Certification("OP20", date(2027, 12, 31)),)
        tom = md.operator_by_badge(conn, "B2001")
        assert tom is not None and tom.certifications == (Certification("OP20", None),)
        # The demo's work orders are assigned to ST-03: offered there only.
        assert md.work_order(conn, "WO-10452") is None
        # ST-03's own record goes to ST-03 only.
        me = md.station(conn)
        assert me is not None and me.id == "ST-01"

    # ST-03 registered after the import keeps the imported line and operations, and is
    # offered its work orders.
    token = bridge.add_station("ST-03")
    st03 = Station("ST-03", open_store(tmp_path / "st03.db"), token, tmp_path / "media-03")
    try:
        page = st03.session(live_bridge.url).changes(0, 100)
        [mine] = [c for c in page.changes if c.entity == "station"]
        assert mine.id == "ST-03" and mine.data is not None
        assert (mine.data["line"], mine.data["operations"]) == ("Line 2", ["OP20"])
        st03.coordinator(live_bridge.url).run_once()
        with st03.store.read() as conn:
            order = md.work_order(conn, "WO-10452")
            assert order is not None
            assert (order.status, order.done) == (WorkOrderStatus.IN_PROGRESS, 37)
            assert order.due is not None and abs((order.due - due).total_seconds()) < 1
    finally:
        st03.store.close()


@pytest.mark.parametrize("status", [s.value for s in WorkOrderStatus])
def test_every_documented_work_order_status_is_taken(
    live_bridge: LiveBridge, station: Station, status: str
) -> None:
    r = erp(
        live_bridge,
        "PUT",
        "work-orders/WO-S",
        json={"product": "P-200", "operation": "OP20", "quantity": 9, "status": status, "done": 4},
    )
    assert r.status_code == 200, r.text
    station.coordinator(live_bridge.url).run_once()
    with station.store.read() as conn:
        order = md.work_order(conn, "WO-S")
    assert order is not None and (order.status, order.done) == (status, 4)


@pytest.mark.parametrize(
    ("kind", "record", "field"),
    [
        (
            "operators",
            {"id": "o1", "badge": "B9", "name": "X", "certifications": ["OP20"]},
            "certifications",
        ),
        ("operators", {"id": "o1", "badge": "B9", "name": "X", "roles": ["boss"]}, "roles"),
        (
            "work-orders",
            {"number": "W", "product": "P", "operation": "O", "quantity": 1, "status": "closed"},
            "status",
        ),
        (
            "work-orders",
            {"number": "W", "product": "P", "operation": "O", "quantity": 1, "due": "tomorrow"},
            "due",
        ),
    ],
)
def test_shapes_the_station_cannot_read_are_refused(
    live_bridge: LiveBridge, kind: str, record: dict[str, Any], field: str
) -> None:
    r = erp(live_bridge, "POST", kind, json=[record])
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["code"] == "invalid_records"
    assert field in json.dumps(body["detail"])


def test_csv_operators_give_certification_objects(tmp_path: Path) -> None:
    bridge = Bridge.open(str(tmp_path / "b.db"), tmp_path / "data")
    try:
        csv = tmp_path / "operators.csv"
        csv.write_text(
            "id,badge,name,roles,certifications\nop-1,B1,Ann,operator,OP20:2027-01-31;OP30\n"
        )
        bridge.import_file(csv)
        assert (bridge.get_record("operators", "op-1") or {})["certifications"] == [
            {"operation": "OP20", "expires": "2027-01-31"},
            {"operation": "OP30", "expires": None},
        ]
    finally:
        bridge.close()


# --- instruction packages ----------------------------------------------------------------


def test_the_demo_package_is_published_and_a_station_pulls_it(
    live_bridge: LiveBridge, station: Station
) -> None:
    published = live_bridge.bridge.publish_package(DEMO / "package")
    assert published["revisions"] == ["P200-OP20@3"]
    assert len(published["media"]) == 18 and published["warnings"] == []

    report = station.coordinator(live_bridge.url).run_once()
    assert report.media == 18
    with station.store.read() as conn:
        rev = md.revision(conn, "P200-OP20@3")
        assert rev is not None and rev.revision == 3
        current = md.current_revision(conn, "P-200", "OP20")
        assert current is not None and current.key == "P200-OP20@3"
    for f in (DEMO / "package" / "media").iterdir():
        assert (station.media_dir / f.name).read_bytes() == f.read_bytes()


def _zip(folder: Path, target: Path, *, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w") as z:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                z.write(p, prefix + p.relative_to(folder).as_posix())
    return target


@pytest.mark.parametrize("prefix", ["", "P200-OP20/"])
def test_a_zipped_package_publishes_like_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], prefix: str
) -> None:
    package = _zip(DEMO / "package", tmp_path / "p.zip", prefix=prefix)
    data = ["--data", str(tmp_path / "data")]
    assert main(["instructions", "publish", str(package), *data]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["revisions"] == ["P200-OP20@3"] and len(out["media"]) == 18
    # Publishing the same revision again (from the folder) changes nothing.
    assert main(["instructions", "publish", str(DEMO / "package"), *data]) == 0
    bridge = Bridge.open(str(tmp_path / "data" / "bridge.db"), tmp_path / "data")
    try:
        changes = bridge.changes("any", 0, 1000).changes
        assert [c.entity for c in changes].count("instruction_revision") == 1
        assert [c.entity for c in changes].count("media") == 18
        for sha in out["media"]:
            body = bridge.media_path(sha).read_bytes()
            assert hashlib.sha256(body).hexdigest() == sha
    finally:
        bridge.close()


def _copy_demo(tmp_path: Path) -> Path:
    folder = tmp_path / "pkg"
    shutil.copytree(DEMO / "package", folder)
    return folder


def _manifest(folder: Path) -> dict[str, Any]:
    return dict(json.loads((folder / "package.json").read_text()))


def _write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    (folder / "package.json").write_text(json.dumps(manifest))


def _bad_format(folder: Path) -> Path:
    _write_manifest(folder, _manifest(folder) | {"format": "something-else"})
    return folder


def _bad_version(folder: Path) -> Path:
    _write_manifest(folder, _manifest(folder) | {"format_version": 2})
    return folder


def _no_id_or_revision(folder: Path) -> Path:
    m = _manifest(folder)
    del m["document"]["id"], m["document"]["revision"]
    _write_manifest(folder, m)
    return folder


def _missing_media(folder: Path) -> Path:
    next((folder / "media").glob("*.mp4")).unlink()
    return folder


def _tampered_media(folder: Path) -> Path:
    jpg = sorted((folder / "media").glob("*.jpg"))[0]
    jpg.write_bytes(jpg.read_bytes() + b"\0")
    return folder


def _zip_slip(folder: Path) -> Path:
    target = _zip(folder, folder.parent / "slip.zip")
    with zipfile.ZipFile(target, "a") as z:
        z.writestr("../../evil.txt", b"outside")
    return target


def _duplicate_entry(folder: Path) -> Path:
    target = _zip(folder, folder.parent / "dup.zip")
    with pytest.warns(UserWarning), zipfile.ZipFile(target, "a") as z:
        z.writestr("package.json", b"{}")
    return target


def _encrypted_entry(folder: Path) -> Path:
    target = _zip(folder, folder.parent / "enc.zip")
    with zipfile.ZipFile(target, "a") as z:
        z.writestr("media/secret.bin", b"not really encrypted")
    # zipfile writes no encrypted entries: set the flag in the central directory header.
    raw = bytearray(target.read_bytes())
    at = raw.rfind(b"media/secret.bin") - 46
    assert raw[at : at + 4] == b"PK\x01\x02"
    raw[at + 8] |= 0x1
    target.write_bytes(bytes(raw))
    return target


def _not_a_package(folder: Path) -> Path:
    return folder / "media"


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_bad_format, "format: This is not an instruction package (format is 'something-else'"),
        (_bad_version, "format_version: This kiosk reads format_version 1; the package has 2"),
        (_no_id_or_revision, "document: The field 'id' is missing"),
        (_missing_media, "The media file is missing from the package"),
        (_tampered_media, "the file is damaged or was replaced"),
        (_zip_slip, "../../evil.txt: The entry's path is absolute or leaves the package"),
        (_duplicate_entry, "package.json: The zip holds this entry twice"),
        (_encrypted_entry, "media/secret.bin: The entry is encrypted"),
        (_not_a_package, "has no package.json at its root"),
    ],
)
def test_a_bad_package_is_refused_with_its_reason_and_nothing_is_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], spoil: Any, message: str
) -> None:
    package = spoil(_copy_demo(tmp_path))
    data = tmp_path / "data"
    assert main(["instructions", "publish", str(package), "--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert message in err and "nothing was published" in err
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path.parent / "evil.txt").exists()
    bridge = Bridge.open(str(data / "bridge.db"), data)
    try:
        assert bridge.changes("any", 0, 1000).changes == []
        assert [p for p in bridge.media_dir.rglob("*") if p.is_file()] == []
    finally:
        bridge.close()


def test_a_mark10_reading_keeps_value_unit_and_verdict_from_driver_to_erp(
    live_bridge: LiveBridge, tmp_path: Path
) -> None:
    """The seam end to end: the Mark-10 driver's reading of "24.0 Nm" (no verdict of its own)
    → the composition root's conversion → the engine (the 22–26 N·m step judges it) → the
    station's outbox → the bridge → the ERP's confirmation and as-built record."""
    from hardware.ascii_torque import MARK10_TT, parse_reading
    from tests.helpers.station import make_station
    from tests.kiosk.test_engine import to_step
    from ui.devices import torque_reading

    engine, _ = make_station(tmp_path / "st")
    token = live_bridge.bridge.add_station(engine.station.id, "Test bench")
    engine.login_badge("B1001")
    engine.select_work_order("WO-1")
    unit = engine.start_unit()
    to_step(engine, "bolts")
    for _ in range(4):
        result = parse_reading(MARK10_TT, "24.0 Nm\r\n", pset=3)
        assert result is not None and result.ok is None
        assert engine.submit_tightening(torque_reading(result)).ok
    engine.next()
    while engine.unit is not None:
        view = engine.step_view()
        assert view is not None
        if view.step.kind == "signoff":
            engine.handle_scan("B3001")
        engine.next()
    Station(engine.station.id, engine.store, token, tmp_path / "media").coordinator(
        live_bridge.url
    ).run_once()

    feed = erp(live_bridge, "GET", "confirmations", params={"since": 0}).json()
    results = [t for c in feed["confirmations"] for t in c["torque_results"]]
    assert len(results) == 4
    for t in results:
        assert t["serial"] == unit.serial and t["step_id"] == "bolts" and t["pset"] == 3
        assert t["torque"] == 24.0 and t["unit"] == "Nm" and t["ok"] is True
        assert t["tool_verdict"] == "none" and t["tool_unit"] == "Nm"
    built = erp(live_bridge, "GET", f"units/{unit.serial}").json()
    assert [(t["torque"], t["unit"], t["ok"]) for t in built["tightenings"]] == [
        (24.0, "Nm", True)
    ] * 4
