"""A mapping layer resolved against its source layer and its IMIS table: which staged column fills which
table column, through which value map, code list or reference, and the links to other tables.

Every problem found here is a problem of the mapping or the file as a whole (unknown column, missing source
field, wrong geometry type of the layer, unknown CRS): a TransferError before anything is staged.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import catalog
from .catalog import BOOKKEEPING, Column, ForeignKey, Table
from .errors import TransferError
from .mapping import FieldSpec, LayerMapping, LinkSpec
from .readers import SourceLayer

#: Column types the import can read from text, by pg_type.typname.
SUPPORTED_TYPES = {"int2", "int4", "int8", "numeric", "float4", "float8", "text", "varchar", "bpchar", "bool",
                   "date", "timestamptz", "timestamp", "uuid", "geometry"}
#: Source geometry types (OGR names, flattened) each target geometry type accepts.
ACCEPTED_GEOMETRY = {
    "MULTIPOLYGON": {"Polygon", "MultiPolygon", "CurvePolygon", "MultiSurface"},
    "POLYGON": {"Polygon"},
    "MULTILINESTRING": {"LineString", "MultiLineString", "CompoundCurve", "CircularString", "MultiCurve"},
    "LINESTRING": {"LineString"},
    "POINT": {"Point", "MultiPoint"},
    "MULTIPOINT": {"Point", "MultiPoint"},
}
GEOMETRY_WORD = {"MULTIPOLYGON": "polygons", "POLYGON": "polygons", "MULTILINESTRING": "lines",
                 "LINESTRING": "lines", "POINT": "points", "MULTIPOINT": "points"}
#: The column of a CSV export holding the geometry as EWKT (read back by automatic mappings).
WKT_FIELD = "geometry_wkt"


@dataclass
class Reference:
    """A foreign-key column filled through the referenced table's natural key (ward number, road code...)."""

    fk: ForeignKey
    table: Table
    key: Column
    key_unique: bool


@dataclass
class Field:
    column: Column
    spec: FieldSpec
    staged: str | None = None  # staging column (f1...), None for a constant
    code_fk: ForeignKey | None = None
    reference: Reference | None = None


@dataclass
class Link:
    spec: LinkSpec
    staged: str
    other: Table
    other_key: Column
    link_table: Table
    own_column: str  # link table column pointing at the imported table
    other_column: str  # link table column pointing at the other table


@dataclass
class Plan:
    layer: LayerMapping
    source: SourceLayer
    table: Table
    key: list[str]
    key_unique: bool
    fields: list[Field] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    geometry: Column | None = None
    geometry_source: dict | None = None  # {"gdal": True} | {"x": f, "y": f} | {"wkt": f} (staging columns)
    src_srid: int | None = None
    staged_fields: list[str] = field(default_factory=list)  # source fields to stage

    @property
    def label(self) -> str:
        return f"{self.source.label} -> {self.table.name}"

    def field(self, column: str) -> Field | None:
        return next((f for f in self.fields if f.column.name == column), None)


def _reference(conn, table: Table, fk: ForeignKey, where: str) -> Reference:
    other = catalog.find_table(conn, f"{fk.ref_schema}.{fk.ref_table}", schemas=(fk.ref_schema,))
    key = other.natural_key()
    if not key or len(key) != 1:
        raise TransferError(f"{where}: column {fk.columns[0]} refers to {other.name}, whose rows have no natural key "
                            "to look them up by; it cannot be imported.")
    return Reference(fk, other, other.columns[key[0]], other.is_unique(key))


def reference_field_name(fk: ForeignKey, key: str) -> str:
    """How exports name a reference column: ``ward_id`` -> ``ward_number``, ``outlet_plant_id`` -> ``outlet_plant_code``."""
    return f"{fk.columns[0].removesuffix('_id')}_{key}"


def link_field_name(other: Table, key: str) -> str:
    return f"{other.name}_{key}s"


