"""Set-based checks that loaded rows obey every rule the database enforces row by row.

A bulk load with the row triggers off (see :func:`imis_plugin.demo_city.generate.generate`) is only as
good as this: every foreign key of the loaded tables, read from the catalog, and every rule of the
skipped triggers (database/app/20_rules.sql and 40_fsm.sql), written here as one query each. CHECK, NOT
NULL and unique constraints need no re-check: PostgreSQL enforces them during any load.

:data:`MIRRORED_TRIGGERS` lists the trigger functions whose rules these queries mirror; a test fails when
a table gains a trigger this module does not know, so a new rule cannot slip past the bulk load.
"""
from __future__ import annotations

from psycopg2 import sql

#: trigger functions on the generator's tables and what stands in for them during a bulk load
MIRRORED_TRIGGERS = {
    "touch_row": "column defaults (created_at, updated_at, row_version 1, changed_by)",
    "audit_rows": "one summary row in imis_audit.log",
    "check_geometry": "the CHECK constraint ck_<table>_geom_valid (same test)",
    "check_holding_code": "the CHECK constraint ck_holding_code_standard_or_legacy (same test)",
    "check_application": "RULES['fsm_date_not_future'], RULES['fsm_dates_in_order']",
    "check_assessment": "RULES['fsm_date_not_future'], RULES['fsm_dates_in_order']",
    "check_emptying": "RULES['fsm_date_not_future'], RULES['fsm_dates_in_order']",
    "check_disposal": "RULES['fsm_disposed_not_above_emptied'] and the date rules",
    "check_feedback": "RULES['fsm_dates_in_order'], RULES['fsm_date_not_future']",
    "check_step_order": "RULES['fsm_application_cancelled'], RULES['fsm_step_order']",
    "check_visible_job": "the foreign keys (every step's application exists)",
    "check_cancel": "RULES['fsm_step_order'] (no cancelled job was emptied)",
    "check_survey": "RULES['fsm_date_not_future']",
    "containment_after_emptying": "RULES['containment_emptying_counts'] (counts and dates set from the history)",
    # revenue (database/app/80_revenue.sql)
    "check_tax_rate": "the CHECK constraints ck_tax_rate_total_within_cap and ck_tax_rate_rates_not_negative",
    "assess_annual_value": "the CHECK constraint ck_assessment_annual_value_rule (maintenance months given)",
    "check_bill_run": "RULES['bill_run_has_bills']; runs written in their final state and by whom",
    "check_bills_frozen": "bills written while their run is being made, as imis_plugin.revenue.billing does",
    "audit_bills": "one summary row in imis_audit.log",
    "check_payment": "RULES['revenue_payment_not_future'], RULES['payment_on_issued_bill'] (amounts: CHECK)",
    "check_tariff_slabs": "RULES['water_tariff_slabs_contiguous']",
    "check_water_reading": "RULES['water_reading_in_service'], RULES['water_reading_not_decreasing']",
    "check_water_bill_paid": "nothing: it guards updates and deletes of paid bills",
    "check_water_application": "RULES['water_application_connection_building'] (applied, then surveyed)",
    "check_swm_payment": "RULES['swm_payment_in_service']",
}

