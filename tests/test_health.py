"""Public health: disease rates and hotspots, clusters of contaminated samples, DHIS2 in and out, and
other departments' tables linked by reference. Expected values are worked out by hand in the comments."""
import datetime as dt
import json
from decimal import Decimal

import psycopg2
import pytest

from imis_plugin import link
from imis_plugin.db.connect import transaction
from imis_plugin.db.errors import ImisDatabaseError
from imis_plugin.health import dhis2, sample_clusters, ward_rates

from .sample_city import X, Y, _insert, point, populate, square

YEAR = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


@pytest.fixture
def city(head_dsn):
    """The sample city (ward 1: 3 buildings of 9 people, 7 diarrhoea cases in January 2026, a clean
    sample, and here a positive one) plus ward 2 east of it: 2 buildings of 500 people, 3 containments, a drain reaching no plant,
    4 water samples of which 3 positive and close together."""
    ids = populate(head_dsn)
    with transaction(head_dsn) as conn, conn.cursor() as cur:
        ward2 = _insert(cur, "imis_core.ward", {"number": 2, "geom": square(X + 2000, Y, 2000)}, ("geom",))
        cur.execute("SELECT id FROM imis_core.drain WHERE code = 'D-001'")
        drain_to_plant = cur.fetchone()[0]
        b1 = _insert(cur, "imis_core.building", {"bin": "W2-1", "population": 500, "ward_id": ward2,
                                                 "drain_id": drain_to_plant,
                                                 "geom": square(X + 2100, Y + 200, 10)}, ("geom",))
        b2 = _insert(cur, "imis_core.building", {"bin": "W2-2", "population": 500, "ward_id": ward2,
                                                 "geom": square(X + 2200, Y + 200, 10)}, ("geom",))
        for code, kind, building, where in (("K1", "septic_tank_drain", b1, (X + 2105, Y + 195)),
                                            ("K2", "septic_tank_open_ground", b2, (X + 2205, Y + 195)),
                                            ("K3", "septic_tank_drain", b2, (X + 3500, Y + 1500))):
            k = _insert(cur, "imis_core.containment", {"code": code, "containment_type": kind,
                                                       "location": point(*where)}, ("location",))
            _insert(cur, "imis_core.building_containment", {"building_id": building, "containment_id": k})
        _insert(cur, "imis_core.drain", {"code": "D-002", "geom": f"MULTILINESTRING(({X + 2100} {Y + 100},"
                                                                  f"{X + 2400} {Y + 100}))"}, ("geom",))
        for code, x, y, fc in (("S1", 2150, 150, 5), ("S2", 2250, 150, 2), ("S3", 2200, 250, 1),
                               ("S4", 2300, 300, 0)):
            _insert(cur, "imis_core.water_sample", {
                "code": code, "sample_date": dt.date(2026, 3, 1), "faecal_coliform_cfu_100ml": fc,
                "location": point(X + x, Y + y)}, ("location",))
        # ward 1 also has the sample city's clean WS-01; this one is positive
        _insert(cur, "imis_core.water_sample", {"code": "WQ-001", "sample_date": dt.date(2026, 5, 1),
                                               "faecal_coliform_cfu_100ml": 12, "location": point(X + 160, Y + 530)},
                ("location",))
        _insert(cur, "imis_core.disease_case", {"ward_id": ids["ward"], "disease": "cholera", "cases": 2,
                                               "period_start": dt.date(2026, 1, 1), "period_end": dt.date(2026, 1, 31)})
        _insert(cur, "imis_core.disease_case", {"ward_id": ward2, "disease": "diarrhoea", "cases": 3,
                                               "period_start": dt.date(2026, 1, 1), "period_end": dt.date(2026, 1, 31)})
        # outside the year asked for: must not count
        _insert(cur, "imis_core.disease_case", {"ward_id": ward2, "disease": "diarrhoea", "cases": 50,
                                               "period_start": dt.date(2025, 12, 1), "period_end": dt.date(2025, 12, 31)})
    return head_dsn


