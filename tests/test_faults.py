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
import datetime as dt
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

import psycopg2
import pytest
from psycopg2 import sql
from psycopg2.extensions import parse_dsn

from imis_plugin.db.cluster import Cluster, free_port
from imis_plugin.db.connect import CLIENT_CHECK_MS, connect, transaction
from imis_plugin.db.migrate import upgrade

from .conftest import TEST_SRID
from .db import one as scalar
from .db import rows
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
    """Where a job is hit: while its backend runs a statement starting with `query`, or holds (or waits for)
    the write lock (ROW EXCLUSIVE) on `writes`; the fault comes up to `delay` seconds after the phase starts
    (less than the phase lasts, which is checked). `state`: the backend's, 'idle in transaction' for a job
    busy on its own side between two statements (`query` is then the last one it ran)."""

    name: str
    query: str | None = None
    writes: str | None = None
    delay: float = 0.3
    state: str = "active"


# --- helpers ----------------------------------------------------------------------------------------------


def monitor(dsn):
    conn = connect(dsn)
    conn.autocommit = True
    return conn


def at_phase(cur, app: str, phase: Phase) -> bool:
    cur.execute("""
        SELECT EXISTS (SELECT 1 FROM pg_stat_activity a
                       WHERE a.application_name = %(app)s AND a.state = %(state)s
                       AND (a.query LIKE %(query)s OR EXISTS (
                           SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.mode = 'RowExclusiveLock'
                           AND l.relation = to_regclass(%(writes)s))))""",
                {"app": app, "query": (phase.query or "\x01") + "%", "writes": phase.writes,
                 "state": phase.state})
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
                rng: random.Random, reliability, **options) -> str:
    """Run the algorithm; in `phase`, stop the server at once and start it again (see restart_during).
    Returns qgis_process's complaint."""
    command = [QGIS_PROCESS, "--json", "run", algorithm, "--", *(f"{k}={v}" for k, v in parameters.items())]
    return restart_during(cluster, dsn, command, phase, rng, reliability, env=qgis_process.env, **options)