def find_link(conn, table: Table, other: Table) -> tuple[Table, str, str]:
    """The link table between two tables (e.g. building_holding) and its two columns."""
    with conn.cursor() as cur:
        cur.execute("""
            SELECT n.nspname, c.relname, a1.attname, a2.attname
            FROM pg_constraint f1
            JOIN pg_constraint f2 ON f2.conrelid = f1.conrelid AND f2.contype = 'f' AND f2.oid <> f1.oid
            JOIN pg_class c ON c.oid = f1.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a1 ON a1.attrelid = f1.conrelid AND a1.attnum = f1.conkey[1]
            JOIN pg_attribute a2 ON a2.attrelid = f2.conrelid AND a2.attnum = f2.conkey[1]
            WHERE f1.contype = 'f' AND f1.confrelid = to_regclass(%s) AND f2.confrelid = to_regclass(%s)
              AND cardinality(f1.conkey) = 1 AND cardinality(f2.conkey) = 1
              AND f1.conrelid NOT IN (to_regclass(%s), to_regclass(%s))""",
                    (table.qualified, other.qualified, table.qualified, other.qualified))
        rows = cur.fetchall()
    # a link table holds the two references and nothing else (toilet has ward_id and building_id, but is no link)
    rows = [r for r in rows if _only_columns(conn, r[0], r[1], {r[2], r[3]})]
    if len(rows) != 1:
        raise TransferError(f"No {'single ' if rows else ''}link table between {table.name} and {other.name}: "
                            f"links = {{ {other.name} = ... }} cannot be used for {table.name}.")
    schema, name, own, theirs = rows[0]
    return catalog.find_table(conn, f"{schema}.{name}", schemas=(schema,)), own, theirs


def _only_columns(conn, schema: str, name: str, columns: set[str]) -> bool:
    table = catalog.find_table(conn, f"{schema}.{name}", schemas=(schema,))
    return set(table.columns) - set(BOOKKEEPING) == columns


def _source_field(source: SourceLayer, name: str, where: str) -> str:
    found = source.find_field(name)
    if found is None:
        raise TransferError(f"{where}: {source.label} has no column '{name}'. Its columns: "
                            f"{', '.join(source.fields) or '(none)'}.")
    return found


def _auto_fields(conn, layer: LayerMapping, source: SourceLayer, table: Table) -> tuple[list[FieldSpec], list[LinkSpec], dict | None]:
    """``fields = "*"``: source fields named like the table's columns, references and links (export form)."""
    specs, links, geometry = [], [], None
    explicit = {f.column for f in layer.fields}
    by_reference = {}
    for fk in table.foreign_keys:
        if len(fk.columns) == 1 and not fk.is_code_list:
            ref = catalog.find_table(conn, f"{fk.ref_schema}.{fk.ref_table}", schemas=(fk.ref_schema,))
            key = ref.natural_key()
            if key and len(key) == 1:
                by_reference[reference_field_name(fk, key[0])] = fk.columns[0]
    for full, name in source.named_fields():
        lower = full.lower()
        if lower in table.columns and lower not in BOOKKEEPING and not table.columns[lower].is_geometry:
            column = lower
        elif lower in by_reference:
            column = by_reference[lower]
        elif lower == WKT_FIELD and source.kind != "gdal":
            geometry = {"wkt": name}
            continue
        else:
            link = _auto_link(conn, full, name) if lower.endswith("s") and "_" in lower else None
            if link is not None:
                links.append(link)
            continue
        if column not in explicit:
            specs.append(FieldSpec(column, source=name))
    return specs, links, geometry


def _auto_link(conn, full: str, name: str) -> LinkSpec | None:
    """``building_bins`` -> links to building through its natural key bin (``name``: the actual field)."""
    lower = full.lower()
    for i, char in enumerate(lower):
        if char != "_":
            continue
        try:
            other = catalog.find_table(conn, lower[:i])
        except TransferError:
            continue
        if other.natural_key() == [lower[i + 1:-1]]:
            return LinkSpec(other.name, name)
    return None


