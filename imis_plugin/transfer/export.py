"""`imis export`: IMIS tables and views, filtered, to GeoPackage, zipped Shapefile, Excel or CSV.

Every query runs with the caller's own database login (the same DSN for GDAL and psycopg2), so exports show
exactly what that login may read: permissions and row-level security apply. Filters are structured
(:mod:`.filters`), values are bound, names are checked against the catalog.

Columns: the data columns of a table; references are written as the referenced row's natural key
(``ward_id`` -> ``ward_number``), links to buildings as ``building_bins`` (``;``-separated), so that an export
reads back with ``fields = "*"``. Excel shows code-list labels instead of values, units in headers.
"""
from __future__ import annotations

import csv
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg2
from psycopg2 import sql
from psycopg2.extensions import parse_dsn

from ..db.connect import transaction
from . import catalog
from .catalog import BOOKKEEPING, EXPORT_SCHEMAS, ForeignKey, Table
from .errors import TransferError
from .filters import Filters, condition_sql
from .plan import find_link, link_field_name, reference_field_name
from .progress import Progress
from .xlsx import MAX_ROWS, SheetColumn, Workbook

FORMATS = {"gpkg": "GeoPackage", "shp": "Shapefile (zipped)", "xlsx": "Excel workbook", "csv": "CSV"}
UNITS = (("_m3_per_day", "m³/day"), ("_mg_l", "mg/L"), ("_m3", "m³"), ("_mm", "mm"), ("_bdt", "BDT"),
         ("_days", "days"), ("_m", "m"))
WORDS = {"bin": "BIN", "bins": "BINs", "lic": "LIC", "id": "ID", "jmp": "JMP", "ph": "pH", "bod": "BOD",
         "cod": "COD", "tss": "TSS", "ppe": "PPE"}
NUMBER_TYPES = {"int2", "int4", "int8", "numeric", "float4", "float8"}
SHAPEFILE_NAME_LENGTH = 10


@dataclass
class ExportColumn:
    name: str
    expr: sql.Composable  # over the table alias t and the reference joins
    sql_type: str  # for casting filter values
    base_type: str
    code_fk: ForeignKey | None = None
    is_geometry: bool = False

    @property
    def header(self) -> str:
        return header(self.name)


@dataclass
class LayerQuery:
    table: Table
    columns: list[ExportColumn] = field(default_factory=list)
    joins: list[sql.Composable] = field(default_factory=list)
    where: list[sql.Composable] = field(default_factory=list)
    params: dict = field(default_factory=dict)
    filtered_by: set[str] = field(default_factory=set)  # condition fields this layer has

    def column(self, name: str) -> ExportColumn | None:
        return next((c for c in self.columns if c.name == name), None)

    def select(self, columns: list[tuple[sql.Composable, str]], ordered: bool = True) -> sql.Composable:
        """SELECT the given (expression, output name) pairs with this layer's joins and filters, in the order of
        the natural key (BIN, code...) so that exports compare line by line."""
        key = self.table.natural_key() if self.table.kind == "r" else None
        order = (sql.SQL(" ORDER BY ") + sql.SQL(", ").join(sql.SQL("t.{}").format(sql.Identifier(k)) for k in key)
                 if ordered and key else sql.SQL(""))
        return sql.SQL("SELECT {cols} FROM {t} t {joins}{where}{order}").format(
            cols=sql.SQL(", ").join(sql.SQL("{} AS {}").format(e, sql.Identifier(n)) for e, n in columns),
            t=self.table.ident, joins=sql.SQL(" ").join(self.joins),
            where=sql.SQL(" WHERE ") + sql.SQL(" AND ").join(self.where) if self.where else sql.SQL(""), order=order)


@dataclass
class ExportResult:
    output: Path
    rows: dict[str, int] = field(default_factory=dict)
    field_maps: list[Path] = field(default_factory=list)


def header(name: str) -> str:
    """``capacity_m3_per_day`` -> ``Capacity (m³/day)``, ``ward_number`` -> ``Ward number``."""
    unit = None
    for suffix, label in UNITS:
        if name.endswith(suffix) and len(name) > len(suffix):
            name, unit = name[: -len(suffix)], label
            break
    words = [WORDS.get(w, w) for w in name.split("_") if w]
    text = " ".join(words)
    text = text[:1].upper() + text[1:] if text and not words[0].isupper() else text
    return f"{text} ({unit})" if unit else text


