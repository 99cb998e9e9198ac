"""IMIS Processing script: the National Sanitation Dashboard feed of a year, as JSON/CSV, and sending it."""

import datetime as dt

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from imis_plugin.processing import base

RULES = ("city", "jmp")


class DashboardFeedAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "dashboard_feed"
    DISPLAY_NAME = "National dashboard feed"
    GROUP_ID = "indicators"
    TAGS = ("national sanitation dashboard", "dphe", "feed", "json", "csv", "api", "publish", "cwis")
    HELP = (
        "The yearly indicators of the city as the National Sanitation Dashboard takes them: "
        "{city, year, indicators: [{code, name, outcome, value}]}, written as JSON and/or CSV. The values come "
        "from the year's snapshot (see Publish a year's indicators) when there is one, else they are computed "
        "now; the log says which.\n\n"
        "Send: posts the feed to the dashboard API. Only a year published in IMIS is sent, and the client first "
        "asks the dashboard whether it has already published that year: a published year is never overwritten. "
        "The endpoint and the credential come from a QGIS authentication configuration (its URL is the "
        "endpoint; method 'ESRI token' or 'Basic'), or from the environment variables IMIS_DASHBOARD_URL and "
        "IMIS_DASHBOARD_TOKEN; never from a project file."
    )

    YEAR, RULE, JSON, CSV = "YEAR", "RULE", "JSON", "CSV"
    SEND, AUTHCFG, ENDPOINT, PUBLISH = "SEND", "AUTHCFG", "ENDPOINT", "PUBLISH"
    SOURCE, SENT, DASHBOARD_PUBLISHED = "SOURCE", "SENT", "DASHBOARD_PUBLISHED"

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterNumber(self.YEAR, tr("Year"), QgsProcessingParameterNumber.Integer,
                                                       defaultValue=dt.date.today().year - 1, minValue=2000,
                                                       maxValue=2100))
        self.addParameter(QgsProcessingParameterEnum(self.RULE, tr("Safe rule of the figures"),
                                                     options=[tr("City rule (as Base IMIS)"), tr("JMP safely managed")],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(self.JSON, tr("Feed as JSON"), tr("JSON (*.json)"),
                                                                optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(self.CSV, tr("Feed as CSV"), tr("CSV (*.csv)"),
                                                                optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterBoolean(self.SEND, tr("Send the feed to the dashboard"),
                                                        defaultValue=False))
        self.addParameter(QgsProcessingParameterAuthConfig(self.AUTHCFG, tr("Dashboard authentication configuration"),
                                                           optional=True))
        self.addParameter(QgsProcessingParameterString(self.ENDPOINT, tr("Dashboard endpoint (default: from the "
                                                                         "authentication configuration)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.PUBLISH, tr("Also publish the year on the dashboard"),
                                                        defaultValue=False))
        self.addOutput(QgsProcessingOutputString(self.SOURCE, tr("Where the values come from")))
        self.addOutput(QgsProcessingOutputBoolean(self.SENT, tr("Sent")))
        self.addOutput(QgsProcessingOutputBoolean(self.DASHBOARD_PUBLISHED, tr("Published on the dashboard")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.indicators import IndicatorError, feed, snapshots
        from imis_plugin.indicators.client import DashboardClient, DashboardError

        year = self.parameterAsInt(parameters, self.YEAR, context)
        rule = RULES[self.parameterAsEnum(parameters, self.RULE, context)]
        try:
            data = feed.build(dsn, year, rule)
        except IndicatorError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(self.tr("{} indicators of {} {} ({})").format(len(data.indicators), data.city, year,
                                                                        data.source))
        results = {self.SOURCE: data.source, self.SENT: False, self.DASHBOARD_PUBLISHED: False}
        for name, writer in ((self.JSON, feed.write_json), (self.CSV, feed.write_csv)):
            path = self.parameterAsFileOutput(parameters, name, context)
            if path:
                results[name] = str(writer(data, path))
        if self.parameterAsBoolean(parameters, self.SEND, context):
            if not data.published:
                raise QgsProcessingException(self.tr(
                    "The indicators of {} are not published in IMIS ({}): publish the year first "
                    "(Publish a year's indicators), then send it.").format(year, data.source))
            authcfg = self.parameterAsString(parameters, self.AUTHCFG, context) or None
            endpoint = (self.parameterAsString(parameters, self.ENDPOINT, context) or "").strip() or None
            try:
                client = DashboardClient.configured(authcfg, endpoint)
                answer = client.send(data.payload(), publish=self.parameterAsBoolean(parameters, self.PUBLISH, context))
                snapshots.mark_sent(dsn, year)
            except (DashboardError, IndicatorError) as error:
                raise QgsProcessingException(str(error)) from error
            results[self.SENT] = True
            results[self.DASHBOARD_PUBLISHED] = answer["published"]
            feedback.pushInfo(self.tr("Sent to {}{}.").format(client.endpoint,
                                                              self.tr(" and published") if answer["published"] else ""))
        return results
