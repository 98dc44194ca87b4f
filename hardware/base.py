"""One small base class per device kind, and the listener plumbing they share.

Listeners are plain callables run on the driver's reader thread (or the caller's thread
for virtual devices). They must return quickly; an exception in one is logged and never
stops the driver. The ui adapter re-emits them as queued Qt signals.
"""

from __future__ import annotations

import logging
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from types import TracebackType
from typing import ClassVar, Generic, TypeVar

from hardware.errors import DeviceError
from hardware.model import (
    DeviceState,
    DeviceStatus,
    ScanFrame,
    TighteningResult,
    UnreadableResult,
)

T = TypeVar("T")

StatusListener = Callable[[DeviceStatus], None]
ErrorListener = Callable[[DeviceError], None]
ScanListener = Callable[[ScanFrame], None]
ResultListener = Callable[[TighteningResult], None]
UnreadableListener = Callable[[UnreadableResult], None]


class Listeners(Generic[T]):
    """A thread-safe list of callbacks; ``add`` returns the function that removes it."""

    def __init__(self, log: logging.Logger) -> None:
        self._log = log
        self._items: list[Callable[[T], None]] = []
        self._lock = threading.Lock()

    def add(self, callback: Callable[[T], None]) -> Callable[[], None]:
        with self._lock:
            self._items.append(callback)

        def remove() -> None:
            with self._lock:
                if callback in self._items:
                    self._items.remove(callback)

        return remove

    def emit(self, value: T) -> None:
        with self._lock:
            items = list(self._items)
        for callback in items:
            try:
                callback(value)
            except Exception:
                # A broken listener must not take the reader thread (and every later scan)
                # down with it.
                self._log.exception("listener %r failed", callback)


class Device(ABC):
    """What every device offers: start/stop, a link status and error reports."""

    kind: ClassVar[str]
    backend: ClassVar[str]
    log: ClassVar[logging.Logger]

    def __init__(self, url: str, *, name: str | None = None) -> None:
        self.url = url
        self.name = name or url
        self._status_listeners: Listeners[DeviceStatus] = Listeners(self.log)
        self._error_listeners: Listeners[DeviceError] = Listeners(self.log)
        self._status = DeviceStatus("disconnected", "not started", self.name)
        self._status_lock = threading.Lock()
        self._connected = threading.Event()
        self._down_since: float | None = None
        self._error_log_at: dict[str, float] = {}
        self._error_suppressed: dict[str, int] = {}

    # -- listeners -----------------------------------------------------------------------
    def add_status_listener(self, callback: StatusListener) -> Callable[[], None]:
        """Call ``callback(DeviceStatus)`` on every change of state or reason."""
        return self._status_listeners.add(callback)

    def add_error_listener(self, callback: ErrorListener) -> Callable[[], None]:
        """Call ``callback(DeviceError)`` for problems that do not change the link state:
        discarded frames, malformed messages, rejected requests."""
        return self._error_listeners.add(callback)

    @property
    def status(self) -> DeviceStatus:
        return self._status

    def wait_connected(self, timeout: float) -> bool:
        """Block until the device is connected (True) or ``timeout`` seconds pass."""
        return self._connected.wait(timeout)

    # -- lifecycle -----------------------------------------------------------------------
    @abstractmethod
    def start(self, *, require_open: bool = False) -> None:
        """Connect and keep reconnecting until :meth:`stop`.

        With ``require_open`` the first attempt runs on the caller's thread and raises
        :class:`~hardware.errors.DeviceUnavailable` if the port cannot be opened.
        """

    @abstractmethod
    def stop(self) -> None:
        """Close the port and end the reader thread. Safe to call twice."""

    def __enter__(self) -> Device:
        self.start(require_open=True)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- for backends --------------------------------------------------------------------
    def _set_status(self, state: DeviceState, reason: str) -> None:
        """Publish a status; log one line when the link breaks and one when it heals."""
        with self._status_lock:
            old = self._status
            if old.state == state and old.reason == reason:
                return
            self._status = DeviceStatus(state, reason, self.name)
            now = time.monotonic()
            if state == "connected":
                self._connected.set()
                if self._down_since is not None and old.reason != "not started":
                    self.log.info(
                        "%s: recovered after %.1f s (%s)", self.name, now - self._down_since, reason
                    )
                else:
                    self.log.info("%s: connected (%s)", self.name, reason)
                self._down_since = None
            else:
                self._connected.clear()
                if self._down_since is None:
                    self._down_since = now
                    if reason == "stopped":
                        self.log.info("%s: stopped", self.name)
                    elif old.reason != "not started" or state == "error":
                        self.log.warning("%s: %s: %s", self.name, state, reason)
                else:
                    # Still down, only the reason changed: keep the log quiet.
                    self.log.debug("%s: still %s: %s", self.name, state, reason)
        self._status_listeners.emit(self._status)

    def _report(self, error: DeviceError) -> None:
        """Tell error listeners; log each kind of problem at most once a minute."""
        key = type(error).__name__
        now = time.monotonic()
        last = self._error_log_at.get(key)
        if last is None or now - last >= 60.0:
            more = self._error_suppressed.pop(key, 0)
            suffix = f" ({more} more since the last report)" if more else ""
            self.log.warning("%s: %s%s", self.name, error, suffix)
            self._error_log_at[key] = now
        else:
            self._error_suppressed[key] = self._error_suppressed.get(key, 0) + 1
        self._error_listeners.emit(error)


