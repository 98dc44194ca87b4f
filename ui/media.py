"""A step's media: pictures (pinch-zoom and pan), looping video (QtMultimedia) and PDF
pages (QtPdf), several per step with swipe or arrows between them.

Pictures are decoded ahead of time at the size they will be shown (QImageReader with
``setScaledSize`` in a worker thread) so tapping Next never waits for a 4K JPEG. A file
that fails to load shows a placeholder with the reason; the operator can go on.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from ui import icons, theme
from ui.qt import (
    QColor,
    QEvent,
    QFont,
    QGestureEvent,
    QHBoxLayout,
    QImage,
    QImageReader,
    QMouseEvent,
    QObject,
    QPainter,
    QPaintEvent,
    QPinchGesture,
    QPointF,
    QRectF,
    QRunnable,
    QSize,
    QStackedWidget,
    Qt,
    QThreadPool,
    QVBoxLayout,
    QWheelEvent,
    QWidget,
    Signal,
    multimedia,
    pdf,
    translate,
)
from ui.theme import Metrics
from ui.widgets import Button, label


@dataclass(frozen=True)
class MediaItem:
    """One media file of a step, resolved to a local path (None: not on this station)."""

    kind: str  # image | video | pdf
    path: Path | None
    caption: str = ""


class _Decoded(QObject):
    done = Signal(str, object)  # cache key, QImage or error text


def decode_image(path: Path, size: QSize) -> QImage | str:
    """Decode ``path`` scaled to fit ``size`` (aspect kept). Returns the image or a reason."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    src = reader.size()
    if not src.isValid():
        return translate("Media", "the picture file is damaged or not a picture")
    if src.width() > size.width() or src.height() > size.height():
        reader.setScaledSize(src.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return translate("Media", "the picture file is damaged or not a picture")
    return image


class _Job(QRunnable):
    def __init__(self, key: str, path: Path, size: QSize, sink: _Decoded) -> None:
        super().__init__()
        self.key, self.path, self.size, self.sink = key, path, size, sink

    def run(self) -> None:
        self.sink.done.emit(self.key, decode_image(self.path, self.size))


def _cost(image: QImage | str) -> int:
    return image.sizeInBytes() if isinstance(image, QImage) else len(image) + 64


class ImageCache(QObject):
    """Decoded pictures by (path, size), least recently used out once the decoded bytes
    pass ``max_bytes`` (a 4K picture and a thumbnail are not the same cost). ``prefetch``
    decodes in a worker thread; ``get`` returns a ready image or decodes now (first paint
    only). The picture on screen is always kept, even alone over the budget."""

    ready = Signal(str)

    def __init__(self, max_bytes: int = 64 * 2**20, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[str, QImage | str] = OrderedDict()
        self._pending: set[str] = set()
        self._lock = threading.Lock()
        self._sink = _Decoded()
        self._sink.done.connect(self._store, Qt.ConnectionType.QueuedConnection)
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)  # leave the other core to the GUI
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(path: Path, size: QSize) -> str:
        return f"{path}@{size.width()}x{size.height()}"

    def prefetch(self, path: Path | None, size: QSize) -> None:
        if path is None or size.isEmpty():
            return
        k = self.key(path, size)
        if k in self._items or k in self._pending:
            return
        self._pending.add(k)
        self.pool.start(_Job(k, path, size, self._sink))

    def _store(self, key: str, image: object) -> None:
        self._pending.discard(key)
        self._put(key, image)  # type: ignore[arg-type]
        self.ready.emit(key)

    def _put(self, key: str, image: QImage | str) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= _cost(old)
        self._items[key] = image
        self.bytes += _cost(image)
        while self.bytes > self.max_bytes and len(self._items) > 1:
            _, dropped = self._items.popitem(last=False)
            self.bytes -= _cost(dropped)

    def __len__(self) -> int:
        return len(self._items)

    def peek(self, path: Path, size: QSize) -> QImage | str | None:
        return self._items.get(self.key(path, size))

    def get(self, path: Path, size: QSize) -> QImage | str:
        k = self.key(path, size)
        if k in self._items:
            self.hits += 1
            self._items.move_to_end(k)
            return self._items[k]
        if k in self._pending:  # decoding now: wait for it rather than decode twice
            self.pool.waitForDone(2000)
            from ui.qt import QCoreApplication

            QCoreApplication.sendPostedEvents(self)
            if k in self._items:
                self.hits += 1
                return self._items[k]
        self.misses += 1
        image = decode_image(path, size)
        self._put(k, image)
        return image

    def wait(self) -> None:
        """Finish every prefetch (tests, benchmarks)."""
        from ui.qt import QCoreApplication

        self.pool.waitForDone()
        QCoreApplication.sendPostedEvents(self)


class ImageView(QWidget):
    """A picture fitted to the view; pinch (or wheel) to zoom, drag to pan, double-tap to
    fit again."""

    def __init__(self, cache: ImageCache) -> None:
        super().__init__()
        self.cache = cache
        self.path: Path | None = None
        self.image: QImage | None = None
        self.zoom = 1.0
        self.offset = QPointF(0, 0)
        self._drag: QPointF | None = None
        self.fill = QColor("#1E2226")
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_image(self, path: Path, image: QImage) -> None:
        self.path, self.image = path, image
        self.zoom, self.offset = 1.0, QPointF(0, 0)
        # The picture fills its area: where its aspect leaves room, the room takes the
        # picture's own edge colour (a drawing's paper), not dark letterbox bands.
        self.fill = QColor("#1E2226")
        if not image.isNull():  # the paper: the colour most of its corners share
            corners = [
                image.pixelColor(x, y).rgb()
                for x in (0, image.width() - 1)
                for y in (0, image.height() - 1)
            ]
            common = max(set(corners), key=corners.count)
            self.fill = QColor.fromRgb(common)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.fill)
        if self.image is not None and not self.image.isNull():
            iw, ih = self.image.width(), self.image.height()
            fit = min(self.width() / iw, self.height() / ih)
            s = fit * self.zoom
            w, h = iw * s, ih * s
            x = (self.width() - w) / 2 + self.offset.x()
            y = (self.height() - h) / 2 + self.offset.y()
            if self.zoom != 1.0:
                p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(QRectF(x, y, w, h), self.image)
        p.end()

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        self.zoom = max(1.0, min(6.0, zoom))
        if self.zoom == 1.0:
            self.offset = QPointF(0, 0)
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.set_zoom(self.zoom * pinch.scaleFactor())
                return True
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.set_zoom(self.zoom * (1.15 if event.angleDelta().y() > 0 else 1 / 1.15))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None and self.zoom > 1.0:
            self.offset += event.position() - self._drag
            self._drag = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.set_zoom(1.0 if self.zoom > 1.0 else 2.5)


