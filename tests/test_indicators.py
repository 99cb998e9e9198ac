"""The indicator engine, snapshots, the dashboard feed and client, the workbook, the PDF report and the
Processing algorithms, on the hand-built city of tests/indicator_city.py (its docstring lists every
building; the expected values below are worked out from it by hand)."""
import csv
import http.server
import json
import re
import threading

import psycopg2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from imis_plugin.db.connect import connect, transaction
from imis_plugin.db.migrate import upgrade
from imis_plugin.indicators import Area, IndicatorError, Period, compute, feed, snapshots
from imis_plugin.indicators.client import AlreadyPublished, DashboardClient, DashboardError
from imis_plugin.indicators.engine import check_ranges

from .conftest import TEST_SRID
from .indicator_city import BUILDINGS, X, Y, populate

YEAR = Period.year(2025)

# Population counted in 2025 (B20 is built in 2026; B17-B19, B21, B22 have none):
#   B01 10 + B02 8 + B03 6 + B04 5 + B05 7 + B06 9 + B07 12 + B08 4 + B09 6 + B10 5 + B11 8 + B12 10 + B13 3
#   + B14 4 + B15 5 + B16 6 + B23 4 + B24 5 = 117;  low-income community (B10, B11, B12, B13) = 26
# Safe private toilet, city rule: B01 10, B02 8, B03 6, B04 5, B05 7, B07 12, B10 5, B23 4, B24 5 = 62
#   (B06 open unlined drain, B08 sewer to no plant, B09 unlined pit, B11 water body, B14 drain network: unsafe;
#    B12 community toilet, B16 shared septic tank: not private; B13 open defecation; B15 unknown)
# JMP safely managed: B01 10, B02 8 (C01 never emptied, C02 emptied and delivered to the FSTP), B04 5 (drain to
#   the working WWTP), B07 12 (sewer to it), B09 6 (unlined pit, never emptied), B10 5 (double pit, emptied and
#   delivered), B23 4 (on-site treatment) = 50
# JMP basic: B03 6 (last emptying not delivered), B05 7 (drain reaches no plant), B06 9, B08 4, B11 8 (water
#   body), B24 5 (emptied, no FSM record of where the sludge went) = 39; limited: B12 10 + B16 6 = 16;
#   unimproved: B14 4; open defecation: B13 3; unknown: B15 5; known = 117 - 5 = 112
# On-site containments in use serving 2025 buildings: C01 C02 C03 C04 C05 C06 C09 C10 C11 C16 C18 C19 C21 C22
#   C24 = 15 (C99 not in use, C20's building is from 2026); emptied in 2025: C06 (A7), C02 (A1), C03 (A2),
#   C21 (A3), C10 (A4), C24 (noted on the containment) = 6; LIC: C10, C11, C21, emptied C10, C21
# Emptyings of 2025: A7 3 m3 (all to the WWTP), A1 4 (4 to the FSTP), A2 5 (none), A3 2 (2), A4 1 manual (0.5)
#   -> 5 emptyings, 15 m3 emptied, 9.5 m3 delivered, 4 mechanical, 4 with a disposal;
#   LIC (A3 at B21, A4 at B10): 3 m3 emptied, 2.5 delivered
# Applications of 2025 (A6 cancelled; A0, A7 from 2024): A1 A2 A3 A4 A5 = 5; emptied A1 (3 days), A2 (10),
#   A3 (2), A4 (10) = 4, 25 days; LIC: A3, A4. Feedback of 2025: A1 5/PPE yes, A2 2/no, A3 4/not asked
# Plants working: P1 FSTP 0.02 m3/day, P2 WWTP 2 m3/day (P3 co-treatment is out of use)
# Non-sewered population 117 - (B07 12 + B08 4) = 101; sewered 16
EXPECTED = {
    # (code, rule): (numerator, denominator, value)
    ("EQ-1", "city"): (19.2308, 52.9915, 0.363),  # (100*5/26) / (100*62/117) = 19.2308 / 52.9915
    ("EQ-1", "jmp"): (19.2308, 42.7350, 0.450),  # 19.2308 / (100*50/117)
    ("SF-1a", "city"): (62, 117, 52.99),
    ("SF-1a", "jmp"): (50, 117, 42.74),
    ("SF-2a", "city"): (5, 26, 19.23),  # only B10 of B10, B11, B12, B13
    ("SF-2a", "jmp"): (5, 26, 19.23),
    ("SF-1b", None): (6, 15, 40.00),
    ("SF-1c", None): (9.5, 15, 63.33),
    ("SF-1d", None): (7.3, 4.04, 180.69),  # 365 x 0.02 / (101 x 0.04 m3/person/year)
    ("SF-1e", None): (7.3, 15, 48.67),  # 365 x 0.02 (FSTP) / 15 m3 emptied
    ("SF-1f", None): (730, 700.8, 104.17),  # 365 x 2 / (16 x 150 l x 0.8 / 1000 x 365)
    ("SF-1g", None): (1, 3, 33.33),  # T1 meets; T2 BOD 50 > 40; T3 E. coli not measured; T4 is from 2024
    ("SF-2b", None): (2, 3, 66.67),
    ("SF-2c", None): (2.5, 3, 83.33),
    ("SF-7", None): (4, 5, 80.00),
    ("SF-3", "city"): (50, 75, 66.67),  # CT1 (30+20 users, host B21 safe) of CT1 + CT2 (10+15); CT3 out of use
    ("SF-3", "jmp"): (50, 75, 66.67),  # C21 emptied and delivered: safe under JMP too
    ("SF-3b", None): (1, 2, 50.00),  # CT1 universal, CT2 not
    ("SF-3c", None): (40, 75, 53.33),  # women 30 + 10
    ("SF-3e", None): (60, 2, 30.00),  # B12 -> CT1 20 m, B15 -> CT2 40 m
    ("SF-4a", "city"): (2, 2, 100.00),  # PT1 host B22: lined pit to the closed lined drain D2; PT2 composting
    ("SF-4a", "jmp"): (1, 2, 50.00),  # D2 reaches no plant: only PT2
    ("SF-4b", None): (1, 2, 50.00),
    ("SF-5", "city"): (1, 2, 50.00),  # B17 composting safe, B18 to open ground unsafe
    ("SF-5", "jmp"): (1, 2, 50.00),
    ("SF-6", "city"): (1, 1, 100.00),  # B19's drain D4 reaches plant P3 (city rule asks no more)
    ("SF-6", "jmp"): (0, 1, 0.00),  # P3 is out of use
    ("SF-9", None): (2, 3, 66.67),  # WS1 0, WS2 5, WS3 0 per 100 ml; WS4 is from 2024
    ("JMP-SM", "jmp"): (50, 112, 44.64),
    ("JMP-B", "jmp"): (39, 112, 34.82),
    ("JMP-L", "jmp"): (16, 112, 14.29),
    ("JMP-U", "jmp"): (4, 112, 3.57),
    ("JMP-OD", "jmp"): (3, 112, 2.68),
    ("JMP-NA", "jmp"): (5, 117, 4.27),
    ("FSM-APP", None): (5, None, 5),
    ("FSM-RE", None): (4, 5, 80.00),
    ("FSM-RT", None): (25, 4, 6.25),
    ("FSM-SD", None): (4, 5, 80.00),
    ("FSM-SV", None): (9.5, 15, 63.33),
    ("FSM-CS", None): (11, 3, 3.667),  # (5 + 2 + 4) / 3
    ("FSM-PPE", None): (1, 2, 50.00),
    ("FSM-INC", None): (2, 5, 40.00),
    ("FSM-SCR", None): (15, 4.04, 371.29),  # 15 m3 emptied / 4.04 m3 expected
}
# targets (code list) and whether they are met: RE 80 < 90 no, RT 6.25 <= 7 yes, SD 80 < 100 no, SV 63.33 < 95
# no, CS 3.667 < 4 no, PPE 50 < 100 no, INC 40 >= 20 yes, EQ-1 0.363 and 0.450 < 1 no
MET = {"FSM-RE": False, "FSM-RT": True, "FSM-SD": False, "FSM-SV": False, "FSM-CS": False, "FSM-PPE": False,
       "FSM-INC": True, "EQ-1": False}


