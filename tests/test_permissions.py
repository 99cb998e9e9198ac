"""The permission matrix (database/permissions.toml) is what the database does, cell by cell.

Each role logs in once (a member of the group role, one connection) and tries each operation on each table
and view of the IMIS schemas, every try in a savepoint that is rolled back: a granted cell must succeed and
a refused one must fail with permission denied. On the tables with row-level security each cell is also
tried on real rows: two members of a scoped role working for different providers (plants, or in their
own names) must each reach some rows and none of the other's, a member working for nobody none, and a
role that sees all rows all of them. The rows reached by an insert are those whose copy the policies let
in. docs/permissions.md must be what the matrix generates.
"""

import datetime as dt
import re
import uuid

import psycopg2
import pytest
from psycopg2 import errors, sql

from imis_plugin.db import permissions
from imis_plugin.db.connect import connect, transaction
from imis_plugin.db.errors import ImisDatabaseError
from imis_plugin.db.migrate import upgrade
from imis_plugin.paths import APP_SQL_DIR, DATABASE_DIR, ROOT
from imis_plugin.revenue import billing, water

from .conftest import TEST_SRID
from .logins import connect_as, create_login
from .revenue_city import FY, as_role, month_start, populate_revenue
from .sample_city import X, Y, _insert, days_ago, line, point

MATRIX = permissions.load()
ROLES = list(MATRIX.roles)


def _second_chain(cur, ids) -> None:
    """The other provider's whole job (its own containment, vehicle, crew, disposal at the other plant and
    schedule), a test at the other plant, and room left in every emptying for one more disposal."""
    other, plant = ids["other_provider"], ids["other_plant"]
    containment = _insert(cur, "imis_core.containment", {
        "code": "C-0002", "containment_type": "septic_tank_soak_pit", "volume_m3": 5,
        "location": point(X + 165, Y + 515)}, ("location",))
    _insert(cur, "imis_core.building_containment", {"building_id": ids["buildings"][2],
                                                    "containment_id": containment})
    vehicle = _insert(cur, "imis_fsm.vehicle", {"provider_id": other, "registration": "JHE-TA-11-0002",
                                               "vehicle_type": "vacutug", "capacity_m3": 2, "width_m": 1.4})
    employee = _insert(cur, "imis_fsm.employee", {"provider_id": other, "name": "Jamal Hossain",
                                                 "role": "driver", "gender": "male"})
    application = _insert(cur, "imis_fsm.application", {
        "code": "APP-0002", "provider_id": other, "building_id": ids["buildings"][2],
        "containment_id": containment, "application_date": days_ago(20), "requested_date": days_ago(18)})
    _insert(cur, "imis_fsm.assessment", {"application_id": application, "assessed_date": days_ago(19),
                                        "sludge_volume_m3": 3, "trips": 2, "vehicle_type": "vacutug"})
    emptying = _insert(cur, "imis_fsm.emptying", {
        "application_id": application, "emptied_date": days_ago(15), "volume_m3": 4, "trips": 2,
        "vehicle_id": vehicle, "method": "mechanical", "cost_bdt": 2000})
    _insert(cur, "imis_fsm.emptying_crew", {"emptying_id": emptying, "employee_id": employee})
    _insert(cur, "imis_fsm.disposal", {"emptying_id": emptying, "plant_id": plant,
                                      "disposed_date": days_ago(15), "volume_m3": 2})
    cur.execute("UPDATE imis_fsm.disposal SET volume_m3 = 2")  # a copy of a disposal must still fit
    _insert(cur, "imis_fsm.feedback", {"application_id": application, "feedback_date": days_ago(10),
                                      "satisfaction": 5, "crew_wore_ppe": True})
    _insert(cur, "imis_fsm.plant_test", {"plant_id": plant, "sample_date": days_ago(9), "bod_mg_l": 30,
                                        "ph": 7})
    cur.execute("SELECT service_date FROM imis_fsm.schedule_item LIMIT 1")
    service_day = cur.fetchone()[0]
    item = _insert(cur, "imis_fsm.schedule_item", {
        "schedule_id": ids["schedule"], "containment_id": containment, "provider_id": other,
        "vehicle_id": vehicle, "service_date": service_day, "trip_no": 1, "stop_order": 1, "loads": 2,
        "programme": "regular", "expected_volume_m3": 4, "geom": point(X + 165, Y + 515)}, ("geom",))
    _insert(cur, "imis_fsm.schedule_route", {
        "schedule_id": ids["schedule"], "vehicle_id": vehicle, "provider_id": other,
        "service_date": service_day, "stops": 1, "trips": 2, "volume_m3": 4, "distance_km": 5.1,
        "duration_h": 3, "geom": line((X + 50, Y + 500), (X + 165, Y + 500))}, ("geom",))
    _insert(cur, "imis_fsm.reintegration", {"containment_id": containment, "schedule_item_id": item,
                                            "provider_id": other, "declined_date": days_ago(40),
                                            "reason": "locked gate", "resolved_date": days_ago(30),
                                            "outcome": "accepted"})


