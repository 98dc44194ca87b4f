"""Authoring rules for instruction documents: new documents and steps, drafts made from
approved revisions, translations still missing. Pure functions over the package's JSON
document (the format in docs/instruction-package.md); the editor window is only a face on
them, and :func:`kiosk.package.validate_package` stays the one judge of a document.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from kiosk.domain import StepKind
from kiosk.errors import PackageError, PackageProblem
from kiosk.package import (
    PACKAGE_JSON,
    dump_package_json,
    load_package,
    media_entry,
    validate_package,
    write_package,
    zip_package,
)

#: Keys of a document or step whose value is a multilingual text ({language: text}).
TEXT_KEYS = frozenset({"title", "body", "text", "name", "caption", "question", "meaning", "label"})

_ID_TAIL = re.compile(r"^(.*?)-(\d+)$")


def new_document(
    doc_id: str, product: str, operation: str, languages: tuple[str, ...] = ("en",)
) -> dict[str, Any]:
    """A first draft: revision 1 with one instruction step, ready to be filled in."""
    lang = languages[0]
    doc: dict[str, Any] = {
        "id": doc_id,
        "revision": 1,
        "status": "draft",
        "title": {lang: f"{product} {operation}"},
        "product": product,
        "operation": operation,
        "default_language": lang,
        "languages": list(languages),
        "components": [],
        "steps": [],
    }
    doc["steps"].append(new_step(StepKind.INSTRUCTION, doc))
    return doc


def unique_step_id(doc: Mapping[str, Any], base: str) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever no step of ``doc`` has yet."""
    taken = {str(s.get("id")) for s in doc.get("steps", ())}
    if base not in taken:
        return base
    match = _ID_TAIL.match(base)
    stem = match.group(1) if match else base
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


def new_step(kind: StepKind, doc: Mapping[str, Any]) -> dict[str, Any]:
    """A step of ``kind`` whose parameters pass validation, for the author to change.

    A scan step asks for the document's first component (or any code when there is none)."""
    lang = str(doc.get("default_language", "en"))
    components = list(doc.get("components", ()))
    spec: dict[str, Any] | None
    if kind == StepKind.CHECKLIST:
        spec = {"items": [{"id": "item-1", "text": {lang: "First check"}}]}
    elif kind == StepKind.SCAN:
        spec = {"part": components[0]["part"]} if components else {"pattern": ".+"}
    elif kind == StepKind.MEASURE:
        spec = {"name": "value", "unit": "mm", "decimals": 2, "lower": 0, "upper": 1}
    elif kind == StepKind.PASS_FAIL:
        spec = {"question": {lang: "Is it right?"}, "on_nok": ["retry", "scrap"]}
    elif kind == StepKind.TORQUE:
        spec = {"pset": 1, "count": 1, "torque_min": 10, "torque_max": 12}
    elif kind == StepKind.SIGNOFF:
        spec = {"role": "quality", "meaning": {lang: "Checked and released"}}
    else:
        spec = None
    step: dict[str, Any] = {
        "id": unique_step_id(doc, kind.value.replace("_", "-")),
        "kind": kind.value,
        "title": {lang: _DEFAULT_TITLES[kind]},
        "required": True,
    }
    if spec is not None:
        step["spec"] = spec
    return step


_DEFAULT_TITLES = {
    StepKind.INSTRUCTION: "New instruction",
    StepKind.CHECKLIST: "New checklist",
    StepKind.SCAN: "Scan the part",
    StepKind.MEASURE: "Measure",
    StepKind.PASS_FAIL: "Check",
    StepKind.TORQUE: "Tighten",
    StepKind.SIGNOFF: "Sign off",
}


def duplicate_step(doc: Mapping[str, Any], index: int) -> dict[str, Any]:
    """A copy of step ``index`` under an id no other step has."""
    step = copy.deepcopy(dict(doc["steps"][index]))
    step["id"] = unique_step_id(doc, f"{step['id']}-copy")
    return step


