"""Read-only questions the web view asks of the bridge's tables (:mod:`sync.bridge.db`):
station tiles, work order progress, shift analysis with OEE, traceability and recall.

Nothing here writes to the bridge's tables. The as-built record comes from the bridge's
own function (:func:`as_built`), the one the ERP's ``/erp/units/{serial}`` uses.

Why one module of ~860 lines, not split: it is one read model, a list of independent
query functions over the same tables and helpers (shift windows, OEE arithmetic, station
filters), each read on its own.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, or_, select

from sync.bridge import db
from sync.bridge.web.shifts import Shift
from sync.bridge.web.tables import web_andon_clears

#: A station that pushed within this many seconds counts as online.
ONLINE_S = 120.0
#: Step results that count as not right first time.
NOK_STATUSES = ("nok", "overridden")
DONE_STATUSES = ("ok", "overridden", "skipped", "done")


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def stamp(moment: datetime) -> str:
    """The bridge's own text form of a moment (sorts as text)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _json(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _entity(conn: Connection, entity: str, eid: str | None) -> dict[str, Any] | None:
    if not eid:
        return None
    row = conn.execute(
        select(db.entities.c.data).where(
            db.entities.c.entity == entity, db.entities.c.id == eid, ~db.entities.c.deleted
        )
    ).first()
    return None if row is None else _json(row.data)


def operator_name(conn: Connection, operator_id: str | None) -> str | None:
    rec = _entity(conn, "operator", operator_id)
    if rec and rec.get("name"):
        return str(rec["name"])
    return operator_id


def _chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@dataclass
class Revision:
    """What the web view needs of an instruction revision: steps, standards and limits."""

    key: str
    steps: list[dict[str, Any]]
    target_cycle_s: float | None

    def step_index(self, step_id: str | None) -> int | None:
        for i, s in enumerate(self.steps):
            if s.get("id") == step_id:
                return i
        return None

    def step_standard_s(self, step: dict[str, Any]) -> float | None:
        """The step's own ``target_s`` if the revision gives one, else an equal share of
        the revision's ``target_cycle_s``."""
        own = step.get("target_s")
        if isinstance(own, (int, float)) and own > 0:
            return float(own)
        if self.target_cycle_s and self.steps:
            return self.target_cycle_s / len(self.steps)
        return None

    def title(self, step: dict[str, Any], lang: str) -> str:
        title = step.get("title")
        if isinstance(title, dict):
            return str(title.get(lang) or title.get("en") or next(iter(title.values()), ""))
        return str(title or step.get("id", ""))


def revision(
    conn: Connection, key: str | None, cache: dict[str, Revision | None]
) -> Revision | None:
    if not key:
        return None
    if key not in cache:
        rec = _entity(conn, "instruction_revision", key)
        doc = (rec or {}).get("document")
        if not isinstance(doc, dict):
            cache[key] = None
        else:
            steps = [s for s in doc.get("steps", []) if isinstance(s, dict)]
            target = doc.get("target_cycle_s")
            cache[key] = Revision(
                key, steps, float(target) if isinstance(target, (int, float)) else None
            )
    return cache[key]


# --- station tiles -------------------------------------------------------------------------


@dataclass
class Andon:
    andon_id: str
    station: str
    category: str
    note: str
    raised_at: str
    serial: str | None


@dataclass
class Tile:
    station: str
    name: str
    online: bool
    last_seen_at: str | None
    operator: str | None = None
    work_order: str | None = None
    serial: str | None = None
    step_title: str | None = None
    step_no: int | None = None
    step_count: int | None = None
    step_since: str | None = None
    step_standard_s: float | None = None
    unit_since: str | None = None
    unit_standard_s: float | None = None
    andons: list[Andon] = field(default_factory=list)
    devices: list[tuple[str, str, str]] = field(default_factory=list)  # device, state, reason
    downtime: tuple[str, str] | None = None  # reason, since
    dead_letters: int = 0
    last_unit: str | None = None
    last_outcome: str | None = None

    @property
    def state(self) -> str:
        """The tile's colour: andon > down > offline > running > idle."""
        if self.andons:
            return "andon"
        if self.downtime:
            return "down"
        if not self.online:
            return "offline"
        return "running" if self.serial else "idle"


