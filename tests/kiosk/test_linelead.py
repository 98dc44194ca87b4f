"""Line-lead rules (kiosk.linelead) on a real SQLite station and real TOML files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk import linelead as ll
from kiosk.config import Config, DeviceSettings, StationSettings, load_config
from kiosk.errors import RuleViolation
from kiosk.store import outbox
from kiosk.store.events import load_events
from kiosk.store.masterdata import apply_change, operator_by_badge
from tests.helpers.station import OPERATORS, PIN, PIN_HASH, make_station


@pytest.fixture
def station(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine, _clock = make_station(tmp_path)
    lead = next(o for o in OPERATORS if o["id"] == "lead-tom")
    with engine.store.write() as conn:
        apply_change(conn, "operator", "upsert", lead["id"], lead | {"pin_hash": PIN_HASH})
    yield engine
    engine.store.close()


def _tom() -> dict:  # type: ignore[type-arg]
    return next(o for o in OPERATORS if o["id"] == "lead-tom")


def _events(engine, type_: str) -> list:  # type: ignore[no-untyped-def]
    with engine.store.read() as conn:
        return [e for e in load_events(conn) if e.type == type_]


def _lead(engine):  # type: ignore[no-untyped-def]
    with engine.store.read() as conn:
        return operator_by_badge(conn, "B2001")


def test_only_a_line_lead_with_the_right_pin_enters(station) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuleViolation) as refused:
        ll.enter(station.store, "B1001", PIN)  # an operator's badge
    assert refused.value.code == "linelead_refused"
    with pytest.raises(RuleViolation) as wrong:
        ll.enter(station.store, "B2001", "999999")
    assert wrong.value.code == "wrong_pin"
    assert not _events(station, ll.ENTERED)
    lead = ll.enter(station.store, "B2001", PIN)
    assert lead.id == "lead-tom"
    assert [e.payload["by"] for e in _events(station, ll.ENTERED)] == ["lead-tom"]
    # the scanner is broken: the PIN alone, if it is a line lead's (an operator's is not)
    with station.store.write() as conn:
        maria = next(o for o in OPERATORS if o["id"] == "op-maria")
        apply_change(conn, "operator", "upsert", "op-maria", maria | {"pin_hash": PIN_HASH})
    assert ll.enter(station.store, "", PIN).id == "lead-tom"
    with station.store.write() as conn:
        apply_change(conn, "operator", "upsert", "lead-tom", {**_tom(), "pin_hash": None})
    with pytest.raises(RuleViolation) as not_a_lead:
        ll.enter(station.store, "", PIN)  # only Maria has this PIN now
    assert not_a_lead.value.code == "wrong_pin"
    assert [e.payload["method"] for e in _events(station, ll.ENTERED)] == ["badge+pin", "pin"]


def _config(tmp_path: Path) -> Path:
    path = tmp_path / "station.toml"
    Config(
        station=StationSettings(id="ST-T", name="Test bench", line="L1"),
        devices=[DeviceSettings("scanner", "/dev/ttyACM0", {"baudrate": 9600})],
    ).save(path)
    return path


def test_a_saved_change_records_who_what_old_and_new(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _config(tmp_path)
    lead = _lead(station)

    def rename(cfg: Config) -> list[ll.FieldProblem]:
        cfg.station.name = "Final assembly"
        cfg.devices[0].options["baudrate"] = 19200
        return []

    changes = ll.save_config_change(station.store, lead, path, rename)
    assert {c.what for c in changes} == {"station.name", "devices[0].baudrate"}
    assert load_config(path).station.name == "Final assembly"
    recorded = {e.payload["what"]: e.payload for e in _events(station, ll.SETTING_CHANGED)}
    assert recorded["station.name"] | {} == {
        "by": "lead-tom",
        "what": "station.name",
        "old": "Test bench",
        "new": "Final assembly",
    }
    assert recorded["devices[0].baudrate"]["old"] == 9600
    assert recorded["devices[0].baudrate"]["new"] == 19200


def test_invalid_or_damaged_settings_save_nothing(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _config(tmp_path)
    before = path.read_bytes()
    lead = _lead(station)

    def bad(cfg: Config) -> list[ll.FieldProblem]:
        cfg.station.name = ""
        return ll.station_problems(vars(cfg.station))

    with pytest.raises(ll.SettingsInvalid) as invalid:
        ll.save_config_change(station.store, lead, path, bad)
    assert [p.field for p in invalid.value.problems] == ["name"]
    assert path.read_bytes() == before
    path.write_text('[station]\nname = "half', encoding="utf-8")  # damaged on disk
    with pytest.raises(ll.ConfigUnsaved) as damaged:
        ll.save_config_change(station.store, lead, path, lambda cfg: [])
    assert "damaged" in damaged.value.message
    assert path.read_text(encoding="utf-8") == '[station]\nname = "half'
    assert not _events(station, ll.SETTING_CHANGED)


def test_validation_sentences() -> None:
    assert ll.url_problem("/dev/ttyUSB0") is None
    assert ll.url_problem("socket://10.0.0.7:4545") is None
    assert "port 1…65535" in (ll.url_problem("socket://10.0.0.7:99999") or "")
    assert "not a port" in (ll.url_problem("http://x") or "")
    problems = ll.device_problems("scanner", "/dev/ttyACM0", {"baudrate": 9601, "terminator": "x"})
    assert {p.field for p in problems} == {"baudrate", "terminator"}
    assert ll.device_problems("torque", "socket://h:1", {"pset": 1000})[0].field == "pset"
    bridge = {p.field for p in ll.bridge_problems("ftp://x", "/nope/token", "/nope/ca.pem")}
    assert bridge == {"url", "token_file", "ca_file"}
    assert ll.garbled(bytes([0xF8, 0x9C, 0xE0, 0xFF, 0x00, 0x1E, 0x41]))
    assert not ll.garbled(b"\x1d0109506000134352\r")


def test_a_dead_letter_is_only_discarded_with_a_reason(station) -> None:  # type: ignore[no-untyped-def]
    station.login_badge("B1001")
    lead = _lead(station)
    with station.store.write() as conn:
        seq = outbox.next_batch(conn, 1)[0].seq
        outbox.mark_dead(
            conn, seq, "payload_invalid", "payload.serial: too long", datetime.now(UTC)
        )
    with pytest.raises(RuleViolation) as no_reason:
        ll.discard_dead_letter(station.store, lead, seq, "  ")
    assert no_reason.value.code == "reason_needed"
    with station.store.read() as conn:
        assert [d.seq for d in outbox.dead_letters(conn)] == [seq]
    ll.discard_dead_letter(station.store, lead, seq, "Test or training data")
    with station.store.read() as conn:
        assert outbox.dead_letters(conn) == []
        assert seq in outbox.dead_seqs(conn)  # still declared to the bridge as held back
    (ev,) = _events(station, ll.DEAD_LETTER_DISCARDED)
    assert ev.payload["seq"] == seq
    assert ev.payload["reason"] == "Test or training data"
    assert ev.payload["refused_because"] == "payload.serial: too long"
    with pytest.raises(RuleViolation):
        ll.discard_dead_letter(station.store, lead, seq, "again")


def test_people_on_shift_show_expiry_and_a_locked_pin_is_unlocked(station) -> None:  # type: ignore[no-untyped-def]
    station.login_badge("B1001")
    station.logout()
    jonas = next(o for o in OPERATORS if o["id"] == "op-jonas")
    with station.store.write() as conn:
        apply_change(conn, "operator", "upsert", "op-jonas", jonas | {"pin_hash": PIN_HASH})
    from kiosk.access import check_pin

    with station.store.read() as conn:
        jonas_op = operator_by_badge(conn, "B1002")
    for _ in range(5):
        with pytest.raises(RuleViolation):
            check_pin(station.store, jonas_op, "000000")
    people = {p.operator.id: p for p in ll.people_on_shift(station.store, now=station.clock())}
    assert set(people) == {"op-maria", "op-jonas"}
    assert people["op-jonas"].pin_locked
    assert [c.state for c in people["op-jonas"].certifications] == ["expired"]
    assert [c.state for c in people["op-maria"].certifications] == ["valid"]
    ll.unlock(station.store, _lead(station), "op-jonas")
    after = {p.operator.id: p for p in ll.people_on_shift(station.store, now=station.clock())}
    assert "op-jonas" not in after  # unlocked, and he has not logged in on this shift
    assert _events(station, "operator.pin_unlocked")[0].payload["by"] == "lead-tom"


_SAVER = """
import sys
from pathlib import Path
from kiosk.config import Config, DeviceSettings
path = Path(sys.argv[1])
sys.stdout.write("ready\\n"); sys.stdout.flush()
i = 0
while True:
    i += 1
    devices = [
        DeviceSettings("scanner", f"/dev/ttyUSB{n}", {"note": "x" * 2000}) for n in range(200)
    ]
    Config(devices=devices).save(path)
