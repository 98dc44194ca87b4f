"""What a screen, dialog, the step runner and the top bar get from the shell: a narrow
context, never the shell itself (none of them imports ``ui.shell``; import-linter checks).

They *read* through the context (the engine facade, metrics, the picture cache, the
language on screen, the messages' owner) and *act* through ``act`` (an engine action whose
refusal becomes a message). What only the shell can do — open a dialog, start a unit, go
to the next step — they ask for with a signal of :class:`Intents`; the shell connects each.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ui.qt import QObject, QRect, Signal

if TYPE_CHECKING:
    from kiosk.domain import Step
    from kiosk.engine import Andon, StationEngine
    from kiosk.errors import KioskError, RuleViolation
    from ui.devices import SyncState
    from ui.feedback import Feedback
    from ui.media import ImageCache, MediaItem
    from ui.theme import Metrics

T = TypeVar("T")


def ask(signal: Any) -> Callable[..., None]:
    """A slot that emits ``signal`` with no arguments whatever the sender passes (a
    button's ``clicked`` passes ``checked``)."""
    return lambda *_args: signal.emit()


class Intents(QObject):
    """A screen's requests to the shell, one signal each (connected in ``Shell``)."""

    andon = Signal()  # call for help / see the running calls
    more = Signal()
    downtime = Signal()
    scrap = Signal()
    rework = Signal()
    nok_override = Signal()
    leave_kiosk = Signal()
    line_lead = Signal()  # open line-lead mode
    work_order = Signal(str)  # open this work order
    start_unit = Signal(object)  # a serial, or None for the next generated one
    next_step = Signal(object)  # the checklist's ticked ids, or None
    measurement = Signal(str)  # the keypad's entry
    pin = Signal(str, str, object)  # who (picked by name), their PIN, the refusal's banner
    summary = Signal(object)  # a finished unit's UnitSummary
    refresh_all = Signal()


class Context(Protocol):
    """The shell as its screens see it."""

    engine: StationEngine
    metrics: Metrics
    language: str
    feedback: Feedback
    intents: Intents
    andons: list[Andon]
    sync_state: SyncState
    device_states: dict[str, tuple[str, str]]
    media_dir: Path

    @property
    def images(self) -> ImageCache: ...

    def act(self, fn: Callable[[], T], problem_to: Any = None) -> T | bool | None: ...

    def flash(
        self,
        state: str,
        title: str,
        detail: str = "",
        seconds: float | None = -1,
        scope: str = "step",
    ) -> None: ...

    def explain(self, err: RuleViolation | KioskError) -> tuple[str, str]: ...

    def close_overlay(self, overlay: Any) -> None: ...

    def product_name(self, code: str) -> str: ...

    def outbox_depth(self) -> int: ...

    def media_items(self, step: Step) -> list[MediaItem]: ...

    def rect(self) -> QRect: ...


__all__ = ["Context", "Intents", "ask"]
