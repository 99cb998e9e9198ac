-- App schema, part 4: the FSM service chain and emptying schedules (revision 0004).
-- The state of a job is derived from its records (fsm_job), never stored; the fill model (containment_fill)
-- is one view that the planner, the containment trigger and the forms all read.

-- ---------------------------------------------------------------------------------------------------
-- Calendar: the city's working days (its working week minus its holidays).
CREATE FUNCTION imis_app.working_days(first_day date, last_day date) RETURNS SETOF date
LANGUAGE sql STABLE AS $$
    SELECT d::date FROM generate_series(first_day, last_day, interval '1 day') d,
         (SELECT working_days FROM imis_core.city LIMIT 1) c
    WHERE extract(isodow FROM d)::smallint = ANY (c.working_days)
      AND NOT EXISTS (SELECT 1 FROM imis_core.holiday h WHERE h.holiday_date = d::date)
    ORDER BY 1
$$;

-- The containment a job empties: its own, else the only containment of its building.
CREATE FUNCTION imis_app.job_containment(containment uuid, building uuid) RETURNS uuid
LANGUAGE sql STABLE AS $$
    SELECT coalesce(containment, (SELECT min(bc.containment_id::text)::uuid FROM imis_core.building_containment bc
                                  WHERE bc.building_id = building HAVING count(*) = 1))
$$;

-- ---------------------------------------------------------------------------------------------------
-- Fill model. Volume: recorded, else from dimensions, else the median of its type, else of the city, else
-- the setting. Users: the latest survey, else the buildings' population (shared among a building's
-- containments), else households x household size, else the setting. Sludge grows by users x rate per
-- year from the last emptying (or construction if never emptied); a survey's measured level replaces
-- that estimate. The containment is due when sludge reaches its threshold. What had to be guessed is
-- listed in `estimates`; nothing is silently assumed.
CREATE VIEW imis_app.containment_fill WITH (security_invoker = true) AS
WITH setting AS (SELECT * FROM imis_fsm.fsm_setting LIMIT 1),
type_volume AS (
    SELECT containment_type, percentile_cont(0.5) WITHIN GROUP (ORDER BY volume_m3) AS v
    FROM imis_core.containment WHERE volume_m3 IS NOT NULL GROUP BY containment_type
),
city_volume AS (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY volume_m3) AS v
                FROM imis_core.containment WHERE volume_m3 IS NOT NULL),
