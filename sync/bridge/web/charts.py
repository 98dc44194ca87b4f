"""Charts as SVG, drawn on the server (no JavaScript, no CDN): cycle times against the
standard, yield over the shift, torque values against their limits, a histogram."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from markupsafe import Markup

W, H = 560, 220
PAD_L, PAD_R, PAD_T, PAD_B = 46, 12, 12, 28


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    ok: bool = True
    title: str = ""


def _scale(lo: float, hi: float, a: float, b: float) -> tuple[float, float]:
    if hi <= lo:
        hi = lo + 1
    k = (b - a) / (hi - lo)
    return k, a - lo * k


def _nice(lo: float, hi: float, n: int = 4) -> list[float]:
    if hi <= lo:
        return [lo]
    step = (hi - lo) / n
    mag = 10 ** len(str(int(step))) / 10 if step >= 1 else 1
    for m in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10):
        if step <= m * mag:
            step = m * mag
            break
    start = (lo // step) * step
    ticks: list[float] = []
    v = start
    while v <= hi + 1e-9 and len(ticks) < 12:
        if v >= lo - 1e-9:
            ticks.append(round(v, 6))
        v += step
    return ticks


def _fmt(v: float) -> str:
    return f"{v:.0f}" if abs(v) >= 10 or v == int(v) else f"{v:.2f}".rstrip("0").rstrip(".")


def _frame(
    body: list[str], y_lo: float, y_hi: float, label: str, x_labels: Sequence[tuple[float, str]]
) -> Markup:
    ky, by = _scale(y_lo, y_hi, H - PAD_B, PAD_T)
    parts = [
        f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{escape(label)}"'
        ' preserveAspectRatio="xMidYMid meet">',
        f"<title>{escape(label)}</title>",
    ]
    for t in _nice(y_lo, y_hi):
        y = ky * t + by
        parts.append(
            f'<line class="grid" x1="{PAD_L}" x2="{W - PAD_R}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{PAD_L - 6}" y="{y + 4:.1f}" text-anchor="end">{_fmt(t)}</text>'
        )
    for x, text in x_labels:
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{H - 8}" text-anchor="middle">{escape(text)}</text>'
        )
    parts += body
    parts.append(
        f'<line class="axis" x1="{PAD_L}" x2="{W - PAD_R}" y1="{H - PAD_B}" y2="{H - PAD_B}"/>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))


def empty(label: str, message: str) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{escape(label)}">'
        f'<text class="empty" x="{W / 2}" y="{H / 2}" text-anchor="middle">{escape(message)}</text>'
        "</svg>"
    )


def _time_labels(t0: datetime, t1: datetime, kx: float, bx: float) -> list[tuple[float, str]]:
    span = (t1 - t0).total_seconds()
    out = []
    for i in range(5):
        moment = t0.timestamp() + span * i / 4
        out.append((kx * moment + bx, datetime.fromtimestamp(moment, t0.tzinfo).strftime("%H:%M")))
    return out


def scatter_over_time(
    label: str,
    points: Sequence[tuple[datetime, float, bool, str]],
    t0: datetime,
    t1: datetime,
    *,
    lines: Sequence[tuple[float, str]] = (),
    empty_text: str = "",
) -> Markup:
    """Values over a time span (cycle times, torque), with horizontal reference lines
    (the standard, the limits); NOK points are drawn as crosses."""
    if not points:
        return empty(label, empty_text)
    ys = [p[1] for p in points] + [v for v, _ in lines]
    y_lo, y_hi = min(ys), max(ys)
    margin = (y_hi - y_lo) * 0.1 or 1
    y_lo, y_hi = max(0.0, y_lo - margin), y_hi + margin
    kx, bx = _scale(t0.timestamp(), t1.timestamp(), PAD_L + 4, W - PAD_R - 4)
    ky, by = _scale(y_lo, y_hi, H - PAD_B, PAD_T)
    body = []
    for value, name in lines:
        y = ky * value + by
        body.append(
            f'<line class="ref" x1="{PAD_L}" x2="{W - PAD_R}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="ref-label" x="{W - PAD_R - 2}" y="{y - 3:.1f}" text-anchor="end">'
            f"{escape(name)}</text>"
        )
    for at, value, ok, title in points:
        x, y = kx * at.timestamp() + bx, ky * value + by
        if ok:
            body.append(
                f'<circle class="pt" cx="{x:.1f}" cy="{y:.1f}" r="3.5">'
                f"<title>{escape(title)}</title></circle>"
            )
        else:
            body.append(
                f'<path class="pt-nok" d="M{x - 4:.1f},{y - 4:.1f}l8,8m0,-8l-8,8">'
                f"<title>{escape(title)}</title></path>"
            )
    return _frame(body, y_lo, y_hi, label, _time_labels(t0, t1, kx, bx))


def bars(
    label: str,
    values: Sequence[tuple[str, float | None, str]],
    y_max: float | None = None,
    empty_text: str = "",
    percent: bool = False,
) -> Markup:
    """Labelled bars (yield per hour in per cent, a histogram); None draws no bar."""
    if not any(v is not None for _, v, _ in values):
        return empty(label, empty_text)
    top = y_max if y_max is not None else max((v or 0) for _, v, _ in values) or 1
    n = len(values)
    slot = (W - PAD_L - PAD_R) / n
    ky, by = _scale(0, top, H - PAD_B, PAD_T)
    body = []
    x_labels = []
    every = max(1, n // 8)
    for i, (name, v, title) in enumerate(values):
        x = PAD_L + i * slot
        if i % every == 0:
            x_labels.append((x + slot / 2, name))
        if v is None:
            continue
        y = ky * v + by
        text = f"{v:.0f} %" if percent else _fmt(v)
        body.append(
            f'<rect class="bar" x="{x + slot * 0.12:.1f}" y="{y:.1f}" width="{slot * 0.76:.1f}" '
            f'height="{max(0.0, H - PAD_B - y):.1f}"><title>{escape(title or text)}</title></rect>'
        )
    return _frame(body, 0, top, label, x_labels)


def histogram(
    label: str, values: Sequence[float], standard: float | None, empty_text: str, bins: int = 12
) -> Markup:
    if not values:
        return empty(label, empty_text)
    lo, hi = min(values), max(values)
    if standard:
        lo, hi = min(lo, standard), max(hi, standard)
    width = (hi - lo) / bins or 1
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, int((v - lo) / width))] += 1
    top = max(4, -(-max(counts) // 4) * 4)  # whole-number ticks
    return bars(
        label,
        [
            (
                _fmt(lo + i * width),
                float(c),
                f"{_fmt(lo + i * width)}–{_fmt(lo + (i + 1) * width)} s: {c}",
            )
            for i, c in enumerate(counts)
        ],
        y_max=float(top),
        empty_text=empty_text,
    )
