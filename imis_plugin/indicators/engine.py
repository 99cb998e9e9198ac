"""Computing indicators: periods, areas, and the rows of ``imis_app.indicators`` as Python objects.

The figures are defined once, in SQL (database/app/50_indicators.sql); this module only names the period
and the area, calls the functions with bound parameters and turns database errors into IndicatorError.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from contextlib import nullcontext
from dataclasses import dataclass, field

import psycopg2

from ..db.connect import transaction

RULES = ("jmp", "city")
RULE_LABELS = {
    "jmp": "JMP safely managed (SDG 6.2.1a)",
    "city": "City rule (containment type and outlet, as Base IMIS)",
}
#: Indicator groups (one workbook sheet each) in report order, with their titles.
GROUPS = {
    "household": "Household sanitation",
    "fsm_chain": "Emptying and treatment",
    "toilets": "Shared, public, institutional",
    "water": "Water quality",
    "jmp": "JMP sanitation ladder",
    "service": "FSM service KPIs",
}


class IndicatorError(RuntimeError):
    """A request the indicator engine refuses (bad period, unknown area, published year...)."""


@dataclass(frozen=True)
class Period:
    date_from: dt.date
    date_to: dt.date  # inclusive
    label: str

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise IndicatorError(f"quarter {quarter} is not 1-4")
        first = dt.date(year, 3 * quarter - 2, 1)
        last_month = 3 * quarter
        return cls(first, dt.date(year, last_month, calendar.monthrange(year, last_month)[1]), f"{year}-Q{quarter}")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12:
            raise IndicatorError(f"month {month} is not 1-12")
        return cls(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]),
                   f"{year}-{month:02d}")

    @classmethod
    def parse(cls, text: str) -> Period:
        """'2025', '2025-Q2', '2025-03' or '2025-01-01..2025-06-30'."""
        text = (text or "").strip()
        if m := re.fullmatch(r"(\d{4})", text):
            return cls.year(int(m[1]))
        if m := re.fullmatch(r"(\d{4})-[Qq]([1-4])", text):
            return cls.quarter(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
            return cls.month(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", text):
            first, last = dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2])
            if first > last:
                raise IndicatorError(f"period {text}: the first day is after the last")
            return cls(first, last, text)
        raise IndicatorError(f"period {text!r} is not YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD")

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1


@dataclass(frozen=True)
class Area:
    """The city, a ward (by number), a low-income community (by code) or a polygon (WKT in ``srid``)."""

    kind: str
    code: str | None = None
    wkt: str | None = None
    srid: int | None = None
    label: str = "Whole city"

    @classmethod
    def city(cls) -> Area:
        return cls("city")

    @classmethod
    def ward(cls, number: int | str) -> Area:
        return cls("ward", str(number).strip(), label=f"Ward {str(number).strip()}")

    @classmethod
    def lic(cls, code: str) -> Area:
        return cls("lic", code.strip(), label=f"Low-income community {code.strip()}")

    @classmethod
    def polygon(cls, wkt: str, srid: int, label: str = "Drawn area") -> Area:
        return cls("polygon", wkt=wkt, srid=srid, label=label)

    def sql(self) -> tuple[str, dict]:
        """The SQL expression of the area's geometry (NULL for the city) and its parameters."""
        if self.kind == "city":
            return "NULL::geometry", {}
        if self.kind in ("ward", "lic"):
            return "imis_app.indicator_area(%(area_kind)s, %(area_code)s)", {"area_kind": self.kind,
                                                                              "area_code": self.code}
        if self.kind == "polygon":
            return "ST_GeomFromText(%(area_wkt)s, %(area_srid)s)", {"area_wkt": self.wkt, "area_srid": self.srid or 0}
        raise IndicatorError(f"area kind {self.kind!r} is not city, ward, lic or polygon")


def _num(value):
    return None if value is None else float(value)


@dataclass
class IndicatorRow:
    indicator: str  # code-list key, e.g. sf_1a
    code: str  # e.g. SF-1a
    name: str
    name_bn: str
    group: str
    outcome: str
    rule: str | None
    numerator: float | None
    denominator: float | None
    value: float | None
    unit: str
    target: float | None
    meets_target: bool | None
    reason: str | None
    sort: int
    area: str = ""
    period: str = ""

    @property
    def label(self) -> str:
        """Code and rule, e.g. 'SF-1a (jmp)'."""
        return f"{self.code} ({self.rule})" if self.rule else self.code

    def value_text(self) -> str:
        if self.value is None:
            return "—"
        if self.unit == "%":
            return f"{self.value:.2f} %"
        if self.unit in ("ratio", "score"):
            return f"{self.value:.3f}"
        if self.unit == "count":
            return f"{self.value:.0f}"
        return f"{self.value:.2f} {self.unit}"


