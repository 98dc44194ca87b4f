"""The outbox: the station-side queries the sync client runs over ``events`` and ``meta``.

``events.sync_state`` is the outbox: ``pending`` (not yet confirmed by the bridge),
``sent`` (accepted or duplicate: the bridge has it) or ``dead`` (rejected: a dead letter a
line lead can see and retry). Every function works inside the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, delete, func, select, update

from kiosk.store.events import rfc3339
from kiosk.store.masterdata import get_meta, set_meta
from kiosk.store.schema import events

PENDING = "pending"
SENT = "sent"
DEAD = "dead"
#: A dead letter a line lead discarded with a reason (linelead branch): kept in the record,
#: off the list, still declared to the bridge as held back.
DISCARDED = "discarded"

PULL_CURSOR_KEY = "sync.pull_cursor"
BRIDGE_LAST_SEQ_KEY = "sync.bridge_last_seq"


@dataclass(frozen=True)
class OutboxEvent:
    """One event as it goes on the wire."""

    seq: int
    event_id: str
    type: str
    occurred_at: str
    operator_id: str | None
    schema_version: int
    payload: str  # canonical JSON, as hashed
    payload_sha256: str


@dataclass(frozen=True)
class DeadLetter:
    seq: int
    event_id: str
    type: str
    occurred_at: str
    code: str | None
    reason: str | None
    rejected_at: str | None


@dataclass(frozen=True)
class OutboxCounts:
    pending: int
    dead: int
    sent: int
    oldest_pending_at: str | None


def next_batch(conn: Connection, limit: int, after_seq: int = 0) -> list[OutboxEvent]:
    """The next ``limit`` pending events in station_seq order."""
    rows = conn.execute(
        select(
            events.c.seq,
            events.c.event_id,
            events.c.type,
            events.c.occurred_at,
            events.c.operator_id,
            events.c.schema_version,
            events.c.payload,
            events.c.payload_sha256,
        )
        .where(events.c.sync_state == PENDING, events.c.seq > after_seq)
        .order_by(events.c.seq)
        .limit(limit)
    )
    return [
        OutboxEvent(
            seq=r.seq,
            event_id=r.event_id,
            type=r.type,
            occurred_at=r.occurred_at,
            operator_id=r.operator_id,
            schema_version=r.schema_version,
            payload=r.payload,
            payload_sha256=r.payload_sha256,
        )
        for r in rows
    ]


def mark_sent(conn: Connection, seqs: list[int], code: str, at: datetime) -> int:
    """The bridge has these events (``accepted`` or ``duplicate``)."""
    done = 0
    for i in range(0, len(seqs), 500):
        done += conn.execute(
            update(events)
            .where(events.c.seq.in_(seqs[i : i + 500]), events.c.sync_state != SENT)
            .values(sync_state=SENT, sync_code=code, sync_reason=None, synced_at=rfc3339(at))
        ).rowcount
    return done


def mark_dead(conn: Connection, seq: int, code: str, reason: str, at: datetime) -> None:
    """The bridge refused this event: keep it, as a dead letter, out of the queue's way."""
    conn.execute(
        update(events)
        .where(events.c.seq == seq, events.c.sync_state == PENDING)
        .values(sync_state=DEAD, sync_code=code, sync_reason=reason, synced_at=rfc3339(at))
    )


def dead_letters(conn: Connection, limit: int = 1000) -> list[DeadLetter]:
    rows = conn.execute(
        select(events).where(events.c.sync_state == DEAD).order_by(events.c.seq).limit(limit)
    )
    return [
        DeadLetter(
            seq=r.seq,
            event_id=r.event_id,
            type=r.type,
            occurred_at=r.occurred_at,
            code=r.sync_code,
            reason=r.sync_reason,
            rejected_at=r.synced_at,
        )
        for r in rows
    ]


