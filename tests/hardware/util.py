"""Helpers for the hardware tests: collect callback values across threads, with timeouts."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from hardware.base import Device


class Collector:
    """Records a device's scans/results, statuses and errors; waits with a timeout."""

    def __init__(self, device: Device | None = None) -> None:
        self.items: list[Any] = []
        self.statuses: list[Any] = []
        self.errors: list[Any] = []
        self._cond = threading.Condition()
        if device is not None:
            for name in ("add_scan_listener", "add_result_listener"):
                if hasattr(device, name):
                    getattr(device, name)(self._add(self.items))
            device.add_status_listener(self._add(self.statuses))
            device.add_error_listener(self._add(self.errors))

    def _add(self, target: list[Any]) -> Callable[[Any], None]:
        def add(value: Any) -> None:
            with self._cond:
                target.append(value)
                self._cond.notify_all()

        return add

    def wait(self, predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(left, 0.05))  # predicates may read other state too
        return True

    def wait_items(self, n: int, timeout: float = 5.0) -> list[Any]:
        assert self.wait(lambda: len(self.items) >= n, timeout), (
            f"expected {n} items, got {self.items!r}; errors {self.errors!r}"
        )
        return self.items

    def wait_state(self, state: str, timeout: float = 5.0, after: int = 0) -> Any:
        ok = self.wait(lambda: any(s.state == state for s in self.statuses[after:]), timeout)
        assert ok, f"no {state!r} status; got {self.statuses!r}"
        return next(s for s in self.statuses[after:] if s.state == state)

    def settle(self, seconds: float = 0.15) -> None:
        time.sleep(seconds)
