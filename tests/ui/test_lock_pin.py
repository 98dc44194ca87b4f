"""The lock screen's PIN way in: tap your name, then your PIN (one hash checked per try);
a wrong PIN says how many tries are left, 5 lock that name; many names scroll; every
name is a glove-sized target."""

from __future__ import annotations

from kiosk.store.masterdata import apply_change
from tests.helpers.station import PIN, PIN_HASH
from ui.qt import Qt
from ui.screens import LockScreen, QueueScreen


def _type(lock: LockScreen, digits: str) -> None:
    for k in [*digits, "enter"]:
        lock.keypad.key.emit(k)


def test_tap_your_name_then_your_pin(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    lock = shell.current
    assert isinstance(lock, LockScreen) and lock.pages.currentIndex() == 0
    maria = lock.name_buttons["op-maria"]
    assert maria.isVisible() and maria.text() == "Maria Garcia"
    assert maria.height() >= shell.metrics.target - 1  # a glove-sized target
    qtbot.mouseClick(maria, Qt.MouseButton.LeftButton)
    assert lock.pages.currentIndex() == 1 and lock.name.text() == "PIN for Maria Garcia"
    _type(lock, "999999")
    assert shell.engine.locked and lock.problem.isVisible()
    assert "Tries left before it locks: 4" in (
        lock.problem.title.text() + " " + lock.problem.detail.text()
    )
    assert lock.pages.currentIndex() == 1  # the same name, ready for the next try
    qtbot.mouseClick(lock.other, Qt.MouseButton.LeftButton)  # "Not you?"
    assert lock.pages.currentIndex() == 0
    qtbot.mouseClick(lock.name_buttons["op-maria"], Qt.MouseButton.LeftButton)
    _type(lock, PIN)
    assert not shell.engine.locked and shell.engine.operator.id == "op-maria"
    assert isinstance(shell.current, QueueScreen)
    shell.engine.logout()
    again = shell.current  # (rebuilt: Maria's Spanish came and went)
    assert isinstance(again, LockScreen) and again.pages.currentIndex() == 0  # names first


def test_five_wrong_pins_lock_that_name(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    lock = shell.current
    qtbot.mouseClick(lock.name_buttons["op-maria"], Qt.MouseButton.LeftButton)
    for _ in range(5):
        _type(lock, "999999")
    assert "locked" in (lock.problem.title.text() + " " + lock.problem.detail.text())
    qtbot.mouseClick(lock.other, Qt.MouseButton.LeftButton)
    maria = lock.name_buttons["op-maria"]
    assert not maria.icon().isNull()  # the name shows its lock
    qtbot.mouseClick(maria, Qt.MouseButton.LeftButton)
    assert lock.pages.currentIndex() == 0 and "line lead" in lock.problem.detail.text()
    assert shell.engine.locked


def test_many_names_scroll_and_stay_glove_sized(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    with shell.engine.store.write() as conn:
        for i in range(60):
            apply_change(
                conn,
                "operator",
                "upsert",
                f"op-{i:03d}",
                {
                    "id": f"op-{i:03d}",
                    "badge": f"B9{i:03d}",
                    "name": f"Operator {i:03d}",
                    "pin_hash": PIN_HASH,
                },
            )
    lock = shell.current
    lock.refresh()
    assert len(lock.name_buttons) == 61
    bar = lock.names_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=3000)  # more than fit: it scrolls
    last = lock.name_buttons["op-059"]
    lock.names_area.ensureWidgetVisible(last)
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=3000)
    assert all(b.height() >= shell.metrics.target - 1 for b in lock.name_buttons.values())
    assert shell.overflow() == (0, 0)
