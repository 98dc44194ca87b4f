"""An adapter's own durable state in the bridge's database: its feed cursor, the
confirmations the ERP refused (with the ERP's message), and the last pull/push/error.

Tables of our own (``erp_*``), created on first use on SQLite or PostgreSQL.
"""

from __future__ import annotations

import json
import socket
import time
from dataclasses import dataclass
from typing import Any

import psutil
from sqlalchemy import (
    BigInteger,
    Column,
    Engine,
    Float,
    Integer,
    MetaData,
    Table,
    Text,
    or_,
    select,
)

from sync.protocol import rfc3339, utc_now

metadata = MetaData()

checkpoints = Table(
    "erp_checkpoints",
    metadata,
    Column("adapter", Text, primary_key=True),
    Column("cursor", BigInteger, nullable=False, server_default="0"),
    Column("last_pulled_at", Text),
    Column("last_pushed_at", Text),
    Column("last_error", Text),
    Column("last_error_at", Text),
    Column("memory", Text, nullable=False, server_default="{}"),  # adapter's own notes
    # One ERP loop at a time per adapter: who holds the lease, until when (epoch seconds).
    Column("owner", Text),
    Column("lease_until", Float),
)

waiting = Table(
    "erp_waiting",
    metadata,
    Column("adapter", Text, primary_key=True),
    Column("confirmation_id", Text, primary_key=True),
    Column("cursor", BigInteger, nullable=False),
    Column("body", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("attempts", Integer, nullable=False, server_default="1"),
    Column("first_failed_at", Text, nullable=False),
    Column("last_tried_at", Text, nullable=False),
)


def _dead_here(owner: str) -> bool:
    """``host:pid:…`` names a process on this machine that no longer runs."""
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    return not psutil.pid_exists(int(pid))


@dataclass
class Checkpoint:
    cursor: int
    last_pulled_at: str | None
    last_pushed_at: str | None
    last_error: str | None
    last_error_at: str | None
    memory: dict[str, Any]


class AdapterState:
    """One adapter's row and its waiting confirmations."""

    def __init__(self, engine: Engine, adapter: str) -> None:
        self.engine = engine
        self.adapter = adapter
        metadata.create_all(engine)
        with engine.begin() as conn:
            if (
                conn.execute(
                    select(checkpoints.c.adapter).where(checkpoints.c.adapter == adapter)
                ).first()
                is None
            ):
                conn.execute(checkpoints.insert().values(adapter=adapter, cursor=0, memory="{}"))

    def acquire(self, owner: str, ttl_s: float) -> str | None:
        """Take or renew the lease for ``ttl_s``; returns None, or the other holder's name
        (two loops booking at once could both see a unit as not yet booked)."""
        now = time.time()
        with self.engine.begin() as conn:
            done = conn.execute(
                checkpoints.update()
                .where(
                    checkpoints.c.adapter == self.adapter,
                    or_(
                        checkpoints.c.owner.is_(None),
                        checkpoints.c.owner == owner,
                        checkpoints.c.lease_until < now,
                    ),
                )
                .values(owner=owner, lease_until=now + ttl_s)
            )
            if done.rowcount == 1:
                return None
            row = conn.execute(
                select(checkpoints.c.owner).where(checkpoints.c.adapter == self.adapter)
            ).one()
            holder = str(row.owner)
            if _dead_here(holder):  # a loop on this machine that was killed: take over
                conn.execute(
                    checkpoints.update()
                    .where(checkpoints.c.adapter == self.adapter, checkpoints.c.owner == holder)
                    .values(owner=owner, lease_until=now + ttl_s)
                )
                return None
        return holder

    def renew(self, owner: str, ttl_s: float) -> None:
        """Extend the lease if ``owner`` holds it."""
        with self.engine.begin() as conn:
            conn.execute(
                checkpoints.update()
                .where(checkpoints.c.adapter == self.adapter, checkpoints.c.owner == owner)
                .values(lease_until=time.time() + ttl_s)
            )

    def release(self, owner: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                checkpoints.update()
                .where(checkpoints.c.adapter == self.adapter, checkpoints.c.owner == owner)
                .values(owner=None, lease_until=None)
            )

    def load(self) -> Checkpoint:
        with self.engine.connect() as conn:
            r = conn.execute(select(checkpoints).where(checkpoints.c.adapter == self.adapter)).one()
        return Checkpoint(
            int(r.cursor),
            r.last_pulled_at,
            r.last_pushed_at,
            r.last_error,
            r.last_error_at,
            json.loads(r.memory or "{}"),
        )

    def _set(self, **values: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                checkpoints.update().where(checkpoints.c.adapter == self.adapter).values(**values)
            )

    def advance(self, cursor: int) -> None:
        """The feed is booked (or parked in ``waiting``) up to ``cursor``."""
        self._set(cursor=cursor, last_pushed_at=rfc3339(utc_now()))

    def pulled(self, memory: dict[str, Any] | None = None) -> None:
        values: dict[str, Any] = {"last_pulled_at": rfc3339(utc_now())}
        if memory is not None:
            values["memory"] = json.dumps(memory, sort_keys=True)
        self._set(**values)

    def failed(self, message: str) -> None:
        self._set(last_error=message, last_error_at=rfc3339(utc_now()))

    def healed(self) -> None:
        self._set(last_error=None, last_error_at=None)

    def park(self, confirmation: dict[str, Any], message: str) -> None:
        """Keep a refused confirmation with the ERP's message; the feed moves on."""
        now = rfc3339(utc_now())
        cid = str(confirmation["id"])
        with self.engine.begin() as conn:
            row = conn.execute(
                select(waiting.c.attempts).where(
                    waiting.c.adapter == self.adapter, waiting.c.confirmation_id == cid
                )
            ).first()
            if row is None:
                conn.execute(
                    waiting.insert().values(
                        adapter=self.adapter,
                        confirmation_id=cid,
                        cursor=int(confirmation.get("cursor", 0)),
                        body=json.dumps(confirmation),
                        message=message,
                        attempts=1,
                        first_failed_at=now,
                        last_tried_at=now,
                    )
                )
            else:
                conn.execute(
                    waiting.update()
                    .where(waiting.c.adapter == self.adapter, waiting.c.confirmation_id == cid)
                    .values(message=message, attempts=int(row.attempts) + 1, last_tried_at=now)
                )

    def unpark(self, confirmation_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                waiting.delete().where(
                    waiting.c.adapter == self.adapter,
                    waiting.c.confirmation_id == confirmation_id,
                )
            )

    def parked(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(waiting).where(waiting.c.adapter == self.adapter).order_by(waiting.c.cursor)
            ).all()
        return [
            {
                "id": r.confirmation_id,
                "cursor": int(r.cursor),
                "message": r.message,
                "attempts": int(r.attempts),
                "first_failed_at": r.first_failed_at,
                "last_tried_at": r.last_tried_at,
                "body": json.loads(r.body),
            }
            for r in rows
        ]
