"""Which drain or sewer a building discharges to.

The drain-connection analysis proposes candidates; an officer confirms one and it is stored here, so
that sanitation indicators can follow a building's wastewater to the network and on to a plant.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

LINKS = (("drain_id", "drain"), ("sewer_id", "sewer"))  # a network segment in use cannot be deleted


def upgrade() -> None:
    for column, table in LINKS:
        op.add_column("building", sa.Column(column, sa.Uuid(), nullable=True), schema="imis_core")
        op.create_foreign_key(f"fk_building_{table}", "building", table, [column], ["id"],
                              source_schema="imis_core", referent_schema="imis_core", ondelete="RESTRICT")
        op.create_index(f"ix_building_{column}", "building", [column], schema="imis_core")


def downgrade() -> None:
    for column, _ in LINKS:
        op.drop_index(f"ix_building_{column}", "building", schema="imis_core")
        op.drop_column("building", column, schema="imis_core")