base AS (
    SELECT c.id, c.code, c.containment_type, ct.container, c.location, c.next_emptying_date, c.depth_m,
           coalesce(CASE WHEN c.volume_m3 IS NOT NULL THEN c.volume_m3
                         WHEN c.length_m IS NOT NULL AND c.width_m IS NOT NULL AND c.depth_m IS NOT NULL
                             THEN c.length_m * c.width_m * c.depth_m
                         WHEN c.diameter_m IS NOT NULL AND c.depth_m IS NOT NULL
                             THEN pi()::numeric * (c.diameter_m / 2) ^ 2 * c.depth_m END,
                    tv.v, (SELECT v FROM city_volume), st.default_volume_m3)::numeric AS volume,
           CASE WHEN c.volume_m3 IS NOT NULL OR (c.depth_m IS NOT NULL AND (c.diameter_m IS NOT NULL
                     OR (c.length_m IS NOT NULL AND c.width_m IS NOT NULL))) THEN 'recorded'
                WHEN tv.v IS NOT NULL THEN 'type_median'
                WHEN (SELECT v FROM city_volume) IS NOT NULL THEN 'city_median' ELSE 'setting' END AS volume_source,
           CASE WHEN c.last_emptied_date IS NOT NULL THEN c.last_emptied_date
                WHEN coalesce(c.emptied_count, 0) = 0 THEN c.construction_date END AS start_date,
           CASE WHEN c.last_emptied_date IS NOT NULL THEN 'last_emptied'
                WHEN coalesce(c.emptied_count, 0) = 0 AND c.construction_date IS NOT NULL THEN 'construction'
                ELSE 'unknown' END AS start_source,
           s.users AS building_users, s.estimated AS users_estimated, s.complete AS users_complete,
           s.ward_id AS building_ward, s.point AS building_point, st.default_users,
           fr.sludge_m3_per_person_year AS rate, fr.empty_at_fraction, fr.freeboard_m, fr.pumps_full_volume,
           fr.cycle_years
    FROM imis_core.containment c
    CROSS JOIN setting st
    LEFT JOIN imis_code.containment_type ct ON ct.value = c.containment_type
    LEFT JOIN imis_fsm.fill_rate fr ON fr.container = coalesce(ct.container, 'septic_tank')
    LEFT JOIN type_volume tv ON tv.containment_type = c.containment_type
    -- the people of its buildings; a building with several containments shares its people among them
    LEFT JOIN LATERAL (
        SELECT sum(u.users / u.shares) AS users, bool_or(b.population IS NULL) AS estimated,
               bool_and(u.users IS NOT NULL) AS complete,
               (array_agg(b.ward_id ORDER BY b.bin) FILTER (WHERE b.ward_id IS NOT NULL))[1] AS ward_id,
               (array_agg(ST_PointOnSurface(b.geom) ORDER BY b.bin))[1] AS point
        FROM imis_core.building_containment bc JOIN imis_core.building b ON b.id = bc.building_id
        CROSS JOIN LATERAL (
            SELECT coalesce(b.population::numeric, b.household_count * st.household_size) AS users,
                   (SELECT count(*) FROM imis_core.building_containment x WHERE x.building_id = b.id) AS shares) u
        WHERE bc.containment_id = c.id) s ON true
    WHERE c.in_use
),
model AS (
    SELECT b.*, us.survey_users, ls.sludge_fill_pct, ls.survey_date AS level_surveyed,
           coalesce(us.survey_users::numeric, CASE WHEN b.users_complete THEN b.building_users END,
                    b.default_users) AS users,
           CASE WHEN us.survey_users IS NOT NULL THEN 'survey'
                WHEN b.users_complete AND NOT b.users_estimated THEN 'population'
                WHEN b.users_complete THEN 'households' ELSE 'setting' END AS users_source,
           -- pits: empty when sludge is within the freeboard of the top (when the depth is known)
           b.volume * CASE WHEN b.freeboard_m IS NOT NULL AND b.depth_m > b.freeboard_m
                           THEN least(b.empty_at_fraction, (b.depth_m - b.freeboard_m) / b.depth_m)
                           ELSE b.empty_at_fraction END AS threshold
    FROM base b
    LEFT JOIN LATERAL (SELECT cs.user_count AS survey_users FROM imis_fsm.containment_survey cs
                       WHERE cs.containment_id = b.id AND cs.user_count IS NOT NULL
                       ORDER BY cs.survey_date DESC, cs.created_at DESC LIMIT 1) us ON true
    -- a level measured before the last emptying says nothing about today
    LEFT JOIN LATERAL (SELECT cs.sludge_fill_pct, cs.survey_date FROM imis_fsm.containment_survey cs
                       WHERE cs.containment_id = b.id AND cs.sludge_fill_pct IS NOT NULL
                         AND (b.start_date IS NULL OR cs.survey_date >= b.start_date)
                       ORDER BY cs.survey_date DESC, cs.created_at DESC LIMIT 1) ls ON true
),
timed AS (
    SELECT t.*, a.annual,
           CASE WHEN a.annual <= 0 THEN NULL
                WHEN t.level_surveyed IS NOT NULL
                    THEN t.level_surveyed + round((t.threshold - t.sludge_fill_pct / 100 * t.volume) / a.annual * 365.25)::int
                WHEN t.start_date IS NOT NULL THEN t.start_date + round(t.threshold / a.annual * 365.25)::int
           END AS fill_date,
           CASE WHEN t.level_surveyed IS NOT NULL
                    THEN t.sludge_fill_pct / 100 * t.volume + a.annual * (current_date - t.level_surveyed) / 365.25
                WHEN t.start_date IS NOT NULL THEN a.annual * (current_date - t.start_date) / 365.25
           END AS sludge_today
    FROM model t CROSS JOIN LATERAL (SELECT t.users * t.rate AS annual) a
)
SELECT t.id AS containment_id, t.code, t.containment_type, t.container,
       round(t.volume, 3) AS volume_m3, t.volume_source,
       round(t.users, 1) AS users, t.users_source,
       t.rate AS sludge_rate, round(t.annual, 4) AS annual_sludge_m3, round(t.threshold, 3) AS threshold_m3,
       round(CASE WHEN t.pumps_full_volume THEN t.volume ELSE t.threshold END, 3) AS haul_m3,
       t.pumps_full_volume, t.cycle_years,
       t.start_date, t.start_source, t.level_surveyed, t.sludge_fill_pct AS surveyed_fill_pct,
       round(least(100, 100 * t.sludge_today / t.volume), 1) AS fill_pct_today,
       t.fill_date,
       -- no usable date and no measurement: due now (the most urgent band), unless an officer set a date
       CASE WHEN t.fill_date IS NOT NULL THEN t.fill_date
            WHEN t.annual <= 0 AND t.start_date IS NOT NULL THEN t.start_date + round(t.cycle_years * 365.25)::int
            ELSE coalesce(t.next_emptying_date, current_date) END AS due_date,
       array_remove(ARRAY[
           CASE WHEN t.container IS NULL THEN 'type' END,
           CASE WHEN t.volume_source <> 'recorded' THEN 'volume' END,
           CASE WHEN t.users_source IN ('households', 'setting') THEN 'users' END,
           CASE WHEN t.fill_date IS NULL THEN 'start_date' END,
           CASE WHEN t.location IS NULL THEN 'location' END], NULL) AS estimates,
       coalesce(t.building_ward,
                (SELECT w.id FROM imis_core.ward w
                 WHERE w.geom && t.location AND ST_Intersects(w.geom, t.location) ORDER BY w.number LIMIT 1))
           AS ward_id,
       coalesce(t.location, t.building_point) AS geom
