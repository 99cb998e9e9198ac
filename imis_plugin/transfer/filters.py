"""Export filters as structured input, never SQL text: ward number, bounding box or area, attribute
conditions (``field=value``, ``field>=value`` ...) and a date range. Each becomes a condition with bound
values; field names must be columns of the exported layer."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from psycopg2 import sql

from .errors import TransferError

OPERATORS = (">=", "<=", "!=", "=", ">", "<", "~")
_CONDITION = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(>=|<=|!=|=|>|<|~)(.*)$", re.S)


@dataclass
class Condition:
    field: str
    operator: str
    value: str


@dataclass
class Filters:
    ward: int | None = None
    conditions: list[Condition] = field(default_factory=list)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    date_field: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    bbox_srid: int | None = None  # CRS of the box when not the city's
    area_wkt: str | None = None  # WKT or EWKT
    area_srid: int | None = None  # CRS of a WKT area without SRID= when not the city's

    @property
    def spatial(self) -> bool:
        return self.bbox is not None or self.area_wkt is not None


def parse_condition(text: str) -> Condition:
    """``ward_number=3``, ``floor_count>=2``, ``functional_use=residential,mixed``, ``name~market``."""
    match = _CONDITION.match(text or "")
    if not match:
        raise TransferError(f"Filter {text!r} is not field<operator>value; operators: {' '.join(OPERATORS)} "
                            "(e.g. floor_count>=2, functional_use=residential,mixed, name~market).")
    return Condition(match.group(1), match.group(2), match.group(3).strip())


def parse_date(text: str | None, what: str) -> dt.date | None:
    if text in (None, ""):
        return None
    if isinstance(text, dt.date):
        return text
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise TransferError(f"{what} {text!r} is not a date (YYYY-MM-DD).") from None


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    try:
        values = tuple(float(v) for v in text.replace(" ", "").split(","))
    except ValueError:
        values = ()
    if len(values) != 4 or values[0] >= values[2] or values[1] >= values[3]:
        raise TransferError(f"Bounding box {text!r} is not xmin,ymin,xmax,ymax.")
    return values


def condition_sql(condition: Condition, expr: sql.Composable, sql_type: str, name: str) -> tuple[sql.Composable, dict]:
    """One attribute condition on ``expr`` (of type ``sql_type``) with its bound values."""
    value_name = f"w_{name}"
    cast = sql.SQL(sql_type)
    if condition.operator == "~":
        return (sql.SQL("{e}::text ILIKE {v}").format(e=expr, v=sql.Placeholder(value_name)),
                {value_name: "%" + condition.value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"})
    if condition.operator in ("=", "!=") and "," in condition.value:
        values = [v.strip() for v in condition.value.split(",")]
        template = "{e} = ANY({v}::{t}[])" if condition.operator == "=" else "NOT ({e} = ANY({v}::{t}[]))"
        return sql.SQL(template).format(e=expr, v=sql.Placeholder(value_name), t=cast), {value_name: values}
    if condition.value == "" and condition.operator in ("=", "!="):
        return sql.SQL("{} IS NULL" if condition.operator == "=" else "{} IS NOT NULL").format(expr), {}
    operator = {"!=": "<>"}.get(condition.operator, condition.operator)
    return (sql.SQL("{e} {op} {v}::{t}").format(e=expr, op=sql.SQL(operator), v=sql.Placeholder(value_name), t=cast),
            {value_name: condition.value})
