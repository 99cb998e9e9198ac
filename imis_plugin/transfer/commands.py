"""The `imis import` and `imis export` commands (registered by imis_plugin.cli)."""
from __future__ import annotations

import signal
import sys
from pathlib import Path

from .errors import TransferError

SHOWN_PROBLEMS = 20


def add_parsers(sub, target_options) -> None:
    p = sub.add_parser("import", help="import municipal data files with a mapping file (validated, one transaction)",
                       description="Import Shapefile, GeoPackage, GeoJSON, CSV or Excel files into IMIS through a "
                                   "mapping file. Every row is checked first; if any row is rejected nothing is "
                                   "written (unless --skip-rejected) and the report lists file, row, field and reason.")
    target_options(p)
    p.add_argument("mapping", metavar="MAPPING", help="the mapping file (.toml or .json), see docs/data_transfer.md")
    p.add_argument("files", metavar="FILE", nargs="+", help="the files to import")
    p.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    p.add_argument("--report", metavar="PATH", help="write rejected/repaired rows to PATH (.csv or .xlsx)")
    p.add_argument("--repair-geometries", action="store_true",
                   help="repair invalid geometries with ST_MakeValid (reported) instead of rejecting them")
    p.add_argument("--skip-rejected", action="store_true",
                   help="load the rows that pass and skip the rejected ones (default: refuse the whole import)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="export IMIS layers to GeoPackage, zipped Shapefile, Excel or CSV",
                       description="Export tables or views with your own database login (what it may not read, "
                                   "it cannot export). Filters are combined with AND.")
    target_options(p)
    p.add_argument("layers", metavar="LAYER", nargs="+", help="tables or views, e.g. building holding imis_app.VIEW")
    p.add_argument("--format", choices=["gpkg", "shp", "xlsx", "csv"],
                   help="output format (default: from the output's extension)")
    p.add_argument("--output", "-o", required=True, metavar="PATH",
                   help="the file (.gpkg, .zip for Shapefiles, .xlsx, .csv; a folder for several CSV layers)")
    p.add_argument("--ward", type=int, metavar="N", help="only what lies in ward number N")
    p.add_argument("--where", action="append", default=[], metavar="FIELD=VALUE",
                   help="attribute filter, repeatable: field=value, field=a,b (any of), field!=value, field>=value, "
                        "field<value, field~text (contains)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first date (YYYY-MM-DD), inclusive")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last date (YYYY-MM-DD), inclusive")
    p.add_argument("--date-field", metavar="FIELD", help="the date --from/--to apply to (default: the layer's first date)")
    p.add_argument("--bbox", metavar="XMIN,YMIN,XMAX,YMAX", help="only what touches this box (city CRS, or --crs)")
    p.add_argument("--area", metavar="FILE", help="only what touches the polygons of this file (any format GDAL reads)")
    p.add_argument("--crs", metavar="EPSG:N", help="CRS of --bbox (default: the city's)")
    p.add_argument("--labels", choices=["en", "bn"], default="en", help="language of code-list labels in Excel")
    p.set_defaults(func=cmd_export)


def _progress(args):
    from ..cli import _progress_bar
    from .progress import Progress

    return Progress(_progress_bar if sys.stderr.isatty() else None)


def _epsg(text: str | None) -> int | None:
    if not text:
        return None
    value = text.strip().upper().removeprefix("EPSG:")
    if not value.isdigit():
        raise TransferError(f"--crs {text!r} is not EPSG:<code>.")
    return int(value)


def cmd_import(args) -> int:
    from ..cli import _target
    from .importer import run_import

    # Ctrl-C: the transaction is rolled back, nothing is written
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        result = run_import(_target(args), args.mapping, args.files, dry_run=args.dry_run,
                            repair_geometries=args.repair_geometries, skip_rejected=args.skip_rejected,
                            report_path=args.report, progress=_progress(args))
    except KeyboardInterrupt:
        raise TransferError("Interrupted: nothing was written.") from None
    print(result.summary())
    if result.problems and not args.report:
        for problem in result.problems[:SHOWN_PROBLEMS]:
            print(f"  {problem.file} row {problem.row} {problem.field}: {problem.outcome}: {problem.reason}"
                  + (f" (value {problem.value!r})" if problem.value not in (None, "") else ""), file=sys.stderr)
        if len(result.problems) > SHOWN_PROBLEMS:
            print(f"  ... and {len(result.problems) - SHOWN_PROBLEMS} more: write them all with --report PATH "
                  "(.csv or .xlsx).", file=sys.stderr)
    elif args.report:
        print(f"Report: {result.report_path} ({len(result.problems)} rows)")
    return 1 if result.refused else 0


def area_from_file(path: str) -> tuple[str, int]:
    """The union of a file's polygons as WKT in EPSG:4326 (so any CRS the file has works)."""
    from osgeo import ogr, osr

    from .readers import open_file

    layers = open_file(Path(path))
    layer_info = layers[0]
    ogr.UseExceptions()
    dataset = ogr.Open(layer_info.gdal_path)
    layer = dataset.GetLayerByName(layer_info.gdal_layer)
    union = None
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if geometry is not None:
            union = geometry.Clone() if union is None else union.Union(geometry)
    if union is None:
        raise TransferError(f"{path}: no geometry to filter by.")
    srs = layer.GetSpatialRef()
    if srs is None:
        raise TransferError(f"{path}: its coordinate reference system is unknown (no .prj?).")
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    union.Transform(osr.CoordinateTransformation(srs, wgs84))
    return union.ExportToWkt(), 4326


def cmd_export(args) -> int:
    from ..cli import _target
    from .export import FORMATS, run_export
    from .filters import Filters, parse_bbox, parse_condition, parse_date

    fmt = args.format or {".zip": "shp", ".shp": "shp"}.get(Path(args.output).suffix.lower(),
                                                            Path(args.output).suffix.lower().lstrip("."))
    if fmt not in FORMATS:
        raise TransferError(f"Say which format to write with --format ({', '.join(FORMATS)}).")
    filters = Filters(ward=args.ward, conditions=[parse_condition(w) for w in args.where],
                      date_from=parse_date(args.date_from, "--from"), date_to=parse_date(args.date_to, "--to"),
                      date_field=args.date_field, bbox=parse_bbox(args.bbox) if args.bbox else None,
                      bbox_srid=_epsg(args.crs))
    if args.area:
        filters.area_wkt, filters.area_srid = area_from_file(args.area)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        result = run_export(_target(args), args.layers, fmt, args.output, filters, labels=args.labels,
                            progress=_progress(args))
    except KeyboardInterrupt:
        raise TransferError("Interrupted.") from None
    for name, rows in result.rows.items():
        print(f"{name}: {rows} rows")
    print(f"Written: {result.output}")
    return 0

