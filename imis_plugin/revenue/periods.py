"""Fiscal years (July to June in Bangladesh; 2025 is July 2025 - June 2026) and their quarters."""
from __future__ import annotations

import datetime as dt

from .errors import RevenueError


def fiscal_year_label(fiscal_year: int) -> str:
    return f"{fiscal_year}-{(fiscal_year + 1) % 100:02d}"


def quarter_bounds(fiscal_year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of a quarter: Q1 July-September ... Q4 April-June of the next calendar year."""
    if quarter not in (1, 2, 3, 4):
        raise RevenueError(f"Quarter {quarter} does not exist: a fiscal year has quarters 1 to 4.")
    month = 7 + 3 * (quarter - 1)
    year = fiscal_year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, 1), month_end(dt.date(year, month + 2, 1))  # quarters never span a new year


def month_end(day: dt.date) -> dt.date:
    """The last day of the month of `day`."""
    following = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return following - dt.timedelta(days=1)


def parse_date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise RevenueError(f"{what} {text!r} is not a date (YYYY-MM-DD).") from None


def parse_month(text: str, what: str = "month") -> dt.date:
    try:
        return dt.datetime.strptime(text.strip(), "%Y-%m").date()
    except (ValueError, AttributeError):
        raise RevenueError(f"{what} {text!r} is not a month (YYYY-MM).") from None
