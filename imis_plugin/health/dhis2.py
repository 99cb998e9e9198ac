"""DHIS2 data-value sets in and out.

In: aggregate disease cases exported from DHIS2 (its standard JSON ``{"dataValues": [...]}`` or CSV with
the columns dataelement, period, orgunit, value) become ``imis_core.disease_case`` rows, through a mapping
file (JSON) that names the ward of each org unit and the disease of each data element:

    {"org_units": {"OU_UID": 1, ...}, "data_elements": {"DE_UID": "cholera", ...},
     "export": {"population": "DE_POP", "rate_per_1000": "DE_RATE", ...}}

Values of the same ward, disease and period (category option combos such as age or sex groups) are
added up. Re-importing the same file changes nothing. Anything unmapped or malformed is reported with
its file and row, and nothing is written.

Out: ward figures (``imis_app.health_ward_rates``) as a data-value set in the same formats, with the
``export`` part of the mapping naming the data element of each figure.
"""
from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..db.connect import transaction
from ..db.errors import ImisDatabaseError

#: Ward figures a data-value set can carry (columns of imis_app.health_ward_rates).
EXPORTABLE = ("population", "cases", "rate_per_1000", "relative_risk", "containments", "unsafe_containments",
              "samples", "positive_samples")


@dataclass(frozen=True)
class Mapping:
    org_units: dict[str, int]
    data_elements: dict[str, str]
    export: dict[str, str]


def read_mapping(path: Path) -> Mapping:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        mapping = Mapping({str(k): int(v) for k, v in data.get("org_units", {}).items()},
                          {str(k): str(v) for k, v in data.get("data_elements", {}).items()},
                          {str(k): str(v) for k, v in data.get("export", {}).items()})
    except (OSError, ValueError, AttributeError, TypeError) as exc:
        raise ImisDatabaseError(f"{path.name}: not a DHIS2 mapping file ({exc}).") from None
    unknown = sorted(set(mapping.export) - set(EXPORTABLE))
    if unknown:
        raise ImisDatabaseError(f"{path.name}: 'export' names unknown figures {unknown}; "
                                f"known: {', '.join(EXPORTABLE)}.")
    return mapping


def period_dates(period: str) -> tuple[dt.date, dt.date]:
    """A DHIS2 period (20240115, 2024W3, 202401, 2024Q1, 2024) -> its first and last day."""
    if m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", period):
        day = dt.date(*map(int, m.groups()))
        return day, day
    if m := re.fullmatch(r"(\d{4})W(\d{1,2})", period):
        start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return start, start + dt.timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})(\d{2})", period):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if m := re.fullmatch(r"(\d{4})Q([1-4])", period):
        year, quarter = int(m[1]), int(m[2])
        last = 3 * quarter
        return dt.date(year, last - 2, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
    if m := re.fullmatch(r"(\d{4})", period):
        return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    raise ValueError(f"unsupported DHIS2 period {period!r} (daily, weekly, monthly, quarterly or yearly)")


def dhis2_period(start: dt.date, end: dt.date) -> str:
    """The DHIS2 period of a whole month, quarter or year."""
    if start.day == 1 and end == dt.date(start.year, start.month, calendar.monthrange(start.year, start.month)[1]):
        return f"{start.year}{start.month:02d}"
    if start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31):
        return str(start.year)
    for q in range(1, 5):
        if (start, end) == period_dates(f"{start.year}Q{q}"):
            return f"{start.year}Q{q}"
    raise ImisDatabaseError(f"{start}..{end} is not a DHIS2 month, quarter or year.")


