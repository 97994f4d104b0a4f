/**
 * EINSTELLUNGEN against real PostgreSQL: IMPRESSUM / E-MAIL-SIGNATUR (saveRichText, loadTexts) and the
 * WHITELABEL colours (saveColors).
 *
 * Rules under test (R-X1 and SPEC §3):
 *   - only admins of the tenant save; everybody else gets DomainError 'forbidden' and nothing is written
 *     (tenant_settings, tenants, audit_log of both tenants unchanged);
 *   - the stored HTML is sanitised, the stored editor JSON carries nothing executable, and loadTexts
 *     sanitises again on the way out;
 *   - colours are #rrggbb only, refused per field, and 'reset' restores the defaults.
 */
import { and, asc, eq } from 'drizzle-orm';
import type postgres from 'postgres';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmployeeLike } from '../../lib/access/employee';
import { DomainError } from '../../lib/errors';
import type { Db } from '../../lib/db/client';
import { auditLog, tenantSettings, tenants, type EmployeeRights } from '../../lib/db/schema';
import { loadTexts, saveColors, saveRichText, type RichTextKind } from '../../lib/settings';
import type { ThemeColors } from '../../lib/tenant/theme';
import { validateLinkUrl } from '../../lib/settings/links';
import { createAccount } from '../../lib/users/create';
import { expectSafe, payloads } from '../fixtures/safe-html';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { makeTenant } from './fixtures';

type Made = Awaited<ReturnType<typeof makeTenant>>;

let db: Db;
let sql: postgres.Sql;
let t: Made;
let other: Made;
let employee: EmployeeLike;

const allWrite: EmployeeRights = {
  insurance: 'write',
  finance: 'write',
  other: 'write',
  emergency: 'write',
  communication: 'write',
};

const adminOf = (m: Made): EmployeeLike => ({
  id: m.admin.id,
  kind: 'employee',
  role: 'admin',
  rights: null,
  scope: null,
});
const clientOf = (m: Made): EmployeeLike => ({ id: m.client.id, kind: 'client', role: null });

beforeAll(async () => {
  ({ db, sql } = await testDb());
  t = await makeTenant(db, 'einstellungen');
  other = await makeTenant(db, 'nachbarhaus');
  const row = await createAccount(db, {
    tenantId: t.tenant.id,
    kind: 'employee',
    role: 'employee',
    email: 'erika@einstellungen.example',
    firstName: 'Erika',
    lastName: 'Engel',
    status: 'active',
    rights: allWrite,
    scope: 'all',
  });
  employee = { id: row.id, kind: 'employee', role: 'employee', rights: allWrite, scope: 'all' };
});

/* ------------------------------------------------------------------ helpers */

/** The verbs as a request calls them: one context (tenant + actor, checked once), then (ctx, input). */
const saveTextAs = async (tenantId: string, actor: EmployeeLike, kind: RichTextKind, content: string) =>
  saveRichText(await ctxFor(db, tenantId, actor), { kind, content });
const saveColorsAs = async (tenantId: string, actor: EmployeeLike, colors: ThemeColors | 'reset') =>
  saveColors(await ctxFor(db, tenantId, actor), colors);

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]) =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const link = (href: string, target?: string) => ({ type: 'link', attrs: target ? { href, target } : { href } });

const impressum = doc(
  { type: 'heading', attrs: { level: 2 }, content: [text('Impressum')] },
  para(
    text('Einstellungen Makler GmbH', [{ type: 'bold' }]),
    { type: 'hardBreak' },
    text('Hauptstraße 1, 20095 Hamburg'),
  ),
  para(
    text('Web', [link('https://www.einstellungen.example', '_blank')]),
    text(' · '),
    text('Mail', [link('mailto:info@einstellungen.example')]),
  ),
);
const impressumHtml =
  '<h2>Impressum</h2>' +
  '<p><strong>Einstellungen Makler GmbH</strong><br />Hauptstraße 1, 20095 Hamburg</p>' +
  '<p><a href="https://www.einstellungen.example/" target="_blank" rel="noopener noreferrer nofollow">Web</a> · <a href="mailto:info@einstellungen.example" rel="nofollow">Mail</a></p>';

