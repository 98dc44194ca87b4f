"""Operator PINs are stored as salted, self-describing hashes."""

from __future__ import annotations

from kiosk.security import ITERATIONS, hash_pin, verify_pin


def test_pin_round_trip_and_wrong_pin() -> None:
    stored = hash_pin("4711")
    assert stored.startswith(f"pbkdf2_sha256${ITERATIONS}$")
    assert verify_pin("4711", stored)
    assert not verify_pin("4712", stored)
    assert not verify_pin("", stored)


def test_same_pin_hashes_differently_each_time() -> None:
    assert hash_pin("1234") != hash_pin("1234")


def test_malformed_or_hostile_stored_values_never_verify() -> None:
    good = hash_pin("1234")
    algorithm, _, salt, digest = good.split("$")
    for stored in (
        None,
        "",
        "plain",
        "md5$1$aa$bb",
        f"{algorithm}$abc${salt}${digest}",
        f"{algorithm}$0${salt}${digest}",
        f"{algorithm}$999999999${salt}${digest}",  # would take minutes: refused outright
        f"{algorithm}$20000$!!${digest}",
        f"{algorithm}$20000${salt}$",
    ):
        assert not verify_pin("1234", stored), stored
