"""Where a Tryton booking spends its time as a production grows (``python -m
tests.soak.booking_figures [--units N] [--every K]``).

Tryton on the cached seeded database of tests/erp, one production of ``--units`` units, the
bridge on SQLite and the Tryton adapter's runner; ``--batch`` units pushed and booked per
round. Every ``--every`` units it prints the booking's wall time, trytond's CPU time per unit
(steady on a loaded machine, where wall times are not) and the time spent in each RPC
(model.method), so a booking whose cost grows with the production's moves shows which
call grows. JSON lines on stdout. For a before/after, run it at the same time in another
tree (``git archive main | tar -x -C REF``, this file copied in, run from REF).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import psutil

from sync.bridge.service import Bridge
from tests.erp.conftest import FakeLine, TrytonServer, cache_dir, erp_config, production
from tests.erp.seed import Plant
from tests.erp.test_tryton_adapter import runner_for


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=200)
    ap.add_argument("--every", type=int, default=25)
    ap.add_argument("--batch", type=int, default=1, help="units pushed and booked per round")
    a = ap.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="kiosk-booking-"))
    (root / "tryton").mkdir()
    server = TrytonServer(root / "tryton")
    shutil.copy(cache_dir() / "seeded.sqlite", server.db_file)
    plant = Plant(**json.loads((cache_dir() / "plant.json").read_text()))
    server.start()
    bridge = Bridge.open(f"sqlite:///{root / 'bridge.db'}", root / "bridge-data")
    try:
        rpc = server.rpc()
        _, number = production(rpc, plant, a.units + 10)
        rpc.close()
        runner = runner_for(bridge, erp_config(root / "bridge.toml", server))
        spent: dict[str, float] = defaultdict(float)
        calls: dict[str, int] = defaultdict(int)
        post = runner.adapter.rpc._post  # type: ignore[attr-defined]

        def timed(method: str, params: list[Any], auth: bool) -> Any:
            t0 = time.perf_counter()
            try:
                return post(method, params, auth)
            finally:
                spent[method] += time.perf_counter() - t0
                calls[method] += 1

        runner.adapter.rpc._post = timed  # type: ignore[attr-defined]
        line = FakeLine(bridge)
        rounds: list[float] = []
        assert server.proc is not None
        trytond = psutil.Process(server.proc.pid)

        def tryton_cpu() -> float:
            t = trytond.cpu_times()
            return float(t.user + t.system)

        cpu0 = tryton_cpu()
        for i in range(a.batch, a.units + 1, a.batch):
            line.units(number, [f"SN-B{j:05d}" for j in range(i - a.batch + 1, i + 1)])
            t0 = time.perf_counter()
            out = runner.round()
            rounds.append((time.perf_counter() - t0) / a.batch)
            assert "error" not in out and len(out["booked"]) == a.batch, out
            if i % a.every == 0:
                window = rounds[-(a.every // a.batch) :]
                top = sorted(spent.items(), key=lambda kv: -kv[1])[:8]
                print(
                    json.dumps(
                        {
                            "units_booked": i,
                            "booking_ms_per_unit_median": round(
                                statistics.median(window) * 1000, 1
                            ),
                            "booking_ms_per_unit_max": round(max(window) * 1000, 1),
                            "rpc_ms_per_unit": {k: round(v * 1000 / a.every, 1) for k, v in top},
                            "calls_per_unit": round(sum(calls.values()) / a.every, 1),
                            "trytond_cpu_ms_per_unit": round(
                                (tryton_cpu() - cpu0) * 1000 / a.every, 1
                            ),
                            "adapter": sys.modules[type(runner.adapter).__module__].__file__,
                        }
                    ),
                    flush=True,
                )
                spent.clear()
                calls.clear()
                cpu0 = tryton_cpu()
        runner.adapter.close()
    finally:
        bridge.close()
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
