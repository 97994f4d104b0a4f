import { randomUUID } from 'node:crypto';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const segment = /^[a-z0-9][a-z0-9-]{0,40}$/;

/**
 * Object keys are always built here: tenants/<tenantId>/<area>/<random uuid>. A file name from the
 * browser never becomes part of a key (R-Z6).
 */
export function objectKey(tenantId: string, area: string, id: string = randomUUID()): string {
  if (!uuid.test(tenantId)) throw new Error('objectKey: tenantId must be a uuid');
  if (!segment.test(area)) throw new Error('objectKey: invalid area');
  if (!uuid.test(id)) throw new Error('objectKey: id must be a uuid');
  return `tenants/${tenantId}/${area}/${id}`;
}

/** True when the key lies inside the tenant's own prefix. */
export function keyBelongsTo(key: string, tenantId: string): boolean {
  return key.startsWith(`tenants/${tenantId}/`) && !key.includes('..');
}
