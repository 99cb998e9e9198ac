"""QField benchmark: package a 5,000-building ward, then import 2,000 field edits.

    .venv/bin/python bench/qfield.py [--city demo --buildings 156000 --seed 1 | --city grid --wards 31
                                      --per-ward 5000] [--edits 2000] [--runs 3]

The city is made in a private cluster: by default with `imis demo-city` (a Khulna-size city of 156,000
buildings in 31 wards, with containments, networks and FSM history), then the wards with about 5,000
buildings are packaged; `--city grid` makes a plainer one with set-based SQL (wards of `--per-ward`
buildings on a jittered grid, a containment for every second building, roads). Run n
packages the n-th such ward (survey purpose: buildings, containments, links, background layers, code lists, QGIS
project with forms, zip), then edits the returned GeoPackage with OGR the way a field team would
(half changed buildings, a quarter new buildings, containments changed, links deleted) and imports it;
then imports it again (nothing to do). Targets (issue 8): packaging under 15 s, the 2,000 edits under 10 s.
Not run by CI; prints a Markdown table for bench/RESULTS.md.
"""
import argparse
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from psycopg2.extensions import parse_dsn

from imis_plugin.db.cluster import Cluster, free_port
from imis_plugin.db.connect import transaction
from imis_plugin.db.migrate import upgrade
from imis_plugin.qfield import Area, create_package, import_package

SRID = 32645
BLOCK = 25.0  # metres between building origins


def make_city(dsn: str, wards: int, per_ward: int) -> None:
    """`wards` square wards side by side, each with `per_ward` buildings, half of them with a containment."""
    side = int(per_ward ** 0.5) + 1
    ward_size = side * BLOCK
    with transaction(dsn) as conn, conn.cursor() as cur:
        params = {"wards": wards, "per": per_ward, "side": side, "size": ward_size, "srid": SRID,
                  "x": 700000.0, "y": 2590000.0}
        cur.execute("""INSERT INTO imis_core.ward (number, name, geom)
            SELECT w, 'Ward ' || w, ST_Multi(ST_MakeEnvelope(%(x)s + (w - 1) * %(size)s, %(y)s,
                                                         %(x)s + w * %(size)s, %(y)s + %(size)s, %(srid)s))
            FROM generate_series(1, %(wards)s) w""", params)
        cur.execute("""INSERT INTO imis_core.road (code, name, hierarchy, surface, width_m, geom)
            SELECT 'R' || w || '-' || r, 'Road ' || r, 'other', 'brick_paved', 3.5,
                   ST_SetSRID(ST_Multi(ST_MakeLine(ST_MakePoint(%(x)s + (w - 1) * %(size)s, %(y)s + r * 250 + 20),
                                                   ST_MakePoint(%(x)s + w * %(size)s, %(y)s + r * 250 + 20))), %(srid)s)
            FROM generate_series(1, %(wards)s) w, generate_series(0, (%(size)s / 250)::int) r""", params)
        cur.execute("""INSERT INTO imis_core.building (bin, structure_type, functional_use, floor_count,
                household_count, population, ward_id, sanitation_system, surveyed_date, geom)
            SELECT 'B' || lpad(((w - 1) * %(per)s + i)::text, 7, '0'),
                   (ARRAY['rcc_framed', 'load_bearing', 'cgi_sheet'])[1 + i %% 3], 'residential', 1 + i %% 4,
                   1 + i %% 5, 3 + i %% 20, wd.id, 'septic_tank', date '2025-01-01' + i %% 300,
                   ST_Multi(ST_MakeEnvelope(
                       %(x)s + (w - 1) * %(size)s + (i %% %(side)s) * 25 + 2 + i %% 3,
                       %(y)s + (i / %(side)s) * 25 + 2 + i %% 5,
                       %(x)s + (w - 1) * %(size)s + (i %% %(side)s) * 25 + 14 + i %% 7,
                       %(y)s + (i / %(side)s) * 25 + 12 + i %% 4, %(srid)s))
            FROM generate_series(1, %(wards)s) w JOIN imis_core.ward wd ON wd.number = w,
                 generate_series(0, %(per)s - 1) i""", params)
        cur.execute("""INSERT INTO imis_core.containment (code, containment_type, volume_m3, location)
            SELECT 'C' || substr(bin, 2), 'septic_tank_soak_pit', 3 + (row_number() OVER ()) % 6,
                   ST_Translate(ST_PointOnSurface(geom), 0, -4)
            FROM imis_core.building WHERE substr(bin, 8, 1) IN ('0', '2', '4', '6', '8')""")
        cur.execute("""INSERT INTO imis_core.building_containment (building_id, containment_id)
            SELECT b.id, c.id FROM imis_core.building b JOIN imis_core.containment c
            ON c.code = 'C' || substr(b.bin, 2)""")
        cur.execute("ANALYZE")


def wards_near(dsn: str, buildings: int, count: int) -> list[tuple[int, int]]:
    """The `count` wards whose number of buildings is closest to `buildings`."""
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("""SELECT w.number, count(b.id) FROM imis_core.ward w
                       JOIN imis_core.building b ON w.geom && b.geom AND ST_Intersects(w.geom, ST_PointOnSurface(b.geom))
                       GROUP BY w.number ORDER BY abs(count(b.id) - %s), w.number LIMIT %s""", (buildings, count))
        return cur.fetchall()


