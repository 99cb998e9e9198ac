"""What the database says about a table: columns and types, foreign keys, checks, unique keys, natural key.

Read from the PostgreSQL catalog, not the models, so tables and views added by later revisions or modules are
importable and exportable without code changes ("a mapping away").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from psycopg2 import sql

from .errors import TransferError

#: Schemas searched for a bare table name, in order (imis_app holds views: export only).
IMPORT_SCHEMAS = ("imis_core", "imis_fsm")
EXPORT_SCHEMAS = ("imis_core", "imis_fsm", "imis_app", "imis_code")
CODE_SCHEMA = "imis_code"
#: Columns the database keeps itself (triggers): never imported, not exported by default.
BOOKKEEPING = ("id", "created_at", "updated_at", "row_version", "changed_by")
#: Natural keys people use, where the catalog alone cannot tell (holding codes are unique only when standard).
PREFERRED_KEYS = {"building": ["bin"], "holding": ["holding_code"], "ward": ["number"], "containment": ["code"],
                  "vehicle": ["registration"], "app_user": ["login_role"], "holiday": ["holiday_date"],
                  "owner": ["national_id"], "city": ["code"]}


@dataclass
class Column:
    name: str
    sql_type: str  # e.g. numeric(8,2), geometry(MultiPolygon,32645)
    base_type: str  # pg_type.typname: int2, numeric, text, date, bool, geometry, ...
    not_null: bool = False
    has_default: bool = False
    geometry_type: str | None = None  # MultiPolygon, Point, ... for geometry columns
    comment: str | None = None
    default_sql: str | None = None  # trusted: from pg_get_expr

    @property
    def is_geometry(self) -> bool:
        return self.base_type == "geometry"


@dataclass
class ForeignKey:
    name: str
    columns: list[str]
    ref_schema: str
    ref_table: str
    ref_columns: list[str]

    @property
    def is_code_list(self) -> bool:
        return self.ref_schema == CODE_SCHEMA


@dataclass
class Check:
    name: str
    expression: str  # trusted: from pg_get_constraintdef
    columns: list[str]


@dataclass
class Table:
    schema: str
    name: str
    kind: str  # 'r' table, 'v' view, 'm' materialised view
    columns: dict[str, Column] = field(default_factory=dict)
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    unique_sets: list[list[str]] = field(default_factory=list)
    comment: str | None = None

    @property
    def ident(self) -> sql.Composable:
        return sql.Identifier(self.schema, self.name)

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def geometry_column(self) -> Column | None:
        return next((c for c in self.columns.values() if c.is_geometry), None)

    def fk_of(self, column: str) -> ForeignKey | None:
        """The single-column foreign key of a column (composite ones are checked, not resolved)."""
        return next((fk for fk in self.foreign_keys if fk.columns == [column]), None)

    def code_fk_of(self, column: str) -> ForeignKey | None:
        """The code list a column takes its values from (single or first column of a composite key)."""
        for fk in self.foreign_keys:
            if fk.is_code_list and column in fk.columns and fk.ref_columns[fk.columns.index(column)] == "value":
                return fk
        return None

    def natural_key(self) -> list[str] | None:
        """The human key rows are matched on (BIN, holding code, code...), or None."""
        preferred = PREFERRED_KEYS.get(self.name)
        if preferred and all(c in self.columns for c in preferred):
            return preferred
        if "code" in self.columns:
            return ["code"]
        singles = [u for u in self.unique_sets if len(u) == 1 and u[0] not in BOOKKEEPING]
        return singles[0] if len(singles) == 1 else None

    def is_unique(self, columns: list[str]) -> bool:
        return any(sorted(u) == sorted(columns) for u in self.unique_sets)


def find_table(conn, name: str, schemas=IMPORT_SCHEMAS, kinds=("r",)) -> Table:
    """The table (or view) a user names: ``building`` or ``imis_core.building``."""
    name = (name or "").strip()
    candidates = [tuple(name.split(".", 1))] if "." in name else [(s, name) for s in schemas]
    with conn.cursor() as cur:
        for schema, table in candidates:
            cur.execute("SELECT c.oid, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = %s AND c.relname = %s", (schema, table))
            row = cur.fetchone()
            if row and row[1] in kinds and schema in schemas:
                return _read_table(cur, row[0], schema, table, row[1])
        cur.execute("SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = ANY(%s) AND c.relkind = ANY(%s) ORDER BY 1", (list(schemas), list(kinds)))
        known = [r[0] for r in cur.fetchall()]
    shown = ", ".join(k.split(".", 1)[1] if k.split(".")[0] in schemas[:2] else k for k in known)
    raise TransferError(f"No IMIS {'table' if kinds == ('r',) else 'table or view'} named '{name}'. "
                        f"Known: {shown}.")


def _read_table(cur, oid: int, schema: str, name: str, kind: str) -> Table:
    table = Table(schema, name, kind)
    cur.execute("SELECT obj_description(%s, 'pg_class')", (oid,))
    table.comment = cur.fetchone()[0]
    cur.execute("""
        SELECT a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), t.typname, a.attnotnull, a.atthasdef,
               CASE WHEN t.typname = 'geometry' AND a.atttypmod > 0 THEN postgis_typmod_type(a.atttypmod) END,
               col_description(a.attrelid, a.attnum), pg_get_expr(d.adbin, d.adrelid)
        FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = %s AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""", (oid,))
    names = {}
    for attnum, col, sql_type, typname, not_null, has_default, geom_type, comment, default in cur.fetchall():
        names[attnum] = col
        table.columns[col] = Column(col, sql_type, typname, not_null, has_default, geom_type, comment, default)
    cur.execute("""
        SELECT c.conname, c.contype, c.conkey, rn.nspname, r.relname, c.confkey, pg_get_constraintdef(c.oid), c.confrelid
        FROM pg_constraint c LEFT JOIN pg_class r ON r.oid = c.confrelid LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
        WHERE c.conrelid = %s ORDER BY c.conname""", (oid,))
    for conname, contype, conkey, ref_schema, ref_table, confkey, definition, confrelid in cur.fetchall():
        columns = [names[k] for k in conkey or []]
        if contype == "f":
            cur.execute("SELECT attnum, attname FROM pg_attribute WHERE attrelid = %s AND attnum = ANY(%s)",
                        (confrelid, list(confkey)))
            ref_names = dict(cur.fetchall())
            table.foreign_keys.append(ForeignKey(conname, columns, ref_schema, ref_table, [ref_names[k] for k in confkey]))
        elif contype == "c":
            expression = definition.removeprefix("CHECK ").removesuffix(" NOT VALID")
            table.checks.append(Check(conname, expression, columns))
        elif contype in ("u", "p"):
            table.unique_sets.append(columns)
    # unique indexes that are not constraints (without a WHERE clause: partial ones are not keys)
    cur.execute("SELECT indkey::int2[] FROM pg_index WHERE indrelid = %s AND indisunique AND indpred IS NULL "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = indexrelid)", (oid,))
    for (keys,) in cur.fetchall():
        if all(k in names for k in keys):
            table.unique_sets.append([names[k] for k in keys])
    return table


def city_srid(conn) -> int:
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('imis_core.city') IS NOT NULL")
        if not cur.fetchone()[0]:
            raise TransferError("This database has no IMIS schema: run `imis db upgrade` first.")
        cur.execute("SELECT srid FROM imis_core.city")
        row = cur.fetchone()
    if not row:
        raise TransferError("This database has no city row (imis_core.city): run `imis db upgrade` first.")
    return row[0]


def code_list(conn, fk: ForeignKey) -> dict[str, str]:
    """lower(value or English/Bangla label) -> value of a code list, for translating what sources hold."""
    ident = sql.Identifier(fk.ref_schema, fk.ref_table)
    with conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT value, label_en, label_bn FROM {} ORDER BY sort DESC").format(ident))
        rows = cur.fetchall()
    lookup = {}
    for value, label_en, label_bn in rows:  # labels first, values last: a value always wins over a label
        for key in (label_bn, label_en):
            if key:
                lookup[key.strip().lower()] = value
    for value, _, _ in rows:
        lookup[value.lower()] = value
    return lookup
