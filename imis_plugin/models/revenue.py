"""Revenue, the value-added modules (revision 0008, schema ``imis_revenue``): holding tax, water supply
billing and solid waste, all tied to the same holdings and buildings (BIN) as sanitation.

The rules people meet (the 39% cap's message, who may sign off a bill run, frozen bills, the application
workflow) and the due-status views live in the app schema (database/app/80_revenue.sql); the CHECK
constraints here are the last line of defence.
"""
from __future__ import annotations

import datetime as dt
import decimal
import uuid

from geoalchemy2 import WKBElement
from sqlalchemy import CheckConstraint, Index, Numeric, SmallInteger, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import (
    CORE_SCHEMA,
    CUBIC_METRES,
    REVENUE_SCHEMA,
    TAKA,
    Base,
    DataRowMixin,
    code_fk,
    geom_valid,
    geometry,
    non_negative,
    not_blank,
    phone_format,
    positive,
    ref,
)
from .code import CodeList

S = {"schema": REVENUE_SCHEMA}
HOLDING = f"{CORE_SCHEMA}.holding"
BUILDING = f"{CORE_SCHEMA}.building"
PCT = Numeric(5, 2)
#: holding tax and the rates levied with it, each a % of annual value
RATES = ("holding_tax", "conservancy", "lighting", "water", "sewerage", "fire")
#: the legal cap of holding tax plus rates, % of annual value (Paurashava Tax Rules 2013)
TAX_CAP_PCT = 39


def _in(table: str, name: str, sql: str) -> CheckConstraint:
    return CheckConstraint(sql, name=f"ck_{table}_{name}")


def _fiscal_year(table: str) -> CheckConstraint:
    return _in(table, "fiscal_year_plausible", "fiscal_year BETWEEN 2000 AND 2100")


def _first_of_month(table: str, column: str) -> CheckConstraint:
    return _in(table, f"{column.split('_')[0]}_first_of_month" if column == "effective_from"
               else "period_first_of_month", f"extract(day FROM {column}) = 1")


# --- code lists -------------------------------------------------------------------------------------


class PaymentChannel(CodeList, Base):
    """How a payment arrived: counter, bank, mobile banking, a payment gateway (ekPay...)."""

    __tablename__ = "payment_channel"
    is_gateway: Mapped[bool]


class WaterCategory(CodeList, Base):
    """Tariff category of a water connection (domestic, commercial...)."""

    __tablename__ = "water_category"


class SwmCustomerKind(CodeList, Base):
    __tablename__ = "swm_customer_kind"


class CollectionPointKind(CodeList, Base):
    __tablename__ = "collection_point_kind"


# --- holding tax ------------------------------------------------------------------------------------


class TaxRate(DataRowMixin, Base):
    """The city's holding tax and rates for one fiscal year (``fiscal_year`` 2025 = July 2025 - June 2026),
    whether annual values deduct two months' rent for maintenance (City Corporations), and the rebate for
    paying the whole year with the first instalment."""

    __tablename__ = "tax_rate"
    fiscal_year: Mapped[int] = mapped_column(SmallInteger, unique=True)
    holding_tax_pct: Mapped[decimal.Decimal] = mapped_column(PCT, server_default=text("0"))
    conservancy_pct: Mapped[decimal.Decimal] = mapped_column(PCT, server_default=text("0"))
    lighting_pct: Mapped[decimal.Decimal] = mapped_column(PCT, server_default=text("0"))
    water_pct: Mapped[decimal.Decimal] = mapped_column(PCT, server_default=text("0"))
    sewerage_pct: Mapped[decimal.Decimal] = mapped_column(PCT, server_default=text("0"))
    fire_pct: Mapped[decimal.Decimal] = mapped_column(PCT, server_default=text("0"))
    maintenance_months: Mapped[int] = mapped_column(SmallInteger, server_default=text("0"))
    rebate_pct: Mapped[decimal.Decimal] = mapped_column(PCT, server_default=text("10"))
    note: Mapped[str | None]
    __table_args__ = (
        _fiscal_year("tax_rate"),
        _in("tax_rate", "rates_not_negative", " AND ".join(f"{r}_pct >= 0" for r in RATES)),
        _in("tax_rate", "total_within_cap", f"{' + '.join(f'{r}_pct' for r in RATES)} <= {TAX_CAP_PCT}"),
        _in("tax_rate", "maintenance_months_known", "maintenance_months IN (0, 2)"),
        _in("tax_rate", "rebate_pct_range", "rebate_pct BETWEEN 0 AND 100"),
        S,
    )


