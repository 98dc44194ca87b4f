"""Whole operator flows through the real shell, offscreen: what a user would notice."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.domain import StepKind
from tests.helpers.station import TIGHT_NOK, TIGHT_OK, reopen
from ui.qt import QLineEdit, Qt
from ui.runner import RunnerScreen
from ui.screens import LockScreen, QueueScreen, StartScreen

# The test station's first step has deliberately broken media (a damaged JPEG and video):
# Qt's decoders say so; the UI must show the placeholder and carry on.
pytestmark = pytest.mark.qt_log_ignore(
    r"JFIF|JPEG datastream contains no image|Could not open media|moov atom"
)


def login(shell, qtbot, badge: str = "B1001") -> None:  # type: ignore[no-untyped-def]
    shell.handle_scan(badge)


def test_badge_scan_logs_in_and_shows_the_queue(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(shell.current, LockScreen)
    login(shell, qtbot)
    assert shell.engine.operator.name == "Maria Garcia"
    assert isinstance(shell.current, QueueScreen)
    assert [c.number for c in shell.current.cards] == ["WO-2", "WO-1"]  # priority first
    assert "Maria G." in shell.topbar.operator.value.text()


def test_unknown_badge_says_what_to_do(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell.handle_scan("NOPE-1")
    lock = shell.current
    assert isinstance(lock, LockScreen) and shell.engine.locked
    assert lock.problem.isVisible() or shell.toast.isVisible()


def _start(shell, qtbot) -> RunnerScreen:  # type: ignore[no-untyped-def]
    login(shell, qtbot)
    shell.open_work_order("WO-1")
    assert isinstance(shell.current, StartScreen)
    qtbot.mouseClick(shell.current.start, Qt.MouseButton.LeftButton)
    runner = shell.current
    assert isinstance(runner, RunnerScreen)
    return runner


def test_run_a_unit_through_every_step_kind(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = _start(shell, qtbot)
    e = shell.engine
    assert runner.counter.text() == "Paso 1 de 8"  # Maria works in Spanish
    # instruction: media is broken test data → placeholder with the reason, can go on
    assert runner.media.status != "ok"
    qtbot.mouseClick(runner.next, Qt.MouseButton.LeftButton)
    # checklist: Next refused until ticked
    assert e.step_view().step.kind == StepKind.CHECKLIST
    qtbot.mouseClick(runner.next, Qt.MouseButton.LeftButton)
    assert runner.problem.isVisible()
    for b in runner.panels[StepKind.CHECKLIST].items.values():
        qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(runner.next, Qt.MouseButton.LeftButton)
    # scan: wrong part first → red verdict, nothing recorded
    assert e.step_view().step.kind == StepKind.SCAN
    shell.handle_scan("\x1d010401234500001610LOT1")
    scan = runner.panels[StepKind.SCAN]
    assert scan.verdict.state == "nok" and e.step_view().status == "pending"
    assert "MOT-1" in scan.verdict.title.text()
    shell.handle_scan("MOT-1-000001")
    assert scan.verdict.state == "ok"
    qtbot.mouseClick(runner.next, Qt.MouseButton.LeftButton)
    shell.handle_scan("\x1d010401234500001610LOT1")
    qtbot.mouseClick(runner.next, Qt.MouseButton.LeftButton)
    # measure: not a number, then a value via the keypad
    measure = runner.panels[StepKind.MEASURE]
    measure.text = "abc"
    measure.key("enter")
    assert e.step_view().status == "pending" and measure.verdict.state == "attention"
    for k in ("0", ".", "1", "enter"):
        qtbot.mouseClick(measure.keypad.buttons[k], Qt.MouseButton.LeftButton)
    assert e.step_view().status == "ok" and measure.verdict.state == "ok"
    qtbot.mouseClick(runner.next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(runner.panels[StepKind.PASS_FAIL].passed, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(runner.next, Qt.MouseButton.LeftButton)
    # torque through the queued device signal; chips fill in live
    for _ in range(4):
        shell.signals.tightened.emit(dict(TIGHT_OK))
        qtbot.wait(1)
    chips = runner.panels[StepKind.TORQUE].chips.chips()
    assert [c[0] for c in chips] == ["ok"] * 4
    qtbot.mouseClick(runner.next, Qt.MouseButton.LeftButton)
    shell.handle_scan("B3001")  # quality signs off
    assert e.step_view().status == "ok"
    qtbot.mouseClick(runner.next, Qt.MouseButton.LeftButton)
    start = shell.current
    assert isinstance(start, StartScreen) and start.summary.state == "ok"
    assert e.work_order.done == 1


def test_torque_nok_then_line_lead_override(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = _start(shell, qtbot)
    e = shell.engine
    while e.step_view().step.kind != StepKind.TORQUE:
        v = e.step_view()
        if v.step.kind == StepKind.CHECKLIST:
            runner.ticked(v).update({"a", "b"})
        elif v.step.kind == StepKind.SCAN:
            shell.handle_scan(
                "MOT-1-000009" if v.step.id == "motor" else "\x1d010401234500001610L9"
            )
        elif v.step.kind == StepKind.MEASURE:
            shell.submit_measurement("0.10")
        elif v.step.kind == StepKind.PASS_FAIL:
            e.submit_pass_fail(True)
        runner.tap_next()
    for _ in range(3):  # max_retries 2 → third NOK makes the step NOK
        shell.handle_tightening(dict(TIGHT_NOK))
    torque = runner.panels[StepKind.TORQUE]
    assert torque.chips.chips()[0] == ("nok", "18,2")  # Maria reads Spanish: a comma
    assert e.step_view().status == "nok" and runner.nok.isVisible()
    qtbot.mouseClick(runner.nok.buttons["override"], Qt.MouseButton.LeftButton)
    dlg = shell.overlays[-1]
    shell.handle_scan("B1001")  # an operator's badge cannot approve
    assert dlg.message.isVisible() and e.step_view().status == "nok"
    shell.handle_scan("B2001")
    assert e.step_view().status == "overridden" and not shell.overlays


def test_andon_stays_visible_until_cleared(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    login(shell, qtbot)
    qtbot.mouseClick(shell.topbar.help, Qt.MouseButton.LeftButton)
    dlg = shell.overlays[-1]
    qtbot.mouseClick(dlg.tiles["material"], Qt.MouseButton.LeftButton)
    assert not shell.overlays and shell.topbar.andon.isVisible()
    assert shell.topbar.andon.text.text().startswith("Ayuda llamada")
    shell.open_andon()
    clear = [
        b
        for b in shell.overlays[-1].findChildren(type(shell.topbar.help))
        if b.text() == "Resuelto"
    ]
    qtbot.mouseClick(clear[0], Qt.MouseButton.LeftButton)
    assert not shell.engine.active_andons() and not shell.topbar.andon.isVisible()


def test_restart_resumes_on_the_same_step(qtbot, station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.app import build_shell
    from ui.qt import QApplication

    engine, clock = station
    engine.login_badge("B1001")
    engine.select_work_order("WO-1")
    engine.start_unit()
    engine.next()
    engine.next(checked={"a", "b"})
    engine2 = reopen(engine, clock)
    s = build_shell(engine2, media_dir=tmp_path / "media", size=(1920, 1080))
    qtbot.addWidget(s)
    QApplication.instance().removeEventFilter(s.wedge)
    assert isinstance(s.current, RunnerScreen)
    assert s.current.counter.text() == "Paso 3 de 8"
    s.translations.use("en")


def test_language_follows_the_operator(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell.handle_scan("B1001")  # Maria: Spanish
    assert shell.language == "es"
    assert shell.topbar.help.text() == "Ayuda"
    shell.handle_scan("B2001")  # Tom: English
    assert shell.topbar.help.text() == "Help"


def test_wedge_burst_into_a_focused_field_is_a_scan_not_text(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = QLineEdit(shell)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "B1001")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == ""
    assert shell.engine.operator is not None and shell.engine.operator.badge == "B1001"
    # slow typing is typing: it reaches the field (logging in changed the screen, so the
    # operator taps the field again first)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    for ch in "42":
        qtbot.keyClick(field, ch)
        qtbot.wait(80)
    qtbot.waitUntil(lambda: field.text() == "42", timeout=3000)


def test_typing_survives_a_second_wedge_filter(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Two application-wide filters (a second window, or one left behind) must not hold
    each other's replayed keys: slow typing still reaches the field."""
    from hardware.framing import ScanFramer
    from ui.qt import QApplication
    from ui.wedge import WedgeFilter

    other = WedgeFilter(lambda data, gs1: None, ScanFramer())
    QApplication.instance().installEventFilter(other)
    try:
        field = QLineEdit(shell)
        field.show()
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        for ch in "17":
            qtbot.keyClick(field, ch)
            qtbot.wait(80)
        qtbot.waitUntil(lambda: field.text() == "17", timeout=3000)
    finally:
        QApplication.instance().removeEventFilter(other)


