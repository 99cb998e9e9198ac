"""What a database holds: server and extension versions, schema revision, city CRS, rows per table."""
from psycopg2 import sql

from .connect import transaction
from .migrate import head_revision
from .schemas import DATA_SCHEMAS


def database_status(dsn: str) -> dict:
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SHOW server_version")
        server_version = cur.fetchone()[0]
        cur.execute("SELECT extname, extversion FROM pg_extension")
        extensions = dict(cur.fetchall())
        revision = srid = city = None
        cur.execute("SELECT to_regclass('public.alembic_version') IS NOT NULL")
        if cur.fetchone()[0]:
            cur.execute("SELECT version_num FROM public.alembic_version")
            row = cur.fetchone()
            revision = row[0] if row else None
        cur.execute("SELECT to_regclass('imis_core.city') IS NOT NULL")
        if cur.fetchone()[0]:
            cur.execute("SELECT srid, name FROM imis_core.city LIMIT 1")
            srid, city = cur.fetchone() or (None, None)
        cur.execute("SELECT table_schema, table_name FROM information_schema.tables "
                    "WHERE table_schema = ANY(%s) AND table_type = 'BASE TABLE' ORDER BY 1, 2",
                    (list(DATA_SCHEMAS),))
        row_counts = {}
        for schema, table in cur.fetchall():
            cur.execute(sql.SQL("SELECT count(*) FROM {}.{}").format(sql.Identifier(schema),
                                                                      sql.Identifier(table)))
            row_counts[f"{schema}.{table}"] = cur.fetchone()[0]
    head = head_revision()
    return {
        "server_version": server_version,
        "postgis_version": extensions.get("postgis"),
        "pgrouting_version": extensions.get("pgrouting"),
        "revision": revision,
        "head_revision": head,
        "up_to_date": revision == head,
        "srid": srid,
        "city": city,
        "row_counts": row_counts,
    }


def format_status(status: dict) -> str:
    """The status as a short text report (command line, logs)."""
    lines = [
        f"PostgreSQL  {status['server_version']}",
        f"PostGIS     {status['postgis_version'] or 'not installed'}",
        f"pgRouting   {status['pgrouting_version'] or 'not installed'}",
        f"revision    {status['revision'] or 'none (empty database)'}"
        + ("  (up to date)" if status["up_to_date"] else f"  (head is {status['head_revision']}: run upgrade)"),
        f"city        {status['city'] or '-'}  (SRID {status['srid'] or '-'})",
    ]
    if status["row_counts"]:
        lines.append("rows:")
        width = max(map(len, status["row_counts"]))
        lines += [f"  {name:<{width}}  {count:>9,}" for name, count in status["row_counts"].items()]
    return "\n".join(lines)