def test_ward_rates_and_hotspots(city):
    rows = {r["ward_number"]: r for r in ward_rates(city, *YEAR)}
    one, two = rows[1], rows[2]
    # populations 3 x 9 = 27 and 2 x 500 = 1000; cases 7 + 2 = 9 and 3; city 12 cases / 1027 people
    assert (one["population"], one["cases"], two["population"], two["cases"]) == (27, 9, 1000, 3)
    assert one["rate_per_1000"] == Decimal("333.333")          # 9000 / 27
    assert two["rate_per_1000"] == Decimal("3.000")            # 3000 / 1000
    assert one["city_rate_per_1000"] == Decimal("11.685")      # 12000 / 1027 = 11.68452
    assert one["relative_risk"] == Decimal("28.528")           # (9000/27) / (12000/1027) = 28.5278
    assert two["relative_risk"] == Decimal("0.257")            # 3 / 11.68452 = 0.25675
    assert one["is_hotspot"] is True and two["is_hotspot"] is False  # 9 >= 5 cases and 333 >= 2 x 11.7
    # ward 2: K2 drains to open ground, K3 to a drain its building is not connected to; K1's drain reaches TP-01
    assert (two["containments"], two["unsafe_containments"]) == (3, 2)
    assert (one["containments"], one["unsafe_containments"]) == (1, 0)  # septic tank to soak pit
    assert two["drains_without_plant_m"] == Decimal("300.0") and one["drains_without_plant_m"] == 0
    assert one["waterlogged_m2"] == Decimal("14400.0")         # 120 m x 120 m
    assert (one["samples"], one["positive_samples"], two["samples"], two["positive_samples"]) == (2, 1, 4, 3)


def test_unsafe_containments_follow_the_indicators_city_rule(city):
    with transaction(city) as conn, conn.cursor() as cur:
        cur.execute("SELECT id, number FROM imis_core.ward")
        ward2 = {n: i for i, n in cur.fetchall()}[2]
        cur.execute("SELECT id FROM imis_core.building WHERE bin IN ('W2-1', 'W2-2') ORDER BY bin")
        b1, b2 = (i for (i,) in cur.fetchall())
        cur.execute("SELECT id FROM imis_core.sewer WHERE code = 'S-001'")  # reaches TP-01
        sewer = cur.fetchone()[0]
        closed_lined = _insert(cur, "imis_core.drain", {
            "code": "D-003", "cover": "closed", "lining": "lined",  # reaches no plant
            "geom": f"MULTILINESTRING(({X + 2500} {Y + 600}, {X + 2600} {Y + 600}))"}, ("geom",))
        b3 = _insert(cur, "imis_core.building", {"bin": "W2-3", "population": 10, "ward_id": ward2,
                                                 "drain_id": closed_lined,
                                                 "geom": square(X + 2500, Y + 650, 10)}, ("geom",))
        b4 = _insert(cur, "imis_core.building", {"bin": "W2-4", "population": 10, "ward_id": ward2,
                                                 "sewer_id": sewer,
                                                 "geom": square(X + 2600, Y + 650, 10)}, ("geom",))
        for n, (code, kind, buildings) in enumerate((
                ("K4", "septic_tank_drain", [b3]),      # closed and lined drain: safe without a plant
                ("K5", "lined_pit_sewer", [b3]),        # its building has no sewer: unsafe
                ("K6", "lined_pit_sewer", [b4]),        # sewer to a plant: safe
                ("K7", "unlined_pit", [b4]),            # unsafe under the city rule
                ("K8", "holding_tank", [b4]),           # no outlet: unsafe
                ("K9", "double_pit", [b3]),             # safe
                ("K10", "septic_tank_drain", [b2, b1]),  # shared: b1's drain reaches a plant, safe
                ("K11", None, [b3]))):                  # type unknown: not safe
            k = _insert(cur, "imis_core.containment", {
                "code": code, "containment_type": kind, "location": point(X + 2500 + 10 * n, Y + 700)},
                ("location",))
            for b in buildings:
                _insert(cur, "imis_core.building_containment", {"building_id": b, "containment_id": k})
        cur.execute("SELECT code FROM imis_app.health_containment_risk WHERE discharges_unsafely "
                    "ORDER BY code")
        assert [c for (c,) in cur.fetchall()] == ["K11", "K2", "K3", "K5", "K7", "K8"]
    two = {r["ward_number"]: r for r in ward_rates(city, *YEAR)}[2]
    # K1-K3 and K4-K11: 11 containments; unsafe K2, K3 (see above) and K5, K7, K8, K11
    assert (two["containments"], two["unsafe_containments"]) == (11, 6)


