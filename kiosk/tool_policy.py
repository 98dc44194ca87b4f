"""The torque tool policy: a tool is enabled only during its own step, with that step's
program (pset) selected, and disabled otherwise (locked station, other step, a finished
or NOK torque step).

The rule itself is :attr:`kiosk.engine.StationEngine.torque_request`; this module keeps
every tool on it through the small :class:`TorqueTool` protocol, so the composition root
only hands over its drivers. It listens to every engine change and talks to the tools
only when the request actually changed.

Unit identity at the controller: when a unit starts or is resumed (also when the
station starts on a unit in progress), every tool is given the unit's serial as its
identifier (``download_identifier``, Open Protocol MID 0050), so its results carry it;
the engine refuses a result that carries another unit's identifier.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kiosk.engine import StationEngine

log = logging.getLogger("kiosk.tool_policy")


class TorqueTool(Protocol):
    """What the policy needs of a torque driver (``hardware`` drivers have it)."""

    name: str

    def select_pset(self, pset: int) -> object: ...

    def enable(self) -> object: ...

    def disable(self) -> object: ...

    def download_identifier(self, identifier: str) -> object: ...


class TorqueToolPolicy:
    """Keeps every torque tool on ``engine.torque_request``."""

    def __init__(self, engine: StationEngine, tools: Sequence[TorqueTool]) -> None:
        self.engine = engine
        self.tools = list(tools)
        self.applied: tuple[bool, int | None] | None = None
        self.identified: str | None = None  # the serial the tools were last given
        self._unsubscribe: Callable[[], None] | None = None

    def start(self) -> None:
        self._unsubscribe = self.engine.subscribe(lambda _changes: self.apply())
        self.apply()

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def apply(self) -> None:
        self._identify()
        req = self.engine.torque_request
        want = (bool(req.enabled), req.pset)
        if want == self.applied:
            return
        self.applied = want
        for tool in self.tools:
            try:
                if req.enabled and req.pset is not None:
                    tool.select_pset(req.pset)
                if req.enabled:
                    tool.enable()
                else:
                    tool.disable()
            except Exception:  # a tool that refuses must not break the step runner
                log.exception("%s: could not apply torque request %s", tool.name, want)

    def _identify(self) -> None:
        """Give the tools the serial of the unit in progress when it changed."""
        unit = self.engine.unit
        if unit is None:
            self.identified = None  # a unit resumed later is given again
            return
        if unit.serial == self.identified:
            return
        self.identified = unit.serial
        for tool in self.tools:
            try:
                tool.download_identifier(unit.serial)
            except Exception:  # a tool that refuses must not break the step runner
                log.exception("%s: could not download identifier %s", tool.name, unit.serial)
