"""The web view over HTTP against a real uvicorn bridge (SQLite file): sign-in, roles,
bad input, traceability and recall, the live stream, the catalogue."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

from sync.bridge import db
from sync.bridge.web import catalogue
from sync.bridge.web.auth import MAX_FAILURES
from tests.web.conftest import QUALITY, ROOT, SUPERVISOR, WebBridge, seed_master_data

WEB = ROOT / "sync" / "bridge" / "web"


def login_form(c: httpx.Client) -> str:
    r = c.get("/login")
    assert r.status_code == 200
    return re.search(r'name="csrf" value="([^"]+)"', r.text).group(1)  # type: ignore[union-attr]


def test_pages_need_a_login_and_wrong_passwords_are_rate_limited(web_bridge: WebBridge) -> None:
    c = httpx.Client(base_url=web_bridge.url, timeout=10)
    r = c.get("/trace?serial=X")
    assert r.status_code == 303 and r.headers["location"] == "/login?next=/trace%3Fserial%3DX"
    assert c.get("/live").status_code == 401
    assert c.get("/whoami").json() == {"signed_in": False}
    csrf = login_form(c)
    # no CSRF token: refused, no session
    r = c.post("/login", data={"name": SUPERVISOR[0], "password": SUPERVISOR[1]})
    assert r.status_code == 400 and "kiosk_web_session" not in r.headers.get("set-cookie", "")
    # a station token or an ERP key is not a password here
    token = web_bridge.bridge.add_station("ST-09")
    for _ in range(MAX_FAILURES):
        r = c.post("/login", data={"name": SUPERVISOR[0], "password": token, "csrf": csrf})
        assert r.status_code == 401 and "Wrong user name or password." in r.text
    r = c.post("/login", data={"name": SUPERVISOR[0], "password": SUPERVISOR[1], "csrf": csrf})
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    assert "Too many wrong passwords" in r.text
    # the other user is not locked out by sara's failures
    r = c.post("/login", data={"name": QUALITY[0], "password": QUALITY[1], "csrf": csrf})
    assert r.status_code == 303
    cookie = r.headers["set-cookie"]
    assert "kiosk_web_session=" in cookie and "HttpOnly" in cookie
    assert "SameSite=strict" in cookie.replace("samesite", "SameSite")
    assert c.get("/").status_code == 200
    assert c.get("/whoami").json() == {"signed_in": True, "name": "quinn", "role": "quality"}
    # signing out needs the session's CSRF token, then the session is gone for good
    page = c.get("/").text
    session_csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert c.post("/logout", data={"csrf": session_csrf}).status_code == 303
    assert c.get("/").status_code == 303


def test_a_bridge_with_no_data_yet_says_so_in_each_language(web_bridge: WebBridge) -> None:
    c = web_bridge.client()
    assert "No stations yet" in c.get("/").text
    assert "No work orders yet" in c.get("/").text
    assert "Nothing in this shift yet" in c.get("/shift").text
    r = c.get("/trace?serial=DOES-NOT-EXIST")
    assert r.status_code == 404 and "No unit with serial DOES-NOT-EXIST" in r.text
    r = c.get("/recall?lot=L-NONE")
    assert r.status_code == 404 and "No unit contains L-NONE" in r.text
    assert c.get("/recall.csv").status_code == 422
    de = c.get("/trace?serial=NOPE", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"})
    assert "Keine Einheit mit der Seriennummer NOPE" in de.text and 'lang="de"' in de.text
    # the selector's choice wins over the browser's
    c.get("/lang/es?next=/")
    es = c.get("/", headers={"Accept-Language": "de"})
    assert "Aún no hay estaciones" in es.text
    # odd input: long, control characters, a shift that does not exist
    assert c.get("/trace", params={"serial": "x" * 300}).status_code == 422
    assert c.get("/trace", params={"serial": "\x00\x01 ' <script>"}).status_code == 404
    assert c.get("/shift?shift=1999-01-01T00:00").status_code == 200
    assert c.get("/recall?lot=x&page=0").status_code == 422


def test_trace_recall_and_csv_of_real_units(web_bridge: WebBridge) -> None:
    seed_master_data(web_bridge.bridge)
    st = web_bridge.station("ST-03", "Final assembly")
    st.login()
    st.build_unit("P200-1", lot="L-A", torque_nok=True)
    st.build_unit("P200-2", lot="L-A")
    st.build_unit("P200-3", lot="L-B", scrap="leak")
    c = web_bridge.client(QUALITY)
    page = c.get("/trace?serial=P200-1")
    assert page.status_code == 200
    text = page.text
    for expected in (
        "MS-200-16",
        "L-A",
        "MTR-P200-1",
        "Maria Garcia",
        "Aiko Tanaka",
        "Tighten the casing screws",
        "19.5",
        "24.0 … 28.0",
        "0.12 mm",
        "controller_id: PF6000-1; torque_peak: 21.2; unit: Nm",
    ):
        assert expected in text, expected
    assert text.count('<tr class="nok">') == 1  # the one NOK tightening, then 4 OK
    assert text.count('<tr class="ok">') == 4
    recall = c.get("/recall?lot=L-A")
    assert recall.status_code == 200 and "2 units contain L-A" in recall.text
    assert "P200-1" in recall.text and "P200-2" in recall.text and "P200-3" not in recall.text
    rows = list(csv.DictReader(io.StringIO(c.get("/recall.csv?lot=L-A").text)))
    assert sorted(r["serial"] for r in rows) == ["P200-1", "P200-2"]
    by_serial = c.get("/recall?component_serial=MTR-P200-3")
    assert "1 units contain MTR-P200-3" in by_serial.text
    shift = c.get("/shift").text
    assert "Tighten the casing screws #2" in shift and "leak" in shift
    assert "OEE = Availability × Performance × Quality" in shift


def test_a_lot_in_ten_thousand_units_pages_and_streams(web_bridge: WebBridge) -> None:
    n = 10_000
    with web_bridge.bridge.engine.begin() as conn:
        conn.execute(
            db.units.insert(),
            [
                {
                    "unit_id": f"u{i}",
                    "station": "ST-01",
                    "serial": f"S{i:05d}",
                    "work_order": "WO-1",
                    "operation": "OP10",
                    "outcome": "good",
                    "finished_at": "2026-01-01T08:00:00.000000Z",
                }
                for i in range(n)
            ],
        )
        conn.execute(
            db.consumptions.insert(),
            [
                {
                    "event_key": i + 1,
                    "unit_id": f"u{i}",
                    "serial": f"S{i:05d}",
                    "part": "SEAL",
                    "lot": "BIG-LOT",
                }
                for i in range(n)
            ],
        )
        # a sub-assembly: unit T1 contains S00000 as a component
        conn.execute(
            db.units.insert(),
            [
                {
                    "unit_id": "t1",
                    "station": "ST-02",
                    "serial": "T1",
                    "work_order": "WO-2",
                    "operation": "OP90",
                    "outcome": "good",
                }
            ],
        )
        conn.execute(
            db.consumptions.insert(),
            [{"event_key": n + 1, "unit_id": "t1", "part": "SUB", "component_serial": "S00000"}],
        )
    c = web_bridge.client()
    started = time.monotonic()
    page = c.get("/recall?lot=BIG-LOT&page=101")
    assert page.status_code == 200, page.text[:300]
    assert f"{n + 1} units contain BIG-LOT" in page.text and "page 101 of 101" in page.text
    assert "T1" in page.text and page.text.count("/trace?serial=") == 1
    assert time.monotonic() - started < 10
    with c.stream("GET", "/recall.csv?lot=BIG-LOT") as r:
        assert r.headers["content-type"].startswith("text/csv")
        body = "".join(r.iter_text())
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == n + 1 and rows[-1] == rows[-1] | {"serial": "T1", "via": "S00000"}


def test_only_a_supervisor_clears_an_andon_and_only_with_the_forms_token(
    web_bridge: WebBridge,
) -> None:
    st = web_bridge.station("ST-04", "Leak test")
    andon = str(uuid.uuid4())
    st.push(
        st.event(
            "andon.raised",
            {
                "andon_id": andon,
                "category": "material",
                "note": "seals missing",
                "station": "ST-04",
            },
        )
    )
    quality = web_bridge.client(QUALITY)
    page = quality.get("/").text
    assert "seals missing" in page and f"/andons/{andon}/clear" not in page
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    r = quality.post(f"/andons/{andon}/clear", data={"csrf": csrf})
    assert r.status_code == 403
    boss = web_bridge.client()
    page = boss.get("/").text
    assert f"/andons/{andon}/clear" in page
    assert boss.post(f"/andons/{andon}/clear", data={"csrf": "forged"}).status_code == 400
    assert "seals missing" in boss.get("/").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert boss.post(f"/andons/{andon}/clear", data={"csrf": csrf}).status_code == 303
    assert "seals missing" not in boss.get("/").text
    assert "seals missing" not in quality.get("/").text


def test_the_live_stream_sends_a_tile_within_a_second_of_a_push(web_bridge: WebBridge) -> None:
    seed_master_data(web_bridge.bridge)
    st = web_bridge.station("ST-03", "Final assembly")
    c = web_bridge.client()
    with c.stream("GET", "/live", timeout=10) as stream:
        lines = stream.iter_lines()
        tiles: dict[str, str] = {}
        for line in lines:  # the first full state
            if line.startswith("data: {"):
                tiles = json.loads(line[6:])
                break
        assert "ST-03" in tiles and "P200-LIVE" not in tiles["ST-03"]
        pushed = time.monotonic()
        st.start_unit("P200-LIVE")
        for line in lines:
            if line.startswith("data: {") and "P200-LIVE" in line:
                break
        assert time.monotonic() - pushed < 1.0


def test_user_add_reads_the_password_from_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sync.bridge.cli import main

    data = tmp_path / "data"
    for args, password in (
        (["kim", "--role", "quality"], "short"),
        (["kim", "--role", "admin"], "long enough pass"),
    ):
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        with pytest.raises(SystemExit) if "admin" in args else contextlib.nullcontext():
            assert main(["user", "add", *args, "--data", str(data)]) == 2
    assert "at least 10 characters" in capsys.readouterr().err
    ok = subprocess.run(  # the real command, as IT runs it
        [
            sys.executable,
            "-m",
            "sync.bridge.cli",
            "user",
            "add",
            "kim",
            "--role",
            "quality",
            "--data",
            str(data),
        ],
        input="long enough pass\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert "long enough pass" not in ok.stdout + ok.stderr
    from sqlalchemy import create_engine, select

    from sync.bridge.web.auth import login
    from sync.bridge.web.tables import web_users

    engine = create_engine(f"sqlite:///{data / 'bridge.db'}")
    with engine.connect() as conn:
        stored = conn.execute(select(web_users.c.password_hash, web_users.c.role)).one()
    assert stored.password_hash.startswith("$argon2id$") and stored.role == "quality"
    assert login(engine, "kim", "long enough pass", "127.0.0.1") is not None
    assert login(engine, "kim", "long enough pasS", "127.0.0.1") is None
    engine.dispose()


def test_every_string_has_german_and_spanish() -> None:
    pattern = re.compile(r"""_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")
    found = set()
    for path in [*WEB.glob("templates/*.html"), WEB / "router.py"]:
        for m in pattern.finditer(path.read_text()):
            found.add(m.group(1) or m.group(2))
    assert len(found) > 100
    missing = sorted(
        f"{msgid!r}: {lang}"
        for msgid in found
        for lang in ("de", "es")
        if not catalogue.MESSAGES.get(msgid, {}).get(lang)
    )
    assert missing == []


