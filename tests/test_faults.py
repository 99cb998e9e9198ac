"""Faults (issue 12): a job killed in the middle, or a server restarted under a Processing run, leaves the
database as it was, and the retry finishes the job exactly once.

Each kill test starts the real `imis` command as a subprocess on an input big enough to take seconds, waits
for a sign that it is mid-work (its backend, found by application name in pg_stat_activity, running the
statement of the phase to hit, or holding the write lock on the target table), waits a little more, and
sends SIGKILL: no handler runs, no rollback is sent. Then: the killed job's backend is gone and its locks
and temp tables with it within seconds, every IMIS table has the same rows as before (count and checksum of
each), and a plain retry finishes with each row written once.

The server-restart test runs a Processing algorithm through qgis_process against a private cluster of its
own (never the session's shared one), stops that server in immediate mode (as a crash) in the middle and
starts it again: the run must fail promptly with a message saying the connection was lost and nothing was
written, the database must hold no part of the run, and running it again must succeed.

Sizes and rounds are small here; bench/reliability.py raises them (IMIS_FAULT_ROUNDS: faults per job,
cycling over the job's phases before the one retry; IMIS_FAULT_ROWS: input size; IMIS_FAULT_SEED).
"""
import csv
import os
import random
import signal
import subprocess
import sys
import sysconfig
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from psycopg2.extensions import parse_dsn

from imis_plugin.db.cluster import Cluster, free_port
from imis_plugin.db.connect import CLIENT_CHECK_MS, connect, transaction
from imis_plugin.db.migrate import upgrade

from .conftest import TEST_SRID
from .reliability import scaled
from .sample_city import X, Y, populate
from .test_backup import fingerprint
from .test_package import QGIS_PROCESS, _install

ROUNDS = scaled("IMIS_FAULT_ROUNDS", 1)
ROWS = scaled("IMIS_FAULT_ROWS", 40_000)
SEED = scaled("IMIS_FAULT_SEED", 12)
# a killed client's backend notices within CLIENT_CHECK_MS (db.connect); room for a busy machine
RELEASE_SECONDS = 10
FY, QUARTER = 2025, 1
CODE = f"HT-{FY}-Q{QUARTER}"


@dataclass(frozen=True)
class Phase:
    """Where a job is hit: while its backend runs a statement starting with `query`, or holds the write lock
    (ROW EXCLUSIVE) on `writes`; the fault comes up to `delay` seconds after the phase starts (less than the
    phase lasts, which is checked)."""

    name: str
    query: str | None = None
    writes: str | None = None
    delay: float = 0.3


# --- helpers ----------------------------------------------------------------------------------------------


def monitor(dsn):
    conn = connect(dsn)
    conn.autocommit = True
    return conn


def at_phase(cur, app: str, phase: Phase) -> bool:
    cur.execute("""
        SELECT EXISTS (SELECT 1 FROM pg_stat_activity a
                       WHERE a.application_name = %(app)s AND a.state = 'active'
                       AND (a.query LIKE %(query)s OR EXISTS (
                           SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.mode = 'RowExclusiveLock'
                           AND l.relation = to_regclass(%(writes)s))))""",
                {"app": app, "query": (phase.query or "\x01") + "%", "writes": phase.writes})
    return cur.fetchone()[0]


def wait_for(cur, proc: subprocess.Popen, app: str, phase: Phase, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not at_phase(cur, app, phase):
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"the job ended before reaching '{phase.name}' (exit {proc.returncode}): the input "
                        f"is too small to hit it, or the job failed:\n{out}\n{err}")
        assert time.monotonic() < deadline, f"the job never reached '{phase.name}'"
        time.sleep(0.005)


def backends(cur, app: str) -> int:
    cur.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", (app,))
    return cur.fetchone()[0]


