"""The station's sync client: pushes the outbox, pulls master data, fetches media.

Three layers, like Home Assistant's update coordinator:

- :class:`BridgeSession` speaks HTTP (requests): timeouts always set, a versioned
  User-Agent, the station's bearer token, TLS verified against a configurable CA file; it
  sorts failures into :class:`RetryLater`, :class:`AuthFailed` and :class:`BatchRefused`.
- :class:`StationSync` runs one cycle (push → pull → media → prune) against the store.
- :class:`SyncCoordinator` owns a worker thread that runs cycles, retries with full-jitter
  backoff (honouring ``Retry-After``), publishes one :class:`SyncStatus` to listeners and
  logs once when things start failing and once when they recover.

Why one module of ~1200 lines, not split: the three layers share the failure types, the
status snapshot and the batch bookkeeping, and one push's path (build, send, classify,
retry, report) reads top to bottom here; split by layer it would span three files.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import json
import logging
import os
import random
import ssl
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import requests
from requests.adapters import HTTPAdapter

from kiosk import __version__
from kiosk.errors import StoreError, StoreFull
from kiosk.store import Store, outbox
from kiosk.store.events import rfc3339
from kiosk.store.masterdata import MasterDataError, apply_change
from kiosk.store.schema import media as media_table
from sync.protocol import (
    API_PREFIX,
    LATER_ENTITIES,
    MAX_BATCH,
    PROTOCOL_VERSION,
    ChangesPage,
    Hello,
    PushResponse,
)

log = logging.getLogger("sync.client")

USER_AGENT = f"station-kiosk/{__version__} (protocol {PROTOCOL_VERSION})"
DEFAULT_TIMEOUT = (5.0, 30.0)  # (connect, read) seconds
#: The later master-data entities this station reads (the bridge sends it nothing else).
_UNDERSTANDS = ",".join(sorted(LATER_ENTITIES))

# meta keys: the status survives restarts and `kiosk sync status` reads it from the DB.
KEY_LAST_SUCCESS = "sync.last_success"
KEY_OFFLINE_SINCE = "sync.offline_since"
KEY_AUTH_FAILED = "sync.auth_failed"
KEY_LAST_ERROR = "sync.last_error"
KEY_CLOCK_SKEW = "sync.clock_skew_s"
KEY_LAST_PRUNE = "sync.last_prune"
KEY_BRIDGE_EPOCH = "sync.bridge_epoch"

#: Ask the bridge what it holds this often (and at start, and after any 409).
HELLO_INTERVAL_S = 300.0


# --- failures --------------------------------------------------------------------------


class SyncError(Exception):
    """Base of the sync client's errors; ``str()`` is a sentence for a line lead.
    ``report``: what the bridge acknowledged in the cycle before it failed, if any."""

    report: CycleReport | None = None


class RetryLater(SyncError):
    """Not now: network down, timeout, 5xx, 429/503. ``retry_after`` if the bridge said."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class AuthFailed(SyncError):
    """The bridge refuses this station's token (401), or it is another station's (403/404).
    Retrying will not help: the station must be provisioned again."""


class TokenUnreadable(AuthFailed):
    """The station's token file is missing, empty or cannot be read."""


class LocalWriteFailed(SyncError):
    """The bridge answered, but this station could not record the answer (a full disk, a
    locked or damaged database). ``report`` holds exactly what the bridge acknowledged; the
    events stay queued here and the bridge answers ``duplicate`` when they come again."""

    def __init__(self, message: str, report: CycleReport, advice: str = "") -> None:
        super().__init__(message)
        self.report = report
        self.advice = advice


LOCAL_WRITE_ADVICE = (
    "Call IT to free disk space on the station; the events stay queued and the bridge "
    "answers 'duplicate' when they come again."
)


def local_problem(err: StoreError, path: Path) -> str:
    """The station database's failure in sync's words (not the engine's "nothing was
    recorded": the bridge may well have recorded everything)."""
    if isinstance(err, StoreFull):
        return f"the disk holding the station database {path} is full"
    return str(err).rstrip(".")


class BatchRefused(SyncError):
    """A 4xx for a whole request: validation, too large, a gap. Not retried as is."""

    def __init__(self, status: int, code: str, reason: str, detail: Any = None) -> None:
        super().__init__(f"{reason} ({code})")
        self.status = status
        self.code = code
        self.reason = reason
        self.detail = detail