"""


def test_a_process_killed_mid_save_leaves_the_old_file_or_the_new(tmp_path: Path) -> None:
    path = tmp_path / "station.toml"
    Config(devices=[DeviceSettings("scanner", "/dev/ttyACM0")]).save(path)
    env = dict(os.environ)
    for kill_after in (0.05, 0.11, 0.23, 0.37, 0.5):
        proc = subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(path)], stdout=subprocess.PIPE, env=env
        )
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        cfg = load_config(path)  # parses: never half a file
        assert len(cfg.devices) in (1, 200)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "station.toml"]
    assert all(name.endswith(".tmp") for name in leftovers)  # a temp file, never the config


def test_flat_settings_names_list_items() -> None:
    doc = {"station": {"name": "A"}, "devices": [{"kind": "scanner", "url": "u"}]}
    assert ll.flat_settings(doc) == {
        "station.name": "A",
        "devices[0].kind": "scanner",
        "devices[0].url": "u",
    }
    assert json.dumps([c.what for c in ll.changes_between({"a": 1}, {"a": 2, "b": 3})]) == (
        '["a", "b"]'
    )


def test_an_unknown_setting_in_station_toml_is_named_with_what_is_allowed(tmp_path: Path) -> None:
    from kiosk.errors import ConfigError

    path = tmp_path / "station.toml"
    for body, says in (
        ('[station]\nid = "ST-01"\ncolour = "red"\n', "unknown setting in [station]: colour."),
        (
            '[station]\nid = "ST-01"\ncolour = "red"\nsize = 2\n',
            "unknown settings in [station]: colour, size.",
        ),
    ):
        path.write_text(body)
        with pytest.raises(ConfigError) as err:
            load_config(path)
        assert says in err.value.message
        assert "Allowed: " in err.value.next_action and "idle_lock_s" in err.value.next_action
