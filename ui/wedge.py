"""Keyboard-wedge scanners: an application-wide filter that tells a scanner burst from
typing and never lets the burst reach a text field.

A scanner "types" a whole barcode within a few milliseconds and ends it with Enter or Tab.
Each printable key is held back; if the next one follows within ``gap_ms`` the keys are a
burst. A burst of at least ``min_length`` characters ended by a terminator (or by silence,
for scanners that send none, when ``idle_end`` is set) is a scan; anything else is typing
and the held keys are replayed to the widget that had focus, in order.

What a burst *means* (AIM identifier, prefix/suffix, GS1 element strings) is decided by
the shared scan parser, ``hardware.framing.ScanFramer``, the same one serial scanners use.
``ui`` may not import ``hardware``, so the composition root passes a framer in; here it
is only a :class:`ScanParser`.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from ui.qt import QApplication, QEvent, QKeyEvent, QObject, Qt, QTimer, QWidget, is_alive

TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)


def classify(gaps_ms: list[float], length: int, gap_ms: float, min_length: int) -> bool:
    """True when keys with these gaps are a scanner burst (pure: unit-tested)."""
    return length >= min_length and all(g <= gap_ms for g in gaps_ms)


class ScanParser(Protocol):
    """What the wedge needs of a scan framer (``hardware.framing.ScanFramer`` fits):
    ``feed(text, now)`` returns the frames completed; a frame with a ``data`` attribute is
    a scan (``gs1`` its element strings or None), anything else was discarded."""

    def feed(self, data: str, now: float) -> Sequence[Any]: ...


class WedgeFilter(QObject):
    #: True while any filter replays held keys: every filter lets those through (a second
    #: filter would otherwise hold them again, and two could pass keys back and forth).
    replaying = False

    def __init__(
        self,
        on_scan: Callable[[str, object], None],
        framer: ScanParser,
        *,
        gap_ms: float = 35,
        min_length: int = 4,
        idle_end: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.on_scan = on_scan
        self.framer = framer
        self.discarded = 0
        self.gap_ms = gap_ms
        self.min_length = min_length
        self.idle_end = idle_end
        self.clock = clock
        self._held: list[tuple[QWidget | None, int, str, Qt.KeyboardModifier]] = []
        self._times: list[float] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._silence)
        self.scans = 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if WedgeFilter.replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(event, QKeyEvent) or not isinstance(obj, QWidget):
            return False
        # Key events travel focus widget → parents; look at each only once, at the target.
        focus = QApplication.focusWidget()
        if (focus is not None and obj is not focus) or (focus is None and not obj.isWindow()):
            return False
        mods = (
            event.modifiers()
            & ~Qt.KeyboardModifier.ShiftModifier
            & ~Qt.KeyboardModifier.KeypadModifier
        )
        if mods:
            return False
        now = self.clock() * 1000
        key = event.key()
        if key in TERMINATORS:
            if self._held and self._is_burst(now):
                data = "".join(t for _, _, t, _ in self._held)
                self._clear()
                self._deliver(data)
                return True
            self._replay()
            return False
        text = event.text()
        if not text or not text.isprintable():
            self._replay()
            return False
        if self._held and now - self._times[-1] > self.gap_ms:
            self._replay()  # too slow: what we held was typing
        self._held.append((QApplication.focusWidget(), key, text, event.modifiers()))
        self._times.append(now)
        self._timer.start(int(self.gap_ms) + 5)
        return True

    def _is_burst(self, now: float) -> bool:
        times = [*self._times, now]
        gaps = [b - a for a, b in itertools.pairwise(times)]
        return classify(gaps, len(self._held), self.gap_ms, self.min_length)

    def _silence(self) -> None:
        if self.idle_end and len(self._held) >= self.min_length and self._is_burst(self._times[-1]):
            data = "".join(t for _, _, t, _ in self._held)
            self._clear()
            self._deliver(data)
            return
        self._replay()

    def _deliver(self, burst: str) -> None:
        """Hand a burst, ended by a carriage return, to the shared parser."""
        for frame in self.framer.feed(burst + "\r", self.clock()):
            if hasattr(frame, "data"):
                self.scans += 1
                self.on_scan(str(frame.data), getattr(frame, "gs1", None))
            else:
                self.discarded += 1

    def _clear(self) -> None:
        self._held.clear()
        self._times.clear()
        self._timer.stop()

    def _replay(self) -> None:
        held = list(self._held)
        self._clear()
        if not held:
            return
        WedgeFilter.replaying = True
        try:
            for target, key, text, mods in held:
                if target is None or not is_alive(target):
                    continue  # the field went away (screen changed) while we held its keys
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, key, mods, text))
        finally:
            WedgeFilter.replaying = False
