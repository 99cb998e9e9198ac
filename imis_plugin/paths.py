"""Where IMIS finds its non-Python parts.

In a development checkout the package sits next to database/, migrations/, processing_scripts/ and forms/;
once packaged as a QGIS plugin those folders are copied into the plugin folder itself. Both cases resolve
to one ROOT so the rest of the code never guesses.
"""
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find_root() -> Path:
    for candidate in (_PACKAGE, _PACKAGE.parent):
        if (candidate / "metadata.txt").is_file() and (candidate / "database").is_dir():
            return candidate
    raise RuntimeError(f"IMIS cannot find metadata.txt and database/ next to {_PACKAGE}")


ROOT = _find_root()
METADATA = ROOT / "metadata.txt"
DATABASE_DIR = ROOT / "database"
CODELISTS_DIR = DATABASE_DIR / "codelists"
APP_SQL_DIR = DATABASE_DIR / "app"
MIGRATIONS_DIR = ROOT / "migrations"
PROCESSING_SCRIPTS_DIR = ROOT / "processing_scripts"
FORMS_DIR = ROOT / "forms"
