"""`imis import`: mapping files, every source format, validation with the rejected-rows report, idempotency,
dry runs, bad input (nothing written), and the round trip export -> import, against real PostGIS."""
import csv
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import psycopg2
import pytest
from openpyxl import Workbook, load_workbook
from osgeo import ogr, osr
from psycopg2 import sql
from psycopg2.extensions import make_dsn

from imis_plugin.db.connect import connect, transaction
from imis_plugin.db.migrate import upgrade
from imis_plugin.paths import DATABASE_DIR
from imis_plugin.transfer import TransferError, load
from imis_plugin.transfer.export import run_export
from imis_plugin.transfer.importer import run_import
from imis_plugin.transfer.mapping import load as load_mapping
from imis_plugin.transfer.validate import Params, typed
from tests.conftest import TEST_SRID
from tests.db import one as scalar
from tests.logins import create_login
from tests.sample_city import X, Y, populate, row_counts

ogr.UseExceptions()
MAPPINGS = DATABASE_DIR / "mappings"
ROUND_TRIP = ["ward", "holiday", "low_income_community", "treatment_plant", "road", "drain", "sewer", "water_body",
              "waterlogging_area", "building", "owner", "holding", "containment", "toilet", "service_provider",
              "vehicle", "application", "assessment", "emptying"]


# --- fixture files, written with OGR / openpyxl / plain text ---------------------------------------------


def write_vector(path: Path, layer: str, rows: list[dict], geometry_type=ogr.wkbPolygon, epsg: int | None = TEST_SRID,
                 fields: dict | None = None, driver: str = "GPKG") -> Path:
    """A vector file with one layer; rows hold attributes and 'wkt'. Appends a layer to an existing GPKG."""
    drv = ogr.GetDriverByName(driver)
    dataset = drv.Open(str(path), 1) if path.exists() and driver == "GPKG" else drv.CreateDataSource(str(path))
    srs = None
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lyr = dataset.CreateLayer(layer, srs, geometry_type)
    names = fields or {k: ogr.OFTString for row in rows for k in row if k != "wkt"}
    for name, kind in names.items():
        lyr.CreateField(ogr.FieldDefn(name, kind))
    for row in rows:
        feature = ogr.Feature(lyr.GetLayerDefn())
        for key, value in row.items():
            if key != "wkt" and value is not None:
                feature.SetField(key, value)
        if row.get("wkt"):
            feature.SetGeometry(ogr.CreateGeometryFromWkt(row["wkt"]))
        lyr.CreateFeature(feature)
    dataset = None
    return path


def square(x, y, size=10):
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


def write_mapping(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


BUILDINGS_MAPPING = """
[[layer]]
source = "buildings"
target = "building"
[layer.fields]
bin = "BIN"
structure_type = { source = "STRUCT", values = { "Pucca" = "rcc_framed", "Tin" = "cgi_sheet" } }
functional_use = "USE"
floor_count = "FLOORS"
ward_id = "WARD"
"""


def buildings(n=3):
    return [{"BIN": f"N{i + 1:05d}", "STRUCT": "Pucca", "USE": "residential", "FLOORS": "2", "WARD": "1",
             "wkt": square(X + 300 + 20 * i, Y + 700)} for i in range(n)]


@pytest.fixture
def city_dsn(head_dsn):
    populate(head_dsn)
    return head_dsn


# --- mapping files ----------------------------------------------------------------------------------------


def test_example_mappings_parse():
    for path in MAPPINGS.glob("*.toml"):
        mapping = load_mapping(path)
        assert mapping.layers, path


def test_mapping_errors_name_the_problem(tmp_path):
    with pytest.raises(TransferError, match="unknown key.*tagret"):
        load_mapping(write_mapping(tmp_path / "m.toml", '[[layer]]\ntagret = "building"\n'))
    with pytest.raises(TransferError, match="not valid TOML"):
        load_mapping(write_mapping(tmp_path / "m.toml", "[[layer]\n"))
    with pytest.raises(TransferError, match="'target'.*required"):
        load_mapping(write_mapping(tmp_path / "m.json", json.dumps({"layer": [{"source": "x"}]})))


def test_unknown_target_column_is_refused(city_dsn, tmp_path):
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", buildings())
    mapping = write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING + 'flor_count = "FLOORS"\n')
    with pytest.raises(TransferError, match="building has no column 'flor_count'"):
        run_import(city_dsn, mapping, [gpkg])


# --- a clean import, idempotency and dry run --------------------------------------------------------------


