"""Who may leave the kiosk: a line lead's or an admin's badge plus their PIN.

A rule of the station, so it lives in the core (the UI only asks)."""

from __future__ import annotations

from kiosk.domain import Operator, Role
from kiosk.errors import RuleViolation
from kiosk.security import verify_pin
from kiosk.store import Store
from kiosk.store import masterdata as md


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
    if not verify_pin(pin, who.pin_hash):
        raise RuleViolation(
            "wrong_pin",
            "That PIN is not right.",
            next_action="Enter the PIN again.",
        )
    return who
