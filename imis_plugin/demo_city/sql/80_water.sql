-- Water points (tube wells, standpipes...) in front yards, drinking-water samples tested for faecal
-- coliform, and the national holidays of the history's years (the emptying scheduler skips them).

-- @step Water points and samples
CREATE TEMP TABLE wpt ON COMMIT DROP AS
SELECT l.key, l.ward_id, row_number() OVER (ORDER BY l.seq) AS n, l.outer_share,
       pg_temp.pick(pg_temp.u(l.key, 240),
                    CASE WHEN l.outer_share < 0.5
                         THEN ARRAY['shallow_tubewell', 'deep_tubewell', 'municipal_standpipe', 'tara_pump', 'protected_dug_well',
                                    'dug_well', 'rainwater_tank']
                         ELSE ARRAY['shallow_tubewell', 'deep_tubewell', 'tara_pump', 'dug_well', 'protected_dug_well',
                                    'pond_sand_filter', 'rainwater_tank'] END,
                    CASE WHEN l.outer_share < 0.5 THEN ARRAY[0.4, 0.62, 0.82, 0.9, 0.94, 0.97]
                         ELSE ARRAY[0.5, 0.7, 0.82, 0.9, 0.95, 0.98] END::float8[]) AS wtype,
       pg_temp.pt(l.lx0 + 0.25, CASE WHEN l.south THEN l.ly0 + 0.25 ELSE l.ly1 - 0.25 END) AS geom
FROM lot l
WHERE pg_temp.u(l.key, 241) < %(water_points)s::float8 / %(n)s;

INSERT INTO imis_core.water_point (id, code, name, water_point_type, depth_m, is_drinking, ward_id, geom)
SELECT pg_temp.uid(73, key), 'WP-' || lpad(n::text, 5, '0'),
       CASE WHEN wtype = 'municipal_standpipe' THEN 'Standpipe ' || n END, wtype,
       round(CASE wtype WHEN 'shallow_tubewell' THEN 15 + 45 * pg_temp.u(key, 242)
                        WHEN 'deep_tubewell' THEN 150 + 150 * pg_temp.u(key, 242)
                        WHEN 'tara_pump' THEN 30 + 50 * pg_temp.u(key, 242)
                        WHEN 'dug_well' THEN 5 + 7 * pg_temp.u(key, 242)
                        WHEN 'protected_dug_well' THEN 5 + 7 * pg_temp.u(key, 242) END::numeric, 1),
       pg_temp.u(key, 243) < 0.85, ward_id, geom
FROM wpt;

INSERT INTO imis_core.water_sample (id, code, water_point_id, sample_date, faecal_coliform_cfu_100ml, tested_by)
SELECT pg_temp.uid(74, w.key * 4 + s), 'WS-' || lpad(row_number() OVER (ORDER BY w.n, s)::text, 6, '0'),
       pg_temp.uid(73, w.key), %(as_of)s::date - floor(1000 * pg_temp.u(w.key * 4 + s, 244))::integer,
       CASE WHEN pg_temp.u(w.key * 4 + s, 245) < CASE WHEN w.wtype IN ('deep_tubewell', 'municipal_standpipe') THEN 0.85 ELSE 0.6 END
            THEN 0 ELSE round(exp(5.5 * pg_temp.u(w.key * 4 + s, 246)))::numeric END,
       'DPHE zonal laboratory'
FROM wpt w CROSS JOIN LATERAL generate_series(0, floor(3 * pg_temp.u(w.key, 247))::integer) s
WHERE pg_temp.u(w.key, 248) < 0.4;

INSERT INTO imis_core.holiday (id, holiday_date, name, name_bn)
SELECT pg_temp.uid(60, (y * 10000 + h.m * 100 + h.d)::bigint), make_date(y, h.m, h.d), h.name, h.name_bn
FROM generate_series(extract(year FROM %(history_start)s::date)::integer, extract(year FROM %(as_of)s::date)::integer + 1) y
CROSS JOIN (VALUES (2, 21, 'Shaheed Day and International Mother Language Day', 'শহীদ দিবস ও আন্তর্জাতিক মাতৃভাষা দিবস'),
                   (3, 26, 'Independence Day', 'স্বাধীনতা দিবস'), (4, 14, 'Bengali New Year', 'পহেলা বৈশাখ'),
                   (5, 1, 'May Day', 'মে দিবস'), (12, 16, 'Victory Day', 'বিজয় দিবস'),
                   (12, 25, 'Christmas Day', 'বড়দিন')) h(m, d, name, name_bn)
ON CONFLICT (holiday_date) DO NOTHING;
