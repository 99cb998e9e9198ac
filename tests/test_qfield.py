"""QField packages and field-edit imports against real PostGIS and QGIS: a round trip edited with PyQGIS and
compared row by row, conflicts, idempotent re-import, an interrupted import, refused packages, and the
package project opened offline in QGIS."""
import datetime as dt
import decimal
import json
import sqlite3
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from qgis.core import QgsGeometry, QgsProject, QgsVectorLayer, QgsVectorLayerUtils

from imis_plugin.db.connect import connect, transaction
from imis_plugin.db.migrate import upgrade
from imis_plugin.qfield import Area, FieldSyncError, configure_store, create_package, import_package
from imis_plugin.qfield.gpkg import open_dataset, read_layer
from imis_plugin.qfield.manifest import FILE_NAME
from imis_plugin.qfield.project import ACTION, LAYER_PROPERTY, NO_ACTION, OFFLINE, SOURCE_KEYS
from imis_plugin.transfer.progress import Progress

from .conftest import TEST_SRID
from .db import rows as query
from .logins import create_login
from .sample_city import X, Y, days_ago, populate, square

# a real (tiny) JPEG: SOI, APP0/JFIF header, EOI
JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")


def fingerprint(dsn) -> dict:
    """Row count and a hash of every row of every IMIS table (the audit log included)."""
    with connect(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                    "WHERE table_schema LIKE 'imis\\_%%' AND table_type = 'BASE TABLE' ORDER BY 1")
        result = {}
        for (table,) in cur.fetchall():
            # names from the catalog
            cur.execute(f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {table} t")
            result[table] = cur.fetchone()
    return result


def _city(dsn: str, store: Path):
    """The sample city, an open job for the provider, the two field logins and an attachment store."""
    ids = populate(dsn)
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO imis_fsm.application (code, provider_id, building_id, containment_id, customer_name, "
                    "application_date) VALUES ('APP-0002', %s, %s, %s, 'Abdul Karim', %s) RETURNING id",
                    (ids["provider"], ids["buildings"][1], ids["containment"], days_ago(3)))
        ids["open_application"] = cur.fetchone()[0]
    logins = {"surveyor": create_login(dsn, "imis_gis_editor"),
              "provider": create_login(dsn, "imis_service_provider", provider_id=ids["provider"])}
    configure_store(dsn, store)
    return dsn, ids, logins, store


@pytest.fixture
def city(head_dsn, tmp_path):
    """A city of this test's own, to edit."""
    return _city(head_dsn, tmp_path / "attachments")


@pytest.fixture(scope="module")
def shared_city(pg_server, tmp_path_factory):
    """A city for tests whose imports are refused (they prove nothing changes) and that only read."""
    dsn = pg_server.create_database("qfield_shared")
    upgrade(dsn, srid=TEST_SRID)
    return _city(dsn, tmp_path_factory.mktemp("attachments"))


def open_package(folder: Path) -> QgsProject:
    project = QgsProject()
    assert project.read(str(next(folder.glob("*.qgs")))), project.error()
    return project


def layer_of(project: QgsProject, name: str) -> QgsVectorLayer:
    return next(lyr for lyr in project.mapLayers().values() if lyr.customProperty(LAYER_PROPERTY) == name)


def add_feature(layer: QgsVectorLayer, values: dict, wkt: str | None = None) -> str:
    """A new feature made as QField makes it (the form's defaults, then the surveyor's values); returns its id."""
    geometry = QgsGeometry.fromWkt(wkt) if wkt else QgsGeometry()
    attributes = {layer.fields().indexOf(k): v for k, v in values.items()}
    feature = QgsVectorLayerUtils.createFeature(layer, geometry, attributes, layer.createExpressionContext())
    assert layer.addFeature(feature)
    return feature["id"]


def edit(layer: QgsVectorLayer, action) -> None:
    assert layer.startEditing()
    action(layer)
    assert layer.commitChanges(), layer.commitErrors()


def feature_by(layer: QgsVectorLayer, field: str, value):
    return next(f for f in layer.getFeatures() if f[field] == value)


def comparable(value):
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def assert_database_matches_package(dsn: str, folder: Path, layers: dict[str, str]) -> None:
    """Every row of every edited layer of the package is in the database with the same values and shape,
    and the database holds no other row of the package's ids; photo values map to stored attachments."""
    manifest = json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))
    ds = open_dataset(folder / "data.gpkg")
    for name, table in layers.items():
        entry = manifest["layers"][name]
        geometry = entry["geometry"]
        attributes = [c for c in entry["columns"] if c != geometry]
        field_rows = read_layer(ds, name, tuple(entry["columns"]), geometry).rows
        columns = ", ".join(f"t.{c}" for c in attributes)  # names from the manifest this test wrote
        geom = f", ST_AsBinary(t.{geometry})" if geometry else ""
        database = {row[0]: row[1:] for row in query(dsn, f"SELECT t.id::text, {columns}{geom} FROM {table} t "
                                                          "WHERE t.id = ANY(%s::uuid[])",
                                                     (list(entry["rows"]) + [r.id for r in field_rows],))}
        assert set(database) == {r.id for r in field_rows}, f"{name}: rows differ"
        for row in field_rows:
            office = database[row.id]
            for column, value in zip(attributes, office):
                expected = row.values[column]
                if column in entry["photos"] and expected:
                    stored = query(dsn, "SELECT path FROM imis_core.attachment WHERE row_id = %s AND column_name = %s "
                                        "AND original_name = %s", (row.id, column, expected))
                    assert stored == [(value,)], f"{name}.{column}: photo not stored"
                    continue
                if isinstance(expected, float):
                    assert float(value) == pytest.approx(expected), f"{name} {row.id} {column}"
                elif isinstance(value, dt.datetime):  # a field time without a zone is the city's time
                    instant = dt.datetime.fromisoformat(expected)
                    if instant.tzinfo is None:
                        instant = instant.replace(tzinfo=ZoneInfo("Asia/Dhaka"))
                    assert value == instant, f"{name} {row.id} {column}"
                else:
                    assert comparable(value) == expected, f"{name} {row.id} {column}"
            if geometry:
                assert (bytes(office[-1]) if office[-1] is not None else None) == row.wkb, f"{name} {row.id} shape"


