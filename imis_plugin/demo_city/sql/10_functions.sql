-- Session-local helpers of the demo-city generator (pg_temp: gone when the connection closes).
-- All are single-expression SQL functions, which PostgreSQL inlines: a million calls cost what the
-- expression costs. The seed, origin and rotation are written into them as constants.

-- A number in [0, 1) from a key and a stream: the same key, stream and seed always give the same number.
-- hashint8extended is PostgreSQL's own 64-bit hash (hash partitioning relies on it being stable), but it
-- folds a bigint to 32 bits first (hi XOR lo), so the key's high half goes into the hash's seed instead.
CREATE FUNCTION pg_temp.u(k bigint, stream integer) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ((hashint8extended(k & 4294967295, hashint8extended(k >> 32, %(seed)s::bigint * 1000 + stream)) >> 11)
            & 9007199254740991)::float8 / 9007199254740992.0
$$;

-- A UUID derived from the seed, a kind of row and its key: the same city gets the same ids. 122 hashed
-- bits, marked as version 8 ("custom", RFC 9562) with the RFC variant.
CREATE FUNCTION pg_temp.uid(kind integer, k bigint) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT encode(int8send((hashint8extended(k & 4294967295, hashint8extended(k >> 32, %(seed)s::bigint * 1000 + 500 + kind))
                            & -61441) | 32768)
                  || int8send((hashint8extended(k & 4294967295, hashint8extended(k >> 32, %(seed)s::bigint * 1000 + 750 + kind))
                               & 4611686018427387903) | -9223372036854775808), 'hex')::uuid
$$;

-- A value drawn from a categorical distribution (see plan.choice) with the number u in [0, 1).
CREATE FUNCTION pg_temp.pick(u float8, vals text[], thresholds float8[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT vals[width_bucket(u, thresholds) + 1] $$;

CREATE FUNCTION pg_temp.ipick(u float8, vals integer[], thresholds float8[]) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT vals[width_bucket(u, thresholds) + 1] $$;

-- One of a list of names.
CREATE FUNCTION pg_temp.one_of(u float8, vals text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT vals[1 + floor(u * cardinality(vals))::integer] $$;

-- The city is laid out in a local frame (metres, origin at its centre, streets along the axes), then
-- rotated and moved to its place in the city CRS.
CREATE FUNCTION pg_temp.place(g geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ST_SetSRID(ST_Affine(g, %(cos)s, %(msin)s, %(sin)s, %(cos)s, %(ox)s, %(oy)s), %(srid)s)
$$;

CREATE FUNCTION pg_temp.pt(x float8, y float8) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ST_SetSRID(ST_MakePoint(%(ox)s + x * %(cos)s - y * %(sin)s, %(oy)s + x * %(sin)s + y * %(cos)s), %(srid)s)
$$;

CREATE FUNCTION pg_temp.rect(x0 float8, y0 float8, x1 float8, y1 float8) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT pg_temp.place(ST_MakeEnvelope(x0, y0, x1, y1)) $$;

-- Keys of road segments: a horizontal segment from column line i to i + 1 on row line k, a vertical one
-- from row line j to j + 1 on column line k (part 0 whole, 1 lower half, 2 upper half), the lane through
-- a low-income block.
CREATE FUNCTION pg_temp.hkey(i integer, k integer) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (((i + 32768)::bigint << 16) | (k + 32768)) * 8 + 1 $$;

CREATE FUNCTION pg_temp.vkey(k integer, j integer, part integer) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (((k + 32768)::bigint << 16) | (j + 32768)) * 8 + 2 + part $$;

CREATE FUNCTION pg_temp.lanekey(i integer, j integer) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (((i + 32768)::bigint << 16) | (j + 32768)) * 8 + 5 $$;

-- Bangla digits, for Bangla names of wards.
CREATE FUNCTION pg_temp.bn_digits(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT translate(t, '0123456789', '০১২৩৪৫৬৭৮৯') $$;

-- The next working day (Sunday to Thursday in Bangladesh) on or after d, or the one before when that is
-- after the as-of date. Keeps dates in order: both directions stay on the same side of earlier working days.
CREATE FUNCTION pg_temp.workday(d date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN extract(isodow FROM d) IN (5, 6)
                THEN CASE WHEN d + (7 - extract(isodow FROM d))::integer <= %(as_of)s::date
                          THEN d + (7 - extract(isodow FROM d))::integer
                          ELSE d - (extract(isodow FROM d) - 4)::integer END
                ELSE d END
$$;

-- How far out a point of the local frame lies: 1 at the edge of a city of unit size, in a star-shaped
-- outline (an ellipse stretched along the river, with low-frequency waves in the angle). The city grows
-- outward in this measure, so every part of it is joined to the centre.
CREATE FUNCTION pg_temp.radial(x float8, y float8) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT sqrt((x / 1.4) ^ 2 + y ^ 2) / (1 + 0.18 * sin(2 * atan2(y, x) + %(phase1)s)
                                            + 0.12 * sin(3 * atan2(y, x) + %(phase2)s)
                                            + 0.06 * sin(5 * atan2(y, x) + %(phase3)s))
$$;

-- Frontage of the lots in row r of a block: small in low-income blocks, now and then a row of wide lots
-- (schools, markets, factories, apartment blocks).
CREATE FUNCTION pg_temp.frontage(kind text, key bigint, r integer) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN kind = 'lic' THEN 4 + 3 * pg_temp.u(key * 4 + r, 15)
                WHEN pg_temp.u(key * 4 + r, 16) < 0.06 THEN 22 + 18 * pg_temp.u(key * 4 + r, 17)
                ELSE 8 + 9 * pg_temp.u(key * 4 + r, 17) END
$$;

-- A building footprint in the local frame: a rectangle, or an L (shape 1: notch at the back-left corner,
-- 2: back-right; w wide, from the back line to the notch_y line), placed in the city CRS.
CREATE FUNCTION pg_temp.footprint(shape integer, x0 float8, y0 float8, x1 float8, y1 float8, front float8,
                                  back float8, notch_y float8, w float8) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT pg_temp.place(CASE shape
        WHEN 0 THEN ST_MakeEnvelope(x0, y0, x1, y1)
        WHEN 1 THEN ST_MakePolygon(ST_MakeLine(ARRAY[ST_MakePoint(x0, front), ST_MakePoint(x1, front),
                        ST_MakePoint(x1, back), ST_MakePoint(x0 + w, back), ST_MakePoint(x0 + w, notch_y),
                        ST_MakePoint(x0, notch_y), ST_MakePoint(x0, front)]))
        ELSE ST_MakePolygon(ST_MakeLine(ARRAY[ST_MakePoint(x0, front), ST_MakePoint(x1, front),
                        ST_MakePoint(x1, notch_y), ST_MakePoint(x1 - w, notch_y), ST_MakePoint(x1 - w, back),
                        ST_MakePoint(x0, back), ST_MakePoint(x0, front)])) END)
$$;
