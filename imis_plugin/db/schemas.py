"""The schema split: data schemas change only through Alembic; the app schema is rebuilt from SQL."""
DATA_SCHEMAS = ("imis_code", "imis_core", "imis_fsm", "imis_audit", "imis_revenue")
APP_SCHEMA = "imis_app"
