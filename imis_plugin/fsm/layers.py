"""QGIS layers of a schedule (its stops and its routes), straight from PostGIS, filtered to the schedule."""
from __future__ import annotations

import uuid

STOPS = ("imis_fsm", "schedule_item", "POINT")
ROUTES = ("imis_fsm", "schedule_route", "MULTILINESTRING")


def schedule_layer(dsn: str, what: tuple[str, str, str], schedule_id: str, name: str, srid: int):
    """A PostGIS layer of `what` (STOPS or ROUTES) showing only this schedule's rows."""
    from qgis.core import QgsDataSourceUri, QgsVectorLayer, QgsWkbTypes

    schema, table, geometry_type = what
    key = str(uuid.UUID(str(schedule_id)))  # a uuid and nothing else goes into the filter
    uri = QgsDataSourceUri(dsn)
    uri.setDataSource(schema, table, "geom", f"\"schedule_id\" = '{key}'", "id")
    uri.setSrid(str(srid))
    uri.setWkbType(QgsWkbTypes.parseType(geometry_type))
    uri.setParam("checkPrimaryKeyUnicity", "0")
    return QgsVectorLayer(uri.uri(False), name, "postgres")
