"""Open Protocol messages: encoding, MID 0061 rev 1/2, and the resynchronising framer."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hardware.errors import ProtocolError
from hardware.model import TighteningResult
from hardware.openprotocol import (
    Message,
    OpenProtocolFramer,
    decode_header,
    encode_mid0061,
    parse_mid0061,
)

RESULT = TighteningResult(
    ok=False, torque=13.57, torque_ok=False, angle=182.0, angle_ok=True, pset=2,
    tightening_id="4711", torque_min=11.0, torque_max=13.0, torque_target=12.0,
    angle_min=150.0, angle_max=210.0, angle_target=180.0, batch_size=4, batch_counter=1,
    vin="VIN123",
)  # fmt: skip


def test_header_layout() -> None:
    wire = Message(60, 2).encode()
    assert wire == b"00200060002 " + b" " * 8 + b"\0"
    assert decode_header(wire[:-1]) == Message(60, 2)


def test_blank_revision_means_one() -> None:
    assert decode_header(b"00200002   0        ").revision == 1


@pytest.mark.parametrize(("revision", "length"), [(1, 231), (2, 385)])
def test_mid0061_lengths_and_roundtrip(revision: int, length: int) -> None:
    msg = encode_mid0061(RESULT, revision)
    wire = msg.encode()
    assert len(wire) == length + 1 and wire[:4] == f"{length:04d}".encode()
    parsed = parse_mid0061(decode_header(wire[:-1]))
    assert parsed.ok is False and parsed.torque == 13.57 and parsed.angle == 182.0
    assert parsed.pset == 2 and parsed.tightening_id == "4711" and parsed.torque_ok is False
    assert parsed.torque_max == 13.0 and parsed.batch_size == 4 and parsed.vin == "VIN123"


def test_mid0061_rev1_field_positions_follow_the_spec() -> None:
    data = encode_mid0061(RESULT, 1).encode().decode("latin-1")
    # 1-based spec positions: tightening status at 108, torque value 141-146, angle 170-174
    assert data[107] == "0" and data[140:146] == "001357" and data[169:174] == "00182"
    assert data[219:221] == "23" and data[221:231] == "0000004711"


def test_letters_where_digits_belong_are_refused() -> None:
    wire = bytearray(encode_mid0061(RESULT, 1).encode()[:-1])
    wire[140:146] = b"00A357"
    with pytest.raises(ProtocolError, match="torque"):
        parse_mid0061(decode_header(bytes(wire)))


def test_wrong_parameter_id_and_truncation_are_refused() -> None:
    wire = encode_mid0061(RESULT, 2).encode()[:-1]
    with pytest.raises(ProtocolError, match="expected parameter 01"):
        parse_mid0061(decode_header(wire[:20] + b"99" + wire[22:]))
    with pytest.raises(ProtocolError, match="parameter"):
        parse_mid0061(decode_header(wire[:200]))


def frames(data: list[bytes]) -> tuple[list[Message], list[ProtocolError]]:
    framer = OpenProtocolFramer()
    out = [e for chunk in data for e in framer.feed(chunk)]
    return [e for e in out if isinstance(e, Message)], [
        e for e in out if isinstance(e, ProtocolError)
    ]


def test_message_split_over_many_reads_and_several_in_one() -> None:
    wire = (
        Message(5, 1, "0060").encode() + encode_mid0061(RESULT, 2).encode() + Message(9999).encode()
    )
    msgs, errors = frames([wire[i : i + 7] for i in range(0, len(wire), 7)])
    assert [m.mid for m in msgs] == [5, 61, 9999] and not errors
    msgs, errors = frames([wire])
    assert [m.mid for m in msgs] == [5, 61, 9999] and not errors


def test_missing_nul_is_accepted() -> None:
    wire = Message(5, 1, "0060").encode()[:-1] + Message(9999).encode()[:-1]
    msgs, errors = frames([wire])
    assert [m.mid for m in msgs] == [5, 9999] and not errors


def test_half_message_waits_for_the_rest() -> None:
    framer = OpenProtocolFramer()
    wire = encode_mid0061(RESULT, 1).encode()
    assert framer.feed(wire[:100]) == []
    assert framer.pending == 100
    [msg] = framer.feed(wire[100:])
    assert isinstance(msg, Message) and msg.mid == 61


def test_wrong_length_field_resyncs_on_the_next_message() -> None:
    good = Message(5, 1, "0018").encode()
    too_long = b"0099" + Message(5, 1, "0060").encode()[4:]  # says 99, ends at 24
    too_short = b"0021" + Message(5, 1, "0042").encode()[4:]  # says 21, has 24
    letters = b"00X4" + Message(5, 1, "0043").encode()[4:]
    msgs, errors = frames([too_long + good + too_short + good + letters + good])
    assert [m.data for m in msgs] == ["0018", "0018", "0018"]
    assert len(errors) >= 3  # each bad message is reported (a resync may take two steps)


def test_garbage_before_a_message_is_dropped() -> None:
    msgs, errors = frames([b"\xff\xfe noise!" + Message(9999).encode()])
    assert [m.mid for m in msgs] == [9999] and len(errors) == 1
    assert errors[0].raw == b"\xff\xfe noise!"


def test_unknown_mid_is_still_a_message() -> None:
    msgs, _ = frames([Message(8888, 1, "xyz").encode()])
    assert msgs == [Message(8888, 1, "xyz")]


MESSAGES = st.sampled_from(
    [Message(5, 1, "0060"), Message(9999), Message(2, 1, "010001"), encode_mid0061(RESULT, 1),
     encode_mid0061(RESULT, 2), Message(4, 1, "001802")]
)  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(msgs=st.lists(MESSAGES, min_size=1, max_size=6), cuts=st.lists(st.integers(0, 2000)))
def test_any_chunking_gives_the_same_messages(msgs: list[Message], cuts: list[int]) -> None:
    wire = b"".join(m.encode() for m in msgs)
    points = [*sorted({c % (len(wire) + 1) for c in cuts}), len(wire)]
    chunks, last = [], 0
    for p in points:
        chunks.append(wire[last:p])
        last = p
    got, errors = frames(chunks)
    assert got == msgs and not errors


@settings(max_examples=100, deadline=None)
@given(
    msgs=st.lists(MESSAGES, min_size=1, max_size=5),
    junk=st.lists(st.binary(max_size=30).filter(lambda b: b"\0" not in b), max_size=5),
)
def test_noise_between_messages_never_invents_or_loses_them(
    msgs: list[Message], junk: list[bytes]
) -> None:
    """Noise followed by a NUL (how a corrupted message ends) costs only itself."""
    wire = b""
    for i, m in enumerate(msgs):
        if i < len(junk) and junk[i]:
            wire += b"Z" + junk[i] + b"\0"
        wire += m.encode()
    got, _ = frames([wire])
    assert got == msgs


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=600))
def test_random_bytes_never_crash(data: bytes) -> None:
    framer = OpenProtocolFramer()
    for e in framer.feed(data):
        if isinstance(e, Message) and e.mid == 61:
            with contextlib.suppress(ProtocolError):
                parse_mid0061(e)


@pytest.mark.parametrize("revision", [1, 2, 3, 4, 5, 6, 7])
def test_every_result_revision_roundtrips_and_is_read_by_length(revision: int) -> None:
    from dataclasses import replace

    from hardware.openprotocol import MID0061_LAYOUTS, layout_length

    msg = encode_mid0061(replace(RESULT, unit="lbf.in"), revision)
    assert len(msg.data) == layout_length(MID0061_LAYOUTS[revision])
    parsed = parse_mid0061(msg)
    assert parsed.torque == 13.57 and parsed.tightening_id == "4711"
    assert parsed.unit == ("lbf.in" if revision >= 3 else "Nm")  # rev 1/2 carry no unit
    for label in (1, 2, 7):  # whatever the header says, the length decides the layout
        assert parse_mid0061(Message(61, label, msg.data)).torque == 13.57


@pytest.mark.parametrize(
    ("code", "unit", "torque"),
    [("1", "Nm", 13.57), ("2", "lbf.ft", 13.57), ("3", "lbf.in", 13.57), ("4", "kgf.m", 13.57),
     ("5", "kgf.cm", 13.57), ("6", "ozf.in", 13.57), ("8", "Nm", 0.1357), ("7", "%", 13.57)],
)  # fmt: skip
def test_revision_3_unit_codes(code: str, unit: str, torque: float) -> None:
    data = encode_mid0061(RESULT, 3).data
    at = data.index("48", len(data) - 8)  # parameter 48, one digit, then 49 and two digits
    data = data[: at + 2] + code + data[at + 3 :]
    parsed = parse_mid0061(Message(61, 3, data))
    assert parsed.unit == unit and parsed.torque == pytest.approx(torque)


@settings(max_examples=100, deadline=None)
@given(msgs=st.lists(MESSAGES, min_size=1, max_size=5),
       offsets=st.lists(st.sampled_from([-2, -1, 0, 1, 2]), min_size=5, max_size=5))  # fmt: skip
def test_length_fields_off_by_up_to_two_lose_nothing(
    msgs: list[Message], offsets: list[int]
) -> None:
    wire = b""
    for m, off in zip(msgs, offsets, strict=False):
        raw = m.encode()
        wire += f"{len(raw) - 1 + off:04d}".encode() + raw[4:]
    got, _ = frames([wire])
    assert got == msgs