const signature = doc(
  para(text('Mit freundlichen Grüßen')),
  para(text('Ada Admin', [{ type: 'italic' }]), { type: 'hardBreak' }, text('Tel.', [link('tel:+4940123456')])),
);
const signatureHtml =
  '<p>Mit freundlichen Grüßen</p><p><em>Ada Admin</em><br /><a href="tel:+4940123456" rel="nofollow">Tel.</a></p>';

async function settingsRow(tenantId: string) {
  const [row] = await db.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId));
  return row ?? null;
}

async function tenantRow(tenantId: string) {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  return row!;
}

async function auditRows(tenantId: string, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(action ? and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)) : eq(auditLog.tenantId, tenantId))
    .orderBy(asc(auditLog.id));
}

/** Everything a settings call could touch, for both tenants. */
async function fingerprint(): Promise<string> {
  const rows = await sql`
    SELECT
      (SELECT coalesce(json_agg(s ORDER BY s.tenant_id), '[]') FROM tenant_settings s) AS settings,
      (SELECT json_agg(json_build_array(id, primary_color, secondary_color, font_color) ORDER BY id) FROM tenants) AS colors,
      (SELECT count(*) FROM audit_log) AS audits,
      (SELECT coalesce(max(id), 0) FROM audit_log) AS last_audit`;
  return JSON.stringify(rows[0]);
}

async function expectForbidden(call: () => Promise<unknown>): Promise<void> {
  const before = await fingerprint();
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the call was accepted').toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code: 'forbidden' });
  expect((error as DomainError).message).toMatch(/Admins|Berechtigung/);
  expect(await fingerprint()).toBe(before);
}

async function expectInvalid(call: () => Promise<unknown>, field: string, message: RegExp): Promise<void> {
  const before = await fingerprint();
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the call was accepted').toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code: 'invalid', field });
  expect((error as DomainError).message).toMatch(message);
  expect(await fingerprint()).toBe(before);
}

/**
 * What a stored editor document may carry: only schema node types and marks, only their attributes, and
 * only links validateLinkUrl accepts. Returns the list of problems (empty = safe).
 */
function jsonProblems(json: unknown): string[] {
  const nodeAttrs: Record<string, string[]> = {
    doc: [],
    paragraph: [],
    text: [],
    hardBreak: [],
    heading: ['level'],
    bulletList: [],
    orderedList: ['start', 'type'],
    listItem: [],
    blockquote: [],
  };
  const markAttrs: Record<string, string[]> = {
    link: ['href', 'target', 'rel', 'class', 'title'],
    bold: [],
    italic: [],
    underline: [],
    strike: [],
  };
  const problems: string[] = [];
  const visit = (node: unknown, at: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as {
      type?: string;
      attrs?: Record<string, unknown>;
      marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
      content?: unknown[];
    };
    if (!(String(n.type) in nodeAttrs)) problems.push(`${at}: node type ${JSON.stringify(n.type)}`);
    for (const key of Object.keys(n.attrs ?? {})) {
      if (!(nodeAttrs[String(n.type)] ?? []).includes(key))
        problems.push(`${at}: node attribute ${key}=${JSON.stringify(n.attrs![key])}`);
    }
    for (const mark of n.marks ?? []) {
      if (!(mark.type in markAttrs)) problems.push(`${at}: mark ${JSON.stringify(mark.type)}`);
      for (const key of Object.keys(mark.attrs ?? {})) {
        if (!(markAttrs[mark.type] ?? []).includes(key)) problems.push(`${at}: mark attribute ${mark.type}.${key}`);
      }
      if (mark.type === 'link') {
        const href = mark.attrs?.href;
        if (href != null && !validateLinkUrl(String(href)).ok)
          problems.push(`${at}: link href ${JSON.stringify(href)}`);
        if (mark.attrs?.class != null) problems.push(`${at}: link class ${JSON.stringify(mark.attrs.class)}`);
        if (mark.attrs?.target != null && mark.attrs.target !== '_blank')
          problems.push(`${at}: link target ${JSON.stringify(mark.attrs.target)}`);
      }
    }
    (n.content ?? []).forEach((child, i) => visit(child, `${at}.content[${i}]`));
  };
  visit(json, 'doc');
  return problems;
}

/* ------------------------------------------------------------------ saving texts */

