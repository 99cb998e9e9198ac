"""The app schema (views, functions, triggers, policies, grants) and the code lists.

Nobody writes diffs for these: the app schema is dropped and rebuilt from database/app/*.sql after every
upgrade, then the permission matrix (database/permissions.toml) is applied, and code lists are upserted
from database/codelists/*.csv.
"""
import csv

from psycopg2 import sql

from ..paths import APP_SQL_DIR, CODELISTS_DIR, DATABASE_DIR
from . import permissions
from .errors import ImisDatabaseError
from .schemas import APP_SCHEMA, DATA_SCHEMAS

ROLES_SQL = DATABASE_DIR / "roles.sql"


def _cursor(conn):
    """A raw DBAPI cursor: SQL files are run without parameters, so '%' in them stays literal."""
    return conn.connection.dbapi_connection.cursor()


def drop_app_schema(conn) -> None:
    """Drop the app schema and the policies on data tables (they belong to the app, not the data)."""
    cur = _cursor(conn)
    cur.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(APP_SCHEMA)))
    cur.execute("SELECT schemaname, tablename, policyname FROM pg_policies WHERE schemaname = ANY(%s)",
                (list(DATA_SCHEMAS),))
    for schema, table, policy in cur.fetchall():
        cur.execute(sql.SQL("DROP POLICY {} ON {}.{}").format(
            sql.Identifier(policy), sql.Identifier(schema), sql.Identifier(table)))


def rebuild_app_schema(conn) -> None:
    """Roles (idempotent, cluster-wide), every database/app/*.sql file in name order, then the grants and
    row-level security policies of the permission matrix."""
    drop_app_schema(conn)
    cur = _cursor(conn)
    files = [ROLES_SQL] + sorted(APP_SQL_DIR.glob("*.sql"))
    for path in files:
        if not path.is_file():
            continue
        try:
            cur.execute(path.read_text(encoding="utf-8"))
        except Exception as exc:
            raise ImisDatabaseError(f"Building the app schema failed in {path.name}: {exc}") from exc
    permissions.apply(cur)


def load_codelists(conn) -> int:
    """Upsert every code list from its CSV (value is the key). Values no longer in a CSV stay, because
    data may still reference them. Returns the number of rows written."""
    cur = _cursor(conn)
    written = 0
    for path in sorted(CODELISTS_DIR.glob("*.csv")):
        table = path.stem
        cur.execute("SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = 'imis_code' AND table_name = %s", (table,))
        columns = {row[0] for row in cur.fetchall()}
        if not columns:
            raise ImisDatabaseError(f"{path.name}: there is no code-list table imis_code.{table}.")
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            unknown = [c for c in reader.fieldnames or [] if c not in columns]
            if unknown or "value" not in (reader.fieldnames or []):
                raise ImisDatabaseError(f"{path.name}: columns {unknown or ['value (missing)']} do not match "
                                        f"imis_code.{table}.")
            fields = list(reader.fieldnames)
            statement = sql.SQL("INSERT INTO {}.{} ({}) VALUES ({}) ON CONFLICT (value) DO UPDATE SET {}").format(
                sql.Identifier("imis_code"), sql.Identifier(table),
                sql.SQL(", ").join(map(sql.Identifier, fields)),
                sql.SQL(", ").join(sql.Placeholder() * len(fields)),
                sql.SQL(", ").join(sql.SQL("{0} = EXCLUDED.{0}").format(sql.Identifier(f))
                                   for f in fields if f != "value"))
            for line, row in enumerate(reader, start=2):
                values = [row[f] if row[f] != "" else None for f in fields]
                try:
                    cur.execute(statement, values)
                except Exception as exc:
                    raise ImisDatabaseError(f"{path.name}, line {line}: {exc}") from exc
                written += 1
    return written
