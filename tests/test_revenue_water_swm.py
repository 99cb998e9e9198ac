"""Water supply billing (slab tariff, readings, monthly bills with arrears, payments, the new-connection
workflow) and solid waste (coverage and payment status per ward), on tests/revenue_city.py.

The tariff: 0-10 m3 at 8 BDT, 10-20 m3 at 12 BDT, above 20 m3 at 18 BDT; at least 60 BDT; plus 50 BDT fixed.
Meters start at 100 m3. Two months ago meter M-001 read 105; last month M-001 read 110 then 125, M-002 103,
M-003 nothing (until a test adds it).
"""
import datetime as dt
from decimal import Decimal

import pytest

from imis_plugin.revenue import water
from imis_plugin.revenue.errors import RevenueError
from imis_plugin.revenue.periods import month_end

from .revenue_city import as_role, month_start
from .test_revenue import new_city, refusal, rows

D = Decimal
TWO_AGO, LAST = month_start(2), month_start(1)


@pytest.fixture(scope="module")
def city(pg_server):
    """Two months billed: two months ago (due at that month's end), then last month (due at its end)."""
    dsn, ids, logins = new_city(pg_server, "water_swm")
    collector = as_role(dsn, logins["imis_revenue_collector"])
    chief = as_role(dsn, logins["imis_revenue_chief"])
    rows(dsn, "INSERT INTO imis_revenue.water_reading (meter_id, reading_date, reading_m3) VALUES (%s, %s, 105)",
         (ids["meter_1"], TWO_AGO + dt.timedelta(days=14)))
    first = water.water_billing_run(chief, TWO_AGO, month_end(TWO_AGO))
    bill = rows(dsn, "SELECT bill_number FROM imis_revenue.water_bill WHERE period_month = %s", (TWO_AGO,))[0][0]
    water.record_water_payment(collector, bill, 50, TWO_AGO + dt.timedelta(days=20))
    second = water.water_billing_run(chief, LAST, month_end(LAST))
    return dsn, ids, logins, first, second


def water_bills(dsn, month):
    return {r[0]: r[1:] for r in rows(dsn, """
        SELECT c.connection_no, wb.bill_number, wb.opening_m3, wb.closing_m3, wb.consumption_m3,
               wb.consumption_charge_bdt, wb.fixed_charge_bdt, wb.current_bdt, wb.arrears_bdt, wb.total_due_bdt
        FROM imis_revenue.water_bill wb JOIN imis_revenue.water_connection c ON c.id = wb.connection_id
        WHERE wb.period_month = %s""", (month,))}


def test_slab_tariff_arithmetic(city):
    dsn, *_ = city
    tariff = rows(dsn, "SELECT id FROM imis_revenue.water_tariff")[0][0]
    charges = [rows(dsn, "SELECT imis_app.water_slab_charge(%s, %s)", (tariff, m3))[0][0] for m3 in (0, 3, 10, 20, 25, 100)]
    # 3 x 8 = 24; 10 x 8 = 80; 80 + 10 x 12 = 200; 200 + 5 x 18 = 290; 200 + 80 x 18 = 1,640
    assert charges == [0, 24, 80, 200, 290, 1640]


def test_monthly_bills_from_readings(city):
    dsn, _, _, first, second = city
    # two months ago: M-001 from 100 to 105 = 5 m3: 5 x 8 = 40, raised to the minimum 60, + 50 fixed = 110;
    # M-002 and M-003 were not read
    assert (first.bills, first.no_reading) == (1, ["WC-002", "WC-003"])
    assert water_bills(dsn, TWO_AGO)["WC-001"][1:] == (D("100.000"), D("105.000"), D("5.000"), D("60.00"), D("50.00"),
                                                       D("110.00"), 0, D("110.00"))
    got = water_bills(dsn, LAST)
    # last month: M-001 from the previous bill's 105 to 125 = 20 m3: 10 x 8 + 10 x 12 = 200, + 50 = 250; the first
    # bill's 110 less the 50 paid = 60 arrears; due 310
    assert got["WC-001"][1:] == (D("105.000"), D("125.000"), D("20.000"), D("200.00"), D("50.00"), D("250.00"),
                                 D("60.00"), D("310.00"))
    # M-002 from installation (100) to 103 = 3 m3: 3 x 8 = 24 -> the minimum 60, + 50 = 110
    assert got["WC-002"][1:] == (D("100.000"), D("103.000"), D("3.000"), D("60.00"), D("50.00"), D("110.00"), 0,
                                 D("110.00"))
    assert (second.bills, second.no_reading) == (2, ["WC-003"])
    ym = LAST.strftime("%Y%m")
    assert sorted(b[0] for b in got.values()) == [f"W-{ym}-000001", f"W-{ym}-000002"]


