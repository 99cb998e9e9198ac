"""Import field edits: a returned QField package applied to PostGIS in one transaction.

What changed in the field is what reads differently from the rows the package was made from (their hashes
are kept in imis_audit.field_package). Each change is keyed by the row's UUID and applied only if the
office has not changed the row since (its row_version is still the exported one, or the one an earlier
import of this package left); otherwise it is a conflict: reported with both versions, never written.
Rows the database refuses (a rule, a permission) are reported as rejected; everything else is applied.
Every applied row is logged, so importing the same package again finds nothing to do.

The edits run under the field user's own role (SET LOCAL ROLE): the audit trail and ``changed_by`` name
the field user, and the database's grants and row-level security decide what that user may change. The
bookkeeping (logs, attachments) runs as the importing office login, in the same transaction.
"""
from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import tempfile
import time
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import psycopg2
from psycopg2 import sql

from ..db.connect import transaction
from ..transfer.progress import Progress
from . import manifest as manifest_file
from .attachments import Store, StoredFile, open_store, package_file, sha256_of
from .errors import FieldSyncError
from .gpkg import FieldLayer, FieldRow, TableInfo, open_dataset, read_layer, select_list, table_info
from .layers import APPLY_ORDER, PROVIDER, spec_of

#: namespace of the ids given to field rows that came back without one (stable: re-import finds them)
ROW_NAMESPACE = uuid.UUID("6f1c1f3e-3f0c-4b8e-9a55-2b1f0a7d9c21")
#: a layer losing more than this share of its exported rows (and more than MASS_DELETE_MIN) looks damaged
MASS_DELETE_SHARE = 0.5
MASS_DELETE_MIN = 10


@dataclass
class Counts:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: int = 0


@dataclass
class Issue:
    """A field row that was not applied: a conflict with an office change, or refused by the database."""

    layer: str
    table: str
    row_id: str
    label: str
    outcome: str  # conflict | rejected
    action: str  # insert | update | delete
    reason: str
    field_row: FieldRow | None = None
    office: dict | None = None  # the office version: column values, "wkb", row_version, changed_by, updated_at


@dataclass
class ImportResult:
    package_id: str
    purpose: str
    field_user: str
    counts: dict[str, Counts] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    attachments: int = 0
    import_id: str | None = None
    report_path: Path | None = None
    conflicts_path: Path | None = None
    seconds: float = 0.0
    infos: dict = field(default_factory=dict)  # layer -> TableInfo (for the conflicts layer)
    columns: dict = field(default_factory=dict)  # layer -> exported columns
    srid: int | None = None

    def total(self, name: str) -> int:
        return sum(getattr(c, name) for c in self.counts.values())

    @property
    def applied(self) -> int:
        return self.total("inserted") + self.total("updated") + self.total("deleted")

    @property
    def conflicts(self) -> list[Issue]:
        return [i for i in self.issues if i.outcome == "conflict"]

    @property
    def rejected(self) -> list[Issue]:
        return [i for i in self.issues if i.outcome == "rejected"]

    def summary(self) -> str:
        lines = [f"{layer}: {c.inserted} new, {c.updated} changed, {c.deleted} deleted, {c.unchanged} unchanged, "
                 f"{c.conflicts} conflicts, {c.rejected} rejected" for layer, c in self.counts.items()]
        if self.applied:
            lines.append(f"Applied as field user {self.field_user} in one transaction"
                         + (f"; {self.attachments} photos stored" if self.attachments else "") + ".")
        else:
            lines.append("Nothing new to apply: the database already holds every edit of this package.")
        if self.issues:
            lines.append(f"{len(self.conflicts)} conflicts (changed in the office since the package was made: "
                         f"not overwritten) and {len(self.rejected)} rejected rows; see "
                         + " and ".join(str(p) for p in (self.report_path, self.conflicts_path) if p))
        return "\n".join(lines)


@dataclass
class _Change:
    row: FieldRow | None
    row_id: str
    action: str  # insert | update | delete
    expected: int | None = None  # row version the change is based on
    values: dict | None = None  # values to write (photos replaced by their store paths)
    photos: list[tuple[str, StoredFile]] = field(default_factory=list)
    office_photos: dict = field(default_factory=dict)  # the database's photo values of an updated row


