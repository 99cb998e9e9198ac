"""Generate a synthetic demo city into an IMIS database at head, in one transaction.

The work is set-based SQL (``sql/*.sql``, run step by step for progress and cancellation). For speed the
bulk load runs with the row triggers off (touch_row, the audit trail, the rule checks) and the big tables'
keys, indexes and foreign keys dropped and added back afterwards; see :func:`generate` for how the rules
are still guaranteed. Nothing is written unless everything succeeds.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
import threading
import time
from pathlib import Path

import psycopg2
from psycopg2 import sql

from ..db.connect import transaction
from ..db.errors import ImisDatabaseError
from ..revenue import billing, water
from . import validate
from .plan import (
    DEMO_BUILDINGS,
    DEMO_CODE,
    DEMO_NAME,
    DEMO_NAME_BN,
    DEMO_SEED,
    MAX_BUILDINGS,
    MIN_BUILDINGS,
    ORIGIN_LON_LAT,
    OTHER_CODE,
    OTHER_NAME,
    OTHER_NAME_BN,
    Plan,
)

SQL_DIR = Path(__file__).resolve().parent / "sql"
#: what the audit summary row is filed under (imis_audit.log.table_name)
AUDIT_TABLE = "demo_city"

#: the tables the generator fills, in load order (parents first)
TABLES = [
    ("imis_core", "ward"), ("imis_core", "treatment_plant"), ("imis_core", "road"), ("imis_core", "drain"),
    ("imis_core", "sewer"), ("imis_core", "water_body"), ("imis_core", "low_income_community"),
    ("imis_core", "waterlogging_area"), ("imis_core", "building"), ("imis_core", "owner"), ("imis_core", "holding"),
    ("imis_core", "building_holding"), ("imis_core", "containment"), ("imis_core", "building_containment"),
    ("imis_core", "toilet"), ("imis_core", "building_toilet"), ("imis_core", "water_point"),
    ("imis_core", "water_sample"), ("imis_fsm", "service_provider"), ("imis_fsm", "provider_ward"),
    ("imis_fsm", "vehicle"), ("imis_fsm", "employee"), ("imis_fsm", "application"), ("imis_fsm", "assessment"),
    ("imis_fsm", "emptying"), ("imis_fsm", "emptying_crew"), ("imis_fsm", "disposal"), ("imis_fsm", "feedback"),
    ("imis_fsm", "plant_test"), ("imis_fsm", "containment_survey"),
    ("imis_revenue", "tax_rate"), ("imis_revenue", "assessment"), ("imis_revenue", "bill_run"),
    ("imis_revenue", "bill"), ("imis_revenue", "payment_import"), ("imis_revenue", "payment"),
    ("imis_revenue", "water_tariff"), ("imis_revenue", "water_tariff_slab"),
    ("imis_revenue", "water_connection"), ("imis_revenue", "water_meter"), ("imis_revenue", "water_reading"),
    ("imis_revenue", "water_bill"), ("imis_revenue", "water_payment"), ("imis_revenue", "water_application"),
    ("imis_revenue", "swm_route"), ("imis_revenue", "swm_collection_point"), ("imis_revenue", "swm_customer"),
    ("imis_revenue", "swm_payment"),
]
#: the revenue records (left out with ``revenue=False``), and those of the holding-tax bill runs, which only a
#: revenue chief may sign off: a login that loads through every trigger (an IMIS administrator) leaves
#: them out
REVENUE_SQL = "90_revenue.sql"
TAX_HISTORY = {"imis_revenue.bill_run", "imis_revenue.bill", "imis_revenue.payment",
               "imis_revenue.payment_import"}
#: the tables that grow with the city: loaded without their keys and indexes, which are rebuilt afterwards
BULK = {"road", "drain", "building", "owner", "holding", "building_holding", "containment", "building_containment",
        "building_toilet", "water_point", "water_sample", "application", "assessment", "emptying", "emptying_crew",
        "disposal", "feedback", "containment_survey", "bill", "payment", "water_connection", "water_meter",
        "water_reading", "water_bill", "water_payment", "swm_customer", "swm_payment"}  # and revenue's assessment
#: the revenue module's SQL that sql/90_revenue.sql splices in at a marker naming it (a comment of the form
#: slash-star module.NAME star-slash): bills computed by one definition, the module's
FRAGMENTS = {
    **{f"billing.{name}": getattr(billing, name)
       for name in ("BILL_ARITHMETIC", "BILL_COLUMNS", "BILL_VALUES", "BILL_ORDER", "BILL_NUMBER")},
    **{f"water.{name}": getattr(water, name)
       for name in ("WATER_CHARGE", "WATER_BILL_COLUMNS", "WATER_BILL_VALUES")},
}
#: share of the run time of each step (measured at 1,000,000 buildings), for the progress bar
STEP_WEIGHTS = {
    "Laying out the street grid": 1.4, "Choosing the city's blocks": 0.8, "Roads, drains and sewers": 1.9,
    "Boundary and wards": 1.3, "Treatment plants, water bodies, low-income communities": 0.2,
    "Placing buildings on their lots": 13, "Writing buildings": 4.6, "Owners and holdings": 14,
    "Containments": 7.6, "Toilets": 1.3, "Service providers, vehicles and crews": 0.1, "FSM history": 5.7,
    "Writing the FSM history": 10.3, "Water points and samples": 0.2, "Tax rates and assessments": 9,
    "Holding-tax bill runs": 25, "Water connections and readings": 4, "Water bills and payments": 6,
    "Solid-waste routes, customers and payments": 4,
}
FINISH_WEIGHTS = {"keys": 52, "rules": 3.5, "statistics": 4.7}


COUNTS_FROM_HISTORY = """
    UPDATE imis_core.containment c SET emptied_count = coalesce(h.k, 0), last_emptied_date = h.last
    FROM cont x LEFT JOIN (SELECT ckey, count(*) AS k, max(emptied) AS last FROM done GROUP BY ckey) h USING (ckey)
    WHERE c.id = x.id AND (c.emptied_count <> coalesce(h.k, 0) OR c.last_emptied_date IS DISTINCT FROM h.last)
