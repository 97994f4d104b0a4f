import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const dbImports = {
  patterns: [
    {
      group: ['@/lib/db', '@/lib/db/*', '**/lib/db', '**/lib/db/*', 'drizzle-orm', 'drizzle-orm/*', 'postgres'],
      message: 'app/ and components/ never touch the database: call a function in lib/<domain>/ instead (ARCHITECTURE rule 3).',
    },
  ],
};

const config = [
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...nextVitals,
  ...nextTs,
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', dbImports] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

export default config;
