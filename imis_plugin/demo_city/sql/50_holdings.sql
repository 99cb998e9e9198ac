-- Holdings (tax units) and their owners. Standard codes Ward-Zone-Holding-Extension (XX-XXX-XXXX-XX):
-- the zone is a cell of 4 x 4 blocks numbered within its ward, the holding number the lot's place in the
-- cell, the extension the unit of an apartment building. About 6% keep a legacy code (flagged), in the
-- forms municipal registers hold: unpadded, zone/holding, "Holding n, Ward w", Bangla digits, n/A. Some
-- buildings are recorded twice, the second time under a legacy variant of the same code (a duplicate
-- for validation to find). Institutions and most slum houses have no holding; a few houses belong to the
-- compound of the house next door; some owners hold several holdings.

-- @step Owners and holdings
CREATE TEMP TABLE hold ON COMMIT DROP AS
WITH z AS (
    SELECT ward, ci, cj, dense_rank() OVER (PARTITION BY ward ORDER BY ci, cj) AS zone
    FROM (SELECT DISTINCT coalesce(ward_number, 0) AS ward, i >> 2 AS ci, j >> 2 AS cj FROM lot) d
), b AS MATERIALIZED (
    SELECT l.key AS lot_key, l.id AS building_id, l.seq, l.k, l.ward_id, coalesce(l.ward_number, 0) AS ward, z.zone, l.address, l.lic,
           ((l.i & 3) * 4 + (l.j & 3)) * 128 + l.row * 32 + l.k + 1 AS hno,
           l.area * l.floors * CASE l.structure_type WHEN 'rcc_framed' THEN 700 WHEN 'load_bearing' THEN 400
                                                              WHEN 'cgi_sheet' THEN 180 ELSE 90 END
               * (0.7 + 0.6 * pg_temp.u(l.key, 77)) AS value,
           CASE WHEN l.special IS NOT NULL OR l.functional_use IN ('public', 'government')
                     OR l.use_category = 'under_construction' OR l.joined THEN 0
                WHEN l.lic THEN CASE WHEN pg_temp.u(l.key, 70) < 0.4 THEN 1 ELSE 0 END
                WHEN l.use_category = 'apartment' THEN 2 + floor(5 * pg_temp.u(l.key, 71))::integer
                WHEN l.use_category = 'multi_family' AND pg_temp.u(l.key, 71) < 0.25 THEN 2
                ELSE 1 END AS n_hold,
           -- the same owner as the house next door
           l.k > 0 AND pg_temp.u(l.key, 72) < 0.08 AS share
    FROM (SELECT lot.*, lot.use_category = 'single_family' AND lot.k > 0 AND pg_temp.u(lot.key, 73) < 0.04 AS joined
          FROM lot) l
    JOIN z ON z.ward = coalesce(l.ward_number, 0) AND z.ci = l.i >> 2 AND z.cj = l.j >> 2
), h AS (
    SELECT b.*, h, b.lot_key * 8 + h AS hkey FROM b CROSS JOIN LATERAL generate_series(0, b.n_hold - 1) h
    UNION ALL
    -- the same building recorded a second time
    SELECT b.*, 7, b.lot_key * 8 + 7 FROM b WHERE b.n_hold > 0 AND pg_temp.u(b.lot_key, 74) < 0.004
), c AS (
    SELECT h.*, lpad(ward::text, 2, '0') || '-' || lpad(zone::text, 3, '0') || '-' || lpad(hno::text, 4, '0') || '-'
                || CASE WHEN h = 7 THEN '00' ELSE lpad(h::text, 2, '0') END AS standard,
           h.h = 7 OR ward = 0 OR pg_temp.u(hkey, 75) < 0.06 AS legacy, pg_temp.u(hkey, 76) AS form
    FROM h
)
SELECT c.*,
       CASE WHEN NOT legacy THEN standard
            WHEN h = 7 AND form < 0.7 THEN ward || '-' || zone || '-' || hno || '-0'
            WHEN h = 7 THEN pg_temp.bn_digits(standard)
            WHEN form < 0.30 THEN ward || '-' || zone || '-' || hno || '-' || h
            WHEN form < 0.55 THEN zone || '/' || hno
            WHEN form < 0.70 THEN 'Holding ' || hno || ', Ward ' || ward
            WHEN form < 0.85 THEN pg_temp.bn_digits(standard)
            ELSE hno || '/' || chr(65 + h) END AS code,
       CASE WHEN h IN (0, 7) THEN lot_key * 8 ELSE hkey END AS owner_key
