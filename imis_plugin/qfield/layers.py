"""What goes into a QField package, per purpose: layers, the columns a field role may see, which layers
are edited in the field and how their rows are chosen.

The column lists are explicit on purpose: a column added by a later revision reaches a field package only
when someone decides that field workers should see it (a service provider never gets owners' phones or
national IDs). Selection SQL is fixed text: the only values (area, provider, days) are bound parameters.
"""
from __future__ import annotations

from dataclasses import dataclass

SURVEY = "survey"
PROVIDER = "provider"
PURPOSES = (SURVEY, PROVIDER)
PURPOSE_LABELS = {SURVEY: "Building and containment survey", PROVIDER: "Emptying forms of a service provider"}

#: an application is an open job for the provider until it has an emptying older than this many days
RECENT_DAYS = 30
#: background layers reach this far (m) beyond the area, so the map does not stop at its edge
MARGIN_M = 100


@dataclass(frozen=True)
class LayerSpec:
    name: str  # layer in the GeoPackage: the table's name
    table: str  # schema-qualified table
    columns: tuple[str, ...]  # exported besides `id`; the geometry column included
    editable: bool = False
    photos: tuple[str, ...] = ()
    #: id selection: a query giving the ids of the rows (a temporary table qf_area holds the area)
    select_area: str = ""
    select_city: str = ""  # the same without an area (whole city)
    hidden: tuple[str, ...] = ()  # exported (needed by the database) but not shown in forms

    @property
    def schema(self) -> str:
        return self.table.split(".", 1)[0]

    @property
    def table_name(self) -> str:
        return self.table.split(".", 1)[1]


def _in_area(alias: str, table: str, geom: str, point: bool = False) -> str:
    """Ids of `table` rows inside the area (by a point on the surface for polygons, so that a building on
    a ward border goes to one package); starts from the area to use the table's GiST index."""
    test = f"ST_PointOnSurface({alias}.{geom})" if point else f"{alias}.{geom}"
    return (f"SELECT {alias}.id FROM qf_area a JOIN {table} {alias} "
            f"ON a.geom && {alias}.{geom} AND ST_Intersects(a.geom, {test})")


def _near_area(alias: str, table: str) -> str:
    return (f"SELECT DISTINCT {alias}.id FROM qf_area a JOIN {table} {alias} "
            f"ON ST_DWithin(a.geom, {alias}.geom, {MARGIN_M})")


def _background(name: str, table: str, columns: tuple[str, ...], near: bool = True) -> LayerSpec:
    area = _near_area("x", table) if near else _in_area("x", table, "geom")
    return LayerSpec(name, table, columns, select_area=area, select_city=f"SELECT id FROM {table}")


BACKGROUND = (
    _background("ward", "imis_core.ward", ("number", "name", "name_bn", "geom"), near=False),
    _background("road", "imis_core.road", ("code", "name", "hierarchy", "surface", "width_m",
                                            "carrying_width_m", "geom")),
    _background("water_body", "imis_core.water_body", ("code", "name", "water_body_type", "geom")),
)

BUILDING_SURVEY_COLUMNS = (
    "bin", "name", "house_number", "address", "ward_id", "lic_id", "road_id", "structure_type",
    "functional_use", "use_category", "floor_count", "construction_year", "household_count", "population",
    "female_population", "male_population", "other_population", "water_source", "toilet_count",
    "sanitation_system", "vehicle_accessible", "road_width_access_m", "surveyed_date", "geom",
)
CONTAINMENT_SURVEY_COLUMNS = (
    "code", "containment_type", "volume_m3", "length_m", "width_m", "depth_m", "diameter_m", "pit_count",
    "construction_date", "last_emptied_date", "in_use", "accessible", "notes", "location",
)

SURVEY_LAYERS = (
    LayerSpec("building", "imis_core.building", BUILDING_SURVEY_COLUMNS, editable=True,
              select_area=_in_area("b", "imis_core.building", "geom", point=True),
              select_city="SELECT id FROM imis_core.building"),
    LayerSpec("containment", "imis_core.containment", CONTAINMENT_SURVEY_COLUMNS, editable=True,
              select_area="SELECT l.containment_id FROM imis_core.building_containment l "
                          "JOIN qf_building s ON s.id = l.building_id UNION "
                          + _in_area("c", "imis_core.containment", "location"),
              select_city="SELECT id FROM imis_core.containment"),
    LayerSpec("building_containment", "imis_core.building_containment", ("building_id", "containment_id"),
              editable=True,
              select_area="SELECT l.id FROM imis_core.building_containment l "
                          "JOIN qf_building s ON s.id = l.building_id",
              select_city="SELECT id FROM imis_core.building_containment"),
    LayerSpec("low_income_community", "imis_core.low_income_community", ("code", "name", "name_bn", "geom"),
              select_area=_in_area("x", "imis_core.low_income_community", "geom"),
              select_city="SELECT id FROM imis_core.low_income_community"),
    *BACKGROUND,
)