def test_import_inserts_then_rerun_changes_nothing(city_dsn, tmp_path):
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", buildings())
    mapping = write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING)
    first = run_import(city_dsn, mapping, [gpkg])
    assert first.written and not first.problems
    assert (first.total("inserted"), first.total("updated"), first.total("unchanged")) == (3, 0, 0)
    with transaction(city_dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT b.structure_type, b.functional_use, b.floor_count, w.number, ST_Area(b.geom), "
                    "GeometryType(b.geom), ST_SRID(b.geom) FROM imis_core.building b JOIN imis_core.ward w "
                    "ON w.id = b.ward_id WHERE b.bin = 'N00002'")
        assert cur.fetchone() == ("rcc_framed", "residential", 2, 1, 100.0, "MULTIPOLYGON", TEST_SRID)
    audit = scalar(city_dsn, "SELECT count(*) FROM imis_audit.log")
    versions = scalar(city_dsn, "SELECT sum(row_version) FROM imis_core.building")

    again = run_import(city_dsn, mapping, [gpkg])
    assert (again.total("inserted"), again.total("updated"), again.total("unchanged")) == (0, 0, 3)
    assert scalar(city_dsn, "SELECT count(*) FROM imis_audit.log") == audit  # nothing touched at all
    assert scalar(city_dsn, "SELECT sum(row_version) FROM imis_core.building") == versions

    # a changed value updates that row only
    changed = buildings()
    changed[1]["FLOORS"] = "5"
    gpkg2 = write_vector(tmp_path / "d.gpkg", "buildings", changed)
    third = run_import(city_dsn, mapping, [gpkg2])
    assert (third.total("inserted"), third.total("updated"), third.total("unchanged")) == (0, 1, 2)
    assert scalar(city_dsn, "SELECT row_version FROM imis_core.building WHERE bin = 'N00002'") == 2
    assert scalar(city_dsn, "SELECT row_version FROM imis_core.building WHERE bin = 'N00001'") == 1


# --- an initial load: indexes built after the rows, foreign keys checked in one join -------------------


@pytest.fixture
def empty_city(head_dsn, monkeypatch):
    """A city with one ward and no buildings; any import of 2+ rows counts as an initial load."""
    monkeypatch.setattr(load, "BULK_MIN_ROWS", 2)
    with transaction(head_dsn) as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO imis_core.ward (number, geom) VALUES (1, ST_Multi(ST_GeomFromText(%s, %s)))",
                    (square(X, Y, 2000), TEST_SRID))
    return head_dsn


def building_catalog(dsn) -> tuple[list, list]:
    """The building table's indexes and constraints as the server defines them, and the indexes' oids."""
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT c.relname, pg_get_indexdef(i.indexrelid), i.indexrelid FROM pg_index i "
                    "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'imis_core.building'::regclass "
                    "ORDER BY 1")
        indexes = cur.fetchall()
        cur.execute("SELECT conname, pg_get_constraintdef(oid), convalidated FROM pg_constraint "
                    "WHERE conrelid = 'imis_core.building'::regclass ORDER BY 1")
        return [i[:2] for i in indexes] + cur.fetchall(), [i[2] for i in indexes]


def test_initial_load_builds_indexes_after_the_rows_and_keeps_the_schema(empty_city, tmp_path):
    definitions, oids = building_catalog(empty_city)
    assert len(oids) == 10 and sum(1 for d in definitions if "FOREIGN KEY" in d[1]) == 10
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", buildings(5))
    result = run_import(empty_city, write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING), [gpkg])
    assert result.written and result.total("inserted") == 5
    after, new_oids = building_catalog(empty_city)
    assert after == definitions  # the same indexes and validated foreign keys, by name and definition
    assert set(new_oids) - set(oids)  # rebuilt: the initial-load path ran
    assert scalar(empty_city, "SELECT count(*) FROM imis_audit.log WHERE table_name = 'building' "
                              "AND action = 'INSERT'") == 5
    with pytest.raises(psycopg2.errors.ForeignKeyViolation), transaction(empty_city) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_core.building SET ward_id = gen_random_uuid() WHERE bin = 'N00001'")
    # a second import into the now populated table goes row by row and leaves the indexes alone
    more = write_vector(tmp_path / "c.gpkg", "buildings", [dict(b, BIN=f"M{i}") for i, b in enumerate(buildings(4))])
    run_import(empty_city, write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING), [more])
    assert building_catalog(empty_city)[1] == new_oids


def test_refused_initial_load_leaves_rows_indexes_and_keys_as_they_were(empty_city, tmp_path):
    with transaction(empty_city) as conn, conn.cursor() as cur:
        cur.execute("CREATE FUNCTION imis_app.test_refuse() RETURNS trigger LANGUAGE plpgsql AS "
                    "$$BEGIN IF NEW.bin = 'N00004' THEN RAISE EXCEPTION 'test_rule: % refused', NEW.bin; END IF; "
                    "RETURN NEW; END$$")
        cur.execute("CREATE TRIGGER test_refuse BEFORE INSERT ON imis_core.building FOR EACH ROW "
                    "EXECUTE FUNCTION imis_app.test_refuse()")
    before = building_catalog(empty_city)
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", buildings(5))
    with pytest.raises(TransferError, match="test_rule: N00004 refused"):
        run_import(empty_city, write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING), [gpkg])
    assert building_catalog(empty_city) == before
    assert scalar(empty_city, "SELECT count(*) FROM imis_core.building") == 0


