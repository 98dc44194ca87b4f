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

With a terminator, bytes left without one for ``stale_ms`` are noise and are dropped, so
they never merge into the next scan. A line longer than ``max_length`` is dropped whole,
up to its terminator (or idle gap). Dropping is reported, never silent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from hardware.errors import DeviceConfigError
from hardware.model import ScanFrame

Terminator = Literal["cr", "lf", "crlf", "tab", "none"]
TERMINATORS: tuple[str, ...] = get_args(Terminator)
Gs1Mode = Literal["auto", "aim", "off"]
GS = "\x1d"


@dataclass(frozen=True)
class FramerConfig:
    """How a device frames its lines. Times in milliseconds."""

    terminator: Terminator = "cr"
    idle_ms: float = 50.0
    stale_ms: float = 1000.0
    max_length: int = 4096
    prefix: str = ""
    suffix: str = ""

    def __post_init__(self) -> None:
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


def _to_bytes(text: str) -> bytes:
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:  # a keyboard wedge can type characters beyond latin-1
        return text.encode("utf-8")


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
        text = data.decode("latin-1") if isinstance(data, bytes) else data
        out = self.poll(now)
        if not text:
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
                        _to_bytes("".join(buf)),
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
            out.append(
                Discard(
                    f"{len(self._buf)} characters without a terminator for "
                    f"{self.config.stale_ms:.0f} ms were dropped as noise",
                    _to_bytes("".join(self._buf)),
                )
            )
            self._buf.clear()
        return out

    def reset(self) -> Discard | None:
        """Forget a partial frame (the device went away); say what was dropped."""
        dropped = None
        if self._buf:
            dropped = Discard(
                f"a partial frame of {len(self._buf)} characters was dropped: the device went "
                "away mid-frame",
                _to_bytes("".join(self._buf)),
            )
        self._buf.clear()
        self._reset_skip()
        self._swallow_lf = False
        self._last = None
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
        raw = _to_bytes(text)
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


def parse_gs1(
    data: str, aim: str | None = None
) -> tuple[dict[str, str] | None, str | None, object]:
    """Parse GS1 element strings with biip → (``{ai: value}``, error, expiry date or None)."""
    import biip

    value = data[1:] if data.startswith(GS) else data  # some scanners send FNC1 as a GS
    try:
        result = biip.parse((aim or "") + value, config=biip.ParseConfig(separator_chars=[GS]))
    except biip.ParseError as err:
        return None, str(err), None
    if aim is not None and aim.startswith("]E"):
        if result.gtin is None:
            return None, result.gtin_error, None
        return {"01": result.gtin.value.zfill(14)}, None, None
    message = result.gs1_message
    if message is None:
        return None, result.gs1_message_error, None
    fields: dict[str, str] = {}
    expiry = None
    for element in message.element_strings:
        fields[element.ai.ai] = element.value
        if element.ai.ai == "17":
            expiry = element.date
    return fields, None, expiry


def parse_scan(
    text: str, raw: bytes | None = None, *, gs1: Gs1Mode = "auto", received_at: float | None = None
) -> ScanFrame:
    """Build a :class:`ScanFrame` from one frame's text.

    ``gs1="auto"`` parses codes whose AIM id says GS1 (``]C1 ]d2 ]Q3 ]e0``, EAN/UPC as a
    GTIN) and, without an AIM id, text containing a GS separator; ``"aim"`` only the former;
    ``"off"`` never.
    """
    import time
    from datetime import date

    aim, data = split_aim(text)
    fields: dict[str, str] | None = None
    error: str | None = None
    expiry: object = None
    wants = gs1 != "off" and (
        aim in GS1_AIMS
        or (aim is not None and aim.startswith("]E"))
        or (gs1 == "auto" and aim is None and GS in data.lstrip(GS))
    )
    if wants:
        fields, error, expiry = parse_gs1(data, aim)
    return ScanFrame(
        data=data,
        raw=raw if raw is not None else _to_bytes(text),
        symbology=symbology_name(aim),
        aim=aim,
        gs1=fields,
        gs1_error=error,
        expiry=expiry if isinstance(expiry, date) else None,
        received_at=time.time() if received_at is None else received_at,
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
        return [
            parse_scan(e.text, e.raw, gs1=self.gs1) if isinstance(e, Line) else e for e in events
        ]
