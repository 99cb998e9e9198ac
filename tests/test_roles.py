"""The role matrix: each job role logs in and is allowed exactly what it should be, and row-level security
keeps service providers to their own jobs and plant operators to their own plant."""
import psycopg2
import pytest

from imis_plugin.db.connect import transaction
from imis_plugin.db.migrate import upgrade

from .conftest import TEST_SRID
from .logins import GROUPS, connect_as, create_login
from .sample_city import days_ago, populate

ALL = "SIUD"
# table -> what each role may do on it (S select, I insert, U update, D delete); absent = nothing
MATRIX = {
    "imis_code.containment_type": {"imis_admin": ALL, **{g: "S" for g in GROUPS if g != "imis_admin"}},
    "imis_core.building": {"imis_admin": ALL, "imis_gis_editor": ALL, "imis_fsm_officer": "S",
                           "imis_service_provider": "S", "imis_plant_operator": "S", "imis_revenue_collector": "S",
                           "imis_revenue_chief": "S", "imis_viewer": "S"},
    "imis_core.containment": {"imis_admin": ALL, "imis_gis_editor": ALL, "imis_fsm_officer": "SIU",
                              "imis_service_provider": "S", "imis_plant_operator": "S",
                              "imis_revenue_collector": "S", "imis_revenue_chief": "S", "imis_viewer": "S"},
    "imis_core.holding": {"imis_admin": ALL, "imis_gis_editor": ALL, "imis_fsm_officer": "S",
                          "imis_service_provider": "S", "imis_plant_operator": "S", "imis_revenue_collector": "S",
                          "imis_revenue_chief": "SIU", "imis_viewer": "S"},
    "imis_core.city": {"imis_admin": ALL, **{g: "S" for g in GROUPS if g != "imis_admin"}},
    "imis_core.app_user": {"imis_admin": ALL},
    "imis_fsm.application": {"imis_admin": ALL, "imis_gis_editor": "S", "imis_fsm_officer": ALL,
                             "imis_service_provider": "SIU", "imis_plant_operator": "S", "imis_viewer": "S"},
    "imis_fsm.emptying": {"imis_admin": ALL, "imis_gis_editor": "S", "imis_fsm_officer": ALL,
                          "imis_service_provider": "SIU", "imis_plant_operator": "S", "imis_viewer": "S"},
    "imis_fsm.disposal": {"imis_admin": ALL, "imis_gis_editor": "S", "imis_fsm_officer": ALL,
                          "imis_service_provider": "S", "imis_plant_operator": "SIU", "imis_viewer": "S"},
    "imis_fsm.vehicle": {"imis_admin": ALL, "imis_gis_editor": "S", "imis_fsm_officer": ALL,
                         "imis_service_provider": "SIU", "imis_plant_operator": "S", "imis_viewer": "S"},
    "imis_fsm.plant_test": {"imis_admin": ALL, "imis_gis_editor": "S", "imis_fsm_officer": ALL,
                            "imis_service_provider": "S", "imis_plant_operator": "SIU", "imis_viewer": "S"},
    "imis_audit.log": {"imis_admin": ALL},
}
# Statements that need exactly one privilege and touch no row: the privilege check still runs.
PROBES = {
    "S": "SELECT 1 FROM {t} LIMIT 0",
    "I": "INSERT INTO {t} ({key}) SELECT NULL WHERE false",
    "U": "UPDATE {t} SET {key} = NULL WHERE false",
    "D": "DELETE FROM {t} WHERE false",
}


@pytest.fixture(scope="module")
def city(pg_server):
    dsn = pg_server.create_database("roles")
    upgrade(dsn, srid=TEST_SRID)
    ids = populate(dsn)
    logins = {g: create_login(dsn, g) for g in GROUPS}
    logins["provider"] = create_login(dsn, "imis_service_provider", "_sp1", provider_id=ids["provider"])
    logins["other_provider"] = create_login(dsn, "imis_service_provider", "_sp2", provider_id=ids["other_provider"])
    logins["plant"] = create_login(dsn, "imis_plant_operator", "_tp1", plant_id=ids["plant"])
    logins["other_plant"] = create_login(dsn, "imis_plant_operator", "_tp2", plant_id=ids["other_plant"])
    return dsn, ids, logins


def probe(op, table):
    key = "value" if table.startswith("imis_code.") else "action" if table == "imis_audit.log" else "id"
    return PROBES[op].format(t=table, key=key)


def _refusal(dsn, login, statement, params=None) -> str | None:
    """Why the statement was refused to `login` (None: it was allowed); nothing is kept either way."""
    conn = connect_as(dsn, login)
    try:
        with conn.cursor() as cur:
            cur.execute(statement, params)
        return None
    except psycopg2.errors.InsufficientPrivilege as exc:
        return exc.pgerror
    finally:
        conn.rollback()
        conn.close()