@dataclass
class _Layer:
    name: str
    table: str
    columns: tuple[str, ...]
    geometry: str | None
    info: TableInfo
    photos: tuple[str, ...]
    data: FieldLayer | None = None
    changes: list[_Change] = field(default_factory=list)


# --- opening a returned package --------------------------------------------------------------------------

@contextlib.contextmanager
def opened_package(source: str | Path):
    """(package folder, manifest, checked copy of the GeoPackage) of a returned folder or zip."""
    source = Path(source)
    if not source.exists():
        raise FieldSyncError(f"{source} does not exist.")
    work = Path(tempfile.mkdtemp(prefix="imis-qfield-"))
    try:
        if source.is_dir():
            root = manifest_file.find(source).parent
        else:
            root = _unzip(source, work / "package")
            root = manifest_file.find(root).parent
        meta = manifest_file.read(root / manifest_file.FILE_NAME)
        gpkg_name = PurePosixPath(meta["geopackage"]).name
        original = root / gpkg_name
        if not original.is_file():
            raise FieldSyncError(f"The package has no {gpkg_name}: it is incomplete.")
        copy = work / gpkg_name
        for suffix in ("", "-wal"):  # QField may leave its last edits in the write-ahead log (the -shm index
            # of a live connection is rebuilt from it, never copied)
            part = original.with_name(original.name + suffix)
            if part.is_file():
                shutil.copyfile(part, copy.with_name(copy.name + suffix))
        _check_geopackage(copy)
        yield root, meta, copy
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _unzip(path: Path, target: Path) -> Path:
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
            if bad is not None:
                raise FieldSyncError(f"{path.name} is damaged: {bad} fails its checksum.")
            for member in archive.infolist():
                name = PurePosixPath(member.filename)
                if name.is_absolute() or ".." in name.parts:
                    raise FieldSyncError(f"{path.name} holds a file outside the package ({member.filename}); refused.")
            archive.extractall(target)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise FieldSyncError(f"{path.name} is not a readable zip file ({exc}).") from None
    return target


def _check_geopackage(path: Path) -> None:
    try:
        db = sqlite3.connect(str(path))
        try:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            result = db.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                raise FieldSyncError(f"{path.name} is damaged ({'; '.join(r[0] for r in result[:3])}).")
            db.execute("SELECT count(*) FROM gpkg_contents").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise FieldSyncError(f"{path.name} is damaged or not a GeoPackage ({exc}).") from None


# --- the import ------------------------------------------------------------------------------------------

def import_package(dsn: str, source: str | Path, *, field_user: str | None = None,
                   attachment_store: str | Path | None = None, report: str | Path | None = None,
                   conflicts: str | Path | None = None, allow_mass_delete: bool = False,
                   progress: Progress | None = None) -> ImportResult:
    """Apply the field edits of the returned package `source` (folder or zip); see the module docstring."""
    started = time.perf_counter()
    progress = progress or Progress()
    progress(1, "opening the package")
    with opened_package(source) as (root, meta, gpkg_path):
        package_sha256, _ = sha256_of(gpkg_path)
        store: Store | None = None
        reached_commit = False
        try:
            with transaction(dsn, FieldSyncError) as conn, conn.cursor() as cur:
                package = _package_record(cur, meta)
                user = field_user or package["field_user"] or meta.get("field_user")
                if not user:
                    raise FieldSyncError("This package names no field user: say whose edits these are "
                                         "(--field-user LOGIN); the audit trail records that login.")
                _check_field_user(cur, user, package)
                result = ImportResult(package["id"], package["purpose"], user)
                # a time entered in the field without a zone is the city's local time
                cur.execute("SELECT srid, set_config('TimeZone', timezone, true) FROM imis_core.city LIMIT 1")
                result.srid = cur.fetchone()[0]
                progress(5, "reading the field edits")
                layers = _read_layers(cur, package, gpkg_path, result)
                recorded = _recorded(cur, package["id"])
                for layer in layers:
                    _plan(layer, package, recorded.get(layer.table, {}), result, allow_mass_delete)
                configured_store = manifest_file.database_identity(cur)[1]
                _set_role(cur, user)
                progress(20, "comparing with the office's rows")
                for layer in layers:
                    _classify(cur, layer, result)
                if any(c.action != "delete" and c.row and layer.photos for layer in layers for c in layer.changes):
                    store = open_store(configured_store, attachment_store)
                    for layer in layers:
                        _photos(cur, layer, root, store, result)
                progress(35, "applying the edits")
                applied = _apply(cur, layers, result, progress.span(35, 90))
                cur.execute("RESET ROLE")
                progress(90, "logging the import")
                if applied:
                    _log(cur, result, package_sha256, applied)
                _office_versions(cur, result, layers)
                reached_commit = True
        except BaseException as exc:
            # a connection lost while committing: saved or not, keep the photos (a retry finds them)
            if store is not None and not (reached_commit and isinstance(exc, FieldSyncError)):
                store.undo()
            if isinstance(exc, psycopg2.Error):  # refused (a lost connection is a FieldSyncError already)
                reason = (exc.diag.message_primary if exc.diag else None) or str(exc).strip()
                raise FieldSyncError(f"The import failed and nothing was written: {reason}") from None
            raise
        if result.issues or report:
            from .conflicts import default_paths, write_conflicts_layer, write_report

            report_path, conflicts_path = default_paths(Path(source), report, conflicts)
            result.report_path = write_report(report_path, result)
            if result.conflicts:
                result.conflicts_path = write_conflicts_layer(conflicts_path, result, gpkg_path)
    result.seconds = time.perf_counter() - started
    progress(100, "import done")
    return result


