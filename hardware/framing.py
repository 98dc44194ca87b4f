"""Pure framers: bytes (or keyboard characters) in, scans out. No threads, no I/O.

The serial scanner, the ASCII torque driver and the ui's keyboard-wedge filter all feed
the same :class:`LineFramer`; feed it what arrives with a monotonic timestamp and call
:meth:`LineFramer.poll` when nothing arrives (at :meth:`LineFramer.deadline`), so idle
gaps can end frames.

Terminators:
``cr``   a frame ends at CR; an LF right after it is swallowed (CRLF scanners work too);
``lf``   a frame ends at LF; a CR right before it is dropped;
``crlf`` a frame ends at CR, LF or CRLF;
``tab``  a frame ends at Tab;
``none`` a frame ends after ``idle_ms`` without a byte (Zebra "Standard" sends no suffix).

With a terminator, bytes left without one for ``stale_ms`` are dropped, so they never
merge into the next scan. When what was dropped looked like the start of a code (printable
text: a scan interrupted by a pause), the bytes up to the next terminator are its tail
and are dropped too; the framer resynchronises at that terminator, so the tail is never
delivered as a scan of its own. (A burst that starts with the configured ``prefix``, or
with an AIM id when the dropped part had one, is a new scan.) Noise (control bytes) is
dropped alone. A line longer than ``max_length`` is dropped whole, up to its terminator
(or idle gap). NUL bytes around a frame (scanners that pad) are not part of it.
Dropping is reported, never silent.

``encoding`` says how the scanner's bytes become text: ``latin-1`` (the default: every
byte is one character, GS stays GS) or ``utf-8`` (QR codes with non-Latin text).

Idle gap (terminator ``none``): :func:`default_idle_ms` derives it from the baud rate:
the time 48 characters take on the line (10 bits each), at least 50 ms: 50 ms at 9600
baud and above, 100 ms at 4800, 200 ms at 2400, 400 ms at 1200. A scanner pausing longer
between the characters of one code needs a larger ``idle_ms``.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Any, Literal, get_args

from hardware.errors import DeviceConfigError
from hardware.model import ScanFrame

Terminator = Literal["cr", "lf", "crlf", "tab", "none"]
TERMINATORS: tuple[str, ...] = get_args(Terminator)
Gs1Mode = Literal["auto", "aim", "off"]
GS = "\x1d"
ENCODINGS = ("latin-1", "utf-8")


def default_idle_ms(baudrate: int) -> float:
    """The idle gap that ends a frame without terminator: 48 character times, ≥ 50 ms."""
    return max(50.0, 48 * 10 * 1000.0 / baudrate)


@dataclass(frozen=True)
class FramerConfig:
    """How a device frames its lines. Times in milliseconds."""

    terminator: Terminator = "cr"
    idle_ms: float = 50.0
    stale_ms: float = 1000.0
    max_length: int = 4096
    prefix: str = ""
    suffix: str = ""
    encoding: str = "latin-1"

    def __post_init__(self) -> None:
        if self.encoding not in ENCODINGS:
            raise DeviceConfigError(
                f"encoding must be one of {', '.join(ENCODINGS)}, not {self.encoding!r}."
            )
        if self.terminator not in TERMINATORS:
            raise DeviceConfigError(
                f"terminator must be one of {', '.join(TERMINATORS)}, not {self.terminator!r}."
            )
        if self.idle_ms <= 0 or self.stale_ms <= 0:
            raise DeviceConfigError("idle_ms and stale_ms must be positive.")
        if self.max_length < 1:
            raise DeviceConfigError("max_length must be at least 1.")


@dataclass(frozen=True)
class Line:
    """One complete frame: text (prefix/suffix stripped) and the bytes as received."""

    text: str
    raw: bytes


@dataclass(frozen=True)
class Discard:
    """Bytes the framer dropped instead of delivering, and why."""

    reason: str
    raw: bytes


def _to_bytes(text: str, encoding: str = "latin-1") -> bytes:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:  # a keyboard wedge can type characters beyond latin-1
        return text.encode("utf-8", "replace")


def _looks_like_partial(text: str) -> bool:
    """Printable text (and GS): the start of a code, not line noise."""
    stripped = text.strip("\x00")
    return bool(stripped) and all(ch.isprintable() or ch == GS for ch in stripped)


class LineFramer:
    """Splits a character stream into :class:`Line` and :class:`Discard` events."""

    def __init__(self, config: FramerConfig | None = None) -> None:
        self.config = config or FramerConfig()
        c = self.config
        self._ends = {"cr": "\r", "lf": "\n", "crlf": "\r\n", "tab": "\t", "none": ""}[c.terminator]
        self._idle_s = c.idle_ms / 1000.0
        self._stale_s = c.stale_ms / 1000.0
        self._buf: list[str] = []
        self._skipping = False
        self._skipped = 0
        self._swallow_lf = False
        self._last: float | None = None
        self._tail_of: str | None = None  # text of a frame dropped after a pause
        self._tail: list[str] = []
        self._decoder = codecs.getincrementaldecoder(c.encoding)("replace")

    @property
    def pending(self) -> bool:
        return bool(self._buf) or self._skipping

    def deadline(self) -> float | None:
        """When :meth:`poll` should next be called (monotonic seconds), if at all."""
        if self._last is None or not self.pending:
            return None
        gap = self._idle_s if self.config.terminator == "none" else self._stale_s
        return self._last + gap

    def feed(self, data: bytes | str, now: float) -> list[Line | Discard]:
        """Add what arrived at ``now``; return the frames it completed."""
        text = self._decoder.decode(data) if isinstance(data, bytes) else data
        out = self.poll(now)
        if not text:
            return out
        if self._tail_of is not None:
            text = self._skip_tail(text, out)
            if not text:
                self._last = now
                return out
        ends = self._ends
        buf = self._buf
        mode = self.config.terminator
        for ch in text:
            if ends and ch in ends:
                if ch == "\n" and self._swallow_lf:
                    self._swallow_lf = False
                    continue
                self._swallow_lf = ch == "\r" and mode in ("cr", "crlf")
                self._end_frame(out)
                continue
            if mode == "cr" and ch == "\n" and self._swallow_lf:
                self._swallow_lf = False
                continue
            self._swallow_lf = False
            if self._skipping:
                self._skipped += 1
            elif len(buf) >= self.config.max_length:
                out.append(
                    Discard(
                        f"a line longer than {self.config.max_length} characters was dropped "
                        "(missing terminator or wrong terminator setting)",
                        _to_bytes("".join(buf), self.config.encoding),
                    )
                )
                buf.clear()
                self._skipping = True
                self._skipped = 1
            else:
                buf.append(ch)
        self._last = now
        return out

    def poll(self, now: float) -> list[Line | Discard]:
        """End or drop a pending frame whose idle gap has passed."""
        out: list[Line | Discard] = []
        deadline = self.deadline()
        if deadline is None or now < deadline:
            return out
        if self.config.terminator == "none":
            self._end_frame(out)
        elif self._skipping:
            self._reset_skip()
        else:
            dropped = "".join(self._buf)
            partial = _looks_like_partial(dropped)
            what = "the start of a code" if partial else "noise"
            out.append(
                Discard(
                    f"{len(self._buf)} characters without a terminator for "
                    f"{self.config.stale_ms:.0f} ms were dropped as {what}",
                    _to_bytes(dropped, self.config.encoding),
                )
            )
            self._buf.clear()
            if partial:
                self._tail_of = dropped  # what follows up to the terminator is its tail
                self._tail = []
        return out

    def _skip_tail(self, text: str, out: list[Line | Discard]) -> str:
        """Drop the tail of a frame cut by a pause, up to and including its terminator.

        Returns what follows the tail (the next frames). A burst that starts like a new
        frame (the configured prefix, or an AIM id when the cut frame had one) is not a
        tail and is returned whole.
        """
        head = self._tail_of or ""
        c = self.config
        if not self._tail:
            fresh = (c.prefix and text.startswith(c.prefix)) or (
                head.startswith("]") and split_aim(text)[0] is not None
            )
            if fresh:
                self._tail_of = None
                return text
        ends = self._ends
        for i, ch in enumerate(text):
            if ends and ch in ends:
                tail = "".join(self._tail)
                out.append(
                    Discard(
                        f"the rest of a code interrupted by a pause ({len(tail)} characters "
                        "after the dropped start) was dropped; scan the code again",
                        _to_bytes(tail, c.encoding),
                    )
                )
                self._tail_of = None
                self._tail = []
                self._swallow_lf = ch == "\r" and c.terminator in ("cr", "crlf")
                return text[i + 1 :]
            self._tail.append(ch)
        return ""

    def reset(self) -> Discard | None:
        """Forget a partial frame (the device went away); say what was dropped."""
        dropped = None
        if self._buf:
            dropped = Discard(
                f"a partial frame of {len(self._buf)} characters was dropped: the device went "
                "away mid-frame",
                _to_bytes("".join(self._buf), self.config.encoding),
            )
        self._buf.clear()
        self._reset_skip()
        self._swallow_lf = False
        self._last = None
        self._tail_of = None
        self._tail = []
        self._decoder.reset()
        return dropped

    def _reset_skip(self) -> None:
        self._skipping = False
        self._skipped = 0

    def _end_frame(self, out: list[Line | Discard]) -> None:
        if self._skipping:
            self._reset_skip()
            self._buf.clear()
            return
        if not self._buf:
            return
        text = "".join(self._buf)
        self._buf.clear()
        if self.config.terminator == "lf" and text.endswith("\r"):
            text = text[:-1]
        raw = _to_bytes(text, self.config.encoding)
        c = self.config
        if c.prefix and text.startswith(c.prefix):
            text = text[len(c.prefix) :]
        if c.suffix and text.endswith(c.suffix):
            text = text[: -len(c.suffix)]
        if text:
            out.append(Line(text, raw))


# -- scans ---------------------------------------------------------------------------------

_AIM_CODES = {
    "A": "code39", "C": "code128", "E": "ean-upc", "F": "codabar", "G": "code93",
    "H": "code11", "I": "itf", "L": "pdf417", "Q": "qr", "X": "other", "d": "datamatrix",
    "e": "gs1-databar", "z": "aztec", "J": "dotcode",
}  # fmt: skip
_AIM_SPECIFIC = {
    "]C1": "gs1-128", "]d2": "gs1-datamatrix", "]Q3": "gs1-qr", "]e0": "gs1-databar",
    "]J1": "gs1-dotcode", "]E0": "ean-13", "]E4": "ean-8", "]I1": "itf-14",
}  # fmt: skip
GS1_AIMS = frozenset({"]C1", "]d2", "]Q3", "]e0", "]J1"})


def split_aim(text: str) -> tuple[str | None, str]:
    """``"]C1010950…"`` → ``("]C1", "010950…")``; text without an AIM id is returned as is."""
    if len(text) >= 3 and text[0] == "]" and text[1] in _AIM_CODES and text[2].isalnum():
        return text[:3], text[3:]
    return None, text


def symbology_name(aim: str | None) -> str | None:
    if aim is None:
        return None
    return _AIM_SPECIFIC.get(aim) or _AIM_CODES.get(aim[1])


_DIGITAL_LINK = ("https://", "http://", "HTTPS://", "HTTP://")


def _elements(
    element_strings: list[Any],
) -> tuple[dict[str, str] | None, str | None, object]:
    """biip element strings → fields; a wrong check digit refuses the code, with biip's
    own message."""
    fields: dict[str, str] = {}
    expiry = None
    for element in element_strings:
        for attr in ("gtin_error", "sscc_error", "gln_error"):
            error = getattr(element, attr, None)
            if error:
                return None, str(error), None
        fields[element.ai.ai] = element.value
        if element.ai.ai == "17":
            expiry = element.date
    return fields, None, expiry


def parse_gs1(
    data: str, aim: str | None = None
) -> tuple[dict[str, str] | None, str | None, object]:
    """Parse GS1 element strings, GTINs and Digital Link URIs with biip.

    Returns (``{ai: value}``, error, expiry date or None). A code whose check digit is
    wrong (GTIN, SSCC, GLN) is refused: no fields, biip's message as the error.
    """
    import biip

    if data.startswith(_DIGITAL_LINK):
        try:
            uri = biip.parse(data).gs1_digital_link_uri
        except biip.ParseError:
            uri = None
        if uri is None:
            return None, None, None  # a web address, not GS1: nothing claimed, nothing wrong
        return _elements(list(uri.element_strings))
    value = data.lstrip(GS)  # a leading FNC1 sent as GS (no AIM id) is not data
    try:
        result = biip.parse((aim or "") + value, config=biip.ParseConfig(separator_chars=[GS]))
    except biip.ParseError as err:
        return None, str(err), None
    if aim is not None and (aim.startswith("]E") or aim.startswith("]I")):
        if result.gtin is None:
            return None, result.gtin_error, None
        return {"01": result.gtin.value.zfill(14)}, None, None
    message = result.gs1_message
    if message is None:
        return None, result.gs1_message_error, None
    return _elements(list(message.element_strings))


def _wants_gs1(data: str, aim: str | None, gs1: Gs1Mode) -> bool:
    if gs1 == "off":
        return False
    if aim in GS1_AIMS or (aim is not None and aim.startswith("]E")):
        return True
    if aim == "]I1" or (aim is not None and aim.startswith("]I") and _is_gtin14(data)):
        return True  # ITF-14: a GTIN
    if gs1 != "auto":
        return False
    if data.startswith(_DIGITAL_LINK):
        return aim is None or aim.startswith("]Q")
    return aim is None and GS in data  # leading FNC1 as GS, or GS separators


def _is_gtin14(data: str) -> bool:
    return len(data) == 14 and data.isdigit()


def parse_scan(
    text: str, raw: bytes | None = None, *, gs1: Gs1Mode = "auto", received_at: float | None = None
) -> ScanFrame:
    """Build a :class:`ScanFrame` from one frame's text.

    ``gs1="auto"`` parses codes whose AIM id says GS1 (``]C1 ]d2 ]Q3 ]e0``, EAN/UPC and
    ITF-14 as a GTIN) and, without an AIM id, text starting with or containing a GS
    (FNC1) separator, and GS1 Digital Link URIs (also in a plain QR code, ``]Q1``);
    ``"aim"`` only AIM-declared GS1 and GTIN codes; ``"off"`` never.
    """
    import time
    from datetime import date

    aim, data = split_aim(text)
    fields: dict[str, str] | None = None
    error: str | None = None
    expiry: object = None
    if _wants_gs1(data, aim, gs1):
        fields, error, expiry = parse_gs1(data, aim)
    link = data if data.startswith(_DIGITAL_LINK) and (fields or error) else None
    return ScanFrame(
        data=data,
        raw=raw if raw is not None else _to_bytes(text),
        symbology=symbology_name(aim),
        aim=aim,
        gs1=fields,
        gs1_error=error,
        expiry=expiry if isinstance(expiry, date) else None,
        received_at=time.time() if received_at is None else received_at,
        gs1_digital_link=link,
    )


class ScanFramer:
    """:class:`LineFramer` + :func:`parse_scan`: what a keyboard-wedge filter feeds.

    ``feed(chars, now)`` and ``poll(now)`` return :class:`ScanFrame` and :class:`Discard`.
    """

    def __init__(self, config: FramerConfig | None = None, *, gs1: Gs1Mode = "auto") -> None:
        self.lines = LineFramer(config)
        self.gs1: Gs1Mode = gs1

    def deadline(self) -> float | None:
        return self.lines.deadline()

    def feed(self, data: bytes | str, now: float) -> list[ScanFrame | Discard]:
        return self._scans(self.lines.feed(data, now))

    def poll(self, now: float) -> list[ScanFrame | Discard]:
        return self._scans(self.lines.poll(now))

    def reset(self) -> Discard | None:
        return self.lines.reset()

    def _scans(self, events: list[Line | Discard]) -> list[ScanFrame | Discard]:
        out: list[ScanFrame | Discard] = []
        for e in events:
            if not isinstance(e, Line):
                out.append(e)
                continue
            text = e.text.strip("\x00")  # NUL padding some scanners send around a code
            if not text:
                out.append(Discard("a frame of NUL bytes only was dropped", e.raw))
                continue
            out.append(parse_scan(text, e.raw, gs1=self.gs1))
        return out
