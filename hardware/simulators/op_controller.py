"""An Open Protocol torque controller on a loopback TCP port.

Answers 0001 (rev ≤ ``max_revision``, else 0004 ``unsupported_code``, 97 by default;
a second client gets 96), 0060/0063 (result subscription, rev ≤ ``max_result_revision``),
0100 (multi-spindle results when ``spindles`` > 0), 0018 (pset, 0004 error 02 if
unknown), 0042/0043 (tool disable/enable, answered by 0005 only), 0050 (identifier:
results carry it), 0064 (old result upload → 0065, or 0004 error 15), 9999 (echo),
0062/0102 (acks); any other MID gets 0004 error 99. :meth:`trigger` runs the tool: a MID
0061 (or 0101) to subscribers, OK or NOK per the NOK pattern, or nothing while the tool
is disabled; a tightening made while nobody is subscribed is kept for 0064.

Misbehaviours real controllers and emulators show, for tests: :meth:`restart` (ids start
at 1 again), ``label_results_as`` (revision-1 fields labelled as another revision),
``unsupported_code`` 74/76, ``held_by_other`` (every session refused with 96),
``echo_keepalive=False``, ``answer_tool_commands=False``, ``length_offset`` (a wrong
length field on every result), ``torque_unit`` (revision-3 unit code).
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import replace

from hardware.model import TighteningResult
from hardware.openprotocol import (
    MID0002_FIELDS,
    Message,
    OpenProtocolFramer,
    encode_fields,
    encode_mid0061,
    encode_mid0065,
    encode_mid0101,
)
from hardware.simulators.tightening import Pset, TighteningSimulator

log = logging.getLogger("hardware.torque")


class _Client:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.lock = threading.Lock()
        self.session = False
        self.result_revision: int | None = None
        self.multi_spindle = False

    def send(self, data: bytes) -> None:
        # The client may have gone away; its reader thread cleans up.
        with self.lock, contextlib.suppress(OSError):
            self.sock.sendall(data)


class OpenProtocolController:
    """A simulated controller; ``url`` is what the kiosk connects to."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        psets: Mapping[int, Pset] | None = None,
        nok_pattern: str = "",
        max_revision: int = 7,
        max_result_revision: int = 2,
        enabled: bool = True,
        pset: int = 1,
        auto_interval_s: float | None = None,
        name: str = "Simulated controller",
        serial: str = "SIM0000001",
        unsupported_code: int = 97,
        held_by_other: bool = False,
        echo_keepalive: bool = True,
        answer_tool_commands: bool = True,
        label_results_as: int | None = None,
        length_offset: int = 0,
        spindles: int = 0,
        torque_unit: str = "Nm",
    ) -> None:
        self.simulator = TighteningSimulator(psets, nok_pattern)
        self.name = name
        self.serial = serial
        self.unsupported_code = unsupported_code
        self.held_by_other = held_by_other
        self.echo_keepalive = echo_keepalive
        self.answer_tool_commands = answer_tool_commands
        self.label_results_as = label_results_as
        self.length_offset = length_offset
        self.spindles = spindles
        self.torque_unit = torque_unit
        self.identifier = ""
        self.history: list[TighteningResult] = []  # every tightening, for 0064
        self.connects = 0  # TCP connections accepted
        self.reachable = True  # False: a connection is closed at once (network down)
        self.max_revision = max_revision
        self.max_result_revision = max_result_revision
        self.enabled = enabled
        self.pset = pset
        self.auto_interval_s = auto_interval_s
        self.received: list[Message] = []
        self.acks = 0
        self._clients: list[_Client] = []
        self._lock = threading.RLock()  # predicates in wait_until may read state
        self._changed = threading.Condition(self._lock)
        self._stop = threading.Event()
        self._server = socket.create_server((host, port))
        self._server.settimeout(0.1)
        self.host, self.port = self._server.getsockname()[:2]
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"socket://{self.host}:{self.port}"

    def start(self) -> OpenProtocolController:
        self._spawn(self._accept_loop, "op-sim accept")
        if self.auto_interval_s:
            self._spawn(self._auto_loop, "op-sim auto")
        return self

    def stop(self) -> None:
        self._stop.set()
        self.drop_clients()
        self._server.close()
        for t in self._threads:
            t.join(2.0)

    def __enter__(self) -> OpenProtocolController:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- test and demo controls ----------------------------------------------------------
    @property
    def subscribed(self) -> bool:
        with self._lock:
            return any(c.result_revision is not None for c in self._clients)

    def wait_until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
        """Wait until ``predicate()`` holds (checked on every received message)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(min(left, 0.05))
        return True

    def trigger(self, ok: bool | None = None) -> TighteningResult | None:
        """Run a tightening; sent to subscribers. None when the tool is disabled.

        With ``spindles`` > 0 a multi-spindle subscriber gets one MID 0101 carrying one
        result per spindle; the first spindle's result is returned.
        """
        if not self.enabled:
            return None
        result = self.simulator.next_result(self.pset, ok)
        result = replace(result, vin=self.identifier or None, unit=self.torque_unit)
        with self._lock:
            self.history.append(result)
            clients = [c for c in self._clients if c.result_revision is not None or
                       c.multi_spindle]  # fmt: skip
        for c in clients:
            if c.multi_spindle and self.spindles:
                spindles = [replace(result, spindle=n + 1, torque=round((result.torque or 0)
                            + n * 0.01, 2)) for n in range(self.spindles)]  # fmt: skip
                c.send(encode_mid0101(spindles, int(result.tightening_id or 0)).encode())
            elif c.result_revision is not None:
                c.send(self._encode_result(result, c.result_revision))
        return result

    def _encode_result(self, result: TighteningResult, revision: int) -> bytes:
        if self.label_results_as is not None:
            msg = encode_mid0061(result, 1, controller=self.name)
            msg = Message(61, self.label_results_as, msg.data)
        else:
            msg = encode_mid0061(result, revision, controller=self.name)
        wire = msg.encode()
        if self.length_offset:
            wire = f"{len(wire) - 1 + self.length_offset:04d}".encode() + wire[4:]
        return wire

    def go_offline(self) -> None:
        """Cut the network: clients are dropped and new ones closed at once."""
        self.reachable = False
        self.drop_clients()

    def restart(self) -> None:
        """Drop every client and start tightening ids at 1 again (a controller reboot)."""
        self.drop_clients()
        self.simulator.reset_ids()

    def send_raw(self, data: bytes) -> None:
        """Send bytes as they are to every client (fault injection)."""
        with self._lock:
            clients = list(self._clients)
        for c in clients:
            c.send(data)

    def drop_clients(self) -> None:
        """Close every client connection, like a network cable pulled at the controller."""
        with self._lock:
            clients, self._clients = list(self._clients), []
        for c in clients:
            with contextlib.suppress(OSError):
                c.sock.shutdown(socket.SHUT_RDWR)
            c.sock.close()

    # -- server --------------------------------------------------------------------------
    def _spawn(self, target: Callable[..., None], name: str, *args: object) -> None:
        t = threading.Thread(target=target, args=args, name=name, daemon=True)
        self._threads.append(t)
        t.start()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                sock, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if not self.reachable:
                sock.close()
                continue
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            client = _Client(sock)
            with self._changed:
                self.connects += 1
                self._clients.append(client)
                self._changed.notify_all()
            self._spawn(self._client_loop, "op-sim client", client)

    def _auto_loop(self) -> None:
        while not self._stop.wait(self.auto_interval_s or 1.0):
            self.trigger()

    def _client_loop(self, client: _Client) -> None:
        framer = OpenProtocolFramer()
        try:
            while not self._stop.is_set():
                try:
                    data = client.sock.recv(4096)
                except OSError:
                    return
                if not data:
                    return
                for msg in framer.feed(data):
                    if isinstance(msg, Message):
                        self._handle(client, msg)
        finally:
            with self._lock:
                if client in self._clients:
                    self._clients.remove(client)
            client.sock.close()

    def _handle(self, client: _Client, msg: Message) -> None:
        def ok() -> None:
            client.send(Message(5, 1, f"{msg.mid:04d}").encode())

        def error(code: int) -> None:
            client.send(Message(4, 1, f"{msg.mid:04d}{code:02d}").encode())

        with self._changed:
            self.received.append(msg)
            others = any(c.session for c in self._clients if c is not client)
            if msg.mid in (62, 102):
                self.acks += 1
            self._changed.notify_all()
        mid = msg.mid
        if mid == 1:
            if others or self.held_by_other:
                error(96)
            elif msg.revision > self.max_revision:
                error(self.unsupported_code)
            else:
                client.session = True
                count = {1: 3, 2: 4, 3: 7}.get(msg.revision, 9)
                values = {"cell_id": 1, "channel_id": 1, "controller_name": self.name,
                          "supplier_code": "SIM", "controller_serial": self.serial}  # fmt: skip
                data = encode_fields(MID0002_FIELDS[:count], values)
                client.send(Message(2, msg.revision, data).encode())
        elif mid == 60:
            if msg.revision > self.max_result_revision:
                error(self.unsupported_code)
            else:
                client.result_revision = msg.revision
                ok()
        elif mid == 100:
            if not self.spindles:
                error(30)  # not a sync master/station controller
            else:
                client.multi_spindle = True
                ok()
        elif mid == 50:
            self.identifier = msg.data[:25].strip()
            ok()
        elif mid == 64:
            try:
                wanted = int(msg.data[:10])
            except ValueError:
                error(1)
                return
            with self._lock:
                same = [r for r in self.history if r.tightening_id == str(wanted)]
                found = self.history[-1:] if wanted == 0 else same[-1:]
            if found:
                client.send(encode_mid0065(found[0]).encode())
            else:
                error(15)
        elif mid == 63:
            client.result_revision = None
            ok()
        elif mid == 18:
            try:
                pset = int(msg.data[:3])
            except ValueError:
                error(1)
                return
            if pset not in self.simulator.psets:
                error(2)
            else:
                self.pset = pset
                ok()
        elif mid in (42, 43):
            if self.answer_tool_commands:
                self.enabled = mid == 43
                ok()
        elif mid == 9999:
            if self.echo_keepalive:
                client.send(Message(9999).encode())
        elif mid in (62, 102):
            pass
        else:
            error(99)
        with self._changed:
            self._changed.notify_all()
