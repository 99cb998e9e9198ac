"""Base of the Planning Processing scripts: inputs, the choice of path, outputs, errors and Cancel.

Scripts import this module (``from imis_plugin.planning import algorithm as planning``) and subclass
``planning.PlanningAlgorithm``, implementing ``initAlgorithm`` and ``compute``.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingUtils,
)

from ..processing import base
from .inputs import Cancelled, Input, PlanningError, check_metric, pg_table, push_down_dsn, selected_keys
from .native import Env
from .tables import Table, no_cycle_collection, write

POSTGIS, NATIVE = "postgis", "native"


class PlanningAlgorithm(base.ImisAlgorithm):
    """An analysis with a push-down path (PostGIS) and a native path (QGIS API)."""

    GROUP_ID = "planning"
    ENGINE = "ENGINE"
    ENGINE_USED = "ENGINE_USED"

    # parameters -----------------------------------------------------------------------------------------
    def add_engine_parameter(self):
        parameter = QgsProcessingParameterEnum(
            self.ENGINE,
            self.tr("Where to compute"),
            options=[
                self.tr("Automatic: in PostGIS when every input is a table of the same PostGIS database"),
                self.tr("In QGIS only (native path)"),
            ],
            defaultValue=0,
        )
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        parameter.setHelp(self.tr("Both give the same answer; PostGIS is much faster on city-size data."))
        self.addParameter(parameter)
        self.addOutput(
            QgsProcessingOutputString(self.ENGINE_USED, self.tr("Computed in (postgis or native)"))
        )

    def input(self, parameters, name, context) -> Input | None:
        """The layer of a feature-source parameter, its selection, and its PostGIS table if it has one."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            return None
        value = parameters.get(name)
        selected = limited = False
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            selected = value.selectedFeaturesOnly
            limited = value.featureLimit not in (None, -1)
            # QGIS 3.22 does not resolve a source definition to its layer: do it here
            reference = value.source.valueAsString(context.expressionContext(), "")[0]
            layer = QgsProcessingUtils.mapLayerFromString(reference, context)
        else:
            layer = self.parameterAsVectorLayer(parameters, name, context)
        pg = None if limited else pg_table(layer)
        keys = selected_keys(layer, pg.key) if pg is not None and selected else None
        label = self.parameterDefinition(name).description()
        return Input(label=label, source=source, layer=layer, pg=pg, selected_keys=keys)

    def push_down(self, parameters, context, inputs: list[Input | None]) -> str | None:
        """The DSN to push down to, or None for the native path (also when the user asks for it)."""
        check_metric(inputs)
        if self.parameterAsEnum(parameters, self.ENGINE, context) == 1:
            return None
        return push_down_dsn(inputs)

    def env(self, context, feedback, item: Input) -> Env:
        return Env(crs=item.crs, transform_context=context.transformContext(), feedback=feedback)

    def field_of(self, parameters, name, context, item: Input | None, *, required=False) -> str | None:
        """The field a field parameter names, checked against its layer.

        A field the user chose must exist; the parameter's default (e.g. ``population``) is simply not used
        when the layer has no such field, so the algorithm also runs on layers without it."""
        if item is None:
            return None
        values = self.parameterAsFields(parameters, name, context)
        chosen = values[0] if values else None
        definition = self.parameterDefinition(name)
        what = definition.description()
        if chosen is None or (
            chosen == definition.defaultValue() and item.field(chosen, required=False) is None
        ):
            if required:
                raise PlanningError(f"{item.label}: choose the field for '{what}'.")
            return None
        return item.field(chosen, what=what)

    # outputs --------------------------------------------------------------------------------------------
    def write_output(self, table: Table, parameters, name, context, env: Env, progress=(0, 0)):
        """Write a result table to its sink; returns the destination id (None for a sink not asked for)."""
        if name not in parameters or parameters.get(name) in (None, ""):
            definition = self.parameterDefinition(name)
            if definition.flags() & QgsProcessingParameterDefinition.FlagOptional:
                return None
        sink, dest = self.parameterAsSink(parameters, name, context, table.fields, table.wkb_type, env.crs)
        if sink is None:
            return None
        write(table, sink, env.feedback, *progress)
        return dest

    # running --------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        try:
            with no_cycle_collection():
                return self.compute(parameters, context, feedback)
        except PlanningError as error:
            raise QgsProcessingException(str(error)) from None
        except Cancelled:
            feedback.reportError(self.tr("Cancelled: the outputs are incomplete."))
            return {}

    def report_engine(self, feedback, engine: str) -> None:
        feedback.pushInfo(
            self.tr("Computed in PostGIS (push-down).")
            if engine == POSTGIS
            else self.tr("Computed in QGIS (native path).")
        )

    def compute(self, parameters, context, feedback) -> dict:  # pragma: no cover - implemented by each script
        raise NotImplementedError
