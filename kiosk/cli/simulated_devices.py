"""The autopilot's devices (``kiosk autopilot --devices simulated``): a simulated scanner
and torque controller read through the station's real drivers, with unplug and restart
faults for the soak."""

from __future__ import annotations

import threading
import time
from typing import Any


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
