"""Which table goes into which group of the IMIS project, under which name, in which order.

Tables not listed here still become layers (a revision may add tables): FSM tables join the FSM group,
billing-like tables the revenue group, the rest "Other data". Names pass through tr() for Bangla.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("ImisProject", text)


#: Layer-tree groups, top to bottom (the top group is drawn last, on top of the others).
GROUPS: tuple[tuple[str, str], ...] = (
    ("analysis", "Analysis results"),
    ("sanitation", "Sanitation"),
    ("buildings", "Buildings and holdings"),
    ("fsm", "FSM service chain"),
    ("networks", "Networks"),
    ("environment", "Water and environment"),
    ("boundaries", "Boundaries"),
    ("revenue", "Revenue"),
    ("other", "Other data"),
    ("settings", "Settings"),
    ("code_lists", "Code lists"),
)

#: qualified table -> (group, English layer name), in layer-tree order within each group.
LAYERS: dict[str, tuple[str, str]] = {
    "imis_core.treatment_plant": ("sanitation", "Treatment plants"),
    "imis_core.toilet": ("sanitation", "Community and public toilets"),
    "imis_core.containment": ("sanitation", "Containments"),
    "imis_core.building_containment": ("sanitation", "Building-containment links"),
    "imis_core.building_toilet": ("sanitation", "Building-toilet links"),
    "imis_core.building": ("buildings", "Buildings"),
    "imis_core.holding": ("buildings", "Holdings"),
    "imis_core.owner": ("buildings", "Owners"),
    "imis_core.building_holding": ("buildings", "Building-holding links"),
    "imis_fsm.application": ("fsm", "Applications"),
    "imis_fsm.assessment": ("fsm", "Assessments"),
    "imis_fsm.emptying": ("fsm", "Emptyings"),
    "imis_fsm.emptying_crew": ("fsm", "Emptying crews"),
    "imis_fsm.disposal": ("fsm", "Disposals"),
    "imis_fsm.feedback": ("fsm", "Feedback"),
    "imis_fsm.service_provider": ("fsm", "Service providers"),
    "imis_fsm.vehicle": ("fsm", "Vehicles"),
    "imis_fsm.employee": ("fsm", "Employees"),
    "imis_fsm.plant_test": ("fsm", "Treatment plant tests"),
    "imis_core.water_point": ("networks", "Water points"),
    "imis_core.sewer": ("networks", "Sewers"),
    "imis_core.drain": ("networks", "Drains"),
    "imis_core.road": ("networks", "Roads"),
    "imis_core.water_body": ("environment", "Water bodies"),
    "imis_core.waterlogging_area": ("environment", "Waterlogging areas"),
    "imis_core.city": ("boundaries", "City boundary"),
    "imis_core.ward": ("boundaries", "Wards"),
    "imis_core.low_income_community": ("boundaries", "Low-income communities"),
    "imis_core.holiday": ("settings", "Holidays"),
    "imis_core.app_user": ("settings", "Users"),
}

_REVENUE_WORDS = ("bill", "payment", "tax", "tariff", "invoice", "meter", "revenue", "rebate")


def group_of(qualified: str) -> str:
    if qualified in LAYERS:
        return LAYERS[qualified][0]
    schema, table = qualified.split(".", 1)
    if schema == "imis_code":
        return "code_lists"
    if schema == "imis_fsm":
        return "fsm"
    if any(word in qualified for word in _REVENUE_WORDS):
        return "revenue"
    return "other"


def humanise(name: str) -> str:
    """`low_income_community` -> `Low income community`, `volume_m3` -> `Volume (m³)`."""
    units = {
        "_m3_per_day": " (m³/day)",
        "_m3": " (m³)",
        "_mm": " (mm)",
        "_m": " (m)",
        "_bdt": " (BDT)",
        "_mg_l": " (mg/l)",
        "_days": " (days)",
    }
    suffix = ""
    for ending, unit in units.items():
        if name.endswith(ending):
            name, suffix = name[: -len(ending)], unit
            break
    name = name.removesuffix("_id")
    text = name.replace("_", " ").strip()
    return (text[:1].upper() + text[1:] + suffix) if text else suffix


def layer_name(qualified: str) -> str:
    if qualified in LAYERS:
        return tr(LAYERS[qualified][1])
    return tr(humanise(qualified.split(".", 1)[1]))


def order_key(qualified: str) -> tuple[int, int, str]:
    group = group_of(qualified)
    group_index = next(i for i, (gid, _) in enumerate(GROUPS) if gid == group)
    listed = list(LAYERS)
    return group_index, listed.index(qualified) if qualified in listed else len(listed), qualified
