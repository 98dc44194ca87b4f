"""Plausible tightening results for simulators and virtual tools."""

from __future__ import annotations

import itertools
import time
from collections.abc import Mapping
from dataclasses import dataclass

from hardware.errors import DeviceConfigError
from hardware.model import TighteningResult


@dataclass(frozen=True)
class Pset:
    """A parameter set: target and limits (torque in Nm, angle in degrees)."""

    number: int
    torque_target: float
    torque_min: float
    torque_max: float
    angle_target: float = 90.0
    angle_min: float = 30.0
    angle_max: float = 360.0


DEFAULT_PSETS: dict[int, Pset] = {
    1: Pset(1, 5.0, 4.5, 5.5, 90, 60, 120),
    2: Pset(2, 12.0, 11.0, 13.0, 180, 150, 210),
    3: Pset(3, 25.0, 23.0, 27.0, 45, 30, 60),
}


class NokPattern:
    """Which tightenings fail: ``"OOON"`` repeats OK, OK, OK, NOK; ``""`` is always OK."""

    def __init__(self, pattern: str = "") -> None:
        cleaned = pattern.upper().replace(",", "").replace(" ", "")
        if any(c not in "ON" for c in cleaned):
            raise DeviceConfigError(
                f"nok_pattern may only hold O (OK) and N (NOK), not {pattern!r}."
            )
        self.pattern = cleaned
        self._cycle = itertools.cycle(cleaned) if cleaned else None

    def next_ok(self) -> bool:
        return True if self._cycle is None else next(self._cycle) == "O"


class TighteningSimulator:
    """Makes a :class:`TighteningResult` per trigger, honouring pset and NOK pattern."""

    def __init__(self, psets: Mapping[int, Pset] | None = None, nok_pattern: str = "") -> None:
        self.psets = dict(psets or DEFAULT_PSETS)
        self.pattern = NokPattern(nok_pattern)
        self._ids = itertools.count(1)
        self._nok_count = 0

    def reset_ids(self) -> None:
        """Start tightening ids at 1 again, as a controller does after a restart."""
        self._ids = itertools.count(1)

    def next_result(self, pset: int, ok: bool | None = None) -> TighteningResult:
        spec = self.psets.get(pset) or Pset(pset, 10.0, 9.0, 11.0)
        ok = self.pattern.next_ok() if ok is None else ok
        tid = next(self._ids)
        if ok:
            # Stay a little off target so results look measured, inside the limits.
            torque = (
                spec.torque_target + ((tid % 5) - 2) * (spec.torque_max - spec.torque_target) / 5
            )
            angle = spec.angle_target + ((tid % 3) - 1) * (spec.angle_max - spec.angle_target) / 4
        else:
            self._nok_count += 1
            high = self._nok_count % 2 == 1
            step = (spec.torque_max - spec.torque_min) / 4
            torque = spec.torque_max + step if high else spec.torque_min - step
            angle = spec.angle_target
        torque = round(torque, 2)
        angle = round(angle)
        return TighteningResult(
            ok=ok,
            torque=torque,
            torque_ok=spec.torque_min <= torque <= spec.torque_max,
            angle=float(angle),
            angle_ok=spec.angle_min <= angle <= spec.angle_max,
            pset=pset,
            tightening_id=str(tid),
            torque_min=spec.torque_min,
            torque_max=spec.torque_max,
            torque_target=spec.torque_target,
            angle_min=spec.angle_min,
            angle_max=spec.angle_max,
            angle_target=spec.angle_target,
            timestamp=time.strftime("%Y-%m-%d:%H:%M:%S"),
        )
