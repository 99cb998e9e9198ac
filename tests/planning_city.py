"""A hand-made city for the Planning algorithms, small enough to work every answer out by hand.

Local coordinates in metres from (X0, Y0), a corner on the 500 m grid; two wards split at x = 500. Every
building is a 10 m square given by its lower-left corner. The expected answers in tests/test_planning.py
are derived in the comments there from the numbers below.
"""

import datetime as dt

from psycopg2.extras import execute_values

from imis_plugin.db.connect import transaction

X0, Y0 = 719_000, 2_605_000

WARDS = {1: (0, 0, 500, 1000), 2: (500, 0, 1000, 1000)}
LICS = {"LIC-A": (50, 50, 250, 250)}
# code: (vertices, width_m)
ROADS = {
    "R-1": ([(0, 500), (250, 500), (500, 500), (750, 500), (1000, 500)], 6),
    "R-2": ([(250, 500), (250, 300), (250, 100)], 2.5),  # a narrow lane
    "R-3": ([(750, 500), (750, 700), (750, 900)], 4),
    "R-4": ([(900, 150), (980, 150)], 3),  # not connected to the others
}
DRAINS = {"D-001": [(0, 495), (500, 495)], "D-002": [(255, 495), (255, 100)]}
SEWERS = {"S-001": [(500, 505), (1000, 505)]}
WATER_BODIES = {"WB-01": (600, 200, 650, 250), "WB-02": (100, 800, 140, 840)}
WATER_POINTS = {"WP-01": ((270, 200), "shallow_tubewell"), "WP-02": ((760, 800), "deep_tubewell")}
TRICKY_NAME = "Rahman's house; DROP TABLE imis_core.building; --"
# bin: (x, y, population, extra columns)
BUILDINGS = {
    "B01": (20, 510, 5, {"drain": "D-001"}),
    "B02": (100, 470, 8, {}),
    "B03": (200, 520, 4, {"name": TRICKY_NAME}),
    "B04": (300, 440, 6, {}),
    "B05": (265, 300, 7, {}),
    "B06": (271, 150, 3, {}),
    "B07": (80, 120, 12, {"lic": "LIC-A"}),
    "B08": (120, 200, 10, {"lic": "LIC-A"}),
    "B09": (610, 260, 9, {}),
    "B10": (690, 215, 5, {}),
    "B11": (760, 600, 6, {}),
    "B12": (920, 160, 4, {}),
}
D = dt.date
# code: (x, y, type, last emptied, constructed)
CONTAINMENTS = {
    "C01": (25, 505, "septic_tank_soak_pit", D(2025, 6, 1), D(2010, 1, 1)),
    "C02": (105, 465, "unlined_pit", None, D(2015, 1, 1)),
    "C03": (205, 515, "septic_tank_drain", D(2019, 3, 1), D(2012, 1, 1)),
    "C04": (305, 435, "lined_pit_soak_pit", None, None),
    "C05": (262, 305, "unlined_pit", None, D(2024, 1, 1)),
    "C06": (275, 180, "septic_tank_soak_pit", D(2022, 1, 1), D(2010, 1, 1)),
    "C07": (85, 115, "unlined_pit", None, D(2010, 1, 1)),
    "C08": (125, 195, "double_pit", D(2024, 5, 1), D(2018, 1, 1)),
    "C09": (615, 255, "lined_pit_water_body", D(2020, 1, 1), D(2011, 1, 1)),
    "C10": (695, 210, "septic_tank_soak_pit", D(2025, 1, 1), D(2016, 1, 1)),
    "C11": (765, 598, "septic_tank_sewer", D(2023, 6, 1), D(2014, 1, 1)),
    "C12": (925, 158, "septic_tank_unknown", D(2021, 1, 1), D(2013, 1, 1)),
}
# building -> containments it is served by (C02 also serves B01)
SERVED_BY = {b: [f"C{b[1:]}"] for b in BUILDINGS} | {"B01": ["C01", "C02"]}
TOILETS = {"CT-01": ((240, 300), "community"), "PT-01": ((950, 140), "public")}
DEPENDS_ON = {"B07": "CT-01", "B08": "CT-01", "B11": "PT-01", "B12": "PT-01"}


def box(x0, y0, x1, y1):
    return (
        f"MULTIPOLYGON((({X0 + x0} {Y0 + y0},{X0 + x1} {Y0 + y0},{X0 + x1} {Y0 + y1},"
        f"{X0 + x0} {Y0 + y1},{X0 + x0} {Y0 + y0})))"
    )


def line(points):
    return "MULTILINESTRING((" + ",".join(f"{X0 + x} {Y0 + y}" for x, y in points) + "))"


def point(x, y):
    return f"POINT({X0 + x} {Y0 + y})"