@pytest.fixture(scope="module")
def city_dsn(pg_server):
    """The indicator city at head, shared by the read-only tests of this module."""
    dsn = pg_server.create_database("indicator_city")
    upgrade(dsn, srid=TEST_SRID)
    populate(dsn)
    return dsn


@pytest.fixture
def own_city(head_dsn):
    """The indicator city in a database of the test's own (for tests that commit)."""
    populate(head_dsn)
    return head_dsn


def _by_key(rows):
    return {(r.code, r.rule): r for r in rows}


def _values(rows):
    return {(r.code, r.rule): r.value for r in rows}


# --- the figures --------------------------------------------------------------------------------------------

def test_every_indicator_matches_the_hand_computed_value(city_dsn):
    rows = _by_key(compute(city_dsn, YEAR).rows)
    assert set(rows) == set(EXPECTED), "every indicator of DOMAIN.md, under each rule it depends on"
    for key, (numerator, denominator, value) in EXPECTED.items():
        row = rows[key]
        assert row.numerator == pytest.approx(numerator, abs=1e-3), key
        assert (row.denominator is None) if denominator is None else row.denominator == pytest.approx(denominator, abs=1e-3), key
        assert row.value == pytest.approx(value, abs=1e-9), key
        assert row.reason is None, key
    for code, met in MET.items():
        assert all(r.meets_target is met for (c, _), r in rows.items() if c == code), code
    assert rows[("SF-1a", "city")].unit == "%" and rows[("SF-3e", None)].unit == "m"
    assert rows[("EQ-1", "city")].unit == "ratio" and rows[("FSM-RT", None)].unit == "days"
    assert rows[("SF-1a", "jmp")].outcome == "Safety" and rows[("EQ-1", "jmp")].outcome == "Equity"


