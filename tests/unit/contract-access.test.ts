import { describe, expect, it } from 'vitest';
import type { EmployeeLike } from '../../lib/access/employee';
import { clientModules, emptyGrants, type Grants } from '../../lib/access/freigaben';
import { mayAddTo, mayChange, maySee, maySeeArea, type ContactFacts, type Viewer } from '../../lib/access/folder';
import { documentAreas, type DocumentArea } from '../../lib/db/schema/contracts';
import type { RightLevel } from '../../lib/db/schema/users';

const contact: ContactFacts = { id: 'contact-1', advisorId: 'advisor-1' };
const otherContact: ContactFacts = { id: 'contact-2', advisorId: 'advisor-1' };

const client = (grants: Grants, clientId = contact.id): Viewer => ({ kind: 'client', clientId, grants });
const allOn = (): Grants =>
  Object.fromEntries(clientModules.map((m) => [m, { activation: true, dataRelease: true, readOnly: false }])) as Grants;

const combos = [0, 1].flatMap((a) => [0, 1].flatMap((d) => [0, 1].map((r) => [!!a, !!d, !!r] as const)));

/** SPEC §3 rules, written from the SPEC rather than from deriveRights. */
const spec = (a: boolean, d: boolean, r: boolean) => ({
  visible: a || d || r,
  seesAdvisor: d || (r && !a),
  seesOwn: a || d || r,
  createEditOwn: (a || d) && !r,
  changeAdvisor: d && !r,
});

describe('clients: 8 switch combinations × createdByClient × 5 areas', () => {
  it('covers all 8 combinations', () => {
    expect(new Set(combos.map((c) => c.join())).size).toBe(8);
  });

  for (const area of documentAreas) {
    describe(area, () => {
      it.each(combos)('A=%s D=%s R=%s', (a, d, r) => {
        const grants = emptyGrants();
        grants[area] = { activation: a, dataRelease: d, readOnly: r };
        const v = client(grants);
        const want = spec(a, d, r);
        const own = { area, createdByClient: true };
        const advisors = { area, createdByClient: false };

        expect(maySeeArea(v, contact, area)).toBe(want.visible);
        expect(mayAddTo(v, contact, area)).toBe(want.createEditOwn);
        expect(maySee(v, contact, own)).toBe(want.seesOwn);
        expect(maySee(v, contact, advisors)).toBe(want.seesAdvisor);
        expect(mayChange(v, contact, own)).toBe(want.createEditOwn);
        expect(mayChange(v, contact, advisors)).toBe(want.changeAdvisor);

        // Never changes what cannot be seen.
        if (!maySee(v, contact, own)) expect(mayChange(v, contact, own)).toBe(false);
        if (!maySee(v, contact, advisors)) expect(mayChange(v, contact, advisors)).toBe(false);

        // The switches of this area say nothing about the other areas.
        for (const other of documentAreas.filter((x) => x !== area)) {
          expect(maySeeArea(v, contact, other)).toBe(false);
          expect(mayAddTo(v, contact, other)).toBe(false);
          for (const createdByClient of [true, false]) {
            expect(maySee(v, contact, { area: other, createdByClient })).toBe(false);
            expect(mayChange(v, contact, { area: other, createdByClient })).toBe(false);
          }
        }

        // Another contact's folder stays closed, whatever the switches.
        expect(maySeeArea(v, otherContact, area)).toBe(false);
        expect(mayAddTo(v, otherContact, area)).toBe(false);
        for (const item of [own, advisors]) {
          expect(maySee(v, otherContact, item)).toBe(false);
          expect(mayChange(v, otherContact, item)).toBe(false);
        }
      });

      it('switches on every other module do not open this area', () => {
        const grants = allOn();
        grants[area] = { activation: false, dataRelease: false, readOnly: false };
        const v = client(grants);
        expect(maySeeArea(v, contact, area)).toBe(false);
        expect(mayAddTo(v, contact, area)).toBe(false);
        for (const createdByClient of [true, false]) {
          expect(maySee(v, contact, { area, createdByClient })).toBe(false);
          expect(mayChange(v, contact, { area, createdByClient })).toBe(false);
        }
      });
    });
  }

  it('a client with every switch on sees nothing of a different contact id', () => {
    for (const clientId of ['contact-2', '', 'CONTACT-1', 'advisor-1']) {
      const v = client(allOn(), clientId);
      for (const area of documentAreas) {
        expect(maySeeArea(v, contact, area)).toBe(false);
        expect(mayAddTo(v, contact, area)).toBe(false);
        for (const createdByClient of [true, false]) {
          expect(maySee(v, contact, { area, createdByClient })).toBe(false);
          expect(mayChange(v, contact, { area, createdByClient })).toBe(false);
        }
      }
    }
  });

  it('a client with nothing granted sees nothing of their own folder', () => {
    const v = client(emptyGrants());
    for (const area of documentAreas) {
      expect(maySeeArea(v, contact, area)).toBe(false);
      for (const createdByClient of [true, false]) expect(maySee(v, contact, { area, createdByClient })).toBe(false);
    }
  });
});