FROM timed t;

-- ---------------------------------------------------------------------------------------------------
-- Emptying updates its containment: times emptied, last emptied and the next due date (fill model).
-- An emptying counts when it is newer than the containment's last known emptying, so that history loaded
-- together with the containment's own dates and count is not counted twice. Statement-level with transition
-- tables, so that importing 10,000 emptyings recomputes each containment once. SECURITY DEFINER: a service
-- provider records the emptying but may not edit containments.
-- A level measured above the threshold after the last emptying dates the fill before that emptying: the
-- next one is then as soon as allowed, the day after (the containment is overdue, the most urgent band).
CREATE FUNCTION imis_app.refresh_next_emptying(ids uuid[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET jit = off AS $$
    WITH due AS (
        SELECT c.id, CASE WHEN d.model <= c.last_emptied_date THEN c.last_emptied_date + 1
                          ELSE d.model END AS next
        FROM imis_core.containment c
        JOIN imis_app.containment_fill f ON f.containment_id = c.id
        CROSS JOIN LATERAL (
            SELECT coalesce(f.fill_date, c.last_emptied_date + round(f.cycle_years * 365.25)::int) AS model) d
        WHERE c.id = ANY (ids) AND c.last_emptied_date IS NOT NULL)
    UPDATE imis_core.containment c SET next_emptying_date = due.next
    FROM due WHERE c.id = due.id AND c.next_emptying_date IS DISTINCT FROM due.next
$$;

CREATE FUNCTION imis_app.containment_after_emptying() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    ids uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        WITH n AS (SELECT imis_app.job_containment(a.containment_id, a.building_id) AS cid, e.emptied_date
                   FROM new_rows e JOIN imis_fsm.application a ON a.id = e.application_id),
        agg AS (SELECT cid, array_agg(emptied_date) AS dates, max(emptied_date) AS d FROM n WHERE cid IS NOT NULL
                GROUP BY cid),
        -- only an emptying after the last known one is new: loading history (the containment's dates and
        -- count imported with it) changes nothing
        upd AS (UPDATE imis_core.containment c
                SET emptied_count = coalesce(c.emptied_count, 0)
                        + (SELECT count(*) FROM unnest(agg.dates) d WHERE c.last_emptied_date IS NULL OR d > c.last_emptied_date),
                    last_emptied_date = greatest(c.last_emptied_date, agg.d),
                    -- a due date this emptying served would precede it: the fill model sets the next below
                    next_emptying_date = CASE WHEN c.next_emptying_date <= agg.d THEN NULL
                                              ELSE c.next_emptying_date END
                FROM agg WHERE c.id = agg.cid AND (c.last_emptied_date IS NULL OR agg.d > c.last_emptied_date)
                RETURNING c.id)
        SELECT array_agg(id) INTO ids FROM upd;
    ELSIF TG_OP = 'DELETE' THEN
        WITH o AS (SELECT imis_app.job_containment(a.containment_id, a.building_id) AS cid, e.emptied_date
                   FROM old_rows e JOIN imis_fsm.application a ON a.id = e.application_id),
        agg AS (SELECT cid, array_agg(emptied_date) AS dates FROM o WHERE cid IS NOT NULL GROUP BY cid),
        -- undoing the latest emptyings (wrong entries): they no longer count, the one before becomes the last
        upd AS (UPDATE imis_core.containment c
                SET emptied_count = greatest(coalesce(c.emptied_count, 0)
                        - (SELECT count(*) FROM unnest(agg.dates) d WHERE r.last IS NULL OR d > r.last), 0),
                    last_emptied_date = r.last
                FROM agg CROSS JOIN LATERAL (
                    SELECT max(e.emptied_date) AS last FROM imis_fsm.emptying e
                    JOIN imis_fsm.application a ON a.id = e.application_id
                    WHERE imis_app.job_containment(a.containment_id, a.building_id) = agg.cid) r
                WHERE c.id = agg.cid AND c.last_emptied_date = ANY (agg.dates) RETURNING c.id)
        SELECT array_agg(id) INTO ids FROM upd;
    ELSE
        -- a corrected date: the last emptying is the latest recorded one, or an imported date not corrected
        WITH changed AS (SELECT n.application_id, o.emptied_date AS old_date FROM new_rows n JOIN old_rows o
                         ON o.id = n.id WHERE n.emptied_date IS DISTINCT FROM o.emptied_date),
        ch AS (SELECT imis_app.job_containment(a.containment_id, a.building_id) AS cid,
                      array_agg(changed.old_date) AS dates
               FROM changed JOIN imis_fsm.application a ON a.id = changed.application_id GROUP BY 1),
        upd AS (UPDATE imis_core.containment c
                SET last_emptied_date = greatest(
                        CASE WHEN c.last_emptied_date = ANY (ch.dates) THEN NULL ELSE c.last_emptied_date END,
                        r.latest),
                    -- moved past the stored due date: the fill model sets the next below
                    next_emptying_date = CASE WHEN c.next_emptying_date <= r.latest THEN NULL
                                              ELSE c.next_emptying_date END
                FROM ch CROSS JOIN LATERAL (
                    SELECT max(e.emptied_date) AS latest FROM imis_fsm.emptying e
                    JOIN imis_fsm.application a ON a.id = e.application_id
                    WHERE imis_app.job_containment(a.containment_id, a.building_id) = ch.cid) r
                WHERE c.id = ch.cid RETURNING c.id)
        SELECT array_agg(id) INTO ids FROM upd;
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM imis_app.refresh_next_emptying(ids);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER y_containment_inserted AFTER INSERT ON imis_fsm.emptying REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION imis_app.containment_after_emptying();
CREATE TRIGGER y_containment_updated AFTER UPDATE ON imis_fsm.emptying
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION imis_app.containment_after_emptying();
CREATE TRIGGER y_containment_deleted AFTER DELETE ON imis_fsm.emptying REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION imis_app.containment_after_emptying();

-- ---------------------------------------------------------------------------------------------------
-- Order of steps: nothing happens to a cancelled job, feedback comes after the emptying, and an emptied
-- job cannot be cancelled. (Dates and volumes are checked in 20_rules.sql.)
CREATE FUNCTION imis_app.check_step_order() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    app record;
BEGIN
    SELECT code, is_cancelled INTO app FROM imis_fsm.application WHERE id = NEW.application_id;
    IF app.is_cancelled THEN
        PERFORM imis_app.fail_chain('fsm_application_cancelled', 'application %s is cancelled: no %s can be recorded for it',
                                    app.code, TG_TABLE_NAME);
    END IF;
    IF TG_TABLE_NAME = 'feedback'
       AND NOT EXISTS (SELECT 1 FROM imis_fsm.emptying WHERE application_id = NEW.application_id) THEN
        PERFORM imis_app.fail_chain('fsm_step_order', 'feedback on application %s needs its emptying first', app.code);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER c_step_order BEFORE INSERT OR UPDATE OF application_id ON imis_fsm.assessment
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_step_order();
CREATE TRIGGER c_step_order BEFORE INSERT OR UPDATE OF application_id ON imis_fsm.emptying
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_step_order();
CREATE TRIGGER c_step_order BEFORE INSERT OR UPDATE OF application_id ON imis_fsm.feedback
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_step_order();

-- A step of a job the login cannot see (another provider's) is refused first, with a clear message,
-- before the chain checks in 20_rules.sql look the job up.
CREATE FUNCTION imis_app.check_visible_job() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM imis_fsm.application WHERE id = NEW.application_id) THEN
        RAISE EXCEPTION 'fsm_not_your_job: application % is not among the jobs you may see: a service provider records the steps of its own jobs only (row-level security)',
            NEW.application_id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER a_visible_job BEFORE INSERT OR UPDATE OF application_id ON imis_fsm.assessment
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_visible_job();
CREATE TRIGGER a_visible_job BEFORE INSERT OR UPDATE OF application_id ON imis_fsm.emptying
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_visible_job();
CREATE TRIGGER a_visible_job BEFORE INSERT OR UPDATE OF application_id ON imis_fsm.feedback
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_visible_job();

CREATE FUNCTION imis_app.check_cancel() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    emptied date;
BEGIN
    IF NEW.is_cancelled AND NOT OLD.is_cancelled THEN
        SELECT emptied_date INTO emptied FROM imis_fsm.emptying WHERE application_id = NEW.id;
        IF FOUND THEN
            PERFORM imis_app.fail_chain('fsm_step_order', 'application %s was emptied on %s: it cannot be cancelled',
                                        NEW.code, emptied::text);
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER c_check_cancel BEFORE UPDATE OF is_cancelled ON imis_fsm.application
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_cancel();

CREATE FUNCTION imis_app.check_survey() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM imis_app.check_not_future('fsm_date_not_future',
        'survey of containment ' || (SELECT code FROM imis_core.containment WHERE id = NEW.containment_id)
        || ': survey_date', NEW.survey_date);
    RETURN NEW;
END
$$;
CREATE TRIGGER b_check_survey BEFORE INSERT OR UPDATE ON imis_fsm.containment_survey
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_survey();

-- ---------------------------------------------------------------------------------------------------
-- Schedule items: a working day, a vehicle of the item's provider; confirming creates the job (an
-- application of the regular programme), declining puts the household in the re-integration queue.
CREATE FUNCTION imis_app.check_schedule_item() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    label text := 'schedule item of containment ' || (SELECT code FROM imis_core.containment WHERE id = NEW.containment_id);
BEGIN
    IF TG_OP = 'INSERT' OR NEW.service_date IS DISTINCT FROM OLD.service_date THEN
        IF NOT EXISTS (SELECT 1 FROM imis_app.working_days(NEW.service_date, NEW.service_date)) THEN
            PERFORM imis_app.fail_chain('fsm_schedule_working_day', '%s: %s is not a working day (weekend or holiday)',
                                        label, NEW.service_date::text);
        END IF;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM imis_fsm.vehicle v WHERE v.id = NEW.vehicle_id AND v.provider_id = NEW.provider_id) THEN
        PERFORM imis_app.fail_chain('fsm_schedule_vehicle_of_provider', '%s: the vehicle does not belong to the provider',
                                    label);
    END IF;
    -- the day the household answered, unless the writer says otherwise
    IF TG_OP = 'INSERT' THEN
        NEW.status_date := coalesce(NEW.status_date, CASE WHEN NEW.status <> 'planned' THEN current_date END);
    ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status_date IS NOT DISTINCT FROM OLD.status_date THEN
        NEW.status_date := CASE WHEN NEW.status <> 'planned' THEN current_date END;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER b_check_item BEFORE INSERT OR UPDATE ON imis_fsm.schedule_item
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_schedule_item();

