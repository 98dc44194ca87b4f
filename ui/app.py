"""Building the station window: the QApplication, theme, translations, the shell, the
keyboard-wedge filter; plus the demo's simulation panel, the visual autopilot and the
screenshot renderer. The composition root (``kiosk.cli.station``) wires devices in."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kiosk.engine import StationEngine
from kiosk.paths import assets_dir
from ui import theme
from ui.devices import StationSignals
from ui.i18n import Translations
from ui.qt import QApplication, QFontDatabase, QLabel, QSocketNotifier, Qt, QTimer, QWidget
from ui.shell import Shell
from ui.wedge import ScanParser, WedgeFilter

log = logging.getLogger("ui.app")


def display_problem(command: str = "kiosk demo") -> str | None:
    """Why no window can open here (no display and no QT_QPA_PLATFORM), else None.

    ``command`` is how the user started us (``./dev demo`` sets ``KIOSK_LAUNCHER``), so the
    advice can be pasted as is."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    command = os.environ.get("KIOSK_LAUNCHER") or command
    return (
        "No display found. To see the station here, run it under a virtual display:\n"
        f"  xvfb-run -a {command}\n"
        "or render its screens to PNG files without a window:\n"
        "  QT_QPA_PLATFORM=offscreen kiosk screenshots shots/"
    )


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Station kiosk")
    for font in (assets_dir() / "fonts").glob("*.ttf"):
        QFontDatabase.addApplicationFont(str(font))
    return app


def wake_on_signals() -> Callable[[], None]:
    """Let a POSIX signal (systemctl stop's SIGTERM) wake Qt's event loop at once.

    Python runs a signal handler only when it next runs bytecode, and Qt's loop sits in C++:
    the C handler writes the signal's number to a socket (``signal.set_wakeup_fd``) that a
    QSocketNotifier watches, so a Python slot runs at the top of the event loop and the
    handler with it. Returns the function that undoes it. Main thread only."""
    import signal
    import socket

    read, write = socket.socketpair()
    read.setblocking(False)
    write.setblocking(False)
    previous = signal.set_wakeup_fd(write.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(read.fileno(), QSocketNotifier.Type.Read)

    def drain() -> None:
        with contextlib.suppress(OSError):
            read.recv(512)  # signal numbers; the handlers themselves run as Python resumes

    notifier.activated.connect(drain)

    def undo() -> None:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous)
        read.close()
        write.close()

    return undo


def build_shell(
    engine: StationEngine,
    *,
    media_dir: Path,
    size: tuple[int, int] | None = None,
    signals: StationSignals | None = None,
    sync_configured: bool = False,
    on_exit: Callable[[], None] | None = None,
    wedge: bool = True,
    scan_framer: Callable[[], ScanParser] | None = None,
) -> Shell:
    """The station's shell, themed for its screen; a keyboard-wedge filter is installed
    that hands bursts to ``scan_framer()`` (the composition root passes
    ``hardware.framing.ScanFramer``)."""
    app = application()
    if size is None:
        geo = app.primaryScreen().geometry()
        size = (geo.width(), geo.height())
    m = theme.metrics_for(*size)
    theme.apply(app, m)
    translations = Translations(assets_dir() / "i18n")
    shell = Shell(
        engine,
        m,
        media_dir=media_dir,
        signals=signals,
        translations=translations,
        sync_configured=sync_configured,
        on_exit=on_exit,
    )
    shell.resize(*size)
    if wedge:
        if scan_framer is None:
            # Until every caller passes the shared parser: bursts reach the engine as typed
            # (no AIM/GS1 parsing). Logged so a station set up this way is noticed.
            log.warning("no scan framer given: wedge scans are not parsed (AIM, GS1)")
            framer: ScanParser = _Unparsed()
        else:
            framer = scan_framer()
        shell.wedge = WedgeFilter(shell.handle_scan, framer)
        app.installEventFilter(shell.wedge)
    return shell


class _Unparsed:
    """A burst as one scan, unparsed (see ``build_shell``)."""

    def feed(self, data: str, now: float) -> list[Any]:
        from types import SimpleNamespace

        text = data.rstrip("\r\n")
        return [SimpleNamespace(data=text, gs1=None)] if text else []


