"""Field work with QField: the database's identity and attachment store, photo attachments, and the log
of issued packages and imported field edits.

``field_sync_settings`` holds one row whose ``database_uuid`` every package carries, so that a package is
never imported into another city's database. ``imis_audit.field_package`` keeps what a package was made
from (rows, versions, hashes) and ``field_import``/``field_import_row`` what each import applied: a second
import of the same package finds everything done.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from imis_plugin.db.revision_helpers import (
    check,
    col,
    data_table,
    not_negative,
    restore_archived,
    retire_table,
    unique,
)

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

AUDIT = "imis_audit"


def _audit_table(name, *items, index=()):
    """A log table of imis_audit (no bookkeeping columns: rows are written once) with b-tree indexes,
    or its archived self."""
    if restore_archived(AUDIT, name):
        return
    op.create_table(name, *items, schema=AUDIT)
    for columns in index:
        op.create_index(f"ix_{name}_{'_'.join(columns)}", name, list(columns), schema=AUDIT)


def upgrade() -> None:
    if not restore_archived("imis_core", "field_sync_settings"):
        t = "field_sync_settings"
        data_table(
            "imis_core", t,
            col("database_uuid", sa.Uuid(), False, server_default=sa.text("gen_random_uuid()")),
            col("attachment_store"),
            col("one_row", sa.Boolean(), False, server_default=sa.text("true")),
            unique(t, "database_uuid"), unique(t, "one_row"), check(t, "one_row", "one_row"),
        )
        op.execute("INSERT INTO imis_core.field_sync_settings DEFAULT VALUES")

    _audit_table(
        "field_package",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("created_by", sa.Text(), server_default=sa.text("CURRENT_USER"), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("area", JSONB(), nullable=False),
        sa.Column("provider_id", sa.Uuid(), nullable=True),
        sa.Column("field_user", sa.Text(), nullable=True),
        sa.Column("schema_revision", sa.Text(), nullable=False),
        sa.Column("manifest", JSONB(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_field_package"),
        check("field_package", "purpose_known", "purpose IN ('survey', 'provider')"),
    )
    _audit_table(
        "field_import",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("package_id", sa.Uuid(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("imported_by", sa.Text(), server_default=sa.text("SESSION_USER"), nullable=False),
        sa.Column("field_user", sa.Text(), nullable=False),
        sa.Column("package_sha256", sa.Text(), nullable=False),
        *[sa.Column(name, sa.Integer(), server_default=sa.text("0"), nullable=False)
          for name in ("inserted", "updated", "deleted", "conflicts", "rejected", "attachments")],
        sa.PrimaryKeyConstraint("id", name="pk_field_import"),
        sa.ForeignKeyConstraint(["package_id"], [f"{AUDIT}.field_package.id"], name="fk_field_import_package",
                                ondelete="RESTRICT"),
        index=[("package_id",)],
    )
    _audit_table(
        "field_import_row",
        sa.Column("import_id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.Text(), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("field_hash", sa.Text(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("import_id", "table_name", "row_id", name="pk_field_import_row"),
        sa.ForeignKeyConstraint(["import_id"], [f"{AUDIT}.field_import.id"], name="fk_field_import_row_import",
                                ondelete="CASCADE"),
        check("field_import_row", "action_known", "action IN ('insert', 'update', 'delete')"),
        index=[("table_name", "row_id")],
    )

    t = "attachment"
    data_table(
        "imis_core", t,
        col("table_name", nullable=False), col("row_id", sa.Uuid(), False), col("column_name", nullable=False),
        col("path", nullable=False), col("sha256", nullable=False), col("size_bytes", sa.BigInteger(), False),
        col("original_name"), col("import_id", sa.Uuid()),
        sa.ForeignKeyConstraint(["import_id"], [f"{AUDIT}.field_import.id"], name="fk_attachment_import",
                                ondelete="RESTRICT"),
        unique(t, "table_name", "row_id", "column_name", "sha256", name="uq_attachment_file_of_row"),
        check(t, "sha256_hex", "sha256 ~ '^[0-9a-f]{64}$'"),
        not_negative(t, "size_bytes", "size"),
        index=["import_id"],
    )


def downgrade() -> None:
    # retired, not dropped: an upgrade brings them back with their rows (and the same database identity)
    retire_table("imis_core", "attachment")
    retire_table(AUDIT, "field_import_row")
    retire_table(AUDIT, "field_import")
    retire_table(AUDIT, "field_package")
    retire_table("imis_core", "field_sync_settings")
