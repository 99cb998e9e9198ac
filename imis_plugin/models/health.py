"""Public health: waterborne disease cases (revision 0007). They come from health information systems
(DHIS2 data-value sets) by ward and period, so hotspots can be related to sanitation nearby; the water
samples they are read with are imis_core.water_sample (revision 0005).
"""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import CORE_SCHEMA, Base, DataRowMixin, code_fk, non_negative, ref

S = {"schema": CORE_SCHEMA}
WARD = f"{CORE_SCHEMA}.ward"


class DiseaseCase(DataRowMixin, Base):
    """Cases of one disease in one ward over one period (an aggregate, never a patient)."""

    __tablename__ = "disease_case"
    ward_id: Mapped[uuid.UUID] = mapped_column(ref(WARD), index=True)
    disease: Mapped[str] = mapped_column(code_fk("disease"))
    period_start: Mapped[dt.date]
    period_end: Mapped[dt.date]
    cases: Mapped[int]
    source: Mapped[str | None]
    __table_args__ = (
        non_negative("disease_case", "cases"),
        CheckConstraint("period_end >= period_start", name="ck_disease_case_period_in_order"),
        UniqueConstraint("ward_id", "disease", "period_start", "period_end",
                         name="uq_disease_case_ward_id_disease_period_start_period_end"),
        S,
    )
