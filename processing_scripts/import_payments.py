"""IMIS Processing script: apply a payment-gateway file (ekPay...) to holding-tax bills."""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from imis_plugin.processing import base


class ImportPaymentsAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "import_payments"
    DISPLAY_NAME = "Import payments from a gateway file"
    GROUP_ID = "revenue"
    TAGS = ("revenue", "holding tax", "payment", "ekpay", "gateway", "csv", "reconcile")
    HELP = (
        "Reads a payment-gateway file (CSV with the columns bill_number, transaction_id, amount, paid_on) and "
        "records each payment against its bill, matched by bill number.\n\n"
        "Idempotent: a transaction recorded earlier (same gateway, same transaction id, bill and amount) is "
        "skipped, so a file can be read again safely. A malformed file (a missing column, an amount or date that "
        "cannot be read, a date in the future) is refused whole with every problem named by line and column. Rows "
        "that do not match (unknown bill number, bill not issued, a transaction recorded earlier with another "
        "bill or amount) are reported and not applied; the rest is applied in one transaction, or nothing with "
        "'All or nothing'. The report lists every row's outcome."
    )
    INPUT, GATEWAY, ALL, REPORT = "INPUT", "GATEWAY", "ALL_OR_NOTHING", "REPORT"
    APPLIED, DUPLICATES, MISMATCHES = "APPLIED", "DUPLICATES", "MISMATCHES"

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterFile(self.INPUT, tr("Gateway file (CSV)"), extension="csv"))
        self.addParameter(QgsProcessingParameterString(self.GATEWAY, tr("Gateway (payment channel code)"),
                                                       defaultValue="ekpay"))
        self.addParameter(QgsProcessingParameterBoolean(self.ALL, tr("All or nothing (apply nothing if a row "
                                                                     "does not match)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Report (CSV)"), tr("CSV (*.csv)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.APPLIED, tr("Payments applied")))
        self.addOutput(QgsProcessingOutputNumber(self.DUPLICATES, tr("Already recorded")))
        self.addOutput(QgsProcessingOutputNumber(self.MISMATCHES, tr("Mismatched rows")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.revenue.feedback import processing_errors, progress_for
        from imis_plugin.revenue.payments import import_gateway_file, write_report

        with processing_errors():
            result = import_gateway_file(dsn, self.parameterAsFile(parameters, self.INPUT, context),
                                         self.parameterAsString(parameters, self.GATEWAY, context).strip(),
                                         self.parameterAsBoolean(parameters, self.ALL, context), progress_for(feedback))
        for line in result.describe().splitlines():
            (feedback.reportError if line.startswith("  line") else feedback.pushInfo)(line)
        outputs = {self.APPLIED: result.applied, self.DUPLICATES: result.duplicates,
                   self.MISMATCHES: len(result.mismatches)}
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            outputs[self.REPORT] = str(write_report(result, report))
        return outputs
