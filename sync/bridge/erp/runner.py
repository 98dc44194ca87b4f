"""The ERP loop: pull, then push; the cursor advances only after a confirmation is booked
or parked, so a crash anywhere books it again (the adapter's writes are idempotent) and
never skips it."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from sync.bridge.erp import feed
from sync.bridge.erp.base import (
    BookingAdapter,
    ErpAdapter,
    ErpAuthFailed,
    ErpError,
    ErpRejected,
    ErpUnavailable,
    PullReport,
    PushReport,
)
from sync.bridge.erp.state import AdapterState
from sync.bridge.service import Bridge

log = logging.getLogger("sync.bridge.erp")

#: After the ERP refused our login, the loop tries again this much later.
AUTH_RETRY_S = 60.0


def plain(err: ErpError) -> str:
    """The error as IT reads it in ``erp status``."""
    if isinstance(err, ErpUnavailable):
        return f"the ERP is not reachable: {err}. Confirmations wait; nothing is lost."
    if isinstance(err, ErpAuthFailed):
        return f"the ERP refused our login: {err}"
    return str(err)


class ErpRunner:
    def __init__(self, bridge: Bridge, adapter: ErpAdapter, *, retry_s: float = 60.0) -> None:
        """``retry_s``: how often a confirmation the ERP refused is tried again."""
        self.bridge = bridge
        self.adapter = adapter
        self.retry_s = retry_s
        self.state = AdapterState(bridge.engine, adapter.name)
        self._failing = False
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        #: A round renews its lease; a loop on another machine that died frees it after
        #: this long (one on this machine at once).
        self.lease_s = 60.0

    # --- one round ---------------------------------------------------------------------

    def pull(self) -> PullReport:
        report = self.adapter.pull(self.state.load().memory)
        self.state.pulled(report.memory)
        return report

    def push(self) -> PushReport:
        if not isinstance(self.adapter, BookingAdapter):
            top = self._feed_end(self.state.load().cursor)
            report = self.adapter.push()  # hands over everything up to ``top`` at least
            if self.adapter.tracks_feed:
                self.state.advance(top)
            return report
        adapter = self.adapter
        report = PushReport()

        touched: set[str] = set()

        def book(c: dict[str, Any]) -> bool:
            """True: booked or already there; False: parked."""
            cid = str(c["id"])
            try:
                (report.booked if adapter.book(c) else report.already).append(cid)
                touched.add(str(c.get("work_order", "")))
            except ErpRejected as err:
                log.warning("ERP refused confirmation %s: %s", cid, err)
                self.state.park(c, str(err))
                report.waiting[cid] = str(err)
                return False
            return True

        now = datetime.now(UTC)
        for parked in self.state.parked():
            tried = datetime.fromisoformat(parked["last_tried_at"])
            if (now - tried).total_seconds() < self.retry_s:
                continue
            if book(parked["body"]):
                self.state.unpark(parked["id"])
        cursor = self.state.load().cursor
        while True:
            page = feed.confirmations_after(self.bridge, cursor, 100)
            for c in page.confirmations:
                self.state.renew(self.owner, self.lease_s)  # a long backlog
                book(c)
                cursor = int(c["cursor"])
                self.state.advance(cursor)
            if not page.has_more:
                break
        adapter.finish(touched)
        return report

    def round(self, *, pull: bool = True, hold: bool = False) -> dict[str, Any]:
        """Pull (optional) then push. ERP down or login refused: recorded, nothing moves,
        the next round tries again. Only one loop per adapter books at a time (a lease in
        the database); ``hold`` keeps the lease for the next round (:meth:`run`)."""
        try:
            return self._round(pull)
        finally:
            if not hold:
                self.state.release(self.owner)

    def _round(self, pull: bool) -> dict[str, Any]:
        out: dict[str, Any] = {}
        holder = self.state.acquire(self.owner, self.lease_s)
        if holder is not None:
            out["skipped"] = f"another ERP loop ({holder}) is running for {self.adapter.name}"
            return out
        try:
            if pull:
                out["pulled"] = self.pull().upserted
            pushed = self.push()
            out |= {"booked": pushed.booked, "already": pushed.already, "waiting": pushed.waiting}
        except ErpError as err:
            message = plain(err)
            self.state.failed(message)
            if not self._failing:
                log.error("ERP %s: %s", self.adapter.name, message)
            self._failing = True
            out["error"] = message
            out["auth_failed"] = isinstance(err, ErpAuthFailed)
            return out
        if self._failing:
            log.info("ERP %s: recovered", self.adapter.name)
        self._failing = False
        self.state.healed()
        return out

    def run(self, every_s: float, stop: threading.Event, pull_every_s: float = 30.0) -> None:
        """Rounds until ``stop``: push every ``every_s``, pull every ``pull_every_s``. After
        a refused login it waits ``AUTH_RETRY_S``: ERPs lock out a user who keeps trying."""
        last_pull = -1e18
        while not stop.is_set():
            now = time.monotonic()
            pull = now - last_pull >= pull_every_s
            out: dict[str, Any] = {}
            try:
                out = self.round(pull=pull, hold=True)
            except Exception:  # the loop must outlive one bad round; the log has it
                log.exception("ERP round failed")
            if pull:
                last_pull = now
            stop.wait(max(every_s, AUTH_RETRY_S) if out.get("auth_failed") else every_s)
        self.state.release(self.owner)

    def _feed_end(self, cursor: int) -> int:
        while True:
            page = feed.confirmations_after(self.bridge, cursor, 500)
            cursor = page.next_cursor
            if not page.has_more:
                return cursor

    # --- status ------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        cp = self.state.load()
        backlog = 0
        cursor = cp.cursor
        while True:
            page = feed.confirmations_after(self.bridge, cursor, 500)
            backlog += len(page.confirmations)
            cursor = page.next_cursor
            if not page.has_more:
                break
        parked = self.state.parked()
        health: dict[str, Any]
        try:
            health = self.adapter.health()
        except ErpError as err:
            health = {"ok": False, "message": plain(err)}
        tracked = self.adapter.tracks_feed
        return {
            "adapter": self.adapter.name,
            "reachable": bool(health.get("ok")),
            "health": health,
            "last_pulled_at": cp.last_pulled_at,
            "last_pushed_at": cp.last_pushed_at,
            "cursor": cp.cursor,
            # REST: the ERP keeps its own cursor, so the bridge cannot know its backlog.
            "backlog": backlog + len(parked) if tracked else None,
            "new": backlog if tracked else None,
            "waiting": [
                {k: p[k] for k in ("id", "cursor", "message", "attempts", "last_tried_at")}
                for p in parked
            ],
            "last_error": cp.last_error,
            "last_error_at": cp.last_error_at,
        }
