"""The Planning algorithms on a hand-made city with known answers (tests/planning_city.py), on every path:
pushed down into PostGIS, native on the same PostGIS layers, native on memory layers and on Shapefiles;
both paths agreeing on a generated city; user values that look like SQL staying data; Cancel; qgis_process.
"""

import datetime as dt
import sysconfig
import threading

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from imis_plugin.db.connect import connect
from imis_plugin.db.migrate import upgrade
from imis_plugin.planning.gaps import years_before
from imis_plugin.planning.inputs import Cancelled
from imis_plugin.planning.sqlrun import Session
from imis_plugin.planning.tables import pyvalue

from . import planning_city as city
from .conftest import TEST_SRID

T = "TEMPORARY_OUTPUT"
POSTGIS, NATIVE_ON_POSTGIS, MEMORY, SHAPEFILE = "postgis", "native on postgis", "memory", "shapefile"
#: (table, geometry column) of every layer the tests use
TABLES = {
    "building": "geom",
    "water_body": "geom",
    "containment": "location",
    "ward": "geom",
    "road": "geom",
    "drain": "geom",
    "sewer": "geom",
    "water_point": "geom",
    "toilet": "geom",
    "low_income_community": "geom",
    "building_toilet": None,
    "building_containment": None,
}


# fixtures -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def city_dsn(pg_server):
    dsn = pg_server.create_database("planning_city")
    upgrade(dsn, srid=TEST_SRID)
    city.populate(dsn)
    return dsn


def pg_layer(dsn, table, geometry):
    uri = f'{dsn} key=\'id\' table="imis_core"."{table}"' + (f" ({geometry})" if geometry else "")
    layer = QgsVectorLayer(uri, table, "postgres")
    assert layer.isValid(), table
    return layer


@pytest.fixture(scope="module")
def layers(qgis_processing, city_dsn, tmp_path_factory):
    """kind -> table -> layer; every kind holds the same features."""
    project = QgsProject.instance()
    pg = {t: pg_layer(city_dsn, t, g) for t, g in TABLES.items()}
    memory = {t: layer.materialize(QgsFeatureRequest()) for t, layer in pg.items()}
    folder = tmp_path_factory.mktemp("shapefiles")
    shapes = {}
    for table, layer in pg.items():
        if not TABLES[table]:
            continue
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "ESRI Shapefile"
        path = str(folder / f"{table}.shp")
        error = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, path, QgsCoordinateTransformContext(), options
        )
        assert error[0] == QgsVectorFileWriter.NoError, error
        shapes[table] = QgsVectorLayer(path, table, "ogr")
    kinds = {POSTGIS: pg, NATIVE_ON_POSTGIS: pg, MEMORY: memory, SHAPEFILE: shapes}
    for group in kinds.values():
        project.addMapLayers(list(group.values()), False)
    yield kinds
    for group in (pg, memory, shapes):
        for layer in group.values():
            project.removeMapLayer(layer.id())


def run(algorithm, parameters, kind=POSTGIS):
    """Run an IMIS algorithm; returns its results with every output layer read as a list of dicts."""
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    parameters = {"ENGINE": 1 if kind in (NATIVE_ON_POSTGIS, MEMORY, SHAPEFILE) else 0, **parameters}
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"imis:{algorithm}")
    results, ok = algorithm.run(parameters, context, QgsProcessingFeedback(), catchExceptions=False)
    assert ok
    out = {}
    for name, value in results.items():
        layer = QgsProcessingUtils.mapLayerFromString(value, context) if isinstance(value, str) else None
        if name != "ENGINE_USED" and layer is not None:
            names = layer.fields().names()
            out[name] = [dict(zip(names, map(pyvalue, f.attributes()))) for f in layer.getFeatures()]
        else:
            out[name] = value
    expected_engine = "postgis" if kind == POSTGIS else "native"
    assert out["ENGINE_USED"] == expected_engine
    return out


def rounded(rows, *keys, ndigits=2):
    return sorted(
        tuple(round(r[k], ndigits) if isinstance(r[k], float) else r[k] for k in keys) for r in rows
    )


ALL_KINDS = [POSTGIS, NATIVE_ON_POSTGIS, MEMORY]
FILE_KINDS = ALL_KINDS + [SHAPEFILE]


