"""The one adapter between device/sync threads and widgets.

Drivers (``hardware``) and the sync coordinator call plain callbacks on their own threads.
:class:`StationSignals` turns each call into a Qt signal delivered with a *queued*
connection, so every slot runs on the GUI thread, after the driver's call returned. The
UI never imports ``hardware`` or ``sync``: the composition root hands their callbacks
this object's methods, which convert each driver result into the core's own type
(:func:`scan_read`, :func:`torque_reading`: duck-typed on ``hardware.model``'s field
names, read with ``getattr`` so optional fields may come and go) before it crosses to the
GUI thread. Nothing is lost on the way: a tool without a verdict stays *none* (the step's
limits judge it) and the unit the tool printed travels with the value.

Every result is accounted for: :meth:`StationSignals.connect_engine` hands each one to
the engine's :meth:`~kiosk.engine.StationEngine.tool_result_arrived` (queued, before the
step runner sees it), which keeps a result no torque step can take as a stray device
event; a result the driver could not read (its unreadable listener) is recorded raw the
same way and reaches the step runner as a refusal the operator sees ("the tool sent a
result the station could not read").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from kiosk.readings import ScanRead, TorqueReading, UnreadableReading, Verdict
from ui.qt import QObject, Qt, Signal

if TYPE_CHECKING:
    from kiosk.engine import StationEngine


def torque_reading(result: Any) -> TorqueReading:
    """A driver's tightening result (``hardware.model.TighteningResult``) as the core's
    :class:`~kiosk.readings.TorqueReading`: ``ok=None`` stays "no verdict", the unit is
    kept as the driver gave it (the core refuses one it does not know)."""

    def get(name: str) -> Any:
        return getattr(result, name, None)

    torque = get("torque")
    angle = get("angle")
    pset, spindle = get("pset"), get("spindle")
    return TorqueReading(
        value=None if torque is None else float(torque),
        unit=str(get("unit") or "Nm"),
        angle=None if angle is None else float(angle),
        verdict=Verdict.of(get("ok")),
        tool=get("controller_id") or get("tool_serial"),
        tightening_id=None if get("tightening_id") is None else str(get("tightening_id")),
        at=get("timestamp"),
        pset=None if pset is None else int(pset),
        spindle=None if spindle is None else int(spindle),
        identifier=get("vin"),
        late=bool(get("late") or False),
    )


def unreadable_reading(result: Any, tool: str | None = None) -> UnreadableReading:
    """A driver's unreadable result (``hardware.model.UnreadableResult``) as the core's
    :class:`~kiosk.readings.UnreadableReading`: every byte kept (latin-1), the time in
    RFC 3339; ``tool`` is the controller's identity when known, else the driver's name."""
    raw = getattr(result, "raw", b"")
    text = raw.decode("latin-1") if isinstance(raw, bytes) else str(raw)
    at = getattr(result, "at", None)
    mid = getattr(result, "mid", None)
    return UnreadableReading(
        device="torque",
        reason=str(getattr(result, "reason", "")),
        raw=text,
        tool=tool or (str(getattr(result, "device", "")) or None),
        mid=None if mid is None else int(mid),
        at=None
        if at is None
        else datetime.fromtimestamp(float(at), UTC).isoformat(timespec="milliseconds"),
    )


def scan_read(frame: Any) -> ScanRead:
    """A driver's scan (``hardware.model.ScanFrame``) as the core's ScanRead."""
    return ScanRead(
        data=str(frame.data),
        gs1=getattr(frame, "gs1", None),
        symbology=getattr(frame, "symbology", None),
        aim=getattr(frame, "aim", None),
        gs1_error=getattr(frame, "gs1_error", None),
    )


@dataclass(frozen=True)
class SyncState:
    """What the top bar shows about sync."""

    configured: bool = False
    queued: int = 0
    dead: int = 0
    last_success: str | None = None  # RFC 3339
    offline_since: str | None = None
    auth_failed: bool = False
    last_error: str | None = None
    next_action: str = ""  # for the line lead (the coordinator's words)
    clock_skew_s: float | None = None  # station clock minus the bridge's (+ = ahead)
    clock_skew_warning: str | None = None  # a sentence when it is off by > 2 min
    disk_full: bool = False  # the station's database cannot take writes (last_error says)

    @classmethod
    def from_snapshot(cls, snap: Any) -> SyncState:
        """From the sync coordinator's ``status()`` (a mapping or an object)."""

        def get(name: str, default: Any = None) -> Any:
            if isinstance(snap, dict):
                return snap.get(name, default)
            return getattr(snap, name, default)

        return cls(
            configured=bool(get("configured", True)),
            queued=int(get("queued", 0) or 0),
            dead=int(get("dead", get("dead_letters", 0)) or 0),
            last_success=get("last_success"),
            offline_since=get("offline_since"),
            auth_failed=bool(get("auth_failed", False)),
            last_error=get("last_error"),
            next_action=str(get("next_action", "") or ""),
            clock_skew_s=get("clock_skew_s"),
            clock_skew_warning=get("clock_skew_warning"),
            disk_full=get("state") == "disk_full",
        )


