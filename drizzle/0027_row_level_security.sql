-- hand-written
-- Row-level security as the second wall behind the tenant filters of the queries (issue 13). Every table
-- with a tenant_id column, and tenants by its id, answers and accepts only rows of the tenant in the
-- setting app.tenant_id; the value '*' stands for all tenants (the system paths: host → tenant lookup,
-- session check, operator area, the workers that claim outbox rows and jobs across tenants, migrations).
-- The app's pool opens its connections with '*'; every request context binds its statements to its tenant
-- with set_config('app.tenant_id', <tenant>, true) in their transaction (lib/db/tenant.ts). Unset or empty
-- (e.g. a psql session as mappe_app) sees nothing. FORCE: the owner role is held to it as well.
-- Tables added later need the same: tests/integration/rls.test.ts fails for a tenant table without it.
-- Not contracts and users (yet): PostgreSQL applies a query's non-leakproof conditions only after a
-- row-security condition, so their expression, trigram and partial indexes could no longer be used:
-- contracts – the month-day and deadline indexes of FRISTEN, reminders and the GDV matching (50,000
-- contracts: sequential scans, tests/integration/fristen-explain.test.ts); users – the contact search,
-- keyset pages on lower(name) and the login by lower(username) (20,000 contacts: 0.1 ms → 50–200 ms).
-- Their queries' tenant filter stays the one wall there.
DO $$
DECLARE
  t record;
  -- Scalar subqueries: evaluated once per statement (InitPlans), not per row, and the tenant comparison
  -- stays indexable; '*' then costs nothing per row on the system paths.
  wall text := $w$ = (SELECT NULLIF(NULLIF(current_setting('app.tenant_id', true), ''), '*')::uuid)
    OR (SELECT current_setting('app.tenant_id', true) = '*')$w$;
BEGIN
  FOR t IN
    SELECT c.table_name AS name, 'tenant_id' AS col FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
      AND c.table_name NOT IN ('contracts', 'users')
    UNION ALL SELECT 'tenants', 'id'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.name);
    EXECUTE format('DROP POLICY IF EXISTS tenant_wall ON %I', t.name);
    EXECUTE format('CREATE POLICY tenant_wall ON %I FOR ALL USING (%I %s) WITH CHECK (%I %s)',
      t.name, t.col, wall, t.col, wall);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- The shared catalog (VERSICHERER etc. with tenant_id NULL) stays readable for every tenant, never writable.
DROP POLICY IF EXISTS shared_catalog ON providers;
--> statement-breakpoint
CREATE POLICY shared_catalog ON providers FOR SELECT USING (tenant_id IS NULL);
