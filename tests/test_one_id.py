"""One-ID search and record (imis_app.one_id_search / one_id_record) and the explorer dock, on PostGIS."""

import pytest
from qgis.core import QgsPointXY, QgsProject
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import QEvent, Qt
from qgis.PyQt.QtGui import QKeyEvent
from qgis.PyQt.QtWidgets import QApplication

from imis_plugin.db.connect import connect
from imis_plugin.gui.one_id import OneIdDock
from imis_plugin.one_id import OneIdClient, linked_counts, timeline

from .db import rows as _one
from .desktop_city import desktop_city
from .logins import connect_as, create_login


@pytest.fixture(scope="module")
def city(pg_server):
    return desktop_city(pg_server, "one_id")


@pytest.fixture(scope="module")
def client(city):
    client = OneIdClient(city[0])
    yield client
    client.close()


@pytest.mark.parametrize(
    "text, kind, matched",
    [
        ("B000001", "building", "B000001"),
        ("b000002", "building", "B000002"),
        ("01-001-0001-00", "holding", "01-001-0001-00"),
        ("h/12/OLD", "holding", "H/12/old"),
        ("rahima", "owner", "Rahima Khatun"),
        ("RAHÍMA KHÂTUN", "owner", "Rahima Khatun"),  # accents and case do not matter
        ("khatun", "owner", "Rahima Khatun"),
        ("রহিমা", "owner", "রহিমা খাতুন"),
        ("01711000000", "owner", "+8801711000000"),
        ("+880 1711-000", "owner", "+8801711000000"),
        ("c-0001", "containment", "C-0001"),
    ],
)
def test_search_finds_each_key(client, text, kind, matched):
    hits = client.search(text)
    assert (kind, matched) in [(h.kind, h.matched) for h in hits]


def test_exact_matches_come_first_and_short_text_finds_nothing_loose(client):
    hits = client.search("B000001")
    assert hits[0].kind == "building" and hits[0].matched == "B000001" and hits[0].rank == 0
    prefix = client.search("B00000")
    assert [h.matched for h in prefix if h.kind == "building"] == ["B000001", "B000002", "B000003"]
    assert client.search("B") == [] and client.search("b0") == []


def test_typed_wildcards_are_literal(client):
    assert client.search("%%%") == []
    assert client.search("01_001") == []  # '_' is not "any character"
    assert [h for h in client.search("B00000%") if h.kind == "building"] == []


def test_a_hit_names_its_building(client):
    holding = next(h for h in client.search("01-001-0001-00") if h.kind == "holding")
    assert (holding.bin, holding.building_count) == ("B000001", 1)
    containment = next(h for h in client.search("C-0001") if h.kind == "containment")
    assert (containment.bin, containment.building_count) == ("B000001", 2)  # shared by two buildings
    legacy = next(h for h in client.search("H/12/old") if h.kind == "holding")
    assert (legacy.bin, legacy.building_count) == (None, 0)


def test_record_of_a_building_holds_every_linked_row(city, client):
    dsn, ids = city
    building = ids["buildings"][0]
    record = client.record("building", str(building))
    expected = {
        "holdings": _one(
            dsn, "SELECT count(*) FROM imis_core.building_holding WHERE building_id = %s", (building,)
        ),
        "owners": _one(
            dsn,
            "SELECT count(DISTINCT h.owner_id) FROM imis_core.building_holding bh JOIN "
            "imis_core.holding h ON h.id = bh.holding_id WHERE bh.building_id = %s",
            (building,),
        ),
        "containments": _one(
            dsn, "SELECT count(*) FROM imis_core.building_containment WHERE building_id = %s", (building,)
        ),
    }
    counts = linked_counts(record)
    assert (
        {k: counts[k] for k in expected}
        == {k: v[0][0] for k, v in expected.items()}
        == {"holdings": 1, "owners": 1, "containments": 1}
    )
    # the service history: applications of the building, its containment or its holding, with every step
    apps = _one(
        dsn,
        """
        SELECT a.code FROM imis_fsm.application a
        WHERE a.building_id = %(b)s
           OR a.containment_id IN (SELECT containment_id FROM imis_core.building_containment WHERE building_id = %(b)s)
           OR a.holding_id IN (SELECT holding_id FROM imis_core.building_holding WHERE building_id = %(b)s)
        ORDER BY a.application_date, a.code""",
        {"b": building},
    )
    assert [a["code"] for a in record["applications"]] == [code for (code,) in apps] == ["APP-0001"]
    app = record["applications"][0]
    assert app["assessment"]["sludge_volume_m3"] == 4
    assert app["emptying"]["volume_m3"] == 4 and app["emptying"]["crew"] == ["Karim Mia"]
    assert [d["plant_name"] for d in app["emptying"]["disposals"]] == ["Sample FSTP"]
    assert app["feedback"]["satisfaction"] == 4
    assert counts == {
        "buildings": 1,
        "holdings": 1,
        "owners": 1,
        "containments": 1,
        "applications": 1,
        "assessments": 1,
        "emptyings": 1,
        "disposals": 1,
        "feedback": 1,
    }
    assert record["buildings"][0]["bin"] == "B000001" and record["buildings"][0]["wkt"].startswith(
        "MULTIPOLYGON"
    )
    assert record["srid"] == 32645 and len(record["extent"]) == 4


