"""Line-lead mode's reach outside the core: devices, the bridge, the diagnostics builder.

:func:`build_ports` gives ``ui.linelead`` a :class:`kiosk.linelead.LineLeadPorts` of plain
callbacks, so the screens never import ``hardware`` or ``sync``. The sentences for a
bridge test are ``kiosk provision``'s own (:mod:`kiosk.cli.sync`), and the diagnostics
bundle is ``kiosk diagnostics``'s builder (:mod:`kiosk.cli.diagnostics`).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.errors import RuleViolation
from kiosk.linelead import DeviceEvent, DeviceTest, LineLeadPorts, garbled
from kiosk.refusals import refusal

if TYPE_CHECKING:
    from hardware import Device
    from kiosk.config import Config
    from kiosk.store import Store
    from sync.client import SyncCoordinator

log = logging.getLogger("kiosk.linelead")


# --- bridge ------------------------------------------------------------------------------


def test_bridge(url: str, station: str, token_file: str, ca_file: str) -> tuple[bool, str]:
    """Ask the bridge as ``kiosk provision`` does; (ok, the sentence it would print)."""
    from kiosk.cli.sync import ProvisionFailed, _check_bridge, _token_from

    try:
        if not url.strip():
            raise ProvisionFailed(2, "the bridge URL is empty: it must look like https://host:port")
        token, _path = _token_from(token_file)
        if ca_file:
            from sync.client import TlsFailed, check_ca_file

            try:
                check_ca_file(ca_file)
            except TlsFailed as err:
                raise ProvisionFailed(7, str(err)) from err
        answer = _check_bridge(url.strip().rstrip("/"), station, token, ca_file or None)
    except ProvisionFailed as err:
        return False, _sentence(str(err))
    skew = answer.get("clock_skew_s")
    said = f"the bridge at {url} accepts this station's token for {station}"
    if isinstance(skew, (int, float)):
        said += f"; the station clock is {skew:+.1f} s off the bridge's"
    return True, _sentence(said)


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "."


# --- devices -----------------------------------------------------------------------------


def _scan_event(frame: Any) -> DeviceEvent:
    raw = bytes(getattr(frame, "raw", b"") or b"")
    if garbled(raw):
        return DeviceEvent(
            "garbage",
            "Unreadable bytes arrived: the serial settings (baud rate, parity, data bits) "
            "do not match the scanner's.",
            (("raw", raw[:40].hex(" ")),),
        )
    fields: list[tuple[str, str]] = [("data", frame.data.replace("\x1d", "<GS>"))]
    if frame.symbology or frame.aim:
        fields.append(("symbology", f"{frame.symbology or ''} {frame.aim or ''}".strip()))
    for ai, value in (frame.gs1 or {}).items():
        fields.append((f"AI ({ai})", str(value)))
    if frame.gs1_error:
        fields.append(("GS1", frame.gs1_error))
    return DeviceEvent("scan", frame.data.replace("\x1d", "<GS>"), tuple(fields))


def _tightening_event(result: Any) -> DeviceEvent:
    def g(name: str) -> Any:
        return getattr(result, name, None)

    verdict = {True: "OK", False: "NOK"}.get(g("ok"), "no verdict")
    fields: list[tuple[str, str]] = [("verdict", verdict)]
    if g("torque") is not None:
        fields.append(("torque", f"{g('torque'):g} {g('unit') or ''}".strip()))
    if g("angle") is not None:
        fields.append(("angle", f"{g('angle'):g}°"))
    for name in ("pset", "tightening_id", "vin", "controller_id", "spindle"):
        if g(name) is not None:
            fields.append(("identifier" if name == "vin" else name, str(g(name))))
    torque = f"{g('torque'):g} {g('unit') or ''}" if g("torque") is not None else "—"
    return DeviceEvent("tightening", f"{verdict} {torque}".strip(), tuple(fields))


class _LiveTest(DeviceTest):
    def __init__(self, device: Device, resume: Callable[[], None]) -> None:
        self.device = device
        self._resume = resume
        self._stopped = False

    def select_pset(self, pset: int) -> None:
        self._tool().select_pset(pset)

    def enable_tool(self) -> None:
        self._tool().enable()

    def disable_tool(self) -> None:
        self._tool().disable()

    def _tool(self) -> Any:
        from hardware import DeviceError, TorqueTool

        if not isinstance(self.device, TorqueTool):
            raise refusal("not_a_tool")
        try:
            return self.device
        except DeviceError as err:  # pragma: no cover - attribute access cannot fail
            raise refusal("device_error", detail=err.message, next=err.next_action) from err

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        with contextlib.suppress(Exception):
            self.device.stop()
        self._resume()


def start_device_test(
    kind: str,
    url: str,
    options: dict[str, Any],
    on_event: Callable[[DeviceEvent], None],
    *,
    station_devices: Sequence[Device] = (),
) -> DeviceTest:
    """Open ``url`` as a ``kind`` and report what arrives. A device the station itself runs
    on that port is paused for the test and started again when it ends."""
    import hardware

    paused = [d for d in station_devices if d.url == url.strip()]
    for d in paused:
        with contextlib.suppress(Exception):
            d.stop()

    def resume() -> None:
        for d in paused:
            try:
                d.start()
            except Exception:
                log.exception("%s: could not start again after the live test", d.name)

    opts = dict(options)
    if kind == "torque" and opts.get("protocol", "open-protocol") == "open-protocol":
        opts.setdefault("enabled", True)
    try:
        device = hardware.open_device(kind, url.strip(), **opts)
    except hardware.DeviceError as err:
        resume()
        raise refusal("device_settings", detail=err.message, next=err.next_action) from err
    if isinstance(device, hardware.Scanner):
        device.add_scan_listener(lambda f: on_event(_scan_event(f)))
    if isinstance(device, hardware.TorqueTool):
        device.add_result_listener(lambda r: on_event(_tightening_event(r)))
        device.add_unreadable_listener(
            lambda u: on_event(DeviceEvent("garbage", f"Unreadable result: {u.reason}"))
        )
    device.add_status_listener(
        lambda s: on_event(DeviceEvent("status", f"{s.state}: {s.reason}".rstrip(": ")))
    )
    device.add_error_listener(lambda e: on_event(_error_event(e)))
    try:
        device.start(require_open=True)
    except hardware.DeviceError as err:
        with contextlib.suppress(Exception):
            device.stop()
        resume()
        raise refusal("device_unavailable", detail=err.message, next=err.next_action) from err
    return _LiveTest(device, resume)


def _error_event(err: Any) -> DeviceEvent:
    fields: tuple[tuple[str, str], ...] = ()
    code = getattr(err, "code", None)
    if code:
        fields = (("code", str(code)),)
    text = getattr(err, "message", str(err))
    nxt = getattr(err, "next_action", "")
    return DeviceEvent("error", f"{text} {nxt}".strip(), fields)


# --- diagnostics -------------------------------------------------------------------------


def write_diagnostics(
    cfg: Config, folder: Path, sync_status: Callable[[], dict[str, Any]] | None = None
) -> Path:
    """``kiosk diagnostics``'s bundle into ``folder``; a full or read-only stick raises
    OSError with a sentence and leaves no half-written file behind."""
    from datetime import datetime

    from kiosk.cli.diagnostics import write_bundle

    if not folder.is_dir():
        raise OSError(errno.ENOENT, f"The folder {folder} does not exist (is the stick in?).")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = folder / f"diagnostics-{cfg.station.id}-{stamp}.zip"
    partial = out.with_name(out.name + ".partial")
    try:
        status = sync_status() if sync_status else {}
        return write_bundle(cfg, out, sync_status=status)
    except OSError as err:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            out.unlink(missing_ok=True)
        if err.errno in (errno.ENOSPC, errno.EDQUOT):
            raise OSError(
                err.errno,
                f"The stick at {folder} is full: nothing was written. Free space "
                "on it or use another one.",
            ) from err
        if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise OSError(
                err.errno,
                f"The station may not write to {folder} ({os.strerror(err.errno)}): "
                "nothing was written. Use another folder or stick.",
            ) from err
        raise OSError(
            err.errno,
            f"The bundle could not be written to {folder} "
            f"({err.strerror or err}): nothing was written.",
        ) from err


def removable_folders() -> list[Path]:
    """Mounted sticks where Debian mounts them (/media/USER/LABEL, /run/media/…, /mnt/…)."""
    out: list[Path] = []
    for root in (Path("/media"), Path("/run/media"), Path("/mnt")):
        with contextlib.suppress(OSError):
            for p in sorted(root.glob("*")) + sorted(root.glob("*/*")):
                if p.is_dir() and os.path.ismount(p):
                    out.append(p)
    return out


# --- the ports -----------------------------------------------------------------------------


def build_ports(
    cfg: Config,
    store: Store,
    *,
    config_path: Path | None,
    devices: Callable[[], Sequence[Device]] = lambda: (),
    coordinator: SyncCoordinator | None = None,
) -> LineLeadPorts:
    import hardware

    def status() -> dict[str, Any]:
        from sync.client import read_status

        if coordinator is not None:
            return coordinator.status().as_dict()
        configured = bool(cfg.bridge.url and cfg.bridge.token_file)
        return read_status(store, configured=configured).as_dict()

    def sync_now() -> None:
        if coordinator is not None:
            coordinator.sync_now()

    return LineLeadPorts(
        config_path=config_path,
        sync_status=status,
        sync_now=sync_now if coordinator is not None else None,
        test_bridge=lambda url, token, ca: test_bridge(url, cfg.station.id, token, ca),
        list_ports=hardware.list_ports,
        start_device_test=lambda kind, url, options, on_event: start_device_test(
            kind, url, options, on_event, station_devices=devices()
        ),
        write_diagnostics=lambda folder: write_diagnostics(cfg, folder, status),
        removable_folders=removable_folders,
    )


def attach(station: Any, cfg: Config | None) -> None:
    """``build_station``'s hook: give the shell its line-lead ports (a demo station, with
    no configuration file, gets every port but saving)."""
    from kiosk.config import Config, default_config_path

    path = (cfg.source or default_config_path()) if cfg is not None else None
    ports = build_ports(
        cfg or Config(),
        station.engine.store,
        config_path=path,
        devices=lambda: station.devices.all,
        coordinator=station.sync,
    )
    ports.apply_devices = lambda settings: apply_devices(station, settings)
    station.shell.linelead_ports = ports


def apply_devices(station: Any, settings: Sequence[Any]) -> list[tuple[str, str]]:
    """Stop the station's devices and run it on ``settings`` (the ones just saved), wired
    like ``build_station`` wires them: a fixed scanner works without a restart."""
    from kiosk.cli.station import open_devices

    station.devices.stop()
    opened = open_devices(list(settings), station.signals)
    station.devices = opened
    station.torque.tools = list(opened.tools)
    station.torque.applied = None  # the new tools get the current step's program and lock
    for kind, reason in opened.problems:
        station.signals.device_changed.emit(kind, "error", reason)
    station.torque.apply()
    opened.start()
    log.info("devices applied from line-lead mode: %s", [d.url for d in opened.all])
    return list(opened.problems)


def render_screenshots(shell: Any, outdir: Path, first: int, work: Path) -> list[Path]:
    """``kiosk screenshots``' line-lead part: a demo configuration, one dead letter, a
    locked PIN and a few live-test reads, then every line-lead page to PNG."""
    from datetime import UTC, datetime

    from kiosk.access import check_pin
    from kiosk.config import BridgeSettings, Config, DeviceSettings, StationSettings
    from kiosk.store import masterdata as md
    from ui.linelead import render_screens

    engine = shell.engine
    st = engine.station
    cfg = Config(
        station=StationSettings(id=st.id, name=st.name, line=st.line or "Line 2"),
        data_dir=work,
        bridge=BridgeSettings(
            url="https://erp-bridge.plant.example:8765", token_file="/etc/kiosk/token"
        ),
        devices=[
            DeviceSettings("scanner", "/dev/ttyACM0", {"baudrate": 9600, "terminator": "cr"}),
            DeviceSettings("torque", "socket://10.0.0.7:4545", {"protocol": "open-protocol"}),
        ],
    )
    path = work / "station.toml"
    cfg.save(path)
    cfg.source = path
    from kiosk.store import outbox as ob

    with engine.store.write() as conn:
        batch = ob.next_batch(conn, 1)
        if batch:
            ob.mark_dead(
                conn, batch[0].seq, "payload_invalid", "payload.serial: too long", datetime.now(UTC)
            )
    with engine.store.read() as conn:
        lead = md.operator_by_badge(conn, "B2001")
        locked = md.operator_by_badge(conn, "B1002")
    if lead is None:
        return []
    if locked is not None:
        for _ in range(5):
            with contextlib.suppress(RuleViolation):
                check_pin(engine.store, locked, "000000")
    ports = build_ports(cfg, engine.store, config_path=path)
    ports.list_ports = lambda: [
        {"device": "/dev/ttyACM0", "vid": 0x05E0, "pid": 0x1200, "serial_number": "S21A0042",
         "description": "Symbol Bar Code Scanner"},
    ]  # fmt: skip
    ports.removable_folders = lambda: [Path("/media/kiosk/USB-STICK")]
    samples = [
        DeviceEvent("status", "connected: /dev/ttyACM0 9600 8N1"),
        DeviceEvent(
            "scan",
            "0109506000134352172612311012A",
            (
                ("symbology", "GS1 DataMatrix ]d2"),
                ("AI (01)", "09506000134352"),
                ("AI (17)", "261231"),
                ("AI (10)", "12A"),
            ),
        ),
        DeviceEvent("garbage", "", (("raw", "f8 9c e0 ff 00 1e"),)),
        DeviceEvent(
            "tightening",
            "OK 24.8 Nm",
            (
                ("verdict", "OK"),
                ("torque", "24.8 Nm"),
                ("angle", "182°"),
                ("pset", "3"),
                ("tightening_id", "1187"),
                ("identifier", "P200-00417"),
            ),
        ),
    ]
    return render_screens(shell, lead, ports, outdir, first, sample_events=samples)