@pytest.mark.postgres
def test_live_tiles_from_several_workers_on_postgresql(tmp_path: Path) -> None:
    """``kiosk-bridge serve --workers 2`` on PostgreSQL: a push handled by either worker
    reaches a live stream held by either worker (the stream polls the database)."""
    from sync.bridge.service import Bridge
    from sync.bridge.web.auth import add_user
    from sync.bridge.web.tables import create_schema
    from tests.sync.conftest import BridgeProcess, fresh_pg_database
    from tests.web.conftest import StationPusher

    with fresh_pg_database() as url:
        bridge = Bridge.open(url, tmp_path / "data")
        create_schema(bridge.engine)
        add_user(bridge.engine, SUPERVISOR[0], "supervisor", SUPERVISOR[1])
        token = bridge.add_station("ST-03", "Final assembly")
        bridge.close()
        server = BridgeProcess(url, tmp_path / "data", workers=2)
        try:
            c = httpx.Client(base_url=server.url, timeout=10)
            csrf = login_form(c)
            r = c.post(
                "/login", data={"name": SUPERVISOR[0], "password": SUPERVISOR[1], "csrf": csrf}
            )
            assert r.status_code == 303
            station = StationPusher(server.url, "ST-03", token)
            with c.stream("GET", "/live", timeout=10) as stream:
                lines = stream.iter_lines()
                for line in lines:
                    if line.startswith("event: tiles"):
                        break
                for i in range(6):  # each push on a new connection: either worker
                    pushed = time.monotonic()
                    station.start_unit(f"MW-{i}")
                    for line in lines:
                        if line.startswith("data: {") and f"MW-{i}" in line:
                            break
                    assert time.monotonic() - pushed < 1.5, i
        finally:
            server.stop()
