"""Web view benchmark: an event pushed to the bridge → the supervisor's tile updated in a
real headless Chromium, on SQLite and PostgreSQL. The clock starts just before the push
request is sent; it stops when a MutationObserver in the page sees the tile with the new
serial (both ends read the same machine's wall clock). Beside it, in the same run: the
push round trip alone, and the watcher's poll interval. Small in the test suite, full with
./dev bench."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.bridge.service import Bridge
from sync.bridge.web.auth import add_user
from sync.bridge.web.live import POLL_S
from tests.helpers.bench import Row, report, scale
from tests.sync.conftest import fresh_pg_database
from tests.web.browser import launch, sign_in
from tests.web.conftest import SUPERVISOR, StationPusher, WebServerThread, seed_master_data

pytestmark = [pytest.mark.bench, pytest.mark.timeout(600)]

OBSERVER = """() => {
  window.__seen = {};
  new MutationObserver(() => {
    document.querySelectorAll('#tiles [data-serial]').forEach((el) => {
      const s = el.getAttribute('data-serial');
      if (s && !(s in window.__seen)) window.__seen[s] = performance.timeOrigin + performance.now();
    });
  }).observe(document.getElementById('tiles'), {childList: true, subtree: true, attributes: true});
}"""


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bridge.db'}"
    else:
        with fresh_pg_database() as url:
            yield url


def test_bench_push_to_tile_in_the_browser(db_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    n = scale(60, 3)
    bridge = Bridge.open(db_url, tmp_path / "data")
    seed_master_data(bridge)
    server = WebServerThread(bridge)
    server.start()
    add_user(bridge.engine, SUPERVISOR[0], "supervisor", SUPERVISOR[1])
    station = StationPusher(server.url, "ST-03", bridge.add_station("ST-03", "Final assembly"))
    station.login()
    latencies: list[float] = []
    pushes: list[float] = []
    try:
        with sync_playwright() as p:
            ctx = launch(p, tmp_path / "profile", viewport={"width": 1920, "height": 1080})
            page = ctx.new_page()
            sign_in(page, server.url, *SUPERVISOR)
            page.wait_for_selector('[data-station="ST-03"]')
            page.evaluate(OBSERVER)
            time.sleep(0.5)  # the stream's first full state is in
            for i in range(n):
                serial = f"BENCH-{i:04d}"
                event = station.event(
                    "unit.started",
                    {
                        "unit_id": f"u-{i}",
                        "serial": serial,
                        "work_order": "WO-10452",
                        "product": "P-200",
                        "operation": "OP20",
                        "revision": "P200-OP20@3",
                    },
                )
                sent = time.time() * 1000
                station.push(event)
                pushes.append(time.time() * 1000 - sent)
                page.wait_for_function(f"() => '{serial}' in window.__seen", timeout=10_000)
                latencies.append(float(page.evaluate(f"window.__seen['{serial}']")) - sent)
                done = station.event(
                    "unit.completed",
                    {
                        "unit_id": f"u-{i}",
                        "serial": serial,
                        "work_order": "WO-10452",
                        "operation": "OP20",
                        "cycle_time_s": 200,
                    },
                )
                station.push(done)
                time.sleep(0.05 + (i % 7) * 0.03)  # land at different points of the poll
            ctx.close()
    finally:
        server.stop()
        bridge.close()
    backend = "PostgreSQL" if db_url.startswith("postgres") else "SQLite"
    report(
        f"Web view: push → tile updated in Chromium ({backend})",
        [
            Row(
                "event pushed → tile updated in the browser",
                latencies,
                "ms",
                "≤ 1000 ms p95",
                f"database polled every {POLL_S * 1000:.0f} ms",
            ),
            Row("push round trip alone", pushes, "ms", "", "same run"),
        ],
    )
    assert len(latencies) == n and all(v > 0 for v in latencies)
