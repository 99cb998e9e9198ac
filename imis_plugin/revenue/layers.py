"""Due-status map layers, straight from the app schema's views: holding tax per building, water
connections, solid-waste service per ward. Colours say the status: paid green, due amber, overdue red."""
from __future__ import annotations

#: service -> (view, geometry type, field that carries the status, layer name)
SERVICES = {
    "holding_tax": ("building_tax_due", "MultiPolygon", "status", "Holding tax due status per building"),
    "water": ("water_connection_status", "Point", "status", "Water connections payment status"),
    "solid_waste": ("swm_ward_status", "MultiPolygon", "paid_last_month_pct", "Solid waste service per ward"),
}

#: status -> (colour, English label); the order is the legend's
STATUS_COLOURS = {
    "paid": ("46,160,67", "Paid (nothing due)"),
    "due": ("240,180,20", "Due, not yet overdue"),
    "overdue": ("215,40,40", "Overdue"),
    "not_billed": ("150,150,150", "Not billed"),
    "no_holding": ("225,225,225", "No holding"),
}


def due_status_layer(dsn: str, service: str, srid: int, ward: int | None = None):
    """A styled PostGIS layer of one service's status view (optionally one ward)."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsDataSourceUri,
        QgsGraduatedSymbolRenderer,
        QgsRendererCategory,
        QgsRendererRange,
        QgsSymbol,
        QgsVectorLayer,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtGui import QColor

    if service not in SERVICES:
        raise ValueError(f"service {service!r} is not one of {', '.join(SERVICES)}")
    view, geometry_type, field, name = SERVICES[service]
    uri = QgsDataSourceUri(dsn)
    where = f'"ward" = {int(ward)}' if ward is not None else ""  # an int and nothing else goes into the filter
    uri.setDataSource("imis_app", view, "geom", where, "id")
    uri.setSrid(str(srid))
    uri.setWkbType(QgsWkbTypes.parseType(geometry_type))
    uri.setParam("checkPrimaryKeyUnicity", "0")
    layer = QgsVectorLayer(uri.uri(False), name if ward is None else f"{name}, ward {ward}", "postgres")
    if not layer.isValid():
        return layer
    if service == "solid_waste":
        ranges = []
        for low, high, colour, label in ((0, 50, "215,40,40", "under 50% paid last month"),
                                        (50, 80, "240,180,20", "50-80% paid"),
                                        (80, 100.01, "46,160,67", "80% or more paid")):
            symbol = QgsSymbol.defaultSymbol(layer.geometryType())
            symbol.setColor(QColor(*map(int, colour.split(","))))
            ranges.append(QgsRendererRange(low, high, symbol, label))
        layer.setRenderer(QgsGraduatedSymbolRenderer(field, ranges))
    else:
        categories = []
        for value, (colour, label) in STATUS_COLOURS.items():
            if service == "water" and value == "no_holding":
                continue
            symbol = QgsSymbol.defaultSymbol(layer.geometryType())
            symbol.setColor(QColor(*map(int, colour.split(","))))
            categories.append(QgsRendererCategory(value, symbol, label))
        layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    return layer
