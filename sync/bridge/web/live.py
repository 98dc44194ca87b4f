"""Live updates: one watcher per bridge process polls the database for new events (every
``POLL_S``) and wakes every open server-sent-event stream. Polling the database, not a
hook in the push route, so a push handled by any of several workers reaches every
browser."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import anyio.to_thread

log = logging.getLogger("sync.bridge.web")

POLL_S = 0.2


class ChangeWatcher:
    """Holds the latest ``(event id, andon clear id, stations)``; :meth:`wait_change` returns when
    it moves. Polls only while someone listens."""

    def __init__(
        self, read_version: Callable[[], tuple[int, int, int]], poll_s: float = POLL_S
    ) -> None:
        self._read = read_version
        self._poll_s = poll_s
        self.version: tuple[int, int, int] = (0, 0, 0)
        self._changed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._listeners = 0
        self._failing = False

    async def _run(self) -> None:
        while self._listeners > 0:
            try:
                version = await anyio.to_thread.run_sync(self._read)
            except Exception as err:  # the database is away: say so once, keep trying
                if not self._failing:
                    log.warning("live view: cannot read the database (%s); retrying", err)
                self._failing = True
            else:
                if self._failing:
                    log.info("live view: the database answers again")
                self._failing = False
                if version != self.version:
                    self.version = version
                    changed, self._changed = self._changed, asyncio.Event()
                    changed.set()
            await asyncio.sleep(self._poll_s)
        self._task = None

    def subscribe(self) -> None:
        self._listeners += 1
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    def unsubscribe(self) -> None:
        self._listeners = max(0, self._listeners - 1)

    async def wait_change(self, timeout: float) -> bool:
        """True when the version moved within ``timeout`` seconds."""
        event = self._changed
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except TimeoutError:
            return False
        return True
