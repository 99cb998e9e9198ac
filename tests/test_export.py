"""`imis export`: every format opens in its reader (GDAL, openpyxl, csv), filters are structured and bound,
exports respect the caller's permissions, and the Processing algorithms run in QGIS."""
import csv
import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook
from osgeo import ogr
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

from imis_plugin.db.connect import transaction
from imis_plugin.paths import DATABASE_DIR
from imis_plugin.transfer import TransferError
from imis_plugin.transfer.export import header, run_export, short_names
from imis_plugin.transfer.filters import Filters, parse_condition
from tests.conftest import TEST_SRID
from tests.logins import create_login
from tests.sample_city import X, Y, populate, row_counts

ogr.UseExceptions()


@pytest.fixture
def city(head_dsn):
    ids = populate(head_dsn)
    return head_dsn, ids


def layer_rows(path, layer=None):
    dataset = ogr.Open(str(path))
    lyr = dataset.GetLayerByName(layer) if layer else dataset.GetLayer(0)
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    return names, [(dict(zip(names, (f.GetField(n) for n in names))), f.GetGeometryRef() and f.GetGeometryRef().Clone())
                   for f in lyr], lyr.GetSpatialRef()


def test_headers_and_short_names():
    assert header("capacity_m3_per_day") == "Capacity (m³/day)"
    assert header("road_width_access_m") == "Road width access (m)"
    assert header("bin") == "BIN" and header("building_bins") == "Building BINs"
    assert header("annual_value_bdt") == "Annual value (BDT)"
    names = short_names(["household_count", "household_size", "bin", "female_population"])
    assert names == {"household_count": "household_", "household_size": "household2", "bin": "bin",
                     "female_population": "female_pop"}
    assert all(len(v) <= 10 for v in names.values())


def test_geopackage_opens_in_gdal(city, tmp_path):
    dsn, _ = city
    out = tmp_path / "city.gpkg"
    result = run_export(dsn, ["building", "holding", "ward"], "gpkg", out)
    assert result.rows == {"building": 3, "holding": 2, "ward": 1}
    dataset = ogr.Open(str(out))
    assert sorted(dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount())) == \
        ["building", "holding", "ward"]
    names, rows, srs = layer_rows(out, "building")
    assert {"bin", "structure_type", "ward_number", "road_code", "lic_code", "floor_count"} <= set(names)
    assert "id" not in names and "ward_id" not in names and "row_version" not in names
    assert srs.GetAuthorityCode(None) == str(TEST_SRID)
    assert [r["bin"] for r, _ in rows] == ["B000001", "B000002", "B000003"]
    assert rows[0][0]["ward_number"] == 1 and rows[0][1].GetGeometryName() == "MULTIPOLYGON"
    assert rows[0][1].GetArea() == pytest.approx(144)
    names, rows, _ = layer_rows(out, "holding")
    assert "building_bins" in names
    assert {r["holding_code"]: r["building_bins"] for r, _ in rows} == {"01-001-0001-00": "B000001", "H/12/old": None}


def test_shapefile_zip_with_field_name_map(city, tmp_path):
    dsn, _ = city
    out = tmp_path / "city.zip"
    result = run_export(dsn, ["building", "holding"], "shp", out)
    with zipfile.ZipFile(out) as archive:
        members = set(archive.namelist())
        assert {"building.shp", "building.shx", "building.dbf", "building.prj", "building.cpg",
                "building_fields.csv", "holding.dbf", "holding_fields.csv"} <= members
        fields = list(csv.DictReader(archive.read("building_fields.csv").decode("utf-8").splitlines()))
    assert [str(p) for p in result.field_maps] == ["building_fields.csv", "holding_fields.csv"]
    names, rows, srs = layer_rows(f"/vsizip/{out}/building.shp")
    assert all(len(n) <= 10 for n in names)
    by_full = {f["imis_field"]: f["shapefile_field"] for f in fields}
    assert by_full["household_count"] in names and by_full["bin"] == "bin"
    assert {f["imis_field"]: f["title"] for f in fields}["road_width_access_m"] == "Road width access (m)"
    assert rows[0][0][by_full["household_count"]] == 2 and srs.GetAuthorityCode(None) == str(TEST_SRID)


