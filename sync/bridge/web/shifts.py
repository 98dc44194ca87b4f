"""Shifts: the plant's shift start times in its time zone (``KIOSK_BRIDGE_SHIFTS``, e.g.
``06:00,14:00,22:00``; ``KIOSK_BRIDGE_TZ``, e.g. ``Europe/Berlin``; defaults: three
8-hour shifts from 06:00, UTC)."""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ENV_SHIFTS = "KIOSK_BRIDGE_SHIFTS"
ENV_TZ = "KIOSK_BRIDGE_TZ"


@dataclass(frozen=True)
class Shift:
    start: datetime  # UTC
    end: datetime  # UTC
    local_start: datetime

    @property
    def key(self) -> str:
        """What the page's shift selector sends back: the local start, minute precision."""
        return self.local_start.strftime("%Y-%m-%dT%H:%M")

    @property
    def label(self) -> str:
        local_end = self.local_start + (self.end - self.start)
        return f"{self.local_start:%Y-%m-%d %H:%M}–{local_end:%H:%M}"

    def elapsed(self, now: datetime) -> timedelta:
        return max(timedelta(0), min(now, self.end) - self.start)


@dataclass(frozen=True)
class ShiftPlan:
    starts: tuple[time, ...]
    zone: tzinfo

    @classmethod
    def from_env(cls) -> ShiftPlan:
        text = os.environ.get(ENV_SHIFTS, "06:00,14:00,22:00")
        starts = []
        for part in text.split(","):
            try:
                starts.append(time.fromisoformat(part.strip()))
            except ValueError:
                continue
        zone: tzinfo = UTC
        name = os.environ.get(ENV_TZ, "")
        if name:
            try:
                zone = ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                zone = UTC
        return cls(tuple(sorted(set(starts))) or (time(0),), zone)

    def _local_starts(self, day: datetime) -> list[datetime]:
        return [datetime.combine(day.date(), t, tzinfo=self.zone) for t in self.starts]

    def shift_at(self, moment: datetime) -> Shift:
        local = moment.astimezone(self.zone)
        candidates = [
            s
            for d in (local - timedelta(days=1), local, local + timedelta(days=1))
            for s in self._local_starts(d)
        ]
        candidates.sort()
        for a, b in itertools.pairwise(candidates):
            if a <= local < b:
                return Shift(a.astimezone(UTC), b.astimezone(UTC), a)
        raise AssertionError("a moment always falls in a shift")

    def recent(self, now: datetime, count: int = 6) -> list[Shift]:
        """The current shift and the ones before it, newest first."""
        out = [self.shift_at(now)]
        while len(out) < count:
            out.append(self.shift_at(out[-1].start - timedelta(seconds=1)))
        return out

    def by_key(self, key: str | None, now: datetime) -> Shift:
        """The shift a selector key names (one of the recent ones), else the current one."""
        for s in self.recent(now, 21):
            if s.key == key:
                return s
        return self.shift_at(now)
