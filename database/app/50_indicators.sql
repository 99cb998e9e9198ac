-- App schema, part 5: the indicator engine (CWIS equity and safety indicators, the JMP sanitation ladder,
-- FSM service KPIs), the excreta-flow shares, yearly snapshots for publication and the dashboard feed.
--
-- Everything is recomputed from the data on every call: correcting a building or an emptying changes the
-- figure. Definitions (names, units, default targets) are the code list imis_code.indicator; numbers such
-- as sludge generation per person are imis_code.indicator_parameter, both overridable per city in
-- imis_core.indicator_setting. docs/indicators.md explains every figure.
--
-- Two named "safe" rules:
--   jmp   JMP / SDG 6.2.1a "safely managed": improved, not shared, excreta contained on site (not emptied, or
--         emptied and delivered to a sludge treatment plant) or carried by sewer/drain to an operational
--         wastewater plant. The ladder (safely managed, basic, limited, unimproved, open defecation) uses it.
--   city  the looser rule cities use today (as Base IMIS): by containment type and outlet only, emptying
--         history ignored (see containment_safe_city).

-- Settings ----------------------------------------------------------------------------------------------

CREATE FUNCTION imis_app.indicator_parameter(key text) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT s.value FROM imis_core.indicator_setting s WHERE s.parameter = key),
                    (SELECT p.default_value FROM imis_code.indicator_parameter p WHERE p.value = key))
$$;

CREATE FUNCTION imis_app.indicator_target(key text) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT s.value FROM imis_core.indicator_setting s WHERE s.indicator = key),
                    (SELECT i.target FROM imis_code.indicator i WHERE i.value = key))
$$;

-- Periods and areas --------------------------------------------------------------------------------------

-- A year, a quarter (1-4) of it or a month (1-12) of it, as inclusive dates.
CREATE FUNCTION imis_app.indicator_period(p_year integer, p_quarter integer DEFAULT NULL, p_month integer DEFAULT NULL,
                                          OUT date_from date, OUT date_to date)
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF p_year IS NULL OR p_year NOT BETWEEN 2000 AND 2100 THEN
        RAISE EXCEPTION 'indicator_period: year % is not between 2000 and 2100', p_year USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_quarter IS NOT NULL AND p_month IS NOT NULL THEN
        RAISE EXCEPTION 'indicator_period: give a quarter or a month, not both' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_quarter IS NOT NULL THEN
        IF p_quarter NOT BETWEEN 1 AND 4 THEN
            RAISE EXCEPTION 'indicator_period: quarter % is not 1-4', p_quarter USING ERRCODE = 'invalid_parameter_value';
        END IF;
        date_from := make_date(p_year, 3 * p_quarter - 2, 1);
        date_to := (date_from + interval '3 months')::date - 1;
    ELSIF p_month IS NOT NULL THEN
        IF p_month NOT BETWEEN 1 AND 12 THEN
            RAISE EXCEPTION 'indicator_period: month % is not 1-12', p_month USING ERRCODE = 'invalid_parameter_value';
        END IF;
        date_from := make_date(p_year, p_month, 1);
        date_to := (date_from + interval '1 month')::date - 1;
    ELSE
        date_from := make_date(p_year, 1, 1);
        date_to := make_date(p_year, 12, 31);
    END IF;
END
$$;

-- The polygon of a named area: 'city' (NULL: no filter), 'ward' (by number) or 'lic' (by code).
CREATE FUNCTION imis_app.indicator_area(p_kind text, p_code text DEFAULT NULL) RETURNS geometry
LANGUAGE plpgsql STABLE AS $$
DECLARE
    g geometry;
BEGIN
    IF p_kind = 'city' THEN
        RETURN NULL;
    ELSIF p_kind = 'ward' THEN
        SELECT w.geom INTO g FROM imis_core.ward w WHERE w.number::text = btrim(p_code);
    ELSIF p_kind = 'lic' THEN
        SELECT l.geom INTO g FROM imis_core.low_income_community l WHERE l.code = btrim(p_code);
    ELSE
        RAISE EXCEPTION 'indicator_area: area kind "%" is not city, ward or lic', p_kind USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF g IS NULL THEN
        RAISE EXCEPTION 'indicator_area: there is no % "%"', p_kind, p_code USING ERRCODE = 'no_data_found';
    END IF;
    RETURN g;
END
$$;

-- A drawn polygon in any CRS -> the city CRS; refuses what is not a valid polygon.
CREATE FUNCTION imis_app.indicator_area_in_city_crs(p_area geometry) RETURNS geometry
LANGUAGE plpgsql STABLE AS $$
DECLARE
    city_srid integer := (SELECT srid FROM imis_core.city LIMIT 1);
BEGIN
    IF p_area IS NULL THEN
        RETURN NULL;
    END IF;
    IF ST_Dimension(p_area) <> 2 OR ST_IsEmpty(p_area) THEN
        RAISE EXCEPTION 'indicator_area_polygon: the area must be a non-empty polygon, not a %', GeometryType(p_area)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT ST_IsValid(p_area) THEN
        RAISE EXCEPTION 'indicator_area_valid: the area polygon is invalid: %', ST_IsValidReason(p_area)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF ST_SRID(p_area) = 0 THEN
        RETURN ST_SetSRID(p_area, city_srid);
    ELSIF ST_SRID(p_area) <> city_srid THEN
        RETURN ST_Transform(p_area, city_srid);
    END IF;
    RETURN p_area;
END
$$;

-- The rules, one small function each (inlined by the planner, so they cost nothing per row) -------------

-- A containment counts on a date when it is in use (not decommissioned or abandoned) and was built by then
-- (or its construction date is unknown). The one definition: the public-health figures use it too.
CREATE FUNCTION imis_app.containment_in_use(in_use boolean, construction_date date, on_date date)
RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT in_use AND (construction_date IS NULL OR construction_date <= on_date)
$$;

-- City rule for one containment: septic tank or lined pit to a soak pit and double pits always; to a drain
-- only if that drain reaches a plant or is closed and lined; to a sewer only if the sewer reaches a plant.
CREATE FUNCTION imis_app.containment_safe_city(container text, outlet text, drain_to_plant boolean,
                                               drain_closed_lined boolean, sewer_to_plant boolean) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN outlet = 'soak_pit' OR container = 'double_pit' THEN true
        WHEN outlet = 'drain' THEN coalesce(drain_to_plant, false) OR coalesce(drain_closed_lined, false)
        WHEN outlet = 'sewer' THEN coalesce(sewer_to_plant, false)
        ELSE false
    END
$$;

-- JMP for one containment: the effluent stays in the ground (soak pit, infiltration, no outlet) or reaches a
-- wastewater plant by sewer/drain, AND the sludge was never emptied or its last emptying was delivered to a
-- sludge treatment plant. emptied_on / delivered_on: the last emptying and the last delivered one (by then).
CREATE FUNCTION imis_app.containment_safe_jmp(outlet text, drain_treated boolean, sewer_treated boolean,
                                              emptied_on date, delivered_on date) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN outlet IN ('soak_pit', 'infiltration', 'none') THEN true
        WHEN outlet = 'drain' THEN coalesce(drain_treated, false)
        WHEN outlet = 'sewer' THEN coalesce(sewer_treated, false)
        ELSE false
    END AND (emptied_on IS NULL OR coalesce(delivered_on >= emptied_on, false))
$$;

