"""A comparable snapshot of everything IMIS owns in a database's catalog."""
from imis_plugin.db.connect import connect

SCHEMAS = ["imis_code", "imis_core", "imis_fsm", "imis_audit", "imis_revenue", "imis_app"]

QUERIES = {
    "columns": """
        SELECT table_schema, table_name, column_name, data_type, udt_name, is_nullable, column_default,
               character_maximum_length, numeric_precision, numeric_scale
        FROM information_schema.columns WHERE table_schema = ANY(%(s)s)""",
    "geometry_columns": """
        SELECT f_table_schema, f_table_name, f_geometry_column, type, srid, coord_dimension
        FROM public.geometry_columns WHERE f_table_schema = ANY(%(s)s)""",
    "constraints": """
        SELECT n.nspname, c.relname, k.conname, pg_get_constraintdef(k.oid)
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY(%(s)s)""",
    "indexes": "SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = ANY(%(s)s)",
    "triggers": """
        SELECT n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid)
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY(%(s)s) AND NOT t.tgisinternal""",
    "functions": """
        SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), md5(pg_get_functiondef(p.oid))
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ANY(%(s)s)""",
    "views": "SELECT schemaname, viewname, definition FROM pg_views WHERE schemaname = ANY(%(s)s)",
    "policies": """
        SELECT schemaname, tablename, policyname, permissive, roles::text, cmd, qual, with_check
        FROM pg_policies WHERE schemaname = ANY(%(s)s)""",
    "rls": """
        SELECT n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY(%(s)s) AND c.relkind IN ('r', 'p')""",
    "grants": """
        SELECT table_schema, table_name, grantee, privilege_type FROM information_schema.role_table_grants
        WHERE table_schema = ANY(%(s)s) AND grantee LIKE 'imis%%'""",
    "comments": """
        SELECT n.nspname, c.relname, obj_description(c.oid, 'pg_class')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY(%(s)s)""",
}


def snapshot(dsn: str) -> dict[str, set]:
    conn = connect(dsn)
    try:
        with conn.cursor() as cur:
            result = {}
            for name, query in QUERIES.items():
                cur.execute(query, {"s": SCHEMAS})
                result[name] = set(cur.fetchall())
            return result
    finally:
        conn.close()


def differences(a: dict, b: dict) -> dict:
    return {k: {"only_first": sorted(a[k] - b[k], key=str), "only_second": sorted(b[k] - a[k], key=str)}
            for k in a if a[k] != b[k]}
