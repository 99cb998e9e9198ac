"""Excel work orders of a schedule: one sheet per provider and day, stops in driving order per vehicle,
with what the crew needs at the door (address, customer, phone, expected volume, loads) and empty
columns for what they find. A summary sheet lists the sheets."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..db.connect import transaction
from .errors import ScheduleError

HEADER = ["Vehicle", "Trip", "Stop", "Containment", "Type", "Building (BIN)", "House / address", "Ward",
          "Customer", "Phone", "Programme", "Expected m3", "Loads", "Estimated", "Status", "Emptied m3", "Receipt",
          "Remarks"]
WIDTHS = [16, 6, 6, 14, 22, 12, 28, 7, 20, 15, 11, 11, 7, 18, 11, 11, 11, 24]


def _rows(cur, schedule_code, provider_code, date_from, date_to):
    cur.execute("SELECT id FROM imis_fsm.schedule WHERE code = %s", (schedule_code,))
    row = cur.fetchone()
    if row is None:
        raise ScheduleError(f"There is no schedule {schedule_code}.")
    cur.execute(
        """SELECT sp.code, sp.name, si.service_date, v.registration, v.capacity_m3, si.trip_no, si.stop_order,
                  c.code, ct.label_en, b.bin, coalesce(b.house_number || ', ', '') || coalesce(b.address, ''),
                  w.number, coalesce(a.customer_name, o.name), coalesce(a.customer_phone, o.phone),
                  si.programme, si.expected_volume_m3, si.loads, array_to_string(si.estimates, ', '), si.status
           FROM imis_fsm.schedule_item si
           JOIN imis_fsm.service_provider sp ON sp.id = si.provider_id
           JOIN imis_fsm.vehicle v ON v.id = si.vehicle_id
           JOIN imis_core.containment c ON c.id = si.containment_id
           LEFT JOIN imis_code.containment_type ct ON ct.value = c.containment_type
           LEFT JOIN imis_fsm.application a ON a.id = si.application_id
           LEFT JOIN LATERAL (SELECT b.* FROM imis_core.building_containment bc
                              JOIN imis_core.building b ON b.id = bc.building_id
                              WHERE bc.containment_id = c.id ORDER BY b.bin LIMIT 1) b ON true
           LEFT JOIN imis_core.ward w ON w.id = b.ward_id
           LEFT JOIN LATERAL (SELECT ow.name, ow.phone FROM imis_core.building_holding bh
                              JOIN imis_core.holding h ON h.id = bh.holding_id
                              JOIN imis_core.owner ow ON ow.id = h.owner_id
                              WHERE bh.building_id = b.id ORDER BY h.holding_code LIMIT 1) o ON true
           WHERE si.schedule_id = %(s)s AND si.status <> 'declined'
             AND (%(p)s::text IS NULL OR sp.code = %(p)s)
             AND (%(df)s::date IS NULL OR si.service_date >= %(df)s::date)
             AND (%(dt)s::date IS NULL OR si.service_date <= %(dt)s::date)
           ORDER BY sp.code, si.service_date, v.registration, si.stop_order""",
        {"s": row[0], "p": provider_code, "df": date_from, "dt": date_to},
    )
    return cur.fetchall()


def write_work_orders(dsn: str, schedule_code: str, path: str | Path, provider_code: str | None = None,
                      date_from: dt.date | None = None, date_to: dt.date | None = None) -> dict:
    """Write the workbook; returns {"sheets": n, "stops": n, "path": path}."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    with transaction(dsn, ScheduleError) as conn, conn.cursor() as cur:
        rows = _rows(cur, schedule_code, provider_code, date_from, date_to)
    if not rows:
        raise ScheduleError(f"Schedule {schedule_code} has no stops"
                            + (f" for provider {provider_code}" if provider_code else "")
                            + (" in those dates" if date_from or date_to else "") + ".")
    book = Workbook()
    summary = book.active
    summary.title = "Summary"
    summary.append([f"Work orders of schedule {schedule_code}"])
    summary["A1"].font = Font(bold=True, size=13)
    summary.append(["Sheet", "Provider", "Date", "Vehicles", "Stops", "Expected m3"])
    for cell in summary[2]:
        cell.font = Font(bold=True)
    groups: dict = {}
    for r in rows:
        groups.setdefault((r[0], r[1], r[2]), []).append(r)
    bold = Font(bold=True)
    shade = PatternFill("solid", fgColor="DDEBF7")
    for (code, name, day), stops in groups.items():
        title = f"{code} {day.isoformat()}"[:31]
        sheet = book.create_sheet(title)
        sheet.append([f"{name} ({code}) - work order for {day:%A %d %B %Y}"])
        sheet["A1"].font = Font(bold=True, size=12)
        sheet.append(["Empty each containment fully; take every load to the treatment plant the same day; "
                      "record the volume and the receipt number."])
        sheet.append(HEADER)
        for cell in sheet[3]:
            cell.font = bold
            cell.fill = shade
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for r in stops:
            (_, _, _, reg, cap, trip, stop, ccode, ctype, bin_, address, ward, customer, phone, programme, volume,
             loads, estimated, status) = r
            sheet.append([f"{reg} ({float(cap):g} m3)", trip, stop, ccode, ctype, bin_, address or None, ward,
                          customer, phone, programme.replace("_", "-"), float(volume), loads, estimated or None,
                          status, None, None, None])
        sheet.freeze_panes = "A4"
        for n, width in enumerate(WIDTHS):
            sheet.column_dimensions[chr(ord("A") + n)].width = width
        summary.append([title, f"{code} {name}", day, len({s[3] for s in stops}), len(stops),
                        round(sum(float(s[15]) for s in stops), 1)])
    summary.column_dimensions["A"].width = 24
    summary.column_dimensions["B"].width = 30
    summary.column_dimensions["C"].width = 12
    path = Path(path)
    book.save(path)
    return {"sheets": len(groups), "stops": len(rows), "path": path}