def test_excel_has_labels_units_frozen_header_and_widths(city, tmp_path):
    dsn, _ = city
    out = tmp_path / "city.xlsx"
    run_export(dsn, ["building", "containment", "application"], "xlsx", out)
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["building", "containment", "application"]
    sheet = workbook["building"]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["BIN", "Name", "House number"]
    assert {"Structure type", "Ward number", "Road width access (m)", "Vehicle accessible"} <= set(headers)
    assert sheet.freeze_panes == "A2"
    assert all(c.font.b for c in sheet[1])
    assert sheet.column_dimensions["A"].width >= 8 and sheet.auto_filter.ref.startswith("A1:")
    first = dict(zip(headers, (c.value for c in sheet[2])))
    assert first["BIN"] == "B000001" and first["Structure type"] == "RCC framed"
    assert first["Functional use"] == "Residential" and first["Sanitation system"] == "Septic tank"
    assert first["Floor count"] == 2 and first["Vehicle accessible"] is True and first["Name"] is None
    assert sheet.max_row == 4
    containment = workbook["containment"]
    headers = [c.value for c in containment[1]]
    row = dict(zip(headers, (c.value for c in containment[2])))
    assert row["Volume (m³)"] == 6 and row["Containment type"] == "Septic tank to soak pit"
    assert row["Construction date"] == dt.datetime(2015, 1, 1) and row["Building BINs"] == "B000001;B000002"
    application = dict(zip([c.value for c in workbook["application"][1]], (c.value for c in workbook["application"][2])))
    assert application["Application date"].date() == dt.date.today() - dt.timedelta(days=30)

    run_export(dsn, ["building"], "xlsx", out, labels="bn")
    sheet = load_workbook(out)["building"]
    headers = [c.value for c in sheet[1]]
    assert sheet.cell(2, headers.index("Functional use") + 1).value == "আবাসিক"