def station_ids(conn: Connection) -> list[tuple[str, str, str | None]]:
    return [
        (r.id, r.name, r.last_seen_at)
        for r in conn.execute(
            select(db.stations.c.id, db.stations.c.name, db.stations.c.last_seen_at).order_by(
                db.stations.c.id
            )
        )
    ]


def _last_event(conn: Connection, station: str, types: Sequence[str]) -> Any:
    return conn.execute(
        select(db.events)
        .where(db.events.c.station == station, db.events.c.type.in_(types))
        .order_by(db.events.c.station_seq.desc())
        .limit(1)
    ).first()


def open_andons(conn: Connection, station: str | None = None) -> list[Andon]:
    """Raised and not cleared, neither at the station nor from the web view."""
    stmt = select(
        db.events.c.station, db.events.c.type, db.events.c.occurred_at, db.events.c.payload
    ).where(db.events.c.type.in_(("andon.raised", "andon.cleared")))
    if station is not None:
        stmt = stmt.where(db.events.c.station == station)
    raised: dict[str, Andon] = {}
    cleared: set[str] = set()
    for r in conn.execute(stmt.order_by(db.events.c.id)):
        p = _json(r.payload)
        aid = str(p.get("andon_id") or "")
        if not aid:
            continue
        if r.type == "andon.raised":
            raised[aid] = Andon(
                aid,
                r.station,
                str(p.get("category") or ""),
                str(p.get("note") or ""),
                r.occurred_at,
                p.get("serial"),
            )
        else:
            cleared.add(aid)
    if raised:
        for chunk in _chunks(sorted(raised)):
            cleared |= {
                r.andon_id
                for r in conn.execute(
                    select(web_andon_clears.c.andon_id).where(
                        web_andon_clears.c.andon_id.in_(chunk)
                    )
                )
            }
    return [a for aid, a in raised.items() if aid not in cleared]


