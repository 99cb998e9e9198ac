"""Finding IMIS layers in a project, selecting rows by id, zooming to and flashing geometries."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
)

from ..project.builder import DATABASE_VARIABLE, TABLE_PROPERTY


def find_layer(table: str, project: QgsProject | None = None):
    """The project layer showing `table` (schema.table), as tagged by the project builder."""
    project = project or QgsProject.instance()
    for layer in project.mapLayers().values():
        if layer.customProperty(TABLE_PROPERTY) == table:
            return layer
    return None


def project_database(project: QgsProject | None = None) -> str | None:
    """The database an IMIS project was built from (its `imis_database` variable), if any."""
    from qgis.core import QgsExpressionContextUtils

    project = project or QgsProject.instance()
    scope = QgsExpressionContextUtils.projectScope(project)
    value = scope.variable(DATABASE_VARIABLE)
    return str(value) if value else None


def id_filter(ids) -> str:
    """`"id" IN ('…', …)` with every value quoted by QGIS (the PostGIS provider runs it server-side)."""
    return '"id" IN (' + ", ".join(QgsExpression.quotedValue(str(i)) for i in ids) + ")"


def select_ids(table: str, ids, project: QgsProject | None = None) -> int:
    """Select the rows of `table` with these ids in its project layer; returns how many are selected."""
    layer = find_layer(table, project)
    if layer is None:
        return 0
    ids = list(ids)
    if not ids:
        layer.removeSelection()
        return 0
    layer.selectByExpression(id_filter(ids))
    return layer.selectedFeatureCount()


def zoom_and_flash(canvas, srid: int | None, extent=None, wkts=(), margin: float = 0.25) -> bool:
    """Zoom the canvas to `extent` [xmin, ymin, xmax, ymax] (city SRID) and flash the geometries."""
    if canvas is None or not extent:
        return False
    source = QgsCoordinateReferenceSystem(f"EPSG:{srid}") if srid else canvas.mapSettings().destinationCrs()
    transform = QgsCoordinateTransform(source, canvas.mapSettings().destinationCrs(), QgsProject.instance())
    rect = QgsRectangle(*extent)
    size = max(rect.width(), rect.height(), 40.0)  # a single small building still shows its street
    rect = QgsRectangle(
        rect.center().x() - size / 2,
        rect.center().y() - size / 2,
        rect.center().x() + size / 2,
        rect.center().y() + size / 2,
    ).buffered(size * margin)
    canvas.setExtent(transform.transformBoundingBox(rect))
    canvas.refresh()
    geometries = [QgsGeometry.fromWkt(w) for w in wkts if w]
    if geometries:
        canvas.flashGeometries(geometries, source)
    return True
