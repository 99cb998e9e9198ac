"""Indicators: their definitions and settings, water-quality samples, and yearly snapshots for publication.

The indicator engine itself lives in the app schema (database/app/50_indicators.sql); this revision adds
what it needs to store: the code lists of indicators (names, units, default targets) and of parameters
(sludge generation, water use, effluent limits), the city's own settings overriding both, the water samples
behind SF-9, and the snapshots of a year's figures that are published to the national dashboard (locked
once published, by a trigger of the app schema).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""
import sqlalchemy as sa

from imis_plugin.db.revision_helpers import (
    check,
    city_srid,
    code,
    code_list,
    col,
    data_table,
    geom,
    not_blank,
    not_negative,
    ref,
    retire_table,
    unique,
)

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

GROUPS = "indicator_group IN ('household', 'fsm_chain', 'toilets', 'water', 'jmp', 'service')"
UNITS = "unit IN ('%', 'ratio', 'm', 'days', 'score', 'count', 'm3')"
RULES = "rule IN ('jmp', 'city')"
AREAS = "area_kind IN ('city', 'ward', 'lic')"


def upgrade() -> None:
    srid = city_srid()
    bool_ = sa.Boolean()
    code_list("indicator",
              col("code", nullable=False), col("indicator_group", nullable=False), col("outcome", nullable=False),
              col("unit", nullable=False), col("target", sa.Numeric()), col("higher_is_better", bool_, False),
              col("uses_rule", bool_, False), col("in_feed", bool_, False),
              col("min_value", sa.Numeric()), col("max_value", sa.Numeric()),
              col("description_en", nullable=False),
              unique("indicator", "code"),
              check("indicator", "group_known", GROUPS), check("indicator", "unit_known", UNITS))
    code_list("indicator_parameter", col("unit", nullable=False), col("default_value", sa.Numeric(), False),
              col("description_en", nullable=False))

    t = "indicator_setting"
    data_table(
        "imis_core", t,
        code(t, "parameter", "indicator_parameter"), code(t, "indicator", "indicator"),
        col("value", sa.Numeric(), False), col("note"),
        unique(t, "parameter"), unique(t, "indicator"),
        check(t, "one_subject", "(parameter IS NULL) <> (indicator IS NULL)"),
    )

    t = "water_sample"
    data_table(
        "imis_core", t,
        col("code", nullable=False),
        ref(t, "water_point_id", "imis_core.water_point"),
        col("sample_date", sa.Date(), False),
        col("faecal_coliform_cfu_100ml", sa.Numeric(14, 1), False),
        col("tested_by"), col("remarks"),
        geom("location", "POINT", srid, nullable=True),
        unique(t, "code"), not_blank(t, "code"),
        not_negative(t, "faecal_coliform_cfu_100ml", "faecal_coliform"),
        check(t, "placed", "water_point_id IS NOT NULL OR location IS NOT NULL"),
        index=["water_point_id", "sample_date"],
    )

    t = "indicator_snapshot"
    data_table(
        "imis_core", t,
        col("year", sa.SmallInteger(), False),
        col("computed_at", sa.DateTime(timezone=True), False, server_default=sa.text("now()")),
        col("computed_by", nullable=False, server_default=sa.text("CURRENT_USER")),
        col("is_published", bool_, False, server_default=sa.text("false")),
        col("published_at", sa.DateTime(timezone=True)), col("published_by"),
        col("sent_at", sa.DateTime(timezone=True)), col("note"),
        unique(t, "year"),
        check(t, "year_plausible", "year BETWEEN 2000 AND 2100"),
        check(t, "published_when", "is_published = (published_at IS NOT NULL)"),
    )

    t = "indicator_snapshot_value"
    data_table(
        "imis_core", t,
        ref(t, "snapshot_id", "imis_core.indicator_snapshot", nullable=False, cascade=True),
        col("area_kind", nullable=False), col("area_code", nullable=False), col("area_name"),
        code(t, "indicator", "indicator", nullable=False),
        col("rule"),
        col("numerator", sa.Numeric()), col("denominator", sa.Numeric()), col("value", sa.Numeric()),
        col("unit", nullable=False), col("reason"),
        sa.UniqueConstraint("snapshot_id", "area_kind", "area_code", "indicator", "rule",
                            name="uq_indicator_snapshot_value_row", postgresql_nulls_not_distinct=True),
        check(t, "area_kind_known", AREAS), check(t, "rule_known", RULES),
        check(t, "value_or_reason", "value IS NOT NULL OR reason IS NOT NULL"),
    )


def downgrade() -> None:
    retire_table("imis_core", "indicator_snapshot_value")
    retire_table("imis_core", "indicator_snapshot")
    retire_table("imis_core", "water_sample")
    retire_table("imis_core", "indicator_setting")
    retire_table("imis_code", "indicator_parameter")
    retire_table("imis_code", "indicator")
