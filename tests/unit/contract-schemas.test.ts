import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../../lib/actions/result';
import {
  contractSchema,
  createContractSchema,
  documentSchema,
  idSchema,
  providerSchema,
  updateContractSchema,
} from '../../lib/contracts/schemas';

/** Form input: a record of strings, as formValues(formData) hands it over. */
type Form = Record<string, string>;

const uuid = '0b7c5a4e-3f1d-4c2a-9e8b-1a2b3c4d5e6f';
const uuid2 = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';

const valid: Record<'insurance' | 'finance' | 'other' | 'emergency', Form> = {
  insurance: {
    area: 'insurance',
    status: 'aktiv',
    product: 'Kfz-Versicherung',
    provider: 'Allianz Versicherungs-AG',
    number: 'KF 123-456',
  },
  finance: { area: 'finance', status: 'beantragt', product: 'Bausparvertrag', provider: 'Schwäbisch Hall' },
  other: { area: 'other', status: 'aktiv', product: 'Mobilfunk', provider: 'Telekom' },
  emergency: { area: 'emergency', product: 'Patientenverfügung', title: 'Verfügung 2024' },
};

const errorsOf = (input: Form) => {
  const r = contractSchema.safeParse(input);
  expect(r.success, 'expected the input to be refused').toBe(false);
  return fieldErrorsOf(r.error!);
};
const dataOf = (input: Form) => {
  const r = contractSchema.safeParse(input);
  if (!r.success) throw new Error(`refused: ${JSON.stringify(fieldErrorsOf(r.error))}`);
  return r.data;
};

describe('contractSchema: required fields per area', () => {
  it.each([
    [
      'insurance',
      {
        status: 'Bitte VERTRAGSSTATUS angeben.',
        product: 'Bitte PRODUKT / SPARTE angeben.',
        provider: 'Bitte VERSICHERER angeben.',
        number: 'Bitte VERSICHERUNGSNUMMER angeben.',
      },
    ],
    [
      'finance',
      {
        status: 'Bitte VERTRAGSSTATUS angeben.',
        product: 'Bitte PRODUKT angeben.',
        provider: 'Bitte ANBIETER angeben.',
      },
    ],
    [
      'other',
      {
        status: 'Bitte VERTRAGSSTATUS angeben.',
        product: 'Bitte VERTRAGSART angeben.',
        provider: 'Bitte ANBIETER angeben.',
      },
    ],
    ['emergency', { product: 'Bitte ART DES DOKUMENTS angeben.', title: 'Bitte TITEL angeben.' }],
  ] as const)('%s: an empty form names exactly the required fields, in German', (area, messages) => {
    expect(errorsOf({ area })).toEqual(messages);
  });

  it.each(['insurance', 'finance', 'other', 'emergency'] as const)(
    '%s: blank strings and whitespace count as missing',
    (area) => {
      // status is a select: it sends '' when nothing is chosen; the text fields may hold only spaces.
      const blank = Object.fromEntries(
        Object.keys(valid[area]).map((k) => [k, k === 'area' ? area : k === 'status' ? '' : '   ']),
      );
      const required = Object.keys(valid[area]).filter((k) => k !== 'area');
      expect(Object.keys(errorsOf(blank)).sort()).toEqual(required.sort());
    },
  );

  it.each([
    ['insurance', 'status'],
    ['insurance', 'product'],
    ['insurance', 'provider'],
    ['insurance', 'number'],
    ['finance', 'status'],
    ['finance', 'product'],
    ['finance', 'provider'],
    ['other', 'status'],
    ['other', 'product'],
    ['other', 'provider'],
    ['emergency', 'product'],
    ['emergency', 'title'],
  ] as const)('%s without %s: exactly that field is refused', (area, field) => {
    const input = { ...valid[area] };
    delete input[field];
    expect(Object.keys(errorsOf(input))).toEqual([field]);
  });

  it('the VERTRAGSNUMMER is optional in finance and other', () => {
    expect(dataOf(valid.finance).number).toBeNull();
    expect(dataOf(valid.other).number).toBeNull();
  });

  it('a TITEL belongs to the emergency folder only', () => {
    expect(dataOf(valid.insurance).title).toBeNull();
    for (const area of ['insurance', 'finance', 'other'] as const)
      expect(dataOf({ ...valid[area], title: 'Zweitwagen' }).title).toBeNull();
    expect(dataOf(valid.emergency).title).toBe('Verfügung 2024');
  });

  it('refuses an unknown or missing area', () => {
    expect(errorsOf({ ...valid.insurance, area: 'profile' })).toEqual({ area: 'Unbekannter Bereich.' });
    expect(errorsOf({ ...valid.insurance, area: '' })).toEqual({ area: 'Unbekannter Bereich.' });
    const { area: _area, ...withoutArea } = valid.insurance;
    expect(errorsOf(withoutArea)).toEqual({ area: 'Unbekannter Bereich.' });
  });
});