def test_csv_layers_into_a_folder(city, tmp_path):
    dsn, _ = city
    run_export(dsn, ["building", "holding"], "csv", tmp_path / "out")
    with open(tmp_path / "out" / "building.csv", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert rows[0]["bin"] == "B000001" and rows[0]["geometry_wkt"].startswith(f"SRID={TEST_SRID};MULTIPOLYGON")
    assert rows[0]["structure_type"] == "rcc_framed"  # CSV keeps the codes (it is read back by imports)
    assert (tmp_path / "out" / "holding.csv").exists()
    single = tmp_path / "b.csv"
    run_export(dsn, ["building"], "csv", single)
    assert single.read_text(encoding="utf-8").startswith("bin,name,")


def _bins(dsn, filters, tmp_path, layer="building"):
    out = tmp_path / "f.csv"
    run_export(dsn, [layer], "csv", out, filters)
    with open(out, encoding="utf-8") as stream:
        return [r[next(iter(r))] for r in csv.DictReader(stream)]


def test_filters(city, tmp_path):
    dsn, _ = city
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO imis_core.ward (number, geom) VALUES (2, ST_GeomFromText(%s, %s))",
                    (f"MULTIPOLYGON((({X + 2100} {Y},{X + 4000} {Y},{X + 4000} {Y + 2000},{X + 2100} {Y + 2000},"
                     f"{X + 2100} {Y})))", TEST_SRID))
        cur.execute("UPDATE imis_core.building SET floor_count = 4, surveyed_date = '2024-02-10' WHERE bin = 'B000003'")
    assert _bins(dsn, Filters(ward=1), tmp_path) == ["B000001", "B000002", "B000003"]
    assert _bins(dsn, Filters(ward=2), tmp_path) == []
    assert _bins(dsn, Filters(ward=1), tmp_path, "road") == ["R-001"]  # no ward column: by location
    assert _bins(dsn, Filters(ward=2), tmp_path, "road") == []
    with pytest.raises(TransferError, match="no ward number 7"):
        _bins(dsn, Filters(ward=7), tmp_path)
    assert _bins(dsn, Filters(conditions=[parse_condition("floor_count>=3")]), tmp_path) == ["B000003"]
    assert _bins(dsn, Filters(conditions=[parse_condition("bin=B000001,B000003")]), tmp_path) == ["B000001", "B000003"]
    assert _bins(dsn, Filters(conditions=[parse_condition("bin!=B000001"), parse_condition("lic_code=LIC-01")]),
                 tmp_path) == ["B000003"]
    assert _bins(dsn, Filters(conditions=[parse_condition("name~COLONY")]), tmp_path, "low_income_community") == ["LIC-01"]
    assert _bins(dsn, Filters(date_from=dt.date(2024, 2, 10), date_to=dt.date(2024, 2, 10)), tmp_path) == ["B000003"]
    assert _bins(dsn, Filters(date_from=dt.date(2024, 2, 11)), tmp_path) == []
    assert _bins(dsn, Filters(bbox=(X + 100, Y + 520, X + 125, Y + 540)), tmp_path) == ["B000001"]
    area = f"POLYGON(({X + 125} {Y + 500},{X + 200} {Y + 500},{X + 200} {Y + 600},{X + 125} {Y + 600},{X + 125} {Y + 500}))"
    assert _bins(dsn, Filters(area_wkt=area), tmp_path) == ["B000002", "B000003"]
    # values are values, never SQL
    before = row_counts(dsn)
    assert _bins(dsn, Filters(conditions=[parse_condition("bin=x' OR '1'='1")]), tmp_path) == []
    assert _bins(dsn, Filters(conditions=[parse_condition("bin=B000001'; DROP TABLE imis_core.building; --")]),
                 tmp_path) == []
    assert row_counts(dsn) == before
    with pytest.raises(TransferError, match="No exported layer has a field 'drop'"):
        _bins(dsn, Filters(conditions=[parse_condition("drop=1")]), tmp_path)
    with pytest.raises(TransferError, match="not field<operator>value"):
        parse_condition("floor_count")
    with pytest.raises(TransferError, match="refused the export: invalid input syntax for type smallint"):
        _bins(dsn, Filters(conditions=[parse_condition("floor_count>=two")]), tmp_path)
    with pytest.raises(TransferError, match="no date field"):
        _bins(dsn, Filters(date_from=dt.date(2024, 1, 1), date_field="name"), tmp_path)


def test_export_permissions(city, tmp_path):
    """Exports run with the caller's login (a short test name: login names derive from it, 63 characters max)."""
    dsn, ids = city
    viewer = create_login(dsn, "imis_viewer")
    as_viewer = f"{dsn} user={viewer}"
    assert run_export(as_viewer, ["building"], "gpkg", tmp_path / "b.gpkg").rows == {"building": 3}
    with pytest.raises(TransferError, match="permission denied for table app_user"):
        run_export(as_viewer, ["app_user"], "xlsx", tmp_path / "u.xlsx")
    assert not (tmp_path / "u.xlsx").exists()
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(f'CREATE ROLE "{viewer}_nobody" LOGIN')
    with pytest.raises(TransferError, match="permission denied"):
        run_export(f"{dsn} user={viewer}_nobody", ["building"], "gpkg", tmp_path / "n.gpkg")
    # row-level security: a service provider exports only its own jobs
    own = create_login(dsn, "imis_service_provider", "_a", provider_id=ids["provider"])
    other = create_login(dsn, "imis_service_provider", "_b", provider_id=ids["other_provider"])
    assert run_export(f"{dsn} user={own}", ["application"], "csv", tmp_path / "a.csv").rows == {"application": 1}
    assert run_export(f"{dsn} user={other}", ["application"], "csv", tmp_path / "a.csv").rows == {"application": 0}
    assert run_export(f"{dsn} user={other}", ["application"], "gpkg", tmp_path / "a.gpkg").rows == {"application": 0}


