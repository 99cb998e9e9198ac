"""Who may do what: database/permissions.toml is the single source of table rights and row-level security.

`load()` reads and checks the matrix (role x table x operation, with row scopes); `apply()` makes a database
say exactly that, and runs at the end of every app-schema rebuild: everything is revoked from the IMIS roles
and PUBLIC on every table and view of the IMIS schemas, then granted as written, and each (operation, scope)
of a table becomes one policy. A table or view without an entry, or an entry without its table, stops the
rebuild: nothing new slips in ungranted. `markdown()` writes the matrix as docs/permissions.md.

Function EXECUTE rights and SECURITY DEFINER stay with the functions in database/app/*.sql: every role may
call IMIS functions (PostgreSQL's default), and definer functions say themselves why they need to be.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import psycopg2
from psycopg2 import sql

from ..paths import DATABASE_DIR
from .errors import ImisDatabaseError
from .schemas import APP_SCHEMA, DATA_SCHEMAS

MATRIX_FILE = DATABASE_DIR / "permissions.toml"
SCHEMAS = (*DATA_SCHEMAS, APP_SCHEMA)
OPERATIONS = {"S": "SELECT", "I": "INSERT", "U": "UPDATE", "D": "DELETE"}
ALL_ROWS, NO_ROWS = "all", "none"
RELATION_KINDS = ("r", "p", "v", "m", "f")  # tables, partitioned tables, views, materialized views, foreign
_GROUP = re.compile(r"(?P<ops>ALL|[SIUD]+)(?:\((?P<columns>[a-z0-9_,]+)\))?(?::(?P<scope>[a-z0-9_]+))?")


@dataclass(frozen=True)
class Grant:
    """One operation of a cell: on these columns (empty: the whole table), on the rows of this scope."""

    op: str
    columns: tuple[str, ...] = ()
    scope: str = ALL_ROWS


@dataclass(frozen=True)
class Cell:
    text: str  # as written, for messages
    grants: tuple[Grant, ...]
    everything: bool = False  # ALL: also TRUNCATE, REFERENCES and TRIGGER

    def grant(self, op: str) -> Grant | None:
        return next((g for g in self.grants if g.op == op), None)

    def scoped(self) -> bool:
        return any(g.scope != ALL_ROWS for g in self.grants)


@dataclass(frozen=True)
class Scope:
    name: str
    means: str
    predicate: str | None  # None for the built-in scopes all and none


BUILT_IN_SCOPES = {
    ALL_ROWS: Scope(ALL_ROWS, "every row", "true"),
    NO_ROWS: Scope(NO_ROWS, "no row: views that join the table still run, but show none of it", None),
}


@dataclass(frozen=True)
class Matrix:
    roles: dict[str, str]  # role -> the job, in the documentation's order
    scopes: dict[str, Scope]
    usage: dict[str, tuple[str, ...]]  # schema -> roles with USAGE
    tables: dict[str, dict[str, Cell]]  # "schema.table" -> role -> cell (roles with no right are absent)

    def row_secured(self, table: str) -> bool:
        """Row-level security is on where any cell is narrower than all rows."""
        return any(cell.scoped() for cell in self.tables[table].values())

    def cell(self, table: str, role: str) -> Cell:
        return self.tables[table].get(role) or Cell("", ())

    def cell_count(self) -> int:
        """Role x table x operation: the cells the permission test tries."""
        return len(self.roles) * len(self.tables) * len(OPERATIONS)


def _fail(where: str, message: str):
    raise ImisDatabaseError(f"{MATRIX_FILE.name}, {where}: {message}")


def parse_cell(value, where: str, scopes) -> Cell:
    """'SIU:own_provider', 'S U(a,b):own_plant', 'ALL', '' (or a list of such strings) -> a Cell."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = " ".join(value)
    elif isinstance(value, str):
        text = value
    else:
        _fail(where, f'a cell is a string like "SIU" or "S:own_provider", not {value!r}')
    grants, everything = [], False
    for part in text.split():
        match = _GROUP.fullmatch(part)
        if not match:
            _fail(
                where,
                f"cannot read {part!r}: write operations S, I, U, D (or ALL), optionally with columns "
                'U(a,b) and a scope :name, e.g. "SIU:own_provider"',
            )
        ops, columns, scope = match["ops"], match["columns"], match["scope"] or ALL_ROWS
        if scope not in scopes:
            _fail(where, f"unknown scope {scope!r} (known: {', '.join(sorted(scopes))})")
        if ops == "ALL":
            if columns or scope != ALL_ROWS:
                _fail(where, 'ALL takes neither columns nor a scope; write "SIUD:scope" instead')
            everything, ops = True, "SIUD"
        cols = tuple(c for c in (columns or "").split(",") if c)
        if cols and "D" in ops:
            _fail(where, "DELETE cannot be limited to columns")
        for op in ops:
            if any(g.op == op for g in grants):
                _fail(where, f"operation {op} appears twice in {text!r}")
            grants.append(Grant(op, cols, scope))
    return Cell(text, tuple(sorted(grants, key=lambda g: "SIUD".index(g.op))), everything)


