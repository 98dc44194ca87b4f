"""The wire protocol between stations and the ERP bridge (HTTP/JSON under ``/api/v1``).

One source for both sides: the station's client builds these models and the bridge
validates requests against them; the bridge's OpenAPI document is generated from them.
Bump :data:`PROTOCOL_VERSION` (and the URL prefix) only for incompatible changes; adding
an optional field is compatible.

Why one module of ~500 lines, not split: it is the protocol's one list of request and
response models, reviewed as a whole as the contract between station and bridge.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"

#: Most events one push may carry; a larger batch is refused with ``batch_too_large``.
MAX_BATCH = 1000
#: Largest request body the bridge reads (bytes); larger ones get ``body_too_large``.
MAX_BODY_BYTES = 8 * 1024 * 1024
#: Most changes one pull page returns.
MAX_PAGE = 1000
#: Event schema versions the bridge understands.
SUPPORTED_SCHEMA_VERSIONS = range(1, 2)

EVENT_TYPE_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
SHA256_RE = r"^[0-9a-f]{64}$"
STATION_ID_RE = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"


#: ``json.dumps`` with these options builds an encoder on every call; one is kept instead.
_canonical = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode


def canonical_json(value: Any) -> str:
    """The one text form of a payload that is hashed: sorted keys, no spaces, UTF-8."""
    return _canonical(value)


def payload_sha256(payload: Any) -> str:
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def utc_now() -> datetime:
    return datetime.now(UTC)


def rfc3339(moment: datetime) -> str:
    """UTC RFC 3339 with microseconds and a ``Z``: sorts as text."""
    text = moment.astimezone(UTC).isoformat(timespec="microseconds")
    return text[:-6] + "Z"  # "+00:00" → "Z"; isoformat is 5x faster than strftime


def _aware_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("must carry a UTC offset (RFC 3339), e.g. 2024-05-01T08:00:00Z")
    return moment.astimezone(UTC)


UtcDateTime = Annotated[datetime, AfterValidator(_aware_utc)]


class WireModel(BaseModel):
    """Base: unknown fields are ignored, so a newer peer may add optional ones."""

    model_config = ConfigDict(extra="ignore")


class Problem(WireModel):
    """Every 4xx/5xx body: a stable machine-readable ``code`` and a human ``reason``."""

    code: str
    reason: str
    detail: Any = None


# --- push ------------------------------------------------------------------------------


class Event(WireModel):
    """One station event, exactly as the station recorded it."""

    event_id: UUID
    station_seq: int = Field(ge=1, le=2**62, description="gap-free per station, from 1")
    type: str = Field(min_length=3, max_length=64, pattern=EVENT_TYPE_RE.pattern)
    occurred_at: UtcDateTime
    operator_id: str | None = Field(default=None, max_length=128)
    schema_version: int = Field(ge=1, le=1000)
    payload: dict[str, Any]
    payload_sha256: str = Field(pattern=SHA256_RE)


class PushRequest(WireModel):
    batch_id: UUID
    sent_at: UtcDateTime | None = Field(
        default=None, description="the station's clock when sending; used to flag clock skew"
    )
    held: list[Annotated[int, Field(ge=1, le=2**62)]] = Field(
        default_factory=list,
        max_length=MAX_BATCH,
        description="station_seqs below this batch that the station holds back as dead "
        "letters; the bridge accepts the gap they leave",
    )
    events: list[Event] = Field(max_length=MAX_BATCH)


EventStatus = Literal["accepted", "duplicate", "rejected"]


class EventResult(WireModel):
    event_id: UUID
    station_seq: int
    status: EventStatus
    code: str | None = None
    reason: str | None = None
    flags: list[str] = Field(default_factory=list)


class PushResponse(WireModel):
    batch_id: UUID
    received_at: datetime
    last_seq: int = Field(description="highest station_seq up to which the bridge has no gap")
    clock_skew_s: float | None = None
    results: list[EventResult]


class Hello(WireModel):
    """``GET /api/v1/stations/{station}/hello``: who the token belongs to, the bridge's view.

    ``last_seq`` is the highest contiguous ``station_seq`` the bridge holds (0: none): a
    station resends from ``last_seq + 1``. ``epoch`` changes when the bridge's database was
    restored or re-created."""

    station: str
    name: str
    protocol_version: int
    server_time: datetime
    last_seq: int
    epoch: str = ""
    clock_skew_s: float | None = None
    clock_flagged: bool = False


# --- pull ------------------------------------------------------------------------------

Entity = Literal[
    "product",
    "operator",
    "work_order",
    "instruction_revision",
    "station",
    "media",
    "reason_code",
    "andon_clear",  # a supervisor cleared the station's andon call on the web view
]


#: Entities a station is sent only when its pull says it understands them
#: (``understands=andon_clear,…``): a station from before them refuses the whole page.
LATER_ENTITIES = frozenset({"andon_clear"})


class Change(WireModel):
    entity: Entity
    id: str
    op: Literal["upsert", "delete"]
    version: int
    data: dict[str, Any] | None = None


class ChangesPage(WireModel):
    changes: list[Change]
    next_cursor: int
    has_more: bool


# --- ERP side --------------------------------------------------------------------------


class CountedPage(WireModel):
    next_cursor: int
    has_more: bool


class ImportResult(WireModel):
    entity: str
    upserted: int
    deleted: int = 0
    ids: list[str] = Field(default_factory=list)


class ConfirmationUnit(WireModel):
    unit_id: str
    serial: str | None = None
    outcome: str
    cycle_time_s: float | None = None
    scrap_reason: str | None = None
    operator_id: str | None = None
    finished_at: str | None = None
    flags: list[str] = Field(default_factory=list)


class MaterialProduced(WireModel):
    good: int = 0
    scrap: int = 0
    uom: str = "pcs"
    scrap_reasons: dict[str, int] = Field(default_factory=dict)


class PersonnelActual(WireModel):
    operator_id: str
    labour_time_s: float


class CycleStats(WireModel):
    count: int = 0
    mean: float | None = None
    min: float | None = None
    max: float | None = None
    median: float | None = None
    stdev: float | None = None


class MaterialConsumed(WireModel):
    serial: str | None = None
    part: str | None = None
    component_serial: str | None = None
    lot: str | None = None
    gtin: str | None = None


class QualityResult(WireModel):
    serial: str | None = None
    step_id: str | None = None
    name: str | None = None
    value: float | None = None
    unit: str | None = None
    lower: float | None = None
    upper: float | None = None
    nominal: float | None = None
    outcome: str | None = None
    marginal: bool | None = None


class AsBuiltTightening(WireModel):
    step_id: str | None = None
    fastening: int | None = None
    torque: float | None = None
    angle: float | None = None
    ok: bool | None = None
    pset: int | str | None = None
    tightening_id: int | str | None = None
    #: The torque is in ``unit`` (the step's); the tool's own verdict (ok / nok / none),
    #: reading and unit as it printed them; which controller, which spindle, uploaded late.
    unit: str | None = None
    tool_verdict: str | None = None
    tool_torque: float | None = None
    tool_unit: str | None = None
    controller_id: str | None = None
    spindle: int | None = None
    late: bool | None = None


class TorqueResult(AsBuiltTightening):
    """A tightening as the ERP feed gives it: the as-built record plus the unit's serial."""

    serial: str | None = None


