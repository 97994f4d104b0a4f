import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/sessions';
import { createCtx, type Ctx } from '../ctx';
import type { Tx } from '../db/client';
import { tenants, users, type ImportJob } from '../db/schema';

/** The context the worker applies a job in: the job's tenant and the employee who started the import. */
export async function jobCtx(db: Tx, job: Pick<ImportJob, 'tenantId' | 'createdBy' | 'id'>): Promise<Ctx> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, job.tenantId));
  const [actor] = await db
    .select({
      id: users.id,
      tenantId: users.tenantId,
      kind: users.kind,
      role: users.role,
      email: users.email,
      username: users.username,
      firstName: users.firstName,
      lastName: users.lastName,
      status: users.status,
      rights: users.rights,
      scope: users.scope,
      locale: users.locale,
    })
    .from(users)
    .where(and(eq(users.tenantId, job.tenantId), eq(users.id, job.createdBy)));
  if (!tenant || !actor) throw new Error(`import job ${job.id}: tenant or creator gone`);
  return createCtx(db, tenant, actor satisfies SessionUser, { requestId: `import:${job.id}` });
}
