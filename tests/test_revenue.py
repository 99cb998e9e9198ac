"""Holding tax: bill arithmetic on hand-computed cases, the sign-off rule, frozen bills, collectors' rights,
payment-gateway files (idempotent, mismatches reported, malformed files refused whole) and bad inputs.

The city is tests/revenue_city.py: rates 7 + 7 + 3 + 3 + 2 + 0.5 = 22.5% of annual value, and four holdings:
  S  01-001-0001-00  annual value 24,000 (on the holding itself)
  A  01-001-0002-00  rent 10,000 a month, no maintenance deduction: 12 x 10,000 = 120,000
  B  01-001-0003-00  rent 10,000 a month, two months deducted:      10 x 10,000 = 100,000
  C  01-002-0001-00  annual value 1,001 (rounding)
plus a legacy holding without any value, which is not billed.
"""
import datetime as dt
import re
from decimal import Decimal

import psycopg2
import pytest

from imis_plugin.db.connect import connect, transaction
from imis_plugin.db.migrate import downgrade, upgrade
from imis_plugin.paths import MIGRATIONS_DIR
from imis_plugin.revenue import billing, payments
from imis_plugin.revenue.errors import RevenueError
from imis_plugin.revenue.payments import ImportRejected, import_gateway_file, write_report

from .conftest import TEST_SRID
from .logins import create_login
from .revenue_city import FY, as_role, populate_revenue

D = Decimal


def rows(dsn, sql, params=None):
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall() if cur.description else None


def bills(dsn, run):
    """holding code -> the bill's amounts, of one run."""
    out = {}
    for r in rows(dsn, """SELECT r.holding_code, r.bill_number, r.annual_value_bdt, r.holding_tax_bdt, r.conservancy_bdt,
                                 r.lighting_bdt, r.water_bdt, r.sewerage_bdt, r.fire_bdt, r.current_bdt, r.arrears_bdt,
                                 r.advance_bdt, r.total_due_bdt, r.full_year_bdt, r.rebate_bdt
                          FROM imis_app.bill_register r WHERE r.run_code = %s""", (run,)):
        out[r[0]] = dict(zip(("number", "av", "holding_tax", "conservancy", "lighting", "water", "sewerage", "fire",
                              "current", "arrears", "advance", "total_due", "full_year", "rebate"), r[1:]))
    return out


def refusal(dsn, login, sql, params=None) -> str:
    """What the database says when `login` runs `sql` (which must fail); nothing is kept."""
    conn = connect(as_role(dsn, login))
    try:
        with conn.cursor() as cur, pytest.raises(psycopg2.Error) as info:
            cur.execute(sql, params)
        conn.rollback()
        return info.value.diag.message_primary
    finally:
        conn.close()


S, A, B, C = "01-001-0001-00", "01-001-0002-00", "01-001-0003-00", "01-002-0001-00"


def new_city(pg_server, name):
    dsn = pg_server.create_database(name)
    upgrade(dsn, srid=TEST_SRID)
    ids = populate_revenue(dsn)
    logins = {g: create_login(dsn, g) for g in ("imis_revenue_chief", "imis_revenue_collector", "imis_admin",
                                                 "imis_viewer")}
    return dsn, ids, logins


def issue_run(dsn, logins, year, quarter, due=None):
    """Run, sign off (as the chief) and issue a quarter."""
    chief = as_role(dsn, logins["imis_revenue_chief"])
    result = billing.run_bills(chief, year, quarter, due)
    billing.sign_off(chief, result.code)
    billing.issue(chief, result.code)
    return result


@pytest.fixture(scope="module")
def city(pg_server):
    """Q1 of 2024-25 run, signed off by the chief, issued, paid (by a collector) as below; Q2 run as a draft."""
    dsn, ids, logins = new_city(pg_server, "revenue")
    chief = as_role(dsn, logins["imis_revenue_chief"])
    q1 = billing.run_bills(chief, FY, 1)
    signed = billing.sign_off(chief, q1.code)
    assert signed["state"] == "signed_off" and signed["signed_off_by"] == logins["imis_revenue_chief"]
    billing.issue(chief, q1.code)
    collector = as_role(dsn, logins["imis_revenue_collector"])
    number = {code: bill["number"] for code, bill in bills(dsn, q1.code).items()}
    payments.record_payment(collector, number[A], "24300.00", dt.date(2024, 9, 15), reference="R-1")  # whole year, on time
    payments.record_payment(collector, number[S], "1000.00", dt.date(2024, 9, 20), reference="R-2")   # part of Q1
    payments.record_payment(collector, number[B], "20250.00", dt.date(2024, 10, 5), reference="R-3")  # whole year, late
    payments.record_payment(collector, number[C], "56.32", dt.date(2024, 9, 1), reference="R-4")      # Q1 exactly
    q2 = billing.run_bills(chief, FY, 2)
    return dsn, ids, logins, q1, q2


