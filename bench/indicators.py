"""Benchmark: every indicator for one year (imis_app.indicators) on a 156,000- and a 1,000,000-building city.

Anchor: the reference web app's CWIS dashboard took 3-19 s on a far smaller city. Targets: < 2 s at 156k,
< 15 s at 1M buildings (whole city, one year, both rules). Also timed: one ward, and the yearly snapshot
(city + every ward + every low-income community, both rules, in one pass: imis_app.indicators_by_area);
with --per-area also the same areas computed one by one, as the snapshot did before.

The city comes from `imis demo-city` (imis_plugin.demo_city) when that generator is installed, else from the
set-based stand-in below: blocks of 100 m with 36 buildings each, 64 wards, 50 low-income communities,
sanitation systems in realistic shares, containments for the on-site buildings, three years of FSM jobs
(applications, emptyings, disposals, feedback), plants, plant tests, toilets and water samples.

    .venv/bin/python bench/indicators.py [--buildings 156000 1000000] [--runs 5] [--dsn DSN]

Without --dsn a private cluster is created in a temporary folder and removed afterwards.
"""
from __future__ import annotations

import argparse
import math
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from imis_plugin.db.connect import connect, transaction

X0, Y0 = 700_000, 2_500_000
PER_BLOCK = 36
YEAR = 2025

