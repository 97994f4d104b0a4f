/**
 * GDV import bench (issue 14): generates a VUVM file with N contracts and their persons (default 50,000,
 * BENCH_GDV_CONTRACTS), streams it to the embedded S3, then runs the import job's check and apply in this
 * process (the worker code the app runs) and reports the times and the peak RSS rise over the baseline.
 * `BENCH_ONLY=gdv npm run bench` (or `npx tsx scripts/bench-gdv.ts`). Data in .data/bench-gdv (fresh each run).
 * Then a CSV with 10,000 contacts (BENCH_CSV_ROWS) is reviewed the same way.
 * Goals: 50,000 contracts reviewed ≤ 60 s, applied ≤ 120 s; 10,000 CSV rows reviewed ≤ 15 s; memory rise
 * ≤ 100 MiB (RSS of this process over the baseline; the V8 heap's peak is shown beside it).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { eq } from 'drizzle-orm';
import { createDb } from '../lib/db/client';
import { detectMapping } from '../lib/import/contacts/columns';
import { importJobs, users } from '../lib/db/schema';
import { runImportJobs } from '../lib/jobs/imports';
import { bucket, objectKey, s3 } from '../lib/storage';
import { createTenant } from '../lib/tenant/create';
import * as w from '../tests/unit/gdv/writer';
import { prepareServices } from './services';

const N = Number(process.env.BENCH_GDV_CONTRACTS ?? 50_000);
const CSV_ROWS = Number(process.env.BENCH_CSV_ROWS ?? 10_000);
const DATA = '.data/bench-gdv';
const MiB = 1024 * 1024;

/** Writes the file record by record (never whole in memory): one Datenpaket, N contracts, N/2 persons. */
async function generate(file: string): Promise<number> {
  const out = createWriteStream(file);
  const write = async (records: string[]) => {
    if (!out.write(w.file(records, '\r\n'))) await once(out, 'drain');
  };
  const insurer = { vu: '9001', sender: 'Bench Versicherung AG', from: '2026-11-01', to: '2026-11-30' };
  await write(w.vorsatz(insurer));
  let count = 0;
  const sparten = ['030', '040', '051', '070', '130', '140'];
  for (let i = 0; i < N; i++) {
    const hd = { vu: '9001', sparte: sparten[i % sparten.length]!, policy: `B${String(i).padStart(9, '0')}` };
    const p = Math.floor(i / 2); // two contracts per person
    const body = [
      ...w.person(hd, {
        salutation: p % 2 ? '1' : '2',
        surname: `Bänchmann${p}`,
        firstName: p % 2 ? 'Jürgen' : 'Anna',
        birth: `19${50 + (p % 50)}-0${1 + (p % 9)}-1${p % 10}`,
        zip: '50667',
        city: 'Köln',
        street: `Hohe Straße ${p % 200}`,
        customerNumber: `K${p}`,
      }),
      ...w.vertrag(hd, {
        start: '2020-01-01',
        end: '2027-01-01',
        due: '2027-01-01',
        frequency: '1',
        status: '1',
        net: 10000 + (i % 900),
        gross: 11900 + (i % 900),
        product: 'Bench-Tarif',
        printable: `B-${i}`,
      }),
    ];
    count += body.length;
    await write(body);
  }
  await write([w.nachsatz('9001', [], count)]);
  out.end();
  await once(out, 'finish');
  return (await stat(file)).size;
}

