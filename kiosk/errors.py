"""The core's exception tree.

Every error carries a sentence an operator or line lead can act on (``str(err)``) and,
where useful, ``next_action``. Lower-level errors are re-raised ``from`` the original.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # One problem in a package: the shared contract's type, so the station and the bridge
    # report the same problems with the same fields.
    from sync.protocol.package import PackageProblem


def __getattr__(name: str) -> object:
    """``PackageProblem`` is loaded on first use: the contract's package module brings
    pydantic and jsonschema (~0.2 s), which a station starting its first screen never needs."""
    if name == "PackageProblem":
        from sync.protocol.package import PackageProblem

        return PackageProblem
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class KioskError(Exception):
    """Base of all errors raised by the station core."""

    def __init__(self, message: str, *, next_action: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.next_action = next_action

    def __str__(self) -> str:
        return f"{self.message} {self.next_action}".strip()


class StoreError(KioskError):
    """The local database cannot do what was asked.

    Examples: the disk is full, the file is locked by another process, the file is not a
    database, or it was written by a newer version of the kiosk. ``code`` and ``params``
    name the refusal catalogue entry (``kiosk.refusals``) so the UI translates it.
    """

    def __init__(
        self,
        message: str,
        *,
        next_action: str = "",
        code: str = "",
        params: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message, next_action=next_action)
        self.code = code
        self.params = params or {}


class StoreInternalError(StoreError):
    """SQLite failed in a way the station does not expect: a bug (logged with its
    traceback); the operator is told to call a line lead."""


class StoreLocked(StoreError):
    """Another process holds the database (a second kiosk instance, a backup tool)."""


class StoreFull(StoreError):
    """The disk holding the database is full; nothing was written."""


class StoreTooNew(StoreError):
    """The database was written by a newer kiosk version; this one will not touch it."""


class StoreMigrationFailed(StoreError):
    """Migrating the database to this version's schema failed; the backup taken just
    before was put back, so the file is as the previous version left it."""


class StoreCorrupt(StoreError):
    """The database file is damaged or not a kiosk database."""


class PackageError(KioskError):
    """An instruction package is invalid. ``problems`` lists each (file, path, reason)."""

    def __init__(self, problems: list[PackageProblem]) -> None:
        self.problems = problems
        lines = [str(p) for p in problems]
        super().__init__(
            f"The instruction package is invalid ({len(problems)} problem"
            f"{'s' if len(problems) != 1 else ''}):\n  " + "\n  ".join(lines),
            next_action="Fix the package and validate it again with `kiosk validate`.",
        )


class RuleViolation(KioskError):
    """The engine refused an action; the message says why and what to do instead.

    Examples: an operator not certified for the operation; Next with a required step
    unfinished; a serial already used; producing past the work order's quantity.
    ``code`` is a stable machine-readable reason; ``override`` names the override a line
    lead may apply, if any.
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        next_action: str = "",
        override: str | None = None,
        params: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message, next_action=next_action)
        self.code = code
        self.override = override
        #: Values named in the message, so the UI can translate it by ``code``.
        self.params = params or {}


class ConfigError(KioskError):
    """The station configuration file is missing a value or has a wrong one."""


__all__ = [
    "ConfigError",
    "KioskError",
    "PackageError",
    "PackageProblem",
    "RuleViolation",
    "StoreCorrupt",
    "StoreError",
    "StoreFull",
    "StoreInternalError",
    "StoreLocked",
    "StoreMigrationFailed",
    "StoreTooNew",
]