describe('contractSchema: values', () => {
  it('parses a full insurance contract', () => {
    expect(
      dataOf({
        ...valid.insurance,
        paymentMethod: 'Lastschrift',
        frequency: 'monatlich',
        premium: '1.234,56 €',
        startDate: '01.02.2024',
        endDate: '2025-01-31',
        noticePeriod: '3 Monate zum Ablauf',
        note: 'Notiz',
      }),
    ).toEqual({
      area: 'insurance',
      status: 'aktiv',
      product: 'Kfz-Versicherung',
      title: null,
      provider: 'Allianz Versicherungs-AG',
      number: 'KF 123-456',
      paymentMethod: 'Lastschrift',
      frequency: 'monatlich',
      premiumCents: 123456,
      startDate: '2024-02-01',
      endDate: '2025-01-31',
      mainDueDate: null,
      noticeMonths: null,
      autoRenewal: null,
      premiumIncreaseReceivedOn: null,
      claimSettledOn: null,
      acquiredOn: null,
      partialDates: null,
      noticePeriod: '3 Monate zum Ablauf',
      note: 'Notiz',
      confirmDuplicate: false,
    });
  });

  it('turns empty optional fields into null', () => {
    expect(
      dataOf({
        ...valid.finance,
        number: '',
        paymentMethod: '',
        frequency: '',
        premium: '',
        startDate: '',
        endDate: ' ',
        noticePeriod: '',
        note: '',
      }),
    ).toMatchObject({
      number: null,
      paymentMethod: null,
      frequency: null,
      premiumCents: null,
      startDate: null,
      endDate: null,
      noticePeriod: null,
      note: null,
    });
  });

  it('trims text fields', () => {
    expect(dataOf({ ...valid.insurance, product: '  Hausrat ', provider: ' HUK ', number: ' 12 ' })).toMatchObject({
      product: 'Hausrat',
      provider: 'HUK',
      number: '12',
    });
  });

  it.each(['aktiv', 'beantragt', 'ruhend', 'gekündigt', 'beendet'])('accepts the VERTRAGSSTATUS %s', (status) => {
    expect(dataOf({ ...valid.insurance, status }).status).toBe(status);
  });

  it.each(['Lastschrift', 'Überweisung', 'Dauerauftrag', 'Rechnung'])('accepts the ZAHLART %s', (paymentMethod) => {
    expect(dataOf({ ...valid.other, paymentMethod }).paymentMethod).toBe(paymentMethod);
  });

  it.each(['monatlich', 'vierteljährlich', 'halbjährlich', 'jährlich', 'einmalig', 'beitragsfrei'])(
    'accepts the ZAHLWEISE %s',
    (frequency) => {
      expect(dataOf({ ...valid.finance, frequency }).frequency).toBe(frequency);
    },
  );

  it('refuses values outside the lists', () => {
    expect(
      Object.keys(
        errorsOf({ ...valid.insurance, status: 'storniert', paymentMethod: 'Bar', frequency: 'täglich' }),
      ).sort(),
    ).toEqual(['frequency', 'paymentMethod', 'status']);
  });

  it('refuses values outside the lists with the German messages', () => {
    expect(errorsOf({ ...valid.insurance, status: 'storniert', paymentMethod: 'Bar', frequency: 'täglich' })).toEqual({
      status: 'Bitte einen VERTRAGSSTATUS aus der Liste wählen.',
      paymentMethod: 'Bitte eine ZAHLART aus der Liste wählen.',
      frequency: 'Bitte eine ZAHLWEISE aus der Liste wählen.',
    });
  });

  it.each([
    ['product', 120, 'Höchstens 120 Zeichen.'],
    ['provider', 200, 'Höchstens 200 Zeichen.'],
    ['number', 60, 'Höchstens 60 Zeichen.'],
    ['noticePeriod', 80, 'Höchstens 80 Zeichen.'],
    ['note', 4000, 'Höchstens 4000 Zeichen.'],
  ] as const)('%s: at most %i characters', (field, max, message) => {
    expect(dataOf({ ...valid.insurance, [field]: 'x'.repeat(max) })[field]).toHaveLength(max);
    expect(errorsOf({ ...valid.insurance, [field]: 'x'.repeat(max + 1) })).toEqual({ [field]: message });
  });

  it.each([
    ['on', true],
    ['true', true],
    ['', false],
    ['off', false],
    ['1', false],
  ])('confirmDuplicate %j → %s', (confirmDuplicate, expected) => {
    expect(dataOf({ ...valid.insurance, confirmDuplicate }).confirmDuplicate).toBe(expected);
  });

  it('confirmDuplicate defaults to false', () => {
    expect(dataOf(valid.insurance).confirmDuplicate).toBe(false);
  });
});

