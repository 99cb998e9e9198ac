"""The National Sanitation Dashboard feed produced from the national database: each city's published
indicator snapshots read over postgres_fdw, the cities compared year by year, and the feed of every city equal
to the one the city sends itself. Three cities of tests/test_cities.py (different sizes and CRSs):
Khulna publishes last year and this year, Jashore last year, Gazipur the year before and keeps last year as a
draft."""
import csv
import datetime as dt
import json

import psycopg2
import pytest
from psycopg2 import sql
from psycopg2.extensions import parse_dsn

from imis_plugin import cities, national
from imis_plugin.cli import main
from imis_plugin.db.connect import transaction
from imis_plugin.db.errors import ImisDatabaseError
from imis_plugin.db.migrate import revisions, upgrade
from imis_plugin.indicators import IndicatorError, feed, snapshots
from imis_plugin.indicators.client import DashboardClient

from .db import rows as _rows
from .sample_city import populate
from .test_cities import national_db, registry, three_cities  # noqa: F401 (fixtures)
from .test_indicators import dashboard  # noqa: F401 (fixture: a stand-in dashboard on loopback)

THIS = dt.date.today().year
LAST, BEFORE = THIS - 1, THIS - 2
CODES = {"khulna": ("KHL", "Khulna"), "jashore": ("JSR", "Jashore"), "gazipur": ("GZP", "Gazipur")}
PUBLISHED = {"khulna": [LAST, THIS], "jashore": [LAST], "gazipur": [BEFORE]}


@pytest.fixture
def published(three_cities, national_db):
    """Each city named, its years published as PUBLISHED says; Gazipur's last year a draft."""
    for name, dsn in three_cities.items():
        with transaction(dsn) as conn, conn.cursor() as cur:
            cur.execute("UPDATE imis_core.city SET code = %s, name = %s", CODES[name])
        for year in PUBLISHED[name]:
            snapshots.take(dsn, year)
            snapshots.publish(dsn, year)
    snapshots.take(three_cities["gazipur"], LAST, "not checked yet")
    return three_cities, national_db[0]


def test_the_national_feed_is_the_feed_each_city_sends_itself(published):
    city_dsns, dsn = published
    for name, years in PUBLISHED.items():
        for year in years:
            for rule in ("city", "jmp"):
                own = feed.build(city_dsns[name], year, rule)
                assert own.source == "published snapshot"
                from_national = feed.build_national(dsn, name, year, rule)
                assert from_national.payload() == own.payload()
                assert from_national.published
    khulna = feed.build_national(dsn, "khulna", LAST).payload()
    assert khulna["city"] == "KHL" and khulna["year"] == LAST and len(khulna["indicators"]) == 26
    # different cities, different figures: Khulna's ten extra buildings have no toilet data
    values = {c: {i["code"]: i["value"] for i in feed.build_national(dsn, c, LAST).indicators}
              for c in ("khulna", "jashore")}
    assert values["khulna"]["SF-1a"] < values["jashore"]["SF-1a"]
    assert _rows(dsn, "SELECT rule, count(*) FROM national.national_dashboard_feed WHERE city = 'khulna' "
                      "AND year = %s GROUP BY 1 ORDER BY 1", (LAST,)) == [("city", 26), ("jmp", 26)]
    with pytest.raises(IndicatorError, match="rule 'who' is not"):
        feed.build_national(dsn, "khulna", LAST, "who")


def test_an_unpublished_snapshot_never_reaches_the_national_database(published):
    city_dsns, dsn = published
    assert feed.build(city_dsns["gazipur"], LAST).source == "draft snapshot"
    for view in ("national_indicator", "national_dashboard_feed", "indicator_comparison"):
        query = sql.SQL("SELECT count(*) FROM national.{} WHERE city = 'gazipur' AND year = %s")
        assert _rows(dsn, query.format(sql.Identifier(view)), (LAST,)) == [(0,)], view
    assert _rows(dsn, "SELECT DISTINCT city, year FROM national.national_indicator ORDER BY 1, 2") == sorted(
        (c, y) for c, years in PUBLISHED.items() for y in years)
    with pytest.raises(IndicatorError, match=f"gazipur has no published indicators of {LAST}"):
        feed.build_national(dsn, "gazipur", LAST)
    made, skipped = national.feeds(dsn, year=LAST)
    assert [name for name, _ in made] == ["jashore", "khulna"]
    assert skipped == [("gazipur", f"has not published {LAST} (published: {BEFORE})")]
    # publishing in the city is all it takes: the national database reads it live
    snapshots.publish(city_dsns["gazipur"], LAST)
    gazipur = feed.build_national(dsn, "gazipur", LAST)
    assert gazipur.payload() == feed.build(city_dsns["gazipur"], LAST).payload()


