"""Media: content-addressed files (hashed as they stream in) and instruction packages
published with them, all or nothing."""

from __future__ import annotations

import hashlib
import io
import os
import secrets
import zipfile
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, select

from sync.bridge import db
from sync.bridge.base import (
    BridgeBase,
    BridgeProblem,
)
from sync.bridge.masterdata import entity_id
from sync.bridge.package import MediaFile, PackageInvalid, read_package
from sync.protocol import (
    InstructionRevisionRecord,
    rfc3339,
    utc_now,
)


class Media(BridgeBase):
    """Media files and package publishing."""

    def media_path(self, sha256: str) -> Path:
        return self.media_dir / sha256[:2] / sha256

    def add_media(
        self, content: bytes, *, file_name: str, media_type: str, sha256: str = ""
    ) -> str:
        digest, size, tmp = self._stage_media(io.BytesIO(content))
        if sha256 and sha256 != digest:
            tmp.unlink(missing_ok=True)
            raise BridgeProblem(
                422,
                "hash_mismatch",
                f"the content's sha256 is {digest}, not {sha256}; nothing was stored",
            )
        self._place_media(tmp, digest)
        with self.engine.begin() as conn:
            db.xact_lock(conn, db.LOCK_CHANGES)
            self._record_media(conn, digest, size, media_type, file_name)
        return digest

    def _stage_media(self, stream: IO[bytes]) -> tuple[str, int, Path]:
        """Copy a stream into a temporary file in the media store, hashing as it goes."""
        h = hashlib.sha256()
        size = 0
        tmp = self.media_dir / f".{os.getpid()}.{secrets.token_hex(8)}.part"
        try:
            with open(tmp, "wb") as f:
                while chunk := stream.read(1 << 20):
                    h.update(chunk)
                    f.write(chunk)
                    size += len(chunk)
                f.flush()
                os.fsync(f.fileno())
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return h.hexdigest(), size, tmp

    def _place_media(self, tmp: Path, digest: str) -> None:
        path = self.media_path(digest)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            tmp.unlink(missing_ok=True)
        else:
            os.replace(tmp, path)

    def _record_media(
        self, conn: Connection, digest: str, size: int, media_type: str, file_name: str
    ) -> None:
        data = {"sha256": digest, "size": size, "type": media_type, "file_name": file_name}
        db.insert_ignore(conn, db.media, [data | {"created_at": rfc3339(utc_now())}])
        self._record_change(conn, "media", digest, data)

    def media_info(self, sha256: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(db.media).where(db.media.c.sha256 == sha256)).first()
        return None if row is None else dict(row._mapping)

    def publish_package(self, path: Path) -> dict[str, Any]:
        """Publish an instruction package (a folder or .zip in the station's format,
        docs/instruction-package.md section 1): every media file, hashed as it is
        streamed in, then the revision; all or nothing. The stations pull the revision as
        an ``instruction_revision`` change whose ``data["document"]`` is the document."""
        try:
            package = read_package(path)
        except PackageInvalid as err:
            raise BridgeProblem(
                422,
                "invalid_package",
                f"{path}: {len(err.problems)} problem(s); nothing was published",
                err.problems,
            ) from err
        if str(package.document.get("status") or "approved") == "draft":
            raise BridgeProblem(
                409,
                "draft_not_published",
                f"{package.key} is a draft: a draft never goes to the stations; save it to "
                "the bridge as a draft (kiosk editor) and have it approved",
            )
        staged: list[tuple[MediaFile, str, int, Path]] = []
        problems = []
        try:
            for item in package.media:
                try:
                    with package.open_media(item) as stream:
                        digest, size, tmp = self._stage_media(stream)
                except (OSError, zipfile.BadZipFile) as err:
                    problems.append(f"{item.name}: unreadable ({err})")
                    continue
                staged.append((item, digest, size, tmp))
                if digest != item.sha256:
                    problems.append(f"{item.name}: its content hashes to {digest}")
            if problems:
                raise BridgeProblem(
                    422,
                    "invalid_package",
                    f"{path}: {len(problems)} problem(s); nothing was published",
                    problems,
                )
            doc = package.document
            record = InstructionRevisionRecord(
                document_id=str(doc["id"]),
                revision=int(doc["revision"]),
                status=str(doc.get("status") or "approved"),
                product=str(doc["product"]),
                operation=str(doc["operation"]),
                document=doc,
            )
            for _item, digest, _size, tmp in staged:
                self._place_media(tmp, digest)
            staged_done, staged = staged, []
            with self.engine.begin() as conn:
                db.xact_lock(conn, db.LOCK_CHANGES)
                for item, digest, size, _tmp in staged_done:
                    self._record_media(conn, digest, size, item.media_type, item.name[6:])
                key = entity_id("instruction-revisions", record)
                # The workflow's record of it (approved, signed by the package file); the
                # older approved revisions of its operation become obsolete.
                self.register_package_revision(conn, doc)
                self._record_change(
                    conn, "instruction_revision", key, record.model_dump(mode="json")
                )
        finally:
            for *_, tmp in staged:
                tmp.unlink(missing_ok=True)
            package.close()
        return {
            "revisions": [key],
            "media": [digest for _, digest, _, _ in staged_done],
            "warnings": package.warnings,
        }