class TlsFailed(RetryLater):
    """TLS to the bridge failed for a reason the line lead or IT can act on. ``kind`` is one
    of :data:`TLS_KINDS`; ``str()`` is the plain sentence (no OpenSSL text)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


#: Every ``TlsFailed.kind`` (``kiosk provision`` / ``kiosk sync now`` map each to an exit code).
TLS_KINDS = (
    "ca_file_missing",
    "ca_file_unreadable",
    "ca_file_invalid",
    "untrusted",
    "expired",
    "not_yet_valid",
    "name_mismatch",
    "tls_other",
)

# OpenSSL X509_V_ERR_* codes (ssl.SSLCertVerificationError.verify_code).
_X509_EXPIRED = 10
_X509_NOT_YET_VALID = 9
_X509_HOST_MISMATCH = 62
_X509_IP_MISMATCH = 64
_X509_UNTRUSTED = (2, 18, 19, 20, 21, 27, 28)


def _ssl_cause(err: BaseException) -> ssl.SSLError | None:
    """The :class:`ssl.SSLError` under requests' and urllib3's wrappers, if any."""
    seen: set[int] = set()
    todo: list[BaseException] = [err]
    while todo:
        e = todo.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, ssl.SSLError):
            return e
        todo.extend(a for a in getattr(e, "args", ()) if isinstance(a, BaseException))
        for linked in (e.__cause__, e.__context__, getattr(e, "reason", None)):
            if isinstance(linked, BaseException):
                todo.append(linked)
    return None


def classify_tls_error(err: BaseException, url: str, ca_file: str | None) -> TlsFailed:
    """One plain sentence per reason a certificate check fails."""
    cause = _ssl_cause(err)
    code = getattr(cause, "verify_code", None)
    where = f"the bridge at {url}"
    trust = f"the CA file {ca_file}" if ca_file else "this computer's trusted CAs"
    if code == _X509_EXPIRED:
        return TlsFailed(
            "expired",
            f"{where} presents an expired certificate: renew the bridge's certificate "
            "(or check this station's date and time)",
        )
    if code == _X509_NOT_YET_VALID:
        return TlsFailed(
            "not_yet_valid",
            f"{where} presents a certificate that is not valid yet: check this station's "
            "date and time, or the certificate's start date",
        )
    if code in (_X509_HOST_MISMATCH, _X509_IP_MISMATCH):
        return TlsFailed(
            "name_mismatch",
            f"{where} presents a certificate for another name: use the host name the "
            "certificate was made for in the bridge URL, or reissue the certificate",
        )
    if code in _X509_UNTRUSTED:
        return TlsFailed(
            "untrusted",
            f"{where} presents a certificate that {trust} does not trust: configure the "
            "CA that signed the bridge's certificate (kiosk provision --ca)",
        )
    return TlsFailed(
        "tls_other",
        f"TLS to {where} failed ({getattr(cause, 'reason', None) or type(err).__name__}): "
        "check that the URL is https and the bridge serves TLS",
    )


def check_ca_file(ca_file: str) -> None:
    """A configured CA file exists, can be read and holds a certificate, or TlsFailed."""
    path = Path(ca_file)
    if not path.exists():
        raise TlsFailed(
            "ca_file_missing",
            f"the CA file {ca_file} does not exist: copy the bridge's CA certificate there "
            "or provision again with --ca",
        )
    try:
        ssl.create_default_context().load_verify_locations(cafile=str(path))
    except PermissionError as err:
        raise TlsFailed(
            "ca_file_unreadable",
            f"the CA file {ca_file} cannot be read by this user: make it readable "
            f"(chmod 644 {ca_file})",
        ) from err
    except (ssl.SSLError, OSError, ValueError) as err:
        raise TlsFailed(
            "ca_file_invalid",
            f"the CA file {ca_file} holds no PEM certificate: copy the bridge's CA "
            "certificate (-----BEGIN CERTIFICATE-----) there",
        ) from err


class MediaCorrupt(SyncError):
    """A downloaded media file does not have the sha256 it was asked for."""


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After``: delay-seconds or an HTTP date → seconds from now (≥ 0)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def full_jitter(attempt: int, base: float = 0.5, cap: float = 60.0) -> float:
    """AWS-style full jitter: uniform in [0, min(cap, base·2^attempt)]."""
    return random.uniform(0.0, min(cap, base * (2.0 ** min(attempt, 30))))


@dataclass(frozen=True)
class BridgeHello:
    """The bridge's answer to the hello (COMMON.md contract 3), as the station reads it."""

    station: str
    last_seq: int
    epoch: str | None
    clock_skew_s: float | None  # station clock minus bridge clock (+ = station ahead)


# --- HTTP ------------------------------------------------------------------------------


