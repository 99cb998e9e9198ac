-- Revenue: holding tax (rates, rent-based assessments, the last two quarterly bill runs, payments),
-- water supply (tariffs, metered connections, monthly readings, bills, payments, pending applications) and
-- solid waste (routes, collection points, customers per building, monthly fees). Bills are computed with
-- the revenue module's own arithmetic (imis_plugin.revenue.billing and .water, spliced in by the generator
-- at the comment markers that name it) from each account's balance when the run was made: the payments
-- made before it. Runs and months are therefore written one after the other, each from the one before.

-- Months by number (year x 12 + month - 1): integer arithmetic per row instead of date functions (extract
-- returns numeric, slow over a million rows); a key for something of a month (k below 2^50 stays unique).
CREATE FUNCTION pg_temp.month_no(d date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (extract(year FROM d) * 12 + extract(month FROM d))::integer - 1
$$;

CREATE FUNCTION pg_temp.month_start(mi integer) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT make_date(mi / 12, mod(mi, 12) + 1, 1) $$;

CREATE FUNCTION pg_temp.mkey(k bigint, mi integer) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT k * 4096 + mod(mi, 4096) $$;

-- A number zero-padded to `width` digits at least (lpad alone would cut a longer one).
CREATE FUNCTION pg_temp.padded(n bigint, width integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT lpad(n::text, greatest(width, length(n::text)), '0') $$;

-- @step Tax rates and assessments
INSERT INTO imis_revenue.tax_rate (id, fiscal_year, holding_tax_pct, conservancy_pct, lighting_pct, water_pct,
                                   sewerage_pct, fire_pct, maintenance_months, rebate_pct, note)
SELECT pg_temp.uid(80, r.fy), r.fy, r.ht, r.co, r.li, r.wa, r.se, r.fi, %(maintenance_months)s,
       %(rebate_pct)s, CASE WHEN r.n > 1 THEN 'holding tax and conservancy rate raised by half a point' END
FROM unnest(%(rate_fy)s::integer[], %(rate_holding_tax)s::numeric[], %(rate_conservancy)s::numeric[],
            %(rate_lighting)s::numeric[], %(rate_water)s::numeric[], %(rate_sewerage)s::numeric[],
            %(rate_fire)s::numeric[]) WITH ORDINALITY r(fy, ht, co, li, wa, se, fi, n);

-- The monthly rent of each holding's share of its building: floor area x a rent per m2 by structure, use
-- and centrality, rounded to 10 BDT. The last general assessment was one to three fiscal years ago (the
-- city goes round its wards); a few holdings were reassessed for this year. Duplicate records and many
-- legacy holdings are not assessed: their bills use the annual value of the register (imis_core.holding).
CREATE TEMP TABLE tax_h ON COMMIT DROP AS
SELECT h.hkey, hd.id AS holding_id, hd.holding_code, w.number AS ward_no, h.ward,
       hd.annual_value_bdt AS register_av,
       h.h <> 7 AND pg_temp.u(h.hkey, 300) < CASE WHEN h.legacy THEN %(assessed_legacy)s ELSE %(assessed)s END
           AS assessed,
       pg_temp.u(h.hkey, 301) < %(reassessed)s AS reassessed,
       %(fy_now)s - 1 - floor(3 * pg_temp.u(h.hkey, 302))::integer AS assessed_fy, r.rent,
       round(r.rent * (1.1 + 0.3 * pg_temp.u(h.hkey, 307))::numeric / 10) * 10 AS rent_new
FROM hold h
JOIN lot l ON l.key = h.lot_key
JOIN imis_core.holding hd ON hd.id = pg_temp.uid(3, h.hkey)
LEFT JOIN imis_core.ward w ON w.id = hd.ward_id
CROSS JOIN LATERAL (
    SELECT CASE coalesce(l.structure_type, 'load_bearing')
               WHEN 'rcc_framed' THEN %(rent_rcc_framed)s::float8[]
               WHEN 'load_bearing' THEN %(rent_load_bearing)s::float8[]
               WHEN 'cgi_sheet' THEN %(rent_cgi_sheet)s::float8[]
               ELSE %(rent_wooden_mud)s::float8[] END AS per_m2,
           coalesce((%(rent_use_f)s::float8[])[array_position(%(rent_use_v)s::text[], l.functional_use)], 1)
               AS use_factor
) m
CROSS JOIN LATERAL (
    SELECT greatest(200, round((l.area * l.floors / greatest(1, h.n_hold)
                                * (m.per_m2[1] + (m.per_m2[2] - m.per_m2[1]) * pg_temp.u(h.hkey, 303))
                                * m.use_factor * (1 + 0.6 * (1 - l.outer_share)) / 10)::numeric) * 10) AS rent
) r;

INSERT INTO imis_revenue.assessment (id, holding_id, fiscal_year, monthly_rent_bdt, maintenance_months,
                                     annual_value_bdt, assessed_on, assessor, note)
SELECT pg_temp.uid(81, t.hkey * 2 + a.v), t.holding_id, a.fy, a.rent, %(maintenance_months)s,
       a.rent * (12 - %(maintenance_months)s), a.day,
       pg_temp.one_of(pg_temp.u(t.ward * 4 + a.v, 305), %(male_en)s) || ' '
           || pg_temp.one_of(pg_temp.u(t.ward * 4 + a.v, 306), %(male_surname_en)s),
       CASE WHEN a.v = 1 THEN 'reassessed on the owner''s application' END
FROM tax_h t
CROSS JOIN LATERAL (
    SELECT 0 AS v, t.assessed_fy AS fy, t.rent,
           make_date(t.assessed_fy, 7, 1) + floor(340 * pg_temp.u(t.hkey, 304))::integer AS day
    UNION ALL
    SELECT 1, %(fy_now)s, t.rent_new,
           make_date(%(fy_now)s, 7, 1) - 1 - floor(80 * pg_temp.u(t.hkey, 308))::integer
    WHERE t.reassessed
) a
WHERE t.assessed;

-- @step Holding-tax bill runs
-- Accounts: the annual value a run of each fiscal year uses (the latest assessment up to it, else the
-- register's), how the holding pays, and its place in the bill numbers (the module's order; every
-- holding is billed in every run).
CREATE TEMP TABLE tacc ON COMMIT DROP AS
SELECT a.*, row_number() OVER (ORDER BY /*billing.BILL_ORDER*/) AS bill_no
FROM (
    SELECT t.hkey, t.holding_id, t.holding_code, t.ward_no, t.ward,
           CASE WHEN t.assessed THEN t.rent * (12 - %(maintenance_months)s) ELSE t.register_av END AS av_old,
           CASE WHEN t.assessed AND t.reassessed THEN t.rent_new * (12 - %(maintenance_months)s)
                WHEN t.assessed THEN t.rent * (12 - %(maintenance_months)s) ELSE t.register_av END AS av_new,
           pg_temp.pick(pg_temp.u(t.hkey, 310), %(tax_payer_v)s, %(tax_payer_c)s::float8[]) AS payer
    FROM tax_h t
) a
WHERE a.av_old > 0 AND a.av_new > 0;

CREATE TEMP TABLE trun ON COMMIT DROP AS
SELECT r.k::integer, r.fy, r.q, r.code, r.qs, r.due, lead(r.qs) OVER (ORDER BY r.k) AS next_qs,
       pg_temp.uid(82, r.fy * 10 + r.q) AS id
FROM unnest(%(run_fy)s::integer[], %(run_q)s::integer[], %(run_code)s::text[], %(run_start)s::date[],
            %(run_due)s::date[]) WITH ORDINALITY r(fy, q, code, qs, due, k);

-- each run was made, signed off by the revenue chief and issued on its quarter's first day
INSERT INTO imis_revenue.bill_run (id, code, fiscal_year, quarter, due_date, state, signed_off_by,
                                   signed_off_at, issued_by, issued_at)
SELECT id, code, fy, q, due, 'issued', 'revenue_chief', (qs + time '09:30') AT TIME ZONE 'Asia/Dhaka',
       'revenue_chief', (qs + time '10:00') AT TIME ZONE 'Asia/Dhaka'
FROM trun WHERE %(tax_history)s;

-- balances (owed > 0, paid ahead < 0) of each holding when run k was made, the bills as written, and the
-- planned payments
CREATE TEMP TABLE tbal (hkey bigint, k integer, balance numeric) ON COMMIT DROP;
CREATE TEMP TABLE tbill (k integer, id uuid, current_bdt numeric, total_due_bdt numeric,
                         full_year_bdt numeric, rebate_bdt numeric, hkey bigint, payer text, ward integer)
    ON COMMIT DROP;
CREATE TEMP TABLE tpay (hkey bigint, k integer, ward integer, bill_id uuid, amount numeric, paid_on date)
    ON COMMIT DROP;

-- Run by run: the bills (the module's arithmetic over each balance), then the payments on them: whole-year
-- payers settle the year with the first instalment (rebate), prompt payers pay the total due in time, late
-- payers each quarter's amount after the due date (so the next bill shows it as arrears), irregular ones
-- now and then, defaulters never; then the balances at the next run (payments made before it, rebates
-- earned on first-quarter bills paid in full by their due date).
DO $$
DECLARE
    v record;
BEGIN
    IF NOT %(tax_history)s THEN
        RETURN;
    END IF;
    FOR v IN SELECT * FROM trun ORDER BY k LOOP
        WITH bill_base AS (
            SELECT a.hkey, a.holding_id, a.bill_no, v.fy AS fiscal_year, v.q AS quarter,
                   CASE WHEN v.fy >= %(fy_now)s THEN a.av_new ELSE a.av_old END AS av,
                   coalesce(b.balance, 0) AS balance
            FROM tacc a LEFT JOIN tbal b ON b.hkey = a.hkey AND b.k = v.k
        ),/*billing.BILL_ARITHMETIC*/,
        written AS (
            INSERT INTO imis_revenue.bill (id, bill_number, bill_run_id, holding_id, fiscal_year, quarter,
                                           /*billing.BILL_COLUMNS*/)
            SELECT pg_temp.uid(83, hkey * 8 + v.k), v.code || '-' || /*billing.BILL_NUMBER*/, v.id,
                   holding_id, fiscal_year, quarter, /*billing.BILL_VALUES*/
            FROM bill_amounts
            RETURNING id, holding_id, current_bdt, total_due_bdt, full_year_bdt, rebate_bdt
        )
        INSERT INTO tbill
        SELECT v.k, w.id, w.current_bdt, w.total_due_bdt, w.full_year_bdt, w.rebate_bdt, a.hkey, a.payer,
               a.ward
        FROM written w JOIN tacc a ON a.holding_id = w.holding_id;

        INSERT INTO tpay (hkey, k, ward, bill_id, amount, paid_on)
        SELECT x.hkey, v.k, x.ward, x.id, x.amount, x.paid_on
        FROM (
            SELECT b.hkey, b.ward, b.id,
                   CASE WHEN b.payer = 'whole_year' AND v.q = 1 THEN b.full_year_bdt
                        WHEN b.payer = 'late' THEN b.current_bdt ELSE b.total_due_bdt END AS amount,
                   CASE WHEN b.payer = 'late' THEN v.due + 5 + floor(70 * u.u)::integer
                        ELSE v.due - floor((v.due - v.qs) * u.u ^ 2)::integer END AS paid_on
            FROM tbill b CROSS JOIN LATERAL (SELECT pg_temp.u(b.hkey * 8 + v.k, 311) AS u) u
            WHERE b.k = v.k
              AND (b.payer IN ('whole_year', 'prompt', 'late')
                   OR b.payer = 'irregular' AND pg_temp.u(b.hkey * 8 + v.k, 312) < %(irregular_pays)s)
        ) x
        WHERE x.amount > 0;

        IF v.next_qs IS NOT NULL THEN
            INSERT INTO tbal (hkey, k, balance)
            SELECT b.hkey, v.k + 1,
                   coalesce(pb.balance, 0) + b.current_bdt - coalesce(p.paid, 0)
                   - CASE WHEN v.q = 1 AND coalesce(p.in_time, 0) >= b.full_year_bdt THEN b.rebate_bdt
                          ELSE 0 END
            FROM tbill b
            LEFT JOIN tbal pb ON pb.hkey = b.hkey AND pb.k = v.k
            LEFT JOIN (
                SELECT hkey, sum(amount) FILTER (WHERE paid_on >= v.qs AND paid_on < v.next_qs) AS paid,
                       sum(amount) FILTER (WHERE k = v.k AND paid_on <= v.due) AS in_time
                FROM tpay WHERE k >= v.k - 1 GROUP BY hkey
            ) p ON p.hkey = b.hkey
            WHERE b.k = v.k;
        END IF;
    END LOOP;
END
$$;

UPDATE imis_revenue.bill_run r SET bill_count = s.n, total_bdt = s.total
FROM (SELECT k, count(*) AS n, sum(total_due_bdt) AS total FROM tbill GROUP BY k) s JOIN trun t USING (k)
WHERE r.id = t.id;

-- the payments made by the as-of date; gateway payments came in one file a day
CREATE TEMP TABLE tpaid ON COMMIT DROP AS
SELECT p.*, pg_temp.pick(pg_temp.u(p.hkey * 8 + p.k, 313), %(tax_channel_v)s, %(tax_channel_c)s::float8[])
           AS channel
FROM tpay p WHERE p.paid_on <= %(as_of)s::date;

INSERT INTO imis_revenue.payment_import (id, file_name, file_sha256, gateway, rows_read, applied, duplicates,
                                         mismatches, imported_by)
SELECT pg_temp.uid(84, (paid_on - date '2000-01-01')), 'ekpay-' || paid_on || '.csv',
       encode(sha256(convert_to(%(seed)s::text || '/ekpay-' || paid_on, 'UTF8')), 'hex'), 'ekpay', count(*),
       count(*), 0, 0, 'revenue_chief'
FROM tpaid WHERE channel = 'ekpay' GROUP BY paid_on;

INSERT INTO imis_revenue.payment (id, bill_id, amount_bdt, paid_on, channel, reference, received_by,
                                  import_id)
SELECT pg_temp.uid(85, hkey * 8 + k), bill_id, amount, paid_on, channel,
       CASE channel WHEN 'counter' THEN 'HT-R-' WHEN 'bank' THEN 'BD-' WHEN 'mobile_banking' THEN 'MB'
                    ELSE 'EKP' END || upper(to_hex(hkey * 8 + k)),
       CASE WHEN channel = 'ekpay' THEN 'revenue_chief'
            ELSE 'collector_' || lpad((1 + ward / 3)::text, 2, '0') END,
       CASE WHEN channel = 'ekpay' THEN pg_temp.uid(84, (paid_on - date '2000-01-01')) END
FROM tpaid;

-- @step Water connections and readings
-- Tariffs by category: the one in force since before the history, and this fiscal year's (dearer).
CREATE TEMP TABLE wtariff ON COMMIT DROP AS
SELECT pg_temp.uid(86, t.n) AS id, t.category, t.version, t.fixed, t.minimum,
       CASE t.version WHEN 0 THEN date_trunc('month', %(history_start)s::date)::date
                      ELSE make_date(%(fy_now)s, 7, 1) END AS effective_from
FROM unnest(%(tariff_category)s::text[], %(tariff_version)s::integer[], %(tariff_fixed)s::numeric[],
            %(tariff_minimum)s::numeric[]) WITH ORDINALITY t(category, version, fixed, minimum, n);

INSERT INTO imis_revenue.water_tariff (id, category, effective_from, fixed_charge_bdt, minimum_charge_bdt)
SELECT id, category, effective_from, fixed, minimum FROM wtariff;

INSERT INTO imis_revenue.water_tariff_slab (id, tariff_id, from_m3, to_m3, rate_bdt_per_m3)
SELECT pg_temp.uid(87, s.n), t.id, s.low, s.high, s.rate
FROM unnest(%(slab_category)s::text[], %(slab_version)s::integer[], %(slab_from)s::numeric[],
            %(slab_to)s::numeric[], %(slab_rate)s::numeric[])
     WITH ORDINALITY s(category, version, low, high, rate, n)
JOIN wtariff t ON t.category = s.category AND t.version = s.version;

-- Metered connections at part of the buildings that draw piped municipal water (the survey's answer); the
-- connection and its meter at the front of the lot. Most were made years ago, some during the last year
-- (their readings start then); a few were cut off before it.
CREATE TEMP TABLE wconn ON COMMIT DROP AS
WITH c AS (
    SELECT l.key, l.id AS building_id, l.seq, l.ward_id, coalesce(l.ward_number, 0) AS ward, l.address,
           l.functional_use, coalesce(l.households, 0) AS households, l.name AS building_name,
           CASE WHEN l.functional_use IN ('residential', 'agriculture') THEN 'domestic'
                WHEN l.functional_use = 'mixed'
                    THEN CASE WHEN pg_temp.u(l.key, 321) < 0.3 THEN 'commercial' ELSE 'domestic' END
                WHEN l.functional_use IN ('commercial', 'financial', 'recreational') THEN 'commercial'
                WHEN l.functional_use = 'industrial' THEN 'industrial'
                ELSE 'institutional' END AS category,
           row_number() OVER (ORDER BY l.seq) AS n,
           pg_temp.pt(l.bx1 - 0.6, CASE WHEN l.south THEN l.ly0 + 0.3 ELSE l.ly1 - 0.3 END) AS geom,
           pg_temp.pt(l.bx1 - 1.0, CASE WHEN l.south THEN l.ly0 + 0.3 ELSE l.ly1 - 0.3 END) AS meter_geom,
           least(%(as_of)s::date - 45,
                 greatest(make_date(l.construction_year, 1, 1) + 90,
                          %(water_first)s::date
                          + CASE WHEN pg_temp.u(l.key, 322) < 0.05
                                 THEN floor(300 * pg_temp.u(l.key, 323))::integer
                                 ELSE -40 - floor(3000 * pg_temp.u(l.key, 323))::integer END))
               AS connected
    FROM lot l JOIN imis_core.building b ON b.id = l.id
    WHERE b.water_source = 'piped_municipal' AND l.functional_use <> 'vacant' AND l.special IS NULL
      AND pg_temp.u(l.key, 320) < %(water_connected)s
)
SELECT c.*, 'WC-' || pg_temp.padded(c.n, 6) AS connection_no, pg_temp.uid(88, c.key) AS id,
       pg_temp.uid(89, c.key) AS meter_id,
       CASE WHEN c.connected < %(water_first)s::date - 100 AND pg_temp.u(c.key, 324) < %(water_disconnected)s
            THEN %(water_first)s::date - 10 - floor(80 * pg_temp.u(c.key, 325))::integer END AS disconnected,
       -- m3 a month: households' use, or a business's
       CASE c.category WHEN 'domestic' THEN greatest(1, c.households) * (9 + 8 * pg_temp.u(c.key, 326))
                       WHEN 'commercial' THEN 12 + 40 * pg_temp.u(c.key, 326)
                       WHEN 'industrial' THEN 60 + 300 * pg_temp.u(c.key, 326)
                       ELSE 25 + 120 * pg_temp.u(c.key, 326) END AS monthly_m3,
       pg_temp.pick(pg_temp.u(c.key, 327), %(water_payer_v)s, %(water_payer_c)s::float8[]) AS payer,
       15 + mod(c.ward, 11) AS read_day
FROM c;

-- pending applications for a new connection: received in the last three months, some surveyed already
-- (written below as received, then surveyed: the order the rules allow)
CREATE TEMP TABLE wapp ON COMMIT DROP AS
SELECT l.key, l.id AS building_id, row_number() OVER (ORDER BY l.seq) AS n, l.functional_use,
       %(as_of)s::date - floor(90 * pg_temp.u(l.key, 340))::integer AS applied,
       pg_temp.u(l.key, 341) < 0.45 AS surveyed,
       pg_temp.pt(l.bx1 - 0.6, CASE WHEN l.south THEN l.ly0 + 0.3 ELSE l.ly1 - 0.3 END) AS geom
FROM lot l JOIN imis_core.building b ON b.id = l.id
WHERE b.water_source = 'piped_municipal' AND l.functional_use <> 'vacant' AND l.special IS NULL
  AND pg_temp.u(l.key, 320) >= %(water_connected)s AND pg_temp.u(l.key, 342) < %(water_applications)s;

-- who answers for a building: the owner of its first holding (looked up for the buildings that need one)
CREATE TEMP TABLE holder ON COMMIT DROP AS
SELECT h.lot_key, pg_temp.uid(3, h.hkey) AS holding_id, o.name, o.phone
FROM hold h JOIN imis_core.owner o ON o.id = pg_temp.uid(4, h.owner_key)
WHERE h.h = 0 AND h.lot_key IN (SELECT key FROM wconn UNION ALL SELECT key FROM wapp);

INSERT INTO imis_revenue.water_connection (id, connection_no, building_id, holding_id, customer_name, phone,
                                           category, pipe_mm, status, connected_on, disconnected_on, geom)
SELECT c.id, c.connection_no, c.building_id, h.holding_id,
       coalesce(h.name, c.building_name, pg_temp.one_of(pg_temp.u(c.key, 328), %(male_en)s) || ' '
                                         || pg_temp.one_of(pg_temp.u(c.key, 329), %(male_surname_en)s)),
       h.phone, c.category,
       CASE c.category WHEN 'domestic' THEN CASE WHEN c.households > 2 THEN 19 ELSE 13 END
                       WHEN 'commercial' THEN 19 WHEN 'industrial' THEN 50 ELSE 25 END,
       CASE WHEN c.disconnected IS NULL THEN 'active' ELSE 'disconnected' END, c.connected, c.disconnected,
       c.geom
FROM wconn c LEFT JOIN holder h ON h.lot_key = c.key;

INSERT INTO imis_revenue.water_meter (id, meter_no, connection_id, installed_on, removed_on,
                                      initial_reading_m3, geom)
SELECT meter_id, 'M-' || pg_temp.padded(n, 6), id, connected, disconnected, 0, meter_geom FROM wconn;

-- Readings on each ward's reading day, from the month before the billed year (the first bill's opening
-- index) to the last day before the as-of date; now and then a meter is not read. The index counts every
-- m3 since the meter was installed (at 0); use varies with the season.
CREATE TEMP TABLE wread ON COMMIT DROP AS
WITH m AS (
    SELECT c.key, c.meter_id, c.connected, c.monthly_m3, mi, c.ward,
           pg_temp.month_start(mi) + c.read_day - 1 AS reading_date,
           round(c.monthly_m3 * (1 + 0.15 * cos(pi() * (mod(mi, 12) - 4) / 6))
                 * (0.75 + 0.5 * pg_temp.u(pg_temp.mkey(c.key, mi), 330))) AS used
    FROM wconn c
    CROSS JOIN generate_series(pg_temp.month_no(%(water_first)s::date) - 1,
                               pg_temp.month_no(%(as_of)s::date)) mi
    WHERE c.disconnected IS NULL
), r AS (
    SELECT m.*,
           -- the index at the first reading of the series: what the meter counted since installed
           CASE WHEN m.connected < %(water_first)s::date - 40
                THEN round(m.monthly_m3 * ((%(water_first)s::date - m.connected) / 30.4 - 1)
                           * (0.85 + 0.3 * pg_temp.u(m.key, 331)))
                ELSE 0 END
           + sum(m.used) OVER (PARTITION BY m.key ORDER BY m.mi) AS reading
    FROM m
    WHERE m.reading_date >= m.connected + 15 AND m.reading_date <= %(as_of)s::date
)
SELECT r.key, r.meter_id, r.mi, r.reading_date, r.reading::numeric AS reading, r.ward
FROM r
WHERE r.mi < pg_temp.month_no(%(water_first)s::date)
   OR pg_temp.u(pg_temp.mkey(r.key, r.mi), 332) >= %(water_unread)s;

INSERT INTO imis_revenue.water_reading (id, meter_id, reading_date, reading_m3, read_by)
SELECT pg_temp.uid(90, pg_temp.mkey(key, mi)), meter_id,
       reading_date, reading,
       pg_temp.one_of(pg_temp.u(ward, 333), %(male_en)s) || ' '
           || pg_temp.one_of(pg_temp.u(ward, 334), %(male_surname_en)s)
FROM wread;

-- @step Water bills and payments
-- A month's bill (made on the 2nd of the next month, due on the 15th): from the reading before (the
-- previous bill's closing index, or the one before the billed year) to the month's reading, priced by the
-- category's tariff in force that month, with the connection's balance then: what its earlier bills charged
-- less the payments made before the run. How each connection pays decides that balance: prompt payers pay
-- the total due by the due date (nothing is left), defaulters never (every earlier charge), irregular payers
-- the total due now and then (the charges since they last paid), late payers each month's charge three to
-- eight weeks after the due date (the charges of the one or two months before, still unpaid).
CREATE TEMP TABLE wplan ON COMMIT DROP AS
SELECT x.*, pg_temp.month_start(x.mi) AS month, t.id AS tariff_id, t.fixed,
       pg_temp.month_start(x.mi + 1) + 1 AS run_on, pg_temp.month_start(x.mi + 1) + 14 AS due
FROM (
    SELECT r.key, c.id AS connection_id, c.meter_id, c.connection_no, c.category, c.payer, r.mi,
           coalesce(lag(r.reading) OVER (PARTITION BY r.key ORDER BY r.mi), 0) AS opening,
           r.reading AS closing
    FROM wread r JOIN wconn c ON c.key = r.key
) x
JOIN wtariff t ON t.category = x.category
              AND t.version = (x.mi >= pg_temp.month_no(make_date(%(fy_now)s, 7, 1)))::integer
WHERE x.mi BETWEEN pg_temp.month_no(%(water_first)s::date) AND pg_temp.month_no(%(water_last)s::date);

-- the slab charge of each (tariff, m3) that occurs, by the module's own function
CREATE TEMP TABLE wprice ON COMMIT DROP AS
SELECT u.tariff_id, u.used, /*water.WATER_CHARGE*/ AS charge
FROM (SELECT DISTINCT tariff_id, closing - opening AS used FROM wplan) u
JOIN imis_revenue.water_tariff t ON t.id = u.tariff_id;

CREATE TEMP TABLE wbill ON COMMIT DROP AS
WITH d AS (
    SELECT w.*, w.closing - w.opening AS used, p.charge,
           p.charge + w.fixed AS charged,  -- the bill's current_bdt (water.WATER_BILL_VALUES)
           pg_temp.u(pg_temp.mkey(w.key, w.mi), 335) AS u_day,
           w.payer = 'prompt' OR w.payer = 'irregular'
                                 AND pg_temp.u(pg_temp.mkey(w.key, w.mi), 336) < %(water_irregular_pays)s
               AS pays_in_time
    FROM wplan w JOIN wprice p ON p.tariff_id = w.tariff_id AND p.used = w.closing - w.opening
), e AS (
    SELECT d.*, CASE WHEN d.payer = 'late' THEN d.due + 20 + floor(40 * d.u_day)::integer END AS late_on,
           sum(d.charged) OVER (PARTITION BY d.key ORDER BY d.mi) AS upto
    FROM d
)
SELECT e.*,
       CASE e.payer
           WHEN 'prompt' THEN 0
           WHEN 'defaulter' THEN e.upto - e.charged
           WHEN 'irregular'
               THEN e.upto - e.charged - coalesce(max(CASE WHEN e.pays_in_time THEN e.upto END) OVER prev, 0)
           ELSE CASE WHEN lag(e.late_on, 1) OVER w >= e.run_on THEN lag(e.charged, 1) OVER w ELSE 0 END
                + CASE WHEN lag(e.late_on, 2) OVER w >= e.run_on THEN lag(e.charged, 2) OVER w ELSE 0 END
       END AS balance
FROM e
WINDOW w AS (PARTITION BY e.key ORDER BY e.mi), prev AS (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING);

CREATE TEMP TABLE wwritten (id uuid, connection_id uuid, period_month date, current_bdt numeric,
                            total_due_bdt numeric) ON COMMIT DROP;
WITH written AS (
    INSERT INTO imis_revenue.water_bill (id, bill_number, connection_id, meter_id, period_month,
                                         /*water.WATER_BILL_COLUMNS*/, due_date)
    SELECT pg_temp.uid(91, pg_temp.mkey(key, mi)),
           'W-' || to_char(month, 'YYYYMM') || '-'
               || pg_temp.padded(row_number() OVER (PARTITION BY mi ORDER BY connection_no), 6),
           connection_id, meter_id, month, /*water.WATER_BILL_VALUES*/, due
    FROM wbill
    RETURNING id, connection_id, period_month, current_bdt, total_due_bdt
)
INSERT INTO wwritten SELECT * FROM written;

INSERT INTO imis_revenue.water_payment (id, water_bill_id, amount_bdt, paid_on, channel, reference,
                                        received_by)
SELECT pg_temp.uid(92, x.pkey), x.id, x.amount, x.paid_on, x.channel,
       CASE x.channel WHEN 'counter' THEN 'W-R-' WHEN 'bank' THEN 'W-BD-' ELSE 'W-MB' END
           || upper(to_hex(x.pkey)),
       'water_cashier'
FROM (
    SELECT pg_temp.mkey(b.key, b.mi) AS pkey, w.id,
           CASE WHEN b.payer = 'late' THEN w.current_bdt ELSE w.total_due_bdt END AS amount,
           coalesce(b.late_on, b.due - floor((b.due - b.run_on) * b.u_day ^ 2)::integer) AS paid_on,
           pg_temp.pick(pg_temp.u(pg_temp.mkey(b.key, b.mi), 337), %(water_channel_v)s,
                        %(water_channel_c)s::float8[]) AS channel
    FROM wbill b JOIN wwritten w ON w.connection_id = b.connection_id AND w.period_month = b.month
    WHERE b.payer = 'late' OR b.pays_in_time
    OFFSET 0
) x
WHERE x.amount > 0 AND x.paid_on <= %(as_of)s::date;

-- the pending applications (see above)
INSERT INTO imis_revenue.water_application (id, application_no, applicant_name, phone, building_id,
                                            holding_id, category, applied_on, state, geom)
SELECT pg_temp.uid(93, a.key), 'WA-' || extract(year FROM a.applied) || '-' || pg_temp.padded(a.n, 5),
       coalesce(h.name, pg_temp.one_of(pg_temp.u(a.key, 343), %(male_en)s) || ' '
                        || pg_temp.one_of(pg_temp.u(a.key, 344), %(male_surname_en)s)),
       h.phone, a.building_id, h.holding_id,
       CASE WHEN a.functional_use IN ('residential', 'agriculture', 'mixed') THEN 'domestic'
            ELSE 'commercial' END,
       a.applied, 'applied', a.geom
FROM wapp a LEFT JOIN holder h ON h.lot_key = a.key;

UPDATE imis_revenue.water_application w
SET state = 'surveyed', surveyed_on = s.day,
    survey_note = CASE WHEN pg_temp.u(a.key, 345) < 0.7 THEN 'main within 30 m; road cutting needed'
                       ELSE 'main in front of the house' END,
    fee_bdt = CASE w.category WHEN 'domestic' THEN 3500 ELSE 8000 END
FROM wapp a
CROSS JOIN LATERAL (
    SELECT least(%(as_of)s::date, a.applied + 3 + floor(15 * pg_temp.u(a.key, 346))::integer) AS day
) s
WHERE w.id = pg_temp.uid(93, a.key) AND a.surveyed;

-- @step Solid-waste routes, customers and payments
-- The inner wards have door-to-door collection. Collection points stand at street crossings (every second
-- column and row line): each block has one such corner, and its customers use that point. A route runs
-- along a row line through the ward's points on it; each ward has a transfer station.
CREATE TEMP TABLE swm_ward ON COMMIT DROP AS
SELECT w.id, w.number, r.rank, r.rank <= r.served AS served,
       -- collection began ward by ward over the last two years, from the centre out
       %(as_of)s::date - 90 - floor(630 * (1 - (r.rank - 1)::float8 / r.served))::integer AS started
FROM imis_core.ward w
JOIN (SELECT id, row_number() OVER (ORDER BY ST_Distance(ST_Centroid(geom), pg_temp.pt(0, 0)), number)
                 AS rank,
             ceil(%(swm_served_wards)s * count(*) OVER ()) AS served
      FROM imis_core.ward) r USING (id);

CREATE TEMP TABLE swm_cust ON COMMIT DROP AS
WITH l AS (
    SELECT l.key, l.id AS building_id, l.seq, l.i + (l.i & 1) AS kc, l.j + (l.j & 1) AS jr, l.ward_id,
           l.households, l.name AS building_name, l.use_category,
           CASE WHEN l.use_category = 'market' THEN 'market'
                WHEN l.functional_use IN ('residential', 'agriculture') THEN 'household'
                WHEN l.functional_use IN ('mixed', 'commercial', 'financial', 'recreational')
                    THEN 'commercial'
                WHEN l.functional_use = 'industrial' THEN 'industry'
                ELSE 'institution' END AS kind,
           w.number AS ward, w.started
    FROM lot l JOIN swm_ward w ON w.id = l.ward_id AND w.served
    WHERE l.functional_use <> 'vacant' AND l.special IS NULL
)
SELECT f.*, pg_temp.uid(96, f.key) AS id,
       CASE WHEN pg_temp.u(f.key, 361) < %(swm_left)s
            THEN greatest(f.service_from, %(as_of)s::date - 30 - floor(330 * pg_temp.u(f.key, 362))::integer)
       END AS service_to
FROM (
    SELECT l.*, row_number() OVER (ORDER BY l.seq) AS n,
           l.started + floor((%(as_of)s::date - 45 - l.started) * pg_temp.u(l.key, 351) ^ 4)::integer
               AS service_from,
           pg_temp.pick(pg_temp.u(l.key, 352), %(swm_payer_v)s, %(swm_payer_c)s::float8[]) AS payer,
           CASE l.kind WHEN 'household' THEN %(swm_fee)s * greatest(1, coalesce(l.households, 1))
                       WHEN 'commercial' THEN 150 + 50 * floor(4 * pg_temp.u(l.key, 360))
                       WHEN 'market' THEN 1500 + 500 * floor(4 * pg_temp.u(l.key, 360))
                       WHEN 'institution' THEN 300 + 100 * floor(6 * pg_temp.u(l.key, 360))
                       ELSE 500 + 250 * floor(5 * pg_temp.u(l.key, 360)) END AS fee
    FROM l
    WHERE pg_temp.u(l.key, 350) < (%(swm_kind_s)s::float8[])[array_position(%(swm_kind_v)s::text[], l.kind)]
) f;

CREATE TEMP TABLE swm_pt ON COMMIT DROP AS
SELECT p.kc, p.jr, p.customers, p.geom, w.id AS ward_id, w.number AS ward, w.rank, c.x, r.y,
       r.name AS row_name, c.name AS col_name, row_number() OVER (ORDER BY w.number, p.jr, p.kc) AS n,
       row_number() OVER (PARTITION BY w.id ORDER BY p.customers DESC, p.jr, p.kc) AS size_rank
-- a point belongs to the served ward of its customers (the lowest number when they are of two wards), even
-- where the crossing lies just across the ward's border
FROM (SELECT kc, jr, count(*) AS customers, pg_temp.pt(min(g_col.x), min(g_row.y)) AS geom,
             min(ward) AS ward
      FROM swm_cust JOIN g_col ON g_col.k = kc JOIN g_row ON g_row.k = jr GROUP BY kc, jr) p
JOIN g_col c ON c.k = p.kc JOIN g_row r ON r.k = p.jr
JOIN swm_ward w ON w.number = p.ward;

CREATE TEMP TABLE swm_rt ON COMMIT DROP AS
SELECT ward_id, ward, jr, rank, row_name, min(x) AS x0, max(x) AS x1, min(y) AS y,
       row_number() OVER (PARTITION BY ward_id ORDER BY jr) AS n,
       pg_temp.uid(94, ward * 100000 + jr + 50000) AS id
FROM swm_pt GROUP BY ward_id, ward, jr, rank, row_name;

INSERT INTO imis_revenue.swm_route (id, code, name, ward_id, vehicle, trips_per_week, geom)
SELECT id, 'SW-' || lpad(ward::text, 2, '0') || '-' || pg_temp.padded(n, 2), row_name || ' round', ward_id,
       pg_temp.pick(pg_temp.u(ward * 100000 + jr + 50000, 355),
                    ARRAY['rickshaw van', 'open truck', 'dump truck'], ARRAY[0.6, 0.85]::float8[]),
       CASE WHEN rank <= 3 THEN 7 WHEN rank <= 8 THEN 6 ELSE 3 END,
       -- along the street through the ward's points (40 m either side of a single one)
       ST_MakeLine(pg_temp.pt(x0 - e.extra, y), pg_temp.pt(x1 + e.extra, y))
FROM swm_rt CROSS JOIN LATERAL (SELECT CASE WHEN x1 - x0 < 1 THEN 40 ELSE 0 END AS extra) e;

INSERT INTO imis_revenue.swm_collection_point (id, code, name, kind, ward_id, route_id, capacity_m3, geom)
SELECT pg_temp.uid(95, p.kc * 100000 + p.jr + 50000), 'CP-' || pg_temp.padded(p.n, 5),
       p.col_name || ' / ' || p.row_name, k.kind, p.ward_id, CASE WHEN k.kind <> 'open_point' THEN r.id END,
       CASE k.kind WHEN 'transfer_station' THEN 15 + 10 * floor(2 * pg_temp.u(p.n, 356))
                   WHEN 'container' THEN 3 + 3 * floor(2 * pg_temp.u(p.n, 356))
                   WHEN 'community_bin' THEN 0.5 + 0.5 * floor(3 * pg_temp.u(p.n, 356)) END,
       p.geom
FROM swm_pt p
JOIN swm_rt r ON r.ward_id = p.ward_id AND r.jr = p.jr
CROSS JOIN LATERAL (
    SELECT CASE WHEN p.size_rank = 1 THEN 'transfer_station'
                WHEN pg_temp.u(p.kc * 100000 + p.jr + 50000, 357) < 0.08 THEN 'open_point'
                WHEN p.customers >= 35 THEN 'container' ELSE 'community_bin' END AS kind
) k;

INSERT INTO holder
SELECT h.lot_key, pg_temp.uid(3, h.hkey), o.name, o.phone
FROM hold h JOIN imis_core.owner o ON o.id = pg_temp.uid(4, h.owner_key)
WHERE h.h = 0 AND h.lot_key IN (SELECT key FROM swm_cust)
  AND NOT EXISTS (SELECT 1 FROM holder x WHERE x.lot_key = h.lot_key);

INSERT INTO imis_revenue.swm_customer (id, customer_no, building_id, holding_id, customer_name, kind,
                                       monthly_fee_bdt, service_from, service_to, collection_point_id)
SELECT c.id, 'SW-' || pg_temp.padded(c.n, 6), c.building_id, h.holding_id,
       coalesce(h.name, c.building_name, pg_temp.one_of(pg_temp.u(c.key, 358), %(male_en)s) || ' '
                                         || pg_temp.one_of(pg_temp.u(c.key, 359), %(male_surname_en)s)),
       c.kind, c.fee, c.service_from, c.service_to, pg_temp.uid(95, c.kc * 100000 + c.jr + 50000)
FROM swm_cust c LEFT JOIN holder h ON h.lot_key = c.key;

-- Fees of the last twelve months and this one, each paid (or not) by the customer's habit: in the month or
-- early in the next, by the ward's collector at the door or by mobile banking.
INSERT INTO imis_revenue.swm_payment (id, customer_id, period_month, amount_bdt, paid_on, channel, reference,
                                      received_by)
SELECT pg_temp.uid(97, x.pkey), x.id, x.month, x.fee, x.paid_on, x.channel,
       CASE WHEN x.channel = 'mobile_banking' THEN 'SW-MB' || upper(to_hex(x.pkey)) END,
       CASE WHEN x.channel = 'counter' THEN 'swm_collector_' || lpad(x.ward::text, 2, '0')
            ELSE 'swm_office' END
FROM (
    SELECT c.id, c.ward, c.fee, m.month, m.pkey,
           greatest(c.service_from, m.month + 2 + floor(35 * pg_temp.u(m.pkey, 363))::integer) AS paid_on,
           CASE WHEN pg_temp.u(m.pkey, 364) < 0.25 THEN 'mobile_banking' ELSE 'counter' END AS channel
    FROM swm_cust c
    CROSS JOIN LATERAL (
        SELECT pg_temp.month_start(mi) AS month, pg_temp.mkey(c.key, mi) AS pkey
        FROM generate_series(greatest(pg_temp.month_no(%(swm_first)s::date),
                                      pg_temp.month_no(c.service_from)),
                             pg_temp.month_no(least(%(as_of)s::date,
                                                    coalesce(c.service_to, %(as_of)s::date)))) mi
        WHERE c.payer = 'prompt'
           OR c.payer = 'irregular' AND pg_temp.u(pg_temp.mkey(c.key, mi), 365) < %(swm_irregular_pays)s
        OFFSET 0
    ) m
) x
WHERE x.paid_on <= %(as_of)s::date;
