"""Counts read as a person writes them, in every language: "1 item", "2 items", never
"item(s)". English has its own plural forms (``assets/i18n/kiosk_en.ts``) for the
messages with ``%n``; the other languages carry theirs in their own files."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.domain import StepKind

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "assets" / "i18n"

#: "item(s)", "evento(s)", "Einstellung(en)", "Ereignis(se)", "cambiado(s)": a word with a
#: plural ending in brackets.
BRACKET_PLURAL = re.compile(r"[^\W\d_]\((?:s|es|en|n|e|se|er|r|a|as|o|os|innen)\)")


def _call_strings(path: Path) -> list[tuple[int, str]]:
    """String literals handed to a call (tr, translate, the refusal catalogue's entries,
    a Banner's text...): what can reach a screen, docstrings and comments left out."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    out.append((arg.lineno, arg.value))
    return out


def test_no_bracketed_plural_anywhere_an_operator_reads() -> None:
    sources = [*(ROOT / "ui").glob("*.py"), ROOT / "kiosk" / "refusals.py"]
    found = [
        f"{p.relative_to(ROOT)}:{line}: {text!r}"
        for p in sources
        for line, text in _call_strings(p)
        if BRACKET_PLURAL.search(text)
    ]
    for ts in sorted(I18N.glob("*.ts")):
        for m in ET.parse(ts).getroot().iter("message"):
            tr = m.find("translation")
            texts = [m.findtext("source") or ""]
            if tr is not None:
                texts += [tr.text or ""] + [f.text or "" for f in tr.iter("numerusform")]
            found += [f"{ts.name}: {t!r}" for t in texts if BRACKET_PLURAL.search(t)]
    assert sources and not found, "\n".join(found)
    # the check itself sees what it is for
    assert BRACKET_PLURAL.search("6 item(s)") and BRACKET_PLURAL.search("Ereignis(se)")
    assert not BRACKET_PLURAL.search("Tap Next (or scan).")


def test_every_count_message_has_english_forms() -> None:
    """Each ``%n`` message of the UI has its English singular and plural."""
    english = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(I18N / "kiosk_en.ts").getroot().iter("context")
        for m in c.iter("message")
        if [f.text for f in m.iter("numerusform")][:1]
    }
    counted = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(I18N / "kiosk_de.ts").getroot().iter("context")
        for m in c.iter("message")
        if m.get("numerus") == "yes"
    }
    assert counted and counted <= english, counted - english


def _to_checklist(shell):  # type: ignore[no-untyped-def]
    shell.handle_scan("B1001")
    shell.open_work_order(shell.engine.work_queue()[0].number)
    shell.start_unit(None)
    runner = shell.screens["runner"]
    while shell.engine.step_view().step.kind != StepKind.CHECKLIST:
        runner.tap_next()
    return runner


@pytest.mark.qt_log_ignore(r"JFIF|JPEG datastream")  # the test station's pictures are stand-ins
@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "1 item not ticked yet: tick it.", "2 items not ticked yet: tick each one."),
        ("de", "1 Punkt ist noch nicht abgehakt", "2 Punkte sind noch nicht abgehakt"),
        ("es", "Falta marcar 1 punto", "Faltan marcar 2 puntos"),
    ],
)
def test_the_checklist_counts_what_is_left_in_the_operators_language(  # type: ignore[no-untyped-def]
    shell, language: str, one: str, two: str
) -> None:
    shell.pinned_language = language  # whoever logs in (as `kiosk screenshots --language`)
    shell.set_language(language)
    runner = _to_checklist(shell)
    view = shell.engine.step_view()
    assert len(view.step.checklist) == 2
    runner.tap_next()  # nothing ticked
    assert two in runner.problem.detail.text()
    runner.ticked(view).add(view.step.checklist[0].id)
    runner.tap_next()
    assert one in runner.problem.detail.text()
    assert "(s)" not in runner.problem.detail.text()
