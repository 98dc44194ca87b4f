"""The core's refusals and verdicts in the operator's language.

The core speaks English sentences plus a stable ``code`` and ``params``; here each code
has a translatable template. Where the operator's language has no translation of a
template, the core's own (more detailed) English sentence is shown.
"""

from __future__ import annotations

from typing import Any

from ui.qt import QCoreApplication

_CTX = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


#: code → (message, next action) templates, formatted with the core's params.
TEMPLATES: dict[str, tuple[str, str]] = {
    "unknown_badge": (
        QT_TRANSLATE_NOOP("Messages", "Badge {badge} is not known at this station."),
        QT_TRANSLATE_NOOP("Messages", "Scan your own badge, or ask the line lead to register it."),
    ),
    "wrong_pin": (
        QT_TRANSLATE_NOOP("Messages", "That PIN is not right."),
        QT_TRANSLATE_NOOP("Messages", "Enter your PIN again or scan your badge."),
    ),
    "not_certified": (
        QT_TRANSLATE_NOOP("Messages", "{operator} is not certified for operation {operation}."),
        QT_TRANSLATE_NOOP(
            "Messages", "Ask a line lead to approve, or call the next certified operator."
        ),
    ),
    "certification_expired": (
        QT_TRANSLATE_NOOP(
            "Messages", "{operator}'s certification for {operation} expired on {expires}."
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Ask a line lead to approve, and have the certification renewed."
        ),
    ),
    "serial_used": (
        QT_TRANSLATE_NOOP("Messages", "Serial {serial} was already used."),
        QT_TRANSLATE_NOOP("Messages", "Check the label; scan the serial of a new unit."),
    ),
    "wrong_part": (
        QT_TRANSLATE_NOOP("Messages", "Wrong part: scanned {scanned}, this step needs {expected}."),
        QT_TRANSLATE_NOOP("Messages", "Take {expected} from bin {bin} and scan again."),
    ),
    "no_match": (
        QT_TRANSLATE_NOOP("Messages", "{data} is not a label of {expected}."),
        QT_TRANSLATE_NOOP("Messages", "Take {expected} from bin {bin} and scan its label."),
    ),
    "unknown_barcode": (
        QT_TRANSLATE_NOOP(
            "Messages", "{data} is not a badge, work order, unit or the part this step needs."
        ),
        QT_TRANSLATE_NOOP("Messages", "Check the label and scan again."),
    ),
    "locked": (
        QT_TRANSLATE_NOOP("Messages", "The station is locked."),
        QT_TRANSLATE_NOOP("Messages", "Scan your badge first."),
    ),
    "work_order_complete": (
        QT_TRANSLATE_NOOP(
            "Messages", "Work order {work_order} is complete: {done} of {quantity} done."
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Pick the next work order, or ask a line lead to approve extra units."
        ),
    ),
    "override_refused": (
        QT_TRANSLATE_NOOP("Messages", "Only a line lead's badge can approve this."),
        QT_TRANSLATE_NOOP("Messages", "Ask the line lead to scan their badge."),
    ),
    "step_incomplete": (QT_TRANSLATE_NOOP("Messages", "Step {step} is not done yet."), ""),
    "not_a_number": (
        QT_TRANSLATE_NOOP("Messages", "That is not a number."),
        QT_TRANSLATE_NOOP("Messages", "Enter the reading with the keypad."),
    ),
    "out_of_limits": (
        QT_TRANSLATE_NOOP("Messages", "The value is outside the limits."),
        QT_TRANSLATE_NOOP("Messages", "Measure again, or choose what to do with the NOK."),
    ),
}

TEMPLATES.update(__import__("ui.floor_messages", fromlist=["TEMPLATES"]).TEMPLATES)  # ui hook


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def explain(code: str, params: dict[str, Any], message: str, next_action: str) -> tuple[str, str]:
    """(sentence, next action) in the operator's language where a translation exists,
    else the core's English sentence."""
    template = TEMPLATES.get(code)
    if template is None:
        return message, next_action
    values = _Params({k: ("" if v is None else v) for k, v in params.items()})
    out: list[str] = []
    for source, english in zip(template, (message, next_action), strict=True):
        translated = QCoreApplication.translate(_CTX, source) if source else ""
        if not source or translated == source:
            out.append(english)
            continue
        try:
            out.append(translated.format_map(values))
        except (KeyError, IndexError, ValueError):
            out.append(english)
    return out[0], out[1]
