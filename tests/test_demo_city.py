"""The synthetic demo city (imis_plugin.demo_city): deterministic for a seed, every row passing the database's
rules (checked set-based and by re-inserting the city through every trigger), plausible geometry and shares,
refusal of a non-empty database, cancellation, the CLI, `imis demo`'s idempotent demo city and its revenue
outputs (maps, bills, registers), and the Processing algorithm, against real PostGIS and QGIS."""
import datetime as dt
import io
import json
import re

import pytest
from psycopg2 import sql

from imis_plugin.db.connect import connect, transaction
from imis_plugin.db.migrate import upgrade
from imis_plugin.demo_city import DemoCityCancelled, DemoCityError, generate, last_generation
from imis_plugin.demo_city import validate
from imis_plugin.demo_city.commands import ensure_demo
from imis_plugin.demo_city.generator import TABLES, TAX_HISTORY
from imis_plugin.demo_city.plan import TARGETS
from imis_plugin.demo_city.shares import measured_shares
from tests.conftest import TEST_SRID
from tests.db import one as _one
from tests.db import rows as _rows

# in the second quarter of fiscal year 2025-26: the bill runs are the first quarter's (with the rebate) and
# this one
AS_OF = dt.date(2025, 12, 31)
N = 2000
SEED = 7
NAMES = [f"{s}.{t}" for s, t in TABLES]


def _new_db(pg_server, name: str) -> str:
    dsn = pg_server.create_database(name)
    upgrade(dsn, srid=TEST_SRID)
    return dsn


@pytest.fixture(scope="module")
def city(pg_server):
    dsn = _new_db(pg_server, "demo_city")
    return dsn, generate(dsn, buildings=N, seed=SEED, as_of=AS_OF)


def content_hashes(dsn) -> dict[str, str]:
    """A hash of every generated table's rows, ids and geometries included (row metadata left out: the
    timestamps are the time of loading; the city row's id comes from the installation)."""
    hashes = {}
    with transaction(dsn) as conn, conn.cursor() as cur:
        for schema, table in TABLES + [("imis_core", "city")]:
            cur.execute(sql.SQL("SELECT md5(coalesce(string_agg((to_jsonb(t) - 'created_at' - 'updated_at' - 'changed_by'"
                                " - 'row_version' - {})::text, '|' ORDER BY t.id), '')) FROM {}.{} t").format(
                sql.Literal("id" if table == "city" else ""), sql.Identifier(schema), sql.Identifier(table)))
            hashes[f"{schema}.{table}"] = cur.fetchone()[0]
    return hashes


# --- determinism ------------------------------------------------------------------------------------------


def test_same_seed_and_size_give_the_same_city(city, pg_server):
    dsn, summary = city
    again = _new_db(pg_server, "demo_city_again")
    second = generate(again, buildings=N, seed=SEED, as_of=AS_OF)
    assert second["rows"] == summary["rows"]
    assert content_hashes(again) == content_hashes(dsn)


def test_another_seed_gives_another_city(city, pg_server):
    dsn, _ = city
    other = _new_db(pg_server, "demo_city_other")
    generate(other, buildings=N, seed=SEED + 1, as_of=AS_OF)
    mine, theirs = content_hashes(dsn), content_hashes(other)
    assert mine["imis_core.building"] != theirs["imis_core.building"]
    assert mine["imis_fsm.application"] != theirs["imis_fsm.application"]
    bins = {r[0]: r[1] for r in _rows(dsn, "SELECT bin, id FROM imis_core.building")}
    other_bins = {r[0]: r[1] for r in _rows(other, "SELECT bin, id FROM imis_core.building")}
    assert bins.keys() == other_bins.keys()  # BINs number the buildings 1..N
    assert not set(bins.values()) & set(other_bins.values())


# --- the database's rules ---------------------------------------------------------------------------------


def test_every_rule_holds_set_based(city):
    dsn, summary = city
    assert summary["mode"] == "replica"
    with transaction(dsn) as conn, conn.cursor() as cur:
        assert validate.problems(cur, NAMES) == []


def _copy_table(src, out, schema: str, table: str, overrides: dict | None = None) -> None:
    """COPY one table from the source cursor's database into the target's, some columns replaced by SQL."""
    src.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
                "AND table_name = %s ORDER BY ordinal_position", (schema, table))
    columns = [r[0] for r in src.fetchall()]
    select = sql.SQL(", ").join((overrides or {}).get(c, sql.Identifier(c)) for c in columns)
    buffer = io.StringIO()
    src.copy_expert(sql.SQL("COPY (SELECT {} FROM {}.{}) TO STDOUT").format(
        select, sql.Identifier(schema), sql.Identifier(table)).as_string(src), buffer)
    buffer.seek(0)
    out.copy_expert(sql.SQL("COPY {}.{} ({}) FROM STDIN").format(
        sql.Identifier(schema), sql.Identifier(table),
        sql.SQL(", ").join(map(sql.Identifier, columns))).as_string(out), buffer)


