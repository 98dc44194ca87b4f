"""The inbox/outbox folders as an adapter: master data files dropped into ``DATA/inbox``
are imported, confirmations are written as files into ``DATA/outbox``."""

from __future__ import annotations

from typing import Any

from sync.bridge.erp.base import ErpAdapter, PullReport, PushReport
from sync.bridge.service import Bridge


class FolderAdapter(ErpAdapter):
    name = "folders"

    def __init__(self, bridge: Bridge) -> None:
        self.bridge = bridge
        self.inbox = bridge.data_dir / "inbox"
        self.outbox = bridge.data_dir / "outbox"

    def pull(self, memory: dict[str, Any]) -> PullReport:
        self.inbox.mkdir(parents=True, exist_ok=True)
        report = PullReport()
        for _name, outcome in self.bridge.process_inbox(self.inbox):
            report.add(outcome, 1)
        return report

    def push(self) -> PushReport:
        # The outbox keeps its own mark (feed_marks "outbox"); files are rewritten harmlessly.
        written = self.bridge.write_outbox(self.outbox)
        return PushReport(booked=[f"{written} file(s)"] if written else [])

    def health(self) -> dict[str, Any]:
        return {"ok": self.bridge.data_dir.is_dir(), "inbox": str(self.inbox)}
