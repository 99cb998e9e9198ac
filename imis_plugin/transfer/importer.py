"""`imis import`: files + mapping -> staging -> validation -> one transaction into the data schemas.

Layers are imported in the mapping's order inside one transaction, so a later layer (holdings) can refer to
rows an earlier one (buildings) brings. At the end the transaction is committed only when it is not a dry run
and no row was rejected (or ``skip_rejected`` says to load the good rows anyway); otherwise it is rolled back
and nothing is written.
"""
from __future__ import annotations

import fnmatch
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg2

from ..db.connect import transaction
from . import catalog, load, readers, staging
from .errors import TransferError
from .mapping import LayerMapping, Mapping
from .mapping import load as load_mapping
from .plan import Plan, resolve
from .progress import Progress
from .report import ImportResult, JobResult, Problem, write_report
from .validate import TEMP_FUNCTIONS, LayerSQL


@dataclass
class Job:
    layer: LayerMapping
    path: Path
    source_name: str  # layer / sheet name in the file


def _layer_names(path: Path, encoding: str | None) -> list[str]:
    if path.suffix.lower() in readers.CSV_SUFFIXES:
        if not path.exists():
            raise TransferError(f"{path}: file not found.")
        return [path.stem]  # decoded later, with the encoding its mapping layer names
    return [layer.name for layer in readers.open_file(path, encoding)]


def plan_jobs(mapping: Mapping, files: list[Path]) -> list[Job]:
    """Which mapping layer reads which layer of which file; TransferError when something matches nothing."""
    if not files:
        raise TransferError("No file to import: name one or more files after the mapping.")
    default_encoding = next((layer.encoding for layer in mapping.layers if layer.encoding), None)
    names = {path: _layer_names(path, default_encoding) for path in files}
    several = len(mapping.layers) > 1
    jobs, used = [], set()
    for layer in mapping.layers:
        if several and not (layer.source or layer.file):
            raise TransferError(f"Mapping file {mapping.path.name}: {layer.label} needs 'source' (its layer or sheet "
                                "name) or 'file' (a pattern of file names), because the mapping has several layers.")
        found = []
        for path, layer_names in names.items():
            if layer.file and not fnmatch.fnmatch(path.name.lower(), layer.file.lower()):
                continue
            if layer.source:
                chosen = [n for n in layer_names if n.lower() == layer.source.lower()]
            elif len(layer_names) == 1:
                chosen = layer_names
            else:
                raise TransferError(f"{path.name} has several layers ({', '.join(layer_names)}): say which one "
                                    f"{layer.label} reads with source = \"...\".")
            found += [Job(layer, path, n) for n in chosen]
        if not found and not layer.optional:
            listing = "; ".join(f"{p.name}: {', '.join(n)}" for p, n in names.items())
            raise TransferError(f"{layer.label}: no file given holds "
                                f"{'a layer or sheet named ' + repr(layer.source) if layer.source else 'a matching layer'}"
                                f"{' in files ' + repr(layer.file) if layer.file else ''} (given: {listing}). "
                                "Add optional = true to the mapping layer if it may be absent.")
        jobs += found
        used |= {job.path for job in found}
    unused = [p.name for p in files if p not in used]
    if unused:
        raise TransferError(f"{', '.join(unused)}: no layer of the mapping {mapping.path.name} reads "
                            f"{'it' if len(unused) == 1 else 'them'}.")
    return jobs


def _source(job: Job, default_encoding: str | None) -> readers.SourceLayer:
    encoding = job.layer.encoding or default_encoding
    for layer in readers.open_file(job.path, encoding):
        if layer.name == job.source_name:
            return layer
    raise TransferError(f"{job.path.name}: layer {job.source_name} disappeared while importing.")


def _references(plan: Plan) -> set[str]:
    """Tables a layer looks rows up in (references and links): earlier layers writing them must write first."""
    return ({f.reference.table.qualified for f in plan.fields if f.reference}
            | {link.other.qualified for link in plan.links})


