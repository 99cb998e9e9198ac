"""Faecal sludge management (schema ``imis_fsm``): service providers and the service chain
application -> assessment -> emptying (+ crew) -> disposal -> feedback, and treatment-plant tests.

Child steps of an application are deleted with it (ON DELETE CASCADE); rules that compare rows
(dates ordered along the chain, disposed <= emptied volume, nothing in the future) are app-schema triggers.
"""
from __future__ import annotations

import datetime as dt
import decimal
import uuid

from geoalchemy2 import WKBElement
from sqlalchemy import ARRAY, CheckConstraint, ForeignKey, Index, Numeric, SmallInteger, Text, UniqueConstraint, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from .base import (
    CORE_SCHEMA,
    FSM_SCHEMA,
    Base,
    CUBIC_METRES,
    MG_PER_L,
    METRES,
    TAKA,
    DataRowMixin,
    code_fk,
    email_format,
    geom_valid,
    geometry,
    non_negative,
    not_blank,
    ordered,
    phone_format,
    positive,
    ref,
)

S = {"schema": FSM_SCHEMA}
PROVIDER = f"{FSM_SCHEMA}.service_provider"
APPLICATION = f"{FSM_SCHEMA}.application"
PLANT = f"{CORE_SCHEMA}.treatment_plant"



class ServiceProvider(DataRowMixin, Base):
    __tablename__ = "service_provider"
    code: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str]
    contact_person: Mapped[str | None]
    phone: Mapped[str | None]
    email: Mapped[str | None]
    address: Mapped[str | None]
    licence_number: Mapped[str | None]
    licence_valid_until: Mapped[dt.date | None]
    status: Mapped[str] = mapped_column(code_fk("provider_status"), server_default=text("'active'::text"))
    __table_args__ = (
        not_blank("service_provider", "code"),
        not_blank("service_provider", "name"),
        phone_format("service_provider"),
        email_format("service_provider"),
        S,
    )


class Vehicle(DataRowMixin, Base):
    __tablename__ = "vehicle"
    provider_id: Mapped[uuid.UUID] = mapped_column(ref(PROVIDER), index=True)
    registration: Mapped[str] = mapped_column(unique=True)
    vehicle_type: Mapped[str] = mapped_column(code_fk("vehicle_type"))
    capacity_m3: Mapped[decimal.Decimal] = mapped_column(CUBIC_METRES)
    width_m: Mapped[decimal.Decimal | None] = mapped_column(METRES)
    status: Mapped[str] = mapped_column(code_fk("operational_status"), server_default=text("'operational'::text"))
    # revision 0004: where the vehicle starts and ends its day, plant runs a day, hose reach (scheduling)
    depot: Mapped[WKBElement | None] = mapped_column(geometry("POINT"))
    trips_per_day: Mapped[int | None] = mapped_column(SmallInteger)
    hose_length_m: Mapped[decimal.Decimal | None] = mapped_column(METRES)
    __table_args__ = (
        not_blank("vehicle", "registration"),
        positive("vehicle", "capacity_m3", "capacity"),
        positive("vehicle", "width_m", "width"),
        geom_valid("vehicle", "depot"),
        CheckConstraint("trips_per_day >= 1", name="ck_vehicle_trips_per_day_at_least_one"),
        positive("vehicle", "hose_length_m", "hose_length"),
        S,
    )


class Employee(DataRowMixin, Base):
    __tablename__ = "employee"
    provider_id: Mapped[uuid.UUID] = mapped_column(ref(PROVIDER), index=True)
    name: Mapped[str]
    gender: Mapped[str | None] = mapped_column(code_fk("gender"))
    role: Mapped[str | None] = mapped_column(code_fk("employee_role"))
    phone: Mapped[str | None]
    joined_date: Mapped[dt.date | None]
    left_date: Mapped[dt.date | None]
    __table_args__ = (
        not_blank("employee", "name"),
        phone_format("employee"),
        ordered("employee", "joined_date", "left_date", "left_after_joined"),
        S,
    )