def test_initial_load_goes_row_by_row_when_the_table_is_in_use_or_not_owned(empty_city, tmp_path):
    mapping = write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING)
    _, oids = building_catalog(empty_city)
    reader = connect(empty_city)  # a QGIS session in the middle of reading the layer
    try:
        with reader.cursor() as cur:
            cur.execute("SELECT count(*) FROM imis_core.building")
        gpkg = write_vector(tmp_path / "b.gpkg", "buildings", buildings(3))
        assert run_import(empty_city, mapping, [gpkg]).total("inserted") == 3
    finally:
        reader.close()
    assert building_catalog(empty_city)[1] == oids
    with transaction(empty_city) as conn, conn.cursor() as cur:
        cur.execute("DELETE FROM imis_core.building")
    editor = create_login(empty_city, "imis_gis_editor")  # may write buildings, does not own the table
    result = run_import(make_dsn(empty_city, user=editor), mapping, [gpkg])
    assert result.total("inserted") == 3
    assert building_catalog(empty_city)[1] == oids
    assert scalar(empty_city, "SELECT count(DISTINCT changed_by) FROM imis_core.building") == 1


def test_dry_run_counts_and_writes_nothing(city_dsn, tmp_path):
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", buildings(4))
    before = row_counts(city_dsn)
    result = run_import(city_dsn, write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING), [gpkg], dry_run=True)
    assert not result.written and result.total("inserted") == 4
    assert row_counts(city_dsn) == before


# --- rejected rows and the report -------------------------------------------------------------------------


def test_rejected_rows_refuse_the_import_and_are_reported(city_dsn, tmp_path):
    rows = buildings(6)
    rows[1]["FLOORS"] = "two"  # not a number
    rows[2]["STRUCT"] = "Bamboo"  # not in the value map nor the code list
    rows[3]["BIN"] = rows[0]["BIN"]  # duplicate key
    rows[4]["WARD"] = "99"  # no such ward
    rows[5]["wkt"] = f"POLYGON(({X} {Y},{X + 10} {Y + 10},{X + 10} {Y},{X} {Y + 10},{X} {Y}))"  # bow-tie
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", rows)
    report = tmp_path / "report.csv"
    before = row_counts(city_dsn)
    result = run_import(city_dsn, write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING), [gpkg], report_path=report)
    assert result.refused and not result.written
    assert row_counts(city_dsn) == before
    with open(report, encoding="utf-8-sig") as stream:
        lines = list(csv.DictReader(stream))
    found = {(r["row (spreadsheet row / feature number)"], r["field"]): r for r in lines}
    assert all(r["file"] == "b.gpkg" and r["outcome"] == "rejected" for r in lines)
    assert "not a whole number" in found[("2", "floor_count")]["reason"]
    assert found[("2", "floor_count")]["value"] == "two"
    assert "code list building_structure" in found[("3", "structure_type")]["reason"]
    assert found[("3", "structure_type")]["value"] == "Bamboo"
    assert "same bin is on rows 1, 4" in found[("4", "bin")]["reason"]
    assert ("1", "bin") in found
    assert "no ward with this number" in found[("5", "ward_id")]["reason"]
    assert "invalid geometry" in found[("6", "geom")]["reason"]
    assert "Self-intersection" in found[("6", "geom")]["value"]
    assert result.total("rejected_rows") == 6


def test_skip_rejected_loads_the_good_rows(city_dsn, tmp_path):
    rows = buildings(3)
    rows[1]["FLOORS"] = "-"
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", rows)
    result = run_import(city_dsn, write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING), [gpkg], skip_rejected=True)
    assert result.written and result.total("inserted") == 2 and result.total("rejected_rows") == 1
    assert scalar(city_dsn, "SELECT count(*) FROM imis_core.building WHERE bin LIKE 'N%%'") == 2


