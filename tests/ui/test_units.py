"""Pure pieces of the UI: contrast, sizes from millimetres, keypad entry, wedge timing."""

from __future__ import annotations

from ui import theme
from ui.wedge import classify
from ui.widgets import apply_key


def test_every_text_colour_pair_is_at_least_7_to_1() -> None:
    for fg, bg in theme.TEXT_PAIRS:
        assert theme.contrast(fg, bg) >= 7.0, (fg, bg)


def test_touch_target_is_20_mm_from_the_dpi() -> None:
    panel_22in = theme.Metrics(dpi=100.1)  # 22" 1920x1080
    assert 78 <= panel_22in.target <= 80
    assert theme.Metrics(dpi=theme.FALLBACK_DPI).target == 76
    assert theme.Metrics(dpi=96, width=1280, height=800).font_px("body") >= 22


def test_keypad_entry() -> None:
    text = ""
    for k in ("1", ".", "2", ".", "5", "back", "-"):
        text = apply_key(text, k)
    assert text == "-1.2"
    assert apply_key("123", "clear") == ""


def test_scanner_burst_versus_typing() -> None:
    assert classify([5, 6, 4, 5], 5, 35, 4)
    assert not classify([5, 120, 4], 4, 35, 4)  # a pause: typing
    assert not classify([5, 5], 3, 35, 4)  # too short to be a barcode
