"""Device drivers for the station: barcode scanners and torque tools. No Qt, nothing of ours.

Use :func:`open_device` with a station's ``[[devices]]`` settings::

    tool = hardware.open_device("torque", "socket://127.0.0.1:4545", protocol="open-protocol")
    tool.add_result_listener(on_result)      # runs on the reader thread
    tool.add_status_listener(on_status)
    tool.start()                             # connects and keeps reconnecting

Backends (``backend=`` or ``protocol=``; URL ``virtual:`` picks ``virtual``):

* scanner ``serial`` (default), ``virtual``
* torque ``open-protocol`` (default), ``ascii``, ``virtual``

Option names (all optional):

* serial line: ``baudrate`` (9600), ``bytesize`` (8), ``parity`` (N/E/O/M/S), ``stopbits``
  (1), ``vid``/``pid`` (int or hex text) and ``serial_number`` to find a USB device again
  after it re-enumerates under another path;
* scanner: ``terminator`` (cr/lf/crlf/tab/none), ``idle_ms`` (frame end when terminator
  is none; default from the baud rate: 48 character times, at least 50 ms), ``stale_ms``
  (1000), ``max_length`` (4096), ``prefix``, ``suffix``, ``gs1`` (auto/aim/off),
  ``encoding`` (latin-1/utf-8);
* open-protocol: ``pset``, ``enabled``, ``profile`` (standard/atlas-copco/legacy/
  rev1-as-rev2), ``revision`` (highest MID 0001 revision tried; profile: 3),
  ``result_revision`` (highest MID 0060 revision; profile: 3), ``result_layout`` (force the
  MID 0061 layout), ``device_id`` (the controller's identity instead of MID 0002's),
  ``multi_spindle`` (subscribe MID 0100), ``upload_missed`` (MID 0064 after a reconnect),
  ``keepalive_s`` (5), ``link_timeout_s`` (15), ``backoff_max_s`` (5), ``stable_s`` (5);
* ascii: ``model`` (a profile in :data:`hardware.ascii_torque.PROFILES`) or ``pattern``
  (regex with named groups), ``terminator``, ``torque_min``/``torque_max``, ``pset``,
  ``request`` (text sent to poll the tool, e.g. ``"?"``), ``request_every_s`` and
  ``device_id``;
* virtual: ``nok_pattern`` (e.g. ``"OOON"``), ``psets``.
"""

from __future__ import annotations

import importlib
from typing import Any

from hardware.base import Device, Scanner, TorqueTool
from hardware.errors import (
    DeviceBusy,
    DeviceConfigError,
    DeviceDisconnected,
    DeviceError,
    DeviceNotFound,
    DeviceRejected,
    DeviceUnavailable,
    FrameDiscarded,
    ProtocolError,
)
from hardware.model import (
    UNITS,
    DeviceState,
    DeviceStatus,
    ScanFrame,
    TighteningResult,
    UnreadableResult,
    canonical_unit,
)

__all__ = [
    "BACKENDS",
    "UNITS",
    "Device",
    "DeviceBusy",
    "DeviceConfigError",
    "DeviceDisconnected",
    "DeviceError",
    "DeviceNotFound",
    "DeviceRejected",
    "DeviceState",
    "DeviceStatus",
    "DeviceUnavailable",
    "FrameDiscarded",
    "ProtocolError",
    "ScanFrame",
    "Scanner",
    "TighteningResult",
    "TorqueTool",
    "UnreadableResult",
    "backend_class",
    "canonical_unit",
    "list_ports",
    "open_device",
]

#: kind → backend name → "module:Class", imported only when used.
BACKENDS: dict[str, dict[str, str]] = {
    "scanner": {
        "serial": "hardware.scanner:SerialScanner",
        "virtual": "hardware.virtual:VirtualScanner",
    },
    "torque": {
        "open-protocol": "hardware.openprotocol:OpenProtocolTool",
        "ascii": "hardware.ascii_torque:AsciiTorqueTool",
        "virtual": "hardware.virtual:VirtualTorqueTool",
    },
}
_DEFAULT_BACKEND = {"scanner": "serial", "torque": "open-protocol"}
_INT_OPTIONS = ("vid", "pid")


def backend_class(kind: str, backend: str) -> type[Device]:
    """The class registered for ``kind``/``backend``; raises :class:`DeviceConfigError`."""
    backends = BACKENDS.get(kind)
    if backends is None:
        raise DeviceConfigError(
            f"Unknown device kind {kind!r}.", next_action=f"Use one of: {', '.join(BACKENDS)}."
        )
    target = backends.get(backend)
    if target is None:
        raise DeviceConfigError(
            f"Unknown {kind} backend {backend!r}.",
            next_action=f"Use one of: {', '.join(backends)}.",
        )
    module_name, _, class_name = target.partition(":")
    cls: type[Device] = getattr(importlib.import_module(module_name), class_name)
    return cls


def open_device(kind: str, url: str, *, backend: str | None = None, **options: Any) -> Device:
    """Build (not start) the device described by a station's ``[[devices]]`` entry.

    Add listeners, then call ``start()``. Unknown option names raise
    :class:`DeviceConfigError` naming the allowed ones.
    """
    import inspect

    backend = backend or options.pop("protocol", None)
    if backend is None:
        backend = "virtual" if url.startswith("virtual:") else _DEFAULT_BACKEND.get(kind, "")
    cls = backend_class(kind, backend)
    for key in _INT_OPTIONS:
        value = options.get(key)
        if isinstance(value, str):
            try:
                options[key] = int(value, 16)
            except ValueError as err:
                raise DeviceConfigError(f"{key} must be hexadecimal, not {value!r}.") from err
    params = inspect.signature(cls.__init__).parameters
    allowed = sorted(p for p in params if p not in ("self", "url"))
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise DeviceConfigError(
            f"Unknown option(s) for {kind} backend {backend!r}: {', '.join(unknown)}.",
            next_action=f"Allowed: {', '.join(allowed)}.",
        )
    try:
        return cls(url, **options)
    except TypeError as err:
        raise DeviceConfigError(f"{kind} {url}: {err}") from err


def list_ports() -> list[dict[str, Any]]:
    """Serial ports the OS knows: device, vid, pid, serial_number, description."""
    from serial.tools import list_ports as lp

    return [
        {
            "device": p.device,
            "vid": p.vid,
            "pid": p.pid,
            "serial_number": p.serial_number,
            "description": p.description,
        }
        for p in sorted(lp.comports(), key=lambda p: str(p.device))
    ]
