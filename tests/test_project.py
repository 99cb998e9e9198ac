"""The IMIS project builder on a populated database: layers, groups, styles, relations, widgets, forms,
read-only layers for roles that may not edit, the Processing algorithm and the offscreen screenshots."""

import zipfile

import pytest
from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFieldConstraints,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayerUtils,
)
from qgis.gui import QgsMapCanvas, QgsRelationEditorWidget
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QTabWidget

from imis_plugin.gui.map_tools import find_layer, project_database
from imis_plugin.project.builder import ProjectError, build_project, connection_info
from imis_plugin.project.catalog import read_catalog
from imis_plugin.project.layers import GROUPS
from imis_plugin.project.screenshots import is_blank, open_form, write_screenshots

from .desktop_city import desktop_city, service_for
from .logins import create_login

FORMS = ("building", "containment", "application", "assessment", "emptying", "disposal", "feedback")


@pytest.fixture(scope="module")
def city(pg_server):
    dsn, ids = desktop_city(pg_server, "project")
    return dsn, ids, service_for(dsn, "imis_project_test")


@pytest.fixture(scope="module")
def built(city, tmp_path_factory, qgis_app):
    path = tmp_path_factory.mktemp("project") / "imis.qgz"
    result = build_project(city[2], path)
    return result


@pytest.fixture
def project(built):
    project = QgsProject.instance()
    assert project.read(str(built.path)), project.error()
    yield project
    project.clear()


def test_every_table_is_a_valid_layer_in_its_group(city, built, project):
    catalog = read_catalog(city[0])
    assert built.invalid == [] and built.layers == len(catalog.tables)
    layers = list(project.mapLayers().values())
    assert len(layers) == len(catalog.tables) and all(layer.isValid() for layer in layers)
    assert {layer.customProperty("imis/table") for layer in layers} == set(catalog.tables)
    root = project.layerTreeRoot()
    groups = [child.name() for child in root.children()]
    for wanted in (
        "Boundaries",
        "Buildings and holdings",
        "Sanitation",
        "Networks",
        "FSM service chain",
        "Analysis results",
        "Code lists",
    ):
        assert wanted in groups
    assert [g for g in groups if g not in dict(GROUPS).values()] == []
    assert root.findLayer(find_layer("imis_core.building").id()).parent().name() == "Buildings and holdings"
    assert root.findLayer(find_layer("imis_fsm.emptying").id()).parent().name() == "FSM service chain"
    assert len(list(find_layer("imis_core.building").getFeatures())) == 3
    assert project.crs().authid() == "EPSG:32645"
    assert project_database(project) == city[2]


def test_the_project_holds_no_password_and_connects_by_service(city, built):
    with zipfile.ZipFile(built.path) as archive:
        text = "".join(
            archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith(".qgs")
        )
    assert "password" not in text.lower()
    assert "service='imis_project_test'" in text
    with pytest.raises(ProjectError, match="secret"):
        connection_info("host=localhost dbname=x password=hunter2")
    assert set(connection_info("host=/tmp port=5 dbname=x user=u", authcfg="abc1234").split()) == {
        "host='/tmp'",
        "port='5'",
        "dbname='x'",
        "user='u'",
        "authcfg='abc1234'",
    }


def test_relations_as_specified(project):
    relations = project.relationManager().relations()
    for name, child, parent in (
        ("fk_building_containment_building", "imis_core.building_containment", "imis_core.building"),
        ("fk_building_containment_containment", "imis_core.building_containment", "imis_core.containment"),
        ("fk_building_holding_building", "imis_core.building_holding", "imis_core.building"),
        ("fk_building_holding_holding", "imis_core.building_holding", "imis_core.holding"),
        ("fk_holding_owner", "imis_core.holding", "imis_core.owner"),
        ("fk_application_building", "imis_fsm.application", "imis_core.building"),
        ("fk_assessment_application", "imis_fsm.assessment", "imis_fsm.application"),
        ("fk_emptying_application", "imis_fsm.emptying", "imis_fsm.application"),
        ("fk_disposal_emptying", "imis_fsm.disposal", "imis_fsm.emptying"),
        ("fk_feedback_application", "imis_fsm.feedback", "imis_fsm.application"),
    ):
        relation = relations[name]
        assert relation.isValid(), name
        assert relation.referencingLayer().customProperty("imis/table") == child
        assert relation.referencedLayer().customProperty("imis/table") == parent
    assert relations["fk_emptying_application"].strength() == relations["fk_emptying_application"].Composition
    assert relations["fk_application_building"].strength() == relations["fk_application_building"].Association
    # the containments of a building, through the link table
    building = find_layer("imis_core.building")
    first = next(f for f in building.getFeatures() if f["bin"] == "B000001")
    links = list(relations["fk_building_containment_building"].getRelatedFeatures(first))
    assert len(links) == 1


