"""What every part of the bridge shares: its state (database, data folder, epoch), the
problem it answers with, and readers that never fail on a stored row."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import uuid
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, Engine, func, select

from sync.bridge import db
from sync.protocol import (
    MAX_PAYLOAD_DEPTH,
    Event,
    json_depth_exceeds,
    rfc3339,
)

log = logging.getLogger("sync.bridge")


M = TypeVar("M", bound=BaseModel)


EPOCH_FILE = "epoch.json"


CLOCK_SKEW_LIMIT_S = 120.0


class BridgeProblem(Exception):
    """A request the bridge refuses: HTTP ``status``, a stable ``code``, a ``reason``."""

    def __init__(self, status: int, code: str, reason: str, detail: Any = None) -> None:
        super().__init__(reason)
        self.status = status
        self.code = code
        self.reason = reason
        self.detail = detail


def sha256_text(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _seconds_between(a: str | None, b: str | None) -> float | None:
    if not a or not b:
        return None
    try:
        return (datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds()
    except ValueError:
        return None


def _opt(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def safe_json(text: Any) -> Any:
    """A stored JSON text as a value a response can always carry: an object nested past
    the payload bound, not JSON at all, or not an object, reads ``{"unreadable": true}``."""
    try:
        value = json.loads(text) if isinstance(text, (str, bytes)) else None
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, dict) or json_depth_exceeds(value, MAX_PAYLOAD_DEPTH * 2):
        return {"unreadable": True}
    return value


def lenient(model: type[M], data: dict[str, Any], fallback: dict[str, Any]) -> M:
    """``model`` from stored ``data``, dropping the fields that do not fit (a row written
    by an older bridge or by hand); ``fallback`` fills required ones. Never raises for
    data of any shape, so no stored row can make an endpoint fail."""
    current = dict(data)
    for _ in range(len(model.model_fields) + 1):
        try:
            return model.model_validate(current)
        except (ValidationError, RecursionError, ValueError) as err:
            bad = (
                {str(e["loc"][0]) for e in err.errors() if e.get("loc")}
                if isinstance(err, ValidationError)
                else set(current)
            )
            if not bad & set(current):
                break
            current = {k: v for k, v in current.items() if k not in bad}
            current |= {k: v for k, v in fallback.items() if k in bad}
            flags = current.get("flags")
            if "flags" in model.model_fields and isinstance(flags, list):
                current["flags"] = [*flags, "unreadable_fields"]
    return model.model_validate(fallback | {"flags": ["unreadable_record"]})


class Incoming:
    """One event of a push as ingest and the projections read it: its id as text and its
    moment in RFC 3339, each worked out once (they were, many times per event)."""

    __slots__ = (
        "at",
        "event_id",
        "occurred_at",
        "operator_id",
        "payload",
        "payload_sha256",
        "schema_version",
        "station_seq",
        "type",
    )

    def __init__(self, event: Event) -> None:
        self.event_id = str(event.event_id)
        self.station_seq = event.station_seq
        self.type = event.type
        self.occurred_at = event.occurred_at
        self.at = rfc3339(event.occurred_at)
        self.operator_id = event.operator_id
        self.schema_version = event.schema_version
        self.payload = event.payload
        self.payload_sha256 = event.payload_sha256


class BridgeBase:
    """The bridge's state: a database (SQLite or PostgreSQL) and a data folder for media
    and the ERP inbox/outbox. The concerns are mixins over it (``sync.bridge.registry``,
    ``.ingest``, ``.projections``, ``.confirmations``, ``.masterdata``, ``.media``,
    ``.queries``); :class:`sync.bridge.service.Bridge` puts them together."""

    def __init__(self, engine: Engine, data_dir: Path) -> None:
        self.engine = engine
        self.data_dir = data_dir
        self.media_dir = data_dir / "media"
        self.media_dir.mkdir(parents=True, exist_ok=True)
        self._epoch = ""

    @property
    def epoch_file(self) -> Path:
        return self.data_dir / EPOCH_FILE

    def _read_mark(self) -> dict[str, Any]:
        try:
            mark = json.loads(self.epoch_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return mark if isinstance(mark, dict) else {}

    def _write_mark(self, epoch: str, high: int) -> None:
        mark = self._read_mark()
        if mark.get("epoch") == epoch and int(mark.get("high_cursor") or 0) >= high:
            return
        high = max(high, int(mark.get("high_cursor") or 0))
        tmp = self.epoch_file.with_name(f".{EPOCH_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"epoch": epoch, "high_cursor": high}, f)
        os.replace(tmp, self.epoch_file)

    def check_epoch(self) -> str:
        """The database's epoch; a new one when the database is new or found restored.

        The data folder keeps the highest feed cursor ever handed out (``epoch.json``).
        A database whose own cursors are below it was restored from a backup (or re-created):
        it gets a new epoch, and its cursors continue above the old highest, so the feed's
        cursor never goes backwards and an ERP holding an old cursor still receives every
        confirmation re-derived from the events the stations resend (same ids)."""
        mark = self._read_mark()
        with self.engine.begin() as conn:
            db.xact_lock(conn, db.LOCK_FEED)
            meta = {r.key: r.value for r in conn.execute(select(db.bridge_meta))}
            top = int(
                conn.execute(
                    select(func.coalesce(func.max(db.confirmations.c.cursor), 0))
                ).scalar_one()
            )
            base = int(meta.get("cursor_base", "0"))
            high = int(mark.get("high_cursor") or 0)
            epoch = meta.get("epoch")
            if epoch is None or high > max(top, base):
                old = epoch
                epoch = str(uuid.uuid4())
                base = max(base, high)
                db.upsert(conn, db.bridge_meta, {"key": "epoch", "value": epoch}, ["key"])
                db.upsert(conn, db.bridge_meta, {"key": "cursor_base", "value": str(base)}, ["key"])
                if old is not None or high:
                    log.warning(
                        "bridge database restored or re-created: new epoch %s; feed cursors "
                        "continue after %d",
                        epoch,
                        base,
                    )
        self._epoch = epoch
        self._write_mark(epoch, max(top, base))
        return epoch

    @property
    def epoch(self) -> str:
        return self._epoch

    def close(self) -> None:
        self.engine.dispose()

    if TYPE_CHECKING:  # defined by the mixins; declared here for the others that call them

        def _record_change(
            self,
            conn: Connection,
            entity: str,
            eid: str,
            data: dict[str, Any] | None,
            for_station: str | None = None,
        ) -> bool: ...

        def _current(self, conn: Connection, entity: str, eid: str) -> dict[str, Any] | None: ...

        def register_package_revision(self, conn: Connection, doc: dict[str, Any]) -> None: ...

        def _derive(
            self,
            conn: Connection,
            station: str,
            new: Sequence[Incoming],
            keys: dict[str, int],
            flags: dict[str, list[str]],
            *,
            known: dict[str, dict[str, Any]],
        ) -> None: ...

        def _station_current_work(self, conn: Connection, station: str) -> tuple[str, str]: ...

        def _write_confirmations(
            self, conn: Connection, segments: list[Any], finished: list[tuple[str, Any, str]]
        ) -> None: ...
