-- hand-written
-- The app's role (issue 13): the app connects as a role without owner rights, migrations as the owner.
-- mappe_app gets DML on every table, USAGE on the sequences and EXECUTE on mappe_redact_audit; no DDL, no
-- TRUNCATE, and on audit_log only SELECT and INSERT (the redaction goes through the definer function).
-- Local setups create mappe_app with LOGIN beforehand (lib/db/roles.ts); elsewhere it is created here as a
-- NOLOGIN group (needs CREATEROLE once, like 0016) and the app's login role is made a member of it.
-- ALTER DEFAULT PRIVILEGES covers the tables and sequences later migrations create (as this same role).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mappe_app') THEN
    CREATE ROLE mappe_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END;
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO mappe_app;
--> statement-breakpoint
-- Only needed while 0016 handed it the function (lib/db/roles.ts grants it to fresh databases).
REVOKE CREATE ON SCHEMA public FROM mappe_audit_redactor;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO mappe_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM mappe_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO mappe_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION mappe_redact_audit(uuid, uuid, text) TO mappe_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mappe_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO mappe_app;
