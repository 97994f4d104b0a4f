import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import {
  canEditContacts,
  canManageUsers,
  canSeeContact,
  canViewContacts,
  hasAnyRight,
  isAdmin,
  noRights,
  rightOf,
  type EmployeeLike,
} from '../../lib/access/employee';
import { activationSchema } from '../../lib/auth/activation';
import { checkPassword, passwordLimits, type PasswordContext } from '../../lib/auth/password-policy';
import { parsePin, pinMatches, pinOf } from '../../lib/auth/pin';
import { contactListSchema, contactSchema } from '../../lib/contacts/schemas';
import { birthDateField, parseGermanDate } from '../../lib/forms/fields';
import { employeeSchema } from '../../lib/users/schemas';
import { nextFreeUsername, usernameBase } from '../../lib/users/username';

const ASCII_USERNAME = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;

describe('usernameBase', () => {
  it.each([
    ['Max', 'Müller', 'max.mueller'],
    ['Jürgen', 'Groß-Öztürk', 'juergen.gross-oeztuerk'],
    ['ÄNNE', 'STRAUẞ', 'aenne.strauss'],
    ['Özlem', 'Übel', 'oezlem.uebel'],
    ['José', 'García', 'jose.garcia'],
    ['François', 'Bézier', 'francois.bezier'],
    ['Zoë', 'Brontë', 'zoe.bronte'],
    ['  Anna  ', '  Schmidt ', 'anna.schmidt'],
    ['Anna-Lena', "O'Neil", 'anna-lena.o-neil'],
  ])('%s %s → %s', (first, last, expected) => {
    expect(usernameBase(first, last)).toBe(expected);
  });

  it('turns letters NFKD cannot decompose (Ł, ø) into ASCII only', () => {
    const u = usernameBase('José', 'Łukasz');
    expect(u).toMatch(ASCII_USERNAME);
    expect(u.startsWith('jose.')).toBe(true);
    expect(usernameBase('Søren', 'Kierkegaard')).toMatch(ASCII_USERNAME);
    expect(usernameBase('Małgorzata', 'Wąsowska')).toMatch(ASCII_USERNAME);
  });

  it('treats decomposed umlauts (NFD, e.g. pasted from macOS/PDF) like composed ones', () => {
    // "Jürgen Müller" with U+0308 COMBINING DIAERESIS instead of the precomposed ü.
    const decomposed = usernameBase('Ju\u0308rgen', 'Mu\u0308ller');
    expect(decomposed).toMatch(ASCII_USERNAME);
    expect(decomposed).toBe(usernameBase('Jürgen', 'Müller'));
  });

  it('caps very long names at 36 characters, without a trailing separator', () => {
    const long = usernameBase('A'.repeat(30), 'B'.repeat(30));
    expect(long).toBe(`${'a'.repeat(30)}.${'b'.repeat(5)}`);
    expect(long).toHaveLength(36);
    // The cut falls right after the dot: the dot must not stay at the end.
    const atDot = usernameBase('C'.repeat(35), 'Dorn');
    expect(atDot).toBe('c'.repeat(35));
    const atHyphen = usernameBase('Maximilian-Alexander', 'Schmidt-Meier-Westerhausen');
    expect(atHyphen.length).toBeLessThanOrEqual(36);
    expect(atHyphen).toMatch(ASCII_USERNAME);
    // Room for a numeric suffix: the username column's 40 characters.
    expect(nextFreeUsername(long, new Set([long, ...Array.from({ length: 998 }, (_, i) => `${long}${i + 2}`)]))).toBe(
      `${long}1000`,
    );
  });

  it('uses the single part when the other is empty, and "benutzer" when nothing usable is left', () => {
    expect(usernameBase('Max', '')).toBe('max');
    expect(usernameBase('', 'Müller')).toBe('mueller');
    expect(usernameBase('', '')).toBe('benutzer');
    expect(usernameBase('A', '')).toBe('benutzer');
    expect(usernameBase('  ', '!!!')).toBe('benutzer');
    expect(usernameBase('李', '小龙')).toBe('benutzer');
  });
});

describe('nextFreeUsername', () => {
  it('takes the base, then the first free number from 2 on', () => {
    expect(nextFreeUsername('max.mueller', new Set())).toBe('max.mueller');
    expect(nextFreeUsername('max.mueller', new Set(['max.muellerin']))).toBe('max.mueller');
    expect(nextFreeUsername('max.mueller', new Set(['max.mueller']))).toBe('max.mueller2');
    expect(nextFreeUsername('max.mueller', new Set(['max.mueller', 'max.mueller2']))).toBe('max.mueller3');
    expect(nextFreeUsername('max.mueller', new Set(['max.mueller', 'max.mueller3']))).toBe('max.mueller2');
  });
});

