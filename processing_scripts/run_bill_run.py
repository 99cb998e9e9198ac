"""IMIS Processing script: the quarterly holding-tax bill run (a draft for a revenue chief to sign off)."""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from imis_plugin.processing import base


class RunBillRunAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "run_bill_run"
    DISPLAY_NAME = "Run holding tax bill run"
    GROUP_ID = "revenue"
    TAGS = ("revenue", "holding tax", "bill", "quarter", "arrears", "rebate", "rates")
    HELP = (
        "Bills every holding for one quarter of a fiscal year (2025 = July 2025 - June 2026), in one transaction: "
        "the annual value (latest assessment, else the value on the holding) times each rate (holding tax, "
        "conservancy, lighting, water, sewerage, fire) divided by four, the unpaid balance of issued bills "
        "carried as arrears (or advance), and on first-quarter bills the amount that settles the whole year with "
        "the rebate (10% by default, never on arrears). Bills are numbered <run>-000001... by ward and holding.\n\n"
        "The run is a draft: running it again replaces its bills. A revenue chief then signs it off (Sign off "
        "bill run) and it is issued (Issue bill run). Holdings without an annual value are listed, not billed. "
        "Optionally writes the bill register (Excel)."
    )
    YEAR, QUARTER, DUE, CODE, REGISTER = "FISCAL_YEAR", "QUARTER", "DUE_DATE", "CODE", "REGISTER"
    RUN, BILLS, TOTAL, SKIPPED = "BILL_RUN", "BILLS", "TOTAL_DUE_BDT", "SKIPPED"

    def initAlgorithm(self, config=None):
        import datetime as dt

        tr = self.tr
        self.addDatabaseParameter()
        today = dt.date.today()
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, tr("Fiscal year (its first calendar year: 2025 = 2025-26)"),
            defaultValue=today.year if today.month >= 7 else today.year - 1, minValue=2000, maxValue=2100))
        self.addParameter(QgsProcessingParameterEnum(
            self.QUARTER, tr("Quarter"), options=[tr("Q1 July-September"), tr("Q2 October-December"),
                                                  tr("Q3 January-March"), tr("Q4 April-June")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.DUE, tr("Due date (YYYY-MM-DD; empty: the quarter's last day)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CODE, tr("Run code (empty: HT-<year>-Q<quarter>)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REGISTER, tr("Bill register (Excel)"), tr("Excel (*.xlsx)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputString(self.RUN, tr("Bill run")))
        self.addOutput(QgsProcessingOutputNumber(self.BILLS, tr("Bills")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL, tr("Total due (BDT)")))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED, tr("Holdings without an annual value")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.revenue.billing import run_bills
        from imis_plugin.revenue.feedback import processing_errors, progress_for
        from imis_plugin.revenue.periods import parse_date
        from imis_plugin.revenue.registers import bill_register

        due_text = self.parameterAsString(parameters, self.DUE, context).strip()
        with processing_errors():
            due = parse_date(due_text, "Due date") if due_text else None
            result = run_bills(dsn, self.parameterAsInt(parameters, self.YEAR, context),
                               self.parameterAsEnum(parameters, self.QUARTER, context) + 1, due,
                               self.parameterAsString(parameters, self.CODE, context).strip() or None,
                               progress_for(feedback))
        for line in result.describe().splitlines():
            feedback.pushInfo(line)
        outputs = {self.RUN: result.code, self.BILLS: result.bills, self.TOTAL: float(result.total_due_bdt),
                   self.SKIPPED: len(result.skipped)}
        register = self.parameterAsFileOutput(parameters, self.REGISTER, context)
        if register:
            with processing_errors():
                outputs[self.REGISTER] = str(bill_register(dsn, result.code, register)["path"])
        return outputs
