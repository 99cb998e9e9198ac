"""Helpers for Alembic revisions (import them only from ``migrations/versions/*``).

The table builders below are part of every revision that uses them: never change what they create
(a changed helper would silently change old revisions); add a new helper instead.

Every geometry column is in the city's projected CRS, chosen at install. Revision 0001 takes it from the
Alembic config (``config.attributes["srid"]``, set by :mod:`imis_plugin.db.migrate`, or ``-x srid=...``)
and stores it in ``imis_core.city.srid``; later revisions read it from there.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry
from sqlalchemy import text


class CitySridError(RuntimeError):
    """The city SRID is unknown or contradictory."""


def _configured_srid(context) -> int | None:
    config = context.config
    if config is not None:
        value = config.attributes.get("srid")
        if value is not None:
            return int(value)
    environment = getattr(context, "environment_context", None)
    if environment is not None:
        value = environment.get_x_argument(as_dictionary=True).get("srid")
        if value:
            return int(value)
    return None


def _installed_srid(context) -> int | None:
    if context.as_sql:  # offline (--sql) mode: nothing can be read
        return None
    bind = op.get_bind()
    if not bind.execute(text("SELECT to_regclass('imis_core.city') IS NOT NULL")).scalar():
        return None
    srids = bind.execute(text("SELECT DISTINCT srid FROM imis_core.city")).scalars().all()
    if len(srids) > 1:
        raise CitySridError(f"imis_core.city holds several SRIDs {sorted(srids)}; one database serves one city.")
    return srids[0] if srids else None


def city_srid() -> int:
    """The city SRID for the running revision.

    The configured value (first install) wins; otherwise the installed value. Both present and different
    is an error, and so is neither.
    """
    context = op.get_context()
    configured = _configured_srid(context)
    installed = _installed_srid(context)
    if configured is not None and installed is not None and configured != installed:
        raise CitySridError(
            f"This database was installed with SRID {installed}; SRID {configured} was given. "
            "Reprojecting a city is not an upgrade."
        )
    srid = configured if configured is not None else installed
    if srid is None:
        raise CitySridError(
            "The city SRID is unknown: on first install pass it (imis db upgrade --srid 32645, or "
            "config.attributes['srid'], or alembic -x srid=32645); afterwards it is read from "
            "imis_core.city, which holds no row here."
        )
    if srid <= 0:
        raise CitySridError(f"SRID {srid} is not a valid city SRID (a projected CRS in metres is needed).")
    return srid


# --- table builders (revisions must not import the models, which move on with head) -----------------

METRES = sa.Numeric(8, 2)
CUBIC_METRES = sa.Numeric(12, 3)
TAKA = sa.Numeric(14, 2)
MG_PER_L = sa.Numeric(12, 3)

def col(name, type_=None, nullable=True, **kw):
    return sa.Column(name, type_ if type_ is not None else sa.Text(), nullable=nullable, **kw)


def code(table, name, code_table, nullable=True, default=None):
    """A column referencing a code list: renames cascade, deleting a used value is refused."""
    fk = sa.ForeignKey(f"imis_code.{code_table}.value", name=f"fk_{table}_{name}",
                       onupdate="CASCADE", ondelete="RESTRICT")
    kw = {"server_default": sa.text(f"'{default}'::text")} if default else {}
    return sa.Column(name, sa.Text(), fk, nullable=nullable, **kw)


def ref(table, name, target, nullable=True, cascade=False):
    """A uuid column referencing ``target.id``; CASCADE only for link tables and FSM child steps."""
    fk = sa.ForeignKey(f"{target}.id", name=f"fk_{table}_{name.removesuffix('_id')}",
                       ondelete="CASCADE" if cascade else "RESTRICT")
    return sa.Column(name, sa.Uuid(), fk, nullable=nullable)


def geom(name, geometry_type, srid, nullable=False):
    return sa.Column(name, Geometry(geometry_type, srid=srid, spatial_index=False), nullable=nullable)


def check(table, name, sql):
    return sa.CheckConstraint(sql, name=f"ck_{table}_{name}")


def positive(table, column, label=None):
    return check(table, f"{label or column}_positive", f"{column} > 0")


def not_negative(table, column, label=None):
    return check(table, f"{label or column}_not_negative", f"{column} >= 0")


def not_blank(table, column):
    return check(table, f"{column}_not_blank", f"btrim({column}) <> ''")


def phone(table, column="phone"):
    return check(table, f"{column}_format", f"{column} ~ '^\\+?[0-9][0-9 -]{{5,19}}$'")


def email(table, column="email"):
    return check(table, f"{column}_format", f"{column} ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$'")


def unique(table, *columns, name=None):
    return sa.UniqueConstraint(*columns, name=name or f"uq_{table}_{'_'.join(columns)}")


def data_table(schema, name, *items, index=()):
    """A data table: uuid id, the given columns and constraints, bookkeeping columns; one GiST index and
    a validity check per geometry column; a b-tree index per column named in ``index``.

    A table that an earlier downgrade retired comes back from the archive with its rows instead."""
    if restore_archived(schema, name):
        return
    columns = [i for i in items if isinstance(i, sa.Column)]
    constraints = [i for i in items if not isinstance(i, sa.Column)]
    geometries = [c.name for c in columns if isinstance(c.type, Geometry)]
    op.create_table(
        name,
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        *columns,
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("changed_by", sa.Text(), server_default=sa.text("CURRENT_USER"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
        *[check(name, "geom_valid", f"ST_IsValid({g}) AND NOT ST_IsEmpty({g})") for g in geometries],
        *constraints,
        schema=schema,
    )
    for g in geometries:
        op.create_index(f"idx_{name}_{g}", name, [g], schema=schema, postgresql_using="gist")
    for column in index:
        op.create_index(f"ix_{name}_{column}", name, [column], schema=schema)


def code_list(name, *items):
    """A code list: value (key), English and Bangla labels, sort order, extra columns/constraints
    (or, after a downgrade retired it, the archived one)."""
    if restore_archived("imis_code", name):
        return
    columns = [i for i in items if isinstance(i, sa.Column)]
    constraints = [i for i in items if not isinstance(i, sa.Column)]
    op.create_table(
        name,
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("label_en", sa.Text(), nullable=False),
        sa.Column("label_bn", sa.Text(), nullable=False),
        sa.Column("sort", sa.Integer(), nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("value", name=f"pk_{name}"),
        check(name, "value_format", "value ~ '^[a-z0-9_]+$'"),
        check(name, "labels_not_blank", "btrim(label_en) <> '' AND btrim(label_bn) <> ''"),
        *constraints,
        schema="imis_code",
    )


# --- downgrades keep rows: tables are retired to an archive schema, not dropped ----------------------

ARCHIVE_SCHEMA = "imis_archive"


def _quote(name: str) -> str:
    return op.get_bind().dialect.identifier_preparer.quote(name)


def _archived_name(schema: str, name: str) -> str:
    return f"{schema}__{name}"  # two schemas may hold tables of the same name


def retire_table(schema: str, name: str) -> None:
    """Downgrade step: move a table, rows and all, into ``imis_archive``; upgrading again brings it back
    (``data_table``/``code_list``). While archived, its foreign keys still protect the rows it refers to.
    """
    archived = _archived_name(schema, name)
    op.execute(f"CREATE SCHEMA IF NOT EXISTS {_quote(ARCHIVE_SCHEMA)}")
    op.execute(f"ALTER TABLE {_quote(schema)}.{_quote(name)} RENAME TO {_quote(archived)}")
    op.execute(f"ALTER TABLE {_quote(schema)}.{_quote(archived)} SET SCHEMA {_quote(ARCHIVE_SCHEMA)}")


def restore_archived(schema: str, name: str) -> bool:
    """Bring a retired table back into ``schema``; False when there is none (offline SQL mode included)."""
    if op.get_context().as_sql:
        return False
    archived = _archived_name(schema, name)
    exists = op.get_bind().execute(text("SELECT to_regclass(:t) IS NOT NULL"),
                                   {"t": f"{ARCHIVE_SCHEMA}.{archived}"}).scalar()
    if not exists:
        return False
    op.execute(f"ALTER TABLE {_quote(ARCHIVE_SCHEMA)}.{_quote(archived)} SET SCHEMA {_quote(schema)}")
    op.execute(f"ALTER TABLE {_quote(schema)}.{_quote(archived)} RENAME TO {_quote(name)}")
    return True
