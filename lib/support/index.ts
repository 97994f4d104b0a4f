import { desc, eq } from 'drizzle-orm';
import { createElement } from 'react';
import { z } from 'zod';
import { assertActorInTenant } from '../access/guard';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import type { Db } from '../db/client';
import { supportRequests, tenants, type Tenant } from '../db/schema';
import { env } from '../env';
import { enqueueMail } from '../mail/outbox';
import { SupportMail } from '../mail/templates/support';
import { objectKey, presignUpload, signedDownloadUrl, verifyUpload } from '../storage';
import { platformBaseUrl } from '../tenant/lookup';

export const supportRules = { maxScreenshots: 3, maxBytes: 5 * 1024 * 1024, types: ['image/png', 'image/jpeg', 'image/webp'] } as const;

export const supportSchema = z.object({
  subject: z.string().trim().min(1, 'Bitte geben Sie einen Betreff ein.').max(200, 'Höchstens 200 Zeichen.'),
  message: z.string().trim().min(1, 'Bitte beschreiben Sie Ihr Anliegen.').max(5000, 'Höchstens 5.000 Zeichen.'),
  screenshots: z
    .string()
    .max(2000)
    .optional()
    .default('')
    .transform((v) => v.split(',').filter(Boolean)),
});

interface Employee {
  id: string;
  kind: 'employee' | 'client';
  firstName: string;
  lastName: string;
  email: string;
}

function requireEmployee(actor: Employee): void {
  if (actor.kind !== 'employee') throw new DomainError('forbidden', 'Nur Mitarbeiter Ihres Unternehmens können Anliegen an den Betreiber schicken.');
}

/** A presigned POST for one screenshot (the bytes go straight to S3). */
export async function requestScreenshotUpload(tenantId: string, actor: Employee, contentType: string, size: number) {
  requireEmployee(actor);
  if (!(supportRules.types as readonly string[]).includes(contentType)) throw new DomainError('type', 'Screenshots bitte als PNG, JPEG oder WebP.', 'screenshots');
  if (size <= 0 || size > supportRules.maxBytes) throw new DomainError('size', 'Ein Screenshot darf höchstens 5 MB groß sein.', 'screenshots');
  const key = objectKey(tenantId, 'support');
  const post = await presignUpload({ tenantId, key, contentType, maxBytes: supportRules.maxBytes });
  return { key, url: post.url, fields: post.fields };
}

/** "Anliegen mitteilen": stored for the operator area, with an e-mail to the operator when configured. */
export async function submitSupport(database: Db, tenant: Tenant, actor: Employee, input: z.output<typeof supportSchema>): Promise<{ id: string }> {
  requireEmployee(actor);
  if (input.screenshots.length > supportRules.maxScreenshots) throw new DomainError('invalid', `Höchstens ${supportRules.maxScreenshots} Screenshots.`, 'screenshots');
  for (const key of input.screenshots) {
    if (!key.startsWith(`tenants/${tenant.id}/support/`)) throw new DomainError('invalid', 'Ungültiger Screenshot.', 'screenshots');
    const checked = await verifyUpload({ tenantId: tenant.id, key, maxBytes: supportRules.maxBytes, allowed: supportRules.types });
    if (!checked.ok) throw new DomainError('invalid', checked.reason === 'too-large' ? 'Ein Screenshot darf höchstens 5 MB groß sein.' : 'Screenshots bitte als PNG, JPEG oder WebP.', 'screenshots');
  }
  const operator = env().PLATFORM_SUPPORT_EMAIL;
  return database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenant.id, actor);
    const [row] = await tx
      .insert(supportRequests)
      .values({ tenantId: tenant.id, userId: actor.id, authorName: `${actor.firstName} ${actor.lastName}`, authorEmail: actor.email, subject: input.subject, message: input.message, screenshotKeys: input.screenshots })
      .returning({ id: supportRequests.id });
    await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: actor.id, action: 'support.requested', targetType: 'support', targetId: row!.id });
    if (operator) {
      await enqueueMail(tx, {
        tenantId: null,
        template: 'support',
        to: operator,
        subject: `Anliegen von ${tenant.name}: ${input.subject}`.slice(0, 200),
        element: createElement(SupportMail, { tenantName: tenant.name, author: `${actor.firstName} ${actor.lastName}`, subject: input.subject, url: `${platformBaseUrl()}/support`, screenshots: input.screenshots.length }),
      });
    }
    return { id: row!.id };
  });
}

/** Operator area: all requests, newest first, with short-lived links to the screenshots. */
export async function listSupport(database: Db, limit = 100) {
  const rows = await database
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
        request.screenshotKeys.map((key, i) => signedDownloadUrl({ tenantId: request.tenantId, key, filename: `screenshot-${i + 1}`, contentType: 'image/png' })),
      ),
    })),
  );
}
