"""Community / public toilet accessibility: the walking distance along the road network from each dependent
building to its toilet, and the buildings farther than a threshold.

Walking distance = straight line from the building's centroid to the nearest point of the nearest road +
the shortest path along the roads + straight line from the road to the toilet. Roads connect where their
vertices coincide (to the millimetre), as in QGIS's network analysis: two roads that cross without a common
vertex are not connected. A building whose toilet cannot be reached along the roads has no walking
distance and counts as beyond the threshold. Push-down: pgRouting (``pgr_withPointsCost``) on the road
segments; native: QGIS's network-analysis graph and Dijkstra.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from qgis.core import QgsFields, QgsGeometry

from .areas import ALL, natural_key
from .inputs import Input, PlanningError
from .native import Env, features
from .tables import BOOL, DOUBLE, INT, TEXT, Table, extend, pyvalue, qfield

TOLERANCE = 0.001  # metres: road vertices closer than this are one network node


@dataclass
class ToiletSpec:
    threshold: float
    building_key: str  # field of the buildings the links refer to
    toilet_key: str  # field of the toilets the links refer to
    link_building: str  # field of the links
    link_toilet: str  # field of the links
    toilet_label: str | None = None  # field of the toilets shown in the results


def _tables(buildings: Input) -> tuple[Table, Table]:
    fields, _ = extend(
        buildings.fields,
        [
            qfield("toilet", TEXT),
            qfield("straight_m", DOUBLE),
            qfield("walking_m", DOUBLE),
            qfield("beyond", BOOL),
        ],
    )
    summary, _ = extend(
        QgsFields(),
        [
            qfield("toilet", TEXT),
            qfield("dependents", INT),
            qfield("beyond", INT),
            qfield("mean_walking_m", DOUBLE),
            qfield("max_walking_m", DOUBLE),
        ],
    )
    return Table(fields, buildings.source.wkbType()), Table(summary)


def _summarise(summary: Table, pairs: list[tuple[str, float | None, bool]]) -> None:
    """``pairs``: (toilet label, walking distance or None, beyond) per dependent building."""
    groups = defaultdict(list)
    for label, walking, beyond in pairs:
        groups[label].append((walking, beyond))
        groups[ALL].append((walking, beyond))
    for label in sorted((k for k in groups if k != ALL), key=natural_key) + ([ALL] if groups else []):
        rows = groups[label]
        reachable = [w for w, _ in rows if w is not None]
        summary.add(
            [
                label,
                len(rows),
                sum(1 for _, b in rows if b),
                sum(reachable) / len(reachable) if reachable else None,
                max(reachable, default=None),
            ]
        )


def _label(value) -> str:
    value = pyvalue(value)
    return "" if value is None else str(value)


# push-down ----------------------------------------------------------------------------------------------


def run_sql(
    session, buildings: Input, toilets: Input, links: Input, roads: Input, spec: ToiletSpec, env: Env
) -> dict[str, Table]:
    from .sqlparts import Rel, join, q

    params = {"tol": TOLERANCE}
    b, t = Rel(session, buildings, params, "b"), Rel(session, toilets, params, "t")
    link, r = Rel(session, links, params, "l"), Rel(session, roads, params, "r")
    env.info("Building the road network (one edge per road segment)…")
    # edges: every segment between two vertices; nodes: vertices rounded to the tolerance
    session.execute(
        q(
            "CREATE TEMP TABLE imis_edge ON COMMIT DROP AS "
            "WITH seg AS (SELECT row_number() OVER () AS id, s.geom "
            "FROM (SELECT (ST_DumpSegments({rg})).geom FROM {rrel} r) s WHERE ST_Length(s.geom) > 0), "
            "ends AS (SELECT id, 0 AS e, ST_StartPoint(geom) AS p FROM seg UNION ALL "
            "SELECT id, 1, ST_EndPoint(geom) FROM seg), "
            "node AS (SELECT id, e, "
            "dense_rank() OVER (ORDER BY round(ST_X(p) / %(tol)s), round(ST_Y(p) / %(tol)s)) AS n FROM ends) "
            "SELECT s.id, a.n AS source, z.n AS target, ST_Length(s.geom) AS cost, s.geom FROM seg s "
            "JOIN node a ON a.id = s.id AND a.e = 0 JOIN node z ON z.id = s.id AND z.e = 1",
            rg=r.g("r"),
            rrel=r.relation,
        ),
        params,
    )
    session.execute("CREATE INDEX ON imis_edge USING gist (geom)")
    session.execute("ANALYZE imis_edge")
    env.progress(20)
    # the dependent pairs, each end tied to the nearest point of the nearest segment
    session.execute(
        q(
            "CREATE TEMP TABLE imis_pair ON COMMIT DROP AS "
            "SELECT row_number() OVER () AS n, {bk} AS bk, {tk} AS tk, ST_Centroid({bg}) AS bp, {tg} AS tp, "
            "{tlabel}::text AS tlabel FROM {lrel} l JOIN {brel} b ON {bk} = {lb} "
            "JOIN {trel} t ON {tk} = {lt} WHERE {bg} IS NOT NULL AND {tg} IS NOT NULL",
            bk=b.col("b", spec.building_key),
            tk=t.col("t", spec.toilet_key),
            bg=b.g("b"),
            tg=t.g("t"),
            tlabel=t.col("t", spec.toilet_label),
            lrel=link.relation,
            brel=b.relation,
            trel=t.relation,
            lb=link.col("l", spec.link_building),
            lt=link.col("l", spec.link_toilet),
        ),
        params,
    )
    # one routing point per building and per toilet (pgRouting runs one search per toilet); a point that
    # falls on a road vertex is routed from that vertex (pgRouting 3.4 drops points at fraction 0 or 1).
    # Nearest segment: the index's KNN order alone (a second sort key would sort every segment), then
    # the smaller id among the few nearest breaks a tie.
    session.execute(
        "CREATE TEMP TABLE imis_point ON COMMIT DROP AS "
        "SELECT pid, is_toilet, key, edge_id, fraction, snap, CASE WHEN fraction <= 0 THEN source "
        "WHEN fraction >= 1 THEN target ELSE -pid END AS vid FROM ("
        "SELECT row_number() OVER () AS pid, p.is_toilet, p.key, e.id AS edge_id, e.source, e.target, "
        "ST_LineLocatePoint(e.geom, p.geom) AS fraction, ST_Distance(e.geom, p.geom) AS snap FROM ("
        "SELECT DISTINCT ON (bk) false AS is_toilet, bk::text AS key, bp AS geom FROM imis_pair UNION ALL "
        "SELECT DISTINCT ON (tk) true, tk::text, tp FROM imis_pair) p CROSS JOIN LATERAL "
        "(SELECT n.* FROM (SELECT e.id, e.source, e.target, e.geom, e.geom <-> p.geom AS d FROM imis_edge e "
        "ORDER BY e.geom <-> p.geom LIMIT 4) n ORDER BY n.d, n.id LIMIT 1) e) x"
    )
    session.execute(
        "CREATE TEMP TABLE imis_combo ON COMMIT DROP AS "
        "SELECT pr.n, bpt.vid AS bvid, bpt.snap AS bsnap, tpt.vid AS tvid, tpt.snap AS tsnap "
        "FROM imis_pair pr JOIN imis_point bpt ON NOT bpt.is_toilet AND bpt.key = pr.bk::text "
        "JOIN imis_point tpt ON tpt.is_toilet AND tpt.key = pr.tk::text"
    )
    env.progress(40)
    env.info("Routing along the roads (pgRouting)…")
    # pgRouting reads the three inner queries itself: fixed text on the temporary tables above
    rows = session.rows(
        "WITH cost AS (SELECT start_pid, end_pid, agg_cost FROM pgr_withPointsCost("
        "'SELECT id, source, target, cost, cost AS reverse_cost FROM imis_edge', "
        "'SELECT pid, edge_id, fraction FROM imis_point WHERE vid < 0', "
        "'SELECT DISTINCT tvid AS source, bvid AS target FROM imis_combo WHERE tvid <> bvid', "
        "directed => false)) "
        "SELECT pr.n, pr.tlabel, ST_Distance(pr.bp, pr.tp), "
        "c.bsnap + CASE WHEN c.bvid = c.tvid THEN 0 ELSE cost.agg_cost END + c.tsnap "
        "FROM imis_pair pr JOIN imis_combo c ON c.n = pr.n "
        "LEFT JOIN cost ON cost.start_pid = c.tvid AND cost.end_pid = c.bvid"
    )
    env.progress(80)
    found = {n: (label, straight, walking) for n, label, straight, walking in rows}
    table, summary = _tables(buildings)
    count = len(buildings.fields)
    buildings_rows = session.rows(
        q(
            "SELECT pr.n, {cols} FROM imis_pair pr JOIN {brel} b ON {bk} = pr.bk",
            cols=join(b.columns("b") + [b.wkb("b")]),
            brel=b.relation,
            bk=b.col("b", spec.building_key),
        ),
        params,
    )
    pairs = []
    for row in sorted(buildings_rows, key=lambda r: r[0]):
        label, straight, walking = found[row[0]]
        beyond = walking is None or walking > spec.threshold
        table.add(list(row[1 : count + 1]) + [label, straight, walking, beyond], row[count + 1])
        pairs.append((label or "", walking, beyond))
    _summarise(summary, pairs)
    return {"features": table, "summary": summary}


# native -------------------------------------------------------------------------------------------------


def run_native(
    buildings: Input, toilets: Input, links: Input, roads: Input, spec: ToiletSpec, env: Env
) -> dict[str, Table]:
    from qgis.analysis import (
        QgsGraphAnalyzer,
        QgsGraphBuilder,
        QgsNetworkDistanceStrategy,
        QgsVectorLayerDirector,
    )

    wanted = defaultdict(list)  # building key -> toilet keys
    for feature in features(links, env, [spec.link_building, spec.link_toilet], geometry=False):
        bk, tk = pyvalue(feature[spec.link_building]), pyvalue(feature[spec.link_toilet])
        if bk is not None and tk is not None:
            wanted[str(bk)].append(str(tk))
    toilet_at = {}
    for feature in features(toilets, env, [f for f in (spec.toilet_key, spec.toilet_label) if f]):
        geometry = feature.geometry()
        key = pyvalue(feature[spec.toilet_key])
        if key is not None and not geometry.isNull():
            toilet_at[str(key)] = (
                _label(feature[spec.toilet_label]) if spec.toilet_label else "",
                geometry.centroid().asPoint(),
            )
    dependents = []  # (building feature, geometry, centroid, toilet key)
    for feature in features(buildings, env, progress=(5, 25)):
        key = pyvalue(feature[spec.building_key])
        geometry = feature.geometry()
        if key is None or str(key) not in wanted or geometry.isNull():
            continue
        for toilet in wanted[str(key)]:
            if toilet in toilet_at:
                dependents.append((feature, geometry, geometry.centroid().asPoint(), toilet))
    env.check()
    env.info("Building the road network graph…")
    director = QgsVectorLayerDirector(roads.source, -1, "", "", "", QgsVectorLayerDirector.DirectionBoth)
    director.addStrategy(QgsNetworkDistanceStrategy())
    builder = QgsGraphBuilder(env.crs, True, TOLERANCE, "NONE")  # planar distances in the analysis CRS
    toilet_keys = sorted(toilet_at)
    points = [toilet_at[k][1] for k in toilet_keys] + [c for _, _, c, _ in dependents]
    snapped = director.makeGraph(builder, points, env.feedback) if points else []
    env.check()
    env.progress(60)
    graph = builder.graph()
    toilet_vertex = {k: snapped[i] for i, k in enumerate(toilet_keys)}
    costs = {}
    for key in sorted({t for _, _, _, t in dependents}):
        env.check()
        start = graph.findVertex(toilet_vertex[key])
        costs[key] = QgsGraphAnalyzer.dijkstra(graph, start, 0)[1] if start >= 0 else None
    table, summary = _tables(buildings)
    pairs = []
    offset = len(toilet_keys)
    for n, (feature, geometry, centroid, toilet) in enumerate(dependents):
        label, toilet_point = toilet_at[toilet]
        straight = QgsGeometry.fromPointXY(centroid).distance(QgsGeometry.fromPointXY(toilet_point))
        snap_b = snapped[offset + n]
        vertex = graph.findVertex(snap_b)
        walking = None
        if costs[toilet] is not None and vertex >= 0:
            along = costs[toilet][vertex]
            if along != float("inf") and along >= 0:
                snap_t = toilet_vertex[toilet]
                walking = centroid.distance(snap_b) + along + toilet_point.distance(snap_t)
        beyond = walking is None or walking > spec.threshold
        table.add(list(feature.attributes()) + [label, straight, walking, beyond], geometry)
        pairs.append((label, walking, beyond))
    _summarise(summary, pairs)
    if not roads.source.featureCount():
        raise PlanningError(f"{roads.label}: the layer has no roads to walk along.")
    return {"features": table, "summary": summary}