def _payments(dsn, ids, chief, collectors) -> None:
    """An issued holding-tax run and a month of water bills; each collector takes one payment of each kind."""
    run = billing.run_bills(chief, FY, 1)
    billing.sign_off(chief, run.code)
    billing.issue(chief, run.code)
    water.water_billing_run(chief, month_start(1))
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT id FROM imis_revenue.bill ORDER BY bill_number LIMIT 2")
        bills = [r[0] for r in cur.fetchall()]
        cur.execute("SELECT id FROM imis_revenue.water_bill ORDER BY bill_number LIMIT 2")
        water_bills = [r[0] for r in cur.fetchall()]
        for i, login in enumerate(collectors):
            cur.execute(
                "INSERT INTO imis_revenue.payment (bill_id, amount_bdt, paid_on, received_by) "
                "VALUES (%s, 100, %s, %s)",
                (bills[i], dt.date(2024, 9, 1), login),
            )
            cur.execute(
                "INSERT INTO imis_revenue.water_payment (water_bill_id, amount_bdt, paid_on, received_by) "
                "VALUES (%s, 20, current_date, %s)",
                (water_bills[i], login),
            )
            cur.execute(
                "INSERT INTO imis_revenue.swm_payment (customer_id, period_month, amount_bdt, paid_on, "
                "received_by) VALUES (%s, %s, 100, current_date, %s)",
                (ids[f"customer_{i + 1}"], month_start(2), login),
            )


@pytest.fixture(scope="module")
def city(pg_server):
    """A city with rows for two of everybody, a member of every role, and two members with an identity
    (provider, plant, own name) of each scoped role."""
    dsn = pg_server.create_database("permissions")
    upgrade(dsn, srid=TEST_SRID)
    ids = populate_revenue(dsn)
    with transaction(dsn) as conn, conn.cursor() as cur:
        _second_chain(cur, ids)
    members = {role: create_login(dsn, role) for role in ROLES}
    pairs = {
        "imis_service_provider": (
            create_login(dsn, "imis_service_provider", "_a", provider_id=ids["provider"]),
            create_login(dsn, "imis_service_provider", "_b", provider_id=ids["other_provider"]),
        ),
        "imis_plant_operator": (
            create_login(dsn, "imis_plant_operator", "_a", plant_id=ids["plant"]),
            create_login(dsn, "imis_plant_operator", "_b", plant_id=ids["other_plant"]),
        ),
        "imis_revenue_collector": (
            create_login(dsn, "imis_revenue_collector", "_a"),
            create_login(dsn, "imis_revenue_collector", "_b"),
        ),
    }
    _payments(dsn, ids, as_role(dsn, members["imis_revenue_chief"]), pairs["imis_revenue_collector"])
    logins = [*members.values(), *(login for pair in pairs.values() for login in pair)]
    conns = {}
    try:
        for login in logins:
            conns[login] = connect_as(dsn, login)
            with conns[login].cursor() as cur:
                cur.execute("SET lock_timeout = '5s'")
        yield dsn, members, pairs, conns
    finally:
        for conn in conns.values():
            conn.rollback()
            conn.close()


