"""Line-lead mode: the rules behind the line lead's screens (no Qt, no devices, no HTTP).

Who may enter (a badge with the line_lead or admin role plus its PIN), what a change
records (one ``linelead.setting_changed`` event per setting: who, what, old → new), how
settings are validated before anything is saved (a sentence per field), and what retrying
or discarding a dead letter records (a discard needs a reason and is never silent).

The screens in ``ui.linelead`` only ask; the composition root (``kiosk.cli.linelead``)
reaches devices, the bridge and the diagnostics builder through :class:`LineLeadPorts`.

Not split (about 540 lines): each rule here serves one line-lead page and they share the
one change-recording path; split per page they would each import the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from kiosk.access import check_pin, pin_locked, unlock_pin
from kiosk.domain import Operator, Role
from kiosk.errors import RuleViolation
from kiosk.refusals import refusal
from kiosk.security import verify_pin
from kiosk.store import Store, outbox
from kiosk.store import masterdata as md
from kiosk.store.events import record, rfc3339
from kiosk.store.schema import events

ENTERED = "linelead.entered"
LEFT = "linelead.left"
SETTING_CHANGED = "linelead.setting_changed"
DEAD_LETTER_RETRIED = "linelead.dead_letter_retried"
DEAD_LETTER_DISCARDED = "linelead.dead_letter_discarded"
EVENT_TYPES = (ENTERED, LEFT, SETTING_CHANGED, DEAD_LETTER_RETRIED, DEAD_LETTER_DISCARDED)

LANGUAGES = ("en", "de", "es")
IDLE_LOCK_CHOICES = (60, 120, 300, 600, 900, 1800)
MIN_REASON = 3
#: How far back "on this shift" reaches: operators who logged in here within it.
SHIFT_HOURS = 12
#: A certification that ends within this many days is shown as expiring.
EXPIRY_WARN_DAYS = 14


# --- entering and leaving -------------------------------------------------------------


def enter(store: Store, badge: str, pin: str, *, now: datetime | None = None) -> Operator:
    """The line lead (or admin) whose badge and PIN match; records ``linelead.entered``.
    Without a badge (the scanner is what is broken) the PIN alone must be a line lead's,
    as an operator's PIN alone logs them in; the event says which way it was.
    Raises :class:`RuleViolation` (``linelead_refused``, ``wrong_pin``, ``pin_locked``)."""
    who: Operator | None
    if not badge.strip():
        who = _lead_by_pin(store, pin)
    else:
        with store.read() as conn:
            who = md.operator_by_badge(conn, badge.strip())
        if who is None or not who.active or not who.has_role(Role.LINE_LEAD, Role.ADMIN):
            raise refusal("linelead_refused")
        check_pin(store, who, pin)
    method = "badge+pin" if badge.strip() else "pin"
    with store.write() as conn:
        record(
            conn,
            ENTERED,
            {"by": who.id, "method": method},
            operator_id=who.id,
            occurred_at=_now(now),
        )
    return who


def _lead_by_pin(store: Store, pin: str) -> Operator:
    with store.read() as conn:
        leads = [
            o
            for o in md.all_operators(conn)
            if o.active
            and o.pin_hash
            and o.has_role(Role.LINE_LEAD, Role.ADMIN)
            and not pin_locked(conn, o.id)
        ]
    for lead in leads:
        if verify_pin(pin, lead.pin_hash):
            return lead
    raise refusal("wrong_pin", variant="linelead")


def leave(store: Store, lead: Operator, *, now: datetime | None = None) -> None:
    with store.write() as conn:
        record(conn, LEFT, {"by": lead.id}, operator_id=lead.id, occurred_at=_now(now))


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


# --- changes --------------------------------------------------------------------------


@dataclass(frozen=True)
class SettingChange:
    """One setting a line lead changed: ``what`` is a dotted name (``station.name``,
    ``devices[0].url``, ``bridge.ca_file``)."""

    what: str
    old: Any
    new: Any


def changes_between(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[SettingChange]:
    """The settings that differ between two flat ``{dotted name: value}`` maps."""
    out = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old != new:
            out.append(SettingChange(key, old, new))
    return out


def record_changes(
    store: Store, lead: Operator, changes: Sequence[SettingChange], *, now: datetime | None = None
) -> int:
    """One ``linelead.setting_changed`` event per change, all in one transaction."""
    at = _now(now)
    with store.write() as conn:
        for c in changes:
            record(
                conn,
                SETTING_CHANGED,
                {"by": lead.id, "what": c.what, "old": c.old, "new": c.new},
                operator_id=lead.id,
                occurred_at=at,
            )
    return len(changes)


# --- validation -----------------------------------------------------------------------


@dataclass(frozen=True)
class FieldProblem:
    """Why a field cannot be saved: ``field`` names it, ``message`` is the sentence."""

    field: str
    message: str


class SettingsInvalid(RuleViolation):
    """Settings a line lead entered that cannot be saved; ``problems`` per field."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        super().__init__(
            "settings_invalid",
            "; ".join(p.message for p in problems),
            next_action="Correct the marked fields; nothing was saved.",
        )
        self.problems = list(problems)


