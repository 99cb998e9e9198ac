-- App schema, part 2: rules the database enforces with messages people can act on. Every message starts
-- with the rule's name, then names the row and the offending value. The data schemas keep CHECK
-- constraints as the last line of defence; these triggers run first and explain.

-- Geometry: valid and not empty (type and SRID are enforced by the column's typmod). The trigger's WHEN
-- clause runs the same test without a PL/pgSQL call per row; the function runs only to explain a bad one.
CREATE FUNCTION imis_app.check_geometry() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    g geometry;
    label text;
BEGIN
    EXECUTE format('SELECT ($1).%I', TG_ARGV[0]) USING NEW INTO g;
    IF g IS NULL OR (NOT ST_IsEmpty(g) AND ST_IsValid(g)) THEN
        RETURN NEW;
    END IF;
    BEGIN
        label := imis_app.row_label(TG_TABLE_NAME, to_jsonb(NEW) - TG_ARGV[0]);
    EXCEPTION WHEN others THEN
        label := TG_TABLE_NAME;  -- e.g. NaN coordinates, which JSON cannot hold
    END;
    IF ST_IsEmpty(g) THEN
        RAISE EXCEPTION 'geometry_not_empty: % has an empty %', label, TG_ARGV[0]
            USING ERRCODE = 'check_violation';
    END IF;
    RAISE EXCEPTION 'geometry_valid: % has an invalid %: %', label, TG_ARGV[0], ST_IsValidReason(g)
        USING ERRCODE = 'check_violation';
END
$$;

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT f_table_schema, f_table_name, f_geometry_column FROM public.geometry_columns
        WHERE f_table_schema IN ('imis_core', 'imis_fsm', 'imis_revenue')
    LOOP
        EXECUTE format('CREATE TRIGGER b_check_%1$s BEFORE INSERT OR UPDATE OF %2$I ON %3$I.%4$I FOR EACH ROW '
                       'WHEN (NEW.%2$I IS NOT NULL AND (ST_IsEmpty(NEW.%2$I) OR NOT ST_IsValid(NEW.%2$I))) '
                       'EXECUTE FUNCTION imis_app.check_geometry(%5$L)',
                       t.f_geometry_column, t.f_geometry_column, t.f_table_schema, t.f_table_name,
                       t.f_geometry_column);
    END LOOP;
END
$$;

-- Holding codes: the LGED standard Ward-Zone-Holding-Extension (XX-XXX-XXXX-XX), or flagged legacy.
CREATE FUNCTION imis_app.check_holding_code() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT coalesce(NEW.is_legacy, false) AND NEW.holding_code !~ '^[0-9]{2}-[0-9]{3}-[0-9]{4}-[0-9]{2}$' THEN
        RAISE EXCEPTION 'holding_code_standard_or_legacy: holding code "%" is not in the standard form XX-XXX-XXXX-XX (ward-zone-holding-extension); correct it or mark the holding as legacy', NEW.holding_code
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_holding_code_standard_or_legacy';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER b_check_holding_code BEFORE INSERT OR UPDATE ON imis_core.holding FOR EACH ROW
    WHEN (NOT coalesce(NEW.is_legacy, false) AND NEW.holding_code !~ '^[0-9]{2}-[0-9]{3}-[0-9]{4}-[0-9]{2}$')
    EXECUTE FUNCTION imis_app.check_holding_code();  -- WHEN: the function's test, so only a bad code calls it

-- FSM chain: each step's date is not in the future and not before the step it follows; a disposal
-- cannot exceed what was emptied. Changing an earlier step is checked against the later ones too.
CREATE FUNCTION imis_app.fail_chain(rule text, message text, VARIADIC args text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', rule || ': ' || format(message, VARIADIC args) USING ERRCODE = 'check_violation';
END
$$;

CREATE FUNCTION imis_app.check_not_future(rule text, what text, d date) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF d > current_date THEN
        PERFORM imis_app.fail_chain(rule, '%s %s is in the future (today is %s)', what, d::text, current_date::text);
    END IF;
END
$$;

CREATE FUNCTION imis_app.check_application() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    earliest date;
BEGIN
    PERFORM imis_app.check_not_future('fsm_date_not_future', 'application ' || NEW.code || ': application_date', NEW.application_date);
    IF NEW.requested_date < NEW.application_date THEN
        PERFORM imis_app.fail_chain('fsm_dates_in_order', 'application %s: requested_date %s is before application_date %s',
                                    NEW.code, NEW.requested_date::text, NEW.application_date::text);
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.application_date IS DISTINCT FROM OLD.application_date THEN
        SELECT least((SELECT min(assessed_date) FROM imis_fsm.assessment WHERE application_id = NEW.id),
                     (SELECT min(emptied_date) FROM imis_fsm.emptying WHERE application_id = NEW.id))
          INTO earliest;
        IF earliest < NEW.application_date THEN
            PERFORM imis_app.fail_chain('fsm_dates_in_order', 'application %s: application_date %s is after its assessment or emptying on %s',
                                        NEW.code, NEW.application_date::text, earliest::text);
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER b_check_chain BEFORE INSERT OR UPDATE ON imis_fsm.application
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_application();

CREATE FUNCTION imis_app.application_of(app_id uuid, OUT code text, OUT application_date date)
LANGUAGE sql STABLE AS $$
    SELECT code, application_date FROM imis_fsm.application WHERE id = app_id
$$;

CREATE FUNCTION imis_app.check_assessment() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    app record := imis_app.application_of(NEW.application_id);
BEGIN
    PERFORM imis_app.check_not_future('fsm_date_not_future', 'assessment of application ' || app.code || ': assessed_date', NEW.assessed_date);
    IF NEW.assessed_date < app.application_date THEN
        PERFORM imis_app.fail_chain('fsm_dates_in_order', 'assessment of application %s: assessed_date %s is before application_date %s',
                                    app.code, NEW.assessed_date::text, app.application_date::text);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER b_check_chain BEFORE INSERT OR UPDATE ON imis_fsm.assessment
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_assessment();

CREATE FUNCTION imis_app.check_emptying() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    app record := imis_app.application_of(NEW.application_id);
    assessed date;
    disposed numeric;
    first_disposal date;
BEGIN
    PERFORM imis_app.check_not_future('fsm_date_not_future', 'emptying of application ' || app.code || ': emptied_date', NEW.emptied_date);
    IF NEW.emptied_date < app.application_date THEN
        PERFORM imis_app.fail_chain('fsm_dates_in_order', 'emptying of application %s: emptied_date %s is before application_date %s',
                                    app.code, NEW.emptied_date::text, app.application_date::text);
    END IF;
    SELECT assessed_date INTO assessed FROM imis_fsm.assessment WHERE application_id = NEW.application_id;
    IF NEW.emptied_date < assessed THEN
        PERFORM imis_app.fail_chain('fsm_dates_in_order', 'emptying of application %s: emptied_date %s is before assessed_date %s',
                                    app.code, NEW.emptied_date::text, assessed::text);
    END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT sum(volume_m3), min(disposed_date) INTO disposed, first_disposal
        FROM imis_fsm.disposal WHERE emptying_id = NEW.id;
        IF disposed > NEW.volume_m3 THEN
            PERFORM imis_app.fail_chain('fsm_disposed_not_above_emptied', 'emptying of application %s: volume_m3 %s is below the %s m3 already disposed',
                                        app.code, NEW.volume_m3::text, disposed::text);
        END IF;
        IF first_disposal < NEW.emptied_date THEN
            PERFORM imis_app.fail_chain('fsm_dates_in_order', 'emptying of application %s: emptied_date %s is after its disposal on %s',
                                        app.code, NEW.emptied_date::text, first_disposal::text);
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER b_check_chain BEFORE INSERT OR UPDATE ON imis_fsm.emptying
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_emptying();

CREATE FUNCTION imis_app.check_disposal() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    e record;
    already numeric;
BEGIN
    SELECT em.emptied_date, em.volume_m3, a.code INTO e
    FROM imis_fsm.emptying em JOIN imis_fsm.application a ON a.id = em.application_id
    WHERE em.id = NEW.emptying_id;
    PERFORM imis_app.check_not_future('fsm_date_not_future', 'disposal of application ' || e.code || ': disposed_date', NEW.disposed_date);
    IF NEW.disposed_date < e.emptied_date THEN
        PERFORM imis_app.fail_chain('fsm_dates_in_order', 'disposal of application %s: disposed_date %s is before emptied_date %s',
                                    e.code, NEW.disposed_date::text, e.emptied_date::text);
    END IF;
    SELECT coalesce(sum(volume_m3), 0) INTO already
    FROM imis_fsm.disposal WHERE emptying_id = NEW.emptying_id AND id IS DISTINCT FROM NEW.id;
    IF already + NEW.volume_m3 > e.volume_m3 THEN
        PERFORM imis_app.fail_chain('fsm_disposed_not_above_emptied', 'disposal of application %s: %s m3 disposed (with %s m3 before) exceeds the %s m3 emptied',
                                    e.code, NEW.volume_m3::text, already::text, e.volume_m3::text);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER b_check_chain BEFORE INSERT OR UPDATE ON imis_fsm.disposal
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_disposal();

CREATE FUNCTION imis_app.check_feedback() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    app record := imis_app.application_of(NEW.application_id);
    emptied date;
BEGIN
    PERFORM imis_app.check_not_future('fsm_date_not_future', 'feedback on application ' || app.code || ': feedback_date', NEW.feedback_date);
    SELECT emptied_date INTO emptied FROM imis_fsm.emptying WHERE application_id = NEW.application_id;
    IF NEW.feedback_date < coalesce(emptied, app.application_date) THEN
        PERFORM imis_app.fail_chain('fsm_dates_in_order', 'feedback on application %s: feedback_date %s is before %s',
                                    app.code, NEW.feedback_date::text, coalesce(emptied, app.application_date)::text);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER b_check_chain BEFORE INSERT OR UPDATE ON imis_fsm.feedback
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_feedback();
