/**
 * A delivered 0100 person → the values of a Mappe contact, and the keys it is matched by: the insurer's
 * Kundennummer seen before (per VU-Nummer), else surname + first name + birth date.
 */
import { salutations } from '../../forms/fields';
import type { GdvPerson } from './types';

export type PersonValues = {
  salutation: string | null;
  title: string | null;
  firstName: string;
  lastName: string;
  company: string | null;
  birthDate: string | null;
  street: string | null;
  zip: string | null;
  city: string | null;
};

const [frau, herr] = salutations;

/** Anrede 1 Herr, 2 Frau, 3 Firma (then Name1 + Name2 are the firm's name). */
export function personValues(p: GdvPerson): PersonValues {
  const firm = p.salutation === '3';
  return {
    salutation: p.salutation === '1' ? herr : p.salutation === '2' ? frau : null,
    title: p.title || null,
    firstName: firm ? '' : p.firstName,
    lastName: firm ? '' : p.surname,
    company: firm ? [p.surname, p.name2].filter(Boolean).join(' ') : null,
    birthDate: p.birthDate && !p.birthDate.partial ? p.birthDate.date : null,
    street: p.street || null,
    zip: p.zip || null,
    city: p.city || null,
  };
}

/** Lower case, single blanks, NFC: how names are compared. */
export const normalName = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The job-wide key of a person: the insurer's Kundennummer where delivered, else name and birth date. */
export function personKey(vuNumber: string, p: GdvPerson): string {
  if (p.customerNumber) return `kn:${vuNumber}:${p.customerNumber}`;
  const v = personValues(p);
  const name = v.company ? normalName(v.company) : `${normalName(v.lastName)}|${normalName(v.firstName)}`;
  return `nm:${name}|${v.birthDate ?? ''}|${normalName(p.zip)}`;
}

export interface PersonMatch {
  targetId: string | null;
  candidates?: { id: string; label: string }[];
}

/**
 * The decision from the lookups: a contact known by the Kundennummer wins; else exactly one contact with
 * the same surname, first name and birth date; several → the review decides; none → a new contact.
 */
export function decideMatch(byNumber: string | null, byName: { id: string; label: string }[]): PersonMatch {
  if (byNumber) return { targetId: byNumber };
  if (byName.length === 1) return { targetId: byName[0]!.id };
  if (byName.length > 1) return { targetId: null, candidates: byName };
  return { targetId: null };
}
