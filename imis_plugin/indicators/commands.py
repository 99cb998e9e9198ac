"""The `imis indicators` commands (registered by imis_plugin.cli):

    imis indicators compute PERIOD [--ward N | --lic CODE | --area-wkt WKT [--area-srid N]] [--rule R]...
                            [--provider CODE] [--xlsx PATH] [--pdf PATH] [--flow-png PATH] [--json]
    imis indicators snapshot YEAR [--note TEXT]      take (or retake) the year's draft snapshot
    imis indicators publish YEAR [--take]           publish it (then it is locked)
    imis indicators feed YEAR [--rule R] [--json PATH] [--csv PATH] [--send [--publish-on-dashboard]]
    imis national feed --national DB [--city NAME] [--year Y] [--rule R] [--json PATH] [--csv PATH]
                       [--send ...]                 the same feed of every city, from the national database
"""
from __future__ import annotations

import json
import os
import sys

from .engine import RULES


def add_parsers(sub, target_options) -> None:
    parser = sub.add_parser("indicators", help="CWIS/JMP indicators, KPI summaries, snapshots and the dashboard feed")
    isub = parser.add_subparsers(dest="indicators_command", required=True)

    p = isub.add_parser("compute", help="every indicator for an area and period (table, Excel, PDF)")
    target_options(p)
    p.add_argument("period", metavar="PERIOD", help="2025, 2025-Q2, 2025-03 or 2025-01-01..2025-06-30")
    area = p.add_mutually_exclusive_group()
    area.add_argument("--ward", metavar="N", help="only ward number N")
    area.add_argument("--lic", metavar="CODE", help="only this low-income community")
    area.add_argument("--area-wkt", metavar="WKT", help="only this polygon (WKT)")
    p.add_argument("--area-srid", type=int, default=0, help="SRID of --area-wkt (default: the city's)")
    p.add_argument("--rule", action="append", choices=RULES, help="safe rule (repeatable; default both)")
    p.add_argument("--provider", metavar="CODE", help="FSM figures of this service provider only")
    p.add_argument("--xlsx", metavar="PATH", help="write the Excel workbook")
    p.add_argument("--pdf", metavar="PATH", help="write the PDF report (city and every ward; needs QGIS)")
    p.add_argument("--report-rule", choices=RULES, default="city", help="rule of the PDF report (default city)")
    p.add_argument("--flow-png", metavar="PATH", help="write the excreta-flow figure")
    p.add_argument("--json", action="store_true", help="print the rows as JSON instead of a table")
    p.set_defaults(func=cmd_compute)

    p = isub.add_parser("snapshot", help="store the year's figures as a draft snapshot (replaces the draft)")
    target_options(p)
    p.add_argument("year", type=int)
    p.add_argument("--note")
    p.set_defaults(func=cmd_snapshot)

    p = isub.add_parser("publish", help="publish the year's snapshot; it is locked afterwards")
    target_options(p)
    p.add_argument("year", type=int)
    p.add_argument("--take", action="store_true", help="take the snapshot first")
    p.set_defaults(func=cmd_publish)

    p = isub.add_parser("feed", help="the National Sanitation Dashboard feed of a year (JSON, CSV, send)",
                        description="Endpoint and token of --send come from IMIS_DASHBOARD_URL and "
                                    "IMIS_DASHBOARD_TOKEN (or --endpoint); only a published year is sent.")
    target_options(p)
    p.add_argument("year", type=int)
    p.add_argument("--rule", choices=RULES, default="city", help="safe rule of the figures (default city)")
    p.add_argument("--json", dest="json_path", metavar="PATH", help="write the feed as JSON")
    p.add_argument("--csv", dest="csv_path", metavar="PATH", help="write the feed as CSV")
    p.add_argument("--send", action="store_true", help="send it to the dashboard")
    p.add_argument("--endpoint", help="dashboard endpoint (default: $IMIS_DASHBOARD_URL)")
    p.add_argument("--publish-on-dashboard", action="store_true", help="also lock the year on the dashboard")
    p.set_defaults(func=cmd_feed)


def _fail(message: str) -> int:
    print(f"imis: error: {message}", file=sys.stderr)
    return 1


def _area(args):
    from .engine import Area

    if args.ward:
        return Area.ward(args.ward)
    if args.lic:
        return Area.lic(args.lic)
    if args.area_wkt:
        return Area.polygon(args.area_wkt, args.area_srid)
    return Area.city()


def _table(rows) -> str:
    lines = [f"{'indicator':<16} {'value':>14}  {'numerator':>12} / {'denominator':<12} {'target':>7}  reason"]
    for r in rows:
        num = "" if r.numerator is None else f"{r.numerator:g}"
        den = "" if r.denominator is None else f"{r.denominator:g}"
        target = "" if r.target is None else f"{r.target:g}"
        lines.append(f"{r.label:<16} {r.value_text():>14}  {num:>12} / {den:<12} {target:>7}  {r.reason or ''}")
    return "\n".join(lines)


def cmd_compute(args) -> int:
    from ..cli import _target
    from .engine import IndicatorError, Period, compute

    try:
        period = Period.parse(args.period)
        result = compute(_target(args), period, _area(args), rules=args.rule or RULES, provider=args.provider,
                         with_flows=bool(args.xlsx or args.flow_png))
        if args.json:
            print(json.dumps([r.__dict__ for r in result.rows], ensure_ascii=False, indent=1, default=str))
        else:
            print(f"{result.city} - {result.area.label} - {period.label}")
            print(_table(result.rows))
        if args.xlsx:
            from .excel import write_workbook

            print(f"workbook: {write_workbook(result, args.xlsx)}")
        if args.flow_png:
            from .charts import excreta_flow_png

            title = f"Excreta flow, {result.city}, {period.label}"
            print(f"figure: {excreta_flow_png(result.flows, args.flow_png, title)}")
        if args.pdf:
            from ..cli import _progress_bar
            from .report import build_pdf

            app = _qgis()
            try:
                build_pdf(_target(args), period, args.pdf, rule=args.report_rule,
                          progress=_progress_bar if sys.stderr.isatty() else None)
            finally:
                app.exitQgis()
            print(f"report: {args.pdf}")
    except IndicatorError as exc:
        return _fail(str(exc))
    return 0


