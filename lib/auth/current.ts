import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '../db/client';
import type { Tenant } from '../db/schema';
import { serverEnv } from '../env';
import { currentTenant } from '../tenant/request';
import { mustSetUpFactor } from '../access/factors';
import { sessionCookieName } from './cookie';
import { checkSession, type SessionUser } from './sessions';

/** A live session of this host's tenant: the tenant, the account and the session id. */
export interface SignedIn {
  tenant: Tenant;
  user: SessionUser;
  sessionId: string;
  /** The tenant requires a second factor and this employee has none yet: only the setup is open. */
  factorSetupPending: boolean;
}

/** Where an employee held to a second factor sets it up (the only page open until then). */
export const factorSetupPath = '/account/zwei-faktor';

/** Reads the session id from the Auth.js cookie; null when missing, forged or expired. */
export async function readSessionToken(): Promise<{ sid: string; tid: string } | null> {
  const name = sessionCookieName();
  const raw = (await cookies()).get(name)?.value;
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: serverEnv().AUTH_SECRET, salt: name });
    if (!token || typeof token.sid !== 'string' || typeof token.tid !== 'string') return null;
    return { sid: token.sid, tid: token.tid };
  } catch {
    return null;
  }
}

/**
 * The signed-in user of this request, re-checked against PostgreSQL every time: the session must belong
 * to the tenant of this host (a cookie from another tenant is refused), be live and not revoked.
 */
export const currentActor = cache(async (): Promise<SignedIn | null> => {
  const tenant = await currentTenant();
  if (!tenant) return null;
  const token = await readSessionToken();
  if (!token || token.tid !== tenant.id) return null;
  // One statement: the session, the account and what the second-factor rule needs (lib/access/factors.ts).
  const checked = await checkSession(db(), token.sid, tenant.id);
  if (!checked) return null;
  const { user, requireEmployeeMfa, hasSecondFactor } = checked;
  return {
    tenant,
    user,
    sessionId: token.sid,
    factorSetupPending: mustSetUpFactor(user, { requireEmployeeMfa }, hasSecondFactor),
  };
});

export function homePathFor(user: Pick<SessionUser, 'kind'>): string {
  return user.kind === 'employee' ? '/dashboard' : '/portal';
}

/**
 * For advisor pages: an employee of this tenant, else to the login page. An employee who still has to set up
 * the second factor the tenant requires is sent to that setup (only its page passes `factorSetup`).
 */
export async function requireAdvisor(options: { factorSetup?: boolean } = {}): Promise<SignedIn> {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (actor.user.kind !== 'employee') redirect(homePathFor(actor.user));
  if (actor.factorSetupPending && !options.factorSetup) redirect(factorSetupPath);
  return actor;
}

/** For portal pages and actions: a client of this tenant, else to the login page. */
export async function requireClient(): Promise<SignedIn> {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (actor.user.kind !== 'client') redirect(homePathFor(actor.user));
  return actor;
}