def test_national_views_compare_the_cities_year_by_year(published):
    city_dsns, dsn = published

    def city_value(name, year, indicator, rule):
        return _rows(city_dsns[name], "SELECT v.value FROM imis_core.indicator_snapshot_value v "
                     "JOIN imis_core.indicator_snapshot s ON s.id = v.snapshot_id WHERE s.year = %s "
                     "AND v.area_kind = 'city' AND v.indicator = %s AND v.rule IS NOT DISTINCT FROM %s",
                     (year, indicator, rule))[0][0]

    side_by_side = _rows(dsn, "SELECT indicator_name, unit, gazipur, jashore, khulna "
                              "FROM national.indicator_by_city "
                              "WHERE year = %s AND code = 'SF-1a' AND rule = 'city'", (LAST,))
    assert side_by_side == [("Population with a safe private toilet", "%", None,
                             city_value("jashore", LAST, "sf_1a", "city"),
                             city_value("khulna", LAST, "sf_1a", "city"))]
    khulna_values = _rows(city_dsns["khulna"], "SELECT count(v.value) "
                          "FROM imis_core.indicator_snapshot_value v JOIN imis_core.indicator_snapshot s "
                          "ON s.id = v.snapshot_id WHERE s.year = %s AND v.area_kind = 'city'", (THIS,))[0][0]
    assert _rows(dsn, "SELECT count(*), count(khulna), count(gazipur) FROM national.indicator_by_city "
                      "WHERE year = %s", (THIS,)) == [(36 + 7, khulna_values, 0)]  # 36 indicators, 7 per rule
    ranks = _rows(dsn, "SELECT city, value, city_rank, cities_reporting FROM national.indicator_comparison "
                       "WHERE year = %s AND code = 'SF-1a' AND rule = 'city' ORDER BY city_rank", (LAST,))
    assert [r[0] for r in ranks] == ["jashore", "khulna"] and [r[2:] for r in ranks] == [(1, 2), (2, 2)]
    assert ranks[0][1] > ranks[1][1]  # higher is better
    # wards come along, low-income communities stay home
    kinds = _rows(dsn, "SELECT area_kind, count(*) FROM national.national_indicator WHERE city = 'khulna' "
                       "AND year = %s GROUP BY 1 ORDER BY 1", (LAST,))
    assert kinds == [("city", 43), ("ward", 43)]
    assert _rows(city_dsns["khulna"], "SELECT count(*) FROM imis_core.indicator_snapshot_value v JOIN "
                 "imis_core.indicator_snapshot s ON s.id = v.snapshot_id WHERE s.year = %s "
                 "AND area_kind = 'lic'", (LAST,)) == [(43,)]
    ward = _rows(dsn, "SELECT area_code, area_name, numerator, denominator, value "
                      "FROM national.national_indicator WHERE city = 'jashore' AND year = %s "
                      "AND area_kind = 'ward' AND code = 'SF-1a' AND rule = 'city'", (LAST,))
    assert ward == _rows(city_dsns["jashore"], "SELECT area_code, area_name, numerator, denominator, value "
                         "FROM imis_core.indicator_snapshot_value v JOIN imis_core.indicator_snapshot s "
                         "ON s.id = v.snapshot_id WHERE s.year = %s AND area_kind = 'ward' "
                         "AND indicator = 'sf_1a' AND rule = 'city'", (LAST,))


