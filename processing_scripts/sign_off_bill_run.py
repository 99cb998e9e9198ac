"""IMIS Processing script: a revenue chief signs off a draft holding-tax bill run."""

from qgis.core import QgsProcessingOutputString, QgsProcessingParameterBoolean, QgsProcessingParameterString

from imis_plugin.processing import base


class SignOffBillRunAlgorithm(base.ImisAlgorithm):
    ALGORITHM_ID = "sign_off_bill_run"
    DISPLAY_NAME = "Sign off bill run"
    GROUP_ID = "revenue"
    TAGS = ("revenue", "holding tax", "bill", "sign off", "approve", "chief")
    HELP = (
        "Signs off a draft holding-tax bill run: its bills can no longer change. Only a revenue chief may do "
        "this (a login that is a member of imis_revenue_chief); the database refuses anyone else, an IMIS admin "
        "included, and records who signed off and when. Connect with your own login (a pg_service entry of your "
        "own).\n\nWith 'Withdraw' a revenue chief returns a signed-off run that is not issued yet to draft."
    )
    CODE, WITHDRAW, STATE, SIGNED_OFF_BY = "CODE", "WITHDRAW", "STATE", "SIGNED_OFF_BY"

    def initAlgorithm(self, config=None):
        self.addDatabaseParameter()
        self.addParameter(QgsProcessingParameterString(self.CODE, self.tr("Bill run (code, e.g. HT-2025-Q1)")))
        self.addParameter(QgsProcessingParameterBoolean(self.WITHDRAW, self.tr("Withdraw the sign-off instead"),
                                                        defaultValue=False))
        self.addOutput(QgsProcessingOutputString(self.STATE, self.tr("State")))
        self.addOutput(QgsProcessingOutputString(self.SIGNED_OFF_BY, self.tr("Signed off by")))

    def processAlgorithm(self, parameters, context, feedback):
        dsn = self.database_dsn(parameters, context)
        from imis_plugin.revenue.billing import sign_off, withdraw_sign_off
        from imis_plugin.revenue.feedback import processing_errors

        action = withdraw_sign_off if self.parameterAsBoolean(parameters, self.WITHDRAW, context) else sign_off
        with processing_errors():
            run = action(dsn, self.parameterAsString(parameters, self.CODE, context).strip())
        feedback.pushInfo(self.tr("Bill run {} is {} ({} bills, {} BDT).").format(
            run["code"], run["state"].replace("_", " "), run["bill_count"], run["total_bdt"]))
        return {self.STATE: run["state"], self.SIGNED_OFF_BY: run["signed_off_by"] or ""}
