-- App schema, part 8: revenue, the value-added modules (revision 0008, schema imis_revenue): the rules with
-- their messages, and the views behind the due-status layers and registers. Who may do what (the revenue
-- chief runs the module, collectors take payments in their own name, readings and applications; bills
-- are read-only to them): database/permissions.toml.
-- Row metadata and audit triggers come from the generic loop in 10_base.sql, the geometry rule from
-- the one in 20_rules.sql.

CREATE FUNCTION imis_app.revenue_fail(rule text, message text, VARIADIC args text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', rule || ': ' || format(message, VARIADIC args) USING ERRCODE = 'check_violation';
END
$$;

CREATE FUNCTION imis_app.revenue_refuse(rule text, message text, VARIADIC args text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', rule || ': ' || format(message, VARIADIC args) USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Sign-off is the revenue chief's alone (separation of duties: not even an IMIS admin). The database
-- superuser, who could switch any trigger off anyway, counts as one.
CREATE FUNCTION imis_app.is_revenue_chief() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT pg_has_role(imis_app.acting_role(), 'imis_revenue_chief', 'MEMBER') $$;

CREATE FUNCTION imis_app.is_revenue_office() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT imis_app.is_revenue_chief() OR pg_has_role(imis_app.acting_role(), 'imis_admin', 'MEMBER')
$$;

CREATE FUNCTION imis_app.fiscal_year_label(fy integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT fy || '-' || lpad(((fy + 1) % 100)::text, 2, '0') $$;

-- ---------------------------------------------------------------------------------------------------
-- Holding tax: rates within the legal cap, frozen once a year's bills are signed off.
CREATE FUNCTION imis_app.check_tax_rate() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    total numeric := NEW.holding_tax_pct + NEW.conservancy_pct + NEW.lighting_pct + NEW.water_pct
                     + NEW.sewerage_pct + NEW.fire_pct;
    frozen text;
BEGIN
    IF least(NEW.holding_tax_pct, NEW.conservancy_pct, NEW.lighting_pct, NEW.water_pct, NEW.sewerage_pct,
             NEW.fire_pct) < 0 THEN
        PERFORM imis_app.revenue_fail('tax_rate_not_negative', 'a rate of fiscal year %s is negative',
                                      imis_app.fiscal_year_label(NEW.fiscal_year));
    END IF;
    IF total > 39 THEN
        PERFORM imis_app.revenue_fail('tax_rate_cap',
            'the rates of fiscal year %s add up to %s%% of annual value (holding tax %s + conservancy %s + '
            'lighting %s + water %s + sewerage %s + fire %s), above the legal cap of 39%% (Paurashava Tax Rules '
            '2013): lower them', imis_app.fiscal_year_label(NEW.fiscal_year), total::text,
            NEW.holding_tax_pct::text, NEW.conservancy_pct::text, NEW.lighting_pct::text, NEW.water_pct::text,
            NEW.sewerage_pct::text, NEW.fire_pct::text);
    END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT string_agg(code, ', ' ORDER BY quarter) INTO frozen FROM imis_revenue.bill_run
        WHERE fiscal_year = OLD.fiscal_year AND state <> 'draft';
        IF frozen IS NOT NULL THEN
            PERFORM imis_app.revenue_fail('tax_rate_billed',
                'the rates of fiscal year %s were billed by signed-off run(s) %s and cannot change',
                imis_app.fiscal_year_label(OLD.fiscal_year), frozen);
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER b_check_tax_rate BEFORE INSERT OR UPDATE ON imis_revenue.tax_rate
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_tax_rate();

-- Assessment: annual value = monthly rent x 12, less two months for maintenance where the city's rule
-- says so (the year's tax_rate row, else the City Corporation rule).
CREATE FUNCTION imis_app.assess_annual_value() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.monthly_rent_bdt < 0 THEN
        PERFORM imis_app.revenue_fail('assessment_rent_not_negative', 'holding %s: monthly rent %s is negative',
            (SELECT holding_code FROM imis_core.holding WHERE id = NEW.holding_id), NEW.monthly_rent_bdt::text);
    END IF;
    IF NEW.maintenance_months IS NULL THEN
        NEW.maintenance_months := coalesce(
            (SELECT maintenance_months FROM imis_revenue.tax_rate WHERE fiscal_year = NEW.fiscal_year),
            (SELECT CASE WHEN city_kind = 'city_corporation' THEN 2 ELSE 0 END FROM imis_core.city LIMIT 1), 0);
    END IF;
    NEW.annual_value_bdt := NEW.monthly_rent_bdt * (12 - NEW.maintenance_months);
    RETURN NEW;
END
$$;
CREATE TRIGGER b_annual_value BEFORE INSERT OR UPDATE ON imis_revenue.assessment
    FOR EACH ROW EXECUTE FUNCTION imis_app.assess_annual_value();

-- Bill runs: draft -> signed_off (revenue chief only) -> issued; a chief may withdraw a sign-off before
-- issue. Who signed off and issued, and when, is the server's to record.
CREATE FUNCTION imis_app.check_bill_run() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.state <> 'draft' THEN
            PERFORM imis_app.revenue_fail('bill_run_frozen', 'bill run %s is %s: only a draft run can be deleted',
                                          OLD.code, OLD.state);
        END IF;
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'draft' THEN
            PERFORM imis_app.revenue_fail('bill_run_state_order', 'bill run %s must start as a draft, not %s',
                                          NEW.code, NEW.state);
        END IF;
        NEW.signed_off_by := NULL; NEW.signed_off_at := NULL; NEW.issued_by := NULL; NEW.issued_at := NULL;
        RETURN NEW;
    END IF;
    IF OLD.state <> 'draft' AND (NEW.code, NEW.fiscal_year, NEW.quarter, NEW.due_date, NEW.bill_count, NEW.total_bdt)
            IS DISTINCT FROM (OLD.code, OLD.fiscal_year, OLD.quarter, OLD.due_date, OLD.bill_count, OLD.total_bdt) THEN
        PERFORM imis_app.revenue_fail('bill_run_frozen', 'bill run %s is %s: its period, due date and bills cannot change',
                                      OLD.code, OLD.state);
    END IF;
    IF NEW.state IS NOT DISTINCT FROM OLD.state THEN
        NEW.signed_off_by := OLD.signed_off_by; NEW.signed_off_at := OLD.signed_off_at;
        NEW.issued_by := OLD.issued_by; NEW.issued_at := OLD.issued_at;
    ELSIF OLD.state = 'draft' AND NEW.state = 'signed_off' THEN
        IF NOT imis_app.is_revenue_chief() THEN
            PERFORM imis_app.revenue_refuse('bill_run_sign_off_chief_only',
                'bill run %s can be signed off by a revenue chief only (a member of imis_revenue_chief); %s is not one',
                OLD.code, imis_app.acting_role());
        END IF;
        IF NOT EXISTS (SELECT 1 FROM imis_revenue.bill WHERE bill_run_id = OLD.id) THEN
            PERFORM imis_app.revenue_fail('bill_run_empty', 'bill run %s has no bills to sign off', OLD.code);
        END IF;
        NEW.signed_off_by := imis_app.acting_role(); NEW.signed_off_at := now();
        NEW.issued_by := NULL; NEW.issued_at := NULL;
    ELSIF OLD.state = 'signed_off' AND NEW.state = 'draft' THEN
        IF NOT imis_app.is_revenue_chief() THEN
            PERFORM imis_app.revenue_refuse('bill_run_sign_off_chief_only',
                'the sign-off of bill run %s can be withdrawn by a revenue chief only; %s is not one',
                OLD.code, imis_app.acting_role());
        END IF;
        NEW.signed_off_by := NULL; NEW.signed_off_at := NULL; NEW.issued_by := NULL; NEW.issued_at := NULL;
    ELSIF OLD.state = 'signed_off' AND NEW.state = 'issued' THEN
        IF NOT imis_app.is_revenue_office() THEN
            PERFORM imis_app.revenue_refuse('bill_run_issue_office_only',
                'bill run %s can be issued by a revenue chief or an IMIS admin only; %s is neither',
                OLD.code, imis_app.acting_role());
        END IF;
        NEW.signed_off_by := OLD.signed_off_by; NEW.signed_off_at := OLD.signed_off_at;
        NEW.issued_by := imis_app.acting_role(); NEW.issued_at := now();
    ELSE
        PERFORM imis_app.revenue_fail('bill_run_state_order',
            'bill run %s cannot go from %s to %s: a run goes draft -> signed_off (by a revenue chief) -> issued',
            OLD.code, OLD.state, NEW.state);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER b_check_bill_run BEFORE INSERT OR UPDATE OR DELETE ON imis_revenue.bill_run
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_bill_run();

-- Bills change only while their run is a draft (whoever asks: collectors cannot write bills at all).
-- Statement-level, so a bill run of 156,000 bills pays for one check, not one per row.
CREATE FUNCTION imis_app.check_bills_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    run record;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT r.code, r.state INTO run FROM (SELECT DISTINCT bill_run_id FROM new_rows) n
        JOIN imis_revenue.bill_run r ON r.id = n.bill_run_id WHERE r.state <> 'draft' LIMIT 1;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT r.code, r.state INTO run FROM (SELECT bill_run_id FROM old_rows UNION SELECT bill_run_id FROM new_rows) n
        JOIN imis_revenue.bill_run r ON r.id = n.bill_run_id WHERE r.state <> 'draft' LIMIT 1;
    ELSE
        SELECT r.code, r.state INTO run FROM (SELECT DISTINCT bill_run_id FROM old_rows) n
        JOIN imis_revenue.bill_run r ON r.id = n.bill_run_id WHERE r.state <> 'draft' LIMIT 1;
    END IF;
    IF FOUND THEN
        PERFORM imis_app.revenue_fail('bill_frozen', 'bill run %s is %s: its bills cannot be added, changed or deleted',
                                      run.code, run.state);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER c_bills_frozen_insert AFTER INSERT ON imis_revenue.bill REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION imis_app.check_bills_frozen();
CREATE TRIGGER c_bills_frozen_update AFTER UPDATE ON imis_revenue.bill
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION imis_app.check_bills_frozen();
CREATE TRIGGER c_bills_frozen_delete AFTER DELETE ON imis_revenue.bill REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION imis_app.check_bills_frozen();

-- Audit of bills: a bill run writes or replaces a whole city's bills in one statement (156,000 rows), and an
-- audit row per bill would cost more than the run itself. Bills are computed from audited inputs (rates,
-- assessments, holdings, payments), so their INSERTs and DELETEs are logged as one summary row per
-- statement (rows, runs, amounts); an UPDATE, which only a person does, keeps the full row-level audit.
CREATE FUNCTION imis_app.audit_bills() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    summary jsonb;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT jsonb_build_object('statement', TG_OP, 'rows', count(*), 'bill_runs', jsonb_agg(DISTINCT r.code),
                                  'first_bill', min(n.bill_number), 'last_bill', max(n.bill_number),
                                  'total_due_bdt', sum(n.total_due_bdt))
          INTO summary FROM new_rows n LEFT JOIN imis_revenue.bill_run r ON r.id = n.bill_run_id;
    ELSE
        SELECT jsonb_build_object('statement', TG_OP, 'rows', count(*), 'bill_runs', jsonb_agg(DISTINCT r.code),
                                  'first_bill', min(o.bill_number), 'last_bill', max(o.bill_number),
                                  'total_due_bdt', sum(o.total_due_bdt))
          INTO summary FROM old_rows o LEFT JOIN imis_revenue.bill_run r ON r.id = o.bill_run_id;
    END IF;
    IF (summary->>'rows')::bigint > 0 THEN
        INSERT INTO imis_audit.log (session_user_name, role_name, schema_name, table_name, row_id, action,
                                    old_row, new_row)
        VALUES (session_user, imis_app.acting_role(), TG_TABLE_SCHEMA, TG_TABLE_NAME, NULL, TG_OP,
                CASE WHEN TG_OP = 'DELETE' THEN summary END, CASE WHEN TG_OP = 'INSERT' THEN summary END);
    END IF;
    RETURN NULL;
END
$$;
-- 10_base.sql's full audit of inserts and deletes gives way to the summary; its x_audit_update stays
DROP TRIGGER x_audit_insert ON imis_revenue.bill;
DROP TRIGGER x_audit_delete ON imis_revenue.bill;
CREATE TRIGGER z_audit_insert AFTER INSERT ON imis_revenue.bill REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION imis_app.audit_bills();
CREATE TRIGGER z_audit_delete AFTER DELETE ON imis_revenue.bill REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION imis_app.audit_bills();

-- Payments: never dated in the future; holding-tax payments only on issued bills.
CREATE FUNCTION imis_app.check_payment() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    run record;
BEGIN
    IF NEW.paid_on > current_date THEN
        PERFORM imis_app.revenue_fail('payment_date_not_future', '%s of %s BDT: paid_on %s is in the future',
                                      TG_TABLE_NAME, NEW.amount_bdt::text, NEW.paid_on::text);
    END IF;
    IF NEW.amount_bdt <= 0 THEN
        PERFORM imis_app.revenue_fail('payment_amount_positive', '%s: amount %s BDT is not positive',
                                      TG_TABLE_NAME, NEW.amount_bdt::text);
    END IF;
    IF TG_TABLE_NAME = 'payment' THEN
        SELECT b.bill_number, r.code, r.state INTO run FROM imis_revenue.bill b
        JOIN imis_revenue.bill_run r ON r.id = b.bill_run_id WHERE b.id = NEW.bill_id;
        IF FOUND AND run.state <> 'issued' THEN
            PERFORM imis_app.revenue_fail('payment_bill_issued',
                'bill %s belongs to run %s, which is %s: payments are taken on issued bills only',
                run.bill_number, run.code, run.state);
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER b_check_payment BEFORE INSERT OR UPDATE ON imis_revenue.payment
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_payment();
CREATE TRIGGER b_check_payment BEFORE INSERT OR UPDATE ON imis_revenue.water_payment
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_payment();
CREATE TRIGGER b_check_payment BEFORE INSERT OR UPDATE ON imis_revenue.swm_payment
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_payment();

-- ---------------------------------------------------------------------------------------------------
-- Holding-tax accounts: per holding, what its issued bills charged, what was paid, the rebates earned
-- (a first-quarter bill paid in full for the year by its due date) and the balance. Bill runs carry the
-- balance forward as arrears (or advance); the due-status layers read it.
CREATE VIEW imis_app.holding_tax_account WITH (security_invoker = true) AS
WITH issued AS (
    SELECT b.id, b.holding_id, b.quarter, b.current_bdt, b.full_year_bdt, b.rebate_bdt, b.bill_number,
           b.total_due_bdt, r.due_date, r.fiscal_year, r.quarter AS run_quarter
    FROM imis_revenue.bill b JOIN imis_revenue.bill_run r ON r.id = b.bill_run_id AND r.state = 'issued'
),
paid AS (
    SELECT i.id, sum(p.amount_bdt) AS paid, sum(p.amount_bdt) FILTER (WHERE p.paid_on <= i.due_date) AS paid_in_time
    FROM issued i JOIN imis_revenue.payment p ON p.bill_id = i.id GROUP BY i.id
),
per_holding AS (
    SELECT i.holding_id,
           sum(i.current_bdt) AS billed_bdt,
           coalesce(sum(pd.paid), 0) AS paid_bdt,
           coalesce(sum(i.rebate_bdt) FILTER (WHERE i.quarter = 1 AND coalesce(pd.paid_in_time, 0) >= i.full_year_bdt), 0)
               AS rebate_bdt,
           sum(i.current_bdt) FILTER (WHERE i.due_date < current_date) AS billed_past_due,
           max(i.fiscal_year * 10 + i.run_quarter) AS last_period
    FROM issued i LEFT JOIN paid pd ON pd.id = i.id
    GROUP BY i.holding_id
)
SELECT h.id AS holding_id, h.holding_code, h.ward_id,
       ph.billed_bdt, ph.paid_bdt, ph.rebate_bdt,
       ph.billed_bdt - ph.paid_bdt - ph.rebate_bdt AS balance_bdt,
       greatest(0, coalesce(ph.billed_past_due, 0) - ph.paid_bdt - ph.rebate_bdt) AS overdue_bdt,
       last.bill_number AS last_bill_number, last.due_date AS last_due_date,
       CASE WHEN ph.billed_bdt - ph.paid_bdt - ph.rebate_bdt <= 0 THEN 'paid'
            WHEN coalesce(ph.billed_past_due, 0) - ph.paid_bdt - ph.rebate_bdt > 0 THEN 'overdue'
            ELSE 'due' END AS status
FROM per_holding ph
JOIN imis_core.holding h ON h.id = ph.holding_id
LEFT JOIN LATERAL (SELECT i.bill_number, i.due_date FROM issued i
                   WHERE i.holding_id = ph.holding_id AND i.fiscal_year * 10 + i.run_quarter = ph.last_period) last ON true;

-- Due status per building (the map layer): the worst status of its holdings. Buildings without a billed
-- holding show as 'not_billed' (holdings, but no issued bill) or 'no_holding'.
CREATE VIEW imis_app.building_tax_due WITH (security_invoker = true) AS
WITH per_building AS (
    SELECT bh.building_id, count(*) AS holdings, count(a.holding_id) AS billed_holdings,
           sum(a.billed_bdt) AS billed_bdt, sum(a.paid_bdt) AS paid_bdt, sum(a.rebate_bdt) AS rebate_bdt,
           sum(greatest(a.balance_bdt, 0)) AS outstanding_bdt, sum(a.overdue_bdt) AS overdue_bdt,
           bool_or(a.status = 'overdue') AS any_overdue, bool_or(a.status = 'due') AS any_due,
           string_agg(h.holding_code, ', ' ORDER BY h.holding_code) AS holding_codes
    FROM imis_core.building_holding bh
    JOIN imis_core.holding h ON h.id = bh.holding_id
    LEFT JOIN imis_app.holding_tax_account a ON a.holding_id = bh.holding_id
    GROUP BY bh.building_id
)
SELECT b.id, b.bin, b.ward_id, w.number AS ward, coalesce(pb.holdings, 0) AS holdings, pb.holding_codes,
       pb.billed_bdt, pb.paid_bdt, pb.rebate_bdt, coalesce(pb.outstanding_bdt, 0) AS outstanding_bdt,
       coalesce(pb.overdue_bdt, 0) AS overdue_bdt,
       CASE WHEN pb.building_id IS NULL THEN 'no_holding'
            WHEN pb.billed_holdings = 0 THEN 'not_billed'
            WHEN pb.any_overdue THEN 'overdue'
            WHEN pb.any_due THEN 'due'
            ELSE 'paid' END AS status,
       b.geom
FROM imis_core.building b
LEFT JOIN per_building pb ON pb.building_id = b.id
LEFT JOIN imis_core.ward w ON w.id = b.ward_id;

-- The bill register: every bill with its holding, owner, ward and what was paid on it.
CREATE VIEW imis_app.bill_register WITH (security_invoker = true) AS
SELECT b.id, r.code AS run_code, r.state AS run_state, r.due_date, b.bill_number, b.fiscal_year, b.quarter,
       h.holding_code, h.address, o.name AS owner_name, o.name_bn AS owner_name_bn, w.number AS ward,
       b.annual_value_bdt, b.holding_tax_bdt, b.conservancy_bdt, b.lighting_bdt, b.water_bdt, b.sewerage_bdt,
       b.fire_bdt, b.current_bdt, b.arrears_bdt, b.advance_bdt, b.total_due_bdt, b.full_year_bdt, b.rebate_bdt,
       coalesce(p.paid, 0) AS paid_bdt, p.last_paid_on, b.holding_id, b.bill_run_id
FROM imis_revenue.bill b
JOIN imis_revenue.bill_run r ON r.id = b.bill_run_id
JOIN imis_core.holding h ON h.id = b.holding_id
LEFT JOIN imis_core.owner o ON o.id = h.owner_id
LEFT JOIN imis_core.ward w ON w.id = h.ward_id
LEFT JOIN (SELECT bill_id, sum(amount_bdt) AS paid, max(paid_on) AS last_paid_on
           FROM imis_revenue.payment GROUP BY bill_id) p ON p.bill_id = b.id;

-- ---------------------------------------------------------------------------------------------------
-- Water supply. Slab tariff: each m3 of a month's use is priced by the slab it falls in.
CREATE FUNCTION imis_app.water_slab_charge(tariff uuid, used_m3 numeric) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT round(coalesce(sum(s.rate_bdt_per_m3 * greatest(0, least(used_m3, coalesce(s.to_m3, used_m3)) - s.from_m3)), 0), 2)
    FROM imis_revenue.water_tariff_slab s WHERE s.tariff_id = tariff
$$;

-- A tariff's slabs start at 0 m3 and follow each other without gap or overlap; only the last is open.
-- Checked at commit, so slabs can be entered one by one.
CREATE FUNCTION imis_app.check_tariff_slabs() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    tariff uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tariff_id ELSE NEW.tariff_id END;
    label text;
    s record;
    expected numeric := 0;
    previous_open boolean := false;
BEGIN
    SELECT t.category || ' from ' || t.effective_from INTO label FROM imis_revenue.water_tariff t WHERE t.id = tariff;
    IF label IS NULL THEN
        RETURN NULL;  -- the tariff itself was deleted
    END IF;
    FOR s IN SELECT from_m3, to_m3 FROM imis_revenue.water_tariff_slab WHERE tariff_id = tariff ORDER BY from_m3 LOOP
        IF previous_open OR s.from_m3 <> expected THEN
            PERFORM imis_app.revenue_fail('water_tariff_slabs_contiguous',
                'tariff %s: the slab from %s m3 should start at %s m3 (slabs start at 0 and follow each other; only the last may be open-ended)',
                label, s.from_m3::text, CASE WHEN previous_open THEN 'no slab after an open-ended one' ELSE expected::text END);
        END IF;
        previous_open := s.to_m3 IS NULL;
        expected := s.to_m3;
    END LOOP;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER z_tariff_slabs AFTER INSERT OR UPDATE OR DELETE ON imis_revenue.water_tariff_slab
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION imis_app.check_tariff_slabs();

-- Readings: not in the future, within the meter's service, and never running backwards.
CREATE FUNCTION imis_app.check_water_reading() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    m record;
    before record;
    after record;
BEGIN
    SELECT meter_no, installed_on, removed_on, initial_reading_m3 INTO m FROM imis_revenue.water_meter WHERE id = NEW.meter_id;
    IF NEW.reading_date > current_date THEN
        PERFORM imis_app.revenue_fail('water_reading_date', 'meter %s: reading date %s is in the future',
                                      m.meter_no, NEW.reading_date::text);
    END IF;
    IF NEW.reading_date < m.installed_on OR NEW.reading_date > m.removed_on THEN
        PERFORM imis_app.revenue_fail('water_reading_date', 'meter %s: reading date %s is outside its service (%s to %s)',
                                      m.meter_no, NEW.reading_date::text, m.installed_on::text, coalesce(m.removed_on::text, 'now'));
    END IF;
    SELECT reading_date, reading_m3 INTO before FROM imis_revenue.water_reading
    WHERE meter_id = NEW.meter_id AND reading_date < NEW.reading_date AND id <> NEW.id
    ORDER BY reading_date DESC LIMIT 1;
    IF NEW.reading_m3 < coalesce(before.reading_m3, m.initial_reading_m3) THEN
        PERFORM imis_app.revenue_fail('water_reading_not_decreasing',
            'meter %s: %s m3 on %s is below %s m3 read %s', m.meter_no, NEW.reading_m3::text, NEW.reading_date::text,
            coalesce(before.reading_m3, m.initial_reading_m3)::text,
            coalesce('on ' || before.reading_date::text, 'at installation'));
    END IF;
    SELECT reading_date, reading_m3 INTO after FROM imis_revenue.water_reading
    WHERE meter_id = NEW.meter_id AND reading_date > NEW.reading_date AND id <> NEW.id
    ORDER BY reading_date LIMIT 1;
    IF FOUND AND NEW.reading_m3 > after.reading_m3 THEN
        PERFORM imis_app.revenue_fail('water_reading_not_decreasing',
            'meter %s: %s m3 on %s is above %s m3 read later on %s', m.meter_no, NEW.reading_m3::text,
            NEW.reading_date::text, after.reading_m3::text, after.reading_date::text);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER b_check_reading BEFORE INSERT OR UPDATE ON imis_revenue.water_reading
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_water_reading();

-- A water bill that has been paid on stays as it is.
CREATE FUNCTION imis_app.check_water_bill_paid() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM imis_revenue.water_payment WHERE water_bill_id = OLD.id) THEN
        PERFORM imis_app.revenue_fail('water_bill_paid', 'water bill %s has payments and cannot be changed or deleted',
                                      OLD.bill_number);
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER b_check_paid BEFORE UPDATE OR DELETE ON imis_revenue.water_bill
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_water_bill_paid();

-- New-connection applications: applied -> surveyed -> approved | rejected (revenue chief) -> connected
-- (to a connection at the same building).
CREATE FUNCTION imis_app.check_water_application() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    connection_building uuid;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'applied' THEN
            PERFORM imis_app.revenue_fail('water_application_state_order',
                'application %s must start as applied, not %s', NEW.application_no, NEW.state);
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state THEN
        IF (OLD.state, NEW.state) NOT IN (('applied', 'surveyed'), ('surveyed', 'approved'), ('surveyed', 'rejected'),
                                          ('approved', 'connected')) THEN
            PERFORM imis_app.revenue_fail('water_application_state_order',
                'application %s cannot go from %s to %s: applied -> surveyed -> approved or rejected -> connected',
                OLD.application_no, OLD.state, NEW.state);
        END IF;
        IF NEW.state IN ('approved', 'rejected') THEN
            IF NOT imis_app.is_revenue_chief() THEN
                PERFORM imis_app.revenue_refuse('water_application_decision_chief_only',
                    'application %s can be %s by a revenue chief only; %s is not one', OLD.application_no, NEW.state,
                    imis_app.acting_role());
            END IF;
            NEW.decided_by := imis_app.acting_role();
            NEW.decided_on := coalesce(NEW.decided_on, current_date);
        END IF;
        IF NEW.state = 'surveyed' THEN
            NEW.surveyed_on := coalesce(NEW.surveyed_on, current_date);
        END IF;
    ELSIF NEW.decided_by IS DISTINCT FROM OLD.decided_by THEN
        NEW.decided_by := OLD.decided_by;  -- recorded by the server only
    END IF;
    IF NEW.connection_id IS NOT NULL THEN
        SELECT building_id INTO connection_building FROM imis_revenue.water_connection WHERE id = NEW.connection_id;
        IF connection_building IS DISTINCT FROM NEW.building_id THEN
            PERFORM imis_app.revenue_fail('water_application_connection_building',
                'application %s: the connection is at another building than the application', NEW.application_no);
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER b_check_application BEFORE INSERT OR UPDATE ON imis_revenue.water_application
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_water_application();

-- Water accounts per connection (bills charged, payments, balance) and the connection layer.
CREATE VIEW imis_app.water_connection_status WITH (security_invoker = true) AS
WITH bills AS (
    SELECT connection_id, sum(current_bdt) AS billed_bdt,
           sum(current_bdt) FILTER (WHERE due_date < current_date) AS billed_past_due,
           max(period_month) AS last_month
    FROM imis_revenue.water_bill GROUP BY connection_id
),
paid AS (
    SELECT b.connection_id, sum(p.amount_bdt) AS paid_bdt
    FROM imis_revenue.water_payment p JOIN imis_revenue.water_bill b ON b.id = p.water_bill_id
    GROUP BY b.connection_id
)
SELECT c.id, c.connection_no, bl.bin, c.customer_name, c.category, c.status AS connection_status,
       m.meter_no, bi.last_month, coalesce(bi.billed_bdt, 0) AS billed_bdt, coalesce(pd.paid_bdt, 0) AS paid_bdt,
       coalesce(bi.billed_bdt, 0) - coalesce(pd.paid_bdt, 0) AS balance_bdt,
       greatest(0, coalesce(bi.billed_past_due, 0) - coalesce(pd.paid_bdt, 0)) AS overdue_bdt,
       CASE WHEN bi.connection_id IS NULL THEN 'not_billed'
            WHEN coalesce(bi.billed_bdt, 0) - coalesce(pd.paid_bdt, 0) <= 0 THEN 'paid'
            WHEN coalesce(bi.billed_past_due, 0) - coalesce(pd.paid_bdt, 0) > 0 THEN 'overdue'
            ELSE 'due' END AS status,
       c.geom
FROM imis_revenue.water_connection c
JOIN imis_core.building bl ON bl.id = c.building_id
LEFT JOIN imis_revenue.water_meter m ON m.connection_id = c.id AND m.removed_on IS NULL
LEFT JOIN bills bi ON bi.connection_id = c.id
LEFT JOIN paid pd ON pd.connection_id = c.id;

-- ---------------------------------------------------------------------------------------------------
-- Solid waste: a fee is paid for a month of service only.
CREATE FUNCTION imis_app.check_swm_payment() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    c record;
BEGIN
    SELECT customer_no, service_from, service_to INTO c FROM imis_revenue.swm_customer WHERE id = NEW.customer_id;
    IF NEW.period_month < date_trunc('month', c.service_from)::date OR NEW.period_month > c.service_to THEN
        PERFORM imis_app.revenue_fail('swm_payment_in_service',
            'customer %s: %s is outside the service period (%s to %s)', c.customer_no,
            to_char(NEW.period_month, 'YYYY-MM'), c.service_from::text, coalesce(c.service_to::text, 'now'));
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER c_check_period BEFORE INSERT OR UPDATE ON imis_revenue.swm_payment
    FOR EACH ROW EXECUTE FUNCTION imis_app.check_swm_payment();

-- Service coverage and payment status per ward: buildings with a collection customer, buildings within
-- 50 m of a collection route, and how many active customers paid last month's fee and the months unpaid
-- over the last twelve complete months.
CREATE VIEW imis_app.swm_ward_status WITH (security_invoker = true) AS
WITH buildings AS (
    SELECT ward_id, count(*) AS buildings FROM imis_core.building GROUP BY ward_id
),
near_route AS (
    SELECT b.ward_id, count(DISTINCT b.id) AS buildings_near_route
    FROM imis_revenue.swm_route r JOIN imis_core.building b ON ST_DWithin(r.geom, b.geom, 50)
    GROUP BY b.ward_id
),
active AS (
    SELECT c.id, c.building_id, b.ward_id, c.service_from
    FROM imis_revenue.swm_customer c JOIN imis_core.building b ON b.id = c.building_id
    WHERE c.service_from <= current_date AND (c.service_to IS NULL OR c.service_to >= current_date)
),
months AS (
    SELECT a.id, a.ward_id, m::date AS month
    FROM active a,
         generate_series(greatest(date_trunc('month', a.service_from), date_trunc('month', current_date) - interval '12 months'),
                         date_trunc('month', current_date) - interval '1 month', interval '1 month') m
),
unpaid AS (
    SELECT m.ward_id, count(*) AS unpaid_months, count(DISTINCT m.id) AS customers_in_arrears
    FROM months m
    WHERE NOT EXISTS (SELECT 1 FROM imis_revenue.swm_payment p WHERE p.customer_id = m.id AND p.period_month = m.month)
    GROUP BY m.ward_id
),
customers AS (
    SELECT a.ward_id, count(*) AS active_customers, count(DISTINCT a.building_id) AS buildings_served,
           count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM imis_revenue.swm_payment p WHERE p.customer_id = a.id
                 AND p.period_month = (date_trunc('month', current_date) - interval '1 month')::date)) AS paid_last_month
    FROM active a GROUP BY a.ward_id
),
points AS (
    SELECT ward_id, count(*) AS collection_points FROM imis_revenue.swm_collection_point GROUP BY ward_id
)
SELECT w.id, w.number AS ward, w.name, coalesce(bu.buildings, 0) AS buildings,
       coalesce(cu.buildings_served, 0) AS buildings_served,
       round(100.0 * coalesce(cu.buildings_served, 0) / nullif(bu.buildings, 0), 1) AS coverage_pct,
       coalesce(nr.buildings_near_route, 0) AS buildings_near_route,
       round(100.0 * coalesce(nr.buildings_near_route, 0) / nullif(bu.buildings, 0), 1) AS route_coverage_pct,
       coalesce(pt.collection_points, 0) AS collection_points,
       coalesce(cu.active_customers, 0) AS active_customers, coalesce(cu.paid_last_month, 0) AS paid_last_month,
       round(100.0 * cu.paid_last_month / nullif(cu.active_customers, 0), 1) AS paid_last_month_pct,
       coalesce(un.customers_in_arrears, 0) AS customers_in_arrears, coalesce(un.unpaid_months, 0) AS unpaid_months,
       w.geom
FROM imis_core.ward w
LEFT JOIN buildings bu ON bu.ward_id = w.id
LEFT JOIN near_route nr ON nr.ward_id = w.id
LEFT JOIN customers cu ON cu.ward_id = w.id
LEFT JOIN unpaid un ON un.ward_id = w.id
LEFT JOIN points pt ON pt.ward_id = w.id;
