"""Set-based validation of a staged layer: one statement turns the text rows into typed rows of the target
table and lists, per row, every field that does not fit; a few more find duplicate keys, broken CHECK rules
(read from the catalog) and unknown link keys. Nothing is written to the data schemas here.

Three query levels, each fenced with ``OFFSET 0`` so PostgreSQL computes every expression once:
L1 normalises source text (trim, value maps, code-list labels, geometry in the city CRS), L2 casts it (guarded:
a value that does not fit becomes NULL, never an error) and joins the referenced and existing rows, L3 names
the problems. Problems travel as ``field<US>value<US>reason`` strings into the ``_rejects`` temp table.
"""
from __future__ import annotations

import json
import re

from psycopg2 import sql

from .plan import ACCEPTED_GEOMETRY, GEOMETRY_WORD, Field, Plan

SEP = "\x1f"
STANDARD_HOLDING = r"^[0-9]{2}-[0-9]{3}-[0-9]{4}-[0-9]{2}$"
NEAR_HOLDING = r"^([0-9]{1,2})[-/. ]+([0-9]{1,3})[-/. ]+([0-9]{1,4})[-/. ]+([0-9]{1,2})$"
INT_RANGE = {"int2": (-32768, 32767), "int4": (-2147483648, 2147483647),
             "int8": (-9223372036854775808, 9223372036854775807)}
NUMBER = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,3})?$"
ISO_DATE = r"^[0-9]{4}[-/.][0-9]{2}[-/.][0-9]{2}([ T][0-9:.+-]*Z?)?$"
DMY_DATE = r"^[0-9]{2}[-/.][0-9]{2}[-/.][0-9]{4}$"
DATE = r"^(?:([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})|([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4}))(?:[ T][0-9:.+-]*Z?)?$"
TIMESTAMP = (r"^([0-9]{4})[-/]([0-9]{2})[-/]([0-9]{2})(?:[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?)?"
             r" ?(?:[+-][0-9]{2}(?::?[0-9]{2})?|Z)?$")
UUID = r"^[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}$"
TRUE_WORDS = ["true", "t", "yes", "y", "1", "হ্যাঁ"]
FALSE_WORDS = ["false", "f", "no", "n", "0", "না"]
#: Clear reasons for the CHECK rules people meet most; others are shown by name and expression.
CHECK_REASONS = {
    "ck_holding_code_standard_or_legacy": "holding code is not in the standard form XX-XXX-XXXX-XX "
                                          "(ward-zone-holding-extension) and the holding is not marked legacy "
                                          "(map is_legacy, or set legacy_codes = \"flag\" in the mapping)",
    "ck_building_population_sum": "population is not female + male + other population",
    "ck_road_carrying_width_within_width": "carrying width is more than the road width",
}

TEMP_FUNCTIONS = """
CREATE OR REPLACE FUNCTION pg_temp.imis_geometry_from_text(wkt text, src integer, dst integer) RETURNS geometry
LANGUAGE plpgsql AS $$
DECLARE
    g geometry;
BEGIN
    g := ST_GeomFromEWKT(wkt);
    IF ST_SRID(g) = 0 THEN
        IF src IS NULL THEN
            RETURN NULL;
        END IF;
        g := ST_SetSRID(g, src);
    END IF;
    RETURN ST_Transform(ST_Force2D(g), dst);
EXCEPTION WHEN OTHERS THEN
    RETURN NULL;  -- reported as a row problem, not an error
END
$$;
"""


class Params:
    """Bound parameters of a generated statement: every value from a mapping or file goes through here."""

    def __init__(self):
        self.values: dict[str, object] = {}

    def __call__(self, value) -> sql.Composable:
        name = f"p{len(self.values)}"
        self.values[name] = value
        return sql.Placeholder(name)


def constant_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _typmod(sql_type: str) -> tuple[int, int] | None:
    match = re.search(r"\((\d+)(?:,(\d+))?\)", sql_type)
    return (int(match.group(1)), int(match.group(2) or 0)) if match else None


