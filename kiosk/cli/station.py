"""``kiosk run``, ``kiosk demo``, ``kiosk screenshots``, ``kiosk self-test``: the station
app's composition root (core + devices + sync + ui for one run)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("run", help="the station app, fullscreen by default")
    p.add_argument("--config", type=Path, default=None)
    p.add_argument("--windowed", action="store_true")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("demo", help="a throwaway demo station with virtual devices")
    p.add_argument("--autopilot", action="store_true", help="tap through units by itself")
    p.add_argument("--size", default="1920x1080")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("screenshots", help="render every screen with demo data to PNG")
    p.add_argument("outdir", type=Path)
    p.add_argument("--size", default="1920x1080", help="WxH, e.g. 1366x768 or 1080x1920")
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


def _demo_station(root: Path) -> Any:
    from kiosk.demo import seed_demo
    from kiosk.engine import StationEngine
    from kiosk.store import open_store

    store = open_store(root / "station.db")
    seed_demo(store, root / "media")
    return StationEngine(store)


def _open_devices(cfg: Any, signals: Any) -> list[Any]:
    """Open the configured (or virtual) scanner and torque tool; wire them to ``signals``."""
    import hardware

    devices = []
    for kind in ("scanner", "torque"):
        settings = cfg.device(kind) if cfg is not None else None
        url, options = (settings.url, dict(settings.options)) if settings else ("virtual:", {})
        dev = hardware.open_device(kind, url, **options)
        dev.add_status_listener(signals.status_callback(kind))
        if kind == "scanner":
            dev.add_scan_listener(signals.on_scan_frame)
        else:
            dev.add_result_listener(signals.on_tightening)

            def control(enabled: bool, pset: int | None, dev: Any = dev) -> None:
                if pset is not None:
                    dev.select_pset(pset)
                (dev.enable if enabled else dev.disable)()

            signals.set_torque_control(control)
        devices.append(dev)
    return devices


def _run_window(
    engine: Any,
    media_dir: Path,
    *,
    cfg: Any,
    fullscreen: bool,
    size: tuple[int, int] | None,
    demo: bool,
    autopilot: bool,
) -> int:
    from ui.app import DemoPanel, VisualAutopilot, application, build_shell, display_problem
    from ui.devices import StationSignals

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    app = application()
    signals = StationSignals()
    devices = _open_devices(cfg, signals)
    shell = build_shell(
        engine,
        media_dir=media_dir,
        size=size,
        signals=signals,
        sync_configured=bool(cfg and cfg.bridge.url),
        on_exit=app.quit,
    )
    for dev in devices:
        dev.start()
    if fullscreen:
        from ui.qt import Qt

        shell.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        shell.showFullScreen()
    else:
        shell.show()
    keep: list[Any] = []
    if demo:
        scanner, tool = devices

        def tighten(ok: bool) -> None:
            tool.trigger(ok)

        samples = [
            ("Maria B1001", "B1001"),
            ("Tom (lead) B2001", "B2001"),
            ("Aiko (QA) B3001", "B3001"),
            ("Wrong part", "XYZ-1"),
        ]
        panel = DemoPanel(scanner.scan, tighten, samples)
        panel.move(shell.x(), shell.y() + shell.height() + 10)
        panel.show()
        keep.append(panel)
        if autopilot:
            pilot = VisualAutopilot(engine, scanner.scan, lambda r: tool._deliver(_result(r)))
            pilot.start()
            keep.append(pilot)
    try:
        return app.exec()
    finally:
        for dev in devices:
            dev.stop()


def _result(r: dict[str, Any]) -> Any:
    from hardware.model import TighteningResult

    return TighteningResult(
        ok=r["ok"],
        torque=r["torque"],
        angle=r.get("angle"),
        pset=r.get("pset"),
        tightening_id=r.get("tightening_id"),
    )


def cmd_run(args: argparse.Namespace) -> int:
    from kiosk.config import load_config
    from kiosk.engine import StationEngine
    from kiosk.store import open_store

    cfg = load_config(args.config)
    store = open_store(cfg.database_path)
    engine = StationEngine(store, idle_lock_s=cfg.station.idle_lock_s)
    return _run_window(
        engine,
        cfg.media_dir,
        cfg=cfg,
        fullscreen=not args.windowed,
        size=None,
        demo=False,
        autopilot=False,
    )


def cmd_demo(args: argparse.Namespace) -> int:
    from ui.app import display_problem

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="kiosk-demo-") as tmp:
        engine = _demo_station(Path(tmp))
        return _run_window(
            engine,
            Path(tmp) / "media",
            cfg=None,
            fullscreen=False,
            size=_size(args.size),
            demo=True,
            autopilot=args.autopilot,
        )


def cmd_screenshots(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import build_shell
    from ui.screenshots import render_all

    size = _size(args.size)
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        engine = _demo_station(Path(tmp))
        shell = build_shell(engine, media_dir=Path(tmp) / "media", size=size, wedge=False)
        shell.show()
        files = render_all(shell, args.outdir)
        shell.close()
        engine.store.close()
    for f in files:
        print(f)
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    problems: list[str] = []
    checks: list[str] = []
    from kiosk.config import load_config
    from kiosk.errors import KioskError
    from kiosk.paths import assets_dir

    cfg = None
    try:
        cfg = load_config(args.config)
        checks.append(f"config: {cfg.source or 'defaults'}")
    except KioskError as err:
        problems.append(f"config: {err}")
    if cfg is not None and cfg.database_path.exists():
        try:
            from kiosk.store import open_store

            store = open_store(cfg.database_path, migrate=False)
            report = store.check()
            store.close()
            checks.append(f"database: {cfg.database_path} ok")
            if hasattr(report, "ok") and not report.ok:
                problems.append(f"database: {report}")
        except KioskError as err:
            problems.append(f"database: {err}")
    else:
        checks.append("database: not created yet (first run creates it)")
    for rel in ("i18n/kiosk_es.qm", "i18n/kiosk_de.qm", "demo/package/package.json"):
        if not (assets_dir() / rel).exists():
            problems.append(f"assets: {rel} is missing")
    try:
        import PySide6.QtWidgets  # noqa: F401

        from ui import qt

        app = qt.QApplication.instance() or qt.QApplication([])
        checks.append(f"Qt platform: {app.platformName()}")
        mm, _, why = qt.multimedia()
        (checks if mm else problems).append("QtMultimedia: " + ("ok" if mm else why))
        pdf, why = qt.pdf()
        (checks if pdf else problems).append("QtPdf: " + ("ok" if pdf else why))
        if "jpeg" not in [bytes(f).decode() for f in qt.QImageReader.supportedImageFormats()]:
            problems.append("Qt image plugins: JPEG support is missing")
    except ImportError as err:
        problems.append(f"Qt: {err}")
    for line in checks:
        print("ok   " + line)
    for line in problems:
        print("FAIL " + line)
    return 1 if problems else 0
