"""Helpers of the native path: reading features in the analysis CRS with progress and Cancel, spatial
indexes, prepared geometries."""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsGeometry,
    QgsRectangle,
    QgsSpatialIndex,
)

from .inputs import Cancelled, Input


@dataclass
class Env:
    """Where an analysis runs: the CRS distances are measured in, transforms, and the user's feedback."""

    crs: QgsCoordinateReferenceSystem
    transform_context: QgsCoordinateTransformContext
    feedback: object = None

    def check(self) -> None:
        if self.feedback is not None and self.feedback.isCanceled():
            raise Cancelled()

    def progress(self, percent: float) -> None:
        if self.feedback is not None:
            self.feedback.setProgress(percent)

    def info(self, message: str) -> None:
        if self.feedback is not None:
            self.feedback.pushInfo(message)


def features(
    item: Input,
    env: Env,
    attributes: list[str] | None = None,
    geometry: bool = True,
    rect: QgsRectangle | None = None,
    progress: tuple[float, float] = (0, 0),
):
    """The input's features (its selection when that was asked for), in the analysis CRS.

    ``attributes``: names to fetch (None: all); ``rect``: only features whose box meets it (in the analysis
    CRS); ``progress``: (start, span) of the progress bar this read covers."""
    request = QgsFeatureRequest()
    request.setDestinationCrs(env.crs, env.transform_context)
    if attributes is not None:
        request.setSubsetOfAttributes(attributes, item.source.fields())
    if not geometry:
        request.setFlags(QgsFeatureRequest.NoGeometry)
    if rect is not None:
        request.setFilterRect(rect)
    total = item.source.featureCount() or 0
    start, span = progress
    for n, feature in enumerate(item.source.getFeatures(request), start=1):
        if n % 1000 == 0:
            env.check()
            if span and total > 0:
                env.progress(start + span * min(n / total, 1))
        yield feature


def prepared(geometry: QgsGeometry):
    """A GEOS engine with the geometry prepared, for many intersects tests against it."""
    engine = QgsGeometry.createGeometryEngine(geometry.constGet())
    engine.prepareGeometry()
    return engine


class GeometryIndex:
    """Geometries of one input in a spatial index, with one value (a key, a label...) each."""

    def __init__(self):
        self.index = QgsSpatialIndex()
        self.geometries: list[QgsGeometry] = []
        self.values: list = []

    def add(self, geometry: QgsGeometry, value) -> None:
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return
        n = len(self.geometries)
        self.geometries.append(geometry)
        self.values.append(value)
        self.index.addFeature(n, geometry.boundingBox())

    def __len__(self) -> int:
        return len(self.geometries)

    def within(self, geometry: QgsGeometry, distance: float):
        """(position, distance) of the indexed geometries at most ``distance`` from ``geometry``."""
        box = geometry.boundingBox()
        box.grow(distance)
        for n in self.index.intersects(box):
            d = geometry.distance(self.geometries[n])
            if 0 <= d <= distance:
                yield n, d

    def extent(self, grow: float = 0) -> QgsRectangle | None:
        if not self.geometries:
            return None
        box = QgsRectangle(self.geometries[0].boundingBox())
        for g in self.geometries[1:]:
            box.combineExtentWith(g.boundingBox())
        box.grow(grow)
        return box
