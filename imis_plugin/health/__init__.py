"""Public health: disease cases and water samples related to sanitation (SQL in database/app/85_health.sql)."""
import datetime as dt

from ..db.connect import transaction


def ward_rates(dsn: str, start: dt.date, end: dt.date, disease: str | None = None, factor: float = 2,
               min_cases: int = 5) -> list[dict]:
    """Cases per 1,000 people per ward, hotspot flags and the sanitation around (geometry as WKB)."""
    return _rows(dsn, "SELECT *, ST_AsBinary(geom) AS wkb FROM imis_app.health_ward_rates(%s, %s, %s, %s, %s) "
                      "ORDER BY ward_number",
                 (start, end, disease, factor, min_cases))


def sample_clusters(dsn: str, start: dt.date, end: dt.date, distance_m: float = 250, min_samples: int = 3,
                    context_m: float = 100) -> list[dict]:
    """Clusters of positive water samples and the unsafe sanitation within `context_m` of each."""
    return _rows(dsn, "SELECT *, ST_AsBinary(geom) AS wkb FROM imis_app.health_sample_clusters(%s, %s, %s, %s, %s)",
                 (start, end, distance_m, min_samples, context_m))


def _rows(dsn, query, params):
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(query, params)
        names = [d.name for d in cur.description]
        rows = [dict(zip(names, row)) for row in cur.fetchall()]
    for row in rows:
        row.pop("geom")
        row["wkb"] = bytes(row["wkb"])
    return rows


def city_srid(dsn: str) -> int:
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT srid FROM imis_core.city")
        return cur.fetchone()[0]
