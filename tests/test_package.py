"""The plugin zip: its content, and the plugin installed from it into a clean QGIS profile, driven through
``qgis_process`` (the headless Processing CLI, which loads the provider exactly as a user's QGIS does)."""

import configparser
import json
import os
import subprocess
import sysconfig
import zipfile
from pathlib import Path

import pytest

from imis_plugin import packaging
from imis_plugin.db.migrate import head_revision
from imis_plugin.processing.provider import script_files

QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # Debian's /usr/bin/qgis_process wrapper is broken (TOOLCHAIN.md)
PLUGIN = packaging.PLUGIN_FOLDER


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory) -> Path:
    return packaging.build(tmp_path_factory.mktemp("dist") / "imis_plugin.zip")


@pytest.fixture(scope="module")
def zip_names(plugin_zip) -> list[str]:
    with zipfile.ZipFile(plugin_zip) as archive:
        return archive.namelist()


def test_zip_has_one_plugin_folder_with_metadata(plugin_zip, zip_names):
    assert all(name.startswith(f"{PLUGIN}/") for name in zip_names)
    with zipfile.ZipFile(plugin_zip) as archive:
        metadata = configparser.ConfigParser(interpolation=None)
        metadata.read_string(archive.read(f"{PLUGIN}/metadata.txt").decode("utf-8"))
    assert metadata["general"]["hasProcessingProvider"] == "yes"
    assert metadata["general"]["qgisMinimumVersion"] == "3.22"
    assert f"{PLUGIN}/__init__.py" in zip_names
    assert f"{PLUGIN}/plugin.py" in zip_names


def test_zip_holds_the_data_folders_and_scripts(zip_names):
    for folder in packaging.DATA_FOLDERS:
        assert f"{PLUGIN}/{folder}/" in zip_names
    assert f"{PLUGIN}/migrations/env.py" in zip_names
    assert any(name.startswith(f"{PLUGIN}/database/") and not name.endswith("/") for name in zip_names)
    for script in script_files():
        assert f"{PLUGIN}/processing_scripts/{script.name}" in zip_names


def test_zip_leaves_out_tests_and_caches(zip_names):
    for name in zip_names:
        parts = name.rstrip("/").split("/")
        assert "tests" not in parts and "__pycache__" not in parts, name
        assert not name.endswith((".pyc", ".pyo")), name
        assert not any(part.startswith(".") for part in parts), name


def test_zip_is_deterministic(plugin_zip, tmp_path):
    again = packaging.build(tmp_path / "again.zip")
    assert again.read_bytes() == plugin_zip.read_bytes()


def test_packaging_command_line(tmp_path):
    output = tmp_path / "cli" / "imis_plugin.zip"
    assert packaging.main(["--output", str(output)]) == 0
    assert zipfile.is_zipfile(output)


# The plugin installed from the zip, through qgis_process ----------------------------------------------------


class QgisProcess:
    """qgis_process with a throwaway profile and the unzipped plugin on QGIS_PLUGINPATH."""

    def __init__(self, profile: Path, plugins: Path, pythonpath: str | None):
        self.env = dict(os.environ)
        self.env.update(
            QT_QPA_PLATFORM="offscreen",
            QGIS_CUSTOM_CONFIG_PATH=str(profile),
            QGIS_PLUGINPATH=str(plugins),
        )
        self.env.pop("PYTHONPATH", None)
        if pythonpath:
            self.env["PYTHONPATH"] = pythonpath

    def __call__(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [QGIS_PROCESS, *args], env=self.env, capture_output=True, text=True, timeout=300, check=False
        )

    def run_json(self, algorithm: str, **parameters) -> tuple[subprocess.CompletedProcess, dict | None]:
        done = self("--json", "run", algorithm, "--", *(f"{k}={v}" for k, v in parameters.items()))
        try:
            return done, json.loads(done.stdout)
        except json.JSONDecodeError:
            return done, None


