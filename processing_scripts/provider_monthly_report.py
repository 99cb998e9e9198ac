"""IMIS Processing script: a service provider's monthly report (Excel and PDF)."""

import datetime as dt

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from imis_plugin.processing import base


class ProviderMonthlyReportAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "provider_monthly_report"
    DISPLAY_NAME = "Provider monthly report"
    GROUP_ID = "fsm"
    TAGS = ("fsm", "report", "provider", "monthly", "excel", "pdf", "kpi", "revenue", "disposal")
    HELP = (
        "The monthly report every service provider produces: applications received, emptyings, volume, trips, "
        "revenue, response time (and the share within the city's target), disposals at treatment plants and "
        "their confirmation by the plant, customer feedback (satisfaction, PPE), scheduled stops confirmed or "
        "declined, and the open and overdue jobs today. Each ratio shows its numerator and denominator.\n\n"
        "Writes Excel (a summary sheet and the month's jobs) and, when chosen, a PDF made with a QGIS print "
        "layout (figures, a map of the month's emptyings, the jobs)."
    )
    PROVIDER, MONTH, OUTPUT, PDF, EMPTYINGS = "PROVIDER", "MONTH", "OUTPUT", "PDF", "EMPTYINGS"

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterString(self.PROVIDER, tr("Service provider (code)")))
        last_month = (dt.date.today().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
        self.addParameter(QgsProcessingParameterString(self.MONTH, tr("Month (YYYY-MM)"), defaultValue=last_month))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Report (Excel)"), tr("Excel (*.xlsx)")))
        self.addParameter(QgsProcessingParameterFileDestination(self.PDF, tr("Report (PDF)"), tr("PDF (*.pdf)"),
                                                                optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.EMPTYINGS, tr("Emptyings in the month")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.fsm.errors import ScheduleError
        from imis_plugin.fsm.report import monthly_report, write_excel, write_pdf

        text = self.parameterAsString(parameters, self.MONTH, context).strip()
        try:
            month = dt.datetime.strptime(text, "%Y-%m").date()
        except ValueError:
            raise QgsProcessingException(self.tr("Month {!r} is not YYYY-MM.").format(text)) from None
        try:
            report = monthly_report(dsn, self.parameterAsString(parameters, self.PROVIDER, context).strip(), month)
        except ScheduleError as error:
            raise QgsProcessingException(str(error)) from error
        for figure in report.figures:
            feedback.pushInfo(f"{figure.label}: {figure.text()}")
        outputs = {self.EMPTYINGS: len(report.jobs)}
        excel = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        outputs[self.OUTPUT] = str(write_excel(report, excel))
        pdf = self.parameterAsFileOutput(parameters, self.PDF, context)
        if pdf:
            outputs[self.PDF] = str(write_pdf(report, pdf))
        return outputs
