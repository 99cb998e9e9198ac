"""Buffer analysis: the features (buildings) within a distance of sources (water bodies, waterlogging
areas, a road, a drawn area, any layer), with buildings, population and containments by type per ward.

A feature is "within" when the shortest distance between the two geometries is at most the distance
(``ST_DWithin``; no buffer polygon is built, so nothing is lost to buffer segments).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from psycopg2 import sql
from qgis.core import QgsFields, QgsGeometry

from .areas import ALL, NO_AREA, AreaIndex, natural_key, sorted_labels, sql_all_labels, sql_labels
from .inputs import Input
from .native import Env, GeometryIndex, features
from .tables import DOUBLE, INT, TEXT, Table, column_name, extend, pyvalue, qfield


@dataclass
class BufferSpec:
    distance: float
    area: QgsGeometry | None = None  # a drawn area, in the analysis CRS
    population: str | None = None  # field of the targets
    containment_type: str | None = None  # field of the containments
    ward_label: str | None = None  # field of the wards


@dataclass
class BufferInputs:
    targets: Input
    sources: Input | None = None
    containments: Input | None = None
    wards: Input | None = None


def _feature_table(inputs: BufferInputs) -> tuple[Table, bool]:
    extra = [qfield("ward", TEXT)] if inputs.wards is not None else []
    fields, _ = extend(inputs.targets.fields, extra)
    return Table(fields, inputs.targets.source.wkbType()), bool(extra)


def summarise(
    spec: BufferSpec,
    inputs: BufferInputs,
    hits: list[tuple[list, object]],
    containment_hits: list[tuple[object, list]],
    ward_labels: list[str] | None,
) -> Table:
    """Per ward (and in all): features, population, containments and containments by type.

    ``hits``: (wards, population) per feature; ``containment_hits``: (type, wards) per containment."""
    types = sorted({str(t) if t is not None else "unknown" for t, _ in containment_hits}, key=natural_key)
    extra = [qfield("ward", TEXT), qfield("buildings", INT)]
    if spec.population:
        extra.append(qfield("population", DOUBLE))
    if inputs.containments is not None:
        extra.append(qfield("containments", INT))
        extra += [qfield(column_name("n_", t), INT) for t in types]
    table = Table(extend(QgsFields(), extra)[0])
    count, population = Counter(), defaultdict(float)
    by_type = defaultdict(Counter)
    for wards, pop in hits:
        for label in (wards or [NO_AREA]) + [ALL]:
            count[label] += 1
            population[label] += float(pyvalue(pop) or 0)
    for ctype, wards in containment_hits:
        for label in (wards or [NO_AREA]) + [ALL]:
            by_type[label][str(ctype) if ctype is not None else "unknown"] += 1
    labels = list(ward_labels or [])
    if ward_labels is not None and (count[NO_AREA] or sum(by_type[NO_AREA].values())):
        labels.append(NO_AREA)
    labels.append(ALL)
    for label in labels:
        row = [label, count[label]]
        if spec.population:
            row.append(population[label])
        if inputs.containments is not None:
            row.append(sum(by_type[label].values()))
            row += [by_type[label][t] for t in types]
        table.add(row)
    return table


# push-down ----------------------------------------------------------------------------------------------


def run_sql(session, inputs: BufferInputs, spec: BufferSpec, env: Env) -> dict[str, Table]:
    from .sqlparts import Rel, join, nearest_per_key, q

    params = {"d": spec.distance}
    t = Rel(session, inputs.targets, params, "t")
    sources = []
    if inputs.sources is not None:
        s = Rel(session, inputs.sources, params, "s")
        sources.append(q("SELECT {g} AS geom FROM {rel} s", g=s.g("s"), rel=s.relation))
    if spec.area is not None:
        params["area"] = bytes(spec.area.asWkb())
        params["srid"] = session.srid(inputs.targets.pg)
        sources.append(
            q("SELECT ST_GeomFromWKB({}, {}) AS geom", sql.Placeholder("area"), sql.Placeholder("srid"))
        )
    src = join(sources, " UNION ALL ")
    wards = None
    if inputs.wards is not None:
        wards = Rel(session, inputs.wards, params, "w")

    def ward_expr(g, is_point):
        if wards is None:
            return q("NULL::text[]")
        return sql_labels(wards.relation, inputs.wards.pg.geometry, spec.ward_label, g, is_point)

    table, with_ward = _feature_table(inputs)
    env.progress(10)
    # best form (TOOLCHAIN.md): start from the few sources and let the index find the buildings they reach;
    # one row per building, its columns carried along (the big table is not joined a second time)
    query, _ = nearest_per_key(
        q(
            "FROM ({src}) src JOIN {trel} b ON ST_DWithin({tg}, src.geom, %(d)s)",
            src=src,
            trel=t.relation,
            tg=t.g("b"),
        ),
        t.k("b"),
        t.columns("b")
        + [ward_expr(t.g("b"), inputs.targets.is_point), t.col("b", spec.population), t.wkb("b")],
    )
    n = len(inputs.targets.fields)
    hits = []
    for row in session.rows(query, params):
        table.add(row[:n] + ((", ".join(row[n] or []),) if with_ward else ()), row[-1])
        hits.append((row[n] or [], row[n + 1]))
    env.progress(50)
    containment_hits = []
    if inputs.containments is not None:
        c = Rel(session, inputs.containments, params, "c")
        query, _ = nearest_per_key(
            q(
                "FROM ({src}) src JOIN {crel} c ON ST_DWithin({cg}, src.geom, %(d)s)",
                src=src,
                crel=c.relation,
                cg=c.g("c"),
            ),
            c.k("c"),
            [
                q("{}::text", c.col("c", spec.containment_type)),
                ward_expr(c.g("c"), inputs.containments.is_point),
            ],
        )
        containment_hits = [(ctype, wards or []) for ctype, wards in session.rows(query, params)]
    labels = None
    if wards is not None:
        labels = sorted_labels(
            r[0] for r in session.rows(sql_all_labels(wards.relation, spec.ward_label), params)
        )
    env.progress(60)
    return {"features": table, "summary": summarise(spec, inputs, hits, containment_hits, labels)}


# native -------------------------------------------------------------------------------------------------


def run_native(inputs: BufferInputs, spec: BufferSpec, env: Env) -> dict[str, Table]:
    sources = GeometryIndex()
    if inputs.sources is not None:
        for feature in features(inputs.sources, env, []):
            sources.add(feature.geometry(), None)
    if spec.area is not None:
        sources.add(spec.area, None)
    wards = AreaIndex(inputs.wards, spec.ward_label, env) if inputs.wards is not None else None
    table, with_ward = _feature_table(inputs)
    hits = []
    rect = sources.extent(spec.distance)
    if rect is not None:
        for feature in features(inputs.targets, env, rect=rect, progress=(5, 75)):
            geometry = feature.geometry()
            if geometry.isNull() or not any(True for _ in sources.within(geometry, spec.distance)):
                continue
            labels = wards.of(geometry) if wards is not None else []
            values = list(feature.attributes()) + ([", ".join(labels)] if with_ward else [])
            table.add(values, geometry)
            hits.append((labels, feature[spec.population] if spec.population else None))
    containment_hits = []
    if inputs.containments is not None and rect is not None:
        attributes = [spec.containment_type] if spec.containment_type else []
        for feature in features(inputs.containments, env, attributes, rect=rect, progress=(80, 10)):
            geometry = feature.geometry()
            if geometry.isNull() or not any(True for _ in sources.within(geometry, spec.distance)):
                continue
            ctype = pyvalue(feature[spec.containment_type]) if spec.containment_type else None
            containment_hits.append(
                (None if ctype is None else str(ctype), wards.of(geometry) if wards is not None else [])
            )
    labels = wards.labels if wards is not None else None
    return {"features": table, "summary": summarise(spec, inputs, hits, containment_hits, labels)}