CREATE FUNCTION imis_app.schedule_item_status() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    app uuid;
    building uuid;
BEGIN
    IF NEW.status = 'confirmed' AND NEW.application_id IS NULL THEN
        SELECT bc.building_id INTO building FROM imis_core.building_containment bc JOIN imis_core.building b
            ON b.id = bc.building_id WHERE bc.containment_id = NEW.containment_id ORDER BY b.bin LIMIT 1;
        IF building IS NULL THEN
            PERFORM imis_app.fail_chain('fsm_schedule_confirm', 'containment %s serves no building: link it to one before confirming',
                                        (SELECT code FROM imis_core.containment WHERE id = NEW.containment_id));
        END IF;
        INSERT INTO imis_fsm.application (code, provider_id, building_id, containment_id, application_date,
                                          requested_date, is_scheduled)
        SELECT s.code || '/' || c.code, NEW.provider_id, building, NEW.containment_id, current_date,
               greatest(NEW.service_date, current_date), true
        FROM imis_fsm.schedule s, imis_core.containment c WHERE s.id = NEW.schedule_id AND c.id = NEW.containment_id
        ON CONFLICT (code) DO NOTHING
        RETURNING id INTO app;
        IF app IS NULL THEN  -- confirmed before, declined, confirmed again: the same job
            SELECT a.id INTO app FROM imis_fsm.application a, imis_fsm.schedule s, imis_core.containment c
            WHERE s.id = NEW.schedule_id AND c.id = NEW.containment_id AND a.code = s.code || '/' || c.code;
            UPDATE imis_fsm.application SET is_cancelled = false, cancel_reason = NULL WHERE id = app AND is_cancelled;
        END IF;
        UPDATE imis_fsm.schedule_item SET application_id = app WHERE id = NEW.id;
    ELSIF NEW.status = 'declined' AND (TG_OP = 'INSERT' OR OLD.status <> 'declined') THEN
        INSERT INTO imis_fsm.reintegration (containment_id, schedule_item_id, provider_id, declined_date, reason)
        VALUES (NEW.containment_id, NEW.id, NEW.provider_id, coalesce(NEW.status_date, current_date), NEW.decline_reason)
        ON CONFLICT (containment_id) WHERE resolved_date IS NULL DO NOTHING;
        UPDATE imis_fsm.application a SET is_cancelled = true, cancel_reason = 'declined by the household'
        WHERE a.id = NEW.application_id AND a.is_scheduled AND NOT a.is_cancelled
          AND NOT EXISTS (SELECT 1 FROM imis_fsm.emptying e WHERE e.application_id = a.id);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER y_item_status AFTER INSERT OR UPDATE OF status ON imis_fsm.schedule_item
    FOR EACH ROW EXECUTE FUNCTION imis_app.schedule_item_status();

