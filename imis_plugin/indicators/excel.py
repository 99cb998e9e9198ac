"""The KPI summary workbook: an "About" sheet, one sheet per indicator group with a native Excel bar chart,
and the excreta flow (openpyxl, so the charts stay editable in Excel and LibreOffice)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .engine import GROUPS, RULE_LABELS, Result

HEADER = ("Label", "Code", "Indicator", "Rule", "Numerator", "Denominator", "Value", "Unit", "Target",
          "Target met", "Reason when empty")
WIDTHS = (16, 9, 52, 7, 13, 13, 10, 7, 9, 10, 48)
BOLD = Font(bold=True)
FILL = PatternFill("solid", fgColor="DDE6F0")
RED = Font(color="9C0006")
GREEN = Font(color="006100")


def _header(ws, row: int = 1):
    for col, text in enumerate(HEADER, start=1):
        cell = ws.cell(row=row, column=col, value=text)
        cell.font = BOLD
        cell.fill = FILL
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=row + 1, column=1)


def _chart(ws, title: str, first: int, last: int, unit: str, anchor: str) -> BarChart:
    chart = BarChart()
    chart.type = "bar"  # horizontal bars: long labels stay readable
    chart.style = 10
    chart.title = title
    chart.y_axis.title = unit
    chart.legend = None
    chart.add_data(Reference(ws, min_col=7, min_row=first - 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    chart.height = max(6.0, 0.7 * (last - first + 1) + 2)
    chart.width = 18
    ws.add_chart(chart, anchor)
    return chart


def write_workbook(result: Result, path) -> Path:
    """Write the workbook of ``result`` (rows of one area and period) to ``path``."""
    wb = Workbook()
    about = wb.active
    about.title = "About"
    lines = [
        ("IMIS KPI summary", ""),
        ("City", result.city),
        ("Area", result.area.label),
        ("Period", f"{result.period.label} ({result.period.date_from} to {result.period.date_to})"),
        ("Rules", ", ".join(f"{r} = {RULE_LABELS[r]}" for r in result.rules)),
        ("Computed", dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
        ("", ""),
        ("How to read", "Value = numerator / denominator (x 100 for %). An empty value has its reason in the last "
                        "column. Indicators that depend on the safe rule appear once per rule. Definitions: "
                        "docs/indicators.md."),
    ]
    for r, (key, value) in enumerate(lines, start=1):
        about.cell(row=r, column=1, value=key).font = BOLD
        about.cell(row=r, column=2, value=value).alignment = Alignment(wrap_text=True, vertical="top")
    about["A1"].font = Font(bold=True, size=14)
    about.column_dimensions["A"].width = 14
    about.column_dimensions["B"].width = 100

    for group, title in GROUPS.items():
        rows = [r for r in result.rows if r.group == group]
        if not rows:
            continue
        ws = wb.create_sheet(title[:31])
        _header(ws)
        for i, row in enumerate(rows, start=2):
            values = (row.label, row.code, row.name, row.rule or "", row.numerator, row.denominator, row.value,
                      row.unit, row.target, None if row.meets_target is None else ("yes" if row.meets_target else "no"),
                      row.reason or "")
            for col, value in enumerate(values, start=1):
                ws.cell(row=i, column=col, value=value)
            if row.meets_target is not None:
                ws.cell(row=i, column=10).font = GREEN if row.meets_target else RED
        # one chart per unit, so percentages and metres are not drawn on one axis
        by_unit: dict[str, list[int]] = {}
        for i, row in enumerate(rows, start=2):
            if row.unit != "count":
                by_unit.setdefault(row.unit, []).append(i)
        anchor_row = len(rows) + 4
        for unit, lines_ in by_unit.items():
            # a chart needs a contiguous range: copy the rows of this unit below the table
            first = anchor_row + 1
            ws.cell(row=anchor_row, column=1, value=f"{title}: values in {unit}").font = BOLD
            ws.cell(row=anchor_row, column=7, value="Value")
            for k, source in enumerate(lines_):
                ws.cell(row=first + k, column=1, value=ws.cell(row=source, column=1).value)
                ws.cell(row=first + k, column=7, value=ws.cell(row=source, column=7).value)
            last = first + len(lines_) - 1
            _chart(ws, f"{title} ({unit})", first, last, unit, f"M{anchor_row}")
            anchor_row = last + max(4, int(0.7 * len(lines_)) + 6)

    if result.flows:
        ws = wb.create_sheet("Excreta flow")
        for col, text in enumerate(("Stage", "Population", "Share %", "Safe"), start=1):
            ws.cell(row=1, column=col, value=text).font = BOLD
        for i, flow in enumerate(result.flows, start=2):
            ws.cell(row=i, column=1, value=flow.label)
            ws.cell(row=i, column=2, value=flow.population)
            ws.cell(row=i, column=3, value=flow.share)
            ws.cell(row=i, column=4, value={True: "safe", False: "unsafe", None: "depends"}[flow.safe])
        ws.column_dimensions["A"].width = 60
        chart = BarChart()
        chart.type = "bar"
        chart.title = "Excreta flow: share of the population"
        chart.legend = None
        chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=len(result.flows) + 1), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=len(result.flows) + 1))
        chart.width, chart.height = 18, 9
        ws.add_chart(chart, "F2")

    path = Path(path)
    wb.save(path)
    return path
