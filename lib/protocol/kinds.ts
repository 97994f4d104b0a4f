import { folderDetail } from '../contacts/activity';
import { isMessageKey, translate, type Locale } from '../i18n';

/**
 * The audit kinds PROTOKOLL knows by name (the filter's list). Any other kind – a new one from another
 * module – is still shown, with the generic label naming the kind itself.
 */
export const knownKinds = [
  'auth.login.succeeded',
  'auth.login.failed',
  'auth.login.throttled',
  'auth.logout',
  'auth.session.ended',
  'auth.session.others_ended',
  'auth.session.all_ended',
  'auth.password.changed',
  'auth.password.failed',
  'auth.password.throttled',
  'auth.password.reset',
  'auth.reset.requested',
  'auth.account.activated',
  'auth.link.burned',
  'auth.pin.failed',
  'auth.pin.account_locked',
  'auth.totp_enabled',
  'auth.totp_disabled',
  'auth.totp_failed',
  'auth.recovery_codes_renewed',
  'auth.recovery_code_used',
  'auth.passkey_added',
  'auth.passkey_renamed',
  'auth.passkey_removed',
  'auth.factor_reset',
  'contact.opened',
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'contact.archived',
  'contact.unarchived',
  'contact.exported',
  'contact.account.created',
  'contact.registration.sent',
  'contact.profile.changed_by_client',
  'grants.changed',
  'contract.created',
  'contract.updated',
  'contract.deleted',
  'document.added',
  'document.viewed',
  'document.downloaded',
  'document.deleted',
  'ticket.created',
  'ticket.replied',
  'ticket.forwarded',
  'ticket.closed',
  'lead.created',
  'lead.accepted',
  'user.created',
  'user.updated',
  'user.locked',
  'user.unlocked',
  'user.invitation.resent',
  'provider.added',
  'provider.removed',
  'settings.embed.saved',
  'settings.impressum.saved',
  'settings.signature.saved',
  'settings.logo.uploaded',
  'settings.favicon.uploaded',
  'support.requested',
  'tenant.created',
  'protocol.exported',
] as const;

/** What a kind is called in the reader's language: its catalog label, else "Ereignis „<kind>“". */
export function kindLabel(locale: Locale, kind: string): string {
  const key = `protocol.kinds.${kind.replace(/\./g, '_')}`;
  return isMessageKey(key) ? translate(locale, key) : translate(locale, 'protocol.kinds.unknown', { kind });
}

/** A short detail of a row (document title, contract, count of ended sessions); null when there is none. */
export function detailOf(locale: Locale, kind: string, meta: Record<string, unknown> | null): string | null {
  if (!meta) return null;
  if (kind.startsWith('contract.') || kind.startsWith('document.')) return folderDetail(kind, meta, locale) || null;
  if (typeof meta.ended === 'number') return translate(locale, 'protocol.detail.ended', { count: meta.ended });
  if (typeof meta.files === 'number') return translate(locale, 'protocol.detail.files', { count: meta.files });
  return null;
}
