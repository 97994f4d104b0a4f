-- The audit-redaction switch of 0014 (`SET LOCAL mappe.audit_redaction = 'on'`) could be flipped by any
-- database session. It is replaced by one SECURITY DEFINER function that does the pseudonymisation itself
-- and is owned by a role of its own (mappe_audit_redactor: NOLOGIN, nobody is a member). The trigger lets an
-- UPDATE through only while that role is the executing role, i.e. only inside mappe_redact_audit(), and only
-- on the personal columns; DELETE and TRUNCATE stay refused for everyone. The function refuses while the
-- subject still exists in users, so it serves the deletion path (lib/privacy/delete.ts) and nothing else.
-- Residual risk while the app connects as a superuser: a superuser can SET ROLE or replace the trigger; the
-- wall holds once the app runs as a role without owner rights (issue 13).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mappe_audit_redactor') THEN
    CREATE ROLE mappe_audit_redactor NOLOGIN NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- created concurrently by a migration of another database in the same cluster
END;
$$;
--> statement-breakpoint
GRANT SELECT, UPDATE ON audit_log TO mappe_audit_redactor;
--> statement-breakpoint
GRANT SELECT (id) ON users TO mappe_audit_redactor;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_user = 'mappe_audit_redactor' AND session_user <> 'mappe_audit_redactor'
     AND NEW.id = OLD.id AND NEW.tenant_id IS NOT DISTINCT FROM OLD.tenant_id AND NEW.action = OLD.action
     AND NEW.actor_type = OLD.actor_type AND NEW.created_at = OLD.created_at
     AND NEW.target_type IS NOT DISTINCT FROM OLD.target_type THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION mappe_redact_audit(tenant uuid, subject uuid, pseudonym text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  changed integer;
BEGIN
  IF tenant IS NULL OR subject IS NULL OR coalesce(pseudonym, '') = '' THEN
    RAISE EXCEPTION 'mappe_redact_audit: tenant, subject and pseudonym are required'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT 1 FROM public.users u WHERE u.id = subject) THEN
    RAISE EXCEPTION 'mappe_redact_audit: % is not deleted', subject USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- Their own or anonymous requests about them (failed logins, PIN, reset) carry their IP.
  UPDATE public.audit_log a SET
    target_id = CASE WHEN a.target_id = subject::text THEN pseudonym ELSE a.target_id END,
    actor_id = CASE WHEN a.actor_id = subject THEN NULL ELSE a.actor_id END,
    ip = CASE WHEN a.actor_id = subject OR a.actor_type = 'anonymous' THEN NULL ELSE a.ip END,
    meta = jsonb_build_object('pseudonymisiert', true)
  WHERE a.tenant_id = tenant AND (a.target_id = subject::text OR a.actor_id = subject);
  GET DIAGNOSTICS changed = ROW_COUNT;
  RETURN changed;
END;
$$;
--> statement-breakpoint
ALTER FUNCTION mappe_redact_audit(uuid, uuid, text) OWNER TO mappe_audit_redactor;
--> statement-breakpoint
REVOKE ALL ON FUNCTION mappe_redact_audit(uuid, uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION mappe_redact_audit(uuid, uuid, text) TO CURRENT_USER;
