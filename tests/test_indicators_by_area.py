"""Every area in one pass (imis_app.indicators_by_area, which the yearly snapshot uses) gives, row for row,
what each area computed on its own gives (imis_app.indicators: the same query planned for one area): for
every indicator, rule, area, period and provider, on the hand-built indicator city (plus buildings, jobs
and a toilet placed across the ward border), under random edits, and on a generated demo city."""
import datetime as dt

import psycopg2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imis_plugin.db.connect import connect, transaction
from imis_plugin.db.migrate import upgrade
from imis_plugin.demo_city import generate
from imis_plugin.indicators import Period, snapshots

from .conftest import TEST_SRID
from .indicator_city import BUILDINGS, X, Y, at, footprint, populate
from .sample_city import _insert

YEAR = Period.year(2025)
COLUMNS = ("indicator, code, name, name_bn, indicator_group, outcome, rule, numerator, denominator, value, "
           "unit, target, meets_target, reason, sort")
# the snapshot's areas, as take_indicator_snapshot lists them
SNAPSHOT_AREAS = """
    SELECT 'city', coalesce(c.code, 'city'), NULL::geometry FROM imis_core.city c
    UNION ALL SELECT 'ward', w.number::text, w.geom FROM imis_core.ward w
    UNION ALL SELECT 'lic', l.code, l.geom FROM imis_core.low_income_community l"""


def add_border_cases(dsn: str, ids: dict) -> None:
    """Where an area's own pass used to judge a building otherwise than the city's: a containment shared
    across the ward border, emptied (and delivered) by a job that names only the building in the other ward;
    a community toilet whose host building lies across the border and is only built in 2026. Also a job
    across the border that names the shared containment, and feedback given a year after its job."""
    with transaction(dsn) as conn, conn.cursor() as cur:
        def add(table, row, geometry=()):
            return _insert(cur, table, row, geometry)

        for bin_, x in (("B26", 900), ("B27", 1100)):  # wards 1 and 2
            ids[bin_] = add("imis_core.building", {
                "bin": bin_, "sanitation_system": "septic_tank", "population": 4,
                "functional_use": "residential", "ward_id": ids["W1" if x < 1000 else "W2"],
                "geom": footprint(x, 800)}, ("geom",))
        ids["C30"] = add("imis_core.containment", {"code": "C30", "containment_type": "septic_tank_soak_pit"})
        for bin_ in ("B26", "B27"):
            add("imis_core.building_containment", {"building_id": ids[bin_], "containment_id": ids["C30"]})
        job = add("imis_fsm.application", {"code": "A30", "provider_id": ids["SP1"],
                                           "building_id": ids["B27"],
                                           "application_date": dt.date(2025, 4, 1)})
        emptying = add("imis_fsm.emptying", {"application_id": job, "emptied_date": dt.date(2025, 4, 3),
                                             "volume_m3": 2, "method": "mechanical"})
        add("imis_fsm.disposal", {"emptying_id": emptying, "plant_id": ids["P1"],
                                  "disposed_date": dt.date(2025, 4, 3), "volume_m3": 2})
        # late feedback (2025) on a job of 2024 counts in 2025
        add("imis_fsm.feedback", {"application_id": ids["A0"], "feedback_date": dt.date(2025, 1, 10),
                                  "satisfaction": 1, "crew_wore_ppe": True})
        # a job at B27 that names the shared tank counts in both wards
        add("imis_fsm.application", {"code": "A31", "provider_id": ids["SP1"], "building_id": ids["B27"],
                                     "containment_id": ids["C30"], "application_date": dt.date(2025, 5, 1)})
        # B25's centroid (1001, 705) is in ward 2, its toilet CT4 (997, 705) in ward 1
        ids["B25"] = add("imis_core.building", {
            "bin": "B25", "sanitation_system": "septic_tank", "population": 3, "construction_year": 2026,
            "functional_use": "public", "ward_id": ids["W2"], "geom": footprint(996, 700)}, ("geom",))
        ids["C25"] = add("imis_core.containment", {"code": "C25", "containment_type": "septic_tank_soak_pit"})
        add("imis_core.building_containment", {"building_id": ids["B25"], "containment_id": ids["C25"]})
        add("imis_core.toilet", {
            "code": "CT4", "kind": "community", "status": "operational", "building_id": ids["B25"],
            "female_users": 5, "male_users": 5, "sanitation_system": "septic_tank", "geom": at(997, 705)},
            ("geom",))


