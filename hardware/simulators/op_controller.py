"""An Open Protocol torque controller on a loopback TCP port.

Answers 0001 (rev ≤ ``max_revision``, else 0004 error 97; a second client gets 96),
0060/0063 (result subscription, rev ≤ ``max_result_revision``), 0018 (pset, 0004 error 02
if unknown), 0042/0043 (tool disable/enable), 9999 (echo), 0062 (ack); any other MID gets
0004 error 99. :meth:`trigger` runs the tool: a MID 0061 to subscribers, OK or NOK per the
NOK pattern, or nothing while the tool is disabled.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable, Mapping

from hardware.model import TighteningResult
from hardware.openprotocol import Message, OpenProtocolFramer, encode_mid0061
from hardware.simulators.tightening import Pset, TighteningSimulator

log = logging.getLogger("hardware.torque")


class _Client:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.lock = threading.Lock()
        self.session = False
        self.result_revision: int | None = None

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
    ) -> None:
        self.simulator = TighteningSimulator(psets, nok_pattern)
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
        """Run a tightening; sent to subscribers. None when the tool is disabled."""
        if not self.enabled:
            return None
        result = self.simulator.next_result(self.pset, ok)
        with self._lock:
            clients = [c for c in self._clients if c.result_revision is not None]
        for c in clients:
            c.send(encode_mid0061(result, c.result_revision or 1).encode())
        return result

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
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            client = _Client(sock)
            with self._lock:
                self._clients.append(client)
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
            if msg.mid == 62:
                self.acks += 1
            self._changed.notify_all()
        mid = msg.mid
        if mid == 1:
            if others:
                error(96)
            elif msg.revision > self.max_revision:
                error(97)
            else:
                client.session = True
                data = "010001" + "0201" + "03" + "Simulated controller".ljust(25)
                client.send(Message(2, msg.revision, data).encode())
        elif mid == 60:
            if msg.revision > self.max_result_revision:
                error(97)
            else:
                client.result_revision = msg.revision
                ok()
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
            self.enabled = mid == 43
            ok()
        elif mid == 9999:
            client.send(Message(9999).encode())
        elif mid == 62:
            pass
        else:
            error(99)
        with self._changed:
            self._changed.notify_all()
