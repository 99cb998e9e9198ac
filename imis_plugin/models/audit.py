"""The append-only audit log (schema ``imis_audit``), written by app-schema triggers."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, CheckConstraint, Identity, Index, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from .base import AUDIT_SCHEMA, Base


class AuditLog(Base):
    __tablename__ = "log"
    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(server_default=func.now())
    session_user_name: Mapped[str] = mapped_column(server_default=text("SESSION_USER"))
    role_name: Mapped[str] = mapped_column(server_default=text("CURRENT_USER"))
    schema_name: Mapped[str]
    table_name: Mapped[str]
    row_id: Mapped[uuid.UUID | None]
    action: Mapped[str]
    old_row: Mapped[dict | None] = mapped_column(JSONB)
    new_row: Mapped[dict | None] = mapped_column(JSONB)
    txid: Mapped[int] = mapped_column(BigInteger, server_default=text("txid_current()"))
    __table_args__ = (
        CheckConstraint("action IN ('INSERT', 'UPDATE', 'DELETE')", name="ck_log_action_known"),
        Index("ix_log_table_name_row_id", "table_name", "row_id"),
        Index("ix_log_at", "at"),
        {"schema": AUDIT_SCHEMA},
    )
