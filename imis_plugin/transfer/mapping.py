"""The mapping file: which source layer or sheet goes to which IMIS table, and how fields and values translate.

TOML (``.toml``, read with the standard library) or JSON (``.json``), same structure::

    crs = "EPSG:4326"              # optional: CRS of sources that declare none (CSV/Excel points, .shp without .prj)
    encoding = "utf-8"             # optional: text encoding of CSV files and shapefiles without a .cpg

    [[layer]]
    name = "Surveyed buildings"    # optional, used in messages
    file = "*.gpkg"                # optional glob on the file names given to the import
    source = "buildings"           # layer (GeoPackage, Shapefile, GeoJSON) or sheet (Excel); optional if only one
    target = "building"            # the IMIS table (imis_core / imis_fsm); "imis_core.building" also works

    [layer.fields]                 # IMIS column = source field, or a table with options
    bin = "BIN"
    floor_count = "FLOORS"
    ward_id = "WARD_NO"            # a reference column: the source holds the ward's number (its natural key)
    structure_type = { source = "STRUCT", values = { "Pucca" = "rcc_framed", "Tin" = "cgi_sheet" } }
    code = { source = "OBJECTID", prefix = "R-" }

    [layer.constants]              # the same value for every row
    surveyed_date = 2024-05-01

    [layer.links]                  # link tables through the other table's natural key
    building = { source = "BINS", separator = ";" }

``fields = "*"`` maps every source field whose name is an IMIS column (references as ``<column>_<key>``,
e.g. ``ward_number``; links as ``building_bins``): the form ``imis export`` writes.
Tabular sources (CSV, Excel) give points as ``geometry = { x = "LON", y = "LAT" }`` or any geometry as
``geometry = { wkt = "WKT" }``. Holdings: ``legacy_codes = "flag"`` marks non-standard holding codes as
legacy instead of rejecting them.
"""
from __future__ import annotations

import datetime as dt
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import TransferError

LAYER_KEYS = {"name", "file", "source", "target", "fields", "constants", "links", "key", "geometry", "crs",
              "encoding", "legacy_codes", "optional"}
TOP_KEYS = {"crs", "encoding", "layer", "description"}
FIELD_KEYS = {"source", "values", "prefix"}
LINK_KEYS = {"source", "separator"}
AUTO = "*"


@dataclass
class FieldSpec:
    """One IMIS column filled from a source field (with an optional value map and prefix) or a constant."""

    column: str
    source: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    prefix: str = ""
    constant: Any = None

    @property
    def is_constant(self) -> bool:
        return self.source is None


@dataclass
class LinkSpec:
    """Links to another table (e.g. building) through a source field of its natural keys (e.g. BINs)."""

    table: str
    source: str
    separator: str = ";"


@dataclass
class LayerMapping:
    index: int
    target: str
    name: str = ""
    source: str | None = None
    file: str | None = None
    fields: list[FieldSpec] = field(default_factory=list)
    auto: bool = False  # fields = "*": every source field named like an IMIS column
    links: list[LinkSpec] = field(default_factory=list)
    key: list[str] | None = None
    geometry: dict[str, str] | None = None
    crs: str | None = None
    encoding: str | None = None
    legacy_codes: str = "reject"
    optional: bool = False

    @property
    def label(self) -> str:
        return f"mapping layer {self.index} ({self.name or self.source or self.target})"


@dataclass
class Mapping:
    path: Path
    layers: list[LayerMapping]
    description: str = ""


def _fail(path: Path, message: str):
    raise TransferError(f"Mapping file {path.name}: {message}")


def _constant(value: Any) -> Any:
    # TOML dates/times become ISO text: every value goes through the same SQL casts as source values
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


def _field_spec(path: Path, where: str, column: str, spec: Any) -> FieldSpec:
    if isinstance(spec, str):
        return FieldSpec(column, source=spec)
    if not isinstance(spec, dict):
        _fail(path, f"{where}: field {column} must be a source field name or a table with 'source', not {spec!r}")
    unknown = set(spec) - FIELD_KEYS
    if unknown:
        _fail(path, f"{where}: field {column} has unknown option(s) {', '.join(sorted(unknown))} "
                    f"(known: {', '.join(sorted(FIELD_KEYS))})")
    if not isinstance(spec.get("source"), str):
        _fail(path, f"{where}: field {column} needs 'source' (the source field name)")
    values = spec.get("values", {})
    if not isinstance(values, dict):
        _fail(path, f"{where}: 'values' of field {column} must be a table of source value = IMIS value")
    return FieldSpec(column, source=spec["source"], values={str(k): _constant(v) for k, v in values.items()},
                     prefix=str(spec.get("prefix", "")))