STAND_IN = """
SET LOCAL session_replication_role = replica;  -- no audit rows for a million generated buildings
CREATE TEMP TABLE origin ON COMMIT DROP AS
    SELECT %(x)s::float8 AS x, %(y)s::float8 AS y, (SELECT srid FROM imis_core.city) AS srid;
UPDATE imis_core.city SET name = 'Bench City', code = 'BEN', city_kind = 'city_corporation';
INSERT INTO imis_core.ward (number, name, geom)
SELECT 1 + i + 8 * j, 'Ward ' || (1 + i + 8 * j),
       ST_Multi(ST_MakeEnvelope(x + %(ward)s * i, y + %(ward)s * j, x + %(ward)s * (i + 1), y + %(ward)s * (j + 1), srid))
FROM origin, generate_series(0, 7) i, generate_series(0, 7) j;
INSERT INTO imis_core.treatment_plant (code, name, plant_type, capacity_m3_per_day, geom)
SELECT 'TP' || n, 'Plant ' || n, (ARRAY['fstp', 'fstp', 'centralised_wwtp', 'co_treatment'])[n],
       (ARRAY[60, 40, 5000, 100])[n], ST_Point(x + %(extent)s * n / 5.0, y - 200, srid)
FROM origin, generate_series(1, 4) n;
INSERT INTO imis_core.drain (code, cover, lining, outlet_plant_id, geom)
SELECT 'D' || row_number() OVER (), (ARRAY['open', 'closed'])[1 + floor(random() * 2)::int],
       (ARRAY['lined', 'unlined'])[1 + floor(random() * 2)::int],
       CASE WHEN random() < 0.3 THEN (SELECT id FROM imis_core.treatment_plant WHERE code = 'TP3') END,
       ST_Multi(ST_MakeLine(ST_Point(x + 100 * i, y + 100 * j + 2, srid), ST_Point(x + 100 * (i + 1), y + 100 * j + 2, srid)))
FROM origin, generate_series(0, %(side)s - 1) i, generate_series(0, %(side)s) j WHERE random() < 0.25;
INSERT INTO imis_core.sewer (code, plant_id, geom)
SELECT 'S' || row_number() OVER (),
       CASE WHEN random() < 0.8 THEN (SELECT id FROM imis_core.treatment_plant WHERE code = 'TP3') END,
       ST_Multi(ST_MakeLine(ST_Point(x + 100 * i, y + 100 * j - 2, srid), ST_Point(x + 100 * (i + 1), y + 100 * j - 2, srid)))
FROM origin, generate_series(0, %(side)s / 4) i, generate_series(0, %(side)s) j;
INSERT INTO imis_core.low_income_community (code, name, geom)
SELECT 'LIC' || n, 'LIC ' || n, ST_Multi(ST_MakeEnvelope(x0, y0, x0 + 200, y0 + 200, srid))
FROM (SELECT n, srid, x + 100 * floor(random() * (%(side)s - 2)) AS x0, y + 100 * floor(random() * (%(side)s - 2)) AS y0
      FROM origin, generate_series(1, 50) n) l;

CREATE TEMP TABLE pick ON COMMIT DROP AS SELECT
    (SELECT array_agg(id) FROM imis_core.drain) AS drains, (SELECT array_agg(id) FROM imis_core.sewer) AS sewers;
INSERT INTO imis_core.building (bin, population, female_population, male_population, functional_use,
                                sanitation_system, construction_year, drain_id, sewer_id, ward_id, geom)
SELECT lpad(n::text, 7, '0'), pop, pop / 2, pop - pop / 2,
       CASE WHEN u < 0.03 THEN 'educational' WHEN u < 0.04 THEN 'health' WHEN u < 0.12 THEN 'commercial'
            ELSE 'residential' END,
       CASE WHEN s < 0.45 THEN 'septic_tank' WHEN s < 0.62 THEN 'pit_holding_tank' WHEN s < 0.70 THEN 'sewer_network'
            WHEN s < 0.76 THEN 'drain_network' WHEN s < 0.80 THEN 'community_toilet' WHEN s < 0.84 THEN 'shared_septic_tank'
            WHEN s < 0.86 THEN 'open_defecation' WHEN s < 0.88 THEN 'water_body' WHEN s < 0.90 THEN 'onsite_treatment'
            WHEN s < 0.97 THEN 'shared_toilet' END,
       CASE WHEN random() < 0.3 THEN NULL ELSE 1980 + floor(random() * 45)::int END,
       CASE WHEN random() < 0.5 THEN drains[1 + floor(random() * cardinality(drains))::int] END,
       CASE WHEN s >= 0.62 AND s < 0.70 THEN sewers[1 + floor(random() * cardinality(sewers))::int] END,
       NULL, ST_Multi(ST_MakeEnvelope(x0, y0, x0 + 8 + random() * 3, y0 + 8 + random() * 3, srid))
FROM (SELECT n, srid, 1 + floor(random() * 30)::int AS pop, random() AS u, random() AS s,
             x + 100 * ((n / 36) %% %(side)s) + 6 + 15 * (n %% 6) + random() AS x0,
             y + 100 * ((n / 36) / %(side)s) + 6 + 15 * ((n %% 36) / 6) + random() AS y0
      FROM origin, generate_series(0, %(n)s - 1) n) b, pick;
UPDATE imis_core.building b SET lic_id = l.id FROM imis_core.low_income_community l
WHERE l.geom && b.geom AND ST_Intersects(l.geom, ST_Centroid(b.geom));
UPDATE imis_core.building b SET ward_id = w.id FROM imis_core.ward w
WHERE w.geom && b.geom AND ST_Intersects(w.geom, ST_Centroid(b.geom));

INSERT INTO imis_core.containment (code, containment_type, construction_date)
SELECT 'C' || b.bin,
       (ARRAY['septic_tank_soak_pit', 'septic_tank_drain', 'septic_tank_water_body', 'unlined_pit', 'double_pit',
              'lined_pit_soak_pit', 'lined_pit_drain', 'holding_tank', 'septic_tank_open_ground'])[1 + floor(random() * 9)::int],
       DATE '1995-01-01' + floor(random() * 9000)::int
FROM imis_core.building b JOIN imis_code.sanitation_system s ON s.value = b.sanitation_system
WHERE s.is_onsite AND b.sanitation_system NOT IN ('onsite_treatment', 'composting_toilet');
INSERT INTO imis_core.building_containment (building_id, containment_id)
SELECT b.id, c.id FROM imis_core.building b JOIN imis_core.containment c ON c.code = 'C' || b.bin;

INSERT INTO imis_fsm.service_provider (code, name) SELECT 'SP' || n, 'Provider ' || n FROM generate_series(1, 5) n;
-- three years of jobs: about 9 %% of the containments apply each year
INSERT INTO imis_fsm.application (code, provider_id, building_id, containment_id, application_date, is_cancelled)
SELECT 'A' || row_number() OVER (), (SELECT array_agg(id) FROM imis_fsm.service_provider)[1 + floor(random() * 5)::int],
       bc.building_id, c.id, make_date(yr, 1, 1) + floor(random() * 360)::int, random() < 0.03
FROM imis_core.containment c JOIN imis_core.building_containment bc ON bc.containment_id = c.id,
     generate_series(%(year)s - 2, %(year)s) yr
WHERE random() < 0.09;
INSERT INTO imis_fsm.emptying (application_id, emptied_date, volume_m3, method)
SELECT a.id, a.application_date + floor(random() * 5)::int, round((1 + random() * 5)::numeric, 1),
       CASE WHEN random() < 0.8 THEN 'mechanical' ELSE 'manual' END
FROM imis_fsm.application a WHERE NOT a.is_cancelled AND random() < 0.9;
INSERT INTO imis_fsm.disposal (emptying_id, plant_id, disposed_date, volume_m3)
SELECT e.id, (SELECT array_agg(id ORDER BY code) FROM imis_core.treatment_plant)[1 + floor(random() * 2)::int],
       e.emptied_date, e.volume_m3 * 0.95
FROM imis_fsm.emptying e WHERE random() < 0.8;
INSERT INTO imis_fsm.feedback (application_id, feedback_date, satisfaction, crew_wore_ppe)
SELECT e.application_id, e.emptied_date + 3, 1 + floor(random() * 5)::int, random() < 0.7
FROM imis_fsm.emptying e WHERE random() < 0.5;
UPDATE imis_core.containment c SET last_emptied_date = x.d, emptied_count = x.n
FROM (SELECT a.containment_id, max(e.emptied_date) AS d, count(*) AS n FROM imis_fsm.emptying e
      JOIN imis_fsm.application a ON a.id = e.application_id GROUP BY 1) x WHERE x.containment_id = c.id;

INSERT INTO imis_fsm.plant_test (plant_id, sample_date, bod_mg_l, tss_mg_l, ecoli_cfu_100ml)
SELECT (SELECT array_agg(id) FROM imis_core.treatment_plant)[1 + floor(random() * 4)::int],
       make_date(%(year)s, 1, 1) + floor(random() * 360)::int, random() * 80, random() * 150, random() * 2000
FROM generate_series(1, 200);
INSERT INTO imis_core.toilet (code, kind, universal_design, female_users, male_users, sanitation_system, building_id, geom)
SELECT 'T' || n, CASE WHEN n %% 5 = 0 THEN 'public' ELSE 'community' END, random() < 0.3,
       floor(random() * 100)::int, floor(random() * 100)::int, 'septic_tank', b.id, ST_Centroid(b.geom)
FROM (SELECT n, (SELECT id FROM imis_core.building WHERE bin = lpad((n * 997 %% %(n)s)::text, 7, '0')) AS bid
      FROM generate_series(1, 250) n) t JOIN imis_core.building b ON b.id = t.bid;
INSERT INTO imis_core.building_toilet (building_id, toilet_id)
SELECT b.id, t.id FROM imis_core.toilet t
CROSS JOIN LATERAL (SELECT b.id FROM imis_core.building b WHERE b.sanitation_system = 'community_toilet'
                    ORDER BY b.geom <-> t.geom LIMIT 25) b
WHERE t.kind = 'community';
INSERT INTO imis_core.water_point (code, water_point_type, geom)
SELECT 'WP' || n, 'shallow_tubewell', ST_Point(x + random() * %(extent)s, y + random() * %(extent)s, srid)
FROM origin, generate_series(1, 300) n;
INSERT INTO imis_core.water_sample (code, water_point_id, sample_date, faecal_coliform_cfu_100ml)
SELECT 'WS' || n, (SELECT array_agg(id) FROM imis_core.water_point)[1 + floor(random() * 300)::int],
       make_date(%(year)s, 1, 1) + floor(random() * 360)::int, CASE WHEN random() < 0.7 THEN 0 ELSE floor(random() * 50) END
FROM generate_series(1, 600) n;
"""