def field_edits(folder: Path, edits: int, run: int) -> dict:
    """Change the package's GeoPackage as a field team would: returns the counts by kind."""
    from osgeo import ogr

    ogr.UseExceptions()
    ds = ogr.Open(str(folder / "data.gpkg"), 1)
    buildings, containments = ds.GetLayerByName("building"), ds.GetLayerByName("containment")
    links = ds.GetLayerByName("building_containment")
    n_update, n_new = edits // 2, edits // 4
    n_containment, n_delete = edits // 8, edits - edits // 2 - edits // 4 - edits // 8
    ds.StartTransaction()
    for n, feature in enumerate(buildings):
        if n >= n_update:
            break
        feature.SetField("floor_count", 1 + (feature.GetField("floor_count") or 0) % 5)
        feature.SetField("name", f"Surveyed {n}")
        buildings.SetFeature(feature)
    buildings.ResetReading()
    template = buildings.GetNextFeature()
    for n in range(n_new):
        feature = ogr.Feature(buildings.GetLayerDefn())
        for field in ("ward_id", "structure_type", "functional_use", "sanitation_system"):
            feature.SetField(field, template.GetField(field))
        feature.SetField("id", str(uuid.uuid4()))
        feature.SetField("bin", f"N{run}-{n:06d}")
        envelope = template.GetGeometryRef().GetEnvelope()
        x, y = envelope[0] + 4 + (n % 40) * 0.1, envelope[2] + 4 + (n // 40) * 0.1  # inside the first block
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"MULTIPOLYGON((({x} {y},{x + 0.05} {y},{x + 0.05} {y + 0.05},{x} {y + 0.05},{x} {y})))"))
        buildings.CreateFeature(feature)
    for n, feature in enumerate(containments):
        if n >= n_containment:
            break
        feature.SetField("volume_m3", 7.5 + run)
        feature.SetField("notes", f"Lid replaced (visit {run + 1})")
        containments.SetFeature(feature)
    fids = [f.GetFID() for n, f in zip(range(n_delete), links)]
    for fid in fids:
        links.DeleteFeature(fid)
    ds.CommitTransaction()
    ds = None
    return {"updated buildings": n_update, "new buildings": n_new, "updated containments": n_containment,
            "deleted links": n_delete}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--city", choices=["demo", "grid"], default="demo")
    parser.add_argument("--buildings", type=int, default=156_000, help="demo city size")
    parser.add_argument("--seed", type=int, default=1, help="demo city seed")
    parser.add_argument("--wards", type=int, default=31)
    parser.add_argument("--per-ward", type=int, default=5000)
    parser.add_argument("--edits", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from imis_plugin.project.screenshots import ensure_qgis

    ensure_qgis()
    home = Path(tempfile.mkdtemp(prefix="imis-bench-qfield-"))
    os.chmod(home, 0o755)
    cluster = Cluster(home / "cluster")
    cluster.start(port=free_port(57000), fast=True)
    try:
        dsn = cluster.ensure_database("qfield_bench")
        upgrade(dsn, srid=SRID)
        started = time.perf_counter()
        if args.city == "demo":
            from imis_plugin.demo_city.generator import generate

            generate(dsn, buildings=args.buildings, seed=args.seed)
        else:
            make_city(dsn, args.wards, args.per_ward)
        wards = wards_near(dsn, 5000, args.runs)
        print(f"city ({args.city}) made in {time.perf_counter() - started:.1f} s; packaged wards (number, "
              f"buildings): {wards}")
        superuser = parse_dsn(dsn)["user"]  # the field user: the cluster's owner here
        package_s, import_s, again_s = [], [], []
        for run in range(args.runs):
            number = wards[run % len(wards)][0]
            folder = home / f"ward{number}_{run}"
            started = time.perf_counter()
            result = create_package(dsn, folder, "survey", area=Area(wards=[number]))
            package_s.append(time.perf_counter() - started)
            counts = field_edits(folder, args.edits, run)
            started = time.perf_counter()
            applied = import_package(dsn, folder, field_user=superuser)
            import_s.append(time.perf_counter() - started)
            assert applied.applied == args.edits and not applied.issues, applied.summary()
            started = time.perf_counter()
            again = import_package(dsn, folder, field_user=superuser)
            again_s.append(time.perf_counter() - started)
            assert again.applied == 0
            print(f"run {run + 1}: package {package_s[-1]:.2f} s ({result.layers['building']} buildings), "
                  f"import {import_s[-1]:.2f} s ({counts}), again {again_s[-1]:.2f} s")
        print()
        print("| work | rows | median s | runs | target s |")
        print("|---|---|---|---|---|")
        print(f"| package a ward (survey: project, GeoPackage, zip) | {result.layers['building']:,} buildings, "
              f"{result.layers['containment']:,} containments | {statistics.median(package_s):.2f} | "
              f"{args.runs} | 15 |")
        print(f"| import field edits | {args.edits:,} edits | {statistics.median(import_s):.2f} | {args.runs} | 10 |")
        print(f"| import the same package again (nothing to do) | {args.edits:,} edits | "
              f"{statistics.median(again_s):.2f} | {args.runs} | — |")
    finally:
        cluster.destroy()


if __name__ == "__main__":
    main()
