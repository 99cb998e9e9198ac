"""The One-ID explorer dock: type a BIN, holding code, owner name, phone or containment code and see the
whole record at once (building, holdings and owners, containments, service timeline); zoom to and flash it.

Keyboard first: the search field has the focus when the dock opens; typing searches (after a short pause);
Down or Enter moves to the hits; Enter on a hit shows it and zooms to it; Esc goes back to the search field
(a second Esc clears it); Ctrl+L selects the record's buildings on the map.
"""

from __future__ import annotations

import html

from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QKeySequence
from qgis.PyQt.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QShortcut,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..one_id import Hit, OneIdClient, linked_counts, timeline
from .map_tools import select_ids, zoom_and_flash

OBJECT_NAME = "ImisOneIdDock"
#: Pause after the last keystroke before searching (ms): fast typists do not fire a query per key.
DEBOUNCE_MS = 180


def tr(text: str) -> str:
    return QCoreApplication.translate("ImisOneId", text)


KIND_LABELS = {"building": "Building", "holding": "Holding", "owner": "Owner", "containment": "Containment"}
STEP_LABELS = {
    "application": "Application",
    "assessment": "Assessment",
    "emptying": "Emptying",
    "disposal": "Disposal",
    "feedback": "Feedback",
}
STEP_COLOURS = {
    "application": "#6a51a3",
    "assessment": "#3182bd",
    "emptying": "#e6550d",
    "disposal": "#31a354",
    "feedback": "#756bb1",
}


