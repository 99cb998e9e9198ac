"""Filter, find and summarise by attribute: the features whose field matches a condition, counted (and a
numeric field summed) per ward and per grid cell (500 m by default).

The value typed by the user is data: it is converted to the field's type and bound as a parameter, never
written into SQL; text conditions compare exactly (``=``, ``in``) or case-insensitively by substring
(``contains``, ``starts with``: no wildcards, so ``%`` and ``_`` are ordinary characters).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from psycopg2 import sql
from qgis.core import QgsFields, QgsWkbTypes
from qgis.PyQt.QtCore import QVariant

from .areas import ALL, AreaIndex, cell_geometry, cell_of, centroid, sorted_labels, sql_all_labels
from .inputs import Input, PlanningError
from .native import Env, features
from .tables import DOUBLE, INT, TEXT, Table, extend, pyvalue, qfield

#: operator id -> label shown to the user (the order of the Processing enum)
OPERATORS = {
    "eq": "equals (=)",
    "ne": "differs from (≠)",
    "lt": "less than (<)",
    "le": "at most (≤)",
    "gt": "greater than (>)",
    "ge": "at least (≥)",
    "contains": "contains (text, any case)",
    "starts": "starts with (text, any case)",
    "empty": "is empty",
    "not_empty": "is not empty",
    "in": "is one of (comma-separated values)",
}
ORDERING = {"lt": "<", "le": "<=", "gt": ">", "ge": ">="}


@dataclass
class Condition:
    field: str | None  # None: every feature
    operator: str = "eq"
    value: object = None  # typed value, or a list of them for "in"
    kind: str = "text"  # int / float / date / datetime / bool / text


def _kind(field) -> str:
    t = field.type()
    if t in (QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong):
        return "int"
    if t == QVariant.Double:
        return "float"
    if t == QVariant.Date:
        return "date"
    if t == QVariant.DateTime:
        return "datetime"
    if t == QVariant.Bool:
        return "bool"
    return "text"


def _convert(kind: str, raw: str, field: str):
    text = raw.strip() if kind != "text" else raw
    try:
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
        if kind == "date":
            return dt.date.fromisoformat(text)
        if kind == "datetime":
            return dt.datetime.fromisoformat(text)
        if kind == "bool":
            lowered = text.lower()
            if lowered in ("true", "t", "yes", "y", "1"):
                return True
            if lowered in ("false", "f", "no", "n", "0"):
                return False
            raise ValueError(text)
    except ValueError:
        expected = {
            "int": "a whole number",
            "float": "a number",
            "date": "a date (YYYY-MM-DD)",
            "datetime": "a date and time (YYYY-MM-DD HH:MM)",
            "bool": "true or false",
        }[kind]
        raise PlanningError(f"Value {raw!r} is not {expected}, which field {field!r} holds.") from None
    return raw


def condition(item: Input, field: str | None, operator: str, raw: str | None) -> Condition:
    """Check and type the user's condition against the layer's field."""
    if not field:
        return Condition(None)
    name = item.field(field)
    kind = _kind(item.fields.field(name))
    raw = raw if raw is not None else ""
    if operator in ("empty", "not_empty"):
        return Condition(name, operator, None, kind)
    if operator in ("contains", "starts") and kind != "text":
        raise PlanningError(f"'{OPERATORS[operator]}' compares text; field {name!r} does not hold text.")
    if operator in ORDERING and kind == "bool":
        raise PlanningError(f"'{OPERATORS[operator]}' cannot compare true/false values (field {name!r}).")
    if operator == "in":
        values = [_convert(kind, part.strip() if kind == "text" else part, name) for part in raw.split(",")]
        return Condition(name, operator, values, kind)
    if operator in ("contains", "starts"):
        return Condition(name, operator, raw, kind)
    return Condition(name, operator, _convert(kind, raw, name), kind)


def matches(cond: Condition, value) -> bool:
    """Native path: does a feature's value satisfy the condition (NULL never does, except 'is empty')."""
    if cond.field is None:
        return True
    value = pyvalue(value)
    if isinstance(value, dt.datetime) and cond.kind == "date":
        value = value.date()
    empty = value is None or (cond.kind == "text" and str(value) == "")
    if cond.operator == "empty":
        return empty
    if cond.operator == "not_empty":
        return not empty
    if value is None:
        return False
    if cond.kind == "text":
        value = str(value)
    if cond.operator == "eq":
        return value == cond.value
    if cond.operator == "ne":
        return value != cond.value
    if cond.operator == "lt":
        return value < cond.value
    if cond.operator == "le":
        return value <= cond.value
    if cond.operator == "gt":
        return value > cond.value
    if cond.operator == "ge":
        return value >= cond.value
    if cond.operator == "contains":
        return cond.value.lower() in value.lower()
    if cond.operator == "starts":
        return value.lower().startswith(cond.value.lower())
    if cond.operator == "in":
        return value in cond.value
    raise PlanningError(f"Unknown operator {cond.operator!r}.")


