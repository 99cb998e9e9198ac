-- App schema, part 9: what a city shares with the national database (postgres_fdw, see docs/cities.md).
-- Aggregates only, never a name, phone, national ID or single building: the national reader is granted
-- these views and nothing else (database/permissions.toml). Views run with their owner's rights, so the
-- reader needs no table grants.

-- Containments in use today per ward, counted as public health counts them (imis_app.health_containments,
-- 85_health.sql): in use by the indicator engine's definition (containment_in_use), each in exactly one
-- ward (its first building's by BIN, else the ward its location lies in), so the wards add up to the city;
-- ward_id NULL: those in no ward. SECURITY DEFINER because a view's functions run with the reader's rights,
-- not the view owner's, and the national reader may read no table; it returns counts per ward only.
-- public is on the path for PostGIS, which health_containments calls unqualified (PostgreSQL 15 lets only
-- the schema's owner create there); postgres_fdw's sessions run with pg_catalog alone.
CREATE FUNCTION imis_app.national_containments()
RETURNS TABLE (ward_id uuid, containments bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT r.ward_id, count(*) FROM imis_app.health_containments(current_date) r GROUP BY r.ward_id
$$;

CREATE VIEW imis_app.national_city AS
SELECT c.code AS city_code, c.name AS city_name, c.city_kind, c.srid,
       (SELECT count(*) FROM imis_core.ward) AS wards,
       (SELECT count(*) FROM imis_core.building) AS buildings,
       (SELECT coalesce(sum(population), 0) FROM imis_core.building) AS population,
       -- in use today (national_containments' definition, the wards' containments and any in no ward),
       -- counted without placing each in a ward, which costs a second at Khulna's size
       (SELECT count(*) FROM imis_core.containment k
        WHERE imis_app.containment_in_use(k.in_use, k.construction_date, current_date)) AS containments,
       (SELECT coalesce(sum(capacity_m3_per_day), 0) FROM imis_core.treatment_plant) AS plant_capacity_m3_per_day
FROM imis_core.city c;

CREATE VIEW imis_app.national_ward AS
WITH b AS (
    SELECT ward_id, count(*) AS buildings, coalesce(sum(population), 0) AS population,
           coalesce(sum(female_population), 0) AS female_population,
           coalesce(sum(male_population), 0) AS male_population,
           coalesce(sum(household_count), 0) AS households,
           count(*) FILTER (WHERE lic_id IS NOT NULL) AS lic_buildings
    FROM imis_core.building GROUP BY ward_id
)
SELECT w.number AS ward_number, coalesce(b.buildings, 0) AS buildings, coalesce(b.population, 0) AS population,
       coalesce(b.female_population, 0) AS female_population, coalesce(b.male_population, 0) AS male_population,
       coalesce(b.households, 0) AS households, coalesce(b.lic_buildings, 0) AS lic_buildings,
       coalesce(k.containments, 0) AS containments
FROM imis_core.ward w LEFT JOIN b ON b.ward_id = w.id
LEFT JOIN imis_app.national_containments() k ON k.ward_id = w.id;

-- Emptying service per ward and year (the ward of the building the job was for).
CREATE VIEW imis_app.national_emptying_year AS
SELECT w.number AS ward_number, extract(year FROM e.emptied_date)::int AS year,
       count(*) AS emptyings, sum(e.volume_m3) AS emptied_m3,
       coalesce(sum(d.disposed_m3), 0) AS disposed_m3
FROM imis_fsm.emptying e
JOIN imis_fsm.application a ON a.id = e.application_id
LEFT JOIN imis_core.building bl ON bl.id = a.building_id
LEFT JOIN imis_core.ward w ON w.id = bl.ward_id
LEFT JOIN (SELECT emptying_id, sum(volume_m3) AS disposed_m3 FROM imis_fsm.disposal GROUP BY emptying_id) d
       ON d.emptying_id = e.id
GROUP BY 1, 2;

-- Published indicator snapshots: the figures of the city and of each ward, with numerator and denominator,
-- once the city has published the year (a draft never leaves the city; low-income communities stay home).
-- Who computed or published a year, and its note, are not shared.
CREATE VIEW imis_app.national_indicator AS
SELECT coalesce(c.code, c.name) AS city_code, s.year, s.published_at, v.area_kind, v.area_code, v.area_name,
       i.value AS indicator, i.code, i.label_en AS indicator_name, i.indicator_group, i.outcome, v.rule,
       v.numerator, v.denominator, v.value, v.unit, v.reason, i.higher_is_better, i.sort
FROM imis_core.indicator_snapshot s
JOIN imis_core.indicator_snapshot_value v ON v.snapshot_id = s.id
JOIN imis_code.indicator i ON i.value = v.indicator
CROSS JOIN imis_core.city c
WHERE s.is_published AND v.area_kind IN ('city', 'ward');

-- The dashboard feed of every published year under each rule, row for row what the city sends itself
-- (imis_app.indicator_snapshot_feed, 50_indicators.sql): the national feed is read from here.
CREATE VIEW imis_app.national_dashboard_feed AS
SELECT f.city_code, f.year, f.rule, f.code, f.indicator_name, f.outcome, f.value, f.sort
FROM imis_app.indicator_snapshot_feed f
WHERE f.is_published;