def test_unknown_layer_and_format(city, tmp_path):
    dsn, _ = city
    with pytest.raises(TransferError, match="No IMIS table or view named 'buildings'. Known: .*building"):
        run_export(dsn, ["buildings"], "gpkg", tmp_path / "x.gpkg")
    with pytest.raises(TransferError, match="Unknown export format"):
        run_export(dsn, ["building"], "kml", tmp_path / "x.kml")
    with pytest.raises(TransferError, match="ending in .zip"):
        run_export(dsn, ["building"], "shp", tmp_path / "x.shp")


def test_views_export(city, tmp_path):
    dsn, _ = city
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("CREATE VIEW imis_app.test_ward_buildings AS SELECT w.number, count(b.id) AS buildings "
                    "FROM imis_core.ward w LEFT JOIN imis_core.building b ON b.ward_id = w.id GROUP BY w.number")
    out = tmp_path / "v.xlsx"
    assert run_export(dsn, ["imis_app.test_ward_buildings"], "xlsx", out).rows == {"test_ward_buildings": 1}
    sheet = load_workbook(out).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [["Number", "Buildings"], [1, 3]]


# --- Processing ---------------------------------------------------------------------------------------


def _run(algorithm_id, parameters):
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    return algorithm.run(parameters, QgsProcessingContext(), QgsProcessingFeedback(), catchExceptions=False)


def test_processing_export_then_import(provider, city, pg_server, tmp_path):
    dsn, _ = city
    for alg in ("export_data", "import_data"):
        algorithm = provider.algorithm(alg)
        assert algorithm.group() == "Data" and algorithm.groupId() == "data"
    out = tmp_path / "city.gpkg"
    layers = "ward, low_income_community, road, treatment_plant, drain, sewer, building"
    results, ok = _run("imis:export_data", {"DATABASE": dsn, "LAYERS": layers, "FORMAT": 0,
                                            "OUTPUT": str(out), "WHERE": "floor_count>=1"})
    assert ok and results["OUTPUT"] == str(out) and '"building": 3' in results["ROWS"]
    xlsx = tmp_path / "city.xlsx"
    results, ok = _run("imis:export_data", {"DATABASE": dsn, "LAYERS": "building", "FORMAT": 2, "OUTPUT": str(xlsx),
                                            "WARD": 1, "EXTENT": f"{X + 100},{X + 125},{Y + 520},{Y + 540} [EPSG:{TEST_SRID}]"})
    assert ok and '"building": 1' in results["ROWS"]

    target = pg_server.create_database("processing_import")
    from imis_plugin.db.migrate import upgrade

    upgrade(target, srid=TEST_SRID)
    mapping = str(DATABASE_DIR / "mappings" / "imis_export.toml")
    report = tmp_path / "report.csv"
    results, ok = _run("imis:import_data", {"DATABASE": target, "MAPPING": mapping, "FILES": [str(out)],
                                            "DRY_RUN": True, "REPORT": str(report)})
    assert ok and results["INSERTED"] == 10 and results["WRITTEN"] is False
    results, ok = _run("imis:import_data", {"DATABASE": target, "MAPPING": mapping, "FILES": [str(out)]})
    assert ok and results["INSERTED"] == 10 and results["WRITTEN"] is True
    with transaction(target) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM imis_core.building")
        assert cur.fetchone()[0] == 3
    # a refused import fails the algorithm and names the report
    broken = tmp_path / "broken.csv"
    broken.write_text("bin,floor_count,ward_number,geometry_wkt\nZ1,many,1,\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="rejected, so nothing was written.*report.csv"):
        _run("imis:import_data", {"DATABASE": target, "MAPPING": str(_building_csv_mapping(tmp_path)),
                                  "FILES": [str(broken)], "REPORT": str(report)})
    assert "not a whole number" in report.read_text(encoding="utf-8-sig")


def _building_csv_mapping(folder):
    path = folder / "csv.toml"
    path.write_text('[[layer]]\ntarget = "building"\nfields = "*"\n', encoding="utf-8")
    return path
