"""CWIS/JMP indicators, KPI summaries and the national dashboard feed.

The figures are computed by the app schema (database/app/50_indicators.sql, ``imis_app.indicators``);
this package names periods and areas (:mod:`.engine`), stores and publishes yearly snapshots
(:mod:`.snapshots`), writes the Excel workbook (:mod:`.excel`), chart images (:mod:`.charts`) and the PDF
report (:mod:`.report`, needs QGIS), builds the dashboard feed (:mod:`.feed`) and sends it (:mod:`.client`).
"""
from .engine import GROUPS, RULE_LABELS, RULES, Area, IndicatorError, IndicatorRow, Period, Result, compute

__all__ = ["GROUPS", "RULES", "RULE_LABELS", "Area", "IndicatorError", "IndicatorRow", "Period", "Result", "compute"]