def test_every_row_passes_the_triggers(city, pg_server):
    """Copy the city into a fresh database with every trigger and foreign key on: the rule checks, the audit
    and the emptying trigger accept each row, and that trigger computes the same emptying counts and dates
    the generator wrote. What the rules let only a workflow write is written that way: bill runs as drafts,
    their bills, then signed off and issued (the test's login is a superuser, which counts as a revenue
    chief), then the payments; connection applications as received, then surveyed."""
    dsn, summary = city
    target = _new_db(pg_server, "demo_city_copy")
    # the emptying trigger is to recompute these from the copied emptyings
    overrides = {"containment": {"emptied_count": sql.SQL("0"), "last_emptied_date": sql.SQL("NULL::date"),
                                 "next_emptying_date": sql.SQL("NULL::date")},
                 "bill_run": {"state": sql.SQL("'draft'"), **{c: sql.SQL("NULL") for c in (
                     "signed_off_by", "signed_off_at", "issued_by", "issued_at")}},
                 "water_application": {"state": sql.SQL("'applied'"), "surveyed_on": sql.SQL("NULL::date")}}
    source = connect(dsn)
    try:
        with transaction(target) as dst, source.cursor() as src, dst.cursor() as out:
            for schema, table in TABLES:
                if table == "payment_import":  # the runs' bills are in: sign the runs off and issue them
                    out.execute("SELECT id FROM imis_revenue.bill_run ORDER BY fiscal_year, quarter")
                    for (run,) in out.fetchall():
                        for state in ("signed_off", "issued"):
                            out.execute("UPDATE imis_revenue.bill_run SET state = %s WHERE id = %s",
                                        (state, run))
                _copy_table(src, out, schema, table, overrides.get(table))
            src.execute("SELECT id, state, surveyed_on FROM imis_revenue.water_application "
                        "WHERE state <> 'applied'")
            for application, state, day in src.fetchall():
                out.execute("UPDATE imis_revenue.water_application SET state = %s, surveyed_on = %s "
                            "WHERE id = %s", (state, day, application))
    finally:
        source.close()
    with transaction(target) as conn, conn.cursor() as cur:
        counts = {}
        for schema, table in TABLES:
            cur.execute(sql.SQL("SELECT count(*) FROM {}.{}").format(sql.Identifier(schema), sql.Identifier(table)))
            counts[f"{schema}.{table}"] = cur.fetchone()[0]
    assert counts == summary["rows"]
    assert summary["rows"]["imis_revenue.bill"] > 0 and summary["rows"]["imis_revenue.water_application"] > 0
    # every row audited, bills as one summary row per statement (database/app/80_revenue.sql)
    audited = _one(target, "SELECT count(*) FROM imis_audit.log "
                           "WHERE action = 'INSERT' AND table_name <> 'bill'")
    assert audited >= sum(summary["rows"].values()) - summary["rows"]["imis_revenue.bill"]
    assert _one(target, "SELECT (new_row->>'rows')::int FROM imis_audit.log WHERE table_name = 'bill'") \
        == summary["rows"]["imis_revenue.bill"]
    expected = _rows(dsn, "SELECT id, emptied_count, last_emptied_date FROM imis_core.containment ORDER BY id")
    assert _rows(target, "SELECT id, emptied_count, last_emptied_date FROM imis_core.containment ORDER BY id") == expected
    surveyed = "SELECT id, state, surveyed_on, survey_note, fee_bdt FROM imis_revenue.water_application " \
               "ORDER BY id"
    assert _rows(target, surveyed) == _rows(dsn, surveyed)


BILLED = {"bill_run", "bill", "payment_import", "payment", "water_bill", "water_payment"}
TAX_BILL = ("b.holding_id, b.fiscal_year, b.quarter, b.annual_value_bdt, b.holding_tax_bdt, "
            "b.conservancy_bdt, b.lighting_bdt, b.water_bdt, b.sewerage_bdt, b.fire_bdt, b.current_bdt, "
            "b.arrears_bdt, b.advance_bdt, b.total_due_bdt, b.full_year_bdt, b.rebate_bdt")
WATER_BILL = ("b.connection_id, b.meter_id, b.opening_m3, b.closing_m3, b.consumption_m3, "
              "b.consumption_charge_bdt, b.fixed_charge_bdt, b.current_bdt, b.arrears_bdt, b.advance_bdt, "
              "b.total_due_bdt, b.due_date")


