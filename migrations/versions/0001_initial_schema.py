"""Initial IMIS data schema: code lists, city and places, networks, buildings, holdings, containments,
toilets, the FSM chain and the audit log.

Geometries use the city SRID chosen at install (``city_srid()``); this revision stores it in the single
``imis_core.city`` row so that later revisions can read it. Views, functions, triggers and policies belong
to the app schema (rebuilt from SQL after every upgrade) and are not created here.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from imis_plugin.db.revision_helpers import (
    CUBIC_METRES,
    MG_PER_L,
    METRES,
    TAKA,
    check as _check,
    code as _code,
    code_list as _code_list,
    col as _col,
    data_table as _data_table,
    email as _email,
    geom as _geom,
    not_blank as _not_blank,
    not_negative as _not_negative,
    phone as _phone,
    positive as _positive,
    ref as _ref,
    unique as _unique,
    ARCHIVE_SCHEMA,
    city_srid,
)

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SCHEMAS = ("imis_code", "imis_core", "imis_fsm", "imis_audit")

# --- upgrade -----------------------------------------------------------------------------------------


def upgrade():
    op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    op.execute("CREATE EXTENSION IF NOT EXISTS pgrouting")
    for schema in SCHEMAS:
        op.execute(f"CREATE SCHEMA {schema}")
    srid = city_srid()
    _code_lists()
    _core(srid)
    _fsm()
    _core_after_fsm()
    _audit()
    op.execute(sa.text("INSERT INTO imis_core.city (srid) VALUES (:srid)").bindparams(srid=srid))


def _code_lists():
    bool_ = sa.Boolean()
    _code_list("jmp_facility", _col("jmp_class", nullable=False),
               _check("jmp_facility", "jmp_class_known",
                      "jmp_class IN ('improved', 'unimproved', 'open_defecation', 'unclassified')"))
    _code_list("sanitation_system", _col("is_onsite", bool_, False), _col("is_shared", bool_, False),
               _code("sanitation_system", "jmp_code", "jmp_facility"))
    _code_list("containment_type", _col("container", nullable=False), _col("outlet", nullable=False),
               _col("is_onsite", bool_, False),
               _check("containment_type", "container_known",
                      "container IN ('septic_tank', 'double_pit', 'unlined_pit', 'holding_tank', 'lined_pit')"),
               _check("containment_type", "outlet_known",
                      "outlet IN ('sewer', 'drain', 'soak_pit', 'water_body', 'open_ground', 'infiltration', "
                      "'none', 'unknown')"))
    _code_list("building_structure")
    _code_list("functional_use")
    _code_list("use_category", _code("use_category", "functional_use", "functional_use", nullable=False),
               _unique("use_category", "value", "functional_use"))
    _code_list("road_hierarchy")
    _code_list("road_surface")
    _code_list("drain_cover")
    _code_list("drain_lining")
    _code_list("treatment_plant_type", _col("treats_sludge", bool_, False),
               _col("treats_wastewater", bool_, False))
    _code_list("operational_status", _col("is_operational", bool_, False))
    _code_list("provider_status", _col("is_active", bool_, False))
    _code_list("water_source", _col("is_improved", bool_, False))
    _code_list("toilet_kind")
    _code_list("vehicle_type")
    _code_list("emptying_method", _col("is_mechanical", bool_, False))
    _code_list("water_body_type")
    _code_list("waterlogging_severity")
    _code_list("gender")
    _code_list("employee_role")


def _core(srid):
    core = "imis_core"
    small = sa.SmallInteger()
    int_ = sa.Integer()
    date = sa.Date()
    bool_ = sa.Boolean()

    t = "city"
    _data_table(
        core, t,
        _col("name"), _col("name_bn"), _col("code"), _col("city_kind"),
        _col("srid", int_, False),
        _col("working_days", postgresql.ARRAY(sa.SmallInteger()), False,
             server_default=sa.text("'{1,2,3,4,7}'::smallint[]")),
        _col("timezone", nullable=False, server_default=sa.text("'Asia/Dhaka'::text")),
        _col("one_row", bool_, False, server_default=sa.text("true")),
        _geom("boundary", "MULTIPOLYGON", srid, nullable=True),
        _unique(t, "code"),
        _unique(t, "one_row"),
        _check(t, "one_row", "one_row"),
        _check(t, "kind_known", "city_kind IN ('city_corporation', 'paurashava')"),
        _positive(t, "srid"),
        _check(t, "working_days_iso",
               "cardinality(working_days) >= 1 AND working_days <@ '{1,2,3,4,5,6,7}'::smallint[]"),
        _not_blank(t, "name"),
    )

    t = "holiday"
    _data_table(core, t, _col("holiday_date", date, False), _col("name", nullable=False), _col("name_bn"),
                _unique(t, "holiday_date"), _not_blank(t, "name"))

    t = "ward"
    _data_table(core, t, _col("number", small, False), _col("name"), _col("name_bn"),
                _geom("geom", "MULTIPOLYGON", srid),
                _unique(t, "number"), _positive(t, "number"))

    t = "low_income_community"
    _data_table(
        core, t,
        _col("code", nullable=False), _col("name", nullable=False), _col("name_bn"),
        _ref(t, "ward_id", "imis_core.ward"),
        _col("household_count", int_), _col("population", int_),
        _geom("geom", "MULTIPOLYGON", srid),
        _unique(t, "code"), _not_negative(t, "household_count"), _not_negative(t, "population"),
        index=["ward_id"],
    )

    t = "treatment_plant"
    _data_table(
        core, t,
        _col("code", nullable=False), _col("name", nullable=False),
        _code(t, "plant_type", "treatment_plant_type", nullable=False),
        _col("capacity_m3_per_day", CUBIC_METRES, False),
        _code(t, "status", "operational_status", nullable=False, default="operational"),
        _col("operator"), _col("caretaker_name"), _col("phone"), _col("commissioned_date", date),
        _geom("geom", "POINT", srid),
        _unique(t, "code"), _positive(t, "capacity_m3_per_day", "capacity"), _phone(t),
    )

    t = "road"
    _data_table(
        core, t,
        _col("code"), _col("name"),
        _code(t, "hierarchy", "road_hierarchy"), _code(t, "surface", "road_surface"),
        _col("width_m", METRES), _col("carrying_width_m", METRES),
        _geom("geom", "MULTILINESTRING", srid),
        _unique(t, "code"), _positive(t, "width_m", "width"), _positive(t, "carrying_width_m", "carrying_width"),
        _check(t, "carrying_width_within_width", "carrying_width_m <= width_m"),
    )

    t = "drain"
    _data_table(
        core, t,
        _col("code"), _code(t, "cover", "drain_cover"), _code(t, "lining", "drain_lining"),
        _col("size_mm", int_), _ref(t, "outlet_plant_id", "imis_core.treatment_plant"),
        _geom("geom", "MULTILINESTRING", srid),
        _unique(t, "code"), _positive(t, "size_mm", "size"),
        index=["outlet_plant_id"],
    )

    t = "sewer"
    _data_table(
        core, t,
        _col("code"), _col("diameter_mm", int_), _ref(t, "plant_id", "imis_core.treatment_plant"),
        _geom("geom", "MULTILINESTRING", srid),
        _unique(t, "code"), _positive(t, "diameter_mm", "diameter"),
        index=["plant_id"],
    )

    t = "water_body"
    _data_table(core, t, _col("code"), _col("name"), _code(t, "water_body_type", "water_body_type"),
                _geom("geom", "MULTIPOLYGON", srid), _unique(t, "code"))

    t = "waterlogging_area"
    _data_table(
        core, t,
        _col("code"), _code(t, "severity", "waterlogging_severity"),
        _col("typical_depth_m", METRES), _col("typical_duration_days", int_), _col("notes"),
        _geom("geom", "MULTIPOLYGON", srid),
        _unique(t, "code"), _positive(t, "typical_depth_m", "typical_depth"),
        _not_negative(t, "typical_duration_days", "typical_duration"),
    )

    t = "building"
    _data_table(
        core, t,
        _col("bin", nullable=False), _col("name"), _col("house_number"), _col("address"),
        _code(t, "structure_type", "building_structure"),
        _code(t, "functional_use", "functional_use"),
        _col("use_category"),
        _col("floor_count", small), _col("construction_year", small),
        _col("household_count", int_), _col("population", int_),
        _col("female_population", int_), _col("male_population", int_), _col("other_population", int_),
        _ref(t, "lic_id", "imis_core.low_income_community"),
        _ref(t, "ward_id", "imis_core.ward"),
        _ref(t, "road_id", "imis_core.road"),
        _code(t, "water_source", "water_source"),
        _col("toilet_count", small),
        _code(t, "sanitation_system", "sanitation_system"),
        _col("vehicle_accessible", bool_), _col("road_width_access_m", METRES),
        _col("surveyed_date", date),
        _geom("geom", "MULTIPOLYGON", srid),
        _unique(t, "bin"),
        _not_blank(t, "bin"),
        _check(t, "floor_count_at_least_one", "floor_count >= 1"),
        _check(t, "construction_year_plausible", "construction_year BETWEEN 1800 AND 2100"),
        *[_not_negative(t, c) for c in ("household_count", "population", "female_population",
                                        "male_population", "other_population", "toilet_count")],
        _check(t, "population_sum",
               "population IS NULL OR female_population IS NULL OR male_population IS NULL "
               "OR population = female_population + male_population + coalesce(other_population, 0)"),
        _positive(t, "road_width_access_m", "road_width_access"),
        _check(t, "use_category_needs_functional_use", "use_category IS NULL OR functional_use IS NOT NULL"),
        # the use category must belong to the building's functional use
        sa.ForeignKeyConstraint(
            ["use_category", "functional_use"],
            ["imis_code.use_category.value", "imis_code.use_category.functional_use"],
            name="fk_building_use_category", onupdate="CASCADE", ondelete="RESTRICT",
        ),
        index=["lic_id", "ward_id", "road_id"],
    )

    t = "owner"
    _data_table(
        core, t,
        _col("name", nullable=False), _col("name_bn"), _code(t, "gender", "gender"),
        _col("national_id"), _col("phone"), _col("address"),
        _unique(t, "national_id"), _not_blank(t, "name"),
        _check(t, "national_id_format", "national_id ~ '^([0-9]{10}|[0-9]{13}|[0-9]{17})$'"),
        _phone(t),
    )

    t = "holding"
    _data_table(
        core, t,
        _col("holding_code", nullable=False), _col("is_legacy", bool_, False, server_default=sa.text("false")),
        _ref(t, "ward_id", "imis_core.ward"), _ref(t, "owner_id", "imis_core.owner"),
        _col("address"), _col("annual_value_bdt", TAKA),
        _check(t, "code_standard_or_legacy",
               "holding_code ~ '^[0-9]{2}-[0-9]{3}-[0-9]{4}-[0-9]{2}$' OR is_legacy"),
        _not_blank(t, "holding_code"),
        _not_negative(t, "annual_value_bdt", "annual_value"),
        index=["holding_code", "ward_id", "owner_id"],
    )
    # standard codes are unique; legacy codes may repeat (duplicates across wards exist)
    op.create_index("uq_holding_code_standard", "holding", ["holding_code"], unique=True, schema=core,
                    postgresql_where=sa.text("NOT is_legacy"))

    t = "building_holding"
    _data_table(core, t,
                _ref(t, "building_id", "imis_core.building", nullable=False, cascade=True),
                _ref(t, "holding_id", "imis_core.holding", nullable=False, cascade=True),
                _unique(t, "building_id", "holding_id", name="uq_building_holding_pair"),
                index=["holding_id"])

    t = "containment"
    _data_table(
        core, t,
        _col("code", nullable=False), _code(t, "containment_type", "containment_type"),
        _col("volume_m3", CUBIC_METRES),
        _col("length_m", METRES), _col("width_m", METRES), _col("depth_m", METRES), _col("diameter_m", METRES),
        _col("pit_count", small),
        _col("construction_date", date), _col("last_emptied_date", date),
        _col("emptied_count", int_, False, server_default=sa.text("0")),
        _col("next_emptying_date", date),
        _col("in_use", bool_, False, server_default=sa.text("true")),
        _col("accessible", bool_), _col("notes"),
        _geom("location", "POINT", srid, nullable=True),
        _unique(t, "code"), _not_blank(t, "code"),
        *[_positive(t, f"{d}_m", d) for d in ("length", "width", "depth", "diameter")],
        _positive(t, "volume_m3", "volume"),
        _check(t, "pit_count_at_least_one", "pit_count >= 1"),
        _not_negative(t, "emptied_count"),
        _check(t, "emptied_after_construction", "last_emptied_date >= construction_date"),
        _check(t, "next_emptying_after_last", "next_emptying_date >= last_emptied_date"),
    )

    t = "building_containment"
    _data_table(core, t,
                _ref(t, "building_id", "imis_core.building", nullable=False, cascade=True),
                _ref(t, "containment_id", "imis_core.containment", nullable=False, cascade=True),
                _unique(t, "building_id", "containment_id", name="uq_building_containment_pair"),
                index=["containment_id"])

    t = "toilet"
    _data_table(
        core, t,
        _col("code", nullable=False), _col("name"), _code(t, "kind", "toilet_kind", nullable=False),
        _ref(t, "ward_id", "imis_core.ward"), _ref(t, "building_id", "imis_core.building"),
        _col("operator"), _col("caretaker_phone"),
        _code(t, "status", "operational_status", nullable=False, default="operational"),
        _col("seats_female", small), _col("seats_male", small), _col("seats_universal", small),
        _col("universal_design", bool_), _col("separate_for_women", bool_), _col("has_handwashing", bool_),
        _col("has_menstrual_hygiene", bool_),
        _col("female_users", int_), _col("male_users", int_), _col("fee_bdt", TAKA),
        _code(t, "sanitation_system", "sanitation_system"),
        _geom("geom", "POINT", srid),
        _unique(t, "code"), _not_blank(t, "code"),
        *[_not_negative(t, c) for c in ("seats_female", "seats_male", "seats_universal", "female_users",
                                        "male_users")],
        _not_negative(t, "fee_bdt", "fee"),
        _phone(t, "caretaker_phone"),
        index=["ward_id", "building_id"],
    )

    t = "building_toilet"
    _data_table(core, t,
                _ref(t, "building_id", "imis_core.building", nullable=False, cascade=True),
                _ref(t, "toilet_id", "imis_core.toilet", nullable=False, cascade=True),
                _unique(t, "building_id", "toilet_id", name="uq_building_toilet_pair"),
                index=["toilet_id"])


def _fsm():
    fsm = "imis_fsm"
    small = sa.SmallInteger()
    date = sa.Date()
    bool_ = sa.Boolean()
    when = sa.DateTime(timezone=True)
    false = {"server_default": sa.text("false")}

    t = "service_provider"
    _data_table(
        fsm, t,
        _col("code", nullable=False), _col("name", nullable=False), _col("contact_person"),
        _col("phone"), _col("email"), _col("address"), _col("licence_number"), _col("licence_valid_until", date),
        _code(t, "status", "provider_status", nullable=False, default="active"),
        _unique(t, "code"), _not_blank(t, "code"), _not_blank(t, "name"), _phone(t), _email(t),
    )

    t = "vehicle"
    _data_table(
        fsm, t,
        _ref(t, "provider_id", "imis_fsm.service_provider", nullable=False),
        _col("registration", nullable=False), _code(t, "vehicle_type", "vehicle_type", nullable=False),
        _col("capacity_m3", CUBIC_METRES, False), _col("width_m", METRES),
        _code(t, "status", "operational_status", nullable=False, default="operational"),
        _unique(t, "registration"), _not_blank(t, "registration"),
        _positive(t, "capacity_m3", "capacity"), _positive(t, "width_m", "width"),
        index=["provider_id"],
    )

    t = "employee"
    _data_table(
        fsm, t,
        _ref(t, "provider_id", "imis_fsm.service_provider", nullable=False),
        _col("name", nullable=False), _code(t, "gender", "gender"), _code(t, "role", "employee_role"),
        _col("phone"), _col("joined_date", date), _col("left_date", date),
        _not_blank(t, "name"), _phone(t), _check(t, "left_after_joined", "left_date >= joined_date"),
        index=["provider_id"],
    )

    t = "application"
    _data_table(
        fsm, t,
        _col("code", nullable=False),
        _ref(t, "provider_id", "imis_fsm.service_provider"),
        _ref(t, "building_id", "imis_core.building"),
        _ref(t, "containment_id", "imis_core.containment"),
        _ref(t, "holding_id", "imis_core.holding"),
        _col("customer_name"), _col("customer_phone"), _code(t, "customer_gender", "gender"), _col("address"),
        _col("application_date", date, False, server_default=sa.text("CURRENT_DATE")),
        _col("requested_date", date),
        _col("is_emergency", bool_, False, **false),
        _col("is_scheduled", bool_, False, **false),
        _col("is_cancelled", bool_, False, **false),
        _col("cancel_reason"),
        _unique(t, "code"), _not_blank(t, "code"),
        _check(t, "building_or_holding", "building_id IS NOT NULL OR holding_id IS NOT NULL"),
        _check(t, "requested_after_application", "requested_date >= application_date"),
        _phone(t, "customer_phone"),
        _check(t, "cancel_reason_only_if_cancelled", "is_cancelled OR cancel_reason IS NULL"),
        index=["provider_id", "building_id", "containment_id", "holding_id", "application_date"],
    )

    t = "assessment"
    _data_table(
        fsm, t,
        _ref(t, "application_id", "imis_fsm.application", nullable=False, cascade=True),
        _col("assessed_date", date, False), _col("assessed_by"),
        _col("sludge_volume_m3", CUBIC_METRES), _col("trips", small),
        _code(t, "vehicle_type", "vehicle_type"),
        _col("is_accessible", bool_), _col("access_notes"),
        _col("estimated_cost_bdt", TAKA), _col("proposed_date", date),
        _unique(t, "application_id"),
        _positive(t, "sludge_volume_m3", "sludge_volume"),
        _check(t, "trips_at_least_one", "trips >= 1"),
        _not_negative(t, "estimated_cost_bdt", "estimated_cost"),
        _check(t, "proposed_after_assessed", "proposed_date >= assessed_date"),
    )

    t = "emptying"
    _data_table(
        fsm, t,
        _ref(t, "application_id", "imis_fsm.application", nullable=False, cascade=True),
        _col("emptied_date", date, False), _col("volume_m3", CUBIC_METRES, False),
        _col("trips", small, False, server_default=sa.text("1")),
        _ref(t, "vehicle_id", "imis_fsm.vehicle"),
        _code(t, "method", "emptying_method", nullable=False, default="mechanical"),
        _col("start_time", when), _col("end_time", when),
        _col("receipt_number"), _col("cost_bdt", TAKA),
        _col("photo_before"), _col("photo_after"), _col("notes"),
        _unique(t, "application_id"),
        _positive(t, "volume_m3", "volume"),
        _check(t, "trips_at_least_one", "trips >= 1"),
        _check(t, "end_after_start", "end_time > start_time"),
        _not_negative(t, "cost_bdt", "cost"),
        index=["emptied_date", "vehicle_id"],
    )

    t = "emptying_crew"
    _data_table(fsm, t,
                _ref(t, "emptying_id", "imis_fsm.emptying", nullable=False, cascade=True),
                _ref(t, "employee_id", "imis_fsm.employee", nullable=False),
                _unique(t, "emptying_id", "employee_id", name="uq_emptying_crew_pair"),
                index=["employee_id"])

    t = "disposal"
    _data_table(
        fsm, t,
        _ref(t, "emptying_id", "imis_fsm.emptying", nullable=False, cascade=True),
        _ref(t, "plant_id", "imis_core.treatment_plant", nullable=False),
        _col("disposed_date", date, False), _col("volume_m3", CUBIC_METRES, False),
        _col("entry_time", when), _col("exit_time", when), _col("confirmed_by"), _col("notes"),
        _positive(t, "volume_m3", "volume"),
        _check(t, "exit_after_entry", "exit_time > entry_time"),
        index=["emptying_id", "plant_id", "disposed_date"],
    )

    t = "feedback"
    _data_table(
        fsm, t,
        _ref(t, "application_id", "imis_fsm.application", nullable=False, cascade=True),
        _col("feedback_date", date, False), _col("satisfaction", small), _col("crew_wore_ppe", bool_),
        _code(t, "respondent_gender", "gender"), _col("comments"),
        _unique(t, "application_id"),
        _check(t, "satisfaction_1_to_5", "satisfaction BETWEEN 1 AND 5"),
    )

    t = "plant_test"
    _data_table(
        fsm, t,
        _ref(t, "plant_id", "imis_core.treatment_plant", nullable=False),
        _col("sample_date", date, False),
        _col("bod_mg_l", MG_PER_L), _col("cod_mg_l", MG_PER_L), _col("tss_mg_l", MG_PER_L),
        _col("ecoli_cfu_100ml", sa.Numeric(14, 1)), _col("ph", sa.Numeric(4, 2)),
        _col("tested_by"), _col("remarks"),
        _not_negative(t, "bod_mg_l", "bod"), _not_negative(t, "cod_mg_l", "cod"),
        _not_negative(t, "tss_mg_l", "tss"), _not_negative(t, "ecoli_cfu_100ml", "ecoli"),
        _check(t, "ph_range", "ph BETWEEN 0 AND 14"),
        index=["plant_id"],
    )


def _core_after_fsm():
    """Core tables that reference imis_fsm."""
    t = "app_user"
    _data_table(
        "imis_core", t,
        _col("login_role", nullable=False), _col("full_name"), _col("email"), _col("phone"),
        _ref(t, "provider_id", "imis_fsm.service_provider"),
        _ref(t, "plant_id", "imis_core.treatment_plant"),
        _col("is_active", sa.Boolean(), False, server_default=sa.text("true")),
        _unique(t, "login_role"), _not_blank(t, "login_role"), _email(t), _phone(t),
        index=["provider_id", "plant_id"],
    )


def _audit():
    op.create_table(
        "log",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("session_user_name", sa.Text(), server_default=sa.text("SESSION_USER"), nullable=False),
        sa.Column("role_name", sa.Text(), server_default=sa.text("CURRENT_USER"), nullable=False),
        sa.Column("schema_name", sa.Text(), nullable=False),
        sa.Column("table_name", sa.Text(), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("old_row", postgresql.JSONB(), nullable=True),
        sa.Column("new_row", postgresql.JSONB(), nullable=True),
        sa.Column("txid", sa.BigInteger(), server_default=sa.text("txid_current()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_log"),
        sa.CheckConstraint("action IN ('INSERT', 'UPDATE', 'DELETE')", name="ck_log_action_known"),
        schema="imis_audit",
    )
    op.create_index("ix_log_table_name_row_id", "log", ["table_name", "row_id"], schema="imis_audit")
    op.create_index("ix_log_at", "log", ["at"], schema="imis_audit")


# --- downgrade ---------------------------------------------------------------------------------------

# every table of this revision, dependants first
DROP_ORDER = (
    ("imis_audit", "log"),
    ("imis_core", "app_user"),
    ("imis_fsm", "plant_test"),
    ("imis_fsm", "feedback"),
    ("imis_fsm", "disposal"),
    ("imis_fsm", "emptying_crew"),
    ("imis_fsm", "emptying"),
    ("imis_fsm", "assessment"),
    ("imis_fsm", "application"),
    ("imis_fsm", "employee"),
    ("imis_fsm", "vehicle"),
    ("imis_fsm", "service_provider"),
    ("imis_core", "building_toilet"),
    ("imis_core", "toilet"),
    ("imis_core", "building_containment"),
    ("imis_core", "containment"),
    ("imis_core", "building_holding"),
    ("imis_core", "holding"),
    ("imis_core", "owner"),
    ("imis_core", "building"),
    ("imis_core", "waterlogging_area"),
    ("imis_core", "water_body"),
    ("imis_core", "sewer"),
    ("imis_core", "drain"),
    ("imis_core", "road"),
    ("imis_core", "treatment_plant"),
    ("imis_core", "low_income_community"),
    ("imis_core", "ward"),
    ("imis_core", "holiday"),
    ("imis_core", "city"),
    ("imis_code", "employee_role"),
    ("imis_code", "gender"),
    ("imis_code", "waterlogging_severity"),
    ("imis_code", "water_body_type"),
    ("imis_code", "emptying_method"),
    ("imis_code", "vehicle_type"),
    ("imis_code", "toilet_kind"),
    ("imis_code", "water_source"),
    ("imis_code", "provider_status"),
    ("imis_code", "operational_status"),
    ("imis_code", "treatment_plant_type"),
    ("imis_code", "drain_lining"),
    ("imis_code", "drain_cover"),
    ("imis_code", "road_surface"),
    ("imis_code", "road_hierarchy"),
    ("imis_code", "use_category"),
    ("imis_code", "functional_use"),
    ("imis_code", "building_structure"),
    ("imis_code", "containment_type"),
    ("imis_code", "sanitation_system"),
    ("imis_code", "jmp_facility"),
)


def downgrade():
    # Plain DROPs without CASCADE: anything foreign left in an IMIS schema makes the downgrade fail
    # instead of silently disappearing. The extensions stay (other databases objects may use them).
    # Removing IMIS entirely also removes what later revisions' downgrades archived.
    op.execute(f"DROP SCHEMA IF EXISTS {ARCHIVE_SCHEMA} CASCADE")
    for schema, table in DROP_ORDER:
        op.drop_table(table, schema=schema)
    for schema in reversed(SCHEMAS):
        op.execute(f"DROP SCHEMA {schema}")
