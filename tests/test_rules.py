"""Every rule the database enforces, tried with bad input: the error names the rule and the offending
value, and nothing is written."""
import datetime as dt

import psycopg2
import pytest

from imis_plugin.db.connect import connect, transaction
from imis_plugin.db.migrate import upgrade

from .conftest import TEST_SRID
from .sample_city import X, Y, days_ago, populate, square

TOMORROW = dt.date.today() + dt.timedelta(days=1)


@pytest.fixture(scope="module")
def city(pg_server):
    dsn = pg_server.create_database("rules")
    upgrade(dsn, srid=TEST_SRID)
    return dsn, populate(dsn)


def _count(dsn, table):
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(f"SELECT count(*), max(updated_at) FROM {table}")  # table names from this module
        return cur.fetchone()


def rejected(dsn, table, sql, params, *expected):
    """Run `sql` in its own transaction; it must fail with every `expected` text and leave `table` as it was."""
    before = _count(dsn, table)
    conn = connect(dsn)
    try:
        with pytest.raises(psycopg2.Error) as failure:
            with conn, conn.cursor() as cur:
                cur.execute(sql, params)
    finally:
        conn.close()
    message = failure.value.pgerror
    for text in expected:
        assert text in message, f"{text!r} not in {message!r}"
    assert _count(dsn, table) == before, "nothing may be written"
    return message


def accepted(dsn, sql, params):
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(sql, params)


BUILDING = ("INSERT INTO imis_core.building (bin, structure_type, geom) "
            "VALUES (%(bin)s, %(structure)s, ST_GeomFromText(%(wkt)s, %(srid)s))")


def building(**kw):
    return {"bin": "N-1", "structure": "rcc_framed", "wkt": square(X + 500, Y + 520, 10), "srid": TEST_SRID, **kw}


def test_bin_is_unique(city):
    dsn, _ = city
    rejected(dsn, "imis_core.building", BUILDING, building(bin="B000001"), "uq_building_bin", "(bin)=(B000001)")


def test_bin_is_not_blank(city):
    dsn, _ = city
    rejected(dsn, "imis_core.building", BUILDING, building(bin="  "), "ck_building_bin_not_blank")


@pytest.mark.parametrize("code", ["1-001-0001-00", "01-001-0001", "01/001/0001/00", "AB-001-0001-00"])
def test_holding_code_is_standard_or_flagged_legacy(city, code):
    dsn, _ = city
    rejected(dsn, "imis_core.holding", "INSERT INTO imis_core.holding (holding_code) VALUES (%s)", (code,),
             "holding_code_standard_or_legacy", f'"{code}"')
    accepted(dsn, "INSERT INTO imis_core.holding (holding_code, is_legacy) VALUES (%s, true)", (code,))
    rejected(dsn, "imis_core.holding", "UPDATE imis_core.holding SET is_legacy = false WHERE holding_code = %s",
             (code,), "holding_code_standard_or_legacy", f'"{code}"')


def test_standard_holding_code_is_accepted(city):
    dsn, _ = city
    accepted(dsn, "INSERT INTO imis_core.holding (holding_code) VALUES (%s)", ("09-123-4567-01",))


def test_geometry_must_be_valid(city):
    dsn, _ = city
    bowtie = f"MULTIPOLYGON((({X} {Y},{X + 10} {Y + 10},{X + 10} {Y},{X} {Y + 10},{X} {Y})))"
    rejected(dsn, "imis_core.building", BUILDING, building(bin="BOWTIE", wkt=bowtie),
             "geometry_valid", "building BOWTIE", "Self-intersection")


def test_geometry_must_not_be_empty(city):
    dsn, _ = city
    rejected(dsn, "imis_core.building", BUILDING, building(bin="EMPTY", wkt="MULTIPOLYGON EMPTY"),
             "geometry_not_empty", "building EMPTY")


def test_geometry_must_have_the_column_type(city):
    dsn, _ = city
    rejected(dsn, "imis_core.building", BUILDING, building(bin="PT", wkt=f"POINT({X} {Y})"),
             "Geometry type (Point) does not match column type (MultiPolygon)")


def test_geometry_must_be_in_the_city_crs(city):
    dsn, _ = city
    rejected(dsn, "imis_core.building", BUILDING,
             building(bin="WGS", wkt="MULTIPOLYGON(((89.1 23.5,89.2 23.5,89.2 23.6,89.1 23.5)))", srid=4326),
             "Geometry SRID (4326) does not match column SRID (32645)")


@pytest.mark.parametrize("table, column, sql", [
    ("imis_core.building", "structure_type", BUILDING),
    ("imis_core.containment", "containment_type",
     "INSERT INTO imis_core.containment (code, containment_type) VALUES ('C-X', %(structure)s)"),
    ("imis_fsm.vehicle", "vehicle_type",
     "INSERT INTO imis_fsm.vehicle (provider_id, registration, vehicle_type, capacity_m3) "
     "SELECT id, 'R-X', %(structure)s, 2 FROM imis_fsm.service_provider LIMIT 1"),
])
def test_code_list_values_only(city, table, column, sql):
    dsn, _ = city
    rejected(dsn, table, sql, building(bin="CODE", structure="castle'; DROP TABLE x; --"),
             f"({column})=(castle'; DROP TABLE x; --)", "is not present in table")


