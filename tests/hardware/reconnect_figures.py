"""Reconnect counts, recovery times and lost results of the Open Protocol driver under
each controller failure, measured against the simulator, beside a reference driver.

Run: ``.venv/bin/python -m tests.hardware.reconnect_figures [--ref DIR] [--runs N]``.
``--ref`` is a source tree of another version (e.g. ``git archive main | tar -x -C DIR``);
its ``hardware`` package drives the same simulated faults in the same run, so both
columns come from one machine at one time. Each driver runs in a process of its own;
the simulator (this tree) counts the TCP connections it accepts. Not part of the test
command: it takes about a minute.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hardware.model import TighteningResult
from hardware.openprotocol import encode_mid0061
from hardware.simulators.op_controller import OpenProtocolController

ROOT = Path(__file__).resolve().parents[2]

DRIVER = r"""
import json, sys, time
import hardware
url, seconds = sys.argv[1], float(sys.argv[2])
tool = hardware.open_device("torque", url)
def out(kind, **doc):
    print(json.dumps({"t": time.monotonic(), "kind": kind, **doc}), flush=True)
tool.add_status_listener(lambda s: out("status", state=s.state, reason=s.reason))
tool.add_result_listener(
    lambda r: out("result", id=r.tightening_id, late=getattr(r, "late", False)))
