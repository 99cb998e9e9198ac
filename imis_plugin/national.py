"""The national roll-up: a national database reads every city through postgres_fdw.

Each city exposes aggregate views (database/app/90_national.sql) to the role `imis_national_reader`;
the national database imports them as foreign tables, one schema per city (``city_<name>``), and unions
them in the schema ``national``. Nothing is copied: a query in the national database reads the cities
live, and a city's personal data stays out of reach because the reader is granted only those views.
"""
from __future__ import annotations

from psycopg2 import sql

from .cities import City
from .db.connect import transaction
from .db.fdw import create_server, import_tables

# The city views the national database imports.
SHARED_VIEWS = ("national_city", "national_ward", "national_emptying_year")


def link_city(national_dsn: str, city: City, reader: str) -> None:
    """Attach `city` to the national database, reading as the login `reader` (a member of
    imis_national_reader in the city's cluster). Re-linking a city replaces its foreign tables."""
    server = f"city_{city.name}"
    with transaction(national_dsn) as conn, conn.cursor() as cur:
        cur.execute("CREATE SCHEMA IF NOT EXISTS national")
        create_server(cur, server, city.dsn, reader)
        import_tables(cur, server, "imis_app", list(SHARED_VIEWS), into=server)
        _rebuild_union(cur)


def unlink_city(national_dsn: str, name: str) -> None:
    with transaction(national_dsn) as conn, conn.cursor() as cur:
        cur.execute(sql.SQL("DROP SERVER IF EXISTS {} CASCADE").format(sql.Identifier(f"city_{name}")))
        cur.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(f"city_{name}")))
        _rebuild_union(cur)


def linked_cities(national_dsn: str) -> list[str]:
    with transaction(national_dsn) as conn, conn.cursor() as cur:
        return _linked(cur)


def _linked(cur) -> list[str]:
    cur.execute("SELECT srvname FROM pg_foreign_server WHERE srvname LIKE %s ORDER BY 1", ("city\\_%",))
    return [name.removeprefix("city_") for (name,) in cur.fetchall()]


def _rebuild_union(cur) -> None:
    """national.<view> = every linked city's rows, with the city's name in front."""
    cities = _linked(cur)
    cur.execute("DROP VIEW IF EXISTS national.city_comparison")  # built on the views below
    for view in SHARED_VIEWS:
        cur.execute(sql.SQL("DROP VIEW IF EXISTS national.{}").format(sql.Identifier(view)))
        if not cities:
            continue
        parts = [sql.SQL("SELECT {} AS city, * FROM {}.{}").format(
            sql.Literal(name), sql.Identifier(f"city_{name}"), sql.Identifier(view)) for name in cities]
        cur.execute(sql.SQL("CREATE VIEW national.{} AS {}").format(
            sql.Identifier(view), sql.SQL(" UNION ALL ").join(parts)))
    # cities compared side by side, year by year
    if cities:
        cur.execute("""
            CREATE VIEW national.city_comparison AS
            SELECT c.city, c.city_name, c.buildings, c.population, c.containments, c.plant_capacity_m3_per_day,
                   e.year, e.emptyings, e.emptied_m3, e.disposed_m3,
                   round(1000.0 * e.emptyings / nullif(c.population, 0), 2) AS emptyings_per_1000_people
            FROM national.national_city c
            LEFT JOIN (SELECT city, year, sum(emptyings) AS emptyings, sum(emptied_m3) AS emptied_m3,
                              sum(disposed_m3) AS disposed_m3
                       FROM national.national_emptying_year GROUP BY city, year) e ON e.city = c.city""")
