/** Pure theme helpers: only #rrggbb colours ever reach CSS. */
import { contrastRatio, isHexColor, type ThemeColors } from './contrast';
import { readableTheme } from './readable';

export { contrastRatio, isHexColor, luminance } from './contrast';

export type { ThemeColors } from './contrast';

export const defaultTheme: ThemeColors = { primary: '#1d4ed8', secondary: '#0f766e', font: '#111827' };

/** Black or white, whichever reads better on the given background. */
export function readableOn(background: string): '#ffffff' | '#111827' {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#111827') ? '#ffffff' : '#111827';
}

/**
 * The tenant's colours as CSS custom properties (feeding Tailwind's colour tokens in app/globals.css),
 * made readable (lib/tenant/readable.ts): a picked colour that fails 4.5:1 on its surface is replaced by
 * white or the ink colour. Throws on anything but #rrggbb, so no CSS can be injected through a colour.
 */
export function themeToCssVars(theme: ThemeColors): Record<string, string> {
  for (const [name, value] of Object.entries(theme)) {
    if (!isHexColor(value)) throw new Error(`invalid ${name} colour: ${String(value)}`);
  }
  const r = readableTheme(theme);
  return {
    '--tenant-primary': r.primary,
    '--tenant-on-primary': r.onPrimary,
    '--tenant-secondary': r.secondary,
    '--tenant-on-secondary': r.onSecondary,
    '--tenant-font': r.font,
    '--tenant-primary-text': r.primaryText,
  };
}

/** The same variables as a CSS declaration block for a <style> element. */
export function themeToCss(theme: ThemeColors): string {
  const vars = themeToCssVars(theme);
  return `:root{${Object.entries(vars)
    .map(([k, v]) => `${k}:${v}`)
    .join(';')}}`;
}