def kill_mid(dsn: str, command: list[str], phase: Phase, rng: random.Random, reliability, env=None) -> float:
    """Run `command`, SIGKILL it in `phase`, wait for its backend to end; returns the seconds that took."""
    app = f"imis-fault-{uuid.uuid4().hex[:8]}"
    conn = monitor(dsn)
    try:
        with conn.cursor() as cur:
            proc = subprocess.Popen(command, env={**os.environ, **(env or {}), "PGAPPNAME": app},
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                wait_for(cur, proc, app, phase)
                time.sleep(rng.uniform(0, phase.delay))  # somewhere in the phase, not always at its first row
                assert at_phase(cur, app, phase), f"the job left '{phase.name}' before the kill: more rows"
                proc.send_signal(signal.SIGKILL)
                proc.communicate(timeout=30)
            finally:
                if proc.poll() is None:
                    proc.kill()
            reliability.add("faults injected")
            reliability.add(f"faults injected: {phase.name}")
            killed = time.monotonic()
            while backends(cur, app):  # the server notices the dead client and rolls back
                assert time.monotonic() - killed < RELEASE_SECONDS, \
                    f"the killed job's backend still runs {RELEASE_SECONDS:.0f} s later, holding its locks"
                time.sleep(0.01)
            seconds = time.monotonic() - killed
            reliability.max("seconds until a killed job's locks were released (max)", round(seconds, 2))
            # nothing else holds a lock in this database, and the killed session's temp tables are gone
            cur.execute("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                        "WHERE a.datname = current_database() AND a.backend_type = 'client backend' "
                        "AND l.pid <> pg_backend_pid()")
            assert cur.fetchone()[0] == 0
            cur.execute("SELECT count(*) FROM pg_class WHERE relpersistence = 't'")
            assert cur.fetchone()[0] == 0, "staging tables of the killed job survived it"
            cur.execute("SELECT count(*) FROM pg_prepared_xacts")
            assert cur.fetchone()[0] == 0
            return seconds
    finally:
        conn.close()


def imis(*args: str) -> list[str]:
    return [sys.executable, "-m", "imis_plugin.cli", *args]


def run_to_the_end(command: list[str]) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def rows(dsn, query, params=None):
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(query, params)
        return cur.fetchall()


def scalar(dsn, query, params=None):
    return rows(dsn, query, params)[0][0]


def faults(dsn, command, phases, reliability, env=None) -> None:
    """ROUNDS kills of `command`, cycling over `phases`; after each the database is as before."""
    rng = random.Random(SEED)
    before = fingerprint(dsn)
    for n in range(ROUNDS):
        kill_mid(dsn, command, phases[n % len(phases)], rng, reliability, env)
        after = fingerprint(dsn)
        changed = sorted(t for t in before if after.get(t) != before[t])
        assert changed == [], f"a killed job left rows behind in {changed}"


def test_a_killed_client_stops_its_statement_within_seconds(migrated_dsn, reliability):
    """The server checks that an IMIS client is still there during a long statement (db.connect): a killed
    job's statement is rolled back within seconds instead of running on with its locks (here: 60 s)."""
    script = ("from imis_plugin.db.connect import connect\n"
              "conn = connect(__import__('sys').argv[1])\n"
              "conn.cursor().execute('SELECT pg_sleep(60)')\n")
    seconds = kill_mid(migrated_dsn, [sys.executable, "-c", script, migrated_dsn],
                       Phase("a client's long statement", query="SELECT pg_sleep"), random.Random(SEED),
                       reliability)
    assert seconds < 3 * CLIENT_CHECK_MS / 1000 + 2


# --- the data: a city with many holdings, a big building file ---------------------------------------------


def add_holdings(dsn: str, n: int, ward_id) -> None:
    """n standard holdings in ward 1 with annual values, and the year's rates."""
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("""INSERT INTO imis_core.holding (holding_code, ward_id, annual_value_bdt)
                       SELECT '02-' || lpad((g / 10000)::text, 3, '0') || '-'
                              || lpad((g %% 10000)::text, 4, '0') || '-00', %s, 12000 + (g %% 97) * 100
                       FROM generate_series(1, %s) g""", (ward_id, n))
        cur.execute("INSERT INTO imis_revenue.tax_rate (fiscal_year, holding_tax_pct, conservancy_pct, "
                    "lighting_pct) VALUES (%s, 7, 7, 3)", (FY,))
        cur.execute("ANALYZE imis_core.holding")


def check_bill_run(dsn: str, reliability) -> int:
    """One bill run, one bill per billable holding, numbered 1..n without a gap; returns n."""
    billable = scalar(dsn, "SELECT count(*) FROM imis_core.holding WHERE annual_value_bdt > 0")
    assert rows(dsn, "SELECT code, state, bill_count FROM imis_revenue.bill_run") == [
        (CODE, "draft", billable)]
    count, holdings, numbers = rows(dsn, "SELECT count(*), count(DISTINCT holding_id), "
                                         "count(DISTINCT bill_number) FROM imis_revenue.bill")[0]
    missing = scalar(dsn, "SELECT count(*) FROM generate_series(1, %s) g WHERE NOT EXISTS (SELECT 1 FROM "
                          "imis_revenue.bill WHERE bill_number = %s || '-' || lpad(g::text, 6, '0'))",
                     (billable, CODE))
    reliability.add("rows lost", missing)
    reliability.add("rows duplicated", count - holdings)
    assert (count, holdings, numbers, missing) == (billable, billable, billable, 0)
    return billable


def write_buildings_csv(path: Path, n: int) -> Path:
    """n small square buildings on a grid inside ward 1 of the sample city, as CSV with WKT."""
    side = int(n ** 0.5) + 1
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["BIN", "USE", "FLOORS", "WARD", "WKT"])
        for i in range(n):
            x, y = X + 50 + (i % side) * 3, Y + 600 + (i // side) * 3
            out.writerow([f"F{i:07d}", "residential", 1 + i % 5, 1,
                          f"POLYGON(({x} {y},{x + 2} {y},{x + 2} {y + 2},{x} {y + 2},{x} {y}))"])
    return path


IMPORT_MAPPING = f"""
crs = "EPSG:{TEST_SRID}"
[[layer]]
target = "building"
geometry = {{ wkt = "WKT" }}
[layer.fields]
bin = "BIN"
functional_use = "USE"
floor_count = "FLOORS"
ward_id = "WARD"
"""


# --- imis import --------------------------------------------------------------------------------------------

IMPORT_PHASES = [Phase("import: writing rows", writes="imis_core.building"),
                 Phase("import: staging the file", query="COPY ", delay=0),
                 Phase("import: validating", query='CREATE TEMP TABLE "imis_typed', delay=0.1)]


def test_an_import_killed_midway_leaves_nothing_and_the_retry_loads_each_row_once(head_dsn, tmp_path,
                                                                                  reliability):
    populate(head_dsn)
    mapping = tmp_path / "buildings.toml"
    mapping.write_text(IMPORT_MAPPING, encoding="utf-8")
    source = write_buildings_csv(tmp_path / "survey.csv", ROWS)
    command = imis("import", "--dsn", head_dsn, str(mapping), str(source))

    faults(head_dsn, command, IMPORT_PHASES, reliability)
    done = run_to_the_end(command)
    assert f"{ROWS} new" in done.stdout, done.stdout
    reliability.add("jobs retried")
    loaded = rows(head_dsn, "SELECT count(*), count(DISTINCT bin) FROM imis_core.building "
                            "WHERE bin LIKE 'F%%'")[0]
    inserts = scalar(head_dsn, "SELECT count(*) FROM imis_audit.log WHERE table_name = 'building' "
                               "AND action = 'INSERT' AND new_row->>'bin' LIKE 'F%%'")
    reliability.add("rows lost", ROWS - loaded[1])
    reliability.add("rows duplicated", inserts - loaded[1])
    assert loaded == (ROWS, ROWS) and inserts == ROWS  # each row written once, audited once
    # and once more changes nothing: the job is done
    assert f"0 new, 0 changed, {ROWS} unchanged" in run_to_the_end(command).stdout


# --- imis qfield import -------------------------------------------------------------------------------------

QFIELD_PHASES = [Phase("QField sync: updating rows", query='UPDATE "imis_core"."building"', delay=0.1),
                 Phase("QField sync: inserting rows", query='INSERT INTO "imis_core"."building"', delay=0.05)]


def field_edits(gpkg: Path, updates: int, new: int) -> None:
    """What a survey team does in QField: `updates` buildings re-surveyed, `new` buildings drawn."""
    from osgeo import ogr

    ogr.UseExceptions()
    ds = ogr.Open(str(gpkg), 1)
    layer = ds.GetLayerByName("building")
    ds.StartTransaction()
    layer.SetAttributeFilter("bin LIKE 'Q%'")
    changed = 0
    for feature in layer:
        if changed == updates:
            break
        feature.SetField("floor_count", 9)
        feature.SetField("name", "Re-surveyed")
        layer.SetFeature(feature)
        changed += 1
    layer.SetAttributeFilter(None)
    layer.ResetReading()
    template = next(iter(layer))
    for n in range(new):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name in ("ward_id", "structure_type", "functional_use", "sanitation_system"):
            feature.SetField(name, template.GetField(name))
        feature.SetField("id", str(uuid.uuid4()))
        feature.SetField("bin", f"NEW{n:06d}")
        x, y = X + 1500 + (n % 100) * 3, Y + 1200 + (n // 100) * 3
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"MULTIPOLYGON((({x} {y},{x + 2} {y},{x + 2} {y + 2},{x} {y + 2},{x} {y})))"))
        layer.CreateFeature(feature)
    ds.CommitTransaction()
    ds = None
    assert changed == updates


