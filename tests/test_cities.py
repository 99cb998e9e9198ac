"""Many cities on one code base: the registry, upgrading every city, and the national roll-up."""
import datetime as dt
import subprocess
import sys

import psycopg2
import pytest
from psycopg2 import sql

from imis_plugin import cities, national
from imis_plugin.db.connect import transaction
from imis_plugin.db.errors import ImisDatabaseError
from imis_plugin.db.migrate import current_revision, head_revision, revisions, upgrade
from imis_plugin.health import ward_rates

from .logins import connect_as
from .sample_city import X, Y, _insert, point, populate, row_counts, square


@pytest.fixture
def registry(tmp_path, monkeypatch):
    path = tmp_path / "cities.json"
    monkeypatch.setenv("IMIS_CITIES_FILE", str(path))
    return path


def _one(dsn, query, params=None):
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(query, params)
        return cur.fetchone()


def test_registry_add_use_remove(registry):
    cities.add("khulna", "imis_khulna")
    cities.add("jashore", "host=/tmp port=5999 dbname=jashore")
    assert [c.name for c in cities.cities()] == ["khulna", "jashore"]
    assert cities.current().name == "khulna"
    cities.use("jashore")
    assert cities.current().target == "host=/tmp port=5999 dbname=jashore"
    cities.remove("jashore")
    assert cities.current().name == "khulna"
    with pytest.raises(ImisDatabaseError, match="No city 'gazipur'.*registered: khulna"):
        cities.use("gazipur")


@pytest.mark.parametrize("name, target, message", [
    ("khulna", "host=x password=secret dbname=k", "must not carry a password"),
    ("khulna", "postgresql://u:secret@host/db", "must not carry a password"),
    ("Khulna City", "imis_k", "lower-case letters"),
    ("k'; drop", "imis_k", "lower-case letters"),
    ("khulna", "host=x dbname", "valid connection string"),
])
def test_registry_refuses_bad_entries(registry, name, target, message):
    with pytest.raises(ImisDatabaseError, match=message):
        cities.add(name, target)
    assert not registry.exists()


def test_registry_refuses_duplicates_and_reports_damage(registry):
    cities.add("khulna", "imis_khulna")
    with pytest.raises(ImisDatabaseError, match="registered already"):
        cities.add("khulna", "imis_other")
    registry.write_text("{not json", encoding="utf-8")
    with pytest.raises(ImisDatabaseError, match="damaged"):
        cities.cities()


@pytest.fixture
def three_cities(pg_server, registry):
    """Khulna (UTM 45N, twice the sample data), Jashore (UTM 45N) and Gazipur (UTM 46N), at head."""
    made = {}
    for name, srid, copies in (("khulna", 32645, 2), ("jashore", 32645, 1), ("gazipur", 32646, 1)):
        dsn = pg_server.create_database(name)
        upgrade(dsn, srid=srid)
        populate(dsn)
        if copies == 2:  # a bigger city: more buildings in the same ward
            with transaction(dsn) as conn, conn.cursor() as cur:
                cur.execute("INSERT INTO imis_core.building (bin, population, female_population, male_population, "
                            "ward_id, geom) SELECT 'K' || g, 5, 3, 2, ward_id, ST_Translate(geom, 0, 40 * g) "
                            "FROM imis_core.building, generate_series(1, 10) g WHERE bin = 'B000001'")
        cities.add(name, dsn)
        made[name] = dsn
    return made


def test_upgrade_all_upgrades_every_city(pg_server, registry):
    old = revisions()[0]
    dsns = []
    for name in ("alpha", "beta"):
        dsn = pg_server.create_database(name)
        upgrade(dsn, revision=old, srid=32645)
        cities.add(name, dsn)
        dsns.append(dsn)
    outcomes = cities.upgrade_all(cities.cities())
    assert outcomes == [("alpha", f"upgraded to {head_revision()}"), ("beta", f"upgraded to {head_revision()}")]
    assert [current_revision(d) for d in dsns] == [head_revision()] * 2


