"""``kiosk run``, ``kiosk demo``, ``kiosk screenshots``, ``kiosk self-test``: the station
app's composition root (core + devices + sync + ui for one run).

Why one module of ~650 lines: the four commands share the wiring of one run (devices,
sync, shell, shutdown); splitting it would spread one composition over several files.
Rules do not live here: the tool policy is :mod:`kiosk.tool_policy`, the conversion of
driver results is :mod:`ui.devices`, the Qt checks are :mod:`ui.selftest`.

Threads: drivers and the sync coordinator call plain callbacks on their own threads; those
callbacks are :class:`ui.devices.StationSignals` methods, which re-emit them as queued Qt
signals, so the engine and the widgets are only ever touched on the GUI thread. The other
direction (what the torque tool should be set to) is the core's
:class:`kiosk.tool_policy.TorqueToolPolicy`, an engine listener, so it runs on the GUI
thread too.
"""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import logging
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hardware import Device, Scanner, TorqueTool
    from kiosk.config import Config, DeviceSettings
    from kiosk.engine import StationEngine
    from sync.client import SyncCoordinator
    from ui.devices import StationSignals

from kiosk.tool_policy import TorqueToolPolicy

log = logging.getLogger("kiosk.station")


def register(sub: Any) -> None:
    p = sub.add_parser("run", help="the station app, fullscreen by default")
    p.add_argument("--config", type=Path, default=None)
    p.add_argument("--windowed", action="store_true")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("demo", help="a throwaway demo station with virtual devices")
    p.add_argument("--autopilot", action="store_true", help="tap through units by itself")
    p.add_argument("--size", default=None, help="WxH (default: the screen, less the demo strip)")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("screenshots", help="render every screen with demo data to PNG")
    p.add_argument("outdir", type=Path)
    p.add_argument("--size", default="1920x1080", help="WxH, e.g. 1366x768 or 1080x1920")
    p.add_argument(
        "--language", choices=("en", "de", "es"), default=None, help="instead of the operator's"
    )
    p.set_defaults(func=cmd_screenshots)
    p = sub.add_parser("self-test", help="check database, assets, Qt plugins and config")
    p.add_argument("--config", type=Path, default=None)
    p.set_defaults(func=cmd_self_test)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError as err:
        raise SystemExit(f"kiosk: --size must look like 1920x1080, not {text!r}") from err
    return w, h


def _demo_station(root: Path) -> StationEngine:
    from kiosk.demo import seed_demo
    from kiosk.engine import StationEngine
    from kiosk.store import open_store

    store = open_store(root / "station.db")
    seed_demo(store, root / "media")
    return StationEngine(store)


# --- devices -----------------------------------------------------------------------------


#: The tool policy lives in the core (kiosk.tool_policy); the old name still works.
TorqueFollower = TorqueToolPolicy


@dataclass
class StationDevices:
    """The devices of one run, wired to the UI adapter; ``problems`` are entries that
    could not even be built (bad settings), shown as disconnected in the top bar."""

    scanners: list[Scanner] = field(default_factory=list)
    tools: list[TorqueTool] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def all(self) -> list[Device]:
        return [*self.scanners, *self.tools]

    def start(self) -> None:
        # Without require_open a missing port does not raise: the driver reports
        # "disconnected: <reason>" and keeps reconnecting in the background.
        for dev in self.all:
            try:
                dev.start()
            except Exception:
                log.exception("%s: could not start", dev.name)

    def stop(self) -> None:
        for dev in self.all:
            try:
                dev.stop()
            except Exception:
                log.exception("%s: could not stop cleanly", dev.name)


def open_devices(settings: Sequence[DeviceSettings], signals: StationSignals) -> StationDevices:
    """Build every configured device and connect its callbacks to ``signals`` (queued
    signals: the engine sees scans and tightenings on the GUI thread). Not started yet."""
    import hardware

    out = StationDevices()
    for entry in settings:
        try:
            dev = hardware.open_device(entry.kind, entry.url, **dict(entry.options))
        except hardware.DeviceError as err:
            log.error("%s %s: %s", entry.kind, entry.url, err)
            out.problems.append((entry.kind, f"{entry.url}: {err}"))
            continue
        dev.add_status_listener(signals.status_callback(entry.kind))
        if isinstance(dev, hardware.Scanner):
            dev.add_scan_listener(signals.on_scan_frame)
            out.scanners.append(dev)
        elif isinstance(dev, hardware.TorqueTool):
            dev.add_result_listener(signals.on_tightening)
            dev.add_unreadable_listener(signals.unreadable_callback(dev))
            out.tools.append(dev)
    return out


