"""The `imis` command line: the embedded database, schema upgrades and the demo.

    imis db start | stop | status | upgrade [--all] | downgrade REV | backup FILE | restore FILE | psql
    imis db permissions [--markdown] [-o FILE]
    imis cities list | add | remove | use | status;  imis national link | unlink | status | feed
    imis health rates | import-dhis2 | export-dhis2;  imis link add | report | remove
    imis demo

Without --service/--dsn the commands act on the embedded cluster through the pg_service `imis`; with
them they act on that existing server and start nothing.
"""
import argparse
import os
import sys

from .db.errors import ImisDatabaseError

DEFAULT_SERVICE = "imis"
DEFAULT_SRID = 32645  # WGS 84 / UTM 45N: Khulna, Jashore, Jhenaidah


def _progress_bar(pct: float, message: str) -> None:
    filled = int(pct / 5)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (20 - filled)}] {pct:5.1f}% {message[:50]:<50}")
    if pct >= 100:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _cluster(args):
    from .db.cluster import Cluster, default_home

    return Cluster(args.data_dir or default_home())


def _target(args) -> str:
    from .db.connect import resolve_dsn

    return resolve_dsn(args.dsn or args.service or DEFAULT_SERVICE)


def _uses_embedded(args) -> bool:
    return not (args.dsn or args.service)


def cmd_start(args) -> int:
    from .db.cluster import DATABASE, SUPERUSER
    from .db.service_file import write_service

    if not _uses_embedded(args):
        raise ImisDatabaseError("start/stop manage the embedded cluster only; an existing server named by "
                                "--service or --dsn is started by its administrator.")
    cluster = _cluster(args)
    cluster.start(port=args.port, tcp=args.tcp)
    path = write_service(DEFAULT_SERVICE, {"host": str(cluster.socket_dir), "port": cluster.port,
                                           "dbname": DATABASE, "user": SUPERUSER})
    print(f"IMIS database running: {cluster.data_dir} (port {cluster.port}, socket {cluster.socket_dir})")
    print(f"pg_service '{DEFAULT_SERVICE}' written to {path}: connect with `psql service={DEFAULT_SERVICE}` or "
          f"a QGIS PostgreSQL connection using service '{DEFAULT_SERVICE}'.")
    return 0


def cmd_stop(args) -> int:
    if not _uses_embedded(args):
        raise ImisDatabaseError("start/stop manage the embedded cluster only.")
    cluster = _cluster(args)
    if not cluster.is_running():
        print(f"IMIS database in {cluster.home} is not running.")
        return 0
    cluster.stop()
    print(f"IMIS database in {cluster.home} stopped.")
    return 0


def cmd_status(args) -> int:
    from .db.status import database_status, format_status

    if _uses_embedded(args):
        cluster = _cluster(args)
        if not cluster.exists():
            print(f"No embedded IMIS database in {cluster.home}: run `imis db start`.")
            return 1
        running = cluster.is_running()
        print(f"embedded    {cluster.data_dir} ({'running' if running else 'stopped'}, port {cluster.port})")
        if not running:
            return 1
    print(format_status(database_status(_target(args))))
    return 0


def cmd_upgrade(args) -> int:
    from .db.migrate import upgrade

    if args.all:
        return _upgrade_all(args)
    reached = upgrade(_target(args), revision=args.revision, srid=args.srid, progress=_progress_bar)
    print(f"Database at revision {reached}.")
    return 0


def _upgrade_all(args) -> int:
    from . import cities

    if args.dsn or args.service or args.srid or args.revision != "head":
        raise ImisDatabaseError("--all upgrades every registered city to head; it takes no other target.")
    registry = cities.cities()
    if not registry:
        raise ImisDatabaseError(f"No city registered in {cities.registry_path()}: `imis cities add NAME SERVICE`.")
    outcomes = cities.upgrade_all(registry, progress=_progress_bar)
    sys.stderr.write("\n")
    for name, outcome in outcomes:
        print(f"{name:<20} {outcome}")
    return 1 if any(o.startswith("FAILED") for _, o in outcomes) else 0


def cmd_cities(args) -> int:
    from . import cities
    from .db.status import database_status

    if args.cities_command == "add":
        print(f"Registered {cities.describe(cities.add(args.name, args.target))}")
    elif args.cities_command == "remove":
        cities.remove(args.name)
        print(f"Removed {args.name} from the registry (its database is untouched).")
    elif args.cities_command == "use":
        print(f"Current city: {cities.describe(cities.use(args.name))}")
    elif args.cities_command == "list":
        current = cities.current()
        for city in cities.cities():
            print(("* " if current and city.name == current.name else "  ") + cities.describe(city))
    elif args.cities_command == "status":
        chosen = [cities.get(args.name)] if args.name else cities.cities()
        for city in chosen:
            try:
                s = database_status(city.dsn)
                state = "up to date" if s["up_to_date"] else f"revision {s['revision']}, head {s['head_revision']}"
                buildings = s["row_counts"].get("imis_core.building", 0)
                print(f"{city.name:<20} {s['city'] or '-'} (SRID {s['srid'] or '-'}), {buildings:,} buildings, {state}")
            except ImisDatabaseError as exc:
                print(f"{city.name:<20} UNREACHABLE: {exc}")
    return 0


