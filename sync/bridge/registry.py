"""Station registry and authentication: stations, their tokens, ERP API keys, the hello."""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from sync.bridge import db
from sync.bridge.base import (
    BridgeBase,
    sha256_text,
)
from sync.protocol import (
    PROTOCOL_VERSION,
    Hello,
    rfc3339,
    utc_now,
)

#: Built once: the lookup runs on every authenticated request.
_BY_TOKEN = select(db.stations.c.id).where(db.stations.c.token_sha256 == bindparam("h"))


class Registry(BridgeBase):
    """Stations and API keys (stored as SHA-256 digests), the hello."""

    def add_station(self, station: str, name: str = "") -> str:
        """Register a station (or give it a new token); returns the token, shown once."""
        token = secrets.token_urlsafe(32)
        now = rfc3339(utc_now())
        with self.engine.begin() as conn:
            db.xact_lock(conn, db.LOCK_CHANGES)
            exists = conn.execute(
                select(db.stations.c.id).where(db.stations.c.id == station)
            ).first()
            if exists:
                conn.execute(
                    update(db.stations)
                    .where(db.stations.c.id == station)
                    .values(token_sha256=sha256_text(token))
                )
            else:
                conn.execute(
                    db.stations.insert().values(
                        id=station,
                        name=name or station,
                        token_sha256=sha256_text(token),
                        created_at=now,
                    )
                )
                # Master data imported for it before it was registered (line, operations)
                # is kept; the name given here wins.
                known = self._current(conn, "station", station) or {}
                self._record_change(
                    conn,
                    "station",
                    station,
                    known | {"id": station, "name": name or known.get("name") or station},
                    station,
                )
        return token

    def add_api_key(self, name: str) -> str:
        key = "kb_" + secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            db.upsert(
                conn,
                db.api_keys,
                {"name": name, "key_sha256": sha256_text(key), "created_at": rfc3339(utc_now())},
                ["name"],
            )
        return key

    def station_for_token(self, token: str, conn: Connection | None = None) -> str | None:
        """The station this token belongs to; ``conn`` reuses the caller's connection (the
        failed-auth check and this lookup share one per request)."""
        if conn is None:
            with self.engine.connect() as own:
                return self.station_for_token(token, own)
        row = conn.execute(_BY_TOKEN, {"h": sha256_text(token)}).first()
        return None if row is None else str(row[0])

    def station_exists(self, station: str) -> bool:
        with self.engine.connect() as conn:
            return (
                conn.execute(select(db.stations.c.id).where(db.stations.c.id == station)).first()
                is not None
            )

    def api_key_valid(self, key: str) -> bool:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(db.api_keys.c.name).where(db.api_keys.c.key_sha256 == sha256_text(key))
            ).first()
        return row is not None

    def hello(self, station: str) -> Hello:
        with self.engine.connect() as conn:
            row = conn.execute(select(db.stations).where(db.stations.c.id == station)).one()
        return Hello(
            station=row.id,
            name=row.name,
            protocol_version=PROTOCOL_VERSION,
            server_time=utc_now(),
            last_seq=row.last_seq,
            epoch=self.epoch,
            clock_skew_s=row.clock_skew_s,
            clock_flagged=bool(row.clock_flagged),
        )

    def stations_overview(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(db.stations).order_by(db.stations.c.id)).all()
        return [
            {
                "station": r.id,
                "name": r.name,
                "last_seq": r.last_seq,
                "last_seen_at": r.last_seen_at,
                "clock_skew_s": r.clock_skew_s,
                "clock_flagged": bool(r.clock_flagged),
            }
            for r in rows
        ]
