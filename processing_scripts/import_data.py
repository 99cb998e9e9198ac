"""IMIS Processing script: import municipal data files (Shapefile, GeoPackage, GeoJSON, CSV, Excel) with a
mapping file, validated, in one transaction."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
)

from imis_plugin.processing import base


class ImportDataAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "import_data"
    DISPLAY_NAME = "Import data with a mapping"
    GROUP_ID = "data"
    TAGS = ("import", "migration", "load", "shapefile", "geopackage", "geojson", "csv", "excel", "mapping",
            "validate", "upsert")
    HELP = (
        "Loads municipal data as cities hold it (Shapefile, GeoPackage, GeoJSON, CSV, Excel) into the IMIS tables. "
        "A mapping file (TOML or JSON, see docs/data_transfer.md and database/mappings/) says which layer or sheet "
        "goes to which table, which source field fills which IMIS field and how values translate to code lists.\n\n"
        "Geometries are reprojected to the city CRS. Every row is checked first (types, code lists, required "
        "fields, geometry type and validity, duplicate keys, references such as ward numbers and BINs, the "
        "database's rules); rows match existing ones on their natural key (BIN, holding code, code), so running "
        "the same import again changes nothing.\n\n"
        "If any row is rejected, nothing is written (unless 'Load only the rows that pass' is ticked) and the report "
        "lists every rejected row with file, row, field and reason. A dry run checks and counts without writing."
    )

    MAPPING, FILES, DRY_RUN, REPAIR, SKIP_REJECTED, REPORT = ("MAPPING", "FILES", "DRY_RUN", "REPAIR",
                                                              "SKIP_REJECTED", "REPORT")
    INSERTED, UPDATED, UNCHANGED, REJECTED, WRITTEN, SUMMARY = ("INSERTED", "UPDATED", "UNCHANGED", "REJECTED",
                                                                "WRITTEN", "SUMMARY")

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterFile(
            self.MAPPING, tr("Mapping file"), QgsProcessingParameterFile.File, fileFilter=tr("Mapping (*.toml *.json)")))
        self.addParameter(QgsProcessingParameterMultipleLayers(self.FILES, tr("Files to import"), QgsProcessing.TypeFile))
        self.addParameter(QgsProcessingParameterBoolean(self.DRY_RUN, tr("Dry run (check and count, write nothing)"),
                                                        defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.REPAIR, tr("Repair invalid geometries (ST_MakeValid) instead of rejecting them"), defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SKIP_REJECTED, tr("Load only the rows that pass (skip rejected rows)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Report of rejected and repaired rows"), tr("Excel (*.xlsx);;CSV (*.csv)"),
            optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.INSERTED, tr("New rows")))
        self.addOutput(QgsProcessingOutputNumber(self.UPDATED, tr("Changed rows")))
        self.addOutput(QgsProcessingOutputNumber(self.UNCHANGED, tr("Unchanged rows")))
        self.addOutput(QgsProcessingOutputNumber(self.REJECTED, tr("Rejected rows")))
        self.addOutput(QgsProcessingOutputBoolean(self.WRITTEN, tr("Written")))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, tr("Summary")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.transfer import TransferError
        from imis_plugin.transfer.importer import run_import
        from imis_plugin.transfer.progress import Progress

        files = self.parameterAsFileList(parameters, self.FILES, context)
        report = self.parameterAsFileOutput(parameters, self.REPORT, context) or None
        progress = Progress(lambda pct, message: feedback.setProgress(pct), feedback.isCanceled)
        try:
            result = run_import(dsn, self.parameterAsFile(parameters, self.MAPPING, context), files,
                                dry_run=self.parameterAsBoolean(parameters, self.DRY_RUN, context),
                                repair_geometries=self.parameterAsBoolean(parameters, self.REPAIR, context),
                                skip_rejected=self.parameterAsBoolean(parameters, self.SKIP_REJECTED, context),
                                report_path=report, progress=progress)
        except TransferError as error:
            raise QgsProcessingException(str(error)) from error
        summary = result.summary()
        for line in summary.splitlines():
            feedback.pushInfo(line)
        for problem in result.problems[:20]:
            feedback.pushWarning(f"{problem.file} row {problem.row} {problem.field}: {problem.outcome}: {problem.reason}")
        if result.refused:
            raise QgsProcessingException(
                self.tr("{} rows were rejected, so nothing was written. The report lists them: {}").format(
                    result.total("rejected_rows"), report or self.tr("(no report file chosen)")))
        outputs = {self.INSERTED: result.total("inserted"), self.UPDATED: result.total("updated"),
                   self.UNCHANGED: result.total("unchanged"), self.REJECTED: result.total("rejected_rows"),
                   self.WRITTEN: result.written, self.SUMMARY: summary}
        if report:
            outputs[self.REPORT] = report
        return outputs
