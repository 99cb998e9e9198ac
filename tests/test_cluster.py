"""The embedded cluster and `imis db`: real PostgreSQL servers, started and stopped for real."""
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg2
import pytest

from imis_plugin.cli import main as imis
from imis_plugin.db import cluster as cluster_mod
from imis_plugin.db.cluster import Cluster, ensure_extensions, free_port
from imis_plugin.db.connect import connect, resolve_dsn
from imis_plugin.db.errors import ImisDatabaseError
from imis_plugin.db.service_file import read_service, write_service

IMIS_BIN = Path(sys.executable).with_name("imis")


@pytest.fixture
def home():
    """A cluster folder the unprivileged owner can reach (pytest's tmp dirs are private to root)."""
    path = Path(tempfile.mkdtemp(prefix="imis-cluster-test-"))
    os.chmod(path, 0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _stop(data_dir: Path):
    cluster = Cluster(data_dir)
    if cluster.exists():
        cluster.stop()


def test_start_status_psql_stop_through_the_command_line(home, monkeypatch, capsys, tmp_path):
    service_file = tmp_path / "pg_service.conf"
    service_file.write_text("# mine\n[other]\nhost=elsewhere\n")
    monkeypatch.setenv("PGSERVICEFILE", str(service_file))
    monkeypatch.setenv("IMIS_DATA_DIR", str(home / "imis"))
    try:
        assert imis(["db", "start"]) == 0
        entry = read_service("imis", service_file)
        assert entry["host"] == str(home / "imis" / "socket")
        assert "password" not in service_file.read_text()
        assert read_service("other", service_file) == {"host": "elsewhere"}  # other entries untouched
        port = int(entry["port"])
        assert port != 5432
        assert cluster_mod.port_is_free(port), "the embedded cluster must not listen on TCP by default"
        with connect(resolve_dsn("imis")) as conn, conn.cursor() as cur:
            cur.execute("SELECT extname FROM pg_extension ORDER BY 1")
            assert {"postgis", "pgrouting"} <= {r[0] for r in cur.fetchall()}
        # a second start is a no-op on the running cluster
        assert imis(["db", "start"]) == 0
        capsys.readouterr()
        assert imis(["db", "status"]) == 0
        out = capsys.readouterr().out
        assert "running" in out and "PostGIS     3." in out and "revision    none" in out
        psql = subprocess.run(["psql", "service=imis", "-Atc", "select 40 + 2"], capture_output=True, text=True,
                              env={**os.environ})
        assert psql.stdout.strip() == "42"
        assert imis(["db", "stop"]) == 0
        assert imis(["db", "status"]) == 1
        assert "stopped" in capsys.readouterr().out
        # start again after a stop: same port, data kept
        assert imis(["db", "start"]) == 0
        assert int(read_service("imis", service_file)["port"]) == port
    finally:
        _stop(home / "imis")


def test_missing_binaries_are_named(monkeypatch, home):
    monkeypatch.setenv("IMIS_PG_BINDIR", str(home / "nowhere"))
    with pytest.raises(ImisDatabaseError, match="server binaries .* not found .*IMIS_PG_BINDIR"):
        Cluster(home / "c").start()
    assert not (home / "c" / "data").exists()


def test_taken_port_is_refused(home):
    port = free_port(57000)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))
        sock.listen()
        with pytest.raises(ImisDatabaseError, match=f"Port {port} is taken"):
            Cluster(home / "c").start(port=port)
    assert not (home / "c" / "data" / "PG_VERSION").exists()


def test_port_taken_after_creation_is_explained(home):
    cluster = Cluster(home / "c")
    cluster.init(port=free_port(57100))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", cluster.port))
        sock.listen()
        with pytest.raises(ImisDatabaseError, match=f"Port {cluster.port} is taken by another program"):
            cluster.start()


