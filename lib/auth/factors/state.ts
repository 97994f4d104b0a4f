import { maySwitchOffFactor } from '../../access/factors';
import type { Ctx } from '../../ctx';
import { factorSummary } from './store';

/** What "Mein Zugang" shows of the account's second factor. */
export async function myFactorState(ctx: Ctx) {
  const summary = await factorSummary(ctx.db, ctx.tenant.id, ctx.actor.id);
  return {
    on: summary.totp,
    recoveryLeft: summary.recoveryLeft,
    passkeys: summary.passkeys,
    canSwitchOff: maySwitchOffFactor(ctx.actor, ctx.tenant, summary.passkeys),
  };
}
