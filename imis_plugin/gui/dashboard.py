"""The service dashboards dock: FSM KPI tiles with targets and monthly charts (matplotlib inside the dock),
filtered by ward, period and service provider. Clicking a tile or a bar selects the rows behind it
(applications, and their buildings on the map).

The figures come from a :class:`imis_plugin.service_kpis.KpiSource`; the dock does not know SQL.
"""

from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..service_kpis import FEATURE_MEANING, KPIS, PERIODS, Figure, Filters, SqlKpiSource, choices, period
from .map_tools import select_ids

OBJECT_NAME = "ImisDashboardDock"
GOOD, BAD, NEUTRAL = "#1a9850", "#d73027", "#636363"


def tr(text: str) -> str:
    return QCoreApplication.translate("ImisDashboard", text)


def format_value(figure: Figure) -> str:
    if figure.value is None:
        return "—"
    unit = figure.definition.unit
    if unit == "%":
        return f"{figure.value:.0f} %"
    if unit == "days":
        return tr("{:.1f} days").format(figure.value)
    if unit == "score":
        return f"{figure.value:.1f} / 5"
    return f"{figure.value:,.0f}"


class KpiTile(QFrame):
    clicked = pyqtSignal(str)

    def __init__(self, key: str, parent=None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"ImisKpi_{key}")
        self.setFrameShape(QFrame.StyledPanel)
        self.setCursor(Qt.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.title = QLabel(self)
        self.value = QLabel(self)
        self.value.setObjectName("value")
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        for label in (self.title, self.value, self.detail):
            layout.addWidget(label)
        self.figure: Figure | None = None

    def show_figure(self, figure: Figure):
        self.figure = figure
        definition = figure.definition
        self.title.setText(f"<b>{tr(definition.title)}</b>")
        colour = NEUTRAL if figure.on_target is None else (GOOD if figure.on_target else BAD)
        self.value.setText(f"<span style='font-size:16pt;color:{colour}'>{format_value(figure)}</span>")
        lines = []
        if definition.target is not None:
            sign = "≥" if definition.higher_is_better else "≤"
            target = Figure(figure.key, definition.target, None, None, definition)
            lines.append(tr("target {} {}").format(sign, format_value(target)))
        if figure.denominator is not None and definition.unit in ("%", "days", "score"):
            lines.append(
                tr("{:g} of {:g}").format(figure.numerator or 0, figure.denominator)
                if definition.unit == "%"
                else tr("n = {:g}").format(figure.denominator)
            )
        if figure.reason:
            lines.append(tr(figure.reason))
        self.detail.setText("<small>" + " · ".join(lines) + "</small>")
        tip = tr(definition.description)
        if figure.key in FEATURE_MEANING:
            tip += "\n" + tr("Click to select {}.").format(tr(FEATURE_MEANING[figure.key]))
        self.setToolTip(tip)

    def mouseReleaseEvent(self, event):
        if event.button() == Qt.LeftButton:
            self.clicked.emit(self.key)
        super().mouseReleaseEvent(event)


class DashboardDock(QDockWidget):
    """`database` is a callable returning the libpq DSN; `source_factory(dsn)` gives the KPI source."""

    selectionMade = pyqtSignal(str, int)  # what was clicked, buildings selected

    def __init__(self, database, canvas=None, message_bar=None, parent=None, source_factory=SqlKpiSource):
        super().__init__(tr("IMIS service dashboard"), parent)
        self.setObjectName(OBJECT_NAME)
        self._database = database
        self._source_factory = source_factory
        self.canvas = canvas
        self.message_bar = message_bar
        self.figures: list[Figure] = []
        self.months = []
        self._choices_for = None

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        filters = QHBoxLayout()
        self.stream = QComboBox(body)
        self.stream.addItem(tr("Faecal sludge management"), "fsm")
        self.stream.setToolTip(
            tr("Service stream (holding tax, water and solid waste join when their modules exist)")
        )
        self.period_box = QComboBox(body)
        for key, label in PERIODS:
            self.period_box.addItem(tr(label), key)
        self.ward_box = QComboBox(body)
        self.provider_box = QComboBox(body)
        refresh = QToolButton(body)
        refresh.setText("⟳")
        refresh.setToolTip(tr("Refresh"))
        for widget in (self.stream, self.period_box, self.ward_box, self.provider_box, refresh):
            filters.addWidget(widget)
        layout.addLayout(filters)

        tiles = QWidget(body)
        grid = QGridLayout(tiles)
        grid.setContentsMargins(0, 0, 0, 0)
        self.tiles: dict[str, KpiTile] = {}
        for number, definition in enumerate(KPIS):
            tile = KpiTile(definition.key, tiles)
            tile.clicked.connect(self.select_behind)
            grid.addWidget(tile, number // 4, number % 4)
            self.tiles[definition.key] = tile
        layout.addWidget(tiles)

        from matplotlib.backends.backend_qt5agg import FigureCanvasQTAgg
        from matplotlib.figure import Figure as MplFigure

        self.chart_figure = MplFigure(figsize=(6, 3.2), dpi=90, tight_layout=True)
        self.chart = FigureCanvasQTAgg(self.chart_figure)
        self.chart.setObjectName("ImisDashboardChart")
        self.chart.setMinimumHeight(240)
        self.chart.mpl_connect("pick_event", self._picked)
        layout.addWidget(self.chart, 1)
        self.status = QLabel(body)
        layout.addWidget(self.status)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.setWidget(scroll)

        self.period_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.ward_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.provider_box.currentIndexChanged.connect(lambda _i: self.refresh())
        refresh.clicked.connect(self.refresh)

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

    def filters(self) -> Filters:
        date_from, date_to = period(self.period_box.currentData() or "all")
        return Filters(date_from, date_to, self.ward_box.currentData(), self.provider_box.currentData())

    def set_filters(
        self, period_key: str | None = None, ward_id: str | None = None, provider_id: str | None = None
    ):
        """Choose filters in code (tests, saved views); refreshes once."""
        self._fill_choices(self._database())
        for box, value in (
            (self.period_box, period_key),
            (self.ward_box, ward_id),
            (self.provider_box, provider_id),
        ):
            index = box.findData(value)
            if index >= 0:
                box.blockSignals(True)
                box.setCurrentIndex(index)
                box.blockSignals(False)
        self.refresh()

    # Figures ------------------------------------------------------------------------------------------
    def source(self):
        return self._source_factory(self._database())

    def refresh(self):
        try:
            self._fill_choices(self._database())
            source = self.source()
            filters = self.filters()
            self.figures = source.figures(filters)
            self.months = source.monthly(filters)
        except Exception as error:  # noqa: BLE001 - shown in the dock, never raised into Qt
            self.status.setText(tr("Cannot compute the figures: {}").format(error))
            return
        for figure in self.figures:
            self.tiles[figure.key].show_figure(figure)
        self._draw()
        self.status.setText(tr("Click a figure or a bar to select the records behind it."))

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)

    def _draw(self):
        fig = self.chart_figure
        fig.clear()
        months = [m.month for m in self.months]
        labels = [m.strftime("%b %y") for m in months]
        x = list(range(len(months)))
        ax1 = fig.add_subplot(1, 2, 1)
        width = 0.4
        bars_a = ax1.bar(
            [i - width / 2 for i in x],
            [m.applications for m in self.months],
            width,
            color="#6a51a3",
            label=tr("Applications"),
            picker=True,
        )
        bars_e = ax1.bar(
            [i + width / 2 for i in x],
            [m.emptyings for m in self.months],
            width,
            color="#e6550d",
            label=tr("Emptyings"),
            picker=True,
        )
        for number, bar in enumerate(bars_a):
            bar.imis = ("month_applications", months[number])
        for number, bar in enumerate(bars_e):
            bar.imis = ("month_emptyings", months[number])
        ax1.set_title(tr("Applications and emptyings per month"), fontsize=9)
        ax2 = fig.add_subplot(1, 2, 2)
        ax2.plot(
            x, [m.emptied_m3 for m in self.months], marker="o", color="#e6550d", label=tr("Emptied (m³)")
        )
        ax2.plot(
            x, [m.disposed_m3 for m in self.months], marker="s", color="#31a354", label=tr("Disposed (m³)")
        )
        ax2.set_title(tr("Sludge emptied and disposed"), fontsize=9)
        for ax in (ax1, ax2):
            ax.set_xticks(x)
            ax.set_xticklabels(labels, rotation=45, ha="right", fontsize=7)
            ax.tick_params(axis="y", labelsize=7)
            ax.legend(fontsize=7)
        self.chart.draw_idle()

    # Selection ----------------------------------------------------------------------------------------
    def _picked(self, event):
        key, month = getattr(event.artist, "imis", (None, None))
        if key:
            self.select_behind(key, month)

    def select_behind(self, key: str, month=None) -> int:
        """Select the applications and buildings behind a figure (or one month's bar)."""
        if key not in FEATURE_MEANING and not key.startswith("month_"):
            return 0
        try:
            features = self.source().features(key, self.filters(), month)
        except Exception as error:  # noqa: BLE001
            self.status.setText(tr("Cannot select: {}").format(error))
            return 0
        select_ids("imis_fsm.application", features.ids.get("imis_fsm.application", []))
        buildings = select_ids("imis_core.building", features.ids.get("imis_core.building", []))
        wanted = len(features.ids.get("imis_core.building", []))
        text = (
            tr("{} buildings selected.").format(buildings)
            if buildings
            else tr("{} buildings behind this figure; open the IMIS project to see them on the map.").format(
                wanted
            )
        )
        self.status.setText(text)
        if self.message_bar is not None:
            self.message_bar.pushMessage("IMIS", text, Qgis.Info, 4)
        if buildings and self.canvas is not None:
            from .map_tools import find_layer

            layer = find_layer("imis_core.building")
            self.canvas.zoomToSelected(layer)
            self.canvas.refresh()
        self.selectionMade.emit(key, buildings)
        return buildings
