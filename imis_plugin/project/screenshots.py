"""PNG screenshots of the IMIS workspace, rendered offscreen: the map (whole city and a neighbourhood), the
One-ID explorer, the service dashboard and the building survey form. `make demo` writes them into its
output folder; docs/desktop.md shows them.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

SIZE = (1600, 1200)


def ensure_qgis():
    """A running QgsApplication with a GUI (offscreen when there is no display); returns it."""
    from qgis.core import QgsApplication

    app = QgsApplication.instance()
    if app is not None:
        return app
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QgsApplication([], True)
    app.initQgis()
    ensure_qgis._app = app  # keep a reference for the process's lifetime
    return app


def visible_layers(project):
    """The project's visible map layers, top first, as the layer tree draws them."""
    root = project.layerTreeRoot()
    return [
        layer
        for layer in root.layerOrder()
        if layer.isSpatial()
        and root.findLayer(layer.id()) is not None
        and root.findLayer(layer.id()).isVisible()
    ]


def map_settings(project, extent, size=SIZE):
    from qgis.core import QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    settings = QgsMapSettings()
    settings.setLayers(visible_layers(project))
    settings.setDestinationCrs(project.crs())
    settings.setOutputSize(QSize(*size))
    settings.setBackgroundColor(QColor("white"))
    settings.setExtent(extent)
    settings.setTransformContext(project.transformContext())
    settings.setFlag(settings.Antialiasing, True)
    return settings


def render_map(project, extent, path: Path, size=SIZE, layers=None, antialiasing: bool = True) -> Path:
    """Render the project's visible layers (or `layers`) over `extent` into a PNG. Without anti-aliasing a
    whole city's small buildings look the same and the PNG is several times smaller."""
    from qgis.core import QgsMapRendererParallelJob

    settings = map_settings(project, extent, size)
    if layers is not None:
        settings.setLayers(layers)
    settings.setFlag(settings.Antialiasing, antialiasing)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")
    return path


def _delete(widget):
    """Delete a widget now (not at the next event loop), before the layers it shows are removed."""
    from qgis.PyQt import sip

    if not sip.isdeleted(widget):
        sip.delete(widget)


def grab(widget, path: Path, size=(900, 800), settle: float = 0.1) -> Path:
    """A widget (dock, form) drawn offscreen into a PNG; `settle` seconds let background loads finish."""
    from qgis.PyQt.QtWidgets import QApplication

    widget.resize(*size)
    widget.show()
    # relation references and value relations fill in from background threads: let them finish
    deadline = time.monotonic() + settle
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    pixmap = widget.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")
    widget.hide()
    return path


def is_blank(path: Path) -> bool:
    """True if the PNG holds a single colour (nothing was drawn)."""
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        return True
    small = image.scaled(64, 48)
    first = small.pixel(0, 0)
    return all(small.pixel(x, y) == first for x in range(small.width()) for y in range(small.height()))


def write_screenshots(
    target: str, folder: str | Path, project_path: str | Path | None = None, log=print
) -> list[Path]:
    """Build (or open) the IMIS project for `target` and write the screenshots into `folder`."""
    ensure_qgis()
    from qgis.core import QgsProject, QgsRectangle

    from ..db.connect import resolve_dsn
    from ..gui.dashboard import DashboardDock
    from ..gui.one_id import OneIdDock
    from .builder import build_project

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    project_path = Path(project_path) if project_path else folder / "imis.qgz"
    if not project_path.is_file():
        build_project(target, project_path)
    project = QgsProject.instance()
    if not project.read(str(project_path)):
        raise RuntimeError(f"cannot open {project_path}: {project.error()}")
    written = []
    city = project.viewSettings().defaultViewExtent()
    if city.isEmpty():
        city = QgsRectangle()
        for layer in visible_layers(project):
            city.combineExtentWith(layer.extent())
    written.append(render_map(project, _fit(city, SIZE), folder / "map_city.png"))
    log(f"screenshot {written[-1]}")

    dsn = resolve_dsn(target)
    detail = _neighbourhood(dsn)
    if detail is not None:
        written.append(render_map(project, _fit(detail, SIZE), folder / "map_detail.png"))
        log(f"screenshot {written[-1]}")

    from qgis.gui import QgsMapCanvas

    canvas = QgsMapCanvas()
    canvas.setDestinationCrs(project.crs())
    canvas.setLayers(visible_layers(project))
    one_id = OneIdDock(lambda: dsn, canvas)
    first = _first_bin(dsn)
    if first:
        one_id.search.setText(first)
        one_id.run_search()
        one_id.results.setCurrentRow(0)
    one_id.splitter.setSizes([90, 900])  # room for the whole record, timeline included
    written.append(grab(one_id, folder / "one_id_explorer.png", (560, 1060)))
    log(f"screenshot {written[-1]}")

    dashboard = DashboardDock(lambda: dsn, canvas)
    dashboard.set_filters("all")
    written.append(grab(dashboard, folder / "service_dashboard.png", (900, 720)))
    log(f"screenshot {written[-1]}")

    form = _building_form(project, canvas)
    if form is not None:
        written.append(grab(form, folder / "building_form.png", (760, 640), settle=1.5))
        log(f"screenshot {written[-1]}")
        _delete(form)
    one_id.close()
    _delete(one_id)
    _delete(dashboard)
    project.clear()
    return written


