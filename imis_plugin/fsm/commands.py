"""The `imis fsm` commands (registered by imis_plugin.cli): plan a schedule, write work orders, the
monthly provider report, the service queue and a containment's fill model."""
from __future__ import annotations

import datetime as dt
import signal
import sys

from .errors import Cancelled, ScheduleError


def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ScheduleError(f"{option} {text!r} is not a date (YYYY-MM-DD).") from None


def _month(text: str) -> dt.date:
    try:
        return dt.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise ScheduleError(f"--month {text!r} is not a month (YYYY-MM).") from None


def add_months(day: dt.date, months: int) -> dt.date:
    """The day before the same day `months` later (a period of whole months)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d) - dt.timedelta(days=1)
        except ValueError:
            continue
    raise AssertionError


def add_parsers(sub, target_options) -> None:
    fsm = sub.add_parser("fsm", help="faecal sludge management: emptying schedules, work orders, reports, queue")
    fsub = fsm.add_subparsers(dest="fsm_command", required=True)

    p = fsub.add_parser("plan", help="plan (or re-plan) an emptying schedule",
                        description="Plan which containments are emptied on which day by which vehicle, from the "
                                    "fill model, the fleet, the plants, the working days and the road network. "
                                    "Everything is written in one transaction; re-planning keeps confirmed items.")
    target_options(p)
    p.add_argument("--from", dest="start", metavar="DATE", help="first day (default: tomorrow)")
    p.add_argument("--to", dest="end", metavar="DATE", help="last day (default: --months after --from)")
    p.add_argument("--months", type=int, default=3, help="length of the period when --to is not given (default 3)")
    p.add_argument("--code", help="schedule code (default PLAN-<from>-<to>)")
    p.add_argument("--name", help="a name people recognise")
    p.add_argument("--replan", action="store_true", help="re-plan the schedule --code (confirmed items stay)")
    p.add_argument("--no-regular", action="store_true", help="leave out the regular (scheduled) programme")
    p.add_argument("--no-on-demand", action="store_true", help="leave out applications (on-demand, emergencies)")
    p.add_argument("--wards", metavar="N,N", help="regular programme in these ward numbers only")
    p.add_argument("--dry-run", action="store_true", help="plan and report, write nothing")
    p.add_argument("--work-orders", metavar="PATH", help="also write the Excel work orders (.xlsx)")
    for name, default, text in (("speed-kmh", 15.0, "mean truck speed in town"),
                                ("working-hours", 8.0, "hours a vehicle works a day"),
                                ("setup-minutes", 30.0, "minutes at each containment before pumping"),
                                ("pump-minutes-per-m3", 5.0, "pumping minutes per m3"),
                                ("unload-minutes", 20.0, "minutes to unload at a plant"),
                                ("default-trips", 4, "plant runs a day of a vehicle with none recorded"),
                                ("default-hose-m", 30.0, "hose length of a vehicle with none recorded")):
        p.add_argument(f"--{name}", type=type(default), default=default, help=f"{text} (default {default})")
    p.set_defaults(func=cmd_plan)

    p = fsub.add_parser("work-orders", help="write a schedule's work orders (Excel, a sheet per provider and day)")
    target_options(p)
    p.add_argument("code", metavar="SCHEDULE")
    p.add_argument("--output", "-o", required=True, metavar="PATH", help="the .xlsx file")
    p.add_argument("--provider", metavar="CODE", help="only this provider")
    p.add_argument("--from", dest="start", metavar="DATE")
    p.add_argument("--to", dest="end", metavar="DATE")
    p.set_defaults(func=cmd_work_orders)

    p = fsub.add_parser("report", help="a provider's monthly report (Excel and/or PDF)")
    target_options(p)
    p.add_argument("provider", metavar="PROVIDER", help="the provider's code")
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--output", "-o", metavar="PATH", help="the .xlsx file")
    p.add_argument("--pdf", metavar="PATH", help="the .pdf file (QGIS print layout)")
    p.set_defaults(func=cmd_report)

    p = fsub.add_parser("queue", help="open jobs by state with their next action and overdue flags")
    target_options(p)
    p.add_argument("--state", action="append", choices=["applied", "assessed", "scheduled", "emptied", "disposed",
                                                        "closed", "cancelled"], help="repeatable (default: open)")
    p.add_argument("--overdue", action="store_true", help="only overdue jobs")
    p.set_defaults(func=cmd_queue)

    p = fsub.add_parser("fill", help="the fill model of containments (volume, users, due date, estimates)")
    target_options(p)
    p.add_argument("codes", nargs="+", metavar="CONTAINMENT")
    p.set_defaults(func=cmd_fill)


def _progress():
    from ..cli import _progress_bar
    from .progress import Progress

    return Progress(_progress_bar if sys.stderr.isatty() else None)


def cmd_plan(args) -> int:
    from ..cli import _target
    from .packing import Params
    from .scheduler import PlanRequest, describe, plan_schedule
    from .workorders import write_work_orders

    start = _date(args.start, "--from") if args.start else dt.date.today() + dt.timedelta(days=1)
    end = _date(args.end, "--to") if args.end else add_months(start, args.months)
    wards = tuple(int(w) for w in args.wards.split(",")) if args.wards else ()
    params = Params(speed_kmh=args.speed_kmh, working_hours=args.working_hours, setup_minutes=args.setup_minutes,
                    pump_minutes_per_m3=args.pump_minutes_per_m3, unload_minutes=args.unload_minutes,
                    default_trips=args.default_trips, default_hose_m=args.default_hose_m)
    request = PlanRequest(start, end, code=args.code, name=args.name, replan=args.replan,
                          regular=not args.no_regular, on_demand=not args.no_on_demand, wards=wards, params=params)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    target = _target(args)
    try:
        result = plan_schedule(target, request, _progress(), write=not args.dry_run)
    except KeyboardInterrupt:
        raise Cancelled("Interrupted: nothing was written.") from None
    print(describe(result))
    if args.dry_run:
        print("Dry run: nothing was written.")
    elif args.work_orders:
        written = write_work_orders(target, result.code, args.work_orders)
        print(f"Work orders: {written['path']} ({written['sheets']} sheets, {written['stops']} stops)")
    return 0


def cmd_work_orders(args) -> int:
    from ..cli import _target
    from .workorders import write_work_orders

    written = write_work_orders(_target(args), args.code, args.output, args.provider,
                                _date(args.start, "--from") if args.start else None,
                                _date(args.end, "--to") if args.end else None)
    print(f"Work orders: {written['path']} ({written['sheets']} sheets, {written['stops']} stops)")
    return 0


def cmd_report(args) -> int:
    from ..cli import _target
    from .report import monthly_report, write_excel, write_pdf

    if not args.output and not args.pdf:
        raise ScheduleError("Say where to write the report: --output FILE.xlsx and/or --pdf FILE.pdf.")
    report = monthly_report(_target(args), args.provider, _month(args.month))
    if args.output:
        print(f"Excel report: {write_excel(report, args.output)}")
    if args.pdf:
        print(f"PDF report: {write_pdf(report, args.pdf)}")
    return 0


def cmd_queue(args) -> int:
    from ..cli import _target
    from .jobs import OPEN_STATES, QueueFilter, jobs

    rows = jobs(_target(args), QueueFilter(states=tuple(args.state or OPEN_STATES), overdue_only=args.overdue))
    print(f"{'job':<16} {'state':<10} {'next':<9} {'due by':<17} {'ward':>4} {'provider':<22} flag")
    for r in rows:
        due = r["due_by"].strftime("%Y-%m-%d %H:%M") if r["due_by"] else ""
        flag = f"OVERDUE: {r['overdue_reason']}" if r["overdue"] else ""
        print(f"{r['code']:<16} {r['state']:<10} {r['next_action'] or '':<9} {due:<17} {r['ward'] or '':>4} "
              f"{(r['provider'] or '')[:22]:<22} {flag}")
    print(f"{len(rows)} jobs")
    return 0


def cmd_fill(args) -> int:
    from ..cli import _target
    from ..db.connect import transaction

    with transaction(_target(args), ScheduleError) as conn, conn.cursor() as cur:
        cur.execute("SELECT code, volume_m3, volume_source, users, users_source, threshold_m3, start_date, "
                    "start_source, fill_pct_today, due_date, estimates FROM imis_app.containment_fill "
                    "WHERE code = ANY (%s) ORDER BY code", (args.codes,))
        rows = cur.fetchall()
    missing = set(args.codes) - {r[0] for r in rows}
    if missing:
        raise ScheduleError(f"No containment in use with code {', '.join(sorted(missing))}.")
    for code, vol, vsrc, users, usrc, thr, start, ssrc, pct, due, est in rows:
        print(f"{code}: {vol} m3 ({vsrc}), {users} users ({usrc}), empty at {thr} m3; since {start or '?'} ({ssrc}); "
              f"about {pct if pct is not None else '?'}% full today; due {due}"
              + (f"; estimated: {', '.join(est)}" if est else ""))
    return 0