/** A contacts CSV (the headers KONTAKTE → IMPORTIEREN detects), written line by line. */
async function generateCsv(file: string): Promise<number> {
  const out = createWriteStream(file);
  out.write('Anrede;Vorname;Nachname;Geburtsdatum;E-Mail;Telefon;Straße;PLZ;Ort;Kundennummer\n');
  for (let i = 0; i < CSV_ROWS; i++) {
    const line = `${i % 2 ? 'Herr' : 'Frau'};Vorname${i};Csvmann${i};0${1 + (i % 9)}.0${1 + (i % 9)}.19${50 + (i % 50)};kontakt${i}@bench-csv.example;0221 ${100000 + i};Ringstraße ${i % 300};50667;Köln;C${i}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return (await stat(file)).size;
}

/** Peak RSS and V8 heap while a step runs. */
function peakSampler() {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  let live = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const t = setInterval(sample, 50);
  // With --expose-gc: what is really held (heap after a full collection), once a second.
  const g = global.gc
    ? setInterval(() => {
        global.gc!();
        live = Math.max(live, process.memoryUsage().heapUsed);
      }, 1000)
    : null;
  return () => {
    clearInterval(t);
    if (g) clearInterval(g);
    sample();
    return { rss, heap, live };
  };
}

/**
 * BENCH_ALLOC_PROF=<dir>: a sampling heap profile of every step that keeps the objects the GC already
 * collected, i.e. what each function allocates in total (garbage included), not only what is still held.
 * Open the .heapprofile files in Chrome DevTools (Memory tab).
 */
async function allocationProfile(): Promise<((label: string) => Promise<void>) | null> {
  const dir = process.env.BENCH_ALLOC_PROF;
  if (!dir) return null;
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 64 * 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return async (label) => {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    await writeFile(`${dir}/${label.replace(/\W+/g, '-')}.heapprofile`, JSON.stringify(profile));
    session.disconnect();
  };
}

async function upload(tenantId: string, file: string, size: number): Promise<string> {
  const key = objectKey(tenantId, 'imports');
  await s3().send(
    new PutObjectCommand({ Bucket: bucket(), Key: key, Body: createReadStream(file), ContentLength: size }),
  );
  return key;
}

interface Figure {
  step: string;
  seconds: number;
  goal: number;
  'RSS rise MiB': number;
  'heap peak MiB': number;
  /** Only with --expose-gc: the largest heap left after a full collection (what the step really holds). */
  'live heap MiB'?: number;
}

export async function benchGdv(): Promise<void> {
  await rm(DATA, { recursive: true, force: true });
  process.env.MAPPE_DATA_DIR = DATA;
  process.env.PORT ??= '3201';
  const services = await prepareServices({ migrate: true, log: () => {} });
  const { db, sql } = createDb(services.env.DATABASE_URL!, 4);
  const figures: Figure[] = [];
  /** Runs the job's pending work in this process (the worker code the app runs) and records one figure. */
  const step = async (jobId: string, work: 'check' | 'apply', label: string, goal: number) => {
    await db.update(importJobs).set({ work }).where(eq(importJobs.id, jobId));
    global.gc?.();
    const base = process.memoryUsage().rss;
    if (global.gc)
      console.log(
        `• before ${label}: heap ${Math.round(process.memoryUsage().heapUsed / MiB)} MiB after a full collection`,
      );
    const stop = peakSampler();
    const prof = await allocationProfile();
    const t = performance.now();
    await runImportJobs(db);
    const seconds = (performance.now() - t) / 1000;
    await prof?.(label);
    const peak = stop();
    const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
    console.log(`• ${label}: ${seconds.toFixed(1)} s, state ${job!.state}, counts ${JSON.stringify(job!.counts)}`);
    figures.push({
      step: label,
      seconds: Number(seconds.toFixed(1)),
      goal,
      'RSS rise MiB': Math.round((peak.rss - base) / MiB),
      'heap peak MiB': Math.round(peak.heap / MiB),
      ...(global.gc ? { 'live heap MiB': Math.round(peak.live / MiB) } : {}),
    });
  };
  try {
    const { tenant, admin } = await db.transaction((tx) =>
      createTenant(tx, {
        slug: 'benchgdv',
        name: 'Bench GDV',
        admin: {
          email: 'admin@bench-gdv.example',
          firstName: 'Ada',
          lastName: 'Admin',
          passwordHash: 'bench-no-login',
        },
      }),
    );
    const newJob = async (kind: 'gdv' | 'contacts', file: string, size: number, options = {}) => {
      const key = await upload(tenant.id, file, size);
      const name = file.split('/').pop()!;
      const [job] = await db
        .insert(importJobs)
        .values({
          tenantId: tenant.id,
          createdBy: admin.id,
          kind,
          fileKeys: [key],
          fileName: name,
          sizeBytes: size,
          options,
        })
        .returning();
      return job!.id;
    };
    const t0 = performance.now();
    const gdvFile = `${DATA}/bestand.gdv`;
    const size = await generate(gdvFile);
    console.log(
      `• generated ${N} contracts (${(size / MiB).toFixed(1)} MiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const gdvJob = await newJob('gdv', gdvFile, size);
    await step(gdvJob, 'check', `review ${N} GDV contracts`, 60);
    await step(gdvJob, 'apply', `apply ${N} GDV contracts`, 120);
    const [{ n } = { n: 0 }] = await sql<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM contracts WHERE tenant_id = ${tenant.id}`;
    const persons = await db.$count(users, eq(users.tenantId, tenant.id));
    console.log(`• written: ${n} contracts, ${persons - 1} contacts`);
    if (CSV_ROWS > 0) {
      const csvFile = `${DATA}/kontakte.csv`;
      const csvSize = await generateCsv(csvFile);
      const headers = [
        'Anrede',
        'Vorname',
        'Nachname',
        'Geburtsdatum',
        'E-Mail',
        'Telefon',
        'Straße',
        'PLZ',
        'Ort',
        'Kundennummer',
      ];
      const csvJob = await newJob('contacts', csvFile, csvSize, { mapping: detectMapping(headers) });
      await step(csvJob, 'check', `review ${CSV_ROWS} CSV contacts`, 15);
    }
    console.table(figures);
  } finally {
    await sql.end({ timeout: 5 });
    await services.stop();
  }
}

if (process.argv[1]?.endsWith('bench-gdv.ts')) {
  benchGdv().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
