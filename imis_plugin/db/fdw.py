"""postgres_fdw plumbing shared by the national roll-up and links to other departments' databases."""
from __future__ import annotations

from psycopg2 import sql
from psycopg2.extensions import parse_dsn

from .errors import ImisDatabaseError
from .service_file import read_service

#: libpq options a postgres_fdw server may carry (user and secrets belong to the user mapping).
SERVER_OPTIONS = ("host", "hostaddr", "port", "dbname", "sslmode", "connect_timeout")


def server_options(dsn: str) -> dict[str, str]:
    """A connection as postgres_fdw server options. A pg_service name is resolved here, because the
    database server process cannot read the user's service file."""
    params = parse_dsn(dsn)
    if "service" in params:
        name = params.pop("service")
        service = read_service(name)
        if service is None:
            raise ImisDatabaseError(f"pg_service '{name}' is not in the service file.")
        params = {**service, **params}
    return {k: str(v) for k, v in params.items() if k in SERVER_OPTIONS}


def create_server(cur, server: str, dsn: str, user: str, read_only: bool = False) -> None:
    """(Re)create a foreign server for `dsn` and the current user's mapping to the remote login `user`."""
    ident = sql.Identifier
    options = server_options(dsn)
    if read_only:
        options["updatable"] = "false"
    cur.execute("CREATE EXTENSION IF NOT EXISTS postgres_fdw")
    cur.execute(sql.SQL("DROP SERVER IF EXISTS {} CASCADE").format(ident(server)))
    cur.execute(sql.SQL("CREATE SERVER {} FOREIGN DATA WRAPPER postgres_fdw OPTIONS ({})").format(
        ident(server), sql.SQL(", ").join(sql.SQL("{} {}").format(ident(k), sql.Literal(v))
                                          for k, v in options.items())))
    mapping = [sql.SQL("user {}").format(sql.Literal(user))]
    cur.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if cur.fetchone()[0]:
        # a superuser's mapping may rely on the remote side's own authentication (peer, the server's .pgpass)
        mapping.append(sql.SQL("password_required 'false'"))
    cur.execute(sql.SQL("CREATE USER MAPPING FOR CURRENT_USER SERVER {} OPTIONS ({})").format(
        ident(server), sql.SQL(", ").join(mapping)))


def import_tables(cur, server: str, remote_schema: str, tables: list[str], into: str) -> None:
    """Foreign tables for `tables` of the remote schema, in a fresh local schema `into`."""
    ident = sql.Identifier
    cur.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(ident(into)))
    cur.execute(sql.SQL("CREATE SCHEMA {}").format(ident(into)))
    cur.execute(sql.SQL("IMPORT FOREIGN SCHEMA {} LIMIT TO ({}) FROM SERVER {} INTO {}").format(
        ident(remote_schema), sql.SQL(", ").join(map(ident, tables)), ident(server), ident(into)))