def _next_month(day: dt.date, months: int = 1) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def test_revenue_history_is_the_revenue_modules(city, pg_server):
    """The generated bills are the revenue module's: the city without its bills is billed again by the
    module's own bill runs and water billing runs, in order, each run seeing the generated payments made
    before it; every bill (numbers, amounts, arrears, advances, rebate offers) and every account comes out
    the same."""
    from imis_plugin.revenue import billing, water

    dsn, _ = city
    target = _new_db(pg_server, "demo_city_revenue")
    source = connect(dsn)
    try:
        with transaction(target) as dst, source.cursor() as src, dst.cursor() as out:
            out.execute("SET LOCAL session_replication_role = replica")  # a copy of checked rows
            for schema, table in TABLES:
                if table not in BILLED:
                    _copy_table(src, out, schema, table)
    finally:
        source.close()

    def replay_payments(table, bills, first, before):
        """The payments made from `first` up to `before` (the next run), on the target's bills."""
        key = sql.Identifier("bill_id" if table == "payment" else "water_bill_id")
        payments, bill_table = sql.Identifier("imis_revenue", table), sql.Identifier("imis_revenue", bills)
        made = _rows(dsn, sql.SQL("SELECT b.bill_number, p.amount_bdt, p.paid_on, p.channel, p.reference, "
                                  "p.received_by FROM {} p JOIN {} b ON b.id = p.{} "
                                  "WHERE p.paid_on >= %s AND p.paid_on < %s").format(
            payments, bill_table, key), (first, before))
        with transaction(target) as conn, conn.cursor() as cur:
            for bill_number, amount, paid_on, channel, reference, by in made:
                cur.execute(sql.SQL("INSERT INTO {} ({}, amount_bdt, paid_on, channel, reference, "
                                    "received_by) SELECT id, %s, %s, %s, %s, %s FROM {} "
                                    "WHERE bill_number = %s").format(
                    payments, key, bill_table), (amount, paid_on, channel, reference, by, bill_number))

    runs = _rows(dsn, "SELECT code, fiscal_year, quarter, due_date, "
                      "(issued_at AT TIME ZONE 'Asia/Dhaka')::date FROM imis_revenue.bill_run "
                      "ORDER BY fiscal_year, quarter")
    assert [r[0] for r in runs] == ["HT-2025-Q1", "HT-2025-Q2"]  # the as-of quarter and the one before
    tax = f"SELECT b.bill_number, {TAX_BILL} FROM imis_revenue.bill b JOIN imis_revenue.bill_run r " \
          "ON r.id = b.bill_run_id WHERE r.code = %s ORDER BY 1"
    for i, (code, fiscal_year, quarter, due, issued) in enumerate(runs):
        billing.run_bills(target, fiscal_year, quarter, due, code)
        billing.sign_off(target, code)
        billing.issue(target, code)
        assert _rows(target, tax, (code,)) == _rows(dsn, tax, (code,)), code
        replay_payments("payment", "bill", dt.date.min if i == 0 else issued,
                        runs[i + 1][4] if i + 1 < len(runs) else dt.date.max)
    accounts = "SELECT holding_id, billed_bdt, paid_bdt, rebate_bdt, balance_bdt, status " \
               "FROM imis_app.holding_tax_account ORDER BY holding_id"
    assert _rows(target, accounts) == _rows(dsn, accounts)

    months = [r[0] for r in _rows(dsn, "SELECT DISTINCT period_month FROM imis_revenue.water_bill "
                                       "ORDER BY 1")]
    assert len(months) == 12
    bills = f"SELECT b.bill_number, {WATER_BILL} FROM imis_revenue.water_bill b " \
            "WHERE b.period_month = %s ORDER BY 1"
    for i, month in enumerate(months):
        water.water_billing_run(target, month)  # made on the 2nd of the next month, due on the 15th
        assert _rows(target, bills, (month,)) == _rows(dsn, bills, (month,)), month
        replay_payments("water_payment", "water_bill",
                        dt.date.min if i == 0 else _next_month(month).replace(day=2),
                        _next_month(month, 2).replace(day=2) if i + 1 < len(months) else dt.date.max)
    accounts = "SELECT id, billed_bdt, paid_bdt, balance_bdt, overdue_bdt " \
               "FROM imis_app.water_connection_status ORDER BY id"
    assert _rows(target, accounts) == _rows(dsn, accounts)


def test_every_trigger_of_the_loaded_tables_is_mirrored(city):
    """A trigger added to one of these tables later must be mirrored in validate (or the bulk load would
    skip its rule unnoticed)."""
    dsn, _ = city
    functions = {r[0] for r in _rows(dsn, "SELECT DISTINCT p.proname FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
                                          "WHERE NOT t.tgisinternal AND t.tgrelid = ANY(%s::regclass[])", (NAMES,))}
    assert functions and functions <= set(validate.MIRRORED_TRIGGERS)


def test_one_audit_summary_row_and_keys_back(city):
    dsn, summary = city
    marker = last_generation(dsn)
    assert marker["seed"] == SEED and marker["buildings"] == N and marker["as_of"] == AS_OF.isoformat()
    assert marker["rows"] == summary["rows"]
    assert _one(dsn, "SELECT count(*) FROM imis_audit.log WHERE table_name <> 'demo_city'") == 0
    # the keys, indexes and foreign keys dropped for the load are all back
    assert _one(dsn, "SELECT count(*) FROM pg_constraint WHERE conname = 'fk_building_ward'") == 1
    assert _one(dsn, "SELECT count(*) FROM pg_indexes WHERE indexname IN ('pk_building', 'uq_building_bin', "
                     "'idx_building_geom', 'ix_building_bin_search', 'uq_holding_code_standard')") == 5


# --- plausibility -----------------------------------------------------------------------------------------


def test_shares_within_tolerance(city):
    dsn, _ = city
    with transaction(dsn) as conn, conn.cursor() as cur:
        shares = measured_shares(cur)
    outside = {k: (v, TARGETS[k]) for k, v in shares.items() if abs(v - TARGETS[k][0]) > TARGETS[k][1]}
    assert not outside


def test_containment_types_and_sanitation_systems(city):
    dsn, _ = city
    types = dict(_rows(dsn, "SELECT containment_type, count(*) FROM imis_core.containment GROUP BY 1"))
    assert {"septic_tank_soak_pit", "septic_tank_drain", "unlined_pit", "double_pit", "lined_pit_soak_pit",
            "holding_tank"} <= types.keys()
    systems = dict(_rows(dsn, "SELECT sanitation_system, count(*) FROM imis_core.building GROUP BY 1"))
    assert {"septic_tank", "pit_holding_tank", "sewer_network", "drain_network", "community_toilet",
            "shared_septic_tank", "open_defecation", None} <= systems.keys()
    assert max(systems, key=lambda k: systems[k]) == "septic_tank"
    # a shared containment serves its group; buildings on a drain-outlet containment name their drain
    assert _one(dsn, "SELECT max(n) FROM (SELECT count(*) AS n FROM imis_core.building_containment "
                     "GROUP BY containment_id) x") >= 2
    assert _one(dsn, "SELECT count(*) FROM imis_core.building b JOIN imis_core.building_containment bc ON "
                     "bc.building_id = b.id JOIN imis_core.containment c ON c.id = bc.containment_id "
                     "WHERE c.containment_type LIKE '%drain' AND b.drain_id IS NULL") == 0
    assert _one(dsn, "SELECT count(*) FROM imis_core.building WHERE sanitation_system = 'sewer_network' "
                     "AND sewer_id IS NULL") == 0


