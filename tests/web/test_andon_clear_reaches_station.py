"""An andon call cleared by a supervisor on the web view reaches the station that raised
it: the station stops showing it, records the clearing (who cleared it, on the bridge)
and the bridge hears the clearing back. Real engine, real station database, a real
bridge on loopback, the supervisor signed in through the login form."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

import httpx
from pydantic import create_model
from sqlalchemy import select

from kiosk.demo import seed_demo
from kiosk.engine import Change, StationEngine
from kiosk.store import open_store
from kiosk.store.schema import events as station_events
from sync.bridge import db
from sync.client import BridgeSession, SyncCoordinator
from tests.web.conftest import WebBridge


def test_a_supervisor_clears_an_andon_on_the_web_and_the_station_follows(
    web_bridge: WebBridge, tmp_path: Path
) -> None:
    store = open_store(tmp_path / "station.db")
    try:
        seed_demo(store, tmp_path / "media")
        engine = StationEngine(store)
        station = engine.station.id
        token = web_bridge.bridge.add_station(station, "Motor assembly")
        coordinator = SyncCoordinator(
            store,
            lambda: BridgeSession(web_bridge.url, station, token, timeout=(2.0, 10.0)),
            media_dir=tmp_path / "media",
        )
        coordinator.add_pull_listener(lambda _report: engine.master_data_changed())
        seen: list[frozenset[Change]] = []
        engine.subscribe(seen.append)

        engine.login_badge("B1001")
        andon = engine.raise_andon("material", "seals missing")
        coordinator.run_once()

        boss = web_bridge.client()
        page = boss.get("/").text
        assert "seals missing" in page
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        assert boss.post(f"/andons/{andon}/clear", data={"csrf": csrf}).status_code == 303
        assert [a.id for a in engine.active_andons()] == [andon]  # not pulled yet

        # A station from before `andon_clear` (its pull names no later entity) is sent a
        # page it can read: without the clearing, the cursor past it.
        old = httpx.get(
            f"{web_bridge.url}/api/v1/stations/{station}/changes",
            params={"since": 0, "limit": 500},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert old.status_code == 200, old.text
        older_entities = Literal[
            "product", "operator", "work_order", "instruction_revision", "station", "media",
            "reason_code",
        ]  # fmt: skip
        older = create_model("OlderChange", entity=(older_entities, ...), id=(str, ...))
        assert all(older.model_validate(c) for c in old.json()["changes"])
        assert old.json()["next_cursor"] > 0
        today = httpx.get(
            f"{web_bridge.url}/api/v1/stations/{station}/changes",
            params={"since": 0, "limit": 500, "understands": "andon_clear"},
            headers={"Authorization": f"Bearer {token}"},
        ).json()
        assert [c["id"] for c in today["changes"] if c["entity"] == "andon_clear"] == [andon]
        assert today["next_cursor"] == old.json()["next_cursor"]

        seen.clear()
        coordinator.run_once()  # the pull brings the clearing; the push sends it back
        assert engine.active_andons() == []
        assert any(Change.ANDON in c for c in seen), seen
        with store.read() as conn:
            rows = conn.execute(
                select(station_events.c.payload).where(station_events.c.type == "andon.cleared")
            ).all()
        payloads = [json.loads(r[0]) if isinstance(r[0], str) else r[0] for r in rows]
        assert len(payloads) == 1
        assert payloads[0]["andon_id"] == andon
        assert payloads[0]["cleared_on_bridge_by"] == "sara"
        assert payloads[0]["category"] == "material" and payloads[0]["minutes"] >= 0

        coordinator.run_once()
        with web_bridge.bridge.engine.connect() as conn:
            at_bridge = conn.execute(
                select(db.events.c.payload).where(
                    db.events.c.station == station, db.events.c.type == "andon.cleared"
                )
            ).all()
        assert len(at_bridge) == 1
        got = json.loads(at_bridge[0][0]) if isinstance(at_bridge[0][0], str) else at_bridge[0][0]
        assert got["andon_id"] == andon and got["cleared_on_bridge_by"] == "sara"

        # the same clearing pulled again (a bridge re-sending it) records nothing twice
        from kiosk.store.masterdata import apply_change

        with store.write() as conn:
            apply_change(
                conn, "andon_clear", "upsert", andon, {"andon_id": andon, "cleared_by": "sara"}
            )
        with store.read() as conn:
            again = conn.execute(
                select(station_events.c.seq).where(station_events.c.type == "andon.cleared")
            ).all()
        assert len(again) == 1
    finally:
        store.close()