def _package_record(cur, meta: dict) -> dict:
    database_uuid, _ = manifest_file.database_identity(cur)
    if str(meta["database_uuid"]).lower() != database_uuid.lower():
        raise FieldSyncError(
            f"This package comes from another database ({meta.get('city') or 'unknown city'}, database "
            f"{meta['database_uuid']}); this database is {database_uuid}. Import it into the database it was "
            "made from.")
    cur.execute("SELECT id::text, purpose, provider_id::text, field_user, manifest, created_at "
                "FROM imis_audit.field_package WHERE id = %s", (str(meta["package_id"]),))
    row = cur.fetchone()
    if row is None:
        raise FieldSyncError(f"Package {meta['package_id']} was not issued by this database (no record of it); "
                             "it cannot be imported.")
    return dict(zip(("id", "purpose", "provider_id", "field_user", "manifest", "created_at"), row))


def _check_field_user(cur, user: str, package: dict) -> None:
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (user,))
    if cur.fetchone() is None:
        raise FieldSyncError(f"There is no database login {user!r} (the field user).")
    cur.execute("SELECT pg_has_role(%s, 'MEMBER')", (user,))
    if not cur.fetchone()[0]:
        cur.execute("SELECT current_user")
        me = cur.fetchone()[0]
        raise FieldSyncError(f"Login {me!r} cannot act as the field user {user!r}, whose name the audit trail must "
                             f"carry: an administrator allows it once with GRANT \"{user}\" TO \"{me}\".")
    if package["purpose"] == PROVIDER:
        cur.execute("SELECT imis_app.provider_of(%s)::text", (user,))
        if cur.fetchone()[0] != package["provider_id"]:
            raise FieldSyncError(f"Field user {user!r} does not work for the service provider this package was "
                                 "made for (imis_core.app_user): its edits would be refused.")


def _set_role(cur, user: str) -> None:
    cur.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(user)))


def _read_layers(cur, package: dict, gpkg_path: Path, result: ImportResult) -> list[_Layer]:
    ds = open_dataset(gpkg_path)
    try:
        layers = []
        rows_manifest = package["manifest"]
        for name in sorted(rows_manifest, key=lambda n: APPLY_ORDER.index(n) if n in APPLY_ORDER else 99):
            entry = rows_manifest[name]
            info = table_info(cur, entry["table"])
            columns = tuple(entry["columns"])
            select_list(info, columns)  # every exported column must still exist
            spec = spec_of(package["purpose"], name)
            layer = _Layer(name, entry["table"], columns, entry.get("geometry"), info,
                           spec.photos if spec else ())
            layer.data = read_layer(ds, name, columns, layer.geometry)
            result.infos[name], result.columns[name] = info, columns
            result.counts[name] = Counts()
            layers.append(layer)
        return layers
    finally:
        ds = None


