"""IMIS Processing script: write the IMIS QGIS project (.qgz) of a database."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
)

from imis_plugin.processing import base


class CreateProjectAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "create_project"
    DISPLAY_NAME = "Create IMIS project"
    GROUP_ID = "desktop"
    TAGS = ("project", "qgz", "layers", "styles", "forms", "relations", "workspace")
    HELP = (
        "Writes a QGIS project with every IMIS layer of the database, in groups (boundaries, buildings and "
        "holdings, sanitation, networks, FSM service chain, revenue, analysis results), styled by their code "
        "lists with scale-dependent labels, with tabbed attribute forms, relations (building to containments, "
        "holdings and owners, and the service chain of applications), value lists, date pickers and the "
        "database's rules as form constraints.\n\n"
        "Layers connect through the database parameter as given: a pg_service name keeps every connection "
        "detail out of the project, and an authentication configuration lets QGIS supply the login from its "
        "own protected store. Tables the connecting role may not change are read-only layers.\n\n"
        "Open the project at the end to start working with it."
    )

    AUTHCFG = "AUTHCFG"
    LANGUAGE = "LANGUAGE"
    OUTPUT = "OUTPUT"
    OPEN = "OPEN"
    LAYERS = "LAYERS"
    READ_ONLY = "READ_ONLY"
    RELATIONS = "RELATIONS"
    LANGUAGES = ("en", "bn")

    def flags(self):
        # layers, styles and the project object are built in the thread that writes them: the main one
        return super().flags() | self.FlagNoThreading

    def initAlgorithm(self, config=None):
        self.addDatabaseParameter()
        self.addParameter(
            QgsProcessingParameterAuthConfig(
                self.AUTHCFG, self.tr("QGIS authentication configuration (optional)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LANGUAGE,
                self.tr("Labels of code lists"),
                options=[self.tr("English"), self.tr("Bangla")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("IMIS project"), self.tr("QGIS projects (*.qgz)")
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.OPEN, self.tr("Open the project when done (desktop only)"), defaultValue=False
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.LAYERS, self.tr("Layers")))
        self.addOutput(QgsProcessingOutputString(self.READ_ONLY, self.tr("Read-only layers")))
        self.addOutput(QgsProcessingOutputNumber(self.RELATIONS, self.tr("Relations")))

    def processAlgorithm(self, parameters, context, feedback):
        self.database_dsn(parameters, context)  # checks the target (no secret) and the dependencies
        target = self.parameterAsString(parameters, self.DATABASE, context).strip()
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context) or None
        language = self.LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)

        from imis_plugin.db.compat import check
        from imis_plugin.db.errors import ImisDatabaseError
        from imis_plugin.project.builder import ProjectError, build_project

        try:
            compatibility = check(self.database_dsn(parameters, context))
            if not compatibility.ok:
                raise QgsProcessingException(compatibility.message())
            result = build_project(
                target, output, authcfg=authcfg, language=language, feedback=feedback, log=feedback.pushInfo
            )
        except (ProjectError, ImisDatabaseError, ValueError) as error:
            raise QgsProcessingException(str(error)) from error
        if result.invalid:
            feedback.reportError(
                self.tr("Layers that could not be opened: {}").format(", ".join(result.invalid))
            )
        feedback.pushInfo(
            self.tr("{} layers ({} read-only), {} relations").format(
                result.layers, len(result.read_only), result.relations
            )
        )
        if self.parameterAsBoolean(parameters, self.OPEN, context):
            # opened after the algorithm has finished (postProcessAlgorithm), when the results are final
            self._open = str(result.path)
        return {
            self.OUTPUT: str(result.path),
            self.LAYERS: result.layers,
            self.READ_ONLY: ", ".join(result.read_only),
            self.RELATIONS: result.relations,
        }

    def postProcessAlgorithm(self, context, feedback):
        path = getattr(self, "_open", None)
        if path:
            from qgis.core import QgsProject

            QgsProject.instance().read(path)
        return {}