def _valid_date(y: sql.Composable, m: sql.Composable, d: sql.Composable) -> sql.Composable:
    """The date y-m-d, or NULL when there is no such day (31 April...), without ever raising an error."""
    day = sql.SQL("make_date({}, {}, 1) + ({} - 1)").format(y, m, d)
    # every month has a 28th: most days take make_date directly, the rest are checked by their month
    return sql.SQL("CASE WHEN {y} BETWEEN 1 AND 9999 AND {m} BETWEEN 1 AND 12 AND {d} >= 1 THEN "
                   "CASE WHEN {d} <= 28 THEN make_date({y}, {m}, {d}) "
                   "WHEN extract(month FROM {day}) = {m} THEN {day} END END").format(y=y, m=m, d=d, day=day)


def typed(column_type: str, base: str, t: sql.Composable, P: Params) -> tuple[sql.Composable, str]:
    """A guarded cast of normalised text ``t`` to a column type (NULL when it does not fit), and the reason."""
    F = sql.SQL
    if base in INT_RANGE:
        lo, hi = INT_RANGE[base]
        # fast path for plain short integers (int4 casts are cheap), numeric for "12.0" and long ones
        return (F("CASE WHEN {t} ~ {short} THEN CASE WHEN {t}::int4 BETWEEN {lo} AND {hi} THEN {t}::int4::{ty} END "
                  "WHEN {t} ~ {re} THEN CASE WHEN {t}::numeric BETWEEN {lo} AND {hi} THEN {t}::numeric::{ty} END END")
                .format(t=t, short=P(r"^[+-]?[0-9]{1,9}$"), re=P(r"^[+-]?[0-9]+(\.0*)?$"), lo=sql.Literal(lo),
                        hi=sql.Literal(hi), ty=F(base)),
                f"not a whole number between {lo} and {hi}")
    if base == "numeric":
        mod = _typmod(column_type)
        if mod:
            precision, scale = mod
            return (F("CASE WHEN {t} ~ {re} THEN CASE WHEN abs(round({t}::numeric, {s})) < {lim} THEN "
                      "{t}::numeric::numeric({p}, {s}) END END").format(
                        t=t, re=P(NUMBER), s=sql.Literal(scale), p=sql.Literal(precision),
                        lim=sql.Literal(10 ** (precision - scale))),
                    f"not a number below {10 ** (precision - scale):,}")
        return F("CASE WHEN {t} ~ {re} THEN {t}::numeric END").format(t=t, re=P(NUMBER)), "not a number"
    if base in ("float4", "float8"):
        return F("CASE WHEN {t} ~ {re} THEN {t}::float8 END").format(t=t, re=P(NUMBER)), "not a number"
    if base == "bool":
        return (F("CASE WHEN lower({t}) = ANY({yes}) THEN true WHEN lower({t}) = ANY({no}) THEN false END")
                .format(t=t, yes=P(TRUE_WORDS), no=P(FALSE_WORDS)), "not yes/no (true/false, yes/no, 1/0)")
    if base == "date":
        # fixed-width forms (2024-05-01, 2024/05/01 10:00, 01/05/2024) take substr, which is cheap; other
        # forms (2024-5-1) the slower regexp_match
        iso = [F("substr({}, {}, {})::int").format(t, sql.Literal(a), sql.Literal(n)) for a, n in ((1, 4), (6, 2), (9, 2))]
        dmy = [F("substr({}, {}, {})::int").format(t, sql.Literal(a), sql.Literal(n)) for a, n in ((7, 4), (4, 2), (1, 2))]
        m = F("regexp_match({t}, {re})").format(t=t, re=P(DATE))
        loose = [F("coalesce(({m})[{a}], ({m})[{b}])::int").format(m=m, a=sql.Literal(a), b=sql.Literal(b))
                 for a, b in ((1, 6), (2, 5), (3, 4))]
        return (F("CASE WHEN {t} ~ {iso_re} THEN {iso} WHEN {t} ~ {dmy_re} THEN {dmy} WHEN {t} ~ {re} THEN {loose} END").format(
                    t=t, iso_re=P(ISO_DATE), iso=_valid_date(*iso), dmy_re=P(DMY_DATE), dmy=_valid_date(*dmy),
                    re=P(DATE), loose=_valid_date(*loose)),
                "not a date (YYYY-MM-DD or DD/MM/YYYY)")
    if base in ("timestamptz", "timestamp"):
        y, mo, d, h, mi = (F("substr({}, {}, {})::int").format(t, sql.Literal(a), sql.Literal(n))
                           for a, n in ((1, 4), (6, 2), (9, 2), (12, 2), (15, 2)))
        sec = F("CASE WHEN substr({t}, 17, 1) = ':' THEN substr({t}, 18, 2)::int ELSE 0 END").format(t=t)
        time_ok = F("(length({t}) < 16 OR ({h} < 24 AND {mi} < 60 AND {s} < 60))").format(t=t, h=h, mi=mi, s=sec)
        return (F("CASE WHEN {t} ~ {re} THEN CASE WHEN {ok} THEN CASE WHEN {date} IS NOT NULL THEN "
                  "replace({t}, '/', '-')::{ty} END END END").format(
                    t=t, re=P(TIMESTAMP), ok=time_ok, date=_valid_date(y, mo, d), ty=F(base)),
                "not a date and time (YYYY-MM-DD HH:MM)")
    if base == "uuid":
        return F("CASE WHEN {t} ~ {re} THEN {t}::uuid END").format(t=t, re=P(UUID)), "not a UUID"
    mod = _typmod(column_type) if base in ("varchar", "bpchar") else None
    if mod:
        return (F("CASE WHEN length({t}) <= {n} THEN {t} END").format(t=t, n=sql.Literal(mod[0])),
                f"longer than {mod[0]} characters")
    return t, "not text"


