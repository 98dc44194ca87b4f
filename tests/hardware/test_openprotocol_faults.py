"""The real Open Protocol driver against a misbehaving simulated controller over TCP.

Each test is one way a controller, an emulator or a network loses or invents a
tightening; the test says what the station must do instead: nothing lost, nothing
invented, a clear status line and no reconnect storm.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

import hardware
from hardware.errors import DeviceRejected, ProtocolError
from hardware.model import TighteningResult, UnreadableResult
from hardware.openprotocol import (
    ERROR_CODES,
    Message,
    OpenProtocolTool,
    encode_mid0061,
    error_text,
)
from hardware.simulators.op_controller import OpenProtocolController

from .util import Collector


def connect(url: str, **options: Any) -> tuple[OpenProtocolTool, Collector, list[object]]:
    options.setdefault("backoff_max_s", 0.2)
    tool = hardware.open_device("torque", url, **options)
    assert isinstance(tool, OpenProtocolTool)
    seen = Collector(tool)
    unreadable: list[object] = []
    tool.add_unreadable_listener(unreadable.append)
    tool.start(require_open=True)
    return tool, seen, unreadable


@pytest.fixture
def controller() -> Iterator[OpenProtocolController]:
    with OpenProtocolController(max_revision=4) as c:
        yield c


def test_restart_that_resets_ids_loses_nothing(controller: OpenProtocolController) -> None:
    tool, seen, _ = connect(controller.url, revision=4)  # 0002 rev 4 carries the serial
    try:
        seen.wait_state("connected")
        before = [controller.trigger() for _ in range(4)]
        seen.wait_items(4)
        time.sleep(1.1)  # a new second: the controller's clock moved on
        n = len(seen.statuses)
        controller.restart()  # ids start at 1 again
        seen.wait_state("connected", after=n + 1)
        assert controller.wait_until(lambda: controller.subscribed)
        after = [controller.trigger() for _ in range(4)]
        got = seen.wait_items(8)
        assert [r.tightening_id for r in got] == ["1", "2", "3", "4"] * 2
        assert [r.tightening_id for r in before + after if r] == ["1", "2", "3", "4"] * 2
        assert {r.controller_id for r in got} == {"Simulated controller#SIM0000001"}
        assert len({r.key for r in got}) == 8
        assert controller.wait_until(lambda: controller.acks == 8)
    finally:
        tool.stop()


def test_a_resent_result_is_delivered_once(controller: OpenProtocolController) -> None:
    tool, seen, _ = connect(controller.url)
    try:
        seen.wait_state("connected")
        result = TighteningResult(ok=True, torque=5.0, pset=1, tightening_id="7",
                                  timestamp="2026-12-01:10:00:00")  # fmt: skip
        wire = encode_mid0061(result, 2, controller="Simulated controller").encode()
        controller.send_raw(wire)
        controller.send_raw(wire)  # ack lost: the controller sends it again
        controller.trigger(ok=True)
        seen.wait_items(2)
        seen.settle(0.3)
        assert [r.tightening_id for r in seen.items] == ["7", "1"]
    finally:
        tool.stop()


def test_configured_device_id_names_the_controller(controller: OpenProtocolController) -> None:
    tool, seen, _ = connect(controller.url, device_id="line3-nutrunner")
    try:
        seen.wait_state("connected")
        controller.trigger()
        [r] = seen.wait_items(1)
        assert r.controller_id == "line3-nutrunner"
        assert "controller line3-nutrunner" in tool.status.reason
    finally:
        tool.stop()


@pytest.mark.parametrize("code", [97, 74, 76])
def test_revision_not_supported_falls_back_to_one(code: int) -> None:
    with OpenProtocolController(max_revision=1, max_result_revision=1,
                                unsupported_code=code) as controller:  # fmt: skip
        tool, seen, _ = connect(controller.url, revision=4, result_revision=7)
        try:
            seen.wait_state("connected")
            assert tool.session_revision == 1 and tool.result_revision == 1
            assert "session rev 1, results rev 1" in tool.status.reason
            controller.trigger(ok=True)
            assert seen.wait_items(1)[0].ok is True
            assert controller.connects == 1  # one TCP connection: no reconnect storm
            assert not [e for e in seen.errors if isinstance(e, DeviceRejected)]
        finally:
            tool.stop()


def test_revision_1_fields_labelled_as_2_are_read_by_their_length() -> None:
    with OpenProtocolController(label_results_as=2) as controller:
        tool, seen, unreadable = connect(controller.url, result_revision=2)
        try:
            seen.wait_state("connected")
            sent = [controller.trigger(ok=True), controller.trigger(ok=False)]
            got = seen.wait_items(2)
            assert [r.tightening_id for r in got] == [s.tightening_id for s in sent if s]
            assert [r.ok for r in got] == [True, False] and got[0].torque == sent[0].torque  # type: ignore[union-attr]
            assert not unreadable
            assert seen.wait(lambda: "results rev 2 (read as rev 1)" in tool.status.reason)
        finally:
            tool.stop()


def test_forced_result_layout_and_profile() -> None:
    with OpenProtocolController(label_results_as=2) as controller:
        tool, seen, unreadable = connect(controller.url, profile="rev1-as-rev2")
        try:
            seen.wait_state("connected")
            assert tool.result_layout == 1 and tool.max_result_revision == 2
            controller.trigger(ok=True)
            assert seen.wait_items(1)[0].ok is True and not unreadable
        finally:
            tool.stop()


@pytest.mark.parametrize("offset", [1, -1])
def test_length_field_off_by_one_loses_nothing(offset: int) -> None:
    with OpenProtocolController(length_offset=offset) as controller:
        tool, seen, unreadable = connect(controller.url)
        try:
            seen.wait_state("connected")
            sent = [controller.trigger() for _ in range(3)]
            got = seen.wait_items(3)
            assert [r.tightening_id for r in got] == [s.tightening_id for s in sent if s]
            assert not unreadable and tool.status.state == "connected"
            reports = [e for e in seen.errors if isinstance(e, ProtocolError)]
            assert reports and "length field says" in str(reports[0])
        finally:
            tool.stop()


def test_unreadable_result_is_acked_but_kept_and_shown(controller: OpenProtocolController) -> None:
    tool, seen, unreadable = connect(controller.url)
    try:
        seen.wait_state("connected")
        bad = encode_mid0061(TighteningResult(ok=True, torque=5.0, tightening_id="9"), 2)
        wire = bad.encode().replace(b"24000500", b"2400X500")
        controller.send_raw(wire)
        assert seen.wait(lambda: bool(unreadable))
        [event] = unreadable
        assert isinstance(event, UnreadableResult) and event.raw == wire[:-1]
        assert event.to_json()["sentence"] == "The tool sent a result the station could not read."
        assert "could not read" in tool.status.reason
        assert controller.wait_until(lambda: controller.acks == 1)
        assert not seen.items  # nothing invented
        controller.trigger()
        seen.wait_items(1)
        assert seen.wait(lambda: "could not read" not in tool.status.reason)
    finally:
        tool.stop()


def test_results_made_while_disconnected_are_uploaded_late() -> None:
    with OpenProtocolController() as controller:
        tool, seen, _ = connect(controller.url)
        try:
            seen.wait_state("connected")
            controller.trigger()
            seen.wait_items(1)
            controller.go_offline()  # the station's cable is out …
            seen.wait_state("disconnected")
            made = [controller.trigger() for _ in range(3)]  # … while the operator works on
            controller.reachable = True
            got = seen.wait_items(4)
            assert [r.tightening_id for r in got[1:]] == [m.tightening_id for m in made if m]
            assert [r.late for r in got] == [False, True, True, True]
            assert tool.uploaded == 3
            controller.trigger()
            assert seen.wait_items(5)[4].late is False
        finally:
            tool.stop()


def test_uploads_after_a_restart_too() -> None:
    with OpenProtocolController() as controller:
        tool, seen, _ = connect(controller.url)
        try:
            seen.wait_state("connected")
            for _ in range(3):
                controller.trigger()
            seen.wait_items(3)
            controller.go_offline()
            seen.wait_state("disconnected")
            controller.restart()
            time.sleep(1.1)
            made = [controller.trigger() for _ in range(2)]  # ids 1 and 2 again
            controller.reachable = True
            got = seen.wait_items(5)
            assert [(r.tightening_id, r.late) for r in got[3:]] == [("1", True), ("2", True)]
            assert [r.timestamp for r in got[3:]] == [m.timestamp for m in made if m]
        finally:
            tool.stop()


def test_another_client_holding_the_controller_backs_off() -> None:
    with OpenProtocolController(held_by_other=True) as controller:
        tool, seen, _ = connect(controller.url, backoff_max_s=1.0)
        try:
            time.sleep(3.0)
            assert "another client holds the controller" in tool.status.reason
            assert tool.status.state != "connected"
            # Backoff 0.1, 0.2, 0.4, 0.8, 1.0 … (with jitter): a handful, never a storm.
            assert 2 <= controller.connects <= 9, controller.connects
            assert any(getattr(e, "code", None) == 96 for e in seen.errors)
            controller.held_by_other = False  # the other client goes away
            seen.wait_state("connected", timeout=5)
        finally:
            tool.stop()


def test_no_keepalive_echo_is_named_and_backs_off() -> None:
    with OpenProtocolController(echo_keepalive=False) as controller:
        tool, seen, _ = connect(controller.url, keepalive_s=0.1, request_timeout_s=0.2,
                                link_timeout_s=0.6, backoff_max_s=1.0)  # fmt: skip
        try:
            assert seen.wait(lambda: any("does not answer keep-alives" in s.reason
                                         for s in seen.statuses), 5)  # fmt: skip
            time.sleep(3.0)
            assert controller.connects <= 6, controller.connects
            assert tool.connection.failures >= 2
        finally:
            tool.stop()


def test_tool_commands_unanswered_keep_the_session(controller: OpenProtocolController) -> None:
    controller.answer_tool_commands = False
    tool, seen, _ = connect(controller.url, request_timeout_s=0.3, enabled=True)
    try:
        seen.wait_state("connected")
        assert seen.wait(lambda: any("did not answer 'enable tool'" in str(e) for e in seen.errors))
        assert controller.connects == 1 and tool.status.state == "connected"
        controller.trigger()
        assert seen.wait_items(1)
    finally:
        tool.stop()


def test_refused_program_keeps_the_tool_locked(controller: OpenProtocolController) -> None:
    controller.enabled = True
    tool, seen, _ = connect(controller.url, pset=1, enabled=True)
    try:
        seen.wait_state("connected")
        assert controller.wait_until(lambda: any(m.mid == 43 for m in controller.received))
        assert controller.wait_until(lambda: tool.pset_confirmed == 1)
        tool.select_pset(42)  # not on the controller
        assert seen.wait(lambda: any(isinstance(e, DeviceRejected) and e.code == 2
                                     for e in seen.errors))  # fmt: skip
        assert controller.wait_until(lambda: not controller.enabled)
        assert "refused program 42" in tool.status.reason
        assert "parameter set ID not present" in tool.status.reason
        tool.enable()  # the step asks again: still no program confirmed, still locked
        time.sleep(0.3)
        assert not controller.enabled and controller.trigger() is None
        tool.select_pset(2)
        assert controller.wait_until(lambda: controller.enabled and controller.pset == 2)
        assert tool.pset_confirmed == 2 and "refused" not in tool.status.reason
        # Disable before every program change, enable only after a confirmed one: the tool
        # never ran on the old or a refused program.
        mids = [m.mid for m in controller.received if m.mid in (18, 42, 43)]
        assert mids == [42, 18, 43, 42, 18, 18, 43]
    finally:
        tool.stop()


def test_identifier_download_and_results_carry_it(controller: OpenProtocolController) -> None:
    tool, seen, _ = connect(controller.url)
    try:
        seen.wait_state("connected")
        tool.download_identifier("SN-0042")
        assert controller.wait_until(lambda: controller.identifier == "SN-0042")
        controller.trigger()
        [r] = seen.wait_items(1)
        assert r.identifier == "SN-0042" and r.vin == "SN-0042"
        n = len(seen.statuses)
        controller.drop_clients()
        controller.identifier = ""
        seen.wait_state("connected", after=n + 1)
        assert controller.wait_until(lambda: controller.identifier == "SN-0042")  # re-sent
    finally:
        tool.stop()


def test_multi_spindle_gives_one_result_per_spindle() -> None:
    with OpenProtocolController(spindles=3) as controller:
        tool, seen, _ = connect(controller.url, multi_spindle=True)
        try:
            seen.wait_state("connected")
            assert seen.wait(lambda: "multi-spindle rev 1" in tool.status.reason)
            controller.trigger(ok=True)
            got = seen.wait_items(3)
            assert [r.spindle for r in got] == [1, 2, 3]
            assert len({r.tightening_id for r in got}) == 1 and all(r.ok for r in got)
            assert got[1].torque == round((got[0].torque or 0) + 0.01, 2)
            assert controller.wait_until(lambda: controller.acks == 1)  # one 0102
        finally:
            tool.stop()


@pytest.mark.parametrize(("unit", "code"), [("lbf.ft", "2"), ("ozf.in", "6"), ("Nm", "1")])
def test_revision_3_unit_is_reported(unit: str, code: str) -> None:
    with OpenProtocolController(max_result_revision=3, torque_unit=unit) as controller:
        tool, seen, _ = connect(controller.url)
        try:
            seen.wait_state("connected")
            assert tool.result_revision == 3
            controller.trigger()
            [r] = seen.wait_items(1)
            assert r.unit == unit
            assert r.raw[20:].decode().split("48", 1)  # the unit code is on the wire
            assert f"48{code}" in r.raw.decode()
        finally:
            tool.stop()


def test_garbage_closing_mid_frame_and_unknown_mid(controller: OpenProtocolController) -> None:
    tool, seen, unreadable = connect(controller.url)
    try:
        seen.wait_state("connected")
        controller.send_raw(b"\x00\x00junk\xff\r\n")
        controller.send_raw(Message(7777, 1, "hello").encode())
        half = encode_mid0061(TighteningResult(ok=True, torque=1.0, tightening_id="55"), 2)
        controller.send_raw(half.encode()[:90])
        time.sleep(0.1)
        n = len(seen.statuses)
        controller.drop_clients()  # closes mid-frame
        seen.wait_state("connected", after=n + 1)
        controller.trigger()
        got = seen.wait_items(1)
        seen.settle(0.3)
        assert [r.tightening_id for r in got] == ["1"]  # the half never became a result
        assert not unreadable
    finally:
        tool.stop()


def test_error_table_is_complete() -> None:
    for code in (29, 40, 57, 58, 74, 76, 96, 97):
        assert code in ERROR_CODES
    assert error_text(40) == "job line control info subscription already exists"
    assert error_text(57) == "tool motor tuning failed"
    assert error_text(58) == "no alarm present"
    assert error_text(29) == "tool does not exist"
    assert error_text(47) == "unknown error 47"
