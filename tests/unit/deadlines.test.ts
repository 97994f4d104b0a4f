/**
 * The deadline engine as a table: every rule row of reference §5, leap years, month ends, inclusive and
 * exclusive Ablauf, partial dates, life and health, events after the deadline, weekend and holiday
 * warnings, the roll-forward from 2004, ended contracts. Dates are written as a German reader would.
 */
import { describe, expect, it } from 'vitest';
import {
  type CalendarDate,
  contractDeadlines,
  type Deadline,
  type DeadlineContract,
  type PartialDate,
  type RuleId,
  rules,
} from '../../lib/deadlines';
import { explainDeadline } from '../../lib/deadlines/explain';

/** '30.09.2026' → full day; '00.08.2024' (GDV: 00 = unknown), '08.2024', '2024' → partial. */
function p(s: string): PartialDate {
  const parts = s.split('.').map(Number);
  if (parts.length === 3) return { day: parts[0] || null, month: parts[1] || null, year: parts[2]! };
  if (parts.length === 2) return { month: parts[0] || null, year: parts[1]! };
  return { year: parts[0]! };
}
const d = (s: string) => p(s) as CalendarDate;
const pad = (n: number) => String(n).padStart(2, '0');
const fmt = (x: CalendarDate | null) => (x ? `${pad(x.day)}.${pad(x.month)}.${x.year}` : null);

type Tuple = [RuleId, Deadline['state'], string | null, string | null];
interface Row {
  name: string;
  c: Partial<DeadlineContract>;
  today?: string;
  grace?: number;
  want: Tuple[];
}

/** A running, renewing Hausrat contract, today 01.06.2026, unless the row says otherwise. */
const run = (row: Pick<Row, 'c' | 'today' | 'grace'>) =>
  contractDeadlines(
    { sparte: '130', status: 'running', autoRenewal: true, ...row.c },
    d(row.today ?? '01.06.2026'),
    row.grace === undefined ? {} : { graceDays: row.grace },
  );
const tuples = (list: Deadline[]): Tuple[] => list.map((x) => [x.rule.id, x.state, fmt(x.lastDay), fmt(x.effectiveOn)]);

const seen = new Set<RuleId>();

function table(title: string, rows: Row[]) {
  describe(title, () => {
    it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
      const got = run(row);
      got.forEach((x) => seen.add(x.rule.id));
      expect(tuples(got)).toEqual(row.want);
    });
  });
}

