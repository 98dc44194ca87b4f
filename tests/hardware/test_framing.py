"""The pure framers: terminators, idle gaps, noise, overlong lines, AIM ids and GS1."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hardware.errors import DeviceConfigError
from hardware.framing import Discard, FramerConfig, LineFramer, ScanFramer, parse_scan
from hardware.model import ScanFrame

GS = "\x1d"


def texts(events: list[object]) -> list[str]:
    return [
        e.data if isinstance(e, ScanFrame) else e.text for e in events if not isinstance(e, Discard)
    ]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("terminator", "wire"),
    [("cr", b"A1\rB2\r"), ("lf", b"A1\nB2\n"), ("crlf", b"A1\r\nB2\r\n"), ("tab", b"A1\tB2\t"),
     ("cr", b"A1\r\nB2\r\n"), ("lf", b"A1\r\nB2\r\n"), ("crlf", b"A1\rB2\n")],
)  # fmt: skip
def test_each_terminator_ends_frames(terminator: str, wire: bytes) -> None:
    framer = ScanFramer(FramerConfig(terminator))  # type: ignore[arg-type]
    assert texts(framer.feed(wire, 0.0)) == ["A1", "B2"]


def test_crlf_split_across_reads_gives_one_frame() -> None:
    framer = ScanFramer(FramerConfig("crlf"))
    out = framer.feed(b"ABC\r", 0.0) + framer.feed(b"\nDEF\r", 0.01) + framer.feed(b"\n", 0.02)
    assert texts(out) == ["ABC", "DEF"]


def test_no_terminator_ends_frame_after_idle_gap() -> None:
    framer = ScanFramer(FramerConfig("none", idle_ms=50))
    assert framer.feed(b"1234", 0.0) == []
    assert framer.feed(b"5678", 0.02) == []  # inside the gap: same frame
    assert framer.poll(0.04) == []
    assert texts(framer.poll(0.071)) == ["12345678"]
    # a new burst after a gap is a new frame, not merged into the last one
    assert texts(framer.feed(b"AB", 1.0) + framer.poll(1.06)) == ["AB"]


def test_noise_without_terminator_is_dropped_not_merged_into_next_scan() -> None:
    framer = ScanFramer(FramerConfig("cr", stale_ms=500))
    assert framer.feed(b"\xff\x00~", 0.0) == []
    out = framer.feed(b"SN42\r", 0.6)
    assert isinstance(out[0], Discard) and out[0].raw == b"\xff\x00~"
    assert texts(out) == ["SN42"]


def test_endless_line_is_dropped_up_to_its_terminator() -> None:
    framer = ScanFramer(FramerConfig("cr", max_length=10))
    out = framer.feed(b"X" * 25, 0.0)
    assert len(out) == 1 and isinstance(out[0], Discard) and "longer than 10" in out[0].reason
    out = framer.feed(b"YYY\rOK1\r", 0.01)
    assert texts(out) == ["OK1"]  # the tail of the long line is not a scan


def test_gs_and_high_bytes_are_kept_exactly() -> None:
    framer = ScanFramer(FramerConfig("cr"))
    [frame] = framer.feed(b"A\x1dB\xe9\xff\r", 0.0)
    assert isinstance(frame, ScanFrame)
    assert frame.data == "A\x1dB\xe9\xff" and frame.raw == b"A\x1dB\xe9\xff"


def test_prefix_and_suffix_are_stripped_raw_is_kept() -> None:
    framer = ScanFramer(FramerConfig("cr", prefix="\x02", suffix="#"))
    [frame] = framer.feed(b"\x02P-100#\r", 0.0)
    assert isinstance(frame, ScanFrame)
    assert frame.data == "P-100" and frame.raw == b"\x02P-100#"


def test_gs1_128_with_aim_is_parsed() -> None:
    frame = parse_scan("]C10109506000015095172612311012AB" + GS + "21SN1")
    assert frame.aim == "]C1" and frame.symbology == "gs1-128"
    assert frame.gs1 == {"01": "09506000015095", "17": "261231", "10": "12AB", "21": "SN1"}
    assert frame.gtin == "09506000015095" and frame.batch == "12AB" and frame.serial == "SN1"
    assert frame.expiry is not None and frame.expiry.isoformat() == "2026-12-31"
    assert GS in frame.data


def test_gs1_datamatrix_and_ean13() -> None:
    assert parse_scan("]d20109506000015095" + "21ABC").gs1 == {"01": "09506000015095", "21": "ABC"}
    ean = parse_scan("]E05901234123457")
    assert ean.symbology == "ean-13" and ean.gtin == "05901234123457"


def test_plain_code_is_not_taken_for_gs1() -> None:
    frame = parse_scan("0123456789")
    assert frame.gs1 is None and frame.aim is None and frame.data == "0123456789"
    assert parse_scan("]C0PART-7").gs1 is None  # Code 128 without FNC1


def test_gs1_claim_that_does_not_parse_says_why() -> None:
    frame = parse_scan("]C1HELLO")
    assert frame.gs1 is None and frame.gs1_error


def test_gs_without_aim_is_tried_as_gs1_in_auto_mode_only() -> None:
    text = "0109506000015095" + "10LOT7" + GS + "21X"
    assert parse_scan(text).gs1 == {"01": "09506000015095", "10": "LOT7", "21": "X"}
    assert parse_scan(text, gs1="aim").gs1 is None


def test_keyboard_wedge_characters_share_the_parser() -> None:
    framer = ScanFramer(FramerConfig("cr"))
    out: list[object] = []
    for i, ch in enumerate("]C10109506000015095\r"):
        out += framer.feed(ch, i * 0.001)
    [frame] = out
    assert isinstance(frame, ScanFrame) and frame.gtin == "09506000015095"
    assert framer.feed("Ω€\r", 1.0)[0].data == "Ω€"  # type: ignore[union-attr]


def test_reset_reports_a_partial_frame() -> None:
    framer = LineFramer(FramerConfig("cr"))
    framer.feed(b"HALF", 0.0)
    dropped = framer.reset()
    assert dropped is not None and dropped.raw == b"HALF"
    assert framer.reset() is None


def test_bad_config_is_refused() -> None:
    with pytest.raises(DeviceConfigError):
        FramerConfig("enter")  # type: ignore[arg-type]


# -- fuzzing -------------------------------------------------------------------------------

payload = st.text(
    alphabet=st.characters(min_codepoint=0, max_codepoint=255, exclude_characters="\r\n\t"),
    min_size=1,
    max_size=40,
)
TERM = {"cr": "\r", "lf": "\n", "crlf": "\r\n", "tab": "\t"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    frames=st.lists(payload, min_size=1, max_size=8),
    terminator=st.sampled_from(sorted(TERM)),
    cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=12),
)
def test_any_split_yields_exactly_the_frames_sent(
    frames: list[str], terminator: str, cuts: list[int]
) -> None:
    """No scan is invented, lost or merged, however the bytes are chunked."""
    wire = "".join(f + TERM[terminator] for f in frames).encode("latin-1")
    framer = LineFramer(FramerConfig(terminator, max_length=100))  # type: ignore[arg-type]
    out: list[object] = []
    last = 0
    for i, cut in enumerate([*sorted({c % (len(wire) + 1) for c in cuts}), len(wire)]):
        out += framer.feed(wire[last:cut], i * 0.001)
        last = cut
    assert [e.text for e in out] == frames  # type: ignore[attr-defined]
    assert [e.raw for e in out] == [f.encode("latin-1") for f in frames]  # type: ignore[attr-defined]


@settings(max_examples=100, deadline=None)
@given(frames=st.lists(payload, min_size=1, max_size=6), gap_ms=st.integers(60, 500))
def test_idle_framing_separates_bursts(frames: list[str], gap_ms: int) -> None:
    framer = LineFramer(FramerConfig("none", idle_ms=50))
    out: list[object] = []
    t = 0.0
    for f in frames:
        half = len(f) // 2
        out += framer.feed(f[:half].encode("latin-1"), t)
        out += framer.feed(f[half:].encode("latin-1"), t + 0.01)
        t += 0.01 + gap_ms / 1000
        out += framer.poll(t)
    assert [e.text for e in out] == frames  # type: ignore[attr-defined]


@settings(max_examples=150, deadline=None)
@given(noise=st.binary(max_size=300), term=st.sampled_from(["cr", "lf", "crlf", "tab", "none"]))
def test_random_bytes_never_crash_and_frames_hold_no_terminator(noise: bytes, term: str) -> None:
    framer = ScanFramer(FramerConfig(term, max_length=64))  # type: ignore[arg-type]
    out = framer.feed(noise, 0.0) + framer.poll(10.0)
    for e in out:
        if isinstance(e, ScanFrame):
            assert 0 < len(e.data) <= 64
            if term != "none":
                assert not any(c in e.raw for c in TERM.get(term, "").encode())