class LayerSQL:
    """The statements validating one planned layer; ``n`` keeps temp table names apart."""

    def __init__(self, plan: Plan, staged_table: str, n: int, city_srid: int, repair: bool, code_lists: dict):
        self.plan, self.n, self.srid, self.repair = plan, n, city_srid, repair
        self.stage = sql.Identifier(staged_table)
        self.typed_name = f"imis_typed_{n}"
        self.typed = sql.Identifier(self.typed_name)
        self.code_lists = code_lists  # code-list (schema.table) -> lookup dict
        self.P = Params()

    # --- L1: normalised text ----------------------------------------------------------------------
    def _text(self, field: Field, columns: dict[str, str]) -> sql.Composable:
        P, spec = self.P, field.spec
        if spec.is_constant:
            v = sql.SQL("{}::text").format(P(constant_text(spec.constant)))
        else:
            v = sql.SQL("nullif(btrim(s.{}), '')").format(sql.Identifier(columns[field.staged]))
        if spec.prefix:
            v = sql.SQL("({} || {})").format(P(spec.prefix), v)
        if spec.values:
            values = {**{k.strip().lower(): constant_text(x) for k, x in spec.values.items()},
                      **{k.strip(): constant_text(x) for k, x in spec.values.items()}}
            vm = P(json.dumps(values, ensure_ascii=False))
            v = sql.SQL("coalesce({vm}::jsonb ->> {v}, {vm}::jsonb ->> lower({v}), {v})").format(vm=vm, v=v)
        if field.code_fk is not None:
            lookup = self.code_lists[f"{field.code_fk.ref_schema}.{field.code_fk.ref_table}"]
            v = sql.SQL("coalesce({}::jsonb ->> lower({}), {})").format(P(json.dumps(lookup, ensure_ascii=False)), v, v)
        return v

    def _geometry_l1(self, columns: dict[str, str]) -> sql.Composable:
        source, P = self.plan.geometry_source, self.P
        if source.get("gdal"):
            return sql.SQL("ST_SetSRID(ST_Force2D(s._geom), {})").format(sql.Literal(self.srid))
        if "wkt" in source:
            return sql.SQL("pg_temp.imis_geometry_from_text(nullif(btrim(s.{}), ''), {}, {})").format(
                sql.Identifier(columns[source["wkt"]]), P(self.plan.src_srid), sql.Literal(self.srid))
        x, y = (sql.SQL("nullif(btrim(s.{}), '')").format(sql.Identifier(columns[source[k]])) for k in ("x", "y"))
        return sql.SQL("CASE WHEN {x} ~ {re} AND {y} ~ {re} THEN ST_Transform(ST_SetSRID(ST_MakePoint({x}::float8, "
                       "{y}::float8), {src}), {dst}) END").format(x=x, y=y, re=P(NUMBER), src=P(self.plan.src_srid),
                                                               dst=sql.Literal(self.srid))

    def _geometry_text(self, columns: dict[str, str]) -> sql.Composable:
        source = self.plan.geometry_source
        if source.get("gdal"):
            return sql.SQL("NULL::text")  # a GDAL geometry is either read or absent
        if "wkt" in source:
            return sql.SQL("left(s.{}, 60)").format(sql.Identifier(columns[source["wkt"]]))
        return sql.SQL("concat_ws(' ', s.{}, s.{})").format(*(sql.Identifier(columns[source[k]]) for k in ("x", "y")))

    def _normalised_holding(self, t: sql.Composable) -> sql.Composable:
        """A near-standard holding code (1-23-456-7, 01/023/0456/07) in the standard form, else as given."""
        m = sql.SQL("regexp_match({}, {})").format(t, self.P(NEAR_HOLDING))
        parts = [sql.SQL("lpad(({m})[{i}], {w}, '0')").format(m=m, i=sql.Literal(k), w=sql.Literal(w))
                 for k, w in ((1, 2), (2, 3), (3, 4), (4, 2))]
        return sql.SQL("CASE WHEN {t} ~ {re} THEN concat_ws('-', {parts}) ELSE {t} END").format(
            t=t, re=self.P(NEAR_HOLDING), parts=sql.SQL(", ").join(parts))

    # --- the typed table ---------------------------------------------------------------------------
    def create_typed(self, columns: dict[str, str]) -> tuple[sql.Composable, dict]:
        """CREATE TEMP TABLE imis_typed_n: typed values, matched id, problems and notes per row."""
        plan, P, F = self.plan, self.P, sql.SQL
        self._l1 = [F("s._row"), F("s._fid")]
        self._l2 = [F("q._row"), F("q._fid")]
        self._l3 = [F("q2._row"), F("q2._fid")]
        self._joins, self._problems, self._notes = [], [], []
        for i, field in enumerate(plan.fields):
            self._field(i, field, columns)
        if plan.table.name == "holding" and plan.layer.legacy_codes == "flag":
            self._flag_legacy()
        if plan.geometry is not None:
            self._geometry(columns)
        self._match_existing()
        self._merged_rules()
        self._l3.append(F("q2._id, q2._n"))
        self._l3.append(F("array_remove(ARRAY[{}]::text[], NULL) AS _problems").format(
            sql.SQL(", ").join(self._problems) or F("NULL")))
        self._l3.append(F("array_remove(ARRAY[{}]::text[], NULL) AS _notes").format(
            sql.SQL(", ").join(self._notes) or F("NULL")))
        statement = F("CREATE TEMP TABLE {typed} ON COMMIT DROP AS SELECT {l3} FROM (SELECT {l2} FROM (SELECT {l1} "
                      "FROM {stage} s OFFSET 0) q {joins} OFFSET 0) q2").format(
            typed=self.typed, l3=sql.SQL(", ").join(self._l3), l2=sql.SQL(", ").join(self._l2),
            l1=sql.SQL(", ").join(self._l1), stage=self.stage, joins=sql.SQL(" ").join(self._joins))
        return statement, P.values

    def _problem(self, column: str, value: sql.Composable, reason: str, condition: sql.Composable) -> None:
        self._problems.append(sql.SQL("CASE WHEN {c} THEN concat({col}, {sep}, {v}, {sep}, {r}) END").format(
            c=condition, col=self.P(column), sep=self.P(SEP), v=value, r=self.P(reason)))

    def _note(self, column: str, value: sql.Composable, outcome: str, reason: sql.Composable,
              condition: sql.Composable) -> None:
        self._notes.append(sql.SQL("CASE WHEN {c} THEN concat({col}, {sep}, {v}, {sep}, {o}, {sep}, {r}) END").format(
            c=condition, col=self.P(column), sep=self.P(SEP), v=value, o=self.P(outcome), r=reason))

    def _field(self, i: int, field: Field, columns: dict[str, str]) -> None:
        plan, P, F = self.plan, self.P, sql.SQL
        t = sql.Identifier(f"t{i}")
        c = sql.Identifier(field.column.name)
        qt, q2t, q2c = F("q.{}").format(t), F("q2.{}").format(t), F("q2.{}").format(c)
        self._l1.append(F("{} AS {}").format(self._text(field, columns), t))
        if field.reference is not None:
            ref, alias = field.reference, sql.Identifier(f"r{i}")
            key_expr, _ = typed(ref.key.sql_type, ref.key.base_type, qt, P)
            if ref.key_unique:
                self._joins.append(F("LEFT JOIN {tbl} {a} ON {a}.{k} = {e}").format(
                    tbl=ref.table.ident, a=alias, k=sql.Identifier(ref.key.name), e=key_expr))
                self._l2.append(F("{a}.id AS {c}").format(a=alias, c=c))
            else:  # e.g. legacy holding codes repeat: count the candidates
                n = sql.Identifier(f"n{i}")
                self._joins.append(F("LEFT JOIN (SELECT {k} AS key, min(id::text)::uuid AS id, count(*) AS n FROM {tbl} "
                                     "GROUP BY {k}) {a} ON {a}.key = {e}").format(
                    tbl=ref.table.ident, a=alias, k=sql.Identifier(ref.key.name), e=key_expr))
                self._l2.append(F("CASE WHEN {a}.n = 1 THEN {a}.id END AS {c}, {a}.n AS {n}").format(a=alias, c=c, n=n))
                self._problem(field.column.name, q2t, f"several {ref.table.name} rows have this {ref.key.name}: "
                              "cannot tell which one", F("q2.{} > 1").format(n))
            reason = f"no {ref.table.name} with this {ref.key.name}"
        elif plan.table.name == "holding" and field.column.name == "holding_code":
            self._l2.append(F("{} AS {}").format(self._normalised_holding(qt), c))
            reason = ""
            self._note("holding_code", q2t, "repaired", F("'normalised to the standard form ' || {}").format(q2c),
                       F("{} <> {}").format(q2c, q2t))
        else:
            expr, reason = typed(field.column.sql_type, field.column.base_type, qt, P)
            if field.code_fk is not None:
                lookup = self.code_lists[f"{field.code_fk.ref_schema}.{field.code_fk.ref_table}"]
                allowed = sorted(set(lookup.values()))
                # L1 translated labels to values: a known value maps to itself
                expr = F("CASE WHEN {l}::jsonb ->> lower({t}) = {t} THEN {t} END").format(
                    l=P(json.dumps(lookup, ensure_ascii=False)), t=qt)
                reason = (f"not a value of the code list {field.code_fk.ref_table} (allowed: "
                          f"{', '.join(allowed[:25])}{', ...' if len(allowed) > 25 else ''})")
            self._l2.append(F("{} AS {}").format(expr, c))
        self._l2.append(qt)
        if reason:
            self._problem(field.column.name, q2t, reason, F("{} IS NOT NULL AND {} IS NULL").format(q2t, q2c))
        if field.column.not_null or field.column.name in plan.key:
            why = "empty, but rows are matched on it" if field.column.name in plan.key else "required, but empty"
            self._problem(field.column.name, F("''"), why, F("{} IS NULL").format(q2t))
        if not (plan.table.name == "holding" and field.column.name == "is_legacy" and plan.layer.legacy_codes == "flag"):
            self._l3.append(q2c)

    def _flag_legacy(self) -> None:
        """legacy_codes = "flag": a holding code not in the standard form is marked legacy (and noted)."""
        F, P = sql.SQL, self.P
        given = F("q2.is_legacy") if self.plan.field("is_legacy") else F("NULL::boolean")
        nonstandard = F("coalesce(q2.holding_code !~ {}, false)").format(P(STANDARD_HOLDING))
        self._l3.append(F("coalesce({g}, false) OR {n} AS is_legacy").format(g=given, n=nonstandard))
        self._note("is_legacy", F("q2.holding_code"), "note",
                   P("not in the standard form XX-XXX-XXXX-XX: marked legacy"),
                   F("NOT coalesce({g}, false) AND {n}").format(g=given, n=nonstandard))

    def _geometry(self, columns: dict[str, str]) -> None:
        plan, P, F = self.plan, self.P, sql.SQL
        geometry = plan.geometry
        self._l1.append(F("{} AS _g, {} AS _gtext").format(self._geometry_l1(columns), self._geometry_text(columns)))
        self._l2.append(F("q._g, q._gtext, ST_IsValid(q._g) AS _valid, ST_IsEmpty(q._g) AS _empty, "
                          "GeometryType(q._g) AS _gtype"))
        target = (geometry.geometry_type or "GEOMETRY").upper()
        accepted = [a.upper() for a in ACCEPTED_GEOMETRY.get(target, ())]
        word = GEOMETRY_WORD.get(target, "geometries")
        dim = next((d for k, d in (("POLYGON", 3), ("LINESTRING", 2), ("POINT", 1)) if k in target), None)
        fixed = (F("ST_CollectionExtract(ST_MakeValid(q2._g), {})").format(sql.Literal(dim)) if dim
                 else F("ST_MakeValid(q2._g)"))
        type_ok = F("q2._gtype = ANY({})").format(P(accepted)) if accepted else F("true")
        col = geometry.name
        if geometry.not_null:
            self._problem(col, F("''"), "no geometry", F("q2._g IS NULL AND q2._gtext IS NULL"))
        self._problem(col, F("q2._gtext"), "not a geometry that can be read (check the numbers, the WKT or the CRS)",
                      F("q2._g IS NULL AND q2._gtext IS NOT NULL"))
        self._problem(col, F("q2._gtype"), "empty geometry", F("q2._empty"))
        self._problem(col, F("q2._gtype"), f"wrong geometry type: {plan.table.name} needs {word}",
                      F("NOT q2._empty AND NOT {}").format(type_ok))
        if target == "POINT":
            self._problem(col, F("q2._gtype"), "several points where one is needed",
                          F("q2._gtype = 'MULTIPOINT' AND ST_NumGeometries(q2._g) > 1"))
        if self.repair:
            self._problem(col, F("ST_IsValidReason(q2._g)"), "invalid geometry that cannot be repaired",
                          F("NOT q2._valid AND ST_IsEmpty({})").format(fixed))
            self._note(col, F("ST_IsValidReason(q2._g)"), "repaired", P("invalid geometry repaired with ST_MakeValid"),
                       F("NOT q2._valid"))
            shaped = F("CASE WHEN q2._valid THEN q2._g ELSE {} END").format(fixed)
        else:
            self._problem(col, F("ST_IsValidReason(q2._g)"),
                          "invalid geometry (import with --repair-geometries to repair it)", F("NOT q2._valid"))
            shaped = F("q2._g")
        if target.startswith("MULTI"):
            shaped = F("ST_Multi({})").format(shaped)
        elif target == "POINT":
            shaped = F("CASE WHEN q2._gtype = 'MULTIPOINT' THEN ST_GeometryN(q2._g, 1) ELSE q2._g END")
        self._l3.append(F("CASE WHEN NOT q2._empty AND {ok} AND {valid} THEN ({g})::{ty} END AS {c}").format(
            ok=type_ok, valid=F("true") if self.repair else F("q2._valid"), g=shaped, ty=sql.SQL(geometry.sql_type),
            c=sql.Identifier(col)))

    def _key_expr(self, k: str) -> sql.Composable:
        """The typed value of key column ``k`` at L2 (references: the referenced row's id)."""
        plan, F = self.plan, sql.SQL
        field = plan.field(k)
        i = plan.fields.index(field)
        if field.reference is not None:
            alias = sql.Identifier(f"r{i}")
            return (F("{}.id").format(alias) if field.reference.key_unique
                    else F("CASE WHEN {a}.n = 1 THEN {a}.id END").format(a=alias))
        t = F("q.{}").format(sql.Identifier(f"t{i}"))
        if plan.table.name == "holding" and k == "holding_code":
            return self._normalised_holding(t)
        return typed(field.column.sql_type, field.column.base_type, t, self.P)[0]

    def _match_existing(self) -> None:
        """The existing row each source row updates, by natural key; a non-unique key (legacy holding codes)
        may match several rows, which is a problem of its own."""
        plan, F = self.plan, sql.SQL
        keys = [(k, self._key_expr(k)) for k in plan.key]
        if plan.key_unique:
            condition = sql.SQL(" AND ").join(F("d.{} = {}").format(sql.Identifier(k), e) for k, e in keys)
            self._joins.append(F("LEFT JOIN {t} d ON {c}").format(t=plan.table.ident, c=condition))
            self._l2.append(F("d.id AS _id, CASE WHEN d.id IS NULL THEN 0 ELSE 1 END AS _n"))
            return
        names = sql.SQL(", ").join(sql.Identifier(k) for k in plan.key)
        condition = sql.SQL(" AND ").join(F("dk.{} = {}").format(sql.Identifier(k), e) for k, e in keys)
        self._joins.append(F("LEFT JOIN (SELECT {keys}, min(id::text)::uuid AS id, count(*) AS n FROM {t} "
                             "GROUP BY {keys}) dk ON {c} LEFT JOIN {t} d ON d.id = dk.id AND dk.n = 1").format(
            keys=names, t=plan.table.ident, c=condition))
        self._l2.append(F("d.id AS _id, coalesce(dk.n, 0) AS _n"))
        first = plan.fields.index(plan.field(plan.key[0]))
        self._problem(plan.key[0], F("q2.{}").format(sql.Identifier(f"t{first}")),
                      f"several {plan.table.name} rows in the database have this {' + '.join(plan.key)}: cannot tell "
                      "which one to update", F("q2._n > 1"))

    def _merged_rules(self) -> None:
        """CHECK rules, composite code-list keys and columns required for new rows, on the row as it will be
        after the import: mapped values over the existing row (``d``, joined by _match_existing)."""
        plan, F, P = self.plan, sql.SQL, self.P
        mapped = {f.column.name for f in plan.fields}
        if plan.table.name == "holding" and plan.layer.legacy_codes == "flag":
            mapped.add("is_legacy")
        geometry = plan.table.geometry_column
        if geometry is not None:
            mapped.add(geometry.name)
        checks = [c for c in plan.table.checks if c.columns and not (geometry and geometry.name in c.columns)
                  and any(col in mapped for col in c.columns)]
        composites = [fk for fk in plan.table.foreign_keys if len(fk.columns) > 1 and any(c in mapped for c in fk.columns)]
        required = [c for c in plan.table.columns.values() if c.not_null and not c.has_default and c.name not in mapped]
        needed = sorted({col for c in checks for col in c.columns} | {col for fk in composites for col in fk.columns})
        # existing values of the columns the rules read but the mapping does not fill
        # (new rows: the column's default, as the INSERT will give it)
        for col in needed:
            if col not in mapped:
                default = plan.table.columns[col].default_sql
                self._l2.append(F("CASE WHEN d.id IS NULL THEN {dflt} ELSE d.{c} END AS {c}").format(
                    dflt=sql.SQL(default.replace("%", "%%")) if default else F("NULL"), c=sql.Identifier(col)))
        for check in checks:
            reason = CHECK_REASONS.get(check.name, f"breaks the rule {check.name}: {check.expression}")
            value = sql.SQL(" || ' ' || ").join(F("coalesce(q2.{}::text, '')").format(sql.Identifier(c))
                                               for c in check.columns)
            expression = sql.SQL(check.expression.replace("%", "%%"))  # trusted: from pg_get_constraintdef
            if check.name == "ck_holding_code_standard_or_legacy" and plan.layer.legacy_codes == "flag":
                continue  # flagged instead
            self._problem(", ".join(check.columns), value, reason, F("({}) IS FALSE").format(expression))
        for fk in composites:
            cols = sql.SQL(", ").join(F("q2.{}").format(sql.Identifier(c)) for c in fk.columns)
            present = sql.SQL(" AND ").join(F("q2.{} IS NOT NULL").format(sql.Identifier(c)) for c in fk.columns)
            value = sql.SQL(" || ' / ' || ").join(F("q2.{}::text").format(sql.Identifier(c)) for c in fk.columns)
            # a hashed subplan: one lookup per row in a small code list
            self._problem(", ".join(fk.columns), value,
                          f"{' and '.join(fk.columns)} do not go together (code list {fk.ref_table})",
                          F("{p} AND ROW({cols}) NOT IN (SELECT {refs} FROM {ref})").format(
                              p=present, cols=cols, ref=sql.Identifier(fk.ref_schema, fk.ref_table),
                              refs=sql.SQL(", ").join(sql.Identifier(r) for r in fk.ref_columns)))
        for column in required:
            self._problem(column.name, F("''"), f"a new {plan.table.name} needs {column.name}, which the mapping "
                          "does not fill", F("q2._id IS NULL AND q2._n = 0"))

    # --- further checks, each appending to _rejects ----------------------------------------------------
    def reject_insert(self, select: sql.Composable) -> sql.Composable:
        """INSERT the rows of ``select`` (_row, _fid, field, value, reason, outcome) into _rejects."""
        return sql.SQL("INSERT INTO imis_rejects (job, row, fid, field, value, reason, outcome) "
                       "SELECT {job}, x.* FROM ({select}) x").format(job=sql.Literal(self.n), select=select)

    def problems_to_rejects(self) -> sql.Composable:
        return self.reject_insert(sql.SQL(
            "SELECT _row, _fid, split_part(p, {s}, 1), nullif(split_part(p, {s}, 2), ''), split_part(p, {s}, 3), "
            "'rejected' FROM {t}, unnest(_problems) p WHERE cardinality(_problems) > 0 UNION ALL "
            "SELECT _row, _fid, split_part(p, {s}, 1), nullif(split_part(p, {s}, 2), ''), split_part(p, {s}, 4), "
            "split_part(p, {s}, 3) FROM {t}, unnest(_notes) p WHERE cardinality(_notes) > 0").format(
            s=self.P(SEP), t=self.typed))

    def duplicates(self) -> list[sql.Composable]:
        """Rows sharing a natural key (or another unique column) inside the file, and unique values taken by
        another row of the database."""
        plan, F = self.plan, sql.SQL
        statements = []
        sets = [plan.key] + [u for u in plan.table.unique_sets if len(u) == 1 and u != plan.key
                             and plan.field(u[0]) is not None]
        for columns in sets:
            cols = sql.SQL(", ").join(sql.Identifier(c) for c in columns)
            match = sql.SQL(" AND ").join(F("t.{c} = d.{c}").format(c=sql.Identifier(c)) for c in columns)
            shown = sql.SQL(" || ' ' || ").join(F("t.{}::text").format(sql.Identifier(c)) for c in columns)
            label = self.P(" + ".join(columns))
            # hash aggregate + join: no sort of the whole file
            statements.append(self.reject_insert(F(
                "SELECT t._row, t._fid, {label}, {shown}, 'the same ' || {label} || ' is on rows ' || d.rows || "
                "' of the file', 'rejected' FROM {t} t JOIN (SELECT {cols}, string_agg(_row::text, ', ' ORDER BY _row) "
                "AS rows FROM {t} WHERE ({cols}) IN (SELECT {cols} FROM {t} GROUP BY {cols} HAVING count(*) > 1) "
                "GROUP BY {cols}) d ON {match}").format(label=label, shown=shown, t=self.typed, cols=cols, match=match)))
            if columns != plan.key:
                c = sql.Identifier(columns[0])
                statements.append(self.reject_insert(F(
                    "SELECT t._row, t._fid, {name}, t.{c}::text, 'another ' || {tbl} || ' row of the database has this "
                    "' || {name}, 'rejected' FROM {t} t JOIN {target} x ON x.{c} = t.{c} AND x.id IS DISTINCT FROM t._id"
                ).format(name=self.P(columns[0]), c=c, tbl=self.P(plan.table.name), t=self.typed,
                         target=plan.table.ident)))
        return statements

    # --- links ------------------------------------------------------------------------------------
    def links(self, columns: dict[str, str]) -> list[sql.Composable]:
        """imis_links_n (_row, link index, other id) and rejections for keys that name no row."""
        F, P, statements = sql.SQL, self.P, []
        if not self.plan.links:
            return statements
        name = sql.Identifier(f"imis_links_{self.n}")
        parts = []
        for i, link in enumerate(self.plan.links):
            key_expr, _ = typed(link.other_key.sql_type, link.other_key.base_type, F("btrim(x.v)"), P)
            parts.append(F("SELECT s._row, s._fid, {i} AS link, btrim(x.v) AS value, o.id FROM {stage} s "
                           "CROSS JOIN LATERAL unnest(string_to_array(s.{col}, {sep})) x(v) "
                           "LEFT JOIN {other} o ON o.{k} = {e} WHERE btrim(x.v) <> ''").format(
                i=sql.Literal(i), stage=self.stage, col=sql.Identifier(columns[link.staged]), sep=P(link.spec.separator),
                other=link.other.ident, k=sql.Identifier(link.other_key.name), e=key_expr))
        statements.append(F("CREATE TEMP TABLE {} ON COMMIT DROP AS {}").format(name, sql.SQL(" UNION ALL ").join(parts)))
        reasons = sql.SQL(", ").join(P(f"no {link.other.name} with this {link.other_key.name}") for link in self.plan.links)
        fields = sql.SQL(", ").join(P(link.spec.source) for link in self.plan.links)
        statements.append(self.reject_insert(F(
            "SELECT _row, _fid, (ARRAY[{fields}]::text[])[link + 1], value, (ARRAY[{reasons}]::text[])[link + 1], 'rejected' "
            "FROM {name} WHERE id IS NULL").format(fields=fields, reasons=reasons, name=name)))
        return statements
