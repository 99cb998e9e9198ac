"""Service gaps: containments not emptied in the last N years, the buildings they serve, and the share per
ward and per low-income community (LIC).

A containment is a gap on the reference date when
- it was last emptied more than N years before (``overdue``), or
- it was never emptied and was built more than N years before (``never_emptied``), or
- it has neither date (``no_date``: nobody knows, so it needs a visit).
A containment built within the last N years and never emptied is not a gap yet. It counts in the ward and
LIC its location falls in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from psycopg2 import sql
from qgis.core import QgsFields

from .areas import ALL, NO_AREA, AreaIndex, centroid, sorted_labels, sql_all_labels, sql_labels
from .inputs import Input, PlanningError
from .native import Env, features
from .tables import DOUBLE, INT, TEXT, Table, extend, pyvalue, qfield

OVERDUE, NEVER, NO_DATE = "overdue", "never_emptied", "no_date"


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier (29 February -> 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass
class GapSpec:
    years: int
    as_of: dt.date
    last_emptied: str  # field of the containments
    built: str | None = None  # construction date field of the containments
    ward_label: str | None = None
    lic_label: str | None = None
    containment_key: str | None = None  # field of the containments the links refer to
    building_key: str | None = None  # field of the buildings the links refer to
    link_building: str | None = None
    link_containment: str | None = None

    @property
    def cutoff(self) -> dt.date:
        return years_before(self.as_of, self.years)


def status(spec: GapSpec, last: dt.date | None, built: dt.date | None) -> str | None:
    if last is not None:
        return OVERDUE if last < spec.cutoff else None
    if built is None:
        return NO_DATE
    return NEVER if built < spec.cutoff else None


def _date(value, field: str) -> dt.date | None:
    value = pyvalue(value)
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise PlanningError(f"Field {field!r} holds {value!r}, which is not a date (YYYY-MM-DD).") from None


def _tables(containments: Input, buildings: Input | None) -> dict[str, Table]:
    fields, _ = extend(
        containments.fields,
        [qfield("status", TEXT), qfield("years_since", DOUBLE), qfield("ward", TEXT), qfield("lic", TEXT)],
    )
    summary, _ = extend(
        QgsFields(),
        [
            qfield("area_kind", TEXT),
            qfield("area", TEXT),
            qfield("containments", INT),
            qfield("gaps", INT),
            qfield("gaps_pct", DOUBLE),
        ],
    )
    tables = {"features": Table(fields, containments.source.wkbType()), "summary": Table(summary)}
    if buildings is not None:
        bfields, _ = extend(buildings.fields, [qfield("gap_containments", INT)])
        tables["buildings"] = Table(bfields, buildings.source.wkbType())
    return tables


def _years(spec: GapSpec, last, built):
    reference = last or built
    return None if reference is None else round((spec.as_of - reference).days / 365.25, 2)


def _summary_rows(table: Table, kind: str, labels: list[str], totals: Counter, gaps: Counter) -> None:
    for label in labels:
        total = totals[label]
        table.add([kind, label, total, gaps[label], round(100.0 * gaps[label] / total, 2) if total else None])


# push-down ----------------------------------------------------------------------------------------------


def run_sql(
    session,
    containments: Input,
    wards: Input | None,
    lics: Input | None,
    buildings: Input | None,
    links: Input | None,
    spec: GapSpec,
    env: Env,
) -> dict[str, Table]:
    from .sqlparts import Rel, join, q

    params = {"cutoff": spec.cutoff, "as_of": spec.as_of}
    c = Rel(session, containments, params, "c")
    last = q("{}::date", c.col("c", spec.last_emptied))
    built = q("{}::date", c.col("c", spec.built)) if spec.built else sql.SQL("NULL::date")
    state = q(
        "CASE WHEN {last} IS NOT NULL THEN CASE WHEN {last} < %(cutoff)s THEN 'overdue' END "
        "WHEN {built} IS NULL THEN 'no_date' WHEN {built} < %(cutoff)s THEN 'never_emptied' END",
        last=last,
        built=built,
    )
    w = Rel(session, wards, params, "w") if wards is not None else None
    lic = Rel(session, lics, params, "lic") if lics is not None else None

    def labels(area, item, label):
        if area is None:
            return sql.SQL("NULL::text[]")
        return sql_labels(area.relation, item.pg.geometry, label, c.g("c"), containments.is_point)

    tables = _tables(containments, buildings)
    rows = session.rows(
        q(
            "SELECT * FROM (SELECT {cols}, {state} AS status, "
            "round(((%(as_of)s - coalesce({last}, {built}))::numeric / 365.25), 2), "
            "coalesce(array_to_string({wl}, ', '), ''), coalesce(array_to_string({ll}, ', '), ''), "
            "{wkb} FROM {rel} c) x WHERE status IS NOT NULL",
            cols=join(c.columns("c")),
            state=state,
            last=last,
            built=built,
            wl=labels(w, wards, spec.ward_label),
            ll=labels(lic, lics, spec.lic_label),
            wkb=c.wkb("c"),
            rel=c.relation,
        ),
        params,
    )
    for row in rows:
        tables["features"].add(row[:-1], row[-1])
    env.progress(40)
    summary = tables["summary"]
    total, gap = session.execute(
        q(
            "SELECT count(*), count(*) FILTER (WHERE {state} IS NOT NULL) FROM {rel} c",
            state=state,
            rel=c.relation,
        ),
        params,
    ).fetchone()
    _summary_rows(summary, "city", [ALL], Counter({ALL: total}), Counter({ALL: gap}))
    for kind, area, item, label in (("ward", w, wards, spec.ward_label), ("lic", lic, lics, spec.lic_label)):
        if area is None:
            continue
        g = area.g("a")
        # an explicit && so that the areas' index is used (TOOLCHAIN.md); one aggregate per area
        counted = session.rows(
            q(
                "SELECT a.{label}::text, x.n, x.gaps FROM {arel} a CROSS JOIN LATERAL "
                "(SELECT count(*) AS n, count(*) FILTER (WHERE {state} IS NOT NULL) AS gaps "
                "FROM {rel} c WHERE {g} && {cg} AND ST_Intersects({g}, {cc})) x",
                label=sql.Identifier(label),
                state=state,
                arel=area.relation,
                rel=c.relation,
                g=g,
                cg=c.g("c"),
                cc=centroid(c.g("c"), containments.is_point),
            ),
            params,
        )
        names = sorted_labels(r[0] for r in session.rows(sql_all_labels(area.relation, label), params))
        totals, gaps = Counter(), Counter()
        for name, n, gap in counted:  # two polygons may share a label
            totals[name] += n
            gaps[name] += gap
        if kind == "lic":
            out_total, out_gap = session.execute(
                q(
                    "SELECT count(*), count(*) FILTER (WHERE {state} IS NOT NULL) FROM {rel} c "
                    "WHERE NOT EXISTS (SELECT 1 FROM {arel} a "
                    "WHERE {g} && {cg} AND ST_Intersects({g}, {cc}))",
                    state=state,
                    rel=c.relation,
                    arel=area.relation,
                    g=g,
                    cg=c.g("c"),
                    cc=centroid(c.g("c"), containments.is_point),
                ),
                params,
            ).fetchone()
            names.append(NO_AREA)
            totals[NO_AREA], gaps[NO_AREA] = out_total, out_gap
        _summary_rows(summary, kind, names, totals, gaps)
    env.progress(70)
    if buildings is not None and links is not None:
        b, link = Rel(session, buildings, params, "b"), Rel(session, links, params, "l")
        rows = session.rows(
            q(
                "WITH g AS (SELECT {lb} AS bk, count(*) AS n FROM {lrel} l JOIN {rel} c "
                "ON {ck} = {lc} WHERE {state} IS NOT NULL GROUP BY 1) "
                "SELECT {cols}, g.n, {wkb} FROM g JOIN {brel} b ON {bk} = g.bk",
                lb=link.col("l", spec.link_building),
                lrel=link.relation,
                rel=c.relation,
                ck=c.col("c", spec.containment_key),
                lc=link.col("l", spec.link_containment),
                state=state,
                cols=join(b.columns("b")),
                wkb=b.wkb("b"),
                brel=b.relation,
                bk=b.col("b", spec.building_key),
            ),
            params,
        )
        for row in rows:
            tables["buildings"].add(row[:-1], row[-1])
    return tables


# native -------------------------------------------------------------------------------------------------


def run_native(
    containments: Input,
    wards: Input | None,
    lics: Input | None,
    buildings: Input | None,
    links: Input | None,
    spec: GapSpec,
    env: Env,
) -> dict[str, Table]:
    ward_index = AreaIndex(wards, spec.ward_label, env) if wards is not None else None
    lic_index = AreaIndex(lics, spec.lic_label, env) if lics is not None else None
    tables = _tables(containments, buildings)
    totals = {"city": Counter(), "ward": Counter(), "lic": Counter()}
    gaps = {"city": Counter(), "ward": Counter(), "lic": Counter()}
    gap_keys = set()
    for feature in features(containments, env, progress=(5, 70)):
        last = _date(feature[spec.last_emptied], spec.last_emptied)
        built = _date(feature[spec.built], spec.built) if spec.built else None
        state = status(spec, last, built)
        geometry = feature.geometry()
        centroid = geometry.centroid() if not geometry.isNull() else None
        in_wards = ward_index.of_point(centroid) if ward_index is not None and centroid is not None else []
        in_lics = lic_index.of_point(centroid) if lic_index is not None and centroid is not None else []
        for kind, labels in (("city", [ALL]), ("ward", in_wards), ("lic", in_lics or [NO_AREA])):
            for label in labels:
                totals[kind][label] += 1
                gaps[kind][label] += state is not None
        if state is None:
            continue
        if spec.containment_key:
            gap_keys.add(str(pyvalue(feature[spec.containment_key])))
        tables["features"].add(
            list(feature.attributes())
            + [state, _years(spec, last, built), ", ".join(in_wards), ", ".join(in_lics)],
            geometry,
        )
    summary = tables["summary"]
    _summary_rows(summary, "city", [ALL], totals["city"], gaps["city"])
    if ward_index is not None:
        _summary_rows(summary, "ward", ward_index.labels, totals["ward"], gaps["ward"])
    if lic_index is not None:
        _summary_rows(summary, "lic", lic_index.labels + [NO_AREA], totals["lic"], gaps["lic"])
    if buildings is not None and links is not None:
        served = Counter()
        for feature in features(links, env, [spec.link_building, spec.link_containment], geometry=False):
            if str(pyvalue(feature[spec.link_containment])) in gap_keys:
                served[str(pyvalue(feature[spec.link_building]))] += 1
        for feature in features(buildings, env, progress=(80, 15)):
            n = served.get(str(pyvalue(feature[spec.building_key])))
            if n:
                tables["buildings"].add(list(feature.attributes()) + [n], feature.geometry())
    return tables
