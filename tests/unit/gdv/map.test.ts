import { describe, expect, it } from 'vitest';
import { diffContract } from '../../../lib/import/gdv/diff';
import { contractValues, sparteLabel, splitDate } from '../../../lib/import/gdv/map';
import { decideMatch, personKey, personValues } from '../../../lib/import/gdv/person';
import type { GdvContract, GdvPerson } from '../../../lib/import/gdv/types';

const person: GdvPerson = {
  line: 3,
  salutation: '2',
  surname: 'Müller',
  name2: '',
  firstName: 'Anna',
  title: 'Dr.',
  country: 'D',
  zip: '50667',
  city: 'Köln',
  street: 'Hohe Str. 1',
  birthDate: { date: '1970-05-17', partial: false },
  gender: '2',
  customerNumber: '',
};

function contract(over: Partial<GdvContract> = {}): GdvContract {
  return {
    line: 5,
    key: { vuNumber: '5339', sparte: '130', policyNumber: '4711', sequence: '' },
    agency: '',
    persons: [person],
    inkasso: '1',
    startDate: { date: '2020-01-01', partial: false },
    endDate: { date: '2027-01-01', partial: false },
    mainDueDate: { date: '2027-01-01', partial: false },
    frequency: '1',
    status: '1',
    exitReason: '',
    exitDate: null,
    currency: 'EUR',
    netPremiumCents: 10000,
    remainingYears: null,
    cancellationClause: '',
    grossPremiumCents: 11900,
    printablePolicyNumber: 'HR-4711',
    productName: 'Hausrat Top',
    policyDate: null,
    parts: [],
    ...over,
  };
}

describe('GDV mapping', () => {
  it('maps a contract to Mappe values', () => {
    expect(contractValues(contract(), 'Condor', '2026-12-01')).toEqual({
      gdvKey: '5339|130|4711|',
      area: 'insurance',
      product: 'Hausratversicherung',
      title: 'Hausrat Top',
      provider: 'Condor',
      number: 'HR-4711',
      sparte: '130',
      status: 'aktiv',
      frequency: 'jährlich',
      premiumCents: 11900,
      premiumBasis: 'brutto',
      startDate: '2020-01-01',
      endDate: '2027-01-01',
      mainDueDate: '2027-01-01',
      exitReason: null,
      exitDate: null,
    });
  });

  it.each([
    ['1', 'jährlich'],
    ['2', 'halbjährlich'],
    ['4', 'vierteljährlich'],
    ['8', 'monatlich'],
    ['6', 'einmalig'],
    ['9', 'beitragsfrei'],
    ['5', null],
    ['', null],
  ])('Zahlungsweise %s → %s', (code, frequency) => {
    expect(contractValues(contract({ frequency: code }), 'X', '2026-12-01').frequency).toBe(frequency);
  });

  it.each([
    ['1', 'aktiv'],
    ['2', 'aktiv'],
    ['3', 'ruhend'],
    ['5', 'ruhend'],
    ['6', 'aktiv'],
    ['8', 'aktiv'],
    ['9', null],
  ])('Vertragsstatus %s → %s', (code, status) => {
    expect(contractValues(contract({ status: code }), 'X', '2026-12-01').status).toBe(status);
  });

  it('storniert: gekündigt before the exit date, beendet after it or without one; Abgangsgrund kept', () => {
    const exit = (d: string | null, partial = false) =>
      contractValues(
        contract({ status: '4', exitReason: '01', exitDate: d ? ({ date: d, partial } as never) : null }),
        'X',
        '2026-12-01',
      );
    expect(exit('2027-01-01')).toMatchObject({ status: 'gekündigt', exitReason: '01', exitDate: '2027-01-01' });
    expect(exit('2026-06-30')).toMatchObject({ status: 'beendet', exitDate: '2026-06-30' });
    expect(exit('2024-08', true)).toMatchObject({ status: 'beendet', exitDate: '2024-08' });
    expect(exit(null)).toMatchObject({ status: 'beendet', exitDate: null });
  });

  it('premium: Brutto, else Netto, else the 0210 parts; labelled', () => {
    expect(contractValues(contract({ grossPremiumCents: null }), 'X', '2026-12-01')).toMatchObject({
      premiumCents: 10000,
      premiumBasis: 'netto',
    });
    const parts = [{ line: 7, sparte: '130', status: '1', startDate: null, premiumCents: 2500 }];
    expect(
      contractValues(contract({ grossPremiumCents: null, netPremiumCents: null, parts }), 'X', '2026-12-01'),
    ).toMatchObject({ premiumCents: 2500, premiumBasis: 'netto' });
    expect(
      contractValues(contract({ grossPremiumCents: null, netPremiumCents: null }), 'X', '2026-12-01'),
    ).toMatchObject({ premiumCents: null, premiumBasis: null });
    expect(contractValues(contract({ grossPremiumCents: 0 }), 'X', '2026-12-01')).toMatchObject({
      premiumCents: 0,
      premiumBasis: 'brutto',
    });
  });

  it('keeps unknown Sparten raw, partial dates partial, the raw policy number when no printable one', () => {
    const v = contractValues(
      contract({
        key: { vuNumber: '5339', sparte: '999', policyNumber: '0815', sequence: '02' },
        printablePolicyNumber: '',
        productName: '',
        startDate: { date: '2004-03', partial: true },
        endDate: { date: '2027', partial: true },
      }),
      'X',
      '2026-12-01',
    );
    expect(v).toMatchObject({
      gdvKey: '5339|999|0815|02',
      product: '999',
      sparte: '999',
      number: '0815',
      title: null,
      startDate: '2004-03',
      endDate: '2027',
    });
    expect(sparteLabel('999')).toBeUndefined();
    expect(sparteLabel('051')).toBe('Kfz-Haftpflicht');
    expect(
      contractValues(
        contract({ key: { vuNumber: '1', sparte: '580', policyNumber: '1', sequence: '' } }),
        'X',
        '2026-12-01',
      ),
    ).toMatchObject({ area: 'finance', product: 'Bausparvertrag' });
    expect(splitDate('2004-03')).toEqual({ date: null, partial: '2004-03' });
    expect(splitDate('2004-03-01')).toEqual({ date: '2004-03-01', partial: null });
    expect(splitDate(null)).toEqual({ date: null, partial: null });
  });
});