#: rule name -> query counting the rows that break it (and giving one example)
RULES = {
    "fsm_date_not_future": """
        SELECT count(*), min(what) FROM (
            SELECT 'application ' || code AS what FROM imis_fsm.application WHERE application_date > current_date
            UNION ALL SELECT 'assessment ' || id FROM imis_fsm.assessment WHERE assessed_date > current_date
            UNION ALL SELECT 'emptying ' || id FROM imis_fsm.emptying WHERE emptied_date > current_date
            UNION ALL SELECT 'disposal ' || id FROM imis_fsm.disposal WHERE disposed_date > current_date
            UNION ALL SELECT 'feedback ' || id FROM imis_fsm.feedback WHERE feedback_date > current_date
            UNION ALL SELECT 'survey ' || id FROM imis_fsm.containment_survey WHERE survey_date > current_date
        ) x""",
    "fsm_dates_in_order": """
        SELECT count(*), min(what) FROM (
            SELECT a.code AS what FROM imis_fsm.application a WHERE a.requested_date < a.application_date
            UNION ALL
            SELECT a.code FROM imis_fsm.assessment s JOIN imis_fsm.application a ON a.id = s.application_id
            WHERE s.assessed_date < a.application_date
            UNION ALL
            SELECT a.code FROM imis_fsm.emptying e JOIN imis_fsm.application a ON a.id = e.application_id
            LEFT JOIN imis_fsm.assessment s ON s.application_id = e.application_id
            WHERE e.emptied_date < a.application_date OR e.emptied_date < s.assessed_date
            UNION ALL
            SELECT a.code FROM imis_fsm.disposal d JOIN imis_fsm.emptying e ON e.id = d.emptying_id
            JOIN imis_fsm.application a ON a.id = e.application_id WHERE d.disposed_date < e.emptied_date
            UNION ALL
            SELECT a.code FROM imis_fsm.feedback f JOIN imis_fsm.application a ON a.id = f.application_id
            LEFT JOIN imis_fsm.emptying e ON e.application_id = f.application_id
            WHERE f.feedback_date < coalesce(e.emptied_date, a.application_date)
        ) x""",
    "fsm_disposed_not_above_emptied": """
        SELECT count(*), min(e.id::text) FROM imis_fsm.emptying e
        JOIN (SELECT emptying_id, sum(volume_m3) AS v FROM imis_fsm.disposal GROUP BY emptying_id) d
          ON d.emptying_id = e.id
        WHERE d.v > e.volume_m3""",
    "fsm_application_cancelled": """
        SELECT count(*), min(a.code) FROM imis_fsm.application a
        WHERE a.is_cancelled AND (EXISTS (SELECT 1 FROM imis_fsm.assessment s WHERE s.application_id = a.id)
                                  OR EXISTS (SELECT 1 FROM imis_fsm.emptying e WHERE e.application_id = a.id)
                                  OR EXISTS (SELECT 1 FROM imis_fsm.feedback f WHERE f.application_id = a.id))""",
    "fsm_step_order": """
        SELECT count(*), min(a.code) FROM imis_fsm.feedback f JOIN imis_fsm.application a ON a.id = f.application_id
        WHERE NOT EXISTS (SELECT 1 FROM imis_fsm.emptying e WHERE e.application_id = f.application_id)""",
    # what the emptying trigger keeps: times emptied and the last date, from the recorded emptyings
    "containment_emptying_counts": """
        SELECT count(*), min(c.code) FROM imis_core.containment c
        LEFT JOIN (SELECT imis_app.job_containment(a.containment_id, a.building_id) AS cid, count(*) AS k,
                          max(e.emptied_date) AS d
                   FROM imis_fsm.emptying e JOIN imis_fsm.application a ON a.id = e.application_id GROUP BY 1) h
          ON h.cid = c.id
        WHERE c.emptied_count <> coalesce(h.k, 0) OR c.last_emptied_date IS DISTINCT FROM h.d""",
    # revenue
    "bill_run_has_bills": """
        SELECT count(*), min(r.code) FROM imis_revenue.bill_run r
        WHERE r.state <> 'draft'
          AND NOT EXISTS (SELECT 1 FROM imis_revenue.bill b WHERE b.bill_run_id = r.id)""",
    "payment_on_issued_bill": """
        SELECT count(*), min(b.bill_number) FROM imis_revenue.bill_run r
        JOIN imis_revenue.bill b ON b.bill_run_id = r.id JOIN imis_revenue.payment p ON p.bill_id = b.id
        WHERE r.state <> 'issued'""",
    "revenue_payment_not_future": """
        SELECT count(*), min(what) FROM (
            SELECT 'payment ' || id AS what FROM imis_revenue.payment WHERE paid_on > current_date
            UNION ALL
            SELECT 'water payment ' || id FROM imis_revenue.water_payment WHERE paid_on > current_date
            UNION ALL
            SELECT 'solid-waste payment ' || id FROM imis_revenue.swm_payment WHERE paid_on > current_date
        ) x""",
    "water_tariff_slabs_contiguous": """
        SELECT count(*), min(tariff_id::text) FROM (
            SELECT tariff_id, from_m3, lag(to_m3) OVER w AS previous_to, row_number() OVER w AS n,
                   lag(to_m3 IS NULL) OVER w AS after_open
            FROM imis_revenue.water_tariff_slab WINDOW w AS (PARTITION BY tariff_id ORDER BY from_m3)
        ) s
        WHERE (n = 1 AND from_m3 <> 0) OR (n > 1 AND (after_open OR from_m3 <> previous_to))""",
    "water_reading_in_service": """
        SELECT count(*), min(m.meter_no) FROM imis_revenue.water_reading r
        JOIN imis_revenue.water_meter m ON m.id = r.meter_id
        WHERE r.reading_date > current_date OR r.reading_date < m.installed_on
           OR r.reading_date > m.removed_on""",
    "water_reading_not_decreasing": """
        SELECT count(*), min(meter_no) FROM (
            SELECT m.meter_no, r.reading_m3,
                   coalesce(lag(r.reading_m3) OVER (PARTITION BY r.meter_id ORDER BY r.reading_date),
                            m.initial_reading_m3) AS before
            FROM imis_revenue.water_reading r JOIN imis_revenue.water_meter m ON m.id = r.meter_id
        ) x WHERE reading_m3 < before""",
    "water_application_connection_building": """
        SELECT count(*), min(a.application_no) FROM imis_revenue.water_application a
        JOIN imis_revenue.water_connection c ON c.id = a.connection_id
        WHERE c.building_id <> a.building_id""",
    "swm_payment_in_service": """
        SELECT count(*), min(c.customer_no) FROM imis_revenue.swm_payment p
        JOIN imis_revenue.swm_customer c ON c.id = p.customer_id
        WHERE p.period_month < date_trunc('month', c.service_from)::date OR p.period_month > c.service_to""",
}


