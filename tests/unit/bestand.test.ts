import { describe, expect, it } from 'vitest';
import { niceMax } from '../../components/bestand/line-chart';
import { csvField, tableCsv } from '../../lib/bestand/csv';
import { monthsUpTo } from '../../lib/bestand/months';
import { chartColors, topBars } from '../../lib/bestand/palette';
import { cappedLabel } from '../../lib/dashboard/counts';
import { contrastRatio } from '../../lib/tenant/theme';

describe('BESTAND pieces', () => {
  it('takes the chart colours from the theme, replacing what is too light on white', () => {
    expect(chartColors({ primary: '#1d4ed8', secondary: '#0f766e', font: '#111827' })).toEqual({
      first: '#1d4ed8',
      second: '#0f766e',
    });
    const pale = chartColors({ primary: '#fde68a', secondary: '#e0f2fe', font: '#334155' });
    expect(pale.first).toBe('#334155');
    expect(contrastRatio(pale.second, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(chartColors({ primary: '#ffff00', secondary: '#ffffff', font: '#eeeeee' }).first).toBe('#1f2937');
  });

  it('keeps the largest bars and sums the rest', () => {
    const bars = [5, 1, 9, 3, 7].map((v) => ({ label: `b${v}`, value: v }));
    expect(topBars(bars, 2, (n) => `rest ${n}`)).toEqual([
      { label: 'b9', value: 9 },
      { label: 'b7', value: 7 },
      { label: 'rest 3', value: 9 },
    ]);
    expect(topBars(bars, 4, String)).toHaveLength(5); // one left over stays itself
  });

  it('lists the 12 months up to today, across the year boundary', () => {
    const m = monthsUpTo('2027-02-10');
    expect(m).toHaveLength(12);
    expect(m[0]).toMatchObject({ key: '2026-03', first: '2026-03-01', next: '2026-04-01' });
    expect(m.at(-1)).toMatchObject({ key: '2027-02', next: '2027-03-01', today: '2027-02-10' });
    expect(monthsUpTo('2026-12-31').at(-1)!.next).toBe('2027-01-01');
  });

  it('caps start-page counts at 99+', () => {
    expect(cappedLabel(0)).toBe('0');
    expect(cappedLabel(99)).toBe('99');
    expect(cappedLabel(100)).toBe('99+');
  });

  it('writes CSV fields safely', () => {
    expect(csvField('Alpha AG')).toBe('Alpha AG');
    expect(csvField('A;B')).toBe('"A;B"');
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    const csv = tableCsv(
      {
        id: 'providers',
        title: 'x',
        columns: [
          { label: 'Name', kind: 'text' },
          { label: 'Sum', kind: 'money' },
        ],
        rows: [[{ text: 'Alpha' }, { cents: 123456 }]],
      },
      'en',
    );
    expect(csv).toBe('\uFEFFName;Sum (EUR)\r\nAlpha;1234.56\r\n');
  });

  it('rounds the line chart up to whole grid steps', () => {
    expect([0, 1, 3, 7, 12, 48, 130].map(niceMax)).toEqual([2, 2, 5, 10, 20, 50, 200]);
  });
});