def _buildings(cur):
    """Building ids by BIN."""
    cur.execute("SELECT bin, id FROM imis_core.building")
    return dict(cur.fetchall())


def _containments(dsn, start, end):
    """(containments, unsafe containments) per ward number, as health counts them."""
    return {r["ward_number"]: (r["containments"], r["unsafe_containments"])
            for r in ward_rates(dsn, start, end)}


def test_containments_out_of_use_are_not_counted(city):
    assert _containments(city, *YEAR)[2] == (3, 2)
    with transaction(city) as conn, conn.cursor() as cur:
        buildings = _buildings(cur)
        # both unsafe (to open ground), beside K2 and inside the cluster of S1-S3
        unsafe = "septic_tank_open_ground"
        old = _insert(cur, "imis_core.containment", {"code": "K-OLD", "containment_type": unsafe,
                                                     "in_use": False,  # decommissioned
                                                     "location": point(X + 2200, Y + 200)}, ("location",))
        new = _insert(cur, "imis_core.containment", {"code": "K-NEW", "containment_type": unsafe,
                                                     "construction_date": dt.date(2027, 2, 1),
                                                     "location": point(X + 2210, Y + 200)}, ("location",))
        for k in (old, new):
            _insert(cur, "imis_core.building_containment", {"building_id": buildings["W2-2"],
                                                            "containment_id": k})
    # the decommissioned K-OLD never counts; K-NEW counts from 2027, when it is built (as in the indicators)
    assert _containments(city, *YEAR)[2] == (3, 2)
    assert _containments(city, dt.date(2027, 1, 1), dt.date(2027, 12, 31))[2] == (4, 3)
    assert sample_clusters(city, *YEAR)[0]["unsafe_containments"] == 1  # K2 only
    with transaction(city) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM imis_app.health_containment_risk WHERE code = 'K-OLD'")
        assert cur.fetchone() == (0,)  # nor in today's layer
        cur.execute("UPDATE imis_core.containment SET in_use = true WHERE code = 'K-OLD'")
    # back in use: counted, and unsafe, in the ward and in the cluster
    assert _containments(city, *YEAR)[2] == (4, 3)
    assert sample_clusters(city, *YEAR)[0]["unsafe_containments"] == 2


def test_each_containment_counts_in_one_ward_and_the_wards_add_up_to_the_city(city):
    with transaction(city) as conn, conn.cursor() as cur:
        buildings = _buildings(cur)
        rows = {  # code: (type, buildings served, location)
            # shared by B000003 (ward 1) and W2-1 (ward 2), lying in ward 2: once, in the ward of its first
            # building by BIN, B000003's (the buildings decide, as in the indicators and the FSM schedule)
            "K-SHARED": ("septic_tank_open_ground", ["W2-1", "B000003"], (X + 2005, Y + 520)),
            # served by no building: the ward its location lies in
            "K-ALONE": ("unlined_pit", [], (X + 2600, Y + 900)),
            # its building has no ward recorded: its location's
            "K-NOWARD": ("double_pit", ["NW-1"], (X + 300, Y + 1500)),
        }
        buildings["NW-1"] = _insert(cur, "imis_core.building", {
            "bin": "NW-1", "population": 4, "geom": square(X + 300, Y + 1510, 10)}, ("geom",))
        for code, (kind, served, where) in rows.items():
            k = _insert(cur, "imis_core.containment", {"code": code, "containment_type": kind,
                                                       "location": point(*where)}, ("location",))
            for bin_ in served:
                _insert(cur, "imis_core.building_containment", {"building_id": buildings[bin_],
                                                                "containment_id": k})
        # the city total, counted straight from the table: every containment in use, built by the year's end
        cur.execute("SELECT count(*) FROM imis_core.containment WHERE in_use "
                    "AND (construction_date IS NULL OR construction_date <= %s)", (YEAR[1],))
        city_total = cur.fetchone()[0]
        cur.execute("SELECT r.code, w.number FROM imis_app.health_containments(%s) r "
                    "JOIN imis_core.ward w ON w.id = r.ward_id WHERE r.code LIKE 'K-%%' ORDER BY 1",
                    (YEAR[1],))
        assert cur.fetchall() == [("K-ALONE", 2), ("K-NOWARD", 1), ("K-SHARED", 1)]
        # the same ward as the FSM fill model gives every containment (scheduling, per-ward plans)
        cur.execute("SELECT count(*), count(*) FILTER (WHERE f.ward_id IS DISTINCT FROM r.ward_id) "
                    "FROM imis_app.health_containment_risk r "
                    "JOIN imis_app.containment_fill f ON f.containment_id = r.id")
        assert cur.fetchone() == (city_total, 0)
    counts = _containments(city, *YEAR)
    # ward 1: C-0001 (safe) + K-SHARED and K-NOWARD; ward 2: K1-K3 (K2, K3 unsafe) + K-ALONE (unlined pit)
    assert counts == {1: (3, 1), 2: (4, 3)}
    assert sum(n for n, _ in counts.values()) == city_total == 7