class Assessment(DataRowMixin, Base):
    """A holding's annual value from its monthly rent, from ``fiscal_year`` on: rent x 12, less two months
    for maintenance where the city's rule says so (the app schema fills both from the rent)."""

    __tablename__ = "assessment"
    holding_id: Mapped[uuid.UUID] = mapped_column(ref(HOLDING))
    fiscal_year: Mapped[int] = mapped_column(SmallInteger)
    monthly_rent_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    maintenance_months: Mapped[int] = mapped_column(SmallInteger)
    annual_value_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    assessed_on: Mapped[dt.date | None]
    assessor: Mapped[str | None]
    note: Mapped[str | None]
    __table_args__ = (
        UniqueConstraint("holding_id", "fiscal_year", name="uq_assessment_holding_id_fiscal_year"),
        _fiscal_year("assessment"),
        non_negative("assessment", "monthly_rent_bdt", "monthly_rent"),
        _in("assessment", "maintenance_months_known", "maintenance_months IN (0, 2)"),
        _in("assessment", "annual_value_rule", "annual_value_bdt = monthly_rent_bdt * (12 - maintenance_months)"),
        S,
    )


class BillRun(DataRowMixin, Base):
    """One quarter's holding-tax bills: draft, signed off (by a revenue chief only), issued."""

    __tablename__ = "bill_run"
    code: Mapped[str] = mapped_column(unique=True)
    fiscal_year: Mapped[int] = mapped_column(SmallInteger)
    quarter: Mapped[int] = mapped_column(SmallInteger)
    due_date: Mapped[dt.date]
    state: Mapped[str] = mapped_column(server_default=text("'draft'::text"))
    bill_count: Mapped[int] = mapped_column(server_default=text("0"))
    total_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA, server_default=text("0"))
    signed_off_by: Mapped[str | None]
    signed_off_at: Mapped[dt.datetime | None]
    issued_by: Mapped[str | None]
    issued_at: Mapped[dt.datetime | None]
    note: Mapped[str | None]
    __table_args__ = (
        UniqueConstraint("fiscal_year", "quarter", name="uq_bill_run_fiscal_year_quarter"),
        not_blank("bill_run", "code"),
        _fiscal_year("bill_run"),
        _in("bill_run", "quarter_range", "quarter BETWEEN 1 AND 4"),
        _in("bill_run", "state_known", "state IN ('draft', 'signed_off', 'issued')"),
        _in("bill_run", "signed_off_when", "(state = 'draft') = (signed_off_at IS NULL)"),
        _in("bill_run", "issued_when", "(state = 'issued') = (issued_at IS NOT NULL)"),
        S,
    )