def test_a_done_step_can_be_redone_from_more_but_tightenings_cannot(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A wrong tap or scan is undoable until the unit completes (UX.md)."""
    from ui.dialogs import ChoiceDialog

    engine = shell.engine
    shell.handle_scan("B1001")
    shell.open_work_order("WO-1")
    shell.start_unit(None)
    engine.next()
    engine.next(checked={"a", "b"})
    shell.handle_scan("MOT-1-000111")
    engine.next()
    engine.back()  # review the motor scan
    shell.open_more()
    more = shell.overlays[-1]
    assert isinstance(more, ChoiceDialog) and "redo" in more.tiles
    qtbot.mouseClick(more.tiles["redo"], Qt.MouseButton.LeftButton)
    view = engine.step_view()
    assert view.step.id == "motor" and view.status == "pending"
    shell.handle_scan("MOT-1-000112")
    assert engine.step_view().data["serial"] == "000112"
    # on a torque step with tightenings recorded, redo is not offered
    while engine.step_view().step.kind != "torque":
        v = engine.step_view()
        if v.step.kind == "scan":
            shell.handle_scan("\x1d010401234500001610L1")
        elif v.step.kind == "measure":
            engine.submit_measurement("0.10")
        elif v.step.kind == "pass_fail":
            engine.submit_pass_fail(True)
        engine.next()
    engine.submit_tightening({"ok": True, "torque": 24.0, "angle": 50.0, "pset": 3})
    for overlay in list(shell.overlays):
        shell.close_overlay(overlay)
    shell.open_more()
    assert not shell.overlays[-1].tiles["redo"].isEnabled()  # same place, greyed


def test_uncertified_badge_then_line_lead_badge_logs_in(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Two scans, no typing: the refused operator's badge, then the line lead's approves."""
    from ui.dialogs import OverrideDialog

    shell.handle_scan("B1003")  # Priya: not certified for OP10
    assert shell.engine.locked
    dialog = shell.overlays[-1]
    assert isinstance(dialog, OverrideDialog)
    shell.handle_scan("B1001")  # an operator's badge does not approve
    assert shell.engine.locked and dialog in shell.overlays
    shell.handle_scan("B2001")  # the line lead's does
    assert shell.engine.operator is not None and shell.engine.operator.id == "op-priya"
    assert dialog not in shell.overlays
