"""Plain values the drivers deliver: scans, tightening results and link status."""

from __future__ import annotations

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
        }


@dataclass(frozen=True)
class TighteningResult:
    """One tightening as the tool reported it. Torque in the tool's unit (``unit``).

    ``ok`` is the tool's verdict; ``None`` when the tool sends no verdict and no limits
    were configured (simple wrenches), so the step must judge the value itself.
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

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"kind": "tightening"}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            doc[name] = value.decode("latin-1") if isinstance(value, bytes) else value
        return doc
