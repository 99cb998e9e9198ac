"""The monthly service-provider report: jobs, volumes, trips, revenue, response times, disposal
confirmations and customer feedback of one provider in one month, as Excel and as a PDF made with a
QGIS print layout (a map of the month's emptyings and the figures' tables; works offscreen).

Every figure keeps its numerator and denominator, so a reader can check it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..db.connect import transaction
from .errors import ScheduleError


@dataclass
class Figure:
    label: str
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    unit: str = ""

    def text(self) -> str:
        if self.value is None:
            return "-"
        if self.unit == "%":
            return f"{self.value:.0f} %"
        if self.unit == "days":
            return f"{self.value:.1f} days"
        if self.unit == "BDT":
            return f"{self.value:,.0f} BDT"
        if self.unit == "m3":
            return f"{self.value:,.1f} m3"
        if self.unit == "score":
            return f"{self.value:.1f} / 5"
        return f"{self.value:,.0f}"


@dataclass
class MonthReport:
    provider_code: str
    provider_name: str
    month: dt.date
    figures: list
    jobs: list  # rows for the jobs table
    job_columns: tuple
    points: list  # (x, y, code) of the month's emptyings
    srid: int


JOB_COLUMNS = ("Application", "BIN", "Containment", "Applied", "Emptied", "Response days", "m3", "Trips",
               "Cost BDT", "Disposed m3", "Disposal confirmed", "Satisfaction", "PPE")


def month_bounds(month: dt.date) -> tuple[dt.date, dt.date]:
    first = month.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    return first, nxt - dt.timedelta(days=1)


def _ratio(label, num, den, unit="%"):
    if not den:
        return Figure(label, None, num, den, unit)
    return Figure(label, 100.0 * float(num) / float(den), num, den, unit)


def monthly_report(dsn: str, provider_code: str, month: dt.date) -> MonthReport:
    first, last = month_bounds(month)
    with transaction(dsn, ScheduleError) as conn, conn.cursor() as cur:
        cur.execute("SELECT id, name FROM imis_fsm.service_provider WHERE code = %s", (provider_code,))
        row = cur.fetchone()
        if row is None:
            raise ScheduleError(f"There is no service provider {provider_code}.")
        provider, name = row
        p = {"p": provider, "first": first, "last": last}
        cur.execute("""SELECT count(*) FILTER (WHERE NOT is_cancelled), count(*) FILTER (WHERE is_cancelled),
                              count(*) FILTER (WHERE is_emergency AND NOT is_cancelled)
                       FROM imis_fsm.application WHERE provider_id = %(p)s
                         AND application_date BETWEEN %(first)s AND %(last)s""", p)
        received, cancelled, emergencies = cur.fetchone()
        cur.execute("SELECT response_days FROM imis_fsm.fsm_setting LIMIT 1")
        target_days = (cur.fetchone() or (7,))[0]
        cur.execute(
            """SELECT a.code, b.bin, c.code, a.application_date, e.emptied_date, e.emptied_date - a.application_date,
                      e.volume_m3, e.trips, e.cost_bdt, d.disposed, d.confirmed, fb.satisfaction, fb.crew_wore_ppe,
                      ST_X(coalesce(c.location, ST_PointOnSurface(b.geom))),
                      ST_Y(coalesce(c.location, ST_PointOnSurface(b.geom))), d.n
               FROM imis_fsm.emptying e
               JOIN imis_fsm.application a ON a.id = e.application_id
               LEFT JOIN imis_core.building b ON b.id = a.building_id
               LEFT JOIN imis_core.containment c ON c.id = imis_app.job_containment(a.containment_id, a.building_id)
               LEFT JOIN LATERAL (SELECT sum(volume_m3) AS disposed, count(*) AS n,
                                         count(*) FILTER (WHERE confirmed_by IS NOT NULL) AS confirmed
                                  FROM imis_fsm.disposal WHERE emptying_id = e.id) d ON true
               LEFT JOIN imis_fsm.feedback fb ON fb.application_id = a.id
               WHERE a.provider_id = %(p)s AND e.emptied_date BETWEEN %(first)s AND %(last)s
               ORDER BY e.emptied_date, a.code""", p)
        rows = cur.fetchall()
        cur.execute("""SELECT count(*) FILTER (WHERE status = 'planned'), count(*) FILTER (WHERE status = 'confirmed'),
                              count(*) FILTER (WHERE status = 'declined')
                       FROM imis_fsm.schedule_item WHERE provider_id = %(p)s
                         AND service_date BETWEEN %(first)s AND %(last)s""", p)
        planned, confirmed, declined = cur.fetchone()
        cur.execute("SELECT count(*), count(*) FILTER (WHERE overdue) FROM imis_app.fsm_job "
                    "WHERE provider_id = %(p)s AND state NOT IN ('closed', 'cancelled')", p)
        open_now, overdue_now = cur.fetchone()
        cur.execute("SELECT srid FROM imis_core.city LIMIT 1")
        srid = cur.fetchone()[0]
    emptyings = len(rows)
    volume = sum(float(r[6]) for r in rows)
    disposed = sum(float(r[9] or 0) for r in rows)
    with_disposal = sum(1 for r in rows if r[15])
    disposals = sum(int(r[15] or 0) for r in rows)
    confirmed_disposals = sum(int(r[10] or 0) for r in rows)
    response = [r[5] for r in rows]
    feedback = [r for r in rows if r[11] is not None or r[12] is not None]
    rated = [r[11] for r in feedback if r[11] is not None]
    ppe = [r[12] for r in feedback if r[12] is not None]
    figures = [
        Figure("Applications received", received),
        Figure("of which emergencies", emergencies),
        Figure("Applications cancelled", cancelled),
        Figure("Emptyings", emptyings),
        Figure("Volume emptied", volume, unit="m3"),
        Figure("Trips", sum(int(r[7] or 0) for r in rows)),
        Figure("Revenue", sum(float(r[8] or 0) for r in rows), unit="BDT"),
        Figure("Mean response time (application to emptying)",
               sum(response) / len(response) if response else None, sum(response), len(response), "days"),
        _ratio(f"Emptied within {target_days} days", sum(1 for d in response if d <= target_days), len(response)),
        _ratio("Emptyings with a disposal at a plant", with_disposal, emptyings),
        _ratio("Volume delivered to plants", disposed, volume),
        _ratio("Disposals confirmed by the plant", confirmed_disposals, disposals),
        Figure("Feedback received", len(feedback)),
        Figure("Mean satisfaction", sum(rated) / len(rated) if rated else None, sum(rated), len(rated), "score"),
        _ratio("Crew wore PPE (feedback)", sum(1 for x in ppe if x), len(ppe)),
        Figure("Scheduled stops in the month: planned", planned),
        Figure("Scheduled stops in the month: confirmed", confirmed),
        Figure("Scheduled stops in the month: declined", declined),
        Figure("Open jobs today", open_now),
        Figure("Overdue jobs today", overdue_now),
    ]
    jobs = [(r[0], r[1], r[2], r[3], r[4], r[5], float(r[6]), r[7], None if r[8] is None else float(r[8]),
             None if r[9] is None else float(r[9]),
             None if not r[15] else f"{r[10]} of {r[15]}", r[11], None if r[12] is None else ("yes" if r[12] else "no"))
            for r in rows]
    points = [(r[13], r[14], r[0]) for r in rows if r[13] is not None]
    return MonthReport(provider_code, name, first, figures, jobs, JOB_COLUMNS, points, srid)


def write_excel(report: MonthReport, path: str | Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Summary"
    sheet.append([f"{report.provider_name} ({report.provider_code}) - monthly report {report.month:%B %Y}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(["Figure", "Value", "Numerator", "Denominator", "Unit"])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for f in report.figures:
        sheet.append([f.label, None if f.value is None else round(f.value, 2), f.numerator, f.denominator, f.unit])
    sheet.column_dimensions["A"].width = 48
    for letter in "BCDE":
        sheet.column_dimensions[letter].width = 13
    jobs = book.create_sheet("Jobs")
    jobs.append(list(report.job_columns))
    for cell in jobs[1]:
        cell.font = Font(bold=True)
    for row in report.jobs:
        jobs.append(list(row))
    jobs.freeze_panes = "A2"
    path = Path(path)
    book.save(path)
    return path


def write_pdf(report: MonthReport, path: str | Path) -> Path:
    """A4 PDF through a QGIS print layout (QGIS is started offscreen when it is not running)."""
    from qgis.core import QgsLayoutExporter, QgsProject

    from ..project.screenshots import ensure_qgis

    ensure_qgis()
    project = QgsProject()  # a private project: the user's open project is not touched
    layout = build_layout(report, project)
    path = Path(path)
    result = QgsLayoutExporter(layout).exportToPdf(str(path), QgsLayoutExporter.PdfExportSettings())
    if result != QgsLayoutExporter.Success:
        raise ScheduleError(f"The PDF could not be written to {path} (QGIS layout export error {result}).")
    return path


def build_layout(report: MonthReport, project):
    """The report's A4 print layout in `project` (which keeps the map's layer)."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsFeature,
        QgsGeometry,
        QgsLayoutItemLabel,
        QgsLayoutItemManualTable,
        QgsLayoutItemMap,
        QgsLayoutItemPage,
        QgsLayoutFrame,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsPointXY,
        QgsPrintLayout,
        QgsRectangle,
        QgsTableCell,
        QgsTextFormat,
        QgsUnitTypes,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QRectF
    from qgis.PyQt.QtGui import QFont

    mm = QgsUnitTypes.LayoutMillimeters
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Portrait)
    layout.setName(f"IMIS provider report {report.provider_code} {report.month:%Y-%m}")

    def label(text, y, size, bold=False, height=8.0):
        item = QgsLayoutItemLabel(layout)
        item.setText(text)
        font = QFont()
        font.setPointSizeF(size)
        font.setBold(bold)
        item.setFont(font)
        layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(12, y, mm))
        item.attemptResize(QgsLayoutSize(186, height, mm))
        return item

    label(f"{report.provider_name} ({report.provider_code})", 8, 16, bold=True, height=9)
    label(f"Monthly service report, {report.month:%B %Y}. Generated {dt.date.today():%d %B %Y} by IMIS.", 17, 9)

    def table(rows, header, y, height, widths=None):
        item = QgsLayoutItemManualTable.create(layout)
        layout.addMultiFrame(item)
        cells = [[QgsTableCell(h) for h in header]] + [[QgsTableCell("" if v is None else str(v)) for v in r]
                                                       for r in rows]
        item.setTableContents(cells)
        item.setIncludeTableHeader(False)
        text_format = QgsTextFormat()
        text_format.setFont(QFont())
        text_format.setSize(7)
        text_format.setSizeUnit(QgsUnitTypes.RenderPoints)
        item.setContentTextFormat(text_format)
        if widths:
            item.setColumnWidths(widths)
        frame = QgsLayoutFrame(layout, item)
        frame.attemptSetSceneRect(QRectF(12, y, 186, height))
        item.addFrame(frame)
        return item

    figures = [(f.label, f.text(), "" if f.denominator in (None, "") or f.unit not in ("%", "days", "score")
                else f"{f.numerator:g} / {f.denominator:g}") for f in report.figures]
    table(figures, ("Figure", "Value", "Of"), 24, 92, [110, 40, 30])
    y = 120
    if report.points:
        label(f"Where the {len(report.points)} emptyings of the month were", y - 6, 8, height=5)
        layer = QgsVectorLayer(f"Point?crs=EPSG:{report.srid}", "emptyings", "memory")
        features = []
        for x, y_, code in report.points:
            feature = QgsFeature()
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y_)))
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        layer.updateExtents()
        project.addMapLayer(layer)
        item = QgsLayoutItemMap(layout)
        item.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{report.srid}"))
        layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(12, y, mm))
        item.attemptResize(QgsLayoutSize(186, 70, mm))
        item.setLayers([layer])
        # an extent of the item's own shape, so that setting it does not resize the item
        box = layer.extent().buffered(max(layer.extent().width(), layer.extent().height(), 200) * 0.1)
        ratio = 186 / 70
        width, height = max(box.width(), box.height() * ratio), max(box.height(), box.width() / ratio)
        centre = box.center()
        item.setExtent(QgsRectangle(centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2,
                                    centre.y() + height / 2))
        item.setFrameEnabled(True)
        y += 74
    shown = report.jobs[:25]
    if shown:
        columns = (0, 1, 3, 4, 5, 6, 8, 10, 11)
        table([[row[c] for c in columns] for row in shown], [report.job_columns[c] for c in columns], y, 285 - y)
        if len(report.jobs) > len(shown):
            label(f"... and {len(report.jobs) - len(shown)} more jobs: see the Excel report.", 287, 7, height=5)
    else:
        label("No emptying recorded this month.", y, 9)
    return layout
