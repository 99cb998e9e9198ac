"""The FSM service chain end to end: job states derived from the records, next actions and overdue flags,
the containment kept up to date by its emptyings, the order of steps, who may write which step, the
service-queue dock and the monthly provider report."""
import datetime as dt

import psycopg2
import pytest

from imis_plugin.db.connect import connect, transaction
from imis_plugin.db.migrate import upgrade
from imis_plugin.fsm.jobs import QueueFilter, jobs
from imis_plugin.fsm.report import monthly_report, write_excel, write_pdf

from .conftest import TEST_SRID
from .logins import connect_as, create_login
from .sample_city import TODAY, days_ago, populate


@pytest.fixture(scope="module")
def city(pg_server):
    dsn = pg_server.create_database("fsm_chain")
    upgrade(dsn, srid=TEST_SRID)
    ids = populate(dsn)
    logins = {
        "provider": create_login(dsn, "imis_service_provider", "_a", provider_id=ids["provider"]),
        "other_provider": create_login(dsn, "imis_service_provider", "_b", provider_id=ids["other_provider"]),
        "plant": create_login(dsn, "imis_plant_operator", "_p", plant_id=ids["plant"]),
        "viewer": create_login(dsn, "imis_viewer"),
    }
    return dsn, ids, logins


def _one(dsn, sql, params=None):
    with connect(dsn) as conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchone()


def _run(dsn, sql, params=None):
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchone() if cur.description else None


def _job(dsn, code):
    row = _one(dsn, "SELECT state, next_action, overdue, overdue_reason FROM imis_app.fsm_job WHERE code = %s", (code,))
    return row


def _refused(dsn, sql, params, *texts, login=None):
    conn = connect_as(dsn, login) if login else connect(dsn)
    try:
        with pytest.raises(psycopg2.Error) as failure:
            with conn, conn.cursor() as cur:
                cur.execute(sql, params)
    finally:
        conn.close()
    for text in texts:
        assert text in failure.value.pgerror, failure.value.pgerror
    return failure.value


def _containment(dsn, ids):
    return _one(dsn, "SELECT last_emptied_date, emptied_count, next_emptying_date FROM imis_core.containment "
                     "WHERE id = %s", (ids["containment"],))


def test_a_job_walks_the_chain(city):
    dsn, ids, _ = city
    (app,) = _run(dsn, "INSERT INTO imis_fsm.application (code, provider_id, building_id, containment_id, "
                       "application_date) VALUES ('APP-CH', %s, %s, %s, %s) RETURNING id",
                  (ids["provider"], ids["buildings"][1], ids["containment"], days_ago(10)))
    assert _job(dsn, "APP-CH") == ("applied", "assess", True, "not assessed in time")
    (assessment,) = _run(dsn, "INSERT INTO imis_fsm.assessment (application_id, assessed_date, sludge_volume_m3) "
                              "VALUES (%s, %s, 3) RETURNING id", (app, days_ago(9)))
    assert _job(dsn, "APP-CH") == ("assessed", "schedule", True, "not scheduled within the response target")
    _run(dsn, "UPDATE imis_fsm.assessment SET proposed_date = %s WHERE id = %s",
         (TODAY + dt.timedelta(days=2), assessment))
    assert _job(dsn, "APP-CH") == ("scheduled", "empty", True, "response target missed")
    count_before = _containment(dsn, ids)[1]
    (emptying,) = _run(dsn, "INSERT INTO imis_fsm.emptying (application_id, emptied_date, volume_m3) "
                            "VALUES (%s, %s, 3) RETURNING id", (app, days_ago(3)))
    assert _job(dsn, "APP-CH") == ("emptied", "dispose", True, "no disposal 24 h after emptying")
    # the containment follows: last emptied, one more emptying, next due from the fill model
    last, count, nxt = _containment(dsn, ids)
    (fill_days,) = _one(dsn, "SELECT fill_date - start_date FROM imis_app.containment_fill WHERE containment_id = %s",
                        (ids["containment"],))
    assert (last, count, nxt) == (days_ago(3), count_before + 1, days_ago(3) + dt.timedelta(days=fill_days))
    _run(dsn, "INSERT INTO imis_fsm.disposal (emptying_id, plant_id, disposed_date, volume_m3) VALUES (%s, %s, %s, 1)",
         (emptying, ids["plant"], days_ago(3)))
    assert _job(dsn, "APP-CH")[:2] == ("emptied", "dispose")  # 1 of 3 m3 delivered
    _run(dsn, "INSERT INTO imis_fsm.disposal (emptying_id, plant_id, disposed_date, volume_m3) VALUES (%s, %s, %s, 2)",
         (emptying, ids["plant"], days_ago(2)))
    assert _job(dsn, "APP-CH") == ("disposed", "feedback", False, None)
    _run(dsn, "INSERT INTO imis_fsm.feedback (application_id, feedback_date, satisfaction) VALUES (%s, %s, 5)",
         (app, days_ago(1)))
    assert _job(dsn, "APP-CH") == ("closed", None, False, None)
    # a corrected emptying date moves the containment's dates; a deleted emptying takes its count back
    _run(dsn, "UPDATE imis_fsm.emptying SET emptied_date = %s WHERE id = %s", (days_ago(4), emptying))
    assert _containment(dsn, ids)[:2] == (days_ago(4), count_before + 1)
    _run(dsn, "DELETE FROM imis_fsm.disposal WHERE emptying_id = %s", (emptying,))
    _run(dsn, "DELETE FROM imis_fsm.emptying WHERE id = %s", (emptying,))
    assert _containment(dsn, ids)[:2] == (days_ago(25), count_before)  # back to the sample's own emptying