def test_a_qfield_sync_killed_midway_leaves_nothing_and_the_retry_applies_each_edit_once(
        head_dsn, tmp_path, qgis_app, reliability):
    from imis_plugin.qfield import Area, create_package

    ids = populate(head_dsn)
    buildings = ROWS // 2
    with transaction(head_dsn) as conn, conn.cursor() as cur:
        side = int(buildings ** 0.5) + 1
        cur.execute("""INSERT INTO imis_core.building (bin, ward_id, functional_use, floor_count, geom)
                       SELECT 'Q' || lpad(i::text, 6, '0'), %(ward)s, 'residential', 1,
                              ST_Multi(ST_MakeEnvelope(
                                  %(x)s + (i %% %(side)s) * 3, %(y)s + (i / %(side)s) * 3,
                                  %(x)s + (i %% %(side)s) * 3 + 2, %(y)s + (i / %(side)s) * 3 + 2, %(srid)s))
                       FROM generate_series(1, %(n)s) i""",
                    {"ward": ids["ward"], "x": X + 50, "y": Y + 600, "side": side, "n": buildings,
                     "srid": TEST_SRID})
    package = create_package(head_dsn, tmp_path / "ward1", "survey", area=Area(wards=[1]), make_zip=False)
    updates, new = buildings // 2, buildings // 4
    field_edits(package.folder / "data.gpkg", updates, new)
    user = parse_dsn(head_dsn)["user"]
    command = imis("qfield", "import", "--dsn", head_dsn, str(package.folder), "--field-user", user)

    faults(head_dsn, command, QFIELD_PHASES, reliability)
    assert scalar(head_dsn, "SELECT count(*) FROM imis_audit.field_import") == 0
    done = run_to_the_end(command)
    reliability.add("jobs retried")
    assert f"building: {new} new, {updates} changed, 0 deleted" in done.stdout, done.stdout
    resurveyed = scalar(head_dsn, "SELECT count(*) FROM imis_core.building WHERE name = 'Re-surveyed' "
                                  "AND floor_count = 9 AND row_version = 2")
    drawn = rows(head_dsn, "SELECT count(*), count(DISTINCT bin) FROM imis_core.building "
                           "WHERE bin LIKE 'NEW%%'")[0]
    reliability.add("rows lost", (updates - resurveyed) + (new - drawn[1]))
    reliability.add("rows duplicated", drawn[0] - drawn[1])
    assert resurveyed == updates and drawn == (new, new)  # row_version 2: each edit applied exactly once
    assert rows(head_dsn, "SELECT count(*), sum(inserted), sum(updated) FROM imis_audit.field_import") == [
        (1, new, updates)]
    assert scalar(head_dsn, "SELECT count(*) FROM imis_audit.field_import_row") == updates + new
    assert "Nothing new to apply" in run_to_the_end(command).stdout


