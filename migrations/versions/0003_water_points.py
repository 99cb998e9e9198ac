"""Water points (wells, tube wells, pond sand filters, standpipes) and their code list.

The groundwater-risk analysis measures how close containments are to the points people draw water from;
the building's ``water_source`` says what a household uses, not where the well is.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
import sqlalchemy as sa

from imis_plugin.db.revision_helpers import (
    METRES,
    city_srid,
    code,
    code_list,
    col,
    data_table,
    geom,
    not_blank,
    positive,
    ref,
    retire_table,
    unique,
)

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    srid = city_srid()
    code_list("water_point_type", col("is_groundwater", sa.Boolean(), False))
    t = "water_point"
    data_table(
        "imis_core", t,
        col("code", nullable=False), col("name"),
        code(t, "water_point_type", "water_point_type"),
        col("depth_m", METRES), col("is_drinking", sa.Boolean()),
        ref(t, "ward_id", "imis_core.ward"),
        geom("geom", "POINT", srid),
        unique(t, "code"), not_blank(t, "code"), positive(t, "depth_m", "depth"),
        index=["ward_id"],
    )


def downgrade() -> None:
    retire_table("imis_core", "water_point")
    retire_table("imis_code", "water_point_type")