tool.start()
time.sleep(seconds)
tool.stop()
"""


class Driver:
    """One driver process; its JSON lines are collected with their monotonic times."""

    def __init__(self, tree: Path, url: str, seconds: float) -> None:
        env = {**os.environ, "PYTHONPATH": str(tree)}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", DRIVER, url, str(seconds)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=tree,
        )  # fmt: skip
        self.lines: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(json.loads(line))

    def wait_for(
        self, predicate: Callable[[dict[str, Any]], bool], timeout: float, since: int | None = None
    ) -> float:
        """Monotonic time of the first line matching (from line ``since``, else from now
        on), or NaN."""
        start = len(self.lines) if since is None else since
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for doc in self.lines[start:]:
                if predicate(doc):
                    return float(doc["t"])
            time.sleep(0.01)
        return float("nan")

    def results(self) -> list[dict[str, Any]]:
        return [d for d in self.lines if d["kind"] == "result"]

    def finish(self) -> None:
        self.proc.wait(60)
        self._reader.join(5)


def connected(doc: dict[str, Any]) -> bool:
    return doc["kind"] == "status" and doc["state"] == "connected"


def scenario_held(tree: Path) -> dict[str, Any]:
    """Another client holds the controller for 6 s (error 96), then lets go."""
    with OpenProtocolController(held_by_other=True) as c:
        d = Driver(tree, c.url, 12)
        time.sleep(6)
        during = c.connects
        c.held_by_other = False
        released = time.monotonic()
        up = d.wait_for(connected, 10)
        d.finish()
        reason = next((x["reason"] for x in d.lines if x["kind"] == "status"), "")
    return {"connects in 6 s": during, "recovery s": up - released, "status": reason[:70]}


def scenario_74(tree: Path) -> dict[str, Any]:
    """A controller that answers 74 (not 97) to a too-new revision."""
    with OpenProtocolController(max_revision=1, max_result_revision=1, unsupported_code=74) as c:
        start = time.monotonic()
        d = Driver(tree, c.url, 6)
        up = d.wait_for(connected, 5.5)
        time.sleep(max(0.0, start + 5.5 - time.monotonic()))
        n = c.connects
        d.finish()
    return {"connects in 5.5 s": n, "s to subscribed": up - start}


def scenario_no_echo(tree: Path) -> dict[str, Any]:
    """A controller that never echoes 9999 (default timers: keep-alive 5 s, link 15 s)."""
    with OpenProtocolController(echo_keepalive=False) as c:
        d = Driver(tree, c.url, 32)
        time.sleep(31)
        n = c.connects
        d.finish()
        reasons = {x["reason"][:60] for x in d.lines if x["kind"] == "status"
                   and x["state"] != "connected"}  # fmt: skip
    return {"connects in 31 s": n, "status": sorted(reasons)[:2]}


def scenario_link_drops(tree: Path, runs: int) -> dict[str, Any]:
    """The network connection closes; time until the session is back."""
    times = []
    with OpenProtocolController() as c:
        d = Driver(tree, c.url, runs * 6.5 + 5)
        d.wait_for(connected, 5)
        for _ in range(runs):
            time.sleep(6.0)  # a session that stood for a while (longer than stable_s)
            t0 = time.monotonic()
            c.drop_clients()
            times.append(d.wait_for(lambda x, t0=t0: connected(x) and x["t"] > t0, 5) - t0)
        d.finish()
    return {"recovery s": times}


def scenario_restart(tree: Path) -> dict[str, Any]:
    """4 results, a controller restart that resets ids, 4 results."""
    with OpenProtocolController(max_revision=4) as c:
        d = Driver(tree, c.url, 8)
        d.wait_for(connected, 5)
        for _ in range(4):
            c.trigger()
        time.sleep(1.1)
        t0 = time.monotonic()
        c.restart()
        d.wait_for(lambda x: connected(x) and x["t"] > t0, 5)
        time.sleep(0.3)
        for _ in range(4):
            c.trigger()
        time.sleep(1.0)
        d.proc.terminate()
        d.finish()
    return {"delivered of 8": len(d.results())}


def scenario_offline(tree: Path) -> dict[str, Any]:
    """The network is down for 2 s while 3 tightenings are made."""
    with OpenProtocolController() as c:
        d = Driver(tree, c.url, 10)
        d.wait_for(connected, 5)
        c.trigger()
        time.sleep(0.3)
        c.go_offline()
        for _ in range(3):
            c.trigger()
        time.sleep(2.0)
        t0 = time.monotonic()
        mark = len(d.lines)
        c.reachable = True
        d.wait_for(lambda x: connected(x) and x["t"] > t0, 6, since=mark)
        time.sleep(1.0)
        late_times = [x["t"] for x in d.lines[mark:] if x["kind"] == "result" and x["late"]]
        last = max(late_times) if late_times else float("nan")
        d.proc.terminate()
        d.finish()
    late = [r for r in d.results() if r["late"]]
    return {"made offline, delivered": f"{len(late)} of 3", "s to last late": last - t0}


def scenario_wire(tree: Path, **faults: Any) -> dict[str, Any]:
    with OpenProtocolController(**faults) as c:
        d = Driver(tree, c.url, 6)
        d.wait_for(connected, 5)
        for _ in range(5):
            c.trigger()
        time.sleep(1.0)
        d.proc.terminate()
        d.finish()
    return {"delivered of 5": len(d.results())}


def scenario_resent(tree: Path) -> dict[str, Any]:
    """The same result sent twice (an ack lost), then a new one."""
    with OpenProtocolController() as c:
        d = Driver(tree, c.url, 5)
        d.wait_for(connected, 5)
        once = TighteningResult(ok=True, torque=5.0, tightening_id="9", timestamp="2026-01-01")
        wire = encode_mid0061(once, 2, controller=c.name).encode()
        c.send_raw(wire)
        c.send_raw(wire)
        time.sleep(1.0)
        d.proc.terminate()
        d.finish()
    return {"delivered of 1": len(d.results())}


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):.3f} s, p95 {p95:.3f} s (n={len(ordered)})"


def measure(tree: Path, runs: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    slow: dict[str, Callable[[], dict[str, Any]]] = {
        "96 held by another client": lambda: scenario_held(tree),
        "74 instead of 97": lambda: scenario_74(tree),
        "no keep-alive echo": lambda: scenario_no_echo(tree),
    }
    results: dict[str, dict[str, Any]] = {}
    threads = [threading.Thread(target=lambda k=k, f=f: results.__setitem__(k, f()))
               for k, f in slow.items()]  # fmt: skip
    for t in threads:
        t.start()
    drops = scenario_link_drops(tree, runs)
    out["link drop"] = {"recovery": summary(drops["recovery s"])}
    out["restart, ids reset"] = scenario_restart(tree)
    out["offline 2 s"] = scenario_offline(tree)
    out["length field +1"] = scenario_wire(tree, length_offset=1)
    out["rev-1 labelled rev 2"] = scenario_wire(tree, label_results_as=2)
    out["resent result"] = scenario_resent(tree)
    for t in threads:
        t.join()
    out.update(results)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ref", type=Path, default=None, help="source tree of the reference")
    parser.add_argument("--runs", type=int, default=10, help="link drops to time")
    args = parser.parse_args()
    trees = {"this tree": ROOT}
    if args.ref is not None:
        trees["reference"] = args.ref
    for name, tree in trees.items():
        print(f"== {name} ({tree})")
        for scenario, figures in measure(tree, args.runs).items():
            print(f"{scenario:28s} {json.dumps(figures, default=str, ensure_ascii=False)}")


if __name__ == "__main__":
    main()
