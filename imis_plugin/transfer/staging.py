"""Moving source rows into session temp tables with COPY, every field as text (types are checked in SQL).

GDAL sources: GDAL's PGDump driver, run in a thread, writes COPY rows (geometry as hex EWKB, already
reprojected to the city CRS) into a pipe that this thread feeds to ``COPY ... FROM STDIN``: GDAL encodes in
C while PostgreSQL parses, and no Python touches a feature. CSV files go to COPY as they are (decoded once to
check their encoding); Excel sheets are read by openpyxl. Temp tables vanish with the session, so staging
needs no rights beyond TEMP and leaves nothing behind.
"""
from __future__ import annotations

import csv
import io
import os
import re
import threading
from dataclasses import dataclass, field

import psycopg2
from psycopg2 import sql

from .errors import TransferCancelled, TransferError
from .progress import Progress
from .readers import GdalMessages, SourceLayer, _gdal, excel_rows, read_text

ROW, FID, GEOM = "_row", "_fid", "_geom"
_SIMPLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HEADER_NAME = re.compile(r'"((?:[^"]|"")*)"')


@dataclass
class Staged:
    """A source layer in a temp table: ``_row`` (row number shown to users), ``_fid``, ``_geom``, ``f1..fn``."""

    table: str
    source: SourceLayer
    columns: dict[str, str] = field(default_factory=dict)  # source field -> staging column
    has_geometry: bool = False
    rows: int = 0

    @property
    def ident(self) -> sql.Identifier:
        return sql.Identifier(self.table)


def _create(cur, name: str, fields: list[str], row_start: int | None, geometry: bool) -> dict[str, str]:
    columns = {f: f"f{i}" for i, f in enumerate(fields, start=1)}
    row = (sql.SQL("{} bigint GENERATED ALWAYS AS IDENTITY (START WITH {})").format(sql.Identifier(ROW), sql.Literal(row_start))
           if row_start is not None else sql.SQL("{} bigint").format(sql.Identifier(ROW)))
    parts = [row, sql.SQL("{} bigint").format(sql.Identifier(FID))]
    if geometry:
        parts.append(sql.SQL("{} geometry").format(sql.Identifier(GEOM)))
    parts += [sql.SQL("{} text").format(sql.Identifier(c)) for c in columns.values()]
    cur.execute(sql.SQL("CREATE TEMP TABLE {} ({}) ON COMMIT DROP").format(sql.Identifier(name), sql.SQL(", ").join(parts)))
    return columns


def _copy_error(source: SourceLayer, exc: psycopg2.Error, what: str = "line") -> TransferError:
    """COPY's complaint, placed: ``what`` is "line" for CSV (COPY's line = the file's) or "feature"."""
    context = (exc.diag.context or "").strip().splitlines()
    match = re.search(r"line (\d+)", context[0]) if context else None
    where = f" {what} {match.group(1)}:" if match else ""
    message = exc.diag.message_primary or str(exc).strip()
    if isinstance(exc, (psycopg2.errors.CharacterNotInRepertoire, psycopg2.errors.UntranslatableCharacter)):
        return TransferError(f"{source.label}:{where} text that is not valid UTF-8 ({message}): the file's encoding "
                             f"is not what it declares. Name the right one in the mapping (for example encoding = "
                             f"\"cp1252\") or save the file as UTF-8.")
    return TransferError(f"{source.label}:{where} {message}")


# --- CSV and Excel ------------------------------------------------------------------------------------


def stage_csv(conn, source: SourceLayer, name: str) -> Staged:
    text = read_text(source.path, source.encoding)
    with conn.cursor() as cur:
        staged = Staged(name, source, _create(cur, name, source.fields, 2, False))
        copy = sql.SQL("COPY {} ({}) FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER {})").format(
            staged.ident, sql.SQL(", ").join(map(sql.Identifier, staged.columns.values())), sql.Literal(source.delimiter))
        cur.execute("SAVEPOINT imis_stage")
        try:
            cur.copy_expert(copy.as_string(conn), io.StringIO(text), size=1 << 20)
        except psycopg2.Error as exc:
            cur.execute("ROLLBACK TO SAVEPOINT imis_stage")
            raise _copy_error(source, exc) from None
        staged.rows = cur.rowcount
    return staged


def stage_excel(conn, source: SourceLayer, name: str) -> Staged:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for number, cells in excel_rows(source):
        writer.writerow([number, *cells])
    buffer.seek(0)
    with conn.cursor() as cur:
        staged = Staged(name, source, _create(cur, name, source.fields, None, False))
        copy = sql.SQL("COPY {} ({}, {}) FROM STDIN WITH (FORMAT csv)").format(
            staged.ident, sql.Identifier(ROW), sql.SQL(", ").join(map(sql.Identifier, staged.columns.values())))
        cur.copy_expert(copy.as_string(conn), buffer, size=1 << 20)
        staged.rows = cur.rowcount
    return staged


# --- GDAL ---------------------------------------------------------------------------------------------


