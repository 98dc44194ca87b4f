"""A real station (SQLite file, every step kind) behind a real shell, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.station import Clock, make_station


@pytest.fixture
def station(tmp_path: Path) -> tuple:
    return make_station(tmp_path)


@pytest.fixture
def shell(qtbot, station, tmp_path: Path) -> Iterator:  # type: ignore[no-untyped-def]
    from ui.app import build_shell

    engine, _clock = station
    s = build_shell(engine, media_dir=tmp_path / "media", size=(1366, 768))
    qtbot.addWidget(s)
    s.show()
    yield s
    from ui.qt import QApplication

    QApplication.instance().removeEventFilter(s.wedge)
    s.translations.use("en")  # translators are app-wide: leave none behind


__all__ = ["Clock"]
