"""A tiny hand-made city with a row in every data table, for tests that need data but not a whole city
(the synthetic city generator makes big ones). Coordinates are around Jhenaidah in UTM 45N metres."""
import datetime as dt

from imis_plugin.db.connect import transaction

X, Y = 719_000, 2_605_000
TODAY = dt.date.today()


def square(x0, y0, size):
    x1, y1 = x0 + size, y0 + size
    return f"MULTIPOLYGON((({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0})))"


def line(*points):
    return "MULTILINESTRING((" + ",".join(f"{x} {y}" for x, y in points) + "))"


def point(x, y):
    return f"POINT({x} {y})"


def days_ago(n):
    return TODAY - dt.timedelta(days=n)


def _insert(cur, table, row: dict, geometry=()):
    """INSERT one row with bound values; columns in `geometry` take WKT in the city SRID."""
    columns = list(row)
    values = [f"ST_GeomFromText(%({c})s, (SELECT srid FROM imis_core.city))" if c in geometry else f"%({c})s"
              for c in columns]
    # table and column names come from this module, never from input
    cur.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(values)}) RETURNING id", row)
    return cur.fetchone()[0]


def populate(dsn: str) -> dict:
    """Fill every imis_core and imis_fsm table; returns the ids tests refer to."""
    ids = {}
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_core.city SET name = %s, name_bn = %s, code = %s, city_kind = %s, "
                    "boundary = ST_GeomFromText(%s, srid)",
                    ("Sample Town", "নমুনা শহর", "SMP", "paurashava", square(X, Y, 2000)))
        _insert(cur, "imis_core.holiday", {"holiday_date": dt.date(2026, 3, 26), "name": "Independence Day",
                                           "name_bn": "স্বাধীনতা দিবস"})
        ward = ids["ward"] = _insert(cur, "imis_core.ward", {"number": 1, "name": "Ward 1",
                                                             "geom": square(X, Y, 2000)}, ("geom",))
        lic = _insert(cur, "imis_core.low_income_community",
                      {"code": "LIC-01", "name": "Rail colony", "ward_id": ward, "household_count": 40,
                       "population": 180, "geom": square(X + 100, Y + 100, 200)}, ("geom",))
        plant = ids["plant"] = _insert(cur, "imis_core.treatment_plant",
                                       {"code": "TP-01", "name": "Sample FSTP", "plant_type": "fstp",
                                        "capacity_m3_per_day": 30, "status": "operational",
                                        "geom": point(X + 1800, Y + 1800)}, ("geom",))
        ids["other_plant"] = _insert(cur, "imis_core.treatment_plant",
                                     {"code": "TP-02", "name": "Sample WWTP", "plant_type": "decentralised_wwtp",
                                      "capacity_m3_per_day": 50, "geom": point(X + 200, Y + 1800)}, ("geom",))
        road = _insert(cur, "imis_core.road", {"code": "R-001", "name": "Station Road", "hierarchy": "feeder",
                                              "surface": "metalled", "width_m": 6, "carrying_width_m": 4.5,
                                              "geom": line((X, Y + 500), (X + 2000, Y + 500))}, ("geom",))
        drain = _insert(cur, "imis_core.drain", {"code": "D-001", "cover": "closed", "lining": "lined",
                                                "size_mm": 450, "outlet_plant_id": plant,
                                                "geom": line((X, Y + 495), (X + 2000, Y + 495))}, ("geom",))
        sewer = _insert(cur, "imis_core.sewer", {"code": "S-001", "diameter_mm": 300, "plant_id": plant,
                                                "geom": line((X, Y + 505), (X + 2000, Y + 505))}, ("geom",))
        _insert(cur, "imis_core.water_body", {"code": "WB-01", "name": "Town pond", "water_body_type": "pond",
                                             "geom": square(X + 1500, Y + 100, 150)}, ("geom",))
        _insert(cur, "imis_core.waterlogging_area", {"code": "WL-01", "severity": "medium",
                                                    "typical_depth_m": 0.3, "typical_duration_days": 4,
                                                    "geom": square(X + 900, Y + 900, 120)}, ("geom",))
        _insert(cur, "imis_core.water_point", {"code": "WP-01", "name": "Station Road tube well",
                                              "water_point_type": "shallow_tubewell", "depth_m": 45,
                                              "is_drinking": True, "ward_id": ward,
                                              "geom": point(X + 130, Y + 540)}, ("geom",))
        owner = _insert(cur, "imis_core.owner", {"name": "Rahima Khatun", "gender": "female",
                                                "national_id": "1234567890", "phone": "+8801711000000"})
        buildings = []
        for i in range(3):
            buildings.append(_insert(cur, "imis_core.building", {
                "bin": f"B{i + 1:06d}", "structure_type": "rcc_framed", "functional_use": "residential",
                "use_category": "single_family", "floor_count": 2, "household_count": 2, "population": 9,
                "female_population": 5, "male_population": 4, "ward_id": ward, "road_id": road,
                "lic_id": lic if i == 2 else None, "water_source": "deep_tubewell", "toilet_count": 1,
                "sanitation_system": "septic_tank", "vehicle_accessible": True, "drain_id": drain,
                "sewer_id": sewer if i == 0 else None,
                "geom": square(X + 100 + 30 * i, Y + 520, 12)}, ("geom",)))
        ids["buildings"] = buildings
        holding = _insert(cur, "imis_core.holding", {"holding_code": "01-001-0001-00", "ward_id": ward,
                                                     "owner_id": owner, "annual_value_bdt": 24000})
        _insert(cur, "imis_core.holding", {"holding_code": "H/12/old", "is_legacy": True, "ward_id": ward})
        _insert(cur, "imis_core.building_holding", {"building_id": buildings[0], "holding_id": holding})
        containment = ids["containment"] = _insert(cur, "imis_core.containment", {
            "code": "C-0001", "containment_type": "septic_tank_soak_pit", "volume_m3": 6, "length_m": 2.5,
            "width_m": 1.2, "depth_m": 2, "construction_date": dt.date(2015, 1, 1), "emptied_count": 1,
            "location": point(X + 105, Y + 515)}, ("location",))
        for b in buildings[:2]:  # shared by two buildings
            _insert(cur, "imis_core.building_containment", {"building_id": b, "containment_id": containment})
        toilet = _insert(cur, "imis_core.toilet", {"code": "CT-01", "name": "Rail colony toilet",
                                                   "kind": "community", "ward_id": ward, "seats_female": 2,
                                                   "seats_male": 2, "geom": point(X + 150, Y + 150)}, ("geom",))
        _insert(cur, "imis_core.building_toilet", {"building_id": buildings[2], "toilet_id": toilet})

        provider = ids["provider"] = _insert(cur, "imis_fsm.service_provider", {
            "code": "SP-01", "name": "Clean City Emptiers", "phone": "01712000000", "status": "active"})
        ids["other_provider"] = _insert(cur, "imis_fsm.service_provider", {"code": "SP-02",
                                                                          "name": "Municipal Emptying Unit"})
        vehicle = _insert(cur, "imis_fsm.vehicle", {"provider_id": provider, "registration": "JHE-TA-11-0001",
                                                   "vehicle_type": "vacutug", "capacity_m3": 2, "width_m": 1.4})
        employee = _insert(cur, "imis_fsm.employee", {"provider_id": provider, "name": "Karim Mia",
                                                     "role": "driver", "gender": "male"})
        application = ids["application"] = _insert(cur, "imis_fsm.application", {
            "code": "APP-0001", "provider_id": provider, "building_id": buildings[0],
            "containment_id": containment, "holding_id": holding, "customer_name": "Rahima Khatun",
            "application_date": days_ago(30), "requested_date": days_ago(25)})
        _insert(cur, "imis_fsm.assessment", {"application_id": application, "assessed_date": days_ago(28),
                                            "sludge_volume_m3": 4, "trips": 2, "vehicle_type": "vacutug"})
        emptying = ids["emptying"] = _insert(cur, "imis_fsm.emptying", {
            "application_id": application, "emptied_date": days_ago(25), "volume_m3": 4, "trips": 2,
            "vehicle_id": vehicle, "method": "mechanical", "cost_bdt": 2500})
        _insert(cur, "imis_fsm.emptying_crew", {"emptying_id": emptying, "employee_id": employee})
        _insert(cur, "imis_fsm.disposal", {"emptying_id": emptying, "plant_id": plant,
                                          "disposed_date": days_ago(25), "volume_m3": 4})
        _insert(cur, "imis_fsm.feedback", {"application_id": application, "feedback_date": days_ago(20),
                                          "satisfaction": 4, "crew_wore_ppe": True})
        _insert(cur, "imis_fsm.plant_test", {"plant_id": plant, "sample_date": days_ago(10), "bod_mg_l": 40,
                                            "cod_mg_l": 120, "ph": 7.2})
        _insert(cur, "imis_core.app_user", {"login_role": "sample_officer", "full_name": "Sample Officer"})
        _insert(cur, "imis_core.attachment", {  # a photo brought home from the field (QField)
            "table_name": "imis_fsm.emptying", "row_id": emptying, "column_name": "photo_after",
            "path": "imis_fsm.emptying/ab/" + "ab" * 32 + ".jpg", "sha256": "ab" * 32, "size_bytes": 51234,
            "original_name": "DCIM/emptying_after.jpg"})
        # indicators (revision 0005): a water sample, a city setting and a draft (unpublished) snapshot
        _insert(cur, "imis_core.water_sample", {"code": "WS-01", "sample_date": days_ago(12),
                                               "faecal_coliform_cfu_100ml": 0, "location": point(X + 130, Y + 540)},
                ("location",))
        _insert(cur, "imis_core.indicator_setting", {"parameter": "sludge_m3_per_person_year", "value": 0.05})
        snapshot = _insert(cur, "imis_core.indicator_snapshot", {"year": TODAY.year - 1})
        _insert(cur, "imis_core.indicator_snapshot_value", {
            "snapshot_id": snapshot, "area_kind": "city", "area_code": "SMP", "indicator": "sf_1a", "rule": "city",
            "numerator": 18, "denominator": 27, "value": 66.67, "unit": "%"})
        # scheduling (revision 0004): a survey, the provider's ward, a one-stop schedule and a declined household
        cur.execute("UPDATE imis_fsm.vehicle SET depot = ST_GeomFromText(%s, (SELECT srid FROM imis_core.city)), "
                    "trips_per_day = 4, hose_length_m = 30 WHERE id = %s", (point(X + 50, Y + 500), vehicle))
        _insert(cur, "imis_fsm.containment_survey", {"containment_id": containment, "survey_date": days_ago(40),
                                                     "user_count": 12, "sludge_fill_pct": 30})
        _insert(cur, "imis_fsm.provider_ward", {"provider_id": provider, "ward_id": ward})
        service_day = TODAY + dt.timedelta(days=10)
        while service_day.isoweekday() in (5, 6):  # the Bangladesh weekend: Friday, Saturday
            service_day += dt.timedelta(days=1)
        schedule = ids["schedule"] = _insert(cur, "imis_fsm.schedule", {
            "code": "PLAN-SAMPLE", "period_start": TODAY, "period_end": TODAY + dt.timedelta(days=30)})
        item = _insert(cur, "imis_fsm.schedule_item", {
            "schedule_id": schedule, "containment_id": containment, "provider_id": provider,
            "vehicle_id": vehicle, "service_date": service_day, "trip_no": 1, "stop_order": 1,
            "loads": 3, "programme": "regular", "expected_volume_m3": 6, "geom": point(X + 105, Y + 515)}, ("geom",))
        _insert(cur, "imis_fsm.schedule_route", {
            "schedule_id": schedule, "vehicle_id": vehicle, "provider_id": provider,
            "service_date": service_day, "stops": 1, "trips": 3, "volume_m3": 6,
            "distance_km": 9.4, "duration_h": 4.5, "geom": line((X + 50, Y + 500), (X + 105, Y + 500))}, ("geom",))
        _insert(cur, "imis_fsm.reintegration", {"containment_id": containment, "schedule_item_id": item,
                                                "provider_id": provider, "declined_date": days_ago(60),
                                                "reason": "tenant away", "resolved_date": days_ago(50),
                                                "outcome": "accepted"})
        _insert(cur, "imis_core.disease_case", {"ward_id": ward, "disease": "diarrhoea", "cases": 7,
                                               "period_start": dt.date(2026, 1, 1), "period_end": dt.date(2026, 1, 31),
                                               "source": "manual"})
    return ids


def row_counts(dsn: str) -> dict[str, int]:
    """Rows per data table (imis_core, imis_fsm, imis_audit)."""
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                    "WHERE table_schema IN ('imis_core', 'imis_fsm', 'imis_audit') AND table_type = 'BASE TABLE' "
                    "ORDER BY 1")
        tables = [r[0] for r in cur.fetchall()]
        counts = {}
        for table in tables:
            cur.execute(f"SELECT count(*) FROM {table}")  # names from the catalog
            counts[table] = cur.fetchone()[0]
        return counts