# --- arithmetic ----------------------------------------------------------------------------------------------------


def test_assessment_annual_value_from_rent(city):
    dsn, _ids, *_ = city
    assert rows(dsn, "SELECT h.holding_code, a.maintenance_months, a.annual_value_bdt FROM imis_revenue.assessment a "
                     "JOIN imis_core.holding h ON h.id = a.holding_id ORDER BY 1") == [
        (A, 0, D("120000.00")),  # a Paurashava: 12 x 10,000
        (B, 2, D("100000.00")),  # the City Corporation option: (12 - 2) x 10,000
    ]


def test_first_quarter_bills(city):
    dsn, _ids, _logins, q1, _ = city
    got = bills(dsn, q1.code)
    assert sorted(got) == [S, A, B, C]  # the legacy holding without a value is not billed
    assert q1.skipped == ["H/12/old"]
    # A: 120,000 / 4 = 30,000 a quarter; x 7% = 2,100 holding tax and conservancy, x 3% = 900 lighting and water,
    # x 2% = 600 sewerage, x 0.5% = 150 fire; 2,100 + 2,100 + 900 + 900 + 600 + 150 = 6,750 (22.5% of 30,000).
    # The year: 4 x 6,750 = 27,000; rebate 10% = 2,700; whole year with the first instalment 27,000 - 2,700 = 24,300.
    assert {k: got[A][k] for k in ("av", "holding_tax", "conservancy", "lighting", "water", "sewerage", "fire",
                                   "current", "arrears", "advance", "total_due", "full_year", "rebate")} == {
        "av": D("120000.00"), "holding_tax": D("2100.00"), "conservancy": D("2100.00"), "lighting": D("900.00"),
        "water": D("900.00"), "sewerage": D("600.00"), "fire": D("150.00"), "current": D("6750.00"),
        "arrears": 0, "advance": 0, "total_due": D("6750.00"), "full_year": D("24300.00"), "rebate": D("2700.00")}
    # B: 100,000 x 22.5% / 4 = 5,625; the year 22,500, rebate 2,250, whole year 20,250
    assert (got[B]["current"], got[B]["full_year"], got[B]["rebate"]) == (D("5625.00"), D("20250.00"), D("2250.00"))
    # S: 24,000 x 22.5% / 4 = 1,350; year 5,400, rebate 540, whole year 4,860
    assert (got[S]["current"], got[S]["full_year"], got[S]["rebate"]) == (D("1350.00"), D("4860.00"), D("540.00"))
    # C, rounding per rate to the paisa: 1,001 x 7 / 400 = 17.5175 -> 17.52 (twice); x 3 / 400 = 7.5075 -> 7.51
    # (twice); x 2 / 400 = 5.005 -> 5.01; x 0.5 / 400 = 1.25125 -> 1.25. Sum 56.32; year 225.28; rebate 22.528 ->
    # 22.53; whole year 225.28 - 22.53 = 202.75
    assert [got[C][k] for k in ("holding_tax", "conservancy", "lighting", "water", "sewerage", "fire", "current",
                                "full_year", "rebate")] == [D("17.52"), D("17.52"), D("7.51"), D("7.51"), D("5.01"),
                                                            D("1.25"), D("56.32"), D("202.75"), D("22.53")]
    # numbered by ward and holding code
    assert [got[h]["number"] for h in (S, A, B, C)] == [f"HT-2024-Q1-00000{i}" for i in range(1, 5)]
    # run totals: 1,350 + 6,750 + 5,625 + 56.32 = 13,781.32
    assert rows(dsn, "SELECT bill_count, total_bdt, due_date FROM imis_revenue.bill_run WHERE code = %s", (q1.code,)) == [
        (4, D("13781.32"), dt.date(2024, 9, 30))]