-- A building's excreta chain: treated on site (on-site treatment, composting), sewer to a plant, or all of
-- its containments safe. containments = how many in use; all_safe = every one safe under the rule.
CREATE FUNCTION imis_app.system_safe(system text, is_onsite boolean, sewer_ok boolean, containments integer,
                                     all_safe boolean) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN system IN ('onsite_treatment', 'composting_toilet') THEN true
        WHEN system = 'sewer_network' THEN coalesce(sewer_ok, false)
        WHEN coalesce(is_onsite, false) THEN coalesce(containments > 0 AND all_safe, false)
        ELSE false
    END
$$;

-- The JMP ladder rung of a building. A community toilet counts as shared (limited) unless every toilet the
-- building depends on is known to be unimproved.
CREATE FUNCTION imis_app.jmp_rung(system text, jmp_class text, is_shared boolean, chain_safe boolean,
                                  toilets_unimproved boolean) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN system IS NULL THEN 'unknown'
        WHEN system = 'open_defecation' OR jmp_class = 'open_defecation' THEN 'open_defecation'
        WHEN jmp_class = 'unimproved' THEN 'unimproved'
        WHEN system = 'community_toilet' AND coalesce(toilets_unimproved, false) THEN 'unimproved'
        WHEN coalesce(is_shared, false) THEN 'limited'
        WHEN coalesce(chain_safe, false) THEN 'safely_managed'
        ELSE 'basic'
    END
$$;

-- Per building: its sanitation under both rules at the end of a period (p_to), for the buildings of an area
-- (centroid inside; NULL = the whole city) built by that year. Buildings outside the area that house a
-- toilet of the area come too (in_area false), so the toilet's safety can be read from them.
-- One SELECT in SQL, so the planner inlines it into the caller and sees the area and date as constants.
CREATE FUNCTION imis_app.building_sanitation(p_area geometry, p_to date)
RETURNS TABLE (building_id uuid, in_area boolean, population integer, female_population integer, is_lic boolean,
               functional_use text, sanitation_system text, is_private boolean, chain_city boolean,
               chain_jmp boolean, safe_city boolean, jmp_rung text, containments integer,
               onsite_containments uuid[], onsite_last_emptied date[])
LANGUAGE sql STABLE AS $$
WITH plant AS (
    SELECT p.id, t.treats_wastewater AND s.is_operational
                 AND (p.commissioned_date IS NULL OR p.commissioned_date <= p_to) AS treats_now
    FROM imis_core.treatment_plant p
    JOIN imis_code.treatment_plant_type t ON t.value = p.plant_type
    JOIN imis_code.operational_status s ON s.value = p.status
), b AS MATERIALIZED (
    SELECT b.id, true AS in_area, b.population, b.female_population, b.lic_id IS NOT NULL AS is_lic,
           b.functional_use, b.sanitation_system, b.drain_id, b.sewer_id
    FROM imis_core.building b
    WHERE (b.construction_year IS NULL OR b.construction_year <= extract(year FROM p_to))
      AND (p_area IS NULL OR (b.geom && p_area AND ST_Intersects(p_area, ST_Centroid(b.geom))))
    UNION ALL
    SELECT DISTINCT b.id, false, b.population, b.female_population, b.lic_id IS NOT NULL, b.functional_use,
           b.sanitation_system, b.drain_id, b.sewer_id
    FROM imis_core.toilet t JOIN imis_core.building b ON b.id = t.building_id
    WHERE p_area IS NOT NULL AND t.geom && p_area AND ST_Intersects(p_area, t.geom)
      AND NOT (b.geom && p_area AND ST_Intersects(p_area, ST_Centroid(b.geom)))
      AND (b.construction_year IS NULL OR b.construction_year <= extract(year FROM p_to))  -- as the city's
), links AS MATERIALIZED (
    -- building-containment links: all of them for the city, else those of the area's buildings (two
    -- branches, so that each is planned on its own: a scan, or index lookups)
    SELECT bc.building_id, bc.containment_id FROM imis_core.building_containment bc WHERE p_area IS NULL
    UNION ALL
    SELECT bc.building_id, bc.containment_id
    FROM b JOIN imis_core.building_containment bc ON bc.building_id = b.id
    WHERE p_area IS NOT NULL
), jobs AS (
    -- emptyings by the end of the period of these containments; a job names its containment, else it
    -- empties the only containment of its building (as imis_app.job_containment in 40_fsm.sql)
    SELECT l.containment_id, e.id, e.emptied_date
    FROM links l
    JOIN imis_fsm.application a ON a.containment_id = l.containment_id
    JOIN imis_fsm.emptying e ON e.application_id = a.id
    WHERE e.emptied_date <= p_to
    UNION ALL
    -- (through every building of the containment, also those outside the area: an area judges a shared
    -- containment as the city does)
    SELECT l.containment_id, e.id, e.emptied_date
    FROM links l
    JOIN imis_core.building_containment lb ON lb.containment_id = l.containment_id
    JOIN imis_fsm.application a ON a.building_id = lb.building_id AND a.containment_id IS NULL
    JOIN imis_fsm.emptying e ON e.application_id = a.id
    WHERE e.emptied_date <= p_to
      AND NOT EXISTS (SELECT 1 FROM imis_core.building_containment o
                      WHERE o.building_id = lb.building_id AND o.containment_id <> l.containment_id)
), delivered AS (
    -- emptyings whose sludge reached a sludge treatment plant by the end of the period
    SELECT DISTINCT d.emptying_id
    FROM imis_fsm.disposal d
    JOIN imis_core.treatment_plant p ON p.id = d.plant_id
    JOIN imis_code.treatment_plant_type t ON t.value = p.plant_type
    WHERE t.treats_sludge AND d.disposed_date <= p_to
), last_emptying AS (
    -- the last emptying, and the last one that was delivered
    SELECT j.containment_id, max(j.emptied_date) AS emptied_on,
           max(j.emptied_date) FILTER (WHERE dl.emptying_id IS NOT NULL) AS delivered_on
    FROM jobs j LEFT JOIN delivered dl ON dl.emptying_id = j.id
    GROUP BY j.containment_id
), per_building AS (
    -- every containment in use of a building, judged as if its drain and sewer reached working plants; the
    -- building's own drain and sewer are checked below, where they are known (this keeps the large join
    -- free of the building table for the whole city)
    SELECT l.building_id, count(*)::integer AS n,
           bool_and(imis_app.containment_safe_city(ct.container, ct.outlet, true, true, true)) AS city_if_networks_ok,
           bool_and(imis_app.containment_safe_jmp(ct.outlet, true, true,
                    greatest(le.emptied_on, CASE WHEN c.last_emptied_date <= p_to THEN c.last_emptied_date END),
                    le.delivered_on)) AS jmp_if_networks_ok,
           bool_or(ct.outlet = 'drain') AS uses_drain, bool_or(ct.outlet = 'sewer') AS uses_sewer,
           -- the on-site ones and their recorded last emptying (aligned arrays), for counts per containment
           array_agg(c.id) FILTER (WHERE coalesce(ct.is_onsite, true)) AS onsite_ids,
           array_agg(c.last_emptied_date) FILTER (WHERE coalesce(ct.is_onsite, true)) AS onsite_noted
    FROM links l
    JOIN imis_core.containment c ON c.id = l.containment_id
    LEFT JOIN imis_code.containment_type ct ON ct.value = c.containment_type
    LEFT JOIN last_emptying le ON le.containment_id = c.id
    WHERE imis_app.containment_in_use(c.in_use, c.construction_date, p_to)
    GROUP BY l.building_id
), toilet_links AS (
    SELECT bt.building_id, bool_and(coalesce(jf.jmp_class IN ('unimproved', 'open_defecation'), false)) AS unimproved
    FROM imis_core.building_toilet bt
    JOIN imis_core.toilet t ON t.id = bt.toilet_id
    LEFT JOIN imis_code.sanitation_system ts ON ts.value = t.sanitation_system
    LEFT JOIN imis_code.jmp_facility jf ON jf.value = ts.jmp_code
    GROUP BY bt.building_id
)
SELECT b.id, b.in_area, b.population, b.female_population, b.is_lic, b.functional_use, b.sanitation_system,
       x.is_private, x.chain_city, x.chain_jmp, x.is_private AND x.chain_city,
       imis_app.jmp_rung(b.sanitation_system, jf.jmp_class, ss.is_shared, x.chain_jmp, tl.unimproved),
       coalesce(pb.n, 0), pb.onsite_ids, pb.onsite_noted
