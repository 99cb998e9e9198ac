"""Bringing a database to a schema revision: Alembic for the data schemas, then the app schema rebuilt
from SQL and the code lists loaded from CSV, all in one transaction.

The app schema (views, functions, triggers, policies) is written for head only: below head it is dropped
and the data schemas work on their own.
"""
from collections.abc import Callable

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from ..paths import MIGRATIONS_DIR
from .app_schema import drop_app_schema, load_codelists, rebuild_app_schema
from .cluster import ensure_extensions
from .connect import make_engine
from .errors import ImisDatabaseError

Progress = Callable[[float, str], None]


def _config(connection=None, srid: int | None = None, progress: Progress | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    cfg.attributes["srid"] = srid
    if progress is not None:
        steps = _steps()

        def on_version_apply(ctx, step, heads, run_args):
            done = len(heads)
            progress(min(90.0, 10 + 80 * done / max(steps, 1)), f"applied revision {step.up_revision_id}")

        cfg.attributes["on_version_apply"] = on_version_apply
    return cfg


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def _steps() -> int:
    return len(list(_script().walk_revisions()))


def head_revision() -> str:
    return _script().get_current_head()


def revisions() -> list[str]:
    """Every revision, oldest first."""
    return [rev.revision for rev in reversed(list(_script().walk_revisions()))]


def current_revision(dsn: str) -> str | None:
    engine = make_engine(dsn)
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _check_srid(conn, srid: int) -> None:
    row = conn.exec_driver_sql(
        "SELECT srtext, proj4text FROM public.spatial_ref_sys WHERE srid = %(srid)s", {"srid": srid}).first()
    if row is None:
        raise ImisDatabaseError(f"SRID {srid} is not a coordinate reference system PostGIS knows.")
    if not row.srtext.startswith("PROJCS") or "+units=m" not in (row.proj4text or ""):
        raise ImisDatabaseError(
            f"SRID {srid} is not a projected CRS in metres; IMIS measures distances and areas in the city's "
            "metric CRS, e.g. 32645 (WGS 84 / UTM 45N, western Bangladesh) or 32646 (UTM 46N, eastern).")


def _has_city_table(conn) -> bool:
    return conn.exec_driver_sql("SELECT to_regclass('imis_core.city') IS NOT NULL").scalar()


def upgrade(dsn: str, revision: str = "head", srid: int | None = None, progress: Progress | None = None) -> str:
    """Upgrade the data schemas to `revision`; at head also rebuild the app schema and load code lists.

    `srid` is needed on first install only (the city's projected CRS); afterwards it is read from the
    database and a different value is refused.
    """
    report = progress or (lambda pct, msg: None)
    ensure_extensions(dsn)  # the CRS check below needs PostGIS's spatial_ref_sys
    engine = make_engine(dsn)
    with engine.begin() as conn:
        report(2, "checking the database")
        if _has_city_table(conn):
            installed = conn.exec_driver_sql("SELECT srid FROM imis_core.city LIMIT 1").scalar()
            if srid is not None and installed is not None and srid != installed:
                raise ImisDatabaseError(f"This database was installed with SRID {installed}; it cannot be "
                                        f"upgraded with SRID {srid}. Reprojecting a city is not an upgrade.")
        elif srid is None:
            raise ImisDatabaseError("First install: choose the city's projected CRS, e.g. --srid 32645 "
                                    "(WGS 84 / UTM 45N) or --srid 32646 (UTM 46N).")
        else:
            _check_srid(conn, srid)
        drop_app_schema(conn)
        report(8, "upgrading the data schemas")
        command.upgrade(_config(conn, srid, progress), revision)
        reached = MigrationContext.configure(conn).get_current_revision()
        if reached == head_revision():
            report(92, "loading code lists")
            load_codelists(conn)
            report(95, "rebuilding the app schema")
            rebuild_app_schema(conn)
        report(100, f"database at revision {reached}")
    return reached


def downgrade(dsn: str, revision: str, progress: Progress | None = None) -> str | None:
    """Downgrade the data schemas to `revision` ('base' removes IMIS entirely)."""
    engine = make_engine(dsn)
    with engine.begin() as conn:
        drop_app_schema(conn)
        command.downgrade(_config(conn, None, progress), revision)
        reached = MigrationContext.configure(conn).get_current_revision()
        if reached == head_revision():
            rebuild_app_schema(conn)
    return reached