describe('contractSchema: BRUTTOBEITRAG', () => {
  it.each([
    ['1.234,56', 123456],
    ['1.234,56 €', 123456],
    ['1234,5', 123450],
    ['89,90 EUR', 8990],
    [' 12 ', 1200],
    ['0', 0],
    ['99.999.999,99', 9_999_999_999],
  ])('%j → premiumCents %i', (premium, cents) => {
    for (const area of ['insurance', 'finance', 'other'] as const)
      expect(dataOf({ ...valid[area], premium }).premiumCents).toBe(cents);
  });

  it.each(['abc', '12,345', '-5', '1.23', '100.000.000'])('refuses %j with the German message', (premium) => {
    expect(errorsOf({ ...valid.insurance, premium })).toEqual({
      premium: 'Bitte einen Betrag wie 1.234,56 eingeben (höchstens 99.999.999,99 €).',
    });
  });

  it('an empty premium is no premium', () => {
    expect(dataOf({ ...valid.insurance, premium: '' }).premiumCents).toBeNull();
    expect(dataOf({ ...valid.insurance, premium: '   ' }).premiumCents).toBeNull();
  });

  it('refuses an overlong premium with a German message', () => {
    expect(errorsOf({ ...valid.insurance, premium: '1'.repeat(41) }).premium).toMatch(/^(Bitte|Höchstens)/);
  });
});

