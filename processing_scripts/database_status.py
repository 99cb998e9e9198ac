"""IMIS Processing script: what an IMIS database holds (schema revision, versions, CRS, rows per table)."""

import html
import json

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
)

from imis_plugin.processing import base


class DatabaseStatusAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "database_status"
    DISPLAY_NAME = "Database status"
    GROUP_ID = "database"
    TAGS = ("postgis", "pgrouting", "alembic", "revision", "version", "status")
    HELP = (
        "Reports what an IMIS database holds: the PostgreSQL, PostGIS and pgRouting versions, the schema "
        "revision and whether it is the head revision this plugin ships (if not, run Upgrade database), "
        "the city and its coordinate reference system (SRID), and the number of rows of every data table.\n\n"
        "The values are algorithm outputs (usable in models and from qgis_process); an HTML report is "
        "written too when a file is chosen. The database is only read."
    )

    OUTPUT_HTML = "OUTPUT_HTML"
    SERVER_VERSION = "SERVER_VERSION"
    POSTGIS_VERSION = "POSTGIS_VERSION"
    PGROUTING_VERSION = "PGROUTING_VERSION"
    REVISION = "REVISION"
    HEAD_REVISION = "HEAD_REVISION"
    UP_TO_DATE = "UP_TO_DATE"
    SRID = "SRID"
    CITY = "CITY"
    ROW_COUNTS = "ROW_COUNTS"
    TOTAL_ROWS = "TOTAL_ROWS"

    def initAlgorithm(self, config=None):
        self.addDatabaseParameter()
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML,
                self.tr("Status report"),
                self.tr("HTML files (*.html)"),
                optional=True,
                createByDefault=False,
            )
        )
        tr = self.tr
        self.addOutput(QgsProcessingOutputString(self.SERVER_VERSION, tr("PostgreSQL version")))
        self.addOutput(QgsProcessingOutputString(self.POSTGIS_VERSION, tr("PostGIS version")))
        self.addOutput(QgsProcessingOutputString(self.PGROUTING_VERSION, tr("pgRouting version")))
        self.addOutput(QgsProcessingOutputString(self.REVISION, tr("Schema revision")))
        self.addOutput(QgsProcessingOutputString(self.HEAD_REVISION, tr("Head revision")))
        self.addOutput(QgsProcessingOutputBoolean(self.UP_TO_DATE, tr("Up to date")))
        self.addOutput(QgsProcessingOutputNumber(self.SRID, tr("SRID")))
        self.addOutput(QgsProcessingOutputString(self.CITY, tr("City")))
        self.addOutput(QgsProcessingOutputString(self.ROW_COUNTS, tr("Rows per table (JSON)")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_ROWS, tr("Rows in all data tables")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.db.errors import ImisDatabaseError
        from imis_plugin.db.status import database_status

        try:
            status = database_status(dsn)
        except ImisDatabaseError as error:
            raise QgsProcessingException(str(error)) from error

        row_counts = dict(status["row_counts"] or {})
        results = {
            self.SERVER_VERSION: status["server_version"],
            self.POSTGIS_VERSION: status["postgis_version"],
            self.PGROUTING_VERSION: status["pgrouting_version"],
            self.REVISION: status["revision"],
            self.HEAD_REVISION: status["head_revision"],
            self.UP_TO_DATE: bool(status["up_to_date"]),
            self.SRID: status["srid"],
            self.CITY: status["city"],
            self.ROW_COUNTS: json.dumps(row_counts, sort_keys=True),
            self.TOTAL_ROWS: sum(row_counts.values()),
        }
        self._report(feedback, status)

        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            with open(html_path, "w", encoding="utf-8") as stream:
                stream.write(self._html(status))
            results[self.OUTPUT_HTML] = html_path
        return results

    def _report(self, feedback, status):
        tr = self.tr
        feedback.pushInfo(tr("PostgreSQL {}").format(status["server_version"]))
        feedback.pushInfo(tr("PostGIS {}").format(status["postgis_version"] or tr("not installed")))
        feedback.pushInfo(tr("pgRouting {}").format(status["pgrouting_version"] or tr("not installed")))
        feedback.pushInfo(
            tr("Schema revision {} (head {})").format(
                status["revision"] or tr("none: empty database"), status["head_revision"]
            )
        )
        if not status["up_to_date"]:
            feedback.reportError(tr("The database is not at the head revision: run Upgrade database."))

    def _html(self, status) -> str:
        tr = self.tr

        def cell(value):
            return html.escape("—" if value is None else str(value))

        rows = [
            (tr("PostgreSQL"), status["server_version"]),
            (tr("PostGIS"), status["postgis_version"]),
            (tr("pgRouting"), status["pgrouting_version"]),
            (tr("Schema revision"), status["revision"]),
            (tr("Head revision"), status["head_revision"]),
            (tr("Up to date"), tr("yes") if status["up_to_date"] else tr("no")),
            (tr("City"), status["city"]),
            (tr("SRID"), status["srid"]),
        ]
        summary = "\n".join(f"<tr><th>{cell(k)}</th><td>{cell(v)}</td></tr>" for k, v in rows)
        counts = "\n".join(
            f'<tr><td>{cell(name)}</td><td style="text-align:right">{count:,}</td></tr>'
            for name, count in sorted((status["row_counts"] or {}).items())
        )
        return (
            '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
            f"<title>{cell(tr('IMIS database status'))}</title></head><body>\n"
            f"<h1>{cell(tr('IMIS database status'))}</h1>\n<table>\n{summary}\n</table>\n"
            f"<h2>{cell(tr('Rows per table'))}</h2>\n<table>\n"
            f"<tr><th>{cell(tr('Table'))}</th><th>{cell(tr('Rows'))}</th></tr>\n{counts}\n</table>\n"
            "</body></html>\n"
        )