describe('PIN', () => {
  it.each([
    ['01021980', '01021980'],
    ['01.02.1980', '01021980'],
    ['1.2.1980', '01021980'],
    ['  01.02.1980  ', '01021980'],
    ['01 02 1980', '01021980'],
    ['01. 02. 1980', '01021980'],
    ['31.12.1999', '31121999'],
  ])('accepts %j as %s', (input, expected) => {
    expect(parsePin(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    '0102198',
    '010219800',
    '01-02-1980',
    '1980-02-01',
    '01/02/1980',
    '01.02.80',
    '010280',
    'abcdefgh',
    '０１０２１９８０', // full-width digits
    '001.02.1980',
  ])('refuses %j', (input) => {
    expect(parsePin(input)).toBeNull();
  });

  it('pinOf turns an ISO date into TTMMJJJJ', () => {
    expect(pinOf('1980-02-01')).toBe('01021980');
  });

  it('matches the stored birth date in both accepted forms only', () => {
    expect(pinMatches('01021980', '1980-02-01')).toBe(true);
    expect(pinMatches('1.2.1980', '1980-02-01')).toBe(true);
    expect(pinMatches('02011980', '1980-02-01')).toBe(false); // day and month swapped
    expect(pinMatches('19800201', '1980-02-01')).toBe(false);
    expect(pinMatches('0102198', '1980-02-01')).toBe(false);
    expect(pinMatches('', '1980-02-01')).toBe(false);
    expect(pinMatches('xxxxxxxx', '1980-02-01')).toBe(false);
  });

  it('never matches when no birth date is stored (not even the placeholder)', () => {
    expect(pinMatches('00000000', null)).toBe(false);
    expect(pinMatches('01021980', null)).toBe(false);
  });

  it('is required and checked for its format by the activation form', () => {
    const ok = activationSchema.safeParse({ password: 'a', passwordRepeat: 'a', pin: '01.02.1980' });
    expect(ok.success).toBe(true);
    const bad = activationSchema.safeParse({ password: 'a', passwordRepeat: 'b', pin: '1980-02-01' });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['pin', 'passwordRepeat']));
  });
});

describe('password policy', () => {
  const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  // Cycles through letters so neither the blocklist nor the "one repeated character" rule applies.
  const ofLength = (n: number) => Array.from({ length: n }, (_, i) => 'kXmq7Zpw3Rtb'[i % 12]).join('');

  it('has the documented limits', () => {
    expect(passwordLimits).toEqual({ min: 12, max: 128 });
  });

  it.each([
    [11, 'too-short'],
    [12, null],
    [128, null],
    [129, 'too-long'],
  ])('length %i → %s', (n, expected) => {
    expect(checkPassword(ofLength(n))).toBe(expected);
  });

  it('counts characters (code points), not UTF-16 units', () => {
    const emoji = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? '🙂' : '🌻')).join('');
    expect(checkPassword(emoji(11))).toBe('too-short'); // 22 UTF-16 units
    expect(checkPassword(emoji(12))).toBeNull();
    expect(checkPassword(emoji(128))).toBeNull(); // 256 UTF-16 units
    expect(checkPassword(emoji(129))).toBe('too-long');
  });

  it.each([
    ['password1234', 'password1234'],
    ['Password1234', 'password1234'],
    ['123456789012', '123456789012'],
    ['passwordpassword', 'passwordpassword'],
    ['qwertyuiop1234', 'qwertyuiop'], // the common word plus appended digits
    ['Password2024!', 'password'],
    ['Passwort2024!!', 'passwort'],
    ['iloveyou1234567', 'iloveyou'],
  ])('refuses the blocklisted %j (list entry %j)', (password, entry) => {
    expect(common.has(entry)).toBe(true);
    expect(checkPassword(password)).toBe('common');
  });

  it('refuses a single repeated character', () => {
    expect(checkPassword('aaaaaaaaaaaa')).toBe('common');
    expect(checkPassword('111111111111111')).toBe('common');
  });

  it('accepts a long string that is not on the list (the list is the only strength rule)', () => {
    expect(common.has('qwertyuiopasdf')).toBe(false);
    expect(checkPassword('qwertyuiopasdf')).toBeNull();
  });

  const ctx: PasswordContext = {
    birthDate: '1980-02-01',
    firstName: 'Max',
    lastName: 'Müller',
    username: 'max.mueller',
    email: 'max.mueller@beispiel.de',
    tenantName: 'Schmidt Makler GmbH',
  };

  it.each(['Geboren am 01.02.1980!', 'Wolkenkratzer01021980', 'Wolkenkratzer-1980-02-01', 'Wolkenkratzer 01.02.80'])(
    'refuses the birth date inside %j',
    (password) => {
      expect(checkPassword(password, ctx)).toBe('personal');
      expect(checkPassword(password, { ...ctx, birthDate: '1975-07-30' })).toBeNull();
    },
  );

  it.each(['max.mueller2024', 'Max.Mueller!!', 'MaxMueller12', 'Müllermüller', 'SchmidtMaklerGmbH1'])(
    'refuses the name/username %j',
    (password) => {
      expect(checkPassword(password, ctx)).toBe('personal');
      expect(checkPassword(password)).toBeNull();
    },
  );

  it('accepts a long passphrase, even one that mentions the name', () => {
    expect(checkPassword('Pferd Batterie Heftklammer richtig', ctx)).toBeNull();
    expect(checkPassword('Herr Müller liest gern Bücher am Meer', ctx)).toBeNull();
  });
});

