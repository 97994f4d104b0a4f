import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { Tenant } from '../db/schema';
import { currentTenant } from '../tenant/request';
import { fieldErrorsOf, formValues, unexpected, type ActionResult } from './result';

/**
 * Wrapper for actions anyone may call on a tenant host (login, later: activation, lead form):
 * tenant from the host, input parsed with zod, expected failures typed, unknown errors never shown.
 */
export async function publicAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  formData: FormData,
  handler: (ctx: { tenant: Tenant; input: z.output<S> }) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const tenant = await currentTenant();
  if (!tenant) return { ok: false, code: 'not_found', message: 'Dieses Portal ist nicht bekannt.' };
  const parsed = schema.safeParse(formValues(formData));
  if (!parsed.success) return { ok: false, code: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return await handler({ tenant, input: parsed.data });
  } catch (error) {
    unstable_rethrow(error);
    return unexpected(error, name);
  }
}