def restart_during(cluster: Cluster, dsn: str, command: list[str], phase: Phase, rng: random.Random,
                   reliability, *, env=None, mode: str = "immediate", hold: tuple[str, str] | None = None,
                   after_restart=None) -> str:
    """Run `command`; in `phase`, stop the server (`mode` immediate: as a crash; fast: as an administrator's
    restart) and start it again. With `hold` = (table, lock mode) a session of the test locks that table
    first, so that the job waits in the phase that needs it however small the city: the fault comes at a
    known point of the run. `after_restart()` runs once the server is back. Returns the job's complaint,
    after checking it stopped by itself, in time, with a failure."""
    app = f"imis-restart-{uuid.uuid4().hex[:8]}"
    holder = None
    if hold is not None:
        holder = connect(dsn)  # its transaction stays open (the lock held) until the server goes
        with holder.cursor() as cur:
            cur.execute(sql.SQL("LOCK TABLE {} IN {} MODE").format(sql.Identifier(*hold[0].split(".")),
                                                                   sql.SQL(hold[1])))
    proc = subprocess.Popen(command, env={**(env or os.environ), "PGAPPNAME": app}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        conn = monitor(dsn)
        try:
            wait_for(conn.cursor(), proc, app, phase)
            time.sleep(rng.uniform(0, phase.delay))
            assert at_phase(conn.cursor(), app, phase), f"the run left '{phase.name}' before the restart"
        finally:
            conn.close()
        stopped = time.monotonic()
        cluster.stop(mode=mode)
        cluster.start()
        reliability.add("faults injected")
        kind = "server restart" if mode == "immediate" else f"server restart ({mode} stop)"
        reliability.add(f"faults injected: {kind} during {phase.name}")
        if after_restart is not None:
            after_restart()
        out, err = proc.communicate(timeout=60)  # no hang: the run ends by itself
        reliability.max("seconds from a server stop to the job's message, restart included (max)",
                        round(time.monotonic() - stopped, 2))
    finally:
        if proc.poll() is None:
            proc.kill()
        if holder is not None:
            holder.close()
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


# --- the server going away under the other modules' jobs ----------------------------------------------------
# Each job is held at a known point by a lock a session of the test takes first (on the table the job writes,
# or reads, next), so that a small city suffices; then the server stops (at once, as a crash, or fast, as an
# administrator's restart) and starts again. The job must end by itself with its module's message (the
# connection was lost, nothing written), not psycopg2's "connection already closed" or a traceback, and
# leave every IMIS table as it was.


def explained(complaint: str) -> None:
    """The job said the connection was lost and nothing was written, in its own words only."""
    assert "The connection to the database was lost (" in complaint, complaint
    assert "Nothing of this run was written; run it again once the server is back." in complaint, complaint
    after = complaint.split("The connection to the database was lost")[-1]
    assert "Traceback" not in after and "connection already closed" not in complaint, complaint


def restart_database(cluster: Cluster, name: str) -> str:
    dsn = cluster.ensure_database(name)
    upgrade(dsn, srid=TEST_SRID)
    return dsn


def test_a_server_restart_under_a_payment_import_fails_clearly_and_writes_nothing(own_cluster, tmp_path,
                                                                                  reliability):
    from imis_plugin.revenue import billing

    dsn = restart_database(own_cluster, "restart_payments")
    ids = populate(dsn)
    add_holdings(dsn, 30, ids["ward"])
    billing.issue(dsn, billing.sign_off(dsn, billing.run_bills(dsn, FY, QUARTER).code)["code"])
    numbers = [n for (n,) in rows(dsn, "SELECT bill_number FROM imis_revenue.bill ORDER BY 1 LIMIT 10")]
    gateway = tmp_path / "ekpay.csv"
    gateway.write_text("bill_number,transaction_id,amount,paid_on\n" + "".join(
        f"{n},EKP-{i},100.00,{dt.date.today()}\n" for i, n in enumerate(numbers)), encoding="utf-8")
    command = imis("revenue", "import-payments", "--dsn", dsn, str(gateway))
    before = fingerprint(dsn)

    # held before its payments, with the file's import record written in its transaction
    explained(restart_during(own_cluster, dsn, command, Phase("payment import", writes="imis_revenue.payment",
                                                              delay=0),
                             random.Random(SEED), reliability, mode="fast",
                             hold=("imis_revenue.payment", "EXCLUSIVE")))
    assert fingerprint(dsn) == before, "a payment import cut by the restart left rows behind"
    assert "10 rows; 10 applied (1,000.00 BDT)" in run_to_the_end(command).stdout
    reliability.add("jobs retried")


def test_a_server_restart_under_a_demo_city_generation_fails_clearly_and_writes_nothing(own_cluster,
                                                                                        reliability):
    dsn = restart_database(own_cluster, "restart_demo_city")
    command = imis("demo-city", "--dsn", dsn, "--buildings", "200", "--seed", "3")
    before = fingerprint(dsn)

    # held at its last step, the whole city (buildings, FSM history, bills) written in its transaction
    explained(restart_during(own_cluster, dsn, command, Phase("demo city: solid waste", delay=0,
                                                              writes="imis_revenue.swm_route"),
                             random.Random(SEED), reliability, hold=("imis_revenue.swm_route", "EXCLUSIVE")))
    assert fingerprint(dsn) == before, "a generation cut by the restart left rows behind"
    run_to_the_end(command)  # no --replace needed: the database holds no part of the first run
    reliability.add("jobs retried")
    assert scalar(dsn, "SELECT count(*) FROM imis_core.building") == 200


def test_a_server_restart_under_an_export_fails_clearly_and_leaves_no_file(own_cluster, tmp_path,
                                                                           reliability):
    dsn = restart_database(own_cluster, "restart_export")
    populate(dsn)
    folder = tmp_path / "export"
    folder.mkdir()
    # the second layer's file is a pipe nobody reads yet: the export waits there, the first layer written,
    # between two statements of its transaction (an immediate stop is then noticed only by the next one)
    fifo = folder / "building.csv"
    os.mkfifo(fifo)
    reader = []
    command = imis("export", "ward", "building", "--format", "csv", "-o", str(folder), "--dsn", dsn)
    explained(restart_during(own_cluster, dsn, command, Phase("export: between layers", query="COPY ",
                                                              state="idle in transaction", delay=0),
                             random.Random(SEED), reliability,
                             after_restart=lambda: reader.append(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))))
    os.close(reader[0])
    assert sorted(p.name for p in folder.iterdir()) == [], "the cut export left files that look like one"
    run_to_the_end(command)
    reliability.add("jobs retried")
    assert sorted(p.name for p in folder.iterdir()) == ["building.csv", "ward.csv"]


