"""The fill model on hand-computed cases, and the "Plan emptying schedule" algorithm on a small city: capacity,
trips, road widths, working days, emergencies first, re-planning, declines, and bad input."""
import datetime as dt
import math

import pytest

from imis_plugin.db.connect import connect, transaction
from imis_plugin.db.migrate import upgrade
from imis_plugin.fsm.errors import ScheduleError
from imis_plugin.fsm.scheduler import PlanRequest, describe, plan_schedule
from imis_plugin.fsm.workorders import write_work_orders

from .conftest import TEST_SRID
from .db import rows as _rows
from .fsm_city import END, HOLIDAY, START, TODAY, X, Y, populate

DAYS_PER_YEAR = 365.25


@pytest.fixture(scope="module")
def city(pg_server):
    dsn = pg_server.create_database("fsm_scheduling")
    upgrade(dsn, srid=TEST_SRID)
    return dsn, populate(dsn)


@pytest.fixture(scope="module")
def plan(city):
    dsn, ids = city
    result = plan_schedule(dsn, PlanRequest(START, END, code="TWO-WEEKS"))
    return dsn, ids, result


def _fill(dsn, code):
    cols = ("volume_m3", "volume_source", "users", "users_source", "threshold_m3", "haul_m3", "start_date",
            "fill_date", "due_date", "estimates")
    row = _rows(dsn, f"SELECT {', '.join(cols)} FROM imis_app.containment_fill WHERE code = %s", (code,))[0]
    return dict(zip(cols, row))


def days(years: float) -> dt.timedelta:
    return dt.timedelta(days=round(years * DAYS_PER_YEAR))


# --- the fill model ---------------------------------------------------------------------------------------
def test_septic_tank_with_surveyed_users(city):
    f = _fill(city[0], "F-1")
    # 6 m3, empty at 1/3 (0.333): 1.998 m3; 10 users x 0.04 m3/person/year = 0.4 m3/year
    assert float(f["threshold_m3"]) == pytest.approx(1.998)
    assert (f["users"], f["users_source"]) == (10, "survey")
    assert f["fill_date"] == dt.date(2024, 1, 1) + days(1.998 / 0.4)  # 1824 days after the last emptying
    assert f["due_date"] == f["fill_date"] and f["estimates"] == []
    assert float(f["haul_m3"]) == 6  # a tank is pumped out whole


def test_pit_from_dimensions_with_freeboard(city):
    f = _fill(city[0], "F-2")
    # 1.5 x 1.0 x 1.5 m = 2.25 m3; within 0.5 m of the top: (1.5 - 0.5) / 1.5 = 2/3 < 0.75 -> 1.5 m3
    assert float(f["volume_m3"]) == 2.25 and f["volume_source"] == "recorded"
    assert float(f["threshold_m3"]) == pytest.approx(1.5)
    # 12 people (population) x 0.025 = 0.3 m3/year, from construction (never emptied)
    assert (f["users"], f["users_source"]) == (12, "population")
    assert f["fill_date"] == dt.date(2023, 3, 1) + days(1.5 / 0.3)
    assert float(f["haul_m3"]) == pytest.approx(1.5)  # a pit gives its sludge, not its volume


def test_missing_size_and_population_are_estimated_and_flagged(city):
    f = _fill(city[0], "F-3")
    # no size: the median of the recorded holding tanks (4 and 6 m3) = 5 m3; empty at 0.8 -> 4 m3
    assert (float(f["volume_m3"]), f["volume_source"]) == (5, "type_median")
    # no population: 2 households x 4.5 persons
    assert (float(f["users"]), f["users_source"]) == (9, "households")
    assert f["fill_date"] == dt.date(2025, 6, 1) + days(4 / (9 * 0.04))
    assert set(f["estimates"]) == {"volume", "users"}


