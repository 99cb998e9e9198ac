"""A hand-built city for the indicator tests: 24 buildings in two wards and one low-income community (LIC),
each chosen to exercise one branch of the "safe" rules, with containments, emptyings, disposals, plants,
plant tests, toilets and water samples whose indicator values tests/test_indicators.py works out by hand.

Layout (metres from X, Y, EPSG:32645): ward 1 is x 0-1000, ward 2 is x 1000-2000 (both y 0-1000); the LIC
LIC-A is x 100-400, y 100-400 inside ward 1. Buildings are 10 m squares given by their lower-left corner.
The year under test is 2025 (B20 is built in 2026 and does not count for 2025).

Building  system              containment / link                    pop  where  city rule  JMP rung
B01       septic_tank         C01 soak pit (+C99 not in use)         10  w1     safe       safely managed
B02       septic_tank         C01 + C02 soak pit, emptied+delivered   8  w1     safe       safely managed
B03       septic_tank         C03 soak pit, 2025 emptying undelivered 6  w1     safe       basic
B04       septic_tank         C04 to drain D1 (to working WWTP)       5  w2     safe       safely managed
B05       septic_tank         C05 to drain D2 (closed, lined)         7  w2     safe       basic
B06       septic_tank         C06 to drain D3 (open, unlined)         9  w2     unsafe     basic
B07       sewer_network       sewer S1 to the WWTP                   12  w2     safe       safely managed
B08       sewer_network       sewer S2 reaching no plant              4  w2     unsafe     basic
B09       pit_holding_tank    C09 unlined pit                         6  w1     unsafe     safely managed
B10       pit_holding_tank    C10 double pit, emptied+delivered       5  LIC    safe       safely managed
B11       septic_tank         C11 to water body                       8  LIC    unsafe     basic
B12       community_toilet    depends on CT1 (20 m away)             10  LIC    -          limited
B13       open_defecation                                             3  LIC    -          open defecation
B14       drain_network                                               4  w2     unsafe     unimproved
B15       (not recorded)      depends on CT2 (40 m away)              5  w2     -          unknown
B16       shared_septic_tank  C16 soak pit                            6  w1     shared     limited
B17       composting_toilet   school                                  -  w1     safe       (safe chain)
B18       septic_tank         C18 to open ground, school              -  w2     unsafe     (unsafe)
B19       septic_tank         C19 to drain D4 (to a plant out of use), health  -  w2  safe  (unsafe)
B20       septic_tank         C20 soak pit, built 2026               20  w1     (not in 2025)
B21       septic_tank         C21 soak pit, houses CT1, emptied+delivered  -  LIC  safe  (safe chain)
B22       septic_tank         C22 lined pit to drain D2, houses PT1   -  w2     safe       (unsafe)
B23       onsite_treatment                                            4  w2     safe       safely managed
B24       septic_tank         C24 soak pit, emptied 2025 (no FSM job) 5  w1     safe       basic
"""
import datetime as dt

from imis_plugin.db.connect import transaction

from .sample_city import _insert, line, point, square

X, Y = 719_000, 2_605_000
YEAR = 2025


def at(x, y):
    return point(X + x, Y + y)


def footprint(x, y, size=10):
    return square(X + x, Y + y, size)


def d(month, day, year=YEAR):
    return dt.date(year, month, day)


