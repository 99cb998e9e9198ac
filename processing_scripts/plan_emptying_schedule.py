"""IMIS Processing script: plan (or re-plan) emptying schedules: containments to vehicle-days along the roads."""

import datetime as dt

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from imis_plugin.processing import base


class PlanEmptyingScheduleAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "plan_emptying_schedule"
    DISPLAY_NAME = "Plan emptying schedule"
    GROUP_ID = "fsm"
    TAGS = ("fsm", "emptying", "desludging", "schedule", "routing", "pgrouting", "vacutug", "truck", "fill")
    HELP = (
        "Plans which containments are emptied on which working day, by which vehicle, in which order.\n\n"
        "Two programmes are merged: on-demand applications (emergencies first, then by their response target) and "
        "regular scheduled desludging of containments the fill model finds due by the end of the period (volume, "
        "users, the accumulation rate of the containment type, the last emptying or a measured sludge level). "
        "What the fill model had to estimate is flagged on each stop.\n\n"
        "Each vehicle works the city's working days (weekends and holidays skipped), from its depot, with its "
        "capacity, trips per day (plant runs, including the last one of the day) and hose length, only on roads "
        "at least as wide as it is, only in the wards its provider serves. Stops are grouped by proximity and "
        "ordered along the road network (pgRouting); each vehicle-day gets a route line.\n\n"
        "Re-planning an existing schedule keeps its confirmed stops on their vehicle and day; households that "
        "declined wait in the re-integration queue. Everything is written in one transaction: on an error or a "
        "cancel nothing is written. Optionally writes the Excel work orders."
    )
    START, END, MONTHS, CODE, NAME, REPLAN = "START", "END", "MONTHS", "CODE", "NAME", "REPLAN"
    REGULAR, ON_DEMAND, WARDS, DRY_RUN, WORK_ORDERS = "REGULAR", "ON_DEMAND", "WARDS", "DRY_RUN", "WORK_ORDERS"
    ADVANCED = (("SPEED", "speed_kmh", "Mean truck speed in town (km/h)", 15.0),
                ("HOURS", "working_hours", "Working hours a day", 8.0),
                ("SETUP", "setup_minutes", "Minutes at a containment before pumping", 30.0),
                ("PUMP", "pump_minutes_per_m3", "Pumping minutes per m3", 5.0),
                ("UNLOAD", "unload_minutes", "Minutes to unload at a plant", 20.0),
                ("TRIPS", "default_trips", "Plant runs a day of a vehicle with none recorded", 4),
                ("HOSE", "default_hose_m", "Hose length of a vehicle with none recorded (m)", 30.0))
    SCHEDULE_ID, SCHEDULE_CODE, PLANNED, TRUCK_KM, KM_PER_M3, OVERDUE, SUMMARY, STOPS, ROUTES = (
        "SCHEDULE_ID", "SCHEDULE_CODE", "PLANNED", "TRUCK_KM", "KM_PER_M3", "OVERDUE", "SUMMARY", "STOPS", "ROUTES")

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addDatabaseParameter()
        tomorrow = dt.date.today() + dt.timedelta(days=1)
        self.addParameter(QgsProcessingParameterDateTime(self.START, tr("First day"),
                                                         QgsProcessingParameterDateTime.Date, defaultValue=tomorrow))
        self.addParameter(QgsProcessingParameterDateTime(self.END, tr("Last day (empty: the number of months below)"),
                                                         QgsProcessingParameterDateTime.Date, optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.MONTHS, tr("Months to plan"),
                                                       QgsProcessingParameterNumber.Integer, 3, minValue=1, maxValue=24))
        self.addParameter(QgsProcessingParameterString(self.CODE, tr("Schedule code (empty: PLAN-<first>-<last>)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.NAME, tr("Schedule name"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.REPLAN, tr("Re-plan the schedule with this code (confirmed stops stay)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(self.REGULAR, tr("Regular programme (containments due)"),
                                                        defaultValue=True))
        self.addParameter(QgsProcessingParameterBoolean(self.ON_DEMAND, tr("Applications (on demand, emergencies)"),
                                                        defaultValue=True))
        self.addParameter(QgsProcessingParameterString(
            self.WARDS, tr("Regular programme only in these wards (numbers, comma separated)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.DRY_RUN, tr("Dry run (plan and report, write nothing)"),
                                                        defaultValue=False))
        for name, _, label, default in self.ADVANCED:
            kind = QgsProcessingParameterNumber.Integer if isinstance(default, int) else QgsProcessingParameterNumber.Double
            minimum = 1 if kind == QgsProcessingParameterNumber.Integer else 0.1
            parameter = QgsProcessingParameterNumber(name, tr(label), kind, default, minValue=minimum)
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.WORK_ORDERS, tr("Work orders"), tr("Excel (*.xlsx)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputString(self.SCHEDULE_ID, tr("Schedule id")))
        self.addOutput(QgsProcessingOutputString(self.SCHEDULE_CODE, tr("Schedule code")))
        self.addOutput(QgsProcessingOutputNumber(self.PLANNED, tr("Containments planned")))
        self.addOutput(QgsProcessingOutputNumber(self.TRUCK_KM, tr("Truck-km")))
        self.addOutput(QgsProcessingOutputNumber(self.KM_PER_M3, tr("Truck-km per m3")))
        self.addOutput(QgsProcessingOutputNumber(self.OVERDUE, tr("Containments overdue at the end of the period")))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, tr("Summary")))
        self.addOutput(QgsProcessingOutputVectorLayer(self.STOPS, tr("Schedule stops")))
        self.addOutput(QgsProcessingOutputVectorLayer(self.ROUTES, tr("Schedule routes")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.fsm.commands import add_months
        from imis_plugin.fsm.errors import ScheduleError
        from imis_plugin.fsm.packing import Params
        from imis_plugin.fsm.progress import Progress
        from imis_plugin.fsm.scheduler import PlanRequest, describe, plan_schedule
        from imis_plugin.fsm.workorders import write_work_orders

        start = self.parameterAsDateTime(parameters, self.START, context).date().toPyDate()
        end_value = self.parameterAsDateTime(parameters, self.END, context)
        if end_value.isValid() and parameters.get(self.END) not in (None, ""):
            end = end_value.date().toPyDate()
        else:
            end = add_months(start, self.parameterAsInt(parameters, self.MONTHS, context))
        wards_text = self.parameterAsString(parameters, self.WARDS, context).strip()
        try:
            wards = tuple(int(w) for w in wards_text.replace(" ", "").split(",") if w)
        except ValueError:
            raise QgsProcessingException(self.tr("Wards: give ward numbers separated by commas, e.g. 3,4,7.")) from None
        params = Params(**{field: self.parameterAsDouble(parameters, name, context) if isinstance(default, float)
                           else self.parameterAsInt(parameters, name, context)
                           for name, field, _, default in self.ADVANCED})
        request = PlanRequest(start, end, code=self.parameterAsString(parameters, self.CODE, context).strip() or None,
                              name=self.parameterAsString(parameters, self.NAME, context).strip() or None,
                              replan=self.parameterAsBoolean(parameters, self.REPLAN, context),
                              regular=self.parameterAsBoolean(parameters, self.REGULAR, context),
                              on_demand=self.parameterAsBoolean(parameters, self.ON_DEMAND, context),
                              wards=wards, params=params)
        dry_run = self.parameterAsBoolean(parameters, self.DRY_RUN, context)

        def report(pct, message):
            feedback.setProgress(pct)
            if message:
                feedback.setProgressText(message)

        try:
            result = plan_schedule(dsn, request, Progress(report, feedback.isCanceled), write=not dry_run)
        except ScheduleError as error:
            raise QgsProcessingException(str(error)) from error
        text = describe(result)
        for line in text.splitlines():
            (feedback.pushWarning if line.startswith(("Warning", "Not planned")) else feedback.pushInfo)(line)
        s = result.summary
        outputs = {self.SCHEDULE_ID: result.schedule_id or "", self.SCHEDULE_CODE: result.code,
                   self.PLANNED: s["planned"], self.TRUCK_KM: s["truck_km"], self.KM_PER_M3: s["km_per_m3"],
                   self.OVERDUE: s["overdue_at_end"], self.SUMMARY: text}
        if dry_run:
            feedback.pushInfo(self.tr("Dry run: nothing was written."))
            return outputs
        orders = self.parameterAsFileOutput(parameters, self.WORK_ORDERS, context)
        if orders and s["planned"]:
            try:
                written = write_work_orders(dsn, result.code, orders)
            except ScheduleError as error:
                raise QgsProcessingException(str(error)) from error
            feedback.pushInfo(self.tr("Work orders: {} sheets, {} stops").format(written["sheets"], written["stops"]))
            outputs[self.WORK_ORDERS] = orders
        outputs.update(self._layers(dsn, result, context))
        return outputs

    def _layers(self, dsn, result, context):
        from imis_plugin.db.connect import transaction
        from imis_plugin.fsm.errors import ScheduleError
        from imis_plugin.fsm.layers import ROUTES, STOPS, schedule_layer

        try:
            with transaction(dsn, ScheduleError) as conn, conn.cursor() as cur:
                cur.execute("SELECT srid FROM imis_core.city LIMIT 1")
                srid = cur.fetchone()[0]
        except ScheduleError as error:
            raise QgsProcessingException(str(error)) from error
        outputs = {}
        for key, what, label in ((self.STOPS, STOPS, self.tr("Stops {}")), (self.ROUTES, ROUTES, self.tr("Routes {}"))):
            layer = schedule_layer(dsn, what, result.schedule_id, label.format(result.code), srid)
            if not layer.isValid():
                continue
            context.temporaryLayerStore().addMapLayer(layer)
            context.addLayerToLoadOnCompletion(
                layer.id(), QgsProcessingContext.LayerDetails(layer.name(), context.project(), key))
            outputs[key] = layer.id()
        return outputs
