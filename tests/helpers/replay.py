"""Rebuild a station's projections from its events in a fresh database and compare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from kiosk.store import Store, open_store
from kiosk.store.events import load_events, replay
from kiosk.store.schema import PROJECTIONS, work_orders


def projection_dump(store: Store) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with store.read() as conn:
        for table in PROJECTIONS:
            rows = conn.execute(select(table)).mappings().all()
            out[table.name] = sorted((dict(r) for r in rows), key=repr)
        cols = [work_orders.c.number, work_orders.c.done, work_orders.c.scrapped]
        cols += [work_orders.c.next_serial, work_orders.c.status]
        out["work_orders"] = sorted(tuple(r) for r in conn.execute(select(*cols)))
    return out


def replayed(store: Store, root: Path, seed: Any) -> dict[str, Any]:
    """The projections obtained by replaying ``store``'s events over fresh master data."""
    fresh = open_store(root / "replay.db")
    seed(fresh, root / "replay-seed")
    with store.read() as conn:
        evs = load_events(conn)
    with fresh.write() as conn:
        replay(conn, evs)
    dump = projection_dump(fresh)
    fresh.close()
    return dump
