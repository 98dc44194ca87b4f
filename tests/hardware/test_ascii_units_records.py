"""ASCII wrenches over a real pty: units kept as canonical codes, records delivered once."""

from __future__ import annotations

import pytest

import hardware
from hardware.ascii_torque import MARK10_TT, SR_TORQ_TRONICS_2, parse_reading
from hardware.model import UnreadableResult, canonical_unit
from hardware.simulators.pty_scanner import PtyScanner

from .util import Collector

REPORT = [
    "Start Report Tester Serial number: 00001234,",
    "Records in Report: 4",
    *(
        f"+{v},In.oz,PEAK,NA,{n:03d},00001234,Test Station 1,.000001,.000001,"
        f"05/31/2011,11:45:{n:02d}"
        for n, v in enumerate(("41.2597", "40.9000", "41.0100", "39.8800"), start=1)
    ),
    "End Report",
]


@pytest.mark.parametrize(
    ("printed", "canonical", "factor"),
    [("Nm", "Nm", 1.0), ("N.m", "Nm", 1.0), ("lbFin", "lbf.in", 1.0), ("lbFft", "lbf.ft", 1.0),
     ("ft.lb", "lbf.ft", 1.0), ("ozFin", "ozf.in", 1.0), ("In.oz", "ozf.in", 1.0),
     ("kgFcm", "kgf.cm", 1.0), ("kgFm", "kgf.m", 1.0), ("Ncm", "Nm", 0.01),
     ("gFcm", "gFcm", 1.0)],
)  # fmt: skip
def test_units_become_canonical_codes(printed: str, canonical: str, factor: float) -> None:
    assert canonical_unit(printed) == (canonical, factor)


def test_mark10_units_are_kept_and_ncm_is_converted() -> None:
    r = parse_reading(MARK10_TT, "4.5 lbFin")
    assert r is not None and r.unit == "lbf.in" and r.torque == 4.5 and r.ok is None
    r = parse_reading(MARK10_TT, "250 Ncm", torque_min=200, torque_max=300)
    assert r is not None and r.unit == "Nm" and r.torque == 2.5 and r.ok is True
    assert r.torque_min == 2.0 and r.torque_max == 3.0
    r = parse_reading(MARK10_TT, "12 gFcm")  # a unit the station does not know: as printed
    assert r is not None and r.unit == "gFcm"


def test_torq_tronics_report_printed_twice_gives_each_record_once() -> None:
    with PtyScanner("crlf") as sim:
        tool = hardware.open_device("torque", sim.port, protocol="ascii",
                                    model=SR_TORQ_TRONICS_2.name)  # fmt: skip
        seen = Collector(tool)
        unreadable: list[UnreadableResult] = []
        tool.add_unreadable_listener(unreadable.append)  # type: ignore[attr-defined]
        tool.start(require_open=True)
        try:
            seen.wait_state("connected")
            for _ in range(2):
                for line in REPORT:
                    sim.write(line.encode("latin-1") + b"\r\n")
            sim.write(b"+4x.1,In.oz\r\n")  # a garbled record
            seen.wait_items(4)
            assert seen.wait(lambda: bool(unreadable))
            seen.settle(0.3)
            got = seen.items
            assert [r.record_no for r in got] == [1, 2, 3, 4]
            assert {r.unit for r in got} == {"ozf.in"} and got[0].torque == 41.2597
            assert {r.controller_id for r in got} == {"00001234"}
            assert unreadable[0].raw == b"+4x.1,In.oz" and unreadable[0].mid is None
        finally:
            tool.stop()
