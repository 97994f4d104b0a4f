/**
 * First-load JS budget (issue 17): browser code must not pull in the two message catalogs (lib/i18n/index.ts
 * loads both, about 64 KiB gzip; the page's own words come through NextIntlClientProvider) or zod (about
 * 31 KiB gzip; forms are checked on the server). This walks the imports of every 'use client' module – values
 * only, not `import type`; a 'use server' module is a reference in the browser and ends the walk – and names
 * the chain that reaches one of them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const forbidden = [
  { name: 'the message catalogs (lib/i18n/index.ts)', hit: (m: string) => m === 'lib/i18n/index.ts' },
  // One namespace file (app/global-error.tsx takes messages/*/error.json) is fine; the index is all of them.
  { name: 'the message catalogs (messages/index.ts)', hit: (m: string) => m === 'messages/index.ts' },
  { name: 'zod', hit: (m: string) => m === 'pkg:zod' },
];

function walk(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((entry) => {
    const rel = path.join(dir, entry);
    if (statSync(path.join(root, rel)).isDirectory()) return walk(rel);
    return /\.(ts|tsx)$/.test(entry) ? [rel] : [];
  });
}

const source = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
const directive = (rel: string, word: string) => new RegExp(`^['"]use ${word}['"]`).test(source(rel).trimStart());

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = path.join(path.dirname(from), spec);
  else return `pkg:${spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`;
  for (const ext of ['.ts', '.tsx', '/index.ts', '/index.tsx', ''])
    if (existsSync(path.join(root, base + ext)) && statSync(path.join(root, base + ext)).isFile()) return base + ext;
  return null;
}

/** The modules a module needs at run time: value imports and re-exports, not type-only ones. */
function valueImports(rel: string): string[] {
  const out: string[] = [];
  for (const m of source(rel).matchAll(/^(?:import|export)\s+(type\s+)?([^'"]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    if (m[1]) continue;
    const names = m[2]!.trim();
    if (/^\{[^}]*\}$/.test(names)) {
      const parts = names
        .replace(/[{}\s]/g, ' ')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      if (parts.length > 0 && parts.every((p) => p.startsWith('type '))) continue;
    }
    const r = resolve(rel, m[3]!);
    if (r) out.push(r);
  }
  for (const m of source(rel).matchAll(/^import\s+['"]([^'"]+)['"]/gm)) {
    const r = resolve(rel, m[1]!);
    if (r) out.push(r);
  }
  return out;
}

function chainsOf(entry: string): string[] {
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length) {
    const at = queue.shift()!;
    if (at.startsWith('pkg:') || (at !== entry && directive(at, 'server'))) continue;
    for (const next of valueImports(at))
      if (!parent.has(next)) {
        parent.set(next, at);
        queue.push(next);
      }
  }
  const found: string[] = [];
  for (const rule of forbidden) {
    const hit = [...parent.keys()].find(rule.hit);
    if (!hit) continue;
    const chain: string[] = [];
    for (let at: string | null | undefined = hit; at; at = parent.get(at)) chain.unshift(at);
    found.push(`${rule.name}: ${chain.join(' → ')}`);
  }
  return found;
}

describe('browser code', () => {
  const clientModules = ['app', 'components'].flatMap(walk).filter((f) => directive(f, 'client'));

  it('finds the client modules', () => {
    expect(clientModules.length).toBeGreaterThan(50);
  });

  it('loads neither the message catalogs nor zod', () => {
    expect(clientModules.flatMap(chainsOf)).toEqual([]);
  });
});
