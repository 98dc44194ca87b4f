"""A real station (SQLite file, every step kind) behind a real shell, offscreen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.station import Clock, make_station

#: What QtMultimedia's FFmpeg backend says while probing this machine's optional
#: libraries (pipewire, VA-API; no PulseAudio server here): noise of the environment,
#: not of the station.
ENVIRONMENT_NOISE = re.compile(
    r"^Couldn't (load|resolve) (pipewire|va)|^PulseAudioService: pa_context_connect"
)


@pytest.fixture(autouse=True)
def _fail_on_qt_warnings(qtlog) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """A Qt warning or critical message fails the test (qutebrowser does the same), unless
    the test expects it with ``@pytest.mark.qt_log_ignore("regex")``.

    pytest-qt owns the Qt message handler during each test (it would replace one we
    installed), so this reads what that handler captured."""
    yield
    from ui.qt import QtMsgType

    bad = [
        r.message
        for r in qtlog.records
        if r.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        and not r.ignored
        and not ENVIRONMENT_NOISE.match(r.message)
    ]
    if bad:
        pytest.fail("unexpected Qt warnings:\n" + "\n".join(bad), pytrace=False)


@pytest.fixture
def station(tmp_path: Path) -> tuple:
    return make_station(tmp_path)


@pytest.fixture
def shell(qtbot, station, tmp_path: Path) -> Iterator:  # type: ignore[no-untyped-def]
    from ui.app import build_shell

    engine, _clock = station
    from hardware.framing import ScanFramer  # the shared parser, as the station wires it

    s = build_shell(engine, media_dir=tmp_path / "media", size=(1366, 768), scan_framer=ScanFramer)
    qtbot.addWidget(s)
    s.show()
    yield s
    from ui.qt import QApplication

    if s.wedge is not None:  # closing the shell removes it too
        QApplication.instance().removeEventFilter(s.wedge)
    s.translations.use("en")  # translators are app-wide: leave none behind


__all__ = ["Clock"]
