"""Is a database at the schema revision this plugin expects? If not, say why, and whether the connected
role may upgrade it (the plugin offers the upgrade to administrators only)."""

from __future__ import annotations

from dataclasses import dataclass

from .connect import transaction
from .migrate import head_revision, revisions


@dataclass(frozen=True)
class Compatibility:
    ok: bool
    revision: str | None
    head: str
    can_upgrade: bool  # the role is a superuser or an imis_admin member, and upgrading would help
    reason: str  # "", "empty", "older", "newer"

    def message(self) -> str:
        if self.ok:
            return ""
        if self.reason == "empty":
            text = tr("This database holds no IMIS schema yet.")
        elif self.reason == "older" and self.revision is None:
            text = tr(
                "This database is at an older schema revision; this IMIS plugin needs revision {}."
            ).format(self.head)
        elif self.reason == "older":
            text = tr(
                "This database is at schema revision {} but this IMIS plugin needs revision {}."
            ).format(self.revision, self.head)
        else:
            return tr(
                "This database is at schema revision {}, newer than this IMIS plugin knows (revision {}): "
                "update the IMIS plugin."
            ).format(self.revision, self.head)
        if self.can_upgrade:
            return text + " " + tr("As an administrator you can upgrade it now (IMIS > Upgrade database).")
        return (
            text + " " + tr("Ask an IMIS administrator to upgrade it; until then IMIS leaves it untouched.")
        )


def tr(text: str) -> str:
    """Translated when QGIS is there (the plugin), plain English otherwise (the command line)."""
    try:
        from qgis.PyQt.QtCore import QCoreApplication
    except ImportError:
        return text
    return QCoreApplication.translate("ImisCompat", text)


def check(dsn: str) -> Compatibility:
    head = head_revision()
    with transaction(dsn) as conn, conn.cursor() as cur:
        revision, known = None, False
        # every role may ask the app schema, which exists only at a head revision ...
        cur.execute(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n "
            "ON n.oid = p.pronamespace WHERE n.nspname = 'imis_app' AND p.proname = 'schema_revision') "
            "THEN has_schema_privilege('imis_app', 'USAGE') ELSE false END"
        )
        if cur.fetchone()[0]:
            cur.execute("SELECT imis_app.schema_revision()")
            revision, known = cur.fetchone()[0], True
        else:
            # ... below head only the owner of alembic_version (an administrator) can read it
            cur.execute(
                "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n "
                "ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'alembic_version') "
                "THEN has_table_privilege('public.alembic_version', 'SELECT') ELSE false END"
            )
            if cur.fetchone()[0]:
                cur.execute("SELECT version_num FROM public.alembic_version")
                row = cur.fetchone()
                revision, known = (row[0] if row else None), True
        # from the catalog: to_regclass would need rights on the schema, which a clerk may lack
        cur.execute("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'imis_core')")
        installed = cur.fetchone()[0]
        cur.execute(
            "SELECT rolsuper OR (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'imis_admin') "
            "AND pg_has_role(current_user, 'imis_admin', 'MEMBER')) "
            "FROM pg_roles WHERE rolname = current_user"
        )
        row = cur.fetchone()
        admin = bool(row and row[0])
    if revision == head:
        return Compatibility(True, revision, head, False, "")
    if not known and installed:
        return Compatibility(False, None, head, admin, "older")  # installed, but not at any head: below it
    if revision is None:
        return Compatibility(False, None, head, admin, "empty")
    if revision in revisions():
        return Compatibility(False, revision, head, admin, "older")
    return Compatibility(False, revision, head, False, "newer")