table('§5 rule rows', [
  {
    name: 'ordinary: 3 months before Hauptfälligkeit 01.01.2027',
    c: { mainDueDate: p('01.01.2027') },
    want: [['ordinary', 'open', '30.09.2026', '01.01.2027']],
  },
  {
    name: 'ordinary: agreed 1 month',
    c: { mainDueDate: p('01.01.2027'), noticeMonths: 1 },
    want: [['ordinary', 'open', '30.11.2026', '01.01.2027']],
  },
  {
    name: 'ordinary: agreed 2 months',
    c: { mainDueDate: p('01.07.2026'), noticeMonths: 2 },
    today: '01.03.2026',
    want: [['ordinary', 'open', '30.04.2026', '01.07.2026']],
  },
  {
    name: 'ordinary: 6 months agreed is capped at 3',
    c: { mainDueDate: p('01.01.2027'), noticeMonths: 6 },
    want: [['ordinary', 'open', '30.09.2026', '01.01.2027']],
  },
  {
    name: 'ordinary: a non-renewing contract with Ablauf just ends',
    c: { autoRenewal: false, endDate: p('01.01.2027') },
    want: [],
  },
  {
    name: 'long term (§11(4)): 10 years from 2024, out at the end of year 3',
    c: { startDate: p('01.01.2024'), endDate: p('01.01.2034') },
    want: [
      ['longTerm', 'open', '30.09.2026', '01.01.2027'],
      ['ordinary', 'open', '30.09.2033', '01.01.2034'],
    ],
  },
  {
    name: 'long term: year 3 just missed → overdue, year 4 open',
    c: { startDate: p('01.01.2024'), endDate: p('01.01.2034'), autoRenewal: false },
    today: '15.10.2026',
    want: [
      ['longTerm', 'overdue', '30.09.2026', '01.01.2027'],
      ['longTerm', 'open', '30.09.2027', '01.01.2028'],
    ],
  },
  {
    name: 'long term: not before year 3',
    c: { startDate: p('15.03.2025'), endDate: p('15.03.2035'), autoRenewal: false },
    want: [['longTerm', 'open', '14.12.2027', '15.03.2028']],
  },
  {
    name: 'long term: exactly 3 years is not more than 3',
    c: { startDate: p('01.01.2024'), endDate: p('01.01.2027'), autoRenewal: false },
    want: [],
  },
  {
    name: 'long term: Ablauf years away, Beginn missing → unknown',
    c: { endDate: p('01.01.2034'), autoRenewal: false },
    want: [['longTerm', 'unknown', null, null]],
  },
  {
    name: 'motor 050: Hauptfälligkeit 01.01. → bis 30.11.',
    c: { sparte: '050', mainDueDate: p('01.01.2027') },
    want: [['motor', 'open', '30.11.2026', '01.01.2027']],
  },
  {
    name: 'motor 051 Kfz-Haftpflicht',
    c: { sparte: '051', mainDueDate: p('01.01.2027') },
    want: [['motor', 'open', '30.11.2026', '01.01.2027']],
  },
  {
    name: 'motor: Beginn 15.03. runs to the next first (PflVG §5a(1) Nr. 2)',
    c: { sparte: '052', startDate: p('15.03.2020') },
    want: [['motor', 'open', '28.02.2027', '01.04.2027']],
  },
  {
    name: 'premium increase: 1 month (VVG §40)',
    c: { events: { premiumIncreaseReceived: p('15.05.2026') } },
    today: '20.05.2026',
    want: [
      ['premiumIncrease', 'open', '15.06.2026', null],
      ['ordinary', 'unknown', null, null],
    ],
  },
  {
    name: 'premium increase 31.01. → 28.02.',
    c: { events: { premiumIncreaseReceived: p('31.01.2026') } },
    today: '01.02.2026',
    want: [
      ['premiumIncrease', 'open', '28.02.2026', null],
      ['ordinary', 'unknown', null, null],
    ],
  },
  {
    name: 'premium increase, health: 2 months (§205(4))',
    c: { sparte: '020', events: { premiumIncreaseReceived: p('15.05.2026') } },
    today: '20.05.2026',
    want: [
      ['healthPremiumIncrease', 'open', '15.07.2026', null],
      ['health', 'unknown', null, null],
    ],
  },
  {
    name: 'health ordinary: 3 months, renewal or not',
    c: { sparte: '020', autoRenewal: false, mainDueDate: p('01.01.2027') },
    want: [['health', 'open', '30.09.2026', '01.01.2027']],
  },
  {
    name: 'claim, property (§92)',
    c: { events: { claimSettled: p('10.05.2026') } },
    want: [
      ['claimProperty', 'open', '10.06.2026', null],
      ['ordinary', 'unknown', null, null],
    ],
  },
  {
    name: 'claim, Vollkasko 052 (§92)',
    c: { sparte: '052', mainDueDate: p('01.01.2027'), events: { claimSettled: p('10.05.2026') } },
    want: [
      ['claimProperty', 'open', '10.06.2026', null],
      ['motor', 'open', '30.11.2026', '01.01.2027'],
    ],
  },
  {
    name: 'claim, Teilkasko 053 (§92)',
    c: { sparte: '053', mainDueDate: p('01.01.2027'), events: { claimSettled: p('10.05.2026') } },
    want: [
      ['claimProperty', 'open', '10.06.2026', null],
      ['motor', 'open', '30.11.2026', '01.01.2027'],
    ],
  },
  {
    name: 'claim, Wohngebäude 140 (§92)',
    c: { sparte: '140', mainDueDate: p('01.01.2027'), events: { claimSettled: p('10.05.2026') } },
    want: [
      ['claimProperty', 'open', '10.06.2026', null],
      ['ordinary', 'open', '30.09.2026', '01.01.2027'],
    ],
  },
  {
    name: 'claim, liability 041 (§111)',
    c: { sparte: '041', mainDueDate: p('01.01.2027'), events: { claimSettled: p('10.05.2026') } },
    want: [
      ['claimLiability', 'open', '10.06.2026', null],
      ['ordinary', 'open', '30.09.2026', '01.01.2027'],
    ],
  },
  {
    name: 'claim, Kfz-Haftpflicht 051 (§111)',
    c: { sparte: '051', mainDueDate: p('01.01.2027'), events: { claimSettled: p('10.05.2026') } },
    want: [
      ['claimLiability', 'open', '10.06.2026', null],
      ['motor', 'open', '30.11.2026', '01.01.2027'],
    ],
  },
  {
    name: 'claim, Kraftfahrt bundle 050 (§92, §111)',
    c: { sparte: '050', mainDueDate: p('01.01.2027'), events: { claimSettled: p('10.05.2026') } },
    want: [
      ['claimMotor', 'open', '10.06.2026', null],
      ['motor', 'open', '30.11.2026', '01.01.2027'],
    ],
  },
  {
    name: 'claim, Unfall 030: no statutory right',
    c: { sparte: '030', mainDueDate: p('01.01.2027'), events: { claimSettled: p('10.05.2026') } },
    want: [['ordinary', 'open', '30.09.2026', '01.01.2027']],
  },
  {
    name: 'sale, vehicle: buyer 1 month',
    c: { sparte: '050', mainDueDate: p('01.01.2027'), events: { acquired: p('20.05.2026') } },
    want: [
      ['saleMotor', 'open', '20.06.2026', null],
      ['motor', 'open', '30.11.2026', '01.01.2027'],
    ],
  },
  {
    name: 'sale, Wohngebäude',
    c: { sparte: '140', mainDueDate: p('01.01.2027'), events: { acquired: p('20.05.2026') } },
    want: [
      ['sale', 'open', '20.06.2026', null],
      ['ordinary', 'open', '30.09.2026', '01.01.2027'],
    ],
  },
  {
    name: 'sale, Hausrat: not sold with a house',
    c: { mainDueDate: p('01.01.2027'), events: { acquired: p('20.05.2026') } },
    want: [['ordinary', 'open', '30.09.2026', '01.01.2027']],
  },
  {
    name: 'life: any time to the end of the period',
    c: { sparte: '010', mainDueDate: p('01.01.2027'), endDate: p('01.01.2045') },
    want: [['life', 'open', '31.12.2026', '01.01.2027']],
  },
  {
    name: 'life: the term ends before the next period end',
    c: { sparte: '010', mainDueDate: p('01.01.2027'), endDate: p('01.10.2026') },
    want: [['life', 'open', '30.09.2026', '01.10.2026']],
  },
  {
    name: 'withdrawal: 14 days, sending is enough',
    c: { mainDueDate: p('01.06.2027'), events: { documentsReceived: p('25.05.2026') } },
    want: [
      ['withdrawal', 'open', '08.06.2026', null],
      ['ordinary', 'open', '28.02.2027', '01.06.2027'],
    ],
  },
  {
    name: 'withdrawal, life: 30 days (§152)',
    c: { sparte: '010', mainDueDate: p('01.05.2027'), events: { documentsReceived: p('25.05.2026') } },
    want: [
      ['lifeWithdrawal', 'open', '24.06.2026', null],
      ['life', 'open', '30.04.2027', '01.05.2027'],
    ],
  },
]);