def test_areas_ward_lic_and_drawn_polygon(city_dsn):
    # ward 1: B01 10, B02 8, B03 6, B09 6, B10 5, B11 8, B12 10, B13 3, B16 6, B24 5 = 67
    #   city-safe B01 B02 B03 B10 B24 = 34; JMP B01 B02 B09 B10 = 29
    ward1 = _by_key(compute(city_dsn, YEAR, Area.ward(1)).rows)
    assert (ward1[("SF-1a", "city")].numerator, ward1[("SF-1a", "city")].denominator) == (34, 67)
    assert ward1[("SF-1a", "city")].value == 50.75 and ward1[("SF-1a", "jmp")].value == 43.28
    # ward 2: B04 5, B05 7, B06 9, B07 12, B08 4, B14 4, B15 5, B23 4 = 50; city-safe B04 B05 B07 B23 = 28
    ward2 = _by_key(compute(city_dsn, YEAR, Area.ward(2)).rows)
    assert (ward2[("SF-1a", "city")].numerator, ward2[("SF-1a", "city")].denominator) == (28, 50)
    assert ward2[("SF-1a", "jmp")].value == 42.00  # B04 B07 B23 = 21 / 50
    # the plants (and their tests) are in ward 2; capacity is city-wide and not split by ward
    assert ward1[("SF-1g", None)].value is None and ward1[("SF-1g", None)].reason == "no treatment plant tests in the period"
    assert ward2[("SF-1g", None)].value == 33.33
    for code in ("SF-1d", "SF-1e", "SF-1f"):
        assert ward2[(code, None)].value is None and "city only" in ward2[(code, None)].reason
    # the low-income community: B10, B11, B12, B13 (26 people); EQ-1 compares it with itself
    lic = _by_key(compute(city_dsn, YEAR, Area.lic("LIC-A")).rows)
    assert (lic[("SF-1a", "city")].numerator, lic[("SF-1a", "city")].denominator) == (5, 26)
    assert lic[("EQ-1", "city")].value == 1.0 and lic[("SF-2a", "city")].value == 19.23
    assert lic[("SF-3", "city")].value == 100.0  # CT1 only (CT2 is in ward 2)
    # a drawn polygon: ward 1's square given in WGS 84 equals ward 1
    conn = connect(city_dsn)
    with conn.cursor() as cur:
        cur.execute("SELECT ST_AsText(ST_Transform(geom, 4326)) FROM imis_core.ward WHERE number = 1")
        wkt = cur.fetchone()[0]
    conn.close()
    drawn = _values(compute(city_dsn, YEAR, Area.polygon(wkt, 4326)).rows)
    assert drawn[("SF-1a", "city")] == 50.75
    assert drawn == {key: row.value for key, row in ward1.items()}
    # a smaller polygon around the community only (x 100-400, y 100-400 in the city CRS)
    square = f"POLYGON(({X + 100} {Y + 100},{X + 400} {Y + 100},{X + 400} {Y + 400},{X + 100} {Y + 400},{X + 100} {Y + 100}))"
    assert _values(compute(city_dsn, YEAR, Area.polygon(square, 0)).rows)[("SF-1a", "city")] == 19.23


def test_quarters_and_months(city_dsn):
    # Q1 2025 emptyings: A7 (3 m3, 3 delivered), A1 (4, 4), A2 (5, 0) -> 7 / 12; containments emptied: C06, C02,
    # C03 and C24 (noted 1 March) -> 4 / 15; all three mechanical
    q1 = _by_key(compute(city_dsn, Period.quarter(2025, 1)).rows)
    assert (q1[("SF-1c", None)].numerator, q1[("SF-1c", None)].denominator, q1[("SF-1c", None)].value) == (7, 12, 58.33)
    assert q1[("SF-1b", None)].value == 26.67 and q1[("SF-7", None)].value == 100.0
    # capacity over 90 days: 90 x 0.02 = 1.8 against 101 x 0.04 x 90 / 365 = 0.996 -> same share as the year
    assert q1[("SF-1d", None)].numerator == pytest.approx(1.8)
    assert q1[("SF-1d", None)].value == pytest.approx(180.69, abs=0.05)
    # February: A1 only (applied 1 Feb, emptied 4 Feb, all delivered)
    feb = _by_key(compute(city_dsn, Period.month(2025, 2)).rows)
    assert feb[("SF-1c", None)].value == 100.0 and feb[("FSM-RT", None)].value == 3.0
    # December: no emptying -> empty with a reason, never a fake zero
    dec = _by_key(compute(city_dsn, Period.month(2025, 12)).rows)
    assert dec[("SF-1c", None)].value is None and dec[("SF-1c", None)].reason == "no emptyings in the period"
    assert dec[("FSM-APP", None)].value == 0
    # stock indicators do not depend on the part of the year
    assert q1[("SF-1a", "city")].value == feb[("SF-1a", "city")].value == 52.99


def test_one_provider_and_one_rule(city_dsn):
    # SP2: A3 and A4 (both emptied, both LIC); 3 m3 emptied, 2.5 delivered
    sp2 = _by_key(compute(city_dsn, YEAR, provider="SP2").rows)
    assert sp2[("FSM-APP", None)].value == 2 and sp2[("FSM-INC", None)].value == 100.0
    assert sp2[("SF-1c", None)].value == 83.33
    city_only = compute(city_dsn, YEAR, rules=["city"]).rows
    assert {r.rule for r in city_only} == {None, "city", "jmp"}  # the JMP ladder is always JMP's
    assert not [r for r in city_only if r.rule == "jmp" and not r.code.startswith("JMP-")]
    with pytest.raises(IndicatorError, match="no service provider 'SP9'"):
        compute(city_dsn, YEAR, provider="SP9")