def _recorded(cur, package_id: str) -> dict[str, dict[str, tuple]]:
    """What earlier imports of this package applied: table -> id -> (action, hash, row_version)."""
    cur.execute("""
        SELECT DISTINCT ON (r.table_name, r.row_id) r.table_name, r.row_id::text, r.action, r.field_hash, r.row_version
        FROM imis_audit.field_import_row r JOIN imis_audit.field_import i ON i.id = r.import_id
        WHERE i.package_id = %s ORDER BY r.table_name, r.row_id, i.imported_at DESC""", (package_id,))
    recorded: dict[str, dict[str, tuple]] = {}
    for table, row_id, action, digest, version in cur.fetchall():
        recorded.setdefault(table, {})[row_id] = (action, digest, version)
    return recorded


def _label(values: dict | None, row_id: str) -> str:
    values = values or {}
    for key in ("bin", "code", "registration"):
        if values.get(key):
            return str(values[key])
    return row_id


def _plan(layer: _Layer, package: dict, recorded: dict, result: ImportResult, allow_mass_delete: bool) -> None:
    """Which field rows are new, changed or deleted, against the exported rows and earlier imports."""
    exported = package["manifest"][layer.name]["rows"]
    counts = result.counts[layer.name]

    def reject(row, row_id, action, reason):
        counts.rejected += 1
        result.issues.append(Issue(layer.name, layer.table, row_id, _label(row.values if row else None, row_id),
                                   "rejected", action, reason, row))

    by_id: dict[str, list[FieldRow]] = {}
    for row in layer.data.rows:
        if row.id is None:  # a feature made without the form's default: give it an id that stays the same
            row.id = str(uuid.uuid5(ROW_NAMESPACE, f"{package['id']}/{layer.name}/{row.fid}"))
        by_id.setdefault(row.id, []).append(row)
    for row_id, rows in by_id.items():
        if len(rows) > 1:
            for row in rows:
                reject(row, row_id, "update", f"{len(rows)} features share this id (fids "
                       f"{', '.join(str(r.fid) for r in rows)}): copy the right values into one and delete the others")
            continue
        row = rows[0]
        try:
            uuid.UUID(row_id)
        except ValueError:
            reject(row, row_id, "insert", f"the id {row_id!r} is not a UUID")
            continue
        state = recorded.get(row_id)
        if state is None and row_id in exported:
            state = ("exported", exported[row_id][1], exported[row_id][0])
        if row.problem:
            reject(row, row_id, "insert" if state is None else "update", row.problem)
        elif state is None:
            layer.changes.append(_Change(row, row_id, "insert"))
        elif state[0] == "delete":
            result.issues.append(Issue(layer.name, layer.table, row_id, _label(row.values, row_id), "conflict",
                                       "update", "an earlier import of this package deleted this row", row))
            counts.conflicts += 1
        elif state[1] == row.hash:
            counts.unchanged += 1
        else:
            layer.changes.append(_Change(row, row_id, "update", state[2]))
    gone = []
    for row_id in set(exported) | set(recorded):
        if row_id in by_id:
            continue
        state = recorded.get(row_id) or ("exported", exported[row_id][1], exported[row_id][0])
        if state[0] != "delete":
            gone.append(_Change(None, row_id, "delete", state[2]))
    if (len(gone) > MASS_DELETE_MIN and len(gone) > MASS_DELETE_SHARE * max(len(exported), 1)
            and not allow_mass_delete):
        raise FieldSyncError(
            f"Layer {layer.name}: {len(gone)} of the {len(exported)} rows the package held are missing. That looks "
            "like a damaged or wrong GeoPackage, so nothing was imported. If the field really deleted them, "
            "import again allowing mass deletes (--allow-mass-delete).")
    layer.changes.extend(gone)