FROM b
LEFT JOIN imis_code.sanitation_system ss ON ss.value = b.sanitation_system
LEFT JOIN imis_code.jmp_facility jf ON jf.value = ss.jmp_code
LEFT JOIN per_building pb ON pb.building_id = b.id
LEFT JOIN imis_core.drain d ON d.id = b.drain_id
LEFT JOIN plant dp ON dp.id = d.outlet_plant_id
LEFT JOIN imis_core.sewer s ON s.id = b.sewer_id
LEFT JOIN plant sp ON sp.id = s.plant_id
LEFT JOIN toilet_links tl ON tl.building_id = b.id
CROSS JOIN LATERAL (
    -- every containment safe = safe as if the networks worked, and the networks it uses do work
    SELECT pb.city_if_networks_ok
           AND (NOT pb.uses_drain OR imis_app.containment_safe_city(NULL, 'drain', d.outlet_plant_id IS NOT NULL,
                                                                    d.cover = 'closed' AND d.lining = 'lined', NULL))
           AND (NOT pb.uses_sewer OR imis_app.containment_safe_city(NULL, 'sewer', NULL, NULL, s.plant_id IS NOT NULL))
               AS containments_city,
           pb.jmp_if_networks_ok
           AND (NOT pb.uses_drain OR imis_app.containment_safe_jmp('drain', coalesce(dp.treats_now, false), NULL, NULL, NULL))
           AND (NOT pb.uses_sewer OR imis_app.containment_safe_jmp('sewer', NULL, coalesce(sp.treats_now, false), NULL, NULL))
               AS containments_jmp
) k
CROSS JOIN LATERAL (
    SELECT coalesce(NOT ss.is_shared AND ss.value <> 'open_defecation', false) AS is_private,
           imis_app.system_safe(b.sanitation_system, ss.is_onsite, s.plant_id IS NOT NULL, pb.n, k.containments_city) AS chain_city,
           imis_app.system_safe(b.sanitation_system, ss.is_onsite, coalesce(sp.treats_now, false), pb.n, k.containments_jmp) AS chain_jmp
) x
$$;

-- The indicators -------------------------------------------------------------------------------------------

-- Every indicator for each of several areas (geometries in any CRS; a NULL element is the whole city) and a
-- period (inclusive dates), under the given rules; p_provider narrows the FSM figures (applications,
-- emptyings, feedback) to one service provider. Each row: the area (its position in p_areas), numerator,
-- denominator, value, unit, the rule used (NULL when the figure needs none), the target and whether it is
-- met, and the reason when the value is NULL.
-- One area is computed from its own buildings (index lookups: a ward costs a fraction of the city); several
-- in one pass over the city, every building counted in each area that holds its centroid (the yearly
-- snapshot: one pass, not one per area). Both go through the one query below: each aggregate is grouped by
-- area over "areas LEFT JOIN rows" (count(key), not count(*)), so an area with no rows gets the figures an
-- area of its own would.
CREATE FUNCTION imis_app.indicators_by_area(p_from date, p_to date, p_areas geometry[],
                                            p_rules text[] DEFAULT ARRAY['jmp', 'city'],
                                            p_provider uuid DEFAULT NULL)
RETURNS TABLE (area integer, indicator text, code text, name text, name_bn text, indicator_group text,
               outcome text, rule text, numerator numeric, denominator numeric, value numeric, unit text,
               target numeric, meets_target boolean, reason text, sort integer)
-- JIT compiling costs seconds here (the row estimates through the CTEs are far too high) and saves nothing;
-- nor do merge joins, for which the planner sorts whole CTEs that hashing joins faster (10 % of the city's
-- time); a little more memory keeps the per-building aggregates off the disk.
LANGUAGE plpgsql STABLE SET jit = off SET enable_mergejoin = off SET work_mem = '64MB' AS $fn$
DECLARE
    shapes geometry[] := ARRAY(SELECT imis_app.indicator_area_in_city_crs(u.g)
                               FROM unnest(p_areas) WITH ORDINALITY u(g, n) ORDER BY u.n);
    one_area boolean := cardinality(p_areas) = 1;
    bad text[];
BEGIN
    IF p_from IS NULL OR p_to IS NULL OR p_from > p_to THEN
        RAISE EXCEPTION 'indicator_period: the period % to % is not a range of dates', p_from, p_to
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    bad := ARRAY(SELECT r FROM unnest(p_rules) r WHERE r IS NULL OR r NOT IN ('jmp', 'city'));
    IF cardinality(p_rules) = 0 OR cardinality(bad) > 0 THEN
        RAISE EXCEPTION 'indicator_rule: rules % are not jmp or city', coalesce(array_to_string(bad, ', ', 'NULL'), '(none)')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF coalesce(cardinality(p_areas), 0) = 0 THEN
        RAISE EXCEPTION 'indicator_area: no area given (a NULL element is the whole city)'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- EXECUTE plans with the actual values: for one area its filter is dropped for the city and uses the
    -- spatial index otherwise, and the branches of the other case fall away.
    -- $3: the one area (NULL: the city, or several areas); $6: every area; $15: one area?
    RETURN QUERY EXECUTE $q$
