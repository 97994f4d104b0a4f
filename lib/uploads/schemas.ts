import { z } from 'zod';
import { uuidField } from '../forms/fields';
import type { UploadPurpose } from './purposes';

const purposes = [
  'documents',
  'tickets',
  'logo',
  'favicon',
  'support',
  'import',
] as const satisfies readonly UploadPurpose[];

/** The file a browser announces before its POST (name, declared type and size; the bytes are checked later). */
export const declaredFileSchema = z.object({
  filename: z.string().max(500),
  contentType: z.string().max(100),
  size: z.number().int(),
});

/** Check or discard one's own pending upload. */
export const uploadRefSchema = z.object({ id: uuidField, purpose: z.enum(purposes).optional() });
