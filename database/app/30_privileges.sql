-- App schema, part 3: the functions row-level security asks "whose row is this?" with. Who may do what
-- (GRANTs, which roles see which rows) is written in database/permissions.toml alone, and applied after
-- these files by imis_plugin/db/permissions.py; its scopes call the functions below. The plugin mirrors
-- the rights (read-only layers, hidden actions) but the database is the guard.

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
