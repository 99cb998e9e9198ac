"""Create a QField package: a folder (and zip) with a QGIS project and one offline GeoPackage.

Everything is read in one REPEATABLE READ transaction, so the row versions recorded for the package are
one consistent snapshot; the package is registered (imis_audit.field_package) in the same transaction,
at the end, so a failed packaging leaves no trace. Area, provider and field user are bound parameters.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import time
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg2
from psycopg2 import sql
from psycopg2.extras import Json

from ..db.connect import transaction
from ..transfer.progress import Progress
from . import manifest as manifest_file
from .errors import FieldSyncError
from .gpkg import TableInfo, Writer, open_dataset, read_layer, select_list, table_info
from .layers import PROVIDER, PURPOSES, RECENT_DAYS, LayerSpec, layers_of

CODE_PREFIX = "code_"


@dataclass
class Area:
    """Where a package reaches: wards, one low-income community, a drawn polygon, or the whole city."""

    wards: list[int] | None = None
    lic: str | None = None
    polygon: str | None = None  # WKT
    srid: int | None = None  # of the polygon; None: the city CRS

    def describe(self) -> dict:
        if self.wards:
            return {"wards": sorted(self.wards)}
        if self.lic:
            return {"lic": self.lic}
        if self.polygon:
            return {"polygon": self.polygon}
        return {"city": True}

    def label(self) -> str:
        if self.wards:
            return "ward " + ", ".join(map(str, sorted(self.wards)))
        if self.lic:
            return f"low-income community {self.lic}"
        if self.polygon:
            return "drawn area"
        return "whole city"


@dataclass
class PackageResult:
    folder: Path
    project: Path
    zip_path: Path | None
    package_id: str
    purpose: str
    area: str
    layers: dict[str, int] = field(default_factory=dict)  # layer -> rows
    editable: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        rows = ", ".join(f"{name} {count}" for name, count in self.layers.items() if not name.startswith(CODE_PREFIX))
        lines = [f"QField package {self.package_id} ({self.purpose}, {self.area}) written to {self.folder}",
                 f"Layers: {rows}", f"Edited in the field: {', '.join(self.editable)}"]
        if self.zip_path:
            lines.append(f"Zip for QField: {self.zip_path}")
        return "\n".join(lines)


def create_package(dsn: str, output: str | Path, purpose: str, *, area: Area | None = None,
                   provider: str | None = None, field_user: str | None = None, language: str = "en",
                   make_zip: bool = True, progress: Progress | None = None) -> PackageResult:
    """Write the package for `purpose` (survey | provider) and `area` into the folder `output`."""
    started = time.perf_counter()
    progress = progress or Progress()
    area = area or Area()
    if purpose not in PURPOSES:
        raise FieldSyncError(f"Unknown purpose {purpose!r}: choose {' or '.join(PURPOSES)}.")
    if purpose == PROVIDER and not provider:
        raise FieldSyncError("A service-provider package needs the provider's code (--provider SP-01).")
    if sum(bool(x) for x in (area.wards, area.lic, area.polygon)) > 1:
        raise FieldSyncError("Give one area: ward numbers, a low-income community code or a polygon.")
    folder = Path(output)
    if folder.suffix.lower() == ".zip":
        folder = folder.with_suffix("")
    if folder.exists() and any(folder.iterdir()):
        raise FieldSyncError(f"{folder} exists and is not empty: choose a new folder for the package.")

    created_files = False
    try:
        with transaction(dsn, FieldSyncError) as conn, conn.cursor() as cur:
            # one REPEATABLE READ snapshot: the rows and the versions recorded for them agree
            conn.set_session(isolation_level=psycopg2.extensions.ISOLATION_LEVEL_REPEATABLE_READ)
            progress(2, "checking the database")
            database_uuid, store = manifest_file.database_identity(cur)
            revision = manifest_file.schema_revision(cur)
            cur.execute("SELECT srid, name FROM imis_core.city LIMIT 1")
            srid, city = cur.fetchone() or (None, None)
            if not srid:
                raise FieldSyncError("The database has no city CRS (imis_core.city is empty): run imis db upgrade.")
            params = {"recent_days": RECENT_DAYS, "provider": None}
            provider_row = None
            if purpose == PROVIDER:
                provider_row = _provider(cur, provider)
                params["provider"] = provider_row[0]
            if field_user:
                _check_field_user(cur, field_user, purpose, provider_row)
            progress(5, f"selecting the {area.label()}")
            has_area = _make_area(cur, area, srid)

            specs = layers_of(purpose)
            infos: dict[str, TableInfo] = {}
            selected: dict[str, list] = {}
            versions: dict[str, dict[str, int]] = {}
            for n, spec in enumerate(specs):
                progress(8 + 30 * n / len(specs), f"reading {spec.name}")
                info = infos[spec.name] = table_info(cur, spec.table)
                # the selection's first column, whatever its name, becomes qf_<layer>.id
                selection = sql.SQL(spec.select_area if has_area else spec.select_city)
                cur.execute(sql.SQL("CREATE TEMP TABLE {} ON COMMIT DROP AS SELECT DISTINCT q.id FROM ({}) q(id)")
                            .format(sql.Identifier(f"qf_{spec.name}"), selection), params)
                exprs, _ = select_list(info, spec.columns)
                query = sql.SQL("SELECT {cols}, t.row_version FROM {table} t JOIN {sel} s ON s.id = t.id "
                                "ORDER BY t.id").format(
                    cols=sql.SQL(", ").join(sql.SQL(e) for e in exprs),
                    table=sql.Identifier(*spec.table.split(".")), sel=sql.Identifier(f"qf_{spec.name}"))
                cur.execute(query)
                rows = cur.fetchall()
                selected[spec.name] = [row[:-1] for row in rows]
                if spec.editable:
                    versions[spec.name] = {row[0]: row[-1] for row in rows}
            code_lists = _code_lists(cur, specs, infos)
            code_rows = {}
            for name, info in code_lists.items():
                columns = [c.name for c in info.columns]
                cur.execute(sql.SQL("SELECT {} FROM {} ORDER BY sort, value").format(
                    sql.SQL(", ").join(map(sql.Identifier, columns)), sql.Identifier("imis_code", name)))
                code_rows[name] = cur.fetchall()

            progress(40, "writing the GeoPackage")
            folder.mkdir(parents=True, exist_ok=True)
            created_files = True
            (folder / "DCIM").mkdir(exist_ok=True)
            for spec in specs:
                if spec.photos:
                    selected[spec.name] = _carry_photos(selected[spec.name], spec, infos[spec.name], store, folder)
            gpkg_path = folder / manifest_file.GEOPACKAGE
            writer = Writer(gpkg_path, srid)
            counts = {}
            for spec in specs:
                info = infos[spec.name]
                _, attributes = select_list(info, spec.columns)
                geometry_type = info.geometry_type if info.geometry in spec.columns else None
                counts[spec.name] = writer.add_layer(spec.name, attributes, geometry_type, selected[spec.name])
            for name, info in code_lists.items():
                counts[CODE_PREFIX + name] = writer.add_layer(CODE_PREFIX + name, info.columns, None,
                                                              code_rows[name], id_column=False)
            writer.close()

            progress(55, "recording what the package holds")
            package_id = str(uuid.uuid4())
            rows_manifest = _row_manifest(gpkg_path, specs, infos, versions)
            geometries = {s.name: infos[s.name].geometry if infos[s.name].geometry in s.columns else None
                          for s in specs}
            layers_meta = {
                spec.name: {"table": spec.table, "editable": spec.editable, "columns": list(spec.columns),
                            "geometry": geometries[spec.name],
                            "photos": list(spec.photos), "count": counts[spec.name],
                            **({"rows": versions[spec.name]} if spec.editable else {})}
                for spec in specs}
            created = dt.datetime.now(dt.UTC).replace(microsecond=0)
            meta = {
                "format": manifest_file.FORMAT, "version": manifest_file.VERSION, "package_id": package_id,
                "database_uuid": database_uuid, "city": city, "schema_revision": revision,
                "created_at": created.isoformat(), "purpose": purpose, "area": area.describe(),
                "provider": ({"id": provider_row[0], "code": provider_row[1], "name": provider_row[2]}
                             if provider_row else None),
                "field_user": field_user, "srid": srid, "geopackage": manifest_file.GEOPACKAGE,
                "layers": layers_meta, "code_lists": sorted(code_lists),
            }
            progress(60, "building the QGIS project")
            from .project import build_project

            project_path = build_project(folder, meta, specs, infos, code_lists, dsn, language=language,
                                         provider_id=provider_row[0] if provider_row else None)
            meta["project"] = project_path.name
            manifest_file.write(folder, meta)

            progress(90, "registering the package")
            cur.execute(
                "INSERT INTO imis_audit.field_package (id, purpose, area, provider_id, field_user, schema_revision, "
                "manifest) VALUES (%(id)s, %(purpose)s, %(area)s, %(provider)s, %(field_user)s, %(revision)s, "
                "%(manifest)s)",
                {"id": package_id, "purpose": purpose, "area": Json(area.describe()),
                 "provider": provider_row[0] if provider_row else None, "field_user": field_user,
                 "revision": revision or "", "manifest": Json(rows_manifest)})
            zip_path = None
            if make_zip:
                progress(94, "zipping")
                zip_path = _zip(folder)
    except BaseException as exc:
        if created_files:
            shutil.rmtree(folder, ignore_errors=True)
            folder.with_suffix(".zip").unlink(missing_ok=True)
        if isinstance(exc, psycopg2.Error):  # refused (a lost connection is a FieldSyncError already)
            raise FieldSyncError(f"Packaging failed: {str(exc).strip().splitlines()[0]}") from None
        raise
    progress(100, "package written")
    return PackageResult(folder, project_path, zip_path, package_id, purpose, area.label(), counts,
                         [s.name for s in specs if s.editable], time.perf_counter() - started)


def _provider(cur, code: str) -> tuple[str, str, str]:
    cur.execute("SELECT id::text, code, name FROM imis_fsm.service_provider WHERE code = %s", (code,))
    row = cur.fetchone()
    if row is None:
        cur.execute("SELECT string_agg(code, ', ' ORDER BY code) FROM imis_fsm.service_provider")
        known = cur.fetchone()[0]
        raise FieldSyncError(f"There is no service provider with code {code!r}"
                             + (f" (known: {known})." if known else "."))
    return row


def _check_field_user(cur, login: str, purpose: str, provider_row) -> None:
    """The field user must be a database login allowed to make the package's edits."""
    cur.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (login,))
    row = cur.fetchone()
    if row is None:
        raise FieldSyncError(f"There is no database login {login!r}: the field user is the login whose name the "
                             "audit trail will carry (create it, or leave --field-user out and name it on import).")
    if purpose == PROVIDER:
        cur.execute("SELECT imis_app.provider_of(%s)::text", (login,))
        works_for = cur.fetchone()[0]
        if works_for != provider_row[0]:
            raise FieldSyncError(f"Login {login!r} does not work for service provider {provider_row[1]} "
                                 "(imis_core.app_user): its edits would be refused.")
        table = "imis_fsm.emptying"
    else:
        table = "imis_core.building"
    cur.execute("SELECT has_table_privilege(%s, %s, 'INSERT') AND has_table_privilege(%s, %s, 'UPDATE')",
                (login, table, login, table))
    if not cur.fetchone()[0]:
        raise FieldSyncError(f"Login {login!r} may not edit {table}: give it the role that does this work "
                             f"({'imis_service_provider' if purpose == PROVIDER else 'imis_gis_editor'}).")