def test_bad_requests_are_refused_with_the_rule_name(city_dsn):
    conn = connect(city_dsn)
    try:
        with conn.cursor() as cur:
            for query, rule in (
                ("SELECT * FROM imis_app.indicators('2025-12-31', '2025-01-01')", "indicator_period"),
                ("SELECT * FROM imis_app.indicators('2025-01-01', '2025-12-31', NULL, ARRAY['strict'])", "indicator_rule"),
                ("SELECT * FROM imis_app.indicators_for('ward', '99', 2025)", "indicator_area"),
                ("SELECT * FROM imis_app.indicators_for('district', '1', 2025)", "indicator_area"),
                ("SELECT * FROM imis_app.indicators_for('city', NULL, 2025, 5)", "indicator_period"),
                ("SELECT * FROM imis_app.indicators('2025-01-01', '2025-12-31', ST_MakePoint(1, 2))",
                 "indicator_area_polygon"),
            ):
                with pytest.raises(psycopg2.Error, match=rule):
                    cur.execute(query)
                conn.rollback()
    finally:
        conn.close()
    with pytest.raises(IndicatorError, match="indicator_area: there is no ward"):
        compute(city_dsn, YEAR, Area.ward(99))
    with pytest.raises(IndicatorError, match="YYYY-Qn"):
        Period.parse("last year")
    assert Period.parse("2025-Q3").date_to.isoformat() == "2025-09-30"
    assert Period.parse("2024-02").date_to.isoformat() == "2024-02-29"


def test_named_area_function_equals_the_geometry_call(city_dsn):
    conn = connect(city_dsn)
    with conn.cursor() as cur:
        cur.execute("SELECT code, rule, value FROM imis_app.indicators_for('ward', '2', 2025) ORDER BY sort, rule")
        named = cur.fetchall()
    conn.close()
    assert {(c, r): (None if v is None else float(v)) for c, r, v in named} == \
        _values(compute(city_dsn, YEAR, Area.ward(2)).rows)


# --- properties ---------------------------------------------------------------------------------------------

def _areas():
    return [Area.city(), Area.ward(1), Area.ward(2), Area.lic("LIC-A")]


def test_every_area_and_period_is_in_range_or_empty_with_a_reason(city_dsn):
    periods = [YEAR, Period.year(2024), Period.year(2026)] + [Period.quarter(2025, q) for q in (1, 2, 3, 4)] + \
        [Period.month(2025, m) for m in range(1, 13)]
    conn = connect(city_dsn)
    try:
        for period in periods:
            for area in _areas():
                rows = compute(conn, period, area).rows
                assert check_ranges(rows, conn) == [], (period.label, area.label)
    finally:
        conn.close()


SYSTEMS = [None, "sewer_network", "drain_network", "septic_tank", "pit_holding_tank", "onsite_treatment",
           "composting_toilet", "water_body", "open_ground", "community_toilet", "open_defecation",
           "shared_septic_tank", "shared_toilet"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.sampled_from(sorted(BUILDINGS)), st.sampled_from(SYSTEMS),
                                st.one_of(st.none(), st.integers(0, 60)), st.booleans()), max_size=8),
       plant_status=st.sampled_from(["operational", "not_operational"]),
       period=st.sampled_from([YEAR, Period.quarter(2025, 2), Period.month(2025, 7)]),
       area=st.sampled_from(["city", "1", "2", "LIC-A"]))
def test_random_edits_keep_every_value_in_range(city_dsn, edits, plant_status, period, area):
    conn = connect(city_dsn)
    try:
        with conn.cursor() as cur:
            for bin_, system, population, lic in edits:
                cur.execute("UPDATE imis_core.building SET sanitation_system = %s, population = %s, "
                            "female_population = NULL, male_population = NULL, "
                            "lic_id = CASE WHEN %s THEN (SELECT id FROM imis_core.low_income_community) END "
                            "WHERE bin = %s", (system, population, lic, bin_))
            cur.execute("UPDATE imis_core.treatment_plant SET status = %s", (plant_status,))
        chosen = Area.city() if area == "city" else Area.lic(area) if area == "LIC-A" else Area.ward(area)
        rows = compute(conn, period, chosen).rows
        assert check_ranges(rows, conn) == []
        by_key = _by_key(rows)
        ladder = [by_key[(code, "jmp")] for code in ("JMP-SM", "JMP-B", "JMP-L", "JMP-U", "JMP-OD")]
        # the rungs add up to the population with known sanitation, which with the unknown is everyone
        assert sum(r.numerator for r in ladder) == ladder[0].denominator
        assert ladder[0].denominator + by_key[("JMP-NA", "jmp")].numerator == by_key[("SF-1a", "jmp")].denominator
        # SF-1a under JMP counts exactly the safely managed
        assert by_key[("SF-1a", "jmp")].numerator == by_key[("JMP-SM", "jmp")].numerator
    finally:
        conn.rollback()
        conn.close()


# --- editing data changes the figure ---------------------------------------------------------------------------

