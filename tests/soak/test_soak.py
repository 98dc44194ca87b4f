"""A short shift under every fault once (the long form: ``./dev soak``, tests/soak/harness.py).

Three provisioned stations run ``kiosk autopilot --devices simulated --sync`` (scans through
a pty scanner, tightenings through an Open Protocol controller, both read by the real
drivers) against a real ``kiosk-bridge serve`` on PostgreSQL with Tryton as the ERP; the
network is cut, answers are lost after the bridge committed, the bridge is SIGKILLed, its
database restored from an older backup, a station is SIGKILLed, a scanner unplugged and
replugged, a controller restarted (its tightening ids from 1 again), a station's disk fills
up, a station's clock jumps 2 h and Tryton restarts mid-push. Then every completed unit
must be booked in Tryton exactly once with its inputs and labour, each of its fastenings
recorded once on it, every scan and tightening the drivers read in the record, station
sequences gap-free, the feed complete without double counts, no dead letters, memory and
file handles flat.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

import pytest

from tests.soak.harness import FAULTS, PAIRED, Params, shift

pytestmark = [
    pytest.mark.timeout(480),
    pytest.mark.postgres,
    pytest.mark.skipif(os.name != "posix", reason="signals, tmpfs"),
]


def test_a_short_shift_under_every_fault_loses_and_doubles_nothing(tmp_path: Path) -> None:
    if not os.environ.get("KIOSK_TEST_PG_URL"):
        pytest.skip("PostgreSQL: KIOSK_TEST_PG_URL (./dev test sets it up as root)")
    # every fault once, a station's fault riding along one of the network, bridge or ERP
    params = Params(
        rounds=len(PAIRED) + 1, units_per_round=1, net_cut_s=1.0, replug_s=0.3, paired=True
    )
    with shift(params, tmp_path) as s:
        try:
            s.run()
            figures = s.verify()
        finally:
            print("\n" + json.dumps(asdict(s.figures), indent=1))
    kinds = {f["kind"] for f in figures.faults}
    assert kinds == set(FAULTS) - {k.split(":")[0] for k in figures.skipped}
    assert figures.units_completed >= 3 * len(PAIRED)  # each round builds at every station
