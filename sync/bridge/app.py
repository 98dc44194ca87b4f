"""The bridge's HTTP API (FastAPI). Thin: it authenticates, validates and hands over to
:class:`sync.bridge.service.Bridge`. Every 4xx/5xx body is ``{"code", "reason", "detail"}``.

Why one module of ~540 lines, not split: it is the route table of one API (auth
dependencies, error bodies and limits declared once); each handler is a few lines that
hand over to the service.
"""

import contextlib
import gc
import logging
import os
import re
import threading
from collections.abc import AsyncIterator, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import anyio
import anyio.to_thread
from fastapi import Body, Depends, FastAPI, Header, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.bridge.limits import AuthThrottle, BodyLimit, TooManyFailures
from sync.bridge.service import Bridge, BridgeProblem
from sync.protocol import (
    API_PREFIX,
    MAX_BODY_BYTES,
    MAX_PAGE,
    PROTOCOL_VERSION,
    SHA256_RE,
    STATION_ID_RE,
    AsBuilt,
    ChangesPage,
    ConfirmationsPage,
    Hello,
    ImportResult,
    MediaStored,
    Performance,
    Problem,
    PushRequest,
    PushResponse,
    RecallHit,
    Refusal,
    StationOverview,
)
from sync.protocol.revisions import MAX_MEDIA_BYTES

log = logging.getLogger("sync.bridge.api")

ENV_DB = "KIOSK_BRIDGE_DB"
ENV_DATA = "KIOSK_BRIDGE_DATA"
ENV_POLL = "KIOSK_BRIDGE_POLL_S"
ENV_POOL = "KIOSK_BRIDGE_POOL"  # database connections per worker (PostgreSQL)

StationId = Annotated[str, PathParam(pattern=STATION_ID_RE, max_length=64)]
Sha256 = Annotated[str, PathParam(pattern=SHA256_RE)]
RecordId = Annotated[str, PathParam(min_length=1, max_length=256, pattern=r"^[^\x00-\x1f]+$")]

_bearer = HTTPBearer(auto_error=False, description="the station's token")
_api_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="an ERP API key")

PROBLEMS: dict[int | str, dict[str, Any]] = {
    s: {"model": Problem} for s in (400, 401, 403, 404, 409, 413, 422, 429)
}


class Kind(StrEnum):
    products = "products"
    operators = "operators"
    work_orders = "work-orders"
    boms = "boms"
    routings = "routings"
    instruction_revisions = "instruction-revisions"
    reason_codes = "reason-codes"


class StationIn(BaseModel):
    id: str = Field(pattern=STATION_ID_RE)
    name: str = Field(default="", max_length=256, pattern=r"^[^\x00-\x1f]*$")


class StationToken(BaseModel):
    station: str
    token: str


def _problem(status: int, code: str, reason: str, detail: Any = None) -> JSONResponse:
    return JSONResponse(
        Problem(code=code, reason=reason, detail=detail).model_dump(mode="json"),
        status_code=status,
        headers={"WWW-Authenticate": "Bearer"} if status == 401 else None,
    )


