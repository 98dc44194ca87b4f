"""The supervisors' and quality's web view, served by the bridge at ``/``.

:func:`mount` adds it to the bridge's FastAPI app: the pages, the live stream, the static
files. It reads the bridge's tables and writes only its own (:mod:`.tables`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from sync.bridge.web.router import NotSignedIn, WebView, build_router
from sync.bridge.web.tables import create_schema

STATIC = Path(__file__).parent / "static"


def mount(app: FastAPI, bridge: Any) -> WebView:
    """Serve the web view from ``app`` over ``bridge`` (a :class:`sync.bridge.service.Bridge`)."""
    create_schema(bridge.engine)
    view = WebView(bridge)

    @app.exception_handler(NotSignedIn)
    async def _sign_in(_r: Request, err: NotSignedIn) -> Response:
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(err.next_url, safe='/')}", status_code=303)

    app.include_router(build_router(view))
    app.mount("/static", StaticFiles(directory=STATIC), name="web-static")
    return view


__all__ = ["mount"]
