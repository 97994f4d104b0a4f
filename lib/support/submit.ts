import { createElement } from 'react';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { supportRequests } from '../db/schema';
import { env } from '../env';
import { DomainError } from '../errors';
import { defaultLocale, translate } from '../i18n';
import { enqueueMail } from '../mail/outbox';
import { SupportMail } from '../mail/templates/support';
import { platformBaseUrl } from '../tenant/lookup';
import { claimUploads, consumeUploads, dropUploadObjects, releaseClaimed } from '../uploads/claim';
import { requireSupportRight } from './presign';
import { supportRules, type SupportInput } from './schemas';

/**
 * "Anliegen mitteilen": stored for the operator area, with an e-mail to the operator when configured.
 * Screenshots go through the upload pipeline: only the author's own pending uploads are taken, each is
 * copied to a key chosen here and its bytes are checked there, so nothing posted later with the still
 * valid presigned form can change what the operator opens (issue 13, finding 11).
 */
export async function submitSupport(ctx: Ctx, input: SupportInput): Promise<{ id: string }> {
  requireSupportRight(ctx);
  const { actor, tenant } = ctx;
  if (input.screenshots.length > supportRules.maxScreenshots) {
    throw new DomainError('invalid', 'support.errors.tooMany', {
      field: 'screenshots',
      values: { max: supportRules.maxScreenshots },
    });
  }
  const claimed = await claimUploads(ctx, input.screenshots, 'support', { field: 'screenshots' });
  const operator = env().PLATFORM_SUPPORT_EMAIL;
  const author = `${actor.firstName} ${actor.lastName}`;
  try {
    const result = await withTransaction(ctx, async (tx) => {
      await consumeUploads(tx, claimed);
      const [row] = await tx.db
        .insert(supportRequests)
        .values({
          tenantId: tenant.id,
          userId: actor.id,
          authorName: author,
          authorEmail: actor.email,
          subject: input.subject,
          message: input.message,
          screenshotKeys: claimed.map((c) => c.key),
        })
        .returning({ id: supportRequests.id });
      await audit(tx.db, {
        tenantId: tenant.id,
        actorType: 'user',
        actorId: actor.id,
        action: 'support.requested',
        targetType: 'support',
        targetId: row!.id,
      });
      if (operator) {
        // The operator reads German (the platform's language).
        await enqueueMail(tx.db, {
          tenantId: null,
          template: 'support',
          to: operator,
          subject: translate(defaultLocale, 'mail.support.subject', {
            tenant: tenant.name,
            subject: input.subject,
          }).slice(0, 200),
          element: createElement(SupportMail, {
            tenantName: tenant.name,
            author,
            subject: input.subject,
            url: `${platformBaseUrl()}/support`,
            screenshots: claimed.length,
          }),
        });
      }
      return { id: row!.id };
    });
    await dropUploadObjects(ctx, claimed);
    return result;
  } catch (error) {
    await releaseClaimed(ctx, claimed);
    throw error;
  }
}