def _engine_containments(dsn, year):
    """The indicator engine's on-site containments in use per ward and for the city (SF-1b's denominator)."""
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT a.code, i.denominator FROM (SELECT 'city' AS kind, NULL AS code UNION ALL "
                    "SELECT 'ward', number::text FROM imis_core.ward) a, "
                    "imis_app.indicators_for(a.kind, a.code, %s, NULL, NULL, ARRAY['city']) i "
                    "WHERE i.indicator = 'sf_1b'", (year,))
        return {None if code is None else int(code): int(n) for code, n in cur.fetchall()}


def test_ward_containments_agree_with_the_indicator_engine(head_dsn):
    """Health counts the containments the indicators count (SF-1b's denominator: every type in the code list
    is on-site), in the same wards; only one shared across wards differs: the indicators count it in the
    figures of each of its wards, health in one."""
    from .indicator_city import populate as populate_indicator_city

    ids = populate_indicator_city(head_dsn)
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))  # 2026: B20 and C20 are built, all buildings count
    health = {ward: n for ward, (n, _) in _containments(head_dsn, *year).items()}
    engine = _engine_containments(head_dsn, 2026)
    # ward 1: C01 C02 C03 C09 C10 C11 C16 C20 C21 C24; ward 2: C04 C05 C06 C18 C19 C22; C99 is out of use
    assert health == {1: 10, 2: 6} == {w: n for w, n in engine.items() if w is not None}
    assert sum(health.values()) == engine[None] == 16
    with transaction(head_dsn) as conn, conn.cursor() as cur:
        k = _insert(cur, "imis_core.containment", {"code": "C-BOTH",
                                                   "containment_type": "septic_tank_soak_pit"})
        for bin_ in ("B04", "B01"):  # ward 2 and ward 1
            _insert(cur, "imis_core.building_containment", {"building_id": ids[bin_], "containment_id": k})
    health = {ward: n for ward, (n, _) in _containments(head_dsn, *year).items()}
    engine = _engine_containments(head_dsn, 2026)
    assert engine == {None: 17, 1: 11, 2: 7}
    assert health == {1: 11, 2: 6}  # B01 comes first by BIN
    assert sum(health.values()) == engine[None]


def test_one_disease_and_editing_data_change_the_figures(city):
    cholera = {r["ward_number"]: r for r in ward_rates(city, *YEAR, disease="cholera")}
    assert (cholera[1]["cases"], cholera[2]["cases"]) == (2, 0)
    with transaction(city) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_core.disease_case SET cases = 30 WHERE disease = 'diarrhoea' "
                    "AND period_start = '2026-01-01' AND cases = 3")
    rows = {r["ward_number"]: r for r in ward_rates(city, *YEAR)}
    assert rows[2]["cases"] == 30 and rows[2]["rate_per_1000"] == Decimal("30.000")


def test_clusters_of_positive_samples_and_the_sanitation_around(city):
    clusters = sample_clusters(city, *YEAR, distance_m=250, min_samples=3, context_m=100)
    # S1, S2, S3 are about 100 m apart; S4 is clean; WQ-001 is 2 km away (noise)
    assert len(clusters) == 1
    c = clusters[0]
    assert (c["positive_samples"], c["sample_codes"]) == (3, "S1, S2, S3")
    assert c["unsafe_containments"] == 1                       # K2; K1 is safe, K3 is 1.5 km away
    # D-002 runs along y=100, 50 m below the S1-S2 edge: inside the 100 m buffer from x = 2150 - 86.6 to
    # 2250 + 86.6, cut at its start x = 2100 -> 2336.6 - 2100 = 236.6 m (the buffer is a polygon: +-1 m)
    assert abs(float(c["drains_without_plant_m"]) - 236.6) < 1.5
    assert c["waterlogging_areas"] == 0
    assert sample_clusters(city, *YEAR, distance_m=50, min_samples=3) == []


