"""One model per event type: the payloads the station's engine records (``kiosk/engine.py``,
projected by ``kiosk/store/events.py``), as the bridge's ingest reads them.

The shapes are exactly today's: the fields the engine writes, typed, with the ones a
record cannot be filed without required (a unit event without ``unit_id`` is refused).
Fields a newer station adds are kept (``extra="allow"``), but every payload is bounded in
size (:data:`MAX_PAYLOAD_BYTES` of canonical JSON) and depth (:data:`MAX_PAYLOAD_DEPTH`),
and every text in length, so no stored payload can make a reader of the record fail.
An event type this bridge has no model for is held to the bounds only (a newer station
may record kinds an older bridge does not project).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sync.protocol.wire import canonical_json

#: Largest payload (canonical JSON, UTF-8 bytes) the bridge stores.
MAX_PAYLOAD_BYTES = 64 * 1024
#: Deepest nesting of objects and lists in a payload (the payload object itself is 1).
MAX_PAYLOAD_DEPTH = 8
#: Longest text in a known field.
MAX_TEXT = 4096

#: No NUL in a text that becomes a column (PostgreSQL cannot store it; a NUL in a unit id
#: turned the whole batch into an error the station kept resending).
NO_NUL = r"^[^\x00]*$"

Id = Annotated[str, Field(min_length=1, max_length=128, pattern=NO_NUL)]
Txt = Annotated[str, Field(max_length=MAX_TEXT, pattern=NO_NUL)]
Num = Annotated[float, Field(allow_inf_nan=False)]
#: A text as the package gives it: one string, or one per language (``{"en": …, "de": …}``).
Tr = Txt | dict[Annotated[str, Field(max_length=16)], Txt]


class Payload(BaseModel):
    """Base of every payload model: extra fields kept, strict-ish types."""

    model_config = ConfigDict(extra="allow")


class OperatorLoggedIn(Payload):
    operator_id: Id
    method: Txt | None = None


class OperatorLoggedOut(Payload):
    operator_id: Id
    reason: Txt | None = None


class WorkOrderSelected(Payload):
    work_order: Id
    operation: Id | None = None


class WorkOrderReleased(Payload):
    work_order: Id


class UnitStarted(Payload):
    unit_id: Id
    serial: Id
    work_order: Id
    operation: Id
    product: Id | None = None
    revision: Txt | None = None
    generated: bool = False


class UnitResumed(Payload):
    unit_id: Id


class StepCompleted(Payload):
    unit_id: Id
    step_id: Id
    serial: Id | None = None
    kind: Txt | None = None
    status: Txt | None = None
    attempt: int | None = Field(default=None, ge=0, le=1_000_000)
    started_at: Txt | None = None
    data: dict[str, Any] = Field(default_factory=dict)


class StepReopened(Payload):
    unit_id: Id
    step_id: Id
    previous: Txt | None = None


class ComponentConsumed(Payload):
    unit_id: Id
    step_id: Id | None = None
    serial: Id | None = None
    part: Id | None = None
    component_serial: Txt | None = None
    lot: Txt | None = None
    gtin: Txt | None = None
    raw: Txt | None = None


class MeasurementRecorded(Payload):
    unit_id: Id
    step_id: Id | None = None
    serial: Id | None = None
    name: Txt | None = None
    value: Num | None = None
    unit: Txt | None = None
    lower: Num | None = None
    upper: Num | None = None
    nominal: Num | None = None
    outcome: Txt | None = None
    marginal: bool | None = None


#: The six canonical torque unit codes of the device seam.
TORQUE_UNIT_CODES = ("Nm", "lbf.ft", "lbf.in", "ozf.in", "kgf.cm", "kgf.m")


class Tightening(Payload):
    fastening: int | None = Field(default=None, ge=0, le=100_000)
    ok: bool | None = None
    torque: Num | None = None  # in ``unit``, the step's unit
    angle: Num | None = None  # degrees
    pset: int | str | None = None
    tightening_id: int | Txt | None = None
    unit: Txt | None = None
    #: What the tool said: its verdict (ok / nok / none), torque and unit as printed.
    tool_verdict: Txt | None = None
    tool_torque: Num | None = None
    tool_unit: Txt | None = None
    #: Which tool (controller identity, else tool serial), which spindle of a
    #: multi-spindle tightening, the tool's own timestamp, uploaded after a reconnect.
    controller_id: Txt | None = None
    spindle: int | None = Field(default=None, ge=0, le=10_000)
    tool_time: Txt | None = None
    late: bool = False


class TorqueRecorded(Tightening):
    unit_id: Id
    step_id: Id | None = None
    serial: Id | None = None
    tightenings: list[Tightening] | None = Field(default=None, max_length=1000)
    attempt: int | None = Field(default=None, ge=0, le=1_000_000)
    started_at: Txt | None = None


class SignatureApplied(Payload):
    unit_id: Id
    step_id: Id | None = None
    serial: Id | None = None
    signer_id: Id
    signer_name: Txt | None = None
    role: Txt | None = None
    meaning: Tr | None = None


class NonconformanceRaised(Payload):
    unit_id: Id
    step_id: Id | None = None
    serial: Id | None = None
    kind: Txt | None = None
    description: Txt | None = None
    result: Any = None


class UnitFinished(Payload):
    unit_id: Id
    serial: Id | None = None
    work_order: Id | None = None
    operation: Id | None = None
    revision: Txt | None = None
    cycle_time_s: Num | None = Field(default=None, ge=0, le=10_000_000)


class UnitCompleted(UnitFinished):
    pass


class UnitScrapped(UnitFinished):
    reason: Txt | None = None
    step_id: Id | None = None


class AndonRaised(Payload):
    andon_id: Id
    category: Txt
    note: Txt | None = None
    station: Id | None = None
    serial: Id | None = None
    work_order: Id | None = None


class AndonCleared(Payload):
    andon_id: Id
    category: Txt | None = None
    cleared_by: Id | None = None
    #: A supervisor who cleared it on the bridge's web view (the station records it).
    cleared_on_bridge_by: Txt | None = None
    minutes: Num | None = Field(default=None, ge=0, le=10_000_000)


class DowntimeStarted(Payload):
    downtime_id: Id
    reason: Txt
    station: Id | None = None


class DowntimeEnded(Payload):
    downtime_id: Id | None = None
    reason: Txt | None = None
    minutes: Num | None = Field(default=None, ge=0, le=10_000_000)
    work_order: Id | None = None
    operation: Id | None = None


class InstructionFeedback(Payload):
    """An operator's "problem with this step"; the unit on the station then, if any."""

    revision: Txt | None = None
    step_id: Id | None = None
    category: Txt | None = None
    text: Txt | None = None
    unit_id: Id | None = None
    serial: Txt | None = None


