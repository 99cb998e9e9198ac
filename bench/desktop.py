"""Desktop benchmark: the IMIS project on a Khulna-size city (156,000 buildings).

    .venv/bin/python bench/desktop.py [--buildings 156000] [--service NAME] [--keep]

1. Opening the project and rendering its full extent at 1600x1200 (every visible layer, the shipped styles),
   against the anchor: the plain buildings layer with QGIS's default style at the same size and extent.
   Target: no more than 1.5x the anchor.
2. One-ID search on the same city: median and worst time of typical searches (a BIN, a holding code, an
   owner's name with and without accents, a phone number, a containment code). Target: under 100 ms.

Without --service the benchmark makes its own database in a private cluster (removed afterwards unless
--keep) and fills it with the demo-city generator (`imis demo-city`) when available, else with a quick
synthetic grid city made here. Times are medians of several runs after one warm-up (data cached).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RUNS = 5
SIZE = (1600, 1200)


def synthetic_city(dsn: str, buildings: int) -> None:
    """A grid city: buildings with holdings and owners, containments (43 % of buildings), wards, roads,
    low-income communities and a year of FSM service (applications, emptyings, disposals, feedback).
    Set-based SQL; triggers are skipped (replica mode) because this is bench data."""
    from imis_plugin.db.connect import transaction

    side = int(buildings**0.5) + 1
    statements = [
        "SET LOCAL session_replication_role = replica",
        "UPDATE imis_core.city SET name = 'Bench City', code = 'BEN', city_kind = 'city_corporation', "
        "boundary = ST_Multi(ST_MakeEnvelope(700000, 2500000, 700000 + 20 * %(side)s, 2500000 + 20 * %(side)s, srid))",
        # 36 wards in a 6x6 grid
        "INSERT INTO imis_core.ward (number, name, geom) SELECT i * 6 + j + 1, 'Ward ' || (i * 6 + j + 1), "
        "ST_Multi(ST_MakeEnvelope(700000 + i * 20 * %(side)s / 6.0, 2500000 + j * 20 * %(side)s / 6.0, "
        "700000 + (i + 1) * 20 * %(side)s / 6.0, 2500000 + (j + 1) * 20 * %(side)s / 6.0, 32645)) "
        "FROM generate_series(0, 5) i, generate_series(0, 5) j",
        # a road every 10 buildings, both ways
        "INSERT INTO imis_core.road (code, name, hierarchy, surface, width_m, geom) "
        "SELECT 'R-' || d || '-' || k, 'Road ' || d || k, (ARRAY['strategic_urban','feeder','other','other'])[1 + k %% 4], "
        "'metalled', 6, ST_Multi(CASE WHEN d = 'x' THEN ST_MakeLine(ST_Point(700000, 2500000 + k * 200 - 4, 32645), "
        "ST_Point(700000 + 20 * %(side)s, 2500000 + k * 200 - 4, 32645)) ELSE ST_MakeLine(ST_Point(700000 + k * 200 - 4, "
        "2500000, 32645), ST_Point(700000 + k * 200 - 4, 2500000 + 20 * %(side)s, 32645)) END) "
        "FROM unnest(ARRAY['x','y']) d, generate_series(1, %(side)s / 10) k",
        "INSERT INTO imis_core.building (bin, functional_use, structure_type, floor_count, population, household_count, "
        "sanitation_system, ward_id, geom) "
        "SELECT 'B' || lpad(n::text, 7, '0'), 'residential', (ARRAY['rcc_framed','load_bearing','cgi_sheet'])[1 + n %% 3], "
        "1 + n %% 4, 3 + n %% 9, 1 + n %% 3, "
        "(ARRAY['septic_tank','pit_holding_tank','sewer_network','drain_network','shared_septic_tank','open_ground'])[1 + (n * 7) %% 6], "
        "(SELECT w.id FROM imis_core.ward w WHERE w.number = 1 + ((n %% %(side)s) * 6 / %(side)s) * 6 + ((n / %(side)s) * 6 / %(side)s)), "
        "ST_Multi(ST_MakeEnvelope(700000 + (n %% %(side)s) * 20 + 2, 2500000 + (n / %(side)s) * 20 + 2, "
        "700000 + (n %% %(side)s) * 20 + 14 + n %% 3, 2500000 + (n / %(side)s) * 20 + 16, 32645)) "
        "FROM generate_series(0, %(n)s - 1) n",
        "INSERT INTO imis_core.owner (name, phone) "
        "SELECT (ARRAY['Rahima','Karim','Abdul','Fatema','Nasrin','José','Hasan','Shirin','Mónica','Jamal'])[1 + n %% 10] "
        "|| ' ' || (ARRAY['Khatun','Mia','Rahman','Begum','Hossain','Ahmed','Islam','Sarkar'])[1 + (n / 10) %% 8] "
        "|| ' ' || n, '+88017' || lpad(n::text, 8, '0') FROM generate_series(0, %(n)s * 4 / 5) n",
        "INSERT INTO imis_core.holding (holding_code, owner_id) "
        "SELECT lpad((1 + n / 100000)::text, 2, '0') || '-' || lpad(((n / 10000) %% 1000)::text, 3, '0') || '-' "
        "|| lpad((n %% 10000)::text, 4, '0') || '-00', o.id "
        "FROM generate_series(0, %(n)s - 1) n "
        "JOIN (SELECT id, row_number() OVER (ORDER BY phone) - 1 AS k FROM imis_core.owner) o ON o.k = n * 4 / 5",
        "INSERT INTO imis_core.building_holding (building_id, holding_id) "
        "SELECT b.id, h.id FROM (SELECT id, row_number() OVER (ORDER BY bin) r FROM imis_core.building) b "
        "JOIN (SELECT id, row_number() OVER (ORDER BY holding_code) r FROM imis_core.holding) h USING (r)",
        "INSERT INTO imis_core.containment (code, containment_type, volume_m3, location) "
        "SELECT 'C-' || lpad(r::text, 6, '0'), (ARRAY['septic_tank_soak_pit','septic_tank_drain','unlined_pit',"
        "'lined_pit_soak_pit','double_pit'])[1 + r %% 5], 3 + r %% 6, ST_Translate(ST_Centroid(geom), 0, -6) "
        "FROM (SELECT geom, row_number() OVER (ORDER BY bin) r FROM imis_core.building) b WHERE r %% 7 < 3",
        "INSERT INTO imis_core.building_containment (building_id, containment_id) "
        "SELECT b.id, c.id FROM imis_core.containment c JOIN imis_core.building b "
        "ON ST_DWithin(b.geom, c.location, 1) AND b.geom && ST_Expand(c.location, 1)",
        # low-income communities: a block in every fourth ward
        "INSERT INTO imis_core.low_income_community (code, name, ward_id, population, geom) "
        "SELECT 'LIC-' || w.number, 'Community ' || w.number, w.id, 400, "
        "ST_Multi(ST_Buffer(ST_Centroid(w.geom), 150, 'quad_segs=2')) FROM imis_core.ward w WHERE w.number %% 4 = 0",
        "UPDATE imis_core.building b SET lic_id = l.id FROM imis_core.low_income_community l "
        "WHERE b.geom && l.geom AND ST_Intersects(b.geom, l.geom)",
        # the FSM service: plants, providers, a year of applications with their chain
        "INSERT INTO imis_core.treatment_plant (code, name, plant_type, capacity_m3_per_day, geom) VALUES "
        "('TP-1', 'North FSTP', 'fstp', 60, ST_Point(700100, 2500000 + 20 * %(side)s - 100, 32645)), "
        "('TP-2', 'South co-treatment', 'co_treatment', 40, ST_Point(700000 + 20 * %(side)s - 100, 2500100, 32645))",
        "INSERT INTO imis_fsm.service_provider (code, name) VALUES ('SP-1', 'City Emptying Unit'), "
        "('SP-2', 'Clean Khulna Ltd'), ('SP-3', 'Community Vacutug Group')",
        "INSERT INTO imis_fsm.application (code, provider_id, building_id, containment_id, application_date, "
        "is_emergency) SELECT 'A-' || lpad(r::text, 6, '0'), "
        "(SELECT id FROM imis_fsm.service_provider ORDER BY code OFFSET r %% 3 LIMIT 1), bc.building_id, "
        "bc.containment_id, current_date - (r * 37 %% 365)::int, r %% 17 = 0 "
        "FROM (SELECT building_id, containment_id, row_number() OVER (ORDER BY containment_id) r "
        "FROM imis_core.building_containment) bc WHERE r %% 9 = 0",
        "INSERT INTO imis_fsm.emptying (application_id, emptied_date, volume_m3, trips, method) "
        "SELECT id, least(current_date, application_date + (abs(hashtext(code)) %% 12)), "
        "2 + abs(hashtext(code)) %% 5, 1 + abs(hashtext(code)) %% 3, 'mechanical' "
        "FROM imis_fsm.application WHERE abs(hashtext(code)) %% 10 < 8",
        "INSERT INTO imis_fsm.disposal (emptying_id, plant_id, disposed_date, volume_m3) "
        "SELECT e.id, (SELECT id FROM imis_core.treatment_plant ORDER BY code OFFSET abs(hashtext(e.id::text)) %% 2 "
        "LIMIT 1), e.emptied_date, e.volume_m3 FROM imis_fsm.emptying e WHERE abs(hashtext(e.id::text)) %% 10 < 9",
        "INSERT INTO imis_fsm.feedback (application_id, feedback_date, satisfaction, crew_wore_ppe) "
        "SELECT e.application_id, e.emptied_date, 2 + abs(hashtext(e.id::text)) %% 4, "
        "abs(hashtext(e.id::text)) %% 7 <> 0 FROM imis_fsm.emptying e WHERE abs(hashtext(e.id::text)) %% 5 < 3",
    ]
    with transaction(dsn) as conn, conn.cursor() as cur:
        for statement in statements:
            cur.execute(statement, {"n": buildings, "side": side})
    from imis_plugin.db.connect import connect

    conn = connect(dsn)
    conn.autocommit = True  # VACUUM runs outside a transaction
    try:
        with conn.cursor() as cur:
            cur.execute("VACUUM ANALYZE")
    finally:
        conn.close()


def populate(dsn: str, buildings: int) -> str:
    """Fill the database with the demo-city generator when it exists, else the synthetic grid."""
    try:
        from imis_plugin import demo_city  # noqa: F401 (another module: use it when it is there)

        generate = getattr(demo_city, "generate", None)
    except ImportError:
        generate = None
    if generate is not None:
        generate(dsn, buildings=buildings)
        return "imis demo-city"
    synthetic_city(dsn, buildings)
    return "synthetic grid (bench/desktop.py)"


def bench_render(target: str, folder: Path) -> dict:
    from qgis.core import QgsMapRendererSequentialJob, QgsProject, QgsVectorLayer

    from imis_plugin.project.builder import build_project
    from imis_plugin.project.screenshots import ensure_qgis, map_settings, visible_layers

    ensure_qgis()
    path = folder / "bench.qgz"
    start = time.perf_counter()
    build_project(target, path)
    built = time.perf_counter() - start

    project = QgsProject.instance()
    start = time.perf_counter()
    project.read(str(path))
    opened = time.perf_counter() - start
    extent = project.viewSettings().defaultViewExtent()

    def render(layers):
        settings = map_settings(project, extent, SIZE)
        settings.setLayers(layers)
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
        return job.renderedImage()

    layers = visible_layers(project)
    buildings = next(layer for layer in layers if layer.customProperty("imis/table") == "imis_core.building")
    plain = QgsVectorLayer(buildings.source(), "plain buildings", "postgres")  # QGIS's default style
    # alternate the two renderings so that load from elsewhere on the machine hits both alike
    render(layers), render([plain])
    project_times, anchor_times = [], []
    for _ in range(RUNS + 2):
        for times, which in ((project_times, layers), (anchor_times, [plain])):
            start = time.perf_counter()
            render(which)
            times.append(time.perf_counter() - start)
    project_time, anchor_time = statistics.median(project_times), statistics.median(anchor_times)
    render(layers).save(str(folder / "bench_project.png"))
    project.clear()
    return {
        "build_s": built,
        "open_s": opened,
        "render_project_s": project_time,
        "render_anchor_s": anchor_time,
        "ratio": project_time / anchor_time,
        "layers": len(layers),
    }


def searches(dsn: str) -> list[tuple[str, str]]:
    """Typical searches, taken from the city itself: what a clerk types for each key."""
    from imis_plugin.db.connect import connect

    conn = connect(dsn)
    try:
        with conn.cursor() as cur:

            def one(query):
                cur.execute(query)
                row = cur.fetchone()
                return row[0] if row else None

            middle = "OFFSET (SELECT count(*) / 2 FROM {})"
            bin_ = one(
                "SELECT bin FROM imis_core.building ORDER BY bin " + middle.format("imis_core.building")
            )
            holding = one(
                "SELECT holding_code FROM imis_core.holding ORDER BY holding_code "
                + middle.format("imis_core.holding")
            )
            owner = one(
                "SELECT name FROM imis_core.owner WHERE name ~ '[A-Za-z]' ORDER BY name "
                + middle.format("imis_core.owner")
            )
            accented = one("SELECT name FROM imis_core.owner WHERE name ~ '[^ -~]' ORDER BY name LIMIT 1")
            phone = one(
                "SELECT phone FROM imis_core.owner WHERE phone IS NOT NULL ORDER BY phone "
                + middle.format("imis_core.owner")
            )
            code = one(
                "SELECT code FROM imis_core.containment ORDER BY code "
                + middle.format("imis_core.containment")
            )
    finally:
        conn.close()
    import unicodedata

    def plain(text):
        return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))

    rows = [
        ("BIN", bin_),
        ("BIN, first characters", bin_[: max(3, len(bin_) - 2)] if bin_ else None),
        ("holding code", holding),
        ("owner name, lower case", owner.lower() if owner else None),
        ("owner name typed without accents", plain(accented).upper() if accented else None),
        ("phone, digits only", "".join(ch for ch in phone if ch.isdigit())[-11:] if phone else None),
        ("containment code", code),
        ("a common word", "begum"),
    ]
    return [(name, text) for name, text in rows if text]


def bench_search(dsn: str) -> list[tuple[str, str, float, float, int]]:
    from imis_plugin.one_id import OneIdClient

    client = OneIdClient(dsn)
    rows = []
    for name, text in searches(dsn):
        times = []
        hits = client.search(text)
        for _ in range(RUNS * 2):
            start = time.perf_counter()
            hits = client.search(text)
            times.append(time.perf_counter() - start)
        rows.append((name, text, statistics.median(times) * 1000, max(times) * 1000, len(hits)))
    client.close()
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--buildings", type=int, default=156_000)
    parser.add_argument("--service", help="an existing, populated IMIS database (pg_service name)")
    parser.add_argument("--keep", action="store_true", help="keep the private cluster and its database")
    args = parser.parse_args(argv)

    from imis_plugin.db.cluster import Cluster, free_port
    from imis_plugin.db.migrate import upgrade
    from imis_plugin.db.service_file import write_service

    cluster = None
    folder = Path(tempfile.mkdtemp(prefix="imis-bench-desktop-"))
    os.chmod(folder, 0o755)
    try:
        if args.service:
            target = args.service
            from imis_plugin.db.connect import resolve_dsn

            dsn = resolve_dsn(target)
            source = f"service {target}"
        else:
            cluster = Cluster(folder / "cluster")
            cluster.start(port=free_port(57500), fast=True)
            dsn = cluster.ensure_database("bench")
            upgrade(dsn, srid=32645)
            start = time.perf_counter()
            source = populate(dsn, args.buildings)
            print(
                f"city: {args.buildings:,} buildings from {source} in {time.perf_counter() - start:.0f} s",
                file=sys.stderr,
            )
            os.environ["PGSERVICEFILE"] = str(folder / "pg_service.conf")
            write_service(
                "imis_bench",
                {
                    "host": str(cluster.socket_dir),
                    "port": cluster.port,
                    "dbname": "bench",
                    "user": "postgres",
                },
            )
            target = "imis_bench"
        render = bench_render(target, folder)
        searches = bench_search(dsn)
    finally:
        if cluster is not None and not args.keep:
            cluster.destroy()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            print(f"kept: {folder} (bench_project.png is the rendered project)", file=sys.stderr)
    print(f"\n## Desktop ({args.buildings:,} buildings, {source})\n")
    print("| measure | time | note |\n|---|---|---|")
    print(
        f"| build the IMIS project (.qgz) | {render['build_s']:.2f} s | {render['layers']} visible map layers |"
    )
    print(f"| open the project | {render['open_s']:.2f} s | |")
    print(
        f"| render full extent 1600x1200, IMIS project | {render['render_project_s']:.2f} s | "
        f"ratio to anchor {render['ratio']:.2f}x (target <= 1.5x) |"
    )
    print(f"| anchor: plain buildings layer, default style | {render['render_anchor_s']:.2f} s | |")
    for name, text, median, worst, hits in searches:
        print(
            f"| One-ID search: {name} `{text}` | {median:.1f} ms | worst {worst:.1f} ms, {hits} hits (target < 100 ms) |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