def _tab(layer, name):
    return next(t for t in layer.editFormConfig().tabs() if t.name() == name)


def test_building_form_embeds_the_relations(project):
    building = find_layer("imis_core.building")
    config = building.editFormConfig()
    assert config.layout() == config.TabLayout
    assert [t.name() for t in config.tabs()] == [
        "Identification",
        "Use and structure",
        "People",
        "Water and sanitation",
        "Holdings and owners",
        "Services",
        "Record",
    ]
    embedded = {
        e.name(): e.nmRelationId()
        for tab in config.tabs()
        for e in tab.children()
        if e.type() == e.AeTypeRelation
    }
    assert embedded["fk_building_containment_building"] == "fk_building_containment_containment"
    assert embedded["fk_building_holding_building"] == "fk_building_holding_holding"
    assert embedded["fk_application_building"] in ("", None)
    application = find_layer("imis_fsm.application")
    steps = {e.name() for e in _tab(application, "Service").children() if e.type() == e.AeTypeRelation}
    assert steps == {"fk_assessment_application", "fk_emptying_application", "fk_feedback_application"}
    emptying = find_layer("imis_fsm.emptying")
    assert {e.name() for e in _tab(emptying, "Disposal").children() if e.type() == e.AeTypeRelation} == {
        "fk_disposal_emptying"
    }


def test_widgets_as_specified(project):
    building = find_layer("imis_core.building")
    fields = building.fields()
    setup = building.editorWidgetSetup(fields.indexOf("sanitation_system"))
    assert setup.type() == "ValueRelation"
    code_layer = project.mapLayer(setup.config()["Layer"])
    assert code_layer.customProperty("imis/table") == "imis_code.sanitation_system"
    assert (setup.config()["Key"], setup.config()["Value"]) == ("value", "label_en")
    use = building.editorWidgetSetup(fields.indexOf("use_category")).config()
    assert use["FilterExpression"] == "\"functional_use\" = current_value('functional_use')"
    assert building.editorWidgetSetup(fields.indexOf("surveyed_date")).type() == "DateTime"
    assert building.editorWidgetSetup(fields.indexOf("surveyed_date")).config()["calendar_popup"] is True
    assert building.editorWidgetSetup(fields.indexOf("vehicle_accessible")).type() == "CheckBox"
    ward = building.editorWidgetSetup(fields.indexOf("ward_id"))
    assert (ward.type(), ward.config()["Relation"]) == ("RelationReference", "fk_building_ward")
    assert building.editFormConfig().readOnly(fields.indexOf("row_version"))
    assert fields.field("bin").alias() == "BIN"
    emptying = find_layer("imis_fsm.emptying")
    for photo in ("photo_before", "photo_after"):
        assert emptying.editorWidgetSetup(emptying.fields().indexOf(photo)).type() == "ExternalResource"
    application = find_layer("imis_fsm.application")
    assert (
        application.editorWidgetSetup(application.fields().indexOf("building_id")).config()["Relation"]
        == "fk_application_building"
    )
    assert (
        application.defaultValueDefinition(application.fields().indexOf("application_date")).expression()
        == "to_date(now())"
    )
    assert project.evaluateDefaultValues()


def _valid(layer, **values):
    feature = QgsFeature(layer.fields())
    for name, value in values.items():
        feature[name] = value
    index = layer.fields().indexOf(next(iter(values)))
    ok, errors = QgsVectorLayerUtils.validateAttribute(
        layer, feature, index, QgsFieldConstraints.ConstraintStrengthHard
    )
    return ok, errors