class DeviceStatusChanged(Payload):
    device: Id
    state: Txt | None = None
    reason: Txt | None = None


class DeviceUnreadableResult(Payload):
    """A result a tool sent that its driver could not read, kept raw for the line lead."""

    device: Id
    controller_id: Txt | None = None
    reason: Txt | None = None
    raw: Txt
    raw_length: int | None = Field(default=None, ge=0)
    mid: int | None = Field(default=None, ge=0, le=9999)
    received_at: Txt | None = None
    unit_id: Id | None = None
    serial: Id | None = None
    step_id: Id | None = None


class DeviceStrayResult(Payload):
    """A tightening no step took (no torque step open, another unit's identifier, a late
    result of another program or made before the step started, no fastening left)."""

    device: Id
    reason: Id
    controller_id: Txt | None = None
    tightening_id: int | Txt | None = None
    spindle: int | None = Field(default=None, ge=0, le=10_000)
    pset: int | str | None = None
    torque: Num | None = None  # in ``unit``, as the tool printed it
    unit: Txt | None = None
    angle: Num | None = None
    tool_verdict: Txt | None = None
    tool_time: Txt | None = None
    identifier: Txt | None = None
    late: bool = False
    unit_id: Id | None = None
    serial: Id | None = None
    step_id: Id | None = None