def test_invalid_geometry_repaired_on_request(city_dsn, tmp_path):
    rows = buildings(1)
    rows[0]["wkt"] = f"POLYGON(({X} {Y},{X + 10} {Y + 10},{X + 10} {Y},{X} {Y + 10},{X} {Y}))"
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", rows)
    report = tmp_path / "report.xlsx"
    result = run_import(city_dsn, write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING), [gpkg],
                        repair_geometries=True, report_path=report)
    assert result.written and result.total("inserted") == 1 and result.total("repaired_rows") == 1
    assert scalar(city_dsn, "SELECT ST_IsValid(geom) AND ST_NumGeometries(geom) = 2 FROM imis_core.building "
                            "WHERE bin = 'N00001'")
    sheet = load_workbook(report)["rejected rows"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[1][values[0].index("outcome")] == "repaired"
    assert "ST_MakeValid" in values[1][values[0].index("reason")]


def test_labels_and_values_of_code_lists_are_understood(city_dsn, tmp_path):
    rows = buildings(2)
    rows[0]["USE"] = "Educational"  # the English label
    rows[1]["USE"] = "শিক্ষা প্রতিষ্ঠান"  # the Bangla label
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", rows)
    run_import(city_dsn, write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING), [gpkg])
    assert scalar(city_dsn, "SELECT array_agg(DISTINCT functional_use) FROM imis_core.building "
                            "WHERE bin LIKE 'N%%'") == ["educational"]


def test_database_rules_are_checked_before_writing(city_dsn, tmp_path):
    rows = buildings(1)
    rows[0]["FLOORS"] = "0"  # ck_building_floor_count_at_least_one
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", rows)
    result = run_import(city_dsn, write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING), [gpkg])
    assert result.refused
    assert "ck_building_floor_count_at_least_one" in result.rejected[0].reason


# --- holdings, legacy codes and links ---------------------------------------------------------------------


HOLDINGS_MAPPING = """
[[layer]]
target = "holding"
legacy_codes = "{legacy}"
[layer.fields]
holding_code = "Holding No"
ward_id = "Ward"
annual_value_bdt = "Value"
[layer.links]
building = "BIN"
"""


