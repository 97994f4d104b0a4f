-- The audit log stays append-only, with one controlled exception: when a client is deleted (GDPR Art. 17)
-- the rows about them are pseudonymised. That UPDATE is only allowed inside a transaction that set
-- `SET LOCAL mappe.audit_redaction = 'on'` (lib/privacy), and only on the personal columns; DELETE and
-- TRUNCATE stay refused for everyone.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND coalesce(current_setting('mappe.audit_redaction', true), '') = 'on'
     AND NEW.id = OLD.id AND NEW.tenant_id IS NOT DISTINCT FROM OLD.tenant_id AND NEW.action = OLD.action
     AND NEW.actor_type = OLD.actor_type AND NEW.created_at = OLD.created_at
     AND NEW.target_type IS NOT DISTINCT FROM OLD.target_type THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
