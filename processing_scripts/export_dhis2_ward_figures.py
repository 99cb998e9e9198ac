"""IMIS Processing script: ward health and sanitation figures as a DHIS2 data-value set."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from imis_plugin.processing import base


class ExportDhis2WardFiguresAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "export_dhis2_ward_figures"
    DISPLAY_NAME = "Export ward figures for DHIS2"
    GROUP_ID = "health"
    TAGS = ("health", "dhis2", "export", "data value set", "ward")
    HELP = (
        "Writes the city's ward figures for a month, quarter or year as a DHIS2 data-value set (JSON, or CSV "
        "by the file extension) that a health information system can import.\n\n"
        "The mapping file names the DHIS2 org unit of each ward (\"org_units\") and, under \"export\", the "
        "data element of each figure: population, cases, rate_per_1000, relative_risk, containments, "
        "unsafe_containments, samples, positive_samples. Wards without an org unit are left out."
    )

    MAPPING, FROM, TO, OUTPUT, VALUES = "MAPPING", "FROM", "TO", "OUTPUT", "VALUES"

    def initAlgorithm(self, config=None):
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterFile(self.MAPPING, self.tr("Mapping file"), extension="json"))
        self.addParameter(QgsProcessingParameterDateTime(self.FROM, self.tr("From (first day of a month, quarter "
                                                                            "or year)"),
                                                         QgsProcessingParameterDateTime.Date))
        self.addParameter(QgsProcessingParameterDateTime(self.TO, self.tr("To (its last day)"),
                                                         QgsProcessingParameterDateTime.Date))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Data-value set"),
                                                                self.tr("JSON (*.json);;CSV (*.csv)")))
        self.addOutput(QgsProcessingOutputNumber(self.VALUES, self.tr("Values written")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.db.errors import ImisDatabaseError
        from imis_plugin.health import dhis2

        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        try:
            written = dhis2.export_ward_figures(
                dsn, output, dhis2.read_mapping(self.parameterAsFile(parameters, self.MAPPING, context)),
                self.parameterAsDateTime(parameters, self.FROM, context).date().toPyDate(),
                self.parameterAsDateTime(parameters, self.TO, context).date().toPyDate())
        except ImisDatabaseError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(self.tr("{} values written to {}").format(written, output))
        return {self.OUTPUT: output, self.VALUES: written}
