"""Reading an instruction package (docs/instruction-package.md section 1) for publishing.

The bridge may not import the station's ``kiosk.package``, so this checks only what the
bridge relies on: the format and its version, the document's id and revision (and the
product and operation it is filed under), and that every media file the document
references is in the package. Hashes are checked while the files are streamed into the
bridge's media store (:meth:`sync.bridge.service.Bridge.publish_package`). A zip is read
in place, never extracted, and entries with absolute paths or ``..``, duplicates,
encrypted entries and packages over the format's limits are refused.
"""

from __future__ import annotations

import json
import re
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

FORMAT = "kiosk-instructions"
FORMAT_VERSIONS = (1,)
MANIFEST = "package.json"

MAX_MANIFEST = 4 * 1024 * 1024
MAX_MEDIA_FILE = 256 * 1024 * 1024
MAX_TOTAL = 1024 * 1024 * 1024
MAX_ENTRIES = 2000

MEDIA_NAME_RE = re.compile(r"^media/(?P<sha>[0-9a-f]{64})\.(?P<ext>[a-z0-9]{1,8})$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
MEDIA_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "mp4": "video/mp4",
    "webm": "video/webm",
    "pdf": "application/pdf",
}


class PackageInvalid(Exception):
    """The package cannot be published; ``problems`` are ``file: json.path: reason``."""

    def __init__(self, package: Path, problems: list[str]) -> None:
        super().__init__(f"{package}: {len(problems)} problem(s)")
        self.package = package
        self.problems = problems


@dataclass(frozen=True)
class MediaFile:
    name: str  # media/<sha256>.<ext>, relative to the package root
    sha256: str  # what its name (and the document) says it hashes to
    size: int
    media_type: str


@dataclass
class Package:
    """A package whose structure is valid; :meth:`open_media` streams one media file."""

    path: Path
    document: dict[str, Any]
    media: list[MediaFile]
    warnings: list[str] = field(default_factory=list)
    _zip: zipfile.ZipFile | None = None
    _root: str = ""  # a zip's top-level directory prefix ("" or "name/")

    @property
    def key(self) -> str:
        return f"{self.document['id']}@{self.document['revision']}"

    def open_media(self, item: MediaFile) -> IO[bytes]:
        if self._zip is not None:
            return self._zip.open(self._root + item.name)
        return open(self.path / item.name, "rb")

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()


