"""Indicators (revision 0005): definitions and parameters (code lists), the city's settings, water samples
(SF-9) and the yearly snapshots published to the national dashboard.

The figures themselves are computed by the app schema (database/app/50_indicators.sql); a published
snapshot is locked there by a trigger (rule ``indicator_snapshot_published``).
"""
from __future__ import annotations

import datetime as dt
import decimal
import uuid

from geoalchemy2 import WKBElement
from sqlalchemy import CheckConstraint, Numeric, SmallInteger, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import (
    CORE_SCHEMA,
    Base,
    DataRowMixin,
    code_fk,
    geom_valid,
    geometry,
    non_negative,
    not_blank,
    ref,
)
from .code import CodeList

S = {"schema": CORE_SCHEMA}


class Indicator(CodeList, Base):
    """One indicator: its code (e.g. SF-1a), group (a sheet of the workbook), dashboard outcome, unit,
    default target and range. ``value`` is the code in lower case with underscores (sf_1a)."""

    __tablename__ = "indicator"
    code: Mapped[str] = mapped_column(unique=True)
    indicator_group: Mapped[str]
    outcome: Mapped[str]
    unit: Mapped[str]
    target: Mapped[decimal.Decimal | None]
    higher_is_better: Mapped[bool]
    #: computed once per "safe" rule (JMP's and the city's)
    uses_rule: Mapped[bool]
    #: sent to the national dashboard
    in_feed: Mapped[bool]
    min_value: Mapped[decimal.Decimal | None]
    max_value: Mapped[decimal.Decimal | None]
    description_en: Mapped[str]
    _extra_args = (
        CheckConstraint(
            "indicator_group IN ('household', 'fsm_chain', 'toilets', 'water', 'jmp', 'service')",
            name="ck_indicator_group_known",
        ),
        CheckConstraint("unit IN ('%', 'ratio', 'm', 'days', 'score', 'count', 'm3')", name="ck_indicator_unit_known"),
    )


class IndicatorParameter(CodeList, Base):
    """A number the indicators use (sludge generation per person, water use, effluent limits) with its
    default; a city overrides it in ``indicator_setting``."""

    __tablename__ = "indicator_parameter"
    unit: Mapped[str]
    default_value: Mapped[decimal.Decimal]
    description_en: Mapped[str]


class IndicatorSetting(DataRowMixin, Base):
    """The city's value of a parameter, or its target for an indicator (one of the two per row)."""

    __tablename__ = "indicator_setting"
    parameter: Mapped[str | None] = mapped_column(code_fk("indicator_parameter"), unique=True)
    indicator: Mapped[str | None] = mapped_column(code_fk("indicator"), unique=True)
    value: Mapped[decimal.Decimal]
    note: Mapped[str | None]
    __table_args__ = (
        CheckConstraint("(parameter IS NULL) <> (indicator IS NULL)", name="ck_indicator_setting_one_subject"),
        S,
    )


class WaterSample(DataRowMixin, Base):
    """A drinking-water sample tested for faecal coliform (SF-9), at a water point or a located spot."""

    __tablename__ = "water_sample"
    code: Mapped[str] = mapped_column(unique=True)
    water_point_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{CORE_SCHEMA}.water_point"), index=True)
    sample_date: Mapped[dt.date] = mapped_column(index=True)
    faecal_coliform_cfu_100ml: Mapped[decimal.Decimal] = mapped_column(Numeric(14, 1))
    tested_by: Mapped[str | None]
    remarks: Mapped[str | None]
    location: Mapped[WKBElement | None] = mapped_column(geometry("POINT"))
    __table_args__ = (
        not_blank("water_sample", "code"),
        non_negative("water_sample", "faecal_coliform_cfu_100ml", "faecal_coliform"),
        CheckConstraint("water_point_id IS NOT NULL OR location IS NOT NULL", name="ck_water_sample_placed"),
        geom_valid("water_sample", "location"),
        S,
    )


class IndicatorSnapshot(DataRowMixin, Base):
    """The figures of one year as computed at ``computed_at``; once published they cannot change."""

    __tablename__ = "indicator_snapshot"
    year: Mapped[int] = mapped_column(SmallInteger, unique=True)
    computed_at: Mapped[dt.datetime] = mapped_column(server_default=text("now()"))
    computed_by: Mapped[str] = mapped_column(server_default=text("CURRENT_USER"))
    is_published: Mapped[bool] = mapped_column(server_default=text("false"))
    published_at: Mapped[dt.datetime | None]
    published_by: Mapped[str | None]
    #: when the feed was last sent to the national dashboard
    sent_at: Mapped[dt.datetime | None]
    note: Mapped[str | None]
    __table_args__ = (
        CheckConstraint("year BETWEEN 2000 AND 2100", name="ck_indicator_snapshot_year_plausible"),
        CheckConstraint("is_published = (published_at IS NOT NULL)", name="ck_indicator_snapshot_published_when"),
        S,
    )


class IndicatorSnapshotValue(DataRowMixin, Base):
    """One figure of a snapshot: an indicator for an area (the city, a ward, a low-income community) under
    a rule (NULL for indicators that need none)."""

    __tablename__ = "indicator_snapshot_value"
    snapshot_id: Mapped[uuid.UUID] = mapped_column(ref(f"{CORE_SCHEMA}.indicator_snapshot", cascade=True))
    area_kind: Mapped[str]
    area_code: Mapped[str]
    area_name: Mapped[str | None]
    indicator: Mapped[str] = mapped_column(code_fk("indicator"))
    rule: Mapped[str | None]
    numerator: Mapped[decimal.Decimal | None]
    denominator: Mapped[decimal.Decimal | None]
    value: Mapped[decimal.Decimal | None]
    unit: Mapped[str]
    reason: Mapped[str | None]
    __table_args__ = (
        UniqueConstraint("snapshot_id", "area_kind", "area_code", "indicator", "rule",
                         name="uq_indicator_snapshot_value_row", postgresql_nulls_not_distinct=True),
        CheckConstraint("area_kind IN ('city', 'ward', 'lic')", name="ck_indicator_snapshot_value_area_kind_known"),
        CheckConstraint("rule IN ('jmp', 'city')", name="ck_indicator_snapshot_value_rule_known"),
        CheckConstraint("value IS NOT NULL OR reason IS NOT NULL", name="ck_indicator_snapshot_value_value_or_reason"),
        S,
    )


__all__ = ["Indicator", "IndicatorParameter", "IndicatorSetting", "IndicatorSnapshot", "IndicatorSnapshotValue",
           "WaterSample"]
