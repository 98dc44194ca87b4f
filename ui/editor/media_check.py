"""Can the station show this file? Asked of Qt itself, the way the station will open it:
pictures through QImageReader, videos through QtMultimedia's player, drawings through QtPdf.
Each answer is ``None`` (fine) or a sentence saying why not and what to do."""

from __future__ import annotations

from pathlib import Path

from ui.editor import i18n as editor_i18n
from ui.qt import QEventLoop, QImageReader, QTimer, QUrl, multimedia, pdf


def tr(text: str) -> str:
    return editor_i18n.translate("Editor", text)


def check_picture(path: Path) -> str | None:
    reader = QImageReader(str(path))
    image = reader.read()
    if image.isNull():
        return tr("{name} is not a picture Qt can open ({why}). Save it as JPEG or PNG.").format(
            name=path.name, why=reader.errorString()
        )
    return None


def check_pdf(path: Path) -> str | None:
    qtpdf, why = pdf()
    if qtpdf is None:
        return tr("PDF drawings cannot be checked on this machine ({why}).").format(why=why)
    doc = qtpdf.QPdfDocument()
    error = doc.load(str(path))
    if error != qtpdf.QPdfDocument.Error.None_ or doc.pageCount() < 1:
        return tr("{name} does not open as a PDF ({why}). Export the drawing again.").format(
            name=path.name, why=str(error).rsplit(".", 1)[-1]
        )
    return None


def check_video(path: Path, timeout_ms: int = 8000) -> str | None:
    mm, _mmw, why = multimedia()
    if mm is None:
        return tr("Videos cannot be checked on this machine ({why}).").format(why=why)
    player = mm.QMediaPlayer()
    loop = QEventLoop()
    outcome: dict[str, str | None] = {}
    status = mm.QMediaPlayer.MediaStatus

    def on_status(value: object) -> None:
        if value in (status.LoadedMedia, status.BufferedMedia):
            outcome.setdefault("result", None)
            loop.quit()
        elif value == status.InvalidMedia:
            outcome.setdefault("result", player.errorString() or tr("invalid media"))
            loop.quit()

    def on_error(*_args: object) -> None:
        outcome.setdefault("result", player.errorString() or tr("cannot be played"))
        loop.quit()

    player.mediaStatusChanged.connect(on_status)
    player.errorOccurred.connect(on_error)
    QTimer.singleShot(timeout_ms, loop.quit)
    player.setSource(QUrl.fromLocalFile(str(path.resolve())))
    if "result" not in outcome:
        loop.exec()
    has_video = bool(player.hasVideo() or player.videoTracks())
    player.setSource(QUrl())
    if "result" not in outcome:
        return tr("{name} did not open as a video within {s} s. Encode it as H.264 MP4.").format(
            name=path.name, s=timeout_ms // 1000
        )
    reason = outcome["result"]
    if reason is not None:
        return tr("{name} cannot be played ({why}). Encode it as H.264 MP4.").format(
            name=path.name, why=reason
        )
    if not has_video:
        return tr("{name} holds no video track. Encode it as H.264 MP4.").format(name=path.name)
    return None


def check_media(path: Path, kind: str) -> str | None:
    if kind == "image":
        return check_picture(path)
    if kind == "pdf":
        return check_pdf(path)
    if kind == "video":
        return check_video(path)
    return tr("{name}: unknown media type.").format(name=path.name)