def _virtual_settings() -> list[DeviceSettings]:
    from kiosk.config import DeviceSettings

    return [
        DeviceSettings("scanner", "virtual:scanner"),
        DeviceSettings("torque", "virtual:torque"),
    ]


# --- one run -----------------------------------------------------------------------------


@dataclass
class Station:
    """Everything one run of the station holds; :meth:`close` releases it all."""

    engine: StationEngine
    signals: StationSignals
    devices: StationDevices
    torque: TorqueFollower
    shell: Any
    sync: SyncCoordinator | None = None
    extras: list[Any] = field(default_factory=list)

    def close(self) -> None:
        for extra in self.extras:
            with contextlib.suppress(Exception):
                extra.close()
        self.torque.stop()
        self.devices.stop()
        if self.sync is not None:
            self.sync.stop()
        with contextlib.suppress(Exception):
            self.shell.close()
        self.engine.store.close()


def build_station(
    engine: StationEngine,
    *,
    media_dir: Path,
    devices: Sequence[DeviceSettings],
    cfg: Config | None = None,
    size: tuple[int, int] | None = None,
    on_exit: Callable[[], None] | None = None,
) -> Station:
    """Wire engine, devices, sync and the shell together and start devices and sync.

    The window is not shown; the caller shows it (fullscreen or not) and runs the loop.
    """
    from hardware.framing import ScanFramer
    from ui.app import application, build_shell
    from ui.devices import StationSignals

    app = application()
    _warm_up_gs1()
    signals = StationSignals()
    opened = open_devices(devices, signals)
    sync_configured = bool(cfg is not None and cfg.bridge.url)
    shell = build_shell(
        engine,
        media_dir=media_dir,
        size=size,
        signals=signals,
        sync_configured=sync_configured,
        on_exit=on_exit or app.quit,
        scan_framer=ScanFramer,  # keyboard-wedge bursts parse like serial scans (AIM, GS1)
    )
    signals.connect_engine(engine)  # every tool result accounted for (stray, unreadable)
    torque = TorqueFollower(engine, opened.tools)
    station = Station(engine, signals, opened, torque, shell)
    for kind, reason in opened.problems:
        signals.device_changed.emit(kind, "error", reason)
    torque.start()
    opened.start()
    if cfg is not None and sync_configured:
        from sync.client import coordinator_from_config

        coordinator = coordinator_from_config(cfg, engine.store)
        coordinator.add_listener(signals.on_sync_status)
        coordinator.add_pull_listener(signals.on_master_data_pulled)
        signals.master_data_changed.connect(engine.master_data_changed)
        signals.on_sync_status(coordinator.status())
        coordinator.start()
        station.sync = coordinator
    from kiosk.cli import linelead  # line-lead mode's devices, bridge and diagnostics ports

    linelead.attach(station, cfg)
    return station


def _warm_up_gs1() -> None:
    # The first GS1 parse pays biip's import; pay it at start-up, not on the first scan.
    with contextlib.suppress(ImportError):
        import biip  # noqa: F401


def _exec(app: Any, station: Station | None = None) -> int:
    """Run the event loop; SIGTERM/SIGINT/SIGHUP end it so devices, sync and the store close.

    The handler only asks the loop to end (``QCoreApplication.exit``) and everything is
    closed after ``exec()`` has returned. It must not do more: Python runs it wherever it
    next gets control, e.g. inside a timer's slot in the middle of Qt delivering a round of
    timers; Qt 6's ``quit()`` would close every window right there, and under Wayland a
    SIGTERM in the first 0.1 s on screen then crashed Qt in the next timer it delivered
    (``QTimerInfoList::activateTimers`` → a deleted receiver; 9 runs in 12)."""
    from ui.app import wake_on_signals
    from ui.qt import QTimer

    def stop_on(signum: int, _frame: Any) -> None:
        name = signal.Signals(signum).name
        if not _stop_requested:
            log.info("stopping: %s received", name)
        _stop_requested.append(name)
        app.exit(0)

    previous = {sig: signal.signal(sig, stop_on) for sig in _QUIT_SIGNALS}
    try:
        unwake = wake_on_signals()
    except (ValueError, OSError):  # not the main thread: fall back to waking now and then
        wake = QTimer()
        wake.timeout.connect(lambda: None)
        wake.start(250)
        unwake = wake.stop
    # A stop that came while the station was starting (or before exec() below runs: exit()
    # does nothing then) ends the loop as soon as it runs.
    QTimer.singleShot(0, lambda: _stop_requested and app.exit(0))
    try:
        return int(app.exec())
    finally:
        unwake()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if station is not None:
            station.close()
            log.info("station stopped: devices, sync and database closed")


