"""IMIS Processing script: export IMIS tables or views, filtered, to GeoPackage, zipped Shapefile, Excel or CSV."""

import json

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from imis_plugin.processing import base

FORMATS = ["gpkg", "shp", "xlsx", "csv"]


class ExportDataAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "export_data"
    DISPLAY_NAME = "Export data"
    GROUP_ID = "data"
    TAGS = ("export", "shapefile", "geopackage", "excel", "xlsx", "csv", "download", "filter", "ward")
    HELP = (
        "Exports IMIS tables or views (for example building, holding, containment, or a view of the app schema) "
        "to a GeoPackage, a zipped Shapefile (with a field-name map when names are longer than 10 characters), an "
        "Excel workbook (one sheet per layer, code-list labels instead of codes, units in the headers, frozen "
        "header row) or CSV.\n\n"
        "Filters, all optional and combined: a ward number, an extent, an area layer (its polygons), attribute "
        "conditions separated by ';' (field=value, field=a,b, field!=value, field>=value, field<value, "
        "field~text) and a date range (on the layer's first date field, or the one named).\n\n"
        "The export runs with the database login of the connection: what it may not read, it cannot export."
    )

    LAYERS, FORMAT, OUTPUT, WARD, WHERE = "LAYERS", "FORMAT", "OUTPUT", "WARD", "WHERE"
    DATE_FROM, DATE_TO, DATE_FIELD, EXTENT, AREA, LABELS, ROWS = ("DATE_FROM", "DATE_TO", "DATE_FIELD", "EXTENT",
                                                                  "AREA", "LABELS", "ROWS")

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterString(self.LAYERS, tr("Tables or views (comma-separated)"),
                                                       defaultValue="building"))
        self.addParameter(QgsProcessingParameterEnum(
            self.FORMAT, tr("Format"), options=[tr("GeoPackage"), tr("Shapefile (zipped)"), tr("Excel workbook"),
                                                tr("CSV")], defaultValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Output file"),
            tr("GeoPackage (*.gpkg);;Zipped Shapefile (*.zip);;Excel (*.xlsx);;CSV (*.csv)")))
        self.addParameter(QgsProcessingParameterNumber(self.WARD, tr("Ward number"), QgsProcessingParameterNumber.Integer,
                                                       optional=True, minValue=1))
        self.addParameter(QgsProcessingParameterString(self.WHERE, tr("Attribute conditions (field=value; ...)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterDateTime(self.DATE_FROM, tr("From date"),
                                                         QgsProcessingParameterDateTime.Date, optional=True))
        self.addParameter(QgsProcessingParameterDateTime(self.DATE_TO, tr("To date"),
                                                         QgsProcessingParameterDateTime.Date, optional=True))
        self.addParameter(QgsProcessingParameterString(self.DATE_FIELD, tr("Date field (default: the first)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, tr("Extent"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.AREA, tr("Area (polygons)"),
                                                              [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.LABELS, tr("Code-list labels in Excel"),
                                                     options=[tr("English"), tr("Bangla")], defaultValue=0))
        self.addOutput(QgsProcessingOutputString(self.ROWS, tr("Rows per layer (JSON)")))

    def _filters(self, parameters, context):
        from imis_plugin.transfer.filters import Filters, parse_condition

        filters = Filters()
        if parameters.get(self.WARD) not in (None, ""):
            filters.ward = self.parameterAsInt(parameters, self.WARD, context)
        where = self.parameterAsString(parameters, self.WHERE, context) or ""
        filters.conditions = [parse_condition(part) for part in where.split(";") if part.strip()]
        for name, attribute in ((self.DATE_FROM, "date_from"), (self.DATE_TO, "date_to")):
            value = self.parameterAsDateTime(parameters, name, context)
            if parameters.get(name) not in (None, "") and value.isValid():
                setattr(filters, attribute, value.date().toPyDate())
        filters.date_field = self.parameterAsString(parameters, self.DATE_FIELD, context) or None
        if parameters.get(self.EXTENT) not in (None, ""):
            rect = self.parameterAsExtent(parameters, self.EXTENT, context)
            crs = self.parameterAsExtentCrs(parameters, self.EXTENT, context)
            if not rect.isNull():
                wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
                geometry = QgsGeometry.fromRect(rect)
                geometry.transform(QgsCoordinateTransform(crs, wgs84, context.transformContext()))
                box = geometry.boundingBox()
                filters.bbox = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
                filters.bbox_srid = 4326
        source = self.parameterAsSource(parameters, self.AREA, context)
        if source is not None:
            geometries = [f.geometry() for f in source.getFeatures() if f.hasGeometry()]
            if geometries:
                union = QgsGeometry.unaryUnion(geometries)
                union.transform(QgsCoordinateTransform(source.sourceCrs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                                       context.transformContext()))
                filters.area_wkt, filters.area_srid = union.asWkt(), 4326
        return filters

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.transfer import TransferError
        from imis_plugin.transfer.export import run_export
        from imis_plugin.transfer.progress import Progress

        layers = [name.strip() for name in self.parameterAsString(parameters, self.LAYERS, context).split(",")
                  if name.strip()]
        fmt = FORMATS[self.parameterAsEnum(parameters, self.FORMAT, context)]
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        labels = ["en", "bn"][self.parameterAsEnum(parameters, self.LABELS, context)]
        progress = Progress(lambda pct, message: feedback.setProgress(pct), feedback.isCanceled)
        try:
            result = run_export(dsn, layers, fmt, output, self._filters(parameters, context), labels=labels,
                                progress=progress)
        except TransferError as error:
            raise QgsProcessingException(str(error)) from error
        for name, rows in result.rows.items():
            feedback.pushInfo(self.tr("{}: {} rows").format(name, rows))
        return {self.OUTPUT: str(result.output), self.ROWS: json.dumps(result.rows, sort_keys=True)}