@dataclass
class FlowRow:
    stage: str
    label: str
    population: float
    share: float | None
    safe: bool | None


@dataclass
class Result:
    rows: list[IndicatorRow]
    period: Period
    area: Area
    rules: tuple[str, ...]
    city: str = ""
    flows: list[FlowRow] = field(default_factory=list)


_COLUMNS = ("indicator, code, name, name_bn, indicator_group, outcome, rule, numerator, denominator, value, unit, "
            "target, meets_target, reason, sort")


def _error(exc: psycopg2.Error) -> IndicatorError:
    message = (exc.diag.message_primary if exc.diag and exc.diag.message_primary else str(exc)).strip()
    return IndicatorError(message.splitlines()[0])


def _check_rules(rules) -> tuple[str, ...]:
    rules = tuple(dict.fromkeys(rules or RULES))
    unknown = [r for r in rules if r not in RULES]
    if unknown:
        raise IndicatorError(f"rules {unknown} are not {' or '.join(RULES)}")
    return rules


def _connection(target):
    """A DSN: a transaction of its own (a lost connection explained as an IndicatorError); an open connection:
    itself, in its owner's transaction."""
    return transaction(target, IndicatorError) if isinstance(target, str) else nullcontext(target)


def _run(conn, query: str, params: dict):
    with conn.cursor() as cur:
        try:
            cur.execute(query, params)
        except psycopg2.Error as exc:
            conn.rollback()  # fails on a lost connection: the transaction's owner explains that
            raise _error(exc) from None
        return cur.fetchall()


def compute(target, period: Period, area: Area | None = None, rules=RULES, provider: str | None = None,
            with_flows: bool = False) -> Result:
    """Every indicator for ``area`` (default: the city) and ``period``. ``target``: a DSN or an open
    psycopg2 connection (read in its transaction). ``provider``: a service provider's code."""
    area = area or Area.city()
    rules = _check_rules(rules)
    geometry, params = area.sql()
    params.update({"from": period.date_from, "to": period.date_to, "rules": list(rules), "provider": provider})
    with _connection(target) as conn:
        provider_sql = "NULL::uuid"
        if provider:
            found = _run(conn, "SELECT id FROM imis_fsm.service_provider WHERE code = %(provider)s", params)
            if not found:
                raise IndicatorError(f"there is no service provider {provider!r}")
            params["provider_id"] = found[0][0]
            provider_sql = "%(provider_id)s::uuid"
        # geometry and provider_sql are fixed SQL fragments chosen above; every value is a bound parameter
        query = (f"SELECT {_COLUMNS} FROM imis_app.indicators(%(from)s, %(to)s, {geometry}, "
                 f"%(rules)s::text[], {provider_sql})")
        rows = [IndicatorRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _num(r[7]), _num(r[8]), _num(r[9]), r[10],
                             _num(r[11]), r[12], r[13], r[14], area.label, period.label)
                for r in _run(conn, query, params)]
        city = _run(conn, "SELECT coalesce(name, code, 'City') FROM imis_core.city", {})[0][0]
        flows = excreta_flow(conn, period, area) if with_flows else []
        return Result(rows, period, area, rules, city, flows)


def excreta_flow(target, period: Period, area: Area | None = None) -> list[FlowRow]:
    """Population shares from containment to treatment (imis_app.excreta_flow)."""
    area = area or Area.city()
    geometry, params = area.sql()
    params.update({"from": period.date_from, "to": period.date_to})
    with _connection(target) as conn:
        rows = _run(conn, f"SELECT stage, label, population, share, safe FROM "
                          f"imis_app.excreta_flow(%(from)s, %(to)s, {geometry})", params)
        return [FlowRow(r[0], r[1], float(r[2]), _num(r[3]), r[4]) for r in rows]


def wards(target) -> list[tuple[int, str]]:
    """(number, name) of every ward."""
    with _connection(target) as conn:
        return [(n, name) for n, name in _run(
            conn, "SELECT number, coalesce(name, 'Ward ' || number) FROM imis_core.ward ORDER BY number", {})]


def check_ranges(rows: list[IndicatorRow], target) -> list[str]:
    """Problems with rows: a value outside its indicator's range, or NULL without a reason (for tests and
    for the KPI summary's own check)."""
    with _connection(target) as conn:
        limits = {k: (_num(lo), _num(hi)) for k, lo, hi in
                  _run(conn, "SELECT value, min_value, max_value FROM imis_code.indicator", {})}
    problems = []
    for row in rows:
        lo, hi = limits[row.indicator]
        if row.value is None:
            if not row.reason:
                problems.append(f"{row.label}: no value and no reason")
        elif (lo is not None and row.value < lo) or (hi is not None and row.value > hi):
            problems.append(f"{row.label}: {row.value} outside [{lo}, {hi}]")
    return problems