def _make_area(cur, area: Area, srid: int) -> bool:
    """The temporary table qf_area with the area's geometry; False for the whole city."""
    if area.wards:
        numbers = sorted(set(area.wards))
        cur.execute("SELECT n FROM unnest(%s::int[]) n WHERE NOT EXISTS "
                    "(SELECT 1 FROM imis_core.ward w WHERE w.number = n) ORDER BY n", (numbers,))
        missing = [r[0] for r in cur.fetchall()]
        if missing:
            cur.execute("SELECT min(number), max(number), count(*) FROM imis_core.ward")
            low, high, count = cur.fetchone()
            known = f"wards {low}..{high}" if count else "no wards yet"
            raise FieldSyncError(f"Ward {', '.join(map(str, missing))} does not exist ({known}).")
        cur.execute("CREATE TEMP TABLE qf_area ON COMMIT DROP AS SELECT ST_Union(geom) AS geom "
                    "FROM imis_core.ward WHERE number = ANY(%s)", (numbers,))
    elif area.lic:
        cur.execute("CREATE TEMP TABLE qf_area ON COMMIT DROP AS SELECT geom FROM imis_core.low_income_community "
                    "WHERE code = %s", (area.lic,))
        if cur.rowcount == 0:
            raise FieldSyncError(f"There is no low-income community with code {area.lic!r}.")
    elif area.polygon:
        given = {"wkt": area.polygon, "from": area.srid or srid, "to": srid}
        cur.execute("SAVEPOINT area")
        try:
            cur.execute("CREATE TEMP TABLE qf_area ON COMMIT DROP AS "
                        "SELECT ST_Transform(ST_GeomFromText(%(wkt)s, %(from)s), %(to)s) AS geom", given)
        except psycopg2.Error as exc:
            cur.execute("ROLLBACK TO SAVEPOINT area")
            raise FieldSyncError(f"The area polygon is not valid WKT in EPSG:{given['from']}: "
                                 f"{exc.diag.message_primary}") from None
        cur.execute("SELECT GeometryType(geom), ST_IsValid(geom), ST_IsValidReason(geom) FROM qf_area")
        kind, valid, reason = cur.fetchone()
        if kind not in ("POLYGON", "MULTIPOLYGON"):
            raise FieldSyncError(f"The area must be a polygon (WKT POLYGON or MULTIPOLYGON), not {kind}.")
        if not valid:
            raise FieldSyncError(f"The area polygon is not valid: {reason}.")
    else:
        return False
    cur.execute("SELECT count(*) FILTER (WHERE geom IS NOT NULL) FROM qf_area")
    if cur.fetchone()[0] == 0:
        raise FieldSyncError(f"The {area.label()} has no geometry.")
    return True