def write_holdings(path: Path, rows: list[list]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Holdings"
    sheet.append(["Holding No", "Ward", "Value", "BIN"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_excel_holdings_with_links_legacy_codes_and_normalisation(city_dsn, tmp_path):
    xlsx = write_holdings(tmp_path / "h.xlsx", [
        ["01-002-0003-04", 1, 12000.5, "B000002;B000003"],
        ["1-2-33-5", 1, 5000, "B000001"],  # near-standard: normalised to 01-002-0033-05
        ["Old/77", 1, None, None],  # legacy
    ])
    strict = write_mapping(tmp_path / "strict.toml", HOLDINGS_MAPPING.format(legacy="reject"))
    result = run_import(city_dsn, strict, [xlsx])
    assert result.refused
    (problem,) = result.rejected
    assert problem.row == 4 and "standard form" in problem.reason  # spreadsheet row 4 (header is row 1)

    flag = write_mapping(tmp_path / "flag.toml", HOLDINGS_MAPPING.format(legacy="flag"))
    result = run_import(city_dsn, flag, [xlsx])
    assert result.written and result.total("inserted") == 3 and result.total("links_added") == 3
    assert {p.outcome for p in result.problems} == {"repaired", "note"}
    with transaction(city_dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT h.holding_code, h.is_legacy, h.annual_value_bdt, array_agg(b.bin ORDER BY b.bin) "
                    "FROM imis_core.holding h LEFT JOIN imis_core.building_holding bh ON bh.holding_id = h.id "
                    "LEFT JOIN imis_core.building b ON b.id = bh.building_id "
                    "WHERE h.holding_code IN ('01-002-0003-04', '01-002-0033-05', 'Old/77') GROUP BY 1, 2, 3 ORDER BY 1")
        assert cur.fetchall() == [("01-002-0003-04", False, 12000.5, ["B000002", "B000003"]),
                                  ("01-002-0033-05", False, 5000, ["B000001"]), ("Old/77", True, None, [None])]
    again = run_import(city_dsn, flag, [xlsx])
    assert again.total("unchanged") == 3 and again.total("links_added") == 0


def test_unknown_bin_in_a_link_is_rejected(city_dsn, tmp_path):
    xlsx = write_holdings(tmp_path / "h.xlsx", [["01-002-0003-04", 1, 100, "B000001;NOPE"]])
    result = run_import(city_dsn, write_mapping(tmp_path / "m.toml", HOLDINGS_MAPPING.format(legacy="reject")), [xlsx])
    assert result.refused
    (problem,) = result.rejected
    assert (problem.field, problem.value, problem.reason) == ("BIN", "NOPE", "no building with this bin")


# --- CSV points and other formats -------------------------------------------------------------------------


CONTAINMENTS_MAPPING = """
[[layer]]
target = "containment"
geometry = { x = "LON", y = "LAT" }
crs = "EPSG:4326"
encoding = "ENCODING"
[layer.fields]
code = "ID"
containment_type = "TYPE"
volume_m3 = "VOLUME"
construction_date = "BUILT"
notes = "NOTES"
[layer.links]
building = { source = "BINS", separator = "|" }
"""


def test_csv_points_reprojected_with_dates_and_links(city_dsn, tmp_path):
    data = tmp_path / "containments.csv"
    data.write_text("ID,TYPE,VOLUME,LON,LAT,BINS,BUILT,NOTES\n"
                    "C-9001,septic_tank_soak_pit,4.5,89.1,23.55,B000001|B000002,2019-03-01,near gate\n"
                    "C-9002,Septic tank to drain,2,89.1001,23.5501,,15/06/2020,\"two\nlines\"\n", encoding="utf-8")
    mapping = write_mapping(tmp_path / "m.toml", CONTAINMENTS_MAPPING.replace("ENCODING", "utf-8"))
    result = run_import(city_dsn, mapping, [data])
    assert result.written and result.total("inserted") == 2 and result.total("links_added") == 2
    with transaction(city_dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT code, containment_type, volume_m3, construction_date::text, notes, ST_SRID(location), "
                    "round(ST_X(ST_Transform(location, 4326))::numeric, 4) FROM imis_core.containment "
                    "WHERE code LIKE 'C-900%%' ORDER BY code")
        assert cur.fetchall() == [
            ("C-9001", "septic_tank_soak_pit", Decimal("4.5"), "2019-03-01", "near gate", TEST_SRID, Decimal("89.1")),
            ("C-9002", "septic_tank_drain", Decimal(2), "2020-06-15", "two\nlines", TEST_SRID, Decimal("89.1001"))]


@pytest.mark.parametrize("text, expected", [
    ("2024-02-29", "2024-02-29"), ("2023-02-29", None), ("2024-04-30", "2024-04-30"), ("2024-04-31", None),
    ("2024-01-28", "2024-01-28"), ("2024-12-31", "2024-12-31"), ("2024-13-01", None), ("2024-00-10", None),
    ("31/12/2023", "2023-12-31"), ("31/06/2023", None), ("2024-4-30", "2024-04-30"), ("2024-4-31", None),
    ("29/2/2023", None), ("2024/05/01 10:00", "2024-05-01"), ("0000-01-01", None), ("May 1", None)])
def test_dates_are_read_without_impossible_days(head_dsn, text, expected):
    """The guarded date cast: a day that does not exist is no date (a problem of the row), never an error."""
    params = Params()
    expression, _ = typed("date", "date", sql.SQL("%(t)s::text"), params)
    with transaction(head_dsn) as conn, conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT ({})::text").format(expression), {"t": text, **params.values})
        assert cur.fetchone()[0] == expected


def test_wrong_encoding_is_explained_and_the_right_one_works(city_dsn, tmp_path):
    data = tmp_path / "containments.csv"
    data.write_bytes("ID,TYPE,VOLUME,LON,LAT,BINS,BUILT,NOTES\nC-9101,,1,89.1,23.55,,,caf\u00e9\n".encode("cp1252"))
    with pytest.raises(TransferError, match=r"containments.csv: line 2 is not valid utf-8.*encoding"):
        run_import(city_dsn, write_mapping(tmp_path / "m.toml", CONTAINMENTS_MAPPING.replace("ENCODING", "utf-8")), [data])
    result = run_import(city_dsn, write_mapping(tmp_path / "m2.toml", CONTAINMENTS_MAPPING.replace("ENCODING", "cp1252")),
                        [data])
    assert result.written
    assert scalar(city_dsn, "SELECT notes FROM imis_core.containment WHERE code = 'C-9101'") == "caf\u00e9"


def test_ragged_csv_names_the_line(city_dsn, tmp_path):
    data = tmp_path / "containments.csv"
    data.write_text("ID,TYPE,VOLUME,LON,LAT,BINS,BUILT,NOTES\nC-1,,1,89.1,23.55,,,\nC-2,,1,89.1,23.55,,,,extra\n",
                    encoding="utf-8")
    before = row_counts(city_dsn)
    with pytest.raises(TransferError, match="containments.csv: line 3: extra data after last expected column"):
        run_import(city_dsn, write_mapping(tmp_path / "m.toml", CONTAINMENTS_MAPPING.replace("ENCODING", "utf-8")), [data])
    assert row_counts(city_dsn) == before


ROADS_MAPPING = """
[[layer]]
target = "road"
[layer.fields]
code = { source = "ID", prefix = "R-" }
name = "NAME"
width_m = "WIDTH"
"""


def test_shapefile_lines(city_dsn, tmp_path):
    rows = [{"ID": "77", "NAME": "Canal Road", "WIDTH": "3.5", "wkt": f"LINESTRING({X} {Y + 900},{X + 400} {Y + 900})"}]
    shp = write_vector(tmp_path / "roads.shp", "roads", rows, ogr.wkbLineString, driver="ESRI Shapefile")
    mapping = write_mapping(tmp_path / "m.toml", ROADS_MAPPING)
    assert run_import(city_dsn, mapping, [shp]).total("inserted") == 1
    assert scalar(city_dsn, "SELECT width_m FROM imis_core.road WHERE code = 'R-77'") == 3.5


def test_geojson_in_wgs84_is_reprojected(city_dsn, tmp_path):
    rows = [{"ID": "88", "NAME": "River Road", "WIDTH": "6",
             "wkt": "LINESTRING(89.10 23.55,89.11 23.55)"}]
    geojson = write_vector(tmp_path / "roads.geojson", "roads", rows, ogr.wkbLineString, epsg=4326, driver="GeoJSON")
    run_import(city_dsn, write_mapping(tmp_path / "m.toml", ROADS_MAPPING), [geojson])
    length = scalar(city_dsn, "SELECT ST_Length(geom) FROM imis_core.road WHERE code = 'R-88'")
    assert 1000 < length < 1030  # 0.01 degree of longitude at 23.55 N is about 1,020 m


# --- bad input: a clear message and nothing written ---------------------------------------------------------


def test_corrupt_file(city_dsn, tmp_path):
    bad = tmp_path / "b.gpkg"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4000)
    before = row_counts(city_dsn)
    with pytest.raises(TransferError, match=r"b.gpkg: cannot read the file"):
        run_import(city_dsn, write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING), [bad])
    assert row_counts(city_dsn) == before


def test_missing_column(city_dsn, tmp_path):
    rows = [{k: v for k, v in row.items() if k != "FLOORS"} for row in buildings(2)]
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", rows)
    with pytest.raises(TransferError, match=r"has no column 'FLOORS'. Its columns: BIN, STRUCT, USE, WARD"):
        run_import(city_dsn, write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING), [gpkg])