"""


class DemoCityError(ImisDatabaseError):
    """The demo city cannot be generated here (the message says why); nothing was written."""


class DemoCityCancelled(DemoCityError):
    """The user cancelled; nothing was written."""


def _steps(revenue: bool = True) -> list[tuple[str, str]]:
    """(label, SQL) of every step, from the files in order; a step starts at a ``-- @step`` line."""
    steps: list[tuple[str, list[str]]] = []
    for path in sorted(SQL_DIR.glob("*.sql")):
        if path.name == REVENUE_SQL and not revenue:
            continue
        label = None
        text = re.sub(r"/\*(\w+\.\w+)\*/", lambda m: FRAGMENTS[m.group(1)], path.read_text(encoding="utf-8"))
        for line in text.splitlines():
            match = re.match(r"--\s*@step\s+(.+)$", line)
            if match:
                label = match.group(1).strip()
                steps.append((label, []))
            elif steps and label is not None:
                steps[-1][1].append(line)
            elif line.strip() and not line.startswith("--"):
                # statements before a file's first step belong to an unnamed set-up step
                label = f"Setting up ({path.stem})"
                steps.append((label, [line]))
    return [(label, "\n".join(lines)) for label, lines in steps if any(ln.strip() for ln in lines)]


class _Canceller:
    """Polls ``cancelled()`` while SQL runs and cancels the running statement when it turns true."""

    def __init__(self, conn, cancelled):
        self.conn, self.cancelled = conn, cancelled
        self.stop = threading.Event()
        self.fired = False
        self.thread = threading.Thread(target=self._run, daemon=True) if cancelled else None

    def _run(self):
        while not self.stop.wait(0.2):
            if self.cancelled():
                self.fired = True
                self.conn.cancel()
                return

    def __enter__(self):
        if self.thread:
            self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        if self.thread:
            self.thread.join()


def _count(cur, schema: str, table: str) -> int:
    cur.execute(sql.SQL("SELECT count(*) FROM {}.{}").format(sql.Identifier(schema), sql.Identifier(table)))
    return cur.fetchone()[0]


def row_counts(cur) -> dict[str, int]:
    """Rows of every table the generator fills (tables missing from an older schema are skipped)."""
    counts = {}
    for schema, table in TABLES:
        cur.execute("SELECT to_regclass(%s)", (f"{schema}.{table}",))
        if cur.fetchone()[0] is not None:
            counts[f"{schema}.{table}"] = _count(cur, schema, table)
    return counts


def _check_database(cur) -> tuple[int, str]:
    """The city SRID and the bulk-load mode; refuses a database that is not an IMIS database at head."""
    from ..db.migrate import head_revision

    cur.execute("SELECT to_regclass('public.alembic_version') IS NOT NULL, "
                "to_regprocedure('imis_app.schema_revision()') IS NOT NULL")
    table, function = cur.fetchone()
    revision = None
    if function:  # readable by every IMIS role (alembic_version by its owner only)
        cur.execute("SELECT imis_app.schema_revision()")
        revision = cur.fetchone()[0]
    elif table:
        cur.execute("SELECT version_num FROM public.alembic_version")
        row = cur.fetchone()
        revision = row[0] if row else None
    head = head_revision()
    if revision != head:
        raise DemoCityError(
            f"The database is at revision {revision or 'none (no IMIS schema)'}, not at head {head}: run "
            "`imis db upgrade` first.")
    cur.execute("SELECT c.srid, s.proj4text FROM imis_core.city c LEFT JOIN spatial_ref_sys s ON s.srid = c.srid")
    srid, proj4 = cur.fetchone()
    if not proj4 or "+units=m" not in proj4:
        raise DemoCityError(f"The city CRS (EPSG:{srid}) is not a projected CRS in metres; the demo city needs one.")
    cur.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if cur.fetchone()[0]:
        return srid, "replica"
    cur.execute("SELECT bool_and(pg_has_role(current_user, c.relowner, 'USAGE')) FROM pg_class c "
                "WHERE c.oid = ANY(%s::regclass[])", ([f"{s}.{t}" for s, t in TABLES],))
    return srid, "disable" if cur.fetchone()[0] else "checked"


def _fk_closure(cur) -> tuple[list[str], list[tuple[str, str, list[str]]]]:
    """The generator's tables plus every table that refers to them (recursively), and the foreign keys of
    other tables into that set (user logins refer to providers and plants: their links are cleared)."""
    own = [f"{s}.{t}" for s, t in TABLES]
    cur.execute(
        """
        WITH RECURSIVE c(oid) AS (
            SELECT unnest(%(own)s::regclass[])::oid
            UNION
            SELECT k.conrelid FROM pg_constraint k JOIN c ON k.confrelid = c.oid
            WHERE k.contype = 'f' AND k.conrelid <> 'imis_core.app_user'::regclass
        )
        SELECT c.oid::regclass::text FROM c
        """, {"own": own})
    closure = [r[0] for r in cur.fetchall()]
    cur.execute(
        """
        SELECT k.conrelid::regclass::text, k.confrelid::regclass::text,
               array_agg(a.attname::text ORDER BY a.attnum)
        FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
        WHERE k.contype = 'f' AND k.confrelid = ANY(%(c)s::regclass[]) AND NOT k.conrelid = ANY(%(c)s::regclass[])
        GROUP BY k.oid, k.conrelid, k.confrelid
        """, {"c": closure})
    return closure, cur.fetchall()


def _ident(qualified: str) -> sql.Composed:
    schema, _, table = qualified.partition(".")
    return sql.SQL("{}.{}").format(sql.Identifier(schema), sql.Identifier(table))


def _clear(cur, mode: str) -> dict[str, int]:
    """Empty the generator's tables and those that depend on them (schedules, surveys...), in this
    transaction. Code lists, settings, holidays, logins and the audit log stay."""
    closure, outside = _fk_closure(cur)
    before = {}
    for name in closure:
        schema, _, table = name.partition(".")
        before[name] = _count(cur, schema, table)
    referenced = set()
    for table, target, columns in outside:
        referenced.add(target)
        cur.execute(sql.SQL("UPDATE {} SET {}").format(
            _ident(table), sql.SQL(", ").join(sql.SQL("{} = NULL").format(sql.Identifier(c)) for c in columns)))
    if mode == "checked":
        for name in reversed(closure):
            cur.execute(sql.SQL("DELETE FROM {}").format(_ident(name)))
    else:
        truncate = [n for n in closure if n not in referenced]
        if truncate:
            cur.execute(sql.SQL("TRUNCATE {}").format(sql.SQL(", ").join(_ident(n) for n in truncate)))
        for name in closure:
            if name in referenced:
                cur.execute(sql.SQL("DELETE FROM {}").format(_ident(name)))
    return {k: v for k, v in before.items() if v}


def _bulk() -> list[str]:
    return [f"{s}.{t}" for s, t in TABLES if t in BULK]


def _drop_indexes(cur) -> list[str]:
    """Drop the secondary indexes of the big tables (those behind keys go with :func:`_drop_keys`); returns
    the statements that rebuild them exactly, comments included."""
    cur.execute(
        """
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid),
               obj_description(i.indexrelid, 'pg_class')
        FROM pg_index i
        WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
        ORDER BY 1
        """, (_bulk(),))
    rebuild = []
    for name, definition, comment in cur.fetchall():
        cur.execute(sql.SQL("DROP INDEX {}").format(_ident(name)))
        rebuild.append(definition)
        if comment is not None:
            rebuild.append(cur.mogrify(sql.SQL("COMMENT ON INDEX {} IS %s").format(_ident(name)), (comment,)).decode())
    return rebuild


def _drop_keys(cur) -> list[str]:
    """Drop the primary keys and unique constraints of the big tables and every foreign key from or to
    them; returns the statements that add them back (keys first). Building a key's index once from the
    loaded rows is several times faster than inserting a million random UUIDs into it, and adding a
    foreign key back makes PostgreSQL check every row against it."""
    bulk = _bulk()
    cur.execute(
        """
        SELECT k.conrelid::regclass::text, k.conname, pg_get_constraintdef(k.oid), k.contype = 'f',
               obj_description(k.oid, 'pg_constraint')
        FROM pg_constraint k
        WHERE (k.contype = 'f' AND (k.conrelid = ANY(%(bulk)s::regclass[]) OR k.confrelid = ANY(%(bulk)s::regclass[])))
           OR (k.contype IN ('p', 'u') AND k.conrelid = ANY(%(bulk)s::regclass[]))
        ORDER BY k.contype = 'f' DESC, 1, 2
        """, {"bulk": bulk})
    rows = cur.fetchall()
    keys, foreign = [], []
    for table, name, definition, is_fk, comment in rows:
        cur.execute(sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(_ident(table), sql.Identifier(name)))
        add = [sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(_ident(table), sql.Identifier(name)).as_string(cur)
               + definition]
        if comment is not None:
            add.append(cur.mogrify(sql.SQL("COMMENT ON CONSTRAINT {} ON {} IS %s").format(
                sql.Identifier(name), _ident(table)), (comment,)).decode())
        (foreign if is_fk else keys).extend(add)
    return keys + foreign


def _set_triggers(cur, enable: bool) -> None:
    for schema, table in TABLES:
        cur.execute(sql.SQL("ALTER TABLE {}.{} {} TRIGGER USER").format(
            sql.Identifier(schema), sql.Identifier(table), sql.SQL("ENABLE" if enable else "DISABLE")))


def _origin(cur, srid: int, lon: float, lat: float) -> tuple[float, float]:
    cur.execute("SELECT ST_X(p), ST_Y(p) FROM ST_Transform(ST_SetSRID(ST_MakePoint(%s, %s), 4326), %s) p",
                (lon, lat, srid))
    return cur.fetchone()


def last_generation(dsn: str) -> dict | None:
    """What the latest generation recorded in the audit log (seed, size, as-of date, rows), or None."""
    with transaction(dsn, DemoCityError) as conn, conn.cursor() as cur:
        cur.execute("SELECT to_regclass('imis_audit.log') IS NOT NULL")
        if not cur.fetchone()[0]:
            return None
        cur.execute("SELECT new_row FROM imis_audit.log WHERE schema_name = 'imis_core' AND table_name = %s "
                    "ORDER BY id DESC LIMIT 1", (AUDIT_TABLE,))
        row = cur.fetchone()
        return row[0] if row else None


def generate(dsn: str, buildings: int = DEMO_BUILDINGS, seed: int = DEMO_SEED, progress=None, cancelled=None, *,
             replace: bool = False, as_of: dt.date | None = None, name: str | None = None,
             code: str | None = None, name_bn: str | None = None, revenue: bool = True) -> dict:
    """Generate a city of ``buildings`` buildings from ``seed`` into the IMIS database ``dsn`` (at head).

    The same seed, size and as-of date (default: the server's today) give the same data, ids included.
    A database that already holds city data is refused unless ``replace`` (which empties the generator's
    tables, and those depending on them, in the same transaction). ``revenue=False`` leaves out the
    revenue records (holding tax, water supply, solid waste), to start that module from scratch.
    ``progress(percent, message)`` is called between steps; ``cancelled()`` is polled while SQL runs and,
    when it returns true, the running statement is cancelled and nothing is written (DemoCityCancelled).

    Rules during the bulk load. Row triggers are the expensive part of a load (each writes an audit row
    and runs its checks per row), and so are a million random UUIDs inserted one by one into a key's index.
    As a superuser the load therefore runs with ``session_replication_role = replica`` (no trigger fires)
    and with the big tables' primary keys, unique constraints, indexes and foreign keys (from and to them)
    dropped; all are added back afterwards, so PostgreSQL checks every key and every foreign key over the
    whole city. As the tables' owner it runs with their user triggers disabled (foreign keys still checked
    row by row). Both changes live only inside this transaction. CHECK and NOT NULL constraints hold
    throughout. The rules of the skipped triggers are then checked set-based (:mod:`.validate`: dates
    along the FSM chain, nothing in the future, disposals within the emptied volume, no steps on cancelled
    jobs, feedback after an emptying, containment emptying counts); a violation rolls everything back.
    The row metadata the triggers would set (created_at, updated_at, row_version 1, changed_by) are the
    columns' defaults. The audit trail gets one summary row (seed, size, as-of date, rows per table)
    instead of a row per generated row. Any other login (an IMIS administrator) loads with every trigger on:
    the same city, slower, audited row by row, but without the holding-tax bill runs, their bills and
    payments (:data:`TAX_HISTORY`): only a revenue chief may sign a run off, and the trigger says so.

    Returns the summary (also written to the audit row).
    """
    if not isinstance(buildings, int) or not MIN_BUILDINGS <= buildings <= MAX_BUILDINGS:
        raise DemoCityError(f"buildings must be a whole number from {MIN_BUILDINGS:,} to {MAX_BUILDINGS:,}, "
                            f"not {buildings!r}.")
    if not isinstance(seed, int) or not 0 <= seed < 2**31:
        raise DemoCityError(f"seed must be a whole number from 0 to {2**31 - 1}, not {seed!r}.")
    report = progress or (lambda pct, msg: None)
    started = time.perf_counter()
    with transaction(dsn, DemoCityError) as conn, _Canceller(conn, cancelled) as canceller:
        try:
            summary = _generate(conn, buildings, seed, report, cancelled, replace, as_of, name, code,
                                name_bn, revenue)
        except psycopg2.extensions.QueryCanceledError:
            if canceller.fired:
                raise DemoCityCancelled("Cancelled: nothing was written.") from None
            raise
        except psycopg2.Error as error:  # refused; transaction() rolls back, or explains a lost connection
            message = (error.pgerror or str(error)).strip().splitlines()[0]
            raise DemoCityError(f"Generating the demo city failed, nothing was written: {message}") from None
    summary["seconds"] = round(time.perf_counter() - started, 1)
    report(100, f"{buildings:,} buildings in {summary['seconds']} s")
    return summary


def _generate(conn, buildings, seed, report, cancelled, replace, as_of, name, code, name_bn, revenue) -> dict:
    cur = conn.cursor()
    srid, mode = _check_database(cur)
    cur.execute("SELECT current_date")
    today = cur.fetchone()[0]
    as_of = as_of or today
    if as_of > today:
        raise DemoCityError(f"The as-of date {as_of} is in the future (today is {today}): history cannot be.")
    counts = {k: v for k, v in row_counts(cur).items() if v}
    if counts and not replace:
        listed = ", ".join(f"{k.split('.')[1]}: {v:,}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])[:5])
        raise DemoCityError(f"The database already holds city data ({listed}); generating a demo city into "
                            "it needs --replace, which deletes that data first.")
    if name is None:
        demo = (seed, buildings) == (DEMO_SEED, DEMO_BUILDINGS)
        name, code, name_bn = (DEMO_NAME, DEMO_CODE, DEMO_NAME_BN) if demo else (OTHER_NAME, OTHER_CODE, OTHER_NAME_BN)
    report(0, "Preparing")
    cur.execute("SHOW default_statistics_target")
    default_target = cur.fetchone()[0]
    # a big statement of a bulk load: plenty of memory for sorts and index builds, no JIT compilation
    # (memoize only hashes geometries that never repeat here)
    for setting, value in (("work_mem", "256MB"), ("maintenance_work_mem", "512MB"), ("jit", "off"),
                           ("synchronous_commit", "off"), ("enable_memoize", "off")):
        cur.execute("SELECT set_config(%s, %s, true)", (setting, value))
    replaced = _clear(cur, mode) if replace else {}
    if mode == "replica":
        cur.execute("SET LOCAL session_replication_role = replica")
    elif mode == "disable":
        _set_triggers(cur, enable=False)
    rebuild = _drop_indexes(cur) if mode != "checked" else []
    restore = _drop_keys(cur) if mode == "replica" else []

    plan = Plan.make(buildings, seed, as_of, name, code or OTHER_CODE, srid)
    ox, oy = _origin(cur, srid, *ORIGIN_LON_LAT)
    steps = _steps(revenue)
    total = sum(STEP_WEIGHTS.get(label, 0.1) for label, _ in steps) + sum(FINISH_WEIGHTS.values())
    done = 0
    while True:
        params = plan.params()
        params.update(ox=ox, oy=oy, cos=math.cos(params["angle"]), sin=math.sin(params["angle"]),
                      msin=-math.sin(params["angle"]), city_name_bn=name_bn,
                      bump=0 if mode == "checked" else 1, tax_history=mode != "checked")
        cur.execute("SAVEPOINT layout")
        for label, text in steps:
            if cancelled is not None and cancelled():
                raise DemoCityCancelled("Cancelled: nothing was written.")
            report(100 * done / total, label)
            cur.execute(text, params)
            done += STEP_WEIGHTS.get(label, 0.1)
            if label == "Choosing the city's blocks":
                cur.execute("SELECT coalesce(sum(take), 0) FROM blk")
                if cur.fetchone()[0] < buildings:
                    break  # the candidate grid was too small for this seed: a larger one
        else:
            break
        cur.execute("ROLLBACK TO SAVEPOINT layout")
        plan, done = plan.bigger(), 0
    cur.execute("RELEASE SAVEPOINT layout")
    if mode == "checked":
        # the emptying trigger ran on the history too: the counts are the history's, whatever it kept
        cur.execute(COUNTS_FROM_HISTORY)

    report(100 * done / total, "Rebuilding keys and indexes, checking foreign keys")
    if mode == "replica":
        cur.execute("SET LOCAL session_replication_role = DEFAULT")
    for statement in restore + rebuild:
        cur.execute(statement)
    if mode == "disable":
        _set_triggers(cur, enable=True)
    done += FINISH_WEIGHTS["keys"]
    report(100 * done / total, "Checking every rule")
    # foreign keys: checked by PostgreSQL as they were added back (replica), by their triggers otherwise
    problems = validate.rule_problems(cur)
    if problems:
        raise DemoCityError("The generated city breaks database rules (a generator bug), nothing was written: "
                            + "; ".join(problems[:5]))
    done += FINISH_WEIGHTS["rules"]
    report(100 * done / total, "Updating statistics")
    for schema, table in TABLES:
        # the revenue tables are read by key and whole (runs, registers, accounts): a 9,000-row sample
        # (statistics target 30) tells the planner what it needs at a third of the default's cost (bills
        # are wide); autovacuum samples them again, with the database's target, as they change
        cur.execute("SELECT set_config('default_statistics_target', %s, true)",
                    ("30" if schema == "imis_revenue" else default_target,))
        cur.execute(sql.SQL("ANALYZE {}.{}").format(sql.Identifier(schema), sql.Identifier(table)))
    cur.execute("SELECT set_config('default_statistics_target', %s, true)", (default_target,))
    rows = row_counts(cur)
    summary = {"generator": "imis demo-city", "seed": seed, "buildings": buildings, "as_of": as_of.isoformat(),
               "city": name, "mode": mode, "rows": rows, "replaced": replaced}
    if not revenue:
        summary["left_out"] = "revenue"
    elif mode == "checked":
        summary["left_out"] = "holding-tax bill runs (only a revenue chief may sign them off)"
    cur.execute("INSERT INTO imis_audit.log (schema_name, table_name, action, new_row) VALUES ('imis_core', %s, "
                "'INSERT', %s)", (AUDIT_TABLE, json.dumps(summary)))
    return summary