table('month ends and leap years', [
  {
    name: 'inclusive Ablauf 31.08. → 31.05.',
    c: { endDate: p('31.08.2026') },
    today: '01.03.2026',
    want: [['ordinary', 'open', '31.05.2026', '01.09.2026']],
  },
  {
    name: '3 months before 01.03.2027 → 30.11.2026 (30.11. + 3 months = 28.02.)',
    c: { mainDueDate: p('01.03.2027') },
    want: [['ordinary', 'open', '30.11.2026', '01.03.2027']],
  },
  {
    name: '3 months before 01.03.2028 → 30.11.2027 (+ 3 months = 29.02.2028)',
    c: { mainDueDate: p('01.03.2028') },
    today: '01.12.2026',
    want: [['ordinary', 'open', '30.11.2027', '01.03.2028']],
  },
  {
    name: 'boundary on the 31st: 3 months before 31.05.2027 → 28.02.2027',
    c: { mainDueDate: p('31.05.2027') },
    want: [['ordinary', 'open', '28.02.2027', '31.05.2027']],
  },
  {
    name: 'motor, 1 month before 01.03.2028 → 31.01.2028 (31.01. + 1 month = 29.02.)',
    c: { sparte: '050', mainDueDate: p('01.03.2028') },
    today: '01.06.2027',
    want: [['motor', 'open', '31.01.2028', '01.03.2028']],
  },
  {
    name: 'a year begun 29.02.2024 ends before 01.03.2027',
    c: { mainDueDate: p('29.02.2024') },
    want: [['ordinary', 'open', '30.11.2026', '01.03.2027']],
  },
  {
    name: '… and before 29.02.2028 in a leap year',
    c: { mainDueDate: p('29.02.2024') },
    today: '01.11.2027',
    want: [['ordinary', 'open', '28.11.2027', '29.02.2028']],
  },
  {
    name: 'inclusive Ablauf on the leap day 29.02.2028',
    c: { endDate: p('29.02.2028'), endDateConvention: 'inclusive' },
    today: '01.06.2027',
    want: [['ordinary', 'open', '30.11.2027', '01.03.2028']],
  },
  {
    name: 'premium increase 31.01.2028 → 29.02.2028',
    c: { events: { premiumIncreaseReceived: p('31.01.2028') } },
    today: '01.02.2028',
    want: [
      ['premiumIncrease', 'open', '29.02.2028', null],
      ['ordinary', 'unknown', null, null],
    ],
  },
  {
    name: 'the last day today is still open',
    c: { mainDueDate: p('01.01.2027') },
    today: '30.09.2026',
    want: [['ordinary', 'open', '30.09.2026', '01.01.2027']],
  },
]);