def test_a_bill_run_is_audited_as_one_summary_row(city):
    dsn, _, logins, q1, q2 = city
    chief = logins["imis_revenue_chief"]
    # 13,781.32 (Q1); Q2: 1,700 + 0 + 0 + 56.32 = 1,756.32
    assert rows(dsn, "SELECT role_name, action, new_row->'rows', new_row->'bill_runs', new_row->>'total_due_bdt' "
                     "FROM imis_audit.log WHERE table_name = 'bill' ORDER BY id") == [
        (chief, "INSERT", 4, [q1.code], "13781.32"), (chief, "INSERT", 4, [q2.code], "1756.32")]


def test_second_quarter_carries_arrears_advance_and_the_rebate(city):
    dsn, _, _, _, q2 = city
    got = bills(dsn, q2.code)
    # A paid the whole year (24,300) on time: billed 6,750 - paid 24,300 - rebate 2,700 = -20,250, an advance;
    # due now max(0, 6,750 - 20,250) = 0
    assert (got[A]["arrears"], got[A]["advance"], got[A]["current"], got[A]["total_due"]) == (
        0, D("20250.00"), D("6750.00"), 0)
    # S paid 1,000 of 1,350: arrears 350; due 350 + 1,350 = 1,700
    assert (got[S]["arrears"], got[S]["advance"], got[S]["total_due"]) == (D("350.00"), 0, D("1700.00"))
    # B paid the whole-year amount 20,250 after the due date: no rebate. 5,625 - 20,250 = -14,625 advance (with the
    # rebate it would have been -16,875); due max(0, 5,625 - 14,625) = 0
    assert (got[B]["arrears"], got[B]["advance"], got[B]["total_due"]) == (0, D("14625.00"), 0)
    # C paid exactly: nothing carried; due 56.32
    assert (got[C]["arrears"], got[C]["advance"], got[C]["total_due"]) == (0, 0, D("56.32"))
    # the rebate is offered on first-quarter bills only
    assert {h: (b["full_year"], b["rebate"]) for h, b in got.items()} == {h: (None, None) for h in got}


def test_holding_accounts_and_due_status_per_building(city):
    dsn, *_ = city
    accounts = {r[0]: r[1:] for r in rows(dsn, "SELECT holding_code, billed_bdt, paid_bdt, rebate_bdt, balance_bdt, "
                                                     "status FROM imis_app.holding_tax_account")}
    # only the issued Q1 counts (Q2 is a draft); Q1's due date is past
    assert accounts[A] == (D("6750.00"), D("24300.00"), D("2700.00"), D("-20250.00"), "paid")
    assert accounts[S] == (D("1350.00"), D("1000.00"), 0, D("350.00"), "overdue")
    assert accounts[B] == (D("5625.00"), D("20250.00"), 0, D("-14625.00"), "paid")
    status = dict(rows(dsn, "SELECT bin, status FROM imis_app.building_tax_due"))
    assert status == {"B000001": "overdue", "B000002": "paid", "B000003": "paid"}
    assert rows(dsn, "SELECT outstanding_bdt, overdue_bdt, holding_codes FROM imis_app.building_tax_due "
                     "WHERE bin = 'B000001'") == [(D("350.00"), D("350.00"), S)]


def test_arrears_carry_into_a_new_year_and_the_rebate_is_not_on_arrears(pg_server):
    dsn, _ids, logins = new_city(pg_server, "revenue_arrears")
    billing.set_rates(dsn, FY - 1, {"holding_tax": 7, "conservancy": 7, "lighting": 3, "water": 3, "sewerage": 2,
                                    "fire": 0.5})
    q4 = issue_run(dsn, logins, FY - 1, 4)  # 2023-24 Q4: S 1,350 and C 56.32 (A and B are assessed from 2024 only)
    assert sorted(bills(dsn, q4.code)) == [S, C]
    q1 = issue_run(dsn, logins, FY, 1)
    s = bills(dsn, q1.code)[S]
    # S paid nothing: arrears 1,350 + this quarter 1,350 = 2,700 due. The rebate is 10% of the year's 4 x 1,350
    # = 5,400 -> 540 (not 10% of 6,750 with the arrears); the whole year: 1,350 + 5,400 - 540 = 6,210
    assert (s["arrears"], s["current"], s["total_due"], s["rebate"], s["full_year"]) == (
        D("1350.00"), D("1350.00"), D("2700.00"), D("540.00"), D("6210.00"))
    payments.record_payment(dsn, s["number"], "6210", dt.date(2024, 9, 30))  # on the due date: in time
    q2 = billing.run_bills(dsn, FY, 2)
    s2 = bills(dsn, q2.code)[S]
    # billed 1,350 + 1,350, paid 6,210, rebate 540: 2,700 - 6,210 - 540 = -4,050 advance; due max(0, 1,350 - 4,050) = 0
    assert (s2["arrears"], s2["advance"], s2["total_due"]) == (0, D("4050.00"), 0)


