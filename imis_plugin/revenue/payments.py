"""Holding-tax payments: one taken at the counter, or a payment-gateway file (ekPay...) matched by bill number.

A gateway file is CSV with a header row; the columns (any order, case and surrounding spaces ignored):

    bill_number     the number printed on the bill (e.g. HT-2025-Q1-000123)
    transaction_id  the gateway's own reference of the payment (also: trx_id, txn_id, reference)
    amount          taka, a dot for decimals, at most two of them (also: amount_bdt)
    paid_on         YYYY-MM-DD, or an ISO date-time whose date counts (also: paid_at, date)

Reading is idempotent: a transaction already recorded for the same bill and amount is a duplicate and is
skipped, so the same file (or an overlapping one) can be read again safely. A malformed file (a column
missing, a row whose amount or date cannot be read, a date in the future) is refused whole, with every
problem named by line and column. Well-formed rows that do not match (no such bill, a bill not issued yet,
a transaction recorded earlier with another bill or amount, the same transaction twice in the file with
different values) are reported as mismatches and not applied; the rest is applied in one transaction, or,
with ``all_or_nothing``, nothing is applied when anything mismatches.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import psycopg2
import psycopg2.extras

from ..db.connect import transaction
from ..fsm.progress import Progress
from .errors import RevenueError, database_message

COLUMNS = {
    "bill_number": ("bill_number", "bill_no", "bill"),
    "transaction_id": ("transaction_id", "trx_id", "txn_id", "reference"),
    "amount": ("amount", "amount_bdt"),
    "paid_on": ("paid_on", "paid_at", "date"),
}


class ImportRejected(RevenueError):
    """The file is malformed: nothing was written. ``problems`` lists (line, column, what is wrong)."""

    def __init__(self, path: Path, problems: list[tuple[int, str, str]]):
        self.problems = problems
        shown = "\n".join(f"  {path.name}, line {line}, {column}: {what}" for line, column, what in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{path.name} was not imported ({len(problems)} problem(s), nothing written):\n{shown}{more}")


@dataclass
class Row:
    line: int
    bill_number: str
    transaction_id: str
    amount: Decimal
    paid_on: dt.date
    outcome: str = ""
    reason: str = ""


@dataclass
class ImportResult:
    path: Path
    gateway: str
    rows: list[Row] = field(default_factory=list)
    import_id: str | None = None
    written: bool = False

    def _count(self, outcome):
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def applied(self) -> int:
        return self._count("applied")

    @property
    def duplicates(self) -> int:
        return self._count("duplicate")

    @property
    def mismatches(self) -> list[Row]:
        return [r for r in self.rows if r.outcome == "mismatch"]

    @property
    def applied_bdt(self) -> Decimal:
        return sum((r.amount for r in self.rows if r.outcome == "applied"), Decimal(0))

    def describe(self) -> str:
        lines = [(f"{self.path.name}: {len(self.rows)} rows; {self.applied} applied ({self.applied_bdt:,.2f} BDT), "
                  f"{self.duplicates} already recorded, {len(self.mismatches)} mismatched.")]
        for r in self.mismatches[:20]:
            lines.append(f"  line {r.line}: {r.transaction_id} bill {r.bill_number} {r.amount} BDT: {r.reason}")
        if len(self.mismatches) > 20:
            lines.append(f"  ... and {len(self.mismatches) - 20} more (see the report)")
        if not self.written:
            lines.append("Nothing was written" + (" (all or nothing: a row did not match)." if self.rows else "."))
        return "\n".join(lines)


def _header_map(fieldnames: list[str], path: Path) -> dict[str, str]:
    found = {}
    normalised = {(name or "").strip().lower(): name for name in fieldnames}
    for column, aliases in COLUMNS.items():
        for alias in aliases:
            if alias in normalised:
                found[column] = normalised[alias]
                break
    missing = [c for c in COLUMNS if c not in found]
    if missing:
        raise ImportRejected(path, [(1, c, "column missing (header has: " + ", ".join(fieldnames) + ")")
                                    for c in missing])
    return found


def _amount(text: str) -> Decimal:
    value = Decimal(text.replace(",", "") if text.count(",") and "." in text else text)
    if not value.is_finite():
        raise InvalidOperation
    return value


def read_gateway_file(path: str | Path) -> tuple[list[Row], str]:
    """Parse and check a gateway file; returns its rows and SHA-256, or raises ImportRejected."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RevenueError(f"{path} cannot be read: {exc.strerror}.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(path, [(text_line(data, exc.start), "-", "not UTF-8 text")]) from None
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames:
        raise ImportRejected(path, [(1, "-", "the file is empty (a header row is needed)")])
    columns = _header_map(reader.fieldnames, path)
    rows, problems = [], []
    today = dt.date.today()
    for line, record in enumerate(reader, start=2):
        values = {c: (record.get(columns[c]) or "").strip() for c in COLUMNS}
        if not any(values.values()):
            continue  # a blank line
        bad = len(problems)
        for c in ("bill_number", "transaction_id"):
            if not values[c]:
                problems.append((line, c, "empty"))
        amount = paid_on = None
        try:
            amount = _amount(values["amount"])
            if amount <= 0:
                problems.append((line, "amount", f"{values['amount']!r} is not a positive amount"))
            elif amount != amount.quantize(Decimal("0.01")):
                problems.append((line, "amount", f"{values['amount']!r} has more than two decimals"))
        except (InvalidOperation, ValueError):
            problems.append((line, "amount", f"{values['amount']!r} is not a number"))
        try:
            paid_on = dt.datetime.fromisoformat(values["paid_on"]).date()
            if paid_on > today:
                problems.append((line, "paid_on", f"{paid_on} is in the future"))
        except ValueError:
            problems.append((line, "paid_on", f"{values['paid_on']!r} is not a date (YYYY-MM-DD)"))
        if len(problems) == bad:
            rows.append(Row(line, values["bill_number"], values["transaction_id"], amount, paid_on))
    if problems:
        raise ImportRejected(path, problems)
    return rows, hashlib.sha256(data).hexdigest()


