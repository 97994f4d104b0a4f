/** What a document file may be (SPEC §4): checked in the browser for comfort, on the server by the bytes. */
export const documentUpload = {
  maxBytes: 20 * 1024 * 1024,
  /** Types of the real bytes (magic numbers), as file-type reports them. */
  types: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'] as readonly string[],
  /** File-name endings the file chooser offers. */
  accept: '.pdf,.jpg,.jpeg,.png,.webp,.heic,.heif,application/pdf,image/jpeg,image/png,image/webp,image/heic,image/heif',
  /** Open uploads per account at one time (each holds storage until finalised or swept). */
  maxPending: 60,
  /** Unfinished uploads are swept after this. */
  sweepAfterHours: 24,
  /** Photos are scaled in the browser to this long edge before the upload. */
  maxImageEdge: 2560,
} as const;

export const uploadMessages = {
  type: 'Diese Datei können wir nicht annehmen. Erlaubt sind PDF, JPEG, PNG, WebP und HEIC.',
  size: 'Die Datei ist zu groß (höchstens 20 MB).',
  empty: 'Die Datei ist leer.',
  missing: 'Die Datei ist nicht (vollständig) angekommen. Bitte laden Sie sie erneut hoch.',
  unknown: 'Diese Datei gehört nicht zu Ihrem Upload. Bitte wählen Sie sie erneut aus.',
} as const;

/** Inline preview (viewer page) only for types a browser shows safely. */
export function previewable(mime: string): 'pdf' | 'image' | null {
  if (mime === 'application/pdf') return 'pdf';
  if (mime === 'image/jpeg' || mime === 'image/png' || mime === 'image/webp') return 'image';
  return null;
}

/** A file name safe to show and to put into Content-Disposition: no path, no control characters, bounded. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '_').trim();
  // Cut by code points, never inside a surrogate pair.
  const cut = Array.from(clean).slice(0, 160).join('');
  return cut || 'dokument';
}

/** "840 KB", "2,4 MB" – file sizes as shown next to files. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