def _mapping(tmp_path, **extra):
    path = tmp_path / "dhis2.json"
    path.write_text(json.dumps({"org_units": {"OuWard1": 1, "OuWard2": 2},
                                "data_elements": {"DeChol": "cholera", "DeDiar": "diarrhoea"}, **extra}))
    return dhis2.read_mapping(path)


def _data_value_set(tmp_path, values, name="cases.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"dataValues": values}))
    return path


def _cases(dsn):
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT w.number, d.disease, d.period_start, d.period_end, d.cases FROM imis_core.disease_case d "
                    "JOIN imis_core.ward w ON w.id = d.ward_id ORDER BY 1, 2, 3")
        return cur.fetchall()


def test_dhis2_import_sums_disaggregations_and_is_idempotent(city, tmp_path):
    mapping = _mapping(tmp_path)
    values = [
        {"dataElement": "DeChol", "period": "202602", "orgUnit": "OuWard1", "categoryOptionCombo": "M", "value": "1"},
        {"dataElement": "DeChol", "period": "202602", "orgUnit": "OuWard1", "categoryOptionCombo": "F", "value": "2"},
        {"dataElement": "DeDiar", "period": "2026Q2", "orgUnit": "OuWard2", "value": "11"},
        {"dataElement": "DeDiar", "period": "202601", "orgUnit": "OuWard1", "value": "7"},  # already there
    ]
    file = _data_value_set(tmp_path, values)
    assert dhis2.import_cases(city, file, mapping) == {"read": 4, "inserted": 2, "updated": 0, "unchanged": 1}
    cases = _cases(city)
    assert (1, "cholera", dt.date(2026, 2, 1), dt.date(2026, 2, 28), 3) in cases
    assert (2, "diarrhoea", dt.date(2026, 4, 1), dt.date(2026, 6, 30), 11) in cases
    assert dhis2.import_cases(city, file, mapping) == {"read": 4, "inserted": 0, "updated": 0, "unchanged": 3}
    assert _cases(city) == cases
    values[2]["value"] = "12"
    assert dhis2.import_cases(city, _data_value_set(tmp_path, values), mapping)["updated"] == 1