def _resolve(name: str, raw: dict, templates: dict, scopes, roles, seen=()) -> dict[str, Cell]:
    """The cells of a table or template: its template's (recursively), then its own."""
    if isinstance(raw, str):
        raw = {"like": raw}
    if not isinstance(raw, dict):
        _fail(name, "write a template name or a table of role = cell")
    cells, like = {}, raw.get("like")
    if like is not None:
        if like not in templates:
            _fail(name, f"unknown template {like!r} (known: {', '.join(sorted(templates))})")
        if like in seen:
            _fail(name, f"templates refer to each other in a circle: {' -> '.join((*seen, like))}")
        cells = dict(_resolve(f"template {like}", templates[like], templates, scopes, roles, (*seen, like)))
    for role, value in raw.items():
        if role == "like":
            continue
        if role not in roles:
            _fail(name, f"unknown role {role!r} (the roles are listed under [roles])")
        cell = parse_cell(value, f"{name}, {role}", scopes)
        if cell.grants:
            cells[role] = cell
        else:
            cells.pop(role, None)
    return cells


def load(path: Path | None = None) -> Matrix:
    """Read and check the matrix; an ImisDatabaseError names the file, table and role of any mistake."""
    path = path or MATRIX_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ImisDatabaseError(f"Cannot read the permission matrix {path}: {exc}") from None
    unknown = set(data) - {"roles", "scopes", "usage", "templates", "tables"}
    if unknown:
        _fail("top level", f"unknown sections {sorted(unknown)}")
    roles = data.get("roles") or {}
    if not roles:
        _fail("[roles]", "no role is listed")
    scopes = dict(BUILT_IN_SCOPES)
    for name, entry in (data.get("scopes") or {}).items():
        if (
            name in BUILT_IN_SCOPES
            or not isinstance(entry, dict)
            or not entry.get("sql")
            or not entry.get("means")
        ):
            _fail(
                f"scope {name}",
                "a scope needs `means` (for people) and `sql` (a predicate on the table's "
                f"columns); {ALL_ROWS!r} and {NO_ROWS!r} are built in",
            )
        scopes[name] = Scope(name, entry["means"], entry["sql"])
    usage = {}
    for schema, members in (data.get("usage") or {}).items():
        if schema not in SCHEMAS:
            _fail("[usage]", f"{schema} is not an IMIS schema ({', '.join(SCHEMAS)})")
        strangers = [r for r in members if r not in roles]
        if strangers:
            _fail(f"[usage] {schema}", f"unknown roles {strangers}")
        usage[schema] = tuple(members)
    templates = data.get("templates") or {}
    tables = {}
    for schema, entries in (data.get("tables") or {}).items():
        if schema not in SCHEMAS:
            _fail(f"[tables.{schema}]", f"{schema} is not an IMIS schema ({', '.join(SCHEMAS)})")
        for table, raw in entries.items():
            name = f"{schema}.{table}"
            tables[name] = _resolve(f"table {name}", raw, templates, scopes, roles)
            strangers = [r for r in tables[name] if r not in usage.get(schema, ())]
            if strangers:
                _fail(
                    f"table {name}",
                    f"{strangers} have rights on it but no USAGE on schema {schema} ([usage])",
                )
    for name, raw in templates.items():  # a template nobody uses is still checked
        _resolve(f"template {name}", raw, templates, scopes, roles, (name,))
    return Matrix(dict(roles), scopes, usage, dict(sorted(tables.items())))


