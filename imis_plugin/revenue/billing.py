"""Holding tax: the year's rates, assessments and the quarterly bill run.

A bill run is one set-based INSERT for the whole city: each holding with an annual value (its latest
assessment, else the value on the holding itself) gets a numbered bill of the quarter's instalment by rate,
the balance of its issued bills carried as arrears (or advance), and on first-quarter bills the amount that
settles the whole year with the rebate (never given on arrears). Everything happens in one transaction:
a failed or cancelled run writes nothing. Sign-off and issue are state changes the database guards
(database/app/80_revenue.sql: only a revenue chief signs off).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import psycopg2

from ..db.connect import transaction
from ..fsm.progress import Progress
from .errors import RevenueError, database_message
from .periods import fiscal_year_label, quarter_bounds

RATES = ("holding_tax", "conservancy", "lighting", "water", "sewerage", "fire")


def _run_sql(cur, statement, params=None):
    """Execute; a rule of the database comes back as a RevenueError with its message."""
    try:
        cur.execute(statement, params)
    except psycopg2.Error as exc:
        raise RevenueError(database_message(exc)) from None


# --- rates and assessments ---------------------------------------------------------------------------


def set_rates(dsn: str, fiscal_year: int, rates: dict[str, float], maintenance_months: int | None = None,
              rebate_pct: float | None = None, note: str | None = None) -> dict:
    """Create or change the rates of a fiscal year (percent of annual value); returns the stored row."""
    unknown = set(rates) - set(RATES)
    if unknown:
        raise RevenueError(f"Unknown rate(s) {sorted(unknown)}: the rates are {', '.join(RATES)}.")
    values = {"fy": fiscal_year, "mm": maintenance_months, "rebate": rebate_pct, "note": note,
              **{r: rates.get(r) for r in RATES}}
    sets = ", ".join(f"{r}_pct = coalesce(%({r})s, imis_revenue.tax_rate.{r}_pct)" for r in RATES)
    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        _run_sql(cur, f"""
            INSERT INTO imis_revenue.tax_rate (fiscal_year, {', '.join(f'{r}_pct' for r in RATES)},
                                               maintenance_months, rebate_pct, note)
            VALUES (%(fy)s, {', '.join(f'coalesce(%({r})s, 0)' for r in RATES)},
                    coalesce(%(mm)s, (SELECT CASE WHEN city_kind = 'city_corporation' THEN 2 ELSE 0 END
                                      FROM imis_core.city LIMIT 1), 0),
                    coalesce(%(rebate)s, 10), %(note)s)
            ON CONFLICT (fiscal_year) DO UPDATE SET {sets},
                maintenance_months = coalesce(%(mm)s, imis_revenue.tax_rate.maintenance_months),
                rebate_pct = coalesce(%(rebate)s, imis_revenue.tax_rate.rebate_pct),
                note = coalesce(%(note)s, imis_revenue.tax_rate.note)""", values)
    return get_rates(dsn, fiscal_year)


def get_rates(dsn: str, fiscal_year: int) -> dict | None:
    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        cur.execute(f"SELECT {', '.join(f'{r}_pct' for r in RATES)}, maintenance_months, rebate_pct "
                    "FROM imis_revenue.tax_rate WHERE fiscal_year = %s", (fiscal_year,))
        row = cur.fetchone()
    if row is None:
        return None
    out = {r: row[i] for i, r in enumerate(RATES)}
    out.update(total=sum(row[:len(RATES)]), maintenance_months=row[-2], rebate_pct=row[-1])
    return out


def assess(dsn: str, holding_code: str, fiscal_year: int, monthly_rent: Decimal | float,
           maintenance_months: int | None = None, assessed_on: dt.date | None = None,
           assessor: str | None = None) -> Decimal:
    """Record (or correct) a holding's rent-based assessment from a fiscal year on; returns the annual value."""
    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        cur.execute("SELECT id FROM imis_core.holding WHERE holding_code = %s", (holding_code,))
        rows = cur.fetchall()
        if len(rows) != 1:
            raise RevenueError(f"Holding {holding_code!r} " + ("does not exist." if not rows else
                               f"is not unique ({len(rows)} legacy holdings share it): assess it in QGIS."))
        _run_sql(cur, """
            INSERT INTO imis_revenue.assessment (holding_id, fiscal_year, monthly_rent_bdt, maintenance_months,
                                                 assessed_on, assessor)
            VALUES (%(h)s, %(fy)s, %(rent)s, %(mm)s, %(on)s, %(by)s)
            ON CONFLICT (holding_id, fiscal_year) DO UPDATE SET monthly_rent_bdt = EXCLUDED.monthly_rent_bdt,
                maintenance_months = EXCLUDED.maintenance_months, assessed_on = EXCLUDED.assessed_on,
                assessor = EXCLUDED.assessor
            RETURNING annual_value_bdt""",
                 {"h": rows[0][0], "fy": fiscal_year, "rent": monthly_rent, "mm": maintenance_months,
                  "on": assessed_on or dt.date.today(), "by": assessor})
        return cur.fetchone()[0]