const sameEnd: Tuple[] = [['ordinary', 'open', '30.09.2026', '01.01.2027']];
table('exclusive and inclusive Ablauf', [
  { name: 'Hauptfälligkeit 01.01.2027', c: { mainDueDate: p('01.01.2027') }, want: sameEnd },
  { name: 'Ablauf 01.01.2027 (exclusive, most insurers)', c: { endDate: p('01.01.2027') }, want: sameEnd },
  { name: 'Ablauf 31.12.2026 (month end → inclusive)', c: { endDate: p('31.12.2026') }, want: sameEnd },
  {
    name: 'Ablauf 31.12.2026 beside Hauptfälligkeit 01.01.',
    c: { endDate: p('31.12.2026'), mainDueDate: p('01.01.2027') },
    want: sameEnd,
  },
  {
    name: 'Ablauf 01.01.2027 beside Hauptfälligkeit 01.01.',
    c: { endDate: p('01.01.2027'), mainDueDate: p('01.01.2027') },
    want: sameEnd,
  },
  {
    name: 'Ablauf 31.12.2026 said to be inclusive',
    c: { endDate: p('31.12.2026'), endDateConvention: 'inclusive' },
    want: sameEnd,
  },
  {
    name: 'Ablauf 31.12.2026 said to be exclusive: ends a day earlier',
    c: { endDate: p('31.12.2026'), endDateConvention: 'exclusive' },
    want: [['ordinary', 'open', '30.09.2026', '31.12.2026']],
  },
  {
    name: 'Ablauf 31.03.2027 beside Beginn 01.04. → inclusive',
    c: { startDate: p('01.04.2020'), endDate: p('31.03.2027') },
    want: [['ordinary', 'open', '31.12.2026', '01.04.2027']],
  },
  {
    name: 'Ablauf 31.01.2027 beside Beginn 31.01. → exclusive',
    c: { startDate: p('31.01.2020'), endDate: p('31.01.2027') },
    want: [['ordinary', 'open', '30.10.2026', '31.01.2027']],
  },
]);