def _attempt(cur, statement, params=None):
    """(error or None, rows fetched or rowcount) of one statement, undone at once."""
    cur.execute("SAVEPOINT cell")
    try:
        cur.execute(statement, params)
        return None, (cur.fetchall() if cur.description else cur.rowcount)
    except psycopg2.Error as exc:
        return exc, None
    finally:
        cur.execute("ROLLBACK TO SAVEPOINT cell")


def _catalog(dsn):
    """relation -> (kind, writable view?, plain columns in order)."""
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(
            """
            SELECT n.nspname || '.' || c.relname, c.relkind,
                   coalesce(v.is_insertable_into = 'YES' OR v.is_updatable = 'YES', true),
                   array_agg(a.attname ORDER BY a.attnum)
                       FILTER (WHERE a.attgenerated = '' AND a.attidentity <> 'a')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN information_schema.views v ON v.table_schema = n.nspname AND v.table_name = c.relname
            WHERE n.nspname = ANY(%s) AND c.relkind = ANY(%s)
            GROUP BY 1, 2, 3""",
            (list(permissions.SCHEMAS), list(permissions.RELATION_KINDS)),
        )
        return {name: (kind, writable, columns) for name, kind, writable, columns in cur.fetchall()}


OPS = permissions.OPERATIONS
PROBES = {  # each needs exactly one privilege and touches no row: the privilege check still runs
    "S": "SELECT {col} FROM {t} LIMIT 0",
    "I": "INSERT INTO {t} ({col}) SELECT NULL WHERE false",
    "U": "UPDATE {t} SET {col} = NULL WHERE false",
    "D": "DELETE FROM {t} WHERE false",
}


def _probe(table, op, column):
    schema, name = table.split(".")
    return sql.SQL(PROBES[op]).format(t=sql.Identifier(schema, name), col=sql.Identifier(column))


def test_every_cell_as_its_role(city, reliability):
    dsn, members, _, conns = city
    catalog = _catalog(dsn)
    assert set(catalog) == set(MATRIX.tables)
    wrong, tried, column_checks = [], 0, 0
    for role in ROLES:
        cur = conns[members[role]].cursor()
        for table in MATRIX.tables:
            kind, writable, columns = catalog[table]
            cell = MATRIX.cell(table, role)
            for op in permissions.OPERATIONS:
                grant = cell.grant(op)
                error, _ = _attempt(
                    cur, _probe(table, op, grant.columns[0] if grant and grant.columns else columns[0])
                )
                tried += 1
                refused = isinstance(error, errors.InsufficientPrivilege)
                not_updatable = (
                    kind == "v"
                    and not writable
                    and op != "S"
                    and isinstance(error, (errors.ObjectNotInPrerequisiteState, errors.FeatureNotSupported))
                )
                if grant and error is not None:
                    wrong.append(f"{role} {op} {table}: granted ({cell.text}) but {error.pgerror.strip()}")
                elif not grant and not (refused or not_updatable):
                    wrong.append(
                        f"{role} {op} {table}: not granted but "
                        + ("it worked" if error is None else error.pgerror.strip())
                    )
                if grant and grant.columns:  # a column outside the list stays closed
                    other = next(c for c in columns if c not in grant.columns)
                    error, _ = _attempt(cur, _probe(table, op, other))
                    column_checks += 1
                    if not isinstance(error, errors.InsufficientPrivilege):
                        wrong.append(
                            f"{role} {op}({other}) {table}: only {grant.columns} granted, yet allowed"
                        )
            if cell.everything:  # ALL also means the rarer privileges
                cur.execute(
                    "SELECT has_table_privilege(%s, %s, 'TRUNCATE, REFERENCES, TRIGGER')", (role, table)
                )
                if not cur.fetchone()[0]:
                    wrong.append(f"{role} {table}: ALL without TRUNCATE, REFERENCES or TRIGGER")
        for schema in permissions.SCHEMAS:
            cur.execute("SELECT has_schema_privilege(%s, 'USAGE')", (schema,))
            if cur.fetchone()[0] != (role in MATRIX.usage.get(schema, ())):
                wrong.append(
                    f"{role} USAGE on {schema}: the matrix says {role in MATRIX.usage.get(schema, ())}"
                )
    reliability.add("cells tried", tried)  # role x table x operation
    reliability.add("column checks", column_checks)
    assert not wrong, "\n".join(wrong)
    assert tried == MATRIX.cell_count() == len(ROLES) * len(MATRIX.tables) * 4
    assert column_checks > 0