# bin: (x, y, sanitation_system, population, female, lic, functional_use, drain, sewer, construction_year)
BUILDINGS = {
    "B01": (500, 500, "septic_tank", 10, 5, False, "residential", None, None, None),
    "B02": (520, 500, "septic_tank", 8, 4, False, "residential", None, None, None),
    "B03": (540, 500, "septic_tank", 6, 3, False, "residential", None, None, None),
    "B04": (1200, 500, "septic_tank", 5, 2, False, "residential", "D1", None, None),
    "B05": (1220, 500, "septic_tank", 7, 3, False, "residential", "D2", None, None),
    "B06": (1240, 500, "septic_tank", 9, 4, False, "residential", "D3", None, None),
    "B07": (1260, 500, "sewer_network", 12, 6, False, "residential", None, "S1", None),
    "B08": (1280, 500, "sewer_network", 4, 2, False, "residential", None, "S2", None),
    "B09": (560, 500, "pit_holding_tank", 6, 3, False, "residential", None, None, None),
    "B10": (150, 150, "pit_holding_tank", 5, 3, True, "residential", None, None, None),
    "B11": (170, 150, "septic_tank", 8, 4, True, "residential", None, None, None),
    "B12": (200, 200, "community_toilet", 10, 6, True, "residential", None, None, None),
    "B13": (130, 150, "open_defecation", 3, 1, True, "residential", None, None, None),
    "B14": (1300, 500, "drain_network", 4, 2, False, "residential", None, None, None),
    "B15": (1600, 300, None, 5, 2, False, "residential", None, None, None),
    "B16": (580, 500, "shared_septic_tank", 6, 3, False, "residential", None, None, None),
    "B17": (600, 500, "composting_toilet", None, None, False, "educational", None, None, None),
    "B18": (1320, 500, "septic_tank", None, None, False, "educational", None, None, None),
    "B19": (1340, 500, "septic_tank", None, None, False, "health", "D4", None, None),
    "B20": (640, 500, "septic_tank", 20, 10, False, "residential", None, None, 2026),
    "B21": (225, 200, "septic_tank", None, None, True, "public", None, None, None),
    "B22": (1360, 500, "septic_tank", None, None, False, "public", "D2", None, None),
    "B23": (1380, 500, "onsite_treatment", 4, 2, False, "residential", None, None, None),
    "B24": (620, 500, "septic_tank", 5, 2, False, "residential", None, None, None),
}

# code: (type, buildings served, in_use, last_emptied_date noted on the containment itself)
CONTAINMENTS = {
    "C01": ("septic_tank_soak_pit", ("B01", "B02"), True, None),
    "C99": ("septic_tank_open_ground", ("B01",), False, None),
    "C02": ("septic_tank_soak_pit", ("B02",), True, None),
    "C03": ("septic_tank_soak_pit", ("B03",), True, None),
    "C04": ("septic_tank_drain", ("B04",), True, None),
    "C05": ("septic_tank_drain", ("B05",), True, None),
    "C06": ("septic_tank_drain", ("B06",), True, None),
    "C09": ("unlined_pit", ("B09",), True, None),
    "C10": ("double_pit", ("B10",), True, None),
    "C11": ("septic_tank_water_body", ("B11",), True, None),
    "C16": ("septic_tank_soak_pit", ("B16",), True, None),
    "C18": ("septic_tank_open_ground", ("B18",), True, None),
    "C19": ("septic_tank_drain", ("B19",), True, None),
    "C20": ("septic_tank_soak_pit", ("B20",), True, None),
    "C21": ("septic_tank_soak_pit", ("B21",), True, None),
    "C22": ("lined_pit_drain", ("B22",), True, None),
    "C24": ("septic_tank_soak_pit", ("B24",), True, d(3, 1)),
}

# code: (provider, building, containment, applied, emptied, volume, method, disposals [(plant, volume)],
#        feedback (satisfaction, ppe) or None, cancelled)
JOBS = {
    "A0": ("SP1", "B03", "C03", d(5, 1, 2024), d(5, 5, 2024), 3, "mechanical", [("P1", 3)], None, False),
    "A7": ("SP1", "B06", "C06", d(12, 20, 2024), d(1, 5), 3, "mechanical", [("P2", 3)], None, False),
    "A1": ("SP1", "B02", "C02", d(2, 1), d(2, 4), 4, "mechanical", [("P1", 4)], (5, True), False),
    "A2": ("SP1", "B03", "C03", d(3, 10), d(3, 20), 5, "mechanical", [], (2, False), False),
    "A3": ("SP2", "B21", "C21", d(6, 1), d(6, 3), 2, "mechanical", [("P1", 2)], (4, None), False),
    "A4": ("SP2", "B10", "C10", d(7, 1), d(7, 11), 1, "manual", [("P1", 0.5)], None, False),
    "A5": ("SP1", "B05", "C05", d(11, 20), None, None, None, [], None, False),
    "A6": ("SP1", "B06", "C06", d(8, 1), None, None, None, [], None, True),
}


