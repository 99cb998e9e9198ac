"""Opening source files and describing their layers: GeoPackage, Shapefile (also zipped), GeoJSON through
GDAL/OGR; CSV (decoded here, parsed by PostgreSQL's COPY) and Excel through openpyxl.

Only metadata is read here (layers, fields, geometry type, CRS, encoding); :mod:`.staging` moves the rows.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import TransferError

GDAL_SUFFIXES = {".gpkg": "GPKG", ".shp": "ESRI Shapefile", ".geojson": "GeoJSON", ".json": "GeoJSON",
                 ".zip": None}
CSV_SUFFIXES = {".csv", ".txt"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}


@dataclass
class SourceLayer:
    """One layer of a file (or the sheet of a workbook, or a CSV file)."""

    path: Path
    name: str  # layer / sheet name (for Shapefile, GeoJSON and CSV the file's stem)
    kind: str  # gdal | csv | excel
    fields: list[str] = field(default_factory=list)
    geometry_type: str | None = None  # OGR's flattened name: Polygon, MultiPoint, Unknown...; None: no geometry
    srs_wkt: str | None = None
    feature_count: int | None = None
    gdal_path: str = ""  # what GDAL opens (/vsizip/... for zipped shapefiles)
    gdal_layer: str = ""  # the layer's name inside the dataset
    open_options: list[str] = field(default_factory=list)
    encoding: str = "utf-8"
    delimiter: str = ","
    aliases: dict[str, str] = field(default_factory=dict)  # full name -> field (Shapefile field-name maps)

    @property
    def label(self) -> str:
        return f"{self.path.name}" + (f" layer {self.name}" if self.kind != "csv" and self.name != self.path.stem else "")

    def find_field(self, name: str) -> str | None:
        """The source field a mapping names: exact, else its full name from a Shapefile field-name map, else the
        one field equal ignoring case."""
        if name in self.fields:
            return name
        if name in self.aliases:
            return self.aliases[name]
        same = [f for f in self.fields if f.lower() == name.lower()]
        return same[0] if len(same) == 1 else None

    def named_fields(self) -> list[tuple[str, str]]:
        """(name, field) pairs: Shapefile fields under their full names when a field-name map says them."""
        full = {short: name for name, short in self.aliases.items()}
        return [(full.get(f, f), f) for f in self.fields]


def _gdal():
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    ogr.UseExceptions()
    return gdal, ogr


class GdalMessages:
    """Collects GDAL warnings and errors while active (GDAL reports recoding problems only as warnings)."""

    def __init__(self):
        self.messages: list[str] = []

    def __enter__(self):
        gdal, _ = _gdal()
        gdal.PushErrorHandler(self._handler)
        return self

    def _handler(self, level, number, message):
        if level >= 2:  # warnings and errors
            self.messages.append(str(message).strip())

    def __exit__(self, *exc):
        gdal, _ = _gdal()
        gdal.PopErrorHandler()
        return False

    def encoding_problems(self) -> list[str]:
        return [m for m in self.messages if "recode" in m.lower() or "utf-8" in m.lower() or "encoding" in m.lower()]


def open_file(path: Path, encoding: str | None = None) -> list[SourceLayer]:
    """The layers of a source file; TransferError for a missing, unreadable or unsupported file."""
    path = Path(path)
    if not path.exists():
        raise TransferError(f"{path}: file not found.")
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return [_csv_layer(path, encoding or "utf-8")]
    if suffix in EXCEL_SUFFIXES:
        return _excel_layers(path)
    if suffix in GDAL_SUFFIXES:
        return _gdal_layers(path, encoding)
    if suffix == ".xls":
        raise TransferError(f"{path.name}: old Excel .xls files are not read; save the workbook as .xlsx.")
    raise TransferError(f"{path.name}: unsupported file type {suffix or '(none)'}; IMIS imports GeoPackage (.gpkg), "
                        "Shapefile (.shp or a .zip holding one), GeoJSON (.geojson), CSV (.csv) and Excel (.xlsx).")


# --- GDAL ---------------------------------------------------------------------------------------------


def _gdal_layers(path: Path, encoding: str | None) -> list[SourceLayer]:
    gdal, ogr = _gdal()
    gdal_path = str(path)
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as archive:
                shapefiles = [n for n in archive.namelist() if n.lower().endswith(".shp")]
        except zipfile.BadZipFile:
            raise TransferError(f"{path.name}: not a valid zip file (damaged or incomplete download?).") from None
        if not shapefiles:
            raise TransferError(f"{path.name}: the zip file holds no shapefile (.shp).")
        gdal_path = f"/vsizip/{path}"
    open_options = []
    if encoding and path.suffix.lower() in (".shp", ".zip"):
        open_options.append(f"ENCODING={encoding}")
    with GdalMessages() as messages:
        try:
            dataset = gdal.OpenEx(gdal_path, gdal.OF_VECTOR | gdal.OF_READONLY, open_options=open_options)
        except RuntimeError as exc:
            dataset = None
            messages.messages.append(str(exc))
    if dataset is None or dataset.GetLayerCount() == 0:
        why = "; ".join(dict.fromkeys(messages.messages)) or "GDAL recognises no vector data in it"
        raise TransferError(f"{path.name}: cannot read the file ({why}). Is it damaged or of another format?")
    layers = []
    for i in range(dataset.GetLayerCount()):
        layer = dataset.GetLayerByIndex(i)
        defn = layer.GetLayerDefn()
        geom_type = None
        if defn.GetGeomFieldCount() > 0:
            flat = ogr.GT_Flatten(layer.GetGeomType())
            if flat == ogr.wkbUnknown:
                geom_type = "Unknown"
            elif flat != ogr.wkbNone:
                geom_type = ogr.GeometryTypeToName(flat).replace(" ", "")
        srs = layer.GetSpatialRef()
        try:
            count = layer.GetFeatureCount()
        except RuntimeError as exc:
            raise TransferError(f"{path.name} layer {layer.GetName()}: cannot read it ({exc}).") from None
        name = layer.GetName()
        if path.suffix.lower() in (".shp", ".geojson", ".json"):
            name = path.stem
        aliases = _field_map(path, name) if path.suffix.lower() in (".shp", ".zip") else {}
        layers.append(SourceLayer(path, name, "gdal", [defn.GetFieldDefn(j).GetName() for j in range(defn.GetFieldCount())],
                                  geom_type, srs.ExportToWkt() if srs else None, count, gdal_path, layer.GetName(),
                                  open_options, encoding or "utf-8", aliases=aliases))
    return layers


def _field_map(path: Path, layer: str) -> dict[str, str]:
    """The ``<layer>_fields.csv`` an IMIS Shapefile export writes beside (or in the zip with) the .shp:
    full IMIS field name -> the 10-character Shapefile name."""
    name = f"{layer}_fields.csv"
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                member = next((n for n in archive.namelist() if Path(n).name.lower() == name.lower()), None)
                text = archive.read(member).decode("utf-8") if member else None
        else:
            sibling = path.with_name(name)
            text = sibling.read_text(encoding="utf-8") if sibling.exists() else None
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile):
        return {}
    if not text:
        return {}
    rows = list(csv.DictReader(io.StringIO(text)))
    return {r["imis_field"]: r["shapefile_field"] for r in rows if r.get("imis_field") and r.get("shapefile_field")}


# --- CSV ---------------------------------------------------------------------------------------------


def _decode_error(path: Path, encoding: str, exc: UnicodeDecodeError, data: bytes) -> TransferError:
    line = data.count(b"\n", 0, exc.start) + 1
    return TransferError(
        f"{path.name}: line {line} is not valid {encoding} text (byte 0x{data[exc.start]:02x}): the file has another "
        f"encoding. Save it as UTF-8, or name its encoding in the mapping (for example encoding = \"cp1252\").")


def read_text(path: Path, encoding: str) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding)
    except UnicodeDecodeError as exc:
        raise _decode_error(path, encoding, exc, data) from None
    except LookupError:
        raise TransferError(f"{path.name}: unknown encoding {encoding!r} in the mapping.") from None


def _csv_layer(path: Path, encoding: str) -> SourceLayer:
    text = read_text(path, encoding)
    first = text.split("\n", 1)[0]
    if not first.strip():
        raise TransferError(f"{path.name}: the first line must name the columns, and it is empty.")
    delimiter = max((",", ";", "\t"), key=first.count)
    header = next(csv.reader(io.StringIO(first), delimiter=delimiter))
    fields = [h.strip() for h in header]
    _check_header(path, fields)
    rows = max(text.count("\n") - (0 if text.endswith("\n") else -1) - 1, 0)
    return SourceLayer(path, path.stem, "csv", fields, None, None, rows, encoding=encoding, delimiter=delimiter)


def _check_header(path: Path, fields: list[str], sheet: str = "") -> None:
    where = f"{path.name}{' sheet ' + sheet if sheet else ''}"
    blank = [i + 1 for i, f in enumerate(fields) if not f]
    if blank:
        raise TransferError(f"{where}: column {blank[0]} of the header row has no name.")
    seen = set()
    for f in fields:
        if f.lower() in seen:
            raise TransferError(f"{where}: the header names column '{f}' twice.")
        seen.add(f.lower())


# --- Excel -------------------------------------------------------------------------------------------


def _open_workbook(path: Path):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TransferError(f"{path.name}: cannot read the workbook ({exc or type(exc).__name__}). "
                            "Is it damaged, or not an .xlsx file?") from None


def _excel_layers(path: Path) -> list[SourceLayer]:
    workbook = _open_workbook(path)
    layers = []
    try:
        for sheet in workbook.worksheets:
            header = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), None)
            if not header or all(v is None for v in header):
                continue
            while header and header[-1] is None:
                header = header[:-1]
            fields = ["" if v is None else str(v).strip() for v in header]
            _check_header(path, fields, sheet.title)
            layers.append(SourceLayer(path, sheet.title, "excel", fields, None, None,
                                      max((sheet.max_row or 1) - 1, 0)))
    finally:
        workbook.close()
    if not layers:
        raise TransferError(f"{path.name}: no sheet has a header row.")
    return layers


def cell_text(value) -> str | None:
    """An Excel cell as the text the SQL casts read (dates ISO, whole numbers without .0)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    text = str(value)
    return text if text.strip() else None


def excel_rows(source: SourceLayer):
    """The data rows of a sheet as lists of text, with their sheet row numbers."""
    workbook = _open_workbook(source.path)
    try:
        sheet = workbook[source.name]
        width = len(source.fields)
        for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
            cells = [cell_text(v) for v in row[:width]]
            if all(c is None for c in cells):
                continue
            yield number, cells + [None] * (width - len(cells))
    finally:
        workbook.close()