describe('GDV persons', () => {
  it('maps a person; a firm by Anrede 3; a partial birth date is no birth date', () => {
    expect(personValues(person)).toEqual({
      salutation: 'Frau',
      title: 'Dr.',
      firstName: 'Anna',
      lastName: 'Müller',
      company: null,
      birthDate: '1970-05-17',
      street: 'Hohe Str. 1',
      zip: '50667',
      city: 'Köln',
    });
    expect(personValues({ ...person, salutation: '1' }).salutation).toBe('Herr');
    expect(personValues({ ...person, salutation: '3', surname: 'Müller', name2: 'GmbH & Co. KG' })).toMatchObject({
      company: 'Müller GmbH & Co. KG',
      firstName: '',
      lastName: '',
      salutation: null,
    });
    expect(personValues({ ...person, birthDate: { date: '1970', partial: true } }).birthDate).toBeNull();
  });

  it('keys a person by Kundennummer per insurer, else by name and birth date', () => {
    expect(personKey('5339', { ...person, customerNumber: 'K1' })).toBe('kn:5339:K1');
    expect(personKey('5438', { ...person, customerNumber: 'K1' })).toBe('kn:5438:K1');
    expect(personKey('5339', { ...person, surname: ' MÜLLER ' })).toBe(personKey('5339', person));
    expect(personKey('5339', { ...person, birthDate: null })).not.toBe(personKey('5339', person));
  });

  it('decides the match: Kundennummer, one name match, several → review, none → new', () => {
    const a = { id: 'a', label: 'A' };
    const b = { id: 'b', label: 'B' };
    expect(decideMatch('k', [a, b])).toEqual({ targetId: 'k' });
    expect(decideMatch(null, [a])).toEqual({ targetId: 'a' });
    expect(decideMatch(null, [a, b])).toEqual({ targetId: null, candidates: [a, b] });
    expect(decideMatch(null, [])).toEqual({ targetId: null });
  });
});

describe('GDV re-import diff', () => {
  const incoming = contractValues(contract(), 'Condor', '2026-12-01');
  const { gdvKey: _key, ...same } = incoming;
  void _key;

  it('new when no contract, unchanged when equal', () => {
    expect(diffContract(incoming, null, null)).toMatchObject({ status: 'new', before: null });
    expect(diffContract(incoming, same, same)).toEqual({ status: 'unchanged', before: {}, after: {}, conflicts: [] });
  });

  it('applies what the insurer changed when nobody edited it', () => {
    const last = { ...same, premiumCents: 11000 };
    expect(diffContract(incoming, last, last)).toEqual({
      status: 'changed',
      before: { premiumCents: 11000 },
      after: { premiumCents: 11900 },
      conflicts: [],
    });
  });

  it('keeps an edit the insurer did not change, and flags one it did', () => {
    const last = { ...same };
    expect(diffContract(incoming, { ...same, title: 'Mein Hausrat' }, last).status).toBe('unchanged');
    const conflict = diffContract({ ...incoming, premiumCents: 12500 }, { ...same, premiumCents: 9900 }, last);
    expect(conflict).toEqual({ status: 'changed', before: {}, after: {}, conflicts: ['premiumCents'] });
  });
});