def cmd_national(args) -> int:
    from . import cities, national
    from .db.connect import resolve_dsn

    national_dsn = resolve_dsn(args.national)
    if args.national_command == "link":
        for name in args.names or [c.name for c in cities.cities()]:
            national.link_city(national_dsn, cities.get(name), args.reader)
            print(f"Linked {name}")
    elif args.national_command == "unlink":
        national.unlink_city(national_dsn, args.name)
        print(f"Unlinked {args.name}")
    linked = national.linked_cities(national_dsn)
    print("National database reads: " + (", ".join(linked) or "no city"))
    if args.national_command == "status":
        for name in linked:
            years = national.published_years(national_dsn, name)
            print(f"  {name:<20} published: {', '.join(map(str, years)) or 'nothing yet'}")
    return 0


def cmd_health(args) -> int:
    import datetime as dt

    from . import health
    from .health import dhis2

    dsn = _target(args)
    if args.health_command == "rates":
        start, end = dt.date.fromisoformat(args.start), dt.date.fromisoformat(args.end)
        print(f"{'ward':>4} {'people':>8} {'cases':>6} {'per 1000':>9} {'RR':>7}  hotspot  unsafe/containments  "
              f"positive/samples")
        for r in health.ward_rates(dsn, start, end, args.disease, args.factor, args.min_cases):
            print(f"{r['ward_number']:>4} {r['population']:>8,} {r['cases']:>6} {r['rate_per_1000'] or '-':>9} "
                  f"{r['relative_risk'] or '-':>7}  {'YES' if r['is_hotspot'] else '   '}      "
                  f"{r['unsafe_containments']:>6}/{r['containments']:<12} {r['positive_samples']}/{r['samples']}")
    elif args.health_command == "import-dhis2":
        counts = dhis2.import_cases(dsn, args.file, dhis2.read_mapping(args.mapping), dry_run=args.dry_run)
        print(("Dry run: " if args.dry_run else "") +
              "{read} values read: {inserted} new, {updated} changed, {unchanged} unchanged".format(**counts))
    elif args.health_command == "export-dhis2":
        written = dhis2.export_ward_figures(dsn, args.output, dhis2.read_mapping(args.mapping),
                                            dt.date.fromisoformat(args.start), dt.date.fromisoformat(args.end))
        print(f"{written} values written to {args.output}")
    return 0


def cmd_link(args) -> int:
    from . import link

    dsn = _target(args)
    if args.link_command == "add":
        link.add(dsn, args.name, args.remote, args.remote_user, args.tables, args.remote_schema)
        print(f"Linked {', '.join(args.tables)} read-only as schema ext_{args.name}")
    elif args.link_command == "report":
        report = link.match_report(dsn, args.name, args.table, args.key, args.match)
        print(f"{report['rows']} rows, {report['matched']} matched by {args.match}, {report['empty_keys']} without "
              f"a key, {len(report['unmatched_keys'])} keys matching nothing")
        for key in report["unmatched_keys"]:
            print(f"  unmatched: {key}")
    elif args.link_command == "remove":
        link.remove(dsn, args.name)
        print(f"Removed ext_{args.name}")
    return 0


def cmd_downgrade(args) -> int:
    from .db.migrate import downgrade

    if args.revision == "base" and not args.yes:
        raise ImisDatabaseError("Downgrading to base deletes every IMIS table and its data; add --yes if "
                                "that is what you want.")
    reached = downgrade(_target(args), args.revision, progress=_progress_bar)
    print(f"Database at revision {reached or 'base (no IMIS schema)'}.")
    return 0


def cmd_backup(args) -> int:
    from .db.backup import backup

    print(f"Backup written to {backup(_target(args), args.file, progress=_progress_bar)}.")
    return 0


def cmd_restore(args) -> int:
    from .db.backup import restore

    restore(_target(args), args.file, progress=_progress_bar)
    print("Restored. Run `imis db upgrade` if the backup comes from an older IMIS.")
    return 0


def cmd_psql(args) -> int:
    dsn = _target(args)
    extra = args.psql_args[1:] if args.psql_args[:1] == ["--"] else args.psql_args
    os.execvp("psql", ["psql", dsn, *extra])
    return 0  # not reached


