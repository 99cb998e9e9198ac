"""Import and export benchmark: a Khulna-size GeoPackage of 156,000 buildings.

    .venv/bin/python bench/transfer.py [--buildings 156000] [--runs 3]

Anchor for the import (issue 3): `ogr2ogr -f PostgreSQL --config PG_USE_COPY YES` loading the same file into a
plain table (no validation, no rules). Target: `imis import` no slower. Second anchor: ogr2ogr's COPY of the
same file into the city's own building table (its indexes, rules and audit trail), without validation. Exports of the buildings to GeoPackage and
Excel: each under 15 s. The synthetic file is made with set-based SQL in a scratch database, then written out
with ogr2ogr (deterministic: the same file every run). Not run by CI; prints a Markdown table for
bench/RESULTS.md.
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from imis_plugin.db.cluster import Cluster, free_port
from imis_plugin.db.connect import transaction
from imis_plugin.db.migrate import upgrade
from imis_plugin.transfer.export import run_export
from imis_plugin.transfer.importer import run_import

SRID = 32645
WARDS = 31
MAPPING = """
[[layer]]
source = "buildings"
target = "building"
[layer.fields]
bin = "bin"
structure_type = { source = "structure", values = { "Pucca" = "rcc_framed", "Semi-pucca" = "load_bearing", "Tin" = "cgi_sheet", "Kacha" = "wooden_mud" } }
functional_use = "use"
floor_count = "floors"
household_count = "households"
population = "population"
ward_id = "ward_no"
surveyed_date = "surveyed"
"""


def synthetic_buildings(dsn: str, n: int, path: Path) -> None:
    """n building footprints on a jittered grid in 31 ward strips, with survey-style attributes."""
    side = int(n ** 0.5) + 1
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS synth_buildings")
        cur.execute("""
            CREATE TABLE synth_buildings AS
            SELECT i AS fid, 'K' || lpad(i::text, 7, '0') AS bin,
                   (ARRAY['Pucca', 'Semi-pucca', 'Tin', 'Kacha'])[1 + (i * 7) %% 4] AS structure,
                   (ARRAY['residential', 'residential', 'residential', 'mixed', 'commercial', 'educational'])[1 + (i * 13) %% 6] AS use,
                   1 + (i * 17) %% 5 AS floors, 1 + (i * 3) %% 8 AS households, 4 + (i * 11) %% 30 AS population,
                   1 + (i %% %(side)s) * %(wards)s / %(side)s AS ward_no,
                   (date '2023-01-01' + (i %% 400))::text AS surveyed,
                   ST_Multi(ST_MakeEnvelope(700000 + (i %% %(side)s) * 25 + (i %% 3),
                                            2590000 + (i / %(side)s) * 25 + (i %% 5),
                                            700000 + (i %% %(side)s) * 25 + (i %% 3) + 10 + (i %% 7),
                                            2590000 + (i / %(side)s) * 25 + (i %% 5) + 8 + (i %% 4), %(srid)s))
                       ::geometry(MultiPolygon, %(srid)s) AS geom
            FROM generate_series(1, %(n)s) i""", {"n": n, "side": side, "wards": WARDS, "srid": SRID})
    path.unlink(missing_ok=True)
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(path), f"PG:{dsn}", "synth_buildings", "-nln", "buildings",
                    "-nlt", "MULTIPOLYGON"], check=True)


def city(cluster: Cluster, name: str, n: int) -> str:
    """A database at head with the wards the buildings refer to (ward strips over the synthetic city)."""
    dsn = cluster.ensure_database(name)
    upgrade(dsn, srid=SRID)
    side = int(n ** 0.5) + 1
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("""INSERT INTO imis_core.ward (number, geom)
            SELECT w, ST_Multi(ST_MakeEnvelope(700000 + (w - 1) * %(width)s, 2590000, 700000 + w * %(width)s,
                                                2590000 + %(side)s * 25 + 25, %(srid)s))
            FROM generate_series(1, %(wards)s) w""", {"width": side * 25.0 / WARDS, "side": side, "wards": WARDS,
                                                     "srid": SRID})
    return dsn


def ogr2ogr_into_building(dsn: str, gpkg: Path) -> None:
    """ogr2ogr's COPY of the file into the IMIS building table: the mapping done by ogr2ogr's SQL (value map,
    ward numbers to ids), no validation. GDAL's PostgreSQL driver appends to this existing table with one
    INSERT per row (75 s), so its PGDump driver writes the COPY stream and psql sends it, as GDAL does."""
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT number, id FROM imis_core.ward")
        wards = " ".join(f"WHEN {number} THEN '{ward}'" for number, ward in cur.fetchall())
    query = ("SELECT bin, CASE structure WHEN 'Pucca' THEN 'rcc_framed' WHEN 'Semi-pucca' THEN 'load_bearing' "
             "WHEN 'Tin' THEN 'cgi_sheet' WHEN 'Kacha' THEN 'wooden_mud' END AS structure_type, "
             "use AS functional_use, floors AS floor_count, households AS household_count, population, "
             f"CASE ward_no {wards} END AS ward_id, surveyed AS surveyed_date, geom FROM buildings")
    dump = subprocess.Popen(["ogr2ogr", "--config", "PG_USE_COPY", "YES", "-f", "PGDump", "/vsistdout/", str(gpkg),
                             "-dialect", "SQLite", "-sql", query, "-nln", "building", "-lco", "SCHEMA=imis_core",
                             "-lco", "CREATE_SCHEMA=OFF", "-lco", "CREATE_TABLE=OFF", "-lco", "DROP_TABLE=OFF",
                             "-lco", "SPATIAL_INDEX=NONE", "-lco", "GEOMETRY_NAME=geom"], stdout=subprocess.PIPE)
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-o", "/dev/null", dsn], stdin=dump.stdout,
                   check=True)
    dump.stdout.close()
    assert dump.wait() == 0
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM imis_core.building WHERE ward_id IS NOT NULL")
        assert cur.fetchone()[0] > 0


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--buildings", type=int, default=156_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    n, runs = args.buildings, args.runs
    home = Path(tempfile.mkdtemp(prefix="imis-bench-"))
    home.chmod(0o755)
    cluster = Cluster(home / "cluster")
    cluster.start(port=free_port(57100))
    results: dict[str, list[float]] = {}
    breakdown: dict[str, list[dict]] = {}

    def record(work, seconds):
        results.setdefault(work, []).append(seconds)

    try:
        scratch = cluster.ensure_database("scratch")
        gpkg = home / "buildings.gpkg"
        mapping = home / "buildings.toml"
        mapping.write_text(MAPPING, encoding="utf-8")
        record(f"make the synthetic GeoPackage ({n:,} buildings)", timed(lambda: synthetic_buildings(scratch, n, gpkg))[0])
        anchor = cluster.ensure_database("anchor")
        for _ in range(runs):
            record("anchor: ogr2ogr -f PostgreSQL --config PG_USE_COPY YES (plain table + GiST index)",
                   timed(lambda: subprocess.run(["ogr2ogr", "-f", "PostgreSQL", "--config", "PG_USE_COPY", "YES",
                                                 "-overwrite", f"PG:{anchor}", str(gpkg), "buildings", "-nln", "anchor"],
                                                check=True))[0])
        for i in range(runs):
            same = city(cluster, f"anchor_city_{i}", n)
            record("anchor: the same, into imis_core.building of an empty city (its indexes, rules, audit)",
                   timed(lambda: ogr2ogr_into_building(same, gpkg))[0])
        for i in range(runs):
            dsn = city(cluster, f"city_{i}", n)
            seconds, result = timed(lambda: run_import(dsn, mapping, [gpkg], dry_run=True))
            assert not result.rejected and result.total("inserted") == n, result.summary()
            record("imis import --dry-run: read, reproject, stage (COPY), validate; nothing written", seconds)
            breakdown.setdefault("dry run", []).append(result.timings)
            seconds, result = timed(lambda: run_import(dsn, mapping, [gpkg]))
            assert result.written and result.total("inserted") == n, result.summary()
            record("imis import into the empty city (validated, written with triggers, audit, indexes)", seconds)
            breakdown.setdefault("first import", []).append(result.timings)
            seconds, result = timed(lambda: run_import(dsn, mapping, [gpkg]))
            assert result.total("unchanged") == n, result.summary()
            record("imis import again, nothing changed (idempotent re-run)", seconds)
        dsn = cluster.dsn("city_0")
        out = home / "out"
        out.mkdir()
        for fmt, name in (("gpkg", "b.gpkg"), ("xlsx", "b.xlsx"), ("csv", "b.csv"), ("shp", "b.zip")):
            for _ in range(runs):
                seconds, result = timed(lambda: run_export(dsn, ["building"], fmt, out / name))
                assert result.rows == {"building": n}
                record(f"imis export building --format {fmt}", seconds)
            size = os.path.getsize(out / name) / 1e6
            results[f"imis export building --format {fmt}"].append(-size)  # kept apart below
    finally:
        cluster.destroy()
    print(f"| work ({n:,} buildings) | median s | runs |\n|---|---|---|")
    for work, values in results.items():
        times = [v for v in values if v >= 0]
        sizes = [-v for v in values if v < 0]
        note = f" ({sizes[0]:.0f} MB)" if sizes else ""
        print(f"| {work}{note} | {statistics.median(times):.2f} | {len(times)} |")
    for label, items in breakdown.items():
        parts = {k: statistics.median(t[k] for t in items) for k in items[0]}
        print(f"\n{label}: " + ", ".join(f"{k} {v:.2f} s" for k, v in parts.items()))


if __name__ == "__main__":
    main()