def resolve(conn, layer: LayerMapping, source: SourceLayer, city_srid: int) -> Plan:
    """Check a mapping layer against its source layer and IMIS table; TransferError on any mismatch."""
    where = f"{layer.label}, {source.label}"
    table = catalog.find_table(conn, layer.target)
    specs, link_specs, geometry_spec = list(layer.fields), list(layer.links), layer.geometry
    if layer.auto:
        auto_specs, auto_links, auto_geometry = _auto_fields(conn, layer, source, table)
        specs = auto_specs + specs
        link_specs = link_specs or auto_links
        geometry_spec = geometry_spec or auto_geometry
    if not specs and not link_specs:
        raise TransferError(f"{where}: the mapping fills no column of {table.name}.")
    key = layer.key or table.natural_key()
    if not key:
        raise TransferError(f"{where}: {table.name} has no natural key to match rows on; name one with key = [...].")
    unknown_key = [k for k in key if k not in table.columns]
    if unknown_key:
        raise TransferError(f"{where}: key column(s) {', '.join(unknown_key)} are not columns of {table.name}.")
    plan = Plan(layer, source, table, key, table.is_unique(key))
    seen = set()
    for spec in specs:
        column = table.columns.get(spec.column)
        if column is None:
            raise TransferError(f"{where}: {table.name} has no column '{spec.column}'. Its columns: "
                                f"{', '.join(c for c in table.columns if c not in BOOKKEEPING)}.")
        if spec.column in BOOKKEEPING:
            raise TransferError(f"{where}: {spec.column} is kept by the database itself and cannot be imported.")
        if column.is_geometry:
            raise TransferError(f"{where}: the geometry ({spec.column}) comes from the layer's geometry (or, for "
                                "CSV/Excel, from geometry = {{ x = ..., y = ... }} or {{ wkt = ... }}), not from fields.")
        if column.base_type not in SUPPORTED_TYPES:
            raise TransferError(f"{where}: column {spec.column} ({column.sql_type}) cannot be imported from a file.")
        if spec.column in seen:
            raise TransferError(f"{where}: column {spec.column} is filled twice.")
        seen.add(spec.column)
        item = Field(column, spec)
        if not spec.is_constant:
            item.staged = _source_field(source, spec.source, where)
        fk = table.fk_of(spec.column)
        if fk is not None and not fk.is_code_list:
            item.reference = _reference(conn, table, fk, where)
        item.code_fk = table.code_fk_of(spec.column)
        plan.fields.append(item)
    for key_column in key:
        if key_column not in seen:
            raise TransferError(f"{where}: the mapping does not fill {key_column}, the key rows of {table.name} are "
                                "matched on.")
    for spec in link_specs:
        other = catalog.find_table(conn, spec.table)
        other_key = other.natural_key()
        if not other_key or len(other_key) != 1:
            raise TransferError(f"{where}: {other.name} has no single natural key to link by.")
        link_table, own, theirs = find_link(conn, table, other)
        plan.links.append(Link(spec, _source_field(source, spec.source, where), other, other.columns[other_key[0]],
                               link_table, own, theirs))
    _resolve_geometry(plan, geometry_spec, where, city_srid)
    plan.staged_fields = list(dict.fromkeys(
        [f.staged for f in plan.fields if f.staged] + [link.staged for link in plan.links]
        + [v for k, v in (plan.geometry_source or {}).items() if k != "gdal"]))
    return plan


def _resolve_geometry(plan: Plan, spec: dict | None, where: str, city_srid: int) -> None:
    column = plan.table.geometry_column
    source = plan.source
    plan.geometry = column
    if column is None:
        return
    target_type = (column.geometry_type or "GEOMETRY").upper()
    word = GEOMETRY_WORD.get(target_type, "geometries")
    if source.kind == "gdal":
        if spec:
            raise TransferError(f"{where}: 'geometry' is for CSV/Excel sources; {source.path.name} has its own.")
        if source.geometry_type is None:
            if column.not_null:
                raise TransferError(f"{where}: {source.label} has no geometry, and {plan.table.name} needs {word}.")
            plan.geometry = None
            return
        accepted = ACCEPTED_GEOMETRY.get(target_type)
        if accepted and source.geometry_type not in accepted | {"Unknown", "GeometryCollection"}:
            raise TransferError(f"{where}: {source.label} holds {source.geometry_type} geometries, but "
                                f"{plan.table.name} needs {word}. Is it the right layer?")
        if source.srs_wkt is None and not plan.layer.crs:
            raise TransferError(f"{where}: {source.label} does not say which coordinate reference system its "
                                "coordinates are in (no .prj file?). Name it in the mapping, e.g. crs = \"EPSG:4326\".")
        if plan.layer.crs and source.srs_wkt is None:
            _check_crs(plan.layer.crs, where)
        plan.geometry_source = {"gdal": True}
        return
    if not spec:
        if column.not_null:
            raise TransferError(f"{where}: {plan.table.name} needs {word}: give geometry = {{ x = ..., y = ... }} or "
                                "{ wkt = ... } in the mapping.")
        plan.geometry = None
        return
    plan.geometry_source = {k: _source_field(source, v, where) for k, v in spec.items()}
    if "x" in spec and target_type not in ("POINT", "MULTIPOINT"):
        raise TransferError(f"{where}: x/y columns give points, but {plan.table.name} needs {word}.")
    if plan.layer.crs:
        plan.src_srid = _check_crs(plan.layer.crs, where)
    elif "x" in spec:
        raise TransferError(f"{where}: say which coordinate reference system the x/y columns are in, e.g. "
                            "crs = \"EPSG:4326\" for longitude/latitude.")


def _check_crs(crs: str, where: str) -> int:
    text = crs.strip().upper()
    if text.startswith("EPSG:") and text[5:].isdigit():
        return int(text[5:])
    raise TransferError(f"{where}: crs = \"{crs}\" is not understood; write it as \"EPSG:<code>\", e.g. \"EPSG:4326\".")
