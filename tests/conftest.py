"""Test session set-up: one private PostgreSQL cluster for the whole session (never Debian's main cluster,
never port 5432), created through the same code as `imis db start`, and removed afterwards."""
import itertools
import os
import re
import tempfile
from pathlib import Path

import pytest

from imis_plugin.db.cluster import Cluster, free_port
from imis_plugin.db.migrate import upgrade

# reliability figures (issue 12): the `reliability` fixture and the hooks that write them at session end
from .reliability import pytest_runtest_setup, pytest_sessionfinish, reliability  # noqa: F401

TEST_SRID = 32645
_counter = itertools.count()


class PgServer:
    """The session's cluster, handing out fresh databases."""

    def __init__(self, cluster: Cluster):
        self.cluster = cluster

    def dsn(self, dbname: str) -> str:
        return self.cluster.dsn(dbname)

    def create_database(self, name: str) -> str:
        """A new empty database with PostGIS and pgRouting; the name gets a unique suffix."""
        safe = re.sub(r"[^a-z0-9_]", "_", name.lower())[:40]
        return self.cluster.ensure_database(f"{safe}_{next(_counter)}")


@pytest.fixture(scope="session", autouse=True)
def _private_service_file(tmp_path_factory):
    """Keep the user's ~/.pg_service.conf out of the tests."""
    path = tmp_path_factory.mktemp("pgservice") / "pg_service.conf"
    old = os.environ.get("PGSERVICEFILE")
    os.environ["PGSERVICEFILE"] = str(path)
    yield path
    if old is None:
        os.environ.pop("PGSERVICEFILE", None)
    else:
        os.environ["PGSERVICEFILE"] = old


@pytest.fixture(scope="session")
def pg_server():
    # not under pytest's tmp dir: that is private to the invoking user, and as root the cluster runs as
    # an unprivileged owner who must reach its data directory
    home = Path(tempfile.mkdtemp(prefix="imis-test-"))
    os.chmod(home, 0o755)
    cluster = Cluster(home / "cluster")
    cluster.start(port=free_port(56000), fast=True)
    try:
        yield PgServer(cluster)
    finally:
        cluster.destroy()
        home.rmdir()


@pytest.fixture(scope="session")
def migrated_dsn(pg_server) -> str:
    """A database at head with code lists loaded (shared by the session: tests must not change it)."""
    dsn = pg_server.create_database("imis_head")
    upgrade(dsn, srid=TEST_SRID)
    return dsn


@pytest.fixture
def fresh_dsn(pg_server, request) -> str:
    """An empty database of this test's own (PostGIS and pgRouting installed, no IMIS schema)."""
    return pg_server.create_database(request.node.name)


@pytest.fixture
def head_dsn(pg_server, request) -> str:
    """A database at head of this test's own, free to change."""
    dsn = pg_server.create_database(request.node.name)
    upgrade(dsn, srid=TEST_SRID)
    return dsn


@pytest.fixture(scope="module")
def provider(qgis_processing):
    """The IMIS Processing provider, registered as QGIS does when the plugin loads (processing.run finds it)."""
    from qgis.core import QgsApplication

    import imis_plugin

    plugin = imis_plugin.classFactory(None)
    plugin.initProcessing()
    yield QgsApplication.processingRegistry().providerById("imis")
    plugin.unload()
