"""IMIS Processing script: write a QField package (project + offline GeoPackage) for an area and a purpose."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from imis_plugin.processing import base


class CreateQFieldPackageAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "create_qfield_package"
    DISPLAY_NAME = "Create QField package"
    GROUP_ID = "field"
    TAGS = ("qfield", "qfieldsync", "offline", "field", "survey", "mobile", "geopackage", "emptying", "provider")
    HELP = (
        "Writes a folder (and a zip next to it) that QField opens directly: a QGIS project on one offline "
        "GeoPackage, with the IMIS forms, value lists, relations and photo fields (saved under DCIM/).\n\n"
        "Purpose 'Building and containment survey' holds the buildings, containments and their links of the "
        "area for editing; 'Emptying forms of a service provider' holds that provider's open jobs "
        "(applications, assessments, emptyings, feedback) for editing and, read-only, the buildings and "
        "containments they concern and its vehicles. Roads, wards and water bodies come along read-only as "
        "background. A provider package shows no owners, population or national IDs.\n\n"
        "The area is ward numbers, a low-income community code or the polygons of a layer; without one the "
        "whole city is packed. The field user is the database login whose edits these will be: the audit "
        "trail names it when the package comes back (Import field edits). The package holds no connection "
        "details; the database records what it holds so that the import can tell field edits from office ones."
    )

    PURPOSE, WARDS, LIC, AREA, PROVIDER, FIELD_USER, LANGUAGE, ZIP, OUTPUT = (
        "PURPOSE", "WARDS", "LIC", "AREA", "PROVIDER", "FIELD_USER", "LANGUAGE", "ZIP", "OUTPUT")
    PROJECT, ZIP_FILE, PACKAGE_ID, SUMMARY = "PROJECT", "ZIP_FILE", "PACKAGE_ID", "SUMMARY"
    PURPOSES = ("survey", "provider")
    LANGUAGES = ("en", "bn")

    def flags(self):
        # the project and its layers are built in the thread that writes them: the main one
        return super().flags() | self.FlagNoThreading

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterEnum(
            self.PURPOSE, tr("Purpose"),
            options=[tr("Building and containment survey"), tr("Emptying forms of a service provider")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.WARDS, tr("Ward numbers (e.g. 3, 4)"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.LIC, tr("Low-income community code"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREA, tr("Area polygons"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PROVIDER, tr("Service provider code (emptying forms)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.FIELD_USER, tr("Field user (database login of the surveyor or provider)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, tr("Labels of value lists"), options=[tr("English"), tr("Bangla")], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(self.ZIP, tr("Also write a zip for QField"),
                                                        defaultValue=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, tr("Package folder")))
        self.addOutput(QgsProcessingOutputFile(self.PROJECT, tr("QGIS project of the package")))
        self.addOutput(QgsProcessingOutputFile(self.ZIP_FILE, tr("Zip for QField")))
        self.addOutput(QgsProcessingOutputString(self.PACKAGE_ID, tr("Package id")))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, tr("Summary")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.db.errors import ImisDatabaseError
        from imis_plugin.qfield import Area, create_package
        from imis_plugin.transfer.progress import Progress

        area = Area()
        wards = (self.parameterAsString(parameters, self.WARDS, context) or "").replace(";", ",")
        try:
            area.wards = [int(w) for w in wards.split(",") if w.strip()] or None
        except ValueError:
            raise QgsProcessingException(self.tr("Ward numbers: write whole numbers separated by commas.")) from None
        area.lic = (self.parameterAsString(parameters, self.LIC, context) or "").strip() or None
        source = self.parameterAsSource(parameters, self.AREA, context)
        if source is not None:
            area.polygon, area.srid = self._polygon(source, context)
        purpose = self.PURPOSES[self.parameterAsEnum(parameters, self.PURPOSE, context)]

        def report(pct, message):
            feedback.setProgress(pct)
            feedback.setProgressText(message)

        try:
            result = create_package(
                dsn, self.parameterAsString(parameters, self.OUTPUT, context), purpose, area=area,
                provider=(self.parameterAsString(parameters, self.PROVIDER, context) or "").strip() or None,
                field_user=(self.parameterAsString(parameters, self.FIELD_USER, context) or "").strip() or None,
                language=self.LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)],
                make_zip=self.parameterAsBoolean(parameters, self.ZIP, context),
                progress=Progress(report, feedback.isCanceled))
        except ImisDatabaseError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(result.summary())
        return {self.OUTPUT: str(result.folder), self.PROJECT: str(result.project),
                self.ZIP_FILE: str(result.zip_path) if result.zip_path else None,
                self.PACKAGE_ID: result.package_id, self.SUMMARY: result.summary()}

    def _polygon(self, source, context):
        """The union of the layer's polygons as WKT with its EPSG code (EPSG:4326 if it has none)."""
        crs = source.sourceCrs()
        transform = None
        if not crs.authid().upper().startswith("EPSG:"):
            target = QgsCoordinateReferenceSystem("EPSG:4326")
            transform = QgsCoordinateTransform(crs, target, context.transformContext())
            crs = target
        parts = []
        for feature in source.getFeatures():
            geometry = QgsGeometry(feature.geometry())
            if geometry.isEmpty():
                continue
            if transform is not None:
                geometry.transform(transform)
            parts.append(geometry)
        if not parts:
            raise QgsProcessingException(self.tr("The area layer has no polygon."))
        return QgsGeometry.unaryUnion(parts).asWkt(), int(crs.authid().split(":")[1])