def test_correcting_data_changes_the_figures(city_dsn):
    conn = connect(city_dsn)
    try:
        with conn.cursor() as cur:
            # B06's septic tank actually drains to D1, which reaches the WWTP: safe by the city rule
            # (62 + 9 = 71 of 117 = 60.68 %); not by JMP, because its 2025 emptying went to the WWTP, which
            # does not treat sludge
            cur.execute("UPDATE imis_core.building SET drain_id = (SELECT id FROM imis_core.drain WHERE code = 'D1') "
                        "WHERE bin = 'B06'")
            rows = _by_key(compute(conn, YEAR).rows)
            assert (rows[("SF-1a", "city")].numerator, rows[("SF-1a", "city")].value) == (71, 60.68)
            assert rows[("SF-1a", "jmp")].numerator == 50
            # the FSTP's disposal of A1 was a typing error: B02's last emptying is no longer delivered
            # (JMP 50 - 8 = 42 -> 35.90 %); delivered sludge 9.5 - 4 = 5.5 of 15 = 36.67 %
            cur.execute("DELETE FROM imis_fsm.disposal WHERE emptying_id = (SELECT e.id FROM imis_fsm.emptying e "
                        "JOIN imis_fsm.application a ON a.id = e.application_id WHERE a.code = 'A1')")
            rows = _by_key(compute(conn, YEAR).rows)
            assert (rows[("SF-1a", "jmp")].numerator, rows[("SF-1a", "jmp")].value) == (42, 35.90)
            assert rows[("SF-1c", None)].value == 36.67 and rows[("FSM-SD", None)].value == 60.00
            # settings: double the sludge generation -> SF-1d halves (7.3 / 8.08); a stricter response-time target
            cur.execute("INSERT INTO imis_core.indicator_setting (parameter, value) VALUES ('sludge_m3_per_person_year', 0.08)")
            cur.execute("INSERT INTO imis_core.indicator_setting (indicator, value) VALUES ('fsm_rt', 5)")
            rows = _by_key(compute(conn, YEAR).rows)
            assert rows[("SF-1d", None)].value == 90.35
            assert rows[("FSM-RT", None)].target == 5 and rows[("FSM-RT", None)].meets_target is False
            # a job that names only the building empties its only containment (as the FSM module does):
            # B09's unlined pit C09 emptied in August, sludge not delivered -> no longer safely managed
            # (JMP 42 - 6 = 36 -> 30.77 %); containments emptied 6 + 1 = 7 of 15 = 46.67 %
            cur.execute("INSERT INTO imis_fsm.application (code, building_id, application_date) "
                        "SELECT 'A8', id, DATE '2025-08-01' FROM imis_core.building WHERE bin = 'B09' RETURNING id")
            cur.execute("INSERT INTO imis_fsm.emptying (application_id, emptied_date, volume_m3) "
                        "VALUES (%s, DATE '2025-08-02', 2)", (cur.fetchone()[0],))
            rows = _by_key(compute(conn, YEAR).rows)
            assert (rows[("SF-1a", "jmp")].numerator, rows[("SF-1a", "jmp")].value) == (36, 30.77)
            assert (rows[("SF-1b", None)].numerator, rows[("SF-1b", None)].value) == (7, 46.67)
    finally:
        conn.rollback()
        conn.close()


# --- snapshots, publication and the feed ------------------------------------------------------------------------

def test_a_published_year_is_locked(own_city):
    dsn = own_city
    snapshots.take(dsn, 2025, "first try")
    state = snapshots.status(dsn, 2025)
    assert not state.is_published and state.values == 4 * len(EXPECTED)  # city, 2 wards, 1 LIC
    assert feed.build(dsn, 2025).source == "draft snapshot"
    snapshots.take(dsn, 2025)  # a draft may be retaken
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT v.value FROM imis_core.indicator_snapshot_value v WHERE v.area_kind = 'city' "
                    "AND v.indicator = 'sf_1a' AND v.rule = 'city'")
        assert float(cur.fetchone()[0]) == 52.99
    published = snapshots.publish(dsn, 2025)
    assert snapshots.status(dsn, 2025).published_at == published
    for statement in (
        "UPDATE imis_core.indicator_snapshot_value SET value = 99 WHERE indicator = 'sf_1a'",
        "DELETE FROM imis_core.indicator_snapshot_value",
        "INSERT INTO imis_core.indicator_snapshot_value (snapshot_id, area_kind, area_code, indicator, value, unit) "
        "SELECT id, 'ward', '9', 'sf_1b', 1, '%' FROM imis_core.indicator_snapshot",
        "UPDATE imis_core.indicator_snapshot SET note = 'changed'",
        "UPDATE imis_core.indicator_snapshot SET is_published = false, published_at = NULL",
        "DELETE FROM imis_core.indicator_snapshot",
        "TRUNCATE imis_core.indicator_snapshot_value",
    ):
        with pytest.raises(psycopg2.Error, match="indicator_snapshot_published: the indicators of 2025 were published|"
                                                 "indicator_snapshot_published: .*cannot be truncated"):
            with transaction(dsn) as conn, conn.cursor() as cur:
                cur.execute(statement)
    with pytest.raises(IndicatorError, match="indicator_snapshot_published"):
        snapshots.take(dsn, 2025)
    with pytest.raises(IndicatorError, match="indicator_snapshot_published: the indicators of 2025 were already published"):
        snapshots.publish(dsn, 2025)
    snapshots.mark_sent(dsn, 2025)  # recording the sending is the one change allowed
    assert snapshots.status(dsn, 2025).sent_at is not None
    # correcting the data afterwards changes the live figures, not the published ones
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_core.building SET sanitation_system = 'septic_tank' WHERE bin = 'B13'")
    assert _values(compute(dsn, YEAR).rows)[("SF-1a", "city")] == 52.99  # B13 has no containment: not safe
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_core.building SET sanitation_system = 'onsite_treatment' WHERE bin = 'B13'")
    assert _values(compute(dsn, YEAR).rows)[("SF-1a", "city")] == 55.56  # 65 / 117
    published_feed = feed.build(dsn, 2025)
    assert published_feed.published
    assert {i["code"]: i["value"] for i in published_feed.indicators}["SF-1a"] == 52.99
    with pytest.raises(IndicatorError, match="indicator_snapshot_missing"):
        snapshots.publish(dsn, 2024)


