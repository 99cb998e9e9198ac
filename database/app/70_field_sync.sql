-- App schema, part 7: field work with QField (imis_plugin/qfield). Who may issue packages, import field
-- edits and change the field-sync settings. The edits themselves are applied under the field user's own
-- role (SET LOCAL ROLE), so the grants and row-level security of part 3 decide what a field user may change.

-- The database identity and the attachment store are an administrator's to change.
REVOKE INSERT, UPDATE, DELETE ON imis_core.field_sync_settings FROM imis_gis_editor;

-- The office roles that issue packages and import what comes back: surveys (GIS editors) and service
-- providers' jobs (FSM officers). The logs are append-only for them.
GRANT SELECT, INSERT ON imis_audit.field_package, imis_audit.field_import, imis_audit.field_import_row
    TO imis_gis_editor, imis_fsm_officer;
GRANT INSERT ON imis_core.attachment TO imis_fsm_officer;
