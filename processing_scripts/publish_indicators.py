"""IMIS Processing script: take a yearly snapshot of the indicators and publish it (then it is locked)."""

import datetime as dt

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from imis_plugin.processing import base

ACTIONS = ("take", "take_and_publish", "publish")


class PublishIndicatorsAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "publish_indicators"
    DISPLAY_NAME = "Publish a year's indicators"
    GROUP_ID = "indicators"
    TAGS = ("cwis", "indicator", "snapshot", "publish", "lock", "national dashboard", "year")
    HELP = (
        "Stores the indicators of a year as a snapshot: for the whole city, every ward and every low-income "
        "community, under both safe rules. A snapshot can be taken again as often as needed (it replaces the "
        "previous one) until it is published; once published, the database refuses any change to it (rule "
        "indicator_snapshot_published), so the figures sent to the national dashboard stay what they were.\n\n"
        "Actions: take a draft snapshot; take it and publish it at once; or publish the draft already taken. "
        "Only an IMIS administrator may write snapshots."
    )

    YEAR, ACTION, NOTE = "YEAR", "ACTION", "NOTE"
    SNAPSHOT, PUBLISHED_AT, VALUES = "SNAPSHOT", "PUBLISHED_AT", "VALUES"

    def initAlgorithm(self, config=None):
        tr = self.tr
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterNumber(self.YEAR, tr("Year"), QgsProcessingParameterNumber.Integer,
                                                       defaultValue=dt.date.today().year - 1, minValue=2000,
                                                       maxValue=2100))
        self.addParameter(QgsProcessingParameterEnum(
            self.ACTION, tr("Action"), options=[tr("Take a draft snapshot"), tr("Take a snapshot and publish it"),
                                                tr("Publish the draft snapshot")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.NOTE, tr("Note"), optional=True))
        self.addOutput(QgsProcessingOutputString(self.SNAPSHOT, tr("Snapshot id")))
        self.addOutput(QgsProcessingOutputString(self.PUBLISHED_AT, tr("Published at")))
        self.addOutput(QgsProcessingOutputNumber(self.VALUES, tr("Stored figures")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.indicators import IndicatorError, snapshots

        year = self.parameterAsInt(parameters, self.YEAR, context)
        action = ACTIONS[self.parameterAsEnum(parameters, self.ACTION, context)]
        note = self.parameterAsString(parameters, self.NOTE, context) or None
        snapshot, published = "", ""
        try:
            if action in ("take", "take_and_publish"):
                feedback.pushInfo(self.tr("Computing the indicators of {} (city, wards, low-income communities)")
                                  .format(year))
                snapshot = snapshots.take(dsn, year, note)
            feedback.setProgress(80)
            if action in ("take_and_publish", "publish"):
                published = snapshots.publish(dsn, year).isoformat()
                feedback.pushInfo(self.tr("The indicators of {} are published and locked.").format(year))
            state = snapshots.status(dsn, year)
        except IndicatorError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(self.tr("{} figures stored for {}.").format(state.values, year))
        return {self.SNAPSHOT: snapshot, self.PUBLISHED_AT: published or
                (state.published_at.isoformat() if state.published_at else ""), self.VALUES: state.values}
