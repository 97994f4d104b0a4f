import { generateSecret, generateSync, generateURI, verifySync, type VerifyResult } from 'otplib';

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s) through otplib. A code is accepted one step before or after the
 * server's clock (±30 s of drift) and only for a time step after the last accepted one, so a code – or an
 * older one – never counts twice.
 */
export const totpPolicy = { period: 30, toleranceSeconds: 30, digits: 6 } as const;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(input: { secret: string; issuer: string; label: string }): string {
  return generateURI({ issuer: input.issuer, label: input.label, secret: input.secret });
}

/** The code for a moment (tests and the demo). */
export function totpCode(secret: string, epochSeconds = Math.floor(Date.now() / 1000)): string {
  return generateSync({ secret, epoch: epochSeconds });
}

/** The time step of the accepted code, or null (wrong, outside the window, or not after `afterTimeStep`). */
export function checkTotp(input: {
  secret: string;
  code: string;
  afterTimeStep?: number | null;
  epochSeconds?: number;
}): number | null {
  const code = input.code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = verifySync({
      strategy: 'totp',
      secret: input.secret,
      token: code,
      epoch: input.epochSeconds ?? Math.floor(Date.now() / 1000),
      epochTolerance: totpPolicy.toleranceSeconds,
      ...(input.afterTimeStep != null ? { afterTimeStep: input.afterTimeStep } : {}),
    });
    const totp = result as VerifyResult;
    return totp.valid ? totp.timeStep : null;
  } catch {
    return null;
  }
}
