"""One path per intent, and messages that belong to the state they describe (issue 11):
each test drives the real shell the way an operator would and checks what they see."""

from __future__ import annotations

import pytest

from kiosk.domain import StepKind
from tests.helpers.station import PIN, PIN_HASH, TIGHT_OK
from ui.qt import Qt
from ui.runner import RunnerScreen
from ui.screens import LockScreen, StartScreen

pytestmark = pytest.mark.qt_log_ignore(
    r"JFIF|JPEG datastream contains no image|Could not open media|moov atom"
)
LEFT = Qt.MouseButton.LeftButton


def _start(shell, qtbot, badge: str = "B2001") -> RunnerScreen:  # type: ignore[no-untyped-def]
    shell.handle_scan(badge)  # Tom (line lead): English
    shell.open_work_order("WO-1")
    qtbot.mouseClick(shell.current.start, LEFT)
    runner = shell.current
    assert isinstance(runner, RunnerScreen)
    return runner


def _to(shell, runner, kind: StepKind) -> None:  # type: ignore[no-untyped-def]
    e = shell.engine
    while e.step_view().step.kind != kind:
        v = e.step_view()
        if v.step.kind == StepKind.CHECKLIST:
            runner.ticked(v).update(i.id for i in v.step.checklist)
        elif v.step.kind == StepKind.SCAN:
            shell.handle_scan(
                "MOT-1-000009" if v.step.id == "motor" else "\x1d010401234500001610L9"
            )
        elif v.step.kind == StepKind.MEASURE:
            shell.submit_measurement("0.10")
        elif v.step.kind == StepKind.PASS_FAIL:
            e.submit_pass_fail(True)
        runner.tap_next()


def _shown(shell) -> list[str]:  # type: ignore[no-untyped-def]
    return [state for state, _ in shell.feedback.visible()]