def populate(dsn: str) -> dict[str, str]:
    """Insert the city into an IMIS database at head; returns code/bin -> id."""
    ids = {}
    geom = "ST_GeomFromText(%s, (SELECT srid FROM imis_core.city))"

    def insert(cur, table, columns, rows):
        # table and column names come from this module
        result = execute_values(
            cur,
            f"INSERT INTO imis_core.{table} ({', '.join(columns)}) VALUES %s RETURNING id",
            rows,
            template="(" + ", ".join(geom if c in ("geom", "location") else "%s" for c in columns) + ")",
            fetch=True,
        )
        return [r[0] for r in result]

    with transaction(dsn) as conn, conn.cursor() as cur:
        for number, (x0, y0, x1, y1) in WARDS.items():
            (ids[f"ward{number}"],) = insert(
                cur, "ward", ["number", "name", "geom"], [(number, f"Ward {number}", box(x0, y0, x1, y1))]
            )
        for code, (x0, y0, x1, y1) in LICS.items():
            (ids[code],) = insert(
                cur,
                "low_income_community",
                ["code", "name", "ward_id", "geom"],
                [(code, "Rail colony", ids["ward1"], box(x0, y0, x1, y1))],
            )
        for code, (points, width) in ROADS.items():
            (ids[code],) = insert(cur, "road", ["code", "width_m", "geom"], [(code, width, line(points))])
        for code, points in DRAINS.items():
            (ids[code],) = insert(cur, "drain", ["code", "geom"], [(code, line(points))])
        for code, points in SEWERS.items():
            (ids[code],) = insert(cur, "sewer", ["code", "geom"], [(code, line(points))])
        for code, (x0, y0, x1, y1) in WATER_BODIES.items():
            (ids[code],) = insert(
                cur, "water_body", ["code", "water_body_type", "geom"], [(code, "pond", box(x0, y0, x1, y1))]
            )
        for code, ((x, y), kind) in WATER_POINTS.items():
            (ids[code],) = insert(
                cur,
                "water_point",
                ["code", "water_point_type", "is_drinking", "geom"],
                [(code, kind, True, point(x, y))],
            )
        for bin_, (x, y, population, extra) in BUILDINGS.items():
            ward = ids["ward1"] if x < 500 else ids["ward2"]
            (ids[bin_],) = insert(
                cur,
                "building",
                ["bin", "name", "population", "ward_id", "lic_id", "drain_id", "geom"],
                [
                    (
                        bin_,
                        extra.get("name"),
                        population,
                        ward,
                        ids.get(extra.get("lic")),
                        ids.get(extra.get("drain")),
                        box(x, y, x + 10, y + 10),
                    )
                ],
            )
        for code, (x, y, kind, last, built) in CONTAINMENTS.items():
            (ids[code],) = insert(
                cur,
                "containment",
                ["code", "containment_type", "last_emptied_date", "construction_date", "location"],
                [(code, kind, last, built, point(x, y))],
            )
        insert(
            cur,
            "building_containment",
            ["building_id", "containment_id"],
            [(ids[b], ids[c]) for b, cs in SERVED_BY.items() for c in cs],
        )
        for code, ((x, y), kind) in TOILETS.items():
            (ids[code],) = insert(cur, "toilet", ["code", "kind", "geom"], [(code, kind, point(x, y))])
        insert(
            cur,
            "building_toilet",
            ["building_id", "toilet_id"],
            [(ids[b], ids[t]) for b, t in DEPENDS_ON.items()],
        )
    return ids


