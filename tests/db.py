"""Reading the test databases: one query in a transaction of its own."""
from imis_plugin.db.connect import transaction


def rows(dsn: str, query: str, params=None) -> list[tuple]:
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(query, params)
        return cur.fetchall()


def one(dsn: str, query: str, params=None):
    """The first value of the first row."""
    return rows(dsn, query, params)[0][0]
