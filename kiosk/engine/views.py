"""What the engine shows: the step view, scan outcomes, andons, downtime, the torque
request and unit summaries, and the changes listeners are told about."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.domain import (
    NokAction,
    Step,
    StepStatus,
    UnitState,
)
from kiosk.refusals import render

DONE = frozenset({StepStatus.OK, StepStatus.SKIPPED, StepStatus.OVERRIDDEN})


class Change(enum.StrEnum):
    """What a listener may need to redraw."""

    SESSION = "session"  # operator logged in/out, locked
    WORK_QUEUE = "work_queue"  # work orders, progress
    UNIT = "unit"  # unit started/completed/scrapped
    STEP = "step"  # current step, its result, navigation
    ANDON = "andon"
    DOWNTIME = "downtime"
    DEVICES = "devices"
    OUTBOX = "outbox"  # events waiting to sync


Listener = Callable[[frozenset[Change]], None]


@dataclass(frozen=True)
class Andon:
    id: str
    category: str
    note: str
    raised_at: datetime
    raised_by: str | None


@dataclass(frozen=True)
class Downtime:
    id: str
    reason: str
    started_at: datetime


@dataclass(frozen=True)
class StepView:
    """Everything a screen needs to show one step of the current unit."""

    index: int
    count: int
    step: Step
    status: StepStatus
    attempt: int
    data: dict[str, Any]
    can_next: bool
    can_back: bool
    nok_actions: tuple[NokAction, ...]
    retries_left: int
    can_redo: bool = False  # a done result that may be undone and done again
    #: The operator chose Retry on this NOK step: it is shown open again (the NOK stays in
    #: the record) until the next submission; no NOK actions meanwhile.
    retrying: bool = False

    @property
    def is_last(self) -> bool:
        return self.index == self.count - 1


@dataclass(frozen=True)
class ScanOutcome:
    """What a scan did, for the verdict banner: ``route`` says what it was taken as."""

    route: str  # login | operator_switch | signoff | component | work_order | unit | unknown
    ok: bool
    message: str
    next_action: str = ""
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    #: The line-lead override that would allow a refused scan (certification,
    #: overproduction); scan again with ``handle_scan(data, override_by=badge)``.
    override: str | None = None


@dataclass(frozen=True)
class TorqueRequest:
    """What the torque tool must be set to: enabled with this pset while a torque step is
    current and unfinished, else disabled."""

    enabled: bool
    pset: int | None


@dataclass(frozen=True)
class UnitSummary:
    serial: str
    work_order: str
    state: UnitState
    cycle_time_s: float
    done: int
    quantity: int


def _scan_refused(route: str, code: str, **params: Any) -> ScanOutcome:
    message, next_action = render(code, **params)
    return ScanOutcome(route, False, message, next_action, code, params)
