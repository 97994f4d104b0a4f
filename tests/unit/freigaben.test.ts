import { describe, expect, it } from 'vitest';
import {
  canChangeLoginData,
  canEditContacts,
  canManageUsers,
  canSeeContact,
  canViewContacts,
  mayChangeLoginDataOf,
  rightOf,
  type EmployeeLike,
} from '../../lib/access/employee';
import {
  clientModules,
  deriveRights,
  emptyGrants,
  hasAnyVisible,
  mayChangeItem,
  maySeeItem,
  presetGrants,
  releasesAdvisorItems,
} from '../../lib/access/freigaben';

/**
 * SPEC §3, written out by hand: FREISCHALTUNG (A), DATENFREIGABE (D), NUR LESEN (R) →
 * visible, sees advisor items, sees own items, may create/edit own, may edit/delete advisor items.
 */
const table: [
  A: 0 | 1,
  D: 0 | 1,
  R: 0 | 1,
  visible: 0 | 1,
  advisorItems: 0 | 1,
  ownItems: 0 | 1,
  createOwn: 0 | 1,
  changeAdvisor: 0 | 1,
][] = [
  [0, 0, 0, 0, 0, 0, 0, 0], // nothing granted (default)
  [1, 0, 0, 1, 0, 1, 1, 0], // FREISCHALTUNG: own contracts only, may create
  [0, 1, 0, 1, 1, 1, 1, 1], // DATENFREIGABE: sees and may change/delete advisor contracts
  [0, 0, 1, 1, 1, 1, 0, 0], // NUR LESEN: reads everything, changes nothing
  [1, 1, 0, 1, 1, 1, 1, 1],
  [1, 0, 1, 1, 0, 1, 0, 0], // FREISCHALTUNG + NUR LESEN hides advisor contracts (handbook)
  [0, 1, 1, 1, 1, 1, 0, 0],
  [1, 1, 1, 1, 1, 1, 0, 0],
];

describe('client FREIGABEN – all 8 switch combinations × 6 modules', () => {
  for (const mod of clientModules) {
    it.each(table)(`${mod}: A=%i D=%i R=%i`, (a, d, r, visible, advisorItems, ownItems, createOwn, changeAdvisor) => {
      const grants = emptyGrants();
      grants[mod] = { activation: !!a, dataRelease: !!d, readOnly: !!r };
      expect(deriveRights(grants[mod])).toEqual({
        visible: !!visible,
        seesAdvisorItems: !!advisorItems,
        seesOwnItems: !!ownItems,
        mayCreateEditOwn: !!createOwn,
        mayEditDeleteAdvisorItems: !!changeAdvisor,
      });
      expect(maySeeItem(grants, mod, false)).toBe(!!advisorItems);
      expect(maySeeItem(grants, mod, true)).toBe(!!ownItems);
      expect(mayChangeItem(grants, mod, true)).toBe(!!createOwn);
      expect(mayChangeItem(grants, mod, false)).toBe(!!changeAdvisor);
      // A switch on one module never leaks into another.
      for (const other of clientModules.filter((m) => m !== mod))
        expect(deriveRights(grants[other]).visible).toBe(false);
      expect(hasAnyVisible(grants)).toBe(!!visible);
    });
  }

  it('warns of DATENFREIGABE exactly when some module lets the client change the advisor’s items', () => {
    expect(releasesAdvisorItems(emptyGrants())).toBe(false);
    for (const mod of clientModules) {
      for (const [a, d, r, , , , , changeAdvisor] of table) {
        const grants = emptyGrants();
        grants[mod] = { activation: !!a, dataRelease: !!d, readOnly: !!r };
        expect(releasesAdvisorItems(grants), `${mod}: A=${a} D=${d} R=${r}`).toBe(!!changeAdvisor);
      }
    }
    expect(releasesAdvisorItems(presetGrants('readAll'))).toBe(false);
  });

  it('grants nothing by default', () => {
    expect(hasAnyVisible(emptyGrants())).toBe(false);
  });

  it('has the handbook presets', () => {
    const comm = presetGrants('communicationOnly');
    expect(clientModules.filter((m) => deriveRights(comm[m]).visible)).toEqual(['communication']);
    expect(deriveRights(comm.communication).mayCreateEditOwn).toBe(true);
    const read = presetGrants('readAll');
    for (const m of clientModules)
      expect(deriveRights(read[m])).toMatchObject({
        visible: true,
        seesAdvisorItems: true,
        mayCreateEditOwn: false,
        mayEditDeleteAdvisorItems: false,
      });
    expect(hasAnyVisible(presetGrants('none'))).toBe(false);
  });

  it('reproduces the handbook example', () => {
    const g = emptyGrants();
    g.communication = { activation: true, dataRelease: false, readOnly: false };
    g.insurance = { activation: false, dataRelease: true, readOnly: true };
    g.finance = { activation: true, dataRelease: false, readOnly: false };
    g.other = { activation: true, dataRelease: false, readOnly: false };
    g.emergency = { activation: true, dataRelease: false, readOnly: true };
    expect(deriveRights(g.profile).visible).toBe(false);
    expect(deriveRights(g.communication).mayCreateEditOwn).toBe(true);
    expect(deriveRights(g.insurance)).toMatchObject({ visible: true, seesAdvisorItems: true, mayCreateEditOwn: false });
    expect(deriveRights(g.finance)).toMatchObject({ seesAdvisorItems: false, mayCreateEditOwn: true });
    expect(deriveRights(g.emergency)).toMatchObject({ visible: true, seesAdvisorItems: false });
  });
});

