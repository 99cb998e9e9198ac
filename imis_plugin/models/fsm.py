"""Faecal sludge management (schema ``imis_fsm``): service providers and the service chain
application -> assessment -> emptying (+ crew) -> disposal -> feedback, and treatment-plant tests.

Child steps of an application are deleted with it (ON DELETE CASCADE); rules that compare rows
(dates ordered along the chain, disposed <= emptied volume, nothing in the future) are app-schema triggers.
"""
from __future__ import annotations

import datetime as dt
import decimal
import uuid

from sqlalchemy import CheckConstraint, Numeric, SmallInteger, UniqueConstraint, text
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
    __table_args__ = (
        not_blank("vehicle", "registration"),
        positive("vehicle", "capacity_m3", "capacity"),
        positive("vehicle", "width_m", "width"),
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
