"""Keyboard-wedge scanners: an application-wide filter that tells a scanner burst from
typing and never lets the burst reach a text field.

A scanner "types" a whole barcode within a few milliseconds and ends it with Enter or Tab.
Each printable key is held back; if the next one follows within ``gap_ms`` the keys are a
burst. A burst of at least ``min_length`` characters ended by a terminator (or by silence,
for scanners that send none, when ``idle_end`` is set) is a scan; anything else is typing
and the held keys are replayed to the widget that had focus, in order.

Nothing a scanner sends may be lost on the way: a scanner in keyboard mode presses Shift
for a capital (a key with no text of its own), AltGr or a dead key for characters of the
host's layout, and the keypad for digits. Modifier and dead keys pass through untouched
and never end a burst; a printable character counts whatever modifier produced it
(Shift, AltGr = GroupSwitch on X11 or Ctrl+Alt on Windows, Keypad); only a Ctrl or Meta
shortcut is typing. A composed character (dead key + letter) arrives as an input-method
commit and joins the burst like a key. Gaps are measured on the window system's event
time where it has one, so a busy GUI thread does not split a burst.

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

from ui.qt import (
    QApplication,
    QEvent,
    QInputMethodEvent,
    QKeyEvent,
    QObject,
    Qt,
    QTimer,
    QWidget,
    is_alive,
)

TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
#: keys that only change what the next key types: they carry no text and end nothing
MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_Mode_switch,
    }
)
_DEAD_FIRST, _DEAD_LAST = int(Qt.Key.Key_Dead_Grave), int(Qt.Key.Key_Dead_Longsolidusoverlay)


def is_modifier_or_dead(key: int) -> bool:
    """A key that carries no text by itself: Shift, AltGr, Caps Lock, a dead accent."""
    return key in MODIFIER_KEYS or _DEAD_FIRST <= int(key) <= _DEAD_LAST


def is_shortcut(mods: Qt.KeyboardModifier) -> bool:
    """Ctrl or Meta held, except Ctrl+Alt (that is AltGr on Windows): a shortcut, not text."""
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    alt = bool(mods & Qt.KeyboardModifier.AltModifier)
    meta = bool(mods & Qt.KeyboardModifier.MetaModifier)
    return meta or (ctrl and not alt)


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
        if WedgeFilter.replaying:
            return False
        kind = event.type()
        if kind == QEvent.Type.InputMethod:
            return self._composed(obj, event)
        if kind != QEvent.Type.KeyPress:
            return False
        if not isinstance(event, QKeyEvent) or not isinstance(obj, QWidget):
            return False
        if not self._at_target(obj):
            return False
        key = event.key()
        if is_modifier_or_dead(key):
            return False  # Shift before a capital, AltGr, a dead accent: the next key counts
        now = self._now(event)
        text = event.text()
        ends = key in TERMINATORS or text in ("\r", "\n", "\t")  # Linefeed too
        if ends and not is_shortcut(event.modifiers()):
            if self._held and self._is_burst(now):
                data = "".join(t for _, _, t, _ in self._held)
                self._clear()
                self._deliver(data)
                return True
            self._replay()
            return False
        if not text or not text.isprintable() or is_shortcut(event.modifiers()):
            self._replay()
            return False
        self._hold(QApplication.focusWidget(), key, text, event.modifiers(), now)
        return True

    @staticmethod
    def _at_target(obj: QWidget) -> bool:
        """Key events travel focus widget → parents; look at each only once, at the target."""
        focus = QApplication.focusWidget()
        return not (
            (focus is not None and obj is not focus) or (focus is None and not obj.isWindow())
        )

    def _now(self, event: QKeyEvent) -> float:
        """Milliseconds: the window system's time of the key where it gives one."""
        stamp = event.timestamp()
        return float(stamp) if stamp else self.clock() * 1000

    def _hold(
        self, target: QWidget | None, key: int, text: str, mods: Qt.KeyboardModifier, now: float
    ) -> None:
        if self._held and (now - self._times[-1] > self.gap_ms or now < self._times[-1]):
            self._replay()  # too slow (or another clock): what we held was typing
        self._held.append((target, key, text, mods))
        self._times.append(now)
        self._timer.start(int(self.gap_ms) + 5)

    def _composed(self, obj: QObject, event: QEvent) -> bool:
        """A dead key + letter composed by the input method joins a running burst."""
        if not isinstance(event, QInputMethodEvent) or not isinstance(obj, QWidget):
            return False
        text = event.commitString()
        if not self._held or not text or not text.isprintable() or event.preeditString():
            return False
        # composed within the burst: it takes the time of the key that ended it
        self._hold(obj, 0, text, Qt.KeyboardModifier.NoModifier, self._times[-1])
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
                if key == 0:  # a composed character: commit it as the input method did
                    ime = QInputMethodEvent()
                    ime.setCommitString(text)
                    QApplication.sendEvent(target, ime)
                    continue
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, key, mods, text))
        finally:
            WedgeFilter.replaying = False
