"""``kiosk self-test``'s Qt checks: platform plugin, multimedia, PDF, image formats and
the trimmed ICU locale data. Here rather than in the command so that no module outside
``ui/`` imports PySide6."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Protocol


class Checks(Protocol):
    """The self-test's result sheet (``kiosk.cli.station._Checks``)."""

    @property
    def failed(self) -> bool: ...

    def ok(self, text: str) -> None: ...

    def fail(self, text: str) -> None: ...


def check_qt(checks: Checks) -> None:
    try:
        from PySide6.QtCore import QLibraryInfo, qVersion
    except ImportError as err:
        checks.fail(f"Qt: PySide6 does not import: {err}")
        return
    platforms = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    wanted = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] or "offscreen"
    native = {"linux": "xcb", "win32": "windows", "darwin": "cocoa"}.get(sys.platform)
    for name in dict.fromkeys([wanted, native]):
        if name and not list(platforms.glob(f"*q{name}.*")):
            checks.fail(f"Qt platform plugin {name!r} is missing from {platforms}")
    if checks.failed and not list(platforms.glob(f"*q{wanted}.*")):
        return  # creating the application would abort the process
    from PySide6.QtGui import QImageReader
    from PySide6.QtWidgets import QApplication

    from ui import qt

    app = QApplication.instance() or QApplication(sys.argv[:1])
    checks.ok(f"Qt platform plugin: {QApplication.platformName()} (Qt {qVersion()})")
    mm, _, why = qt.multimedia()
    (checks.ok if mm else checks.fail)("QtMultimedia: " + ("imports" if mm else why))
    pdf, why = qt.pdf()
    (checks.ok if pdf else checks.fail)("QtPdf: " + ("imports" if pdf else why))
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    for fmt in ("jpeg", "png"):
        if fmt not in formats:
            checks.fail(f"Qt image plugins: {fmt.upper()} support is missing")
    check_locale(checks)
    del app


def check_locale(checks: Checks) -> None:
    """The installer trims ICU's data to our languages: prove numbers, sorting and case
    still work in each of them."""
    from PySide6.QtCore import QCollator, QLocale

    problems = []
    if QLocale("de").toString(1234.5) != "1.234,5":
        problems.append(f"German numbers read {QLocale('de').toString(1234.5)!r}")
    words = ["Zebra", "Äpfel", "azur", "Apfel"]
    collator = QCollator(QLocale("de"))
    if sorted(words, key=collator.sortKey)[:3] != ["Apfel", "Äpfel", "azur"]:
        problems.append("German sorting does not put Ä beside A")
    spanish = QCollator(QLocale("es"))
    if sorted(["ñu", "nube", "oca"], key=spanish.sortKey) != ["nube", "ñu", "oca"]:
        problems.append("Spanish sorting does not put ñ after n")
    if QLocale("de").toUpper("straße") != "STRASSE":
        problems.append("German upper case is wrong")
    if problems:
        checks.fail("locale data: " + "; ".join(problems))
    else:
        checks.ok("locale data: numbers, sorting and case for en, de, es")