# ---------------------------------------------------------------------------------------------------------
# Applying the matrix to a database


def _relations(cur) -> dict[str, tuple[str, bool]]:
    """'schema.table' -> (relkind, row-level security on) for every relation of the IMIS schemas."""
    cur.execute(
        "SELECT n.nspname || '.' || c.relname, c.relkind, c.relrowsecurity FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = ANY(%s) AND c.relkind = ANY(%s) AND NOT c.relispartition",
        (list(SCHEMAS), list(RELATION_KINDS)),
    )
    return {name: (kind, rls) for name, kind, rls in cur.fetchall()}


def check_coverage(matrix: Matrix, relations) -> None:
    """Every relation has an entry and every entry a relation; otherwise say which and stop."""
    missing = sorted(set(relations) - set(matrix.tables))
    stale = sorted(set(matrix.tables) - set(relations))
    problems = []
    if missing:
        problems.append(
            f"no entry for {', '.join(missing)}: add each to {MATRIX_FILE.name} saying which role "
            "may do what (a table nobody is granted would be the administrator's alone)"
        )
    if stale:
        problems.append(f"entries for tables or views that do not exist: {', '.join(stale)}")
    if problems:
        raise ImisDatabaseError(
            "The permission matrix does not match the database: " + "; ".join(problems) + "."
        )


def _table(name: str) -> sql.Composed:
    schema, table = name.split(".", 1)
    return sql.SQL("{}.{}").format(sql.Identifier(schema), sql.Identifier(table))


def _roles(names) -> sql.Composed:
    return sql.SQL(", ").join(map(sql.Identifier, names))


def _privileges(cell: Cell) -> list[sql.Composable]:
    if cell.everything:
        return [sql.SQL("ALL")]
    out = []
    for g in cell.grants:
        keyword = sql.SQL(OPERATIONS[g.op])
        out.append(sql.SQL("{} ({})").format(keyword, _roles(g.columns)) if g.columns else keyword)
    return out


def _policies(matrix: Matrix, table: str) -> dict[tuple[str, str], list[str]]:
    """(operation, scope) -> roles, for the roles whose scope shows them rows."""
    out: dict[tuple[str, str], list[str]] = {}
    for role in matrix.roles:
        for g in matrix.cell(table, role).grants:
            if g.scope != NO_ROWS:
                out.setdefault((g.op, g.scope), []).append(role)
    return out


def _check_columns(cur, matrix: Matrix) -> None:
    for table, cells in matrix.tables.items():
        wanted = {c for cell in cells.values() for g in cell.grants for c in g.columns}
        if not wanted:
            continue
        cur.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
            "AND NOT attisdropped",
            (table,),
        )
        unknown = sorted(wanted - {r[0] for r in cur.fetchall()})
        if unknown:
            raise ImisDatabaseError(
                f"{MATRIX_FILE.name}, table {table}: no columns {unknown} in the database."
            )


