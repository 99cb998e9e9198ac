-- Buildings: one per lot. A block's lots lie in rows along its roads (two rows back to back; four rows
-- along a lane in low-income blocks); each footprint keeps a front yard, side gaps and a back gap inside
-- its lot, so no two buildings overlap and none reaches a road. Everything else about a building is drawn
-- from its lot's key.

-- @step Placing buildings on their lots
-- The ward of a whole block when its four corners lie in one ward (Voronoi cells are convex and the
-- block lies inside the boundary, so the block does too); only the buildings of blocks on a ward border
-- are looked up one by one.
CREATE TEMP TABLE blk_ward ON COMMIT DROP AS
SELECT b.key, CASE WHEN count(DISTINCT w.id) = 1 AND count(w.id) = 4 THEN min(w.id::text)::uuid END AS ward_id,
       CASE WHEN count(DISTINCT w.id) = 1 AND count(w.id) = 4 THEN min(w.number) END AS ward_number
FROM blk b
CROSS JOIN LATERAL (VALUES (b.x0, b.y0), (b.x1, b.y0), (b.x0, b.y1), (b.x1, b.y1)) c(x, y)
CROSS JOIN LATERAL (SELECT pg_temp.pt(c.x, c.y) AS p OFFSET 0) q
LEFT JOIN LATERAL (
    SELECT w.id, w.number FROM imis_core.ward w WHERE w.geom && q.p AND ST_Intersects(w.geom, q.p)
    ORDER BY w.number + 0 LIMIT 1
) w ON true
WHERE b.take > 0
GROUP BY b.key;