# --- imis revenue bill-run ----------------------------------------------------------------------------------

BILL_PHASES = [Phase("bill run: billing every holding", writes="imis_revenue.bill")]


def test_a_bill_run_killed_midway_leaves_nothing_and_the_retry_bills_each_holding_once(head_dsn, reliability):
    ids = populate(head_dsn)
    add_holdings(head_dsn, ROWS, ids["ward"])
    command = imis("revenue", "bill-run", "--dsn", head_dsn, "--year", str(FY), "--quarter", str(QUARTER))

    faults(head_dsn, command, BILL_PHASES, reliability)
    assert scalar(head_dsn, "SELECT count(*) FROM imis_revenue.bill_run") == 0
    run_to_the_end(command)
    reliability.add("jobs retried")
    billable = check_bill_run(head_dsn, reliability)
    assert billable > ROWS

    # a draft run is re-run (its bills replaced) when rates change: killed midway, the draft stays whole
    with transaction(head_dsn) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_revenue.tax_rate SET lighting_pct = 4 WHERE fiscal_year = %s", (FY,))
    faults(head_dsn, command, [Phase("bill run: replacing a draft's bills", writes="imis_revenue.bill")],
           reliability)
    assert scalar(head_dsn, "SELECT count(*) FROM imis_revenue.bill WHERE lighting_bdt > 0 AND "
                            "lighting_bdt <> round(annual_value_bdt * 3 / 400, 2)") == 0
    run_to_the_end(command)
    reliability.add("jobs retried")
    assert check_bill_run(head_dsn, reliability) == billable
    assert scalar(head_dsn, "SELECT count(*) FROM imis_revenue.bill WHERE lighting_bdt > 0 AND "
                            "lighting_bdt <> round(annual_value_bdt * 4 / 400, 2)") == 0


