"""FSM scheduling: fill-model settings, containment surveys, vehicle depots and trips, provider wards,
emptying schedules (items and routes per vehicle-day) and the re-integration queue.

The fill model needs an accumulation rate per kind of container (settings, not constants) and what a
survey found (users, sludge level); the planner needs where a vehicle starts, how many plant runs it makes
a day and how long its hose is, and which provider serves which ward. A schedule is a plan for a period:
one item per containment (vehicle, day, trip, stop order, status confirmed/declined) and one route line
per vehicle-day. Households that decline wait in the re-integration queue.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry
from sqlalchemy.dialects import postgresql

from imis_plugin.db.revision_helpers import (
    CUBIC_METRES,
    METRES,
    check,
    city_srid,
    col,
    data_table,
    geom,
    not_blank,
    not_negative,
    positive,
    ref,
    retire_table,
    unique,
)

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FSM = "imis_fsm"
CONTAINERS = "('septic_tank', 'double_pit', 'unlined_pit', 'holding_tank', 'lined_pit')"
# Defaults from DOMAIN.md (septic tanks 0.03-0.06 m3/person/yr, pits 0.010-0.060, mean 0.025; empty a
# septic tank at 1/3 full, a pit within 0.5 m of the top). Officers change them; upgrades never overwrite.
FILL_RATES = [
    ("septic_tank", 0.040, 0.333, None, True, 3.0),
    ("holding_tank", 0.040, 0.800, None, True, 1.0),
    ("lined_pit", 0.025, 0.750, 0.5, False, 3.0),
    ("unlined_pit", 0.025, 0.750, 0.5, False, 3.0),
    ("double_pit", 0.025, 0.750, 0.5, False, 2.0),
]
SMALL = sa.SmallInteger()


def upgrade() -> None:
    srid = city_srid()
    _settings()
    data_table(
        FSM, "containment_survey",
        ref("containment_survey", "containment_id", "imis_core.containment", nullable=False, cascade=True),
        col("survey_date", sa.Date(), nullable=False),
        col("user_count", sa.Integer()),
        col("sludge_fill_pct", sa.Numeric(5, 1)),
        col("surveyed_by"), col("notes"),
        not_negative("containment_survey", "user_count"),
        check("containment_survey", "sludge_fill_pct_range", "sludge_fill_pct BETWEEN 0 AND 100"),
        check("containment_survey", "something_measured", "user_count IS NOT NULL OR sludge_fill_pct IS NOT NULL"),
        index=["containment_id"],
    )
    _vehicle_columns(srid)
    data_table(
        FSM, "provider_ward",
        ref("provider_ward", "provider_id", f"{FSM}.service_provider", nullable=False, cascade=True),
        ref("provider_ward", "ward_id", "imis_core.ward", nullable=False, cascade=True),
        unique("provider_ward", "provider_id", "ward_id", name="uq_provider_ward_pair"),
        index=["ward_id"],
    )
    _schedule(srid)
    t = "reintegration"
    data_table(
        FSM, t,
        ref(t, "containment_id", "imis_core.containment", nullable=False, cascade=True),
        sa.Column("schedule_item_id", sa.Uuid(),
                  sa.ForeignKey(f"{FSM}.schedule_item.id", name="fk_reintegration_schedule_item",
                                ondelete="SET NULL"), nullable=True),
        ref(t, "provider_id", f"{FSM}.service_provider"),
        col("declined_date", sa.Date(), nullable=False),
        col("reason"), col("follow_up_date", sa.Date()), col("outcome"), col("resolved_date", sa.Date()),
        col("notes"),
        check(t, "outcome_known", "outcome IN ('accepted', 'refused', 'unreachable', 'emptied_elsewhere')"),
        check(t, "resolved_after_declined", "resolved_date >= declined_date"),
        check(t, "follow_up_after_declined", "follow_up_date >= declined_date"),
        index=["containment_id", "schedule_item_id", "provider_id"],
    )
    if not _exists(FSM, "uq_reintegration_open"):
        op.create_index("uq_reintegration_open", t, ["containment_id"], unique=True, schema=FSM,
                        postgresql_where=sa.text("resolved_date IS NULL"))


def _exists(schema, relation) -> bool:
    if op.get_context().as_sql:
        return False
    return op.get_bind().execute(sa.text("SELECT to_regclass(:r) IS NOT NULL"),
                                 {"r": f"{schema}.{relation}"}).scalar()


def _settings():
    t = "fill_rate"
    data_table(
        FSM, t,
        col("container", nullable=False),
        col("sludge_m3_per_person_year", sa.Numeric(6, 4), nullable=False),
        col("empty_at_fraction", sa.Numeric(4, 3), nullable=False),
        col("freeboard_m", METRES),
        col("pumps_full_volume", sa.Boolean(), nullable=False, server_default=sa.text("true")),
        col("cycle_years", sa.Numeric(4, 1), nullable=False, server_default=sa.text("3")),
        col("notes"),
        unique(t, "container"),
        check(t, "container_known", f"container IN {CONTAINERS}"),
        positive(t, "sludge_m3_per_person_year", "sludge_rate"),
        check(t, "empty_at_fraction_range", "empty_at_fraction > 0 AND empty_at_fraction <= 1"),
        not_negative(t, "freeboard_m", "freeboard"),
        positive(t, "cycle_years"),
    )
    rows = sa.table("fill_rate", sa.column("container"), sa.column("sludge_m3_per_person_year"),
                    sa.column("empty_at_fraction"), sa.column("freeboard_m"), sa.column("pumps_full_volume"),
                    sa.column("cycle_years"), schema=FSM)
    for container, rate, fraction, freeboard, full, cycle in FILL_RATES:
        statement = postgresql.insert(rows).values(
            container=container, sludge_m3_per_person_year=rate, empty_at_fraction=fraction,
            freeboard_m=freeboard, pumps_full_volume=full, cycle_years=cycle,
        ).on_conflict_do_nothing(index_elements=["container"])
        op.execute(statement)

    t = "fsm_setting"
    data_table(
        FSM, t,
        col("one_row", sa.Boolean(), nullable=False, server_default=sa.text("true")),
        col("household_size", sa.Numeric(4, 1), nullable=False, server_default=sa.text("4.5")),
        col("default_users", SMALL, nullable=False, server_default=sa.text("5")),
        col("default_volume_m3", CUBIC_METRES, nullable=False, server_default=sa.text("3")),
        col("assessment_days", SMALL, nullable=False, server_default=sa.text("3")),
        col("response_days", SMALL, nullable=False, server_default=sa.text("7")),
        col("emergency_response_days", SMALL, nullable=False, server_default=sa.text("1")),
        col("disposal_hours", SMALL, nullable=False, server_default=sa.text("24")),
        col("feedback_days", SMALL, nullable=False, server_default=sa.text("14")),
        col("disposal_tolerance_pct", sa.Numeric(4, 1), nullable=False, server_default=sa.text("5")),
        unique(t, "one_row"),
        check(t, "one_row", "one_row"),
        positive(t, "household_size"),
        positive(t, "default_users"),
        positive(t, "default_volume_m3", "default_volume"),
        not_negative(t, "assessment_days"),
        not_negative(t, "response_days"),
        not_negative(t, "emergency_response_days"),
        positive(t, "disposal_hours"),
        not_negative(t, "feedback_days"),
        check(t, "disposal_tolerance_range", "disposal_tolerance_pct BETWEEN 0 AND 50"),
    )
    op.execute(f"INSERT INTO {FSM}.fsm_setting (one_row) VALUES (true) ON CONFLICT (one_row) DO NOTHING")


def _vehicle_columns(srid):
    op.add_column("vehicle", sa.Column("depot", Geometry("POINT", srid=srid, spatial_index=False), nullable=True),
                  schema=FSM)
    op.add_column("vehicle", sa.Column("trips_per_day", SMALL, nullable=True), schema=FSM)
    op.add_column("vehicle", sa.Column("hose_length_m", METRES, nullable=True), schema=FSM)
    op.create_check_constraint("ck_vehicle_geom_valid", "vehicle", "ST_IsValid(depot) AND NOT ST_IsEmpty(depot)",
                               schema=FSM)
    op.create_check_constraint("ck_vehicle_trips_per_day_at_least_one", "vehicle", "trips_per_day >= 1", schema=FSM)
    op.create_check_constraint("ck_vehicle_hose_length_positive", "vehicle", "hose_length_m > 0", schema=FSM)
    op.create_index("idx_vehicle_depot", "vehicle", ["depot"], schema=FSM, postgresql_using="gist")


def _schedule(srid):
    t = "schedule"
    data_table(
        FSM, t,
        col("code", nullable=False), col("name"),
        col("period_start", sa.Date(), nullable=False), col("period_end", sa.Date(), nullable=False),
        col("parameters", postgresql.JSONB(), nullable=False, server_default=sa.text("'{}'::jsonb")),
        col("summary", postgresql.JSONB(), nullable=False, server_default=sa.text("'{}'::jsonb")),
        col("notes"),
        unique(t, "code"), not_blank(t, "code"),
        check(t, "end_after_start", "period_end >= period_start"),
    )
    t = "schedule_item"
    data_table(
        FSM, t,
        ref(t, "schedule_id", f"{FSM}.schedule", nullable=False, cascade=True),
        ref(t, "containment_id", "imis_core.containment", nullable=False),
        ref(t, "application_id", f"{FSM}.application"),
        ref(t, "provider_id", f"{FSM}.service_provider", nullable=False),
        ref(t, "vehicle_id", f"{FSM}.vehicle", nullable=False),
        col("service_date", sa.Date(), nullable=False),
        col("trip_no", SMALL, nullable=False),
        col("stop_order", SMALL, nullable=False),
        col("loads", SMALL, nullable=False, server_default=sa.text("1")),
        col("programme", nullable=False),
        col("due_date", sa.Date()),
        col("expected_volume_m3", CUBIC_METRES, nullable=False),
        col("estimates", postgresql.ARRAY(sa.Text()), nullable=False, server_default=sa.text("'{}'::text[]")),
        col("status", nullable=False, server_default=sa.text("'planned'::text")),
        col("status_date", sa.Date()),
        col("decline_reason"),
        geom("geom", "POINT", srid),
        unique(t, "schedule_id", "containment_id", name="uq_schedule_item_containment"),
        check(t, "trip_no_at_least_one", "trip_no >= 1"),
        check(t, "stop_order_at_least_one", "stop_order >= 1"),
        check(t, "loads_at_least_one", "loads >= 1"),
        check(t, "programme_known", "programme IN ('emergency', 'on_demand', 'regular')"),
        check(t, "status_known", "status IN ('planned', 'confirmed', 'declined')"),
        check(t, "decline_reason_only_if_declined", "status = 'declined' OR decline_reason IS NULL"),
        positive(t, "expected_volume_m3", "expected_volume"),
        index=["containment_id", "application_id", "provider_id", "vehicle_id", "service_date"],
    )
    t = "schedule_route"
    data_table(
        FSM, t,
        ref(t, "schedule_id", f"{FSM}.schedule", nullable=False, cascade=True),
        ref(t, "vehicle_id", f"{FSM}.vehicle", nullable=False),
        ref(t, "provider_id", f"{FSM}.service_provider", nullable=False),
        col("service_date", sa.Date(), nullable=False),
        col("stops", SMALL, nullable=False),
        col("trips", SMALL, nullable=False),
        col("volume_m3", CUBIC_METRES, nullable=False),
        col("distance_km", sa.Numeric(8, 2), nullable=False),
        col("duration_h", sa.Numeric(5, 2), nullable=False),
        geom("geom", "MULTILINESTRING", srid, nullable=True),
        unique(t, "schedule_id", "vehicle_id", "service_date", name="uq_schedule_route_vehicle_day"),
        not_negative(t, "stops"),
        not_negative(t, "trips"),
        not_negative(t, "volume_m3", "volume"),
        not_negative(t, "distance_km", "distance"),
        not_negative(t, "duration_h", "duration"),
        index=["vehicle_id", "provider_id"],
    )


def downgrade() -> None:
    for table in ("reintegration", "schedule_route", "schedule_item", "schedule", "provider_ward",
                  "containment_survey", "fsm_setting", "fill_rate"):
        retire_table(FSM, table)
    op.drop_index("idx_vehicle_depot", "vehicle", schema=FSM)
    for column in ("hose_length_m", "trips_per_day", "depot"):
        op.drop_column("vehicle", column, schema=FSM)