def test_geometry_is_plausible(city):
    dsn, _ = city
    checks = {
        "overlapping buildings": "SELECT count(*) FROM imis_core.building a JOIN imis_core.building b "
                                 "ON a.id < b.id AND a.geom && b.geom AND ST_Intersects(a.geom, b.geom)",
        "buildings on a road": "SELECT count(*) FROM imis_core.road r JOIN imis_core.building b "
                               "ON ST_DWithin(b.geom, r.geom, r.width_m / 2) "
                               "AND ST_Intersects(b.geom, ST_Buffer(r.geom, r.width_m / 2, 'endcap=flat'))",
        "buildings in water": "SELECT count(*) FROM imis_core.water_body w JOIN imis_core.building b "
                              "ON ST_Intersects(b.geom, w.geom)",
        "buildings outside their ward": "SELECT count(*) FROM imis_core.building b JOIN imis_core.ward w "
                                        "ON w.id = b.ward_id WHERE NOT ST_Intersects(w.geom, ST_Centroid(b.geom))",
        "buildings without ward": "SELECT count(*) FROM imis_core.building WHERE ward_id IS NULL",
        "low-income houses outside their community": "SELECT count(*) FROM imis_core.building b JOIN "
            "imis_core.low_income_community l ON l.id = b.lic_id WHERE NOT ST_Within(ST_Centroid(b.geom), l.geom)",
        "overlapping wards": "SELECT count(*) FROM imis_core.ward a JOIN imis_core.ward b ON a.id < b.id "
                             "AND ST_Area(ST_Intersection(a.geom, b.geom)) > 0.01",
        "dependants of another community's toilet": "SELECT count(*) FROM imis_core.building_toilet bt "
            "JOIN imis_core.building b ON b.id = bt.building_id JOIN imis_core.toilet t ON t.id = bt.toilet_id "
            "JOIN imis_core.building tb ON tb.id = t.building_id WHERE tb.lic_id IS DISTINCT FROM b.lic_id",
    }
    assert {name: _one(dsn, query) for name, query in checks.items()} == {name: 0 for name in checks}
    area, boundary = _rows(dsn, "SELECT sum(ST_Area(w.geom)), ST_Area(c.boundary) FROM imis_core.ward w, "
                                "imis_core.city c GROUP BY c.boundary")[0]
    assert abs(area - boundary) < 1  # the wards tile the boundary
    assert _one(dsn, "SELECT bool_and(ST_Within(b.geom, c.boundary)) FROM imis_core.building b, imis_core.city c")
    assert _one(dsn, "SELECT name FROM imis_core.city") == "Demo City"


def test_road_network_is_connected_and_varied(city):
    dsn, _ = city
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("""
            CREATE TEMP TABLE edge AS
            WITH e AS (SELECT row_number() OVER (ORDER BY id) AS id,
                              ST_AsText(ST_SnapToGrid(ST_StartPoint(ST_GeometryN(geom, 1)), 0.01)) AS a,
                              ST_AsText(ST_SnapToGrid(ST_EndPoint(ST_GeometryN(geom, 1)), 0.01)) AS b
                       FROM imis_core.road),
                 v AS (SELECT p, row_number() OVER (ORDER BY p) AS n FROM (SELECT a AS p FROM e UNION SELECT b FROM e) x)
            SELECT e.id, va.n AS source, vb.n AS target FROM e JOIN v va ON va.p = e.a JOIN v vb ON vb.p = e.b""")
        cur.execute("SELECT count(DISTINCT component) FROM pgr_connectedComponents("
                    "'SELECT id, source, target, 1 AS cost, 1 AS reverse_cost FROM edge')")
        assert cur.fetchone()[0] == 1
        cur.execute("SELECT count(DISTINCT hierarchy), count(DISTINCT surface), min(width_m), max(width_m), "
                    "count(*) FILTER (WHERE width_m < 2.5) FROM imis_core.road")
        hierarchies, surfaces, narrowest, widest, lanes = cur.fetchone()
    assert hierarchies == 3 and surfaces >= 4 and narrowest < 2 and widest > 10 and lanes > 0
    outlets = _rows(dsn, "SELECT p.plant_type, count(*) FROM imis_core.drain d JOIN imis_core.treatment_plant p "
                         "ON p.id = d.outlet_plant_id GROUP BY 1")
    assert outlets and _one(dsn, "SELECT count(*) FROM imis_core.drain WHERE outlet_plant_id IS NULL") > 0
    assert {r[0] for r in _rows(dsn, "SELECT plant_type FROM imis_core.treatment_plant")} >= {"fstp", "decentralised_wwtp"}


def test_holdings_standard_legacy_and_duplicates(city):
    dsn, _ = city
    standard = re.compile(r"^\d{2}-\d{3}-\d{4}-\d{2}$")
    codes = _rows(dsn, "SELECT holding_code, is_legacy FROM imis_core.holding")
    assert all(standard.match(code) for code, legacy in codes if not legacy)
    assert len({c for c, legacy in codes if not legacy}) == sum(1 for _, legacy in codes if not legacy)
    legacy = [c for c, is_legacy in codes if is_legacy]
    assert 0.03 < len(legacy) / len(codes) < 0.12
    assert any(not standard.match(c) for c in legacy)
    # a building recorded twice: its second holding is a legacy spelling of its standard code
    duplicates = _one(dsn, r"""
        SELECT count(*) FROM imis_core.holding l JOIN imis_core.holding s ON NOT s.is_legacy AND l.is_legacy
          AND s.holding_code = (SELECT string_agg(lpad(p, w, '0'), '-' ORDER BY n)
                                FROM unnest(string_to_array(translate(l.holding_code, '০১২৩৪৫৬৭৮৯', '0123456789'), '-'))
                                     WITH ORDINALITY x(p, n)
                                JOIN (VALUES (1, 2), (2, 3), (3, 4), (4, 2)) w(n, w) USING (n))
        WHERE l.holding_code ~ '^[0-9০-৯]+-[0-9০-৯]+-[0-9০-৯]+-[0-9০-৯]+$'""")
    assert duplicates > 0
    assert _one(dsn, "SELECT count(*) FROM imis_core.owner") < len(codes)  # some own several holdings


