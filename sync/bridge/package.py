"""Reading an instruction package (docs/instruction-package.md section 1) for publishing.

Every check is the one validator shared with the station, :mod:`sync.protocol.package`
(the same one ``kiosk validate`` and ``kiosk import`` run), so a package the station
refuses is refused here with the same messages. Hashes are checked again while the files
are streamed into the bridge's media store
(:meth:`sync.bridge.service.Bridge.publish_package`). A zip is read in place, never
extracted.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from sync.protocol import package as checks

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
    """The package cannot be published; ``problems`` are ``file: json.path: reason``, the
    validator's own sentences."""

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
    source: checks.MediaFile


@dataclass
class Package:
    """A package that passed the validator; :meth:`open_media` streams one media file."""

    path: Path
    document: dict[str, Any]
    media: list[MediaFile]
    warnings: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.document['id']}@{self.document['revision']}"

    @contextlib.contextmanager
    def open_media(self, item: MediaFile) -> Iterator[IO[bytes]]:
        with item.source.open() as stream:
            yield stream

    def close(self) -> None:
        """Nothing stays open between reads (kept for callers)."""


def read_package(path: Path) -> Package:
    """Validate the package at ``path``; raises :class:`PackageInvalid` with every problem."""
    try:
        checked = checks.check_package(path)
    except checks.PackageInvalid as err:
        raise PackageInvalid(path, [str(p) for p in err.problems]) from err
    media = [
        MediaFile(
            name=f"media/{PurePosixPath(m.name).name}",
            sha256=sha,
            size=m.size,
            media_type=MEDIA_TYPES.get(m.suffix, "application/octet-stream"),
            source=m,
        )
        for sha, m in sorted(checked.media.items())
    ]
    return Package(path, checked.document, media, [str(w) for w in checked.warnings])
