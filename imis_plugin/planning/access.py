"""Vehicle access: the buildings and containments a vehicle cannot reach.

A road is passable when its width is at least the vehicle's width (a road of unknown width is not). A
feature is reachable when a passable road is within the hose length of it. Each unreachable feature gets
a reason: ``narrow_road`` (only roads narrower than the vehicle are within the hose length) or
``too_far`` (no road at all within the hose length).
"""

from __future__ import annotations

from dataclasses import dataclass

from .inputs import Input
from .native import Env, GeometryIndex, features
from .tables import TEXT, Table, extend, pyvalue, qfield

NARROW, TOO_FAR = "narrow_road", "too_far"


@dataclass
class AccessSpec:
    vehicle_width: float
    hose_length: float
    width_field: str  # field of the roads


def _table(targets: Input) -> Table:
    fields, _ = extend(targets.fields, [qfield("reason", TEXT)])
    return Table(fields, targets.source.wkbType())


def run_sql(session, roads: Input, targets: Input, spec: AccessSpec, env: Env) -> Table:
    from .sqlparts import Rel, join, q

    params = {"hose": spec.hose_length, "width": spec.vehicle_width}
    r = Rel(session, roads, params, "r")
    t = Rel(session, targets, params, "t")
    width = r.col("r", spec.width_field)
    # Every feature must be visited: probe the roads' index from each feature and stop at the first
    # passable road (an anti-join), then explain only the few unreachable ones.
    query = q(
        "SELECT {cols}, CASE WHEN EXISTS (SELECT 1 FROM {rrel} r WHERE ST_DWithin({rg}, {tg}, %(hose)s)) "
        "THEN 'narrow_road' ELSE 'too_far' END, {wkb} FROM {trel} t "
        "WHERE NOT EXISTS (SELECT 1 FROM {rrel} r WHERE ST_DWithin({rg}, {tg}, %(hose)s) "
        "AND {width} >= %(width)s)",
        cols=join(t.columns("t")),
        wkb=t.wkb("t"),
        rrel=r.relation,
        rg=r.g("r"),
        tg=t.g("t"),
        trel=t.relation,
        width=width,
    )
    table = _table(targets)
    for row in session.rows(query, params):
        table.add(row[:-1], row[-1])
    return table


def road_indexes(roads: Input, spec: AccessSpec, env: Env) -> tuple[GeometryIndex, GeometryIndex]:
    """Passable and narrow roads (native path)."""
    passable, narrow = GeometryIndex(), GeometryIndex()
    for feature in features(roads, env, [spec.width_field]):
        width = pyvalue(feature[spec.width_field])
        ok = width is not None and float(width) >= spec.vehicle_width
        (passable if ok else narrow).add(feature.geometry(), None)
    return passable, narrow


def run_native(
    roads: tuple[GeometryIndex, GeometryIndex], targets: Input, spec: AccessSpec, env: Env, progress=(10, 80)
) -> Table:
    passable, narrow = roads
    table = _table(targets)
    for feature in features(targets, env, progress=progress):
        geometry = feature.geometry()
        if geometry.isNull():
            continue
        if any(True for _ in passable.within(geometry, spec.hose_length)):
            continue
        reason = NARROW if any(True for _ in narrow.within(geometry, spec.hose_length)) else TOO_FAR
        table.add(list(feature.attributes()) + [reason], geometry)
    return table