class Application(DataRowMixin, Base):
    """A request to empty a containment (from a customer or a scheduled programme)."""

    __tablename__ = "application"
    code: Mapped[str] = mapped_column(unique=True)
    provider_id: Mapped[uuid.UUID | None] = mapped_column(ref(PROVIDER), index=True)
    building_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{CORE_SCHEMA}.building"), index=True)
    containment_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{CORE_SCHEMA}.containment"), index=True)
    holding_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{CORE_SCHEMA}.holding"), index=True)
    customer_name: Mapped[str | None]
    customer_phone: Mapped[str | None]
    customer_gender: Mapped[str | None] = mapped_column(code_fk("gender"))
    address: Mapped[str | None]
    application_date: Mapped[dt.date] = mapped_column(server_default=text("CURRENT_DATE"), index=True)
    requested_date: Mapped[dt.date | None]
    is_emergency: Mapped[bool] = mapped_column(server_default=text("false"))
    is_scheduled: Mapped[bool] = mapped_column(server_default=text("false"))
    is_cancelled: Mapped[bool] = mapped_column(server_default=text("false"))
    cancel_reason: Mapped[str | None]
    __table_args__ = (
        not_blank("application", "code"),
        CheckConstraint(
            "building_id IS NOT NULL OR holding_id IS NOT NULL", name="ck_application_building_or_holding"
        ),
        ordered("application", "application_date", "requested_date", "requested_after_application"),
        phone_format("application", "customer_phone"),
        CheckConstraint("is_cancelled OR cancel_reason IS NULL", name="ck_application_cancel_reason_only_if_cancelled"),
        S,
    )


class Assessment(DataRowMixin, Base):
    """Site visit before emptying: expected volume, trips, vehicle and cost."""

    __tablename__ = "assessment"
    application_id: Mapped[uuid.UUID] = mapped_column(ref(APPLICATION, cascade=True), unique=True)
    assessed_date: Mapped[dt.date]
    assessed_by: Mapped[str | None]
    sludge_volume_m3: Mapped[decimal.Decimal | None] = mapped_column(CUBIC_METRES)
    trips: Mapped[int | None] = mapped_column(SmallInteger)
    vehicle_type: Mapped[str | None] = mapped_column(code_fk("vehicle_type"))
    is_accessible: Mapped[bool | None]
    access_notes: Mapped[str | None]
    estimated_cost_bdt: Mapped[decimal.Decimal | None] = mapped_column(TAKA)
    proposed_date: Mapped[dt.date | None]
    __table_args__ = (
        positive("assessment", "sludge_volume_m3", "sludge_volume"),
        CheckConstraint("trips >= 1", name="ck_assessment_trips_at_least_one"),
        non_negative("assessment", "estimated_cost_bdt", "estimated_cost"),
        ordered("assessment", "assessed_date", "proposed_date", "proposed_after_assessed"),
        S,
    )


class Emptying(DataRowMixin, Base):
    __tablename__ = "emptying"
    application_id: Mapped[uuid.UUID] = mapped_column(ref(APPLICATION, cascade=True), unique=True)
    emptied_date: Mapped[dt.date] = mapped_column(index=True)
    volume_m3: Mapped[decimal.Decimal] = mapped_column(CUBIC_METRES)
    trips: Mapped[int] = mapped_column(SmallInteger, server_default=text("1"))
    vehicle_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{FSM_SCHEMA}.vehicle"), index=True)
    method: Mapped[str] = mapped_column(code_fk("emptying_method"), server_default=text("'mechanical'::text"))
    start_time: Mapped[dt.datetime | None]
    end_time: Mapped[dt.datetime | None]
    receipt_number: Mapped[str | None]
    cost_bdt: Mapped[decimal.Decimal | None] = mapped_column(TAKA)
    photo_before: Mapped[str | None]
    photo_after: Mapped[str | None]
    notes: Mapped[str | None]
    __table_args__ = (
        positive("emptying", "volume_m3", "volume"),
        CheckConstraint("trips >= 1", name="ck_emptying_trips_at_least_one"),
        CheckConstraint("end_time > start_time", name="ck_emptying_end_after_start"),
        non_negative("emptying", "cost_bdt", "cost"),
        S,
    )


class EmptyingCrew(DataRowMixin, Base):
    __tablename__ = "emptying_crew"
    emptying_id: Mapped[uuid.UUID] = mapped_column(ref(f"{FSM_SCHEMA}.emptying", cascade=True))
    employee_id: Mapped[uuid.UUID] = mapped_column(ref(f"{FSM_SCHEMA}.employee"), index=True)
    __table_args__ = (UniqueConstraint("emptying_id", "employee_id", name="uq_emptying_crew_pair"), S)


class Disposal(DataRowMixin, Base):
    """Sludge of an emptying delivered to a treatment plant (one row per delivery)."""

    __tablename__ = "disposal"
    emptying_id: Mapped[uuid.UUID] = mapped_column(ref(f"{FSM_SCHEMA}.emptying", cascade=True), index=True)
    plant_id: Mapped[uuid.UUID] = mapped_column(ref(PLANT), index=True)
    disposed_date: Mapped[dt.date] = mapped_column(index=True)
    volume_m3: Mapped[decimal.Decimal] = mapped_column(CUBIC_METRES)
    entry_time: Mapped[dt.datetime | None]
    exit_time: Mapped[dt.datetime | None]
    confirmed_by: Mapped[str | None]
    notes: Mapped[str | None]
    __table_args__ = (
        positive("disposal", "volume_m3", "volume"),
        CheckConstraint("exit_time > entry_time", name="ck_disposal_exit_after_entry"),
        S,
    )