describe('employee rights × scope', () => {
  const rights = (level: 'none' | 'read' | 'write') => ({
    insurance: level,
    finance: level,
    other: level,
    emergency: level,
    communication: level,
  });
  const employee = (
    level: 'none' | 'read' | 'write',
    scope: 'all' | 'own',
    role: 'admin' | 'employee' = 'employee',
  ): EmployeeLike => ({ id: 'me', kind: 'employee', role, rights: rights(level), scope });
  // [role, level, scope, manageUsers, viewContacts, editContacts, seesOwnContact, seesOthersContact, moduleRight]
  const rows: [
    'admin' | 'employee',
    'none' | 'read' | 'write',
    'all' | 'own',
    boolean,
    boolean,
    boolean,
    boolean,
    boolean,
    'none' | 'read' | 'write',
  ][] = [
    ['admin', 'none', 'own', true, true, true, true, true, 'write'],
    ['admin', 'write', 'all', true, true, true, true, true, 'write'],
    ['employee', 'none', 'all', false, false, false, false, false, 'none'],
    ['employee', 'none', 'own', false, false, false, false, false, 'none'],
    ['employee', 'read', 'all', false, true, false, true, true, 'read'],
    ['employee', 'read', 'own', false, true, false, true, false, 'read'],
    ['employee', 'write', 'all', false, true, true, true, true, 'write'],
    ['employee', 'write', 'own', false, true, true, true, false, 'write'],
  ];
  it.each(rows)(
    '%s with %s rights, scope %s',
    (role, level, scope, manage, view, edit, ownContact, othersContact, moduleRight) => {
      const e = employee(level, scope, role);
      expect(canManageUsers(e)).toBe(manage);
      expect(canViewContacts(e)).toBe(view);
      expect(canEditContacts(e)).toBe(edit);
      expect(canSeeContact(e, { advisorId: 'me' })).toBe(ownContact);
      expect(canSeeContact(e, { advisorId: 'someone-else' })).toBe(othersContact);
      expect(canSeeContact(e, { advisorId: null })).toBe(othersContact);
      for (const m of ['insurance', 'finance', 'other', 'emergency', 'communication'] as const)
        expect(rightOf(e, m)).toBe(moduleRight);
    },
  );

  // Issue 13, finding 9: e-mail and birth date (the PIN) of an account holder are a right of their own.
  it('lets only admins change the login data of an account holder; without an account they are master data', () => {
    for (const [role, level, scope] of rows) {
      const e = employee(level, scope, role);
      expect(canChangeLoginData(e)).toBe(role === 'admin');
      for (const status of ['created', 'invited', 'active', 'locked'])
        expect(mayChangeLoginDataOf(e, { status }), `${role} ${level} ${status}`).toBe(role === 'admin');
      expect(mayChangeLoginDataOf(e, { status: 'none' })).toBe(canEditContacts(e));
    }
    const client: EmployeeLike = { id: 'c', kind: 'client', role: 'admin', rights: rights('write'), scope: 'all' };
    expect(canChangeLoginData(client) || mayChangeLoginDataOf(client, { status: 'none' })).toBe(false);
  });

  it('gives clients no employee rights at all', () => {
    const client: EmployeeLike = { id: 'c', kind: 'client', role: null, rights: rights('write'), scope: 'all' };
    expect(canManageUsers(client) || canViewContacts(client) || canEditContacts(client)).toBe(false);
    expect(rightOf(client, 'insurance')).toBe('none');
  });

  it('mixes levels per module', () => {
    const e: EmployeeLike = {
      id: 'me',
      kind: 'employee',
      role: 'employee',
      scope: 'all',
      rights: { insurance: 'read', finance: 'none', other: 'none', emergency: 'none', communication: 'none' },
    };
    expect(canViewContacts(e)).toBe(true);
    expect(canEditContacts(e)).toBe(false);
    expect(rightOf(e, 'insurance')).toBe('read');
    expect(rightOf(e, 'finance')).toBe('none');
  });
});
