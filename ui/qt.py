"""The one door to the Qt binding. Everything in ``ui`` imports Qt names from here, so a
binding change or a workaround lives in one place (qutebrowser's ``qutebrowser/qt``).

QtMultimedia and QtPdf are optional at run time (a machine without ``libpulse0`` cannot
import QtMultimedia): :func:`multimedia` and :func:`pdf` return ``None`` plus a reason.
"""

from __future__ import annotations

import os
from types import ModuleType
from typing import TYPE_CHECKING


def _quiet_optional_library_probes() -> None:
    """QtMultimedia probes for PipeWire and VA-API at import and says "Couldn't load
    pipewire-0.3" on every machine without them: noise for the operator's and IT's
    terminal (FFmpeg plays our media without either). Rules the user sets still win: Qt
    applies the last matching rule, and theirs come after ours."""
    ours = "qt.multimedia.symbolsresolver=false"
    theirs = os.environ.get("QT_LOGGING_RULES", "")
    if ours not in theirs:
        os.environ["QT_LOGGING_RULES"] = f"{ours};{theirs}" if theirs else ours


_quiet_optional_library_probes()

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402 (the rules must be set first)

if TYPE_CHECKING:
    from PySide6.QtCore import (
        QBuffer,
        QByteArray,
        QCoreApplication,
        QDateTime,
        QElapsedTimer,
        QEvent,
        QEventLoop,
        QLibraryInfo,
        QLocale,
        QMimeData,
        QObject,
        QPoint,
        QPointF,
        QRect,
        QRectF,
        QRunnable,
        QSize,
        QSizeF,
        QSocketNotifier,
        Qt,
        QThreadPool,
        QTimer,
        QtMsgType,
        QTranslator,
        QUrl,
        Signal,
        Slot,
        qInstallMessageHandler,
    )
    from PySide6.QtGui import (
        QAction,
        QBrush,
        QColor,
        QDoubleValidator,
        QDragEnterEvent,
        QDropEvent,
        QFont,
        QFontDatabase,
        QFontMetrics,
        QGuiApplication,
        QIcon,
        QImage,
        QImageReader,
        QInputMethodEvent,
        QIntValidator,
        QKeyEvent,
        QKeySequence,
        QLinearGradient,
        QMouseEvent,
        QPainter,
        QPainterPath,
        QPaintEvent,
        QPalette,
        QPen,
        QPixmap,
        QPolygonF,
        QResizeEvent,
        QTransform,
        QWheelEvent,
    )
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QApplication,
        QBoxLayout,
        QCheckBox,
        QComboBox,
        QDialog,
        QDialogButtonBox,
        QDockWidget,
        QFileDialog,
        QFormLayout,
        QFrame,
        QGestureEvent,
        QGridLayout,
        QGroupBox,
        QHBoxLayout,
        QLabel,
        QLayout,
        QLineEdit,
        QListWidget,
        QListWidgetItem,
        QMainWindow,
        QMenu,
        QMessageBox,
        QPinchGesture,
        QPlainTextEdit,
        QPushButton,
        QScrollArea,
        QScroller,
        QSizePolicy,
        QSplitter,
        QStackedWidget,
        QStatusBar,
        QTextEdit,
        QToolBar,
        QToolButton,
        QTreeWidget,
        QTreeWidgetItem,
        QVBoxLayout,
        QWidget,
    )


def __getattr__(name: str) -> object:
    """A Qt name on first use: the binding makes each class when it is first looked up
    (QFileDialog, QTreeWidget ~2 ms each), so a name only the editor or line-lead mode
    uses costs nothing at the station's start."""
    if name in _QT_NAMES:
        for module in (QtCore, QtGui, QtWidgets):
            value = getattr(module, name, None)
            if value is not None:
                globals()[name] = value
                return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


from shiboken6 import isValid as is_alive  # noqa: E402 (wrapper whose C++ object lives)

_optional: dict[str, tuple[ModuleType | None, str]] = {}


def _load(name: str) -> tuple[ModuleType | None, str]:
    if name not in _optional:
        import importlib

        try:
            _optional[name] = (importlib.import_module(f"PySide6.{name}"), "")
        except ImportError as err:  # e.g. libpulse.so.0 missing for QtMultimedia
            _optional[name] = (None, str(err))
    return _optional[name]


def multimedia() -> tuple[ModuleType | None, ModuleType | None, str]:
    """(QtMultimedia, QtMultimediaWidgets, reason if unavailable)."""
    mm, why = _load("QtMultimedia")
    mmw, why2 = _load("QtMultimediaWidgets")
    return mm, mmw, why or why2


def pdf() -> tuple[ModuleType | None, str]:
    """(QtPdf, reason if unavailable)."""
    return _load("QtPdf")


def translate(context: str, text: str) -> str:
    """Translate outside a QObject (``QCoreApplication.translate``)."""
    return QtCore.QCoreApplication.translate(context, text)


_QT_NAMES: frozenset[str]  # set below, from __all__

__all__ = [
    "QAbstractButton",
    "QAbstractItemView",
    "QAction",
    "QApplication",
    "QBoxLayout",
    "QBrush",
    "QBuffer",
    "QByteArray",
    "QCheckBox",
    "QColor",
    "QComboBox",
    "QCoreApplication",
    "QDateTime",
    "QDialog",
    "QDialogButtonBox",
    "QDockWidget",
    "QDoubleValidator",
    "QDragEnterEvent",
    "QDropEvent",
    "QElapsedTimer",
    "QEvent",
    "QEventLoop",
    "QFileDialog",
    "QFont",
    "QFontDatabase",
    "QFontMetrics",
    "QFormLayout",
    "QFrame",
    "QGestureEvent",
    "QGridLayout",
    "QGroupBox",
    "QGuiApplication",
    "QHBoxLayout",
    "QIcon",
    "QImage",
    "QImageReader",
    "QInputMethodEvent",
    "QIntValidator",
    "QKeyEvent",
    "QKeySequence",
    "QLabel",
    "QLayout",
    "QLibraryInfo",
    "QLineEdit",
    "QLinearGradient",
    "QListWidget",
    "QListWidgetItem",
    "QLocale",
    "QMainWindow",
    "QMenu",
    "QMessageBox",
    "QMimeData",
    "QMouseEvent",
    "QObject",
    "QPaintEvent",
    "QPainter",
    "QPainterPath",
    "QPalette",
    "QPen",
    "QPinchGesture",
    "QPixmap",
    "QPlainTextEdit",
    "QPoint",
    "QPointF",
    "QPolygonF",
    "QPushButton",
    "QRect",
    "QRectF",
    "QResizeEvent",
    "QRunnable",
    "QScrollArea",
    "QScroller",
    "QSize",
    "QSizeF",
    "QSizePolicy",
    "QSocketNotifier",
    "QSplitter",
    "QStackedWidget",
    "QStatusBar",
    "QTextEdit",
    "QThreadPool",
    "QTimer",
    "QToolBar",
    "QToolButton",
    "QTransform",
    "QTranslator",
    "QTreeWidget",
    "QTreeWidgetItem",
    "QUrl",
    "QVBoxLayout",
    "QWheelEvent",
    "QWidget",
    "Qt",
    "QtMsgType",
    "Signal",
    "Slot",
    "is_alive",
    "multimedia",
    "pdf",
    "qInstallMessageHandler",
    "translate",
]
_QT_NAMES = frozenset(__all__) - {"is_alive", "multimedia", "pdf", "translate"}
