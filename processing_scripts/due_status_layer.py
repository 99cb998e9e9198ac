"""IMIS Processing script: a map layer of what is due: holding tax per building, water connections, or
solid-waste service and payments per ward."""

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
)

from imis_plugin.processing import base

SERVICES = ("holding_tax", "water", "solid_waste")


class DueStatusLayerAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "due_status_layer"
    DISPLAY_NAME = "Due status layer"
    GROUP_ID = "revenue"
    TAGS = ("revenue", "holding tax", "water", "solid waste", "due", "arrears", "map", "coverage")
    HELP = (
        "Adds a live PostGIS layer that shows what is due, coloured by status:\n"
        "- Holding tax per building: the worst status of the building's holdings (paid, due, overdue, not billed, "
        "no holding) with the amounts billed, paid, outstanding and overdue, from issued bills;\n"
        "- Water connections: each connection's balance and status;\n"
        "- Solid waste per ward: buildings served, buildings near a collection route, customers, and the share "
        "that paid last month's fee.\n"
        "The layer reads the app schema's views, so it follows every new payment. Optionally one ward only."
    )
    SERVICE, WARD, OUTPUT, FEATURES = "SERVICE", "WARD", "OUTPUT", "FEATURES"

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterEnum(
            self.SERVICE, tr("Service"), options=[tr("Holding tax per building"), tr("Water connections"),
                                                  tr("Solid waste per ward")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.WARD, tr("Ward number (empty: the whole city)"),
                                                       optional=True, minValue=1))
        self.addOutput(QgsProcessingOutputVectorLayer(self.OUTPUT, tr("Due status")))
        self.addOutput(QgsProcessingOutputNumber(self.FEATURES, tr("Features")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.db.connect import transaction
        from imis_plugin.revenue.feedback import processing_errors
        from imis_plugin.revenue.layers import due_status_layer

        service = SERVICES[self.parameterAsEnum(parameters, self.SERVICE, context)]
        ward = None if parameters.get(self.WARD) in (None, "") else self.parameterAsInt(parameters, self.WARD, context)
        with processing_errors():
            with transaction(dsn) as conn, conn.cursor() as cur:
                cur.execute("SELECT srid FROM imis_core.city LIMIT 1")
                srid = cur.fetchone()[0]
        layer = due_status_layer(dsn, service, srid, ward)
        if not layer.isValid():
            raise QgsProcessingException(self.tr("The {} view could not be opened as a layer: is the database at "
                                                 "the head revision (Upgrade database)?").format(service))
        count = layer.featureCount()
        feedback.pushInfo(self.tr("{}: {} features").format(layer.name(), count))
        context.temporaryLayerStore().addMapLayer(layer)
        context.addLayerToLoadOnCompletion(
            layer.id(), QgsProcessingContext.LayerDetails(layer.name(), context.project(), self.OUTPUT))
        return {self.OUTPUT: layer.id(), self.FEATURES: count}
