"""IMIS Processing script: printable holding-tax bills (PDF, English and Bangla) and the bill register."""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from imis_plugin.processing import base


class PrintBillsAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "print_bills"
    DISPLAY_NAME = "Print bills"
    GROUP_ID = "revenue"
    TAGS = ("revenue", "holding tax", "bill", "print", "pdf", "bangla", "register", "excel")
    HELP = (
        "Prints the bills of a holding-tax bill run to one PDF, a page (A5) per bill: the particulars and amounts "
        "with English and Bangla labels, what settles the whole year with the rebate on first-quarter bills, and "
        "a small map of the holding's building. Made with a QGIS print layout whose atlas walks the bills. A run "
        "not issued yet prints as a draft. Optionally one ward, some holdings (comma-separated codes) or the "
        "first N bills; optionally also the run's bill register (Excel, with totals per ward)."
    )
    CODE, WARD, HOLDINGS, LIMIT, PDF, REGISTER, BILLS = "CODE", "WARD", "HOLDINGS", "LIMIT", "PDF", "REGISTER", "BILLS"

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterString(self.CODE, tr("Bill run (code, e.g. HT-2025-Q1)")))
        self.addParameter(QgsProcessingParameterNumber(self.WARD, tr("Ward number (empty: all)"), optional=True,
                                                       minValue=1))
        self.addParameter(QgsProcessingParameterString(self.HOLDINGS, tr("Holding codes (comma-separated; empty: all)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.LIMIT, tr("At most this many bills (empty: all)"),
                                                       optional=True, minValue=1))
        self.addParameter(QgsProcessingParameterFileDestination(self.PDF, tr("Bills (PDF)"), tr("PDF (*.pdf)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REGISTER, tr("Bill register (Excel)"), tr("Excel (*.xlsx)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.BILLS, tr("Bills printed")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.revenue.feedback import processing_errors, progress_for
        from imis_plugin.revenue.printing import build_bills_pdf
        from imis_plugin.revenue.registers import bill_register

        code = self.parameterAsString(parameters, self.CODE, context).strip()
        ward = None if parameters.get(self.WARD) in (None, "") else self.parameterAsInt(parameters, self.WARD, context)
        limit = None if parameters.get(self.LIMIT) in (None, "") else self.parameterAsInt(parameters, self.LIMIT, context)
        holdings = [h.strip() for h in self.parameterAsString(parameters, self.HOLDINGS, context).split(",") if h.strip()]
        with processing_errors():
            written = build_bills_pdf(dsn, code, self.parameterAsFileOutput(parameters, self.PDF, context), ward,
                                      holdings or None, limit, progress_for(feedback), feedback.isCanceled)
            outputs = {self.PDF: str(written["path"]), self.BILLS: written["bills"]}
            register = self.parameterAsFileOutput(parameters, self.REGISTER, context)
            if register:
                outputs[self.REGISTER] = str(bill_register(dsn, code, register)["path"])
        feedback.pushInfo(self.tr("{} bills printed to {}").format(written["bills"], written["path"]))
        return outputs
