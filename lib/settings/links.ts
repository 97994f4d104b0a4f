/** "Link einfügen": only https, mailto and tel links (R-X1); anything else gets a German message. */
export function validateLinkUrl(raw: string): { ok: true; href: string } | { ok: false; message: string } {
  const value = raw.trim();
  if (!value) return { ok: false, message: 'Bitte geben Sie eine Adresse ein.' };
  if (value.length > 2000) return { ok: false, message: 'Die Adresse ist zu lang.' };
  // Control characters (and, except in phone numbers, whitespace) are a classic way to hide "javascript:".
  if (/[\u0000-\u001f\u007f]/.test(value) || (/\s/.test(value) && !/^tel:/i.test(value))) {
    return { ok: false, message: 'Die Adresse darf keine Leer- oder Steuerzeichen enthalten.' };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: 'Bitte geben Sie eine vollständige Adresse ein, z. B. https://www.ihre-firma.de, mailto:info@ihre-firma.de oder tel:+4940123456.' };
  }
  if (url.protocol === 'https:') {
    if (!url.hostname.includes('.')) return { ok: false, message: 'Bitte geben Sie eine vollständige Internetadresse ein.' };
    if (url.username || url.password) return { ok: false, message: 'Adressen mit Benutzername oder Passwort sind nicht erlaubt.' };
    return { ok: true, href: url.href };
  }
  if (url.protocol === 'mailto:') {
    return /^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/i.test(value) ? { ok: true, href: `mailto:${value.slice(7)}` } : { ok: false, message: 'Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. mailto:info@ihre-firma.de.' };
  }
  if (url.protocol === 'tel:') {
    return /^tel:\+?[0-9 ()/.-]{3,30}$/i.test(value) ? { ok: true, href: `tel:${value.slice(4).replace(/\s+/g, '')}` } : { ok: false, message: 'Bitte geben Sie eine gültige Telefonnummer an, z. B. tel:+4940123456.' };
  }
  return { ok: false, message: 'Erlaubt sind nur Links mit https://, mailto: oder tel:.' };
}
