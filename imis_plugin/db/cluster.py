"""The embedded PostGIS: a private PostgreSQL cluster in a data directory of the user's.

It listens on a unix socket in a private directory (TCP only on request, on localhost), so local trust
authentication stays private to the owner and no password is stored anywhere. initdb and postgres refuse
to run as root: when root starts it, the cluster belongs to a dedicated unprivileged system user.
"""
import json
import os
import pwd
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import ImisDatabaseError

SUPERUSER = "postgres"
DATABASE = "imis"
ROOT_OWNER = os.environ.get("IMIS_PG_OWNER", "imis")
FIRST_PORT = 55432
# pg_trgm (PostgreSQL contrib): the trigram indexes of the One-ID search (revision 0006)
EXTENSIONS = ("postgis", "pgrouting", "pg_trgm")


def default_home() -> Path:
    """Where the cluster lives unless told otherwise (IMIS_DATA_DIR, else the XDG data home)."""
    if os.environ.get("IMIS_DATA_DIR"):
        return Path(os.environ["IMIS_DATA_DIR"]).expanduser()
    if os.geteuid() == 0:
        # root's home is closed to the unprivileged owner, so the cluster cannot live there
        return Path("/var/lib/imis")
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "imis"


def find_bindir(major: int | None = None) -> Path:
    """The PostgreSQL server binaries (IMIS_PG_BINDIR, else the newest under /usr/lib/postgresql)."""
    if os.environ.get("IMIS_PG_BINDIR"):
        candidates = [Path(os.environ["IMIS_PG_BINDIR"])]
    else:
        base = Path("/usr/lib/postgresql")
        versions = sorted((p for p in base.glob("*") if p.name.isdigit()), key=lambda p: int(p.name),
                          reverse=True) if base.is_dir() else []
        if major is not None:
            versions = [p for p in versions if int(p.name) == major]
        candidates = [p / "bin" for p in versions]
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            return bindir
    wanted = f"PostgreSQL {major} " if major else "PostgreSQL "
    raise ImisDatabaseError(
        f"{wanted}server binaries (initdb, pg_ctl) not found"
        + (f" in {candidates[0]}" if os.environ.get("IMIS_PG_BINDIR") else " under /usr/lib/postgresql")
        + ". Install them (apt install postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting) "
        "or point IMIS_PG_BINDIR at their folder.")


def binary_major(bindir: Path) -> int:
    out = subprocess.run([str(bindir / "pg_ctl"), "--version"], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1].split(".")[0])


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def sized_settings() -> dict[str, str]:
    """Settings for the machine instead of PostgreSQL's defaults (128 MB of shared buffers, a checkpoint per
    GB of WAL): an eighth of the memory for shared buffers (128 MB to 2 GB) and up to 4 GB of WAL between
    checkpoints, so a city-wide write (an initial import, a demo city of a million buildings) is not slowed
    down by a checkpoint every few seconds."""
    memory_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // (1 << 20)
    return {"shared_buffers": f"'{max(128, min(memory_mb // 8, 2048))}MB'", "max_wal_size": "'4GB'",
            "checkpoint_timeout": "'15min'"}


def free_port(start: int = FIRST_PORT) -> int:
    for port in range(start, start + 1000):
        if port != 5432 and port_is_free(port):
            return port
    raise ImisDatabaseError(f"No free port between {start} and {start + 999}.")