WITH areas AS (
    SELECT u.n::integer AS area, u.geom, u.geom IS NULL AS whole
    FROM unnest($6::geometry[]) WITH ORDINALITY u(geom, n)
), sb AS MATERIALIZED (
    -- each building's sanitation, once: one area's buildings (and the hosts of its toilets), or the city's
    SELECT * FROM imis_app.building_sanitation($3, $2)
), bs_several AS MATERIALIZED (
    -- several areas: every building of the city pass in each area holding its centroid (computed only then)
    SELECT w.area, s.* FROM sb s CROSS JOIN unnest(ARRAY(SELECT ar.area FROM areas ar WHERE ar.whole)) w(area)
    WHERE s.in_area
    UNION ALL
    SELECT ar.area, s.*
    FROM areas ar
    JOIN imis_core.building b ON b.geom && ar.geom AND ST_Intersects(ar.geom, ST_Centroid(b.geom))
    JOIN sb s ON s.building_id = b.id
), bs AS NOT MATERIALIZED (
    -- the buildings of each area (built by the end of the period, centroid inside) with their sanitation
    SELECT 1 AS area, s.* FROM sb s WHERE $15 AND s.in_area
    UNION ALL
    SELECT * FROM bs_several WHERE NOT $15
), h AS (
    SELECT ar.area, coalesce(sum(population), 0) AS pop,
           coalesce(sum(population) FILTER (WHERE safe_city), 0) AS safe_city,
           coalesce(sum(population) FILTER (WHERE jmp_rung = 'safely_managed'), 0) AS safe_jmp,
           coalesce(sum(population) FILTER (WHERE is_lic), 0) AS lic_pop,
           coalesce(sum(population) FILTER (WHERE is_lic AND safe_city), 0) AS lic_safe_city,
           coalesce(sum(population) FILTER (WHERE is_lic AND jmp_rung = 'safely_managed'), 0) AS lic_safe_jmp,
           coalesce(sum(population) FILTER (WHERE jmp_rung = 'basic'), 0) AS basic,
           coalesce(sum(population) FILTER (WHERE jmp_rung = 'limited'), 0) AS limited,
           coalesce(sum(population) FILTER (WHERE jmp_rung = 'unimproved'), 0) AS unimproved,
           coalesce(sum(population) FILTER (WHERE jmp_rung = 'open_defecation'), 0) AS open_def,
           coalesce(sum(population) FILTER (WHERE jmp_rung = 'unknown'), 0) AS unknown,
           coalesce(sum(population) FILTER (WHERE sanitation_system = 'sewer_network'), 0) AS sewered,
           coalesce(sum(population) FILTER (WHERE sanitation_system IS DISTINCT FROM 'sewer_network'), 0) AS non_sewered,
           count(*) FILTER (WHERE functional_use = 'educational') AS edu,
           count(*) FILTER (WHERE functional_use = 'educational' AND chain_city) AS edu_city,
           count(*) FILTER (WHERE functional_use = 'educational' AND chain_jmp) AS edu_jmp,
           count(*) FILTER (WHERE functional_use = 'health') AS health,
           count(*) FILTER (WHERE functional_use = 'health' AND chain_city) AS health_city,
           count(*) FILTER (WHERE functional_use = 'health' AND chain_jmp) AS health_jmp
    FROM areas ar LEFT JOIN bs s ON s.area = ar.area
    GROUP BY ar.area
), ct AS (
    -- on-site containments in use that serve buildings of the area (shared ones once)
    SELECT s.area, u.id, bool_or(s.is_lic) AS is_lic,
           coalesce(bool_or(u.noted BETWEEN $1 AND $2), false) AS emptied_noted
    FROM bs s CROSS JOIN LATERAL unnest(s.onsite_containments, s.onsite_last_emptied) u(id, noted)
    GROUP BY s.area, u.id
), emptied AS (
    SELECT DISTINCT coalesce(a.containment_id, jc.id) AS id
    FROM imis_fsm.emptying e JOIN imis_fsm.application a ON a.id = e.application_id
    LEFT JOIN LATERAL (SELECT min(bc.containment_id::text)::uuid AS id FROM imis_core.building_containment bc
                       WHERE a.containment_id IS NULL AND bc.building_id = a.building_id HAVING count(*) = 1) jc ON true
    WHERE e.emptied_date BETWEEN $1 AND $2
), c1 AS (
    SELECT ar.area, count(ct.id) AS n,
           count(*) FILTER (WHERE ct.emptied_noted OR em.id IS NOT NULL) AS emptied,
           count(*) FILTER (WHERE ct.is_lic) AS lic_n,
           count(*) FILTER (WHERE ct.is_lic AND (ct.emptied_noted OR em.id IS NOT NULL)) AS lic_emptied
    FROM areas ar LEFT JOIN ct ON ct.area = ar.area LEFT JOIN emptied em ON em.id = ct.id
    GROUP BY ar.area
), period_jobs AS (
    -- the applications the period's figures read: applied, emptied or given feedback in it
    SELECT a.id, a.building_id, a.containment_id FROM imis_fsm.application a
    WHERE a.id IN (SELECT x.id FROM imis_fsm.application x WHERE x.application_date BETWEEN $1 AND $2
                   UNION
                   SELECT e.application_id FROM imis_fsm.emptying e WHERE e.emptied_date BETWEEN $1 AND $2
                   UNION
                   SELECT f.application_id FROM imis_fsm.feedback f WHERE f.feedback_date BETWEEN $1 AND $2)
), job_area AS (
    -- the areas an FSM job counts in: that of its building (built, centroid inside), else of its containment;
    -- the whole city takes every job. LIC: its building's, else its containment's.
    SELECT j.id, j.area, coalesce(bool_or(j.building_lic), bool_or(j.containment_lic), false) AS is_lic
    FROM (SELECT a.id, ar.area, NULL::boolean AS building_lic, NULL::boolean AS containment_lic
          FROM period_jobs a, areas ar WHERE ar.whole
          UNION ALL
          SELECT a.id, m.area, m.is_lic, NULL FROM period_jobs a JOIN bs m ON m.building_id = a.building_id
          UNION ALL
          SELECT a.id, c.area, NULL, c.is_lic FROM period_jobs a JOIN ct c ON c.id = a.containment_id) j
    GROUP BY j.id, j.area
), pe AS (
    -- emptyings of the period
    SELECT ja.area, x.volume_m3, x.mechanical, ja.is_lic, x.disposed
    FROM (SELECT e.application_id, e.volume_m3, coalesce(m.is_mechanical, false) AS mechanical,
                 dv.volume AS disposed
          FROM imis_fsm.emptying e
          JOIN imis_fsm.application a ON a.id = e.application_id
          LEFT JOIN imis_code.emptying_method m ON m.value = e.method
          LEFT JOIN LATERAL (SELECT sum(d.volume_m3) AS volume FROM imis_fsm.disposal d
                             WHERE d.emptying_id = e.id) dv ON true
          WHERE e.emptied_date BETWEEN $1 AND $2 AND ($5::uuid IS NULL OR a.provider_id = $5)) x
    JOIN job_area ja ON ja.id = x.application_id
), e1 AS (
    SELECT ar.area, count(pe.area) AS n, coalesce(sum(volume_m3), 0) AS volume,
           coalesce(sum(disposed), 0) AS disposed,
           count(*) FILTER (WHERE disposed IS NOT NULL) AS with_disposal,
           count(*) FILTER (WHERE mechanical) AS mechanical,
           coalesce(sum(volume_m3) FILTER (WHERE is_lic), 0) AS lic_volume,
           coalesce(sum(disposed) FILTER (WHERE is_lic), 0) AS lic_disposed
    FROM areas ar LEFT JOIN pe ON pe.area = ar.area
    GROUP BY ar.area
), ap AS (
    -- applications of the period
    SELECT ja.area, a.application_date, e.emptied_date, ja.is_lic
    FROM imis_fsm.application a
    JOIN job_area ja ON ja.id = a.id
    LEFT JOIN imis_fsm.emptying e ON e.application_id = a.id
    WHERE NOT a.is_cancelled AND a.application_date BETWEEN $1 AND $2
      AND ($5::uuid IS NULL OR a.provider_id = $5)
), a1 AS (
    SELECT ar.area, count(ap.area) AS n, count(emptied_date) AS emptied,
           sum(emptied_date - application_date) AS days, count(*) FILTER (WHERE is_lic) AS lic
    FROM areas ar LEFT JOIN ap ON ap.area = ar.area
    GROUP BY ar.area
), fb AS (
    -- feedback of the period
    SELECT ja.area, f.satisfaction, f.crew_wore_ppe
    FROM imis_fsm.feedback f
    JOIN imis_fsm.application a ON a.id = f.application_id
    JOIN job_area ja ON ja.id = a.id
    WHERE f.feedback_date BETWEEN $1 AND $2 AND NOT a.is_cancelled
      AND ($5::uuid IS NULL OR a.provider_id = $5)
), f1 AS (
    SELECT ar.area, sum(fb.satisfaction) AS score, count(fb.satisfaction) AS rated,
           count(*) FILTER (WHERE fb.crew_wore_ppe) AS ppe_yes, count(fb.crew_wore_ppe) AS ppe_answered
    FROM areas ar LEFT JOIN fb ON fb.area = ar.area
    GROUP BY ar.area
), pl AS (
    SELECT coalesce(sum(p.capacity_m3_per_day) FILTER (WHERE t.treats_sludge), 0) AS sludge_capacity,
           coalesce(sum(p.capacity_m3_per_day) FILTER (WHERE p.plant_type = 'fstp'), 0) AS fstp_capacity,
           coalesce(sum(p.capacity_m3_per_day) FILTER (WHERE t.treats_wastewater), 0) AS ww_capacity
    FROM imis_core.treatment_plant p
    JOIN imis_code.treatment_plant_type t ON t.value = p.plant_type
    JOIN imis_code.operational_status s ON s.value = p.status
    WHERE s.is_operational AND (p.commissioned_date IS NULL OR p.commissioned_date <= $2)
), tests AS (
    -- plant tests of the period, by the plant's location
    SELECT ar.area, t.bod_mg_l, t.tss_mg_l, t.ecoli_cfu_100ml
    FROM imis_fsm.plant_test t JOIN imis_core.treatment_plant p ON p.id = t.plant_id
    JOIN areas ar ON ar.whole OR (p.geom && ar.geom AND ST_Intersects(ar.geom, p.geom))
    WHERE t.sample_date BETWEEN $1 AND $2
), pt AS (
    SELECT ar.area, count(x.area) AS n,
           count(*) FILTER (WHERE x.bod_mg_l <= $11 AND x.tss_mg_l <= $12 AND x.ecoli_cfu_100ml <= $13) AS ok
    FROM areas ar LEFT JOIN tests x ON x.area = ar.area
    GROUP BY ar.area
), toilet_area AS (
    -- toilets by their point: every one in the whole city, else by the spatial index in each area
    SELECT ar.area, t.id FROM areas ar CROSS JOIN imis_core.toilet t WHERE ar.whole
    UNION ALL
    SELECT ar.area, t.id
    FROM areas ar JOIN imis_core.toilet t ON t.geom && ar.geom AND ST_Intersects(ar.geom, t.geom)
), tl AS (
    SELECT ta.area, t.kind, coalesce(t.universal_design, false) AS universal,
           coalesce(t.female_users, 0) AS women, coalesce(t.female_users, 0) + coalesce(t.male_users, 0) AS users,
           t.sanitation_system IN ('onsite_treatment', 'composting_toilet') OR coalesce(hb.chain_city, false) AS safe_city,
           t.sanitation_system IN ('onsite_treatment', 'composting_toilet') OR coalesce(hb.chain_jmp, false) AS safe_jmp
    FROM toilet_area ta
    JOIN imis_core.toilet t ON t.id = ta.id
    JOIN imis_code.operational_status s ON s.value = t.status
    LEFT JOIN sb hb ON hb.building_id = t.building_id
    WHERE s.is_operational AND t.kind IN ('community', 'public')
), t1 AS (
    SELECT ar.area,
           coalesce(sum(users) FILTER (WHERE kind = 'community'), 0) AS ct_users,
           coalesce(sum(users) FILTER (WHERE kind = 'community' AND safe_city), 0) AS ct_users_city,
           coalesce(sum(users) FILTER (WHERE kind = 'community' AND safe_jmp), 0) AS ct_users_jmp,
           coalesce(sum(women) FILTER (WHERE kind = 'community'), 0) AS ct_women,
           count(*) FILTER (WHERE kind = 'community') AS ct_n,
           count(*) FILTER (WHERE kind = 'community' AND universal) AS ct_universal,
           count(*) FILTER (WHERE kind = 'public') AS pt_n,
           count(*) FILTER (WHERE kind = 'public' AND safe_city) AS pt_city,
           count(*) FILTER (WHERE kind = 'public' AND safe_jmp) AS pt_jmp,
           count(*) FILTER (WHERE kind = 'public' AND universal) AS pt_universal
    FROM areas ar LEFT JOIN tl ON tl.area = ar.area
    GROUP BY ar.area
), walks AS (
    -- few links: fetch each footprint by its key rather than scanning all buildings
    SELECT m.area, ST_Distance(g.geom, t.geom) AS metres
    FROM imis_core.building_toilet bt
    JOIN imis_core.toilet t ON t.id = bt.toilet_id AND t.kind = 'community'
    JOIN bs m ON m.building_id = bt.building_id
    CROSS JOIN LATERAL (SELECT b.geom FROM imis_core.building b WHERE b.id = bt.building_id) g
), dist AS (
    SELECT ar.area, sum(w.metres)::numeric AS metres, count(w.area) AS n
    FROM areas ar LEFT JOIN walks w ON w.area = ar.area
    GROUP BY ar.area
), samples AS (
    -- water samples of the period at their own location, else at their water point's (by the spatial indexes)
    SELECT ar.area, s.faecal_coliform_cfu_100ml AS coliform
    FROM areas ar CROSS JOIN imis_core.water_sample s
    WHERE ar.whole AND s.sample_date BETWEEN $1 AND $2
    UNION ALL
    SELECT ar.area, s.faecal_coliform_cfu_100ml
    FROM areas ar
    JOIN imis_core.water_sample s ON s.location && ar.geom AND ST_Intersects(ar.geom, s.location)
    WHERE s.sample_date BETWEEN $1 AND $2
    UNION ALL
    SELECT ar.area, s.faecal_coliform_cfu_100ml
    FROM areas ar
    JOIN imis_core.water_point w ON w.geom && ar.geom AND ST_Intersects(ar.geom, w.geom)
    JOIN imis_core.water_sample s ON s.water_point_id = w.id AND s.location IS NULL
    WHERE s.sample_date BETWEEN $1 AND $2
), ws AS (
    SELECT ar.area, count(x.area) AS n, count(*) FILTER (WHERE x.coliform <= $14) AS free
    FROM areas ar LEFT JOIN samples x ON x.area = ar.area
    GROUP BY ar.area
), figures (area, indicator, rule, num, den, why) AS (
    -- rule-free figures
    SELECT ar.area, v.*
    FROM areas ar JOIN h USING (area) JOIN c1 USING (area) JOIN e1 USING (area) JOIN a1 USING (area)
         JOIN f1 USING (area) JOIN pt USING (area) JOIN t1 USING (area) JOIN dist USING (area)
         JOIN ws USING (area) CROSS JOIN pl, LATERAL (VALUES
        ('sf_1b', NULL::text, c1.emptied::numeric, c1.n::numeric, 'no on-site containments in use in the area'),
        ('sf_1c', NULL, e1.disposed, e1.volume, 'no emptyings in the period'),
        ('sf_1d', NULL, CASE WHEN ar.whole THEN pl.sludge_capacity * $7 END,
                        CASE WHEN ar.whole THEN round(h.non_sewered * $8 * $7 / 365.0, 3) END,
                        CASE WHEN ar.whole THEN 'no non-sewered population'
                             ELSE 'treatment capacity serves the whole city: computed for the city only' END),
        ('sf_1e', NULL, CASE WHEN ar.whole THEN pl.fstp_capacity * $7 END,
                        CASE WHEN ar.whole THEN e1.volume END,
                        CASE WHEN ar.whole THEN 'no sludge emptied in the period'
                             ELSE 'treatment capacity serves the whole city: computed for the city only' END),
        ('sf_1f', NULL, CASE WHEN ar.whole THEN pl.ww_capacity * $7 END,
                        CASE WHEN ar.whole THEN round(h.sewered * $9 / 1000.0 * $10 * $7, 3) END,
                        CASE WHEN ar.whole THEN 'no population on the sewer network'
                             ELSE 'treatment capacity serves the whole city: computed for the city only' END),
        ('sf_1g', NULL, pt.ok::numeric, pt.n::numeric, 'no treatment plant tests in the period'),
        ('sf_2b', NULL, c1.lic_emptied::numeric, c1.lic_n::numeric, 'no on-site containments in use in low-income communities of the area'),
        ('sf_2c', NULL, e1.lic_disposed, e1.lic_volume, 'no emptyings in low-income communities in the period'),
        ('sf_7', NULL, e1.mechanical::numeric, e1.n::numeric, 'no emptyings in the period'),
        ('sf_3b', NULL, t1.ct_universal::numeric, t1.ct_n::numeric, 'no operational community toilets in the area'),
        ('sf_3c', NULL, t1.ct_women::numeric, t1.ct_users::numeric, 'no community toilet users recorded'),
        ('sf_3e', NULL, round(dist.metres, 2), dist.n::numeric, 'no building depends on a community toilet'),
        ('sf_4b', NULL, t1.pt_universal::numeric, t1.pt_n::numeric, 'no operational public toilets in the area'),
        ('sf_9', NULL, ws.free::numeric, ws.n::numeric, 'no water samples in the period'),
        ('jmp_sm', 'jmp', h.safe_jmp, h.pop - h.unknown, 'no population with a known sanitation system'),
        ('jmp_b', 'jmp', h.basic, h.pop - h.unknown, 'no population with a known sanitation system'),
        ('jmp_l', 'jmp', h.limited, h.pop - h.unknown, 'no population with a known sanitation system'),
        ('jmp_u', 'jmp', h.unimproved, h.pop - h.unknown, 'no population with a known sanitation system'),
        ('jmp_od', 'jmp', h.open_def, h.pop - h.unknown, 'no population with a known sanitation system'),
        ('jmp_na', 'jmp', h.unknown, h.pop, 'no population recorded in the area'),
        ('fsm_app', NULL, a1.n::numeric, NULL, NULL),
        ('fsm_re', NULL, a1.emptied::numeric, a1.n::numeric, 'no applications in the period'),
        ('fsm_rt', NULL, a1.days::numeric, a1.emptied::numeric, 'no application of the period was emptied'),
        ('fsm_sd', NULL, e1.with_disposal::numeric, e1.n::numeric, 'no emptyings in the period'),
        ('fsm_sv', NULL, e1.disposed, e1.volume, 'no emptyings in the period'),
        ('fsm_cs', NULL, f1.score::numeric, f1.rated::numeric, 'no rated feedback in the period'),
        ('fsm_ppe', NULL, f1.ppe_yes::numeric, f1.ppe_answered::numeric, 'no feedback on protective equipment in the period'),
        ('fsm_inc', NULL, a1.lic::numeric, a1.n::numeric, 'no applications in the period'),
        ('fsm_scr', NULL, e1.volume, round(h.non_sewered * $8 * $7 / 365.0, 3), 'no non-sewered population')
    ) v
    UNION ALL
    -- figures computed under each requested rule
    SELECT ar.area, v.*
    FROM areas ar JOIN h USING (area) JOIN t1 USING (area), unnest($4::text[]) r(rule), LATERAL (VALUES
        ('eq_1', r.rule,
         CASE WHEN h.lic_pop > 0 THEN round(100.0 * CASE r.rule WHEN 'jmp' THEN h.lic_safe_jmp ELSE h.lic_safe_city END / h.lic_pop, 4) END,
         CASE WHEN h.pop > 0 THEN round(100.0 * CASE r.rule WHEN 'jmp' THEN h.safe_jmp ELSE h.safe_city END / h.pop, 4) END,
         CASE WHEN h.pop = 0 THEN 'no population recorded in the area'
              WHEN h.lic_pop = 0 THEN 'no low-income community population in the area'
              ELSE 'nobody in the area has a safe private toilet under this rule' END),
        ('sf_1a', r.rule, CASE r.rule WHEN 'jmp' THEN h.safe_jmp ELSE h.safe_city END, h.pop,
         'no population recorded in the area'),
        ('sf_2a', r.rule, CASE r.rule WHEN 'jmp' THEN h.lic_safe_jmp ELSE h.lic_safe_city END, h.lic_pop,
         'no low-income community population in the area'),
        ('sf_3', r.rule, CASE r.rule WHEN 'jmp' THEN t1.ct_users_jmp ELSE t1.ct_users_city END, t1.ct_users,
         'no community toilet users recorded'),
        ('sf_4a', r.rule, (CASE r.rule WHEN 'jmp' THEN t1.pt_jmp ELSE t1.pt_city END)::numeric, t1.pt_n::numeric,
         'no operational public toilets in the area'),
        ('sf_5', r.rule, (CASE r.rule WHEN 'jmp' THEN h.edu_jmp ELSE h.edu_city END)::numeric, h.edu::numeric,
         'no educational buildings in the area'),
        ('sf_6', r.rule, (CASE r.rule WHEN 'jmp' THEN h.health_jmp ELSE h.health_city END)::numeric, h.health::numeric,
         'no health buildings in the area')
    ) v
    WHERE r.rule IS NOT NULL
)
SELECT f.area, i.value, i.code, i.label_en, i.label_bn, i.indicator_group, i.outcome, f.rule, f.num, f.den,
       x.value, i.unit, imis_app.indicator_target(i.value),
       CASE WHEN x.value IS NULL OR imis_app.indicator_target(i.value) IS NULL THEN NULL
            WHEN i.higher_is_better THEN x.value >= imis_app.indicator_target(i.value)
            ELSE x.value <= imis_app.indicator_target(i.value) END,
       CASE WHEN x.value IS NULL THEN coalesce(f.why, 'no data') END,
       i.sort
