-- Roads (one row per segment between crossings, so the network is noded for routing), drains and
-- sewers along them, the boundary, wards, treatment plants, water bodies, low-income communities and
-- waterlogging areas.

-- @step Roads, drains and sewers
CREATE TEMP TABLE seg0 ON COMMIT DROP AS
WITH e AS (
    -- the south and north edges of every town block: a row line from column line i to i + 1
    SELECT pg_temp.hkey(b.i, b.j + d.d) AS key, false AS vertical, b.j + d.d AS line, b.xl0 AS x0,
           CASE d.d WHEN 0 THEN b.yl0 ELSE b.yl1 END AS y0, b.xl1 AS x1, CASE d.d WHEN 0 THEN b.yl0 ELSE b.yl1 END AS y1,
           false AS split, NULL::float8 AS ym
    FROM blk b CROSS JOIN (VALUES (0), (1)) d(d) WHERE b.town
    UNION ALL
    -- the west and east edges: a column line from row line j to j + 1, split where a low-income lane meets
    -- it; across the river only feeder and strategic roads (bridges)
    SELECT pg_temp.vkey(b.i + d.d, b.j, 0), true, b.i + d.d, CASE d.d WHEN 0 THEN b.xl0 ELSE b.xl1 END, b.yl0,
           CASE d.d WHEN 0 THEN b.xl0 ELSE b.xl1 END, b.yl1, b.kind = 'lic' AND b.take > 0, (b.y0 + b.y1) / 2
    FROM blk b CROSS JOIN (VALUES (0), (1)) d(d)
    WHERE b.town AND (b.j <> %(river_row)s OR ((b.i + d.d) & 3) = 0)
), g AS (
    SELECT key, bool_or(vertical) AS vertical, min(line) AS line, min(x0) AS x0, min(y0) AS y0, min(x1) AS x1,
           min(y1) AS y1, bool_or(split) AS split, min(ym) AS ym
    FROM e GROUP BY key
)
SELECT g.key + p.part AS key, CASE WHEN g.vertical THEN 2 ELSE 1 END AS kind,
       CASE WHEN g.vertical THEN c.hierarchy ELSE r.hierarchy END AS hierarchy,
       CASE WHEN g.vertical THEN c.name ELSE r.name END AS name,
       g.x0, p.ya AS y0, g.x1, p.yb AS y1, NULL::float8 AS lane_w
FROM g
LEFT JOIN g_col c ON g.vertical AND c.k = g.line
LEFT JOIN g_row r ON NOT g.vertical AND r.k = g.line
CROSS JOIN LATERAL (VALUES (0, g.y0, g.y1, NOT g.split), (1, g.y0, g.ym, g.split), (2, g.ym, g.y1, g.split))
    p(part, ya, yb, keep)
WHERE p.keep
UNION ALL
-- the lane through each low-income block, from one column line to the next at the block's middle
SELECT pg_temp.lanekey(i, j), 5, 'other', lic_name || ' Lane', xl0, (y0 + y1) / 2, xl1, (y0 + y1) / 2, lane_w
FROM blk WHERE kind = 'lic' AND take > 0;

-- the faecal sludge treatment plant lies beyond the south end of the central strategic road, reached by
-- an access road; a big city also has a co-treatment plant beyond its north end
INSERT INTO seg0 (key, kind, hierarchy, name, x0, y0, x1, y1)
SELECT 6, 6, 'feeder', %(city_name)s || ' FSTP Road', 0, min(least(y0, y1)), 0, min(least(y0, y1)) - 100
FROM seg0 WHERE kind = 2 AND x0 = 0 HAVING count(*) > 0
UNION ALL
SELECT 14, 6, 'feeder', %(city_name)s || ' Co-treatment Road', 0, max(greatest(y0, y1)), 0,
       max(greatest(y0, y1)) + 100
FROM seg0 WHERE kind = 2 AND x0 = 0 HAVING count(*) > 0 AND %(n)s >= 300000;

