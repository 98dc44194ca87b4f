"""PIN login by name: the operator taps their name, then types their PIN, so exactly one
argon2id hash is checked per try however many operators the station knows; 5 wrong PINs
lock that operator only."""

from __future__ import annotations

from pathlib import Path

import pytest

import kiosk.access
from kiosk.errors import RuleViolation
from kiosk.store.masterdata import apply_change
from tests.helpers.station import OPERATORS, PIN, PIN_HASH, make_station


def _many_operators(engine: object, n: int) -> None:
    with engine.store.write() as conn:  # type: ignore[attr-defined]
        for i in range(n):
            apply_change(
                conn,
                "operator",
                "upsert",
                f"op-{i:03d}",
                {
                    "id": f"op-{i:03d}",
                    "badge": f"B9{i:03d}",
                    "name": f"Zz Operator {i:03d}",
                    "roles": ["line_lead"],  # not gated by certification
                    "pin_hash": PIN_HASH,
                },
            )


def test_one_hash_is_checked_whoever_logs_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, _ = make_station(tmp_path)
    _many_operators(engine, 40)
    checked: list[str] = []
    real = kiosk.access.verify_pin

    def counting(pin: str, stored: str | None) -> bool:
        checked.append(pin)
        return real(pin, stored)

    monkeypatch.setattr(kiosk.access, "verify_pin", counting)
    names = engine.pin_operators()
    assert [n.name for n in names] == sorted(n.name for n in names)
    assert {"op-maria", "op-039"} <= {n.id for n in names}
    assert all(not n.locked for n in names)
    assert engine.login_operator_pin("op-039", PIN).id == "op-039"  # the last of 41
    assert checked == [PIN]
    with pytest.raises(RuleViolation) as wrong:
        engine.login_operator_pin("op-maria", "999999")
    assert wrong.value.code == "wrong_pin" and wrong.value.params["tries_left"] == 4
    assert "Tries left before it locks: 4" in wrong.value.next_action
    assert len(checked) == 2


def test_five_wrong_pins_lock_that_operator_only(tmp_path: Path) -> None:
    engine, _ = make_station(tmp_path)
    _many_operators(engine, 1)
    for left in (4, 3, 2, 1):
        with pytest.raises(RuleViolation) as wrong:
            engine.login_operator_pin("op-maria", "654321")
        assert wrong.value.params["tries_left"] == left
    with pytest.raises(RuleViolation) as locked:
        engine.login_operator_pin("op-maria", "654321")
    assert locked.value.code == "pin_locked" and "Maria" in locked.value.message
    with pytest.raises(RuleViolation) as still:
        engine.login_operator_pin("op-maria", PIN)  # the right PIN no longer opens it
    assert still.value.code == "pin_locked"
    assert next(n for n in engine.pin_operators() if n.id == "op-maria").locked
    assert engine.login_operator_pin("op-000", PIN).id == "op-000"  # others still log in
    lead = next(o for o in OPERATORS if o["id"] == "lead-tom")
    engine.unlock_pin("op-maria", lead["badge"])
    assert engine.login_operator_pin("op-maria", PIN).id == "op-maria"


def test_a_name_without_a_pin_or_unknown_is_a_wrong_pin(tmp_path: Path) -> None:
    engine, _ = make_station(tmp_path)
    for who in ("op-jonas", "nobody"):
        if who == "op-jonas":
            assert who not in {n.id for n in engine.pin_operators()}
        with pytest.raises(RuleViolation) as err:
            engine.login_operator_pin(who, PIN)
        assert err.value.code == "wrong_pin"
    assert engine.locked