class _Source:
    """Members of a folder or zip: relative POSIX name → size; ``read(name, limit)``."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.zip: zipfile.ZipFile | None = None
        self.root = ""
        self.sizes: dict[str, int] = {}
        if path.is_dir():
            self._scan_folder(problems)
        elif path.is_file():
            self._scan_zip(problems)
        else:
            problems.append(f"{path}: no such folder or .zip file")

    def _scan_folder(self, problems: list[str]) -> None:
        root = self.path.resolve()
        for p in sorted(self.path.rglob("*")):
            rel = p.relative_to(self.path).as_posix()
            mode = p.lstat().st_mode
            if stat.S_ISLNK(mode):
                target = p.resolve()
                if not target.is_relative_to(root):
                    problems.append(f"{rel}: a link out of the package ({target})")
                    continue
                mode = target.stat().st_mode
            if stat.S_ISREG(mode):
                self.sizes[rel] = p.stat().st_size

    def _scan_zip(self, problems: list[str]) -> None:
        try:
            self.zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError) as err:
            problems.append(f"{self.path.name}: not a folder nor a readable .zip ({err})")
            return
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            problems.append(f"{self.path.name}: {len(infos)} entries; at most {MAX_ENTRIES}")
            return
        total = 0
        for info in infos:
            name = info.filename
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in parts:
                problems.append(f"{name}: an absolute path or '..' in a zip entry (zip-slip)")
                continue
            if info.flag_bits & 0x1:
                problems.append(f"{name}: encrypted zip entries are refused")
                continue
            if info.is_dir():
                continue
            if name in self.sizes:
                problems.append(f"{name}: appears twice in the zip")
                continue
            self.sizes[name] = info.file_size
            total += info.file_size
        if total > MAX_TOTAL:
            problems.append(f"{self.path.name}: {total} bytes unpacked; at most {MAX_TOTAL}")
        if MANIFEST not in self.sizes:
            # A zip of the package folder itself: one top-level directory.
            tops = {n.split("/", 1)[0] for n in self.sizes}
            if len(tops) == 1 and f"{next(iter(tops))}/{MANIFEST}" in self.sizes:
                self.root = next(iter(tops)) + "/"
                self.sizes = {
                    n[len(self.root) :]: s for n, s in self.sizes.items() if n.startswith(self.root)
                }

    def read(self, name: str, limit: int) -> bytes:
        if self.zip is not None:
            with self.zip.open(self.root + name) as f:
                return f.read(limit + 1)
        with open(self.path / name, "rb") as f:
            return f.read(limit + 1)


def _media_refs(value: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every media entry in the document (an object with ``sha256`` and ``file``)."""
    if isinstance(value, dict):
        if "sha256" in value and "file" in value:
            yield path, value
        for k, v in value.items():
            yield from _media_refs(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _media_refs(v, f"{path}[{i}]")


def _check_document(doc: Any, problems: list[str]) -> None:
    if not isinstance(doc, dict):
        problems.append(f"{MANIFEST}: document: must be an object")
        return
    if not isinstance(doc.get("id"), str) or not doc["id"].strip():
        problems.append(f"{MANIFEST}: document.id: missing (a non-empty text)")
    rev = doc.get("revision")
    if not isinstance(rev, int) or isinstance(rev, bool) or rev < 1:
        problems.append(f"{MANIFEST}: document.revision: missing (a whole number ≥ 1)")
    for key in ("product", "operation"):
        if not isinstance(doc.get(key), str) or not doc[key].strip():
            problems.append(f"{MANIFEST}: document.{key}: missing (a non-empty text)")


def read_package(path: Path) -> Package:
    """Check a package's structure; raise :class:`PackageInvalid` with every problem."""
    problems: list[str] = []
    src = _Source(path, problems)
    try:
        package = _read(src, problems)
    except BaseException:
        if src.zip is not None:
            src.zip.close()
        raise
    if problems or package is None:
        if src.zip is not None:
            src.zip.close()
        raise PackageInvalid(path, problems or [f"{path}: not an instruction package"])
    return package


def _read(src: _Source, problems: list[str]) -> Package | None:
    if problems:
        return None
    if MANIFEST not in src.sizes:
        problems.append(f"{src.path.name}: no {MANIFEST} at the package's root")
        return None
    if src.sizes[MANIFEST] > MAX_MANIFEST:
        problems.append(f"{MANIFEST}: {src.sizes[MANIFEST]} bytes; at most {MAX_MANIFEST}")
        return None
    try:
        manifest = json.loads(src.read(MANIFEST, MAX_MANIFEST).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        problems.append(f"{MANIFEST}: not JSON ({err})")
        return None
    except (OSError, zipfile.BadZipFile) as err:
        problems.append(f"{MANIFEST}: unreadable ({err})")
        return None
    if not isinstance(manifest, dict):
        problems.append(f"{MANIFEST}: must be an object")
        return None
    if manifest.get("format") != FORMAT:
        problems.append(f"{MANIFEST}: format: {manifest.get('format')!r} is not {FORMAT!r}")
        return None
    version = manifest.get("format_version")
    if version not in FORMAT_VERSIONS:
        problems.append(
            f"{MANIFEST}: format_version: {version!r} is not read by this bridge "
            f"(it reads {', '.join(map(str, FORMAT_VERSIONS))})"
        )
        return None
    doc = manifest.get("document")
    _check_document(doc, problems)
    if not isinstance(doc, dict):
        return None

    media: dict[str, MediaFile] = {}
    warnings: list[str] = []
    total = 0
    for name, size in src.sizes.items():
        m = MEDIA_NAME_RE.match(name)
        if m is None:
            if name.startswith("media/"):
                warnings.append(f"{name}: not named media/<sha256>.<ext>; not published")
            continue
        if size > MAX_MEDIA_FILE:
            problems.append(f"{name}: {size} bytes; at most {MAX_MEDIA_FILE}")
            continue
        total += size
        kind = MEDIA_TYPES.get(m.group("ext"), "application/octet-stream")
        media[name] = MediaFile(name, m.group("sha"), size, kind)
    if total > MAX_TOTAL:
        problems.append(f"{src.path.name}: {total} bytes of media; at most {MAX_TOTAL}")

    referenced: set[str] = set()
    for where, ref in _media_refs(doc, "document"):
        sha, file = ref.get("sha256"), ref.get("file")
        if not isinstance(sha, str) or not SHA256_RE.match(sha):
            problems.append(f"{MANIFEST}: {where}.sha256: not a sha256 (64 hex digits)")
            continue
        if not isinstance(file, str):
            problems.append(f"{MANIFEST}: {where}.file: must be a path like media/<sha256>.jpg")
            continue
        m = MEDIA_NAME_RE.match(file)
        if m is None or m.group("sha") != sha:
            problems.append(f"{MANIFEST}: {where}.file: {file!r} is not media/{sha}.<ext>")
        elif file not in src.sizes:
            problems.append(f"{MANIFEST}: {where}.file: {file} is not in the package")
        else:
            referenced.add(file)
    warnings += [f"{n}: not referenced by the document" for n in sorted(set(media) - referenced)]
    return Package(
        path=src.path,
        document=doc,
        media=[media[n] for n in sorted(media)],
        warnings=warnings,
        _zip=src.zip,
        _root=src.root,
    )
