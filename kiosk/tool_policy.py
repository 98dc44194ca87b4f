"""The torque tool policy: a tool is enabled only during its own step, with that step's
program (pset) selected, and disabled otherwise (locked station, other step, a finished
or NOK torque step).

The rule itself is :attr:`kiosk.engine.StationEngine.torque_request`; this module keeps
every tool on it through the small :class:`TorqueTool` protocol, so the composition root
only hands over its drivers. It listens to every engine change and talks to the tools
only when the request actually changed.
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


class TorqueToolPolicy:
    """Keeps every torque tool on ``engine.torque_request``."""

    def __init__(self, engine: StationEngine, tools: Sequence[TorqueTool]) -> None:
        self.engine = engine
        self.tools = list(tools)
        self.applied: tuple[bool, int | None] | None = None
        self._unsubscribe: Callable[[], None] | None = None

    def start(self) -> None:
        self._unsubscribe = self.engine.subscribe(lambda _changes: self.apply())
        self.apply()

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def apply(self) -> None:
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