def _dates(cur, ids):
    """The sample containment's last and next emptying, and the fill model's date."""
    cur.execute("SELECT c.last_emptied_date, c.next_emptying_date, f.fill_date FROM imis_core.containment c "
                "JOIN imis_app.containment_fill f ON f.containment_id = c.id WHERE c.id = %s",
                (ids["containment"],))
    return cur.fetchone()


def _late_emptying(cur, ids, code, emptied):
    """An emptying of the sample containment entered after the fact (a paper receipt typed in later)."""
    cur.execute("INSERT INTO imis_fsm.application (code, provider_id, building_id, containment_id, "
                "application_date) VALUES (%s, %s, %s, %s, %s) RETURNING id",
                (code, ids["provider"], ids["buildings"][0], ids["containment"], emptied - dt.timedelta(1)))
    cur.execute("INSERT INTO imis_fsm.emptying (application_id, emptied_date, volume_m3) VALUES (%s, %s, 3)",
                (cur.fetchone()[0], emptied))
    return _dates(cur, ids)


def test_a_level_above_the_threshold_after_the_emptying_makes_it_due_the_next_day(city):
    dsn, ids, _ = city
    with transaction(dsn) as conn, conn.cursor() as cur:
        # measured 90 % full (5.4 of 6 m3, above the 2 m3 threshold) the day after an emptying typed in later
        cur.execute("INSERT INTO imis_fsm.containment_survey (containment_id, survey_date, sludge_fill_pct) "
                    "VALUES (%s, %s, 90)", (ids["containment"], days_ago(20)))
        last, nxt, fill_date = _late_emptying(cur, ids, "APP-FULL", days_ago(21))
        # the fill model dates the threshold years before the emptying; the next one is as soon as allowed
        assert last == days_ago(21) and fill_date < last
        assert nxt == days_ago(20)
        conn.rollback()


def test_emptying_an_overdue_containment_moves_its_next_date(city):
    dsn, ids, _ = city
    with transaction(dsn) as conn, conn.cursor() as cur:
        # due the day after the sample's emptying (25 days ago), emptied late, three days after that
        cur.execute("UPDATE imis_core.containment SET next_emptying_date = %s WHERE id = %s",
                    (days_ago(24), ids["containment"]))
        last, nxt, fill_date = _late_emptying(cur, ids, "APP-LATE", days_ago(22))
        assert (last, nxt) == (days_ago(22), fill_date) and fill_date > last
        # a corrected emptying date past the stored next date moves it too
        cur.execute("UPDATE imis_core.containment SET next_emptying_date = %s WHERE id = %s",
                    (days_ago(21), ids["containment"]))
        cur.execute("UPDATE imis_fsm.emptying e SET emptied_date = %s FROM imis_fsm.application a "
                    "WHERE a.id = e.application_id AND a.code = 'APP-LATE'", (days_ago(20),))
        last, nxt, fill_date = _dates(cur, ids)
        assert (last, nxt) == (days_ago(20), fill_date) and fill_date > last
        conn.rollback()