describe('a new tenant', () => {
  it('starts with the default colours and no texts', async () => {
    for (const m of [t, other]) {
      expect(await tenantRow(m.tenant.id)).toMatchObject({
        primaryColor: '#1d4ed8',
        secondaryColor: '#0f766e',
        fontColor: '#111827',
      });
      expect(await loadTexts(db, m.tenant.id)).toEqual({
        impressumJson: null,
        impressumHtml: null,
        signatureJson: null,
        signatureHtml: null,
      });
    }
  });
});

describe('saveRichText / loadTexts', () => {
  it('an admin saves the IMPRESSUM: JSON and sanitised HTML are stored, audited and read back', async () => {
    const result = await saveTextAs(t.tenant.id, adminOf(t), 'impressum', JSON.stringify(impressum));
    expect(result).toEqual({ empty: false });

    const row = await settingsRow(t.tenant.id);
    expect(row).toMatchObject({
      tenantId: t.tenant.id,
      impressumJson: expect.objectContaining({ type: 'doc' }),
      impressumHtml,
      signatureJson: null,
      signatureHtml: null,
      updatedBy: t.admin.id,
    });
    expectSafe(row!.impressumHtml!, 'stored impressum');

    const audits = await auditRows(t.tenant.id, 'settings.impressum.saved');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorType: 'user',
      actorId: t.admin.id,
      targetType: 'tenant',
      targetId: t.tenant.id,
      meta: { bytes: impressumHtml.length },
    });

    expect(await loadTexts(db, t.tenant.id)).toEqual({
      impressumJson: row!.impressumJson,
      impressumHtml,
      signatureJson: null,
      signatureHtml: null,
    });
    expect(jsonProblems(row!.impressumJson)).toEqual([]);
    // Nothing reached the other tenant.
    expect(await settingsRow(other.tenant.id)).toBeNull();
    expect(await loadTexts(db, other.tenant.id)).toEqual({
      impressumJson: null,
      impressumHtml: null,
      signatureJson: null,
      signatureHtml: null,
    });
  });

  it('an admin saves the E-MAIL-SIGNATUR next to the IMPRESSUM, and a second save replaces it', async () => {
    await saveTextAs(t.tenant.id, adminOf(t), 'impressum', JSON.stringify(impressum));
    const before = await settingsRow(t.tenant.id);

    expect(await saveTextAs(t.tenant.id, adminOf(t), 'signature', JSON.stringify(signature))).toEqual({ empty: false });
    let row = await settingsRow(t.tenant.id);
    expect(row).toMatchObject({
      impressumJson: expect.objectContaining({ type: 'doc' }),
      impressumHtml,
      signatureJson: expect.objectContaining({ type: 'doc' }),
      signatureHtml,
    });
    expect(row!.updatedAt.getTime()).toBeGreaterThanOrEqual(before!.updatedAt.getTime());
    expect(await auditRows(t.tenant.id, 'settings.signature.saved')).toHaveLength(1);

    const changed = doc(para(text('Viele Grüße')));
    await saveTextAs(t.tenant.id, adminOf(t), 'signature', JSON.stringify(changed));
    row = await settingsRow(t.tenant.id);
    expect(row).toMatchObject({
      impressumHtml,
      signatureJson: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Viele Grüße' }] }],
      },
      signatureHtml: '<p>Viele Grüße</p>',
    });
    expect(await auditRows(t.tenant.id, 'settings.signature.saved')).toHaveLength(2);
    expect(await loadTexts(db, t.tenant.id)).toMatchObject({ impressumHtml, signatureHtml: '<p>Viele Grüße</p>' });
    // One row per tenant, however often it is saved.
    const [{ n }] =
      (await sql`SELECT count(*)::int AS n FROM tenant_settings WHERE tenant_id = ${t.tenant.id}`) as unknown as [
        { n: number },
      ];
    expect(n).toBe(1);
  });

  it('an empty document clears the text (stored as NULL) and reports empty', async () => {
    await saveTextAs(t.tenant.id, adminOf(t), 'signature', JSON.stringify(signature));
    expect(await saveTextAs(t.tenant.id, adminOf(t), 'signature', JSON.stringify(doc(para())))).toEqual({
      empty: true,
    });
    expect(await settingsRow(t.tenant.id)).toMatchObject({ signatureJson: null, signatureHtml: null });
    expect((await loadTexts(db, t.tenant.id)).signatureHtml).toBeNull();
    const [last] = (await auditRows(t.tenant.id, 'settings.signature.saved')).slice(-1);
    expect(last!.meta).toEqual({ bytes: 0 });
  });

  it('loadTexts sanitises again: HTML that reached the table some other way comes out clean', async () => {
    await saveTextAs(other.tenant.id, adminOf(other), 'impressum', JSON.stringify(impressum));
    await sql`UPDATE tenant_settings SET impressum_html = ${'<p onclick="alert(1)">Hallo</p><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>'},
      signature_html = ${'<iframe srcdoc="<script>alert(1)</script>"></iframe><p style="color:red">Gruß</p>'} WHERE tenant_id = ${other.tenant.id}`;
    const texts = await loadTexts(db, other.tenant.id);
    expect(texts.impressumHtml).toBe('<p>Hallo</p><a>x</a>');
    expect(texts.signatureHtml).toBe('<p>Gruß</p>');
    expectSafe(texts.impressumHtml!, 'loadTexts impressum');
    expectSafe(texts.signatureHtml!, 'loadTexts signature');
  });
});

