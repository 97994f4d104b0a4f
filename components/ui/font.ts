import localFont from 'next/font/local';

/**
 * Geist (the `geist` package's variable font) with font-display: optional instead of the package's swap: the
 * first paint uses the size-adjusted fallback, and the web font (preloaded, so usually there in time) only
 * replaces it within the short block period – never later. With swap, the h1 was painted a second time when
 * the font arrived, and that late paint was the page's Largest Contentful Paint (2.4–2.6 s on mobile).
 */
export const sans = localFont({
  // A Latin subset of the package's variable font (scripts/subset-font.sh): 30 instead of 69 KB before the first
  // paint's LCP on a phone; characters outside it (rare scripts in names) come from the fallback font.
  src: './fonts/Geist-Variable-latin.woff2',
  variable: '--font-geist-sans',
  weight: '100 900',
  display: 'optional',
  preload: true,
  adjustFontFallback: 'Arial',
});
