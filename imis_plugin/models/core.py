"""Core municipal data (schema ``imis_core``): the city, places, networks, buildings, holdings,
containments, community/public toilets and the login-to-organisation map.

Geometries are in the city SRID (see :mod:`.base`). Cross-table rules (dates along the FSM chain,
volumes, "not in the future") live in the app schema, not here.
"""
from __future__ import annotations

import datetime as dt
import decimal
import uuid

from geoalchemy2 import WKBElement
from sqlalchemy import (
    ARRAY,
    CheckConstraint,
    ForeignKeyConstraint,
    Index,
    Numeric,
    SmallInteger,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import (
    CORE_SCHEMA,
    FSM_SCHEMA,
    Base,
    CUBIC_METRES,
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

S = {"schema": CORE_SCHEMA}
WARD = f"{CORE_SCHEMA}.ward"
PLANT = f"{CORE_SCHEMA}.treatment_plant"
BUILDING = f"{CORE_SCHEMA}.building"



class City(DataRowMixin, Base):
    """The one city this database serves (one database per city)."""

    __tablename__ = "city"
    # name, code and kind are filled in by the set-up after install (revision 0001 creates the row with
    # the SRID only, so that later revisions can read it)
    name: Mapped[str | None]
    name_bn: Mapped[str | None]
    #: short code of the city, e.g. KHL
    code: Mapped[str | None] = mapped_column(unique=True)
    #: 'city_corporation' or 'paurashava'
    city_kind: Mapped[str | None]
    #: projected metric CRS of every geometry, chosen at install, never changed afterwards
    srid: Mapped[int]
    #: ISO weekday numbers (1 = Monday ... 7 = Sunday) of working days; Bangladesh: Sunday-Thursday
    working_days: Mapped[list[int]] = mapped_column(
        ARRAY(SmallInteger), server_default=text("'{1,2,3,4,7}'::smallint[]")
    )
    timezone: Mapped[str] = mapped_column(server_default=text("'Asia/Dhaka'::text"))
    one_row: Mapped[bool] = mapped_column(server_default=text("true"))
    boundary: Mapped[WKBElement | None] = mapped_column(geometry("MULTIPOLYGON"))
    __table_args__ = (
        UniqueConstraint("one_row", name="uq_city_one_row"),
        CheckConstraint("one_row", name="ck_city_one_row"),
        CheckConstraint("city_kind IN ('city_corporation', 'paurashava')", name="ck_city_kind_known"),
        positive("city", "srid"),
        CheckConstraint(
            "cardinality(working_days) >= 1 AND working_days <@ '{1,2,3,4,5,6,7}'::smallint[]",
            name="ck_city_working_days_iso",
        ),
        not_blank("city", "name"),
        geom_valid("city", "boundary"),
        S,
    )


class Holiday(DataRowMixin, Base):
    """A public holiday of the city: no scheduled emptying on that day."""

    __tablename__ = "holiday"
    holiday_date: Mapped[dt.date] = mapped_column(unique=True)
    name: Mapped[str]
    name_bn: Mapped[str | None]
    __table_args__ = (not_blank("holiday", "name"), S)


class Ward(DataRowMixin, Base):
    __tablename__ = "ward"
    number: Mapped[int] = mapped_column(SmallInteger, unique=True)
    name: Mapped[str | None]
    name_bn: Mapped[str | None]
    geom: Mapped[WKBElement] = mapped_column(geometry("MULTIPOLYGON"))
    __table_args__ = (positive("ward", "number"), geom_valid("ward"), S)


class LowIncomeCommunity(DataRowMixin, Base):
    __tablename__ = "low_income_community"
    code: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str]
    name_bn: Mapped[str | None]
    ward_id: Mapped[uuid.UUID | None] = mapped_column(ref(WARD), index=True)
    household_count: Mapped[int | None]
    population: Mapped[int | None]
    geom: Mapped[WKBElement] = mapped_column(geometry("MULTIPOLYGON"))
    __table_args__ = (
        non_negative("low_income_community", "household_count"),
        non_negative("low_income_community", "population"),
        geom_valid("low_income_community"),
        S,
    )


class TreatmentPlant(DataRowMixin, Base):
    __tablename__ = "treatment_plant"
    code: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str]
    plant_type: Mapped[str] = mapped_column(code_fk("treatment_plant_type"))
    capacity_m3_per_day: Mapped[decimal.Decimal] = mapped_column(CUBIC_METRES)
    status: Mapped[str] = mapped_column(code_fk("operational_status"), server_default=text("'operational'::text"))
    operator: Mapped[str | None]
    caretaker_name: Mapped[str | None]
    phone: Mapped[str | None]
    commissioned_date: Mapped[dt.date | None]
    geom: Mapped[WKBElement] = mapped_column(geometry("POINT"))
    __table_args__ = (
        positive("treatment_plant", "capacity_m3_per_day", "capacity"),
        phone_format("treatment_plant"),
        geom_valid("treatment_plant"),
        S,
    )


