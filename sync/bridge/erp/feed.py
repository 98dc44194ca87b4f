"""The one place an adapter reads the confirmation feed (what ``GET
/api/v1/erp/confirmations`` serves) and the master-data entry (what ``kiosk-bridge erp
import`` uses). Re-point these two functions if the bridge's service moves."""

from __future__ import annotations

from typing import Any

from sync.bridge.service import Bridge
from sync.protocol import ConfirmationsPage, ImportResult


def confirmations_after(bridge: Bridge, cursor: int, limit: int = 100) -> ConfirmationsPage:
    """Confirmations with a feed cursor above ``cursor``, oldest first."""
    return bridge.confirmations(cursor, limit)


def import_master_data(bridge: Bridge, kind: str, items: list[Any]) -> ImportResult:
    """Master data from an ERP, through the same validation as ``erp import``."""
    return bridge.import_records(kind, items)