def test_a_late_reading_is_billed_by_running_again(pg_server):
    dsn, ids, _logins = new_city(pg_server, "water_late")
    water.water_billing_run(dsn, LAST, month_end(LAST))
    rows(dsn, "INSERT INTO imis_revenue.water_reading (meter_id, reading_date, reading_m3) VALUES (%s, %s, 104.5)",
         (ids["meter_3"], LAST + dt.timedelta(days=25)))
    again = water.water_billing_run(dsn, LAST, month_end(LAST))
    # only the missing bill: M-003 4.5 m3 x 8 = 36 -> minimum 60, + 50 = 110, numbered after the others
    assert (again.bills, again.already_billed, again.no_reading) == (1, 2, [])
    assert water_bills(dsn, LAST)["WC-003"][0] == f"W-{LAST:%Y%m}-000003"
    assert water_bills(dsn, LAST)["WC-003"][-1] == D("110.00")


def test_water_bill_numbers_go_past_six_digits(pg_server):
    """A month past 999,999 bills gets seven-digit numbers, not six cut ones (which would clash)."""
    dsn, ids, _logins = new_city(pg_server, "water_numbers")
    ym = f"{LAST:%Y%m}"
    rows(dsn, """INSERT INTO imis_revenue.water_bill (bill_number, connection_id, meter_id, period_month,
                     opening_m3, closing_m3, consumption_m3, consumption_charge_bdt, fixed_charge_bdt,
                     current_bdt, total_due_bdt, due_date)
                 VALUES (%s, %s, %s, %s, 100, 100, 0, 0, 0, 0, 0, %s)""",
         (f"W-{ym}-999999", ids["connection_1"], ids["meter_1"], LAST, month_end(LAST)))
    rows(dsn, "INSERT INTO imis_revenue.water_reading (meter_id, reading_date, reading_m3) VALUES (%s, %s, 104.5)",
         (ids["meter_3"], LAST + dt.timedelta(days=25)))
    assert water.water_billing_run(dsn, LAST, month_end(LAST)).bills == 2
    assert sorted(b[0] for b in water_bills(dsn, LAST).values()) == [f"W-{ym}-1000000", f"W-{ym}-1000001",
                                                                     f"W-{ym}-999999"]


def test_connection_payment_status(city):
    dsn, *_ = city
    status = {r[0]: r[1:] for r in rows(dsn, "SELECT connection_no, billed_bdt, paid_bdt, balance_bdt, status "
                                             "FROM imis_app.water_connection_status")}
    assert status == {"WC-001": (D("360.00"), D("50.00"), D("310.00"), "overdue"),  # 110 + 250 billed, 50 paid
                      "WC-002": (D("110.00"), 0, D("110.00"), "overdue"),
                      "WC-003": (0, 0, 0, "not_billed")}


def test_water_rules_and_bad_inputs(city):
    dsn, ids, logins, *_ = city
    chief = as_role(dsn, logins["imis_revenue_chief"])
    collector = logins["imis_revenue_collector"]
    reading = "INSERT INTO imis_revenue.water_reading (meter_id, reading_date, reading_m3) VALUES (%s, %s, %s)"
    assert refusal(dsn, collector, reading, (ids["meter_1"], LAST + dt.timedelta(days=25), 120)).startswith(
        "water_reading_not_decreasing: meter M-001: 120.000 m3 on")
    assert refusal(dsn, collector, reading, (ids["meter_2"], dt.date.today() + dt.timedelta(days=2), 120)).startswith(
        "water_reading_date: meter M-002: reading date")
    with pytest.raises(RevenueError, match="water_tariff_slabs_contiguous: tariff commercial from .*: the slab from "
                                           "12.000 m3 should start at 10.000 m3"):
        water.set_tariff(chief, "commercial", LAST, [(0, 10, 8), (12, None, 15)])
    assert rows(dsn, "SELECT count(*) FROM imis_revenue.water_tariff WHERE category = 'commercial'") == [(0,)]
    with pytest.raises(RevenueError, match="has not begun"):
        water.water_billing_run(chief, dt.date.today() + dt.timedelta(days=40))
    paid = rows(dsn, "SELECT wb.bill_number FROM imis_revenue.water_bill wb JOIN imis_revenue.water_payment p "
                     "ON p.water_bill_id = wb.id")[0][0]
    assert refusal(dsn, logins["imis_revenue_chief"], "DELETE FROM imis_revenue.water_bill WHERE bill_number = %s",
                   (paid,)) == f"water_bill_paid: water bill {paid} has payments and cannot be changed or deleted"
    assert refusal(dsn, collector, "UPDATE imis_revenue.water_bill SET current_bdt = 0") == (
        "permission denied for table water_bill")