def test_fsm_history_spans_three_years_with_gaps(city):
    dsn, _ = city
    first, last = _rows(dsn, "SELECT min(application_date), max(application_date) FROM imis_fsm.application")[0]
    assert first >= AS_OF.replace(year=AS_OF.year - 3) and last <= AS_OF
    assert (last - first).days > 2.5 * 365
    open_jobs = _one(dsn, "SELECT count(*) FROM imis_fsm.application a WHERE NOT a.is_cancelled "
                          "AND NOT EXISTS (SELECT 1 FROM imis_fsm.emptying e WHERE e.application_id = a.id)")
    unassessed = _one(dsn, "SELECT count(*) FROM imis_fsm.emptying e WHERE NOT EXISTS "
                           "(SELECT 1 FROM imis_fsm.assessment s WHERE s.application_id = e.application_id)")
    manual = _one(dsn, "SELECT count(*) FROM imis_fsm.emptying WHERE method = 'manual' AND vehicle_id IS NULL")
    crews = _one(dsn, "SELECT min(n) FROM (SELECT count(*) AS n FROM imis_fsm.emptying_crew GROUP BY emptying_id) x")
    assert open_jobs > 0 and unassessed > 0 and manual > 0 and crews == 3
    delays = _rows(dsn, "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY e.emptied_date - a.application_date) "
                        "FROM imis_fsm.emptying e JOIN imis_fsm.application a ON a.id = e.application_id")[0][0]
    assert 1 <= delays <= 14
    weekend = _one(dsn, "SELECT count(*) FROM imis_fsm.emptying WHERE extract(isodow FROM emptied_date) IN (5, 6)")
    assert weekend == 0
    assert _one(dsn, "SELECT count(*) FROM imis_fsm.plant_test") > 20