FROM c;

-- a shared owner is the first owner of the house next door (when that one has a holding and its own owner)
UPDATE hold SET owner_key = p.hkey
FROM hold p
WHERE hold.share AND hold.h IN (0, 7) AND p.hkey = (hold.lot_key - 1) * 8 AND NOT p.share;

INSERT INTO imis_core.owner (id, name, name_bn, gender, national_id, phone, address)
SELECT pg_temp.uid(4, hkey), f.first_en || ' ' || f.last_en, f.first_bn || ' ' || f.last_bn, f.gender,
       -- national ids, unique: the holding's place in the BIN sequence, spread over the 10-digit range or
       -- after a birth year in the 17-digit form
       CASE WHEN pg_temp.u(hkey, 81) < 0.6 THEN (1000000000 + ((seq * 8 + h) * 7919 + 12345) %% 9000000000)::text
            WHEN pg_temp.u(hkey, 81) < 0.8
                THEN (1940 + floor(60 * pg_temp.u(hkey, 82)))::text || lpad((seq * 8 + h)::text, 13, '0') END,
       CASE WHEN pg_temp.u(hkey, 83) < 0.7
            THEN '01' || (3 + floor(7 * pg_temp.u(hkey, 84)))::integer || lpad(floor(1e8 * pg_temp.u(hkey, 85))::bigint::text, 8, '0') END,
       address
FROM (SELECT * FROM hold WHERE owner_key = hkey) o
CROSS JOIN LATERAL (
    SELECT CASE WHEN pg_temp.u(o.hkey, 80) < 0.22 THEN 'female' ELSE 'male' END AS gender
) g
CROSS JOIN LATERAL (
    SELECT g.gender,
           CASE g.gender WHEN 'female' THEN pg_temp.one_of(pg_temp.u(o.hkey, 86), %(female_en)s)
                ELSE pg_temp.one_of(pg_temp.u(o.hkey, 86), %(male_en)s) END AS first_en,
           CASE g.gender WHEN 'female' THEN pg_temp.one_of(pg_temp.u(o.hkey, 86), %(female_bn)s)
                ELSE pg_temp.one_of(pg_temp.u(o.hkey, 86), %(male_bn)s) END AS first_bn,
           CASE g.gender WHEN 'female' THEN pg_temp.one_of(pg_temp.u(o.hkey, 87), %(female_surname_en)s)
                ELSE pg_temp.one_of(pg_temp.u(o.hkey, 87), %(male_surname_en)s) END AS last_en,
           CASE g.gender WHEN 'female' THEN pg_temp.one_of(pg_temp.u(o.hkey, 87), %(female_surname_bn)s)
                ELSE pg_temp.one_of(pg_temp.u(o.hkey, 87), %(male_surname_bn)s) END AS last_bn
) f;

INSERT INTO imis_core.holding (id, holding_code, is_legacy, ward_id, owner_id, address, annual_value_bdt)
SELECT pg_temp.uid(3, hkey), code, legacy, ward_id, pg_temp.uid(4, owner_key), address,
       round((value / greatest(1, n_hold))::numeric, -2)
FROM hold;

INSERT INTO imis_core.building_holding (id, building_id, holding_id)
SELECT pg_temp.uid(5, hkey), building_id, pg_temp.uid(3, hkey) FROM hold
UNION ALL
-- a house in the compound of the one next door shares its first holding
SELECT pg_temp.uid(6, l.key), l.id, pg_temp.uid(3, p.hkey)
FROM lot l JOIN hold p ON p.hkey = (l.key - 1) * 8
WHERE l.use_category = 'single_family' AND l.k > 0 AND pg_temp.u(l.key, 73) < 0.04;
