"""The shares that make a demo city plausible, measured in a database (compared with plan.TARGETS)."""
from __future__ import annotations

# holding-tax bills of every run but the latest, with what was paid on each by its due date
_PAST_DUE_BILLS = """FROM imis_revenue.bill b JOIN imis_revenue.bill_run r ON r.id = b.bill_run_id
    LEFT JOIN (SELECT p.bill_id, sum(p.amount_bdt) AS paid FROM imis_revenue.payment p
               JOIN imis_revenue.bill b ON b.id = p.bill_id
               JOIN imis_revenue.bill_run r ON r.id = b.bill_run_id
               WHERE p.paid_on <= r.due_date GROUP BY p.bill_id) p ON p.bill_id = b.id
    WHERE r.due_date < (SELECT max(due_date) FROM imis_revenue.bill_run)"""

QUERIES = {
    "lic_building_share": "SELECT avg((lic_id IS NOT NULL)::int) FROM imis_core.building",
    "containments_per_building": "SELECT (SELECT count(*) FROM imis_core.containment)::float8 / count(*) "
                                 "FROM imis_core.building",
    "septic_share_of_containments": "SELECT avg((containment_type LIKE 'septic_tank%')::int) FROM imis_core.containment",
    "shared_containment_share": "SELECT avg((n > 1)::int) FROM (SELECT count(*) AS n FROM imis_core.building_containment "
                                "GROUP BY containment_id) c",
    "sewer_connected_share": "SELECT avg((sanitation_system = 'sewer_network')::int) FROM imis_core.building",
    "community_toilet_share": "SELECT avg((sanitation_system = 'community_toilet')::int) FROM imis_core.building",
    "cancelled_share": "SELECT avg(is_cancelled::int) FROM imis_fsm.application",
    "emptied_share": "SELECT avg((e.id IS NOT NULL)::int) FROM imis_fsm.application a "
                     "LEFT JOIN imis_fsm.emptying e ON e.application_id = a.id WHERE NOT a.is_cancelled",
    "disposed_share": "SELECT avg((EXISTS (SELECT 1 FROM imis_fsm.disposal d WHERE d.emptying_id = e.id))::int) "
                      "FROM imis_fsm.emptying e",
    "feedback_share": "SELECT avg((f.id IS NOT NULL)::int) FROM imis_fsm.emptying e "
                      "LEFT JOIN imis_fsm.feedback f ON f.application_id = e.application_id",
    "assessed_holding_share": "SELECT avg((EXISTS (SELECT 1 FROM imis_revenue.assessment a "
                              "WHERE a.holding_id = h.id))::int) FROM imis_core.holding h",
    # first-quarter bills past their due date on which the whole year was paid in time (the rebate earned)
    "tax_rebate_share": "SELECT avg((coalesce(p.paid, 0) >= b.full_year_bdt AND b.full_year_bdt > 0)::int) "
                        f"{_PAST_DUE_BILLS} AND b.quarter = 1",
    # bills past their due date whose total due was paid by then
    "tax_paid_in_time_share": f"SELECT avg((coalesce(p.paid, 0) >= b.total_due_bdt)::int) {_PAST_DUE_BILLS}",
    # bills, after the first run, that carry arrears
    "tax_arrears_share": "SELECT avg((b.arrears_bdt > 0)::int) FROM imis_revenue.bill b "
                         "JOIN imis_revenue.bill_run r ON r.id = b.bill_run_id "
                         "WHERE r.issued_at > (SELECT min(issued_at) FROM imis_revenue.bill_run)",
    "water_connection_share": "SELECT (SELECT count(*) FROM imis_revenue.water_connection)::float8 "
                              "/ count(*) FROM imis_core.building",
    # water bills, but the last month's, with a payment
    "water_bills_paid_share": "SELECT avg((EXISTS (SELECT 1 FROM imis_revenue.water_payment p "
                              "WHERE p.water_bill_id = b.id))::int) FROM imis_revenue.water_bill b "
                              "WHERE b.period_month < (SELECT max(period_month) "
                              "FROM imis_revenue.water_bill)",
    "water_arrears_share": "SELECT avg((arrears_bdt > 0)::int) FROM imis_revenue.water_bill",
    # residential buildings with a solid-waste customer, in the wards with collection
    "swm_household_coverage": "SELECT avg((EXISTS (SELECT 1 FROM imis_revenue.swm_customer c "
                              "WHERE c.building_id = b.id))::int) FROM imis_core.building b "
                              "WHERE b.functional_use = 'residential' AND b.ward_id IN (SELECT x.ward_id "
                              "FROM imis_revenue.swm_customer c "
                              "JOIN imis_core.building x ON x.id = c.building_id)",
    # customers served three months or more who never paid a fee
    "swm_never_paid_share": "SELECT avg((NOT EXISTS (SELECT 1 FROM imis_revenue.swm_payment p "
                            "WHERE p.customer_id = c.id))::int) FROM imis_revenue.swm_customer c "
                            "WHERE c.service_from < (SELECT max(period_month) "
                            "FROM imis_revenue.swm_payment) - 90",
}


def measured_shares(cur) -> dict[str, float]:
    shares = {}
    for name, query in QUERIES.items():
        cur.execute(query)
        value = cur.fetchone()[0]
        shares[name] = None if value is None else round(float(value), 4)
    return shares
