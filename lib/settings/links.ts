import type { MessageKey } from '../i18n';

export type LinkCheck = { ok: true; href: string } | { ok: false; error: MessageKey };

/**
 * "Link einfügen": only https, mailto and tel links (R-X1). A refusal carries the catalog key of its message
 * (the editor shows it in the reader's language, the server turns it into a field error).
 */
export function validateLinkUrl(raw: string): LinkCheck {
  const value = raw.trim();
  if (!value) return { ok: false, error: 'settings.link.empty' };
  if (value.length > 2000) return { ok: false, error: 'settings.link.tooLong' };
  // Control characters (and, except in phone numbers, whitespace) are a classic way to hide "javascript:".
  if (/[\u0000-\u001f\u007f]/.test(value) || (/\s/.test(value) && !/^tel:/i.test(value))) {
    return { ok: false, error: 'settings.link.whitespace' };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, error: 'settings.link.incomplete' };
  }
  if (url.protocol === 'https:') {
    if (!url.hostname.includes('.')) return { ok: false, error: 'settings.link.noHost' };
    if (url.username || url.password) return { ok: false, error: 'settings.link.credentials' };
    return { ok: true, href: url.href };
  }
  if (url.protocol === 'mailto:') {
    return /^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/i.test(value)
      ? { ok: true, href: `mailto:${value.slice(7)}` }
      : { ok: false, error: 'settings.link.mailto' };
  }
  if (url.protocol === 'tel:') {
    return /^tel:\+?[0-9 ()/.-]{3,30}$/i.test(value)
      ? { ok: true, href: `tel:${value.slice(4).replace(/\s+/g, '')}` }
      : { ok: false, error: 'settings.link.tel' };
  }
  return { ok: false, error: 'settings.link.scheme' };
}