FROM figures f
JOIN imis_code.indicator i ON i.value = f.indicator
CROSS JOIN LATERAL (SELECT CASE
        WHEN i.unit = 'count' THEN f.num
        WHEN f.num IS NULL OR f.den IS NULL OR f.den = 0 THEN NULL
        ELSE round(f.num * CASE WHEN i.unit = '%' THEN 100 ELSE 1 END / f.den,
                   CASE WHEN i.unit IN ('ratio', 'score') THEN 3 ELSE 2 END)
    END AS value) x
ORDER BY f.area, i.sort, f.rule
$q$
    USING p_from, p_to, CASE WHEN one_area THEN shapes[1] END, p_rules, p_provider, shapes,
          (p_to - p_from + 1),
          imis_app.indicator_parameter('sludge_m3_per_person_year'),
          imis_app.indicator_parameter('water_use_l_per_person_day'),
          imis_app.indicator_parameter('wastewater_fraction'),
          imis_app.indicator_parameter('bod_limit_mg_l'),
          imis_app.indicator_parameter('tss_limit_mg_l'),
          imis_app.indicator_parameter('ecoli_limit_cfu_100ml'),
          imis_app.indicator_parameter('water_fc_limit_cfu_100ml'),
          one_area;
END
$fn$;

-- Every indicator for one area (NULL = the whole city; any polygon, any CRS): the rows above without the
-- area column.
CREATE FUNCTION imis_app.indicators(p_from date, p_to date, p_area geometry DEFAULT NULL,
                                    p_rules text[] DEFAULT ARRAY['jmp', 'city'], p_provider uuid DEFAULT NULL)
