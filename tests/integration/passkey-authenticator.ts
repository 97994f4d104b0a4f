/**
 * A software authenticator for the passkey tests: an ES256 key from node:crypto, 'none' attestation, the
 * authenticator data and clientDataJSON built here by the WebAuthn layout (CBOR through
 * @simplewebauthn/server's own helper). It signs whatever challenge, origin and RP ID it is given, so a test
 * can play a browser on any host – including the wrong one.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();

const flags = { up: 0x01, uv: 0x04, at: 0x40 } as const;

export interface SoftAuthenticator {
  credentialId: Buffer;
  userHandle: string | null;
  counter: number;
  /** `alg` claims another COSE algorithm for the (P-256) key, for the test of the allowed list. */
  register(options: PublicKeyCredentialCreationOptionsJSON, origin: string, alg?: number): RegistrationResponseJSON;
  assert(
    options: PublicKeyCredentialRequestOptionsJSON,
    origin: string,
    opts?: { rpId?: string; uv?: boolean; counter?: number },
  ): AuthenticationResponseJSON;
}

function coseKey(publicKey: KeyObject, alg = -7): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  const map = new Map<number, number | Uint8Array>([
    [1, 2], // kty: EC2
    [3, alg], // alg: ES256 unless a test claims another
    [-1, 1], // crv: P-256
    [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
    [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
  ]);
  return isoCBOR.encode(map);
}

function authData(rpId: string, flagByte: number, counter: number, attested?: Buffer): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter);
  return Buffer.concat([sha256(rpId), Buffer.from([flagByte]), count, attested ?? Buffer.alloc(0)]);
}

const clientData = (type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string) =>
  Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

export function softAuthenticator(): SoftAuthenticator {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const credentialId = randomBytes(16);
  const self: SoftAuthenticator = {
    credentialId,
    userHandle: null,
    counter: 0,
    register(options, origin, alg) {
      self.userHandle = options.user.id;
      const idLen = Buffer.alloc(2);
      idLen.writeUInt16BE(credentialId.length);
      const attested = Buffer.concat([Buffer.alloc(16), idLen, credentialId, Buffer.from(coseKey(publicKey, alg))]);
      const data = authData(options.rp.id!, flags.up | flags.uv | flags.at, 0, attested);
      const attestationObject = isoCBOR.encode(
        new Map<string, string | Map<string, string> | Uint8Array>([
          ['fmt', 'none'],
          ['attStmt', new Map<string, string>()],
          ['authData', new Uint8Array(data)],
        ]),
      );
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key',
        response: {
          clientDataJSON: b64url(clientData('webauthn.create', options.challenge, origin)),
          attestationObject: b64url(attestationObject),
          transports: ['internal'],
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      };
    },
    assert(options, origin, opts = {}) {
      self.counter = opts.counter ?? self.counter + 1;
      const data = authData(opts.rpId ?? options.rpId!, flags.up | (opts.uv === false ? 0 : flags.uv), self.counter);
      const cdj = clientData('webauthn.get', options.challenge, origin);
      const signature = sign('sha256', Buffer.concat([data, sha256(cdj)]), privateKey);
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key',
        response: {
          clientDataJSON: b64url(cdj),
          authenticatorData: b64url(data),
          signature: b64url(signature),
          userHandle: self.userHandle ?? undefined,
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      };
    },
  };
  return self;
}
