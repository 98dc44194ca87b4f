"""The web view's strings in English, German and Spanish: a gettext-style catalogue (the
English text is the message id) and the language choice (a cookie set by the page's
selector, else the browser's ``Accept-Language``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sync.bridge.web.catalogue import MESSAGES

LANGUAGES = ("en", "de", "es")
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "es": "Español"}
LANG_COOKIE = "kiosk_web_lang"


def negotiate(cookie: str | None, accept_language: str | None) -> str:
    if cookie in LANGUAGES:
        return str(cookie)
    choices: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept_language or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        lang = tag.strip().lower()[:2]
        if lang in LANGUAGES and q > 0:
            choices.append((-q, i, lang))
    return sorted(choices)[0][2] if choices else "en"


def gettext(lang: str) -> Callable[..., str]:
    """``_("text", **values)``: the text in ``lang`` (English if missing), formatted."""

    def _(msgid: str, **values: Any) -> str:
        text = MESSAGES.get(msgid, {}).get(lang) or msgid
        return text.format(**values) if values else text

    return _


def localised(value: Any, lang: str) -> str:
    """A ``{en, de, es}`` text from master data in ``lang``; plain text as it is."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("en") or next(iter(value.values()), ""))
    return "" if value is None else str(value)
