"""IMIS Processing script: containments (and the buildings they serve) not emptied for N years, per ward
and low-income community."""

import datetime as dt

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from imis_plugin.planning import algorithm as planning


class ServiceGapsAlgorithm(planning.PlanningAlgorithm):
    ALGORITHM_ID = "service_gaps"
    DISPLAY_NAME = "Service gaps (no emptying in N years)"
    TAGS = ("emptying", "desludging", "gap", "overdue", "never emptied", "containment", "ward", "LIC")
    HELP = (
        "Finds the containments with no emptying in the last N years (3 by default, the usual "
        "scheduled-desludging cycle) and the buildings they serve, and gives the share per ward and per "
        "low-income community (LIC).\n\n"
        "status: overdue (last emptied more than N years before the reference date), never_emptied (never "
        "emptied and built more than N years before) or no_date (neither date known: it needs a visit). A "
        "containment built in the last N years and never emptied is not a gap yet. The reference date is "
        "today unless you set one. Containments count in the ward and LIC their location falls in; the LIC "
        "summary has a '(none)' row for the containments outside every LIC, to compare the two.\n\n"
        "Buildings: give the buildings and the building-containment links to get the buildings served by a "
        "gap. When every input is a table of the same PostGIS database (the IMIS layers), the work runs in "
        "PostGIS; on other layers QGIS computes the same answer itself."
    )

    CONTAINMENTS, LAST_FIELD, BUILT_FIELD = "CONTAINMENTS", "LAST_EMPTIED_FIELD", "CONSTRUCTION_FIELD"
    YEARS, AS_OF = "YEARS", "AS_OF"
    WARDS, WARD_FIELD, LICS, LIC_FIELD = "WARDS", "WARD_FIELD", "LICS", "LIC_FIELD"
    BUILDINGS, BUILDING_KEY, CONTAINMENT_KEY = "BUILDINGS", "BUILDING_KEY", "CONTAINMENT_KEY"
    LINKS, LINK_BUILDING, LINK_CONTAINMENT = "LINKS", "LINK_BUILDING", "LINK_CONTAINMENT"
    OUTPUT, OUTPUT_BUILDINGS, SUMMARY = "OUTPUT", "OUTPUT_BUILDINGS", "SUMMARY"

    def initAlgorithm(self, config=None):
        tr = self.tr
        source, field = QgsProcessingParameterFeatureSource, QgsProcessingParameterField
        self.addParameter(
            source(self.CONTAINMENTS, tr("Containments"), [QgsProcessing.TypeVectorAnyGeometry])
        )
        self.addParameter(
            field(self.LAST_FIELD, tr("Last emptied date field"), "last_emptied_date", self.CONTAINMENTS)
        )
        self.addParameter(
            field(
                self.BUILT_FIELD,
                tr("Construction date field"),
                "construction_date",
                self.CONTAINMENTS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.YEARS, tr("No emptying for (years)"), QgsProcessingParameterNumber.Integer, 3, minValue=1
            )
        )
        self.addParameter(
            QgsProcessingParameterDateTime(
                self.AS_OF,
                tr("Reference date (empty = today)"),
                QgsProcessingParameterDateTime.Date,
                optional=True,
            )
        )
        self.addParameter(source(self.WARDS, tr("Wards"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(field(self.WARD_FIELD, tr("Ward label field"), "number", self.WARDS, optional=True))
        self.addParameter(
            source(self.LICS, tr("Low-income communities"), [QgsProcessing.TypeVectorPolygon], optional=True)
        )
        self.addParameter(field(self.LIC_FIELD, tr("LIC label field"), "code", self.LICS, optional=True))
        self.addParameter(
            source(self.BUILDINGS, tr("Buildings"), [QgsProcessing.TypeVectorAnyGeometry], optional=True)
        )
        self.addParameter(
            field(self.BUILDING_KEY, tr("Building key field"), "id", self.BUILDINGS, optional=True)
        )
        self.addParameter(
            field(self.CONTAINMENT_KEY, tr("Containment key field"), "id", self.CONTAINMENTS, optional=True)
        )
        self.addParameter(
            source(self.LINKS, tr("Building-containment links"), [QgsProcessing.TypeVector], optional=True)
        )
        self.addParameter(
            field(
                self.LINK_BUILDING,
                tr("Link field holding the building key"),
                "building_id",
                self.LINKS,
                optional=True,
            )
        )
        self.addParameter(
            field(
                self.LINK_CONTAINMENT,
                tr("Link field holding the containment key"),
                "containment_id",
                self.LINKS,
                optional=True,
            )
        )
        self.add_engine_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Containments not emptied"), QgsProcessing.TypeVectorAnyGeometry
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SUMMARY, tr("Service gaps per ward and LIC"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_BUILDINGS,
                tr("Buildings served by a containment not emptied"),
                QgsProcessing.TypeVectorAnyGeometry,
                optional=True,
            )
        )

    def compute(self, parameters, context, feedback):
        from imis_plugin.planning import gaps
        from imis_plugin.planning.inputs import PlanningError

        containments = self.input(parameters, self.CONTAINMENTS, context)
        wards = self.input(parameters, self.WARDS, context)
        lics = self.input(parameters, self.LICS, context)
        buildings = self.input(parameters, self.BUILDINGS, context)
        links = self.input(parameters, self.LINKS, context)
        if (buildings is None) != (links is None):
            raise PlanningError(
                self.tr("Give both the buildings and the building-containment links, or neither.")
            )
        as_of = dt.date.today()
        if parameters.get(self.AS_OF) not in (None, ""):
            value = self.parameterAsDateTime(parameters, self.AS_OF, context)
            if value.isValid():
                as_of = value.date().toPyDate()

        def key(name, item):
            return (
                self.field_of(parameters, name, context, item, required=True)
                if buildings is not None
                else None
            )

        spec = gaps.GapSpec(
            years=self.parameterAsInt(parameters, self.YEARS, context),
            as_of=as_of,
            last_emptied=self.field_of(parameters, self.LAST_FIELD, context, containments, required=True),
            built=self.field_of(parameters, self.BUILT_FIELD, context, containments),
            ward_label=self.field_of(parameters, self.WARD_FIELD, context, wards, required=True)
            if wards is not None
            else None,
            lic_label=self.field_of(parameters, self.LIC_FIELD, context, lics, required=True)
            if lics is not None
            else None,
            containment_key=key(self.CONTAINMENT_KEY, containments),
            building_key=key(self.BUILDING_KEY, buildings),
            link_building=key(self.LINK_BUILDING, links),
            link_containment=key(self.LINK_CONTAINMENT, links),
        )
        feedback.pushInfo(
            self.tr("Reference date {}: gaps are containments not emptied since {}.").format(
                spec.as_of.isoformat(), spec.cutoff.isoformat()
            )
        )
        env = self.env(context, feedback, containments)
        dsn = self.push_down(parameters, context, [containments, wards, lics, buildings, links])
        if dsn is not None:
            from imis_plugin.planning.sqlrun import Session

            with Session(dsn, feedback) as session:
                tables = gaps.run_sql(session, containments, wards, lics, buildings, links, spec, env)
        else:
            tables = gaps.run_native(containments, wards, lics, buildings, links, spec, env)
        engine = planning.POSTGIS if dsn else planning.NATIVE
        self.report_engine(feedback, engine)
        feedback.pushInfo(
            self.tr("{} containments not emptied for {} years.").format(
                len(tables["features"].rows), spec.years
            )
        )
        results = {
            self.OUTPUT: self.write_output(
                tables["features"], parameters, self.OUTPUT, context, env, (80, 15)
            ),
            self.SUMMARY: self.write_output(tables["summary"], parameters, self.SUMMARY, context, env),
            self.ENGINE_USED: engine,
        }
        if "buildings" in tables:
            results[self.OUTPUT_BUILDINGS] = self.write_output(
                tables["buildings"], parameters, self.OUTPUT_BUILDINGS, context, env
            )
        return results
