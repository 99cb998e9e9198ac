"""Foundation benchmark: creating the embedded cluster and installing the schema, against the anchor of
restoring the same schema from a `pg_dump --schema-only` with psql (the fastest way to get the same tables).

    .venv/bin/python bench/database.py [--runs 3]

Not run by CI. Prints a Markdown table for bench/RESULTS.md.
"""
import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from imis_plugin.db.cluster import Cluster, free_port
from imis_plugin.db.migrate import upgrade


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    home = Path(tempfile.mkdtemp(prefix="imis-bench-"))
    home.chmod(0o755)
    cluster = Cluster(home / "cluster")
    results = {"cluster start (initdb, first time)": [timed(lambda: cluster.start(port=free_port(57000)))]}
    try:
        dump = home / "schema.sql"
        for i in range(runs):
            dsn = cluster.ensure_database(f"fresh_{i}")
            results.setdefault("imis db upgrade, empty database to head", []).append(
                timed(lambda: upgrade(dsn, srid=32645)))
        subprocess.run(["pg_dump", "--schema-only", "--no-owner", "-f", str(dump), "-d", cluster.dsn("fresh_0")],
                       check=True)
        for i in range(runs):
            dsn = cluster.ensure_database(f"anchor_{i}")
            results.setdefault("anchor: psql restore of pg_dump --schema-only", []).append(
                timed(lambda: subprocess.run(["psql", "-q", "-X", "-v", "ON_ERROR_STOP=0", "-o", "/dev/null",
                                              "-f", str(dump), "-d", dsn], check=True, capture_output=True)))
        for i in range(runs):
            dsn = cluster.dsn(f"fresh_{i}")
            results.setdefault("imis db upgrade at head (nothing to do)", []).append(timed(lambda: upgrade(dsn)))
    finally:
        cluster.destroy()
    print("| work | median s | runs |\n|---|---|---|")
    for work, times in results.items():
        print(f"| {work} | {statistics.median(times):.2f} | {len(times)} |")


if __name__ == "__main__":
    main()