CREATE TEMP TABLE seg ON COMMIT DROP AS
SELECT x.*, pg_temp.uid(10, key) AS id, CASE WHEN has_drain THEN pg_temp.uid(11, key) END AS drain_id,
       CASE WHEN has_sewer THEN pg_temp.uid(12, key) END AS sewer_id
FROM (
WITH a AS (
    SELECT s.*, (x0 + x1) / 2 AS mx, (y0 + y1) / 2 AS my, pg_temp.u(key, 30) AS uw,
           row_number() OVER (ORDER BY key) AS seq
    FROM seg0 s
), w AS (
    SELECT a.*,
           round(CASE WHEN kind = 5 THEN lane_w
                      WHEN kind = 6 THEN 7
                      WHEN hierarchy = 'strategic_urban' THEN 12 + 8 * uw
                      WHEN hierarchy = 'feeder' THEN 6 + 3 * uw
                      WHEN uw < 0.22 THEN 1.5 + 0.9 * uw / 0.22
                      ELSE 2.5 + 2.5 * (uw - 0.22) / 0.78 END::numeric, 1) AS width
    FROM a
)
SELECT w.*,
       round(width * CASE WHEN hierarchy = 'strategic_urban' THEN 0.55 + 0.15 * pg_temp.u(key, 31)
                          WHEN hierarchy = 'feeder' THEN 0.6 + 0.2 * pg_temp.u(key, 31)
                          WHEN width < 2.5 THEN 1 ELSE 0.8 + 0.2 * pg_temp.u(key, 31) END::numeric, 1)
           AS carrying,
       CASE WHEN hierarchy = 'strategic_urban' THEN 'metalled'
            WHEN hierarchy = 'feeder' THEN pg_temp.pick(pg_temp.u(key, 32), ARRAY['metalled', 'brick_paved', 'concrete'],
                                                         ARRAY[0.6, 0.85]::float8[])
            WHEN width < 2.5 THEN pg_temp.pick(pg_temp.u(key, 32), ARRAY['earthen', 'brick_paved', 'concrete'],
                                               ARRAY[0.45, 0.9]::float8[])
            ELSE pg_temp.pick(pg_temp.u(key, 32), ARRAY['brick_paved', 'earthen', 'concrete', 'gravelled', 'metalled'],
                              ARRAY[0.4, 0.6, 0.75, 0.85]::float8[]) END AS surface,
       -- drains in the older, inner part of the city: along main roads, many local roads and some lanes
       kind <> 6 AND pg_temp.radial(mx, my) <= 0.8 * m.threshold
           AND (hierarchy <> 'other' OR pg_temp.u(key, 33) < CASE WHEN width >= 2.5 THEN 0.45 ELSE 0.3 END) AS has_drain,
       kind IN (1, 2) AND (mx - m.sewer_x) ^ 2 + (my - m.sewer_y) ^ 2 <= %(sewer_radius)s ^ 2 AS has_sewer,
       (mx - m.sewer_x) ^ 2 + (my - m.sewer_y) ^ 2 <= (2 * %(sewer_radius)s) ^ 2 AS near_plant,
       CASE WHEN pg_temp.u(key, 34) < 0.5 THEN -1 ELSE 1 END AS side,
       sqrt((x1 - x0) ^ 2 + (y1 - y0) ^ 2) AS len
FROM w, g_meta m
) x;
CREATE INDEX ON seg (key);
ANALYZE seg;

-- the plants first: drains and sewers end in them
INSERT INTO imis_core.treatment_plant (id, code, name, plant_type, capacity_m3_per_day, status, operator,
                                       caretaker_name, phone, commissioned_date, geom)