def test_constraints_mirror_the_database_with_readable_messages(project):
    emptying = find_layer("imis_fsm.emptying")
    index = emptying.fields().indexOf("volume_m3")
    assert emptying.constraintDescription(index) == "Volume (m³) must be greater than 0"
    assert _valid(emptying, volume_m3=-1)[0] is False
    assert _valid(emptying, volume_m3=2.5)[0] is True
    feedback = find_layer("imis_fsm.feedback")
    assert _valid(feedback, satisfaction=6)[0] is False and _valid(feedback, satisfaction=5)[0] is True
    assert "1 (poor) to 5" in feedback.constraintDescription(feedback.fields().indexOf("satisfaction"))
    owner = find_layer("imis_core.owner")
    assert _valid(owner, phone="+880 1711-000000")[0] is True
    assert _valid(owner, phone="call me")[0] is False
    holding = find_layer("imis_core.holding")
    assert _valid(holding, holding_code="02-001-0001-00", is_legacy=False)[0] is True
    assert _valid(holding, holding_code="H/12", is_legacy=False)[0] is False
    assert _valid(holding, holding_code="H/12", is_legacy=True)[0] is True
    application = find_layer("imis_fsm.application")
    ok, errors = _valid(application, requested_date="2026-01-01", application_date="2026-02-01")
    assert not ok
    assert "cannot be before" in application.constraintDescription(
        application.fields().indexOf("requested_date")
    )


def test_styles_categorise_by_code_list_with_scale_ranges(city, project, tmp_path):
    building = find_layer("imis_core.building")
    renderer = building.renderer()
    assert (
        isinstance(renderer, QgsCategorizedSymbolRenderer)
        and renderer.classAttribute() == "sanitation_system"
    )
    labels = {c.value(): c.label() for c in renderer.categories()}
    catalog = read_catalog(city[0])
    assert {v: labels[v] for v, _, _, _ in catalog.code_lists["sanitation_system"]} == {
        v: en for v, en, _, _ in catalog.code_lists["sanitation_system"]
    }
    assert labels[""] == "Not recorded"
    labeling = building.labeling().settings()
    assert building.labelsEnabled() and labeling.scaleVisibility and labeling.minimumScale == 2500
    containment = find_layer("imis_core.containment")
    assert containment.hasScaleBasedVisibility() and containment.minimumScale() == 15000
    bangla = build_project(city[2], tmp_path / "bn.qgz", language="bn")
    other = QgsProject()
    other.read(str(bangla.path))
    layer = next(
        lyr for lyr in other.mapLayers().values() if lyr.customProperty("imis/table") == "imis_core.building"
    )
    assert {c.value(): c.label() for c in layer.renderer().categories()}["septic_tank"] == "সেপটিক ট্যাংক"


def test_forms_load(project, qgis_app):
    canvas = QgsMapCanvas()
    for table in FORMS:
        layer = find_layer(f"imis_{'core' if table in ('building', 'containment') else 'fsm'}.{table}")
        feature = next(layer.getFeatures())
        form = open_form(layer, feature, canvas)
        try:
            tabs = form.findChild(QTabWidget)
            assert tabs is not None, table
            names = [tabs.tabText(i) for i in range(tabs.count())]
            assert names == [t.name() for t in layer.editFormConfig().tabs()] and names[-1] == "Record"
            assert form.findChildren(QgsRelationEditorWidget) or table in (
                "assessment",
                "disposal",
                "feedback",
            )
        finally:
            sip.delete(form)


def test_a_read_only_role_gets_read_only_layers(city, tmp_path, qgis_app):
    dsn = city[0]
    viewer = create_login(dsn, "imis_viewer", "_project")
    result = build_project(service_for(dsn, "imis_project_viewer", viewer), tmp_path / "viewer.qgz")
    assert result.invalid == [] and set(result.read_only) == set(read_catalog(dsn).tables) - {
        "imis_core.app_user"
    }
    editor = create_login(dsn, "imis_gis_editor", "_project")
    result = build_project(service_for(dsn, "imis_project_editor", editor), tmp_path / "editor.qgz")
    assert "imis_core.building" not in result.read_only and "imis_fsm.emptying" in result.read_only
    project = QgsProject()
    assert project.read(str(result.path))
    layers = {lyr.customProperty("imis/table"): lyr for lyr in project.mapLayers().values()}
    assert layers["imis_fsm.emptying"].readOnly() and not layers["imis_core.building"].readOnly()
    assert "imis_core.app_user" not in layers  # a table the role may not even read is left out


