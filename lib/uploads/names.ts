import type { Locale } from '../i18n';

/** A file name safe to show and to put into Content-Disposition: no path, no control characters, bounded. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '_').trim();
  // Cut by code points, never inside a surrogate pair.
  const cut = Array.from(clean).slice(0, 160).join('');
  return cut || 'dokument';
}

const extensionOf: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
};

/** The stored name ends in the extension of the real type ("rechnung.exe" holding a PDF → "rechnung.exe.pdf"). */
export function withExtension(filename: string, mime: string): string {
  const ext = extensionOf[mime];
  if (!ext) return filename;
  const lower = filename.toLowerCase();
  if (lower.endsWith(`.${ext}`) || (ext === 'jpg' && lower.endsWith('.jpeg'))) return filename;
  if ((ext === 'heic' || ext === 'heif') && /\.hei[cf]$/.test(lower)) return filename;
  return `${filename}.${ext}`;
}

/** "840 KB", "2,4 MB" (German) / "2.4 MB" (English) – file sizes as shown next to files. */
export function formatSize(bytes: number, locale: Locale = 'de'): string {
  const tag = locale === 'de' ? 'de-DE' : 'en-GB';
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString(tag, { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Inline preview (viewer page) only for types a browser shows safely. */
export function previewable(mime: string): 'pdf' | 'image' | null {
  if (mime === 'application/pdf') return 'pdf';
  if (mime === 'image/jpeg' || mime === 'image/png' || mime === 'image/webp') return 'image';
  return null;
}