def text_line(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def _within_file(rows: list[Row]) -> list[Row]:
    """The same transaction twice in one file: identical repeats are duplicates, differing ones mismatch."""
    first: dict[str, Row] = {}
    unique = []
    for r in rows:
        seen = first.get(r.transaction_id)
        if seen is None:
            first[r.transaction_id] = r
            unique.append(r)
        elif (seen.bill_number, seen.amount, seen.paid_on) == (r.bill_number, r.amount, r.paid_on):
            r.outcome, r.reason = "duplicate", f"repeats line {seen.line}"
        else:
            r.outcome, r.reason = "mismatch", f"transaction also on line {seen.line} with other values"
            if not seen.outcome:
                seen.outcome, seen.reason = "mismatch", f"transaction also on line {r.line} with other values"
    return [r for r in unique if not r.outcome]


_MATCH = """
SELECT i.line, b.id, b.bill_number, r.code, r.state, p.bill_number AS recorded_bill, p.amount_bdt AS recorded_amount
FROM incoming i
LEFT JOIN imis_revenue.bill b ON b.bill_number = i.bill_number
LEFT JOIN imis_revenue.bill_run r ON r.id = b.bill_run_id
LEFT JOIN (SELECT p.reference, pb.bill_number, p.amount_bdt FROM imis_revenue.payment p
           JOIN imis_revenue.bill pb ON pb.id = p.bill_id WHERE p.channel = %(channel)s) p
       ON p.reference = i.transaction_id
"""


def import_gateway_file(dsn: str, path: str | Path, gateway: str = "ekpay", all_or_nothing: bool = False,
                        progress: Progress | None = None) -> ImportResult:
    """Read a gateway file and apply what matches (see the module's description)."""
    report = progress or Progress()
    path = Path(path)
    report(5, f"reading {path.name}")
    rows, sha = read_gateway_file(path)
    result = ImportResult(path, gateway, rows)
    candidates = _within_file(rows)
    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        cur.execute("SELECT is_gateway FROM imis_code.payment_channel WHERE value = %s", (gateway,))
        channel = cur.fetchone()
        if channel is None or not channel[0]:
            cur.execute("SELECT string_agg(value, ', ' ORDER BY sort) FROM imis_code.payment_channel WHERE is_gateway")
            raise RevenueError(f"{gateway!r} is not a payment gateway IMIS knows; gateways: {cur.fetchone()[0]}.")
        report(20, "matching bills")
        cur.execute("CREATE TEMP TABLE incoming (line int PRIMARY KEY, bill_number text, transaction_id text, "
                    "amount numeric, paid_on date) ON COMMIT DROP")
        psycopg2.extras.execute_values(cur, "INSERT INTO incoming VALUES %s",
                                       [(r.line, r.bill_number, r.transaction_id, r.amount, r.paid_on)
                                        for r in candidates], page_size=1000)
        cur.execute(_MATCH, {"channel": gateway})
        by_line = {r.line: r for r in candidates}
        apply = []
        for line, bill_id, _, run_code, run_state, recorded_bill, recorded_amount in cur.fetchall():
            r = by_line[line]
            if recorded_bill is not None:
                if (recorded_bill, recorded_amount) == (r.bill_number, r.amount):
                    r.outcome, r.reason = "duplicate", "recorded by an earlier import"
                else:
                    r.outcome, r.reason = "mismatch", (f"transaction recorded earlier for bill {recorded_bill}, "
                                                       f"{recorded_amount} BDT")
            elif bill_id is None:
                r.outcome, r.reason = "mismatch", "no bill has this number"
            elif run_state != "issued":
                r.outcome, r.reason = "mismatch", f"the bill's run {run_code} is {run_state.replace('_', ' ')}, not issued"
            else:
                r.outcome = "applied"
                apply.append((bill_id, r))
        report.check()
        if all_or_nothing and result.mismatches:
            for _, r in apply:
                r.outcome, r.reason = "not_applied", "all or nothing: another row did not match"
            conn.rollback()
            return result
        report(60, f"applying {len(apply)} payments")
        try:
            cur.execute("INSERT INTO imis_revenue.payment_import (file_name, file_sha256, gateway, rows_read, applied, "
                        "duplicates, mismatches) VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id",
                        (path.name, sha, gateway, len(rows), len(apply), result.duplicates, len(result.mismatches)))
            result.import_id = str(cur.fetchone()[0])
            psycopg2.extras.execute_values(
                cur, "INSERT INTO imis_revenue.payment (bill_id, amount_bdt, paid_on, channel, reference, import_id) "
                     "VALUES %s", [(bill_id, r.amount, r.paid_on, gateway, r.transaction_id, result.import_id)
                                   for bill_id, r in apply], page_size=1000)
        except psycopg2.Error as exc:
            raise RevenueError(f"{path.name} was not imported, nothing written: {database_message(exc)}") from None
        report.check()
        result.written = True
        report(100, f"{len(apply)} payments applied")
    return result


def write_report(result: ImportResult, path: str | Path) -> Path:
    """Every row of the file with its outcome (applied, duplicate, mismatch) and why, as CSV."""
    path = Path(path)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["line", "transaction_id", "bill_number", "amount", "paid_on", "outcome", "reason"])
        for r in sorted(result.rows, key=lambda r: r.line):
            writer.writerow([r.line, r.transaction_id, r.bill_number, r.amount, r.paid_on, r.outcome, r.reason])
    return path


