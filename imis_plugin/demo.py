"""The main job (`make demo` = `imis demo`): a demo city in the embedded database, the planning analyses
run through the IMIS Processing algorithms exactly as a planner runs them, exports and reports an analyst
opens, what a revenue officer opens (due-status maps, printed bills, registers: the revenue module's own
output), and the IMIS project with screenshots. Every output lands in demo-output/ (listed in its README.txt).

Each step reports what it wrote; a step whose module is not installed says so and the others go on.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from .paths import ROOT

OUTPUT = ROOT / "demo-output"
DEMO_BUILDINGS = 27_000  # Jhenaidah (DOMAIN.md: 27,047 buildings)
DEMO_SEED = 1
Log = Callable[[str], None]


def _layer(service: str, table: str, geom: str = "geom") -> str:
    schema, name = table.split(".")
    return f'postgres://service={service} key=id table="{schema}"."{name}" ({geom})'


def _processing():
    """QGIS with Processing and the IMIS provider, in this process (offscreen without a display)."""
    from .project.screenshots import ensure_qgis

    ensure_qgis()
    import sys

    from qgis.analysis import QgsNativeAlgorithms
    from qgis.core import QgsApplication

    plugins = str(Path(QgsApplication.pkgDataPath()) / "python" / "plugins")  # where QGIS keeps Processing
    if plugins not in sys.path:
        sys.path.append(plugins)
    from processing.core.Processing import Processing

    Processing.initialize()
    if QgsApplication.processingRegistry().providerById("native") is None:
        QgsApplication.processingRegistry().addProvider(QgsNativeAlgorithms())
    if QgsApplication.processingRegistry().providerById("imis") is None:
        from . import classFactory

        plugin = classFactory(None)
        plugin.initProcessing()
        _processing.plugin = plugin  # keep the provider alive
    import processing

    return processing


def run_analyses(service: str, folder: Path, log: Log) -> list[Path]:
    """The planner's questions on the demo city, each a GeoPackage or table in `folder`."""
    processing = _processing()
    folder.mkdir(parents=True, exist_ok=True)
    buildings, wards = _layer(service, "imis_core.building"), _layer(service, "imis_core.ward")
    jobs = [
        ("buffer_analysis", "near_water_bodies.gpkg", {
            "SOURCE": _layer(service, "imis_core.water_body"), "DISTANCE": 50, "BUILDINGS": buildings,
            "WARDS": wards, "OUTPUT": "{out}|buildings", "SUMMARY": "{out}|summary"}),
        ("connection_candidates", "drain_candidates.gpkg", {
            "NETWORK": _layer(service, "imis_core.drain"), "BUILDINGS": buildings, "DISTANCE": 30,
            "OUTPUT": "{out}"}),
        ("attribute_summary", "ward_summary.gpkg", {
            "INPUT": buildings, "WARDS": wards, "WARD_SUMMARY": "{out}|wards", "GRID_SUMMARY": "{out}|grid"}),
        ("service_gaps", "service_gaps.gpkg", {
            "CONTAINMENTS": _layer(service, "imis_core.containment", "location"),
            "LAST_EMPTIED_FIELD": "last_emptied_date", "YEARS": 3,
            "AS_OF": dt.date.today().isoformat(), "WARDS": wards, "OUTPUT": "{out}|containments",
            "SUMMARY": "{out}|summary"}),
    ]
    written = []
    for algorithm, name, parameters in jobs:
        out = folder / name
        out.unlink(missing_ok=True)
        resolved = {k: _sink(v, out) for k, v in parameters.items()}
        processing.run(f"imis:{algorithm}", resolved)
        log(f"  {algorithm}: {out}")
        written.append(out)
    return written


def _sink(value, out: Path):
    """'{out}|table' -> a GeoPackage table destination in `out`."""
    if not isinstance(value, str) or not value.startswith("{out}"):
        return value
    _, _, table = value.partition("|")
    return f"ogr:dbname='{out}' table=\"{table}\"" if table else str(out)


#: what the revenue step writes into its folder (a second `make demo` replaces them all)
REVENUE_FILES = {
    "status": "status.txt",
    "holding_tax": "due_status_holding_tax.png",
    "water": "due_status_water.png",
    "solid_waste": "due_status_solid_waste.png",
    "bills": "bills_sample.pdf",
    "bill_page": "bill_sample.png",
    "bill_register": "bill_register.xlsx",
    "payment_register": "payment_register.xlsx",
    "water_register": "water_register.xlsx",
}
SAMPLE_BILLS = 2  # of each kind (with arrears, paid ahead, this quarter only) from the latest issued run

