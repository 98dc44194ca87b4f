"""Operator PINs: argon2id with a salt per hash, at least 6 digits, costly to guess."""

from __future__ import annotations

import time

import pytest

from kiosk.security import MIN_PIN_DIGITS, hash_pin, pin_problem, verify_pin


def test_pin_round_trip_and_wrong_pin() -> None:
    stored = hash_pin("471101", time_cost=1, memory_cost=64)
    assert stored.startswith("$argon2id$")
    assert verify_pin("471101", stored)
    assert not verify_pin("471102", stored)
    assert not verify_pin("", stored)


def test_short_or_non_digit_pins_are_refused() -> None:
    assert MIN_PIN_DIGITS == 6
    for pin in ("12345", "1234", "12345a", "１２３４５６"):
        assert pin_problem(pin)
        with pytest.raises(ValueError):
            hash_pin(pin)
    assert pin_problem("123456") is None


def test_same_pin_hashes_differently_each_time() -> None:
    assert hash_pin("123456", time_cost=1, memory_cost=64) != hash_pin(
        "123456", time_cost=1, memory_cost=64
    )


def test_the_product_hash_costs_at_least_a_tenth_of_a_second() -> None:
    stored = hash_pin("123456")
    started = time.perf_counter()
    assert verify_pin("123456", stored)
    assert time.perf_counter() - started >= 0.1


def test_malformed_or_hostile_stored_values_never_verify() -> None:
    good = hash_pin("123456", time_cost=1, memory_cost=64)
    head, salt_hash = good.rsplit("$", 1)[0], good.rsplit("$", 1)[1]
    for stored in (
        None,
        "",
        "plain",
        "md5$1$aa$bb",
        good.replace("$argon2id$", "$argon2i$"),
        good.replace("m=64,", "m=4194304,"),  # 4 GiB: refused outright, never tried
        good.replace("t=1,", "t=1000,"),  # would take minutes: refused
        f"{head}$",
        f"{head}$!!{salt_hash}",
        "pbkdf2_sha256$999999999$aa$bb",
    ):
        assert not verify_pin("123456", stored), stored