class DemoPanel(QWidget):
    """A strip of buttons to play the devices: scan a badge/part/serial, tighten OK/NOK.
    It docks below the station window, never over it (:func:`dock_demo`)."""

    def __init__(
        self,
        scan: Callable[[str], Any],
        tighten: Callable[[bool], Any],
        samples: list[tuple[str, Any]],
        width: int = 1920,
    ) -> None:
        super().__init__(None, Qt.WindowType.Tool)
        self.setWindowTitle(self.tr("Demo devices"))
        # a developer's tool, not the operator's: small and plain, whatever the theme says
        self.setObjectName("DemoPanel")
        self.setStyleSheet(
            "#DemoPanel, #DemoPanel * { font-size: 15px; }"
            " #DemoPanel QPushButton { min-height: 28px; min-width: 0; padding: 2px 8px; }"
        )
        from ui.qt import QGridLayout, QPushButton

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setSpacing(4)
        buttons: list[QWidget] = [QLabel(self.tr("Scan:"))]
        for text, data in samples:
            b = QPushButton(text)
            b.clicked.connect(lambda _=False, d=data: self._scan(scan, d))
            buttons.append(b)
        ok = QPushButton(self.tr("Tighten OK"))
        ok.clicked.connect(lambda: tighten(True))
        nok = QPushButton(self.tr("Tighten NOK"))
        nok.clicked.connect(lambda: tighten(False))
        buttons += [ok, nok]
        # as many per row as fit the screen's width: the strip wraps, never runs off it
        widths = [w.sizeHint().width() + grid.spacing() for w in buttons]
        per_row = max(1, min(len(buttons), (width - 12) // max(widths)))
        for i, w in enumerate(buttons):
            grid.addWidget(w, i // per_row, i % per_row)
        self.buttons = buttons

    @staticmethod
    def _scan(scan: Callable[[str], Any], data: str | Callable[[], str | None]) -> None:
        """``data`` is a fixed barcode, or makes one for the current step (None: nothing)."""
        value = data() if callable(data) else data
        if value:
            scan(value)


def demo_screen() -> tuple[int, int, int, int]:
    """(x, y, width, height) of the screen's free area the demo may use."""
    app = application()
    screen = app.primaryScreen()
    geo = screen.availableGeometry()
    return geo.x(), geo.y(), geo.width(), geo.height()


def dock_demo(panel: QWidget, shell: QWidget, area: tuple[int, int, int, int]) -> None:
    """The station at the top of ``area``, the panel in its own strip below it: the
    station was sized to leave the strip free (:func:`demo_station_size`)."""
    x, y, w, h = area
    panel.ensurePolished()
    # window frames (a window manager's, or none) count: place by the frame's rectangle
    frame_w = max(0, panel.frameGeometry().width() - panel.width())
    frame_h = max(0, panel.frameGeometry().height() - panel.height())
    panel_h = panel.sizeHint().height()
    panel.setFixedSize(w - frame_w, panel_h)
    shell.move(x, y)
    panel.move(x, y + h - panel_h - frame_h)
    top = panel.frameGeometry().top()
    extra_w = max(0, shell.frameGeometry().width() - shell.width())
    extra_h = max(0, shell.frameGeometry().height() - shell.height())
    # the station's frame inside the area, above the strip (the theme may have grown it)
    shell.resize(min(shell.width(), w - extra_w), min(shell.height(), top - y - extra_h))


def demo_station_size(
    panel: QWidget, area: tuple[int, int, int, int], wanted: tuple[int, int] | None
) -> tuple[int, int]:
    """The station's size: what was asked for (``--size``) or the whole area, less the
    demo strip's height, and never larger than the screen."""
    _x, _y, w, h = area
    room = (w, max(200, h - panel.sizeHint().height() - 4))
    if wanted is None:
        return room
    return min(wanted[0], room[0]), min(wanted[1], room[1])


class VisualAutopilot:
    """Taps through units on screen, one action per timer tick (the core's autopilot
    operator, slowed down so a person can watch)."""

    def __init__(
        self,
        engine: StationEngine,
        scan: Callable[[str], Any],
        tighten: Callable[[dict[str, Any]], Any],
        interval_ms: int = 400,
        seed: int = 1,
    ) -> None:
        import random

        from kiosk.autopilot import SimulatedInputs, default_operator

        self.pilot = default_operator(engine, SimulatedInputs(random.Random(seed)))
        self.pilot.scan = scan
        self.pilot.tighten = tighten
        self._actions: Iterator[str] | None = None
        self.units = 0
        self.timer = QTimer()
        self.timer.timeout.connect(self.step)
        self.interval_ms = interval_ms

    def start(self) -> None:
        self.timer.start(self.interval_ms)

    def step(self) -> str:
        if self._actions is None:
            self._actions = self.pilot.actions()
            self.units += 1
        try:
            return next(self._actions)
        except StopIteration:
            self._actions = None
            return "unit_done"
