"""The upgrade path: revisions, app-schema rebuild, the data/app split, and models kept in step."""
import csv
import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from psycopg2.sql import SQL, Identifier

from imis_plugin.db import app_schema
from imis_plugin.db.connect import connect, make_engine
from imis_plugin.db.errors import ImisDatabaseError
from imis_plugin.db.migrate import downgrade, head_revision, revisions, upgrade
from imis_plugin.db.schemas import APP_SCHEMA, DATA_SCHEMAS
from imis_plugin.db.status import database_status
from imis_plugin.models import Base, compare_type
from imis_plugin.paths import MIGRATIONS_DIR

from .catalog import differences, snapshot
from .conftest import TEST_SRID
from .db import rows as _query
from .sample_city import populate, row_counts


def test_fresh_install_reaches_head_with_code_lists(migrated_dsn):
    status = database_status(migrated_dsn)
    assert status["revision"] == head_revision()
    assert status["up_to_date"] is True
    assert status["srid"] == TEST_SRID
    assert status["row_counts"]["imis_code.containment_type"] >= 10
    assert status["row_counts"]["imis_code.sanitation_system"] == 12
    labels = _query(migrated_dsn, "SELECT label_bn FROM imis_code.sanitation_system")
    assert all(any("\u0980" <= ch <= "\u09ff" for ch in label) for (label,) in labels), "Bangla labels"


def test_every_code_list_is_loaded_from_its_csv(migrated_dsn):
    tables = {t for (t,) in _query(migrated_dsn, "SELECT table_name FROM information_schema.tables "
                                                 "WHERE table_schema = 'imis_code'")}
    files = sorted(app_schema.CODELISTS_DIR.glob("*.csv"))
    assert {f.stem for f in files} == tables  # one CSV per code-list table, no table left empty by design
    for path in files:
        with open(path, newline="", encoding="utf-8") as fh:
            expected = sorted(row["value"] for row in csv.DictReader(fh))
        query = SQL("SELECT value FROM imis_code.{}").format(Identifier(path.stem))
        assert sorted(v for (v,) in _query(migrated_dsn, query)) == expected, path.name


def test_an_upgrade_reloads_code_lists_and_keeps_retired_values(head_dsn):
    with connect(head_dsn) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_code.gender SET label_en = 'edited' WHERE value = 'female'")
        cur.execute("INSERT INTO imis_code.gender (value, label_en, label_bn, sort) "
                    "VALUES ('retired', 'R', 'R', 99)")
    upgrade(head_dsn, srid=TEST_SRID)
    assert _query(head_dsn, "SELECT label_en FROM imis_code.gender WHERE value = 'female'") == [("Female",)]
    assert _query(head_dsn, "SELECT count(*) FROM imis_code.gender WHERE value = 'retired'") == [(1,)]


@pytest.mark.parametrize("content, message", [
    ("value,label_en,label_bn,sort\nfemale,Woman,নারী,10\nmale,,পুরুষ,20\n",
     r"gender.csv, line 3: .*label_en"),  # the first row was written, and is rolled back
    ("value,label_en,label_bn,sort,colour\nfemale,Woman,নারী,10,red\n", r"gender.csv: columns \['colour'\]"),
])
def test_a_bad_code_list_stops_the_upgrade_and_changes_nothing(head_dsn, monkeypatch, tmp_path, content,
                                                               message):
    for path in app_schema.CODELISTS_DIR.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "gender.csv").write_text(content, encoding="utf-8")
    monkeypatch.setattr(app_schema, "CODELISTS_DIR", tmp_path)
    with pytest.raises(ImisDatabaseError, match=message):
        upgrade(head_dsn, srid=TEST_SRID)
    assert _query(head_dsn, "SELECT label_en FROM imis_code.gender WHERE value = 'female'") == [("Female",)]


@pytest.mark.parametrize("srid", [32645, 32646])
def test_every_geometry_column_takes_the_install_srid_and_a_gist_index(pg_server, srid):
    dsn = pg_server.create_database(f"srid_{srid}")
    upgrade(dsn, srid=srid)
    columns = _query(dsn, "SELECT f_table_schema, f_table_name, f_geometry_column, srid FROM public.geometry_columns "
                          "WHERE f_table_schema = ANY(%s)", (list(DATA_SCHEMAS),))
    assert len(columns) >= 12
    assert {c[3] for c in columns} == {srid}
    for schema, table, column, _ in columns:
        gist = _query(dsn, "SELECT count(*) FROM pg_indexes WHERE schemaname = %s AND tablename = %s "
                           "AND indexdef LIKE %s", (schema, table, f"%USING gist ({column})%"))
        assert gist == [(1,)], f"{schema}.{table}.{column} needs exactly one GiST index"


