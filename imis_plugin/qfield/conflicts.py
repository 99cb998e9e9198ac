"""What an import did not apply, for the people who resolve it: an Excel (or CSV) report with one line per
differing field of each conflict and one per rejected row, and a GeoPackage with both versions of every
conflicting row (office and field) on the map."""
from __future__ import annotations

import csv
import datetime as dt
import decimal
from pathlib import Path

from .gpkg import open_dataset

COLUMNS = ["layer", "table", "row id", "label", "outcome", "field action", "reason", "field", "office value",
           "field value"]
SIDE = "version"


def default_paths(source: Path, report, conflicts) -> tuple[Path, Path]:
    """Next to the returned package unless named: <package>_import_<time>.xlsx and ..._conflicts.gpkg."""
    stamp = dt.datetime.now().strftime("%Y%m%d_%H%M%S")
    base = source.parent / f"{source.stem if source.is_file() else source.name}_import_{stamp}"
    return (Path(report) if report else base.with_suffix(".xlsx"),
            Path(conflicts) if conflicts else base.with_name(base.name + "_conflicts.gpkg"))


def _comparable(value):
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and len(value) >= 19 and value[10:11] == "T":
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (float, decimal.Decimal)):  # 9.000 and 9.0 read the same: 9
        number = decimal.Decimal(repr(value)) if isinstance(value, float) else value
        return format(number.normalize(), "f")
    return str(value)


def lines(result) -> list[list]:
    rows = []
    for issue in result.issues:
        head = [issue.layer, issue.table, issue.row_id, issue.label, issue.outcome, issue.action, issue.reason]
        differing = []
        if issue.outcome == "conflict" and issue.office is not None and issue.field_row is not None:
            for column in result.columns.get(issue.layer, ()):
                if column in issue.field_row.values:
                    office, field_value = issue.office.get(column), issue.field_row.values.get(column)
                    if _comparable(office) != _comparable(field_value):
                        differing.append([column, _text(office), _text(field_value)])
            if (issue.office.get("wkb") or None) != (issue.field_row.wkb or None):
                differing.append(["geometry", "(office shape)", "(field shape)"])
        elif issue.outcome == "conflict" and issue.office is None:
            differing.append(["", "(no row)", "(edited)" if issue.field_row else "(deleted)"])
        elif issue.outcome == "conflict" and issue.field_row is None:
            differing.append(["", f"(version {issue.office.get('row_version')} by {issue.office.get('changed_by')})",
                              "(deleted)"])
        for diff in differing or [["", "", ""]]:
            rows.append(head + diff)
    return rows


def write_report(path: Path, result) -> Path:
    """The issues as .xlsx (default) or .csv (UTF-8 with BOM, so Excel shows Bangla)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = lines(result)
    if path.suffix.lower() == ".csv":
        with open(path, "w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(COLUMNS)
            writer.writerows(data)
        return path
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "not applied"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in data:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJ", (16, 22, 38, 16, 10, 10, 60, 18, 24, 24)):
        sheet.column_dimensions[letter].width = width
    summary = workbook.create_sheet("summary")
    summary.append(["layer", "new", "changed", "deleted", "unchanged", "conflicts", "rejected"])
    for cell in summary[1]:
        cell.font = Font(bold=True)
    for layer, c in result.counts.items():
        summary.append([layer, c.inserted, c.updated, c.deleted, c.unchanged, c.conflicts, c.rejected])
    summary.append([])
    summary.append([f"package {result.package_id}, field user {result.field_user}"])
    workbook.save(path)
    return path


def write_conflicts_layer(path: Path, result, returned_gpkg: Path) -> Path:
    """conflicts_<layer> layers: each conflicting row twice, `version` = office / field, same fields as the
    package, plus the office row's version, author and time."""
    from osgeo import ogr

    ogr.UseExceptions()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    source = open_dataset(returned_gpkg)
    target = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    try:
        for name in sorted({i.layer for i in result.conflicts}):
            issues = [i for i in result.conflicts if i.layer == name]
            original = source.GetLayerByName(name)
            srs = original.GetSpatialRef()
            layer = target.CreateLayer(f"conflicts_{name}", srs, original.GetGeomType(),
                                       options=["FID=fid", "GEOMETRY_NAME=geom"])
            extra = [(SIDE, ogr.OFTString), ("row_id", ogr.OFTString), ("reason", ogr.OFTString),
                     ("office_row_version", ogr.OFTInteger), ("office_changed_by", ogr.OFTString),
                     ("office_updated_at", ogr.OFTString)]
            for field_name, kind in extra:
                layer.CreateField(ogr.FieldDefn(field_name, kind))
            columns = [c for c in result.columns[name] if original.GetLayerDefn().GetFieldIndex(c) >= 0]
            for column in columns:
                layer.CreateField(original.GetLayerDefn().GetFieldDefn(original.GetLayerDefn().GetFieldIndex(column)))
            defn = layer.GetLayerDefn()
            target.StartTransaction()
            for issue in issues:
                sides = []
                if issue.office is not None:
                    sides.append(("office", issue.office, issue.office.get("wkb")))
                if issue.field_row is not None:
                    sides.append(("field", issue.field_row.values, issue.field_row.wkb))
                for side, values, wkb in sides:
                    feature = ogr.Feature(defn)
                    feature.SetField(SIDE, side)
                    feature.SetField("row_id", issue.row_id)
                    feature.SetField("reason", issue.reason)
                    if issue.office is not None:
                        feature.SetField("office_row_version", int(issue.office["row_version"]))
                        feature.SetField("office_changed_by", str(issue.office["changed_by"]))
                        feature.SetField("office_updated_at", _text(issue.office["updated_at"]))
                    for column in columns:
                        _set(feature, column, values.get(column))
                    if wkb:
                        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(bytes(wkb)))
                    layer.CreateFeature(feature)
            target.CommitTransaction()
    finally:
        target = None
        source = None
    return path


def _set(feature, column: str, value) -> None:
    if value is None:
        feature.SetFieldNull(column)
    elif isinstance(value, bool):
        feature.SetField(column, 1 if value else 0)
    elif isinstance(value, (int, float)):
        feature.SetField(column, value)
    elif isinstance(value, decimal.Decimal):
        feature.SetField(column, float(value))
    else:
        feature.SetField(column, _text(value))  # OGR parses ISO dates and times into date fields
