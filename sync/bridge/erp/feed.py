"""The one place an adapter reads the confirmation feed (what ``GET
/api/v1/erp/confirmations`` serves) and the master-data entry (what ``kiosk-bridge erp
import`` uses). Re-point these two functions if the bridge's service moves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sync.bridge.service import Bridge
from sync.protocol import ImportResult


@dataclass(frozen=True)
class FeedPage:
    """A page of the feed as the adapters read it: each confirmation as its JSON document
    (exactly what ``GET /api/v1/erp/confirmations`` serves)."""

    confirmations: list[dict[str, Any]]
    has_more: bool
    next_cursor: int
    epoch: str = ""


def confirmations_after(bridge: Bridge, cursor: int, limit: int = 100) -> FeedPage:
    """Confirmations with a feed cursor above ``cursor``, oldest first."""
    page = bridge.confirmations(cursor, limit)
    return FeedPage(
        [c.model_dump(mode="json") for c in page.confirmations],
        page.has_more,
        page.next_cursor,
        page.epoch,
    )


def import_master_data(bridge: Bridge, kind: str, items: list[Any]) -> ImportResult:
    """Master data from an ERP, through the same validation as ``erp import``."""
    return bridge.import_records(kind, items)
