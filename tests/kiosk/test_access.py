"""Leaving kiosk mode needs a line lead's (or admin's) badge and PIN; 5 wrong PINs lock
that operator's PIN until a line lead unlocks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.access import authorize_exit
from kiosk.errors import RuleViolation
from kiosk.store.masterdata import apply_change
from kiosk.store.schema import events
from tests.helpers.station import OPERATORS, PIN, PIN_HASH, make_station


def _lead_with_pin(engine: object) -> None:
    lead = next(o for o in OPERATORS if o["id"] == "lead-tom")
    with engine.store.write() as conn:  # type: ignore[attr-defined]
        apply_change(conn, "operator", "upsert", "lead-tom", {**lead, "pin_hash": PIN_HASH})


def test_line_lead_with_pin_may_leave_operator_may_not(tmp_path: Path) -> None:
    engine, _ = make_station(tmp_path)
    _lead_with_pin(engine)
    assert authorize_exit(engine.store, "B2001", PIN).id == "lead-tom"
    with pytest.raises(RuleViolation) as wrong:
        authorize_exit(engine.store, "B2001", "999999")
    assert wrong.value.code == "wrong_pin"
    with pytest.raises(RuleViolation) as operator:
        authorize_exit(engine.store, "B1001", PIN)  # Maria has the PIN but is no lead
    assert operator.value.code == "exit_refused"
    with pytest.raises(RuleViolation):
        authorize_exit(engine.store, "", PIN)
    with pytest.raises(RuleViolation) as short:
        authorize_exit(engine.store, "B2001", PIN[:4])  # shorter than 6 digits: never right
    assert short.value.code == "wrong_pin"


def test_five_wrong_pins_lock_until_a_line_lead_unlocks(tmp_path: Path) -> None:
    engine, _ = make_station(tmp_path)
    _lead_with_pin(engine)
    for left in (4, 3, 2, 1):
        with pytest.raises(RuleViolation) as wrong:
            authorize_exit(engine.store, "B2001", "999999")
        assert wrong.value.code == "wrong_pin" and wrong.value.params["tries_left"] == left
    with pytest.raises(RuleViolation) as locked:
        authorize_exit(engine.store, "B2001", "999999")
    assert locked.value.code == "pin_locked" and "line lead" in locked.value.next_action
    with pytest.raises(RuleViolation) as still:
        authorize_exit(engine.store, "B2001", PIN)  # the right PIN no longer opens it
    assert still.value.code == "pin_locked"
    # Maria's PIN (same demo PIN) still works for her own PIN log-in: the lock is per operator.
    assert engine.login_pin(PIN).id == "op-maria"

    with pytest.raises(RuleViolation) as refused:
        engine.unlock_pin("lead-tom", "B1001")  # an operator cannot unlock
    assert refused.value.code == "unlock_refused"
    engine.unlock_pin("lead-tom", "B2001")
    assert authorize_exit(engine.store, "B2001", PIN).id == "lead-tom"
    with engine.store.read() as conn:
        types = [t for t in conn.execute(select(events.c.type)).scalars() if "pin" in t]
    assert types == ["operator.pin_locked", "operator.pin_unlocked"]


def test_a_locked_pin_does_not_log_in(tmp_path: Path) -> None:
    engine, _ = make_station(tmp_path)
    from kiosk.access import check_pin
    from kiosk.store import masterdata as md

    with engine.store.read() as conn:
        maria = md.operator_by_id(conn, "op-maria")
    assert maria is not None
    for _ in range(5):
        with pytest.raises(RuleViolation):
            check_pin(engine.store, maria, "999999")
    with pytest.raises(RuleViolation) as err:
        engine.login_pin(PIN)
    assert err.value.code == "wrong_pin"