describe('parseGermanDate', () => {
  it.each([
    ['29.02.2024', '2024-02-29'],
    ['2024-02-29', '2024-02-29'],
    ['1.2.1980', '1980-02-01'],
    ['01.02.1980', '1980-02-01'],
    ['  31.12.1999 ', '1999-12-31'],
    ['1980-02-01', '1980-02-01'],
  ])('%j → %s', (input, expected) => {
    expect(parseGermanDate(input)).toBe(expected);
  });

  it.each([
    '31.02.2020',
    '29.02.2023',
    '2023-02-29',
    '00.01.2000',
    '32.01.2000',
    '01.13.2000',
    '01.00.2000',
    '2024-2-29',
    '01/02/1980',
    '01.02.80',
    '',
    'gestern',
  ])('refuses %j', (input) => {
    expect(parseGermanDate(input)).toBeNull();
  });

  it('birthDateField accepts real dates between 1900 and today only', () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(birthDateField.parse('29.02.2024')).toBe('2024-02-29');
    expect(birthDateField.parse('01.01.1900')).toBe('1900-01-01');
    expect(birthDateField.parse(today)).toBe(today);
    for (const bad of ['31.12.1899', tomorrow, '31.02.2020', '', '   '])
      expect(birthDateField.safeParse(bad).success, bad).toBe(false);
  });
});

describe('form schemas', () => {
  const employeeForm = {
    salutation: 'Frau',
    firstName: ' Erika ',
    lastName: 'Engel',
    birthDate: '01.02.1980',
    email: ' erika@beispiel.de ',
    employeeType: 'mitarbeiter',
    role: 'employee',
    scope: 'own',
    right_insurance: 'write',
  };

  it('employeeSchema trims, converts the date and defaults the missing rights to none', () => {
    const v = employeeSchema.parse(employeeForm);
    expect(v).toMatchObject({
      firstName: 'Erika',
      email: 'erika@beispiel.de',
      birthDate: '1980-02-01',
      role: 'employee',
      scope: 'own',
    });
    expect(v.right_insurance).toBe('write');
    expect(v.right_finance).toBe('none');
    expect(v.right_communication).toBe('none');
  });

  it('employeeSchema refuses unknown roles, scopes, rights and bad e-mails', () => {
    for (const over of [
      { role: 'root' },
      { scope: 'some' },
      { right_finance: 'admin' },
      { email: 'keine-mail' },
      { firstName: '  ' },
      { birthDate: '31.02.1980' },
    ]) {
      expect(employeeSchema.safeParse({ ...employeeForm, ...over }).success, JSON.stringify(over)).toBe(false);
    }
  });

  it('contactSchema maps empty optional fields to null and checks PLZ and phone', () => {
    const v = contactSchema.parse({
      firstName: 'Max',
      lastName: 'Müller',
      birthDate: '1980-02-01',
      email: 'max@beispiel.de',
      advisorId: '',
      zip: '',
      phone: '',
      title: '',
    });
    expect(v).toMatchObject({ advisorId: null, zip: null, phone: null, title: null, salutation: null });
    expect(
      contactSchema.safeParse({
        firstName: 'Max',
        lastName: 'Müller',
        birthDate: '1980-02-01',
        email: 'max@beispiel.de',
        zip: '1234',
      }).success,
    ).toBe(false);
    expect(
      contactSchema.safeParse({
        firstName: 'Max',
        lastName: 'Müller',
        birthDate: '1980-02-01',
        email: 'max@beispiel.de',
        phone: 'ruf mich an',
      }).success,
    ).toBe(false);
    expect(
      contactSchema.safeParse({
        firstName: 'Max',
        lastName: 'Müller',
        birthDate: '1980-02-01',
        email: 'max@beispiel.de',
        advisorId: 'not-a-uuid',
      }).success,
    ).toBe(false);
    expect(contactSchema.safeParse({ firstName: 'Max', lastName: 'Müller', email: 'max@beispiel.de' }).success).toBe(
      false,
    );
  });

  it('contactListSchema defaults to sort by name and refuses other sorts', () => {
    expect(contactListSchema.parse({})).toEqual({ q: '', sort: 'name', filter: 'all' });
    expect(contactListSchema.safeParse({ filter: 'everything' }).success).toBe(false);
    expect(contactListSchema.safeParse({ sort: 'email' }).success).toBe(false);
  });
});

