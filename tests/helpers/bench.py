"""Benchmark reporting: every benchmark prints one table with median, p95 and a reference
measured in the same run. Benchmarks never assert on time; they report."""

from __future__ import annotations

import os
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

#: Full runs with ``./dev bench``; the test command runs each benchmark small, so it cannot rot.
FULL = os.environ.get("KIOSK_BENCH") == "1"


def scale(full: int, quick: int) -> int:
    """How many samples to take: ``full`` under ./dev bench, ``quick`` in the test suite."""
    return full if FULL else quick


def percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


@dataclass
class Row:
    """One line of a table: a figure's samples (or a single value) and its target."""

    name: str
    samples: Sequence[float]
    unit: str = "ms"
    target: str = ""
    reference: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else float("nan")

    @property
    def p95(self) -> float:
        return percentile(self.samples, 95)


def report(title: str, rows: Sequence[Row]) -> str:
    """Print and return a Markdown table (pasted as-is into the README)."""
    head = "| figure | n | median | p95 | target | reference (same run) |"
    sep = "|---|---:|---:|---:|---|---|"
    lines = [f"\n### {title}", head, sep]
    for r in rows:
        lines.append(
            f"| {r.name} | {len(r.samples)} | {r.median:.3f} {r.unit} | {r.p95:.3f} {r.unit} "
            f"| {r.target} | {r.reference} |"
        )
    text = "\n".join(lines)
    print(text, flush=True)
    out = os.environ.get("KIOSK_BENCH_OUT")
    if out:
        with open(out, "a", encoding="utf-8") as f:
            f.write(text + "\n")
    return text
