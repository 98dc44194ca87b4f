"""Building the station window: the QApplication, theme, translations, the shell, the
keyboard-wedge filter; plus the demo's simulation panel, the visual autopilot and the
screenshot renderer. The composition root (``kiosk.cli.station``) wires devices in."""

from __future__ import annotations

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
from ui.qt import QApplication, QFontDatabase, QHBoxLayout, QLabel, Qt, QTimer, QWidget
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
    """A small window to play the devices: scan a badge/part/serial, tighten OK/NOK."""

    def __init__(
        self,
        scan: Callable[[str], Any],
        tighten: Callable[[bool], Any],
        samples: list[tuple[str, Any]],
    ) -> None:
        # A tool window that stays above the (possibly full-screen) station window.
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(self.tr("Demo devices"))
        lay = QHBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Scan:")))
        from ui.qt import QPushButton

        for text, data in samples:
            b = QPushButton(text)
            b.clicked.connect(lambda _=False, d=data: self._scan(scan, d))
            lay.addWidget(b)
        ok = QPushButton(self.tr("Tighten OK"))
        ok.clicked.connect(lambda: tighten(True))
        nok = QPushButton(self.tr("Tighten NOK"))
        nok.clicked.connect(lambda: tighten(False))
        lay.addWidget(ok)
        lay.addWidget(nok)

    @staticmethod
    def _scan(scan: Callable[[str], Any], data: str | Callable[[], str | None]) -> None:
        """``data`` is a fixed barcode, or makes one for the current step (None: nothing)."""
        value = data() if callable(data) else data
        if value:
            scan(value)


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
