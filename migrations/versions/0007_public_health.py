"""Public health: waterborne disease cases by ward and period (water samples are revision 0005's).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""
import sqlalchemy as sa

from imis_plugin.db.revision_helpers import (
    check,
    code,
    code_list,
    col,
    data_table,
    not_negative,
    ref,
    retire_table,
    unique,
)

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    code_list("disease")
    t = "disease_case"
    data_table(
        "imis_core", t,
        ref(t, "ward_id", "imis_core.ward", nullable=False), code(t, "disease", "disease", nullable=False),
        col("period_start", sa.Date(), False), col("period_end", sa.Date(), False),
        col("cases", sa.Integer(), False), col("source"),
        not_negative(t, "cases"), check(t, "period_in_order", "period_end >= period_start"),
        unique(t, "ward_id", "disease", "period_start", "period_end"),
        index=["ward_id"],
    )


def downgrade():
    retire_table("imis_core", "disease_case")
    retire_table("imis_code", "disease")