# --- the bill run ------------------------------------------------------------------------------------


@dataclass
class BillRunResult:
    code: str
    fiscal_year: int
    quarter: int
    due_date: dt.date
    bills: int = 0
    current_bdt: Decimal = Decimal(0)
    arrears_bdt: Decimal = Decimal(0)
    total_due_bdt: Decimal = Decimal(0)
    replaced: int = 0  # bills of an earlier draft of the same run
    skipped: list[str] = field(default_factory=list)  # holding codes without an annual value
    seconds: float = 0.0

    def describe(self) -> str:
        lines = [(f"Bill run {self.code} (fiscal year {fiscal_year_label(self.fiscal_year)}, quarter {self.quarter}, "
                  f"due {self.due_date}): {self.bills:,} bills, draft."),
                 (f"  this quarter {self.current_bdt:,.2f} BDT, arrears {self.arrears_bdt:,.2f} BDT, "
                  f"total due {self.total_due_bdt:,.2f} BDT")]
        if self.replaced:
            lines.append(f"  replaced the {self.replaced:,} bills of the earlier draft")
        if self.skipped:
            shown = ", ".join(self.skipped[:10]) + (" ..." if len(self.skipped) > 10 else "")
            lines.append(f"  {len(self.skipped):,} holdings without an annual value were not billed: {shown}")
        lines.append("  Next: a revenue chief signs it off (imis revenue sign-off "
                     f"{self.code}), then it is issued.")
        return "\n".join(lines)


def default_code(fiscal_year: int, quarter: int) -> str:
    return f"HT-{fiscal_year}-Q{quarter}"


# The bill arithmetic, one definition for the bill run below and the demo-city generator's bill history
# (imis_plugin.demo_city): from rows of `bill_base` (holding_id, fiscal_year, quarter, av = the annual value,
# balance = the holding's account balance when the run is made, owed > 0 > paid ahead) to `bill_amounts`.
# Each rate's instalment is a quarter of the annual value times the rate, rounded to the paisa; the balance
# becomes arrears (or advance); the rebate is a share of the year's four instalments, so it never touches
# arrears. BILL_VALUES are the values of BILL_COLUMNS, in order, over bill_amounts. OFFSET 0 keeps each
# amount computed once per bill: inlined, the six rounded instalments were computed again for every use of
# `cur` (five), which made the computation twice as slow.
BILL_ARITHMETIC = """
bill_parts AS (
    SELECT b.*, r.rebate_pct,
           round(b.av * r.holding_tax_pct / 400, 2) AS holding_tax,
           round(b.av * r.conservancy_pct / 400, 2) AS conservancy,
           round(b.av * r.lighting_pct / 400, 2) AS lighting, round(b.av * r.water_pct / 400, 2) AS water,
           round(b.av * r.sewerage_pct / 400, 2) AS sewerage, round(b.av * r.fire_pct / 400, 2) AS fire
    FROM bill_base b JOIN imis_revenue.tax_rate r ON r.fiscal_year = b.fiscal_year
    OFFSET 0
),
bill_amounts AS (
    SELECT p.*, p.holding_tax + p.conservancy + p.lighting + p.water + p.sewerage + p.fire AS cur,
           greatest(p.balance, 0) AS arrears, greatest(-p.balance, 0) AS advance
    FROM bill_parts p
    OFFSET 0
)"""
BILL_COLUMNS = """annual_value_bdt, holding_tax_bdt, conservancy_bdt, lighting_bdt, water_bdt, sewerage_bdt,
    fire_bdt, current_bdt, arrears_bdt, advance_bdt, total_due_bdt, full_year_bdt, rebate_bdt"""