describe('contractSchema: fields that do not belong to the area are dropped', () => {
  it('the emergency folder ignores status, provider, number, payment and premium', () => {
    const data = dataOf({
      ...valid.emergency,
      status: 'aktiv',
      provider: 'Allianz',
      number: '123',
      paymentMethod: 'Lastschrift',
      frequency: 'monatlich',
      premium: '1.234,56',
      startDate: '01.01.2020',
      endDate: '01.01.2030',
      noticePeriod: '3 Monate',
      note: 'liegt im Tresor',
    });
    expect(data).toEqual({
      area: 'emergency',
      status: null,
      product: 'Patientenverfügung',
      title: 'Verfügung 2024',
      provider: null,
      number: null,
      paymentMethod: null,
      frequency: null,
      premiumCents: null,
      startDate: null,
      endDate: null,
      mainDueDate: null,
      noticeMonths: null,
      autoRenewal: null,
      premiumIncreaseReceivedOn: null,
      claimSettledOn: null,
      acquiredOn: null,
      partialDates: null,
      noticePeriod: null,
      note: 'liegt im Tresor',
      confirmDuplicate: false,
    });
  });

  it('the emergency folder does not check a premium it does not store', () => {
    expect(dataOf({ ...valid.emergency, premium: 'kein Betrag' }).premiumCents).toBeNull();
  });

  it('contract areas drop a title', () => {
    expect(dataOf({ ...valid.other, title: 'Festnetz' }).title).toBeNull();
  });

  it('the emergency TITEL is bounded', () => {
    expect(dataOf({ ...valid.emergency, title: 'x'.repeat(200) }).title).toHaveLength(200);
    expect(errorsOf({ ...valid.emergency, title: 'x'.repeat(201) })).toEqual({ title: 'Höchstens 200 Zeichen.' });
  });

  it('unknown keys are not passed through', () => {
    const data = dataOf({
      ...valid.insurance,
      contactId: uuid,
      tenantId: uuid2,
      createdByClient: 'true',
      premiumCents: '5',
    });
    expect(data).not.toHaveProperty('contactId');
    expect(data).not.toHaveProperty('tenantId');
    expect(data).not.toHaveProperty('createdByClient');
    expect(data.premiumCents).toBeNull();
  });
});

describe('contractSchema: dates', () => {
  it.each([
    ['01.02.2024', '2024-02-01'],
    ['1.2.2024', '2024-02-01'],
    ['29.02.2024', '2024-02-29'],
    ['2024-02-01', '2024-02-01'],
    [' 2024-12-31 ', '2024-12-31'],
    ['01.01.1900', '1900-01-01'],
    ['31.12.2199', '2199-12-31'],
  ])('Beginn %j → %j', (startDate, iso) => {
    expect(dataOf({ ...valid.insurance, startDate }).startDate).toBe(iso);
  });

  it.each([
    '31.02.2024',
    '29.02.2023',
    '2024-13-01',
    '2024-1-1',
    '01/02/2024',
    '01.02.24',
    'morgen',
    '31.12.1899',
    '01.01.2200',
  ])('refuses Beginn %j', (startDate) => {
    expect(errorsOf({ ...valid.finance, startDate })).toEqual({
      startDate: 'Bitte ein gültiges Datum eingeben (TT.MM.JJJJ).',
    });
    expect(errorsOf({ ...valid.insurance, startDate })).toEqual({
      startDate: 'Bitte ein Datum wie 01.01.2027 eingeben – ist nur Monat oder Jahr bekannt: 01.2027 oder 2027.',
    });
  });

  it('refuses an Ablauf before the Beginn, across both notations', () => {
    expect(errorsOf({ ...valid.insurance, startDate: '01.02.2024', endDate: '31.01.2024' })).toEqual({
      endDate: 'Der Ablauf liegt vor dem Beginn.',
    });
    expect(errorsOf({ ...valid.finance, startDate: '2024-02-01', endDate: '31.01.2024' })).toEqual({
      endDate: 'Der Ablauf liegt vor dem Beginn.',
    });
    expect(errorsOf({ ...valid.other, startDate: '01.01.2025', endDate: '2024-12-31' })).toEqual({
      endDate: 'Der Ablauf liegt vor dem Beginn.',
    });
  });

  it('accepts an Ablauf on or after the Beginn, or either alone', () => {
    expect(dataOf({ ...valid.insurance, startDate: '01.02.2024', endDate: '01.02.2024' })).toMatchObject({
      startDate: '2024-02-01',
      endDate: '2024-02-01',
    });
    expect(dataOf({ ...valid.insurance, startDate: '9.9.2024', endDate: '10.10.2024' })).toMatchObject({
      startDate: '2024-09-09',
      endDate: '2024-10-10',
    });
    expect(dataOf({ ...valid.insurance, endDate: '01.01.2000' })).toMatchObject({
      startDate: null,
      endDate: '2000-01-01',
    });
    expect(dataOf({ ...valid.insurance, startDate: '01.01.2000' })).toMatchObject({
      startDate: '2000-01-01',
      endDate: null,
    });
  });
});