def test_measured_sludge_level_replaces_the_estimate(city):
    f = _fill(city[0], "F-4")
    # 50 % of 6 m3 = 3 m3 measured on 2025-01-01, above the 1.998 m3 threshold: due 915 days before
    assert f["fill_date"] == dt.date(2025, 1, 1) + days((1.998 - 3.0) / 0.4)
    assert f["fill_date"] < dt.date(2025, 1, 1)


def test_a_level_measured_before_the_last_emptying_is_ignored(city):
    f = _fill(city[0], "F-6")
    assert f["fill_date"] == dt.date(2025, 1, 1) + days(1.998 / 0.4)


def test_no_usable_date_is_due_now_and_flagged(city):
    f = _fill(city[0], "F-5")  # emptied twice, dates unknown
    assert f["fill_date"] is None and f["due_date"] == TODAY
    assert f["estimates"] == ["start_date"]


def test_rates_are_settings(city):
    dsn, _ = city
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_fsm.fill_rate SET sludge_m3_per_person_year = 0.08 WHERE container = 'septic_tank'")
        cur.execute("SELECT fill_date FROM imis_app.containment_fill WHERE code = 'F-1'")
        assert cur.fetchone()[0] == dt.date(2024, 1, 1) + days(1.998 / 0.8)
        conn.rollback()


# --- the plan ---------------------------------------------------------------------------------------------
def test_plan_is_written_and_described(plan):
    dsn, _, result = plan
    s = result.summary
    assert s["planned"] >= 15 and s["working_days"] == 9  # two weeks: 10 working days minus the holiday
    assert _rows(dsn, "SELECT count(*) FROM imis_fsm.schedule_item si JOIN imis_fsm.schedule s "
                      "ON s.id = si.schedule_id WHERE s.code = 'TWO-WEEKS'") == [(s["planned"],)]
    text = describe(result)
    assert "Schedule TWO-WEEKS" in text and "truck-km" in text


def test_schedule_uses_working_days_only(plan):
    dsn, _, _ = plan
    dates = {d for (d,) in _rows(dsn, "SELECT DISTINCT service_date FROM imis_fsm.schedule_item")}
    assert dates and all(d.isoweekday() not in (5, 6) for d in dates)  # no Friday, no Saturday
    assert HOLIDAY not in dates and min(dates) >= START and max(dates) <= END


def test_no_vehicle_day_exceeds_capacity_or_trips(plan):
    dsn, _, _ = plan
    rows = _rows(dsn, """SELECT v.registration, r.trips, v.trips_per_day, r.volume_m3, v.capacity_m3,
                                (SELECT sum(expected_volume_m3) FROM imis_fsm.schedule_item si
                                 WHERE si.vehicle_id = r.vehicle_id AND si.service_date = r.service_date
                                   AND si.schedule_id = r.schedule_id), r.duration_h
                         FROM imis_fsm.schedule_route r JOIN imis_fsm.vehicle v ON v.id = r.vehicle_id""")
    assert rows
    for reg, trips, limit, volume, capacity, items, hours in rows:
        assert trips <= limit, reg
        assert volume == items and volume <= capacity * trips, reg  # every load fits in the tank
        assert hours <= 8, reg
    # each containment needs ceil(volume / capacity) loads at least
    for volume, capacity, loads in _rows(dsn, "SELECT si.expected_volume_m3, v.capacity_m3, si.loads FROM "
                                              "imis_fsm.schedule_item si JOIN imis_fsm.vehicle v ON v.id = si.vehicle_id"):
        assert loads >= math.ceil(float(volume) / float(capacity) - 1e-9)


