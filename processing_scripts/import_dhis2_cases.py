"""IMIS Processing script: disease cases from a DHIS2 data-value set (JSON or CSV)."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
)

from imis_plugin.processing import base


class ImportDhis2CasesAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "import_dhis2_cases"
    DISPLAY_NAME = "Import DHIS2 disease cases"
    GROUP_ID = "health"
    TAGS = ("health", "dhis2", "import", "disease", "cases", "data value set")
    HELP = (
        "Loads waterborne disease cases exported from DHIS2 as a data-value set (its standard JSON, or CSV "
        "with the columns dataelement, period, orgunit, value) into the disease cases of the city's wards.\n\n"
        "The mapping file (JSON) names the ward number of each DHIS2 org unit and the disease of each data "
        "element: {\"org_units\": {\"OU_UID\": 1}, \"data_elements\": {\"DE_UID\": \"cholera\"}}. Values of the "
        "same ward, disease and period (age or sex groups) are added up. Periods may be days, ISO weeks, "
        "months, quarters or years.\n\n"
        "Importing the same file again changes nothing; a changed value updates the figure. Any row with an "
        "unmapped org unit or data element, an unknown period or a value that is not a whole number is "
        "listed with its row number, and then nothing is written. A dry run reports without writing."
    )

    MAPPING, FILE, DRY_RUN = "MAPPING", "FILE", "DRY_RUN"

    def initAlgorithm(self, config=None):
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterFile(self.MAPPING, self.tr("Mapping file"), extension="json"))
        self.addParameter(QgsProcessingParameterFile(self.FILE, self.tr("DHIS2 data-value set (JSON or CSV)")))
        self.addParameter(QgsProcessingParameterBoolean(self.DRY_RUN, self.tr("Dry run (write nothing)"), False))
        for key, label in (("READ", self.tr("Read")), ("INSERTED", self.tr("Inserted")),
                           ("UPDATED", self.tr("Updated")), ("UNCHANGED", self.tr("Unchanged"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def flags(self):
        return super().flags() & ~self.FlagCanCancel  # one short transaction

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.db.errors import ImisDatabaseError
        from imis_plugin.health import dhis2

        try:
            mapping = dhis2.read_mapping(self.parameterAsFile(parameters, self.MAPPING, context))
            counts = dhis2.import_cases(dsn, self.parameterAsFile(parameters, self.FILE, context), mapping,
                                        dry_run=self.parameterAsBool(parameters, self.DRY_RUN, context))
        except ImisDatabaseError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(self.tr("{read} values read: {inserted} new, {updated} changed, {unchanged} unchanged")
                          .format(**counts))
        return {k.upper(): v for k, v in counts.items()}
