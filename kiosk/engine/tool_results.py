"""Every result a tool sends is accounted for: one its driver could not read is kept raw
as ``device.unreadable_result``; one no step can take (no torque step open, the step's
fastenings all done, another unit's identifier, a late result of another program or
made before the step started) is kept as ``device.stray_result``. Both are device
events the line lead sees in the record; none is counted as a fastening of the unit.

Which results a torque step takes is :meth:`SubmissionsMixin.submit_tightening`'s rule;
this module only writes what it refuses down, and :meth:`tool_result_arrived` covers
the results no torque step is open for (the composition root calls it for every result,
before the step runner submits it).
"""

from __future__ import annotations

from typing import Any

from kiosk.domain import StepKind
from kiosk.engine.core import EngineCore
from kiosk.engine.views import Change
from kiosk.readings import TorqueReading, UnreadableReading

#: The longest raw text kept of an unreadable result (an Open Protocol result is a few
#: hundred bytes; garbage on the line may be anything).
MAX_RAW = 2000


class ToolResultsMixin(EngineCore):
    def tool_result_arrived(self, result: TorqueReading | UnreadableReading) -> bool:
        """Account for a result before it is submitted: an unreadable one is recorded
        (``device.unreadable_result``); a readable one that no open torque step can take
        (station locked, no unit, another kind of step on screen) is recorded as a stray
        result. True when something was recorded here; a reading for an open torque step
        is left to :meth:`submit_tightening`."""
        if isinstance(result, UnreadableReading):
            self.record_unreadable(result)
            return True
        view = self.step_view() if not self.locked else None
        if view is not None and view.step.kind == StepKind.TORQUE:
            return False
        self._record_stray(result, "no_torque_step")
        return True

    def record_unreadable(self, result: UnreadableReading) -> None:
        """Keep a result the tool sent that its driver could not read, raw, for the line
        lead. Recorded whatever the station is doing; counted as nothing."""
        raw = result.raw
        payload: dict[str, Any] = {
            "device": result.device,
            "controller_id": result.tool,
            "reason": result.reason[:1000],
            "raw": raw[:MAX_RAW],
            "raw_length": len(raw),
            "mid": result.mid,
            "received_at": result.at,
            **self._where(),
        }
        with self.store.write() as conn:
            self._record(conn, "device.unreadable_result", payload)
        self._notify(Change.DEVICES)

    def _where(self) -> dict[str, Any]:
        """The unit and step on screen when a device event happened, if any."""
        unit = self._unit
        if unit is None:
            return {}
        view = self.step_view()
        return {
            "unit_id": unit.id,
            "serial": unit.serial,
            "step_id": view.step.id if view is not None else None,
        }

    def _record_stray(self, reading: TorqueReading, reason: str, **detail: Any) -> None:
        """A tightening no step takes, kept as a device event (never counted)."""
        payload: dict[str, Any] = {
            "device": "torque",
            "reason": reason,
            "controller_id": reading.tool,
            "tightening_id": reading.tightening_id,
            "spindle": reading.spindle,
            "pset": reading.pset,
            "torque": reading.value,
            "unit": reading.unit,
            "angle": reading.angle,
            "tool_verdict": str(reading.verdict),
            "tool_time": reading.at,
            "identifier": reading.identifier,
            "late": reading.late,
            **self._where(),
            **detail,
        }
        with self.store.write() as conn:
            self._record(conn, "device.stray_result", payload)
        self._notify(Change.DEVICES)