/* ------------------------------------------------------------------ who may save */

describe('only admins of the tenant save', () => {
  const withRole = (over: Partial<EmployeeLike>) => (): EmployeeLike => ({ ...employee, ...over });
  const actors: Array<[string, () => EmployeeLike, () => string]> = [
    ['a non-admin employee with all rights', () => employee, () => t.tenant.id],
    ['an employee without a role', withRole({ role: null }), () => t.tenant.id],
    ['a client', () => clientOf(t), () => t.tenant.id],
    ['a client claiming the admin role', () => ({ ...clientOf(t), role: 'admin' }), () => t.tenant.id],
    ["the other tenant's admin passing this tenant's id", () => adminOf(other), () => t.tenant.id],
    ["this tenant's admin passing the other tenant's id", () => adminOf(t), () => other.tenant.id],
  ];

  it.each(actors)('%s cannot save the IMPRESSUM', async (_name, actor, tenantId) => {
    await expectForbidden(() =>
      saveTextAs(tenantId(), actor(), 'impressum', JSON.stringify(doc(para(text('Übernommen!'))))),
    );
  });

  it.each(actors)('%s cannot save the E-MAIL-SIGNATUR', async (_name, actor, tenantId) => {
    await expectForbidden(() =>
      saveTextAs(tenantId(), actor(), 'signature', JSON.stringify(doc(para(text('Übernommen!'))))),
    );
  });

  it.each(actors)('%s cannot change the colours', async (_name, actor, tenantId) => {
    await expectForbidden(() =>
      saveColorsAs(tenantId(), actor(), { primary: '#ff0000', secondary: '#00ff00', font: '#0000ff' }),
    );
  });

  it.each(actors)('%s cannot reset the colours', async (_name, actor, tenantId) => {
    await saveColorsAs(tenantId(), adminOfTenant(tenantId()), {
      primary: '#123456',
      secondary: '#234567',
      font: '#345678',
    });
    await expectForbidden(() => saveColorsAs(tenantId(), actor(), 'reset'));
  });

  it('is refused before the content is even looked at (no validation message leaks to non-admins)', async () => {
    await expectForbidden(() => saveTextAs(t.tenant.id, employee, 'impressum', 'kein json'));
    await expectForbidden(() =>
      saveColorsAs(t.tenant.id, clientOf(t), { primary: 'red', secondary: 'red', font: 'red' }),
    );
  });
});

function adminOfTenant(tenantId: string): EmployeeLike {
  return tenantId === t.tenant.id ? adminOf(t) : adminOf(other);
}

/* ------------------------------------------------------------------ hostile content */