def apply(cur, matrix: Matrix | None = None) -> dict[str, int]:
    """Make the database's grants and policies on the IMIS schemas exactly the matrix's (in the caller's
    transaction). Returns how many grants, policies and row-secured tables were written."""
    matrix = matrix or load()
    cur.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", (list(matrix.roles),))
    absent = sorted(set(matrix.roles) - {r[0] for r in cur.fetchall()})
    if absent:
        raise ImisDatabaseError(
            f"{MATRIX_FILE.name} names roles the server does not have: {absent} "
            "(database/roles.sql creates them)."
        )
    relations = _relations(cur)
    check_coverage(matrix, relations)
    _check_columns(cur, matrix)
    for table in matrix.tables:
        if relations[table][0] not in ("r", "p") and matrix.row_secured(table):
            raise ImisDatabaseError(
                f"{MATRIX_FILE.name}, {table}: row scopes need a table, and this is a view."
            )
    cur.execute("SELECT nspname FROM pg_namespace WHERE nspname = ANY(%s)", (list(SCHEMAS),))
    existing = {r[0] for r in cur.fetchall()}
    present = [s for s in SCHEMAS if s in existing]
    everyone = sql.SQL("PUBLIC, {}").format(_roles(matrix.roles))
    counts = {"grants": 0, "policies": 0, "row_secured": 0}

    # Start from nothing, so a right removed from the matrix is removed from the database too.
    cur.execute(
        "SELECT schemaname, tablename, policyname FROM pg_policies WHERE schemaname = ANY(%s)",
        (list(SCHEMAS),),
    )
    for schema, table, policy in cur.fetchall():
        cur.execute(
            sql.SQL("DROP POLICY {} ON {}.{}").format(
                sql.Identifier(policy), sql.Identifier(schema), sql.Identifier(table)
            )
        )
    for schema in present:
        cur.execute(sql.SQL("REVOKE ALL ON SCHEMA {} FROM {}").format(sql.Identifier(schema), everyone))
        cur.execute(
            sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}").format(sql.Identifier(schema), everyone)
        )
        if matrix.usage.get(schema):
            cur.execute(
                sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(
                    sql.Identifier(schema), _roles(matrix.usage[schema])
                )
            )

    for table, cells in matrix.tables.items():
        by_rights: dict[tuple, list[str]] = {}  # identical rights go to several roles in one statement
        for role in matrix.roles:
            if role in cells:
                by_rights.setdefault((cells[role].everything, cells[role].grants), []).append(role)
        for roles in by_rights.values():
            cur.execute(
                sql.SQL("GRANT {} ON {} TO {}").format(
                    sql.SQL(", ").join(_privileges(cells[roles[0]])), _table(table), _roles(roles)
                )
            )
            counts["grants"] += len(roles)
        secured = matrix.row_secured(table)
        if relations[table][0] in ("r", "p") and secured != relations[table][1]:
            cur.execute(
                sql.SQL("ALTER TABLE {} {} ROW LEVEL SECURITY").format(
                    _table(table), sql.SQL("ENABLE" if secured else "DISABLE")
                )
            )
        if not secured:
            continue
        counts["row_secured"] += 1
        for (op, scope), roles in _policies(matrix, table).items():
            predicate = sql.SQL(matrix.scopes[scope].predicate)
            clauses = {
                "S": sql.SQL("USING ({})").format(predicate),
                "I": sql.SQL("WITH CHECK ({})").format(predicate),
                "U": sql.SQL("USING ({0}) WITH CHECK ({0})").format(predicate),
                "D": sql.SQL("USING ({})").format(predicate),
            }[op]
            statement = sql.SQL("CREATE POLICY {} ON {} FOR {} TO {} {}").format(
                sql.Identifier(f"{OPERATIONS[op].lower()}_{scope}"),
                _table(table),
                sql.SQL(OPERATIONS[op]),
                _roles(roles),
                clauses,
            )
            try:
                cur.execute("SAVEPOINT imis_policy")
                cur.execute(statement)
                cur.execute("RELEASE SAVEPOINT imis_policy")
            except psycopg2.Error as exc:
                cur.execute("ROLLBACK TO SAVEPOINT imis_policy")
                raise ImisDatabaseError(
                    f"{MATRIX_FILE.name}, table {table}, scope {scope}: the predicate "
                    f"{matrix.scopes[scope].predicate!r} does not work here: "
                    f"{str(exc).strip()}"
                ) from None
            counts["policies"] += 1
    return counts


# ---------------------------------------------------------------------------------------------------------
# The matrix for people

ROLE_HEADERS = {
    "imis_admin": "admin",
    "imis_gis_editor": "GIS editor",
    "imis_fsm_officer": "FSM officer",
    "imis_service_provider": "service provider",
    "imis_plant_operator": "plant operator",
    "imis_revenue_collector": "revenue collector",
    "imis_revenue_chief": "revenue chief",
    "imis_viewer": "viewer",
    "imis_national_reader": "national reader",
}
SCHEMA_TITLES = {
    "imis_code": "Code lists",
    "imis_core": "The city",
    "imis_fsm": "The FSM chain",
    "imis_audit": "Audit trail and field-work logs",
    "imis_revenue": "Revenue",
    "imis_app": "Views of the app schema",
}


