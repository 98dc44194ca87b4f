"""Scanners: GS1 in every form a code arrives in, text encodings, and frames cut by pauses.

The property test feeds random GS1 element strings through a real pty into the real
scanner driver and compares what it delivers with biip's own parse of the same string.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date

import biip
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hardware
from hardware.errors import FrameDiscarded
from hardware.framing import Discard, FramerConfig, ScanFramer, default_idle_ms, parse_scan
from hardware.model import ScanFrame
from hardware.scanner import SerialScanner
from hardware.simulators.pty_scanner import PtyScanner

from .util import Collector

GS = "\x1d"


def scans(events: list[object]) -> list[ScanFrame]:
    return [e for e in events if isinstance(e, ScanFrame)]


def test_digital_link_uri_is_parsed() -> None:
    f = parse_scan("https://id.gs1.org/01/09506000134352/10/ABC?17=261231")
    assert f.gs1 == {"01": "09506000134352", "10": "ABC", "17": "261231"}
    assert f.gs1_error is None and f.expiry == date(2026, 12, 31)
    assert f.gs1_digital_link == "https://id.gs1.org/01/09506000134352/10/ABC?17=261231"
    f = parse_scan("]Q1https://example.com/01/09506000134352/21/S1")  # a plain QR code
    assert f.gs1 == {"01": "09506000134352", "21": "S1"} and f.symbology == "qr"
    assert parse_scan("https://example.com/about").gs1 is None  # a URL, not GS1: left alone
    assert parse_scan("https://example.com/about").gs1_digital_link is None


def test_wrong_check_digit_is_refused_with_biips_message() -> None:
    f = parse_scan("]C10109506000134351" + "10ABC")
    assert f.gs1 is None and f.gtin is None
    assert f.gs1_error == "Invalid GTIN check digit for '09506000134351': Expected 2, got 1."
    f = parse_scan("https://id.gs1.org/01/09506000134351")
    assert f.gs1 is None and f.gs1_error is not None and "check digit" in f.gs1_error
    f = parse_scan("]E04006381333932")  # EAN-13, wrong check digit
    assert f.gs1 is None and f.gs1_error is not None and "check digit" in f.gs1_error


def test_leading_fnc1_without_aim_prefix() -> None:
    f = parse_scan(GS + "0109506000134352" + "10LOT7")
    assert f.gs1 == {"01": "09506000134352", "10": "LOT7"} and f.aim is None


def test_itf14_yields_a_gtin() -> None:
    f = parse_scan("]I115012345678907")
    assert f.symbology == "itf-14" and f.gtin == "15012345678907"
    f = parse_scan("]I115012345678901")
    assert f.gtin is None and f.gs1_error is not None and "check digit" in f.gs1_error


def test_idle_gap_default_follows_the_baud_rate() -> None:
    assert [default_idle_ms(b) for b in (115200, 9600, 4800, 2400, 1200)] == [
        50.0, 50.0, 100.0, 200.0, 400.0,
    ]  # fmt: skip
    scanner = hardware.open_device("scanner", "/dev/null", baudrate=2400, terminator="none")
    assert isinstance(scanner, SerialScanner)
    assert scanner.framer.lines.config.idle_ms == 200.0


def test_tail_after_a_pause_is_never_a_scan() -> None:
    framer = ScanFramer(FramerConfig("cr", stale_ms=500))
    assert framer.feed(b"SN-12", 0.0) == []
    out = framer.feed(b"345\r", 1.2)  # the scanner paused mid-code for 1.2 s
    assert not scans(out)
    assert [type(e) for e in out] == [Discard, Discard] and b"SN-12" in out[0].raw
    assert out[1].raw == b"345" and "scan the code again" in out[1].reason
    assert [s.data for s in scans(framer.feed(b"SN-99\r", 1.3))] == ["SN-99"]  # resynced


def test_after_a_pause_a_new_aim_or_prefix_starts_a_new_scan() -> None:
    framer = ScanFramer(FramerConfig("cr", stale_ms=500))
    framer.feed(b"]C1010950", 0.0)
    out = framer.feed(b"]C10109506000134352\r", 1.0)
    assert [s.gtin for s in scans(out)] == ["09506000134352"]
    framer = ScanFramer(FramerConfig("cr", stale_ms=500, prefix="#"))
    framer.feed(b"#AB", 0.0)
    assert [s.data for s in scans(framer.feed(b"#ABCD\r", 1.0))] == ["ABCD"]


def test_utf8_encoding_across_reads_and_gs_kept() -> None:
    framer = ScanFramer(FramerConfig("cr", encoding="utf-8"))
    wire = "Größe 10 – 東京".encode() + b"\x1d" + b"X\r"
    out = framer.feed(wire[:8], 0.0) + framer.feed(wire[8:], 0.01)
    [scan] = scans(out)
    assert scan.data == "Größe 10 – 東京\x1dX" and scan.raw == wire[:-1]
    latin = ScanFramer(FramerConfig("cr"))
    [scan] = scans(latin.feed("Größe\r".encode("latin-1"), 0.0))
    assert scan.data == "Größe"
    with pytest.raises(hardware.DeviceConfigError, match="encoding"):
        FramerConfig(encoding="cp1252")


def test_nul_bytes_from_a_scanner_are_not_data() -> None:
    framer = ScanFramer(FramerConfig("cr"))
    out = framer.feed(b"\x00\x00PART-1\x00\r\x00\x00\r", 0.0)
    assert [s.data for s in scans(out)] == ["PART-1"]
    assert any(isinstance(e, Discard) and "NUL" in e.reason for e in out)


@pytest.fixture
def sim() -> Iterator[PtyScanner]:
    with PtyScanner("cr") as s:
        yield s


def open_scanner(url: str, **options: object) -> tuple[SerialScanner, Collector]:
    scanner = hardware.open_device("scanner", url, backoff_max_s=0.2, **options)  # type: ignore[arg-type]
    assert isinstance(scanner, SerialScanner)
    seen = Collector(scanner)
    scanner.start(require_open=True)
    seen.wait_state("connected")
    return scanner, seen


def test_pause_mid_code_over_a_pty_invents_nothing(sim: PtyScanner) -> None:
    scanner, seen = open_scanner(sim.port, stale_ms=150)
    try:
        sim.write(b"SN-0001-")
        time.sleep(0.4)
        sim.write(b"TAIL\r")
        sim.write(b"SN-0002\r")
        got = seen.wait_items(1)
        seen.settle(0.2)
        assert [f.data for f in got] == ["SN-0002"]
        dropped = [e for e in seen.errors if isinstance(e, FrameDiscarded)]
        assert [e.raw for e in dropped] == [b"SN-0001-", b"TAIL"]
    finally:
        scanner.stop()


def test_utf8_qr_over_a_pty(sim: PtyScanner) -> None:
    scanner, seen = open_scanner(sim.port, encoding="utf-8")
    try:
        sim.write("]Q1Prüfung – 東京\r".encode())
        [f] = seen.wait_items(1)
        assert f.data == "Prüfung – 東京" and f.symbology == "qr"
    finally:
        scanner.stop()


# -- property: random GS1 element strings through a pty, compared with biip ---------------


def _check_digit(body: str) -> str:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


gtins = st.text("0123456789", min_size=13, max_size=13).map(lambda b: b + _check_digit(b))
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2049, 12, 28)).map(
    lambda d: d.strftime("%y%m%d")
)
alnum = st.text("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-", min_size=1, max_size=20)
counts = st.text("0123456789", min_size=1, max_size=8)
# (AI, value strategy, needs a GS after it unless last)
ELEMENTS = {
    "01": (gtins, False), "17": (dates, False), "11": (dates, False),
    "10": (alnum, True), "21": (alnum, True), "37": (counts, True),
}  # fmt: skip


@st.composite
def element_strings(draw: st.DrawFn) -> str:
    ais = draw(st.lists(st.sampled_from(sorted(ELEMENTS)), min_size=1, max_size=4, unique=True))
    parts = []
    for n, ai in enumerate(ais):
        values, variable = ELEMENTS[ai]
        parts.append(ai + draw(values) + (GS if variable and n < len(ais) - 1 else ""))
    return "".join(parts)


class _PtyRig:
    def __init__(self) -> None:
        self.sim = PtyScanner("cr")
        self.scanner, self.seen = open_scanner(self.sim.port)
        self.lock = threading.Lock()

    def close(self) -> None:
        self.scanner.stop()
        self.sim.close()


@pytest.fixture(scope="module")
def rig() -> Iterator[_PtyRig]:
    r = _PtyRig()
    yield r
    r.close()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(code=element_strings(), fnc1=st.sampled_from(["]C1", "]d2", GS]))
def test_random_gs1_through_a_pty_matches_biip(rig: _PtyRig, code: str, fnc1: str) -> None:
    n = len(rig.seen.items)
    rig.sim.write((fnc1 + code + "\r").encode("latin-1"))
    frame = rig.seen.wait_items(n + 1)[n]
    expected = biip.parse(code, config=biip.ParseConfig(separator_chars=[GS])).gs1_message
    assert expected is not None
    assert frame.gs1 == {e.ai.ai: e.value for e in expected.element_strings}
    assert frame.gs1_error is None