class Road(DataRowMixin, Base):
    __tablename__ = "road"
    code: Mapped[str | None] = mapped_column(unique=True)
    name: Mapped[str | None]
    hierarchy: Mapped[str | None] = mapped_column(code_fk("road_hierarchy"))
    surface: Mapped[str | None] = mapped_column(code_fk("road_surface"))
    width_m: Mapped[decimal.Decimal | None] = mapped_column(METRES)
    carrying_width_m: Mapped[decimal.Decimal | None] = mapped_column(METRES)
    geom: Mapped[WKBElement] = mapped_column(geometry("MULTILINESTRING"))
    __table_args__ = (
        positive("road", "width_m", "width"),
        positive("road", "carrying_width_m", "carrying_width"),
        CheckConstraint("carrying_width_m <= width_m", name="ck_road_carrying_width_within_width"),
        geom_valid("road"),
        S,
    )


class Drain(DataRowMixin, Base):
    __tablename__ = "drain"
    code: Mapped[str | None] = mapped_column(unique=True)
    cover: Mapped[str | None] = mapped_column(code_fk("drain_cover"))
    lining: Mapped[str | None] = mapped_column(code_fk("drain_lining"))
    size_mm: Mapped[int | None]
    outlet_plant_id: Mapped[uuid.UUID | None] = mapped_column(ref(PLANT), index=True)
    geom: Mapped[WKBElement] = mapped_column(geometry("MULTILINESTRING"))
    __table_args__ = (positive("drain", "size_mm", "size"), geom_valid("drain"), S)


class Sewer(DataRowMixin, Base):
    __tablename__ = "sewer"
    code: Mapped[str | None] = mapped_column(unique=True)
    diameter_mm: Mapped[int | None]
    plant_id: Mapped[uuid.UUID | None] = mapped_column(ref(PLANT), index=True)
    geom: Mapped[WKBElement] = mapped_column(geometry("MULTILINESTRING"))
    __table_args__ = (positive("sewer", "diameter_mm", "diameter"), geom_valid("sewer"), S)


class WaterBody(DataRowMixin, Base):
    __tablename__ = "water_body"
    code: Mapped[str | None] = mapped_column(unique=True)
    name: Mapped[str | None]
    water_body_type: Mapped[str | None] = mapped_column(code_fk("water_body_type"))
    geom: Mapped[WKBElement] = mapped_column(geometry("MULTIPOLYGON"))
    __table_args__ = (geom_valid("water_body"), S)


class WaterloggingArea(DataRowMixin, Base):
    __tablename__ = "waterlogging_area"
    code: Mapped[str | None] = mapped_column(unique=True)
    severity: Mapped[str | None] = mapped_column(code_fk("waterlogging_severity"))
    typical_depth_m: Mapped[decimal.Decimal | None] = mapped_column(METRES)
    typical_duration_days: Mapped[int | None]
    notes: Mapped[str | None]
    geom: Mapped[WKBElement] = mapped_column(geometry("MULTIPOLYGON"))
    __table_args__ = (
        positive("waterlogging_area", "typical_depth_m", "typical_depth"),
        non_negative("waterlogging_area", "typical_duration_days", "typical_duration"),
        geom_valid("waterlogging_area"),
        S,
    )