def test_drafts_and_personal_data_stay_out_of_reach(published):
    city_dsns, dsn = published
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("CREATE SCHEMA probe")
        cur.execute("IMPORT FOREIGN SCHEMA imis_core LIMIT TO (indicator_snapshot, owner) "
                    "FROM SERVER city_gazipur INTO probe")
        cur.execute("IMPORT FOREIGN SCHEMA imis_app LIMIT TO (indicator_snapshot_feed) "
                    "FROM SERVER city_gazipur INTO probe")
    # who published, the note and the drafts are the city's: the reader gets the published views only
    for query in ("SELECT published_by, note FROM probe.indicator_snapshot", "SELECT name FROM probe.owner",
                  "SELECT * FROM probe.indicator_snapshot_feed WHERE NOT is_published"):
        with pytest.raises(psycopg2.Error, match="permission denied"):
            _rows(dsn, query)
    columns = {c for (c,) in _rows(dsn, "SELECT column_name FROM information_schema.columns "
                                        "WHERE table_schema = 'national'")}
    assert {"indicator_name", "numerator", "city_rank", "khulna"} <= columns
    assert not columns & {"name", "phone", "national_id", "customer_name", "bin", "holding_code", "geom",
                          "address", "published_by", "computed_by", "note", "full_name"}


