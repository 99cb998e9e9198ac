"""The input layers of an analysis, and whether its work can be pushed down into PostGIS.

A layer can be pushed down when it is a plain table of a PostGIS database (provider ``postgres``, a
schema-qualified table with one key column, no subset filter): the SQL then names the table, its geometry
and key columns through :class:`psycopg2.sql.Identifier`. All layers of an analysis must come from the same
database (same connection, auth configuration included) and the same CRS; otherwise the native path runs.
Only the selected features count when a parameter asks for them; their keys travel as one bound array.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsDataSourceUri,
    QgsFeatureRequest,
    QgsFields,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)


class PlanningError(Exception):
    """Bad input, explained for the user (the Processing base turns it into a QgsProcessingException)."""


class Cancelled(Exception):
    """The user pressed Cancel."""


@dataclass(frozen=True)
class PgTable:
    """A PostGIS table behind a layer."""

    #: the connection without secrets (``QgsDataSourceUri.connectionInfo(False)``): compared, never shown
    conninfo: str
    #: libpq connection string; may carry a credential from the QGIS auth database: never log it
    dsn: str = field(repr=False)
    schema: str
    table: str
    geometry: str | None
    key: str

    @property
    def name(self) -> tuple[str, str]:
        return (self.schema, self.table)


def _unquote(name: str) -> str:
    name = name.strip()
    if len(name) >= 2 and name[0] == name[-1] == '"':
        return name[1:-1].replace('""', '"')
    return name


def pg_table(layer: QgsVectorLayer | None) -> PgTable | None:
    """The PostGIS table behind ``layer``, or None when it is anything else (a file, a memory layer, a
    query layer, a layer with a subset filter or a composite key)."""
    if layer is None or not layer.isValid() or layer.providerType() != "postgres":
        return None
    uri = QgsDataSourceUri(layer.source())
    if layer.subsetString() or uri.sql():
        return None
    table = uri.table()
    key = _unquote(uri.keyColumn() or "")
    if not uri.schema() or not table or table.startswith("(") or not key or "," in key:
        return None
    return PgTable(
        conninfo=uri.connectionInfo(False),
        dsn=uri.connectionInfo(True),
        schema=uri.schema(),
        table=table,
        geometry=uri.geometryColumn() or None,
        key=key,
    )


@dataclass
class Input:
    """One input layer of an analysis."""

    #: what the user calls it (the parameter's description), for messages
    label: str
    #: the features to use (a selection or the whole layer)
    source: object
    layer: QgsVectorLayer | None = None
    pg: PgTable | None = None
    #: keys of the selected features when only those count, else None
    selected_keys: list | None = None

    @property
    def fields(self) -> QgsFields:
        """The layer's own fields (not virtual, joined or expression fields), in layer order."""
        fields = self.source.fields()
        own = QgsFields()
        for i in range(fields.count()):
            if fields.fieldOrigin(i) in (QgsFields.OriginProvider, QgsFields.OriginUnknown):
                own.append(fields.at(i))
        return own

    @property
    def crs(self):
        return self.source.sourceCrs()

    @property
    def is_point(self) -> bool:
        return QgsWkbTypes.geometryType(self.source.wkbType()) == QgsWkbTypes.PointGeometry

    def field(self, name: str | None, *, required: bool = True, what: str = "") -> str | None:
        """The exact name of field ``name`` of this layer (case-insensitive match); None for an empty name.

        A missing field is an error naming the layer and the field when ``required``, else None."""
        if not name:
            if required:
                raise PlanningError(f"{self.label}: choose the field {what}".strip() + ".")
            return None
        fields = self.fields
        index = fields.lookupField(name)
        if index < 0:
            if required:
                names = ", ".join(fields.names()) or "none"
                raise PlanningError(
                    f"{self.label}: there is no field {name!r}{' (' + what + ')' if what else ''}; "
                    f"the layer's fields are: {names}."
                )
            return None
        return fields.at(index).name()

    def key_field(self) -> str | None:
        """The field that identifies a feature: the table key of a PostGIS layer, else an ``id`` field;
        None means the feature id (native path only). Used to break ties the same way on both paths."""
        if self.pg is not None:
            return self.pg.key
        return self.first_field("id", "fid")

    def key_of(self, feature):
        """The identifying value of a feature (see :meth:`key_field`)."""
        name = self.key_field()
        if name is None:
            return feature.id()
        from .tables import pyvalue

        return pyvalue(feature[name])

    def first_field(self, *candidates: str) -> str | None:
        """The first of ``candidates`` the layer has (for defaults such as bin / code / id)."""
        for name in candidates:
            found = self.field(name, required=False)
            if found:
                return found
        return None


def selected_keys(layer: QgsVectorLayer, key: str) -> list:
    """Key values of the selected features of a PostGIS layer."""
    index = layer.fields().lookupField(key)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes([index])
    return [f.attributes()[index] for f in layer.getSelectedFeatures(request)]


def push_down_dsn(inputs: list[Input | None]) -> str | None:
    """The database to push the work down to, or None when the native path must run.

    Every given input must be a plain PostGIS table of the same connection, and all in the same CRS."""
    given = [i for i in inputs if i is not None]
    if not given or any(i.pg is None for i in given):
        return None
    if len({i.pg.conninfo for i in given}) != 1:
        return None
    spatial = [i for i in given if i.pg.geometry]
    if len({i.crs.authid() for i in spatial}) > 1:
        return None
    return given[0].pg.dsn


def check_metric(inputs: list[Input | None]) -> None:
    """Distances are measured in the CRS of the first spatial input: it must be projected, in metres."""
    for item in inputs:
        if item is None or QgsWkbTypes.geometryType(item.source.wkbType()) == QgsWkbTypes.NullGeometry:
            continue
        crs = item.crs
        if not crs.isValid() or crs.isGeographic() or crs.mapUnits() != QgsUnitTypes.DistanceMeters:
            raise PlanningError(
                f"{item.label}: its CRS ({crs.authid() or 'unknown'}) is not a projected CRS in metres. "
                "Distances are measured in metres: reproject the layer to the city CRS first "
                "(Vector general > Reproject layer)."
            )
        return
