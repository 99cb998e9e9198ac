"""IMIS Processing script: walking distance along the roads from dependent buildings to their community or
public toilet."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from imis_plugin.planning import algorithm as planning


class ToiletAccessAlgorithm(planning.PlanningAlgorithm):
    ALGORITHM_ID = "toilet_access"
    DISPLAY_NAME = "Community toilet accessibility"
    TAGS = (
        "toilet",
        "community toilet",
        "public toilet",
        "walking",
        "distance",
        "network",
        "pgrouting",
        "SF-3e",
    )
    HELP = (
        "For every building whose residents depend on a community or public toilet (the building-toilet "
        "links), measures the walking distance along the road network to that toilet, and flags the "
        "buildings farther than a threshold.\n\n"
        "Walking distance = from the building's centroid straight to the nearest road, along the roads "
        "(shortest path), then straight to the toilet. Roads connect where they share a vertex: lines that "
        "cross without a common vertex are not connected (split them first with Vector geometry > Split "
        "with lines if needed). A toilet that cannot be reached along the roads leaves walking_m empty and "
        "counts as beyond the threshold. The summary gives, per toilet, the dependents, how many are beyond "
        "and the mean and longest walk (the mean of all is CWIS indicator SF-3e).\n\n"
        "When every input is a table of the same PostGIS database (the IMIS layers), the routing runs in "
        "PostGIS with pgRouting; on other layers QGIS's network analysis computes the same answer."
    )

    BUILDINGS, BUILDING_KEY = "BUILDINGS", "BUILDING_KEY"
    TOILETS, TOILET_KEY, TOILET_FIELD = "TOILETS", "TOILET_KEY", "TOILET_FIELD"
    LINKS, LINK_BUILDING, LINK_TOILET = "LINKS", "LINK_BUILDING", "LINK_TOILET"
    ROADS, THRESHOLD, OUTPUT, SUMMARY = "ROADS", "THRESHOLD", "OUTPUT", "SUMMARY"

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS, tr("Buildings"), [QgsProcessing.TypeVectorAnyGeometry]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(self.BUILDING_KEY, tr("Building key field"), "id", self.BUILDINGS)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.TOILETS, tr("Community / public toilets"), [QgsProcessing.TypeVectorAnyGeometry]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(self.TOILET_KEY, tr("Toilet key field"), "id", self.TOILETS)
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TOILET_FIELD, tr("Toilet label field"), "code", self.TOILETS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LINKS,
                tr("Building-toilet links (which building depends on which toilet)"),
                [QgsProcessing.TypeVector],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.LINK_BUILDING, tr("Link field holding the building key"), "building_id", self.LINKS
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.LINK_TOILET, tr("Link field holding the toilet key"), "toilet_id", self.LINKS
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ROADS, tr("Roads (walking network)"), [QgsProcessing.TypeVectorLine]
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.THRESHOLD,
                tr("Walking distance threshold (m)"),
                QgsProcessingParameterNumber.Double,
                250,
                minValue=0,
            )
        )
        self.add_engine_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT,
                tr("Dependent buildings with their walking distance"),
                QgsProcessing.TypeVectorAnyGeometry,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SUMMARY, tr("Walking distances per toilet"), QgsProcessing.TypeVector
            )
        )

    def compute(self, parameters, context, feedback):
        from imis_plugin.planning import toilets

        buildings = self.input(parameters, self.BUILDINGS, context)
        toilet_layer = self.input(parameters, self.TOILETS, context)
        links = self.input(parameters, self.LINKS, context)
        roads = self.input(parameters, self.ROADS, context)
        spec = toilets.ToiletSpec(
            threshold=self.parameterAsDouble(parameters, self.THRESHOLD, context),
            building_key=self.field_of(parameters, self.BUILDING_KEY, context, buildings, required=True),
            toilet_key=self.field_of(parameters, self.TOILET_KEY, context, toilet_layer, required=True),
            link_building=self.field_of(parameters, self.LINK_BUILDING, context, links, required=True),
            link_toilet=self.field_of(parameters, self.LINK_TOILET, context, links, required=True),
            toilet_label=self.field_of(parameters, self.TOILET_FIELD, context, toilet_layer),
        )
        env = self.env(context, feedback, buildings)
        dsn = self.push_down(parameters, context, [buildings, toilet_layer, links, roads])
        if dsn is not None:
            from imis_plugin.planning.sqlrun import Session

            with Session(dsn, feedback) as session:
                tables = toilets.run_sql(session, buildings, toilet_layer, links, roads, spec, env)
        else:
            tables = toilets.run_native(buildings, toilet_layer, links, roads, spec, env)
        engine = planning.POSTGIS if dsn else planning.NATIVE
        self.report_engine(feedback, engine)
        beyond = sum(1 for values, _ in tables["features"].rows if values[-1])
        feedback.pushInfo(
            self.tr("{} dependent buildings, {} beyond {} m.").format(
                len(tables["features"].rows), beyond, spec.threshold
            )
        )
        return {
            self.OUTPUT: self.write_output(
                tables["features"], parameters, self.OUTPUT, context, env, (85, 13)
            ),
            self.SUMMARY: self.write_output(tables["summary"], parameters, self.SUMMARY, context, env),
            self.ENGINE_USED: engine,
        }
