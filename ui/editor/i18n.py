"""The editor's own language. The live preview runs the station's shell, which switches the
application-wide translators to the language it previews; the editor's words must not
follow it (a form rebuilt while the preview renders would come out in the preview's
language). So the editor translates through a translator of its own, never installed on
the application, and only falls back to the installed ones until a language is chosen."""

from __future__ import annotations

from kiosk.paths import assets_dir
from ui.qt import QCoreApplication, QTranslator

_state: dict[str, QTranslator | str | None] = {"language": None, "translator": None}


def use(language: str) -> bool:
    """Speak ``language`` (en, de, es) in the editor; False when it has no translation."""
    # English too: its plural forms live in kiosk_en.
    loaded = QTranslator()
    translator: QTranslator | None = loaded
    if not loaded.load(str(assets_dir() / "i18n" / f"kiosk_{language}.qm")):
        if language != "en":
            return False
        translator = None
    _state["language"], _state["translator"] = language, translator
    return True


def language() -> str | None:
    value = _state["language"]
    return value if isinstance(value, str) else None


def translate(context: str, text: str, n: int = -1) -> str:
    """``text`` of ``context`` in the editor's language; with ``n``, its plural form for
    ``n`` with ``%n`` filled in."""
    if _state["language"] is None:
        return QCoreApplication.translate(context, text, None, n)
    translator = _state["translator"]
    out = ""
    if isinstance(translator, QTranslator):
        out = translator.translate(context, text, None, n) or ""
    out = out or text
    return out.replace("%n", str(n)) if n >= 0 else out
