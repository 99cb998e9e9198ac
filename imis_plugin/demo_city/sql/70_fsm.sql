-- Service providers (the municipality's conservancy section and private operators), their vehicles and
-- crews, and three years of FSM history: applications, assessments, emptyings with their crews,
-- disposals at the treatment plants, feedback; plant effluent tests and containment surveys. Delays
-- follow skewed distributions; some jobs are cancelled, declined after the assessment, emptied without a
-- disposal record, never rated, or still open at the as-of date. Dates are working days (Sunday to
-- Thursday) and never after the as-of date.

-- @step Service providers, vehicles and crews
CREATE TEMP TABLE prov ON COMMIT DROP AS
SELECT p, CASE WHEN p = 1 THEN %(city_name)s || CASE WHEN %(city_kind)s = 'city_corporation' THEN ' City Corporation'
                                                    ELSE ' Paurashava' END || ' Conservancy Section'
               ELSE (%(providers_names)s::text[])[1 + mod(p - 2 + floor(11 * pg_temp.u(0, 130))::integer, 11)] END AS name
FROM generate_series(1, %(providers)s) p;

INSERT INTO imis_fsm.service_provider (id, code, name, contact_person, phone, email, address, licence_number,
                                       licence_valid_until, status)
SELECT pg_temp.uid(61, p), 'SP-' || lpad(p::text, 2, '0'), name,
       pg_temp.one_of(pg_temp.u(p, 131), %(male_en)s) || ' ' || pg_temp.one_of(pg_temp.u(p, 132), %(male_surname_en)s),
       '01' || (3 + floor(7 * pg_temp.u(p, 133)))::integer || lpad(floor(1e8 * pg_temp.u(p, 134))::bigint::text, 8, '0'),
       lower(regexp_replace(name, '[^A-Za-z]+', '', 'g')) || '@example.org',
       'Ward ' || (1 + mod(p, %(wards)s)) || ', ' || %(city_name)s,
       'FSM/' || %(city_code)s || '/' || lpad(p::text, 3, '0'),
       %(as_of)s::date + 60 + floor(700 * pg_temp.u(p, 135))::integer, 'active'
FROM prov;

-- the municipality serves every ward, each private operator a share of them
INSERT INTO imis_fsm.provider_ward (id, provider_id, ward_id)
SELECT pg_temp.uid(62, p.p * 1000 + w.number), pg_temp.uid(61, p.p), w.id
FROM prov p JOIN imis_core.ward w ON p.p = 1 OR mod(w.number, %(providers)s - 1) = p.p - 2;

CREATE TEMP TABLE veh ON COMMIT DROP AS
WITH v AS (
    SELECT p.p, vi, p.p * 100 + vi AS vkey,
           CASE WHEN vi = 0 THEN 'vacutug' WHEN vi = 1 THEN 'vacuum_truck'
                ELSE pg_temp.pick(pg_temp.u(p.p * 100 + vi, 136), ARRAY['vacutug', 'mechanised_van', 'vacuum_truck'],
                                  ARRAY[0.35, 0.6]::float8[]) END AS vtype,
           pg_temp.u(p.p * 100 + vi, 137) AS us
    FROM prov p
    CROSS JOIN LATERAL generate_series(0, CASE WHEN p.p = 1 THEN least(11, 2 + %(n)s / 25000)
                                               ELSE 1 + floor(3 * pg_temp.u(p.p, 138))::integer END) vi
)
SELECT v.*, row_number() OVER (ORDER BY vkey) AS n,
       CASE vtype WHEN 'vacutug' THEN CASE WHEN us < 0.5 THEN 1.0 ELSE 2.0 END WHEN 'mechanised_van' THEN 1.3
                  ELSE (ARRAY[3.0, 4.0, 6.0])[1 + floor(3 * us)::integer] END::numeric AS capacity,
       CASE vtype WHEN 'vacutug' THEN CASE WHEN us < 0.5 THEN 1.2 ELSE 1.5 END WHEN 'mechanised_van' THEN 1.6
                  ELSE (ARRAY[2.2, 2.3, 2.5])[1 + floor(3 * us)::integer] END::numeric AS width
FROM v;

INSERT INTO imis_fsm.vehicle (id, provider_id, registration, vehicle_type, capacity_m3, width_m, status, depot,
                              trips_per_day, hose_length_m)
SELECT pg_temp.uid(63, vkey), pg_temp.uid(61, p),
       %(city_code)s || '-' || CASE vtype WHEN 'vacutug' THEN 'VT' WHEN 'mechanised_van' THEN 'MV' ELSE 'TA' END
           || '-' || lpad(n::text, 4, '0'),
       vtype, capacity, width,
       CASE WHEN pg_temp.u(vkey, 139) < 0.9 THEN 'operational' ELSE 'under_maintenance' END,
       CASE WHEN p = 1 THEN (SELECT ST_Translate(geom, 25, 0) FROM imis_core.treatment_plant WHERE id = pg_temp.uid(20, 1))
            ELSE pg_temp.pt(-300 + 120 * p, 40) END,
       CASE vtype WHEN 'vacutug' THEN 6 WHEN 'mechanised_van' THEN 5 ELSE 4 END,
       CASE vtype WHEN 'vacutug' THEN 30 WHEN 'mechanised_van' THEN 40 ELSE 60 END
FROM veh;

-- three crew places per vehicle (driver, emptier, helper) and an office (supervisor, manager) per
-- provider; a quarter of the places changed hands during the history (the successor starts the next day)
CREATE TEMP TABLE staff ON COMMIT DROP AS
WITH place AS (
    SELECT v.p, v.vkey, s.slot, s.role
    FROM veh v CROSS JOIN (VALUES (0, 'driver'), (1, 'emptier'), (2, 'helper')) s(slot, role)
    UNION ALL
    SELECT p.p, p.p * 100 + 99, s.slot, s.role FROM prov p CROSS JOIN (VALUES (0, 'supervisor'), (1, 'manager')) s(slot, role)
), g AS (
    SELECT place.*, place.vkey * 8 + place.slot * 2 AS ekey, pg_temp.u(place.vkey * 8 + place.slot, 140) < 0.25 AS changed,
           %(history_start)s::date + 30 + floor((%(as_of)s::date - %(history_start)s::date - 60)
                                                * pg_temp.u(place.vkey * 8 + place.slot, 141))::integer AS change_date
    FROM place
)
SELECT p, vkey, slot, role, ekey, %(history_start)s::date - 60 - floor(2500 * pg_temp.u(ekey, 142))::integer AS joined,
       CASE WHEN changed THEN change_date END AS left_on
FROM g
UNION ALL
SELECT p, vkey, slot, role, ekey + 1, change_date + 1, NULL FROM g WHERE changed;

INSERT INTO imis_fsm.employee (id, provider_id, name, gender, role, phone, joined_date, left_date)
SELECT pg_temp.uid(64, ekey), pg_temp.uid(61, p), n.first || ' ' || n.last, n.gender, role,
       '01' || (3 + floor(7 * pg_temp.u(ekey, 143)))::integer || lpad(floor(1e8 * pg_temp.u(ekey, 144))::bigint::text, 8, '0'),
       joined, left_on
FROM staff
CROSS JOIN LATERAL (
    SELECT CASE WHEN pg_temp.u(ekey, 145) < CASE WHEN role IN ('supervisor', 'manager') THEN 0.3 ELSE 0.04 END
                THEN 'female' ELSE 'male' END AS gender
) g
CROSS JOIN LATERAL (
    SELECT g.gender,
           CASE g.gender WHEN 'female' THEN pg_temp.one_of(pg_temp.u(ekey, 146), %(female_en)s)
                ELSE pg_temp.one_of(pg_temp.u(ekey, 146), %(male_en)s) END AS first,
           CASE g.gender WHEN 'female' THEN pg_temp.one_of(pg_temp.u(ekey, 147), %(female_surname_en)s)
                ELSE pg_temp.one_of(pg_temp.u(ekey, 147), %(male_surname_en)s) END AS last
) n;

-- @step FSM history
-- Jobs: a containment gets 0..n applications over the history (pits and community toilets more often),
-- one in each equal share of its time span, so a job is done before the next one comes.
CREATE TEMP TABLE job ON COMMIT DROP AS
WITH c AS (
    SELECT c.ckey, c.id AS containment_id, c.lot_key, c.building_id, c.container, c.volume_m3, c.ward_number,
           c.road_width, c.address,
           CASE WHEN c.special IS NOT NULL THEN 'toilet' WHEN c.container = 'septic_tank' THEN 'septic' ELSE 'pit' END
               AS family,
           greatest(%(history_start)s::date, coalesce(c.built, %(history_start)s::date) + 180) AS ws
    FROM cont c WHERE c.in_use
), n AS (
    SELECT c.*, CASE family WHEN 'toilet' THEN pg_temp.ipick(pg_temp.u(ckey, 150), %(apps_toilet_v)s, %(apps_toilet_c)s::float8[])
                            WHEN 'septic' THEN pg_temp.ipick(pg_temp.u(ckey, 150), %(apps_septic_v)s, %(apps_septic_c)s::float8[])
                            ELSE pg_temp.ipick(pg_temp.u(ckey, 150), %(apps_pit_v)s, %(apps_pit_c)s::float8[]) END AS apps
    FROM c WHERE ws < %(as_of)s::date - 60
), a AS (
    SELECT n.*, m, n.ckey * 8 + m AS jkey, (%(as_of)s::date - n.ws)::float8 / n.apps AS span
    FROM n CROSS JOIN LATERAL generate_series(1, n.apps) m
), d AS MATERIALIZED (
    SELECT a.*, pg_temp.workday(a.ws + floor((m - 1) * span + 0.7 * span * pg_temp.u(jkey, 151))::integer) AS app_date,
           pg_temp.u(jkey, 152) < %(emergency)s AS emergency,
           pg_temp.u(jkey, 153) < %(cancelled)s AS cancelled,
           -- the municipality takes half the jobs, the operator serving the ward the rest
           CASE WHEN a.ward_number IS NULL OR pg_temp.u(jkey, 157) < 0.5 THEN 1
                ELSE 2 + mod(a.ward_number, %(providers)s - 1) END AS p
    FROM a
), s AS MATERIALIZED (
    SELECT d.*,
           NOT cancelled AND pg_temp.u(jkey, 154) < CASE WHEN emergency THEN %(emergency_assessed)s ELSE %(assessed)s END
               AS assess,
           pg_temp.workday(app_date + least(10, floor(-ln(1 - pg_temp.u(jkey, 155)) * 1.5))::integer) AS assessed_raw,
           CASE WHEN emergency THEN floor(2 * pg_temp.u(jkey, 158))
                ELSE least(30, floor(-ln(1 - pg_temp.u(jkey, 158)) * 4)) END::integer AS delay
    FROM d
), t AS MATERIALIZED (
    SELECT s.*, CASE WHEN assess AND assessed_raw <= %(as_of)s::date THEN assessed_raw END AS assessed
    FROM s
), e AS (
    SELECT t.*, pg_temp.workday(coalesce(assessed, app_date) + delay) AS emptied_raw,
           assessed IS NOT NULL AND pg_temp.u(jkey, 156) < %(declined)s AS declined
    FROM t
)
SELECT e.*, pg_temp.uid(65, e.jkey) AS id,
       CASE WHEN NOT cancelled AND NOT declined AND NOT (assess AND assessed IS NULL) AND emptied_raw <= %(as_of)s::date
            THEN emptied_raw END AS emptied,
       'FSM-' || extract(year FROM app_date) || '-'
           || lpad(row_number() OVER (PARTITION BY extract(year FROM app_date) ORDER BY app_date, jkey)::text, 6, '0') AS code
FROM e;

-- the emptyings: vehicle (one of the provider's that fits the road, at random), volume, trips, crew
CREATE TEMP TABLE done ON COMMIT DROP AS
WITH j AS (
    SELECT j.*, v.vkey, v.capacity,
           round(greatest(0.5, coalesce(j.volume_m3, 3) * (0.55 + 0.45 * pg_temp.u(j.jkey, 160)))::numeric, 1) AS v0
    FROM job j
    LEFT JOIN LATERAL (
        SELECT veh.vkey, veh.capacity FROM veh
        WHERE veh.p = j.p AND veh.width <= j.road_width
        ORDER BY pg_temp.u(j.jkey * 128 + veh.vkey, 161), veh.vkey LIMIT 1
    ) v ON NOT (j.road_width < 2.5 AND pg_temp.u(j.jkey, 162) < %(manual_when_narrow)s)
    WHERE j.emptied IS NOT NULL
)
SELECT j.*, pg_temp.uid(67, j.jkey) AS eid, j.vkey IS NULL AS manual,
       CASE WHEN j.vkey IS NULL THEN j.v0 ELSE least(j.v0, j.capacity * 20) END AS volume,
       CASE WHEN j.vkey IS NULL THEN 1 ELSE least(20, ceil(j.v0 / j.capacity))::integer END AS trips,
       (j.emptied + make_time(8 + floor(7 * pg_temp.u(j.jkey, 163))::integer, floor(60 * pg_temp.u(j.jkey, 164))::integer, 0))
           AT TIME ZONE 'Asia/Dhaka' AS started
FROM j;

-- @step Writing the FSM history
INSERT INTO imis_core.containment (id, code, containment_type, volume_m3, length_m, width_m, depth_m, diameter_m,
                                   pit_count, construction_date, last_emptied_date, emptied_count, in_use,
                                   accessible, location)
SELECT c.id, c.code, c.ctype,
       CASE WHEN NOT c.unmeasured THEN c.volume_m3 END, CASE WHEN NOT c.unmeasured THEN c.length_m END,
       CASE WHEN NOT c.unmeasured THEN c.width_tank END,
       CASE WHEN NOT c.unmeasured THEN coalesce(c.depth_tank, c.depth_pit) END,
       CASE WHEN NOT c.unmeasured THEN c.diameter END,
       c.pits, c.built, h.last, coalesce(h.k, 0), c.in_use, c.accessible, c.location
FROM cont c
LEFT JOIN (SELECT ckey, max(emptied) AS last, count(*) AS k FROM done GROUP BY ckey) h USING (ckey);

INSERT INTO imis_core.building_containment (id, building_id, containment_id)
SELECT pg_temp.uid(8, m.ckey * 4 + (m.lot_key - m.ckey / 4)), m.building_id, m.id
FROM cont_member m;

INSERT INTO imis_fsm.application (id, code, provider_id, building_id, containment_id, holding_id, customer_name,
                                  customer_phone, customer_gender, address, application_date, requested_date,
                                  is_emergency, is_scheduled, is_cancelled, cancel_reason)
SELECT j.id, j.code, pg_temp.uid(61, j.p), j.building_id, j.containment_id,
       CASE WHEN h.hkey IS NOT NULL THEN pg_temp.uid(3, h.hkey) END,
       CASE WHEN o.id IS NOT NULL AND pg_temp.u(j.jkey, 170) < 0.7 THEN o.name
            ELSE pg_temp.one_of(pg_temp.u(j.jkey, 171), %(male_en)s) || ' ' || pg_temp.one_of(pg_temp.u(j.jkey, 172), %(male_surname_en)s) END,
       CASE WHEN o.id IS NOT NULL AND pg_temp.u(j.jkey, 170) < 0.7 AND o.phone IS NOT NULL THEN o.phone
            WHEN pg_temp.u(j.jkey, 173) < 0.9
                THEN '01' || (3 + floor(7 * pg_temp.u(j.jkey, 174)))::integer || lpad(floor(1e8 * pg_temp.u(j.jkey, 175))::bigint::text, 8, '0') END,
       CASE WHEN o.id IS NOT NULL AND pg_temp.u(j.jkey, 170) < 0.7 THEN o.gender ELSE 'male' END,
       j.address, j.app_date, j.app_date + CASE WHEN j.emergency THEN 0 ELSE floor(7 * pg_temp.u(j.jkey, 176))::integer END,
       j.emergency, false, j.cancelled,
       CASE WHEN j.cancelled THEN pg_temp.one_of(pg_temp.u(j.jkey, 177), %(cancel_reasons)s) END
FROM job j
LEFT JOIN hold h ON h.hkey = j.lot_key * 8
LEFT JOIN imis_core.owner o ON o.id = pg_temp.uid(4, h.owner_key);

INSERT INTO imis_fsm.assessment (id, application_id, assessed_date, assessed_by, sludge_volume_m3, trips, vehicle_type,
                                 is_accessible, access_notes, estimated_cost_bdt, proposed_date)
SELECT pg_temp.uid(66, j.jkey), j.id, j.assessed,
       pg_temp.one_of(pg_temp.u(j.jkey, 180), %(male_en)s) || ' ' || pg_temp.one_of(pg_temp.u(j.jkey, 181), %(male_surname_en)s),
       e.est, greatest(1, ceil(e.est / CASE WHEN j.road_width >= 2.5 THEN 3 ELSE 1 END))::integer,
       CASE WHEN j.road_width >= 2.5 THEN 'vacuum_truck' ELSE 'vacutug' END, j.road_width >= 2.5,
       CASE WHEN pg_temp.u(j.jkey, 182) < 0.15 THEN pg_temp.one_of(pg_temp.u(j.jkey, 183), %(access_notes)s) END,
       round(e.est * (700 + 300 * pg_temp.u(j.jkey, 184))::numeric, -1),
       coalesce(j.emptied, j.assessed + j.delay)
FROM job j
CROSS JOIN LATERAL (SELECT round(greatest(0.5, coalesce(j.volume_m3, 3) * (0.6 + 0.4 * pg_temp.u(j.jkey, 185)))::numeric, 1) AS est) e
WHERE j.assessed IS NOT NULL;

INSERT INTO imis_fsm.emptying (id, application_id, emptied_date, volume_m3, trips, vehicle_id, method, start_time,
                               end_time, receipt_number, cost_bdt, notes)
SELECT eid, id, emptied, volume, trips,
       CASE WHEN vkey IS NOT NULL THEN pg_temp.uid(63, vkey) END,
       CASE WHEN manual THEN 'manual' ELSE 'mechanical' END,
       started, started + make_interval(mins => least(420, 25 + 35 * trips)),
       CASE WHEN pg_temp.u(jkey, 190) < 0.9 THEN 'R-' || substr(code, 5) END,
       round(volume * CASE WHEN manual THEN 500 ELSE 700 + 300 * pg_temp.u(jkey, 191) END::numeric, -1),
       CASE WHEN pg_temp.u(jkey, 192) < 0.05 THEN pg_temp.one_of(pg_temp.u(jkey, 193), %(access_notes)s) END
FROM done;

-- the crew: whoever held each place of the vehicle (for manual jobs, the provider's first vehicle) that day
INSERT INTO imis_fsm.emptying_crew (id, emptying_id, employee_id)
SELECT pg_temp.uid(68, d.jkey * 4 + s.slot), d.eid, pg_temp.uid(64, s.ekey)
FROM done d
JOIN staff s ON s.vkey = coalesce(d.vkey, d.p * 100) AND s.slot < 3 AND s.joined <= d.emptied
             AND (s.left_on IS NULL OR s.left_on >= d.emptied);

-- disposals: most mechanical emptyings reach a plant the same day (some the next), in one or two deliveries
INSERT INTO imis_fsm.disposal (id, emptying_id, plant_id, disposed_date, volume_m3, entry_time, exit_time,
                               confirmed_by, notes)
SELECT pg_temp.uid(69, x.jkey * 2 + x.part), x.eid, pg_temp.uid(20, x.plant), x.day, x.volume,
       x.entry, x.entry + make_interval(mins => 10 + floor(30 * pg_temp.u(x.jkey * 2 + x.part, 200))::integer),
       CASE WHEN pg_temp.u(x.jkey, 201) < 0.9 THEN tp.caretaker_name END, NULL
FROM (
    SELECT d.jkey, d.eid, p.part, d.day,
           CASE WHEN %(n)s >= 300000 AND pg_temp.u(d.jkey, 202) < 0.4 THEN 3 ELSE 1 END AS plant,
           CASE WHEN d.split AND p.part = 0 THEN floor(d.volume * 500) / 1000
                WHEN d.split THEN floor(d.volume * (450 + 50 * pg_temp.u(d.jkey, 203))) / 1000
                ELSE floor(d.volume * (900 + 100 * pg_temp.u(d.jkey, 203))) / 1000 END AS volume,
           CASE WHEN d.day = d.emptied
                THEN d.started + make_interval(mins => least(420, 25 + 35 * d.trips) + 20 + 70 * p.part
                                                       + floor(60 * pg_temp.u(d.jkey, 204))::integer)
                ELSE (d.day + make_time(8 + p.part, floor(60 * pg_temp.u(d.jkey, 204))::integer, 0)) AT TIME ZONE 'Asia/Dhaka'
           END AS entry
    FROM (
        SELECT done.*, done.trips >= 2 AND pg_temp.u(jkey, 205) < %(split_disposal)s AS split,
               CASE WHEN pg_temp.u(jkey, 206) < 0.2 AND emptied + 1 <= %(as_of)s::date THEN emptied + 1 ELSE emptied END AS day
        FROM done
        WHERE pg_temp.u(jkey, 207) < CASE WHEN manual THEN 0.2 ELSE %(disposed)s END
    ) d
    CROSS JOIN LATERAL (SELECT 0 AS part UNION ALL SELECT 1 WHERE d.split) p
) x
JOIN imis_core.treatment_plant tp ON tp.id = pg_temp.uid(20, x.plant);

INSERT INTO imis_fsm.feedback (id, application_id, feedback_date, satisfaction, crew_wore_ppe, respondent_gender, comments)
SELECT pg_temp.uid(70, jkey), id, emptied + 1 + floor(20 * pg_temp.u(jkey, 210))::integer,
       pg_temp.ipick(pg_temp.u(jkey, 211), %(satisfaction_v)s, %(satisfaction_c)s::float8[]),
       CASE WHEN pg_temp.u(jkey, 212) < 0.05 THEN NULL ELSE pg_temp.u(jkey, 213) < 0.72 END,
       CASE WHEN pg_temp.u(jkey, 214) < 0.45 THEN 'female' ELSE 'male' END,
       CASE WHEN pg_temp.u(jkey, 215) < 0.25 THEN pg_temp.one_of(pg_temp.u(jkey, 216), %(feedback_comments)s) END
FROM done
WHERE pg_temp.u(jkey, 217) < %(feedback)s AND emptied + 1 + floor(20 * pg_temp.u(jkey, 210))::integer <= %(as_of)s::date;

-- monthly effluent tests of the plants, a few months missed
INSERT INTO imis_fsm.plant_test (id, plant_id, sample_date, bod_mg_l, cod_mg_l, tss_mg_l, ecoli_cfu_100ml, ph,
                                 tested_by, remarks)
SELECT pg_temp.uid(71, t.key), pg_temp.uid(20, t.plant), t.day, t.bod, round(t.bod * (2 + pg_temp.u(t.key, 221))::numeric, 1),
       round((20 + 130 * pg_temp.u(t.key, 222))::numeric, 1), round(10 ^ (1 + 3 * pg_temp.u(t.key, 223)))::numeric,
       round((6.5 + 2 * pg_temp.u(t.key, 224))::numeric, 2),
       CASE WHEN pg_temp.u(t.key, 225) < 0.7 THEN 'DPHE zonal laboratory' ELSE 'plant laboratory' END, NULL
FROM (
    SELECT p.plant, p.plant * 1000 + m AS key,
           least(%(as_of)s::date, (date_trunc('month', %(history_start)s::date) + make_interval(months => m))::date
                                  + 5 + floor(15 * pg_temp.u(p.plant * 1000 + m, 226))::integer) AS day,
           round(exp(ln(15) + ln(8) * pg_temp.u(p.plant * 1000 + m, 227))::numeric, 1) AS bod
    FROM (SELECT tp.plant FROM (VALUES (1), (2), (3)) tp(plant) WHERE tp.plant <> 3 OR %(n)s >= 300000) p,
         generate_series(0, 12 * 3) m
    WHERE (date_trunc('month', %(history_start)s::date) + make_interval(months => m))::date <= %(as_of)s::date
) t
WHERE pg_temp.u(t.key, 228) < 0.85;

-- sludge-level and user surveys of a few containments: before the first emptying of the history (which
-- they found full), else any time
INSERT INTO imis_fsm.containment_survey (id, containment_id, survey_date, user_count, sludge_fill_pct, surveyed_by)
SELECT pg_temp.uid(72, c.ckey), c.id,
       CASE WHEN h.first IS NOT NULL THEN h.first - 1 - floor(300 * pg_temp.u(c.ckey, 230))::integer
            ELSE %(as_of)s::date - floor(900 * pg_temp.u(c.ckey, 230))::integer END,
       CASE WHEN c.users > 0 THEN c.users END,
       round((CASE WHEN h.first IS NOT NULL THEN 60 + 35 * pg_temp.u(c.ckey, 231)
                   ELSE 10 + 85 * pg_temp.u(c.ckey, 231) END)::numeric, 1),
       'FSM survey team'
FROM cont c LEFT JOIN (SELECT ckey, min(emptied) AS first FROM done GROUP BY ckey) h USING (ckey)
WHERE c.in_use AND pg_temp.u(c.ckey, 232) < 0.04;
