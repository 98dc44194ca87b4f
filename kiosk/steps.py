"""Step kinds' validation rules, as pure functions (no store, no clock).

Each returns a verdict the engine records and the UI shows; messages name what was
received, what was expected and what to do next.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from kiosk.domain import BomItem, InstructionRevision, Step, Tracking, localized
from kiosk.readings import UNIT_SYMBOLS, TorqueReading, Verdict, convert_torque
from kiosk.refusals import render

GS = "\x1d"


# --- measurement ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasurementVerdict:
    """A declared measurement's outcome (after OpenHTF): PASS or FAIL, plus *marginal*
    when the value passes but lies in the outer 10 % of the tolerance band."""

    value: float | None
    outcome: str  # pass | fail | invalid
    marginal: bool
    message: str
    code: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome == "pass"


def _fmt(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def evaluate_measurement(step: Step, raw: str | float, language: str = "en") -> MeasurementVerdict:
    spec = step.spec
    unit = spec.get("unit", "")
    decimals = int(spec.get("decimals", 2))
    lower = spec.get("lower")
    upper = spec.get("upper")
    text = str(raw).strip().replace(",", ".")
    try:
        number = Decimal(text)
        if not number.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        message, next_action = render("not_a_number", raw=raw, unit=unit)
        return MeasurementVerdict(
            None, "invalid", False, f"{message} {next_action}", code="not_a_number"
        )
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > decimals:
        message, next_action = render(
            "too_many_decimals",
            value=text,
            decimals=decimals,
            example=_fmt(float(number), decimals),
            unit=unit,
        )
        return MeasurementVerdict(
            None, "invalid", False, f"{message} {next_action}", code="too_many_decimals"
        )
    value = float(number)
    limits = f"{_fmt(lower, decimals) if lower is not None else '−∞'} … " + (
        f"{_fmt(upper, decimals) if upper is not None else '+∞'} {unit}"
    )
    if (lower is not None and value < lower) or (upper is not None and value > upper):
        side = "below" if lower is not None and value < lower else "above"
        return MeasurementVerdict(
            value,
            "fail",
            False,
            f"{_fmt(value, decimals)} {unit} is {side} the limits {limits}.",
            code="out_of_limits",
        )
    marginal = False
    if lower is not None and upper is not None and upper > lower:
        band = upper - lower
        marginal = min(value - lower, upper - value) < 0.1 * band
    msg = f"{_fmt(value, decimals)} {unit} is within {limits}."
    if marginal:
        msg += " It is close to a limit: check the part."
    return MeasurementVerdict(value, "pass", marginal, msg)


# --- scan ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScanMatch:
    """Whether a scanned barcode is the component a scan step needs."""

    ok: bool
    code: str  # ok | wrong_part | no_match | missing_serial | missing_lot | wrong_gtin
    message: str
    next_action: str = ""
    part: str | None = None
    serial: str | None = None
    lot: str | None = None
    gtin: str | None = None
    params: dict[str, Any] = field(default_factory=dict)


def parse_gs1(data: str) -> dict[str, str] | None:
    """GS1 element strings (AI → value) via biip, or None if the data is not GS1."""
    if not data or not (data.startswith(("01", "02", "10", "21", "00", "(")) or GS in data):
        return None
    import biip

    try:
        result = biip.parse(data, config=biip.ParseConfig(separator_chars=[GS]))
    except Exception:  # biip raises its own ParseError on anything it cannot read
        return None
    msg = result.gs1_message
    if msg is None:
        return None
    return {es.ai.ai: es.value for es in msg.element_strings}


def _match_component(item: BomItem, data: str, gs1: dict[str, str] | None) -> dict[str, Any] | None:
    """Serial/lot/gtin extracted if ``data`` is this component's barcode, else None."""
    if item.gtin:
        if not gs1 or gs1.get("01", "").lstrip("0") != item.gtin.lstrip("0"):
            return None
        return {"gtin": gs1.get("01"), "lot": gs1.get("10"), "serial": gs1.get("21")}
    if item.scan_pattern:
        m = re.fullmatch(item.scan_pattern, data)
        if not m:
            return None
        groups = m.groupdict()
        return {"gtin": None, "lot": groups.get("lot"), "serial": groups.get("serial")}
    if data == item.part:
        return {"gtin": None, "lot": None, "serial": None}
    return None


def _refused(code: str, **params: Any) -> ScanMatch:
    params = {k: v for k, v in params.items() if v is not None}
    message, next_action = render(code, **params)
    return ScanMatch(False, code, message, next_action=next_action, params=params)


def _accepted(match: ScanMatch, **params: Any) -> ScanMatch:
    params = {k: v for k, v in params.items() if v is not None}
    message, next_action = render("accepted", **params)
    return replace(match, message=message, next_action=next_action, params=params)


