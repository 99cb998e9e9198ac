"""Attribute forms: widgets derived from the database, tabbed layouts from forms/<table>.json.

Every layer gets widgets from its columns (value relations to code lists, relation references to other
layers, date pickers, check boxes, photo viewers), aliases, defaults and the database's CHECK constraints.
A table with a forms/<table>.json file also gets a tabbed drag-and-drop form with hints and embedded
relations; fields the file does not place land in a "More" tab, so a new column is never hidden.
"""

from __future__ import annotations

import html
import json
import textwrap
from functools import lru_cache
from pathlib import Path

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsAttributeEditorHtmlElement,
    QgsAttributeEditorRelation,
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
)
from qgis.PyQt.QtCore import QCoreApplication

from .. import paths
from .catalog import Catalog, Table
from .constraints import message, sql_to_expression
from .layers import humanise

#: Columns every data table has; kept by the server, shown read-only in the "Record" tab.
BOOKKEEPING = ("id", "created_at", "updated_at", "row_version", "changed_by")
MULTILINE = ("notes", "comments", "remarks", "access_notes", "cancel_reason")
DATE_FORMAT = "yyyy-MM-dd"
DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


def tr(text: str) -> str:
    return QCoreApplication.translate("ImisForms", text)


@lru_cache(maxsize=None)
def _read_json(path: str) -> dict:
    with open(path, encoding="utf-8") as stream:
        try:
            return json.load(stream)
        except json.JSONDecodeError as error:
            raise ValueError(f"{Path(path).name}, line {error.lineno}: {error.msg}") from None


def form_spec(table: str, folder: Path | None = None) -> dict | None:
    path = Path(folder or paths.FORMS_DIR) / f"{table}.json"
    return _read_json(str(path)) if path.is_file() else None


def common_aliases(folder: Path | None = None) -> dict:
    path = Path(folder or paths.FORMS_DIR) / "fields.json"
    return _read_json(str(path)).get("aliases", {}) if path.is_file() else {}


def alias_for(column: str, spec: dict | None) -> str:
    """The translated label of a column: the form's alias, the shared one, else the humanised name."""
    own = (spec or {}).get("aliases", {})
    if column in own:
        return tr(own[column])
    shared = common_aliases()
    if column in shared:
        return tr(shared[column])
    return tr(humanise(column))


# Widgets ------------------------------------------------------------------------------------------------
def _value_relation(
    code_layer, language: str, nullable: bool, filter_expression: str = ""
) -> QgsEditorWidgetSetup:
    return QgsEditorWidgetSetup(
        "ValueRelation",
        {
            "Layer": code_layer.id(),
            "LayerName": code_layer.name(),
            "LayerSource": code_layer.source(),
            "LayerProviderName": code_layer.providerType(),
            "Key": "value",
            "Value": "label_bn" if language == "bn" else "label_en",
            "AllowNull": nullable,
            "OrderByValue": False,
            "AllowMulti": False,
            "UseCompleter": False,
            "NofColumns": 1,
            "FilterExpression": filter_expression,
        },
    )


def _relation_reference(relation_id: str, nullable: bool) -> QgsEditorWidgetSetup:
    return QgsEditorWidgetSetup(
        "RelationReference",
        {
            "Relation": relation_id,
            "AllowNULL": nullable,
            "ShowForm": False,
            "ShowOpenFormButton": True,
            "MapIdentification": True,
            "OrderByValue": True,
            "ReadOnly": False,
            "AllowAddFeatures": False,
        },
    )


def _date(with_time: bool) -> QgsEditorWidgetSetup:
    display = DATETIME_FORMAT if with_time else DATE_FORMAT
    return QgsEditorWidgetSetup(
        "DateTime",
        {
            "allow_null": True,
            "calendar_popup": True,
            "display_format": display,
            "field_format": "yyyy-MM-dd HH:mm:ss" if with_time else DATE_FORMAT,
            "field_iso_format": False,
        },
    )


