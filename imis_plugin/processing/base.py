"""Shared base of the IMIS Processing algorithms (the scripts in ``processing_scripts/``).

Scripts should import this module rather than its names (``from imis_plugin.processing import base`` then
``class X(base.ImisAlgorithm)``): QGIS's own script loader takes the first QgsProcessingAlgorithm subclass it
finds in a script's namespace, so keeping the base class out of that namespace lets a user drop any of the
scripts into QGIS's scripts folder as well.

Database access code (``imis_plugin.db``) is imported lazily inside the algorithms, so the provider lists its
algorithms even when a Python dependency is missing; running one then fails with a clear message.
"""


from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterString
from qgis.PyQt.QtCore import QCoreApplication

from ..credentials import contains_password
from . import missing_dependencies, missing_dependencies_message

#: Group ids of the IMIS toolbox and their (English) labels.
GROUPS = {
    "database": "Database",
    "desktop": "Desktop",
    "planning": "Planning",
    "data": "Data",
    "field": "Field work (QField)",
    "indicators": "Indicators",
    "fsm": "FSM service chain",
    "revenue": "Revenue",
    "health": "Public health",
}

DEFAULT_DATABASE = "imis"

def default_database() -> str:
    """The current city of the registry (`imis cities use`), else the embedded database's service."""
    try:
        from imis_plugin import cities

        city = cities.current()
    except Exception:  # noqa: BLE001 - a missing dependency or a damaged registry must not break the toolbox
        return DEFAULT_DATABASE
    return city.target if city else DEFAULT_DATABASE


def tr(text: str) -> str:
    return QCoreApplication.translate("ImisProcessing", text)


class ImisAlgorithm(QgsProcessingAlgorithm):
    """Base class: group handling, tags, help, dependency check and the ``DATABASE`` parameter.

    Subclasses set :attr:`ALGORITHM_ID` (equal to the script's file name), :attr:`DISPLAY_NAME`,
    :attr:`GROUP_ID` and :attr:`HELP`, and implement ``initAlgorithm`` and ``processAlgorithm``.
    """

    ALGORITHM_ID = ""
    DISPLAY_NAME = ""
    GROUP_ID = ""
    HELP = ""
    TAGS: tuple[str, ...] = ()

    DATABASE = "DATABASE"

    # Identity -------------------------------------------------------------------------------------------
    def name(self):
        return self.ALGORITHM_ID

    def displayName(self):
        return tr(self.DISPLAY_NAME)

    def groupId(self):
        return self.GROUP_ID

    def group(self):
        return tr(GROUPS.get(self.GROUP_ID, self.GROUP_ID))

    def tags(self):
        # "imis" lets users (and the plugin's menu entry) filter the toolbox to IMIS algorithms.
        return ["imis", *self.TAGS]

    def shortHelpString(self):
        return tr(self.HELP)

    def createInstance(self):
        return type(self)()

    def tr(self, text):
        return tr(text)

    # Dependencies ---------------------------------------------------------------------------------------
    def canExecute(self):
        missing = missing_dependencies()
        if missing:
            return False, missing_dependencies_message(missing)
        return True, ""

    @staticmethod
    def require_dependencies():
        """Raise a QgsProcessingException naming the missing Python packages, if any."""
        missing = missing_dependencies()
        if missing:
            raise QgsProcessingException(missing_dependencies_message(missing))

    # Database parameter ---------------------------------------------------------------------------------
    def addDatabaseParameter(self, description: str | None = None):
        parameter = QgsProcessingParameterString(
            self.DATABASE,
            description or tr("Database (pg_service name or connection string)"),
            defaultValue=default_database(),
        )
        parameter.setHelp(
            tr(
                "A service name from pg_service.conf (for example imis) or a libpq connection string or URI "
                "(host=... dbname=... or postgresql://...). Keep credentials in the service file or in "
                "~/.pgpass: a secret typed here would be stored in the Processing history."
            )
        )
        self.addParameter(parameter)

    def database_dsn(self, parameters, context) -> str:
        """The libpq DSN of the ``DATABASE`` parameter (service names resolved); never carries a secret."""
        self.require_dependencies()
        target = (self.parameterAsString(parameters, self.DATABASE, context) or "").strip()
        if not target:
            raise QgsProcessingException(
                tr("No database given: enter a pg_service name or connection string.")
            )
        if contains_password(target):
            raise QgsProcessingException(
                tr(
                    "The database connection string contains a secret credential. Processing records its "
                    "parameters in the history and the log, so IMIS refuses it: put the credential in "
                    "~/.pgpass or in a pg_service.conf entry and give the service name instead."
                )
            )
        from imis_plugin.db.connect import resolve_dsn
        from imis_plugin.db.errors import ImisDatabaseError

        try:
            return resolve_dsn(target)
        except ImisDatabaseError as error:
            raise QgsProcessingException(str(error)) from error
