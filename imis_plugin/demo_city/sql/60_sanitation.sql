-- Containments (septic tanks, pits, holding tanks) and community / public toilets. A building's own
-- containment sits in its front yard (big buildings sometimes have two); a group of neighbours sharing a
-- tank or latrine has one, in the yard of the first of them. The rows are written with the FSM history
-- (their emptying counts come from it); here they are planned.

-- @step Containments
CREATE TEMP TABLE cont ON COMMIT DROP AS
WITH c AS (
    -- own tank or pit (slot 0), a second one (1), and a group's shared one (2, in the yard of the group's
    -- first member); codes follow the BIN of the building whose yard holds it
    SELECT l.key AS lot_key, 0 AS slot, l.own_type AS ctype, 0.15 + 0.3 * pg_temp.u(l.key, 90) AS pos,
           coalesce(l.people, 0) AS users, l.id AS building_id, l.south, l.bx0, l.bx1, l.by0, l.by1, l.setback,
           l.road_width, l.construction_year, l.special, l.seq, l.group_key, l.ward_number, l.address
    FROM lot l WHERE l.own_type IS NOT NULL
    UNION ALL
    -- a second tank of the same kind
    SELECT l.key, 1, l.own_type,
           0.6 + 0.3 * pg_temp.u(l.key, 90), coalesce(l.people, 0) / 2, l.id, l.south, l.bx0, l.bx1, l.by0, l.by1,
           l.setback, l.road_width, l.construction_year, l.special, l.seq, l.group_key, l.ward_number, l.address
    FROM lot l WHERE l.second_tank
    UNION ALL
    SELECT * FROM (
        SELECT DISTINCT ON (l.group_key) l.key, 2, l.group_type, 0.15 + 0.7 * pg_temp.u(l.key, 90),
               sum(coalesce(l.people, 5)) OVER (PARTITION BY l.group_key)::integer, l.id, l.south, l.bx0, l.bx1, l.by0,
               l.by1, l.setback, l.road_width, l.construction_year, l.special, l.seq, l.group_key, l.ward_number, l.address
        FROM lot l WHERE l.in_group
        ORDER BY l.group_key, l.key
    ) g
), d AS (
    SELECT c.*, c.lot_key * 4 + c.slot AS ckey,
           CASE WHEN c.ctype LIKE 'septic_tank%%' THEN 'septic_tank' WHEN c.ctype LIKE 'lined_pit%%' THEN 'lined_pit'
                ELSE c.ctype END AS container
    FROM c
), e AS (
    SELECT d.*,
           -- a tank for this many users: about 0.12 m3 a person plus a base, community toilets far more
           CASE WHEN d.special IS NOT NULL THEN 12 + 10 * pg_temp.u(d.ckey, 92)
                ELSE 1.2 + least(d.users, 60) * 0.12 * (0.8 + 0.4 * pg_temp.u(d.ckey, 92)) END AS size,
           CASE WHEN d.container IN ('septic_tank', 'holding_tank') THEN round((1.4 + 0.6 * pg_temp.u(d.ckey, 94))::numeric, 2) END AS depth_tank,
           CASE WHEN d.container IN ('septic_tank', 'holding_tank') THEN round((1.0 + 0.8 * pg_temp.u(d.ckey, 95))::numeric, 2) END AS width_tank,
           CASE WHEN d.container IN ('lined_pit', 'unlined_pit', 'double_pit') THEN round((0.9 + 0.6 * pg_temp.u(d.ckey, 96))::numeric, 2) END AS diameter,
           CASE WHEN d.container IN ('lined_pit', 'double_pit') THEN round((1.5 + 1.5 * pg_temp.u(d.ckey, 97))::numeric, 2)
                WHEN d.container = 'unlined_pit' THEN round((1.0 + 1.0 * pg_temp.u(d.ckey, 97))::numeric, 2) END AS depth_pit,
           CASE WHEN d.container = 'double_pit' THEN 2 ELSE 1 END AS pits
    FROM d
), f AS (
    SELECT e.*, CASE WHEN container IN ('septic_tank', 'holding_tank')
                     THEN greatest(1.0, round((size / (depth_tank * width_tank))::numeric, 2)) END AS length_m
    FROM e
)
SELECT f.*, pg_temp.uid(7, f.ckey) AS id,
       'C' || lpad(f.seq::text, 7, '0') || CASE f.slot WHEN 1 THEN '-2' WHEN 2 THEN '-S' ELSE '' END AS code,
       CASE WHEN container IN ('septic_tank', 'holding_tank') THEN round(length_m * width_tank * depth_tank, 3)
            ELSE round((pi() * (diameter / 2) ^ 2 * depth_pit * pits)::numeric, 3) END AS volume_m3,
       -- a sixth of the records lack their dimensions (the fill model then estimates)
       pg_temp.u(f.ckey, 93) < 0.15 AS unmeasured,
       -- built with the building or later; a tenth unknown
       CASE WHEN pg_temp.u(f.ckey, 98) >= 0.1
            THEN least(make_date(f.construction_year, 1, 1) + floor(365 * 4 * pg_temp.u(f.ckey, 99))::integer,
                       %(as_of)s::date - 30) END AS built,
       pg_temp.u(f.ckey, 100) >= 0.03 AS in_use,
       f.road_width >= 2 OR pg_temp.u(f.ckey, 101) < 0.5 AS accessible,
       pg_temp.pt(f.bx0 + (f.bx1 - f.bx0) * f.pos,
                  CASE WHEN f.south THEN f.by0 - f.setback / 2 ELSE f.by1 + f.setback / 2 END) AS location
