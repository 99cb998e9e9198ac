"""IMIS Processing script: the monthly water bills from meter readings and the slab tariff."""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from imis_plugin.processing import base


class WaterBillingRunAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "water_billing_run"
    DISPLAY_NAME = "Water billing run"
    GROUP_ID = "revenue"
    TAGS = ("revenue", "water", "bill", "meter", "reading", "tariff", "slab")
    HELP = (
        "Bills every active metered water connection for a month: the water measured between the opening index "
        "(the previous bill's closing index, else the last reading before the month, else the index at "
        "installation) and the month's last reading, each m3 priced by the slab it falls in, at least the "
        "tariff's minimum charge, plus its fixed charge, with the connection's unpaid balance carried as "
        "arrears. One transaction; connections without a reading in the month are listed and billed by a later "
        "run once read (a run adds only missing bills). Optionally writes the month's water register (Excel)."
    )
    MONTH, DUE, REGISTER, BILLS, NO_READING, TOTAL = "MONTH", "DUE_DATE", "REGISTER", "BILLS", "NO_READING", "TOTAL_BDT"

    def initAlgorithm(self, config=None):
        import datetime as dt

        tr = self.tr
        self.addDatabaseParameter()
        last_month = (dt.date.today().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
        self.addParameter(QgsProcessingParameterString(self.MONTH, tr("Month (YYYY-MM)"), defaultValue=last_month))
        self.addParameter(QgsProcessingParameterString(
            self.DUE, tr("Due date (YYYY-MM-DD; empty: 15 days after the month)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REGISTER, tr("Water register (Excel)"), tr("Excel (*.xlsx)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.BILLS, tr("New bills")))
        self.addOutput(QgsProcessingOutputNumber(self.NO_READING, tr("Connections without a reading")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL, tr("Billed this month (BDT)")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.revenue.feedback import processing_errors, progress_for
        from imis_plugin.revenue.periods import parse_date, parse_month
        from imis_plugin.revenue.registers import water_register
        from imis_plugin.revenue.water import water_billing_run

        due_text = self.parameterAsString(parameters, self.DUE, context).strip()
        with processing_errors():
            month = parse_month(self.parameterAsString(parameters, self.MONTH, context), "Month")
            result = water_billing_run(dsn, month, parse_date(due_text, "Due date") if due_text else None,
                                       progress_for(feedback))
        for line in result.describe().splitlines():
            feedback.pushInfo(line)
        outputs = {self.BILLS: result.bills, self.NO_READING: len(result.no_reading),
                   self.TOTAL: float(result.current_bdt)}
        register = self.parameterAsFileOutput(parameters, self.REGISTER, context)
        if register:
            with processing_errors():
                outputs[self.REGISTER] = str(water_register(dsn, month, register)["path"])
        return outputs
