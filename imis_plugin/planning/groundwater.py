"""Groundwater risk: containments (of chosen types) within a distance of water points (wells, tube wells)
or water bodies, with the nearest of each and its distance, and a summary per containment type.

Types are compared as text (a containment of type NULL is 'unknown'); ties between equally near water
points are broken by their key, the same way on both paths.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from psycopg2 import sql
from qgis.core import QgsFields

from .areas import ALL, natural_key
from .inputs import Input
from .native import Env, GeometryIndex, features
from .tables import DOUBLE, INT, TEXT, Table, extend, pyvalue, qfield

UNKNOWN = "unknown"


@dataclass
class RiskSpec:
    distance: float
    type_field: str | None = None  # field of the containments
    types: list[str] = field(default_factory=list)  # only these types (empty: all)
    point_label: str | None = None  # field of the water points shown beside the distance
    body_label: str | None = None  # field of the water bodies


def _type_text(value) -> str:
    value = pyvalue(value)
    return UNKNOWN if value is None else str(value)


def _risk_table(containments: Input) -> Table:
    fields, _ = extend(
        containments.fields,
        [
            qfield("water_point", TEXT),
            qfield("water_point_m", DOUBLE),
            qfield("water_body", TEXT),
            qfield("water_body_m", DOUBLE),
            qfield("risk_source", TEXT),
        ],
    )
    return Table(fields, containments.source.wkbType())


def _source(point_m, body_m) -> str:
    if point_m is not None and body_m is not None:
        return "both"
    return "water_point" if point_m is not None else "water_body"


def summarise(totals: Counter, at_risk: Counter) -> Table:
    fields, _ = extend(
        QgsFields(),
        [
            qfield("containment_type", TEXT),
            qfield("containments", INT),
            qfield("at_risk", INT),
            qfield("at_risk_pct", DOUBLE),
        ],
    )
    table = Table(fields)
    for ctype in sorted(totals, key=natural_key) + [ALL]:
        total = sum(totals.values()) if ctype == ALL else totals[ctype]
        risky = sum(at_risk.values()) if ctype == ALL else at_risk[ctype]
        table.add([ctype, total, risky, round(100.0 * risky / total, 2) if total else None])
    return table


def run_sql(
    session, containments: Input, points: Input | None, bodies: Input | None, spec: RiskSpec, env: Env
) -> dict[str, Table]:
    from .sqlparts import Rel, join, nearest_per_key, q

    params = {"d": spec.distance, "types": spec.types}
    c = Rel(session, containments, params, "c")
    ctype = q(
        "coalesce({}::text, 'unknown')", c.col("c", spec.type_field) if spec.type_field else sql.SQL("NULL")
    )
    # the type filter sits in each join (a shared CTE would be materialised without its index)
    type_filter = q("AND {} = ANY(%(types)s)", ctype) if spec.types else sql.SQL("")

    def nearest(item: Input, name: str, label: str | None):
        # from the water side into the containments' index; the nearest per containment
        w = Rel(session, item, params, name)
        query, _ = nearest_per_key(
            q(
                "FROM {wrel} w JOIN {crel} c ON ST_DWithin({cg}, {wg}, %(d)s) {filter}",
                wrel=w.relation,
                crel=c.relation,
                cg=c.g("c"),
                wg=w.g("w"),
                filter=type_filter,
            ),
            c.k("c"),
            [c.k("c"), q("{}::text", w.col("w", label)), q("ST_Distance({}, {})", c.g("c"), w.g("w"))],
            [q("ST_Distance({}, {})", c.g("c"), w.g("w")), w.k("w")],
        )
        return query

    if points is not None and bodies is not None:
        hit = q(
            "WITH wp AS ({}), wb AS ({}) SELECT coalesce(wp.c0, wb.c0) AS k, wp.c1 AS wp_label, "
            "wp.c2 AS wp_d, wb.c1 AS wb_label, wb.c2 AS wb_d FROM wp FULL JOIN wb ON wp.c0 = wb.c0",
            nearest(points, "p", spec.point_label),
            nearest(bodies, "w", spec.body_label),
        )
    elif points is not None:
        hit = q(
            "SELECT c0 AS k, c1 AS wp_label, c2 AS wp_d, NULL::text AS wb_label, NULL::float8 AS wb_d "
            "FROM ({}) x",
            nearest(points, "p", spec.point_label),
        )
    else:
        hit = q(
            "SELECT c0 AS k, NULL::text AS wp_label, NULL::float8 AS wp_d, c1 AS wb_label, c2 AS wb_d "
            "FROM ({}) x",
            nearest(bodies, "w", spec.body_label),
        )
    names = [sql.Identifier(f"c{i}") for i in range(len(containments.fields))]
    # the few containments at risk, then their rows by key (an index look-up each: a join would read
    # the whole table)
    query = q(
        "SELECT {row_cols}, hit.wp_label, hit.wp_d, hit.wb_label, hit.wb_d, CASE WHEN hit.wp_d IS NOT NULL "
        "AND hit.wb_d IS NOT NULL THEN 'both' WHEN hit.wp_d IS NOT NULL THEN 'water_point' "
        "ELSE 'water_body' END, r.ctype, r.wkb FROM ({hit}) hit CROSS JOIN LATERAL "
        "(SELECT {cols}, {ctype} AS ctype, {wkb} AS wkb FROM {crel} c WHERE {ck} = hit.k) r",
        row_cols=join([sql.SQL("r.{}").format(n) for n in names]),
        hit=hit,
        cols=join([sql.SQL("{} AS {}").format(col, n) for col, n in zip(c.columns("c"), names)]),
        ctype=ctype,
        wkb=c.wkb("c"),
        crel=c.relation,
        ck=c.k("c"),
    )
    env.progress(10)
    table = _risk_table(containments)
    at_risk = Counter()
    count = len(containments.fields)
    for row in session.rows(query, params):
        table.add(row[: count + 5], row[-1])
        at_risk[row[-2]] += 1
    env.progress(50)
    totals = Counter(
        dict(
            session.rows(
                q(
                    "SELECT {ctype}, count(*) FROM {crel} c WHERE true {filter} GROUP BY 1",
                    ctype=ctype,
                    crel=c.relation,
                    filter=type_filter,
                ),
                params,
            )
        )
    )
    return {"features": table, "summary": summarise(totals, at_risk)}


def _index(item: Input | None, label: str | None, env: Env) -> GeometryIndex:
    index = GeometryIndex()
    if item is not None:
        for feature in features(item, env, [f for f in (item.key_field(), label) if f]):
            text = pyvalue(feature[label]) if label else None
            index.add(feature.geometry(), (item.key_of(feature), None if text is None else str(text)))
    return index


def run_native(
    containments: Input, points: Input | None, bodies: Input | None, spec: RiskSpec, env: Env
) -> dict[str, Table]:
    point_index = _index(points, spec.point_label, env)
    body_index = _index(bodies, spec.body_label, env)
    wanted = set(spec.types)
    table = _risk_table(containments)
    totals, at_risk = Counter(), Counter()

    def nearest(index: GeometryIndex, geometry):
        best = min(
            ((d, index.values[i][0], i) for i, d in index.within(geometry, spec.distance)), default=None
        )
        return (None, None) if best is None else (index.values[best[2]][1], best[0])

    for feature in features(containments, env, progress=(10, 80)):
        ctype = _type_text(feature[spec.type_field]) if spec.type_field else UNKNOWN
        if wanted and ctype not in wanted:
            continue
        totals[ctype] += 1
        geometry = feature.geometry()
        if geometry.isNull():
            continue
        wp_label, wp_d = nearest(point_index, geometry)
        wb_label, wb_d = nearest(body_index, geometry)
        if wp_d is None and wb_d is None:
            continue
        at_risk[ctype] += 1
        table.add(
            list(feature.attributes()) + [wp_label, wp_d, wb_label, wb_d, _source(wp_d, wb_d)], geometry
        )
    return {"features": table, "summary": summarise(totals, at_risk)}