class StationSignals(QObject):
    """Device and sync callbacks in, queued Qt signals out."""

    scanned = Signal(str, object)  # data, gs1 dict or None
    tightened = Signal(object)  # kiosk.readings.TorqueReading for engine.submit_tightening
    #: Every tool result (TorqueReading or UnreadableReading), emitted before ``tightened``:
    #: for engine.tool_result_arrived, which keeps what no step takes.
    tool_result = Signal(object)
    device_changed = Signal(str, str, str)  # device kind, state, reason
    sync_changed = Signal(object)  # SyncState
    master_data_changed = Signal()  # a sync pull brought work orders, operators, revisions

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def connect_to(
        self,
        on_scan: Callable[[str, object], None],
        on_tightening: Callable[[object], None],
        on_device: Callable[[str, str, str], None],
        on_sync: Callable[[object], None],
    ) -> None:
        queued = Qt.ConnectionType.QueuedConnection
        self.scanned.connect(on_scan, queued)
        self.tightened.connect(on_tightening, queued)
        self.device_changed.connect(on_device, queued)
        self.sync_changed.connect(on_sync, queued)

    def connect_engine(self, engine: StationEngine) -> None:
        """Every tool result to the engine's account (queued: on the GUI thread, in the
        order the tool sent them, each before the step runner gets it)."""
        self.tool_result.connect(engine.tool_result_arrived, Qt.ConnectionType.QueuedConnection)

    # --- callbacks for drivers (any thread) ----------------------------------------------

    def on_scan_frame(self, frame: Any) -> None:
        read = scan_read(frame)
        self.scanned.emit(read.data, read.gs1)

    def on_tightening(self, result: Any) -> None:
        reading = torque_reading(result)
        self.tool_result.emit(reading)
        self.tightened.emit(reading)

    def unreadable_callback(self, tool: Any = None) -> Callable[[Any], None]:
        """An unreadable-result listener for ``tool`` (its controller id, when known, is
        recorded with the raw result)."""

        def on_unreadable(result: Any) -> None:
            ident = getattr(tool, "controller_id", None) if tool is not None else None
            reading = unreadable_reading(result, None if ident is None else str(ident))
            self.tool_result.emit(reading)  # recorded, whatever step is open
            self.tightened.emit(reading)  # the step runner's refusal: the operator sees it

        return on_unreadable

    def status_callback(self, kind: str) -> Callable[[Any], None]:
        """A status listener for the device of ``kind`` (scanner, torque)."""

        def on_status(status: Any) -> None:
            self.device_changed.emit(kind, str(status.state), str(getattr(status, "reason", "")))

        return on_status

    def on_sync_status(self, snapshot: Any) -> None:
        self.sync_changed.emit(SyncState.from_snapshot(snapshot))

    def on_master_data_pulled(self, _report: Any = None) -> None:
        self.master_data_changed.emit()