def create_app(bridge: Bridge, *, poll_s: float | None = None) -> FastAPI:
    """The ASGI app over one :class:`Bridge`. With ``poll_s``, a background thread imports
    the ERP inbox folder and writes the confirmations outbox folder every ``poll_s``."""

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        stop = threading.Event()
        worker = None
        if poll_s:
            worker = threading.Thread(
                target=_poll_folders, args=(bridge, poll_s, stop), name="bridge-folders"
            )
            worker.daemon = True
            worker.start()
        yield
        stop.set()
        if worker is not None:
            worker.join(timeout=5)

    app = FastAPI(
        title="Station kiosk ERP bridge",
        version=f"{PROTOCOL_VERSION}",
        description="Stations push events and pull master data; the ERP sends master data "
        "and reads production confirmations. Errors: `{code, reason, detail}`.",
        lifespan=lifespan,
    )
    app.state.bridge = bridge

    # --- errors ----------------------------------------------------------------------

    @app.exception_handler(BridgeProblem)
    async def _bridge_problem(_r: Request, err: BridgeProblem) -> JSONResponse:
        return _problem(err.status, err.code, err.reason, err.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_r: Request, err: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(x) for x in e.get("loc", ())], "type": e.get("type"), "msg": e.get("msg")}
            for e in err.errors()[:20]
        ]
        if any(e["type"] == "json_invalid" for e in errors):
            return _problem(400, "malformed_json", "the body is not valid JSON", errors)
        if any(e["type"] == "too_long" and e["loc"][-1:] == ["events"] for e in errors):
            return _problem(
                413, "batch_too_large", "too many events in one batch; send fewer", errors
            )
        return _problem(422, "invalid_request", "the request does not match the schema", errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_r: Request, err: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(err.status_code, "http_error")
        return _problem(err.status_code, code, str(err.detail))

    @app.exception_handler(sa_exc.DataError)
    async def _data(_r: Request, err: sa_exc.DataError) -> JSONResponse:
        return _problem(422, "invalid_value", "a value cannot be stored", str(err.orig)[:200])

    @app.exception_handler(UnicodeError)
    async def _unicode(_r: Request, err: UnicodeError) -> JSONResponse:
        return _problem(422, "invalid_text", "text is not valid Unicode", str(err)[:200])

    @app.exception_handler(TooManyFailures)
    async def _throttled(_r: Request, err: TooManyFailures) -> JSONResponse:
        response = _problem(
            429,
            "too_many_failures",
            f"too many failed authentications; retry after {err.retry_after_s} s",
        )
        response.headers["Retry-After"] = str(err.retry_after_s)
        return response

    @app.exception_handler(RecursionError)
    async def _too_deep(_r: Request, _err: RecursionError) -> JSONResponse:
        return _problem(400, "too_deep", "the body nests too deeply to be read")

    # Before anything reads a body, authentication included: Content-Length and the bytes
    # actually streamed (chunked bodies too) are held to MAX_BODY_BYTES.
    # A draft's media file may be larger: it is streamed to disk, not held in memory.
    app.add_middleware(
        BodyLimit,
        limit=MAX_BODY_BYTES,
        larger={f"{API_PREFIX}/authoring/media/": MAX_MEDIA_BYTES},
    )
    throttle = AuthThrottle(bridge.engine)
    app.state.throttle = throttle

    # --- auth ------------------------------------------------------------------------

    def client_address(request: Request) -> str:
        return request.client.host if request.client else "unknown"

    def station_auth(
        request: Request,
        station: StationId,
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> str:
        secret = creds.credentials if creds is not None else ""
        with bridge.engine.connect() as conn:  # one connection for the check and the lookup
            throttle.check(client_address(request), secret, conn)
            owner = bridge.station_for_token(secret, conn) if secret else None
        if not secret:
            raise BridgeProblem(401, "missing_token", "send Authorization: Bearer <token>")
        # An unknown station and a wrong token answer alike: nothing tells which ids exist.
        if owner != station:
            throttle.failed(client_address(request), secret)
            raise BridgeProblem(
                401, "invalid_token", "the token is not valid for this station; re-provision"
            )
        return station

    def erp_auth(request: Request, key: Annotated[str | None, Depends(_api_key)]) -> None:
        throttle.check(client_address(request), key or "")
        if not key:
            raise BridgeProblem(401, "missing_api_key", "send X-API-Key: <key>")
        if not bridge.api_key_valid(key):
            throttle.failed(client_address(request), key)
            raise BridgeProblem(401, "invalid_api_key", "the API key is not valid")

    def any_client(
        request: Request,
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        key: Annotated[str | None, Depends(_api_key)],
    ) -> None:
        secret = (creds.credentials if creds is not None else "") or key or ""
        throttle.check(client_address(request), secret)
        if creds is not None and bridge.station_for_token(creds.credentials):
            return
        if key and bridge.api_key_valid(key):
            return
        throttle.failed(client_address(request), secret)
        raise BridgeProblem(401, "unauthorized", "send a station token or an API key")

    Station = Annotated[str, Depends(station_auth)]
    Erp = Depends(erp_auth)

    # --- stations --------------------------------------------------------------------

    @app.get(f"{API_PREFIX}/health", tags=["meta"])
    def health() -> dict[str, Any]:
        return {"status": "ok", "protocol_version": PROTOCOL_VERSION}

    @app.get(
        f"{API_PREFIX}/stations/{{station}}/hello",
        response_model=Hello,
        responses=PROBLEMS,
        tags=["stations"],
    )
    def hello(station: Station) -> Hello:
        """What the bridge holds of this station (``last_seq``: resend from ``last_seq + 1``),
        its ``epoch`` (new after a restore) and its time. Ask at start, now and then and
        after any 409."""
        return bridge.hello(station)

    @app.get(
        f"{API_PREFIX}/stations/{{station}}",
        response_model=Hello,
        responses=PROBLEMS,
        tags=["stations"],
    )
    def hello_v0(station: Station) -> Hello:
        """The same as ``/hello`` (its first path, kept for older stations)."""
        return bridge.hello(station)

    # A push is work for the interpreter (validation, hashing, the rows it becomes): more
    # at once in one worker only take turns at its lock, switching threads all the while.
    # Two at a time keep a worker busy while one waits for the database; the others wait
    # for their turn without a thread (README "Performance": bulk ingest).
    push_slots = anyio.CapacityLimiter(2)

    @app.post(
        f"{API_PREFIX}/stations/{{station}}/events",
        response_model=PushResponse,
        responses=PROBLEMS,
        tags=["stations"],
    )
    async def push(station: Station, batch: PushRequest) -> Response:
        """Store a batch of events exactly once: per event accepted, duplicate or rejected."""
        # Serialised in the thread, once: FastAPI would validate the model again first.
        body = await anyio.to_thread.run_sync(
            lambda: bridge.push(station, batch).model_dump_json(), limiter=push_slots
        )
        return Response(body, media_type="application/json")

    @app.get(
        f"{API_PREFIX}/stations/{{station}}/changes",
        response_model=ChangesPage,
        responses=PROBLEMS,
        tags=["stations"],
    )
    def changes(
        station: Station,
        since: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 500,
        understands: Annotated[str, Query(max_length=512, pattern=r"^[a-z_,]*$")] = "",
    ) -> ChangesPage:
        """Master data changes after ``since`` (a server sequence); deletes are tombstones.
        ``understands``: the later entities (comma-separated) the station reads; the others
        are left out of its pages (an older station would refuse the page)."""
        return bridge.changes(station, since, limit, understands=understands.split(","))

    @app.get(
        f"{API_PREFIX}/media/{{sha256}}",
        responses=PROBLEMS | {200: {"content": {"application/octet-stream": {}}}},
        response_class=Response,
        tags=["stations"],
        dependencies=[Depends(any_client)],
    )
    def get_media(
        sha256: Sha256, range_: Annotated[str | None, Header(alias="Range")] = None
    ) -> Response:
        """A media file by its sha256; ``Range: bytes=N-`` resumes an interrupted download."""
        info = bridge.media_info(sha256)
        path = bridge.media_path(sha256)
        if info is None or not path.exists():
            raise BridgeProblem(404, "unknown_media", f"no media {sha256}")
        size = path.stat().st_size
        start = 0
        if range_:
            m = re.fullmatch(r"bytes=(\d+)-", range_.strip())
            if m is None or int(m.group(1)) > size:
                return _problem(416, "bad_range", "only 'bytes=N-' within the file is served")
            start = int(m.group(1))
        headers = {
            "Accept-Ranges": "bytes",
            "Content-Length": str(size - start),
            "X-Content-SHA256": sha256,
        }
        status = 200
        if range_:
            status = 206
            headers["Content-Range"] = f"bytes {start}-{max(start, size - 1)}/{size}"
        return StreamingResponse(
            _read_from(path, start),
            status_code=status,
            headers=headers,
            media_type=str(info["type"]) or "application/octet-stream",
        )

    # --- ERP side --------------------------------------------------------------------

    @app.post(
        f"{API_PREFIX}/erp/stations",
        response_model=StationToken,
        responses=PROBLEMS,
        tags=["erp"],
        dependencies=[Erp],
    )
    def add_station(body: StationIn) -> StationToken:
        """Register a station (or rotate its token); the token is shown only here."""
        return StationToken(station=body.id, token=bridge.add_station(body.id, body.name))

    @app.get(
        f"{API_PREFIX}/erp/stations",
        tags=["erp"],
        dependencies=[Erp],
        responses=PROBLEMS,
        response_model=list[StationOverview],
    )
    def list_stations() -> list[StationOverview]:
        """Stations with their last push, how far their events are, and clock skew flags."""
        return [StationOverview.model_validate(s) for s in bridge.stations_overview()]

    @app.get(
        f"{API_PREFIX}/erp/refusals",
        tags=["erp"],
        dependencies=[Erp],
        responses=PROBLEMS,
        response_model=list[Refusal],
    )
    def refusals(
        station: Annotated[str | None, Query(max_length=64)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 500,
    ) -> list[Refusal]:
        """Events the bridge refused, newest first (``not_your_unit``, ``serial_taken``, an
        invalid payload…): what the line lead is shown."""
        return [Refusal.model_validate(r) for r in bridge.refusals(station, limit)]

    @app.get(
        f"{API_PREFIX}/erp/confirmations",
        response_model=ConfirmationsPage,
        responses=PROBLEMS,
        tags=["erp"],
        dependencies=[Erp],
    )
    def confirmations(
        since: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    ) -> ConfirmationsPage:
        """Production performance records after ``since``, in order; book each ``id`` once."""
        return bridge.confirmations(since, limit)

    @app.get(
        f"{API_PREFIX}/erp/units/{{serial}}",
        tags=["erp"],
        dependencies=[Erp],
        responses=PROBLEMS,
        response_model=AsBuilt,
    )
    def as_built(
        serial: RecordId,
        station: Annotated[str | None, Query(max_length=64)] = None,
        operation: Annotated[str | None, Query(max_length=128)] = None,
    ) -> AsBuilt:
        """The as-built record of a serial: events, components, sub-assemblies. A serial
        built at several stations for one operation (data from before serials were unique
        plant-wide) answers 409 with the candidates: name the ``station``."""
        record = bridge.as_built(serial, station=station, operation=operation)
        if record is None:
            raise BridgeProblem(404, "unknown_serial", f"no unit with serial {serial!r}")
        return AsBuilt.model_validate(record)

    @app.get(
        f"{API_PREFIX}/erp/recall",
        tags=["erp"],
        dependencies=[Erp],
        responses=PROBLEMS,
        response_model=list[RecallHit],
    )
    def recall(
        lot: Annotated[str | None, Query(max_length=256)] = None,
        component_serial: Annotated[str | None, Query(max_length=256)] = None,
    ) -> list[RecallHit]:
        """Which units contain a lot (or a component serial), also through sub-assemblies."""
        if (lot is None) == (component_serial is None):
            raise BridgeProblem(422, "invalid_request", "give exactly one of lot, component_serial")
        hits = bridge.recall(lot=lot, component_serial=component_serial)
        return [RecallHit.model_validate(h) for h in hits]

    @app.get(
        f"{API_PREFIX}/erp/work-orders/{{number}}/performance",
        tags=["erp"],
        dependencies=[Erp],
        responses=PROBLEMS,
        response_model=list[Performance],
    )
    def performance(number: RecordId) -> list[Performance]:
        """Totals so far per operation: good, scrap, labour, downtime by reason, cycle times."""
        return [Performance.model_validate(p) for p in bridge.performance(number)]

    @app.put(
        f"{API_PREFIX}/erp/media/{{sha256}}",
        tags=["erp"],
        dependencies=[Erp],
        responses=PROBLEMS,
        response_model=MediaStored,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/octet-stream": {"schema": {"type": "string"}}},
            }
        },
    )
    async def put_media(
        sha256: Sha256,
        request: Request,
        file_name: Annotated[str, Header(alias="X-File-Name", max_length=256)] = "",
    ) -> MediaStored:
        """Upload a media file; refused (nothing stored) if its content has another sha256."""
        content = await request.body()
        kind = request.headers.get("content-type", "application/octet-stream")
        digest = bridge.add_media(
            content, file_name=file_name or sha256, media_type=kind, sha256=sha256
        )
        return MediaStored(sha256=digest, size=len(content))

    @app.post(
        f"{API_PREFIX}/erp/{{kind}}",
        response_model=ImportResult,
        tags=["erp"],
        dependencies=[Erp],
        responses=PROBLEMS,
    )
    def import_records(
        kind: Kind, items: Annotated[list[dict[str, Any]], Body(max_length=10_000)]
    ) -> ImportResult:
        """Create or update records (all valid, or none stored)."""
        return bridge.import_records(kind.value, items)

    @app.put(
        f"{API_PREFIX}/erp/{{kind}}/{{record_id}}",
        response_model=ImportResult,
        tags=["erp"],
        dependencies=[Erp],
        responses=PROBLEMS,
    )
    def put_record(kind: Kind, record_id: RecordId, item: dict[str, Any]) -> ImportResult:
        """Create or update one record; its id field is taken from the URL."""
        key = {
            Kind.products: "code",
            Kind.operators: "id",
            Kind.work_orders: "number",
            Kind.boms: "product",
            Kind.routings: "product",
        }.get(kind)
        if kind is Kind.reason_codes:
            code_kind, _, code = record_id.partition(":")
            item = item | {"kind": code_kind, "code": code}
        elif key is not None:
            item = item | {key: record_id}
        elif f"{item.get('document_id')}@{item.get('revision')}" != record_id:
            raise BridgeProblem(
                422, "id_mismatch", "the URL's id must be <document_id>@<revision> of the body"
            )
        return bridge.import_records(kind.value, [item])

    @app.get(
        f"{API_PREFIX}/erp/{{kind}}/{{record_id}}",
        tags=["erp"],
        dependencies=[Erp],
        responses=PROBLEMS,
    )
    def get_record(kind: Kind, record_id: RecordId) -> dict[str, Any]:
        record = bridge.get_record(kind.value, record_id)
        if record is None:
            raise BridgeProblem(404, "not_found", f"no {kind.value} {record_id!r}")
        return record

    @app.delete(
        f"{API_PREFIX}/erp/{{kind}}/{{record_id}}",
        response_model=ImportResult,
        tags=["erp"],
        dependencies=[Erp],
        responses=PROBLEMS,
    )
    def delete_record(kind: Kind, record_id: RecordId) -> ImportResult:
        """Delete a record: stations receive a tombstone."""
        return bridge.delete_record(kind.value, record_id)

    from sync.bridge.revisions_api import mount as mount_authoring  # the revision workflow

    mount_authoring(app, bridge, Erp, PROBLEMS | {423: {"model": Problem}})

    from sync.bridge.web import mount as mount_web  # the supervisors' view at /

    mount_web(app, bridge)
    return app


def _read_from(path: Path, start: int) -> Iterator[bytes]:
    with open(path, "rb") as f:
        f.seek(start)
        while chunk := f.read(256 * 1024):
            yield chunk


def _poll_folders(bridge: Bridge, every_s: float, stop: threading.Event) -> None:
    inbox = bridge.data_dir / "inbox"
    outbox = bridge.data_dir / "outbox"
    inbox.mkdir(parents=True, exist_ok=True)
    while not stop.wait(every_s):
        try:
            bridge.process_inbox(inbox)
            bridge.write_outbox(outbox)
        except Exception:  # the folder loop must outlive one bad round; the log has it
            log.exception("inbox/outbox round failed")


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` and for each of several workers."""
    url = os.environ.get(ENV_DB, "")
    data = Path(os.environ.get(ENV_DATA, "bridge-data"))
    if not url:
        url = str(data / "bridge.db")
    data.mkdir(parents=True, exist_ok=True)
    poll = float(os.environ.get(ENV_POLL, "0") or 0)
    pool = int(os.environ.get(ENV_POOL, "0") or 0) or 10
    app = create_app(Bridge.open(url, data, pool_size=pool), poll_s=poll or None)
    # What the worker built to get here (modules, the app, its schemas) lives as long as
    # it does: kept out of the garbage collector's full passes, which walked all of it
    # again and again while pushes were read (16 % of a worker's CPU under bulk ingest).
    # A push of 500 events makes tens of thousands of short-lived objects: the young
    # generation is collected every 10,000 allocations, not every 700.
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    return app