# --- who may do what --------------------------------------------------------------------------------------------------


def test_only_a_revenue_chief_signs_off(city):
    dsn, _, logins, _, q2 = city
    sign = "UPDATE imis_revenue.bill_run SET state = 'signed_off' WHERE code = %s"
    # an IMIS admin may do much, but not this
    assert refusal(dsn, logins["imis_admin"], sign, (q2.code,)).startswith(
        f"bill_run_sign_off_chief_only: bill run {q2.code} can be signed off by a revenue chief only")
    with pytest.raises(RevenueError, match="bill_run_sign_off_chief_only"):
        billing.sign_off(as_role(dsn, logins["imis_admin"]), q2.code)
    for group in ("imis_revenue_collector", "imis_viewer"):
        assert refusal(dsn, logins[group], sign, (q2.code,)) == "permission denied for table bill_run"
        with pytest.raises(RevenueError, match="^permission denied for table bill_run: your login's IMIS role may not"):
            billing.sign_off(as_role(dsn, logins[group]), q2.code)
    # who signed off is the server's to record, not the writer's
    assert refusal(dsn, logins["imis_revenue_chief"],
                   "UPDATE imis_revenue.bill_run SET state = 'issued' WHERE code = %s", (q2.code,)).startswith(
        "bill_run_state_order: bill run HT-2024-Q2 cannot go from draft to issued")
    assert rows(dsn, "SELECT state, signed_off_by FROM imis_revenue.bill_run WHERE code = %s", (q2.code,)) == [
        ("draft", None)]


def test_signed_off_bills_are_frozen_and_collectors_cannot_alter_bills(city):
    dsn, _, logins, q1, q2 = city
    change = "UPDATE imis_revenue.bill SET current_bdt = 0 WHERE bill_number = %s"
    for group in ("imis_revenue_collector", "imis_viewer"):
        # a collector reads bills, and that is all
        assert refusal(dsn, logins[group], change, (f"{q2.code}-000001",)) == "permission denied for table bill"
        assert refusal(dsn, logins[group], "DELETE FROM imis_revenue.bill") == "permission denied for table bill"
        assert refusal(dsn, logins[group], "INSERT INTO imis_revenue.bill_run (code, fiscal_year, quarter, due_date) "
                                           "VALUES ('X', 2030, 1, '2030-09-30')") == "permission denied for table bill_run"
    for group in ("imis_revenue_chief", "imis_admin"):
        assert refusal(dsn, logins[group], "UPDATE imis_revenue.bill SET arrears_bdt = 0 WHERE bill_number = %s",
                       (f"{q1.code}-000001",)) == f"bill_frozen: bill run {q1.code} is issued: its bills cannot be added, changed or deleted"
        assert refusal(dsn, logins[group], "DELETE FROM imis_revenue.bill_run WHERE code = %s", (q1.code,)).startswith(
            "bill_run_frozen")
    # the totals of a signed-off run cannot be edited either
    assert refusal(dsn, logins["imis_revenue_chief"], "UPDATE imis_revenue.bill_run SET total_bdt = 1 WHERE code = %s",
                   (q1.code,)).startswith("bill_run_frozen")


def test_collectors_take_payments_in_their_own_name_on_issued_bills(city):
    dsn, _, logins, q1, q2 = city
    collector = logins["imis_revenue_collector"]
    assert rows(dsn, "SELECT DISTINCT received_by FROM imis_revenue.payment") == [(collector,)]
    insert = ("INSERT INTO imis_revenue.payment (bill_id, amount_bdt, paid_on, received_by) "
              "SELECT id, 10, '2024-09-01', %s FROM imis_revenue.bill WHERE bill_number = %s")
    assert "row-level security" in refusal(dsn, collector, insert, ("someone_else", f"{q1.code}-000001"))
    assert refusal(dsn, collector, insert, (collector, f"{q2.code}-000001")) == (
        f"payment_bill_issued: bill {q2.code}-000001 belongs to run {q2.code}, which is draft: payments are taken on "
        "issued bills only")
    assert refusal(dsn, collector, "UPDATE imis_revenue.payment SET amount_bdt = 1") == (
        "permission denied for table payment")
    assert refusal(dsn, logins["imis_viewer"], insert, (logins["imis_viewer"], f"{q1.code}-000001")) == (
        "permission denied for table payment")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(RevenueError, match="payment_date_not_future"):
        payments.record_payment(as_role(dsn, collector), f"{q1.code}-000001", "10", tomorrow)