def test_a_server_restart_under_a_qfield_packaging_fails_clearly_and_leaves_no_package(own_cluster, tmp_path,
                                                                                       reliability):
    dsn = restart_database(own_cluster, "restart_qfield_package")
    populate(dsn)
    folder = tmp_path / "ward1"
    command = imis("qfield", "package", "--dsn", dsn, str(folder), "--ward", "1")
    before = fingerprint(dsn)

    # held when it registers the package, the GeoPackage and the project written
    explained(restart_during(own_cluster, dsn, command, Phase("QField packaging: registering", delay=0,
                                                              writes="imis_audit.field_package"),
                             random.Random(SEED), reliability, mode="fast",
                             hold=("imis_audit.field_package", "EXCLUSIVE")))
    assert fingerprint(dsn) == before
    assert list(tmp_path.iterdir()) == [], "the cut packaging left a package behind"
    run_to_the_end(command)
    reliability.add("jobs retried")
    assert scalar(dsn, "SELECT count(*) FROM imis_audit.field_package") == 1


@pytest.mark.parametrize("algorithm", ["kpi_summary", "plan_emptying_schedule"])
def test_a_server_restart_under_an_indicator_or_scheduler_run_fails_clearly(own_cluster, qgis_process,
                                                                            reliability, algorithm):
    from . import fsm_city

    dsn = restart_database(own_cluster, f"restart_{algorithm}")
    if algorithm == "kpi_summary":
        populate(dsn)
        # the indicators read the containments: held in the middle of their query
        parameters = {"DATABASE": dsn, "PERIOD": 0, "YEAR": 2025, "OUTPUT": "TEMPORARY_OUTPUT"}
        phase, hold = Phase("indicator run", query="SELECT indicator, code", delay=0), \
            ("imis_core.containment", "ACCESS EXCLUSIVE")
        mode = "immediate"
    else:
        fsm_city.populate(dsn)
        # held when it writes the stops, the schedule itself written in its transaction
        parameters = {"DATABASE": dsn, "START": fsm_city.START.isoformat(), "END": fsm_city.END.isoformat(),
                      "CODE": "RESTART"}
        phase, hold = Phase("scheduler: writing stops", writes="imis_fsm.schedule_item", delay=0), \
            ("imis_fsm.schedule_item", "EXCLUSIVE")
        mode = "fast"
    before = fingerprint(dsn)
    explained(restart_mid(own_cluster, dsn, qgis_process, f"imis:{algorithm}", parameters, phase,
                          random.Random(SEED), reliability, mode=mode, hold=hold))
    assert fingerprint(dsn) == before

    done, output = qgis_process.run_json(f"imis:{algorithm}", **parameters)
    assert done.returncode == 0, done.stdout + done.stderr
    reliability.add("jobs retried")
    if algorithm == "kpi_summary":
        assert output["results"]["INDICATORS"] > 0
    else:
        assert output["results"]["PLANNED"] > 0
        assert scalar(dsn, "SELECT count(*) FROM imis_fsm.schedule WHERE code = 'RESTART'") == 1


@pytest.mark.parametrize("mode", ["immediate", "fast"])
def test_transaction_explains_a_server_gone_between_statements_and_at_commit(own_cluster, mode):
    """transaction() says what happened in the module's own error class when the server went away while
    the work was on the client's side (an immediate stop then shows only at the next statement, and psycopg2
    does not always mark the connection closed), and when it went away before the commit."""
    from imis_plugin.revenue.errors import RevenueError

    dsn = own_cluster.ensure_database(f"restart_transaction_{mode}")
    with pytest.raises(RevenueError, match="Nothing of this run was written") as lost:
        with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
            cur.execute("CREATE TABLE written_before (x int)")
            own_cluster.stop(mode=mode)
            own_cluster.start()
            cur.execute("CREATE TABLE written_after (x int)")
    assert str(lost.value).startswith("The connection to the database was lost (")
    with pytest.raises(RevenueError, match="lost while committing .*may or may not have been saved"):
        with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
            cur.execute("CREATE TABLE committed (x int)")
            own_cluster.stop(mode=mode)
            own_cluster.start()
    assert rows(dsn, "SELECT to_regclass('written_before'), to_regclass('committed')") == [(None, None)]
    # a refused statement on a live connection stays psycopg2's error, for the module to word
    with pytest.raises(psycopg2.errors.DivisionByZero):
        with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
            cur.execute("SELECT 1 / 0")