class Feedback(DataRowMixin, Base):
    __tablename__ = "feedback"
    application_id: Mapped[uuid.UUID] = mapped_column(ref(APPLICATION, cascade=True), unique=True)
    feedback_date: Mapped[dt.date]
    satisfaction: Mapped[int | None] = mapped_column(SmallInteger)
    crew_wore_ppe: Mapped[bool | None]
    respondent_gender: Mapped[str | None] = mapped_column(code_fk("gender"))
    comments: Mapped[str | None]
    __table_args__ = (
        CheckConstraint("satisfaction BETWEEN 1 AND 5", name="ck_feedback_satisfaction_1_to_5"),
        S,
    )


class PlantTest(DataRowMixin, Base):
    """A laboratory test of a treatment plant's effluent."""

    __tablename__ = "plant_test"
    plant_id: Mapped[uuid.UUID] = mapped_column(ref(PLANT), index=True)
    sample_date: Mapped[dt.date]
    bod_mg_l: Mapped[decimal.Decimal | None] = mapped_column(MG_PER_L)
    cod_mg_l: Mapped[decimal.Decimal | None] = mapped_column(MG_PER_L)
    tss_mg_l: Mapped[decimal.Decimal | None] = mapped_column(MG_PER_L)
    ecoli_cfu_100ml: Mapped[decimal.Decimal | None] = mapped_column(Numeric(14, 1))
    ph: Mapped[decimal.Decimal | None] = mapped_column(Numeric(4, 2))
    tested_by: Mapped[str | None]
    remarks: Mapped[str | None]
    __table_args__ = (
        non_negative("plant_test", "bod_mg_l", "bod"),
        non_negative("plant_test", "cod_mg_l", "cod"),
        non_negative("plant_test", "tss_mg_l", "tss"),
        non_negative("plant_test", "ecoli_cfu_100ml", "ecoli"),
        CheckConstraint("ph BETWEEN 0 AND 14", name="ck_plant_test_ph_range"),
        S,
    )


# --- scheduling (revision 0004) ------------------------------------------------------------------------
CONTAINMENT = f"{CORE_SCHEMA}.containment"
SCHEDULE = f"{FSM_SCHEMA}.schedule"


class FillRate(DataRowMixin, Base):
    """Fill-model settings per kind of container: sludge accumulation and when to empty."""

    __tablename__ = "fill_rate"
    container: Mapped[str] = mapped_column(unique=True)
    sludge_m3_per_person_year: Mapped[decimal.Decimal] = mapped_column(Numeric(6, 4))
    #: empty when sludge + scum fill this share of the volume (septic tanks: 1/3)
    empty_at_fraction: Mapped[decimal.Decimal] = mapped_column(Numeric(4, 3))
    #: pits: empty when sludge is within this many metres of the top
    freeboard_m: Mapped[decimal.Decimal | None] = mapped_column(METRES)
    #: True: the truck pumps the whole contents (tanks); False: only the accumulated sludge (pits)
    pumps_full_volume: Mapped[bool] = mapped_column(server_default=text("true"))
    #: cycle of the regular programme, and the fallback interval when the fill model lacks data
    cycle_years: Mapped[decimal.Decimal] = mapped_column(Numeric(4, 1), server_default=text("3"))
    notes: Mapped[str | None]
    __table_args__ = (
        CheckConstraint("container IN ('septic_tank', 'double_pit', 'unlined_pit', 'holding_tank', 'lined_pit')",
                        name="ck_fill_rate_container_known"),
        positive("fill_rate", "sludge_m3_per_person_year", "sludge_rate"),
        CheckConstraint("empty_at_fraction > 0 AND empty_at_fraction <= 1", name="ck_fill_rate_empty_at_fraction_range"),
        non_negative("fill_rate", "freeboard_m", "freeboard"),
        positive("fill_rate", "cycle_years"),
        S,
    )


