"""Alembic environment of the IMIS data schemas.

IMIS always hands Alembic an open connection (imis_plugin.db.migrate), so upgrade, app-schema rebuild and
code-list load share one transaction: a failed upgrade leaves the database as it was.
"""
from alembic import context
from geoalchemy2 import alembic_helpers

from imis_plugin.db.schemas import DATA_SCHEMAS
from imis_plugin.models import Base, compare_type

config = context.config


def include_name(name, type_, parent_names):
    # tiger, topology and public (spatial_ref_sys) are PostGIS's, not ours
    if type_ == "schema":
        return name in DATA_SCHEMAS
    return True


def include_object(obj, name, type_, reflected, compare_to):
    schema = getattr(obj, "schema", None) or getattr(getattr(obj, "table", None), "schema", None)
    if schema is not None and schema not in DATA_SCHEMAS:
        return False
    return alembic_helpers.include_object(obj, name, type_, reflected, compare_to)


connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run IMIS migrations through `imis db upgrade` (imis_plugin.db.migrate), "
                       "which passes the connection.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_schemas=True,
    include_name=include_name,
    include_object=include_object,
    compare_type=compare_type,
    render_item=alembic_helpers.render_item,
    process_revision_directives=alembic_helpers.writer,
    on_version_apply=config.attributes.get("on_version_apply"),
)
with context.begin_transaction():
    context.run_migrations()
