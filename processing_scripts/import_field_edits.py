"""IMIS Processing script: apply the field edits of a returned QField package in one transaction."""

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from imis_plugin.processing import base


class ImportFieldEditsAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "import_field_edits"
    DISPLAY_NAME = "Import field edits"
    GROUP_ID = "field"
    TAGS = ("qfield", "qfieldsync", "offline", "field", "sync", "survey", "emptying", "conflicts", "photos")
    HELP = (
        "Applies what QField brought back in a package made by Create QField package (its zip, or the "
        "imis_package.json in its folder): new, changed and deleted rows, in one transaction, under the field "
        "user's own login, so the audit trail names who collected them and the database's permissions apply.\n\n"
        "A row the office changed since the package was made is a conflict: it is not overwritten, and the "
        "report (Excel or CSV) and the conflicts GeoPackage show both versions for someone to resolve. Rows the "
        "database refuses are reported too; everything else is applied. Importing the same package again "
        "changes nothing, and a cancelled or failed import changes nothing. Photos are copied into the city's "
        "attachment store with their checksums. A package from another database, of an unknown format or "
        "damaged is refused."
    )

    PACKAGE, FIELD_USER, ATTACHMENTS, ALLOW_MASS_DELETE, REPORT, CONFLICTS = (
        "PACKAGE", "FIELD_USER", "ATTACHMENTS", "ALLOW_MASS_DELETE", "REPORT", "CONFLICTS")
    INSERTED, UPDATED, DELETED, CONFLICT_COUNT, REJECTED, SUMMARY = (
        "INSERTED", "UPDATED", "DELETED", "CONFLICT_COUNT", "REJECTED", "SUMMARY")

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterFile(
            self.PACKAGE, tr("Returned package (zip, or imis_package.json in its folder)"),
            QgsProcessingParameterFile.File, fileFilter=tr("QField package (*.zip imis_package.json)")))
        self.addParameter(QgsProcessingParameterString(
            self.FIELD_USER, tr("Field user (default: the one the package names)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.ATTACHMENTS, tr("Attachment store for photos (default: the city's setting)"),
            QgsProcessingParameterFile.Folder, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALLOW_MASS_DELETE, tr("Accept a layer that lost more than half of its rows"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Report of conflicts and rejected rows"), tr("Excel (*.xlsx);;CSV (*.csv)"),
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.CONFLICTS, tr("Conflicts (both versions)"), tr("GeoPackage (*.gpkg)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.INSERTED, tr("New rows")))
        self.addOutput(QgsProcessingOutputNumber(self.UPDATED, tr("Changed rows")))
        self.addOutput(QgsProcessingOutputNumber(self.DELETED, tr("Deleted rows")))
        self.addOutput(QgsProcessingOutputNumber(self.CONFLICT_COUNT, tr("Conflicts")))
        self.addOutput(QgsProcessingOutputNumber(self.REJECTED, tr("Rejected rows")))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, tr("Summary")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.db.errors import ImisDatabaseError
        from imis_plugin.qfield import import_package
        from imis_plugin.transfer.progress import Progress

        package = Path(self.parameterAsFile(parameters, self.PACKAGE, context))
        if package.name == "imis_package.json":
            package = package.parent

        def report(pct, message):
            feedback.setProgress(pct)
            feedback.setProgressText(message)

        try:
            result = import_package(
                dsn, package,
                field_user=(self.parameterAsString(parameters, self.FIELD_USER, context) or "").strip() or None,
                attachment_store=self.parameterAsFile(parameters, self.ATTACHMENTS, context) or None,
                report=self.parameterAsFileOutput(parameters, self.REPORT, context) or None,
                conflicts=self.parameterAsFileOutput(parameters, self.CONFLICTS, context) or None,
                allow_mass_delete=self.parameterAsBoolean(parameters, self.ALLOW_MASS_DELETE, context),
                progress=Progress(report, feedback.isCanceled))
        except ImisDatabaseError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(result.summary())
        for issue in result.issues:
            feedback.reportError(f"{issue.outcome}: {issue.layer} {issue.label}: {issue.reason}")
        return {self.INSERTED: result.total("inserted"), self.UPDATED: result.total("updated"),
                self.DELETED: result.total("deleted"), self.CONFLICT_COUNT: len(result.conflicts),
                self.REJECTED: len(result.rejected), self.SUMMARY: result.summary(),
                self.REPORT: str(result.report_path) if result.report_path else None,
                self.CONFLICTS: str(result.conflicts_path) if result.conflicts_path else None}
