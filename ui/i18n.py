"""Translations: ``assets/i18n/kiosk_<lang>.qm`` (built with pyside6-lrelease from the
.ts files that pyside6-lupdate extracts from ``ui/``), switched when the operator changes."""

from __future__ import annotations

from pathlib import Path

from ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("en", "es", "de")


class Translations:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.language = "en"
        self._ours: QTranslator | None = None
        self._qt: QTranslator | None = None

    def use(self, language: str) -> bool:
        """Install ``language``; returns False when there is no file (English shown)."""
        app = QCoreApplication.instance()
        if app is None:
            return False
        for t in (self._ours, self._qt):
            if t is not None:
                app.removeTranslator(t)
        self._ours = self._qt = None
        self.language = language
        QLocale.setDefault(QLocale(language))
        if language == "en":
            return True
        ours = QTranslator(app)
        if not ours.load(str(self.folder / f"kiosk_{language}.qm")):
            return False
        app.installTranslator(ours)
        self._ours = ours
        qt = QTranslator(app)
        if qt.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            app.installTranslator(qt)
            self._qt = qt
        return True