class Confirmation(WireModel):
    """One production performance record. ``id`` derives from the event it comes from
    (``source_event``): the same id may be delivered again (after a bridge restore, at a
    higher cursor); an ERP books each ``id`` once."""

    cursor: int
    id: str
    source_event: str = ""
    type: Literal["production_performance"] = "production_performance"
    work_order: str
    operation: str
    station: str
    start_time: str = ""
    end_time: str = ""
    material_produced: MaterialProduced = Field(default_factory=MaterialProduced)
    labour_time_s: float = 0.0
    personnel_actual: list[PersonnelActual] = Field(default_factory=list)
    downtime_min: dict[str, float] = Field(default_factory=dict)
    cycle_time_s: CycleStats = Field(default_factory=CycleStats)
    units: list[ConfirmationUnit] = Field(default_factory=list)
    material_consumed: list[MaterialConsumed] = Field(default_factory=list)
    quality_results: list[QualityResult] = Field(default_factory=list)
    torque_results: list[TorqueResult] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)


class ConfirmationsPage(CountedPage):
    """A page of the feed. ``epoch`` changes when the bridge's database was restored or
    re-created; cursors never go backwards across epochs."""

    epoch: str = ""
    confirmations: list[Confirmation]


class Performance(WireModel):
    """Totals so far of one operation of a work order (all stations)."""

    work_order: str
    operation: str
    good: int
    scrap: int
    in_progress: int
    labour_time_s: float
    downtime_min: dict[str, float]
    cycle_time_s: CycleStats


class AsBuiltEvent(WireModel):
    station_seq: int
    event_id: str
    type: str
    occurred_at: str
    received_at: str
    operator_id: str | None = None
    payload: dict[str, Any]
    flags: list[str] = Field(default_factory=list)


class AsBuiltComponent(WireModel):
    part: str | None = None
    component_serial: str | None = None
    lot: str | None = None
    gtin: str | None = None
    as_built: AsBuilt | None = None


class AsBuilt(WireModel):
    """Everything recorded about one serial at one station, with its sub-assemblies."""

    serial: str
    unit_id: str
    station: str
    work_order: str
    operation: str
    revision: str | None = None
    started_at: str | None = None
    finished_at: str | None = None
    outcome: str
    cycle_time_s: float | None = None
    scrap_reason: str | None = None
    operator_id: str | None = None
    events: list[AsBuiltEvent]
    tightenings: list[AsBuiltTightening]
    components: list[AsBuiltComponent]