def record_payment(dsn: str, bill_number: str, amount: Decimal | float | str, paid_on: dt.date | None = None,
                   channel: str = "counter", reference: str | None = None, note: str | None = None) -> dict:
    """A payment taken at the counter (or bank, mobile banking) against a bill; returns the bill's position."""
    try:
        amount = Decimal(str(amount))
    except InvalidOperation:
        raise RevenueError(f"Amount {amount!r} is not a number.") from None
    with transaction(dsn, RevenueError) as conn, conn.cursor() as cur:
        cur.execute("SELECT id FROM imis_revenue.bill WHERE bill_number = %s", (bill_number,))
        row = cur.fetchone()
        if row is None:
            raise RevenueError(f"There is no bill {bill_number!r}.")
        try:
            cur.execute("INSERT INTO imis_revenue.payment (bill_id, amount_bdt, paid_on, channel, reference, note) "
                        "VALUES (%s, %s, %s, %s, %s, %s)",
                        (row[0], amount, paid_on or dt.date.today(), channel, reference, note))
        except psycopg2.Error as exc:
            raise RevenueError(database_message(exc)) from None
        cur.execute("SELECT b.bill_number, b.total_due_bdt, coalesce(sum(p.amount_bdt), 0) FROM imis_revenue.bill b "
                    "LEFT JOIN imis_revenue.payment p ON p.bill_id = b.id WHERE b.id = %s GROUP BY b.id", (row[0],))
        number, due, paid = cur.fetchone()
    return {"bill_number": number, "total_due_bdt": due, "paid_bdt": paid, "remaining_bdt": max(Decimal(0), due - paid)}
