"""Declarative base, naming rules and the columns every IMIS data table shares.

Geometry columns are declared with ``srid=CITY_SRID`` (-1): the real SRID is the city's projected metric
CRS, chosen at install and stored in ``imis_core.city.srid``; revisions use
:func:`imis_plugin.db.revision_helpers.city_srid`. Compare a database with these models ignoring the SRID
(see :func:`compare_type`).

Constraint names are part of the user interface: PostgreSQL quotes them in its error messages, so they are
all descriptive (``uq_building_bin``, ``ck_emptying_volume_positive``, ``fk_building_ward``...).
"""
from __future__ import annotations

import datetime as dt
import decimal
import uuid
from typing import ClassVar

from geoalchemy2 import Geometry
from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    Numeric,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

CODE_SCHEMA = "imis_code"
CORE_SCHEMA = "imis_core"
FSM_SCHEMA = "imis_fsm"
AUDIT_SCHEMA = "imis_audit"
REVENUE_SCHEMA = "imis_revenue"
#: The data schemas Alembic manages (``imis_app`` is rebuilt from SQL files and is not one of them).
SCHEMAS = (CODE_SCHEMA, CORE_SCHEMA, FSM_SCHEMA, AUDIT_SCHEMA, REVENUE_SCHEMA)

#: Placeholder SRID of every geometry column: the city SRID, set at install.
CITY_SRID = -1


def _fk_target(constraint, table) -> str:
    """Column part of a foreign-key name: ``ward_id`` -> ``ward``, ``structure_type`` stays."""
    names = [c.name.removesuffix("_id") for c in constraint.columns]
    return "_".join(names)


NAMING_CONVENTION = {
    "fk_target": _fk_target,
    "pk": "pk_%(table_name)s",
    "fk": "fk_%(table_name)s_%(fk_target)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
}


class Base(DeclarativeBase):
    """Base of every IMIS model; ``Base.metadata`` is Alembic's target metadata."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict] = {
        str: Text(),
        int: Integer(),
        uuid.UUID: Uuid(),
        dt.datetime: DateTime(timezone=True),
        dt.date: Date(),
        decimal.Decimal: Numeric(),
    }


class DataRowMixin:
    """Identity and bookkeeping columns of every data table in imis_core / imis_fsm.

    The UUID stays stable across offline copies (QField); ``row_version`` and ``updated_at`` are kept by
    app-schema triggers; ``changed_by`` is the PostgreSQL role that last wrote the row.
    """

    id: Mapped[uuid.UUID] = mapped_column(
        primary_key=True, server_default=text("gen_random_uuid()"), sort_order=-100
    )
    created_at: Mapped[dt.datetime] = mapped_column(server_default=func.now(), sort_order=100)
    updated_at: Mapped[dt.datetime] = mapped_column(server_default=func.now(), sort_order=101)
    row_version: Mapped[int] = mapped_column(server_default=text("1"), sort_order=102)
    changed_by: Mapped[str] = mapped_column(server_default=text("CURRENT_USER"), sort_order=103)


# --- small helpers that keep the model modules short ------------------------------------------------


def code_fk(code_table: str) -> ForeignKey:
    """Foreign key to a code list: renames cascade, deleting a used value is refused."""
    return ForeignKey(f"{CODE_SCHEMA}.{code_table}.value", onupdate="CASCADE", ondelete="RESTRICT")


# Column types for measured quantities, shared by the modules' tables.
METRES = Numeric(8, 2)
CUBIC_METRES = Numeric(12, 3)
TAKA = Numeric(14, 2)
MG_PER_L = Numeric(12, 3)


def ref(target: str, *, cascade: bool = False) -> ForeignKey:
    """Foreign key to ``schema.table.id``; CASCADE only for link tables and child steps of a chain."""
    return ForeignKey(f"{target}.id", ondelete="CASCADE" if cascade else "RESTRICT")


def geometry(geometry_type: str) -> Geometry:
    """A geometry column type in the city SRID; geoalchemy2 adds one GiST index ``idx_<table>_<col>``."""
    return Geometry(geometry_type, srid=CITY_SRID, spatial_index=True)


def geom_valid(table: str, column: str = "geom") -> CheckConstraint:
    return CheckConstraint(
        f"ST_IsValid({column}) AND NOT ST_IsEmpty({column})", name=f"ck_{table}_geom_valid"
    )


def positive(table: str, column: str, label: str | None = None) -> CheckConstraint:
    return CheckConstraint(f"{column} > 0", name=f"ck_{table}_{label or column}_positive")


def non_negative(table: str, column: str, label: str | None = None) -> CheckConstraint:
    return CheckConstraint(f"{column} >= 0", name=f"ck_{table}_{label or column}_not_negative")


def not_blank(table: str, column: str) -> CheckConstraint:
    return CheckConstraint(f"btrim({column}) <> ''", name=f"ck_{table}_{column}_not_blank")


def phone_format(table: str, column: str = "phone") -> CheckConstraint:
    """Loose phone check: digits, spaces and dashes, optional leading +, 6..20 characters."""
    return CheckConstraint(f"{column} ~ '^\\+?[0-9][0-9 -]{{5,19}}$'", name=f"ck_{table}_{column}_format")


def email_format(table: str, column: str = "email") -> CheckConstraint:
    return CheckConstraint(f"{column} ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$'",
                           name=f"ck_{table}_{column}_format")


def ordered(table: str, first: str, then: str, name: str) -> CheckConstraint:
    """``then`` is not before ``first`` (both optional)."""
    return CheckConstraint(f"{then} >= {first}", name=f"ck_{table}_{name}")


def compare_type(context, inspected_column, metadata_column, inspected_type, metadata_type):
    """Alembic ``compare_type`` hook: geometry columns differ only by type, never by SRID.

    Returns False (same) for two geometries of the same type and dimension, None (let Alembic decide)
    otherwise.
    """
    if isinstance(metadata_type, Geometry) and isinstance(inspected_type, Geometry):
        same = (
            (metadata_type.geometry_type or "").upper() == (inspected_type.geometry_type or "").upper()
            and metadata_type.dimension == inspected_type.dimension
        )
        return not same
    return None


def include_object(obj, name, obj_type, reflected, compare_to):
    """Alembic ``include_object`` hook: only objects of the IMIS data schemas (not PostGIS/tiger/topology)."""
    if obj_type == "table":
        return obj.schema in SCHEMAS
    table = getattr(obj, "table", None)
    if table is not None:
        return table.schema in SCHEMAS
    return True


def include_name(name, type_, parent_names):
    """Alembic ``include_name`` hook: reflect only the IMIS data schemas."""
    if type_ == "schema":
        return name in SCHEMAS
    return True
