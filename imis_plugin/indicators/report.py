"""The KPI summary PDF: a QGIS print layout with an atlas over the city and each of its wards.

Every atlas page pair shows, for its area: a map (wards shaded by SF-1a, buildings, the area outlined) and
the indicator table (page 1), the excreta-flow figure and a bar chart of the indicators (page 2). The
city comes first, then the wards in number order. Needs a running QgsApplication (offscreen is fine).
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from ..db.connect import transaction
from .charts import excreta_flow_png, indicator_bars_png
from .engine import RULE_LABELS, RULES, Area, IndicatorError, Period, compute

Progress = Callable[[float, str], None]
PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, mm


def _geometries(dsn: str) -> tuple[int, str, list[tuple[int, str, str]]]:
    """(srid, city WKT, [(ward number, name, WKT)])."""
    with transaction(dsn, IndicatorError) as conn, conn.cursor() as cur:
        cur.execute("SELECT srid, ST_AsText(coalesce(boundary, "
                    "(SELECT ST_Multi(ST_Union(geom)) FROM imis_core.ward))) FROM imis_core.city")
        srid, city = cur.fetchone()
        cur.execute("SELECT number, coalesce(name, 'Ward ' || number), ST_AsText(geom) FROM imis_core.ward "
                    "ORDER BY number")
        return srid, city, cur.fetchall()


def _memory_layers(srid: int):
    from qgis.core import QgsField, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    areas = QgsVectorLayer(f"MultiPolygon?crs=EPSG:{srid}", "Report areas", "memory")
    areas.dataProvider().addAttributes([
        QgsField("sort", QVariant.Int), QgsField("kind", QVariant.String), QgsField("code", QVariant.String),
        QgsField("title", QVariant.String), QgsField("sf_1a", QVariant.Double), QgsField("flow", QVariant.String),
        QgsField("bars", QVariant.String)])
    areas.updateFields()
    values = QgsVectorLayer("None", "Report values", "memory")
    values.dataProvider().addAttributes([
        QgsField("area_code", QVariant.String), QgsField("sort", QVariant.Int), QgsField("label", QVariant.String),
        QgsField("name", QVariant.String), QgsField("value", QVariant.String), QgsField("target", QVariant.String),
        QgsField("note", QVariant.String)])
    values.updateFields()
    return areas, values


def _text_format(size: float, bold: bool = False):
    from qgis.core import QgsTextFormat
    from qgis.PyQt.QtGui import QFont

    fmt = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    return fmt


def _label(layout, text: str, x: float, y: float, w: float, h: float, size: float, bold=False, page=0):
    from qgis.core import QgsLayoutItemLabel, QgsLayoutPoint, QgsLayoutSize

    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    font = _text_format(size, bold).font()
    font.setPointSizeF(size)
    label.setFont(font)  # 3.22 API; later versions prefer text formats
    layout.addLayoutItem(label)
    label.attemptResize(QgsLayoutSize(w, h))
    label.attemptMove(QgsLayoutPoint(x, y), page=page)
    return label


def _picture(layout, field: str, x: float, y: float, w: float, h: float, page: int):
    from qgis.core import QgsLayoutItemPicture, QgsLayoutObject, QgsLayoutPoint, QgsLayoutSize, QgsProperty

    picture = QgsLayoutItemPicture(layout)
    picture.setResizeMode(QgsLayoutItemPicture.Zoom)
    picture.dataDefinedProperties().setProperty(QgsLayoutObject.PictureSource, QgsProperty.fromField(field))
    layout.addLayoutItem(picture)
    picture.attemptResize(QgsLayoutSize(w, h))
    picture.attemptMove(QgsLayoutPoint(x, y), page=page)
    return picture


def _style(areas_display, buildings):
    from qgis.core import QgsFillSymbol, QgsProperty, QgsSimpleFillSymbolLayer, QgsSingleSymbolRenderer

    symbol = QgsFillSymbol.createSimple({"color": "200,230,201,255", "outline_color": "60,60,60,255",
                                         "outline_width": "0.3"})
    layer = symbol.symbolLayer(0)
    layer.setDataDefinedProperty(QgsSimpleFillSymbolLayer.PropertyFillColor, QgsProperty.fromExpression(
        "if(\"sf_1a\" IS NULL, '#eeeeee', ramp_color('Greens', 0.15 + 0.7 * \"sf_1a\" / 100))"))
    layer.setDataDefinedProperty(QgsSimpleFillSymbolLayer.PropertyStrokeWidth, QgsProperty.fromExpression(
        "if(\"code\" = attribute(@atlas_feature, 'code'), 1.2, 0.3)"))
    areas_display.setRenderer(QgsSingleSymbolRenderer(symbol))
    if buildings is not None:
        buildings.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "120,120,120,160", "outline_style": "no"})))


def build_pdf(dsn: str, period: Period, path, rule: str = "city", include_buildings: bool = True,
              progress: Progress | None = None, workdir=None, is_cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the report of ``period`` (city and every ward, figures under ``rule``) to ``path``."""
    from qgis.core import (
        QgsDataSourceUri,
        QgsFeature,
        QgsGeometry,
        QgsLayoutExporter,
        QgsLayoutFrame,
        QgsLayoutItemAttributeTable,
        QgsLayoutItemMap,
        QgsLayoutItemPage,
        QgsLayoutMultiFrame,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsLayoutTable,
        QgsLayoutTableColumn,
        QgsPrintLayout,
        QgsProject,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QRectF

    if rule not in RULES:
        raise IndicatorError(f"rule {rule!r} is not {' or '.join(RULES)}")
    report = progress or (lambda pct, msg: None)
    cancelled = is_cancelled or (lambda: False)
    work = Path(workdir or tempfile.mkdtemp(prefix="imis-report-"))
    srid, city_wkt, ward_rows = _geometries(dsn)
    areas = [("city", "city", None, city_wkt, Area.city())] + [
        ("ward", str(n), name, wkt, Area.ward(n)) for n, name, wkt in ward_rows]
    layer, values = _memory_layers(srid)
    features, value_features, city_name = [], [], ""
    for i, (kind, code, name, wkt, area) in enumerate(areas):
        if cancelled():
            raise IndicatorError("cancelled")
        report(80.0 * i / len(areas), f"computing {area.label}")
        result = compute(dsn, period, area, rules=(rule,), with_flows=True)
        city_name = result.city
        title = f"{result.city}: whole city" if kind == "city" else f"{result.city}: {name}"
        flow = excreta_flow_png(result.flows, work / f"flow_{kind}_{code}.png",
                                f"Excreta flow, {title}, {period.label}")
        bars = indicator_bars_png(result.rows, work / f"bars_{kind}_{code}.png", f"Indicators ({rule} rule)", rule)
        sf_1a = next((r.value for r in result.rows if r.indicator == "sf_1a" and r.rule == rule), None)
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([i, kind, code, title, sf_1a, str(flow), str(bars)])
        features.append(feature)
        for row in result.rows:
            note = row.reason or ""
            value_feature = QgsFeature(values.fields())
            value_feature.setAttributes([code, row.sort, row.label, row.name, row.value_text(),
                                         "" if row.target is None else f"{row.target:g}", note])
            value_features.append(value_feature)
    layer.dataProvider().addFeatures(features)
    values.dataProvider().addFeatures(value_features)

    project = QgsProject()
    wards_display = QgsVectorLayer(f"MultiPolygon?crs=EPSG:{srid}", "Wards", "memory")
    wards_display.dataProvider().addAttributes(layer.fields().toList())
    wards_display.updateFields()
    wards_display.dataProvider().addFeatures([f for f in features if f["kind"] == "ward"] or features)
    buildings = None
    if include_buildings:
        uri = QgsDataSourceUri(dsn)
        uri.setDataSource("imis_core", "building", "geom", "", "id")
        buildings = QgsVectorLayer(uri.uri(False), "Buildings", "postgres")
        if not buildings.isValid():
            buildings = None
    _style(wards_display, buildings)
    project.addMapLayers([layer, values, wards_display] + ([buildings] if buildings else []))

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("IMIS KPI summary")
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H))
    second = QgsLayoutItemPage(layout)
    second.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H))
    layout.pageCollection().addPage(second)
    subtitle = f"{period.label} ({period.date_from} to {period.date_to}) - {RULE_LABELS[rule]}"
    for p in (0, 1):
        _label(layout, '[% "title" %]', 10, 6, 277, 9, 14, bold=True, page=p)
        _label(layout, subtitle + ("" if p == 0 else " - excreta flow and indicators"), 10, 15, 277, 6, 8, page=p)

    atlas = layout.atlas()
    atlas.setCoverageLayer(layer)
    atlas.setEnabled(True)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"sort"')

    map_item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(map_item)
    map_item.attemptResize(QgsLayoutSize(140, 175))
    map_item.attemptMove(QgsLayoutPoint(10, 24), page=0)
    map_item.setLayers([lyr for lyr in (buildings, wards_display) if lyr is not None])
    map_item.setKeepLayerSet(True)
    map_item.setCrs(layer.crs())
    map_item.zoomToExtent(layer.extent())  # keeps the item's size (setExtent would reshape it)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(0.08)
    map_item.setFrameEnabled(True)

    table = QgsLayoutItemAttributeTable.create(layout)
    table.setVectorLayer(values)
    table.setFilterFeatures(True)
    table.setFeatureFilter("\"area_code\" = attribute(@atlas_feature, 'code')")
    table.setMaximumNumberOfFeatures(200)
    columns = []
    for heading, attribute, width in (("Indicator", "label", 20), ("Name", "name", 52), ("Value", "value", 16),
                                      ("Target", "target", 9), ("Why empty", "note", 22)):
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(attribute)
        column.setWidth(width)
        columns.append(column)
    table.setColumns(columns)
    table.setHeaderTextFormat(_text_format(6.5, bold=True))
    table.setContentTextFormat(_text_format(5.5))
    table.setWrapBehavior(QgsLayoutTable.WrapText)
    table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)
    layout.addMultiFrame(table)
    table.setCellMargin(0.8)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(155, 24, 135, 178))
    table.addFrame(frame)
    # rows that do not fit (long reasons wrap) continue on the second page, under the excreta flow
    overflow = QgsLayoutFrame(layout, table)
    overflow.attemptSetSceneRect(QRectF(10, PAGE_H + layout.pageCollection().spaceBetweenPages() + 128, 180, 70))
    table.addFrame(overflow)

    _picture(layout, "flow", 10, 24, 180, 100, page=1)
    _picture(layout, "bars", 195, 24, 92, 175, page=1)
    _label(layout, f"IMIS - {city_name} - definitions in docs/indicators.md", 10, 202, 180, 5, 6, page=1)

    report(85.0, "writing the PDF")
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 150
    settings.rasterizeWholeImage = False
    path = Path(path)
    result, error = QgsLayoutExporter.exportToPdf(atlas, str(path), settings)
    if result != QgsLayoutExporter.Success:
        raise IndicatorError(f"writing the PDF report {path} failed: {error or result}")
    report(100.0, f"report written to {path}")
    return path
