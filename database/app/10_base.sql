-- App schema, part 1: the schema itself, who-is-who helpers, row metadata and the audit trail.
-- Rebuilt after every upgrade (imis_plugin/db/app_schema.py): write it for head, never as a diff.

CREATE SCHEMA imis_app;
COMMENT ON SCHEMA imis_app IS 'IMIS views, functions, triggers and policies; dropped and rebuilt after every upgrade';
-- Who may use it, and every other right on tables and views: database/permissions.toml.

-- The role a statement runs as. Inside SECURITY DEFINER functions current_user is the owner, but the
-- session's `role` setting still names the role chosen with SET ROLE, else the login itself.
CREATE FUNCTION imis_app.acting_role() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN current_setting('role') = 'none' THEN session_user::text ELSE current_setting('role') END
$$;

-- Which service provider / treatment plant a login works for (imis_core.app_user). SECURITY DEFINER so
-- that row-level security can look it up without granting everyone the user table.
CREATE FUNCTION imis_app.provider_of(login text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT provider_id FROM imis_core.app_user WHERE login_role = login
$$;

CREATE FUNCTION imis_app.plant_of(login text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT plant_id FROM imis_core.app_user WHERE login_role = login
$$;

-- A row's human name for error messages: its BIN, code, holding code or registration, else its id.
CREATE FUNCTION imis_app.row_label(tbl text, r jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT tbl || ' ' || coalesce(r->>'bin', r->>'code', r->>'holding_code', r->>'registration',
                                  r->>'name', r->>'id', '(new row)')
$$;

-- Row metadata: created/updated timestamps, row version and last-changed-by are the server's to set.
CREATE FUNCTION imis_app.touch_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.created_at := now();
        NEW.row_version := 1;
    ELSE
        -- Optimistic locking: a writer that sends row_version says which version its edit is based on;
        -- if someone changed the row since, the edit is refused instead of silently overwriting theirs.
        IF NEW.row_version IS DISTINCT FROM OLD.row_version THEN
            RAISE EXCEPTION 'row_version_conflict: % was changed by % at % (now version %); this edit is based on version %',
                imis_app.row_label(TG_TABLE_NAME, to_jsonb(OLD)), OLD.changed_by, OLD.updated_at, OLD.row_version,
                NEW.row_version
                USING ERRCODE = 'serialization_failure';
        END IF;
        NEW.created_at := OLD.created_at;
        NEW.row_version := OLD.row_version + 1;
    END IF;
    NEW.updated_at := now();
    NEW.changed_by := imis_app.acting_role();
    RETURN NEW;
END
$$;

-- Append-only audit trail. SECURITY DEFINER: nobody needs (or gets) INSERT on the log itself.
CREATE FUNCTION imis_app.audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
BEGIN
    INSERT INTO imis_audit.log (session_user_name, role_name, schema_name, table_name, row_id, action,
                                old_row, new_row)
    VALUES (session_user, imis_app.acting_role(), TG_TABLE_SCHEMA, TG_TABLE_NAME,
            (coalesce(new_row, old_row)->>'id')::uuid, TG_OP, old_row, new_row);
    RETURN NULL;
END
$$;

CREATE FUNCTION imis_app.protect_audit_log() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF pg_has_role(imis_app.acting_role(), 'imis_admin', 'MEMBER')
       OR (SELECT rolsuper FROM pg_roles WHERE rolname = imis_app.acting_role()) THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    RAISE EXCEPTION 'audit_log_append_only: the audit log cannot be changed (% by %)', TG_OP, imis_app.acting_role()
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER protect_audit_log BEFORE UPDATE OR DELETE ON imis_audit.log
    FOR EACH ROW EXECUTE FUNCTION imis_app.protect_audit_log();
CREATE TRIGGER protect_audit_log_truncate BEFORE TRUNCATE ON imis_audit.log
    FOR EACH STATEMENT EXECUTE FUNCTION imis_app.protect_audit_log();

-- Attach metadata and audit triggers to every data table of imis_core, imis_fsm and imis_revenue, so a new table in a
-- revision is covered without editing this file.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.table_schema, c.table_name
        FROM information_schema.columns c
        JOIN information_schema.tables tb USING (table_schema, table_name)
        WHERE c.table_schema IN ('imis_core', 'imis_fsm', 'imis_revenue') AND c.column_name = 'row_version'
          AND tb.table_type = 'BASE TABLE'
    LOOP
        EXECUTE format('CREATE TRIGGER a_touch_row BEFORE INSERT OR UPDATE ON %I.%I '
                       'FOR EACH ROW EXECUTE FUNCTION imis_app.touch_row()', t.table_schema, t.table_name);
        EXECUTE format('CREATE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON %I.%I '
                       'FOR EACH ROW EXECUTE FUNCTION imis_app.audit_row()', t.table_schema, t.table_name);
    END LOOP;
END
$$;
