"""The supervisors' and quality's web view: routes, templates, the live stream.

Mounted into the bridge's app by :func:`sync.bridge.web.mount`. Pages are rendered on the
server; a little JavaScript keeps the station tiles live over server-sent events.

Why one module of ~770 lines, not split: the routes share the template environment,
the translations and the auth dependencies, and each route is a short function beside
its page; split by page, every part would declare them again.
"""

# No "from __future__ import annotations": FastAPI reads the route signatures, whose
# dependencies are local to build_router.

import csv
import io
import json
import logging
import secrets
import time
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs, quote

import anyio.to_thread
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy import Engine

from sync.bridge import db
from sync.bridge.web import auth, charts, queries
from sync.bridge.web.i18n import (
    LANG_COOKIE,
    LANGUAGE_NAMES,
    LANGUAGES,
    gettext,
    localised,
    negotiate,
)
from sync.bridge.web.live import ChangeWatcher
from sync.bridge.web.shifts import ShiftPlan
from sync.bridge.web.tables import web_andon_clears
from sync.protocol import rfc3339, utc_now

log = logging.getLogger("sync.bridge.web")

HERE = Path(__file__).parent
PAGE_SIZE = 100
CSRF_COOKIE = "kiosk_web_csrf"  # the login form's double-submit token (no session yet)
MAX_FORM_BYTES = 16 * 1024
SERIAL_MAX = 256
#: Tiles are re-sent this often even without events (online/offline changes with time).
REFRESH_S = 15.0
#: A live stream ends after this long and the browser opens a new one (bounds what a
#: forgotten tab holds, and lets a restarting bridge finish its streams).
MAX_STREAM_S = 300.0
ORDERS_EVERY_S = 1.0


