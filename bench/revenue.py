"""Revenue benchmark: the quarterly holding-tax bill run for a Khulna-size city, and what goes with it.

The city: the demo-city generator without its revenue records (imis_plugin.demo_city, `imis demo-city
--no-revenue`) when it is installed, else the plain synthetic city (imis_plugin.plain_city) plus one
holding per building with an annual value. Fiscal year 2024 rates of 22.5%. Timed, each as the module
runs it (one transaction, every trigger and the audit trail on):

* the first-quarter run (first ever: no arrears), re-runs of that draft (each replaces every bill), sign-off
  and issue;
* about 60% of the bills paid (set-based, for the second quarter's arrears, advances and rebates), then the
  second-quarter run, which carries every holding's balance;
* the due-status views read whole (what the map layer asks), a 10,000-row gateway file (and again: all
  duplicates), the bill register in Excel, 100 printable bills (PDF, QGIS print layout).

Anchor: the same bill computation written into a plain temporary table (no constraints, triggers or audit),
the floor of what the run can cost. Target: the run under 30 s for 156,000 holdings.

    .venv/bin/python bench/revenue.py DSN [--buildings 156052] [--runs 3] [--keep] [--no-pdf]

DSN names an empty database (PostGIS + pgRouting) or, with --keep, one a previous run set up.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from imis_plugin.db.connect import transaction  # noqa: E402
from imis_plugin.revenue import billing, payments, registers  # noqa: E402

FY = 2024
RATES = {"holding_tax": 7, "conservancy": 7, "lighting": 3, "water": 3, "sewerage": 2, "fire": 0.5}


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def scalar(dsn, sql, params=None):
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchone()[0] if cur.description else None


def make_city(dsn: str, buildings: int) -> str:
    from imis_plugin.db.migrate import upgrade

    upgrade(dsn, srid=32645)
    try:
        from imis_plugin.demo_city import generate
    except ImportError:
        generate = None
    if generate is not None:
        generate(dsn, buildings=buildings, seed=1, revenue=False)  # the bill runs are this benchmark's
        return "imis demo-city --no-revenue"
    from imis_plugin.plain_city import make_city as plain

    plain(dsn, buildings, 0.5)
    # one holding per building, standard codes ward-zone(=1)-sequence-00, annual values 12,000-600,000
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SET LOCAL session_replication_role = replica")  # a generated city, not an edit history
        cur.execute("""
            WITH b AS (SELECT b.id, w.number AS ward, w.id AS ward_id,
                              row_number() OVER (PARTITION BY w.number ORDER BY b.bin) AS n
                       FROM imis_core.building b JOIN imis_core.ward w ON w.id = b.ward_id),
            h AS (INSERT INTO imis_core.holding (holding_code, ward_id, annual_value_bdt)
                  SELECT lpad(ward::text, 2, '0') || '-' || lpad((1 + n / 10000)::text, 3, '0') || '-'
                         || lpad((n % 10000)::text, 4, '0') || '-00', ward_id, round((12000 + random() * 588000)::numeric, -2)
                  FROM b RETURNING id, holding_code)
            INSERT INTO imis_core.building_holding (building_id, holding_id)
            SELECT b.id, h.id FROM b JOIN h ON h.holding_code = lpad(b.ward::text, 2, '0') || '-'
                 || lpad((1 + b.n / 10000)::text, 3, '0') || '-' || lpad((b.n % 10000)::text, 4, '0') || '-00'""")
    return "imis_plugin.plain_city grid + one holding per building"


def anchor_seconds(dsn: str, run_code: str, quarter: int) -> float:
    """The run's bill computation into a bare temporary table: no constraint, trigger or audit row."""
    statement = billing._INSERT_BILLS.replace("INSERT INTO imis_revenue.bill (", "INSERT INTO anchor (")
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("CREATE TEMP TABLE anchor (LIKE imis_revenue.bill INCLUDING DEFAULTS)")
        start = time.perf_counter()
        cur.execute(statement, {"fy": FY, "q": quarter, "code": run_code + "-A",
                                "run": "00000000-0000-0000-0000-000000000000"})
        seconds = time.perf_counter() - start
        conn.rollback()
    return seconds


def pay_bills(dsn: str, run_code: str) -> int:
    """Set-based payments: 30% pay the whole year with the rebate in time, 20% part of the quarter late,
    10% the quarter exactly; the rest nothing."""
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("""
            INSERT INTO imis_revenue.payment (bill_id, amount_bdt, paid_on, channel, reference)
            SELECT b.id,
                   CASE WHEN x < 0.3 THEN b.full_year_bdt WHEN x < 0.5 THEN round(b.current_bdt / 2, 2) ELSE b.current_bdt END,
                   CASE WHEN x < 0.3 THEN DATE '2024-09-20' WHEN x < 0.5 THEN DATE '2024-10-10' ELSE DATE '2024-09-25' END,
                   'bank', 'BENCH-' || b.bill_number
            FROM (SELECT b.*, ('x' || substr(md5(b.bill_number), 1, 8))::bit(32)::int::float8 / 4294967296 + 0.5 AS x
                  FROM imis_revenue.bill b JOIN imis_revenue.bill_run r ON r.id = b.bill_run_id AND r.code = %s) b
            WHERE x < 0.6 AND b.total_due_bdt > 0""", (run_code,))
        return cur.rowcount