def tile(
    conn: Connection,
    station: str,
    name: str,
    last_seen_at: str | None,
    *,
    now: datetime,
    lang: str,
    revisions: dict[str, Revision | None],
) -> Tile:
    seen = parse_time(last_seen_at)
    t = Tile(
        station,
        name,
        online=seen is not None and (now - seen).total_seconds() <= ONLINE_S,
        last_seen_at=last_seen_at,
    )
    login = _last_event(conn, station, ("operator.logged_in", "operator.logged_out"))
    if login is not None and login.type == "operator.logged_in":
        t.operator = operator_name(
            conn, _json(login.payload).get("operator_id") or login.operator_id
        )
    unit = conn.execute(
        select(db.units)
        .where(db.units.c.station == station, db.units.c.outcome == "in_progress")
        .order_by(db.units.c.started_at.desc())
        .limit(1)
    ).first()
    last = conn.execute(
        select(db.units.c.serial, db.units.c.outcome)
        .where(db.units.c.station == station, db.units.c.outcome != "in_progress")
        .order_by(db.units.c.finished_at.desc())
        .limit(1)
    ).first()
    if last is not None:
        t.last_unit, t.last_outcome = last.serial, last.outcome
    wo = _last_event(conn, station, ("work_order.selected", "work_order.released"))
    if wo is not None and wo.type == "work_order.selected":
        t.work_order = _json(wo.payload).get("work_order")
    if unit is not None:
        t.serial = unit.serial
        t.work_order = unit.work_order
        t.unit_since = unit.started_at
        rev = revision(conn, unit.revision, revisions)
        done: set[str] = set()
        since = unit.started_at
        for e in conn.execute(
            select(db.events.c.type, db.events.c.occurred_at, db.events.c.payload)
            .where(db.events.c.unit_id == unit.unit_id)
            .order_by(db.events.c.station_seq)
        ):
            p = _json(e.payload)
            if e.type == "step.completed":
                if p.get("status") in DONE_STATUSES:
                    done.add(str(p.get("step_id")))
                since = max(since or e.occurred_at, e.occurred_at)
            elif e.type == "step.reopened":
                done.discard(str(p.get("step_id")))
                since = max(since or e.occurred_at, e.occurred_at)
            elif e.type == "unit.resumed":
                since = max(since or e.occurred_at, e.occurred_at)
        t.step_since = since
        if rev is not None:
            t.unit_standard_s = rev.target_cycle_s
            t.step_count = len(rev.steps)
            for i, s in enumerate(rev.steps):
                if str(s.get("id")) not in done:
                    t.step_no = i + 1
                    t.step_title = rev.title(s, lang)
                    t.step_standard_s = rev.step_standard_s(s)
                    break
    t.andons = open_andons(conn, station)
    devices: dict[str, tuple[str, str]] = {}
    for e in conn.execute(
        select(db.events.c.payload)
        .where(db.events.c.station == station, db.events.c.type == "device.status_changed")
        .order_by(db.events.c.station_seq.desc())
        .limit(50)
    ):
        p = _json(e.payload)
        dev = str(p.get("device") or "")
        if dev and dev not in devices:
            devices[dev] = (str(p.get("state") or ""), str(p.get("reason") or ""))
    t.devices = sorted((d, s, r) for d, (s, r) in devices.items())
    down = _last_event(conn, station, ("downtime.started", "downtime.ended"))
    if down is not None and down.type == "downtime.started":
        t.downtime = (str(_json(down.payload).get("reason") or ""), down.occurred_at)
    t.dead_letters = int(
        conn.execute(
            select(func.count()).select_from(db.held_seqs).where(db.held_seqs.c.station == station)
        ).scalar_one()
    )
    return t


def tiles(engine: Engine, now: datetime, lang: str, only: set[str] | None = None) -> list[Tile]:
    revisions: dict[str, Revision | None] = {}
    with engine.connect() as conn:
        return [
            tile(conn, sid, name, seen, now=now, lang=lang, revisions=revisions)
            for sid, name, seen in station_ids(conn)
            if only is None or sid in only
        ]


# --- work orders -------------------------------------------------------------------------


@dataclass
class OrderProgress:
    number: str
    product: str
    operation: str
    quantity: int
    status: str
    due: str | None
    good: int
    scrap: int
    rework: int
    in_progress: int
    rate_per_h: float | None  # good units per hour this shift
    projected_finish: datetime | None
    #: seconds ahead (+) or behind (−) the due time at the current rate; None if unknown.
    slack_s: float | None

    @property
    def percent(self) -> float:
        return min(100.0, 100.0 * self.good / self.quantity) if self.quantity else 0.0

    @property
    def done(self) -> bool:
        return self.good >= self.quantity


