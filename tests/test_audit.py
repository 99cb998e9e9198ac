"""The audit trail: every insert, update and delete on a data table is logged with who, when, table, key,
old and new values; only admins can change the log."""
import psycopg2
import pytest
from psycopg2 import sql

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


def _table_json(cur, table, ids):
    """to_jsonb of the rows as they are in the table now (what a row-by-row audit would have logged)."""
    cur.execute(f"SELECT id, to_jsonb(t) FROM {table} t WHERE id = ANY(%s::uuid[])", ([str(i) for i in ids],))
    return dict(cur.fetchall())


def _logged(cur, table, action, ids):
    cur.execute("SELECT row_id, old_row, new_row FROM imis_audit.log WHERE table_name = %s AND action = %s "
                "AND row_id = ANY(%s::uuid[]) ORDER BY id", (table, action, [str(i) for i in ids]))
    return cur.fetchall()


@pytest.mark.parametrize("table, key, columns, values", [
    ("imis_core.building", "bin", "bin, floor_count, geom",
     "'AUDM-' || i, i, ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint({x} + 20 * i, {y}), {srid}), 4, 1))"),
    ("imis_core.containment", "code", "code, volume_m3, construction_date, accessible, location",
     "'AUDM-' || i, i * 1.5, DATE '2020-01-01' + i, i % 2 = 0, "
     "ST_SetSRID(ST_MakePoint({x} + 20 * i, {y}), {srid})"),
])
def test_a_statement_of_many_rows_logs_every_row_in_full(city, table, key, columns, values):
    """One log row per row of a many-row INSERT, UPDATE and DELETE, holding exactly to_jsonb of the row
    (geometries as GeoJSON), old and new paired row by row."""
    dsn, logins = city
    name = table.split(".")[1]
    values = values.format(x=X, y=Y, srid=TEST_SRID)
    conn = connect_as(dsn, logins["imis_admin"])
    try:
        with conn, conn.cursor() as cur:
            cur.execute(f"INSERT INTO {table} ({columns}) SELECT {values} FROM generate_series(1, 3) i "
                        "RETURNING id")
            ids = [r[0] for r in cur.fetchall()]
            inserted = _table_json(cur, table, ids)
        with conn, conn.cursor() as cur:
            cur.execute(f"UPDATE {table} SET {key} = {key} || '-x' WHERE id = ANY(%s::uuid[])",
                        ([str(i) for i in ids],))
            updated = _table_json(cur, table, ids)
        with conn, conn.cursor() as cur:
            cur.execute(f"DELETE FROM {table} WHERE id = ANY(%s::uuid[])", ([str(i) for i in ids],))
    finally:
        conn.close()
    with transaction(dsn) as conn, conn.cursor() as cur:
        assert len(inserted) == 3 and all(inserted[i]["location" if name == "containment" else "geom"]["type"]
                                          for i in ids)
        assert {r[0]: (r[1], r[2]) for r in _logged(cur, name, "INSERT", ids)} == {
            i: (None, inserted[i]) for i in ids}
        assert {r[0]: (r[1], r[2]) for r in _logged(cur, name, "UPDATE", ids)} == {
            i: (inserted[i], updated[i]) for i in ids}
        assert {r[0]: (r[1], r[2]) for r in _logged(cur, name, "DELETE", ids)} == {
            i: (updated[i], None) for i in ids}


def test_an_update_of_the_key_pairs_old_and_new_rows(city):
    dsn, _ = city
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO imis_core.owner (name) SELECT 'Key ' || i FROM generate_series(1, 3) i "
                    "RETURNING id")
        old_ids = [r[0] for r in cur.fetchall()]
        cur.execute("UPDATE imis_core.owner SET id = gen_random_uuid(), name = name || ' moved' "
                    "WHERE id = ANY(%s::uuid[]) RETURNING id, name", ([str(i) for i in old_ids],))
        moved = dict(cur.fetchall())
        cur.execute("SELECT row_id, old_row->>'id', old_row->>'name', new_row->>'id', new_row->>'name' "
                    "FROM imis_audit.log WHERE action = 'UPDATE' AND row_id = ANY(%s::uuid[])",
                    ([str(i) for i in moved],))
        logged = cur.fetchall()
    assert len(logged) == 3
    for row_id, old_id, old_name, new_id, new_name in logged:
        assert new_id == str(row_id) and new_name == moved[row_id] == old_name + " moved"
        assert old_id in {str(i) for i in old_ids}


def test_row_metadata_is_the_servers_to_set(city):
    """created_at, updated_at, row_version and changed_by cannot be forged on INSERT, and a SECURITY DEFINER
    function writing for a login records the login, not the function's owner."""
    dsn, logins = city
    editor = logins["imis_gis_editor"]
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("CREATE FUNCTION public.audit_test_owner(n text) RETURNS uuid LANGUAGE sql "
                    "SECURITY DEFINER AS $$ INSERT INTO imis_core.owner (name) VALUES (n) RETURNING id $$")
        cur.execute(sql.SQL("GRANT EXECUTE ON FUNCTION public.audit_test_owner(text) TO {}").format(
            sql.Identifier(editor)))
    conn = connect_as(dsn, editor)
    try:
        with conn, conn.cursor() as cur:
            cur.execute("INSERT INTO imis_core.building (bin, geom, created_at, updated_at, row_version, "
                        "changed_by) VALUES ('AUD-META', ST_GeomFromText(%s, %s), '2000-01-01', "
                        "'2000-01-01', 7, 'someone') "
                        "RETURNING created_at = now(), updated_at = now(), row_version, changed_by",
                        (square(X + 500, Y, 10), TEST_SRID))
            assert cur.fetchone() == (True, True, 1, editor)
            cur.execute("SELECT public.audit_test_owner('Via')")
            cur.execute("SELECT changed_by, row_version FROM imis_core.owner WHERE id = %s", cur.fetchone())
            assert cur.fetchone() == (editor, 1)
    finally:
        conn.close()
        with transaction(dsn) as admin, admin.cursor() as cur:
            cur.execute("DROP FUNCTION public.audit_test_owner(text)")


def test_an_upsert_logs_its_insert_and_its_update(city):
    dsn, _ = city
    geom = f"ST_GeomFromText('{square(X + 800, Y, 10)}', {TEST_SRID})"
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(f"INSERT INTO imis_core.building (bin, geom) VALUES ('AUD-UP1', {geom})")
        cur.execute(f"INSERT INTO imis_core.building (bin, geom) VALUES ('AUD-UP1', {geom}), "
                    f"('AUD-UP2', {geom}) ON CONFLICT (bin) DO UPDATE SET floor_count = 5")
        cur.execute("SELECT action, old_row->>'floor_count', new_row->>'bin', new_row->>'floor_count' "
                    "FROM imis_audit.log WHERE coalesce(new_row, old_row)->>'bin' LIKE 'AUD-UP%' ORDER BY id")
        logged = sorted(cur.fetchall(), key=str)
    assert logged == [("INSERT", None, "AUD-UP1", None), ("INSERT", None, "AUD-UP2", None),
                      ("UPDATE", None, "AUD-UP1", "5")]
