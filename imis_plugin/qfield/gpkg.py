"""Writing database rows into the package's GeoPackage and reading field rows back, with OGR.

The same reader computes the row hashes when a package is made and when it comes back, so "changed in
the field" means exactly "reads differently from what was written". Values are normalised to JSON types
(text, numbers, booleans, ISO dates) that PostgreSQL casts back to the column types.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FieldSyncError

ID = "id"
FID = "fid"


def _ogr():
    from osgeo import ogr, osr

    ogr.UseExceptions()
    return ogr, osr


@dataclass
class Column:
    name: str
    udt: str  # PostgreSQL type name: uuid, text, int4, numeric, bool, date, timestamptz, geometry...
    precision: int | None = None
    scale: int | None = None
    not_null: bool = False


@dataclass
class TableInfo:
    table: str
    columns: list[Column]
    geometry: str | None = None
    geometry_type: str | None = None  # MULTIPOLYGON, POINT...
    srid: int | None = None
    defaults: dict = field(default_factory=dict)  # column -> default expression (catalog text)

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


def table_info(cur, table: str) -> TableInfo:
    """Columns (in table order) and geometry of a schema-qualified table, from the catalog."""
    schema, name = table.split(".", 1)
    cur.execute("""
        SELECT a.attname, t.typname,
               CASE WHEN t.typname = 'numeric' AND a.atttypmod > 0 THEN ((a.atttypmod - 4) >> 16) & 65535 END,
               CASE WHEN t.typname = 'numeric' AND a.atttypmod > 0 THEN (a.atttypmod - 4) & 65535 END,
               a.attnotnull
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        WHERE n.nspname = %(schema)s AND c.relname = %(name)s AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum""", {"schema": schema, "name": name})
    columns = [Column(*row) for row in cur.fetchall()]
    if not columns:
        raise FieldSyncError(f"The table {table} does not exist (or this login may not read it).")
    info = TableInfo(table, columns)
    cur.execute("""
        SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d
        JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
        JOIN pg_class c ON c.oid = d.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = %(schema)s AND c.relname = %(name)s""", {"schema": schema, "name": name})
    info.defaults = dict(cur.fetchall())
    cur.execute("SELECT f_geometry_column, type, srid FROM public.geometry_columns "
                "WHERE f_table_schema = %(schema)s AND f_table_name = %(name)s", {"schema": schema, "name": name})
    row = cur.fetchone()
    if row:
        info.geometry, info.geometry_type, info.srid = row
    return info


# --- writing ------------------------------------------------------------------------------------------

_GEOMETRY_TYPES = {"POINT": "wkbPoint", "MULTIPOINT": "wkbMultiPoint", "LINESTRING": "wkbLineString",
                   "MULTILINESTRING": "wkbMultiLineString", "POLYGON": "wkbPolygon",
                   "MULTIPOLYGON": "wkbMultiPolygon"}


def _field_defn(ogr, column: Column):
    udt = column.udt
    if udt in ("int2", "int4"):
        defn = ogr.FieldDefn(column.name, ogr.OFTInteger)
        if udt == "int2":
            defn.SetSubType(ogr.OFSTInt16)
    elif udt == "int8":
        defn = ogr.FieldDefn(column.name, ogr.OFTInteger64)
    elif udt in ("numeric", "float4", "float8"):
        defn = ogr.FieldDefn(column.name, ogr.OFTReal)
        if column.precision:
            defn.SetWidth(column.precision + 1)
            defn.SetPrecision(column.scale or 0)
    elif udt == "bool":
        defn = ogr.FieldDefn(column.name, ogr.OFTInteger)
        defn.SetSubType(ogr.OFSTBoolean)
    elif udt == "date":
        defn = ogr.FieldDefn(column.name, ogr.OFTDate)
    elif udt in ("timestamptz", "timestamp"):
        defn = ogr.FieldDefn(column.name, ogr.OFTDateTime)
    else:  # uuid, text and anything else travel as text
        defn = ogr.FieldDefn(column.name, ogr.OFTString)
    return defn


def select_list(info: TableInfo, columns: tuple[str, ...]) -> tuple[list[str], list[Column]]:
    """SQL expressions (fixed text built from catalog names, quoted) and the attribute columns, in order:
    id, the attributes, then the geometry as WKB."""
    attributes = [info.column(c) for c in columns if c != info.geometry]
    missing = [c for c, col in zip([c for c in columns if c != info.geometry], attributes) if col is None]
    if missing:
        raise FieldSyncError(f"{info.table} has no column {', '.join(missing)}: is the database at the "
                             "schema revision this plugin expects?")
    exprs = ['t."id"::text'] + [f't."{c.name}"' + ("::text" if c.udt == "uuid" else "") for c in attributes]
    if info.geometry and info.geometry in columns:
        exprs.append(f'ST_AsBinary(t."{info.geometry}")')
    return exprs, attributes


class Writer:
    """A GeoPackage being written; layers are added one by one, each in one SQLite transaction."""

    def __init__(self, path: Path, srid: int):
        ogr, osr = _ogr()
        self.ogr = ogr
        self.srs = osr.SpatialReference()
        self.srs.ImportFromEPSG(srid)
        self.ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))

    def add_layer(self, name: str, attributes: list[Column], geometry_type: str | None, rows, *,
                  id_column: bool = True) -> int:
        ogr = self.ogr
        if geometry_type:
            kind = getattr(ogr, _GEOMETRY_TYPES[geometry_type.upper()])
            layer = self.ds.CreateLayer(name, self.srs, kind, options=["FID=fid", "GEOMETRY_NAME=geom"])
        else:
            layer = self.ds.CreateLayer(name, None, ogr.wkbNone, options=["FID=fid"])
        columns = ([Column(ID, "uuid")] if id_column else []) + attributes
        for column in columns:
            layer.CreateField(_field_defn(ogr, column))
        defn = layer.GetLayerDefn()
        setters = [_setter(ogr, c.udt) for c in columns]
        count = 0
        self.ds.StartTransaction()
        for row in rows:
            feature = ogr.Feature(defn)
            for index, (setter, value) in enumerate(zip(setters, row)):
                if value is None:
                    feature.SetFieldNull(index)
                else:
                    setter(feature, index, value)
            if geometry_type and len(row) > len(columns) and row[len(columns)] is not None:
                feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(bytes(row[len(columns)])))
            layer.CreateFeature(feature)
            count += 1
        self.ds.CommitTransaction()
        return count

    def close(self) -> None:
        self.ds = None


def _setter(ogr, udt: str):
    if udt == "bool":
        return lambda f, i, v: f.SetField(i, 1 if v else 0)
    if udt in ("int2", "int4"):
        return lambda f, i, v: f.SetField(i, int(v))
    if udt == "int8":
        return lambda f, i, v: f.SetFieldInteger64(i, int(v))
    if udt in ("numeric", "float4", "float8"):
        return lambda f, i, v: f.SetField(i, float(v))
    if udt == "date":
        return lambda f, i, v: f.SetField(i, v.year, v.month, v.day, 0, 0, 0, 0)
    if udt in ("timestamptz", "timestamp"):
        def set_datetime(f, i, v):
            if v.tzinfo is not None:
                v = v.astimezone(dt.UTC)
            f.SetField(i, v.year, v.month, v.day, v.hour, v.minute, v.second + v.microsecond / 1e6,
                       100 if v.tzinfo is not None else 0)
        return set_datetime
    return lambda f, i, v: f.SetField(i, str(v))


# --- reading ------------------------------------------------------------------------------------------

@dataclass
class FieldRow:
    fid: int
    id: str | None
    values: dict  # column -> JSON value
    wkb: bytes | None
    hash: str
    problem: str | None = None  # a value that cannot be sent to the database


@dataclass
class FieldLayer:
    name: str
    rows: list[FieldRow] = field(default_factory=list)
    kinds: dict = field(default_factory=dict)  # column -> reader kind


def _kind(ogr, defn) -> str:
    t, sub = defn.GetType(), defn.GetSubType()
    if t == ogr.OFTInteger and sub == ogr.OFSTBoolean:
        return "bool"
    return {ogr.OFTInteger: "int", ogr.OFTInteger64: "int64", ogr.OFTReal: "real", ogr.OFTDate: "date",
            ogr.OFTDateTime: "datetime"}.get(t, "text")


def _read_value(feature, index: int, kind: str):
    if not feature.IsFieldSetAndNotNull(index):
        return None
    if kind == "text":
        return feature.GetFieldAsString(index)
    if kind == "bool":
        return bool(feature.GetFieldAsInteger(index))
    if kind == "int":
        return feature.GetFieldAsInteger(index)
    if kind == "int64":
        return feature.GetFieldAsInteger64(index)
    if kind == "real":
        value = feature.GetFieldAsDouble(index)
        if math.isnan(value) or math.isinf(value):
            raise ValueError(f"{value} is not a number the database can store")
        return value
    year, month, day, hour, minute, second, tz = feature.GetFieldAsDateTime(index)
    if kind == "date":
        return f"{year:04d}-{month:02d}-{day:02d}"
    whole = int(second)
    micro = round((second - whole) * 1e6)
    text = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{whole:02d}"
    if micro:
        text += f".{micro:06d}"
    if tz == 100:
        text += "+00:00"
    elif tz > 1:
        offset = (tz - 100) * 15
        sign = "+" if offset >= 0 else "-"
        text += f"{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"
    return text


def row_hash(values: list, wkb: bytes | None) -> str:
    digest = hashlib.sha256(json.dumps(values, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
    digest.update(b"|" + (wkb or b""))
    return digest.hexdigest()[:32]


def open_dataset(path: Path):
    ogr, _ = _ogr()
    try:
        ds = ogr.Open(str(path), 0)
    except RuntimeError as exc:
        raise FieldSyncError(f"{path.name} is not a readable GeoPackage ({exc}).") from None
    if ds is None:
        raise FieldSyncError(f"{path.name} is not a readable GeoPackage.")
    return ds


def read_layer(ds, name: str, columns: tuple[str, ...], geometry: str | None) -> FieldLayer:
    """Every feature of layer `name`: id, the exported columns (normalised) and the 2D geometry as WKB."""
    ogr, _ = _ogr()
    layer = ds.GetLayerByName(name)
    if layer is None:
        raise FieldSyncError(f"The GeoPackage has no layer {name!r}: the package is damaged or not an IMIS package.")
    defn = layer.GetLayerDefn()
    attributes = [c for c in columns if c != geometry]
    indexes = {}
    for column in [ID, *attributes]:
        index = defn.GetFieldIndex(column)
        if index < 0:
            raise FieldSyncError(f"Layer {name!r} of the GeoPackage has no field {column!r}: the package is "
                                 "damaged (a field was removed).")
        indexes[column] = index
    kinds = {c: _kind(ogr, defn.GetFieldDefn(i)) for c, i in indexes.items()}
    result = FieldLayer(name, kinds=kinds)
    with_geometry = bool(geometry) and geometry in columns
    for feature in layer:
        problem = None
        values = {}
        for column in attributes:
            try:
                values[column] = _read_value(feature, indexes[column], kinds[column])
            except ValueError as exc:
                values[column], problem = None, f"{column}: {exc}"
        row_id = _read_value(feature, indexes[ID], "text")
        wkb = None
        if with_geometry:
            geom = feature.GetGeometryRef()
            if geom is not None and not geom.IsEmpty():
                geom = geom.Clone()
                geom.FlattenTo2D()
                wkb = bytes(geom.ExportToIsoWkb())
        ordered = [values[c] for c in attributes]
        result.rows.append(FieldRow(feature.GetFID(), row_id.strip().lower() if row_id else None, values, wkb,
                                    row_hash(ordered, wkb), problem))
    return result
