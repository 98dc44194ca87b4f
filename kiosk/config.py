"""Station configuration: one TOML file per station, written by `kiosk provision`.

Example::

    [station]
    id = "ST-03"
    name = "Final assembly"
    line = "Line 2"
    language = "en"
    idle_lock_s = 300

    [database]
    path = "/var/lib/kiosk/station.db"

    [bridge]
    url = "https://erp-bridge.plant.example:8765"
    token_file = "/etc/kiosk/token"
    ca_file = "/etc/kiosk/ca.pem"

    [[devices]]
    kind = "scanner"
    url = "/dev/ttyACM0"
    baudrate = 9600
    terminator = "cr"

    [[devices]]
    kind = "torque"
    url = "socket://10.0.0.7:4545"
    protocol = "open-protocol"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

from kiosk.errors import ConfigError

APP_NAME = "station-kiosk"


def default_data_dir() -> Path:
    """Where the station keeps its database, media and logs unless configured."""
    env = os.environ.get("KIOSK_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_config_path() -> Path:
    env = os.environ.get("KIOSK_CONFIG")
    if env:
        return Path(env)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "station.toml"


def default_log_dir() -> Path:
    env = os.environ.get("KIOSK_LOG_DIR")
    return Path(env) if env else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


@dataclass
class StationSettings:
    id: str = "ST-01"
    name: str = "Station"
    line: str = ""
    language: str = "en"
    idle_lock_s: int = 300


@dataclass
class BridgeSettings:
    url: str = ""
    token_file: str = ""
    ca_file: str = ""
    interval_s: float = 10.0
    retention_days: int = 90


@dataclass
class DeviceSettings:
    kind: str
    url: str
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Config:
    station: StationSettings = field(default_factory=StationSettings)
    data_dir: Path = field(default_factory=default_data_dir)
    database: Path | None = None
    bridge: BridgeSettings = field(default_factory=BridgeSettings)
    devices: list[DeviceSettings] = field(default_factory=list)
    source: Path | None = None

    @property
    def database_path(self) -> Path:
        return self.database or (self.data_dir / "station.db")

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    def device(self, kind: str) -> DeviceSettings | None:
        return next((d for d in self.devices if d.kind == kind), None)

    def to_toml(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "station": vars(self.station).copy(),
            "paths": {"data_dir": str(self.data_dir)},
        }
        if self.database:
            doc["database"] = {"path": str(self.database)}
        bridge = {k: v for k, v in vars(self.bridge).items() if v not in ("", None)}
        if self.bridge.url:
            doc["bridge"] = bridge
        if self.devices:
            doc["devices"] = [{"kind": d.kind, "url": d.url, **d.options} for d in self.devices]
        return doc

    def save(self, path: Path) -> None:
        """Write atomically (temp file, fsync, os.replace) as a 0600 file in a 0700 folder:
        a power cut leaves the old file or the new one, never half."""
        from kiosk.security import write_private

        write_private(path, tomli_w.dumps(self.to_toml()).encode("utf-8"))


def _section(doc: dict[str, Any], name: str, file: Path) -> dict[str, Any]:
    value = doc.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(
            f"{file}: [{name}] must be a table.", next_action="Fix the file or re-provision."
        )
    return value


def _build(cls: Any, values: dict[str, Any], section: str, file: Path) -> Any:
    known = set(cls.__dataclass_fields__)
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(
            f"{file}: unknown {'settings' if len(unknown) > 1 else 'setting'} in "
            f"[{section}]: {', '.join(unknown)}.",
            next_action=f"Allowed: {', '.join(sorted(known))}.",
        )
    try:
        obj = cls(**values)
    except TypeError as err:
        raise ConfigError(f"{file}: [{section}] {err}") from err
    for name, f in cls.__dataclass_fields__.items():
        default = f.default
        value = getattr(obj, name)
        if isinstance(default, (int, float)) and not isinstance(default, bool):
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                raise ConfigError(f"{file}: [{section}] {name} must be a number, not {value!r}.")
        elif isinstance(default, str) and not isinstance(value, str):
            raise ConfigError(f"{file}: [{section}] {name} must be text, not {value!r}.")
    return obj


def load_config(path: Path | None = None) -> Config:
    """Read the station configuration; a missing file gives the defaults."""
    path = path or default_config_path()
    if not path.exists():
        return Config()
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(
            f"{path}: not valid TOML ({err}).", next_action="Fix the file or re-provision."
        ) from err
    return parse_config(doc, path)


def parse_config(doc: dict[str, Any], path: Path) -> Config:
    """A configuration from a parsed TOML document (``path`` names it in messages); raises
    :class:`ConfigError` for anything a station could not start with."""
    cfg = Config(source=path)
    cfg.station = _build(StationSettings, _section(doc, "station", path), "station", path)
    cfg.bridge = _build(BridgeSettings, _section(doc, "bridge", path), "bridge", path)
    paths = _section(doc, "paths", path)
    if "data_dir" in paths:
        cfg.data_dir = Path(paths["data_dir"]).expanduser()
    db = _section(doc, "database", path)
    if "path" in db:
        cfg.database = Path(db["path"]).expanduser()
    devices = doc.get("devices", [])
    if not isinstance(devices, list):
        raise ConfigError(f"{path}: [[devices]] must be an array of tables.")
    for i, d in enumerate(devices):
        if not isinstance(d, dict) or "kind" not in d or "url" not in d:
            raise ConfigError(f"{path}: devices[{i}] needs at least kind and url.")
        opts = {k: v for k, v in d.items() if k not in ("kind", "url")}
        cfg.devices.append(DeviceSettings(kind=str(d["kind"]), url=str(d["url"]), options=opts))
    return cfg
