"""The plugin entry points, the IMIS Processing provider and its algorithms, in a real QGIS (pytest-qgis)."""

import json
import sys
from pathlib import Path

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QMenu

import imis_plugin
from imis_plugin import paths
from imis_plugin.plugin import MENU_OBJECT_NAME, ImisPlugin
from imis_plugin.processing.base import contains_password
from imis_plugin.processing.provider import SCRIPT_MODULE_PREFIX, plugin_version, script_files

REGISTRY = QgsApplication.processingRegistry


def _menu_titles(iface):
    return [action.text() for action in iface.mainWindow().menuBar().actions()]


def _flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.fixture
def headless_plugin(qgis_processing):
    """The plugin as qgis_process runs it: classFactory(None) then initProcessing() only."""
    plugin = imis_plugin.classFactory(None)
    plugin.initProcessing()
    yield plugin
    plugin.unload()


@pytest.fixture
def provider(headless_plugin):
    return REGISTRY().providerById("imis")


def test_class_factory_gives_the_plugin(qgis_iface):
    plugin = imis_plugin.classFactory(qgis_iface)
    assert isinstance(plugin, ImisPlugin)
    assert plugin.iface is qgis_iface
    assert REGISTRY().providerById("imis") is None  # nothing registered before QGIS asks


def test_init_gui_adds_provider_and_menu_and_unload_removes_them(qgis_iface, qgis_processing):
    assert REGISTRY().providerById("imis") is None
    plugin = imis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert REGISTRY().providerById("imis") is not None
        assert "&IMIS" in _menu_titles(qgis_iface)
        entries = [action.objectName() for action in plugin.menu.actions() if not action.isSeparator()]
        assert entries[:4] == ["ImisShowToolbox", "ImisDatabaseStatus", "ImisUpgradeDatabase", "ImisCityMenu"]
        assert {"ImisCreateProject", "ImisOneId", "ImisDashboard"} <= set(entries)  # the desktop tools
        # No Processing plugin GUI in the tests: the toolbox entry explains instead of failing.
        plugin.actions[0].trigger()
    finally:
        plugin.unload()
    _flush_deletes()
    assert REGISTRY().providerById("imis") is None
    assert "&IMIS" not in _menu_titles(qgis_iface)
    assert qgis_iface.mainWindow().findChildren(QMenu, MENU_OBJECT_NAME) == []
    assert plugin.provider is None and plugin.menu is None and plugin.actions == []
    assert not [name for name in sys.modules if name.startswith(SCRIPT_MODULE_PREFIX)]


def test_init_gui_after_init_processing_registers_one_provider(qgis_iface, qgis_processing):
    """QGIS may call initProcessing() before initGui(): still one provider, and unload removes it."""
    plugin = imis_plugin.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initGui()
    plugin.unload()
    _flush_deletes()
    assert REGISTRY().providerById("imis") is None
    assert "&IMIS" not in _menu_titles(qgis_iface)


def test_headless_init_processing_registers_the_provider(headless_plugin):
    provider = REGISTRY().providerById("imis")
    assert provider is not None
    assert provider.name() == "IMIS"
    assert provider.versionInfo() == plugin_version() != ""
    headless_plugin.initProcessing()  # idempotent
    assert [p.id() for p in REGISTRY().providers()].count("imis") == 1


def test_provider_lists_exactly_the_scripts(provider):
    scripts = script_files()
    assert scripts, "processing_scripts/ holds no script"
    assert {p.parent for p in scripts} == {paths.PROCESSING_SCRIPTS_DIR}
    assert provider.load_errors == {}
    # One algorithm per script, named after its file.
    assert sorted(alg.id() for alg in provider.algorithms()) == sorted(f"imis:{p.stem}" for p in scripts)
    assert {"imis:database_status", "imis:upgrade_database"} <= {alg.id() for alg in provider.algorithms()}


@pytest.mark.parametrize("script", script_files(), ids=lambda p: p.stem)
def test_each_script_also_loads_as_a_plain_qgis_script(qgis_processing, script):
    """QGIS's own script loader (user scripts folder) finds the script's algorithm and nothing else."""
    from processing.script import ScriptUtils

    algorithm = ScriptUtils.loadAlgorithm(f"imis_test_{script.stem}", str(script))
    assert algorithm is not None
    assert algorithm.name() == script.stem


def test_each_algorithm_is_documented_and_grouped(provider):
    for algorithm in provider.algorithms():
        assert algorithm.displayName()
        assert len(algorithm.shortHelpString()) > 80, algorithm.id()
        assert algorithm.group() and algorithm.groupId(), algorithm.id()
        assert "imis" in algorithm.tags()
        parameters = {p.name(): p for p in algorithm.parameterDefinitions()}
        assert parameters, algorithm.id()
        assert algorithm.outputDefinitions(), algorithm.id()
        for parameter in parameters.values():
            assert parameter.description(), (algorithm.id(), parameter.name())
        assert algorithm.canExecute() == (True, "")