table('partial, missing and impossible dates', [
  { name: 'nothing known → Ablauf fehlt', c: {}, want: [['ordinary', 'unknown', null, null]] },
  { name: 'non-renewing without Ablauf', c: { autoRenewal: false }, want: [['ordinary', 'unknown', null, null]] },
  { name: 'Hauptfälligkeit year only', c: { mainDueDate: p('2027') }, want: [['ordinary', 'unknown', null, null]] },
  {
    name: 'Hauptfälligkeit month and year (GDV 00012027)',
    c: { mainDueDate: p('00.01.2027'), startDate: p('01.01.2020') },
    want: [['ordinary', 'unknown', null, null]],
  },
  {
    name: 'Ablauf partial in the future: the term could end elsewhere',
    c: { endDate: p('2030'), mainDueDate: p('01.01.2027') },
    want: [['ordinary', 'unknown', null, null]],
  },
  {
    name: 'Ablauf partial and behind us (merger 00082024): renewed, Hauptfälligkeit counts',
    c: { endDate: p('00.08.2024'), mainDueDate: p('01.01.2027') },
    want: sameEnd,
  },
  {
    name: 'Beginn partial does not matter beside a Hauptfälligkeit',
    c: { startDate: p('2004'), mainDueDate: p('01.01.2027') },
    want: sameEnd,
  },
  { name: 'Beginn partial alone', c: { startDate: p('03.2004') }, want: [['ordinary', 'unknown', null, null]] },
  {
    name: 'impossible day 31.02.',
    c: { mainDueDate: { year: 2027, month: 2, day: 31 } },
    want: [['ordinary', 'unknown', null, null]],
  },
  {
    name: 'partial event',
    c: { mainDueDate: p('01.01.2027'), events: { premiumIncreaseReceived: p('05.2026') } },
    want: [
      ['ordinary', 'open', '30.09.2026', '01.01.2027'],
      ['premiumIncrease', 'unknown', null, null],
    ],
  },
  {
    name: 'life without Hauptfälligkeit or Beginn',
    c: { sparte: '010', endDate: p('01.01.2045') },
    want: [['life', 'unknown', null, null]],
  },
  {
    name: 'life with a partial Ablauf before the next end',
    c: { sparte: '010', mainDueDate: p('01.01.2027'), endDate: p('2026') },
    want: [['life', 'unknown', null, null]],
  },
  {
    name: 'life with a partial Ablauf far away',
    c: { sparte: '010', mainDueDate: p('01.01.2027'), endDate: p('2045') },
    want: [['life', 'open', '31.12.2026', '01.01.2027']],
  },
]);

table('life and health specials', [
  {
    name: 'life has no ordinary §11 deadline, even when renewing is not recorded',
    c: { sparte: '010', autoRenewal: null, startDate: p('15.03.2010') },
    want: [['life', 'open', '14.03.2027', '15.03.2027']],
  },
  {
    name: 'life after its Ablauf: over',
    c: { sparte: '010', mainDueDate: p('01.01.2027'), endDate: p('01.05.2026') },
    want: [],
  },
  {
    name: 'health rolls from Beginn',
    c: { sparte: '020', startDate: p('01.07.2015') },
    want: [['health', 'open', '31.03.2027', '01.07.2027']],
  },
  {
    name: 'health with a shorter agreed notice',
    c: { sparte: '020', mainDueDate: p('01.01.2027'), noticeMonths: 1 },
    want: [['health', 'open', '30.11.2026', '01.01.2027']],
  },
  {
    name: 'health: no long-term rule',
    c: { sparte: '020', startDate: p('01.01.2020'), endDate: p('01.01.2040'), mainDueDate: p('01.01.2027') },
    want: [['health', 'open', '30.09.2026', '01.01.2027']],
  },
]);

