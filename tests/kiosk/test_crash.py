"""Kill a station process with SIGKILL at random moments while it commits real work;
after every kill the database is intact and every state change has its event (both or
neither): replaying the events rebuilds exactly the projections on disk."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.store import open_store
from kiosk.store.schema import events
from tests.helpers.bench import scale
from tests.helpers.replay import projection_dump, replayed
from tests.helpers.station import seed

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from kiosk import autopilot
from kiosk.engine import StationEngine
from kiosk.store import open_store
from kiosk.store.masterdata import get_meta, set_meta
from tests.helpers.station import seed

root = Path({data!r})
store = open_store(root / "station.db")
with store.read() as conn:
    seeded = get_meta(conn, "seeded")
if not seeded:
    seed(store, root)
    with store.write() as conn:
        set_meta(conn, "seeded", "1")
print("ready", flush=True)
engine = StationEngine(store)
autopilot.run(engine, 100000, seed={seed}, nok_rate=0.2)
"""


@pytest.mark.slow
def test_sigkill_at_random_moments_never_leaves_half_a_change(tmp_path: Path) -> None:
    rng = random.Random(7)
    kills = scale(100, 12)
    data = tmp_path / "station"
    data.mkdir()
    counts = []
    for i in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD.format(root=str(ROOT), data=str(data), seed=i)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": str(i)},
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == b"ready", child.stderr.read() if child.stderr else b""
        time.sleep(rng.uniform(0.02, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL

        store = open_store(data / "station.db")
        try:
            with store.read() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
                n = conn.execute(select(func.count()).select_from(events)).scalar_one()
                top = conn.execute(select(func.max(events.c.seq))).scalar_one()
            assert n == (top or 0), "the event sequence has a gap"
            counts.append(n)
            scratch = tmp_path / f"replay-{i}"
            scratch.mkdir()
            assert replayed(store, scratch, seed) == projection_dump(store)
        finally:
            store.close()
    # The children really worked between kills (else the test proves nothing).
    assert counts[-1] > counts[0] > 0
