"""The station's execution engine: a headless state machine over the durable store.

Everything the operator does goes through one :class:`StationEngine` method. A method
either refuses with :class:`~kiosk.errors.RuleViolation` (a :mod:`kiosk.refusals` entry;
nothing recorded) or records its events in one transaction and then tells listeners
*what changed* (``engine.subscribe(listener)``; listeners get a frozenset of
:class:`Change`). One exception, on purpose: a tool result the step refuses (another
unit's, a stray late one) is still kept as a device event before the refusal, so no
tightening the tool made is ever lost from the record.

State lives in the store, so a restart resumes on the same unit and step with every
result kept. Screens read the engine's properties; they never decide rules. The engine
holds no SQL: its reads are :mod:`kiosk.store.queries` and :mod:`kiosk.store.masterdata`.

:class:`StationEngine` is the facade; each concern is its own module:

- :mod:`~kiosk.engine.core`: state, step view, recording, durations (shared helpers)
- :mod:`~kiosk.engine.session`: operator session and certification gating
- :mod:`~kiosk.engine.units`: work orders, unit start and serials, completion, scrap
- :mod:`~kiosk.engine.navigation`: step run and navigation
- :mod:`~kiosk.engine.submissions`: step submissions (scan, measure, pass/fail, torque,
  sign-off)
- :mod:`~kiosk.engine.tool_results`: every tool result accounted for (unreadable and
  stray results kept as device events)
- :mod:`~kiosk.engine.nok`: NOK handling (retry state, rework, override)
- :mod:`~kiosk.engine.scans`: scan routing
- :mod:`~kiosk.engine.floor`: floor events (andon, downtime, feedback, devices, reasons)
- :mod:`~kiosk.engine.views`: what screens are given (StepView, ScanOutcome, …)
"""

from __future__ import annotations

from kiosk.engine.floor import FloorMixin
from kiosk.engine.navigation import NavigationMixin
from kiosk.engine.nok import NokMixin
from kiosk.engine.scans import ScanRoutingMixin
from kiosk.engine.views import (
    DONE,
    Andon,
    Change,
    Downtime,
    Listener,
    ScanOutcome,
    StepView,
    TorqueRequest,
    UnitSummary,
)


class StationEngine(ScanRoutingMixin, NavigationMixin, NokMixin, FloorMixin):
    """One station's execution state machine. Not thread-safe: call from one thread
    (the UI thread, or the autopilot); devices and sync reach it through queued calls."""


__all__ = [
    "DONE",
    "Andon",
    "Change",
    "Downtime",
    "Listener",
    "ScanOutcome",
    "StationEngine",
    "StepView",
    "TorqueRequest",
    "UnitSummary",
]