CREATE TEMP TABLE lot ON COMMIT DROP AS
WITH o AS (
    -- BINs run block by block from the south-west, row by row, lot by lot
    SELECT key, sum(take) OVER (ORDER BY j, i) - take AS first_seq FROM blk WHERE take > 0
), rw AS (
    SELECT b.key AS bkey, b.i, b.j, b.take, bw.ward_id AS block_ward, bw.ward_number AS block_ward_number,
           b.kind = 'lic' AS lic, CASE WHEN b.kind = 'lic' THEN pg_temp.uid(40, b.key) END AS lic_id, b.market, b.lots AS block_lots,
           CASE WHEN b.kind = 'lic' THEN b.lic_name END AS lic_name, b.x0, b.x1,
           b.cx, b.cy, o.first_seq, r.row, r.n, r.f, r.ly0, r.ly1, r.south, r.road_key, r.before, m.threshold
    FROM blk b JOIN o USING (key) JOIN blk_ward bw USING (key) CROSS JOIN g_meta m
    CROSS JOIN LATERAL (SELECT (b.y0 + b.y1) / 2 AS ym, b.lane_w / 2 + 0.3 AS hl, b.kind = 'lic' AS lic) h
    CROSS JOIN LATERAL (VALUES
        (0, b.n0, b.f0, b.y0, CASE WHEN h.lic THEN (b.y0 + h.ym - h.hl) / 2 ELSE h.ym END, true,
         pg_temp.hkey(b.i, b.j), 0),
        (1, b.n1, b.f1, CASE WHEN h.lic THEN (b.y0 + h.ym - h.hl) / 2 ELSE h.ym END,
         CASE WHEN h.lic THEN h.ym - h.hl ELSE b.y1 END, false,
         CASE WHEN h.lic THEN pg_temp.lanekey(b.i, b.j) ELSE pg_temp.hkey(b.i, b.j + 1) END, b.n0),
        (2, b.n2, b.f2, h.ym + h.hl, (h.ym + h.hl + b.y1) / 2, true, pg_temp.lanekey(b.i, b.j), b.n0 + b.n1),
        (3, b.n3, b.f3, (h.ym + h.hl + b.y1) / 2, b.y1, false, pg_temp.hkey(b.i, b.j + 1), b.n0 + b.n1 + b.n2)
    ) r(row, n, f, ly0, ly1, south, road_key, before)
    WHERE b.take > 0 AND r.row < CASE WHEN h.lic THEN 4 ELSE 2 END AND r.before < b.take
), l AS (
    SELECT rw.*, k, rw.bkey * 1024 + rw.row * 256 + k AS key, rw.first_seq + rw.before + k + 1 AS seq,
           rw.x0 + k * (rw.x1 - rw.x0) / rw.n AS lx0, rw.x0 + (k + 1) * (rw.x1 - rw.x0) / rw.n AS lx1,
           rw.f >= 22 AS big, least(1, pg_temp.radial(rw.cx, rw.cy) / rw.threshold) AS outer_share,
           -- three neighbours in a row form a group that may share one tank or latrine
           rw.bkey * 64 + rw.row * 16 + k / 3 AS group_key,
           CASE WHEN rw.lic AND rw.row = 0 AND k = 0 THEN 'community_toilet'
                WHEN rw.lic AND rw.row = 3 AND k = 0 AND rw.block_lots >= 60 THEN 'community_toilet'
                WHEN rw.market AND rw.row = 0 AND k = 1 THEN 'public_toilet' END AS special
    FROM rw CROSS JOIN LATERAL generate_series(0, rw.n - 1) k
    WHERE rw.before + k < rw.take
), fp AS MATERIALIZED (
    -- the footprint: front setback, side gaps, depth; a fifth of the larger ones L-shaped
    SELECT l.*, pg_temp.uid(2, l.key) AS id, s.width AS road_width, s.hierarchy AS road_hierarchy, s.name AS road_name,
           s.has_drain, s.has_sewer,
           s.id AS road_id, s.drain_id AS road_drain_id, s.sewer_id AS road_sewer_id,
           g.gap, g.setback, g.depth,
           l.lx0 + g.gap AS bx0, l.lx1 - g.gap AS bx1,
           CASE WHEN l.south THEN l.ly0 + g.setback ELSE l.ly1 - g.setback - g.depth END AS by0,
           CASE WHEN l.south THEN l.ly0 + g.setback + g.depth ELSE l.ly1 - g.setback END AS by1
    FROM l JOIN seg s ON s.key = l.road_key
    CROSS JOIN LATERAL (
        SELECT gp.gap, gp.setback,
               least(l.ly1 - l.ly0 - gp.setback - 0.5,
                     CASE WHEN l.lic THEN 3.5 + 3.5 * pg_temp.u(l.key, 22)
                          WHEN l.big THEN 15 + 20 * pg_temp.u(l.key, 22)
                          ELSE 8 + 12 * pg_temp.u(l.key, 22) END) AS depth
        FROM (SELECT CASE WHEN l.lic THEN 0.3 + 0.3 * pg_temp.u(l.key, 21) WHEN l.big THEN 2 + 3 * pg_temp.u(l.key, 21)
                          ELSE 0.5 + 1.0 * pg_temp.u(l.key, 21) END AS gap,
                     CASE WHEN l.lic THEN 0.3 + 0.5 * pg_temp.u(l.key, 20) WHEN l.big THEN 3 + 5 * pg_temp.u(l.key, 20)
                          ELSE 1 + 2.5 * pg_temp.u(l.key, 20) END AS setback) gp
    ) g
)
-- Attributes, each computed once per building (a LATERAL step with OFFSET 0 is evaluated, not inlined,
-- and passes on only its own columns). The footprint is kept as numbers (the building row gets the
-- polygon): lot stays narrow, and it is read by every later step.
SELECT c.key, c.id, c.seq, c.bkey, c.i, c.j, c.row, c.k, c.lic, c.lic_id, c.lic_name, c.special, c.group_key,
       c.south, c.lx0, c.ly0, c.ly1, c.bx0, c.bx1, c.by0, c.by1, c.setback, c.depth, c.big, c.outer_share,
       c.road_width, c.has_drain, c.road_id, c.road_drain_id, c.road_sewer_id,
       sh.shape, sh.w AS notch_w, sh.front, sh.back, sh.notch_y, sh.area, sh.cxc, sh.cyc,
       a.functional_use, b.use_category, s.structure_type, f.floors, h.households, h.unsurveyed, pe.people,
       gr.in_group, gr.group_type, sy.sanitation, ot.own_type,
       CASE b.use_category
           WHEN 'community_toilet' THEN c.lic_name || ' Community Toilet'
           WHEN 'public_toilet' THEN pg_temp.one_of(pg_temp.u(c.key, 45), %(places)s) || ' Public Toilet'
           WHEN 'school' THEN pg_temp.one_of(pg_temp.u(c.key, 45), %(places)s) || ' Government Primary School'
           WHEN 'madrasa' THEN pg_temp.one_of(pg_temp.u(c.key, 45), %(places)s) || ' Dakhil Madrasa'
           WHEN 'college' THEN pg_temp.one_of(pg_temp.u(c.key, 45), %(places)s) || ' College'
           WHEN 'university' THEN %(city_name)s || ' University of Science and Technology'
           WHEN 'hospital' THEN pg_temp.one_of(pg_temp.u(c.key, 45), %(places)s) || ' General Hospital'
           WHEN 'clinic' THEN pg_temp.one_of(pg_temp.u(c.key, 45), %(places)s) || ' Clinic'
           WHEN 'health_centre' THEN pg_temp.one_of(pg_temp.u(c.key, 45), %(places)s) || ' Health Centre'
           WHEN 'mosque' THEN pg_temp.one_of(pg_temp.u(c.key, 45), %(places)s) || ' Jame Masjid'
           WHEN 'temple' THEN pg_temp.one_of(pg_temp.u(c.key, 45), %(places)s) || ' Mandir'
           WHEN 'market' THEN pg_temp.one_of(pg_temp.u(c.key, 45), %(places)s) || ' Bazar'
           WHEN 'police_station' THEN pg_temp.one_of(pg_temp.u(c.key, 45), %(places)s) || ' Police Station'
           WHEN 'bus_terminal' THEN pg_temp.one_of(pg_temp.u(c.key, 45), %(places)s) || ' Bus Terminal' END AS name,
       coalesce(c.block_ward, w.id) AS ward_id, coalesce(c.block_ward_number, w.number) AS ward_number,
       (2 * c.k + 1 + CASE WHEN c.south THEN 1 ELSE 0 END)::text AS house_number,
       concat_ws(', ', (2 * c.k + 1 + CASE WHEN c.south THEN 1 ELSE 0 END)::text, c.road_name,
                 'Ward ' || coalesce(c.block_ward_number, w.number), %(city_name)s) AS address,
       extract(year FROM %(as_of)s::date)::integer - floor(pg_temp.u(c.key, 38) ^ 1.4
           * CASE s.structure_type WHEN 'cgi_sheet' THEN 30 WHEN 'wooden_mud' THEN 45 ELSE 55 END)::integer
           AS construction_year,
       ot.own_type IS NOT NULL AND c.special IS NULL AND (c.big OR f.floors >= 5)
           AND pg_temp.u(c.key, 65) < %(second_containment)s AS second_tank