class Bill(DataRowMixin, Base):
    """A holding's bill of one quarter: the instalment by rate, arrears or advance carried from earlier
    bills, what is due; first-quarter bills also say what settles the whole year with the rebate."""

    __tablename__ = "bill"
    bill_number: Mapped[str] = mapped_column(unique=True)
    bill_run_id: Mapped[uuid.UUID] = mapped_column(ref(f"{REVENUE_SCHEMA}.bill_run", cascade=True))
    holding_id: Mapped[uuid.UUID] = mapped_column(ref(HOLDING), index=True)
    fiscal_year: Mapped[int] = mapped_column(SmallInteger)
    quarter: Mapped[int] = mapped_column(SmallInteger)
    annual_value_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    holding_tax_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    conservancy_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    lighting_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    water_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    sewerage_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    fire_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    current_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    arrears_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA, server_default=text("0"))
    advance_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA, server_default=text("0"))
    total_due_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    full_year_bdt: Mapped[decimal.Decimal | None] = mapped_column(TAKA)
    rebate_bdt: Mapped[decimal.Decimal | None] = mapped_column(TAKA)
    __table_args__ = (
        UniqueConstraint("bill_run_id", "holding_id", name="uq_bill_bill_run_id_holding_id"),
        not_blank("bill", "bill_number"),
        _in("bill", "quarter_range", "quarter BETWEEN 1 AND 4"),
        _in("bill", "current_is_sum", f"current_bdt = {' + '.join(f'{r}_bdt' for r in RATES)}"),
        _in("bill", "amounts_not_negative", " AND ".join(f"{c} >= 0" for c in (
            "annual_value_bdt", *(f"{r}_bdt" for r in RATES), "arrears_bdt", "advance_bdt"))),
        _in("bill", "arrears_or_advance", "arrears_bdt = 0 OR advance_bdt = 0"),
        _in("bill", "total_due_rule", "total_due_bdt = greatest(0, arrears_bdt - advance_bdt + current_bdt)"),
        _in("bill", "rebate_first_quarter", "(quarter = 1) = (rebate_bdt IS NOT NULL AND full_year_bdt IS NOT NULL)"),
        S,
    )


class PaymentColumns:
    """Amount, date, channel, reference (receipt or gateway transaction, unique per channel), who took it."""

    amount_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    paid_on: Mapped[dt.date]
    channel: Mapped[str] = mapped_column(code_fk("payment_channel"), server_default=text("'counter'::text"))
    reference: Mapped[str | None]
    received_by: Mapped[str] = mapped_column(server_default=text("CURRENT_USER"))
    note: Mapped[str | None]


def _payment_args(table: str) -> tuple:
    return (positive(table, "amount_bdt", "amount"),
            UniqueConstraint("channel", "reference", name=f"uq_{table}_channel_reference"))


class PaymentImport(DataRowMixin, Base):
    """One payment-gateway file read: what was applied, already there, or did not match."""

    __tablename__ = "payment_import"
    file_name: Mapped[str]
    file_sha256: Mapped[str]
    gateway: Mapped[str]
    rows_read: Mapped[int]
    applied: Mapped[int]
    duplicates: Mapped[int]
    mismatches: Mapped[int]
    imported_by: Mapped[str] = mapped_column(server_default=text("CURRENT_USER"))
    __table_args__ = (not_blank("payment_import", "gateway"), S)


class Payment(PaymentColumns, DataRowMixin, Base):
    """A holding-tax payment against a bill."""

    __tablename__ = "payment"
    bill_id: Mapped[uuid.UUID] = mapped_column(ref(f"{REVENUE_SCHEMA}.bill"), index=True, sort_order=-50)
    import_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{REVENUE_SCHEMA}.payment_import"))
    __table_args__ = (*_payment_args("payment"), S)


# --- water supply -----------------------------------------------------------------------------------


class WaterTariff(DataRowMixin, Base):
    """A category's tariff from a month on: a fixed charge, a minimum charge and slabs (water_tariff_slab)."""

    __tablename__ = "water_tariff"
    category: Mapped[str] = mapped_column(code_fk("water_category"))
    effective_from: Mapped[dt.date]
    fixed_charge_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA, server_default=text("0"))
    minimum_charge_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA, server_default=text("0"))
    __table_args__ = (
        UniqueConstraint("category", "effective_from", name="uq_water_tariff_category_effective_from"),
        non_negative("water_tariff", "fixed_charge_bdt", "fixed_charge"),
        non_negative("water_tariff", "minimum_charge_bdt", "minimum_charge"),
        _first_of_month("water_tariff", "effective_from"),
        S,
    )