@pytest.fixture(scope="module")
def city_dsn(pg_server):
    dsn = pg_server.create_database("indicator_city_by_area")
    upgrade(dsn, srid=TEST_SRID)
    add_border_cases(dsn, populate(dsn))
    return dsn


def _rows(cur, query, params=()):
    cur.execute(query, params)
    return cur.fetchall()


def _area_list(cur, extra=()) -> list[tuple[str, str, str | None]]:
    """(kind, code, EWKB) of the snapshot's areas, then ``extra`` polygons (WKT, SRID)."""
    areas = _rows(cur, f"SELECT kind, code, encode(ST_AsEWKB(geom), 'hex') "
                       f"FROM ({SNAPSHOT_AREAS}) a(kind, code, geom) ORDER BY 1, 2")
    for i, (wkt, srid) in enumerate(extra):
        ewkb = _rows(cur, "SELECT encode(ST_AsEWKB(ST_GeomFromText(%s, %s)), 'hex')", (wkt, srid))[0][0]
        areas.append(("drawn", str(i), ewkb))
    return areas


def assert_one_pass_equals_each_area(cur, period: Period, areas, rules=("jmp", "city"), provider=None):
    """indicators_by_area over all ``areas`` at once == indicators() of each area, every column of every
    row."""
    params = {"from": period.date_from, "to": period.date_to, "rules": list(rules), "provider": provider}
    grouped = _rows(cur, f"SELECT area, {COLUMNS} FROM imis_app.indicators_by_area(%(from)s, %(to)s, "
                         "%(areas)s::geometry[], %(rules)s::text[], %(provider)s::uuid) "
                         "ORDER BY area, sort, rule", {**params, "areas": [geom for _, _, geom in areas]})
    assert {row[0] for row in grouped} == set(range(1, len(areas) + 1)), "every area has its rows"
    for n, (kind, code, geom) in enumerate(areas, start=1):
        alone = _rows(cur, f"SELECT {COLUMNS} FROM imis_app.indicators(%(from)s, %(to)s, %(area)s::geometry, "
                           "%(rules)s::text[], %(provider)s::uuid)", {**params, "area": geom})
        assert alone, (kind, code)
        assert [row[1:] for row in grouped if row[0] == n] == alone, \
            (period.label, kind, code, rules, provider)


# --- the indicator city ---------------------------------------------------------------------------------

def test_the_snapshot_stores_what_each_area_computes_on_its_own(city_dsn):
    for year in (2024, 2025, 2026):
        snapshots.take(city_dsn, year)
        with transaction(city_dsn) as conn, conn.cursor() as cur:
            stored = _rows(cur, "SELECT v.area_kind, v.area_code, v.indicator, v.rule, v.numerator, "
                                "v.denominator, v.value, v.unit, v.reason "
                                "FROM imis_core.indicator_snapshot_value v "
                                "JOIN imis_core.indicator_snapshot s ON s.id = v.snapshot_id "
                                "WHERE s.year = %s", (year,))
            expected = _rows(cur, f"""
                SELECT a.kind, a.code, i.indicator, i.rule, i.numerator, i.denominator, i.value, i.unit,
                       i.reason
                FROM ({SNAPSHOT_AREAS}) a(kind, code, geom),
                     imis_app.indicators(make_date(%s, 1, 1), make_date(%s, 12, 31), a.geom) i""",
                             (year, year))
        assert len(expected) == 4 * 43  # city, two wards, one LIC; 43 figures each
        assert sorted(stored, key=repr) == sorted(expected, key=repr), year