def test_database_algorithms_parameters_and_outputs(provider):
    for alg_id in ("database_status", "upgrade_database"):
        algorithm = provider.algorithm(alg_id)
        assert algorithm.group() == "Database" and algorithm.groupId() == "database"
        database = algorithm.parameterDefinition("DATABASE")
        assert isinstance(database, QgsProcessingParameterString)
        assert database.defaultValue() == "imis"

    status = provider.algorithm("database_status")
    outputs = {o.name(): o.type() for o in status.outputDefinitions()}
    assert {
        "SERVER_VERSION": "outputString",
        "POSTGIS_VERSION": "outputString",
        "PGROUTING_VERSION": "outputString",
        "REVISION": "outputString",
        "HEAD_REVISION": "outputString",
        "UP_TO_DATE": "outputBoolean",
        "SRID": "outputNumber",
        "ROW_COUNTS": "outputString",
        "OUTPUT_HTML": "outputHtml",
    }.items() <= outputs.items()
    assert (
        status.parameterDefinition("OUTPUT_HTML").flags()
        & status.parameterDefinition("OUTPUT_HTML").FlagOptional
    )

    upgrade = provider.algorithm("upgrade_database")
    srid = upgrade.parameterDefinition("SRID")
    assert srid.flags() & srid.FlagOptional
    assert [o.name() for o in upgrade.outputDefinitions()] == ["REVISION"]


def test_missing_dependencies_are_reported_not_fatal(qgis_iface, qgis_processing):
    class PluginNeedingMore(ImisPlugin):
        REQUIRED_MODULES = (*ImisPlugin.REQUIRED_MODULES, "imis_no_such_module")

    bar = qgis_iface.messageBar()
    bar.clear_messages()
    plugin = PluginNeedingMore(qgis_iface)
    plugin.initGui()
    try:
        warnings = bar.get_messages(Qgis.MessageLevel.Warning)
        assert any("imis_no_such_module" in text and "sqlalchemy" not in text for text in warnings)
        assert REGISTRY().providerById("imis") is not None  # the plugin still loads
    finally:
        plugin.unload()
        bar.clear_messages()


@pytest.mark.parametrize(
    ("target", "has_password"),
    [
        ("imis", False),
        ("host=/tmp dbname=imis user=gis", False),
        ("host=db dbname=imis password=s3cret", True),
        ("host=db PASSWORD = s3cret", True),
        ("postgresql://gis@db/imis", False),
        ("postgresql://gis:s3cret@db/imis", True),
        ("postgresql:///imis?host=/tmp&password=s3cret", True),
    ],
)
def test_contains_password(target, has_password):
    assert contains_password(target) is has_password


def _run(algorithm_id, parameters):
    algorithm = REGISTRY().createAlgorithmById(algorithm_id)
    return algorithm.run(parameters, QgsProcessingContext(), QgsProcessingFeedback(), catchExceptions=False)


def _run_error(algorithm_id, parameters):
    """Run and return the error message the algorithm raises."""
    with pytest.raises(QgsProcessingException) as error:
        _run(algorithm_id, parameters)
    return str(error.value)


def test_a_connection_string_with_a_password_is_refused(provider):
    message = _run_error("imis:database_status", {"DATABASE": "host=127.0.0.1 dbname=x password=s3cret"})
    assert "s3cret" not in message
    assert "pgpass" in message


def test_database_status_in_process(provider, migrated_dsn, tmp_path):
    report = tmp_path / "status.html"
    results, ok = _run("imis:database_status", {"DATABASE": migrated_dsn, "OUTPUT_HTML": str(report)})
    assert ok
    assert results["UP_TO_DATE"] is True
    assert results["REVISION"] == results["HEAD_REVISION"]
    assert results["SRID"] == 32645
    counts = json.loads(results["ROW_COUNTS"])
    assert counts and all(isinstance(n, int) for n in counts.values())
    assert results["TOTAL_ROWS"] == sum(counts.values())
    assert Path(results["OUTPUT_HTML"]) == report
    text = report.read_text(encoding="utf-8")
    assert results["HEAD_REVISION"] in text and "32645" in text


def test_upgrade_refuses_a_first_install_without_srid(provider, fresh_dsn):
    message = _run_error("imis:upgrade_database", {"DATABASE": fresh_dsn})
    assert "SRID" in message and "first install" in message


def test_upgrade_installs_then_is_idempotent(provider, fresh_dsn):
    results, ok = _run("imis:upgrade_database", {"DATABASE": fresh_dsn, "SRID": 32646})
    assert ok
    status, _ = _run("imis:database_status", {"DATABASE": fresh_dsn})
    assert results["REVISION"] == status["HEAD_REVISION"]
    assert status["UP_TO_DATE"] is True and status["SRID"] == 32646
    again, ok = _run("imis:upgrade_database", {"DATABASE": fresh_dsn})  # no SRID needed any more
    assert ok and again["REVISION"] == results["REVISION"]


def test_the_city_menu_switches_the_current_city(qgis_iface, qgis_processing, tmp_path, monkeypatch):
    from imis_plugin import cities
    from imis_plugin.processing.base import default_database

    monkeypatch.setenv("IMIS_CITIES_FILE", str(tmp_path / "cities.json"))
    cities.add("khulna", "imis_khulna")
    cities.add("jashore", "imis_jashore")
    plugin = imis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.fill_city_menu()
        actions = {a.text(): a for a in plugin.city_menu.actions()}
        assert list(actions) == ["khulna", "jashore"] and actions["khulna"].isChecked()
        actions["jashore"].trigger()
        assert cities.current().name == "jashore"
        assert default_database() == "imis_jashore"  # what every IMIS algorithm now starts with
    finally:
        plugin.unload()
