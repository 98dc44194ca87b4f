"""Instruction packages on the station: load them into domain objects, and write them.

Every check lives in the one validator shared with the bridge,
:mod:`sync.protocol.package` (``kiosk validate``, ``kiosk import``,
``kiosk-bridge instructions publish`` and the station's pull all call it, so the same
package gets the same messages everywhere). This module turns its problems into a
``PackageError`` and a validated document into an ``InstructionRevision``;
``revision_from_document`` rebuilds the domain object from an already validated document
quickly (the store keeps the raw document).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.domain import (
    BomItem,
    InstructionRevision,
    Media,
    RevisionStatus,
    Step,
    StepKind,
    Text,
    Tracking,
    Warning_,
)
from kiosk.errors import PackageError, PackageProblem
from sync.protocol import package as _checks
from sync.protocol.package import (
    FORMAT,
    MAX_DOCUMENT_BYTES,
    MAX_ENTRIES,
    MAX_MEDIA_BYTES,
    MAX_PACKAGE_BYTES,
    MEDIA_SUFFIXES,
    PACKAGE_JSON,
    SUPPORTED_FORMAT_VERSIONS,
    MediaFile,
    PackageInvalid,
    gtin_check_digit_ok,
    json_path,
    schema,
    sha256_file,
)

__all__ = [
    "FORMAT",
    "MAX_DOCUMENT_BYTES",
    "MAX_ENTRIES",
    "MAX_MEDIA_BYTES",
    "MAX_PACKAGE_BYTES",
    "MEDIA_SUFFIXES",
    "PACKAGE_JSON",
    "SUPPORTED_FORMAT_VERSIONS",
    "LoadedPackage",
    "MediaFile",
    "document_problems",
    "dump_package_json",
    "gtin_check_digit_ok",
    "json_path",
    "load_package",
    "media_entry",
    "revision_from_document",
    "schema",
    "validate_package",
    "write_package",
    "zip_package",
]


def _problems(err: PackageInvalid) -> list[PackageProblem]:
    return [PackageProblem(p.file, p.path, p.reason) for p in err.problems]


@dataclass
class LoadedPackage:
    """A validated package: the domain revision, the raw document and its media."""

    source: Path
    revision: InstructionRevision
    document: dict[str, Any]
    media: dict[str, MediaFile]  # sha256 -> file
    warnings: list[PackageProblem] = field(default_factory=list)

    def iter_media(self) -> Iterator[tuple[str, bytes]]:
        """(sha256, bytes) for every media file the document references."""
        for sha, media in sorted(self.media.items()):
            yield sha, media.read_bytes()

    def copy_media_to(self, directory: Path) -> list[Path]:
        """Copy every media file to ``directory/<sha256>.<ext>``, atomically and verified.

        Files already present with the right content are kept (imports are repeatable).
        Raises ``PackageError`` if a file's content no longer matches its hash (the source
        changed after validation); files written before that stay valid by construction.
        """
        try:
            return _checks.copy_media(self.media, directory)
        except PackageInvalid as err:
            raise PackageError(_problems(err)) from err


def load_package(path: Path) -> LoadedPackage:
    """Read and fully validate the package at ``path`` (a folder, a ``.zip`` or a
    ``package.json``). Raises ``PackageError`` listing every problem found."""
    try:
        checked = _checks.check_package(Path(path))
    except PackageInvalid as err:
        raise PackageError(_problems(err)) from err
    document = checked.document
    try:
        revision = revision_from_document(document)
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        # The checks should make this unreachable; report it rather than crash.
        raise PackageError(
            [
                PackageProblem(
                    PACKAGE_JSON,
                    "document",
                    f"The document passed validation but could not be read ({err!r}). "
                    "Report this package to the kiosk maintainers.",
                )
            ]
        ) from err
    warnings = [PackageProblem(p.file, p.path, p.reason) for p in checked.warnings]
    return LoadedPackage(checked.source, revision, document, checked.media, warnings)


def validate_package(path: Path) -> list[PackageProblem]:
    """Warnings of a valid package; raises ``PackageError`` for an invalid one."""
    return load_package(path).warnings


def document_problems(document: object) -> list[PackageProblem]:
    """The validator's problems with a revision's document alone (a pulled revision)."""
    return [
        PackageProblem(p.file, p.path, p.reason) for p in _checks.check_revision_document(document)
    ]


# --------------------------------------------------------------------------------------------
# Document → domain


def _text(value: object) -> Text:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def revision_from_document(document: Mapping[str, Any]) -> InstructionRevision:
    """Build the domain revision from a validated document (no checks, no media access)."""
    components = tuple(
        BomItem(
            part=c["part"],
            name=_text(c["name"]),
            quantity=c.get("quantity", 1),
            tracking=Tracking(c.get("tracking", "none")),
            scan_pattern=c.get("scan_pattern"),
            gtin=c.get("gtin"),
            bin=c.get("bin"),
        )
        for c in document.get("components", ())
    )
    steps = tuple(
        Step(
            id=s["id"],
            kind=StepKind(s["kind"]),
            title=_text(s["title"]),
            body=_text(s.get("body")),
            warnings=tuple(
                Warning_(level=w["level"], icon=w["icon"], text=_text(w["text"]))
                for w in s.get("warnings", ())
            ),
            media=tuple(
                Media(
                    sha256=m["sha256"],
                    type=m["type"],
                    caption=_text(m.get("caption")),
                    file=m["file"],
                )
                for m in s.get("media", ())
            ),
            required=bool(s.get("required", True)),
            # A deep copy through JSON keeps the frozen step independent of the document.
            spec=json.loads(json.dumps(s.get("spec", {}))),
        )
        for s in document["steps"]
    )
    languages = tuple(document.get("languages", ()))
    default = document.get("default_language", "en")
    if default in languages:
        # The first language is the fallback the UI uses when a translation is missing.
        languages = (default, *(lang for lang in languages if lang != default))
    target = document.get("target_cycle_s")
    return InstructionRevision(
        document_id=document["id"],
        revision=int(document["revision"]),
        status=RevisionStatus(document["status"]),
        title=_text(document["title"]),
        product=document["product"],
        operation=document["operation"],
        steps=steps,
        components=components,
        languages=languages or (default,),
        target_cycle_s=float(target) if target is not None else None,
    )


# --------------------------------------------------------------------------------------------
# Writing


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def media_entry(
    data: bytes, type_: str, suffix: str, caption: Text | None = None
) -> dict[str, Any]:
    """The document's entry for a media file (``{sha256, type, file, caption}``)."""
    sha = sha256_bytes(data)
    entry: dict[str, Any] = {"sha256": sha, "type": type_, "file": f"media/{sha}.{suffix}"}
    if caption:
        entry["caption"] = dict(caption)
    return entry


