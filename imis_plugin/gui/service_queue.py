"""The "Service queue" dock: FSM jobs by state with their next action, filtered by ward, provider and
application date, overdue jobs flagged in red. "Next action" opens the right form (assessment, emptying,
disposal or feedback), pre-filled with the job; the IMIS project must be open for that.

A thin layer over :mod:`imis_plugin.fsm.jobs` (the view ``imis_app.fsm_job``): the state of a job comes
from the database, which also decides what the login may see and write."""

from __future__ import annotations

import datetime as dt

from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication, QDate, Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QAction,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..fsm.jobs import ACTION_TABLE, OPEN_STATES, STATES, QueueFilter, choices, counts, jobs, prefill

OBJECT_NAME = "ImisServiceQueueDock"
ACTION_NAME = "ImisServiceQueue"
LATE = QColor("#d73027")
COLUMNS = (
    ("code", "Job"),
    ("state", "State"),
    ("next_action", "Next action"),
    ("due_by", "Due by"),
    ("overdue_reason", "Overdue"),
    ("ward", "Ward"),
    ("provider", "Provider"),
    ("bin", "BIN"),
    ("containment_code", "Containment"),
    ("application_date", "Applied"),
)
ACTION_LABELS = {
    "assess": "Assess",
    "schedule": "Schedule",
    "empty": "Empty",
    "dispose": "Record disposal",
    "feedback": "Ask feedback",
}
NO_DATE = QDate(2000, 1, 1)


def tr(text: str) -> str:
    return QCoreApplication.translate("ImisServiceQueue", text)


def action_request(job: dict) -> tuple[str, dict, str | None] | None:
    """What "Next action" opens for a job: (table, pre-filled values, id of an existing row to edit)."""
    action = job.get("next_action")
    if action not in ACTION_TABLE:
        return None
    existing = str(job["assessment_id"]) if action == "schedule" and job.get("assessment_id") else None
    return ACTION_TABLE[action], prefill(job), existing