CREATE FUNCTION imis_app.check_reintegration() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM imis_app.check_not_future('fsm_date_not_future', 'declined emptying of containment '
        || (SELECT code FROM imis_core.containment WHERE id = NEW.containment_id) || ': declined_date', NEW.declined_date);
    RETURN NEW;
END
$$;
CREATE TRIGGER b_check_reintegration BEFORE INSERT OR UPDATE ON imis_fsm.reintegration
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_reintegration();

-- ---------------------------------------------------------------------------------------------------
-- Jobs and their state, derived from the records: applied -> assessed -> scheduled -> emptied -> disposed
-- -> closed (feedback given), or cancelled. Each open job has a next action, the time it is due by, and
-- an overdue flag with the reason. security_invoker: every login sees only the jobs its policies allow.
CREATE VIEW imis_app.fsm_job WITH (security_invoker = true) AS
WITH setting AS (SELECT * FROM imis_fsm.fsm_setting LIMIT 1),
city AS (SELECT timezone FROM imis_core.city LIMIT 1),
job AS (
    SELECT a.id, a.code, a.provider_id, p.name AS provider, w.id AS ward_id, w.number AS ward,
           b.bin, c.code AS containment_code, a.customer_name, a.customer_phone,
           a.application_date, a.requested_date, a.is_emergency, a.is_scheduled, a.is_cancelled,
           asm.id AS assessment_id, asm.assessed_date, coalesce(sch.service_date, asm.proposed_date) AS scheduled_date,
           e.id AS emptying_id, e.emptied_date, e.end_time, e.volume_m3 AS emptied_m3, e.trips, e.cost_bdt,
           d.disposed_m3, d.last_disposed, d.confirmed AS disposal_confirmed,
           fb.id AS feedback_id, fb.feedback_date,
           coalesce(e.volume_m3 IS NOT NULL
                    AND coalesce(d.disposed_m3, 0) >= e.volume_m3 * (1 - s.disposal_tolerance_pct / 100), false) AS disposed,
           s.assessment_days, s.response_days, s.emergency_response_days, s.disposal_hours, s.feedback_days,
           coalesce(c.location, ST_PointOnSurface(b.geom)) AS geom
    FROM imis_fsm.application a
    CROSS JOIN setting s
    LEFT JOIN imis_fsm.service_provider p ON p.id = a.provider_id
    LEFT JOIN imis_fsm.assessment asm ON asm.application_id = a.id
    LEFT JOIN imis_fsm.emptying e ON e.application_id = a.id
    LEFT JOIN LATERAL (SELECT sum(volume_m3) AS disposed_m3, max(disposed_date) AS last_disposed,
                              bool_and(confirmed_by IS NOT NULL) AS confirmed
                       FROM imis_fsm.disposal WHERE emptying_id = e.id) d ON true
    LEFT JOIN imis_fsm.feedback fb ON fb.application_id = a.id
    LEFT JOIN LATERAL (SELECT min(si.service_date) AS service_date FROM imis_fsm.schedule_item si
                       WHERE si.application_id = a.id AND si.status = 'confirmed') sch ON true
    LEFT JOIN imis_core.building b ON b.id = a.building_id
    LEFT JOIN imis_core.holding h ON h.id = a.holding_id
    LEFT JOIN imis_core.ward w ON w.id = coalesce(b.ward_id, h.ward_id)
    LEFT JOIN imis_core.containment c ON c.id = imis_app.job_containment(a.containment_id, a.building_id)
),
staged AS (
    SELECT j.*,
           CASE WHEN j.is_cancelled THEN 'cancelled'
                WHEN j.disposed AND j.feedback_id IS NOT NULL THEN 'closed'
                WHEN j.disposed THEN 'disposed'
                WHEN j.emptying_id IS NOT NULL THEN 'emptied'
                WHEN j.scheduled_date IS NOT NULL THEN 'scheduled'
                WHEN j.assessment_id IS NOT NULL THEN 'assessed'
                ELSE 'applied' END AS state,
           j.application_date + CASE WHEN j.is_emergency THEN j.emergency_response_days ELSE j.response_days END
               AS respond_by
    FROM job j
),
due AS (
    SELECT st.*,
           CASE st.state WHEN 'applied' THEN 'assess' WHEN 'assessed' THEN 'schedule' WHEN 'scheduled' THEN 'empty'
                         WHEN 'emptied' THEN 'dispose' WHEN 'disposed' THEN 'feedback' END AS next_action,
           CASE st.state
               WHEN 'applied' THEN ((st.application_date + CASE WHEN st.is_emergency THEN 0 ELSE st.assessment_days END + 1)::timestamp
                                    AT TIME ZONE (SELECT timezone FROM city))
               WHEN 'assessed' THEN ((st.respond_by + 1)::timestamp AT TIME ZONE (SELECT timezone FROM city))
               WHEN 'scheduled' THEN ((st.scheduled_date + 1)::timestamp AT TIME ZONE (SELECT timezone FROM city))
               -- "no disposal 24 h after emptying": from the end of the emptying, else the end of its day
               WHEN 'emptied' THEN coalesce(st.end_time, (st.emptied_date + 1)::timestamp AT TIME ZONE (SELECT timezone FROM city))
                                   + make_interval(hours => st.disposal_hours)
               WHEN 'disposed' THEN ((st.last_disposed + st.feedback_days + 1)::timestamp AT TIME ZONE (SELECT timezone FROM city))
           END AS due_by
    FROM staged st
)
SELECT id, code, state, next_action, due_by,
       coalesce(now() > due_by, false)
           OR (state IN ('applied', 'assessed', 'scheduled') AND current_date > respond_by) AS overdue,
       CASE WHEN now() > due_by THEN
                CASE state WHEN 'applied' THEN 'not assessed in time'
                           WHEN 'assessed' THEN 'not scheduled within the response target'
                           WHEN 'scheduled' THEN 'scheduled date passed without emptying'
                           WHEN 'emptied' THEN format('no disposal %s h after emptying', disposal_hours)
                           WHEN 'disposed' THEN 'no feedback' END
            WHEN state IN ('applied', 'assessed', 'scheduled') AND current_date > respond_by
                THEN 'response target missed'
       END AS overdue_reason,
       CASE WHEN state NOT IN ('closed', 'cancelled') THEN current_date - application_date END AS days_open,
       provider_id, provider, ward_id, ward, bin, containment_code, customer_name, customer_phone,
       application_date, requested_date, is_emergency, is_scheduled, respond_by,
       assessment_id, assessed_date, scheduled_date, emptying_id, emptied_date, emptied_m3, trips, cost_bdt,
       disposed_m3, last_disposed, disposal_confirmed, feedback_id, feedback_date, geom
FROM due;

-- ---------------------------------------------------------------------------------------------------
-- Who may do what with the scheduling tables and these views: database/permissions.toml.
GRANT EXECUTE ON FUNCTION imis_app.working_days(date, date) TO PUBLIC;
