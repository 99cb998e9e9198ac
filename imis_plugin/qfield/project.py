"""The QGIS project of a QField package: layers on the package's GeoPackage only, marked the way
QFieldSync marks them, with the IMIS desktop project's styles, forms, value lists and relations.

Forms come from the desktop project builder (imis_plugin.project: forms/<table>.json, forms/<table>.qml and
the database's CHECK constraints), applied to the package's layers and columns; value relations point at
the code lists copied into the GeoPackage, photos go to DCIM/ next to the project. The project names no
database: its only data source is ./data.gpkg.
"""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsProject,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..project.builder import TABLE_PROPERTY, _display_expression, _relations, _restore_relation_ids
from ..project.catalog import Table, read_catalog
from ..project.forms import _photo, configure_fields, configure_form, form_spec
from ..project.layers import layer_name
from ..project.styles import apply_style
from .errors import FieldSyncError
from .gpkg import FID, ID

#: QFieldSync's layer conventions (libqfieldsync): the action and the key that identifies a source row
ACTION = "QFieldSync/action"
CLOUD_ACTION = "QFieldSync/cloud_action"
SOURCE_KEYS = "QFieldSync/sourceDataPrimaryKeys"
PHOTO_NAMING = "QFieldSync/photo_naming"
ATTACHMENT_NAMING = "QFieldSync/attachment_naming"
OFFLINE = "offline"  # edited in the field, brought home by the import
NO_ACTION = "no_action"  # read-only background
#: IMIS's own layer property: the package layer (= table name) a project layer shows
LAYER_PROPERTY = "imis/qfield_layer"
NEW_ID = "uuid('WithoutBraces')"


def tr(text: str) -> str:
    return QCoreApplication.translate("ImisQField", text)


def build_project(folder: Path, meta: dict, specs, infos, code_lists: dict, dsn: str, *, language: str = "en",
                  provider_id: str | None = None) -> Path:
    """Write <folder>/<folder name>.qgs for the package described by `meta`; returns its path."""
    gpkg = meta["geopackage"]
    catalog = read_catalog(dsn)
    catalog.attachment_store = None  # photos in the field live in DCIM/; the office store path stays home
    project = QgsProject()
    crs = QgsCoordinateReferenceSystem(f"EPSG:{meta['srid']}")
    project.setCrs(crs)
    purpose_title = tr("Survey") if meta["purpose"] == "survey" else tr("Emptying forms")
    project.setTitle(f"IMIS {purpose_title}: {meta.get('city') or ''} ({_area_text(meta['area'])})".strip())
    root = project.layerTreeRoot()
    field_group = root.addGroup(tr("Field work"))
    background_group = root.addGroup(tr("Background (read-only)"))
    code_group = root.addGroup(tr("Code lists"))
    code_group.setExpanded(False)
    code_group.setItemVisibilityChecked(False)

    layers_by_table: dict[str, QgsVectorLayer] = {}
    tables: dict[str, Table] = {}
    for name in code_lists:
        layer = _layer(folder, gpkg, f"code_{name}", name)
        layer.setReadOnly(True)
        layer.setCustomProperty(ACTION, NO_ACTION)
        layer.setCustomProperty(CLOUD_ACTION, NO_ACTION)
        layer.setDisplayExpression('"label_bn"' if language == "bn" else '"label_en"')
        layers_by_table[f"imis_code.{name}"] = layer
        project.addMapLayer(layer, False)
        code_group.addLayer(layer)
    for spec in specs:
        table = catalog.table(spec.table)
        if table is None:
            raise FieldSyncError(f"This login may not read {spec.table}; it cannot make this package.")
        keep = {ID, *spec.columns}
        tables[spec.name] = dataclasses.replace(
            table, columns=[c for c in table.columns if c.name in keep], primary_key=ID,
            can_insert=spec.editable, can_update=spec.editable, can_delete=spec.editable)
        layer = _layer(folder, gpkg, spec.name, layer_name(spec.table))
        layer.setCustomProperty(TABLE_PROPERTY, spec.table)
        layer.setCustomProperty(LAYER_PROPERTY, spec.name)
        layer.setCustomProperty(ACTION, OFFLINE if spec.editable else NO_ACTION)
        layer.setCustomProperty(CLOUD_ACTION, OFFLINE if spec.editable else NO_ACTION)
        layer.setCustomProperty(SOURCE_KEYS, ID)
        if not spec.editable:
            layer.setReadOnly(True)
        layers_by_table[spec.table] = layer
        project.addMapLayer(layer, False)
        (field_group if spec.editable else background_group).addLayer(layer)

    relations = _relations(project, catalog, layers_by_table)
    for spec in specs:
        layer, table = layers_by_table[spec.table], tables[spec.name]
        apply_style(layer, table.name, catalog, spec.table, language)
        layer.setDisplayExpression(_display_expression(table))
        maptip = (form_spec(table.name) or {}).get("maptip")
        if maptip:
            layer.setMapTipTemplate(maptip)
        configure_fields(layer, table, catalog, layers_by_table, language)
        configure_form(layer, table, relations)
        _field_settings(layer, spec, gpkg, provider_id, infos[spec.name].defaults if spec.editable else {})

    extent = _extent([layers_by_table[s.table] for s in specs if s.editable]
                     + [layers_by_table[s.table] for s in specs if not s.editable])
    if extent is not None:
        project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, crs))
    path = folder / f"{folder.name}.qgs"
    project.writeEntryBool("Paths", "/Absolute", False)
    if not project.write(str(path)):
        raise FieldSyncError(f"Cannot write {path}: {project.error()}")
    _restore_relation_ids(path)
    return path