_QUIT_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
_stop_requested: list[str] = []


def _defer_stop_signals() -> None:
    """Until the event loop runs, a SIGTERM (systemctl stop during start) is noted and
    honoured as soon as the loop starts, so the station still closes cleanly."""

    _stop_requested.clear()

    def note(signum: int, _frame: Any) -> None:
        log.info("stop requested while starting: %s received", signal.Signals(signum).name)
        _stop_requested.append(signal.Signals(signum).name)

    for sig in _QUIT_SIGNALS:
        signal.signal(sig, note)


def cmd_run(args: argparse.Namespace) -> int:
    from kiosk.config import load_config
    from kiosk.engine import StationEngine
    from kiosk.errors import KioskError
    from kiosk.logs import setup_logging
    from kiosk.store import open_store
    from ui.app import application, display_problem

    # Logging first: why the station would not start is one line in kiosk.log and, through
    # stderr, in the journal.
    log_file = setup_logging()
    # A crash in Qt's C++ leaves the Python stack in the journal (stderr), not just "139".
    faulthandler.enable()
    _defer_stop_signals()
    problem = display_problem("kiosk run")
    if problem:
        print(problem, file=sys.stderr)
        log.error(
            "station cannot start: no display (neither WAYLAND_DISPLAY nor DISPLAY is set). "
            "Start it under a compositor (the station-kiosk service runs it under cage) or "
            "set QT_QPA_PLATFORM."
        )
        return 1
    from kiosk.cli.sync import provision_at_boot  # a provision.toml dropped in before start

    booted = provision_at_boot(args.config)
    if booted is not None and not booted["ok"]:
        print(f"kiosk: provisioning failed: {booted['error']}", file=sys.stderr)
        log.error("provisioning at start failed: %s", booted["error"])
    try:
        cfg = load_config(args.config)
        log.info("station %s starting (config %s, log %s)", cfg.station.id, cfg.source, log_file)
        store = open_store(cfg.database_path)
    except KioskError as err:
        log.error("station cannot start: %s", err)
        return _show_start_problem(str(err))
    try:
        engine = StationEngine(store, idle_lock_s=cfg.station.idle_lock_s)
        app = application()
        station = build_station(engine, media_dir=cfg.media_dir, devices=cfg.devices, cfg=cfg)
    except BaseException:
        store.close()
        raise
    if args.windowed:
        station.shell.show()
    else:
        from ui.qt import Qt

        station.shell.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        station.shell.showFullScreen()
    log.info("station %s on screen (Qt platform %s)", cfg.station.id, app.platformName())
    _log_first_frame(station.shell)
    return _exec(app, station)


