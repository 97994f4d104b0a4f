#!/usr/bin/env bash
# Regenerates components/ui/fonts/Geist-Variable-latin.woff2 from the `geist` package (issue 17: the whole
# variable font is 69 KB and is fetched before the Largest Contentful Paint of every page; the subset is 30 KB).
# Kept: Latin-1, Latin Extended-A and the Romanian comma letters (clients' names), general punctuation,
# € ™ arrows and the few symbols the catalogs use; the layout features text needs (kerning, ligatures, tabular
# figures, marks). Needs fontTools with Brotli (Debian: apt-get install fonttools python3-brotli).
# The font is under the SIL Open Font License 1.1 (no reserved font name); the licence lies next to the subset.
set -euo pipefail
cd "$(dirname "$0")/.."
src=node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2
out=components/ui/fonts/Geist-Variable-latin.woff2
pyftsubset "$src" --flavor=woff2 --output-file="$out" \
  --unicodes='U+0000-00FF,U+0100-017F,U+0218-021B,U+02C6,U+02DA,U+02DC,U+03A3,U+2000-206F,U+20AC,U+2122,U+2190-2199,U+2212,U+2248,U+2264,U+2265,U+2713,U+FFFD' \
  --layout-features='kern,liga,calt,tnum,ccmp,locl,mark,mkmk'
cp node_modules/geist/LICENSE.txt components/ui/fonts/Geist-OFL.txt
ls -l "$out"