def read_data_values(path: Path) -> list[tuple[int, dict]]:
    """(row number, data value) of a JSON or CSV data-value set; row numbers count from 1 (CSV: line)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImisDatabaseError(f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start}).") from None
    except OSError as exc:
        raise ImisDatabaseError(f"{path.name}: cannot be read ({exc.strerror}).") from None
    if path.suffix.lower() == ".json":
        try:
            values = json.loads(text)["dataValues"]
            if not isinstance(values, list):
                raise TypeError("dataValues is not a list")
        except (ValueError, KeyError, TypeError) as exc:
            raise ImisDatabaseError(f"{path.name}: not a DHIS2 data-value set ({exc}).") from None
        return [(i, {k.lower(): v for k, v in dv.items()}) for i, dv in enumerate(values, start=1)]
    reader = csv.DictReader(text.splitlines())
    header = {h.strip().lower() for h in reader.fieldnames or []}
    missing = {"dataelement", "period", "orgunit", "value"} - header
    if missing:
        raise ImisDatabaseError(f"{path.name}: missing column(s) {', '.join(sorted(missing))}.")
    return [(line, {k.strip().lower(): v for k, v in row.items()}) for line, row in enumerate(reader, start=2)]


def import_cases(dsn: str, path: Path, mapping: Mapping, dry_run: bool = False) -> dict:
    """Load disease cases; returns {'read', 'inserted', 'updated', 'unchanged'}. All or nothing."""
    path = Path(path)
    problems, totals = [], {}
    rows = read_data_values(path)
    for row, dv in rows:
        where = f"{path.name} row {row}"
        org_unit, element = str(dv.get("orgunit", "")), str(dv.get("dataelement", ""))
        if org_unit not in mapping.org_units:
            problems.append(f"{where}, orgUnit: {org_unit!r} is not mapped to a ward")
            continue
        if element not in mapping.data_elements:
            problems.append(f"{where}, dataElement: {element!r} is not mapped to a disease")
            continue
        try:
            start, end = period_dates(str(dv.get("period", "")))
        except ValueError as exc:
            problems.append(f"{where}, period: {exc}")
            continue
        try:
            value = float(dv.get("value"))
            if not value.is_integer() or value < 0:
                raise ValueError
        except (TypeError, ValueError):
            problems.append(f"{where}, value: {dv.get('value')!r} is not a whole number of cases")
            continue
        key = (mapping.org_units[org_unit], mapping.data_elements[element], start, end)
        totals[key] = totals.get(key, 0) + int(value)
    if problems:
        raise ImisDatabaseError("Nothing was imported:\n" + "\n".join(problems))
    counts = {"read": len(rows), "inserted": 0, "updated": 0, "unchanged": 0}
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT number, id FROM imis_core.ward")
        wards = dict(cur.fetchall())
        cur.execute("SELECT value FROM imis_code.disease")
        diseases = {r[0] for r in cur.fetchall()}
        bad = sorted({f"ward {w}" for w, *_ in totals if w not in wards}
                     | {f"disease {d!r}" for _, d, *_ in totals if d not in diseases})
        if bad:
            raise ImisDatabaseError(f"Nothing was imported: the mapping names {', '.join(bad)}, which this city "
                                    "does not have.")
        for (ward, disease, start, end), cases in sorted(totals.items()):
            cur.execute("""
                INSERT INTO imis_core.disease_case (ward_id, disease, period_start, period_end, cases, source)
                VALUES (%(ward)s, %(disease)s, %(start)s, %(end)s, %(cases)s, 'dhis2')
                ON CONFLICT (ward_id, disease, period_start, period_end) DO UPDATE
                    SET cases = EXCLUDED.cases, source = EXCLUDED.source
                    WHERE disease_case.cases IS DISTINCT FROM EXCLUDED.cases
                RETURNING xmax = 0""",
                        {"ward": wards[ward], "disease": disease, "start": start, "end": end, "cases": cases})
            result = cur.fetchone()
            counts["unchanged" if result is None else "inserted" if result[0] else "updated"] += 1
        if dry_run:
            conn.rollback()
    return counts


def export_ward_figures(dsn: str, output: Path, mapping: Mapping, start: dt.date, end: dt.date,
                        disease: str | None = None) -> int:
    """Write the ward figures of a period as a data-value set (.json or .csv); returns the values written."""
    if not mapping.export:
        raise ImisDatabaseError("The mapping has no 'export' part naming the data element of each figure.")
    period = dhis2_period(start, end)
    org_unit_of = {ward: uid for uid, ward in mapping.org_units.items()}
    values = []
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT * FROM imis_app.health_ward_rates(%s, %s, %s)", (start, end, disease))
        names = [d.name for d in cur.description]
        for row in cur.fetchall():
            record = dict(zip(names, row))
            org_unit = org_unit_of.get(record["ward_number"])
            if org_unit is None:
                continue  # a ward the health system does not know
            for figure, element in mapping.export.items():
                if record[figure] is not None:
                    values.append({"dataElement": element, "period": period, "orgUnit": org_unit,
                                   "value": str(record[figure])})
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    if output.suffix.lower() == ".json":
        output.write_text(json.dumps({"dataValues": values}, indent=1), encoding="utf-8")
    else:
        with output.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["dataelement", "period", "orgunit", "categoryoptioncombo", "attributeoptioncombo",
                             "value"])
            writer.writerows([v["dataElement"], v["period"], v["orgUnit"], "", "", v["value"]] for v in values)
    return len(values)