describe('createContractSchema / updateContractSchema (intersection with the transformed schema)', () => {
  it('create keeps contactId and the parsed contract fields', () => {
    const r = createContractSchema.safeParse({
      contactId: uuid,
      ...valid.insurance,
      premium: '1.234,56',
      frequency: 'monatlich',
    });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({
      contactId: uuid,
      area: 'insurance',
      status: 'aktiv',
      number: 'KF 123-456',
      premiumCents: 123456,
      frequency: 'monatlich',
      confirmDuplicate: false,
    });
    expect(r.data).not.toHaveProperty('premium');
  });

  it('update keeps id and the parsed contract fields', () => {
    const r = updateContractSchema.safeParse({
      id: uuid2,
      ...valid.emergency,
      provider: 'weg damit',
      confirmDuplicate: 'on',
    });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({
      id: uuid2,
      area: 'emergency',
      product: 'Patientenverfügung',
      title: 'Verfügung 2024',
      provider: null,
      confirmDuplicate: true,
    });
  });

  it('create does not pass an id through, update does not pass a contactId through', () => {
    expect(createContractSchema.parse({ contactId: uuid, id: uuid2, ...valid.finance })).not.toHaveProperty('id');
    expect(updateContractSchema.parse({ id: uuid2, contactId: uuid, ...valid.finance })).not.toHaveProperty(
      'contactId',
    );
  });

  it('reports a bad id together with the contract errors', () => {
    const create = createContractSchema.safeParse({ contactId: 'nope', area: 'finance' });
    expect(create.success).toBe(false);
    expect(fieldErrorsOf(create.error!)).toEqual({
      contactId: 'Ungültige Auswahl.',
      status: 'Bitte VERTRAGSSTATUS angeben.',
      product: 'Bitte PRODUKT angeben.',
      provider: 'Bitte ANBIETER angeben.',
    });
    const update = updateContractSchema.safeParse({ ...valid.insurance });
    expect(update.success).toBe(false);
    expect(Object.keys(fieldErrorsOf(update.error!))).toEqual(['id']);
  });

  it('refuses upper-case or malformed uuids', () => {
    expect(updateContractSchema.safeParse({ id: uuid.toUpperCase(), ...valid.insurance }).success).toBe(false);
    expect(updateContractSchema.safeParse({ id: `${uuid}x`, ...valid.insurance }).success).toBe(false);
    expect(idSchema.safeParse({ id: uuid }).success).toBe(true);
    expect(idSchema.safeParse({ id: '' }).success).toBe(false);
  });
});

