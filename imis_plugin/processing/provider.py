"""The IMIS Processing provider.

It holds no list of algorithms: every ``.py`` file in ``processing_scripts/`` (found through
:mod:`imis_plugin.paths`) is a standalone Processing script defining one ``QgsProcessingAlgorithm``
subclass, and the provider loads whatever is there. A script that fails to import is reported in the
message log and skipped; the others still load.
"""

import configparser
import importlib.util
import inspect
import sys
import traceback
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProcessingAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication

from .. import paths

LOG_TAG = "IMIS"
#: Prefix of the private module names the scripts are imported under (never a name on sys.path).
SCRIPT_MODULE_PREFIX = "_imis_processing_scripts."


def plugin_version() -> str:
    """The plugin version, from metadata.txt (the single source QGIS reads too)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(paths.METADATA, encoding="utf-8")
    return parser.get("general", "version", fallback="")


def script_files(folder: Path | None = None) -> list[Path]:
    """The Processing scripts the provider loads: ``*.py`` in the folder, sorted, not starting with ``_``."""
    folder = paths.PROCESSING_SCRIPTS_DIR if folder is None else Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.py") if p.is_file() and not p.name.startswith("_"))


def load_script(path: Path) -> list[type]:
    """Import one script file under a private module name; return the algorithm classes defined in it."""
    module_name = SCRIPT_MODULE_PREFIX + path.stem
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    previous = sys.modules.get(module_name)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        if previous is None:
            sys.modules.pop(module_name, None)
        else:
            sys.modules[module_name] = previous
        raise
    return [
        obj
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, QgsProcessingAlgorithm) and obj.__module__ == module_name
    ]


class ImisProvider(QgsProcessingProvider):
    """Processing provider ``imis``: the algorithms of ``processing_scripts/``."""

    def __init__(self, scripts_dir: Path | None = None):
        super().__init__()
        self._scripts_dir = scripts_dir
        #: script file -> error text, for the scripts that failed to load at the last refresh
        self.load_errors: dict[Path, str] = {}

    def id(self):
        return "imis"

    def name(self):
        return "IMIS"

    def longName(self):
        return f"IMIS {plugin_version()}"

    def versionInfo(self):
        return plugin_version()

    def icon(self):
        return QgsApplication.getThemeIcon("/mIconPostgis.svg")

    def svgIconPath(self):
        return QgsApplication.iconPath("mIconPostgis.svg")

    def loadAlgorithms(self):
        self.load_errors = {}
        for path in script_files(self._scripts_dir):
            try:
                classes = load_script(path)
                if not classes:
                    raise ImportError(f"{path.name} defines no QgsProcessingAlgorithm subclass")
                if len(classes) > 1:
                    names = ", ".join(cls.__name__ for cls in classes)
                    QgsMessageLog.logMessage(
                        self.tr("{} defines several algorithms ({}); one per script is expected").format(
                            path.name, names
                        ),
                        LOG_TAG,
                        Qgis.MessageLevel.Warning,
                    )
                for cls in classes:
                    algorithm = cls().createInstance()
                    if not self.addAlgorithm(algorithm):
                        raise ImportError(f"{path.name}: QGIS refused algorithm {cls.__name__}")
            except Exception:  # noqa: BLE001 (a broken script must not take the provider down)
                self.load_errors[path] = traceback.format_exc()
                QgsMessageLog.logMessage(
                    self.tr("Cannot load the Processing script {}:\n{}").format(path, self.load_errors[path]),
                    LOG_TAG,
                    Qgis.MessageLevel.Critical,
                )

    def unload(self):
        """Forget the script modules (QGIS's plugin reloader only clears ``imis_plugin.*``)."""
        for name in [n for n in sys.modules if n.startswith(SCRIPT_MODULE_PREFIX)]:
            del sys.modules[name]

    def tr(self, text):
        return QCoreApplication.translate("ImisProvider", text)