def _photo(store: str | None = None) -> QgsEditorWidgetSetup:
    """A photo field. Field packages keep photos in DCIM/ next to the project; in the office the database holds
    paths inside the attachment store (where imported field photos are copied), so they resolve against it."""
    relative = {"RelativeStorage": 2, "DefaultRoot": store} if store else {"RelativeStorage": 1, "DefaultRoot": "DCIM"}
    return QgsEditorWidgetSetup(
        "ExternalResource",
        {
            "DocumentViewer": 1,  # image
            "DocumentViewerHeight": 220,
            "DocumentViewerWidth": 0,
            "FileWidget": True,
            "FileWidgetButton": True,
            "UseLink": True,
            "FullUrl": False,
            "StorageMode": 0,
            "FileWidgetFilter": tr("Images (*.jpg *.jpeg *.png)"),
            **relative,
        },
    )


def configure_fields(layer, table: Table, catalog: Catalog, layers_by_table: dict, language: str) -> None:
    """Widgets, aliases, defaults and constraints of every field of `layer`."""
    spec = form_spec(table.name)
    fields = layer.fields()
    photos = set((spec or {}).get("photos", ()))
    defaults = (spec or {}).get("defaults", {})
    ranges = (spec or {}).get("ranges", {})
    config = layer.editFormConfig()
    for index, field in enumerate(fields):
        column = table.column(field.name())
        name = field.name()
        layer.setFieldAlias(index, alias_for(name, spec))
        nullable = column.nullable if column else True
        setup = None
        fk = next((f for f in catalog.foreign_keys_of(table.qualified) if f.column == name), None)
        if fk is not None and fk.target.startswith("imis_code.") and fk.target in layers_by_table:
            # a composite key to a code list (use_category with functional_use) offers only the values
            # that go with the other columns' current values
            filter_expression = " AND ".join(
                f"\"{remote}\" = current_value('{local}')" for local, remote in fk.also
            )
            setup = _value_relation(layers_by_table[fk.target], language, nullable, filter_expression)
        elif fk is not None and fk.target in layers_by_table:
            setup = _relation_reference(fk.name, nullable)
        elif name in photos:
            setup = _photo(catalog.attachment_store)
        elif column and column.data_type == "date":
            setup = _date(False)
        elif column and column.data_type == "timestamptz" or (column and column.data_type == "timestamp"):
            setup = _date(True)
        elif column and column.data_type == "bool":
            setup = QgsEditorWidgetSetup("CheckBox", {"CheckedState": "", "UncheckedState": ""})
        elif name in ranges:
            low, high = ranges[name]
            setup = QgsEditorWidgetSetup(
                "Range", {"Min": low, "Max": high, "Step": 1, "Style": "SpinBox", "AllowNull": nullable}
            )
        elif name in MULTILINE:
            setup = QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False})
        if setup is not None:
            layer.setEditorWidgetSetup(index, setup)
        if name in BOOKKEEPING:
            config.setReadOnly(index, True)
        if name in defaults:
            layer.setDefaultValueDefinition(index, QgsDefaultValue(defaults[name], False))
    for name in (spec or {}).get("remember", ()):
        index = fields.indexOf(name)
        if index >= 0:
            config.setReuseLastValue(index, True)
    layer.setEditFormConfig(config)
    _apply_constraints(layer, table, catalog, spec)


def _apply_constraints(layer, table: Table, catalog: Catalog, spec: dict | None) -> None:
    """One QGIS expression constraint per field: every CHECK on it (translated) and the form's own rules."""
    columns = {c.name for c in table.columns}
    per_field: dict[str, list[tuple[str, str]]] = {}
    for check in catalog.checks_of(table.qualified):
        expression = sql_to_expression(check.definition, columns)
        if expression is None:
            continue
        text = message(check, table.name, lambda c: alias_for(c, spec))
        for column in check.columns:
            per_field.setdefault(column, []).append((expression, text))
    for column, rule in (spec or {}).get("constraints", {}).items():
        per_field.setdefault(column, []).append((rule["expression"], tr(rule["message"])))
    for column, rules in per_field.items():
        index = layer.fields().indexOf(column)
        if index < 0:
            continue
        expression = " AND ".join(f"({e})" for e, _ in rules)
        description = "; ".join(dict.fromkeys(t for _, t in rules))
        layer.setConstraintExpression(index, expression, description)
        layer.setFieldConstraint(
            index, QgsFieldConstraints.ConstraintExpression, QgsFieldConstraints.ConstraintStrengthHard
        )