class FsmSetting(DataRowMixin, Base):
    """The city's FSM settings (one row): household size, response targets, overdue thresholds."""

    __tablename__ = "fsm_setting"
    one_row: Mapped[bool] = mapped_column(unique=True, server_default=text("true"))
    household_size: Mapped[decimal.Decimal] = mapped_column(Numeric(4, 1), server_default=text("4.5"))
    default_users: Mapped[int] = mapped_column(SmallInteger, server_default=text("5"))
    #: volume assumed when neither the containment nor any of its type has one (flagged as an estimate)
    default_volume_m3: Mapped[decimal.Decimal] = mapped_column(CUBIC_METRES, server_default=text("3"))
    assessment_days: Mapped[int] = mapped_column(SmallInteger, server_default=text("3"))
    response_days: Mapped[int] = mapped_column(SmallInteger, server_default=text("7"))
    emergency_response_days: Mapped[int] = mapped_column(SmallInteger, server_default=text("1"))
    disposal_hours: Mapped[int] = mapped_column(SmallInteger, server_default=text("24"))
    feedback_days: Mapped[int] = mapped_column(SmallInteger, server_default=text("14"))
    disposal_tolerance_pct: Mapped[decimal.Decimal] = mapped_column(Numeric(4, 1), server_default=text("5"))
    __table_args__ = (
        CheckConstraint("one_row", name="ck_fsm_setting_one_row"),
        positive("fsm_setting", "household_size"),
        positive("fsm_setting", "default_users"),
        positive("fsm_setting", "default_volume_m3", "default_volume"),
        non_negative("fsm_setting", "assessment_days"),
        non_negative("fsm_setting", "response_days"),
        non_negative("fsm_setting", "emergency_response_days"),
        positive("fsm_setting", "disposal_hours"),
        non_negative("fsm_setting", "feedback_days"),
        CheckConstraint("disposal_tolerance_pct BETWEEN 0 AND 50", name="ck_fsm_setting_disposal_tolerance_range"),
        S,
    )


class ContainmentSurvey(DataRowMixin, Base):
    """What a visit found: the users of a containment and/or its sludge level (percent of its depth)."""

    __tablename__ = "containment_survey"
    containment_id: Mapped[uuid.UUID] = mapped_column(ref(CONTAINMENT, cascade=True), index=True)
    survey_date: Mapped[dt.date]
    user_count: Mapped[int | None]
    sludge_fill_pct: Mapped[decimal.Decimal | None] = mapped_column(Numeric(5, 1))
    surveyed_by: Mapped[str | None]
    notes: Mapped[str | None]
    __table_args__ = (
        non_negative("containment_survey", "user_count"),
        CheckConstraint("sludge_fill_pct BETWEEN 0 AND 100", name="ck_containment_survey_sludge_fill_pct_range"),
        CheckConstraint("user_count IS NOT NULL OR sludge_fill_pct IS NOT NULL",
                        name="ck_containment_survey_something_measured"),
        S,
    )


class ProviderWard(DataRowMixin, Base):
    """A ward a service provider serves (the planner sends only its vehicles there)."""

    __tablename__ = "provider_ward"
    provider_id: Mapped[uuid.UUID] = mapped_column(ref(PROVIDER, cascade=True))
    ward_id: Mapped[uuid.UUID] = mapped_column(ref(f"{CORE_SCHEMA}.ward", cascade=True), index=True)
    __table_args__ = (UniqueConstraint("provider_id", "ward_id", name="uq_provider_ward_pair"), S)


class Schedule(DataRowMixin, Base):
    """An emptying plan for a period (written by the "Plan emptying schedule" algorithm)."""

    __tablename__ = "schedule"
    code: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str | None]
    period_start: Mapped[dt.date]
    period_end: Mapped[dt.date]
    parameters: Mapped[dict] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    summary: Mapped[dict] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    notes: Mapped[str | None]
    __table_args__ = (
        not_blank("schedule", "code"),
        ordered("schedule", "period_start", "period_end", "end_after_start"),
        S,
    )


