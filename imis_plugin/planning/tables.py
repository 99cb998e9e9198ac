"""Results of an analysis, the same for both paths, and writing them to Processing sinks.

A :class:`Table` holds QGIS fields, a geometry type and rows of (attribute values, geometry); the geometry
is a QgsGeometry (native path), WKB bytes (push-down path) or None. Values from PostgreSQL are converted to
what QGIS stores (numeric -> float, uuid -> text, date -> QDate...).
"""

from __future__ import annotations

import datetime as dt
import decimal
import gc
import json
import re
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field

from qgis.core import QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsGeometry, QgsWkbTypes
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from .inputs import Cancelled

INT, DOUBLE, TEXT, BOOL, DATE = (
    QVariant.LongLong,
    QVariant.Double,
    QVariant.String,
    QVariant.Bool,
    QVariant.Date,
)


@contextmanager
def no_cycle_collection():
    """Pause Python's cycle collector while results are built: rows hold no cycles, and with hundreds of
    thousands of new tuples the collector otherwise runs over and over on the growing result (measured: 3x
    slower fetching)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def qfield(name: str, kind) -> QgsField:
    return QgsField(name, kind)


def extend(fields: QgsFields, extra: list[QgsField]) -> tuple[QgsFields, list[str]]:
    """``fields`` followed by ``extra``; an extra field whose name is taken gets a suffix (_2, _3...).

    Returns the combined fields and the names the extra fields got."""
    combined = QgsFields(fields)
    taken = {n.lower() for n in fields.names()}
    names = []
    for item in extra:
        name, n = item.name(), 2
        while name.lower() in taken:
            name, n = f"{item.name()}_{n}", n + 1
        taken.add(name.lower())
        combined.append(QgsField(name, item.type(), item.typeName(), item.length(), item.precision()))
        names.append(name)
    return combined, names


def column_name(prefix: str, value) -> str:
    """A field name made from a data value (e.g. one column per containment type): letters, digits, _."""
    text = re.sub(r"[^0-9a-z]+", "_", str(value if value is not None else "unknown").lower()).strip("_")
    return f"{prefix}{text or 'unknown'}"[:60]


def qvalue(value):
    """A value from PostgreSQL as QGIS stores it."""
    if value is None or isinstance(value, (bool, int, float, str, QVariant, QDate, QDateTime, QTime)):
        return value
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return QDateTime(value)
    if isinstance(value, dt.date):
        return QDate(value.year, value.month, value.day)
    if isinstance(value, dt.time):
        return QTime(value.hour, value.minute, value.second)
    if isinstance(value, (list, tuple)):
        return [qvalue(v) for v in value]
    if isinstance(value, dict):
        return json.dumps(value, default=str)
    if isinstance(value, memoryview):
        return bytes(value)
    return str(value)


def pyvalue(value):
    """A QGIS attribute as a plain Python value (for comparisons and sorting)."""
    if value is None:
        return None
    if isinstance(value, QVariant):
        return None if value.isNull() else pyvalue(value.value())
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    return value


@dataclass
class Table:
    """One output of an analysis."""

    fields: QgsFields
    wkb_type: int = QgsWkbTypes.NoGeometry
    rows: list = field(default_factory=list)

    def add(self, values, geometry=None):
        """One row: a sequence of values (kept as given, not copied) and its geometry."""
        self.rows.append((values, geometry))

    def records(self) -> list[dict]:
        """Rows as dicts of plain Python values (tests, summaries)."""
        names = self.fields.names()
        return [dict(zip(names, (pyvalue(v) for v in values))) for values, _ in self.rows]


def write(table: Table, sink, feedback=None, start: float = 0, span: float = 0) -> int:
    """Add every row to a Processing sink (a layer, a GeoPackage table...); returns the number written."""
    if sink is None:
        return 0
    total = len(table.rows) or 1
    batch = []
    for n, (values, geometry) in enumerate(table.rows, start=1):
        feature = QgsFeature(table.fields)
        feature.setAttributes([qvalue(v) for v in values])
        if isinstance(geometry, QgsGeometry):
            feature.setGeometry(geometry)
        elif geometry is not None:
            g = QgsGeometry()
            g.fromWkb(bytes(geometry))
            feature.setGeometry(g)
        batch.append(feature)
        if len(batch) == 2000:
            sink.addFeatures(batch, QgsFeatureSink.FastInsert)
            batch = []
            if feedback is not None:
                if feedback.isCanceled():
                    raise Cancelled()
                feedback.setProgress(start + span * n / total)
    if batch:
        sink.addFeatures(batch, QgsFeatureSink.FastInsert)
    return len(table.rows)
