"""What the operator sees: nothing clipped at any panel size, the sync pill's states,
a broken video, the picture cache's byte budget, the wedge with the shared scan parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.domain import StepKind
from ui.devices import SyncState
from ui.topbar import sync_pill

pytestmark = pytest.mark.qt_log_ignore(
    r"JFIF|JPEG datastream contains no image|Could not open media|moov atom"
)

SIZES = [(1920, 1080), (1366, 768), (1280, 800), (1080, 1920)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_step_kind_fits_the_panel_with_20_mm_keys(qtbot, station, tmp_path, size) -> None:  # type: ignore[no-untyped-def]
    from ui.app import build_shell

    engine, _ = station
    s = build_shell(engine, media_dir=tmp_path / "media", size=size, wedge=False)
    qtbot.addWidget(s)
    s.show()
    s.handle_scan("B2001")
    s.open_work_order("WO-1")
    s.start_unit(None)
    runner = s.screens["runner"]
    seen = set()
    while engine.unit is not None:
        v = engine.step_view()
        kind = v.step.kind
        seen.add(kind)
        qtbot.wait(1)
        assert s.overflow() == (0, 0), (size, kind)
        panel = runner.panels[kind]
        buttons = [b for b in panel.findChildren(type(runner.next)) if b.isVisible()]
        for b in buttons:  # the action is on screen, whole, and glove-sized
            top_left = b.mapTo(s, b.rect().topLeft())
            assert s.rect().contains(top_left) and b.height() >= s.metrics.target - 1, b.text()
        if kind == StepKind.CHECKLIST:
            runner.ticked(v).update(i.id for i in v.step.checklist)
        elif kind == StepKind.SCAN:
            s.handle_scan("MOT-1-000002" if v.step.id == "motor" else "\x1d010401234500001610L2")
        elif kind == StepKind.MEASURE:
            s.submit_measurement("0.10")
        elif kind == StepKind.PASS_FAIL:
            engine.submit_pass_fail(True)
        elif kind == StepKind.TORQUE:
            from tests.helpers.station import TIGHT_OK

            while engine.step_view().status != "ok":
                s.handle_tightening(dict(TIGHT_OK))
        elif kind == StepKind.SIGNOFF:
            s.handle_scan("B3001")
        runner.tap_next()
    assert len(seen) == 7
    assert s.width() == size[0] and s.height() == size[1]
    s.translations.use("en")


def test_sync_pill_says_what_the_line_lead_needs() -> None:
    assert sync_pill(SyncState(configured=False), 3)[2] == "Sync not set up"
    assert sync_pill(SyncState(configured=True, last_success="2024-05-02T08:15:00Z"), 0)[
        2
    ].startswith("Synced ")
    state, _icon, text = sync_pill(
        SyncState(configured=True, queued=1234, offline_since="2024-05-02T08:15:00Z"), 0
    )
    assert state == "attention" and "1,234 queued" in text and text.startswith("Offline since")
    state, _, text = sync_pill(SyncState(configured=True, auth_failed=True), 0)
    assert state == "nok" and text.startswith("Re-provision needed")


def test_sync_status_from_the_coordinator_reaches_the_top_bar(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert shell.topbar.sync.text.text() == "Sync not set up"
    shell.signals.on_sync_status(
        {"state": "offline", "queued": 12, "dead_letters": 0, "last_success": None,
         "offline_since": "2024-05-02T08:15:00Z", "auth_failed": False}
    )  # fmt: skip
    qtbot.waitUntil(lambda: "12 queued" in shell.topbar.sync.text.text())
    assert shell.topbar.sync.text.text().startswith("Offline since")


def test_video_failing_while_playing_shows_the_reason(shell, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.media import MediaItem

    media = shell.screen_named("runner").media
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00" * 64)
    media.set_items([MediaItem("video", clip, "")])
    if media.video is None or media.video.player is None:
        pytest.skip("QtMultimedia is not available here")
    media.video_failed("the video cannot be played")  # as errorOccurred delivers it
    assert media.stack.currentWidget() is media.placeholder
    assert "the video cannot be played" in media.placeholder.reason


def test_picture_cache_is_bounded_by_bytes(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.media import ImageCache
    from ui.qt import QImage, QSize

    cache = ImageCache(max_bytes=3 * 400 * 300 * 4)
    for i in range(6):
        f = tmp_path / f"p{i}.png"
        img = QImage(800, 600, QImage.Format.Format_RGB32)
        img.fill(0x336699)
        img.save(str(f))
        cache.get(f, QSize(400, 300))
    assert len(cache) == 3 and cache.bytes <= cache.max_bytes


def test_wedge_hands_bursts_to_the_shared_parser(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.qt import QLineEdit, Qt

    field = QLineEdit(shell)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "]C0B1001")  # an AIM identifier the parser strips
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == ""
    assert shell.engine.operator is not None and shell.engine.operator.badge == "B1001"


@pytest.mark.parametrize("language", ["en", "de", "es"])
@pytest.mark.parametrize("size", SIZES[:3], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_top_bar_fits_with_devices_sync_and_andon(
    qtbot, station, tmp_path, language, size
) -> None:  # type: ignore[no-untyped-def]
    """The busiest top bar — a unit running, both devices reporting, sync offline, help
    called — fits the panel in every language, and state words are never dropped."""
    from kiosk.engine import Change
    from ui.app import build_shell

    engine, _ = station
    s = build_shell(engine, media_dir=tmp_path / "media", size=size, wedge=False)
    qtbot.addWidget(s)
    s.pinned_language = language
    s.show()
    s.handle_scan("B2001")
    s.open_work_order("WO-1")
    s.start_unit("P200-10455-0001")
    s.device_states["scanner"] = ("connected", "")
    s.device_states["torque"] = ("disconnected", "unplugged")
    s.topbar.refresh_sync(
        SyncState(configured=True, queued=1234, offline_since="2026-11-24T10:00:00Z")
    )
    engine.raise_andon("material")
    s.on_changes(frozenset({Change.ANDON, Change.SESSION}))
    s.topbar.refresh()
    qtbot.wait(1)
    bar = s.topbar
    layout = bar.layout()
    assert layout is not None
    widths = {
        n: getattr(bar, n).minimumSizeHint().width()
        for n in (
            "station",
            "operator",
            "work_order",
            "unit",
            "andon",
            "scanner",
            "torque",
            "sync",
            "clock",
            "help",
        )
        if getattr(bar, n).isVisible()
    }
    assert layout.minimumSize().width() <= bar.width(), (language, size, widths)
    assert bar.torque.text.isVisible()  # a device that is off keeps its word
    assert bar.sync.text.isVisible()
    assert bar.andon.isVisible() or ":" in bar.help.text()  # help called stays in sight
