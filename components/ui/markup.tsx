/**
 * Long server-rendered lists as one string of plain markup (contract rows, contacts, tickets): React then
 * neither renders nor serialises each row's elements twice (HTML and RSC payload) – the payload carries one
 * string. Only for markup without interactivity; every value goes through `esc`.
 */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and (double-quoted) attribute values. */
export function esc(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).replace(/[&<>"']/g, (c) => entities[c]!);
}

/** A block of markup made with `esc`; `as` and the attributes are the wrapper's. */
export function Markup({
  html,
  as: Tag = 'div',
  className,
}: {
  html: string;
  as?: 'div' | 'tbody';
  className?: string;
}) {
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
