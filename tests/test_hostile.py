"""Hostile input: quotes, semicolons, SQL keywords, very long values, control characters and odd encodings
reach IMIS as data, never as code; parsers either accept or refuse with a reason, and never crash.
Property-based (hypothesis): each test tries many generated inputs."""
import psycopg2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imis_plugin import cities
from imis_plugin.credentials import contains_password
from imis_plugin.db.connect import redact, resolve_dsn, transaction
from imis_plugin.db.errors import ImisDatabaseError
from imis_plugin.db.migrate import upgrade

from .conftest import TEST_SRID
from .reliability import scaled
from .sample_city import X, Y, square

SQLISH = st.sampled_from(["'", "''", '"', ";", "--", "/*", "*/", "\\", "%s", "%(x)s", "$$", "DROP TABLE imis_core.building;",
                          "' OR '1'='1", "\x00", "\u202e", "ব", "NaN", "inf", " "])
HOSTILE = st.lists(st.one_of(SQLISH, st.text(max_size=20)), max_size=12).map("".join)
# bench/reliability.py multiplies the examples (IMIS_HYPOTHESIS_SCALE); each test counts what it tried
SCALE = scaled("IMIS_HYPOTHESIS_SCALE", 1)
QUICK = settings(max_examples=60 * SCALE, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def db(pg_server):
    dsn = pg_server.create_database("hostile")
    upgrade(dsn, srid=TEST_SRID)
    return dsn


def _still_intact(dsn):
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT to_regclass('imis_core.building') IS NOT NULL, to_regclass('imis_core.holding') IS NOT NULL")
        return cur.fetchone() == (True, True)


@QUICK
@given(text=HOSTILE)
def test_text_values_are_stored_exactly_as_given(db, reliability, text):
    """Whatever a user types into a text field comes back unchanged (or is refused for NUL, which
    PostgreSQL text cannot hold) and executes nothing."""
    reliability.add("inputs tried")
    try:
        with transaction(db) as conn, conn.cursor() as cur:
            cur.execute("INSERT INTO imis_core.owner (name) VALUES (%s) RETURNING id, name", ("x" + text,))
            owner, stored = cur.fetchone()
            assert stored == "x" + text
            cur.execute("DELETE FROM imis_core.owner WHERE id = %s", (owner,))
    except ValueError as exc:  # psycopg2 refuses NUL characters before sending
        assert "\x00" in text and "NUL" in str(exc)
    assert _still_intact(db)


@QUICK
@given(code=HOSTILE)
def test_holding_codes_are_validated_not_executed(db, reliability, code):
    """Anything that is not XX-XXX-XXXX-XX is refused with the rule's name and nothing is written."""
    reliability.add("inputs tried")
    code = code.replace("\x00", "")
    try:
        with transaction(db) as conn, conn.cursor() as cur:
            cur.execute("INSERT INTO imis_core.holding (holding_code) VALUES (%s) RETURNING holding_code", (code,))
            assert cur.fetchone()[0] == code
            conn.rollback()
    except psycopg2.Error as exc:
        assert "holding_code_standard_or_legacy" in exc.pgerror or "not_blank" in exc.pgerror
    assert _still_intact(db)


@QUICK
@given(bin_=st.text(min_size=1, max_size=10_000).filter(lambda s: "\x00" not in s and s.strip()))
def test_long_and_strange_bins_round_trip(db, reliability, bin_):
    reliability.add("inputs tried")
    with transaction(db) as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO imis_core.building (bin, geom) VALUES (%s, ST_GeomFromText(%s, %s)) RETURNING bin",
                    (bin_, square(X, Y, 5), TEST_SRID))
        assert cur.fetchone()[0] == bin_
        conn.rollback()


@pytest.mark.parametrize("wkt, srid, rule", [
    ("MULTIPOLYGON EMPTY", TEST_SRID, "geometry_not_empty"),
    (f"MULTIPOLYGON((({X} {Y},{X + 5} {Y + 5},{X + 5} {Y},{X} {Y + 5},{X} {Y})))", TEST_SRID, "geometry_valid"),
    (f"MULTIPOLYGON((({X} {Y},{X + 5} {Y},{X + 5} {Y + 5},{X} {Y})))", 4326, "does not match column SRID"),
    ("POINT(1 2)", TEST_SRID, "does not match column type"),
    ("MULTIPOLYGON(((NaN 0,1 0,1 1,NaN 0)))", TEST_SRID, "geometry_valid"),
    ("MULTIPOLYGON(((Infinity 0,1 0,1 1,Infinity 0)))", TEST_SRID, "parse error - invalid geometry"),
])
def test_bad_geometries_are_refused_with_the_reason(db, reliability, wkt, srid, rule):
    reliability.add("inputs tried")
    with pytest.raises(psycopg2.Error, match=rule):
        with transaction(db) as conn, conn.cursor() as cur:
            cur.execute("INSERT INTO imis_core.building (bin, geom) VALUES ('G', ST_GeomFromText(%s, %s))", (wkt, srid))


@settings(max_examples=300 * SCALE, deadline=None)
@given(target=HOSTILE)
def test_connection_targets_are_parsed_or_refused_never_leaked(reliability, target):
    reliability.add("inputs tried")
    try:
        dsn = resolve_dsn(target)
    except ImisDatabaseError as exc:
        assert str(exc)
        return
    shown = redact(dsn)
    if "password" in target.lower() and contains_password(target):
        assert "password=" not in shown.lower()


@settings(max_examples=200 * SCALE, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=HOSTILE, target=HOSTILE)
def test_the_city_registry_refuses_or_stores_cleanly(tmp_path, monkeypatch, reliability, name, target):
    reliability.add("inputs tried")
    path = tmp_path / "cities.json"
    path.unlink(missing_ok=True)
    monkeypatch.setenv("IMIS_CITIES_FILE", str(path))
    try:
        cities.add(name, target)
    except ImisDatabaseError as exc:
        assert str(exc) and not path.exists()
        return
    assert [c.name for c in cities.cities()] == [name] and name.isidentifier()
    assert not contains_password(target)
