"""IMIS Processing script: containments close enough to wells, tube wells or water bodies to pollute them."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from imis_plugin.planning import algorithm as planning


class GroundwaterRiskAlgorithm(planning.PlanningAlgorithm):
    ALGORITHM_ID = "groundwater_risk"
    DISPLAY_NAME = "Groundwater risk"
    TAGS = ("groundwater", "well", "tube well", "tubewell", "water point", "water body", "pollution", "pit")
    HELP = (
        "Finds the containments (pits, septic tanks...) within a distance of water points (wells, tube "
        "wells, IMIS water points) or water bodies, with the nearest of each and its distance, and counts "
        "them per containment type.\n\n"
        "Distance: in metres, from the containment's location; the Sphere handbook asks for at least 30 m "
        "between a pit or soak pit and a groundwater source (more in sandy soils or with a high water "
        "table). To count only some types, list them separated by commas (for example "
        "unlined_pit,septic_tank_soak_pit,lined_pit_soak_pit); leave empty for all. To leave out water "
        "points that do not draw groundwater (standpipes, pond sand filters), select the others first: the "
        "water_point_type code list marks them (is_groundwater).\n\n"
        "risk_source says which kind of water is near: water_point, water_body or both. When every input is "
        "a table of the same PostGIS database (the IMIS layers), the work runs in PostGIS; on other layers "
        "QGIS computes the same answer itself."
    )

    CONTAINMENTS, TYPE_FIELD, TYPES = "CONTAINMENTS", "TYPE_FIELD", "TYPES"
    WATER_POINTS, POINT_FIELD = "WATER_POINTS", "POINT_FIELD"
    WATER_BODIES, BODY_FIELD = "WATER_BODIES", "BODY_FIELD"
    DISTANCE, OUTPUT, SUMMARY = "DISTANCE", "OUTPUT", "SUMMARY"

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CONTAINMENTS, tr("Containments"), [QgsProcessing.TypeVectorAnyGeometry]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TYPE_FIELD,
                tr("Containment type field"),
                "containment_type",
                self.CONTAINMENTS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TYPES, tr("Only these containment types (comma-separated; empty = all)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.WATER_POINTS,
                tr("Water points (wells, tube wells)"),
                [QgsProcessing.TypeVectorAnyGeometry],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.POINT_FIELD, tr("Water point label field"), "code", self.WATER_POINTS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.WATER_BODIES, tr("Water bodies"), [QgsProcessing.TypeVectorAnyGeometry], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.BODY_FIELD, tr("Water body label field"), "code", self.WATER_BODIES, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DISTANCE, tr("Distance (m)"), QgsProcessingParameterNumber.Double, 30, minValue=0
            )
        )
        self.add_engine_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Containments at risk"), QgsProcessing.TypeVectorAnyGeometry
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SUMMARY, tr("Containments at risk per type"), QgsProcessing.TypeVector
            )
        )

    def compute(self, parameters, context, feedback):
        from imis_plugin.planning import groundwater
        from imis_plugin.planning.inputs import PlanningError

        containments = self.input(parameters, self.CONTAINMENTS, context)
        points = self.input(parameters, self.WATER_POINTS, context)
        bodies = self.input(parameters, self.WATER_BODIES, context)
        if points is None and bodies is None:
            raise PlanningError(self.tr("Give water points, water bodies or both."))
        raw_types = self.parameterAsString(parameters, self.TYPES, context) or ""
        type_field = self.field_of(parameters, self.TYPE_FIELD, context, containments)
        types = [t.strip() for t in raw_types.split(",") if t.strip()]
        if types and type_field is None:
            raise PlanningError(self.tr("Choose the containment type field to filter by type."))
        spec = groundwater.RiskSpec(
            distance=self.parameterAsDouble(parameters, self.DISTANCE, context),
            type_field=type_field,
            types=types,
            point_label=self.field_of(parameters, self.POINT_FIELD, context, points),
            body_label=self.field_of(parameters, self.BODY_FIELD, context, bodies),
        )
        env = self.env(context, feedback, containments)
        dsn = self.push_down(parameters, context, [containments, points, bodies])
        if dsn is not None:
            from imis_plugin.planning.sqlrun import Session

            with Session(dsn, feedback) as session:
                tables = groundwater.run_sql(session, containments, points, bodies, spec, env)
        else:
            tables = groundwater.run_native(containments, points, bodies, spec, env)
        engine = planning.POSTGIS if dsn else planning.NATIVE
        self.report_engine(feedback, engine)
        feedback.pushInfo(
            self.tr("{} containments within {} m of water.").format(
                len(tables["features"].rows), spec.distance
            )
        )
        return {
            self.OUTPUT: self.write_output(
                tables["features"], parameters, self.OUTPUT, context, env, (60, 38)
            ),
            self.SUMMARY: self.write_output(tables["summary"], parameters, self.SUMMARY, context, env),
            self.ENGINE_USED: engine,
        }