describe('hostile documents', () => {
  const hostile = doc(
    {
      type: 'heading',
      attrs: { level: 1, onclick: 'alert(1)', style: 'color:red' },
      content: [text('<script>alert(1)</script>')],
    },
    para(
      text('js', [link('javascript:alert(document.cookie)', '_blank')]),
      text(' '),
      text('vb', [link('VBScript:MsgBox(1)')]),
      text(' '),
      text('data', [link('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==')]),
      text(' '),
      text('tab', [link('java\tscript:alert(1)')]),
      text(' '),
      text('entity', [link('&#106;avascript:alert(1)')]),
      text(' '),
      text('http', [link('http://evil.example/')]),
      text(' '),
      text('klasse', [
        {
          type: 'link',
          attrs: {
            href: 'https://www.einstellungen.example',
            class: 'x" onmouseover="alert(1)',
            target: '_top',
            rel: 'opener',
          },
        },
      ]),
    ),
    para(text('<img src=x onerror=alert(1)>'), text('"><svg onload=alert(1)>', [{ type: 'bold' }])),
  );

  it('stores HTML without anything executable, and loadTexts returns it clean', async () => {
    await saveTextAs(t.tenant.id, adminOf(t), 'impressum', JSON.stringify(hostile));
    const row = await settingsRow(t.tenant.id);
    expectSafe(row!.impressumHtml!, 'stored hostile impressum');
    expect(row!.impressumHtml).toBe(
      '<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>' +
        '<p><a>js</a> <a>vb</a> <a>data</a> <a>tab</a> <a>entity</a> <a>http</a> <a href="https://www.einstellungen.example/" rel="nofollow">klasse</a></p>' +
        '<p>&lt;img src=x onerror=alert(1)&gt;<strong>"&gt;&lt;svg onload=alert(1)&gt;</strong></p>',
    );
    const texts = await loadTexts(db, t.tenant.id);
    expect(texts.impressumHtml).toBe(row!.impressumHtml);
    expectSafe(texts.impressumHtml!, 'loaded hostile impressum');
  });

  it('stores editor JSON without executable links or foreign attributes', async () => {
    await saveTextAs(t.tenant.id, adminOf(t), 'signature', JSON.stringify(hostile));
    const row = await settingsRow(t.tenant.id);
    expect(jsonProblems(row!.signatureJson), 'stored signature JSON').toEqual([]);
    expect(jsonProblems((await loadTexts(db, t.tenant.id)).signatureJson), 'loaded signature JSON').toEqual([]);
  });

  it('stores every payload of the list, as text and as a link, without anything executable', async () => {
    // Batches that stay below the 20 kB limit.
    const batches: string[][] = [[]];
    // Payloads with a NUL character have their own test below (PostgreSQL refuses U+0000 in text/jsonb).
    for (const p of payloads.filter((x) => !x.includes('\0'))) {
      const current = batches[batches.length - 1]!;
      if (current.join('').length > 2500) batches.push([p]);
      else current.push(p);
    }
    for (const [i, batch] of batches.entries()) {
      const d = doc(...batch.map((p) => para(text(p), text(' link', [link(p, '_blank')]))));
      await saveTextAs(t.tenant.id, adminOf(t), 'impressum', JSON.stringify(d));
      const row = await settingsRow(t.tenant.id);
      expectSafe(row!.impressumHtml!, `payload batch ${i}`);
      expectSafe((await loadTexts(db, t.tenant.id)).impressumHtml!, `payload batch ${i} (loaded)`);
      // The links never survive: each paragraph ends in a plain <a> without attributes.
      expect(row!.impressumHtml!.match(/<a>/g)).toHaveLength(batch.length);
    }
  });

  it.each([
    ['in a text node', doc(para(text('Makler\u0000GmbH')))],
    ['in a link target', doc(para(text('x', [link('https://www.einstellungen.example/\u0000')])))],
    ['in a heading', doc({ type: 'heading', attrs: { level: 2 }, content: [text('<\u0000script>alert(1)</script>')] })],
  ])('a NUL character %s is refused with field "content" or dropped – never a database error', async (_name, d) => {
    const before = await fingerprint();
    const error = await saveTextAs(t.tenant.id, adminOf(t), 'signature', JSON.stringify(d)).then(
      () => null,
      (e: unknown) => e,
    );
    if (error) {
      expect(error, String((error as { cause?: unknown }).cause ?? error)).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'invalid', field: 'content' });
      expect(await fingerprint()).toBe(before);
    } else {
      const row = await settingsRow(t.tenant.id);
      expect(row!.signatureHtml).not.toContain('\u0000');
      expect(JSON.stringify(row!.signatureJson)).not.toContain('\\u0000');
      expectSafe(row!.signatureHtml!, 'NUL document');
    }
  });

  it('refuses an oversize document with field "content" and writes nothing', async () => {
    const big = JSON.stringify(doc(para(text('a'.repeat(20_001)))));
    await expectInvalid(() => saveTextAs(t.tenant.id, adminOf(t), 'impressum', big), 'content', /zu lang.*20 kB/);
  });

  it.each([
    ['not JSON', 'kein json', /nicht gelesen werden/],
    ['not a document', JSON.stringify({ type: 'paragraph' }), /nicht gelesen werden/],
    ['an image', JSON.stringify(doc({ type: 'image', attrs: { src: 'https://evil.example/x.png' } })), /nicht erlaubt/],
  ])('refuses %s with field "content" and writes nothing', async (_name, raw, message) => {
    await expectInvalid(() => saveTextAs(t.tenant.id, adminOf(t), 'signature', raw), 'content', message);
  });
});

