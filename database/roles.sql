-- Group roles, one per job (DESIGN.md). Cluster-wide and idempotent: run before every app-schema build.
-- Logins are made members of these by an administrator; nothing here can log in.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['imis_admin', 'imis_gis_editor', 'imis_fsm_officer', 'imis_service_provider',
                             'imis_plant_operator', 'imis_revenue_collector', 'imis_revenue_chief', 'imis_viewer',
                             -- what a national database's postgres_fdw logs in as: aggregates only
                             'imis_national_reader']
    LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END
$$;
