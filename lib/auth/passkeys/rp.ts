import { COSEALG } from '@simplewebauthn/server/helpers';
import { normalizeHost } from '../../tenant/host';

/** The WebAuthn relying party of a request: the tenant's own host and the origin the browser shows. */
export interface RelyingParty {
  /** The host name without port (demo.mappe.de, portal.makler.de): a passkey is bound to it. */
  rpId: string;
  /** scheme://host[:port], exactly as the browser puts it into clientDataJSON. */
  origin: string;
  /** The name an authenticator shows (the tenant's name). */
  rpName: string;
}

/**
 * The key algorithms a passkey may use: Ed25519, P-256 and RSA, which every supported Node (20.19 and up) can
 * verify. @simplewebauthn/server's default adds ML-DSA where the running Node's Web Crypto has it (Node 24) and
 * puts it first; an authenticator that takes it then signs with 2.4 to 4.6 KB signatures, and the passkey would
 * be unusable once the server runs on a Node without ML-DSA. So the list is fixed here, for options and check.
 */
export const passkeyAlgorithms: number[] = [COSEALG.EdDSA, COSEALG.ES256, COSEALG.RS256];

/** Passkey challenges live 5 minutes, single use (lib/auth/passkeys/store.ts). */
export const challengePolicy = { ttlSeconds: 5 * 60, timeoutMs: 5 * 60 * 1000 } as const;

/**
 * The relying party from the host the request came to (the same host that named the tenant: the sub-domain
 * or the custom domain), never from input. Null for a host that is no plain host name.
 */
export function relyingParty(
  rawHost: string | null | undefined,
  scheme: 'http' | 'https',
  rpName: string,
): RelyingParty | null {
  const rpId = normalizeHost(rawHost);
  if (!rpId || !rawHost) return null;
  const port = /:(\d{1,5})$/.exec(rawHost.trim())?.[1];
  const defaultPort = scheme === 'https' ? '443' : '80';
  const origin = `${scheme}://${rpId}${port && port !== defaultPort ? `:${port}` : ''}`;
  return { rpId, origin, rpName };
}

/** A passkey's name as the account gave it: trimmed, one line, at most 60 characters. */
export function passkeyName(raw: string | null | undefined, fallback: string): string {
  const name = (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
  return name || fallback;
}