RETURNS TABLE (indicator text, code text, name text, name_bn text, indicator_group text, outcome text,
               rule text, numerator numeric, denominator numeric, value numeric, unit text, target numeric,
               meets_target boolean, reason text, sort integer)
LANGUAGE sql STABLE AS $$
    SELECT i.indicator, i.code, i.name, i.name_bn, i.indicator_group, i.outcome, i.rule, i.numerator,
           i.denominator, i.value, i.unit, i.target, i.meets_target, i.reason, i.sort
    FROM imis_app.indicators_by_area(p_from, p_to, ARRAY[p_area], p_rules, p_provider) i
    ORDER BY i.sort, i.rule
$$;

-- The same for a named area and a calendar period: ('city'|'ward'|'lic', code, year [, quarter | , month]).
CREATE FUNCTION imis_app.indicators_for(p_area_kind text, p_area_code text, p_year integer,
                                        p_quarter integer DEFAULT NULL, p_month integer DEFAULT NULL,
                                        p_rules text[] DEFAULT ARRAY['jmp', 'city'])
RETURNS TABLE (indicator text, code text, name text, name_bn text, indicator_group text, outcome text, rule text,
               numerator numeric, denominator numeric, value numeric, unit text, target numeric,
               meets_target boolean, reason text, sort integer)
