"""Simple wrenches and torque analysers that print one ASCII line per reading.

A profile maps a line to a result, by regex (named groups ``torque``, ``unit``, ``angle``,
``status``, ``id``) or by CSV columns. Lines a profile knows to be chatter (report headers)
are skipped; any other line that does not match is reported, never guessed at.
Tools without a verdict are judged against ``torque_min``/``torque_max`` if given (in
the unit the tool prints), else ``ok`` is None and the step judges. The unit is kept: the
printed unit becomes a canonical code (``lbFin`` → ``lbf.in``, ``In.oz`` → ``ozf.in``;
N·cm is converted to N·m exactly), an unknown one stays as printed and the core refuses
it. Torq-Tronics records carry a record number: a report printed twice delivers each
record once (by tester serial, record number and time). A line that does not read as a
reading is never dropped silently: it goes to the unreadable listeners, kept raw.
Hand tools cannot be locked: ``disable`` only records the wish, and readings taken
meanwhile are still delivered (a real tightening happened).
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from hardware.base import TorqueTool
from hardware.connection import PortFinder, SerialLinked, SerialSettings
from hardware.errors import DeviceConfigError, ProtocolError
from hardware.framing import Discard, FramerConfig, LineFramer, Terminator
from hardware.model import TighteningResult, UnreadableResult, canonical_unit


@dataclass(frozen=True)
class AsciiProfile:
    """How one model prints a reading."""

    name: str
    pattern: re.Pattern[str] | None = None
    columns: dict[str, int] = field(default_factory=dict)
    delimiter: str = ","
    ignore: re.Pattern[str] | None = None
    terminator: Terminator = "lf"
    default_unit: str = "Nm"
    ok_values: frozenset[str] = frozenset({"OK", "PASS", "ACCEPT", "A", "1"})

    def parse(self, line: str) -> dict[str, str] | None:
        """Fields of a reading, None for chatter; raises :class:`ProtocolError` otherwise."""
        text = line.strip()
        if not text or (self.ignore is not None and self.ignore.search(text)):
            return None
        if self.pattern is not None:
            m = self.pattern.search(text)
            if m is None:
                raise ProtocolError(
                    f"{self.name}: unexpected line {text!r}.",
                    raw=line.encode("latin-1", "backslashreplace"),
                )
            return {k: v for k, v in m.groupdict().items() if v is not None}
        cells = [c.strip() for c in text.split(self.delimiter)]
        try:
            return {k: cells[i] for k, i in self.columns.items() if cells[i] != ""}
        except IndexError as err:
            raise ProtocolError(
                f"{self.name}: line {text!r} has {len(cells)} fields, fewer than expected.",
                raw=line.encode("latin-1", "backslashreplace"),
            ) from err


#: Mark-10 Series TT02/TT03/TT05 torque testers and gauges. Follows the Mark-10 user's
#: guides (TT03 §9.3 "Command Responses", TT02/TT05 §12.1): a reading is the value, a space
#: and the unit (or the value only, "Numeric Only"), terminated by CR LF, e.g.
#: ``4.285 Nm`` or ``-18.78 lbFin``; counter-clockwise readings are negative. 8N1; the tool
#: sends on its DATA key or answers ``?``. No verdict: set torque_min/torque_max.
MARK10_TT = AsciiProfile(
    name="mark10-tt",
    pattern=re.compile(r"^(?P<torque>[-+]?\d+(?:\.\d+)?)(?:\s+(?P<unit>[A-Za-z.·]+))?$"),
    terminator="lf",
)

#: Sturtevant Richmont Torq-Tronics 2 tester. Follows the Torq-Tronics 2 Owner's Manual,
#: Appendix A.4 (data report): comma-separated records such as
#: ``+41.2597,In.oz,PEAK,NA,001,00001234,Test Station 1,.000001,.000001,05/31/2011,11:45:34``
#: → torque, unit, mode, -, record number, tester serial, user string, …, date, time;
#: the report's "Start Report…", "Records in Report…" and "End Report…" lines are chatter.
SR_TORQ_TRONICS_2 = AsciiProfile(
    name="sr-torq-tronics-2",
    columns={
        "torque": 0,
        "unit": 1,
        "mode": 2,
        "id": 4,
        "tool_serial": 5,
        "date": -2,
        "time": -1,
    },
    ignore=re.compile(r"^(Start Report|End Report|Records\s+in|Tester)", re.IGNORECASE),
    terminator="crlf",
    default_unit="In.oz",
)

PROFILES: dict[str, AsciiProfile] = {p.name: p for p in (MARK10_TT, SR_TORQ_TRONICS_2)}


def parse_reading(
    profile: AsciiProfile,
    line: str,
    *,
    torque_min: float | None = None,
    torque_max: float | None = None,
    pset: int | None = None,
) -> TighteningResult | None:
    """One line → a result (None for chatter); :class:`ProtocolError` if unreadable."""
    fields = profile.parse(line)
    if fields is None:
        return None
    raw = line.encode("latin-1", "backslashreplace")
    try:
        torque = float(fields["torque"])
        angle = float(fields["angle"]) if "angle" in fields else None
    except (KeyError, ValueError) as err:
        raise ProtocolError(
            f"{profile.name}: no torque value in {line.strip()!r}.", raw=raw
        ) from err
    torque_ok: bool | None = None
    if torque_min is not None or torque_max is not None:
        low = torque_min if torque_min is not None else float("-inf")
        high = torque_max if torque_max is not None else float("inf")
        torque_ok = low <= abs(torque) <= high
    status = fields.get("status")
    ok = status.upper() in profile.ok_values if status is not None else torque_ok
    timestamp = " ".join(fields[k] for k in ("date", "time") if k in fields) or None
    unit, factor = canonical_unit(fields.get("unit", profile.default_unit))
    record = fields.get("id")

    def scaled(value: float | None) -> float | None:
        return None if value is None else round(value * factor, 9)

    return TighteningResult(
        ok=ok,
        torque=scaled(torque),
        torque_ok=torque_ok,
        angle=angle,
        pset=pset,
        tightening_id=record,
        torque_min=scaled(torque_min),
        torque_max=scaled(torque_max),
        tool_serial=fields.get("tool_serial"),
        timestamp=timestamp,
        unit=unit,
        raw=raw,
        record_no=int(record) if record is not None and record.isdigit() else None,
    )


class AsciiTorqueTool(SerialLinked, TorqueTool):
    """A tool on a serial port that prints readings (backend ``ascii``)."""

    backend = "ascii"

    def __init__(
        self,
        url: str,
        *,
        model: str = "mark10-tt",
        pattern: str | None = None,
        terminator: Terminator | None = None,
        torque_min: float | None = None,
        torque_max: float | None = None,
        pset: int | None = None,
        enabled: bool | None = None,
        request: str = "",
        request_every_s: float = 0.0,
        baudrate: int = 9600,
        bytesize: int = 8,
        parity: str = "N",
        stopbits: float = 1,
        vid: int | None = None,
        pid: int | None = None,
        serial_number: str | None = None,
        device_id: str | None = None,
        name: str | None = None,
        port_finder: PortFinder | None = None,
        backoff_max_s: float = 5.0,
    ) -> None:
        super().__init__(url, name=name)
        self.device_id = device_id
        self._seen_records: OrderedDict[tuple[object, ...], None] = OrderedDict()
        if pattern is not None:
            try:
                self.profile = AsciiProfile(name="custom", pattern=re.compile(pattern))
            except re.error as err:
                raise DeviceConfigError(f"pattern is not a valid regex: {err}.") from err
        elif model in PROFILES:
            self.profile = PROFILES[model]
        else:
            raise DeviceConfigError(
                f"Unknown torque tool model {model!r}.",
                next_action=f"Use one of: {', '.join(PROFILES)}, or give a pattern.",
            )
        self.torque_min = torque_min
        self.torque_max = torque_max
        self._pset = pset
        self._enabled = enabled
        self.request = request
        self.request_every_s = request_every_s
        self._last_request = 0.0
        self._counter = 0
        self.framer = LineFramer(FramerConfig(terminator or self.profile.terminator))
        settings = SerialSettings(
            baudrate, bytesize, parity, stopbits, vid=vid, pid=pid, serial_number=serial_number
        )
        self._link(url, settings, backoff_max_s=backoff_max_s, port_finder=port_finder)

    def select_pset(self, pset: int) -> None:
        self._pset = pset  # recorded on each result; a hand tool has no psets to switch

    def enable(self) -> None:
        self._enabled = True

    def disable(self) -> None:
        self._enabled = False

    def _on_open(self) -> None:
        self.framer.reset()
        self.connection.mark_healthy()
        self._set_status("connected", f"listening on {self.connection.opened_path}")

    def _on_close(self, reason: str) -> None:
        dropped = self.framer.reset()
        if dropped is not None:
            self._report(ProtocolError(f"{self.name}: {dropped.reason}.", raw=dropped.raw))
        self._set_status("disconnected", reason)

    def _on_tick(self, now: float) -> None:
        for event in self.framer.poll(now):
            self._handle(event)
        if (
            self.request
            and self.request_every_s > 0
            and now - self._last_request >= self.request_every_s
        ):
            self._last_request = now
            try:
                self.connection.write(self.request.encode("latin-1") + b"\r")
            except Exception as err:  # reported by the connection's close path
                self.log.debug("%s: poll request failed: %s", self.name, err)

    def _on_data(self, data: bytes, now: float) -> None:
        for event in self.framer.feed(data, now):
            self._handle(event)

    def _handle(self, event: object) -> None:
        if isinstance(event, Discard):
            self._report(ProtocolError(f"{self.name}: {event.reason}.", raw=event.raw))
            return
        text = getattr(event, "text", "")
        try:
            result = parse_reading(
                self.profile, text, torque_min=self.torque_min, torque_max=self.torque_max,
                pset=self._pset,
            )  # fmt: skip
        except ProtocolError as err:
            self._report(err)
            self._deliver_unreadable(UnreadableResult(self.name, err.message, err.raw))
            return
        if result is None:
            return
        result = replace(result, controller_id=self.device_id or result.tool_serial or self.url)
        if result.record_no is not None:
            key = (result.controller_id, result.record_no, result.timestamp)
            if key in self._seen_records:
                self.log.info("%s: record %s (%s) was printed again; delivered once",
                              self.name, result.record_no, result.timestamp)  # fmt: skip
                return
            self._seen_records[key] = None
            while len(self._seen_records) > 4096:
                self._seen_records.popitem(last=False)
        if result.tightening_id is None:
            self._counter += 1
            result = replace(result, tightening_id=f"{int(time.time())}-{self._counter}")
        self._deliver(result)