FROM fp c
CROSS JOIN LATERAL (
    -- a fifth of the larger footprints are L-shaped: a notch at a back corner; area and centroid follow
    SELECT n.shape, n.w, n.front, n.back, n.notch_y, n.a - n.an AS area,
           ((c.bx0 + c.bx1) / 2 * n.a - n.nx * n.an) / (n.a - n.an) AS cxc,
           ((c.by0 + c.by1) / 2 * n.a - (n.back + n.notch_y) / 2 * n.an) / (n.a - n.an) AS cyc
    FROM (SELECT m.*, CASE WHEN m.shape = 0 THEN 0 ELSE m.w * abs(m.back - m.notch_y) END AS an,
                 CASE WHEN m.shape = 1 THEN c.bx0 + m.w / 2 ELSE c.bx1 - m.w / 2 END AS nx
          FROM (SELECT CASE WHEN c.lic OR c.big OR pg_temp.u(c.key, 23) >= 0.2 OR c.bx1 - c.bx0 < 8 OR c.depth < 8 THEN 0
                            WHEN pg_temp.u(c.key, 26) < 0.5 THEN 1 ELSE 2 END AS shape,
                       (c.bx1 - c.bx0) * (0.3 + 0.2 * pg_temp.u(c.key, 24)) AS w,
                       CASE WHEN c.south THEN c.by0 ELSE c.by1 END AS front,
                       CASE WHEN c.south THEN c.by1 ELSE c.by0 END AS back,
                       CASE WHEN c.south THEN c.by1 - c.depth * (0.3 + 0.2 * pg_temp.u(c.key, 25))
                            ELSE c.by0 + c.depth * (0.3 + 0.2 * pg_temp.u(c.key, 25)) END AS notch_y,
                       (c.bx1 - c.bx0) * (c.by1 - c.by0) AS a) m) n
    OFFSET 0
) sh
CROSS JOIN LATERAL (
    SELECT w.idx AS fu_idx,
           CASE WHEN c.special IS NOT NULL THEN 'public' ELSE (%(fu_normal_v)s::text[])[w.idx + 1] END AS functional_use
    FROM (SELECT width_bucket(pg_temp.u(c.key, 31),
                              CASE WHEN c.lic THEN %(fu_lic_c)s::float8[] WHEN c.big THEN %(fu_big_c)s::float8[]
                                   WHEN c.road_hierarchy <> 'other' THEN %(fu_main_c)s::float8[]
                                   ELSE %(fu_normal_c)s::float8[] END) AS idx) w
    OFFSET 0
) a
CROSS JOIN LATERAL (
    SELECT CASE WHEN c.special IS NOT NULL THEN c.special
                WHEN c.lic AND a.functional_use = 'residential' AND pg_temp.u(c.key, 32) < 0.9 THEN 'informal_housing'
                ELSE (%(uc_v)s::text[])[width_bucket(a.fu_idx + pg_temp.u(c.key, 32), %(uc_c)s::float8[]) + 1] END
               AS use_category
    OFFSET 0
) b
CROSS JOIN LATERAL (
    SELECT CASE WHEN c.special IS NOT NULL THEN 'load_bearing'
                WHEN b.use_category = 'apartment' OR c.big AND a.functional_use NOT IN ('residential', 'agriculture')
                    THEN 'rcc_framed'
                WHEN c.lic THEN pg_temp.pick(pg_temp.u(c.key, 30), %(structure_lic_v)s, %(structure_lic_c)s::float8[])
                ELSE pg_temp.pick(pg_temp.u(c.key, 30), %(structure_normal_v)s, %(structure_normal_c)s::float8[]) END
               AS structure_type
    OFFSET 0
) s
CROSS JOIN LATERAL (
    SELECT CASE WHEN c.special IS NOT NULL THEN 1
                WHEN b.use_category = 'apartment' THEN 5 + floor(6 * pg_temp.u(c.key, 33))::integer
                WHEN s.structure_type = 'rcc_framed'
                    THEN 1 + floor(pg_temp.u(c.key, 33) ^ 1.6 * (2 + 7 * (1 - c.outer_share)))::integer
                WHEN s.structure_type = 'load_bearing' THEN 1 + floor(2.6 * pg_temp.u(c.key, 33))::integer
                ELSE 1 END AS floors
    OFFSET 0
) f
CROSS JOIN LATERAL (
    SELECT CASE WHEN a.functional_use = 'residential' THEN
                     CASE b.use_category
                        WHEN 'single_family' THEN CASE WHEN pg_temp.u(c.key, 34) < 0.1 THEN 2 ELSE 1 END
                        WHEN 'multi_family' THEN greatest(2, f.floors * (1 + floor(2 * pg_temp.u(c.key, 34))::integer))
                        WHEN 'apartment' THEN f.floors * (2 + floor(2 * pg_temp.u(c.key, 34))::integer)
                        WHEN 'dormitory' THEN 1
                        ELSE 1 + floor(2.2 * pg_temp.u(c.key, 34))::integer END
                WHEN a.functional_use = 'mixed' THEN greatest(1, f.floors - 1)
                ELSE 0 END AS households,
           pg_temp.u(c.key, 43) < 0.015 AS unsurveyed
    OFFSET 0
) h
CROSS JOIN LATERAL (
    SELECT CASE WHEN b.use_category = 'dormitory' THEN 20 + floor(60 * pg_temp.u(c.key, 35))::integer
                ELSE round(h.households * (3.2 + 2.6 * pg_temp.u(c.key, 35)))::integer END AS people
    OFFSET 0
) pe
CROSS JOIN LATERAL (
    SELECT CASE WHEN c.special IS NOT NULL THEN 'septic_tank'
                WHEN a.functional_use = 'vacant' OR pg_temp.u(c.key, 44) < 0.012 THEN NULL
                WHEN c.has_sewer AND pg_temp.u(c.key, 41) < %(sewer_connected)s THEN 'sewer_network'
                WHEN c.lic AND a.functional_use = 'residential'
                    THEN pg_temp.pick(pg_temp.u(c.key, 40), %(san_lic_v)s, %(san_lic_c)s::float8[])
                ELSE pg_temp.pick(pg_temp.u(c.key, 40), %(san_normal_v)s, %(san_normal_c)s::float8[]) END AS base_system
    OFFSET 0
) g
CROSS JOIN LATERAL (
    -- neighbours sharing a tank (or, in low-income blocks, a latrine: pit or tank): the group's type is
    -- drawn from the group's key, so every member agrees
    SELECT pg_temp.u(c.group_key, 60) < CASE WHEN c.lic THEN %(shared_lic)s ELSE %(shared_normal)s END
               AND a.functional_use IN ('residential', 'mixed')
               AND g.base_system IN ('septic_tank', 'pit_holding_tank', 'shared_toilet') AS in_group,
           CASE WHEN c.lic AND pg_temp.u(c.group_key, 62) < 0.5 THEN
                    CASE WHEN c.has_drain THEN pg_temp.pick(pg_temp.u(c.group_key, 61), %(pit_drain_v)s, %(pit_drain_c)s::float8[])
                         ELSE pg_temp.pick(pg_temp.u(c.group_key, 61), %(pit_no_drain_v)s, %(pit_no_drain_c)s::float8[]) END
                WHEN c.has_drain THEN pg_temp.pick(pg_temp.u(c.group_key, 61), %(septic_drain_v)s, %(septic_drain_c)s::float8[])
                ELSE pg_temp.pick(pg_temp.u(c.group_key, 61), %(septic_no_drain_v)s, %(septic_no_drain_c)s::float8[]) END
               AS group_type
    OFFSET 0
) gr
CROSS JOIN LATERAL (
    SELECT CASE WHEN gr.in_group THEN CASE WHEN c.lic THEN 'shared_toilet' ELSE 'shared_septic_tank' END
                WHEN g.base_system = 'drain_network' AND NOT c.has_drain THEN 'septic_tank'
                ELSE g.base_system END AS sanitation
    OFFSET 0
) sy
CROSS JOIN LATERAL (
    -- the building's own containment, if it has one
    SELECT CASE WHEN gr.in_group THEN NULL
                WHEN sy.sanitation = 'onsite_treatment' THEN 'septic_tank_soak_pit'
                WHEN sy.sanitation = 'sewer_network' THEN CASE WHEN pg_temp.u(c.key, 63) < 0.15 THEN 'septic_tank_sewer' END
                WHEN sy.sanitation = 'septic_tank' AND c.has_drain
                    THEN pg_temp.pick(pg_temp.u(c.key, 64), %(septic_drain_v)s, %(septic_drain_c)s::float8[])
                WHEN sy.sanitation = 'septic_tank'
                    THEN pg_temp.pick(pg_temp.u(c.key, 64), %(septic_no_drain_v)s, %(septic_no_drain_c)s::float8[])
                WHEN sy.sanitation IN ('pit_holding_tank', 'shared_toilet') AND c.has_drain
                    THEN pg_temp.pick(pg_temp.u(c.key, 64), %(pit_drain_v)s, %(pit_drain_c)s::float8[])
                WHEN sy.sanitation IN ('pit_holding_tank', 'shared_toilet')
                    THEN pg_temp.pick(pg_temp.u(c.key, 64), %(pit_no_drain_v)s, %(pit_no_drain_c)s::float8[]) END
               AS own_type
    OFFSET 0
) ot
CROSS JOIN LATERAL (SELECT pg_temp.pt(sh.cxc, sh.cyc) AS centroid OFFSET 0) q
-- the ward holding the centroid (the lowest number for a centroid exactly on a ward border); "+ 0" keeps
-- the planner on the spatial index
LEFT JOIN LATERAL (
    SELECT w.id, w.number FROM imis_core.ward w
    WHERE c.block_ward IS NULL AND w.geom && q.centroid AND ST_Intersects(w.geom, q.centroid)
    ORDER BY w.number + 0 LIMIT 1
) w ON true;