LANGUAGE sql STABLE AS $$
    SELECT i.* FROM imis_app.indicator_period(p_year, p_quarter, p_month) p,
                    imis_app.indicators(p.date_from, p.date_to, imis_app.indicator_area(p_area_kind, p_area_code), p_rules) i
$$;

-- Excreta flow (SFD-style) ---------------------------------------------------------------------------------

-- Population shares from containment to treatment for an area and period. On-site systems (and community
-- toilets) are split by the share of containments emptied (SF-1b), of emptied sludge delivered (SF-1c) and
-- of plant tests meeting the standards (SF-1g; 100 % when there were no tests, said in the label).
-- safe: true / false / NULL (contained and not emptied: safe only where the groundwater risk is low).
CREATE FUNCTION imis_app.excreta_flow(p_from date, p_to date, p_area geometry DEFAULT NULL)
RETURNS TABLE (stage text, label text, population numeric, share numeric, safe boolean, sort integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    area geometry := imis_app.indicator_area_in_city_crs(p_area);
    total numeric; sewer_ok numeric; sewer_not numeric; onsite numeric; not_contained numeric;
    open_def numeric; unknown numeric;
    emptied numeric; delivered numeric; treated numeric; tests_known boolean;
BEGIN
    SELECT coalesce(sum(s.population), 0),
           coalesce(sum(s.population) FILTER (WHERE s.sanitation_system = 'sewer_network' AND s.chain_jmp), 0),
           coalesce(sum(s.population) FILTER (WHERE s.sanitation_system = 'sewer_network' AND NOT s.chain_jmp), 0),
           coalesce(sum(s.population) FILTER (WHERE ss.is_onsite OR s.sanitation_system = 'community_toilet'), 0),
           coalesce(sum(s.population) FILTER (WHERE s.sanitation_system IN ('drain_network', 'water_body', 'open_ground')), 0),
           coalesce(sum(s.population) FILTER (WHERE s.sanitation_system = 'open_defecation'), 0),
           coalesce(sum(s.population) FILTER (WHERE s.sanitation_system IS NULL), 0)
      INTO total, sewer_ok, sewer_not, onsite, not_contained, open_def, unknown
    FROM imis_app.building_sanitation(area, p_to) s
    LEFT JOIN imis_code.sanitation_system ss ON ss.value = s.sanitation_system
    WHERE s.in_area;
    SELECT max(i.value) FILTER (WHERE i.indicator = 'sf_1b') / 100,
           max(i.value) FILTER (WHERE i.indicator = 'sf_1c') / 100,
           max(i.value) FILTER (WHERE i.indicator = 'sf_1g') / 100
      INTO emptied, delivered, treated
    FROM imis_app.indicators(p_from, p_to, area, ARRAY['city']) i;
    tests_known := treated IS NOT NULL;
    emptied := coalesce(emptied, 0);
    delivered := coalesce(delivered, 0);
    treated := coalesce(treated, 1);
    RETURN QUERY
    SELECT v.stage, v.label, round(v.pop, 1), CASE WHEN total > 0 THEN round(100 * v.pop / total, 2) END, v.safe, v.sort
    FROM (VALUES
        ('offsite_treated', 'Sewer to an operational treatment plant', sewer_ok, true, 10),
        ('offsite_untreated', 'Sewer not reaching a working treatment plant', sewer_not, false, 20),
        ('onsite_contained', 'On-site, contained and not emptied', onsite * (1 - emptied), NULL::boolean, 30),
        ('onsite_treated', CASE WHEN tests_known THEN 'On-site, emptied, delivered and treated'
                                ELSE 'On-site, emptied, delivered and treated (no plant tests: assumed treated)' END,
            onsite * emptied * delivered * treated, true, 40),
        ('onsite_not_treated', 'On-site, emptied and delivered, not treated to standard',
            onsite * emptied * delivered * (1 - treated), false, 50),
        ('onsite_not_delivered', 'On-site, emptied, not delivered to treatment', onsite * emptied * (1 - delivered), false, 60),
        ('not_contained', 'Not contained (to drain, water body or open ground)', not_contained, false, 70),
        ('open_defecation', 'Open defecation', open_def, false, 80),
        ('unknown', 'No sanitation data', unknown, NULL, 90)
    ) v(stage, label, pop, safe, sort)
    ORDER BY v.sort;
END
$$;

-- Snapshots for publication ----------------------------------------------------------------------------------

-- Compute and store the year's figures for the city, every ward and every low-income community, under both
-- rules, replacing an unpublished snapshot of that year. A published year is refused. All areas come from
-- one pass over the city (imis_app.indicators_by_area), not one computation per area.
CREATE FUNCTION imis_app.take_indicator_snapshot(p_year integer, p_note text DEFAULT NULL) RETURNS uuid
LANGUAGE plpgsql AS $$
DECLARE
    period record := imis_app.indicator_period(p_year);
    published record;
    snapshot uuid;
BEGIN
    SELECT year, published_at, published_by INTO published
    FROM imis_core.indicator_snapshot WHERE year = p_year AND is_published;
    IF FOUND THEN
        RAISE EXCEPTION 'indicator_snapshot_published: the indicators of % were published on % by %; a published year cannot be recomputed',
            published.year, published.published_at, published.published_by USING ERRCODE = 'check_violation';
    END IF;
    DELETE FROM imis_core.indicator_snapshot WHERE year = p_year;
    INSERT INTO imis_core.indicator_snapshot (year, note) VALUES (p_year, p_note) RETURNING id INTO snapshot;
    INSERT INTO imis_core.indicator_snapshot_value
        (snapshot_id, area_kind, area_code, area_name, indicator, rule, numerator, denominator, value, unit, reason)
    WITH area_list AS (
        SELECT row_number() OVER (ORDER BY a.kind_order, a.code)::integer AS n, a.*
        FROM (SELECT 1 AS kind_order, 'city' AS kind, coalesce(c.code, 'city') AS code, c.name,
                     NULL::geometry AS geom
              FROM imis_core.city c
              UNION ALL
              SELECT 2, 'ward', w.number::text, coalesce(w.name, 'Ward ' || w.number), w.geom
              FROM imis_core.ward w
              UNION ALL
              SELECT 3, 'lic', l.code, l.name, l.geom FROM imis_core.low_income_community l) a
    )
    SELECT snapshot, a.kind, a.code, a.name, i.indicator, i.rule, i.numerator, i.denominator, i.value, i.unit,
           i.reason
    FROM imis_app.indicators_by_area(period.date_from, period.date_to,
                                     ARRAY(SELECT l.geom FROM area_list l ORDER BY l.n)) i
    JOIN area_list a ON a.n = i.area;
    RETURN snapshot;
END
$$;

-- Publish the year's snapshot: from now on it is locked.
CREATE FUNCTION imis_app.publish_indicator_snapshot(p_year integer) RETURNS timestamptz
LANGUAGE plpgsql AS $$
DECLARE
    s record;
BEGIN
    SELECT * INTO s FROM imis_core.indicator_snapshot WHERE year = p_year FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'indicator_snapshot_missing: there is no snapshot of % to publish; take one first', p_year
            USING ERRCODE = 'no_data_found';
    END IF;
    IF s.is_published THEN
        RAISE EXCEPTION 'indicator_snapshot_published: the indicators of % were already published on % by %',
            p_year, s.published_at, s.published_by USING ERRCODE = 'check_violation';
    END IF;
    UPDATE imis_core.indicator_snapshot
       SET is_published = true, published_at = now(), published_by = imis_app.acting_role()
     WHERE id = s.id;
    RETURN now();
END
$$;

-- Note that the feed of a year went to the national dashboard (allowed on a published snapshot).
CREATE FUNCTION imis_app.mark_indicator_feed_sent(p_year integer) RETURNS void
LANGUAGE sql AS $$
    UPDATE imis_core.indicator_snapshot SET sent_at = now() WHERE year = p_year
$$;

-- The lock: a published snapshot and its values cannot be changed or deleted (only sent_at may be set).
CREATE FUNCTION imis_app.lock_published_snapshot() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    free_columns text[] := ARRAY['sent_at', 'updated_at', 'row_version', 'changed_by'];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        IF EXISTS (SELECT 1 FROM imis_core.indicator_snapshot WHERE is_published) THEN
            RAISE EXCEPTION 'indicator_snapshot_published: published indicator snapshots cannot be truncated'
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
    END IF;
    IF OLD.is_published THEN
        IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - free_columns) = (to_jsonb(OLD) - free_columns) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'indicator_snapshot_published: the indicators of % were published on % by % and are locked (% refused)',
            OLD.year, OLD.published_at, OLD.published_by, TG_OP USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER b_lock_published BEFORE UPDATE OR DELETE ON imis_core.indicator_snapshot
    FOR EACH ROW EXECUTE FUNCTION imis_app.lock_published_snapshot();