def require_valid(problems: Sequence[FieldProblem]) -> None:
    if problems:
        raise SettingsInvalid(problems)


def station_problems(values: Mapping[str, Any]) -> list[FieldProblem]:
    out = []
    name = str(values.get("name", "")).strip()
    if not name:
        out.append(FieldProblem("name", "The station needs a name."))
    elif len(name) > 64:
        out.append(FieldProblem("name", "A station name has at most 64 characters."))
    if len(str(values.get("line", ""))) > 64:
        out.append(FieldProblem("line", "A line name has at most 64 characters."))
    if values.get("language") not in LANGUAGES:
        out.append(FieldProblem("language", f"The language must be one of {', '.join(LANGUAGES)}."))
    idle = values.get("idle_lock_s")
    if not isinstance(idle, int) or isinstance(idle, bool) or not 30 <= idle <= 3600:
        out.append(
            FieldProblem("idle_lock_s", "The idle lock must be between 30 seconds and one hour.")
        )
    return out


BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
TERMINATORS = ("cr", "lf", "crlf", "tab", "none")
ENCODINGS = ("latin-1", "utf-8")
PARITIES = ("N", "E", "O", "M", "S")
PROTOCOLS = ("open-protocol", "ascii")
PROFILES = ("standard", "atlas-copco", "legacy", "rev1-as-rev2")
_SERIAL_PATH = re.compile(r"(/dev/[A-Za-z0-9_./-]+|COM[0-9]{1,3})")


def url_problem(url: str) -> str | None:
    """Why ``url`` is not a device address, or None."""
    url = url.strip()
    if not url:
        return "Enter the port (e.g. /dev/ttyACM0, COM3) or socket://host:port."
    if url.startswith("virtual:") or url == "loop://" or _SERIAL_PATH.fullmatch(url):
        return None
    parts = urlsplit(url)
    if parts.scheme in ("socket", "rfc2217"):
        try:
            port = parts.port
        except ValueError:
            port = None
        if not parts.hostname or port is None or not 1 <= port <= 65535:
            return f"{url} needs a host and a port 1…65535, like socket://10.0.0.7:4545."
        return None
    return f"{url} is not a port: use /dev/…, COM…, socket://host:port or rfc2217://host:port."


def device_problems(kind: str, url: str, options: Mapping[str, Any]) -> list[FieldProblem]:
    """What is wrong with one ``[[devices]]`` entry (before anything is opened or saved)."""
    out = []
    if kind not in ("scanner", "torque"):
        out.append(FieldProblem("kind", "A device is a scanner or a torque tool."))
    why = url_problem(url)
    if why:
        out.append(FieldProblem("url", why))

    def pick(name: str, allowed: Sequence[Any], sentence: str) -> None:
        if name in options and options[name] not in allowed:
            out.append(FieldProblem(name, sentence))

    def number(name: str, low: int, high: int, sentence: str) -> None:
        v = options.get(name)
        if v is None:
            return
        if not isinstance(v, int) or isinstance(v, bool) or not low <= v <= high:
            out.append(FieldProblem(name, sentence))

    pick("baudrate", BAUD_RATES, "Pick a baud rate the device supports (9600 is common).")
    pick("bytesize", (5, 6, 7, 8), "Data bits are 5, 6, 7 or 8.")
    pick("parity", PARITIES, "Parity is N, E, O, M or S.")
    pick("stopbits", (1, 1.5, 2), "Stop bits are 1, 1.5 or 2.")
    if kind == "scanner":
        pick("terminator", TERMINATORS, "The terminator is CR, LF, CR LF, Tab or none.")
        pick("encoding", ENCODINGS, "The encoding is latin-1 or utf-8.")
        number("idle_ms", 5, 5000, "The idle gap is 5…5000 ms.")
    if kind == "torque":
        pick("protocol", PROTOCOLS, "The protocol is Open Protocol or ASCII.")
        pick("profile", PROFILES, "The profile is standard, atlas-copco, legacy or rev1-as-rev2.")
        number("revision", 1, 9, "The Open Protocol revision is 1…9.")
        number("pset", 0, 999, "A program (pset) is 0…999.")
    return out