SELECT pg_temp.uid(20, p.key), 'TP-0' || p.key, %(city_name)s || p.suffix, p.kind, p.capacity, 'operational', p.operator,
       pg_temp.one_of(pg_temp.u(p.key, 41), %(male_en)s) || ' ' || pg_temp.one_of(pg_temp.u(p.key, 42), %(male_surname_en)s),
       '017' || lpad((floor(pg_temp.u(p.key, 43) * 1e8))::bigint::text, 8, '0'),
       make_date(2016 + p.key, 1, 1) + floor(300 * pg_temp.u(p.key, 44))::integer,
       pg_temp.pt(p.x, p.y)
FROM (
    SELECT 1 AS key, ' Faecal Sludge Treatment Plant' AS suffix, 'fstp' AS kind,
           round(greatest(20, %(n)s / 900.0))::numeric AS capacity, %(city_name)s || ' municipality' AS operator,
           0::float8 AS x, (SELECT min(y1) FROM seg0 WHERE key = 6) - 10 AS y
    UNION ALL
    SELECT 2, ' Decentralised Wastewater Treatment Plant', 'decentralised_wwtp', round(60 + %(n)s / 250.0),
           'NGO operator', m.sewer_x + 25, m.sewer_y - r.reserve - 6
    FROM g_meta m, g_row r WHERE r.k = %(river_row)s + 1
    UNION ALL
    SELECT 3, ' Co-treatment Plant', 'co_treatment', round(%(n)s / 1800.0), %(city_name)s || ' water and sewerage',
           0, (SELECT max(y1) FROM seg0 WHERE key = 14) + 10
    WHERE %(n)s >= 300000
) p;

INSERT INTO imis_core.road (id, code, name, hierarchy, surface, width_m, carrying_width_m, geom)
SELECT id, 'R' || lpad(seq::text, 6, '0'), name, hierarchy, surface, width, carrying,
       ST_Multi(ST_MakeLine(pg_temp.pt(x0, y0), pg_temp.pt(x1, y1)))
FROM seg;

-- a drain runs beside the road, a sewer under it; drains near the sewered area end in its treatment plant
INSERT INTO imis_core.drain (id, code, cover, lining, size_mm, outlet_plant_id, geom)
SELECT drain_id, 'D' || lpad(row_number() OVER (ORDER BY key)::text, 6, '0'),
       CASE WHEN hierarchy = 'strategic_urban' OR pg_temp.u(key, 35) < 0.2 THEN 'closed' ELSE 'open' END,
       CASE WHEN pg_temp.u(key, 36) < 0.78 THEN 'lined' ELSE 'unlined' END,
       (CASE WHEN hierarchy = 'strategic_urban' THEN 900 + 600 * pg_temp.u(key, 37)
             WHEN hierarchy = 'feeder' THEN 600 + 300 * pg_temp.u(key, 37)
             WHEN kind = 5 THEN 200 + 100 * pg_temp.u(key, 37)
             ELSE 300 + 300 * pg_temp.u(key, 37) END)::integer / 50 * 50,
       CASE WHEN near_plant THEN pg_temp.uid(20, 2) END,
       ST_Multi(ST_MakeLine(pg_temp.pt(x0 - side * (width / 2 + 0.4) * (y1 - y0) / len, y0 + side * (width / 2 + 0.4) * (x1 - x0) / len),
                            pg_temp.pt(x1 - side * (width / 2 + 0.4) * (y1 - y0) / len, y1 + side * (width / 2 + 0.4) * (x1 - x0) / len)))
FROM seg WHERE has_drain;

INSERT INTO imis_core.sewer (id, code, diameter_mm, plant_id, geom)
SELECT sewer_id, 'S' || lpad(row_number() OVER (ORDER BY key)::text, 5, '0'),
       CASE hierarchy WHEN 'strategic_urban' THEN 450 WHEN 'feeder' THEN 300 ELSE 200 END,
       pg_temp.uid(20, 2),
       ST_Multi(ST_MakeLine(pg_temp.pt(x0 + side * (width / 4) * (y1 - y0) / len, y0 - side * (width / 4) * (x1 - x0) / len),
                            pg_temp.pt(x1 + side * (width / 4) * (y1 - y0) / len, y1 - side * (width / 4) * (x1 - x0) / len)))
