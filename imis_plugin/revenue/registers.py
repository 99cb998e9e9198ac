"""Excel registers: the bills of a run (with a summary per ward), the payments taken in a period, and the
water bills of a month. Written row by row in openpyxl's write-only mode, so a whole city's run (156,000
bills) stays small in memory. Amounts are taka; the smaller sheets show them with two decimals."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..db.connect import transaction
from ..fsm.progress import Progress
from .errors import RevenueError
from .periods import fiscal_year_label

BILL_COLUMNS = (
    ("bill_number", "Bill number"), ("holding_code", "Holding"), ("ward", "Ward"), ("owner_name", "Owner"),
    ("owner_name_bn", "Owner (Bangla)"), ("address", "Address"), ("annual_value_bdt", "Annual value"),
    ("holding_tax_bdt", "Holding tax"), ("conservancy_bdt", "Conservancy"), ("lighting_bdt", "Lighting"),
    ("water_bdt", "Water"), ("sewerage_bdt", "Sewerage"), ("fire_bdt", "Fire"), ("current_bdt", "This quarter"),
    ("arrears_bdt", "Arrears"), ("advance_bdt", "Advance"), ("total_due_bdt", "Total due"),
    ("full_year_bdt", "Whole year with rebate"), ("rebate_bdt", "Rebate"), ("paid_bdt", "Paid"),
    ("last_paid_on", "Last paid on"),
)
MONEY = "#,##0.00"


def _sheet(book, title, header):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = Font(bold=True)
        cells.append(cell)
    sheet.append(cells)
    return sheet


def _money_row(sheet, values, money_from: int = 0):
    from openpyxl.cell import WriteOnlyCell

    row = []
    for i, v in enumerate(values):
        cell = WriteOnlyCell(sheet, value=float(v) if hasattr(v, "as_tuple") else v)
        if i >= money_from and hasattr(v, "as_tuple"):
            cell.number_format = MONEY
        row.append(cell)
    sheet.append(row)


def bill_register(dsn: str, run_code: str, path: str | Path, progress: Progress | None = None) -> dict:
    """The bills of a run, one row each, and a sheet of totals per ward."""
    from openpyxl import Workbook

    report = progress or Progress()
    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        cur.execute("SELECT code, fiscal_year, quarter, due_date, state, signed_off_by, signed_off_at, issued_by, "
                    "issued_at, bill_count FROM imis_revenue.bill_run WHERE code = %s", (run_code,))
        run = cur.fetchone()
        if run is None:
            raise RevenueError(f"There is no bill run {run_code!r}.")
        book = Workbook(write_only=True)
        about = book.create_sheet("Run")
        for key, value in zip(("Bill run", "Fiscal year", "Quarter", "Due date", "State", "Signed off by",
                               "Signed off at", "Issued by", "Issued at", "Bills"), run):
            if key == "Fiscal year":
                value = fiscal_year_label(value)
            if isinstance(value, dt.datetime):
                value = value.replace(tzinfo=None)
            about.append([key, value])
        about.append(["Written", dt.datetime.now().replace(microsecond=0)])
        bills = _sheet(book, "Bills", [title for _, title in BILL_COLUMNS])
        count = 0
        # plan the cursor for all its rows, not the first tenth (PostgreSQL's default guess for a cursor)
        cur.execute("SET LOCAL cursor_tuple_fraction = 1.0")
        with conn.cursor(name="bills") as rows:  # server-side: the city's bills are not held in memory at once
            rows.itersize = 5000
            rows.execute(f"SELECT {', '.join(c for c, _ in BILL_COLUMNS)} FROM imis_app.bill_register "
                         "WHERE run_code = %s ORDER BY bill_number", (run_code,))
            for row in rows:
                # plain values: a styled cell per amount doubles the time of a city's 156,000 rows
                bills.append([float(v) if hasattr(v, "as_tuple") else v for v in row])
                count += 1
                if count % 20000 == 0:
                    report(5 + 85 * count / max(run[-1], count), f"{count:,} bills")
        wards = _sheet(book, "Wards", ["Ward", "Bills", "This quarter", "Arrears", "Advance", "Total due", "Paid"])
        cur.execute("""SELECT ward, count(*), sum(current_bdt), sum(arrears_bdt), sum(advance_bdt), sum(total_due_bdt),
                              sum(paid_bdt)
                       FROM imis_app.bill_register WHERE run_code = %s GROUP BY ward ORDER BY ward NULLS LAST""",
                    (run_code,))
        for row in cur.fetchall():
            _money_row(wards, row, money_from=2)
    path = Path(path)
    book.save(path)
    report(100, f"{count:,} bills written to {path.name}")
    return {"path": path, "bills": count}


def payment_register(dsn: str, date_from: dt.date, date_to: dt.date, path: str | Path) -> dict:
    """Every holding-tax, water and solid-waste payment taken between two dates (inclusive), with totals
    per day and collector: the cash book a collector hands in."""
    from openpyxl import Workbook

    if date_to < date_from:
        raise RevenueError(f"The period ends ({date_to}) before it starts ({date_from}).")
    query = """
        SELECT p.paid_on, 'holding tax', b.bill_number, h.holding_code, p.amount_bdt, p.channel, p.reference, p.received_by
        FROM imis_revenue.payment p JOIN imis_revenue.bill b ON b.id = p.bill_id JOIN imis_core.holding h ON h.id = b.holding_id
        WHERE p.paid_on BETWEEN %(a)s AND %(b)s
        UNION ALL
        SELECT p.paid_on, 'water', wb.bill_number, c.connection_no, p.amount_bdt, p.channel, p.reference, p.received_by
        FROM imis_revenue.water_payment p JOIN imis_revenue.water_bill wb ON wb.id = p.water_bill_id
        JOIN imis_revenue.water_connection c ON c.id = wb.connection_id
        WHERE p.paid_on BETWEEN %(a)s AND %(b)s
        UNION ALL
        SELECT p.paid_on, 'solid waste', to_char(p.period_month, 'YYYY-MM'), c.customer_no, p.amount_bdt, p.channel,
               p.reference, p.received_by
        FROM imis_revenue.swm_payment p JOIN imis_revenue.swm_customer c ON c.id = p.customer_id
        WHERE p.paid_on BETWEEN %(a)s AND %(b)s
        ORDER BY 1, 2, 3"""
    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        cur.execute(query, {"a": date_from, "b": date_to})
        rows = cur.fetchall()
    book = Workbook(write_only=True)
    sheet = _sheet(book, "Payments", ["Paid on", "Service", "Bill / month", "Holding / connection / customer",
                                      "Amount", "Channel", "Reference", "Received by"])
    totals: dict[tuple, list] = {}
    for row in rows:
        _money_row(sheet, row, money_from=4)
        key = (row[0], row[7], row[1])
        entry = totals.setdefault(key, [0, 0])
        entry[0] += 1
        entry[1] += row[4]
    summary = _sheet(book, "Per day and collector", ["Paid on", "Received by", "Service", "Payments", "Amount"])
    for (day, who, service), (n, amount) in sorted(totals.items()):
        _money_row(summary, (day, who, service, n, amount), money_from=4)
    path = Path(path)
    book.save(path)
    return {"path": path, "payments": len(rows), "amount_bdt": sum((r[4] for r in rows), 0)}


def water_register(dsn: str, month: dt.date, path: str | Path) -> dict:
    """The water bills of a month with what was paid on them."""
    from openpyxl import Workbook

    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        cur.execute("""
            SELECT wb.bill_number, c.connection_no, b.bin, c.customer_name, c.category, m.meter_no, wb.opening_m3,
                   wb.closing_m3, wb.consumption_m3, wb.consumption_charge_bdt, wb.fixed_charge_bdt, wb.current_bdt,
                   wb.arrears_bdt, wb.advance_bdt, wb.total_due_bdt, wb.due_date,
                   coalesce((SELECT sum(amount_bdt) FROM imis_revenue.water_payment p WHERE p.water_bill_id = wb.id), 0)
            FROM imis_revenue.water_bill wb
            JOIN imis_revenue.water_connection c ON c.id = wb.connection_id
            JOIN imis_core.building b ON b.id = c.building_id
            JOIN imis_revenue.water_meter m ON m.id = wb.meter_id
            WHERE wb.period_month = %s ORDER BY wb.bill_number""", (month.replace(day=1),))
        rows = cur.fetchall()
    book = Workbook(write_only=True)
    sheet = _sheet(book, f"Water {month:%Y-%m}", [
        "Bill number", "Connection", "BIN", "Customer", "Category", "Meter", "Opening m3", "Closing m3", "Used m3",
        "Consumption charge", "Fixed charge", "This month", "Arrears", "Advance", "Total due", "Due date", "Paid"])
    for row in rows:
        _money_row(sheet, row, money_from=9)
    path = Path(path)
    book.save(path)
    return {"path": path, "bills": len(rows)}