def work_orders(engine: Engine, now: datetime, shift: Shift) -> list[OrderProgress]:
    out = []
    with engine.connect() as conn:
        records = [
            (r.id, _json(r.data))
            for r in conn.execute(
                select(db.entities.c.id, db.entities.c.data).where(
                    db.entities.c.entity == "work_order", ~db.entities.c.deleted
                )
            )
        ]
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for r in conn.execute(
            select(db.units.c.work_order, db.units.c.outcome, func.count()).group_by(
                db.units.c.work_order, db.units.c.outcome
            )
        ):
            counts[r[0]][r[1]] = int(r[2])
        reworked: Counter[str] = Counter()
        for r in conn.execute(
            select(db.units.c.work_order, func.count(func.distinct(db.units.c.unit_id)))
            .join(db.events, db.events.c.unit_id == db.units.c.unit_id)
            .where(db.events.c.type == "nonconformance.raised")
            .group_by(db.units.c.work_order)
        ):
            reworked[r[0]] = int(r[1])
        shift_good: dict[str, list[str]] = defaultdict(list)
        for r in conn.execute(
            select(db.units.c.work_order, db.units.c.started_at).where(
                db.units.c.outcome == "good",
                db.units.c.finished_at >= stamp(shift.start),
                db.units.c.finished_at < stamp(shift.end),
            )
        ):
            shift_good[r.work_order].append(r.started_at or "")
    for number, rec in records:
        c = counts.get(number, Counter())
        good = int(rec.get("done") or 0) + c["good"]
        scrap = int(rec.get("scrapped") or 0) + c["scrap"]
        quantity = int(rec.get("quantity") or 0)
        status = str(rec.get("status") or "released")
        if status in ("completed", "cancelled") and not c:
            continue
        starts = [parse_time(s) for s in shift_good.get(number, []) if s]
        first = min((s for s in starts if s), default=None)
        rate = None
        if first is not None:
            hours = max((now - first).total_seconds(), 300.0) / 3600
            rate = len(starts) / hours
        due = parse_time(rec.get("due"))
        projected = None
        slack = None
        remaining = max(0, quantity - good)
        if remaining == 0:
            projected = now
        elif rate:
            projected = now + timedelta(hours=remaining / rate)
        if due is not None and projected is not None:
            slack = (due - projected).total_seconds()
        out.append(
            OrderProgress(
                number=number,
                product=str(rec.get("product") or ""),
                operation=str(rec.get("operation") or ""),
                quantity=quantity,
                status=status,
                due=rec.get("due"),
                good=good,
                scrap=scrap,
                rework=reworked[number],
                in_progress=c["in_progress"],
                rate_per_h=rate,
                projected_finish=projected,
                slack_s=slack,
            )
        )
    out.sort(key=lambda o: (o.done, o.due or "9999", o.number))
    return out


# --- shift analysis ----------------------------------------------------------------------


@dataclass
class UnitRun:
    serial: str
    station: str
    operation: str
    outcome: str
    finished_at: datetime
    cycle_time_s: float | None
    standard_s: float | None
    first_pass: bool
    scrap_reason: str | None


@dataclass
class Tightening:
    step_id: str
    fastening: int
    torque: float | None
    angle: float | None
    ok: bool
    at: datetime
    torque_min: float | None
    torque_max: float | None


@dataclass
class OperationStats:
    operation: str
    runs: list[UnitRun] = field(default_factory=list)
    nok_steps: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    torque_noks: Counter[tuple[str, int]] = field(default_factory=Counter)
    tightenings: list[Tightening] = field(default_factory=list)
    standard_s: float | None = None
    titles: dict[str, str] = field(default_factory=dict)  # step id → its title

    @property
    def finished(self) -> int:
        return len(self.runs)

    @property
    def good(self) -> int:
        return sum(1 for r in self.runs if r.outcome == "good")

    @property
    def first_pass(self) -> int:
        return sum(1 for r in self.runs if r.first_pass)

    @property
    def fpy(self) -> float | None:
        return self.first_pass / self.finished if self.runs else None

    @property
    def cycles(self) -> list[float]:
        return [
            r.cycle_time_s for r in self.runs if r.cycle_time_s is not None and r.outcome == "good"
        ]

    def cycle_summary(self) -> dict[str, float] | None:
        c = sorted(self.cycles)
        if not c:
            return None
        p90 = c[min(len(c) - 1, round(0.9 * (len(c) - 1)))]
        return {"median": statistics.median(c), "p90": p90, "min": c[0], "max": c[-1]}


