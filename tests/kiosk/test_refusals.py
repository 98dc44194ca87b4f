"""The refusal catalogue: every refusal the core raises is an entry; every entry is
translated in every shipped language, with plural forms where a count appears; the UI
shows the translation by code."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.refusals import CATALOGUE, CONTEXT, refusal, render

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "assets" / "i18n"
LANGUAGES = ("de", "es")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _sources() -> set[str]:
    return {t for e in CATALOGUE.values() for t in (e.message, e.next_action) if t}


def _translations(language: str) -> dict[str, list[str]]:
    tree = ET.parse(I18N / f"refusals_{language}.ts")
    out: dict[str, list[str]] = {}
    for ctx in tree.getroot().iter("context"):
        if ctx.findtext("name") != CONTEXT:
            continue
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            if tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            out[msg.findtext("source") or ""] = forms
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_entry_is_translated(language: str) -> None:
    translated = _translations(language)
    missing = sorted(_sources() - translated.keys())
    assert not missing, f"{language}: no translation for {missing}"
    for source in _sources():
        forms = translated[source]
        assert all(f.strip() for f in forms), (language, source)
        want = set(PLACEHOLDER.findall(source))
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) == want, (language, source, form)
        if "%n" in source:
            assert len(forms) == 2 and all("%n" in f for f in forms), (language, source)


def test_counts_use_plural_forms_and_english_says_one_item() -> None:
    for code, e in CATALOGUE.items():
        assert ("%n" in e.message) == (e.count is not None), code
    assert render("checklist_incomplete", missing=1, first="Hose clamp")[0] == (
        "1 item is not ticked yet: Hose clamp."
    )
    assert render("checklist_incomplete", missing=3, first="Hose clamp")[0].startswith("3 items")


def test_every_refusal_the_core_raises_is_in_the_catalogue() -> None:
    codes: set[str] = set()
    for path in (ROOT / "kiosk").rglob("*.py"):
        text = path.read_text()
        codes |= set(re.findall(r"\brefusal\(\s*\"(\w+)\"", text))
        codes |= set(re.findall(r"\brender\(\s*\"(\w+)\"", text))
        codes |= set(re.findall(r"_refused\(\s*(?:\"\w+\",\s*)?\"(\w+)\"", text))
        if path.name not in ("errors.py", "refusals.py", "autopilot.py", "access.py"):
            # Only the catalogue builds a RuleViolation the operator sees.
            assert "RuleViolation(" not in text, path
    assert codes and codes <= {k.split(".")[0] for k in CATALOGUE}, codes - set(CATALOGUE)
    assert refusal("locked").next_action == "Scan your badge to log in."


def test_the_ui_translates_by_code_with_plurals(qapp: object) -> None:
    from ui import messages
    from ui.i18n import Translations

    tr = Translations(I18N)
    try:
        assert tr.use("es")
        err = refusal("steps_unfinished", count=1)
        assert messages.explain(err.code, err.params, err.message, err.next_action) == (
            "Falta 1 paso obligatorio.",
            "Termínelos antes de completar la unidad.",
        )
        assert messages.sentence("retries_left", n=1) == "NOK: queda 1 reintento."
        assert messages.sentence("retries_left", n=2) == "NOK: quedan 2 reintentos."
        err = refusal("unknown_badge", badge="B9")
        assert messages.explain(err.code, err.params, err.message, "")[0] == (
            "La tarjeta B9 no se conoce en esta estación."
        )
        assert tr.use("de")
        err = refusal("wrong_part", scanned="X", expected="Y", bin="A1", variant="bin")
        assert messages.explain(err.code, err.params, err.message, err.next_action)[1] == (
            "Nehmen Sie Y aus Behälter A1 und scannen Sie erneut."
        )
        assert tr.use("en")
        assert messages.sentence("retries_left", n=1) == "NOK: 1 retry left."
    finally:
        tr.use("en")


def test_why_a_tightening_is_nok_reads_in_the_operators_language(qapp: object) -> None:
    from kiosk.domain import Step, StepKind
    from kiosk.readings import TorqueReading, Verdict
    from kiosk.steps import evaluate_tightening
    from ui import messages
    from ui.i18n import Translations

    step = Step(
        id="bolts",
        kind=StepKind.TORQUE,
        title={"en": "Bolts"},
        spec={"pset": 3, "torque_min": 22, "torque_max": 26, "angle_min": 30},
    )
    verdict = evaluate_tightening(step, TorqueReading(27.5, "Nm", 20.0, Verdict.NOK, pset=4))
    assert [code for code, _ in verdict.problems] == [
        "tool_nok",
        "torque_above",
        "angle_below",
        "wrong_pset",
    ]
    tr = Translations(I18N)
    try:
        assert tr.use("de")
        text = messages.tightening_problems(verdict)
        assert text.startswith("Das Werkzeug hat NIO gemeldet. Drehmoment 27.50 N·m liegt über 26")
        assert "Winkel 20° liegt unter 30°." in text and "Pset) 4" in text
    finally:
        tr.use("en")
    assert messages.tightening_problems(verdict).startswith("The tool reported NOK. Torque 27.50")
