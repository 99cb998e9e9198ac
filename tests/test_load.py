"""Concurrency: many editors on the same ward at once lose no update and leave consistent figures.

Office editors and field syncs edit the same buildings with optimistic locking (they send the row_version
their edit is based on; the database refuses stale edits and they retry); service providers record jobs at
the same time. The run is short here (IMIS_LOAD_SECONDS, default 3) and longer in bench/reliability.py.
"""
import os
import random
import threading
import time
from collections import Counter

import psycopg2
import pytest

from imis_plugin.db.connect import transaction
from imis_plugin.db.migrate import upgrade

from .conftest import TEST_SRID
from .logins import connect_as, create_login
from .sample_city import X, Y, days_ago, populate, square

EDITORS = 20
SECONDS = float(os.environ.get("IMIS_LOAD_SECONDS", "3"))
BUILDINGS = 12


@pytest.fixture
def ward(pg_server):
    dsn = pg_server.create_database("load")
    upgrade(dsn, srid=TEST_SRID)
    ids = populate(dsn)
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO imis_core.building (bin, household_count, ward_id, geom) "
                    "SELECT 'L' || g, 0, %s, ST_GeomFromText(%s, %s) FROM generate_series(1, %s) g",
                    (ids["ward"], square(X + 1000, Y + 1000, 8), TEST_SRID, BUILDINGS))
    logins = {
        "office": create_login(dsn, "imis_gis_editor"),
        "field": create_login(dsn, "imis_gis_editor", "_field"),
        "provider": create_login(dsn, "imis_service_provider", "_sp", provider_id=ids["provider"]),
    }
    return dsn, ids, logins


def edit_loop(dsn, login, deadline, rng, tally, batch):
    """Add one household to `batch` random buildings per transaction, retrying stale or deadlocked edits."""
    conn = connect_as(dsn, login)
    try:
        while time.monotonic() < deadline:
            chosen = rng.sample(range(1, BUILDINGS + 1), batch)
            try:
                with conn, conn.cursor() as cur:
                    for n in sorted(chosen) if rng.random() < 0.5 else chosen:  # some lock out of order
                        cur.execute("SELECT id, household_count, row_version FROM imis_core.building WHERE bin = %s",
                                    (f"L{n}",))
                        building, households, version = cur.fetchone()
                        cur.execute("UPDATE imis_core.building SET household_count = %s, row_version = %s "
                                    "WHERE id = %s", (households + 1, version, building))
                tally["committed"] += batch
                for n in chosen:
                    tally[f"L{n}"] += 1
            except psycopg2.errors.SerializationFailure:
                tally["stale"] += 1
            except psycopg2.errors.DeadlockDetected:
                tally["deadlocks_resolved"] += 1
    finally:
        conn.close()


def job_loop(dsn, login, ids, deadline, rng, tally, worker):
    conn = connect_as(dsn, login)
    try:
        n = 0
        while time.monotonic() < deadline:
            n += 1
            with conn, conn.cursor() as cur:
                cur.execute("INSERT INTO imis_fsm.application (code, provider_id, building_id, application_date) "
                            "VALUES (%s, %s, %s, %s) RETURNING id",
                            (f"LOAD-{worker}-{n}", ids["provider"], ids["buildings"][0], days_ago(3)))
                application = cur.fetchone()[0]
                cur.execute("INSERT INTO imis_fsm.emptying (application_id, emptied_date, volume_m3) "
                            "VALUES (%s, %s, %s)", (application, days_ago(2), rng.choice([1.5, 2, 3])))
            tally["jobs"] += 1
    finally:
        conn.close()


def test_twenty_editors_lose_no_update(ward, reliability):
    dsn, ids, logins = ward
    deadline = time.monotonic() + SECONDS
    tallies = [Counter() for _ in range(EDITORS)]
    work = []
    for i in range(EDITORS):
        rng = random.Random(i)
        if i < 10:
            work.append((edit_loop, (dsn, logins["office"], deadline, rng, tallies[i], 1)))
        elif i < 15:
            work.append((edit_loop, (dsn, logins["field"], deadline, rng, tallies[i], 4)))  # a sync: batches
        else:
            work.append((job_loop, (dsn, logins["provider"], ids, deadline, rng, tallies[i], i)))
    errors = []

    def guarded(loop, args):
        try:
            loop(*args)
        except Exception as exc:  # noqa: BLE001 - any unhandled error fails the test below
            errors.append(repr(exc))

    runners = [threading.Thread(target=guarded, args=w) for w in work]
    for r in runners:
        r.start()
    for r in runners:
        r.join(timeout=SECONDS + 60)
    assert errors == [], "unhandled errors under load"
    total = sum(tallies, Counter())
    assert total["committed"] >= 10 and total["jobs"] >= 5, total  # enough work to collide, even on a busy machine

    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT bin, household_count, row_version FROM imis_core.building WHERE bin LIKE 'L%%'")
        rows = cur.fetchall()
        lost = sum(abs(total[b] - h) for b, h, _ in rows)  # increments missing (or counted twice)
        reliability.add("edits under load", total["committed"] + total["jobs"])
        reliability.add("lost updates", lost)
        reliability.add("rows lost", lost)
        reliability.add("stale edits refused (row_version conflicts)", total["stale"])
        reliability.add("deadlocks resolved", total["deadlocks_resolved"])
        reliability.max("concurrent editors", EDITORS)
        reliability.add("load seconds", SECONDS)
        # every committed increment is there exactly once, and each one made exactly one new version
        assert {b: h for b, h, _ in rows} == {f"L{n}": total[f"L{n}"] for n in range(1, BUILDINGS + 1)}
        assert all(v == h + 1 for _, h, v in rows)
        cur.execute("SELECT count(*) FROM imis_audit.log WHERE table_name = 'building' AND action = 'UPDATE' "
                    "AND new_row->>'bin' LIKE 'L%%'")
        assert cur.fetchone()[0] == total["committed"]
        cur.execute("SELECT count(*), count(e.id) FROM imis_fsm.application a "
                    "LEFT JOIN imis_fsm.emptying e ON e.application_id = a.id WHERE a.code LIKE 'LOAD-%%'")
        assert cur.fetchone() == (total["jobs"], total["jobs"])


def test_a_stale_edit_is_refused_with_a_clear_message(ward):
    dsn, ids, logins = ward
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_core.building SET name = 'first' WHERE bin = 'L1' RETURNING row_version")
        assert cur.fetchone() == (2,)
    with pytest.raises(psycopg2.errors.SerializationFailure,
                       match=r"row_version_conflict: building L1 was changed by postgres .* \(now version 2\); "
                             r"this edit is based on version 1"):
        with transaction(dsn) as conn, conn.cursor() as cur:
            cur.execute("UPDATE imis_core.building SET name = 'stale', row_version = 1 WHERE bin = 'L1'")
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT name, row_version FROM imis_core.building WHERE bin = 'L1'")
        assert cur.fetchone() == ("first", 2)