def test_one_pass_equals_each_area_for_periods_rules_providers_and_drawn_areas(city_dsn):
    with transaction(city_dsn) as conn, conn.cursor() as cur:
        ward1_wgs84 = _rows(cur, "SELECT ST_AsText(ST_Transform(geom, 4326)) FROM imis_core.ward "
                                 "WHERE number = 1")[0][0]
        around_lic = (f"POLYGON(({X + 100} {Y + 100},{X + 400} {Y + 100},{X + 400} {Y + 400},"
                      f"{X + 100} {Y + 400},{X + 100} {Y + 100}))")
        far_away = (f"POLYGON(({X - 900} {Y},{X - 800} {Y},{X - 800} {Y + 100},{X - 900} {Y + 100},"
                    f"{X - 900} {Y}))")
        # a drawn area in another CRS, one overlapping two wards, one with nothing in it, a ward twice
        areas = _area_list(cur, [(ward1_wgs84, 4326), (around_lic, 0), (far_away, TEST_SRID)])
        areas.append(areas[1])
        sp2 = _rows(cur, "SELECT id FROM imis_fsm.service_provider WHERE code = 'SP2'")[0][0]
        for period in (YEAR, Period.year(2024), Period.quarter(2025, 1), Period.month(2025, 6),
                       Period.parse("2024-12-01..2025-02-28")):
            assert_one_pass_equals_each_area(cur, period, areas)
        assert_one_pass_equals_each_area(cur, YEAR, areas, rules=("city",))
        assert_one_pass_equals_each_area(cur, YEAR, areas, rules=("jmp",), provider=sp2)
        # nothing in the far-away square: every figure empty (a count is 0), never a count of one
        # null-extended row
        empty = _rows(cur, "SELECT code, numerator, denominator, value, reason "
                           "FROM imis_app.indicators_by_area('2025-01-01', '2025-12-31', %s::geometry[]) "
                           "WHERE area = %s",
                      ([geom for _, _, geom in areas], len(areas) - 1))
        assert len(empty) == 43
        for code, numerator, denominator, value, reason in empty:
            assert numerator in (0, None) and denominator in (0, None), code
            if code == "FSM-APP":
                assert value == 0 and reason is None
            else:
                assert value is None and reason, code


def test_across_the_ward_border_an_area_judges_buildings_as_the_city_does(city_dsn):
    with transaction(city_dsn) as conn, conn.cursor() as cur:
        def figure(area_sql, indicator, rule):
            return _rows(cur, f"SELECT numerator, denominator FROM imis_app.indicators('2025-01-01', "
                              f"'2025-12-31', {area_sql}) "
                              "WHERE indicator = %s AND rule IS NOT DISTINCT FROM %s",
                         (indicator, rule))[0]

        ward1, ward2 = (f"(SELECT geom FROM imis_core.ward WHERE number = {n})" for n in (1, 2))
        # ward 1 (67 + B26's 4 people): JMP safe B01 B02 B09 B10 = 29, and B26, whose shared tank C30 was
        # emptied (job A30 at B27 in ward 2, naming no containment) and delivered to the FSTP
        assert figure(ward1, "sf_1a", "jmp") == (33, 71)
        assert figure("NULL", "sf_1a", "jmp") == (58, 125)  # 50 + B26 + B27 (4 each)
        # CT4 lies in ward 1, its host B25 in ward 2 is only built in 2026: its 10 users are not safe in
        # 2025, in ward 1 as in the city; CT1's 50 are
        assert figure(ward1, "sf_3", "city") == (50, 60)
        assert figure("NULL", "sf_3", "city") == (50, 85)
        # feedback of 2025: A1 5, A2 2, A3 4 and A0's (a 2024 job at B03 in ward 1) 1
        assert figure("NULL", "fsm_cs", None) == (12, 4)
        assert figure(ward1, "fsm_cs", None) == (12, 4)
        # applications of 2025: ward 1 A1 A2 A3 A4 and A31 (by its containment), ward 2 A5 A30 A31
        assert figure(ward1, "fsm_app", None)[0] == 5
        assert figure(ward2, "fsm_app", None)[0] == 3
        # water samples of 2025: WS1 (0 per 100 ml) and WS2 (5) at WP1 in ward 1, WS3 (0) at its own
        # point in ward 2
        assert figure(ward1, "sf_9", None) == (1, 2)
        assert figure(ward2, "sf_9", None) == (1, 1)


