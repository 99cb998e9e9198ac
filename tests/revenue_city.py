"""The sample city (tests/sample_city.py) plus what the revenue tests need: three more holdings with known
annual values, the tax rates of fiscal year 2024-25, a water tariff, connections with meters and readings,
and a solid-waste route, collection point and customers. Every amount the tests expect is worked out by
hand in the tests from the numbers here.

Fiscal year 2024 (July 2024 - June 2025) lies in the past, so payments can be dated on time or late.
"""
import datetime as dt

from imis_plugin.db.connect import transaction

from .sample_city import X, Y, _insert, point, populate

FY = 2024
# % of annual value; total 22.5, under the 39% cap
RATES = {"holding_tax": 7, "conservancy": 7, "lighting": 3, "water": 3, "sewerage": 2, "fire": 0.5}


def month_start(months_back: int) -> dt.date:
    """The first day of the month `months_back` months before this one."""
    first = dt.date.today().replace(day=1)
    for _ in range(months_back):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return first


def populate_revenue(dsn: str) -> dict:
    ids = populate(dsn)
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT id FROM imis_core.holding WHERE holding_code = '01-001-0001-00'")
        ids["holding_sample"] = cur.fetchone()[0]  # annual value 24,000 on the holding itself
        owner = _insert(cur, "imis_core.owner", {"name": "Abdul Karim", "name_bn": "আব্দুল করিম"})
        for key, code, value in (("holding_a", "01-001-0002-00", None), ("holding_b", "01-001-0003-00", None),
                                 ("holding_c", "01-002-0001-00", 1001)):
            ids[key] = _insert(cur, "imis_core.holding", {"holding_code": code, "ward_id": ids["ward"],
                                                          "owner_id": owner, "annual_value_bdt": value,
                                                          "address": "Station Road"})
        for key, building in (("holding_a", 1), ("holding_b", 2)):
            _insert(cur, "imis_core.building_holding", {"building_id": ids["buildings"][building], "holding_id": ids[key]})
        _insert(cur, "imis_revenue.tax_rate", {"fiscal_year": FY, **{f"{k}_pct": v for k, v in RATES.items()}})
        # A: rent 10,000 a month, the Paurashava rule (no deduction) -> annual value 120,000
        _insert(cur, "imis_revenue.assessment", {"holding_id": ids["holding_a"], "fiscal_year": FY,
                                                 "monthly_rent_bdt": 10000})
        # B: rent 10,000 a month, two months deducted for maintenance -> annual value 100,000
        _insert(cur, "imis_revenue.assessment", {"holding_id": ids["holding_b"], "fiscal_year": FY,
                                                 "monthly_rent_bdt": 10000, "maintenance_months": 2})

        # water: slabs 0-10 m3 at 8 BDT, 10-20 at 12, above 20 at 18; fixed charge 50; minimum charge 60
        tariff = _insert(cur, "imis_revenue.water_tariff", {"category": "domestic", "effective_from": month_start(24),
                                                            "fixed_charge_bdt": 50, "minimum_charge_bdt": 60})
        for low, high, rate in ((0, 10, 8), (10, 20, 12), (20, None, 18)):
            _insert(cur, "imis_revenue.water_tariff_slab", {"tariff_id": tariff, "from_m3": low, "to_m3": high,
                                                            "rate_bdt_per_m3": rate})
        installed = month_start(6)
        for i in range(3):
            connection = ids[f"connection_{i + 1}"] = _insert(cur, "imis_revenue.water_connection", {
                "connection_no": f"WC-{i + 1:03d}", "building_id": ids["buildings"][i], "customer_name": f"Customer {i + 1}",
                "category": "domestic", "connected_on": installed, "geom": point(X + 106 + 30 * i, Y + 519)}, ("geom",))
            ids[f"meter_{i + 1}"] = _insert(cur, "imis_revenue.water_meter", {
                "meter_no": f"M-{i + 1:03d}", "connection_id": connection, "installed_on": installed,
                "initial_reading_m3": 100, "geom": point(X + 106 + 30 * i, Y + 518)}, ("geom",))
        # last month: meter 1 from 100 to 125 m3 (25 m3), meter 2 from 100 to 103 (3 m3), meter 3 unread
        last_month = month_start(1)
        for meter, value in (("meter_1", 110), ("meter_1", 125), ("meter_2", 103)):
            day = last_month + dt.timedelta(days=9 if value == 110 else 19)
            _insert(cur, "imis_revenue.water_reading", {"meter_id": ids[meter], "reading_date": day, "reading_m3": value})

        # solid waste: one route along the buildings, a bin on it, customers at buildings 1 and 2
        route = ids["route"] = _insert(cur, "imis_revenue.swm_route", {
            "code": "R-01", "ward_id": ids["ward"], "trips_per_week": 6,
            "geom": f"LINESTRING({X + 80} {Y + 510}, {X + 200} {Y + 510})"}, ("geom",))
        point_id = _insert(cur, "imis_revenue.swm_collection_point", {
            "code": "CP-01", "kind": "community_bin", "ward_id": ids["ward"], "route_id": route, "capacity_m3": 1.5,
            "geom": point(X + 120, Y + 512)}, ("geom",))
        for i in range(2):
            ids[f"customer_{i + 1}"] = _insert(cur, "imis_revenue.swm_customer", {
                "customer_no": f"SW-{i + 1:03d}", "building_id": ids["buildings"][i], "customer_name": f"Household {i + 1}",
                "monthly_fee_bdt": 100, "service_from": month_start(3), "collection_point_id": point_id})
    return ids


def as_role(dsn: str, login: str) -> str:
    """The DSN of a test login (trust authentication: no password)."""
    return f"{dsn} user={login}"