def run_import(dsn: str, mapping_path: str | Path, files: list[str | Path], *, dry_run: bool = False,
               repair_geometries: bool = False, skip_rejected: bool = False, report_path: str | Path | None = None,
               progress: Progress | None = None) -> ImportResult:
    """Import files with a mapping; see the module docstring. Returns counts and problems."""
    progress = progress or Progress()
    mapping = load_mapping(mapping_path)
    files = [Path(f) for f in files]
    jobs = plan_jobs(mapping, files)
    result = ImportResult(dry_run=dry_run, skip_rejected=skip_rejected)
    timings = dict.fromkeys(("stage", "validate", "write"), 0.0)
    try:
        with transaction(dsn, TransferError) as conn, conn.cursor() as cur:
            conn.set_client_encoding("UTF8")
            # staging lives in temp tables: room for them in memory (settable only before the first one)
            cur.execute("SET temp_buffers = '512MB'")
            srid = catalog.city_srid(conn)
            # the generated statements are long but cheap per row: JIT compiling them costs more than it saves
            cur.execute("SET LOCAL jit = off")
            # room to sort a file's rows and to hold the rows a statement wrote for its audit trigger
            # (transition tables) in memory instead of temp files
            cur.execute("SET LOCAL work_mem = '256MB'")
            cur.execute(TEMP_FUNCTIONS)
            cur.execute("CREATE TEMP TABLE imis_rejects (job int, row bigint, fid bigint, field text, value text, "
                        "reason text, outcome text) ON COMMIT DROP")
            plans = []
            for job in jobs:
                source = _source(job, None)
                plan = resolve(conn, job.layer, source, srid)
                if plan.src_srid is not None:
                    cur.execute("SELECT 1 FROM spatial_ref_sys WHERE srid = %s", (plan.src_srid,))
                    if cur.fetchone() is None:
                        raise TransferError(f"{plan.label}: EPSG:{plan.src_srid} is not a coordinate reference "
                                            "system PostGIS knows.")
                plans.append(plan)
            code_lists = {}
            for plan in plans:
                for field in plan.fields:
                    if field.code_fk is not None:
                        name = f"{field.code_fk.ref_schema}.{field.code_fk.ref_table}"
                        if name not in code_lists:
                            code_lists[name] = catalog.code_list(conn, field.code_fk)
            share = 100.0 / len(plans)
            for n, plan in enumerate(plans, start=1):
                step = progress.span((n - 1) * share, n * share)
                later = set().union(*(_references(p) for p in plans[n:])) if n < len(plans) else set()
                must_write = not dry_run or plan.table.qualified in later
                result.jobs.append(_run_job(cur, conn, plan, n, srid, repair_geometries, code_lists, must_write,
                                            step, timings))
                result.problems += _problems(cur, plan, n)
            rejected = result.total("rejected_rows")
            keep = not dry_run and not (rejected and not skip_rejected)
            if not keep:
                conn.rollback()
    except psycopg2.Error as exc:  # refused (a lost connection is a TransferError already)
        message = (exc.diag.message_primary or str(exc)).strip()
        detail = f" ({exc.diag.message_detail})" if exc.diag.message_detail else ""
        raise TransferError(f"The database refused the import, nothing was written: {message}{detail}") from None
    result.written = keep
    result.timings = timings
    if report_path is not None:
        write_report(report_path, result)
    progress(100, "done")
    return result


def _run_job(cur, conn, plan: Plan, n: int, srid: int, repair: bool, code_lists: dict, must_write: bool,
             progress: Progress, timings: dict) -> JobResult:
    source = plan.source
    job = JobResult(source.path.name, source.name, plan.table.name)
    started = time.perf_counter()
    name = f"imis_stage_{n}"
    if source.kind == "gdal":
        staged = staging.stage_gdal(conn, source, name, plan.staged_fields,
                                    srid if plan.geometry_source else None, plan.layer.crs, progress.span(0, 60))
    elif source.kind == "csv":
        staged = staging.stage_csv(conn, source, name)
    else:
        staged = staging.stage_excel(conn, source, name)
    job.rows = staged.rows
    timings["stage"] += time.perf_counter() - started
    progress(60, f"checking {source.label}")
    started = time.perf_counter()
    layer_sql = LayerSQL(plan, name, n, srid, repair, code_lists)
    statement, params = layer_sql.create_typed(staged.columns)
    cur.execute(statement, params)
    statements = [layer_sql.problems_to_rejects(), *layer_sql.duplicates(), *layer_sql.links(staged.columns)]
    for statement in statements:
        cur.execute(statement, layer_sql.P.values)
    cur.execute("SELECT count(DISTINCT row) FILTER (WHERE outcome = 'rejected'), "
                "count(DISTINCT row) FILTER (WHERE outcome = 'repaired') FROM imis_rejects WHERE job = %s", (n,))
    job.rejected_rows, job.repaired_rows = cur.fetchone()
    timings["validate"] += time.perf_counter() - started
    progress(80, f"writing {plan.table.name}" if must_write else f"counting {plan.table.name}")
    started = time.perf_counter()
    cur.execute("SAVEPOINT imis_write")
    try:
        if must_write:
            job.counts = load.write(cur, plan, layer_sql.typed, n)
        else:
            job.counts = load.count(cur, plan, layer_sql.typed, n)
            job.counts.links_added = load.count_new_links(cur, plan, layer_sql.typed, n)
    except psycopg2.Error as exc:
        cur.execute("ROLLBACK TO SAVEPOINT imis_write")
        message = (exc.diag.message_primary or str(exc)).strip()
        raise TransferError(f"{plan.label}: the database refused the rows, nothing was written: {message}") from None
    timings["write"] += time.perf_counter() - started
    progress(100, f"{source.label} done")
    return job


def _problems(cur, plan: Plan, n: int) -> list[Problem]:
    cur.execute("SELECT row, fid, field, value, outcome, reason FROM imis_rejects WHERE job = %s "
                "ORDER BY row, outcome, field, reason", (n,))
    source = plan.source
    return [Problem(source.path.name, source.name, plan.table.name, row, fid if source.kind == "gdal" else None,
                    field, value, outcome, reason) for row, fid, field, value, outcome, reason in cur.fetchall()]