_SAMPLE = """
SELECT holding_code, bill_number, arrears_bdt > 0 FROM (
    SELECT r.holding_code, r.bill_number, r.arrears_bdt,
           row_number() OVER (PARTITION BY sign(r.arrears_bdt), sign(r.advance_bdt)
                              ORDER BY r.bill_number) AS n
    FROM imis_app.bill_register r
    WHERE r.run_code = %(run)s
      AND EXISTS (SELECT 1 FROM imis_core.building_holding bh WHERE bh.holding_id = r.holding_id)) s
WHERE n <= %(n)s ORDER BY bill_number"""

# the cash book of the last complete month with payments (else the latest month, to its last payment)
_PAYMENT_PERIOD = """
WITH paid AS (SELECT paid_on FROM imis_revenue.payment
              UNION ALL SELECT paid_on FROM imis_revenue.water_payment
              UNION ALL SELECT paid_on FROM imis_revenue.swm_payment),
last AS (SELECT max(paid_on) AS day FROM paid),
previous AS (SELECT (date_trunc('month', day) - interval '1 month')::date AS first,
                    (date_trunc('month', day) - interval '1 day')::date AS final FROM last)
SELECT CASE WHEN EXISTS (SELECT 1 FROM paid, previous WHERE paid_on BETWEEN first AND final) THEN first
            ELSE date_trunc('month', day)::date END,
       CASE WHEN EXISTS (SELECT 1 FROM paid, previous WHERE paid_on BETWEEN first AND final) THEN final
            ELSE day END
FROM last, previous WHERE day IS NOT NULL"""


def run_revenue(target: str, folder: Path, log: Log) -> dict[str, Path]:
    """What a revenue officer opens, written by the revenue module itself: the status per ward, the due-status
    maps (holding tax, water, solid waste), sample bills of the latest issued run (a PDF, and one of its pages
    as a PNG) and the Excel registers (that run's bills, a month's payments, the latest month's water bills).
    Returns what was written by kind (REVENUE_FILES); what the database holds no records for is left out."""
    from .db.connect import resolve_dsn, transaction
    from .revenue import registers
    from .revenue.billing import bill_runs
    from .revenue.commands import status_report

    dsn = resolve_dsn(target)
    folder.mkdir(parents=True, exist_ok=True)
    for name in REVENUE_FILES.values():
        (folder / name).unlink(missing_ok=True)  # nothing stale from an earlier city
    written: dict[str, Path] = {}

    def wrote(kind: str, what: str) -> None:
        log(f"  {what}: {written[kind]}")

    written["status"] = folder / REVENUE_FILES["status"]
    written["status"].write_text(status_report(dsn), encoding="utf-8")
    wrote("status", "status per ward (imis revenue status)")
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(_PAYMENT_PERIOD)
        period = cur.fetchone()
        cur.execute("SELECT max(period_month) FROM imis_revenue.water_bill")
        water_month = cur.fetchone()[0]
    issued = [r["code"] for r in bill_runs(dsn) if r["state"] == "issued"]  # in fiscal order
    run = issued[-1] if issued else None

    try:
        import qgis.core  # noqa: F401
    except ImportError:
        log("  maps and bills skipped: QGIS's Python bindings are not installed (apt install python3-qgis)")
    else:
        _revenue_maps(dsn, folder, written, wrote)
        if run is None:
            log("  bills skipped: no bill run is issued")
        else:
            _sample_bills(dsn, run, folder, written, wrote)
    if run is not None:
        written["bill_register"] = registers.bill_register(
            dsn, run, folder / REVENUE_FILES["bill_register"])["path"]
        wrote("bill_register", f"tax register of {run}")
    if period is not None:
        written["payment_register"] = registers.payment_register(
            dsn, period[0], period[1], folder / REVENUE_FILES["payment_register"])["path"]
        wrote("payment_register", f"collection register {period[0]} to {period[1]}")
    if water_month is not None:
        written["water_register"] = registers.water_register(
            dsn, water_month, folder / REVENUE_FILES["water_register"])["path"]
        wrote("water_register", f"water bills of {water_month:%Y-%m}")
    return written


