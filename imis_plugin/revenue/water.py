"""Water supply billing: slab tariffs and the monthly bill run.

A month's bill prices the water a meter measured between the opening index (the previous bill's closing
index on the same meter, else the last reading before the month, else the index at installation) and the
last reading of the month. Each m3 is priced by the slab it falls in (imis_app.water_slab_charge); the
charge is at least the tariff's minimum, plus its fixed charge; the connection's unpaid balance is carried
as arrears (or advance). One set-based INSERT in one transaction; connections without a reading in the
month are listed, not billed, and are billed once a reading arrives (a second run adds only missing bills).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import psycopg2

from ..db.connect import transaction
from ..fsm.progress import Progress
from .errors import RevenueError, database_message
from .periods import month_end


def set_tariff(dsn: str, category: str, effective_from: dt.date, slabs: list[tuple[float, float | None, float]],
               fixed_charge: float = 0, minimum_charge: float = 0) -> str:
    """Create or replace a category's tariff from a month on. ``slabs`` are (from m3, to m3 or None, BDT/m3)."""
    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        try:
            cur.execute("""INSERT INTO imis_revenue.water_tariff (category, effective_from, fixed_charge_bdt, minimum_charge_bdt)
                           VALUES (%s, %s, %s, %s)
                           ON CONFLICT (category, effective_from) DO UPDATE
                           SET fixed_charge_bdt = EXCLUDED.fixed_charge_bdt, minimum_charge_bdt = EXCLUDED.minimum_charge_bdt
                           RETURNING id""", (category, effective_from, fixed_charge, minimum_charge))
            tariff = cur.fetchone()[0]
            cur.execute("DELETE FROM imis_revenue.water_tariff_slab WHERE tariff_id = %s", (tariff,))
            for low, high, rate in slabs:
                cur.execute("INSERT INTO imis_revenue.water_tariff_slab (tariff_id, from_m3, to_m3, rate_bdt_per_m3) "
                            "VALUES (%s, %s, %s, %s)", (tariff, low, high, rate))
            cur.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the slab check, now, with its message
        except psycopg2.Error as exc:
            raise RevenueError(database_message(exc)) from None
    return str(tariff)


@dataclass
class WaterRunResult:
    month: dt.date
    due_date: dt.date
    bills: int = 0
    consumption_m3: Decimal = Decimal(0)
    current_bdt: Decimal = Decimal(0)
    total_due_bdt: Decimal = Decimal(0)
    already_billed: int = 0
    no_reading: list[str] = field(default_factory=list)  # connection numbers

    def describe(self) -> str:
        lines = [(f"Water bills of {self.month:%Y-%m} (due {self.due_date}): {self.bills:,} new bills, "
                  f"{self.consumption_m3:,.1f} m3, {self.current_bdt:,.2f} BDT this month, "
                  f"{self.total_due_bdt:,.2f} BDT due with arrears.")]
        if self.already_billed:
            lines.append(f"  {self.already_billed:,} connections had their bill for the month already.")
        if self.no_reading:
            shown = ", ".join(self.no_reading[:10]) + (" ..." if len(self.no_reading) > 10 else "")
            lines.append(f"  {len(self.no_reading):,} active connections have no reading in the month: {shown}")
        return "\n".join(lines)


_METERS = """
CREATE TEMP TABLE water_run ON COMMIT DROP AS
SELECT c.id AS connection_id, c.connection_no, c.category, m.id AS meter_id, m.meter_no, m.initial_reading_m3,
       (SELECT r.reading_m3 FROM imis_revenue.water_reading r
        WHERE r.meter_id = m.id AND r.reading_date BETWEEN %(first)s AND %(last)s
        ORDER BY r.reading_date DESC LIMIT 1) AS closing,
       coalesce((SELECT wb.closing_m3 FROM imis_revenue.water_bill wb
                 WHERE wb.meter_id = m.id AND wb.period_month < %(first)s ORDER BY wb.period_month DESC LIMIT 1),
                (SELECT r.reading_m3 FROM imis_revenue.water_reading r
                 WHERE r.meter_id = m.id AND r.reading_date < %(first)s ORDER BY r.reading_date DESC LIMIT 1),
                m.initial_reading_m3) AS opening
FROM imis_revenue.water_connection c
JOIN imis_revenue.water_meter m ON m.connection_id = c.id AND m.installed_on <= %(last)s
     AND (m.removed_on IS NULL OR m.removed_on >= %(first)s)
WHERE c.status = 'active'
  AND NOT EXISTS (SELECT 1 FROM imis_revenue.water_bill wb WHERE wb.connection_id = c.id AND wb.period_month = %(first)s)
"""

# The water-bill arithmetic, one definition for the monthly run below and the demo-city generator's water
# history (imis_plugin.demo_city): over rows with the meter's opening and closing index, `used` (m3), the
# tariff `t` and the connection's `balance` (owed > 0 > paid ahead), WATER_CHARGE prices the month's use
# by the slabs, at least the minimum charge; WATER_BILL_VALUES are the values of WATER_BILL_COLUMNS, in
# order, once that charge is `charge` and the tariff's fixed charge `fixed`.
WATER_CHARGE = "greatest(imis_app.water_slab_charge(t.id, used), t.minimum_charge_bdt)"
WATER_BILL_COLUMNS = """opening_m3, closing_m3, consumption_m3, consumption_charge_bdt, fixed_charge_bdt,
    current_bdt, arrears_bdt, advance_bdt, total_due_bdt"""
WATER_BILL_VALUES = """opening, closing, used, charge, fixed, charge + fixed, greatest(balance, 0),
       greatest(-balance, 0), greatest(0, balance + charge + fixed)"""