def test_no_vehicle_drives_a_road_narrower_than_it(plan):
    dsn, ids, _ = plan
    # route lines overlapping (more than a crossing) a road narrower than the vehicle, or of unknown width
    wrong = _rows(dsn, """SELECT v.registration, rd.code FROM imis_fsm.schedule_route r
                          JOIN imis_fsm.vehicle v ON v.id = r.vehicle_id
                          JOIN imis_core.road rd ON rd.geom && r.geom
                           AND (rd.width_m IS NULL OR rd.width_m < v.width_m)
                          WHERE ST_Length(ST_Intersection(r.geom, ST_Buffer(rd.geom, 0.01))) > 1""")
    assert wrong == []
    # the lane (1.5 m) is served by the 1.2 m vacutug only, and the route goes down it
    lane = _rows(dsn, """SELECT DISTINCT v.registration FROM imis_fsm.schedule_item si
                         JOIN imis_fsm.vehicle v ON v.id = si.vehicle_id JOIN imis_core.containment c
                         ON c.id = si.containment_id WHERE c.code IN ('C-17', 'C-18')""")
    assert lane == [("KHL-V-1",)]
    assert _rows(dsn, """SELECT count(*) FROM imis_fsm.schedule_route r JOIN imis_core.road rd ON rd.code = 'LANE'
                         WHERE ST_Length(ST_Intersection(r.geom, ST_Buffer(rd.geom, 0.01))) > 50""")[0][0] >= 1


def test_unreachable_and_unfit_containments_are_explained(plan):
    dsn, _, result = plan
    reasons = dict(result.unplanned)
    assert reasons["C-NORTH"] == "narrow_road"  # only a road of unknown width within reach
    assert reasons["F-5"] == "too_far"  # due now (no usable date), far from every road
    assert reasons["C-06"] == "too_big"  # 7 m3 in the west: 2 m3 x 2 trips a day is not enough
    assert any("KHL-M-9" in w and "fits no road" in w for w in result.warnings)
    assert not _rows(dsn, "SELECT 1 FROM imis_fsm.schedule_item si JOIN imis_fsm.vehicle v ON v.id = si.vehicle_id "
                          "WHERE v.registration = 'KHL-M-9'")


def test_providers_stay_in_their_wards(plan):
    dsn, _, _ = plan
    assert _rows(dsn, """SELECT count(*) FROM imis_fsm.schedule_item si JOIN imis_core.building_containment bc
                         ON bc.containment_id = si.containment_id JOIN imis_core.building b ON b.id = bc.building_id
                         WHERE NOT EXISTS (SELECT 1 FROM imis_fsm.provider_ward pw
                                           WHERE pw.provider_id = si.provider_id AND pw.ward_id = b.ward_id)""") == [(0,)]


def test_emergencies_come_first(plan):
    dsn, _, _ = plan
    ((day, programme, order),) = _rows(dsn, "SELECT service_date, programme, stop_order FROM imis_fsm.schedule_item "
                                            "si JOIN imis_fsm.application a ON a.id = si.application_id "
                                            "WHERE a.code = 'APP-EM'")
    assert (day, programme, order) == (START, "emergency", 1)


def test_estimates_are_flagged_on_the_stops(plan):
    dsn, _, _ = plan
    assert _rows(dsn, "SELECT si.estimates FROM imis_fsm.schedule_item si JOIN imis_core.containment c "
                      "ON c.id = si.containment_id WHERE c.code = 'C-10'") == [(["volume"],)]


def test_work_orders(plan, tmp_path):
    from openpyxl import load_workbook

    dsn, _, result = plan
    written = write_work_orders(dsn, "TWO-WEEKS", tmp_path / "orders.xlsx", provider_code="SP-A")
    book = load_workbook(written["path"])
    assert book.sheetnames[0] == "Summary" and all(n.startswith("SP-A ") for n in book.sheetnames[1:])
    first = book[book.sheetnames[1]]
    assert first["A3"].value == "Vehicle" and first["D4"].value.startswith("C-")
    assert written["stops"] == _rows(dsn, "SELECT count(*) FROM imis_fsm.schedule_item si JOIN "
                                          "imis_fsm.service_provider sp ON sp.id = si.provider_id WHERE sp.code = 'SP-A'")[0][0]
    with pytest.raises(ScheduleError, match="no schedule NOPE"):
        write_work_orders(dsn, "NOPE", tmp_path / "x.xlsx")


