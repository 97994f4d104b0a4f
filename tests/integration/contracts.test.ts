/**
 * Contracts in a contact's folder (SPEC §3, §4) against real PostgreSQL: who sees and changes what,
 * duplicate warning, required fields, the Beitragsübersicht, the audit trail, "Änderungen durch Kunden"
 * and the provider / product catalogues.
 */
import { and, asc, eq, sql as dsql } from 'drizzle-orm';
import type postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/sessions';
import { addProvider, productNames, providerNames, removeProvider } from '../../lib/contracts/catalog';
import { clientChanges } from '../../lib/contracts/changes';
import {
  createContract,
  deleteContract,
  folderOverview,
  getContract,
  listArea,
  updateContract,
} from '../../lib/contracts';
import { contractSchema } from '../../lib/contracts/schemas';
import type { Ctx } from '../../lib/ctx';
import type { Db } from '../../lib/db/client';
import { auditLog, contracts, providers, type FolderArea } from '../../lib/db/schema';
import { saveGrants } from '../../lib/grants';
import { testDb } from './db';
import { contact, contractForm, everywhere, makeWorld, refusedUnchanged, sw, type World } from './folder-world';
import { ctxFor } from './ctx';

let db: Db;
let pg: postgres.Sql;
let w: World;

beforeAll(async () => {
  ({ db, sql: pg } = await testDb());
  w = await makeWorld(db, 'vertrag');
});

const A = () => w.A.id;
/** A verb with the context a request of this actor in this tenant builds. */
const run = <I, T>(verb: (ctx: Ctx, input: I) => Promise<T>, tenant: string, actor: SessionUser, input: I) =>
  ctxFor(db, tenant, actor).then((ctx) => verb(ctx, input));
const refused = (call: () => Promise<unknown>, codes?: string[]) => refusedUnchanged(pg, call, codes);

async function row(id: string) {
  const [r] = await db.select().from(contracts).where(eq(contracts.id, id));
  return r ?? null;
}

async function auditRows(action: string, targetId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)))
    .orderBy(asc(auditLog.id));
}

/* ------------------------------------------------------------------ advisors */

