"""Other departments' tables by reference: a utility's or another office's PostgreSQL tables attached
read-only to the city database through postgres_fdw (schema ``ext_<name>``), and matched to IMIS by BIN or
holding code with a report of the keys that match nothing. Nothing is copied."""
from __future__ import annotations

import re

from psycopg2 import sql

from .credentials import contains_password
from .db.connect import resolve_dsn, transaction
from .db.errors import ImisDatabaseError
from .db.fdw import create_server, import_tables

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,30}$")
#: What an external key can be matched against.
MATCH_TARGETS = {"bin": ("imis_core", "building", "bin"), "holding_code": ("imis_core", "holding", "holding_code")}


def _schema(name: str) -> str:
    if not _NAME.match(name):
        raise ImisDatabaseError(f"Link name '{name}': use lower-case letters, digits and _ (e.g. wasa).")
    return f"ext_{name}"


def add(dsn: str, name: str, remote: str, remote_user: str, tables: list[str], remote_schema: str = "public") -> None:
    """Attach `tables` of the remote database (pg_service or connection string without a password)."""
    if contains_password(remote):
        raise ImisDatabaseError("The remote connection must not carry a password: use a pg_service entry or the "
                                "database server's ~/.pgpass.")
    schema = _schema(name)
    with transaction(dsn) as conn, conn.cursor() as cur:
        create_server(cur, schema, resolve_dsn(remote), remote_user, read_only=True)
        import_tables(cur, schema, remote_schema, tables, into=schema)
        cur.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO imis_admin, imis_gis_editor, imis_viewer").format(
            sql.Identifier(schema)))


def remove(dsn: str, name: str) -> None:
    schema = _schema(name)
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(sql.SQL("DROP SERVER IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
        cur.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


def match_report(dsn: str, name: str, table: str, key_column: str, match: str) -> dict:
    """How many rows of the linked table find their building (by BIN) or holding (by holding code), and
    which keys find none."""
    if match not in MATCH_TARGETS:
        raise ImisDatabaseError(f"Match by {match!r}: choose {' or '.join(MATCH_TARGETS)}.")
    schema = _schema(name)
    target_schema, target_table, target_column = MATCH_TARGETS[match]
    ident = sql.Identifier
    query = sql.SQL("""
        SELECT x.{key}::text, t.{col} IS NOT NULL
        FROM {schema}.{table} x
        LEFT JOIN (SELECT DISTINCT {col} FROM {tschema}.{ttable}) t ON t.{col} = btrim(x.{key}::text)""").format(
        key=ident(key_column), schema=ident(schema), table=ident(table), col=ident(target_column),
        tschema=ident(target_schema), ttable=ident(target_table))
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT 1 FROM information_schema.columns WHERE table_schema = %s AND table_name = %s "
                    "AND column_name = %s", (schema, table, key_column))
        if cur.fetchone() is None:
            raise ImisDatabaseError(f"The link '{name}' has no table {table} with a column {key_column}.")
        cur.execute(query)
        rows = cur.fetchall()
    unmatched = sorted({key for key, found in rows if not found and key is not None})
    return {"rows": len(rows), "matched": sum(1 for _, found in rows if found),
            "empty_keys": sum(1 for key, _ in rows if key is None), "unmatched_keys": unmatched}