describe('documentSchema', () => {
  const doc: Form = { area: 'insurance', title: 'Police 2024', type: 'Police', uploads: uuid };

  it('parses a document with its uploads', () => {
    expect(
      documentSchema.parse({
        ...doc,
        contactId: uuid2,
        contractId: uuid,
        documentDate: '15.03.2024',
        note: ' n ',
        uploads: `${uuid},${uuid2}`,
      }),
    ).toEqual({
      contactId: uuid2,
      contractId: uuid,
      area: 'insurance',
      title: 'Police 2024',
      type: 'Police',
      documentDate: '2024-03-15',
      note: 'n',
      uploads: [uuid, uuid2],
    });
  });

  it('an empty contractId is null, empty pieces of the upload list are ignored', () => {
    const d = documentSchema.parse({ ...doc, contractId: '', uploads: `,${uuid},,` });
    expect(d.contractId).toBeNull();
    expect(d.uploads).toEqual([uuid]);
    expect(d.documentDate).toBeNull();
    expect(d.note).toBeNull();
  });

  it('accepts the contact area "profile" besides the four folder areas', () => {
    for (const area of ['insurance', 'finance', 'other', 'emergency', 'profile'])
      expect(documentSchema.parse({ ...doc, area }).area).toBe(area);
    expect(fieldErrorsOf(documentSchema.safeParse({ ...doc, area: 'communication' }).error!)).toEqual({
      area: 'Unbekannter Bereich.',
    });
  });

  it.each([
    'Police',
    'Nachtrag',
    'Beitragsrechnung',
    'Schadenmeldung',
    'Korrespondenz',
    'Vollmacht',
    'Maklervertrag',
    'Sonstiges',
  ])('accepts the type %s', (type) => {
    expect(documentSchema.parse({ ...doc, type }).type).toBe(type);
  });

  it('refuses a form without title, type and files in German', () => {
    expect(
      fieldErrorsOf(documentSchema.safeParse({ area: 'finance', title: '  ', type: 'Rechnung', uploads: '' }).error!),
    ).toEqual({
      title: 'Bitte geben Sie einen Titel ein.',
      type: 'Bitte eine Art aus der Liste wählen.',
      uploads: 'Bitte wählen Sie mindestens eine Datei aus.',
    });
  });

  it('refuses a missing title key in German', () => {
    const { title: _t, ...rest } = doc;
    expect(fieldErrorsOf(documentSchema.safeParse(rest).error!).title).toBe('Bitte geben Sie einen Titel ein.');
  });

  it('refuses more than 20 files, malformed upload ids, bad ids and dates', () => {
    const ids = (n: number) =>
      Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join(',');
    expect(fieldErrorsOf(documentSchema.safeParse({ ...doc, uploads: ids(21) }).error!)).toEqual({
      uploads: 'Höchstens 20 Dateien auf einmal.',
    });
    expect(documentSchema.parse({ ...doc, uploads: ids(20) }).uploads).toHaveLength(20);
    // The same upload twice counts once.
    expect(documentSchema.parse({ ...doc, uploads: Array(21).fill(uuid).join(',') }).uploads).toEqual([uuid]);
    expect(fieldErrorsOf(documentSchema.safeParse({ ...doc, uploads: `${uuid},abc` }).error!)).toEqual({
      'uploads.1': 'Ungültige Auswahl.',
    });
    expect(fieldErrorsOf(documentSchema.safeParse({ ...doc, contractId: 'abc' }).error!)).toHaveProperty('contractId');
    expect(fieldErrorsOf(documentSchema.safeParse({ ...doc, contactId: '' }).error!)).toEqual({
      contactId: 'Ungültige Auswahl.',
    });
    expect(fieldErrorsOf(documentSchema.safeParse({ ...doc, documentDate: '30.02.2024' }).error!)).toEqual({
      documentDate: 'Bitte ein gültiges Datum eingeben (TT.MM.JJJJ).',
    });
  });

  it('bounds title and note', () => {
    expect(
      fieldErrorsOf(documentSchema.safeParse({ ...doc, title: 'x'.repeat(201), note: 'x'.repeat(2001) }).error!),
    ).toEqual({ title: 'Höchstens 200 Zeichen.', note: 'Höchstens 2000 Zeichen.' });
  });
});

describe('providerSchema', () => {
  it.each(['insurer', 'finance', 'other'])('accepts the list %s', (kind) => {
    expect(providerSchema.parse({ kind, name: '  Neue Versicherung AG ' })).toEqual({
      kind,
      name: 'Neue Versicherung AG',
    });
  });

  it('refuses unknown lists and too short or long names in German', () => {
    expect(fieldErrorsOf(providerSchema.safeParse({ kind: 'emergency', name: ' x ' }).error!)).toEqual({
      kind: 'Bitte eine Liste wählen.',
      name: 'Bitte geben Sie den Namen ein.',
    });
    expect(fieldErrorsOf(providerSchema.safeParse({ kind: 'other', name: 'x'.repeat(201) }).error!)).toEqual({
      name: 'Höchstens 200 Zeichen.',
    });
    expect(providerSchema.parse({ kind: 'other', name: 'AB' }).name).toBe('AB');
  });
});
