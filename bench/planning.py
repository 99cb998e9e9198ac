"""Planning benchmark: each algorithm's core (the push-down path as the Processing algorithm runs it, from
the inputs to the result tables) beside (a) the chain of QGIS native algorithms a GIS officer would click
for the same answer and (b) the best hand-written PostGIS SQL for the same answer; then whole runs through
``qgis_process`` (start-up included) for the buffer analysis, drain candidates and ward summary.

    .venv/bin/python bench/planning.py [--sizes 156000 1000000] [--runs 3] [--data-dir DIR] [--only buffer ...]

Cities come from ``bench/planning_city.py`` (set-based SQL) in a private cluster (kept in --data-dir for
re-runs, else temporary). Medians of --runs (the native chains run once at a million buildings). Prints
Markdown for bench/RESULTS.md. Not run by CI.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from imis_plugin.db.cluster import Cluster, free_port  # noqa: E402
from imis_plugin.db.connect import connect  # noqa: E402
from imis_plugin.db.migrate import upgrade  # noqa: E402

from bench.planning_city import make_city  # noqa: E402

DISTANCE, DRAINS, HOSE, WIDTH = 50, 50, 30, 3.0
AS_OF = "2026-01-01"


# --- timing -----------------------------------------------------------------------------------------------


def timed(fn, runs):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def count(result) -> int:
    """Rows of a result: a Table, a dict of Tables (first), a list of rows or a layer."""
    if isinstance(result, dict):
        result = next(iter(result.values()))
    if hasattr(result, "rows"):
        return len(result.rows)
    if hasattr(result, "featureCount"):
        return result.featureCount()
    return len(result)


def sql_rows(dsn, statements, params=None):
    """Hand-written SQL: run each statement in one transaction with the session settings the algorithms use
    (JIT off: these short queries lose more to compiling than they gain; 64 MB to sort in memory; Python's
    cycle collector paused while fetching); the rows of the last."""
    from imis_plugin.planning.tables import no_cycle_collection

    conn = connect(dsn)
    try:
        with no_cycle_collection(), conn.cursor() as cur:
            cur.execute("SET LOCAL jit = off")
            cur.execute("SET LOCAL work_mem = '64MB'")
            for statement in statements[:-1]:
                cur.execute(statement, params)
            cur.execute(statements[-1], params)
            return cur.fetchall()
    finally:
        conn.rollback()
        conn.close()


# --- the hand-written anchors (b): the same answers, written directly in the best forms ----------------

BUILDING_COLUMNS = None  # filled from the catalog: every column but the geometry, then its WKB


def anchors(dsn, drain_ids, drain_codes):
    cols = ", ".join(f"b.{c}" for c in BUILDING_COLUMNS["building"])
    ccols = ", ".join(f"c.{c}" for c in BUILDING_COLUMNS["containment"])
    ward_of = (
        "(SELECT array_agg(DISTINCT w.number::text) FROM imis_core.ward w WHERE w.geom && {g} "
        "AND ST_Intersects(w.geom, ST_Centroid({g})))"
    )
    lic_of = (
        "(SELECT array_agg(DISTINCT l.code) FROM imis_core.low_income_community l WHERE l.geom && {g} "
        "AND ST_Intersects(l.geom, {g}))"
    )
    gap = (
        "CASE WHEN c.last_emptied_date IS NOT NULL THEN CASE WHEN c.last_emptied_date < DATE '2023-01-01' "
        "THEN 'overdue' END WHEN c.construction_date IS NULL THEN 'no_date' "
        "WHEN c.construction_date < DATE '2023-01-01' THEN 'never_emptied' END"
    )
    return {
        "buffer": [
            f"""WITH hit AS (SELECT DISTINCT b.id FROM imis_core.water_body wb JOIN imis_core.building b
                ON ST_DWithin(b.geom, wb.geom, {DISTANCE}))
                SELECT {cols}, ST_AsBinary(b.geom), {ward_of.format(g="b.geom")}, b.population
                FROM hit JOIN imis_core.building b USING (id)"""
        ],
        "buffer (DISTINCT ON)": [
            f"""SELECT DISTINCT ON (b.id) {cols}, ST_AsBinary(b.geom), {ward_of.format(g="b.geom")}, b.population
                FROM imis_core.water_body wb JOIN imis_core.building b ON ST_DWithin(b.geom, wb.geom, {DISTANCE})
                ORDER BY b.id"""
        ],
        "buffer (ids only, issue's form)": [
            f"""SELECT DISTINCT b.id FROM imis_core.water_body w JOIN imis_core.building b
                ON ST_DWithin(b.geom, w.geom, {DISTANCE})"""
        ],
        "candidates": [
            f"""WITH pair AS (SELECT DISTINCT ON (b.id) b.id, d.id AS did, d.code, ST_Distance(b.geom, d.geom) AS dist
                FROM imis_core.drain d JOIN imis_core.building b ON ST_DWithin(b.geom, d.geom, 30)
                WHERE b.drain_id IS NULL AND d.id = ANY(%(drains)s::uuid[])
                ORDER BY b.id, ST_Distance(b.geom, d.geom), d.id)
                SELECT {cols}, ST_AsBinary(b.geom), pair.did, pair.code, pair.dist,
                       row_number() OVER (ORDER BY pair.dist, pair.id)
                FROM pair JOIN imis_core.building b USING (id) ORDER BY pair.dist, pair.id"""
        ],
        "candidates (DISTINCT ON carrying the columns)": [
            f"""SELECT *, row_number() OVER (ORDER BY dist, bid) FROM (
                SELECT DISTINCT ON (b.id) {cols}, ST_AsBinary(b.geom), b.id AS bid, d.id AS did, d.code,
                ST_Distance(b.geom, d.geom) AS dist
                FROM imis_core.drain d JOIN imis_core.building b ON ST_DWithin(b.geom, d.geom, 30)
                WHERE b.drain_id IS NULL AND d.id = ANY(%(drains)s::uuid[])
                ORDER BY b.id, ST_Distance(b.geom, d.geom), d.id) x ORDER BY dist, bid"""
        ],
        "ward summary": [
            """SELECT w.number, count(*), sum(b.population) FROM imis_core.ward w JOIN imis_core.building b
               ON w.geom && b.geom AND ST_Intersects(w.geom, ST_Centroid(b.geom)) GROUP BY 1""",
            "SELECT count(*), sum(population) FROM imis_core.building",
            """SELECT floor(ST_X(p) / 500), floor(ST_Y(p) / 500), count(*), sum(v)
               FROM (SELECT ST_Centroid(geom) p, population v FROM imis_core.building) x GROUP BY 1, 2""",
        ],
        "ward summary (one aggregate per ward)": [
            """SELECT w.number, x.n, x.s FROM imis_core.ward w CROSS JOIN LATERAL (SELECT count(*) n,
               sum(b.population) s FROM imis_core.building b WHERE w.geom && b.geom
               AND ST_Intersects(w.geom, ST_Centroid(b.geom))) x""",
            "SELECT count(*), sum(population) FROM imis_core.building",
            """SELECT floor(ST_X(p) / 500), floor(ST_Y(p) / 500), count(*), sum(v)
               FROM (SELECT ST_Centroid(geom) p, population v FROM imis_core.building) x GROUP BY 1, 2""",
        ],
        "vehicle access": [
            f"""SELECT {cols}, ST_AsBinary(b.geom), CASE WHEN EXISTS (SELECT 1 FROM imis_core.road r
                WHERE ST_DWithin(r.geom, b.geom, {HOSE})) THEN 'narrow_road' ELSE 'too_far' END
                FROM imis_core.building b WHERE NOT EXISTS (SELECT 1 FROM imis_core.road r
                WHERE ST_DWithin(r.geom, b.geom, {HOSE}) AND r.width_m >= {WIDTH})"""
        ],
        "groundwater risk": [
            f"""WITH wp AS (SELECT DISTINCT ON (c.id) c.id, w.code, ST_Distance(c.location, w.geom) d
                FROM imis_core.water_point w JOIN imis_core.containment c ON ST_DWithin(c.location, w.geom, 30)
                ORDER BY c.id, 3, w.id),
                wb AS (SELECT DISTINCT ON (c.id) c.id, w.code, ST_Distance(c.location, w.geom) d
                FROM imis_core.water_body w JOIN imis_core.containment c ON ST_DWithin(c.location, w.geom, 30)
                ORDER BY c.id, 3, w.id)
                SELECT {ccols}, ST_AsBinary(c.location), wp.code, wp.d, wb.code, wb.d
                FROM wp FULL JOIN wb USING (id) JOIN imis_core.containment c USING (id)""",
        ],
        "groundwater risk (pairs planned alone, rows by key)": [
            f"""WITH wp AS (WITH p AS MATERIALIZED (SELECT c.id, w.code, ST_Distance(c.location, w.geom) d, w.id wid
                FROM imis_core.water_point w JOIN imis_core.containment c ON ST_DWithin(c.location, w.geom, 30))
                SELECT DISTINCT ON (id) id, code, d FROM p ORDER BY id, d, wid),
                wb AS (WITH p AS MATERIALIZED (SELECT c.id, w.code, ST_Distance(c.location, w.geom) d, w.id wid
                FROM imis_core.water_body w JOIN imis_core.containment c ON ST_DWithin(c.location, w.geom, 30))
                SELECT DISTINCT ON (id) id, code, d FROM p ORDER BY id, d, wid),
                hit AS (SELECT coalesce(wp.id, wb.id) AS id, wp.code wpc, wp.d wpd, wb.code wbc, wb.d wbd
                FROM wp FULL JOIN wb ON wp.id = wb.id)
                SELECT r.*, hit.wpc, hit.wpd, hit.wbc, hit.wbd FROM hit CROSS JOIN LATERAL
                (SELECT {ccols}, ST_AsBinary(c.location) FROM imis_core.containment c WHERE c.id = hit.id) r""",
        ],
        "buffer (pairs planned alone)": [
            f"""WITH p AS MATERIALIZED (SELECT b.id AS bid, {cols}, ST_AsBinary(b.geom) AS wkb,
                {ward_of.format(g="b.geom")} AS wards FROM imis_core.water_body wb JOIN imis_core.building b
                ON ST_DWithin(b.geom, wb.geom, {DISTANCE})) SELECT DISTINCT ON (bid) * FROM p ORDER BY bid"""
        ],
        "service gaps": [
            f"""SELECT * FROM (SELECT {ccols}, ST_AsBinary(c.location), {gap} AS status,
                round((DATE '{AS_OF}' - coalesce(c.last_emptied_date, c.construction_date))::numeric / 365.25, 2),
                {ward_of.format(g="c.location")}, {lic_of.format(g="c.location")}
                FROM imis_core.containment c) x WHERE status IS NOT NULL""",
            f"""SELECT count(*), count(*) FILTER (WHERE {gap} IS NOT NULL) FROM imis_core.containment c""",
            f"""SELECT w.number, x.* FROM imis_core.ward w CROSS JOIN LATERAL (SELECT count(*),
               count(*) FILTER (WHERE {gap} IS NOT NULL) FROM imis_core.containment c WHERE w.geom && c.location
               AND ST_Intersects(w.geom, c.location)) x""",
            f"""SELECT l.code, x.* FROM imis_core.low_income_community l CROSS JOIN LATERAL (SELECT count(*),
               count(*) FILTER (WHERE {gap} IS NOT NULL) FROM imis_core.containment c WHERE l.geom && c.location
               AND ST_Intersects(l.geom, c.location)) x""",
            f"""SELECT count(*), count(*) FILTER (WHERE {gap} IS NOT NULL) FROM imis_core.containment c
               WHERE NOT EXISTS (SELECT 1 FROM imis_core.low_income_community l WHERE l.geom && c.location
               AND ST_Intersects(l.geom, c.location))""",
            f"""WITH g AS (SELECT bc.building_id AS id, count(*) AS n FROM imis_core.building_containment bc
               JOIN imis_core.containment c ON c.id = bc.containment_id WHERE {gap} IS NOT NULL GROUP BY 1)
               SELECT {cols}, ST_AsBinary(b.geom), g.n FROM g JOIN imis_core.building b USING (id)""",
        ],
    }


# --- the cores ------------------------------------------------------------------------------------------


def cores(layers, drain_ids, drain_codes):
    from imis_plugin.planning import access, attributes, buffer, connections, gaps, groundwater, toilets
    from imis_plugin.planning.inputs import Input, pg_table
    from imis_plugin.planning.native import Env
    from imis_plugin.planning.sqlrun import Session
    from imis_plugin.planning.tables import no_cycle_collection
    from qgis.core import QgsCoordinateTransformContext

    def item(name, keys=None):
        layer = layers[name]
        return Input(label=name, source=layer, layer=layer, pg=pg_table(layer), selected_keys=keys)

    env = Env(layers["building"].crs(), QgsCoordinateTransformContext())
    dsn = pg_table(layers["building"]).dsn
    b, wards = item("building"), item("ward")

    def session(fn):
        def run():  # as the Processing algorithm runs it
            with no_cycle_collection(), Session(dsn) as s:
                return fn(s)

        return run

    import datetime as dt

    gap_spec = gaps.GapSpec(
        years=3,
        as_of=dt.date.fromisoformat(AS_OF),
        last_emptied="last_emptied_date",
        built="construction_date",
        ward_label="number",
        lic_label="code",
        containment_key="id",
        building_key="id",
        link_building="building_id",
        link_containment="containment_id",
    )
    return {
        "buffer": session(
            lambda s: buffer.run_sql(
                s,
                buffer.BufferInputs(b, item("water_body"), None, wards),
                buffer.BufferSpec(DISTANCE, population="population", ward_label="number"),
                env,
            )
        ),
        "candidates": session(
            lambda s: connections.run_sql(
                s, item("drain", drain_ids), b, connections.ConnectionSpec(30, "drain_id", "code"), env
            )
        ),
        "ward summary": session(
            lambda s: attributes.run_sql(
                s,
                b,
                attributes.Condition(None),
                wards,
                attributes.SummarySpec("population", "number", 500),
                env,
                {"wards", "grid"},
            )
        ),
        "vehicle access": session(
            lambda s: access.run_sql(s, item("road"), b, access.AccessSpec(WIDTH, HOSE, "width_m"), env)
        ),
        "groundwater risk": session(
            lambda s: groundwater.run_sql(
                s,
                item("containment"),
                item("water_point"),
                item("water_body"),
                groundwater.RiskSpec(30, "containment_type", [], "code", "code"),
                env,
            )
        ),
        "toilet access": session(
            lambda s: toilets.run_sql(
                s,
                b,
                item("toilet"),
                item("building_toilet"),
                item("road"),
                toilets.ToiletSpec(250, "id", "id", "building_id", "toilet_id", "code"),
                env,
            )
        ),
        "service gaps": session(
            lambda s: gaps.run_sql(
                s,
                item("containment"),
                wards,
                item("low_income_community"),
                b,
                item("building_containment"),
                gap_spec,
                env,
            )
        ),
    }


# --- the native chains (a) ------------------------------------------------------------------------------


def chains(layers, drain_layer):
    import processing
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeatureSourceDefinition,
        QgsProcessingFeedback,
        QgsProject,
    )

    def run(alg, params):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run(
            alg, {**params, "OUTPUT": "memory:"}, context=context, feedback=QgsProcessingFeedback()
        )["OUTPUT"]

    L = layers

    def buffer_chain():
        buffers = run("native:buffer", {"INPUT": L["water_body"], "DISTANCE": DISTANCE, "SEGMENTS": 5})
        return run(
            "native:extractbylocation", {"INPUT": L["building"], "PREDICATE": [0], "INTERSECT": buffers}
        )

    def candidates_chain():
        open_ = run(
            "native:extractbyexpression", {"INPUT": L["building"], "EXPRESSION": '"drain_id" IS NULL'}
        )
        return run(
            "native:joinbynearest",
            {
                "INPUT": open_,
                "INPUT_2": QgsProcessingFeatureSourceDefinition(drain_layer.id(), True),
                "NEIGHBORS": 1,
                "MAX_DISTANCE": 30,
                "DISCARD_NONMATCHING": True,
            },
        )

    def ward_chain():
        centroids = run("native:centroids", {"INPUT": L["building"]})
        wards = run(
            "qgis:joinbylocationsummary",
            {
                "INPUT": L["ward"],
                "JOIN": centroids,
                "PREDICATE": [0],
                "JOIN_FIELDS": ["population"],
                "SUMMARIES": [0, 5],
            },
        )
        grid = run(
            "native:creategrid",
            {
                "TYPE": 2,
                "EXTENT": L["building"].extent(),
                "HSPACING": 500,
                "VSPACING": 500,
                "CRS": L["building"].crs(),
            },
        )
        run(
            "qgis:joinbylocationsummary",
            {
                "INPUT": grid,
                "JOIN": centroids,
                "PREDICATE": [0],
                "JOIN_FIELDS": ["population"],
                "SUMMARIES": [0, 5],
                "DISCARD_NONMATCHING": True,
            },
        )
        return wards

    def vehicle_chain():
        wide = run("native:extractbyexpression", {"INPUT": L["road"], "EXPRESSION": f'"width_m" >= {WIDTH}'})
        reach = run("native:buffer", {"INPUT": wide, "DISTANCE": HOSE, "SEGMENTS": 5})
        return run("native:extractbylocation", {"INPUT": L["building"], "PREDICATE": [2], "INTERSECT": reach})

    def groundwater_chain():
        points = run("native:buffer", {"INPUT": L["water_point"], "DISTANCE": 30, "SEGMENTS": 5})
        bodies = run("native:buffer", {"INPUT": L["water_body"], "DISTANCE": 30, "SEGMENTS": 5})
        near_points = run(
            "native:extractbylocation", {"INPUT": L["containment"], "PREDICATE": [0], "INTERSECT": points}
        )
        run("native:extractbylocation", {"INPUT": L["containment"], "PREDICATE": [0], "INTERSECT": bodies})
        return near_points

    def gaps_chain():
        gap = run(
            "native:extractbyexpression",
            {
                "INPUT": L["containment"],
                "EXPRESSION": 'coalesce("last_emptied_date", "construction_date") < to_date(\'2023-01-01\') '
                'OR coalesce("last_emptied_date", "construction_date") IS NULL',
            },
        )
        run(
            "qgis:joinbylocationsummary",
            {"INPUT": L["ward"], "JOIN": gap, "PREDICATE": [0], "JOIN_FIELDS": ["code"], "SUMMARIES": [0]},
        )
        run(
            "qgis:joinbylocationsummary",
            {
                "INPUT": L["low_income_community"],
                "JOIN": gap,
                "PREDICATE": [0],
                "JOIN_FIELDS": ["code"],
                "SUMMARIES": [0],
            },
        )
        return gap

    return {
        "buffer": buffer_chain,
        "candidates": candidates_chain,
        "ward summary": ward_chain,
        "vehicle access": vehicle_chain,
        "groundwater risk": groundwater_chain,
        "service gaps": gaps_chain,
    }


def toilet_chain_estimate(layers, dsn, sample=5):
    """native:shortestpathpointtolayer from each toilet to its dependants' centroids; time a few toilets and
    scale to all of them (the chain is one run per toilet)."""
    import processing
    from qgis.core import QgsFeatureRequest, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    rows = sql_rows(
        dsn,
        [
            "SELECT t.code, ST_X(t.geom), ST_Y(t.geom), array_agg(bt.building_id::text) "
            "FROM imis_core.toilet t JOIN imis_core.building_toilet bt ON bt.toilet_id = t.id "
            "GROUP BY 1, 2, 3 ORDER BY 1"
        ],
    )
    crs = layers["building"].crs().authid()
    start = time.perf_counter()
    for code, x, y, buildings in rows[:sample]:
        ids = ",".join(f"'{b}'" for b in buildings)  # uuids from our own database
        dependants = layers["building"].materialize(
            QgsFeatureRequest().setFilterExpression(f'"id" IN ({ids})')
        )
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        centroids = processing.run(
            "native:centroids", {"INPUT": dependants, "OUTPUT": "memory:"}, context=context
        )["OUTPUT"]
        processing.run(
            "native:shortestpathpointtolayer",
            {
                "INPUT": layers["road"],
                "STRATEGY": 0,
                "START_POINT": f"{x},{y} [{crs}]",
                "END_POINTS": centroids,
                "TOLERANCE": 0.001,
                "OUTPUT": "memory:",
            },
            context=context,
            feedback=QgsProcessingFeedback(),
        )
    per_toilet = (time.perf_counter() - start) / min(sample, len(rows))
    return per_toilet * len(rows), len(rows)


# --- qgis_process ---------------------------------------------------------------------------------------


def qgis_process_runs(dsn, drain_codes, runs, workdir: Path):
    from imis_plugin import packaging

    plugins, profile = workdir / "plugins", workdir / "profile"
    profile.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(packaging.build(workdir / "imis_plugin.zip")) as archive:
        archive.extractall(plugins)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QGIS_CUSTOM_CONFIG_PATH=str(profile),
        QGIS_PLUGINPATH=str(plugins),
        PYTHONPATH=sysconfig.get_paths()["purelib"],
    )
    exe = "/usr/bin/qgis_process.bin"
    subprocess.run(
        [exe, "plugins", "enable", packaging.PLUGIN_FOLDER], env=env, check=True, capture_output=True
    )

    def uri(table, geometry="geom"):
        return f'postgres://{dsn} key=\'id\' table="imis_core"."{table}" ({geometry})'

    gpkg = workdir / "out.gpkg"
    calls = {
        "buffer": [
            "imis:buffer_analysis",
            f"SOURCE={uri('water_body')}",
            f"DISTANCE={DISTANCE}",
            f"BUILDINGS={uri('building')}",
            f"WARDS={uri('ward')}",
            f"OUTPUT=ogr:dbname='{gpkg}' table=near_water (geom)",
            f"SUMMARY=ogr:dbname='{gpkg}' table=summary",
        ],
        "candidates": [
            "imis:connection_candidates",
            f"NETWORK={uri('drain')}",
            f"ONLY={','.join(drain_codes)}",
            f"BUILDINGS={uri('building')}",
            "DISTANCE=30",
            f"OUTPUT=ogr:dbname='{gpkg}' table=candidates (geom)",
        ],
        "ward summary": [
            "imis:attribute_summary",
            f"INPUT={uri('building')}",
            f"WARDS={uri('ward')}",
            f"WARD_SUMMARY=ogr:dbname='{gpkg}' table=wards",
        ],
        "ward and 500 m grid summaries": [
            "imis:attribute_summary",
            f"INPUT={uri('building')}",
            f"WARDS={uri('ward')}",
            f"WARD_SUMMARY=ogr:dbname='{gpkg}' table=wards",
            f"GRID_SUMMARY=ogr:dbname='{gpkg}' table=grid (geom)",
        ],
    }
    out = {}
    for name, args in calls.items():
        times = []
        for _ in range(runs):
            gpkg.unlink(missing_ok=True)
            start = time.perf_counter()
            done = subprocess.run(
                [exe, "--json", "run", args[0], "--", *args[1:]], env=env, capture_output=True, text=True
            )
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                raise RuntimeError(f"{name}: {done.stdout[-500:]} {done.stderr[-2000:]}")
            assert json.loads(done.stdout)["results"]["ENGINE_USED"] == "postgis"
        out[name] = statistics.median(times)
    return out


# --- main -----------------------------------------------------------------------------------------------


def city_database(cluster, n):
    dsn = cluster.ensure_database(f"planning_{n}")
    conn = connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT to_regclass('imis_core.building') IS NOT NULL")
            ready = cur.fetchone()[0]
            if ready:
                cur.execute("SELECT count(*) FROM imis_core.building")
                ready = cur.fetchone()[0] == n
    finally:
        conn.close()
    if not ready:
        upgrade(dsn, srid=32645)
        start = time.perf_counter()
        make_city(dsn, n)
        print(f"# generated {n} buildings in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return dsn


def bench_size(dsn, n, args, lines):
    from qgis.core import QgsProject, QgsVectorLayer

    global BUILDING_COLUMNS
    BUILDING_COLUMNS = {
        t: [
            r[0]
            for r in sql_rows(
                dsn,
                [
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'imis_core' AND table_name = %s "
                    "AND udt_name <> 'geometry' ORDER BY ordinal_position"
                ],
                (t,),
            )
        ]
        for t in ("building", "containment")
    }
    tables = {
        "building": "geom",
        "water_body": "geom",
        "ward": "geom",
        "drain": "geom",
        "road": "geom",
        "containment": "location",
        "water_point": "geom",
        "toilet": "geom",
        "low_income_community": "geom",
        "building_toilet": None,
        "building_containment": None,
    }
    layers = {}
    for table, geometry in tables.items():
        layer = QgsVectorLayer(
            f'{dsn} key=\'id\' table="imis_core"."{table}"' + (f" ({geometry})" if geometry else ""),
            table,
            "postgres",
        )
        assert layer.isValid(), table
        layers[table] = layer
    QgsProject.instance().addMapLayers(list(layers.values()), False)
    drains = sql_rows(dsn, [f"SELECT id::text, code FROM imis_core.drain ORDER BY code LIMIT {DRAINS}"])
    drain_ids, drain_codes = [d[0] for d in drains], [d[1] for d in drains]
    layers["drain"].selectByExpression('"code" IN (' + ",".join(f"'{c}'" for c in drain_codes) + ")")
    core_fns, hand = cores(layers, drain_ids, drain_codes), anchors(dsn, drain_ids, drain_codes)
    chain_fns = chains(layers, layers["drain"])
    chain_runs = 1 if n >= 500_000 else args.runs
    for name in core_fns:
        if args.only and name not in args.only:
            continue
        core_t, core_result = timed(core_fns[name], args.runs)
        hand_t = hand_n = None
        # the best of the hand-written forms of the same answer
        for form in (k for k in hand if (k == name or k.startswith(name + " (")) and "ids only" not in k):
            t, rows = timed(lambda: sql_rows(dsn, hand[form], {"drains": drain_ids}), args.runs)
            if hand_t is None or t < hand_t:
                hand_t, hand_n = t, len(rows)
        if name == "toilet access":
            chain_t, toilets_n = toilet_chain_estimate(layers, dsn) if not args.no_chains else (None, 0)
            chain_note = f"native:shortestpathpointtolayer, one run per toilet (5 timed, x{toilets_n})"
            hand_t = None
        elif args.no_chains:
            chain_t, chain_note = None, ""
        else:
            chain_t, _ = timed(chain_fns[name], chain_runs)
            chain_note = ""
        ratio = f"{core_t / hand_t:.2f}" if hand_t else "—"
        lines.append(
            f"| {name} | {n:,} | {count(core_result):,} | {core_t:.3f} | "
            f"{'%.3f' % hand_t if hand_t else '—'} | {ratio} | {'%.2f' % chain_t if chain_t else '—'} |"
            + (f" {chain_note}" if chain_note else "")
        )
        print(lines[-1], file=sys.stderr)
        if (
            hand_n is not None
            and hand_n != count(core_result)
            and name not in ("ward summary", "service gaps")
        ):
            print(f"# {name}: anchor gave {hand_n} rows, core {count(core_result)}", file=sys.stderr)
    if "buffer" in hand and (not args.only or "buffer" in args.only):
        t, rows = timed(lambda: sql_rows(dsn, hand["buffer (ids only, issue's form)"]), args.runs)
        lines.append(
            f"| buffer, anchor ids only (the issue's form) | {n:,} | {len(rows):,} | — | {t:.3f} | — | — |"
        )
    QgsProject.instance().removeAllMapLayers()
    return drain_codes


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[156_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data-dir", help="keep the cluster (and the generated cities) here for re-runs")
    parser.add_argument("--only", nargs="*", help="algorithm names to run (default all)")
    parser.add_argument("--no-chains", action="store_true", help="skip the native chains")
    parser.add_argument("--no-qgis-process", action="store_true")
    args = parser.parse_args()

    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()

    home = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="imis-bench-planning-"))
    home.mkdir(parents=True, exist_ok=True)
    home.chmod(0o755)
    cluster = Cluster(home / "cluster")
    cluster.start(port=None if cluster.exists() else free_port(57100))
    lines = [
        "| algorithm | buildings | result rows | core s | best SQL s | core / SQL | native chain s |",
        "|---|---|---|---|---|---|---|",
    ]
    process_lines = ["| whole run through qgis_process | buildings | s |", "|---|---|---|"]
    try:
        for n in args.sizes:
            dsn = city_database(cluster, n)
            codes = bench_size(dsn, n, args, lines)
            if not args.no_qgis_process:
                with tempfile.TemporaryDirectory() as work:
                    for name, t in qgis_process_runs(dsn, codes, args.runs, Path(work)).items():
                        process_lines.append(f"| {name} | {n:,} | {t:.2f} |")
                        print(process_lines[-1], file=sys.stderr)
    finally:
        if args.data_dir:
            cluster.stop()
        else:
            cluster.destroy()
    print("\n".join(lines))
    print()
    print("\n".join(process_lines))


if __name__ == "__main__":
    main()
