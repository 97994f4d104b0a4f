import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';

const b64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*={0,2}$/);

/** What the browser's navigator.credentials.create() gives back (as @simplewebauthn/browser encodes it). */
export const registrationResponseSchema = z
  .object({
    id: b64(1400),
    rawId: b64(1400),
    type: z.literal('public-key'),
    response: z
      .object({
        clientDataJSON: b64(4096),
        attestationObject: b64(32_000),
        transports: z.array(z.string().max(20)).max(10).optional(),
      })
      .loose(),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
    authenticatorAttachment: z.string().max(40).optional(),
  })
  .loose()
  .transform((v) => v as unknown as RegistrationResponseJSON);

/** What navigator.credentials.get() gives back. */
export const authenticationResponseSchema = z
  .object({
    id: b64(1400),
    rawId: b64(1400),
    type: z.literal('public-key'),
    response: z
      .object({
        clientDataJSON: b64(4096),
        authenticatorData: b64(4096),
        signature: b64(2048),
        userHandle: b64(200).optional(),
      })
      .loose(),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
    authenticatorAttachment: z.string().max(40).optional(),
  })
  .loose()
  .transform((v) => v as unknown as AuthenticationResponseJSON);

export const passwordSchema = z.string().min(1, 'account.passkey.passwordMissing').max(1024);

export const startRegistrationSchema = z.object({ password: passwordSchema });
export const finishRegistrationSchema = z.object({
  name: z.string().max(200).optional(),
  response: registrationResponseSchema,
});
export const renamePasskeySchema = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1, 'account.passkey.nameMissing').max(60, 'account.passkey.nameTooLong'),
});
export const removePasskeySchema = z.object({ id: z.uuid(), password: passwordSchema });
export const assertionSchema = z.object({ response: authenticationResponseSchema });

/** A response sent as JSON text (through Auth.js's credentials, which carry strings only). */
export function parseAssertion(raw: unknown): AuthenticationResponseJSON | null {
  if (typeof raw !== 'string' || raw.length > 16_000) return null;
  try {
    const parsed = authenticationResponseSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