# --- rows ------------------------------------------------------------------------------------------------


def _all_rows(dsn, table, columns):
    """id -> the row's values as text (what a clone inserts), read by the owner (no row-level security)."""
    schema, name = table.split(".")
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(
            sql.SQL("SELECT {} FROM {}").format(
                sql.SQL(", ").join(sql.SQL("{}::text").format(sql.Identifier(c)) for c in columns),
                sql.Identifier(schema, name),
            )
        )
        return {row[columns.index("id")]: row for row in cur.fetchall()}


def _reached(cur, table, op, column, rows, columns) -> tuple[set, list[str]]:
    """The ids a login reaches with op: rows it sees (S), updates or deletes, or whose copy it may insert;
    and anything that neither reached nor refused (then the test cannot tell), or reached more rows than
    that."""
    t = sql.Identifier(*table.split("."))
    reached, unclear = set(), []
    if op == "S":
        error, result = _attempt(cur, sql.SQL("SELECT id::text FROM {}").format(t))
        if error is not None:
            return set(), [error.pgerror.strip()]
        return {r[0] for r in result}, []
    for row_id, values in rows.items():
        if op == "I":
            copy = [str(uuid.uuid4()) if c == "id" else v for c, v in zip(columns, values)]
            statement = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
                t,
                sql.SQL(", ").join(map(sql.Identifier, columns)),
                sql.SQL(", ").join(sql.Placeholder() * len(columns)),
            )
            error, count = _attempt(cur, statement, copy)
            # unique and foreign-key checks come after the policies: the copy got past them
            passed = error is None or isinstance(error, (errors.UniqueViolation, errors.ForeignKeyViolation))
        else:
            statement = (
                sql.SQL("UPDATE {} SET {} = {} WHERE id = %s").format(
                    t, sql.Identifier(column), sql.Identifier(column)
                )
                if op == "U"
                else sql.SQL("DELETE FROM {} WHERE id = %s").format(t)
            )
            error, count = _attempt(cur, statement, (row_id,))
            # a row still referenced cannot go, but the delete did reach it
            passed = (error is None and count == 1) or (
                op == "D" and isinstance(error, errors.ForeignKeyViolation)
            )
        if passed:
            reached.add(row_id)
        elif error is not None and not isinstance(error, errors.InsufficientPrivilege):
            unclear.append(f"{row_id}: {error.pgerror.strip()}")
    if op in "UD":
        # A WHERE clause brings the SELECT policies in too; a statement that reads no column meets the
        # UPDATE or DELETE policy alone, and must reach no more rows than the ones above.
        everywhere = (
            sql.SQL("UPDATE {} SET {} = DEFAULT").format(
                t, sql.Identifier(column if column != "id" else "updated_at")
            )
            if op == "U"
            else sql.SQL("DELETE FROM {}").format(t)
        )
        error, count = _attempt(cur, everywhere)
        if error is None and count != len(reached):
            unclear.append(
                f"the {OPS[op]} policy alone reaches {count} rows, through their ids {len(reached)}"
            )
        elif error is not None and not (op == "D" and isinstance(error, errors.ForeignKeyViolation)):
            unclear.append(f"{OPS[op]} of every row: {error.pgerror.strip()}")
    return reached, unclear


