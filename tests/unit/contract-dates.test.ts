import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../../lib/actions/result';
import { contractInitial } from '../../lib/contracts/areas';
import { parseContractDate, showContractDate } from '../../lib/contracts/dates';
import { comparableValue } from '../../lib/contracts/rules';
import { contractSchema } from '../../lib/contracts/schemas';
import { defaultNoticeMonths } from '../../components/contracts/deadline-fields';

const kfz = {
  area: 'insurance',
  status: 'aktiv',
  product: 'Kfz-Versicherung',
  provider: 'Allianz Versicherungs-AG',
  number: 'KF 1',
};
const parse = (extra: Record<string, string>) => contractSchema.safeParse({ ...kfz, ...extra });

describe('parseContractDate', () => {
  it.each([
    ['01.01.2027', true, { full: '2027-01-01', partial: null }],
    ['2027-01-01', false, { full: '2027-01-01', partial: null }],
    ['03.2004', true, { full: null, partial: '2004-03' }],
    ['3.2004', true, { full: null, partial: '2004-03' }],
    ['2004-03', true, { full: null, partial: '2004-03' }],
    ['2004', true, { full: null, partial: '2004' }],
    ['', true, null],
    ['03.2004', false, undefined],
    ['13.2004', true, undefined],
    ['1899', true, undefined],
    ['31.02.2024', true, undefined],
    ['bald', true, undefined],
  ] as const)('%j (partial %s) → %j', (v, partial, want) => {
    expect(parseContractDate(v, partial)).toEqual(want);
  });

  it('shows stored dates the German way, partial ones as MM.JJJJ / JJJJ', () => {
    expect(showContractDate('2027-01-01')).toBe('01.01.2027');
    expect(showContractDate(null, '2004-03')).toBe('03.2004');
    expect(showContractDate(null, '2004')).toBe('2004');
    expect(showContractDate(null, null)).toBe('');
  });
});

describe('contractSchema: deadline fields (insurance)', () => {
  it('parses the dates, the notice, the renewal and the events', () => {
    const r = parse({
      startDate: '03.2004',
      endDate: '2027',
      mainDueDate: '01.01.2027',
      noticeMonths: '1',
      autoRenewal: 'yes',
      premiumIncreaseReceivedOn: '15.10.2026',
      claimSettledOn: '2026-09-01',
      acquiredOn: '',
    });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({
      startDate: null,
      endDate: null,
      mainDueDate: '2027-01-01',
      partialDates: { startDate: '2004-03', endDate: '2027' },
      noticeMonths: 1,
      autoRenewal: true,
      premiumIncreaseReceivedOn: '2026-10-15',
      claimSettledOn: '2026-09-01',
      acquiredOn: null,
    });
    expect(parse({ autoRenewal: 'no' }).data?.autoRenewal).toBe(false);
    expect(parse({ autoRenewal: '' }).data?.autoRenewal).toBeNull();
  });

  it('says in German what is wrong, next to the field', () => {
    const r = parse({
      mainDueDate: '32.01.2027',
      noticeMonths: '6',
      autoRenewal: 'vielleicht',
      premiumIncreaseReceivedOn: '01.01.2199',
      claimSettledOn: '01.2026',
    });
    expect(r.success).toBe(false);
    expect(fieldErrorsOf(r.error!)).toEqual({
      mainDueDate: 'Bitte ein Datum wie 01.01.2027 eingeben – ist nur Monat oder Jahr bekannt: 01.2027 oder 2027.',
      noticeMonths: 'Bitte 1, 2 oder 3 Monate angeben (VVG §11) – oder leer lassen für die gesetzliche Frist.',
      autoRenewal: 'Bitte ja, nein oder unbekannt wählen.',
      premiumIncreaseReceivedOn: 'Das Datum liegt in der Zukunft.',
      claimSettledOn: 'Bitte ein gültiges Datum eingeben (TT.MM.JJJJ).',
    });
    expect(fieldErrorsOf(parse({ startDate: '01.02.2024', mainDueDate: '01.01.2024' }).error!)).toEqual({
      mainDueDate: 'Die Hauptfälligkeit liegt vor dem Beginn.',
    });
  });

  it('other areas ignore the deadline fields and keep full dates only', () => {
    const r = contractSchema.safeParse({
      area: 'finance',
      status: 'aktiv',
      product: 'Bausparvertrag',
      provider: 'Schwäbisch Hall',
      mainDueDate: '01.01.2027',
      noticeMonths: '2',
      autoRenewal: 'yes',
      acquiredOn: '01.01.2020',
    });
    expect(r.data).toMatchObject({ mainDueDate: null, noticeMonths: null, autoRenewal: null, acquiredOn: null });
  });
});

describe('contractInitial and the change check', () => {
  const stored = {
    id: 'x',
    area: 'insurance' as const,
    status: 'aktiv' as const,
    product: 'Kfz-Versicherung',
    title: null,
    provider: 'A',
    number: '1',
    paymentMethod: null,
    frequency: null,
    premiumCents: null,
    startDate: null,
    endDate: '2027-01-01',
    noticePeriod: null,
    note: null,
    mainDueDate: null,
    noticeMonths: 2,
    autoRenewal: false,
    premiumIncreaseReceivedOn: '2026-10-15',
    claimSettledOn: null,
    acquiredOn: null,
    partialDates: { startDate: '2004-03', mainDueDate: '2027' },
  };

  it('puts insurance dates back in German notation, partial ones as they are known', () => {
    expect(contractInitial(stored)).toMatchObject({
      startDate: '03.2004',
      endDate: '01.01.2027',
      mainDueDate: '2027',
      noticeMonths: '2',
      autoRenewal: 'no',
      premiumIncreaseReceivedOn: '15.10.2026',
    });
    expect(contractInitial({ ...stored, area: 'finance' }).endDate).toBe('2027-01-01');
  });

  it('a form saved unchanged changes nothing; partial dates compare by content', () => {
    const again = contractSchema.parse({ area: 'insurance', ...contractInitial(stored) });
    expect(again.partialDates).toEqual(stored.partialDates);
    expect(comparableValue(again.partialDates)).toBe(comparableValue({ mainDueDate: '2027', startDate: '2004-03' }));
    expect(comparableValue({ startDate: '2004' })).not.toBe(comparableValue({ startDate: '2004-03' }));
    expect(comparableValue(null)).toBe(comparableValue({}));
  });
});

describe('notice placeholder', () => {
  it('shows the rule default per Sparte', () => {
    expect(defaultNoticeMonths('050')).toBe(1);
    expect(defaultNoticeMonths('130')).toBe(3);
    expect(defaultNoticeMonths('020')).toBe(3);
    expect(defaultNoticeMonths('010')).toBeNull();
    expect(defaultNoticeMonths(null)).toBe(3);
  });
});