def sql_condition(cond: Condition, column: sql.Composable, params: dict) -> sql.Composable:
    """Push-down: the condition on ``column`` with its value bound as ``%(value)s``."""
    if cond.field is None:
        return sql.SQL("true")
    params["value"] = cond.value
    text = cond.kind == "text"
    # text compares in code-point order (COLLATE "C"), as Python does on the native path
    col = sql.SQL('{}::text COLLATE "C"').format(column) if text else column
    if cond.operator == "empty":
        return (
            sql.SQL("({0} IS NULL OR {0}::text = '')").format(column)
            if text
            else sql.SQL("{} IS NULL").format(column)
        )
    if cond.operator == "not_empty":
        return (
            sql.SQL("({0} IS NOT NULL AND {0}::text <> '')").format(column)
            if text
            else sql.SQL("{} IS NOT NULL").format(column)
        )
    if cond.operator == "eq":
        return sql.SQL("{} = %(value)s").format(col)
    if cond.operator == "ne":
        return sql.SQL("{} <> %(value)s").format(col)
    if cond.operator in ORDERING:
        return sql.SQL("{} {} %(value)s").format(col, sql.SQL(ORDERING[cond.operator]))
    if cond.operator == "contains":
        return sql.SQL("strpos(lower({}::text), lower(%(value)s)) > 0").format(column)
    if cond.operator == "starts":
        return sql.SQL("starts_with(lower({}::text), lower(%(value)s))").format(column)
    if cond.operator == "in":
        return sql.SQL("{} = ANY(%(value)s)").format(col)
    raise PlanningError(f"Unknown operator {cond.operator!r}.")


@dataclass
class SummarySpec:
    sum_field: str | None = None
    ward_label: str | None = None
    cell_size: float = 500.0


def _ward_table() -> Table:
    return Table(
        extend(QgsFields(), [qfield("ward", TEXT), qfield("features", INT), qfield("total", DOUBLE)])[0]
    )


def _grid_table() -> Table:
    fields, _ = extend(
        QgsFields(),
        [qfield("cell_x", INT), qfield("cell_y", INT), qfield("features", INT), qfield("total", DOUBLE)],
    )
    return Table(fields, QgsWkbTypes.Polygon)


def _fill(ward_table: Table, labels: list[str], count: Counter, total: dict, all_count: int, all_total):
    for label in labels:
        ward_table.add([label, count[label], float(total[label]) if label in total else 0.0])
    ward_table.add([ALL, all_count, float(all_total or 0)])


OUTPUTS = frozenset({"features", "wards", "grid"})


