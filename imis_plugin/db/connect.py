"""Turning what a user names (a pg_service, a connection string) into connections.

Passwords never pass through here: libpq reads them from ~/.pgpass or the service file, and QGIS from
its auth database. A DSN is only ever shown after `redact()`.
"""
import re
from contextlib import contextmanager

import psycopg2

from .errors import ImisDatabaseError

_SERVICE_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")


def resolve_dsn(target: str) -> str:
    """A pg_service name ('imis') or a libpq connection string / URI -> a libpq DSN."""
    target = (target or "").strip()
    if not target:
        raise ImisDatabaseError("No database given: name a pg_service (e.g. 'imis') or a connection string.")
    if _SERVICE_NAME.match(target):
        return f"service={target}"
    try:
        psycopg2.extensions.parse_dsn(target)
    except psycopg2.ProgrammingError as exc:
        raise ImisDatabaseError(f"Not a pg_service name nor a valid connection string: {exc}") from None
    return target


def redact(dsn: str) -> str:
    """The DSN without any password, for messages and logs."""
    try:
        parts = psycopg2.extensions.parse_dsn(dsn)
    except psycopg2.ProgrammingError:
        return "<unparseable connection string>"
    parts.pop("password", None)
    return " ".join(f"{k}={v}" for k, v in parts.items())


# How often (ms) the server checks, during a long statement, that this client is still there. Without it a
# killed client's statement (a bill run, an import) runs to its end before the server notices, holding its
# locks meanwhile and delaying the retry; with it the server rolls back within about this time.
CLIENT_CHECK_MS = 1000


def connect(dsn: str, **kwargs):
    """A psycopg2 connection, or an ImisDatabaseError that says why the server refused."""
    try:
        conn = psycopg2.connect(dsn, **kwargs)
    except psycopg2.OperationalError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "no reason given"
        raise ImisDatabaseError(f"Cannot connect to the database ({redact(dsn)}): {reason}") from None
    _watch_client(conn)
    return conn


def _watch_client(conn) -> None:
    """client_connection_check_interval (PostgreSQL 14+, on systems that support it) for this session,
    set in its own transaction; a server that refuses it simply goes without."""
    if conn.server_version < 140000:
        return
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT set_config('client_connection_check_interval', %s, false)",
                        (str(CLIENT_CHECK_MS),))
        conn.commit()
    except psycopg2.Error:
        conn.rollback()


def lost_connection(exc: BaseException, committing: bool = False, error=ImisDatabaseError) -> Exception:
    """The error (of class `error`, a module's own) to show when the server went away in the middle of the
    work (stopped, restarted, crashed or cut off): it rolls back what was not committed, so nothing was
    written. The reason is psycopg2's own, also when a module wrapped it in an error of its own."""
    cause = _database_error(exc) or exc
    diag = getattr(cause, "diag", None)
    text = str(cause).strip()
    reason = (getattr(diag, "message_primary", None) or (text.splitlines()[0] if text else "")
              or type(cause).__name__)
    if committing:
        return error(f"The connection to the database was lost while committing ({reason}): the work may or "
                     "may not have been saved. Check before running it again.")
    return error(f"The connection to the database was lost ({reason}): the server stopped, restarted or was "
                 "cut off. Nothing of this run was written; run it again once the server is back.")


def _database_error(exc: BaseException | None) -> psycopg2.Error | None:
    """The first psycopg2 error behind `exc` (itself, or what it was raised from or while handling)."""
    found, seen = None, set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, psycopg2.Error):
            found = exc  # the deepest one: "connection already closed" comes after the real reason
        exc = exc.__cause__ or exc.__context__
    return found


def gone(conn) -> bool:
    """Whether the connection is lost, after rolling back what it had begun while it is not. psycopg2 does
    not always mark a connection closed on the first failure after a server crash (an immediate shutdown
    while the session was idle in its transaction, or during a COMMIT): a statement that fails proves it."""
    if conn.closed:
        return True
    try:
        conn.rollback()
        with conn.cursor() as cur:  # psycopg2 sends no ROLLBACK when it thinks no transaction is open
            cur.execute("SELECT 1")
        conn.rollback()
    except psycopg2.Error:
        return True
    return False


@contextmanager
def transaction(dsn: str, error=ImisDatabaseError):
    """One transaction: committed when the block ends, rolled back on any error. Every module opens its
    connections here, so that they all explain the same way a server that goes away meanwhile: an error
    of the module's own class `error` (lost_connection) instead of psycopg2's "connection already closed"
    or "server closed the connection unexpectedly". A refused connection is an `error` too."""
    try:
        conn = connect(dsn)
    except ImisDatabaseError as exc:
        if isinstance(exc, error):
            raise
        raise error(str(exc)) from None
    try:
        try:
            yield conn
        except BaseException as exc:
            if gone(conn) and isinstance(exc, (psycopg2.Error, ImisDatabaseError, error)):
                raise lost_connection(exc, error=error) from exc
            raise
        try:
            conn.commit()
        except psycopg2.Error as exc:
            if gone(conn):
                raise lost_connection(exc, committing=True, error=error) from exc
            raise
    finally:
        conn.close()


def make_engine(dsn: str):
    """A SQLAlchemy engine on the same libpq DSN (service names work, no password in a URL)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    return create_engine("postgresql+psycopg2://", creator=lambda: connect(dsn), poolclass=NullPool)
