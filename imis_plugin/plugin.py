"""The IMIS QGIS plugin: registers the Processing provider and adds the IMIS menu.

``qgis_process`` creates the plugin with ``iface=None`` and calls only :meth:`ImisPlugin.initProcessing`;
QGIS desktop calls :meth:`ImisPlugin.initGui`. :meth:`ImisPlugin.unload` removes everything either added.
"""

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QLineEdit, QMenu

from .processing import REQUIRED_MODULES, missing_dependencies, missing_dependencies_message
from .processing.provider import LOG_TAG, ImisProvider

MENU_OBJECT_NAME = "ImisMenu"
#: Text typed into the Processing toolbox search box to show the IMIS algorithms (they all carry this tag).
TOOLBOX_FILTER = "imis"


class ImisPlugin:
    #: The Python modules checked at start-up (a class attribute so a subclass can name others).
    REQUIRED_MODULES = tuple(REQUIRED_MODULES)

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.menu = None
        self.city_menu = None
        self.desktop = None
        self.service_queue = None
        self.actions: list[QAction] = []
        self.missing: list[str] = []

    @staticmethod
    def tr(text):
        return QCoreApplication.translate("ImisPlugin", text)

    # Processing -----------------------------------------------------------------------------------------
    def initProcessing(self):
        """Register the IMIS provider (idempotent); never touches ``iface``."""
        self.missing = missing_dependencies(self.REQUIRED_MODULES)
        if self.missing and self.iface is None:
            QgsMessageLog.logMessage(
                missing_dependencies_message(self.missing), LOG_TAG, Qgis.MessageLevel.Warning
            )
        if self.provider is not None:
            return
        provider = ImisProvider()
        if QgsApplication.processingRegistry().addProvider(provider):
            self.provider = provider
        else:
            QgsMessageLog.logMessage(
                self.tr("The IMIS Processing provider could not be registered (is another IMIS loaded?)"),
                LOG_TAG,
                Qgis.MessageLevel.Critical,
            )

    # GUI ------------------------------------------------------------------------------------------------
    def initGui(self):
        self.initProcessing()
        main_window = self.iface.mainWindow()
        menu_bar = main_window.menuBar()
        self.menu = QMenu(self.tr("&IMIS"), menu_bar)
        self.menu.setObjectName(MENU_OBJECT_NAME)

        self._add_action(self.tr("Processing tools…"), self.show_toolbox, "ImisShowToolbox")
        self.menu.addSeparator()
        self._add_action(
            self.tr("Database status…"),
            lambda: self.run_algorithm("imis:database_status"),
            "ImisDatabaseStatus",
        )
        self._add_action(
            self.tr("Upgrade database…"),
            lambda: self.run_algorithm("imis:upgrade_database"),
            "ImisUpgradeDatabase",
        )
        self.city_menu = self.menu.addMenu(self.tr("City"))
        self.city_menu.menuAction().setObjectName("ImisCityMenu")
        self.city_menu.aboutToShow.connect(self.fill_city_menu)
        self.menu.addSeparator()  # field work with QField: thin entries over the two algorithms
        self._add_action(
            self.tr("Create QField package…"),
            lambda: self.run_algorithm("imis:create_qfield_package"),
            "ImisCreateQFieldPackage",
        )
        self._add_action(
            self.tr("Import field edits…"),
            lambda: self.run_algorithm("imis:import_field_edits"),
            "ImisImportFieldEdits",
        )
        from .gui.desktop import DesktopUi  # project builder, One-ID explorer, dashboard, toolbar

        self.desktop = DesktopUi(self.iface, self.menu, self.run_algorithm)
        self.desktop.init()
        from .gui.service_queue import ServiceQueueUi  # FSM jobs by state, next action, overdue flags

        self.service_queue = ServiceQueueUi(self.iface, self.menu)
        self.service_queue.init()

        help_menu = next(
            (a for a in menu_bar.actions() if a.menu() and a.menu().objectName() == "mHelpMenu"), None
        )
        if help_menu is not None:
            menu_bar.insertMenu(help_menu, self.menu)
        else:
            menu_bar.addMenu(self.menu)

        if self.missing:
            self.iface.messageBar().pushMessage(
                "IMIS", missing_dependencies_message(self.missing), Qgis.MessageLevel.Warning, 0
            )
            QgsMessageLog.logMessage(
                missing_dependencies_message(self.missing), LOG_TAG, Qgis.MessageLevel.Warning
            )

    def _add_action(self, text, slot, object_name):
        action = QAction(text, self.menu)
        action.setObjectName(object_name)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        self.actions.append(action)
        return action

    def unload(self):
        if getattr(self, "service_queue", None) is not None:
            self.service_queue.unload()
            self.service_queue = None
        if getattr(self, "desktop", None) is not None:
            self.desktop.unload()
            self.desktop = None
        if self.menu is not None:
            if self.iface is not None:
                self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.clear()
            self.menu.deleteLater()
            self.menu = self.city_menu = None
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None

    # Menu actions ---------------------------------------------------------------------------------------
    def fill_city_menu(self):
        """The registered cities (`imis cities add`), the current one checked."""
        self.city_menu.clear()
        try:
            from . import cities

            registered, current = cities.cities(), cities.current()
        except Exception as exc:  # noqa: BLE001 - a damaged registry is reported, not raised into Qt
            self.city_menu.addAction(str(exc)).setEnabled(False)
            return
        if not registered:
            self.city_menu.addAction(self.tr("No city registered: imis cities add NAME SERVICE")).setEnabled(False)
        for city in registered:
            action = self.city_menu.addAction(city.name)
            action.setCheckable(True)
            action.setChecked(current is not None and city.name == current.name)
            action.triggered.connect(lambda _checked, name=city.name: self.switch_city(name))

    def switch_city(self, name):
        from . import cities

        cities.use(name)
        self.iface.messageBar().pushMessage(
            "IMIS", self.tr("Current city: {}. IMIS tools now work on its database.").format(name),
            Qgis.MessageLevel.Info, 5)

    def show_toolbox(self):
        """Open the Processing toolbox filtered to the IMIS algorithms."""
        toolbox = None
        try:
            from qgis.utils import plugins

            toolbox = getattr(plugins.get("processing"), "toolbox", None)
        except ImportError:
            pass
        if toolbox is None:
            toolbox = self.iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
        if toolbox is None:
            self.iface.messageBar().pushMessage(
                "IMIS",
                self.tr("Enable the Processing plugin, then search the toolbox for “{}”.").format(
                    TOOLBOX_FILTER
                ),
                Qgis.MessageLevel.Info,
                5,
            )
            return
        if hasattr(toolbox, "setUserVisible"):
            toolbox.setUserVisible(True)
        else:
            toolbox.show()
        toolbox.raise_()
        search = getattr(toolbox, "searchBox", None) or toolbox.findChild(QLineEdit, "searchBox")
        if search is not None:
            search.setText(TOOLBOX_FILTER)
            search.setFocus()

    def run_algorithm(self, algorithm_id):
        """Open the dialog of one IMIS algorithm."""
        if QgsApplication.processingRegistry().algorithmById(algorithm_id) is None:
            self.iface.messageBar().pushMessage(
                "IMIS",
                self.tr("The algorithm {} is not available; see the IMIS log messages.").format(algorithm_id),
                Qgis.MessageLevel.Warning,
                5,
            )
            return
        from processing import execAlgorithmDialog

        execAlgorithmDialog(algorithm_id)
