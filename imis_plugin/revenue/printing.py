"""Printable holding-tax bills: one A5 page per bill, labels in English and Bangla, made with a QGIS print
layout whose atlas walks the bills (works offscreen). Each page has a small map of the holding's building.

Bangla needs a Bengali font on the machine (Debian: fonts-lohit-beng-bengali, installed by `make`); Qt
picks it for the Bangla text by itself.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ..db.connect import transaction
from ..fsm.progress import Progress
from .errors import RevenueError
from .periods import fiscal_year_label

PAGE_W, PAGE_H = 148.0, 210.0  # A5 portrait, mm

#: (field, English, Bangla) of the bill's particulars
PARTICULARS = (
    ("bill_number", "Bill number", "বিল নম্বর"),
    ("holding_code", "Holding", "হোল্ডিং নম্বর"),
    ("owner", "Owner", "মালিক"),
    ("address", "Address", "ঠিকানা"),
    ("ward", "Ward", "ওয়ার্ড"),
    ("period", "Fiscal year, quarter", "অর্থবছর, কিস্তি"),
    ("annual_value", "Annual value (BDT)", "বার্ষিক মূল্য (টাকা)"),
    ("due_date", "Pay by", "পরিশোধের শেষ তারিখ"),
)
#: (field, English, Bangla) of the amounts, in taka
AMOUNTS = (
    ("holding_tax", "Holding tax", "হোল্ডিং কর"),
    ("conservancy", "Conservancy rate", "পরিচ্ছন্নতা রেইট"),
    ("lighting", "Lighting rate", "সড়কবাতি রেইট"),
    ("water", "Water rate", "পানি রেইট"),
    ("sewerage", "Sewerage rate", "পয়ঃনিষ্কাশন রেইট"),
    ("fire", "Fire rate", "অগ্নি নির্বাপণ রেইট"),
    ("current", "This quarter", "চলতি কিস্তি"),
    ("arrears", "Arrears", "বকেয়া"),
    ("advance", "Advance paid", "অগ্রিম পরিশোধিত"),
    ("total_due", "Total due", "মোট প্রদেয়"),
)

_BILLS = """
SELECT r.bill_number, r.holding_code, concat_ws(' / ', r.owner_name, r.owner_name_bn), coalesce(r.address, ''),
       coalesce(r.ward::text, ''), r.fiscal_year, r.quarter, r.due_date, r.annual_value_bdt,
       r.holding_tax_bdt, r.conservancy_bdt, r.lighting_bdt, r.water_bdt, r.sewerage_bdt, r.fire_bdt, r.current_bdt,
       r.arrears_bdt, r.advance_bdt, r.total_due_bdt, r.full_year_bdt, r.rebate_bdt,
       (SELECT ST_AsText(ST_Multi(ST_Union(b.geom))) FROM imis_core.building_holding bh
        JOIN imis_core.building b ON b.id = bh.building_id WHERE bh.holding_id = r.holding_id)
FROM imis_app.bill_register r
WHERE r.run_code = %(run)s AND (%(ward)s::int IS NULL OR r.ward = %(ward)s)
  AND (%(holdings)s::text[] IS NULL OR r.holding_code = ANY (%(holdings)s))