def _fit(extent, size):
    """`extent` widened to the image's aspect ratio (so nothing is cut off)."""
    from qgis.core import QgsRectangle

    width, height = size
    ratio = width / height
    w, h = extent.width(), extent.height()
    if w / max(h, 1e-9) < ratio:
        w = h * ratio
    else:
        h = w / ratio
    c = extent.center()
    return QgsRectangle(c.x() - w / 2, c.y() - h / 2, c.x() + w / 2, c.y() + h / 2)


def _neighbourhood(dsn):
    """About 500 m around a building with a containment near the middle of the city: labels show there."""
    from qgis.core import QgsRectangle

    from ..db.connect import transaction

    with transaction(dsn) as conn, conn.cursor() as cur:
        # the middle of the city, at a building with a containment
        cur.execute("""
            SELECT ST_X(ST_Centroid(b.geom)), ST_Y(ST_Centroid(b.geom)) FROM imis_core.building b
            WHERE EXISTS (SELECT 1 FROM imis_core.building_containment bc WHERE bc.building_id = b.id)
            ORDER BY b.geom <-> (SELECT ST_SetSRID(ST_Centroid(ST_Extent(geom)), (SELECT srid FROM imis_core.city))
                                 FROM imis_core.building)
            LIMIT 1""")
        row = cur.fetchone()
        if row is None:
            cur.execute(
                "SELECT ST_X(ST_Centroid(geom)), ST_Y(ST_Centroid(geom)) FROM imis_core.building "
                "ORDER BY bin LIMIT 1"
            )
            row = cur.fetchone()
    if row is None:
        return None
    x, y = row
    return QgsRectangle(x - 250, y - 190, x + 250, y + 190)


def _first_bin(dsn):
    from ..db.connect import transaction

    with transaction(dsn) as conn, conn.cursor() as cur:
        # a building with a service history makes the fullest record
        cur.execute(
            "SELECT b.bin FROM imis_fsm.application a JOIN imis_core.building b ON b.id = a.building_id "
            "JOIN imis_fsm.emptying e ON e.application_id = a.id ORDER BY a.application_date LIMIT 1"
        )
        row = cur.fetchone()
        if row is None:
            cur.execute("SELECT bin FROM imis_core.building ORDER BY bin LIMIT 1")
            row = cur.fetchone()
        return row[0] if row else None


def form_context(canvas=None):
    """An attribute-editor context that works outside QGIS desktop (relation editors need layer tools)."""
    from qgis.core import QgsVectorLayerTools
    from qgis.gui import QgsAttributeEditorContext

    class LayerTools(QgsVectorLayerTools):
        """Plain editing without dialogs: what the embedded relation editors call."""

        def addFeature(self, layer, defaultValues=None, defaultGeometry=None, feature=None):
            return False, feature

        def startEditing(self, layer):
            return layer.startEditing()

        def stopEditing(self, layer, allowCancel=True):
            return layer.commitChanges()

        def saveEdits(self, layer):
            return layer.commitChanges(False)

        def copyMoveFeatures(
            self, layer, request, dx=0, dy=0, errorMsg=None, topologicalEditing=False, topologicalLayer=None
        ):
            return False

    context = QgsAttributeEditorContext()
    tools = LayerTools()
    context.setVectorLayerTools(tools)
    context._imis_tools = tools  # the context does not own the tools: keep them alive with it
    if canvas is not None:
        context.setMapCanvas(canvas)
    return context


def open_form(layer, feature, canvas=None):
    """An attribute form on `feature`, usable outside QGIS desktop; delete it before its layer goes."""
    from qgis.gui import QgsAttributeForm, QgsGui

    # QGIS desktop registers the editor widgets at start-up; a standalone application must do it itself
    if not QgsGui.editorWidgetRegistry().factories():
        QgsGui.editorWidgetRegistry().initEditors(canvas)
    context = form_context(canvas)
    form = QgsAttributeForm(layer, feature, context)
    form._imis_context = context  # the form keeps pointers into the context's layer tools
    form.setWindowTitle(layer.name())
    return form


def _building_form(project, canvas=None):
    """The building survey form on the first building, as a user sees it."""
    from qgis.core import QgsFeatureRequest

    from ..gui.map_tools import find_layer

    layer = find_layer("imis_core.building", project)
    if layer is None:
        return None
    feature = next(layer.getFeatures(QgsFeatureRequest().setLimit(1)), None)
    if feature is None:
        return None
    return open_form(layer, feature, canvas)


DEMO_FOLDER = Path("demo-output") / "screenshots"


def demo_screenshots(target: str, folder: str | Path | None = None, log=print) -> list[Path]:
    """The `make demo` step: the IMIS project and its screenshots in `folder` (default demo-output/screenshots).

    Without QGIS's Python bindings (a server without QGIS) it says so and returns nothing."""
    try:
        import qgis.core  # noqa: F401
    except ImportError:
        log("screenshots skipped: QGIS's Python bindings are not installed (apt install python3-qgis)")
        return []
    folder = Path(folder) if folder else DEMO_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    project = folder / "imis.qgz"
    if project.exists():
        project.unlink()  # always the project of the database as it is now
    from .builder import build_project

    ensure_qgis()
    build_project(target, project)
    log(f"IMIS project: {project}")
    return write_screenshots(target, folder, project, log=log)