def test_replanning_keeps_confirmed_and_queues_declined(plan):
    dsn, ids, _ = plan
    confirmed, declined = _rows(dsn, """SELECT si.id, si.vehicle_id, si.service_date, c.code FROM imis_fsm.schedule_item si
                                        JOIN imis_core.containment c ON c.id = si.containment_id
                                        WHERE si.application_id IS NULL ORDER BY c.code LIMIT 2""")
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_fsm.schedule_item SET status = 'confirmed' WHERE id = %s", (confirmed[0],))
        cur.execute("UPDATE imis_fsm.schedule_item SET status = 'declined', decline_reason = 'away' WHERE id = %s",
                    (declined[0],))
    # confirming made the job; declining queued the household
    ((app_code, scheduled),) = _rows(dsn, "SELECT a.code, a.is_scheduled FROM imis_fsm.schedule_item si "
                                          "JOIN imis_fsm.application a ON a.id = si.application_id WHERE si.id = %s",
                                     (confirmed[0],))
    assert app_code == f"TWO-WEEKS/{confirmed[3]}" and scheduled
    assert _rows(dsn, "SELECT reason, resolved_date FROM imis_fsm.reintegration WHERE schedule_item_id = %s",
                 (declined[0],)) == [("away", None)]
    # another vehicle of the provider breaks down: re-plan
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_fsm.vehicle SET status = 'under_maintenance' WHERE id = %s", (ids["vacutug_a"],))
    try:
        result = plan_schedule(dsn, PlanRequest(START, END, code="TWO-WEEKS", replan=True))
    finally:
        with transaction(dsn) as conn, conn.cursor() as cur:
            cur.execute("UPDATE imis_fsm.vehicle SET status = 'operational' WHERE id = %s", (ids["vacutug_a"],))
    assert _rows(dsn, "SELECT vehicle_id, service_date, status FROM imis_fsm.schedule_item WHERE id = %s",
                 (confirmed[0],)) == [(confirmed[1], confirmed[2], "confirmed")]
    assert _rows(dsn, "SELECT status FROM imis_fsm.schedule_item WHERE id = %s", (declined[0],)) == [("declined",)]
    # the declined containment is not planned again, the broken vehicle gets nothing new
    assert _rows(dsn, "SELECT count(*) FROM imis_fsm.schedule_item si JOIN imis_core.containment c "
                      "ON c.id = si.containment_id WHERE c.code = %s", (declined[3],)) == [(1,)]
    assert _rows(dsn, "SELECT count(*) FROM imis_fsm.schedule_item WHERE vehicle_id = %s AND status = 'planned'",
                 (ids["vacutug_a"],)) == [(0,)]
    assert result.summary["planned"] >= 10


def test_a_new_plan_with_an_existing_code_is_refused(plan):
    dsn, _, _ = plan
    with pytest.raises(ScheduleError, match="exists already"):
        plan_schedule(dsn, PlanRequest(START, END, code="TWO-WEEKS"))


def test_weekend_only_period_is_refused(city):
    dsn, _ = city
    friday = START + dt.timedelta(days=5)
    with pytest.raises(ScheduleError, match="no working day"):
        plan_schedule(dsn, PlanRequest(friday, friday + dt.timedelta(days=1), code="WEEKEND"))
    assert _rows(dsn, "SELECT count(*) FROM imis_fsm.schedule WHERE code = 'WEEKEND'") == [(0,)]


def test_no_plant_is_refused_and_nothing_is_written(city):
    dsn, _ = city
    conn = connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("UPDATE imis_core.treatment_plant SET status = 'not_operational' WHERE plant_type = 'fstp'")
            from imis_plugin.fsm.scheduler import Planner

            with pytest.raises(ScheduleError, match="No treatment plant takes faecal sludge"):
                Planner(cur, PlanRequest(START, END, code="NO-PLANT")).run()
    finally:
        conn.rollback()
        conn.close()