def test_round_trip_applies_every_field_edit(city, tmp_path, qgis_app):
    dsn, ids, logins, store = city
    survey = create_package(dsn, tmp_path / "ward1", "survey", area=Area(wards=[1]), field_user=logins["surveyor"])
    jobs = create_package(dsn, tmp_path / "jobs", "provider", provider="SP-01", field_user=logins["provider"])

    # survey: a new building (with its containment link), an edited containment, a deleted link
    project = open_package(survey.folder)
    buildings, containments = layer_of(project, "building"), layer_of(project, "containment")
    links = layer_of(project, "building_containment")
    new_building = {}
    edit(buildings, lambda lyr: new_building.setdefault("id", add_feature(lyr, {
        "bin": "B000010", "functional_use": "residential", "use_category": "single_family", "floor_count": 3,
        "population": 6, "female_population": 3, "male_population": 3, "ward_id": str(ids["ward"]),
        "sanitation_system": "septic_tank", "surveyed_date": dt.date.today().isoformat()},
        square(X + 300, Y + 520, 15))))
    edit(containments, lambda lyr: (
        lyr.changeAttributeValue(feature_by(lyr, "code", "C-0001").id(), lyr.fields().indexOf("volume_m3"), 7.5),
        lyr.changeAttributeValue(feature_by(lyr, "code", "C-0001").id(), lyr.fields().indexOf("notes"),
                                 "Lid replaced")))
    gone_link = feature_by(links, "building_id", str(ids["buildings"][1]))
    edit(links, lambda lyr: (lyr.deleteFeature(gone_link.id()),
                             add_feature(lyr, {"building_id": new_building["id"],
                                               "containment_id": str(ids["containment"])})))

    # provider: the open job emptied, with a photo taken in QField
    (jobs.folder / "DCIM" / "emptying_before.jpg").write_bytes(JPEG)
    project = open_package(jobs.folder)
    emptyings = layer_of(project, "emptying")
    new_emptying = {}
    edit(emptyings, lambda lyr: new_emptying.setdefault("id", add_feature(lyr, {
        "application_id": str(ids["open_application"]), "emptied_date": dt.date.today().isoformat(),
        "volume_m3": 2.5, "trips": 2, "method": "mechanical", "receipt_number": "R-77",
        "start_time": f"{dt.date.today().isoformat()}T08:30:00", "end_time": f"{dt.date.today().isoformat()}T09:15:00",
        "photo_before": "DCIM/emptying_before.jpg"})))

    result = import_package(dsn, survey.folder)
    assert (result.total("inserted"), result.total("updated"), result.total("deleted")) == (2, 1, 1), result.summary()
    assert result.issues == []
    assert_database_matches_package(dsn, survey.folder, {"building": "imis_core.building",
                                                         "containment": "imis_core.containment",
                                                         "building_containment": "imis_core.building_containment"})
    # (compared before the emptying arrives: the database's FSM rules may then update the containment)
    result = import_package(dsn, jobs.zip_path.parent / "jobs")
    assert result.total("inserted") == 1 and result.attachments == 1 and result.issues == []
    assert_database_matches_package(dsn, jobs.folder, {"application": "imis_fsm.application",
                                                       "emptying": "imis_fsm.emptying"})
    # the audit trail and the rows name the field users, and the photo is in the store with its checksum
    assert query(dsn, "SELECT changed_by FROM imis_core.building WHERE bin = 'B000010'") == [(logins["surveyor"],)]
    assert query(dsn, "SELECT role_name FROM imis_audit.log WHERE table_name = 'containment' AND action = 'UPDATE' "
                      "AND new_row->>'notes' = 'Lid replaced' AND old_row->>'notes' IS NULL") == [(logins["surveyor"],)]
    assert query(dsn, "SELECT role_name FROM imis_audit.log WHERE table_name = 'building_containment' "
                      "AND action = 'DELETE'") == [(logins["surveyor"],)]
    assert query(dsn, "SELECT role_name FROM imis_audit.log WHERE table_name = 'emptying' AND action = 'INSERT' "
                      "AND row_id = %s", (new_emptying["id"],)) == [(logins["provider"],)]
    path, digest, size = query(dsn, "SELECT path, sha256, size_bytes FROM imis_core.attachment WHERE row_id = %s",
                               (new_emptying["id"],))[0]
    import hashlib

    assert (store / path).read_bytes() == JPEG and digest == hashlib.sha256(JPEG).hexdigest() and size == len(JPEG)
    assert query(dsn, "SELECT photo_before FROM imis_fsm.emptying WHERE id = %s", (new_emptying["id"],)) == [(path,)]


