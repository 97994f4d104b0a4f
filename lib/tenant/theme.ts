/** Pure theme helpers: only #rrggbb colours ever reach CSS. */

export interface ThemeColors {
  primary: string;
  secondary: string;
  font: string;
}

export const defaultTheme: ThemeColors = { primary: '#1d4ed8', secondary: '#0f766e', font: '#111827' };

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

/** Black or white, whichever reads better on the given background. */
export function readableOn(background: string): '#ffffff' | '#111827' {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#111827') ? '#ffffff' : '#111827';
}

/**
 * The tenant's colours as CSS custom properties (feeding Tailwind's colour tokens in app/globals.css).
 * Throws on anything but #rrggbb, so no CSS can be injected through a colour.
 */
export function themeToCssVars(theme: ThemeColors): Record<string, string> {
  for (const [name, value] of Object.entries(theme)) {
    if (!isHexColor(value)) throw new Error(`invalid ${name} colour: ${String(value)}`);
  }
  return {
    '--tenant-primary': theme.primary.toLowerCase(),
    '--tenant-on-primary': readableOn(theme.primary),
    '--tenant-secondary': theme.secondary.toLowerCase(),
    '--tenant-on-secondary': readableOn(theme.secondary),
    '--tenant-font': theme.font.toLowerCase(),
  };
}

/** The same variables as a CSS declaration block for a <style> element. */
export function themeToCss(theme: ThemeColors): string {
  const vars = themeToCssVars(theme);
  return `:root{${Object.entries(vars)
    .map(([k, v]) => `${k}:${v}`)
    .join(';')}}`;
}
