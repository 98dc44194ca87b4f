"""The core's refusals in the operator's language, translated by code.

Every refusal the core can raise is an entry of :data:`kiosk.refusals.CATALOGUE` (code,
sentence template, next action); this module only looks the entry up by code, has Qt
translate its templates in the catalogue's own context (``assets/i18n/refusals_<lang>.ts``,
``%n`` plural forms where a count appears) and fills in the core's parameters. It never
retypes a sentence: a code that is not in the catalogue, or a language without a
translation, shows the core's English sentence.
"""

from __future__ import annotations

from typing import Any

from kiosk.refusals import CATALOGUE, CONTEXT, key_of, render
from ui.qt import QCoreApplication


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def _translate(source: str, n: int | None) -> str | None:
    """Qt's translation of ``source`` (plural form for ``n``), None when there is none."""
    if n is None:
        out = QCoreApplication.translate(CONTEXT, source)
        return None if out == source else out
    out = QCoreApplication.translate(CONTEXT, source, None, n)
    return None if out == source.replace("%n", str(n)) else out


def explain(code: str, params: dict[str, Any], message: str, next_action: str) -> tuple[str, str]:
    """(sentence, next action) in the operator's language where a translation exists,
    else the core's English sentence."""
    entry = CATALOGUE.get(key_of(code, params))
    if entry is None:
        return message, next_action
    values = _Params({k: ("" if v is None else v) for k, v in params.items()})
    n = int(params.get(entry.count, 0)) if entry.count else None
    out: list[str] = []
    for source, english, count in (
        (entry.message, message, n),
        (entry.next_action, next_action, None),
    ):
        translated = _translate(source, count) if source else None
        if translated is None:
            out.append(english)
            continue
        try:
            out.append(translated.format_map(values))
        except (KeyError, IndexError, ValueError):
            out.append(english)
    return out[0], out[1]


def sentence(code: str, **params: Any) -> str:
    """A catalogue sentence (e.g. ``retries_left``) in the operator's language."""
    english, _ = render(code, **params)
    return explain(code, params, english, "")[0]


def tightening_problems(verdict: Any) -> str:
    """Why a tightening is NOK (``TighteningVerdict.problems``), in the operator's
    language; the core's English sentence when it names no problems."""
    problems = getattr(verdict, "problems", ())
    if not problems:
        return str(getattr(verdict, "message", ""))
    return " ".join(sentence("tightening", variant=v, **p) for v, p in problems)
