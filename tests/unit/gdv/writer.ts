/**
 * A small fixed-width GDV writer for tests, built straight from the reference table
 * (shared/reference/gdv-and-deadlines.md §2; positions 1-based inclusive). Independent of the reader's
 * tables on purpose: a wrong position in either shows up as a failing test.
 */
type Fields = Record<number, string | number | undefined>; // start position → value

export interface Header {
  vu?: string;
  sparte?: string;
  policy?: string;
  seq?: string;
  agency?: string;
}

/** One 256-character record: Satzart, header, fields by start position, Teildatensatz at 256. */
export function record(satzart: string, header: Header, td: string, fields: Fields): string {
  const chars = Array<string>(256).fill(' ');
  const put = (at: number, value: string) => {
    for (let i = 0; i < value.length; i++) chars[at - 1 + i] = value[i]!;
  };
  put(1, satzart);
  put(5, (header.vu ?? '').padEnd(5));
  put(11, (header.sparte ?? '').padStart(3));
  put(14, (header.policy ?? '').padStart(17));
  put(31, (header.seq ?? '').padEnd(2));
  put(33, (header.agency ?? '').padEnd(10));
  for (const [at, value] of Object.entries(fields)) if (value !== undefined) put(Number(at), String(value));
  chars[255] = td;
  return chars.join('');
}

/** Zero-filled number of `width` digits (cents for money). */
export const n = (value: number, width: number) => String(value).padStart(width, '0');
/** TTMMJJJJ from 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' (missing parts as 00). */
export function d(iso: string): string {
  const [y, m = '00', day = '00'] = iso.split('-');
  return `${day}${m}${y}`;
}
const text = (value: string, width: number) => value.slice(0, width).padEnd(width);

export interface Vorsatz {
  vu: string;
  sender: string;
  addressee?: string;
  from?: string;
  to?: string;
  broker?: string;
}
export function vorsatz(v: Vorsatz): string[] {
  const td1 = record('0001', { vu: v.vu }, '1', {
    10: text(v.sender, 30),
    40: text(v.addressee ?? 'Makler GmbH', 30),
    70: v.from ? d(v.from) : undefined,
    78: v.to ? d(v.to) : undefined,
    86: text(v.broker ?? '', 10),
    96: '2.5',
  });
  // Vorsatz TD2 carries more Satzart versions; contents irrelevant to Mappe.
  return [td1, record('0001', { vu: v.vu }, '2', { 43: '2.5' })];
}

export interface Person {
  salutation?: string;
  surname: string;
  name2?: string;
  firstName?: string;
  title?: string;
  country?: string;
  zip?: string;
  city?: string;
  street?: string;
  birth?: string;
  gender?: string;
  customerNumber?: string;
}
export function person(h: Header, p: Person): string[] {
  return [
    record('0100', h, '1', {
      43: p.salutation ?? '1',
      44: text(p.surname, 30),
      74: text(p.name2 ?? '', 30),
      104: text(p.firstName ?? '', 30),
      134: text(p.title ?? '', 20),
      154: text(p.country ?? 'D', 3),
      157: text(p.zip ?? '', 6),
      163: text(p.city ?? '', 25),
      188: text(p.street ?? '', 30),
      226: p.birth ? d(p.birth) : undefined,
      255: p.gender,
    }),
    record('0100', h, '2', { 43: text(p.customerNumber ?? '', 17) }),
  ];
}

export interface Vertrag {
  inkasso?: string;
  start?: string;
  end?: string;
  due?: string;
  frequency?: string;
  status?: string;
  exitReason?: string;
  exitDate?: string;
  currency?: string;
  net?: number | null;
  remaining?: number;
  clause?: string;
  gross?: number | null;
  printable?: string;
  product?: string;
  policyDate?: string;
}
export function vertrag(h: Header, v: Vertrag): string[] {
  return [
    record('0200', h, '1', {
      43: v.inkasso ?? '1',
      44: v.start ? d(v.start) : undefined,
      52: v.end ? d(v.end) : undefined,
      60: v.due ? d(v.due) : undefined,
      68: v.frequency,
      69: v.status,
      70: v.exitReason,
      72: v.exitDate ? d(v.exitDate) : undefined,
      113: v.currency ?? 'EUR',
      116: v.net == null ? undefined : n(v.net, 12),
      195: v.remaining == null ? undefined : n(v.remaining, 2),
    }),
    record('0200', h, '2', {
      43: v.clause,
      72: v.gross == null ? undefined : n(v.gross, 12),
      84: text(v.printable ?? '', 30),
      114: text(v.product ?? '', 20),
      147: v.policyDate ? d(v.policyDate) : undefined,
    }),
  ];
}

export function hausrat(h: Header, p: { status?: string; start?: string; premium?: number }): string {
  return record('0210', { ...h, sparte: '130' }, '1', {
    43: p.status ?? '1',
    44: p.start ? d(p.start) : undefined,
    181: p.premium == null ? undefined : n(p.premium, 12),
  });
}

/** Nachsatz with the count of records between Vorsatz and Nachsatz (unless given). */
export function nachsatz(vu: string, body: string[], count?: number, totalCents = 0): string {
  return record('9999', { vu }, '1', { 5: n(count ?? body.length, 10), 25: n(totalCents, 15), 55: n(0, 14) });
}

/** A whole Datenpaket: Vorsatz, the body records, Nachsatz. */
export function paket(v: Vorsatz, body: string[], count?: number): string[] {
  return [...vorsatz(v), ...body, nachsatz(v.vu, body, count)];
}

/** Bytes in ISO-8859-1 with the given separator. */
export function file(records: string[], sep: '\n' | '\r\n' | '' = '\n'): Buffer {
  return Buffer.from(records.join(sep) + sep, 'latin1');
}

/** The bytes as an async iterable of small chunks (to cross record borders). */
export async function* chunks(buf: Buffer, size = 100): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
