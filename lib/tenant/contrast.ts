/** WCAG 2.x colour arithmetic on #rrggbb colours (pure; the only colour format that ever reaches CSS). */

/** The three colours an admin picks in WHITELABEL. */
export interface ThemeColors {
  primary: string;
  secondary: string;
  font: string;
}

const hex = /^#[0-9a-fA-F]{6}$/;

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && hex.test(value);
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function luminance(color: string): number {
  if (!isHexColor(color)) throw new Error(`not a #rrggbb colour: ${String(color)}`);
  const n = Number.parseInt(color.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio, 1 … 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