class NotSignedIn(Exception):
    """Raised by the page dependency; the app turns it into a redirect to the login."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    s = round(abs(seconds))
    sign = "−" if seconds < 0 else ""
    if s >= 3600:
        return f"{sign}{s // 3600} h {s % 3600 // 60:02d} min"
    if s >= 60:
        return f"{sign}{s // 60}:{s % 60:02d} min"
    return f"{sign}{s} s"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


def _short_time(value: str | datetime | None, plan: ShiftPlan) -> str:
    moment = queries.parse_time(value) if isinstance(value, str) else value
    if moment is None:
        return "–"
    return moment.astimezone(plan.zone).strftime("%Y-%m-%d %H:%M:%S")


class WebView:
    """The web view over one bridge: its engine for reads, templates and the watcher."""

    def __init__(self, bridge: Any) -> None:
        self.bridge = bridge
        self.engine: Engine = bridge.engine
        self.plan = ShiftPlan.from_env()
        self.env = Environment(
            loader=FileSystemLoader(HERE / "templates"),
            autoescape=select_autoescape(["html"]),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["duration"] = _duration
        self.env.filters["pct"] = _pct
        self.env.filters["when"] = lambda v: _short_time(v, self.plan)
        self.env.filters["tojson_attr"] = json.dumps
        self.watcher = ChangeWatcher(lambda: queries.latest_event_id(self.engine))

    # --- rendering ---------------------------------------------------------------------

    def context(self, request: Request, user: auth.WebUser | None, **extra: Any) -> dict[str, Any]:
        lang = negotiate(request.cookies.get(LANG_COOKIE), request.headers.get("accept-language"))
        return {
            "request": request,
            "user": user,
            "lang": lang,
            "languages": [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES],
            "_": gettext(lang),
            "loc": lambda v: localised(v, lang),
            "now": utc_now(),
            "path": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        } | extra

    def render(self, name: str, ctx: dict[str, Any], status: int = 200) -> HTMLResponse:
        html = self.env.get_template(name).render(ctx)
        return HTMLResponse(
            html,
            status_code=status,
            headers={
                "Cache-Control": "no-store",
                "X-Frame-Options": "DENY",
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "same-origin",
                "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'",
            },
        )

    def fragment(self, name: str, ctx: dict[str, Any], macro: str, *args: Any) -> str:
        module = self.env.get_template(name).make_module(ctx)
        return str(getattr(module, macro)(*args))

    # --- views (sync: run in the thread pool) ------------------------------------------

    def tiles_html(self, ctx: dict[str, Any], only: set[str] | None = None) -> dict[str, str]:
        tiles = queries.tiles(self.engine, utc_now(), ctx["lang"], only)
        module = self.env.get_template("_tiles.html").make_module(ctx)
        tile = module.tile  # type: ignore[attr-defined]  # a Jinja macro
        return {t.station: str(tile(t)).strip() for t in tiles}

    def orders_html(self, ctx: dict[str, Any]) -> str:
        now = utc_now()
        orders = queries.work_orders(self.engine, now, self.plan.shift_at(now))
        return self.fragment("_orders.html", ctx, "orders", orders).strip()


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


def _safe_next(value: str | None) -> str:
    """Only a path on this site (no scheme, no //host)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value[:512]


async def _form(request: Request) -> dict[str, str]:
    """An ``application/x-www-form-urlencoded`` body (small); other bodies are empty."""
    if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return {}
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return {}
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {k: v[0] for k, v in parsed.items() if v}


def build_router(view: WebView) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    engine = view.engine

    def current_user(request: Request) -> auth.WebUser | None:
        return auth.session_user(engine, request.cookies.get(auth.SESSION_COOKIE))

    def page_user(request: Request) -> auth.WebUser:
        user = current_user(request)
        if user is None:
            url = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            raise NotSignedIn(url)
        return user

    User = Annotated[auth.WebUser, Depends(page_user)]

    # --- sign in -----------------------------------------------------------------------

    def login_page(
        request: Request, next_url: str, error: str | None = None, status: int = 200
    ) -> HTMLResponse:
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)
        response = view.render(
            "login.html",
            view.context(request, None, next_url=next_url, error=error, csrf=token),
            status,
        )
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/login")
        return response

    @router.get("/login", response_class=HTMLResponse)
    def login_form(request: Request, next: str | None = None) -> HTMLResponse:
        return login_page(request, _safe_next(next))

    @router.post("/login", response_class=HTMLResponse)
    async def login_submit(request: Request) -> Response:
        form = await _form(request)
        next_url = _safe_next(form.get("next"))
        _ = view.context(request, None)["_"]
        sent, cookie = form.get("csrf", ""), request.cookies.get(CSRF_COOKIE, "")
        if not sent or not cookie or not secrets.compare_digest(sent, cookie):
            return login_page(
                request, next_url, _("The form expired. Please sign in again."), status=400
            )
        name, password = form.get("name", "").strip()[:64], form.get("password", "")[:1024]
        try:
            await anyio.to_thread.run_sync(auth.check_rate, engine, name, _client(request))
        except auth.RateLimited as err:
            response = login_page(
                request,
                next_url,
                _("Too many wrong passwords. Try again in {seconds} s.", seconds=err.retry_after_s),
                status=429,
            )
            response.headers["Retry-After"] = str(err.retry_after_s)
            return response
        token = await anyio.to_thread.run_sync(auth.login, engine, name, password, _client(request))
        if token is None:
            return login_page(request, next_url, _("Wrong user name or password."), status=401)
        done = RedirectResponse(next_url, status_code=303)
        done.set_cookie(
            auth.SESSION_COOKIE,
            token,
            max_age=auth.SESSION_S,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
        done.delete_cookie(CSRF_COOKIE, path="/login")
        return done

    @router.post("/logout")
    async def logout(request: Request) -> Response:
        user = current_user(request)
        form = await _form(request)
        if user is not None and auth.csrf_ok(user, form.get("csrf")):
            auth.logout(engine, request.cookies.get(auth.SESSION_COOKIE))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(auth.SESSION_COOKIE, path="/")
        return response

    @router.get("/lang/{code}")
    def set_language(code: str, next: str | None = None) -> Response:
        response = RedirectResponse(_safe_next(next), status_code=303)
        if code in LANGUAGES:
            response.set_cookie(
                LANG_COOKIE, code, max_age=365 * 24 * 3600, samesite="lax", httponly=True
            )
        return response

    # --- the line ----------------------------------------------------------------------

    @router.get("/", response_class=HTMLResponse)
    async def overview(request: Request, user: User) -> HTMLResponse:
        ctx = view.context(request, user)
        tiles = await anyio.to_thread.run_sync(view.tiles_html, ctx)
        orders = await anyio.to_thread.run_sync(view.orders_html, ctx)
        return view.render(
            "overview.html",
            ctx | {"tiles": [Markup(h) for h in tiles.values()], "orders_html": Markup(orders)},
        )

    @router.get("/whoami")
    def whoami(request: Request) -> Response:
        """For the page's script: is this browser still signed in?"""
        user = current_user(request)
        if user is None:
            return Response('{"signed_in": false}', 401, media_type="application/json")
        body = json.dumps({"signed_in": True, "name": user.name, "role": user.role.value})
        return Response(body, media_type="application/json")

    @router.get("/live")
    async def live(request: Request) -> Response:
        user = current_user(request)
        if user is None:
            return Response("sign in again", status_code=401, media_type="text/plain")
        ctx = view.context(request, user)
        return StreamingResponse(
            _stream(request.cookies.get(auth.SESSION_COOKIE), ctx),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    async def _stream(token: str | None, ctx: dict[str, Any]) -> AsyncIterator[str]:
        watcher = view.watcher
        watcher.subscribe()
        sent_tiles: dict[str, str] = {}
        sent_orders = ""
        seen: tuple[int, int, int] | None = None
        last_full = 0.0
        last_orders = 0.0
        orders_due = True
        ends = time.monotonic() + MAX_STREAM_S
        try:
            yield "retry: 1000\n\n"
            while time.monotonic() < ends:
                version = watcher.version
                now = time.monotonic()
                if seen is None or version != seen or now - last_full > REFRESH_S:
                    only = None
                    # Only new events: redraw the stations that sent them; else all.
                    if (
                        seen is not None
                        and version[1:] == seen[1:]
                        and now - last_full <= REFRESH_S
                    ):
                        only = await anyio.to_thread.run_sync(
                            queries.stations_since, engine, seen[0]
                        )
                    else:
                        last_full = now
                        # a session that ended (signed out elsewhere, expired) ends the stream
                        if await anyio.to_thread.run_sync(auth.session_user, engine, token) is None:
                            break
                    html = await anyio.to_thread.run_sync(view.tiles_html, ctx, only)
                    changed = {k: v for k, v in html.items() if sent_tiles.get(k) != v}
                    if only is None:
                        gone = [k for k in sent_tiles if k not in html]
                        changed |= {k: "" for k in gone}
                    if changed:
                        sent_tiles |= changed
                        yield f"event: tiles\ndata: {json.dumps(changed)}\n\n"
                    seen = version
                    orders_due = True
                if orders_due and now - last_orders >= ORDERS_EVERY_S:
                    orders = await anyio.to_thread.run_sync(view.orders_html, ctx)
                    last_orders, orders_due = now, False
                    if orders != sent_orders:
                        sent_orders = orders
                        yield f"event: orders\ndata: {json.dumps(orders)}\n\n"
                if not await watcher.wait_change(ORDERS_EVERY_S if orders_due else 5.0):
                    yield f"event: ping\ndata: {json.dumps(rfc3339(utc_now()))}\n\n"
            yield "event: bye\ndata: {}\n\n"  # the page reconnects at once, quietly
        finally:
            watcher.unsubscribe()

    @router.post("/andons/{andon_id}/clear")
    async def clear_andon(request: Request, andon_id: str, user: User) -> Response:
        form = await _form(request)
        _ = view.context(request, user)["_"]
        if not auth.csrf_ok(user, form.get("csrf")):
            return view.render(
                "message.html",
                view.context(
                    request,
                    user,
                    title=_("The form expired"),
                    message=_("Reload the page and try again."),
                ),
                400,
            )
        if not user.can_clear_andon:
            return view.render(
                "message.html",
                view.context(
                    request,
                    user,
                    title=_("Not allowed"),
                    message=_("Your role can look but not clear andon calls."),
                ),
                403,
            )
        andon = next((a for a in queries.open_andons_by_id(engine, andon_id[:128])), None)
        if andon is None:
            return RedirectResponse("/", status_code=303)  # already cleared
        cleared_at = rfc3339(utc_now())
        with engine.begin() as conn:
            db.insert_ignore(
                conn,
                web_andon_clears,
                [
                    {
                        "andon_id": andon.andon_id,
                        "station": andon.station,
                        "cleared_by": user.name,
                        "cleared_at": cleared_at,
                    }
                ],
            )
            view.bridge.send_andon_clear(conn, andon.andon_id, andon.station, user.name, cleared_at)
        log.info("andon %s at %s cleared by %s", andon.andon_id, andon.station, user.name)
        return RedirectResponse("/", status_code=303)

    # --- analysis ----------------------------------------------------------------------

    @router.get("/shift", response_class=HTMLResponse)
    async def shift_page(
        request: Request,
        user: User,
        shift: Annotated[str | None, Query(max_length=32)] = None,
    ) -> HTMLResponse:
        ctx = view.context(request, user)
        now = utc_now()
        chosen = view.plan.by_key(shift, now)
        report = await anyio.to_thread.run_sync(
            queries.shift_report, engine, chosen, now, ctx["lang"]
        )
        return view.render(
            "shift.html",
            ctx
            | {
                "report": report,
                "shifts": view.plan.recent(now, 9),
                "charts": _shift_charts(report, ctx["_"], view.plan, now),
            },
        )

    # --- traceability ------------------------------------------------------------------

    @router.get("/trace", response_class=HTMLResponse)
    async def trace(
        request: Request,
        user: User,
        serial: Annotated[str | None, Query(max_length=SERIAL_MAX)] = None,
    ) -> HTMLResponse:
        ctx = view.context(request, user)
        serial = (serial or "").strip()
        if not serial:
            return view.render("trace.html", ctx | {"serial": "", "record": None})
        record = await anyio.to_thread.run_sync(queries.as_built, view.bridge, serial)
        if record is None:
            similar = await anyio.to_thread.run_sync(queries.serial_suggestions, engine, serial)
            return view.render(
                "trace.html", ctx | {"serial": serial, "record": None, "similar": similar}, 404
            )
        built = await anyio.to_thread.run_sync(_as_built_view, engine, record, ctx["lang"])
        return view.render("trace.html", ctx | {"serial": serial, "record": record, "b": built})

    def _recall_args(lot: str | None, component: str | None) -> tuple[str | None, str | None]:
        lot = (lot or "").strip() or None
        component = (component or "").strip() or None
        if lot is not None:
            component = None
        return lot, component

    @router.get("/recall", response_class=HTMLResponse)
    async def recall_page(
        request: Request,
        user: User,
        lot: Annotated[str | None, Query(max_length=SERIAL_MAX)] = None,
        component_serial: Annotated[str | None, Query(max_length=SERIAL_MAX)] = None,
        page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    ) -> HTMLResponse:
        ctx = view.context(request, user)
        lot, component_serial = _recall_args(lot, component_serial)
        if lot is None and component_serial is None:
            return view.render("recall.html", ctx | {"asked": False})

        def collect() -> tuple[int, list[queries.RecallRow]]:
            total, rows = 0, []
            start = (page - 1) * PAGE_SIZE
            for row in queries.recall(engine, lot=lot, component_serial=component_serial):
                if start <= total < start + PAGE_SIZE:
                    rows.append(row)
                total += 1
            return total, rows

        total, rows = await anyio.to_thread.run_sync(collect)
        query = f"lot={quote(lot)}" if lot else f"component_serial={quote(component_serial or '')}"
        return view.render(
            "recall.html",
            ctx
            | {
                "asked": True,
                "lot": lot,
                "component_serial": component_serial,
                "rows": rows,
                "total": total,
                "page": page,
                "pages": max(1, -(-total // PAGE_SIZE)),
                "query": query,
            },
            200 if total else 404,
        )

    @router.get("/recall.csv")
    def recall_csv(
        user: User,
        lot: Annotated[str | None, Query(max_length=SERIAL_MAX)] = None,
        component_serial: Annotated[str | None, Query(max_length=SERIAL_MAX)] = None,
    ) -> Response:
        lot, component_serial = _recall_args(lot, component_serial)
        if lot is None and component_serial is None:
            return Response("give lot or component_serial\n", 422, media_type="text/plain")

        def rows() -> Iterator[str]:
            buf = io.StringIO()
            out = csv.writer(buf)
            out.writerow(
                [
                    "serial",
                    "work_order",
                    "operation",
                    "station",
                    "outcome",
                    "finished_at",
                    "part",
                    "via",
                ]
            )
            for i, r in enumerate(
                queries.recall(engine, lot=lot, component_serial=component_serial)
            ):
                out.writerow(
                    [
                        _csv_cell(v)
                        for v in (
                            r.serial,
                            r.work_order,
                            r.operation,
                            r.station,
                            r.outcome,
                            r.finished_at or "",
                            r.part or "",
                            r.via,
                        )
                    ]
                )
                if i % 200 == 0:
                    yield buf.getvalue()
                    buf.seek(0)
                    buf.truncate()
            yield buf.getvalue()

        key = "".join(
            c if c.isalnum() or c in "-_." else "_" for c in (lot or component_serial or "")
        )
        return StreamingResponse(
            rows(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="recall-{key[:80]}.csv"'},
        )

    return router


def _csv_cell(value: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas: quote them."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _as_built_view(engine: Engine, record: dict[str, Any], lang: str) -> dict[str, Any]:
    """The as-built record arranged for people: steps with who and when, measurements,
    tightenings with their limits, signatures, nonconformances and rework."""
    with engine.connect() as conn:
        rev = queries.revision(conn, record.get("revision"), {})
        names: dict[str, str | None] = {}

        def who(operator_id: str | None) -> str:
            if not operator_id:
                return "–"
            if operator_id not in names:
                names[operator_id] = queries.operator_name(conn, operator_id)
            return names[operator_id] or operator_id

        steps, measurements, torque, signatures, ncs, rework = [], [], [], [], [], []
        for e in record.get("events", []):
            p = e.get("payload") or {}
            step = (
                rev.steps[i]
                if rev and (i := rev.step_index(p.get("step_id"))) is not None
                else None
            )
            title = rev.title(step, lang) if rev and step else p.get("step_id")
            spec = (step or {}).get("spec") or {}
            base = {"at": e.get("occurred_at"), "who": who(e.get("operator_id")), "title": title}
            if e["type"] == "step.completed":
                data = p.get("data") or {}
                steps.append(
                    base
                    | {
                        "status": p.get("status"),
                        "attempt": p.get("attempt"),
                        "started_at": p.get("started_at"),
                        "summary": _step_summary(data),
                    }
                )
            elif e["type"] == "measurement.recorded":
                measurements.append(
                    base
                    | {
                        k: p.get(k)
                        for k in (
                            "name",
                            "value",
                            "unit",
                            "lower",
                            "upper",
                            "nominal",
                            "outcome",
                            "marginal",
                        )
                    }
                )
            elif e["type"] == "torque.recorded":
                torque.append(
                    base
                    | {
                        k: p.get(k)
                        for k in ("fastening", "torque", "angle", "ok", "pset", "tightening_id")
                    }
                    | {
                        "torque_min": spec.get("torque_min"),
                        "torque_max": spec.get("torque_max"),
                        "angle_min": spec.get("angle_min"),
                        "angle_max": spec.get("angle_max"),
                        # what else the tool reported (curve summary values, unit, spindle…)
                        "more": "; ".join(
                            f"{k}: {v}"
                            for k, v in sorted(p.items())
                            if k not in _TORQUE_SHOWN
                            and isinstance(v, (str, int, float, bool))
                            and v != ""
                        ),
                    }
                )
            elif e["type"] == "signature.applied":
                signatures.append(
                    base
                    | {
                        "signer": p.get("signer_name") or who(p.get("signer_id")),
                        "role": p.get("role"),
                        "meaning": localised(p.get("meaning"), lang),
                    }
                )
            elif e["type"] == "nonconformance.raised":
                ncs.append(base | {"kind": p.get("kind"), "description": p.get("description")})
            elif e["type"] == "step.reopened":
                rework.append(base | {"previous": p.get("previous")})
        return {
            "operator": who(record.get("operator_id")),
            "steps": steps,
            "measurements": measurements,
            "torque": torque,
            "signatures": signatures,
            "nonconformances": ncs,
            "rework": rework,
            "standard_s": rev.target_cycle_s if rev else None,
        }


#: torque.recorded fields the tightenings table has its own columns for (or never shows).
_TORQUE_SHOWN = frozenset(
    (
        "fastening",
        "torque",
        "angle",
        "ok",
        "pset",
        "tightening_id",
        "unit_id",
        "serial",
        "step_id",
        "attempt",
        "started_at",
        "tightenings",
    )
)


def _step_summary(data: dict[str, Any]) -> str:
    parts = []
    for k, v in data.items():
        if k == "tightenings" and isinstance(v, list):
            parts.append(f"{sum(1 for t in v if isinstance(t, dict) and t.get('ok'))}/{len(v)} OK")
        elif isinstance(v, (str, int, float, bool)) and v != "":
            parts.append(f"{k}: {v}")
        elif isinstance(v, list) and all(isinstance(x, str) for x in v):
            parts.append(f"{k}: {', '.join(v)}")
    return "; ".join(parts)[:300]


def _shift_charts(
    report: queries.ShiftReport, _: Any, plan: ShiftPlan, now: datetime
) -> dict[str, dict[str, Markup]]:
    t0 = report.shift.start.astimezone(plan.zone)
    t1 = report.shift.end.astimezone(plan.zone)
    out: dict[str, dict[str, Markup]] = {}
    nothing = _("Nothing in this shift yet")
    for o in report.operations:
        runs = [r for r in o.runs if r.cycle_time_s is not None]
        lines = [(o.standard_s, _("standard"))] if o.standard_s else []
        cycle = charts.scatter_over_time(
            _("Cycle time (s)"),
            [
                (
                    r.finished_at.astimezone(plan.zone),
                    float(r.cycle_time_s or 0),
                    r.outcome == "good",
                    f"{r.serial}: {r.cycle_time_s:.0f} s",
                )
                for r in runs
            ],
            t0,
            t1,
            lines=lines,
            empty_text=nothing,
        )
        hours: list[tuple[str, float | None, str]] = []
        step = timedelta(hours=1)
        h = report.shift.start
        while h < report.shift.end:
            mine = [r for r in o.runs if h <= r.finished_at < h + step]
            fpy = 100.0 * sum(1 for r in mine if r.first_pass) / len(mine) if mine else None
            label = h.astimezone(plan.zone).strftime("%H:%M")
            passed = sum(1 for r in mine if r.first_pass)
            hours.append((label, fpy, f"{label}: {passed}/{len(mine)}"))
            h += step
        yield_chart = charts.bars(
            _("First-pass yield per hour (%)"), hours, 100.0, nothing, percent=True
        )
        torque_lines: list[tuple[float, str]] = []
        limits = {(t.torque_min, t.torque_max) for t in o.tightenings}
        if len(limits) == 1:
            lo, hi = next(iter(limits))
            torque_lines = [(v, name) for v, name in ((lo, "min"), (hi, "max")) if v is not None]
        torque_chart = charts.scatter_over_time(
            _("Torque (Nm) against its limits"),
            [
                (
                    t.at.astimezone(plan.zone),
                    t.torque,
                    t.ok,
                    f"{t.step_id} #{t.fastening}: {t.torque} Nm",
                )
                for t in o.tightenings
                if t.torque is not None
            ],
            t0,
            t1,
            lines=torque_lines,
            empty_text=_("No tightenings in this shift"),
        )
        histogram = charts.histogram(
            _("Cycle time distribution (s)"), o.cycles, o.standard_s, nothing
        )
        out[o.operation] = {
            "cycle": cycle,
            "yield": yield_chart,
            "torque": torque_chart,
            "histogram": histogram,
        }
    return out


__all__ = ["NotSignedIn", "WebView", "build_router"]