class WaterTariffSlab(DataRowMixin, Base):
    """The price of each m3 between ``from_m3`` and ``to_m3`` (open-ended when NULL) of a month's use."""

    __tablename__ = "water_tariff_slab"
    tariff_id: Mapped[uuid.UUID] = mapped_column(ref(f"{REVENUE_SCHEMA}.water_tariff", cascade=True))
    from_m3: Mapped[decimal.Decimal] = mapped_column(CUBIC_METRES)
    to_m3: Mapped[decimal.Decimal | None] = mapped_column(CUBIC_METRES)
    rate_bdt_per_m3: Mapped[decimal.Decimal] = mapped_column(TAKA)
    __table_args__ = (
        UniqueConstraint("tariff_id", "from_m3", name="uq_water_tariff_slab_tariff_id_from_m3"),
        non_negative("water_tariff_slab", "from_m3"),
        non_negative("water_tariff_slab", "rate_bdt_per_m3", "rate"),
        _in("water_tariff_slab", "to_above_from", "to_m3 > from_m3"),
        S,
    )


class WaterConnection(DataRowMixin, Base):
    """A water supply connection at a building (BIN), located where it enters."""

    __tablename__ = "water_connection"
    connection_no: Mapped[str] = mapped_column(unique=True)
    building_id: Mapped[uuid.UUID] = mapped_column(ref(BUILDING), index=True)
    holding_id: Mapped[uuid.UUID | None] = mapped_column(ref(HOLDING))
    customer_name: Mapped[str]
    phone: Mapped[str | None]
    category: Mapped[str] = mapped_column(code_fk("water_category"), server_default=text("'domestic'::text"))
    pipe_mm: Mapped[int | None] = mapped_column(SmallInteger)
    status: Mapped[str] = mapped_column(server_default=text("'active'::text"))
    connected_on: Mapped[dt.date | None]
    disconnected_on: Mapped[dt.date | None]
    geom: Mapped[WKBElement] = mapped_column(geometry("POINT"))
    __table_args__ = (
        not_blank("water_connection", "connection_no"),
        phone_format("water_connection"),
        positive("water_connection", "pipe_mm"),
        _in("water_connection", "status_known", "status IN ('active', 'disconnected')"),
        _in("water_connection", "disconnected_when", "(status = 'disconnected') = (disconnected_on IS NOT NULL)"),
        _in("water_connection", "disconnected_after_connected", "disconnected_on >= connected_on"),
        geom_valid("water_connection"),
        S,
    )


class WaterMeter(DataRowMixin, Base):
    """A meter of a connection; one in service (not removed) per connection."""

    __tablename__ = "water_meter"
    meter_no: Mapped[str] = mapped_column(unique=True)
    connection_id: Mapped[uuid.UUID] = mapped_column(ref(f"{REVENUE_SCHEMA}.water_connection"), index=True)
    installed_on: Mapped[dt.date]
    removed_on: Mapped[dt.date | None]
    initial_reading_m3: Mapped[decimal.Decimal] = mapped_column(CUBIC_METRES, server_default=text("0"))
    geom: Mapped[WKBElement] = mapped_column(geometry("POINT"))
    __table_args__ = (
        not_blank("water_meter", "meter_no"),
        non_negative("water_meter", "initial_reading_m3", "initial_reading"),
        _in("water_meter", "removed_after_installed", "removed_on >= installed_on"),
        geom_valid("water_meter"),
        Index("uq_water_meter_in_service", "connection_id", unique=True, postgresql_where=text("removed_on IS NULL")),
        S,
    )


class WaterReading(DataRowMixin, Base):
    """A meter's index (cumulative m3) on a day."""

    __tablename__ = "water_reading"
    meter_id: Mapped[uuid.UUID] = mapped_column(ref(f"{REVENUE_SCHEMA}.water_meter", cascade=True))
    reading_date: Mapped[dt.date]
    reading_m3: Mapped[decimal.Decimal] = mapped_column(CUBIC_METRES)
    read_by: Mapped[str | None]
    note: Mapped[str | None]
    __table_args__ = (
        UniqueConstraint("meter_id", "reading_date", name="uq_water_reading_meter_id_reading_date"),
        non_negative("water_reading", "reading_m3", "reading"),
        S,
    )


