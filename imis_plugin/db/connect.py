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


def connect(dsn: str, **kwargs):
    """A psycopg2 connection, or an ImisDatabaseError that says why the server refused."""
    try:
        return psycopg2.connect(dsn, **kwargs)
    except psycopg2.OperationalError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "no reason given"
        raise ImisDatabaseError(f"Cannot connect to the database ({redact(dsn)}): {reason}") from None


@contextmanager
def transaction(dsn: str):
    """One transaction: committed when the block ends, rolled back on any error."""
    conn = connect(dsn)
    try:
        with conn:
            yield conn
    finally:
        conn.close()


def make_engine(dsn: str):
    """A SQLAlchemy engine on the same libpq DSN (service names work, no password in a URL)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    return create_engine("postgresql+psycopg2://", creator=lambda: connect(dsn), poolclass=NullPool)
