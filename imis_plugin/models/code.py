"""Code lists (schema ``imis_code``): one table per list, loaded from ``database/codelists/<table>.csv``
by ``imis_plugin.db.app_schema.load_codelists`` at every upgrade (the only loader).

Every list has ``value`` (stable machine code, the primary key that data tables reference),
``label_en``, ``label_bn`` and ``sort``; some carry extra typed columns used by indicators and planning.
"""
from __future__ import annotations

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from .base import CODE_SCHEMA, Base, code_fk


class CodeList:
    """Columns and checks shared by every code-list table."""

    value: Mapped[str] = mapped_column(primary_key=True, sort_order=-100)
    label_en: Mapped[str] = mapped_column(sort_order=-90)
    label_bn: Mapped[str] = mapped_column(sort_order=-89)
    sort: Mapped[int] = mapped_column(sort_order=-80)

    #: extra table arguments of a subclass (constraints)
    _extra_args: tuple = ()

    @declared_attr.directive
    def __table_args__(cls):
        name = cls.__tablename__
        return (
            CheckConstraint("value ~ '^[a-z0-9_]+$'", name=f"ck_{name}_value_format"),
            CheckConstraint("btrim(label_en) <> '' AND btrim(label_bn) <> ''", name=f"ck_{name}_labels_not_blank"),
            *cls._extra_args,
            {"schema": CODE_SCHEMA},
        )


class SanitationSystem(CodeList, Base):
    """How a building's toilets are served (sewer, septic tank, pit, community toilet...)."""

    __tablename__ = "sanitation_system"
    is_onsite: Mapped[bool]
    is_shared: Mapped[bool]
    jmp_code: Mapped[str | None] = mapped_column(code_fk("jmp_facility"))


class ContainmentType(CodeList, Base):
    """Container + outlet, e.g. septic tank to soak pit."""

    __tablename__ = "containment_type"
    container: Mapped[str]
    outlet: Mapped[str]
    is_onsite: Mapped[bool]
    _extra_args = (
        CheckConstraint(
            "container IN ('septic_tank', 'double_pit', 'unlined_pit', 'holding_tank', 'lined_pit')",
            name="ck_containment_type_container_known",
        ),
        CheckConstraint(
            "outlet IN ('sewer', 'drain', 'soak_pit', 'water_body', 'open_ground', 'infiltration', "
            "'none', 'unknown')",
            name="ck_containment_type_outlet_known",
        ),
    )


class BuildingStructure(CodeList, Base):
    __tablename__ = "building_structure"


class FunctionalUse(CodeList, Base):
    __tablename__ = "functional_use"


class UseCategory(CodeList, Base):
    """Finer use of a building, always within one functional use."""

    __tablename__ = "use_category"
    functional_use: Mapped[str] = mapped_column(code_fk("functional_use"))
    _extra_args = (UniqueConstraint("value", "functional_use", name="uq_use_category_value_functional_use"),)


class RoadHierarchy(CodeList, Base):
    __tablename__ = "road_hierarchy"


class RoadSurface(CodeList, Base):
    __tablename__ = "road_surface"


class DrainCover(CodeList, Base):
    __tablename__ = "drain_cover"


class DrainLining(CodeList, Base):
    __tablename__ = "drain_lining"


class TreatmentPlantType(CodeList, Base):
    __tablename__ = "treatment_plant_type"
    treats_sludge: Mapped[bool]
    treats_wastewater: Mapped[bool]


class OperationalStatus(CodeList, Base):
    """Status of a treatment plant, toilet or vehicle."""

    __tablename__ = "operational_status"
    is_operational: Mapped[bool]


class ProviderStatus(CodeList, Base):
    __tablename__ = "provider_status"
    is_active: Mapped[bool]


class WaterSource(CodeList, Base):
    __tablename__ = "water_source"
    is_improved: Mapped[bool]


class ToiletKind(CodeList, Base):
    __tablename__ = "toilet_kind"


class VehicleType(CodeList, Base):
    __tablename__ = "vehicle_type"


class EmptyingMethod(CodeList, Base):
    __tablename__ = "emptying_method"
    is_mechanical: Mapped[bool]


class WaterBodyType(CodeList, Base):
    __tablename__ = "water_body_type"


class WaterloggingSeverity(CodeList, Base):
    __tablename__ = "waterlogging_severity"


class WaterPointType(CodeList, Base):
    """Kind of water point (deep tubewell, dug well, pond sand filter...); ``is_groundwater`` marks the
    kinds that draw groundwater, which is what on-site sanitation can pollute."""

    __tablename__ = "water_point_type"
    is_groundwater: Mapped[bool]


class JmpFacility(CodeList, Base):
    """JMP/DHS sanitation facility codes (11..96) used for national reporting."""

    __tablename__ = "jmp_facility"
    jmp_class: Mapped[str]
    _extra_args = (
        CheckConstraint(
            "jmp_class IN ('improved', 'unimproved', 'open_defecation', 'unclassified')",
            name="ck_jmp_facility_jmp_class_known",
        ),
    )


class Gender(CodeList, Base):
    __tablename__ = "gender"


class EmployeeRole(CodeList, Base):
    __tablename__ = "employee_role"


class Disease(CodeList, Base):
    """Waterborne diseases reported by health information systems (DHIS2)."""

    __tablename__ = "disease"


__all__ = [
    "CodeList", "JmpFacility", "SanitationSystem", "ContainmentType", "BuildingStructure",
    "FunctionalUse", "UseCategory", "RoadHierarchy", "RoadSurface", "DrainCover", "DrainLining",
    "TreatmentPlantType", "OperationalStatus", "ProviderStatus", "WaterSource", "ToiletKind",
    "VehicleType", "EmptyingMethod", "WaterBodyType", "WaterloggingSeverity", "WaterPointType",
    "Gender", "EmployeeRole", "Disease",
]
