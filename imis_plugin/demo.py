"""The main job (`make demo` = `imis demo`): a demo city in the embedded database, the planning analyses
run through the IMIS Processing algorithms exactly as a planner runs them, exports and reports an analyst
opens, and the IMIS project with screenshots. Every output lands in demo-output/ (listed in its README.txt).

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
    }
    for name, step in steps.items():
        log(f"{name}:")
        step()
    return OUTPUT