-- @step Writing buildings
INSERT INTO imis_core.building (
    id, bin, name, house_number, address, structure_type, functional_use, use_category, floor_count,
    construction_year, household_count, population, female_population, male_population, other_population,
    lic_id, ward_id, road_id, drain_id, sewer_id, water_source, toilet_count, sanitation_system,
    vehicle_accessible, road_width_access_m, surveyed_date, geom)
SELECT id, 'B' || lpad(seq::text, 7, '0'), name,
       house_number, address,
       CASE WHEN pg_temp.u(key, 46) >= 0.01 THEN structure_type END, functional_use, use_category, floors,
       construction_year,
       CASE WHEN NOT unsurveyed THEN households END,
       CASE WHEN NOT unsurveyed THEN people END,
       CASE WHEN NOT unsurveyed THEN f.female END,
       CASE WHEN NOT unsurveyed THEN people - f.female - f.other END,
       CASE WHEN NOT unsurveyed THEN f.other END,
       lic_id, ward_id, road_id,
       CASE WHEN has_drain AND (sanitation = 'drain_network' OR right(own_type, 6) = '_drain'
                                OR in_group AND right(group_type, 6) = '_drain') THEN road_drain_id END,
       CASE WHEN sanitation = 'sewer_network' THEN road_sewer_id END,
       CASE WHEN pg_temp.u(key, 47) >= 0.02 THEN
           CASE WHEN lic THEN pg_temp.pick(pg_temp.u(key, 39), %(water_lic_v)s, %(water_lic_c)s::float8[])
                WHEN outer_share < 0.5 THEN pg_temp.pick(pg_temp.u(key, 39), %(water_core_v)s, %(water_core_c)s::float8[])
                ELSE pg_temp.pick(pg_temp.u(key, 39), %(water_outer_v)s, %(water_outer_c)s::float8[]) END END,
       CASE WHEN special IS NOT NULL THEN 4 + floor(8 * pg_temp.u(key, 48))::integer
            WHEN sanitation IS NULL THEN NULL
            WHEN sanitation IN ('community_toilet', 'open_defecation') THEN 0
            WHEN functional_use IN ('residential', 'mixed')
                THEN least(30, greatest(1, round(households * (0.6 + 0.7 * pg_temp.u(key, 48)))))::integer
            ELSE 1 + floors END,
       sanitation, road_width >= 2.5, road_width, %(as_of)s::date - floor(900 * pg_temp.u(key, 42))::integer,
       ST_Multi(pg_temp.footprint(shape, bx0, by0, bx1, by1, front, back, notch_y, notch_w))
FROM lot
CROSS JOIN LATERAL (
    SELECT round(people * (0.47 + 0.06 * pg_temp.u(key, 36)))::integer AS female,
           CASE WHEN people >= 3 AND pg_temp.u(key, 37) < 0.004 THEN 1 ELSE 0 END AS other
) f;