def _classify(cur, layer: _Layer, result: ImportResult) -> None:
    """Conflicts: the office changed (or deleted) a row since the version the field edit is based on."""
    if not layer.changes:
        return
    counts = result.counts[layer.name]
    photo_cols = sql.SQL("").join(sql.SQL(", t.{}").format(sql.Identifier(c)) for c in layer.photos)
    cur.execute(sql.SQL("SELECT t.id::text, t.row_version{} FROM {} t WHERE t.id = ANY(%s::uuid[])").format(
        photo_cols, sql.Identifier(*layer.table.split("."))), ([c.row_id for c in layer.changes],))
    office = {row[0]: row[1:] for row in cur.fetchall()}
    kept = []
    for change in layer.changes:
        current = office.get(change.row_id)
        reason = None
        if change.action == "insert" and current is not None:
            reason = "a row with this id already exists in the database"
        elif change.action == "update" and current is None:
            reason = "deleted in the office since the package was made (or not visible to the field user)"
        elif change.action == "update" and current[0] != change.expected:
            reason = (f"changed in the office since the package was made (version {change.expected} then, "
                      f"{current[0]} now)")
        elif change.action == "delete" and current is None:
            counts.unchanged += 1  # deleted in the office too
            continue
        elif change.action == "delete" and current[0] != change.expected:
            reason = (f"deleted in the field but changed in the office since the package was made (version "
                      f"{change.expected} then, {current[0]} now)")
        if reason:
            counts.conflicts += 1
            result.issues.append(Issue(layer.name, layer.table, change.row_id,
                                       _label(change.row.values if change.row else None, change.row_id),
                                       "conflict", change.action, reason, change.row))
            continue
        change.values = dict(change.row.values) if change.row else None
        if change.row and current is not None:
            change.office_photos = dict(zip(layer.photos, current[1:]))
        kept.append(change)
    layer.changes = kept


def _photos(cur, layer: _Layer, root: Path, store: Store | None, result: ImportResult) -> None:
    """Photo values naming files of the package: copied into the store, the value becomes the store path."""
    if not layer.photos:
        return
    kept = []
    for change in layer.changes:
        problem = None
        if change.values is not None:
            office = change.office_photos
            for column in layer.photos:
                value = change.values.get(column)
                if value is None or value == office.get(column):
                    continue
                source = package_file(root, value)
                if source is not None:
                    if store is None:
                        raise FieldSyncError(
                            "The package holds photos but no attachment store is configured for this city: set "
                            "one (imis qfield settings --attachment-store DIR) or name one for this import "
                            "(--attachments DIR). Nothing was imported.")
                    stored = store.put(layer.table, source, value)
                    change.values[column] = stored.path
                    change.photos.append((column, stored))
                elif store is None or not store.has(value):
                    problem = f"{column}: the photo {value!r} is neither in the package nor in the attachment store"
                    break
        if problem:
            result.counts[layer.name].rejected += 1
            result.issues.append(Issue(layer.name, layer.table, change.row_id, _label(change.values, change.row_id),
                                       "rejected", change.action, problem, change.row))
        else:
            kept.append(change)
    layer.changes = kept


# --- writing ---------------------------------------------------------------------------------------------

def _payload(layer: _Layer, change: _Change) -> dict:
    item = {"id": change.row_id, "__version": change.expected}
    if change.values is not None:
        item.update({k: v for k, v in change.values.items()})
        if layer.geometry:
            item["__wkb"] = change.row.wkb.hex() if change.row.wkb else None
    return item


def _geometry_sql(layer: _Layer, srid: int) -> sql.Composable:
    expr = sql.SQL("ST_SetSRID(ST_GeomFromWKB(decode(j->>'__wkb', 'hex')), {})").format(sql.Literal(srid))
    if (layer.info.geometry_type or "").upper().startswith("MULTI"):
        expr = sql.SQL("ST_Multi({})").format(expr)
    return expr


