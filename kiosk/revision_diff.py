"""What changed between two revisions of an instruction document, for the quality engineer
who signs the new one: steps added, removed, moved and changed field by field (texts per
language), components, document fields and media.

Steps are matched by id; a step counts as *moved* when it is not on the longest run of
steps that kept their relative order (so inserting one step does not mark all that follow).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from kiosk.authoring import TEXT_KEYS

ChangeKind = Literal["added", "removed", "moved", "changed"]


@dataclass(frozen=True)
class FieldChange:
    """One value that differs; ``path`` is relative to its step/component/document, texts
    end in their language (``body.de``). ``None`` stands for "not there"."""

    path: str
    old: Any
    new: Any


@dataclass(frozen=True)
class MediaChange:
    kind: Literal["added", "removed"]
    sha256: str
    type: str
    file: str


@dataclass(frozen=True)
class StepChange:
    step_id: str
    kinds: tuple[ChangeKind, ...]
    old_index: int | None
    new_index: int | None
    title: dict[str, Any]
    fields: tuple[FieldChange, ...] = ()
    media: tuple[MediaChange, ...] = ()


@dataclass(frozen=True)
class ComponentChange:
    part: str
    kind: Literal["added", "removed", "changed"]
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class RevisionDiff:
    old_revision: int | None
    new_revision: int | None
    document: tuple[FieldChange, ...] = ()
    components: tuple[ComponentChange, ...] = ()
    steps: tuple[StepChange, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not (self.document or self.components or self.steps)

    def counts(self) -> dict[str, int]:
        tally = {"added": 0, "removed": 0, "moved": 0, "changed": 0}
        for s in self.steps:
            for k in s.kinds:
                tally[k] += 1
        return tally


def flatten(value: Any, path: str = "") -> dict[str, Any]:
    """Leaf values by path. Lists of objects with an ``id`` are keyed by it (``items[id=a]``),
    so reordering checklist items reads as what it is, not as every item changed."""
    out: dict[str, Any] = {}
    if isinstance(value, Mapping):
        if not value and path:
            out[path] = {}
        for key, inner in value.items():
            sub = f"{path}.{key}" if path else str(key)
            if key in TEXT_KEYS and isinstance(inner, Mapping):
                for lang, text in inner.items():
                    out[f"{sub}.{lang}"] = text
            else:
                out.update(flatten(inner, sub))
    elif isinstance(value, list):
        keyed = all(isinstance(v, Mapping) and "id" in v for v in value) and value
        if not value and path:
            out[path] = []
        for i, inner in enumerate(value):
            sub = f"{path}[id={inner['id']}]" if keyed else f"{path}[{i}]"
            out.update(flatten(inner, sub))
    else:
        out[path] = value
    return out


def _field_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[FieldChange, ...]:
    a, b = flatten(old), flatten(new)
    keys = list(a) + [k for k in b if k not in a]
    return tuple(FieldChange(k, a.get(k), b.get(k)) for k in keys if a.get(k) != b.get(k))


def _kept_order(old_ids: list[str], new_ids: list[str]) -> set[str]:
    """Ids on the longest common subsequence of two id orders (both hold the same ids)."""
    n, m = len(old_ids), len(new_ids)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = (
                table[i + 1][j + 1] + 1
                if old_ids[i] == new_ids[j]
                else max(table[i + 1][j], table[i][j + 1])
            )
    kept: set[str] = set()
    i = j = 0
    while i < n and j < m:
        if old_ids[i] == new_ids[j]:
            kept.add(old_ids[i])
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return kept


def _media(step: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {str(m.get("sha256")): m for m in step.get("media", ()) if isinstance(m, Mapping)}


def diff_documents(old: Mapping[str, Any], new: Mapping[str, Any]) -> RevisionDiff:
    """Everything that differs between two documents (``old`` → ``new``)."""
    skip = {"steps", "components"}
    doc_changes = _field_changes(
        {k: v for k, v in old.items() if k not in skip},
        {k: v for k, v in new.items() if k not in skip},
    )
    old_parts = {str(c.get("part")): c for c in old.get("components", ())}
    new_parts = {str(c.get("part")): c for c in new.get("components", ())}
    components: list[ComponentChange] = []
    for part, comp in old_parts.items():
        if part not in new_parts:
            components.append(ComponentChange(part, "removed", _field_changes(comp, {})))
        elif fields := _field_changes(comp, new_parts[part]):
            components.append(ComponentChange(part, "changed", fields))
    components += [
        ComponentChange(part, "added", _field_changes({}, comp))
        for part, comp in new_parts.items()
        if part not in old_parts
    ]

    old_steps = [dict(s) for s in old.get("steps", ())]
    new_steps = [dict(s) for s in new.get("steps", ())]
    old_at = {str(s.get("id")): i for i, s in enumerate(old_steps)}
    new_at = {str(s.get("id")): i for i, s in enumerate(new_steps)}
    common_old = [sid for sid in old_at if sid in new_at]
    common_new = [sid for sid in new_at if sid in old_at]
    kept = _kept_order(common_old, common_new)
    steps: list[StepChange] = []
    for sid, j in new_at.items():
        step = new_steps[j]
        if sid not in old_at:
            steps.append(
                StepChange(
                    sid,
                    ("added",),
                    None,
                    j,
                    dict(step.get("title", {})),
                    _field_changes({}, _without_media(step)),
                    tuple(_media_entry("added", m) for m in _media(step).values()),
                )
            )
            continue
        i = old_at[sid]
        before = old_steps[i]
        kinds: list[ChangeKind] = []
        if sid not in kept:
            kinds.append("moved")
        fields = _field_changes(_without_media(before), _without_media(step))
        was, now = _media(before), _media(step)
        media = tuple(_media_entry("removed", m) for s, m in was.items() if s not in now) + tuple(
            _media_entry("added", m) for s, m in now.items() if s not in was
        )
        captions = tuple(
            FieldChange(f"media[{s}].{c.path}", c.old, c.new)
            for s, m in now.items()
            if s in was
            for c in _field_changes(was[s], m)
        )
        if fields or media or captions:
            kinds.append("changed")
        if kinds:
            steps.append(
                StepChange(
                    sid, tuple(kinds), i, j, dict(step.get("title", {})), fields + captions, media
                )
            )
    for sid, i in old_at.items():
        if sid not in new_at:
            step = old_steps[i]
            steps.append(
                StepChange(
                    sid,
                    ("removed",),
                    i,
                    None,
                    dict(step.get("title", {})),
                    _field_changes(_without_media(step), {}),
                    tuple(_media_entry("removed", m) for m in _media(step).values()),
                )
            )
    steps.sort(key=lambda s: s.new_index if s.new_index is not None else s.old_index or 0)
    return RevisionDiff(
        _int(old.get("revision")),
        _int(new.get("revision")),
        doc_changes,
        tuple(components),
        tuple(steps),
    )


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) else None


def _without_media(step: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in step.items() if k != "media"}


def _media_entry(kind: Literal["added", "removed"], m: Mapping[str, Any]) -> MediaChange:
    return MediaChange(kind, str(m.get("sha256")), str(m.get("type")), str(m.get("file")))


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return repr(value) if len(value) <= 80 else repr(value[:77] + "…")
    return str(value)


def render_text(diff: RevisionDiff, language: str = "en") -> str:
    """The diff as plain text (``kiosk diff``), one line per change."""
    lines = [f"Revision {diff.old_revision} → {diff.new_revision}"]
    if diff.empty:
        lines.append("No differences.")
        return "\n".join(lines)
    c = diff.counts()
    lines.append(
        f"Steps: {c['added']} added, {c['removed']} removed, {c['moved']} moved, "
        f"{c['changed']} changed"
    )
    for f in diff.document:
        lines.append(f"  document {f.path}: {_show(f.old)} → {_show(f.new)}")
    for comp in diff.components:
        lines.append(f"  component {comp.part}: {comp.kind}")
        if comp.kind == "changed":
            lines += [f"      {f.path}: {_show(f.old)} → {_show(f.new)}" for f in comp.fields]
    for s in diff.steps:
        title = s.title.get(language) or next(iter(s.title.values()), "")
        where = (
            f"{s.old_index + 1} → {s.new_index + 1}"
            if s.old_index is not None and s.new_index is not None
            else str((s.new_index if s.new_index is not None else s.old_index or 0) + 1)
        )
        lines.append(f"  step {s.step_id} ({title}) [{where}]: {', '.join(s.kinds)}")
        if "changed" in s.kinds:
            lines += [f"      {f.path}: {_show(f.old)} → {_show(f.new)}" for f in s.fields]
        lines += [f"      media {m.kind}: {m.type} {m.sha256[:12]}…" for m in s.media]
    return "\n".join(lines)