def test_a_category_without_tariff_bills_nothing(pg_server):
    dsn, ids, _ = new_city(pg_server, "water_no_tariff")
    rows(dsn, "UPDATE imis_revenue.water_connection SET category = 'commercial' WHERE id = %s", (ids["connection_2"],))
    with pytest.raises(RevenueError, match="No water tariff in effect on .* for category commercial"):
        water.water_billing_run(dsn, LAST)
    assert rows(dsn, "SELECT count(*) FROM imis_revenue.water_bill") == [(0,)]


def test_new_connection_workflow(city):
    dsn, ids, logins, *_ = city
    collector, chief = logins["imis_revenue_collector"], logins["imis_revenue_chief"]
    from imis_plugin.db.connect import connect

    def as_login(login, sql, params):
        conn = connect(as_role(dsn, login))
        try:
            with conn, conn.cursor() as cur:
                cur.execute(sql, params)
                return cur.fetchall() if cur.description else None
        finally:
            conn.close()

    app = "WA-0001"
    as_login(collector, "INSERT INTO imis_revenue.water_application (application_no, applicant_name, building_id, "
                        "applied_on) VALUES (%s, 'Nasrin Akter', %s, %s)", (app, ids["buildings"][2], LAST))
    assert refusal(dsn, collector, "INSERT INTO imis_revenue.water_application (application_no, applicant_name, "
                                   "building_id, applied_on, state, surveyed_on, decided_on) VALUES ('WA-X', 'X', %s, %s, "
                                   "'approved', %s, %s)", (ids["buildings"][2], LAST, LAST, LAST)).startswith(
        "water_application_state_order: application WA-X must start as applied")
    set_state = "UPDATE imis_revenue.water_application SET state = %s WHERE application_no = %s RETURNING surveyed_on, decided_by"
    assert as_login(collector, set_state, ("surveyed", app)) == [(dt.date.today(), None)]
    assert refusal(dsn, collector, set_state, ("approved", app)) == (
        f"water_application_decision_chief_only: application {app} can be approved by a revenue chief only; "
        f"{collector} is not one")
    assert refusal(dsn, chief, set_state, ("connected", app)).startswith(
        f"water_application_state_order: application {app} cannot go from surveyed to connected")
    assert as_login(chief, set_state, ("approved", app)) == [(dt.date.today(), chief)]
    connect_to = ("UPDATE imis_revenue.water_application SET state = 'connected', connection_id = %s "
                  "WHERE application_no = %s")
    assert refusal(dsn, chief, connect_to, (ids["connection_1"], app)) == (
        f"water_application_connection_building: application {app}: the connection is at another building than "
        "the application")
    as_login(chief, connect_to, (ids["connection_3"], app))
    assert rows(dsn, "SELECT state, decided_by FROM imis_revenue.water_application WHERE application_no = %s",
                (app,)) == [("connected", chief)]


# --- solid waste -----------------------------------------------------------------------------------------------


def test_solid_waste_coverage_and_payment_status_per_ward(city):
    dsn, ids, logins, *_ = city
    collector = logins["imis_revenue_collector"]
    pay = ("INSERT INTO imis_revenue.swm_payment (customer_id, period_month, amount_bdt, paid_on) "
           "VALUES (%s, %s, 100, %s)")
    from imis_plugin.db.connect import connect

    conn = connect(as_role(dsn, collector))
    try:
        with conn, conn.cursor() as cur:
            for month in (month_start(1), month_start(2)):  # SW-001 paid the last two months; SW-002 nothing
                cur.execute(pay, (ids["customer_1"], month, dt.date.today()))
    finally:
        conn.close()
    assert refusal(dsn, collector, pay, (ids["customer_2"], month_start(5), dt.date.today())).startswith(
        f"swm_payment_in_service: customer SW-002: {month_start(5):%Y-%m} is outside the service period")
    status = rows(dsn, "SELECT ward, buildings, buildings_served, coverage_pct, buildings_near_route, route_coverage_pct, "
                       "collection_points, active_customers, paid_last_month, paid_last_month_pct, customers_in_arrears, "
                       "unpaid_months FROM imis_app.swm_ward_status")
    # 3 buildings, 2 with a customer (66.7%), all 3 within 50 m of route R-01 (10 m away); one bin; of the 2
    # customers 1 paid last month (50%); the 3 months since service began: SW-001 missed 1, SW-002 all 3 -> 4
    assert status == [(1, 3, 2, D("66.7"), 3, D("100.0"), 1, 2, 1, D("50.0"), 2, 4)]