def gateway_file(dsn: str, run_code: str, rows: int, path: Path) -> Path:
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("""SELECT b.bill_number, b.total_due_bdt FROM imis_revenue.bill b
                       JOIN imis_revenue.bill_run r ON r.id = b.bill_run_id AND r.code = %s
                       WHERE NOT EXISTS (SELECT 1 FROM imis_revenue.payment p WHERE p.bill_id = b.id)
                         AND b.total_due_bdt > 0 ORDER BY b.bill_number LIMIT %s""", (run_code, rows))
        lines = ["bill_number,transaction_id,amount,paid_on"]
        lines += [f"{n},EKP-{i:07d},{amount},2024-12-20" for i, (n, amount) in enumerate(cur.fetchall())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dsn")
    parser.add_argument("--buildings", type=int, default=156_052)
    parser.add_argument("--runs", type=int, default=3, help="re-runs of the draft, for the median")
    parser.add_argument("--keep", action="store_true", help="the city is there already")
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()
    dsn = args.dsn
    results = []

    def row(work, seconds, note=""):
        results.append((work, seconds, note))
        print(f"{work:<62} {seconds:8.2f} s  {note}", flush=True)

    if not args.keep:
        seconds, source = timed(make_city, dsn, args.buildings)
        row(f"city ({source})", seconds, f"{args.buildings:,} buildings")
    billing.set_rates(dsn, FY, RATES)
    holdings = scalar(dsn, "SELECT count(*) FROM imis_core.holding WHERE annual_value_bdt > 0")

    seconds, q1 = timed(billing.run_bills, dsn, FY, 1)
    row("Q1 bill run, first (no arrears)", seconds, f"{q1.bills:,} bills of {holdings:,} valued holdings")
    reruns = [timed(billing.run_bills, dsn, FY, 1)[0] for _ in range(args.runs)]
    row("Q1 bill run, re-run of the draft (replaces every bill), median", statistics.median(reruns),
        f"{args.runs} runs: " + ", ".join(f"{s:.1f}" for s in reruns))
    row("anchor: the same computation into a bare temp table", anchor_seconds(dsn, q1.code, 1))
    seconds, _ = timed(billing.sign_off, dsn, q1.code)
    row("sign-off", seconds)
    seconds, _ = timed(billing.issue, dsn, q1.code)
    row("issue", seconds)
    seconds, paid = timed(pay_bills, dsn, q1.code)
    row("payments, set-based INSERT", seconds, f"{paid:,} payments")

    seconds, q2 = timed(billing.run_bills, dsn, FY, 2)
    arrears = scalar(dsn, "SELECT count(*) FILTER (WHERE arrears_bdt > 0) || ' arrears, ' || "
                          "count(*) FILTER (WHERE advance_bdt > 0) || ' advances' FROM imis_revenue.bill b "
                          "JOIN imis_revenue.bill_run r ON r.id = b.bill_run_id AND r.code = %s", (q2.code,))
    row("Q2 bill run (every balance carried)", seconds, f"{q2.bills:,} bills, {arrears}")
    reruns = [timed(billing.run_bills, dsn, FY, 2)[0] for _ in range(args.runs)]
    row("Q2 bill run, re-run of the draft, median", statistics.median(reruns),
        f"{args.runs} runs: " + ", ".join(f"{s:.1f}" for s in reruns))
    row("anchor: Q2 computation into a bare temp table", anchor_seconds(dsn, q2.code, 2))
    billing.sign_off(dsn, q2.code)
    billing.issue(dsn, q2.code)

    # aggregates over the columns a layer shows, so that the planner cannot leave out the joins behind them
    seconds, n = timed(scalar, dsn, "SELECT count(*) + 0 * sum(balance_bdt) + 0 * count(DISTINCT status) "
                                    "+ 0 * count(DISTINCT last_bill_number) FROM imis_app.holding_tax_account")
    row("holding_tax_account, whole city", seconds, f"{int(n):,} holdings")
    seconds, n = timed(scalar, dsn, "SELECT count(*) + 0 * sum(outstanding_bdt) + 0 * count(DISTINCT status) "
                                    "+ 0 * count(DISTINCT holding_codes) FROM imis_app.building_tax_due")
    row("building_tax_due (the map layer), whole city", seconds, f"{int(n):,} buildings")
    work = Path(tempfile.mkdtemp(prefix="imis-bench-revenue-"))
    gateway = gateway_file(dsn, q2.code, 10_000, work / "ekpay.csv")
    seconds, imported = timed(payments.import_gateway_file, dsn, gateway)
    row("gateway file, 10,000 rows", seconds, f"{imported.applied:,} applied")
    seconds, again = timed(payments.import_gateway_file, dsn, gateway)
    row("the same file again (idempotent)", seconds, f"{again.duplicates:,} duplicates, {again.applied} applied")
    seconds, written = timed(registers.bill_register, dsn, q2.code, work / "register.xlsx")
    row("bill register (Excel), whole run", seconds, f"{written['bills']:,} rows")
    if not args.no_pdf:
        from imis_plugin.project.screenshots import ensure_qgis
        from imis_plugin.revenue.printing import build_bills_pdf

        ensure_qgis()
        seconds, printed = timed(build_bills_pdf, dsn, q2.code, work / "bills.pdf", limit=100)
        row("printable bills, 100 (PDF via print layout)", seconds, f"{printed['bills']} pages")
    audit = scalar(dsn, "SELECT pg_size_pretty(pg_total_relation_size('imis_audit.log'))")
    print(f"\naudit log now {audit}; outputs in {work}")
    print("\n| work | s | note |\n|---|---|---|")
    for work_name, seconds, note in results:
        print(f"| {work_name} | {seconds:.2f} | {note} |")


if __name__ == "__main__":
    main()