def _revenue_maps(dsn: str, folder: Path, written: dict, wrote) -> None:
    """The layers of *Due status layer* (the module's), rendered over the whole city with the ward outlines
    (and the buildings under the water connections). A service without records is left out."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsDataSourceUri,
        QgsFillSymbol,
        QgsProject,
        QgsSingleSymbolRenderer,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import Qt

    from .db.connect import transaction
    from .project.screenshots import SIZE, _fit, ensure_qgis, render_map
    from .revenue.layers import SERVICES, due_status_layer

    ensure_qgis()
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT (SELECT srid FROM imis_core.city LIMIT 1), "
                    "EXISTS (SELECT 1 FROM imis_revenue.water_connection), "
                    "EXISTS (SELECT 1 FROM imis_revenue.swm_customer)")
        srid, has_water, has_swm = cur.fetchone()
    project = QgsProject()  # private: owns the layers while they render
    project.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{srid}"))

    def context(table: str, style: dict) -> QgsVectorLayer:
        uri = QgsDataSourceUri(dsn)
        uri.setDataSource("imis_core", table, "geom", "", "id")
        layer = QgsVectorLayer(uri.uri(False), table, "postgres")
        layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(style)))
        project.addMapLayer(layer)
        return layer

    wards = context("ward", {"style": "no", "outline_color": "60,60,60", "outline_width": "0.5"})
    buildings = context("building", {"color": "215,215,215", "outline_style": "no"})
    city = wards.extent() if wards.featureCount() else buildings.extent()
    for service in SERVICES:
        if (service == "water" and not has_water) or (service == "solid_waste" and not has_swm):
            continue
        layer = due_status_layer(dsn, service, srid)
        if not layer.isValid():
            continue
        if service == "holding_tax":  # at the city's scale the buildings' outlines would hide their colour
            renderer = layer.renderer()
            for i, category in enumerate(renderer.categories()):
                symbol = category.symbol().clone()
                symbol.symbolLayer(0).setStrokeStyle(Qt.NoPen)
                renderer.updateCategorySymbol(i, symbol)
        project.addMapLayer(layer)
        layers = [wards, layer] + ([buildings] if service == "water" else [])  # top first
        written[service] = render_map(project, _fit(city.buffered(city.width() / 50), SIZE),
                                      folder / REVENUE_FILES[service], layers=layers, antialiasing=False)
        wrote(service, layer.name())


def _sample_bills(dsn: str, run: str, folder: Path, written: dict, wrote) -> None:
    """A few bills of the run through the module's print layout (EN/BN): one PDF, and a bill with arrears
    (else the first) as a PNG."""
    from qgis.core import QgsLayoutExporter
    from qgis.PyQt.QtCore import QSize

    from .db.connect import transaction
    from .revenue.printing import bills_layout, build_bills_pdf

    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(_SAMPLE, {"run": run, "n": SAMPLE_BILLS})
        sample = cur.fetchall()
    if not sample:
        return
    holdings = [holding for holding, _, _ in sample]
    shown = next((i for i, (_, _, arrears) in enumerate(sample) if arrears), 0)  # arrears make a fuller page
    pdf = build_bills_pdf(dsn, run, folder / REVENUE_FILES["bills"], holdings=holdings)
    written["bills"] = pdf["path"]
    wrote("bills", f"{pdf['bills']} sample bills of {run}")
    # the PDF's page of that bill: the same layout over the same bills (in bill-number order, as the sample)
    layout, _project, _ = bills_layout(dsn, run, holdings=holdings)  # the project must outlive the export
    atlas = layout.atlas()
    atlas.beginRender()
    atlas.first()  # start as the PDF export does, then go to the bill shown
    atlas.seekTo(shown)
    # the page as an image through Qt (exportToImage would also try to georeference the PNG through GDAL)
    image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), 120)
    atlas.endRender()
    path = folder / REVENUE_FILES["bill_page"]
    if image.isNull() or not image.save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")
    written["bill_page"] = path
    wrote("bill_page", f"bill {sample[shown][1]} as an image")


def ensure_city(dsn: str, log: Log = print) -> None:
    """The demo city, generated once (a second `make demo` finds it and moves on)."""
    from .db.connect import transaction

    try:  # the Jhenaidah-size city of imis demo-city, recognised by its audit marker when there already
        from .demo_city.commands import ensure_demo
    except ImportError:
        ensure_demo = None
    if ensure_demo is not None:
        from .cli import _progress_bar

        log("demo city: " + ensure_demo(dsn, progress=_progress_bar))
        return
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM imis_core.building")
        if cur.fetchone()[0]:
            log("demo city: already there")
            return
    try:
        from .demo_city import generate
    except ImportError:  # until the realistic generator lands: the plain grid city
        from .plain_city import make_city

        log(f"demo city: a plain grid city of {DEMO_BUILDINGS:,} buildings")
        make_city(dsn, DEMO_BUILDINGS)
        return
    log(f"demo city: generating {DEMO_BUILDINGS:,} buildings (seed {DEMO_SEED})")
    generate(dsn, buildings=DEMO_BUILDINGS, seed=DEMO_SEED)


def run(service: str, log: Log = print, steps: dict[str, Callable[[], object]] | None = None) -> Path:
    """Every demo step after the database is at head; returns the output folder."""
    OUTPUT.mkdir(exist_ok=True)
    steps = steps or {
        "planning analyses": lambda: run_analyses(service, OUTPUT / "analysis", log),
        "revenue outputs": lambda: run_revenue(service, OUTPUT / "revenue", log),
    }
    for name, step in steps.items():
        log(f"{name}:")
        step()
    return OUTPUT