def stand_in_city(dsn: str, buildings: int, seed: float = 0.5) -> None:
    side = math.ceil(math.sqrt(math.ceil(buildings / PER_BLOCK)))
    p = {"x": X0, "y": Y0, "n": buildings, "side": side, "extent": side * 100, "ward": side * 100 / 8.0,
         "year": YEAR}
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT setseed(%s)", (seed,))
        cur.execute(STAND_IN, p)


def make_city(dsn: str, buildings: int, seed: int) -> str:
    """Fill the database; returns which generator made it."""
    try:
        from imis_plugin import demo_city  # noqa: F401  (the real generator, when installed)
    except ImportError:
        stand_in_city(dsn, buildings, seed / 100.0)
        made = "stand-in (bench/indicators.py)"
    else:
        import subprocess
        import sys

        subprocess.run([sys.executable, "-m", "imis_plugin.cli", "demo-city", "--dsn", dsn,
                        "--buildings", str(buildings), "--seed", str(seed)], check=True)
        made = "imis demo-city"
    conn = connect(dsn)
    conn.autocommit = True
    try:
        conn.cursor().execute("VACUUM ANALYZE")
    finally:
        conn.close()
    return made


def timed(dsn: str, query: str, params: tuple, runs: int) -> tuple[float, int]:
    times = []
    rows = 0
    conn = connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute(query, params)  # warm-up (caches)
            cur.fetchall()
            for _ in range(runs):
                start = time.perf_counter()
                cur.execute(query, params)
                rows = len(cur.fetchall())
                times.append(time.perf_counter() - start)
        conn.rollback()
    finally:
        conn.close()
    return statistics.median(times), rows