def test_a_failing_city_stops_the_run_and_stays_whole(pg_server, registry):
    old = revisions()[0]
    dsns = {}
    for name in ("first", "broken", "after"):
        dsns[name] = pg_server.create_database(name)
        upgrade(dsns[name], revision=old, srid=32645)
        cities.add(name, dsns[name])
    populate_at_old = row_counts(dsns["broken"])
    # someone added by hand a column the next revision creates: that revision must fail
    with transaction(dsns["broken"]) as conn, conn.cursor() as cur:
        cur.execute("ALTER TABLE imis_core.building ADD COLUMN drain_id uuid")
    outcomes = dict(cities.upgrade_all(cities.cities()))
    assert outcomes["first"] == f"upgraded to {head_revision()}"
    assert outcomes["broken"].startswith("FAILED:") and "drain_id" in outcomes["broken"]
    assert outcomes["after"] == "not attempted"
    assert current_revision(dsns["broken"]) == old, "no half-upgraded city"
    assert row_counts(dsns["broken"]) == populate_at_old
    assert current_revision(dsns["after"]) == old

    cli = subprocess.run([sys.executable, "-m", "imis_plugin.cli", "db", "upgrade", "--all"],
                         capture_output=True, text=True)
    assert cli.returncode == 1
    assert "broken" in cli.stdout and "FAILED" in cli.stdout and "not attempted" in cli.stdout


@pytest.fixture
def national_db(pg_server, three_cities):
    reader = "national_reader_login"
    with transaction(three_cities["khulna"]) as conn, conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (reader,))
        if cur.fetchone() is None:
            cur.execute(sql.SQL("CREATE ROLE {} LOGIN IN ROLE imis_national_reader").format(sql.Identifier(reader)))
    dsn = pg_server.create_database("national")
    for city in cities.cities():
        national.link_city(dsn, city, reader)
    return dsn, reader


def test_national_figures_are_the_sum_of_the_cities(three_cities, national_db):
    dsn, _ = national_db
    assert national.linked_cities(dsn) == ["gazipur", "jashore", "khulna"]
    per_city = {name: _one(city_dsn, "SELECT count(*), sum(population) FROM imis_core.building")
                for name, city_dsn in three_cities.items()}
    assert per_city["khulna"][0] == 13
    assert _one(dsn, "SELECT sum(buildings), sum(population) FROM national.national_ward") == (
        sum(n for n, _ in per_city.values()), sum(p for _, p in per_city.values()))
    rows = dict((r[0], r[1:]) for r in _rows(dsn, "SELECT city, buildings, population, srid FROM national.national_city"))
    assert rows == {name: (n, p, 32646 if name == "gazipur" else 32645) for name, (n, p) in per_city.items()}
    # live, not a copy: a change in a city shows at once
    with transaction(three_cities["jashore"]) as conn, conn.cursor() as cur:
        cur.execute("DELETE FROM imis_core.building_holding")
        cur.execute("DELETE FROM imis_fsm.application")
        cur.execute("DELETE FROM imis_core.building WHERE bin = 'B000001'")
    assert _one(dsn, "SELECT buildings FROM national.national_city WHERE city = 'jashore'") == (2,)
    assert _one(dsn, "SELECT count(*) FROM national.city_comparison") >= (3,)


def _rows(dsn, query):
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(query)
        return cur.fetchall()


def _national_containments(dsn):
    """Containments per city and ward number, and per city, as the national database reads them."""
    wards = {}
    for city, ward, n in _rows(dsn, "SELECT city, ward_number, containments FROM national.national_ward"):
        wards.setdefault(city, {})[ward] = n
    return wards, dict(_rows(dsn, "SELECT city, containments FROM national.national_city"))


