-- App schema, part 8.5: public health. Disease rates per ward and period, clusters of contaminated water
-- samples, and the sanitation conditions around them. Used by the health Processing algorithms and the
-- DHIS2 export.

-- The containments of a date, each in exactly one ward, and whether it discharges unsafely.
-- Counted: those in use on that date by the indicator engine's definition (containment_in_use,
-- 50_indicators.sql: not decommissioned or abandoned, built by then), so both modules count the same ones.
-- Ward: that of its first building by BIN that has a ward, else the ward holding its own location (the
-- lowest number on a border). It is the rule of the FSM fill model (containment_fill.ward_id, 40_fsm.sql),
-- and, like the indicator engine, it goes by the buildings served: a containment whose buildings all lie in
-- one ward is counted there by both modules; one shared by buildings of two wards counts once, in the ward
-- of the first (the indicator engine counts it in each ward's figures, never twice in one area).
-- Unsafe: not safe under the indicator engine's city rule (containment_safe_city, the rule the indicators
-- use when one rule is asked for): one definition of safe. The drain and sewer are those of the
-- containment's buildings: one that qualifies is enough.
CREATE FUNCTION imis_app.health_containments(p_on date)
RETURNS TABLE (id uuid, code text, containment_type text, location geometry, ward_id uuid,
               discharges_unsafely boolean)
LANGUAGE sql STABLE AS $$
SELECT c.id, c.code, c.containment_type, c.location, coalesce(n.building_ward, lw.id),
       NOT imis_app.containment_safe_city(ct.container, ct.outlet, n.drain_to_plant, n.drain_closed_lined,
                                          n.sewer_to_plant)
FROM imis_core.containment c
LEFT JOIN imis_code.containment_type ct ON ct.value = c.containment_type
CROSS JOIN LATERAL (
    SELECT bool_or(d.outlet_plant_id IS NOT NULL) AS drain_to_plant,
           bool_or(d.cover = 'closed' AND d.lining = 'lined') AS drain_closed_lined,
           bool_or(s.plant_id IS NOT NULL) AS sewer_to_plant,
           (array_agg(b.ward_id ORDER BY b.bin) FILTER (WHERE b.ward_id IS NOT NULL))[1] AS building_ward
    FROM imis_core.building_containment bc
    JOIN imis_core.building b ON b.id = bc.building_id
    LEFT JOIN imis_core.drain d ON d.id = b.drain_id
    LEFT JOIN imis_core.sewer s ON s.id = b.sewer_id
    WHERE bc.containment_id = c.id) n
LEFT JOIN LATERAL (
    SELECT w.id FROM imis_core.ward w
    WHERE n.building_ward IS NULL AND w.geom && c.location AND ST_Intersects(w.geom, c.location)
    ORDER BY w.number LIMIT 1) lw ON true
WHERE imis_app.containment_in_use(c.in_use, c.construction_date, p_on)
$$;

-- The same today, as a layer.
CREATE VIEW imis_app.health_containment_risk AS
SELECT * FROM imis_app.health_containments(current_date);

