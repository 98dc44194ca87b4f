"""Limits that hold before authentication: the body size (streamed, chunked bodies too)
and failed-authentication rate limiting per client address and per presented secret.

The throttle counts in memory per worker process (the ``limits`` library's moving window):
with N workers an attacker gets at most N times the budget, still a few tries a second
against 256-bit tokens. Unknown stations and wrong tokens count alike.
"""

from __future__ import annotations

import hashlib
import math
import time
from typing import Any

from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from sync.protocol import Problem

#: Failed authentications allowed per minute from one client address.
FAILS_PER_ADDRESS = 30
#: Failed authentications allowed per minute with one (wrong) secret.
FAILS_PER_SECRET = 10


class TooManyFailures(Exception):
    """Refused with 429 before the secret is even looked at."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(f"too many failed authentications; retry after {retry_after_s} s")
        self.retry_after_s = retry_after_s


class AuthThrottle:
    def __init__(
        self, per_address: int = FAILS_PER_ADDRESS, per_secret: int = FAILS_PER_SECRET
    ) -> None:
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._address = RateLimitItemPerMinute(per_address)
        self._secret = RateLimitItemPerMinute(per_secret)

    def _keys(self, address: str, secret: str) -> list[tuple[Any, str]]:
        keys: list[tuple[Any, str]] = [(self._address, f"addr:{address}")]
        if secret:
            digest = hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()[:32]
            keys.append((self._secret, f"secret:{digest}"))
        return keys

    def check(self, address: str, secret: str) -> None:
        """Raise :class:`TooManyFailures` if this address or secret used up its budget."""
        for item, key in self._keys(address, secret):
            if not self._limiter.test(item, key):
                reset, _remaining = self._limiter.get_window_stats(item, key)
                raise TooManyFailures(max(1, math.ceil(reset - time.time())))

    def failed(self, address: str, secret: str) -> None:
        for item, key in self._keys(address, secret):
            self._limiter.hit(item, key)


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