def _carry_photos(rows: list, spec: LayerSpec, info: TableInfo, store: str | None, folder: Path) -> list:
    """Photos already in the attachment store travel with the package (DCIM/<store path>), so the field
    sees them; the import recognises them by their checksum."""
    if not store:
        return rows
    _, attributes = select_list(info, spec.columns)
    positions = [1 + [a.name for a in attributes].index(c) for c in spec.photos]
    root = Path(store).resolve()
    carried = []
    for row in rows:
        row = list(row)
        for position in positions:
            value = row[position]
            source = (root / value).resolve() if value else None
            if source is not None and source.is_relative_to(root) and source.is_file():
                target = folder / "DCIM" / value
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                row[position] = f"DCIM/{value}"
        carried.append(row)
    return carried


def _code_lists(cur, specs: tuple[LayerSpec, ...], infos: dict[str, TableInfo]) -> dict[str, TableInfo]:
    """The code lists the exported columns refer to (copied so that value lists work offline)."""
    cur.execute("""
        SELECT DISTINCT n.nspname || '.' || c.relname, a.attname, rc.relname
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_class rc ON rc.oid = k.confrelid JOIN pg_namespace rn ON rn.oid = rc.relnamespace
        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
        WHERE k.contype = 'f' AND rn.nspname = 'imis_code'""")
    wanted = set()
    for table, column, code_table in cur.fetchall():
        if any(s.table == table and column in s.columns for s in specs):
            wanted.add(code_table)
    return {name: table_info(cur, f"imis_code.{name}") for name in sorted(wanted)}


def _row_manifest(gpkg_path: Path, specs, infos, versions) -> dict:
    """{layer: {table, columns, geometry, rows: {id: [row_version, hash]}}} for the edited layers, hashed
    from the written file by the same reader the import uses."""
    ds = open_dataset(gpkg_path)
    try:
        result = {}
        for spec in specs:
            if not spec.editable:
                continue
            info = infos[spec.name]
            geometry = info.geometry if info.geometry in spec.columns else None
            layer = read_layer(ds, spec.name, spec.columns, geometry)
            result[spec.name] = {"table": spec.table, "columns": list(spec.columns), "geometry": geometry,
                                 "rows": {r.id: [versions[spec.name][r.id], r.hash] for r in layer.rows}}
        return result
    finally:
        ds = None


def _zip(folder: Path) -> Path:
    """folder.zip with the folder's content at its top (QField imports such a zip as a project)."""
    target = folder.with_suffix(".zip")
    temporary = target.with_name(target.name + ".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder).as_posix()
            if path.is_dir():
                archive.writestr(relative + "/", b"")
            else:
                archive.write(path, relative)
    os.replace(temporary, target)
    return target

