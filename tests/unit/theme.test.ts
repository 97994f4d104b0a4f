import { describe, expect, it } from 'vitest';
import { contrastRatio, isHexColor, readableOn, themeToCss, themeToCssVars } from '../../lib/tenant/theme';

describe('theme → CSS variables', () => {
  it('emits the tenant colours as custom properties, lower-cased', () => {
    expect(themeToCssVars({ primary: '#0B4F6C', secondary: '#f2a541', font: '#1f2933' })).toEqual({
      '--tenant-primary': '#0b4f6c',
      '--tenant-on-primary': '#ffffff',
      '--tenant-secondary': '#f2a541',
      // Dark text on the light ZWEITFARBE: the tenant's own ink colour (lib/tenant/readable.ts).
      '--tenant-on-secondary': '#1f2933',
      '--tenant-font': '#1f2933',
      '--tenant-primary-text': '#0b4f6c',
    });
  });

  it.each([
    'red',
    '#fff',
    '#12345g',
    'red;}body{background:url(//x)}',
    '#123456;color:red',
    ' #123456',
    '#1234567',
    '',
  ])('rejects %j', (bad) => {
    expect(isHexColor(bad)).toBe(false);
    expect(() => themeToCssVars({ primary: bad, secondary: '#000000', font: '#000000' })).toThrow();
    expect(() => themeToCssVars({ primary: '#000000', secondary: '#000000', font: bad })).toThrow();
  });

  it('builds a :root block', () => {
    expect(themeToCss({ primary: '#000000', secondary: '#ffffff', font: '#111111' })).toBe(
      ':root{--tenant-primary:#000000;--tenant-on-primary:#ffffff;--tenant-secondary:#ffffff;--tenant-on-secondary:#111111;--tenant-font:#111111;--tenant-primary-text:#000000}',
    );
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(readableOn('#ffff00')).toBe('#111827');
    expect(readableOn('#1d4ed8')).toBe('#ffffff');
  });
});