describe('employee rights', () => {
  const id = '11111111-1111-4111-8111-111111111111';
  const other = '22222222-2222-4222-8222-222222222222';
  const admin: EmployeeLike = { id, kind: 'employee', role: 'admin', rights: null, scope: 'own' };
  const blank: EmployeeLike = { id, kind: 'employee', role: 'employee', rights: noRights, scope: 'all' };
  const reader: EmployeeLike = {
    id,
    kind: 'employee',
    role: 'employee',
    rights: { ...noRights, finance: 'read' },
    scope: 'all',
  };
  const writer: EmployeeLike = {
    id,
    kind: 'employee',
    role: 'employee',
    rights: { ...noRights, insurance: 'write' },
    scope: 'all',
  };
  const ownWriter: EmployeeLike = { ...writer, scope: 'own' };
  const client: EmployeeLike = {
    id,
    kind: 'client',
    role: null,
    rights: { ...noRights, insurance: 'write' },
    scope: 'all',
  };

  it('admins have every right and manage users', () => {
    expect(isAdmin(admin)).toBe(true);
    expect(rightOf(admin, 'finance')).toBe('write');
    expect(canManageUsers(admin)).toBe(true);
    expect(hasAnyRight(admin)).toBe(true);
    expect(canViewContacts(admin) && canEditContacts(admin)).toBe(true);
  });

  it('employees have exactly their rights and never manage users', () => {
    expect(rightOf(reader, 'finance')).toBe('read');
    expect(rightOf(reader, 'insurance')).toBe('none');
    expect(rightOf({ ...reader, rights: null }, 'finance')).toBe('none');
    for (const e of [blank, reader, writer]) expect(canManageUsers(e)).toBe(false);
  });

  it('an employee without any right sees no contacts; read sees, write edits', () => {
    expect([hasAnyRight(blank), canViewContacts(blank), canEditContacts(blank)]).toEqual([false, false, false]);
    expect([hasAnyRight(reader), canViewContacts(reader), canEditContacts(reader)]).toEqual([true, true, false]);
    expect([hasAnyRight(writer), canViewContacts(writer), canEditContacts(writer)]).toEqual([true, true, true]);
  });

  it('clients are never admins and have no employee rights, whatever their row says', () => {
    expect(isAdmin({ ...client, role: 'admin' })).toBe(false);
    expect(rightOf(client, 'insurance')).toBe('none');
    expect(canManageUsers({ ...client, role: 'admin' })).toBe(false);
    expect(canViewContacts(client)).toBe(false);
    expect(canEditContacts(client)).toBe(false);
    expect(canSeeContact(client, { advisorId: id })).toBe(false);
  });

  it('scope "own" limits an employee to the contacts they advise; admins ignore the scope', () => {
    expect(canSeeContact(ownWriter, { advisorId: id })).toBe(true);
    expect(canSeeContact(ownWriter, { advisorId: other })).toBe(false);
    expect(canSeeContact(ownWriter, { advisorId: null })).toBe(false);
    expect(canSeeContact(writer, { advisorId: other })).toBe(true);
    expect(canSeeContact(writer, { advisorId: null })).toBe(true);
    expect(canSeeContact(admin, { advisorId: other })).toBe(true);
    expect(canSeeContact({ ...blank, scope: 'all' }, { advisorId: id })).toBe(false);
  });
});
