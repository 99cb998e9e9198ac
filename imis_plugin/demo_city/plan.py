"""What a demo city looks like: sizes, shares, names, and the parameters the generator's SQL reads.

Everything random in the city is drawn in SQL from ``hashint8extended(key, seed ...)`` of a stable key (a
block, a lot, a containment...), never from ``random()``: the same seed and size give the same city, row
for row, whatever order PostgreSQL happens to evaluate rows in. Shares are module constants so that the
tests can hold the generated city to them.

Categorical draws use ``width_bucket(u, thresholds)``: :func:`choice` turns a ``{value: weight}`` dict
into the values array and the cumulative thresholds; the SQL then reads ``values[width_bucket(u, thr) + 1]``.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from ..revenue.billing import default_code
from ..revenue.periods import quarter_bounds

#: the city `make demo` generates (Jhenaidah's size, see DOMAIN.md "Scale facts")
DEMO_BUILDINGS = 27_047
DEMO_SEED = 27
DEMO_NAME = "Jhenaidah (demo)"
DEMO_NAME_BN = "ঝিনাইদহ (ডেমো)"
DEMO_CODE = "JHD"
#: the city of any other seed and size
OTHER_NAME, OTHER_NAME_BN, OTHER_CODE = "Demo City", "ডেমো সিটি", "DMO"

MIN_BUILDINGS = 50
MAX_BUILDINGS = 5_000_000
#: years of FSM history before the as-of date
HISTORY_YEARS = 3
#: where the city lies (Jhenaidah, WGS 84): projected into the database's own CRS
ORIGIN_LON_LAT = (89.1539, 23.5450)


def choice(weights: dict[str, float]) -> tuple[list[str], list[float]]:
    """Values and cumulative thresholds (all but the last) of a categorical distribution."""
    total = sum(weights.values())
    values, thresholds, running = [], [], 0.0
    for value, weight in weights.items():
        values.append(value)
        running += weight / total
        thresholds.append(round(running, 9))
    return values, thresholds[:-1]


def nested_choice(outer: list[str], inner: dict[str, dict[str, float]]) -> tuple[list[str], list[float]]:
    """One flat distribution for "inner value given outer value": outer value number f (0-based) owns the
    interval [f, f + 1), so the SQL draws ``values[width_bucket(f + u, thresholds) + 1]``."""
    values, thresholds = [], []
    for f, key in enumerate(outer):
        sub_values, sub_thresholds = choice(inner[key])
        values += sub_values
        thresholds += [f + t for t in sub_thresholds]
        if f < len(outer) - 1:
            thresholds.append(f + 1.0)
    return values, thresholds


# --- buildings ------------------------------------------------------------------------------------------
STRUCTURE = {
    "normal": {"rcc_framed": 0.40, "load_bearing": 0.33, "cgi_sheet": 0.24, "wooden_mud": 0.03},
    "lic": {"rcc_framed": 0.03, "load_bearing": 0.17, "cgi_sheet": 0.62, "wooden_mud": 0.18},
}
FUNCTIONAL_USES = ["residential", "mixed", "educational", "health", "commercial", "industrial", "agriculture",
                   "public", "government", "recreational", "social", "cultural_religious", "financial", "vacant"]
FUNCTIONAL_USE = {
    # lots on local roads
    "normal": {"residential": 0.80, "mixed": 0.06, "educational": 0.015, "health": 0.004, "commercial": 0.04,
               "industrial": 0.008, "agriculture": 0.01, "public": 0.001, "government": 0.004,
               "recreational": 0.002, "social": 0.005, "cultural_religious": 0.02, "financial": 0.001,
               "vacant": 0.03},
    # lots on strategic and feeder roads: shops and offices
    "main": {"residential": 0.45, "mixed": 0.20, "educational": 0.02, "health": 0.015, "commercial": 0.22,
             "industrial": 0.01, "agriculture": 0.0, "public": 0.002, "government": 0.02, "recreational": 0.005,
             "social": 0.008, "cultural_religious": 0.02, "financial": 0.015, "vacant": 0.015},
    # wide lots: institutions, markets, factories, apartment blocks
    "big": {"residential": 0.15, "mixed": 0.05, "educational": 0.22, "health": 0.07, "commercial": 0.14,
            "industrial": 0.14, "agriculture": 0.02, "public": 0.01, "government": 0.10, "recreational": 0.03,
            "social": 0.02, "cultural_religious": 0.05, "financial": 0.0, "vacant": 0.0},
    "lic": {"residential": 0.95, "mixed": 0.025, "educational": 0.0, "health": 0.0, "commercial": 0.02,
            "industrial": 0.0, "agriculture": 0.0, "public": 0.0, "government": 0.0, "recreational": 0.0,
            "social": 0.0, "cultural_religious": 0.005, "financial": 0.0, "vacant": 0.0},
}
USE_CATEGORY = {
    "residential": {"single_family": 0.60, "multi_family": 0.32, "apartment": 0.06, "dormitory": 0.02},
    "mixed": {"residential_commercial": 0.8, "residential_office": 0.2},
    "educational": {"school": 0.6, "madrasa": 0.25, "college": 0.13, "university": 0.02},
    "health": {"clinic": 0.55, "health_centre": 0.30, "hospital": 0.15},
    "commercial": {"shop": 0.55, "office": 0.20, "hotel_restaurant": 0.15, "market": 0.10},
    "industrial": {"factory": 0.4, "warehouse": 0.6},
    "agriculture": {"farm_building": 1.0},
    "public": {"bus_terminal": 1.0},
    "government": {"government_office": 0.8, "police_station": 0.2},
    "recreational": {"park_facility": 0.5, "sports_facility": 0.3, "cinema": 0.2},
    "social": {"community_centre": 0.5, "ngo_office": 0.35, "orphanage": 0.15},
    "cultural_religious": {"mosque": 0.80, "temple": 0.15, "church": 0.03, "pagoda": 0.02},
    "financial": {"bank": 1.0},
    "vacant": {"vacant_building": 0.6, "under_construction": 0.4},
}
WATER_SOURCE = {
    "core": {"piped_municipal": 0.55, "deep_tubewell": 0.20, "shallow_tubewell": 0.17, "protected_dug_well": 0.01,
             "bottled_water": 0.03, "rainwater": 0.01, "other": 0.03},
    "outer": {"piped_municipal": 0.15, "deep_tubewell": 0.30, "shallow_tubewell": 0.45, "protected_dug_well": 0.02,
              "unprotected_dug_well": 0.03, "surface_water": 0.02, "rainwater": 0.01, "other": 0.02},
    "lic": {"piped_municipal": 0.25, "deep_tubewell": 0.15, "shallow_tubewell": 0.50, "unprotected_dug_well": 0.03,
            "surface_water": 0.05, "other": 0.02},
}

# Sanitation of a building. "private" is replaced by its on-site system below; shared groups (neighbours
# sharing one tank or pit) and sewer connections are decided per group / per road first.
SANITATION = {
    "normal": {"septic_tank": 0.70, "pit_holding_tank": 0.19, "drain_network": 0.045, "onsite_treatment": 0.005,
               "composting_toilet": 0.003, "water_body": 0.015, "open_ground": 0.012, "shared_toilet": 0.025,
               "open_defecation": 0.005},
    "lic": {"community_toilet": 0.38, "pit_holding_tank": 0.30, "septic_tank": 0.10, "shared_toilet": 0.08,
            "drain_network": 0.04, "water_body": 0.05, "open_ground": 0.03, "open_defecation": 0.02},
}
#: share of buildings in a group of three neighbours that share one tank (normal) or latrine (LIC)
SHARED_GROUP = {"normal": 0.07, "lic": 0.22}
#: share of buildings on a sewered road that are connected
SEWER_CONNECTED = 0.75
#: containment types: outlet of septic tanks and the kind of pit
SEPTIC_OUTLET = {
    "drain": {"septic_tank_drain": 0.45, "septic_tank_soak_pit": 0.25, "septic_tank_no_outlet": 0.14,
              "septic_tank_water_body": 0.04, "septic_tank_open_ground": 0.04, "septic_tank_unknown": 0.08},
    "no_drain": {"septic_tank_soak_pit": 0.45, "septic_tank_no_outlet": 0.25, "septic_tank_water_body": 0.08,
                 "septic_tank_open_ground": 0.08, "septic_tank_unknown": 0.14},
}
PIT_TYPE = {
    "drain": {"lined_pit_drain": 0.16, "lined_pit_soak_pit": 0.14, "lined_pit_no_outlet": 0.14,
              "lined_pit_water_body": 0.05, "lined_pit_open_ground": 0.04, "lined_pit_unknown": 0.05,
              "unlined_pit": 0.27, "double_pit": 0.10, "holding_tank": 0.05},
    "no_drain": {"lined_pit_soak_pit": 0.20, "lined_pit_no_outlet": 0.18, "lined_pit_water_body": 0.07,
                 "lined_pit_open_ground": 0.06, "lined_pit_unknown": 0.05, "unlined_pit": 0.29,
                 "double_pit": 0.10, "holding_tank": 0.05},
}
#: a second containment for big buildings
SECOND_CONTAINMENT = 0.25

# --- FSM history ----------------------------------------------------------------------------------------
#: applications per containment over the history, by kind of container
APPLICATIONS = {
    "septic": {"0": 0.74, "1": 0.22, "2": 0.04},
    "pit": {"0": 0.58, "1": 0.30, "2": 0.10, "3": 0.02},
    "toilet": {"3": 0.3, "4": 0.4, "5": 0.3},
}
EMERGENCY = 0.07
CANCELLED = 0.06
ASSESSED = 0.86            # of the jobs not cancelled (emergencies: EMERGENCY_ASSESSED)
EMERGENCY_ASSESSED = 0.35
DECLINED_AFTER_ASSESSMENT = 0.08
DISPOSED = 0.84            # emptyings with a disposal record
SPLIT_DISPOSAL = 0.35      # of multi-trip emptyings: two deliveries
FEEDBACK = 0.45            # emptyings with feedback
MANUAL_WHEN_NARROW = 0.45  # emptyings done by hand where no truck passes
SATISFACTION = {"5": 0.33, "4": 0.36, "3": 0.16, "2": 0.10, "1": 0.05}

# --- revenue (holding tax, water supply, solid waste) ---------------------------------------------------
#: holding tax and rates, % of annual value, of the previous and the current fiscal year (20.5% and 21.5%;
#: the legal cap is 39%); City Corporations deduct two months' rent for maintenance (DOMAIN.md)
TAX_RATES = [
    {"holding_tax": 7, "conservancy": 7, "lighting": 3, "water": 2, "sewerage": 1, "fire": 0.5},
    {"holding_tax": 7.5, "conservancy": 7.5, "lighting": 3, "water": 2, "sewerage": 1, "fire": 0.5},
]
REBATE_PCT = 10
#: assessed monthly rent, BDT per m2 of floor (low and high), by structure; times a factor by use and
#: up to 1.6 times in the centre (registers lag behind market rents, as in most municipalities)
RENT_PER_M2 = {"rcc_framed": (22, 40), "load_bearing": (12, 22), "cgi_sheet": (5, 10), "wooden_mud": (3, 6)}
RENT_USE_FACTOR = {"commercial": 2.2, "financial": 2.5, "mixed": 1.5, "industrial": 1.1}
#: holdings with a rent-based assessment (standard codes; legacy codes less often); of those, reassessed
#: for the current fiscal year (an appeal, an extension, a change of use)
ASSESSED = 0.88
ASSESSED_LEGACY = 0.55
REASSESSED = 0.08
#: how each holding pays its quarterly bills: the whole year with the first instalment (rebate), each
#: bill's total due in time, each quarter's amount after the due date, now and then, never
TAX_PAYERS = {"whole_year": 0.16, "prompt": 0.46, "late": 0.14, "irregular": 0.14, "defaulter": 0.10}
IRREGULAR_PAYS = 0.5
TAX_CHANNEL = {"counter": 0.45, "bank": 0.20, "mobile_banking": 0.15, "ekpay": 0.20}
#: buildings drawing piped municipal water that have a metered connection (most municipal connections are
#: unmetered, on a flat rate, which the revenue module does not bill)
WATER_CONNECTED = 0.12
WATER_DISCONNECTED = 0.03
#: months of water bills (each from the month's meter reading); a meter is now and then not read
WATER_MONTHS = 12
WATER_UNREAD = 0.04
WATER_PAYERS = {"prompt": 0.66, "late": 0.14, "irregular": 0.12, "defaulter": 0.08}
WATER_IRREGULAR_PAYS = 0.55
WATER_CHANNEL = {"counter": 0.5, "bank": 0.25, "mobile_banking": 0.25}
#: pending new-connection applications, per building drawing piped water without a connection
WATER_APPLICATIONS = 0.012
#: water tariff by category: fixed charge, minimum charge, slabs (from m3, BDT per m3); the current
#: fiscal year's tariff is 8% dearer
WATER_TARIFF = {
    "domestic": (50, 90, [(0, 9), (10, 12), (20, 15), (40, 20)]),
    "commercial": (100, 250, [(0, 25), (20, 35)]),
    "industrial": (200, 500, [(0, 40)]),
    "institutional": (100, 200, [(0, 15), (50, 20)]),
}
WATER_TARIFF_RISE = 1.08
#: solid waste: the innermost wards (a share of them) have door-to-door collection; who subscribes, how they pay
SWM_SERVED_WARDS = 0.12
SWM_SUBSCRIBED = {"household": 0.8, "commercial": 0.6, "market": 0.9, "institution": 0.6, "industry": 0.4}
SWM_PAYERS = {"prompt": 0.72, "irregular": 0.18, "defaulter": 0.10}
SWM_IRREGULAR_PAYS = 0.6
SWM_LEFT = 0.04
SWM_FEE_PER_HOUSEHOLD = 50

#: shares the generated city reproduces (value, tolerance; measured at 156,000 and 1,000,000 buildings, wide
#: enough for a city of a few thousand): tests check them, docs quote them
TARGETS = {
    "lic_building_share": (0.19, 0.09),
    "containments_per_building": (0.80, 0.10),
    "septic_share_of_containments": (0.72, 0.06),
    "shared_containment_share": (0.025, 0.015),
    "sewer_connected_share": (0.02, 0.015),
    "community_toilet_share": (0.07, 0.04),
    "cancelled_share": (CANCELLED, 0.03),
    "emptied_share": (0.93, 0.04),
    "disposed_share": (0.78, 0.05),
    "feedback_share": (FEEDBACK, 0.06),
    "assessed_holding_share": (0.86, 0.04),
    "tax_rebate_share": (TAX_PAYERS["whole_year"], 0.05),
    "tax_paid_in_time_share": (0.69, 0.05),
    "tax_arrears_share": (0.31, 0.05),
    "water_connection_share": (0.03, 0.02),
    "water_bills_paid_share": (0.86, 0.04),
    "water_arrears_share": (0.24, 0.05),
    "swm_household_coverage": (SWM_SUBSCRIBED["household"], 0.05),
    "swm_never_paid_share": (SWM_PAYERS["defaulter"], 0.04),
}

# --- names ----------------------------------------------------------------------------------------------
MALE = [("Mohammad", "মোহাম্মদ"), ("Abdul", "আব্দুল"), ("Rafiqul", "রফিকুল"), ("Shafiqul", "শফিকুল"),
        ("Aminul", "আমিনুল"), ("Kamal", "কামাল"), ("Jamal", "জামাল"), ("Habibur", "হাবিবুর"),
        ("Mizanur", "মিজানুর"), ("Anwar", "আনোয়ার"), ("Nurul", "নুরুল"), ("Sirajul", "সিরাজুল"),
        ("Shahidul", "শহিদুল"), ("Rubel", "রুবেল"), ("Sumon", "সুমন"), ("Liton", "লিটন"), ("Babul", "বাবুল"),
        ("Delwar", "দেলোয়ার"), ("Faruk", "ফারুক"), ("Jahangir", "জাহাঙ্গীর"), ("Mostafa", "মোস্তফা"),
        ("Gopal", "গোপাল"), ("Shyamal", "শ্যামল"), ("Nirmal", "নির্মল"), ("Pradip", "প্রদীপ"), ("Tapan", "তপন"),
        ("Sujon", "সুজন"), ("Masud", "মাসুদ"), ("Rashed", "রাশেদ"), ("Tariq", "তারিক")]
FEMALE = [("Fatema", "ফাতেমা"), ("Rahima", "রহিমা"), ("Nasrin", "নাসরিন"), ("Shirin", "শিরিন"),
          ("Parvin", "পারভীন"), ("Taslima", "তাসলিমা"), ("Jahanara", "জাহানারা"), ("Selina", "সেলিনা"),
          ("Rokeya", "রোকেয়া"), ("Hasina", "হাসিনা"), ("Rina", "রিনা"), ("Shahida", "শাহিদা"),
          ("Monowara", "মনোয়ারা"), ("Sathi", "সাথী"), ("Moni", "মনি"), ("Ratna", "রত্না"), ("Anjali", "অঞ্জলি"),
          ("Lakshmi", "লক্ষ্মী"), ("Shefali", "শেফালী"), ("Kulsum", "কুলসুম"), ("Ayesha", "আয়েশা"),
          ("Sabina", "সাবিনা"), ("Nazma", "নাজমা"), ("Rupa", "রুপা"), ("Mitu", "মিতু")]
MALE_SURNAME = [("Rahman", "রহমান"), ("Hossain", "হোসেন"), ("Islam", "ইসলাম"), ("Ahmed", "আহমেদ"),
                ("Uddin", "উদ্দিন"), ("Ali", "আলী"), ("Sarkar", "সরকার"), ("Mondal", "মন্ডল"),
                ("Biswas", "বিশ্বাস"), ("Sheikh", "শেখ"), ("Mia", "মিয়া"), ("Khan", "খান"),
                ("Chowdhury", "চৌধুরী"), ("Molla", "মোল্লা"), ("Talukder", "তালুকদার"), ("Das", "দাস"),
                ("Roy", "রায়"), ("Ghosh", "ঘোষ"), ("Saha", "সাহা"), ("Kabir", "কবির"), ("Hasan", "হাসান")]
FEMALE_SURNAME = [("Akter", "আক্তার"), ("Khatun", "খাতুন"), ("Begum", "বেগম"), ("Sultana", "সুলতানা"),
                  ("Rahman", "রহমান"), ("Islam", "ইসলাম"), ("Das", "দাস"), ("Roy", "রায়"), ("Parvin", "পারভীন")]
PLACE_NAMES = ["Nabaganga", "Sher-e-Bangla", "Shahid Minar", "Hamdah", "Arappur", "Pagla Kanai", "Kanchannagar",
               "Bhutiargati", "Chuadanga", "Jashore", "Kushtia", "Magura", "Shishu Kunja", "College", "Hospital",
               "Station", "Court", "Stadium", "Bazar", "Masjid", "Kali Bari", "Police Line", "Sadar", "Upazila",
               "Karimpur", "Khalishpur", "Daulatpur", "Boyra", "Sonadanga", "Goalkhali", "Sheikhpara", "Chakla",
               "Notun Para", "Purbo Para", "Paschim Para", "Uttar Para", "Dakkhin Para", "Mia Para", "Kazi Para",
               "Bepari Para", "Kumar Para", "Moyra Para", "Adarsha Para", "Sabujbagh", "Shantinagar", "Rail Gate",
               "Puraton Bazar", "Baro Bazar", "Hatkhola", "Ghat", "Bridge", "Eidgah", "Collectorate", "Thana"]
RIVERS = ["Nabaganga", "Bhairab", "Kumar", "Chitra", "Betna", "Kapotakkho", "Madhumati", "Gorai"]
PROVIDERS = ["Nirmol Sanitation Services", "Shobuj Bangla FSM Ltd.", "Porichchhonno Sludge Services",
             "Sheba Vacutug Services", "Jibon Sanitation Cooperative", "Alor Pothe Waste Management",
             "Rupali Cleaning Services", "Sonar Bangla Sanitation", "Nodi Bangla Emptying Services",
             "Prottasha FSM Services", "Surokkha Sanitation Ltd."]
CANCEL_REASONS = ["customer not at home on the agreed day", "customer found the price too high",
                  "emptied privately by manual sweepers", "duplicate application", "containment not reachable"]
FEEDBACK_COMMENTS = ["crew was polite and quick", "took too long to arrive", "some spillage on the lane",
                     "fair price", "will use the service again", "crew asked for extra money"]
ACCESS_NOTES = ["narrow lane: hose from the main road", "vehicle parks on the main road",
                "lid sealed: crew must break it", "tank under the kitchen floor"]
NAME_LISTS = {"male": MALE, "female": FEMALE, "male_surname": MALE_SURNAME, "female_surname": FEMALE_SURNAME}


@dataclass(frozen=True)
class Plan:
    """The size-dependent layout of one city and the parameters of the generator's SQL."""

    buildings: int
    seed: int
    as_of: dt.date
    name: str
    code: str
    srid: int
    #: half the number of block columns/rows of the candidate grid (a multiple of 8)
    half_grid: int

    @classmethod
    def make(cls, buildings: int, seed: int, as_of: dt.date, name: str, code: str, srid: int) -> "Plan":
        # about 14 lots per block; the grid offers 2.6 times what is needed so the city's outline (a
        # star-shaped blob ranked from the centre) is never clipped by the grid's square edge
        blocks = 2.6 * buildings / 14
        half = max(8, math.ceil(math.sqrt(blocks) / 2 / 8) * 8)
        return cls(buildings, seed, as_of, name, code, srid, half)

    def bigger(self) -> "Plan":
        return Plan(self.buildings, self.seed, self.as_of, self.name, self.code, self.srid, self.half_grid + 8)

    @property
    def wards(self) -> int:
        # Jhenaidah has 9 wards for 27,000 buildings, Khulna 31 for 156,000; the holding code gives the
        # ward two digits, so 99 at most
        return max(9, min(99, round(self.buildings / 5000)))

    @property
    def providers(self) -> int:
        return max(3, min(12, round(self.buildings / 12000) + 1))

    @property
    def kind(self) -> str:
        return "city_corporation" if self.buildings >= 100_000 else "paurashava"

    def params(self) -> dict:
        s = self.seed

        def u(k: int) -> float:  # a deterministic number in [0, 1) from the seed (layout constants)
            return ((s * 2654435761 + k * 40503 + 12345) * 2246822519 % 4294967291) / 4294967291

        p = {
            "seed": s,
            "n": self.buildings,
            "half": self.half_grid,
            "as_of": self.as_of,
            "history_start": self.as_of.replace(year=self.as_of.year - HISTORY_YEARS)
            if not (self.as_of.month == 2 and self.as_of.day == 29)
            else self.as_of.replace(year=self.as_of.year - HISTORY_YEARS, day=28),
            "city_name": self.name,
            "city_code": self.code,
            "city_kind": self.kind,
            "srid": self.srid,
            "lon": ORIGIN_LON_LAT[0],
            "lat": ORIGIN_LON_LAT[1],
            "angle": math.radians(-20 + 40 * u(1)),
            "river_row": int(-2 + 4 * u(2)),
            "river_name": RIVERS[int(u(3) * len(RIVERS))],
            "phase1": 2 * math.pi * u(4),
            "phase2": 2 * math.pi * u(5),
            "phase3": 2 * math.pi * u(6),
            "wards": self.wards,
            "providers": self.providers,
            "sewer_radius": max(100.0, math.sqrt(0.035 * self.buildings * 320 / math.pi)),
            "sewer_col": int(-3 + 6 * u(7)),
            "water_points": max(10, self.buildings // 80),
            "waterlogging": 3 + self.buildings // 20000,
            "shared_normal": SHARED_GROUP["normal"],
            "shared_lic": SHARED_GROUP["lic"],
            "sewer_connected": SEWER_CONNECTED,
            "second_containment": SECOND_CONTAINMENT,
            "emergency": EMERGENCY,
            "cancelled": CANCELLED,
            "assessed": ASSESSED,
            "emergency_assessed": EMERGENCY_ASSESSED,
            "declined": DECLINED_AFTER_ASSESSMENT,
            "disposed": DISPOSED,
            "split_disposal": SPLIT_DISPOSAL,
            "feedback": FEEDBACK,
            "manual_when_narrow": MANUAL_WHEN_NARROW,
            "places": PLACE_NAMES,
            "providers_names": PROVIDERS,
            "cancel_reasons": CANCEL_REASONS,
            "feedback_comments": FEEDBACK_COMMENTS,
            "access_notes": ACCESS_NOTES,
        }
        for key, names in NAME_LISTS.items():
            p[f"{key}_en"] = [en for en, _ in names]
            p[f"{key}_bn"] = [bn for _, bn in names]
        for group, weights in STRUCTURE.items():
            p[f"structure_{group}_v"], p[f"structure_{group}_c"] = choice(weights)
        for group, weights in FUNCTIONAL_USE.items():
            p[f"fu_{group}_v"], p[f"fu_{group}_c"] = choice({k: weights[k] for k in FUNCTIONAL_USES})
        p["uc_v"], p["uc_c"] = nested_choice(FUNCTIONAL_USES, USE_CATEGORY)
        for group, weights in WATER_SOURCE.items():
            p[f"water_{group}_v"], p[f"water_{group}_c"] = choice(weights)
        for group, weights in SANITATION.items():
            p[f"san_{group}_v"], p[f"san_{group}_c"] = choice(weights)
        for group, weights in SEPTIC_OUTLET.items():
            p[f"septic_{group}_v"], p[f"septic_{group}_c"] = choice(weights)
        for group, weights in PIT_TYPE.items():
            p[f"pit_{group}_v"], p[f"pit_{group}_c"] = choice(weights)
        for group, weights in APPLICATIONS.items():
            values, thresholds = choice(weights)
            p[f"apps_{group}_v"], p[f"apps_{group}_c"] = [int(v) for v in values], thresholds
        values, thresholds = choice(SATISFACTION)
        p["satisfaction_v"], p["satisfaction_c"] = [int(v) for v in values], thresholds
        p.update(self.revenue_params())
        return p

    def revenue_params(self) -> dict:
        """The revenue history's calendar (bill runs, billed months) and shares, for sql/90_revenue.sql."""
        fy, quarter = fiscal_quarter(self.as_of)
        # the bill runs of the as-of quarter and the one before (made, signed off and issued on the quarter's
        # first day): the second carries the first's arrears and advances; a first-quarter run offers the
        # rebate. Each run bills every holding (about 2 s for 156,000 buildings), so more would break the
        # generator's speed budget.
        runs = [(fy - 1, 4) if quarter == 1 else (fy, quarter - 1), (fy, quarter)]
        bounds = [quarter_bounds(f, q) for f, q in runs]
        # a month's water bills are made on the 2nd of the next month
        last = (self.as_of.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        if self.as_of.day < 2:
            last = (last - dt.timedelta(days=1)).replace(day=1)
        p = {
            "fy_now": fy,
            "run_fy": [f for f, _ in runs], "run_q": [q for _, q in runs],
            "run_code": [default_code(f, q) for f, q in runs],
            "run_start": [b[0] for b in bounds], "run_due": [b[1] for b in bounds],
            "rate_fy": [fy - 1, fy], "maintenance_months": 2 if self.kind == "city_corporation" else 0,
            "rebate_pct": REBATE_PCT,
            "water_first": add_months(last, 1 - WATER_MONTHS), "water_last": last,
            "swm_first": add_months(self.as_of.replace(day=1), -12),
            "assessed": ASSESSED, "assessed_legacy": ASSESSED_LEGACY, "reassessed": REASSESSED,
            "irregular_pays": IRREGULAR_PAYS, "water_connected": WATER_CONNECTED,
            "water_disconnected": WATER_DISCONNECTED, "water_unread": WATER_UNREAD,
            "water_applications": WATER_APPLICATIONS, "water_irregular_pays": WATER_IRREGULAR_PAYS,
            "water_tariff_rise": WATER_TARIFF_RISE,
            "swm_served_wards": SWM_SERVED_WARDS, "swm_irregular_pays": SWM_IRREGULAR_PAYS,
            "swm_left": SWM_LEFT,
            "swm_fee": SWM_FEE_PER_HOUSEHOLD,
        }
        for rates in TAX_RATES:
            for rate, value in rates.items():
                p.setdefault(f"rate_{rate}", []).append(value)
        for structure, (low, high) in RENT_PER_M2.items():
            p[f"rent_{structure}"] = [low, high]
        p["rent_use_v"], p["rent_use_f"] = list(RENT_USE_FACTOR), list(RENT_USE_FACTOR.values())
        for name, weights in (("tax_payer", TAX_PAYERS), ("tax_channel", TAX_CHANNEL),
                              ("water_payer", WATER_PAYERS), ("water_channel", WATER_CHANNEL),
                              ("swm_payer", SWM_PAYERS)):
            p[f"{name}_v"], p[f"{name}_c"] = choice(weights)
        p["swm_kind_v"], p["swm_kind_s"] = list(SWM_SUBSCRIBED), list(SWM_SUBSCRIBED.values())
        # tariffs as rows: category, version (0 = the previous year, 1 = this fiscal year), fixed, minimum
        # charge; slabs as rows: category, version, from, to (NULL: open), rate
        tariffs, slabs = [], []
        for version, factor in ((0, 1.0), (1, WATER_TARIFF_RISE)):
            for category, (fixed, minimum, steps) in WATER_TARIFF.items():
                tariffs.append((category, version, round(fixed * factor), round(minimum * factor)))
                for i, (low, rate) in enumerate(steps):
                    high = steps[i + 1][0] if i + 1 < len(steps) else None
                    slabs.append((category, version, low, high, round(rate * factor, 2)))
        (p["tariff_category"], p["tariff_version"], p["tariff_fixed"],
         p["tariff_minimum"]) = map(list, zip(*tariffs))
        (p["slab_category"], p["slab_version"], p["slab_from"], p["slab_to"],
         p["slab_rate"]) = map(list, zip(*slabs))
        return p


def fiscal_quarter(day: dt.date) -> tuple[int, int]:
    """The fiscal year (July to June, named by its first calendar year) and quarter of a day."""
    fy = day.year if day.month >= 7 else day.year - 1
    return fy, (day.month - 7) % 12 // 3 + 1


def add_months(first: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after (before, when negative) the month of `first`."""
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
