-- App schema, part 3: who may do what. GRANTs per job role, then row-level security for the roles that
-- see only their own rows. The plugin mirrors this (read-only layers, hidden actions) but this is the guard.

-- Start from nothing, so a privilege removed here is removed from the database too.
DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['imis_code', 'imis_core', 'imis_fsm', 'imis_audit'] LOOP
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM PUBLIC, imis_admin, imis_gis_editor, '
                       'imis_fsm_officer, imis_service_provider, imis_plant_operator, imis_revenue_collector, '
                       'imis_revenue_chief, imis_viewer', s);
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO imis_admin, imis_gis_editor, imis_fsm_officer, '
                       'imis_service_provider, imis_plant_operator, imis_revenue_collector, imis_revenue_chief, '
                       'imis_viewer', s);
    END LOOP;
END
$$;

-- Everyone reads code lists and the city's places, buildings and containments.
GRANT SELECT ON ALL TABLES IN SCHEMA imis_code TO imis_gis_editor, imis_fsm_officer, imis_service_provider,
    imis_plant_operator, imis_revenue_collector, imis_revenue_chief, imis_viewer;
GRANT SELECT ON ALL TABLES IN SCHEMA imis_core TO imis_gis_editor, imis_fsm_officer, imis_service_provider,
    imis_plant_operator, imis_revenue_collector, imis_revenue_chief, imis_viewer;
REVOKE SELECT ON imis_core.app_user FROM imis_gis_editor, imis_fsm_officer, imis_service_provider,
    imis_plant_operator, imis_revenue_collector, imis_revenue_chief, imis_viewer;

-- Admin: everything, including the audit log (whose trigger lets only admins change it).
GRANT ALL ON ALL TABLES IN SCHEMA imis_code, imis_core, imis_fsm, imis_audit TO imis_admin;

-- GIS editor: the city's spatial and building data.
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA imis_core TO imis_gis_editor;
REVOKE INSERT, UPDATE, DELETE ON imis_core.app_user, imis_core.city, imis_core.holiday FROM imis_gis_editor;

-- Containments change with the FSM chain too.
GRANT INSERT, UPDATE ON imis_core.containment, imis_core.building_containment TO imis_fsm_officer;

-- FSM officer: the whole FSM module.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA imis_fsm TO imis_fsm_officer;

-- Everybody else who reads FSM data (rows filtered by the policies below).
GRANT SELECT ON ALL TABLES IN SCHEMA imis_fsm TO imis_viewer, imis_gis_editor, imis_service_provider,
    imis_plant_operator;

-- Service provider: its own jobs, vehicles and crew.
GRANT INSERT, UPDATE ON imis_fsm.application, imis_fsm.assessment, imis_fsm.emptying, imis_fsm.feedback,
    imis_fsm.vehicle, imis_fsm.employee TO imis_service_provider;
GRANT INSERT, UPDATE, DELETE ON imis_fsm.emptying_crew TO imis_service_provider;

-- Treatment-plant operator: disposals and tests at its own plant.
GRANT INSERT, UPDATE ON imis_fsm.disposal, imis_fsm.plant_test TO imis_plant_operator;

-- Revenue: the chief maintains holdings and owners (assessed values); collectors read.
GRANT INSERT, UPDATE ON imis_core.holding, imis_core.owner, imis_core.building_holding TO imis_revenue_chief;

-- Row-level security: who sees which rows of the FSM chain.
CREATE FUNCTION imis_app.my_provider() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT imis_app.provider_of(current_user) $$;

CREATE FUNCTION imis_app.my_plant() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT imis_app.plant_of(current_user) $$;

CREATE FUNCTION imis_app.is_my_application(app_id uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM imis_fsm.application a WHERE a.id = app_id AND a.provider_id = imis_app.my_provider())
$$;

CREATE FUNCTION imis_app.is_my_emptying(emptying uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM imis_fsm.emptying e WHERE e.id = emptying AND imis_app.is_my_application(e.application_id))
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['application', 'assessment', 'emptying', 'emptying_crew', 'disposal', 'feedback',
                             'plant_test', 'vehicle', 'employee']
    LOOP
        EXECUTE format('ALTER TABLE imis_fsm.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY office_all ON imis_fsm.%I FOR ALL TO imis_admin, imis_fsm_officer '
                       'USING (true) WITH CHECK (true)', t);
        EXECUTE format('CREATE POLICY read_all ON imis_fsm.%I FOR SELECT TO imis_viewer, imis_gis_editor '
                       'USING (true)', t);
    END LOOP;
END
$$;

-- Service providers: only their own jobs and everything hanging off them.
CREATE POLICY own_jobs ON imis_fsm.application FOR ALL TO imis_service_provider
    USING (provider_id = imis_app.my_provider()) WITH CHECK (provider_id = imis_app.my_provider());
CREATE POLICY own_jobs ON imis_fsm.assessment FOR ALL TO imis_service_provider
    USING (imis_app.is_my_application(application_id)) WITH CHECK (imis_app.is_my_application(application_id));
CREATE POLICY own_jobs ON imis_fsm.emptying FOR ALL TO imis_service_provider
    USING (imis_app.is_my_application(application_id)) WITH CHECK (imis_app.is_my_application(application_id));
CREATE POLICY own_jobs ON imis_fsm.feedback FOR ALL TO imis_service_provider
    USING (imis_app.is_my_application(application_id)) WITH CHECK (imis_app.is_my_application(application_id));
CREATE POLICY own_jobs ON imis_fsm.emptying_crew FOR ALL TO imis_service_provider
    USING (imis_app.is_my_emptying(emptying_id)) WITH CHECK (imis_app.is_my_emptying(emptying_id));
CREATE POLICY own_jobs ON imis_fsm.disposal FOR SELECT TO imis_service_provider
    USING (imis_app.is_my_emptying(emptying_id));
CREATE POLICY own_fleet ON imis_fsm.vehicle FOR ALL TO imis_service_provider
    USING (provider_id = imis_app.my_provider()) WITH CHECK (provider_id = imis_app.my_provider());
CREATE POLICY own_fleet ON imis_fsm.employee FOR ALL TO imis_service_provider
    USING (provider_id = imis_app.my_provider()) WITH CHECK (provider_id = imis_app.my_provider());

-- Plant operators: every emptying may arrive at their gate, but they write only their own plant's rows.
CREATE POLICY arrivals ON imis_fsm.emptying FOR SELECT TO imis_plant_operator USING (true);
CREATE POLICY arrivals ON imis_fsm.application FOR SELECT TO imis_plant_operator USING (true);
CREATE POLICY own_plant ON imis_fsm.disposal FOR ALL TO imis_plant_operator
    USING (plant_id = imis_app.my_plant()) WITH CHECK (plant_id = imis_app.my_plant());
CREATE POLICY own_plant ON imis_fsm.plant_test FOR ALL TO imis_plant_operator
    USING (plant_id = imis_app.my_plant()) WITH CHECK (plant_id = imis_app.my_plant());
