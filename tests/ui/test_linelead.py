"""Line-lead mode on a real shell: the pty scanner and the Open Protocol controller
simulators, a real bridge (uvicorn on 127.0.0.1), real TOML files and zips."""

from __future__ import annotations

import contextlib
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kiosk import linelead as ll
from kiosk.config import BridgeSettings, Config, DeviceSettings, StationSettings, load_config
from kiosk.store import outbox
from kiosk.store.events import load_events
from kiosk.store.masterdata import apply_change, operator_by_badge
from tests.helpers.station import OPERATORS, PIN, PIN_HASH
from ui.linelead import DevicesPage, LineLeadEntry, LineLeadMode, tr
from ui.qt import QLabel

# The test station's first step has deliberately broken media (see test_flows.py).
pytestmark = pytest.mark.qt_log_ignore(
    r"JFIF|JPEG datastream contains no image|Could not open media|moov atom"
)


def texts(widget: Any) -> str:
    """What a person sees in ``widget`` now (new rows show on the next event-loop pass)."""
    from ui.qt import QApplication

    QApplication.processEvents()
    return "\n".join(lbl.text() for lbl in widget.findChildren(QLabel) if lbl.isVisible())


def events_of(engine: Any, type_: str) -> list[Any]:
    with engine.store.read() as conn:
        return [e for e in load_events(conn) if e.type == type_]


@dataclass
class Lead:
    shell: Any
    engine: Any
    clock: Any
    config: Path
    ports: ll.LineLeadPorts

    def open(self) -> LineLeadMode:
        lead = ll.enter(self.engine.store, "B2001", PIN)
        mode = LineLeadMode(self.shell, lead, self.ports)
        self.shell.show_overlay(mode)
        return mode


@pytest.fixture
def lead(shell, station, tmp_path: Path) -> Iterator[Lead]:  # type: ignore[no-untyped-def]
    from kiosk.cli.linelead import build_ports

    engine, clock = station
    tom = next(o for o in OPERATORS if o["id"] == "lead-tom")
    with engine.store.write() as conn:
        apply_change(conn, "operator", "upsert", tom["id"], tom | {"pin_hash": PIN_HASH})
    path = tmp_path / "conf" / "station.toml"
    cfg = Config(
        station=StationSettings(id="ST-T", name="Test bench", line="L1"),
        data_dir=tmp_path / "data",
        database=engine.store.path,
        devices=[DeviceSettings("scanner", "/dev/ttyACM0", {"baudrate": 9600})],
    )
    cfg.save(path)
    cfg.source = path
    ports = build_ports(cfg, engine.store, config_path=path)
    shell.linelead_ports = ports
    yield Lead(shell, engine, clock, path, ports)
    for ov in list(shell.overlays):
        if isinstance(ov, LineLeadMode):
            ov.leave()


# --- 1. entering and leaving ----------------------------------------------------------------