def test_the_chief_may_withdraw_a_sign_off_before_issue(pg_server):
    dsn, _, logins = new_city(pg_server, "revenue_withdraw")
    chief = as_role(dsn, logins["imis_revenue_chief"])
    run = billing.run_bills(chief, FY, 1)
    billing.sign_off(chief, run.code)
    with pytest.raises(RevenueError, match="bill_run_sign_off_chief_only"):
        billing.withdraw_sign_off(as_role(dsn, logins["imis_admin"]), run.code)
    assert billing.withdraw_sign_off(chief, run.code)["signed_off_by"] is None
    again = billing.run_bills(chief, FY, 1)  # a draft again: re-running replaces its bills
    assert (again.bills, again.replaced) == (4, 4)
    assert billing.sign_off(chief, run.code)["state"] == "signed_off"
    with pytest.raises(RevenueError, match="already signed off"):
        billing.run_bills(chief, FY, 1)
    assert billing.issue(as_role(dsn, logins["imis_admin"]), run.code)["state"] == "issued"  # the office may issue


# --- rates and bad inputs ------------------------------------------------------------------------------------------


def test_rates_above_the_legal_cap_are_refused(city):
    dsn, _, logins, _, _ = city
    chief = as_role(dsn, logins["imis_revenue_chief"])
    with pytest.raises(RevenueError) as info:  # 20 + 10 + 3 + 3 + 2 + 1.5 = 39.5 > 39
        billing.set_rates(chief, 2030, {"holding_tax": 20, "conservancy": 10, "lighting": 3, "water": 3,
                                        "sewerage": 2, "fire": 1.5})
    assert str(info.value).startswith("tax_rate_cap: the rates of fiscal year 2030-31 add up to 39.50% of annual value "
                                      "(holding tax 20.00 + conservancy 10.00")
    assert rows(dsn, "SELECT count(*) FROM imis_revenue.tax_rate WHERE fiscal_year = 2030") == [(0,)]
    # exactly the cap is lawful
    assert billing.set_rates(chief, 2030, {"holding_tax": 20, "conservancy": 10, "lighting": 3, "water": 3,
                                           "sewerage": 2, "fire": 1})["total"] == 39
    with pytest.raises(RevenueError, match="tax_rate_cap"):  # raising one rate later is checked the same way
        billing.set_rates(chief, 2030, {"fire": 2})
    # the rates of a billed year stay as they were billed
    with pytest.raises(RevenueError, match="tax_rate_billed: the rates of fiscal year 2024-25 were billed by "
                                           "signed-off run"):
        billing.set_rates(chief, FY, {"fire": 1})
    assert refusal(dsn, logins["imis_revenue_collector"], "UPDATE imis_revenue.tax_rate SET fire_pct = 0") == (
        "permission denied for table tax_rate")


def test_bad_bill_runs_write_nothing(city):
    dsn, _, logins, q1, q2 = city
    chief = as_role(dsn, logins["imis_revenue_chief"])
    before = rows(dsn, "SELECT count(*) FROM imis_revenue.bill_run")

    with pytest.raises(RevenueError, match="There are no tax rates for fiscal year 2031-32"):
        billing.run_bills(chief, 2031, 1)
    with pytest.raises(RevenueError, match=f"The earlier bill run {q2.code} is still draft"):
        billing.run_bills(chief, FY, 3)
    with pytest.raises(RevenueError, match=f"Bill run {q1.code} .* is already issued"):
        billing.run_bills(chief, FY, 1)
    with pytest.raises(RevenueError, match="due date 2024-06-01 is before the quarter starts"):
        billing.run_bills(chief, FY, 2, dt.date(2024, 6, 1))
    with pytest.raises(RevenueError, match="Quarter 5 does not exist"):
        billing.run_bills(chief, FY, 5)
    with pytest.raises(RevenueError, match="assessment_rent_not_negative"):
        billing.assess(chief, A, FY + 1, -5)
    with pytest.raises(RevenueError, match="does not exist"):
        billing.assess(chief, "99-999-9999-99", FY, 100)
    assert rows(dsn, "SELECT count(*) FROM imis_revenue.bill_run") == before
    assert rows(dsn, "SELECT count(*) FROM imis_revenue.assessment") == [(2,)]