def backend_cpu(dsn: str, query: str, params: tuple) -> float:
    """CPU seconds (user + system) the server spent on one run: unlike the wall time, it does not grow
    when other work shares the machine."""
    conn = connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SET client_min_messages = log")
            cur.execute("SET log_statement_stats = on")
            del conn.notices[:]
            cur.execute(query, params)
            cur.fetchall()
        stats = " ".join(conn.notices)
        conn.rollback()
    finally:
        conn.close()
    match = re.search(r"([0-9.]+) s user, ([0-9.]+) s system", stats)
    return float(match[1]) + float(match[2]) if match else float("nan")


def bench(dsn: str, runs: int, per_area: bool = False) -> list[tuple[str, float, int]]:
    year = ("2025-01-01", "2025-12-31")
    results = []
    median, rows = timed(dsn, "SELECT * FROM imis_app.indicators(%s, %s)", year, runs)
    results.append(("all indicators, whole city, one year, both rules", median, rows))
    cpu = backend_cpu(dsn, "SELECT * FROM imis_app.indicators(%s, %s)", year)
    results.append(("  the same: server CPU seconds (load-independent)", cpu, rows))
    median, rows = timed(dsn, "SELECT * FROM imis_app.indicators(%s, %s, "
                              "(SELECT geom FROM imis_core.ward WHERE number = 28))", year, runs)
    results.append(("all indicators, one ward (number 28)", median, rows))
    median, rows = timed(dsn, "SELECT * FROM imis_app.indicators(%s, %s, NULL, ARRAY['city'])", year, runs)
    results.append(("all indicators, whole city, city rule only", median, rows))
    conn = connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT (SELECT count(*) FROM imis_core.ward), "
                        "(SELECT count(*) FROM imis_core.low_income_community)")
            wards, lics = cur.fetchone()
    finally:
        conn.close()
    areas = f"city + {wards} wards + {lics} LICs"
    median, rows = timed(dsn, "SELECT imis_app.take_indicator_snapshot(2025)", (), max(1, runs // 3))
    results.append((f"yearly snapshot: {areas}, both rules, one pass", median, rows))
    if per_area:
        # what the snapshot did before it became one pass: every area computed on its own
        median, rows = timed(dsn, "SELECT count(*) FROM (SELECT NULL::geometry UNION ALL "
                                  "SELECT geom FROM imis_core.ward UNION ALL "
                                  "SELECT geom FROM imis_core.low_income_community) a(geom), "
                                  "imis_app.indicators(%s, %s, a.geom)", year, 1)
        results.append(("  the same areas one by one (imis_app.indicators per area)", median, rows))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--buildings", type=int, nargs="+", default=[156_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=50)
    parser.add_argument("--dsn", help="use this (empty, or already generated with --reuse) database instead")
    parser.add_argument("--reuse", action="store_true", help="the --dsn database already holds the city")
    parser.add_argument("--per-area", action="store_true",
                        help="also time the snapshot's areas computed one by one (slow: minutes at 1M)")
    args = parser.parse_args()

    from imis_plugin.db.cluster import Cluster, free_port
    from imis_plugin.db.migrate import upgrade

    home = cluster = None
    if not args.dsn:
        home = Path(tempfile.mkdtemp(prefix="imis-bench-"))
        home.chmod(0o755)
        cluster = Cluster(home / "cluster")
        cluster.start(port=free_port(57000), fast=True)
    try:
        print("| city | work | median s | rows |")
        print("|---|---|---|---|")
        for n in args.buildings:
            dsn = args.dsn or cluster.ensure_database(f"bench_indicators_{n}")
            if not args.reuse:
                upgrade(dsn, srid=32645)
                start = time.perf_counter()
                made = make_city(dsn, n, args.seed)
                print(f"<!-- {n:,} buildings by {made} in {time.perf_counter() - start:.0f} s -->", flush=True)
            for work, median, rows in bench(dsn, args.runs, args.per_area):
                print(f"| {n:,} buildings | {work} | {median:.2f} | {rows} |", flush=True)
    finally:
        if cluster is not None:
            cluster.destroy()
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
