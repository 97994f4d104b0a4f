import { and, eq, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { audit } from '../audit';
import { countHit } from '../auth/throttle';
import { localeOf, withTransaction, type PublicCtx } from '../ctx';
import { contactProfiles, users } from '../db/schema';
import { serverEnv } from '../env';
import { DomainError } from '../errors';
import { translate, type Locale } from '../i18n';
import { brandFor } from '../mail/brand';
import { enqueueMail } from '../mail/outbox';
import { LeadMail } from '../mail/templates/lead';
import { tenantBaseUrl } from '../tenant/lookup';
import { createAccount } from '../users/create';
import type { LeadInput, LeadTopic } from './schemas';
import { checkLeadToken, leadPolicy } from './token';

/** A topic's name in a language; the contact keeps the German one (the broker's word, as before). */
export const topicLabel = (locale: Locale, topic: LeadTopic) => translate(locale, `leads.topics.${topic}`);

/**
 * "Kunde werden / Kontakt aufnehmen": creates a contact marked Interessent and tells the admins, each in
 * their language. Answers the same way whether the address is new, already known or the request looked like
 * a bot. `ip` is the caller's address (throttle, audit); `secret` signs the form's start time.
 */
export async function submitLead(
  ctx: PublicCtx,
  input: LeadInput & { ip: string },
  secret = serverEnv().AUTH_SECRET,
): Promise<void> {
  if (await countHit(ctx.db, `lead-ip:${input.ip}`, 3600, leadPolicy.perIpPerHour)) {
    throw new DomainError('rate_limited', 'leads.errors.throttled');
  }
  if (input.website.trim() !== '') return; // honeypot: only bots fill it
  const token = checkLeadToken(input.startedAt, secret);
  if (token === 'too-fast') return; // no human fills the form in under three seconds
  if (token === 'invalid') throw new DomainError('expired', 'leads.errors.expired');

  const { tenant } = ctx;
  await withTransaction(ctx, async ({ db: tx }) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, tenant.id), sql`lower(${users.email}) = ${input.email.toLowerCase()}`))
      .limit(1);
    let contactId = existing?.id;
    if (!contactId) {
      const user = await createAccount(tx, {
        tenantId: tenant.id,
        kind: 'client',
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        status: 'none',
      });
      contactId = user.id;
      await tx.insert(contactProfiles).values({
        tenantId: tenant.id,
        userId: user.id,
        phone: input.phone,
        lead: true,
        leadTopic: topicLabel('de', input.topic),
        leadMessage: input.message || null,
        leadConsentAt: sql`now()`,
      });
    }
    await audit(tx, {
      tenantId: tenant.id,
      actorType: 'anonymous',
      action: 'lead.created',
      targetType: 'contact',
      targetId: contactId,
      ip: input.ip,
      meta: { topic: topicLabel('de', input.topic), existing: Boolean(existing) },
    });
    const admins = await tx
      .select({ email: users.email, locale: users.locale })
      .from(users)
      .where(
        and(
          eq(users.tenantId, tenant.id),
          eq(users.kind, 'employee'),
          eq(users.role, 'admin'),
          eq(users.status, 'active'),
        ),
      );
    const brand = await brandFor(tx, tenant);
    for (const admin of admins) {
      const locale = localeOf(admin, tenant);
      const topic = topicLabel(locale, input.topic);
      await enqueueMail(tx, {
        tenantId: tenant.id,
        template: 'lead',
        to: admin.email,
        subject: translate(locale, 'mail.lead.subject', { topic }),
        fromName: tenant.name,
        element: createElement(LeadMail, {
          brand,
          name: `${input.firstName} ${input.lastName}`,
          topic,
          url: `${tenantBaseUrl(tenant)}/contacts/${contactId}`,
          existing: Boolean(existing),
          locale,
        }),
      });
    }
  });
}
