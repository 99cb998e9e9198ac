"""The import's outcome: counts per layer, and every rejected, repaired or noted row with file, row, field
and reason, written as CSV or Excel for the people who correct the source data."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from .load import Counts

COLUMNS = ["file", "layer", "table", "row", "fid", "field", "value", "outcome", "reason"]
HEADERS = {"row": "row (spreadsheet row / feature number)", "fid": "fid (feature id in the file)"}


@dataclass
class Problem:
    file: str
    layer: str
    table: str
    row: int | None
    fid: int | None
    field: str
    value: str | None
    outcome: str  # rejected | repaired | note
    reason: str

    def as_list(self) -> list:
        return [getattr(self, c) for c in COLUMNS]


@dataclass
class JobResult:
    file: str
    layer: str
    table: str
    rows: int = 0
    counts: Counts = field(default_factory=Counts)
    rejected_rows: int = 0
    repaired_rows: int = 0


@dataclass
class ImportResult:
    jobs: list[JobResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False
    skip_rejected: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    report_path: Path | None = None

    def total(self, name: str) -> int:
        if name in ("rows", "rejected_rows", "repaired_rows"):
            return sum(getattr(j, name) for j in self.jobs)
        return sum(getattr(j.counts, name) for j in self.jobs)

    @property
    def rejected(self) -> list[Problem]:
        return [p for p in self.problems if p.outcome == "rejected"]

    @property
    def refused(self) -> bool:
        """Rows were rejected and the import was not told to load only the good ones: nothing written."""
        return bool(self.rejected) and not self.skip_rejected

    def summary(self) -> str:
        lines = []
        for job in self.jobs:
            c = job.counts
            lines.append(f"{job.file} {job.layer} -> {job.table}: {job.rows} rows; {c.inserted} new, {c.updated} "
                         f"changed, {c.unchanged} unchanged, {job.rejected_rows} rejected"
                         + (f", {job.repaired_rows} repaired" if job.repaired_rows else "")
                         + (f", {c.links_added} links added" if c.links_added else ""))
        if self.dry_run:
            lines.append("Dry run: nothing was written (the counts say what an import would do).")
        elif self.refused:
            lines.append(f"{self.total('rejected_rows')} rows rejected: NOTHING was written. Correct the rows listed in "
                         "the report, or import with --skip-rejected to load only the rows that passed.")
        elif self.written:
            lines.append("Import written in one transaction.")
        return "\n".join(lines)


def write_report(path: str | Path, result: ImportResult) -> Path:
    """The rejected/repaired rows as CSV (UTF-8 with BOM, so Excel shows Bangla) or .xlsx."""
    path = Path(path)
    header = [HEADERS.get(c, c) for c in COLUMNS]
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "rejected rows"
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for problem in result.problems:
            sheet.append(problem.as_list())
        sheet.freeze_panes = "A2"
        for letter, width in zip("ABCDEFGHI", (24, 16, 14, 12, 10, 18, 24, 10, 70)):
            sheet.column_dimensions[letter].width = width
        summary = workbook.create_sheet("summary")
        summary.append(["file", "layer", "table", "rows", "new", "changed", "unchanged", "rejected", "repaired",
                        "links added"])
        for job in result.jobs:
            c = job.counts
            summary.append([job.file, job.layer, job.table, job.rows, c.inserted, c.updated, c.unchanged,
                            job.rejected_rows, job.repaired_rows, c.links_added])
        summary.append([])
        summary.append([result.summary()])
        workbook.save(path)
    else:
        with open(path, "w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(header)
            for problem in result.problems:
                writer.writerow(["" if v is None else v for v in problem.as_list()])
    result.report_path = path
    return path