describe('employees', () => {
  const rights = (
    levels: Partial<Record<'insurance' | 'finance' | 'other' | 'emergency' | 'communication', RightLevel>>,
  ) => ({
    insurance: 'none' as RightLevel,
    finance: 'none' as RightLevel,
    other: 'none' as RightLevel,
    emergency: 'none' as RightLevel,
    communication: 'none' as RightLevel,
    ...levels,
  });
  const employee = (e: Partial<EmployeeLike>): Viewer => ({
    kind: 'employee',
    employee: { id: 'advisor-1', kind: 'employee', role: 'employee', scope: 'all', rights: rights({}), ...e },
  });

  /** All four answers for one area, for both item origins. */
  const answers = (v: Viewer, c: ContactFacts, area: DocumentArea) => ({
    area: maySeeArea(v, c, area),
    add: mayAddTo(v, c, area),
    seeOwn: maySee(v, c, { area, createdByClient: true }),
    seeAdvisor: maySee(v, c, { area, createdByClient: false }),
    changeOwn: mayChange(v, c, { area, createdByClient: true }),
    changeAdvisor: mayChange(v, c, { area, createdByClient: false }),
  });
  const expected = (level: RightLevel) => {
    const see = level !== 'none';
    const write = level === 'write';
    return { area: see, add: write, seeOwn: see, seeAdvisor: see, changeOwn: write, changeAdvisor: write };
  };

  it('an admin may do everything in every area of every contact, whatever rights and scope say', () => {
    const v = employee({ id: 'admin-1', role: 'admin', scope: 'own', rights: rights({}) });
    for (const c of [contact, otherContact, { id: 'x', advisorId: null }]) {
      for (const area of documentAreas) expect(answers(v, c, area)).toEqual(expected('write'));
    }
  });

  const folderAreas = ['insurance', 'finance', 'other', 'emergency'] as const;
  for (const area of folderAreas) {
    it.each(['none', 'read', 'write'] as const)(`${area}: module right %s`, (level) => {
      const v = employee({ rights: rights({ [area]: level }) });
      expect(answers(v, contact, area)).toEqual(expected(level));
      // The right of one module does not reach the other folder areas.
      for (const other of folderAreas.filter((x) => x !== area))
        expect(answers(v, contact, other)).toEqual(expected('none'));
    });
  }

  it('the right to one area does not depend on who created the item', () => {
    const v = employee({ rights: rights({ insurance: 'read', finance: 'write' }) });
    expect(maySee(v, contact, { area: 'insurance', createdByClient: true })).toBe(true);
    expect(mayChange(v, contact, { area: 'insurance', createdByClient: true })).toBe(false);
    expect(mayChange(v, contact, { area: 'finance', createdByClient: true })).toBe(true);
    expect(mayChange(v, contact, { area: 'finance', createdByClient: false })).toBe(true);
  });

  describe("area 'profile': read with any right, write with write in at least one module", () => {
    it.each([
      ['no rights', {}, 'none'],
      ['read in one module', { emergency: 'read' }, 'read'],
      [
        'read everywhere',
        { insurance: 'read', finance: 'read', other: 'read', emergency: 'read', communication: 'read' },
        'read',
      ],
      ['read on KOMMUNIKATION only', { communication: 'read' }, 'read'],
      ['write in one folder module', { other: 'write' }, 'write'],
      ['write on KOMMUNIKATION only', { communication: 'write' }, 'write'],
      ['read and one write', { insurance: 'read', finance: 'write' }, 'write'],
    ] as const)('%s → %s', (_name, levels, level) => {
      const v = employee({ rights: rights(levels) });
      expect(answers(v, contact, 'profile')).toEqual(expected(level));
    });

    it('null rights mean no rights', () => {
      expect(answers(employee({ rights: null }), contact, 'profile')).toEqual(expected('none'));
      expect(answers(employee({ rights: undefined }), contact, 'insurance')).toEqual(expected('none'));
    });
  });

  describe('scope (BETREUER)', () => {
    const full = rights({
      insurance: 'write',
      finance: 'write',
      other: 'write',
      emergency: 'write',
      communication: 'write',
    });

    it.each([
      ['all', 'advisor-1', true],
      ['all', 'advisor-2', true],
      ['all', null, true],
      ['own', 'advisor-1', true],
      ['own', 'advisor-2', false],
      ['own', null, false],
      [null, 'advisor-2', true], // no scope stored: all contacts
      [undefined, null, true],
    ] as const)('scope %s, contact BETREUER %s → %s', (scope, advisorId, allowed) => {
      const v = employee({ id: 'advisor-1', scope, rights: full });
      const c = { id: 'contact-9', advisorId };
      for (const area of documentAreas) expect(answers(v, c, area)).toEqual(expected(allowed ? 'write' : 'none'));
    });

    it('scope own with read right: reads own contacts only', () => {
      const v = employee({ id: 'advisor-1', scope: 'own', rights: rights({ insurance: 'read' }) });
      expect(answers(v, contact, 'insurance')).toEqual(expected('read'));
      expect(answers(v, { id: 'c', advisorId: 'advisor-2' }, 'insurance')).toEqual(expected('none'));
      expect(answers(v, contact, 'profile')).toEqual(expected('read'));
      expect(answers(v, { id: 'c', advisorId: 'advisor-2' }, 'profile')).toEqual(expected('none'));
    });
  });

  it('an employee viewer whose user is not an employee gets nothing', () => {
    const v: Viewer = {
      kind: 'employee',
      employee: {
        id: 'advisor-1',
        kind: 'client',
        role: 'admin',
        scope: 'all',
        rights: rights({ insurance: 'write' }),
      },
    };
    for (const area of documentAreas) expect(answers(v, contact, area)).toEqual(expected('none'));
  });
});