# --- payment-gateway files ---------------------------------------------------------------------------------------


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_gateway_file_is_matched_idempotent_and_reports_mismatches(pg_server, tmp_path):
    dsn, _, logins = new_city(pg_server, "revenue_gateway")
    q1 = issue_run(dsn, logins, FY, 1)
    collector = as_role(dsn, logins["imis_revenue_collector"])
    n = {h: b["number"] for h, b in bills(dsn, q1.code).items()}
    path = write(tmp_path / "ekpay-2024-09.csv",
                 " Bill_Number ,TRX_ID,Amount,Paid_At\n"
                 f"{n[A]},EKP-1,24300.00,2024-09-15T10:22:00+06:00\n"   # 2 applied
                 f"{n[S]},EKP-2,1000,2024-09-20\n"                      # 3 applied
                 "HT-2024-Q1-999999,EKP-3,50,2024-09-20\n"              # 4 no such bill
                 f"{n[C]},EKP-4,56.32,2024-09-01\n"                     # 5 applied
                 f"{n[C]},EKP-4,56.32,2024-09-01\n"                     # 6 the same line again: a duplicate
                 f"{n[B]},EKP-5,100,2024-09-02\n"                       # 7 and 8: one transaction, two amounts
                 f"{n[B]},EKP-5,200,2024-09-02\n"
                 "\n")
    first = import_gateway_file(collector, path, "ekpay")
    assert (first.applied, first.duplicates, [r.line for r in first.mismatches]) == (3, 1, [4, 7, 8])
    assert first.applied_bdt == D("25356.32")  # 24,300 + 1,000 + 56.32
    assert [r.reason for r in first.mismatches] == ["no bill has this number",
                                                    "transaction also on line 8 with other values",
                                                    "transaction also on line 7 with other values"]
    recorded = rows(dsn, "SELECT reference, amount_bdt, paid_on, channel, received_by FROM imis_revenue.payment ORDER BY 1")
    assert recorded == [("EKP-1", D("24300.00"), dt.date(2024, 9, 15), "ekpay", logins["imis_revenue_collector"]),
                        ("EKP-2", D("1000.00"), dt.date(2024, 9, 20), "ekpay", logins["imis_revenue_collector"]),
                        ("EKP-4", D("56.32"), dt.date(2024, 9, 1), "ekpay", logins["imis_revenue_collector"])]
    # the same file again: nothing applied twice
    second = import_gateway_file(collector, path, "ekpay")
    assert (second.applied, second.duplicates, len(second.mismatches)) == (0, 4, 3)
    assert rows(dsn, "SELECT count(*), sum(amount_bdt) FROM imis_revenue.payment") == [(3, D("25356.32"))]
    assert rows(dsn, "SELECT rows_read, applied, duplicates, mismatches FROM imis_revenue.payment_import "
                     "ORDER BY created_at, applied DESC") == [(7, 3, 1, 3), (7, 0, 4, 3)]
    # the report lists every row with its outcome
    report = write_report(second, tmp_path / "report.csv").read_text(encoding="utf-8").splitlines()
    assert report[0] == "line,transaction_id,bill_number,amount,paid_on,outcome,reason"
    assert report[1] == f"2,EKP-1,{n[A]},24300.00,2024-09-15,duplicate,recorded by an earlier import"
    assert report[3] == "4,EKP-3,HT-2024-Q1-999999,50,2024-09-20,mismatch,no bill has this number"
    # a transaction seen before with another amount, and a bill of a run not issued yet
    q2 = billing.run_bills(as_role(dsn, logins["imis_revenue_chief"]), FY, 2)
    third = import_gateway_file(collector, write(tmp_path / "b.csv", "bill_number,transaction_id,amount,paid_on\n"
                                                 f"{n[A]},EKP-1,2430.00,2024-09-15\n"
                                                 f"{q2.code}-000001,EKP-9,10,2024-10-02\n"), "ekpay")
    assert [r.reason for r in third.mismatches] == [
        f"transaction recorded earlier for bill {n[A]}, 24300.00 BDT",
        f"the bill's run {q2.code} is draft, not issued"]
    # all or nothing: one mismatch and nothing is applied, not even the import's record
    fourth = import_gateway_file(collector, write(tmp_path / "c.csv", "bill_number,transaction_id,amount,paid_on\n"
                                                  f"{n[B]},EKP-10,20250,2024-09-25\n"
                                                  "NOPE,EKP-11,5,2024-09-25\n"), "ekpay", all_or_nothing=True)
    assert not fourth.written and [r.outcome for r in fourth.rows] == ["not_applied", "mismatch"]
    assert rows(dsn, "SELECT count(*) FROM imis_revenue.payment") == [(3,)]
    assert rows(dsn, "SELECT count(*) FROM imis_revenue.payment_import") == [(3,)]


