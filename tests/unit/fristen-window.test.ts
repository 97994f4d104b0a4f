import { describe, expect, it } from 'vitest';
import { addDays, addMonths, contractDeadlines, type Deadline, toIso } from '../../lib/deadlines';
import { csvCell, csvLine } from '../../lib/fristen/csv';
import { filtersOf, queryOf } from '../../lib/fristen/query';
import { todayInGermany } from '../../lib/fristen/today';
import { inWindow, parseCursor, sortKey, windowRange } from '../../lib/fristen/window';

const today = { year: 2026, month: 11, day: 1 };
const kfz = (mainDueDate: { year: number; month: number; day: number }) =>
  contractDeadlines({ sparte: '050', status: 'running', mainDueDate, autoRenewal: true }, today)[0]!;

describe('inWindow', () => {
  it('puts a Kfz deadline (Hauptfälligkeit 01.01.) into the windows by its last day', () => {
    const d = kfz({ year: 2027, month: 1, day: 1 }); // bis 30.11.2026: 29 days ahead
    expect(d.state).toBe('open');
    expect(inWindow(d, '30', today)).toBe(true);
    expect(inWindow(d, '90', today)).toBe(true);
    expect(inWindow(d, 'overdue', today)).toBe(false);
    expect(inWindow(d, 28, today)).toBe(false);
    expect(inWindow(d, 29, today)).toBe(true);
  });

  it('an overdue one only in "overdue", an unknown one nowhere', () => {
    const late = contractDeadlines(
      { sparte: '050', status: 'running', mainDueDate: { year: 2026, month: 11, day: 15 }, autoRenewal: true },
      today,
    ).find((d) => d.state === 'overdue')!;
    expect(inWindow(late, 'overdue', today)).toBe(true);
    expect(inWindow(late, '180', today)).toBe(false);
    const unknown = contractDeadlines({ sparte: '050', status: 'running' }, today)[0] as Deadline;
    expect(unknown.state).toBe('unknown');
    for (const w of ['overdue', '30', '90', '180'] as const) expect(inWindow(unknown, w, today)).toBe(false);
  });
});

describe('keyset order and cursor', () => {
  const id = (n: number) => `0000000${n}-0000-4000-8000-000000000000`;
  it('orders by last day, then contract, then deadline; parses only its own cursors', () => {
    const a = sortKey({ year: 2026, month: 11, day: 30 }, id(2), 'motor:2027-01-01');
    const b = sortKey({ year: 2026, month: 12, day: 1 }, id(1), 'ordinary:2027-03-01');
    expect(a < b).toBe(true);
    expect(parseCursor(a)).toBe(a);
    expect(parseCursor("2026-11-30|x' or 1=1|y")).toBeNull();
    expect(parseCursor('')).toBeNull();
  });

  it("the stored rows' day ranges show exactly what the engine puts into each window", () => {
    for (let offset = -60; offset <= 200; offset++) {
      const main = addDays(addMonths(today, 1), offset);
      for (const d of contractDeadlines(
        { sparte: '050', status: 'running', mainDueDate: main, autoRenewal: true },
        today,
      )) {
        if (d.state === 'unknown') continue;
        const iso = toIso(d.lastDay);
        for (const w of ['overdue', '30', '90', '180', 0, 7] as const) {
          const { from, to } = windowRange(w, today);
          expect(iso >= from && iso <= to, `${iso} ${w}`).toBe(inWindow(d, w, today));
        }
      }
    }
  });
});

describe('query and CSV', () => {
  it('reads the list filters from the URL, ignores anything else', () => {
    expect(filtersOf({ fenster: '90', sparte: '050', erledigt: '1', versicherer: 'Allianz' })).toMatchObject({
      window: '90',
      sparte: '050',
      showDone: true,
      provider: 'Allianz',
      advisorId: null,
    });
    expect(filtersOf({ fenster: '365', sparte: 'x', betreuer: 'nicht-uuid', nach: 'kaputt' })).toMatchObject({
      window: '30',
      sparte: null,
      advisorId: null,
      after: null,
    });
    expect(queryOf(filtersOf({ fenster: '90', sparte: '050' }), { nach: 'c' })).toBe('?fenster=90&sparte=050&nach=c');
    expect(queryOf(filtersOf({}))).toBe('');
  });

  it('quotes cells and defuses formulas', () => {
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(null)).toBe('""');
    expect(csvLine(['a', 1])).toBe('"a";"1"\r\n');
  });

  it('today is the German calendar day', () => {
    expect(todayInGermany(new Date('2026-12-31T23:30:00Z'))).toEqual({ year: 2027, month: 1, day: 1 });
    expect(todayInGermany(new Date('2026-06-30T21:59:00Z'))).toEqual({ year: 2026, month: 6, day: 30 });
  });
});