def _gdal_connection(dsn: str) -> str:
    """GDAL's PG: connection string for the same libpq DSN (service names and URIs included)."""
    parts = parse_dsn(dsn)
    quoted = []
    for key, value in parts.items():
        value = str(value).replace("\\", "\\\\").replace("'", "\\'")
        quoted.append(f"{key}='{value}'")
    return "PG:" + " ".join(quoted)


def build_layer(conn, name: str, filters: Filters, srid: int, fmt: str) -> LayerQuery:
    """The query of one exported layer: columns, reference joins and filters."""
    table = catalog.find_table(conn, name, schemas=EXPORT_SCHEMAS, kinds=("r", "v", "m"))
    layer = LayerQuery(table)
    is_table = table.kind == "r" and table.schema != catalog.CODE_SCHEMA
    for i, column in enumerate(table.columns.values()):
        t_col = sql.SQL("t.{}").format(sql.Identifier(column.name))
        if is_table and column.name in BOOKKEEPING:
            continue
        if column.is_geometry:
            if fmt == "csv":
                layer.columns.append(ExportColumn("geometry_wkt", sql.SQL("ST_AsEWKT({})").format(t_col), "text", "text",
                                                  is_geometry=True))
            elif fmt != "xlsx":
                layer.columns.append(ExportColumn(column.name, t_col, column.sql_type, "geometry", is_geometry=True))
            continue
        fk = table.fk_of(column.name) if is_table else None
        if fk is not None and not fk.is_code_list:
            ref = catalog.find_table(conn, f"{fk.ref_schema}.{fk.ref_table}", schemas=(fk.ref_schema,))
            key = ref.natural_key()
            if key and len(key) == 1 and key[0] != column.name:
                alias = sql.Identifier(f"r{i}")
                layer.joins.append(sql.SQL("LEFT JOIN {ref} {a} ON {a}.id = {c}").format(ref=ref.ident, a=alias, c=t_col))
                key_column = ref.columns[key[0]]
                layer.columns.append(ExportColumn(reference_field_name(fk, key[0]),
                                                  sql.SQL("{}.{}").format(alias, sql.Identifier(key[0])),
                                                  key_column.sql_type, key_column.base_type))
                continue
        layer.columns.append(ExportColumn(column.name, t_col, column.sql_type, column.base_type,
                                          code_fk=table.code_fk_of(column.name) if is_table else None))
    if is_table and table.name != "building":
        _add_building_links(conn, layer)
    _apply_filters(conn, layer, filters, srid)
    return layer


def _add_building_links(conn, layer: LayerQuery) -> None:
    try:
        building = catalog.find_table(conn, "building")
        link, own, theirs = find_link(conn, layer.table, building)
    except TransferError:
        return
    layer.columns.append(ExportColumn(
        link_field_name(building, "bin"),
        sql.SQL("(SELECT string_agg(b.bin, ';' ORDER BY b.bin) FROM {link} l JOIN {b} b ON b.id = l.{theirs} "
                "WHERE l.{own} = t.id)").format(link=link.ident, b=building.ident, theirs=sql.Identifier(theirs),
                                                own=sql.Identifier(own)),
        "text", "text"))


def _geometry_of(layer: LayerQuery) -> sql.Composable | None:
    column = layer.table.geometry_column
    return sql.SQL("t.{}").format(sql.Identifier(column.name)) if column else None


