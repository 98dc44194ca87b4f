"""Supervisor and quality logins: argon2id password hashes, database sessions (so several
bridge workers share them), a CSRF token per session, and a rate limit on wrong passwords."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, func, select

from sync.bridge import db
from sync.bridge.web.tables import web_login_failures, web_sessions, web_users
from sync.protocol import rfc3339, utc_now

SESSION_COOKIE = "kiosk_web_session"
SESSION_S = 12 * 3600  # one long shift
#: Wrong passwords allowed per user name (and per client address) within the window.
MAX_FAILURES = 5
FAILURE_WINDOW_S = 300.0
USER_NAME_RE = r"^[A-Za-z0-9._@-]{1,64}$"
MIN_PASSWORD = 10

_hasher = PasswordHasher()  # argon2id with the library's (RFC 9106 low-memory) defaults
# Verified against when the user does not exist, so both paths take the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class WebRole(StrEnum):
    supervisor = "supervisor"  # reads everything, may clear an andon
    quality = "quality"  # reads everything (traceability, recall), changes nothing


#: What each role may do beyond reading.
CAN_CLEAR_ANDON = {WebRole.supervisor}


class UserProblem(ValueError):
    """A user cannot be added: the reason is a sentence for the person at the console."""


@dataclass(frozen=True)
class WebUser:
    name: str
    role: WebRole
    csrf: str

    @property
    def can_clear_andon(self) -> bool:
        return self.role in CAN_CLEAR_ANDON


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_user(engine: Engine, name: str, role: str, password: str) -> None:
    """Create a user or set a new password and role."""
    if not re.fullmatch(USER_NAME_RE, name):
        raise UserProblem("a user name is 1-64 letters, digits or . _ @ -")
    try:
        web_role = WebRole(role)
    except ValueError as err:
        raise UserProblem(f"the role must be one of {', '.join(r.value for r in WebRole)}") from err
    if len(password) < MIN_PASSWORD:
        raise UserProblem(f"the password must have at least {MIN_PASSWORD} characters")
    with engine.begin() as conn:
        db.upsert(
            conn,
            web_users,
            {
                "name": name,
                "password_hash": _hasher.hash(password),
                "role": web_role.value,
                "created_at": rfc3339(utc_now()),
            },
            ["name"],
        )
        # A new password ends the user's open sessions.
        conn.execute(delete(web_sessions).where(web_sessions.c.user_name == name))


class RateLimited(Exception):
    def __init__(self, retry_after_s: int) -> None:
        super().__init__(retry_after_s)
        self.retry_after_s = retry_after_s


def _failure_keys(name: str, address: str) -> list[str]:
    return [f"user:{name.lower()[:64]}", f"ip:{address}"]


def check_rate(engine: Engine, name: str, address: str, now: float | None = None) -> None:
    """Raise :class:`RateLimited` when the user name or the address had too many recent
    wrong passwords."""
    now = time.time() if now is None else now
    since = now - FAILURE_WINDOW_S
    with engine.connect() as conn:
        for key in _failure_keys(name, address):
            count, oldest = conn.execute(
                select(func.count(), func.min(web_login_failures.c.at)).where(
                    web_login_failures.c.key == key, web_login_failures.c.at > since
                )
            ).one()
            limit = MAX_FAILURES if key.startswith("user:") else 4 * MAX_FAILURES
            if count >= limit:
                raise RateLimited(max(1, int(oldest + FAILURE_WINDOW_S - now) + 1))


def login(engine: Engine, name: str, password: str, address: str) -> str | None:
    """A new session token for a right name and password, else None (and a failure is
    counted). Call :func:`check_rate` first."""
    with engine.connect() as conn:
        row = conn.execute(select(web_users).where(web_users.c.name == name)).first()
    stored = row.password_hash if row is not None else _DUMMY_HASH
    try:
        ok = _hasher.verify(stored, password) and row is not None
    except (VerificationError, InvalidHashError):
        ok = False
    now = time.time()
    if not ok:
        with engine.begin() as conn:
            conn.execute(
                web_login_failures.insert(),
                [{"key": k, "at": now} for k in _failure_keys(name, address)],
            )
            conn.execute(
                delete(web_login_failures).where(web_login_failures.c.at < now - 24 * 3600)
            )
        return None
    assert row is not None
    token = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        if _hasher.check_needs_rehash(row.password_hash):
            conn.execute(
                web_users.update()
                .where(web_users.c.name == name)
                .values(password_hash=_hasher.hash(password))
            )
        conn.execute(
            web_sessions.insert().values(
                token_sha256=_sha(token),
                user_name=name,
                csrf=secrets.token_urlsafe(24),
                expires_at=now + SESSION_S,
            )
        )
        conn.execute(delete(web_sessions).where(web_sessions.c.expires_at < now))
        conn.execute(
            delete(web_login_failures).where(web_login_failures.c.key == f"user:{name.lower()}")
        )
    return token


def session_user(engine: Engine, token: str | None) -> WebUser | None:
    if not token or len(token) > 128:
        return None
    with engine.connect() as conn:
        row = conn.execute(
            select(
                web_sessions.c.csrf, web_sessions.c.expires_at, web_users.c.name, web_users.c.role
            )
            .join(web_users, web_users.c.name == web_sessions.c.user_name)
            .where(web_sessions.c.token_sha256 == _sha(token))
        ).first()
    if row is None or row.expires_at < time.time():
        return None
    try:
        role = WebRole(row.role)
    except ValueError:
        return None
    return WebUser(name=row.name, role=role, csrf=row.csrf)


def logout(engine: Engine, token: str | None) -> None:
    if token:
        with engine.begin() as conn:
            conn.execute(delete(web_sessions).where(web_sessions.c.token_sha256 == _sha(token)))


def csrf_ok(user: WebUser, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(user.csrf, str(sent))
