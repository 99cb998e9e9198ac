"""Service dashboard: every FSM figure equals the same question asked in plain SQL, under each filter; a
click selects the rows behind a figure; the dock shows the figures."""

import datetime as dt

import pytest
from qgis.core import QgsProject

from imis_plugin.db.connect import transaction
from imis_plugin.gui.dashboard import DashboardDock
from imis_plugin.gui.map_tools import find_layer
from imis_plugin.project.builder import build_project
from imis_plugin.service_kpis import Filters, IndicatorKpiSource, SqlKpiSource, period

from .desktop_city import desktop_city, service_for


@pytest.fixture(scope="module")
def city(pg_server):
    dsn, ids = desktop_city(pg_server, "dashboard")
    return dsn, ids


def _value(dsn, query, params):
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(query, params)
        return cur.fetchone()[0]


def expected(dsn, f: Filters) -> dict:
    """The figures asked directly, one plain query each."""
    p = {
        "df": f.date_from or dt.date(1900, 1, 1),
        "dt": f.date_to or dt.date(2999, 1, 1),
        "w": f.ward_id,
        "pr": f.provider_id,
    }
    keep = """NOT a.is_cancelled AND (%(pr)s::uuid IS NULL OR a.provider_id = %(pr)s::uuid)
              AND (%(w)s::uuid IS NULL OR (SELECT ward_id FROM imis_core.building WHERE id = a.building_id) = %(w)s::uuid)"""
    in_period = "a.application_date BETWEEN %(df)s AND %(dt)s"
    apps = _value(dsn, f"SELECT count(*) FROM imis_fsm.application a WHERE {keep} AND {in_period}", p)
    emptied = _value(
        dsn,
        f"SELECT count(*) FROM imis_fsm.application a JOIN imis_fsm.emptying e ON e.application_id = a.id "
        f"WHERE {keep} AND {in_period}",
        p,
    )
    days = _value(
        dsn,
        f"SELECT avg(e.emptied_date - a.application_date) FROM imis_fsm.application a "
        f"JOIN imis_fsm.emptying e ON e.application_id = a.id WHERE {keep} AND {in_period}",
        p,
    )
    emptyings = f"""FROM imis_fsm.emptying e JOIN imis_fsm.application a ON a.id = e.application_id
                    WHERE {keep} AND e.emptied_date BETWEEN %(df)s AND %(dt)s"""
    n_emptyings = _value(dsn, f"SELECT count(*) {emptyings}", p)
    with_disposal = _value(
        dsn,
        f"SELECT count(*) {emptyings} AND EXISTS "
        f"(SELECT 1 FROM imis_fsm.disposal d WHERE d.emptying_id = e.id)",
        p,
    )
    volume = _value(dsn, f"SELECT sum(e.volume_m3) {emptyings}", p)
    disposed = _value(
        dsn,
        f"SELECT sum(d.volume_m3) FROM imis_fsm.disposal d WHERE d.emptying_id IN (SELECT e.id {emptyings})",
        p,
    )
    feedback = f"""FROM imis_fsm.feedback fb JOIN imis_fsm.application a ON a.id = fb.application_id
                   WHERE {keep} AND fb.feedback_date BETWEEN %(df)s AND %(dt)s"""
    satisfaction = _value(dsn, f"SELECT avg(satisfaction) {feedback}", p)
    ppe = _value(
        dsn,
        f"SELECT 100.0 * count(*) FILTER (WHERE crew_wore_ppe) / nullif(count(crew_wore_ppe), 0) {feedback}",
        p,
    )
    lic = _value(
        dsn,
        f"SELECT count(*) FROM imis_fsm.application a JOIN imis_core.building b ON b.id = a.building_id "
        f"WHERE {keep} AND {in_period} AND b.lic_id IS NOT NULL",
        p,
    )

    def pct(n, d):
        return round(100.0 * float(n) / float(d), 2) if d else None

    return {
        "applications": apps,
        "response_efficiency": pct(emptied, apps),
        "response_time": round(float(days), 2) if days is not None else None,
        "safe_disposal": pct(with_disposal, n_emptyings),
        "sludge_delivered": pct(disposed or 0, volume) if volume else None,
        "satisfaction": round(float(satisfaction), 2) if satisfaction is not None else None,
        "ppe_compliance": round(float(ppe), 2) if ppe is not None else None,
        "inclusion": pct(lic, apps),
    }