def foreign_key_problems(cur, tables: list[str]) -> list[str]:
    """Every foreign key of ``tables`` (schema.table names), checked as the referencing side's rows that
    have all key columns set and no matching row (MATCH SIMPLE, PostgreSQL's default)."""
    cur.execute(
        """
        SELECT k.conname, k.conrelid::regclass::text, k.confrelid::regclass::text,
               (SELECT array_agg(a.attname::text ORDER BY x.n) FROM unnest(k.conkey) WITH ORDINALITY x(att, n)
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.att),
               (SELECT array_agg(a.attname::text ORDER BY x.n) FROM unnest(k.confkey) WITH ORDINALITY x(att, n)
                JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.att)
        FROM pg_constraint k
        WHERE k.contype = 'f' AND k.conrelid = ANY(%s::regclass[])
        ORDER BY 1
        """, (tables,))
    found = []
    for name, child, parent, columns, referenced in cur.fetchall():
        query = sql.SQL("SELECT count(*) FROM {child} c WHERE {set} AND NOT EXISTS "
                        "(SELECT 1 FROM {parent} p WHERE {match})").format(
            child=_table(child), parent=_table(parent),
            set=sql.SQL(" AND ").join(sql.SQL("c.{} IS NOT NULL").format(sql.Identifier(c)) for c in columns),
            match=sql.SQL(" AND ").join(sql.SQL("p.{} = c.{}").format(sql.Identifier(p), sql.Identifier(c))
                                        for c, p in zip(columns, referenced)))
        cur.execute(query)
        broken = cur.fetchone()[0]
        if broken:
            found.append(f"{name}: {broken} row(s) of {child} refer to no {parent} row")
    return found


def rule_problems(cur) -> list[str]:
    found = []
    for rule, query in RULES.items():
        cur.execute(query)
        broken, example = cur.fetchone()
        if broken:
            found.append(f"{rule}: {broken} row(s), e.g. {example}")
    return found


def problems(cur, tables: list[str]) -> list[str]:
    """Every broken foreign key and rule (empty when the data passes)."""
    return foreign_key_problems(cur, tables) + rule_problems(cur)


def _table(qualified: str) -> sql.Composed:
    schema, _, table = qualified.partition(".")
    return sql.SQL("{}.{}").format(sql.Identifier(schema), sql.Identifier(table))
