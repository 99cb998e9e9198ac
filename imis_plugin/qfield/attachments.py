"""Photos from the field: found in the returned package (DCIM/), copied into the city's attachment store
under their checksum, recorded in imis_core.attachment.

The store keeps one file per content (``<table>/<sha256[:2]>/<sha256>.<ext>``): importing a package twice
copies nothing twice, and a file is never overwritten. The store folder is a setting of the database
(``imis qfield settings --attachment-store DIR``), so every office machine importing for a city puts
photos in the same place (a shared folder).
"""
from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import FieldSyncError

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".webp"}


@dataclass
class StoredFile:
    path: str  # inside the store, posix
    sha256: str
    size: int
    original: str  # the value in the package (DCIM/...)


@dataclass
class Store:
    root: Path
    created: list[Path] = field(default_factory=list)  # files this import added (removed if it fails)

    def put(self, table: str, source: Path, original: str) -> StoredFile:
        digest, size = sha256_of(source)
        suffix = source.suffix.lower() if source.suffix.lower() in PHOTO_SUFFIXES else ".bin"
        relative = PurePosixPath(table, digest[:2], digest + suffix)
        target = self.root.joinpath(*relative.parts)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(target.name + ".part")
            shutil.copyfile(source, temporary)
            if sha256_of(temporary)[0] != digest:  # the copy must be the file we checked
                temporary.unlink(missing_ok=True)
                raise FieldSyncError(f"Copying {original} into the attachment store gave a different checksum; "
                                     "nothing was imported. Check the disk and import again.")
            os.replace(temporary, target)
            self.created.append(target)
        return StoredFile(relative.as_posix(), digest, size, original)

    def has(self, relative: str) -> bool:
        path = self._inside(relative)
        return path is not None and path.is_file()

    def _inside(self, relative: str) -> Path | None:
        candidate = (self.root / relative).resolve()
        return candidate if candidate.is_relative_to(self.root.resolve()) else None

    def undo(self) -> None:
        """Remove the files this import copied (the database transaction was rolled back)."""
        for path in self.created:
            path.unlink(missing_ok=True)
        self.created.clear()


def sha256_of(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def package_file(root: Path, value: str) -> Path | None:
    """The file a photo value names inside the returned package (paths are relative to the project), or
    None. Absolute paths and paths leaving the package (../) are never followed."""
    if not value or "\x00" in value:
        return None
    relative = PurePosixPath(value.replace("\\", "/"))
    if relative.is_absolute() or ".." in relative.parts or relative.parts[:1] == ("",):
        return None
    candidate = root.joinpath(*relative.parts)
    try:
        resolved = candidate.resolve()
    except OSError:
        return None
    if not resolved.is_relative_to(root.resolve()) or not resolved.is_file():
        return None
    return resolved


def open_store(configured: str | None, override: str | Path | None) -> Store | None:
    """The attachment store to use: the command's folder, else the database's setting; None if neither."""
    folder = override or configured
    if not folder:
        return None
    root = Path(folder).expanduser()
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FieldSyncError(f"The attachment store {root} cannot be created: {exc.strerror}.") from None
    if not os.access(root, os.W_OK):
        raise FieldSyncError(f"The attachment store {root} is not writable by this user.")
    return Store(root)


def configure_store(dsn: str, folder: str | Path | None) -> str | None:
    """Set (or clear, with None) the city's attachment store; returns the stored folder."""
    from ..db.connect import transaction

    value = str(Path(folder).expanduser().resolve()) if folder else None
    with transaction(dsn, FieldSyncError) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_core.field_sync_settings SET attachment_store = %s RETURNING attachment_store",
                    (value,))
        row = cur.fetchone()
    if row is None:
        raise FieldSyncError("This database has no field-sync settings row: run imis db upgrade.")
    return row[0]