def test_feed_command_for_every_city_or_one(published, tmp_path, capsys):
    city_dsns, dsn = published
    latest = {"khulna": THIS, "jashore": LAST, "gazipur": BEFORE}
    assert main(["national", "feed", "--national", dsn, "--json", str(tmp_path / "all"),
                 "--csv", str(tmp_path / "all.csv")]) == 0
    for name, year in latest.items():
        written = json.loads((tmp_path / "all" / f"{name}_{year}.json").read_text(encoding="utf-8"))
        assert written == feed.build(city_dsns[name], year).payload()
    with open(tmp_path / "all.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["city"], int(r["year"])) for r in rows} == {("GZP", BEFORE), ("JSR", LAST), ("KHL", THIS)}
    assert len(rows) == 3 * 26

    assert main(["national", "feed", "--national", dsn, "--city", "khulna", "--year", str(LAST),
                 "--rule", "jmp", "--json", str(tmp_path / "k.json")]) == 0
    own = feed.build(city_dsns["khulna"], LAST, "jmp").payload()
    assert json.loads((tmp_path / "k.json").read_text(encoding="utf-8")) == own
    capsys.readouterr()
    assert main(["national", "feed", "--national", dsn, "--city", "gazipur", "--year", str(LAST)]) == 1
    out = capsys.readouterr()
    assert f"gazipur: SKIPPED, has not published {LAST}" in out.out and "no feed" in out.err
    assert main(["national", "feed", "--national", dsn, "--city", "dhaka"]) == 1
    assert "does not read a city 'dhaka' (linked: gazipur, jashore, khulna)" in capsys.readouterr().err
    assert main(["national", "feed", "--national", dsn, "--json", str(tmp_path / "k.json")]) == 1
    assert "is a file, and there are 3 feeds" in capsys.readouterr().err


def test_national_status_lists_the_years_each_city_published(published, capsys):
    _, dsn = published
    capsys.readouterr()
    assert main(["national", "status", "--national", dsn]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "National database reads: gazipur, jashore, khulna"
    for name, years in PUBLISHED.items():  # Gazipur's draft of last year is not published
        assert f"  {name:<20} published: {', '.join(map(str, years))}" in lines


def test_processing_algorithm_writes_every_city_feed(provider, published, tmp_path):
    from processing import run
    from qgis.core import QgsProcessingException

    city_dsns, dsn = published
    result = run("imis:national_feed", {"DATABASE": dsn, "YEAR": LAST, "JSON_FOLDER": str(tmp_path / "feeds"),
                                        "CSV": str(tmp_path / "feeds.csv")})
    assert result["FEEDS"] == 2 and result["SKIPPED"] == f"gazipur: has not published {LAST} (published: {BEFORE})"
    for name in ("khulna", "jashore"):
        written = json.loads((tmp_path / "feeds" / f"{name}_{LAST}.json").read_text(encoding="utf-8"))
        assert written == feed.build(city_dsns[name], LAST).payload()
    with open(tmp_path / "feeds.csv", newline="", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 2 * 26
    one = run("imis:national_feed", {"DATABASE": dsn, "CITY": "gazipur", "RULE": 1,
                                     "JSON_FOLDER": str(tmp_path / "one")})
    assert one["FEEDS"] == 1 and json.loads((tmp_path / "one" / f"gazipur_{BEFORE}.json").read_text(
        encoding="utf-8")) == feed.build(city_dsns["gazipur"], BEFORE, "jmp").payload()
    with pytest.raises(QgsProcessingException, match="does not read a city 'dhaka'"):
        run("imis:national_feed", {"DATABASE": dsn, "CITY": "dhaka"})


def test_feed_command_sends_and_never_overwrites_a_published_year(published, dashboard, monkeypatch, capsys):
    city_dsns, dsn = published
    endpoint, server = dashboard
    monkeypatch.setenv("IMIS_DASHBOARD_URL", endpoint)
    monkeypatch.setenv("IMIS_DASHBOARD_TOKEN", server.token)
    client = DashboardClient(endpoint, token=server.token)
    client.send({"city": "JSR", "year": LAST, "indicators": []}, publish=True)
    assert main(["national", "feed", "--national", dsn, "--year", str(LAST), "--send"]) == 1
    out = capsys.readouterr().out
    assert f"khulna {LAST}: sent to {endpoint}" in out
    assert f"jashore {LAST}: NOT SENT, the dashboard has already published JSR {LAST}" in out
    assert "gazipur: SKIPPED" in out
    assert server.store[("KHL", LAST)] == {"published": False,
                                          "feed": feed.build(city_dsns["khulna"], LAST).payload()}
    assert server.store[("JSR", LAST)]["feed"] == {"city": "JSR", "year": LAST, "indicators": []}
    assert ("GZP", LAST) not in server.store
    assert main(["national", "feed", "--national", dsn, "--city", "khulna", "--year", str(THIS), "--send",
                 "--publish-on-dashboard"]) == 0
    assert server.store[("KHL", THIS)]["published"]


def test_a_city_that_cannot_be_read_does_not_hold_back_the_others(pg_server, published):
    city_dsns, dsn = published
    lost = pg_server.create_database("lost")
    upgrade(lost, srid=32645)
    populate(lost)
    cities.add("lost", lost)
    national.link_city(dsn, cities.get("lost"), "national_reader_login")
    admin = psycopg2.connect(pg_server.dsn("postgres"))
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(parse_dsn(lost)["dbname"])))
    finally:
        admin.close()
    made, skipped = national.feeds(dsn)
    assert [(name, one.year) for name, one in made] == [("gazipur", BEFORE), ("jashore", LAST),
                                                        ("khulna", THIS)]
    assert [name for name, _ in skipped] == ["lost"] and "cannot be read" in skipped[0][1]
    own = feed.build(city_dsns["khulna"], LAST).payload()
    assert feed.build_national(dsn, "khulna", LAST).payload() == own


def test_linking_refuses_a_city_without_the_shared_views(pg_server, national_db):
    dsn, reader = national_db
    old = pg_server.create_database("old_city")
    upgrade(old, revision=revisions()[0], srid=32645)  # below head: no app schema at all
    cities.add("old_city", old)
    with pytest.raises(ImisDatabaseError, match="City 'old_city' has no IMIS app schema"):
        national.link_city(dsn, cities.get("old_city"), reader)
    # an app schema of an older IMIS, without the indicator views
    upgrade(old)
    with transaction(old) as conn, conn.cursor() as cur:
        cur.execute("DROP VIEW imis_app.national_dashboard_feed, imis_app.national_indicator")
    with pytest.raises(ImisDatabaseError, match="City 'old_city' does not offer national_dashboard_feed, "
                                                "national_indicator: upgrade it first"):
        national.link_city(dsn, cities.get("old_city"), reader)
    assert national.linked_cities(dsn) == ["gazipur", "jashore", "khulna"]
    assert national.feeds(dsn)[1] == [(c, "has published no year") for c in ("gazipur", "jashore", "khulna")]