-- Water samples where they were taken (their own point, else their water point's); positive = faecal coliform.
CREATE VIEW imis_app.health_sample AS
SELECT s.id, s.code, s.sample_date, s.faecal_coliform_cfu_100ml, coalesce(s.location, wp.geom) AS geom,
       s.faecal_coliform_cfu_100ml > 0 AS is_positive
FROM imis_core.water_sample s LEFT JOIN imis_core.water_point wp ON wp.id = s.water_point_id;

-- Cases per 1,000 people per ward for the cases reported within [p_from, p_to] (one disease or all), beside
-- the city rate, the sanitation around, and the water samples taken in the ward in that period.
-- A ward is a hotspot when its rate is at least p_factor times the city's and it has p_min_cases cases.
CREATE FUNCTION imis_app.health_ward_rates(p_from date, p_to date, p_disease text DEFAULT NULL,
                                           p_factor numeric DEFAULT 2, p_min_cases integer DEFAULT 5)
RETURNS TABLE (ward_id uuid, ward_number smallint, population bigint, cases bigint, rate_per_1000 numeric,
               city_rate_per_1000 numeric, relative_risk numeric, is_hotspot boolean, containments bigint,
               unsafe_containments bigint, drains_without_plant_m numeric, waterlogged_m2 numeric,
               samples bigint, positive_samples bigint, geom geometry)
LANGUAGE sql STABLE AS $$
WITH pop AS (
    SELECT b.ward_id, sum(b.population)::bigint AS population FROM imis_core.building b GROUP BY b.ward_id
), c AS (
    SELECT dc.ward_id, sum(dc.cases)::bigint AS cases FROM imis_core.disease_case dc
    WHERE dc.period_start >= p_from AND dc.period_end <= p_to AND (p_disease IS NULL OR dc.disease = p_disease)
    GROUP BY dc.ward_id
), city AS (
    SELECT 1000.0 * (SELECT sum(cases) FROM c) / nullif((SELECT sum(population) FROM pop), 0) AS rate
), k AS (
    -- each containment in use at the end of the period once, in its one ward
    SELECT r.ward_id, count(*) AS containments, count(*) FILTER (WHERE r.discharges_unsafely) AS unsafe
    FROM imis_app.health_containments(p_to) r
    GROUP BY r.ward_id
), dr AS (
    SELECT w.id AS ward_id, sum(ST_Length(ST_Intersection(d.geom, w.geom))) AS m
    FROM imis_core.ward w JOIN imis_core.drain d ON d.geom && w.geom AND ST_Intersects(d.geom, w.geom)
    WHERE d.outlet_plant_id IS NULL GROUP BY w.id
), wl AS (
    SELECT w.id AS ward_id, sum(ST_Area(ST_Intersection(a.geom, w.geom))) AS m2
    FROM imis_core.ward w JOIN imis_core.waterlogging_area a ON a.geom && w.geom AND ST_Intersects(a.geom, w.geom)
    GROUP BY w.id
), s AS (
    SELECT w.id AS ward_id, count(*) AS samples, count(*) FILTER (WHERE hs.is_positive) AS positives
    FROM imis_core.ward w JOIN imis_app.health_sample hs ON hs.geom && w.geom AND ST_Intersects(hs.geom, w.geom)
    WHERE hs.sample_date BETWEEN p_from AND p_to GROUP BY w.id
)
SELECT w.id, w.number, coalesce(pop.population, 0), coalesce(c.cases, 0),
       round(1000.0 * coalesce(c.cases, 0) / nullif(pop.population, 0), 3),
       round(city.rate, 3),
       round((1000.0 * coalesce(c.cases, 0) / nullif(pop.population, 0)) / nullif(city.rate, 0), 3),
       coalesce(c.cases, 0) >= p_min_cases
           AND 1000.0 * coalesce(c.cases, 0) / nullif(pop.population, 0) >= p_factor * city.rate,
       coalesce(k.containments, 0), coalesce(k.unsafe, 0),
       round(coalesce(dr.m, 0)::numeric, 1), round(coalesce(wl.m2, 0)::numeric, 1),
       coalesce(s.samples, 0), coalesce(s.positives, 0), w.geom
FROM imis_core.ward w CROSS JOIN city
LEFT JOIN pop ON pop.ward_id = w.id LEFT JOIN c ON c.ward_id = w.id LEFT JOIN k ON k.ward_id = w.id
LEFT JOIN dr ON dr.ward_id = w.id LEFT JOIN wl ON wl.ward_id = w.id LEFT JOIN s ON s.ward_id = w.id
$$;

-- Clusters of positive samples taken within [p_from, p_to]: at least p_min_points positives, each within
-- p_eps metres of another (DBSCAN), with the sanitation conditions within p_context_m of the cluster.
CREATE FUNCTION imis_app.health_sample_clusters(p_from date, p_to date, p_eps double precision DEFAULT 250,
                                                p_min_points integer DEFAULT 3,
                                                p_context_m double precision DEFAULT 100)
RETURNS TABLE (cluster_id integer, positive_samples bigint, sample_codes text, unsafe_containments bigint,
               drains_without_plant_m numeric, waterlogging_areas bigint, geom geometry)
LANGUAGE sql STABLE AS $$
WITH p AS (
    SELECT code, geom, ST_ClusterDBSCAN(geom, eps := p_eps, minpoints := p_min_points) OVER () AS cid
    FROM imis_app.health_sample WHERE is_positive AND sample_date BETWEEN p_from AND p_to
), cl AS (
    SELECT cid, count(*) AS n, string_agg(code, ', ' ORDER BY code) AS codes,
           ST_Buffer(ST_ConvexHull(ST_Collect(geom)), p_context_m) AS area
    FROM p WHERE cid IS NOT NULL GROUP BY cid
)
SELECT cl.cid + 1, cl.n, cl.codes,
       (SELECT count(*) FROM imis_app.health_containments(p_to) r
        WHERE r.discharges_unsafely AND r.location && cl.area AND ST_Intersects(r.location, cl.area)),
       (SELECT round(coalesce(sum(ST_Length(ST_Intersection(d.geom, cl.area))), 0)::numeric, 1)
        FROM imis_core.drain d
        WHERE d.outlet_plant_id IS NULL AND d.geom && cl.area AND ST_Intersects(d.geom, cl.area)),
       (SELECT count(*) FROM imis_core.waterlogging_area a WHERE a.geom && cl.area AND ST_Intersects(a.geom, cl.area)),
       cl.area
FROM cl ORDER BY cl.cid
$$;
