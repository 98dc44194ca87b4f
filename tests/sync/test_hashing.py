"""The station hashes each event's payload in the store; the bridge verifies it with the
wire protocol's function. The layering keeps them apart (the core may not import sync, the
bridge may not import the core), so this test keeps them the same, non-ASCII text included."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.store import open_store
from kiosk.store.events import canonical_json as station_form
from kiosk.store.events import record, utc_now
from kiosk.store.schema import events
from sync.protocol import canonical_json as wire_form
from sync.protocol import payload_sha256

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**53), 2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),  # any Unicode: Straße, ñ, 東京, emoji
)
payloads = st.dictionaries(
    st.text(max_size=12),
    st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
        ),
        max_leaves=12,
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(payloads)
def test_station_and_bridge_write_the_same_bytes(payload: dict[str, Any]) -> None:
    assert station_form(payload) == wire_form(payload)


def test_a_recorded_event_hashes_as_the_bridge_checks_it(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    note = {"text": "Dichtung beschädigt – Größe 1,5 mm; señal 東京 ✓", "value": 0.1 + 0.2}
    with store.write() as conn:
        record(conn, "instruction.feedback", note, operator_id="op", occurred_at=utc_now())
    with store.read() as conn:
        row = conn.execute(events.select()).one()
    sent = json.loads(row.payload)  # what the client puts on the wire
    assert row.payload_sha256 == payload_sha256(sent)
    assert row.payload_sha256 == hashlib.sha256(row.payload.encode("utf-8")).hexdigest()
    store.close()