table('events after the deadline', [
  {
    name: 'increase long past: gone',
    c: { events: { premiumIncreaseReceived: p('01.03.2026') } },
    want: [['ordinary', 'unknown', null, null]],
  },
  {
    name: 'increase missed 17 days ago: overdue',
    c: { events: { premiumIncreaseReceived: p('15.04.2026') } },
    want: [
      ['premiumIncrease', 'overdue', '15.05.2026', null],
      ['ordinary', 'unknown', null, null],
    ],
  },
  {
    name: '… not with a grace of 0',
    c: { events: { premiumIncreaseReceived: p('15.04.2026') } },
    grace: 0,
    want: [['ordinary', 'unknown', null, null]],
  },
  {
    name: 'increase after the ordinary deadline: its own window, the missed one overdue',
    c: { mainDueDate: p('01.01.2027'), events: { premiumIncreaseReceived: p('10.10.2026') } },
    today: '15.10.2026',
    want: [
      ['ordinary', 'overdue', '30.09.2026', '01.01.2027'],
      ['premiumIncrease', 'open', '10.11.2026', null],
      ['ordinary', 'open', '30.09.2027', '01.01.2028'],
    ],
  },
  {
    name: 'claim settled 3 months ago: gone',
    c: { events: { claimSettled: p('01.03.2026') }, mainDueDate: p('01.01.2027') },
    want: sameEnd,
  },
  {
    name: 'withdrawal period over',
    c: { events: { documentsReceived: p('01.04.2026') }, mainDueDate: p('01.01.2027') },
    want: sameEnd,
  },
]);

table('rolling forward from 2004', [
  {
    name: 'Beginn 01.04.2004 only',
    c: { startDate: p('01.04.2004') },
    want: [['ordinary', 'open', '31.12.2026', '01.04.2027']],
  },
  {
    name: 'Hauptfälligkeit 01.01.2005 as delivered in 2004',
    c: { startDate: p('01.04.2004'), mainDueDate: p('01.01.2005') },
    want: sameEnd,
  },
  {
    name: 'a past Ablauf yields to the Hauptfälligkeit (the insurer moved the year to 01.07.)',
    c: { endDate: p('01.01.2020'), mainDueDate: p('01.07.2026') },
    want: [['ordinary', 'open', '31.03.2027', '01.07.2027']],
  },
  {
    name: 'Ablauf 01.01.2005 as delivered in 2004',
    c: { startDate: p('01.04.2004'), endDate: p('01.01.2005') },
    want: sameEnd,
  },
  {
    name: 'just past this year’s deadline: overdue and next year',
    c: { mainDueDate: p('01.01.2005') },
    today: '10.10.2026',
    want: [
      ['ordinary', 'overdue', '30.09.2026', '01.01.2027'],
      ['ordinary', 'open', '30.09.2027', '01.01.2028'],
    ],
  },
  {
    name: 'past the grace: only next year',
    c: { mainDueDate: p('01.01.2005') },
    today: '01.11.2026',
    want: [['ordinary', 'open', '30.09.2027', '01.01.2028']],
  },
  {
    name: 'motor from 2004',
    c: { sparte: '050', mainDueDate: p('01.01.2005') },
    today: '01.12.2026',
    want: [
      ['motor', 'overdue', '30.11.2026', '01.01.2027'],
      ['motor', 'open', '30.11.2027', '01.01.2028'],
    ],
  },
  {
    name: 'a Hauptfälligkeit equal to Beginn is no end',
    c: { startDate: p('01.01.2026'), mainDueDate: p('01.01.2026') },
    today: '02.01.2026',
    want: [['ordinary', 'open', '30.09.2026', '01.01.2027']],
  },
]);