class Placeholder(QWidget):
    """What the operator sees when a media file cannot be shown: an icon and why."""

    def __init__(self, m: Metrics) -> None:
        super().__init__()
        self.icon = "image"
        self.reason = ""
        self.m = m

    def set_reason(self, icon: str, reason: str) -> None:
        self.icon, self.reason = icon, reason
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(theme.SURFACE_DOWN))
        size = self.m.mm(24)
        p.drawPixmap(
            (self.width() - size) // 2,
            self.height() // 2 - size - 10,
            icons.pixmap(self.icon, size, theme.TEXT_MUTED),
        )
        f = QFont(theme.FONT_FAMILY)
        f.setPixelSize(24)
        p.setFont(f)
        p.setPen(QColor(theme.TEXT))
        r = self.rect().adjusted(20, self.height() // 2 + 6, -20, -10)
        p.drawText(r, Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, self.reason)
        p.end()


class VideoView(QWidget):
    """A looping, muted video. Without QtMultimedia it shows the placeholder's reason;
    a video that fails while playing emits ``failed`` with the player's reason."""

    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.player = None
        self.error = ""
        mm, mmw, why = multimedia()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        if mm is None or mmw is None:
            self.error = why
            return
        self.video = mmw.QVideoWidget()
        lay.addWidget(self.video)
        self.player = mm.QMediaPlayer(self)
        self.audio = mm.QAudioOutput(self)
        self.audio.setMuted(True)
        self.player.setAudioOutput(self.audio)
        self.player.setVideoOutput(self.video)
        self.player.setLoops(mm.QMediaPlayer.Loops.Infinite)
        self.player.errorOccurred.connect(self._error)

    def _error(self, error: object, text: str) -> None:
        self.stop()
        self.failed.emit(text or translate("Media", "the video cannot be played"))

    def play(self, path: Path) -> None:
        from ui.qt import QUrl

        if self.player is not None:
            self.player.setSource(QUrl.fromLocalFile(str(path)))
            self.player.play()

    def stop(self) -> None:
        if self.player is not None:
            self.player.stop()


def render_pdf_page(path: Path, page: int, size: QSize) -> tuple[QImage | str, int]:
    """(page image or reason, page count)."""
    qtpdf, why = pdf()
    if qtpdf is None:
        return why, 0
    doc = qtpdf.QPdfDocument()
    err = doc.load(str(path))
    if err != qtpdf.QPdfDocument.Error.None_ or doc.pageCount() == 0:
        return translate("Media", "the PDF could not be opened"), 0
    page = max(0, min(page, doc.pageCount() - 1))
    pts = doc.pagePointSize(page)
    target = pts.scaled(size.toSizeF(), Qt.AspectRatioMode.KeepAspectRatio).toSize()
    image = doc.render(page, target)
    count = doc.pageCount()
    doc.close()
    if image.isNull():
        return translate("Media", "the PDF page could not be drawn"), count
    return image, count


class MediaPanel(QWidget):
    """All media of one step, one at a time."""

    def __init__(self, m: Metrics, cache: ImageCache) -> None:
        super().__init__()
        self.m = m
        self.cache = cache
        self.items: list[MediaItem] = []
        self.index = 0
        self.pdf_page = 0
        self.pdf_pages = 0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(m.mm(1.5))
        self.stack = QStackedWidget()
        self.image = ImageView(cache)
        self.placeholder = Placeholder(m)
        self.video: VideoView | None = None
        self.stack.addWidget(self.image)
        self.stack.addWidget(self.placeholder)
        lay.addWidget(self.stack, 1)
        # The row under the picture keeps one height whether a step has one picture or
        # several (arrows hidden, not removed): the picture's area, and so the size it is
        # decoded at ahead of time, is the same for every step (no decode at the tap).
        bar = QWidget()
        nav = QHBoxLayout(bar)
        nav.setContentsMargins(0, 0, 0, 0)
        nav.setSpacing(m.gap)
        self.prev = Button("", m, icon="back", height_mm=14)
        self.next = Button("", m, icon="next", height_mm=14)
        for b in (self.prev, self.next):
            keep = b.sizePolicy()
            keep.setRetainSizeWhenHidden(True)
            b.setSizePolicy(keep)
        self.caption = label("", "muted")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prev.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        nav.addWidget(self.prev)
        nav.addWidget(self.caption, 1)
        nav.addWidget(self.next)
        lay.addWidget(bar)
        self.status = ""  # "ok" or the reason the current item is not shown

    def _page(self, page: QWidget) -> None:
        """Show ``page``; a stack switch re-lays the panel out, so only when it changes."""
        if self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)

    def view_size(self) -> QSize:
        s = self.stack.size()
        return s if s.width() > 50 else QSize(1100, 800)

    def set_items(self, items: list[MediaItem]) -> None:
        self.items = items
        self.index = 0
        self.pdf_page = 0
        self.show_current()

    def step(self, delta: int) -> None:
        item = self.items[self.index] if self.items else None
        if item and item.kind == "pdf" and 0 <= self.pdf_page + delta < self.pdf_pages:
            self.pdf_page += delta
        elif self.items:
            self.index = (self.index + delta) % len(self.items)
            self.pdf_page = 0
        self.show_current()

    def _fail(self, icon: str, reason: str) -> None:
        self.status = reason
        self.placeholder.set_reason(
            icon,
            translate("Media", "Cannot show this: {0}. You can go on with the step.").format(
                reason
            ),
        )
        self._page(self.placeholder)

    def show_current(self) -> None:
        if self.video is not None:
            self.video.stop()
        many = len(self.items) > 1
        if not self.items:
            self.status = "none"
            self.placeholder.set_reason(
                "instruction", translate("Media", "No picture for this step.")
            )
            self._page(self.placeholder)
            self.caption.setText("")
            self.prev.setVisible(False)
            self.next.setVisible(False)
            return
        item = self.items[self.index]
        label_text = item.caption
        if many:
            label_text = f"{self.index + 1} / {len(self.items)}  {item.caption}".strip()
        self.status = "ok"
        if item.path is None:
            self._fail("image", translate("Media", "the file has not reached this station yet"))
        elif item.kind == "image":
            result = self.cache.get(item.path, self.view_size())
            if isinstance(result, str):
                self._fail("image", result)
            else:
                self.image.set_image(item.path, result)
                self._page(self.image)
        elif item.kind == "pdf":
            result, self.pdf_pages = render_pdf_page(item.path, self.pdf_page, self.view_size())
            if isinstance(result, str):
                self._fail("document", result)
            else:
                self.image.set_image(item.path, result)
                self._page(self.image)
                label_text = translate("Media", "Page {0} of {1}").format(
                    self.pdf_page + 1, self.pdf_pages
                ) + (f"  {item.caption}" if item.caption else "")
        elif item.kind == "video":
            if self.video is None:
                self.video = VideoView()
                self.video.failed.connect(self.video_failed)
                self.stack.addWidget(self.video)
            if self.video.player is None:
                self._fail("play", self.video.error)
            else:
                self.video.play(item.path)
                self._page(self.video)
                label_text = "⟳ " + label_text
        self.caption.setText(label_text)
        paged = item.kind == "pdf" and self.pdf_pages > 1
        self.prev.setVisible(many or paged)
        self.next.setVisible(many or paged)

    def stop(self) -> None:
        if self.video is not None:
            self.video.stop()

    def video_failed(self, reason: str) -> None:
        """The player gave up (codec, damaged file): the placeholder says why; the step
        goes on as without media."""
        item = self.items[self.index] if self.items else None
        if item is not None and item.kind == "video":
            self._fail("play", reason)