def test_only_an_administrator_writes_snapshots_and_everyone_reads_the_figures(own_city):
    from .logins import connect_as, create_login

    dsn = own_city
    editor, viewer, admin = (create_login(dsn, g) for g in ("imis_gis_editor", "imis_viewer", "imis_admin"))
    for login in (editor, viewer):
        conn = connect_as(dsn, login)
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT value FROM imis_app.indicators('2025-01-01', '2025-12-31') WHERE code = 'SF-1a' "
                            "AND rule = 'city'")
                assert float(cur.fetchone()[0]) == 52.99
                with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                    cur.execute("SELECT imis_app.take_indicator_snapshot(2025)")
                conn.rollback()
                with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                    cur.execute("INSERT INTO imis_core.indicator_setting (parameter, value) "
                                "VALUES ('wastewater_fraction', 0.9)")
        finally:
            conn.close()
    conn = connect_as(dsn, admin)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT imis_app.take_indicator_snapshot(2025)")
            cur.execute("SELECT imis_app.publish_indicator_snapshot(2025)")
            cur.execute("SELECT published_by FROM imis_core.indicator_snapshot WHERE year = 2025")
            assert cur.fetchone()[0] == admin
        conn.commit()
    finally:
        conn.close()


def test_feed_files_have_exactly_the_dashboard_format(city_dsn, tmp_path):
    data = feed.build(city_dsn, 2025, "jmp")
    assert data.source == "computed now"
    payload = json.loads(feed.write_json(data, tmp_path / "feed.json").read_text(encoding="utf-8"))
    assert set(payload) == {"city", "year", "indicators"}
    assert payload["city"] == "ICT" and payload["year"] == 2025
    assert all(set(i) == {"code", "name", "outcome", "value"} for i in payload["indicators"])
    values = {i["code"]: i["value"] for i in payload["indicators"]}
    # the CWIS indicators under the chosen rule and the JMP ladder; no service KPIs, no "no data" share
    assert values["SF-1a"] == 42.74 and values["EQ-1"] == 0.45 and values["JMP-SM"] == 44.64
    assert not [c for c in values if c.startswith("FSM-")] and "JMP-NA" not in values
    assert len(values) == 26  # 21 CWIS + 5 rungs
    with open(feed.write_csv(data, tmp_path / "feed.csv"), newline="", encoding="utf-8") as handle:
        lines = list(csv.DictReader(handle))
    assert list(lines[0]) == ["city", "year", "code", "name", "outcome", "value"]
    assert {r["code"]: r["value"] for r in lines}["SF-1a"] == "42.74"
    assert feed.build(city_dsn, 2025, "city").indicators[1] == {
        "code": "SF-1a", "name": "Population with a safe private toilet", "outcome": "Safety", "value": 52.99}


# --- the dashboard client against a dashboard on loopback -----------------------------------------------------------

class _Dashboard(http.server.BaseHTTPRequestHandler):
    """A stand-in National Sanitation Dashboard: one token, years stored and published per city."""

    token = "s3cret-token"
    store: dict = {}
    calls: list = []

    def log_message(self, *args):  # keep pytest's output clean
        pass

    def _answer(self, code, body=None):
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _route(self):
        self.calls.append((self.command, self.path))
        if self.headers.get("Authorization") != f"Bearer {self.token}":
            self._answer(401, {"message": "bad token"})
            return None
        m = re.fullmatch(r"/api/cities/([^/]+)/years/(\d+)(/publish)?", self.path)
        if not m:
            self._answer(404, {"message": "no such route"})
            return None
        return (m[1], int(m[2])), bool(m[3])

    def do_GET(self):
        route = self._route()
        if route:
            held = self.store.get(route[0])
            self._answer(404, {"message": "nothing yet"}) if held is None else self._answer(200, held)

    def do_PUT(self):
        route = self._route()
        if route:
            held = self.store.get(route[0])
            if held and held["published"]:
                self._answer(409, {"message": "published years are locked"})
                return
            feed_ = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            self.store[route[0]] = {"published": False, "feed": feed_}
            self._answer(200, {"stored": True})

    def do_POST(self):
        route = self._route()
        if route and route[1]:
            self.store[route[0]]["published"] = True
            self._answer(200, {"published": True})