class _CopyRows(io.RawIOBase):
    """A PGDump stream seen as the data of its first COPY statement: header lines skipped, stops at ``\\.``."""

    TERMINATOR = b"\n\\.\n"

    def __init__(self, pipe):
        super().__init__()
        self._pipe = pipe
        self._pending = b"\n"  # a virtual newline, so a terminator on the first line is found too
        self._out, self._offset = b"", 0
        self.columns: list[str] | None = None
        self.complete = False
        while True:
            line = pipe.readline()
            if not line:
                return  # GDAL stopped before writing any COPY
            if line.startswith(b"COPY "):
                inside = line.decode("utf-8").split("(", 1)[1].rsplit(")", 1)[0]
                self.columns = [m.replace('""', '"') for m in _HEADER_NAME.findall(inside)]
                return

    def readable(self):
        return True

    def readinto(self, buffer) -> int:
        if self._offset >= len(self._out):
            self._fill()
        n = min(len(buffer), len(self._out) - self._offset)
        buffer[:n] = self._out[self._offset:self._offset + n]
        self._offset += n
        return n

    def _fill(self) -> None:
        # _pending starts with one byte already handed out (a newline at first), so that a terminator
        # beginning right at a chunk boundary is still found
        self._out, self._offset = b"", 0
        keep = len(self.TERMINATOR) - 1
        while not self._out and not self.complete:
            chunk = self._pipe.read1(1 << 20)
            if not chunk:
                return  # GDAL stopped in the middle of the rows: the caller reports its error
            self._pending += chunk
            end = self._pending.find(self.TERMINATOR)
            if end >= 0:
                self._out, self._pending, self.complete = self._pending[1:end + 1], b"", True
            elif len(self._pending) > keep + 1:
                self._out, self._pending = self._pending[1:-keep], self._pending[-keep - 1:]


def _same_crs(wkt: str | None, srid: int) -> bool:
    if not wkt:
        return False
    from osgeo import osr

    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromWkt(wkt)
    target.ImportFromEPSG(srid)
    return bool(source.IsSame(target))


def stage_gdal(conn, source: SourceLayer, name: str, needed: list[str], dst_srid: int | None,
               src_crs: str | None, progress: Progress) -> Staged:
    """COPY a GDAL layer into a temp table; geometries reprojected to ``dst_srid`` by GDAL."""
    gdal, _ = _gdal()
    geometry = dst_srid is not None and source.geometry_type is not None
    options = ["-preserve_fid", "-nlt", "CONVERT_TO_LINEAR"]
    if needed and all(_SIMPLE_NAME.match(f) for f in needed):
        options += ["-select", ",".join(needed)]
    elif not needed:
        options += ["-select", ""]  # no attribute needed (a geometry-only layer)
    if not geometry:
        options += ["-nlt", "NONE"] if source.geometry_type is not None else []
    kwargs = {}
    if geometry and not _same_crs(source.srs_wkt, dst_srid):  # GDAL reprojects; same CRS: skip the transformer
        kwargs["dstSRS"] = f"EPSG:{dst_srid}"
        if source.srs_wkt is None and src_crs:
            kwargs["srcSRS"] = src_crs
    lcos = ["CREATE_TABLE=OFF", "DROP_TABLE=OFF", "SPATIAL_INDEX=NONE", "LAUNDER=NO", f"FID={FID}",
            f"GEOMETRY_NAME={GEOM}", "CREATE_SCHEMA=OFF"]
    cancelled = threading.Event()

    def callback(complete, message, data):
        if progress.is_cancelled():
            cancelled.set()
            return 0
        try:
            progress(complete * 100.0, f"reading {source.label}")
        except TransferCancelled:
            cancelled.set()
            return 0
        return 1

    read_fd, write_fd = os.pipe()
    failure: list[str] = []
    messages = GdalMessages()

    def translate():
        try:
            gdal.SetThreadLocalConfigOption("PG_USE_COPY", "YES")
            with messages:
                gdal.VectorTranslate(f"/dev/fd/{write_fd}", source.gdal_path, format="PGDump", layerName=name,
                                     layers=[source.gdal_layer], layerCreationOptions=lcos, options=options,
                                     callback=callback, **kwargs)
        except Exception as exc:  # noqa: BLE001 - reported by the reading side
            failure.append(str(exc))
        finally:
            os.close(write_fd)  # the reader sees the end of the stream even when GDAL never opened it

    with conn.cursor() as cur:
        columns = _create(cur, name, source.fields, 1, geometry)
        staged = Staged(name, source, columns, geometry)
        worker = threading.Thread(target=translate, name="imis-gdal-stage", daemon=True)
        worker.start()
        with os.fdopen(read_fd, "rb") as pipe:
            rows = _CopyRows(pipe)
            copy_error = None
            if rows.columns is not None:
                mapping = {FID: FID, GEOM: GEOM, **columns}
                unknown = [c for c in rows.columns if c not in mapping]
                if unknown:
                    raise TransferError(f"{source.label}: GDAL wrote unexpected column(s) {unknown}.")
                copy = sql.SQL("COPY {} ({}) FROM STDIN").format(
                    staged.ident, sql.SQL(", ").join(sql.Identifier(mapping[c]) for c in rows.columns))
                cur.execute("SAVEPOINT imis_stage")
                try:
                    cur.copy_expert(copy.as_string(conn), io.BufferedReader(rows, 1 << 20), size=1 << 20)
                    staged.rows = cur.rowcount
                except psycopg2.Error as exc:
                    cur.execute("ROLLBACK TO SAVEPOINT imis_stage")
                    copy_error = exc
            # drain what GDAL still writes (the closing statements), so it can finish
            while pipe.read(1 << 16):
                pass
        worker.join()
    if cancelled.is_set():
        raise TransferCancelled()
    problems = messages.encoding_problems()
    if problems:
        raise TransferError(f"{source.label}: text in the file is not in the encoding it declares ({problems[0]}). "
                            "Name the right encoding in the mapping (for example encoding = \"cp1252\").")
    if failure or rows.columns is None or not rows.complete:
        why = "; ".join(dict.fromkeys(failure + messages.messages)) or "the file ended early"
        raise TransferError(f"{source.label}: cannot read the features ({why}). Is the file damaged?")
    if copy_error is not None:
        raise _copy_error(source, copy_error, "feature")
    return staged