def office(dsn, statement, params=None):
    """An office edit, committed while the package is in the field."""
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(statement, params)


def test_rows_changed_in_the_office_are_reported_not_overwritten(city, tmp_path, qgis_app):
    dsn, ids, logins, _store = city
    package = create_package(dsn, tmp_path / "ward1", "survey", area=Area(wards=[1]), field_user=logins["surveyor"])
    b1, b2, b3 = (str(b) for b in ids["buildings"])
    office(dsn, "UPDATE imis_core.containment SET volume_m3 = 9 WHERE code = 'C-0001'")
    office(dsn, "UPDATE imis_core.building SET name = 'Office name' WHERE id = %s", (b2,))
    office(dsn, "DELETE FROM imis_core.building_containment WHERE building_id = %s", (b1,))

    project = open_package(package.folder)
    buildings, containments = layer_of(project, "building"), layer_of(project, "containment")
    links = layer_of(project, "building_containment")
    edit(containments, lambda lyr: lyr.changeAttributeValue(
        feature_by(lyr, "code", "C-0001").id(), lyr.fields().indexOf("volume_m3"), 5.5))
    edit(buildings, lambda lyr: (
        lyr.deleteFeature(feature_by(lyr, "id", b2).id()),  # the office renamed it meanwhile
        lyr.changeAttributeValue(feature_by(lyr, "id", b3).id(), lyr.fields().indexOf("floor_count"), 4)))
    edit(links, lambda lyr: lyr.changeAttributeValue(feature_by(lyr, "building_id", b1).id(),
                                                     lyr.fields().indexOf("building_id"), b3))

    result = import_package(dsn, package.folder, report=tmp_path / "report.xlsx",
                            conflicts=tmp_path / "conflicts.gpkg")
    assert result.total("updated") == 1 and len(result.conflicts) == 3 and result.rejected == []
    reasons = {(i.layer, i.action): i.reason for i in result.conflicts}
    assert "changed in the office" in reasons[("containment", "update")]
    assert "deleted in the field but changed in the office" in reasons[("building", "delete")]
    assert "deleted in the office" in reasons[("building_containment", "update")]
    # office values kept, the field's edit without conflict applied
    assert query(dsn, "SELECT volume_m3 FROM imis_core.containment WHERE code = 'C-0001'") == [
        (decimal.Decimal("9.000"),)]
    assert query(dsn, "SELECT name FROM imis_core.building WHERE id = %s", (b2,)) == [("Office name",)]
    assert query(dsn, "SELECT floor_count FROM imis_core.building WHERE id = %s", (b3,)) == [(4,)]

    from openpyxl import load_workbook

    sheet = load_workbook(result.report_path)["not applied"]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    volume = next(r for r in rows if r[0] == "containment")
    assert volume[4:5] == ["conflict"] and volume[7:] == ["volume_m3", "9", "5.5"]
    layer = QgsVectorLayer(f"{result.conflicts_path}|layername=conflicts_containment", "c", "ogr")
    versions = {f["version"]: f["volume_m3"] for f in layer.getFeatures()}
    assert versions == {"office": 9.0, "field": 5.5}
    assert all(not f.geometry().isEmpty() for f in layer.getFeatures())

    # importing again changes nothing and reports the same conflicts
    before = fingerprint(dsn)
    again = import_package(dsn, package.folder, report=tmp_path / "again.csv", conflicts=tmp_path / "again.gpkg")
    assert again.applied == 0 and len(again.conflicts) == 3
    assert fingerprint(dsn) == before
    assert "volume_m3" in (tmp_path / "again.csv").read_text(encoding="utf-8-sig")


