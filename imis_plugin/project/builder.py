"""Build the IMIS QGIS project (.qgz) from a database.

Layers connect through a pg_service name (or a connection string without a secret, optionally with a QGIS
authentication configuration): the project never holds a password. Groups, styles, forms, relations and
widgets come from the database's catalog, forms/ and :mod:`.layers`; tables the connected role may not
change are read-only layers.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from psycopg2.extensions import parse_dsn
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsExpressionContextUtils,
    QgsFeedback,
    QgsLayerTreeGroup,
    QgsProject,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsRelation,
    QgsRelationContext,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..credentials import contains_password
from ..db.connect import resolve_dsn
from .catalog import CODE_SCHEMA, Catalog, Table, read_catalog
from .forms import configure_fields, configure_form, form_spec
from .layers import GROUPS, LAYERS, group_of, layer_name, order_key
from .styles import apply_style

#: Custom property on every IMIS layer: the table it shows (docks find their layers by it).
TABLE_PROPERTY = "imis/table"
#: Project variable holding the database the project was built from (a service name or connection string).
DATABASE_VARIABLE = "imis_database"


def tr(text: str) -> str:
    return QCoreApplication.translate("ImisProject", text)


class ProjectError(Exception):
    """The project cannot be built; the message says why."""


@dataclass
class BuildResult:
    path: Path
    layers: int
    read_only: list[str] = field(default_factory=list)
    relations: int = 0
    invalid: list[str] = field(default_factory=list)


def connection_info(target: str, authcfg: str | None = None) -> str:
    """The QGIS connection part of a layer source: `service='imis'` or host/port/dbname/user, never a secret."""
    target = (target or "").strip()
    if contains_password(target):
        raise ProjectError(
            tr(
                "The connection string contains a secret credential; a project would store it. "
                "Use a pg_service name or a QGIS authentication configuration instead."
            )
        )
    parts = parse_dsn(resolve_dsn(target))
    parts.pop("password", None)
    if authcfg:
        parts["authcfg"] = authcfg
    return " ".join(f"{key}='{value}'" for key, value in parts.items())


def _uri(info: str, table: Table, catalog: Catalog) -> str:
    uri = QgsDataSourceUri(info)
    key = table.primary_key or ("value" if table.schema == CODE_SCHEMA else "id")
    uri.setDataSource(table.schema, table.name, table.geometry_column or "", "", key)
    if table.geometry_column:
        uri.setSrid(str(table.srid or catalog.srid or 0))
        uri.setWkbType(QgsWkbTypes.parseType(table.geometry_type or ""))
    # estimated extents and no key-uniqueness scan: opening 50 layers stays quick on a big city
    uri.setUseEstimatedMetadata(True)
    uri.setParam("checkPrimaryKeyUnicity", "0")
    return uri.uri(False)


def _display_expression(table: Table) -> str:
    spec = form_spec(table.name) or {}
    if spec.get("display"):
        return spec["display"]
    names = {c.name for c in table.columns}
    if table.name == "ward":
        return "'Ward ' || \"number\""
    for candidate in ("bin", "code", "holding_code", "registration", "name", "label_en", "login_role"):
        if candidate in names:
            return f'"{candidate}"'
    return '"id"'


def build_project(
    target: str,
    output: str | Path,
    *,
    authcfg: str | None = None,
    language: str = "en",
    feedback: QgsFeedback | None = None,
    log=None,
) -> BuildResult:
    """Write the IMIS project for the database `target` (pg_service name or connection string) to `output`."""
    output = Path(output)
    if output.suffix.lower() not in (".qgz", ".qgs"):
        output = output.with_suffix(".qgz")
    say = log or (lambda text: None)
    info = connection_info(target, authcfg)
    dsn = resolve_dsn(target)

    def progress(pct: float, text: str):
        if feedback is not None:
            if feedback.isCanceled():
                raise ProjectError(tr("Cancelled."))
            feedback.setProgress(pct)
        say(text)

    progress(2, tr("Reading the database catalog"))
    catalog = read_catalog(dsn)
    if "imis_core.building" not in catalog.tables:
        raise ProjectError(
            tr(
                "No IMIS data schema found (or no right to read it): upgrade the database first "
                "(Upgrade database) or connect as an IMIS role."
            )
        )
    project = QgsProject()
    crs = (
        QgsCoordinateReferenceSystem(f"EPSG:{catalog.srid}")
        if catalog.srid
        else QgsCoordinateReferenceSystem()
    )
    project.setCrs(crs)
    city = _city_name(dsn)
    project.setTitle(tr("IMIS – {}").format(city) if city else "IMIS")
    # server-side defaults (uuid keys, CURRENT_DATE...) are filled in when a feature is created, so a child
    # added in an embedded relation form already knows its parent's id
    project.setEvaluateDefaultValues(True)
    QgsExpressionContextUtils.setProjectVariable(project, DATABASE_VARIABLE, target)

    root = project.layerTreeRoot()
    groups: dict[str, QgsLayerTreeGroup] = {}
    for gid, title in GROUPS:
        group = root.addGroup(tr(title))
        group.setCustomProperty("imis/group", gid)
        groups[gid] = group
    groups["code_lists"].setExpanded(False)
    groups["settings"].setExpanded(False)

    tables = sorted(catalog.tables, key=order_key)
    layers_by_table: dict[str, QgsVectorLayer] = {}
    result = BuildResult(path=output, layers=0)
    for number, qualified in enumerate(tables):
        progress(5 + 55 * number / max(len(tables), 1), tr("Adding layer {}").format(qualified))
        table = catalog.tables[qualified]
        layer = QgsVectorLayer(_uri(info, table, catalog), layer_name(qualified), "postgres")
        if not layer.isValid():
            result.invalid.append(qualified)
            continue
        layer.setCustomProperty(TABLE_PROPERTY, qualified)
        project.addMapLayer(layer, False)
        node = groups[group_of(qualified)].addLayer(layer)
        if table.schema == CODE_SCHEMA or not table.geometry_column:
            node.setExpanded(False)
        layers_by_table[qualified] = layer
        if not table.editable:
            layer.setReadOnly(True)
            result.read_only.append(qualified)

    progress(62, tr("Creating relations"))
    relations = _relations(project, catalog, layers_by_table)
    result.relations = len(relations)

    progress(70, tr("Styles and forms"))
    for number, (qualified, layer) in enumerate(layers_by_table.items()):
        table = catalog.tables[qualified]
        progress(70 + 25 * number / max(len(layers_by_table), 1), tr("Styling {}").format(qualified))
        if table.schema != CODE_SCHEMA:
            styled = apply_style(layer, table.name, catalog, qualified, language)
            if not styled and table.geometry_column and qualified not in LAYERS:
                # a table added by a later module without a designed style: listed, but not drawn until
                # someone turns it on, so it neither clutters the map nor slows it down
                root.findLayer(layer.id()).setItemVisibilityChecked(False)
            layer.setDisplayExpression(_display_expression(table))
            spec = form_spec(table.name) or {}
            if spec.get("maptip"):
                layer.setMapTipTemplate(spec["maptip"])
            configure_fields(layer, table, catalog, layers_by_table, language)
            configure_form(layer, table, relations)
        else:
            layer.setDisplayExpression('"label_bn"' if language == "bn" else '"label_en"')

    for gid, group in groups.items():
        if gid != "analysis" and not group.children():
            group.parent().removeChildNode(group)

    extent = _extent(layers_by_table)
    if extent is not None:
        project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, crs))
    progress(97, tr("Writing {}").format(output))
    output.parent.mkdir(parents=True, exist_ok=True)
    if not project.write(str(output)):
        raise ProjectError(tr("Cannot write {}: {}").format(output, project.error()))
    _restore_relation_ids(output)
    result.layers = len(layers_by_table)
    progress(100, tr("Project written: {}").format(output))
    return result


_RELATION_ELEMENT = re.compile(r"<attributeEditorRelation\b[^>]*>")


def _restore_relation_ids(path: Path) -> None:
    """QGIS 3.22 resolves the relations of embedded relation editors against QgsProject.instance(), so in a
    project built aside (this one) they lose their relation id when written. The element's name is that id:
    put it back in the written file, where QGIS resolves it when the project is opened."""

    def fix(match):
        tag = match.group(0)
        name = re.search(r'\bname="([^"]*)"', tag)
        return tag.replace(' relation=""', f' relation="{name.group(1)}"') if name else tag

    if path.suffix.lower() == ".qgs":
        path.write_text(_RELATION_ELEMENT.sub(fix, path.read_text(encoding="utf-8")), encoding="utf-8")
        return
    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    temporary = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            if info.filename.endswith(".qgs"):
                data = _RELATION_ELEMENT.sub(fix, data.decode("utf-8")).encode("utf-8")
            archive.writestr(info, data)
    os.replace(temporary, path)


def _relations(project, catalog: Catalog, layers_by_table: dict) -> dict[str, QgsRelation]:
    """One QGIS relation per single-column foreign key between two data layers, named like the key."""
    manager = project.relationManager()
    relations = {}
    for fk in catalog.foreign_keys:
        if fk.target.startswith(CODE_SCHEMA + ".") or fk.also:
            continue
        child, parent = layers_by_table.get(fk.table), layers_by_table.get(fk.target)
        if child is None or parent is None:
            continue
        relation = QgsRelation(QgsRelationContext(project))
        relation.setId(fk.name)
        relation.setName(tr("{} of {}").format(child.name(), parent.name()))
        relation.setReferencingLayer(child.id())
        relation.setReferencedLayer(parent.id())
        relation.addFieldPair(fk.column, fk.target_column)
        relation.setStrength(QgsRelation.Composition if fk.on_delete_cascade else QgsRelation.Association)
        if relation.isValid():
            manager.addRelation(relation)
            relations[fk.name] = relation
    return relations


def _extent(layers_by_table: dict) -> QgsRectangle | None:
    for qualified in ("imis_core.city", "imis_core.ward", "imis_core.building"):
        layer = layers_by_table.get(qualified)
        if layer is not None and layer.featureCount() != 0:
            extent = layer.extent()
            if not extent.isEmpty():
                return extent.buffered(max(extent.width(), extent.height()) * 0.02)
    return None


def _city_name(dsn: str) -> str | None:
    from ..db.connect import transaction

    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT name FROM imis_core.city LIMIT 1")
        row = cur.fetchone()
        return row[0] if row else None
