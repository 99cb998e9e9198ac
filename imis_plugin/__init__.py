"""IMIS for QGIS.

QGIS calls :func:`classFactory` to load the plugin (``qgis_process`` calls it with ``iface=None`` and then
only ``initProcessing()``). The command line and the tests import this package outside QGIS too, so nothing
here imports ``qgis`` at module level: the plugin class is imported lazily.
"""


def classFactory(iface):
    """Return the IMIS plugin instance for QGIS (``iface`` may be None when run headless)."""
    from .plugin import ImisPlugin

    return ImisPlugin(iface)