def test_data_directory_of_another_major_version(home):
    cluster = Cluster(home / "c")
    cluster.init(port=free_port(57200))
    (cluster.data_dir / "PG_VERSION").write_text("13\n")
    with pytest.raises(ImisDatabaseError, match="holds a PostgreSQL 13 cluster but the installed server is "
                                                "PostgreSQL 15"):
        cluster.start()


def test_server_refusing_connections(home):
    with pytest.raises(ImisDatabaseError, match="Cannot connect to the database"):
        connect(f"host={home} port=59999 dbname=imis user=postgres")


def test_missing_extension_names_the_package(pg_server):
    dsn = pg_server.create_database("ext")
    monkey = ("postgis", "no_such_extension")
    with pytest.raises(ImisDatabaseError, match="lacks the extension\\(s\\) no_such_extension.*postgresql-15-"):
        ensure_extensions(dsn, monkey)


def test_existing_server_by_service_or_dsn(pg_server, capsys, monkeypatch, tmp_path):
    """The production path: commands act on a named server and start nothing."""
    dsn = pg_server.create_database("existing")
    params = psycopg2.extensions.parse_dsn(dsn)
    service_file = tmp_path / "svc.conf"
    write_service("city_prod", params, service_file)
    monkeypatch.setenv("PGSERVICEFILE", str(service_file))
    monkeypatch.setenv("IMIS_DATA_DIR", str(tmp_path / "never-created"))
    assert imis(["db", "status", "--service", "city_prod"]) == 0
    assert imis(["db", "status", "--dsn", dsn]) == 0
    assert imis(["db", "start", "--service", "city_prod"]) == 1
    assert "embedded cluster only" in capsys.readouterr().err
    assert not (tmp_path / "never-created").exists()


def test_first_install_needs_a_metric_srid(pg_server, capsys):
    dsn = pg_server.create_database("srid")
    assert imis(["db", "upgrade", "--dsn", dsn]) == 1
    assert "--srid 32645" in capsys.readouterr().err
    assert imis(["db", "upgrade", "--dsn", dsn, "--srid", "4326"]) == 1
    assert "not a projected CRS in metres" in capsys.readouterr().err
    with connect(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'imis%'")
        assert cur.fetchone()[0] == 0


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to switch to an unprivileged user")
def test_an_ordinary_user_runs_the_cluster_as_themselves(home):
    """The desktop path: no runuser, the cluster belongs to the invoking user."""
    user = cluster_mod.ROOT_OWNER
    Cluster(home / "probe").init(port=free_port(57300))  # makes sure the account exists
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "IMIS_DATA_DIR": str(home / "desk"),
           "PGSERVICEFILE": str(home / "pg_service.conf"), "LANG": "C.UTF-8"}
    shutil.chown(home, user, user)
    try:
        run = subprocess.run(["runuser", "-u", user, "--", str(IMIS_BIN), "db", "start"], env=env,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert (home / "desk" / "data").stat().st_uid == pwd.getpwnam(user).pw_uid
        status = subprocess.run(["runuser", "-u", user, "--", str(IMIS_BIN), "db", "status"], env=env,
                                capture_output=True, text=True, timeout=60)
        assert "running" in status.stdout, status.stderr
    finally:
        subprocess.run(["runuser", "-u", user, "--", str(IMIS_BIN), "db", "stop"], env=env, capture_output=True,
                       timeout=60)


def test_the_cluster_is_sized_for_the_machine(pg_server):
    """Shared buffers an eighth of the memory (128 MB to 2 GB) and 4 GB of WAL between checkpoints."""
    memory_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // (1 << 20)
    with connect(pg_server.dsn("postgres")) as conn, conn.cursor() as cur:
        cur.execute("SELECT setting::bigint * 8 / 1024 FROM pg_settings WHERE name = 'shared_buffers'")
        assert cur.fetchone()[0] == max(128, min(memory_mb // 8, 2048))
        cur.execute("SHOW max_wal_size")
        assert cur.fetchone()[0] == "4GB"