def populate(dsn: str) -> dict:
    """Fill an empty database at head with the city above; returns ids by code."""
    ids = {}
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("UPDATE imis_core.city SET name = %s, code = %s, city_kind = %s",
                    ("Indicator Town", "ICT", "paurashava"))
        for number in (1, 2):
            ids[f"W{number}"] = _insert(cur, "imis_core.ward", {
                "number": number, "name": f"Ward {number}",
                "geom": square(X + 1000 * (number - 1), Y, 1000)}, ("geom",))
        ids["LIC-A"] = _insert(cur, "imis_core.low_income_community", {
            "code": "LIC-A", "name": "Canal colony", "ward_id": ids["W1"], "population": 26,
            "geom": square(X + 100, Y + 100, 300)}, ("geom",))
        plants = {"P1": ("fstp", 0.02, "operational", (1500, 900)),
                  "P2": ("centralised_wwtp", 2, "operational", (1800, 900)),
                  "P3": ("co_treatment", 5, "not_operational", (1900, 100))}
        for code, (kind, capacity, status, (x, y)) in plants.items():
            ids[code] = _insert(cur, "imis_core.treatment_plant", {
                "code": code, "name": f"Plant {code}", "plant_type": kind, "capacity_m3_per_day": capacity,
                "status": status, "geom": at(x, y)}, ("geom",))
        drains = {"D1": ("open", "lined", "P2"), "D2": ("closed", "lined", None),
                  "D3": ("open", "unlined", None), "D4": ("open", "lined", "P3")}
        for i, (code, (cover, lining, plant)) in enumerate(drains.items()):
            ids[code] = _insert(cur, "imis_core.drain", {
                "code": code, "cover": cover, "lining": lining, "outlet_plant_id": ids.get(plant),
                "geom": line((X + 1000, Y + 450 - 10 * i), (X + 2000, Y + 450 - 10 * i))}, ("geom",))
        for code, plant in (("S1", "P2"), ("S2", None)):
            ids[code] = _insert(cur, "imis_core.sewer", {
                "code": code, "plant_id": ids.get(plant),
                "geom": line((X + 1000, Y + 600), (X + 2000, Y + 600 + (code == "S2")))}, ("geom",))
        for bin_, (x, y, system, pop, female, lic, use, drain, sewer, built) in BUILDINGS.items():
            ids[bin_] = _insert(cur, "imis_core.building", {
                "bin": bin_, "sanitation_system": system, "population": pop, "female_population": female,
                "male_population": None if pop is None else pop - female,
                "lic_id": ids["LIC-A"] if lic else None, "functional_use": use,
                "ward_id": ids["W1"] if x < 1000 else ids["W2"],
                "drain_id": ids.get(drain), "sewer_id": ids.get(sewer), "construction_year": built,
                "geom": footprint(x, y)}, ("geom",))
        for code, (kind, served, in_use, noted) in CONTAINMENTS.items():
            ids[code] = _insert(cur, "imis_core.containment", {
                "code": code, "containment_type": kind, "in_use": in_use, "last_emptied_date": noted})
            for bin_ in served:
                _insert(cur, "imis_core.building_containment", {"building_id": ids[bin_], "containment_id": ids[code]})
        toilets = {  # code: (kind, status, building, universal, women, men, system, (x, y))
            "CT1": ("community", "operational", "B21", True, 30, 20, "septic_tank", (230, 205)),
            "CT2": ("community", "operational", None, False, 10, 15, None, (1610, 350)),
            "CT3": ("community", "not_operational", None, True, 99, 99, None, (700, 700)),
            "PT1": ("public", "operational", "B22", True, None, None, "septic_tank", (1365, 505)),
            "PT2": ("public", "operational", None, None, None, None, "composting_toilet", (300, 700)),
        }
        for code, (kind, status, host, universal, women, men, system, (x, y)) in toilets.items():
            ids[code] = _insert(cur, "imis_core.toilet", {
                "code": code, "kind": kind, "status": status, "building_id": ids.get(host),
                "universal_design": universal, "female_users": women, "male_users": men,
                "sanitation_system": system, "geom": at(x, y)}, ("geom",))
        for bin_, toilet in (("B12", "CT1"), ("B15", "CT2")):
            _insert(cur, "imis_core.building_toilet", {"building_id": ids[bin_], "toilet_id": ids[toilet]})

        for code in ("SP1", "SP2"):
            ids[code] = _insert(cur, "imis_fsm.service_provider", {"code": code, "name": f"Provider {code}"})
        for code, (provider, bin_, cont, applied, emptied, volume, method, disposals, feedback, cancelled) in JOBS.items():
            app = ids[code] = _insert(cur, "imis_fsm.application", {
                "code": code, "provider_id": ids[provider], "building_id": ids[bin_], "containment_id": ids[cont],
                "application_date": applied, "is_cancelled": cancelled,
                "cancel_reason": "customer withdrew" if cancelled else None})
            if emptied is None:
                continue
            emptying = ids[f"E-{code}"] = _insert(cur, "imis_fsm.emptying", {
                "application_id": app, "emptied_date": emptied, "volume_m3": volume, "method": method})
            for plant, disposed in disposals:
                _insert(cur, "imis_fsm.disposal", {"emptying_id": emptying, "plant_id": ids[plant],
                                                  "disposed_date": emptied, "volume_m3": disposed})
            if feedback:
                _insert(cur, "imis_fsm.feedback", {"application_id": app, "feedback_date": emptied + dt.timedelta(days=5),
                                                  "satisfaction": feedback[0], "crew_wore_ppe": feedback[1]})
        tests = {  # plant, date, bod, tss, ecoli
            "T1": ("P1", d(4, 1), 30, 80, 500),     # meets all three limits
            "T2": ("P1", d(8, 1), 50, 80, 500),     # BOD above 40
            "T3": ("P2", d(9, 1), 20, 50, None),    # E. coli not measured: cannot show compliance
            "T4": ("P2", d(9, 1, 2024), 20, 50, 10),  # another year
        }
        for code, (plant, day, bod, tss, ecoli) in tests.items():
            _insert(cur, "imis_fsm.plant_test", {"plant_id": ids[plant], "sample_date": day, "bod_mg_l": bod,
                                                "tss_mg_l": tss, "ecoli_cfu_100ml": ecoli, "remarks": code})
        ids["WP1"] = _insert(cur, "imis_core.water_point", {"code": "WP1", "geom": at(400, 800)}, ("geom",))
        samples = {"WS1": ("WP1", None, d(2, 1), 0), "WS2": ("WP1", None, d(5, 1), 5),
                   "WS3": (None, (1500, 200), d(6, 1), 0), "WS4": ("WP1", None, d(6, 1, 2024), 7)}
        for code, (wp, place, day, coliform) in samples.items():
            row = {"code": code, "water_point_id": ids.get(wp), "sample_date": day,
                   "faecal_coliform_cfu_100ml": coliform}
            geometry = ()
            if place:
                row["location"] = at(*place)
                geometry = ("location",)
            _insert(cur, "imis_core.water_sample", row, geometry)
    return ids