def dump_package_json(document: Mapping[str, Any]) -> bytes:
    """package.json's bytes, stable for the same document (so rebuilds diff cleanly)."""
    wrapper = {"format": FORMAT, "format_version": 1, "document": document}
    return (json.dumps(wrapper, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_package(
    folder: Path, document: Mapping[str, Any], media: Mapping[str, bytes | Path]
) -> Path:
    """Write a package folder: ``package.json`` plus each referenced media file.

    ``media`` maps sha256 → the file's bytes or a path to it. Media files in ``folder/media``
    that the document no longer references are removed, so re-running a builder yields
    exactly the package it describes. Does not validate: call ``load_package`` for that.
    """
    media_dir = folder / "media"
    media_dir.mkdir(parents=True, exist_ok=True)
    wanted: set[str] = set()
    for step in document.get("steps", ()):
        for entry in step.get("media", ()):
            sha, name = entry["sha256"], entry["file"]
            wanted.add(name)
            content = media[sha]
            data = content.read_bytes() if isinstance(content, Path) else content
            if sha256_bytes(data) != sha:
                raise ValueError(f"media for {sha} does not hash to it")
            target = folder / name
            if not (target.exists() and sha256_file(target) == sha):
                _atomic_write(target, data)
    for existing in media_dir.iterdir():
        if f"media/{existing.name}" not in wanted and existing.is_file():
            existing.unlink()
    _atomic_write(folder / PACKAGE_JSON, dump_package_json(document))
    return folder


def zip_package(folder: Path, zip_path: Path) -> Path:
    """Zip a package folder reproducibly (sorted entries, fixed timestamps)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        for file in files:
            rel = file.relative_to(folder).as_posix()
            if rel.split("/")[-1].startswith("."):
                continue
            info = zipfile.ZipInfo(rel, date_time=(2024, 1, 1, 0, 0, 0))
            # Media are already compressed; deflating them again only costs time.
            info.compress_type = (
                zipfile.ZIP_STORED if rel.startswith("media/") else (zipfile.ZIP_DEFLATED)
            )
            info.external_attr = 0o644 << 16
            zf.writestr(info, file.read_bytes())
    _atomic_write(zip_path, buffer.getvalue())
    return zip_path


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp_name, target)
    finally:
        Path(tmp_name).unlink(missing_ok=True)