FROM seg WHERE has_sewer;

-- @step Boundary and wards
-- The boundary: the cells the city reaches, with a 150 m fringe of fields (the plants lie in it).
CREATE TEMP TABLE g_area ON COMMIT DROP AS
SELECT ST_Buffer(ST_Union(ST_MakeEnvelope(c0.x, r0.y, c1.x, r1.y)), 150, 'quad_segs=4') AS boundary
FROM (SELECT DISTINCT i >> 2 AS ci, j >> 2 AS cj FROM blk WHERE town) c
JOIN g_col c0 ON c0.k = c.ci * 4 JOIN g_col c1 ON c1.k = c.ci * 4 + 4
JOIN g_row r0 ON r0.k = c.cj * 4 JOIN g_row r1 ON r1.k = c.cj * 4 + 4;

-- Wards: Voronoi cells around k-means centres of the built blocks, cut to the boundary, so they tile it;
-- numbered clockwise from the north.
CREATE TEMP TABLE g_ward ON COMMIT DROP AS
WITH k AS (
    SELECT ST_ClusterKMeans(ST_MakePoint(cx, cy), (SELECT least(%(wards)s, count(*))::integer FROM blk WHERE take > 0))
               OVER (ORDER BY key) AS cid, ST_MakePoint(cx, cy) AS p
    FROM blk WHERE take > 0
), s AS (
    SELECT cid, ST_Centroid(ST_Collect(p ORDER BY p)) AS p FROM k GROUP BY cid
), v AS (
    SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(p ORDER BY cid), 0, (SELECT boundary FROM g_area)))).geom AS cell
    FROM s
)
SELECT row_number() OVER (ORDER BY mod((atan2(ST_X(s.p), ST_Y(s.p)) + 2 * pi())::numeric, (2 * pi())::numeric),
                                   s.cid)::integer AS number,
       ST_Multi(ST_CollectionExtract(ST_Intersection(v.cell, a.boundary), 3)) AS g
FROM v JOIN s ON ST_Contains(v.cell, s.p) CROSS JOIN g_area a;

INSERT INTO imis_core.ward (id, number, name, name_bn, geom)
SELECT pg_temp.uid(1, number), number, 'Ward ' || number, 'ওয়ার্ড ' || pg_temp.bn_digits(number::text),
       pg_temp.place(g)
FROM g_ward;

-- the city row itself, its metadata updated as the row trigger would (when the load runs without it)
UPDATE imis_core.city
SET name = %(city_name)s, name_bn = %(city_name_bn)s, code = %(city_code)s, city_kind = %(city_kind)s,
    boundary = ST_Multi(pg_temp.place(a.boundary)), updated_at = now(), row_version = row_version + %(bump)s,
    changed_by = imis_app.acting_role()
FROM g_area a;

-- @step Treatment plants, water bodies, low-income communities
-- the river winds through its band, clipped to the boundary; ponds and tanks fill some blocks
INSERT INTO imis_core.water_body (id, code, name, water_body_type, geom)
SELECT pg_temp.uid(30, 0), 'WB-0001', %(river_name)s, 'river', ST_Multi(pg_temp.place(g))
FROM (
    SELECT ST_CollectionExtract(ST_Intersection(ST_Buffer(line, 14 + 5 * pg_temp.u(0, 45), 'endcap=flat quad_segs=4'),
                                                (SELECT boundary FROM g_area)), 3) AS g
    FROM (
        SELECT ST_MakeLine(ST_MakePoint(x, ym + 22 * sin(x / 260.0 + %(phase1)s) + 10 * sin(x / 97.0 + %(phase2)s))
                           ORDER BY x) AS line
        FROM (SELECT (r0.y + r0.reserve + r1.y - r1.reserve) / 2 AS ym FROM g_row r0 JOIN g_row r1 ON r1.k = r0.k + 1
              WHERE r0.k = %(river_row)s) m,
             (SELECT ST_XMin(boundary) AS x0, ST_XMax(boundary) AS x1 FROM g_area) e,
             generate_series(floor(e.x0)::integer - 40, ceil(e.x1)::integer + 40, 40) x
        GROUP BY ym
    ) l
) r
WHERE NOT ST_IsEmpty(g);

