import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { mayRequireEmployeeFactor } from '../../access/factors';
import { requireRight } from '../../access/require';
import { audit } from '../../audit';
import { withTransaction, type Ctx } from '../../ctx';
import { tenants } from '../../db/schema';
import { forgetTenantCache } from '../../tenant/lookup';

export const requireFactorSchema = z.object({
  required: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
});

/** EINSTELLUNGEN → "Zwei-Faktor-Anmeldung für Mitarbeiter verpflichtend" (admins). */
export async function setEmployeeFactorRequired(
  ctx: Ctx,
  input: z.output<typeof requireFactorSchema>,
): Promise<{ required: boolean }> {
  requireRight(mayRequireEmployeeFactor(ctx.actor));
  await withTransaction(ctx, async ({ db: tx }) => {
    await tx.update(tenants).set({ requireEmployeeMfa: input.required }).where(eq(tenants.id, ctx.tenant.id));
    await audit(tx, {
      tenantId: ctx.tenant.id,
      actorType: 'user',
      actorId: ctx.actor.id,
      action: 'settings.employee_mfa_required',
      targetType: 'tenant',
      targetId: ctx.tenant.id,
      meta: { required: input.required },
    });
  });
  forgetTenantCache();
  return { required: input.required };
}