def cmd_permissions(args) -> int:
    """The permission matrix (database/permissions.toml) as a terminal table or as docs/permissions.md."""
    from pathlib import Path

    from .db import permissions

    matrix = permissions.load()
    text = permissions.markdown(matrix) if args.markdown else permissions.text_table(matrix)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Wrote {args.output} ({len(matrix.tables)} tables and views, {len(matrix.roles)} roles).")
    else:
        sys.stdout.write(text)
    return 0


def cmd_demo(args) -> int:
    """The main job: embedded database, schema at head, code lists, status report."""
    from .db.status import database_status, format_status

    if _uses_embedded(args):
        cmd_start(args)
    dsn = _target(args)
    srid = args.srid
    status = database_status(dsn)
    if status["srid"] is not None:
        srid = None  # installed already: keep the city's CRS
    from .db.migrate import upgrade

    upgrade(dsn, srid=srid, progress=_progress_bar)
    from . import demo

    demo.ensure_city(dsn, log=print)
    print(format_status(database_status(dsn)))
    service = args.service or DEFAULT_SERVICE
    if args.dsn:
        print("The analyses and the project need a pg_service name (QGIS layers connect by service): "
              "give --service instead of --dsn.")
        return 0
    demo.run(service, log=print)
    from .project.screenshots import demo_screenshots  # IMIS project + PNGs in demo-output/screenshots

    demo_screenshots(service)
    print(f"Open the outputs in {demo.OUTPUT}: the project imis.qgz (screenshots/), the analyses (analysis/), "
          "the revenue maps, bills and registers (revenue/).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="imis", description="IMIS: Integrated Municipal Information System")
    sub = parser.add_subparsers(dest="command", required=True)

    def target_options(p):
        p.add_argument("--service", help="an existing server's pg_service name (default: the embedded 'imis')")
        p.add_argument("--dsn", help="an existing server's libpq connection string (no password: use ~/.pgpass)")
        p.add_argument("--data-dir", help="embedded cluster folder (default: $IMIS_DATA_DIR or the XDG data home)")

    db = sub.add_parser("db", help="the IMIS database").add_subparsers(dest="db_command", required=True)
    p = db.add_parser("start", help="create (first time) and start the embedded PostGIS")
    target_options(p)
    p.add_argument("--port", type=int, help="port (default: a free one from 55432, kept afterwards)")
    p.add_argument("--tcp", action="store_true", help="also listen on localhost TCP (default: unix socket only)")
    p.set_defaults(func=cmd_start)
    p = db.add_parser("stop", help="stop the embedded PostGIS")
    target_options(p)
    p.set_defaults(func=cmd_stop)
    p = db.add_parser("status", help="versions, schema revision, city CRS and rows per table")
    target_options(p)
    p.set_defaults(func=cmd_status)
    p = db.add_parser("upgrade", help="bring the schema to head (or --revision)")
    target_options(p)
    p.add_argument("--srid", type=int, help="the city's projected CRS, needed on first install (e.g. 32645)")
    p.add_argument("--revision", default="head")
    p.add_argument("--all", action="store_true", help="upgrade every registered city (imis cities) in turn")
    p.set_defaults(func=cmd_upgrade)
    p = db.add_parser("downgrade", help="bring the schema down to REV")
    target_options(p)
    p.add_argument("revision", metavar="REV")
    p.add_argument("--yes", action="store_true", help="confirm a downgrade to base")
    p.set_defaults(func=cmd_downgrade)
    p = db.add_parser("backup", help="write the whole database to FILE (pg_dump custom format)")
    target_options(p)
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_backup)
    p = db.add_parser("restore", help="restore FILE into an empty database")
    target_options(p)
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_restore)
    p = db.add_parser("psql", help="open psql on the database (psql options after --)")
    target_options(p)
    p.add_argument("psql_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_psql)
    p = db.add_parser("permissions", help="who may do what: the permission matrix (database/permissions.toml)")
    p.add_argument("--markdown", action="store_true", help="as the page docs/permissions.md")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    p.set_defaults(func=cmd_permissions)

    cities_parser = sub.add_parser("cities", help="the registry of city databases")
    csub = cities_parser.add_subparsers(dest="cities_command", required=True)
    p = csub.add_parser("list", help="the registered cities (* marks the current one)")
    p = csub.add_parser("add", help="register a city database")
    p.add_argument("name", help="short lower-case name, e.g. khulna")
    p.add_argument("target", help="its pg_service name or a libpq connection string without a password")
    p = csub.add_parser("remove", help="forget a city (its database is untouched)")
    p.add_argument("name")
    p = csub.add_parser("use", help="make a city the current one (plugin and commands)")
    p.add_argument("name")
    p = csub.add_parser("status", help="revision, CRS and size of every city (or one)")
    p.add_argument("name", nargs="?")
    cities_parser.set_defaults(func=cmd_cities)

    national_parser = sub.add_parser("national", help="the national database reading the cities (postgres_fdw)")
    nsub = national_parser.add_subparsers(dest="national_command", required=True)
    p = nsub.add_parser("link", help="attach registered cities (default: all) to the national database")
    p.add_argument("names", nargs="*", metavar="CITY")
    p.add_argument("--reader", default="imis_national",
                   help="the login in each city cluster, member of imis_national_reader (default imis_national)")
    p = nsub.add_parser("unlink", help="detach a city")
    p.add_argument("name", metavar="CITY")
    p = nsub.add_parser("status", help="which cities the national database reads, and the years each has published")
    from .indicators.commands import add_national_feed_parser

    add_national_feed_parser(nsub)  # imis national feed: the dashboard feed of every city
    for p in nsub.choices.values():
        p.add_argument("--national", required=True, help="the national database: pg_service name or connection string")
    national_parser.set_defaults(func=cmd_national)

    from .transfer.commands import add_parsers as add_transfer_parsers

    add_transfer_parsers(sub, target_options)  # imis import / imis export

    from .qfield.commands import add_parsers as add_qfield_parsers

    add_qfield_parsers(sub, target_options)  # imis qfield package | import | settings

    from .indicators.commands import add_parsers as add_indicator_parsers

    add_indicator_parsers(sub, target_options)  # imis indicators ...

    from .fsm.commands import add_parsers as add_fsm_parsers

    add_fsm_parsers(sub, target_options)  # imis fsm plan | work-orders | report | queue | fill

    from .demo_city.commands import add_parsers as add_demo_city_parsers

    add_demo_city_parsers(sub, target_options)  # imis demo-city --buildings N --seed S [--replace]

    from .revenue.commands import add_parsers as add_revenue_parsers

    add_revenue_parsers(sub, target_options)  # imis revenue rates | bill-run | sign-off | issue | import-payments ...

    health_parser = sub.add_parser("health", help="disease hotspots and DHIS2 data-value sets")
    hsub = health_parser.add_subparsers(dest="health_command", required=True)
    p = hsub.add_parser("rates", help="cases per 1,000 people per ward, hotspots and the sanitation around")
    p.add_argument("--from", dest="start", required=True, help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", required=True, help="last day (YYYY-MM-DD)")
    p.add_argument("--disease", help="one disease (code list value, e.g. cholera); default all")
    p.add_argument("--factor", type=float, default=2, help="hotspot: rate at least this times the city's")
    p.add_argument("--min-cases", type=int, default=5, help="hotspot: at least this many cases")
    p = hsub.add_parser("import-dhis2", help="disease cases from a DHIS2 data-value set (JSON or CSV)")
    p.add_argument("mapping", help="mapping file (JSON): org units -> wards, data elements -> diseases")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="report without writing")
    p = hsub.add_parser("export-dhis2", help="ward figures as a DHIS2 data-value set (.json or .csv)")
    p.add_argument("mapping")
    p.add_argument("output")
    p.add_argument("--from", dest="start", required=True)
    p.add_argument("--to", dest="end", required=True)
    for p in hsub.choices.values():
        target_options(p)
    health_parser.set_defaults(func=cmd_health)

    link_parser = sub.add_parser("link", help="other departments' tables, read-only by reference (postgres_fdw)")
    lsub = link_parser.add_subparsers(dest="link_command", required=True)
    p = lsub.add_parser("add", help="attach remote tables as schema ext_NAME")
    p.add_argument("name")
    p.add_argument("remote", help="the remote database: pg_service name or connection string (no password)")
    p.add_argument("--remote-user", required=True, help="the login on the remote server")
    p.add_argument("--remote-schema", default="public")
    p.add_argument("--table", dest="tables", action="append", required=True, help="a remote table (repeatable)")
    p = lsub.add_parser("report", help="how the linked rows match buildings (bin) or holdings (holding_code)")
    p.add_argument("name")
    p.add_argument("--table", required=True)
    p.add_argument("--key", required=True, help="the linked table's column holding the BIN or holding code")
    p.add_argument("--match", choices=["bin", "holding_code"], default="bin")
    p = lsub.add_parser("remove", help="detach ext_NAME")
    p.add_argument("name")
    for p in lsub.choices.values():
        target_options(p)
    link_parser.set_defaults(func=cmd_link)

    p = sub.add_parser("demo", help="the main job: embedded database at head with code lists, and its status")
    target_options(p)
    p.add_argument("--port", type=int, help=argparse.SUPPRESS)
    p.add_argument("--tcp", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--srid", type=int, default=DEFAULT_SRID, help=f"city CRS on first install (default {DEFAULT_SRID})")
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ImisDatabaseError as exc:
        print(f"imis: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