def test_revenue_records_are_plausible(city):
    dsn, summary = city
    rows = summary["rows"]
    # rates within the legal cap; most holdings assessed on a rent, some reassessed for this year
    assert _one(dsn, "SELECT max(holding_tax_pct + conservancy_pct + lighting_pct + water_pct + sewerage_pct "
                     "+ fire_pct) FROM imis_revenue.tax_rate") <= 39
    assert _one(dsn, "SELECT count(DISTINCT fiscal_year) FROM imis_revenue.assessment") >= 2
    rents = _rows(dsn, "SELECT min(monthly_rent_bdt), percentile_cont(0.5) WITHIN GROUP "
                       "(ORDER BY monthly_rent_bdt) FROM imis_revenue.assessment")[0]
    assert rents[0] >= 100 and rents[1] < 20000
    # both runs signed off by the revenue chief and issued, every holding billed in each
    runs = _rows(dsn, "SELECT state, signed_off_by, signed_off_at <= issued_at, bill_count, "
                      "(SELECT count(*) FROM imis_revenue.bill b WHERE b.bill_run_id = r.id) "
                      "FROM imis_revenue.bill_run r")
    assert [r[:3] for r in runs] == [("issued", "revenue_chief", True)] * 2
    assert all(r[3] == r[4] == rows["imis_core.holding"] for r in runs)
    # paid in time, paid late, not paid; gateway payments arrived in files
    late, unpaid = _rows(dsn, """
        SELECT count(*) FILTER (WHERE p.paid_on > r.due_date),
               count(*) FILTER (WHERE p.id IS NULL AND b.total_due_bdt > 0)
        FROM imis_revenue.bill b JOIN imis_revenue.bill_run r ON r.id = b.bill_run_id
        LEFT JOIN imis_revenue.payment p ON p.bill_id = b.id WHERE b.quarter = 1""")[0]
    assert late > 0 and unpaid > 0
    assert _one(dsn, "SELECT count(*) FROM imis_revenue.payment "
                     "WHERE channel = 'ekpay' AND import_id IS NULL") == 0
    assert _one(dsn, "SELECT sum(rows_read) FROM imis_revenue.payment_import") \
        == _one(dsn, "SELECT count(*) FROM imis_revenue.payment WHERE channel = 'ekpay'") > 0
    statuses = dict(_rows(dsn, "SELECT status, count(*) FROM imis_app.building_tax_due GROUP BY 1"))
    assert {"overdue", "paid", "no_holding"} <= statuses.keys()
    # water: a reading a month at each active meter, bills priced by the slabs (at least the minimum charge)
    readings = _rows(dsn, "SELECT count(*) FROM imis_revenue.water_reading r JOIN imis_revenue.water_meter m "
                          "ON m.id = r.meter_id AND m.removed_on IS NULL GROUP BY m.id")
    counts = sorted(n for (n,) in readings)
    assert counts and counts[-1] == 14 and counts[len(counts) // 2] >= 12
    assert _one(dsn, "SELECT count(*) FROM imis_revenue.water_bill b JOIN imis_revenue.water_connection c "
                     "ON c.id = b.connection_id JOIN imis_revenue.water_tariff t ON t.category = c.category "
                     "AND t.effective_from <= b.period_month "
                     "WHERE b.consumption_charge_bdt < t.minimum_charge_bdt") == 0
    assert _one(dsn, "SELECT count(DISTINCT category) FROM imis_revenue.water_connection") >= 3
    assert {r[0] for r in _rows(dsn, "SELECT state FROM imis_revenue.water_application")} \
        == {"applied", "surveyed"}
    # solid waste: routes in the served wards, each customer's collection point at a corner of its block
    assert _one(dsn, "SELECT count(DISTINCT ward_id) FROM imis_revenue.swm_route") >= 2
    assert _one(dsn, "SELECT max(ST_Distance(p.geom, b.geom)) FROM imis_revenue.swm_customer c "
                     "JOIN imis_revenue.swm_collection_point p ON p.id = c.collection_point_id "
                     "JOIN imis_core.building b ON b.id = c.building_id") < 200
    assert {r[0] for r in _rows(dsn, "SELECT kind FROM imis_revenue.swm_collection_point")} \
        >= {"transfer_station", "community_bin"}


def test_counts_scale_with_the_size(city, pg_server):
    dsn, summary = city
    small = _new_db(pg_server, "demo_city_small")
    rows = generate(small, buildings=N // 4, seed=SEED, as_of=AS_OF)["rows"]
    big = summary["rows"]
    assert rows["imis_core.building"] == N // 4 and big["imis_core.building"] == N
    for table in ("imis_core.holding", "imis_core.owner", "imis_core.containment", "imis_fsm.application"):
        assert 3 < big[table] / rows[table] < 5.5, table
    assert big["imis_core.road"] > rows["imis_core.road"] and big["imis_core.ward"] == rows["imis_core.ward"] == 9


# --- refusing, replacing, cancelling ---------------------------------------------------------------------


def test_refuses_a_database_with_city_data(city):
    dsn, summary = city
    with pytest.raises(DemoCityError, match="--replace"):
        generate(dsn, buildings=100, seed=1, as_of=AS_OF)
    assert _one(dsn, "SELECT count(*) FROM imis_core.building") == N
    assert last_generation(dsn)["buildings"] == N


def test_replace_empties_first_and_keeps_logins(pg_server):
    dsn = _new_db(pg_server, "demo_city_replace")
    generate(dsn, buildings=300, seed=1, as_of=AS_OF)
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO imis_core.app_user (login_role, provider_id) SELECT 'sp_login', min(id::text)::uuid "
                    "FROM imis_fsm.service_provider")
    summary = generate(dsn, buildings=400, seed=2, as_of=AS_OF, replace=True)
    assert summary["replaced"]["imis_core.building"] == 300
    assert _one(dsn, "SELECT count(*) FROM imis_core.building") == 400
    assert _rows(dsn, "SELECT login_role, provider_id FROM imis_core.app_user") == [("sp_login", None)]
    assert [r[0]["seed"] for r in _rows(dsn, "SELECT new_row FROM imis_audit.log WHERE table_name = 'demo_city' "
                                             "ORDER BY id")] == [1, 2]


def test_cancelling_writes_nothing(pg_server):
    dsn = _new_db(pg_server, "demo_city_cancel")
    stop = []

    def progress(pct, message):
        if message.startswith("Placing buildings"):
            stop.append(True)

    with pytest.raises(DemoCityCancelled):
        generate(dsn, buildings=3000, seed=1, as_of=AS_OF, progress=progress, cancelled=lambda: bool(stop))
    assert _one(dsn, "SELECT count(*) FROM imis_core.building") == 0
    assert _one(dsn, "SELECT count(*) FROM imis_core.road") == 0
    assert _one(dsn, "SELECT name FROM imis_core.city") is None
    assert _one(dsn, "SELECT count(*) FROM pg_constraint WHERE conname = 'pk_building'") == 1


def test_bad_arguments_are_refused(head_dsn):
    for kwargs, message in (({"buildings": 10}, "buildings must be"), ({"seed": -1}, "seed must be"),
                            ({"as_of": dt.date.today() + dt.timedelta(days=2)}, "in the future")):
        with pytest.raises(DemoCityError, match=message):
            generate(head_dsn, **{"buildings": 100, "seed": 1, **kwargs})


def test_a_database_below_head_is_refused(fresh_dsn):
    with pytest.raises(DemoCityError, match="imis db upgrade"):
        generate(fresh_dsn, buildings=100)


# --- command line, `imis demo`, Processing ----------------------------------------------------------------


def test_command_line(pg_server, capsys):
    from imis_plugin.cli import main

    dsn = _new_db(pg_server, "demo_city_cli")
    arguments = ["demo-city", "--dsn", dsn, "--buildings", "200", "--seed", "5", "--as-of", AS_OF.isoformat()]
    assert main(arguments) == 0
    out = capsys.readouterr().out
    assert "200 buildings from seed 5" in out and "Demo City" in out
    assert main(arguments) == 1
    assert "--replace" in capsys.readouterr().err
    assert main(arguments + ["--replace", "--name", "Testpur"]) == 0
    assert _one(dsn, "SELECT name FROM imis_core.city") == "Testpur"


def test_demo_city_of_make_demo_is_idempotent(pg_server):
    dsn = _new_db(pg_server, "demo_city_make_demo")
    first = ensure_demo(dsn, buildings=250, seed=3)
    assert first.startswith("Generated the demo city")
    assert _one(dsn, "SELECT name FROM imis_core.city") == "Jhenaidah (demo)"
    assert "is there already" in ensure_demo(dsn, buildings=250, seed=3)
    assert _one(dsn, "SELECT count(*) FROM imis_audit.log WHERE table_name = 'demo_city'") == 1
    # another city in the database is left alone
    generate(dsn, buildings=150, seed=4, as_of=AS_OF, replace=True)
    assert "other city data" in ensure_demo(dsn, buildings=250, seed=3)
    assert _one(dsn, "SELECT count(*) FROM imis_core.building") == 150


@pytest.fixture
def provider(qgis_processing):
    import imis_plugin
    from qgis.core import QgsApplication

    plugin = imis_plugin.classFactory(None)
    plugin.initProcessing()
    yield QgsApplication.processingRegistry().providerById("imis")
    plugin.unload()


def test_processing_algorithm(provider, pg_server):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    algorithm = provider.algorithm("generate_demo_city")
    assert algorithm.groupId() == "data" and algorithm.group() == "Data"
    dsn = _new_db(pg_server, "demo_city_processing")
    feedback = QgsProcessingFeedback()
    progress = []
    feedback.progressChanged.connect(progress.append)
    parameters = {"DATABASE": dsn, "BUILDINGS": 300, "SEED": 4, "AS_OF": AS_OF.isoformat()}
    results, ok = QgsApplication.processingRegistry().algorithmById("imis:generate_demo_city").run(
        parameters, QgsProcessingContext(), feedback, catchExceptions=False)
    assert ok and results["BUILDINGS"] == 300 and results["CITY"] == "Demo City"
    assert json.loads(results["ROW_COUNTS"])["imis_core.building"] == 300
    assert progress and max(progress) == 100
    assert last_generation(dsn)["as_of"] == AS_OF.isoformat()
    with pytest.raises(QgsProcessingException, match="replace"):
        QgsApplication.processingRegistry().algorithmById("imis:generate_demo_city").run(
            parameters, QgsProcessingContext(), QgsProcessingFeedback(), catchExceptions=False)


def test_a_login_that_owns_nothing_loads_with_every_trigger_on(pg_server):
    """An IMIS administrator (not the tables' owner) cannot switch triggers off: every row goes through them,
    audited row by row, with the same result."""
    dsn = _new_db(pg_server, "demo_city_admin")
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'demo_city_admin') THEN "
                    "CREATE ROLE demo_city_admin LOGIN IN ROLE imis_admin; END IF; END $$")
    admin = dsn.replace("user=postgres", "user=demo_city_admin")
    summary = generate(admin, buildings=150, seed=9, as_of=AS_OF)
    assert summary["mode"] == "checked"
    reference = _new_db(pg_server, "demo_city_admin_ref")
    generate(reference, buildings=150, seed=9, as_of=AS_OF)
    # the same city, but for the bill runs: only a revenue chief may sign them off
    mine, theirs = content_hashes(dsn), content_hashes(reference)
    assert {k: v for k, v in mine.items() if k not in TAX_HISTORY} == {k: v for k, v in theirs.items()
                                                                     if k not in TAX_HISTORY}
    assert all(summary["rows"][k] == 0 for k in TAX_HISTORY) and "bill runs" in summary["left_out"]
    assert summary["rows"]["imis_revenue.water_bill"] > 0 and summary["rows"]["imis_revenue.swm_payment"] > 0
    assert _one(dsn, "SELECT count(*) FROM imis_audit.log WHERE table_name = 'building' AND action = 'INSERT'") == 150
    with transaction(dsn) as conn, conn.cursor() as cur:
        assert validate.problems(cur, NAMES) == []