def test_row_scopes_as_two_members_of_each_role(city, reliability):
    """On every table with row-level security, every granted cell on real rows."""
    dsn, members, pairs, conns = city
    catalog = _catalog(dsn)
    secured = [t for t in MATRIX.tables if MATRIX.row_secured(t)]
    assert len(secured) >= 15
    wrong, checks = [], 0
    for table in secured:
        columns = catalog[table][2]
        rows = _all_rows(dsn, table, columns)
        everything = set(rows)
        assert len(everything) >= 2, f"{table}: the test city needs rows of two owners"
        for role in ROLES:
            for grant in MATRIX.cell(table, role).grants:
                column = grant.columns[0] if grant.columns else "id"
                where = f"{role} {grant.op} {table} ({grant.scope})"
                if grant.scope in (permissions.ALL_ROWS, permissions.NO_ROWS):
                    reached, unclear = _reached(
                        conns[members[role]].cursor(), table, grant.op, column, rows, columns
                    )
                    expected = everything if grant.scope == permissions.ALL_ROWS else set()
                    if reached != expected or unclear:
                        wrong.append(f"{where}: reached {len(reached)} of {len(everything)} rows {unclear}")
                    checks += 1
                    continue
                if role not in pairs:
                    wrong.append(
                        f"{where}: the test has no two members of {role} working for different owners"
                    )
                    continue
                first, second = (
                    _reached(conns[login].cursor(), table, grant.op, column, rows, columns)
                    for login in pairs[role]
                )
                nobody = _reached(conns[members[role]].cursor(), table, grant.op, column, rows, columns)
                checks += 3
                problems = [
                    text
                    for text in (
                        "the first member reaches nothing" if not first[0] else "",
                        "the second member reaches nothing" if not second[0] else "",
                        "both reach the same rows" if first[0] & second[0] else "",
                        "a member reaches every row" if everything in (first[0], second[0]) else "",
                        "a member working for nobody reaches rows" if nobody[0] else "",
                    )
                    if text
                ]
                unclear = first[1] + second[1] + nobody[1]
                if problems or unclear:
                    wrong.append(f"{where}: {'; '.join(problems)} {unclear}")
    reliability.add("row-scope checks", checks)
    assert not wrong, "\n".join(wrong)
    assert checks > 100


# --- the matrix and the files ----------------------------------------------------------------------------


def test_docs_are_what_the_matrix_generates():
    committed = (ROOT / "docs" / "permissions.md").read_text(encoding="utf-8")
    assert committed == permissions.markdown(MATRIX), (
        "docs/permissions.md is stale: run `imis db permissions --markdown -o docs/permissions.md`"
    )
    assert "(permissions.md)" in (ROOT / "docs" / "database.md").read_text(encoding="utf-8")


def test_no_sql_file_grants_table_rights_or_writes_policies():
    """The matrix is the only source: the app SQL may grant EXECUTE on functions, nothing else."""
    found = []
    for path in sorted(APP_SQL_DIR.glob("*.sql")):
        text = re.sub(r"--[^\n]*", "", path.read_text(encoding="utf-8"))
        for match in re.finditer(
            r"\b(GRANT|REVOKE|CREATE\s+POLICY|ALTER\s+POLICY|ROW\s+LEVEL\s+SECURITY)\b[^;]*",
            text,
            re.IGNORECASE,
        ):
            if not re.match(r"GRANT\s+EXECUTE\s+ON\s+FUNCTION", match.group(0), re.IGNORECASE):
                found.append(f"{path.name}: {' '.join(match.group(0).split())[:80]}")
    assert found == []


