"""Atlas Copco Open Protocol: message codec, framer, MID 0061 parser and the client.

Wire format: a 20-byte ASCII header (length incl. header 4, MID 4, revision 3, no-ack
flag 1, station 2, spindle 2, spare 4), the data, a NUL. The same client runs over TCP
(``socket://host:4545``) and serial ports: both are URLs.

Session (re-run after every reconnect): see :class:`OpenProtocolTool`. In short: 0001
start → 0002 (a "revision not supported" answer, 0004 error 97, 74 or 76, retries one
revision lower, down to 1) → 0060 subscribe results → 0005 → the wanted program (0018),
then the tool state (0042 disable / 0043 enable; both are answered by 0005 or 0004 only,
0040/0041 are tool data) → 0064/0065 for tightenings made while disconnected. Each 0061
result is acknowledged with 0062; a 9999 keep-alive goes out when the link has been quiet
for ``keepalive_s``. One request is in flight at a time, as the spec asks.

Why one module of ~1400 lines, not split: codec, framer and client share the message tables and
are read together when a controller misbehaves; splitting them scatters the spec.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from hardware.base import TorqueTool
from hardware.connection import PortFinder, SerialLinked, SerialSettings
from hardware.errors import (
    DeviceConfigError,
    DeviceDisconnected,
    DeviceRejected,
    ProtocolError,
)
from hardware.model import DeviceState, TighteningResult, UnreadableResult

HEADER_LEN = 20
MAX_LENGTH = 9999
#: How far a length field may be off and the message still be read up to its NUL
#: (controllers that count the NUL, or forget a byte). Farther off, it is dropped.
LENGTH_SLACK = 2

#: MID 0004 error codes, the whole table of the Open Protocol specification (MID 0004),
#: worded for a line lead. Codes the table leaves unassigned read "unknown error NN".
ERROR_CODES: dict[int, str] = {
    0: "no error",
    1: "invalid data",
    2: "parameter set ID not present",
    3: "parameter set can not be set",
    4: "parameter set not running",
    6: "VIN upload subscription already exists",
    7: "VIN upload subscription does not exist",
    8: "VIN input source not granted",
    9: "last tightening result subscription already exists",
    10: "last tightening result subscription does not exist",
    11: "alarm subscription already exists",
    12: "alarm subscription does not exist",
    13: "parameter set selection subscription already exists",
    14: "parameter set selection subscription does not exist",
    15: "tightening ID requested not found",
    16: "connection rejected, protocol busy",
    17: "job ID not present",
    18: "job info subscription already exists",
    19: "job info subscription does not exist",
    20: "job can not be set",
    21: "job not running",
    22: "dynamic job request not possible",
    23: "job batch decrement failed",
    24: "parameter set can not be created",
    25: "programming control not granted",
    26: "wrong tool type for the parameter set download",
    27: "tool is inaccessible",
    28: "job abortion is in progress",
    29: "tool does not exist",
    30: "controller is not a sync master/station controller",
    31: "multi-spindle status subscription already exists",
    32: "multi-spindle status subscription does not exist",
    33: "multi-spindle result subscription already exists",
    34: "multi-spindle result subscription does not exist",
    35: "another master client is already connected",
    40: "job line control info subscription already exists",
    41: "job line control info subscription does not exist",
    42: "identifier input source not granted",
    43: "multiple identifiers work order subscription already exists",
    44: "multiple identifiers work order subscription does not exist",
    50: "status external monitored inputs subscription already exists",
    51: "status external monitored inputs subscription does not exist",
    52: "I/O device not connected",
    53: "faulty I/O device ID",
    54: "tool tag ID unknown",
    55: "tool tag ID subscription already exists",
    56: "tool tag ID subscription does not exist",
    57: "tool motor tuning failed",
    58: "no alarm present",
    59: "tool currently in use",
    60: "no histogram available",
    61: "pairing failed",
    62: "pairing denied",
    63: "pairing or pairing abortion attempted on the wrong tool type",
    64: "pairing abortion denied",
    65: "pairing abortion failed",
    66: "pairing disconnection failed",
    67: "pairing in progress or already done",
    68: "pairing denied, no program control",
    69: "unsupported extra data revision",
    70: "calibration failed",
    71: "subscription already exists",
    72: "subscription does not exist",
    73: "subscribed MID unsupported",
    74: "subscribed MID revision unsupported",
    75: "requested MID unsupported",
    76: "requested MID revision unsupported",
    77: "request on this specific data not supported",
    78: "subscription on this specific data not supported",
    79: "command failed",
    80: "Audi emergency status subscription exists",
    81: "Audi emergency status subscription does not exist",
    82: "automatic/manual mode subscription already exists",
    83: "automatic/manual mode subscription does not exist",
    84: "relay function subscription already exists",
    85: "relay function subscription does not exist",
    86: "selector socket info subscription already exists",
    87: "selector socket info subscription does not exist",
    88: "digital input info subscription already exists",
    89: "digital input info subscription does not exist",
    90: "lock at batch done subscription already exists",
    91: "lock at batch done subscription does not exist",
    92: "Open Protocol commands disabled",
    93: "Open Protocol commands disabled subscription already exists",
    94: "Open Protocol commands disabled subscription does not exist",
    95: "request rejected, the controller is in manual mode",
    96: "client already connected",
    97: "MID revision unsupported",
    98: "controller internal request timeout",
    99: "unknown MID",
}

#: Answers that mean "not this revision": controllers use 97 or, for subscriptions and
#: requests, 74 and 76. The driver retries one revision lower, down to revision 1.
REVISION_UNSUPPORTED = frozenset({97, 74, 76})


def error_text(code: int) -> str:
    """The specification's meaning of a MID 0004 error code."""
    return ERROR_CODES.get(code, f"unknown error {code:02d}")


@dataclass(frozen=True)
class Message:
    """One Open Protocol message; ``data`` is the text after the header."""

    mid: int
    revision: int = 1
    data: str = ""
    no_ack: bool = False
    #: The bytes as received (header + data, no NUL); empty for messages built here.
    wire: bytes = field(default=b"", compare=False, repr=False)

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
    return Message(mid, revision, text[HEADER_LEN:], no_ack=text[11:12] == "1", wire=raw)