class RecallHit(WireModel):
    serial: str
    work_order: str
    operation: str
    station: str
    outcome: str
    part: str | None = None
    via: str


class StationOverview(WireModel):
    station: str
    name: str
    last_seq: int
    last_seen_at: str | None = None
    clock_skew_s: float | None = None
    clock_flagged: bool = False


class Refusal(WireModel):
    """An event the bridge refused (the station keeps it as a dead letter)."""

    station: str
    event_id: str
    station_seq: int
    type: str
    code: str
    reason: str
    unit_id: str | None = None
    refused_at: str


class MediaStored(WireModel):
    sha256: str
    size: int


# --- master data -----------------------------------------------------------------------
# The entity shapes of docs/instruction-package.md section 2: what the ERP sends in, what
# the bridge stores, and what a station receives in ``changes[].data`` (its
# ``kiosk.store.masterdata.apply_change`` reads exactly these). Unknown fields are kept
# (``extra="allow"``) and travel down to the stations.

Role = Literal["operator", "line_lead", "quality", "admin"]
WorkOrderStatus = Literal["released", "in_progress", "completed", "cancelled", "on_hold"]


def _rfc3339_text(value: str) -> str:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError as err:
        raise ValueError("must be an RFC 3339 date-time, e.g. 2026-11-25T14:00:00Z") from err
    _aware_utc(moment)
    return value


Rfc3339Text = Annotated[str, AfterValidator(_rfc3339_text)]


class MasterRecord(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


class StationRecord(MasterRecord):
    id: str = Field(pattern=STATION_ID_RE)
    name: str = Field(min_length=1, max_length=512)
    line: str = ""
    operations: list[str] = Field(default_factory=list)


class ProductRecord(MasterRecord):
    code: str = Field(min_length=1, max_length=128)
    name: str = Field(min_length=1, max_length=512)
    description: str = ""
    picture: str | None = Field(default=None, pattern=SHA256_RE, description="a media sha256")


class Certification(MasterRecord):
    operation: str = Field(min_length=1, max_length=128)
    expires: date | None = Field(default=None, description="ISO date; null: never")


def _operator_role() -> list[Role]:
    return ["operator"]


class OperatorRecord(MasterRecord):
    id: str = Field(min_length=1, max_length=128)
    badge: str = Field(min_length=1, max_length=128)
    name: str = Field(min_length=1, max_length=512)
    language: str = "en"
    roles: list[Role] = Field(default_factory=_operator_role)
    certifications: list[Certification] = Field(default_factory=list)
    pin_hash: str | None = Field(default=None, description="kiosk.security.hash_pin output")
    active: bool = True


class WorkOrderRecord(MasterRecord):
    """A work order. ``done``/``scrapped`` given with a new work order are the progress made
    elsewhere; after that the station keeps its own count. A demo file's ``due_in_hours``
    becomes ``due`` (from now) when it is read."""

    number: str = Field(min_length=1, max_length=128)
    product: str = Field(min_length=1, max_length=128)
    operation: str = Field(min_length=1, max_length=128)
    quantity: int = Field(ge=1, le=10_000_000)
    due: Rfc3339Text | None = None
    priority: int = Field(default=3, ge=1, le=9)
    status: WorkOrderStatus = "released"
    done: int = Field(default=0, ge=0, le=10_000_000)
    scrapped: int = Field(default=0, ge=0, le=10_000_000)
    station: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _due_from_hours(cls, value: Any) -> Any:
        if isinstance(value, dict) and "due_in_hours" in value:
            value = dict(value)
            hours = value.pop("due_in_hours")
            if value.get("due") is None and hours is not None:
                try:
                    offset = timedelta(hours=float(hours))
                except (TypeError, ValueError, OverflowError) as err:
                    raise ValueError("due_in_hours must be a number of hours") from err
                value["due"] = rfc3339(utc_now() + offset)
        return value


class InstructionRevisionRecord(MasterRecord):
    """``instruction_revision`` changes: the package's ``document`` as published, with the
    keys the bridge indexes it by. A station stores ``data["document"]``."""

    document_id: str = Field(min_length=1, max_length=128)
    revision: int = Field(ge=1)
    status: str = "approved"
    product: str = Field(min_length=1, max_length=128)
    operation: str = Field(min_length=1, max_length=128)
    document: dict[str, Any]


ReasonKind = Literal["scrap", "rework", "downtime", "andon", "override"]


class ReasonCodeRecord(MasterRecord):
    """A reason the station offers (scrap, rework, downtime, andon, override): pulled as
    entity ``reason_code`` with id ``<kind>:<code>``."""

    kind: ReasonKind
    code: str = Field(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f:]+$")
    label: dict[str, Annotated[str, Field(min_length=1, max_length=256)]] = Field(
        description="the label per language code; 'en' at least"
    )

    @model_validator(mode="after")
    def _english(self) -> ReasonCodeRecord:
        if "en" not in self.label:
            raise ValueError("label needs an 'en' text")
        return self
