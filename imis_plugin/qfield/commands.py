"""`imis qfield package | import | settings` (registered by imis_plugin.cli)."""
from __future__ import annotations

import signal
import sys

from .errors import FieldSyncError

SHOWN_ISSUES = 20


def add_parsers(sub, target_options) -> None:
    qfield = sub.add_parser("qfield", help="field work with QField: make packages, import field edits")
    qsub = qfield.add_subparsers(dest="qfield_command", required=True)

    p = qsub.add_parser("package", help="write a QField package (folder + zip) for an area and a purpose",
                        description="Write a folder and a zip holding a QGIS project and an offline GeoPackage that "
                                    "QField opens directly. The package holds no connection details.")
    target_options(p)
    p.add_argument("output", metavar="FOLDER", help="the package folder to create (its zip is written next to it)")
    p.add_argument("--purpose", choices=["survey", "provider"], default="survey",
                   help="survey: buildings, containments and their links; provider: the open jobs of one service "
                        "provider (applications, assessments, emptyings, feedback)")
    p.add_argument("--ward", type=int, action="append", metavar="N", help="ward number (repeatable)")
    p.add_argument("--lic", metavar="CODE", help="a low-income community's code")
    p.add_argument("--polygon", metavar="WKT", help="a polygon in the city CRS (WKT)")
    p.add_argument("--area-file", metavar="FILE", help="the polygons of a file (any format and CRS GDAL reads)")
    p.add_argument("--provider", metavar="CODE", help="the service provider's code (purpose provider)")
    p.add_argument("--field-user", metavar="LOGIN",
                   help="the database login of the surveyor or provider: the audit trail will name it on import")
    p.add_argument("--language", choices=["en", "bn"], default="en", help="labels of value lists")
    p.add_argument("--no-zip", action="store_true", help="write the folder only")
    p.set_defaults(func=cmd_package)

    p = qsub.add_parser("import", help="apply the field edits of a returned package (folder or zip)",
                        description="Apply a returned package's inserts, updates and deletes in one transaction. "
                                    "Rows changed in the office since the package was made are conflicts: "
                                    "reported, never overwritten. Importing a package again changes nothing.")
    target_options(p)
    p.add_argument("package", metavar="PACKAGE", help="the returned package: its folder or zip")
    p.add_argument("--field-user", metavar="LOGIN", help="whose edits these are (default: the package's)")
    p.add_argument("--attachments", metavar="DIR", help="attachment store for photos (default: the city's setting)")
    p.add_argument("--report", metavar="PATH", help="conflicts and rejected rows (.xlsx or .csv; default: next "
                                                    "to the package)")
    p.add_argument("--conflicts", metavar="PATH", help="GeoPackage with both versions of each conflicting row")
    p.add_argument("--allow-mass-delete", action="store_true",
                   help="accept a layer that lost more than half of its rows (refused by default as damage)")
    p.set_defaults(func=cmd_import)

    p = qsub.add_parser("settings", help="the database's identity and attachment store")
    target_options(p)
    p.add_argument("--attachment-store", metavar="DIR", help="folder that receives photos from the field")
    p.add_argument("--clear-attachment-store", action="store_true", help="forget the attachment store")
    p.set_defaults(func=cmd_settings)


def _progress():
    from ..cli import _progress_bar
    from ..transfer.progress import Progress

    return Progress(_progress_bar if sys.stderr.isatty() else None)


def cmd_package(args) -> int:
    from ..cli import _target
    from ..project.screenshots import ensure_qgis
    from .package import Area, create_package

    area = Area(wards=args.ward, lic=args.lic, polygon=args.polygon)
    if args.area_file:
        if args.polygon:
            raise FieldSyncError("Give --polygon or --area-file, not both.")
        from ..transfer.commands import area_from_file

        area.polygon, area.srid = area_from_file(args.area_file)
    ensure_qgis()  # the project is written with QGIS (offscreen without a display)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        result = create_package(_target(args), args.output, args.purpose, area=area, provider=args.provider,
                                field_user=args.field_user, language=args.language, make_zip=not args.no_zip,
                                progress=_progress())
    except KeyboardInterrupt:
        raise FieldSyncError("Interrupted: no package was written.") from None
    print(result.summary())
    return 0


def cmd_import(args) -> int:
    from ..cli import _target
    from .sync import import_package

    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C: rolled back, nothing written
    try:
        result = import_package(_target(args), args.package, field_user=args.field_user,
                                attachment_store=args.attachments, report=args.report, conflicts=args.conflicts,
                                allow_mass_delete=args.allow_mass_delete, progress=_progress())
    except KeyboardInterrupt:
        raise FieldSyncError("Interrupted: nothing was written.") from None
    print(result.summary())
    for issue in result.issues[:SHOWN_ISSUES]:
        print(f"  {issue.outcome}: {issue.layer} {issue.label}: {issue.reason}", file=sys.stderr)
    if len(result.issues) > SHOWN_ISSUES:
        print(f"  ... and {len(result.issues) - SHOWN_ISSUES} more in {result.report_path}", file=sys.stderr)
    return 2 if result.issues else 0


def cmd_settings(args) -> int:
    from ..cli import _target
    from ..db.connect import transaction
    from .attachments import configure_store
    from .manifest import database_identity

    dsn = _target(args)
    if args.attachment_store or args.clear_attachment_store:
        configure_store(dsn, None if args.clear_attachment_store else args.attachment_store)
    with transaction(dsn, FieldSyncError) as conn, conn.cursor() as cur:
        identity, store = database_identity(cur)
    print(f"database identity: {identity}")
    print(f"attachment store: {store or '(not set: imis qfield settings --attachment-store DIR)'}")
    return 0
