import type { GdvDate } from './fields';

/** 0001 Vorsatz: who delivers to whom, for which period. */
export interface GdvVorsatz {
  line: number;
  vuNumber: string;
  /** Absender: the insurer's name. */
  sender: string;
  addressee: string;
  createdFrom: GdvDate;
  createdTo: GdvDate;
  broker: string;
}

/** 0100 Partnerdaten (TD1 address, TD2 Kundennummer and communication). */
export interface GdvPerson {
  line: number;
  /** Anredeschlüssel: 1 Herr, 2 Frau, 3 Firma, others raw; '' blank. */
  salutation: string;
  surname: string;
  name2: string;
  firstName: string;
  title: string;
  country: string;
  zip: string;
  city: string;
  street: string;
  birthDate: GdvDate;
  gender: string;
  /** The insurer's Kundennummer (0100 TD2); '' when not delivered. */
  customerNumber: string;
}

/** 0210: the Sparte-specific part of a (bundled) contract. */
export interface GdvPart {
  line: number;
  sparte: string;
  status: string;
  startDate: GdvDate;
  /** Only where the position is known for the Sparte (130 Hausrat). */
  premiumCents: number | null;
}

/** The key that identifies a contract across deliveries: VU-Nummer + Sparte + Versicherungsschein-Nr (+ Folgenummer). */
export interface GdvKey {
  vuNumber: string;
  sparte: string;
  policyNumber: string;
  sequence: string;
}

/** A contract as delivered: 0100 persons (the first is the policyholder), 0200 and its 0210 parts. */
export interface GdvContract {
  line: number;
  key: GdvKey;
  agency: string;
  persons: GdvPerson[];
  inkasso: string;
  startDate: GdvDate;
  endDate: GdvDate;
  mainDueDate: GdvDate;
  /** Zahlungsweise code; '' blank. */
  frequency: string;
  /** Vertragsstatus code; '' blank. */
  status: string;
  exitReason: string;
  exitDate: GdvDate;
  currency: string;
  netPremiumCents: number | null;
  remainingYears: number | null;
  cancellationClause: string;
  grossPremiumCents: number | null;
  printablePolicyNumber: string;
  productName: string;
  policyDate: GdvDate;
  parts: GdvPart[];
}

/** A refusal: a catalog key with its values, the line and (where one) the field's catalog key. */
export interface GdvIssue {
  key: string;
  line: number;
  values: Record<string, string | number>;
  /** Catalog key of the field's German name (gdv.fields.*). */
  field?: string;
}

export type GdvEvent =
  | { kind: 'packet'; packet: number; vorsatz: GdvVorsatz }
  /** A contract of an open Datenpaket: final only when its packet ends with `packetDone`. */
  | { kind: 'contract'; packet: number; contract: GdvContract }
  | {
      kind: 'packetDone';
      packet: number;
      line: number;
      records: number;
      contracts: number;
      skipped: Record<string, number>;
    }
  /** The whole Datenpaket is refused: drop its contracts. */
  | { kind: 'packetFailed'; packet: number; issue: GdvIssue }
  /** Something outside any Datenpaket (records before a Vorsatz, an empty file). */
  | { kind: 'fileIssue'; issue: GdvIssue };
