"""Floor events: andon calls, downtime, instruction feedback, device status, and the
reason codes (master data) they are recorded with."""

from __future__ import annotations

import uuid

from kiosk.engine.core import EngineCore
from kiosk.engine.views import (
    Andon,
    Change,
    Downtime,
)
from kiosk.reasons import ReasonCode
from kiosk.reasons import reason_codes as _reason_codes
from kiosk.refusals import refusal
from kiosk.store import masterdata as md
from kiosk.store import queries as q
from kiosk.store.events import parse_rfc3339, rfc3339


class FloorMixin(EngineCore):
    def active_andons(self) -> list[Andon]:
        with self.store.read() as conn:
            rows = q.active_andons(conn)
        return [
            Andon(r.id, r.category, r.note, parse_rfc3339(r.raised_at), r.raised_by) for r in rows
        ]

    def active_downtime(self) -> Downtime | None:
        with self.store.read() as conn:
            r = q.active_downtime(conn)
        return Downtime(r.id, r.reason, parse_rfc3339(r.started_at)) if r else None

    def raise_andon(self, category: str, note: str = "") -> str:
        self._require_operator()
        andon_id = str(uuid.uuid4())
        payload = {
            "andon_id": andon_id,
            "category": category,
            "note": note,
            "station": self.station.id,
            "serial": self._unit.serial if self._unit else None,
            "work_order": self._work_order.number if self._work_order else None,
        }
        now = self.clock()
        self._began(f"andon:{andon_id}", parse_rfc3339(rfc3339(now)))
        with self.store.write() as conn:
            self._record(conn, "andon.raised", payload, at=now)
        self._notify(Change.ANDON)
        return andon_id

    def clear_andon(self, andon_id: str, *, by_badge: str | None = None) -> None:
        with self.store.read() as conn:
            by = md.operator_by_badge(conn, by_badge) if by_badge else self._operator
            row = q.andon(conn, andon_id)
        if row is None or row.cleared_at is not None:
            return
        seconds, at = self._finish(f"andon:{andon_id}", row.raised_at)
        with self.store.write() as conn:
            self._record(
                conn,
                "andon.cleared",
                {
                    "andon_id": andon_id,
                    "category": row.category,
                    "cleared_by": by.id if by else None,
                    "minutes": round(seconds / 60, 2),
                },
                at=at,
            )
        self._notify(Change.ANDON)

    def start_downtime(self, reason: str) -> str:
        if not reason.strip():
            raise refusal("reason_needed", variant="downtime")
        current = self.active_downtime()
        if current is not None:
            raise refusal("downtime_running", reason=current.reason)
        downtime_id = str(uuid.uuid4())
        now = self.clock()
        self._began(f"downtime:{downtime_id}", parse_rfc3339(rfc3339(now)))
        with self.store.write() as conn:
            self._record(
                conn,
                "downtime.started",
                {"downtime_id": downtime_id, "reason": reason, "station": self.station.id},
                at=now,
            )
        self._notify(Change.DOWNTIME)
        return downtime_id

    def end_downtime(self) -> float:
        current = self.active_downtime()
        if current is None:
            return 0.0
        seconds, at = self._finish(f"downtime:{current.id}", rfc3339(current.started_at))
        minutes = round(seconds / 60, 2)
        with self.store.write() as conn:
            self._record(
                conn,
                "downtime.ended",
                {"downtime_id": current.id, "reason": current.reason, "minutes": minutes},
                at=at,
            )
        self._notify(Change.DOWNTIME)
        return minutes

    def report_problem(self, category: str, text: str, step_id: str | None = None) -> None:
        """Operator feedback on a step's instruction (wrong picture, unclear text…)."""
        if not (category.strip() or text.strip()):
            raise refusal("reason_needed", variant="feedback")
        rev = self.revision
        view = self.step_view()
        with self.store.write() as conn:
            self._record(
                conn,
                "instruction.feedback",
                {
                    "revision": rev.key if rev else None,
                    "step_id": step_id or (view.step.id if view else None),
                    "category": category,
                    "text": text,
                    # The unit on the station when it was raised (the author sees it).
                    "unit_id": self._unit.id if self._unit else None,
                    "serial": self._unit.serial if self._unit else None,
                },
            )
        self._notify(Change.STEP)

    def device_status(self, device: str, state: str, reason: str = "") -> None:
        """Record a device's connection state when it changes (not on every retry)."""
        if self._device_status.get(device, ("", ""))[0] == state:
            return
        self._device_status[device] = (state, reason)
        with self.store.write() as conn:
            self._record(
                conn, "device.status_changed", {"device": device, "state": state, "reason": reason}
            )
        self._notify(Change.DEVICES)

    def device_states(self) -> dict[str, tuple[str, str]]:
        return dict(self._device_status)

    def reason_codes(self, kind: str) -> list[ReasonCode]:
        """The reason codes of ``kind`` (scrap, rework, downtime, andon, override) the
        operator picks from: master data from the bridge, else the demo's default set."""
        with self.store.read() as conn:
            stored = md.reason_codes(conn)
        return _reason_codes(stored, kind)
