"""A small city for the FSM tests: a 4 x 4 block road grid (6 m wide), a 1.5 m lane to the east, a road of
unknown width to the north, an FSTP south of the grid, two wards and two providers with their fleets, 18
containments along the roads, applications (one emergency), and the fill-model cases F-1..F-6 (far away,
so that no vehicle reaches them). Coordinates in UTM 45N metres."""
import datetime as dt

from imis_plugin.db.connect import transaction

from .sample_city import _insert, line, point, square

X, Y = 719_000, 2_605_000
TODAY = dt.date.today()


def next_weekday(day: dt.date, iso: int) -> dt.date:
    while day.isoweekday() != iso:
        day += dt.timedelta(days=1)
    return day


#: the planning period: two working weeks from a Sunday, with a holiday on its first Tuesday
START = next_weekday(TODAY + dt.timedelta(days=7), 7)
END = START + dt.timedelta(days=13)
HOLIDAY = START + dt.timedelta(days=2)


def populate(dsn: str) -> dict:
    ids: dict = {"containments": {}}
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_core.city SET name = 'FSM Town', code = 'FSM', city_kind = 'paurashava'")
        _insert(cur, "imis_core.holiday", {"holiday_date": HOLIDAY, "name": "A holiday"})
        west = ids["ward_west"] = _insert(cur, "imis_core.ward", {"number": 1, "name": "West",
                                                                  "geom": square(X - 300, Y - 300, 500)}, ("geom",))
        east = ids["ward_east"] = _insert(cur, "imis_core.ward", {
            "number": 2, "name": "East",
            "geom": f"MULTIPOLYGON((({X + 200} {Y - 300},{X + 3000} {Y - 300},{X + 3000} {Y + 900},"
                    f"{X + 200} {Y + 900},{X + 200} {Y - 300})))"}, ("geom",))
        # the grid, one segment per block side, noded at every crossing
        n = 0
        for i in range(5):
            for j in range(4):
                for a, b in (((X + 100 * j, Y + 100 * i), (X + 100 * (j + 1), Y + 100 * i)),
                             ((X + 100 * i, Y + 100 * j), (X + 100 * i, Y + 100 * (j + 1)))):
                    n += 1
                    _insert(cur, "imis_core.road", {"code": f"G{n}", "width_m": 6, "geom": line(a, b)}, ("geom",))
        ids["lane"] = _insert(cur, "imis_core.road", {"code": "LANE", "width_m": 1.5,
                                                      "geom": line((X + 400, Y + 200), (X + 600, Y + 200))}, ("geom",))
        ids["unknown_road"] = _insert(cur, "imis_core.road", {"code": "UNKNOWN",
                                                              "geom": line((X, Y + 400), (X, Y + 600))}, ("geom",))
        _insert(cur, "imis_core.road", {"code": "PLANT-ACCESS", "width_m": 6,
                                        "geom": line((X + 200, Y), (X + 200, Y - 100))}, ("geom",))
        ids["plant"] = _insert(cur, "imis_core.treatment_plant", {
            "code": "FSTP-1", "name": "Town FSTP", "plant_type": "fstp", "capacity_m3_per_day": 200,
            "geom": point(X + 200, Y - 105)}, ("geom",))
        _insert(cur, "imis_core.treatment_plant", {"code": "WWTP-1", "name": "Sewage works",
                                                   "plant_type": "centralised_wwtp", "capacity_m3_per_day": 500,
                                                   "geom": point(X - 100, Y - 100)}, ("geom",))
        a = ids["provider_a"] = _insert(cur, "imis_fsm.service_provider", {"code": "SP-A", "name": "East Emptiers"})
        b = ids["provider_b"] = _insert(cur, "imis_fsm.service_provider", {"code": "SP-B", "name": "West Emptiers"})
        _insert(cur, "imis_fsm.provider_ward", {"provider_id": a, "ward_id": east})
        _insert(cur, "imis_fsm.provider_ward", {"provider_id": b, "ward_id": west})
        depot_a, depot_b = point(X + 210, Y + 10), point(X + 10, Y + 390)
        vehicles = (("truck_a", a, "KHL-T-1", "vacuum_truck", 3, 2.0, 3, 30, depot_a),
                    ("vacutug_a", a, "KHL-V-1", "vacutug", 1, 1.2, 4, 20, depot_a),
                    ("truck_b", b, "KHL-T-2", "vacuum_truck", 2, 1.8, 2, 30, depot_b),
                    ("monster_b", b, "KHL-M-9", "vacuum_truck", 12, 9.0, 2, 30, depot_b))
        for key, provider, reg, kind, cap, width, trips, hose, depot in vehicles:
            ids[key] = _insert(cur, "imis_fsm.vehicle", {
                "provider_id": provider, "registration": reg, "vehicle_type": kind, "capacity_m3": cap,
                "width_m": width, "trips_per_day": trips, "hose_length_m": hose, "depot": depot}, ("depot",))
        # containments along the grid, 10 m from a road; volumes 1-7 m3, one without size
        volumes = [1.5, 2.5, 4.0, 1.0, 2.0, 7.0, 1.5, 3.0, 2.5, None, 1.2, 2.0, 4.5, 1.8, 2.2, 3.5]
        places = [(X + 50 + 100 * i, Y + 10 + 100 * j) for j in range(4) for i in range(4)]
        places += [(X + 500, Y + 210), (X + 580, Y + 190)]  # on the lane: only the vacutug fits
        volumes += [1.0, 0.8]
        for k, ((x, y), volume) in enumerate(zip(places, volumes), start=1):
            code = f"C-{k:02d}"
            building = _insert(cur, "imis_core.building", {
                "bin": f"F{k:05d}", "population": 6 + k, "ward_id": west if x < X + 200 else east,
                "address": f"{k} Grid Road", "geom": square(x - 6, y + 2, 8)}, ("geom",))
            containment = _insert(cur, "imis_core.containment", {
                "code": code, "containment_type": "septic_tank_soak_pit", "volume_m3": volume,
                "construction_date": dt.date(2015, 1, 1), "location": point(x, y)}, ("location",))
            _insert(cur, "imis_core.building_containment", {"building_id": building, "containment_id": containment})
            ids["containments"][code] = containment
            ids.setdefault("buildings", {})[code] = building
        # beyond the unknown-width road: nobody may drive there
        b_far = _insert(cur, "imis_core.building", {"bin": "F-NORTH", "population": 5, "ward_id": west,
                                                    "geom": square(X + 5, Y + 540, 8)}, ("geom",))
        c_far = ids["containments"]["C-NORTH"] = _insert(cur, "imis_core.containment", {
            "code": "C-NORTH", "containment_type": "septic_tank_soak_pit", "volume_m3": 2,
            "construction_date": dt.date(2015, 1, 1), "location": point(X + 10, Y + 550)}, ("location",))
        _insert(cur, "imis_core.building_containment", {"building_id": b_far, "containment_id": c_far})
        # applications: an emergency in the east, an ordinary one in the west
        ids["emergency"] = _insert(cur, "imis_fsm.application", {
            "code": "APP-EM", "provider_id": a, "building_id": ids["buildings"]["C-16"],
            "containment_id": ids["containments"]["C-16"], "application_date": TODAY, "is_emergency": True})
        ids["on_demand"] = _insert(cur, "imis_fsm.application", {
            "code": "APP-OD", "provider_id": b, "building_id": ids["buildings"]["C-05"],
            "containment_id": ids["containments"]["C-05"], "application_date": TODAY})
        _fill_cases(cur, ids)
    return ids


