"""PIN hashing for operator log-in, and the station's private files.

Hashes that reach stations are argon2id (``$argon2id$v=19$m=…,t=…,p=…$salt$hash``,
argon2-cffi's :class:`~argon2.PasswordHasher`): memory-hard, a salt per operator, and the
string describes its own cost, so it can be raised without breaking existing hashes. A PIN
has at least :data:`MIN_PIN_DIGITS` digits. Stored strings of the older
``pbkdf2_sha256$…`` form are still verified until the bridge sends argon2id ones.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import os
import stat
import tempfile
from pathlib import Path

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

MIN_PIN_DIGITS = 6
#: Wrong PINs in a row after which an operator's PIN is locked until a line lead unlocks it.
MAX_PIN_FAILURES = 5

# argon2-cffi's RFC 9106 "low memory" profile: t=3, 64 MiB, 4 lanes (≈0.1 s or more here).
# As the bridge hashes PINs (``sync.bridge.masterdata.PIN_HASHER``): 0.16–0.19 s a verify on
# a quiet 2-core machine; argon2-cffi's defaults (t=3, p=4) took 0.098 s, under the 0.1 s a
# guess must cost.
_HASHER = PasswordHasher(time_cost=8, memory_cost=65536, parallelism=2, type=Type.ID)
# A hostile or corrupt stored string must not make a log-in take minutes or gigabytes.
_MAX_MEMORY_KIB = 512 * 1024
_MAX_TIME_COST = 20

LEGACY_ALGORITHM = "pbkdf2_sha256"
_LEGACY_MAX_ITERATIONS = 2_000_000


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a PIN (a sentence), or None."""
    if not pin.isdigit() or not pin.isascii():
        return "A PIN is digits only."
    if len(pin) < MIN_PIN_DIGITS:
        return f"A PIN has at least {MIN_PIN_DIGITS} digits."
    return None


def hash_pin(pin: str, *, time_cost: int | None = None, memory_cost: int | None = None) -> str:
    """An argon2id hash of ``pin`` with its own salt. ``time_cost``/``memory_cost`` (KiB)
    are for tests that need cheap hashes; the product uses the defaults."""
    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem)
    hasher = _HASHER
    if time_cost is not None or memory_cost is not None:
        hasher = PasswordHasher(
            time_cost=time_cost or _HASHER.time_cost,
            memory_cost=memory_cost or _HASHER.memory_cost,
            parallelism=1 if memory_cost else _HASHER.parallelism,
            type=Type.ID,
        )
    return hasher.hash(pin)


def _argon2_cost_ok(stored: str) -> bool:
    try:
        params = dict(part.split("=", 1) for part in stored.split("$")[3].split(",") if "=" in part)
        return int(params["m"]) <= _MAX_MEMORY_KIB and int(params["t"]) <= _MAX_TIME_COST
    except (IndexError, KeyError, ValueError):
        return False


def verify_pin(pin: str, stored: str | None) -> bool:
    """True when ``pin`` matches ``stored``; False for a short PIN or any malformed value."""
    if not pin or not stored or pin_problem(pin):
        return False
    if stored.startswith("$argon2id$"):
        if not _argon2_cost_ok(stored):
            return False
        try:
            return _HASHER.verify(stored, pin)
        except (VerificationError, InvalidHashError, ValueError):
            return False
    return _verify_legacy(pin, stored)


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def _verify_legacy(pin: str, stored: str) -> bool:
    try:
        algorithm, iterations_text, salt_text, digest_text = stored.split("$")
        iterations = int(iterations_text)
        salt, expected = _unb64(salt_text), _unb64(digest_text)
    except ValueError:
        return False
    if algorithm != LEGACY_ALGORITHM or not 1 <= iterations <= _LEGACY_MAX_ITERATIONS:
        return False
    if not expected:
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
    """Create ``path`` and its missing parents 0700. A folder that already exists keeps its
    mode (it may be shared, like /tmp or a home folder); the files in it are 0600."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if _POSIX:
        for created in missing:  # mkdir's mode is masked by the umask; parents get 0777-umask
            with contextlib.suppress(OSError):
                created.chmod(PRIVATE_DIR_MODE)
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