ORDER BY r.bill_number
LIMIT %(limit)s
"""


def _money(value) -> str:
    return "" if value is None else f"{value:,.2f}"


def fetch_bills(dsn: str, run_code: str, ward: int | None = None, holdings: list[str] | None = None,
                limit: int | None = None) -> tuple[dict, list[dict]]:
    """The city (name, Bangla name, SRID) and the selected bills of a run, ready for the layout."""
    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        cur.execute("SELECT state FROM imis_revenue.bill_run WHERE code = %s", (run_code,))
        run = cur.fetchone()
        if run is None:
            raise RevenueError(f"There is no bill run {run_code!r}.")
        cur.execute("SELECT coalesce(name, 'IMIS city'), coalesce(name_bn, ''), srid FROM imis_core.city LIMIT 1")
        name, name_bn, srid = cur.fetchone()
        cur.execute(_BILLS, {"run": run_code, "ward": ward, "holdings": holdings or None, "limit": limit})
        rows = cur.fetchall()
    bills = []
    for row in rows:
        (number, holding, owner, address, ward_no, fy, quarter, due, av, *amounts, full_year, rebate, wkt) = row
        bill = {"bill_number": number, "holding_code": holding, "owner": owner, "address": address, "ward": ward_no,
                "period": f"{fiscal_year_label(fy)}, Q{quarter}", "annual_value": _money(av),
                "due_date": due.strftime("%d %b %Y"), "wkt": wkt}
        bill.update({key: _money(v) for (key, _, _), v in zip(AMOUNTS, amounts)})
        if quarter == 1:
            bill["rebate_en"] = (f"Pay {_money(full_year)} BDT by {due:%d %b %Y} to settle the whole year: a rebate of "
                                 f"{_money(rebate)} BDT on this year's tax (not on arrears).")
            bill["rebate_bn"] = (f"{due:%d-%m-%Y} তারিখের মধ্যে পুরো বছরের জন্য {_money(full_year)} টাকা পরিশোধ করলে "
                                 f"চলতি বছরের করে {_money(rebate)} টাকা রেয়াত (বকেয়ার উপর নয়)।")
        else:
            bill["rebate_en"] = bill["rebate_bn"] = ""
        bills.append(bill)
    city = {"name": name, "name_bn": name_bn, "srid": srid, "state": run[0]}
    return city, bills


def _label(layout, text: str, x: float, y: float, w: float, h: float, size: float, bold=False, right=False):
    from qgis.core import QgsLayoutItemLabel, QgsLayoutPoint, QgsLayoutSize
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QFont

    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)
    if right:
        item.setHAlign(Qt.AlignRight)
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(x, y))
    item.attemptResize(QgsLayoutSize(w, h))
    return item


def bills_layout(dsn: str, run_code: str, ward: int | None = None, holdings: list[str] | None = None,
                 limit: int | None = None, progress: Progress | None = None):
    """The print layout of a run's bills (its atlas walks them), its private project and the bill count."""
    from qgis.core import (
        QgsDataSourceUri,
        QgsFeature,
        QgsField,
        QgsFillSymbol,
        QgsGeometry,
        QgsLayoutItemMap,
        QgsLayoutObject,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsPrintLayout,
        QgsProject,
        QgsProperty,
        QgsSingleSymbolRenderer,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QVariant

    from ..project.screenshots import ensure_qgis

    report = progress or Progress()
    city, bills = fetch_bills(dsn, run_code, ward, holdings, limit)
    if not bills:
        raise RevenueError(f"Bill run {run_code} has no bill for this selection: nothing to print.")
    report(10, f"{len(bills)} bills")
    ensure_qgis()
    fields = ["bill_number", "holding_code", "owner", "address", "ward", "period", "annual_value", "due_date",
              *(key for key, _, _ in AMOUNTS), "rebate_en", "rebate_bn"]
    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:{city['srid']}", "bills", "memory")
    layer.dataProvider().addAttributes([QgsField(f, QVariant.String) for f in ["sort", *fields]])
    layer.updateFields()
    features = []
    for i, bill in enumerate(bills):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"{i:07d}", *(bill[f] for f in fields)])
        if bill["wkt"]:
            feature.setGeometry(QgsGeometry.fromWkt(bill["wkt"]))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "220,60,40,120", "outline_color": "180,0,0", "outline_width": "0.6"})))

    project = QgsProject()  # private: the user's open project is not touched
    uri = QgsDataSourceUri(dsn)
    uri.setDataSource("imis_core", "building", "geom", "", "id")
    buildings = QgsVectorLayer(uri.uri(False), "Buildings", "postgres")
    map_layers = [layer]
    if buildings.isValid():
        buildings.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "200,200,200", "outline_color": "120,120,120", "outline_width": "0.2"})))
        map_layers.append(buildings)
    project.addMapLayers(map_layers)

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(f"IMIS holding tax bills {run_code}")
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(PAGE_W, PAGE_H))
    atlas = layout.atlas()
    atlas.setCoverageLayer(layer)
    atlas.setEnabled(True)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"sort"')

    m = 10.0
    width = PAGE_W - 2 * m
    _label(layout, f"{city['name']}  {city['name_bn']}".strip(), m, 8, width, 7, 12, bold=True)
    _label(layout, "Holding tax bill  /  হোল্ডিং কর বিল", m, 15, width, 6, 10, bold=True)
    if city["state"] != "issued":
        _label(layout, f"DRAFT ({city['state'].replace('_', ' ')}): not for payment / খসড়া", m, 21, width, 5, 8,
               bold=True)
    y = 27.0
    for key, english, bangla in PARTICULARS:
        _label(layout, f"{english} / {bangla}", m, y, 52, 5, 7)
        _label(layout, f'[% "{key}" %]', m + 53, y, 40, 5, 7.5, bold=key == "bill_number")
        y += 5.2
    map_item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(map_item)
    map_item.attemptMove(QgsLayoutPoint(m + 95, 27))
    map_item.attemptResize(QgsLayoutSize(width - 95, 41))
    map_item.setLayers(map_layers)
    map_item.setKeepLayerSet(True)
    map_item.setCrs(layer.crs())
    if not layer.extent().isEmpty():
        map_item.zoomToExtent(layer.extent())
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(3.0)  # the neighbours too, to find the building
    map_item.setFrameEnabled(True)
    # a holding without a building has no place to show
    map_item.dataDefinedProperties().setProperty(
        QgsLayoutObject.ExcludeFromExports, QgsProperty.fromExpression("is_empty_or_null(@atlas_geometry)"))

    y += 3
    _label(layout, "Amount / বিবরণ", m, y, 80, 5, 7.5, bold=True)
    _label(layout, "BDT / টাকা", m + 80, y, width - 80, 5, 7.5, bold=True, right=True)
    y += 6
    for key, english, bangla in AMOUNTS:
        strong = key in ("current", "total_due")
        if key == "arrears":
            y += 1.5
        _label(layout, f"{english} / {bangla}", m, y, 80, 5, 7.5, bold=strong)
        _label(layout, f'[% "{key}" %]', m + 80, y, width - 80, 5, 7.5, bold=strong, right=True)
        y += 5.6 if key != "total_due" else 7
    _label(layout, '[% "rebate_en" %]', m, y, width, 9, 7)
    _label(layout, '[% "rebate_bn" %]', m, y + 9, width, 9, 7)
    _label(layout, "Pay at the municipal counter, a bank or ekPay quoting the bill number. Payments made after the "
                   "due date are carried to the next bill as arrears.", m, PAGE_H - 30, width, 9, 6.5)
    _label(layout, "পৌর কাউন্টার, ব্যাংক বা একপে-তে বিল নম্বর উল্লেখ করে পরিশোধ করুন। নির্ধারিত তারিখের পরে "
                   "বকেয়া পরবর্তী বিলে যোগ হবে।", m, PAGE_H - 21, width, 9, 6.5)
    _label(layout, f"IMIS · {run_code} · printed {dt.date.today():%d %b %Y}", m, PAGE_H - 10, width, 5, 6)

    return layout, project, len(bills)


def build_bills_pdf(dsn: str, run_code: str, path: str | Path, ward: int | None = None,
                    holdings: list[str] | None = None, limit: int | None = None, progress: Progress | None = None,
                    is_cancelled: Callable[[], bool] | None = None) -> dict:
    """Write the bills of a run (optionally one ward, some holdings, the first `limit`) to one PDF."""
    from qgis.core import QgsLayoutExporter

    report = progress or Progress()
    # the project owns the map's layers: it must live until the export is done
    layout, _project, count = bills_layout(dsn, run_code, ward, holdings, limit, report)
    report(30, "writing the PDF")
    cancelled = is_cancelled or (lambda: False)
    if cancelled():
        raise RevenueError("Cancelled: no PDF was written.")
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 200
    settings.rasterizeWholeImage = False
    path = Path(path)
    result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), str(path), settings)
    if result != QgsLayoutExporter.Success:
        raise RevenueError(f"Writing the bills to {path} failed: {error or result}")
    report(100, f"{count} bills written to {path.name}")
    return {"path": path, "bills": count}