class Building(DataRowMixin, Base):
    """A building footprint identified by its BIN ("One ID for all services")."""

    __tablename__ = "building"
    bin: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str | None]
    house_number: Mapped[str | None]
    address: Mapped[str | None]
    structure_type: Mapped[str | None] = mapped_column(code_fk("building_structure"))
    functional_use: Mapped[str | None] = mapped_column(code_fk("functional_use"))
    # checked together with functional_use by fk_building_use_category (composite)
    use_category: Mapped[str | None]
    floor_count: Mapped[int | None] = mapped_column(SmallInteger)
    construction_year: Mapped[int | None] = mapped_column(SmallInteger)
    household_count: Mapped[int | None]
    population: Mapped[int | None]
    female_population: Mapped[int | None]
    male_population: Mapped[int | None]
    other_population: Mapped[int | None]
    lic_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{CORE_SCHEMA}.low_income_community"), index=True)
    ward_id: Mapped[uuid.UUID | None] = mapped_column(ref(WARD), index=True)
    road_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{CORE_SCHEMA}.road"), index=True)
    # the network its wastewater reaches (revision 0002; confirmed from the drain-connection analysis)
    drain_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{CORE_SCHEMA}.drain"), index=True)
    sewer_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{CORE_SCHEMA}.sewer"), index=True)
    water_source: Mapped[str | None] = mapped_column(code_fk("water_source"))
    toilet_count: Mapped[int | None] = mapped_column(SmallInteger)
    sanitation_system: Mapped[str | None] = mapped_column(code_fk("sanitation_system"))
    vehicle_accessible: Mapped[bool | None]
    road_width_access_m: Mapped[decimal.Decimal | None] = mapped_column(METRES)
    surveyed_date: Mapped[dt.date | None]
    geom: Mapped[WKBElement] = mapped_column(geometry("MULTIPOLYGON"))
    __table_args__ = (
        not_blank("building", "bin"),
        CheckConstraint("floor_count >= 1", name="ck_building_floor_count_at_least_one"),
        CheckConstraint("construction_year BETWEEN 1800 AND 2100", name="ck_building_construction_year_plausible"),
        non_negative("building", "household_count"),
        non_negative("building", "population"),
        non_negative("building", "female_population"),
        non_negative("building", "male_population"),
        non_negative("building", "other_population"),
        CheckConstraint(
            "population IS NULL OR female_population IS NULL OR male_population IS NULL "
            "OR population = female_population + male_population + coalesce(other_population, 0)",
            name="ck_building_population_sum",
        ),
        non_negative("building", "toilet_count"),
        positive("building", "road_width_access_m", "road_width_access"),
        CheckConstraint(
            "use_category IS NULL OR functional_use IS NOT NULL",
            name="ck_building_use_category_needs_functional_use",
        ),
        # the use category must belong to the building's functional use
        # (ForeignKeyConstraint written out because it spans two columns)
        ForeignKeyConstraint(
            ["use_category", "functional_use"],
            ["imis_code.use_category.value", "imis_code.use_category.functional_use"],
            name="fk_building_use_category",
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        geom_valid("building"),
        S,
    )


class Owner(DataRowMixin, Base):
    """A taxpayer / owner of holdings."""

    __tablename__ = "owner"
    name: Mapped[str]
    name_bn: Mapped[str | None]
    gender: Mapped[str | None] = mapped_column(code_fk("gender"))
    national_id: Mapped[str | None] = mapped_column(unique=True)
    phone: Mapped[str | None]
    address: Mapped[str | None]
    __table_args__ = (
        not_blank("owner", "name"),
        CheckConstraint(
            "national_id ~ '^([0-9]{10}|[0-9]{13}|[0-9]{17})$'", name="ck_owner_national_id_format"
        ),
        phone_format("owner"),
        S,
    )


class Holding(DataRowMixin, Base):
    """A tax holding (non-spatial); standard code ``XX-XXX-XXXX-XX`` or a flagged legacy code."""

    __tablename__ = "holding"
    holding_code: Mapped[str]
    is_legacy: Mapped[bool] = mapped_column(server_default=text("false"))
    ward_id: Mapped[uuid.UUID | None] = mapped_column(ref(WARD), index=True)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{CORE_SCHEMA}.owner"), index=True)
    address: Mapped[str | None]
    annual_value_bdt: Mapped[decimal.Decimal | None] = mapped_column(TAKA)
    __table_args__ = (
        CheckConstraint(
            "holding_code ~ '^[0-9]{2}-[0-9]{3}-[0-9]{4}-[0-9]{2}$' OR is_legacy",
            name="ck_holding_code_standard_or_legacy",
        ),
        not_blank("holding", "holding_code"),
        non_negative("holding", "annual_value_bdt", "annual_value"),
        # standard codes are unique; legacy codes may repeat (duplicates across wards exist)
        Index("uq_holding_code_standard", "holding_code", unique=True, postgresql_where=text("NOT is_legacy")),
        Index("ix_holding_holding_code", "holding_code"),
        S,
    )


class BuildingHolding(DataRowMixin, Base):
    __tablename__ = "building_holding"
    building_id: Mapped[uuid.UUID] = mapped_column(ref(BUILDING, cascade=True))
    holding_id: Mapped[uuid.UUID] = mapped_column(ref(f"{CORE_SCHEMA}.holding", cascade=True), index=True)
    __table_args__ = (UniqueConstraint("building_id", "holding_id", name="uq_building_holding_pair"), S)


class Containment(DataRowMixin, Base):
    """A septic tank, pit or holding tank; may serve several buildings."""

    __tablename__ = "containment"
    code: Mapped[str] = mapped_column(unique=True)
    containment_type: Mapped[str | None] = mapped_column(code_fk("containment_type"))
    volume_m3: Mapped[decimal.Decimal | None] = mapped_column(CUBIC_METRES)
    length_m: Mapped[decimal.Decimal | None] = mapped_column(METRES)
    width_m: Mapped[decimal.Decimal | None] = mapped_column(METRES)
    depth_m: Mapped[decimal.Decimal | None] = mapped_column(METRES)
    diameter_m: Mapped[decimal.Decimal | None] = mapped_column(METRES)
    pit_count: Mapped[int | None] = mapped_column(SmallInteger)
    construction_date: Mapped[dt.date | None]
    last_emptied_date: Mapped[dt.date | None]
    emptied_count: Mapped[int] = mapped_column(server_default=text("0"))
    next_emptying_date: Mapped[dt.date | None]
    in_use: Mapped[bool] = mapped_column(server_default=text("true"))
    accessible: Mapped[bool | None]
    notes: Mapped[str | None]
    location: Mapped[WKBElement | None] = mapped_column(geometry("POINT"))
    __table_args__ = (
        not_blank("containment", "code"),
        positive("containment", "volume_m3", "volume"),
        positive("containment", "length_m", "length"),
        positive("containment", "width_m", "width"),
        positive("containment", "depth_m", "depth"),
        positive("containment", "diameter_m", "diameter"),
        CheckConstraint("pit_count >= 1", name="ck_containment_pit_count_at_least_one"),
        non_negative("containment", "emptied_count"),
        ordered("containment", "construction_date", "last_emptied_date", "emptied_after_construction"),
        ordered("containment", "last_emptied_date", "next_emptying_date", "next_emptying_after_last"),
        geom_valid("containment", "location"),
        S,
    )


class BuildingContainment(DataRowMixin, Base):
    __tablename__ = "building_containment"
    building_id: Mapped[uuid.UUID] = mapped_column(ref(BUILDING, cascade=True))
    containment_id: Mapped[uuid.UUID] = mapped_column(
        ref(f"{CORE_SCHEMA}.containment", cascade=True), index=True
    )
    __table_args__ = (UniqueConstraint("building_id", "containment_id", name="uq_building_containment_pair"), S)


class Toilet(DataRowMixin, Base):
    """A community, public or institutional toilet block."""

    __tablename__ = "toilet"
    code: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str | None]
    kind: Mapped[str] = mapped_column(code_fk("toilet_kind"))
    ward_id: Mapped[uuid.UUID | None] = mapped_column(ref(WARD), index=True)
    building_id: Mapped[uuid.UUID | None] = mapped_column(ref(BUILDING), index=True)
    operator: Mapped[str | None]
    caretaker_phone: Mapped[str | None]
    status: Mapped[str] = mapped_column(code_fk("operational_status"), server_default=text("'operational'::text"))
    seats_female: Mapped[int | None] = mapped_column(SmallInteger)
    seats_male: Mapped[int | None] = mapped_column(SmallInteger)
    seats_universal: Mapped[int | None] = mapped_column(SmallInteger)
    universal_design: Mapped[bool | None]
    separate_for_women: Mapped[bool | None]
    has_handwashing: Mapped[bool | None]
    has_menstrual_hygiene: Mapped[bool | None]
    female_users: Mapped[int | None]
    male_users: Mapped[int | None]
    fee_bdt: Mapped[decimal.Decimal | None] = mapped_column(TAKA)
    sanitation_system: Mapped[str | None] = mapped_column(code_fk("sanitation_system"))
    geom: Mapped[WKBElement] = mapped_column(geometry("POINT"))
    __table_args__ = (
        not_blank("toilet", "code"),
        non_negative("toilet", "seats_female"),
        non_negative("toilet", "seats_male"),
        non_negative("toilet", "seats_universal"),
        non_negative("toilet", "female_users"),
        non_negative("toilet", "male_users"),
        non_negative("toilet", "fee_bdt", "fee"),
        phone_format("toilet", "caretaker_phone"),
        geom_valid("toilet"),
        S,
    )


