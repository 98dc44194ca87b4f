"""The factory's things, as plain data: products, BOM items, operations, instruction
revisions and their steps, work orders, units, operators and the station.

Instances are immutable snapshots read from the store; the engine changes state only by
recording events (see ``kiosk.store.events``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


class Tracking(enum.StrEnum):
    """How a component is traced in the genealogy."""

    NONE = "none"
    LOT = "lot"
    SERIAL = "serial"


class Role(enum.StrEnum):
    OPERATOR = "operator"
    LINE_LEAD = "line_lead"
    QUALITY = "quality"
    ADMIN = "admin"


class RevisionStatus(enum.StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    OBSOLETE = "obsolete"


class WorkOrderStatus(enum.StrEnum):
    RELEASED = "released"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    ON_HOLD = "on_hold"


class UnitState(enum.StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    SCRAPPED = "scrapped"


class StepKind(enum.StrEnum):
    INSTRUCTION = "instruction"
    CHECKLIST = "checklist"
    SCAN = "scan"
    MEASURE = "measure"
    PASS_FAIL = "pass_fail"
    TORQUE = "torque"
    SIGNOFF = "signoff"


class NokAction(enum.StrEnum):
    """What may follow a NOK result."""

    RETRY = "retry"
    REWORK = "rework"
    SCRAP = "scrap"
    OVERRIDE = "override"


Text = dict[str, str]
"""A multilingual text: language code → Markdown. Always has the package's default language."""


def localized(text: Text | None, language: str, fallback: str = "en") -> str:
    """The text in ``language``, else the fallback language, else any language."""
    if not text:
        return ""
    return text.get(language) or text.get(fallback) or next(iter(text.values()), "")


@dataclass(frozen=True)
class Product:
    code: str
    name: str
    description: str = ""
    picture: str | None = None  # sha256 of a media file


@dataclass(frozen=True)
class BomItem:
    """A component the operation consumes, and how the station recognises its barcode."""

    part: str
    name: Text
    quantity: float = 1
    tracking: Tracking = Tracking.NONE
    scan_pattern: str | None = None  # regex; named groups serial / lot are recorded
    gtin: str | None = None  # GS1 GTIN-14 the scan must carry (AI 01)
    bin: str | None = None  # where to take it from, shown on a wrong-part message


@dataclass(frozen=True)
class RoutingOperation:
    code: str
    name: str
    sequence: int = 10
    target_cycle_s: float | None = None


@dataclass(frozen=True)
class Media:
    sha256: str
    type: str  # image | video | pdf
    caption: Text = field(default_factory=dict)
    file: str = ""  # file name inside the package


@dataclass(frozen=True)
class Warning_:
    level: str  # caution | warning | danger
    icon: str  # gloves | goggles | hot | sharp | electric | esd | heavy | info
    text: Text


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: Text


@dataclass(frozen=True)
class Step:
    """One step of an instruction revision. Kind-specific settings live in ``spec``:

    - checklist: ``items`` (list of ChecklistItem)
    - scan: ``part`` (a BomItem.part) or ``pattern``; ``gtin`` optional
    - measure: ``name``, ``unit``, ``decimals``, ``nominal``, ``lower``, ``upper``
    - pass_fail: ``question``
    - torque: ``pset``, ``count``, ``torque_min``, ``torque_max``, ``angle_min``,
      ``angle_max``, ``max_retries`` (then escalate)
    - signoff: ``role``, ``meaning``, ``independent`` (signer must differ from operator)
    - measure / pass_fail / torque: ``on_nok`` (allowed NokActions), ``max_retries``
    """

    id: str
    kind: StepKind
    title: Text
    body: Text = field(default_factory=dict)
    warnings: tuple[Warning_, ...] = ()
    media: tuple[Media, ...] = ()
    required: bool = True
    spec: dict[str, Any] = field(default_factory=dict)

    @property
    def checklist(self) -> tuple[ChecklistItem, ...]:
        return tuple(ChecklistItem(i["id"], i["text"]) for i in self.spec.get("items", ()))

    @property
    def max_retries(self) -> int:
        return int(self.spec.get("max_retries", 2))

    @property
    def on_nok(self) -> tuple[NokAction, ...]:
        default = ("retry", "rework", "scrap", "override")
        return tuple(NokAction(a) for a in self.spec.get("on_nok", default))


@dataclass(frozen=True)
class InstructionRevision:
    """One revision of an operation's work instruction; pinned to a unit when it starts."""

    document_id: str
    revision: int
    status: RevisionStatus
    title: Text
    product: str
    operation: str
    steps: tuple[Step, ...]
    components: tuple[BomItem, ...] = ()
    languages: tuple[str, ...] = ("en",)
    target_cycle_s: float | None = None

    @property
    def key(self) -> str:
        return f"{self.document_id}@{self.revision}"

    def step(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)

    def component(self, part: str) -> BomItem | None:
        return next((c for c in self.components if c.part == part), None)


@dataclass(frozen=True)
class Certification:
    operation: str
    expires: date | None = None

    def valid_on(self, day: date) -> bool:
        return self.expires is None or day <= self.expires


@dataclass(frozen=True)
class Operator:
    id: str
    badge: str
    name: str
    language: str = "en"
    roles: frozenset[Role] = frozenset({Role.OPERATOR})
    certifications: tuple[Certification, ...] = ()
    pin_hash: str | None = None
    active: bool = True

    def has_role(self, *roles: Role) -> bool:
        return bool(self.roles & set(roles)) or Role.ADMIN in self.roles

    def certification_for(self, operation: str) -> Certification | None:
        return next((c for c in self.certifications if c.operation == operation), None)


@dataclass(frozen=True)
class WorkOrder:
    number: str
    product: str
    operation: str
    quantity: int
    due: datetime | None = None
    priority: int = 3  # 1 = most urgent
    status: WorkOrderStatus = WorkOrderStatus.RELEASED
    done: int = 0
    scrapped: int = 0
    station: str | None = None

    @property
    def remaining(self) -> int:
        return max(0, self.quantity - self.done)

    @property
    def is_complete(self) -> bool:
        return self.done >= self.quantity


class StepStatus(enum.StrEnum):
    """Where a step of a unit stands. A ``StrEnum``: ``status == "ok"`` keeps working."""

    PENDING = "pending"
    OK = "ok"
    NOK = "nok"
    SKIPPED = "skipped"
    OVERRIDDEN = "overridden"
    PARTIAL = "partial"  # a torque step with some fastenings done

    @property
    def done(self) -> bool:
        return self in _DONE_STATUSES


_DONE_STATUSES = frozenset({StepStatus.OK, StepStatus.SKIPPED, StepStatus.OVERRIDDEN})


@dataclass(frozen=True)
class StepResult:
    """The latest result of a step for a unit."""

    step_id: str
    status: StepStatus
    attempt: int
    data: dict[str, Any]
    started_at: str
    finished_at: str


@dataclass(frozen=True)
class Unit:
    id: str
    serial: str
    work_order: str
    operation: str
    revision: str  # InstructionRevision.key, pinned at start
    state: UnitState
    started_at: str
    finished_at: str | None = None
    operator_id: str | None = None
    results: dict[str, StepResult] = field(default_factory=dict)


@dataclass(frozen=True)
class Station:
    id: str
    name: str
    line: str = ""
    operations: tuple[str, ...] = ()