def test_record_of_a_containment_spans_its_buildings(city, client):
    dsn, ids = city
    record = client.record("containment", str(ids["containment"]))
    assert [b["bin"] for b in record["buildings"]] == ["B000001", "B000002"]
    # B000002's own application (of the other provider) and the cancelled one come along
    assert [a["code"] for a in record["applications"]] == ["APP-0003", "APP-0001", "APP-0004"]


def test_timeline_runs_through_the_chain_in_order(city, client):
    record = client.record("building", str(city[1]["buildings"][0]))
    steps = [(e.kind, e.application_code) for e in timeline(record)]
    assert steps == [
        ("application", "APP-0001"),
        ("assessment", "APP-0001"),
        ("emptying", "APP-0001"),
        ("disposal", "APP-0001"),
        ("feedback", "APP-0001"),
    ]
    dates = [e.date for e in timeline(record)]
    assert dates == sorted(dates)


def test_row_level_security_applies_to_the_record(city):
    dsn, ids = city
    other = create_login(dsn, "imis_service_provider", "_oneid", provider_id=ids["other_provider"])
    conn = connect_as(dsn, other)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT imis_app.one_id_record('containment', %s)", (ids["containment"],))
            record = cur.fetchone()[0]
    finally:
        conn.close()
    assert [a["code"] for a in record["applications"]] == ["APP-0003"]  # not the other provider's jobs
    collector = create_login(dsn, "imis_revenue_collector", "_oneid")
    conn = connect_as(dsn, collector)
    try:
        with conn.cursor() as cur:  # no FSM rights: the rest of the record still comes
            cur.execute("SELECT imis_app.one_id_record('building', %s)", (ids["buildings"][0],))
            record = cur.fetchone()[0]
    finally:
        conn.close()
    assert record["applications"] == [] and len(record["holdings"]) == 1


def test_search_uses_the_indexes_of_revision_0006(city):
    """Every searched expression has its index (revision 0006) and the inlined search uses them: the one
    check that the expressions of database/app/60_search.sql and of the revision stay the same."""
    conn = connect(city[0])
    try:
        with conn.cursor() as cur:
            cur.execute("SET enable_seqscan = off")
            plans = {}
            for text in ("B000001", "rahima khatun", "01711000", "c-0001", "রহিমা"):
                cur.execute("EXPLAIN SELECT * FROM imis_app.one_id_search(%s)", (text,))
                plans[text] = "\n".join(r[0] for r in cur.fetchall())
    finally:
        conn.close()
    for index in (
        "ix_building_bin_search",
        "ix_holding_code_search",
        "ix_containment_code_search",
        "ix_building_bin_prefix",
        "ix_holding_code_prefix",
        "ix_containment_code_prefix",
    ):
        assert index in plans["B000001"], index
    assert "ix_owner_name_search" in plans["rahima khatun"]
    assert "ix_owner_phone_search" in plans["01711000"]
    assert "ix_owner_name_bn_search" in plans["রহিমা"]


# The dock -------------------------------------------------------------------------------------------------
@pytest.fixture
def dock(city, qgis_app):
    canvas = QgsMapCanvas()
    canvas.setDestinationCrs(QgsProject.instance().crs())
    dock = OneIdDock(lambda: city[0], canvas)
    yield dock
    dock.close()
    dock.deleteLater()


def _key(widget, key):
    QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, key, Qt.NoModifier))


def test_dock_searches_as_you_type_and_shows_the_whole_record(dock):
    dock.search.setText("c-0001")
    dock.run_search()
    assert dock.results.count() == len(dock.hits) >= 1
    _key(dock.search, Qt.Key_Down)  # keyboard: down into the hits
    assert dock.results.currentRow() == 0
    html = dock.details.toHtml()
    for text in (
        "B000001",
        "B000002",
        "01-001-0001-00",
        "Rahima Khatun",
        "C-0001",
        "APP-0001",
        "APP-0003",
        "Septic tank to soak pit",
        "Sample FSTP",
    ):
        assert text in html, text
    _key(dock.results, Qt.Key_Escape)  # back to the search field
    _key(dock.search, Qt.Key_Escape)  # and clear it
    assert dock.search.text() == "" and dock.results.count() == 0


def test_dock_zooms_to_the_record(dock, city):
    dock.search.setText("B000003")
    dock._enter_from_search()  # Enter: first hit, zoomed
    extent = dock.canvas.extent()
    assert extent.width() > 0
    x0, y0, x1, y1 = dock.record["extent"]
    assert extent.contains(QgsPointXY((x0 + x1) / 2, (y0 + y1) / 2))
    assert dock.zoom_button.isEnabled()
