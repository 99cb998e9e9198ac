"""IMIS Processing script: the National Sanitation Dashboard feed of every city, from the national database."""

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from imis_plugin.processing import base

RULES = ("city", "jmp")


class NationalFeedAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "national_feed"
    DISPLAY_NAME = "National dashboard feed of all cities"
    GROUP_ID = "indicators"
    TAGS = ("national sanitation dashboard", "dphe", "feed", "national", "cities", "json", "csv", "cwis")
    HELP = (
        "The yearly indicators of every city the national database reads (imis national link), as the "
        "National Sanitation Dashboard takes them: the same payload each city would send itself, built from the "
        "cities' published snapshots only.\n\n"
        "Database: the NATIONAL database (a pg_service name). City: one linked city, or empty for all. Year: "
        "0 takes each city's latest published year. A city without that published year, or that cannot be read "
        "now, is skipped and named in the log; the others still come out. Sending stays with each city's own "
        "'National dashboard feed' or `imis national feed --send`."
    )

    CITY, YEAR, RULE, JSON_FOLDER, CSV = "CITY", "YEAR", "RULE", "JSON_FOLDER", "CSV"
    FEEDS, SKIPPED = "FEEDS", "SKIPPED"

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addDatabaseParameter(tr("National database (pg_service name or connection string)"))
        self.addParameter(QgsProcessingParameterString(self.CITY, tr("City (empty: every linked city)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.YEAR, tr("Year (0: each city's latest published year)"),
                                                       QgsProcessingParameterNumber.Integer, defaultValue=0,
                                                       minValue=0, maxValue=2100))
        self.addParameter(QgsProcessingParameterEnum(self.RULE, tr("Safe rule of the figures"),
                                                     options=[tr("City rule (as Base IMIS)"), tr("JMP safely managed")],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterFolderDestination(self.JSON_FOLDER,
                                                                  tr("Folder of JSON feeds (CITY_YEAR.json)"),
                                                                  optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(self.CSV, tr("All feeds as one CSV"),
                                                                tr("CSV (*.csv)"), optional=True,
                                                                createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.FEEDS, tr("Cities in the feed")))
        self.addOutput(QgsProcessingOutputString(self.SKIPPED, tr("Cities skipped, with the reason")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin import national
        from imis_plugin.db.errors import ImisDatabaseError
        from imis_plugin.indicators import IndicatorError, feed

        city = (self.parameterAsString(parameters, self.CITY, context) or "").strip() or None
        year = self.parameterAsInt(parameters, self.YEAR, context) or None
        rule = RULES[self.parameterAsEnum(parameters, self.RULE, context)]
        try:
            made, skipped = national.feeds(dsn, rule, city, year)
        except (IndicatorError, ImisDatabaseError) as error:
            raise QgsProcessingException(str(error)) from error
        for name, one in made:
            feedback.pushInfo(self.tr("{}: {} indicators of {} {}").format(name, len(one.indicators), one.city,
                                                                          one.year))
        for name, reason in skipped:
            feedback.reportError(self.tr("{}: skipped, {}").format(name, reason))
        if not made:
            raise QgsProcessingException(self.tr("No feed: no chosen city has that published year in the national "
                                                 "database."))
        results = {self.FEEDS: len(made), self.SKIPPED: "; ".join(f"{n}: {r}" for n, r in skipped)}
        folder = self.parameterAsString(parameters, self.JSON_FOLDER, context)
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)  # a folder even for one city
            feed.write_json_feeds(made, folder)
            results[self.JSON_FOLDER] = folder
        path = self.parameterAsFileOutput(parameters, self.CSV, context)
        if path:
            results[self.CSV] = str(feed.write_csv([one for _, one in made], path))
        return results