def _statement(layer: _Layer, action: str, srid: int) -> sql.Composable:
    table = sql.Identifier(*layer.table.split("."))
    attributes = [c for c in layer.columns if c != layer.geometry]
    source = sql.SQL("jsonb_array_elements(%(rows)s::jsonb) j, jsonb_populate_record(NULL::{}, j) r").format(table)
    if action == "delete":
        return sql.SQL("DELETE FROM {} t USING jsonb_array_elements(%(rows)s::jsonb) j "
                       "WHERE t.id = (j->>'id')::uuid AND t.row_version = (j->>'__version')::int "
                       "RETURNING t.id::text, NULL::int").format(table)
    values = []
    for column in attributes:
        value = sql.SQL("r.{}").format(sql.Identifier(column))
        default = layer.info.defaults.get(column)
        if action == "insert" and default:  # a value left empty in the field takes the database's default
            value = sql.SQL("coalesce({}, {})").format(value, sql.SQL(default))
        elif action == "update" and layer.info.column(column).not_null:  # empty cannot mean "cleared" here
            value = sql.SQL("coalesce({}, t.{})").format(value, sql.Identifier(column))
        values.append(value)
    names = list(attributes)
    if layer.geometry:
        names.append(layer.geometry)
        values.append(_geometry_sql(layer, srid))
    if action == "insert":
        return sql.SQL("INSERT INTO {} (id, {}) SELECT r.id, {} FROM {} RETURNING id::text, row_version").format(
            table, sql.SQL(", ").join(map(sql.Identifier, names)), sql.SQL(", ").join(values), source)
    return sql.SQL("UPDATE {} t SET {} FROM {} WHERE t.id = r.id AND t.row_version = (j->>'__version')::int "
                   "RETURNING t.id::text, t.row_version").format(
        table, sql.SQL(", ").join(sql.SQL("{} = {}").format(sql.Identifier(n), v) for n, v in zip(names, values)),
        source)


_PRIVILEGE = {"insert": "INSERT", "update": "UPDATE", "delete": "DELETE"}


def _apply(cur, layers: list[_Layer], result: ImportResult,
           progress: Progress) -> list[tuple[_Layer, _Change, int | None]]:
    """Deletes (children first), inserts (parents first), then updates; each batch in one statement, and
    row by row (savepoints) only when the database refuses the batch, to name the refused rows."""
    by_name = {layer.name: layer for layer in layers}
    order = [n for n in APPLY_ORDER if n in by_name] + [n for n in by_name if n not in APPLY_ORDER]
    steps = ([(by_name[n], "delete") for n in reversed(order)] + [(by_name[n], "insert") for n in order]
             + [(by_name[n], "update") for n in order])
    applied = []
    for number, (layer, action) in enumerate(steps):
        progress(100 * number / len(steps), f"{action} {layer.name}")
        changes = [c for c in layer.changes if c.action == action]
        if not changes:
            continue
        counts = result.counts[layer.name]
        cur.execute("SELECT has_table_privilege(%s, %s)", (layer.table, _PRIVILEGE[action]))
        if not cur.fetchone()[0]:
            for change in changes:
                _reject(result, layer, change, f"the field user {result.field_user} may not {action} rows of "
                                               f"{layer.table}")
            continue
        statement = _statement(layer, action, result.srid)
        done = _run(cur, statement, [_payload(layer, c) for c in changes])
        if done is None:  # refused: find the rows
            done = {}
            for change in changes:
                try:
                    one = _run(cur, statement, [_payload(layer, change)], raise_error=True)
                except psycopg2.Error as exc:
                    _reject(result, layer, change, _message(exc))
                    continue
                done.update(one)
        for change in changes:
            if change.row_id in done:
                applied.append((layer, change, done[change.row_id]))
                setattr(counts, {"insert": "inserted", "update": "updated", "delete": "deleted"}[action],
                        getattr(counts, {"insert": "inserted", "update": "updated", "delete": "deleted"}[action]) + 1)
            elif not any(i.row_id == change.row_id and i.layer == layer.name for i in result.issues):
                # the row changed between the comparison and the write (an office edit committed meanwhile)
                counts.conflicts += 1
                result.issues.append(Issue(layer.name, layer.table, change.row_id,
                                           _label(change.values, change.row_id), "conflict", action,
                                           "changed in the office while the import ran", change.row))
    progress(100, "edits applied")
    return applied


def _run(cur, statement, payload: list[dict], raise_error: bool = False) -> dict | None:
    cur.execute("SAVEPOINT field_edit")
    try:
        cur.execute(statement, {"rows": json.dumps(payload, allow_nan=False)})
        done = {row[0]: row[1] for row in cur.fetchall()}
    except psycopg2.Error:
        cur.execute("ROLLBACK TO SAVEPOINT field_edit")
        if raise_error:
            raise
        return None
    cur.execute("RELEASE SAVEPOINT field_edit")
    return done