def test_national_containments_are_counted_as_health_counts_them(three_cities, national_db):
    """In use today only, each in one ward (imis_app.health_containments): a tank shared across a ward border
    counts once, one out of use or not built yet not at all, and the wards add up to the city."""
    dsn, _ = national_db
    jashore = three_cities["jashore"]
    with transaction(jashore) as conn, conn.cursor() as cur:
        cur.execute("SELECT bin, id FROM imis_core.building")
        buildings = dict(cur.fetchall())
        ward2 = _insert(cur, "imis_core.ward", {"number": 2, "geom": square(X + 2000, Y, 2000)}, ("geom",))
        house = {"bin": "W2-1", "population": 6, "ward_id": ward2, "geom": square(X + 2100, Y + 200, 10)}
        buildings["W2-1"] = _insert(cur, "imis_core.building", house, ("geom",))
        rows = {  # code: (buildings served, in use, construction date); each lies in ward 2
            "K1": (["W2-1"], True, None),
            # B000003 (ward 1) and W2-1 (ward 2): once, in the ward of its first building by BIN (ward 1)
            "K-SHARED": (["W2-1", "B000003"], True, None),
            "K-OLD": (["W2-1"], False, None),  # decommissioned
            "K-NEW": (["W2-1"], True, dt.date.today() + dt.timedelta(days=30)),  # not built yet
        }
        for code, (served, in_use, built) in rows.items():
            k = _insert(cur, "imis_core.containment", {
                "code": code, "containment_type": "septic_tank_soak_pit", "in_use": in_use,
                "construction_date": built, "location": point(X + 2105, Y + 195)}, ("location",))
            for bin_ in served:
                _insert(cur, "imis_core.building_containment", {"building_id": buildings[bin_],
                                                                "containment_id": k})
        # the city's own count: every containment in use today, by the indicators' definition
        cur.execute("SELECT count(*) FROM imis_core.containment "
                    "WHERE imis_app.containment_in_use(in_use, construction_date, current_date)")
        in_use_today = cur.fetchone()[0]
    wards, city = _national_containments(dsn)
    # ward 1: C-0001 (shared by two buildings of ward 1) and K-SHARED; ward 2: K1
    assert wards["jashore"] == {1: 2, 2: 1}
    assert city["jashore"] == in_use_today == 3
    today = dt.date.today()
    for name, city_dsn in three_cities.items():
        assert sum(wards[name].values()) == city[name]
        # the same figures as public health's ward counts for the same city, on the same day
        health = ward_rates(city_dsn, today.replace(month=1, day=1), today)
        assert wards[name] == {r["ward_number"]: r["containments"] for r in health}, name

    # back in use, it counts (live); a containment in no ward (no building, outside every ward) counts in the
    # city only, as a building without a ward does
    with transaction(jashore) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_core.containment SET in_use = true WHERE code = 'K-OLD'")
        _insert(cur, "imis_core.containment", {"code": "K-AWAY", "containment_type": "septic_tank_soak_pit",
                                               "location": point(X + 9000, Y + 9000)}, ("location",))
    wards, city = _national_containments(dsn)
    assert wards["jashore"] == {1: 2, 2: 2}
    assert city["jashore"] == 5


def test_personal_data_is_out_of_reach_of_the_national_database(three_cities, national_db):
    dsn, reader = national_db
    # the national reader may not read a city's tables, however the foreign table is declared
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("CREATE SCHEMA probe")
        cur.execute("IMPORT FOREIGN SCHEMA imis_core LIMIT TO (owner, building) FROM SERVER city_khulna INTO probe")
    for table in ("owner", "building"):
        with pytest.raises(psycopg2.Error, match="permission denied"):
            _rows(dsn, f"SELECT name FROM probe.{table}")
    # and the shared views carry no personal column
    columns = {c for (c,) in _rows(dsn, "SELECT column_name FROM information_schema.columns "
                                        "WHERE table_schema = 'national'")}
    assert not columns & {"name", "phone", "national_id", "customer_name", "customer_phone", "bin", "holding_code",
                          "geom", "address"}
    conn = connect_as(three_cities["khulna"], reader)
    try:
        with pytest.raises(psycopg2.errors.InsufficientPrivilege), conn.cursor() as cur:
            cur.execute("SELECT phone FROM imis_core.owner")
    finally:
        conn.close()


def test_unlinking_a_city_removes_it_from_the_roll_up(three_cities, national_db):
    dsn, _ = national_db
    national.unlink_city(dsn, "gazipur")
    assert national.linked_cities(dsn) == ["jashore", "khulna"]
    assert _rows(dsn, "SELECT DISTINCT city FROM national.national_ward ORDER BY 1") == [("jashore",), ("khulna",)]