def _apply_filters(conn, layer: LayerQuery, filters: Filters, srid: int) -> None:
    table, geom = layer.table, _geometry_of(layer)
    if filters.ward is not None:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM imis_core.ward WHERE number = %s", (filters.ward,))
            if cur.fetchone() is None:
                raise TransferError(f"There is no ward number {filters.ward}.")
        layer.params["ward"] = filters.ward
        if table.name == "ward" and "number" in table.columns:
            layer.where.append(sql.SQL("t.number = %(ward)s"))
        elif "ward_id" in table.columns:
            layer.where.append(sql.SQL("t.ward_id = (SELECT id FROM imis_core.ward WHERE number = %(ward)s)"))
        elif geom is not None:
            # a polygon belongs to the ward holding a point on its surface; points and lines: any contact
            polygon = "POLYGON" in (table.geometry_column.geometry_type or "").upper()
            test = sql.SQL("ST_Intersects(wf.geom, ST_PointOnSurface({g}))" if polygon else
                           "ST_Intersects(wf.geom, {g})").format(g=geom)
            layer.joins.append(sql.SQL("JOIN imis_core.ward wf ON wf.number = %(ward)s AND wf.geom && {g} AND {t}").format(
                g=geom, t=test))
        else:
            raise TransferError(f"{table.name} has neither a ward nor a geometry: it cannot be filtered by ward.")
    if filters.spatial:
        if geom is None:
            raise TransferError(f"{table.name} has no geometry: it cannot be filtered by area or bounding box.")
        layer.params["area_srid"] = filters.area_srid or srid
        layer.params["bbox_srid"] = filters.bbox_srid or srid
        layer.params["city_srid"] = srid
        if filters.bbox is not None:
            layer.params.update(zip(("x0", "y0", "x1", "y1"), filters.bbox))
            layer.where.append(sql.SQL("{g} && ST_Transform(ST_MakeEnvelope(%(x0)s, %(y0)s, %(x1)s, %(y1)s, "
                                       "%(bbox_srid)s), %(city_srid)s)").format(g=geom))
        if filters.area_wkt is not None:
            layer.params["area"] = filters.area_wkt
            area = sql.SQL("(SELECT CASE WHEN ST_SRID(a) = 0 THEN ST_Transform(ST_SetSRID(a, %(area_srid)s), %(city_srid)s) "
                           "ELSE ST_Transform(a, %(city_srid)s) END FROM ST_GeomFromEWKT(%(area)s) a)")
            layer.where.append(sql.SQL("ST_Intersects({g}, {a})").format(g=geom, a=area))
    for n, condition in enumerate(filters.conditions):
        column = layer.column(condition.field)
        if column is None and condition.field in table.columns:
            raw = table.columns[condition.field]
            column = ExportColumn(raw.name, sql.SQL("t.{}").format(sql.Identifier(raw.name)), raw.sql_type, raw.base_type)
        if column is None or column.is_geometry:
            continue  # run_export refuses a condition that no exported layer can take
        cast_type = column.sql_type if column.base_type in NUMBER_TYPES | {"date", "timestamptz", "timestamp", "bool",
                                                                          "uuid"} else "text"
        clause, params = condition_sql(condition, column.expr, cast_type, str(n))
        layer.where.append(clause)
        layer.params.update(params)
        layer.filtered_by.add(condition.field)
    if filters.date_from or filters.date_to:
        name = filters.date_field or next((c.name for c in table.columns.values()
                                           if c.base_type == "date" and c.name not in BOOKKEEPING), None)
        if name is None and "updated_at" in table.columns:
            name = "updated_at"
        if name is None or name not in table.columns or table.columns[name].base_type not in ("date", "timestamptz",
                                                                                             "timestamp"):
            dates = [c.name for c in table.columns.values() if c.base_type in ("date", "timestamptz", "timestamp")]
            raise TransferError(f"{table.name}: no date field {('named ' + repr(name)) if name else ''} to filter on "
                                f"(its dates: {', '.join(dates) or 'none'}).")
        expr = sql.SQL("t.{}").format(sql.Identifier(name))
        if filters.date_from:
            layer.params["date_from"] = filters.date_from
            layer.where.append(sql.SQL("{} >= %(date_from)s::date").format(expr))
        if filters.date_to:
            layer.params["date_to"] = filters.date_to
            layer.where.append(sql.SQL("{} < %(date_to)s::date + 1").format(expr))


def _count(conn, layer: LayerQuery) -> int:
    """Rows the export will write; also where a missing permission shows, with PostgreSQL's message."""
    with conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT count(*) FROM ({}) x").format(layer.select([(sql.SQL("1"), "one")], ordered=False)),
                    layer.params)
        return cur.fetchone()[0]


def _pairs(layer: LayerQuery, names: dict[str, str] | None = None) -> list[tuple[sql.Composable, str]]:
    return [(c.expr, (names or {}).get(c.name, c.name)) for c in layer.columns]


def short_names(names: list[str], limit: int = SHAPEFILE_NAME_LENGTH) -> dict[str, str]:
    """Unique Shapefile field names of at most ``limit`` characters (a name that fits is kept)."""
    result, taken = {}, set()
    for name in names:
        short = name[:limit]
        n = 1
        while short.lower() in taken:
            n += 1
            suffix = str(n)
            short = name[: limit - len(suffix)] + suffix
        taken.add(short.lower())
        result[name] = short
    return result


