"""Limits that hold before authentication: the body size (streamed, chunked bodies too)
and failed-authentication rate limiting per client address and per presented secret.

The throttle counts in the database every worker and host shares (``auth_failures``): a
moving window of the last minute, one row per failed try, so N workers or N hosts behind a
load balancer give an attacker the same budget as one. Only failures write; a request with
a valid secret costs one indexed read. Unknown stations and wrong tokens count alike.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, select

from sync.bridge import db
from sync.protocol import Problem

#: Failed authentications allowed per minute from one client address.
FAILS_PER_ADDRESS = 30
#: Failed authentications allowed per minute with one (wrong) secret.
FAILS_PER_SECRET = 10
#: The moving window, seconds.
WINDOW_S = 60.0


_F = db.auth_failures
#: Built once: the check runs before every authentication.
_RECENT = (
    select(_F.c.key, func.count(), func.min(_F.c.at))
    .where(_F.c.key.in_(bindparam("keys", expanding=True)), _F.c.at > bindparam("cut"))
    .group_by(_F.c.key)
)


class TooManyFailures(Exception):
    """Refused with 429 before the secret is even looked at."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(f"too many failed authentications; retry after {retry_after_s} s")
        self.retry_after_s = retry_after_s


class AuthThrottle:
    """Failed-auth budgets per address and per secret, kept in the shared database."""

    def __init__(
        self,
        engine: Engine,
        per_address: int = FAILS_PER_ADDRESS,
        per_secret: int = FAILS_PER_SECRET,
        *,
        window_s: float = WINDOW_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.engine = engine
        self.window_s = window_s
        self.clock = clock
        self._budget = {"addr": per_address, "secret": per_secret}

    @staticmethod
    def _keys(address: str, secret: str) -> list[str]:
        keys = [f"addr:{address[:100]}"]
        if secret:
            digest = hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()[:32]
            keys.append(f"secret:{digest}")  # the secret itself is never stored
        return keys

    def check(self, address: str, secret: str, conn: Connection | None = None) -> None:
        """Raise :class:`TooManyFailures` if this address or secret used up its budget
        within the window (counted over every worker and host). ``conn`` reuses the
        request's connection (one indexed read; nothing is written)."""
        if conn is None:
            with self.engine.connect() as own:
                self.check(address, secret, own)
                return
        now = self.clock()
        rows = conn.execute(
            _RECENT, {"keys": self._keys(address, secret), "cut": now - self.window_s}
        ).all()
        waits = [
            float(oldest) + self.window_s - now
            for key, count, oldest in rows
            if count >= self._budget[key.split(":", 1)[0]]
        ]
        if waits:
            raise TooManyFailures(max(1, math.ceil(max(waits))))

    def failed(self, address: str, secret: str) -> None:
        """Count one failed try against the address and the secret; forget old tries."""
        now = self.clock()
        t = db.auth_failures
        with self.engine.begin() as conn:
            conn.execute(t.insert(), [{"key": k, "at": now} for k in self._keys(address, secret)])
            conn.execute(delete(t).where(t.c.at <= now - self.window_s))


def _problem_bytes(code: str, reason: str) -> bytes:
    return Problem(code=code, reason=reason).model_dump_json().encode("utf-8")


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes is answered 413 whether it
    announces its length or streams chunks; the rest of it is never read into memory."""

    def __init__(self, app: Any, limit: int, larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.default = limit
        self.limit = limit
        # Path prefixes allowed a larger body (media uploads streamed to disk).
        self.larger = dict(larger or {})

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        limit = next((n for p, n in self.larger.items() if path.startswith(p)), self.default)
        if limit != self.default:
            await BodyLimit(self.app, limit)(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                text = value.decode("latin-1")
                if not text.isdigit() or int(text) > self.limit:
                    await self._refuse(send)
                    return
        seen = 0
        started = False

        async def counted_receive() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _BodyTooLarge
            return message

        async def tracked_send(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except _BodyTooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Any) -> None:
        body = _problem_bytes("body_too_large", f"the body exceeds {self.limit} bytes; send less")
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _BodyTooLarge(BaseException):
    """Not an Exception: FastAPI turns any Exception from reading a body into a 400."""

    pass