# --- a server restart under a Processing run ----------------------------------------------------------------


@pytest.fixture(scope="module")
def own_cluster(tmp_path_factory):
    """A private cluster for this module alone: restarting it disturbs no other test."""
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="imis-fault-"))
    os.chmod(home, 0o755)
    cluster = Cluster(home / "cluster")
    cluster.start(port=free_port(57300), fast=True)
    try:
        yield cluster
    finally:
        cluster.destroy()
        home.rmdir()


@pytest.fixture(scope="module")
def qgis_process(tmp_path_factory):
    from imis_plugin import packaging


    plugin_zip = packaging.build(tmp_path_factory.mktemp("dist") / "imis_plugin.zip")
    return _install(tmp_path_factory, plugin_zip, sysconfig.get_paths()["purelib"])


def restart_mid(cluster: Cluster, dsn: str, qgis_process, algorithm: str, parameters: dict, phase: Phase,
                rng: random.Random, reliability) -> str:
    """Run the algorithm; in `phase`, stop the server at once and start it again. Returns qgis_process's
    complaint, after checking it stopped by itself, in time, with a failure."""
    app = f"imis-restart-{uuid.uuid4().hex[:8]}"
    command = [QGIS_PROCESS, "--json", "run", algorithm, "--", *(f"{k}={v}" for k, v in parameters.items())]
    proc = subprocess.Popen(command, env={**qgis_process.env, "PGAPPNAME": app}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        conn = monitor(dsn)
        try:
            wait_for(conn.cursor(), proc, app, phase)
            time.sleep(rng.uniform(0, phase.delay))
            assert at_phase(conn.cursor(), app, phase), f"the run left '{phase.name}' before the restart"
        finally:
            conn.close()
        cluster.stop(mode="immediate")
        cluster.start()
        reliability.add("faults injected")
        reliability.add(f"faults injected: server restart during {phase.name}")
        out, err = proc.communicate(timeout=60)  # no hang: the run ends by itself
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0, out
    return out + err


@pytest.mark.parametrize("algorithm", ["run_bill_run", "import_data"])
def test_a_server_restart_under_a_processing_run_fails_clearly_and_the_retry_succeeds(
        own_cluster, qgis_process, tmp_path, reliability, algorithm):
    dsn = own_cluster.ensure_database(f"restart_{algorithm}")
    upgrade(dsn, srid=TEST_SRID)
    ids = populate(dsn)
    if algorithm == "run_bill_run":
        add_holdings(dsn, ROWS, ids["ward"])
        parameters = {"DATABASE": dsn, "FISCAL_YEAR": FY, "QUARTER": QUARTER - 1}
        phase = Phase("Processing bill run", writes="imis_revenue.bill")
    else:
        mapping = tmp_path / "buildings.toml"
        mapping.write_text(IMPORT_MAPPING, encoding="utf-8")
        parameters = {"DATABASE": dsn, "MAPPING": mapping,
                      "FILES": write_buildings_csv(tmp_path / "survey.csv", ROWS),
                      "REPORT": tmp_path / "r.csv"}
        phase = Phase("Processing import", writes="imis_core.building")
    before = fingerprint(dsn)
    rng = random.Random(SEED)
    for _ in range(ROUNDS):
        complaint = restart_mid(own_cluster, dsn, qgis_process, f"imis:{algorithm}", parameters, phase, rng,
                                reliability)
        assert "The connection to the database was lost" in complaint, complaint
        assert "Nothing of this run was written" in complaint
        assert "Traceback" not in complaint.split("The connection to the database was lost")[-1]
        assert fingerprint(dsn) == before, "a run cut by the restart left rows behind"

    done, output = qgis_process.run_json(f"imis:{algorithm}", **parameters)
    assert done.returncode == 0, done.stdout + done.stderr
    reliability.add("jobs retried")
    if algorithm == "run_bill_run":
        assert output["results"]["BILLS"] == check_bill_run(dsn, reliability)
    else:
        assert output["results"]["INSERTED"] == ROWS
        loaded = rows(dsn, "SELECT count(*), count(DISTINCT bin) FROM imis_core.building "
                           "WHERE bin LIKE 'F%%'")[0]
        reliability.add("rows lost", ROWS - loaded[1])
        assert loaded == (ROWS, ROWS)
