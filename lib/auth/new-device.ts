import { and, eq, ne, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { localeOf } from '../ctx';
import type { Tx } from '../db/client';
import { sessions, type Tenant, type User } from '../db/schema';
import { formatters, translate } from '../i18n';
import { brandFor } from '../mail/brand';
import { enqueueMail } from '../mail/outbox';
import { NewDeviceMail } from '../mail/templates/new-device';
import { tenantBaseUrl } from '../tenant/lookup';
import { hashSessionId } from './sessions';

/**
 * After a sign-in (inside its transaction): when the account has signed in before, but never with this
 * browser and system family, a mail goes to the account through the outbox – time and device only, and
 * the link to "Mein Zugang". The first sign-in ever and unparsable user agents send nothing.
 */
export async function noticeNewDevice(
  tx: Tx,
  tenant: Tenant,
  user: Pick<User, 'id' | 'kind' | 'email' | 'firstName' | 'locale'>,
  rawSessionId: string,
): Promise<boolean> {
  const idHash = hashSessionId(rawSessionId);
  const [row] = await tx
    .select({ device: sessions.device, at: sessions.createdAt })
    .from(sessions)
    .where(and(eq(sessions.tenantId, tenant.id), eq(sessions.idHash, idHash)));
  if (!row?.device) return false;
  const [seen] = await tx
    .select({
      earlier: sql<number>`count(*)::int`,
      same: sql<number>`(count(*) filter (where ${sessions.device} = ${row.device}))::int`,
    })
    .from(sessions)
    .where(and(eq(sessions.tenantId, tenant.id), eq(sessions.userId, user.id), ne(sessions.idHash, idHash)));
  if (!seen || seen.earlier === 0 || seen.same > 0) return false;
  const locale = localeOf(user, tenant);
  const accountPath = user.kind === 'employee' ? '/account' : '/portal/account';
  await enqueueMail(tx, {
    tenantId: tenant.id,
    template: 'new-device',
    to: user.email,
    subject: translate(locale, 'devices.mail.subject', { tenant: tenant.name }),
    fromName: tenant.name,
    element: createElement(NewDeviceMail, {
      brand: await brandFor(tx, tenant),
      firstName: user.firstName,
      when: formatters(locale).dateTime(row.at),
      device: row.device,
      accountUrl: `${tenantBaseUrl(tenant)}${accountPath}`,
      locale,
    }),
  });
  return true;
}
