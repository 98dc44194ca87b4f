"""Every refusal an operator can see: a code, a sentence template and a next action.

The engine, the step rules and the store raise refusals only through :func:`refusal`
(or :func:`render` for verdicts that are not exceptions); the UI translates them by
code (``ui/messages.py``) from the translation context :data:`CONTEXT`, and never
retypes a sentence. Templates name their parameters as ``{name}``; a count is written
``%n`` (Qt's plural marker) and rendered in English with :attr:`Entry.one` when it is 1.

A code may have *variants* (the same refusal with a different next action, e.g. which
kind of step is unfinished): the variant is passed as the ``variant`` parameter and the
entry is looked up as ``code.variant``. ``assets/i18n/refusals_<lang>.ts`` hold the
German and Spanish translations; a test fails when one is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.errors import RuleViolation

#: The Qt translation context of the catalogue.
CONTEXT = "Refusals"


@dataclass(frozen=True)
class Entry:
    message: str
    next_action: str = ""
    #: The English message when the count (``count`` parameter) is 1.
    one: str | None = None
    #: The parameter that gives ``%n`` in ``message``.
    count: str | None = None
    #: The line-lead override that would allow what was refused.
    override: str | None = None


_E = Entry
CATALOGUE: Mapping[str, Entry] = {
    # --- session and certification ---------------------------------------------------
    "locked": _E("The station is locked.", "Scan your badge to log in."),
    "unknown_badge": _E(
        "Badge {badge} is not known at this station.",
        "Scan your own badge, or ask the line lead to register it.",
    ),
    "unknown_badge.locked": _E(
        "Badge {badge} is not known at this station.", "Check the badge or ask a line lead."
    ),
    "wrong_pin": _E("That PIN is not right.", "Enter your PIN again or scan your badge."),
    "wrong_pin.tries": _E(
        "That PIN is not right.",
        "Enter your PIN again. Tries left before it locks: {tries_left}.",
    ),
    "pin_locked": _E(
        "The PIN of {operator} is locked after {failures} wrong tries.",
        "Ask the line lead to unlock it (their badge), or scan your badge.",
    ),
    "wrong_pin.linelead": _E(
        "That PIN is not a line lead's.", "Scan your badge and enter your PIN again."
    ),
    "linelead_refused": _E(
        "Only a line lead or an admin can open line-lead mode.",
        "Ask the line lead to scan their badge.",
    ),
    "not_a_tool": _E(
        "Only a torque tool has programs and a lock.", "Pick the torque tool to test these."
    ),
    "config_missing": _E(
        "This station runs without a configuration file: nothing can be saved here.",
        "Ask IT to provision the station (kiosk provision).",
    ),
    "config_damaged": _E(
        "The configuration file {path} is damaged: nothing was saved. ({detail})",
        "Ask IT to restore the file or provision the station again.",
    ),
    "config_invalid": _E(
        "These settings would not start the station: nothing was saved. ({detail})",
        "Correct the setting and save again.",
    ),
    "config_write": _E(
        "The configuration file {path} cannot be written: nothing was saved. ({detail})",
        "Call IT: the disk may be full or read-only.",
    ),
    "device_settings": _E("These device settings cannot be used: {detail}", "{next}"),
    "device_unavailable": _E("The device cannot be opened: {detail}", "{next}"),
    "device_error": _E("The device reported a problem: {detail}", "{next}"),
    "no_dead_letter": _E(
        "Event {seq} is not a dead letter (any more).", "The list is refreshed; look again."
    ),
    "not_certified": _E(
        "{operator} is not certified for operation {operation}.",
        "Ask a line lead to approve, or call the next certified operator.",
        override="certification",
    ),
    "certification_expired": _E(
        "{operator}'s certification for operation {operation} expired on {expires}.",
        "Ask a line lead to approve, and have the certification renewed.",
        override="certification",
    ),
    "override_refused": _E(
        "Only a line lead's badge can approve this.", "Ask the line lead to scan their badge."
    ),
    # --- work orders and units -------------------------------------------------------
    "revision_missing": _E(
        "The instruction revision {revision} is not on this station.",
        "Ask the line lead to sync the station or import the package.",
    ),
    "no_work_order": _E("No work order is selected.", "Pick one from the queue."),
    "unknown_work_order": _E(
        "Work order {work_order} is not on this station.",
        "Check the number, or ask the line lead to sync the station.",
    ),
    "work_order_closed.cancelled": _E(
        "Work order {work_order} is cancelled in the ERP.",
        "Pick another work order from the queue.",
    ),
    "work_order_closed.on_hold": _E(
        "Work order {work_order} is on hold in the ERP.",
        "Pick another work order from the queue.",
    ),
    "unit_in_progress": _E(
        "Unit {serial} is still in progress.", "Finish or scrap it before you go on."
    ),
    "serial_used": _E(
        "Serial {serial} was already used on {finished}.",
        "Check the label; scan the serial of a new unit.",
    ),
    "no_instructions": _E(
        "There is no approved work instruction for {product} {operation}.",
        "Ask the line lead to publish or import the instruction package.",
    ),
    "work_order_complete": _E(
        "Work order {work_order} is complete: {done} of {quantity} done.",
        "Pick the next work order, or ask a line lead to approve extra units.",
        override="overproduction",
    ),
    "no_unit": _E("No unit is in progress.", "Scan the unit's serial or tap Start."),
    # --- steps and navigation --------------------------------------------------------
    "no_such_step": _E("There is no step {step}.", "Pick a step from the list."),
    "step_ahead": _E(
        "Step {step} comes after steps that are not done yet.", "Finish the current step first."
    ),
    "checklist_incomplete": _E(
        "%n items are not ticked yet, first: {first}.",
        "Tick every item, then tap Next.",
        one="%n item is not ticked yet: {first}.",
        count="missing",
    ),
    "step_incomplete": _E("Step {step} “{title}” is not done yet.", "Complete the step."),
    "step_incomplete.scan": _E(
        "Step {step} “{title}” is not done yet.", "Scan the part this step needs."
    ),
    "step_incomplete.measure": _E(
        "Step {step} “{title}” is not done yet.", "Enter the measured value."
    ),
    "step_incomplete.pass_fail": _E("Step {step} “{title}” is not done yet.", "Tap Pass or Fail."),
    "step_incomplete.torque": _E(
        "Step {step} “{title}” is not done yet.", "Tighten every fastening with the tool."
    ),
    "step_incomplete.signoff": _E(
        "Step {step} “{title}” is not done yet.", "Have the sign-off badge scanned."
    ),
    "step_incomplete.nok": _E(
        "Step {step} “{title}” is not done yet.",
        "Retry, rework, scrap, or ask a line lead to override.",
    ),
    "steps_unfinished": _E(
        "%n required steps are not done.",
        "Finish them before completing the unit.",
        one="%n required step is not done.",
        count="count",
    ),
    "wrong_step_kind": _E(
        "Step {step} is not this kind of step.", "Do what the step on screen asks."
    ),
    "torque_not_expected": _E(
        "This step's fastenings are already recorded.", "Tap Next, or handle the NOK first."
    ),
    "torque_undo": _E(
        "Tightening results cannot be undone.",
        "If a fastening must be redone, record a rework (NOK) instead.",
    ),
    "unknown_torque_unit": _E(
        "The tool sent a torque in “{unit}”, a unit this station does not know ({known}).",
        "Set the tool to N·m (or another listed unit) and tighten again; call a line lead.",
    ),
    "tool_result_unreadable": _E(
        "The tool sent a result the station could not read.",
        "It is kept for the line lead and not counted; tighten this fastening again.",
    ),
    "tightening_other_unit": _E(
        "The tool's result is marked for unit {identifier}, not for this unit {serial}.",
        "It is not counted for {serial}; call a line lead to check the tool's unit.",
    ),
    "tightening_stray.late_pset": _E(
        "A tightening made while the tool was offline ran program {used}; this step needs {pset}.",
        "It is kept for the line lead and not counted; tighten with the step's program.",
    ),
    "tightening_stray.late_before": _E(
        "A tightening made while the tool was offline was made before this step started.",
        "It is kept for the line lead and not counted; tighten the fastenings of this step.",
    ),
    "tightening_stray.no_fastening": _E(
        "Spindle {spindle} tightened, but this step has no open fastening left for it.",
        "It is kept for the line lead and not counted; call a line lead.",
    ),
    "no_torque_value": _E(
        "The tool sent a tightening without a torque value.", "Tighten again; call a line lead."
    ),
    # Why a tightening is NOK (TighteningVerdict.problems; no next action of their own).
    "tightening.tool_nok": _E("The tool reported NOK."),
    "tightening.no_torque": _E("The tool sent no torque value."),
    "tightening.torque_below": _E("Torque {torque} {unit} is below {limit} {unit}."),
    "tightening.torque_above": _E("Torque {torque} {unit} is above {limit} {unit}."),
    "tightening.angle_below": _E("Angle {angle}° is below {limit}°."),
    "tightening.angle_above": _E("Angle {angle}° is above {limit}°."),
    "tightening.wrong_pset": _E("Program (pset) {used} was used; this step needs {pset}."),
    # The role stays out of the sentence: it is a code word, not the operator's language.
    "signoff_role": _E(
        "{signer} cannot sign this step.", "Call the person the step names to scan their badge."
    ),
    "signoff_independent": _E(
        "This sign-off must be by someone other than the operator who built the unit.",
        "Call a {role} to scan their badge.",
    ),
    # --- NOK handling ----------------------------------------------------------------
    "retry_not_allowed": _E(
        "No retries are left for step {step}.", "Rework, scrap, or ask a line lead to override."
    ),
    # Not a refusal but the NOK panel's count, kept here for its plural forms.
    "retries_left": _E("NOK: %n retries left.", one="NOK: %n retry left.", count="n"),
    "not_nok": _E("Only a NOK step can be handled this way.", "Go on with the step."),
    "reason_needed": _E("This needs a reason.", "Pick a reason."),
    "reason_needed.dead_letter": _E(
        "A dead letter is only discarded with a reason.", "Pick or type why it is discarded."
    ),
    "reason_needed.rework": _E("Say what was reworked.", "Pick or type a reason."),
    "reason_needed.override": _E("An override needs a reason.", "Pick or type a reason."),
    "reason_needed.scrap": _E("Scrapping needs a reason.", "Pick a scrap reason."),
    "reason_needed.downtime": _E("Downtime needs a reason.", "Pick a reason."),
    "reason_needed.feedback": _E("Say what is wrong with the step.", "Pick a category."),
    "downtime_running": _E("Downtime “{reason}” is already running.", "End it first."),
    # --- scans -----------------------------------------------------------------------
    "empty": _E("The scan was empty.", "Scan again."),
    "unknown_barcode": _E(
        "{data} is not a badge, work order, unit or the part this step needs.",
        "Check the label and scan again.",
    ),
    "serial_used.component": _E(
        "{part} serial {serial} is already built into unit {unit}.",
        "Put this part aside for the line lead and take a new one.",
    ),
    "component_used": _E(
        "This {name} ({serial}) was already fitted to unit {unit}.",
        "Take another one; put this one aside for the line lead.",
    ),
    "already_scanned": _E(
        "This step's part is already scanned.", "To scan it again: More → Redo this step."
    ),
    "wrong_part": _E(
        "Wrong part: scanned {scanned}, this step needs {expected}.",
        "Take {expected} and scan again.",
    ),
    "wrong_part.bin": _E(
        "Wrong part: scanned {scanned}, this step needs {expected}.",
        "Take {expected} from bin {bin} and scan again.",
    ),
    "no_match": _E("{data} is not a label of {expected}.", "Take {expected} and scan its label."),
    "no_match.bin": _E(
        "{data} is not a label of {expected}.", "Take {expected} from bin {bin} and scan its label."
    ),
    "no_match.pattern": _E(
        "{data} is not what this step needs.", "Check the label and scan again."
    ),
    "missing_serial": _E(
        "The label of {expected} carries no serial number, which this part needs.",
        "Scan the serial-number label of the part.",
    ),
    "missing_lot": _E(
        "The label of {expected} carries no lot number, which this part needs.",
        "Scan the label with the lot (batch) number.",
    ),
    # --- what a scan did (ScanOutcome), when it was taken ------------------------------
    "signed": _E("Signed by {signer}.", "Tap Next."),
    "logged_in": _E("{operator} is logged in."),
    "welcome": _E("Welcome, {operator}."),
    "work_order_opened": _E("Work order {work_order} opened."),
    "unit_started": _E("Unit {serial} started."),
    "accepted": _E("{part} ({name}) accepted.", "Tap Next."),
    "accepted.serial": _E("{part} ({name}) serial {serial} accepted.", "Tap Next."),
    "accepted.lot": _E("{part} ({name}) lot {lot} accepted.", "Tap Next."),
    "accepted.pattern": _E("{data} accepted.", "Tap Next."),
    # --- measurements ----------------------------------------------------------------
    "not_a_number": _E("“{raw}” is not a number.", "Enter the reading in {unit} with the keypad."),
    "too_many_decimals": _E(
        "{value} has more than {decimals} decimal places.",
        "Enter it as the gauge shows it (e.g. {example} {unit}).",
    ),
    # --- the station's database (kiosk.store.db.translate, by SQLite error code) -----
    "store_locked": _E(
        "The station database {path} is locked by another program.",
        "Close the other kiosk window or backup tool, then try again.",
    ),
    "store_busy": _E(
        "The station database {path} is busy and did not answer in time; nothing was recorded.",
        "Wait a moment and repeat the last action.",
    ),
    "store_full": _E(
        "The disk holding {path} is full; nothing was recorded.",
        "Call IT to free disk space; the last action can then be repeated.",
    ),
    "store_io": _E(
        "The station could not read or write {path} (disk error); nothing was recorded.",
        "Call IT to check the disk; then restart the station.",
    ),
    "store_readonly": _E(
        "The station database {path} cannot be written (read-only); nothing was recorded.",
        "Call IT: the kiosk user must be allowed to write the data folder.",
    ),
    "store_cantopen": _E(
        "The station database {path} cannot be opened.",
        "Check the data folder exists and the kiosk user may write to it.",
    ),
    "store_corrupt": _E(
        "The station database {path} is damaged or not a kiosk database.",
        "Call IT: restore the latest backup (`kiosk db backup` makes one).",
    ),
    "internal_error": _E(
        "The station hit an internal error; nothing more was recorded.", "Call a line lead."
    ),
}


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def key_of(code: str, params: Mapping[str, Any]) -> str:
    """The catalogue key of a refusal: ``code``, or ``code.variant``."""
    variant = params.get("variant")
    return f"{code}.{variant}" if variant else code


def entry(code: str, params: Mapping[str, Any] | None = None) -> Entry:
    return CATALOGUE[key_of(code, params or {})]


def render(code: str, **params: Any) -> tuple[str, str]:
    """(message, next action) in English, from the catalogue."""
    e = entry(code, params)
    values = _Params({k: ("" if v is None else v) for k, v in params.items()})
    message = e.message
    if e.count is not None:
        n = int(params.get(e.count, 0))
        message = (e.one if n == 1 and e.one else e.message).replace("%n", str(n))
    return message.format_map(values), e.next_action.format_map(values)


def refusal(code: str, **params: Any) -> RuleViolation:
    """The :class:`RuleViolation` for ``code`` with its sentence and next action."""
    e = entry(code, params)
    message, next_action = render(code, **params)
    return RuleViolation(
        code, message, next_action=next_action, override=e.override, params=dict(params)
    )


__all__ = ["CATALOGUE", "CONTEXT", "Entry", "entry", "key_of", "refusal", "render"]