class WaterBill(DataRowMixin, Base):
    """A connection's bill of one month: use between two readings priced by the slab tariff."""

    __tablename__ = "water_bill"
    bill_number: Mapped[str] = mapped_column(unique=True)
    connection_id: Mapped[uuid.UUID] = mapped_column(ref(f"{REVENUE_SCHEMA}.water_connection"))
    meter_id: Mapped[uuid.UUID] = mapped_column(ref(f"{REVENUE_SCHEMA}.water_meter"))
    period_month: Mapped[dt.date]
    opening_m3: Mapped[decimal.Decimal] = mapped_column(CUBIC_METRES)
    closing_m3: Mapped[decimal.Decimal] = mapped_column(CUBIC_METRES)
    consumption_m3: Mapped[decimal.Decimal] = mapped_column(CUBIC_METRES)
    consumption_charge_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    fixed_charge_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    current_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    arrears_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA, server_default=text("0"))
    advance_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA, server_default=text("0"))
    total_due_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    due_date: Mapped[dt.date]
    __table_args__ = (
        UniqueConstraint("connection_id", "period_month", name="uq_water_bill_connection_id_period_month"),
        not_blank("water_bill", "bill_number"),
        _first_of_month("water_bill", "period_month"),
        _in("water_bill", "consumption_rule", "consumption_m3 = closing_m3 - opening_m3 AND consumption_m3 >= 0"),
        _in("water_bill", "amounts_not_negative", "consumption_charge_bdt >= 0 AND fixed_charge_bdt >= 0 "
                                                  "AND arrears_bdt >= 0 AND advance_bdt >= 0"),
        _in("water_bill", "current_at_least_charges", "current_bdt >= consumption_charge_bdt + fixed_charge_bdt"),
        _in("water_bill", "arrears_or_advance", "arrears_bdt = 0 OR advance_bdt = 0"),
        _in("water_bill", "total_due_rule", "total_due_bdt = greatest(0, arrears_bdt - advance_bdt + current_bdt)"),
        S,
    )


class WaterPayment(PaymentColumns, DataRowMixin, Base):
    __tablename__ = "water_payment"
    water_bill_id: Mapped[uuid.UUID] = mapped_column(ref(f"{REVENUE_SCHEMA}.water_bill"), index=True,
                                                     sort_order=-50)
    __table_args__ = (*_payment_args("water_payment"), S)


class WaterApplication(DataRowMixin, Base):
    """A new-connection application: applied -> surveyed -> approved or rejected -> connected."""

    __tablename__ = "water_application"
    application_no: Mapped[str] = mapped_column(unique=True)
    applicant_name: Mapped[str]
    phone: Mapped[str | None]
    building_id: Mapped[uuid.UUID] = mapped_column(ref(BUILDING), index=True)
    holding_id: Mapped[uuid.UUID | None] = mapped_column(ref(HOLDING))
    category: Mapped[str] = mapped_column(code_fk("water_category"), server_default=text("'domestic'::text"))
    applied_on: Mapped[dt.date]
    state: Mapped[str] = mapped_column(server_default=text("'applied'::text"))
    surveyed_on: Mapped[dt.date | None]
    survey_note: Mapped[str | None]
    decided_on: Mapped[dt.date | None]
    decided_by: Mapped[str | None]
    decision_note: Mapped[str | None]
    fee_bdt: Mapped[decimal.Decimal | None] = mapped_column(TAKA)
    connection_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{REVENUE_SCHEMA}.water_connection"))
    geom: Mapped[WKBElement | None] = mapped_column(geometry("POINT"))
    __table_args__ = (
        not_blank("water_application", "application_no"),
        phone_format("water_application"),
        non_negative("water_application", "fee_bdt", "fee"),
        _in("water_application", "state_known",
            "state IN ('applied', 'surveyed', 'approved', 'rejected', 'connected')"),
        _in("water_application", "surveyed_when", "(state = 'applied') = (surveyed_on IS NULL)"),
        _in("water_application", "decided_when",
            "(state IN ('approved', 'rejected', 'connected')) = (decided_on IS NOT NULL)"),
        _in("water_application", "connected_when", "(state = 'connected') = (connection_id IS NOT NULL)"),
        _in("water_application", "dates_in_order", "surveyed_on >= applied_on AND decided_on >= surveyed_on"),
        geom_valid("water_application"),
        S,
    )


