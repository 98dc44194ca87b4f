"""The diff between two revisions, laid out for the quality engineer who signs the new one:
a summary line, then one card per changed thing: field, old value, new value; media as
thumbnails, old on the left, new on the right."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kiosk.revision_diff import FieldChange, MediaChange, RevisionDiff
from ui.editor import i18n as editor_i18n
from ui.editor.forms import LABELS, enum_label, label_for
from ui.qt import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPixmap,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)

_COLORS = {"added": "#2e7d32", "removed": "#c62828", "moved": "#1565c0", "changed": "#ef6c00"}
_WORDS = {"added": "added", "removed": "removed", "moved": "moved", "changed": "changed"}


def tr(text: str) -> str:
    return editor_i18n.translate("Editor", text)


def trn(text: str, n: int) -> str:
    """``text`` with ``%n`` in the plural form for ``n`` (Qt's numerus forms)."""
    return editor_i18n.translate("Editor", text, n)


def _value(v: Any, key: str = "") -> str:
    if v is None:
        return "—"
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        text = ", ".join(enum_label(key, x) for x in v)
    elif isinstance(v, str):
        text = enum_label(key, v)
    else:
        text = str(v)
    return text if len(text) <= 160 else text[:157] + "…"


_SEGMENT = re.compile(r"([a-z_]+)(?:\[([^\]]+)\])?")


def field_words(path: str) -> tuple[str, str]:
    """A changed field's path in the editor's words (``spec.lower`` → "Parameters ›
    Lower limit", ``title.de`` → "Title › DE"), and the schema key its value belongs to."""
    words, key = [], ""
    for segment in path.split("."):
        m = _SEGMENT.fullmatch(segment)
        if m is None:
            words.append(segment)
            continue
        name, index = m.group(1), m.group(2)
        if name == "spec":
            word = tr("Parameters")
        elif name in LABELS:
            word, key = label_for(name), name
        elif len(name) <= 3 and index is None:  # a language of a text
            word = name.upper()
        else:
            word = label_for(name)
        if index is not None:
            word += f" {int(index) + 1}" if index.isdigit() else f" {index[:8]}…"
        words.append(word)
    return " › ".join(words), key


class DiffView(QScrollArea):
    def __init__(self, diff: RevisionDiff, old_media: Path, new_media: Path, language: str) -> None:
        super().__init__()
        self.diff = diff
        self.setObjectName("diff")
        self.setWindowTitle(
            tr("Revision {a} → {b}").format(a=diff.old_revision, b=diff.new_revision)
        )
        self.resize(1100, 800)
        self.setWidgetResizable(True)
        body = QWidget()
        col = QVBoxLayout(body)
        counts = diff.counts()
        steps = ", ".join(
            (
                trn("%n steps added", counts["added"]),
                trn("%n removed", counts["removed"]),
                trn("%n moved", counts["moved"]),
                trn("%n changed", counts["changed"]),
            )
        )
        summary = QLabel(
            tr("Revision {a} → {b}: {steps}; {components}.").format(
                a=diff.old_revision,
                b=diff.new_revision,
                steps=steps,
                components=trn("%n component changes", len(diff.components)),
            )
            if not diff.empty
            else tr("The two revisions are the same.")
        )
        summary.setObjectName("diff-summary")
        summary.setStyleSheet("font-size: 16px; font-weight: bold;")
        summary.setWordWrap(True)
        col.addWidget(summary)
        if diff.document:
            col.addWidget(
                self._card(tr("Document"), ("changed",), diff.document, (), old_media, new_media)
            )
        for comp in diff.components:
            col.addWidget(
                self._card(
                    tr("Component {part}").format(part=comp.part),
                    (comp.kind,),
                    comp.fields,
                    (),
                    old_media,
                    new_media,
                )
            )
        for step in diff.steps:
            title = step.title.get(language) or next(iter(step.title.values()), step.step_id)
            where = (
                f"{step.old_index + 1} → {step.new_index + 1}"
                if step.old_index is not None and step.new_index is not None
                else str(
                    (step.new_index if step.new_index is not None else step.old_index or 0) + 1
                )
            )
            col.addWidget(
                self._card(
                    tr("Step {where} · {title} ({id})").format(
                        where=where, title=title, id=step.step_id
                    ),
                    step.kinds,
                    step.fields if "changed" in step.kinds else (),
                    step.media,
                    old_media,
                    new_media,
                )
            )
        col.addStretch(1)
        self.setWidget(body)

    def _card(  # noqa: PLR0917
        self,
        title: str,
        kinds: tuple[str, ...],
        fields: tuple[FieldChange, ...],
        media: tuple[MediaChange, ...],
        old_media: Path,
        new_media: Path,
    ) -> QWidget:
        card = QFrame()
        card.setObjectName("diff-card")
        color = _COLORS.get(kinds[0], "#455a64")
        card.setStyleSheet(f"#diff-card {{ border-left: 6px solid {color}; background: #fafafa; }}")
        col = QVBoxLayout(card)
        head = QLabel(f"{title} — " + ", ".join(tr(_WORDS.get(k, k)) for k in kinds))
        head.setStyleSheet(f"font-weight: bold; color: {color};")
        head.setWordWrap(True)
        col.addWidget(head)
        if fields:
            grid = QGridLayout()
            for c, text in enumerate((tr("Field"), tr("Before"), tr("After"))):
                h = QLabel(text)
                h.setStyleSheet("color: #607d8b;")
                grid.addWidget(h, 0, c)
            for r, f in enumerate(fields, start=1):
                words, key = field_words(f.path)
                name = QLabel(words)
                name.setToolTip(f"package.json: {f.path}")
                name.setWordWrap(True)
                grid.addWidget(name, r, 0)
                old = QLabel(_value(f.old, key))
                old.setWordWrap(True)
                old.setStyleSheet("background: #ffebee;" if f.old is not None else "")
                new = QLabel(_value(f.new, key))
                new.setWordWrap(True)
                new.setStyleSheet("background: #e8f5e9;" if f.new is not None else "")
                grid.addWidget(old, r, 1)
                grid.addWidget(new, r, 2)
            grid.setColumnStretch(1, 1)
            grid.setColumnStretch(2, 1)
            col.addLayout(grid)
        if media:
            row = QHBoxLayout()
            for side, wanted, folder in (
                (tr("Before"), "removed", old_media),
                (tr("After"), "added", new_media),
            ):
                box = QVBoxLayout()
                box.addWidget(QLabel(side))
                for m in media:
                    if m.kind != wanted:
                        continue
                    box.addWidget(_thumb(folder / Path(m.file).name, m))
                box.addStretch(1)
                row.addLayout(box, 1)
            col.addLayout(row)
        return card


def _thumb(path: Path, m: MediaChange) -> QLabel:
    label = QLabel()
    label.setFixedSize(240, 135)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("background: #eceff1;")
    pix = QPixmap(str(path)) if m.type == "image" and path.exists() else QPixmap()
    if pix.isNull():
        label.setText(f"{m.type.upper()}\n{m.sha256[:12]}…")
    else:
        label.setPixmap(
            pix.scaled(
                240,
                135,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
    label.setToolTip(m.file)
    return label


def _index(new: int | None, old: int | None) -> int:
    return new if new is not None else (old or 0)
