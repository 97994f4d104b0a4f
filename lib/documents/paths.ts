import type { DocumentArea } from '../db/schema';

type Audience = { kind: 'employee' | 'client' };

/** Where a contract lives for this account (advisor area or portal). */
export function contractPath(user: Audience, contactId: string, contractId: string): string {
  return user.kind === 'client' ? `/portal/contracts/${contractId}` : `/contacts/${contactId}/contracts/${contractId}`;
}

/** Where the documents of a place are listed for this account: a contract, an area, or PROFIL. */
export function placePath(user: Audience, contactId: string, area: DocumentArea, contractId: string | null): string {
  if (contractId) return contractPath(user, contactId, contractId);
  if (user.kind === 'client') return area === 'profile' ? '/portal/profile' : `/portal/folder/${area}`;
  return area === 'profile' ? `/contacts/${contactId}` : `/contacts/${contactId}/folder/${area}`;
}