def test_wrong_geometry_type(city_dsn, tmp_path):
    rows = [{**row, "wkt": f"POINT({X + 1} {Y + 1})"} for row in buildings(2)]
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", rows, ogr.wkbPoint)
    with pytest.raises(TransferError, match="holds Point geometries, but building needs polygons"):
        run_import(city_dsn, write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING), [gpkg])


def test_wrong_geometry_type_of_one_feature(city_dsn, tmp_path):
    rows = buildings(2)
    rows[1]["wkt"] = f"LINESTRING({X} {Y},{X + 5} {Y + 5})"
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", rows, ogr.wkbUnknown)
    result = run_import(city_dsn, write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING), [gpkg])
    assert result.refused and result.rejected[0].row == 2
    assert "wrong geometry type" in result.rejected[0].reason


def test_unknown_crs(city_dsn, tmp_path):
    shp = write_vector(tmp_path / "buildings.shp", "buildings", buildings(1), epsg=None, driver="ESRI Shapefile")
    mapping = write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING.replace('source = "buildings"\n', ""))
    with pytest.raises(TransferError, match=r"does not say which coordinate reference system.*crs = \"EPSG:4326\""):
        run_import(city_dsn, mapping, [shp])
    with_crs = write_mapping(tmp_path / "m2.toml", BUILDINGS_MAPPING.replace('source = "buildings"\n',
                                                                             f'crs = "EPSG:{TEST_SRID}"\n'))
    assert run_import(city_dsn, with_crs, [shp]).written


def test_file_without_a_mapping_layer_and_layer_without_a_file(city_dsn, tmp_path):
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", buildings(1))
    other = write_vector(tmp_path / "o.gpkg", "other", buildings(1))
    mapping = write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING)
    with pytest.raises(TransferError, match="o.gpkg: no layer of the mapping"):
        run_import(city_dsn, mapping, [gpkg, other])
    with pytest.raises(TransferError, match="no file given holds a layer or sheet named 'buildings'"):
        run_import(city_dsn, mapping, [other])


def test_database_refusal_rolls_everything_back(city_dsn, tmp_path):
    """A rule only a trigger knows (not checked in staging) still leaves nothing written."""
    with transaction(city_dsn) as conn, conn.cursor() as cur:
        cur.execute("CREATE FUNCTION pg_temp.x() RETURNS int LANGUAGE sql AS 'SELECT 1'")
        cur.execute("CREATE OR REPLACE FUNCTION imis_app.test_refuse() RETURNS trigger LANGUAGE plpgsql AS "
                    "$$BEGIN IF NEW.bin = 'N00002' THEN RAISE EXCEPTION 'test_rule: % refused', NEW.bin; END IF; "
                    "RETURN NEW; END$$")
        cur.execute("CREATE TRIGGER test_refuse BEFORE INSERT ON imis_core.building FOR EACH ROW "
                    "EXECUTE FUNCTION imis_app.test_refuse()")
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", buildings(3))
    before = row_counts(city_dsn)
    with pytest.raises(TransferError, match="test_rule: N00002 refused"):
        run_import(city_dsn, write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING), [gpkg])
    assert row_counts(city_dsn) == before


# --- the example survey mapping ------------------------------------------------------------------------