_OPEN_JOBS = (
    "SELECT ap.id FROM imis_fsm.application ap WHERE ap.provider_id = %(provider)s AND NOT ap.is_cancelled "
    "AND NOT EXISTS (SELECT 1 FROM imis_fsm.emptying e WHERE e.application_id = ap.id "
    "AND e.emptied_date < current_date - %(recent_days)s::int)"
)
_JOB_BUILDINGS = "SELECT building_id FROM imis_fsm.application JOIN qf_application s USING (id) " \
                 "WHERE building_id IS NOT NULL"
_JOB_CONTAINMENTS = "SELECT containment_id FROM imis_fsm.application JOIN qf_application s USING (id) " \
                    "WHERE containment_id IS NOT NULL"


def _chain(table: str) -> str:
    return f"SELECT x.id FROM {table} x JOIN qf_application s ON s.id = x.application_id"


PROVIDER_LAYERS = (
    LayerSpec("application", "imis_fsm.application",
              ("code", "provider_id", "building_id", "containment_id", "customer_name", "customer_phone",
               "customer_gender", "address", "application_date", "requested_date", "is_emergency",
               "is_cancelled", "cancel_reason"),
              editable=True, hidden=("provider_id",),
              select_area=_OPEN_JOBS + " AND (ap.building_id IN (" + _in_area("b", "imis_core.building", "geom", True)
              + ") OR ap.containment_id IN (" + _in_area("c", "imis_core.containment", "location") + "))",
              select_city=_OPEN_JOBS),
    LayerSpec("assessment", "imis_fsm.assessment",
              ("application_id", "assessed_date", "assessed_by", "sludge_volume_m3", "trips", "vehicle_type",
               "is_accessible", "access_notes", "estimated_cost_bdt", "proposed_date"),
              editable=True, select_area=_chain("imis_fsm.assessment"), select_city=_chain("imis_fsm.assessment")),
    LayerSpec("emptying", "imis_fsm.emptying",
              ("application_id", "emptied_date", "volume_m3", "trips", "vehicle_id", "method", "start_time",
               "end_time", "receipt_number", "cost_bdt", "photo_before", "photo_after", "notes"),
              editable=True, photos=("photo_before", "photo_after"),
              select_area=_chain("imis_fsm.emptying"), select_city=_chain("imis_fsm.emptying")),
    LayerSpec("feedback", "imis_fsm.feedback",
              ("application_id", "feedback_date", "satisfaction", "crew_wore_ppe", "respondent_gender", "comments"),
              editable=True, select_area=_chain("imis_fsm.feedback"), select_city=_chain("imis_fsm.feedback")),
    # read-only: where the jobs are; no population, owners or holdings
    LayerSpec("building", "imis_core.building", ("bin", "name", "house_number", "address", "ward_id", "geom"),
              select_area=_JOB_BUILDINGS + " UNION " + _in_area("b", "imis_core.building", "geom", True),
              select_city=_JOB_BUILDINGS),
    LayerSpec("containment", "imis_core.containment",
              ("code", "containment_type", "volume_m3", "pit_count", "last_emptied_date", "accessible", "location"),
              select_area=_JOB_CONTAINMENTS + " UNION SELECT l.containment_id FROM imis_core.building_containment l "
              "JOIN qf_building s ON s.id = l.building_id",
              select_city=_JOB_CONTAINMENTS + " UNION SELECT l.containment_id FROM imis_core.building_containment l "
              "JOIN qf_building s ON s.id = l.building_id"),
    LayerSpec("vehicle", "imis_fsm.vehicle", ("registration", "vehicle_type", "capacity_m3", "status"),
              select_area="SELECT id FROM imis_fsm.vehicle WHERE provider_id = %(provider)s",
              select_city="SELECT id FROM imis_fsm.vehicle WHERE provider_id = %(provider)s"),
    *BACKGROUND,
)

LAYERS = {SURVEY: SURVEY_LAYERS, PROVIDER: PROVIDER_LAYERS}

#: order of writes on import: parents before children (deletes run the other way)
APPLY_ORDER = ("building", "containment", "building_containment", "application", "assessment", "emptying",
               "feedback")


def layers_of(purpose: str) -> tuple[LayerSpec, ...]:
    return LAYERS[purpose]


def spec_of(purpose: str, name: str) -> LayerSpec | None:
    return next((s for s in LAYERS.get(purpose, ()) if s.name == name), None)