class ScheduleItem(DataRowMixin, Base):
    """One containment in a schedule: vehicle, day, trip and stop order; confirmed or declined."""

    __tablename__ = "schedule_item"
    schedule_id: Mapped[uuid.UUID] = mapped_column(ref(SCHEDULE, cascade=True))
    containment_id: Mapped[uuid.UUID] = mapped_column(ref(CONTAINMENT), index=True)
    application_id: Mapped[uuid.UUID | None] = mapped_column(ref(APPLICATION), index=True)
    provider_id: Mapped[uuid.UUID] = mapped_column(ref(PROVIDER), index=True)
    vehicle_id: Mapped[uuid.UUID] = mapped_column(ref(f"{FSM_SCHEMA}.vehicle"), index=True)
    service_date: Mapped[dt.date] = mapped_column(index=True)
    trip_no: Mapped[int] = mapped_column(SmallInteger)
    stop_order: Mapped[int] = mapped_column(SmallInteger)
    #: truck loads this containment needs (more than one when it holds more than the truck)
    loads: Mapped[int] = mapped_column(SmallInteger, server_default=text("1"))
    programme: Mapped[str]
    due_date: Mapped[dt.date | None]
    expected_volume_m3: Mapped[decimal.Decimal] = mapped_column(CUBIC_METRES)
    #: what the fill model had to estimate: volume, users, start_date, location
    estimates: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default=text("'{}'::text[]"))
    status: Mapped[str] = mapped_column(server_default=text("'planned'::text"))
    status_date: Mapped[dt.date | None]
    decline_reason: Mapped[str | None]
    geom: Mapped[WKBElement] = mapped_column(geometry("POINT"))
    __table_args__ = (
        UniqueConstraint("schedule_id", "containment_id", name="uq_schedule_item_containment"),
        CheckConstraint("trip_no >= 1", name="ck_schedule_item_trip_no_at_least_one"),
        CheckConstraint("stop_order >= 1", name="ck_schedule_item_stop_order_at_least_one"),
        CheckConstraint("loads >= 1", name="ck_schedule_item_loads_at_least_one"),
        CheckConstraint("programme IN ('emergency', 'on_demand', 'regular')", name="ck_schedule_item_programme_known"),
        CheckConstraint("status IN ('planned', 'confirmed', 'declined')", name="ck_schedule_item_status_known"),
        CheckConstraint("status = 'declined' OR decline_reason IS NULL",
                        name="ck_schedule_item_decline_reason_only_if_declined"),
        positive("schedule_item", "expected_volume_m3", "expected_volume"),
        geom_valid("schedule_item"),
        S,
    )


class ScheduleRoute(DataRowMixin, Base):
    """The road-network route of one vehicle on one day of a schedule (depot, stops, plant runs, depot)."""

    __tablename__ = "schedule_route"
    schedule_id: Mapped[uuid.UUID] = mapped_column(ref(SCHEDULE, cascade=True))
    vehicle_id: Mapped[uuid.UUID] = mapped_column(ref(f"{FSM_SCHEMA}.vehicle"), index=True)
    provider_id: Mapped[uuid.UUID] = mapped_column(ref(PROVIDER), index=True)
    service_date: Mapped[dt.date]
    stops: Mapped[int] = mapped_column(SmallInteger)
    trips: Mapped[int] = mapped_column(SmallInteger)
    volume_m3: Mapped[decimal.Decimal] = mapped_column(CUBIC_METRES)
    distance_km: Mapped[decimal.Decimal] = mapped_column(Numeric(8, 2))
    duration_h: Mapped[decimal.Decimal] = mapped_column(Numeric(5, 2))
    geom: Mapped[WKBElement | None] = mapped_column(geometry("MULTILINESTRING"))
    __table_args__ = (
        UniqueConstraint("schedule_id", "vehicle_id", "service_date", name="uq_schedule_route_vehicle_day"),
        non_negative("schedule_route", "stops"),
        non_negative("schedule_route", "trips"),
        non_negative("schedule_route", "volume_m3", "volume"),
        non_negative("schedule_route", "distance_km", "distance"),
        non_negative("schedule_route", "duration_h", "duration"),
        geom_valid("schedule_route"),
        S,
    )


class Reintegration(DataRowMixin, Base):
    """A household that declined a scheduled emptying, waiting for follow-up (the re-integration queue)."""

    __tablename__ = "reintegration"
    containment_id: Mapped[uuid.UUID] = mapped_column(ref(CONTAINMENT, cascade=True), index=True)
    schedule_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey(f"{FSM_SCHEMA}.schedule_item.id", ondelete="SET NULL"), index=True
    )
    provider_id: Mapped[uuid.UUID | None] = mapped_column(ref(PROVIDER), index=True)
    declined_date: Mapped[dt.date]
    reason: Mapped[str | None]
    follow_up_date: Mapped[dt.date | None]
    outcome: Mapped[str | None]
    resolved_date: Mapped[dt.date | None]
    notes: Mapped[str | None]
    __table_args__ = (
        CheckConstraint("outcome IN ('accepted', 'refused', 'unreachable', 'emptied_elsewhere')",
                        name="ck_reintegration_outcome_known"),
        ordered("reintegration", "declined_date", "resolved_date", "resolved_after_declined"),
        ordered("reintegration", "declined_date", "follow_up_date", "follow_up_after_declined"),
        # one open entry per containment
        Index("uq_reintegration_open", "containment_id", unique=True, postgresql_where=text("resolved_date IS NULL")),
        S,
    )
