"""PIN hashing for operator log-in.

A PIN is a fallback when a badge is missing, so it is short (4 digits): the hash only keeps
it from being read off a copied database at a glance. The stored string describes itself
(``pbkdf2_sha256$<iterations>$<salt>$<hash>``, base64 without padding) so the cost can be
raised later without breaking existing hashes.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import os
import secrets
import stat
import tempfile
from pathlib import Path

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


# --- private files -----------------------------------------------------------------------
# The station's config, token, database and logs: 0600 files inside 0700 folders, so other
# users of the PC cannot read the token or the production record.

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
_POSIX = os.name == "posix"


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) 0700; an existing folder is tightened to 0700."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if _POSIX:
        with contextlib.suppress(PermissionError):
            if stat.S_IMODE(path.stat().st_mode) & 0o077:
                path.chmod(PRIVATE_DIR_MODE)
    return path


def private_file(path: Path) -> None:
    """Make an existing file 0600 (a database or log the station created)."""
    if _POSIX and path.exists():
        with contextlib.suppress(PermissionError):
            if stat.S_IMODE(path.stat().st_mode) & 0o077:
                path.chmod(PRIVATE_FILE_MODE)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` atomically (temp file, fsync, os.replace) as a 0600 file in a 0700
    folder: a power cut leaves the old file or the new one, never half of one."""
    private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if _POSIX:
            os.chmod(tmp, PRIVATE_FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if _POSIX:
        with contextlib.suppress(OSError):
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def shared_mode(path: Path) -> int | None:
    """The file's mode when users other than its owner may read or write it, else None."""
    if not _POSIX:
        return None
    mode = stat.S_IMODE(path.stat().st_mode)
    return mode if mode & 0o077 else None
