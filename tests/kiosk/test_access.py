"""Leaving kiosk mode needs a line lead's (or admin's) badge and PIN."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.access import authorize_exit
from kiosk.errors import RuleViolation
from kiosk.store.masterdata import apply_change
from tests.helpers.station import OPERATORS, PIN_HASH, make_station


def test_line_lead_with_pin_may_leave_operator_may_not(tmp_path: Path) -> None:
    engine, _ = make_station(tmp_path)
    lead = next(o for o in OPERATORS if o["id"] == "lead-tom")
    with engine.store.write() as conn:
        apply_change(conn, "operator", "upsert", "lead-tom", {**lead, "pin_hash": PIN_HASH})
    assert authorize_exit(engine.store, "B2001", "1234").id == "lead-tom"
    with pytest.raises(RuleViolation) as wrong:
        authorize_exit(engine.store, "B2001", "9999")
    assert wrong.value.code == "wrong_pin"
    with pytest.raises(RuleViolation) as operator:
        authorize_exit(engine.store, "B1001", "1234")  # Maria has the PIN but is no lead
    assert operator.value.code == "exit_refused"
    with pytest.raises(RuleViolation):
        authorize_exit(engine.store, "", "1234")