def _log_first_frame(widget: Any) -> None:
    """One line when the station's first frame is painted, with the time since the process
    started: IT's start-up figure in the journal (and the package test's)."""
    import time

    import psutil

    from ui.qt import QEvent, QObject

    started = psutil.Process().create_time()

    class FirstFrame(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                log.info(
                    "first frame painted, %.0f ms after the process started",
                    (time.time() - started) * 1000,
                )
            return False

    watcher = FirstFrame(widget)
    widget.installEventFilter(watcher)


def _show_start_problem(text: str) -> int:
    """On a real screen the operator sees why the station is not there (a database from a
    newer version, a failed migration), instead of a dark screen and a restart loop: the
    sentence stays up until the station is stopped. Headless (offscreen) it just fails."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return 1
    from ui.app import application
    from ui.qt import QLabel, Qt, translate

    app = application()
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("font-size: 26pt; padding: 80px; background: #1d1d1d; color: #ffffff;")
    label.setText(
        translate("StartProblem", "This station cannot start.")
        + "\n\n"
        + text
        + "\n\n"
        + translate("StartProblem", "Call IT. The same sentence is in the station's log.")
    )
    label.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    label.showFullScreen()
    log.info("station cannot start: the reason is on screen until the station is stopped")
    _exec(app)
    return 1


@contextlib.contextmanager
def demo_station(
    root: Path, size: tuple[int, int] | None = None, on_exit: Callable[[], None] | None = None
) -> Iterator[Station]:
    """A seeded throwaway station in ``root`` on virtual devices, wired like ``kiosk run``."""
    engine = _demo_station(root)
    try:
        station = build_station(
            engine,
            media_dir=root / "media",
            devices=_virtual_settings(),
            size=size,
            on_exit=on_exit,
        )
    except BaseException:
        engine.store.close()
        raise
    try:
        yield station
    finally:
        station.close()


def demo_inputs(station: Station) -> tuple[Callable[[str], Any], Callable[[bool | None], Any]]:
    """(scan, tighten) for the demo panel and the visual autopilot: through the virtual
    scanner and tool, so the path is the one real devices take (adapter → queued signal)."""
    from hardware.virtual import VirtualScanner, VirtualTorqueTool

    scanner = next(s for s in station.devices.scanners if isinstance(s, VirtualScanner))
    tool = next(t for t in station.devices.tools if isinstance(t, VirtualTorqueTool))

    def scan(data: str) -> Any:
        return scanner.scan(data)

    def tighten(ok: bool | None = None) -> Any:
        return tool.trigger(ok)

    return scan, tighten


def cmd_demo(args: argparse.Namespace) -> int:
    from kiosk.demo import demo_badges
    from ui.app import (
        DemoPanel,
        VisualAutopilot,
        application,
        demo_screen,
        demo_station_size,
        display_problem,
        dock_demo,
    )

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from kiosk.logs import setup_logging

    log.info("demo station starting (log %s)", setup_logging())
    app = application()
    area = demo_screen()
    # The panel first (its callbacks reach the station once it exists), so the station can
    # be sized to leave the panel's strip free: the panel never covers the station.
    inputs: list[Any] = []
    engine_box: list[Any] = []
    samples: list[tuple[str, Any]] = [
        ("Right part", lambda: _right_part(engine_box[0])() if engine_box else None),
        *demo_badges(),
        ("Wrong part", "XYZ-1"),
    ]
    panel = DemoPanel(
        lambda d: inputs[0](d) if inputs else None,
        lambda ok: inputs[1](ok) if inputs else None,
        samples,
        width=area[2],
    )
    size = demo_station_size(panel, area, _size(args.size) if args.size else None)
    with (
        tempfile.TemporaryDirectory(prefix="kiosk-demo-") as tmp,
        demo_station(Path(tmp), size) as station,
    ):
        engine_box.append(station.engine)
        scan, tighten = demo_inputs(station)
        inputs.extend([scan, tighten])
        station.shell.show()
        panel.show()
        dock_demo(panel, station.shell, area)  # shown: the window frames are known
        station.extras.append(panel)
        if args.autopilot:
            pilot = VisualAutopilot(
                station.engine, scan, lambda r: tighten(bool(r.get("ok", True)))
            )
            pilot.start()
            station.extras.append(pilot.timer)
        return _exec(app)


def _right_part(engine: Any) -> Callable[[], str | None]:
    """A barcode of the part the current scan step needs (the autopilot's generator), so a
    person can run a whole unit in the demo without a real scanner."""
    import random

    from kiosk.autopilot import SimulatedInputs
    from kiosk.domain import StepKind

    inputs = SimulatedInputs(random.Random())

    def make() -> str | None:
        view = engine.step_view()
        rev = engine.revision
        if view is None or rev is None or view.step.kind != StepKind.SCAN:
            return None
        item = rev.component(view.step.spec.get("part", ""))
        return inputs.barcode(item) if item is not None else None

    return make


def cmd_screenshots(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import build_shell
    from ui.screenshots import render_all

    size = _size(args.size)
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        engine = _demo_station(Path(tmp))
        shell = build_shell(engine, media_dir=Path(tmp) / "media", size=size, wedge=False)
        shell.show()
        files = render_all(shell, args.outdir, language=args.language)
        from kiosk.cli.linelead import render_screenshots  # linelead branch

        files += render_screenshots(shell, args.outdir, len(files) + 1, Path(tmp) / "linelead")
        shell.close()
        engine.store.close()
    for f in files:
        print(f)
    return 0


# --- self-test -----------------------------------------------------------------------------


def _no_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class _Checks:
    def __init__(self) -> None:
        self.lines: list[tuple[bool, str]] = []

    def ok(self, text: str) -> None:
        self.lines.append((True, text))

    def fail(self, text: str) -> None:
        self.lines.append((False, text))

    @property
    def failed(self) -> bool:
        return any(not ok for ok, _ in self.lines)


def _check_database(path: Path, checks: _Checks) -> None:
    from kiosk.errors import KioskError
    from kiosk.store import open_store

    if path.exists():
        try:
            store = open_store(path, migrate=False)
            try:
                report = store.check()
            finally:
                store.close()
        except KioskError as err:
            checks.fail(f"database: {path}: {err}")
            return
        if report.integrity != "ok":
            checks.fail(f"database: {path}: integrity check says {report.integrity}")
        elif report.schema_version != report.expected_version:
            checks.ok(
                f"database: {path} opens (schema {report.schema_version}; the next start "
                f"migrates it to {report.expected_version})"
            )
        else:
            checks.ok(f"database: {path} opens, integrity ok, {report.events} events")
        return
    # Not created yet: create a scratch database beside it (runs every migration), then
    # remove it, so the first real start cannot fail on permissions or a missing migration.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, scratch_name = tempfile.mkstemp(
            prefix=".kiosk-self-test-", suffix=".db", dir=path.parent
        )
        os.close(fd)
    except OSError as err:
        checks.fail(f"database: cannot create {path}: {err.strerror or err}")
        return
    scratch = Path(scratch_name)
    try:
        scratch.unlink()
        store = open_store(scratch)
        store.close()
        checks.ok(f"database: {path} not created yet; a database can be created there")
    except KioskError as err:
        checks.fail(f"database: cannot create {path}: {err}")
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(scratch) + suffix).unlink(missing_ok=True)


def _check_assets(checks: _Checks) -> None:
    from importlib import resources

    from kiosk.paths import assets_dir
    from kiosk.store.db import MIGRATIONS

    root = assets_dir()
    missing = [
        rel
        for rel in (
            "i18n/kiosk_es.qm",
            "i18n/kiosk_de.qm",
            "i18n/refusals_es.qm",
            "i18n/refusals_de.qm",
            "demo/masterdata.json",
        )
        if not (root / rel).is_file()
    ]
    for rel in missing:
        checks.fail(f"assets: {root / rel} is missing")
    try:
        from kiosk.package import load_package

        loaded = load_package(root / "demo" / "package")
        checks.ok(f"assets: demo package {loaded.revision.key} ({len(loaded.media)} media)")
    except Exception as err:  # PackageError lists the problems; anything else is a gap too
        checks.fail(f"assets: the demo package does not load: {str(err).splitlines()[0]}")
    schemas = resources.files("sync.protocol").joinpath("schemas")
    if not schemas.joinpath("instruction-package.v1.json").is_file():
        checks.fail("assets: sync/protocol/schemas/instruction-package.v1.json is missing")
    if not list((MIGRATIONS / "versions").glob("*.py")):
        checks.fail(f"assets: no database migrations in {MIGRATIONS / 'versions'}")
    if not missing:
        checks.ok(f"assets: {root}")


def _check_qt(checks: _Checks) -> None:
    # The Qt checks live in ui (no PySide6 import outside ui/).
    from ui.selftest import check_media, check_qt

    check_qt(checks)
    if not checks.failed:
        check_media(checks, *_demo_media())


def _demo_media() -> tuple[Path | None, Path | None]:
    """The demo package's first video and first PDF (the media the bundle must show)."""
    import json

    from kiosk.paths import assets_dir

    package = assets_dir() / "demo" / "package"
    found: dict[str, Path] = {}
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        document = json.loads((package / "package.json").read_text(encoding="utf-8"))
        for step in document["document"]["steps"]:
            for media in step.get("media", []):
                found.setdefault(media["type"], package / media["file"])
    return found.get("video"), found.get("pdf")


def cmd_self_test(args: argparse.Namespace) -> int:
    """What an installer smoke test needs: config, database, assets, Qt. Exit 0 or 1."""
    if _no_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from kiosk.config import load_config
    from kiosk.errors import KioskError

    checks = _Checks()
    cfg = None
    try:
        cfg = load_config(args.config)
        checks.ok(f"config: {cfg.source or 'defaults (no file)'}; station {cfg.station.id}")
    except KioskError as err:
        checks.fail(f"config: {err}")
    if cfg is not None:
        _check_database(cfg.database_path, checks)
        for d in cfg.devices:
            try:
                from hardware import DeviceError, open_device

                open_device(d.kind, d.url, **dict(d.options))
            except DeviceError as err:
                checks.fail(f"device {d.kind} {d.url}: {err}")
    _check_assets(checks)
    _check_qt(checks)
    for ok, line in checks.lines:
        print(("ok   " if ok else "FAIL ") + line)
    return 1 if checks.failed else 0
