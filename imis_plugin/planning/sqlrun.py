"""Running the push-down SQL so that Cancel works and nothing is ever written.

Each statement runs in a worker thread (psycopg2 releases the GIL while PostgreSQL works) while the calling
thread watches the Processing feedback; Cancel sends a cancel request to the server. The session is one
REPEATABLE READ transaction (every statement sees the same snapshot) that is always rolled back: the
analyses create only temporary tables.
"""

from __future__ import annotations

import threading

import psycopg2
from psycopg2 import sql

from ..db.connect import connect, gone, lost_connection
from .inputs import Cancelled, PgTable, PlanningError


def ident(*names: str) -> sql.Identifier:
    return sql.Identifier(*names)


class Session:
    """One connection and transaction for one analysis run."""

    def __init__(self, dsn: str, feedback=None):
        from ..db.errors import ImisDatabaseError

        self.feedback = feedback
        try:
            self.conn = connect(dsn)
        except ImisDatabaseError as error:
            raise PlanningError(str(error)) from None
        self.conn.set_session(isolation_level="REPEATABLE READ")
        self.cursor = self.conn.cursor()
        # Spatial join estimates are far too high, which makes PostgreSQL JIT-compile queries that then run
        # in a fraction of the compile time (0.5 s lost on a 0.2 s query): these short queries go without.
        self.cursor.execute("SET LOCAL jit = off")
        # room to sort the (wide) result rows in memory rather than on disk
        self.cursor.execute("SET LOCAL work_mem = '64MB'")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        try:
            gone(self.conn)  # rolls back; a lost connection has nothing to roll back (and must not mask why)
        finally:
            self.conn.close()

    def _cancelled(self) -> bool:
        return bool(self.feedback is not None and self.feedback.isCanceled())

    def execute(self, query, params=None):
        """Run one statement; returns the cursor (fetch from it). Raises Cancelled on Cancel."""
        if self._cancelled():
            raise Cancelled()
        outcome = {}

        def work():
            try:
                self.cursor.execute(query, params)
            except BaseException as error:  # noqa: BLE001 - handed to the calling thread
                outcome["error"] = error

        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        cancel_sent = False
        while worker.is_alive():
            worker.join(0.05)
            if not cancel_sent and self._cancelled():
                self.conn.cancel()
                cancel_sent = True
        error = outcome.get("error")
        if error is not None:
            if isinstance(error, psycopg2.extensions.QueryCanceledError) and cancel_sent:
                raise Cancelled()
            if isinstance(error, psycopg2.Error):
                if gone(self.conn):
                    raise lost_connection(error, error=PlanningError) from None
                message = (error.pgerror or str(error)).strip().splitlines()[0]
                raise PlanningError(f"The database refused the analysis: {message}") from None
            raise error
        return self.cursor

    def rows(self, query, params=None) -> list[tuple]:
        return self.execute(query, params).fetchall()

    def value(self, query, params=None):
        row = self.execute(query, params).fetchone()
        return row[0] if row else None

    # catalog look-ups ----------------------------------------------------------------------------------
    def key_type(self, table: PgTable) -> str:
        """The SQL type of a table's key column, to cast the array of selected keys to."""
        found = self.value(
            "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
            "WHERE a.attrelid = to_regclass(%(t)s) AND a.attname = %(c)s AND NOT a.attisdropped",
            {"t": sql.Identifier(table.schema, table.table).as_string(self.conn), "c": table.key},
        )
        if not found:
            raise PlanningError(f"{table.schema}.{table.table} has no column {table.key!r}.")
        return found

    def srid(self, table: PgTable) -> int:
        return self.value("SELECT Find_SRID(%s, %s, %s)", (table.schema, table.table, table.geometry))


def relation(session: Session, table: PgTable, keys: list | None, params: dict, name: str) -> sql.Composable:
    """The table, or only the rows whose key is in ``keys`` (the selected features; one bound array)."""
    if keys is None:
        return sql.Identifier(table.schema, table.table)
    params[name] = list(keys)
    # the type name comes from the catalog (format_type), not from the user
    return sql.SQL("(SELECT * FROM {} WHERE {} = ANY(CAST({} AS {}[])))").format(
        sql.Identifier(table.schema, table.table),
        sql.Identifier(table.key),
        sql.Placeholder(name),
        sql.SQL(session.key_type(table)),
    )