def _may(dsn, login, statement, params=None) -> bool:
    return _refusal(dsn, login, statement, params) is None


@pytest.mark.parametrize("group", GROUPS)
def test_role_matrix(city, group, reliability):
    dsn, _, logins = city
    granted = {table: "".join(op for op in ALL if _may(dsn, logins[group], probe(op, table)))
               for table in MATRIX}
    reliability.add("cells tried", len(MATRIX) * len(ALL))
    assert granted == {table: roles.get(group, "") for table, roles in MATRIX.items()}


def _rows(dsn, login, query, params=None):
    conn = connect_as(dsn, login)
    try:
        with conn.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall()
    finally:
        conn.close()


def test_service_providers_see_only_their_own_jobs(city):
    dsn, ids, logins = city
    query = "SELECT code FROM imis_fsm.application"
    assert _rows(dsn, logins["provider"], query) == [("APP-0001",)]
    assert _rows(dsn, logins["other_provider"], query) == []
    for table in ("assessment", "emptying", "emptying_crew", "disposal", "feedback", "vehicle", "employee"):
        assert _rows(dsn, logins["provider"], f"SELECT count(*) FROM imis_fsm.{table}") == [(1,)], table
        assert _rows(dsn, logins["other_provider"], f"SELECT count(*) FROM imis_fsm.{table}") == [(0,)], table
    # a login without a provider sees no job at all
    assert _rows(dsn, logins["imis_service_provider"], query) == []


def test_service_providers_write_only_their_own_jobs(city):
    dsn, ids, logins = city
    insert = ("INSERT INTO imis_fsm.application (code, provider_id, building_id, application_date) "
              "VALUES (%s, %s, %s, %s)")
    assert _may(dsn, logins["provider"], insert, ("APP-OWN", ids["provider"], ids["buildings"][1], days_ago(1)))
    assert "row-level security" in _refusal(
        dsn, logins["provider"], insert, ("APP-THEIRS", ids["other_provider"], ids["buildings"][1], days_ago(1)))
    # another provider's job cannot be touched: the update finds no row
    conn = connect_as(dsn, logins["other_provider"])
    try:
        with conn, conn.cursor() as cur:
            cur.execute("UPDATE imis_fsm.emptying SET notes = 'hijacked' WHERE id = %s", (ids["emptying"],))
            assert cur.rowcount == 0
    finally:
        conn.close()
    # nor handed over to someone else
    assert "row-level security" in _refusal(
        dsn, logins["provider"], "UPDATE imis_fsm.application SET provider_id = %s WHERE id = %s",
        (ids["other_provider"], ids["application"]))


def test_plant_operators_record_disposals_only_at_their_plant(city):
    dsn, ids, logins = city
    assert _rows(dsn, logins["plant"], "SELECT count(*) FROM imis_fsm.disposal") == [(1,)]
    assert _rows(dsn, logins["other_plant"], "SELECT count(*) FROM imis_fsm.disposal") == [(0,)]
    # every emptying may arrive at any gate
    assert _rows(dsn, logins["other_plant"], "SELECT count(*) FROM imis_fsm.emptying") == [(1,)]
    test_insert = "INSERT INTO imis_fsm.plant_test (plant_id, sample_date, ph) VALUES (%s, %s, 7)"
    assert _may(dsn, logins["plant"], test_insert, (ids["plant"], days_ago(1)))
    assert "row-level security" in _refusal(dsn, logins["plant"], test_insert, (ids["other_plant"], days_ago(1)))


def test_viewers_write_nothing(city):
    dsn, ids, logins = city
    conn = connect_as(dsn, logins["imis_viewer"])
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                        "WHERE table_schema LIKE 'imis\\_%%' AND table_type = 'BASE TABLE'")
            tables = [r[0] for r in cur.fetchall()]
    finally:
        conn.close()
    assert len(tables) > 40
    writable = [t for t in tables for op in "IUD" if _may(dsn, logins["imis_viewer"], probe(op, t))]
    assert writable == []


def test_changes_carry_the_acting_login(city):
    dsn, ids, logins = city
    conn = connect_as(dsn, logins["imis_gis_editor"])
    try:
        with conn, conn.cursor() as cur:
            cur.execute("UPDATE imis_core.building SET name = 'Renamed' WHERE id = %s "
                        "RETURNING changed_by, row_version", (ids["buildings"][1],))
            assert cur.fetchone() == (logins["imis_gis_editor"], 2)
    finally:
        conn.close()