def test_dry_run_writes_nothing(city):
    dsn, _ = city
    before = _rows(dsn, "SELECT count(*) FROM imis_fsm.schedule_item")
    result = plan_schedule(dsn, PlanRequest(START, END, code="DRY"), write=False)
    assert result.summary["planned"] > 0 and result.schedule_id is None
    assert _rows(dsn, "SELECT count(*) FROM imis_fsm.schedule_item") == before


def test_cancel_rolls_back(city):
    from imis_plugin.fsm.errors import Cancelled
    from imis_plugin.fsm.progress import Progress

    dsn, _ = city
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        plan_schedule(dsn, PlanRequest(START, END, code="CANCELLED"), Progress(None, cancelled))
    assert _rows(dsn, "SELECT count(*) FROM imis_fsm.schedule WHERE code = 'CANCELLED'") == [(0,)]


def test_stops_are_ordered_along_the_road(plan):
    dsn, _, _ = plan
    # every route starts and ends at its vehicle's depot and is drawn on the roads it uses
    rows = _rows(dsn, """SELECT r.distance_km, ST_Length(r.geom) / 1000, r.stops FROM imis_fsm.schedule_route r
                         JOIN imis_fsm.schedule s ON s.id = r.schedule_id WHERE s.code = 'TWO-WEEKS'""")
    for km, drawn, stops in rows:
        assert stops >= 1 and drawn > 0
        assert float(km) >= drawn * 0.9  # the driven distance covers the drawn network (legs driven twice count twice)


def test_xy_fixture_sanity(city):
    dsn, _ = city
    assert _rows(dsn, "SELECT ST_X(location) - %s, ST_Y(location) - %s FROM imis_core.containment WHERE code = 'C-01'",
                 (X, Y)) == [(50.0, 10.0)]


# --- the Processing algorithm -----------------------------------------------------------------------------
@pytest.fixture
def fsm_provider(qgis_processing):
    import imis_plugin
    from qgis.core import QgsApplication

    plugin = imis_plugin.classFactory(None)
    plugin.initProcessing()
    yield QgsApplication.processingRegistry()
    plugin.unload()


def test_plan_algorithm_writes_the_schedule_and_loads_its_layers(city, fsm_provider, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    dsn, _ = city
    algorithm = fsm_provider.createAlgorithmById("imis:plan_emptying_schedule")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    orders = tmp_path / "orders.xlsx"
    results, ok = algorithm.run({"DATABASE": dsn, "START": START.isoformat(), "END": END.isoformat(),
                                 "CODE": "FROM-QGIS", "WORK_ORDERS": str(orders)}, context, QgsProcessingFeedback(),
                                catchExceptions=False)
    assert ok and results["SCHEDULE_CODE"] == "FROM-QGIS" and results["PLANNED"] > 0
    assert results["WORK_ORDERS"] == str(orders) and orders.stat().st_size > 0
    stops = context.getMapLayer(results["STOPS"])
    routes = context.getMapLayer(results["ROUTES"])
    assert stops.featureCount() == results["PLANNED"]
    assert routes.featureCount() == _rows(dsn, "SELECT count(*) FROM imis_fsm.schedule_route r JOIN imis_fsm.schedule s "
                                               "ON s.id = r.schedule_id WHERE s.code = 'FROM-QGIS'")[0][0] > 0
    # bad input comes back as a Processing error, nothing written
    from qgis.core import QgsProcessingException

    saturday = START + dt.timedelta(days=6)
    with pytest.raises(QgsProcessingException, match="no working day"):
        algorithm.run({"DATABASE": dsn, "START": saturday.isoformat(), "END": saturday.isoformat(), "CODE": "SAT"},
                      context, QgsProcessingFeedback(), catchExceptions=False)