@dataclass
class Oee:
    station: str
    planned_s: float
    downtime_s: float
    units: int
    standard_s: float  # Σ standard cycle time of the units
    actual_s: float  # Σ their cycle times
    first_pass: int

    @property
    def availability(self) -> float | None:
        return (self.planned_s - self.downtime_s) / self.planned_s if self.planned_s > 0 else None

    @property
    def speed(self) -> float | None:
        """Σ standard ÷ Σ actual, uncapped: above 1 the units ran faster than standard."""
        return self.standard_s / self.actual_s if self.actual_s > 0 else None

    @property
    def performance(self) -> float | None:
        """:attr:`speed` capped at 100 %: running faster than standard does not make up
        for downtime or scrap (a standard that is far too slow is shown, not hidden)."""
        s = self.speed
        return None if s is None else min(1.0, s)

    @property
    def quality(self) -> float | None:
        return self.first_pass / self.units if self.units else None

    @property
    def oee(self) -> float | None:
        a, p, q = self.availability, self.performance, self.quality
        return None if a is None or p is None or q is None else a * p * q


@dataclass
class ShiftReport:
    shift: Shift
    operations: list[OperationStats]
    oee: list[Oee]

    @property
    def empty(self) -> bool:
        return not self.operations and not any(o.planned_s for o in self.oee)


