"""Templates for the refusals the floor trial added (``ui.messages`` takes them in with a
one-line hook until the core's refusal catalogue carries them): what was read and what
to do, in the operator's language."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


TEMPLATES: dict[str, tuple[str, str]] = {
    "unknown_badge": (
        QT_TRANSLATE_NOOP("Messages", "Badge {badge} is not known at this station."),
        QT_TRANSLATE_NOOP("Messages", "Check the badge or ask a line lead."),
    ),
    "already_scanned": (
        QT_TRANSLATE_NOOP("Messages", "This step's part is already scanned."),
        QT_TRANSLATE_NOOP("Messages", "To scan it again: More → Redo this step."),
    ),
    "signoff_role": (
        QT_TRANSLATE_NOOP("Messages", "{signer} cannot sign this step."),
        QT_TRANSLATE_NOOP("Messages", "Call the person the step names to scan their badge."),
    ),
    "signoff_independent": (
        QT_TRANSLATE_NOOP("Messages", "This sign-off must be by someone other than the builder."),
        QT_TRANSLATE_NOOP("Messages", "Call the person the step names to scan their badge."),
    ),
    "component_used": (
        QT_TRANSLATE_NOOP("Messages", "This {name} ({serial}) was already fitted to unit {unit}."),
        QT_TRANSLATE_NOOP("Messages", "Take another one; put this one aside for the line lead."),
    ),
}
