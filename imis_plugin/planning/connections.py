"""Drain / sewer connection candidates: for the chosen drains or sewers, the buildings within a distance
that are not connected to a network yet (their connection field, e.g. ``drain_id``, is empty or NULL), each
with its nearest segment and the distance to it, ranked nearest first.

Ties are broken the same way on both paths: the segment with the smaller key, the building with the
smaller key.
"""

from __future__ import annotations

from dataclasses import dataclass, field


from .inputs import Input
from .native import Env, GeometryIndex, features
from .tables import DOUBLE, INT, TEXT, Table, extend, pyvalue, qfield


@dataclass
class ConnectionSpec:
    distance: float
    connected_field: str  # field of the buildings; empty = not connected
    segment_label: str | None = None  # field of the network shown beside the segment key
    only: list[str] = field(default_factory=list)  # only the segments with these labels (empty: all)


def _table(buildings: Input) -> Table:
    fields, _ = extend(
        buildings.fields,
        [
            qfield("segment_id", TEXT),
            qfield("segment", TEXT),
            qfield("distance_m", DOUBLE),
            qfield("rank", INT),
        ],
    )
    return Table(fields, buildings.source.wkbType())


def _text(value):
    value = pyvalue(value)
    return None if value is None else str(value)


def run_sql(session, network: Input, buildings: Input, spec: ConnectionSpec, env: Env) -> Table:
    from .sqlparts import Rel, join, nearest_per_key, q

    params = {"d": spec.distance, "only": spec.only}
    n = Rel(session, network, params, "n")
    only = q("AND {}::text = ANY(%(only)s)", n.col("n", spec.segment_label)) if spec.only else q("")
    b = Rel(session, buildings, params, "b")
    # best form (TOOLCHAIN.md): start from the segments, keep each building's nearest (its columns carried
    # along, so the big table is not joined a second time), rank by distance
    distance = q("ST_Distance({}, {})", b.g("b"), n.g("n"))
    nearest, names = nearest_per_key(
        q(
            "FROM {nrel} n JOIN {brel} b ON ST_DWithin({bg}, {ng}, %(d)s) "
            "WHERE ({connected} IS NULL OR {connected}::text = '') {only}",
            nrel=n.relation,
            brel=b.relation,
            bg=b.g("b"),
            ng=n.g("n"),
            connected=b.col("b", spec.connected_field),
            only=only,
        ),
        b.k("b"),
        b.columns("b")
        + [q("{}::text", n.k("n")), q("{}::text", n.col("n", spec.segment_label)), distance, b.wkb("b")],
        [distance, n.k("n"), b.k("b")],
    )
    columns = names[: len(buildings.fields) + 3]
    query = q(
        "SELECT {cols}, row_number() OVER (ORDER BY o0, o2), {wkb} FROM ({nearest}) x ORDER BY o0, o2",
        cols=join(columns),
        wkb=names[len(buildings.fields) + 3],
        nearest=nearest,
    )
    env.progress(10)
    table = _table(buildings)
    for row in session.rows(query, params):
        table.add(row[:-1], row[-1])
    return table


def run_native(network: Input, buildings: Input, spec: ConnectionSpec, env: Env) -> Table:
    segments = GeometryIndex()
    label = spec.segment_label
    wanted = set(spec.only)
    for feature in features(network, env, [f for f in (network.key_field(), label) if f]):
        if wanted and _text(feature[label]) not in wanted:
            continue
        segments.add(feature.geometry(), (network.key_of(feature), _text(feature[label]) if label else None))
    rect = segments.extent(spec.distance)
    found = []
    if rect is not None:
        for feature in features(buildings, env, rect=rect, progress=(5, 80)):
            if pyvalue(feature[spec.connected_field]) not in (None, ""):  # as in SQL: NULL or ''
                continue
            geometry = feature.geometry()
            if geometry.isNull():
                continue
            best = min(
                ((d, segments.values[i][0], i) for i, d in segments.within(geometry, spec.distance)),
                default=None,
            )
            if best is not None:
                d, key, i = best
                found.append((d, buildings.key_of(feature), feature, geometry, key, segments.values[i][1]))
    found.sort(key=lambda item: (item[0], item[1]))
    table = _table(buildings)
    for rank, (d, _, feature, geometry, key, text) in enumerate(found, start=1):
        table.add(list(feature.attributes()) + [_text(key), text, d, rank], geometry)
    return table