def generate(dsn: str, buildings: int = 400, seed: float = 0.42) -> None:
    """A random city (set-based SQL) for checking that both paths agree where nobody worked the answers out:
    a 2 km square of four wards, a road grid every 100 m noded at its crossings, drains beside some roads,
    buildings inside the blocks, one containment each, ponds, water points, two LICs and toilets."""
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT setseed(%s)", (seed,))
        cur.execute(
            """
        CREATE TEMP TABLE origin ON COMMIT DROP AS SELECT %(x)s::float8 AS x, %(y)s::float8 AS y,
            (SELECT srid FROM imis_core.city) AS srid;
        INSERT INTO imis_core.ward (number, geom)
        SELECT 1 + i + 2 * j, ST_Multi(ST_MakeEnvelope(x + 1000 * i, y + 1000 * j, x + 1000 * (i + 1),
                                                        y + 1000 * (j + 1), srid))
        FROM origin, generate_series(0, 1) i, generate_series(0, 1) j;
        INSERT INTO imis_core.low_income_community (code, name, geom)
        SELECT 'LIC-' || i, 'LIC ' || i, ST_Multi(ST_MakeEnvelope(x + 300 * i, y + 300 * i, x + 300 * i + 250,
                                                                  y + 300 * i + 250, srid))
        FROM origin, generate_series(1, 2) i;
        INSERT INTO imis_core.road (code, width_m, geom)
        SELECT 'R-' || row_number() OVER (), (ARRAY[2, 2.5, 3, 4, 6])[1 + floor(random() * 5)::int],
               ST_Multi(CASE WHEN h THEN ST_MakeLine(ST_Point(x + 100 * i, y + 100 * j, srid),
                                                     ST_Point(x + 100 * (i + 1), y + 100 * j, srid))
                             ELSE ST_MakeLine(ST_Point(x + 100 * j, y + 100 * i, srid),
                                              ST_Point(x + 100 * j, y + 100 * (i + 1), srid)) END)
        FROM origin, generate_series(0, 19) i, generate_series(0, 20) j, (VALUES (true), (false)) v(h);
        INSERT INTO imis_core.drain (code, geom)
        SELECT 'D-' || row_number() OVER (), ST_Multi(ST_MakeLine(ST_Point(x + 100 * i, y + 100 * j + 3, srid),
                                                               ST_Point(x + 100 * (i + 1), y + 100 * j + 3, srid)))
        FROM origin, generate_series(0, 19) i, generate_series(0, 20, 2) j WHERE random() < 0.5;
        INSERT INTO imis_core.water_body (code, water_body_type, geom)
        SELECT 'WB-' || n, 'pond', ST_Multi(ST_MakeEnvelope(x0, y0, x0 + 20 + random() * 30, y0 + 20 + random() * 30,
                                                            srid))
        FROM (SELECT n, srid, x + 100 * floor(random() * 20) + 10 AS x0, y + 100 * floor(random() * 20) + 10 AS y0
              FROM origin, generate_series(1, 12) n) p;
        INSERT INTO imis_core.water_point (code, water_point_type, geom)
        SELECT 'WP-' || n, 'shallow_tubewell', ST_Point(x + 5 + random() * 1990, y + 5 + random() * 1990, srid)
        FROM origin, generate_series(1, 25) n;
        INSERT INTO imis_core.toilet (code, kind, geom)
        SELECT 'CT-' || n, 'community', ST_Point(x + 100 * floor(random() * 20) + 50, y + 100 * floor(random() * 20) + 8,
                                                 srid)
        FROM origin, generate_series(1, 6) n;
        """,
            {"x": X0 + 3000, "y": Y0},
        )
        cur.execute(
            """
        INSERT INTO imis_core.building (bin, population, drain_id, geom)
        SELECT 'G' || lpad(n::text, 6, '0'), 1 + floor(random() * 20)::int,
               CASE WHEN random() < 0.2 THEN (SELECT id FROM imis_core.drain ORDER BY code LIMIT 1) END,
               ST_Multi(ST_MakeEnvelope(x0, y0, x0 + 6 + random() * 6, y0 + 6 + random() * 6, srid))
        FROM (SELECT n, srid, x + 100 * floor(random() * 20) + 6 + random() * 80 AS x0,
                     y + 100 * floor(random() * 20) + 6 + random() * 80 AS y0
              FROM origin, generate_series(1, %(n)s) n) b;
        INSERT INTO imis_core.containment (code, containment_type, construction_date, last_emptied_date, location)
        SELECT 'GC' || substr(b.bin, 2), (ARRAY['septic_tank_soak_pit', 'unlined_pit', 'double_pit',
                                              'lined_pit_soak_pit'])[1 + floor(random() * 4)::int],
               DATE '2005-01-01' + floor(random() * 7000)::int, NULL, ST_PointOnSurface(b.geom)
        FROM imis_core.building b WHERE b.bin LIKE 'G%%';
        UPDATE imis_core.containment SET last_emptied_date = construction_date + floor(random() * 2000)::int
        WHERE code LIKE 'GC%%' AND random() < 0.6 AND construction_date + 2000 < DATE '2026-01-01';
        UPDATE imis_core.containment SET construction_date = NULL WHERE code LIKE 'GC%%' AND last_emptied_date IS NULL
        AND random() < 0.1;
        INSERT INTO imis_core.building_containment (building_id, containment_id)
        SELECT b.id, c.id FROM imis_core.building b JOIN imis_core.containment c ON c.code = 'GC' || substr(b.bin, 2);
        INSERT INTO imis_core.building_toilet (building_id, toilet_id)
        SELECT b.id, (SELECT t.id FROM imis_core.toilet t ORDER BY t.geom <-> b.geom LIMIT 1)
        FROM imis_core.building b WHERE b.bin LIKE 'G%%' AND random() < 0.1;
        """,
            {"n": buildings},
        )