def test_a_malformed_gateway_file_is_refused_whole(pg_server, tmp_path):
    dsn, _, logins = new_city(pg_server, "revenue_malformed")
    q1 = issue_run(dsn, logins, FY, 1)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    path = write(tmp_path / "bad.csv", "bill_number,transaction_id,amount,paid_on\n"
                                       f"{q1.code}-000001,T-1,1350,2024-09-01\n"
                                       f"{q1.code}-000002,T-2,abc,2024-09-01\n"
                                       f"{q1.code}-000003,,10.005,2024-13-01\n"
                                       f"{q1.code}-000004,T-4,-5,{tomorrow}\n")
    with pytest.raises(ImportRejected) as info:
        import_gateway_file(dsn, path)
    assert info.value.problems == [
        (3, "amount", "'abc' is not a number"),
        (4, "transaction_id", "empty"), (4, "amount", "'10.005' has more than two decimals"),
        (4, "paid_on", "'2024-13-01' is not a date (YYYY-MM-DD)"),
        (5, "amount", "'-5' is not a positive amount"), (5, "paid_on", f"{tomorrow} is in the future")]
    assert "bad.csv, line 3, amount: 'abc' is not a number" in str(info.value)
    with pytest.raises(ImportRejected, match="line 1, paid_on: column missing"):
        import_gateway_file(dsn, write(tmp_path / "cols.csv", "bill_number,transaction_id,amount\nX,T,1\n"))
    with pytest.raises(RevenueError, match="'counter' is not a payment gateway IMIS knows; gateways: ekpay, gateway"):
        import_gateway_file(dsn, write(tmp_path / "ok.csv", "bill_number,transaction_id,amount,paid_on\n"
                                                            f"{q1.code}-000001,T-1,1350,2024-09-01\n"), "counter")
    assert rows(dsn, "SELECT count(*) FROM imis_revenue.payment") == [(0,)]
    assert rows(dsn, "SELECT count(*) FROM imis_revenue.payment_import") == [(0,)]


# --- the revision ----------------------------------------------------------------------------------------------


def revenue_counts(dsn) -> dict[str, int]:
    from psycopg2 import sql

    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'imis_revenue' "
                    "AND table_type = 'BASE TABLE'")
        counts = {}
        for (table,) in cur.fetchall():
            cur.execute(sql.SQL("SELECT count(*) FROM imis_revenue.{}").format(sql.Identifier(table)))
            counts[table] = cur.fetchone()[0]
        return counts


def test_revenue_rows_survive_downgrade_and_upgrade(pg_server):
    dsn, _, logins = new_city(pg_server, "revenue_roundtrip")
    issue_run(dsn, logins, FY, 1)
    payments.record_payment(dsn, "HT-2024-Q1-000001", "100", dt.date(2024, 9, 1))
    before = revenue_counts(dsn)
    assert len(before) == 18 and before["bill"] == 4 and before["payment"] == 1 and before["water_reading"] == 3
    below = re.search(r'^down_revision = "(\d+)"', next((MIGRATIONS_DIR / "versions").glob("*_revenue.py")).read_text(),
                      re.MULTILINE).group(1)  # the revision before the revenue module's
    assert downgrade(dsn, below) == below
    assert rows(dsn, "SELECT count(*) FROM pg_namespace WHERE nspname = 'imis_revenue'") == [(0,)]
    upgrade(dsn)
    assert revenue_counts(dsn) == before
    assert rows(dsn, "SELECT count(*) FROM pg_tables WHERE schemaname = 'imis_archive'") == [(0,)]
    # and the rules are back
    assert refusal(dsn, logins["imis_admin"], "UPDATE imis_revenue.bill SET arrears_bdt = 0").startswith("bill_frozen")
