"""Login roles for tests: a LOGIN member of one IMIS group role, named after the test database (roles are
cluster-wide and the session shares one cluster). The test cluster trusts its unix socket, so no password."""
from psycopg2 import sql
from psycopg2.extensions import parse_dsn

from imis_plugin.db.connect import connect, transaction

GROUPS = ["imis_admin", "imis_gis_editor", "imis_fsm_officer", "imis_service_provider", "imis_plant_operator",
          "imis_revenue_collector", "imis_revenue_chief", "imis_viewer"]


def create_login(dsn: str, group: str, suffix: str = "", provider_id=None, plant_id=None) -> str:
    """Create the login (registered in imis_core.app_user) and return it."""
    name = f"{parse_dsn(dsn)['dbname']}_{group.removeprefix('imis_')}{suffix}"
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(sql.SQL("CREATE ROLE {} LOGIN IN ROLE {}").format(sql.Identifier(name), sql.Identifier(group)))
        cur.execute("INSERT INTO imis_core.app_user (login_role, full_name, provider_id, plant_id) "
                    "VALUES (%s, %s, %s, %s)", (name, f"Test {group}", provider_id, plant_id))
    return name


def connect_as(dsn: str, login: str):
    return connect(dsn, user=login)