def test_upgrading_revision_by_revision_equals_a_fresh_install(pg_server):
    stepwise = pg_server.create_database("stepwise")
    for rev in revisions():
        upgrade(stepwise, revision=rev, srid=TEST_SRID)
    fresh = pg_server.create_database("fresh")
    upgrade(fresh, srid=TEST_SRID)
    diff = differences(snapshot(stepwise), snapshot(fresh))
    assert diff == {}


def test_upgrading_twice_changes_nothing(head_dsn):
    before = snapshot(head_dsn)
    upgrade(head_dsn)
    assert differences(before, snapshot(head_dsn)) == {}


def test_populated_database_survives_downgrade_and_upgrade(head_dsn):
    """Down to the first revision and back, one step at a time: no row is lost. Tables a downgrade
    removes wait in the archive schema and come back with their rows."""
    populate(head_dsn)
    before = {t: n for t, n in row_counts(head_dsn).items() if not t.startswith("imis_audit")}
    assert sum(before.values()) > 30
    assert [t for t, n in before.items() if n == 0] == [], "populate() must fill every table"
    for previous in reversed(revisions()[:-1]):
        assert downgrade(head_dsn, previous) == previous
        now = row_counts(head_dsn)
        assert {t: n for t, n in now.items() if t in before} == {t: before[t] for t in now if t in before}
    assert upgrade(head_dsn) == head_revision()
    after = {t: n for t, n in row_counts(head_dsn).items() if not t.startswith("imis_audit")}
    assert after == before
    assert _query(head_dsn, "SELECT count(*) FROM pg_tables WHERE schemaname = 'imis_archive'") == [(0,)]


def test_models_match_the_migrated_database(migrated_dsn):
    with make_engine(migrated_dsn).connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "include_schemas": True,
            "include_name": lambda name, type_, parents: type_ != "schema" or name in DATA_SCHEMAS,
            "compare_type": compare_type,
        })
        diff = [d for d in compare_metadata(context, Base.metadata)]
    assert diff == []


def test_data_and_app_schemas_stay_apart(migrated_dsn):
    data = list(DATA_SCHEMAS)
    assert _query(migrated_dsn, "SELECT n.nspname, p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                                "WHERE n.nspname = ANY(%s)", (data,)) == []
    assert _query(migrated_dsn, "SELECT schemaname, viewname FROM pg_views WHERE schemaname = ANY(%s)", (data,)) == []
    assert _query(migrated_dsn, "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                "WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'm')", (APP_SCHEMA,)) == []
    # every trigger on data tables runs an app-schema function
    foreign = _query(migrated_dsn, """
        SELECT c.relname, t.tgname, fn.nspname FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace fn ON fn.oid = p.pronamespace
        WHERE n.nspname = ANY(%s) AND NOT t.tgisinternal AND fn.nspname <> %s""", (data, APP_SCHEMA))
    assert foreign == []
    for revision in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = revision.read_text(encoding="utf-8")
        assert APP_SCHEMA not in text, f"{revision.name} touches the app schema"
        for word in ("CREATE VIEW", "CREATE FUNCTION", "CREATE TRIGGER", "CREATE POLICY", "create_view"):
            assert word.lower() not in text.lower(), f"{revision.name}: {word} belongs in database/app"


def test_a_failing_app_schema_leaves_the_database_untouched(fresh_dsn, monkeypatch, tmp_path):
    for sql in app_schema.APP_SQL_DIR.glob("*.sql"):
        (tmp_path / sql.name).write_text(sql.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "99_broken.sql").write_text("SELECT no_such_column FROM imis_core.building;\n")
    monkeypatch.setattr(app_schema, "APP_SQL_DIR", Path(tmp_path))
    with pytest.raises(ImisDatabaseError, match="99_broken.sql.*no_such_column"):
        upgrade(fresh_dsn, srid=TEST_SRID)
    assert _query(fresh_dsn, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'imis%%'") == []
    assert _query(fresh_dsn, "SELECT to_regclass('public.alembic_version')") == [(None,)]


def test_upgrade_refuses_another_srid(head_dsn):
    with pytest.raises(ImisDatabaseError, match="installed with SRID 32645"):
        upgrade(head_dsn, srid=32646)


def test_downgrade_to_base_removes_everything_imis(head_dsn):
    assert downgrade(head_dsn, "base") is None
    assert _query(head_dsn, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'imis%%'") == []
    assert upgrade(head_dsn, srid=TEST_SRID) == head_revision()
