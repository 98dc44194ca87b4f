"""The one owner of what the station tells the operator outside a step's own verdict: a
refusal, a confirmation, a warning. Every message belongs to a piece of state and goes
when that state changes; confirmations fade by themselves; ✕ dismisses; a green message
never stands beside a red one.

A message is shown in a :class:`~ui.widgets.Banner` (the shell's bar under the top bar,
or a screen's own place, e.g. beside the PIN pad) with a *scope*:

``operator``  until someone else logs in or the station locks
``unit``      until the unit (or the operator) changes
``step``      until the step, its status, the unit or the operator changes
``andon``     until the set of running andon calls changes
``screen``    until the screen changes

The scope's key is read from the engine through ``key_of(scope)`` when the message is
shown and again on every change notice (:meth:`Feedback.changed`); a message whose key no
longer matches is taken down.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from ui.qt import QObject, QTimer
from ui.widgets import Banner

#: seconds a message of this colour stays when nothing else takes it down (None: stays)
FADE_S: dict[str, float | None] = {"ok": 3.0, "info": 5.0, "attention": None, "nok": None}
OPPOSITE = {"ok": "nok", "nok": "ok"}


@dataclass
class Shown:
    state: str
    scope: str
    key: Hashable
    timer: QTimer | None


class Feedback(QObject):
    def __init__(self, key_of: Callable[[str], Hashable], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key_of = key_of
        self.shown: dict[Banner, Shown] = {}

    def show(
        self,
        banner: Banner,
        state: str,
        title: str,
        detail: str = "",
        *,
        scope: str = "step",
        fade_s: float | None = -1,
    ) -> None:
        """Show a message in ``banner``, owned by ``scope``; ``fade_s`` -1 takes the
        colour's default (:data:`FADE_S`), None keeps it until its state changes."""
        self.verdict(state)
        self.dismiss(banner)
        seconds = FADE_S.get(state) if fade_s == -1 else fade_s
        timer = None
        if seconds:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda b=banner: self.dismiss(b))
            timer.start(int(seconds * 1000))
        banner.show_state(state, title, detail)
        banner.set_closable(True)
        if not getattr(banner, "_feedback_wired", False):
            banner.dismissed.connect(lambda b=banner: self.dismiss(b))
            banner._feedback_wired = True  # type: ignore[attr-defined]
        banner.show()
        self.shown[banner] = Shown(state, scope, self.key_of(scope), timer)

    def verdict(self, state: str) -> None:
        """A verdict of ``state`` is on screen: take down every message of the opposite
        colour (a green OK never stands beside a red refusal)."""
        opposite = OPPOSITE.get(state)
        if opposite:
            for banner, shown in list(self.shown.items()):
                if shown.state == opposite:
                    self.dismiss(banner)

    def dismiss(self, banner: Banner) -> None:
        shown = self.shown.pop(banner, None)
        if shown is not None and shown.timer is not None:
            shown.timer.stop()
            shown.timer.deleteLater()
        if shown is not None:
            banner.hide()

    def changed(self) -> None:
        """The engine's state changed: take down what belonged to the state before."""
        for banner, shown in list(self.shown.items()):
            if self.key_of(shown.scope) != shown.key:
                self.dismiss(banner)

    def clear(self) -> None:
        for banner in list(self.shown):
            self.dismiss(banner)

    def visible(self) -> list[tuple[str, str]]:
        """(state, title) of every message on screen, for tests and the autopilot."""
        return [(s.state, b.title.text()) for b, s in self.shown.items() if b.isVisible()]