def test_photos_resolve_in_the_attachment_store_once_one_is_set(city, tmp_path, qgis_app):
    """Field photos are imported into the attachment store and the rows hold paths inside it, so the office
    project shows them from there; without a store, photos sit in DCIM/ next to the project."""
    from imis_plugin.qfield.attachments import configure_store

    def photo_config(path):
        project = QgsProject()
        assert project.read(str(path))
        emptying = next(lyr for lyr in project.mapLayers().values()
                        if lyr.customProperty("imis/table") == "imis_fsm.emptying")
        return emptying.editorWidgetSetup(emptying.fields().indexOf("photo_after")).config()

    before = photo_config(build_project(city[2], tmp_path / "before.qgz").path)
    assert (before["RelativeStorage"], before["DefaultRoot"]) == (1, "DCIM")
    store = tmp_path / "store"
    store.mkdir()
    configure_store(city[0], str(store))
    try:
        after = photo_config(build_project(city[2], tmp_path / "after.qgz").path)
        assert (after["RelativeStorage"], after["DefaultRoot"]) == (2, str(store.resolve()))
    finally:
        configure_store(city[0], None)


def test_processing_algorithm_writes_the_project(city, tmp_path, qgis_processing):
    import processing

    from imis_plugin.processing.provider import ImisProvider

    provider = ImisProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        algorithm = QgsApplication.processingRegistry().algorithmById("imis:create_project")
        assert algorithm.group() == "Desktop" and algorithm.groupId() == "desktop"
        result = processing.run(
            "imis:create_project",
            {"DATABASE": city[2], "LANGUAGE": 0, "OUTPUT": str(tmp_path / "p.qgz")},
            context=QgsProcessingContext(),
            feedback=QgsProcessingFeedback(),
        )
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)
    assert (tmp_path / "p.qgz").is_file() and result["LAYERS"] > 40 and result["RELATIONS"] >= 30


def test_screenshots_are_written_and_not_blank(city, tmp_path, qgis_app):
    written = write_screenshots(city[2], tmp_path, log=lambda text: None)
    names = {p.name for p in written}
    assert names == {
        "map_city.png",
        "map_detail.png",
        "one_id_explorer.png",
        "service_dashboard.png",
        "building_form.png",
    }
    assert [p.name for p in written if is_blank(p)] == []


# The desktop actions: database check, project task, translation ----------------------------------------
@pytest.fixture
def desktop(qgis_iface, monkeypatch):
    from qgis.PyQt.QtWidgets import QMenu

    from imis_plugin.gui import desktop as module

    calls = []
    target = {"name": None}
    monkeypatch.setattr(module, "current_database", lambda: target["name"])
    ui = module.DesktopUi(qgis_iface, QMenu("IMIS test"), run_algorithm=calls.append)
    ui.init()
    qgis_iface.messageBar().clearWidgets()
    yield ui, target, calls
    ui.unload()


def _upgrade_buttons(iface):
    from qgis.PyQt.QtWidgets import QPushButton

    item = iface.messageBar().currentItem()
    assert item is not None, "no message shown"
    return [b for b in item.findChildren(QPushButton) if b.objectName() == "ImisUpgradeButton"]


