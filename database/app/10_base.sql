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
-- On INSERT the columns' defaults usually set them already: the trigger's WHEN clause (see the loop below)
-- calls this function only for a row that brings other values (or runs inside a SECURITY DEFINER function,
-- where the default CURRENT_USER is not the acting role).
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

-- Append-only audit trail: one log row per inserted, updated or deleted row, with the whole row before and
-- after as JSON (to_jsonb of the row). Written once per statement from its transition tables, so a
-- statement changing 156,000 rows costs one INSERT ... SELECT, not 156,000 trigger calls. SECURITY
-- DEFINER: nobody needs (or gets) INSERT on the log itself.

-- The select list that gives to_jsonb(r) of a row `r` of table `rel`, only faster: columns of types
-- to_jsonb converts through a cast to json (PostGIS geometries) are cast here, once per row, because
-- to_jsonb looks that cast up again for every value (3x slower on buildings). Same JSON either way.
CREATE FUNCTION imis_app.audit_columns(rel oid) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT string_agg(CASE WHEN EXISTS (
                               SELECT 1 FROM pg_cast c
                               WHERE c.castsource = a.atttypid AND c.casttarget = 'json'::regtype
                                 AND c.castmethod = 'f' AND a.atttypid >= 16384)
                           THEN format('r.%1$I::json AS %1$I', a.attname)
                           ELSE format('r.%I', a.attname) END, ', ' ORDER BY a.attnum)
    FROM pg_attribute a WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped
$$;

CREATE FUNCTION imis_app.audit_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    columns text := imis_app.audit_columns(TG_RELID);
    insert_log text := 'INSERT INTO imis_audit.log (session_user_name, role_name, schema_name, table_name, '
                       'row_id, action, old_row, new_row) ';
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- PostgreSQL fills both transition tables in step, one old and one new row per updated row, so
        -- the n-th rows belong together (even when an update changed the key)
        EXECUTE insert_log || format(
            'SELECT $1, $2, $3, $4, (n.j->>''id'')::uuid, ''UPDATE'', o.j, n.j '
            'FROM (SELECT row_number() OVER () AS k, to_jsonb(x) AS j '
            '      FROM (SELECT %1$s FROM old_rows r) x) o '
            'JOIN (SELECT row_number() OVER () AS k, to_jsonb(x) AS j '
            '      FROM (SELECT %1$s FROM new_rows r) x) n '
            'USING (k) ORDER BY k', columns)
            USING session_user::text, imis_app.acting_role(), TG_TABLE_SCHEMA::text, TG_TABLE_NAME::text;
    ELSE
        -- OFFSET 0 keeps the subquery apart, so each row's JSON is made once (not once per use of j)
        EXECUTE insert_log || format(
            'SELECT $1, $2, $3, $4, (j->>''id'')::uuid, $5, '
            '       CASE WHEN $5 = ''DELETE'' THEN j END, CASE WHEN $5 = ''INSERT'' THEN j END '
            'FROM (SELECT to_jsonb(x) AS j FROM (SELECT %s FROM %I r) x OFFSET 0) s',
            columns, CASE TG_OP WHEN 'INSERT' THEN 'new_rows' ELSE 'old_rows' END)
            USING session_user::text, imis_app.acting_role(), TG_TABLE_SCHEMA::text, TG_TABLE_NAME::text,
                  TG_OP;
    END IF;
    RETURN NULL;
END
$$;

-- The log row of an update holds the row twice (2.4 kB for a building), so PostgreSQL compresses it: with
-- lz4 where the server has it, a tenth faster on a city-wide update than with the default pglz.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
        ALTER FUNCTION imis_app.audit_rows() SET default_toast_compression = 'lz4';
    END IF;
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
-- revision is covered without editing this file. The audit triggers fire after the statement's row triggers
-- (foreign keys) and, named x_, before the other statement-level triggers (y_containment_* of 40_fsm.sql),
-- so a change is logged before the changes it causes.
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
        EXECUTE format('CREATE TRIGGER a_touch_row BEFORE INSERT ON %I.%I FOR EACH ROW '
                       'WHEN (NEW.row_version IS DISTINCT FROM 1 OR NEW.created_at IS DISTINCT FROM now() '
                       '      OR NEW.updated_at IS DISTINCT FROM now() '
                       '      OR NEW.changed_by IS DISTINCT FROM imis_app.acting_role()) '
                       'EXECUTE FUNCTION imis_app.touch_row()', t.table_schema, t.table_name);
        EXECUTE format('CREATE TRIGGER a_touch_row_update BEFORE UPDATE ON %I.%I '
                       'FOR EACH ROW EXECUTE FUNCTION imis_app.touch_row()', t.table_schema, t.table_name);
        EXECUTE format('CREATE TRIGGER x_audit_insert AFTER INSERT ON %I.%I '
                       'REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION imis_app.audit_rows()',
                       t.table_schema, t.table_name);
        EXECUTE format('CREATE TRIGGER x_audit_update AFTER UPDATE ON %I.%I '
                       'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION imis_app.audit_rows()',
                       t.table_schema, t.table_name);
        EXECUTE format('CREATE TRIGGER x_audit_delete AFTER DELETE ON %I.%I '
                       'REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION imis_app.audit_rows()',
                       t.table_schema, t.table_name);
    END LOOP;
END
$$;
