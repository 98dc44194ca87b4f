"""The demo's device panel sits in its own strip below the station, never over it, and
the station takes the rest of whatever screen it gets; a button per demo badge."""

from __future__ import annotations

import pytest

from kiosk.demo import demo_badges
from ui.qt import QPushButton

# Top-level windows on the offscreen platform: it has no window manager to tell.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")


@pytest.mark.parametrize("area", [(0, 0, 640, 480), (0, 0, 1280, 800), (0, 0, 1920, 1080)])
def test_the_panel_docks_below_a_station_that_fits_the_screen(
    qtbot, station, tmp_path, area
) -> None:  # type: ignore[no-untyped-def]
    from ui.app import DemoPanel, build_shell, demo_station_size, dock_demo

    samples = [("Right part", lambda: None), *demo_badges(), ("Wrong part", "XYZ-1")]
    panel = DemoPanel(lambda d: None, lambda ok: None, samples, width=area[2])
    qtbot.addWidget(panel)
    size = demo_station_size(panel, area, None)
    engine, _ = station
    shell = build_shell(engine, media_dir=tmp_path / "media", size=size, wedge=False)
    qtbot.addWidget(shell)
    shell.show()
    panel.show()
    dock_demo(panel, shell, area)
    s, p = shell.frameGeometry(), panel.frameGeometry()
    assert not s.intersects(p), (s, p)  # beside the station, never over it
    assert s.bottom() < p.top() and p.bottom() <= area[3] - 1 and s.width() <= area[2]
    assert p.width() <= area[2]
    # the rows wrap: every button inside the strip
    for b in panel.findChildren(QPushButton):
        assert panel.rect().contains(b.geometry()), b.text()
    badges = {b.text() for b in panel.findChildren(QPushButton)}
    assert {
        "Maria B1001",
        "Jonas B1002",
        "Priya B1003",
        "Tom (lead) B2001",
        "Aiko (QA) B3001",
    } <= badges


def test_the_autopilot_runs_as_a_certified_operator(station) -> None:  # type: ignore[no-untyped-def]
    import random

    from kiosk.autopilot import SimulatedInputs, default_operator

    engine, _ = station
    pilot = default_operator(engine, SimulatedInputs(random.Random(1)))
    assert pilot.operator_badge == "B1001"  # Maria: Jonas's certification has expired