def mark_discarded(conn: Connection, seq: int) -> int:
    """A line lead discarded this dead letter (``kiosk.linelead`` records why)."""
    return conn.execute(
        update(events)
        .where(events.c.seq == seq, events.c.sync_state == DEAD)
        .values(sync_state=DISCARDED)
    ).rowcount


def dead_seqs(conn: Connection, above: int = 0, limit: int = 1000) -> list[int]:
    """Seqs of dead letters above ``above``: the gaps the station declares it holds back."""
    return list(
        conn.execute(
            select(events.c.seq)
            .where(events.c.sync_state.in_((DEAD, DISCARDED)), events.c.seq > above)
            .order_by(events.c.seq)
            .limit(limit)
        ).scalars()
    )


def retry_dead(conn: Connection, seqs: list[int] | None = None) -> int:
    """Put dead letters (all, or the given seqs) back in the queue; returns how many."""
    cond = events.c.sync_state == DEAD
    if seqs is not None:
        cond = and_(cond, events.c.seq.in_(seqs))
    return conn.execute(
        update(events).where(cond).values(sync_state=PENDING, sync_code=None, sync_reason=None)
    ).rowcount


def requeue_from(conn: Connection, seq: int) -> int:
    """The bridge lacks events from ``seq`` on (e.g. restored from a backup): send again."""
    return conn.execute(
        update(events)
        .where(events.c.seq >= seq, events.c.sync_state == SENT)
        .values(sync_state=PENDING, sync_code=None, synced_at=None)
    ).rowcount


def sent_after(conn: Connection, seq: int) -> bool:
    """Whether any event above ``seq`` is marked sent (the bridge says it lacks them)."""
    return (
        conn.execute(
            select(events.c.seq).where(events.c.seq > seq, events.c.sync_state == SENT).limit(1)
        ).first()
        is not None
    )


def newest_seq(conn: Connection) -> int:
    """The highest station_seq recorded here (0 when none)."""
    return int(conn.execute(select(func.max(events.c.seq))).scalar() or 0)


def counts(conn: Connection) -> OutboxCounts:
    by_state: dict[str, int] = {
        str(state): int(n)
        for state, n in conn.execute(
            select(events.c.sync_state, func.count()).group_by(events.c.sync_state)
        )
    }
    oldest = conn.execute(
        select(events.c.occurred_at)
        .where(events.c.sync_state == PENDING)
        .order_by(events.c.seq)
        .limit(1)
    ).scalar_one_or_none()
    return OutboxCounts(
        pending=int(by_state.get(PENDING, 0)),
        dead=int(by_state.get(DEAD, 0)),
        sent=int(by_state.get(SENT, 0)),
        oldest_pending_at=oldest,
    )


def queue_depth(conn: Connection) -> int:
    return int(
        conn.execute(select(func.count()).where(events.c.sync_state == PENDING)).scalar_one()
    )


def prune_synced(conn: Connection, older_than: datetime) -> int:
    """Delete events the bridge confirmed before ``older_than``. Never an unsynced event
    (pending or dead), and never the newest row: the next seq is ``MAX(seq) + 1``."""
    newest = conn.execute(select(func.max(events.c.seq))).scalar()
    if newest is None:
        return 0
    return conn.execute(
        delete(events).where(
            events.c.sync_state == SENT,
            events.c.synced_at < rfc3339(older_than),
            events.c.seq < newest,
        )
    ).rowcount


def get_cursor(conn: Connection, key: str = PULL_CURSOR_KEY) -> int:
    value = get_meta(conn, key)
    return int(value) if value else 0


def set_cursor(conn: Connection, cursor: int, key: str = PULL_CURSOR_KEY) -> None:
    set_meta(conn, key, str(int(cursor)))


def get_text(conn: Connection, key: str) -> str | None:
    return get_meta(conn, key)


def set_text(conn: Connection, key: str, value: str | None) -> None:
    """Set a meta value; ``None`` clears it."""
    from kiosk.store.schema import meta

    if value is None:
        conn.execute(delete(meta).where(meta.c.key == key))
    else:
        set_meta(conn, key, value)