# buffer analysis ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_buffer_analysis_around_water_bodies(provider, layers, kind):
    """Within 50 m of the ponds: B09 (10 m from WB-01) and B10 (40 m), both in ward 2 (population 9 + 5);
    containments C09 (5 m, lined pit to water body) and C10 (45 m, septic tank to soak pit)."""
    lyr = layers[kind]
    ctype = "containmen" if kind == SHAPEFILE else "containment_type"  # Shapefiles cut names at 10
    out = run(
        "buffer_analysis",
        {
            "SOURCE": lyr["water_body"],
            "DISTANCE": 50,
            "BUILDINGS": lyr["building"],
            "CONTAINMENTS": lyr["containment"],
            "CONTAINMENT_TYPE_FIELD": ctype,
            "WARDS": lyr["ward"],
            "OUTPUT": T,
            "SUMMARY": T,
        },
        kind,
    )
    assert rounded(out["OUTPUT"], "bin", "ward") == [("B09", "2"), ("B10", "2")]
    assert out["SUMMARY"] == [
        {
            "ward": "1",
            "buildings": 0,
            "population": 0.0,
            "containments": 0,
            "n_lined_pit_water_body": 0,
            "n_septic_tank_soak_pit": 0,
        },
        {
            "ward": "2",
            "buildings": 2,
            "population": 14.0,
            "containments": 2,
            "n_lined_pit_water_body": 1,
            "n_septic_tank_soak_pit": 1,
        },
        {
            "ward": "(all)",
            "buildings": 2,
            "population": 14.0,
            "containments": 2,
            "n_lined_pit_water_body": 1,
            "n_septic_tank_soak_pit": 1,
        },
    ]


@pytest.mark.parametrize("kind", [POSTGIS, NATIVE_ON_POSTGIS])
def test_buffer_analysis_from_a_selected_road_and_a_drawn_area(provider, layers, kind):
    """R-3 selected: only B11 (10 m) within 20 m, with C11 (15 m); the drawn box 10 m above B01 adds it."""
    roads = layers[kind]["road"]
    roads.selectByExpression("\"code\" = 'R-3'")
    try:
        source = QgsProcessingFeatureSourceDefinition(roads.id(), True)
        area = (
            f"POLYGON(({city.X0} {city.Y0 + 530},{city.X0 + 40} {city.Y0 + 530},"
            f"{city.X0 + 40} {city.Y0 + 560},{city.X0} {city.Y0 + 560},{city.X0} {city.Y0 + 530}))"
        )
        out = run(
            "buffer_analysis",
            {
                "SOURCE": source,
                "AREA": f"CRS=EPSG:{TEST_SRID};{area}",
                "DISTANCE": 20,
                "BUILDINGS": layers[kind]["building"],
                "CONTAINMENTS": layers[kind]["containment"],
                "OUTPUT": T,
                "SUMMARY": T,
            },
            kind,
        )
    finally:
        roads.removeSelection()
    assert rounded(out["OUTPUT"], "bin") == [("B01",), ("B11",)]
    assert out["SUMMARY"] == [
        {"ward": "(all)", "buildings": 2, "population": 11.0, "containments": 1, "n_septic_tank_sewer": 1}
    ]


# connection candidates ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_drain_connection_candidates_are_ranked_by_distance(provider, layers, kind):
    """Within 30 m of D-001 (y = 495) and D-002 (x = 255): B05 10 m from D-002, B02 15 m from D-001, B06 16 m
    from D-002, B03 25 m from D-001; B01 is connected already, B04 is 45 m away."""
    lyr = layers[kind]
    out = run(
        "connection_candidates",
        {"NETWORK": lyr["drain"], "BUILDINGS": lyr["building"], "DISTANCE": 30, "OUTPUT": T},
        kind,
    )
    ranked = sorted(out["OUTPUT"], key=lambda r: r["rank"])
    assert [(r["bin"], r["segment"], round(r["distance_m"], 6), r["rank"]) for r in ranked] == [
        ("B05", "D-002", 10, 1),
        ("B02", "D-001", 15, 2),
        ("B06", "D-002", 16, 3),
        ("B03", "D-001", 25, 4),
    ]
    drain_ids = {f["code"]: str(f["id"]) for f in lyr["drain"].getFeatures()}
    assert all(r["segment_id"] == drain_ids[r["segment"]] for r in ranked)


