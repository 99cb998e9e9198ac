"""Field work with QField (revision 0009): the database's identity and attachment store, photo
attachments, and the log of issued packages and imported field edits.

A package carries the ``database_uuid`` of the database that issued it, so a package is never imported
into another city. The rows and row versions a package was made from are kept here (``field_package``),
not trusted from the returned files; every applied row is logged (``field_import_row``), which makes a
second import of the same package a no-op.
"""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    PrimaryKeyConstraint,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from .base import AUDIT_SCHEMA, CORE_SCHEMA, Base, DataRowMixin, non_negative

PACKAGE = f"{AUDIT_SCHEMA}.field_package"
IMPORT = f"{AUDIT_SCHEMA}.field_import"


class FieldSyncSettings(DataRowMixin, Base):
    """One row: this database's identity in QField packages and where imported photos are stored."""

    __tablename__ = "field_sync_settings"
    database_uuid: Mapped[uuid.UUID] = mapped_column(unique=True, server_default=text("gen_random_uuid()"))
    #: folder (on the machine that imports) receiving photos from the field; NULL until configured
    attachment_store: Mapped[str | None]
    one_row: Mapped[bool] = mapped_column(server_default=text("true"))
    __table_args__ = (
        UniqueConstraint("one_row", name="uq_field_sync_settings_one_row"),
        CheckConstraint("one_row", name="ck_field_sync_settings_one_row"),
        {"schema": CORE_SCHEMA},
    )


class Attachment(DataRowMixin, Base):
    """A file (photo) belonging to a column of a row, kept in the attachment store by its checksum."""

    __tablename__ = "attachment"
    #: the row's table, schema-qualified (imis_fsm.emptying)
    table_name: Mapped[str]
    row_id: Mapped[uuid.UUID]
    column_name: Mapped[str]
    #: path inside the attachment store (what the row's column holds)
    path: Mapped[str]
    sha256: Mapped[str]
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    #: the file's name in the field package (DCIM/...)
    original_name: Mapped[str | None]
    import_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey(f"{IMPORT}.id", ondelete="RESTRICT"), index=True)
    __table_args__ = (
        UniqueConstraint("table_name", "row_id", "column_name", "sha256", name="uq_attachment_file_of_row"),
        CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name="ck_attachment_sha256_hex"),
        non_negative("attachment", "size_bytes", "size"),
        {"schema": CORE_SCHEMA},
    )


class FieldPackage(Base):
    """A QField package as issued: purpose, area and, per layer, the exported rows' versions and hashes."""

    __tablename__ = "field_package"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())
    created_by: Mapped[str] = mapped_column(server_default=text("CURRENT_USER"))
    purpose: Mapped[str]
    area: Mapped[dict] = mapped_column(JSONB)
    provider_id: Mapped[uuid.UUID | None]
    field_user: Mapped[str | None]
    schema_revision: Mapped[str]
    #: {layer: {"table": ..., "rows": {id: [row_version, hash]}}}
    manifest: Mapped[dict] = mapped_column(JSONB)
    __table_args__ = (
        CheckConstraint("purpose IN ('survey', 'provider')", name="ck_field_package_purpose_known"),
        {"schema": AUDIT_SCHEMA},
    )


class FieldImport(Base):
    """One import of a returned package that changed the database."""

    __tablename__ = "field_import"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, server_default=text("gen_random_uuid()"))
    package_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(f"{PACKAGE}.id", ondelete="RESTRICT"), index=True)
    imported_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())
    imported_by: Mapped[str] = mapped_column(server_default=text("SESSION_USER"))
    field_user: Mapped[str]
    #: checksum of the returned GeoPackage
    package_sha256: Mapped[str]
    inserted: Mapped[int] = mapped_column(server_default=text("0"))
    updated: Mapped[int] = mapped_column(server_default=text("0"))
    deleted: Mapped[int] = mapped_column(server_default=text("0"))
    conflicts: Mapped[int] = mapped_column(server_default=text("0"))
    rejected: Mapped[int] = mapped_column(server_default=text("0"))
    attachments: Mapped[int] = mapped_column(server_default=text("0"))
    __table_args__ = ({"schema": AUDIT_SCHEMA},)


class FieldImportRow(Base):
    """A row an import applied, with the field version's hash and the row version it produced."""

    __tablename__ = "field_import_row"
    import_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(f"{IMPORT}.id", ondelete="CASCADE"))
    table_name: Mapped[str]
    row_id: Mapped[uuid.UUID]
    action: Mapped[str]
    field_hash: Mapped[str | None]
    row_version: Mapped[int | None]
    __table_args__ = (
        PrimaryKeyConstraint("import_id", "table_name", "row_id", name="pk_field_import_row"),
        CheckConstraint("action IN ('insert', 'update', 'delete')", name="ck_field_import_row_action_known"),
        Index("ix_field_import_row_table_name_row_id", "table_name", "row_id"),
        {"schema": AUDIT_SCHEMA},
    )
