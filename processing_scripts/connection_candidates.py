"""IMIS Processing script: buildings near chosen drains or sewers that are not connected to a network yet."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from imis_plugin.planning import algorithm as planning


class ConnectionCandidatesAlgorithm(planning.PlanningAlgorithm):
    ALGORITHM_ID = "connection_candidates"
    DISPLAY_NAME = "Drain / sewer connection candidates"
    TAGS = ("drain", "sewer", "connection", "candidate", "nearest", "network", "distance")
    HELP = (
        "For the chosen drains or sewers (select some, or list their codes, to use only those), lists the "
        "buildings within a distance that are not connected to a network yet, with the nearest segment and "
        "the distance to it, ranked nearest first (rank 1 is the cheapest connection).\n\n"
        "'Not connected' means the building's connection field is empty: drain_id for drains, sewer_id for "
        "sewers on IMIS buildings; choose another field for other layers. Once an officer confirms a "
        "connection, store the segment_id of the result in that field: the building then drops out of the "
        "next run.\n\n"
        "Distance: shortest distance between the building footprint and the segment, in metres. When every "
        "input is a table of the same PostGIS database (the IMIS layers), the work runs in PostGIS as one "
        "indexed query; on other layers QGIS computes the same answer itself."
    )

    NETWORK, KIND, SEGMENT_FIELD, ONLY = "NETWORK", "KIND", "SEGMENT_FIELD", "ONLY"
    BUILDINGS, CONNECTED_FIELD, DISTANCE, OUTPUT = "BUILDINGS", "CONNECTED_FIELD", "DISTANCE", "OUTPUT"
    KINDS = ("drain", "sewer")

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.NETWORK, tr("Drains or sewers (the selection, if any)"), [QgsProcessing.TypeVectorLine]
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.KIND, tr("The network is made of"), options=[tr("drains"), tr("sewers")], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SEGMENT_FIELD, tr("Segment label field"), "code", self.NETWORK, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.ONLY,
                tr("Only the segments with these labels (comma-separated; empty = all, or the selection)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS, tr("Buildings"), [QgsProcessing.TypeVectorAnyGeometry]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CONNECTED_FIELD,
                tr("Connection field of the buildings (empty = not connected; default drain_id or sewer_id)"),
                None,
                self.BUILDINGS,
                optional=True,
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
                self.OUTPUT, tr("Connection candidates"), QgsProcessing.TypeVectorAnyGeometry
            )
        )

    def compute(self, parameters, context, feedback):
        from imis_plugin.planning import connections
        from imis_plugin.planning.inputs import PlanningError

        network = self.input(parameters, self.NETWORK, context)
        buildings = self.input(parameters, self.BUILDINGS, context)
        kind = self.KINDS[self.parameterAsEnum(parameters, self.KIND, context)]
        connected = self.field_of(parameters, self.CONNECTED_FIELD, context, buildings) or buildings.field(
            f"{kind}_id", what=self.tr("connection field: choose it")
        )
        only = [
            t.strip()
            for t in (self.parameterAsString(parameters, self.ONLY, context) or "").split(",")
            if t.strip()
        ]
        label = self.field_of(parameters, self.SEGMENT_FIELD, context, network)
        if only and label is None:
            raise PlanningError(self.tr("Choose the segment label field to pick segments by label."))
        spec = connections.ConnectionSpec(
            distance=self.parameterAsDouble(parameters, self.DISTANCE, context),
            connected_field=connected,
            segment_label=label,
            only=only,
        )
        env = self.env(context, feedback, buildings)
        dsn = self.push_down(parameters, context, [buildings, network])
        if dsn is not None:
            from imis_plugin.planning.sqlrun import Session

            with Session(dsn, feedback) as session:
                table = connections.run_sql(session, network, buildings, spec, env)
        else:
            table = connections.run_native(network, buildings, spec, env)
        engine = planning.POSTGIS if dsn else planning.NATIVE
        self.report_engine(feedback, engine)
        feedback.pushInfo(
            self.tr("{} buildings within {} m are not connected.").format(len(table.rows), spec.distance)
        )
        return {
            self.OUTPUT: self.write_output(table, parameters, self.OUTPUT, context, env, (60, 40)),
            self.ENGINE_USED: engine,
        }
