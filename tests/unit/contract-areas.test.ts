import { describe, expect, it } from 'vitest';
import { fieldLabels, labelIn } from '../../lib/contracts/area-labels';
import { areaConfig, documentTypes, isRequired, normaliseNumber, type ContractField } from '../../lib/contracts/areas';
import { translate } from '../../lib/i18n';
import { folderAreas } from '../../lib/db/schema/contracts';

const allFields = Object.keys(fieldLabels) as ContractField[];

describe('areaConfig (SPEC §4)', () => {
  it('configures exactly the four folder areas', () => {
    expect(Object.keys(areaConfig).sort()).toEqual([...folderAreas].sort());
  });

  it.each([
    ['insurance', ['status', 'product', 'provider', 'number']],
    ['finance', ['status', 'product', 'provider']],
    ['other', ['status', 'product', 'provider']],
    ['emergency', ['product', 'title']],
  ] as const)('%s requires %j', (area, required) => {
    expect([...areaConfig[area].required].sort()).toEqual([...required].sort());
    for (const field of allFields)
      expect(isRequired(area, field), field).toBe((required as readonly string[]).includes(field));
  });

  it.each(folderAreas)('%s: every required field is also shown, no field twice', (area) => {
    const cfg = areaConfig[area];
    for (const field of cfg.required) expect(cfg.fields).toContain(field);
    expect(new Set(cfg.fields).size).toBe(cfg.fields.length);
    for (const field of cfg.fields) expect(allFields).toContain(field);
  });

  it('contract areas carry the money fields, the emergency folder does not', () => {
    const money: ContractField[] = [
      'paymentMethod',
      'frequency',
      'premium',
      'startDate',
      'endDate',
      'noticePeriod',
      'note',
    ];
    expect(areaConfig.insurance.fields).toEqual([
      'status',
      'product',
      'provider',
      'number',
      ...money.slice(0, -1),
      'mainDueDate',
      'noticeMonths',
      'autoRenewal',
      'premiumIncreaseReceivedOn',
      'claimSettledOn',
      'acquiredOn',
      'note',
    ]);
    for (const area of ['insurance', 'finance', 'other'] as const) {
      expect(areaConfig[area].premiums).toBe(true);
      if (area !== 'insurance')
        expect(areaConfig[area].fields).toEqual(['status', 'product', 'provider', 'number', ...money]);
      expect(translate('de', areaConfig[area].itemLabel)).toBe('Vertrag');
    }
    expect(areaConfig.emergency.premiums).toBe(false);
    expect(areaConfig.emergency.fields).toEqual(['product', 'title', 'note']);
    expect(areaConfig.emergency.providerKind).toBeNull();
    expect(translate('de', areaConfig.emergency.itemLabel)).toBe('Eintrag');
  });

  it('maps each contract area to its provider list', () => {
    expect(areaConfig.insurance.providerKind).toBe('insurer');
    expect(areaConfig.finance.providerKind).toBe('finance');
    expect(areaConfig.other.providerKind).toBe('other');
  });
});

describe('labelIn', () => {
  it.each([
    ['insurance', 'product', 'PRODUKT / SPARTE'],
    ['insurance', 'provider', 'VERSICHERER'],
    ['insurance', 'number', 'VERSICHERUNGSNUMMER'],
    ['finance', 'product', 'PRODUKT'],
    ['finance', 'provider', 'ANBIETER'],
    ['finance', 'number', 'VERTRAGSNUMMER'],
    ['other', 'product', 'VERTRAGSART'],
    ['other', 'provider', 'ANBIETER'],
    ['other', 'number', 'VERTRAGSNUMMER'],
    ['emergency', 'product', 'ART DES DOKUMENTS'],
    ['emergency', 'title', 'TITEL'],
    ['emergency', 'note', 'NOTIZ'],
  ] as const)('%s.%s → %j', (area, field, label) => {
    expect(labelIn(area, field)).toBe(label);
  });

  it.each(folderAreas)('%s: the common fields keep their general label', (area) => {
    for (const field of [
      'status',
      'title',
      'paymentMethod',
      'frequency',
      'premium',
      'startDate',
      'endDate',
      'noticePeriod',
      'note',
    ] as const) {
      expect(labelIn(area, field)).toBe(fieldLabels[field]);
    }
    expect(labelIn(area, 'frequency')).toBe('ZAHLWEISE');
    expect(labelIn(area, 'premium')).toBe('BRUTTOBEITRAG gem. ZAHLWEISE');
  });

  it.each(folderAreas)('%s: every shown field has a non-empty label', (area) => {
    for (const field of areaConfig[area].fields) expect(labelIn(area, field).length, field).toBeGreaterThan(0);
  });
});

describe('normaliseNumber (duplicate check)', () => {
  it.each([
    ['AB 12-34', 'ab1234'],
    ['ab1234', 'ab1234'],
    ['AB.12/34', 'ab1234'],
    ['  AB\t12\n34 ', 'ab1234'],
    ['VS-123.456/7', 'vs1234567'],
    ['', ''],
    ['ÄÖÜ 1', 'äöü1'],
  ])('%j → %j', (input, out) => {
    expect(normaliseNumber(input)).toBe(out);
  });

  it('treats differently formatted numbers as the same, keeps other characters apart', () => {
    expect(normaliseNumber('12 345 678')).toBe(normaliseNumber('12.345.678'));
    expect(normaliseNumber('12-345')).toBe(normaliseNumber('12/345'));
    expect(normaliseNumber('12_345')).not.toBe(normaliseNumber('12345'));
    expect(normaliseNumber('A1')).not.toBe(normaliseNumber('A2'));
  });

  it('is idempotent', () => {
    for (const n of ['AB 12-34', 'x.y/z', ' Q ']) expect(normaliseNumber(normaliseNumber(n))).toBe(normaliseNumber(n));
  });
});

describe('document types', () => {
  it('has the DOKUMENT HINZUFÜGEN list without duplicates', () => {
    expect(documentTypes).toContain('Police');
    expect(documentTypes).toContain('Sonstiges');
    expect(new Set(documentTypes).size).toBe(documentTypes.length);
  });
});
