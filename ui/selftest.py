"""``kiosk self-test``'s Qt checks: platform plugin, multimedia, PDF, image formats and
the trimmed ICU locale data. Here rather than in the command so that no module outside
``ui/`` imports PySide6."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Protocol


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


def check_media(checks: Checks, video: Path | None, pdf_file: Path | None) -> None:
    """Play the demo's looping video and draw the demo's PDF with the Qt this process
    loaded: an installer bundle that lost a library FFmpeg or the multimedia plugin needs
    still imports QtMultimedia, but shows no picture. Needs the application
    :func:`check_qt` created."""
    if video is not None:
        check_video(checks, video)
    if pdf_file is not None:
        check_pdf(checks, pdf_file)


def check_video(checks: Checks, path: Path, timeout_s: float = 8.0) -> None:
    """A first decoded frame, the player playing, then the loop: seeked to just before
    the end, the player comes round to the start by itself and decodes again."""
    from ui import qt

    mm, _, why = qt.multimedia()
    if mm is None:
        checks.fail(f"video: QtMultimedia is not available: {why}")
        return
    player = mm.QMediaPlayer()
    if not player.isAvailable():
        checks.fail("video: no QtMultimedia backend loads (the FFmpeg plugin or its libraries)")
        return
    sink = mm.QVideoSink()
    player.setVideoSink(sink)
    player.setLoops(mm.QMediaPlayer.Loops.Infinite)
    loop = qt.QEventLoop()
    clock = qt.QElapsedTimer()
    first: list[tuple[int, int, int]] = []  # (ms to the first frame, width, height)
    seek_to: list[int] = []
    state = {"end": False, "looped": False}
    errors: list[str] = []

    def on_frame(frame: Any) -> None:
        if not frame.isValid():
            return
        if not first:
            image = frame.toImage()
            if image.isNull():
                return
            first.append((clock.elapsed(), image.width(), image.height()))
            duration = player.duration()
            if duration > 600:  # jump to the last 0.3 s: the loop follows at once
                seek_to.append(duration - 300)
                player.setPosition(duration - 300)
            else:
                state["looped"] = True
        elif seek_to:
            position = player.position()
            if position >= seek_to[0] - 100:
                state["end"] = True
            elif state["end"] and position < player.duration() // 2:
                state["looped"] = True  # round to the start, and still decoding
        if state["looped"]:
            loop.quit()

    def on_error(_error: object, text: str) -> None:
        errors.append(text or "unknown error")
        loop.quit()

    sink.videoFrameChanged.connect(on_frame)
    player.errorOccurred.connect(on_error)
    qt.QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    clock.start()
    player.setSource(qt.QUrl.fromLocalFile(str(path)))
    player.play()
    loop.exec()
    playing = player.playbackState() == mm.QMediaPlayer.PlaybackState.PlayingState
    player.stop()
    player.setSource(qt.QUrl())
    if errors:
        checks.fail(f"video: {path.name} does not play: {errors[0]}")
    elif not first:
        checks.fail(f"video: {path.name}: no frame decoded in {timeout_s:.0f} s")
    elif not state["looped"] or not playing:
        checks.fail(f"video: {path.name}: the first frame came, but the video did not loop")
    else:
        ms, width, height = first[0]
        checks.ok(f"video: {path.name} plays and loops ({width}x{height}, first frame {ms} ms)")


def check_pdf(checks: Checks, path: Path) -> None:
    """The first page drawn at 600 px: an image, with ink on it."""
    from ui import qt

    qtpdf, why = qt.pdf()
    if qtpdf is None:
        checks.fail(f"PDF: QtPdf is not available: {why}")
        return
    doc = qtpdf.QPdfDocument()
    if doc.load(str(path)) != qtpdf.QPdfDocument.Error.None_ or doc.pageCount() == 0:
        checks.fail(f"PDF: {path.name} does not open")
        return
    size = (
        doc.pagePointSize(0)
        .scaled(qt.QSizeF(600, 600), qt.Qt.AspectRatioMode.KeepAspectRatio)
        .toSize()
    )
    image = doc.render(0, size)
    pages = doc.pageCount()
    doc.close()
    if image.isNull():
        checks.fail(f"PDF: {path.name}: page 1 is not drawn")
        return
    small = image.scaled(64, 64)
    colours = {small.pixel(x, y) for x in range(small.width()) for y in range(small.height())}
    if len(colours) < 2:
        checks.fail(f"PDF: {path.name}: page 1 is drawn blank")
        return
    checks.ok(f"PDF: {path.name} page 1 of {pages} drawn ({image.width()}x{image.height()})")
