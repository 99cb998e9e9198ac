"""The package manifest (``imis_package.json``) and the database identity it is checked against.

The manifest says which database issued the package, at which schema revision, when, for what purpose and
area, and which rows (ids and row versions) each layer holds. It holds no connection detail. On import it
only identifies the package: the rows and versions it was made from are read from the database's own
copy (imis_audit.field_package), so editing the manifest cannot make an office change look older.
"""
from __future__ import annotations

import json
from pathlib import Path

from .errors import FieldSyncError

FILE_NAME = "imis_package.json"
FORMAT = "imis-qfield-package"
VERSION = 1
#: manifest versions this code reads
SUPPORTED_VERSIONS = (1,)
GEOPACKAGE = "data.gpkg"


def write(folder: Path, manifest: dict) -> Path:
    path = folder / FILE_NAME
    path.write_text(json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return path


def find(root: Path) -> Path:
    """The manifest of a returned package: at its top or one folder down (a zipped project folder)."""
    for candidate in (root / FILE_NAME, *sorted(root.glob(f"*/{FILE_NAME}"))):
        if candidate.is_file():
            return candidate
    raise FieldSyncError(f"{root.name}: no {FILE_NAME} found. This is not an IMIS QField package (or its "
                         "manifest was removed); import the folder or zip that IMIS created and QField returned.")


def read(path: Path) -> dict:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FieldSyncError(f"{path.name} is damaged ({exc}); the package cannot be imported.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise FieldSyncError(f"{path.name} is not an IMIS QField package manifest.")
    version = manifest.get("version")
    if version not in SUPPORTED_VERSIONS:
        raise FieldSyncError(
            f"{path.name} has manifest version {version!r}; this IMIS reads version "
            f"{', '.join(map(str, SUPPORTED_VERSIONS))}. Update IMIS, or import the package with the IMIS "
            "version that made it.")
    for key in ("package_id", "database_uuid", "purpose", "geopackage", "layers"):
        if not manifest.get(key):
            raise FieldSyncError(f"{path.name} is damaged: it has no {key!r}.")
    return manifest


def database_identity(cur) -> tuple[str, str | None]:
    """(database UUID, attachment store) of the connected database."""
    cur.execute("SELECT to_regclass('imis_core.field_sync_settings') IS NOT NULL")
    if not cur.fetchone()[0]:
        raise FieldSyncError("This database has no field-sync tables (schema revision 0009): upgrade it first "
                             "(imis db upgrade, or Upgrade database in QGIS).")
    cur.execute("SELECT database_uuid::text, attachment_store FROM imis_core.field_sync_settings")
    row = cur.fetchone()
    if row is None:
        raise FieldSyncError("imis_core.field_sync_settings holds no row: this database has no identity; "
                             "run imis db upgrade to restore it.")
    return row


def schema_revision(cur) -> str | None:
    cur.execute("SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = 'imis_app' AND p.proname = 'schema_revision')")
    if cur.fetchone()[0]:
        cur.execute("SELECT imis_app.schema_revision()")
        return cur.fetchone()[0]
    cur.execute("SELECT CASE WHEN to_regclass('public.alembic_version') IS NOT NULL "
                "AND has_table_privilege('public.alembic_version', 'SELECT') THEN true ELSE false END")
    if cur.fetchone()[0]:
        cur.execute("SELECT version_num FROM public.alembic_version")
        row = cur.fetchone()
        return row[0] if row else None
    return None