class BridgeSession:
    """HTTP to the bridge for one station. Thread-confined: one per worker."""

    def __init__(
        self,
        base_url: str,
        station: str,
        token: str,
        *,
        ca_file: str | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.station = station
        self.timeout = timeout
        self.http = requests.Session()
        # No urllib3 retries: POST is not retried there, and we keep one retry policy.
        adapter = HTTPAdapter(max_retries=0, pool_connections=2, pool_maxsize=4)
        self.http.mount("http://", adapter)
        self.http.mount("https://", adapter)
        self.http.headers.update(
            {
                "User-Agent": f"{USER_AGENT} station/{station}",
                "Authorization": f"Bearer {token}",
                "Accept": "application/json",
            }
        )
        # A configured CA file is the only trust store: it goes with every request, because
        # requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE replace a *session's* verify
        # (merge_environment_settings, psf/requests#3829) but never a request's.
        self.ca_file = ca_file or None
        if self.ca_file:
            check_ca_file(self.ca_file)
        self.verify: str | bool = self.ca_file or True
        self.http.verify = self.verify

    def close(self) -> None:
        self.http.close()

    def _url(self, path: str) -> str:
        return f"{self.base_url}{API_PREFIX}{path}"

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        try:
            resp = self.http.request(
                method, self._url(path), timeout=self.timeout, verify=self.verify, **kwargs
            )
        except requests.exceptions.SSLError as err:
            raise classify_tls_error(err, self.base_url, self.ca_file) from err
        except requests.exceptions.RequestException as err:
            raise RetryLater(f"the bridge cannot be reached: {type(err).__name__}") from err
        if resp.status_code < 400:
            return resp
        problem: dict[str, Any] = {}
        with contextlib.suppress(ValueError):
            body = resp.json()
            if isinstance(body, dict):
                problem = body
        code = str(problem.get("code") or f"http_{resp.status_code}")
        reason = str(problem.get("reason") or resp.reason or "")
        if resp.status_code in (429, 503):
            raise RetryLater(
                f"the bridge is busy ({resp.status_code})",
                parse_retry_after(resp.headers.get("Retry-After")),
            )
        if resp.status_code >= 500 or resp.status_code == 408:
            raise RetryLater(f"the bridge failed ({resp.status_code} {code})")
        if resp.status_code == 401 or (
            resp.status_code in (403, 404)
            and code in ("wrong_station", "unknown_station", "invalid_token")
        ):
            raise AuthFailed(f"the bridge refuses this station's token: {reason} ({code})")
        raise BatchRefused(resp.status_code, code, reason, problem.get("detail"))

    def station_hello(self) -> BridgeHello | None:
        """``GET /stations/{id}/hello``: how far the bridge holds this station's events.
        None from an older bridge without the endpoint (404 that is not about the token)."""
        t0 = time.time()
        try:
            resp = self.request("GET", f"/stations/{self.station}/hello")
        except BatchRefused as err:
            if err.status in (404, 405):
                return None
            raise
        t1 = time.time()
        try:
            body = resp.json()
            last_seq = int(body["last_seq"])
            server_time = body.get("server_time")
            moment = (
                datetime.fromisoformat(str(server_time).replace("Z", "+00:00"))
                if server_time
                else None
            )
        except (ValueError, KeyError, TypeError) as err:
            raise RetryLater("the bridge's hello is not understood (is it a bridge?)") from err
        skew = None
        if moment is not None and moment.tzinfo is not None:
            skew = round((t0 + t1) / 2 - moment.timestamp(), 3)
        return BridgeHello(
            station=str(body.get("station", self.station)),
            last_seq=max(0, last_seq),
            epoch=str(body["epoch"]) if body.get("epoch") is not None else None,
            clock_skew_s=skew,
        )

    def hello(self) -> Hello:
        return Hello.model_validate_json(self.request("GET", f"/stations/{self.station}").content)

    def push(self, body: dict[str, Any]) -> PushResponse:
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        resp = self.request(
            "POST",
            f"/stations/{self.station}/events",
            data=data,
            headers={"Content-Type": "application/json"},
        )
        return PushResponse.model_validate_json(resp.content)

    def changes(self, since: int, limit: int) -> ChangesPage:
        resp = self.request(
            "GET",
            f"/stations/{self.station}/changes",
            params={"since": since, "limit": limit, "understands": _UNDERSTANDS},
        )
        return ChangesPage.model_validate_json(resp.content)

    def download(self, sha256: str, target: Path) -> None:
        """Fetch a media file to ``target``, resuming ``target.part``; verify its sha256."""
        part = target.with_name(target.name + ".part")
        target.parent.mkdir(parents=True, exist_ok=True)
        have = part.stat().st_size if part.exists() else 0
        headers = {"Range": f"bytes={have}-"} if have else {}
        resp = self.request("GET", f"/media/{sha256}", headers=headers, stream=True)
        with resp:
            mode = "ab" if have and resp.status_code == 206 else "wb"
            try:
                with open(part, mode) as f:
                    for chunk in resp.iter_content(256 * 1024):
                        f.write(chunk)
                    f.flush()
                    os.fsync(f.fileno())
            except requests.exceptions.RequestException as err:
                raise RetryLater(f"media download interrupted: {type(err).__name__}") from err
        digest = hashlib.sha256()
        with open(part, "rb") as f:
            while chunk := f.read(1024 * 1024):
                digest.update(chunk)
        if digest.hexdigest() != sha256:
            part.unlink(missing_ok=True)
            raise MediaCorrupt(f"media {sha256[:12]}… arrived with another hash; fetched again")
        os.replace(part, target)


# --- status ----------------------------------------------------------------------------

State = Literal[
    "idle", "syncing", "offline", "auth_failed", "not_configured", "stopped", "disk_full"
]

#: A station clock this far from the bridge's is shown to the line lead (the bridge flags
#: the same limit).
CLOCK_SKEW_WARN_S = 120.0
#: Less free space than this beside the station database counts as a full disk.
DISK_FULL_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class SyncStatus:
    """What the UI and ``kiosk sync status`` show. ``next_action`` is for the line lead."""

    state: State
    queued: int
    dead_letters: int
    last_success: str | None
    offline_since: str | None
    auth_failed: bool
    last_error: str | None = None
    clock_skew_s: float | None = None
    oldest_queued_at: str | None = None
    next_action: str = ""
    clock_skew_warning: str | None = None  # a sentence when the clock is off, else None
    disk_free_bytes: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CycleReport:
    pushed: int = 0
    duplicates: int = 0
    dead: int = 0
    pulled: int = 0
    media: int = 0
    pruned: int = 0
    resent: int = 0  # events marked unsent again because the bridge no longer held them
    rejected: int = 0  # events the bridge refused (in results or a refused single event)
    flagged: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def acknowledged(self) -> dict[str, int]:
        """Exactly what the bridge said about the events pushed in this cycle."""
        return {"accepted": self.pushed, "duplicate": self.duplicates, "rejected": self.rejected}


def read_status(store: Store, *, configured: bool = True, running: bool = False) -> SyncStatus:
    """The status from the database alone (what another process left there)."""
    with store.read() as conn:
        counts = outbox.counts(conn)
        last_success = outbox.get_text(conn, KEY_LAST_SUCCESS)
        offline_since = outbox.get_text(conn, KEY_OFFLINE_SINCE)
        auth = outbox.get_text(conn, KEY_AUTH_FAILED)
        last_error = outbox.get_text(conn, KEY_LAST_ERROR)
        skew = outbox.get_text(conn, KEY_CLOCK_SKEW)
    free = disk_free(store.path)
    disk_full = free is not None and free < DISK_FULL_BYTES
    if disk_full and not (last_error and "full" in last_error):
        last_error = (
            f"The disk holding the station database {store.path} is full "
            f"({(free or 0) // 1024} kB free); nothing new can be recorded or confirmed."
        )
    skew_s = float(skew) if skew else None
    state: State
    if not configured:
        state = "not_configured"
    elif disk_full:
        state = "disk_full"
    elif auth:
        state = "auth_failed"
    elif offline_since:
        state = "offline"
    else:
        state = "idle" if running else "stopped"
    return SyncStatus(
        state=state,
        queued=counts.pending,
        dead_letters=counts.dead,
        last_success=last_success,
        offline_since=offline_since,
        auth_failed=bool(auth),
        last_error=last_error or auth,
        clock_skew_s=skew_s,
        oldest_queued_at=counts.oldest_pending_at,
        next_action=_next_action(state, counts.dead, skew_s),
        clock_skew_warning=clock_skew_warning(skew_s),
        disk_free_bytes=free,
    )


def disk_free(path: Path) -> int | None:
    """Free bytes on the file system holding ``path`` (None if it cannot be asked)."""
    import shutil

    for candidate in (path.parent, *path.parents):
        try:
            return shutil.disk_usage(candidate).free
        except OSError:
            continue
    return None


def clock_skew_warning(skew_s: float | None) -> str | None:
    """A sentence for the line lead when the station clock is off by more than the limit."""
    if skew_s is None or abs(skew_s) <= CLOCK_SKEW_WARN_S:
        return None
    minutes = abs(skew_s) / 60
    amount = f"{minutes / 60:.1f} h" if minutes >= 90 else f"{minutes:.0f} min"
    way = "ahead of" if skew_s > 0 else "behind"
    return f"The station clock is {amount} {way} the bridge's."


def _next_action(state: State, dead: int, skew_s: float | None = None) -> str:
    if state == "disk_full":
        return (
            "Call IT to free disk space on the station; queued events are kept and go to "
            "the bridge when there is room."
        )
    if state == "not_configured":
        return "Ask IT to provision the station (kiosk provision)."
    if state == "auth_failed":
        return "The bridge refuses this station: ask IT to re-provision it (kiosk provision)."
    if dead:
        return "Some events were refused by the bridge: review the dead letters and retry."
    if state == "offline":
        return "Work continues offline; events are sent when the network returns."
    if clock_skew_warning(skew_s):
        return (
            "Ask IT to set the station's clock (time sync, NTP): times recorded now are "
            "off and the bridge flags them."
        )
    return ""


# --- one cycle -------------------------------------------------------------------------


class StationSync:
    """One push/pull/media/prune cycle for a station, over a :class:`BridgeSession`."""

    def __init__(
        self,
        store: Store,
        session: BridgeSession,
        *,
        media_dir: Path,
        batch_size: int = 500,
        page_size: int = 500,
        retention_days: float = 90,
        hello: bool = True,
    ) -> None:
        self.store = store
        self.session = session
        self.hello_first = hello
        self.hello_supported = True
        self.report = CycleReport()
        self.media_dir = media_dir
        self.batch_size = max(1, min(batch_size, MAX_BATCH))
        self.page_size = page_size
        self.retention_days = retention_days
        self.clock_skew_s: float | None = None

    def run_cycle(self, should_stop: Callable[[], bool] = lambda: False) -> CycleReport:
        report = self.report = CycleReport()
        if self.hello_first:
            self.resync(report)
        self.push_all(report, should_stop)
        if not should_stop():
            self.pull_all(report)
        if not should_stop():
            self.fetch_media(report)
        report.pruned = self.prune()
        return report

    # --- hello -----------------------------------------------------------------------------

    def resync(self, report: CycleReport) -> BridgeHello | None:
        """Ask the bridge how far it holds this station's events; what it lacks (a restored
        bridge) is marked unsent again and goes with this cycle. Events up to its
        ``last_seq`` stay done. None (and nothing changed) from an older bridge."""
        hello = self.session.station_hello() if self.hello_supported else None
        if hello is None:
            self.hello_supported = False
            return None
        with self.store.read() as conn:
            old_epoch = outbox.get_text(conn, KEY_BRIDGE_EPOCH)
            old_seq = outbox.get_cursor(conn, outbox.BRIDGE_LAST_SEQ_KEY)
            lost = outbox.sent_after(conn, hello.last_seq)
        n = 0
        epoch_changed = hello.epoch is not None and hello.epoch != old_epoch
        if lost or old_seq != hello.last_seq or epoch_changed:  # no write when all agrees
            with self.store.write() as conn:
                n = outbox.requeue_from(conn, hello.last_seq + 1)
                outbox.set_cursor(conn, hello.last_seq, outbox.BRIDGE_LAST_SEQ_KEY)
                if epoch_changed:
                    outbox.set_text(conn, KEY_BRIDGE_EPOCH, str(hello.epoch))
                    if old_epoch:
                        # Another bridge database: its change feed starts elsewhere, so
                        # pull all master data again (upserts are idempotent).
                        outbox.set_cursor(conn, 0)
        if old_epoch and hello.epoch is not None and hello.epoch != old_epoch:
            log.warning(
                "the bridge's database changed (epoch %s -> %s): pulling master data again",
                old_epoch,
                hello.epoch,
            )
        if n:
            log.warning(
                "the bridge holds this station's events up to seq %d only: sending %d again",
                hello.last_seq,
                n,
            )
        report.resent += n
        if hello.last_seq > 0:
            with self.store.read() as conn:
                newest = outbox.newest_seq(conn)
            if newest < hello.last_seq:
                log.error(
                    "the bridge holds events up to seq %d but this station only up to %d: "
                    "was the station database restored or replaced? Call IT",
                    hello.last_seq,
                    newest,
                )
        if hello.clock_skew_s is not None:
            self.clock_skew_s = hello.clock_skew_s
        return hello

    # --- push ----------------------------------------------------------------------------

    def push_all(self, report: CycleReport, should_stop: Callable[[], bool]) -> None:
        """Drain the outbox in station_seq order. A refused batch is split in halves until
        the refused event is alone; that one becomes a dead letter, the rest go on."""
        size = self.batch_size
        requeued_at: int | None = None
        after = 0
        while not should_stop():
            with self.store.read() as conn:
                rows = outbox.next_batch(conn, size, after)
                bridge_seq = outbox.get_cursor(conn, outbox.BRIDGE_LAST_SEQ_KEY)
                held = outbox.dead_seqs(conn, above=bridge_seq, limit=MAX_BATCH)
            if not rows:
                return
            body = {
                "batch_id": str(uuid.uuid4()),
                "sent_at": rfc3339(datetime.now(UTC)),
                "held": [s for s in held if s < rows[-1].seq],
                "events": [
                    {
                        "event_id": r.event_id,
                        "station_seq": r.seq,
                        "type": r.type,
                        "occurred_at": r.occurred_at,
                        "operator_id": r.operator_id,
                        "schema_version": r.schema_version,
                        "payload": json.loads(r.payload),
                        "payload_sha256": r.payload_sha256,
                    }
                    for r in rows
                ],
            }
            try:
                resp = self.session.push(body)
            except BatchRefused as err:
                if err.code == "seq_gap" and isinstance(err.detail, dict):
                    # Ask what the bridge holds; an older bridge's 409 says where to resume.
                    before = report.resent
                    hello = self.resync(report)
                    if hello is not None:
                        expected = hello.last_seq + 1
                        n = report.resent - before
                    else:
                        expected = int(err.detail.get("expected", 0))
                        with self.store.write() as conn:
                            n = outbox.requeue_from(conn, expected) if expected else 0
                        report.resent += n
                    if n == 0 or requeued_at == expected:
                        raise RetryLater(
                            f"the bridge is missing events from {expected} on that this "
                            f"station no longer holds ({err.reason})"
                        ) from err
                    log.warning("bridge lacks events from seq %s: sending %d again", expected, n)
                    requeued_at = expected
                    continue
                if len(rows) > 1:
                    size = max(1, len(rows) // 2)
                    continue
                with self.store.write() as conn:
                    outbox.mark_dead(conn, rows[0].seq, err.code, err.reason, datetime.now(UTC))
                log.warning("event %s (seq %d) refused: %s", rows[0].type, rows[0].seq, err)
                report.dead += 1
                report.rejected += 1
                size = self.batch_size
                continue
            self._apply_results(resp, report)
            size = min(self.batch_size, size * 2)

    def _apply_results(self, resp: PushResponse, report: CycleReport) -> None:
        now = datetime.now(UTC)
        accepted = [r.station_seq for r in resp.results if r.status == "accepted"]
        duplicate = [r.station_seq for r in resp.results if r.status == "duplicate"]
        rejected = [r for r in resp.results if r.status == "rejected"]
        # What the bridge acknowledged is counted before the local write, so a failing
        # write (a full disk) still reports it exactly.
        for r in resp.results:
            for flag in r.flags:
                report.flagged[flag] = report.flagged.get(flag, 0) + 1
        report.pushed += len(accepted)
        report.duplicates += len(duplicate)
        report.rejected += len(rejected)
        if resp.clock_skew_s is not None:
            self.clock_skew_s = resp.clock_skew_s
        try:
            with self.store.write() as conn:
                outbox.mark_sent(conn, accepted, "accepted", now)
                outbox.mark_sent(conn, duplicate, "duplicate", now)
                for r in rejected:
                    outbox.mark_dead(conn, r.station_seq, r.code or "rejected", r.reason or "", now)
                outbox.set_cursor(conn, resp.last_seq, outbox.BRIDGE_LAST_SEQ_KEY)
        except StoreError as err:
            raise LocalWriteFailed(
                f"the bridge acknowledged {len(accepted)} accepted, {len(duplicate)} "
                f"duplicate and {len(rejected)} rejected event(s), but this station could "
                f"not record that: {local_problem(err, self.store.path)}",
                report,
                LOCAL_WRITE_ADVICE,
            ) from err
        for r in rejected:
            log.warning("event seq %d refused: %s %s", r.station_seq, r.code, r.reason)
        report.dead += len(rejected)

    # --- pull ----------------------------------------------------------------------------

    def pull_all(self, report: CycleReport) -> None:
        """Apply pages of changes; each page and its cursor in one transaction. A change
        the store refuses is logged and skipped, so one bad record cannot stop the rest."""
        while True:
            with self.store.read() as conn:
                cursor = outbox.get_cursor(conn)
            page = self.session.changes(cursor, self.page_size)
            with self.store.write() as conn:
                for ch in page.changes:
                    data = ch.data
                    if ch.entity == "station" and ch.id != self.session.station:
                        continue
                    if ch.entity == "media" and data is not None:
                        data = self._media_record(data)
                    try:
                        with conn.begin_nested():
                            apply_change(conn, ch.entity, ch.op, ch.id, data)
                    except (MasterDataError, KeyError, ValueError, TypeError) as err:
                        log.warning("change %s %s %s skipped: %s", ch.entity, ch.op, ch.id, err)
                outbox.set_cursor(conn, page.next_cursor)
            report.pulled += len(page.changes)
            if not page.has_more or page.next_cursor == cursor:
                return

    @staticmethod
    def _media_record(data: dict[str, Any]) -> dict[str, Any]:
        sha = str(data["sha256"])
        suffix = Path(str(data.get("file_name", ""))).suffix.lower()
        return {
            "sha256": sha,
            "type": data.get("type", "application/octet-stream"),
            "size": int(data.get("size", 0)),
            "file_name": f"{sha}{suffix}",
            "present": False,
        }

    # --- media ---------------------------------------------------------------------------

    def fetch_media(self, report: CycleReport) -> None:
        from sqlalchemy import select

        with self.store.read() as conn:
            missing = conn.execute(
                select(media_table).where(media_table.c.present.is_(False))
            ).all()
        for row in missing:
            target = self.media_dir / row.file_name
            if not target.exists():
                try:
                    self.session.download(row.sha256, target)
                except MediaCorrupt as err:
                    log.warning("%s", err)
                    continue
            with self.store.write() as conn:
                apply_change(
                    conn,
                    "media",
                    "upsert",
                    row.sha256,
                    {
                        "sha256": row.sha256,
                        "type": row.type,
                        "size": row.size,
                        "file_name": row.file_name,
                        "present": True,
                    },
                )
            report.media += 1

    # --- retention -----------------------------------------------------------------------

    def prune(self) -> int:
        if self.retention_days <= 0:
            return 0
        cutoff = datetime.now(UTC) - timedelta(days=self.retention_days)
        with self.store.write() as conn:
            return outbox.prune_synced(conn, cutoff)


# --- coordinator -----------------------------------------------------------------------

Listener = Callable[[SyncStatus], None]


class SyncCoordinator:
    """Runs sync cycles on its own thread and publishes one :class:`SyncStatus`.

    Listeners are plain callables called *on the worker thread* with the new status
    whenever it changes; the UI re-emits them as queued Qt signals.
    """

    def __init__(
        self,
        store: Store,
        session_factory: Callable[[], BridgeSession] | None,
        *,
        media_dir: Path,
        interval_s: float = 10.0,
        retention_days: float = 90,
        batch_size: int = 500,
        backoff_base_s: float = 0.5,
        backoff_cap_s: float = 60.0,
        hello_interval_s: float = HELLO_INTERVAL_S,
    ) -> None:
        self.store = store
        self.session_factory = session_factory
        self.hello_interval_s = hello_interval_s
        self._hello_at: float | None = None  # monotonic time of the last hello
        self._store_problem: tuple[str, str] | None = None
        self.media_dir = media_dir
        self.interval_s = interval_s
        self.retention_days = retention_days
        self.batch_size = batch_size
        self.backoff_base_s = backoff_base_s
        self.backoff_cap_s = backoff_cap_s
        self._listeners: list[Listener] = []
        self._pull_listeners: list[Callable[[CycleReport], None]] = []
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failures = 0
        self._syncing = False
        self._status = read_status(store, configured=session_factory is not None)
        self.last_report: CycleReport | None = None

    # --- public API ----------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(status)`` on every change; returns a function that removes it."""
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock, contextlib.suppress(ValueError):
                self._listeners.remove(listener)

        return remove

    def add_pull_listener(self, listener: Callable[[CycleReport], None]) -> Callable[[], None]:
        """Call ``listener(report)`` (on the worker thread) after a cycle that brought new
        master data or media down, so screens can redraw what changed."""
        with self._lock:
            self._pull_listeners.append(listener)

        def remove() -> None:
            with self._lock, contextlib.suppress(ValueError):
                self._pull_listeners.remove(listener)

        return remove

    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._publish(replace(self._refresh(), state="stopped"))

    def sync_now(self) -> None:
        """Wake the worker for a cycle now (the line lead's button; new events)."""
        self._wake.set()

    def dead_letters(self) -> list[outbox.DeadLetter]:
        with self.store.read() as conn:
            return outbox.dead_letters(conn)

    def retry_dead_letters(self, seqs: list[int] | None = None) -> int:
        """Queue dead letters again (all, or the given seqs) and sync now."""
        with self.store.write() as conn:
            n = outbox.retry_dead(conn, seqs)
        self._publish(self._refresh())
        self.sync_now()
        return n

    def run_once(self, attempts: int = 1) -> CycleReport:
        """One cycle on the caller's thread, retried up to ``attempts`` times (for
        ``kiosk sync now``). Raises the last failure."""
        for attempt in range(attempts):
            try:
                return self._cycle()
            except RetryLater as err:
                if attempt + 1 >= attempts or isinstance(err, TlsFailed):
                    raise  # a certificate does not mend itself in seconds
                time.sleep(err.retry_after if err.retry_after is not None else self._delay())
        raise AssertionError("unreachable")

    # --- worker --------------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            delay = self.interval_s
            try:
                self._cycle()
            except AuthFailed:
                # Stop trying until re-provisioned (a restart or reconfigure).
                self._wake.wait()
                self._wake.clear()
                continue
            except RetryLater as err:
                delay = err.retry_after if err.retry_after is not None else self._delay()
            except LocalWriteFailed:
                self._failures += 1
                delay = self._delay()
            except Exception:  # a bug must not kill the worker; the log has the traceback
                log.exception("sync cycle failed")
                self._failed("internal error (see the log)")
                delay = self._delay()
            self._wake.wait(delay)
            self._wake.clear()

    def _delay(self) -> float:
        return full_jitter(self._failures, self.backoff_base_s, self.backoff_cap_s)

    def _cycle(self) -> CycleReport:
        if self.session_factory is None:
            self._publish(self._refresh())
            raise AuthFailed("the station is not provisioned")
        self._syncing = True
        self._publish(self._refresh())
        session: BridgeSession | None = None
        sync: StationSync | None = None
        try:
            session = self.session_factory()
            sync = StationSync(
                self.store,
                session,
                media_dir=self.media_dir,
                batch_size=self.batch_size,
                retention_days=self.retention_days,
                hello=self._hello_at is None
                or time.monotonic() - self._hello_at >= self.hello_interval_s,
            )
            report = sync.run_cycle(self._stop.is_set)
            if sync.hello_first:
                self._hello_at = time.monotonic()
        except AuthFailed as err:
            self._auth_failed(str(err))
            err.report = sync.report if sync is not None else None
            raise
        except RetryLater as err:
            self._failed(str(err))
            # What the bridge acknowledged before the failure (``kiosk sync now`` prints it).
            err.report = sync.report if sync is not None else None
            raise
        except LocalWriteFailed as err:
            self._store_failed(str(err), full="full" in str(err))
            raise
        except StoreError as err:
            message = local_problem(err, self.store.path)
            self._store_failed(message, full=isinstance(err, StoreFull))
            partial = sync.report if sync is not None else CycleReport()
            raise LocalWriteFailed(message, partial, LOCAL_WRITE_ADVICE) from err
        finally:
            self._syncing = False
            if session is not None:
                session.close()
        self.last_report = report
        self._store_problem = None
        try:
            self._succeeded(sync.clock_skew_s)
        except StoreError as err:
            message = local_problem(err, self.store.path)
            self._store_failed(message, full=isinstance(err, StoreFull))
            raise LocalWriteFailed(message, report, LOCAL_WRITE_ADVICE) from err
        if report.pulled or report.media:
            with self._lock:
                pull_listeners = list(self._pull_listeners)
            for listener in pull_listeners:
                try:
                    listener(report)
                except Exception:  # a listener's bug must not stop syncing
                    log.exception("sync pull listener failed")
        return report

    def _succeeded(self, skew: float | None) -> None:
        now = rfc3339(datetime.now(UTC))
        with self.store.write() as conn:
            was_offline = outbox.get_text(conn, KEY_OFFLINE_SINCE)
            outbox.set_text(conn, KEY_LAST_SUCCESS, now)
            outbox.set_text(conn, KEY_OFFLINE_SINCE, None)
            outbox.set_text(conn, KEY_AUTH_FAILED, None)
            outbox.set_text(conn, KEY_LAST_ERROR, None)
            outbox.set_text(conn, KEY_CLOCK_SKEW, None if skew is None else f"{skew:.3f}")
        if was_offline or self._failures:
            log.info("sync recovered (offline since %s)", was_offline)
        self._failures = 0
        self._publish(self._refresh())

    def _store_failed(self, message: str, *, full: bool) -> None:
        """The station's own database refused a write: keep the sentence in memory (the
        database cannot take it) so the top bar and ``sync_now`` callers see it."""
        if self._store_problem is None:
            log.error("sync cannot record its progress: %s", message)
        self._store_problem = ("disk_full" if full else "offline", message)
        self._publish(self._refresh())

    def _failed(self, message: str) -> None:
        now = rfc3339(datetime.now(UTC))
        with contextlib.suppress(StoreError), self.store.write() as conn:
            if not outbox.get_text(conn, KEY_OFFLINE_SINCE):
                outbox.set_text(conn, KEY_OFFLINE_SINCE, now)
            outbox.set_text(conn, KEY_LAST_ERROR, message)
        if self._failures == 0:
            log.warning("sync failing, will retry: %s", message)
        self._failures += 1
        self._publish(self._refresh())

    def _auth_failed(self, message: str) -> None:
        with self.store.write() as conn:
            outbox.set_text(conn, KEY_AUTH_FAILED, message)
        log.error("sync stopped: %s", message)
        self._publish(self._refresh())

    def _refresh(self) -> SyncStatus:
        status = read_status(
            self.store,
            configured=self.session_factory is not None,
            running=self._thread is not None,
        )
        if self._store_problem is not None:
            state, message = self._store_problem
            status = replace(
                status,
                state="disk_full" if state == "disk_full" else status.state,
                last_error=message,
                next_action=_next_action("disk_full", 0) if state == "disk_full" else "",
            )
        if self._syncing and status.state in ("idle", "stopped"):
            status = replace(status, state="syncing")
        return status

    def _publish(self, status: SyncStatus) -> None:
        with self._lock:
            changed = status != self._status
            self._status = status
            listeners = list(self._listeners)
        if changed:
            for listener in listeners:
                try:
                    listener(status)
                except Exception:  # a listener's bug must not stop syncing
                    log.exception("sync status listener failed")


# --- wiring from the station configuration ---------------------------------------------


def read_token(path: str) -> str:
    try:
        token = Path(path).read_text(encoding="utf-8").strip()
    except OSError as err:
        raise TokenUnreadable(f"cannot read the token file {path}: {err.strerror}") from err
    if not token:
        raise TokenUnreadable(f"the token file {path} is empty")
    return token


def coordinator_from_config(cfg: Any, store: Store) -> SyncCoordinator:
    """A coordinator for ``cfg`` (a :class:`kiosk.config.Config`). Unprovisioned stations
    get one whose status says so."""
    factory: Callable[[], BridgeSession] | None = None
    if cfg.bridge.url and cfg.bridge.token_file:

        def factory() -> BridgeSession:
            return BridgeSession(
                cfg.bridge.url,
                cfg.station.id,
                read_token(cfg.bridge.token_file),
                ca_file=cfg.bridge.ca_file or None,
            )

    return SyncCoordinator(
        store,
        factory,
        media_dir=cfg.media_dir,
        interval_s=cfg.bridge.interval_s,
        retention_days=cfg.bridge.retention_days,
    )


@contextlib.contextmanager
def running(coordinator: SyncCoordinator) -> Iterator[SyncCoordinator]:
    coordinator.start()
    try:
        yield coordinator
    finally:
        coordinator.stop()
