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