def _qgis():
    """A headless QgsApplication for the PDF report."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    return app


def cmd_snapshot(args) -> int:
    from ..cli import _target
    from . import snapshots
    from .engine import IndicatorError

    try:
        snapshots.take(_target(args), args.year, args.note)
        state = snapshots.status(_target(args), args.year)
    except IndicatorError as exc:
        return _fail(str(exc))
    print(f"snapshot of {args.year}: {state.values} figures (draft; publish with `imis indicators publish "
          f"{args.year}`)")
    return 0


def cmd_publish(args) -> int:
    from ..cli import _target
    from . import snapshots
    from .engine import IndicatorError

    try:
        if args.take:
            snapshots.take(_target(args), args.year)
        when = snapshots.publish(_target(args), args.year)
    except IndicatorError as exc:
        return _fail(str(exc))
    print(f"the indicators of {args.year} are published ({when:%Y-%m-%d %H:%M}) and locked")
    return 0


def cmd_feed(args) -> int:
    from ..cli import _target
    from . import feed, snapshots
    from .client import DashboardClient, DashboardError
    from .engine import IndicatorError

    try:
        data = feed.build(_target(args), args.year, args.rule)
        print(f"{len(data.indicators)} indicators of {data.city} {args.year} ({data.source})")
        if args.json_path:
            print(f"JSON: {feed.write_json(data, args.json_path)}")
        if args.csv_path:
            print(f"CSV: {feed.write_csv(data, args.csv_path)}")
        if not (args.json_path or args.csv_path or args.send):
            print(json.dumps(data.payload(), ensure_ascii=False, indent=2))
        if args.send:
            if not data.published:
                return _fail(f"the indicators of {args.year} are not published in IMIS ({data.source}): "
                             f"run `imis indicators publish {args.year} --take` first")
            client = DashboardClient.configured(None, args.endpoint)
            answer = client.send(data.payload(), publish=args.publish_on_dashboard)
            snapshots.mark_sent(_target(args), args.year)
            print(f"sent to {client.endpoint}" + (" and published there" if answer["published"] else ""))
    except (IndicatorError, DashboardError) as exc:
        return _fail(str(exc))
    return 0


def add_national_feed_parser(nsub) -> None:
    """`imis national feed`: registered under `imis national` by imis_plugin.cli (which adds --national)."""
    p = nsub.add_parser("feed", help="the dashboard feed of every city (or one), from the national database",
                        description="Reads each city's published indicator snapshots in the national "
                                    "database (imis national link): the same feed the city would send "
                                    "itself. Endpoint and token of --send come from IMIS_DASHBOARD_URL and "
                                    "IMIS_DASHBOARD_TOKEN (or --endpoint).")
    p.add_argument("--city", metavar="NAME", help="only this city (default: every linked city)")
    p.add_argument("--year", type=int, help="the year (default: each city's latest published year)")
    p.add_argument("--rule", choices=RULES, default="city", help="safe rule of the figures (default city)")
    p.add_argument("--json", dest="json_path", metavar="PATH",
                   help="write the feed as JSON; several feeds: PATH is a folder of CITY_YEAR.json files")
    p.add_argument("--csv", dest="csv_path", metavar="PATH", help="write the feeds as one CSV table")
    p.add_argument("--send", action="store_true", help="send every feed to the dashboard")
    p.add_argument("--endpoint", help="dashboard endpoint (default: $IMIS_DASHBOARD_URL)")
    p.add_argument("--publish-on-dashboard", action="store_true", help="also lock the years on the dashboard")
    p.set_defaults(func=cmd_national_feed)


def cmd_national_feed(args) -> int:
    from .. import national
    from ..db.connect import resolve_dsn
    from . import feed
    from .client import DashboardClient, DashboardError
    from .engine import IndicatorError

    try:
        made, skipped = national.feeds(resolve_dsn(args.national), args.rule, args.city, args.year)
    except IndicatorError as exc:
        return _fail(str(exc))
    for name, one in made:
        print(f"{name}: {len(one.indicators)} indicators of {one.city} {one.year} ({one.source})")
    for name, reason in skipped:
        print(f"{name}: SKIPPED, {reason}")
    if not made:
        return _fail("no feed: no chosen city has that published year in the national database")
    try:
        for path in feed.write_json_feeds(made, args.json_path) if args.json_path else []:
            print(f"JSON: {path}")
    except ValueError as exc:
        return _fail(str(exc))
    if args.csv_path:
        print(f"CSV: {feed.write_csv([one for _, one in made], args.csv_path)}")
    if not (args.json_path or args.csv_path or args.send):
        for _, one in made:
            print(json.dumps(one.payload(), ensure_ascii=False, indent=2))
    failed = False
    if args.send:
        try:
            client = DashboardClient.configured(None, args.endpoint)
        except DashboardError as exc:
            return _fail(str(exc))
        for name, one in made:
            try:
                answer = client.send(one.payload(), publish=args.publish_on_dashboard)
            except DashboardError as exc:
                failed = True
                print(f"{name} {one.year}: NOT SENT, {exc}")
                continue
            published = " and published there" if answer["published"] else ""
            print(f"{name} {one.year}: sent to {client.endpoint}{published}")
    return 1 if failed else 0
