"""The one adapter between device/sync threads and widgets.

Drivers (``hardware``) and the sync coordinator call plain callbacks on their own threads.
:class:`StationSignals` turns each call into a Qt signal delivered with a *queued*
connection, so every slot runs on the GUI thread, after the driver's call returned. The
UI never imports ``hardware`` or ``sync``: the composition root hands their callbacks
this object's methods (duck-typed: a scan has ``data`` and ``gs1``; a tightening has
``ok``, ``torque``, ``angle``, ``pset``, ``tightening_id``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ui.qt import QObject, Qt, Signal


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
    tightened = Signal(object)  # dict for engine.submit_tightening
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

    # --- callbacks for drivers (any thread) ----------------------------------------------

    def on_scan_frame(self, frame: Any) -> None:
        self.scanned.emit(str(frame.data), getattr(frame, "gs1", None))

    def on_tightening(self, result: Any) -> None:
        self.tightened.emit(
            {
                "ok": bool(result.ok),
                "torque": result.torque,
                "angle": getattr(result, "angle", None),
                "pset": getattr(result, "pset", None),
                "tightening_id": getattr(result, "tightening_id", None),
            }
        )

    def status_callback(self, kind: str) -> Callable[[Any], None]:
        """A status listener for the device of ``kind`` (scanner, torque)."""

        def on_status(status: Any) -> None:
            self.device_changed.emit(kind, str(status.state), str(getattr(status, "reason", "")))

        return on_status

    def on_sync_status(self, snapshot: Any) -> None:
        self.sync_changed.emit(SyncState.from_snapshot(snapshot))

    def on_master_data_pulled(self, _report: Any = None) -> None:
        self.master_data_changed.emit()
