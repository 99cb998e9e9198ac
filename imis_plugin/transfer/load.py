"""Writing validated rows into the data schema: update matched rows that differ, insert new ones, add links.

Runs inside the import's single transaction. A row whose values equal the database's is not touched, so its
row_version, updated_at and audit trail stay as they are: re-running the same import changes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass

import psycopg2
from psycopg2 import sql

from .plan import Plan


@dataclass
class Counts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    links_added: int = 0


def _columns(plan: Plan) -> list[str]:
    names = [f.column.name for f in plan.fields]
    if plan.table.name == "holding" and plan.layer.legacy_codes == "flag" and "is_legacy" not in names:
        names.append("is_legacy")
    if plan.geometry is not None:
        names.append(plan.geometry.name)
    return names


def _ok(alias: str, clean: bool = False) -> sql.Composable:
    """Rows without a rejection (notes such as repaired geometries do not count); ``clean``: there is none."""
    if clean:
        return sql.SQL("true")
    return sql.SQL("NOT EXISTS (SELECT 1 FROM imis_rejects r WHERE r.job = %(job)s AND r.row = {a}._row "
                   "AND r.outcome = 'rejected')").format(a=sql.Identifier(alias))


def _clean(cur, job: int) -> bool:
    """True when no row of the job is rejected: the statements then skip the anti-join on every row."""
    cur.execute("SELECT NOT EXISTS (SELECT 1 FROM imis_rejects WHERE job = %s AND outcome = 'rejected')",
                (job,))
    return cur.fetchone()[0]


def count(cur, plan: Plan, typed: sql.Identifier, job: int) -> Counts:
    """What the write would do (dry run), without doing it."""
    columns = _columns(plan)
    differs = _differs(columns, plan.geometry.name if plan.geometry else None)
    cur.execute(sql.SQL(
        "SELECT count(*) FILTER (WHERE t._id IS NULL), count(*) FILTER (WHERE t._id IS NOT NULL AND {d}), "
        "count(*) FILTER (WHERE t._id IS NOT NULL AND NOT ({d})) "
        "FROM {t} t LEFT JOIN {target} d ON d.id = t._id WHERE {ok}").format(
        d=differs, t=typed, target=plan.table.ident, ok=_ok("t")), {"job": job})
    inserted, updated, unchanged = cur.fetchone()
    return Counts(inserted, updated, unchanged)


def _differs(columns: list[str], geometry: str | None = None) -> sql.Composable:
    """True when the file's row differs from the database's. Geometries count as equal when they are the same
    shape (ST_Equals), so a ring stored the other way round (Shapefiles) is no change."""
    plain = [c for c in columns if c != geometry]
    parts = []
    if plain:
        left = sql.SQL(", ").join(sql.SQL("d.{}").format(sql.Identifier(c)) for c in plain)
        right = sql.SQL(", ").join(sql.SQL("t.{}").format(sql.Identifier(c)) for c in plain)
        parts.append(sql.SQL("ROW({}) IS DISTINCT FROM ROW({})").format(left, right))
    if geometry:
        parts.append(sql.SQL("(d.{g} IS DISTINCT FROM t.{g} AND NOT coalesce(ST_Equals(d.{g}, t.{g}), false))").format(
            g=sql.Identifier(geometry)))
    return sql.SQL("({})").format(sql.SQL(" OR ").join(parts))


def write(cur, plan: Plan, typed: sql.Identifier, job: int) -> Counts:
    """Update, insert and link; returns what changed."""
    columns = _columns(plan)
    counts = Counts()
    clean = _clean(cur, job)
    assignments = sql.SQL(", ").join(sql.SQL("{c} = t.{c}").format(c=sql.Identifier(c)) for c in columns)
    cur.execute(sql.SQL("UPDATE {target} d SET {set} FROM {t} t WHERE d.id = t._id AND {ok} AND {differs}").format(
        target=plan.table.ident, set=assignments, t=typed, ok=_ok("t", clean),
        differs=_differs(columns, plan.geometry.name if plan.geometry else None)), {"job": job})
    counts.updated = cur.rowcount
    names = sql.SQL(", ").join(sql.Identifier(c) for c in columns)
    picked = sql.SQL(", ").join(sql.SQL("t.{}").format(sql.Identifier(c)) for c in columns)
    insert = sql.SQL("INSERT INTO {target} ({names}) SELECT {picked} FROM {t} t WHERE t._id IS NULL AND {ok} "
                     "ORDER BY t._row").format(target=plan.table.ident, names=names, picked=picked, t=typed,
                                               ok=_ok("t", clean))
    cur.execute(sql.SQL("SELECT count(*) FROM {t} t WHERE t._id IS NULL AND {ok}").format(t=typed, ok=_ok("t", clean)),
                {"job": job})
    new_rows = cur.fetchone()[0]
    deferred = _defer_indexes_and_keys(cur, plan) if new_rows >= BULK_MIN_ROWS else None
    cur.execute(insert, {"job": job})
    counts.inserted = cur.rowcount
    if deferred is not None:
        _restore_indexes_and_keys(cur, plan, deferred)
    cur.execute(sql.SQL("SELECT count(*) FROM {t} t WHERE t._id IS NOT NULL AND {ok}").format(
        t=typed, ok=_ok("t", clean)), {"job": job})
    counts.unchanged = cur.fetchone()[0] - counts.updated
    if plan.links:
        counts.links_added = _write_links(cur, plan, typed, job)
    return counts


# An initial load (many rows into an empty table, by a login that owns it) is written faster when the table's
# secondary indexes are built after the rows (one sorted build instead of an insertion per row: 1.1 s of the
# GiST index alone at 156,000 buildings) and its foreign keys are checked in one join each (ADD CONSTRAINT)
# instead of row by row. Both are DDL inside the import's transaction, so a failure rolls them back with the
# rows, and the definitions come back from the catalog unchanged (same names, same SQL). The table stays
# locked (ACCESS EXCLUSIVE) until the commit: nobody reads a half-loaded city.
BULK_MIN_ROWS = 10_000


@dataclass
class Deferred:
    indexes: list[str]  # CREATE INDEX statements (pg_get_indexdef)
    keys: list[tuple[str, str]]  # foreign key name, definition (pg_get_constraintdef)


def _defer_indexes_and_keys(cur, plan: Plan) -> Deferred | None:
    """Drop the target's secondary indexes and foreign keys for an initial load, or None (and change nothing)
    when the table is not empty, the login does not own it, or another session is using it."""
    cur.execute("SELECT c.oid, pg_has_role(c.relowner, 'USAGE') FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relname = %s",
                (plan.table.schema, plan.table.name))
    oid, owner = cur.fetchone()
    if not owner:
        return None
    cur.execute("SAVEPOINT imis_bulk")
    try:
        cur.execute(sql.SQL("LOCK TABLE {} IN ACCESS EXCLUSIVE MODE NOWAIT").format(plan.table.ident))
        # ADD CONSTRAINT locks the referenced tables too: take them now rather than wait after the rows
        cur.execute("SELECT DISTINCT n.nspname, c.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.confrelid "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.conrelid = %s AND k.contype = 'f' "
                    "AND k.confrelid <> k.conrelid ORDER BY 1, 2", (oid,))
        for schema, name in cur.fetchall():
            cur.execute(sql.SQL("LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE NOWAIT").format(
                sql.Identifier(schema, name)))
    except (psycopg2.errors.LockNotAvailable, psycopg2.errors.InsufficientPrivilege):
        cur.execute("ROLLBACK TO SAVEPOINT imis_bulk")  # someone is using the tables: load row by row
        return None
    cur.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {})").format(plan.table.ident))
    if cur.fetchone()[0]:
        cur.execute("ROLLBACK TO SAVEPOINT imis_bulk")  # releases the lock
        return None
    # indexes that back a constraint (primary key, unique keys) stay: they are the checks themselves
    cur.execute("SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c "
                "ON c.oid = i.indexrelid WHERE i.indrelid = %s AND NOT EXISTS "
                "(SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY 1", (oid,))
    indexes = cur.fetchall()
    cur.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s AND contype = 'f' ORDER BY conname", (oid,))
    keys = cur.fetchall()
    for name, _ in indexes:
        cur.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(plan.table.schema, name)))
    for name, _ in keys:
        cur.execute(sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(plan.table.ident, sql.Identifier(name)))
    cur.execute("RELEASE SAVEPOINT imis_bulk")
    return Deferred([definition for _, definition in indexes], keys)


def _restore_indexes_and_keys(cur, plan: Plan, deferred: Deferred) -> None:
    # the definitions are the server's own text from the catalog, not user input
    cur.execute("SET LOCAL maintenance_work_mem = '512MB'")
    for definition in deferred.indexes:
        cur.execute(definition)
    for name, definition in deferred.keys:
        cur.execute(sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(plan.table.ident, sql.Identifier(name))
                    + sql.SQL(definition))


def _write_links(cur, plan: Plan, typed: sql.Identifier, job: int) -> int:
    # new rows got their ids from the INSERT: find them by the key (unique among the file's accepted rows)
    match = sql.SQL(" AND ").join(sql.SQL("d.{k} = t.{k}").format(k=sql.Identifier(k)) for k in plan.key)
    cur.execute(sql.SQL("UPDATE {t} t SET _id = d.id FROM {target} d WHERE t._id IS NULL AND {m} AND {ok}").format(
        t=typed, target=plan.table.ident, m=match, ok=_ok("t")), {"job": job})
    added = 0
    for i, link in enumerate(plan.links):
        cur.execute(sql.SQL(
            "INSERT INTO {link} ({own}, {other}) SELECT DISTINCT t._id, l.id FROM {links} l JOIN {t} t USING (_row) "
            "WHERE l.link = %(link)s AND l.id IS NOT NULL AND t._id IS NOT NULL AND {ok} ON CONFLICT DO NOTHING").format(
            link=link.link_table.ident, own=sql.Identifier(link.own_column), other=sql.Identifier(link.other_column),
            links=sql.Identifier(f"imis_links_{job}"), t=typed, ok=_ok("t")), {"job": job, "link": i})
        added += cur.rowcount
    return added


def count_new_links(cur, plan: Plan, typed: sql.Identifier, job: int) -> int:
    """Links a dry run would add (pairs not in the link table yet; new rows have none)."""
    total = 0
    for i, link in enumerate(plan.links):
        cur.execute(sql.SQL(
            "SELECT count(DISTINCT (t._row, l.id)) FROM {links} l JOIN {t} t USING (_row) WHERE l.link = %(link)s "
            "AND l.id IS NOT NULL AND {ok} AND NOT EXISTS (SELECT 1 FROM {link} x WHERE x.{own} = t._id "
            "AND x.{other} = l.id)").format(
            links=sql.Identifier(f"imis_links_{job}"), t=typed, ok=_ok("t"), link=link.link_table.ident,
            own=sql.Identifier(link.own_column), other=sql.Identifier(link.other_column)), {"job": job, "link": i})
        total += cur.fetchone()[0]
    return total
