-- App schema, part 6b: what the desktop plugin asks before it works on a database.

-- The schema revision, for every IMIS role: the plugin refuses politely when it is not the revision it was
-- built for (imis_plugin/db/compat.py). alembic_version itself stays readable by its owner only.
CREATE FUNCTION imis_app.schema_revision() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT version_num FROM public.alembic_version LIMIT 1
$$;
COMMENT ON FUNCTION imis_app.schema_revision() IS 'the Alembic revision of the data schemas (readable by every role)';
