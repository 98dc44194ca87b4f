"""The REST endpoints as an adapter: the ERP drives. It sends master data with
``PUT/POST /api/v1/erp/{kind}`` and reads ``GET /api/v1/erp/confirmations?since=CURSOR``,
keeping its cursor itself; the bridge has nothing to fetch or send."""

from __future__ import annotations

from typing import Any

from sync.bridge.erp import feed
from sync.bridge.erp.base import ErpAdapter, PullReport, PushReport
from sync.bridge.service import Bridge


class RestAdapter(ErpAdapter):
    name = "rest"
    tracks_feed = False

    def __init__(self, bridge: Bridge) -> None:
        self.bridge = bridge

    def pull(self, memory: dict[str, Any]) -> PullReport:
        return PullReport()  # the ERP PUTs its records

    def push(self) -> PushReport:
        return PushReport()  # the ERP GETs the feed

    def health(self) -> dict[str, Any]:
        page = feed.confirmations_after(self.bridge, 0, 1)
        return {"ok": True, "feed_has_confirmations": bool(page.confirmations)}