@pytest.mark.parametrize("table, constraint, sql", [
    ("imis_fsm.vehicle", "ck_vehicle_capacity_positive",
     "INSERT INTO imis_fsm.vehicle (provider_id, registration, vehicle_type, capacity_m3) "
     "SELECT id, 'R-0', 'vacutug', %(v)s FROM imis_fsm.service_provider LIMIT 1"),
    ("imis_core.containment", "ck_containment_volume_positive",
     "INSERT INTO imis_core.containment (code, volume_m3) VALUES ('C-0', %(v)s)"),
    ("imis_core.treatment_plant", "ck_treatment_plant_capacity_positive",
     "UPDATE imis_core.treatment_plant SET capacity_m3_per_day = %(v)s"),
    ("imis_fsm.emptying", "ck_emptying_volume_positive",
     "INSERT INTO imis_fsm.emptying (application_id, emptied_date, volume_m3) "
     "SELECT id, current_date, %(v)s FROM imis_fsm.application WHERE code = 'APP-0001'"),
    ("imis_fsm.disposal", "ck_disposal_volume_positive", "UPDATE imis_fsm.disposal SET volume_m3 = %(v)s"),
])
@pytest.mark.parametrize("value", [0, -2.5])
def test_volumes_and_capacities_are_positive(city, table, constraint, sql, value):
    dsn, _ = city
    rejected(dsn, table, sql, {"v": value}, constraint)


def _app(dsn, code, applied):
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO imis_fsm.application (code, building_id, application_date) "
                    "SELECT %s, id, %s FROM imis_core.building WHERE bin = 'B000001' RETURNING id", (code, applied))
        return cur.fetchone()[0]


def test_dates_are_not_in_the_future(city):
    dsn, ids = city
    rejected(dsn, "imis_fsm.application",
             "INSERT INTO imis_fsm.application (code, building_id, application_date) VALUES ('APP-F', %s, %s)",
             (ids["buildings"][0], TOMORROW), "fsm_date_not_future", "APP-F", TOMORROW.isoformat())
    rejected(dsn, "imis_fsm.feedback", "UPDATE imis_fsm.feedback SET feedback_date = %s", (TOMORROW,),
             "fsm_date_not_future", "feedback_date", TOMORROW.isoformat())
    rejected(dsn, "imis_fsm.disposal", "UPDATE imis_fsm.disposal SET disposed_date = %s", (TOMORROW,),
             "fsm_date_not_future", "disposed_date", TOMORROW.isoformat())


def test_each_step_follows_the_one_before(city):
    dsn, ids = city
    app = _app(dsn, "APP-ORDER", days_ago(10))
    rejected(dsn, "imis_fsm.assessment",
             "INSERT INTO imis_fsm.assessment (application_id, assessed_date) VALUES (%s, %s)",
             (app, days_ago(11)), "fsm_dates_in_order", "APP-ORDER", days_ago(11).isoformat())
    accepted(dsn, "INSERT INTO imis_fsm.assessment (application_id, assessed_date) VALUES (%s, %s)", (app, days_ago(8)))
    rejected(dsn, "imis_fsm.emptying",
             "INSERT INTO imis_fsm.emptying (application_id, emptied_date, volume_m3) VALUES (%s, %s, 3)",
             (app, days_ago(9)), "fsm_dates_in_order", "before assessed_date", days_ago(9).isoformat())
    # the first step may not move past the later ones either
    rejected(dsn, "imis_fsm.application", "UPDATE imis_fsm.application SET application_date = %s WHERE id = %s",
             (days_ago(5), app), "fsm_dates_in_order", "APP-ORDER", days_ago(5).isoformat())
    rejected(dsn, "imis_fsm.disposal", "UPDATE imis_fsm.disposal SET disposed_date = %s WHERE emptying_id = %s",
             (days_ago(26), ids["emptying"]), "fsm_dates_in_order", days_ago(26).isoformat())
    rejected(dsn, "imis_fsm.emptying", "UPDATE imis_fsm.emptying SET emptied_date = %s WHERE id = %s",
             (days_ago(24), ids["emptying"]), "fsm_dates_in_order", "after its disposal")
    rejected(dsn, "imis_fsm.feedback", "UPDATE imis_fsm.feedback SET feedback_date = %s", (days_ago(26),),
             "fsm_dates_in_order", days_ago(26).isoformat())


def test_disposed_volume_is_not_above_emptied(city):
    dsn, ids = city
    # the sample emptying took 4 m3 and 4 m3 were disposed already
    rejected(dsn, "imis_fsm.disposal",
             "INSERT INTO imis_fsm.disposal (emptying_id, plant_id, disposed_date, volume_m3) VALUES (%s, %s, %s, 0.5)",
             (ids["emptying"], ids["plant"], days_ago(24)), "fsm_disposed_not_above_emptied", "0.5", "4")
    rejected(dsn, "imis_fsm.emptying", "UPDATE imis_fsm.emptying SET volume_m3 = 3 WHERE id = %s", (ids["emptying"],),
             "fsm_disposed_not_above_emptied", "volume_m3 3")
    accepted(dsn, "UPDATE imis_fsm.emptying SET volume_m3 = 4.5 WHERE id = %s", (ids["emptying"],))
    accepted(dsn, "INSERT INTO imis_fsm.disposal (emptying_id, plant_id, disposed_date, volume_m3) "
                  "VALUES (%s, %s, %s, 0.5)", (ids["emptying"], ids["plant"], days_ago(24)))