def bridge_problems(url: str, token_file: str, ca_file: str) -> list[FieldProblem]:
    """What is wrong with the bridge settings before anyone is asked."""
    out = []
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        out.append(FieldProblem("url", f"The bridge URL {url!r} must look like https://host:port."))
    else:
        try:
            parts.port  # noqa: B018 (raises on a port that is not a number)
        except ValueError:
            out.append(FieldProblem("url", f"The port in {url!r} is not a number."))
    for name, value, what in (("token_file", token_file, "token"), ("ca_file", ca_file, "CA")):
        if not value:
            if name == "token_file":
                out.append(FieldProblem(name, "The station needs its token file."))
            continue
        path = Path(value).expanduser()
        if not path.is_file():
            out.append(FieldProblem(name, f"The {what} file {path} does not exist."))
            continue
        try:
            with path.open("rb") as f:
                f.read(1)
        except OSError as err:
            out.append(
                FieldProblem(name, f"The {what} file {path} cannot be read ({err.strerror}).")
            )
    return out


def flat_settings(doc: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"station": {"name": "A"}}`` → ``{"station.name": "A"}``; lists get ``[i]``."""
    out: dict[str, Any] = {}
    for key, value in doc.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, Mapping):
            out |= flat_settings(value, name)
        elif isinstance(value, list) and all(isinstance(v, Mapping) for v in value):
            for i, item in enumerate(value):
                out |= flat_settings(item, f"{name}[{i}]")
        else:
            out[name] = value
    return out


# --- garbage from a serial line -------------------------------------------------------


def garbled(raw: bytes) -> bool:
    """True when a frame looks like line noise (wrong baud rate, parity or data bits):
    more than a quarter of its bytes are neither printable ASCII nor GS/CR/LF/Tab."""
    if not raw:
        return False
    bad = sum(1 for b in raw if not (32 <= b < 127 or b in (0x1D, 0x0D, 0x0A, 0x09)))
    return bad * 4 > len(raw)


# --- dead letters ---------------------------------------------------------------------


def retry_dead_letters(
    store: Store, lead: Operator, seqs: Sequence[int] | None = None, *, now: datetime | None = None
) -> int:
    """Queue dead letters again (all when ``seqs`` is None); records who did it."""
    with store.write() as conn:
        chosen = list(seqs) if seqs is not None else outbox.dead_seqs(conn, limit=1_000_000)
        n = outbox.retry_dead(conn, chosen)
        if n:
            record(
                conn,
                DEAD_LETTER_RETRIED,
                {"by": lead.id, "seqs": chosen},
                operator_id=lead.id,
                occurred_at=_now(now),
            )
    return int(n)


def discard_dead_letter(
    store: Store, lead: Operator, seq: int, reason: str, *, now: datetime | None = None
) -> outbox.DeadLetter:
    """Take one dead letter off the list for good. A reason is required; the event keeps
    its place in the record (state ``discarded``) and a ``linelead.dead_letter_discarded``
    event says who discarded what and why."""
    reason = reason.strip()
    if len(reason) < MIN_REASON:
        raise refusal("reason_needed", variant="dead_letter")
    with store.write() as conn:
        letter = next((d for d in outbox.dead_letters(conn, 1_000_000) if d.seq == seq), None)
        if letter is None:
            raise refusal("no_dead_letter", seq=seq)
        outbox.mark_discarded(conn, seq)
        record(
            conn,
            DEAD_LETTER_DISCARDED,
            {
                "by": lead.id,
                "seq": seq,
                "event_id": letter.event_id,
                "type": letter.type,
                "code": letter.code,
                "refused_because": letter.reason,
                "reason": reason,
            },
            operator_id=lead.id,
            occurred_at=_now(now),
        )
    return letter


# --- people ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CertificationState:
    operation: str
    expires: date | None
    state: str  # "valid", "expiring", "expired"


@dataclass(frozen=True)
class PersonOnShift:
    operator: Operator
    last_login: str | None
    pin_locked: bool
    certifications: tuple[CertificationState, ...] = field(default_factory=tuple)


def certification_state(expires: date | None, today: date) -> str:
    if expires is None or expires - today > timedelta(days=EXPIRY_WARN_DAYS):
        return "valid"
    return "expired" if expires < today else "expiring"


def people_on_shift(store: Store, *, now: datetime | None = None) -> list[PersonOnShift]:
    """Operators who logged in here within the shift, plus anyone whose PIN is locked
    (they may not have got in at all), newest log-in first."""
    at = _now(now)
    since = rfc3339(at - timedelta(hours=SHIFT_HOURS))
    with store.read() as conn:
        rows = conn.execute(
            select(events.c.operator_id, events.c.occurred_at, events.c.payload)
            .where(events.c.type == "operator.logged_in", events.c.occurred_at >= since)
            .order_by(events.c.seq.desc())
        ).all()
        last: dict[str, str] = {}
        for r in rows:
            who = r.operator_id
            if who and who not in last:
                last[who] = r.occurred_at
        people = []
        for op in md.all_operators(conn):
            locked = pin_locked(conn, op.id)
            if op.id not in last and not locked:
                continue
            certs = tuple(
                CertificationState(
                    c.operation, c.expires, certification_state(c.expires, at.date())
                )
                for c in op.certifications
            )
            people.append(PersonOnShift(op, last.get(op.id), locked, certs))
    locked_first = [p for p in people if p.pin_locked]
    others = sorted((p for p in people if not p.pin_locked), key=lambda p: p.last_login or "")
    return locked_first + others[::-1]


def unlock(store: Store, lead: Operator, operator_id: str) -> None:
    """Unlock ``operator_id``'s PIN (the station's own rule records who unlocked it)."""
    unlock_pin(store, operator_id, lead.badge)


# --- what the screens reach outside the core ------------------------------------------


@dataclass(frozen=True)
class DeviceEvent:
    """One thing a device under test reported, already in words and fields:
    ``kind`` is scan, tightening, status, error or garbage; ``fields`` are the parsed
    values to show (GS1 elements, torque, angle, verdict, pset, identifier …)."""

    kind: str
    text: str
    fields: tuple[tuple[str, str], ...] = ()


class DeviceTest:
    """A running live test; the composition root's implementation talks to the driver."""

    def select_pset(self, pset: int) -> None:
        raise NotImplementedError

    def enable_tool(self) -> None:
        raise NotImplementedError

    def disable_tool(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


@dataclass
class LineLeadPorts:
    """What line-lead mode needs from outside the core, as plain callbacks (the UI may not
    import devices or the sync client). ``None`` entries hide the matching action.

    - ``config_path``: the station's TOML file (saved atomically);
    - ``sync_status()``: the sync status as a dict (``kiosk sync status``'s fields);
    - ``sync_now()``: ask the sync coordinator for a cycle now;
    - ``test_bridge(url, token_file, ca_file)``: (ok, sentence) as ``kiosk provision`` says it;
    - ``list_ports()``: serial ports as dicts (device, vid, pid, serial_number, description);
    - ``start_device_test(kind, url, options, on_event)``: a :class:`DeviceTest`; the
      callback runs on a device thread with :class:`DeviceEvent` values;
    - ``write_diagnostics(folder)``: the bundle's path; raises OSError with a sentence;
    - ``apply_devices(settings)``: swap the station's running devices for saved ones.
    """

    config_path: Path | None = None
    sync_status: Callable[[], dict[str, Any]] | None = None
    sync_now: Callable[[], None] | None = None
    test_bridge: Callable[[str, str, str], tuple[bool, str]] | None = None
    list_ports: Callable[[], list[dict[str, Any]]] | None = None
    start_device_test: (
        Callable[[str, str, dict[str, Any], Callable[[DeviceEvent], None]], DeviceTest] | None
    ) = None
    write_diagnostics: Callable[[Path], Path] | None = None
    removable_folders: Callable[[], list[Path]] | None = None
    #: run the station on these ``[[devices]]`` now (returns (kind, problem) pairs)
    apply_devices: Callable[[list[Any]], list[tuple[str, str]]] | None = None


# --- saving the station's configuration -------------------------------------------------


class ConfigUnsaved(RuleViolation):
    """The configuration could not be read back or written: nothing was saved."""


def _unsaved(code: str, **params: Any) -> ConfigUnsaved:
    """:class:`ConfigUnsaved` with the catalogue's sentence for ``code``."""
    said = refusal(code, **params)
    return ConfigUnsaved(code, said.message, next_action=said.next_action, params=said.params)


def save_config_change(
    store: Store,
    lead: Operator,
    path: Path | None,
    change: Callable[[Any], Sequence[FieldProblem]],
    *,
    now: datetime | None = None,
) -> list[SettingChange]:
    """Read the station's configuration from ``path``, let ``change(cfg)`` edit it (it
    returns the problems of what it was given), check it reads back as ``kiosk run`` reads
    it, write it atomically and record one event per changed setting. Raises
    :class:`SettingsInvalid` or :class:`ConfigUnsaved`; either way nothing is written."""
    from kiosk.config import load_config, parse_config
    from kiosk.errors import ConfigError

    if path is None:
        raise _unsaved("config_missing")
    try:
        cfg = load_config(path)
    except (ConfigError, OSError) as err:
        raise _unsaved("config_damaged", path=str(path), detail=str(err)) from err
    before = flat_settings(cfg.to_toml())
    require_valid(change(cfg))
    try:
        parse_config(cfg.to_toml(), path)
    except ConfigError as err:
        raise _unsaved("config_invalid", detail=str(err)) from err
    changes = changes_between(before, flat_settings(cfg.to_toml()))
    if not changes:
        return []
    try:
        cfg.save(path)
    except OSError as err:
        raise _unsaved("config_write", path=str(path), detail=str(err.strerror or err)) from err
    record_changes(store, lead, changes, now=now)
    return changes