def test_importing_twice_changes_nothing_and_later_edits_still_arrive(city, tmp_path, qgis_app):
    dsn, ids, logins, store = city
    package = create_package(dsn, tmp_path / "jobs", "provider", provider="SP-01", field_user=logins["provider"])
    (package.folder / "DCIM" / "after.jpg").write_bytes(JPEG)
    project = open_package(package.folder)
    emptyings = layer_of(project, "emptying")
    edit(emptyings, lambda lyr: add_feature(lyr, {
        "application_id": str(ids["open_application"]), "emptied_date": dt.date.today().isoformat(),
        "volume_m3": 1.5, "photo_after": "DCIM/after.jpg"}))
    first = import_package(dsn, package.folder)
    assert first.total("inserted") == 1 and first.attachments == 1
    # the form's defaults (the database's) filled what the provider left empty
    assert query(dsn, "SELECT trips, method FROM imis_fsm.emptying WHERE volume_m3 = 1.5") == [(1, "mechanical")]

    before = fingerprint(dsn)
    second = import_package(dsn, package.folder)
    assert second.applied == 0 and second.issues == []
    assert fingerprint(dsn) == before
    assert len(list(store.rglob("*.jpg"))) == 1

    # the provider keeps working on the same package: the new edit is based on what the first import wrote
    edit(emptyings, lambda lyr: lyr.changeAttributeValue(
        feature_by(lyr, "volume_m3", 1.5).id(), lyr.fields().indexOf("receipt_number"), "R-100"))
    third = import_package(dsn, package.folder)
    assert third.total("updated") == 1 and third.issues == []
    assert query(dsn, "SELECT receipt_number, row_version FROM imis_fsm.emptying WHERE volume_m3 = 1.5") == [
        ("R-100", 2)]

    # a new package carries the stored photo; editing something else leaves the photo as it is
    later = create_package(dsn, tmp_path / "later", "provider", provider="SP-01", field_user=logins["provider"])
    stored = query(dsn, "SELECT photo_after FROM imis_fsm.emptying WHERE volume_m3 = 1.5")[0][0]
    assert (later.folder / "DCIM" / stored).read_bytes() == JPEG
    project = open_package(later.folder)
    edit(layer_of(project, "emptying"), lambda lyr: lyr.changeAttributeValue(
        feature_by(lyr, "volume_m3", 1.5).id(), lyr.fields().indexOf("notes"), "Second visit"))
    fourth = import_package(dsn, later.folder)
    assert fourth.total("updated") == 1 and fourth.attachments == 0 and fourth.issues == []
    assert query(dsn, "SELECT photo_after, notes FROM imis_fsm.emptying WHERE volume_m3 = 1.5") == [
        (stored, "Second visit")]