def render_cell(cell: Cell) -> str:
    """'SIU own_provider' style: operations, columns, and the scope in italics."""
    if cell.everything:
        return "all"
    groups: dict[tuple, str] = {}
    for g in cell.grants:
        key = (g.columns, g.scope)
        groups[key] = groups.get(key, "") + g.op
    parts = []
    for (columns, scope), ops in groups.items():
        text = ops + (f" ({', '.join(columns)})" if columns else "")
        parts.append(text + (f" *{scope}*" if scope != ALL_ROWS else ""))
    return "; ".join(parts)


def markdown(matrix: Matrix | None = None) -> str:
    matrix = matrix or load()
    roles = list(matrix.roles)
    lines = [
        "# Permission matrix",
        "",
        "<!-- Generated from database/permissions.toml by",
        "     `imis db permissions --markdown -o docs/permissions.md`: edit the matrix, not this page",
        "     (tests/test_permissions.py checks they agree). -->",
        "",
        "Who may do what in an IMIS database, table by table. The matrix in",
        "`database/permissions.toml` is the only place these rights are written: every upgrade revokes",
        "everything and grants exactly this, and a table without an entry stops the upgrade.",
        "`tests/test_permissions.py` logs in as a member of each role and tries all",
        (
            f"{matrix.cell_count():,} cells ({len(roles)} roles x {len(matrix.tables)} tables and views"
            " x 4 operations)."
        ),
        "",
        "**S** select, **I** insert, **U** update, **D** delete; **all** = every privilege (also",
        "TRUNCATE, REFERENCES, TRIGGER); columns in brackets: on those columns only; a name in *italics*:",
        "on the rows of that scope only (row-level security); empty: nothing. Tables marked (RLS) have",
        "row-level security: a role without a policy there sees no row.",
        "",
        "## Roles",
        "",
        "| role | job |",
        "|---|---|",
        *(f"| `{role}` | {job} |" for role, job in matrix.roles.items()),
        "",
        "## Row scopes",
        "",
        "| scope | rows | predicate |",
        "|---|---|---|",
        *(
            f"| *{s.name}* | {s.means} | {f'`{s.predicate}`' if s.predicate else '(no policy)'} |"
            for s in matrix.scopes.values()
            if s.name != ALL_ROWS
        ),
        "",
        "## Schemas (USAGE)",
        "",
        "| schema | " + " | ".join(ROLE_HEADERS.get(r, r) for r in roles) + " |",
        "|---|" + "---|" * len(roles),
        *(
            f"| `{schema}` | "
            + " | ".join("yes" if r in matrix.usage.get(schema, ()) else "" for r in roles)
            + " |"
            for schema in SCHEMAS
        ),
    ]
    for schema in SCHEMAS:
        tables = [t for t in matrix.tables if t.split(".", 1)[0] == schema]
        if not tables:
            continue
        lines += [
            "",
            f"## {SCHEMA_TITLES.get(schema, schema)} (`{schema}`)",
            "",
            "| table | " + " | ".join(ROLE_HEADERS.get(r, r) for r in roles) + " |",
            "|---|" + "---|" * len(roles),
        ]
        for table in tables:
            name = table.split(".", 1)[1] + (" (RLS)" if matrix.row_secured(table) else "")
            lines.append(
                f"| {name} | " + " | ".join(render_cell(matrix.cell(table, r)) for r in roles) + " |"
            )
    return "\n".join(lines) + "\n"


def text_table(matrix: Matrix | None = None) -> str:
    """A compact listing for a terminal: one line per table, one column per role."""
    matrix = matrix or load()
    roles = list(matrix.roles)
    width = max(len(t) for t in matrix.tables) + 2

    def short(cell: Cell) -> str:
        return render_cell(cell).replace("*", "") or "-"

    out = ["".ljust(width) + " ".join(r.removeprefix("imis_").ljust(17) for r in roles)]
    for table in matrix.tables:
        out.append(table.ljust(width) + " ".join(short(matrix.cell(table, r)).ljust(17) for r in roles))
    return "\n".join(out) + "\n"
