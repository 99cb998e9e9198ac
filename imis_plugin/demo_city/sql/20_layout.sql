-- The city's layout in its local frame: street lines of varying spacing, blocks between them, which
-- blocks the city takes (ranked outward from the centre until the lots hold the wanted buildings).
-- Column lines run north-south (x = const), row lines east-west (y = const); line 0 passes the centre.
-- Every 8th line is a strategic urban road, every 4th a feeder road, the rest local roads and lanes.

-- @step Laying out the street grid
CREATE TEMP TABLE g_col ON COMMIT DROP AS
WITH w AS (
    SELECT i, 70 + 60 * pg_temp.u(i, 1) AS w FROM generate_series(-%(half)s, %(half)s - 1) i
), c AS (
    SELECT i AS k, coalesce(sum(w) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS x
    FROM w
    UNION ALL SELECT %(half)s, sum(w) FROM w
)
SELECT c.k, c.x - z.x AS x,
       CASE WHEN (c.k & 7) = 0 THEN 'strategic_urban' WHEN (c.k & 3) = 0 THEN 'feeder' ELSE 'other' END AS hierarchy,
       CASE WHEN (c.k & 7) = 0 THEN 11.0 WHEN (c.k & 3) = 0 THEN 5.5 ELSE 3.5 END::float8 AS reserve,
       pg_temp.one_of(pg_temp.u(c.k, 3), %(places)s)
           || CASE WHEN (c.k & 3) = 0 THEN ' Road' ELSE ' Lane ' || (1 + floor(9 * pg_temp.u(c.k, 5)))::integer END
           AS name
FROM c, (SELECT x FROM c WHERE k = 0) z;

-- the river runs in row river_row, a wide band without lots
CREATE TEMP TABLE g_row ON COMMIT DROP AS
WITH w AS (
    SELECT i, CASE WHEN i = %(river_row)s THEN 150 ELSE 45 + 45 * pg_temp.u(i, 2) END AS w
    FROM generate_series(-%(half)s, %(half)s - 1) i
), c AS (
    SELECT i AS k, coalesce(sum(w) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS y
    FROM w
    UNION ALL SELECT %(half)s, sum(w) FROM w
)
SELECT c.k, c.y - z.y AS y,
       CASE WHEN (c.k & 7) = 0 THEN 'strategic_urban' WHEN (c.k & 3) = 0 THEN 'feeder' ELSE 'other' END AS hierarchy,
       CASE WHEN (c.k & 7) = 0 THEN 11.0 WHEN (c.k & 3) = 0 THEN 5.5 ELSE 3.5 END::float8 AS reserve,
       pg_temp.one_of(pg_temp.u(c.k, 4), %(places)s)
           || CASE WHEN (c.k & 3) = 0 THEN ' Road' ELSE ' Lane ' || (1 + floor(9 * pg_temp.u(c.k, 6)))::integer END
           AS name
FROM c, (SELECT y FROM c WHERE k = 0) z;

-- Blocks: the land between two column lines and two row lines, less half the widest road on each side.
-- Low-income blocks (denser, four rows of small lots along a lane through the block) are common on the
-- river banks; one next to the centre is always there. Each row of lots has one frontage.
CREATE TEMP TABLE g_block ON COMMIT DROP AS
WITH b AS (
    SELECT c0.k AS i, r0.k AS j, (((c0.k + 32768)::bigint << 16) | (r0.k + 32768)) AS key,
           c0.x AS xl0, c1.x AS xl1, r0.y AS yl0, r1.y AS yl1,
           c0.x + c0.reserve AS x0, c1.x - c1.reserve AS x1, r0.y + r0.reserve AS y0, r1.y - r1.reserve AS y1,
           'strategic_urban' IN (c0.hierarchy, c1.hierarchy, r0.hierarchy, r1.hierarchy) AS on_strategic
    FROM g_col c0 JOIN g_col c1 ON c1.k = c0.k + 1 CROSS JOIN g_row r0 JOIN g_row r1 ON r1.k = r0.k + 1
), k AS (
    SELECT b.*, (x0 + x1) / 2 AS cx, (y0 + y1) / 2 AS cy,
           CASE WHEN j = %(river_row)s THEN 'river'
                WHEN j = %(river_row)s + 1 AND i = -1 THEN 'lic'
                WHEN pg_temp.u(key, 10) < 0.025 THEN 'pond'
                WHEN pg_temp.u(key, 11) < CASE WHEN j IN (%(river_row)s - 1, %(river_row)s + 1) THEN 0.08 ELSE 0.035 END
                    THEN 'lic'
                ELSE 'normal' END AS kind
    FROM b
), f AS (
    SELECT k.*, pg_temp.frontage(kind, key, 0) AS f0, pg_temp.frontage(kind, key, 1) AS f1,
           pg_temp.frontage(kind, key, 2) AS f2, pg_temp.frontage(kind, key, 3) AS f3
    FROM k
), n AS (
    SELECT f.*, greatest(1, floor((x1 - x0) / f0))::integer AS n0, greatest(1, floor((x1 - x0) / f1))::integer AS n1,
           greatest(1, floor((x1 - x0) / f2))::integer AS n2, greatest(1, floor((x1 - x0) / f3))::integer AS n3
    FROM f
)
SELECT n.*, pg_temp.radial(cx, cy) + 25 * pg_temp.u(key, 12) AS score,
       kind = 'normal' AND on_strategic AND pg_temp.u(key, 14) < 0.12 AS market,
       1.2 + 1.2 * pg_temp.u(key, 13) AS lane_w,
       pg_temp.one_of(pg_temp.u(key, 18), %(places)s) || ' '
           || (ARRAY['Bosti', 'Colony', 'Para', 'Slum'])[1 + floor(4 * pg_temp.u(key, 19))::integer] AS lic_name,
       CASE kind WHEN 'normal' THEN n0 + n1 WHEN 'lic' THEN n0 + n1 + n2 + n3 ELSE 0 END AS lots
FROM n;

-- @step Choosing the city's blocks
-- Blocks with lots in order of their distance from the centre (in the radial measure) until their lots
-- hold the wanted number of buildings; the last block is filled in part. "Town" blocks are those in a
-- cell of 4 x 4 blocks (bounded by feeder or strategic roads) that the city reaches: its roads exist.
CREATE TEMP TABLE blk ON COMMIT DROP AS
WITH r AS (
    SELECT key, sum(lots) OVER (ORDER BY score, key) - lots AS before FROM g_block WHERE lots > 0
), t AS (
    SELECT g.*, CASE WHEN r.before < %(n)s THEN least(g.lots, %(n)s - r.before) ELSE 0 END::integer AS take
    FROM g_block g LEFT JOIN r USING (key)
), c AS (
    SELECT DISTINCT i >> 2 AS ci, j >> 2 AS cj FROM t WHERE take > 0
)
SELECT t.*, c.ci IS NOT NULL AS town FROM t LEFT JOIN c ON c.ci = t.i >> 2 AND c.cj = t.j >> 2;
CREATE INDEX ON blk (i, j);
ANALYZE blk;

CREATE TEMP TABLE g_meta ON COMMIT DROP AS
SELECT max(score) FILTER (WHERE take > 0) AS threshold, sum(take) AS taken,
       (SELECT x FROM g_col WHERE k = %(sewer_col)s) AS sewer_x,
       (SELECT y FROM g_row WHERE k = %(river_row)s + 1) AS sewer_y
FROM blk;
