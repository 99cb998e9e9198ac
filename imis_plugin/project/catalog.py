"""What the project builder needs to know about a database, read from its catalog in a few queries.

Everything the project shows is derived from here, so a column, foreign key or CHECK constraint added by a
revision reaches the layers, relations and form widgets without editing the builder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..db.connect import transaction

CODE_SCHEMA = "imis_code"
#: Schemas that never become layers: the app schema (functions), the audit log, retired tables.
HIDDEN_SCHEMAS = ("imis_app", "imis_audit", "imis_archive")


@dataclass
class Column:
    name: str
    data_type: str  # udt name: text, uuid, date, timestamptz, bool, numeric, int4, geometry...
    nullable: bool
    has_default: bool


@dataclass
class ForeignKey:
    name: str
    table: str  # schema.table holding the column
    column: str
    target: str  # schema.table referenced
    target_column: str
    on_delete_cascade: bool
    #: the other column pairs of a composite key (local column, referenced column)
    also: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Check:
    name: str
    table: str
    definition: str  # pg_get_constraintdef, e.g. CHECK ((volume_m3 > (0)::numeric))
    columns: list[str]


@dataclass
class Table:
    schema: str
    name: str
    columns: list[Column] = field(default_factory=list)
    geometry_column: str | None = None
    geometry_type: str | None = None  # MULTIPOLYGON, POINT, ...
    srid: int | None = None
    primary_key: str | None = None
    can_insert: bool = False
    can_update: bool = False
    can_delete: bool = False

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def editable(self) -> bool:
        return self.can_insert or self.can_update or self.can_delete

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


@dataclass
class Catalog:
    tables: dict[str, Table]
    foreign_keys: list[ForeignKey]
    checks: list[Check]
    #: code-list table name -> rows (value, label_en, label_bn, sort), in sort order
    code_lists: dict[str, list[tuple[str, str, str, int]]]
    role: str
    srid: int | None
    #: the folder photos brought home from the field are stored in (QField import), if one is set
    attachment_store: str | None = None

    def table(self, qualified: str) -> Table | None:
        return self.tables.get(qualified)

    def foreign_keys_of(self, qualified: str) -> list[ForeignKey]:
        return [fk for fk in self.foreign_keys if fk.table == qualified]

    def checks_of(self, qualified: str) -> list[Check]:
        return [c for c in self.checks if c.table == qualified]

    def code_list_of(self, qualified: str, column: str) -> str | None:
        """The code-list table a column references (its value), if any."""
        for fk in self.foreign_keys_of(qualified):
            if (
                fk.column == column
                and fk.target.startswith(CODE_SCHEMA + ".")
                and fk.target_column == "value"
            ):
                return fk.target.split(".", 1)[1]
        return None

    def label(self, code_list: str, value: str, language: str = "en") -> str:
        for row in self.code_lists.get(code_list, ()):
            if row[0] == value:
                return row[2] if language == "bn" else row[1]
        return value


_TABLES = """
    SELECT n.nspname, c.relname,
           has_table_privilege(c.oid, 'INSERT'), has_table_privilege(c.oid, 'UPDATE'),
           has_table_privilege(c.oid, 'DELETE')
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname LIKE 'imis\\_%%' AND n.nspname <> ALL(%(hidden)s)
      AND has_table_privilege(c.oid, 'SELECT')
    ORDER BY 1, 2"""

_COLUMNS = """
    SELECT n.nspname, c.relname, a.attname, t.typname, NOT a.attnotnull, a.atthasdef
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    WHERE c.relkind IN ('r', 'p') AND n.nspname LIKE 'imis\\_%%' AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY n.nspname, c.relname, a.attnum"""

_GEOMETRIES = """
    SELECT f_table_schema, f_table_name, f_geometry_column, type, srid FROM public.geometry_columns
    WHERE f_table_schema LIKE 'imis\\_%%'"""

_CONSTRAINTS = """
    SELECT k.conname, k.contype, n.nspname || '.' || c.relname, pg_get_constraintdef(k.oid),
           ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(num, ord)
                 JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.ord),
           rn.nspname || '.' || rc.relname,
           ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(num, ord)
                 JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.ord),
           k.confdeltype
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_class rc ON rc.oid = k.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
    WHERE n.nspname LIKE 'imis\\_%%' AND k.contype IN ('p', 'f', 'c')
    ORDER BY 1"""


def read_catalog(dsn: str) -> Catalog:
    """The tables the connected role may read, their columns, keys, checks and privileges, and the code lists."""
    from psycopg2 import sql

    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT current_user, (SELECT srid FROM imis_core.city LIMIT 1)")
        role, srid = cur.fetchone()
        cur.execute(_TABLES, {"hidden": list(HIDDEN_SCHEMAS)})
        tables = {
            f"{s}.{t}": Table(s, t, can_insert=i, can_update=u, can_delete=d)
            for s, t, i, u, d in cur.fetchall()
        }
        cur.execute(_COLUMNS)
        for schema, name, column, data_type, nullable, has_default in cur.fetchall():
            table = tables.get(f"{schema}.{name}")
            if table is not None:
                table.columns.append(Column(column, data_type, nullable, has_default))
        cur.execute(_GEOMETRIES)
        for schema, name, column, geometry_type, geometry_srid in cur.fetchall():
            table = tables.get(f"{schema}.{name}")
            if table is not None and table.geometry_column is None:
                table.geometry_column, table.geometry_type, table.srid = (
                    column,
                    geometry_type,
                    geometry_srid,
                )
        cur.execute(_CONSTRAINTS)
        foreign_keys, checks = [], []
        for (
            name,
            kind,
            table_name,
            definition,
            columns,
            target,
            target_columns,
            on_delete,
        ) in cur.fetchall():
            if table_name not in tables:
                continue
            if kind == "p" and len(columns) == 1:
                tables[table_name].primary_key = columns[0]
            elif kind == "f":
                pairs = list(zip(columns, target_columns))
                # a composite key to a code list is led by the column that references its value
                pairs.sort(key=lambda pair: pair[1] != "value")
                foreign_keys.append(
                    ForeignKey(
                        name, table_name, pairs[0][0], target, pairs[0][1], on_delete == "c", pairs[1:]
                    )
                )
            elif kind == "c":
                checks.append(Check(name, table_name, definition, list(columns)))
        code_lists = {}
        for table in tables.values():
            if table.schema == CODE_SCHEMA and {"value", "label_en", "label_bn", "sort"} <= {
                c.name for c in table.columns
            }:
                cur.execute(
                    sql.SQL(
                        "SELECT value, label_en, label_bn, sort FROM {}.{} ORDER BY sort, value"
                    ).format(sql.Identifier(table.schema), sql.Identifier(table.name))
                )
                code_lists[table.name] = cur.fetchall()
        store = None
        if "imis_core.field_sync_settings" in tables:
            cur.execute("SELECT attachment_store FROM imis_core.field_sync_settings LIMIT 1")
            store = (cur.fetchone() or (None,))[0]
    return Catalog(tables, foreign_keys, checks, code_lists, role, srid, store)
