"""Translations of the IMIS user interface (Qt .ts/.qm files in imis_plugin/i18n/).

The plugin installs the translator of the user's QGIS locale at start-up (:func:`install`). Translators
edit ``i18n/imis_<lang>.ts`` with Qt Linguist; two commands keep it in step with the code:

    python -m imis_plugin.translation update    # add new strings to every .ts, keep the translations
    python -m imis_plugin.translation compile   # .ts -> .qm with lrelease (Debian: qttools5-dev-tools)

Strings are found in ``tr()``/``translate()`` calls of the plugin and its Processing scripts, in the tables
of names the code translates at run time (layer groups, KPI titles...) and in the form files of forms/.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from . import paths

I18N_DIR = Path(__file__).resolve().parent / "i18n"
LANGUAGES = ("bn",)
_installed = []


def locale_language() -> str:
    """The two-letter language of the user's QGIS locale (QGIS setting locale/userLocale, else the system)."""
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QLocale

    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/userLocale", "") or QLocale().name()
    else:
        name = QLocale().name()
    return (name or "en")[:2]


def install(language: str | None = None):
    """Install the translator for `language` (default: the QGIS locale); returns it, or None for English."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    language = language or locale_language()
    path = I18N_DIR / f"imis_{language}.qm"
    if not path.is_file():
        return None
    translator = QTranslator()
    if not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)  # Qt does not own it: keep it alive while installed
    return translator


def uninstall(translator) -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    if translator is not None:
        QCoreApplication.removeTranslator(translator)
        if translator in _installed:
            _installed.remove(translator)


# Extraction -------------------------------------------------------------------------------------------
def _literal(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _file_context(tree) -> str | None:
    """The context of a module's own `tr()`: the first literal given to QCoreApplication.translate, else
    ImisProcessing for a module of Processing algorithms (their `self.tr()` is the base class's)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "translate" and node.args:
            context = _literal(node.args[0])
            if context:
                return context
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            bases = {getattr(base, "id", None) or getattr(base, "attr", None) for base in node.bases}
            if "ImisAlgorithm" in bases:
                return "ImisProcessing"
    return None


def strings_in_python(path: Path, default_context: str) -> set[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    context = _file_context(tree) or default_context
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name == "tr" and node.args and _literal(node.args[0]):
            found.add((context, _literal(node.args[0])))
        elif (
            name == "translate" and len(node.args) >= 2 and _literal(node.args[0]) and _literal(node.args[1])
        ):
            found.add((_literal(node.args[0]), _literal(node.args[1])))
    return found


def strings_in_tables() -> set[tuple[str, str]]:
    """Names the code translates from tables at run time."""
    from .fsm.jobs import STATES
    from .gui import dashboard, one_id, service_queue
    from .planning.attributes import OPERATORS
    from .processing.base import GROUPS as TOOLBOX_GROUPS
    from .project import constraints, layers
    from . import service_kpis

    found = {("ImisProject", title) for _, title in layers.GROUPS}
    found |= {("ImisProject", name) for _, name in layers.LAYERS.values()}
    found |= {("ImisForms", text) for text in constraints._NAMED_MESSAGES.values()}
    found |= {("ImisForms", text) for _, text in constraints._SUFFIX_MESSAGES}
    for kpi in service_kpis.KPIS:
        found |= {("ImisDashboard", kpi.title), ("ImisDashboard", kpi.description)}
    found |= {("ImisDashboard", label) for _, label in service_kpis.PERIODS}
    found |= {("ImisDashboard", text) for text in service_kpis.FEATURE_MEANING.values()}
    found |= {
        ("ImisDashboard", reason)
        for reason in (
            "no applications in the period",
            "no emptyings in the period",
            "no feedback in the period",
            "no application of the period was emptied",
        )
    }
    found |= {
        ("ImisOneId", text) for text in list(one_id.KIND_LABELS.values()) + list(one_id.STEP_LABELS.values())
    }
    found |= {("ImisProcessing", name) for name in TOOLBOX_GROUPS.values()}
    found |= {("ImisProcessing", label) for label in OPERATORS.values()}
    found |= {("ImisServiceQueue", label) for _, label in service_queue.COLUMNS}
    found |= {("ImisServiceQueue", label) for label in service_queue.ACTION_LABELS.values()}
    found |= {("ImisServiceQueue", text) for state in STATES for text in (state, state.capitalize())}
    found |= {
        ("ImisServiceQueue", reason)  # overdue_reason of imis_app.fsm_job (database/app/40_fsm.sql)
        for reason in (
            "not assessed in time",
            "not scheduled within the response target",
            "scheduled date passed without emptying",
            "no feedback",
            "response target missed",
        )
    }
    del dashboard
    return found


def strings_in_scripts() -> set[tuple[str, str]]:
    """DISPLAY_NAME and HELP of the Processing scripts (translated by the base class), and the labels of their
    ADVANCED tables of (name, key, label, default) parameters."""
    found = set()
    for path in sorted(paths.PROCESSING_SCRIPTS_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
                continue
            target = getattr(node.targets[0], "id", None)
            if target in ("DISPLAY_NAME", "HELP", "ADVANCED"):
                try:
                    value = ast.literal_eval(node.value)
                except ValueError:
                    continue
                if target == "ADVANCED":
                    found |= {("ImisProcessing", row[2]) for row in value}
                elif isinstance(value, str) and value:
                    found.add(("ImisProcessing", value))
        found |= {("ImisProcessing", text) for _, text in strings_in_python(path, "ImisProcessing")}
    return found


def strings_in_forms(folder: Path | None = None) -> set[tuple[str, str]]:
    folder = Path(folder or paths.FORMS_DIR)
    found = set()

    def walk_items(items):
        for item in items:
            if isinstance(item, dict):
                for key in ("label", "group"):
                    if item.get(key):
                        found.add(("ImisForms", item[key]))
                walk_items(item.get("items", []))

    for path in sorted(folder.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        found |= {("ImisForms", text) for text in spec.get("aliases", {}).values()}
        found |= {("ImisForms", rule["message"]) for rule in spec.get("constraints", {}).values()}
        for tab in spec.get("tabs", []):
            found.add(("ImisForms", tab["name"]))
            if tab.get("hint"):
                found.add(("ImisForms", tab["hint"]))
            walk_items(tab.get("items", []))
    return found


def all_strings() -> set[tuple[str, str]]:
    found = set()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        if "__pycache__" not in path.parts:
            found |= strings_in_python(path, "Imis")
    return found | strings_in_tables() | strings_in_scripts() | strings_in_forms()


# .ts files ----------------------------------------------------------------------------------------------
def read_ts(path: Path) -> dict[tuple[str, str], str]:
    if not path.is_file():
        return {}
    translations = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") != "obsolete":
                translations[(name, message.findtext("source"))] = translation.text
    return translations


def write_ts(path: Path, language: str, strings, translations: dict) -> tuple[int, int]:
    """Write every string, translated where known; returns (strings, translated)."""
    root = ET.Element("TS", version="2.1", language=language)
    by_context: dict[str, list[str]] = {}
    for context, source in strings:
        by_context.setdefault(context, []).append(source)
    done = 0
    for context in sorted(by_context):
        node = ET.SubElement(root, "context")
        ET.SubElement(node, "name").text = context
        for source in sorted(set(by_context[context])):
            message = ET.SubElement(node, "message")
            ET.SubElement(message, "source").text = source
            text = translations.get((context, source))
            translation = ET.SubElement(message, "translation")
            if text:
                translation.text = text
                done += 1
            else:
                translation.set("type", "unfinished")
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as stream:
        stream.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        stream.write(ET.tostring(root, encoding="unicode"))
        stream.write("\n")
    return sum(len(set(v)) for v in by_context.values()), done


def lrelease() -> str | None:
    for candidate in ("lrelease", "/usr/lib/qt5/bin/lrelease", "lrelease-qt5"):
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found:
            return found
    return None


def compile_ts(path: Path) -> Path:
    tool = lrelease()
    if tool is None:
        raise RuntimeError("lrelease not found: install qttools5-dev-tools (Debian) to compile translations")
    target = path.with_suffix(".qm")
    proc = subprocess.run(
        [tool, "-silent", str(path), "-qm", str(target)],
        capture_output=True,
        text=True,
        env={"QT_SELECT": "qt5", **__import__("os").environ},
    )
    if proc.returncode != 0:
        raise RuntimeError(f"lrelease failed on {path.name}: {proc.stderr or proc.stdout}")
    return target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m imis_plugin.translation")
    parser.add_argument("command", choices=("update", "compile"))
    args = parser.parse_args(argv)
    for language in LANGUAGES:
        path = I18N_DIR / f"imis_{language}.ts"
        if args.command == "update":
            strings = all_strings()
            total, done = write_ts(path, language, strings, read_ts(path))
            print(f"{path}: {total} strings, {done} translated")
        else:
            print(f"{compile_ts(path)} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
