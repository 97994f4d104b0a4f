/** The passwords of the test cluster's roles (lib/db/roles.ts bootstrapRoles; CI's PostgreSQL 15 trusts anyway). */
export const testRolePasswords = { owner: 'mappe-test-owner', app: 'mappe-test-app' } as const;