FROM f;

-- which buildings each containment serves
CREATE TEMP TABLE cont_member ON COMMIT DROP AS
SELECT c.ckey, c.id, c.lot_key, c.building_id FROM cont c WHERE c.slot < 2
UNION ALL
SELECT h.ckey, h.id, l.key, l.id FROM lot l JOIN cont h ON h.group_key = l.group_key AND h.slot = 2 WHERE l.in_group;

-- @step Toilets
CREATE TEMP TABLE toil ON COMMIT DROP AS
SELECT l.key, l.id, l.name, l.special, l.bkey, l.row, l.ward_id, l.lic_name, pg_temp.pt(l.cxc, l.cyc) AS centroid,
       row_number() OVER (PARTITION BY l.special ORDER BY l.seq) AS n
FROM lot l WHERE l.special IS NOT NULL;

INSERT INTO imis_core.toilet (id, code, name, kind, ward_id, building_id, operator, caretaker_phone, status,
                              seats_female, seats_male, seats_universal, universal_design, separate_for_women,
                              has_handwashing, has_menstrual_hygiene, female_users, male_users, fee_bdt,
                              sanitation_system, geom)
SELECT pg_temp.uid(9, t.key),
       CASE t.special WHEN 'community_toilet' THEN 'CT-' ELSE 'PT-' END || lpad(t.n::text, 4, '0'),
       t.name, CASE t.special WHEN 'community_toilet' THEN 'community' ELSE 'public' END, t.ward_id, t.id,
       CASE WHEN t.special = 'public_toilet' THEN %(city_name)s || ' municipality (leased)'
            ELSE (ARRAY['community committee', 'NGO', %(city_name)s || ' municipality'])[1 + floor(3 * pg_temp.u(t.key, 110))::integer] END,
       '01' || (3 + floor(7 * pg_temp.u(t.key, 111)))::integer || lpad(floor(1e8 * pg_temp.u(t.key, 112))::bigint::text, 8, '0'),
       pg_temp.pick(pg_temp.u(t.key, 113), ARRAY['operational', 'under_maintenance', 'not_operational'], ARRAY[0.88, 0.95]::float8[]),
       2 + floor(3 * pg_temp.u(t.key, 114))::integer, 2 + floor(3 * pg_temp.u(t.key, 115))::integer, u.universal,
       u.universal > 0, pg_temp.u(t.key, 117) < 0.8, pg_temp.u(t.key, 118) < 0.75, pg_temp.u(t.key, 119) < 0.3,
       CASE WHEN t.special = 'public_toilet' THEN 80 + floor(300 * pg_temp.u(t.key, 120))::integer END,
       CASE WHEN t.special = 'public_toilet' THEN 150 + floor(450 * pg_temp.u(t.key, 121))::integer END,
       CASE WHEN t.special = 'public_toilet' THEN 5 + 5 * floor(2 * pg_temp.u(t.key, 122)) ELSE 0 END,
       'septic_tank', t.centroid
FROM toil t
CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.u(t.key, 116) < 0.3 THEN 1 ELSE 0 END AS universal) u;

-- the households of a low-income community without a toilet of their own use its community toilet (the
-- second one, when there is one, serves the upper half of the block)
INSERT INTO imis_core.building_toilet (id, building_id, toilet_id)
SELECT pg_temp.uid(13, l.key), l.id, pg_temp.uid(9, coalesce(t2.key, l.bkey * 1024))
FROM lot l
LEFT JOIN toil t2 ON t2.key = l.bkey * 1024 + 3 * 256 AND l.row >= 2
WHERE l.sanitation = 'community_toilet';

UPDATE imis_core.toilet t
SET female_users = u.f, male_users = u.m
FROM (SELECT bt.toilet_id, sum(b.female_population) AS f, sum(b.male_population) AS m
      FROM imis_core.building_toilet bt JOIN imis_core.building b ON b.id = bt.building_id GROUP BY bt.toilet_id) u
WHERE u.toilet_id = t.id AND t.kind = 'community';