def test_a_refusal_goes_when_the_step_changes_and_x_dismisses(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = _start(shell, qtbot)
    qtbot.mouseClick(runner.next, LEFT)  # instruction → checklist
    qtbot.mouseClick(runner.next, LEFT)  # nothing ticked: says what is missing
    assert runner.problem.isVisible()
    assert "2 items not ticked yet" in runner.problem.detail.text()
    # ✕ dismisses it
    assert runner.problem.close_button is not None
    qtbot.mouseClick(runner.problem.close_button, LEFT)
    assert not runner.problem.isVisible()
    qtbot.mouseClick(runner.next, LEFT)
    assert runner.problem.isVisible()
    for b in runner.panels[StepKind.CHECKLIST].items.values():
        qtbot.mouseClick(b, LEFT)
    qtbot.mouseClick(runner.next, LEFT)  # the step changes: its message goes with it
    assert shell.engine.step_view().step.kind == StepKind.SCAN
    assert not runner.problem.isVisible() and shell.feedback.visible() == []


def test_a_wrong_badge_message_leaves_with_the_lock_screen(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    lock = shell.current
    assert isinstance(lock, LockScreen)
    shell.handle_scan("b2001")  # a badge the station does not know: say what was read
    assert lock.problem.isVisible()
    assert lock.problem.title.text() == "Badge b2001 is not known at this station."
    assert lock.problem.detail.text() == "Check the badge or ask a line lead."
    shell.handle_scan("B2001")
    assert shell.feedback.visible() == [] and not lock.problem.isVisible()


def test_confirmations_fade_and_red_never_stands_beside_green(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = _start(shell, qtbot)
    _to(shell, runner, StepKind.SCAN)
    shell.flash("nok", "a refusal", "")
    assert _shown(shell) == ["nok"]
    shell.handle_scan("MOT-1-000001")  # the right part: green verdict
    assert runner.panels[StepKind.SCAN].verdict.state == "ok"
    assert "nok" not in _shown(shell)
    shell.flash("ok", "saved", "")
    qtbot.waitUntil(lambda: "ok" not in _shown(shell), timeout=5000)  # fades by itself


def test_a_rescan_on_a_done_step_says_already_scanned(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = _start(shell, qtbot)
    _to(shell, runner, StepKind.SCAN)
    shell.handle_scan("MOT-1-000004")
    scan = runner.panels[StepKind.SCAN]
    assert "MOT-1-000004" in scan.verdict.detail.text()  # the label as read, not "000004"
    shell.handle_scan("MOT-1-000004")
    assert shell.feedback.visible() == [("info", "This step's part is already scanned.")]
    assert "More → Redo this step" in shell.toast.detail.text()
    assert scan.verdict.state == "ok"  # the green verdict stays; no red beside it


def test_a_used_motor_serial_says_which_unit_has_it(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = _start(shell, qtbot)
    _to(shell, runner, StepKind.SCAN)
    shell.handle_scan("MOT-1-000050")
    unit = shell.engine.unit.serial
    shell.act(lambda: shell.engine.scrap_unit("damaged"))
    runner = _start(shell, qtbot)
    _to(shell, runner, StepKind.SCAN)
    shell.handle_scan("MOT-1-000050")
    verdict = runner.panels[StepKind.SCAN].verdict
    assert verdict.state == "nok"
    assert f"already fitted to unit {unit}" in verdict.title.text()
    assert "Take another one" in verdict.detail.text()
    assert "new unit" not in verdict.detail.text()


def test_next_is_grey_until_the_step_is_satisfied(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = _start(shell, qtbot)
    assert runner.next.property("ready") is True  # an instruction: Next is the action
    qtbot.mouseClick(runner.next, LEFT)
    assert runner.next.property("ready") is False and runner.next.isEnabled()
    items = list(runner.panels[StepKind.CHECKLIST].items.values())
    qtbot.mouseClick(items[0], LEFT)
    assert runner.next.property("ready") is False
    qtbot.mouseClick(items[1], LEFT)
    assert runner.next.property("ready") is True
    qtbot.mouseClick(runner.next, LEFT)
    qtbot.mouseClick(runner.next, LEFT)  # scan step, nothing scanned: says so
    assert runner.problem.detail.text() == "Scan the part this step needs."
    assert shell.engine.step_view().step.kind == StepKind.SCAN


def test_the_chosen_answer_is_marked(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = _start(shell, qtbot)
    _to(shell, runner, StepKind.PASS_FAIL)
    pf = runner.panels[StepKind.PASS_FAIL]
    qtbot.mouseClick(pf.passed, LEFT)
    assert pf.passed.text().startswith("✓") and pf.passed.property("state") == "ok"
    assert pf.failed.property("state") == "" and not pf.failed.text().startswith("✓")


def test_more_keeps_one_order(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = _start(shell, qtbot)
    shell.open_more()
    first = list(shell.overlays[-1].tiles)
    assert not shell.overlays[-1].tiles["redo"].isEnabled()
    shell.close_overlay(shell.overlays[-1])
    _to(shell, runner, StepKind.MEASURE)
    shell.engine.back()
    shell.open_more()
    assert list(shell.overlays[-1].tiles) == first
    assert shell.overlays[-1].tiles["redo"].isEnabled()


def test_the_andon_chip_opens_the_clear_dialog(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell.handle_scan("B2001")
    shell.act(lambda: shell.engine.raise_andon("material"))
    chip = shell.topbar.andon
    assert chip.isVisible() and chip.height() >= shell.metrics.target
    qtbot.mouseClick(chip, LEFT)
    dlg = shell.overlays[-1]
    clear = [b for b in dlg.findChildren(type(shell.topbar.help)) if b.text() == "Clear"]
    qtbot.mouseClick(clear[0], LEFT)
    assert not shell.engine.active_andons()


def test_a_line_lead_approves_a_certification_after_a_pin(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from kiosk.store.schema import operators
    from ui.dialogs import OverrideDialog

    with shell.engine.store.write() as conn:  # Jonas: certification expired, has a PIN
        conn.execute(
            update(operators).where(operators.c.id == "op-jonas").values(pin_hash=PIN_HASH)
        )
    lock = shell.current
    lock.refresh()  # Jonas's PIN arrived just now
    qtbot.mouseClick(lock.name_buttons["op-jonas"], LEFT)  # his name, then his PIN
    for k in PIN:
        lock.key(k)
    lock.key("enter")
    dlg = shell.overlays[-1]
    assert isinstance(dlg, OverrideDialog) and shell.engine.locked
    shell.handle_scan("B2001")
    assert shell.engine.operator is not None and shell.engine.operator.id == "op-jonas"
    assert dlg not in shell.overlays


def test_a_unit_runs_with_one_tap_per_action(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The scripted happy path: taps per step kind (scans and tightenings are not taps)."""
    taps: dict[str, int] = {}
    runner = _start(shell, qtbot)
    e = shell.engine

    def tap(widget, kind: str) -> None:  # type: ignore[no-untyped-def]
        taps[kind] = taps.get(kind, 0) + 1
        qtbot.mouseClick(widget, LEFT)

    while isinstance(shell.current, RunnerScreen):
        v = e.step_view()
        kind = str(v.step.kind)
        if v.step.kind == StepKind.CHECKLIST:
            for b in runner.panels[StepKind.CHECKLIST].items.values():
                tap(b, kind)
        elif v.step.kind == StepKind.SCAN:
            shell.handle_scan(
                "MOT-1-000077" if v.step.id == "motor" else "\x1d010401234500001610L7"
            )
        elif v.step.kind == StepKind.MEASURE:
            for k in ("0", ".", "1", "enter"):
                tap(runner.panels[StepKind.MEASURE].keypad.buttons[k], kind)
        elif v.step.kind == StepKind.PASS_FAIL:
            tap(runner.panels[StepKind.PASS_FAIL].passed, kind)
        elif v.step.kind == StepKind.TORQUE:
            for _ in range(int(v.step.spec.get("count", 1))):
                shell.handle_tightening(dict(TIGHT_OK))
        elif v.step.kind == StepKind.SIGNOFF:
            shell.handle_scan("B3001")
        tap(runner.next, kind)
    assert isinstance(shell.current, StartScreen) and shell.current.summary.state == "ok"
    print("taps per step kind:", taps, "total:", sum(taps.values()))
    # one Next per step; checklist one tap per item; measure its digits + Enter; pass one
    assert taps == {
        "instruction": 1,
        "checklist": 3,
        "scan": 2,
        "measure": 5,
        "pass_fail": 2,
        "torque": 1,
        "signoff": 1,
    }


def test_a_wrong_signer_is_told_in_the_operators_language(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = _start(shell, qtbot, badge="B1001")  # Maria: Spanish
    runner = shell.current
    _to(shell, runner, StepKind.TORQUE)
    for _ in range(4):
        shell.handle_tightening(dict(TIGHT_OK))
    runner.tap_next()
    assert shell.engine.step_view().step.kind == StepKind.SIGNOFF
    shell.handle_scan("B2001")  # a line lead, not the quality inspector the step names
    verdict = runner.panels[StepKind.SIGNOFF].verdict
    assert verdict.state == "nok"
    assert verdict.title.text() == "Tom Walker no puede firmar este paso."
