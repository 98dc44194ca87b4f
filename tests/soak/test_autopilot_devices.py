"""``kiosk autopilot --devices simulated``: the autopilot's scans and tightenings go through
a real pty and a loopback Open Protocol session, read by the station's drivers, and survive
a scanner unplugged and a controller restarted in the middle of the units (the soak's two
device faults, here on the demo station in one process, a few seconds)."""

from __future__ import annotations

import itertools
import json
import os
import random
import threading
from collections import Counter
from pathlib import Path

import pytest

from kiosk import autopilot
from kiosk.cli.simulated_devices import SimulatedDevices
from kiosk.demo import seed_demo
from kiosk.engine import StationEngine
from kiosk.store import open_store

pytestmark = [
    pytest.mark.timeout(120),
    pytest.mark.skipif(os.name != "posix", reason="ptys"),
]


def test_scans_and_tightenings_survive_an_unplug_and_a_controller_restart(
    tmp_path: Path,
) -> None:
    store = open_store(tmp_path / "station.db")
    seed_demo(store, tmp_path / "media")
    engine = StationEngine(store)
    rig = SimulatedDevices(engine, replug_s=0.2, timeout_s=20).start()
    done = threading.Event()

    def faults() -> None:
        # once units are under way: the scanner pulled out, then the controller restarted
        while not done.is_set() and not rig.tally["results"]:
            done.wait(0.01)
        rig.unplug_scanner()
        rig.restart_controller()

    faulting = threading.Thread(target=faults)
    faulting.start()
    try:
        pilot = autopilot.default_operator(
            engine,
            autopilot.SimulatedInputs(random.Random(3), nok_rate=0.1),
            scan=rig.scan,
            tighten=rig.tighten,
        )
        units = 0
        while units < 4 or faulting.is_alive():  # until both faults are over, 4 at least
            pilot.run_unit()
            units += 1
            assert units < 40, "the faults never ended"
    finally:
        done.set()
        faulting.join(30)
        rig.stop()
    t = rig.figures()
    try:
        with store.read() as conn:
            rows = conn.exec_driver_sql("select type, payload from events order by seq").all()
    finally:
        store.close()
    events = [(typ, json.loads(p)) for typ, p in rows]

    assert pilot.tally.completed == units
    assert [u["reconnect_s"] is not None for u in t["scanner_unplugs"]] == [True]
    assert [r["reconnect_s"] is not None for r in t["controller_restarts"]] == [True]
    # nothing delivered twice, dropped half-way or unreadable
    assert t["extra_frames"] == t["extra_results"] == 0
    assert t["discarded_frames"] == t["unreadable_results"] == 0
    # every result the driver read is one recorded tightening, each on its own unit,
    # named once though the ids started at 1 again
    torque = [p for typ, p in events if typ == "torque.recorded"]
    assert t["results"] == t["tightenings"] == len(torque)
    keys = Counter((p["controller_id"], p["tightening_id"], p["tool_time"]) for p in torque)
    assert max(keys.values()) == 1
    ids = [int(p["tightening_id"]) for p in torque]
    assert sum(b < a for a, b in itertools.pairwise(ids)) == 1, ids  # back to 1 once
    serial_of = {p["unit_id"]: p["serial"] for typ, p in events if typ == "unit.started"}
    assert all(p["serial"] == serial_of[p["unit_id"]] for p in torque)
    ok = Counter(p["unit_id"] for p in torque if p["ok"])
    assert set(ok.values()) == {4}  # the demo's casing: four screws per unit, each once
    # every frame the scanner driver read reached the engine
    assert t["frames"] == t["scans_sent"] - t["rescans"]  # a scan lost unplugged: again
    scanned = sum(1 for typ, _ in events if typ in ("component.consumed", "signature.applied"))
    assert t["frames"] == scanned + pilot.tally.refused_scans
