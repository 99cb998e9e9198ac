"""IMIS Processing script: the Excel work orders of an emptying schedule."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from imis_plugin.processing import base


class ScheduleWorkOrdersAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "schedule_work_orders"
    DISPLAY_NAME = "Schedule work orders"
    GROUP_ID = "fsm"
    TAGS = ("fsm", "emptying", "schedule", "work order", "excel", "crew")
    HELP = (
        "Writes an emptying schedule's work orders to Excel: one sheet per service provider and day, the stops of "
        "each vehicle in driving order with the containment, building, address, customer and phone, the expected "
        "volume and truck loads, what the fill model estimated, and empty columns for the volume emptied, the "
        "receipt and remarks. Declined stops are left out."
    )
    SCHEDULE, PROVIDER, START, END, OUTPUT, SHEETS, STOPS = ("SCHEDULE", "PROVIDER", "START", "END", "OUTPUT",
                                                            "SHEETS", "STOPS")

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterString(self.SCHEDULE, tr("Schedule code")))
        self.addParameter(QgsProcessingParameterString(self.PROVIDER, tr("Only this provider (code)"), optional=True))
        self.addParameter(QgsProcessingParameterDateTime(self.START, tr("From"), QgsProcessingParameterDateTime.Date,
                                                         optional=True))
        self.addParameter(QgsProcessingParameterDateTime(self.END, tr("To"), QgsProcessingParameterDateTime.Date,
                                                         optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Work orders"), tr("Excel (*.xlsx)")))
        self.addOutput(QgsProcessingOutputNumber(self.SHEETS, tr("Sheets")))
        self.addOutput(QgsProcessingOutputNumber(self.STOPS, tr("Stops")))

    def _date(self, parameters, name, context):
        if parameters.get(name) in (None, ""):
            return None
        value = self.parameterAsDateTime(parameters, name, context)
        return value.date().toPyDate() if value.isValid() else None

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.fsm.errors import ScheduleError
        from imis_plugin.fsm.workorders import write_work_orders

        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        try:
            written = write_work_orders(dsn, self.parameterAsString(parameters, self.SCHEDULE, context).strip(), output,
                                        self.parameterAsString(parameters, self.PROVIDER, context).strip() or None,
                                        self._date(parameters, self.START, context),
                                        self._date(parameters, self.END, context))
        except ScheduleError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(self.tr("{} sheets, {} stops").format(written["sheets"], written["stops"]))
        return {self.OUTPUT: output, self.SHEETS: written["sheets"], self.STOPS: written["stops"]}
