"""IMIS Processing script: buildings and containments an emptying vehicle cannot reach."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from imis_plugin.planning import algorithm as planning


class VehicleAccessAlgorithm(planning.PlanningAlgorithm):
    ALGORITHM_ID = "vehicle_access"
    DISPLAY_NAME = "Vehicle access"
    TAGS = ("vehicle", "access", "road width", "hose", "vacutug", "truck", "emptying", "lane")
    HELP = (
        "Finds the buildings and containments a given emptying vehicle cannot reach: a road is passable "
        "when its width is at least the vehicle's width (roads of unknown width are not), and a building or "
        "containment is reachable when a passable road lies within the hose length of it.\n\n"
        "Each unreachable feature gets a reason: narrow_road (only roads narrower than the vehicle are "
        "within the hose length: a smaller vehicle may do) or too_far (no road at all within the hose "
        "length).\n\n"
        "Typical widths: city vacutug 1.5 m, mechanised van 1.8 m, vacuum truck 2.5 m (the width_m of the "
        "vehicle). Road width: width_m of IMIS roads (choose carrying_width_m to use the usable width). "
        "When every input is a table of the same PostGIS database (the IMIS layers), the work runs in "
        "PostGIS; on other layers QGIS computes the same answer itself."
    )

    ROADS, WIDTH_FIELD, VEHICLE_WIDTH, HOSE_LENGTH = "ROADS", "WIDTH_FIELD", "VEHICLE_WIDTH", "HOSE_LENGTH"
    BUILDINGS, CONTAINMENTS = "BUILDINGS", "CONTAINMENTS"
    OUTPUT, OUTPUT_CONTAINMENTS = "OUTPUT", "OUTPUT_CONTAINMENTS"

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.ROADS, tr("Roads"), [QgsProcessing.TypeVectorLine])
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.WIDTH_FIELD,
                tr("Road width field (m)"),
                "width_m",
                self.ROADS,
                QgsProcessingParameterField.Numeric,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.VEHICLE_WIDTH,
                tr("Vehicle width (m)"),
                QgsProcessingParameterNumber.Double,
                1.5,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.HOSE_LENGTH, tr("Hose length (m)"), QgsProcessingParameterNumber.Double, 30, minValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS, tr("Buildings"), [QgsProcessing.TypeVectorAnyGeometry], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CONTAINMENTS, tr("Containments"), [QgsProcessing.TypeVectorAnyGeometry], optional=True
            )
        )
        self.add_engine_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT,
                tr("Buildings the vehicle cannot reach"),
                QgsProcessing.TypeVectorAnyGeometry,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_CONTAINMENTS,
                tr("Containments the vehicle cannot reach"),
                QgsProcessing.TypeVectorAnyGeometry,
                optional=True,
            )
        )

    def compute(self, parameters, context, feedback):
        from imis_plugin.planning import access
        from imis_plugin.planning.inputs import PlanningError

        roads = self.input(parameters, self.ROADS, context)
        buildings = self.input(parameters, self.BUILDINGS, context)
        containments = self.input(parameters, self.CONTAINMENTS, context)
        if buildings is None and containments is None:
            raise PlanningError(self.tr("Give buildings, containments or both."))
        spec = access.AccessSpec(
            vehicle_width=self.parameterAsDouble(parameters, self.VEHICLE_WIDTH, context),
            hose_length=self.parameterAsDouble(parameters, self.HOSE_LENGTH, context),
            width_field=self.field_of(parameters, self.WIDTH_FIELD, context, roads, required=True),
        )
        env = self.env(context, feedback, buildings or containments)
        dsn = self.push_down(parameters, context, [buildings or containments, roads, containments])
        targets = [(self.OUTPUT, buildings), (self.OUTPUT_CONTAINMENTS, containments)]
        tables = {}
        if dsn is not None:
            from imis_plugin.planning.sqlrun import Session

            with Session(dsn, feedback) as session:
                for n, (name, item) in enumerate(targets):
                    if item is not None:
                        tables[name] = access.run_sql(session, roads, item, spec, env)
                        env.progress(30 + 30 * n)
        else:
            indexes = access.road_indexes(roads, spec, env)
            for n, (name, item) in enumerate(targets):
                if item is not None:
                    tables[name] = access.run_native(indexes, item, spec, env, (10 + 40 * n, 40))
        engine = planning.POSTGIS if dsn else planning.NATIVE
        self.report_engine(feedback, engine)
        results = {self.ENGINE_USED: engine}
        for name, table in tables.items():
            feedback.pushInfo(
                self.tr("{}: {} cannot be reached.").format(
                    self.parameterDefinition(name).description(), len(table.rows)
                )
            )
            results[name] = self.write_output(table, parameters, name, context, env)
        return results