def _link_spec(path: Path, where: str, table: str, spec: Any) -> LinkSpec:
    if isinstance(spec, str):
        return LinkSpec(table, spec)
    if not isinstance(spec, dict) or not isinstance(spec.get("source"), str) or set(spec) - LINK_KEYS:
        _fail(path, f"{where}: link {table} must be a source field name or {{ source = ..., separator = ... }}")
    return LinkSpec(table, spec["source"], str(spec.get("separator", ";")) or ";")


def _layer(path: Path, index: int, raw: Any, defaults: dict) -> LayerMapping:
    where = f"layer {index}"
    if not isinstance(raw, dict):
        _fail(path, f"{where} must be a table ([[layer]])")
    unknown = set(raw) - LAYER_KEYS
    if unknown:
        _fail(path, f"{where}: unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(LAYER_KEYS))})")
    if not isinstance(raw.get("target"), str) or not raw["target"].strip():
        _fail(path, f"{where}: 'target' (the IMIS table, e.g. building) is required")
    layer = LayerMapping(index=index, target=raw["target"].strip(), name=str(raw.get("name", "")),
                         source=raw.get("source"), file=raw.get("file"), crs=raw.get("crs", defaults.get("crs")),
                         encoding=raw.get("encoding", defaults.get("encoding")),
                         optional=bool(raw.get("optional", False)))
    where = layer.label
    fields = raw.get("fields", {})
    constants = raw.get("constants", {})
    if fields == AUTO:
        layer.auto = True
    elif isinstance(fields, dict):
        layer.fields = [_field_spec(path, where, col, spec) for col, spec in fields.items()]
    else:
        _fail(path, f"{where}: 'fields' must be a table of IMIS column = source field, or \"*\"")
    if not isinstance(constants, dict):
        _fail(path, f"{where}: 'constants' must be a table of IMIS column = value")
    layer.fields += [FieldSpec(col, constant=_constant(value)) for col, value in constants.items()]
    links = raw.get("links", {})
    if not isinstance(links, dict):
        _fail(path, f"{where}: 'links' must be a table of other table = source field")
    layer.links = [_link_spec(path, where, table, spec) for table, spec in links.items()]
    key = raw.get("key")
    if key is not None:
        layer.key = [key] if isinstance(key, str) else list(key)
    geometry = raw.get("geometry")
    if geometry is not None:
        if not (isinstance(geometry, dict) and (set(geometry) in ({"x", "y"}, {"wkt"}))):
            _fail(path, f"{where}: 'geometry' must be {{ x = ..., y = ... }} or {{ wkt = ... }}")
        layer.geometry = {k: str(v) for k, v in geometry.items()}
    legacy = raw.get("legacy_codes", "reject")
    if legacy not in ("reject", "flag"):
        _fail(path, f"{where}: legacy_codes must be \"reject\" or \"flag\", not {legacy!r}")
    layer.legacy_codes = legacy
    for name in ("source", "file", "crs", "encoding"):
        value = getattr(layer, name)
        if value is not None and not isinstance(value, str):
            _fail(path, f"{where}: '{name}' must be text")
    return layer


def parse(data: Any, path: Path) -> Mapping:
    """A mapping from already-decoded TOML/JSON data (``path`` names it in messages)."""
    if not isinstance(data, dict):
        _fail(path, "the top level must be a table")
    unknown = set(data) - TOP_KEYS
    if unknown:
        _fail(path, f"unknown top-level key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(TOP_KEYS))})")
    layers = data.get("layer")
    if isinstance(layers, dict):
        layers = [layers]
    if not layers or not isinstance(layers, list):
        _fail(path, "no [[layer]] entries: each says which source goes to which IMIS table")
    defaults = {"crs": data.get("crs"), "encoding": data.get("encoding")}
    return Mapping(path, [_layer(path, i, raw, defaults) for i, raw in enumerate(layers, start=1)],
                   str(data.get("description", "")))


def load(path: str | Path) -> Mapping:
    """Read a mapping file (``.toml`` or ``.json``); a clear TransferError when it cannot be used."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TransferError(f"Mapping file {path} not found.") from None
    except UnicodeDecodeError as exc:
        raise TransferError(f"Mapping file {path.name} is not UTF-8 text ({exc.reason} at byte {exc.start}).") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TransferError(f"Mapping file {path.name} is not valid {'JSON' if path.suffix.lower() == '.json' else 'TOML'}: "
                            f"{exc}") from None
    return parse(data, path)