class OpenProtocolFramer:
    """Cuts a byte stream into messages and resynchronises on garbage.

    A message ends at its NUL. The length field is checked against it: when both agree
    the message is taken; when they disagree (a controller whose length field is off by
    one) the header and the NUL still frame the message, so it is kept and the mismatch
    is reported, never a result lost to a wrong length field. A stretch with a second
    header inside it (a message cut short, then the next one) is split at that header
    and the cut part dropped. Without a NUL, a message whose length ends right where the
    next header starts is accepted (some serial gateways strip NULs). Returns messages
    and the :class:`ProtocolError` of each problem.
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
            if (
                not head.isdigit()
                or int(head) < HEADER_LEN - LENGTH_SLACK
                or not bytes(buf[4:8]).isdigit()
            ):
                if len(buf) < 8 and head.isdigit() and nul < 0:
                    return out  # maybe a header still arriving
                out.append(self._drop_to_nul(nul, f"bad header {bytes(buf[:8])!r}"))
                continue
            length = int(head)
            if nul == length:
                out.append(self._take(length, length + 1))
                continue
            if nul >= 0:
                inner = _inner_message(buf, nul)
                if inner is not None and inner == length:
                    out.append(self._take(length, length))  # NUL-less, the next one follows
                    continue
                if inner is not None:
                    raw = bytes(buf[:inner])
                    del buf[:inner]
                    out.append(ProtocolError(
                        f"Open Protocol: a message cut short after {len(raw)} bytes was dropped "
                        "(the next message started inside it).", raw=raw))  # fmt: skip
                    continue
                if nul >= HEADER_LEN and abs(nul - length) <= LENGTH_SLACK:
                    # Header and NUL agree on a message; only the length field is off.
                    out.append(ProtocolError(
                        f"Open Protocol MID {bytes(buf[4:8]).decode()}: length field says "
                        f"{length}, the message has {nul} bytes; read up to its NUL.",
                        raw=bytes(buf[:nul])))  # fmt: skip
                    out.append(self._take(nul, nul + 1))
                    continue
                if nul < length:
                    why = f"length field says {length}, message has {nul}"
                else:
                    why = f"length field {length} does not end the message"
                out.append(self._drop_to_nul(nul, why))
                continue
            # No NUL yet.
            if len(buf) == length or (
                len(buf) >= length + 8 and _looks_like_header(bytes(buf[length : length + 8]))
            ):
                out.append(self._take(length, length))  # NUL-less message, next header follows
                continue
            if len(buf) > MAX_LENGTH + 1:
                out.append(self._drop_to_nul(-1, "no message end within 9999 bytes"))
                continue
            return out  # half a message so far: wait for the rest

    def _take(self, end: int, cut: int) -> Message | ProtocolError:
        raw = bytes(self._buf[:end])
        del self._buf[:cut]
        try:
            return decode_header(raw)
        except ProtocolError as err:
            return err

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


def _inner_message(buf: bytearray, nul: int) -> int | None:
    """Where a complete message ending at ``nul`` starts inside ``buf[20:nul]``.

    Only a full header whose own length field ends exactly at the NUL counts, so digits
    in a message's data are never mistaken for a header.
    """
    for i in range(HEADER_LEN, nul - HEADER_LEN + 1):
        head = bytes(buf[i : i + HEADER_LEN])
        if head[:4].isdigit() and int(head[:4]) == nul - i and _looks_like_header(head):
            return i
    return None


def _looks_like_header(head: bytes) -> bool:
    """Length and MID digits, a revision of digits or blanks: how every header begins."""
    if len(head) < 8:
        return len(head) > 0 and head.isdigit()
    if not (head[:8].isdigit() and HEADER_LEN <= int(head[:4]) <= MAX_LENGTH):
        return False
    rev = head[8:11]
    return all(c in b"0123456789 " for c in rev)


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


_REV3_EXTRA: tuple[_Field, ...] = (
    (47, "pset_name", 25, "s"), (48, "torque_unit", 1, "s"), (49, "result_type", 2, "i"),
)  # fmt: skip
_REV4_EXTRA: tuple[_Field, ...] = (
    (50, "identifier_2", 25, "s"), (51, "identifier_3", 25, "s"), (52, "identifier_4", 25, "s"),
)  # fmt: skip
_REV5_EXTRA: tuple[_Field, ...] = ((53, "customer_error_code", 4, "s"),)
_REV6_EXTRA: tuple[_Field, ...] = (
    (54, "prevail_torque_compensate", 6, "c"), (55, "tightening_error_status_2", 10, "s"),
)  # fmt: skip
_REV7_EXTRA: tuple[_Field, ...] = ((56, "compensated_angle", 7, "c"), (57, "angle_decimal", 7, "c"))

#: MID 0061 layouts by revision (revision 3 and later extend revision 2).
MID0061_LAYOUTS: dict[int, tuple[_Field, ...]] = {1: MID0061_REV1, 2: MID0061_REV2}
for _rev, _extra in enumerate((_REV3_EXTRA, _REV4_EXTRA, _REV5_EXTRA, _REV6_EXTRA,
                               _REV7_EXTRA), start=3):  # fmt: skip
    MID0061_LAYOUTS[_rev] = MID0061_LAYOUTS[_rev - 1] + _extra
MAX_RESULT_REVISION = max(MID0061_LAYOUTS)

#: MID 0065 (old tightening result upload reply) revision 1.
MID0065_REV1: tuple[_Field, ...] = (
    (1, "tightening_id", 10, "i"), (2, "vin", 25, "s"), (3, "pset", 3, "i"),
    (4, "batch_counter", 4, "i"), (5, "tightening_status", 1, "i"), (6, "torque_status", 1, "i"),
    (7, "angle_status", 1, "i"), (8, "torque", 6, "c"), (9, "angle", 5, "i"),
    (10, "timestamp", 19, "s"), (11, "batch_status", 1, "i"),
)  # fmt: skip

#: MID 0101 (multi-spindle result) revision 1, before the per-spindle block (parameter 18).
MID0101_REV1: tuple[_Field, ...] = (
    (1, "spindles", 2, "i"), (2, "vin", 25, "s"), (3, "job_id", 2, "i"), (4, "pset", 3, "i"),
    (5, "batch_size", 4, "i"), (6, "batch_counter", 4, "i"), (7, "batch_status", 1, "i"),
    (8, "torque_min", 6, "c"), (9, "torque_max", 6, "c"), (10, "torque_target", 6, "c"),
    (11, "angle_min", 5, "i"), (12, "angle_max", 5, "i"), (13, "angle_target", 5, "i"),
    (14, "pset_changed_at", 19, "s"), (15, "timestamp", 19, "s"),
    (16, "sync_tightening_id", 5, "i"), (17, "sync_status", 1, "i"),
)  # fmt: skip
SPINDLE_LEN = 18  # spindle 2, channel 2, status 1, torque status 1, torque 6, angle st. 1, angle 5

#: MID 0002 (communication start acknowledge) parameters, revisions 1 to 6.
MID0002_FIELDS: tuple[_Field, ...] = (
    (1, "cell_id", 4, "i"), (2, "channel_id", 2, "i"), (3, "controller_name", 25, "s"),
    (4, "supplier_code", 3, "s"), (5, "protocol_version", 19, "s"),
    (6, "controller_software", 19, "s"), (7, "tool_software", 19, "s"), (8, "rbu_type", 24, "s"),
    (9, "controller_serial", 10, "s"),
)  # fmt: skip

#: MID 0061 revision 3's torque unit code → canonical unit and the factor to apply.
TORQUE_UNITS: dict[str, tuple[str, float]] = {
    "1": ("Nm", 1.0), "2": ("lbf.ft", 1.0), "3": ("lbf.in", 1.0), "4": ("kgf.m", 1.0),
    "5": ("kgf.cm", 1.0), "6": ("ozf.in", 1.0), "8": ("Nm", 0.01),
}  # fmt: skip
UNIT_TEXT = {"7": "%"}  # percent of the tool's maximum: not a torque unit; the core refuses it


def layout_length(layout: tuple[_Field, ...]) -> int:
    """Data length (without header) of a fixed layout."""
    return sum(2 + width for _pid, _name, width, _kind in layout)


def parse_fields(
    msg: Message, layout: tuple[_Field, ...], raw: bytes, *, partial: bool = False
) -> dict[str, int | float | str]:
    """Walk the ``NN<value>`` fields of ``layout``, checking every parameter id.

    With ``partial`` the walk stops quietly where the data ends (MID 0002, whose
    parameters depend on the revision).
    """
    data = msg.data
    pos = 0
    values: dict[str, int | float | str] = {}
    for pid, name, width, kind in layout:
        if partial and pos >= len(data.rstrip()):
            break
        tag = data[pos : pos + 2]
        if tag != f"{pid:02d}":
            if partial:
                break
            raise ProtocolError(
                f"MID {msg.mid:04d} rev {msg.revision}: expected parameter {pid:02d} ({name}) at "
                f"byte {HEADER_LEN + pos}, found {tag!r}.",
                raw=raw,
            )
        value = data[pos + 2 : pos + 2 + width]
        if len(value) < width and not partial:
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


def _unit(code: object) -> tuple[str, float]:
    text = str(code or "").strip()
    if not text:
        return "Nm", 1.0  # revisions 1 and 2 carry no unit: the spec's unit is N·m
    if text in TORQUE_UNITS:
        return TORQUE_UNITS[text]
    return UNIT_TEXT.get(text, f"unit code {text}"), 1.0


def result_layout_for(msg: Message) -> int:
    """The MID 0061 revision whose layout the data actually has.

    The declared revision when its length fits; else the revision whose fixed length
    equals the data's (a controller that labels revision-1 fields as revision 2); else
    the declared one, and the parse says what is wrong.
    """
    declared = msg.revision if msg.revision in MID0061_LAYOUTS else MAX_RESULT_REVISION
    size = len(msg.data)
    if layout_length(MID0061_LAYOUTS[declared]) == size:
        return declared
    for rev, layout in MID0061_LAYOUTS.items():
        if layout_length(layout) == size:
            return rev
    # Not an exact fit: take the largest revision the data can hold (trailing extras).
    fitting = [r for r, lay in MID0061_LAYOUTS.items() if layout_length(lay) <= size]
    if declared in fitting:
        return declared
    return max(fitting) if fitting else declared


def parse_mid0061(
    msg: Message, raw: bytes = b"", *, revision: int | None = None
) -> TighteningResult:
    """A tightening result from MID 0061, read by the layout its length says it has.

    ``revision`` forces a layout (the ``result_revision`` setting of a controller that
    mislabels its results).
    """
    if msg.mid != 61:
        raise ProtocolError(f"expected MID 0061, got {msg.mid:04d}.", raw=raw)
    rev = revision if revision in MID0061_LAYOUTS else result_layout_for(msg)
    v = parse_fields(msg, MID0061_LAYOUTS[rev], raw)
    unit, factor = _unit(v.get("torque_unit"))
    return _result(v, raw, unit=unit, factor=factor, layout_revision=rev)


def parse_mid0065(msg: Message, raw: bytes = b"") -> TighteningResult:
    """An old tightening (MID 0065 revision 1), uploaded after a reconnect: ``late``."""
    if msg.mid != 65:
        raise ProtocolError(f"expected MID 0065, got {msg.mid:04d}.", raw=raw)
    v = parse_fields(msg, MID0065_REV1, raw)
    return replace(_result(v, raw, unit="Nm", factor=1.0, layout_revision=1), late=True)


def parse_mid0101(msg: Message, raw: bytes = b"") -> list[TighteningResult]:
    """One result per spindle from a multi-spindle result (MID 0101 revision 1)."""
    if msg.mid != 101:
        raise ProtocolError(f"expected MID 0101, got {msg.mid:04d}.", raw=raw)
    v = parse_fields(msg, MID0101_REV1, raw)
    pos = layout_length(MID0101_REV1)
    data = msg.data
    if data[pos : pos + 2] != "18":
        found = data[pos : pos + 2]
        raise ProtocolError(
            f"MID 0101: expected parameter 18 (spindle status) at byte {HEADER_LEN + pos}, "
            f"found {found!r}.",
            raw=raw,
        )
    pos += 2
    count = int(v["spindles"])
    block = data[pos:]
    if len(block.rstrip()) < count * SPINDLE_LEN:
        raise ProtocolError(f"MID 0101 announces {count} spindles but carries "
                            f"{len(block) // SPINDLE_LEN}.", raw=raw)  # fmt: skip
    out = []
    for n in range(count):
        b = block[n * SPINDLE_LEN : (n + 1) * SPINDLE_LEN]
        what = f"MID 0101 spindle {n + 1}"
        spindle = _digits(b[0:2], f"{what} number", raw)
        torque = _digits(b[6:12], f"{what} torque", raw) / 100.0
        angle = float(_digits(b[13:18], f"{what} angle", raw))
        out.append(TighteningResult(
            ok=b[4] == "1", torque=torque, torque_ok=b[5] == "1", angle=angle,
            angle_ok=b[12] == "1", pset=int(v["pset"]),
            tightening_id=str(int(v["sync_tightening_id"])),
            torque_min=float(v["torque_min"]), torque_max=float(v["torque_max"]),
            torque_target=float(v["torque_target"]), angle_min=float(v["angle_min"]),
            angle_max=float(v["angle_max"]), angle_target=float(v["angle_target"]),
            batch_size=int(v["batch_size"]), batch_counter=int(v["batch_counter"]),
            batch_ok={0: False, 1: True}.get(int(v["batch_status"])), vin=str(v["vin"]) or None,
            timestamp=str(v["timestamp"]) or None, raw=raw, spindle=spindle,
        ))  # fmt: skip
    return out


def _result(
    v: dict[str, int | float | str], raw: bytes, *, unit: str, factor: float, layout_revision: int
) -> TighteningResult:
    del layout_revision

    def torque(name: str) -> float | None:
        return round(float(v[name]) * factor, 6) if name in v else None

    def number(name: str) -> float | None:
        return float(v[name]) if name in v else None

    def integer(name: str) -> int | None:
        return int(v[name]) if name in v else None

    angle = number("angle")
    if "angle_decimal" in v and float(v["angle_decimal"]):
        angle = float(v["angle_decimal"])  # revision 7: the angle with two decimals
    return TighteningResult(
        ok=_status(v["tightening_status"]),
        torque=torque("torque"),
        torque_ok=_status(v["torque_status"]),
        angle=angle,
        angle_ok=_status(v["angle_status"]),
        pset=int(v["pset"]),
        tightening_id=str(int(v["tightening_id"])),
        torque_min=torque("torque_min"),
        torque_max=torque("torque_max"),
        torque_target=torque("torque_target"),
        angle_min=number("angle_min"),
        angle_max=number("angle_max"),
        angle_target=number("angle_target"),
        batch_size=integer("batch_size"),
        batch_counter=integer("batch_counter"),
        batch_ok={0: False, 1: True}.get(int(v["batch_status"])),
        vin=str(v["vin"]) or None,
        tool_serial=str(v.get("tool_serial", "")) or None,
        timestamp=str(v["timestamp"]) or None,
        unit=unit,
        raw=raw,
    )


_UNIT_CODES = {unit: code for code, (unit, factor) in TORQUE_UNITS.items() if factor == 1.0}


def encode_mid0061(result: TighteningResult, revision: int = 1, *, cell: int = 1,
                   channel: int = 1, controller: str = "SIM") -> Message:  # fmt: skip
    """The MID 0061 a controller would send for ``result`` (used by the simulator)."""
    layout = MID0061_LAYOUTS.get(revision, MID0061_LAYOUTS[MAX_RESULT_REVISION])
    values = _values(result)
    values.update({"cell_id": cell, "channel_id": channel, "controller_name": controller})
    return Message(61, revision, encode_fields(layout, values))


def encode_mid0065(result: TighteningResult) -> Message:
    """The MID 0065 revision 1 a controller sends for an old tightening (simulator)."""
    return Message(65, 1, encode_fields(MID0065_REV1, _values(result)))


def encode_mid0101(results: list[TighteningResult], sync_id: int) -> Message:
    """A multi-spindle result (MID 0101 revision 1) of one result per spindle (simulator)."""
    first = results[0]
    values = _values(first)
    values.update({"spindles": len(results), "sync_tightening_id": sync_id,
                   "sync_status": int(all(r.ok for r in results))})  # fmt: skip
    blocks = "".join(
        f"{r.spindle or n + 1:02d}01{int(bool(r.ok))}"
        f"{_limit_status(r.torque, r.torque_min, r.torque_max) == 1:d}"
        f"{round((r.torque or 0) * 100):06d}"
        f"{_limit_status(r.angle, r.angle_min, r.angle_max) == 1:d}{round(r.angle or 0):05d}"
        for n, r in enumerate(results)
    )
    return Message(101, 1, encode_fields(MID0101_REV1, values) + "18" + blocks)


def _values(result: TighteningResult) -> dict[str, object]:
    return {
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
        "torque_unit": _UNIT_CODES.get(result.unit, "1"), "result_type": 1,
    }  # fmt: skip


def encode_fields(layout: tuple[_Field, ...], values: dict[str, object]) -> str:
    """``NN<value>`` fields of ``layout`` from ``values`` (missing ones zero or blank)."""
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
    return "".join(parts)


def _limit_status(value: float | None, low: float | None, high: float | None) -> int:
    if value is None or low is None or high is None:
        return 1
    return 0 if value < low else 2 if value > high else 1


# -- client --------------------------------------------------------------------------------


@dataclass(frozen=True)
class VendorProfile:
    """Session defaults for a family of controllers (``profile`` option).

    ``revision``: highest MID 0001 revision tried; ``result_revision``: highest MID 0060
    revision subscribed; ``result_layout``: read every MID 0061 with this revision's layout
    whatever its header says (None: by the declared revision, else by its length).
    Either way the driver falls back on 97/74/76 down to revision 1.
    """

    name: str
    revision: int
    result_revision: int
    result_layout: int | None = None
    description: str = ""


PROFILES: dict[str, VendorProfile] = {
    p.name: p
    for p in (
        VendorProfile("standard", 3, 3, None, "Open Protocol as specified (the default)."),
        VendorProfile("atlas-copco", 6, 7, None,
                      "Atlas Copco Power Focus and later: ask for the newest revisions first."),
        VendorProfile("legacy", 1, 1, None,
                      "Controllers that only speak revision 1 (no unit field: N·m)."),
        VendorProfile("rev1-as-rev2", 3, 2, 1,
                      "Emulators and firmware that label revision-1 result fields as revision 2."),
    )
}  # fmt: skip


@dataclass
class _Request:
    message: Message
    what: str
    on_ok: Callable[[Message], None] | None = None
    on_error: Callable[[int], bool] | None = None  # True: handled (e.g. retried)
    sent_at: float = 0.0
    replies: frozenset[int] = field(default_factory=lambda: frozenset({5, 4}))
    session: bool = False  # without it no result can arrive: a failure ends the session
    on_timeout: Callable[[], None] | None = None
    on_done: Callable[[], None] | None = None  # after the answer, whatever it was


class OpenProtocolTool(SerialLinked, TorqueTool):
    """An Open Protocol torque controller (backend ``open-protocol``).

    Session (re-run after every reconnect): 0001 start → 0002 (identity: controller name
    and serial; a "revision not supported" answer, 97/74/76, retries one revision lower
    down to 1; 96 means another client holds the controller) → 0060 subscribe results
    (same fallback) → [0100 multi-spindle results] → the wanted program (0018), tool
    state (0042 disable / 0043 enable, answered by 0005 or 0004 only; 0040/0041 are tool
    data, not an answer), the unit's identifier (0050), then the tightenings made while
    the link was down (0064 → 0065, delivered ``late``). One request is in flight at a
    time, as the spec asks. Each 0061 is acknowledged with 0062 (0101 with 0102).

    Program safety: the tool is enabled only after the controller has confirmed the
    wanted program; before a program change it is disabled; a refused program leaves it
    locked and says which program and why (an error report and the status line).

    Identity: a result is named by controller identity + tightening id + timestamp
    (+ spindle), so a controller restart that resets ids loses nothing and a resent
    result is delivered once. A result that cannot be read is acknowledged (else the
    controller resends it forever) and delivered raw to the unreadable listeners.
    """

    backend = "open-protocol"

    def __init__(
        self,
        url: str,
        *,
        pset: int | None = None,
        enabled: bool | None = None,
        profile: str = "standard",
        revision: int | None = None,
        result_revision: int | None = None,
        result_layout: int | None = None,
        device_id: str | None = None,
        multi_spindle: bool = False,
        upload_missed: bool = True,
        upload_max: int = 50,
        keepalive_s: float = 5.0,
        link_timeout_s: float = 15.0,
        request_timeout_s: float = 5.0,
        baudrate: int = 9600,
        name: str | None = None,
        port_finder: PortFinder | None = None,
        backoff_max_s: float = 5.0,
        stable_s: float = 5.0,
        poll_s: float = 0.05,
    ) -> None:
        super().__init__(url, name=name)
        vendor = PROFILES.get(profile)
        if vendor is None:
            raise DeviceConfigError(
                f"Unknown Open Protocol profile {profile!r}.",
                next_action=f"Use one of: {', '.join(PROFILES)}.",
            )
        revision = vendor.revision if revision is None else revision
        result_revision = vendor.result_revision if result_revision is None else result_revision
        result_layout = vendor.result_layout if result_layout is None else result_layout
        if revision < 1 or not 1 <= result_revision <= MAX_RESULT_REVISION:
            raise DeviceConfigError(
                f"revision must be ≥ 1 and result_revision 1…{MAX_RESULT_REVISION}."
            )
        if result_layout is not None and result_layout not in MID0061_LAYOUTS:
            raise DeviceConfigError(f"result_layout must be 1…{MAX_RESULT_REVISION}.")
        self.profile = vendor
        self._pset = pset
        self._enabled = enabled
        self.max_revision = revision
        self.max_result_revision = result_revision
        self.result_layout = result_layout
        self.device_id = device_id
        self.multi_spindle = multi_spindle
        self.upload_missed = upload_missed
        self.upload_max = upload_max
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
            stable_s=stable_s,
        )
        self._queue: deque[_Request] = deque()
        self._inflight: _Request | None = None
        self._ready = False
        self._last_rx = 0.0
        self._last_tx = 0.0
        self._seen: OrderedDict[tuple[object, ...], None] = OrderedDict()
        self._last_tid: dict[str, tuple[int, str | None]] = {}
        # Units seen on results that carry one (MID 0061 rev ≥ 3), per controller and pset:
        # MID 0065 rev 1 and 0101 rev 1 carry none, and N·m is only the spec's default.
        self._units: dict[tuple[str, int | None], str] = {}
        self.session_revision: int | None = None
        self.result_revision: int | None = None
        self.result_layout_seen: int | None = None
        self.multi_spindle_revision: int | None = None
        self.controller_id: str | None = device_id
        self.controller_info: dict[str, int | float | str] = {}
        self._identifier: str | None = None
        self._confirmed_pset: int | None = None
        self._pset_pending: int | None = None
        self._refused_pset: int | None = None
        self._tool_on: bool | None = None
        self._tool_req: bool | None = None
        self._notes: dict[str, str] = {}
        self._keepalive_missed = 0
        self._close_state: DeviceState = "disconnected"  # "error": the session failed
        self.uploaded = 0  # old tightenings fetched after reconnects
        # Requests come from the app thread, replies on the reader thread.
        self._lock = threading.RLock()

    # -- public --------------------------------------------------------------------------
    @property
    def pset_confirmed(self) -> int | None:
        """The program the controller confirmed in this session (None: not yet)."""
        return self._confirmed_pset

    def _on_stopped(self) -> None:
        with self._lock:
            self._reset_session()

    def select_pset(self, pset: int) -> None:
        if not 0 <= pset <= 999:
            raise DeviceConfigError(f"pset must be 0…999, not {pset}.")
        with self._lock:
            self._pset = pset
            self._refused_pset = None  # asked again: try again
            if self._confirmed_pset != pset:
                self._confirmed_pset = None
            if self._ready:
                self._apply_tool()

    def enable(self) -> None:
        self._set_enabled(True)

    def disable(self) -> None:
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        with self._lock:
            self._enabled = enabled
            if self._ready:
                self._apply_tool()

    def download_identifier(self, identifier: str) -> None:
        """Send the unit's identifier (MID 0050) now and after every reconnect."""
        with self._lock:
            self._identifier = identifier
            if self._ready:
                self._enqueue(self._identifier_request(identifier))

    # -- tool state ----------------------------------------------------------------------
    def _expected_tool(self) -> bool | None:
        return self._tool_req if self._tool_req is not None else self._tool_on

    def _apply_tool(self) -> None:
        """Bring program and tool state to what the station wants, program first."""
        want = self._pset
        pset_ok = want is None or self._confirmed_pset == want
        if not pset_ok and self._pset_pending is None and self._refused_pset != want:
            assert want is not None
            if self._enabled is not None and self._expected_tool() is not False:
                self._enqueue(self._tool_request(False))  # never run on the old program
            self._enqueue(self._pset_request(want))
        if self._enabled is False and self._expected_tool() is not False:
            self._enqueue(self._tool_request(False))
        elif self._enabled is True and pset_ok and self._expected_tool() is not True:
            self._enqueue(self._tool_request(True))

    # -- requests --------------------------------------------------------------------------
    def _pset_request(self, pset: int) -> _Request:
        self._pset_pending = pset

        def on_ok(_msg: Message) -> None:
            self._pset_pending = None
            self._confirmed_pset = pset
            self._refused_pset = None
            self._notes.pop("program", None)
            self._publish()
            self._apply_tool()

        def refused(why: str) -> None:
            self._pset_pending = None
            self._refused_pset = pset
            self._notes["program"] = f"the controller refused program {pset} ({why}); " \
                                     "the tool stays locked"  # fmt: skip
            self._publish()
            if self._enabled is not None and self._expected_tool() is not False:
                self._enqueue(self._tool_request(False))

        def on_error(code: int) -> bool:
            refused(f"error {code:02d}: {error_text(code)}")
            return False  # still reported, with the code

        def on_timeout() -> None:
            refused(f"no answer within {self.request_timeout_s:g} s")
            self._report(DeviceRejected(
                f"{self.name}: the controller did not confirm program {pset} within "
                f"{self.request_timeout_s:g} s; the tool stays locked.", mid=18, code=0,
                next_action="Check the controller; the station asks again at the next step.",
            ))  # fmt: skip

        return _Request(Message(18, 1, f"{pset:03d}"), f"select program {pset}", on_ok,
                        on_error, on_timeout=on_timeout)  # fmt: skip

    def _tool_request(self, enabled: bool) -> _Request:
        self._tool_req = enabled
        what = "enable tool" if enabled else "disable tool"

        def on_ok(_msg: Message) -> None:
            self._tool_on = enabled
            self._tool_req = None

        def on_error(_code: int) -> bool:
            self._tool_req = None
            self._tool_on = None
            return False

        def on_timeout() -> None:
            self._tool_req = None
            self._tool_on = None
            self._report(DeviceRejected(
                f"{self.name}: the controller did not answer '{what}' within "
                f"{self.request_timeout_s:g} s.", mid=43 if enabled else 42, code=0,
                next_action="Check the controller; the station asks again at the next step.",
            ))  # fmt: skip

        return _Request(Message(43 if enabled else 42), what, on_ok, on_error,
                        on_timeout=on_timeout)  # fmt: skip

    def _identifier_request(self, identifier: str) -> _Request:
        return _Request(Message(50, 1, identifier[:25].ljust(25)),
                        f"download identifier {identifier}")  # fmt: skip

    def _start_request(self, revision: int) -> _Request:
        def on_error(code: int) -> bool:
            if code in REVISION_UNSUPPORTED and revision > 1:
                self._queue.appendleft(self._start_request(revision - 1))
                return True
            return False

        def on_ok(msg: Message) -> None:
            # The controller may answer with a lower revision than asked: that is in use.
            self.session_revision = min(revision, msg.revision or revision)
            self._identity(msg)
            self._enqueue(self._subscribe_request(self.max_result_revision))

        return _Request(Message(1, revision), f"start session (rev {revision})", on_ok, on_error,
                        replies=frozenset({2, 4}), session=True)  # fmt: skip

    def _identity(self, msg: Message) -> None:
        try:
            info = parse_fields(msg, MID0002_FIELDS, msg.wire, partial=True)
        except ProtocolError as err:
            self._report(err)  # an odd 0002 must not stop the session: name it by its URL
            info = {}
        self.controller_info = info
        name = str(info.get("controller_name", "")).strip()
        serial = str(info.get("controller_serial", "")).strip()
        if self.device_id:
            self.controller_id = self.device_id
        elif name or serial:
            self.controller_id = f"{name}#{serial}" if serial else name
        else:
            self.controller_id = self.url

    def _subscribe_request(self, revision: int) -> _Request:
        def subscribed() -> None:
            self.result_revision = revision
            if self.multi_spindle:
                self._enqueue(self._multi_spindle_request(1))
            self._session_ready()

        def on_error(code: int) -> bool:
            if code in REVISION_UNSUPPORTED and revision > 1:
                self._queue.appendleft(self._subscribe_request(revision - 1))
                return True
            if code == 9:  # already subscribed (an old session lingers): fine
                subscribed()
                return True
            return False

        return _Request(Message(60, revision), f"subscribe to results (rev {revision})",
                        lambda _m: subscribed(), on_error, session=True)  # fmt: skip

    def _multi_spindle_request(self, revision: int) -> _Request:
        def on_ok(_msg: Message) -> None:
            self.multi_spindle_revision = revision
            self._publish()

        def on_error(code: int) -> bool:
            if code == 33:  # already subscribed
                on_ok(Message(5))
                return True
            return False  # reported; single results still arrive

        return _Request(Message(100, revision), "subscribe to multi-spindle results", on_ok,
                        on_error)  # fmt: skip

    def _session_ready(self) -> None:
        self._ready = True
        self.connection.mark_healthy()  # a session stands; a later cable loss retries fast
        self._publish()
        self._apply_tool()
        if self._identifier is not None:
            self._enqueue(self._identifier_request(self._identifier))
        cid = self.controller_id or self.url
        if self.upload_missed and cid in self._last_tid:
            self._enqueue(self._upload_request(0, self._on_latest))

    # -- old tightenings (0064/0065) ---------------------------------------------------
    def _upload_request(self, tid: int, got: Callable[[TighteningResult | None], None]) -> _Request:
        answer: list[TighteningResult | None] = [None]

        def on_ok(msg: Message) -> None:
            try:
                answer[0] = self._stamp(parse_mid0065(msg, msg.wire or msg.encode()[:-1]))
            except ProtocolError as err:
                self._unreadable(msg, err)

        def on_error(code: int) -> bool:
            return code == 15  # not stored (any more): nothing to upload, not a fault

        return _Request(Message(64, 1, f"{tid:010d}"), f"upload tightening {tid or 'latest'}",
                        on_ok, on_error, replies=frozenset({65, 4}),
                        on_done=lambda: got(answer[0]))  # fmt: skip

    def _on_latest(self, latest: TighteningResult | None) -> None:
        if latest is None or latest.key in self._seen:
            return
        cid = self.controller_id or self.url
        last_id, last_ts = self._last_tid.get(cid, (0, None))
        newest = int(latest.tightening_id or 0)
        if newest <= last_id:
            self._upload_from(1, latest)  # ids went back: the controller restarted
            return
        if last_id == 0 or last_ts is None:
            self._upload_from(last_id + 1, latest)
            return

        # Is the last tightening we saw still the one under its id? If not, the
        # controller restarted and counted past it again: upload everything from 1.
        def probe(result: TighteningResult | None) -> None:
            restarted = result is None or result.timestamp != last_ts
            self._upload_from(1 if restarted else last_id + 1, latest)

        self._enqueue(self._upload_request(last_id, probe))

    def _upload_from(self, first: int, latest: TighteningResult) -> None:
        """Upload ids ``first`` … newest-1, then deliver ``latest``: in the order made."""
        newest = int(latest.tightening_id or 0)
        start = max(first, newest - self.upload_max + 1)
        if start > first:
            self._report(ProtocolError(
                f"{self.name}: {start - first} tightenings made while disconnected are older "
                f"than the last {self.upload_max}; they were not uploaded.",
            ))  # fmt: skip
        ids = list(range(start, newest))
        if not ids:
            self._deliver_late(latest)
            return
        for tid in ids[:-1]:
            self._enqueue(self._upload_request(tid, self._deliver_late))

        def last(result: TighteningResult | None) -> None:
            self._deliver_late(result)
            self._deliver_late(latest)

        self._enqueue(self._upload_request(ids[-1], last))

    def _deliver_late(self, result: TighteningResult | None) -> None:
        if result is not None and self._accept(result):
            self.uploaded += 1
            self._deliver(result)

    # -- queue -----------------------------------------------------------------------------
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
        self._confirmed_pset = None
        self._pset_pending = None
        self._tool_on = None
        self._tool_req = None
        self._keepalive_missed = 0
        self._notes.pop("keepalive", None)
        self.multi_spindle_revision = None
        self.framer.reset()

    # -- status ----------------------------------------------------------------------------
    def _publish(self) -> None:
        if not self._ready:
            return
        parts = [f"controller {self.controller_id or '?'}: session rev {self.session_revision}"]
        results = f"results rev {self.result_revision}"
        seen = self.result_layout_seen
        if seen is not None and seen != self.result_revision:
            results += f" (read as rev {seen})"
        parts.append(results)
        if self.multi_spindle_revision is not None:
            parts.append(f"multi-spindle rev {self.multi_spindle_revision}")
        reason = ", ".join(parts) + f" on {self.connection.opened_path}"
        notes = "; ".join(self._notes.values())
        self._set_status("connected", f"{reason}; {notes}" if notes else reason)

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
            state, self._close_state = self._close_state, "disconnected"
        if dropped:
            self._report(ProtocolError(f"{self.name}: {dropped} bytes of a half-received "
                                       "message were dropped when the link broke."))  # fmt: skip
        self._set_status(state, reason)

    def _on_tick(self, now: float) -> None:
        with self._lock:
            inflight = self._inflight
            if inflight is not None and now - inflight.sent_at > self.request_timeout_s:
                self._inflight = None
                if inflight.session:
                    self._close_state = "error"
                    self.connection.drop(f"the controller gave no answer to '{inflight.what}' "
                                         f"within {self.request_timeout_s:g} s",
                                         session_failure=True)  # fmt: skip
                    return
                if inflight.message.mid == 9999:
                    self._keepalive_missed += 1
                    self._notes["keepalive"] = "the controller does not answer keep-alives"
                    self._publish()
                elif inflight.on_timeout is not None:
                    inflight.on_timeout()
                else:
                    self._report(DeviceRejected(
                        f"{self.name}: no answer to '{inflight.what}' within "
                        f"{self.request_timeout_s:g} s.", mid=inflight.message.mid, code=0,
                    ))  # fmt: skip
                if inflight.on_done is not None:
                    inflight.on_done()
                self._pump()
            if now - self._last_rx > self.link_timeout_s:
                if self._keepalive_missed and self._ready and self.connection.tcp_keepalive:
                    # It answered the session but never echoes 9999: keep the session (a
                    # redial would gain nothing) and let TCP keep-alive notice a dead peer.
                    self._notes["keepalive"] = (
                        "the controller does not answer keep-alives; the link is watched "
                        "by TCP keep-alive"
                    )
                    self._publish()
                else:
                    if self._keepalive_missed:
                        why = (f"the controller does not answer keep-alives (silent for "
                               f"{self.link_timeout_s:g} s)")  # fmt: skip
                    else:
                        why = f"controller silent for {self.link_timeout_s:g} s"
                    self._close_state = "error"
                    self.connection.drop(why, session_failure=True)
                    return
            if (
                self._ready
                and self._inflight is None
                and now - max(self._last_tx, self._last_rx) >= self.keepalive_s
            ):
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
        if msg.mid == 101:
            self._on_multi_spindle(msg)
            return
        with self._lock:
            request = self._inflight
            if request is None or msg.mid not in request.replies or not self._answers(request, msg):
                if msg.mid not in (9999, 5, 4, 2):
                    self.log.debug("%s: ignoring unsolicited MID %04d", self.name, msg.mid)
                return
            self._inflight = None
            if msg.mid == 9999:
                self._keepalive_missed = 0
                if self._notes.pop("keepalive", None) is not None:
                    self._publish()
                self.connection.mark_healthy()
            if msg.mid == 4:
                code = (
                    _digits(msg.data[4:6], "MID 0004 error code", msg.encode())
                    if len(msg.data) >= 6
                    else 0
                )
                handled = request.on_error(code) if request.on_error else False
                if not handled:
                    self._refused(request, code)
            elif request.on_ok is not None:
                request.on_ok(msg)
            if request.on_done is not None:
                request.on_done()
            self._pump()

    def _refused(self, request: _Request, code: int) -> None:
        mid = request.message.mid
        err = DeviceRejected(
            f"{self.name}: the controller refused '{request.what}': error {code:02d} "
            f"({error_text(code)}).", mid=mid, code=code,
            next_action=_next_action(mid, code),
        )  # fmt: skip
        if not request.session:
            self._report(err)
            return
        # The status line (logged once when failing, once when recovered) says it; the
        # error listeners still get every refusal with its code.
        self._error_listeners.emit(err)
        # Without a session or a subscription no result can arrive: retry, backing off.
        if code == 96:
            why = "another client holds the controller (error 96: client already connected)"
        elif code == 16:
            why = "the controller is busy with another client (error 16)"
        else:
            why = f"the controller refused '{request.what}' (error {code:02d}: " \
                  f"{error_text(code)})"  # fmt: skip
        self._close_state = "error"
        self.connection.drop(why, session_failure=True)

    @staticmethod
    def _answers(request: _Request, msg: Message) -> bool:
        if msg.mid in (4, 5):
            try:
                return int(msg.data[:4]) == request.message.mid
            except ValueError:
                return False
        return True

    # -- results -------------------------------------------------------------------------
    def _stamp(self, result: TighteningResult, *, has_unit: bool = False) -> TighteningResult:
        cid = self.controller_id or self.url
        if has_unit:
            self._units[(cid, result.pset)] = result.unit
            return replace(result, controller_id=cid)
        unit = self._units.get((cid, result.pset), result.unit)
        return replace(result, controller_id=cid, unit=unit)

    def _accept(self, result: TighteningResult) -> bool:
        """Whether the result is new (by its identity); remembers it."""
        key = result.key
        if result.tightening_id in (None, "0") and result.timestamp is None:
            return True  # nothing to tell it by: deliver
        if key in self._seen:
            self.log.info("%s: tightening %s (%s) was sent again; delivered once",
                          self.name, result.tightening_id, result.timestamp)  # fmt: skip
            return False
        self._seen[key] = None
        while len(self._seen) > 4096:
            self._seen.popitem(last=False)
        if result.tightening_id and result.tightening_id.isdigit():
            self._last_tid[result.controller_id or self.url] = (
                int(result.tightening_id),
                result.timestamp,
            )
        self.connection.mark_healthy()
        return True

    def _unreadable(self, msg: Message, err: ProtocolError) -> None:
        raw = msg.wire or err.raw or msg.encode()[:-1]
        self._report(err)
        self._deliver_unreadable(UnreadableResult(self.name, str(err.message), raw, msg.mid))
        with self._lock:
            self._notes["unreadable"] = "the tool sent a result the station could not read"
            self._publish()

    def _ack(self, mid: int) -> None:
        try:
            self._send(Message(mid, 1))
        except DeviceDisconnected as err:
            self._report(err)

    def _on_result(self, msg: Message) -> None:
        raw = msg.wire or msg.encode()[:-1]
        try:
            layout = self.result_layout or result_layout_for(msg)
            result = self._stamp(parse_mid0061(msg, raw, revision=layout), has_unit=layout >= 3)
        except ProtocolError as err:
            result = None
            self._unreadable(msg, err)
        # Acknowledge even a garbled result: unacked, the controller would resend the same
        # bytes forever and hold back every later tightening. The unreadable event keeps it.
        self._ack(62)
        if result is None:
            return
        with self._lock:
            if layout != self.result_layout_seen:
                self.result_layout_seen = layout
                self._publish()
            if self._notes.pop("unreadable", None) is not None:
                self._publish()
            fresh = self._accept(result)
        if fresh:
            self._deliver(result)

    def _on_multi_spindle(self, msg: Message) -> None:
        raw = msg.wire or msg.encode()[:-1]
        try:
            results = [self._stamp(r) for r in parse_mid0101(msg, raw)]
        except ProtocolError as err:
            results = []
            self._unreadable(msg, err)
        self._ack(102)
        with self._lock:
            fresh = [r for r in results if self._accept(r)]
        for r in fresh:
            self._deliver(r)


def _next_action(mid: int, code: int) -> str:
    if code in (2, 3, 4):
        return "Create the parameter set on the controller or fix the step's program number."
    if code in (96, 16, 35):
        return "Close the other program connected to the controller."
    if code in REVISION_UNSUPPORTED:
        return "Set result_revision (or a profile) the controller supports."
    if code in (27, 29, 57, 59) or mid in (42, 43):
        return "Check the controller's tool connection and permissions."
    if code == 42 or mid == 50:
        return "Allow identifier input over Open Protocol in the controller's settings."
    return "See the controller's event log."
