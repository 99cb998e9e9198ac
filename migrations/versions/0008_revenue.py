"""Revenue (value-added modules): holding tax, water supply billing and solid waste, in schema imis_revenue.

Holding tax: rates per fiscal year (refused above the legal cap of 39% of annual value), rent-based
assessments of annual value, quarterly bill runs (draft -> signed off -> issued) with numbered bills per
holding, payments (counter or payment-gateway file) and the record of each gateway import.
Water supply: slab tariffs, connections and meters located on the map and linked to a building (BIN),
readings, monthly bills, payments and new-connection applications.
Solid waste: collection routes and points, customers per building (BIN) and their monthly payments.

Who may do what, the bill-run states, the tax cap's message and the views (due status per building, per
water connection and per ward) live in the app schema (database/app/80_revenue.sql).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

from imis_plugin.db.revision_helpers import (
    CUBIC_METRES,
    TAKA,
    check,
    city_srid,
    code,
    code_list,
    col,
    data_table,
    geom,
    not_blank,
    not_negative,
    phone,
    positive,
    ref,
    retire_table,
    unique,
)

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

REV = "imis_revenue"
SMALL = sa.SmallInteger()
DATE = sa.Date()
PCT = sa.Numeric(5, 2)
RATES = ("holding_tax", "conservancy", "lighting", "water", "sewerage", "fire")
#: the legal cap of holding tax plus rates, % of annual value (Paurashava Tax Rules 2013)
TAX_CAP_PCT = 39
FIRST_OF_MONTH = "extract(day FROM {0}) = 1"


def _fiscal_year(table, column="fiscal_year"):
    return check(table, f"{column}_plausible", f"{column} BETWEEN 2000 AND 2100")


def _payment_columns(table):
    """Columns shared by the three payment tables."""
    return [
        col("amount_bdt", TAKA, False), col("paid_on", DATE, False),
        code(table, "channel", "payment_channel", nullable=False, default="counter"),
        col("reference"),
        col("received_by", nullable=False, server_default=sa.text("CURRENT_USER")),
        col("note"),
        positive(table, "amount_bdt", "amount"),
        unique(table, "channel", "reference"),
    ]


def upgrade() -> None:
    srid = city_srid()
    op.execute(f"CREATE SCHEMA IF NOT EXISTS {REV}")
    code_list("payment_channel", col("is_gateway", sa.Boolean(), False))
    code_list("water_category")
    code_list("swm_customer_kind")
    code_list("collection_point_kind")
    _holding_tax()
    _water(srid)
    _solid_waste(srid)


def _holding_tax() -> None:
    t = "tax_rate"
    data_table(
        REV, t,
        col("fiscal_year", SMALL, False),
        *[col(f"{r}_pct", PCT, False, server_default=sa.text("0")) for r in RATES],
        col("maintenance_months", SMALL, False, server_default=sa.text("0")),
        col("rebate_pct", PCT, False, server_default=sa.text("10")),
        col("note"),
        unique(t, "fiscal_year"), _fiscal_year(t),
        check(t, "rates_not_negative", " AND ".join(f"{r}_pct >= 0" for r in RATES)),
        check(t, "total_within_cap", f"{' + '.join(f'{r}_pct' for r in RATES)} <= {TAX_CAP_PCT}"),
        check(t, "maintenance_months_known", "maintenance_months IN (0, 2)"),
        check(t, "rebate_pct_range", "rebate_pct BETWEEN 0 AND 100"),
    )

    t = "assessment"
    data_table(
        REV, t,
        ref(t, "holding_id", "imis_core.holding", nullable=False),
        col("fiscal_year", SMALL, False),
        col("monthly_rent_bdt", TAKA, False),
        col("maintenance_months", SMALL, False),
        col("annual_value_bdt", TAKA, False),
        col("assessed_on", DATE), col("assessor"), col("note"),
        unique(t, "holding_id", "fiscal_year"), _fiscal_year(t),
        not_negative(t, "monthly_rent_bdt", "monthly_rent"),
        check(t, "maintenance_months_known", "maintenance_months IN (0, 2)"),
        check(t, "annual_value_rule", "annual_value_bdt = monthly_rent_bdt * (12 - maintenance_months)"),
    )

    t = "bill_run"
    data_table(
        REV, t,
        col("code", nullable=False),
        col("fiscal_year", SMALL, False), col("quarter", SMALL, False),
        col("due_date", DATE, False),
        col("state", nullable=False, server_default=sa.text("'draft'::text")),
        col("bill_count", sa.Integer(), False, server_default=sa.text("0")),
        col("total_bdt", TAKA, False, server_default=sa.text("0")),
        col("signed_off_by"), col("signed_off_at", sa.DateTime(timezone=True)),
        col("issued_by"), col("issued_at", sa.DateTime(timezone=True)),
        col("note"),
        unique(t, "code"), unique(t, "fiscal_year", "quarter"), not_blank(t, "code"), _fiscal_year(t),
        check(t, "quarter_range", "quarter BETWEEN 1 AND 4"),
        check(t, "state_known", "state IN ('draft', 'signed_off', 'issued')"),
        check(t, "signed_off_when", "(state = 'draft') = (signed_off_at IS NULL)"),
        check(t, "issued_when", "(state = 'issued') = (issued_at IS NOT NULL)"),
    )

    t = "bill"
    data_table(
        REV, t,
        col("bill_number", nullable=False),
        ref(t, "bill_run_id", "imis_revenue.bill_run", nullable=False, cascade=True),
        ref(t, "holding_id", "imis_core.holding", nullable=False),
        col("fiscal_year", SMALL, False), col("quarter", SMALL, False),
        col("annual_value_bdt", TAKA, False),
        *[col(f"{r}_bdt", TAKA, False) for r in RATES],
        col("current_bdt", TAKA, False),
        col("arrears_bdt", TAKA, False, server_default=sa.text("0")),
        col("advance_bdt", TAKA, False, server_default=sa.text("0")),
        col("total_due_bdt", TAKA, False),
        col("full_year_bdt", TAKA), col("rebate_bdt", TAKA),
        unique(t, "bill_number"), unique(t, "bill_run_id", "holding_id"), not_blank(t, "bill_number"),
        check(t, "quarter_range", "quarter BETWEEN 1 AND 4"),
        check(t, "current_is_sum", f"current_bdt = {' + '.join(f'{r}_bdt' for r in RATES)}"),
        check(t, "amounts_not_negative", " AND ".join(f"{c} >= 0" for c in (
            "annual_value_bdt", *(f"{r}_bdt" for r in RATES), "arrears_bdt", "advance_bdt"))),
        check(t, "arrears_or_advance", "arrears_bdt = 0 OR advance_bdt = 0"),
        check(t, "total_due_rule", "total_due_bdt = greatest(0, arrears_bdt - advance_bdt + current_bdt)"),
        check(t, "rebate_first_quarter", "(quarter = 1) = (rebate_bdt IS NOT NULL AND full_year_bdt IS NOT NULL)"),
        index=["holding_id"],
    )

    t = "payment_import"
    data_table(
        REV, t,
        col("file_name", nullable=False), col("file_sha256", nullable=False), col("gateway", nullable=False),
        col("rows_read", sa.Integer(), False), col("applied", sa.Integer(), False),
        col("duplicates", sa.Integer(), False), col("mismatches", sa.Integer(), False),
        col("imported_by", nullable=False, server_default=sa.text("CURRENT_USER")),
        not_blank(t, "gateway"),
    )

    t = "payment"
    data_table(
        REV, t,
        ref(t, "bill_id", "imis_revenue.bill", nullable=False),
        *_payment_columns(t),
        ref(t, "import_id", "imis_revenue.payment_import"),
        index=["bill_id"],
    )


def _water(srid) -> None:
    t = "water_tariff"
    data_table(
        REV, t,
        code(t, "category", "water_category", nullable=False),
        col("effective_from", DATE, False),
        col("fixed_charge_bdt", TAKA, False, server_default=sa.text("0")),
        col("minimum_charge_bdt", TAKA, False, server_default=sa.text("0")),
        unique(t, "category", "effective_from"),
        not_negative(t, "fixed_charge_bdt", "fixed_charge"), not_negative(t, "minimum_charge_bdt", "minimum_charge"),
        check(t, "effective_from_first_of_month", FIRST_OF_MONTH.format("effective_from")),
    )

    t = "water_tariff_slab"
    data_table(
        REV, t,
        ref(t, "tariff_id", "imis_revenue.water_tariff", nullable=False, cascade=True),
        col("from_m3", CUBIC_METRES, False), col("to_m3", CUBIC_METRES),
        col("rate_bdt_per_m3", TAKA, False),
        unique(t, "tariff_id", "from_m3"),
        not_negative(t, "from_m3"), not_negative(t, "rate_bdt_per_m3", "rate"),
        check(t, "to_above_from", "to_m3 > from_m3"),
    )

    t = "water_connection"
    data_table(
        REV, t,
        col("connection_no", nullable=False),
        ref(t, "building_id", "imis_core.building", nullable=False),
        ref(t, "holding_id", "imis_core.holding"),
        col("customer_name", nullable=False), col("phone"),
        code(t, "category", "water_category", nullable=False, default="domestic"),
        col("pipe_mm", SMALL),
        col("status", nullable=False, server_default=sa.text("'active'::text")),
        col("connected_on", DATE), col("disconnected_on", DATE),
        geom("geom", "POINT", srid),
        unique(t, "connection_no"), not_blank(t, "connection_no"), phone(t),
        positive(t, "pipe_mm"),
        check(t, "status_known", "status IN ('active', 'disconnected')"),
        check(t, "disconnected_when", "(status = 'disconnected') = (disconnected_on IS NOT NULL)"),
        check(t, "disconnected_after_connected", "disconnected_on >= connected_on"),
        index=["building_id"],
    )

    t = "water_meter"
    data_table(
        REV, t,
        col("meter_no", nullable=False),
        ref(t, "connection_id", "imis_revenue.water_connection", nullable=False),
        col("installed_on", DATE, False), col("removed_on", DATE),
        col("initial_reading_m3", CUBIC_METRES, False, server_default=sa.text("0")),
        geom("geom", "POINT", srid),
        unique(t, "meter_no"), not_blank(t, "meter_no"),
        not_negative(t, "initial_reading_m3", "initial_reading"),
        check(t, "removed_after_installed", "removed_on >= installed_on"),
        index=["connection_id"],
    )
    # one meter in service per connection (IF NOT EXISTS: a table restored from the archive keeps its index)
    op.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS uq_water_meter_in_service ON {REV}.water_meter (connection_id) "
               "WHERE removed_on IS NULL")

    t = "water_reading"
    data_table(
        REV, t,
        ref(t, "meter_id", "imis_revenue.water_meter", nullable=False, cascade=True),
        col("reading_date", DATE, False), col("reading_m3", CUBIC_METRES, False),
        col("read_by"), col("note"),
        unique(t, "meter_id", "reading_date"), not_negative(t, "reading_m3", "reading"),
    )

    t = "water_bill"
    data_table(
        REV, t,
        col("bill_number", nullable=False),
        ref(t, "connection_id", "imis_revenue.water_connection", nullable=False),
        ref(t, "meter_id", "imis_revenue.water_meter", nullable=False),
        col("period_month", DATE, False),
        col("opening_m3", CUBIC_METRES, False), col("closing_m3", CUBIC_METRES, False),
        col("consumption_m3", CUBIC_METRES, False),
        col("consumption_charge_bdt", TAKA, False), col("fixed_charge_bdt", TAKA, False),
        col("current_bdt", TAKA, False),
        col("arrears_bdt", TAKA, False, server_default=sa.text("0")),
        col("advance_bdt", TAKA, False, server_default=sa.text("0")),
        col("total_due_bdt", TAKA, False), col("due_date", DATE, False),
        unique(t, "bill_number"), unique(t, "connection_id", "period_month"), not_blank(t, "bill_number"),
        check(t, "period_first_of_month", FIRST_OF_MONTH.format("period_month")),
        check(t, "consumption_rule", "consumption_m3 = closing_m3 - opening_m3 AND consumption_m3 >= 0"),
        check(t, "amounts_not_negative", "consumption_charge_bdt >= 0 AND fixed_charge_bdt >= 0 "
                                         "AND arrears_bdt >= 0 AND advance_bdt >= 0"),
        check(t, "current_at_least_charges", "current_bdt >= consumption_charge_bdt + fixed_charge_bdt"),
        check(t, "arrears_or_advance", "arrears_bdt = 0 OR advance_bdt = 0"),
        check(t, "total_due_rule", "total_due_bdt = greatest(0, arrears_bdt - advance_bdt + current_bdt)"),
    )

    t = "water_payment"
    data_table(
        REV, t,
        ref(t, "water_bill_id", "imis_revenue.water_bill", nullable=False),
        *_payment_columns(t),
        index=["water_bill_id"],
    )

    t = "water_application"
    data_table(
        REV, t,
        col("application_no", nullable=False),
        col("applicant_name", nullable=False), col("phone"),
        ref(t, "building_id", "imis_core.building", nullable=False),
        ref(t, "holding_id", "imis_core.holding"),
        code(t, "category", "water_category", nullable=False, default="domestic"),
        col("applied_on", DATE, False),
        col("state", nullable=False, server_default=sa.text("'applied'::text")),
        col("surveyed_on", DATE), col("survey_note"),
        col("decided_on", DATE), col("decided_by"), col("decision_note"),
        col("fee_bdt", TAKA),
        ref(t, "connection_id", "imis_revenue.water_connection"),
        geom("geom", "POINT", srid, nullable=True),
        unique(t, "application_no"), not_blank(t, "application_no"), phone(t),
        not_negative(t, "fee_bdt", "fee"),
        check(t, "state_known", "state IN ('applied', 'surveyed', 'approved', 'rejected', 'connected')"),
        check(t, "surveyed_when", "(state = 'applied') = (surveyed_on IS NULL)"),
        check(t, "decided_when", "(state IN ('approved', 'rejected', 'connected')) = (decided_on IS NOT NULL)"),
        check(t, "connected_when", "(state = 'connected') = (connection_id IS NOT NULL)"),
        check(t, "dates_in_order", "surveyed_on >= applied_on AND decided_on >= surveyed_on"),
        index=["building_id"],
    )


def _solid_waste(srid) -> None:
    t = "swm_route"
    data_table(
        REV, t,
        col("code", nullable=False), col("name"),
        ref(t, "ward_id", "imis_core.ward"),
        col("vehicle"), col("trips_per_week", SMALL),
        geom("geom", "LINESTRING", srid),
        unique(t, "code"), not_blank(t, "code"),
        check(t, "trips_per_week_range", "trips_per_week BETWEEN 1 AND 21"),
    )

    t = "swm_collection_point"
    data_table(
        REV, t,
        col("code", nullable=False), col("name"),
        code(t, "kind", "collection_point_kind", nullable=False),
        ref(t, "ward_id", "imis_core.ward"),
        ref(t, "route_id", "imis_revenue.swm_route"),
        col("capacity_m3", CUBIC_METRES),
        geom("geom", "POINT", srid),
        unique(t, "code"), not_blank(t, "code"), positive(t, "capacity_m3", "capacity"),
        index=["route_id"],
    )

    t = "swm_customer"
    data_table(
        REV, t,
        col("customer_no", nullable=False),
        ref(t, "building_id", "imis_core.building", nullable=False),
        ref(t, "holding_id", "imis_core.holding"),
        col("customer_name", nullable=False),
        code(t, "kind", "swm_customer_kind", nullable=False, default="household"),
        col("monthly_fee_bdt", TAKA, False),
        col("service_from", DATE, False), col("service_to", DATE),
        ref(t, "collection_point_id", "imis_revenue.swm_collection_point"),
        unique(t, "customer_no"), not_blank(t, "customer_no"),
        not_negative(t, "monthly_fee_bdt", "monthly_fee"),
        check(t, "service_dates_in_order", "service_to >= service_from"),
        index=["building_id"],
    )

    t = "swm_payment"
    data_table(
        REV, t,
        ref(t, "customer_id", "imis_revenue.swm_customer", nullable=False),
        col("period_month", DATE, False),
        *_payment_columns(t),
        unique(t, "customer_id", "period_month"),
        check(t, "period_first_of_month", FIRST_OF_MONTH.format("period_month")),
    )


TABLES = ("swm_payment", "swm_customer", "swm_collection_point", "swm_route",
          "water_application", "water_payment", "water_bill", "water_reading", "water_meter", "water_connection",
          "water_tariff_slab", "water_tariff",
          "payment", "payment_import", "bill", "bill_run", "assessment", "tax_rate")
CODE_LISTS = ("collection_point_kind", "swm_customer_kind", "water_category", "payment_channel")


def downgrade() -> None:
    # rows wait in imis_archive and come back on the next upgrade
    for table in TABLES:
        retire_table(REV, table)
    for table in CODE_LISTS:
        retire_table("imis_code", table)
    op.execute(f"DROP SCHEMA {REV}")
