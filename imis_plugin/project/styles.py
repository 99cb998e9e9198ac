"""Layer styles: forms/<table>.qml (symbology, labels, scale ranges), category labels from the code lists.

The .qml files are the one source of the styles: restyle a layer in QGIS and save its style over the file
(Symbology, Labels and Rendering categories). The builder then names every category in the user's language
from the code-list table, and gives a value added to a code list after the style was saved a symbol of its
own, so a style never hides data.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsCategorizedSymbolRenderer, QgsMapLayer, QgsRendererCategory
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor

from .. import paths
from .catalog import Catalog

STYLE_CATEGORIES = QgsMapLayer.Symbology | QgsMapLayer.Labeling | QgsMapLayer.Rendering
#: Colours for code-list values a saved style does not know yet (ColorBrewer Set2).
SPARE_COLOURS = ("#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3")


def tr(text: str) -> str:
    return QCoreApplication.translate("ImisStyles", text)


def style_path(table: str, folder: Path | None = None) -> Path:
    return Path(folder or paths.FORMS_DIR) / f"{table}.qml"


def apply_style(layer, table: str, catalog: Catalog, qualified: str, language: str = "en") -> bool:
    """Load forms/<table>.qml if there is one and name its categories from the code list; True if found."""
    path = style_path(table)
    if not path.is_file():
        return False
    message, ok = layer.loadNamedStyle(str(path), STYLE_CATEGORIES)
    if not ok:
        raise ValueError(f"{path.name}: {message}")
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        code_list = catalog.code_list_of(qualified, renderer.classAttribute())
        if code_list:
            sync_categories(renderer, catalog.code_lists.get(code_list, []), language)
    return True


def sync_categories(renderer: QgsCategorizedSymbolRenderer, rows, language: str = "en") -> None:
    """Category labels from the code list (in its order), a symbol for every value, 'Not recorded' last."""
    by_value = {category.value(): category for category in renderer.categories()}
    fallback = by_value.get("") or by_value.get(None)
    existing = [category.symbol() for category in renderer.categories()]
    template = (
        fallback.symbol() if fallback is not None else renderer.sourceSymbol() or next(iter(existing), None)
    )
    ordered = []
    spare = 0
    for value, label_en, label_bn, _sort in rows:
        label = label_bn if language == "bn" else label_en
        category = by_value.pop(value, None)
        if category is None:
            symbol = template.clone() if template is not None else None
            if symbol is None:
                continue
            symbol.setColor(QColor(SPARE_COLOURS[spare % len(SPARE_COLOURS)]))
            spare += 1
            category = QgsRendererCategory(value, symbol, label)
        ordered.append(QgsRendererCategory(value, category.symbol().clone(), label, category.renderState()))
    # values the style knows but the code list no longer has: keep them, data may still use them
    for value, category in by_value.items():
        if value not in ("", None):
            ordered.append(
                QgsRendererCategory(
                    value, category.symbol().clone(), str(category.label()), category.renderState()
                )
            )
    if fallback is not None:
        ordered.append(
            QgsRendererCategory(
                fallback.value(), fallback.symbol().clone(), tr("Not recorded"), fallback.renderState()
            )
        )
    while renderer.categories():
        renderer.deleteCategory(0)
    for category in ordered:
        renderer.addCategory(category)