def test_steps_keep_their_order(city):
    dsn, ids, _ = city
    (app,) = _run(dsn, "INSERT INTO imis_fsm.application (code, provider_id, building_id, application_date) "
                       "VALUES ('APP-ORD', %s, %s, %s) RETURNING id", (ids["provider"], ids["buildings"][2], days_ago(5)))
    _refused(dsn, "INSERT INTO imis_fsm.feedback (application_id, feedback_date) VALUES (%s, %s)", (app, days_ago(1)),
             "fsm_step_order", "APP-ORD", "needs its emptying first")
    _run(dsn, "UPDATE imis_fsm.application SET is_cancelled = true, cancel_reason = 'duplicate' WHERE id = %s", (app,))
    _refused(dsn, "INSERT INTO imis_fsm.assessment (application_id, assessed_date) VALUES (%s, %s)", (app, days_ago(1)),
             "fsm_application_cancelled", "APP-ORD")
    assert _job(dsn, "APP-ORD")[:2] == ("cancelled", None)
    # an emptied job cannot be cancelled
    _refused(dsn, "UPDATE imis_fsm.application SET is_cancelled = true WHERE id = %s", (ids["application"],),
             "fsm_step_order", "APP-0001", "cannot be cancelled")


def test_schedule_items_need_a_working_day_and_the_providers_vehicle(city):
    dsn, ids, _ = city
    (schedule, vehicle, containment) = _one(dsn, "SELECT schedule_id, vehicle_id, containment_id FROM "
                                                 "imis_fsm.schedule_item LIMIT 1")
    friday = TODAY + dt.timedelta(days=(5 - TODAY.isoweekday()) % 7)
    insert = ("INSERT INTO imis_fsm.schedule_item (schedule_id, containment_id, provider_id, vehicle_id, service_date, "
              "trip_no, stop_order, programme, expected_volume_m3, geom) SELECT %s, %s, %s, %s, %s, 1, 2, 'regular', "
              "1, location FROM imis_core.containment WHERE id = %s")
    _refused(dsn, insert, (schedule, containment, ids["provider"], vehicle, friday, containment),
             "fsm_schedule_working_day", friday.isoformat())
    _refused(dsn, insert, (schedule, containment, ids["other_provider"], vehicle, friday + dt.timedelta(days=2),
                           containment), "fsm_schedule_vehicle_of_provider")
    _refused(dsn, "INSERT INTO imis_fsm.containment_survey (containment_id, survey_date, sludge_fill_pct) "
                  "VALUES (%s, %s, 40)", (containment, TODAY + dt.timedelta(days=1)), "fsm_date_not_future")


def test_providers_write_only_their_own_steps_and_stops(city):
    dsn, ids, logins = city
    (theirs,) = _run(dsn, "INSERT INTO imis_fsm.application (code, provider_id, building_id, application_date) "
                          "VALUES ('APP-B', %s, %s, %s) RETURNING id",
                     (ids["other_provider"], ids["buildings"][2], days_ago(2)))
    _refused(dsn, "INSERT INTO imis_fsm.emptying (application_id, emptied_date, volume_m3) VALUES (%s, %s, 1)",
             (theirs, days_ago(1)), "row-level security", login=logins["provider"])
    # the job list of a provider holds only its own jobs
    provider_jobs = {r[0] for r in _rows_as(dsn, logins["provider"], "SELECT code FROM imis_app.fsm_job")}
    assert "APP-0001" in provider_jobs and "APP-B" not in provider_jobs
    assert "APP-B" in {r[0] for r in _rows_as(dsn, logins["viewer"], "SELECT code FROM imis_app.fsm_job")}
    # schedule stops: own ones only, and only their answer (status) may change
    assert _rows_as(dsn, logins["other_provider"], "SELECT count(*) FROM imis_fsm.schedule_item") == [(0,)]
    assert _rows_as(dsn, logins["plant"], "SELECT count(*) FROM imis_fsm.schedule_item") == [(0,)]
    (item,) = _one(dsn, "SELECT id FROM imis_fsm.schedule_item WHERE provider_id = %s", (ids["provider"],))
    _refused(dsn, "UPDATE imis_fsm.schedule_item SET service_date = service_date + 1 WHERE id = %s", (item,),
             "permission denied", login=logins["provider"])
    _refused(dsn, "INSERT INTO imis_fsm.schedule_item (schedule_id) VALUES (NULL)", None, "permission denied",
             login=logins["provider"])
    conn = connect_as(dsn, logins["other_provider"])
    try:
        with conn, conn.cursor() as cur:
            cur.execute("UPDATE imis_fsm.schedule_item SET status = 'confirmed' WHERE id = %s", (item,))
            assert cur.rowcount == 0
    finally:
        conn.close()
    conn = connect_as(dsn, logins["provider"])
    try:
        with conn, conn.cursor() as cur:
            cur.execute("UPDATE imis_fsm.schedule_item SET status = 'confirmed' WHERE id = %s", (item,))
            assert cur.rowcount == 1
    finally:
        conn.close()
    # confirming created the job, for the provider, in the regular programme
    assert _one(dsn, "SELECT a.code, a.provider_id = %s, a.is_scheduled FROM imis_fsm.schedule_item si "
                     "JOIN imis_fsm.application a ON a.id = si.application_id WHERE si.id = %s",
                (ids["provider"], item)) == ("PLAN-SAMPLE/C-0001", True, True)
    assert _job(dsn, "PLAN-SAMPLE/C-0001")[:2] == ("scheduled", "empty")


