"""The `imis revenue` commands (registered by imis_plugin.cli): holding-tax rates, assessments and bill
runs, payments and gateway files, printable bills and registers, water bills, and a status summary.

Every command acts with the rights of the login it connects as (--service / --dsn): a bill run is signed
off only when that login is a revenue chief."""
from __future__ import annotations

import datetime as dt
import signal
import sys
from decimal import Decimal, InvalidOperation

from .errors import RevenueError
from .periods import parse_date, parse_month


def _progress():
    from ..cli import _progress_bar
    from ..fsm.progress import Progress

    return Progress(_progress_bar if sys.stderr.isatty() else None)


def _target(args) -> str:
    from ..cli import _target as target

    return target(args)


def _amount(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise RevenueError(f"{text!r} is not an amount (taka, a dot for decimals).") from None


def add_parsers(sub, target_options) -> None:
    revenue = sub.add_parser("revenue", help="holding tax, water supply billing and solid waste")
    rsub = revenue.add_subparsers(dest="revenue_command", required=True)

    p = rsub.add_parser("rates", help="show or set a fiscal year's holding tax and rates (%% of annual value)",
                        description="Rates of one fiscal year (2025 = July 2025 - June 2026). Their total may not "
                                    "exceed 39% of annual value; the database refuses more.")
    target_options(p)
    p.add_argument("--year", type=int, required=True, help="fiscal year (its first calendar year)")
    for rate in ("holding-tax", "conservancy", "lighting", "water", "sewerage", "fire"):
        p.add_argument(f"--{rate}", type=float, metavar="PCT", help=f"{rate.replace('-', ' ')} rate, %% of annual value")
    p.add_argument("--maintenance-months", type=int, choices=(0, 2),
                   help="months of rent deducted for maintenance in annual values (2: the City Corporation rule)")
    p.add_argument("--rebate", type=float, metavar="PCT", help="rebate for paying the year with the first instalment (10)")
    p.set_defaults(func=cmd_rates)

    p = rsub.add_parser("assess", help="a holding's rent-based assessment of annual value")
    target_options(p)
    p.add_argument("holding", metavar="HOLDING_CODE")
    p.add_argument("--year", type=int, required=True, help="first fiscal year it applies to")
    p.add_argument("--monthly-rent", required=True, metavar="BDT")
    p.add_argument("--maintenance-months", type=int, choices=(0, 2), help="default: the year's rate setting")
    p.set_defaults(func=cmd_assess)

    p = rsub.add_parser("bill-run", help="bill every holding for a quarter (a draft run, re-runnable until signed off)")
    target_options(p)
    p.add_argument("--year", type=int, required=True, help="fiscal year (its first calendar year)")
    p.add_argument("--quarter", type=int, required=True, choices=(1, 2, 3, 4))
    p.add_argument("--due", metavar="DATE", help="due date (default: the quarter's last day)")
    p.add_argument("--code", help="run code (default HT-<year>-Q<quarter>); bills are numbered <code>-NNNNNN")
    p.set_defaults(func=cmd_bill_run)

    for name, text in (("sign-off", "sign off a draft run (revenue chief only)"),
                       ("withdraw", "withdraw the sign-off of a run not yet issued (revenue chief only)"),
                       ("issue", "issue a signed-off run: its bills become due")):
        p = rsub.add_parser(name, help=text)
        target_options(p)
        p.add_argument("code", metavar="RUN")
        p.set_defaults(func=cmd_state, state=name)

    p = rsub.add_parser("runs", help="the bill runs and their states")
    target_options(p)
    p.set_defaults(func=cmd_runs)

    p = rsub.add_parser("pay", help="record a payment taken at the counter against a bill")
    target_options(p)
    p.add_argument("bill", metavar="BILL_NUMBER")
    p.add_argument("amount", metavar="BDT")
    p.add_argument("--date", metavar="DATE", help="paid on (default today)")
    p.add_argument("--channel", default="counter", help="counter, bank or mobile_banking (default counter)")
    p.add_argument("--reference", help="receipt or transaction number")
    p.add_argument("--water", action="store_true", help="BILL_NUMBER is a water bill")
    p.set_defaults(func=cmd_pay)

    p = rsub.add_parser("import-payments", help="apply a payment-gateway file (CSV) matched by bill number",
                        description="Columns: bill_number, transaction_id, amount, paid_on. Re-reading a file "
                                    "applies nothing twice; mismatches are reported and not applied.")
    target_options(p)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--gateway", default="ekpay", help="the gateway (a payment channel code, default ekpay)")
    p.add_argument("--all-or-nothing", action="store_true", help="apply nothing when any row mismatches")
    p.add_argument("--report", metavar="PATH", help="write every row's outcome to this CSV file")
    p.set_defaults(func=cmd_import)

    p = rsub.add_parser("print", help="printable bills of a run (PDF, English and Bangla)")
    target_options(p)
    p.add_argument("code", metavar="RUN")
    p.add_argument("--pdf", "-o", required=True, metavar="PATH")
    p.add_argument("--ward", type=int, help="only this ward")
    p.add_argument("--holding", action="append", metavar="CODE", help="only these holdings (repeatable)")
    p.add_argument("--limit", type=int, help="at most this many bills")
    p.set_defaults(func=cmd_print)

    p = rsub.add_parser("register", help="Excel registers: a run's bills, payments of a period, a month's water bills")
    target_options(p)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--run", metavar="RUN", help="the bills of this run, with ward totals")
    what.add_argument("--payments", nargs=2, metavar=("FROM", "TO"), help="payments taken between two dates")
    what.add_argument("--water", metavar="YYYY-MM", help="the water bills of a month")
    p.add_argument("--output", "-o", required=True, metavar="PATH", help="the .xlsx file")
    p.set_defaults(func=cmd_register)

    p = rsub.add_parser("water-tariff", help="set a water category's slab tariff from a month on")
    target_options(p)
    p.add_argument("category", help="domestic, commercial, industrial, institutional, standpost")
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM")
    p.add_argument("--slab", action="append", required=True, metavar="FROM-TO:RATE",
                   help="e.g. 0-10:8 10-20:12 20-:18 (m3 and BDT per m3; repeat, the last open-ended)")
    p.add_argument("--fixed", type=float, default=0, help="fixed charge per month (BDT)")
    p.add_argument("--minimum", type=float, default=0, help="minimum consumption charge per month (BDT)")
    p.set_defaults(func=cmd_tariff)

    p = rsub.add_parser("water-bills", help="bill every metered connection for a month from its readings")
    target_options(p)
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--due", metavar="DATE", help="due date (default: 15 days after the month)")
    p.set_defaults(func=cmd_water_bills)

    p = rsub.add_parser("status", help="per ward: holding tax due, water payment status, solid-waste coverage")
    target_options(p)
    p.set_defaults(func=cmd_status)


def cmd_rates(args) -> int:
    from .billing import RATES, get_rates, set_rates

    given = {r: getattr(args, r) for r in RATES if getattr(args, r) is not None}
    dsn = _target(args)
    if given or args.maintenance_months is not None or args.rebate is not None:
        rates = set_rates(dsn, args.year, given, args.maintenance_months, args.rebate)
    else:
        rates = get_rates(dsn, args.year)
        if rates is None:
            raise RevenueError(f"No rates for fiscal year {args.year}: give them, e.g. --holding-tax 7 --conservancy 7.")
    print(f"Fiscal year {args.year}: " + ", ".join(f"{r.replace('_', ' ')} {rates[r]}%" for r in RATES)
          + f"; total {rates['total']}% (cap 39%); maintenance months {rates['maintenance_months']}; "
          f"rebate {rates['rebate_pct']}%")
    return 0


def cmd_assess(args) -> int:
    from .billing import assess

    value = assess(_target(args), args.holding, args.year, _amount(args.monthly_rent), args.maintenance_months)
    print(f"Holding {args.holding}: annual value {value:,.2f} BDT from fiscal year {args.year}.")
    return 0


def cmd_bill_run(args) -> int:
    from ..fsm.errors import Cancelled
    from .billing import run_bills

    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        result = run_bills(_target(args), args.year, args.quarter, parse_date(args.due, "--due") if args.due else None,
                           args.code, _progress())
    except KeyboardInterrupt:
        raise Cancelled("Interrupted: nothing was written.") from None
    print(result.describe())
    return 0


def cmd_state(args) -> int:
    from .billing import issue, sign_off, withdraw_sign_off

    action = {"sign-off": sign_off, "withdraw": withdraw_sign_off, "issue": issue}[args.state]
    run = action(_target(args), args.code)
    who = {"signed_off": f" by {run['signed_off_by']}", "issued": f" by {run['issued_by']}"}.get(run["state"], "")
    print(f"Bill run {run['code']} is {run['state'].replace('_', ' ')}{who}: {run['bill_count']:,} bills, "
          f"{run['total_bdt']:,.2f} BDT.")
    return 0


def cmd_runs(args) -> int:
    from .billing import bill_runs

    for r in bill_runs(_target(args)):
        print(f"{r['code']:<14} FY {r['fiscal_year']} Q{r['quarter']} due {r['due_date']}  {r['state']:<10} "
              f"{r['bill_count']:>8,} bills {r['total_bdt']:>16,.2f} BDT  "
              f"{('signed off by ' + r['signed_off_by']) if r['signed_off_by'] else ''}")
    return 0


def cmd_pay(args) -> int:
    from .payments import record_payment
    from .water import record_water_payment

    paid_on = parse_date(args.date, "--date") if args.date else dt.date.today()
    if args.water:
        record_water_payment(_target(args), args.bill, _amount(args.amount), paid_on, args.channel, args.reference)
        print(f"Recorded {_amount(args.amount):,.2f} BDT on water bill {args.bill}.")
        return 0
    position = record_payment(_target(args), args.bill, _amount(args.amount), paid_on, args.channel, args.reference)
    print(f"Recorded {_amount(args.amount):,.2f} BDT on bill {position['bill_number']}: paid "
          f"{position['paid_bdt']:,.2f} of {position['total_due_bdt']:,.2f} BDT, "
          f"{position['remaining_bdt']:,.2f} BDT remaining.")
    return 0


def cmd_import(args) -> int:
    from .payments import import_gateway_file, write_report

    result = import_gateway_file(_target(args), args.file, args.gateway, args.all_or_nothing, _progress())
    print(result.describe())
    if args.report:
        print(f"Report: {write_report(result, args.report)}")
    return 1 if result.mismatches else 0


def cmd_print(args) -> int:
    from .printing import build_bills_pdf

    written = build_bills_pdf(_target(args), args.code, args.pdf, args.ward, args.holding, args.limit, _progress())
    print(f"{written['bills']:,} bills written to {written['path']}")
    return 0


def cmd_register(args) -> int:
    from .registers import bill_register, payment_register, water_register

    dsn = _target(args)
    if args.run:
        written = bill_register(dsn, args.run, args.output, _progress())
        print(f"Bill register: {written['path']} ({written['bills']:,} bills)")
    elif args.payments:
        written = payment_register(dsn, parse_date(args.payments[0], "FROM"), parse_date(args.payments[1], "TO"),
                                   args.output)
        print(f"Payment register: {written['path']} ({written['payments']:,} payments, "
              f"{written['amount_bdt']:,.2f} BDT)")
    else:
        written = water_register(dsn, parse_month(args.water, "--water"), args.output)
        print(f"Water register: {written['path']} ({written['bills']:,} bills)")
    return 0


def _slab(text: str) -> tuple[float, float | None, float]:
    try:
        span, rate = text.split(":")
        low, high = span.split("-")
        return float(low), (float(high) if high.strip() else None), float(rate)
    except ValueError:
        raise RevenueError(f"--slab {text!r} is not FROM-TO:RATE (e.g. 0-10:8, or 20-:18 for the last).") from None


def cmd_tariff(args) -> int:
    from .water import set_tariff

    start = parse_month(args.start, "--from")
    set_tariff(_target(args), args.category, start, [_slab(s) for s in args.slab], args.fixed, args.minimum)
    print(f"Water tariff {args.category} from {start:%Y-%m}: {len(args.slab)} slabs, fixed {args.fixed} BDT, "
          f"minimum {args.minimum} BDT.")
    return 0


def cmd_water_bills(args) -> int:
    from .water import water_billing_run

    result = water_billing_run(_target(args), parse_month(args.month, "--month"),
                               parse_date(args.due, "--due") if args.due else None, _progress())
    print(result.describe())
    return 0


def cmd_status(args) -> int:
    print(status_report(_target(args)), end="")
    return 0


def status_report(dsn: str) -> str:
    """Per ward: holding tax billed, paid, outstanding and overdue; water connections by status; solid-waste
    coverage and payments (the text of `imis revenue status`, also written by `make demo`)."""
    from ..db.connect import transaction

    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        cur.execute("""SELECT w.number, count(a.holding_id), coalesce(sum(a.billed_bdt), 0), coalesce(sum(a.paid_bdt), 0),
                              coalesce(sum(greatest(a.balance_bdt, 0)), 0), count(*) FILTER (WHERE a.status = 'overdue')
                       FROM imis_app.holding_tax_account a LEFT JOIN imis_core.ward w ON w.id = a.ward_id
                       GROUP BY w.number ORDER BY w.number NULLS LAST""")
        tax = cur.fetchall()
        cur.execute("SELECT ward, buildings, coverage_pct, route_coverage_pct, active_customers, paid_last_month_pct "
                    "FROM imis_app.swm_ward_status ORDER BY ward")
        swm = cur.fetchall()
        cur.execute("SELECT status, count(*), coalesce(sum(balance_bdt), 0) FROM imis_app.water_connection_status "
                    "GROUP BY status ORDER BY status")
        water = cur.fetchall()
    lines = ["Holding tax (issued bills)",
             " ward  holdings          billed            paid     outstanding  overdue"]
    for ward, n, billed, paid, out, overdue in tax:
        lines.append(f" {ward if ward is not None else '-':>4} {n:>9,} {billed:>15,.2f} {paid:>15,.2f} "
                     f"{out:>15,.2f} {overdue:>8,}")
    lines += ["Water connections", *(f" {s:<11} {n:>7,} balance {b:>14,.2f} BDT" for s, n, b in water)]
    lines += ["Solid waste", " ward  buildings  served%  near route%  customers  paid last month%"]
    for ward, b, cov, route, customers, paid in swm:
        lines.append(f" {ward:>4} {b:>10,} {cov if cov is not None else '-':>8} "
                     f"{route if route is not None else '-':>12} {customers:>10,} "
                     f"{paid if paid is not None else '-':>17}")
    return "\n".join(lines) + "\n"