BILL_VALUES = """av, holding_tax, conservancy, lighting, water, sewerage, fire, cur, arrears, advance,
       greatest(0, arrears - advance + cur),
       CASE WHEN quarter = 1
            THEN greatest(0, arrears - advance + 4 * cur - round(4 * cur * rebate_pct / 100, 2)) END,
       CASE WHEN quarter = 1 THEN round(4 * cur * rebate_pct / 100, 2) END"""
#: bills are numbered <run>-000001... in this order of bill_base rows; BILL_NUMBER is the part after the
#: run's code, from the bill's place `bill_no` (six digits at least: lpad alone would cut a seventh)
BILL_ORDER = "ward_no NULLS LAST, holding_code, holding_id"
BILL_NUMBER = "lpad(bill_no::text, greatest(6, length(bill_no::text)), '0')"

# A run bills each holding with an annual value (its latest assessment up to the year, else the value on
# the holding) and carries the balance of its issued bills (imis_app.holding_tax_account).
_INSERT_BILLS = f"""
WITH assessed AS (
    SELECT DISTINCT ON (holding_id) holding_id, annual_value_bdt FROM imis_revenue.assessment
    WHERE fiscal_year <= %(fy)s ORDER BY holding_id, fiscal_year DESC
),
bill_base AS (
    SELECT h.id AS holding_id, h.holding_code, w.number AS ward_no, %(fy)s AS fiscal_year, %(q)s AS quarter,
           coalesce(a.annual_value_bdt, h.annual_value_bdt) AS av, coalesce(acc.balance_bdt, 0) AS balance
    FROM imis_core.holding h
    LEFT JOIN assessed a ON a.holding_id = h.id
    LEFT JOIN imis_core.ward w ON w.id = h.ward_id
    LEFT JOIN imis_app.holding_tax_account acc ON acc.holding_id = h.id
    WHERE coalesce(a.annual_value_bdt, h.annual_value_bdt) > 0
),{BILL_ARITHMETIC},
numbered AS (
    SELECT a.*, row_number() OVER (ORDER BY {BILL_ORDER}) AS bill_no FROM bill_amounts a
)
INSERT INTO imis_revenue.bill (bill_number, bill_run_id, holding_id, fiscal_year, quarter, {BILL_COLUMNS})
SELECT %(code)s || '-' || {BILL_NUMBER}, %(run)s, holding_id, fiscal_year, quarter, {BILL_VALUES}
FROM numbered
"""


