import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../lib/tenant/contrast';
import { AA, INK, lightSurfaces, mix, readableTheme, WHITE, worstContrast } from '../../lib/tenant/readable';
import { defaultTheme, themeToCssVars } from '../../lib/tenant/theme';

/** Every pair the app draws, with the colours readableTheme chose. */
function pairsOf(theme: { primary: string; secondary: string; font: string }) {
  const r = readableTheme(theme);
  return {
    r,
    font: worstContrast(r.font, lightSurfaces(theme)),
    onPrimary: contrastRatio(r.onPrimary, r.primary),
    onSecondary: contrastRatio(r.onSecondary, r.secondary),
    primaryText: worstContrast(r.primaryText, [WHITE, '#f5f6f8', mix(r.primary, WHITE, 0.1)]),
  };
}

describe('readable tenant colours', () => {
  it('mixes like CSS color-mix in srgb', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#1d4ed8', '#ffffff', 1)).toBe('#1d4ed8');
    expect(mix('#1d4ed8', '#ffffff', 0)).toBe('#ffffff');
  });

  it('keeps a readable theme as picked and reports nothing (the default, the demo tenants)', () => {
    for (const theme of [
      defaultTheme,
      { primary: '#0b4f6c', secondary: '#f2a541', font: '#1f2933' },
      { primary: '#7c2d12', secondary: '#0f766e', font: '#1c1917' },
    ]) {
      const r = readableTheme(theme);
      expect(r.adjusted).toEqual([]);
      expect(r.font).toBe(theme.font);
      expect(r.primaryText).toBe(theme.primary);
    }
  });

  it('ERSTE SCHRIFTFARBE white: the ink colour instead, reported', () => {
    const r = readableTheme({ ...defaultTheme, font: '#FFFFFF' });
    expect(r.font).toBe(INK);
    expect(r.adjusted).toEqual([
      expect.objectContaining({ pair: 'font', picked: '#ffffff', used: INK, pickedRatio: 1 }),
    ]);
    // Text on the HAUPTFARBE stays white (the better of white and the ink colour).
    expect(r.onPrimary).toBe(WHITE);
  });

  it('a light HAUPTFARBE: dark text on it, and a darkened HAUPTFARBE for links and focus rings', () => {
    const r = readableTheme({ primary: '#facc15', secondary: '#fde68a', font: '#1f2933' });
    expect(r.onPrimary).toBe('#1f2933');
    expect(r.onSecondary).toBe('#1f2933');
    expect(r.primaryText).not.toBe('#facc15');
    expect(worstContrast(r.primaryText, [WHITE, '#f5f6f8'])).toBeGreaterThanOrEqual(AA);
    expect(r.adjusted.map((a) => a.pair)).toEqual(['primaryText']);
  });

  it('a mid-grey surface where neither white nor the ink colour reaches 4.5:1 gets black', () => {
    const r = readableTheme({ primary: '#808080', secondary: '#0f766e', font: '#111827' });
    expect(contrastRatio(WHITE, '#808080')).toBeLessThan(AA);
    expect(contrastRatio(INK, '#808080')).toBeLessThan(AA);
    expect(r.onPrimary).toBe('#000000');
    expect(r.adjusted.map((a) => a.pair)).toContain('onPrimary');
  });

  it('a white text on a white ZWEITFARBE is never chosen', () => {
    const r = readableTheme({ primary: '#1d4ed8', secondary: '#ffffff', font: '#ffffff' });
    expect(r.onSecondary).toBe(INK);
    expect(r.font).toBe(INK);
  });

  it('whatever is picked, every pair reaches 4.5:1 (a sweep over the colour cube)', () => {
    const steps = ['00', '33', '66', '80', '99', 'cc', 'ff'];
    const colours = steps.flatMap((r) => steps.flatMap((g) => steps.map((b) => `#${r}${g}${b}`)));
    let checked = 0;
    for (let i = 0; i < colours.length; i++) {
      const theme = {
        primary: colours[i]!,
        secondary: colours[(i * 7 + 3) % colours.length]!,
        font: colours[(i * 13 + 5) % colours.length]!,
      };
      const p = pairsOf(theme);
      expect(p.font, JSON.stringify(theme)).toBeGreaterThanOrEqual(AA);
      expect(p.onPrimary, JSON.stringify(theme)).toBeGreaterThanOrEqual(AA);
      expect(p.onSecondary, JSON.stringify(theme)).toBeGreaterThanOrEqual(AA);
      expect(p.primaryText, JSON.stringify(theme)).toBeGreaterThanOrEqual(AA);
      checked++;
    }
    expect(checked).toBe(343);
  });

  it('the CSS variables carry the readable colours', () => {
    expect(themeToCssVars({ ...defaultTheme, font: '#ffffff' })['--tenant-font']).toBe(INK);
    expect(themeToCssVars({ primary: '#facc15', secondary: '#0f766e', font: '#111827' })['--tenant-on-primary']).toBe(
      '#111827',
    );
  });
});
