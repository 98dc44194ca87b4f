"""PIN hashing for operator log-in.

A PIN is a fallback when a badge is missing, so it is short (4 digits): the hash only keeps
it from being read off a copied database at a glance. The stored string describes itself
(``pbkdf2_sha256$<iterations>$<salt>$<hash>``, base64 without padding) so the cost can be
raised later without breaking existing hashes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 20_000
# A hostile or corrupt stored string must not make a log-in take minutes.
MAX_ITERATIONS = 2_000_000
_SALT_BYTES = 16


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def hash_pin(pin: str, *, iterations: int = ITERATIONS, salt: bytes | None = None) -> str:
    """A self-describing salted hash of ``pin`` for the store."""
    if not pin:
        raise ValueError("A PIN cannot be empty.")
    salt = salt if salt is not None else secrets.token_bytes(_SALT_BYTES)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return f"{ALGORITHM}${iterations}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str | None) -> bool:
    """True when ``pin`` matches ``stored``; False for any malformed stored value."""
    if not pin or not stored:
        return False
    try:
        algorithm, iterations_text, salt_text, digest_text = stored.split("$")
        iterations = int(iterations_text)
        salt, expected = _unb64(salt_text), _unb64(digest_text)
    except ValueError:
        return False
    if algorithm != ALGORITHM or not 1 <= iterations <= MAX_ITERATIONS or not expected:
        return False
    actual = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(actual, expected)
