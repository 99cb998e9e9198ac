"""Which ward, low-income community or grid cell a feature counts in, the same way on both paths.

A feature counts in every area whose polygon contains or touches its centroid (a building is in the ward
its centroid is in); a centroid exactly on a shared boundary counts in both areas, as in QGIS's
join-by-location summary. Grid cells are squares aligned on multiples of the cell size in the analysis
CRS; a feature counts in the cell of its centroid (cells are half-open: [x0, x0 + size)).
"""

from __future__ import annotations

import math
import re

from psycopg2 import sql
from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle

from .inputs import Input
from .native import Env, GeometryIndex, features, prepared

NO_AREA = "(none)"
ALL = "(all)"


def label_text(value) -> str | None:
    """An area's label as text (1.0 -> '1'), the same text PostgreSQL's ::text gives."""
    if value is None:
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def natural_key(label: str):
    """Sort 'Ward 2' before 'Ward 10'; the special rows last."""
    special = {NO_AREA: 1, ALL: 2}.get(label, 0)
    return (special, [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", label or "")])


class AreaIndex:
    """Native path: the polygons of an area layer, prepared for point-in-polygon tests."""

    def __init__(self, item: Input, label_field: str, env: Env):
        self.index = GeometryIndex()
        self.engines = []
        for feature in features(item, env, [label_field]):
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                continue
            self.index.add(geometry, label_text(feature[label_field]))
            self.engines.append(prepared(geometry))
        self.labels = sorted({v for v in self.index.values if v is not None}, key=natural_key)

    def of_point(self, point: QgsGeometry) -> list[str]:
        box = point.boundingBox()
        found = {
            self.index.values[n]
            for n in self.index.index.intersects(box)
            if self.engines[n].intersects(point.constGet())
        }
        return sorted((v for v in found if v is not None), key=natural_key)

    def of(self, geometry: QgsGeometry) -> list[str]:
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return []
        return self.of_point(geometry.centroid())


def centroid(feature_geom: sql.Composable, is_point: bool) -> sql.Composable:
    """The centroid of a feature's geometry (a point is its own: no need to compute a copy)."""
    return feature_geom if is_point else sql.SQL("ST_Centroid({})").format(feature_geom)


def sql_labels(
    areas: sql.Composable,
    geom_column: str,
    label_column: str,
    feature_geom: sql.Composable,
    is_point: bool = False,
):
    """Push-down: the sorted labels of the areas a feature's centroid falls in, as a text array
    (``&&`` first so that the areas' GiST index is used)."""
    return sql.SQL(
        "(SELECT array_agg(DISTINCT a.{label}::text) FROM {areas} a "
        "WHERE a.{g} && {f} AND ST_Intersects(a.{g}, {c}))"
    ).format(
        label=sql.Identifier(label_column),
        areas=areas,
        g=sql.Identifier(geom_column),
        f=feature_geom,
        c=centroid(feature_geom, is_point),
    )


def sql_all_labels(areas: sql.Composable, label_column: str):
    return sql.SQL("SELECT DISTINCT {label}::text FROM {areas} WHERE {label} IS NOT NULL").format(
        label=sql.Identifier(label_column), areas=areas
    )


def sorted_labels(labels) -> list[str]:
    return sorted({label for label in labels or () if label is not None}, key=natural_key)


# grid cells ------------------------------------------------------------------------------------------


def cell_of(point: QgsPointXY, size: float) -> tuple[int, int]:
    return math.floor(point.x() / size), math.floor(point.y() / size)


def cell_geometry(column: int, row: int, size: float) -> QgsGeometry:
    return QgsGeometry.fromRect(
        QgsRectangle(column * size, row * size, (column + 1) * size, (row + 1) * size)
    )
