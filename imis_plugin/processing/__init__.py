"""The IMIS Processing provider and the shared base of the algorithms in ``processing_scripts/``.

Kept free of ``qgis`` imports at module level: :func:`missing_dependencies` is also used by the plugin
before anything heavy is imported.
"""

import importlib.util

#: Python modules IMIS needs besides QGIS, mapped to the name a user installs them under with pip.
REQUIRED_MODULES = {
    "sqlalchemy": "sqlalchemy",
    "geoalchemy2": "geoalchemy2",
    "alembic": "alembic",
    "psycopg2": "psycopg2-binary",
}


def missing_dependencies(modules=None) -> list[str]:
    """Return the names of the required Python modules that cannot be found (without importing them)."""
    missing = []
    for module in modules if modules is not None else REQUIRED_MODULES:
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(module)
    return missing


def missing_dependencies_message(missing: list[str]) -> str:
    """A user-readable sentence naming the missing modules and how to install them."""
    pip_names = " ".join(REQUIRED_MODULES.get(name, name) for name in missing)
    return (
        f"IMIS needs the Python packages {', '.join(missing)}, which the Python of QGIS cannot find. "
        f"Install them for that Python (pip package names: {pip_names}), then restart QGIS."
    )