def run_sql(
    session, item: Input, cond: Condition, wards: Input | None, spec: SummarySpec, env: Env, want=OUTPUTS
) -> dict[str, Table]:
    """The outputs named in ``want`` (features, wards, grid): only those are computed."""
    from .sqlparts import Rel, join, q

    params = {"cell": spec.cell_size}
    t = Rel(session, item, params, "t")
    where = sql_condition(cond, t.col("t", cond.field) if cond.field else sql.SQL("NULL"), params)
    value = t.col("t", spec.sum_field) if spec.sum_field else sql.SQL("NULL::float8")
    out = {}
    if "features" in want:
        table = Table(item.fields, item.source.wkbType())
        for row in session.rows(
            q(
                "SELECT {cols} FROM {rel} t WHERE {where}",
                cols=join(t.columns("t") + [t.wkb("t")]),
                rel=t.relation,
                where=where,
            ),
            params,
        ):
            table.add(row[:-1], row[-1])
        out["features"] = table
    env.progress(30)
    if "wards" in want:
        all_count, all_total = session.execute(
            q("SELECT count(*), sum({v}) FROM {rel} t WHERE {where}", v=value, rel=t.relation, where=where),
            params,
        ).fetchone()
        ward_table = _ward_table()
        if wards is not None and item.pg.geometry:
            w = Rel(session, wards, params, "w")
            # best form (TOOLCHAIN.md): an explicit && before the centroid test so that the index is used;
            # one aggregate per ward (LATERAL) rather than sorting a million joined rows to group them
            rows = session.rows(
                q(
                    "SELECT w.{label}::text, x.n, x.total FROM {wrel} w CROSS JOIN LATERAL "
                    "(SELECT count(*) AS n, sum({v}) AS total FROM {rel} t WHERE {wg} && {tg} "
                    "AND ST_Intersects({wg}, {tc}) AND {where}) x",
                    label=sql.Identifier(spec.ward_label),
                    v=value,
                    wrel=w.relation,
                    rel=t.relation,
                    wg=w.g("w"),
                    tg=t.g("t"),
                    tc=centroid(t.g("t"), item.is_point),
                    where=where,
                ),
                params,
            )
            count, total = Counter(), defaultdict(float)
            for label, n, s in rows:  # two ward polygons may share a label
                count[label] += n
                total[label] += float(s or 0)
            labels = sorted_labels(
                r[0] for r in session.rows(sql_all_labels(w.relation, spec.ward_label), params)
            )
            _fill(ward_table, labels, count, total, all_count, all_total)
        else:
            _fill(ward_table, [], Counter(), {}, all_count, all_total)
        out["wards"] = ward_table
    env.progress(60)
    if "grid" in want:
        grid = _grid_table()
        if item.pg.geometry:
            cells = session.rows(
                q(
                    "SELECT floor(ST_X(p) / %(cell)s)::bigint, floor(ST_Y(p) / %(cell)s)::bigint, "
                    "count(*), sum(v) FROM (SELECT {tc} AS p, {v} AS v FROM {rel} t "
                    "WHERE {where} AND {tg} IS NOT NULL) x GROUP BY 1, 2 ORDER BY 1, 2",
                    tg=t.g("t"),
                    tc=centroid(t.g("t"), item.is_point),
                    v=value,
                    rel=t.relation,
                    where=where,
                ),
                params,
            )
            for x, y, n, s in cells:
                grid.add([x, y, n, float(s or 0)], cell_geometry(x, y, spec.cell_size))
        out["grid"] = grid
    return out


def run_native(
    item: Input, cond: Condition, wards: Input | None, spec: SummarySpec, env: Env, want=OUTPUTS
) -> dict[str, Table]:
    areas = AreaIndex(wards, spec.ward_label, env) if wards is not None else None
    table = Table(item.fields, item.source.wkbType())
    count, total = Counter(), defaultdict(float)
    cells, cell_totals = Counter(), defaultdict(float)
    all_count, all_total = 0, 0.0
    for feature in features(item, env, progress=(5, 85)):
        if not matches(cond, feature[cond.field] if cond.field else None):
            continue
        value = float(pyvalue(feature[spec.sum_field]) or 0) if spec.sum_field else 0.0
        all_count += 1
        all_total += value
        geometry = feature.geometry()
        if "features" in want:
            table.add(feature.attributes(), geometry)
        if geometry.isNull() or geometry.isEmpty():
            continue
        centroid = geometry.centroid()
        for label in areas.of_point(centroid) if areas is not None else []:
            count[label] += 1
            total[label] += value
        cell = cell_of(centroid.asPoint(), spec.cell_size)
        cells[cell] += 1
        cell_totals[cell] += value
    ward_table = _ward_table()
    _fill(
        ward_table,
        areas.labels if areas is not None else [],
        count,
        total,
        all_count,
        all_total if spec.sum_field else None,
    )
    grid = _grid_table()
    for x, y in sorted(cells):
        grid.add([x, y, cells[(x, y)], cell_totals[(x, y)]], cell_geometry(x, y, spec.cell_size))
    out = {"features": table, "wards": ward_table, "grid": grid}
    return {name: out[name] for name in want}