class OneIdDock(QDockWidget):
    """`database` is a callable returning the libpq DSN to search (the current city or project)."""

    recordShown = pyqtSignal(dict)

    def __init__(self, database, canvas=None, message_bar=None, parent=None):
        super().__init__(tr("IMIS One-ID explorer"), parent)
        self.setObjectName(OBJECT_NAME)
        self._database = database
        self.canvas = canvas
        self.message_bar = message_bar
        self._client: OneIdClient | None = None
        self._labels = None  # catalog for code-list labels, read on first record
        self.record: dict = {}
        self.hits: list[Hit] = []

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.search = QLineEdit(body)
        self.search.setObjectName("ImisOneIdSearch")
        self.search.setPlaceholderText(tr("BIN, holding code, owner name, phone or containment code"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        self.status = QLabel(body)
        self.status.setObjectName("ImisOneIdStatus")
        layout.addWidget(self.status)

        splitter = self.splitter = QSplitter(Qt.Vertical, body)
        self.results = QListWidget(splitter)
        self.results.setObjectName("ImisOneIdResults")
        self.results.installEventFilter(self)
        self.details = QTextBrowser(splitter)
        self.details.setObjectName("ImisOneIdRecord")
        self.details.setOpenLinks(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.zoom_button = QPushButton(tr("Zoom to"), body)
        self.zoom_button.setToolTip(
            tr("Zoom to the record's buildings and containments and flash them (Enter)")
        )
        self.select_button = QPushButton(tr("Select on map"), body)
        self.select_button.setToolTip(
            tr("Select the record's buildings and containments in the project (Ctrl+L)")
        )
        for button in (self.zoom_button, self.select_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.setWidget(body)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._enter_from_search)
        self.results.itemActivated.connect(lambda item: self.show_hit(self.results.row(item), zoom=True))
        self.results.currentRowChanged.connect(lambda row: self.show_hit(row, zoom=False))
        self.zoom_button.clicked.connect(self.zoom_to_record)
        self.select_button.clicked.connect(self.select_record)
        QShortcut(QKeySequence("Ctrl+L"), self, self.select_record, context=Qt.WidgetWithChildrenShortcut)
        self.visibilityChanged.connect(self._focus_when_shown)

    # Connection ---------------------------------------------------------------------------------------
    def client(self) -> OneIdClient:
        dsn = self._database()
        if self._client is None or self._client.dsn != dsn:
            if self._client is not None:
                self._client.close()
            self._client = OneIdClient(dsn)
            self._labels = None
        return self._client

    def closeEvent(self, event):
        if self._client is not None:
            self._client.close()
        super().closeEvent(event)

    # Keyboard -----------------------------------------------------------------------------------------
    def _focus_when_shown(self, visible):
        if visible:
            self.search.setFocus()
            self.search.selectAll()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.KeyPress:
            key = event.key()
            if watched is self.search and key == Qt.Key_Down and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(max(self.results.currentRow(), 0))
                return True
            if watched is self.search and key == Qt.Key_Escape:
                self.search.clear()
                self.run_search()
                return True
            if watched is self.results and key == Qt.Key_Escape:
                self.search.setFocus()
                self.search.selectAll()
                return True
        return super().eventFilter(watched, event)

    def _enter_from_search(self):
        self._timer.stop()
        self.run_search()
        if self.hits:
            self.results.setFocus()
            self.results.setCurrentRow(0)
            self.show_hit(0, zoom=True)

    # Search -------------------------------------------------------------------------------------------
    def run_search(self):
        text = self.search.text().strip()
        self.results.clear()
        self.hits = []
        if len(text) < 2:
            self.status.setText(tr("Type at least two characters."))
            return
        try:
            self.hits = self.client().search(text)
        except Exception as error:  # noqa: BLE001 - a dropped server is reported, not raised into Qt
            self._error(tr("Search failed: {}").format(error))
            return
        for hit in self.hits:
            text = f"{tr(KIND_LABELS[hit.kind])}: {hit.label}"
            if hit.kind != "building" and hit.bin:
                more = tr(" (+{} more)").format(hit.building_count - 1) if hit.building_count > 1 else ""
                text += f"  →  {hit.bin}{more}"
            item = QListWidgetItem(text, self.results)
            item.setToolTip(hit.matched)
        self.status.setText(tr("{} hits").format(len(self.hits)) if self.hits else tr("Nothing found."))

    def show_hit(self, row: int, zoom: bool = False):
        if row < 0 or row >= len(self.hits):
            return
        hit = self.hits[row]
        try:
            self.record = self.client().record(hit.kind, hit.object_id)
        except Exception as error:  # noqa: BLE001
            self._error(tr("Cannot read the record: {}").format(error))
            return
        self.details.setHtml(self.record_html(self.record))
        has_place = bool(self.record.get("extent"))
        self.zoom_button.setEnabled(has_place and self.canvas is not None)
        self.select_button.setEnabled(bool(self.record.get("buildings") or self.record.get("containments")))
        self.recordShown.emit(self.record)
        if zoom:
            self.zoom_to_record()

    # Map ----------------------------------------------------------------------------------------------
    def zoom_to_record(self):
        record = self.record
        wkts = [b.get("wkt") for b in record.get("buildings", [])] + [
            c.get("wkt") for c in record.get("containments", [])
        ]
        if not zoom_and_flash(self.canvas, record.get("srid"), record.get("extent"), wkts):
            self._message(tr("This record has no place on the map."), Qgis.Info)

    def select_record(self):
        buildings = [b["id"] for b in self.record.get("buildings", [])]
        containments = [c["id"] for c in self.record.get("containments", [])]
        selected = select_ids("imis_core.building", buildings) + select_ids(
            "imis_core.containment", containments
        )
        if not selected and (buildings or containments):
            self._message(
                tr("Open the IMIS project (IMIS > Create IMIS project) to select on the map."), Qgis.Info
            )

    def _message(self, text, level):
        if self.message_bar is not None:
            self.message_bar.pushMessage("IMIS", text, level, 5)
        else:
            self.status.setText(text)

    def _error(self, text):
        self.status.setText(text)
        if self.message_bar is not None:
            self.message_bar.pushMessage("IMIS", text, Qgis.Warning, 8)

    # The record as HTML -------------------------------------------------------------------------------
    def _label(self, table: str, column: str, value):
        if value is None or value == "":
            return "—"
        if self._labels is None:
            try:
                from ..project.catalog import read_catalog

                self._labels = read_catalog(self.client().dsn)
            except Exception:  # noqa: BLE001 - labels are a nicety; raw codes still read
                self._labels = False
        if self._labels:
            code_list = self._labels.code_list_of(table, column)
            if code_list:
                from qgis.core import QgsApplication

                language = "bn" if QgsApplication.locale().startswith("bn") else "en"
                return self._labels.label(code_list, value, language)
        if isinstance(value, bool):
            return tr("yes") if value else tr("no")
        return value

    def record_html(self, record: dict) -> str:
        esc = lambda v: html.escape(str(v))  # noqa: E731
        parts = [
            "<style>h3{margin:8px 0 2px 0;color:#3f007d} td,th{padding:1px 6px} th{text-align:left;"
            "color:#555;font-weight:normal} .none{color:#888}</style>"
        ]
        counts = linked_counts(record)
        parts.append(
            "<p>"
            + esc(
                tr(
                    "Buildings: {buildings} · holdings: {holdings} · owners: {owners} · "
                    "containments: {containments} · applications: {applications}"
                ).format(**counts)
            )
            + "</p>"
        )
        for b in record.get("buildings", []):
            rows = [
                (tr("Name"), b.get("name")),
                (tr("Address"), b.get("address")),
                (tr("Ward"), b.get("ward_number")),
                (
                    tr("Functional use"),
                    self._label("imis_core.building", "functional_use", b.get("functional_use")),
                ),
                (
                    tr("Structure"),
                    self._label("imis_core.building", "structure_type", b.get("structure_type")),
                ),
                (tr("Floors"), b.get("floor_count")),
                (tr("Households"), b.get("household_count")),
                (tr("Population"), b.get("population")),
                (
                    tr("Sanitation system"),
                    self._label("imis_core.building", "sanitation_system", b.get("sanitation_system")),
                ),
                (
                    tr("Drinking water"),
                    self._label("imis_core.building", "water_source", b.get("water_source")),
                ),
                (tr("Surveyed on"), b.get("surveyed_date")),
            ]
            parts.append(f"<h3>{esc(tr('Building'))} {esc(b.get('bin'))}</h3><table>")
            parts += [
                f"<tr><th>{esc(k)}</th><td>{esc(v if v is not None else '—')}</td></tr>" for k, v in rows
            ]
            parts.append("</table>")
        owners = {o["id"]: o for o in record.get("owners", [])}
        parts.append(f"<h3>{esc(tr('Holdings and owners'))}</h3>")
        if record.get("holdings"):
            parts.append(
                f"<table><tr><th>{esc(tr('Holding'))}</th><th>{esc(tr('Owner'))}</th>"
                f"<th>{esc(tr('Phone'))}</th><th>{esc(tr('Annual value (BDT)'))}</th></tr>"
            )
            for h in record["holdings"]:
                owner = owners.get(h.get("owner_id")) or {}
                code = esc(h.get("holding_code")) + (
                    f" <i>({esc(tr('legacy'))})</i>" if h.get("is_legacy") else ""
                )
                parts.append(
                    f"<tr><td>{code}</td><td>{esc(owner.get('name') or '—')}</td>"
                    f"<td>{esc(owner.get('phone') or '—')}</td>"
                    f"<td>{esc(h.get('annual_value_bdt') if h.get('annual_value_bdt') is not None else '—')}"
                    "</td></tr>"
                )
            parts.append("</table>")
        else:
            parts.append(f"<p class='none'>{esc(tr('No holding linked.'))}</p>")
        parts.append(f"<h3>{esc(tr('Containments'))}</h3>")
        if record.get("containments"):
            parts.append(
                f"<table><tr><th>{esc(tr('Code'))}</th><th>{esc(tr('Type'))}</th>"
                f"<th>{esc(tr('Volume (m³)'))}</th><th>{esc(tr('Last emptied'))}</th>"
                f"<th>{esc(tr('Times emptied'))}</th><th>{esc(tr('Next emptying due'))}</th></tr>"
            )
            for c in record["containments"]:
                cells = [
                    c.get("code"),
                    self._label("imis_core.containment", "containment_type", c.get("containment_type")),
                    c.get("volume_m3"),
                    c.get("last_emptied_date"),
                    c.get("emptied_count"),
                    c.get("next_emptying_date"),
                ]
                parts.append(
                    "<tr>" + "".join(f"<td>{esc(v if v is not None else '—')}</td>" for v in cells) + "</tr>"
                )
            parts.append("</table>")
        else:
            parts.append(f"<p class='none'>{esc(tr('No containment linked.'))}</p>")
        parts.append(f"<h3>{esc(tr('Service history'))}</h3>")
        events = timeline(record)
        if events:
            parts.append("<table>")
            for e in events:
                colour = STEP_COLOURS[e.kind]
                parts.append(
                    f"<tr><td>{esc(e.date or '—')}</td><td style='color:{colour}'>● "
                    f"{esc(tr(STEP_LABELS[e.kind]))}</td><td>{esc(e.application_code)}</td>"
                    f"<td>{esc(e.text)}</td></tr>"
                )
            parts.append("</table>")
        else:
            parts.append(f"<p class='none'>{esc(tr('No service recorded.'))}</p>")
        return "\n".join(parts)