def _message(exc: psycopg2.Error) -> str:
    diag = exc.diag
    text = diag.message_primary or str(exc).strip().splitlines()[0]
    if diag.message_detail:
        text += f" ({diag.message_detail})"
    return text


def _reject(result: ImportResult, layer: _Layer, change: _Change, reason: str) -> None:
    result.counts[layer.name].rejected += 1
    result.issues.append(Issue(layer.name, layer.table, change.row_id, _label(change.values, change.row_id),
                               "rejected", change.action, reason, change.row))


def _log(cur, result: ImportResult, package_sha256: str, applied) -> None:
    cur.execute(
        "INSERT INTO imis_audit.field_import (package_id, field_user, package_sha256, inserted, updated, deleted, "
        "conflicts, rejected, attachments) VALUES (%(package)s, %(user)s, %(sha)s, %(i)s, %(u)s, %(d)s, %(c)s, "
        "%(r)s, %(a)s) RETURNING id::text",
        {"package": result.package_id, "user": result.field_user, "sha": package_sha256,
         "i": result.total("inserted"), "u": result.total("updated"), "d": result.total("deleted"),
         "c": len(result.conflicts), "r": len(result.rejected),
         "a": sum(len(c.photos) for _, c, _ in applied)})
    result.import_id = cur.fetchone()[0]
    rows = [{"table_name": layer.table, "row_id": change.row_id, "action": change.action,
             "field_hash": change.row.hash if change.row else None, "row_version": version}
            for layer, change, version in applied]
    cur.execute("INSERT INTO imis_audit.field_import_row (import_id, table_name, row_id, action, field_hash, "
                "row_version) SELECT %(import)s, x.table_name, x.row_id, x.action, x.field_hash, x.row_version "
                "FROM jsonb_to_recordset(%(rows)s::jsonb) AS x(table_name text, row_id uuid, action text, "
                "field_hash text, row_version int)", {"import": result.import_id, "rows": json.dumps(rows)})
    files = [{"table_name": layer.table, "row_id": change.row_id, "column_name": column, "path": stored.path,
              "sha256": stored.sha256, "size_bytes": stored.size, "original_name": stored.original}
             for layer, change, _ in applied for column, stored in change.photos]
    if files:
        cur.execute("INSERT INTO imis_core.attachment (table_name, row_id, column_name, path, sha256, size_bytes, "
                    "original_name, import_id) SELECT x.table_name, x.row_id, x.column_name, x.path, x.sha256, "
                    "x.size_bytes, x.original_name, %(import)s FROM jsonb_to_recordset(%(rows)s::jsonb) AS "
                    "x(table_name text, row_id uuid, column_name text, path text, sha256 text, size_bytes bigint, "
                    "original_name text) ON CONFLICT ON CONSTRAINT uq_attachment_file_of_row DO NOTHING",
                    {"import": result.import_id, "rows": json.dumps(files)})
        result.attachments = cur.rowcount  # photos new to the database (a re-sent one is already there)


def _office_versions(cur, result: ImportResult, layers: list[_Layer]) -> None:
    """The office's side of every conflict (column values, geometry, version, who and when), for the report."""
    by_name = {layer.name: layer for layer in layers}
    for name in {i.layer for i in result.conflicts}:
        layer = by_name[name]
        issues = [i for i in result.conflicts if i.layer == name]
        exprs, attributes = select_list(layer.info, layer.columns)
        cur.execute(sql.SQL("SELECT {}, t.row_version, t.changed_by, t.updated_at FROM {} t "
                            "WHERE t.id = ANY(%s::uuid[])").format(
            sql.SQL(", ").join(sql.SQL(e) for e in exprs), sql.Identifier(*layer.table.split("."))),
            ([i.row_id for i in issues],))
        office = {}
        for row in cur.fetchall():
            values = dict(zip([a.name for a in attributes], row[1:1 + len(attributes)]))
            wkb = row[1 + len(attributes)] if layer.geometry else None
            values.update({"wkb": bytes(wkb) if wkb is not None else None, "row_version": row[-3],
                           "changed_by": row[-2], "updated_at": row[-1]})
            office[row[0]] = values
        for issue in issues:
            issue.office = office.get(issue.row_id)


__all__ = ["ImportResult", "Issue", "import_package", "opened_package"]