def survey_files(folder: Path) -> list[Path]:
    """A small municipal survey in the shapes database/mappings/municipal_survey.toml reads."""
    lon, lat = 89.15, 23.54
    step = 0.0002
    gpkg = folder / "survey.gpkg"
    write_vector(gpkg, "wards", [{"WARD_NO": 5, "WARD_NAME": "Ward five",
                                  "wkt": f"POLYGON(({lon} {lat},{lon + 0.01} {lat},{lon + 0.01} {lat + 0.01},"
                                         f"{lon} {lat + 0.01},{lon} {lat}))"}],
                 ogr.wkbPolygon, 4326, fields={"WARD_NO": ogr.OFTInteger, "WARD_NAME": ogr.OFTString})
    rows = []
    for i, (struct, use, toilet, date) in enumerate([("Pucca", "Residential", "Septic", "2024-05-01"),
                                                     ("Tin shed", "commercial", "Pit", "02/05/2024"),
                                                     ("Kacha", "Residential", "None", "")]):
        x = lon + 0.001 + i * step * 3
        rows.append({"BIN": f"S{i + 1:04d}", "HOUSE_NO": f"{i + 10}", "STRUCTURE": struct, "USE": use,
                     "FLOORS": i + 1, "HOUSEHOLDS": 2, "POPULATION": 8, "WARD_NO": 5, "ROAD_ID": "12",
                     "TOILET": toilet, "SURVEY_DATE": date or None,
                     "wkt": f"POLYGON(({x} {lat + 0.001},{x + step} {lat + 0.001},{x + step} {lat + 0.001 + step},"
                            f"{x} {lat + 0.001 + step},{x} {lat + 0.001}))"})
    write_vector(gpkg, "buildings", rows, ogr.wkbPolygon, 4326,
                 fields={"BIN": ogr.OFTString, "HOUSE_NO": ogr.OFTString, "STRUCTURE": ogr.OFTString,
                         "USE": ogr.OFTString, "FLOORS": ogr.OFTInteger, "HOUSEHOLDS": ogr.OFTInteger,
                         "POPULATION": ogr.OFTInteger, "WARD_NO": ogr.OFTInteger, "ROAD_ID": ogr.OFTString,
                         "TOILET": ogr.OFTString, "SURVEY_DATE": ogr.OFTString})
    write_vector(folder / "roads.shp", "roads", [{"ROAD_ID": "12", "ROAD_NAME": "Hospital Road", "ROAD_TYPE": "Lane",
                                                 "SURFACE": "Brick", "WIDTH": 2.5,
                                                 "wkt": f"LINESTRING({lon} {lat + 0.0005},{lon + 0.01} {lat + 0.0005})"}],
                 ogr.wkbLineString, 4326, fields={"ROAD_ID": ogr.OFTString, "ROAD_NAME": ogr.OFTString,
                                                  "ROAD_TYPE": ogr.OFTString, "SURFACE": ogr.OFTString,
                                                  "WIDTH": ogr.OFTReal}, driver="ESRI Shapefile")
    write_vector(folder / "drains.geojson", "drains", [{"DRAIN_ID": "D-77", "COVERED": "Y", "PUCCA": "N",
                                                       "WIDTH_MM": 300,
                                                       "wkt": f"LINESTRING({lon} {lat + 0.0004},{lon + 0.01} {lat + 0.0004})"}],
                 ogr.wkbLineString, 4326, fields={"DRAIN_ID": ogr.OFTString, "COVERED": ogr.OFTString,
                                                  "PUCCA": ogr.OFTString, "WIDTH_MM": ogr.OFTInteger}, driver="GeoJSON")
    write_holdings(folder / "holdings.xlsx", [["05-001-0001-00", 5, 36000, "S0001"],
                                               ["H-5/old", 5, None, "S0002;S0003"]])
    workbook = load_workbook(folder / "holdings.xlsx")
    sheet = workbook.active
    sheet["A1"], sheet["C1"], sheet["D1"] = "Holding No", "Annual value", "BIN"
    sheet.insert_cols(3)
    sheet["C1"] = "Address"
    sheet["C2"] = "10 Hospital Road"
    workbook.save(folder / "holdings.xlsx")
    (folder / "containments.csv").write_text(
        "CONTAINMENT_ID,TYPE,VOLUME_M3,LON,LAT,BUILT,BINS\n"
        f"C-S1,Septic tank to soak pit,3,{lon + 0.0011},{lat + 0.0009},2015-01-01,S0001\n"
        f"C-S2,lined_pit_soak_pit,1.5,{lon + 0.0018},{lat + 0.0009},,S0002;S0003\n", encoding="utf-8")
    return [gpkg, folder / "roads.shp", folder / "drains.geojson", folder / "holdings.xlsx", folder / "containments.csv"]