def _containment(cur, ids, code, building=None, **row):
    x = X + 2500 + 20 * len(ids["containments"])
    cid = _insert(cur, "imis_core.containment", {"code": code, "location": point(x, Y + 800), **row}, ("location",))
    ids["containments"][code] = cid
    if building:
        bid = _insert(cur, "imis_core.building", {"bin": f"B-{code}", "geom": square(x, Y + 805, 8), **building},
                      ("geom",))
        _insert(cur, "imis_core.building_containment", {"building_id": bid, "containment_id": cid})
    return cid


def _fill_cases(cur, ids):
    """The hand-computed fill-model cases (see tests/test_scheduling.py)."""
    f1 = _containment(cur, ids, "F-1", containment_type="septic_tank_soak_pit", volume_m3=6,
                      last_emptied_date=dt.date(2024, 1, 1), emptied_count=1)
    _insert(cur, "imis_fsm.containment_survey", {"containment_id": f1, "survey_date": dt.date(2024, 6, 1),
                                                 "user_count": 10})
    _containment(cur, ids, "F-2", {"population": 12}, containment_type="lined_pit_soak_pit", length_m=1.5,
                 width_m=1.0, depth_m=1.5, construction_date=dt.date(2023, 3, 1))
    for code, volume in (("F-3a", 4), ("F-3b", 6)):
        _containment(cur, ids, code, containment_type="holding_tank", volume_m3=volume,
                     construction_date=dt.date(2020, 1, 1))
    _containment(cur, ids, "F-3", {"household_count": 2}, containment_type="holding_tank",
                 last_emptied_date=dt.date(2025, 6, 1), emptied_count=3)
    f4 = _containment(cur, ids, "F-4", containment_type="septic_tank_soak_pit", volume_m3=6,
                      last_emptied_date=dt.date(2022, 1, 1), emptied_count=1)
    _insert(cur, "imis_fsm.containment_survey", {"containment_id": f4, "survey_date": dt.date(2025, 1, 1),
                                                 "user_count": 10, "sludge_fill_pct": 50})
    _containment(cur, ids, "F-5", {"population": 8}, containment_type="septic_tank_soak_pit", volume_m3=6,
                 emptied_count=2)
    f6 = _containment(cur, ids, "F-6", containment_type="septic_tank_soak_pit", volume_m3=6,
                      last_emptied_date=dt.date(2025, 1, 1), emptied_count=1)
    _insert(cur, "imis_fsm.containment_survey", {"containment_id": f6, "survey_date": dt.date(2024, 6, 1),
                                                 "user_count": 10, "sludge_fill_pct": 50})
