"""A small client for Tryton's own JSON-RPC (``POST /DATABASE/rpc/``): login, session
header, model calls, Tryton's typed values (dates, decimals) and its errors translated into
our :class:`~sync.bridge.erp.base.ErpError` tree.

No ``trytond`` import: the bridge speaks the protocol only.
"""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import json
import logging
from decimal import Decimal
from typing import Any

import requests

from sync.bridge.erp.base import ErpAuthFailed, ErpRejected, ErpUnavailable

log = logging.getLogger("sync.bridge.erp.tryton")


def _decode(obj: dict[str, Any]) -> Any:
    kind = obj.get("__class__")
    if kind == "datetime":
        return dt.datetime(
            obj["year"],
            obj["month"],
            obj["day"],
            obj["hour"],
            obj["minute"],
            obj["second"],
            obj.get("microsecond", 0),
        )
    if kind == "date":
        return dt.date(obj["year"], obj["month"], obj["day"])
    if kind == "time":
        return dt.time(obj["hour"], obj["minute"], obj["second"], obj.get("microsecond", 0))
    if kind == "timedelta":
        return dt.timedelta(seconds=obj["seconds"])
    if kind == "Decimal":
        return Decimal(obj["decimal"])
    if kind == "bytes":
        return base64.b64decode(obj["base64"])
    return obj


def _encode(obj: Any) -> Any:
    if isinstance(obj, dt.datetime):
        return {
            "__class__": "datetime",
            **{k: getattr(obj, k) for k in ("year", "month", "day", "hour", "minute")},
            "second": obj.second,
            "microsecond": obj.microsecond,
        }
    if isinstance(obj, dt.date):
        return {"__class__": "date", "year": obj.year, "month": obj.month, "day": obj.day}
    if isinstance(obj, dt.timedelta):
        return {"__class__": "timedelta", "seconds": obj.total_seconds()}
    if isinstance(obj, Decimal):
        return {"__class__": "Decimal", "decimal": str(obj)}
    raise TypeError(f"cannot send {type(obj).__name__} to Tryton")


def _message(error: Any) -> str:
    """Tryton's error ``args``: ``[kind, [message, description, ...]]`` for user errors,
    ``[text, traceback]`` for others."""
    if isinstance(error, list) and len(error) >= 2 and isinstance(error[1], list):
        parts = [str(p) for p in error[1][:2] if isinstance(p, str) and p]
        return " ".join(parts) or str(error[0])
    if isinstance(error, list) and error:
        return str(error[0])
    return str(error)


class TrytonRpc:
    """One logged-in session on one Tryton database."""

    def __init__(
        self, url: str, database: str, user: str, password: str, *, timeout_s: float = 30.0
    ) -> None:
        self.base = f"{url.rstrip('/')}/{database}/rpc/"
        self.user = user
        self._password = password
        self.timeout_s = timeout_s
        self._http = requests.Session()
        self._session: str | None = None
        self._context: dict[str, Any] = {}
        self._ids = itertools.count(1)

    def close(self) -> None:
        self._http.close()

    def _post(self, method: str, params: list[Any], auth: bool) -> Any:
        body = json.dumps(
            {"id": next(self._ids), "method": method, "params": params}, default=_encode
        )
        headers = {"Content-Type": "application/json"}
        if auth and self._session:
            headers["Authorization"] = "Session " + self._session
        try:
            r = self._http.post(self.base, data=body, headers=headers, timeout=self.timeout_s)
        except requests.RequestException as err:
            raise ErpUnavailable(f"Tryton at {self.base} does not answer: {err}") from err
        if r.status_code in (401, 403):
            self._session = None
            raise ErpAuthFailed(
                f"Tryton refused the login of user {self.user!r} (HTTP {r.status_code}): "
                "check the user and the password file"
            )
        if r.status_code == 404:
            raise ErpUnavailable(f"Tryton has no database at {self.base} (HTTP 404)")
        if r.status_code == 429:
            raise ErpUnavailable("Tryton asks us to slow down (HTTP 429: too many logins)")
        if r.status_code >= 500 or r.status_code == 503:
            raise ErpUnavailable(f"Tryton answered HTTP {r.status_code}: {r.text[:200]}")
        try:
            doc = json.loads(r.text, object_hook=_decode)
        except ValueError as err:
            raise ErpUnavailable(
                f"Tryton's answer is not JSON (HTTP {r.status_code}): {r.text[:200]}"
            ) from err
        if not isinstance(doc, dict):
            raise ErpUnavailable(f"unexpected answer from Tryton: {r.text[:200]}")
        if doc.get("error") is not None:
            error = doc["error"]
            text = _message(error)
            if (
                isinstance(error, list)
                and error
                and error[0]
                in (
                    "UserError",
                    "UserWarning",
                    "AccessError",
                    "RequiredValidationError",
                    "DomainValidationError",
                    "SizeValidationError",
                    "DigitsValidationError",
                    "SelectionValidationError",
                    "ForeignKeyError",
                    "SQLConstraintError",
                    "ConcurrencyException",
                    "AccessButtonError",
                    "ImportDataError",
                )
            ):
                raise ErpRejected(text)
            if "NotLogged" in text or "Unauthorized" in text:
                self._session = None
                raise ErpAuthFailed(f"Tryton ended our session: {text}")
            raise ErpRejected(text)
        return doc.get("result")

    def login(self) -> None:
        result = self._post("common.db.login", [self.user, {"password": self._password}], False)
        if not isinstance(result, list) or len(result) < 2:
            raise ErpAuthFailed(f"Tryton refused the login of user {self.user!r}")
        uid, session = result[0], result[1]
        self._session = base64.b64encode(f"{self.user}:{uid}:{session}".encode()).decode()
        self._context = {}
        prefs = self.call("model.res.user.get_preferences", True)
        if isinstance(prefs, dict):
            self._context = prefs

    def call(self, method: str, *args: Any) -> Any:
        """``method`` with ``args`` and the user's context; logs in (again) when needed."""
        if self._session is None:
            self.login()
            return self._post(method, [*args, self._context], True)
        try:
            return self._post(method, [*args, self._context], True)
        except ErpAuthFailed:
            # Tryton ends idle sessions: log in once more; a refused login raises.
            self.login()
            return self._post(method, [*args, self._context], True)

    # --- model helpers ---------------------------------------------------------------

    def search_read(
        self,
        model: str,
        domain: list[Any],
        fields: list[str],
        *,
        order: list[list[str]] | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        rows = self.call(f"model.{model}.search_read", domain, 0, limit, order, fields)
        return list(rows or [])

    def search_count(self, model: str, domain: list[Any]) -> int:
        return int(self.call(f"model.{model}.search_count", domain))

    def read(self, model: str, ids: list[int], fields: list[str]) -> list[dict[str, Any]]:
        return list(self.call(f"model.{model}.read", ids, fields) or [])

    def create(self, model: str, values: list[dict[str, Any]]) -> list[int]:
        return [int(i) for i in self.call(f"model.{model}.create", values)]

    def write(self, model: str, ids: list[int], values: dict[str, Any]) -> None:
        self.call(f"model.{model}.write", ids, values)

    def delete(self, model: str, ids: list[int]) -> None:
        self.call(f"model.{model}.delete", ids)

    def button(self, model: str, name: str, ids: list[int]) -> Any:
        return self.call(f"model.{model}.{name}", ids)
