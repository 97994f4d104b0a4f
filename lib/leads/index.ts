import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { z } from 'zod';
import { canEditContacts, canSeeContact, type EmployeeLike } from '../access/employee';
import { assertActorInTenant } from '../access/guard';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import { countHit } from '../auth/throttle';
import type { Db } from '../db/client';
import { contactProfiles, users, type Tenant } from '../db/schema';
import { emailField, phoneField, requiredText } from '../forms/fields';
import { brandFor } from '../mail/brand';
import { enqueueMail } from '../mail/outbox';
import { LeadMail } from '../mail/templates/lead';
import { tenantBaseUrl } from '../tenant/lookup';
import { createAccount } from '../users/create';

export const leadTopics = ['Versicherungen prüfen lassen', 'Altersvorsorge', 'Baufinanzierung', 'Frage zu einem Vertrag', 'Sonstiges'] as const;

/** Bots: a hidden field, a minimum fill time (signed start time) and at most 5 requests per IP and hour. */
export const leadPolicy = { minFillMs: 3_000, maxAgeMs: 2 * 60 * 60 * 1000, perIpPerHour: 5 } as const;

export const leadSchema = z.object({
  firstName: requiredText('Ihren Vornamen'),
  lastName: requiredText('Ihren Nachnamen'),
  email: emailField,
  phone: phoneField,
  topic: z.enum(leadTopics, { error: 'Bitte wählen Sie ein Thema.' }),
  message: z.string().trim().max(2000, 'Höchstens 2.000 Zeichen.').optional().default(''),
  consent: z.literal('on', { error: 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu, damit wir uns melden können.' }),
  website: z.string().optional().default(''),
  startedAt: z.string().max(200).optional().default(''),
});

export type LeadInput = z.output<typeof leadSchema>;

function sign(secret: string, value: string): string {
  return createHmac('sha256', secret).update(`lead:${value}`).digest('base64url');
}

/** The form's start time, signed so a bot cannot backdate it. */
export function leadFormToken(secret: string, now = Date.now()): string {
  return `${now}.${sign(secret, String(now))}`;
}

export function checkLeadToken(token: string, secret: string, now = Date.now()): 'ok' | 'too-fast' | 'invalid' {
  const [ts, mac] = token.split('.');
  if (!ts || !mac || !/^\d{10,16}$/.test(ts)) return 'invalid';
  const expected = Buffer.from(sign(secret, ts));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const age = now - Number(ts);
  if (age < leadPolicy.minFillMs) return 'too-fast';
  if (age > leadPolicy.maxAgeMs) return 'invalid';
  return 'ok';
}

/**
 * "Kunde werden / Kontakt aufnehmen": creates a contact marked Interessent and tells the admins.
 * Answers the same way whether the address is new, already known or the request looked like a bot.
 */
export async function submitLead(database: Db, tenant: Tenant, input: LeadInput, context: { ip: string; secret: string }): Promise<void> {
  if (await countHit(database, `lead-ip:${context.ip}`, 3600, leadPolicy.perIpPerHour)) {
    throw new DomainError('throttled', 'Es sind gerade sehr viele Anfragen eingegangen. Bitte versuchen Sie es in einer Stunde erneut oder rufen Sie uns an.');
  }
  if (input.website.trim() !== '') return; // honeypot: only bots fill it
  const token = checkLeadToken(input.startedAt, context.secret);
  if (token === 'too-fast') return; // no human fills the form in under three seconds
  if (token === 'invalid') throw new DomainError('expired', 'Das Formular ist abgelaufen. Bitte laden Sie die Seite neu und senden Sie es noch einmal.');

  await database.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, tenant.id), sql`lower(${users.email}) = ${input.email.toLowerCase()}`))
      .limit(1);
    let contactId = existing?.id;
    if (!contactId) {
      const user = await createAccount(tx, { tenantId: tenant.id, kind: 'client', email: input.email, firstName: input.firstName, lastName: input.lastName, status: 'none' });
      contactId = user.id;
      await tx.insert(contactProfiles).values({
        tenantId: tenant.id,
        userId: user.id,
        phone: input.phone,
        lead: true,
        leadTopic: input.topic,
        leadMessage: input.message || null,
        leadConsentAt: sql`now()`,
      });
    }
    await audit(tx, { tenantId: tenant.id, actorType: 'anonymous', action: 'lead.created', targetType: 'contact', targetId: contactId, ip: context.ip, meta: { topic: input.topic, existing: Boolean(existing) } });
    const admins = await tx
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.tenantId, tenant.id), eq(users.kind, 'employee'), eq(users.role, 'admin'), eq(users.status, 'active')));
    const brand = await brandFor(tx, tenant);
    for (const admin of admins) {
      await enqueueMail(tx, {
        tenantId: tenant.id,
        template: 'lead',
        to: admin.email,
        subject: `Neue Anfrage: ${input.topic}`,
        fromName: tenant.name,
        element: createElement(LeadMail, { brand, name: `${input.firstName} ${input.lastName}`, topic: input.topic, url: `${tenantBaseUrl(tenant)}/contacts/${contactId}`, existing: Boolean(existing) }),
      });
    }
  });
}

/** ALS KUNDEN ÜBERNEHMEN: the Interessent becomes a regular contact (onboarding then proceeds as usual). */
export async function acceptLead(database: Db, tenantId: string, actor: EmployeeLike, contactId: string): Promise<void> {
  if (!canEditContacts(actor)) throw new DomainError('forbidden', 'Sie haben keine Berechtigung, Interessenten zu übernehmen.');
  await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    const [row] = await tx
      .select({ lead: contactProfiles.lead, advisorId: contactProfiles.advisorId })
      .from(contactProfiles)
      .innerJoin(users, and(eq(users.tenantId, contactProfiles.tenantId), eq(users.id, contactProfiles.userId)))
      .where(and(eq(contactProfiles.tenantId, tenantId), eq(contactProfiles.userId, contactId), eq(users.kind, 'client')))
      .for('update', { of: contactProfiles });
    if (!row || !canSeeContact(actor, { advisorId: row.advisorId })) throw new DomainError('not_found', 'Diesen Kontakt gibt es nicht (mehr) oder Sie haben keinen Zugriff darauf.');
    if (!row.lead) return;
    await tx
      .update(contactProfiles)
      .set({ lead: false, advisorId: row.advisorId ?? actor.id, updatedAt: sql`now()` })
      .where(and(eq(contactProfiles.tenantId, tenantId), eq(contactProfiles.userId, contactId)));
    await audit(tx, { tenantId, actorType: 'user', actorId: actor.id, action: 'lead.accepted', targetType: 'contact', targetId: contactId });
  });
}