def test_the_matrix_roles_are_the_roles_sql_creates():
    roles_sql = (DATABASE_DIR / "roles.sql").read_text(encoding="utf-8")
    array = re.search(r"ARRAY\[(.*?)\]", roles_sql, re.DOTALL).group(1)
    assert re.findall(r"'(imis_\w+)'", array) == ROLES


@pytest.mark.parametrize(
    "change, message",
    [
        ('imis_viewer = "S"', "unknown role 'imis_nobody'"),
        ('imis_viewer = "SX"', "cannot read 'SX'"),
        ('imis_viewer = "S:own_house"', "unknown scope 'own_house'"),
        ('imis_viewer = "SS"', "operation S appears twice"),
        ('imis_viewer = "D(id)"', "DELETE cannot be limited to columns"),
        ('imis_viewer = "ALL:own_plant"', "ALL takes neither columns nor a scope"),
    ],
)
def test_mistakes_in_the_matrix_are_named(tmp_path, change, message):
    text = (DATABASE_DIR / "permissions.toml").read_text(encoding="utf-8")
    old = '[templates.national_views]\nimis_admin = "S"\nimis_viewer = "S"\n'
    assert old in text
    new = change.replace("imis_viewer", "imis_nobody") if "nobody" in message else change
    bad = tmp_path / "permissions.toml"
    bad.write_text(
        text.replace(old, f'[templates.national_views]\nimis_admin = "S"\n{new}\n'), encoding="utf-8"
    )
    with pytest.raises(ImisDatabaseError, match=re.escape(message)) as info:
        permissions.load(bad)
    assert "national_views" in str(info.value)


def test_templates_may_not_refer_in_a_circle(tmp_path):
    text = (DATABASE_DIR / "permissions.toml").read_text(encoding="utf-8")
    bad = tmp_path / "permissions.toml"
    bad.write_text(
        text.replace("[templates.read_by_all]\n", '[templates.read_by_all]\nlike = "city_data"\n'),
        encoding="utf-8",
    )
    with pytest.raises(ImisDatabaseError, match="in a circle"):
        permissions.load(bad)


def test_a_table_without_an_entry_stops_the_upgrade_and_changes_nothing(head_dsn):
    with transaction(head_dsn) as conn, conn.cursor() as cur:
        cur.execute("CREATE TABLE imis_core.unlisted (id uuid PRIMARY KEY)")
        cur.execute("SELECT count(*) FROM pg_policies")
        policies = cur.fetchone()[0]
    with pytest.raises(ImisDatabaseError, match=r"no entry for imis_core\.unlisted"):
        upgrade(head_dsn)
    conn = connect(head_dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_policies")
            assert cur.fetchone()[0] == policies  # the rebuild was rolled back whole
            cur.execute(
                "SELECT has_table_privilege('imis_viewer', 'imis_core.building', 'SELECT'), "
                "has_table_privilege('imis_viewer', 'imis_core.unlisted', 'SELECT')"
            )
            assert cur.fetchone() == (True, False)
    finally:
        conn.close()
    with transaction(head_dsn) as conn, conn.cursor() as cur:
        cur.execute("DROP TABLE imis_core.unlisted")
    upgrade(head_dsn)  # and without it all is well again


def test_the_command_prints_the_matrix_and_writes_the_page(tmp_path, capsys):
    from imis_plugin.cli import main

    page = tmp_path / "permissions.md"
    assert main(["db", "permissions", "--markdown", "-o", str(page)]) == 0
    assert page.read_text(encoding="utf-8") == permissions.markdown(MATRIX)
    assert main(["db", "permissions"]) == 0
    listing = capsys.readouterr().out
    assert all(table in listing for table in MATRIX.tables)


def test_a_stale_entry_stops_the_upgrade():
    relations = {name: ("r", False) for name in MATRIX.tables if name != "imis_core.ward"}
    with pytest.raises(
        ImisDatabaseError, match=r"entries for tables or views that do not exist: imis_core\.ward"
    ):
        permissions.check_coverage(MATRIX, relations)