def _filters(city, name):
    dsn, ids = city
    if name == "all":
        return Filters()
    if name == "last_30_days":
        return Filters(*period("last_30_days"))
    if name == "ward":
        return Filters(ward_id=str(ids["ward"]))
    if name == "provider":
        return Filters(provider_id=str(ids["provider"]))
    if name == "other_provider":
        return Filters(provider_id=str(ids["other_provider"]))
    raise KeyError(name)


@pytest.mark.parametrize("name", ["all", "last_30_days", "ward", "provider", "other_provider"])
def test_figures_equal_the_sql(city, name):
    filters = _filters(city, name)
    figures = {f.key: f.value for f in SqlKpiSource(city[0]).figures(filters)}
    assert figures == expected(city[0], filters)


@pytest.mark.parametrize("name", ["all", "last_30_days", "ward", "provider", "other_provider"])
def test_the_indicator_module_gives_the_same_figures(city, name):
    """imis_app.indicators() (the indicator module) and the dashboard's own query agree on every figure."""
    assert IndicatorKpiSource.available(city[0])
    filters = _filters(city, name)
    direct = {f.key: (f.value, f.numerator, f.denominator) for f in SqlKpiSource(city[0]).figures(filters)}
    indicator = {
        f.key: (f.value, f.numerator, f.denominator) for f in IndicatorKpiSource(city[0]).figures(filters)
    }
    assert indicator == direct


def test_known_values_of_the_sample_city(city):
    figures = {f.key: f for f in SqlKpiSource(city[0]).figures(Filters())}
    # three live applications (one cancelled left out), one emptied 5 days after applying, fully disposed
    assert figures["applications"].value == 3
    assert (figures["response_efficiency"].numerator, figures["response_efficiency"].denominator) == (1, 3)
    assert figures["response_time"].value == 5 and figures["response_time"].on_target is True
    assert figures["response_efficiency"].on_target is False
    assert figures["inclusion"].value == pytest.approx(33.33, abs=0.01)
    none = {f.key: f for f in SqlKpiSource(city[0]).figures(_filters(city, "other_provider"))}
    assert (
        none["safe_disposal"].value is None and none["safe_disposal"].reason == "no emptyings in the period"
    )


def test_a_figure_selects_the_rows_behind_it(city):
    dsn, ids = city
    source = SqlKpiSource(dsn)
    waiting = source.features("response_efficiency", Filters())
    assert set(waiting.ids["imis_fsm.application"]) == {
        str(ids["open_application"]),
        str(ids["other_application"]),
    }
    assert set(waiting.ids["imis_core.building"]) == {str(ids["buildings"][2]), str(ids["buildings"][1])}
    month = dt.date.today().replace(day=1)
    monthly = {m.month: m for m in source.monthly(Filters())}
    this_month = source.features("month_applications", Filters(), month)
    assert len(this_month.ids["imis_fsm.application"]) == monthly[month].applications
    total = sum(m.applications for m in monthly.values())
    assert total == 3 and sum(m.emptyings for m in monthly.values()) == 1


@pytest.fixture
def loaded_project(city, tmp_path, qgis_app):
    result = build_project(service_for(city[0], "imis_dashboard_test"), tmp_path / "d.qgz")
    project = QgsProject.instance()
    assert project.read(str(result.path))
    yield project
    project.clear()


def test_dock_shows_the_figures_and_a_click_selects_on_the_map(city, loaded_project):
    dock = DashboardDock(lambda: city[0])
    try:
        dock.set_filters("all")
        tile = dock.tiles["response_efficiency"]
        assert "33 %" in tile.value.text() and "target ≥ 90 %" in tile.detail.text()
        assert dock.figure("applications").value == 3
        assert dock.ward_box.count() == 2 and dock.provider_box.count() == 3  # "all" + the choices
        selected = dock.select_behind("response_efficiency")
        assert selected == 2 == find_layer("imis_core.building").selectedFeatureCount()
        assert find_layer("imis_fsm.application").selectedFeatureCount() == 2
        dock.set_filters("all", provider_id=str(city[1]["other_provider"]))
        assert dock.figure("applications").value == 1
    finally:
        dock.close()
        dock.deleteLater()


def test_a_target_set_for_the_city_reaches_the_tiles(city):
    dsn = city[0]
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO imis_core.indicator_setting (indicator, value) VALUES ('fsm_re', 30)")
    try:
        figure = next(f for f in SqlKpiSource(dsn).figures(Filters()) if f.key == "response_efficiency")
        assert figure.definition.target == 30 and figure.on_target is True  # 33 % of applications emptied
    finally:
        with transaction(dsn) as conn, conn.cursor() as cur:
            cur.execute("DELETE FROM imis_core.indicator_setting WHERE indicator = 'fsm_re'")
