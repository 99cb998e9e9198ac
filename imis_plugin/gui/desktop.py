"""The desktop part of the IMIS plugin: "Create IMIS project" (a QgsTask with progress and cancel), the
One-ID explorer and service dashboard docks, the IMIS toolbar, the Bangla translation, and the check that
the database is at the revision this plugin expects (with the upgrade offered to administrators).

:class:`ImisPlugin` creates one :class:`DesktopUi` in ``initGui`` and unloads it in ``unload``.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsFeedback, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QKeySequence
from qgis.PyQt.QtWidgets import QAction, QFileDialog, QPushButton

from .. import translation

LOG_TAG = "IMIS"
TOOLBAR_OBJECT_NAME = "ImisToolbar"


def tr(text: str) -> str:
    return QCoreApplication.translate("ImisDesktop", text)


def current_database() -> str:
    """The database the desktop tools work on: the open IMIS project's, else the current city's."""
    from ..processing.base import default_database
    from .map_tools import project_database

    return project_database() or default_database()


def current_dsn() -> str:
    from ..db.connect import resolve_dsn

    return resolve_dsn(current_database())


class BuildProjectTask(QgsTask):
    """Builds the IMIS project in the background; progress and cancel go through the task manager."""

    def __init__(self, target: str, output: str, language: str = "en", on_done=None):
        super().__init__(tr("Creating the IMIS project"), QgsTask.CanCancel)
        self.target, self.output, self.language = target, output, language
        self.on_done = on_done
        self.result = None
        self.error = None

    def run(self):
        from ..project.builder import build_project

        try:
            self.result = build_project(
                self.target, self.output, language=self.language, feedback=_TaskFeedback(self)
            )
            return True
        except Exception as error:  # noqa: BLE001 - reported in finished(), in the main thread
            self.error = str(error)
            return False

    def finished(self, ok):
        if self.on_done is not None:
            self.on_done(ok, self.result, self.error)


class _TaskFeedback(QgsFeedback):
    """QgsFeedback that reports to a task and sees its cancel button."""

    def __init__(self, task):
        super().__init__()
        self._task = task

    def isCanceled(self):
        return self._task.isCanceled()

    def setProgress(self, progress):
        self._task.setProgress(progress)


class DesktopUi:
    def __init__(self, iface, menu, run_algorithm=None):
        self.iface = iface
        self.menu = menu
        self.run_algorithm = run_algorithm
        self.actions: list[QAction] = []
        self.toolbar = None
        self.one_id = None
        self.dashboard = None
        self.translator = None
        self.task = None

    # Set-up -------------------------------------------------------------------------------------------
    def init(self):
        self.translator = translation.install()
        self.toolbar = self.iface.addToolBar(tr("IMIS"))
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)
        self.menu.addSeparator()
        self._action(
            tr("Create IMIS project…"),
            "/mActionNewProject.svg",
            self.create_project,
            "ImisCreateProject",
            tr("Build a QGIS project with every IMIS layer, style, form and relation"),
        )
        self._action(
            tr("One-ID explorer"),
            "/mActionIdentify.svg",
            self.toggle_one_id,
            "ImisOneId",
            tr("Find a building, holding, owner or containment and see its whole record (Ctrl+Alt+I)"),
            shortcut="Ctrl+Alt+I",
            checkable=True,
        )
        self._action(
            tr("Service dashboard"),
            "/mActionShowStatisticalSummary.svg",
            self.toggle_dashboard,
            "ImisDashboard",
            tr("FSM service figures against their targets"),
            checkable=True,
        )

    def _action(self, text, icon, slot, name, tip, shortcut=None, checkable=False):
        action = QAction(QgsApplication.getThemeIcon(icon), text, self.menu)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setCheckable(checkable)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.menu.addAction(action)
        self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def unload(self):
        for dock in (self.one_id, self.dashboard):
            if dock is not None:
                self.iface.removeDockWidget(dock)
                dock.close()
                dock.deleteLater()
        self.one_id = self.dashboard = None
        for action in self.actions:
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            self.menu.removeAction(action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        translation.uninstall(self.translator)
        self.translator = None

    # Database check -----------------------------------------------------------------------------------
    def database_ready(self) -> bool:
        """True when the database is at this plugin's revision; otherwise say why, politely, once."""
        from ..db.compat import check

        try:
            compatibility = check(current_dsn())
        except Exception as error:  # noqa: BLE001
            self._push(tr("Cannot reach the IMIS database: {}").format(error), Qgis.Warning)
            return False
        if compatibility.ok:
            return True
        bar = self.iface.messageBar()
        item = bar.createMessage("IMIS", compatibility.message())
        if compatibility.can_upgrade and self.run_algorithm is not None:
            button = QPushButton(tr("Upgrade…"), item)
            button.setObjectName("ImisUpgradeButton")
            button.clicked.connect(lambda: self.run_algorithm("imis:upgrade_database"))
            item.layout().addWidget(button)
        bar.pushWidget(item, Qgis.Warning, 0)
        QgsMessageLog.logMessage(compatibility.message(), LOG_TAG, Qgis.Warning)
        return False

    def _push(self, text, level=Qgis.Info, seconds=6):
        self.iface.messageBar().pushMessage("IMIS", text, level, seconds)

    # Project ------------------------------------------------------------------------------------------
    def create_project(self, output: str | None = None):
        if not self.database_ready():
            return None
        target = current_database()
        if not output:
            suggested = str(Path.home() / "IMIS" / f"imis_{target if target.isidentifier() else 'city'}.qgz")
            output, _ = QFileDialog.getSaveFileName(
                self.iface.mainWindow(),
                tr("Save the IMIS project as"),
                suggested,
                tr("QGIS projects (*.qgz)"),
            )
            if not output:
                return None
        language = "bn" if translation.locale_language() == "bn" else "en"
        self.task = BuildProjectTask(target, output, language, self._project_built)
        QgsApplication.taskManager().addTask(self.task)
        self._push(tr("Creating the IMIS project… (progress and cancel in the task bar)"))
        return self.task

    def _project_built(self, ok, result, error):
        if not ok:
            self._push(
                tr("The IMIS project was not created: {}").format(error or tr("cancelled")), Qgis.Warning, 10
            )
            return
        self.iface.addProject(str(result.path))
        text = tr("IMIS project opened: {} layers, {} relations.").format(result.layers, result.relations)
        if result.read_only:
            text += " " + tr("{} layers are read-only for your role.").format(len(result.read_only))
        self._push(text, Qgis.Success)

    # Docks --------------------------------------------------------------------------------------------
    def toggle_one_id(self, checked=True):
        if self.one_id is None:
            if not self.database_ready():
                self._uncheck("ImisOneId")
                return
            from .one_id import OneIdDock

            self.one_id = OneIdDock(
                current_dsn, self.iface.mapCanvas(), self.iface.messageBar(), self.iface.mainWindow()
            )
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.one_id)
            self.one_id.visibilityChanged.connect(lambda visible: self._check("ImisOneId", visible))
        self.one_id.setVisible(bool(checked))
        if checked:
            self.one_id.raise_()
            self.one_id.search.setFocus()

    def toggle_dashboard(self, checked=True):
        if self.dashboard is None:
            if not self.database_ready():
                self._uncheck("ImisDashboard")
                return
            from .dashboard import DashboardDock

            try:
                self.dashboard = DashboardDock(
                    current_dsn, self.iface.mapCanvas(), self.iface.messageBar(), self.iface.mainWindow()
                )
            except ImportError as error:  # matplotlib comes with QGIS on Debian, not everywhere
                self._push(
                    tr("The dashboard needs matplotlib in QGIS's Python: {}").format(error), Qgis.Warning
                )
                self._uncheck("ImisDashboard")
                return
            self.iface.addDockWidget(Qt.BottomDockWidgetArea, self.dashboard)
            self.dashboard.visibilityChanged.connect(lambda visible: self._check("ImisDashboard", visible))
            self.dashboard.refresh()
        self.dashboard.setVisible(bool(checked))

    def _check(self, name, value):
        for action in self.actions:
            if action.objectName() == name:
                action.setChecked(value)

    def _uncheck(self, name):
        self._check(name, False)