def shift_report(engine: Engine, shift: Shift, now: datetime, lang: str) -> ShiftReport:
    lo, hi = stamp(shift.start), stamp(min(shift.end, max(now, shift.start)))
    ops: dict[str, OperationStats] = {}
    revisions: dict[str, Revision | None] = {}
    with engine.connect() as conn:
        units = conn.execute(
            select(db.units).where(
                db.units.c.outcome.in_(("good", "scrap")),
                db.units.c.finished_at >= lo,
                db.units.c.finished_at < stamp(shift.end),
            )
        ).all()
        by_unit: dict[str, list[Any]] = defaultdict(list)
        ids = [u.unit_id for u in units]
        for chunk in _chunks(ids):
            for e in conn.execute(
                select(
                    db.events.c.unit_id,
                    db.events.c.type,
                    db.events.c.occurred_at,
                    db.events.c.payload,
                )
                .where(
                    db.events.c.unit_id.in_(chunk),
                    db.events.c.type.in_(
                        ("step.completed", "torque.recorded", "nonconformance.raised")
                    ),
                )
                .order_by(db.events.c.id)
            ):
                by_unit[e.unit_id].append(e)
        for u in units:
            rev = revision(conn, u.revision, revisions)
            o = ops.setdefault(u.operation, OperationStats(u.operation))
            if rev is not None and rev.target_cycle_s:
                o.standard_s = rev.target_cycle_s
            if rev is not None and not o.titles:
                o.titles = {str(s.get("id")): rev.title(s, lang) for s in rev.steps}
            limits = {
                str(s.get("id")): (
                    (s.get("spec") or {}).get("torque_min"),
                    (s.get("spec") or {}).get("torque_max"),
                )
                for s in (rev.steps if rev else [])
            }
            nok_steps: set[str] = set()
            nok = False
            for e in by_unit.get(u.unit_id, []):
                p = _json(e.payload)
                step_id = str(p.get("step_id") or "")
                if e.type == "step.completed" and p.get("status") in NOK_STATUSES:
                    nok = True
                    nok_steps.add(step_id)
                elif e.type == "torque.recorded":
                    ok = p.get("ok") is True
                    fastening = int(p.get("fastening") or 0)
                    lo_t, hi_t = limits.get(step_id, (None, None))
                    at = parse_time(e.occurred_at) or shift.start
                    o.tightenings.append(
                        Tightening(
                            step_id,
                            fastening,
                            _num(p.get("torque")),
                            _num(p.get("angle")),
                            ok,
                            at,
                            _num(lo_t),
                            _num(hi_t),
                        )
                    )
                    if not ok:
                        nok = True
                        nok_steps.add(step_id)
                        o.torque_noks[(step_id, fastening)] += 1
                elif e.type == "nonconformance.raised":
                    nok = True
                    o.reasons[str(p.get("description") or p.get("kind") or "?")] += 1
            o.nok_steps.update(nok_steps)
            if u.outcome == "scrap":
                o.reasons[str(u.scrap_reason or "?")] += 1
            o.runs.append(
                UnitRun(
                    serial=u.serial,
                    station=u.station,
                    operation=u.operation,
                    outcome=u.outcome,
                    finished_at=parse_time(u.finished_at) or shift.start,
                    cycle_time_s=u.cycle_time_s,
                    standard_s=rev.target_cycle_s if rev else None,
                    first_pass=u.outcome == "good" and not nok,
                    scrap_reason=u.scrap_reason,
                )
            )
        oee = _oee(conn, shift, now, [r for o in ops.values() for r in o.runs], lo=lo, hi=hi)
    for o in ops.values():
        o.runs.sort(key=lambda r: r.finished_at)
    return ShiftReport(shift, sorted(ops.values(), key=lambda o: o.operation), oee)


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _oee(
    conn: Connection, shift: Shift, now: datetime, runs: list[UnitRun], *, lo: str, hi: str
) -> list[Oee]:
    """Per station: planned time runs from its first event in the shift to the shift's end
    (or now); downtime is what its downtime events cover within that."""
    first: dict[str, str] = {
        r[0]: r[1]
        for r in conn.execute(
            select(db.events.c.station, func.min(db.events.c.occurred_at))
            .where(db.events.c.occurred_at >= lo, db.events.c.occurred_at < hi)
            .group_by(db.events.c.station)
        )
    }
    end = min(shift.end, max(now, shift.start))
    down: dict[str, float] = defaultdict(float)
    open_down: dict[str, tuple[str, datetime]] = {}
    for e in conn.execute(
        select(db.events.c.station, db.events.c.type, db.events.c.occurred_at, db.events.c.payload)
        .where(
            db.events.c.type.in_(("downtime.started", "downtime.ended")),
            db.events.c.occurred_at < hi,
            db.events.c.occurred_at >= stamp(shift.start - timedelta(days=1)),
        )
        .order_by(db.events.c.id)
    ):
        p = _json(e.payload)
        at = parse_time(e.occurred_at)
        if at is None:
            continue
        if e.type == "downtime.started":
            open_down[e.station] = (str(p.get("downtime_id") or ""), at)
        else:
            began = open_down.pop(e.station, (None, None))[1]
            minutes = _num(p.get("minutes"))
            if began is None and minutes is not None:
                began = at - timedelta(minutes=minutes)
            if began is not None:
                overlap = (min(at, end) - max(began, shift.start)).total_seconds()
                down[e.station] += max(0.0, overlap)
    for station, (_id, began) in open_down.items():
        down[station] += max(0.0, (end - max(began, shift.start)).total_seconds())
    stations = sorted(set(first) | {r.station for r in runs} | set(down))
    out = []
    for s in stations:
        start = parse_time(first.get(s)) or shift.start
        planned = max(0.0, (end - max(start, shift.start)).total_seconds())
        mine = [r for r in runs if r.station == s]
        timed = [r for r in mine if r.cycle_time_s and r.standard_s]
        out.append(
            Oee(
                station=s,
                planned_s=planned,
                downtime_s=min(planned, down.get(s, 0.0)),
                units=len(mine),
                standard_s=sum(r.standard_s or 0 for r in timed),
                actual_s=sum(r.cycle_time_s or 0 for r in timed),
                first_pass=sum(1 for r in mine if r.first_pass),
            )
        )
    return out


# --- traceability --------------------------------------------------------------------------


def as_built(bridge: Any, serial: str) -> dict[str, Any] | None:
    """The one place the web view asks for an as-built record: the bridge's own, as the
    ERP's ``GET /api/v1/erp/units/{serial}`` returns it."""
    record: dict[str, Any] | None = bridge.as_built(serial)
    return record


@dataclass
class RecallRow:
    serial: str
    work_order: str
    operation: str
    station: str
    outcome: str
    finished_at: str | None
    part: str | None
    via: str  # "direct", or the sub-assembly serial that contains it


