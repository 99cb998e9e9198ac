"""The road network the planner drives on, in temporary tables of the planning transaction, and the
pgRouting questions it asks.

Every road segment is an edge; roads connect where their vertices coincide (to the millimetre, as in the
other IMIS network tools). An edge's width is the road's carrying width, else its width; a road of unknown
width is passable by no vehicle (the vehicle-access analysis says the same), so a vehicle never drives a
road that is not known to be wide enough. A point (containment, plant, depot) is tied to the nearest
passable edge: containments only within the vehicle's hose length, plants and depots at any distance.
"""
from __future__ import annotations

from dataclasses import dataclass

TOLERANCE = 0.001  # metres: vertices closer than this are one node
EDGE = "fsm_edge"  # temporary table, dropped at commit


@dataclass(frozen=True)
class Snap:
    node: int
    along: float  # metres along the edge from the node to the point's foot
    access: float  # straight metres from the road to the point (hose, or the plant's own lane)


def _num(value: float) -> str:
    """A number written into pgRouting's inner SQL (which takes text); never user text."""
    return repr(float(value))


class Network:
    def __init__(self, cur, srid: int):
        self.cur = cur
        self.srid = srid
        self.ends: dict[int, tuple[int, int]] = {}

    # Building ------------------------------------------------------------------------------------------
    def build(self) -> int:
        cur = self.cur
        cur.execute(
            f"""CREATE TEMP TABLE {EDGE} ON COMMIT DROP AS
            WITH seg AS (
                SELECT row_number() OVER ()::int AS id, s.geom,
                       coalesce(r.carrying_width_m, r.width_m)::float8 AS width
                FROM imis_core.road r CROSS JOIN LATERAL ST_DumpSegments(r.geom) s
                WHERE ST_Length(s.geom) > 0),
            ends AS (SELECT id, 0 AS e, ST_StartPoint(geom) AS p FROM seg
                     UNION ALL SELECT id, 1, ST_EndPoint(geom) FROM seg),
            node AS (SELECT id, e, dense_rank() OVER (ORDER BY round(ST_X(p) / %(tol)s), round(ST_Y(p) / %(tol)s))::int AS n
                     FROM ends)
            SELECT s.id, a.n AS source, z.n AS target, ST_Length(s.geom) AS cost, s.width, s.geom
            FROM seg s JOIN node a ON a.id = s.id AND a.e = 0 JOIN node z ON z.id = s.id AND z.e = 1""",
            {"tol": TOLERANCE},
        )
        cur.execute(f"CREATE INDEX ON {EDGE} USING gist (geom)")
        cur.execute(f"ANALYZE {EDGE}")
        cur.execute(f"SELECT id, source, target FROM {EDGE}")
        self.ends = {i: (s, t) for i, s, t in cur.fetchall()}
        return len(self.ends)

    def widest(self) -> float | None:
        self.cur.execute(f"SELECT max(width) FROM {EDGE}")
        return self.cur.fetchone()[0]

    def edges_sql(self, width: float, box: tuple[float, float, float, float] | None = None) -> str:
        """pgRouting's edge query for a vehicle of this width (optionally only edges touching `box`)."""
        sql = f"SELECT id, source, target, cost, cost AS reverse_cost FROM {EDGE} WHERE width >= {_num(width)}"
        if box is not None:
            sql += " AND geom && ST_MakeEnvelope({}, {}, {}, {}, {})".format(*map(_num, box), int(self.srid))
        return sql

    # Tying points to the network ---------------------------------------------------------------------
    def snap_table(self, table: str, width: float, reach: float | None) -> dict[int, Snap]:
        """(idx, geom) rows of a temporary `table` -> their nearest edge passable at `width` (within `reach`
        metres when given). `table` is a name chosen by the planner, never user text."""
        if reach is not None:
            self.cur.execute(
                f"""SELECT DISTINCT ON (p.idx) p.idx, e.source, e.target, e.cost,
                           ST_LineLocatePoint(e.geom, p.geom), ST_Distance(e.geom, p.geom)
                    FROM {table} p JOIN {EDGE} e ON ST_DWithin(e.geom, p.geom, %(reach)s) AND e.width >= %(w)s
                    ORDER BY p.idx, ST_Distance(e.geom, p.geom), e.id""",
                {"reach": reach, "w": width},
            )
        else:
            self.cur.execute(
                f"""SELECT p.idx, e.source, e.target, e.cost, ST_LineLocatePoint(e.geom, p.geom),
                           ST_Distance(e.geom, p.geom)
                    FROM {table} p CROSS JOIN LATERAL (
                        SELECT * FROM {EDGE} e WHERE e.width >= %(w)s ORDER BY e.geom <-> p.geom LIMIT 1) e""",
                {"w": width},
            )
        snaps = {}
        for idx, source, target, cost, fraction, distance in self.cur.fetchall():
            if fraction <= 0.5:
                snaps[idx] = Snap(source, fraction * cost, distance)
            else:
                snaps[idx] = Snap(target, (1 - fraction) * cost, distance)
        return snaps

    # Distances -----------------------------------------------------------------------------------------
    def trees(self, width: float, starts: list[int]) -> dict[int, tuple[dict[int, float], dict[int, int]]]:
        """Shortest-path trees from each start node: start -> ({node: metres}, {node: edge it is reached by})."""
        if not starts:
            return {}
        self.cur.execute(
            "SELECT from_v, node, edge, agg_cost FROM pgr_drivingDistance(%(edges)s, %(starts)s::bigint[], "
            "1e12::float8, false)",
            {"edges": self.edges_sql(width), "starts": sorted(set(starts))},
        )
        result: dict[int, tuple[dict[int, float], dict[int, int]]] = {s: ({s: 0.0}, {}) for s in starts}
        for start, node, edge, cost in self.cur.fetchall():
            dist, pred = result[start]
            dist[node] = cost
            if edge >= 0:
                pred[node] = edge
        return result

    def path_from_tree(self, tree: tuple[dict[int, float], dict[int, int]], node: int) -> list[int]:
        """Edges from a tree's start to `node` (empty when `node` is the start or unreachable)."""
        _, pred = tree
        edges = []
        while node in pred:
            edge = pred[node]
            edges.append(edge)
            source, target = self.ends[edge]
            node = source if target == node else target
        return edges

    def matrices(self, width: float, groups: dict[object, tuple[list[int], tuple]]) -> dict[object, dict]:
        """Network metres between the nodes of each group, on the edges near the group only (its box):
        key -> {(a, b): metres}. One statement for all groups; pairs not joined inside the box are absent."""
        if not groups:
            return {}
        keys = list(groups)
        rows = [(n, self.edges_sql(width, box), nodes) for n, (nodes, box) in enumerate(groups.values()) if len(nodes) > 1]
        if not rows:
            return {k: {} for k in keys}
        self.cur.execute(
            "SELECT g.n, m.start_vid, m.end_vid, m.agg_cost FROM unnest(%(n)s::int[], %(sql)s::text[]) g(n, sql) "
            "JOIN (SELECT * FROM unnest(%(n)s::int[], %(nodes)s::text[]) x(n, nodes)) v ON v.n = g.n "
            "CROSS JOIN LATERAL pgr_dijkstraCostMatrix(g.sql, v.nodes::bigint[], directed => false) m",
            {"n": [r[0] for r in rows], "sql": [r[1] for r in rows],
             "nodes": ["{" + ",".join(map(str, r[2])) + "}" for r in rows]},
        )
        result = {k: {} for k in keys}
        for n, a, b, cost in self.cur.fetchall():
            result[keys[n]][(a, b)] = cost
        return result

    def leg_paths(self, width: float, groups: dict[object, tuple[list[tuple[int, int]], tuple]]) -> dict[object, list[int]]:
        """Edges of the given (from, to) legs of each group, routed inside the group's box: key -> edge ids."""
        keys = list(groups)
        rows = []
        for n, (legs, box) in enumerate(groups.values()):
            pairs = sorted({(a, b) for a, b in legs if a != b})
            if pairs:
                values = ", ".join(f"({int(a)}, {int(b)})" for a, b in pairs)
                rows.append((n, self.edges_sql(width, box), f"SELECT * FROM (VALUES {values}) t(source, target)"))
        result = {k: [] for k in keys}
        if not rows:
            return result
        self.cur.execute(
            "SELECT g.n, p.edge FROM unnest(%(n)s::int[], %(sql)s::text[], %(pairs)s::text[]) g(n, sql, pairs) "
            "CROSS JOIN LATERAL pgr_dijkstra(g.sql, g.pairs, directed => false) p WHERE p.edge >= 0",
            {"n": [r[0] for r in rows], "sql": [r[1] for r in rows], "pairs": [r[2] for r in rows]},
        )
        for n, edge in self.cur.fetchall():
            result[keys[n]].append(edge)
        return result