@pytest.mark.parametrize("kind", [POSTGIS, NATIVE_ON_POSTGIS])
def test_connection_candidates_for_selected_drains_and_for_sewers(provider, layers, kind):
    lyr = layers[kind]
    lyr["drain"].selectByExpression("\"code\" = 'D-001'")
    try:
        out = run(
            "connection_candidates",
            {
                "NETWORK": QgsProcessingFeatureSourceDefinition(lyr["drain"].id(), True),
                "BUILDINGS": lyr["building"],
                "DISTANCE": 30,
                "OUTPUT": T,
            },
            kind,
        )
    finally:
        lyr["drain"].removeSelection()
    assert rounded(out["OUTPUT"], "bin", "distance_m") == [("B02", 15), ("B03", 25)]
    # or by their labels (from qgis_process there is no selection); the labels are data
    out = run(
        "connection_candidates",
        {
            "NETWORK": lyr["drain"],
            "ONLY": "D-002, x'); DROP TABLE imis_core.drain; --",
            "BUILDINGS": lyr["building"],
            "DISTANCE": 30,
            "OUTPUT": T,
        },
        kind,
    )
    assert rounded(out["OUTPUT"], "bin", "segment") == [("B05", "D-002"), ("B06", "D-002")]
    assert lyr["drain"].dataProvider().featureCount() == len(city.DRAINS)
    # S-001 (y = 505, x >= 500): only B11 is within 100 m (95 m); no building has a sewer_id yet
    out = run(
        "connection_candidates",
        {"NETWORK": lyr["sewer"], "KIND": 1, "BUILDINGS": lyr["building"], "DISTANCE": 100, "OUTPUT": T},
        kind,
    )
    assert rounded(out["OUTPUT"], "bin", "segment", "distance_m") == [("B11", "S-001", 95)]


# vehicle access -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_vehicle_access_with_a_3_m_vehicle_and_a_30_m_hose(provider, layers, kind):
    """Passable: R-1 (6 m), R-3 (4 m), R-4 (3 m, equal counts); R-2 (2.5 m) is too narrow. B05 and B06 are
    within 30 m of R-2 only (narrow road); B04, B07-B10 have no road within 30 m."""
    lyr = layers[kind]
    out = run(
        "vehicle_access",
        {
            "ROADS": lyr["road"],
            "VEHICLE_WIDTH": 3,
            "HOSE_LENGTH": 30,
            "BUILDINGS": lyr["building"],
            "CONTAINMENTS": lyr["containment"],
            "OUTPUT": T,
            "OUTPUT_CONTAINMENTS": T,
        },
        kind,
    )
    assert rounded(out["OUTPUT"], "bin", "reason") == [
        ("B04", "too_far"),
        ("B05", "narrow_road"),
        ("B06", "narrow_road"),
        ("B07", "too_far"),
        ("B08", "too_far"),
        ("B09", "too_far"),
        ("B10", "too_far"),
    ]
    assert rounded(out["OUTPUT_CONTAINMENTS"], "code", "reason") == [
        ("C02", "too_far"),
        ("C04", "too_far"),
        ("C05", "narrow_road"),
        ("C06", "narrow_road"),
        ("C07", "too_far"),
        ("C08", "too_far"),
        ("C09", "too_far"),
        ("C10", "too_far"),
    ]


# groundwater risk ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_groundwater_risk_near_tube_wells_and_ponds(provider, layers, kind):
    """Within 30 m: C06 is 20.6 m from tube well WP-01 (dx 5, dy 20), C09 is 5 m from pond WB-01."""
    lyr = layers[kind]
    out = run(
        "groundwater_risk",
        {
            "CONTAINMENTS": lyr["containment"],
            "WATER_POINTS": lyr["water_point"],
            "WATER_BODIES": lyr["water_body"],
            "DISTANCE": 30,
            "OUTPUT": T,
            "SUMMARY": T,
        },
        kind,
    )
    assert rounded(
        out["OUTPUT"], "code", "water_point", "water_point_m", "water_body", "water_body_m", "risk_source"
    ) == [
        ("C06", "WP-01", round(425**0.5, 2), None, None, "water_point"),
        ("C09", None, None, "WB-01", 5.0, "water_body"),
    ]
    summary = {r["containment_type"]: (r["containments"], r["at_risk"]) for r in out["SUMMARY"]}
    assert summary["septic_tank_soak_pit"] == (3, 1)
    assert summary["lined_pit_water_body"] == (1, 1)
    assert summary["unlined_pit"] == (3, 0)
    assert summary["(all)"] == (12, 2)


