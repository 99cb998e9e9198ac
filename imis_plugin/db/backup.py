"""Backup and restore of a city database with PostgreSQL's own tools (pg_dump custom format).

Group roles are cluster-wide and not in a dump, so restore creates them first (database/roles.sql). A
restore goes into an empty database only and runs as one transaction: a damaged file leaves nothing behind.
"""
from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from psycopg2.extensions import parse_dsn

from ..paths import DATABASE_DIR
from .cluster import find_bindir
from .connect import redact, transaction
from .errors import ImisDatabaseError

Progress = Callable[[float, str], None]


def _server_major(dsn: str) -> int:
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SHOW server_version_num")
        return int(cur.fetchone()[0]) // 10000


def _tool(dsn: str, name: str) -> str:
    """The client tool of the server's major version (a newer pg_dump than the server is fine, an older not)."""
    return str(find_bindir(_server_major(dsn)) / name)


def _conninfo(dsn: str) -> str:
    # the tools take the same libpq string; pass it as --dbname so service names work
    parse_dsn(dsn)
    return dsn


def backup(dsn: str, output: Path, progress: Progress | None = None) -> Path:
    report = progress or (lambda pct, msg: None)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    report(5, f"dumping {redact(dsn)}")
    proc = subprocess.run([_tool(dsn, "pg_dump"), "--format=custom", "--no-owner", "--file", str(partial),
                           "--dbname", _conninfo(dsn)], capture_output=True, text=True)
    if proc.returncode != 0:
        partial.unlink(missing_ok=True)
        raise ImisDatabaseError(f"Backup failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr else proc.returncode}")
    partial.replace(output)  # a backup file is complete or absent
    report(100, f"backup written to {output}")
    return output


def _is_empty(dsn: str) -> bool:
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'imis%%'")
        return cur.fetchone()[0] == 0


def restore(dsn: str, source: Path, progress: Progress | None = None) -> None:
    report = progress or (lambda pct, msg: None)
    source = Path(source)
    if not source.is_file():
        raise ImisDatabaseError(f"No backup file {source}.")
    listing = subprocess.run([_tool(dsn, "pg_restore"), "--list", str(source)], capture_output=True, text=True)
    if listing.returncode != 0:
        raise ImisDatabaseError(f"{source} is not a readable IMIS backup (pg_dump custom format): "
                                f"{listing.stderr.strip().splitlines()[-1] if listing.stderr else 'unreadable'}")
    if "imis_core" not in listing.stdout:
        raise ImisDatabaseError(f"{source} is a PostgreSQL backup but holds no IMIS schema.")
    if not _is_empty(dsn):
        raise ImisDatabaseError(f"The database {redact(dsn)} already holds IMIS schemas; restore into an empty "
                                "database (createdb a new one) so nothing is overwritten.")
    report(10, "creating the group roles")
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute((DATABASE_DIR / "roles.sql").read_text(encoding="utf-8"))
    report(20, f"restoring {source.name}")
    proc = subprocess.run([_tool(dsn, "pg_restore"), "--no-owner", "--single-transaction", "--exit-on-error",
                           "--dbname", _conninfo(dsn), str(source)], capture_output=True, text=True)
    if proc.returncode != 0:
        lines = [line for line in proc.stderr.splitlines() if "error" in line.lower()] or proc.stderr.splitlines()
        raise ImisDatabaseError(f"Restore failed, nothing was restored: {lines[0] if lines else proc.returncode}")
    report(100, "restored")
