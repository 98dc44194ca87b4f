"""Who may leave the kiosk (a line lead's or an admin's badge plus their PIN), and PIN
lock-out: :data:`~kiosk.security.MAX_PIN_FAILURES` wrong PINs in a row lock that
operator's PIN (an ``operator.pin_locked`` event) until a line lead unlocks it
(``operator.pin_unlocked``).

A rule of the station, so it lives in the core (the UI only asks)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection

from kiosk.domain import Operator, Role
from kiosk.errors import RuleViolation
from kiosk.refusals import refusal
from kiosk.security import MAX_PIN_FAILURES, verify_pin
from kiosk.store import Store
from kiosk.store import masterdata as md
from kiosk.store.events import record
from kiosk.store.outbox import set_text

_FAILURES = "access.pin_failures.{}"
_LOCKED = "access.pin_locked.{}"


def pin_locked(conn: Connection, operator_id: str) -> bool:
    return md.get_meta(conn, _LOCKED.format(operator_id)) is not None


def check_pin(store: Store, who: Operator, pin: str) -> None:
    """Verify ``who``'s PIN, counting wrong ones; raises :class:`RuleViolation`
    (``pin_locked`` or ``wrong_pin``)."""
    with store.read() as conn:
        locked = pin_locked(conn, who.id)
    if locked:
        raise _locked_violation(who)
    if verify_pin(pin, who.pin_hash):
        with store.write() as conn:
            set_text(conn, _FAILURES.format(who.id), None)
        return
    with store.write() as conn:
        failures = int(md.get_meta(conn, _FAILURES.format(who.id)) or 0) + 1
        if failures >= MAX_PIN_FAILURES:
            set_text(conn, _FAILURES.format(who.id), None)
            md.set_meta(conn, _LOCKED.format(who.id), str(failures))
            record(
                conn,
                "operator.pin_locked",
                {"operator_id": who.id, "failures": failures},
                operator_id=None,
                occurred_at=datetime.now(UTC),
            )
        else:
            md.set_meta(conn, _FAILURES.format(who.id), str(failures))
    if failures >= MAX_PIN_FAILURES:
        raise _locked_violation(who)
    raise refusal("wrong_pin", variant="tries", tries_left=MAX_PIN_FAILURES - failures)


def _locked_violation(who: Operator) -> RuleViolation:
    return refusal("pin_locked", operator=who.name, failures=MAX_PIN_FAILURES, operator_id=who.id)


def unlock_pin(store: Store, operator_id: str, by_badge: str) -> Operator:
    """A line lead (or admin) unlocks ``operator_id``'s PIN; returns the lead."""
    with store.write() as conn:
        lead = md.operator_by_badge(conn, by_badge.strip()) if by_badge.strip() else None
        if lead is None or not lead.active or not lead.has_role(Role.LINE_LEAD, Role.ADMIN):
            raise RuleViolation(
                "unlock_refused",
                "Only a line lead or an admin can unlock a PIN.",
                next_action="Ask the line lead to scan their badge.",
            )
        if md.operator_by_id(conn, operator_id) is None:
            raise RuleViolation("unknown_operator", f"There is no operator {operator_id}.")
        was_locked = pin_locked(conn, operator_id)
        set_text(conn, _LOCKED.format(operator_id), None)
        set_text(conn, _FAILURES.format(operator_id), None)
        if was_locked:
            record(
                conn,
                "operator.pin_unlocked",
                {"operator_id": operator_id, "by": lead.id},
                operator_id=lead.id,
                occurred_at=datetime.now(UTC),
            )
    return lead


def authorize_exit(store: Store, badge: str, pin: str) -> Operator:
    """The line lead or admin whose badge and PIN match; raises :class:`RuleViolation`."""
    with store.read() as conn:
        who = md.operator_by_badge(conn, badge.strip()) if badge.strip() else None
    if who is None or not who.active or not who.has_role(Role.LINE_LEAD, Role.ADMIN):
        raise RuleViolation(
            "exit_refused",
            "Only a line lead or an admin can leave kiosk mode.",
            next_action="Ask the line lead to scan their badge.",
        )
    check_pin(store, who, pin)
    return who
