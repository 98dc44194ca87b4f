"""What devices deliver, as the core's own types: scan reads and torque readings.

The composition root converts each driver's result (``hardware.model``) into these; the
core never sees a driver object. A torque reading keeps the unit the tool printed and the
tool's verdict, which may be *none* (simple wrenches: Mark-10, Torq-Tronics): the step
then judges the value by its own limits alone (:func:`kiosk.steps.evaluate_tightening`).

Units: the six canonical codes of the device seam (``Nm``, ``lbf.ft``, ``lbf.in``,
``ozf.in``, ``kgf.cm``, ``kgf.m``). Their factors to N·m are exact by definition (the
international pound and inch of 1959, standard gravity 9.80665 m/s²), so they are a
table of exact fractions here rather than a units library: pint gives the same figures
but costs ~0.9 s of import and registry build at start and ~115 µs per conversion on the
tap path (measured on this machine), for six constants. An unknown unit is refused,
never guessed.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from fractions import Fraction
from typing import Any

from kiosk.refusals import refusal

_LBF_N = Fraction("0.45359237") * Fraction("9.80665")  # pound-force in newtons, exact
_KGF_N = Fraction("9.80665")
_IN_M = Fraction("0.0254")

#: Canonical unit code → N·m per unit (exact).
TORQUE_UNITS: Mapping[str, Fraction] = {
    "Nm": Fraction(1),
    "lbf.ft": _LBF_N * 12 * _IN_M,
    "lbf.in": _LBF_N * _IN_M,
    "ozf.in": _LBF_N / 16 * _IN_M,
    "kgf.cm": _KGF_N / 100,
    "kgf.m": _KGF_N,
}

#: How each unit is printed for people.
UNIT_SYMBOLS: Mapping[str, str] = {
    "Nm": "N·m",
    "lbf.ft": "lbf·ft",
    "lbf.in": "lbf·in",
    "ozf.in": "ozf·in",
    "kgf.cm": "kgf·cm",
    "kgf.m": "kgf·m",
}


def convert_torque(value: float, from_unit: str, to_unit: str) -> float:
    """``value`` in ``from_unit`` expressed in ``to_unit``; an unknown unit is refused
    with :class:`~kiosk.errors.RuleViolation` code ``unknown_torque_unit``."""
    for unit in (from_unit, to_unit):
        if unit not in TORQUE_UNITS:
            raise refusal("unknown_torque_unit", unit=unit, known=", ".join(UNIT_SYMBOLS.values()))
    if from_unit == to_unit:
        return value
    return float(Fraction(value) * TORQUE_UNITS[from_unit] / TORQUE_UNITS[to_unit])


class Verdict(enum.StrEnum):
    """The tool's own verdict on a tightening; NONE when it gave none."""

    OK = "ok"
    NOK = "nok"
    NONE = "none"

    @classmethod
    def of(cls, ok: bool | None) -> Verdict:
        return cls.NONE if ok is None else cls.OK if ok else cls.NOK


@dataclass(frozen=True)
class TorqueReading:
    """One tightening as the tool reported it, in the tool's unit."""

    value: float | None
    unit: str = "Nm"
    angle: float | None = None  # degrees
    verdict: Verdict = Verdict.NONE
    tool: str | None = None  # controller id or tool serial
    tightening_id: str | None = None
    at: str | None = None  # the tool's own timestamp, as sent
    pset: int | None = None
    spindle: int | None = None
    identifier: str | None = None  # VIN / part identifier the tool was given
    late: bool = False  # uploaded after a reconnect

    def made_at(self) -> datetime | None:
        """When the tool made it (:func:`tool_time` of ``at``); None when unknown."""
        return tool_time(self.at)

    def same_tightening(self, other: TorqueReading) -> bool:
        """Whether both are spindles of one multi-spindle tightening (same tool and id)."""
        return (
            self.spindle is not None
            and other.spindle is not None
            and self.tightening_id is not None
            and (self.tool, self.tightening_id) == (other.tool, other.tightening_id)
        )

    @classmethod
    def from_mapping(cls, result: Mapping[str, Any]) -> TorqueReading:
        """The older dict form (``ok``, ``torque``, ``angle``, ``pset``, ``tightening_id``,
        optional ``unit``), as tests and the autopilot write it."""
        torque = result.get("torque", result.get("value"))
        verdict = result.get("verdict")
        return cls(
            value=None if torque is None else float(torque),
            unit=str(result.get("unit") or "Nm"),
            angle=None if result.get("angle") is None else float(result["angle"]),
            verdict=Verdict(verdict) if verdict is not None else Verdict.of(result.get("ok")),
            tool=result.get("tool") or result.get("controller_id"),
            tightening_id=result.get("tightening_id"),
            at=result.get("at"),
            pset=result.get("pset"),
            spindle=result.get("spindle"),
            identifier=result.get("identifier"),
            late=bool(result.get("late", False)),
        )


def tool_time(text: str | None) -> datetime | None:
    """A tool's timestamp as an aware datetime: RFC 3339, or Open Protocol's
    ``YYYY-MM-DD:HH:MM:SS``. A time without a zone is the station's local time (a
    controller's clock is set to the plant's time, as Open Protocol prints it). None
    when absent or unreadable."""
    if not text:
        return None
    value = text.strip()
    try:
        if len(value) == 19 and value[10] == ":":  # Open Protocol: 2026-11-24:08:00:00
            moment = datetime.strptime(value, "%Y-%m-%d:%H:%M:%S")
        else:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive: local time
    return moment.astimezone(UTC)


def identifier_matches(identifier: str, serial: str, width: int = 25) -> bool:
    """Whether the identifier a tool attached names the unit ``serial``. Tools keep the
    identifier in a fixed field (Open Protocol MID 0050: 25 characters), so a longer
    serial comes back cut to that width; blanks around it are padding."""
    ident, want = identifier.strip(), serial.strip()
    return ident == want or (len(ident) == width and len(want) > width and want[:width] == ident)


@dataclass(frozen=True)
class UnreadableReading:
    """A result the tool sent that its driver could not read, kept as it came for the
    line lead (``hardware.model.UnreadableResult`` as the core's type)."""

    device: str
    reason: str
    raw: str  # the bytes as received, latin-1 decoded (every byte kept)
    tool: str | None = None  # controller id, when the driver knew it
    mid: int | None = None  # the Open Protocol message it came in
    at: str | None = None  # RFC 3339, when the driver received it


@dataclass(frozen=True)
class ScanRead:
    """One barcode read: ``data`` without prefix/suffix, GS1 elements if it is GS1."""

    data: str
    gs1: dict[str, str] | None = None
    symbology: str | None = None
    aim: str | None = None
    gs1_error: str | None = None


__all__ = [
    "TORQUE_UNITS",
    "UNIT_SYMBOLS",
    "ScanRead",
    "TorqueReading",
    "UnreadableReading",
    "Verdict",
    "convert_torque",
    "identifier_matches",
    "tool_time",
]