@pytest.fixture
def dashboard():
    _Dashboard.store, _Dashboard.calls = {}, []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Dashboard)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api", _Dashboard
    server.shutdown()
    server.server_close()


def test_client_sends_a_year_and_never_overwrites_a_published_one(city_dsn, dashboard):
    endpoint, server = dashboard
    payload = feed.build(city_dsn, 2025).payload()
    client = DashboardClient.from_environment({"IMIS_DASHBOARD_URL": endpoint, "IMIS_DASHBOARD_TOKEN": server.token})
    assert client.status("ICT", 2025) is None
    assert client.send(payload) == {"sent": True, "published": False}
    assert server.store[("ICT", 2025)]["feed"] == payload
    assert client.send(payload, publish=True) == {"sent": True, "published": True}  # a draft may be replaced
    puts = [c for c in server.calls if c[0] == "PUT"]
    with pytest.raises(AlreadyPublished, match="already published ICT 2025"):
        client.send(payload)
    assert [c for c in server.calls if c[0] == "PUT"] == puts, "asked first, sent nothing"
    assert server.calls[-1] == ("GET", "/api/cities/ICT/years/2025")
    # a dashboard published meanwhile (after our question) still refuses: 409 becomes AlreadyPublished
    server.store[("ICT", 2024)] = {"published": True, "feed": {}}
    with pytest.raises(AlreadyPublished):
        DashboardClient(endpoint, token=server.token).send({"city": "ICT", "year": 2024, "indicators": []})
    with pytest.raises(DashboardError, match="refused the credential"):
        DashboardClient(endpoint, token="wrong").send(payload)


def test_client_configuration_never_comes_from_a_file(monkeypatch):
    monkeypatch.delenv("IMIS_DASHBOARD_URL", raising=False)
    with pytest.raises(DashboardError, match="IMIS_DASHBOARD_URL"):
        DashboardClient.from_environment()
    with pytest.raises(DashboardError, match="plain HTTP"):
        DashboardClient("http://dashboard.example.org/api", token="t")
    with pytest.raises(DashboardError, match="not an http"):
        DashboardClient("ftp://dashboard.example.org/api")
    assert DashboardClient("https://dashboard.example.org/api", token="t").endpoint.startswith("https://")
    with pytest.raises(DashboardError, match="cannot be reached"):
        DashboardClient("http://127.0.0.1:9/api", token="t", timeout=2).status("ICT", 2025)


def test_client_reads_a_qgis_authentication_configuration(qgis_app, dashboard, city_dsn):
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    endpoint, server = dashboard
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("imis-test-master", True)
    config = QgsAuthMethodConfig("EsriToken")
    config.setName("national dashboard (test)")
    config.setUri(endpoint)
    config.setConfig("token", server.token)
    stored = manager.storeAuthenticationConfig(config)
    assert stored[0] if isinstance(stored, tuple) else stored
    config = stored[1] if isinstance(stored, tuple) else config  # the binding returns the id'd config or fills it
    try:
        client = DashboardClient.from_qgis_auth(config.id())
        assert client.endpoint == endpoint and client.token == server.token
        assert client.send(feed.build(city_dsn, 2025).payload())["sent"]
    finally:
        manager.removeAuthenticationConfig(config.id())
    with pytest.raises(DashboardError, match="no authentication configuration"):
        DashboardClient.from_qgis_auth("nope123")


# --- outputs ------------------------------------------------------------------------------------------------------

def test_workbook_has_a_sheet_and_a_native_chart_per_group(city_dsn, tmp_path):
    from imis_plugin.indicators.excel import write_workbook

    result = compute(city_dsn, YEAR, with_flows=True)
    path = write_workbook(result, tmp_path / "kpi.xlsx")
    book = load_workbook(path)
    groups = ["Household sanitation", "Emptying and treatment", "Shared, public, institutional", "Water quality",
              "JMP sanitation ladder", "FSM service KPIs"]
    assert book.sheetnames == ["About"] + groups + ["Excreta flow"]
    for name in groups + ["Excreta flow"]:
        assert book[name]._charts, f"{name} has no chart"
    sheet = book["Household sanitation"]
    rows = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=7).value for r in range(2, 8)}
    assert rows["SF-1a (city)"] == 52.99 and rows["EQ-1 (jmp)"] == 0.45
    flows = {book["Excreta flow"].cell(row=r, column=1).value: book["Excreta flow"].cell(row=r, column=3).value
             for r in range(2, 11)}
    assert flows["Sewer to an operational treatment plant"] == pytest.approx(100 * 12 / 117, abs=0.01)