# Tabbed forms -----------------------------------------------------------------------------------------
def configure_form(layer, table: Table, relations: dict) -> bool:
    """Build the drag-and-drop form from forms/<table>.json; False when the table has none."""
    spec = form_spec(table.name)
    if spec is None or "tabs" not in spec:
        return False
    config = layer.editFormConfig()
    config.setLayout(QgsEditFormConfig.TabLayout)
    config.clearTabs()
    root = config.invisibleRootContainer()
    placed = set()
    for tab in spec["tabs"]:
        container = QgsAttributeEditorContainer(tr(tab["name"]), root)
        container.setIsGroupBox(False)
        container.setColumnCount(tab.get("columns", 1))
        if tab.get("hint"):
            container.addChildElement(_hint(tab["hint"], container))
        _add_items(container, tab.get("items", []), layer, relations, placed)
        config.addTab(container)
    fields = layer.fields()
    rest = [
        f.name()
        for f in fields
        if f.name() not in placed and f.name() not in BOOKKEEPING and f.name() != table.geometry_column
    ]
    if rest:
        container = QgsAttributeEditorContainer(tr("More"), root)
        container.setIsGroupBox(False)
        _add_items(container, rest, layer, relations, placed)
        config.addTab(container)
    record = QgsAttributeEditorContainer(tr("Record"), root)
    record.setIsGroupBox(False)
    record.addChildElement(
        _hint(
            "Kept by the database: when and by whom this record was created and last "
            "changed, and its version.",
            record,
        )
    )
    _add_items(record, [c for c in BOOKKEEPING if fields.indexOf(c) >= 0], layer, relations, placed)
    config.addTab(record)
    layer.setEditFormConfig(config)
    return True


def _hint(text: str, parent) -> QgsAttributeEditorHtmlElement:
    element = QgsAttributeEditorHtmlElement(tr("Hint"), parent)
    element.setShowLabel(False)
    # short unwrapped lines: the HTML widget fixes its height from the first layout, which may happen at a
    # narrow width; pre-broken lines keep it a few lines tall whatever the form's width
    lines = "<br>".join(html.escape(line) for line in textwrap.wrap(tr(text), 72))
    element.setHtmlCode(
        f'<div style="color:#555;font-style:italic;white-space:nowrap;margin:0">{lines}</div>'
    )
    return element


def _add_items(container, items, layer, relations: dict, placed: set) -> None:
    fields = layer.fields()
    for item in items:
        if isinstance(item, str):
            index = fields.indexOf(item)
            if index < 0:
                continue  # a column this database (or role) does not have
            container.addChildElement(QgsAttributeEditorField(item, index, container))
            placed.add(item)
        elif "relation" in item:
            relation = relations.get(item["relation"])
            if relation is None or not relation.isValid():
                continue
            element = QgsAttributeEditorRelation(relation, container)
            element.setRelationWidgetTypeId("relation_editor")
            if item.get("nm") and item["nm"] in relations:
                element.setNmRelationId(item["nm"])
            element.setLabel(tr(item.get("label", "")) if item.get("label") else "")
            element.setShowLabel(bool(item.get("label")))
            container.addChildElement(element)
        elif "group" in item:
            group = QgsAttributeEditorContainer(tr(item["group"]), container)
            group.setIsGroupBox(True)
            group.setColumnCount(item.get("columns", 1))
            _add_items(group, item.get("items", []), layer, relations, placed)
            container.addChildElement(group)
