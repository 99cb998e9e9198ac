"""IMIS Processing script: buildings, population and containments within a distance of water bodies,
waterlogging areas, a road, a drawn area or any layer, per ward."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterGeometry,
    QgsProcessingParameterNumber,
)

from imis_plugin.planning import algorithm as planning


class BufferAnalysisAlgorithm(planning.PlanningAlgorithm):
    ALGORITHM_ID = "buffer_analysis"
    DISPLAY_NAME = "Buffer analysis"
    TAGS = ("buffer", "distance", "within", "water body", "waterlogging", "road", "population", "ward")
    HELP = (
        "Finds the buildings (or any features) within a distance of water bodies, waterlogging areas, a "
        "road, an area you draw or any other layer, and summarises them per ward: number of buildings, "
        "population and containments by type.\n\n"
        "Distance: the shortest distance between the two geometries, in metres (a building touching a water "
        "body is at 0 m). Use the selection of the 'distance from' layer to measure from some of its "
        "features only (one road, the ponds of one ward).\n\n"
        "Outputs: the buildings within the distance, with all their fields and the ward(s) their centroid "
        "falls in; and a summary table with one row per ward, '(none)' for buildings outside every ward, "
        "and '(all)' for the whole result. Containments count by their own location.\n\n"
        "When every input is a table of the same PostGIS database (the IMIS layers), the work runs in "
        "PostGIS as one indexed query; on other layers (Shapefile, GeoPackage, memory layers) QGIS computes "
        "the same answer itself."
    )

    SOURCE, AREA, DISTANCE = "SOURCE", "AREA", "DISTANCE"
    BUILDINGS, POPULATION_FIELD = "BUILDINGS", "POPULATION_FIELD"
    CONTAINMENTS, CONTAINMENT_TYPE_FIELD = "CONTAINMENTS", "CONTAINMENT_TYPE_FIELD"
    WARDS, WARD_FIELD = "WARDS", "WARD_FIELD"
    OUTPUT, SUMMARY = "OUTPUT", "SUMMARY"

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SOURCE,
                tr("Distance from (water bodies, waterlogging areas, roads or any layer)"),
                [QgsProcessing.TypeVectorAnyGeometry],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterGeometry(self.AREA, tr("Or distance from a drawn area"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DISTANCE, tr("Distance (m)"), QgsProcessingParameterNumber.Double, 50, minValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS,
                tr("Buildings (or any features to find)"),
                [QgsProcessing.TypeVectorAnyGeometry],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.POPULATION_FIELD,
                tr("Population field"),
                "population",
                self.BUILDINGS,
                QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CONTAINMENTS, tr("Containments"), [QgsProcessing.TypeVectorAnyGeometry], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CONTAINMENT_TYPE_FIELD,
                tr("Containment type field"),
                "containment_type",
                self.CONTAINMENTS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.WARDS, tr("Wards"), [QgsProcessing.TypeVectorPolygon], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.WARD_FIELD, tr("Ward label field"), "number", self.WARDS, optional=True
            )
        )
        self.add_engine_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Buildings within the distance"), QgsProcessing.TypeVectorAnyGeometry
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.SUMMARY, tr("Summary per ward"), QgsProcessing.TypeVector)
        )

    def compute(self, parameters, context, feedback):
        from imis_plugin.planning import buffer
        from imis_plugin.planning.inputs import PlanningError

        inputs = buffer.BufferInputs(
            targets=self.input(parameters, self.BUILDINGS, context),
            sources=self.input(parameters, self.SOURCE, context),
            containments=self.input(parameters, self.CONTAINMENTS, context),
            wards=self.input(parameters, self.WARDS, context),
        )
        env = self.env(context, feedback, inputs.targets)
        area = None
        if parameters.get(self.AREA) not in (None, ""):
            area = self.parameterAsGeometry(parameters, self.AREA, context, env.crs)
            if area is None or area.isNull() or area.isEmpty():
                area = None
        if inputs.sources is None and area is None:
            raise PlanningError(self.tr("Give a layer to measure the distance from, or draw an area."))
        spec = buffer.BufferSpec(
            distance=self.parameterAsDouble(parameters, self.DISTANCE, context),
            area=area,
            population=self.field_of(parameters, self.POPULATION_FIELD, context, inputs.targets),
            containment_type=self.field_of(
                parameters, self.CONTAINMENT_TYPE_FIELD, context, inputs.containments
            ),
            ward_label=self.field_of(parameters, self.WARD_FIELD, context, inputs.wards, required=True)
            if inputs.wards is not None
            else None,
        )
        dsn = self.push_down(
            parameters, context, [inputs.targets, inputs.sources, inputs.containments, inputs.wards]
        )
        if dsn is not None:
            from imis_plugin.planning.sqlrun import Session

            with Session(dsn, feedback) as session:
                tables = buffer.run_sql(session, inputs, spec, env)
        else:
            tables = buffer.run_native(inputs, spec, env)
        engine = planning.POSTGIS if dsn else planning.NATIVE
        self.report_engine(feedback, engine)
        feedback.pushInfo(
            self.tr("{} features within {} m.").format(len(tables["features"].rows), spec.distance)
        )
        return {
            self.OUTPUT: self.write_output(
                tables["features"], parameters, self.OUTPUT, context, env, (60, 38)
            ),
            self.SUMMARY: self.write_output(tables["summary"], parameters, self.SUMMARY, context, env),
            self.ENGINE_USED: engine,
        }