def _rows_as(dsn, login, sql, params=None):
    conn = connect_as(dsn, login)
    try:
        with conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()
    finally:
        conn.close()


@pytest.fixture
def open_jobs(city):
    """Two open jobs: an old one of the provider (overdue) and a new one of the other provider."""
    dsn, ids, _ = city
    for code, provider, building, applied in (("APP-Q1", ids["provider"], ids["buildings"][0], days_ago(10)),
                                              ("APP-Q2", ids["other_provider"], ids["buildings"][1], TODAY)):
        _run(dsn, "INSERT INTO imis_fsm.application (code, provider_id, building_id, application_date) "
                  "VALUES (%s, %s, %s, %s) ON CONFLICT (code) DO NOTHING", (code, provider, building, applied))
    return city


def test_queue_filters(open_jobs):
    dsn, ids, _ = open_jobs
    everything = jobs(dsn, QueueFilter(states=("applied", "assessed", "scheduled", "emptied", "disposed", "closed",
                                               "cancelled")))
    assert {j["code"] for j in everything} >= {"APP-0001"}
    mine = jobs(dsn, QueueFilter(provider_id=str(ids["other_provider"])))
    assert mine and all(j["provider_id"] == ids["other_provider"] for j in mine)
    late = jobs(dsn, QueueFilter(overdue_only=True))
    assert late and all(j["overdue"] for j in late)
    assert jobs(dsn, QueueFilter(date_from=TODAY + dt.timedelta(days=1))) == []


def test_monthly_provider_report(city, qgis_app, tmp_path):
    from openpyxl import load_workbook

    dsn, _, _ = city
    month = days_ago(25)  # the sample's emptying: 4 m3, 2 trips, 2,500 BDT, disposed, satisfaction 4
    report = monthly_report(dsn, "SP-01", month)
    figures = {f.label: f for f in report.figures}
    assert figures["Emptyings"].value == 1 and figures["Volume emptied"].value == 4
    assert figures["Revenue"].value == 2500 and figures["Trips"].value == 2
    assert figures["Emptyings with a disposal at a plant"].value == 100
    assert (figures["Disposals confirmed by the plant"].numerator,
            figures["Disposals confirmed by the plant"].denominator) == (0, 1)
    assert figures["Mean satisfaction"].value == 4
    book = load_workbook(write_excel(report, tmp_path / "report.xlsx"))
    assert book.sheetnames == ["Summary", "Jobs"] and book["Jobs"]["A2"].value == "APP-0001"
    pdf = write_pdf(report, tmp_path / "report.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 5000
    with pytest.raises(Exception, match="no service provider SP-99"):
        monthly_report(dsn, "SP-99", month)


# the dock -------------------------------------------------------------------------------------------------
def test_service_queue_dock_lists_jobs_and_opens_the_next_step(open_jobs, qgis_app):
    from imis_plugin.gui.service_queue import ServiceQueueDock

    dsn, ids, _ = open_jobs
    opened = []
    dock = ServiceQueueDock(lambda: dsn, opener=lambda *request: opened.append(request))
    try:
        dock.refresh()
        expected = jobs(dsn, QueueFilter())
        assert dock.table.rowCount() == len(expected) > 0
        codes = [dock.table.item(r, 0).text() for r in range(dock.table.rowCount())]
        assert codes == [j["code"] for j in expected]
        late_row = next(r for r, j in enumerate(dock.rows) if j["overdue"])
        assert dock.table.item(late_row, 0).foreground().color().name() == "#d73027"
        assert "overdue" in dock.counts_label.text()
        dock.set_filters(provider_id=str(ids["other_provider"]))
        assert dock.table.rowCount() == len(jobs(dsn, QueueFilter(provider_id=str(ids["other_provider"]))))
        dock.set_filters(state="applied", provider_id=None)
        assert {j["state"] for j in dock.rows} == {"applied"}
        assert len({j["provider_id"] for j in dock.rows}) == 2  # both providers again
        dock.table.selectRow(0)
        table, values, existing = dock.next_action()
        assert table == "imis_fsm.assessment" and values["application_id"] == str(dock.rows[0]["id"])
        assert existing is None and opened == [(table, values, existing)]
    finally:
        dock.close()
        dock.deleteLater()
