"""A plain synthetic city made with set-based SQL in an IMIS database at head: a grid of 100 m blocks
between roads (widths 2 to 8 m), 36 buildings of 8-11 m per block, a containment for about half of them,
drains beside a quarter of the roads, 300 ponds, water points, 64 wards, 50 low-income communities and 200
community toilets with their dependent buildings. No owners, holdings or FSM history.

It is the stand-in `make demo` uses until the realistic demo-city generator (issue 3) lands, and the city
of the planning benchmark. Deterministic for a seed. Triggers are off while loading
(``session_replication_role = replica``): a generated city is not an edit history to audit.
"""
import math

from .db.connect import connect, transaction

X0, Y0 = 700_000, 2_500_000
PER_BLOCK = 36


def make_city(dsn: str, buildings: int, seed: float = 0.5) -> dict:
    blocks = math.ceil(buildings / PER_BLOCK)
    side = math.ceil(math.sqrt(blocks))
    extent = side * 100
    p = {
        "x": X0,
        "y": Y0,
        "n": buildings,
        "side": side,
        "extent": extent,
        "ward": extent / 8.0,
        "points": max(buildings // 100, 50),
    }
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SET LOCAL session_replication_role = replica")
        cur.execute("SELECT setseed(%s)", (seed,))
        cur.execute(
            "CREATE TEMP TABLE origin ON COMMIT DROP AS SELECT %(x)s::float8 AS x, %(y)s::float8 AS y, "
            "(SELECT srid FROM imis_core.city) AS srid",
            p,
        )
        cur.execute(
            """
        INSERT INTO imis_core.ward (number, name, geom)
        SELECT 1 + i + 8 * j, 'Ward ' || (1 + i + 8 * j),
               ST_Multi(ST_MakeEnvelope(x + %(ward)s * i, y + %(ward)s * j, x + %(ward)s * (i + 1),
                                        y + %(ward)s * (j + 1), srid))
        FROM origin, generate_series(0, 7) i, generate_series(0, 7) j;
        INSERT INTO imis_core.road (code, width_m, geom)
        SELECT 'R' || row_number() OVER (), (ARRAY[2, 2.5, 3, 3.5, 4, 6, 8])[1 + floor(random() * 7)::int],
               ST_Multi(CASE WHEN h THEN ST_MakeLine(ST_Point(x + 100 * i, y + 100 * j, srid),
                                                     ST_Point(x + 100 * (i + 1), y + 100 * j, srid))
                             ELSE ST_MakeLine(ST_Point(x + 100 * j, y + 100 * i, srid),
                                              ST_Point(x + 100 * j, y + 100 * (i + 1), srid)) END)
        FROM origin, generate_series(0, %(side)s - 1) i, generate_series(0, %(side)s) j, (VALUES (true), (false)) v(h);
        INSERT INTO imis_core.drain (code, geom)
        SELECT 'D' || row_number() OVER (), ST_Multi(ST_MakeLine(ST_Point(x + 100 * i, y + 100 * j + 2, srid),
                                                              ST_Point(x + 100 * (i + 1), y + 100 * j + 2, srid)))
        FROM origin, generate_series(0, %(side)s - 1) i, generate_series(0, %(side)s) j WHERE random() < 0.25;
        INSERT INTO imis_core.building (bin, population, drain_id, geom)
        SELECT lpad(n::text, 7, '0'), 1 + floor(random() * 30)::int, NULL,
               ST_Multi(ST_MakeEnvelope(x0, y0, x0 + 8 + random() * 3, y0 + 8 + random() * 3, srid))
        FROM (SELECT n, srid, x + 100 * ((n / 36) %% %(side)s) + 6 + 15 * (n %% 6) + random() AS x0,
                     y + 100 * ((n / 36) / %(side)s) + 6 + 15 * ((n %% 36) / 6) + random() AS y0
              FROM origin, generate_series(0, %(n)s - 1) n) b;
        UPDATE imis_core.building SET drain_id = (SELECT id FROM imis_core.drain LIMIT 1) WHERE random() < 0.1;
        INSERT INTO imis_core.containment (code, containment_type, construction_date, last_emptied_date, location)
        SELECT 'C' || b.bin, (ARRAY['septic_tank_soak_pit', 'septic_tank_drain', 'unlined_pit', 'double_pit',
                                   'lined_pit_soak_pit', 'holding_tank'])[1 + floor(random() * 6)::int],
               DATE '2000-01-01' + floor(random() * 9000)::int, NULL, ST_Centroid(b.geom)
        FROM imis_core.building b WHERE random() < 0.45;
        UPDATE imis_core.containment SET last_emptied_date = construction_date + floor(random() * 1500)::int
        WHERE random() < 0.6 AND construction_date < DATE '2022-01-01';
        INSERT INTO imis_core.building_containment (building_id, containment_id)
        SELECT b.id, c.id FROM imis_core.building b JOIN imis_core.containment c ON c.code = 'C' || b.bin;
        INSERT INTO imis_core.water_body (code, water_body_type, geom)
        SELECT 'WB' || n, 'pond', ST_Multi(ST_MakeEnvelope(x0, y0, x0 + 30 + random() * 30, y0 + 30 + random() * 30,
                                                           srid))
        FROM (SELECT n, srid, x + 100 * floor(random() * %(side)s) + 10 + random() * 20 AS x0,
                     y + 100 * floor(random() * %(side)s) + 10 + random() * 20 AS y0
              FROM origin, generate_series(1, 300) n) w;
        INSERT INTO imis_core.water_point (code, water_point_type, geom)
        SELECT 'WP' || n, 'shallow_tubewell', ST_Point(x + random() * %(extent)s, y + random() * %(extent)s, srid)
        FROM origin, generate_series(1, %(points)s) n;
        INSERT INTO imis_core.low_income_community (code, name, geom)
        SELECT 'LIC' || n, 'LIC ' || n, ST_Multi(ST_MakeEnvelope(x0, y0, x0 + 200, y0 + 200, srid))
        FROM (SELECT n, srid, x + 100 * floor(random() * (%(side)s - 2)) AS x0,
                     y + 100 * floor(random() * (%(side)s - 2)) AS y0 FROM origin, generate_series(1, 50) n) l;
        INSERT INTO imis_core.toilet (code, kind, geom)
        SELECT 'CT' || n, 'community', ST_Point(x + 100 * floor(random() * %(side)s) + 50,
                                                y + 100 * floor(random() * %(side)s) + 3, srid)
        FROM origin, generate_series(1, 200) n;
        INSERT INTO imis_core.building_toilet (building_id, toilet_id)
        SELECT b.id, t.id FROM imis_core.toilet t
        CROSS JOIN LATERAL (SELECT b.id FROM imis_core.building b ORDER BY b.geom <-> t.geom LIMIT 25) b;
        """,
            p,
        )
    conn = connect(dsn)
    conn.autocommit = True
    try:
        conn.cursor().execute("VACUUM ANALYZE")
    finally:
        conn.close()
    return p