@dataclass
class Cluster:
    """A private cluster: home/data (PGDATA), home/socket, home/cluster.json (port and owner)."""

    home: Path
    owner: str | None = None  # None: the invoking user (root: ROOT_OWNER)

    def __post_init__(self):
        self.home = Path(self.home).expanduser().resolve()
        if self.owner is None and os.geteuid() == 0:
            self.owner = ROOT_OWNER

    data_dir = property(lambda self: self.home / "data")
    socket_dir = property(lambda self: self.home / "socket")
    log_file = property(lambda self: self.home / "postgresql.log")
    state_file = property(lambda self: self.home / "cluster.json")

    # --- state ---------------------------------------------------------------------------------------
    def _state(self) -> dict:
        if self.state_file.is_file():
            return json.loads(self.state_file.read_text())
        return {}

    @property
    def port(self) -> int | None:
        return self._state().get("port")

    def exists(self) -> bool:
        return (self.data_dir / "PG_VERSION").is_file()

    def data_major(self) -> int:
        return int((self.data_dir / "PG_VERSION").read_text().strip().split(".")[0])

    def dsn(self, dbname: str = DATABASE) -> str:
        return f"host={self.socket_dir} port={self.port} dbname={dbname} user={SUPERUSER}"

    # --- running commands as the owner ---------------------------------------------------------------
    def _as_owner(self, args: list[str]) -> list[str]:
        if os.geteuid() == 0 and self.owner:
            return ["runuser", "-u", self.owner, "--", *args]
        return args

    def _run(self, args: list[str], what: str) -> subprocess.CompletedProcess:
        proc = subprocess.run(self._as_owner(args), capture_output=True, text=True)
        if proc.returncode != 0:
            detail = (proc.stderr or proc.stdout).strip()
            log_tail = ""
            if self.log_file.is_file():
                log_tail = "\n".join(self.log_file.read_text(errors="replace").splitlines()[-5:])
            raise ImisDatabaseError(f"{what} failed: {detail}" + (f"\nServer log:\n{log_tail}" if log_tail else ""))
        return proc

    def _ensure_owner_account(self):
        if os.geteuid() != 0 or not self.owner:
            return
        try:
            pwd.getpwnam(self.owner)
        except KeyError:
            subprocess.run(["useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                            "--shell", "/usr/sbin/nologin", self.owner], check=True, capture_output=True)

    def _give_to_owner(self, path: Path):
        if os.geteuid() == 0 and self.owner:
            shutil.chown(path, self.owner, self.owner)

    # --- lifecycle -----------------------------------------------------------------------------------
    def init(self, port: int | None = None, tcp: bool = False, fast: bool = False) -> None:
        """Create the cluster on first use. `fast` trades crash safety for speed (test clusters)."""
        bindir = find_bindir()
        if self.exists():
            return
        if self.data_dir.exists() and any(self.data_dir.iterdir()):
            raise ImisDatabaseError(f"{self.data_dir} exists, is not empty and holds no PostgreSQL cluster.")
        self._ensure_owner_account()
        self.home.mkdir(parents=True, exist_ok=True)
        self._give_to_owner(self.home)
        for sub in (self.data_dir, self.socket_dir):
            sub.mkdir(mode=0o700, exist_ok=True)
            self._give_to_owner(sub)
        if port is None:
            port = free_port()
        elif not port_is_free(port):
            raise ImisDatabaseError(f"Port {port} is taken by another program; choose another with --port.")
        self._run([str(bindir / "initdb"), "-D", str(self.data_dir), "-U", SUPERUSER, "-E", "UTF8",
                   "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-instructions"],
                  "initdb")
        settings = {
            "port": str(port),
            "listen_addresses": "'localhost'" if tcp else "''",
            "unix_socket_directories": f"'{self.socket_dir}'",
            "unix_socket_permissions": "0700",
            "logging_collector": "off",
            **sized_settings(),
        }
        if fast:
            settings.update(fsync="off", synchronous_commit="off", full_page_writes="off")
        conf = "\n".join(f"{k} = {v}" for k, v in settings.items())
        # appended as the owner's file so a later `pg_ctl` as that user can still read it
        with open(self.data_dir / "postgresql.conf", "a", encoding="utf-8") as fh:
            fh.write(f"\n# written by imis db start\n{conf}\n")
        self.state_file.write_text(json.dumps({"port": port, "owner": self.owner, "tcp": tcp}, indent=1))

    def is_running(self) -> bool:
        if not self.exists():
            return False
        proc = subprocess.run(self._as_owner([str(find_bindir(self.data_major()) / "pg_ctl"), "status",
                                              "-D", str(self.data_dir)]), capture_output=True, text=True)
        return proc.returncode == 0

    def start(self, port: int | None = None, tcp: bool = False, fast: bool = False) -> None:
        """Create if needed, start if stopped, and make sure the imis database has its extensions."""
        self.init(port=port, tcp=tcp, fast=fast)
        bindir = find_bindir()
        major = self.data_major()
        if major != binary_major(bindir):
            raise ImisDatabaseError(
                f"{self.data_dir} holds a PostgreSQL {major} cluster but the installed server is "
                f"PostgreSQL {binary_major(bindir)}. Install PostgreSQL {major}, or upgrade the cluster with "
                f"pg_upgrade, or use another --data-dir.")
        if not self.is_running():
            if port is not None and port != self.port:
                raise ImisDatabaseError(f"The cluster in {self.home} was created on port {self.port}; "
                                        f"its port cannot be changed at start.")
            if not port_is_free(self.port) or (self.socket_dir / f".s.PGSQL.{self.port}").exists():
                raise ImisDatabaseError(
                    f"Port {self.port} is taken by another program, so the IMIS cluster in {self.home} "
                    f"cannot start. Stop that program, or create a new cluster with --data-dir and --port.")
            self.log_file.touch()
            self._give_to_owner(self.log_file)
            self._run([str(bindir / "pg_ctl"), "-D", str(self.data_dir), "-l", str(self.log_file), "-w",
                       "-t", "60", "start"], "Starting PostgreSQL")
        self.ensure_database(DATABASE)

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: `fast` rolls back open transactions and shuts down cleanly; `immediate` kills it
        at once, as a crash would (the next start recovers from the write-ahead log; for the fault tests)."""
        if mode not in ("smart", "fast", "immediate"):
            raise ValueError(f"unknown shutdown mode {mode!r}")
        if self.is_running():
            self._run([str(find_bindir(self.data_major()) / "pg_ctl"), "-D", str(self.data_dir),
                       "-m", mode, "-w", "stop"], "Stopping PostgreSQL")

    def ensure_database(self, dbname: str) -> str:
        """Create `dbname` with PostGIS and pgRouting if it does not exist; returns its DSN."""
        from .connect import connect

        admin = connect(self.dsn("postgres"))
        admin.autocommit = True
        try:
            with admin.cursor() as cur:
                cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,))
                if cur.fetchone() is None:
                    cur.execute(f'CREATE DATABASE "{dbname}"')  # name checked by caller: plain identifier
        finally:
            admin.close()
        ensure_extensions(self.dsn(dbname))
        return self.dsn(dbname)

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)


def ensure_extensions(dsn: str, extensions: tuple[str, ...] = EXTENSIONS) -> None:
    """PostGIS and pgRouting in the database, or a message that says which package is missing."""
    from .connect import connect

    conn = connect(dsn)
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT name FROM pg_available_extensions WHERE name = ANY(%s)", (list(extensions),))
            available = {row[0] for row in cur.fetchall()}
            cur.execute("SHOW server_version_num")
            major = int(cur.fetchone()[0]) // 10000
            missing = [e for e in extensions if e not in available]
            if missing:
                packages = {"postgis": f"postgresql-{major}-postgis-3", "pg_trgm": f"postgresql-{major} (contrib)"}
                raise ImisDatabaseError(
                    f"The PostgreSQL {major} server lacks the extension(s) {', '.join(missing)}. Install "
                    f"{' '.join(packages.get(m, f'postgresql-{major}-{m}') for m in missing)} on the server.")
            for ext in extensions:
                cur.execute(f"CREATE EXTENSION IF NOT EXISTS {ext}")  # names from the constant above
    finally:
        conn.close()