def run_export(dsn: str, layers: list[str], fmt: str, output: str | Path, filters: Filters | None = None, *,
               labels: str = "en", progress: Progress | None = None) -> ExportResult:
    """Export layers; see the module docstring. Returns the output path and rows per layer."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise TransferError(f"Unknown export format {fmt!r}; one of {', '.join(FORMATS)}.")
    if not layers:
        raise TransferError("Name at least one layer (table or view) to export, e.g. building.")
    if labels not in ("en", "bn"):
        raise TransferError("Labels are 'en' (English) or 'bn' (Bangla).")
    output = Path(output)
    if fmt == "shp" and output.suffix.lower() != ".zip":
        raise TransferError("Shapefile exports are written as one zip file: give an output ending in .zip.")
    progress = progress or Progress()
    filters = filters or Filters()
    result = ExportResult(output)
    try:
        with transaction(dsn, TransferError) as conn:
            conn.set_client_encoding("UTF8")
            conn.set_session(readonly=True)
            srid = catalog.city_srid(conn)
            queries = []
            for name in layers:
                queries.append(build_layer(conn, name, filters, srid, fmt))
            for condition in filters.conditions:  # to the layers that have the field, but to one at least
                if not any(condition.field in layer.filtered_by for layer in queries):
                    fields = sorted({c.name for layer in queries for c in layer.columns if not c.is_geometry})
                    raise TransferError(f"No exported layer has a field {condition.field!r} to filter on. "
                                        f"Fields: {', '.join(fields)}.")
            for layer in queries:
                result.rows[layer.table.name] = _count(conn, layer)
            progress(5, "counted rows")
            writer = {"gpkg": _write_gpkg, "shp": _write_shp, "csv": _write_csv, "xlsx": _write_xlsx}[fmt]
            writer(conn, dsn, queries, output, result, progress.span(5, 100), labels)
    except psycopg2.Error as exc:  # refused (a lost connection is a TransferError already)
        message = (exc.diag.message_primary or str(exc)).strip()
        raise TransferError(f"The database refused the export: {message}") from None
    progress(100, "done")
    return result


def _translate(conn, dsn: str, layer: LayerQuery, destination: str, fmt: str, layer_name: str, progress: Progress,
               names: dict[str, str] | None = None, **options) -> None:
    from osgeo import gdal

    from .readers import GdalMessages

    gdal.UseExceptions()
    with conn.cursor() as cur:
        statement = cur.mogrify(layer.select(_pairs(layer, names)), layer.params).decode("utf-8")

    def callback(complete, message, data):
        if progress.is_cancelled():
            return 0
        progress(complete * 100.0, f"writing {layer_name}")
        return 1

    with GdalMessages() as messages:
        try:
            source = gdal.OpenEx(_gdal_connection(dsn), gdal.OF_VECTOR | gdal.OF_READONLY, open_options=["LIST_ALL_TABLES=NO"])
            done = gdal.VectorTranslate(destination, source, format=fmt, SQLStatement=statement, layerName=layer_name,
                                        callback=callback, **options)
        except RuntimeError as exc:
            raise TransferError(f"Cannot write {layer_name}: {exc}") from None
        if done is None:
            raise TransferError(f"Cannot write {layer_name}: {'; '.join(messages.messages) or 'GDAL gave no reason'}")
        done = None  # closes (flushes) the dataset
    progress.check()


def _write_gpkg(conn, dsn, queries, output: Path, result, progress: Progress, labels) -> None:
    if output.exists():
        output.unlink()
    share = 100.0 / len(queries)
    try:
        for n, layer in enumerate(queries):
            _translate(conn, dsn, layer, str(output), "GPKG", layer.table.name,
                       progress.span(n * share, (n + 1) * share), accessMode="update" if n else None)
    except BaseException:  # no half-written GeoPackage that looks like an export
        output.unlink(missing_ok=True)
        raise


def _write_shp(conn, dsn, queries, output: Path, result, progress: Progress, labels) -> None:
    folder = Path(tempfile.mkdtemp(prefix="imis-export-"))
    try:
        share = 100.0 / len(queries)
        for n, layer in enumerate(queries):
            names = short_names([c.name for c in layer.columns])
            _translate(conn, dsn, layer, str(folder / f"{layer.table.name}.shp"), "ESRI Shapefile", layer.table.name,
                       progress.span(n * share, (n + 1) * share), names=names, layerCreationOptions=["ENCODING=UTF-8"])
            if any(short != name for name, short in names.items()):
                path = folder / f"{layer.table.name}_fields.csv"
                with open(path, "w", encoding="utf-8", newline="") as stream:
                    writer = csv.writer(stream)
                    writer.writerow(["shapefile_field", "imis_field", "title"])
                    for column in layer.columns:
                        writer.writerow([names[column.name], column.name, column.header])
                result.field_maps.append(Path(path.name))
        tmp = output.with_suffix(".zip.part")
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.iterdir()):
                archive.write(path, path.name)
        os.replace(tmp, output)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write_csv(conn, dsn, queries, output: Path, result, progress: Progress, labels) -> None:
    if len(queries) == 1 and output.suffix.lower() == ".csv":
        targets = [output]
    else:
        output.mkdir(parents=True, exist_ok=True)
        targets = [output / f"{layer.table.name}.csv" for layer in queries]
    opened = []
    try:
        for n, (layer, path) in enumerate(zip(queries, targets)):
            progress(100.0 * n / len(queries), f"writing {layer.table.name}")
            with conn.cursor() as cur:
                statement = cur.mogrify(sql.SQL("COPY ({}) TO STDOUT WITH (FORMAT csv, HEADER true)").format(
                    layer.select(_pairs(layer))), layer.params).decode("utf-8")
                opened.append(path)
                with open(path, "wb") as stream:
                    cur.copy_expert(statement, stream, size=1 << 20)
    except BaseException:  # no half-written CSV files that look like an export
        for path in opened:
            path.unlink(missing_ok=True)
        raise


def _sheet_kind(column: ExportColumn) -> str:
    if column.base_type in NUMBER_TYPES:
        return "number"
    return {"bool": "bool", "date": "date", "timestamptz": "datetime", "timestamp": "datetime"}.get(column.base_type, "text")


def _write_xlsx(conn, dsn, queries, output: Path, result, progress: Progress, labels) -> None:
    label = sql.Identifier(f"label_{labels}")
    workbook = Workbook(output)
    try:
        share = 100.0 / len(queries)
        for n, layer in enumerate(queries):
            rows = result.rows[layer.table.name]
            if rows > MAX_ROWS:
                raise TransferError(f"{layer.table.name}: {rows:,} rows do not fit in an Excel sheet "
                                    f"({MAX_ROWS:,} at most); export it as GeoPackage or CSV, or filter it.")
            progress(n * share, f"writing {layer.table.name}")
            pairs, kinds = [], []
            for i, column in enumerate(layer.columns):
                expr = column.expr
                if column.code_fk is not None:  # the label people read, the value when a label is missing
                    code = sql.Identifier(column.code_fk.ref_schema, column.code_fk.ref_table)
                    value_column = column.code_fk.ref_columns[column.code_fk.columns.index(column.name)]
                    expr = sql.SQL("coalesce((SELECT c.{l} FROM {code} c WHERE c.{v} = {e} LIMIT 1), {e})").format(
                        l=label, code=code, v=sql.Identifier(value_column), e=column.expr)
                pairs.append((expr, f"c{i}"))
                kinds.append("text" if column.code_fk is not None else _sheet_kind(column))
            query = layer.select(pairs)
            columns = [SheetColumn(c.header, sql.SQL("x.{}").format(sql.Identifier(f"c{i}")), kind)
                       for i, (c, kind) in enumerate(zip(layer.columns, kinds))]
            widths = _widths(conn, query, layer.params, columns)
            workbook.add_sheet(conn, layer.table.name, columns, query, layer.params, widths, rows)
            progress((n + 1) * share, f"{layer.table.name} written")
    except BaseException:
        workbook.zip.close()
        output.unlink(missing_ok=True)
        raise
    workbook.close()


def _widths(conn, query: sql.Composable, params: dict, columns: list[SheetColumn]) -> list[float]:
    """Column widths from the header and the first 1,000 rows (dates 11, capped at 60)."""
    if not columns:
        return []
    lengths = sql.SQL(", ").join(sql.SQL("max(length({}::text))").format(c.expr) for c in columns)
    with conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT {} FROM (SELECT * FROM ({}) x LIMIT 1000) x").format(lengths, query), params)
        sample = cur.fetchone()
    widths = []
    for column, longest in zip(columns, sample):
        longest = 10 if column.kind in ("date", "datetime") else (longest or 0)
        widths.append(min(max(len(column.header) + 3, longest + 2, 8), 60))
    return widths
