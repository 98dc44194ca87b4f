"""The ERP adapter interface: what the bridge asks of any ERP.

An adapter pulls master data and orders *down* (into :meth:`Bridge.import_records`, the
function ``kiosk-bridge erp import`` uses) and pushes confirmations *up* (read from the
confirmation feed, :mod:`sync.bridge.erp.feed`). Each adapter keeps its own checkpoint in
the bridge's database (:mod:`sync.bridge.erp.state`) and reports its health in plain words.

Errors, sorted the way IT acts on them:

* :class:`ErpUnavailable` — the ERP is down or unreachable: retry later, nothing is lost;
* :class:`ErpAuthFailed` — the ERP refused our login: fix the user or password file;
* :class:`ErpRejected` — the ERP refused one booking (a closed production, a product
  without a lot type): that confirmation waits with the ERP's message, the others go on.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from typing import Any


class ErpError(Exception):
    """Something between the bridge and the ERP went wrong; ``str()`` is for IT."""


class ErpUnavailable(ErpError):
    """The ERP does not answer (down, restarting, wrong URL). Retry later."""


class ErpAuthFailed(ErpError):
    """The ERP refused our credentials (wrong user or password)."""


class ErpRejected(ErpError):
    """The ERP refused this booking; retrying it unchanged will not help until someone
    acts in the ERP (reopen the production, set the product's lot type, …)."""


@dataclass
class PullReport:
    """What one pull brought down: records per kind (as ``erp import`` counts them)."""

    upserted: dict[str, int] = field(default_factory=dict)
    memory: dict[str, Any] | None = None  # kept for the adapter's next pull

    def add(self, kind: str, n: int) -> None:
        self.upserted[kind] = self.upserted.get(kind, 0) + n


@dataclass
class PushReport:
    booked: list[str] = field(default_factory=list)  # confirmation ids
    already: list[str] = field(default_factory=list)  # found booked in the ERP
    waiting: dict[str, str] = field(default_factory=dict)  # id → the ERP's message


class ErpAdapter(abc.ABC):
    """One ERP connection. ``name`` keys its checkpoint. The runner
    (:class:`sync.bridge.erp.runner.ErpRunner`) calls :meth:`pull` and :meth:`push`, one
    at a time."""

    name: str = "erp"
    #: False when the ERP reads the feed itself and keeps its own cursor (REST).
    tracks_feed: bool = True

    @abc.abstractmethod
    def pull(self, memory: dict[str, Any]) -> PullReport:
        """Bring master data and orders down into the bridge. ``memory`` is what the last
        pull returned in :attr:`PullReport.memory` (durable, in the checkpoint)."""

    @abc.abstractmethod
    def push(self) -> PushReport:
        """Hand new confirmations to the ERP."""

    def health(self) -> dict[str, Any]:
        """Reachability as the ERP sees it; raises :class:`ErpError` when not healthy."""
        return {"ok": True}

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""


class BookingAdapter(ErpAdapter):
    """An adapter that books confirmations one by one through the ERP's API; the runner
    reads the feed, keeps the cursor and parks refused confirmations."""

    @abc.abstractmethod
    def book(self, confirmation: dict[str, Any]) -> bool:
        """Book one confirmation in the ERP, idempotently: return False if the ERP already
        holds all of it (keyed by the confirmation's units), True if anything was booked
        now. Raise an :class:`ErpError` otherwise."""

    def finish(self, work_orders: set[str]) -> None:
        """After a round's bookings: what the ERP does once per work order rather than per
        confirmation (Tryton sets a production done once its quantity is booked, so the
        units that came together are all booked before it closes). Default: nothing."""
        del work_orders

    def push(self) -> PushReport:
        raise NotImplementedError("the runner pushes a booking adapter's confirmations")
