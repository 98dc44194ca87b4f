"""Translations: ``assets/i18n/kiosk_<lang>.qm`` (built with pyside6-lrelease from the
.ts files that pyside6-lupdate extracts from ``ui/``), switched when the operator changes."""

from __future__ import annotations

from pathlib import Path

from ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("en", "es", "de")

# Translators live on the one application, not on a window: whichever shell switches the
# language must remove what any earlier one installed.
_installed: list[QTranslator] = []


class Translations:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.language = "en"

    def use(self, language: str) -> bool:
        """Install ``language``; returns False when there is no file (English shown)."""
        app = QCoreApplication.instance()
        if app is None:
            return False
        while _installed:
            app.removeTranslator(_installed.pop())
        self.language = language
        QLocale.setDefault(QLocale(language))
        ours = QTranslator(app)
        if language == "en":
            # The source texts are English; kiosk_en holds English's own plural forms
            # ("1 item", "2 items") for the messages with a count (%n).
            if ours.load(str(self.folder / "kiosk_en.qm")):
                app.installTranslator(ours)
                _installed.append(ours)
            return True
        if not ours.load(str(self.folder / f"kiosk_{language}.qm")):
            return False
        app.installTranslator(ours)
        _installed.append(ours)
        # The core's refusal catalogue (kiosk/refusals.py), translated in its own files.
        refusals = QTranslator(app)
        if refusals.load(str(self.folder / f"refusals_{language}.qm")):
            app.installTranslator(refusals)
            _installed.append(refusals)
        qt = QTranslator(app)
        if qt.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            app.installTranslator(qt)
            _installed.append(qt)
        return True