def _layer(folder: Path, gpkg: str, name: str, title: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{folder / gpkg}|layername={name}", title, "ogr")
    if not layer.isValid():
        raise FieldSyncError(f"The GeoPackage layer {name} cannot be opened in QGIS.")
    return layer


def _field_settings(layer: QgsVectorLayer, spec, gpkg: str, provider_id: str | None, defaults: dict) -> None:
    """What the field needs beyond the desktop forms: new rows get a UUID (a copied feature a new one) and
    the database's simple defaults, the GeoPackage's own key is hidden, value lists name their offline
    layer, photos go to DCIM/."""
    fields = layer.fields()
    hidden = QgsEditorWidgetSetup("Hidden", {})
    config = layer.editFormConfig()
    for index, qfield in enumerate(fields):
        name = qfield.name()
        if name == FID:
            layer.setEditorWidgetSetup(index, hidden)
        elif name == ID:
            layer.setDefaultValueDefinition(index, QgsDefaultValue(NEW_ID, False))
            layer.setFieldConstraint(index, QgsFieldConstraints.ConstraintNotNull,
                                     QgsFieldConstraints.ConstraintStrengthHard)
            layer.setFieldConstraint(index, QgsFieldConstraints.ConstraintUnique,
                                     QgsFieldConstraints.ConstraintStrengthHard)
            config.setReadOnly(index, True)
        elif name in spec.hidden:
            layer.setEditorWidgetSetup(index, hidden)
            if name == "provider_id" and provider_id:
                layer.setDefaultValueDefinition(index, QgsDefaultValue(f"'{provider_id}'", False))
        elif name in spec.photos:
            layer.setEditorWidgetSetup(index, _photo())
        if name in defaults and not layer.defaultValueDefinition(index).isValid():
            expression = qgis_default(defaults[name])
            if expression:
                layer.setDefaultValueDefinition(index, QgsDefaultValue(expression, False))
        setup = layer.editorWidgetSetup(index)
        if setup.type() == "ValueRelation":
            options = dict(setup.config())
            source = options.get("LayerSource", "")
            if "|layername=" in source:
                options["LayerSource"] = f"./{gpkg}|layername={source.split('|layername=', 1)[1]}"
                layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueRelation", options))
    layer.setEditFormConfig(config)
    if spec.photos:
        naming = {column: f"'DCIM/{spec.name}_{column}_' || format_date(now(), 'yyyyMMdd_HHmmss') || '.jpg'"
                  for column in spec.photos}
        layer.setCustomProperty(PHOTO_NAMING, json.dumps(naming))
        layer.setCustomProperty(ATTACHMENT_NAMING, json.dumps(naming))


_LITERAL = re.compile(r"^(?:'((?:[^']|'')*)'::text|(-?\d+(?:\.\d+)?)|(true|false))$")


def qgis_default(sql_default: str) -> str | None:
    """A column default the form can show before the database fills it (a constant or today), else None."""
    text = sql_default.strip()
    if text == "CURRENT_DATE":
        return "to_date(now())"
    match = _LITERAL.match(text)
    if not match:
        return None
    string, number, boolean = match.groups()
    if string is not None:
        return "'" + string + "'"
    return number if number is not None else boolean


def _extent(layers) -> QgsRectangle | None:
    for layer in layers:
        if layer.isSpatial() and layer.featureCount() > 0:
            extent = layer.extent()
            if not extent.isEmpty():
                return extent.buffered(max(extent.width(), extent.height(), 50.0) * 0.05)
    return None


def _area_text(area: dict) -> str:
    if area.get("wards"):
        return tr("ward") + " " + ", ".join(map(str, area["wards"]))
    if area.get("lic"):
        return tr("low-income community") + " " + area["lic"]
    if area.get("polygon"):
        return tr("drawn area")
    return tr("whole city")

