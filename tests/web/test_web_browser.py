"""The supervisors' view in a real headless Chromium (Debian's, driven by Playwright)
against a real uvicorn bridge, while a provisioned station runs ``kiosk autopilot`` and
syncs with ``kiosk sync now``, and a second station pushes andon calls over HTTP:

* a tile changes when a unit completes (pushed by the station, no reload);
* an andon appears on its tile, then clears: once by the station, once by the
  supervisor's Clear button;
* a traceability search finds the unit and its components;
* the recall list for a lot is the bridge's own answer;
* the bridge going away: the page says so, and recovers by itself when it is back.

Set ``KIOSK_WEB_SCREENSHOTS=DIR`` to also write the screenshots for the README.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sync.bridge.service import Bridge
from sync.bridge.web.auth import add_user
from tests.web.browser import launch, sign_in
from tests.web.conftest import DEMO, ROOT, SUPERVISOR, StationPusher, WebServerThread

pytestmark = [pytest.mark.timeout(240)]
STATION = "ST-03"


def kiosk(*args: str) -> Any:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"kiosk {args}: {done.stdout}\n{done.stderr}"
    return json.loads(done.stdout)


@pytest.fixture
def line(tmp_path: Path) -> Iterator[tuple[Bridge, WebServerThread, Path]]:
    """A bridge with the demo's master data and instructions, and ST-03 provisioned."""
    bridge = Bridge.open(f"sqlite:///{tmp_path / 'bridge.db'}", tmp_path / "bridge-data")
    token = tmp_path / "token"
    token.write_text(bridge.add_station(STATION, "Final assembly") + "\n")
    bridge.import_file(DEMO / "masterdata.json")
    bridge.publish_package(DEMO / "package")
    server = WebServerThread(bridge)
    server.start()
    add_user(bridge.engine, SUPERVISOR[0], "supervisor", SUPERVISOR[1])
    config = tmp_path / "station.toml"
    config.write_text(f'[paths]\ndata_dir = "{tmp_path / "station"}"\n')
    assert kiosk(
        "provision",
        "--bridge",
        server.url,
        "--station",
        STATION,
        "--token-file",
        str(token),
        "--config",
        str(config),
    )["ok"]
    assert kiosk("sync", "now", "--config", str(config))["ok"]
    try:
        yield bridge, server, config
    finally:
        server.stop()
        bridge.close()