class Scanner(Device):
    """A barcode scanner: delivers :class:`~hardware.model.ScanFrame` to scan listeners."""

    kind = "scanner"
    log = logging.getLogger("hardware.scanner")

    def __init__(self, url: str, *, name: str | None = None) -> None:
        super().__init__(url, name=name)
        self._scan_listeners: Listeners[ScanFrame] = Listeners(self.log)

    def add_scan_listener(self, callback: ScanListener) -> Callable[[], None]:
        """Call ``callback(ScanFrame)`` once per barcode read."""
        return self._scan_listeners.add(callback)

    def _deliver(self, frame: ScanFrame) -> None:
        self._scan_listeners.emit(frame)


class TorqueTool(Device):
    """A torque tool: delivers :class:`~hardware.model.TighteningResult` to result listeners.

    ``select_pset``, ``enable`` and ``disable`` record the wanted state and apply it now if
    connected and again after every reconnect; failures arrive as error reports.
    """

    kind = "torque"
    log = logging.getLogger("hardware.torque")

    def __init__(self, url: str, *, name: str | None = None) -> None:
        super().__init__(url, name=name)
        self._result_listeners: Listeners[TighteningResult] = Listeners(self.log)
        self._unreadable_listeners: Listeners[UnreadableResult] = Listeners(self.log)
        self._pset: int | None = None
        self._enabled: bool | None = None

    def add_result_listener(self, callback: ResultListener) -> Callable[[], None]:
        """Call ``callback(TighteningResult)`` once per tightening."""
        return self._result_listeners.add(callback)

    def add_unreadable_listener(self, callback: UnreadableListener) -> Callable[[], None]:
        """Call ``callback(UnreadableResult)`` when the tool sent a result the driver could
        not read (kept raw; the operator should see "the tool sent a result the station
        could not read"). Such a result is acknowledged to the tool but never dropped
        silently: it also goes to the error listeners as a ProtocolError."""
        return self._unreadable_listeners.add(callback)

    def download_identifier(self, identifier: str) -> None:
        """Tell the tool which unit it works on, so its results carry the identifier.

        Tools that cannot take one (hand wrenches) ignore it; Open Protocol sends MID 0050.
        """

    @property
    def pset(self) -> int | None:
        """The parameter set the station asked for (None: whatever the tool has)."""
        return self._pset

    @property
    def enabled(self) -> bool | None:
        """Whether the station wants the tool to run (None: leave the tool as it is)."""
        return self._enabled

    @abstractmethod
    def select_pset(self, pset: int) -> None:
        """Ask the tool to use parameter set ``pset``."""

    @abstractmethod
    def enable(self) -> None:
        """Let the operator run the tool (a torque step is active)."""

    @abstractmethod
    def disable(self) -> None:
        """Lock the tool (no torque step is active)."""

    def _deliver(self, result: TighteningResult) -> None:
        self._result_listeners.emit(result)

    def _deliver_unreadable(self, unreadable: UnreadableResult) -> None:
        self._unreadable_listeners.emit(unreadable)
