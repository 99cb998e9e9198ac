"""IMIS Processing script: issue a signed-off holding-tax bill run."""

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from imis_plugin.processing import base


class IssueBillRunAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "issue_bill_run"
    DISPLAY_NAME = "Issue bill run"
    GROUP_ID = "revenue"
    TAGS = ("revenue", "holding tax", "bill", "issue", "print")
    HELP = (
        "Issues a holding-tax bill run that a revenue chief has signed off: its bills become due, payments can be "
        "taken on them and their balance counts as arrears in the next run. A revenue chief or an IMIS admin may "
        "issue. Optionally prints every bill of the run to one PDF (English and Bangla labels, a QGIS print "
        "layout); for a ward or some holdings only, use Print bills."
    )
    CODE, PDF, STATE, ISSUED_BY = "CODE", "PDF", "STATE", "ISSUED_BY"

    def initAlgorithm(self, config=None):
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterString(self.CODE, self.tr("Bill run (code, e.g. HT-2025-Q1)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.PDF, self.tr("Printable bills (PDF)"), self.tr("PDF (*.pdf)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputString(self.STATE, self.tr("State")))
        self.addOutput(QgsProcessingOutputString(self.ISSUED_BY, self.tr("Issued by")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.revenue.billing import issue
        from imis_plugin.revenue.feedback import processing_errors, progress_for
        from imis_plugin.revenue.printing import build_bills_pdf

        code = self.parameterAsString(parameters, self.CODE, context).strip()
        with processing_errors():
            run = issue(dsn, code)
        feedback.pushInfo(self.tr("Bill run {} issued by {}: {} bills, {} BDT.").format(
            run["code"], run["issued_by"], run["bill_count"], run["total_bdt"]))
        outputs = {self.STATE: run["state"], self.ISSUED_BY: run["issued_by"]}
        pdf = self.parameterAsFileOutput(parameters, self.PDF, context)
        if pdf:
            with processing_errors():
                outputs[self.PDF] = str(build_bills_pdf(dsn, code, pdf, progress=progress_for(feedback))["path"])
        return outputs
