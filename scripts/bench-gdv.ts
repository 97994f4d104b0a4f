/**
 * GDV import bench (issue 14): generates a VUVM file with N contracts and their persons (default 50,000,
 * BENCH_GDV_CONTRACTS), streams it to the embedded S3, then runs the import job's check and apply in this
 * process (the worker code the app runs) and reports the times and the peak RSS rise over the baseline.
 * `BENCH_ONLY=gdv npm run bench` (or `npx tsx scripts/bench-gdv.ts`). Data in .data/bench-gdv (fresh each run).
 * Goals: 50,000 contracts reviewed ≤ 60 s, applied ≤ 120 s, memory rise ≤ 100 MiB.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { eq } from 'drizzle-orm';
import { createDb } from '../lib/db/client';
import { importJobs, users } from '../lib/db/schema';
import { runImportJobs } from '../lib/jobs/imports';
import { bucket, objectKey, s3 } from '../lib/storage';
import { createTenant } from '../lib/tenant/create';
import * as w from '../tests/unit/gdv/writer';
import { prepareServices } from './services';

const N = Number(process.env.BENCH_GDV_CONTRACTS ?? 50_000);
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

function peakSampler() {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return () => {
    clearInterval(t);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

export async function benchGdv(): Promise<void> {
  await rm(DATA, { recursive: true, force: true });
  process.env.MAPPE_DATA_DIR = DATA;
  process.env.PORT ??= '3201';
  const services = await prepareServices({ migrate: true, log: () => {} });
  const { db, sql } = createDb(services.env.DATABASE_URL!, 4);
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
    const file = `${DATA}/bestand.gdv`;
    const t0 = performance.now();
    const size = await generate(file);
    const key = objectKey(tenant.id, 'imports');
    await s3().send(
      new PutObjectCommand({ Bucket: bucket(), Key: key, Body: createReadStream(file), ContentLength: size }),
    );
    console.log(
      `• generated ${N} contracts (${(size / MiB).toFixed(1)} MiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    global.gc?.();
    const base = process.memoryUsage().rss;
    const [job] = await db
      .insert(importJobs)
      .values({
        tenantId: tenant.id,
        createdBy: admin.id,
        kind: 'gdv',
        fileKeys: [key],
        fileName: 'bestand.gdv',
        sizeBytes: size,
        work: 'check',
      })
      .returning();
    let stop = peakSampler();
    let t = performance.now();
    await runImportJobs(db);
    const checkS = (performance.now() - t) / 1000;
    const checkPeak = stop();
    const [checked] = await db.select().from(importJobs).where(eq(importJobs.id, job!.id));
    console.log(`• check (review ready): ${checkS.toFixed(1)} s, counts ${JSON.stringify(checked!.counts)}`);
    await db.update(importJobs).set({ work: 'apply' }).where(eq(importJobs.id, job!.id));
    stop = peakSampler();
    t = performance.now();
    await runImportJobs(db);
    const applyS = (performance.now() - t) / 1000;
    const applyPeak = stop();
    const [applied] = await db.select().from(importJobs).where(eq(importJobs.id, job!.id));
    const [{ n } = { n: 0 }] = await sql<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM contracts WHERE tenant_id = ${tenant.id}`;
    const persons = await db.$count(users, eq(users.tenantId, tenant.id));
    console.log(`• apply: ${applyS.toFixed(1)} s, state ${applied!.state}, ${n} contracts, ${persons - 1} contacts`);
    console.table([
      {
        step: `review ${N} contracts`,
        seconds: Number(checkS.toFixed(1)),
        goal: 60,
        'RSS rise MiB': Math.round((checkPeak - base) / MiB),
      },
      {
        step: `apply ${N} contracts`,
        seconds: Number(applyS.toFixed(1)),
        goal: 120,
        'RSS rise MiB': Math.round((applyPeak - base) / MiB),
      },
    ]);
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
