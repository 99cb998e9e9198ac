"""The national roll-up: a national database reads every city through postgres_fdw.

Each city exposes aggregate views (database/app/90_national.sql) to the role `imis_national_reader`;
the national database imports them as foreign tables, one schema per city (``city_<name>``), and unions
them in the schema ``national``. Nothing is copied: a query in the national database reads the cities
live, and a city's personal data stays out of reach because the reader is granted only those views.

A city's published indicator snapshots come along (``national_indicator``, ``national_dashboard_feed``):
``national.indicator_comparison`` and ``national.indicator_by_city`` compare the cities year by year, and
:func:`feeds` produces the National Sanitation Dashboard feed of every city from the national database.
"""
from __future__ import annotations

import psycopg2
from psycopg2 import sql

from .cities import City
from .db.connect import transaction
from .db.errors import ImisDatabaseError
from .db.fdw import create_server, import_tables
from .indicators import RULES, IndicatorError, feed

# The city views the national database imports.
SHARED_VIEWS = ("national_city", "national_ward", "national_emptying_year", "national_indicator",
                "national_dashboard_feed")
# National views built on the unions (dropped before them).
COMPARISON_VIEWS = ("city_comparison", "indicator_comparison", "indicator_by_city")


def link_city(national_dsn: str, city: City, reader: str) -> None:
    """Attach `city` to the national database, reading as the login `reader` (a member of
    imis_national_reader in the city's cluster). Re-linking a city replaces its foreign tables."""
    server = f"city_{city.name}"
    with transaction(national_dsn) as conn, conn.cursor() as cur:
        cur.execute("CREATE SCHEMA IF NOT EXISTS national")
        create_server(cur, server, city.dsn, reader)
        try:
            import_tables(cur, server, "imis_app", list(SHARED_VIEWS), into=server)
        except psycopg2.errors.FdwSchemaNotFound:
            raise ImisDatabaseError(f"City '{city.name}' has no IMIS app schema (not at head): upgrade it "
                                    "first (imis db upgrade --all); nothing was linked.") from None
        cur.execute("SELECT foreign_table_name FROM information_schema.foreign_tables "
                    "WHERE foreign_table_schema = %s", (server,))
        missing = sorted(set(SHARED_VIEWS) - {name for (name,) in cur.fetchall()})
        if missing:  # IMPORT FOREIGN SCHEMA skips what the city lacks: an app schema older than this code
            raise ImisDatabaseError(f"City '{city.name}' does not offer {', '.join(missing)}: upgrade it "
                                    "first (imis db upgrade --all); nothing was linked.")
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
    cur.execute("SELECT foreign_table_schema, count(*) FROM information_schema.foreign_tables "
                "WHERE foreign_table_name = ANY(%s) GROUP BY 1", (list(SHARED_VIEWS),))
    complete = {schema for schema, n in cur.fetchall() if n == len(SHARED_VIEWS)}
    stale = [name for name in cities if f"city_{name}" not in complete]
    if stale:
        raise ImisDatabaseError(f"{', '.join(stale)} were linked by an older IMIS: link them again "
                                f"(imis national link {' '.join(stale)} --national ...).")
    for view in COMPARISON_VIEWS:  # built on the views below
        cur.execute(sql.SQL("DROP VIEW IF EXISTS national.{}").format(sql.Identifier(view)))
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

    # published indicators of every city, year by year: one row per city (long) and one column per city (wide)
    if cities:
        cur.execute("""
            CREATE VIEW national.indicator_comparison AS
            SELECT i.city, i.city_code, i.year, i.code, i.indicator_name, i.indicator_group, i.outcome,
                   i.rule, i.unit, i.numerator, i.denominator, i.value, i.reason,
                   CASE WHEN i.value IS NOT NULL AND i.higher_is_better IS NOT NULL THEN
                        rank() OVER (PARTITION BY i.year, i.code, i.rule, i.value IS NULL
                                     ORDER BY CASE WHEN i.higher_is_better THEN -i.value ELSE i.value END)
                   END AS city_rank,
                   count(i.value) OVER (PARTITION BY i.year, i.code, i.rule) AS cities_reporting,
                   i.sort
            FROM national.national_indicator i
            WHERE i.area_kind = 'city'""")
        fixed = {"year", "code", "indicator_name", "rule", "unit", "sort"}
        columns = [sql.SQL("max(value) FILTER (WHERE city = {}) AS {}").format(
            sql.Literal(name), sql.Identifier(f"city_{name}" if name in fixed else name)) for name in cities]
        cur.execute(sql.SQL("""
            CREATE VIEW national.indicator_by_city AS
            SELECT year, code, min(indicator_name) AS indicator_name, rule, min(unit) AS unit, {},
                   min(sort) AS sort
            FROM national.national_indicator
            WHERE area_kind = 'city'
            GROUP BY year, code, rule""").format(sql.SQL(", ").join(columns)))


# The National Sanitation Dashboard feed, from the national database --------------------------------------

def published_years(national_dsn: str, city: str) -> list[int]:
    """The years `city` has published (its indicator snapshots the national database can read)."""
    with transaction(national_dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT DISTINCT year FROM national.national_dashboard_feed WHERE city = %s ORDER BY 1",
                    (city,))
        return [year for (year,) in cur.fetchall()]


def feeds(national_dsn: str, rule: str = "city", city: str | None = None,
          year: int | None = None) -> tuple[list[tuple[str, feed.Feed]], list[tuple[str, str]]]:
    """The dashboard feed of every linked city (or of `city`) for `year` (default: each city's latest
    published year), read from the national database: the same payload the city would send itself.

    Returns ([(city, feed)], [(city, why skipped)]): a city without that published year, or that cannot
    be read now, is skipped with the reason, so one city's gap does not hold back the others. An unknown
    city is an error."""
    if rule not in RULES:
        raise IndicatorError(f"rule {rule!r} is not {' or '.join(RULES)}")
    linked = linked_cities(national_dsn)
    if city is not None and city not in linked:
        raise ImisDatabaseError(f"The national database does not read a city '{city}' "
                                f"(linked: {', '.join(linked) or 'none'}).")
    made, skipped = [], []
    for name in [city] if city else linked:
        try:
            years = published_years(national_dsn, name)
            if not years:
                skipped.append((name, "has published no year"))
                continue
            chosen = year if year is not None else years[-1]
            if chosen not in years:
                skipped.append((name, f"has not published {chosen} (published: "
                                      f"{', '.join(map(str, years))})"))
                continue
            made.append((name, feed.build_national(national_dsn, name, chosen, rule)))
        except (psycopg2.Error, IndicatorError) as exc:  # a city that cannot be read now
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            skipped.append((name, f"cannot be read: {reason}"))
    return made, skipped