CREATE TRIGGER b_lock_published_truncate BEFORE TRUNCATE ON imis_core.indicator_snapshot
    FOR EACH STATEMENT EXECUTE FUNCTION imis_app.lock_published_snapshot();

CREATE FUNCTION imis_app.lock_published_snapshot_value() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    s record;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        IF EXISTS (SELECT 1 FROM imis_core.indicator_snapshot WHERE is_published) THEN
            RAISE EXCEPTION 'indicator_snapshot_published: values of published indicator snapshots cannot be truncated'
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
    END IF;
    SELECT year, published_at, published_by INTO s FROM imis_core.indicator_snapshot
    WHERE is_published AND id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.snapshot_id END,
                                  CASE WHEN TG_OP <> 'DELETE' THEN NEW.snapshot_id END);
    IF FOUND THEN
        RAISE EXCEPTION 'indicator_snapshot_published: the indicators of % were published on % by % and are locked (% of a value refused)',
            s.year, s.published_at, s.published_by, TG_OP USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER b_lock_published BEFORE INSERT OR UPDATE OR DELETE ON imis_core.indicator_snapshot_value
    FOR EACH ROW EXECUTE FUNCTION imis_app.lock_published_snapshot_value();
CREATE TRIGGER b_lock_published_truncate BEFORE TRUNCATE ON imis_core.indicator_snapshot_value
    FOR EACH STATEMENT EXECUTE FUNCTION imis_app.lock_published_snapshot_value();

-- National Sanitation Dashboard feed -------------------------------------------------------------------------

-- What a snapshot sends to the dashboard under each rule: the city-wide figures marked in_feed, those that
-- depend on the rule under that rule, the rule-free ones under both. The one definition of the feed's rows:
-- dashboard_feed below reads it, and so does the national database (90_national.sql, published years only).
CREATE VIEW imis_app.indicator_snapshot_feed AS
SELECT s.id AS snapshot_id, s.year, s.is_published, r.rule, coalesce(c.code, c.name) AS city_code,
       i.code, i.label_en AS indicator_name, i.outcome, v.value, i.sort
FROM imis_core.indicator_snapshot s
JOIN imis_core.indicator_snapshot_value v ON v.snapshot_id = s.id AND v.area_kind = 'city'
JOIN imis_code.indicator i ON i.value = v.indicator AND i.in_feed
CROSS JOIN (VALUES ('city'), ('jmp')) r(rule)
CROSS JOIN imis_core.city c
WHERE NOT i.uses_rule OR v.rule = r.rule;

-- The city's yearly figures as the dashboard takes them: {code, name, outcome, value} under one rule (the
-- rule-free figures and the JMP ladder always). From the year's snapshot when there is one (source says
-- whether it is published), else computed now.
CREATE FUNCTION imis_app.dashboard_feed(p_year integer, p_rule text DEFAULT 'city')
RETURNS TABLE (city text, year integer, code text, name text, outcome text, value numeric, source text, sort integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    period record := imis_app.indicator_period(p_year);
    s record;
BEGIN
    IF p_rule IS NULL OR p_rule NOT IN ('jmp', 'city') THEN
        RAISE EXCEPTION 'indicator_rule: rule % is not jmp or city', coalesce(p_rule, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT id, is_published INTO s FROM imis_core.indicator_snapshot WHERE indicator_snapshot.year = p_year;
    IF FOUND THEN
        RETURN QUERY
        SELECT f.city_code, p_year, f.code, f.indicator_name, f.outcome, f.value,
               CASE WHEN s.is_published THEN 'published snapshot' ELSE 'draft snapshot' END, f.sort
        FROM imis_app.indicator_snapshot_feed f
        WHERE f.snapshot_id = s.id AND f.rule = p_rule
        ORDER BY f.sort;
    ELSE
        RETURN QUERY
        SELECT coalesce(c.code, c.name), p_year, f.code, f.name, f.outcome, f.value, 'computed now', f.sort
        FROM imis_app.indicators(period.date_from, period.date_to, NULL, ARRAY[p_rule]) f
        JOIN imis_code.indicator i ON i.value = f.indicator
        CROSS JOIN imis_core.city c
        WHERE i.in_feed
        ORDER BY f.sort;
    END IF;
END
$$;

-- Who may do what (everyone reads; settings and snapshots are the administrator's, who alone publishes):
-- database/permissions.toml.