def test_dhis2_csv_and_dry_run(city, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text("dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n"
                    "DeChol,2026W10,OuWard2,,,4\n")
    before = _cases(city)
    assert dhis2.import_cases(city, path, _mapping(tmp_path), dry_run=True)["inserted"] == 1
    assert _cases(city) == before
    dhis2.import_cases(city, path, _mapping(tmp_path))
    # ISO week 10 of 2026: Monday 2 March to Sunday 8 March
    assert (2, "cholera", dt.date(2026, 3, 2), dt.date(2026, 3, 8), 4) in _cases(city)


@pytest.mark.parametrize("value, message", [
    ({"dataElement": "DeChol", "period": "202602", "orgUnit": "OuNowhere", "value": "1"},
     "row 2, orgUnit: 'OuNowhere' is not mapped to a ward"),
    ({"dataElement": "DeMalaria", "period": "202602", "orgUnit": "OuWard1", "value": "1"},
     "row 2, dataElement: 'DeMalaria' is not mapped"),
    ({"dataElement": "DeChol", "period": "2026S1", "orgUnit": "OuWard1", "value": "1"},
     "row 2, period: unsupported DHIS2 period '2026S1'"),
    ({"dataElement": "DeChol", "period": "202602", "orgUnit": "OuWard1", "value": "1.5'; DROP TABLE x;--"},
     "row 2, value: \"1.5'; DROP TABLE x;--\" is not a whole number"),
    ({"dataElement": "DeChol", "period": "202602", "orgUnit": "OuWard1", "value": "-3"},
     "row 2, value: '-3' is not a whole number"),
])
def test_dhis2_bad_rows_are_reported_and_nothing_is_written(city, tmp_path, value, message):
    good = {"dataElement": "DeChol", "period": "202603", "orgUnit": "OuWard1", "value": "5"}
    before = _cases(city)
    with pytest.raises(ImisDatabaseError, match="Nothing was imported") as failure:
        dhis2.import_cases(city, _data_value_set(tmp_path, [good, value]), _mapping(tmp_path))
    assert f"cases.json {message}" in str(failure.value)
    assert _cases(city) == before


@pytest.mark.parametrize("content, message", [
    (b"{\"dataValues\": 5}", "not a DHIS2 data-value set"),
    (b"\xff\xfe garbage", "not UTF-8 text"),
    (b"{broken", "not a DHIS2 data-value set"),
])
def test_dhis2_malformed_files_are_refused(city, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ImisDatabaseError, match=message):
        dhis2.import_cases(city, path, _mapping(tmp_path))


def test_dhis2_mapping_to_a_ward_the_city_lacks_writes_nothing(city, tmp_path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"org_units": {"OuWard9": 9}, "data_elements": {"DeChol": "cholera"}}))
    before = _cases(city)
    with pytest.raises(ImisDatabaseError, match="ward 9"):
        dhis2.import_cases(city, _data_value_set(tmp_path, [{"dataElement": "DeChol", "period": "2026",
                                                              "orgUnit": "OuWard9", "value": "1"}]),
                           dhis2.read_mapping(path))
    assert _cases(city) == before


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_dhis2_export_of_ward_figures(city, tmp_path, suffix):
    mapping = _mapping(tmp_path, export={"population": "DePop", "cases": "DeCases", "rate_per_1000": "DeRate"})
    output = tmp_path / f"out{suffix}"
    assert dhis2.export_ward_figures(city, output, mapping, *YEAR) == 6  # 2 wards x 3 figures
    values = {(v["orgunit"], v["dataelement"]): v for _, v in dhis2.read_data_values(output)}
    assert values[("OuWard1", "DeRate")]["value"] == "333.333"
    assert values[("OuWard2", "DePop")]["value"] == "1000"
    assert {v["period"] for v in values.values()} == {"2026"}
    # and it reads back as a data-value set
    assert len(dhis2.read_data_values(output)) == 6


def test_dhis2_periods():
    assert dhis2.period_dates("20260115") == (dt.date(2026, 1, 15), dt.date(2026, 1, 15))
    assert dhis2.period_dates("2024Q1") == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert dhis2.period_dates("202402") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert dhis2.dhis2_period(dt.date(2026, 4, 1), dt.date(2026, 6, 30)) == "2026Q2"
    with pytest.raises(ImisDatabaseError):
        dhis2.dhis2_period(dt.date(2026, 4, 3), dt.date(2026, 6, 30))


@pytest.fixture
def utility(pg_server):
    dsn = pg_server.create_database("utility")
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("CREATE TABLE public.customers (customer_id text PRIMARY KEY, bin text, meter text)")
        cur.execute("INSERT INTO public.customers VALUES ('C1', 'B000001', 'M1'), ('C2', ' B000002 ', 'M2'), "
                    "('C3', 'X-999', 'M3'), ('C4', NULL, 'M4')")
    return dsn


def test_external_tables_are_linked_read_only_and_matched(city, utility):
    link.add(city, "wasa", utility, "postgres", ["customers"])
    report = link.match_report(city, "wasa", "customers", "bin", "bin")
    # B000001 matches, ' B000002 ' matches once trimmed, X-999 matches nothing, one row has no key
    assert report == {"rows": 4, "matched": 2, "empty_keys": 1, "unmatched_keys": ["X-999"]}
    with transaction(city) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM ext_wasa.customers c JOIN imis_core.building b ON b.bin = c.bin")
        assert cur.fetchone() == (1,)
    with pytest.raises(psycopg2.Error, match="does not allow inserts"):
        with transaction(city) as conn, conn.cursor() as cur:
            cur.execute("INSERT INTO ext_wasa.customers VALUES ('C5', 'B000003', 'M5')")
    link.remove(city, "wasa")
    with transaction(city) as conn, conn.cursor() as cur:
        cur.execute("SELECT to_regnamespace('ext_wasa')")
        assert cur.fetchone() == (None,)


