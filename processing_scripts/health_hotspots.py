"""IMIS Processing script: waterborne disease hotspots and contaminated-water clusters, with the sanitation
conditions around them."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from imis_plugin.processing import base

DISEASES = ["", "cholera", "diarrhoea", "dysentery", "hepatitis_a", "typhoid", "polio"]
WARD_FIELDS = [("ward_number", QVariant.Int), ("population", QVariant.LongLong), ("cases", QVariant.LongLong),
               ("rate_per_1000", QVariant.Double), ("city_rate_per_1000", QVariant.Double),
               ("relative_risk", QVariant.Double), ("is_hotspot", QVariant.Bool), ("containments", QVariant.LongLong),
               ("unsafe_containments", QVariant.LongLong), ("drains_without_plant_m", QVariant.Double),
               ("waterlogged_m2", QVariant.Double), ("samples", QVariant.LongLong),
               ("positive_samples", QVariant.LongLong)]
CLUSTER_FIELDS = [("cluster_id", QVariant.Int), ("positive_samples", QVariant.LongLong),
                  ("sample_codes", QVariant.String), ("unsafe_containments", QVariant.LongLong),
                  ("drains_without_plant_m", QVariant.Double), ("waterlogging_areas", QVariant.LongLong)]


def _fields(spec):
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, kind))
    return fields


class HealthHotspotsAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "health_hotspots"
    DISPLAY_NAME = "Disease hotspots and contaminated water"
    GROUP_ID = "health"
    TAGS = ("health", "dhis2", "cholera", "diarrhoea", "coliform", "hotspot", "cluster", "water quality")
    HELP = (
        "Relates waterborne disease and contaminated drinking water to sanitation conditions.\n\n"
        "Wards: the cases reported for the period (periods lying within it; one disease or all) per 1,000 "
        "residents, the city's rate and the ward's relative risk. A ward is a hotspot when its rate is at "
        "least the chosen factor times the city's and it has at least the minimum number of cases. Each ward "
        "also shows its containments and those unsafe under the indicators' city rule (to a water body or "
        "open ground, an unknown outlet, unlined pits, holding tanks, a drain that neither reaches a "
        "treatment plant nor is closed and lined, a sewer reaching no plant), the length of drains reaching "
        "no plant, the waterlogged area, and the water samples taken (and how many held faecal "
        "coliform).\n\n"
        "Clusters: positive water samples of the period grouped by distance (DBSCAN: at least the minimum "
        "number of samples, each within the cluster distance of another), with the unsafe containments, "
        "drains reaching no plant and waterlogging areas within the context distance of the cluster.\n\n"
        "Disease cases come from DHIS2 (Import DHIS2 disease cases) or are entered by hand; samples are "
        "entered or imported into the water samples layer."
    )

    FROM, TO, DISEASE, FACTOR, MIN_CASES = "FROM", "TO", "DISEASE", "FACTOR", "MIN_CASES"
    DISTANCE, MIN_SAMPLES, CONTEXT = "CLUSTER_DISTANCE", "MIN_SAMPLES", "CONTEXT_DISTANCE"
    WARDS, CLUSTERS = "WARDS", "CLUSTERS"

    def initAlgorithm(self, config=None):
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterDateTime(self.FROM, self.tr("From"),
                                                         QgsProcessingParameterDateTime.Date))
        self.addParameter(QgsProcessingParameterDateTime(self.TO, self.tr("To"), QgsProcessingParameterDateTime.Date))
        self.addParameter(QgsProcessingParameterEnum(self.DISEASE, self.tr("Disease (empty: all)"),
                                                     options=[d or self.tr("all") for d in DISEASES], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.FACTOR, self.tr("Hotspot: times the city rate"),
                                                       QgsProcessingParameterNumber.Double, 2, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.MIN_CASES, self.tr("Hotspot: at least this many cases"),
                                                       QgsProcessingParameterNumber.Integer, 5, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.DISTANCE, self.tr("Cluster distance (m)"),
                                                       QgsProcessingParameterNumber.Double, 250, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(self.MIN_SAMPLES, self.tr("Positive samples per cluster"),
                                                       QgsProcessingParameterNumber.Integer, 3, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(self.CONTEXT, self.tr("Sanitation around a cluster within (m)"),
                                                       QgsProcessingParameterNumber.Double, 100, minValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.WARDS, self.tr("Ward disease rates")))
        self.addParameter(QgsProcessingParameterFeatureSink(self.CLUSTERS, self.tr("Contaminated-water clusters")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        start = self.parameterAsDateTime(parameters, self.FROM, context).date().toPyDate()
        end = self.parameterAsDateTime(parameters, self.TO, context).date().toPyDate()
        if end < start:
            raise QgsProcessingException(self.tr("The period ends ({}) before it starts ({}).").format(end, start))
        disease = DISEASES[self.parameterAsEnum(parameters, self.DISEASE, context)] or None

        from imis_plugin import health
        from imis_plugin.db.errors import ImisDatabaseError

        try:
            crs = QgsCoordinateReferenceSystem(f"EPSG:{health.city_srid(dsn)}")
            feedback.setProgress(10)
            wards = health.ward_rates(dsn, start, end, disease, self.parameterAsDouble(parameters, self.FACTOR, context),
                                      self.parameterAsInt(parameters, self.MIN_CASES, context))
            feedback.setProgress(50)
            if feedback.isCanceled():
                return {}
            clusters = health.sample_clusters(dsn, start, end,
                                              self.parameterAsDouble(parameters, self.DISTANCE, context),
                                              self.parameterAsInt(parameters, self.MIN_SAMPLES, context),
                                              self.parameterAsDouble(parameters, self.CONTEXT, context))
        except ImisDatabaseError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.setProgress(80)
        results = {}
        for key, rows, spec, kind in ((self.WARDS, wards, WARD_FIELDS, QgsWkbTypes.MultiPolygon),
                                      (self.CLUSTERS, clusters, CLUSTER_FIELDS, QgsWkbTypes.Polygon)):
            fields = _fields(spec)
            sink, dest = self.parameterAsSink(parameters, key, context, fields, kind, crs)
            for row in rows:
                feature = QgsFeature(fields)
                geometry = QgsGeometry()
                geometry.fromWkb(row["wkb"])
                feature.setGeometry(geometry)
                feature.setAttributes([float(row[n]) if kind_ == QVariant.Double and row[n] is not None else row[n]
                                       for n, kind_ in spec])
                sink.addFeature(feature, QgsFeatureSink.FastInsert)
            results[key] = dest
        hotspots = [str(w["ward_number"]) for w in wards if w["is_hotspot"]]
        feedback.pushInfo(self.tr("Hotspot wards: {}; clusters of positive samples: {}").format(
            ", ".join(hotspots) or self.tr("none"), len(clusters)))
        feedback.setProgress(100)
        return results