# --- `imis demo`'s revenue outputs -------------------------------------------------------------------------


def _pixels(path):
    """The PNG as an array of RGB pixels (QGIS's Qt reads it)."""
    import numpy as np
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format_RGB32)
    assert not image.isNull(), f"{path} is not an image"
    bits = image.constBits()
    bits.setsize(image.bytesPerLine() * image.height())
    bgra = np.frombuffer(bits, np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return bgra[:, :image.width(), 2::-1].astype(int)


def _share_of(pixels, rgb: str) -> float:
    """The share of pixels of this colour ('r,g,b'), anti-aliased edges aside."""
    import numpy as np

    colour = np.array([int(c) for c in rgb.split(",")])
    return float((np.abs(pixels - colour).sum(axis=2) <= 12).mean())


def _pdf_pages(path) -> int:
    from osgeo import gdal

    pdf = gdal.OpenEx(str(path), gdal.OF_RASTER)  # poppler reads the PDF
    assert pdf is not None, f"{path} is not a PDF GDAL can read"
    return len(pdf.GetMetadata("SUBDATASETS")) // 2 or 1


def _sheet_rows(path, sheet: str) -> list[tuple]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return list(book[sheet].iter_rows(values_only=True))
    finally:
        book.close()


def test_make_demo_writes_the_revenue_outputs(city, qgis_app, tmp_path):
    """The revenue step of `imis demo` on the demo city: the revenue module's maps, sample bills and
    registers, each checked against the database."""
    from imis_plugin import demo
    from imis_plugin.project.screenshots import SIZE, is_blank
    from imis_plugin.revenue.layers import STATUS_COLOURS

    dsn, _ = city
    log = []
    written = demo.run_revenue(dsn, tmp_path, log.append)
    assert set(written) == set(demo.REVENUE_FILES)
    for kind, path in written.items():
        assert path == tmp_path / demo.REVENUE_FILES[kind] and path.is_file()
    assert len(log) == len(written)
    run = _one(dsn, "SELECT code FROM imis_revenue.bill_run WHERE state = 'issued' "
                    "ORDER BY fiscal_year DESC, quarter DESC LIMIT 1")

    # the sample bills: up to SAMPLE_BILLS of each kind (arrears, paid ahead, neither) among billed buildings
    kinds = _rows(dsn, """
        SELECT count(*) FROM imis_app.bill_register r
        WHERE r.run_code = %s
          AND EXISTS (SELECT 1 FROM imis_core.building_holding bh WHERE bh.holding_id = r.holding_id)
        GROUP BY r.arrears_bdt > 0, r.advance_bdt > 0""", (run,))
    assert len(kinds) >= 2  # the demo city's run has bills with arrears and bills paid ahead
    chosen = sum(min(n, demo.SAMPLE_BILLS) for n, in kinds)
    assert written["bills"].read_bytes().startswith(b"%PDF")
    assert _pdf_pages(written["bills"]) == chosen
    assert f"{chosen} sample bills of {run}" in "\n".join(log)
    page = _pixels(written["bill_page"])
    assert not is_blank(written["bill_page"])
    assert page.shape[0] / page.shape[1] == pytest.approx(210 / 148, abs=0.01)  # an A5 page

    # the registers: as many rows as the database has bills and payments
    bills = _sheet_rows(written["bill_register"], "Bills")
    assert len(bills) - 1 == _one(dsn, "SELECT count(*) FROM imis_revenue.bill b JOIN imis_revenue.bill_run r"
                                       " ON r.id = b.bill_run_id WHERE r.code = %s", (run,))
    assert {row[0] for row in bills[1:]} == {n for n, in _rows(
        dsn, "SELECT bill_number FROM imis_app.bill_register WHERE run_code = %s", (run,))}
    assert sum(row[1] for row in _sheet_rows(written["bill_register"], "Wards")[1:]) == len(bills) - 1
    last = _one(dsn, "SELECT max(d) FROM (SELECT max(paid_on) d FROM imis_revenue.payment UNION ALL "
                     "SELECT max(paid_on) FROM imis_revenue.water_payment UNION ALL "
                     "SELECT max(paid_on) FROM imis_revenue.swm_payment) x")
    month_end = last.replace(day=1) - dt.timedelta(days=1)  # the last complete month
    payments = _one(dsn, """
        SELECT (SELECT count(*) FROM imis_revenue.payment WHERE paid_on BETWEEN %(a)s AND %(b)s)
             + (SELECT count(*) FROM imis_revenue.water_payment WHERE paid_on BETWEEN %(a)s AND %(b)s)
             + (SELECT count(*) FROM imis_revenue.swm_payment WHERE paid_on BETWEEN %(a)s AND %(b)s)""",
                    {"a": month_end.replace(day=1), "b": month_end})
    assert payments > 0
    assert len(_sheet_rows(written["payment_register"], "Payments")) - 1 == payments
    water_month = _one(dsn, "SELECT max(period_month) FROM imis_revenue.water_bill")
    assert len(_sheet_rows(written["water_register"], f"Water {water_month:%Y-%m}")) - 1 == _one(
        dsn, "SELECT count(*) FROM imis_revenue.water_bill WHERE period_month = %s", (water_month,))

    # the maps: QGIS renders the statuses the database has in their colours, and no other
    for kind, view in (("holding_tax", "building_tax_due"), ("water", "water_connection_status")):
        pixels = _pixels(written[kind])
        assert pixels.shape[:2] == (SIZE[1], SIZE[0]) and not is_blank(written[kind])
        statuses = {s for s, in _rows(dsn, sql.SQL("SELECT DISTINCT status FROM imis_app.{}").format(
            sql.Identifier(view)))}
        assert len(statuses & {"paid", "due", "overdue"}) >= 2
        for status, (colour, _) in STATUS_COLOURS.items():
            if kind == "water" and status == "no_holding":
                continue  # a connection's status, not a building's
            share = _share_of(pixels, colour)
            assert (share > 0) == (status in statuses), f"{kind}: {status} {share:.2%} of the map"
    # (paid last month counts against today's date, not the city's as-of date: the fixture's customers of 2025
    # show as unpaid now, and their wards red)
    pixels = _pixels(written["solid_waste"])
    for share in {float(s) for s, in _rows(dsn, "SELECT paid_last_month_pct FROM imis_app.swm_ward_status "
                                                "WHERE active_customers > 0")}:
        status = "overdue" if share < 50 else "due" if share < 80 else "paid"  # the layer's three classes
        assert _share_of(pixels, STATUS_COLOURS[status][0]) > 0.005, f"a ward {share}% paid is not {status}"

    # the status per ward of `imis revenue status`
    text = written["status"].read_text(encoding="utf-8")
    assert text.startswith("Holding tax (issued bills)")
    assert "\nWater connections\n" in text and "\nSolid waste\n" in text
    swm = text.split("Solid waste\n")[1].splitlines()[1:]  # a line per ward under the header
    wards = [w for w, in _rows(dsn, "SELECT number FROM imis_core.ward ORDER BY number")]
    assert [int(line.split()[0]) for line in swm] == wards


def test_make_demo_revenue_outputs_of_a_city_without_revenue(pg_server, qgis_app, tmp_path):
    """Without revenue records the step says what it leaves out and writes the rest."""
    from imis_plugin import demo
    from imis_plugin.revenue.layers import STATUS_COLOURS

    dsn = _new_db(pg_server, "demo_city_no_revenue")
    generate(dsn, buildings=150, seed=2, as_of=AS_OF, revenue=False)
    (tmp_path / demo.REVENUE_FILES["bills"]).write_bytes(b"%PDF stale")  # from an earlier city
    log = []
    written = demo.run_revenue(dsn, tmp_path, log.append)
    assert set(written) == {"status", "holding_tax"}
    assert "bills skipped: no bill run is issued" in "\n".join(log)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written.values())
    status = _one(dsn, "SELECT status FROM imis_app.building_tax_due GROUP BY status "
                       "ORDER BY count(*) DESC LIMIT 1")
    assert status == "not_billed"  # holdings without a bill
    assert _share_of(_pixels(written["holding_tax"]), STATUS_COLOURS[status][0]) > 0.005  # measured 0.015
