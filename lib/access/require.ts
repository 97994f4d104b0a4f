import { DomainError } from '../errors';
import type { MessageKey } from '../i18n';
import { canManageSettings, canManageUsers, canViewContacts, isAdmin, type EmployeeLike } from './employee';

/**
 * Guards for verbs: throw `forbidden` unless the right holds. The rule itself is one of the pure functions
 * beside this file; this only turns "no" into the error every caller maps the same way.
 */
export function requireRight(allowed: boolean, key: MessageKey = 'errors.forbidden'): void {
  if (!allowed) throw new DomainError('forbidden', key);
}

export const requireAdmin = (actor: EmployeeLike) => requireRight(isAdmin(actor));
export const requireSettingsRight = (actor: EmployeeLike, key?: MessageKey) =>
  requireRight(canManageSettings(actor), key);
export const requireUsersRight = (actor: EmployeeLike, key?: MessageKey) => requireRight(canManageUsers(actor), key);
export const requireContactsRight = (actor: EmployeeLike) => requireRight(canViewContacts(actor));
export const requireEmployee = (actor: EmployeeLike) => requireRight(actor.kind === 'employee');
