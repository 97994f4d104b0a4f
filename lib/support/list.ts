import { desc, eq } from 'drizzle-orm';
import { supportRequests, tenants } from '../db/schema';
import type { PlatformCtx } from '../platform/ctx';
import { signedDownloadUrl } from '../storage';

/** Operator area: all requests, newest first, with short-lived links to the screenshots (checked by their bytes on submit). */
export async function listSupport(ctx: PlatformCtx, { limit = 100 }: { limit?: number } = {}) {
  const rows = await ctx.db
    .select({ request: supportRequests, tenantName: tenants.name })
    .from(supportRequests)
    .innerJoin(tenants, eq(tenants.id, supportRequests.tenantId))
    .orderBy(desc(supportRequests.createdAt))
    .limit(limit);
  return Promise.all(
    rows.map(async ({ request, tenantName }) => ({
      ...request,
      tenantName,
      screenshots: await Promise.all(
        request.screenshotKeys.map((key, i) =>
          signedDownloadUrl({
            tenantId: request.tenantId,
            key,
            filename: `screenshot-${i + 1}`,
            contentType: 'image/png',
          }),
        ),
      ),
    })),
  );
}