def _install(tmp_path_factory, plugin_zip, pythonpath) -> QgisProcess:
    home = tmp_path_factory.mktemp("qgis-home")
    plugins, profile = home / "plugins", home / "profile"
    profile.mkdir()
    with zipfile.ZipFile(plugin_zip) as archive:
        archive.extractall(plugins)
    qgis_process = QgisProcess(profile, plugins, pythonpath)
    done = qgis_process("plugins", "enable", PLUGIN)
    assert done.returncode == 0, done.stdout + done.stderr
    return qgis_process


@pytest.fixture(scope="module")
def qgis_process(tmp_path_factory, plugin_zip) -> QgisProcess:
    """The plugin in a clean profile; the venv's packages (sqlalchemy & co.) on qgis_process's PYTHONPATH."""
    return _install(tmp_path_factory, plugin_zip, sysconfig.get_paths()["purelib"])


def _assert_no_password(done: subprocess.CompletedProcess):
    assert "password" not in (done.stdout + done.stderr).lower()


def test_qgis_process_lists_the_imis_algorithms(qgis_process):
    done = qgis_process("--json", "list")
    assert done.returncode == 0, done.stderr
    provider = json.loads(done.stdout)["providers"]["imis"]
    assert sorted(provider["algorithms"]) == sorted(f"imis:{p.stem}" for p in script_files())


def test_qgis_process_database_status(qgis_process, migrated_dsn):
    done, output = qgis_process.run_json("imis:database_status", DATABASE=migrated_dsn)
    assert done.returncode == 0, done.stdout + done.stderr
    results = output["results"]
    assert results["HEAD_REVISION"] == head_revision()
    assert results["REVISION"] == head_revision()
    assert results["UP_TO_DATE"] is True
    assert results["SRID"] == 32645
    assert results["POSTGIS_VERSION"] and results["PGROUTING_VERSION"]
    assert json.loads(results["ROW_COUNTS"])
    _assert_no_password(done)


def test_qgis_process_writes_the_html_report(qgis_process, migrated_dsn, tmp_path):
    report = tmp_path / "status.html"
    done, output = qgis_process.run_json("imis:database_status", DATABASE=migrated_dsn, OUTPUT_HTML=report)
    assert done.returncode == 0, done.stdout + done.stderr
    assert Path(output["results"]["OUTPUT_HTML"]) == report
    assert head_revision() in report.read_text(encoding="utf-8")


def test_qgis_process_upgrades_a_fresh_database(qgis_process, fresh_dsn):
    done, output = qgis_process.run_json("imis:upgrade_database", DATABASE=fresh_dsn, SRID=32646)
    assert done.returncode == 0, done.stdout + done.stderr
    assert output["results"]["REVISION"] == head_revision()
    _assert_no_password(done)

    done, output = qgis_process.run_json("imis:database_status", DATABASE=fresh_dsn)
    assert done.returncode == 0, done.stdout + done.stderr
    assert output["results"]["UP_TO_DATE"] is True
    assert output["results"]["SRID"] == 32646


def test_qgis_process_refuses_a_first_install_without_srid(qgis_process, fresh_dsn):
    done, _ = qgis_process.run_json("imis:upgrade_database", DATABASE=fresh_dsn)
    assert done.returncode != 0
    assert "SRID parameter" in done.stdout + done.stderr
    _assert_no_password(done)


def _system_python_has(module: str) -> bool:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    check = subprocess.run(
        ["/usr/bin/python3", "-c", f"import {module}"], env=env, capture_output=True, check=False
    )
    return check.returncode == 0


def test_without_python_dependencies_the_plugin_loads_and_explains(tmp_path_factory, plugin_zip):
    if _system_python_has("sqlalchemy"):
        pytest.skip("QGIS's own Python has sqlalchemy here: nothing is missing")
    qgis_process = _install(tmp_path_factory, plugin_zip, pythonpath=None)
    done = qgis_process("--json", "list")
    assert done.returncode == 0, done.stderr
    assert "imis:database_status" in json.loads(done.stdout)["providers"]["imis"]["algorithms"]

    done, _ = qgis_process.run_json("imis:database_status", DATABASE="imis")
    assert done.returncode != 0
    assert "IMIS needs the Python packages sqlalchemy" in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