def _recall_condition(lot: str | None, component_serial: str | None) -> Any:
    if lot is not None:
        return db.consumptions.c.lot == lot
    return db.consumptions.c.component_serial == component_serial


def recall(
    engine: Engine,
    *,
    lot: str | None = None,
    component_serial: str | None = None,
    max_depth: int = 8,
) -> Iterator[RecallRow]:
    """Every unit that contains the lot or component serial, directly or through
    sub-assemblies, ordered by serial within each level; streamed, so a lot of 10,000
    units never sits in memory as one list of rows."""
    seen: set[str] = set()
    frontier: list[tuple[str, str]] = []  # (serial that is a component, via)
    with engine.connect() as conn:
        stmt = (
            select(db.units, db.consumptions.c.part)
            .join(db.consumptions, db.consumptions.c.unit_id == db.units.c.unit_id)
            .where(_recall_condition(lot, component_serial))
            .order_by(db.units.c.serial)
        )
        for r in conn.execute(stmt):
            if r.serial in seen:
                continue
            seen.add(r.serial)
            frontier.append((r.serial, r.serial))
            yield _recall_row(r, "direct")
        depth = 0
        while frontier and depth < max_depth:
            depth += 1
            nxt: list[tuple[str, str]] = []
            for chunk in _chunks(frontier):
                via_of = dict(chunk)
                for r in conn.execute(
                    select(db.units, db.consumptions.c.part, db.consumptions.c.component_serial)
                    .join(db.consumptions, db.consumptions.c.unit_id == db.units.c.unit_id)
                    .where(db.consumptions.c.component_serial.in_(list(via_of)))
                    .order_by(db.units.c.serial)
                ):
                    if r.serial in seen:
                        continue
                    seen.add(r.serial)
                    nxt.append((r.serial, r.serial))
                    yield _recall_row(r, str(r.component_serial))
            frontier = nxt


def _recall_row(r: Any, via: str) -> RecallRow:
    return RecallRow(
        serial=r.serial,
        work_order=r.work_order,
        operation=r.operation,
        station=r.station,
        outcome=r.outcome,
        finished_at=r.finished_at,
        part=r.part,
        via=via,
    )


def serial_suggestions(engine: Engine, prefix: str, limit: int = 10) -> list[str]:
    """Serials that start with what was typed (for "did you mean")."""
    if not prefix:
        return []
    with engine.connect() as conn:
        return [
            r[0]
            for r in conn.execute(
                select(db.units.c.serial)
                .where(
                    or_(
                        db.units.c.serial.startswith(prefix[:64], autoescape=True),
                        and_(
                            func.length(prefix) >= 4,
                            db.units.c.serial.contains(prefix[:64], autoescape=True),
                        ),
                    )
                )
                .order_by(db.units.c.serial)
                .limit(limit)
            )
        ]


def latest_event_id(engine: Engine) -> tuple[int, int, int]:
    """What the live view watches: the newest event, the newest web andon clear and how
    many stations there are."""
    with engine.connect() as conn:
        top = conn.execute(select(func.coalesce(func.max(db.events.c.id), 0))).scalar_one()
        clears = conn.execute(
            select(func.coalesce(func.max(web_andon_clears.c.id), 0))
        ).scalar_one()
        stations = conn.execute(select(func.count()).select_from(db.stations)).scalar_one()
    return int(top), int(clears), int(stations)


def stations_since(engine: Engine, event_id: int) -> set[str]:
    """Stations with events newer than ``event_id``."""
    with engine.connect() as conn:
        return {
            r[0]
            for r in conn.execute(
                select(db.events.c.station).where(db.events.c.id > event_id).distinct()
            )
        }


def open_andons_by_id(engine: Engine, andon_id: str) -> list[Andon]:
    with engine.connect() as conn:
        return [a for a in open_andons(conn) if a.andon_id == andon_id]