def next_draft(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A new draft made from a revision: the next revision number, status draft, no
    approval. An approved revision is never edited in place: this is how it changes."""
    draft = copy.deepcopy(dict(doc))
    draft["revision"] = int(draft.get("revision", 0)) + 1
    draft["status"] = "draft"
    for key in ("approved_by", "approved_at"):
        draft.pop(key, None)
    draft.pop("change_note", None)
    return draft


def texts(value: Any, path: str = "document") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every multilingual text in ``value`` as (JSON path, {language: text})."""
    if isinstance(value, Mapping):
        for key, inner in value.items():
            sub = f"{path}.{key}"
            if key in TEXT_KEYS and isinstance(inner, Mapping):
                yield sub, dict(inner)
            else:
                yield from texts(inner, sub)
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from texts(inner, f"{path}[{i}]")


def missing_translations(doc: Mapping[str, Any]) -> dict[str, list[str]]:
    """JSON path of each text → the document's languages it lacks (blank counts as missing)."""
    languages = [str(lang) for lang in doc.get("languages", ())]
    out: dict[str, list[str]] = {}
    for path, text in texts(doc):
        lacking = [lang for lang in languages if not str(text.get(lang, "")).strip()]
        if lacking:
            out[path] = lacking
    return out


def set_text(text: Mapping[str, Any] | None, language: str, value: str) -> dict[str, Any]:
    """``text`` with ``language`` set to ``value``; a blank value removes the language, so a
    translation never becomes an empty string on screen."""
    out = dict(text or {})
    if value.strip():
        out[language] = value
    else:
        out.pop(language, None)
    return out


# --- a draft on disk ----------------------------------------------------------------------

MEDIA_TYPES = {
    "jpg": "image",
    "jpeg": "image",
    "png": "image",
    "webp": "image",
    "mp4": "video",
    "webm": "video",
    "pdf": "pdf",
}


class Draft:
    """A document being edited and its media, kept in a working folder of its own so that
    validation sees exactly what Save would write, and the original stays untouched until
    Save succeeds.

    ``source`` is where it came from (a package folder or zip), or ``None`` for a new one.
    """

    def __init__(self, document: dict[str, Any], workdir: Path, source: Path | None) -> None:
        self.document = document
        self.workdir = workdir
        self.source = source
        (workdir / "media").mkdir(parents=True, exist_ok=True)

    @classmethod
    def new(cls, workdir: Path, doc_id: str, product: str, operation: str) -> Draft:
        return cls(new_document(doc_id, product, operation), workdir, None)

    @classmethod
    def open(cls, path: Path, workdir: Path) -> Draft:
        """Open a package folder or zip. A folder opens even when it does not validate (so it
        can be mended here); a zip must validate, since its parts are only read through the
        validator's safe unpacking. Raises ``PackageError`` when nothing can be opened."""
        path = Path(path)
        folder = path.parent if path.name == PACKAGE_JSON else path
        if folder.is_dir():
            try:
                raw = json.loads((folder / PACKAGE_JSON).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
                raise PackageError(
                    [
                        PackageProblem(
                            PACKAGE_JSON,
                            "",
                            f"Cannot read {folder / PACKAGE_JSON}: {err}. Open a package "
                            "folder holding a package.json.",
                        )
                    ]
                ) from err
            document = raw.get("document") if isinstance(raw, dict) else None
            if not isinstance(document, dict):
                raise PackageError(
                    [
                        PackageProblem(
                            PACKAGE_JSON,
                            "document",
                            "This package.json holds no document object; it is not an "
                            "instruction package.",
                        )
                    ]
                )
            media_dir = workdir / "media"
            media_dir.mkdir(parents=True, exist_ok=True)
            for file in sorted((folder / "media").glob("*")) if (folder / "media").is_dir() else []:
                if file.is_file() and not file.name.startswith("."):
                    shutil.copy2(file, media_dir / file.name)
            return cls(document, workdir, path)
        loaded = load_package(path)
        media_dir = workdir / "media"
        media_dir.mkdir(parents=True, exist_ok=True)
        loaded.copy_media_to(media_dir)
        return cls(copy.deepcopy(loaded.document), workdir, path)

    # --- media --------------------------------------------------------------------------

    def add_media(self, file: Path, caption: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Copy ``file`` into the draft by content and return its media entry. Raises
        ``ValueError`` for a file type a station cannot show."""
        suffix = file.suffix.lower().lstrip(".")
        kind = MEDIA_TYPES.get(suffix)
        if kind is None:
            raise ValueError(
                f"{file.name}: a station shows pictures (.jpg, .png, .webp), videos "
                "(.mp4, .webm) and drawings (.pdf), not .{suffix or '(no extension)'} files."
            )
        data = file.read_bytes()
        entry = media_entry(
            data, kind, "jpg" if suffix == "jpeg" else suffix, dict(caption) if caption else None
        )
        target = self.workdir / entry["file"]
        if not target.exists():
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, target)
        return entry

    def media_file(self, entry: Mapping[str, Any]) -> Path:
        return self.workdir / str(entry.get("file", ""))

    # --- checking and saving ------------------------------------------------------------

    def check(self) -> tuple[list[PackageProblem], list[PackageProblem]]:
        """(errors, warnings) from the one package validator, on exactly what Save writes."""
        _write_json(self.workdir / PACKAGE_JSON, dump_package_json(self.document))
        try:
            return [], validate_package(self.workdir)
        except PackageError as err:
            return list(err.problems), []

    def save(self, target: Path) -> list[PackageProblem]:
        """Write the draft to ``target`` (a folder, or a path ending in .zip) if it is valid;
        return the errors otherwise. A valid package or nothing: the old package at
        ``target`` is replaced only once the new one is complete on disk."""
        errors, _ = self.check()
        if errors:
            return errors
        target = Path(target)
        if target.suffix.lower() == ".zip":
            zip_package(self.workdir, target)
        else:
            _replace_folder(self.workdir, target, self.document)
        self.source = target
        return []


def _write_json(target: Path, data: bytes) -> None:
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def _replace_folder(workdir: Path, target: Path, document: Mapping[str, Any]) -> None:
    media = {p.name.split(".", 1)[0]: p for p in (workdir / "media").glob("*") if p.is_file()}
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        write_package(staging, document, media)
        if target.exists():
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            os.replace(target, old)
            os.replace(staging, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


# --- the bridge, as the editor sees it ----------------------------------------------------
# The editor keeps revisions on the bridge through this narrow port; the composition root
# (kiosk.cli.editor) passes an HTTP implementation from ``sync`` (sync.authoring_client).


@dataclass(frozen=True)
class Approval:
    """An approval as the bridge recorded it: who, what it means, when, and the content
    hash signed. ``kind`` is ``bridge`` (signed there with a PIN) or ``package``."""

    by: str
    by_name: str
    meaning: str
    at: str
    content_sha256: str
    kind: str = "bridge"


@dataclass(frozen=True)
class RevisionInfo:
    key: str
    document_id: str
    revision: int
    product: str
    operation: str
    status: str  # draft | approved | obsolete
    content_sha256: str
    author: str = ""
    author_name: str = ""
    updated_at: str = ""
    approval: Approval | None = None
    published_at: str | None = None
    obsoleted_by: str | None = None
    open_feedback: int = 0


@dataclass(frozen=True)
class OperatorFeedback:
    """An operator's "problem with this step", with who raised it, when, on which unit."""

    id: int
    station: str
    occurred_at: str
    operator: str
    unit: str
    revision: str
    step_id: str
    category: str
    text: str
    answered_in: str | None = None
    answered_by: str | None = None
    answered_at: str | None = None


class BridgeRefused(Exception):
    """The bridge refused (``code`` from its answer), cannot be reached (``code ==
    "bridge_down"``) or answered with an error. ``reason`` is the bridge's sentence."""

    def __init__(self, code: str, reason: str, status: int = 0, detail: Any = None) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.status = status
        self.detail = detail


class RevisionBridge(Protocol):
    """What the editor needs from the bridge; every method raises :class:`BridgeRefused`."""

    url: str

    def content_hash(self, document: Mapping[str, Any]) -> str: ...

    def revisions(
        self, product: str | None = None, operation: str | None = None
    ) -> list[RevisionInfo]: ...

    def open_revision(self, key: str, media_dir: Path) -> tuple[dict[str, Any], RevisionInfo]: ...

    def save_draft(
        self, document: Mapping[str, Any], media_dir: Path, user: str, pin: str
    ) -> RevisionInfo: ...

    def approve(self, key: str, content_sha256: str, user: str, pin: str) -> RevisionInfo: ...

    def publish(self, key: str, user: str, pin: str) -> RevisionInfo: ...

    def feedback(self, document_id: str) -> list[OperatorFeedback]: ...

    def answer(
        self, feedback_id: int, answered_in: str, user: str, pin: str, note: str = ""
    ) -> OperatorFeedback: ...


def previous_approved(
    revisions: list[RevisionInfo], current: RevisionInfo | Mapping[str, Any]
) -> RevisionInfo | None:
    """The newest approved (or, failing that, obsolete-after-approval) revision of the same
    product and operation older than ``current``: what a signer compares against."""
    if isinstance(current, RevisionInfo):
        product, operation, number = current.product, current.operation, current.revision
        key = current.key
    else:
        product, operation = str(current.get("product")), str(current.get("operation"))
        number, key = (
            int(current.get("revision", 0)),
            f"{current.get('id')}@{current.get('revision')}",
        )
    older = [
        r
        for r in revisions
        if r.product == product
        and r.operation == operation
        and r.key != key
        and r.approval is not None
        and (r.revision < number or r.document_id != key.rpartition("@")[0])
    ]
    live = [r for r in older if r.status == "approved"] or older
    return max(
        live, key=lambda r: (r.status == "approved", r.published_at or "", r.revision), default=None
    )


def feedback_by_step(
    items: list[OperatorFeedback], revision_key: str
) -> dict[str, list[OperatorFeedback]]:
    """Feedback raised on ``revision_key``, per step id (``""``: not on a step)."""
    out: dict[str, list[OperatorFeedback]] = {}
    for item in items:
        if item.revision == revision_key:
            out.setdefault(item.step_id, []).append(item)
    return out