def test_badge_and_pin_open_the_mode_and_leaving_returns_to_the_same_step(lead, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, engine = lead.shell, lead.engine
    engine.login_badge("B1001")
    engine.select_work_order("WO-1")
    engine.start_unit()
    engine.next()  # on step 2 of the unit
    shell.refresh_all()
    before = (shell.current_name(), engine.unit.id, engine.position, shell.current)
    shell.open_more()
    more = shell.overlays[-1]
    more.tiles["linelead"].click()
    entry = shell.overlays[-1]
    assert isinstance(entry, LineLeadEntry)
    shell.handle_scan("B1001")  # an operator's badge
    for k in [*PIN, "enter"]:
        entry.keypad.key.emit(k)
    assert tr("Only a line lead or an admin can open line-lead mode.") in texts(entry)
    assert entry in shell.overlays
    shell.handle_scan("B2001")
    for k in [*PIN, "enter"]:
        entry.keypad.key.emit(k)
    mode = shell.overlays[-1]
    assert isinstance(mode, LineLeadMode)
    assert mode.lead.id == "lead-tom"
    assert mode.isVisible() and mode.geometry() == shell.rect()
    shell.handle_scan("MOT-1-000001")  # answered, not used for work
    assert "MOT-1-000001" in texts(mode)  # what was read is shown (in her language)
    assert engine.position == before[2]
    lead.clock.advance(engine.idle_lock_s + 60)  # a long session: the station must not lock
    qtbot.wait(2200)
    engine.tick()
    assert not engine.locked
    mode.leave_button.click()
    assert shell.overlays == []
    assert (shell.current_name(), engine.unit.id, engine.position, shell.current) == before
    assert [e.payload["by"] for e in events_of(engine, ll.LEFT)] == ["lead-tom"]


# --- 2. sync health against a real bridge ----------------------------------------------------


@pytest.fixture
def bridge(tmp_path: Path) -> Iterator[Any]:
    from sync.bridge.service import Bridge
    from tests.sync.conftest import ServerThread

    b = Bridge.open(f"sqlite:///{tmp_path / 'bridge.db'}", tmp_path / "bridge-data")
    server = ServerThread(b)
    server.start()
    try:
        yield b, server
    finally:
        server.stop()
        b.close()


def test_sync_health_lists_a_refused_event_and_a_discard_needs_a_reason(lead, bridge) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from kiosk.store.schema import events
    from sync.client import BridgeSession, SyncCoordinator

    b, server = bridge
    token = b.add_station("ST-T", "Test bench")
    engine = lead.engine
    engine.login_badge("B1001")
    engine.logout()

    def session() -> BridgeSession:
        return BridgeSession(server.url, "ST-T", token, timeout=(2.0, 10.0))

    sync = SyncCoordinator(engine.store, session, media_dir=lead.config.parent / "media")
    sync.run_once()
    with engine.store.write() as conn:  # the same event again with another payload hash
        conn.execute(
            update(events)
            .where(events.c.seq == 1)
            .values(sync_state="pending", payload_sha256="0" * 64)
        )
    sync.run_once()
    mode = lead.open()
    page = mode.pages["sync"]
    shown = texts(page)
    assert "Dead letters" in shown and "#1 · operator.logged_in" in shown
    assert "Refused:" in shown
    assert "never" not in shown.split("Last success")[1].split("\n")[1]  # a real time
    assert "against the bridge" in shown  # the clock skew the bridge's hello measured
    discard = next(b for b in page.findChildren(type(mode.leave_button)) if b.text() == "Discard…")
    discard.click()
    go = next(
        b for b in page.findChildren(type(mode.leave_button)) if b.text() == "Discard for good"
    )
    go.click()  # no reason picked
    assert "only discarded with a reason" in texts(page)
    with engine.store.read() as conn:
        assert len(outbox.dead_letters(conn)) == 1
    page.reason.buttons["test_data"].click()
    go = next(
        b for b in page.findChildren(type(mode.leave_button)) if b.text() == "Discard for good"
    )
    go.click()
    assert "Event 1 discarded." in texts(page)
    with engine.store.read() as conn:
        assert outbox.dead_letters(conn) == []
    (ev,) = events_of(engine, ll.DEAD_LETTER_DISCARDED)
    assert ev.payload["reason"] == "Test or training data" and ev.payload["by"] == "lead-tom"
    sync.run_once()  # the bridge takes what follows; the discarded one stays declared held
    with engine.store.read() as conn:
        assert outbox.counts(conn).pending == 0


# --- 6. bridge connection --------------------------------------------------------------------


def test_test_connection_answers_in_provisions_sentences(lead, bridge, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    b, server = bridge
    token = b.add_station("ST-T", "Test bench")
    good = tmp_path / "token"
    good.write_text(token + "\n")
    good.chmod(0o600)
    wrong = tmp_path / "wrong-token"
    wrong.write_text("not-the-token\n")
    wrong.chmod(0o600)
    ca = tmp_path / "ca.pem"
    ca.write_text("this is not a certificate\n")
    mode = lead.open()
    mode.show_page("bridge")
    page = mode.pages["bridge"]

    def attempt(url: str, token_file: Path, ca_file: str = "") -> str:
        page.url.set_text(url)
        page.token.set_text(str(token_file))
        page.ca.set_text(ca_file)
        page.test_connection()
        return texts(page)

    assert "accepts this station's token" in attempt(server.url, good)
    assert "refuses this token for station ST-T" in attempt(server.url, wrong)
    assert "must look like https://host:port" in attempt("htp:/bridge", good)
    assert "holds no PEM certificate" in attempt(server.url, good, str(ca))
    from tests.sync.conftest import free_socket

    sock = free_socket()
    closed = sock.getsockname()[1]
    sock.close()
    assert "did not answer" in attempt(f"http://127.0.0.1:{closed}", good)
    page.url.set_text(server.url + "/")
    page.token.set_text(str(good))
    page.ca.set_text("")
    page.save_bridge()
    assert load_config(lead.config).bridge.url == server.url
    changed = {e.payload["what"]: e.payload for e in events_of(lead.engine, ll.SETTING_CHANGED)}
    assert changed["bridge.url"]["old"] is None and changed["bridge.url"]["new"] == server.url


# --- 3. devices: pty scanner and Open Protocol controller ------------------------------------


def _start(page: DevicesPage, kind: str, url: str, **opts: Any) -> None:
    page.kind.set_value(kind)
    page._kind_changed()
    page.url.set_text(url)
    for name, value in opts.items():
        getattr(page, name).set_value(value)
    page.test_button.click()


def test_live_scanner_test_shows_gs1_fields_and_says_when_garbage_arrives(lead, qtbot) -> None:  # type: ignore[no-untyped-def]
    from hardware.simulators.pty_scanner import PtyScanner

    mode = lead.open()
    mode.show_page("devices")
    page = mode.pages["devices"]
    assert isinstance(page, DevicesPage)
    with PtyScanner("cr", aim="]d2") as sim:
        _start(page, "scanner", sim.port, terminator="cr")
        assert page.test is not None, texts(page)
        qtbot.waitUntil(lambda: "connected" in texts(page.log_box), timeout=5000)
        sim.send("\x1d0109506000134352172612311012A")
        qtbot.waitUntil(lambda: "AI (01): 09506000134352" in texts(page.log_box), timeout=5000)
        assert "AI (10): 12A" in texts(page.log_box)
        sim.write(bytes([0xF8, 0x9C, 0xE0, 0xFF, 0x86, 0x1E, 0x81, 0x41]) + b"\r")
        qtbot.waitUntil(lambda: "do not match" in texts(page.log_box), timeout=5000)
        page.test_button.click()  # stop
        assert page.test is None


def test_a_port_in_use_or_missing_is_said_at_the_field(lead) -> None:  # type: ignore[no-untyped-def]
    import serial

    from hardware.simulators.pty_scanner import PtyScanner

    mode = lead.open()
    mode.show_page("devices")
    page = mode.pages["devices"]
    _start(page, "scanner", "/dev/ttyNOPE7")
    assert page.test is None
    assert "/dev/ttyNOPE7" in texts(page.url)
    with PtyScanner("cr") as sim, serial.Serial(sim.port, exclusive=True):
        _start(page, "scanner", sim.port)
        assert page.test is None
        field = texts(page.url).lower()
        assert "in use" in field or "another" in field or "busy" in field, field
    _start(page, "scanner", "socket://127.0.0.1:99999")
    assert "port 1…65535" in texts(page.url)
    from tests.sync.conftest import free_socket

    sock = free_socket()
    closed = sock.getsockname()[1]
    sock.close()  # nothing listens there: the controller refuses the connection
    _start(page, "torque", f"socket://127.0.0.1:{closed}", protocol="open-protocol")
    assert page.test is None
    assert f"127.0.0.1:{closed}" in texts(page.url)


def test_live_torque_test_shows_results_and_drives_program_and_tool(lead, qtbot) -> None:  # type: ignore[no-untyped-def]
    from hardware.simulators.op_controller import OpenProtocolController

    mode = lead.open()
    mode.show_page("devices")
    page = mode.pages["devices"]
    with OpenProtocolController(max_result_revision=2) as controller:
        _start(page, "torque", controller.url, protocol="open-protocol")
        assert page.test is not None, texts(page)
        assert controller.wait_until(lambda: controller.subscribed, 5)
        controller.trigger(True)
        qtbot.waitUntil(lambda: "torque:" in texts(page.log_box), timeout=5000)
        log = texts(page.log_box)
        assert "verdict: OK" in log and "angle:" in log and "pset:" in log
        page.pset.set_text("3")
        page.tool_buttons[0].click()
        assert controller.wait_until(lambda: controller.pset == 3, 5)
        page.tool_buttons[2].click()  # disable
        assert controller.wait_until(lambda: controller.enabled is False, 5)
        page.tool_buttons[1].click()  # enable
        assert controller.wait_until(lambda: controller.enabled is True, 5)
        page.pset.set_text("42")  # a program the controller does not have: it refuses
        page.tool_buttons[0].click()
        qtbot.waitUntil(lambda: "refused 'select program 42'" in texts(page.log_box), timeout=5000)
        assert controller.pset == 3
        assert controller.wait_until(lambda: controller.enabled is False, 5)  # stays locked
        page.stop_test()
    with OpenProtocolController(held_by_other=True) as busy:
        _start(page, "torque", busy.url, protocol="open-protocol")
        qtbot.waitUntil(lambda: "96" in texts(page.log_box), timeout=8000)
        page.stop_test()


def test_device_settings_are_validated_then_saved_with_events(lead) -> None:  # type: ignore[no-untyped-def]
    mode = lead.open()
    mode.show_page("devices")
    page = mode.pages["devices"]
    before = lead.config.read_bytes()
    page.edit(0)
    page.url.set_text("http://scanner")
    page.save_device()
    assert "not a port" in texts(page.url)
    assert lead.config.read_bytes() == before
    page.url.set_text("/dev/ttyUSB3")
    page.baud.set_value(19200)
    page.save_device()
    saved = load_config(lead.config).devices[0]
    assert (saved.url, saved.options["baudrate"]) == ("/dev/ttyUSB3", 19200)
    whats = {e.payload["what"]: e.payload for e in events_of(lead.engine, ll.SETTING_CHANGED)}
    assert whats["devices[0].url"]["old"] == "/dev/ttyACM0"
    assert whats["devices[0].url"]["new"] == "/dev/ttyUSB3"
    page.edit(None)  # a second scanner, then remove the first (two taps)
    page.url.set_text("/dev/ttyUSB4")
    page.save_device()
    assert [d.url for d in load_config(lead.config).devices] == ["/dev/ttyUSB3", "/dev/ttyUSB4"]
    buttons = page.findChildren(type(mode.leave_button))
    next(b for b in buttons if b.text() == "Remove…").click()
    assert [d.url for d in load_config(lead.config).devices] == ["/dev/ttyUSB3", "/dev/ttyUSB4"]
    texts(page)  # let the redrawn rows show
    buttons = page.findChildren(type(mode.leave_button))
    next(b for b in buttons if b.text() == "Remove for good" and b.isVisibleTo(page)).click()
    assert [d.url for d in load_config(lead.config).devices] == ["/dev/ttyUSB4"]
    removed = [
        e.payload
        for e in events_of(lead.engine, ll.SETTING_CHANGED)
        if e.payload["what"] == "devices[1].url" and e.payload["new"] is None
    ]
    assert removed and removed[0]["old"] == "/dev/ttyUSB4"


# --- 4. people -------------------------------------------------------------------------------


def test_people_shows_certifications_and_unlocks_a_locked_pin(lead) -> None:  # type: ignore[no-untyped-def]
    from kiosk.access import check_pin
    from kiosk.errors import RuleViolation

    engine = lead.engine
    engine.login_badge("B1001")
    engine.logout()
    jonas = next(o for o in OPERATORS if o["id"] == "op-jonas")
    with engine.store.write() as conn:
        apply_change(conn, "operator", "upsert", "op-jonas", jonas | {"pin_hash": PIN_HASH})
        op = operator_by_badge(conn, "B1002")
    for _ in range(5):
        with contextlib.suppress(RuleViolation):
            check_pin(engine.store, op, "000000")
    mode = lead.open()
    mode.show_page("people")
    page = mode.pages["people"]
    shown = texts(page)
    assert "Maria Garcia" in shown and "OP10: valid (2030-12-31)" in shown
    assert "PIN locked" in shown and "OP10: expired (2020-06-30)" in shown
    unlock = next(b for b in page.findChildren(type(mode.leave_button)) if b.text() == "Unlock PIN")
    unlock.click()
    assert "The PIN of Jonas Becker is unlocked." in texts(page)
    assert events_of(engine, "operator.pin_unlocked")[0].payload["by"] == "lead-tom"


# --- 5. station --------------------------------------------------------------------------------


def test_station_settings_save_atomically_and_a_damaged_file_is_said(lead) -> None:  # type: ignore[no-untyped-def]
    mode = lead.open()
    mode.show_page("station")
    page = mode.pages["station"]
    assert "Station ST-T" in texts(page) and "WO-1" in texts(page)
    page.name.set_text("")
    page.save_station()
    assert "needs a name" in texts(page.name)
    page.name.set_text("Final assembly")
    page.idle.set_value(600)
    page.language.set_value("de")
    page.save_station()
    st = load_config(lead.config).station
    assert (st.name, st.idle_lock_s, st.language) == ("Final assembly", 600, "de")
    whats = {e.payload["what"] for e in events_of(lead.engine, ll.SETTING_CHANGED)}
    assert whats == {"station.name", "station.idle_lock_s", "station.language"}
    lead.config.write_text("[station\n", encoding="utf-8")
    page.name.set_text("Other")
    page.save_station()
    assert "damaged" in texts(page)
    assert lead.config.read_text(encoding="utf-8") == "[station\n"


# --- 7. diagnostics ----------------------------------------------------------------------------


def test_diagnostics_bundle_to_a_folder_and_a_full_stick(lead, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    token_file = tmp_path / "token"
    token_file.write_text("s3cr3t-station-token-value\n")
    token_file.chmod(0o600)
    cfg = load_config(lead.config)
    cfg.bridge = BridgeSettings(url="http://127.0.0.1:1", token_file=str(token_file))
    cfg.save(lead.config)
    from kiosk.cli.linelead import build_ports

    cfg.source = lead.config
    lead.shell.linelead_ports = build_ports(cfg, lead.engine.store, config_path=lead.config)
    lead.ports = lead.shell.linelead_ports
    mode = lead.open()
    mode.show_page("diagnostics")
    page = mode.pages["diagnostics"]
    out = tmp_path / "stick"
    out.mkdir()
    page.folder.set_text(str(out))
    page.write_bundle()
    (bundle,) = out.glob("*.zip")
    assert "Diagnostics written." in texts(page)
    with zipfile.ZipFile(bundle) as zf:
        assert "station.db" in zf.namelist()
        for name in zf.namelist():
            assert b"s3cr3t-station-token-value" not in zf.read(name), name
    full = tmp_path / "full"
    full.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(full)]
    if subprocess.run(mount, check=False, capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        import shutil

        filler = full / "photos.bin"  # the stick is nearly full already
        filler.write_bytes(b"\0" * (shutil.disk_usage(full).free - 4096))
        page.folder.set_text(str(full))
        page.write_bundle()
        assert "is full: nothing was written" in texts(page.folder)
        assert [p.name for p in full.iterdir()] == ["photos.bin"]
    finally:
        subprocess.run(["umount", str(full)], check=True)


def test_the_stations_own_scanner_is_paused_for_a_live_test_on_its_port(lead, qtbot) -> None:  # type: ignore[no-untyped-def]
    import hardware
    from hardware.simulators.pty_scanner import PtyScanner
    from kiosk.cli.linelead import build_ports

    with PtyScanner("cr") as sim:
        own = hardware.open_device("scanner", sim.port)  # the station's scanner holds the port
        seen: list[str] = []
        own.add_scan_listener(lambda f: seen.append(f.data))
        own.start(require_open=True)
        try:
            cfg = load_config(lead.config)
            ports = build_ports(
                cfg, lead.engine.store, config_path=lead.config, devices=lambda: [own]
            )
            lead.shell.linelead_ports = ports
            lead.ports = ports
            mode = lead.open()
            mode.show_page("devices")
            page = mode.pages["devices"]
            _start(page, "scanner", sim.port)
            assert page.test is not None, texts(page)  # not "in use": the station let go
            sim.send("4711-A")
            qtbot.waitUntil(lambda: "4711-A" in texts(page.log_box), timeout=5000)
            page.stop_test()
            assert own.wait_connected(5)  # and the station has its scanner back
            sim.send("4711-B")
            qtbot.waitUntil(lambda: "4711-B" in seen, timeout=5000)
            assert "4711-A" not in seen
        finally:
            own.stop()


def test_screenshots_render_every_line_lead_page(lead, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.cli.linelead import render_screenshots

    files = render_screenshots(lead.shell, tmp_path / "shots", 40, tmp_path / "work")
    names = [f.name for f in files]
    assert names == [
        "40-linelead-setup-entry.png",
        "41-linelead-sync.png",
        "42-linelead-devices.png",
        "43-linelead-people.png",
        "44-linelead-setup-station.png",
        "45-linelead-setup-bridge.png",
        "46-linelead-setup-bridge-keyboard.png",
        "47-linelead-diagnostics.png",
    ]
    from ui.qt import QImage

    for f in files:
        image = QImage(str(f))
        assert (image.width(), image.height()) == (1366, 768), f.name
    assert lead.shell.overlays == []  # the walk leaves the station as it found it


def test_kiosk_wires_line_lead_mode_into_the_station(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.cli.station import demo_station

    with demo_station(tmp_path / "demo", size=(1366, 768)) as st:
        shell = st.shell
        ports = shell.linelead_ports
        assert isinstance(ports, ll.LineLeadPorts)
        assert ports.list_ports is not None and ports.start_device_test is not None
        assert ports.config_path is None  # a demo has no configuration file to save
        shell.show()
        shell.screen_named("lock").line_lead.click()
        entry = shell.overlays[-1]
        assert isinstance(entry, LineLeadEntry)
        shell.handle_scan("B2001")  # the demo's line lead; PIN rule: badge digits + 01
        for k in [*"200101", "enter"]:
            entry.keypad.key.emit(k)
        mode = shell.overlays[-1]
        assert isinstance(mode, LineLeadMode) and mode.ports is ports
        mode.show_page("station")
        mode.pages["station"].save_station()
        assert "without a configuration file" in texts(mode.pages["station"])
        mode.leave()
        assert shell.overlays == [] and shell.current_name() == "lock"


def test_a_tapped_field_gets_the_glove_sized_keyboard(lead, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.qt import Qt

    mode = lead.open()
    mode.show_page("bridge")
    page = mode.pages["bridge"]
    page.url.set_text("")
    assert not mode.keyboard.isVisible()
    qtbot.mouseClick(page.url.edit, Qt.MouseButton.LeftButton)
    assert mode.keyboard.isVisible()
    for key in "h", "shift", "t":
        (mode.keyboard.special if key == "shift" else mode.keyboard.type)(key)
    mode.keyboard.keys[":"].click()
    mode.keyboard.keys["/"].click()
    mode.keyboard.keys["back"].click()
    assert page.url.text == "hT:"
    m = lead.shell.metrics
    assert all(b.height() >= m.target for b in mode.keyboard.keys.values())
    assert all(b.width() >= m.target for b in mode.keyboard.keys.values())
    mode.keyboard.keys["done"].click()
    assert not mode.keyboard.isVisible()


def test_saved_devices_run_at_once_without_a_restart(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.cli.station import demo_inputs, demo_station

    with demo_station(tmp_path / "demo", size=(1366, 768)) as st:
        path = tmp_path / "station.toml"
        Config(
            devices=[
                DeviceSettings("scanner", "virtual:scanner"),
                DeviceSettings("torque", "virtual:torque"),
            ]
        ).save(path)
        ports = st.shell.linelead_ports
        ports.config_path = path
        old = st.devices.scanners[0]
        st.shell.show()
        lead = ll.enter(st.engine.store, "B2001", "200101")
        mode = LineLeadMode(st.shell, lead, ports)
        st.shell.show_overlay(mode)
        mode.show_page("devices")
        page = mode.pages["devices"]
        page.edit(0)
        page.kind.set_value("scanner")
        page.url.set_text("virtual:scanner")
        page.save_device()
        assert "Nothing changed." in texts(page)
        assert st.devices.scanners[0] is old  # nothing changed: nothing restarted
        page.edit(None)
        page.url.set_text("virtual:scanner")
        page.save_device()  # a second scanner
        assert "applied" in texts(page), texts(page)
        assert len(st.devices.scanners) == 2
        assert st.devices.scanners and st.devices.scanners[0] is not old
        assert st.torque.tools == st.devices.tools
        mode.leave()
        scan, _tighten = demo_inputs(st)  # the new scanner reaches the engine
        scan("B1001")
        qtbot.waitUntil(lambda: st.engine.operator is not None, timeout=5000)
