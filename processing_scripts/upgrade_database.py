"""IMIS Processing script: install or upgrade the IMIS schema of a database to the head revision."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterNumber,
)

from imis_plugin.processing import base


class UpgradeDatabaseAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "upgrade_database"
    DISPLAY_NAME = "Upgrade database"
    GROUP_ID = "database"
    TAGS = ("install", "create", "migrate", "alembic", "schema", "srid")
    HELP = (
        "Installs the IMIS schema into a database, or upgrades an existing IMIS database to the head "
        "revision this plugin ships: data schemas through their migrations, then the app schema (views, "
        "functions, triggers, permissions) rebuilt and the code lists loaded, all in one transaction: on "
        "any error nothing is changed.\n\n"
        "SRID: the city's projected coordinate reference system in metres (for example 32645, WGS 84 / UTM "
        "zone 45N, or 32646, UTM zone 46N). Required on first install only; an installed database keeps the "
        "SRID it was created with.\n\n"
        "The database needs the PostGIS and pgRouting extensions available, and the user the rights to "
        "create schemas. Back the database up before upgrading production data."
    )

    SRID = "SRID"
    REVISION = "REVISION"

    def flags(self):
        # One transaction that cannot be interrupted half-way: no cancel button.
        return super().flags() & ~self.FlagCanCancel

    def initAlgorithm(self, config=None):
        self.addDatabaseParameter()
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SRID,
                self.tr("SRID of the city (first install only)"),
                QgsProcessingParameterNumber.Integer,
                optional=True,
                minValue=1,
            )
        )
        self.addOutput(QgsProcessingOutputString(self.REVISION, self.tr("Revision reached")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        srid = None
        if parameters.get(self.SRID) not in (None, ""):
            srid = self.parameterAsInt(parameters, self.SRID, context)

        from imis_plugin.db.errors import ImisDatabaseError
        from imis_plugin.db.migrate import upgrade
        from imis_plugin.db.status import database_status

        try:
            before = database_status(dsn)
        except ImisDatabaseError as error:
            raise QgsProcessingException(str(error)) from error
        if before["srid"] is None and srid is None:
            raise QgsProcessingException(
                self.tr(
                    "This database has no IMIS city yet (first install): set the SRID parameter to the "
                    "city's projected CRS in metres, for example 32645 (WGS 84 / UTM zone 45N) or 32646 "
                    "(UTM zone 46N)."
                )
            )
        feedback.pushInfo(
            self.tr("Current revision: {}; target: {}").format(
                before["revision"] or self.tr("none (empty database)"), before["head_revision"]
            )
        )

        def progress(percent, message):
            feedback.setProgress(percent)
            if message:
                feedback.pushInfo(message)

        try:
            reached = upgrade(dsn, revision="head", srid=srid, progress=progress)
        except ImisDatabaseError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("Database at revision {}").format(reached))
        return {self.REVISION: reached}