def test_excreta_flow_shares(city_dsn):
    from imis_plugin.indicators.engine import excreta_flow

    flows = {f.stage: f for f in excreta_flow(city_dsn, YEAR)}
    # on-site (incl. community toilets): everyone but sewer 16, not contained B14 4, open defecation 3, unknown 5
    # = 89; emptied 40 %, delivered 63.33 %, treated 33.33 % (SF-1b, SF-1c, SF-1g)
    assert flows["onsite_contained"].population == pytest.approx(89 * 0.6, abs=0.1)
    assert flows["onsite_treated"].population == pytest.approx(89 * 0.4 * 0.6333 * 0.3333, abs=0.1)
    assert flows["offsite_treated"].population == 12 and flows["offsite_untreated"].population == 4
    assert sum(f.share for f in flows.values()) == pytest.approx(100, abs=0.05)
    assert (flows["onsite_treated"].safe, flows["not_contained"].safe, flows["onsite_contained"].safe) == (True, False, None)


def test_pdf_report_has_a_page_pair_per_area(qgis_app, city_dsn, tmp_path):
    from imis_plugin.indicators.report import build_pdf

    path = build_pdf(city_dsn, YEAR, tmp_path / "kpi.pdf", workdir=tmp_path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == 6  # (city, ward 1, ward 2) x (table, charts)
    assert sorted(p.name for p in tmp_path.glob("flow_*.png")) == ["flow_city_city.png", "flow_ward_1.png",
                                                                   "flow_ward_2.png"]


# --- Processing and the command line -------------------------------------------------------------------------------

def test_kpi_summary_algorithm(provider, city_dsn, tmp_path):
    from processing import run
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    context = QgsProcessingContext()
    result = run("imis:kpi_summary", {
        "DATABASE": city_dsn, "PERIOD": 1, "YEAR": 2025, "PART": 1, "AREA": 1, "AREA_CODE": "2",
        "RULES": [1], "OUTPUT": "memory:", "XLSX": str(tmp_path / "q1.xlsx"), "PDF": str(tmp_path / "q1.pdf"),
        "FLOW_PNG": str(tmp_path / "flow.png"), "BUILDINGS": False,
    }, context=context, feedback=QgsProcessingFeedback())
    layer = result["OUTPUT"]  # processing.run hands back the layer itself
    features = {(f["code"], f["rule"] or None): f for f in layer.getFeatures()}
    assert len(features) == result["INDICATORS"] == 36  # city rule only: 29 rule-free + 7 per rule
    # ward 2 in Q1: A7 (B06, 3 m3 all delivered) is its only emptying
    assert features[("SF-1c", None)]["value"] == 100.0 and features[("SF-1a", "city")]["value"] == 56.0
    assert features[("SF-1d", None)]["reason"].startswith("treatment capacity serves the whole city")
    assert load_workbook(result["XLSX"]).sheetnames[0] == "About"
    assert (tmp_path / "q1.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "flow.png").read_bytes().startswith(b"\x89PNG")


def test_publish_and_feed_algorithms(provider, own_city, tmp_path, dashboard, monkeypatch):
    from processing import run
    from qgis.core import QgsProcessingException

    endpoint, server = dashboard
    monkeypatch.setenv("IMIS_DASHBOARD_URL", endpoint)
    monkeypatch.setenv("IMIS_DASHBOARD_TOKEN", server.token)
    with pytest.raises(QgsProcessingException, match="not published in IMIS"):
        run("imis:dashboard_feed", {"DATABASE": own_city, "YEAR": 2025, "SEND": True})
    taken = run("imis:publish_indicators", {"DATABASE": own_city, "YEAR": 2025, "ACTION": 1})
    assert taken["VALUES"] == 4 * len(EXPECTED) and taken["PUBLISHED_AT"]
    sent = run("imis:dashboard_feed", {"DATABASE": own_city, "YEAR": 2025, "SEND": True, "PUBLISH": True,
                                       "JSON": str(tmp_path / "f.json"), "CSV": str(tmp_path / "f.csv")})
    assert sent["SENT"] and sent["DASHBOARD_PUBLISHED"] and sent["SOURCE"] == "published snapshot"
    assert json.loads((tmp_path / "f.json").read_text())["year"] == 2025
    with pytest.raises(QgsProcessingException, match="already published"):
        run("imis:dashboard_feed", {"DATABASE": own_city, "YEAR": 2025, "SEND": True})
    with pytest.raises(QgsProcessingException, match="indicator_snapshot_published"):
        run("imis:publish_indicators", {"DATABASE": own_city, "YEAR": 2025, "ACTION": 0})


def test_command_line(city_dsn, capsys, tmp_path):
    from imis_plugin.cli import main

    assert main(["indicators", "compute", "2025", "--dsn", city_dsn, "--ward", "1", "--rule", "city",
                 "--xlsx", str(tmp_path / "w1.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "Indicator Town - Ward 1 - 2025" in out and re.search(r"SF-1a \(city\)\s+50\.75 %", out)
    assert main(["indicators", "compute", "2025-Q5", "--dsn", city_dsn]) == 1
    assert "YYYY-Qn" in capsys.readouterr().err
    assert main(["indicators", "feed", "2025", "--dsn", city_dsn, "--rule", "jmp", "--json", str(tmp_path / "f.json")]) == 0
    assert json.loads((tmp_path / "f.json").read_text())["indicators"][1]["value"] == 42.74
    assert main(["indicators", "feed", "2025", "--dsn", city_dsn, "--send"]) == 1
    assert "not published in IMIS" in capsys.readouterr().err