#: bills are numbered W-<YYYYMM>-000001... in the month; the part after the month, from the bill's place
#: `seq` (six digits at least: lpad alone would cut a seventh, as billing.BILL_NUMBER says)
WATER_BILL_NUMBER = "lpad(seq::text, greatest(6, length(seq::text)), '0')"

_INSERT = f"""
WITH tariff AS (
    SELECT DISTINCT ON (category) id, category, fixed_charge_bdt, minimum_charge_bdt
    FROM imis_revenue.water_tariff WHERE effective_from <= %(first)s ORDER BY category, effective_from DESC
),
measured AS (
    SELECT w.*, w.closing - w.opening AS used FROM water_run w WHERE w.closing IS NOT NULL
),
priced AS (
    SELECT m.*, t.fixed_charge_bdt AS fixed, {WATER_CHARGE} AS charge, coalesce(s.balance_bdt, 0) AS balance
    FROM measured m
    JOIN tariff t ON t.category = m.category
    LEFT JOIN imis_app.water_connection_status s ON s.id = m.connection_id
),
numbered AS (
    -- numbers go on after the month's last one (a deleted bill leaves a gap, never a clash)
    SELECT p.*, (SELECT coalesce(max(substring(bill_number FROM '[0-9]+$')::int), 0) FROM imis_revenue.water_bill
                 WHERE period_month = %(first)s)
                + row_number() OVER (ORDER BY p.connection_no) AS seq
    FROM priced p
)
INSERT INTO imis_revenue.water_bill (bill_number, connection_id, meter_id, period_month, {WATER_BILL_COLUMNS},
    due_date)
SELECT 'W-' || to_char(%(first)s::date, 'YYYYMM') || '-' || {WATER_BILL_NUMBER}, connection_id, meter_id,
       %(first)s, {WATER_BILL_VALUES}, %(due)s
FROM numbered
"""


def water_billing_run(dsn: str, month: dt.date, due_date: dt.date | None = None,
                      progress: Progress | None = None) -> WaterRunResult:
    """Bill every active metered connection for `month` (any day of it); see the module's description."""
    report = progress or Progress()
    first = month.replace(day=1)
    last = month_end(first)
    if first > dt.date.today():
        raise RevenueError(f"{first:%Y-%m} has not begun: bills are made from readings.")
    due = due_date or last + dt.timedelta(days=15)
    if due < last:
        raise RevenueError(f"The due date {due} is before the month ends ({last}).")
    result = WaterRunResult(first, due)
    params = {"first": first, "last": last, "due": due}
    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        cur.execute("LOCK TABLE imis_revenue.water_bill IN SHARE ROW EXCLUSIVE MODE")  # one run at a time
        report(5, "finding meters and readings")
        cur.execute(_METERS, params)
        cur.execute("""SELECT DISTINCT w.category FROM water_run w WHERE w.closing IS NOT NULL AND NOT EXISTS (
                           SELECT 1 FROM imis_revenue.water_tariff t WHERE t.category = w.category
                             AND t.effective_from <= %(first)s)""", params)
        untariffed = [r[0] for r in cur.fetchall()]
        if untariffed:
            raise RevenueError(f"No water tariff in effect on {first} for categor{'ies' if len(untariffed) > 1 else 'y'} "
                               f"{', '.join(untariffed)}: set one first (imis revenue water-tariff ...). Nothing was billed.")
        cur.execute("SELECT connection_no, meter_no, opening, closing FROM water_run "
                    "WHERE closing IS NOT NULL AND closing < opening ORDER BY connection_no")
        backwards = cur.fetchall()
        if backwards:
            c, m, o, cl = backwards[0]
            raise RevenueError(f"Connection {c}, meter {m}: the month's reading {cl} m3 is below the opening index {o} "
                               f"m3 ({len(backwards)} such connection(s)); correct the readings. Nothing was billed.")
        cur.execute("SELECT connection_no FROM water_run WHERE closing IS NULL ORDER BY connection_no")
        result.no_reading = [r[0] for r in cur.fetchall()]
        report(30, "pricing and billing")
        try:
            cur.execute(_INSERT, params)
        except psycopg2.Error as exc:
            raise RevenueError(database_message(exc)) from None
        result.bills = cur.rowcount
        cur.execute("""SELECT count(*), coalesce(sum(consumption_m3), 0), coalesce(sum(current_bdt), 0),
                              coalesce(sum(total_due_bdt), 0)
                       FROM imis_revenue.water_bill WHERE period_month = %(first)s
                         AND created_at = now()""", params)
        _, result.consumption_m3, result.current_bdt, result.total_due_bdt = cur.fetchone()
        cur.execute("SELECT count(*) FROM imis_revenue.water_bill WHERE period_month = %(first)s", params)
        result.already_billed = cur.fetchone()[0] - result.bills
        report.check()
        report(100, f"{result.bills} water bills")
    return result


def record_water_payment(dsn: str, bill_number: str, amount, paid_on: dt.date | None = None, channel: str = "counter",
                         reference: str | None = None) -> None:
    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        cur.execute("SELECT id FROM imis_revenue.water_bill WHERE bill_number = %s", (bill_number,))
        row = cur.fetchone()
        if row is None:
            raise RevenueError(f"There is no water bill {bill_number!r}.")
        try:
            cur.execute("INSERT INTO imis_revenue.water_payment (water_bill_id, amount_bdt, paid_on, channel, reference) "
                        "VALUES (%s, %s, %s, %s, %s)", (row[0], amount, paid_on or dt.date.today(), channel, reference))
        except psycopg2.Error as exc:
            raise RevenueError(database_message(exc)) from None
