import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const dbImports = {
  patterns: [
    {
      group: ['@/lib/db', '@/lib/db/*', '**/lib/db', '**/lib/db/*', 'drizzle-orm', 'drizzle-orm/*', 'postgres'],
      message:
        'app/ and components/ never touch the database: call a function in lib/<domain>/ instead (ARCHITECTURE rule 3).',
    },
  ],
};

/**
 * No literal UI text in JSX: words live in the message catalogs (docs/structure.md). Text children with a
 * letter, and string literals in the attributes people read or hear, are errors; symbols and punctuation
 * (→, ·, –, …) are fine.
 */
const letters = '[A-Za-zÄÖÜäöüß]';
const literalText = [
  {
    selector: `JSXText[value=/${letters}/]`,
    message: 'UI text belongs in the message catalogs (messages/<locale>/<namespace>.json): use t(…).',
  },
  {
    selector: `JSXExpressionContainer > Literal[value=/${letters}/]`,
    message: 'UI text belongs in the message catalogs: use t(…).',
  },
  {
    selector: `JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label)$/] > Literal[value=/${letters}/]`,
    message: 'Readable attributes come from the message catalogs too: use t(…).',
  },
];

const config = [
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'drizzle/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', dbImports], 'no-restricted-syntax': ['error', ...literalText] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

export default config;