@pytest.mark.parametrize("kind", [POSTGIS, MEMORY])
def test_sql_in_user_values_is_data(provider, layers, city_dsn, kind):
    lyr = layers[kind]
    out = run(
        "groundwater_risk",
        {
            "CONTAINMENTS": lyr["containment"],
            "WATER_POINTS": lyr["water_point"],
            "TYPES": "unlined_pit, septic_tank_soak_pit,x'); DROP TABLE imis_core.building; --",
            "DISTANCE": 30,
            "OUTPUT": T,
            "SUMMARY": T,
        },
        kind,
    )
    assert rounded(out["OUTPUT"], "code") == [("C06",)]
    assert {r["containment_type"]: r["containments"] for r in out["SUMMARY"]} == {
        "septic_tank_soak_pit": 3,
        "unlined_pit": 3,
        "(all)": 6,
    }
    out = run(
        "attribute_summary",
        {
            "INPUT": lyr["building"],
            "FIELD": "name",
            "OPERATOR": 6,
            "VALUE": "'s HOUSE; drop table",
            "OUTPUT": T,
            "WARD_SUMMARY": T,
            "GRID_SUMMARY": T,
        },
        kind,
    )
    assert [r["name"] for r in out["OUTPUT"]] == [city.TRICKY_NAME]
    out = run(
        "attribute_summary",
        {
            "INPUT": lyr["building"],
            "FIELD": "name",
            "OPERATOR": 0,
            "VALUE": city.TRICKY_NAME,
            "WARD_SUMMARY": T,
            "GRID_SUMMARY": T,
        },
        kind,
    )
    assert out["WARD_SUMMARY"][-1]["features"] == 1
    out = run(
        "attribute_summary",
        {
            "INPUT": lyr["building"],
            "FIELD": "bin",
            "OPERATOR": 7,
            "VALUE": "%",
            "WARD_SUMMARY": T,
            "GRID_SUMMARY": T,
        },
        kind,
    )
    assert out["WARD_SUMMARY"][-1]["features"] == 0  # '%' is a character, not a wildcard
    with connect(city_dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM imis_core.building")
        assert cur.fetchone()[0] == len(city.BUILDINGS)
    conn.close()


# attribute summary --------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_attribute_summary_per_ward_and_grid_cell(provider, layers, kind):
    """Population at least 8: B02 (8), B07 (12), B08 (10) in ward 1 and grid cell (1438, 5210); B09 (9) in
    ward 2 and cell (1439, 5210)."""
    lyr = layers[kind]
    out = run(
        "attribute_summary",
        {
            "INPUT": lyr["building"],
            "FIELD": "population",
            "OPERATOR": 5,
            "VALUE": "8",
            "WARDS": lyr["ward"],
            "OUTPUT": T,
            "WARD_SUMMARY": T,
            "GRID_SUMMARY": T,
        },
        kind,
    )
    assert rounded(out["OUTPUT"], "bin") == [("B02",), ("B07",), ("B08",), ("B09",)]
    assert [(r["ward"], r["features"], r["total"]) for r in out["WARD_SUMMARY"]] == [
        ("1", 3, 30.0),
        ("2", 1, 9.0),
        ("(all)", 4, 39.0),
    ]
    x, y = city.X0 // 500, city.Y0 // 500
    assert [(r["cell_x"], r["cell_y"], r["features"], r["total"]) for r in out["GRID_SUMMARY"]] == [
        (x, y, 3, 30.0),
        (x + 1, y, 1, 9.0),
    ]


@pytest.mark.parametrize("kind", [POSTGIS, MEMORY])
def test_attribute_conditions(provider, layers, kind):
    building = layers[kind]["building"]

    def bins(field, operator, value):
        out = run(
            "attribute_summary",
            {
                "INPUT": building,
                "FIELD": field,
                "OPERATOR": operator,
                "VALUE": value,
                "OUTPUT": T,
                "WARD_SUMMARY": T,
                "GRID_SUMMARY": T,
            },
            kind,
        )
        return sorted(r["bin"] for r in out["OUTPUT"])

    assert bins("bin", 10, "B01, B12,B99") == ["B01", "B12"]
    assert bins("population", 2, "5") == ["B03", "B06", "B12"]
    assert bins("name", 9, "") == ["B03"]
    assert bins("bin", 7, "b1") == ["B10", "B11", "B12"]
    with pytest.raises(QgsProcessingException, match="'many' is not a whole number.*population"):
        bins("population", 0, "many")


# toilet accessibility -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_walking_distance_to_community_toilets(provider, layers, kind):
    """CT-01 (240, 300) ties to R-2 at the vertex (250, 300), 10 m. B07's centroid (85, 125) ties to R-2 at
    (250, 125), 165 m: 165 + 175 + 10 = 350 m. B08 (125, 205): 125 + 95 + 10 = 230 m. PT-01 sits on R-4,
    which no other road touches: B12 on R-4 walks 15 + 25 + 10 = 50 m, B11 on R-3 cannot get there."""
    lyr = layers[kind]
    out = run(
        "toilet_access",
        {
            "BUILDINGS": lyr["building"],
            "TOILETS": lyr["toilet"],
            "LINKS": lyr["building_toilet"],
            "ROADS": lyr["road"],
            "THRESHOLD": 300,
            "OUTPUT": T,
            "SUMMARY": T,
        },
        kind,
    )
    assert rounded(out["OUTPUT"], "bin", "toilet", "walking_m", "beyond") == [
        ("B07", "CT-01", 350.0, True),
        ("B08", "CT-01", 230.0, False),
        ("B11", "PT-01", None, True),
        ("B12", "PT-01", 50.0, False),
    ]
    assert [
        (r["toilet"], r["dependents"], r["beyond"], r["mean_walking_m"], r["max_walking_m"])
        for r in out["SUMMARY"]
    ] == [("CT-01", 2, 1, 290.0, 350.0), ("PT-01", 2, 1, 50.0, 50.0), ("(all)", 4, 2, 210.0, 350.0)]


# service gaps -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_service_gaps_on_1_january_2026(provider, layers, kind):
    """Cut-off 1 January 2023: C03, C06, C09, C12 emptied before it (overdue); C02, C07 never emptied and
    built before it; C04 without dates; C05 built in 2024 is not due yet."""
    lyr = layers[kind]
    out = run(
        "service_gaps",
        {
            "CONTAINMENTS": lyr["containment"],
            "AS_OF": "2026-01-01",
            "YEARS": 3,
            "WARDS": lyr["ward"],
            "LICS": lyr["low_income_community"],
            "BUILDINGS": lyr["building"],
            "LINKS": lyr["building_containment"],
            "OUTPUT": T,
            "SUMMARY": T,
            "OUTPUT_BUILDINGS": T,
        },
        kind,
    )
    assert rounded(out["OUTPUT"], "code", "status", "years_since", "ward", "lic") == [
        ("C02", "never_emptied", 11.0, "1", ""),
        ("C03", "overdue", 6.84, "1", ""),
        ("C04", "no_date", None, "1", ""),
        ("C06", "overdue", 4.0, "1", ""),
        ("C07", "never_emptied", 16.0, "1", "LIC-A"),
        ("C09", "overdue", 6.0, "2", ""),
        ("C12", "overdue", 5.0, "2", ""),
    ]
    assert [(r["area_kind"], r["area"], r["containments"], r["gaps"]) for r in out["SUMMARY"]] == [
        ("city", "(all)", 12, 7),
        ("ward", "1", 8, 5),
        ("ward", "2", 4, 2),
        ("lic", "LIC-A", 2, 1),
        ("lic", "(none)", 10, 6),
    ]
    # B01 is served by C01 (emptied in 2025) and C02 (never emptied)
    assert rounded(out["OUTPUT_BUILDINGS"], "bin", "gap_containments") == [
        (b, 1) for b in ("B01", "B02", "B03", "B04", "B06", "B07", "B09", "B12")
    ]


# both paths on a generated city -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated(qgis_processing, pg_server):
    dsn = pg_server.create_database("planning_generated")
    upgrade(dsn, srid=TEST_SRID)
    city.generate(dsn, buildings=500)
    layers = {t: pg_layer(dsn, t, g) for t, g in TABLES.items()}
    QgsProject.instance().addMapLayers(list(layers.values()), False)
    yield layers
    for layer in layers.values():
        QgsProject.instance().removeMapLayer(layer.id())


def _same(algorithm, parameters, keys, outputs=("OUTPUT",)):
    pushed, native = run(algorithm, parameters, POSTGIS), run(algorithm, parameters, NATIVE_ON_POSTGIS)
    for output in outputs:
        assert rounded(pushed[output], *keys[output], ndigits=6) == rounded(
            native[output], *keys[output], ndigits=6
        )
    return pushed


def test_both_paths_agree_on_a_generated_city(provider, generated):
    g = generated
    out = _same(
        "buffer_analysis",
        {
            "SOURCE": g["water_body"],
            "DISTANCE": 40,
            "BUILDINGS": g["building"],
            "CONTAINMENTS": g["containment"],
            "WARDS": g["ward"],
            "OUTPUT": T,
            "SUMMARY": T,
        },
        {"OUTPUT": ("bin", "ward"), "SUMMARY": ("ward", "buildings", "population", "containments")},
        ("OUTPUT", "SUMMARY"),
    )
    assert len(out["OUTPUT"]) > 5
    out = _same(
        "connection_candidates",
        {"NETWORK": g["drain"], "BUILDINGS": g["building"], "DISTANCE": 15, "OUTPUT": T},
        {"OUTPUT": ("bin", "segment", "distance_m", "rank")},
    )
    assert len(out["OUTPUT"]) > 20
    out = _same(
        "vehicle_access",
        {
            "ROADS": g["road"],
            "VEHICLE_WIDTH": 2.8,
            "HOSE_LENGTH": 25,
            "BUILDINGS": g["building"],
            "CONTAINMENTS": g["containment"],
            "OUTPUT": T,
            "OUTPUT_CONTAINMENTS": T,
        },
        {"OUTPUT": ("bin", "reason"), "OUTPUT_CONTAINMENTS": ("code", "reason")},
        ("OUTPUT", "OUTPUT_CONTAINMENTS"),
    )
    assert {r["reason"] for r in out["OUTPUT"]} == {"too_far", "narrow_road"}
    out = _same(
        "groundwater_risk",
        {
            "CONTAINMENTS": g["containment"],
            "WATER_POINTS": g["water_point"],
            "WATER_BODIES": g["water_body"],
            "DISTANCE": 30,
            "OUTPUT": T,
            "SUMMARY": T,
        },
        {
            "OUTPUT": ("code", "water_point", "water_point_m", "water_body", "water_body_m"),
            "SUMMARY": ("containment_type", "containments", "at_risk"),
        },
        ("OUTPUT", "SUMMARY"),
    )
    assert len(out["OUTPUT"]) > 10
    _same(
        "attribute_summary",
        {
            "INPUT": g["building"],
            "FIELD": "population",
            "OPERATOR": 4,
            "VALUE": "10",
            "WARDS": g["ward"],
            "WARD_SUMMARY": T,
            "GRID_SUMMARY": T,
        },
        {
            "WARD_SUMMARY": ("ward", "features", "total"),
            "GRID_SUMMARY": ("cell_x", "cell_y", "features", "total"),
        },
        ("WARD_SUMMARY", "GRID_SUMMARY"),
    )
    out = _same(
        "toilet_access",
        {
            "BUILDINGS": g["building"],
            "TOILETS": g["toilet"],
            "LINKS": g["building_toilet"],
            "ROADS": g["road"],
            "THRESHOLD": 200,
            "OUTPUT": T,
            "SUMMARY": T,
        },
        {
            "OUTPUT": ("bin", "toilet", "walking_m", "beyond"),
            "SUMMARY": ("toilet", "dependents", "beyond", "mean_walking_m"),
        },
        ("OUTPUT", "SUMMARY"),
    )
    assert len(out["OUTPUT"]) > 20 and all(r["walking_m"] is not None for r in out["OUTPUT"])
    _same(
        "service_gaps",
        {
            "CONTAINMENTS": g["containment"],
            "AS_OF": "2026-01-01",
            "WARDS": g["ward"],
            "LICS": g["low_income_community"],
            "BUILDINGS": g["building"],
            "LINKS": g["building_containment"],
            "OUTPUT": T,
            "SUMMARY": T,
            "OUTPUT_BUILDINGS": T,
        },
        {
            "OUTPUT": ("code", "status", "years_since", "ward", "lic"),
            "SUMMARY": ("area_kind", "area", "containments", "gaps"),
            "OUTPUT_BUILDINGS": ("bin", "gap_containments"),
        },
        ("OUTPUT", "SUMMARY", "OUTPUT_BUILDINGS"),
    )


# choosing the path, bad input, Cancel -------------------------------------------------------------------


def test_layers_of_different_sources_take_the_native_path(provider, layers):
    out = run(
        "buffer_analysis",
        {
            "SOURCE": layers[MEMORY]["water_body"],
            "DISTANCE": 50,
            "BUILDINGS": layers[POSTGIS]["building"],
            "OUTPUT": T,
            "SUMMARY": T,
        },
        MEMORY,
    )
    assert rounded(out["OUTPUT"], "bin") == [("B09",), ("B10",)]


def test_bad_input_is_explained(provider, layers):
    with pytest.raises(QgsProcessingException, match="no field 'habitants'.*population"):
        run(
            "buffer_analysis",
            {
                "SOURCE": layers[POSTGIS]["water_body"],
                "BUILDINGS": layers[POSTGIS]["building"],
                "POPULATION_FIELD": "habitants",
                "OUTPUT": T,
                "SUMMARY": T,
            },
        )
    with pytest.raises(QgsProcessingException, match="distance from, or draw an area"):
        run("buffer_analysis", {"BUILDINGS": layers[POSTGIS]["building"], "OUTPUT": T, "SUMMARY": T})
    geographic = QgsVectorLayer("Polygon?crs=EPSG:4326", "geographic", "memory")
    with pytest.raises(QgsProcessingException, match="not a projected CRS in metres"):
        run(
            "buffer_analysis",
            {"SOURCE": layers[MEMORY]["water_body"], "BUILDINGS": geographic, "OUTPUT": T, "SUMMARY": T},
            MEMORY,
        )


def test_cancel_stops_a_running_query(city_dsn):
    feedback = QgsProcessingFeedback()
    timer = threading.Timer(0.3, feedback.cancel)
    timer.start()
    with Session(city_dsn, feedback) as session, pytest.raises(Cancelled):
        session.execute("SELECT pg_sleep(30)")
    timer.join()


# qgis_process -------------------------------------------------------------------------------------------


def test_qgis_process_writes_a_geopackage(city_dsn, tmp_path_factory, tmp_path):
    from imis_plugin import packaging

    from .test_package import _install

    plugin_zip = packaging.build(tmp_path_factory.mktemp("dist") / "imis_plugin.zip")
    qgis_process = _install(tmp_path_factory, plugin_zip, sysconfig.get_paths()["purelib"])
    gpkg = tmp_path / "near water.gpkg"

    def uri(table, geometry="geom"):
        return f'postgres://{city_dsn} key=\'id\' table="imis_core"."{table}" ({geometry})'

    done, output = qgis_process.run_json(
        "imis:buffer_analysis",
        SOURCE=uri("water_body"),
        DISTANCE=50,
        BUILDINGS=uri("building"),
        WARDS=uri("ward"),
        OUTPUT=f"ogr:dbname='{gpkg}' table=buildings (geom)",
        SUMMARY=f"ogr:dbname='{gpkg}' table=summary",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert output["results"]["ENGINE_USED"] == "postgis"
    buildings = QgsVectorLayer(f"{gpkg}|layername=buildings", "b", "ogr")
    assert sorted(f["bin"] for f in buildings.getFeatures()) == ["B09", "B10"]
    summary = QgsVectorLayer(f"{gpkg}|layername=summary", "s", "ogr")
    assert [(f["ward"], f["buildings"]) for f in summary.getFeatures()] == [("1", 0), ("2", 2), ("(all)", 2)]


def test_today_is_the_default_reference_date(provider, layers):
    out = run("service_gaps", {"CONTAINMENTS": layers[POSTGIS]["containment"], "OUTPUT": T, "SUMMARY": T})
    cutoff = years_before(dt.date.today(), 3)
    emptied = {c: v[3] for c, v in city.CONTAINMENTS.items()}
    assert {r["code"] for r in out["OUTPUT"] if r["status"] == "overdue"} == {
        c for c, last in emptied.items() if last is not None and last < cutoff
    }
