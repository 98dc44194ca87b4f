"""A real bridge (uvicorn on 127.0.0.1, SQLite file) with the web view, the demo's master
data and instruction revision, a supervisor and a quality login, and a station that pushes
real event batches through the HTTP API."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from sync.bridge.service import Bridge
from sync.bridge.web.auth import add_user
from sync.bridge.web.tables import create_schema
from sync.protocol import payload_sha256, rfc3339
from tests.sync.conftest import ServerThread

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "assets" / "demo"
SUPERVISOR = ("sara", "supervisor-pass-1")
QUALITY = ("quinn", "quality-pass-22")


def demo_document() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((DEMO / "package" / "package.json").read_text())["document"]
    return doc


@dataclass
class StationPusher:
    """A station on the wire: gap-free ``station_seq`` from 1, real batches, real hashes."""

    url: str
    station: str
    token: str
    seq: int = 0
    clock: datetime = field(default_factory=lambda: datetime.now(UTC))

    def event(
        self,
        type_: str,
        payload: dict[str, Any],
        operator: str | None = "op-maria",
        at: datetime | None = None,
    ) -> dict[str, Any]:
        self.seq += 1
        return {
            "event_id": str(uuid.uuid4()),
            "station_seq": self.seq,
            "type": type_,
            "occurred_at": rfc3339(at or datetime.now(UTC)),
            "operator_id": operator,
            "schema_version": 1,
            "payload": payload,
            "payload_sha256": payload_sha256(payload),
        }

    def push(self, *events: dict[str, Any]) -> httpx.Response:
        r = httpx.post(
            f"{self.url}/api/v1/stations/{self.station}/events",
            json={"batch_id": str(uuid.uuid4()), "events": list(events)},
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=10,
        )
        assert r.status_code == 200, r.text
        assert all(x["status"] == "accepted" for x in r.json()["results"]), r.text
        return r

    def login(self, operator: str = "op-maria") -> None:
        self.push(self.event("operator.logged_in", {"operator_id": operator, "method": "badge"}))

    def start_unit(
        self, serial: str, work_order: str = "WO-10452", at: datetime | None = None
    ) -> str:
        unit_id = str(uuid.uuid4())
        self.push(
            self.event(
                "unit.started",
                {
                    "unit_id": unit_id,
                    "serial": serial,
                    "work_order": work_order,
                    "product": "P-200",
                    "operation": "OP20",
                    "revision": "P200-OP20@3",
                    "generated": False,
                },
                at=at,
            )
        )
        return unit_id

    def build_unit(
        self,
        serial: str,
        *,
        lot: str = "L240611",
        motor: str | None = None,
        torque_nok: bool = False,
        scrap: str | None = None,
        minutes_ago: float = 5.0,
        cycle_s: float = 200.0,
    ) -> str:
        """A whole unit as the engine records it, in one batch: started, components,
        a measurement, tightenings (one NOK first if asked), a signature, completed."""
        start = datetime.now(UTC) - timedelta(minutes=minutes_ago)
        unit_id = self.start_unit(serial, at=start)
        evs = []
        base = {"unit_id": unit_id, "serial": serial}

        def at(s: float) -> datetime:
            return start + timedelta(seconds=s)

        evs.append(
            self.event(
                "component.consumed",
                base | {"part": "MS-200-16", "lot": lot, "gtin": "04012345123456"},
                at=at(10),
            )
        )
        evs.append(
            self.event(
                "component.consumed",
                base | {"part": "MTR-200-075", "component_serial": motor or f"MTR-{serial}"},
                at=at(20),
            )
        )
        for i, step in enumerate(("prepare", "kit", "scan-motor", "mount-motor", "scan-seal")):
            evs.append(
                self.event(
                    "step.completed",
                    base
                    | {
                        "step_id": step,
                        "kind": "x",
                        "status": "ok",
                        "attempt": 1,
                        "started_at": rfc3339(at(i)),
                        "data": {},
                    },
                    at=at(5 + i * 5),
                )
            )
        evs.append(
            self.event(
                "measurement.recorded",
                base
                | {
                    "step_id": "end-play",
                    "name": "shaft_end_play",
                    "value": 0.12,
                    "unit": "mm",
                    "lower": 0.05,
                    "upper": 0.2,
                    "nominal": 0.12,
                    "outcome": "ok",
                    "marginal": False,
                },
                at=at(60),
            )
        )
        tightenings = []
        for fastening in range(1, 5):
            if torque_nok and fastening == 2:
                nok = {
                    "fastening": 2,
                    "ok": False,
                    "torque": 19.5,
                    "angle": 12.0,
                    "pset": 3,
                    "tightening_id": f"{serial}-n",
                    "unit": "Nm",
                    "torque_peak": 21.2,
                    "controller_id": "PF6000-1",
                }
                tightenings.append(nok)
                evs.append(
                    self.event(
                        "torque.recorded",
                        base
                        | {"step_id": "torque-casing"}
                        | nok
                        | {"tightenings": list(tightenings)},
                        at=at(90),
                    )
                )
            ok = {
                "fastening": fastening,
                "ok": True,
                "torque": 25.0 + fastening / 10,
                "angle": 40.0,
                "pset": 3,
                "tightening_id": f"{serial}-{fastening}",
            }
            tightenings.append(ok)
            evs.append(
                self.event(
                    "torque.recorded",
                    base | {"step_id": "torque-casing"} | ok,
                    at=at(100 + fastening),
                )
            )
        evs.append(
            self.event(
                "step.completed",
                base
                | {
                    "step_id": "torque-casing",
                    "kind": "torque",
                    "status": "ok",
                    "attempt": 1,
                    "started_at": rfc3339(at(90)),
                    "data": {"tightenings": tightenings},
                },
                at=at(105),
            )
        )
        evs.append(
            self.event(
                "signature.applied",
                base
                | {
                    "step_id": "quality-release",
                    "signer_id": "op-aiko",
                    "signer_name": "Aiko Tanaka",
                    "role": "quality",
                    "meaning": {"en": "Released for shipping"},
                },
                at=at(150),
            )
        )
        if scrap:
            evs.append(
                self.event(
                    "unit.scrapped",
                    base
                    | {
                        "work_order": "WO-10452",
                        "operation": "OP20",
                        "reason": scrap,
                        "cycle_time_s": cycle_s,
                    },
                    at=at(cycle_s),
                )
            )
        else:
            evs.append(
                self.event(
                    "unit.completed",
                    base
                    | {
                        "work_order": "WO-10452",
                        "operation": "OP20",
                        "revision": "P200-OP20@3",
                        "cycle_time_s": cycle_s,
                    },
                    at=at(cycle_s),
                )
            )
        self.push(*evs)
        return unit_id


class WebServerThread(ServerThread):
    """:class:`ServerThread` that stops within a second even with live streams open (as
    ``kiosk-bridge serve`` does, with its graceful-shutdown timeout)."""

    def start(self) -> None:
        import threading
        import time

        import uvicorn

        from sync.bridge.app import create_app
        from tests.sync.conftest import free_socket

        sock = free_socket(self.port)
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            create_app(self.bridge),
            log_level="warning",
            timeout_keep_alive=5,
            timeout_graceful_shutdown=1,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 15
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the bridge did not start")
            time.sleep(0.01)
        sock.close()
        self._server, self._thread = server, thread


@dataclass
class WebBridge:
    bridge: Bridge
    server: ServerThread
    data: Path

    @property
    def url(self) -> str:
        return self.server.url

    def station(self, station: str, name: str) -> StationPusher:
        return StationPusher(self.url, station, self.bridge.add_station(station, name))

    def client(self, who: tuple[str, str] = SUPERVISOR) -> httpx.Client:
        """An HTTP client signed in as ``who`` (through the login form, as a browser)."""
        c = httpx.Client(base_url=self.url, timeout=10, follow_redirects=False)
        form = c.get("/login")
        csrf = form.text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
        r = c.post("/login", data={"name": who[0], "password": who[1], "csrf": csrf, "next": "/"})
        assert r.status_code == 303, r.text
        return c


def seed_master_data(bridge: Bridge) -> None:
    bridge.import_file(DEMO / "masterdata.json")
    doc = demo_document()
    bridge.import_records(
        "instruction-revisions",
        [
            {
                "document_id": doc["id"],
                "revision": doc["revision"],
                "status": "approved",
                "product": doc["product"],
                "operation": doc["operation"],
                "document": doc,
            }
        ],
    )


@pytest.fixture
def web_bridge(tmp_path: Path) -> Iterator[WebBridge]:
    bridge = Bridge.open(f"sqlite:///{tmp_path / 'bridge.db'}", tmp_path / "bridge-data")
    create_schema(bridge.engine)
    add_user(bridge.engine, *SUPERVISOR[:1], "supervisor", SUPERVISOR[1])
    add_user(bridge.engine, QUALITY[0], "quality", QUALITY[1])
    server = WebServerThread(bridge)
    server.start()
    try:
        yield WebBridge(bridge, server, tmp_path / "bridge-data")
    finally:
        server.stop()
        bridge.close()
