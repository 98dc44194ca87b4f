"""In-process devices (backend ``virtual``) for the demo station, the autopilot and tests.

They implement the same base classes as the real drivers and deliver synchronously on the
caller's thread::

    scanner = hardware.open_device("scanner", "virtual:")
    scanner.scan("]C101095060000150951721SN42")   # → scan listeners get a ScanFrame
    tool = hardware.open_device("torque", "virtual:", nok_pattern="OOON")
    tool.select_pset(2); tool.enable(); tool.trigger()   # → result listeners
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from hardware.base import Scanner, TorqueTool
from hardware.errors import DeviceDisconnected
from hardware.framing import Gs1Mode, parse_scan
from hardware.model import ScanFrame, TighteningResult
from hardware.simulators.tightening import Pset, TighteningSimulator


class VirtualScanner(Scanner):
    """A scanner you call :meth:`scan` on."""

    backend = "virtual"

    def __init__(
        self,
        url: str = "virtual:scanner",
        *,
        prefix: str = "",
        suffix: str = "",
        gs1: Gs1Mode = "auto",
        name: str | None = None,
    ) -> None:
        super().__init__(url, name=name)
        self.prefix = prefix
        self.suffix = suffix
        self.gs1: Gs1Mode = gs1
        self._plugged = True
        self._started = False

    def start(self, *, require_open: bool = False) -> None:
        self._started = True
        if self._plugged:
            self._set_status("connected", "virtual scanner ready")

    def stop(self) -> None:
        self._started = False
        self._set_status("disconnected", "stopped")

    def scan(self, text: str) -> ScanFrame:
        """Deliver ``text`` as one scan (same parser as the serial scanner) and return it."""
        if not (self._started and self._plugged):
            raise DeviceDisconnected(f"{self.name} is not connected; the scan went nowhere.")
        data = text
        if self.prefix and data.startswith(self.prefix):
            data = data[len(self.prefix) :]
        if self.suffix and data.endswith(self.suffix):
            data = data[: -len(self.suffix)]
        frame = parse_scan(data, gs1=self.gs1)
        self._deliver(frame)
        return frame

    def unplug(self, reason: str = "virtual scanner unplugged") -> None:
        self._plugged = False
        self._set_status("disconnected", reason)

    def plug(self) -> None:
        self._plugged = True
        if self._started:
            self._set_status("connected", "virtual scanner ready")


class VirtualTorqueTool(TorqueTool):
    """A torque tool you :meth:`trigger`; it runs only while enabled, on the chosen pset."""

    backend = "virtual"

    def __init__(
        self,
        url: str = "virtual:torque",
        *,
        pset: int | None = 1,
        enabled: bool | None = None,
        nok_pattern: str = "",
        psets: Mapping[int, Pset] | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(url, name=name)
        self.simulator = TighteningSimulator(psets, nok_pattern)
        self._pset = pset
        self._enabled = enabled
        self._started = False
        self.identifier: str | None = None

    def start(self, *, require_open: bool = False) -> None:
        self._started = True
        self._set_status("connected", "virtual torque tool ready")

    def download_identifier(self, identifier: str) -> None:
        """Results carry ``identifier`` from now on, as an Open Protocol controller's do."""
        self.identifier = identifier

    def stop(self) -> None:
        self._started = False
        self._set_status("disconnected", "stopped")

    def select_pset(self, pset: int) -> None:
        self._pset = pset

    def enable(self) -> None:
        self._enabled = True

    def disable(self) -> None:
        self._enabled = False

    def trigger(self, ok: bool | None = None) -> TighteningResult | None:
        """Pull the trigger: a result (``ok`` forces the verdict), or None when locked."""
        if not self._started or self._enabled is False:
            return None
        result = self.simulator.next_result(self._pset or 1, ok)
        result = replace(result, vin=self.identifier, controller_id=self.url)
        self._deliver(result)
        return result