def test_an_interrupted_import_leaves_the_database_and_the_store_unchanged(city, tmp_path, qgis_app):
    dsn, ids, logins, store = city
    package = create_package(dsn, tmp_path / "jobs", "provider", provider="SP-01", field_user=logins["provider"])
    (package.folder / "DCIM" / "before.jpg").write_bytes(JPEG)
    project = open_package(package.folder)
    edit(layer_of(project, "emptying"), lambda lyr: add_feature(lyr, {
        "application_id": str(ids["open_application"]), "emptied_date": dt.date.today().isoformat(),
        "volume_m3": 3, "photo_before": "DCIM/before.jpg"}))
    edit(layer_of(project, "application"), lambda lyr: lyr.changeAttributeValue(
        feature_by(lyr, "code", "APP-0002").id(), lyr.fields().indexOf("address"), "Road 5"))
    before = fingerprint(dsn)

    def power_cut(pct, message):  # the inserts went through; the machine dies before the updates
        if message.startswith("update"):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_package(dsn, package.folder, progress=Progress(power_cut))
    assert fingerprint(dsn) == before
    assert list(store.rglob("*.jpg")) == []
    # and the same package imports completely afterwards
    assert import_package(dsn, package.folder).applied == 2


def _damage(folder: Path, what: str) -> None:
    manifest_path = folder / FILE_NAME
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if what == "version":
        manifest["version"] = 99
    elif what == "database":
        manifest["database_uuid"] = "00000000-0000-4000-8000-000000000000"
    if what in ("version", "database"):
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    elif what == "truncated":
        data = (folder / "data.gpkg").read_bytes()
        (folder / "data.gpkg").write_bytes(data[: len(data) // 3])
    elif what == "field removed":
        db = sqlite3.connect(folder / "data.gpkg")
        db.execute("ALTER TABLE containment DROP COLUMN volume_m3")
        db.commit()
        db.close()


@pytest.mark.parametrize("what, message", [
    ("version", "manifest version 99"),
    ("database", "comes from another database"),
    ("truncated", "damaged"),
    ("field removed", "has no field 'volume_m3'"),
])
def test_damaged_foreign_or_unknown_packages_are_refused(shared_city, tmp_path, qgis_app, what, message):
    dsn, _ids, logins, _store = shared_city
    package = create_package(dsn, tmp_path / "ward1", "survey", area=Area(wards=[1]), field_user=logins["surveyor"],
                             make_zip=False)
    _damage(package.folder, what)
    before = fingerprint(dsn)
    with pytest.raises(FieldSyncError, match=message):
        import_package(dsn, package.folder)
    assert fingerprint(dsn) == before


def test_packages_of_another_database_or_not_zips_are_refused(shared_city, migrated_dsn, tmp_path, qgis_app):
    dsn, _ids, logins, _store = shared_city
    package = create_package(dsn, tmp_path / "ward1", "survey", area=Area(wards=[1]), field_user=logins["surveyor"])
    before = fingerprint(migrated_dsn)
    with pytest.raises(FieldSyncError, match="comes from another database"):
        import_package(migrated_dsn, package.zip_path)
    assert fingerprint(migrated_dsn) == before
    broken = tmp_path / "broken.zip"
    broken.write_bytes(package.zip_path.read_bytes()[:-200])
    with pytest.raises(FieldSyncError, match="not a readable zip"):
        import_package(dsn, broken)
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.jpg").write_bytes(JPEG)
    with pytest.raises(FieldSyncError, match="not an IMIS QField package"):
        import_package(dsn, tmp_path / "photos")


def test_the_package_project_opens_offline_with_forms_and_no_secrets(shared_city, tmp_path, qgis_app):
    dsn, _ids, logins, _store = shared_city
    package = create_package(dsn, tmp_path / "jobs", "provider", provider="SP-01", field_user=logins["provider"])
    extracted = tmp_path / "on_the_phone"
    with zipfile.ZipFile(package.zip_path) as archive:
        archive.extractall(extracted)
    project = open_package(extracted)
    layers = list(project.mapLayers().values())
    assert layers and all(layer.isValid() for layer in layers)
    assert {layer.providerType() for layer in layers} == {"ogr"}
    assert all(Path(layer.source().split("|")[0]).resolve().parent == extracted.resolve() for layer in layers)
    actions = {layer.customProperty(LAYER_PROPERTY): layer.customProperty(ACTION) for layer in layers
               if layer.customProperty(LAYER_PROPERTY)}
    assert actions == {"application": OFFLINE, "assessment": OFFLINE, "emptying": OFFLINE, "feedback": OFFLINE,
                       "building": NO_ACTION, "containment": NO_ACTION, "vehicle": NO_ACTION, "ward": NO_ACTION,
                       "road": NO_ACTION, "water_body": NO_ACTION}
    for layer in layers:
        assert layer.readOnly() == (layer.customProperty(ACTION) == NO_ACTION)
    emptying = layer_of(project, "emptying")
    assert emptying.customProperty(SOURCE_KEYS) == "id"
    fields = emptying.fields()
    photo = emptying.editorWidgetSetup(fields.indexOf("photo_before"))
    assert photo.type() == "ExternalResource" and photo.config()["DefaultRoot"] == "DCIM"
    assert emptying.defaultValueDefinition(fields.indexOf("id")).expression() == "uuid('WithoutBraces')"
    assert emptying.defaultValueDefinition(fields.indexOf("method")).expression() == "'mechanical'"
    assert emptying.editorWidgetSetup(fields.indexOf("fid")).type() == "Hidden"
    method = emptying.editorWidgetSetup(fields.indexOf("method"))
    assert method.type() == "ValueRelation"
    assert project.mapLayer(method.config()["Layer"]).source().endswith("layername=code_emptying_method")
    vehicle = emptying.editorWidgetSetup(fields.indexOf("vehicle_id"))
    assert vehicle.type() == "RelationReference"
    # only what a service provider may see, and no way back to the database
    building_fields = layer_of(project, "building").fields().names()
    assert "population" not in building_fields and "sanitation_system" not in building_fields
    dsn_parts = dict(part.split("=", 1) for part in dsn.split())
    secrets = [dsn_parts["host"], "dbname=", "host=", "port=", "service=", "password", "postgres",
               "+8801711000000", "1234567890"]  # the owner's phone and national ID
    for path in extracted.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in secrets:
                assert secret.encode() not in data, f"{path.name} contains {secret!r}"


def test_command_line_packages_imports_and_shows_the_settings(shared_city, tmp_path, qgis_app, capsys):
    from imis_plugin.cli import main

    dsn, _ids, logins, store = shared_city
    folder = tmp_path / "first"
    assert main(["qfield", "package", str(folder), "--polygon", square(X + 95, Y + 515, 20), "--field-user",
                 logins["surveyor"], "--dsn", dsn]) == 0
    out = capsys.readouterr().out
    assert "building 1," in out and (tmp_path / "first.zip").is_file()  # the first building only
    assert main(["qfield", "import", str(tmp_path / "first.zip"), "--report", str(tmp_path / "r.csv"),
                 "--dsn", dsn]) == 0
    assert "Nothing new to apply" in capsys.readouterr().out
    assert (tmp_path / "r.csv").read_text(encoding="utf-8-sig").startswith("layer,table")
    assert main(["qfield", "settings", "--dsn", dsn]) == 0
    out = capsys.readouterr().out
    identity = query(dsn, "SELECT database_uuid::text FROM imis_core.field_sync_settings")[0][0]
    assert identity in out and str(store) in out
    assert main(["qfield", "package", str(tmp_path / "x"), "--ward", "9", "--dsn", dsn]) == 1
    assert "Ward 9 does not exist (wards 1..1)" in capsys.readouterr().err


def test_processing_algorithms_make_and_import_a_package(provider, city, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    dsn, _ids, logins, _store = city

    def run(algorithm_id, parameters):
        algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
        assert algorithm.group() == "Field work (QField)"
        return algorithm.run(parameters, QgsProcessingContext(), QgsProcessingFeedback(), catchExceptions=False)

    area = QgsVectorLayer("Polygon?crs=EPSG:32645", "area", "memory")
    feature = QgsVectorLayerUtils.createFeature(area, QgsGeometry.fromWkt(
        f"POLYGON(({X + 90} {Y + 500},{X + 150} {Y + 500},{X + 150} {Y + 560},{X + 90} {Y + 560},{X + 90} {Y + 500}))"))
    area.dataProvider().addFeatures([feature])
    made, ok = run("imis:create_qfield_package", {"DATABASE": dsn, "PURPOSE": 0, "AREA": area,
                                                  "FIELD_USER": logins["surveyor"],
                                                  "OUTPUT": str(tmp_path / "drawn")})
    assert ok and Path(made["ZIP_FILE"]).is_file()
    assert json.loads((tmp_path / "drawn" / FILE_NAME).read_text())["layers"]["building"]["count"] == 2
    project = open_package(tmp_path / "drawn")
    edit(layer_of(project, "building"), lambda lyr: lyr.changeAttributeValue(
        next(lyr.getFeatures()).id(), lyr.fields().indexOf("name"), "Mosque"))
    done, ok = run("imis:import_field_edits", {"DATABASE": dsn, "PACKAGE": str(tmp_path / "drawn" / FILE_NAME)})
    assert ok and done["UPDATED"] == 1 and done["CONFLICT_COUNT"] == 0
    assert query(dsn, "SELECT changed_by FROM imis_core.building WHERE name = 'Mosque'") == [(logins["surveyor"],)]


def test_rows_the_database_refuses_are_reported_and_the_rest_applied(city, tmp_path, qgis_app):
    dsn, ids, logins, _store = city
    package = create_package(dsn, tmp_path / "ward1", "survey", area=Area(wards=[1]), field_user=logins["surveyor"])
    b1, b2, b3 = (str(b) for b in ids["buildings"])
    project = open_package(package.folder)
    buildings = layer_of(project, "building")
    edit(buildings, lambda lyr: (  # PyQGIS bypasses the form's constraints; the database does not
        lyr.changeAttributeValue(feature_by(lyr, "id", b1).id(), lyr.fields().indexOf("floor_count"), 0),
        lyr.changeAttributeValue(feature_by(lyr, "id", b3).id(), lyr.fields().indexOf("name"), "School")))
    result = import_package(dsn, package.folder, report=tmp_path / "r.xlsx")
    assert result.total("updated") == 1 and [i.row_id for i in result.rejected] == [b1]
    assert "ck_building_floor_count_at_least_one" in result.rejected[0].reason
    assert query(dsn, "SELECT name FROM imis_core.building WHERE id = %s", (b3,)) == [("School",)]
    edit(buildings, lambda lyr: lyr.changeAttributeValue(feature_by(lyr, "id", b2).id(),
                                                         lyr.fields().indexOf("name"), "Shop"))
    refused = import_package(dsn, package.folder, field_user=logins["provider"])  # may not edit buildings
    assert refused.applied == 0
    assert {i.row_id: i.reason for i in refused.rejected}[b2] == (
        f"the field user {logins['provider']} may not update rows of imis_core.building")


def test_an_fsm_officer_packages_and_imports_for_a_provider_without_superuser_rights(city, tmp_path, qgis_app):
    from psycopg2 import sql
    from psycopg2.extensions import make_dsn

    dsn, ids, logins, _store = city
    officer = create_login(dsn, "imis_fsm_officer")
    office_dsn = make_dsn(dsn, user=officer)
    package = create_package(office_dsn, tmp_path / "jobs", "provider", provider="SP-01",
                             field_user=logins["provider"])
    (package.folder / "DCIM" / "p.jpg").write_bytes(JPEG)
    project = open_package(package.folder)
    edit(layer_of(project, "emptying"), lambda lyr: add_feature(lyr, {
        "application_id": str(ids["open_application"]), "emptied_date": dt.date.today().isoformat(),
        "volume_m3": 2, "photo_after": "DCIM/p.jpg"}))
    with pytest.raises(FieldSyncError, match=f'GRANT "{logins["provider"]}" TO "{officer}"'):
        import_package(office_dsn, package.folder)
    with transaction(dsn) as conn, conn.cursor() as cur:  # an administrator lets the officer act for the provider
        cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(logins["provider"]), sql.Identifier(officer)))
    result = import_package(office_dsn, package.folder)
    assert result.total("inserted") == 1 and result.attachments == 1
    assert query(dsn, "SELECT session_user_name, role_name FROM imis_audit.log WHERE table_name = 'emptying' "
                      "AND action = 'INSERT' ORDER BY id DESC LIMIT 1") == [(officer, logins["provider"])]
    assert query(dsn, "SELECT imported_by, field_user FROM imis_audit.field_import") == [(officer, logins["provider"])]
