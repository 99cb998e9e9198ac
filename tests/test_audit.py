"""The audit trail: every insert, update and delete on a data table is logged with who, when, table, key,
old and new values; only admins can change the log."""
import psycopg2
import pytest

from imis_plugin.db.connect import transaction
from imis_plugin.db.migrate import upgrade

from .conftest import TEST_SRID
from .logins import GROUPS, connect_as, create_login
from .sample_city import X, Y, square


@pytest.fixture(scope="module")
def city(pg_server):
    dsn = pg_server.create_database("audit")
    upgrade(dsn, srid=TEST_SRID)
    return dsn, {g: create_login(dsn, g) for g in GROUPS}


def _log(dsn, row_id):
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT action, session_user_name, role_name, schema_name, table_name, old_row, new_row, at "
                    "FROM imis_audit.log WHERE row_id = %s ORDER BY id", (row_id,))
        return cur.fetchall()


def test_every_change_is_logged_with_who_what_and_before_after(city):
    dsn, logins = city
    editor = logins["imis_gis_editor"]
    conn = connect_as(dsn, editor)
    try:
        with conn, conn.cursor() as cur:
            cur.execute("INSERT INTO imis_core.building (bin, floor_count, geom) "
                        "VALUES ('AUD-1', 1, ST_GeomFromText(%s, %s)) RETURNING id", (square(X, Y, 10), TEST_SRID))
            building = cur.fetchone()[0]
        with conn, conn.cursor() as cur:
            cur.execute("UPDATE imis_core.building SET floor_count = 3 WHERE id = %s", (building,))
        with conn, conn.cursor() as cur:
            cur.execute("DELETE FROM imis_core.building WHERE id = %s", (building,))
    finally:
        conn.close()
    log = _log(dsn, building)
    assert [entry[:5] for entry in log] == [(action, editor, editor, "imis_core", "building")
                                            for action in ("INSERT", "UPDATE", "DELETE")]
    (_, _, _, _, _, old1, new1, at1), (_, _, _, _, _, old2, new2, at2), (_, _, _, _, _, old3, new3, _) = log
    assert old1 is None and new1["bin"] == "AUD-1" and new1["floor_count"] == 1
    assert old2["floor_count"] == 1 and new2["floor_count"] == 3 and new2["row_version"] == 2
    assert old3["floor_count"] == 3 and new3 is None
    assert at1 <= at2


def test_set_role_is_recorded_as_the_acting_role(city):
    dsn, logins = city
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SET ROLE imis_fsm_officer")
        cur.execute("INSERT INTO imis_fsm.service_provider (code, name) VALUES ('SP-AUD', 'Audited') RETURNING id")
        provider = cur.fetchone()[0]
    assert [(e[0], e[1], e[2]) for e in _log(dsn, provider)] == [("INSERT", "postgres", "imis_fsm_officer")]


@pytest.mark.parametrize("group", [g for g in GROUPS if g != "imis_admin"])
def test_only_admins_can_change_the_log(city, group):
    dsn, logins = city
    for statement in ("UPDATE imis_audit.log SET action = 'INSERT'", "DELETE FROM imis_audit.log",
                      "TRUNCATE imis_audit.log",
                      "INSERT INTO imis_audit.log (schema_name, table_name, action) VALUES ('x', 'y', 'INSERT')"):
        conn = connect_as(dsn, logins[group])
        try:
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                with conn.cursor() as cur:
                    cur.execute(statement)
        finally:
            conn.rollback()
            conn.close()


def test_a_stray_grant_does_not_open_the_log(city):
    dsn, logins = city
    officer = logins["imis_fsm_officer"]
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("GRANT UPDATE, DELETE ON imis_audit.log TO imis_fsm_officer")
    try:
        conn = connect_as(dsn, officer)
        try:
            with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="audit_log_append_only"):
                with conn.cursor() as cur:
                    cur.execute("DELETE FROM imis_audit.log")
        finally:
            conn.close()
    finally:
        with transaction(dsn) as conn, conn.cursor() as cur:
            cur.execute("REVOKE UPDATE, DELETE ON imis_audit.log FROM imis_fsm_officer")


def test_admins_can_correct_the_log(city):
    dsn, logins = city
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO imis_core.owner (name) VALUES ('Mistake') RETURNING id")
        owner = cur.fetchone()[0]
    conn = connect_as(dsn, logins["imis_admin"])
    try:
        with conn, conn.cursor() as cur:
            cur.execute("DELETE FROM imis_audit.log WHERE row_id = %s", (owner,))
            assert cur.rowcount == 1
    finally:
        conn.close()
    assert _log(dsn, owner) == []