class OverrideApplied(Payload):
    kind: Id
    by: Id
    by_name: Txt | None = None
    reason: Txt | None = None


#: Event type → its payload model.
PAYLOAD_MODELS: dict[str, type[Payload]] = {
    "operator.logged_in": OperatorLoggedIn,
    "operator.logged_out": OperatorLoggedOut,
    "work_order.selected": WorkOrderSelected,
    "work_order.released": WorkOrderReleased,
    "unit.started": UnitStarted,
    "unit.resumed": UnitResumed,
    "step.completed": StepCompleted,
    "step.reopened": StepReopened,
    "component.consumed": ComponentConsumed,
    "measurement.recorded": MeasurementRecorded,
    "torque.recorded": TorqueRecorded,
    "signature.applied": SignatureApplied,
    "nonconformance.raised": NonconformanceRaised,
    "unit.completed": UnitCompleted,
    "unit.scrapped": UnitScrapped,
    "andon.raised": AndonRaised,
    "andon.cleared": AndonCleared,
    "downtime.started": DowntimeStarted,
    "downtime.ended": DowntimeEnded,
    "instruction.feedback": InstructionFeedback,
    "device.status_changed": DeviceStatusChanged,
    "device.unreadable_result": DeviceUnreadableResult,
    "device.stray_result": DeviceStrayResult,
    "override.applied": OverrideApplied,
}

#: Event types whose payload names a unit the event is about.
UNIT_EVENTS = frozenset(
    t for t, m in PAYLOAD_MODELS.items() if m.model_fields.get("unit_id") is not None
)


class PayloadRejected(ValueError):
    """A payload the bridge does not store: a stable ``code`` and a ``reason``."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def json_depth_exceeds(value: Any, limit: int) -> bool:
    """Whether ``value`` nests objects/lists deeper than ``limit`` (iterative: any depth)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
    return False


def check_payload(type_: str, payload: Any, *, body: bytes | None = None) -> Payload | None:
    """Validate one event's payload; the typed payload (``None`` for a type without a
    model, bounds checked). ``body``: its canonical JSON (UTF-8), if the caller has it
    already. Raises :class:`PayloadRejected` with ``payload_too_deep``,
    ``payload_too_large`` or ``invalid_payload``."""
    if not isinstance(payload, dict):
        raise PayloadRejected("invalid_payload", "the payload must be a JSON object")
    # No payload nests deeper than it has brackets (those inside texts only add to the
    # count): given its canonical form, most are told apart by two counts, without a walk.
    if (
        body is None or body.count(b"{") + body.count(b"[") > MAX_PAYLOAD_DEPTH
    ) and json_depth_exceeds(payload, MAX_PAYLOAD_DEPTH):
        raise PayloadRejected(
            "payload_too_deep", f"the payload nests deeper than {MAX_PAYLOAD_DEPTH} levels"
        )
    if body is None:  # after the depth check: too deep a payload cannot be encoded
        body = canonical_json(payload).encode("utf-8")
    size = len(body)
    if size > MAX_PAYLOAD_BYTES:
        raise PayloadRejected(
            "payload_too_large",
            f"the payload is {size} bytes; the limit is {MAX_PAYLOAD_BYTES}",
        )
    model = PAYLOAD_MODELS.get(type_)
    if model is None:
        return None
    try:
        return model.model_validate(payload)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ())) or "payload"
        raise PayloadRejected(
            "invalid_payload",
            f"{type_} payload: {where}: {first.get('msg')}"
            + (f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""),
        ) from err