class BuildingToilet(DataRowMixin, Base):
    """A building whose residents depend on a community toilet."""

    __tablename__ = "building_toilet"
    building_id: Mapped[uuid.UUID] = mapped_column(ref(BUILDING, cascade=True))
    toilet_id: Mapped[uuid.UUID] = mapped_column(ref(f"{CORE_SCHEMA}.toilet", cascade=True), index=True)
    __table_args__ = (UniqueConstraint("building_id", "toilet_id", name="uq_building_toilet_pair"), S)


class AppUser(DataRowMixin, Base):
    """Maps a PostgreSQL login to the provider or plant whose rows it may see (used by row-level security)."""

    __tablename__ = "app_user"
    login_role: Mapped[str] = mapped_column(unique=True)
    full_name: Mapped[str | None]
    email: Mapped[str | None]
    phone: Mapped[str | None]
    provider_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{FSM_SCHEMA}.service_provider"), index=True)
    plant_id: Mapped[uuid.UUID | None] = mapped_column(ref(PLANT), index=True)
    is_active: Mapped[bool] = mapped_column(server_default=text("true"))
    __table_args__ = (
        not_blank("app_user", "login_role"),
        email_format("app_user"),
        phone_format("app_user"),
        S,
    )


class WaterPoint(DataRowMixin, Base):
    """A well, tube well, pond sand filter or standpipe people draw water from (revision 0003)."""

    __tablename__ = "water_point"
    code: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str | None]
    water_point_type: Mapped[str | None] = mapped_column(code_fk("water_point_type"))
    depth_m: Mapped[decimal.Decimal | None] = mapped_column(METRES)
    is_drinking: Mapped[bool | None]
    ward_id: Mapped[uuid.UUID | None] = mapped_column(ref(WARD), index=True)
    geom: Mapped[WKBElement] = mapped_column(geometry("POINT"))
    __table_args__ = (
        not_blank("water_point", "code"),
        positive("water_point", "depth_m", "depth"),
        geom_valid("water_point"),
        S,
    )
