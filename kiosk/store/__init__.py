"""The station's durable local store (SQLite): schema, opening, events and projections."""

from kiosk.store.db import CheckReport, Store, open_store

__all__ = ["CheckReport", "Store", "open_store"]
