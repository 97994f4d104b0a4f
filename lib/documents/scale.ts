/**
 * Browser side of the upload: photos are scaled to a long edge of at most 2,560 px and re-encoded as JPEG
 * before they leave the phone. Re-encoding through a canvas drops all metadata, EXIF location included.
 * Runs in the browser only (createImageBitmap, OffscreenCanvas or <canvas>).
 */
export const maxEdge = 2560;

export function scaledSize(width: number, height: number, edge = maxEdge): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= edge) return { width, height };
  const f = edge / long;
  return { width: Math.max(1, Math.round(width * f)), height: Math.max(1, Math.round(height * f)) };
}

/** True for files we re-encode: JPEG and WebP always (metadata), PNG only when larger than the edge. */
export function shouldProcess(type: string): boolean {
  return type === 'image/jpeg' || type === 'image/webp' || type === 'image/png';
}

export async function prepareImage(file: File): Promise<File> {
  if (!shouldProcess(file.type) || typeof createImageBitmap !== 'function') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file; // the server checks the bytes anyway
  }
  const { width, height } = scaledSize(bitmap.width, bitmap.height);
  if (file.type === 'image/png' && width === bitmap.width) {
    bitmap.close();
    return file;
  }
  let blob: Blob | null;
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
    blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  } else {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
    blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  }
  bitmap.close();
  if (!blob) return file;
  const name = file.name.replace(/\.(jpe?g|png|webp)$/i, '') + '.jpg';
  return new File([blob], name, { type: 'image/jpeg', lastModified: Date.now() });
}