def test_the_areas_argument_is_checked(city_dsn):
    with transaction(city_dsn) as conn, conn.cursor() as cur:
        for areas, rule in (("ARRAY[]::geometry[]", "indicator_area: no area given"),
                            ("NULL::geometry[]", "indicator_area: no area given"),
                            ("ARRAY[NULL, ST_MakePoint(1, 2)]", "indicator_area_polygon"),
                            ("ARRAY[ST_GeomFromText('POLYGON((0 0,1 1,1 0,0 1,0 0))')]",
                             "indicator_area_valid")):
            with pytest.raises(psycopg2.Error, match=rule):
                cur.execute("SELECT * FROM imis_app.indicators_by_area('2025-01-01', '2025-12-31', "
                            f"{areas})")
            conn.rollback()


SYSTEMS = [None, "sewer_network", "septic_tank", "pit_holding_tank", "onsite_treatment", "community_toilet",
           "open_defecation", "shared_septic_tank"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.sampled_from(sorted(BUILDINGS)), st.sampled_from(SYSTEMS),
                                st.one_of(st.none(), st.integers(0, 40)), st.booleans(),
                                st.integers(-300, 300)), max_size=6),
       forget_containments=st.booleans(), plant_status=st.sampled_from(["operational", "not_operational"]),
       period=st.sampled_from([YEAR, Period.quarter(2025, 3), Period.year(2024)]))
def test_one_pass_equals_each_area_under_random_edits(city_dsn, edits, forget_containments, plant_status,
                                                       period):
    conn = connect(city_dsn)
    try:
        with conn.cursor() as cur:
            for bin_, system, population, lic, shift in edits:
                # a building may move across the ward border or out of the community
                cur.execute("UPDATE imis_core.building SET sanitation_system = %s, population = %s, "
                            "female_population = NULL, male_population = NULL, "
                            "lic_id = CASE WHEN %s THEN (SELECT id FROM imis_core.low_income_community) END, "
                            "geom = ST_Translate(geom, %s, 0) WHERE bin = %s",
                            (system, population, lic, shift, bin_))
            if forget_containments:  # jobs that name only their building
                cur.execute("UPDATE imis_fsm.application SET containment_id = NULL "
                            "WHERE code IN ('A1', 'A2', 'A4')")
            cur.execute("UPDATE imis_core.treatment_plant SET status = %s", (plant_status,))
            assert_one_pass_equals_each_area(cur, period, _area_list(cur))
    finally:
        conn.rollback()
        conn.close()


# --- a generated city -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_dsn(pg_server):
    dsn = pg_server.create_database("demo_city_by_area")
    upgrade(dsn, srid=TEST_SRID)
    generate(dsn, buildings=3000, seed=11, as_of=dt.date(2025, 12, 31), revenue=False)
    return dsn


def test_demo_city_one_pass_equals_each_area(demo_dsn):
    with transaction(demo_dsn) as conn, conn.cursor() as cur:
        areas = _area_list(cur)
        assert len(areas) > 10, "a city, its wards and its low-income communities"
        providers = [row[0] for row in
                     _rows(cur, "SELECT id FROM imis_fsm.service_provider ORDER BY code")]
        for period in (YEAR, Period.year(2024), Period.quarter(2025, 2)):
            assert_one_pass_equals_each_area(cur, period, areas)
        assert_one_pass_equals_each_area(cur, YEAR, areas, provider=providers[0])