# --- solid waste ------------------------------------------------------------------------------------


class SwmRoute(DataRowMixin, Base):
    """A collection route (the line a vehicle drives) and how often it runs."""

    __tablename__ = "swm_route"
    code: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str | None]
    ward_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{CORE_SCHEMA}.ward"))
    vehicle: Mapped[str | None]
    trips_per_week: Mapped[int | None] = mapped_column(SmallInteger)
    geom: Mapped[WKBElement] = mapped_column(geometry("LINESTRING"))
    __table_args__ = (
        not_blank("swm_route", "code"),
        _in("swm_route", "trips_per_week_range", "trips_per_week BETWEEN 1 AND 21"),
        geom_valid("swm_route"),
        S,
    )


class SwmCollectionPoint(DataRowMixin, Base):
    """A bin, container or transfer station, on a route."""

    __tablename__ = "swm_collection_point"
    code: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str | None]
    kind: Mapped[str] = mapped_column(code_fk("collection_point_kind"))
    ward_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{CORE_SCHEMA}.ward"))
    route_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{REVENUE_SCHEMA}.swm_route"), index=True)
    capacity_m3: Mapped[decimal.Decimal | None] = mapped_column(CUBIC_METRES)
    geom: Mapped[WKBElement] = mapped_column(geometry("POINT"))
    __table_args__ = (
        not_blank("swm_collection_point", "code"),
        positive("swm_collection_point", "capacity_m3", "capacity"),
        geom_valid("swm_collection_point"),
        S,
    )


class SwmCustomer(DataRowMixin, Base):
    """A solid-waste collection customer at a building (BIN) and its monthly fee."""

    __tablename__ = "swm_customer"
    customer_no: Mapped[str] = mapped_column(unique=True)
    building_id: Mapped[uuid.UUID] = mapped_column(ref(BUILDING), index=True)
    holding_id: Mapped[uuid.UUID | None] = mapped_column(ref(HOLDING))
    customer_name: Mapped[str]
    kind: Mapped[str] = mapped_column(code_fk("swm_customer_kind"), server_default=text("'household'::text"))
    monthly_fee_bdt: Mapped[decimal.Decimal] = mapped_column(TAKA)
    service_from: Mapped[dt.date]
    service_to: Mapped[dt.date | None]
    collection_point_id: Mapped[uuid.UUID | None] = mapped_column(ref(f"{REVENUE_SCHEMA}.swm_collection_point"))
    __table_args__ = (
        not_blank("swm_customer", "customer_no"),
        non_negative("swm_customer", "monthly_fee_bdt", "monthly_fee"),
        _in("swm_customer", "service_dates_in_order", "service_to >= service_from"),
        S,
    )


class SwmPayment(PaymentColumns, DataRowMixin, Base):
    """A customer's fee for one month."""

    __tablename__ = "swm_payment"
    customer_id: Mapped[uuid.UUID] = mapped_column(ref(f"{REVENUE_SCHEMA}.swm_customer"), sort_order=-50)
    period_month: Mapped[dt.date] = mapped_column(sort_order=-49)
    __table_args__ = (
        *_payment_args("swm_payment"),
        UniqueConstraint("customer_id", "period_month", name="uq_swm_payment_customer_id_period_month"),
        _first_of_month("swm_payment", "period_month"),
        S,
    )


__all__ = [
    "Assessment", "Bill", "BillRun", "CollectionPointKind", "Payment", "PaymentChannel", "PaymentImport",
    "SwmCollectionPoint", "SwmCustomer", "SwmCustomerKind", "SwmPayment", "SwmRoute", "TaxRate",
    "WaterApplication", "WaterBill", "WaterCategory", "WaterConnection", "WaterMeter", "WaterPayment",
    "WaterReading", "WaterTariff", "WaterTariffSlab",
]
