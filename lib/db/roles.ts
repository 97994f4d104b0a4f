import postgres from 'postgres';

/**
 * The two database roles (issue 13): migrations run as the owner of the schema objects, the app as a role
 * without owner rights (DML on the tables, USAGE on the sequences, EXECUTE on mappe_redact_audit; no DDL,
 * audit_log only SELECT/INSERT). Grants come from migration 0026 and its ALTER DEFAULT PRIVILEGES, so
 * tables of later migrations are reachable too.
 */
export const ownerRole = 'mappe_owner';
export const appRole = 'mappe_app';
export const redactorRole = 'mappe_audit_redactor';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The same server and database, logged in as another role. */
export function urlAs(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

export interface RolePasswords {
  owner: string;
  app: string;
}

async function ensureRole(sql: postgres.Sql, name: string, attributes: string): Promise<void> {
  // CREATE ROLE has no IF NOT EXISTS; parallel setups on one cluster may race, hence the guard.
  await sql.unsafe(`DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${quoteLiteral(name)}) THEN
    CREATE ROLE ${quoteIdent(name)} ${attributes};
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END;
$$`);
}

/**
 * Local setups only (embedded PostgreSQL, the test clusters, CI): as the superuser, creates the owner and the
 * app role (cluster-wide), makes the owner the owner of `database` and of every object a former superuser
 * setup left in it. Idempotent. External deployments create their roles themselves (README).
 */
export async function bootstrapRoles(superUrl: string, database: string, passwords: RolePasswords): Promise<void> {
  const admin = postgres(superUrl, { max: 1, onnotice: () => {} });
  try {
    const base = 'NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION';
    await ensureRole(admin, ownerRole, `LOGIN ${base}`);
    await ensureRole(admin, appRole, `LOGIN ${base}`);
    await ensureRole(admin, redactorRole, 'NOLOGIN NOINHERIT');
    await admin.unsafe(`ALTER ROLE ${ownerRole} LOGIN ${base} PASSWORD ${quoteLiteral(passwords.owner)}`);
    await admin.unsafe(`ALTER ROLE ${appRole} LOGIN ${base} PASSWORD ${quoteLiteral(passwords.app)}`);
    // Migration 0016 hands mappe_redact_audit to the redactor role: the owner must be a member to do so.
    await admin.unsafe(`GRANT ${redactorRole} TO ${ownerRole}`);
    await admin.unsafe(`ALTER DATABASE ${quoteIdent(database)} OWNER TO ${ownerRole}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const u = new URL(superUrl);
  u.pathname = `/${database}`;
  const sql = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(reassignSql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Hands everything in public and drizzle (tables, sequences, views, types, functions) to the owner role. */
const reassignSql = `DO $$
DECLARE r record;
BEGIN
  EXECUTE 'ALTER SCHEMA public OWNER TO ${ownerRole}';
  -- ALTER FUNCTION … OWNER TO in 0016 needs the new owner to may CREATE in the schema; 0026 revokes it.
  IF NOT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'mappe_redact_audit') THEN
    EXECUTE 'GRANT CREATE ON SCHEMA public TO ${redactorRole}';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'drizzle') THEN
    EXECUTE 'ALTER SCHEMA drizzle OWNER TO ${ownerRole}';
  END IF;
  FOR r IN
    SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname IN ('public', 'drizzle') AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND pg_get_userbyid(c.relowner) <> '${ownerRole}'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO ${ownerRole}',
      CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
        WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name);
  END LOOP;
  FOR r IN
    SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND pg_get_userbyid(t.typowner) <> '${ownerRole}'
      AND (t.typtype <> 'c' OR EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO ${ownerRole}', r.name);
  END LOOP;
  FOR r IN
    SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) NOT IN ('${ownerRole}', '${redactorRole}')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO ${ownerRole}', r.name);
  END LOOP;
END;
$$`;

/**
 * What is wrong with the role the app connects as: a superuser or BYPASSRLS role, or the owner of the
 * tables (it could drop the walls: triggers, grants, row-level security). Empty when it is a plain role.
 */
export async function roleProblems(sql: postgres.Sql): Promise<string[]> {
  const [row] = await sql<{ user: string; super: boolean; bypass: boolean; owns: number }[]>`
    SELECT current_user AS user, r.rolsuper AS super, r.rolbypassrls AS bypass,
      (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owns
    FROM pg_roles r WHERE r.rolname = current_user`;
  if (!row) return [];
  const problems: string[] = [];
  if (row.super) problems.push(`${row.user} is a superuser`);
  if (row.bypass) problems.push(`${row.user} has BYPASSRLS`);
  if (row.owns > 0) problems.push(`${row.user} owns (or is a member of the owner of) ${row.owns} tables`);
  return problems;
}

/** The loud warning when the app runs with owner rights (only DATABASE_URL given, pointing at the owner). */
export async function warnAboutAppRole(url: string, log: (s: string) => void = console.warn): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const problems = await roleProblems(sql);
    if (problems.length > 0) {
      log(
        `\n!!! WARNING: the app connects to PostgreSQL with owner rights (${problems.join('; ')}).\n` +
          `!!! Row-level security and the append-only audit log are no wall against this role. Set\n` +
          `!!! MIGRATION_DATABASE_URL to the owner role and DATABASE_URL to a role without owner rights\n` +
          `!!! (README: "Database roles").\n`,
      );
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
