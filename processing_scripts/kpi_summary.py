"""IMIS Processing script: KPI summary - every CWIS/JMP indicator and FSM service KPI for an area and period,
as a table layer, an Excel workbook with charts and a PDF report."""

import datetime as dt

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from imis_plugin.processing import base

PERIODS = ("year", "quarter", "month")
AREAS = ("city", "ward", "lic", "polygon")
RULES = ("jmp", "city")


class KpiSummaryAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "kpi_summary"
    DISPLAY_NAME = "KPI summary"
    GROUP_ID = "indicators"
    TAGS = ("cwis", "jmp", "sdg", "indicator", "kpi", "safely managed", "report", "excel", "pdf", "atlas",
            "excreta flow", "sfd", "EQ-1", "SF-1a")
    HELP = (
        "Computes every city-wide inclusive sanitation (CWIS) indicator (EQ-1, SF-1a to SF-9), the JMP sanitation "
        "ladder (safely managed, basic, limited, unimproved, open defecation) and the FSM service KPIs with their "
        "targets, for the whole city, a ward, a low-income community or the polygons of a layer, and for a year, "
        "a quarter or a month.\n\n"
        "Every row gives the numerator, denominator, value and unit, the 'safe' rule it used (JMP's, or the looser "
        "city rule that judges containments by type and outlet only) and, when the value is empty, why. The "
        "figures are computed by the database from the data as it is now: correct the data and run again.\n\n"
        "Outputs: a table layer; optionally an Excel workbook (one sheet per indicator group, with native "
        "charts, and the excreta flow), a PDF report (a QGIS print layout: the whole city, then one atlas page "
        "pair per ward with a map, the indicator table, the excreta-flow figure and a chart; figures under the "
        "report rule), and the excreta-flow (SFD-style) figure as PNG."
    )

    PERIOD, YEAR, PART = "PERIOD", "YEAR", "PART"
    AREA, AREA_CODE, POLYGONS = "AREA", "AREA_CODE", "POLYGONS"
    RULES, PROVIDER, OUTPUT = "RULES", "PROVIDER", "OUTPUT"
    XLSX, PDF, FLOW_PNG, REPORT_RULE, BUILDINGS = "XLSX", "PDF", "FLOW_PNG", "REPORT_RULE", "BUILDINGS"
    INDICATORS, EMPTY = "INDICATORS", "EMPTY"

    def flags(self):
        # the PDF is laid out with a print layout and its own project: keep it on the main thread
        return super().flags() | self.FlagNoThreading

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterEnum(self.PERIOD, tr("Period"),
                                                     options=[tr("Year"), tr("Quarter"), tr("Month")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.YEAR, tr("Year"), QgsProcessingParameterNumber.Integer,
                                                       defaultValue=dt.date.today().year - 1, minValue=2000,
                                                       maxValue=2100))
        self.addParameter(QgsProcessingParameterNumber(self.PART, tr("Quarter (1-4) or month (1-12)"),
                                                       QgsProcessingParameterNumber.Integer, optional=True,
                                                       minValue=1, maxValue=12))
        self.addParameter(QgsProcessingParameterEnum(
            self.AREA, tr("Area"), options=[tr("Whole city"), tr("Ward"), tr("Low-income community"),
                                            tr("Polygons of a layer")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.AREA_CODE, tr("Ward number or low-income community code"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.POLYGONS, tr("Area polygons (their union)"),
                                                              [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.RULES, tr("Safe rules"),
                                                     options=[tr("JMP safely managed"), tr("City rule (as Base IMIS)")],
                                                     allowMultiple=True, defaultValue=[0, 1]))
        provider = QgsProcessingParameterString(self.PROVIDER, tr("Only the jobs of service provider (code)"),
                                                optional=True)
        provider.setFlags(provider.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(provider)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("KPI table"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(self.XLSX, tr("Excel workbook"), tr("Excel (*.xlsx)"),
                                                                optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(self.PDF, tr("PDF report (city and every ward)"),
                                                                tr("PDF (*.pdf)"), optional=True,
                                                                createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(self.FLOW_PNG, tr("Excreta-flow figure"),
                                                                tr("PNG (*.png)"), optional=True, createByDefault=False))
        report_rule = QgsProcessingParameterEnum(self.REPORT_RULE, tr("Rule of the PDF report"),
                                                 options=[tr("JMP safely managed"), tr("City rule (as Base IMIS)")],
                                                 defaultValue=1)
        report_rule.setFlags(report_rule.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(report_rule)
        buildings = QgsProcessingParameterBoolean(self.BUILDINGS, tr("Draw buildings on the report maps"),
                                                  defaultValue=True)
        buildings.setFlags(buildings.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(buildings)
        self.addOutput(QgsProcessingOutputNumber(self.INDICATORS, tr("Indicator rows")))
        self.addOutput(QgsProcessingOutputNumber(self.EMPTY, tr("Rows without a value")))

    # inputs -----------------------------------------------------------------------------------------------
    def _period(self, parameters, context):
        from imis_plugin.indicators import IndicatorError, Period

        kind = PERIODS[self.parameterAsEnum(parameters, self.PERIOD, context)]
        year = self.parameterAsInt(parameters, self.YEAR, context)
        part = None
        if parameters.get(self.PART) not in (None, ""):
            part = self.parameterAsInt(parameters, self.PART, context)
        try:
            if kind == "year":
                return Period.year(year)
            if part is None:
                raise QgsProcessingException(self.tr("Choose the {} (Quarter or month parameter).").format(kind))
            return Period.quarter(year, part) if kind == "quarter" else Period.month(year, part)
        except IndicatorError as error:
            raise QgsProcessingException(str(error)) from error

    def _area(self, parameters, context):
        from imis_plugin.indicators import Area

        kind = AREAS[self.parameterAsEnum(parameters, self.AREA, context)]
        code = (self.parameterAsString(parameters, self.AREA_CODE, context) or "").strip()
        if kind == "city":
            return Area.city()
        if kind in ("ward", "lic"):
            if not code:
                raise QgsProcessingException(self.tr("Give the ward number or the low-income community code."))
            return Area.ward(code) if kind == "ward" else Area.lic(code)
        source = self.parameterAsSource(parameters, self.POLYGONS, context)
        if source is None:
            raise QgsProcessingException(self.tr("Choose the layer whose polygons make the area."))
        geometries = [f.geometry() for f in source.getFeatures() if f.hasGeometry()]
        if not geometries:
            raise QgsProcessingException(self.tr("The area layer has no polygon (or none is selected)."))
        union = QgsGeometry.unaryUnion(geometries)
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        union.transform(QgsCoordinateTransform(source.sourceCrs(), wgs84, context.transformContext()))
        return Area.polygon(union.asWkt(), 4326, label=self.tr("Polygons of {}").format(source.sourceName()))

    # work -------------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.indicators import IndicatorError, compute

        period = self._period(parameters, context)
        area = self._area(parameters, context)
        rules = [RULES[i] for i in self.parameterAsEnums(parameters, self.RULES, context)] or list(RULES)
        provider = (self.parameterAsString(parameters, self.PROVIDER, context) or "").strip() or None
        feedback.pushInfo(self.tr("{}, {}: computing the indicators").format(area.label, period.label))
        feedback.setProgress(5)
        try:
            result = compute(dsn, period, area, rules=rules, provider=provider, with_flows=True)
        except IndicatorError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.setProgress(20)

        fields = QgsFields()
        for name, kind in (("area", QVariant.String), ("period", QVariant.String), ("group", QVariant.String),
                           ("code", QVariant.String), ("name", QVariant.String), ("rule", QVariant.String),
                           ("numerator", QVariant.Double), ("denominator", QVariant.Double),
                           ("value", QVariant.Double), ("unit", QVariant.String), ("target", QVariant.Double),
                           ("meets_target", QVariant.Bool), ("reason", QVariant.String)):
            fields.append(QgsField(name, kind))
        sink, sink_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        empty = 0
        for row in result.rows:
            feature = QgsFeature(fields)
            feature.setAttributes([row.area, row.period, row.group, row.code, row.name, row.rule, row.numerator,
                                   row.denominator, row.value, row.unit, row.target, row.meets_target, row.reason])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
            if row.value is None:
                empty += 1
                feedback.pushInfo(self.tr("{}: no value ({})").format(row.label, row.reason))
        results = {self.OUTPUT: sink_id, self.INDICATORS: len(result.rows), self.EMPTY: empty}

        xlsx = self.parameterAsFileOutput(parameters, self.XLSX, context)
        if xlsx:
            from imis_plugin.indicators.excel import write_workbook

            results[self.XLSX] = str(write_workbook(result, xlsx))
            feedback.pushInfo(self.tr("Workbook written: {}").format(xlsx))
        flow_png = self.parameterAsFileOutput(parameters, self.FLOW_PNG, context)
        if flow_png:
            from imis_plugin.indicators.charts import excreta_flow_png

            results[self.FLOW_PNG] = str(excreta_flow_png(
                result.flows, flow_png, f"Excreta flow, {result.city}, {area.label}, {period.label}"))
        feedback.setProgress(30)
        pdf = self.parameterAsFileOutput(parameters, self.PDF, context)
        if pdf and not feedback.isCanceled():
            from imis_plugin.indicators.report import build_pdf

            rule = RULES[self.parameterAsEnum(parameters, self.REPORT_RULE, context)]
            try:
                build_pdf(dsn, period, pdf, rule=rule,
                          include_buildings=self.parameterAsBoolean(parameters, self.BUILDINGS, context),
                          progress=lambda pct, msg: feedback.setProgress(30 + 0.7 * pct),
                          is_cancelled=feedback.isCanceled)
            except IndicatorError as error:
                raise QgsProcessingException(str(error)) from error
            results[self.PDF] = pdf
            feedback.pushInfo(self.tr("PDF report written: {}").format(pdf))
        feedback.setProgress(100)
        return results
