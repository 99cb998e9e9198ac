-- App schema, part 6: the One-ID search (BIN, holding code, owner name, phone, containment code) and the
-- whole record behind a hit. SECURITY INVOKER: row-level security and grants apply as for the tables.
--
-- imis_app.fold() is inlined by the planner, so `imis_app.fold(col) LIKE ...` matches the indexes of
-- revision 0006, which are written on the very same expressions (keep both in step; the test
-- tests/test_one_id.py::test_search_uses_the_indexes_of_revision_0006 checks it). translate() is used
-- instead of the unaccent extension because only an IMMUTABLE built-in expression can back an index that
-- outlives the app schema, which is dropped and rebuilt at every upgrade.

CREATE FUNCTION imis_app.fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT translate(lower(t),
        'àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżž',
        'aaaaaaaaacccccddeeeeeeeeegggghiiiiiiiiijklllllnnnnooooooooorrrssssttuuuuuuuuuuwyyyzzz')
$$;
COMMENT ON FUNCTION imis_app.fold(text) IS 'lower case without Latin accents, for accent/case-insensitive search';

-- Phone numbers compared by their digits only (+880 1711-000000 = 8801711000000).
CREATE FUNCTION imis_app.phone_digits(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(t, '[^0-9]', '', 'g')
$$;

-- A LIKE pattern that matches `t` literally anywhere ('%' and '_' typed by a user are not wildcards).
CREATE FUNCTION imis_app.contains_pattern(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT '%' || replace(replace(replace(t, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

-- The buildings a hit belongs to: itself, through building_holding, through the owner's holdings, or
-- through building_containment.
CREATE FUNCTION imis_app.one_id_buildings(kind text, object_id uuid) RETURNS SETOF uuid
LANGUAGE sql STABLE AS $$
    SELECT object_id WHERE kind = 'building'
    UNION
    SELECT bh.building_id FROM imis_core.building_holding bh WHERE kind = 'holding' AND bh.holding_id = object_id
    UNION
    SELECT bh.building_id FROM imis_core.holding h JOIN imis_core.building_holding bh ON bh.holding_id = h.id
    WHERE kind = 'owner' AND h.owner_id = object_id
    UNION
    SELECT bc.building_id FROM imis_core.building_containment bc
    WHERE kind = 'containment' AND bc.containment_id = object_id
$$;

CREATE FUNCTION imis_app.prefix_pattern(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT replace(replace(replace(t, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

-- Hits for a typed text, best first: exact matches, then prefixes, then the text anywhere. One row per
-- hit; `bin` is the (first) building the hit belongs to and `building_count` how many it links.
CREATE FUNCTION imis_app.one_id_search(query text, max_rows integer DEFAULT 30)
RETURNS TABLE (kind text, object_id uuid, matched text, label text, bin text, building_count integer, rank integer)
LANGUAGE sql STABLE AS $$
    -- The typed text is folded inline (no CTE): called with a literal, the function is inlined and every
    -- pattern becomes a constant the indexes of revision 0006 can use (btree for exact and prefix matches
    -- of codes, trigram for text anywhere). Codes are searched in tiers (exact; prefix from three
    -- characters; anywhere from four), each stopping after max_rows rows, a tier running only while the
    -- ones before it found fewer. Names and phones: one tier (from three characters) that stops after
    -- max_rows rows, ranked afterwards. So a common name or a short prefix never sorts a hundred thousand
    -- rows. Shorter than three characters, only codes typed in full count.
    WITH hits AS (
        -- buildings by code
        (SELECT * FROM (
            (SELECT 'building'::text AS kind, x.id, x.bin AS matched, 0 AS rank FROM imis_core.building x
             WHERE length(imis_app.fold(btrim(query))) >= 2
               AND lower(x.bin) = imis_app.fold(btrim(query))
             LIMIT max_rows)
            UNION ALL
            (SELECT 'building', x.id, x.bin, 1 FROM imis_core.building x
             WHERE length(imis_app.fold(btrim(query))) >= 3
               AND lower(x.bin) LIKE imis_app.prefix_pattern(imis_app.fold(btrim(query)))
               AND lower(x.bin) <> imis_app.fold(btrim(query))
             LIMIT max_rows)
            UNION ALL
            (SELECT 'building', x.id, x.bin, 2 FROM imis_core.building x
             WHERE length(imis_app.fold(btrim(query))) >= 4
               AND lower(x.bin) LIKE imis_app.contains_pattern(imis_app.fold(btrim(query)))
               AND lower(x.bin) NOT LIKE imis_app.prefix_pattern(imis_app.fold(btrim(query)))
             LIMIT max_rows)
        ) k LIMIT max_rows)
        UNION ALL
        -- holdings by code
        (SELECT * FROM (
            (SELECT 'holding'::text AS kind, x.id, x.holding_code AS matched, 0 AS rank FROM imis_core.holding x
             WHERE length(imis_app.fold(btrim(query))) >= 2
               AND lower(x.holding_code) = imis_app.fold(btrim(query))
             LIMIT max_rows)
            UNION ALL
            (SELECT 'holding', x.id, x.holding_code, 1 FROM imis_core.holding x
             WHERE length(imis_app.fold(btrim(query))) >= 3
               AND lower(x.holding_code) LIKE imis_app.prefix_pattern(imis_app.fold(btrim(query)))
               AND lower(x.holding_code) <> imis_app.fold(btrim(query))
             LIMIT max_rows)
            UNION ALL
            (SELECT 'holding', x.id, x.holding_code, 2 FROM imis_core.holding x
             WHERE length(imis_app.fold(btrim(query))) >= 4
               AND lower(x.holding_code) LIKE imis_app.contains_pattern(imis_app.fold(btrim(query)))
               AND lower(x.holding_code) NOT LIKE imis_app.prefix_pattern(imis_app.fold(btrim(query)))
             LIMIT max_rows)
        ) k LIMIT max_rows)
        UNION ALL
        -- owners by name
        (SELECT 'owner', x.id, x.name,
                CASE WHEN imis_app.fold(x.name) = imis_app.fold(btrim(query)) THEN 0
                     WHEN imis_app.fold(x.name) LIKE imis_app.prefix_pattern(imis_app.fold(btrim(query))) THEN 1 ELSE 2 END
         FROM imis_core.owner x
         WHERE length(imis_app.fold(btrim(query))) >= 3
           AND imis_app.fold(x.name) LIKE imis_app.contains_pattern(imis_app.fold(btrim(query)))
         LIMIT max_rows)
        UNION ALL
        -- owners by name_bn
        (SELECT 'owner', x.id, x.name_bn,
                CASE WHEN x.name_bn = btrim(query) THEN 0
                     WHEN x.name_bn LIKE imis_app.prefix_pattern(btrim(query)) THEN 1 ELSE 2 END
         FROM imis_core.owner x
         WHERE length(btrim(query)) >= 3
           AND x.name_bn LIKE imis_app.contains_pattern(btrim(query))
         LIMIT max_rows)
        UNION ALL
        -- owners by phone
        (SELECT 'owner', x.id, x.phone,
                CASE WHEN imis_app.phone_digits(x.phone) = imis_app.phone_digits(query) THEN 0
                     WHEN imis_app.phone_digits(x.phone) LIKE imis_app.prefix_pattern(imis_app.phone_digits(query)) THEN 1 ELSE 2 END
         FROM imis_core.owner x
         WHERE length(imis_app.phone_digits(query)) >= 3
           AND query !~ '[[:alpha:]]'  -- typed without letters: the digits of a BIN are not a phone
           AND imis_app.phone_digits(x.phone) LIKE imis_app.contains_pattern(imis_app.phone_digits(query))
         LIMIT max_rows)
        UNION ALL
        -- containments by code
        (SELECT * FROM (
            (SELECT 'containment'::text AS kind, x.id, x.code AS matched, 0 AS rank FROM imis_core.containment x
             WHERE length(imis_app.fold(btrim(query))) >= 2
               AND lower(x.code) = imis_app.fold(btrim(query))
             LIMIT max_rows)
            UNION ALL
            (SELECT 'containment', x.id, x.code, 1 FROM imis_core.containment x
             WHERE length(imis_app.fold(btrim(query))) >= 3
               AND lower(x.code) LIKE imis_app.prefix_pattern(imis_app.fold(btrim(query)))
               AND lower(x.code) <> imis_app.fold(btrim(query))
             LIMIT max_rows)
            UNION ALL
            (SELECT 'containment', x.id, x.code, 2 FROM imis_core.containment x
             WHERE length(imis_app.fold(btrim(query))) >= 4
               AND lower(x.code) LIKE imis_app.contains_pattern(imis_app.fold(btrim(query)))
               AND lower(x.code) NOT LIKE imis_app.prefix_pattern(imis_app.fold(btrim(query)))
             LIMIT max_rows)
        ) k LIMIT max_rows)
    ), best AS (
        -- an owner found by name and by phone is one hit
        SELECT DISTINCT ON (kind, id) * FROM hits ORDER BY kind, id, rank
    ), top AS (
        SELECT * FROM best ORDER BY rank, length(matched), matched LIMIT max_rows
    )
    SELECT t.kind, t.id, t.matched,
           CASE t.kind
               WHEN 'building' THEN concat_ws(' · ', b.bin, b.name, b.address)
               WHEN 'holding' THEN concat_ws(' · ', h.holding_code, ho.name, h.address)
               WHEN 'owner' THEN concat_ws(' · ', o.name, o.name_bn, o.phone)
               ELSE concat_ws(' · ', c.code, c.containment_type)
           END,
           links.bin, coalesce(links.n, 0)::integer, t.rank
    FROM top t
    LEFT JOIN imis_core.building b ON t.kind = 'building' AND b.id = t.id
    LEFT JOIN imis_core.holding h ON t.kind = 'holding' AND h.id = t.id
    LEFT JOIN imis_core.owner ho ON ho.id = h.owner_id
    LEFT JOIN imis_core.owner o ON t.kind = 'owner' AND o.id = t.id
    LEFT JOIN imis_core.containment c ON t.kind = 'containment' AND c.id = t.id
    LEFT JOIN LATERAL (
        SELECT min(x.bin) AS bin, count(*) AS n FROM imis_core.building x
        WHERE x.id IN (SELECT imis_app.one_id_buildings(t.kind, t.id))
    ) links ON true
    ORDER BY t.rank, length(t.matched), t.matched
$$;
COMMENT ON FUNCTION imis_app.one_id_search(text, integer) IS
    'One-ID search: buildings by BIN, holdings by code, owners by name or phone, containments by code';

-- Everything linked to a hit, as one JSON document: its buildings, their holdings and owners, their
-- containments, and the service history (applications with assessment, emptying, crew, disposals and
-- feedback) oldest first. `extent` spans the buildings and containments, in the city SRID.
CREATE FUNCTION imis_app.one_id_record(kind text, object_id uuid) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    b uuid[] := ARRAY(SELECT imis_app.one_id_buildings(kind, object_id));
    h uuid[];
    o uuid[];
    c uuid[];
    result jsonb;
BEGIN
    h := ARRAY(SELECT holding_id FROM imis_core.building_holding WHERE building_id = ANY(b)
               UNION SELECT id FROM imis_core.holding
               WHERE (kind = 'holding' AND id = object_id) OR (kind = 'owner' AND owner_id = object_id));
    o := ARRAY(SELECT owner_id FROM imis_core.holding WHERE id = ANY(h) AND owner_id IS NOT NULL
               UNION SELECT object_id WHERE kind = 'owner');
    c := ARRAY(SELECT containment_id FROM imis_core.building_containment WHERE building_id = ANY(b)
               UNION SELECT object_id WHERE kind = 'containment');

    SELECT jsonb_build_object(
        'kind', kind, 'object_id', object_id,
        'srid', (SELECT srid FROM imis_core.city LIMIT 1),
        'buildings', coalesce((
            SELECT jsonb_agg(to_jsonb(x) - 'geom' || jsonb_build_object(
                       'ward_number', w.number, 'wkt', ST_AsText(x.geom),
                       'holding_ids', (SELECT coalesce(jsonb_agg(holding_id), '[]') FROM imis_core.building_holding WHERE building_id = x.id),
                       'containment_ids', (SELECT coalesce(jsonb_agg(containment_id), '[]') FROM imis_core.building_containment WHERE building_id = x.id))
                   ORDER BY x.bin)
            FROM imis_core.building x LEFT JOIN imis_core.ward w ON w.id = x.ward_id
            WHERE x.id = ANY(b)), '[]'),
        'holdings', coalesce((
            SELECT jsonb_agg(to_jsonb(x) ORDER BY x.holding_code) FROM imis_core.holding x WHERE x.id = ANY(h)), '[]'),
        'owners', coalesce((
            SELECT jsonb_agg(to_jsonb(x) ORDER BY x.name) FROM imis_core.owner x WHERE x.id = ANY(o)), '[]'),
        'containments', coalesce((
            SELECT jsonb_agg(to_jsonb(x) - 'location' || jsonb_build_object('wkt', ST_AsText(x.location)) ORDER BY x.code)
            FROM imis_core.containment x WHERE x.id = ANY(c)), '[]'),
        'extent', (
            SELECT jsonb_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e))
            FROM (SELECT ST_Extent(g) AS e FROM (
                      SELECT geom AS g FROM imis_core.building WHERE id = ANY(b)
                      UNION ALL SELECT location FROM imis_core.containment WHERE id = ANY(c)) s) ex
            WHERE e IS NOT NULL),
        'applications', '[]'::jsonb
    ) INTO result;

    -- Roles without the FSM module (revenue) still get the rest of the record.
    IF has_table_privilege('imis_fsm.application', 'SELECT') THEN
        result := result || jsonb_build_object('applications', coalesce((
            SELECT jsonb_agg(to_jsonb(a) || jsonb_build_object(
                       'provider_name', p.name,
                       'assessment', (SELECT to_jsonb(s) FROM imis_fsm.assessment s WHERE s.application_id = a.id),
                       'emptying', (SELECT to_jsonb(e) || jsonb_build_object(
                                        'crew', (SELECT coalesce(jsonb_agg(em.name ORDER BY em.name), '[]')
                                                 FROM imis_fsm.emptying_crew ec JOIN imis_fsm.employee em ON em.id = ec.employee_id
                                                 WHERE ec.emptying_id = e.id),
                                        'disposals', (SELECT coalesce(jsonb_agg(to_jsonb(d) || jsonb_build_object('plant_name', tp.name)
                                                                               ORDER BY d.disposed_date), '[]')
                                                      FROM imis_fsm.disposal d LEFT JOIN imis_core.treatment_plant tp ON tp.id = d.plant_id
                                                      WHERE d.emptying_id = e.id))
                                    FROM imis_fsm.emptying e WHERE e.application_id = a.id),
                       'feedback', (SELECT to_jsonb(f) FROM imis_fsm.feedback f WHERE f.application_id = a.id))
                   ORDER BY a.application_date, a.code)
            FROM imis_fsm.application a LEFT JOIN imis_fsm.service_provider p ON p.id = a.provider_id
            WHERE a.building_id = ANY(b) OR a.containment_id = ANY(c) OR a.holding_id = ANY(h)), '[]'));
    END IF;
    RETURN result;
END
$$;
COMMENT ON FUNCTION imis_app.one_id_record(text, uuid) IS
    'One-ID record: buildings, holdings, owners, containments and service history linked to a search hit';