def test_an_older_database_is_refused_politely_and_the_upgrade_offered_to_admins(
    pg_server, desktop, qgis_iface
):
    from imis_plugin.db.compat import check
    from imis_plugin.db.migrate import revisions, upgrade

    from .conftest import TEST_SRID

    ui, target, calls = desktop
    dsn = pg_server.create_database("older")
    older = revisions()[-2]
    upgrade(dsn, revision=older, srid=TEST_SRID)
    compatibility = check(dsn)
    assert (compatibility.ok, compatibility.reason, compatibility.revision) == (False, "older", older)
    assert compatibility.can_upgrade and f"needs revision {compatibility.head}" in compatibility.message()
    target["name"] = service_for(dsn, "imis_older_admin")
    assert ui.create_project(output="/nonexistent/never.qgz") is None  # refused before anything is written
    buttons = _upgrade_buttons(qgis_iface)
    assert len(buttons) == 1
    buttons[0].click()
    assert calls == ["imis:upgrade_database"]
    qgis_iface.messageBar().clearWidgets()
    # a role that may not upgrade is told to ask an administrator, with no button
    from psycopg2 import sql

    from imis_plugin.db.connect import transaction

    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier("older_clerk")))
    target["name"] = service_for(dsn, "imis_older_clerk", "older_clerk")
    assert not ui.database_ready()
    assert _upgrade_buttons(qgis_iface) == []
    assert "Ask an IMIS administrator" in check(service_dsn("imis_older_clerk")).message()


def service_dsn(name):
    from imis_plugin.db.connect import resolve_dsn

    return resolve_dsn(name)


def test_create_project_runs_as_a_task_and_opens_the_project(city, desktop, qgis_iface, tmp_path):
    from qgis.PyQt.QtCore import QCoreApplication

    ui, target, _ = desktop
    target["name"] = city[2]
    opened = []
    qgis_iface.addProject = lambda path: opened.append(path) or True
    task = ui.create_project(output=str(tmp_path / "task.qgz"))
    assert task is not None
    import time

    deadline = time.monotonic() + 60
    while not opened and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    assert opened == [str(tmp_path / "task.qgz")] and task.result.layers > 40
    assert any("IMIS project opened" in m for m in qgis_iface.messageBar().get_messages(3))  # Success


def test_bangla_translation_loads_and_covers_the_desktop(qgis_app, provider):
    from qgis.PyQt.QtCore import QCoreApplication

    from imis_plugin import translation

    translator = translation.install("bn")
    try:
        assert translator is not None
        assert QCoreApplication.translate("ImisDesktop", "One-ID explorer") == "ওয়ান-আইডি অনুসন্ধান"
        assert QCoreApplication.translate("ImisProject", "Buildings") == "ভবন"
        # strings of the shared planning base class and the toolbox groups reach the user translated
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("imis:buffer_analysis")
        assert algorithm.parameterDefinition("ENGINE").description() == "কোথায় হিসাব হবে"
        assert algorithm.group() == "পরিকল্পনা"
    finally:
        translation.uninstall(translator)
    assert QCoreApplication.translate("ImisProject", "Buildings") == "Buildings"


UPDATE_TRANSLATIONS = (
    "run `python -m imis_plugin.translation update`, translate the unfinished messages of "
    "imis_plugin/i18n/imis_bn.ts (Qt Linguist), then `python -m imis_plugin.translation compile`"
)


def test_bangla_translation_covers_every_string_and_is_compiled(qgis_app):
    from qgis.PyQt.QtCore import QCoreApplication

    from imis_plugin import translation

    offered = translation.all_strings()
    translated = translation.read_ts(translation.I18N_DIR / "imis_bn.ts")
    missing = sorted(s for s in offered if s not in translated)
    assert not missing, f"{len(missing)} strings lack Bangla, first {missing[:5]}: {UPDATE_TRANSLATIONS}"
    translator = translation.install("bn")
    try:
        stale = sorted(s for s in offered if QCoreApplication.translate(*s) != translated[s])
    finally:
        translation.uninstall(translator)
    assert not stale, f"imis_bn.qm is older than imis_bn.ts for {stale[:5]}...: {UPDATE_TRANSLATIONS}"


def test_docks_open_from_the_menu_and_close_on_unload(city, desktop):
    ui, target, _ = desktop
    target["name"] = city[2]
    ui.toggle_one_id(True)
    ui.toggle_dashboard(True)
    assert ui.one_id is not None and ui.dashboard is not None
    assert ui.dashboard.figure("applications").value == 3  # refreshed on opening
    ui.one_id.search.setText("B000001")
    ui.one_id.run_search()
    assert ui.one_id.hits and ui.one_id.hits[0].matched == "B000001"
    names = {a.objectName() for a in ui.actions}
    assert {"ImisCreateProject", "ImisOneId", "ImisDashboard"} == names
    assert ui.toolbar.actions() == ui.actions
