"""Data migration in (`imis import`) and exports out (`imis export`).

Import: a mapping file (:mod:`.mapping`) says which source layer or sheet goes to which IMIS table and how
its fields and values translate; :mod:`.readers` opens the files, :mod:`.staging` COPYs them into session
temp tables, :mod:`.validate` checks them set-based in SQL, :mod:`.load` upserts on the natural keys in the
same transaction and :mod:`.report` lists every rejected row. :mod:`.importer` runs the steps.

Export: :mod:`.export` writes tables or views, filtered by :mod:`.filters`, to GeoPackage, Shapefile,
Excel (:mod:`.xlsx`) or CSV with the caller's own database login.
"""
from .errors import TransferCancelled, TransferError

__all__ = ["TransferCancelled", "TransferError"]
