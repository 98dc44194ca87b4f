"""``kiosk devices``: list serial ports, test a scanner or torque tool, run simulators.

Machine-readable output is JSON lines on stdout; human messages go to stderr with a next
action. A port that cannot be opened exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from collections.abc import Iterable
from typing import Any


def register(sub: Any) -> None:
    devices = sub.add_parser("devices", help="list, test and simulate scanners and torque tools")
    dsub = devices.add_subparsers(dest="devices_command", metavar="ACTION", required=True)

    p = dsub.add_parser("list", help="serial ports as JSON lines")
    p.set_defaults(func=cmd_list)

    test = dsub.add_parser("test", help="print a device's events as JSON lines")
    tsub = test.add_subparsers(dest="device_kind", metavar="KIND", required=True)
    p = tsub.add_parser("scanner", help="read scans from a barcode scanner")
    p.add_argument("--port", required=True, help="URL: /dev/ttyACM0, COM3, socket://…")
    p.add_argument("--baudrate", type=int, default=9600)
    p.add_argument("--bytesize", type=int, default=8, choices=(5, 6, 7, 8))
    p.add_argument("--parity", default="N", choices=("N", "E", "O", "M", "S"))
    p.add_argument("--stopbits", type=float, default=1, choices=(1, 1.5, 2))
    p.add_argument("--terminator", default="cr", choices=("cr", "lf", "crlf", "tab", "none"))
    p.add_argument(
        "--idle-ms", type=float, default=None,
        help="frame gap when terminator=none (default: 48 character times at the baud rate, "
        "at least 50 ms)",
    )  # fmt: skip
    p.add_argument("--stale-ms", type=float, default=1000.0,
                   help="drop a frame left without terminator this long")  # fmt: skip
    p.add_argument("--encoding", default="latin-1", choices=("latin-1", "utf-8"),
                   help="how the scanner's bytes become text (GS is kept either way)")  # fmt: skip
    p.add_argument("--prefix", default="")
    p.add_argument("--suffix", default="")
    p.add_argument("--gs1", default="auto", choices=("auto", "aim", "off"))
    _add_run_limits(p)
    p.set_defaults(func=cmd_test_scanner)

    p = tsub.add_parser("torque", help="read tightening results from a torque tool")
    p.add_argument("--port", required=True, help="URL: socket://127.0.0.1:4545, /dev/ttyUSB0")
    p.add_argument("--protocol", default="open-protocol", choices=("open-protocol", "ascii"))
    p.add_argument("--pset", type=int, default=None)
    p.add_argument("--model", default="mark10-tt", help="ASCII profile (ascii protocol only)")
    p.add_argument("--baudrate", type=int, default=9600)
    p.add_argument("--profile", default=None,
                   help="Open Protocol vendor profile: standard, atlas-copco, legacy, "
                   "rev1-as-rev2")  # fmt: skip
    p.add_argument("--revision", type=int, default=None, help="highest MID 0001 revision")
    p.add_argument(
        "--result-revision",
        type=int,
        default=None,
        help="highest MID 0060 result revision to subscribe (falls back to 1)",
    )
    p.add_argument(
        "--result-layout",
        type=int,
        default=None,
        help="read every MID 0061 with this revision's layout (mislabelling tools)",
    )
    p.add_argument("--device-id", default=None, help="the controller's identity for results")
    p.add_argument("--multi-spindle", action="store_true", help="subscribe MID 0100 too")
    p.add_argument("--identifier", default=None, help="download this unit identifier (0050)")
    _add_run_limits(p)
    p.set_defaults(func=cmd_test_torque)

    sim = dsub.add_parser("simulate", help="run a simulated device")
    ssub = sim.add_subparsers(dest="device_kind", metavar="KIND", required=True)
    p = ssub.add_parser("scanner", help="a pty scanner fed one scan per stdin (or script) line")
    p.add_argument("--terminator", default="cr", choices=("cr", "lf", "crlf", "tab", "none"))
    p.add_argument("--aim", default="", help="AIM symbology id to prefix, e.g. ]C1")
    p.add_argument("--script", default=None, help="file of scans; '!sleep S' lines pause")
    p.add_argument("--hold", type=float, default=1.0, help="seconds to keep the port at EOF")
    p.set_defaults(func=cmd_simulate_scanner)
    p = ssub.add_parser("torque", help="an Open Protocol controller on a loopback TCP port")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--tcp-port", type=int, default=4545, help="0 picks a free port")
    p.add_argument("--nok-pattern", default="", help="e.g. OOON: every 4th tightening NOK")
    p.add_argument("--interval", type=float, default=None, help="tighten every N s when enabled")
    p.add_argument("--duration", type=float, default=None, help="stop after N s")
    p.add_argument("--max-revision", type=int, default=7, help="highest MID 0001 revision")
    p.add_argument("--max-result-revision", type=int, default=3,
                   help="highest MID 0060/0061 revision")  # fmt: skip
    p.add_argument("--torque-unit", default="Nm",
                   choices=("Nm", "lbf.ft", "lbf.in", "ozf.in", "kgf.cm", "kgf.m"))  # fmt: skip
    p.add_argument("--spindles", type=int, default=0, help="answer MID 0100 with N spindles")
    p.add_argument("--unsupported-code", type=int, default=97, choices=(97, 74, 76),
                   help="the answer to a too-new revision")  # fmt: skip
    p.add_argument(
        "--label-results-as",
        type=int,
        default=None,
        help="send revision-1 fields labelled as this revision (emulator quirk)",
    )
    p.set_defaults(func=cmd_simulate_torque)


def _add_run_limits(p: argparse.ArgumentParser) -> None:
    p.add_argument("--count", type=int, default=None, help="exit after N scans/results")
    p.add_argument("--duration", type=float, default=None, help="exit after N seconds")


_print_lock = threading.Lock()


def _emit(doc: dict[str, Any]) -> None:
    with _print_lock:
        sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
        sys.stdout.flush()


def _error_doc(err: Exception) -> dict[str, Any]:
    doc: dict[str, Any] = {"kind": "error", "error": type(err).__name__, "message": str(err)}
    for attr in ("code", "mid"):
        if hasattr(err, attr):
            doc[attr] = getattr(err, attr)
    raw = getattr(err, "raw", b"")
    if raw:
        doc["raw"] = raw.decode("latin-1")
    return doc


def cmd_list(args: argparse.Namespace) -> int:
    import hardware

    for port in hardware.list_ports():
        _emit(port)
    return 0


def _run_device(device: Any, args: argparse.Namespace, event_name: str) -> int:
    import hardware

    done = threading.Event()
    count = 0

    def on_event(value: Any) -> None:
        nonlocal count
        _emit(value.to_json())
        count += 1
        if args.count is not None and count >= args.count:
            done.set()

    getattr(device, event_name)(on_event)
    if hasattr(device, "add_unreadable_listener"):
        device.add_unreadable_listener(lambda u: _emit(u.to_json()))
    device.add_status_listener(lambda s: _emit(s.to_json()))
    device.add_error_listener(lambda e: _emit(_error_doc(e)))
    try:
        device.start(require_open=True)
    except hardware.DeviceUnavailable as err:
        _emit(_error_doc(err))
        print(f"kiosk: {err.message}\n  next: {err.next_action}", file=sys.stderr)
        return 1
    try:
        done.wait(args.duration)
    except KeyboardInterrupt:
        pass
    finally:
        device.stop()
    return 0


def cmd_test_scanner(args: argparse.Namespace) -> int:
    import hardware

    try:
        device = hardware.open_device(
            "scanner",
            args.port,
            backend="serial",
            baudrate=args.baudrate,
            bytesize=args.bytesize,
            parity=args.parity,
            stopbits=args.stopbits,
            terminator=args.terminator,
            idle_ms=args.idle_ms,
            stale_ms=args.stale_ms,
            encoding=args.encoding,
            prefix=args.prefix,
            suffix=args.suffix,
            gs1=args.gs1,
        )
    except hardware.DeviceConfigError as err:
        print(f"kiosk: {err}", file=sys.stderr)
        return 2
    return _run_device(device, args, "add_scan_listener")


def cmd_test_torque(args: argparse.Namespace) -> int:
    import hardware

    options: dict[str, Any] = {"pset": args.pset, "baudrate": args.baudrate}
    if args.protocol == "open-protocol":
        options["enabled"] = True  # a test console wants the tool to run
        for name in ("profile", "revision", "result_revision", "result_layout", "device_id"):
            if getattr(args, name) is not None:
                options[name] = getattr(args, name)
        options["multi_spindle"] = args.multi_spindle
    else:
        options["model"] = args.model
        if args.device_id is not None:
            options["device_id"] = args.device_id
    try:
        device = hardware.open_device("torque", args.port, backend=args.protocol, **options)
    except hardware.DeviceConfigError as err:
        print(f"kiosk: {err}", file=sys.stderr)
        return 2
    if args.identifier:
        device.download_identifier(args.identifier)  # type: ignore[attr-defined]
    return _run_device(device, args, "add_result_listener")


def _unescape(line: str) -> str:
    # Scripts spell the GS separator as <GS> or \x1d so they stay plain text.
    return line.replace("<GS>", "\x1d").replace("\\x1d", "\x1d").replace("\\x1D", "\x1d")


def cmd_simulate_scanner(args: argparse.Namespace) -> int:
    from hardware.simulators.pty_scanner import PtyScanner

    with PtyScanner(args.terminator, aim=args.aim) as sim:
        _emit({"kind": "simulator", "device": "scanner", "port": sim.port})
        print(f"Scanner on {sim.port}: one scan per line, Ctrl-D to end.", file=sys.stderr)
        source: Iterable[str] = sys.stdin
        if args.script:
            with open(args.script, encoding="utf-8") as f:
                source = f.read().splitlines()
        try:
            for line in source:
                text = line.rstrip("\r\n")
                if text.startswith("!sleep"):
                    time.sleep(float(text.split()[1]))
                    continue
                if text:
                    data = sim.send(_unescape(text))
                    _emit({"kind": "sent", "data": data.decode("latin-1")})
            time.sleep(args.hold)
        except KeyboardInterrupt:
            pass
    return 0


def cmd_simulate_torque(args: argparse.Namespace) -> int:
    from hardware.simulators.op_controller import OpenProtocolController

    try:
        controller = OpenProtocolController(
            args.host, args.tcp_port, nok_pattern=args.nok_pattern, auto_interval_s=args.interval,
            max_revision=args.max_revision, max_result_revision=args.max_result_revision,
            torque_unit=args.torque_unit, spindles=args.spindles,
            unsupported_code=args.unsupported_code, label_results_as=args.label_results_as,
        )  # fmt: skip
    except OSError as err:
        print(f"kiosk: cannot listen on {args.host}:{args.tcp_port} ({err}).\n"
              "  next: pick another --tcp-port (0 picks a free one).", file=sys.stderr)  # fmt: skip
        return 1
    with controller:
        _emit({"kind": "simulator", "device": "torque", "url": controller.url})
        print("Controller ready: type ok, nok or an empty line to tighten.", file=sys.stderr)
        deadline = time.monotonic() + args.duration if args.duration else None
        try:
            if args.interval is None:
                for line in sys.stdin:
                    word = line.strip().lower()
                    result = controller.trigger({"ok": True, "nok": False}.get(word))
                    _emit(
                        result.to_json()
                        if result
                        else {"kind": "locked", "reason": "tool disabled"}
                    )
                    if deadline and time.monotonic() > deadline:
                        break
            while deadline is None or time.monotonic() < deadline:
                time.sleep(0.1)
        except KeyboardInterrupt:
            pass
    return 0


# --- the autopilot's devices (kiosk autopilot --devices simulated) ------------------------


class SimulatedDevices:
    """A simulated scanner on a real pty and a simulated Open Protocol controller on a
    loopback TCP port, read through the station's real drivers and torque tool policy, so
    ``kiosk autopilot`` takes every scan and tightening the way ``kiosk run`` does:
    simulator → pty/TCP → driver (framing, GS1, Open Protocol session, reconnects) → the
    engine. The autopilot's operator pulls the triggers: :meth:`scan` writes the barcode
    into the pty and hands the driver's frame to the engine; :meth:`tighten` runs the tool
    (once the policy enabled it with the step's pset and the unit's identifier) and hands
    the driver's result to the engine.

    Faults, from outside the process: SIGUSR1 unplugs the scanner (both pty ends closed,
    the port vanishes) and plugs a new one in ``replug_s`` later (another pty: the driver
    finds it as it finds a re-enumerated USB device); SIGUSR2 restarts the controller (the
    listening socket and every session closed, a new controller on the same port ``replug_s``
    later, at least 1 s: see :meth:`restart_controller`; its tightening ids starting at 1
    again). A scan lost in the unplugged pty is
    scanned again once the driver is back, as an operator would when the scanner gave no
    beep; a frame or result the driver delivered that nobody was waiting for is counted
    (``extra_frames``/``extra_results``), never handed on.
    """

    def __init__(self, engine: Any, *, replug_s: float = 0.5, timeout_s: float = 20.0) -> None:
        import hardware
        from hardware.simulators.op_controller import OpenProtocolController
        from hardware.simulators.pty_scanner import PtyScanner
        from kiosk.tool_policy import TorqueToolPolicy

        self._pty = PtyScanner
        self._controller_cls = OpenProtocolController
        self.engine = engine
        self.replug_s = replug_s
        self.timeout_s = timeout_s
        self.tally: dict[str, Any] = {
            "scans_sent": 0,
            "rescans": 0,
            "frames": 0,
            "extra_frames": 0,
            "discarded_frames": 0,
            "tightenings": 0,
            "results": 0,
            "late_results": 0,
            "extra_results": 0,
            "unreadable_results": 0,
            "scanner_unplugs": [],
            "controller_restarts": [],
        }
        # the scanner side: the pty, its plug generation, frames the driver delivered
        self._scan_cond = threading.Condition()
        self._sim: Any = PtyScanner("cr")
        self._plug = 0
        self._open_plug = -1  # the plug the driver last opened
        self._frames: list[Any] = []
        # the tool side: one tightening at a time, its result
        self._tool_lock = threading.Lock()
        self._result_cond = threading.Condition()
        self._results: list[Any] = []
        self.controller: Any = OpenProtocolController(enabled=False, max_result_revision=2)
        self.controller.start()
        self.scanner = hardware.open_device(
            "scanner", self._sim.port, backend="serial", port_finder=self._pty_path,
            backoff_max_s=0.2,
        )  # fmt: skip
        self.tool = hardware.open_device(
            "torque", self.controller.url, protocol="open-protocol", backoff_max_s=0.2,
            stable_s=1.0, keepalive_s=2.0, link_timeout_s=6.0,
        )  # fmt: skip
        assert isinstance(self.scanner, hardware.Scanner)
        assert isinstance(self.tool, hardware.TorqueTool)
        self.scanner.add_scan_listener(self._on_frame)
        self.scanner.add_status_listener(self._on_scanner_status)
        self.scanner.add_error_listener(self._on_scanner_error)
        self.tool.add_result_listener(self._on_result)
        self.tool.add_unreadable_listener(self._on_unreadable)
        self.policy = TorqueToolPolicy(engine, [self.tool])
        self._faults: list[threading.Thread] = []
        self._stopped = False

    # -- life ----------------------------------------------------------------------------
    def start(self) -> SimulatedDevices:
        import signal

        self.scanner.start()
        self.tool.start()
        if not (self.scanner.wait_connected(self.timeout_s) and self.tool.wait_connected(
                self.timeout_s)):  # fmt: skip
            raise RuntimeError("the simulated scanner or controller did not connect")
        self.policy.start()
        signal.signal(signal.SIGUSR1, lambda *_: self._spawn(self.unplug_scanner))
        signal.signal(signal.SIGUSR2, lambda *_: self._spawn(self.restart_controller))
        return self

    def stop(self) -> None:
        """Let a fault in progress end (its figures are kept), then close everything."""
        for t in self._faults:
            t.join(self.timeout_s)
        if self._stopped:
            return
        self._stopped = True
        self.policy.stop()
        self.scanner.stop()
        self.tool.stop()
        with self._scan_cond:
            if self._sim is not None:
                self._sim.close()
        self.controller.stop()

    def figures(self) -> dict[str, Any]:
        return dict(self.tally)

    def _spawn(self, target: Any) -> None:
        t = threading.Thread(target=target, daemon=True)
        self._faults.append(t)
        t.start()

    # -- driver callbacks (reader threads) -------------------------------------------------
    def _pty_path(self) -> str | None:
        with self._scan_cond:
            return None if self._sim is None else str(self._sim.port)

    def _on_scanner_status(self, status: Any) -> None:
        with self._scan_cond:
            if status.state == "connected":
                self._open_plug = self._plug
            self._scan_cond.notify_all()

    def _on_scanner_error(self, err: Exception) -> None:
        from hardware import FrameDiscarded

        if isinstance(err, FrameDiscarded):
            with self._scan_cond:
                self.tally["discarded_frames"] += 1

    def _on_frame(self, frame: Any) -> None:
        with self._scan_cond:
            self._frames.append(frame)
            self._scan_cond.notify_all()

    def _on_result(self, result: Any) -> None:
        with self._result_cond:
            self._results.append(result)
            self._result_cond.notify_all()

    def _on_unreadable(self, _result: Any) -> None:
        with self._result_cond:
            self.tally["unreadable_results"] += 1

    # -- the operator's hands (the engine's thread) ----------------------------------------
    def scan(self, code: str) -> Any:
        """Scan ``code``; the engine's outcome for the frame the driver read."""
        from kiosk.readings import ScanRead

        deadline = time.monotonic() + self.timeout_s
        with self._scan_cond:
            self.tally["extra_frames"] += len(self._frames)
            self._frames.clear()
            first = True
            while True:
                # the scanner is plugged in and the driver has it open
                while self._sim is None or self._open_plug != self._plug:
                    if not self._scan_cond.wait(max(0.0, deadline - time.monotonic())):
                        raise RuntimeError(f"the scanner did not come back to scan {code!r}")
                plug = self._plug
                self._sim.send(code)
                self.tally["scans_sent"] += 1
                if not first:
                    self.tally["rescans"] += 1
                first = False
                while not self._frames and self._plug == plug:
                    if not self._scan_cond.wait(max(0.0, deadline - time.monotonic())):
                        raise RuntimeError(f"the scan {code!r} never reached the station")
                if self._frames:
                    frame = self._frames.pop(0)
                    break
                # unplugged with the scan in flight: no beep, scan again once it is back
            self.tally["frames"] += 1
        if frame.data != code:
            raise RuntimeError(f"scanned {code!r}, the driver read {frame.data!r}")
        read = ScanRead(data=str(frame.data), gs1=frame.gs1, symbology=frame.symbology,
                        aim=frame.aim, gs1_error=frame.gs1_error)  # fmt: skip
        return self.engine.handle_scan(read)

    def tighten(self, wanted: dict[str, Any]) -> Any:
        """Run the tool once (OK or NOK as ``wanted``); the engine's verdict on the result
        the driver delivered."""
        from kiosk.readings import TorqueReading, identifier_matches

        deadline = time.monotonic() + self.timeout_s
        unit = self.engine.unit
        serial = unit.serial if unit is not None else ""
        pset = self.engine.torque_request.pset
        with self._tool_lock:
            ctl = self.controller

            def ready() -> bool:
                return bool(
                    ctl.subscribed
                    and ctl.enabled
                    and (pset is None or ctl.pset == pset)
                    and (not serial or identifier_matches(ctl.identifier, serial))
                )

            if not ctl.wait_until(ready, max(0.0, deadline - time.monotonic())):
                raise RuntimeError("the torque tool was not enabled for the step in time")
            with self._result_cond:
                self.tally["extra_results"] += len(self._results)
                self._results.clear()
            made = ctl.trigger(bool(wanted.get("ok", True)))
            if made is None:
                raise RuntimeError("the torque tool refused to run")
            self.tally["tightenings"] += 1
            with self._result_cond:
                while not self._results:
                    if not self._result_cond.wait(max(0.0, deadline - time.monotonic())):
                        raise RuntimeError(
                            f"tightening {made.tightening_id} never reached the station"
                        )
                result = self._results.pop(0)
            self.tally["results"] += 1
            self.tally["late_results"] += bool(result.late)
        if result.tightening_id != made.tightening_id:
            raise RuntimeError(
                f"tightening {made.tightening_id} was made, {result.tightening_id} arrived"
            )
        reading = TorqueReading.from_mapping(
            {
                "ok": result.ok,
                "torque": result.torque,
                "unit": result.unit,
                "angle": result.angle,
                "pset": result.pset,
                "tightening_id": result.tightening_id,
                "controller_id": result.controller_id or result.tool_serial,
                "at": result.timestamp,
                "spindle": result.spindle,
                "identifier": result.vin,
                "late": result.late,
            }
        )
        if self.engine.tool_result_arrived(reading):
            return None  # recorded as a stray result (no torque step took it)
        return self.engine.submit_tightening(reading)

    # -- faults (SIGUSR1, SIGUSR2) ---------------------------------------------------------
    def unplug_scanner(self) -> None:
        """Pull the scanner's cable and plug it back ``replug_s`` later."""
        t0 = time.monotonic()
        with self._scan_cond:
            self._sim.unplug()
            self._sim = None
            self._plug += 1
            self._scan_cond.notify_all()
        time.sleep(self.replug_s)
        with self._scan_cond:
            self._sim = self._pty("cr")
            self._plug += 1
            plugged = time.monotonic()
            ok = self._scan_cond.wait_for(lambda: self._open_plug == self._plug, self.timeout_s)
            self.tally["scanner_unplugs"].append(
                {
                    "down_s": round(plugged - t0, 3),
                    "reconnect_s": round(time.monotonic() - plugged, 3) if ok else None,
                }
            )

    def restart_controller(self) -> None:
        """Restart the controller: sessions and listening socket closed, a new one on the
        same port ``replug_s`` later with tightening ids from 1."""
        t0 = time.monotonic()
        with self._tool_lock:
            old = self.controller
            old.stop()
            # At least a second: a tightening is named by controller, id and the tool's
            # time to the second, so a controller back with its ids at 1 within the second
            # of its last result could repeat a name (the driver takes it for a resend and
            # drops it). No controller reboots that fast; the soak's first paired run did.
            time.sleep(max(self.replug_s, 1.0))
            new = self._controller_cls(old.host, old.port, enabled=False, max_result_revision=2)
            self.controller = new.start()
        up = time.monotonic()
        ok = new.wait_until(lambda: new.subscribed, self.timeout_s)
        self.tally["controller_restarts"].append(
            {
                "down_s": round(up - t0, 3),
                "reconnect_s": round(time.monotonic() - up, 3) if ok else None,
            }
        )