def test_the_line_live_in_a_browser(
    line: tuple[Bridge, WebServerThread, Path], tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    bridge, server, config = line
    shots = os.environ.get("KIOSK_WEB_SCREENSHOTS")
    leak = StationPusher(server.url, "ST-04", bridge.add_station("ST-04", "Leak test"))
    leak.login("op-jonas")
    with sync_playwright() as p:
        ctx = launch(p, tmp_path / "profile", viewport={"width": 1920, "height": 1080})
        page = ctx.new_page()
        sign_in(page, server.url, *SUPERVISOR)
        tile = page.locator(f'[data-station="{STATION}"]')
        expect(tile).to_be_visible()
        expect(tile).not_to_contain_text("Last unit")

        # A unit completes at the station and is pushed: the tile shows it, no reload.
        run = kiosk("autopilot", "--units", "1", "--config", str(config), "--seed", "3")
        assert run["units"] == 1
        assert kiosk("sync", "now", "--config", str(config))["ok"]
        with bridge.engine.connect() as conn:
            from sqlalchemy import select

            from sync.bridge import db

            unit = conn.execute(select(db.units).where(db.units.c.station == STATION)).one()
        assert unit.outcome in ("good", "scrap")
        expect(tile.locator(".last-unit")).to_contain_text(unit.serial, timeout=5000)
        people = json.loads((DEMO / "masterdata.json").read_text())["operators"]
        who = next(o["name"] for o in people if o["id"] == unit.operator_id)
        expect(tile).to_contain_text(who)  # logged in at the station, by name
        assert page.evaluate("performance.getEntriesByType('navigation').length") == 1

        if shots:  # a fuller shift for the README's pictures: units with real cycle times
            second_line = StationPusher(
                server.url, "ST-05", bridge.add_station("ST-05", "Final assembly 2")
            )
            second_line.login("op-maria")
            for i in range(1, 15):
                second_line.build_unit(
                    f"P200-10452-{i:04d}",
                    lot="L240611" if i < 9 else "L240702",
                    torque_nok=i % 5 == 0,
                    scrap="leak at the casing" if i == 7 else None,
                    minutes_ago=240 - i * 16,
                    cycle_s=185 + (i * 37) % 55,
                )
            second_line.start_unit("P200-10452-0015")
            bridge.add_station("ST-06", "Packing")

        # Andon calls: raised, then cleared by the station and from the page.
        first, second = str(uuid.uuid4()), str(uuid.uuid4())
        andons = page.locator('[data-station="ST-04"] .andon')
        leak.push(
            leak.event(
                "andon.raised",
                {
                    "andon_id": first,
                    "category": "material",
                    "note": "seals missing",
                    "station": "ST-04",
                },
            )
        )
        expect(andons).to_have_count(1, timeout=5000)
        expect(andons).to_contain_text("seals missing")
        leak.push(
            leak.event(
                "andon.cleared",
                {
                    "andon_id": first,
                    "category": "material",
                    "cleared_by": "op-jonas",
                    "minutes": 0.1,
                },
            )
        )
        expect(andons).to_have_count(0, timeout=5000)
        leak.push(
            leak.event(
                "andon.raised",
                {
                    "andon_id": second,
                    "category": "quality",
                    "note": "leak tester fails",
                    "station": "ST-04",
                },
            )
        )
        expect(andons).to_have_count(1, timeout=5000)
        if shots:
            page.screenshot(path=f"{shots}/web-line-1080p.png")
        andons.locator("button").click()
        page.wait_for_url(f"{server.url}/")
        expect(page.locator('[data-station="ST-04"] .andon')).to_have_count(0)

        # Traceability: the search finds the unit and its components.
        page.click("nav >> text=Traceability")
        page.fill("input[name=serial]", unit.serial)
        page.click("form.search button")
        record = bridge.as_built(unit.serial)
        assert record is not None and record["components"]
        asbuilt = page.locator("#asbuilt")
        expect(asbuilt).to_contain_text(unit.serial)
        for c in record["components"]:
            expect(asbuilt.locator("table.components")).to_contain_text(c["part"])
        if shots:
            page.screenshot(path=f"{shots}/web-trace-1080p.png", full_page=True)

        # Recall: the lot's list is the bridge's own answer.
        lot = next(c["lot"] for c in record["components"] if c["lot"])
        asbuilt.locator(f'a[href="/recall?lot={lot}"]').first.click()
        rows = page.locator("table.recall tbody tr")
        expected = sorted(r["serial"] for r in bridge.recall(lot=lot))
        expect(rows).to_have_count(len(expected))
        assert sorted(rows.locator("td:first-child").all_inner_texts()) == expected

        # The bridge goes away and comes back: the page says so, then recovers by itself.
        page.goto(f"{server.url}/")
        banner = page.locator("#conn")
        expect(banner).to_be_hidden()
        server.stop()
        expect(banner).to_be_visible(timeout=10000)
        expect(banner).to_contain_text("Reconnecting")
        server.start()
        expect(banner).to_be_hidden(timeout=20000)
        leak.push(
            leak.event(
                "andon.raised",
                {
                    "andon_id": str(uuid.uuid4()),
                    "category": "safety",
                    "note": "after restart",
                    "station": "ST-04",
                },
            )
        )
        expect(page.locator('[data-station="ST-04"] .andon')).to_contain_text(
            "after restart", timeout=5000
        )

        if shots:
            page.goto(f"{server.url}/shift")
            page.screenshot(path=f"{shots}/web-shift-1080p.png", full_page=True)
            phone = launch(
                p,
                tmp_path / "phone",
                viewport={"width": 390, "height": 844},
                device_scale_factor=2,
                is_mobile=True,
                has_touch=True,
            )
            small = phone.new_page()
            sign_in(small, server.url, *SUPERVISOR)
            small.screenshot(path=f"{shots}/web-line-phone.png")
            small.goto(f"{server.url}/trace?serial={unit.serial}")
            small.screenshot(path=f"{shots}/web-trace-phone.png")
            phone.close()
        ctx.close()
