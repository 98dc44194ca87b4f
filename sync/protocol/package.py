"""Instruction packages: the one validator, shared by the station and the bridge.

A package is a folder or a ``.zip`` with ``package.json`` at its root and media files stored
by content as ``media/<sha256>.<ext>``. ``package.json`` is described by the published JSON
Schema ``sync/protocol/schemas/instruction-package.v1.json`` (see
``docs/instruction-package.md``).

:func:`check_package` checks everything (schema, rules the schema cannot express, media
hashes, zip safety) and collects *all* problems before raising one :class:`PackageInvalid`;
it never lets a ``zipfile``/``json`` traceback escape. :func:`check_revision_document`
applies the same document checks to a revision's document alone (what a station pulls).
``kiosk validate``, ``kiosk import``, ``kiosk-bridge instructions publish`` and the station's
pull all call these, so they give the same messages for the same package.

Pure: no station or bridge state, no domain objects (``kiosk.package`` builds those).
This module is over 500 lines because it is one checker whose parts share the problem list
and the limits; split, every part would need them passed around.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import IO, Any

import jsonschema

FORMAT = "kiosk-instructions"
SUPPORTED_FORMAT_VERSIONS = (1,)
PACKAGE_JSON = "package.json"

# Limits keep a broken or hostile package from filling memory or the disk. package.json is
# read into memory, so it gets a tight bound; media are streamed but still bounded.
MAX_DOCUMENT_BYTES = 4 * 1024 * 1024
MAX_MEDIA_BYTES = 256 * 1024 * 1024
MAX_PACKAGE_BYTES = 1024 * 1024 * 1024
MAX_ENTRIES = 2000

MEDIA_SUFFIXES: dict[str, tuple[str, ...]] = {
    "image": ("jpg", "jpeg", "png", "webp"),
    "video": ("mp4", "webm"),
    "pdf": ("pdf",),
}
_MEDIA_NAME = re.compile(r"^media/([0-9a-f]{64})\.([a-z0-9]+)$")
_TEXT_KEYS = frozenset({"title", "body", "text", "name", "caption", "question", "meaning", "label"})
_ALLOWED_GROUPS = frozenset({"serial", "lot"})
_CHUNK = 1024 * 1024

# Everything zipfile (and the zlib/struct code under it) raises on a damaged archive.
_ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    zlib.error,
    struct.error,
    OverflowError,
    KeyError,
    UnicodeDecodeError,
)


class PackageProblem:
    """One problem in a package: which file, which field (JSON path) and why."""

    __slots__ = ("file", "path", "reason")

    def __init__(self, file: str, path: str, reason: str) -> None:
        self.file = file
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.reason}"

    def __repr__(self) -> str:
        return f"PackageProblem({self.file!r}, {self.path!r}, {self.reason!r})"

    def as_dict(self) -> dict[str, str]:
        return {"file": self.file, "path": self.path, "reason": self.reason}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PackageProblem) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


class PackageInvalid(Exception):
    """A package (or a revision's document) failed validation: every problem found."""

    def __init__(self, problems: list[PackageProblem]) -> None:
        self.problems = problems
        super().__init__(
            f"The instruction package is invalid ({len(problems)} problem"
            f"{'s' if len(problems) != 1 else ''}):\n  " + "\n  ".join(map(str, problems))
        )


class _Problems:
    """Collects problems and warnings while a package is checked."""

    def __init__(self) -> None:
        self.errors: list[PackageProblem] = []
        self.warnings: list[PackageProblem] = []

    def error(self, file: str, path: str, reason: str) -> None:
        self.errors.append(PackageProblem(file, path, reason))

    def warn(self, file: str, path: str, reason: str) -> None:
        self.warnings.append(PackageProblem(file, path, reason))


@dataclass(frozen=True)
class MediaFile:
    """One media file of a loaded package; knows how to read its bytes from the source."""

    sha256: str
    name: str  # path inside the package, e.g. "media/<sha256>.jpg"
    type: str  # image | video | pdf
    size: int
    source: Path  # the package folder or zip file
    in_zip: bool = False

    @property
    def suffix(self) -> str:
        """File extension without the dot (``jpg``, ``mp4``, ``pdf``)."""
        return self.name.rsplit(".", 1)[-1]

    @property
    def path(self) -> Path | None:
        """The file on disk for a folder package; ``None`` inside a zip."""
        return None if self.in_zip else self.source / self.name

    @contextlib.contextmanager
    def open(self) -> Iterator[IO[bytes]]:
        """A binary stream of the file's content."""
        if self.in_zip:
            with zipfile.ZipFile(self.source) as zf, zf.open(self.name) as stream:
                yield stream
        else:
            with (self.source / self.name).open("rb") as stream:
                yield stream

    def read_bytes(self) -> bytes:
        with self.open() as stream:
            return stream.read(MAX_MEDIA_BYTES + 1)


@dataclass
class CheckedPackage:
    """A package that passed every check: the raw document and its media."""

    source: Path
    document: dict[str, Any]
    media: dict[str, MediaFile]  # sha256 -> file
    warnings: list[PackageProblem] = field(default_factory=list)
    #: how problems name the package (its folder or zip file name)
    display: str = ""


def copy_media(media: dict[str, MediaFile], directory: Path) -> list[Path]:
    """Copy every media file to ``directory/<sha256>.<ext>``, atomically and verified.

    Files already present with the right content are kept (imports are repeatable).
    Raises :class:`PackageInvalid` if a file's content no longer matches its hash (the
    source changed after validation); files written before that stay valid by construction.
    """
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for sha, item in sorted(media.items()):
        target = directory / f"{sha}.{item.suffix}"
        if target.exists() and sha256_file(target) == sha:
            written.append(target)
            continue
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{sha[:12]}.", suffix=".tmp")
        tmp = Path(tmp_name)
        try:
            digest = hashlib.sha256()
            with os.fdopen(fd, "wb") as out, item.open() as src:
                while chunk := src.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != sha:
                raise PackageInvalid(
                    [
                        PackageProblem(
                            item.name,
                            "",
                            "The file changed after validation: its content no longer "
                            "matches its sha256. Validate and import the package again.",
                        )
                    ]
                )
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        written.append(target)
    _fsync_dir(directory)
    return written


def check_package(path: Path) -> CheckedPackage:
    """Read and fully validate the package at ``path`` (a folder, a ``.zip`` or a
    ``package.json``). Raises :class:`PackageInvalid` listing every problem found."""
    path = Path(path)
    problems = _Problems()
    source = _open_source(path, problems)
    if source is None:
        raise PackageInvalid(problems.errors)
    try:
        raw = source.read_document(problems)
        if raw is None:
            raise PackageInvalid(problems.errors)
        document = _check_document(raw, problems)
        media = _check_media(document, source, problems) if document is not None else {}
    finally:
        source.close()
    if problems.errors or document is None:
        raise PackageInvalid(problems.errors)
    return CheckedPackage(source.root, document, media, problems.warnings, source.display)


def check_revision_document(document: object) -> list[PackageProblem]:
    """The document checks of :func:`check_package` for a revision's ``document`` alone
    (media are fetched separately and checked by hash): the problems, empty when valid."""
    problems = _Problems()
    wrapper = {"format": FORMAT, "format_version": SUPPORTED_FORMAT_VERSIONS[-1]}
    _check_document(wrapper | {"document": document}, problems)
    return problems.errors


class _Source:
    """Where the package's files come from: a folder or a zip file."""

    def __init__(self, root: Path, display: str) -> None:
        self.root = root
        self.display = display  # how problems name the package itself

    def names(self) -> dict[str, int]:
        """Package-relative file names → size in bytes."""
        raise NotImplementedError

    def close(self) -> None:
        """Release what the source holds open (a zip's file handle)."""

    def read(self, name: str, limit: int) -> bytes:
        raise NotImplementedError

    def sha256(self, name: str) -> str:
        raise NotImplementedError

    def media_file(self, sha: str, name: str, type_: str, size: int) -> MediaFile:
        raise NotImplementedError

    def read_document(self, problems: _Problems) -> object | None:
        names = self.names()
        if PACKAGE_JSON not in names:
            problems.error(
                PACKAGE_JSON,
                "",
                f"{self.display} has no package.json at its root. Put package.json at the "
                "top level of the folder or zip.",
            )
            return None
        if names[PACKAGE_JSON] > MAX_DOCUMENT_BYTES:
            problems.error(
                PACKAGE_JSON,
                "",
                f"The file is {names[PACKAGE_JSON]:,} bytes; the limit is "
                f"{MAX_DOCUMENT_BYTES:,}. Move large content into media files.",
            )
            return None
        try:
            data = self.read(PACKAGE_JSON, MAX_DOCUMENT_BYTES)
        except _ZIP_ERRORS as err:
            problems.error(
                PACKAGE_JSON, "", f"The file cannot be read ({err}). Rebuild the package."
            )
            return None
        return _parse_json(data, problems)


class _FolderSource(_Source):
    def names(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for dirpath, dirnames, filenames in os.walk(self.root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in filenames:
                full = Path(dirpath) / name
                rel = full.relative_to(self.root).as_posix()
                try:
                    info = full.lstat()
                except OSError:
                    continue
                # A symlink could point anywhere on the machine: treat it as absent.
                if stat.S_ISREG(info.st_mode):
                    found[rel] = info.st_size
            if len(found) > MAX_ENTRIES:
                break
        return found

    def read(self, name: str, limit: int) -> bytes:
        with (self.root / name).open("rb") as f:
            return f.read(limit + 1)

    def sha256(self, name: str) -> str:
        return sha256_file(self.root / name)

    def media_file(self, sha: str, name: str, type_: str, size: int) -> MediaFile:
        return MediaFile(sha, name, type_, size, self.root, in_zip=False)


class _ZipSource(_Source):
    def __init__(self, root: Path, display: str, zf: zipfile.ZipFile, prefix: str) -> None:
        super().__init__(root, display)
        self._zip = zf
        self._prefix = prefix
        self._names = {
            info.filename[len(prefix) :]: info.file_size
            for info in zf.infolist()
            if not info.is_dir() and info.filename.startswith(prefix)
        }

    def names(self) -> dict[str, int]:
        return dict(self._names)

    def read(self, name: str, limit: int) -> bytes:
        with self._zip.open(self._prefix + name) as f:
            return f.read(limit + 1)

    def sha256(self, name: str) -> str:
        digest = hashlib.sha256()
        with self._zip.open(self._prefix + name) as f:
            while chunk := f.read(_CHUNK):
                digest.update(chunk)
        return digest.hexdigest()

    def media_file(self, sha: str, name: str, type_: str, size: int) -> MediaFile:
        return MediaFile(sha, self._prefix + name, type_, size, self.root, in_zip=True)

    def close(self) -> None:
        self._zip.close()


def _open_source(path: Path, problems: _Problems) -> _Source | None:
    display = path.name or str(path)
    if path.is_dir():
        return _FolderSource(path, display)
    if path.is_file() and path.name == PACKAGE_JSON:
        return _FolderSource(path.parent, path.parent.name)
    if not path.exists():
        problems.error(
            display, "", f"{path} does not exist. Check the path of the package folder or zip."
        )
        return None
    try:
        zf = zipfile.ZipFile(path)
        infos = zf.infolist()
    except _ZIP_ERRORS as err:
        problems.error(
            display,
            "",
            f"This is not a readable zip file ({err}); it may be truncated or corrupt. "
            "Copy the package again or export it anew.",
        )
        return None
    if not _check_zip_entries(display, infos, problems):
        zf.close()
        return None
    prefix = _zip_prefix(infos)
    return _ZipSource(path, display, zf, prefix)


def _check_zip_entries(display: str, infos: list[zipfile.ZipInfo], problems: _Problems) -> bool:
    """Refuse archives that could escape their folder or exhaust memory or disk."""
    ok = True
    if len(infos) > MAX_ENTRIES:
        problems.error(
            display,
            "",
            f"The zip holds {len(infos):,} entries; the limit is {MAX_ENTRIES:,}. "
            "Remove files that are not part of the package.",
        )
        return False
    total = 0
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        parts = PurePosixPath(name).parts
        if (
            name.startswith(("/", "\\"))
            or "\\" in name
            or ".." in parts
            or re.match(r"^[A-Za-z]:", name)
            or "\x00" in name
        ):
            problems.error(
                display,
                name,
                "The entry's path is absolute or leaves the package folder (zip-slip); "
                "the package was refused. Rebuild the zip from the package folder.",
            )
            ok = False
            continue
        if name in seen:
            problems.error(
                display, name, "The zip holds this entry twice. Rebuild the zip from the folder."
            )
            ok = False
        seen.add(name)
        if info.flag_bits & 0x1:
            problems.error(
                display, name, "The entry is encrypted. Export the package without a password."
            )
            ok = False
        limit = MAX_DOCUMENT_BYTES if name.endswith(PACKAGE_JSON) else MAX_MEDIA_BYTES
        if info.file_size > limit:
            problems.error(
                display,
                name,
                f"The entry unpacks to {info.file_size:,} bytes; the limit is {limit:,}. "
                "Shrink the file (lower resolution or bitrate).",
            )
            ok = False
        total += info.file_size
    if total > MAX_PACKAGE_BYTES:
        problems.error(
            display,
            "",
            f"The zip unpacks to {total:,} bytes; the limit is {MAX_PACKAGE_BYTES:,}. "
            "Shrink the media.",
        )
        ok = False
    return ok


def _zip_prefix(infos: list[zipfile.ZipInfo]) -> str:
    """Accept a zip made of the package *folder* (one top-level directory) as well."""
    names = [i.filename for i in infos if not i.is_dir()]
    if PACKAGE_JSON in names or not names:
        return ""
    tops = {n.split("/", 1)[0] for n in names}
    if len(tops) == 1 and all("/" in n for n in names):
        prefix = f"{next(iter(tops))}/"
        if prefix + PACKAGE_JSON in names:
            return prefix
    return ""


def _parse_json(data: bytes, problems: _Problems) -> object | None:
    if len(data) > MAX_DOCUMENT_BYTES:
        problems.error(
            PACKAGE_JSON, "", f"The file is larger than {MAX_DOCUMENT_BYTES:,} bytes; shrink it."
        )
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        problems.error(
            PACKAGE_JSON,
            "",
            f"The file is not UTF-8 text (byte {err.start}). Save it as UTF-8.",
        )
        return None

    def no_constants(name: str) -> object:
        raise ValueError(f"{name} is not a JSON number")

    try:
        parsed: object = json.loads(text, parse_constant=no_constants)
        return parsed
    except json.JSONDecodeError as err:
        problems.error(
            PACKAGE_JSON,
            "",
            f"The file is not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}. "
            "Fix the syntax (is the file truncated?).",
        )
    except (ValueError, RecursionError) as err:
        problems.error(PACKAGE_JSON, "", f"The file is not valid JSON: {err}. Fix it.")
    return None


# --------------------------------------------------------------------------------------------
# Checking the document


@cache
def schema() -> dict[str, Any]:
    """The published JSON Schema of ``package.json`` (format version 1)."""
    here = resources.files("sync.protocol")
    text = here.joinpath("schemas/instruction-package.v1.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema())
    validator: jsonschema.protocols.Validator = cls(schema(), format_checker=cls.FORMAT_CHECKER)
    return validator


def json_path(parts: Iterable[object]) -> str:
    """``("document", "steps", 4, "spec")`` → ``document.steps[4].spec``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _check_document(raw: object, problems: _Problems) -> dict[str, Any] | None:
    """Schema and semantic checks; returns the document (the value under "document")."""
    if not isinstance(raw, dict):
        problems.error(
            PACKAGE_JSON,
            "",
            f"The top level must be a JSON object, not {_json_type(raw)}. "
            'Start the file with {"format": "kiosk-instructions", ...}.',
        )
        return None
    if raw.get("format") != FORMAT:
        problems.error(
            PACKAGE_JSON,
            "format",
            f"This is not an instruction package (format is {raw.get('format')!r}, expected "
            f'"{FORMAT}"). Check that you picked the right file.',
        )
        return None
    version = raw.get("format_version")
    if version not in SUPPORTED_FORMAT_VERSIONS or isinstance(version, bool):
        readable = ", ".join(str(v) for v in SUPPORTED_FORMAT_VERSIONS)
        problems.error(
            PACKAGE_JSON,
            "format_version",
            f"This kiosk reads format_version {readable}; the package has {version!r}. "
            "Update the kiosk, or export the package for format version "
            f"{SUPPORTED_FORMAT_VERSIONS[-1]}.",
        )
        return None

    for error in sorted(_validator().iter_errors(raw), key=lambda e: list(map(str, e.path))):
        problems.error(PACKAGE_JSON, json_path(error.absolute_path), _schema_reason(error))

    document = raw.get("document")
    if not isinstance(document, dict):
        return None
    _check_semantics(document, problems)
    return document


def _schema_reason(error: jsonschema.ValidationError) -> str:
    """A jsonschema error as a sentence with a next action."""
    v = error.validator
    value = error.validator_value
    if v == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        name = missing[0] if missing else error.message
        return f"The field {name!r} is missing. Add it."
    if v == "additionalProperties":
        return f"{error.message}. Remove the field or check its spelling."
    if v in ("enum", "const"):
        allowed = value if v == "enum" else [value]
        options = ", ".join(json.dumps(a) for a in allowed)
        return f"{json.dumps(error.instance)[:80]} is not allowed. Use one of: {options}."
    if v == "type":
        return f"Expected {value}, found {_json_type(error.instance)}. Fix the value's type."
    if v == "pattern":
        return f"{json.dumps(error.instance)[:80]} does not match the pattern {value}. Fix it."
    if v in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        return f"{error.message}. Correct the number."
    if v in ("minItems", "minProperties", "minLength"):
        return f"The value is empty or too short ({error.message}). Fill it in."
    if v in ("maxItems", "maxLength", "maxProperties"):
        return f"The value is too long ({error.message}). Shorten it."
    if v == "uniqueItems":
        return "The list holds the same value twice. Remove the duplicate."
    if v == "propertyNames":
        return f"{error.message}. Use language codes such as en, de, es or pt-BR."
    return f"{error.message}. Fix the value."


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def gtin_check_digit_ok(gtin: str) -> bool:
    """True when the GS1 check digit of a GTIN-8/12/13/14 is right."""
    if not gtin.isdigit() or len(gtin) not in (8, 12, 13, 14):
        return False
    digits = [int(c) for c in gtin]
    body, check = digits[:-1], digits[-1]
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def _check_regex(pattern: object, path: str, problems: _Problems) -> None:
    if not isinstance(pattern, str):
        return
    try:
        compiled = re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as err:
        problems.error(
            PACKAGE_JSON,
            path,
            f"The regular expression does not compile: {err}. Fix the pattern.",
        )
        return
    unknown = set(compiled.groupindex) - _ALLOWED_GROUPS
    if unknown:
        problems.warn(
            PACKAGE_JSON,
            path,
            f"Named groups {sorted(unknown)} are ignored; only 'serial' and 'lot' are recorded.",
        )


def _check_semantics(doc: dict[str, Any], problems: _Problems) -> None:
    """Rules the JSON Schema cannot express. Tolerates any shape: the schema reports those."""
    default = doc.get("default_language")
    languages = [lang for lang in _list(doc.get("languages")) if isinstance(lang, str)]
    if isinstance(default, str) and languages and default not in languages:
        problems.error(
            PACKAGE_JSON,
            "document.default_language",
            f"The default language {default!r} is not in document.languages {languages}. "
            "Add it to languages.",
        )
    if isinstance(default, str):
        _check_texts(doc, "document", default, languages, problems)

    components: dict[str, dict[str, Any]] = {}
    for i, raw_comp in enumerate(_list(doc.get("components"))):
        comp = _dict(raw_comp)
        base = f"document.components[{i}]"
        part = comp.get("part")
        if isinstance(part, str):
            if part in components:
                problems.error(
                    PACKAGE_JSON,
                    f"{base}.part",
                    f"Part {part!r} is listed twice. Merge the two entries.",
                )
            components[part] = comp
        _check_regex(comp.get("scan_pattern"), f"{base}.scan_pattern", problems)
        gtin = comp.get("gtin")
        if isinstance(gtin, str) and gtin.isdigit() and not gtin_check_digit_ok(gtin):
            problems.error(
                PACKAGE_JSON,
                f"{base}.gtin",
                f"GTIN {gtin} has a wrong check digit. Copy the GTIN from the part's label.",
            )
        tracking = comp.get("tracking", "none")
        pattern = comp.get("scan_pattern")
        if tracking in ("serial", "lot") and not comp.get("gtin"):
            if not isinstance(pattern, str):
                problems.warn(
                    PACKAGE_JSON,
                    base,
                    f"A {tracking}-tracked part has neither scan_pattern nor gtin; any scan "
                    "will be accepted and recorded whole.",
                )
            elif f"(?P<{tracking}>" not in pattern:
                problems.warn(
                    PACKAGE_JSON,
                    f"{base}.scan_pattern",
                    f"A {tracking}-tracked part's pattern has no (?P<{tracking}>…) group; "
                    f"the whole scan will be recorded as the {tracking}.",
                )

    scanned: set[str] = set()
    step_ids: set[str] = set()
    for i, raw_step in enumerate(_list(doc.get("steps"))):
        step = _dict(raw_step)
        base = f"document.steps[{i}]"
        step_id = step.get("id")
        if isinstance(step_id, str):
            if step_id in step_ids:
                problems.error(
                    PACKAGE_JSON,
                    f"{base}.id",
                    f"Step id {step_id!r} is used by an earlier step. Give each step its own id.",
                )
            step_ids.add(step_id)
        spec = _dict(step.get("spec"))
        kind = step.get("kind")
        if kind == "checklist":
            seen: set[str] = set()
            for j, item in enumerate(_list(spec.get("items"))):
                item_id = _dict(item).get("id")
                if isinstance(item_id, str):
                    if item_id in seen:
                        problems.error(
                            PACKAGE_JSON,
                            f"{base}.spec.items[{j}].id",
                            f"Checklist item id {item_id!r} is used twice in this step. "
                            "Give each item its own id.",
                        )
                    seen.add(item_id)
        elif kind == "scan":
            _check_scan(spec, base, components, scanned, problems)
        elif kind == "measure":
            lower, upper = _number(spec.get("lower")), _number(spec.get("upper"))
            nominal = _number(spec.get("nominal"))
            if lower is not None and upper is not None and lower > upper:
                problems.error(
                    PACKAGE_JSON,
                    f"{base}.spec.lower",
                    f"The lower limit {lower:g} is above the upper limit {upper:g}. "
                    "Swap or correct the limits.",
                )
            elif (
                nominal is not None
                and lower is not None
                and upper is not None
                and not lower <= nominal <= upper
            ):
                problems.error(
                    PACKAGE_JSON,
                    f"{base}.spec.nominal",
                    f"The nominal value {nominal:g} is outside the limits "
                    f"{lower:g} … {upper:g}. Correct the nominal value or the limits.",
                )
        elif kind == "torque":
            # The window is in the step's own unit (N·m unless ``torque_unit`` says;
            # the schema holds it to the six canonical codes); the angle is in degrees.
            torque_unit = spec.get("torque_unit") or "Nm"
            for low_key, high_key, unit in (
                ("torque_min", "torque_max", str(torque_unit)),
                ("angle_min", "angle_max", "°"),
            ):
                low, high = _number(spec.get(low_key)), _number(spec.get(high_key))
                if low is not None and high is not None and low > high:
                    problems.error(
                        PACKAGE_JSON,
                        f"{base}.spec.{low_key}",
                        f"{low_key} {low:g} {unit} is above {high_key} {high:g} {unit}. "
                        "Swap or correct the window.",
                    )
                if (spec.get(low_key) is None) != (spec.get(high_key) is None):
                    problems.error(
                        PACKAGE_JSON,
                        f"{base}.spec",
                        f"Give both {low_key} and {high_key}, or neither.",
                    )
    for part, comp in components.items():
        if comp.get("tracking") in ("serial", "lot") and part not in scanned:
            problems.warn(
                PACKAGE_JSON,
                "document.components",
                f"Part {part!r} is {comp.get('tracking')}-tracked but no scan step names it; "
                "the unit's genealogy will miss it.",
            )


def _check_scan(
    spec: dict[str, Any],
    base: str,
    components: dict[str, dict[str, Any]],
    scanned: set[str],
    problems: _Problems,
) -> None:
    part, pattern = spec.get("part"), spec.get("pattern")
    if (part is None) == (pattern is None):
        problems.error(
            PACKAGE_JSON,
            f"{base}.spec",
            "A scan step needs exactly one of 'part' (a component's part number) or "
            "'pattern' (a regex). Keep one.",
        )
    if isinstance(part, str):
        if part not in components:
            known = ", ".join(sorted(components)) or "none"
            problems.error(
                PACKAGE_JSON,
                f"{base}.spec.part",
                f"Part {part!r} is not in document.components (known parts: {known}). "
                "Add it to components or fix the part number.",
            )
        else:
            scanned.add(part)
            comp_gtin = components[part].get("gtin")
            gtin = spec.get("gtin")
            if isinstance(gtin, str) and isinstance(comp_gtin, str) and gtin != comp_gtin:
                problems.error(
                    PACKAGE_JSON,
                    f"{base}.spec.gtin",
                    f"GTIN {gtin} differs from component {part!r}'s GTIN {comp_gtin}. "
                    "Remove it from the step or make them equal.",
                )
    _check_regex(pattern, f"{base}.spec.pattern", problems)
    gtin = spec.get("gtin")
    if isinstance(gtin, str) and gtin.isdigit() and not gtin_check_digit_ok(gtin):
        problems.error(
            PACKAGE_JSON,
            f"{base}.spec.gtin",
            f"GTIN {gtin} has a wrong check digit. Copy the GTIN from the part's label.",
        )


def _check_texts(
    value: object, path: str, default: str, languages: list[str], problems: _Problems
) -> None:
    """Every multilingual text holds the default language; missing translations warn."""
    if isinstance(value, dict):
        for key, child in value.items():
            child_path = f"{path}.{key}"
            if key in _TEXT_KEYS and isinstance(child, dict):
                if default not in child:
                    problems.error(
                        PACKAGE_JSON,
                        child_path,
                        f"The text has no {default!r} version (the document's default "
                        "language). Add it.",
                    )
                missing = [lang for lang in languages if lang not in child and lang != default]
                if missing and default in child:
                    problems.warn(
                        PACKAGE_JSON,
                        child_path,
                        f"Not translated to {', '.join(missing)}; operators will see "
                        f"the {default!r} text.",
                    )
            else:
                _check_texts(child, child_path, default, languages, problems)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            _check_texts(child, f"{path}[{i}]", default, languages, problems)


# --------------------------------------------------------------------------------------------
# Checking the media


_MAGIC: dict[str, tuple[tuple[int, bytes], ...]] = {
    "jpg": ((0, b"\xff\xd8\xff"),),
    "jpeg": ((0, b"\xff\xd8\xff"),),
    "png": ((0, b"\x89PNG\r\n\x1a\n"),),
    "webp": ((8, b"WEBP"),),
    "mp4": ((4, b"ftyp"),),
    "webm": ((0, b"\x1a\x45\xdf\xa3"),),
    "pdf": ((0, b"%PDF-"),),
}


def _check_media(doc: dict[str, Any], source: _Source, problems: _Problems) -> dict[str, MediaFile]:
    names = source.names()
    referenced: dict[str, tuple[str, str, str]] = {}  # file -> (sha, type, first path)
    for i, step in enumerate(_list(doc.get("steps"))):
        for j, raw_entry in enumerate(_list(_dict(step).get("media"))):
            entry = _dict(raw_entry)
            path = f"document.steps[{i}].media[{j}]"
            sha, type_, file = entry.get("sha256"), entry.get("type"), entry.get("file")
            if not (isinstance(sha, str) and isinstance(type_, str) and isinstance(file, str)):
                continue  # the schema reported it
            match = _MEDIA_NAME.match(file)
            if match is None:
                continue  # the schema reported it
            if match.group(1) != sha:
                problems.error(
                    PACKAGE_JSON,
                    f"{path}.file",
                    f"The file name {file!r} does not carry the entry's sha256 {sha[:12]}…. "
                    "Media are stored as media/<sha256>.<ext>; fix the name or the hash.",
                )
                continue
            suffix = match.group(2)
            if suffix not in MEDIA_SUFFIXES.get(type_, ()):
                problems.error(
                    PACKAGE_JSON,
                    f"{path}.file",
                    f"A .{suffix} file cannot be of type {type_!r}. Allowed: "
                    f"{', '.join(MEDIA_SUFFIXES.get(type_, ()))}. Fix the type or the file.",
                )
                continue
            earlier = referenced.get(file)
            if earlier is not None and earlier[1] != type_:
                problems.error(
                    PACKAGE_JSON,
                    f"{path}.type",
                    f"{file} is declared as {earlier[1]!r} at {earlier[2]} and as {type_!r} "
                    "here. Use one type.",
                )
                continue
            if earlier is None:
                referenced[file] = (sha, type_, path)

    media: dict[str, MediaFile] = {}
    for file, (sha, type_, path) in referenced.items():
        if file not in names:
            problems.error(
                file,
                f"{path}.file",
                f"The media file is missing from the package (referenced at {path}). "
                "Add the file or remove the reference.",
            )
            continue
        size = names[file]
        if size > MAX_MEDIA_BYTES:
            problems.error(
                file,
                "",
                f"The file is {size:,} bytes; the limit is {MAX_MEDIA_BYTES:,}. "
                "Shrink it (lower resolution or bitrate).",
            )
            continue
        try:
            head = source.read(file, 15)[:16]
            actual = source.sha256(file)
        except _ZIP_ERRORS as err:
            problems.error(
                file,
                "",
                f"The file cannot be read ({err}); the package may be corrupt. "
                "Copy the package again.",
            )
            continue
        if actual != sha:
            problems.error(
                file,
                "",
                f"The content's sha256 is {actual[:12]}…, not {sha[:12]}… as its name says; "
                "the file is damaged or was replaced. Rebuild the package with the "
                "package writer.",
            )
            continue
        suffix = file.rsplit(".", 1)[-1]
        if not any(head[at : at + len(magic)] == magic for at, magic in _MAGIC.get(suffix, ())):
            problems.error(
                file,
                "",
                f"The content is not a .{suffix} file (wrong signature). "
                "Export the media again in the declared format.",
            )
            continue
        media[sha] = source.media_file(sha, file, type_, size)

    for name in sorted(names):
        if name == PACKAGE_JSON or name in referenced:
            continue
        if name.startswith("media/"):
            problems.warn(name, "", "No step references this media file; it will not be imported.")
        else:
            problems.warn(name, "", "This file is not part of the package format; it is ignored.")
    return media


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_dir(directory: Path) -> None:
    # Persist the renames themselves; not possible on Windows, where it is not needed.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