INSERT INTO imis_core.water_body (id, code, name, water_body_type, geom)
SELECT pg_temp.uid(30, key), 'WB-' || lpad((1 + row_number() OVER (ORDER BY key))::text, 4, '0'),
       CASE WHEN pg_temp.u(key, 46) < 0.3
            THEN pg_temp.one_of(pg_temp.u(key, 47), %(places)s) || CASE WHEN x1 - x0 > 90 THEN ' Dighi' ELSE ' Pukur' END END,
       pg_temp.pick(pg_temp.u(key, 48), ARRAY['pond', 'lake', 'wetland', 'ditch'], ARRAY[0.8, 0.9, 0.95]::float8[]),
       ST_Multi(pg_temp.place(ST_Affine(ST_Buffer(ST_MakePoint(0, 0), 1, 6),
                                        (x1 - x0) / 2 * (0.55 + 0.35 * pg_temp.u(key, 49)), 0, 0,
                                        (y1 - y0) / 2 * (0.55 + 0.35 * pg_temp.u(key, 50)), cx, cy)))
FROM blk, g_meta m
WHERE kind = 'pond' AND town AND score <= m.threshold;

INSERT INTO imis_core.low_income_community (id, code, name, ward_id, geom)
SELECT pg_temp.uid(40, b.key), 'LIC-' || lpad(row_number() OVER (ORDER BY b.key)::text, 4, '0'), b.lic_name,
       (SELECT w.id FROM imis_core.ward w WHERE ST_Intersects(w.geom, pg_temp.pt(b.cx, b.cy)) ORDER BY w.number LIMIT 1),
       ST_Multi(pg_temp.rect(b.x0, b.y0, b.x1, b.y1))
FROM blk b WHERE b.kind = 'lic' AND b.take > 0;

-- waterlogging: low ground, mostly along the river
INSERT INTO imis_core.waterlogging_area (id, code, severity, typical_depth_m, typical_duration_days, geom)
SELECT pg_temp.uid(50, key), 'WL-' || lpad(row_number() OVER (ORDER BY key)::text, 3, '0'), severity,
       round((CASE severity WHEN 'low' THEN 0.2 WHEN 'medium' THEN 0.4 ELSE 0.8 END
              * (1 + pg_temp.u(key, 51)))::numeric, 2),
       (2 + 28 * pg_temp.u(key, 52) * CASE severity WHEN 'high' THEN 1 ELSE 0.5 END)::integer,
       ST_Multi(pg_temp.place(g))
FROM (
    SELECT key, pg_temp.pick(pg_temp.u(key, 53), ARRAY['low', 'medium', 'high'], ARRAY[0.5, 0.85]::float8[]) AS severity,
           ST_CollectionExtract(ST_Intersection(
               ST_Buffer(ST_MakeLine(ST_MakePoint(cx - 60 + 120 * pg_temp.u(key, 54), cy - 40 + 80 * pg_temp.u(key, 55)),
                                     ST_MakePoint(cx - 60 + 120 * pg_temp.u(key, 56), cy - 40 + 80 * pg_temp.u(key, 57))),
                         40 + 80 * pg_temp.u(key, 58), 'quad_segs=4'),
               (SELECT boundary FROM g_area)), 3) AS g
    FROM blk
    WHERE take > 0
    ORDER BY CASE WHEN abs(j - %(river_row)s) <= 2 THEN 0.4 ELSE 1 END * pg_temp.u(key, 59), key
    LIMIT %(waterlogging)s
) w
WHERE NOT ST_IsEmpty(g);
