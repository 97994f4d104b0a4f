import { contrastRatio, type ThemeColors } from '../tenant/theme';

/** Non-text contrast (WCAG 1.4.11): a bar or a line needs 3:1 against the white card. */
const readable = (color: string) => contrastRatio(color, '#ffffff') >= 3;

/**
 * The chart colours from the tenant's theme: the primary colour for the first series, the secondary for
 * the second, each replaced by the font colour or a dark grey when it is too light on white. Pure.
 */
export function chartColors(theme: ThemeColors): { first: string; second: string } {
  const first = readable(theme.primary) ? theme.primary : readable(theme.font) ? theme.font : '#1f2937';
  const second =
    readable(theme.secondary) && theme.secondary.toLowerCase() !== first.toLowerCase() ? theme.secondary : '#4b5563';
  return { first, second };
}

export interface Bar {
  label: string;
  value: number;
}

/** The largest `keep` bars, the rest summed into one ("Übrige (n)") so a chart stays readable. Pure. */
export function topBars(bars: readonly Bar[], keep: number, othersLabel: (count: number) => string): Bar[] {
  const sorted = [...bars].sort((a, b) => b.value - a.value);
  if (sorted.length <= keep + 1) return sorted;
  const rest = sorted.slice(keep);
  return [...sorted.slice(0, keep), { label: othersLabel(rest.length), value: rest.reduce((s, b) => s + b.value, 0) }];
}
