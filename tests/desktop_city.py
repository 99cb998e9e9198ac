"""A populated city for the desktop tests (project, One-ID, dashboard), reachable as a pg_service too.

On top of tests/sample_city.py it adds what the desktop tests look for: a Bangla owner name, a second
application (not emptied, from the low-income community), an application of the other provider."""

from psycopg2.extensions import parse_dsn

from imis_plugin.db.connect import transaction
from imis_plugin.db.migrate import upgrade
from imis_plugin.db.service_file import write_service

from .conftest import TEST_SRID
from .sample_city import days_ago, populate


def service_for(dsn: str, name: str, user: str | None = None) -> str:
    """Write a pg_service entry (into the tests' private service file) for `dsn`, as `user` if given."""
    parts = parse_dsn(dsn)
    write_service(
        name,
        {
            "host": parts["host"],
            "port": parts["port"],
            "dbname": parts["dbname"],
            "user": user or parts.get("user", "postgres"),
        },
    )
    return name


def desktop_city(pg_server, name: str) -> tuple[str, dict]:
    dsn = pg_server.create_database(name)
    upgrade(dsn, srid=TEST_SRID)
    ids = populate(dsn)
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_core.owner SET name_bn = 'রহিমা খাতুন'")
        cur.execute(
            "INSERT INTO imis_fsm.application (code, provider_id, building_id, application_date, "
            "is_emergency) VALUES ('APP-0002', %s, %s, %s, true) RETURNING id",
            (ids["provider"], ids["buildings"][2], days_ago(5)),
        )
        ids["open_application"] = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO imis_fsm.application (code, provider_id, building_id, application_date) "
            "VALUES ('APP-0003', %s, %s, %s) RETURNING id",
            (ids["other_provider"], ids["buildings"][1], days_ago(40)),
        )
        ids["other_application"] = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO imis_fsm.application (code, provider_id, building_id, application_date, "
            "is_cancelled, cancel_reason) VALUES ('APP-0004', %s, %s, %s, true, 'duplicate')",
            (ids["provider"], ids["buildings"][1], days_ago(3)),
        )
    return dsn, ids