def run_bills(dsn: str, fiscal_year: int, quarter: int, due_date: dt.date | None = None, code: str | None = None,
              progress: Progress | None = None) -> BillRunResult:
    """Create (or re-create, while it is a draft) the bill run of a quarter; returns what it billed."""
    import time

    started = time.perf_counter()
    report = progress or Progress()
    first, last = quarter_bounds(fiscal_year, quarter)
    due_date = due_date or last
    if due_date < first:
        raise RevenueError(f"The due date {due_date} is before the quarter starts ({first}).")
    code = (code or default_code(fiscal_year, quarter)).strip()
    if not code:
        raise RevenueError("The bill run code is empty.")
    period = fiscal_year * 10 + quarter
    label = f"fiscal year {fiscal_year_label(fiscal_year)}, quarter {quarter}"
    result = BillRunResult(code, fiscal_year, quarter, due_date)
    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        report(2, "checking rates and earlier runs")
        cur.execute("SELECT 1 FROM imis_revenue.tax_rate WHERE fiscal_year = %s", (fiscal_year,))
        if cur.fetchone() is None:
            raise RevenueError(f"There are no tax rates for fiscal year {fiscal_year_label(fiscal_year)}: set them first "
                               f"(imis revenue rates --year {fiscal_year} --holding-tax ... or the tax_rate table).")
        # one run at a time: a second bill run started meanwhile waits here, then sees this one
        cur.execute("LOCK TABLE imis_revenue.bill_run IN SHARE ROW EXCLUSIVE MODE")
        cur.execute("SELECT id, code, state FROM imis_revenue.bill_run WHERE fiscal_year = %s AND quarter = %s",
                    (fiscal_year, quarter))
        existing = cur.fetchone()
        if existing and existing[2] != "draft":
            raise RevenueError(f"Bill run {existing[1]} of {label} is already {existing[2].replace('_', ' ')}: its "
                               "bills are final. Corrections go into the next quarter's run.")
        cur.execute("SELECT code, state FROM imis_revenue.bill_run WHERE fiscal_year * 10 + quarter < %s "
                    "AND state <> 'issued' ORDER BY fiscal_year, quarter LIMIT 1", (period,))
        pending = cur.fetchone()
        if pending:
            raise RevenueError(f"The earlier bill run {pending[0]} is still {pending[1].replace('_', ' ')}: issue it "
                               "first, so that its bills count in this run's arrears.")
        cur.execute("SELECT code FROM imis_revenue.bill_run WHERE fiscal_year * 10 + quarter > %s "
                    "ORDER BY fiscal_year, quarter LIMIT 1", (period,))
        later = cur.fetchone()
        if later:
            raise RevenueError(f"A later bill run ({later[0]}) exists already: runs go in order of quarters.")
        if existing:
            run_id = existing[0]
            report(5, f"replacing the bills of draft {existing[1]}")
            _run_sql(cur, "DELETE FROM imis_revenue.bill WHERE bill_run_id = %s", (run_id,))
            result.replaced = cur.rowcount
            _run_sql(cur, "UPDATE imis_revenue.bill_run SET code = %s, due_date = %s WHERE id = %s",
                     (code, due_date, run_id))
        else:
            _run_sql(cur, "INSERT INTO imis_revenue.bill_run (code, fiscal_year, quarter, due_date) "
                          "VALUES (%s, %s, %s, %s) RETURNING id", (code, fiscal_year, quarter, due_date))
            run_id = cur.fetchone()[0]
        report(10, "billing every holding")
        _run_sql(cur, _INSERT_BILLS, {"fy": fiscal_year, "q": quarter, "code": code, "run": run_id})
        report(85, "totals")
        cur.execute("SELECT count(*), coalesce(sum(current_bdt), 0), coalesce(sum(arrears_bdt), 0), "
                    "coalesce(sum(total_due_bdt), 0) FROM imis_revenue.bill WHERE bill_run_id = %s", (run_id,))
        result.bills, result.current_bdt, result.arrears_bdt, result.total_due_bdt = cur.fetchone()
        _run_sql(cur, "UPDATE imis_revenue.bill_run SET bill_count = %s, total_bdt = %s WHERE id = %s",
                 (result.bills, result.total_due_bdt, run_id))
        cur.execute("""SELECT h.holding_code FROM imis_core.holding h
                       WHERE coalesce((SELECT a.annual_value_bdt FROM imis_revenue.assessment a
                                       WHERE a.holding_id = h.id AND a.fiscal_year <= %s
                                       ORDER BY a.fiscal_year DESC LIMIT 1), h.annual_value_bdt, 0) <= 0
                       ORDER BY h.holding_code""", (fiscal_year,))
        result.skipped = [r[0] for r in cur.fetchall()]
        report.check()  # a cancel up to here rolls everything back
        report(100, f"{result.bills:,} bills in draft run {code}")
    result.seconds = time.perf_counter() - started
    return result


def _change_state(dsn: str, code: str, state: str) -> dict:
    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        _run_sql(cur, "UPDATE imis_revenue.bill_run SET state = %s WHERE code = %s "
                      "RETURNING code, state, bill_count, total_bdt, signed_off_by, signed_off_at, issued_by, issued_at",
                 (state, code))
        row = cur.fetchone()
        if row is None:
            raise RevenueError(f"There is no bill run {code!r}.")
    keys = ("code", "state", "bill_count", "total_bdt", "signed_off_by", "signed_off_at", "issued_by", "issued_at")
    return dict(zip(keys, row))


def sign_off(dsn: str, code: str) -> dict:
    """draft -> signed_off; the database accepts it from a revenue chief only."""
    return _change_state(dsn, code, "signed_off")


def withdraw_sign_off(dsn: str, code: str) -> dict:
    """signed_off -> draft (before issue), again a revenue chief's decision."""
    return _change_state(dsn, code, "draft")


def issue(dsn: str, code: str) -> dict:
    """signed_off -> issued: the bills are due and payments can be taken."""
    return _change_state(dsn, code, "issued")


def bill_runs(dsn: str) -> list[dict]:
    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        cur.execute("SELECT code, fiscal_year, quarter, due_date, state, bill_count, total_bdt, signed_off_by, "
                    "issued_by FROM imis_revenue.bill_run ORDER BY fiscal_year, quarter")
        keys = [d.name for d in cur.description]
        return [dict(zip(keys, r)) for r in cur.fetchall()]