table('ended contracts', [
  {
    name: 'status ended',
    c: { status: 'ended', mainDueDate: p('01.01.2027'), events: { premiumIncreaseReceived: p('20.05.2026') } },
    want: [],
  },
  {
    name: 'not renewing and past its Ablauf',
    c: { autoRenewal: false, endDate: p('01.01.2026'), events: { claimSettled: p('20.05.2026') } },
    want: [],
  },
  { name: 'not renewing, partial Ablauf behind us', c: { autoRenewal: false, endDate: p('00.08.2024') }, want: [] },
  { name: 'Bausparen 580 is no insurance', c: { sparte: '580', mainDueDate: p('01.01.2027') }, want: [] },
]);

describe('coverage of the rules', () => {
  it('every rule of reference §5 (but §38) is produced by some row', () => {
    expect([...seen].sort()).toEqual(Object.keys(rules).sort());
  });
});

describe('each deadline carries its rule, source and reason', () => {
  const [ordinary] = run({ c: { mainDueDate: p('01.01.2027') } });

  it('says it in German exactly like the issue', () => {
    expect(ordinary!.rule.source).toBe('VVG §11(1)–(3)');
    expect(ordinary!.rule.counts).toBe('receipt');
    expect(ordinary!.id).toBe('ordinary:2027-01-01');
    expect(explainDeadline(ordinary!, 'de').reason).toBe(
      'ordentlich: 3 Monate vor Hauptfälligkeit 01.01.2027 → Kündigung muss bis 30.09.2026 beim Versicherer sein',
    );
    expect(explainDeadline(ordinary!, 'de').effect).toBe('wirksam zum 01.01.2027');
  });

  it('and in English', () => {
    expect(explainDeadline(ordinary!, 'en').reason).toBe(
      'ordinary: 3 months before main due date 01/01/2027 → the cancellation must reach the insurer by 30/09/2026',
    );
  });

  it.each([
    [
      { sparte: '050', mainDueDate: p('01.01.2027') },
      'PflVG §5a(1)',
      'Kfz: 1 Monat vor Hauptfälligkeit 01.01.2027 → Kündigung muss bis 30.11.2026 beim Versicherer sein',
    ],
    [
      { endDate: p('31.12.2026') },
      'VVG §11(1)–(3)',
      'ordentlich: 3 Monate vor Ablauf 31.12.2026 → Kündigung muss bis 30.09.2026 beim Versicherer sein',
    ],
    [{}, 'VVG §11(1)–(3)', 'Frist unbekannt – Ablauf fehlt'],
    [{ mainDueDate: p('00.01.2027') }, 'VVG §11(1)–(3)', 'Frist unbekannt – Hauptfälligkeit unvollständig (01.2027)'],
    [
      { sparte: '010', mainDueDate: p('01.01.2027') },
      'VVG §168(1)',
      'Leben: jederzeit zum Ende der Versicherungsperiode (Hauptfälligkeit 01.01.2027) → Kündigung muss bis 31.12.2026 beim Versicherer sein',
    ],
    [
      { sparte: '020', mainDueDate: p('01.01.2027') },
      'VVG §205(1)',
      'Kranken: 3 Monate vor Hauptfälligkeit 01.01.2027 → Kündigung muss bis 30.09.2026 beim Versicherer sein',
    ],
    [
      { sparte: '041', events: { claimSettled: p('10.05.2026') } },
      'VVG §111',
      'nach Schaden: anerkannt oder abgelehnt am 10.05.2026, Kündigung binnen 1 Monat → Kündigung muss bis 10.06.2026 beim Versicherer sein',
    ],
    [
      { sparte: '140', events: { acquired: p('20.05.2026') } },
      'VVG §96(2)',
      'Erwerb: Gebäude erworben am 20.05.2026, der Erwerber kann binnen 1 Monat kündigen → Kündigung muss bis 20.06.2026 beim Versicherer sein',
    ],
    [
      { sparte: '020', mainDueDate: p('01.01.2027'), events: { premiumIncreaseReceived: p('15.05.2026') } },
      'VVG §205(4)',
      'Beitragserhöhung: Mitteilung erhalten am 15.05.2026, Sonderkündigung binnen 2 Monaten → Kündigung muss bis 15.07.2026 beim Versicherer sein',
    ],
    [
      { events: { documentsReceived: p('25.05.2026') } },
      'VVG §8',
      'Widerruf: 14 Tage nach Erhalt der Unterlagen am 25.05.2026 → Widerruf muss bis 08.06.2026 abgeschickt sein',
    ],
    [
      { startDate: p('01.01.2024'), endDate: p('01.01.2034'), autoRenewal: false },
      'VVG §11(4)',
      'langfristiger Vertrag: zum Ende des 3. Versicherungsjahres (01.01.2027), 3 Monate vorher → Kündigung muss bis 30.09.2026 beim Versicherer sein',
    ],
  ] as const)('%j → %s', (c, source, text) => {
    const [first] = run({ c, today: '20.05.2026' });
    expect(first!.rule.source).toBe(source);
    expect(explainDeadline(first!, 'de').reason).toBe(text);
    expect(explainDeadline(first!, 'en').reason).not.toMatch(/[{}]/);
  });

  it('a withdrawal counts its sending, not its receipt', () => {
    const [w] = run({ c: { events: { documentsReceived: p('25.05.2026') } } });
    expect(w!.rule.counts).toBe('dispatch');
    expect(w!.rule.effect).toBe('onReceipt');
  });
});