class ServiceQueueDock(QDockWidget):
    """`database` is a callable returning the libpq DSN; `opener(table, values, existing_id)` opens a form."""

    def __init__(self, database, opener=None, message_bar=None, parent=None):
        super().__init__(tr("IMIS service queue"), parent)
        self.setObjectName(OBJECT_NAME)
        self._database = database
        self._opener = opener
        self.message_bar = message_bar
        self.rows: list[dict] = []
        self._choices_for = None

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.counts_label = QLabel(body)
        self.counts_label.setWordWrap(True)
        layout.addWidget(self.counts_label)
        filters = QHBoxLayout()
        self.state_box = QComboBox(body)
        self.state_box.addItem(tr("Open jobs"), "open")
        for state in STATES:
            self.state_box.addItem(tr(state.capitalize()), state)
        self.state_box.addItem(tr("All jobs"), "all")
        self.ward_box = QComboBox(body)
        self.provider_box = QComboBox(body)
        self.date_from = self._date_edit(body, tr("applied from: any"))
        self.date_to = self._date_edit(body, tr("to: any"))
        self.overdue_box = QCheckBox(tr("Overdue only"), body)
        self.refresh_button = QPushButton(tr("Refresh"), body)
        for widget in (
            self.state_box,
            self.ward_box,
            self.provider_box,
            self.date_from,
            self.date_to,
            self.overdue_box,
            self.refresh_button,
        ):
            filters.addWidget(widget)
        layout.addLayout(filters)
        self.table = QTableWidget(0, len(COLUMNS), body)
        self.table.setObjectName("ImisServiceQueueTable")
        self.table.setHorizontalHeaderLabels([tr(label) for _, label in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _index: self.next_action())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.action_button = QPushButton(tr("Next action…"), body)
        self.action_button.setToolTip(tr("Open the form of the job's next step, pre-filled"))
        self.action_button.clicked.connect(self.next_action)
        buttons.addWidget(self.action_button)
        self.status = QLabel(body)
        buttons.addWidget(self.status, 1)
        layout.addLayout(buttons)
        self.setWidget(body)

        for box in (self.state_box, self.ward_box, self.provider_box):
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.overdue_box.toggled.connect(lambda _on: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)

    @staticmethod
    def _date_edit(parent, empty_text):
        edit = QDateEdit(parent)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(empty_text)  # shown at the minimum date: no limit
        edit.setDate(NO_DATE)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # Filters ------------------------------------------------------------------------------------------
    def _fill_choices(self, dsn):
        if self._choices_for == dsn:
            return
        wards, providers = choices(dsn)
        for box, rows, everything in (
            (self.ward_box, wards, tr("All wards")),
            (self.provider_box, providers, tr("All providers")),
        ):
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for value, label in rows:
                box.addItem(label, value)
            box.blockSignals(False)
        self._choices_for = dsn

    @staticmethod
    def _date(edit) -> dt.date | None:
        return None if edit.date() == NO_DATE else edit.date().toPyDate()

    def filters(self) -> QueueFilter:
        key = self.state_box.currentData() or "open"
        states = OPEN_STATES if key == "open" else STATES if key == "all" else (key,)
        return QueueFilter(
            states=states,
            ward_id=self.ward_box.currentData(),
            provider_id=self.provider_box.currentData(),
            date_from=self._date(self.date_from),
            date_to=self._date(self.date_to),
            overdue_only=self.overdue_box.isChecked(),
        )

    def set_filters(self, state=None, ward_id=None, provider_id=None, overdue_only=None):
        """Choose filters in code (tests, saved views): `state` is "open", "all" or one state; refreshes once."""
        self._fill_choices(self._database())
        widgets = [(self.ward_box, ward_id), (self.provider_box, provider_id)]
        if state is not None:
            widgets.append((self.state_box, state))
        for box, value in widgets:
            index = 0 if value is None else box.findData(value)  # None: all wards / all providers
            if index >= 0:
                box.blockSignals(True)
                box.setCurrentIndex(index)
                box.blockSignals(False)
        if overdue_only is not None:
            self.overdue_box.blockSignals(True)
            self.overdue_box.setChecked(overdue_only)
            self.overdue_box.blockSignals(False)
        self.refresh()

    # Listing ------------------------------------------------------------------------------------------
    def refresh(self):
        try:
            dsn = self._database()
            self._fill_choices(dsn)
            self.rows = jobs(dsn, self.filters())
            by_state = counts(dsn)
        except Exception as error:  # noqa: BLE001 - shown in the dock, never raised into Qt
            self.status.setText(tr("Cannot read the jobs: {}").format(error))
            return
        parts = []
        for state in STATES:
            n, late = by_state.get(state, (0, 0))
            if n:
                parts.append(
                    f"{tr(state)} {n}"
                    + (f" (<span style='color:{LATE.name()}'>{late} {tr('overdue')}</span>)" if late else "")
                )
        self.counts_label.setText(" · ".join(parts) or tr("No jobs."))
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.rows))
        for r, job in enumerate(self.rows):
            for c, (key, _) in enumerate(COLUMNS):
                value = job.get(key)
                if key == "next_action":
                    value = tr(ACTION_LABELS.get(value, "")) if value else ""
                elif key == "due_by" and value is not None:
                    value = value.astimezone().strftime("%Y-%m-%d %H:%M")
                elif key == "state":
                    value = tr(value)
                item = QTableWidgetItem("" if value is None else str(value))
                if job.get("overdue"):
                    item.setForeground(QBrush(LATE))
                    if c == 0:
                        item.setToolTip(tr("Overdue: {}").format(tr(job.get("overdue_reason") or "")))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        late = sum(1 for j in self.rows if j.get("overdue"))
        self.status.setText(tr("{} jobs, {} overdue.").format(len(self.rows), late))

    def selected_job(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.rows[rows[0].row()]

    def next_action(self):
        job = self.selected_job()
        if job is None:
            self.status.setText(tr("Choose a job first."))
            return None
        request = action_request(job)
        if request is None:
            self.status.setText(tr("Job {} needs no further step.").format(job["code"]))
            return None
        if self._opener is not None:
            self._opener(*request)
        return request


def open_form(iface, table: str, values: dict, existing_id: str | None) -> bool:
    """Open the attribute form of `table` in the IMIS project: a new feature pre-filled with `values`, or the
    existing row `existing_id` (its edits pre-filled too)."""
    from qgis.core import QgsFeatureRequest

    from .map_tools import find_layer, id_filter

    layer = find_layer(table)
    if layer is None:
        iface.messageBar().pushMessage(
            "IMIS",
            tr("Open the IMIS project first (IMIS > Create IMIS project): {} is not in this project.").format(
                table
            ),
            Qgis.Warning,
            6,
        )
        return False
    tools = iface.vectorLayerTools()
    if not layer.isEditable():
        tools.startEditing(layer)
    if existing_id:
        feature = next(
            layer.getFeatures(QgsFeatureRequest().setFilterExpression(id_filter([existing_id]))), None
        )
        if feature is not None:
            for name, value in values.items():
                index = layer.fields().indexOf(name)
                if index >= 0 and name != "assessed_date":
                    feature.setAttribute(index, value)
            iface.openFeatureForm(layer, feature, False)
            return True
    defaults = {layer.fields().indexOf(k): v for k, v in values.items() if layer.fields().indexOf(k) >= 0}
    ok, _ = tools.addFeature(layer, defaults)
    return bool(ok)


class ServiceQueueUi:
    """The menu entry (and toolbar button) that shows the dock; created by the plugin's initGui."""

    def __init__(self, iface, menu):
        self.iface = iface
        self.menu = menu
        self.action = None
        self.dock = None

    def init(self):
        from qgis.core import QgsApplication
        from qgis.PyQt.QtWidgets import QToolBar

        self.action = QAction(
            QgsApplication.getThemeIcon("/mActionOpenTable.svg"), tr("Service queue"), self.menu
        )
        self.action.setObjectName(ACTION_NAME)
        self.action.setToolTip(tr("FSM jobs by state with their next action; overdue jobs flagged"))
        self.action.setCheckable(True)
        self.action.triggered.connect(self.toggle)
        self.menu.addAction(self.action)
        toolbar = self.iface.mainWindow().findChild(QToolBar, "ImisToolbar")
        if toolbar is not None:
            toolbar.addAction(self.action)

    def toggle(self, checked=True):
        if self.dock is None:
            from .desktop import current_dsn

            self.dock = ServiceQueueDock(
                current_dsn,
                lambda *request: open_form(self.iface, *request),
                self.iface.messageBar(),
                self.iface.mainWindow(),
            )
            self.iface.addDockWidget(Qt.BottomDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(lambda visible: self.action.setChecked(visible))
            self.dock.refresh()
        self.dock.setVisible(bool(checked))

    def unload(self):
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.close()
            self.dock.deleteLater()
            self.dock = None
        if self.action is not None:
            from qgis.PyQt.QtWidgets import QToolBar

            toolbar = self.iface.mainWindow().findChild(QToolBar, "ImisToolbar")
            if toolbar is not None:
                toolbar.removeAction(self.action)
            self.menu.removeAction(self.action)
            self.action.deleteLater()
            self.action = None