def match_scan(
    revision: InstructionRevision,
    step: Step,
    data: str,
    gs1: dict[str, str] | None = None,
    language: str = "en",
) -> ScanMatch:
    """Check a scan against the component the step needs (pure; serial reuse is the
    engine's check because it needs the store)."""
    if gs1 is None:
        gs1 = parse_gs1(data)
    part = step.spec.get("part")
    item = revision.component(part) if part else None
    if item is None:
        pattern = step.spec.get("pattern", "")
        if pattern and re.fullmatch(pattern, data):
            return _accepted(ScanMatch(True, "ok", "", part=data), data=data, variant="pattern")
        return _refused("no_match", data=data, variant="pattern")
    want = localized(item.name, language)
    found = _match_component(item, data, gs1)
    if found is None:
        variant = "bin" if item.bin else None
        for other in revision.components:
            if other.part != item.part and _match_component(other, data, gs1) is not None:
                return _refused(
                    "wrong_part",
                    scanned=other.part,
                    expected=item.part,
                    bin=item.bin or "",
                    variant=variant,
                )
        return _refused(
            "no_match", data=data, expected=item.part, bin=item.bin or "", variant=variant
        )
    if item.tracking == Tracking.SERIAL and not found["serial"]:
        return _refused("missing_serial", expected=item.part)
    if item.tracking == Tracking.LOT and not found["lot"]:
        return _refused("missing_lot", expected=item.part)
    match = ScanMatch(
        True, "ok", "", part=item.part, serial=found["serial"], lot=found["lot"], gtin=found["gtin"]
    )
    variant = "serial" if found["serial"] else "lot" if found["lot"] else None
    return _accepted(
        match,
        part=item.part,
        name=want,
        serial=found["serial"],
        lot=found["lot"],
        variant=variant,
    )


# --- torque ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TighteningVerdict:
    """A tightening judged against the step; ``torque`` is in the step's ``unit``."""

    ok: bool
    message: str
    torque: float
    angle: float | None
    unit: str = "Nm"
    tool_verdict: Verdict = Verdict.NONE
    #: Why it is NOK, as refusal catalogue entries: (variant of "tightening", params).
    problems: tuple[tuple[str, dict[str, Any]], ...] = ()


def step_torque_unit(step: Step) -> str:
    """The unit the step's torque window is written in (N·m unless the step says)."""
    return str(step.spec.get("torque_unit") or "Nm")


def evaluate_tightening(
    step: Step, reading: TorqueReading | Mapping[str, Any]
) -> TighteningVerdict:
    """A tightening is OK when it lies in the step's windows and the tool did not say NOK
    (the tool's pset may be configured looser than the instruction demands). A reading
    without a tool verdict (simple wrenches) is judged by the step's limits alone. The
    torque is converted to the step's unit first; an unknown unit is refused
    (:class:`~kiosk.errors.RuleViolation` ``unknown_torque_unit``), never guessed."""
    if not isinstance(reading, TorqueReading):
        reading = TorqueReading.from_mapping(reading)
    spec = step.spec
    unit = step_torque_unit(step)
    symbol = UNIT_SYMBOLS.get(unit, unit)
    angle = reading.angle
    problems: list[str] = []
    coded: list[tuple[str, dict[str, Any]]] = []
    if reading.verdict == Verdict.NOK:
        problems.append("the tool reported NOK")
        coded.append(("tool_nok", {}))
    if reading.value is None or math.isnan(reading.value):
        torque = math.nan
        convert_torque(0.0, reading.unit, unit)  # an unknown unit is refused all the same
        problems.append("no torque value")
        coded.append(("no_torque", {}))
    else:
        torque = convert_torque(reading.value, reading.unit, unit)
        tmin, tmax = spec.get("torque_min"), spec.get("torque_max")
        for limit, side, out in (
            (tmin, "below", tmin is not None and torque < tmin),
            (tmax, "above", tmax is not None and torque > tmax),
        ):
            if out:
                problems.append(f"torque {torque:.2f} {symbol} {side} {limit} {symbol}")
                coded.append(
                    (f"torque_{side}", {"torque": f"{torque:.2f}", "unit": symbol, "limit": limit})
                )
    amin, amax = spec.get("angle_min"), spec.get("angle_max")
    if angle is not None:
        for limit, side, out in (
            (amin, "below", amin is not None and angle < amin),
            (amax, "above", amax is not None and angle > amax),
        ):
            if out:
                problems.append(f"angle {angle:.0f}° {side} {limit}°")
                coded.append((f"angle_{side}", {"angle": f"{angle:.0f}", "limit": limit}))
    pset = spec.get("pset")
    if pset is not None and reading.pset not in (None, pset):
        problems.append(f"pset {reading.pset} used, this step needs pset {pset}")
        coded.append(("wrong_pset", {"used": reading.pset, "pset": pset}))
    if problems:
        return TighteningVerdict(
            False,
            "NOK: " + "; ".join(problems) + ".",
            torque,
            angle,
            unit,
            reading.verdict,
            tuple(coded),
        )
    angle_txt = f", {angle:.0f}°" if angle is not None else ""
    return TighteningVerdict(
        True, f"OK: {torque:.1f} {symbol}{angle_txt}.", torque, angle, unit, reading.verdict
    )
