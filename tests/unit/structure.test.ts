/**
 * The shape of the code (docs/structure.md), checked so it stays: small files, no import cycles between
 * files or domains, one way into the domain, rights in lib/access, words in the catalogs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import madge from 'madge';
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '../../lib/i18n';

const root = path.resolve(__dirname, '../..');
const sourceDirs = ['lib', 'app', 'components'];
/** Data, not code: the shipped insurer catalogue and the demo seed may be long and hold names. */
const dataFiles = new Set(['lib/contracts/catalog-data.ts', 'lib/db/seed.ts']);
/** Stored values (enum members such as 'gekündigt') are data, not words shown as they are. */
const isData = (f: string) => dataFiles.has(f) || f.startsWith('lib/db/schema/');

function walk(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((entry) => {
    const rel = path.join(dir, entry);
    if (statSync(path.join(root, rel)).isDirectory()) return walk(rel);
    return /\.(ts|tsx)$/.test(entry) ? [rel] : [];
  });
}
const files = sourceDirs.flatMap(walk);
const text = (f: string) => readFileSync(path.join(root, f), 'utf8');

describe('structure', () => {
  it('keeps every source file at 300 lines or fewer (split by verb)', () => {
    const long = files
      .filter((f) => !dataFiles.has(f))
      .map((f) => [f, text(f).split('\n').length] as const)
      .filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });

  it('has no import cycles between files or between domains', async () => {
    const graph = await madge(
      sourceDirs.map((d) => path.join(root, d)),
      {
        baseDir: root,
        fileExtensions: ['ts', 'tsx'],
        tsConfig: path.join(root, 'tsconfig.json'),
        detectiveOptions: { ts: { skipTypeImports: true }, tsx: { skipTypeImports: true } },
      },
    );
    expect(graph.circular()).toEqual([]);
    // Feature domains (lib/<folder>): an edge a → b for every value import; no cycle may close. The
    // infrastructure below them (db, env, i18n, errors, ctx, request, tenant, auth, access, audit, storage)
    // is a layer of its own; the demo seed is a composition root and may use everything.
    const features = new Set([
      'contacts',
      'users',
      'grants',
      'contracts',
      'documents',
      'tickets',
      'privacy',
      'settings',
      'leads',
      'support',
      'portal',
      'uploads',
      'jobs',
      'mail',
      'help',
      'platform',
    ]);
    const domainOf = (f: string) =>
      f.startsWith('lib/') && features.has(f.split('/')[1]!) && f.split('/').length > 2 ? f.split('/')[1]! : null;
    const edges = new Map<string, Set<string>>();
    for (const [from, tos] of Object.entries(graph.obj())) {
      const a = domainOf(from);
      if (!a) continue;
      for (const to of tos) {
        const b = domainOf(to);
        if (b && b !== a) edges.set(a, (edges.get(a) ?? new Set()).add(b));
      }
    }
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]) => {
      for (const next of edges.get(node) ?? []) {
        if (next === trail[0]) cycles.push([...trail, next].join(' → '));
        else if (!trail.includes(next) && next > trail[0]!) visit(next, [...trail, next]);
      }
    };
    for (const start of edges.keys()) visit(start, [start]);
    expect(cycles).toEqual([]);
  }, 60_000);

  it('reaches the domain one way: no read.ts wrappers, no legacy action wrappers, no pool in pages or actions', () => {
    expect(files.filter((f) => /^lib\/[^/]+\/read\.ts$/.test(f))).toEqual([]);
    expect(files.filter((f) => /actions\/wrap['"]/.test(text(f)))).toEqual([]);
    const poolUsers = files.filter(
      (f) => (f.startsWith('app/') || f.endsWith('/actions.ts')) && /\bdb\(\)/.test(text(f)),
    );
    expect(poolUsers).toEqual([]);
    expect(files.filter((f) => /assertActorInTenant/.test(text(f)))).toEqual([]);
  });

  it('decides rights only in lib/access', () => {
    const outside = files.filter((f) => !f.startsWith('lib/access/'));
    const offenders = outside.filter((f) =>
      /role === 'admin'|scope \?\? 'all'\) === 'own'|\.scope === 'own'|dataRelease && !/.test(text(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('gives every domain error a catalog key, never text', () => {
    const bad: string[] = [];
    for (const f of files) {
      for (const m of text(f).matchAll(/new DomainError\(\s*'[a-z_]+',\s*(['`])((?:(?!\1).)*)\1/g)) {
        if (!isMessageKey(m[2]!)) bad.push(`${f}: ${m[2]}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps German words out of code: they live in messages/de', () => {
    const german = /['"`][^'"`\n]*([äöüÄÖÜß]|\bBitte\b|\bSie\b|\bIhre?\b)[^'"`\n]*['"`]/;
    const bad = files
      .filter((f) => !isData(f))
      .flatMap((f) =>
        text(f)
          .split('\n')
          .map((line, i) => [line, i + 1] as const)
          .filter(([line]) => german.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line))
          .map(([line, n]) => `${f}:${n}: ${line.trim().slice(0, 100)}`),
      );
    expect(bad).toEqual([]);
  });
});
