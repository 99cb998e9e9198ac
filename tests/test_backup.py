"""Backup and restore: the round trip gives an identical database; bad files and non-empty targets are
refused with nothing written."""
import subprocess
import sys

import pytest

from imis_plugin.db.backup import backup, restore
from imis_plugin.db.connect import transaction
from imis_plugin.db.errors import ImisDatabaseError

from .catalog import SCHEMAS, differences, snapshot
from .sample_city import populate


def fingerprint(dsn) -> dict[str, tuple[int, str]]:
    """Row count and a hash of every row's full text, per IMIS table (the audit log included)."""
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT table_schema, table_name FROM information_schema.tables "
                    "WHERE table_schema = ANY(%s) AND table_type = 'BASE TABLE'", (SCHEMAS,))
        result = {}
        for schema, table in cur.fetchall():
            # names from the catalog, quoted
            cur.execute(f'SELECT count(*), md5(coalesce(string_agg(t::text, \'|\' ORDER BY t::text), \'\')) '
                        f'FROM "{schema}"."{table}" t')
            result[f"{schema}.{table}"] = cur.fetchone()
        return result


def record_restore(reliability, original: dict, restored: dict) -> None:
    """Reliability figures: a restore compared, its rows, the rows it lost and the tables that differ."""
    reliability.add("backups restored and compared")
    reliability.add("rows compared after restore", sum(n for n, _ in original.values()))
    reliability.add("rows lost", sum(max(0, n - restored.get(table, (0, None))[0])
                                     for table, (n, _) in original.items()))
    reliability.add("tables different after restore", sum(restored.get(t) != v for t, v in original.items()))


def test_backup_and_restore_round_trip(head_dsn, pg_server, tmp_path, reliability):
    populate(head_dsn)
    file = backup(head_dsn, tmp_path / "city.backup")
    target = pg_server.create_database("restored")
    restore(target, file)
    assert differences(snapshot(head_dsn), snapshot(target)) == {}
    original = fingerprint(head_dsn)
    assert original["imis_core.building"][0] == 3 and original["imis_audit.log"][0] > 20
    restored = fingerprint(target)
    record_restore(reliability, original, restored)
    assert restored == original


def test_cli_backup_and_restore(head_dsn, pg_server, tmp_path, reliability):
    populate(head_dsn)
    file = tmp_path / "cli.backup"
    run = [sys.executable, "-m", "imis_plugin.cli", "db"]
    assert subprocess.run([*run, "backup", "--dsn", head_dsn, str(file)], capture_output=True).returncode == 0
    target = pg_server.create_database("cli_restored")
    done = subprocess.run([*run, "restore", "--dsn", target, str(file)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    original, restored = fingerprint(head_dsn), fingerprint(target)
    record_restore(reliability, original, restored)
    assert restored == original


def test_restore_refuses_a_database_that_holds_imis(head_dsn, migrated_dsn, tmp_path):
    file = backup(head_dsn, tmp_path / "a.backup")
    before = fingerprint(migrated_dsn)
    with pytest.raises(ImisDatabaseError, match="already holds IMIS schemas"):
        restore(migrated_dsn, file)
    assert fingerprint(migrated_dsn) == before


@pytest.mark.parametrize("content, message", [
    (b"not a backup at all", "not a readable IMIS backup"),
    (None, "not a readable IMIS backup"),  # a real backup cut in half
])
def test_damaged_backups_are_refused_and_nothing_is_written(head_dsn, fresh_dsn, tmp_path, content, message,
                                                           reliability):
    reliability.add("damaged backups refused")
    file = tmp_path / "damaged.backup"
    if content is None:
        whole = backup(head_dsn, tmp_path / "whole.backup").read_bytes()
        content = whole[: len(whole) // 2]
    file.write_bytes(content)
    with pytest.raises(ImisDatabaseError, match=message):
        restore(fresh_dsn, file)
    with transaction(fresh_dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'imis%%'")
        assert cur.fetchone()[0] == 0