describe('weekend and holiday warnings: flagged, never moved', () => {
  const warn = (list: Deadline[]) =>
    list.filter((x) => x.state !== 'unknown').map((x) => [fmt(x.lastDay), x.warnings.map((w) => w.code)]);

  it('motor 30.11.2025 is a Sunday', () => {
    const got = run({ c: { sparte: '050', mainDueDate: p('01.01.2026') }, today: '01.06.2025' });
    expect(warn(got)).toEqual([['30.11.2025', ['weekend']]]);
    expect(explainDeadline(got[0]!, 'de').warnings[0]).toMatch(/^Der 30\.11\.2025 ist ein Sonntag: .*§193 BGB/);
  });

  it('Tag der Deutschen Einheit 03.10.2025 (a Friday)', () => {
    const got = run({ c: { events: { premiumIncreaseReceived: p('03.09.2025') } }, today: '05.09.2025' });
    expect(warn(got)).toEqual([['03.10.2025', ['holiday']]]);
    expect(explainDeadline(got[0]!, 'de').warnings[0]).toContain('Tag der Deutschen Einheit');
  });

  it('Karfreitag 03.04.2026 (Easter-based)', () => {
    const got = run({ c: { events: { claimSettled: p('03.03.2026') } }, today: '05.03.2026' });
    expect(got[0]!.warnings).toMatchObject([{ code: 'holiday', holiday: 'goodFriday' }]);
  });

  it('03.10.2026 is both a Saturday and a holiday', () => {
    const got = run({ c: { events: { premiumIncreaseReceived: p('03.09.2026') } }, today: '05.09.2026' });
    expect(warn(got)).toEqual([['03.10.2026', ['weekend', 'holiday']]]);
  });

  it('a working day has none', () => {
    expect(warn(run({ c: { mainDueDate: p('01.01.2027') } }))).toEqual([['30.09.2026', []]]);
  });
});

describe('other warnings', () => {
  it('a notice over 3 months is capped and says so', () => {
    const [x] = run({ c: { mainDueDate: p('01.01.2027'), noticeMonths: 6 } });
    expect(x!.warnings.map((w) => w.code)).toEqual(['noticeAdjusted']);
    expect(explainDeadline(x!, 'de').warnings[0]).toContain('gerechnet mit 3 Monaten');
  });

  it('unrecorded renewal is computed as renewing, with a warning', () => {
    const [x] = run({ c: { autoRenewal: null, mainDueDate: p('01.01.2027') } });
    expect(x!.warnings.map((w) => w.code)).toEqual(['renewalAssumed']);
  });

  it('unknown Sparte codes are kept and follow VVG §11', () => {
    expect(tuples(run({ c: { sparte: '999', mainDueDate: p('01.01.2027') } }))).toEqual(sameEnd);
    expect(tuples(run({ c: { sparte: null, mainDueDate: p('01.01.2027') } }))).toEqual(sameEnd);
  });
});