describe('contracts for advisors', () => {
  it('an admin creates, edits and deletes a contract; every step is audited on the contact', async () => {
    const input = contractForm('insurance', { number: 'KFZ-ADMIN-1', note: 'Zweitwagen' });
    const { id } = await run(createContract, A(), w.adminA, { ...input, contactId: w.k2.id });
    expect(await row(id)).toMatchObject({
      tenantId: A(),
      contactId: w.k2.id,
      area: 'insurance',
      status: 'aktiv',
      provider: 'CONDOR Allgemeine Versicherungs-AG',
      number: 'KFZ-ADMIN-1',
      premiumCents: 1000,
      frequency: 'monatlich',
      createdBy: w.adminA.id,
      createdByClient: false,
    });
    const seen = await run(getContract, A(), w.adminA, { id });
    expect(seen).toMatchObject({ createdByName: 'Ada Admin', mayChange: true, mayAddDocument: true });
    expect(
      (await run(listArea, A(), w.adminA, { contactId: w.k2.id, area: 'insurance' })).items.map((i) => i.id),
    ).toContain(id);

    const changed = await run(updateContract, A(), w.writer, {
      ...contractForm('insurance', {
        number: 'KFZ-ADMIN-1',
        note: 'Zweitwagen',
        premium: '12,50',
        frequency: 'monatlich',
      }),
      id: id,
    });
    expect(changed.changed).toEqual(['premiumCents']);
    expect(await row(id)).toMatchObject({ premiumCents: 1250, updatedBy: w.writer.id });
    expect((await run(getContract, A(), w.adminA, { id })).updatedByName).toBe(`Erika ${w.writer.lastName}`);
    // Saving the same values changes nothing and writes no audit row.
    const auditBefore = (await auditRows('contract.updated', w.k2.id)).length;
    expect(
      (
        await run(updateContract, A(), w.adminA, {
          ...contractForm('insurance', { number: 'KFZ-ADMIN-1', note: 'Zweitwagen', premium: '12,50' }),
          id: id,
        })
      ).changed,
    ).toEqual([]);
    expect(await auditRows('contract.updated', w.k2.id)).toHaveLength(auditBefore);
    // The area of a contract is fixed.
    await refused(
      () => run(updateContract, A(), w.adminA, { ...contractForm('finance', { number: 'KFZ-ADMIN-1' }), id: id }),
      ['invalid'],
    );

    expect(await run(deleteContract, A(), w.adminA, { id })).toEqual({ contactId: w.k2.id, area: 'insurance' });
    expect(await row(id)).toBeNull();
    await expect(run(getContract, A(), w.adminA, { id })).rejects.toMatchObject({ code: 'not_found' });
    await refused(() => run(deleteContract, A(), w.adminA, { id }), ['not_found']);

    const created = (await auditRows('contract.created', w.k2.id)).find(
      (r) => (r.meta as { contractId?: string }).contractId === id,
    )!;
    expect(created).toMatchObject({
      tenantId: A(),
      actorId: w.adminA.id,
      targetType: 'contact',
      meta: {
        byClient: false,
        area: 'insurance',
        product: 'Kfz-Versicherung',
        provider: 'CONDOR Allgemeine Versicherungs-AG',
      },
    });
    const updated = (await auditRows('contract.updated', w.k2.id)).filter(
      (r) => (r.meta as { contractId?: string }).contractId === id,
    );
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({
      actorId: w.writer.id,
      targetType: 'contact',
      meta: { fields: ['premiumCents'], byClient: false },
    });
    const deleted = (await auditRows('contract.deleted', w.k2.id)).filter(
      (r) => (r.meta as { contractId?: string }).contractId === id,
    );
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({
      actorId: w.adminA.id,
      targetType: 'contact',
      meta: { byClient: false, documents: 0 },
    });
  });

  it('an employee writes where the right is write, only reads where it is read, and does not see areas with none', async () => {
    const ins = await run(createContract, A(), w.adminA, { ...contractForm('insurance'), contactId: w.k2.id });
    const fin = await run(createContract, A(), w.adminA, { ...contractForm('finance'), contactId: w.k2.id });
    const oth = await run(createContract, A(), w.adminA, { ...contractForm('other'), contactId: w.k2.id });
    const m = w.mixed;

    // insurance: write
    const mine = await run(createContract, A(), m, {
      ...contractForm('insurance', { product: 'Hausratversicherung' }),
      contactId: w.k2.id,
    });
    await run(updateContract, A(), m, {
      ...contractForm('insurance', { product: 'Wohngebäudeversicherung' }),
      id: ins.id,
    });
    expect((await row(ins.id))!.product).toBe('Wohngebäudeversicherung');
    const insArea = await run(listArea, A(), m, { contactId: w.k2.id, area: 'insurance' });
    expect(insArea.mayAdd).toBe(true);
    expect(insArea.items.find((i) => i.id === ins.id)!.mayChange).toBe(true);
    await run(deleteContract, A(), m, { id: mine.id });
    expect(await row(mine.id)).toBeNull();

    // finance: read
    const finArea = await run(listArea, A(), m, { contactId: w.k2.id, area: 'finance' });
    expect(finArea.items.map((i) => i.id)).toContain(fin.id);
    expect(finArea.mayAdd).toBe(false);
    expect(finArea.items.every((i) => !i.mayChange)).toBe(true);
    expect(await run(getContract, A(), m, { id: fin.id })).toMatchObject({ mayChange: false, mayAddDocument: false });
    await refused(() => run(createContract, A(), m, { ...contractForm('finance'), contactId: w.k2.id }), ['forbidden']);
    await refused(
      () => run(updateContract, A(), m, { ...contractForm('finance', { product: 'Festgeld' }), id: fin.id }),
      ['forbidden'],
    );
    await refused(() => run(deleteContract, A(), m, { id: fin.id }), ['forbidden']);

    // other: none – the area does not exist for this employee
    await expect(run(listArea, A(), m, { contactId: w.k2.id, area: 'other' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(run(getContract, A(), m, { id: oth.id })).rejects.toMatchObject({ code: 'not_found' });
    await refused(() => run(createContract, A(), m, { ...contractForm('other'), contactId: w.k2.id }), ['not_found']);
    await refused(
      () => run(updateContract, A(), m, { ...contractForm('other', { product: 'Gas' }), id: oth.id }),
      ['not_found'],
    );
    await refused(() => run(deleteContract, A(), m, { id: oth.id }), ['not_found']);

    const overview = await run(folderOverview, A(), m, { contactId: w.k2.id });
    expect(overview.areas.map((a) => a.area)).toEqual(['insurance', 'finance']);
    expect((await run(folderOverview, A(), w.adminA, { contactId: w.k2.id })).areas.map((a) => a.area)).toEqual([
      'insurance',
      'finance',
      'other',
      'emergency',
    ]);
  });

  it('an employee with read everywhere sees everything and changes nothing', async () => {
    const c = await run(createContract, A(), w.adminA, { ...contractForm('other'), contactId: w.k2.id });
    const r = w.reader;
    expect((await run(listArea, A(), r, { contactId: w.k2.id, area: 'other' })).items.map((i) => i.id)).toContain(c.id);
    expect((await run(getContract, A(), r, { id: c.id })).mayChange).toBe(false);
    for (const area of ['insurance', 'finance', 'other', 'emergency'] as const) {
      await refused(() => run(createContract, A(), r, { ...contractForm(area), contactId: w.k2.id }), ['forbidden']);
    }
    await refused(() => run(updateContract, A(), r, { ...contractForm('other'), id: c.id }), ['forbidden']);
    await refused(() => run(deleteContract, A(), r, { id: c.id }), ['forbidden']);
  });

  it('an employee without any right sees no folder at all', async () => {
    const c = await run(createContract, A(), w.adminA, { ...contractForm('insurance'), contactId: w.k2.id });
    const n = w.noRights;
    expect(await run(folderOverview, A(), n, { contactId: w.k2.id })).toEqual({ areas: [], totalAnnualCents: 0 });
    await expect(run(listArea, A(), n, { contactId: w.k2.id, area: 'insurance' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(run(getContract, A(), n, { id: c.id })).rejects.toMatchObject({ code: 'not_found' });
    await refused(
      () => run(createContract, A(), n, { ...contractForm('insurance'), contactId: w.k2.id }),
      ['not_found'],
    );
    await refused(() => run(updateContract, A(), n, { ...contractForm('insurance'), id: c.id }), ['not_found']);
    await refused(() => run(deleteContract, A(), n, { id: c.id }), ['not_found']);
  });

  it('a scoped employee reaches only the contacts they are BETREUER of', async () => {
    const s = w.scoped;
    const own = await run(createContract, A(), s, { ...contractForm('insurance'), contactId: w.k1.id });
    expect((await run(listArea, A(), s, { contactId: w.k1.id, area: 'insurance' })).items.map((i) => i.id)).toContain(
      own.id,
    );
    await run(updateContract, A(), s, { ...contractForm('insurance', { premium: '11,00' }), id: own.id });
    expect((await row(own.id))!.premiumCents).toBe(1100);
    await run(deleteContract, A(), s, { id: own.id });
    expect(await row(own.id)).toBeNull();

    const foreign = await run(createContract, A(), w.adminA, { ...contractForm('insurance'), contactId: w.k2.id });
    expect(await run(folderOverview, A(), s, { contactId: w.k2.id })).toEqual({ areas: [], totalAnnualCents: 0 });
    await expect(run(listArea, A(), s, { contactId: w.k2.id, area: 'insurance' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(run(getContract, A(), s, { id: foreign.id })).rejects.toMatchObject({ code: 'not_found' });
    await refused(
      () => run(createContract, A(), s, { ...contractForm('insurance'), contactId: w.k2.id }),
      ['not_found'],
    );
    await refused(() => run(updateContract, A(), s, { ...contractForm('insurance'), id: foreign.id }), ['not_found']);
    await refused(() => run(deleteContract, A(), s, { id: foreign.id }), ['not_found']);
  });

  it("never reaches another tenant's contacts and contracts", async () => {
    const theirs = await run(createContract, w.B.id, w.adminB, {
      ...contractForm('insurance'),
      contactId: w.contactB.id,
    });
    for (const actor of [w.adminA, w.writer]) {
      await expect(run(folderOverview, A(), actor, { contactId: w.contactB.id })).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(run(listArea, A(), actor, { contactId: w.contactB.id, area: 'insurance' })).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(run(getContract, A(), actor, { id: theirs.id })).rejects.toMatchObject({ code: 'not_found' });
      await refused(
        () => run(createContract, A(), actor, { ...contractForm('insurance'), contactId: w.contactB.id }),
        ['not_found'],
      );
      await refused(
        () => run(updateContract, A(), actor, { ...contractForm('insurance'), id: theirs.id }),
        ['not_found'],
      );
      await refused(() => run(deleteContract, A(), actor, { id: theirs.id }), ['not_found']);
    }
    // A client of A cannot name B's contract either.
    await expect(run(getContract, A(), w.clients.rel, { id: theirs.id })).rejects.toMatchObject({ code: 'not_found' });
    await refused(() => run(deleteContract, A(), w.clients.rel, { id: theirs.id }), ['not_found']);
    // An actor of B handed tenant A (a mixed-up caller) is refused by the tenant guard.
    await refused(
      () => run(createContract, A(), w.adminB, { ...contractForm('insurance'), contactId: w.k2.id }),
      ['forbidden', 'not_found'],
    );
    await refused(
      () => run(createContract, A(), w.clientB, { ...contractForm('insurance'), contactId: w.clientB.id }),
      ['forbidden', 'not_found'],
    );
    expect(await row(theirs.id)).toMatchObject({ tenantId: w.B.id });
    // a folder belongs to a contact: an employee id or an unknown id is no contact
    await refused(
      () => run(createContract, A(), w.adminA, { ...contractForm('insurance'), contactId: w.writer.id }),
      ['not_found'],
    );
    await refused(
      () =>
        run(createContract, A(), w.adminA, {
          ...contractForm('insurance'),
          contactId: '00000000-0000-4000-8000-000000000000',
        }),
      ['not_found'],
    );
    await expect(run(listArea, A(), w.adminA, { contactId: w.writer.id, area: 'insurance' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

/* ------------------------------------------------------------------ clients */

type ClientKey = 'act' | 'rel' | 'ro' | 'actRo' | 'none';

interface ClientCase {
  key: ClientKey;
  label: string;
  /** the area exists for the client at all */
  visible: boolean;
  seesAdvisor: boolean;
  mayCreate: boolean;
  /** change/delete own contracts */
  changeOwn: boolean;
  /** change/delete the advisor's: 'allow', or the refusal code */
  changeAdvisor: 'allow' | 'forbidden' | 'not_found';
}

// Written from the rules: visible = a||d||r; advisor items = d || (r && !a); own = visible;
// create/edit own = (a||d) && !r; edit/delete advisor items = d && !r.
const clientCases: ClientCase[] = [
  {
    key: 'act',
    label: 'FREISCHALTUNG',
    visible: true,
    seesAdvisor: false,
    mayCreate: true,
    changeOwn: true,
    changeAdvisor: 'not_found',
  },
  {
    key: 'rel',
    label: 'DATENFREIGABE',
    visible: true,
    seesAdvisor: true,
    mayCreate: true,
    changeOwn: true,
    changeAdvisor: 'allow',
  },
  {
    key: 'ro',
    label: 'NUR LESEN',
    visible: true,
    seesAdvisor: true,
    mayCreate: false,
    changeOwn: false,
    changeAdvisor: 'forbidden',
  },
  {
    key: 'actRo',
    label: 'FREISCHALTUNG + NUR LESEN',
    visible: true,
    seesAdvisor: false,
    mayCreate: false,
    changeOwn: false,
    changeAdvisor: 'not_found',
  },
  {
    key: 'none',
    label: 'nothing granted',
    visible: false,
    seesAdvisor: false,
    mayCreate: false,
    changeOwn: false,
    changeAdvisor: 'not_found',
  },
];

describe('contracts for clients, per FREIGABEN', () => {
  /** Per client: a contract the advisor entered and one the client entered while they had FREISCHALTUNG. */
  const made = {} as Record<ClientKey, { advisor: string; own: string }>;
  const finalSwitches = {
    act: sw(true, false, false),
    rel: sw(false, true, false),
    ro: sw(false, false, true),
    actRo: sw(true, false, true),
    none: sw(false, false, false),
  };

  beforeAll(async () => {
    for (const c of clientCases) {
      const client = w.clients[c.key];
      const advisor = await run(createContract, A(), w.writer, {
        ...contractForm('insurance', { product: 'Privathaftpflichtversicherung', premium: '5,00' }),
        contactId: client.id,
      });
      await saveGrants(await ctxFor(db, A(), w.adminA), {
        contactId: client.id,
        grants: everywhere(sw(true, false, false)),
      });
      const own = await run(createContract, A(), client, {
        ...contractForm('insurance', { product: 'Tierhalterhaftpflicht', premium: '3,00' }),
        contactId: client.id,
      });
      await saveGrants(await ctxFor(db, A(), w.adminA), {
        contactId: client.id,
        grants: everywhere(finalSwitches[c.key]),
      });
      made[c.key] = { advisor: advisor.id, own: own.id };
    }
  });

  for (const c of clientCases) {
    it(`${c.label}: sees ${c.visible ? (c.seesAdvisor ? 'all' : 'only own') : 'nothing'}, ${c.mayCreate ? 'may' : 'may not'} add`, async () => {
      const client = w.clients[c.key];
      const { advisor, own } = made[c.key];
      const hidden = c.visible ? 'forbidden' : 'not_found';

      // reading
      const overview = await run(folderOverview, A(), client, { contactId: client.id });
      if (!c.visible) {
        expect(overview).toEqual({ areas: [], totalAnnualCents: 0 });
        await expect(run(listArea, A(), client, { contactId: client.id, area: 'insurance' })).rejects.toMatchObject({
          code: 'not_found',
        });
      } else {
        expect(overview.areas.map((a) => a.area)).toEqual(['insurance', 'finance', 'other', 'emergency']);
        const insurance = overview.areas.find((a) => a.area === 'insurance')!;
        expect(insurance.count).toBe(c.seesAdvisor ? 2 : 1);
        // own 3,00 €/month always; the advisor's 5,00 €/month only when visible
        expect(insurance.annualCents).toBe(c.seesAdvisor ? 9600 : 3600);
        const area = await run(listArea, A(), client, { contactId: client.id, area: 'insurance' });
        expect(area.items.map((i) => i.id).sort()).toEqual((c.seesAdvisor ? [advisor, own] : [own]).sort());
        expect(area.mayAdd).toBe(c.mayCreate);
        expect(area.items.find((i) => i.id === own)!.mayChange).toBe(c.changeOwn);
        if (c.seesAdvisor)
          expect(area.items.find((i) => i.id === advisor)!.mayChange).toBe(c.changeAdvisor === 'allow');
      }
      if (c.visible) expect((await run(getContract, A(), client, { id: own })).mayChange).toBe(c.changeOwn);
      else await expect(run(getContract, A(), client, { id: own })).rejects.toMatchObject({ code: 'not_found' });
      if (c.seesAdvisor) expect((await run(getContract, A(), client, { id: advisor })).contract.id).toBe(advisor);
      else await expect(run(getContract, A(), client, { id: advisor })).rejects.toMatchObject({ code: 'not_found' });

      // adding
      if (c.mayCreate) {
        const { id } = await run(createContract, A(), client, { ...contractForm('finance'), contactId: client.id });
        expect(await row(id)).toMatchObject({ contactId: client.id, createdBy: client.id, createdByClient: true });
        const [a] = (await auditRows('contract.created', client.id)).filter(
          (r) => (r.meta as { contractId: string }).contractId === id,
        );
        expect(a).toMatchObject({
          actorId: client.id,
          targetType: 'contact',
          meta: { byClient: true, area: 'finance' },
        });
      } else {
        await refused(
          () => run(createContract, A(), client, { ...contractForm('finance'), contactId: client.id }),
          [hidden],
        );
      }

      // changing the own contract
      if (c.changeOwn) {
        const res = await run(updateContract, A(), client, {
          ...contractForm('insurance', { product: 'Tierhalterhaftpflicht', premium: '4,00' }),
          id: own,
        });
        expect(res.changed).toContain('premiumCents');
        const [u] = (await auditRows('contract.updated', client.id)).filter(
          (r) => (r.meta as { contractId: string }).contractId === own,
        );
        expect(u).toMatchObject({ actorId: client.id, meta: { byClient: true } });
      } else {
        await refused(
          () =>
            run(updateContract, A(), client, {
              ...contractForm('insurance', { product: 'Tierhalterhaftpflicht', premium: '4,00' }),
              id: own,
            }),
          [hidden],
        );
        await refused(() => run(deleteContract, A(), client, { id: own }), [hidden]);
      }

      // changing the advisor's contract
      if (c.changeAdvisor === 'allow') {
        await run(updateContract, A(), client, {
          ...contractForm('insurance', { product: 'Privathaftpflichtversicherung', premium: '6,00' }),
          id: advisor,
        });
        expect((await row(advisor))!).toMatchObject({
          premiumCents: 600,
          updatedBy: client.id,
          createdByClient: false,
        });
        await run(deleteContract, A(), client, { id: advisor });
        expect(await row(advisor)).toBeNull();
        const [d] = (await auditRows('contract.deleted', client.id)).filter(
          (r) => (r.meta as { contractId: string }).contractId === advisor,
        );
        expect(d).toMatchObject({ actorId: client.id, meta: { byClient: true } });
      } else {
        await refused(
          () => run(updateContract, A(), client, { ...contractForm('insurance', { premium: '6,00' }), id: advisor }),
          [c.changeAdvisor],
        );
        await refused(() => run(deleteContract, A(), client, { id: advisor }), [c.changeAdvisor]);
        expect(await row(advisor)).not.toBeNull();
      }

      if (c.changeOwn) {
        await run(deleteContract, A(), client, { id: own });
        expect(await row(own)).toBeNull();
      } else {
        expect(await row(own)).not.toBeNull();
      }
    });
  }

  it("a client never reaches another client's folder, whatever their own FREIGABEN", async () => {
    const me = w.clients.rel; // DATENFREIGABE everywhere: the widest client rights
    const other = w.clients.act;
    const theirs = await run(createContract, A(), other, { ...contractForm('insurance'), contactId: other.id });
    const theirsByAdvisor = await run(createContract, A(), w.adminA, {
      ...contractForm('insurance'),
      contactId: other.id,
    });
    await expect(run(folderOverview, A(), me, { contactId: other.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(run(listArea, A(), me, { contactId: other.id, area: 'insurance' })).rejects.toMatchObject({
      code: 'not_found',
    });
    for (const id of [theirs.id, theirsByAdvisor.id]) {
      await expect(run(getContract, A(), me, { id })).rejects.toMatchObject({ code: 'not_found' });
      await refused(() => run(updateContract, A(), me, { ...contractForm('insurance'), id: id }), ['not_found']);
      await refused(() => run(deleteContract, A(), me, { id }), ['not_found']);
    }
    await refused(
      () => run(createContract, A(), me, { ...contractForm('insurance'), contactId: other.id }),
      ['not_found'],
    );
    // A contact without an account, and an employee id, are no better.
    await refused(
      () => run(createContract, A(), me, { ...contractForm('insurance'), contactId: w.k2.id }),
      ['not_found'],
    );
    await refused(
      () => run(createContract, A(), me, { ...contractForm('insurance'), contactId: w.writer.id }),
      ['not_found'],
    );
  });
});

/* ------------------------------------------------------------------ duplicates, required fields, premiums */

describe('contract rules', () => {
  it('warns about a duplicate (same provider ignoring case, same number ignoring spaces and punctuation) until confirmed', async () => {
    const contactX = await contact(db, w.A, 'Doppelt', w.writer.id);
    const contactY = await contact(db, w.A, 'Anders', w.writer.id);
    const first = await run(createContract, A(), w.adminA, {
      ...contractForm('insurance', { provider: 'CONDOR Allgemeine Versicherungs-AG', number: 'AB 12-34/5' }),
      contactId: contactX.id,
    });
    const twin = contractForm('insurance', { provider: 'condor allgemeine versicherungs-ag', number: 'ab1234.5' });
    const e = await refused(
      () => run(createContract, A(), w.adminA, { ...twin, contactId: contactX.id }),
      ['duplicate'],
    );
    expect(e.field).toBe('number');
    expect(e.message).toContain('condor allgemeine versicherungs-ag');
    // another number, another provider or another contact is no duplicate
    const n2 = await run(createContract, A(), w.adminA, {
      ...contractForm('insurance', { provider: 'CONDOR Allgemeine Versicherungs-AG', number: 'AB 12-34/6' }),
      contactId: contactX.id,
    });
    await run(createContract, A(), w.adminA, {
      ...contractForm('insurance', { provider: 'Condor Lebensversicherungs-AG', number: 'AB 12-34/5' }),
      contactId: contactX.id,
    });
    await run(createContract, A(), w.adminA, { ...twin, contactId: contactY.id });
    // confirmed: saved anyway
    const confirmed = await run(createContract, A(), w.adminA, {
      ...contractForm('insurance', {
        provider: 'condor allgemeine versicherungs-ag',
        number: 'ab1234.5',
        confirmDuplicate: 'on',
      }),
      contactId: contactX.id,
    });
    expect(await row(confirmed.id)).toMatchObject({
      provider: 'condor allgemeine versicherungs-ag',
      number: 'ab1234.5',
    });
    // editing: turning another contract into a twin warns, re-saving the contract itself does not
    await refused(
      () =>
        run(updateContract, A(), w.adminA, {
          ...contractForm('insurance', { provider: 'CONDOR Allgemeine Versicherungs-AG', number: 'AB-12-34-5' }),
          id: n2.id,
        }),
      ['duplicate'],
    );
    await run(updateContract, A(), w.adminA, {
      ...contractForm('insurance', {
        provider: 'CONDOR Allgemeine Versicherungs-AG',
        number: 'AB 12-34/6',
        premium: '99,00',
      }),
      id: n2.id,
    });
    await run(updateContract, A(), w.adminA, {
      ...contractForm('insurance', {
        provider: 'CONDOR Allgemeine Versicherungs-AG',
        number: 'AB-12-34-5',
        confirmDuplicate: 'true',
      }),
      id: n2.id,
    });
    expect((await row(n2.id))!.number).toBe('AB-12-34-5');
    expect((await row(first.id))!.number).toBe('AB 12-34/5');
    // clients get the same warning on their own folder
    await run(createContract, A(), w.clients.rel, {
      ...contractForm('other', { provider: 'Stadtwerke', number: 'S 1' }),
      contactId: w.clients.rel.id,
    });
    const dup = await refused(
      () =>
        run(createContract, A(), w.clients.rel, {
          ...contractForm('other', { provider: 'STADTWERKE', number: 's-1' }),
          contactId: w.clients.rel.id,
        }),
      ['duplicate'],
    );
    expect(dup.field).toBe('number');
  });

  it('requires the fields of each area', () => {
    const issues = (v: Record<string, string>) => {
      const r = contractSchema.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.')).sort();
    };
    expect(issues({ area: 'emergency' })).toEqual(['product', 'title']);
    expect(issues({ area: 'emergency', product: 'Testament' })).toEqual(['title']);
    expect(issues({ area: 'emergency', product: 'Testament', title: 'Testament 2020' })).toEqual([]);
    expect(issues({ area: 'insurance' })).toEqual(['number', 'product', 'provider', 'status']);
    const full = {
      area: 'insurance',
      status: 'aktiv',
      product: 'Kfz-Versicherung',
      provider: 'CONDOR Allgemeine Versicherungs-AG',
      number: '1',
    };
    expect(issues(full)).toEqual([]);
    for (const f of ['status', 'product', 'provider', 'number'] as const)
      expect(issues({ ...full, [f]: '  ' })).toEqual([f]);
    expect(issues({ area: 'finance', status: 'aktiv', product: 'Depot', provider: 'Comdirect' })).toEqual([]);
    expect(issues({ area: 'finance', status: 'aktiv', product: 'Depot' })).toEqual(['provider']);
    expect(issues({ ...full, premium: '12,345' })).toEqual(['premium']);
    expect(issues({ ...full, startDate: '01.02.2024', endDate: '01.01.2024' })).toEqual(['endDate']);
    expect(issues({ ...full, status: 'irgendwas' })).toEqual(['status']);
    // NOTFALL-ORDNER entries carry no provider, number or premium even if the form sent them
    const e = contractSchema.parse({
      area: 'emergency',
      product: 'Testament',
      title: 'T',
      provider: 'X',
      number: '1',
      premium: '10,00',
      frequency: 'monatlich',
      status: 'aktiv',
    });
    expect(e).toMatchObject({ provider: null, number: null, premiumCents: null, frequency: null, status: null });
  });

  it('adds up annual premiums: monthly × 12, one-off and paid-up count 0, only running contracts count', async () => {
    const p = await contact(db, w.A, 'Beitrag', w.writer.id);
    const add = (area: FolderArea, over: Record<string, string>) =>
      run(createContract, A(), w.adminA, { ...contractForm(area, over), contactId: p.id });
    await add('insurance', { frequency: 'monatlich', premium: '10,00' });
    let o = await run(folderOverview, A(), w.adminA, { contactId: p.id });
    expect(o.areas.find((a) => a.area === 'insurance')!.annualCents).toBe(12000);
    expect(o.totalAnnualCents).toBe(12000);

    await add('insurance', { frequency: 'einmalig', premium: '500,00' });
    await add('insurance', { frequency: 'beitragsfrei', premium: '7,00' });
    await add('insurance', { status: 'gekündigt', frequency: 'monatlich', premium: '10,00' });
    await add('insurance', { status: 'beendet', frequency: 'jährlich', premium: '100,00' });
    await add('insurance', { status: 'ruhend', frequency: 'monatlich', premium: '10,00' });
    expect(
      (await run(folderOverview, A(), w.adminA, { contactId: p.id })).areas.find((a) => a.area === 'insurance'),
    ).toEqual({ area: 'insurance', count: 6, annualCents: 12000 });

    await add('insurance', { status: 'beantragt', frequency: 'vierteljährlich', premium: '25,00' }); // 100,00
    await add('insurance', { frequency: 'halbjährlich', premium: '1.000,00' }); // 2.000,00
    await add('insurance', { frequency: 'jährlich', premium: '33,33' });
    await add('finance', { frequency: 'monatlich', premium: '50,00' }); // 600,00
    await add('other', { frequency: 'monatlich', premium: '0,99' }); // 11,88
    await add('emergency', {});
    o = await run(folderOverview, A(), w.adminA, { contactId: p.id });
    const byArea = Object.fromEntries(o.areas.map((a) => [a.area, a]));
    expect(byArea.insurance).toEqual({ area: 'insurance', count: 9, annualCents: 12000 + 10000 + 200000 + 3333 });
    expect(byArea.finance).toEqual({ area: 'finance', count: 1, annualCents: 60000 });
    expect(byArea.other).toEqual({ area: 'other', count: 1, annualCents: 1188 });
    expect(byArea.emergency).toEqual({ area: 'emergency', count: 1, annualCents: 0 });
    expect(o.totalAnnualCents).toBe(225333 + 60000 + 1188);
    expect((await run(listArea, A(), w.adminA, { contactId: p.id, area: 'insurance' })).annualCents).toBe(225333);
    expect((await run(listArea, A(), w.adminA, { contactId: p.id, area: 'emergency' })).annualCents).toBe(0);
    // what an employee cannot see does not count for them
    const mixedView = await run(folderOverview, A(), w.mixed, { contactId: p.id });
    expect(mixedView.totalAnnualCents).toBe(225333 + 60000);
  });
});

/* ------------------------------------------------------------------ Änderungen durch Kunden */

describe('changes by clients', () => {
  it('lists client changes for those who may see the contact and the area, and nothing else', async () => {
    const rel = w.clients.rel;
    const mine = w.clients.mine; // looked after by the scoped employee
    const ins = await run(createContract, A(), rel, {
      ...contractForm('insurance', { product: 'Unfallversicherung', provider: 'Ammerländer Versicherung VVaG' }),
      contactId: rel.id,
    });
    await run(updateContract, A(), rel, {
      ...contractForm('insurance', {
        product: 'Unfallversicherung',
        provider: 'Ammerländer Versicherung VVaG',
        premium: '20,00',
      }),
      id: ins.id,
    });
    const oth = await run(createContract, A(), rel, {
      ...contractForm('other', { product: 'Fitnessstudio', provider: 'Muckibude' }),
      contactId: rel.id,
    });
    await run(deleteContract, A(), rel, { id: oth.id });
    await run(createContract, A(), mine, {
      ...contractForm('finance', { product: 'Tagesgeld', provider: 'Eigenbank' }),
      contactId: mine.id,
    });
    // made by an advisor: not a client change
    await run(createContract, A(), w.adminA, {
      ...contractForm('insurance', { product: 'Zahnzusatzversicherung', provider: 'Beraterversicherung' }),
      contactId: rel.id,
    });

    const ofRel = (list: Awaited<ReturnType<typeof clientChanges>>) => list.filter((c) => c.contactId === rel.id);
    const admin = await run(clientChanges, A(), w.adminA, { limit: 100 });
    const adminRel = ofRel(admin);
    expect(adminRel.map((c) => c.label)).toEqual(
      expect.arrayContaining(['Vertrag angelegt', 'Vertrag geändert', 'Vertrag gelöscht']),
    );
    expect(adminRel.some((c) => c.detail?.includes('Unfallversicherung · Ammerländer Versicherung VVaG'))).toBe(true);
    expect(adminRel.some((c) => c.detail?.includes('Fitnessstudio'))).toBe(true);
    expect(admin.some((c) => c.detail?.includes('Beraterversicherung'))).toBe(false);
    expect(adminRel.every((c) => c.contactName === `Karla ${rel.lastName}`)).toBe(true);
    expect(admin.some((c) => c.contactId === mine.id)).toBe(true);
    // newest first
    const times = admin.map((c) => c.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));

    // an employee without a right in SONSTIGE VERTRÄGE does not see those changes, but the insurance ones
    const mixed = ofRel(await run(clientChanges, A(), w.mixed, { limit: 100 }));
    expect(mixed.some((c) => c.detail?.includes('Unfallversicherung'))).toBe(true);
    expect(mixed.some((c) => c.detail?.includes('Fitnessstudio'))).toBe(false);

    // a scoped employee sees the changes of their own contacts only
    const scoped = await run(clientChanges, A(), w.scoped, { limit: 100 });
    expect(scoped.some((c) => c.contactId === mine.id && c.detail?.includes('Tagesgeld'))).toBe(true);
    expect(scoped.some((c) => c.contactId === rel.id)).toBe(false);

    expect(await run(clientChanges, A(), w.noRights, { limit: 100 })).toEqual([]);
    expect(
      (await run(clientChanges, w.B.id, w.adminB, { limit: 100 })).some(
        (c) => c.contactId === rel.id || c.contactId === mine.id,
      ),
    ).toBe(false);
  });
});

/* ------------------------------------------------------------------ catalogues */

describe('provider and product catalogues', () => {
  const collator = new Intl.Collator('de', { sensitivity: 'base' });

  it('ships the insurers, sorted the German way, with the tenant’s own names mixed in', async () => {
    const own = await run(addProvider, A(), w.adminA, { kind: 'insurer', name: 'Ärzteversicherung Testhaus AG' });
    await run(addProvider, A(), w.adminA, { kind: 'insurer', name: 'ergo-nahe Versicherung' });
    const list = await run(providerNames, A(), w.adminA, { kind: 'insurer' });
    const names = list.map((p) => p.name);
    expect(names.length).toBeGreaterThanOrEqual(150);
    expect(names).toContain('CONDOR Allgemeine Versicherungs-AG');
    for (let i = 1; i < names.length; i++)
      expect(collator.compare(names[i - 1]!, names[i]!), `${names[i - 1]} ≤ ${names[i]}`).toBeLessThanOrEqual(0);
    // Ä sorts with A (between ARAG and Athora), not after Z; lower case is not pushed to the end
    const ae = names.indexOf('Ärzteversicherung Testhaus AG');
    expect(names[ae - 1]!.toUpperCase() < 'ARZ').toBe(true);
    expect(names[ae + 1]!.toUpperCase() > 'ARZ').toBe(true);
    expect(names.indexOf('ergo-nahe Versicherung')).toBeGreaterThan(-1);
    expect(names.indexOf('ergo-nahe Versicherung')).toBeLessThan(
      names.indexOf('Zurich Insurance plc Niederlassung für Deutschland'),
    );
    expect(list.find((p) => p.name === 'Ärzteversicherung Testhaus AG')!.own).toBe(true);
    expect(list.find((p) => p.name === 'CONDOR Allgemeine Versicherungs-AG')!.own).toBe(false);
    const [stored] = await db.select().from(providers).where(eq(providers.id, own.id));
    expect(stored).toMatchObject({ tenantId: A(), kind: 'insurer', createdBy: w.adminA.id });
    // other kinds have their own lists
    const finance = (await run(providerNames, A(), w.adminA, { kind: 'finance' })).map((p) => p.name);
    expect(finance.length).toBeGreaterThan(20);
    expect(finance).not.toContain('CONDOR Allgemeine Versicherungs-AG');
    expect(finance).not.toContain('Ärzteversicherung Testhaus AG');
  });

  it('lets only admins add and remove own names; duplicates and foreign tenants are refused', async () => {
    const added = await run(addProvider, A(), w.adminA, { kind: 'other', name: 'Stadtwerke Musterstadt' });
    const [a] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'provider.added'), eq(auditLog.targetId, added.id)));
    expect(a).toMatchObject({
      tenantId: A(),
      actorId: w.adminA.id,
      meta: { kind: 'other', name: 'Stadtwerke Musterstadt' },
    });

    for (const actor of [w.writer, w.scoped, w.clients.rel as SessionUser]) {
      await refused(
        () => run(addProvider, A(), actor, { kind: 'other', name: `Neu ${actor.lastName}` }),
        ['forbidden'],
      );
      await refused(() => run(removeProvider, A(), actor, { id: added.id }), ['forbidden']);
    }
    // the same name again (any case), and a shipped name, are duplicates
    const d1 = await refused(
      () => run(addProvider, A(), w.adminA, { kind: 'other', name: 'STADTWERKE MUSTERSTADT' }),
      ['duplicate'],
    );
    expect(d1.field).toBe('name');
    await refused(
      () => run(addProvider, A(), w.adminA, { kind: 'insurer', name: 'condor allgemeine versicherungs-ag' }),
      ['duplicate'],
    );
    // the same name in another list is fine
    await run(addProvider, A(), w.adminA, { kind: 'finance', name: 'Stadtwerke Musterstadt' });

    // tenant B neither sees nor can remove A's own names, and may add the same name for itself
    expect((await run(providerNames, w.B.id, w.adminB, { kind: 'other' })).map((p) => p.name)).not.toContain(
      'Stadtwerke Musterstadt',
    );
    expect((await run(providerNames, A(), w.adminA, { kind: 'other' })).map((p) => p.name)).toContain(
      'Stadtwerke Musterstadt',
    );
    await refused(() => run(removeProvider, w.B.id, w.adminB, { id: added.id }), ['not_found']);
    await refused(() => run(removeProvider, A(), w.adminB, { id: added.id }), ['forbidden', 'not_found']);
    await refused(() => run(addProvider, A(), w.adminB, { kind: 'other', name: 'Eingeschmuggelt' }), ['forbidden']);
    const bOwn = await run(addProvider, w.B.id, w.adminB, { kind: 'other', name: 'Stadtwerke Musterstadt' });
    expect(bOwn.id).not.toBe(added.id);

    // shipped names cannot be removed
    const [shipped] = await db
      .select()
      .from(providers)
      .where(and(dsql`${providers.tenantId} is null`, eq(providers.name, 'CONDOR Allgemeine Versicherungs-AG')));
    await refused(() => run(removeProvider, A(), w.adminA, { id: shipped!.id }), ['not_found']);

    await run(removeProvider, A(), w.adminA, { id: added.id });
    expect((await run(providerNames, A(), w.adminA, { kind: 'other' })).map((p) => p.name)).not.toContain(
      'Stadtwerke Musterstadt',
    );
    expect((await run(providerNames, w.B.id, w.adminB, { kind: 'other' })).map((p) => p.name)).toContain(
      'Stadtwerke Musterstadt',
    );
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'provider.removed'), eq(auditLog.targetId, added.id))),
    ).toHaveLength(1);
    // A contract keeps the name it was saved with.
  });

  it('offers the products of each area in their order', async () => {
    const insurance = await run(productNames, A(), w.adminA, { area: 'insurance' });
    const finance = await run(productNames, A(), w.adminA, { area: 'finance' });
    const other = await run(productNames, A(), w.adminA, { area: 'other' });
    const emergency = await run(productNames, A(), w.adminA, { area: 'emergency' });
    expect(insurance).toEqual(
      expect.arrayContaining([
        'Kfz-Versicherung',
        'Privathaftpflichtversicherung',
        'Wohngebäudeversicherung',
        'Berufsunfähigkeitsversicherung',
      ]),
    );
    expect(finance).toEqual(expect.arrayContaining(['Bausparvertrag', 'Baufinanzierung', 'Depot']));
    expect(other).toEqual(expect.arrayContaining(['Strom', 'Mobilfunk']));
    expect(emergency).toEqual(expect.arrayContaining(['Patientenverfügung', 'Vorsorgevollmacht', 'Testament']));
    expect(emergency[0]).toBe('Bestattungsverfügung');
    expect(insurance).not.toContain('Patientenverfügung');
    expect(emergency).not.toContain('Kfz-Versicherung');
    expect(new Set([...insurance, ...finance, ...other, ...emergency]).size).toBe(
      insurance.length + finance.length + other.length + emergency.length,
    );
  });
});
