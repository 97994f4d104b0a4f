/**
 * Readable tenant colours: whatever an admin picks in WHITELABEL, the text the app draws on the page
 * background, on light tinted surfaces, on the HAUPTFARBE and on the ZWEITFARBE reaches WCAG AA (4.5:1).
 * Where the picked colour does not, white or the ink colour is chosen instead, and the pair is reported
 * (the WHITELABEL preview lists it). Pure: used server-side for the theme variables and in the preview.
 */
import { contrastRatio, isHexColor, type ThemeColors } from './contrast';

export const AA = 4.5;
export const WHITE = '#ffffff';
/** The default ink colour: the fallback for text on light surfaces. */
export const INK = '#111827';
export const BLACK = '#000000';
/** The page background of app/globals.css (html). */
export const PAGE_BACKGROUND = '#f5f6f8';

export type ThemePair = 'font' | 'onPrimary' | 'onSecondary' | 'primaryText';

export interface Adjustment {
  pair: ThemePair;
  /** The colour that would have been used (the picked one, or the better of white and the font colour). */
  picked: string;
  pickedRatio: number;
  /** The colour used instead, and its contrast on the (worst) surface of the pair. */
  used: string;
  ratio: number;
}

export interface ReadableTheme {
  primary: string;
  secondary: string;
  /** Text on light surfaces (page background, white cards, tinted rows). */
  font: string;
  onPrimary: string;
  onSecondary: string;
  /** The HAUPTFARBE as text and focus ring on light surfaces (links, tab labels): darkened until it reads. */
  primaryText: string;
  adjusted: Adjustment[];
}

const hex2 = (n: number) =>
  Math.round(Math.min(255, Math.max(0, n)))
    .toString(16)
    .padStart(2, '0');

/** `color-mix(in srgb, a p%, b)`: each channel mixed on the encoded values, as CSS does. */
export function mix(a: string, b: string, share: number): string {
  const pa = Number.parseInt(a.slice(1), 16);
  const pb = Number.parseInt(b.slice(1), 16);
  const ch = (n: number, s: number) => (n >> s) & 255;
  return `#${[16, 8, 0].map((s) => hex2(ch(pa, s) * share + ch(pb, s) * (1 - share))).join('')}`;
}

/** The lowest contrast of a text colour over several surfaces. */
export function worstContrast(text: string, surfaces: string[]): number {
  return Math.min(...surfaces.map((s) => contrastRatio(text, s)));
}

/** The first candidate that reaches AA on every surface, else the one that comes closest. */
function firstReadable(candidates: string[], surfaces: string[]): { color: string; ratio: number } {
  let best = { color: candidates[0]!, ratio: worstContrast(candidates[0]!, surfaces) };
  for (const color of candidates) {
    const ratio = worstContrast(color, surfaces);
    if (ratio >= AA) return { color, ratio };
    if (ratio > best.ratio) best = { color, ratio };
  }
  return best;
}

/** The light surfaces text of the font colour sits on (tints as app/globals.css mixes them). */
export function lightSurfaces(theme: Pick<ThemeColors, 'primary' | 'secondary'>): string[] {
  return [WHITE, PAGE_BACKGROUND, mix(theme.primary, WHITE, 0.1), mix(theme.secondary, WHITE, 0.16)];
}

/** A colour darkened (mixed with black) in small steps until it reaches AA on the given surfaces. */
function darkenUntilReadable(color: string, surfaces: string[]): string {
  for (let share = 1; share > 0; share -= 0.05) {
    const c = mix(color, BLACK, share);
    if (worstContrast(c, surfaces) >= AA) return c;
  }
  return BLACK;
}

export function readableTheme(theme: ThemeColors): ReadableTheme {
  for (const [name, value] of Object.entries(theme)) {
    if (!isHexColor(value)) throw new Error(`invalid ${name} colour: ${String(value)}`);
  }
  const primary = theme.primary.toLowerCase();
  const secondary = theme.secondary.toLowerCase();
  const picked = theme.font.toLowerCase();
  const adjusted: Adjustment[] = [];
  const light = lightSurfaces({ primary, secondary });

  // ERSTE SCHRIFTFARBE on the light surfaces: the picked colour, else the ink colour (or black).
  const fontRatio = worstContrast(picked, light);
  let font = picked;
  if (fontRatio < AA) {
    const choice = firstReadable([INK, BLACK], light);
    font = choice.color;
    adjusted.push({ pair: 'font', picked, pickedRatio: fontRatio, used: font, ratio: choice.ratio });
  }

  // Text on a coloured surface: white or the ink colour, whichever reads better; black as the last resort.
  const on = (pair: ThemePair, surface: string) => {
    const [a, b] = [WHITE, font];
    const preferred = contrastRatio(a, surface) >= contrastRatio(b, surface) ? a : b;
    const preferredRatio = contrastRatio(preferred, surface);
    if (preferredRatio >= AA) return preferred;
    const choice = firstReadable([INK, BLACK, WHITE], [surface]);
    adjusted.push({ pair, picked: preferred, pickedRatio: preferredRatio, used: choice.color, ratio: choice.ratio });
    return choice.color;
  };
  const onPrimary = on('onPrimary', primary);
  const onSecondary = on('onSecondary', secondary);

  // The HAUPTFARBE as text on white and the page background.
  const textSurfaces = [WHITE, PAGE_BACKGROUND, mix(primary, WHITE, 0.1)];
  const primaryRatio = worstContrast(primary, textSurfaces);
  let primaryText = primary;
  if (primaryRatio < AA) {
    primaryText = darkenUntilReadable(primary, textSurfaces);
    adjusted.push({
      pair: 'primaryText',
      picked: primary,
      pickedRatio: primaryRatio,
      used: primaryText,
      ratio: worstContrast(primaryText, textSurfaces),
    });
  }
  return { primary, secondary, font, onPrimary, onSecondary, primaryText, adjusted };
}