def test_municipal_survey_example(head_dsn, tmp_path):
    files = survey_files(tmp_path)
    mapping = MAPPINGS / "municipal_survey.toml"
    dry = run_import(head_dsn, mapping, files, dry_run=True)
    assert not dry.rejected, [p.reason for p in dry.rejected]
    assert [(j.table, j.counts.inserted) for j in dry.jobs] == [("ward", 1), ("road", 1), ("drain", 1), ("building", 3),
                                                               ("holding", 2), ("containment", 2)]
    assert row_counts(head_dsn)["imis_core.building"] == 0
    result = run_import(head_dsn, mapping, files)
    assert result.written
    with transaction(head_dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT b.bin, b.structure_type, b.functional_use, b.sanitation_system, b.surveyed_date::text, "
                    "w.number, r.code, b.vehicle_accessible FROM imis_core.building b "
                    "JOIN imis_core.ward w ON w.id = b.ward_id JOIN imis_core.road r ON r.id = b.road_id ORDER BY b.bin")
        assert cur.fetchall() == [
            ("S0001", "rcc_framed", "residential", "septic_tank", "2024-05-01", 5, "R-12", True),
            ("S0002", "cgi_sheet", "commercial", "pit_holding_tank", "2024-05-02", 5, "R-12", True),
            ("S0003", "wooden_mud", "residential", "open_defecation", None, 5, "R-12", True)]
        cur.execute("SELECT hierarchy, surface, width_m FROM imis_core.road WHERE code = 'R-12'")
        assert cur.fetchone() == ("other", "brick_paved", 2.5)
        cur.execute("SELECT cover, lining, size_mm FROM imis_core.drain WHERE code = 'D-77'")
        assert cur.fetchone() == ("closed", "unlined", 300)
        cur.execute("SELECT holding_code, is_legacy, address FROM imis_core.holding ORDER BY 1")
        assert cur.fetchall() == [("05-001-0001-00", False, "10 Hospital Road"), ("H-5/old", True, None)]
        cur.execute("SELECT count(*) FROM imis_core.building_containment")
        assert cur.fetchone()[0] == 3
    assert run_import(head_dsn, mapping, files).total("unchanged") == 10


# --- round trip -------------------------------------------------------------------------------------------


def _dump(dsn, folder: Path) -> dict[str, str]:
    """Every round-trip table as CSV text, geometries normalised (a Shapefile stores rings the other way round)."""
    run_export(dsn, ROUND_TRIP, "csv", folder)
    dump = {}
    for name in ROUND_TRIP:
        with open(folder / f"{name}.csv", encoding="utf-8", newline="") as stream:
            rows = list(csv.reader(stream))
        if "geometry_wkt" in rows[0]:
            i = rows[0].index("geometry_wkt")
            with transaction(dsn) as conn, conn.cursor() as cur:
                for row in rows[1:]:
                    cur.execute("SELECT ST_AsEWKT(ST_Normalize(ST_GeomFromEWKT(%s)))", (row[i] or None,))
                    row[i] = cur.fetchone()[0]
        dump[name] = rows
    return dump


@pytest.mark.parametrize("fmt, suffix", [("gpkg", "city.gpkg"), ("shp", "city.zip"), ("csv", "csv")])
def test_round_trip_export_then_import_reproduces_the_data(city_dsn, pg_server, tmp_path, fmt, suffix):
    expected = _dump(city_dsn, tmp_path / "expected")
    exported = tmp_path / suffix
    run_export(city_dsn, ROUND_TRIP, fmt, exported)
    target = pg_server.create_database(f"round_trip_{fmt}")
    upgrade(target, srid=TEST_SRID)
    files = sorted(exported.glob("*.csv")) if fmt == "csv" else [exported]
    mapping = MAPPINGS / "imis_export.toml"
    result = run_import(target, mapping, files)
    assert result.written and not result.rejected, [(p.table, p.row, p.field, p.reason) for p in result.rejected]
    assert result.total("inserted") == sum(len(rows) - 1 for rows in expected.values())
    assert _dump(target, tmp_path / "actual") == expected
    again = run_import(target, mapping, files)
    assert again.total("inserted") == again.total("updated") == again.total("links_added") == 0


def test_cli_import_exit_codes_and_report(city_dsn, tmp_path):
    rows = buildings(2)
    rows[1]["FLOORS"] = "x"
    gpkg = write_vector(tmp_path / "b.gpkg", "buildings", rows)
    mapping = write_mapping(tmp_path / "m.toml", BUILDINGS_MAPPING)
    report = tmp_path / "r.csv"
    imis = [sys.executable, "-m", "imis_plugin.cli"]
    done = subprocess.run([*imis, "import", "--dsn", city_dsn, str(mapping), str(gpkg), "--report", str(report)],
                          capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert "NOTHING was written" in done.stdout and report.exists()
    done = subprocess.run([*imis, "import", "--dsn", city_dsn, str(mapping), str(gpkg), "--skip-rejected"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "row 2 floor_count: rejected" in done.stderr
