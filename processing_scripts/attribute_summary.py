"""IMIS Processing script: filter, find and summarise features by attribute, per ward and per grid cell."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from imis_plugin.planning import algorithm as planning


class AttributeSummaryAlgorithm(planning.PlanningAlgorithm):
    ALGORITHM_ID = "attribute_summary"
    DISPLAY_NAME = "Filter and summarise by attribute"
    TAGS = ("filter", "find", "select", "attribute", "summary", "ward", "grid", "hexagon", "count", "sum")
    HELP = (
        "Finds the features whose field matches a condition (for example functional_use equals educational, "
        "population at least 50, name contains 'school') and summarises them: number of features and the "
        "total of a numeric field (population...) per ward and per square grid cell (500 m by default). "
        "Leave the field empty to summarise every feature.\n\n"
        "The value is converted to the field's type: numbers, dates as YYYY-MM-DD, true/false; 'is one of' "
        "takes values separated by commas. 'contains' and 'starts with' ignore case and treat every "
        "character literally. Features count in the ward their centroid falls in; the '(all)' row counts "
        "every matching feature. Grid cells are aligned on multiples of the cell size; cell_x and cell_y "
        "number them.\n\n"
        "When every input is a table of the same PostGIS database (the IMIS layers), the work runs in "
        "PostGIS; on other layers QGIS computes the same answer itself."
    )

    INPUT, FIELD, OPERATOR, VALUE = "INPUT", "FIELD", "OPERATOR", "VALUE"
    SUM_FIELD, WARDS, WARD_FIELD, CELL_SIZE = "SUM_FIELD", "WARDS", "WARD_FIELD", "CELL_SIZE"
    OUTPUT, WARD_SUMMARY, GRID_SUMMARY = "OUTPUT", "WARD_SUMMARY", "GRID_SUMMARY"

    def initAlgorithm(self, config=None):
        from imis_plugin.planning.attributes import OPERATORS

        tr = self.tr
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("Features (buildings, containments...)"), [QgsProcessing.TypeVectorAnyGeometry]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.FIELD, tr("Field to test (empty = every feature)"), None, self.INPUT, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.OPERATOR,
                tr("Condition"),
                options=[tr(label) for label in OPERATORS.values()],
                defaultValue=0,
            )
        )
        self.addParameter(QgsProcessingParameterString(self.VALUE, tr("Value"), optional=True))
        self.addParameter(
            QgsProcessingParameterField(
                self.SUM_FIELD,
                tr("Field to total"),
                "population",
                self.INPUT,
                QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.WARDS, tr("Wards"), [QgsProcessing.TypeVectorPolygon], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.WARD_FIELD, tr("Ward label field"), "number", self.WARDS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CELL_SIZE, tr("Grid cell size (m)"), QgsProcessingParameterNumber.Double, 500, minValue=1
            )
        )
        self.add_engine_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Matching features"), QgsProcessing.TypeVectorAnyGeometry, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.WARD_SUMMARY, tr("Summary per ward"), QgsProcessing.TypeVector, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.GRID_SUMMARY, tr("Summary per grid cell"), QgsProcessing.TypeVectorPolygon, optional=True
            )
        )

    def compute(self, parameters, context, feedback):
        from imis_plugin.planning import attributes
        from imis_plugin.planning.inputs import PlanningError

        item = self.input(parameters, self.INPUT, context)
        wards = self.input(parameters, self.WARDS, context)
        operator = list(attributes.OPERATORS)[self.parameterAsEnum(parameters, self.OPERATOR, context)]
        cond = attributes.condition(
            item,
            self.field_of(parameters, self.FIELD, context, item),
            operator,
            self.parameterAsString(parameters, self.VALUE, context),
        )
        spec = attributes.SummarySpec(
            sum_field=self.field_of(parameters, self.SUM_FIELD, context, item),
            ward_label=self.field_of(parameters, self.WARD_FIELD, context, wards, required=True)
            if wards is not None
            else None,
            cell_size=self.parameterAsDouble(parameters, self.CELL_SIZE, context),
        )
        outputs = {"features": self.OUTPUT, "wards": self.WARD_SUMMARY, "grid": self.GRID_SUMMARY}
        want = {name for name, parameter in outputs.items() if parameters.get(parameter) not in (None, "")}
        if not want:
            raise PlanningError(self.tr("Choose at least one output."))
        env = self.env(context, feedback, item)
        dsn = self.push_down(parameters, context, [item, wards])
        if dsn is not None:
            from imis_plugin.planning.sqlrun import Session

            with Session(dsn, feedback) as session:
                tables = attributes.run_sql(session, item, cond, wards, spec, env, want)
        else:
            tables = attributes.run_native(item, cond, wards, spec, env, want)
        engine = planning.POSTGIS if dsn else planning.NATIVE
        self.report_engine(feedback, engine)
        if "wards" in tables:
            feedback.pushInfo(self.tr("{} features match.").format(tables["wards"].rows[-1][0][1]))
        results = {self.ENGINE_USED: engine}
        for name, table in tables.items():
            results[outputs[name]] = self.write_output(
                table, parameters, outputs[name], context, env, (60, 38) if name == "features" else (0, 0)
            )
        return results
