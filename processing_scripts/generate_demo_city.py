"""IMIS Processing script: generate a synthetic demo city into an IMIS database."""

import json

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterNumber,
)

from imis_plugin.processing import base


class GenerateDemoCityAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "generate_demo_city"
    DISPLAY_NAME = "Generate demo city"
    GROUP_ID = "data"
    TAGS = ("demo", "synthetic", "test data", "training", "city", "generator")
    HELP = (
        "Fills an IMIS database (at the head revision) with a synthetic but plausible city: a boundary tiled by "
        "wards, a connected road network (strategic, feeder and local roads, narrow lanes), drains and a small "
        "sewer network with their outlets and treatment plants, a river, ponds and waterlogging areas, "
        "low-income communities with dense small houses and community toilets, buildings with their BIN, use, "
        "structure, floors, households and population, holdings (standard, legacy and duplicate codes) and "
        "owners, containments of every type (some shared by neighbours), service providers with vehicles and "
        "crews, and three years of FSM history with realistic delays and gaps.\n\n"
        "The same seed and number of buildings give the same city, identifiers included (with the same as-of "
        "date). About 27,000 buildings is Jhenaidah's size, 156,000 Khulna's. A database that already holds "
        "city data is refused unless Replace existing data is checked, which deletes that data first. One "
        "transaction: when cancelled or on any error, nothing is written."
    )

    BUILDINGS = "BUILDINGS"
    SEED = "SEED"
    REPLACE = "REPLACE"
    AS_OF = "AS_OF"
    CITY = "CITY"
    ROW_COUNTS = "ROW_COUNTS"
    SECONDS = "SECONDS"

    def initAlgorithm(self, config=None):
        from imis_plugin.demo_city.plan import DEMO_BUILDINGS, DEMO_SEED, MAX_BUILDINGS, MIN_BUILDINGS

        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterNumber(
            self.BUILDINGS, self.tr("Number of buildings"), QgsProcessingParameterNumber.Integer,
            defaultValue=DEMO_BUILDINGS, minValue=MIN_BUILDINGS, maxValue=MAX_BUILDINGS))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Seed"), QgsProcessingParameterNumber.Integer, defaultValue=DEMO_SEED,
            minValue=0, maxValue=2**31 - 1))
        self.addParameter(QgsProcessingParameterBoolean(
            self.REPLACE, self.tr("Replace existing data (deletes the city data in the database first)"),
            defaultValue=False))
        as_of = QgsProcessingParameterDateTime(
            self.AS_OF, self.tr("Last day of the FSM history (default: today)"),
            QgsProcessingParameterDateTime.Date, optional=True)
        self.addParameter(as_of)
        self.addOutput(QgsProcessingOutputString(self.CITY, self.tr("City")))
        self.addOutput(QgsProcessingOutputNumber(self.BUILDINGS, self.tr("Buildings")))
        self.addOutput(QgsProcessingOutputString(self.ROW_COUNTS, self.tr("Rows per table (JSON)")))
        self.addOutput(QgsProcessingOutputNumber(self.SECONDS, self.tr("Seconds")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.demo_city import DemoCityError, generate

        as_of = None
        if parameters.get(self.AS_OF) not in (None, ""):
            value = self.parameterAsDateTime(parameters, self.AS_OF, context)
            if value.isValid():
                as_of = value.date().toPyDate()

        def progress(percent, message):
            feedback.setProgress(percent)
            feedback.setProgressText(message)

        try:
            summary = generate(
                dsn, buildings=self.parameterAsInt(parameters, self.BUILDINGS, context),
                seed=self.parameterAsInt(parameters, self.SEED, context), progress=progress,
                cancelled=feedback.isCanceled, replace=self.parameterAsBoolean(parameters, self.REPLACE, context),
                as_of=as_of)
        except DemoCityError as error:
            raise QgsProcessingException(str(error)) from error
        from imis_plugin.demo_city.commands import describe

        for line in describe(summary).splitlines():
            feedback.pushInfo(line)
        return {
            self.CITY: summary["city"],
            self.BUILDINGS: summary["buildings"],
            self.ROW_COUNTS: json.dumps(summary["rows"], sort_keys=True),
            self.SECONDS: summary["seconds"],
        }
