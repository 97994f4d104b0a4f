import { parseGermanDate } from '../../forms/fields';
import { type ContactField, contactFields } from './fields';
import { excelSerialToIso } from './table';

export { contactFields, type ContactField } from './fields';

/** A column mapping: column index (as text) → field. */
export type ColumnMapping = Record<string, ContactField | ''>;

/** Header words (German and English, normalised: lower case, umlauts folded, no punctuation) per field. */
const synonyms: Record<ContactField, string[]> = {
  salutation: ['anrede', 'salutation', 'gender', 'geschlecht', 'prefix'],
  title: ['titel', 'title', 'akademischer titel', 'academic title'],
  firstName: ['vorname', 'vornamen', 'first name', 'firstname', 'given name', 'forename'],
  lastName: ['nachname', 'name', 'familienname', 'zuname', 'last name', 'lastname', 'surname', 'family name'],
  company: ['firma', 'firmenname', 'unternehmen', 'company', 'company name', 'organisation', 'organization'],
  birthDate: [
    'geburtsdatum',
    'geburtstag',
    'geb datum',
    'gebdatum',
    'birth date',
    'birthdate',
    'date of birth',
    'birthday',
    'dob',
  ],
  email: ['e mail', 'email', 'e mail adresse', 'email adresse', 'mail', 'email address', 'e mail address'],
  phone: ['telefon', 'tel', 'telefonnummer', 'festnetz', 'phone', 'telephone', 'phone number'],
  mobile: ['mobil', 'handy', 'mobilnummer', 'mobiltelefon', 'mobile', 'cell', 'mobile phone', 'cell phone'],
  street: ['strasse', 'str', 'anschrift', 'adresse', 'strasse und hausnummer', 'street', 'address'],
  houseNumber: ['hausnummer', 'hausnr', 'nr', 'house number', 'number'],
  zip: ['plz', 'postleitzahl', 'zip', 'zip code', 'postal code', 'postcode'],
  city: ['ort', 'stadt', 'wohnort', 'city', 'town'],
  advisor: ['betreuer', 'berater', 'vermittler', 'advisor', 'adviser', 'account manager'],
  customerNumber: ['kundennummer', 'kunden nr', 'kundennr', 'kd nr', 'customer number', 'customer id', 'client number'],
  note: ['notiz', 'notizen', 'bemerkung', 'bemerkungen', 'kommentar', 'note', 'notes', 'comment', 'comments'],
};

export function normaliseHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const lookup = new Map<string, ContactField>(
  Object.entries(synonyms).flatMap(([field, words]) => words.map((w) => [normaliseHeader(w), field as ContactField])),
);

/** The field a header names, if any. */
export function detectField(header: string): ContactField | null {
  return lookup.get(normaliseHeader(header)) ?? null;
}

/**
 * The automatic mapping of a header row: each known header to its field, each field once (the first
 * column wins). `remembered` (the tenant's last mapping, by header) is preferred where it names the header.
 */
export function detectMapping(headers: readonly string[], remembered: Record<string, string> = {}): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  headers.forEach((h, i) => {
    const prior = remembered[normaliseHeader(h)];
    const field =
      prior !== undefined && (prior === '' || (contactFields as readonly string[]).includes(prior))
        ? (prior as ContactField | '')
        : detectField(h);
    if (field && !taken.has(field)) {
      mapping[String(i)] = field;
      taken.add(field);
    } else mapping[String(i)] = '';
  });
  return mapping;
}

/** A date cell: TT.MM.JJJJ, JJJJ-MM-TT or an Excel date serial → 'YYYY-MM-DD'; null when not a date. */
export function parseImportDate(value: string): string | null {
  const v = value.trim();
  if (/^\d{1,5}(\.0+)?$/.test(v) && Number(v) > 59) return excelSerialToIso(Number(v));
  const short = /^(\d{1,2})\.(\d{1,2})\.(\d{2})$/.exec(v);
  if (short) return null; // two-digit years are ambiguous for birth dates
  return parseGermanDate(v);
}

/** The salutation as stored ('Frau' | 'Herr' | 'Divers'), 'firm' for "Firma", null when empty, undefined when unknown. */
export function parseSalutation(value: string): 'Frau' | 'Herr' | 'Divers' | 'firm' | null | undefined {
  const v = normaliseHeader(value);
  if (!v) return null;
  if (['frau', 'fr', 'mrs', 'ms', 'miss', 'w', 'female', 'weiblich'].includes(v)) return 'Frau';
  if (['herr', 'hr', 'herrn', 'mr', 'm', 'male', 'maennlich'].includes(v)) return 'Herr';
  if (['divers', 'd', 'diverse', 'mx', 'other'].includes(v)) return 'Divers';
  if (['firma', 'company', 'fa', 'firm'].includes(v)) return 'firm';
  return undefined;
}
