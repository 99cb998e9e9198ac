"""Field work with QField: packages made from the database, field edits brought home.

:func:`create_package` writes a folder (and zip) that QField opens directly: a QGIS project on one offline
GeoPackage, marked with QFieldSync's conventions. :func:`import_package` applies what comes back to the
database in one transaction, keyed by row UUIDs and the row versions the package was made from: rows the
office changed meanwhile are reported as conflicts, never overwritten; a second import changes nothing.
"""
from .attachments import configure_store
from .errors import FieldSyncCancelled, FieldSyncError
from .package import Area, PackageResult, create_package
from .sync import ImportResult, import_package

__all__ = ["Area", "FieldSyncCancelled", "FieldSyncError", "ImportResult", "PackageResult", "configure_store",
           "create_package", "import_package"]
