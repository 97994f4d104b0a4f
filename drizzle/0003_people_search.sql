-- KONTAKTÜBERSICHT: keyset pagination by name and trigram search, both inside one tenant.
CREATE INDEX users_tenant_kind_sortname_idx ON users (tenant_id, kind, lower(last_name), lower(first_name), id);
--> statement-breakpoint
CREATE INDEX users_search_trgm_idx ON users USING gin (tenant_id, (lower(first_name || ' ' || last_name || ' ' || email)) gin_trgm_ops);
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT users_employee_fields CHECK (
  (kind = 'employee' AND role IS NOT NULL AND status <> 'none' AND status <> 'created')
  OR (kind = 'client' AND role IS NULL AND employee_type IS NULL AND rights IS NULL AND scope IS NULL)
);
