"""Plain values the drivers deliver: scans, tightening results and link status."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

DeviceState = Literal["connected", "disconnected", "error"]


@dataclass(frozen=True)
class DeviceStatus:
    """Where a device's link stands. ``reason`` is a sentence for the line lead."""

    state: DeviceState
    reason: str = ""
    device: str = ""
    at: float = field(default_factory=time.time)

    def to_json(self) -> dict[str, Any]:
        return {"kind": "status", "device": self.device, "state": self.state, "reason": self.reason}


@dataclass(frozen=True)
class ScanFrame:
    """One barcode read. ``data`` is the payload without prefix/suffix and AIM identifier.

    ``gs1`` maps application identifiers to values (``{"01": "09506000134352", "10": "L1"}``)
    when the code is a GS1 element string, else ``None``; ``gs1_error`` says why a code that
    claims to be GS1 did not parse.
    """

    data: str
    raw: bytes
    symbology: str | None = None
    aim: str | None = None
    gs1: dict[str, str] | None = None
    gs1_error: str | None = None
    expiry: date | None = None
    received_at: float = field(default_factory=time.time)
    #: The URI when the code was a GS1 Digital Link (its elements are in ``gs1``).
    gs1_digital_link: str | None = None

    @property
    def gtin(self) -> str | None:
        return self.gs1.get("01") if self.gs1 else None

    @property
    def batch(self) -> str | None:
        """Batch/lot number (AI 10)."""
        return self.gs1.get("10") if self.gs1 else None

    @property
    def serial(self) -> str | None:
        """Serial number (AI 21)."""
        return self.gs1.get("21") if self.gs1 else None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "scan",
            "data": self.data,
            "symbology": self.symbology,
            "aim": self.aim,
            "gs1": self.gs1,
            "gs1_error": self.gs1_error,
            "expiry": self.expiry.isoformat() if self.expiry else None,
            "raw": self.raw.decode("latin-1"),
            "received_at": self.received_at,
            "gs1_digital_link": self.gs1_digital_link,
        }


@dataclass(frozen=True)
class TighteningResult:
    """One tightening as the tool reported it. Torque in the tool's unit (``unit``).

    ``ok`` is the tool's verdict; ``None`` when the tool sends no verdict and no limits
    were configured (simple wrenches), so the step must judge the value itself.
    ``unit`` is one of :data:`UNITS` when the driver could map what the tool said, else
    the text as the tool printed it (the core refuses it; nothing is guessed).

    Identity: ``controller_id`` (from MID 0002 or the configured ``device_id``) plus
    ``tightening_id`` plus ``timestamp`` (and ``spindle``) name one tightening, so a
    controller that restarts its ids at 1 loses nothing and a resent result is one.
    ``late`` marks a result uploaded after a reconnect (MID 0064/0065); ``record_no`` is
    an ASCII tester's record number; ``vin`` (also ``identifier``) the identifier the
    controller attached (MID 0050).
    """

    ok: bool | None
    torque: float | None
    torque_ok: bool | None = None
    angle: float | None = None
    angle_ok: bool | None = None
    pset: int | None = None
    tightening_id: str | None = None
    torque_min: float | None = None
    torque_max: float | None = None
    torque_target: float | None = None
    angle_min: float | None = None
    angle_max: float | None = None
    angle_target: float | None = None
    batch_size: int | None = None
    batch_counter: int | None = None
    batch_ok: bool | None = None
    vin: str | None = None
    tool_serial: str | None = None
    timestamp: str | None = None
    unit: str = "Nm"
    raw: bytes = b""
    received_at: float = field(default_factory=time.time)
    controller_id: str | None = None
    spindle: int | None = None
    late: bool = False
    record_no: int | None = None

    @property
    def identifier(self) -> str | None:
        """The unit identifier the controller attached to the result (MID 0061 VIN)."""
        return self.vin

    @property
    def key(self) -> tuple[str | None, str | None, str | None, int | None]:
        """What names this tightening: controller, id, time and spindle."""
        return (self.controller_id, self.tightening_id, self.timestamp, self.spindle)

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"kind": "tightening"}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            doc[name] = value.decode("latin-1") if isinstance(value, bytes) else value
        return doc


@dataclass(frozen=True)
class UnreadableResult:
    """A result the tool sent that the driver could not read, kept raw for the line lead.

    The operator sees :attr:`sentence`; ``reason`` says what was wrong; ``raw`` holds the
    bytes as received. Drivers still acknowledge it (else the controller would resend it
    forever and hold back every later tightening), but never silently.
    """

    device: str
    reason: str
    raw: bytes
    mid: int | None = None
    at: float = field(default_factory=time.time)

    sentence = "The tool sent a result the station could not read."

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "unreadable",
            "device": self.device,
            "mid": self.mid,
            "reason": self.reason,
            "sentence": self.sentence,
            "raw": self.raw.decode("latin-1"),
            "at": self.at,
        }


#: Canonical torque unit codes (the seam contract with the core).
UNITS: tuple[str, ...] = ("Nm", "lbf.ft", "lbf.in", "ozf.in", "kgf.cm", "kgf.m")

_UNIT_ALIASES: dict[str, str] = {
    "nm": "Nm", "newtonmeter": "Nm", "newtonmetre": "Nm",
    "lbfft": "lbf.ft", "lbft": "lbf.ft", "ftlb": "lbf.ft", "ftlbf": "lbf.ft", "ftlbs": "lbf.ft",
    "lbfin": "lbf.in", "lbin": "lbf.in", "inlb": "lbf.in", "inlbf": "lbf.in", "inlbs": "lbf.in",
    "ozfin": "ozf.in", "ozin": "ozf.in", "inoz": "ozf.in", "inozf": "ozf.in",
    "kgfcm": "kgf.cm", "kgcm": "kgf.cm",
    "kgfm": "kgf.m", "kgm": "kgf.m", "kpm": "kgf.m",
}  # fmt: skip

#: Units a driver converts exactly to a canonical one: text → (canonical, factor).
_SCALED_UNITS: dict[str, tuple[str, float]] = {"ncm": ("Nm", 0.01), "mnm": ("Nm", 0.001)}


def canonical_unit(text: str) -> tuple[str, float]:
    """A tool's unit text → (canonical code, factor to multiply values by).

    ``"lbFin"`` → ``("lbf.in", 1.0)``; ``"N.cm"`` → ``("Nm", 0.01)``; an unknown text comes
    back as printed with factor 1.0 (the core refuses it rather than guessing).
    """
    key = re.sub(r"[\s.·*\-_/]", "", text).lower()
    if key in _UNIT_ALIASES:
        return _UNIT_ALIASES[key], 1.0
    if key in _SCALED_UNITS:
        return _SCALED_UNITS[key]
    return text.strip(), 1.0
