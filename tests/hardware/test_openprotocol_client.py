"""The Open Protocol client against the simulated controller and raw sockets on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

import hardware
from hardware.errors import DeviceNotFound, DeviceRejected, ProtocolError
from hardware.model import TighteningResult
from hardware.openprotocol import Message, OpenProtocolTool, encode_mid0061
from hardware.simulators.op_controller import OpenProtocolController

from .util import Collector


@pytest.fixture
def controller() -> Iterator[OpenProtocolController]:
    with OpenProtocolController(nok_pattern="OON") as c:
        yield c


def connect(url: str, **options: object) -> tuple[OpenProtocolTool, Collector]:
    tool = hardware.open_device("torque", url, backoff_max_s=0.2, **options)
    assert isinstance(tool, OpenProtocolTool)
    seen = Collector(tool)
    tool.start(require_open=True)
    return tool, seen


def test_session_results_ok_and_nok_each_acked(controller: OpenProtocolController) -> None:
    tool, seen = connect(controller.url)
    try:
        seen.wait_state("connected")
        sent = [controller.trigger() for _ in range(3)]
        got = seen.wait_items(3)
        assert [r.ok for r in got] == [True, True, False]
        assert [r.tightening_id for r in got] == [s.tightening_id for s in sent if s]
        assert got[2].torque == sent[2].torque and got[2].torque_ok is False  # type: ignore[union-attr]
        assert controller.wait_until(lambda: controller.acks == 3)
        assert tool.session_revision == 3 and tool.result_revision == 2
    finally:
        tool.stop()


def test_pset_and_enable_disable_are_honoured(controller: OpenProtocolController) -> None:
    controller.enabled = True
    tool, seen = connect(controller.url, pset=2, enabled=False)
    try:
        seen.wait_state("connected")
        assert controller.wait_until(lambda: controller.pset == 2 and not controller.enabled)
        assert controller.trigger() is None  # locked: no tightening happens
        tool.enable()
        assert controller.wait_until(lambda: controller.enabled)
        controller.trigger()
        [result] = seen.wait_items(1)
        assert result.pset == 2 and result.torque_target == 12.0
        tool.select_pset(3)
        assert controller.wait_until(lambda: controller.pset == 3)
        tool.disable()
        assert controller.wait_until(lambda: not controller.enabled)
    finally:
        tool.stop()


def test_unknown_pset_is_reported_with_its_code(controller: OpenProtocolController) -> None:
    tool, seen = connect(controller.url)
    try:
        seen.wait_state("connected")
        tool.select_pset(42)
        assert seen.wait(lambda: any(isinstance(e, DeviceRejected) for e in seen.errors))
        err = next(e for e in seen.errors if isinstance(e, DeviceRejected))
        assert err.code == 2 and err.mid == 18 and "42" in str(err)
        assert tool.status.state == "connected"
    finally:
        tool.stop()


def test_revision_fallback_on_error_97() -> None:
    with OpenProtocolController(max_revision=1, max_result_revision=1) as controller:
        tool, seen = connect(controller.url)
        try:
            seen.wait_state("connected")
            assert tool.session_revision == 1 and tool.result_revision == 1
            controller.trigger(ok=True)
            [result] = seen.wait_items(1)
            assert result.ok is True and result.tightening_id == "1"
            assert not seen.errors
        finally:
            tool.stop()


def test_reconnects_and_resubscribes_after_link_loss(controller: OpenProtocolController) -> None:
    tool, seen = connect(controller.url, pset=3)
    try:
        seen.wait_state("connected")
        assert controller.wait_until(lambda: controller.pset == 3)
        controller.pset = 1  # e.g. someone changed it on the controller while we were away
        n = len(seen.statuses)
        controller.drop_clients()
        seen.wait_state("disconnected", after=n - 1)
        seen.wait_state("connected", after=n)
        assert controller.wait_until(lambda: controller.subscribed)
        assert controller.wait_until(lambda: controller.pset == 3)  # wanted pset re-applied
        controller.trigger()
        assert seen.wait_items(1)[0].pset == 3
    finally:
        tool.stop()


def test_keep_alive_is_sent_when_quiet(controller: OpenProtocolController) -> None:
    tool, seen = connect(controller.url, keepalive_s=0.2)
    try:
        seen.wait_state("connected")
        assert controller.wait_until(lambda: any(m.mid == 9999 for m in controller.received), 3)
        assert tool.status.state == "connected"
    finally:
        tool.stop()


def test_bad_bytes_resync_and_never_invent_or_merge_results(
    controller: OpenProtocolController,
) -> None:
    tool, seen = connect(controller.url)
    try:
        seen.wait_state("connected")
        good = TighteningResult(ok=True, torque=5.0, pset=1, tightening_id="900", angle=90.0)
        letters = encode_mid0061(good, 2).encode().replace(b"24000500", b"2400X500")
        assert b"X500" in letters
        controller.send_raw(b"\xff\x80garbage\0")  # line noise
        controller.send_raw(b"0099" + Message(5, 1, "0060").encode()[4:])  # wrong length
        controller.send_raw(Message(8888, 1, "??").encode())  # unknown MID
        controller.send_raw(bytes(letters))  # letters in the torque field
        half = encode_mid0061(good, 2).encode()
        controller.send_raw(half[:150])
        time.sleep(0.1)
        controller.send_raw(half[150:])
        controller.send_raw(half)  # the same tightening again (ack lost): delivered once
        controller.trigger(ok=True)
        got = seen.wait_items(2)
        seen.settle(0.3)
        assert [r.tightening_id for r in seen.items] == ["900", "1"]
        assert seen.items[0].torque == 5.0
        assert sum(isinstance(e, ProtocolError) for e in seen.errors) >= 3
        assert tool.status.state == "connected"
        assert controller.wait_until(lambda: controller.acks >= 4)  # 900 twice, letters, 1
        del got
    finally:
        tool.stop()


def test_device_vanishing_mid_message_drops_the_half(controller: OpenProtocolController) -> None:
    tool, seen = connect(controller.url)
    try:
        seen.wait_state("connected")
        wire = encode_mid0061(TighteningResult(ok=True, torque=1.0, tightening_id="77"), 1).encode()
        controller.send_raw(wire[:100])
        time.sleep(0.1)
        n = len(seen.statuses)
        controller.drop_clients()
        seen.wait_state("connected", after=n)
        assert any("half-received" in str(e) for e in seen.errors)
        controller.trigger(ok=True)
        assert [r.tightening_id for r in seen.wait_items(1)] == ["1"]
    finally:
        tool.stop()


def test_second_client_is_told_another_is_connected(controller: OpenProtocolController) -> None:
    first, seen1 = connect(controller.url)
    second, seen2 = connect(controller.url)
    try:
        seen1.wait_state("connected")
        assert seen2.wait(lambda: any(getattr(e, "code", None) == 96 for e in seen2.errors))
        assert second.status.state != "connected"
    finally:
        second.stop()
        first.stop()


def test_silent_controller_is_dropped_and_retried() -> None:
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    accepted: list[socket.socket] = []

    def accept() -> None:
        server.settimeout(5)
        for _ in range(2):
            try:
                accepted.append(server.accept()[0])
            except OSError:
                return

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    tool, seen = connect(f"socket://127.0.0.1:{port}", request_timeout_s=0.3)
    try:
        assert seen.wait(lambda: len(accepted) >= 2, 5)  # gave up on the mute one, retried
        assert any("no answer" in s.reason for s in seen.statuses)
        assert tool.status.state != "connected"
    finally:
        tool.stop()
        server.close()
        for s in accepted:
            s.close()


def test_nothing_listening_raises_not_found() -> None:
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    tool = hardware.open_device("torque", f"socket://127.0.0.1:{port}")
    with pytest.raises(DeviceNotFound, match="Nothing answers"):
        tool.start(require_open=True)
    assert tool.status.state == "disconnected"
    tool.stop()


def test_open_protocol_over_a_serial_pty() -> None:
    """The same client over a serial line: the test plays the controller on the pty."""
    import os
    import pty
    import tty

    master, slave = pty.openpty()
    tty.setraw(slave)
    tool = hardware.open_device("torque", os.ttyname(slave), baudrate=115200)
    seen = Collector(tool)
    tool.start(require_open=True)
    try:
        deadline = time.monotonic() + 5
        buf = b""
        while b"0060" not in buf[8:] and time.monotonic() < deadline:
            if b"00200001" in buf:
                os.write(master, Message(2, 3, "010001").encode())
                buf = buf.replace(b"00200001", b"--------")
            buf += os.read(master, 1024)
        os.write(master, Message(5, 1, "0060").encode())
        seen.wait_state("connected")
        os.write(
            master,
            encode_mid0061(TighteningResult(ok=True, torque=7.5, tightening_id="5"), 2).encode(),
        )
        assert seen.wait_items(1)[0].torque == 7.5
    finally:
        tool.stop()
        os.close(master)
        os.close(slave)
