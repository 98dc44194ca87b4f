"""The bridge's ERP configuration: the ``[erp]`` table of a bridge config TOML.

::

    [erp]
    adapter = "tryton"            # "tryton", "folders" or "rest"
    url = "http://127.0.0.1:8000"
    database = "tryton"
    user = "admin"
    password_file = "/etc/kiosk-bridge/tryton.pass"
    interval_s = 5                # push every …
    pull_interval_s = 30          # pull every …
    retry_interval_s = 60         # try a confirmation the ERP refused again every …
    close_production = true       # set the production done when its quantity is reached
    serial_products = ["MTR-9"]   # lot-required inputs that are serials (one per unit)
    priority = 3                  # Tryton has no production priority
    pin_hashes_file = "pins.toml" # optional: employee code = "$argon2id$…" (no PIN otherwise)
    [erp.roles]                   # employee code → station roles (default: operator)
    E900 = ["operator", "line_lead"]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sync.bridge.erp.base import ErpAdapter, ErpError
from sync.bridge.service import Bridge

ADAPTERS = ("tryton", "folders", "rest")


class ErpConfigError(ErpError):
    """The ``[erp]`` configuration is wrong; the message says which key."""


@dataclass(frozen=True)
class ErpConfig:
    adapter: str = "rest"
    url: str = ""
    database: str = ""
    user: str = ""
    password_file: Path | None = None
    interval_s: float = 5.0
    pull_interval_s: float = 30.0
    retry_interval_s: float = 60.0
    close_production: bool = True
    serial_products: tuple[str, ...] = ()
    priority: int = 3
    roles: dict[str, list[str]] = field(default_factory=dict)
    timeout_s: float = 30.0
    pin_hashes_file: Path | None = None

    def pin_hashes(self) -> dict[str, str]:
        """Employee code → argon2id PIN hash, from ``pin_hashes_file`` (none: no PINs)."""
        if self.pin_hashes_file is None:
            return {}
        try:
            doc = tomllib.loads(self.pin_hashes_file.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ErpConfigError(
                f"[erp] pin_hashes_file {self.pin_hashes_file} cannot be read: {err}"
            ) from err
        bad = [k for k, v in doc.items() if not str(v).startswith("$argon2id$")]
        if bad:
            raise ErpConfigError(
                f"[erp] pin_hashes_file {self.pin_hashes_file}: not an argon2id hash for "
                f"{', '.join(sorted(bad))} (PINs are never stored in clear)"
            )
        return {str(k): str(v) for k, v in doc.items()}

    def password(self) -> str:
        if self.password_file is None:
            raise ErpConfigError("[erp] password_file is not set")
        try:
            return self.password_file.read_text(encoding="utf-8").strip()
        except OSError as err:
            raise ErpConfigError(
                f"[erp] password_file {self.password_file} cannot be read: {err.strerror}"
            ) from err


def load_erp_config(path: Path) -> ErpConfig:
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ErpConfigError(f"{path}: {err.strerror}") from err
    except tomllib.TOMLDecodeError as err:
        raise ErpConfigError(f"{path}: {err}") from err
    erp: dict[str, Any] = doc.get("erp", {})
    if not isinstance(erp, dict):
        raise ErpConfigError(f"{path}: [erp] must be a table")
    adapter = str(erp.get("adapter", "rest"))
    if adapter not in ADAPTERS:
        raise ErpConfigError(f"{path}: [erp] adapter {adapter!r}: expected one of {ADAPTERS}")
    if adapter == "tryton":
        missing = [k for k in ("url", "database", "user", "password_file") if not erp.get(k)]
        if missing:
            raise ErpConfigError(f"{path}: [erp] needs {', '.join(missing)} for Tryton")

    def beside(key: str) -> Path | None:
        value = erp.get(key)
        if not value:
            return None
        p = Path(str(value))
        return p if p.is_absolute() else path.parent / p

    pw_path = beside("password_file")
    try:
        return ErpConfig(
            adapter=adapter,
            url=str(erp.get("url", "")),
            database=str(erp.get("database", "")),
            user=str(erp.get("user", "")),
            password_file=pw_path,
            interval_s=float(erp.get("interval_s", 5.0)),
            pull_interval_s=float(erp.get("pull_interval_s", 30.0)),
            retry_interval_s=float(erp.get("retry_interval_s", 60.0)),
            close_production=bool(erp.get("close_production", True)),
            serial_products=tuple(str(s) for s in erp.get("serial_products", ())),
            priority=int(erp.get("priority", 3)),
            roles={str(k): [str(r) for r in v] for k, v in dict(erp.get("roles", {})).items()},
            timeout_s=float(erp.get("timeout_s", 30.0)),
            pin_hashes_file=beside("pin_hashes_file"),
        )
    except (TypeError, ValueError) as err:
        raise ErpConfigError(f"{path}: [erp]: {err}") from err


def make_adapter(config: ErpConfig, bridge: Bridge) -> ErpAdapter:
    """The configured adapter (each imported only when chosen)."""
    if config.adapter == "tryton":
        from sync.bridge.erp.tryton import TrytonAdapter

        return TrytonAdapter(config, bridge)
    if config.adapter == "folders":
        from sync.bridge.erp.folders import FolderAdapter

        return FolderAdapter(bridge)
    from sync.bridge.erp.rest import RestAdapter

    return RestAdapter(bridge)
