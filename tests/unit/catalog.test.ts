import { describe, expect, it } from 'vitest';
import {
  financeProviders,
  insurers,
  letterIndex,
  otherProviders,
  productLines,
} from '../../lib/contracts/catalog-data';

const lists: [string, readonly string[]][] = [
  ['insurers', insurers],
  ['financeProviders', financeProviders],
  ['otherProviders', otherProviders],
  ['productLines.insurance', productLines.insurance],
  ['productLines.finance', productLines.finance],
  ['productLines.other', productLines.other],
  ['productLines.emergency', productLines.emergency],
];

const LETTER_ORDER = '#ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('catalog data', () => {
  it('has enough entries', () => {
    expect(insurers.length).toBeGreaterThanOrEqual(170);
    expect(financeProviders.length).toBeGreaterThanOrEqual(60);
    expect(otherProviders.length).toBeGreaterThanOrEqual(30);
    expect(productLines.insurance.length).toBeGreaterThanOrEqual(30);
    expect(productLines.finance.length).toBeGreaterThanOrEqual(12);
    expect(productLines.other.length).toBeGreaterThanOrEqual(10);
    expect(productLines.emergency.length).toBeGreaterThanOrEqual(8);
  });

  it.each(lists)('%s: names are trimmed and non-empty', (_name, list) => {
    for (const entry of list) {
      expect(entry).toBe(entry.trim());
      expect(entry.length).toBeGreaterThan(0);
      expect(entry).not.toMatch(/\s{2}/);
    }
  });

  it.each(lists)('%s: no duplicates (case-insensitive)', (_name, list) => {
    const seen = new Map<string, string>();
    for (const entry of list) {
      const key = entry.toLocaleLowerCase('de');
      expect(seen.get(key), `${entry} duplicates ${seen.get(key)}`).toBeUndefined();
      seen.set(key, entry);
    }
  });

  it.each(lists)('%s: sorted with German collation', (_name, list) => {
    expect([...list].sort((a, b) => a.localeCompare(b, 'de'))).toEqual(list);
  });

  it('no company appears in two provider lists', () => {
    const all = [...insurers, ...financeProviders, ...otherProviders].map((n) => n.toLocaleLowerCase('de'));
    expect(new Set(all).size).toBe(all.length);
  });

  it('contains the handbook spelling of CONDOR and the examples', () => {
    expect(insurers).toContain('CONDOR Allgemeine Versicherungs-AG');
    expect(insurers).toEqual(expect.arrayContaining(['Allianz Versicherungs-AG', 'AXA Versicherung AG']));
    expect(financeProviders).toEqual(
      expect.arrayContaining([
        'Bausparkasse Schwäbisch Hall AG',
        'Deutsche Bank AG',
        'DWS Investment GmbH',
        'ING-DiBa AG',
        'Union Investment Privatfonds GmbH',
        'Wüstenrot Bausparkasse AG',
        'LBS Landesbausparkasse Süd',
        'KfW',
      ]),
    );
    expect(otherProviders).toEqual(
      expect.arrayContaining([
        'Deutsche Telekom AG',
        'Vodafone GmbH',
        'E.ON Energie Deutschland GmbH',
        'Vattenfall Europe Sales GmbH',
      ]),
    );
    expect(productLines.emergency).toEqual(
      expect.arrayContaining([
        'Vorsorgevollmacht',
        'Patientenverfügung',
        'Betreuungsverfügung',
        'Testament',
        'Digitaler Nachlass',
        'Kontovollmacht',
      ]),
    );
  });
});

describe('letterIndex', () => {
  it('jumps from "C" to the first C insurer', () => {
    const c = letterIndex(insurers).find((e) => e.letter === 'C');
    expect(c).toBeDefined();
    const first = c!.first;
    expect(insurers[first]?.toUpperCase().startsWith('C')).toBe(true);
    expect(insurers.slice(0, first).some((n) => n.toUpperCase().startsWith('C'))).toBe(false);
  });

  it.each(lists)(
    '%s: letters strictly increasing, indices increasing and pointing at a matching entry',
    (_name, list) => {
      const index = letterIndex(list);
      expect(index.length).toBeGreaterThan(0);
      expect(index[0]?.first).toBe(0);
      for (let i = 1; i < index.length; i++) {
        expect(LETTER_ORDER.indexOf(index[i]!.letter)).toBeGreaterThan(LETTER_ORDER.indexOf(index[i - 1]!.letter));
        expect(index[i]!.first).toBeGreaterThan(index[i - 1]!.first);
      }
      for (const { letter, first } of index) {
        const initial = list[first]!.normalize('NFD').charAt(0).toUpperCase();
        expect(letter === '#' ? !/[A-Z]/.test(initial) : initial === letter).toBe(true);
      }
    },
  );

  it('puts umlauts under their base letter and digits under "#"', () => {
    const names = [
      'Zeta',
      'Özdemir AG',
      'Apfel GmbH',
      '1822direkt',
      'Ärzte eG',
      'Oberbank',
      'Übersee AG',
      'Ulm',
      'Bank',
    ].sort((a, b) => a.localeCompare(b, 'de'));
    expect(names).toEqual([
      '1822direkt',
      'Apfel GmbH',
      'Ärzte eG',
      'Bank',
      'Oberbank',
      'Özdemir AG',
      'Übersee AG',
      'Ulm',
      'Zeta',
    ]);
    expect(letterIndex(names)).toEqual([
      { letter: '#', first: 0 },
      { letter: 'A', first: 1 },
      { letter: 'B', first: 3 },
      { letter: 'O', first: 4 },
      { letter: 'U', first: 6 },
      { letter: 'Z', first: 8 },
    ]);
  });

  it('starts a letter at an umlaut when it sorts first and handles lower case and empty lists', () => {
    expect(letterIndex(['Ärzte', 'apfel', 'Birne'])).toEqual([
      { letter: 'A', first: 0 },
      { letter: 'B', first: 2 },
    ]);
    expect(letterIndex([])).toEqual([]);
  });

  it('is pure and orders the result by letter even for an unsorted list', () => {
    const names = Object.freeze(['Beta', 'Alpha']);
    expect(letterIndex(names)).toEqual([
      { letter: 'A', first: 1 },
      { letter: 'B', first: 0 },
    ]);
    expect(names).toEqual(['Beta', 'Alpha']);
  });
});
