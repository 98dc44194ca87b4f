"""Atlas Copco Open Protocol: message codec, framer, MID 0061 parser and the client.

Wire format: a 20-byte ASCII header (length incl. header 4, MID 4, revision 3, no-ack
flag 1, station 2, spindle 2, spare 4), the data, a NUL. The same client runs over TCP
(``socket://host:4545``) and serial ports: both are URLs.

Session (re-run after every reconnect): 0001 start → 0002 (0004 error 97: retry one
revision lower) → 0060 subscribe results → 0005 → then the wanted pset (0018) and
tool state (0042 disable / 0043 enable). Each 0061 result is acknowledged with 0062; a
9999 keep-alive goes out when the link has been quiet for ``keepalive_s``. One request is
in flight at a time, as the spec asks.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from hardware.base import TorqueTool
from hardware.connection import PortFinder, SerialLinked, SerialSettings
from hardware.errors import (
    DeviceConfigError,
    DeviceDisconnected,
    DeviceRejected,
    ProtocolError,
)
from hardware.model import TighteningResult

HEADER_LEN = 20
MAX_LENGTH = 9999

#: MID 0004 error codes the station can explain (Open Protocol specification, MID 0004).
ERROR_CODES = {
    1: "invalid data",
    2: "parameter set ID not present",
    3: "parameter set can not be set",
    4: "parameter set not running",
    9: "last tightening result subscription already exists",
    10: "last tightening result subscription does not exist",
    40: "tool currently running",
    57: "controller is not a sync master/station controller",
    58: "tool is not connected",
    79: "command failed",
    96: "client already connected",
    97: "MID revision unsupported",
    98: "controller internal request timeout",
    99: "unknown MID",
}


@dataclass(frozen=True)
class Message:
    """One Open Protocol message; ``data`` is the text after the header."""

    mid: int
    revision: int = 1
    data: str = ""
    no_ack: bool = False

    def encode(self) -> bytes:
        body = self.data.encode("latin-1")
        header = f"{HEADER_LEN + len(body):04d}{self.mid:04d}{self.revision:03d}"
        header += ("1" if self.no_ack else " ") + " " * 8
        return header.encode("ascii") + body + b"\0"


def _digits(text: str, what: str, raw: bytes) -> int:
    stripped = text.strip()
    if not stripped:
        return 0
    if not (stripped.isascii() and stripped.lstrip("-").isdigit()):
        raise ProtocolError(f"Open Protocol {what} is {text!r}, not a number.", raw=raw)
    return int(stripped)


def decode_header(raw: bytes) -> Message:
    """Decode one complete message (header + data, without its NUL)."""
    text = raw.decode("latin-1")
    if len(text) < HEADER_LEN:
        raise ProtocolError(f"Open Protocol message of {len(text)} bytes is too short.", raw=raw)
    mid = _digits(text[4:8], "MID", raw)
    rev_text = text[8:11]
    revision = _digits(rev_text, "revision", raw) or 1  # blank or 000 mean revision 1
    return Message(mid, revision, text[HEADER_LEN:], no_ack=text[11:12] == "1")


class OpenProtocolFramer:
    """Cuts a byte stream into messages and resynchronises on garbage.

    Trusts the length field, checked against the NUL terminator (whose absence is
    accepted when the next header follows right away). Returns messages and the
    :class:`ProtocolError` of each stretch of bytes it had to drop.
    """

    def __init__(self) -> None:
        self._buf = bytearray()

    @property
    def pending(self) -> int:
        return len(self._buf)

    def reset(self) -> bytes:
        dropped = bytes(self._buf)
        self._buf.clear()
        return dropped

    def feed(self, data: bytes) -> list[Message | ProtocolError]:
        self._buf += data
        out: list[Message | ProtocolError] = []
        buf = self._buf
        while True:
            # NULs between messages (or after a message whose NUL came late) are padding.
            start = 0
            while start < len(buf) and buf[start] in (0, 0x0A, 0x0D):
                start += 1
            if start:
                del buf[:start]
            if len(buf) < 4:
                return out
            head = bytes(buf[:4])
            nul = buf.find(b"\0")
            if not head.isdigit() or int(head) < HEADER_LEN:
                out.append(self._drop_to_nul(nul, f"bad length field {head!r}"))
                continue
            length = int(head)
            if 0 <= nul < length:
                # The message ended before its length said: the length field is wrong.
                out.append(self._drop_to_nul(nul, f"length field says {length}, message has {nul}"))
                continue
            if len(buf) < length:
                return out  # half a message so far: wait for the rest
            after = bytes(buf[length : length + 1])
            if after not in (b"", b"\0") and not _looks_like_header(
                bytes(buf[length : length + 8])
            ):
                out.append(
                    self._drop_to_nul(nul, f"length field {length} does not end the message")
                )
                continue
            raw = bytes(buf[:length])
            del buf[: length + (1 if after == b"\0" else 0)]
            try:
                out.append(decode_header(raw))
            except ProtocolError as err:
                out.append(err)

    def _drop_to_nul(self, nul: int, why: str) -> ProtocolError:
        """Drop up to the end of the bad message: its NUL or the next plausible header."""
        buf = self._buf
        cut = nul + 1 if nul >= 0 else len(buf)
        # A bad header's own digits look like a header: search past them.
        first = 8 if bytes(buf[:8]).isdigit() else 1
        for i in range(min(first, cut), cut):
            if buf[i - 1] == 0 or _looks_like_header(bytes(buf[i : i + 8])):
                cut = i
                break
        raw = bytes(buf[:cut])
        del buf[:cut]
        return ProtocolError(f"Open Protocol: {why}; {len(raw)} bytes dropped.", raw=raw)


def _looks_like_header(head: bytes) -> bool:
    if len(head) < 8:
        return len(head) > 0 and head.isdigit()
    return head.isdigit() and int(head[:4]) >= HEADER_LEN


# -- MID 0061 ------------------------------------------------------------------------------

# (parameter id, name, width, kind): kind "i" integer, "c" centi (value ×100), "s" text.
_Field = tuple[int, str, int, str]
MID0061_REV1: tuple[_Field, ...] = (
    (1, "cell_id", 4, "i"), (2, "channel_id", 2, "i"), (3, "controller_name", 25, "s"),
    (4, "vin", 25, "s"), (5, "job_id", 2, "i"), (6, "pset", 3, "i"), (7, "batch_size", 4, "i"),
    (8, "batch_counter", 4, "i"), (9, "tightening_status", 1, "i"), (10, "torque_status", 1, "i"),
    (11, "angle_status", 1, "i"), (12, "torque_min", 6, "c"), (13, "torque_max", 6, "c"),
    (14, "torque_target", 6, "c"), (15, "torque", 6, "c"), (16, "angle_min", 5, "i"),
    (17, "angle_max", 5, "i"), (18, "angle_target", 5, "i"), (19, "angle", 5, "i"),
    (20, "timestamp", 19, "s"), (21, "pset_changed_at", 19, "s"), (22, "batch_status", 1, "i"),
    (23, "tightening_id", 10, "i"),
)  # fmt: skip
MID0061_REV2: tuple[_Field, ...] = (
    (1, "cell_id", 4, "i"), (2, "channel_id", 2, "i"), (3, "controller_name", 25, "s"),
    (4, "vin", 25, "s"), (5, "job_id", 4, "i"), (6, "pset", 3, "i"), (7, "strategy", 2, "i"),
    (8, "strategy_options", 5, "s"), (9, "batch_size", 4, "i"), (10, "batch_counter", 4, "i"),
    (11, "tightening_status", 1, "i"), (12, "batch_status", 1, "i"), (13, "torque_status", 1, "i"),
    (14, "angle_status", 1, "i"), (15, "rundown_angle_status", 1, "i"),
    (16, "current_monitoring_status", 1, "i"), (17, "selftap_status", 1, "i"),
    (18, "prevail_torque_monitoring_status", 1, "i"),
    (19, "prevail_torque_compensate_status", 1, "i"), (20, "tightening_error_status", 10, "s"),
    (21, "torque_min", 6, "c"), (22, "torque_max", 6, "c"), (23, "torque_target", 6, "c"),
    (24, "torque", 6, "c"), (25, "angle_min", 5, "i"), (26, "angle_max", 5, "i"),
    (27, "angle_target", 5, "i"), (28, "angle", 5, "i"), (29, "rundown_angle_min", 5, "i"),
    (30, "rundown_angle_max", 5, "i"), (31, "rundown_angle", 5, "i"),
    (32, "current_monitoring_min", 3, "i"), (33, "current_monitoring_max", 3, "i"),
    (34, "current_monitoring_value", 3, "i"), (35, "selftap_min", 6, "c"),
    (36, "selftap_max", 6, "c"), (37, "selftap_torque", 6, "c"),
    (38, "prevail_torque_min", 6, "c"), (39, "prevail_torque_max", 6, "c"),
    (40, "prevail_torque", 6, "c"), (41, "tightening_id", 10, "i"),
    (42, "job_sequence_number", 5, "i"), (43, "sync_tightening_id", 5, "i"),
    (44, "tool_serial", 14, "s"), (45, "timestamp", 19, "s"), (46, "pset_changed_at", 19, "s"),
)  # fmt: skip


def parse_fields(
    msg: Message, layout: tuple[_Field, ...], raw: bytes
) -> dict[str, int | float | str]:
    """Walk the ``NN<value>`` fields of ``layout``, checking every parameter id."""
    data = msg.data
    pos = 0
    values: dict[str, int | float | str] = {}
    for pid, name, width, kind in layout:
        tag = data[pos : pos + 2]
        if tag != f"{pid:02d}":
            raise ProtocolError(
                f"MID {msg.mid:04d} rev {msg.revision}: expected parameter {pid:02d} ({name}) at "
                f"byte {HEADER_LEN + pos}, found {tag!r}.",
                raw=raw,
            )
        value = data[pos + 2 : pos + 2 + width]
        if len(value) < width:
            raise ProtocolError(
                f"MID {msg.mid:04d} rev {msg.revision} is cut short in parameter {pid:02d} "
                f"({name}).",
                raw=raw,
            )
        pos += 2 + width
        if kind == "s":
            values[name] = value.strip()
        elif kind == "c":
            values[name] = _digits(value, f"parameter {pid:02d} ({name})", raw) / 100.0
        else:
            values[name] = _digits(value, f"parameter {pid:02d} ({name})", raw)
    return values


def _status(value: int | float | str) -> bool:
    return value == 1


def parse_mid0061(msg: Message, raw: bytes = b"") -> TighteningResult:
    """A tightening result from MID 0061 revision 1, 2 or later (read as revision 2)."""
    if msg.mid != 61:
        raise ProtocolError(f"expected MID 0061, got {msg.mid:04d}.", raw=raw)
    layout = MID0061_REV1 if msg.revision == 1 else MID0061_REV2
    v = parse_fields(msg, layout, raw)
    tid = int(v["tightening_id"])
    return TighteningResult(
        ok=_status(v["tightening_status"]),
        torque=float(v["torque"]),
        torque_ok=_status(v["torque_status"]),
        angle=float(v["angle"]),
        angle_ok=_status(v["angle_status"]),
        pset=int(v["pset"]),
        tightening_id=str(tid),
        torque_min=float(v["torque_min"]),
        torque_max=float(v["torque_max"]),
        torque_target=float(v["torque_target"]),
        angle_min=float(v["angle_min"]),
        angle_max=float(v["angle_max"]),
        angle_target=float(v["angle_target"]),
        batch_size=int(v["batch_size"]),
        batch_counter=int(v["batch_counter"]),
        batch_ok={0: False, 1: True}.get(int(v["batch_status"])),
        vin=str(v["vin"]) or None,
        tool_serial=str(v.get("tool_serial", "")) or None,
        timestamp=str(v["timestamp"]) or None,
        raw=raw,
    )


def encode_mid0061(result: TighteningResult, revision: int = 1, *, cell: int = 1,
                   channel: int = 1, controller: str = "SIM") -> Message:  # fmt: skip
    """The MID 0061 a controller would send for ``result`` (used by the simulator)."""
    layout = MID0061_REV1 if revision == 1 else MID0061_REV2
    values: dict[str, object] = {
        "cell_id": cell, "channel_id": channel, "controller_name": controller,
        "vin": result.vin or "", "job_id": 0, "pset": result.pset or 0,
        "batch_size": result.batch_size or 0, "batch_counter": result.batch_counter or 0,
        "tightening_status": int(bool(result.ok)),
        "torque_status": _limit_status(result.torque, result.torque_min, result.torque_max),
        "angle_status": _limit_status(result.angle, result.angle_min, result.angle_max),
        "torque_min": result.torque_min, "torque_max": result.torque_max,
        "torque_target": result.torque_target, "torque": result.torque,
        "angle_min": result.angle_min, "angle_max": result.angle_max,
        "angle_target": result.angle_target, "angle": result.angle,
        "timestamp": result.timestamp or time.strftime("%Y-%m-%d:%H:%M:%S"),
        "pset_changed_at": "2024-01-01:00:00:00",
        "batch_status": {None: 2, True: 1, False: 0}[result.batch_ok],
        "tightening_id": int(result.tightening_id or 0), "tool_serial": result.tool_serial or "",
    }  # fmt: skip
    parts = []
    for pid, name, width, kind in layout:
        value = values.get(name)
        if kind == "s":
            text = str(value or "")[:width].ljust(width)
        elif kind == "c":
            text = f"{round(float(value or 0) * 100):0{width}d}"  # type: ignore[arg-type]
        else:
            text = f"{int(value or 0):0{width}d}"  # type: ignore[call-overload]
        parts.append(f"{pid:02d}{text}")
    return Message(61, revision, "".join(parts))


def _limit_status(value: float | None, low: float | None, high: float | None) -> int:
    if value is None or low is None or high is None:
        return 1
    return 0 if value < low else 2 if value > high else 1


# -- client --------------------------------------------------------------------------------


@dataclass
class _Request:
    message: Message
    what: str
    on_ok: Callable[[Message], None] | None = None
    on_error: Callable[[int], bool] | None = None  # True: handled (e.g. retried)
    sent_at: float = 0.0
    replies: frozenset[int] = field(default_factory=lambda: frozenset({5, 4}))


class OpenProtocolTool(SerialLinked, TorqueTool):
    """An Open Protocol torque controller (backend ``open-protocol``)."""

    backend = "open-protocol"

    def __init__(
        self,
        url: str,
        *,
        pset: int | None = None,
        enabled: bool | None = None,
        revision: int = 3,
        result_revision: int = 2,
        keepalive_s: float = 5.0,
        link_timeout_s: float = 15.0,
        request_timeout_s: float = 5.0,
        baudrate: int = 9600,
        name: str | None = None,
        port_finder: PortFinder | None = None,
        backoff_max_s: float = 5.0,
        poll_s: float = 0.05,
    ) -> None:
        super().__init__(url, name=name)
        if revision < 1 or result_revision not in (1, 2):
            raise DeviceConfigError("revision must be ≥ 1 and result_revision 1 or 2.")
        self._pset = pset
        self._enabled = enabled
        self.max_revision = revision
        self.max_result_revision = result_revision
        self.keepalive_s = keepalive_s
        self.link_timeout_s = link_timeout_s
        self.request_timeout_s = request_timeout_s
        self.framer = OpenProtocolFramer()
        self._link(
            url,
            SerialSettings(baudrate),
            poll_s=poll_s,
            backoff_max_s=backoff_max_s,
            port_finder=port_finder,
        )
        self._queue: deque[_Request] = deque()
        self._inflight: _Request | None = None
        self._ready = False
        self._last_rx = 0.0
        self._last_tx = 0.0
        self._seen_ids: deque[str] = deque(maxlen=256)
        self.session_revision: int | None = None
        self.result_revision: int | None = None
        # Requests come from the app thread, replies on the reader thread.
        import threading

        self._lock = threading.RLock()

    # -- public --------------------------------------------------------------------------
    def _on_stopped(self) -> None:
        with self._lock:
            self._reset_session()

    def select_pset(self, pset: int) -> None:
        if not 0 <= pset <= 999:
            raise DeviceConfigError(f"pset must be 0…999, not {pset}.")
        self._pset = pset
        with self._lock:
            if self._ready:
                self._enqueue(self._pset_request(pset))

    def enable(self) -> None:
        self._set_enabled(True)

    def disable(self) -> None:
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        with self._lock:
            if self._ready:
                self._enqueue(self._enable_request(enabled))

    # -- requests --------------------------------------------------------------------------
    def _pset_request(self, pset: int) -> _Request:
        return _Request(Message(18, 1, f"{pset:03d}"), f"select pset {pset}")

    def _enable_request(self, enabled: bool) -> _Request:
        return _Request(
            Message(43 if enabled else 42), "enable tool" if enabled else "disable tool"
        )

    def _start_request(self, revision: int) -> _Request:
        def on_error(code: int) -> bool:
            if code == 97 and revision > 1:
                self._queue.appendleft(self._start_request(revision - 1))
                return True
            return False

        def on_ok(msg: Message) -> None:
            self.session_revision = revision
            self._enqueue(self._subscribe_request(self.max_result_revision))

        return _Request(Message(1, revision), f"start session (rev {revision})", on_ok, on_error,
                        replies=frozenset({2, 4}))  # fmt: skip

    def _subscribe_request(self, revision: int) -> _Request:
        def subscribed() -> None:
            self.result_revision = revision
            self._ready = True
            if self._pset is not None:
                self._enqueue(self._pset_request(self._pset))
            if self._enabled is not None:
                self._enqueue(self._enable_request(self._enabled))
            self._set_status(
                "connected",
                f"session rev {self.session_revision}, results rev {revision} on "
                f"{self.connection.opened_path}",
            )

        def on_error(code: int) -> bool:
            if code == 97 and revision > 1:
                self._queue.appendleft(self._subscribe_request(revision - 1))
                return True
            if code == 9:  # already subscribed (an old session lingers): fine
                subscribed()
                return True
            return False

        return _Request(Message(60, revision), f"subscribe to results (rev {revision})",
                        lambda _m: subscribed(), on_error)  # fmt: skip

    def _enqueue(self, request: _Request) -> None:
        self._queue.append(request)
        self._pump()

    def _pump(self) -> None:
        if self._inflight is not None or not self._queue:
            return
        request = self._queue.popleft()
        try:
            self._send(request.message)
        except DeviceDisconnected as err:
            self._report(err)
            return
        request.sent_at = time.monotonic()
        self._inflight = request

    def _send(self, msg: Message) -> None:
        self.connection.write(msg.encode())
        self._last_tx = time.monotonic()

    def _reset_session(self) -> None:
        self._queue.clear()
        self._inflight = None
        self._ready = False
        self.framer.reset()

    # -- reader thread -------------------------------------------------------------------
    def _on_open(self) -> None:
        with self._lock:
            self._reset_session()
            now = time.monotonic()
            self._last_rx = self._last_tx = now
            self._enqueue(self._start_request(self.max_revision))

    def _on_close(self, reason: str) -> None:
        with self._lock:
            dropped = self.framer.pending
            self._reset_session()
        if dropped:
            self._report(ProtocolError(f"{self.name}: {dropped} bytes of a half-received "
                                       "message were dropped when the link broke."))  # fmt: skip
        self._set_status("disconnected", reason)

    def _on_tick(self, now: float) -> None:
        with self._lock:
            inflight = self._inflight
            if inflight is not None and now - inflight.sent_at > self.request_timeout_s:
                self._inflight = None
                self.connection.drop(f"no answer to '{inflight.what}' within "
                                     f"{self.request_timeout_s:.0f} s")  # fmt: skip
                return
            if now - self._last_rx > self.link_timeout_s:
                self.connection.drop(f"controller silent for {self.link_timeout_s:.0f} s")
                return
            if self._ready and now - max(self._last_tx, self._last_rx) >= self.keepalive_s:
                self._enqueue(_Request(Message(9999), "keep-alive", replies=frozenset({9999})))

    def _on_data(self, data: bytes, now: float) -> None:
        with self._lock:
            self._last_rx = now
            events = self.framer.feed(data)
        for event in events:
            if isinstance(event, ProtocolError):
                self._report(event)
            else:
                self._handle(event)

    def _handle(self, msg: Message) -> None:
        if msg.mid == 61:
            self._on_result(msg)
            return
        with self._lock:
            request = self._inflight
            if request is None or msg.mid not in request.replies or not self._answers(request, msg):
                if msg.mid not in (9999, 5, 4, 2, 41, 40):
                    self.log.debug("%s: ignoring unsolicited MID %04d", self.name, msg.mid)
                return
            self._inflight = None
            if msg.mid == 4:
                code = (
                    _digits(msg.data[4:6], "MID 0004 error code", msg.encode())
                    if len(msg.data) >= 6
                    else 0
                )
                handled = request.on_error(code) if request.on_error else False
                if not handled:
                    text = ERROR_CODES.get(code, "unknown error")
                    self._report(DeviceRejected(
                        f"{self.name}: the controller refused '{request.what}': error {code:02d} "
                        f"({text}).", mid=request.message.mid, code=code,
                        next_action=_next_action(request.message.mid, code),
                    ))  # fmt: skip
                    if request.message.mid in (1, 60):
                        # Without a session or a subscription no result can arrive: retry.
                        self.connection.drop(f"controller refused '{request.what}' (error {code})")
            elif request.on_ok is not None:
                request.on_ok(msg)
            self._pump()

    @staticmethod
    def _answers(request: _Request, msg: Message) -> bool:
        if msg.mid in (4, 5):
            try:
                return int(msg.data[:4]) == request.message.mid
            except ValueError:
                return False
        return True

    def _on_result(self, msg: Message) -> None:
        raw = msg.encode()[:-1]
        try:
            result = parse_mid0061(msg, raw)
        except ProtocolError as err:
            result = None
            self._report(err)
        # Acknowledge even a garbled result: unacked, the controller would resend the same
        # bytes forever and hold back every later tightening. The error report keeps it.
        try:
            self._send(Message(62, 1))
        except DeviceDisconnected as err:
            self._report(err)
        if result is None:
            return
        tid = result.tightening_id
        if tid and tid != "0":
            if tid in self._seen_ids:
                self.log.info("%s: tightening %s was sent again; delivered once", self.name, tid)
                return
            self._seen_ids.append(tid)
        self._deliver(result)


def _next_action(mid: int, code: int) -> str:
    if code == 2:
        return "Create the parameter set on the controller or fix the step's pset."
    if code == 96:
        return "Close the other program connected to the controller."
    if mid in (42, 43):
        return "Check the controller's tool connection and permissions."
    return "See the controller's event log."
