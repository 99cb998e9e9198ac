"""The shares that make a demo city plausible, measured in a database (compared with plan.TARGETS)."""
from __future__ import annotations

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
}


def measured_shares(cur) -> dict[str, float]:
    shares = {}
    for name, query in QUERIES.items():
        cur.execute(query)
        value = cur.fetchone()[0]
        shares[name] = None if value is None else round(float(value), 4)
    return shares