@pytest.mark.parametrize("args, message", [
    (("wasa", "host=x password=y dbname=z"), "must not carry a password"),
    (("Wasa; DROP", "utility"), "lower-case letters"),
])
def test_bad_links_are_refused(city, args, message):
    with pytest.raises(ImisDatabaseError, match=message):
        link.add(city, args[0], args[1], "postgres", ["customers"])


def test_match_report_refuses_unknown_columns(city, utility):
    link.add(city, "wasa", utility, "postgres", ["customers"])
    with pytest.raises(ImisDatabaseError, match="no table customers with a column nope"):
        link.match_report(city, "wasa", "customers", "nope", "bin")


@pytest.fixture
def imis_provider(qgis_processing):
    import imis_plugin as plugin_package

    plugin = plugin_package.classFactory(None)
    plugin.initProcessing()
    yield
    plugin.unload()


def test_processing_hotspots_and_dhis2_round_trip(city, imis_provider, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

    def run(algorithm, parameters):
        alg = QgsApplication.processingRegistry().createAlgorithmById(f"imis:{algorithm}")
        results, ok = alg.run({"DATABASE": city, **parameters}, QgsProcessingContext(), QgsProcessingFeedback(),
                              catchExceptions=False)
        assert ok
        return results

    wards_path, clusters_path = tmp_path / "wards.gpkg", tmp_path / "clusters.gpkg"
    run("health_hotspots", {"FROM": "2026-01-01", "TO": "2026-12-31", "DISEASE": 0,
                            "WARDS": str(wards_path), "CLUSTERS": str(clusters_path)})
    wards = QgsVectorLayer(str(wards_path), "wards", "ogr")
    assert wards.isValid() and wards.featureCount() == 2
    by_ward = {f["ward_number"]: f for f in wards.getFeatures()}
    assert by_ward[1]["is_hotspot"] and by_ward[1]["rate_per_1000"] == pytest.approx(333.333)
    assert by_ward[2].geometry().area() == pytest.approx(4_000_000)
    clusters = QgsVectorLayer(str(clusters_path), "clusters", "ogr")
    assert [f["sample_codes"] for f in clusters.getFeatures()] == ["S1, S2, S3"]

    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"org_units": {"OuWard1": 1, "OuWard2": 2}, "data_elements": {"DeDiar": "diarrhoea"},
                                   "export": {"cases": "DeDiar"}}))
    out = tmp_path / "q1.csv"
    assert run("export_dhis2_ward_figures", {"MAPPING": str(mapping), "FROM": "2026-01-01", "TO": "2026-03-31",
                                             "OUTPUT": str(out)})["VALUES"] == 2
    # the exported cases (all diseases) go back in as diarrhoea of Q1: new rows, then nothing on a re-run
    first = run("import_dhis2_cases", {"MAPPING": str(mapping), "FILE": str(out)})
    assert (first["INSERTED"], first["UNCHANGED"]) == (2, 0)
    assert run("import_dhis2_cases", {"MAPPING": str(mapping), "FILE": str(out)})["UNCHANGED"] == 2


def test_command_line(city, utility, tmp_path):
    import subprocess
    import sys

    def imis(*args):
        return subprocess.run([sys.executable, "-m", "imis_plugin.cli", *args], capture_output=True, text=True)

    rates = imis("health", "rates", "--dsn", city, "--from", "2026-01-01", "--to", "2026-12-31")
    assert rates.returncode == 0, rates.stderr
    assert "YES" in rates.stdout.splitlines()[1] and "333.333" in rates.stdout
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"dataValues": [{"dataElement": "X", "period": "2026", "orgUnit": "Y", "value": "1"}]}))
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"org_units": {}, "data_elements": {}}))
    refused = imis("health", "import-dhis2", "--dsn", city, str(mapping), str(bad))
    assert refused.returncode == 1 and "orgUnit: 'Y' is not mapped" in refused.stderr
    assert imis("link", "add", "wasa", utility, "--remote-user", "postgres", "--table", "customers",
                "--dsn", city).returncode == 0
    report = imis("link", "report", "wasa", "--table", "customers", "--key", "bin", "--dsn", city)
    assert "2 matched by bin" in report.stdout and "unmatched: X-999" in report.stdout