/* ------------------------------------------------------------------ colours */

describe('saveColors', () => {
  beforeEach(async () => {
    await saveColorsAs(t.tenant.id, adminOf(t), 'reset');
  });

  it('accepts #rrggbb (stored lower-case), audits and leaves the other tenant alone', async () => {
    const otherBefore = await tenantRow(other.tenant.id);
    await saveColorsAs(t.tenant.id, adminOf(t), { primary: '#0B4F6C', secondary: '#f2a541', font: '#1F2933' });
    expect(await tenantRow(t.tenant.id)).toMatchObject({
      primaryColor: '#0b4f6c',
      secondaryColor: '#f2a541',
      fontColor: '#1f2933',
    });
    expect(await tenantRow(other.tenant.id)).toEqual(otherBefore);
    const [last] = (await auditRows(t.tenant.id, 'settings.colors.saved')).slice(-1);
    expect(last).toMatchObject({ actorType: 'user', actorId: t.admin.id, targetType: 'tenant', targetId: t.tenant.id });
    expect(last!.meta).toMatchObject({ primary: '#0B4F6C', secondary: '#f2a541', font: '#1F2933' });
  });

  const bad: Array<[string, string]> = [
    ['a colour name', 'red'],
    ['three digits', '#fff'],
    ['CSS injection', 'red;}body{background:url(//evil.example/x)}'],
    ['a valid colour with a CSS tail', '#123456;color:red'],
    ['seven digits', '#1234567'],
    ['no hash', '123456'],
    ['a non-hex digit', '#12345g'],
    ['a leading space', ' #123456'],
    ['a trailing newline', '#123456\n'],
    ['rgb()', 'rgb(0,0,0)'],
    ['empty', ''],
  ];
  const fields = ['primary', 'secondary', 'font'] as const;

  it.each(fields.flatMap((field) => bad.map(([name, value]) => [field, name, value] as const)))(
    'refuses %s = %s (%j) with a field error and leaves the tenant unchanged',
    async (field, _name, value) => {
      await saveColorsAs(t.tenant.id, adminOf(t), { primary: '#0b4f6c', secondary: '#f2a541', font: '#1f2933' });
      const before = await tenantRow(t.tenant.id);
      const colors = { primary: '#aa0000', secondary: '#00aa00', font: '#0000aa', [field]: value };
      await expectInvalid(() => saveColorsAs(t.tenant.id, adminOf(t), colors), field, /#rrggbb/);
      expect(await tenantRow(t.tenant.id)).toEqual(before);
    },
  );

  it.each(fields)('refuses a colour object without %s with a field error (no crash)', async (field) => {
    const colors: Record<string, string> = { primary: '#aa0000', secondary: '#00aa00', font: '#0000aa' };
    delete colors[field];
    await expectInvalid(() => saveColorsAs(t.tenant.id, adminOf(t), colors as never), field, /#rrggbb/);
  });

  it("'reset' restores the defaults #1d4ed8, #0f766e, #111827 and is audited as a reset", async () => {
    await saveColorsAs(t.tenant.id, adminOf(t), { primary: '#000000', secondary: '#ffffff', font: '#ff00ff' });
    expect(await tenantRow(t.tenant.id)).toMatchObject({
      primaryColor: '#000000',
      secondaryColor: '#ffffff',
      fontColor: '#ff00ff',
    });
    const resets = (await auditRows(t.tenant.id, 'settings.colors.reset')).length;
    await saveColorsAs(t.tenant.id, adminOf(t), 'reset');
    expect(await tenantRow(t.tenant.id)).toMatchObject({
      primaryColor: '#1d4ed8',
      secondaryColor: '#0f766e',
      fontColor: '#111827',
    });
    expect(await auditRows(t.tenant.id, 'settings.colors.reset')).toHaveLength(resets + 1);
  });
});
